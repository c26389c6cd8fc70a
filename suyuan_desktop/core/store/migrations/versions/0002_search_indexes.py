"""search: phone tail column and covering indexes for search-as-you-type

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Mediators look parties up by the last four digits of a phone number ("尾号5678"), which
``LIKE '%5678'`` can only answer by scanning every party. A derived, indexed ``phone_tail``
column answers it from the index; existing rows are filled in here.
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.add_column(sa.Column("phone_tail", sa.String(length=4), nullable=True))
    op.execute("UPDATE parties SET phone_tail = substr(replace(phone, '-', ''), -4) WHERE phone IS NOT NULL")
    op.create_index("ix_parties_phone_tail_case", "parties", ["phone_tail", "case_id"])
    op.create_index("ix_parties_name_case", "parties", ["name", "case_id"])
    op.create_index("ix_parties_phone_case", "parties", ["phone", "case_id"])
    op.create_index("ix_parties_id_number_case", "parties", ["id_number", "case_id"])
    op.create_index("ix_cases_number_received", "cases", ["case_number", "received_date"])


def downgrade() -> None:
    op.drop_index("ix_cases_number_received", table_name="cases")
    op.drop_index("ix_parties_id_number_case", table_name="parties")
    op.drop_index("ix_parties_phone_case", table_name="parties")
    op.drop_index("ix_parties_name_case", table_name="parties")
    op.drop_index("ix_parties_phone_tail_case", table_name="parties")
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.drop_column("phone_tail")
