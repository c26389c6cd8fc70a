"""deadlines and search: date indexes so the home screen reads the most urgent items first;
a covering index that sorts a page of search matches without reading their rows

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28

bench_gui at 100,000 cases: the deadline list loaded every overdue item (34,852 of them, 1.2 s
warm, 3 s cold) and competed with search as you type right after start-up. With these indexes
each kind is read in deadline order and stops at the list's limit.

Search for one character (张) matched ~2,800 cases whose full rows were read to sort them
(70-140 ms per keystroke); ix_cases_search_cover holds every column the filter and sort need.
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_cases_search_cover", "cases",
                    ["id", "deleted_at", "received_date", "case_number", "status", "dispute_type", "source"])
    op.create_index("ix_agreements_performance_deadline", "agreements", ["performance_deadline", "case_id"],
                    sqlite_where=sa.text("performance_deadline IS NOT NULL"))
    op.create_index("ix_agreements_effective_date", "agreements", ["effective_date", "case_id"],
                    sqlite_where=sa.text("effective_date IS NOT NULL"))
    op.create_index("ix_court_referrals_deadline", "court_referrals", ["deadline", "case_id"])
    op.create_index("ix_follow_ups_next_visit", "follow_ups", ["next_visit_date", "case_id"],
                    sqlite_where=sa.text("next_visit_date IS NOT NULL"))
    op.create_index("ix_follow_ups_case_visit", "follow_ups", ["case_id", "visit_date"])


def downgrade() -> None:
    for name, table in (("ix_follow_ups_case_visit", "follow_ups"), ("ix_follow_ups_next_visit", "follow_ups"),
                        ("ix_court_referrals_deadline", "court_referrals"),
                        ("ix_agreements_effective_date", "agreements"),
                        ("ix_agreements_performance_deadline", "agreements"),
                        ("ix_cases_search_cover", "cases")):
        op.drop_index(name, table_name=table)
