"""Pushing: attachments first, then the outbox in device_seq order, fitted to the request limit."""
from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from sqlalchemy import select

from ...store.models import Attachment, AuditEntry, SyncOutbox
from ...sync import protocol as P
from ...sync.base import HashMismatch, ProtocolConflict, SyncError

if TYPE_CHECKING:
    from ...sync.client import Transport
from .common import SYNC_ACTOR, SyncReport, _case_label, _fault, log


class PushOps:
    # --- blobs -----------------------------------------------------------------------------------

    def _pending_blob_refs(self) -> list[tuple[str, str]]:
        with self.store.read() as s:
            rows = s.execute(select(AuditEntry.changes).join(SyncOutbox, SyncOutbox.audit_seq == AuditEntry.seq)
                             .where(SyncOutbox.state == "pending", SyncOutbox.entity_type == "attachments")).scalars()
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
            if not self.ctx.blobs.has(sha):
                continue  # never had the file here; the server will reject the reference
            data = self.ctx.blobs.get(sha)
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
            if self.ctx.blobs.has(sha):
                continue
            try:
                data = t.download_blob(sha)
            except SyncError as exc:
                log.warning("blob download failed: %s", exc.error)
                continue
            if hashlib.sha256(data).hexdigest() != sha:
                log.warning("downloaded blob failed its hash check; will retry next sync")
                continue
            self.ctx.blobs.put(data)
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
            if resend_from is not None and (not rows or rows[0].local_seq != resend_from):
                # the district asks again for changes acknowledged so long ago that they have left
                # the outbox (docs/storage.md): they are in the audit log, not in a form to resend
                raise SyncError("区中心恢复了较早的备份，要求重发的变更已确认超过30天、不在待发队列中。本机数据完整；"
                                "请联系区中心为本机重新注册后再同步。", error="gap_pruned")
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
