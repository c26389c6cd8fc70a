"""The district's own writes (edits, voids, assignments, delegated cases), conflicts, inspection."""
from __future__ import annotations

import uuid

from sqlalchemy import insert, or_, select, update

from suyuan_desktop.core.sync import protocol as P

from .. import db
from ..db import changes_received, conflicts, entities, entity_history, stations, utcnow
from .common import DISTRICT_SCOPE_ACTOR, ApiError, Reject, _Work


class AdminOps:
    # --- district-side writes -------------------------------------------------------------------

    def _district_write(self, fn):
        def tx(conn):
            work = _Work()
            out = fn(conn, work)
            self._publish(conn, work)
            return out
        return db.run_tx(self.engine, tx)

    def district_edit(self, entity_type: str, entity_id: str, values: dict, *, actor: str = DISTRICT_SCOPE_ACTOR) -> int:
        """The district edits fields of an entity (supervision, court data, corrections)."""
        for f, v in values.items():
            try:
                P.check_value(entity_type, f, v)
            except P.FieldProblem as exc:
                raise ApiError(400, "invalid_value", str(exc)) from None

        def fn(conn, work):
            cur = conn.execute(select(entities).where(entities.c.entity_type == entity_type,
                                                     entities.c.entity_id == entity_id).with_for_update()).first()
            if cur is None:
                raise ApiError(404, "not_found", f"区中心没有记录 {entity_type} {entity_id}。")
            state = dict(cur.state)
            patch = {f: {"old": state.get(f), "new": v} for f, v in values.items() if state.get(f) != v}
            if not patch:
                return cur.version
            self._check_district_references(conn, entity_type, values, cur)
            state.update({f: p["new"] for f, p in patch.items()})
            return self._commit_entity(conn, work, cur, patch, state, actor=actor)
        return self._district_write(fn)

    def _commit_entity(self, conn, work, cur, patch: dict, state: dict, *, actor: str, flags: tuple = (),
                       publish: bool = True) -> int:
        """A district-side change of one entity: the next version, its history entry, and (unless the
        caller publishes later) a feed row for its station. Returns the new version."""
        version = cur.version + 1
        deleted = state.get("deleted_at") is not None
        conn.execute(update(entities).where(entities.c.entity_type == cur.entity_type, entities.c.entity_id == cur.entity_id)
                     .values(version=version, state=state, deleted=deleted, updated_at=utcnow(), last_device_id=None))
        self._history(conn, cur.entity_type, cur.entity_id, version, None, None, cur.scope, patch, state, list(flags),
                      actor=actor)
        if publish:
            work.publish(cur.scope, cur.entity_type, cur.entity_id, "delete" if deleted else "upsert")
        return version

    def _check_district_references(self, conn, entity_type: str, values: dict, cur) -> None:
        """The ownership rule on the district's own edits: a reference stays inside the record's case."""
        for ref, target_type in P.REFERENCES.get(entity_type, {}).items():
            if values.get(ref) is None:
                continue
            target = conn.execute(select(entities.c.case_id, entities.c.scope).where(
                entities.c.entity_type == target_type, entities.c.entity_id == values[ref])).first()
            same = target is not None and (target.scope == cur.scope if target_type in P.STATION_SCOPED
                                           else target.case_id == cur.case_id)
            if not same:
                raise ApiError(400, "foreign_reference", f"字段“{ref}”只能指向本案（本调委会）的记录。")

    def district_delete_case(self, case_id: str, *, actor: str = DISTRICT_SCOPE_ACTOR) -> int:
        """Void a case at the district (a tombstone; nothing is erased)."""
        return self.district_edit("cases", case_id, {"deleted_at": utcnow().isoformat()}, actor=actor)

    def assign_case(self, case_id: str, station_code: str, *, actor: str = DISTRICT_SCOPE_ACTOR) -> int:
        """Hand a case and everything in it to another station: the old station's feed gets a
        revoke row, the new one an upsert row, both with fresh sequence numbers."""
        def fn(conn, work):
            if not conn.execute(select(stations.c.code).where(stations.c.code == station_code)).first():
                raise ApiError(404, "unknown_station", f"没有调委会“{station_code}”。")
            case = conn.execute(select(entities).where(entities.c.entity_type == "cases",
                                                      entities.c.entity_id == case_id).with_for_update()).first()
            if case is None:
                raise ApiError(404, "not_found", f"区中心没有案件 {case_id}。")
            old = case.scope
            if old == station_code:
                return 0
            rows = conn.execute(select(entities.c.entity_type, entities.c.entity_id)
                                .where(entities.c.case_id == case_id)).all()
            conn.execute(update(entities).where(entities.c.case_id == case_id).values(scope=station_code))
            for r in rows:
                work.publish(old, r.entity_type, r.entity_id, "revoke")
                work.publish(station_code, r.entity_type, r.entity_id, "upsert")
            self._history(conn, "cases", case_id, case.version, None, None, station_code,
                          {"scope": {"old": old, "new": station_code}}, case.state, ["reassigned"], actor=actor)
            return len(rows)
        return self._district_write(fn)

    def create_case(self, station_code: str, case: dict, parties: list[dict], referral: dict | None = None,
                    *, actor: str = DISTRICT_SCOPE_ACTOR) -> str:
        """A case created at the district (e.g. court-delegated) and handed to a station."""
        case_id = str(uuid.uuid4())
        items = [("cases", case_id, dict(case))]
        for p in parties:
            items.append(("parties", str(uuid.uuid4()), {**p, "case_id": case_id}))
        if referral:
            items.append(("court_referrals", str(uuid.uuid4()), {**referral, "case_id": case_id}))
        for etype, _, state in items:
            try:
                self._validate_patch(etype, "insert", {f: {"old": None, "new": v} for f, v in state.items()})
            except Reject as exc:
                raise ApiError(400, "invalid_case", str(exc)) from None

        def fn(conn, work):
            if not conn.execute(select(stations.c.code).where(stations.c.code == station_code)).first():
                raise ApiError(404, "unknown_station", f"没有调委会“{station_code}”。")
            now = utcnow()
            for etype, eid, state in items:
                conn.execute(insert(entities).values(entity_type=etype, entity_id=eid, case_id=case_id,
                                                     scope=station_code, version=1, state=state, deleted=False,
                                                     flags=[], created_at=now, updated_at=now))
                self._history(conn, etype, eid, 1, None, None, station_code, None, state, [], actor=actor)
                work.publish(station_code, etype, eid, "upsert")
            return case_id
        return self._district_write(fn)

    # --- conflicts -------------------------------------------------------------------------------

    def list_conflicts(self, station_code: str | None, status: str | None = "open") -> list[P.ConflictOut]:
        q = select(conflicts).order_by(conflicts.c.id)
        if station_code is not None:
            q = q.where(or_(conflicts.c.station_code == station_code, conflicts.c.from_station == station_code))
        if status:
            q = q.where(conflicts.c.status == status)
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        return [P.ConflictOut(id=r.id, entity_type=r.entity_type, entity_id=r.entity_id, case_id=r.case_id,
                              field=r.field, kind=r.kind, base_value=r.base_value, server_value=r.server_value,
                              client_value=r.client_value, change_id=r.change_id, station_code=r.station_code,
                              status=r.status, created_at=r.created_at.isoformat(), resolution=r.resolution)
                for r in rows]

    def resolve_conflict(self, conflict_id: int, req: P.ResolveRequest, *, by: str,
                         station_code: str | None = None) -> int:
        """A person decides. 'server' keeps what the district has; 'client' takes the station's
        value; 'value' a merged one. A decision is a new version; history keeps everything."""
        def fn(conn, work):
            c = conn.execute(select(conflicts).where(conflicts.c.id == conflict_id).with_for_update()).first()
            if c is None or (station_code is not None and c.station_code != station_code):
                raise ApiError(404, "not_found", "没有这条冲突记录。")
            if c.status != "open":
                raise ApiError(409, "already_resolved", "这条冲突已经处理过了。")
            cur = conn.execute(select(entities).where(entities.c.entity_type == c.entity_type,
                                                     entities.c.entity_id == c.entity_id).with_for_update()).first()
            version = cur.version if cur is not None else 0
            if req.choice != "server" and cur is not None:
                chosen = c.client_value if req.choice == "client" else req.value
                values = {c.field: chosen} if c.field else dict(chosen or {})
                if c.kind == "edit_after_delete" and req.choice == "client":
                    values["deleted_at"] = None
                for f, v in values.items():
                    try:
                        P.check_value(c.entity_type, f, v)
                    except P.FieldProblem as exc:
                        raise ApiError(400, "invalid_value", str(exc)) from None
                state = dict(cur.state)
                patch = {f: {"old": state.get(f), "new": v} for f, v in values.items()}
                state.update(values)
                version = self._commit_entity(conn, work, cur, patch, state, actor=by, flags=("resolution",),
                                              publish=False)  # published below, with the remaining flags
            conn.execute(update(conflicts).where(conflicts.c.id == conflict_id).values(
                status="resolved", resolved_at=utcnow(), resolved_by=by,
                resolution={"choice": req.choice, "value": req.value, "note": req.note}))
            if cur is not None:
                still = conn.execute(select(conflicts.c.kind).where(
                    conflicts.c.entity_type == c.entity_type, conflicts.c.entity_id == c.entity_id,
                    conflicts.c.status == "open")).scalars().all()
                flags = [f for f in (cur.flags or []) if f in still or (f == "conflict" and any(
                    k in ("hard", "ownership", "invalid_transition") for k in still))]
                if version == cur.version:
                    version += 1
                conn.execute(update(entities).where(entities.c.entity_type == c.entity_type,
                                                    entities.c.entity_id == c.entity_id)
                             .values(flags=flags, version=version))
                work.publish(cur.scope, c.entity_type, c.entity_id, "delete" if cur.deleted and req.choice == "server" else "upsert")
            return version
        return self._district_write(fn)

    # --- inspection ------------------------------------------------------------------------------

    def entity(self, entity_type: str, entity_id: str):
        with self.engine.connect() as conn:
            return conn.execute(select(entities).where(entities.c.entity_type == entity_type,
                                                       entities.c.entity_id == entity_id)).first()

    def history(self, entity_type: str, entity_id: str) -> list:
        with self.engine.connect() as conn:
            return conn.execute(select(entity_history).where(
                entity_history.c.entity_type == entity_type, entity_history.c.entity_id == entity_id)
                .order_by(entity_history.c.id)).all()

    def scope_entities(self, scope: str) -> dict:
        """{(type, id): (version, state)} of everything a station should hold."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(entities.c.entity_type, entities.c.entity_id, entities.c.version,
                                       entities.c.state).where(entities.c.scope == scope)).all()
        return {(r.entity_type, r.entity_id): (r.version, r.state) for r in rows}

    def rejected_changes(self, device_id: str | None = None) -> list:
        q = select(changes_received).where(changes_received.c.status == "rejected")
        if device_id:
            q = q.where(changes_received.c.device_id == device_id)
        with self.engine.connect() as conn:
            return conn.execute(q.order_by(changes_received.c.received_at)).all()
