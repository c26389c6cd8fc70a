"""drafts: unsaved form input kept across a kiosk lock, a quit or a power cut

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("user_id", sa.String(36), primary_key=True),
        sa.Column("key", sa.String(120), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("case_id", sa.String(36)),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("drafts")
