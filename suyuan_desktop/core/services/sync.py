"""The station's sync engine (docs/protocol.md, "One sync, step by step"): hello, blobs first, push the outbox in
device_seq order, pull pages (each applied together with its cursor in one local transaction),
conflicts, reference data, blob downloads. One sync at a time (a file lock across processes).
No network I/O ever happens inside a write transaction.

Fault points for the kill tests: SUYUAN_SYNC_FAULT=<name> makes the process SIGKILL itself there.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import platform
import queue
import signal
import socket
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout
from sqlalchemy import delete, func, select, text, update

from ..domain import clock
from ..domain.canonical import canonical_json, jsonable, sha256_hex
from ..domain.errors import SuyuanError
from ..security import keystore
from ..store.models import (
    SYNCABLE_MODELS, Attachment, Case, DisputeSubtype, Holiday, SyncConflict, SyncLogEntry, SyncOutbox, SyncReference,
    SyncRevokedCase, SyncShadow, SyncState, utcnow,
)
from ..store.tracking import Actor, append_audit
from ..sync import protocol as P
from ..sync.base import (
    CLIENT_VERSION, CursorGone, HashMismatch, NotAuthorized, ProtocolConflict, SyncError, check_server_url,
)

if TYPE_CHECKING:
    from ..sync.client import Transport

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


class SyncService:
    def __init__(self, app, *, transport_factory=None):
        self.app = app
        self.store = app.store
        self._transport_factory = transport_factory or _http_transport
        self._lock = FileLock(str(Path(app.data_dir) / "sync.lock"))  # across processes
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

    def is_enrolled(self) -> bool:
        return "device_id" in self._state()

    def status(self) -> SyncStatus:
        st = self._state()
        with self.store.read() as s:
            pending = _pending_count(s)
            rejected = s.execute(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.state == "rejected")).scalar_one()
            conflicts = s.execute(select(func.count()).select_from(SyncConflict)).scalar_one()
            revoked = s.execute(select(func.count()).select_from(SyncRevokedCase)).scalar_one()
        return SyncStatus(enrolled="device_id" in st, server_url=st.get("server_url"), station_code=self.app.station_code,
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
        if resp.station_code != self.app.station_code:
            raise SyncError(f"注册码属于调委会“{resp.station_code}”，而本站是“{self.app.station_code}”。"
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
                s.add(SyncLogEntry(at=utcnow(), event="sync", detail={
                    "pushed": report.pushed, "duplicates": report.duplicates, "pulled": report.pulled,
                    "rejected": report.rejected, "conflicts": report.conflicts, "ms": int((time.monotonic() - started) * 1000)}))
            return report
        finally:
            self._lock.release()
            self._busy.release()

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
        refresh = keystore.get_secret(name)
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

    # --- blobs -----------------------------------------------------------------------------------

    def _pending_blob_refs(self) -> list[tuple[str, str]]:
        with self.store.read() as s:
            rows = s.execute(select(SyncOutbox.patch).where(SyncOutbox.state == "pending",
                                                            SyncOutbox.entity_type == "attachments")).scalars()
            out = {}
            for patch in rows:
                sha = (patch.get("sha256") or {}).get("new")
                if sha:
                    out[sha] = (patch.get("mime") or {}).get("new") or "application/octet-stream"
        return list(out.items())

    def _upload_blobs(self, t: Transport, report: SyncReport, only: set[str] | None = None) -> None:
        for sha, mime in self._pending_blob_refs():
            if only is not None and sha not in only:
                continue
            if not self.app.blobs.has(sha):
                continue  # never had the file here; the server will reject the reference
            data = self.app.blobs.get(sha)
            for attempt in range(2):
                try:
                    self._upload_one(t, sha, mime, data)
                    report.blobs_up += 1
                    break
                except HashMismatch:
                    if attempt:
                        raise

    def _upload_one(self, t: Transport, sha: str, mime: str, data: bytes) -> None:
        st = t.start_upload(sha, len(data), mime)
        offset, chunks = st.offset, 0
        while not st.complete:
            chunk = data[offset:offset + P.CHUNK]
            try:
                st = t.upload_chunk(st.upload_id, offset, chunk)
            except ProtocolConflict as exc:
                if exc.error != "offset_mismatch":
                    raise
                st = P.UploadState(upload_id=st.upload_id, sha256=sha, size=len(data),
                                   offset=int(exc.detail.get("offset", 0)))
            offset = st.offset
            chunks += 1
            _fault(f"upload_after_chunk:{chunks}")

    def _download_blobs(self, t: Transport, report: SyncReport) -> None:
        with self.store.read() as s:
            shas = set(s.execute(select(Attachment.sha256).where(Attachment.deleted_at.is_(None))).scalars())
        for sha in sorted(shas):
            if self.app.blobs.has(sha):
                continue
            try:
                data = t.download_blob(sha)
            except SyncError as exc:
                log.warning("blob download failed: %s", exc.error)
                continue
            if hashlib.sha256(data).hexdigest() != sha:
                log.warning("downloaded blob failed its hash check; will retry next sync")
                continue
            self.app.blobs.put(data)
            report.blobs_down += 1

    # --- push ------------------------------------------------------------------------------------

    def _batch(self, from_seq: int | None = None) -> list[SyncOutbox]:
        with self.store.read() as s:
            q = select(SyncOutbox).order_by(SyncOutbox.local_seq).limit(P.MAX_BATCH)
            if from_seq is None:
                q = q.where(SyncOutbox.state == "pending")
            else:
                q = q.where(SyncOutbox.local_seq >= from_seq)
            return list(s.execute(q).scalars())

    def _push(self, t: Transport, st: dict, report: SyncReport) -> None:
        base = int(st.get("seq_base") or 0)
        epoch = int(st.get("replica_epoch") or 1)
        resend_from = None
        for _ in range(100000):
            rows = self._batch(resend_from)
            resend_from = None
            if not rows:
                return
            # a batch must be contiguous: stop before the first hole (rows acked earlier)
            batch = [rows[0]]
            for r in rows[1:]:
                if r.local_seq != batch[-1].local_seq + 1:
                    break
                batch.append(r)
            changes, quarantined = self._fit(batch, base)
            try:
                resp = t.push(P.PushRequest(replica_epoch=epoch, changes=changes))
            except ProtocolConflict as exc:
                if exc.error == "missing_blob":
                    self._upload_blobs(t, report, only=set(exc.detail.get("sha256", [])))
                    continue
                if exc.error == "gap":
                    # the server has less than we thought (restored from backup): send again from there
                    expected = int(exc.detail["expected_next_seq"]) + base
                    if expected >= batch[0].local_seq:
                        raise SyncError("同步序号异常，请联系技术支持（已记录）。", error="gap_unresolved") from None
                    resend_from = expected
                    continue
                raise
            _fault("after_push_before_ack")
            self._record_results(resp, base, report, quarantined)
            _fault("after_push_ack")

    def _fit(self, rows: list[SyncOutbox], base: int) -> tuple[list[P.Change], dict[str, str]]:
        """The changes of one request: as many of ``rows`` as fit the district's request limit
        (a large batch goes out in several requests). A change the district could never accept
        (a field over its limit, or too large for any request) goes as a quarantine marker that
        keeps the sequence contiguous; its content stays here, with the reason (docs/protocol.md)."""
        changes: list[P.Change] = []
        reasons: dict[str, str] = {}
        room = P.MAX_BODY - 1024  # the request's envelope
        for r in rows:
            ch = self._change(r, base)
            size = len(ch.model_dump_json().encode())
            reason = self._quarantine_reason(r, size, room)
            if reason:
                ch = self._marker(r, base)
                size = len(ch.model_dump_json().encode())
            if changes and size > room:
                break
            changes.append(ch)
            room -= size + 1
            if reason:
                reasons[r.change_id] = reason
        return changes, reasons

    def _quarantine_reason(self, r: SyncOutbox, size: int, room: int) -> str | None:
        try:
            P.check_patch(r.entity_type, r.patch)
            if size <= P.MAX_BODY - 1024:
                return None
            problem = f"这项变更有 {size // 1024} KB，超过区中心单次接收上限 {P.MAX_BODY // 1024} KB"
        except P.FieldProblem as exc:
            problem = str(exc)
        with self.store.read() as s:
            where = _case_label(s, r.entity_type, r.entity_id)
        log.warning("change %s quarantined: %s", r.change_id, r.entity_type)
        return (f"本站已隔离{where}的一项修改：{problem}。区中心不会接受这项修改，其他数据照常同步；"
                "请在案件中改正后重新保存（修改会作为新的变更同步）。")

    def _marker(self, r: SyncOutbox, base: int) -> P.Change:
        body = {"change_id": r.change_id, "entity_type": r.entity_type, "entity_id": r.entity_id,
                "op": "quarantined", "base_version": r.base_version, "patch": {}, "schema_version": r.schema_version}
        return P.Change(device_seq=r.local_seq - base, payload_hash=P.payload_hash(body), **body)

    def _change(self, r: SyncOutbox, base: int) -> P.Change:
        blob_refs = []
        if r.entity_type == "attachments" and (r.patch.get("sha256") or {}).get("new"):
            blob_refs.append(r.patch["sha256"]["new"])
        patch, payload_hash = P.without_impossible_old_values(r.entity_type, r.patch), r.payload_hash
        if patch is not r.patch:
            payload_hash = P.payload_hash({"change_id": r.change_id, "entity_type": r.entity_type, "entity_id": r.entity_id,
                                           "op": r.op, "base_version": r.base_version, "patch": patch,
                                           "schema_version": r.schema_version})
        return P.Change(device_seq=r.local_seq - base, change_id=r.change_id, entity_type=r.entity_type,
                        entity_id=r.entity_id, op=r.op, base_version=r.base_version, patch=patch,
                        blob_refs=blob_refs, schema_version=r.schema_version, payload_hash=payload_hash,
                        device_time=r.device_time.isoformat() if r.device_time else None, user_id=r.user_id)

    def _record_results(self, resp: P.PushResponse, base: int, report: SyncReport,
                        quarantined: dict[str, str] | None = None) -> None:
        quarantined = quarantined or {}
        with self.store.write(SYNC_ACTOR) as s:
            for res in resp.results:
                row = s.execute(select(SyncOutbox).where(SyncOutbox.change_id == res.change_id)).scalar_one()
                row.attempts += 1
                row.server_result = res.model_dump()
                if res.status == "rejected":
                    row.state = "rejected"
                    row.last_error = quarantined.get(res.change_id) or res.error
                    report.rejected += 1
                else:
                    row.state = "acked"
                    row.last_error = None
                    report.pushed += res.status != "duplicate"
                    report.duplicates += res.status == "duplicate"
                    report.conflicts += res.status == "conflict"

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
            for eid, patch in s.execute(select(SyncOutbox.entity_id, SyncOutbox.patch).where(
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
                self.app._calendar = None
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
        body = {"format": "suyuan-unsynced/1", "station_code": self.app.station_code,
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
    from ..sync.client import Transport  # httpx: only when a sync actually talks to the district
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
