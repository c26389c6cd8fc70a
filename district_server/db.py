"""The district database: PostgreSQL in production (psycopg 3), SQLite for a one-machine trial.

Tables (docs/protocol.md): current entity state, an append-only history, the raw change log
written in the transaction that applies it, devices with their last applied sequence, a feed with
one row per (scope, entity) whose ``seq`` comes from a single counter row updated as the *last*
statement of every writing transaction (Option A: the row lock orders commits by ``seq``, so a
puller can never see seq N+1 without N), conflicts, blobs and reference datasets.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import random
import time

from sqlalchemy import (
    JSON, BigInteger, Boolean, Column, Date, DateTime, Index, Integer, MetaData, String, Table, Text,
    UniqueConstraint, create_engine, event,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import StaticPool
from suyuan_desktop.core.domain import clock

log = logging.getLogger(__name__)
metadata = MetaData()
Json = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> dt.datetime:
    """Naive UTC from the process clock (which ``SUYUAN_CLOCK`` can fix, docs/clock.md)."""
    return clock.utcnow()


server_meta = Table("server_meta", metadata,
                    Column("key", String(64), primary_key=True),
                    Column("value", Text, nullable=False))

stations = Table("stations", metadata,
                 Column("code", String(32), primary_key=True),
                 Column("name", String(100), nullable=False),
                 Column("created_at", DateTime, nullable=False))

enroll_tickets = Table("enroll_tickets", metadata,
                       Column("ticket_hash", String(64), primary_key=True),
                       Column("station_code", String(32), nullable=False),
                       Column("created_at", DateTime, nullable=False),
                       Column("expires_at", DateTime, nullable=False),
                       Column("used_at", DateTime),
                       Column("device_id", String(36)))

devices = Table("devices", metadata,
                Column("id", String(36), primary_key=True),
                Column("station_code", String(32), nullable=False, index=True),
                Column("name", String(100), nullable=False),
                Column("os", String(100), nullable=False, default=""),
                Column("client_version", String(40), nullable=False, default=""),
                Column("refresh_hash", String(64), nullable=False),
                Column("prev_refresh_hash", String(64)),
                Column("replica_epoch", Integer, nullable=False, default=1),
                Column("last_applied_seq", BigInteger, nullable=False, default=0),
                Column("outbox_depth", Integer),
                Column("created_at", DateTime, nullable=False),
                Column("last_seen_at", DateTime),
                Column("revoked_at", DateTime))

entities = Table("entities", metadata,
                 Column("entity_type", String(40), primary_key=True),
                 Column("entity_id", String(36), primary_key=True),
                 Column("case_id", String(36)),
                 Column("scope", String(32), nullable=False),
                 Column("version", Integer, nullable=False),
                 Column("state", Json, nullable=False),
                 Column("deleted", Boolean, nullable=False, default=False),
                 Column("flags", Json, nullable=False, default=list),
                 Column("created_at", DateTime, nullable=False),
                 Column("updated_at", DateTime, nullable=False),
                 Column("last_device_id", String(36)),
                 Index("ix_entities_case", "case_id"),
                 Index("ix_entities_scope_type", "scope", "entity_type"))

entity_history = Table("entity_history", metadata,
                       Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
                       Column("entity_type", String(40), nullable=False),
                       Column("entity_id", String(36), nullable=False),
                       Column("version", Integer, nullable=False),
                       Column("change_id", String(36)),
                       Column("device_id", String(36)),
                       Column("actor", String(64), nullable=False),
                       Column("scope", String(32), nullable=False),
                       Column("patch", Json),
                       Column("state", Json, nullable=False),
                       Column("flags", Json, nullable=False, default=list),
                       Column("at", DateTime, nullable=False),
                       Index("ix_history_entity", "entity_type", "entity_id"))

changes_received = Table("changes_received", metadata,
                         Column("change_id", String(36), primary_key=True),
                         Column("device_id", String(36), nullable=False),
                         Column("device_seq", BigInteger, nullable=False),
                         Column("replica_epoch", Integer, nullable=False),
                         Column("payload_hash", String(64), nullable=False),
                         Column("payload", Json, nullable=False),
                         Column("received_at", DateTime, nullable=False),
                         Column("status", String(16), nullable=False),
                         Column("result", Json, nullable=False),
                         Index("ix_changes_device_seq", "device_id", "device_seq"),
                         Index("ix_changes_status", "status"))

feed = Table("feed", metadata,
             Column("scope", String(32), primary_key=True),
             Column("entity_type", String(40), primary_key=True),
             Column("entity_id", String(36), primary_key=True),
             Column("seq", BigInteger, nullable=False, unique=True),
             Column("op", String(8), nullable=False),
             Index("ix_feed_scope_seq", "scope", "seq"))

sync_counter = Table("sync_counter", metadata,
                     Column("id", Integer, primary_key=True),
                     Column("value", BigInteger, nullable=False))

conflicts = Table("conflicts", metadata,
                  Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
                  Column("entity_type", String(40), nullable=False),
                  Column("entity_id", String(36), nullable=False),
                  Column("case_id", String(36)),
                  Column("station_code", String(32)),
                  Column("from_station", String(32)),
                  Column("field", String(64)),
                  Column("kind", String(24), nullable=False),
                  Column("base_value", Json),
                  Column("server_value", Json),
                  Column("client_value", Json),
                  Column("change_id", String(36)),
                  Column("device_id", String(36)),
                  Column("status", String(12), nullable=False, default="open"),
                  Column("created_at", DateTime, nullable=False),
                  Column("resolved_at", DateTime),
                  Column("resolved_by", String(64)),
                  Column("resolution", Json),
                  Index("ix_conflicts_station_status", "station_code", "status"),
                  Index("ix_conflicts_entity", "entity_type", "entity_id"))

blobs = Table("blobs", metadata,
              Column("sha256", String(64), primary_key=True),
              Column("size", BigInteger, nullable=False),
              Column("mime", String(100), nullable=False),
              Column("verified_at", DateTime, nullable=False))

entity_blobs = Table("entity_blobs", metadata,
                     Column("sha256", String(64), primary_key=True),
                     Column("entity_type", String(40), primary_key=True),
                     Column("entity_id", String(36), primary_key=True))

uploads = Table("uploads", metadata,
                Column("id", String(36), primary_key=True),
                Column("sha256", String(64), nullable=False),
                Column("size", BigInteger, nullable=False),
                Column("mime", String(100), nullable=False),
                Column("offset", BigInteger, nullable=False, default=0),
                Column("device_id", String(36), nullable=False),
                Column("created_at", DateTime, nullable=False),
                Column("completed_at", DateTime),
                UniqueConstraint("sha256", "device_id", name="uq_upload_sha_device"))

reference_data = Table("reference_data", metadata,
                       Column("dataset", String(40), primary_key=True),
                       Column("version", Integer, nullable=False),
                       Column("etag", String(64), nullable=False),
                       Column("data", Json, nullable=False),
                       Column("published_at", DateTime, nullable=False))

reference_history = Table("reference_history", metadata,   # every version published, kept
                          Column("dataset", String(40), primary_key=True),
                          Column("version", Integer, primary_key=True),
                          Column("etag", String(64), nullable=False),
                          Column("data", Json, nullable=False),
                          Column("published_at", DateTime, nullable=False),
                          Column("published_by", String(64), nullable=False))

# What statistics counts of each live case, kept in step with the entities by the one function
# every entity-changing transaction ends with (docs/statistics.md, "District"): read by period
# through the date indexes instead of every case's whole state.
case_facts = Table("case_facts", metadata,
                   Column("case_id", String(36), primary_key=True),
                   Column("station_code", String(32), nullable=False),
                   Column("case_number", String(64), nullable=False),
                   Column("dispute_type", String(4), nullable=False),
                   Column("source", String(32), nullable=False),
                   Column("status", String(32), nullable=False),
                   Column("received_date", Date, nullable=False),
                   Column("closed_date", Date),
                   Column("outcome", String(16), nullable=False),
                   Column("referral_kind", String(16)),
                   Column("referral_deadline", Date),
                   Column("amount", String(24)),                    # Decimal as text: exact on both databases
                   Column("written_agreement_effective", Date),
                   Column("confirmation_applied", Date),
                   Column("confirmation_outcome", String(16)),
                   Column("performance", String(16)),
                   Column("performance_deadline", Date),
                   Column("first_follow_up", Date),
                   Column("escalations", JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")),
                   # ^ [[kind, persons, "YYYY-MM-DD"], ...], or NULL (most cases: nothing to decode)
                   Column("termination_reason", String(32)),
                   Column("court", String(100)),
                   Column("court_reference", String(80)),
                   Column("handed_off", Date),
                   Index("ix_case_facts_received", "received_date", "station_code"),
                   Index("ix_case_facts_closed", "closed_date", "station_code"))

# The district console's people (docs/console.md): accounts with roles, sessions, and the log of
# every view of personal data. Device tokens and console sessions are separate worlds.
console_users = Table("console_users", metadata,
                      Column("username", String(64), primary_key=True),
                      Column("display_name", String(64), nullable=False),
                      Column("role", String(16), nullable=False),
                      Column("password_hash", String(200), nullable=False),
                      Column("failed_logins", Integer, nullable=False, default=0),
                      Column("locked_until", DateTime),
                      Column("disabled_at", DateTime),
                      Column("created_at", DateTime, nullable=False))

console_sessions = Table("console_sessions", metadata,
                         Column("token_hash", String(64), primary_key=True),
                         Column("username", String(64), nullable=False, index=True),
                         Column("csrf", String(64), nullable=False),
                         Column("created_at", DateTime, nullable=False),
                         Column("last_seen_at", DateTime, nullable=False))

console_audit = Table("console_audit", metadata,
                      Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
                      Column("at", DateTime, nullable=False),
                      Column("username", String(64), nullable=False),
                      Column("action", String(40), nullable=False),
                      Column("detail", Json, nullable=False),
                      Index("ix_console_audit_at", "at"))


def make_engine(url: str):
    """An engine for a database URL; 'postgresql://' gets the psycopg 3 driver."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("sqlite"):
        kwargs = {"connect_args": {"check_same_thread": False, "timeout": 30}}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs["poolclass"] = StaticPool
        engine = create_engine(url, json_serializer=_dumps, **kwargs)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, record):
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):
            # SQLite: every server transaction may write; take the write lock up front so two
            # writers never deadlock upgrading a read lock.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        return engine
    return create_engine(url, json_serializer=_dumps, pool_size=20, max_overflow=40, pool_pre_ping=True)


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


_RETRY_PG_CODES = {"40001", "40P01"}  # serialization failure, deadlock detected


def _retryable(exc: Exception) -> bool:
    if isinstance(exc, DBAPIError):
        code = getattr(exc.orig, "sqlstate", None)
        if code in _RETRY_PG_CODES:
            return True
        if isinstance(exc, OperationalError) and "locked" in str(exc.orig).lower():
            return True
    return False


@contextlib.contextmanager
def _tx(engine):
    with engine.begin() as conn:
        yield conn


def run_tx(engine, fn, *, attempts: int = 8):
    """Run fn(conn) in a transaction; retry on deadlock/serialization failure (PostgreSQL) or a
    busy database (SQLite). fn must be safe to re-run: it only touches the database."""
    for attempt in range(attempts):
        try:
            with _tx(engine) as conn:
                return fn(conn)
        except DBAPIError as exc:
            if not _retryable(exc) or attempt == attempts - 1:
                raise
            log.info("transaction retried after %s", type(exc.orig).__name__)
            time.sleep(random.uniform(0, 0.02 * (2 ** attempt)))
