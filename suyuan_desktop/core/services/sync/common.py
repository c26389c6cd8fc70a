"""What the sync engine's parts share: its errors and reports, fault points, raw SQL helpers."""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import signal
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from ...store.models import SYNCABLE_MODELS, Case, DisputeSubtype, Holiday, SyncOutbox
from ...store.tracking import Actor
from ...sync import protocol as P
from ...sync.base import SyncError

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)
SYNC_ACTOR = Actor(None, "sync:district", "system")
OPEN_OUTBOX = ("pending",)
_FIELDS = {t: tuple(f) for t, f in P.ENTITY_FIELDS.items()}
_TYPE_ORDER = tuple(P.ENTITY_FIELDS)  # parents before children within a page


class SyncBusy(SyncError):
    code = "sync_busy"


class NotEnrolled(SyncError):
    code = "not_enrolled"


def _fault(name: str) -> None:
    if os.environ.get("SUYUAN_SYNC_FAULT") == name:
        log.warning("fault point %s: killing the process", name)
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    station_code: str
    device_id: str | None
    pending: int
    rejected: int
    conflicts_open: int
    last_ok_at: str | None
    last_attempt_at: str | None
    last_error: str | None
    clock_warning: str | None
    revoked_cases: int


@dataclass
class SyncReport:
    pushed: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    pages: int = 0
    blobs_up: int = 0
    blobs_down: int = 0
    references: list[str] = field(default_factory=list)
    clock_warning: str | None = None
    resnapshot: bool = False
    requests: int = 0


_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's storage format for DateTime on SQLite


def _raw_datetime(value: str) -> str:
    return dt.datetime.fromisoformat(value).strftime(_SQLITE_DATETIME)


def _raw_money(value) -> int:
    return int((Decimal(value) * 100).to_integral_exact())


_RAW = {"bool": lambda v: int(bool(v)), "datetime": _raw_datetime, "money": _raw_money,
        "json": lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":")),
        "date": lambda v: dt.date.fromisoformat(v).isoformat()}
_INSERTERS: dict[str, tuple] = {}


def _raw_inserter(etype: str, table, defaults: dict):
    """(INSERT statement, row builder) for new rows of one entity type, in SQLite's storage format
    exactly as SQLAlchemy writes it (dates ISO, datetimes with microseconds, money in fen,
    booleans 0/1, JSON text); reading back through the models is tested."""
    if etype not in _INSERTERS:
        fields = _FIELDS[etype]
        cols = ["id", "version", "created_at", "updated_at", *fields] + (["phone_tail"] if etype == "parties" else [])
        convs = []
        for f in fields:
            conv = _RAW.get(P.field_kind(etype, f))
            default = defaults.get(f)
            if default is not None and conv is not None:
                default = int(default) if isinstance(default, bool) else default
            convs.append((f, conv, default))
        sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"

        def build(entity_id, version, stamp, state, _values):
            row = [entity_id, version, stamp, stamp]
            for f, conv, default in convs:
                v = state.get(f)
                if v is None:
                    row.append(default)
                else:
                    row.append(conv(v) if conv is not None else v)
            if etype == "parties":
                phone = state.get("phone")
                row.append(phone.replace("-", "")[-4:] if phone else None)
            return row
        _INSERTERS[etype] = (sql, build)
    return _INSERTERS[etype]


def _http_transport(url: str, ca: str | None, device_id: str | None):
    from ...sync.client import Transport  # httpx: only when a sync actually talks to the district
    return Transport(url, ca_bundle=ca, device_id=device_id)


def _pending_count(s) -> int:
    """Pending changes, in two index lookups instead of counting millions of rows: the outbox is
    pushed in order and acknowledged in order, so pending rows are exactly the tail from the first
    pending one (a station that never synced has its whole history pending)."""
    first = s.execute(select(func.min(SyncOutbox.local_seq)).where(SyncOutbox.state == "pending")).scalar()
    if first is None:
        return 0
    last = s.execute(select(func.max(SyncOutbox.local_seq))).scalar()
    return last - first + 1


def _apply_reference(s, dataset: str, data) -> None:
    if dataset == "dispute_catalogue":
        for d in data:
            row = s.get(DisputeSubtype, d["code"])
            active = bool(d.get("active", True))
            if row is None:
                s.add(DisputeSubtype(code=d["code"], name=d["name"], reporting_type=d["reporting_type"], active=active))
            else:
                # a rename keeps old cases' historical label in their issued documents; never deleted
                row.name, row.reporting_type, row.active = d["name"], d["reporting_type"], active
    elif dataset == "holiday_calendar":
        s.execute(delete(Holiday))
        for d in data["days"]:
            s.add(Holiday(day=dt.date.fromisoformat(d["day"]), is_holiday=d["is_holiday"], calendar_version=data["version"]))


def _case_label(s, entity_type: str, entity_id: str) -> str:
    """“案件（2026）平原人调字第0001号” for the case a record belongs to, or the record's kind."""
    model = SYNCABLE_MODELS.get(entity_type)
    row = s.get(model, entity_id) if model is not None else None
    while row is not None and not isinstance(row, Case):  # clause -> agreement -> case, and the like
        if getattr(row, "case_id", None):
            row = s.get(Case, row.case_id)
        elif row.__tablename__ in P.PARENT:
            field, parent = P.PARENT[row.__tablename__]
            row = s.get(SYNCABLE_MODELS[parent], getattr(row, field))
        else:
            row = None
    return f"案件{row.case_number}" if row is not None else f"“{entity_type}”记录"
