"""statistics: one row of counted facts per live case, kept with the entities, read by date

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

A district report over 10^6 cases read every case's whole state (and every agreement's,
follow-up's ...) to keep a quarter's. ``case_facts`` holds what the counting needs, indexed by the
dates a report selects on; the service rewrites a case's row in the same transaction as any change
to the case or its counted records, and this migration fills it for the cases already held
(docs/statistics.md, "District").
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_facts",
        sa.Column("case_id", sa.String(36), primary_key=True),
        sa.Column("station_code", sa.String(32), nullable=False),
        sa.Column("case_number", sa.String(64), nullable=False),
        sa.Column("dispute_type", sa.String(4), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("received_date", sa.Date(), nullable=False),
        sa.Column("closed_date", sa.Date()),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("referral_kind", sa.String(16)),
        sa.Column("referral_deadline", sa.Date()),
        sa.Column("amount", sa.String(24)),
        sa.Column("written_agreement_effective", sa.Date()),
        sa.Column("confirmation_applied", sa.Date()),
        sa.Column("confirmation_outcome", sa.String(16)),
        sa.Column("performance", sa.String(16)),
        sa.Column("performance_deadline", sa.Date()),
        sa.Column("first_follow_up", sa.Date()),
        sa.Column("escalations", sa.JSON().with_variant(postgresql.JSONB(), "postgresql")),
        sa.Column("termination_reason", sa.String(32)),
        sa.Column("court", sa.String(100)),
        sa.Column("court_reference", sa.String(80)),
        sa.Column("handed_off", sa.Date()),
    )
    op.create_index("ix_case_facts_received", "case_facts", ["received_date", "station_code"])
    op.create_index("ix_case_facts_closed", "case_facts", ["closed_date", "station_code"])
    from district_server.service.stats import rebuild_case_facts
    rebuild_case_facts(op.get_bind())


def downgrade() -> None:
    op.drop_table("case_facts")
