"""escalation_preventions: 防激化 recorded on a case (kind and number of persons), synced

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "escalation_preventions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime()),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.Column("recorded_date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text()),
    )
    op.create_index("ix_escalation_preventions_case_id", "escalation_preventions", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_escalation_preventions_case_id", "escalation_preventions")
    op.drop_table("escalation_preventions")
