"""search: covering index for agent names, index for bare case sequence numbers

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

Found by bench/bench_core.py on a 100,000-case station: searching a name also searched agents'
names with a full scan of the parties table (~300 ms), and typing a bare number ("0123") looked
the sequence up without an index.
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_parties_agent_case", "parties", ["agent_name", "case_id"])
    op.create_index("ix_cases_seq", "cases", ["case_seq"])


def downgrade() -> None:
    op.drop_index("ix_cases_seq", table_name="cases")
    op.drop_index("ix_parties_agent_case", table_name="parties")
