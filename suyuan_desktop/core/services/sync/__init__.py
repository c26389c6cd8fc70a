"""The station's sync engine (docs/protocol.md, "One sync, step by step"): hello, blobs first, push the outbox in
device_seq order, pull pages (each applied together with its cursor in one local transaction),
conflicts, reference data, blob downloads. One sync at a time (a file lock across processes).
No network I/O ever happens inside a write transaction.

Fault points for the kill tests: SUYUAN_SYNC_FAULT=<name> makes the process SIGKILL itself there.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import socket
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout
from sqlalchemy import delete, func, select, text

from ...domain import clock
from ...domain.canonical import canonical_json, sha256_hex
from ...domain.errors import SuyuanError
from ...security import keystore
from ...store.models import (
    Case, SyncConflict, SyncLogEntry, SyncOutbox, SyncReference, SyncRevokedCase, SyncState, utcnow,
)
from ...sync import protocol as P
from ...sync.base import CLIENT_VERSION, CursorGone, NotAuthorized, SyncError, check_server_url

if TYPE_CHECKING:
    from ...sync.client import Transport

from .common import (
    SYNC_ACTOR, NotEnrolled, SyncBusy, SyncReport, SyncStatus, _apply_reference, _http_transport,
    _pending_count, log,
)
from .pull import PullOps
from .push import PushOps

__all__ = ["SYNC_ACTOR", "NotEnrolled", "SyncBusy", "SyncReport", "SyncService", "SyncStatus", "verify_export"]

ACKED_KEPT = dt.timedelta(days=30)  # how long an acknowledged change stays in the outbox


class SyncService(PushOps, PullOps):
    def __init__(self, ctx, *, transport_factory=None):
        self.ctx = ctx  # a StationContext
        self.store = ctx.store
        self._transport_factory = transport_factory or _http_transport
        self._lock = FileLock(str(Path(ctx.data_dir) / "sync.lock"))  # across processes
        self._busy = threading.Lock()                                  # across threads

    # --- state -----------------------------------------------------------------------------------

    def _state(self) -> dict[str, str]:
        with self.store.read() as s:
            return {r.key: r.value for r in s.execute(select(SyncState)).scalars()}

    @staticmethod
    def _put(session, **values) -> None:
        for k, v in values.items():
            row = session.get(SyncState, k)
            if row is None:
                session.add(SyncState(key=k, value=None if v is None else str(v)))
            else:
                row.value = None if v is None else str(v)

    def _refresh_name(self, st: dict) -> str:
        return f"sync/{st['server_id']}/{st['device_id']}/refresh"

    def use_server(self, url: str) -> str:
        """Sync with the district at ``url`` from now on (the same district under a new address);
        the station must already be enrolled there."""
        url = check_server_url(url)
        st = self._state()
        if "device_id" not in st:
            raise NotEnrolled(f"本站尚未注册到 {url}：请先运行 suyuan enroll {url} 注册码。")
        if st.get("server_url") != url:
            with self.store.write(SYNC_ACTOR) as s:
                self._put(s, server_url=url)
        return url

    def is_enrolled(self) -> bool:
        return "device_id" in self._state()

    def status(self) -> SyncStatus:
        st = self._state()
        with self.store.read() as s:
            pending = _pending_count(s)
            rejected = s.execute(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.state == "rejected")).scalar_one()
            conflicts = s.execute(select(func.count()).select_from(SyncConflict)).scalar_one()
            revoked = s.execute(select(func.count()).select_from(SyncRevokedCase)).scalar_one()
        return SyncStatus(enrolled="device_id" in st, server_url=st.get("server_url"), station_code=self.ctx.station_code,
                          device_id=st.get("device_id"), pending=pending, rejected=rejected, conflicts_open=conflicts,
                          last_ok_at=st.get("last_ok_at"), last_attempt_at=st.get("last_attempt_at"),
                          last_error=st.get("last_error"), clock_warning=st.get("clock_warning"),
                          revoked_cases=revoked)

    def conflicts(self) -> list[SyncConflict]:
        with self.store.read() as s:
            return list(s.execute(select(SyncConflict).order_by(SyncConflict.id)).scalars())

    def case_labels(self, case_ids) -> dict[str, str]:
        """案号 and 案由 of the cases conflicts point at, for people to recognise them."""
        ids = [c for c in set(case_ids) if c]
        if not ids:
            return {}
        with self.store.read() as s:
            return {r.id: f"{r.case_number} {r.title}" for r in s.execute(
                select(Case.id, Case.case_number, Case.title).where(Case.id.in_(ids))).all()}

    def rejected_changes(self) -> list[SyncOutbox]:
        with self.store.read() as s:
            return list(s.execute(select(SyncOutbox).where(SyncOutbox.state == "rejected")
                                  .order_by(SyncOutbox.local_seq)).scalars())

    # --- enrollment ------------------------------------------------------------------------------

    def enroll(self, server_url: str, ticket: str, *, device_name: str | None = None,
               ca_bundle: str | None = None) -> P.EnrollResponse:
        url = check_server_url(server_url)
        st = self._state()
        t = self._transport_factory(url, ca_bundle, None)
        try:
            resp = t.enroll(P.EnrollRequest(ticket=ticket.strip(), device_name=(device_name or socket.gethostname())[:100],
                                            client_version=CLIENT_VERSION, os=platform.platform()[:100]))
        finally:
            t.close()
        if resp.station_code != self.ctx.station_code:
            raise SyncError(f"注册码属于调委会“{resp.station_code}”，而本站是“{self.ctx.station_code}”。"
                            "请向区中心索取本站的注册码。", error="wrong_station")
        keystore.set_secret(f"sync/{resp.server_id}/{resp.device_id}/refresh", resp.refresh_token)
        with self.store.write(SYNC_ACTOR) as s:
            # Device sequence numbers restart at 1 for a new device: the outbox rows still
            # pending (all of them, at a first enrollment) become 1, 2, 3 ... for the server.
            first_pending = s.execute(select(func.min(SyncOutbox.local_seq)).where(SyncOutbox.state == "pending")).scalar()
            if first_pending is not None:
                base = first_pending - 1
            else:
                base = s.execute(text("SELECT seq FROM sqlite_sequence WHERE name='sync_outbox'")).scalar() or 0
            keep_cursor = st.get("server_id") == resp.server_id
            self._put(s, server_url=url, server_id=resp.server_id, device_id=resp.device_id,
                      replica_epoch=resp.replica_epoch, seq_base=base, ca_bundle=ca_bundle,
                      cursor=st.get("cursor") if keep_cursor else None, last_error=None)
            s.add(SyncLogEntry(at=utcnow(), event="enroll", detail={"device_id": resp.device_id, "seq_base": base}))
        log.info("enrolled as device %s", resp.device_id)
        return resp

    # --- one sync --------------------------------------------------------------------------------

    def sync(self, *, progress=None) -> SyncReport:
        """Run one full sync. Raises SyncBusy if another is running (in any process)."""
        if not self._busy.acquire(blocking=False):
            raise SyncBusy("另一个同步正在进行，请稍候。")
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            self._busy.release()
            raise SyncBusy("另一个同步正在进行（可能在另一个窗口或命令行中），请稍候。") from None
        started = time.monotonic()
        try:
            st = self._state()
            if "device_id" not in st:
                raise NotEnrolled("本站尚未在区中心注册。请先向区中心索取注册码，然后运行“注册到区中心”。")
            with self.store.write(SYNC_ACTOR) as s:
                self._put(s, last_attempt_at=utcnow().isoformat(timespec="seconds"))
            try:
                report = self._run(st, progress or (lambda msg: None))
            except SyncError as exc:
                with self.store.write(SYNC_ACTOR) as s:
                    self._put(s, last_error=exc.message, last_error_code=exc.error)
                    s.add(SyncLogEntry(at=utcnow(), event="error", detail={"error": exc.error, "status": exc.status}))
                raise
            with self.store.write(SYNC_ACTOR) as s:
                self._put(s, last_ok_at=utcnow().isoformat(timespec="seconds"), last_error=None, last_error_code=None,
                          clock_warning=report.clock_warning)
                self._prune_acknowledged(s)
                s.add(SyncLogEntry(at=utcnow(), event="sync", detail={
                    "pushed": report.pushed, "duplicates": report.duplicates, "pulled": report.pulled,
                    "rejected": report.rejected, "conflicts": report.conflicts, "ms": int((time.monotonic() - started) * 1000)}))
            return report
        finally:
            self._lock.release()
            self._busy.release()

    @staticmethod
    def _prune_acknowledged(s) -> int:
        """Drop the outbox rows the district acknowledged more than ``ACKED_KEPT`` ago: kept a
        while for support and for a district restoring a backup; the audit log keeps every change
        for good (docs/storage.md)."""
        return s.execute(delete(SyncOutbox).where(SyncOutbox.state == "acked",
                                                  SyncOutbox.device_time < utcnow() - ACKED_KEPT)).rowcount

    def _run(self, st: dict, progress) -> SyncReport:
        report = SyncReport()
        t = self._transport_factory(st["server_url"], st.get("ca_bundle") or None, st["device_id"])
        try:
            self._authenticate(t, st)
            t.reauth = lambda: self._authenticate(t, st, fresh=True)
            pending = self._count_pending()
            hello = t.hello(P.HelloRequest(client_version=CLIENT_VERSION, protocol_min=P.PROTOCOL_MIN,
                                           protocol_max=self.protocol_max, replica_epoch=int(st.get("replica_epoch") or 1),
                                           outbox_depth=pending, device_time=clock.system().now().isoformat()))
            report.clock_warning = _clock_warning(hello.server_time)
            resnapshot = st.get("db_epoch") not in (None, str(hello.db_epoch))
            progress("上传附件")
            self._upload_blobs(t, report)
            progress("上传变更")
            self._push(t, st, report)
            if resnapshot:
                self._reset_cursor(hello.db_epoch)
                report.resnapshot = True
            with self.store.write(SYNC_ACTOR) as s:
                self._put(s, db_epoch=hello.db_epoch)
            progress("下载变更")
            try:
                self._pull(t, report, progress)
            except CursorGone:
                # 410: our outbox is already pushed (above); take a fresh snapshot, keep local work
                self._reset_cursor(hello.db_epoch)
                report.resnapshot = True
                self._pull(t, report, progress)
            if hello.conflicts_open or report.conflicts or self.status().conflicts_open:
                self._refresh_conflicts(t, report)
            progress("更新参考数据")
            self._references(t, hello, report)
            progress("下载附件")
            self._download_blobs(t, report)
            report.requests = t._n
            return report
        finally:
            t.close()

    protocol_max = P.PROTOCOL_CURRENT

    def _authenticate(self, t: Transport, st: dict, *, fresh: bool = False) -> str:
        cached = getattr(self, "_access", None)
        if not fresh and cached and cached[0] == st["device_id"] and cached[2] > time.monotonic():
            t.access_token = cached[1]
            return cached[1]
        name = self._refresh_name(st)
        refresh = keystore.get_kept_secret(name)
        if not refresh:
            raise NotAuthorized("系统钥匙串中找不到本机的同步凭据。请向区中心申请新的注册码重新注册（本地数据不受影响）。",
                                error="refresh_missing")
        tok = t.token(st["device_id"], refresh)
        keystore.set_secret(name, tok.refresh_token)
        t.access_token = tok.access_token
        # kept in memory only, and a minute short of its real life
        self._access = (st["device_id"], tok.access_token, time.monotonic() + tok.expires_in - 60)
        return tok.access_token

    def _count_pending(self) -> int:
        with self.store.read() as s:
            return _pending_count(s)

    # --- conflicts, reference data -----------------------------------------------------------------

    def _refresh_conflicts(self, t: Transport, report: SyncReport) -> None:
        rows = t.conflicts()
        with self.store.write(SYNC_ACTOR) as s:
            s.execute(delete(SyncConflict))
            for c in rows:
                s.add(SyncConflict(id=c.id, entity_type=c.entity_type, entity_id=c.entity_id, case_id=c.case_id,
                                   field=c.field, kind=c.kind, base_value=c.base_value, server_value=c.server_value,
                                   client_value=c.client_value, created_at=c.created_at))

    def resolve_conflict(self, conflict_id: int, choice: str, value=None) -> None:
        """Decide a conflict at the station (online), then sync so the decision arrives here."""
        st = self._state()
        if "device_id" not in st:
            raise NotEnrolled("本站尚未在区中心注册。")
        t = self._transport_factory(st["server_url"], st.get("ca_bundle") or None, st["device_id"])
        try:
            self._authenticate(t, st)
            t.resolve(conflict_id, P.ResolveRequest(choice=choice, value=value))
        finally:
            t.close()

    def _references(self, t: Transport, hello: P.HelloResponse, report: SyncReport) -> None:
        with self.store.read() as s:
            have = {r.dataset: r.etag for r in s.execute(select(SyncReference)).scalars()}
        for dataset, etag in hello.ref_versions.items():
            if have.get(dataset) == etag:
                continue
            got = t.reference(dataset, have.get(dataset))
            if got is None:
                continue
            new_etag, data = got
            with self.store.write(SYNC_ACTOR) as s:
                row = s.get(SyncReference, dataset)
                if row is None:
                    s.add(SyncReference(dataset=dataset, etag=new_etag, data=data))
                else:
                    row.etag, row.data = new_etag, data
                _apply_reference(s, dataset, data)
            if dataset == "holiday_calendar":
                self.ctx.forget_calendar()
            report.references.append(dataset)

    # --- support ---------------------------------------------------------------------------------

    def export_unsynced(self, path: Path) -> int:
        """Write every change the district has not acknowledged to a file that carries its own
        digest (for hand-carrying when the device was revoked). Returns the number of changes."""
        with self.store.read() as s:
            rows = list(s.execute(select(SyncOutbox).where(SyncOutbox.state.in_(("pending", "rejected")))
                                  .order_by(SyncOutbox.local_seq)).scalars())
        changes = []
        for r in rows:
            c = {"local_seq": r.local_seq, "change_id": r.change_id, "entity_type": r.entity_type,
                 "entity_id": r.entity_id, "op": r.op, "base_version": r.base_version, "patch": r.patch,
                 "schema_version": r.schema_version, "payload_hash": r.payload_hash, "state": r.state}
            changes.append(c)
        body = {"format": "suyuan-unsynced/1", "station_code": self.ctx.station_code,
                "exported_at": utcnow().isoformat(), "changes": changes}
        body["digest"] = sha256_hex(canonical_json(body))
        tmp = Path(path).with_suffix(".tmp")
        tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1), "utf-8")
        os.replace(tmp, path)
        return len(changes)


def verify_export(path: Path) -> int:
    """Check an unsynced-changes file: the file digest and every change's payload hash."""
    body = json.loads(Path(path).read_text("utf-8"))
    digest = body.pop("digest", None)
    if digest != sha256_hex(canonical_json(body)):
        raise SuyuanError("导出文件的校验值不符：文件被改动或不完整。")
    for c in body["changes"]:
        if P.payload_hash(c) != c["payload_hash"]:
            raise SuyuanError(f"导出文件中第 {c['local_seq']} 项变更的校验值不符。")
    return len(body["changes"])


def _utcnow_aware() -> dt.datetime:
    return clock.system().now()


def _clock_warning(server_time: str) -> str | None:
    try:
        server = dt.datetime.fromisoformat(server_time)
    except ValueError:
        return None
    skew = (_utcnow_aware() - server).total_seconds()
    if abs(skew) <= P.CLOCK_SKEW_WARN_SECONDS:
        return None
    minutes = int(abs(skew) // 60)
    side = "快" if skew > 0 else "慢"
    return f"本机时钟比区中心{side}约 {minutes} 分钟，请校准电脑时间（同步不受影响，业务日期以填写为准）。"
