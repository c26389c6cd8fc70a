"""sync bookkeeping: state, shadow versions, conflicts, revoked cases, reference data, sync log

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("sync_state",
                    sa.Column("key", sa.String(64), primary_key=True),
                    sa.Column("value", sa.Text()))
    op.create_table("sync_shadow",
                    sa.Column("entity_type", sa.String(40), primary_key=True),
                    sa.Column("entity_id", sa.String(36), primary_key=True),
                    sa.Column("server_version", sa.Integer(), nullable=False),
                    sa.Column("flags", sa.JSON()))
    op.create_table("sync_conflicts",
                    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
                    sa.Column("entity_type", sa.String(40), nullable=False),
                    sa.Column("entity_id", sa.String(36), nullable=False),
                    sa.Column("case_id", sa.String(36)),
                    sa.Column("field", sa.String(64)),
                    sa.Column("kind", sa.String(24), nullable=False),
                    sa.Column("base_value", sa.JSON()),
                    sa.Column("server_value", sa.JSON()),
                    sa.Column("client_value", sa.JSON()),
                    sa.Column("created_at", sa.String(40), nullable=False))
    op.create_index("ix_sync_conflicts_case_id", "sync_conflicts", ["case_id"])
    op.create_table("sync_revoked_cases",
                    sa.Column("case_id", sa.String(36), primary_key=True),
                    sa.Column("revoked_at", sa.DateTime(), nullable=False))
    op.create_table("sync_reference",
                    sa.Column("dataset", sa.String(40), primary_key=True),
                    sa.Column("etag", sa.String(80), nullable=False),
                    sa.Column("data", sa.JSON(), nullable=False))
    op.create_table("sync_log",
                    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
                    sa.Column("at", sa.DateTime(), nullable=False),
                    sa.Column("event", sa.String(32), nullable=False),
                    sa.Column("detail", sa.JSON(), nullable=False),
                    sqlite_autoincrement=True)


def downgrade() -> None:
    for t in ("sync_log", "sync_reference", "sync_revoked_cases", "sync_conflicts", "sync_shadow", "sync_state"):
        op.drop_table(t)
