"""The encrypted station database: SQLCipher via sqlcipher3, WAL, foreign keys, synchronous=FULL.

One ``Store`` per database file. Writes go through ``store.write(actor)``, a unit of work that
starts with ``BEGIN IMMEDIATE`` (one writer at a time, no lock-upgrade deadlocks) and commits or
rolls back as a whole; reads use a plain deferred transaction and never block writers (WAL).
"""
from __future__ import annotations

import contextlib
import json
import logging
import threading
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine, event
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from ..domain.errors import SuyuanError
from . import tracking
from .tracking import Actor

log = logging.getLogger(__name__)
KEY_BYTES = 32


class WrongKeyError(SuyuanError):
    code = "wrong_key"


class DatabaseUnreadable(SuyuanError):
    code = "db_unreadable"


def _key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


SEARCH_CACHE_KB = 65536


def _apply_pragmas(conn, key: bytes, cache_kb: int = 24576) -> None:
    conn.execute(_key_pragma(key))
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 15000")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed outbox row or cursor must survive power loss (docs/protocol.md).
    conn.execute("PRAGMA synchronous = FULL")
    # per connection: 24 MB, so a pool of up to 4 connections keeps the desktop app inside its
    # 300 MB RSS budget; the one search connection gets 64 MB (see Store.read_search)
    conn.execute(f"PRAGMA cache_size = -{int(cache_kb)}")
    conn.execute("PRAGMA temp_store = MEMORY")


def check_key(path: Path, key: bytes) -> None:
    """Open the file once with the key, raising a clear error when it does not fit."""
    if not path.exists():
        return
    conn = sqlcipher.connect(str(path))
    try:
        conn.execute(_key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        raise WrongKeyError(
            f"无法打开站点数据库 {path.name}：密钥不匹配或文件已损坏。"
            "请确认使用的是本机创建数据库时的系统钥匙串；如需换机，请用 suyuan restore 从备份恢复。"
        ) from None
    finally:
        conn.close()


class Store:
    # Called with (entity_type, patch) for every change before it enters the outbox; raises to
    # refuse the whole unit of work. The station sets it to the sync protocol's field check.
    change_check = None

    def __init__(self, path: Path, key: bytes):
        if len(key) != KEY_BYTES:
            raise ValueError("SQLCipher key must be 32 bytes")
        self.path = Path(path)
        self._key = key
        check_key(self.path, key)
        self.engine = create_engine(
            f"sqlite:///{self.path}",
            module=sqlcipher,
            poolclass=QueuePool,
            # GUI: one writer, three I/O workers, the search thread, sync's page fetcher
            pool_size=4,
            max_overflow=2,
            # most recently used first: the same one or two connections serve nearly everything, so
            # only their page caches fill (FIFO rotated through all and filled every cache: +140 MB)
            pool_use_lifo=True,
            connect_args={"check_same_thread": False, "timeout": 15},
            # Chinese as UTF-8 (3 bytes), not \uXXXX escapes (6), in the JSON columns (conflicts,
            # reference data, drafts); changes themselves are stored packed (store/packed.py)
            json_serializer=lambda obj: json.dumps(obj, ensure_ascii=False, separators=(",", ":")),
        )

        @event.listens_for(self.engine, "connect")
        def _on_connect(dbapi_conn, record):
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
            _apply_pragmas(dbapi_conn, key)

        @event.listens_for(self.engine, "begin")
        def _on_begin(conn):
            conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

        self._write_engine = self.engine.execution_options(sqlite_begin="BEGIN IMMEDIATE")
        self._search_engine = None
        self._search_lock = threading.Lock()
        self.ReadSession = sessionmaker(self.engine, expire_on_commit=False)
        self.WriteSession = sessionmaker(self._write_engine, expire_on_commit=False)
        tracking.install(self.WriteSession)
        tracking.install(self.ReadSession)

    @contextlib.contextmanager
    def write(self, actor: Actor = tracking.SYSTEM):
        """One unit of work: everything inside commits together or not at all."""
        with self.WriteSession() as session:
            session.info["actor"] = actor
            session.info["check_change"] = self.change_check
            with session.begin():
                yield session

    @contextlib.contextmanager
    def write_pulled(self, actor: Actor = tracking.SYSTEM):
        """A unit of work for applying what the district sent (a pull page and its cursor):
        - foreign keys are not enforced, because rows come in commit order and a child can arrive
          a page before its parent;
        - the commit is not fsynced (synchronous=NORMAL). Losing it on a power cut loses the page
          *and* its cursor together (WAL keeps them atomic), so the page is simply fetched again;
          the next FULL commit (any local edit) makes it durable. Never used for the outbox."""
        with self._write_engine.connect() as conn:
            raw = conn.connection.driver_connection
            # outside any transaction, or SQLite ignores them
            raw.execute("PRAGMA foreign_keys=OFF")
            raw.execute("PRAGMA synchronous=NORMAL")
            # checkpoint every ~40 MB of WAL instead of every 4 MB: an initial sync writes whole
            # pages of rows, and a checkpoint after nearly every page halved its speed
            raw.execute("PRAGMA wal_autocheckpoint=10000")
            try:
                with self.WriteSession(bind=conn) as session:
                    session.info["actor"] = actor
                    with session.begin():
                        yield session
            finally:
                raw.execute("PRAGMA wal_autocheckpoint=1000")
                raw.execute("PRAGMA synchronous=FULL")
                raw.execute("PRAGMA foreign_keys=ON")

    @contextlib.contextmanager
    def read(self):
        with self.ReadSession() as session:
            with session.begin():
                yield session

    @contextlib.contextmanager
    def read_search(self):
        """A read on the one connection kept for search as you type. Substring search scans the
        party-name index (~20 MB at 300,000 parties) and then the matching cases; on a pooled
        connection whatever else ran there (deadlines, a count, a case) had evicted it, and every
        keystroke paid ~60 ms to decrypt it again. Pinned, with a 64 MB cache, it stays warm:
        ~15-25 ms. Searches queue for it (the GUI runs only the newest keystroke's anyway)."""
        with self._search_lock:
            if self._search_engine is None:
                self._search_engine = create_engine(
                    f"sqlite:///{self.path}", module=sqlcipher, poolclass=QueuePool, pool_size=1, max_overflow=0,
                    connect_args={"check_same_thread": False, "timeout": 15})
                key = self._key

                @event.listens_for(self._search_engine, "connect")
                def _on_connect(dbapi_conn, record):
                    dbapi_conn.isolation_level = None
                    _apply_pragmas(dbapi_conn, key, SEARCH_CACHE_KB)

                @event.listens_for(self._search_engine, "begin")
                def _on_begin(conn):
                    conn.exec_driver_sql("BEGIN")
                self._SearchSession = sessionmaker(self._search_engine, expire_on_commit=False)
                tracking.install(self._SearchSession)
        with self._SearchSession() as session:
            with session.begin():
                yield session

    @property
    def key(self) -> bytes:
        """The raw SQLCipher key (for encrypted copies: backups, restore)."""
        return self._key

    def checkpoint(self) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def dispose(self) -> None:
        self.engine.dispose()
        if self._search_engine is not None:
            self._search_engine.dispose()


def export_encrypted_copy(src: Path, src_key: bytes, dest: Path, *, dest_key: bytes | None = None,
                          dest_passphrase: str | None = None) -> None:
    """Copy a database into a new SQLCipher file keyed by a raw key or a passphrase."""
    if dest.exists():
        raise FileExistsError(dest)
    conn = sqlcipher.connect(str(src))
    try:
        conn.isolation_level = None
        conn.execute(_key_pragma(src_key))
        if dest_key is not None:
            conn.execute(f"ATTACH DATABASE ? AS dest KEY \"x'{dest_key.hex()}'\"", (str(dest),))
        else:
            conn.execute("ATTACH DATABASE ? AS dest KEY ?", (str(dest), dest_passphrase))
        conn.execute("SELECT sqlcipher_export('dest')")
        ver = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA dest.user_version = {int(ver)}")
        conn.execute("DETACH DATABASE dest")
    finally:
        conn.close()


def open_raw(path: Path, *, key: bytes | None = None, passphrase: str | None = None):
    """A plain DB-API connection (backups, verification)."""
    conn = sqlcipher.connect(str(path))
    # SQLCipher writes its own "ERROR CORE ... hmac check failed" lines to stderr on a wrong key;
    # the setting is process-wide. The caller's Chinese message says what happened.
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(_key_pragma(key))
    else:
        conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        conn.close()
        raise WrongKeyError("无法打开备份文件：口令不正确或文件已损坏。请检查备份口令。") from None
    return conn

