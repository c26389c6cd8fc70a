"""search: agent names through a partial index (most parties have no agent)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28

bench_core at 100,000 cases: the full (agent_name, case_id) index is as large as the name index
although nine parties in ten have no agent, so every name search decrypted it whole.
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_parties_agent_case", table_name="parties")
    op.create_index("ix_parties_agent_case", "parties", ["agent_name", "case_id"],
                    sqlite_where=sa.text("agent_name IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_parties_agent_case", table_name="parties")
    op.create_index("ix_parties_agent_case", "parties", ["agent_name", "case_id"])
