"""screenings: the station's dispute screening log (排查), synced

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "screenings",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime()),
        sa.Column("station_code", sa.String(32), nullable=False),
        sa.Column("screened_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("screeners", sa.String(200), nullable=False),
        sa.Column("disputes_found", sa.Integer(), nullable=False),
        sa.Column("disputes_prevented", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text()),
    )
    op.create_index("ix_screenings_screened_on", "screenings", ["screened_on"])


def downgrade() -> None:
    op.drop_index("ix_screenings_screened_on", "screenings")
    op.drop_table("screenings")
