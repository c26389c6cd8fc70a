"""Hello and push: exactly-once application of a station's changes (docs/protocol.md)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, insert, select, update

from suyuan_desktop.core.domain import clock
from suyuan_desktop.core.domain.enums import CaseStatus, DisputeType
from suyuan_desktop.core.domain.errors import ValidationError
from suyuan_desktop.core.domain.idcard import parse_id_number
from suyuan_desktop.core.sync import protocol as P

from .. import db
from ..db import conflicts, devices, entity_history, feed, reference_data, sync_counter, utcnow
from .common import MIN_CLIENT_VERSION, ApiError, Device, Reject, _fault, _Work
from .merge import _PushTx


class PushOps:
    # --- hello -----------------------------------------------------------------------------------

    def hello(self, device: Device, req: P.HelloRequest) -> P.HelloResponse:
        if req.protocol_max < P.PROTOCOL_MIN or req.protocol_min > P.PROTOCOL_CURRENT:
            raise ApiError(426, "upgrade_required",
                           f"本机软件版本（{req.client_version}）过旧，区中心已不再支持。请升级“诉源”客户端到最新版本后再同步；"
                           "尚未同步的变更都保存在本机，升级后会自动上传。",
                           {"min_client_version": MIN_CLIENT_VERSION, "protocol_min": P.PROTOCOL_MIN})
        protocol = min(req.protocol_max, P.PROTOCOL_CURRENT)

        def fn(conn):
            conn.execute(update(devices).where(devices.c.id == device.id).values(
                last_seen_at=utcnow(), outbox_depth=req.outbox_depth, client_version=req.client_version))
            refs = {r.dataset: r.etag for r in conn.execute(select(reference_data.c.dataset, reference_data.c.etag))}
            open_n = conn.execute(select(func.count()).select_from(conflicts).where(
                conflicts.c.station_code == device.station_code, conflicts.c.status == "open")).scalar_one()
            return refs, open_n
        refs, open_n = db.run_tx(self.engine, fn)
        resp = P.HelloResponse(
            protocol=protocol, server_time=utcnow().replace(tzinfo=dt.timezone.utc).isoformat(),
            server_id=self.meta("server_id"), db_epoch=int(self.meta("db_epoch")),
            station_code=device.station_code, expected_next_seq=device.last_applied_seq + 1,
            replica_epoch=device.replica_epoch, min_client_version=MIN_CLIENT_VERSION, ref_versions=refs)
        if protocol >= 2:
            resp.limits = P.Limits()
            resp.conflicts_open = open_n
        return resp

    # --- push ------------------------------------------------------------------------------------

    def push(self, device: Device, req: P.PushRequest) -> P.PushResponse:
        if req.replica_epoch != device.replica_epoch:
            raise ApiError(409, "epoch_mismatch", "本机数据副本编号与区中心记录不符，需要重置同步副本。",
                           {"replica_epoch": device.replica_epoch})
        changes = req.changes
        for a, b in zip(changes, changes[1:]):
            if b.device_seq != a.device_seq + 1:
                raise ApiError(400, "batch_not_contiguous", "一批变更的序号必须连续递增。")
        missing = self._missing_blobs(device, changes)
        if missing:
            raise ApiError(409, "missing_blob", "附件文件尚未上传到区中心，请先上传附件再同步。",
                           {"sha256": sorted(missing)})

        def fn(conn):
            d = conn.execute(select(devices).where(devices.c.id == device.id).with_for_update()).first()
            if d.revoked_at is not None:
                raise ApiError(401, "device_revoked", "本机的同步授权已被区中心撤销。")
            last = d.last_applied_seq
            tx = _PushTx(self, conn, device)
            tx.prefetch(changes)
            results: list[P.ChangeResult] = []
            for ch in changes:
                if ch.device_seq <= last:
                    prior = tx.received.get(ch.change_id)
                    if prior is not None and prior.device_id == device.id and prior.payload_hash == ch.payload_hash:
                        r = P.ChangeResult.model_validate(prior.result)
                        results.append(r.model_copy(update={"status": "duplicate"}))
                        continue
                    raise ApiError(409, "seq_reuse",
                                   f"序号 {ch.device_seq} 已被另一项变更使用（本机数据库可能从旧备份恢复）。需要重置同步副本。",
                                   {"device_seq": ch.device_seq, "expected_next_seq": last + 1})
                if ch.device_seq > last + 1:
                    raise ApiError(409, "gap", f"缺少序号 {last + 1} 起的变更，请从该序号重新发送。",
                                   {"expected_next_seq": last + 1})
                results.append(tx.receive(ch))
                last = ch.device_seq
            tx.flush()
            conn.execute(update(devices).where(devices.c.id == device.id)
                         .values(last_applied_seq=last, last_seen_at=utcnow()))
            self._publish(conn, tx.work)
            _fault("push_before_commit")
            return results, last
        results, last = db.run_tx(self.engine, fn)
        _fault("push_after_commit")
        return P.PushResponse(results=results, last_applied_seq=last)

    def _missing_blobs(self, device: Device, changes) -> set[str]:
        wanted = set()
        for ch in changes:
            wanted.update(ch.blob_refs)
            for f in ("sha256", "pdf_sha256"):
                v = ch.patch.get(f, {}).get("new") if isinstance(ch.patch.get(f), dict) else None
                if isinstance(v, str):
                    wanted.add(v)
        wanted = {w for w in wanted if isinstance(w, str) and P.SHA256_RE.match(w)}
        return {w for w in wanted if not (self.has_blob(w) and self.can_read_blob(device, w))}

    # --- merge -----------------------------------------------------------------------------------

    def _validate_patch(self, entity_type: str, op: str, patch: dict) -> dict:
        if entity_type not in P.ENTITY_FIELDS:
            raise Reject(f"未知的数据类型“{entity_type}”")
        new = {}
        for f, pair in patch.items():
            if not isinstance(pair, dict) or "new" not in pair:
                raise Reject(f"字段“{f}”的变更格式错误")
            try:
                P.check_value(entity_type, f, pair["new"])
            except P.FieldProblem as exc:
                raise Reject(str(exc)) from None
            new[f] = pair["new"]
        if op == "insert":
            absent = [f for f, spec in P.ENTITY_FIELDS[entity_type].items() if spec.endswith("!") and new.get(f) is None]
            if absent:
                raise Reject(f"新建记录缺少必填字段：{'、'.join(absent)}")
        # domain rules the district relies on in its statistics
        if entity_type == "cases":
            if "status" in new and new["status"] not in {s.value for s in CaseStatus}:
                raise Reject(f"案件状态“{new['status']}”无效")
            if "dispute_type" in new and new["dispute_type"] not in {t.value for t in DisputeType}:
                raise Reject(f"纠纷类型“{new['dispute_type']}”不在15类统计口径内")
        if entity_type == "parties" and new.get("id_number"):
            try:
                parse_id_number(new["id_number"], today=clock.system().today())
            except ValidationError as exc:
                raise Reject("当事人身份证号码：" + exc.errors[0].message) from None
        return new

    def _history(self, conn, entity_type, entity_id, version, change_id, device_id, scope, patch, state, flags,
                 actor: str | None = None) -> None:
        conn.execute(insert(entity_history).values(
            entity_type=entity_type, entity_id=entity_id, version=version, change_id=change_id,
            device_id=device_id, actor=actor or f"device:{device_id}", scope=scope, patch=patch,
            state=state, flags=flags, at=utcnow()))

    def _publish(self, conn, work: _Work) -> None:
        """Give this transaction's feed rows their sequence numbers. MUST be the last statement
        before COMMIT: the counter row stays locked until commit, so commits happen in seq order."""
        if not work.feed_rows:
            return
        self._refresh_facts(conn, work)
        n = len(work.feed_rows)
        top = conn.execute(update(sync_counter).where(sync_counter.c.id == 1)
                           .values(value=sync_counter.c.value + n).returning(sync_counter.c.value)).scalar_one()
        seq = top - n
        rows = []
        for (scope, etype, eid), op in work.feed_rows.items():
            seq += 1
            rows.append({"scope": scope, "entity_type": etype, "entity_id": eid, "seq": seq, "op": op})
        ins = self._insert(feed)
        # new seqs are above every existing one, so re-stamping rows never collides on the unique seq
        for i in range(0, len(rows), 1000):
            stmt = ins.values(rows[i:i + 1000])
            conn.execute(stmt.on_conflict_do_update(index_elements=["scope", "entity_type", "entity_id"],
                                                    set_={"seq": stmt.excluded.seq, "op": stmt.excluded.op}))

    def _insert(self, table):
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert
            return pg_insert(table)
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert
        return sqlite_insert(table)
