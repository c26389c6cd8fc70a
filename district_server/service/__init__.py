"""The district's sync service: everything the HTTP layer and the admin CLI do, without HTTP.

Exactly once (docs/protocol.md): each push runs in one transaction that locks the device row, applies
the changes in ``device_seq`` order (one savepoint each, so a poison change is rejected without
taking the others down), logs each in ``changes_received`` with its result, advances
``last_applied_seq`` and, as its last statement, takes feed sequence numbers from the counter row.
"""
from __future__ import annotations

import secrets
import uuid
from pathlib import Path

from sqlalchemy import insert, select

from .. import db
from ..db import server_meta, sync_counter
from .admin import AdminOps
from .auth import AuthOps
from .blobs import BlobOps
from .common import DISTRICT_SCOPE_ACTOR, MIN_CLIENT_VERSION, REFERENCE_DATASETS, ApiError, Device, Reject
from .feed import FeedOps
from .push import PushOps
from .reference import ReferenceOps
from .stats import StatsOps

__all__ = ["DISTRICT_SCOPE_ACTOR", "MIN_CLIENT_VERSION", "REFERENCE_DATASETS", "ApiError", "Device", "DistrictService",
           "Reject"]


class DistrictService(AuthOps, PushOps, FeedOps, AdminOps, BlobOps, ReferenceOps, StatsOps):
    def __init__(self, database_url: str, blob_dir: Path | str, *, district_name: str = "区矛盾纠纷调处中心"):
        self.engine = db.make_engine(database_url)
        self.dialect = self.engine.dialect.name
        self.blob_dir = Path(blob_dir)
        self.district_name = district_name
        (self.blob_dir / "uploads").mkdir(parents=True, exist_ok=True)
        self._meta: dict[str, str] = {}

    # --- setup ---------------------------------------------------------------------------------

    def create_schema(self) -> None:
        from ..migrate import upgrade
        upgrade(self.engine)
        self._init_meta()

    def _init_meta(self) -> None:
        def fn(conn):
            have = dict(conn.execute(select(server_meta.c.key, server_meta.c.value)).all())
            wanted = {"server_id": str(uuid.uuid4()), "db_epoch": "1", "token_secret": secrets.token_hex(32),
                      "cursor_floor": "0"}
            for k, v in wanted.items():
                if k not in have:
                    conn.execute(insert(server_meta).values(key=k, value=v))
            if conn.execute(select(sync_counter.c.id)).first() is None:
                conn.execute(insert(sync_counter).values(id=1, value=0))
        db.run_tx(self.engine, fn)
        self._meta = {}

    def meta(self, key: str) -> str:
        if key not in self._meta:
            with self.engine.connect() as conn:
                self._meta = dict(conn.execute(select(server_meta.c.key, server_meta.c.value)).all())
        return self._meta[key]

    def dispose(self) -> None:
        self.engine.dispose()
