"""compact bookkeeping: an outbox row points at its audit entry instead of copying the change;
digests kept as their 32 bytes; the audit chain's link recomputed instead of stored

Every local change used to be stored twice, packed, once in the audit log and once in the outbox
(the same ``{field: {old, new}}``). Now the outbox row holds the audit entry's ``seq`` and reads
the change from there. The audit entry's hash and the outbox's payload hash are kept as bytes,
not hex; ``prev_hash`` goes: it is the hash of the entry before, which verification reads anyway
(docs/storage.md). What the chain proves does not change: each hash still covers the previous.
Three indexes on parties go too: name, phone and ID number are each the first column of an index
with the case id, which serves every lookup the single ones did.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""
from alembic import op
import sqlalchemy as sa

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def _sequence(bind, table: str) -> int:
    row = bind.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).first()
    return int(row[0]) if row else 0


def _keep_sequence(bind, table: str, value: int) -> None:
    """AUTOINCREMENT never reuses a number, even after rows were pruned: carry the high mark over."""
    bind.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
    bind.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, value))


def _adopt_unmatched(bind) -> None:
    """An outbox row whose change no audit entry holds (none is known to exist; a database edited
    by hand could have one) gets an audit entry of its own at the end of the chain, so nothing it
    would send is lost."""
    import datetime as dt

    from suyuan_desktop.core.store.packed import unpack
    from suyuan_desktop.core.store.tracking import audit_hash
    rows = bind.exec_driver_sql(
        "SELECT o.local_seq, o.entity_type, o.entity_id, o.op, o.patch, o.device_time FROM sync_outbox o "
        "WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_id = o.entity_id "
        "AND a.entity_type = o.entity_type AND a.changes = o.patch) ORDER BY o.local_seq").all()
    if not rows:
        return
    head = bind.exec_driver_sql("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").scalar() or GENESIS
    for _seq, etype, eid, action, patch, at in rows:
        when = at if isinstance(at, dt.datetime) else dt.datetime.fromisoformat(str(at))
        prev, head = head, audit_hash(head, when, "migration", etype, eid, action, unpack(patch))
        bind.exec_driver_sql(
            "INSERT INTO audit_log (at, actor, entity_type, entity_id, action, changes, prev_hash, hash) "
            "VALUES (?, 'migration', ?, ?, ?, ?, ?, ?)", (str(at), etype, eid, action, patch, prev, head))


def upgrade() -> None:
    bind = op.get_bind()
    raw = bind.connection.driver_connection
    raw.create_function("suyuan_unhex", 1, lambda h: None if h is None else bytes.fromhex(h))
    _adopt_unmatched(bind)
    audit_high, outbox_high = _sequence(bind, "audit_log"), _sequence(bind, "sync_outbox")

    op.create_table(
        "audit_log_new",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(64)),
        sa.Column("entity_type", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(80), nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("hash", sa.LargeBinary(), nullable=False),
        sqlite_autoincrement=True,
    )
    bind.exec_driver_sql(
        "INSERT INTO audit_log_new (seq, at, actor, entity_type, entity_id, action, changes, hash) "
        "SELECT seq, at, actor, entity_type, entity_id, action, changes, suyuan_unhex(hash) FROM audit_log ORDER BY seq")

    op.drop_table("audit_log")
    op.rename_table("audit_log_new", "audit_log")
    op.create_index("ix_audit_log_entity_id", "audit_log", ["entity_id"])

    op.create_table(
        "sync_outbox_new",
        sa.Column("local_seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("change_id", sa.String(36), nullable=False, unique=True),
        sa.Column("entity_type", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("op", sa.String(8), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("new_version", sa.Integer(), nullable=False),
        sa.Column("audit_seq", sa.Integer(), sa.ForeignKey("audit_log.seq"), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(36)),
        sa.Column("device_time", sa.DateTime(), nullable=False),
        sa.Column("payload_hash", sa.LargeBinary(), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text()),
        sa.Column("server_result", sa.JSON()),
        sqlite_autoincrement=True,
    )
    # the audit entry holding the very change: same record, same stored bytes (ix_audit_log_entity_id)
    bind.exec_driver_sql(
        "INSERT INTO sync_outbox_new (local_seq, change_id, entity_type, entity_id, op, base_version, new_version, "
        "audit_seq, schema_version, user_id, device_time, payload_hash, state, attempts, last_error, server_result) "
        "SELECT o.local_seq, o.change_id, o.entity_type, o.entity_id, o.op, o.base_version, o.new_version, "
        "(SELECT min(a.seq) FROM audit_log a WHERE a.entity_id = o.entity_id AND a.entity_type = o.entity_type "
        " AND a.changes = o.patch), "
        "o.schema_version, o.user_id, o.device_time, suyuan_unhex(o.payload_hash), o.state, o.attempts, "
        "o.last_error, o.server_result FROM sync_outbox o ORDER BY o.local_seq")

    op.drop_table("sync_outbox")
    op.rename_table("sync_outbox_new", "sync_outbox")
    # the unique constraint's automatic index keeps its name; the named ones are made again
    op.create_index("ix_sync_outbox_entity_id", "sync_outbox", ["entity_id"])
    op.create_index("ix_sync_outbox_state", "sync_outbox", ["state"])
    for column in ("name", "phone", "id_number"):
        op.drop_index(f"ix_parties_{column}", table_name="parties")
    _keep_sequence(bind, "audit_log", max(audit_high, bind.exec_driver_sql(
        "SELECT coalesce(max(seq), 0) FROM audit_log").scalar()))
    _keep_sequence(bind, "sync_outbox", max(outbox_high, bind.exec_driver_sql(
        "SELECT coalesce(max(local_seq), 0) FROM sync_outbox").scalar()))


def downgrade() -> None:
    raise NotImplementedError("0015 is not undone: restore the copy taken before the migration (backups/pre-migrate-0014-*.db)")
