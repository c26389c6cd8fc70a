"""The station's own bookkeeping tables: the outbox, the audit chain, sync state, drafts and name
pieces. None of them is synced; the models module re-exports them with the records."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .models import Base
from .packed import Digest, PackedJSON


# --- sync and audit --------------------------------------------------------------------------

class AuditEntry(Base):
    """Append-only, hash-chained audit log: each entry's hash covers its content and the hash of
    the entry before it (which verification reads from that entry; docs/storage.md)."""

    __tablename__ = "audit_log"
    __table_args__ = {"sqlite_autoincrement": True}
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    actor: Mapped[str | None] = mapped_column(String(64))
    entity_type: Mapped[str] = mapped_column(String(40), nullable=False)
    entity_id: Mapped[str] = mapped_column(String(80), nullable=False, index=True)
    action: Mapped[str] = mapped_column(String(8), nullable=False)
    changes: Mapped[dict] = mapped_column(PackedJSON, nullable=False)
    hash: Mapped[str] = mapped_column(Digest, nullable=False)


class SyncOutbox(Base):
    """One row per local change, written in the transaction of the change (docs/protocol.md).
    The change itself (``{field: {old, new}}``) is the audit entry's, written in the same flush:
    the row points at it instead of keeping a copy (docs/storage.md)."""

    __tablename__ = "sync_outbox"
    # AUTOINCREMENT: local_seq is the device_seq and must never be reused after pruning.
    __table_args__ = {"sqlite_autoincrement": True}
    local_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True, nullable=False)
    entity_type: Mapped[str] = mapped_column(String(40), nullable=False)
    entity_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    op: Mapped[str] = mapped_column(String(8), nullable=False)  # insert / update / delete
    base_version: Mapped[int] = mapped_column(Integer, nullable=False)
    new_version: Mapped[int] = mapped_column(Integer, nullable=False)
    audit_seq: Mapped[int] = mapped_column(ForeignKey("audit_log.seq"), nullable=False)
    schema_version: Mapped[int] = mapped_column(Integer, nullable=False)
    user_id: Mapped[str | None] = mapped_column(String(36))
    device_time: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    payload_hash: Mapped[str] = mapped_column(Digest, nullable=False)
    state: Mapped[str] = mapped_column(String(12), nullable=False, default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    server_result: Mapped[dict | None] = mapped_column(PackedJSON)
    audit: Mapped[AuditEntry] = relationship(lazy="joined", innerjoin=True)

    @property
    def patch(self) -> dict:
        """The change this row sends: its audit entry's."""
        return self.audit.changes


# --- sync bookkeeping (not synced themselves) --------------------------------------------------

class SyncState(Base):
    """Key/value sync settings: server, device, cursor, seq base, last success and error."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class SyncShadow(Base):
    """The server version last applied for each entity, and the server's flags on it."""

    __tablename__ = "sync_shadow"
    entity_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    server_version: Mapped[int] = mapped_column(Integer, nullable=False)
    flags: Mapped[list | None] = mapped_column(JSON)


class SyncConflict(Base):
    """Open conflicts on this station's cases as the district last reported them."""

    __tablename__ = "sync_conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entity_type: Mapped[str] = mapped_column(String(40), nullable=False)
    entity_id: Mapped[str] = mapped_column(String(36), nullable=False)
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    field: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(24), nullable=False)
    base_value: Mapped[object | None] = mapped_column(JSON)
    server_value: Mapped[object | None] = mapped_column(JSON)
    client_value: Mapped[object | None] = mapped_column(JSON)
    created_at: Mapped[str] = mapped_column(String(40), nullable=False)


class SyncRevokedCase(Base):
    """Cases the district moved to another station: kept read-only for the mediator's record."""

    __tablename__ = "sync_revoked_cases"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    revoked_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class SyncReference(Base):
    """District reference datasets as last downloaded, with their ETag."""

    __tablename__ = "sync_reference"
    dataset: Mapped[str] = mapped_column(String(40), primary_key=True)
    etag: Mapped[str] = mapped_column(String(80), nullable=False)
    data: Mapped[object] = mapped_column(JSON, nullable=False)


class SyncLogEntry(Base):
    """Append-only diagnostic log of syncs (counts, durations, error codes; never personal data)."""

    __tablename__ = "sync_log"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    event: Mapped[str] = mapped_column(String(32), nullable=False)
    detail: Mapped[dict] = mapped_column(JSON, nullable=False)


class Draft(Base):
    """Unsaved input of a form (登记、协议、记录 ...), kept so that nothing typed is lost when a kiosk
    locks, the program is closed at the lock screen, or the PC loses power. Per user and form;
    never synced, never audited (it is not a record), encrypted with the rest of the database."""

    __tablename__ = "drafts"
    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key: Mapped[str] = mapped_column(String(120), primary_key=True)   # "intake", "agreement:<case id>"
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    case_id: Mapped[str | None] = mapped_column(String(36))
    payload: Mapped[dict] = mapped_column(JSON, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class NameGram(Base):
    """Search: every one- and two-character piece of the names and agents' names of each case's
    parties (lower case), so that 张 or 张伟 is an index lookup instead of a scan of every name.
    Maintained by triggers on ``parties`` (migration 0010) on every path that writes a party: the
    ORM, sync's raw inserts, restores. Derived data: never synced, never audited."""

    __tablename__ = "name_grams"
    __table_args__ = {"sqlite_with_rowid": False}
    gram: Mapped[str] = mapped_column(String(2), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class StatsChange(Base):
    """Statistics: the cases whose figures may have changed, newest last (``seq``), one row per
    case. Written by triggers on cases and the records a report reads (migration 0013), on every
    path that writes them; the statistics service re-reads the cases after the last ``seq`` it has
    seen (docs/statistics.md, "Speed"). Derived data: never synced, never audited."""

    __tablename__ = "stats_changes"
    __table_args__ = {"sqlite_autoincrement": True}
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)


class SelfServiceToken(Base):
    """A self-service receipt: the SHA-256 of the token its QR code carries, and the case it asks
    about (migration 0014; docs/self-service.md). Never synced: the kiosk of this station answers."""

    __tablename__ = "self_service_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class GramPosition(Base):
    """1..100: the character positions the name-gram triggers take pieces at (SQLite triggers
    cannot use a recursive WITH)."""

    __tablename__ = "gram_positions"
    n: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
