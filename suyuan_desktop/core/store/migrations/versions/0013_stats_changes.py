"""statistics: which cases changed, kept by triggers, so a report re-reads only those

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02

A year's report over 100,000 cases read every case and its agreements, referrals, confirmations,
follow-ups and 防激化 records each time (about 2.6 s). The statistics service now keeps the facts
it counts in memory and, before each report, re-reads only the cases listed here after the last
change it has seen (docs/statistics.md, "Speed"). One row per case: a newer change replaces the
older one with a higher sequence number.
"""
from alembic import op
import sqlalchemy as sa

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# the tables whose rows a case's figures are read from, and the column naming the case
SOURCES = (("cases", "id"), ("agreements", "case_id"), ("court_referrals", "case_id"),
           ("judicial_confirmations", "case_id"), ("follow_ups", "case_id"), ("escalation_preventions", "case_id"),
           ("issued_documents", "case_id"),   # a court hand-off package
           ("screenings", "'screenings'"))  # 排查 rounds: one marker row, so that a report counted before is redone
MARK = "INSERT OR REPLACE INTO stats_changes (case_id) VALUES ({})"


def trigger_names():
    return [f"tr_{table}_stats_{event}" for table, _ in SOURCES for event in ("insert", "update", "delete")]


def upgrade() -> None:
    op.create_table(
        "stats_changes",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(36), nullable=False, unique=True),
        sqlite_autoincrement=True,
    )
    for table, column in SOURCES:
        new, old = (column if column.startswith("'") else f"{row}.{column}" for row in ("NEW", "OLD"))
        op.execute(f"CREATE TRIGGER tr_{table}_stats_insert AFTER INSERT ON {table} BEGIN {MARK.format(new)}; END")
        op.execute(f"CREATE TRIGGER tr_{table}_stats_update AFTER UPDATE ON {table} BEGIN "
                   f"{MARK.format(old)}; {MARK.format(new)}; END")
        op.execute(f"CREATE TRIGGER tr_{table}_stats_delete AFTER DELETE ON {table} BEGIN {MARK.format(old)}; END")


def downgrade() -> None:
    for name in trigger_names():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("stats_changes")
