"""Applying one push: each change merged into the district's state (docs/protocol.md, "Merging")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import bindparam, insert, select, tuple_, update

from suyuan_desktop.core.domain.enums import CaseStatus
from suyuan_desktop.core.domain.state_machine import can_transition
from suyuan_desktop.core.sync import protocol as P

from ..db import changes_received, conflicts, entities, entity_blobs, entity_history, feed, utcnow
from .common import Device, Reject, _Work, log

if TYPE_CHECKING:
    from . import DistrictService


class _PushTx:
    """The working set of one push transaction: entities read once (FOR UPDATE, in key order),
    merged in memory change by change, written back in bulk at the end. A rejected change leaves
    no trace in it (every check runs before anything is staged), so no savepoints are needed."""

    def __init__(self, svc: DistrictService, conn, device: Device):
        self.svc, self.conn, self.device = svc, conn, device
        self.work = _Work()
        self.ents: dict[tuple[str, str], dict | None] = {}
        self.inserted: set[tuple[str, str]] = set()
        self.updated: set[tuple[str, str]] = set()
        self.received: dict[str, object] = {}
        self.seen_ids: dict[str, str] = {}  # change ids in this batch -> payload hash
        self.history: list[dict] = []
        self.log: list[dict] = []
        self.blob_links: set[tuple[str, str, str]] = set()
        self.revoked_here: set[tuple[str, str]] = set()

    def prefetch(self, changes) -> None:
        ids = [c.change_id for c in changes]
        for r in self.conn.execute(select(changes_received).where(changes_received.c.change_id.in_(ids))):
            self.received[r.change_id] = r
        keys = sorted({(c.entity_type, c.entity_id) for c in changes})
        case_ids = {c.patch.get("case_id", {}).get("new") for c in changes if isinstance(c.patch.get("case_id"), dict)}
        keys += sorted({("cases", cid) for cid in case_ids if isinstance(cid, str)} - set(keys))
        self._load(keys, lock=True)

    def _load(self, keys, *, lock: bool) -> None:
        keys = [k for k in keys if k not in self.ents]
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            q = select(entities).where(tuple_(entities.c.entity_type, entities.c.entity_id).in_(part))
            if lock:
                q = q.order_by(entities.c.entity_type, entities.c.entity_id).with_for_update()
            found = {(r.entity_type, r.entity_id): dict(r._mapping) for r in self.conn.execute(q)}
            for k in part:
                self.ents[k] = found.get(k)

    def get(self, entity_type: str, entity_id: str) -> dict | None:
        key = (entity_type, entity_id)
        if key not in self.ents:
            self._load([key], lock=True)
        return self.ents[key]

    def was_ours(self, entity_type: str, entity_id: str) -> bool:
        """Did the district move this away from the device's station (a revoke row in its feed)?"""
        return self.conn.execute(select(feed.c.seq).where(
            feed.c.scope == self.device.station_code, feed.c.entity_type == entity_type,
            feed.c.entity_id == entity_id, feed.c.op == "revoke")).first() is not None

    # --- one change ------------------------------------------------------------------------------

    def receive(self, ch: P.Change) -> P.ChangeResult:
        prior = self.received.get(ch.change_id)
        prior_hash = prior.payload_hash if prior is not None else self.seen_ids.get(ch.change_id)
        if prior_hash is not None:
            # the same change id under another sequence number (a replayed copy): never applied twice
            status = "duplicate" if prior_hash == ch.payload_hash else "rejected"
            return P.ChangeResult(change_id=ch.change_id, device_seq=ch.device_seq, status=status,
                                  error=None if status == "duplicate" else "变更编号重复但内容不同")
        payload = ch.model_dump()
        try:
            if P.payload_hash(payload) != ch.payload_hash:
                raise Reject("变更内容校验失败（传输中损坏或被改动）")
            if ch.op == "quarantined":
                raise Reject("站点已隔离这项变更（内容超出区中心限制，未发送），序号照常使用")
            result = self.apply(ch)
        except Reject as exc:
            result = P.ChangeResult(change_id=ch.change_id, device_seq=ch.device_seq, status="rejected",
                                    error=str(exc))
            log.warning("change rejected: %s", exc)
        self.seen_ids[ch.change_id] = ch.payload_hash
        self.log.append(dict(change_id=ch.change_id, device_id=self.device.id, device_seq=ch.device_seq,
                             replica_epoch=self.device.replica_epoch, payload_hash=ch.payload_hash, payload=payload,
                             received_at=utcnow(), status=result.status, result=result.model_dump()))
        return result

    def apply(self, ch: P.Change) -> P.ChangeResult:
        device = self.device
        if "id" in ch.patch:
            if (ch.patch["id"] or {}).get("new") not in (None, ch.entity_id):
                raise Reject("记录编号与变更对象不一致")
            ch = ch.model_copy(update={"patch": {k: v for k, v in ch.patch.items() if k != "id"}})
        new = self.svc._validate_patch(ch.entity_type, ch.op, ch.patch)
        key = (ch.entity_type, ch.entity_id)
        cur = self.get(*key)
        now = utcnow()
        if cur is None:
            if ch.op != "insert":
                raise Reject("要修改的记录在区中心不存在")
            if ch.entity_type in P.STATION_SCOPED:
                if new.get("station_code") != device.station_code:
                    raise Reject("不能以其他调委会的名义登记调解员或排查记录")
                case_id, scope = None, device.station_code
            else:
                case_id = self.case_of(ch.entity_type, ch.entity_id, new)
                if ch.entity_type == "cases":
                    if new.get("station_code") != device.station_code:
                        raise Reject("不能以其他调委会的名义登记案件")
                    scope = device.station_code
                else:
                    owner = self.get("cases", case_id)
                    if owner is None:
                        raise Reject("所属案件在区中心不存在")
                    scope = owner["scope"]
                    if scope != device.station_code:
                        if not self.was_ours("cases", case_id):
                            raise Reject("无权修改其他调委会的案件")
                        return self.flag_whole(ch, new, None, case_id, scope, "post_transfer")
            self.check_references(ch.entity_type, new, case_id, scope)
            state = dict(new)
            deleted = state.get("deleted_at") is not None
            self.ents[key] = dict(entity_type=ch.entity_type, entity_id=ch.entity_id, case_id=case_id, scope=scope,
                                  version=1, state=state, deleted=deleted, flags=[], created_at=now, updated_at=now,
                                  last_device_id=device.id)
            self.inserted.add(key)
            self.add_history(key, 1, ch, scope, state, [])
            work_op = "delete" if deleted else "upsert"
            self.work.publish(scope, ch.entity_type, ch.entity_id, work_op)
            return P.ChangeResult(change_id=ch.change_id, device_seq=ch.device_seq, status="applied", new_version=1)

        if cur["scope"] != device.station_code:
            if not self.was_ours(ch.entity_type, ch.entity_id):
                raise Reject("无权修改其他调委会的案件")
            return self.flag_whole(ch, new, cur, cur["case_id"], cur["scope"], "post_transfer")
        if cur["deleted"] and ch.op != "delete" and "deleted_at" not in new:
            return self.flag_whole(ch, new, cur, cur["case_id"], cur["scope"], "edit_after_delete")

        self.check_references(ch.entity_type, new, cur["case_id"], cur["scope"])
        state = dict(cur["state"])
        flags = list(cur["flags"] or [])
        concurrent = ch.base_version < cur["version"] and cur["last_device_id"] != device.id
        conflict_ids: list[int] = []
        changed = False
        for f, pair in ch.patch.items():
            server_v, client_v, old_v = state.get(f), pair.get("new"), pair.get("old")
            if server_v == client_v:
                continue
            if (ch.entity_type, f) in P.DISTRICT_OWNED_FIELDS:
                conflict_ids.append(self.conflict(ch, cur, f, "ownership", old_v, server_v, client_v))
                continue
            if ch.entity_type == "cases" and f == "status" and server_v and client_v:
                # e.g. the station accepts a case the district has withdrawn meanwhile
                if not can_transition(CaseStatus(server_v), CaseStatus(client_v)):
                    conflict_ids.append(self.conflict(ch, cur, f, "invalid_transition", old_v, server_v, client_v))
                    continue
            if server_v != old_v and ch.base_version < cur["version"]:
                conflict_ids.append(self.conflict(ch, cur, f, "hard", old_v, server_v, client_v))
                continue
            state[f] = client_v
            changed = True
        if conflict_ids and "conflict" not in flags:
            flags.append("conflict")
        status = "conflict" if conflict_ids else ("merged" if concurrent else "applied")
        version = cur["version"]
        if changed or conflict_ids:
            version += 1
            deleted = state.get("deleted_at") is not None
            cur.update(version=version, state=state, deleted=deleted, flags=flags, updated_at=now,
                       last_device_id=device.id)
            if key not in self.inserted:
                self.updated.add(key)
            self.add_history(key, version, ch, cur["scope"], state,
                             (["soft"] if concurrent else []) + (["hard"] if conflict_ids else []))
            self.work.publish(cur["scope"], ch.entity_type, ch.entity_id, "delete" if deleted else "upsert")
        return P.ChangeResult(change_id=ch.change_id, device_seq=ch.device_seq, status=status,
                              new_version=version, conflict_ids=conflict_ids, flags=(["soft"] if concurrent else []))

    def check_references(self, entity_type: str, values: dict, case_id: str | None, scope: str) -> None:
        """The ownership rule (docs/protocol.md): every reference a write sets, on insert and on
        update, points at a record of the same case (a mediator: of the case's station). So no
        record is ever re-pointed at another case, and never at another station's records."""
        for ref, target_type in P.REFERENCES.get(entity_type, {}).items():
            target_id = values.get(ref)
            if target_id is None:
                continue
            target = self.ents.get((target_type, target_id))
            if target is None:  # read, not locked: only its case and scope matter, and those move only by
                row = self.conn.execute(select(entities.c.case_id, entities.c.scope).where(  # a district assignment
                    entities.c.entity_type == target_type, entities.c.entity_id == target_id)).first()
                target = dict(row._mapping) if row is not None else None
            if target is None:
                raise Reject(f"字段“{ref}”引用的记录在区中心不存在")
            same = (target["scope"] == scope) if target_type in P.STATION_SCOPED else (target["case_id"] == case_id)
            if not same:
                raise Reject(f"字段“{ref}”不能指向其他案件或其他调委会的记录")

    def case_of(self, entity_type: str, entity_id: str, values: dict) -> str | None:
        cf = P.case_field(entity_type)
        if cf == "id":
            return entity_id
        if cf:
            return values.get(cf)
        if entity_type in P.PARENT:
            pf, ptype = P.PARENT[entity_type]
            parent = self.get(ptype, values.get(pf))
            if parent is None:
                raise Reject(f"上级记录（{ptype} {values.get(pf)}）在区中心不存在")
            return parent["case_id"]
        return None

    def flag_whole(self, ch, new, cur, case_id, scope, kind) -> P.ChangeResult:
        """Store a change that may not be applied (the case moved away, or was deleted) as a
        conflict for a person: in history, in the conflicts queue, flagged on the entity."""
        cid = self.insert_conflict(dict(
            entity_type=ch.entity_type, entity_id=ch.entity_id, case_id=case_id, station_code=scope,
            field=None, kind=kind, base_value=None, server_value=(cur["state"] if cur is not None else None),
            client_value=new, change_id=ch.change_id))
        key = (ch.entity_type, ch.entity_id)
        if cur is not None:
            if kind not in cur["flags"]:
                cur["flags"] = [*cur["flags"], kind]
            cur["version"] += 1
            cur["updated_at"] = utcnow()
            if key not in self.inserted:
                self.updated.add(key)
            self.add_history(key, cur["version"], ch, scope, cur["state"], [kind])
            self.work.publish(scope, ch.entity_type, ch.entity_id, "delete" if cur["deleted"] else "upsert")
        else:
            self.add_history(key, 0, ch, scope, new, [kind])
        return P.ChangeResult(change_id=ch.change_id, device_seq=ch.device_seq, status="conflict",
                              conflict_ids=[cid], flags=[kind], new_version=(cur["version"] if cur else None))

    def conflict(self, ch, cur, field_name, kind, base_v, server_v, client_v) -> int:
        return self.insert_conflict(dict(
            entity_type=ch.entity_type, entity_id=ch.entity_id, case_id=cur["case_id"], station_code=cur["scope"],
            field=field_name, kind=kind, base_value=base_v, server_value=server_v, client_value=client_v,
            change_id=ch.change_id))

    def insert_conflict(self, values: dict) -> int:
        # conflicts are rare and need their id in the result: written at once
        return self.conn.execute(insert(conflicts).values(
            from_station=self.device.station_code, device_id=self.device.id, status="open", created_at=utcnow(),
            **values).returning(conflicts.c.id)).scalar_one()

    def add_history(self, key, version, ch, scope, state, flags) -> None:
        self.history.append(dict(entity_type=key[0], entity_id=key[1], version=version, change_id=ch.change_id,
                                 device_id=self.device.id, actor=f"device:{self.device.id}", scope=scope,
                                 patch=ch.patch, state=dict(state), flags=flags, at=utcnow()))
        for f in ("sha256", "pdf_sha256"):
            sha = state.get(f)
            if isinstance(sha, str) and P.SHA256_RE.match(sha):
                self.blob_links.add((sha, key[0], key[1]))

    # --- write back ------------------------------------------------------------------------------

    def flush(self) -> None:
        conn = self.conn
        if self.inserted:
            conn.execute(insert(entities), [self.ents[k] for k in sorted(self.inserted)])
        if self.updated:
            conn.execute(
                update(entities).where(entities.c.entity_type == bindparam("k_type"),
                                       entities.c.entity_id == bindparam("k_id"))
                .values(version=bindparam("version"), state=bindparam("state"), deleted=bindparam("deleted"),
                        flags=bindparam("flags"), updated_at=bindparam("updated_at"),
                        last_device_id=bindparam("last_device_id")),
                [dict(k_type=k[0], k_id=k[1], version=e["version"], state=e["state"], deleted=e["deleted"],
                      flags=e["flags"], updated_at=e["updated_at"], last_device_id=e["last_device_id"])
                 for k in sorted(self.updated) for e in (self.ents[k],)])
        if self.history:
            conn.execute(insert(entity_history), self.history)
        if self.log:
            conn.execute(insert(changes_received), self.log)
        if self.blob_links:
            stmt = self.svc._insert(entity_blobs).on_conflict_do_nothing()
            conn.execute(stmt, [dict(sha256=a, entity_type=b, entity_id=c) for a, b, c in sorted(self.blob_links)])
