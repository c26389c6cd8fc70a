"""Pulling: pages of the station's feed, each applied together with its cursor in one transaction."""
from __future__ import annotations

import json
import os
import queue
import threading
from typing import TYPE_CHECKING

from sqlalchemy import select, update

from ...domain.canonical import jsonable
from ...store.models import SYNCABLE_MODELS, AuditEntry, SyncLogEntry, SyncOutbox, SyncRevokedCase, SyncShadow, utcnow
from ...store.tracking import append_audit
from ...sync import protocol as P

if TYPE_CHECKING:
    from ...sync.client import Transport
from .common import (
    _SQLITE_DATETIME, _raw_datetime, SYNC_ACTOR, _FIELDS, _TYPE_ORDER, SyncReport, _fault, _raw_inserter,
)


class PullOps:
    # --- pull ------------------------------------------------------------------------------------

    def _reset_cursor(self, db_epoch: int) -> None:
        with self.store.write(SYNC_ACTOR) as s:
            self._put(s, cursor=None, db_epoch=db_epoch)
            s.execute(update(SyncShadow).values(server_version=-1))
            s.add(SyncLogEntry(at=utcnow(), event="resnapshot", detail={"db_epoch": db_epoch}))

    # incremental pulls ask 500 (docs/protocol.md); a first sync or a resnapshot asks the server's
    # maximum, 1,000: half the commits, and an interruption still costs at most ~0.2 s of work
    page_size = int(os.environ.get("SUYUAN_SYNC_PAGE") or 500)
    snapshot_page_size = int(os.environ.get("SUYUAN_SYNC_PAGE") or P.PULL_LIMIT)

    def _pull(self, t: Transport, report: SyncReport, progress=lambda msg: None) -> None:
        """Fetch pages one ahead in a helper thread while this one applies them, in order, each
        committed with its cursor. Network and JSON work overlap SQLite's; memory stays bounded
        (at most two pages in flight)."""
        pages: queue.Queue = queue.Queue(maxsize=2)
        stop = threading.Event()

        def fetch(cursor):
            size = self.page_size if cursor else self.snapshot_page_size
            try:
                while not stop.is_set():
                    page = t.pull(cursor, size)
                    pages.put(page)
                    if page is None or not page.has_more:
                        return
                    cursor = page.next_cursor
            except BaseException as exc:  # noqa: BLE001 - handed to the applying thread
                pages.put(exc)

        fetcher = threading.Thread(target=fetch, args=(self._state().get("cursor"),), daemon=True,
                                   name="sync-fetch")
        fetcher.start()
        try:
            while True:
                page = pages.get()
                if isinstance(page, BaseException):
                    raise page
                if page is None:
                    return
                report.pages += 1
                self.apply_page(page.items, page.next_cursor, page_no=report.pages)
                report.pulled += len(page.items)
                if not page.has_more:
                    return
                # also a safe place to stop: every page so far is committed with its cursor
                progress(f"下载变更（已下载 {report.pulled} 项）")
        finally:
            stop.set()
            while fetcher.is_alive():
                try:
                    pages.get_nowait()
                except queue.Empty:
                    pass
                fetcher.join(0.05)

    def apply_page(self, items: list[P.PullItem], next_cursor: str, *, page_no: int = 1) -> None:
        """Apply one pull page and its cursor in one local transaction (idempotent on replay)."""
        now = utcnow()
        with self.store.write_pulled(SYNC_ACTOR) as s:
            by_type: dict[str, list[P.PullItem]] = {t: [] for t in _TYPE_ORDER}
            for it in items:
                by_type.setdefault(it.entity_type, []).append(it)
            by_type = {t: g for t, g in by_type.items() if g}
            inserted = 0
            for etype, group in by_type.items():
                model = SYNCABLE_MODELS.get(etype)
                if model is None:
                    continue
                inserted += self._apply_group(s, model, etype, group, now)
            if inserted:
                append_audit(s, SYNC_ACTOR.username, "sync", next_cursor[-40:], "pull",
                             {"new_records": inserted, "types": sorted(by_type)})
            self._put(s, cursor=next_cursor)
            _fault(f"after_pull_apply_before_commit:{page_no}")
        _fault(f"after_pull_commit:{page_no}")

    def _apply_group(self, s, model, etype: str, group: list[P.PullItem], now) -> int:
        table = model.__table__
        ids = [it.entity_id for it in group]
        local = {r.id: r for r in s.execute(select(table).where(table.c.id.in_(ids))).all()}
        # a shadow row is only ever written with its local row, and a local change only exists
        # for a local row: entities new to this station (a whole first sync) need neither lookup
        shadow: dict[str, int] = {}
        keep: dict[str, set] = {}
        if local:
            present = list(local)
            shadow = dict(s.execute(select(SyncShadow.entity_id, SyncShadow.server_version).where(
                SyncShadow.entity_type == etype, SyncShadow.entity_id.in_(present))).all())
            for eid, patch in s.execute(select(SyncOutbox.entity_id, AuditEntry.changes).join(
                    AuditEntry, SyncOutbox.audit_seq == AuditEntry.seq).where(
                    SyncOutbox.entity_type == etype, SyncOutbox.entity_id.in_(present),
                    SyncOutbox.state.in_(("pending", "rejected")))).all():
                keep.setdefault(eid, set()).update(patch)
        defaults = {c.name: c.default.arg for c in table.columns
                    if c.default is not None and getattr(c.default, "is_scalar", False)}
        fields = _FIELDS[etype]
        insert_sql, raw_row = _raw_inserter(etype, table, defaults)
        now_raw = now.strftime(_SQLITE_DATETIME)
        stamps: dict = {}
        inserts, shadows, revoked = [], [], []
        for it in group:
            if it.op == "revoke":
                if it.case_id:
                    revoked.append(it.case_id)
                continue
            if shadow.get(it.entity_id, 0) >= it.version:
                continue  # replayed page: already applied
            state = it.state or {}
            if it.entity_id in local:
                values = {f: P.from_json(etype, f, state.get(f)) for f in fields}
                for f, v in defaults.items():
                    if values.get(f) is None and f in values:
                        values[f] = v
                if etype == "parties":
                    values["phone_tail"] = values["phone"].replace("-", "")[-4:] if values.get("phone") else None
            else:
                values = None
            row = local.get(it.entity_id)
            if row is None:
                stamp = stamps.get(it.updated_at)
                if stamp is None:
                    stamp = stamps[it.updated_at] = _raw_datetime(it.updated_at) if it.updated_at else now_raw
                inserts.append(raw_row(it.entity_id, it.version, stamp, state, values))
            else:
                mine = keep.get(it.entity_id, set())
                changes = {f: {"old": jsonable(getattr(row, f)), "new": jsonable(v)} for f, v in values.items()
                           if f not in mine and f != "phone_tail" and getattr(row, f) != v}
                upd = {f: values[f] for f in changes}
                if etype == "parties" and "phone" in upd:
                    upd["phone_tail"] = values["phone_tail"]
                upd["version"] = it.version
                s.execute(table.update().where(table.c.id == it.entity_id).values(**upd, updated_at=now))
                if changes:
                    append_audit(s, SYNC_ACTOR.username, etype, it.entity_id, "sync", changes)
            shadows.append({"entity_type": etype, "entity_id": it.entity_id, "server_version": it.version,
                            "flags": it.flags or None})
        raw = s.connection().connection.driver_connection
        if inserts:
            # new rows go straight to SQLite in its storage format (converted once per value above):
            # 3x faster than SQLAlchemy's per-parameter processing on an initial sync
            raw.executemany(insert_sql, inserts)
        if shadows:
            raw.executemany("INSERT INTO sync_shadow (entity_type, entity_id, server_version, flags) VALUES (?, ?, ?, ?) "
                            "ON CONFLICT (entity_type, entity_id) DO UPDATE SET server_version = excluded.server_version, "
                            "flags = excluded.flags",
                            [(d["entity_type"], d["entity_id"], d["server_version"],
                              json.dumps(d["flags"], ensure_ascii=False) if d["flags"] else None) for d in shadows])
        for case_id in set(revoked):
            if s.get(SyncRevokedCase, case_id) is None:
                s.add(SyncRevokedCase(case_id=case_id, revoked_at=now))
                append_audit(s, SYNC_ACTOR.username, "cases", case_id, "revoke", {"note": "区中心已将案件移交其他调委会"})
        return len(inserts)
