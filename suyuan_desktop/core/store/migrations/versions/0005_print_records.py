"""print history

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "print_records",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("issued_document_id", sa.String(length=36), nullable=False),
        sa.Column("printer", sa.String(length=200), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("printed_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["issued_document_id"], ["issued_documents.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_print_records_issued_document_id", "print_records", ["issued_document_id"])


def downgrade() -> None:
    op.drop_table("print_records")
