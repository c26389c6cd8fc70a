"""self-service: the receipts a citizen took at the kiosk, by the hash of their token

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02

The receipt's QR code carries a random token and nothing else; the station keeps only its SHA-256
and the case it belongs to, so that the kiosk can answer "what has become of my application"
(docs/self-service.md). Local to the station: never synced.
"""
from alembic import op
import sqlalchemy as sa

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "self_service_tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("self_service_tokens")
