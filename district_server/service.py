"""The district's sync service: everything the HTTP layer and the admin CLI do, without HTTP.

Exactly once (docs/protocol.md): each push runs in one transaction that locks the device row, applies
the changes in ``device_seq`` order (one savepoint each, so a poison change is rejected without
taking the others down), logs each in ``changes_received`` with its result, advances
``last_applied_seq`` and, as its last statement, takes feed sequence numbers from the counter row.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import secrets
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Text, and_, bindparam, cast, func, insert, or_, select, tuple_, update

from suyuan_desktop.core.domain import clock
from suyuan_desktop.core.domain.canonical import canonical_json, sha256_hex
from suyuan_desktop.core.domain.enums import CaseStatus, DisputeType
from suyuan_desktop.core.domain.errors import ValidationError
from suyuan_desktop.core.domain.idcard import parse_id_number
from suyuan_desktop.core.domain.state_machine import can_transition
from suyuan_desktop.core.sync import protocol as P

from . import db
from .db import (
    blobs, changes_received, conflicts, devices, enroll_tickets, entities, entity_blobs,
    entity_history, feed, reference_data, server_meta, stations, sync_counter, uploads, utcnow,
)

log = logging.getLogger(__name__)
MIN_CLIENT_VERSION = "0.1.0"
DISTRICT_SCOPE_ACTOR = "district"
REFERENCE_DATASETS = {"dispute_catalogue": "纠纷类型目录", "mediator_roster": "调解员名册",
                      "holiday_calendar": "节假日日历"}


class ApiError(Exception):
    """An error with an HTTP status, a machine code and a Chinese message for the mediator."""

    def __init__(self, status: int, code: str, message: str, detail: dict | None = None,
                 headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.detail, self.headers = detail, headers or {}


class Reject(Exception):
    """A change the server will not apply: recorded with this reason, the queue moves on."""


@dataclass
class Device:
    id: str
    station_code: str
    replica_epoch: int
    last_applied_seq: int


@dataclass
class _Work:
    """What one transaction will publish to the feed (written last, after the counter)."""

    feed_rows: dict = field(default_factory=dict)  # (scope, type, id) -> op

    def publish(self, scope: str, entity_type: str, entity_id: str, op: str) -> None:
        self.feed_rows[(scope, entity_type, entity_id)] = op


_FAULT_COUNTS: dict[str, int] = {}


def _fault(name: str) -> None:
    """SUYUAN_SERVER_FAULT=<name>:<n> kills the server process the n-th time it passes <name>
    (the kill tests; never set in production)."""
    want = os.environ.get("SUYUAN_SERVER_FAULT")
    if not want or not want.startswith(name + ":"):
        return
    _FAULT_COUNTS[name] = _FAULT_COUNTS.get(name, 0) + 1
    if str(_FAULT_COUNTS[name]) == want.split(":", 1)[1]:
        import signal
        os.kill(os.getpid(), signal.SIGKILL)


class _PushTx:
    """The working set of one push transaction: entities read once (FOR UPDATE, in key order),
    merged in memory change by change, written back in bulk at the end. A rejected change leaves
    no trace in it (every check runs before anything is staged), so no savepoints are needed."""

    def __init__(self, svc: "DistrictService", conn, device: Device):
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
                    raise Reject("不能为其他调委会登记调解员")
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


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


class DistrictService:
    def __init__(self, database_url: str, blob_dir: Path | str, *, district_name: str = "区矛盾纠纷调处中心"):
        self.engine = db.make_engine(database_url)
        self.dialect = self.engine.dialect.name
        self.blob_dir = Path(blob_dir)
        self.district_name = district_name
        (self.blob_dir / "uploads").mkdir(parents=True, exist_ok=True)
        self._meta: dict[str, str] = {}

    # --- setup ---------------------------------------------------------------------------------

    def create_schema(self) -> None:
        from .migrate import upgrade
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

    # --- stations, tickets, devices ------------------------------------------------------------

    def add_station(self, code: str, name: str) -> None:
        code = code.strip()
        if not code or len(code) > 32 or not all(c.isalnum() or c in "-_" for c in code):
            raise ApiError(400, "invalid_station", "调委会代码须为1-32位字母、数字、横线或下划线。")

        def fn(conn):
            if conn.execute(select(stations.c.code).where(stations.c.code == code)).first():
                raise ApiError(409, "station_exists", f"调委会“{code}”已存在。")
            conn.execute(insert(stations).values(code=code, name=name.strip() or code, created_at=utcnow()))
        db.run_tx(self.engine, fn)

    def list_stations(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(stations).order_by(stations.c.code))]

    def issue_ticket(self, station_code: str, *, hours: int = P.ENROLL_TICKET_HOURS) -> str:
        # 20 characters from an unambiguous alphabet: typed by hand from a printout or QR code
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        ticket = "".join(secrets.choice(alphabet) for _ in range(20))

        def fn(conn):
            if not conn.execute(select(stations.c.code).where(stations.c.code == station_code)).first():
                raise ApiError(404, "unknown_station", f"没有调委会“{station_code}”，请先用 station add 登记。")
            now = utcnow()
            conn.execute(insert(enroll_tickets).values(ticket_hash=_hash(ticket), station_code=station_code,
                                                       created_at=now, expires_at=now + dt.timedelta(hours=hours)))
        db.run_tx(self.engine, fn)
        return ticket

    def enroll(self, req: P.EnrollRequest) -> P.EnrollResponse:
        refresh = secrets.token_urlsafe(32)
        device_id = str(uuid.uuid4())
        ticket_hash = _hash(req.ticket.strip().upper().replace("-", "").replace(" ", ""))

        def fn(conn):
            t = conn.execute(select(enroll_tickets).where(enroll_tickets.c.ticket_hash == ticket_hash)
                             .with_for_update()).first()
            now = utcnow()
            if t is None or t.used_at is not None or t.expires_at < now:
                raise ApiError(403, "ticket_invalid",
                               "注册码无效、已使用或已过期。请向区中心重新申请一次性注册码。")
            conn.execute(update(enroll_tickets).where(enroll_tickets.c.ticket_hash == ticket_hash)
                         .values(used_at=now, device_id=device_id))
            conn.execute(insert(devices).values(
                id=device_id, station_code=t.station_code, name=req.device_name, os=req.os,
                client_version=req.client_version, refresh_hash=_hash(refresh), replica_epoch=1,
                last_applied_seq=0, created_at=now, last_seen_at=now))
            name = conn.execute(select(stations.c.name).where(stations.c.code == t.station_code)).scalar_one()
            return t.station_code, name
        station_code, station_name = db.run_tx(self.engine, fn)
        log.info("device enrolled for station %s", station_code)
        return P.EnrollResponse(device_id=device_id, station_code=station_code, station_name=station_name,
                                server_id=self.meta("server_id"), refresh_token=refresh, replica_epoch=1)

    def token(self, req: P.TokenRequest) -> P.TokenResponse:
        """Trade the refresh secret for a 15-minute access token and rotate the secret. The
        previous secret stays good once, so a client killed before it stored the new one can
        still come back; anything older is refused."""
        new_refresh = secrets.token_urlsafe(32)
        presented = _hash(req.refresh_token)

        def fn(conn):
            d = conn.execute(select(devices).where(devices.c.id == req.device_id).with_for_update()).first()
            if d is None:
                raise ApiError(401, "unknown_device", "本机未在区中心注册或注册已被删除，请重新注册。")
            if d.revoked_at is not None:
                raise ApiError(401, "device_revoked", "本机的同步授权已被区中心撤销。本地数据完好；"
                               "可导出未同步的变更，或向区中心申请新的注册码重新注册。")
            if hmac.compare_digest(presented, d.refresh_hash):
                values = {"prev_refresh_hash": d.refresh_hash, "refresh_hash": _hash(new_refresh)}
            elif d.prev_refresh_hash and hmac.compare_digest(presented, d.prev_refresh_hash):
                values = {"refresh_hash": _hash(new_refresh), "prev_refresh_hash": None}  # good once
            else:
                raise ApiError(401, "refresh_invalid", "本机的同步凭据无效（可能已在别处使用）。请向区中心申请新的注册码重新注册。")
            conn.execute(update(devices).where(devices.c.id == d.id).values(last_seen_at=utcnow(), **values))
        db.run_tx(self.engine, fn)
        exp = int(utcnow().replace(tzinfo=dt.timezone.utc).timestamp()) + P.ACCESS_TOKEN_SECONDS
        return P.TokenResponse(access_token=self._sign(req.device_id, exp), expires_in=P.ACCESS_TOKEN_SECONDS,
                               refresh_token=new_refresh)

    def _sign(self, device_id: str, exp: int) -> str:
        body = f"{device_id}.{exp}"
        sig = hmac.new(bytes.fromhex(self.meta("token_secret")), body.encode(), hashlib.sha256).digest()
        return f"v1.{body}.{_b64(sig)}"

    def authenticate(self, token: str | None) -> Device:
        if not token or not token.startswith("v1."):
            raise ApiError(401, "token_missing", "缺少访问令牌。")
        try:
            _, device_id, exp, sig = token.split(".")
            exp_i = int(exp)
        except ValueError:
            raise ApiError(401, "token_invalid", "访问令牌格式错误。") from None
        good = self._sign(device_id, exp_i).rsplit(".", 1)[1]
        if not hmac.compare_digest(good, sig):
            raise ApiError(401, "token_invalid", "访问令牌无效。")
        if exp_i < utcnow().replace(tzinfo=dt.timezone.utc).timestamp():
            raise ApiError(401, "token_expired", "访问令牌已过期。")
        with self.engine.connect() as conn:
            d = conn.execute(select(devices).where(devices.c.id == device_id)).first()
        if d is None:
            raise ApiError(401, "unknown_device", "本机未在区中心注册。")
        if d.revoked_at is not None:
            raise ApiError(401, "device_revoked", "本机的同步授权已被区中心撤销。本地数据完好；"
                           "可导出未同步的变更，或向区中心申请新的注册码重新注册。")
        return Device(d.id, d.station_code, d.replica_epoch, d.last_applied_seq)

    def revoke_device(self, device_id: str) -> None:
        def fn(conn):
            n = conn.execute(update(devices).where(devices.c.id == device_id, devices.c.revoked_at.is_(None))
                             .values(revoked_at=utcnow())).rowcount
            if not n:
                raise ApiError(404, "unknown_device", f"没有未撤销的设备 {device_id}。")
        db.run_tx(self.engine, fn)

    def list_devices(self) -> list[dict]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(devices).order_by(devices.c.station_code, devices.c.created_at)).all()
        keep = ("id", "station_code", "name", "os", "client_version", "replica_epoch", "last_applied_seq",
                "outbox_depth", "created_at", "last_seen_at", "revoked_at")
        return [{k: getattr(r, k) for k in keep} for r in rows]

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

    # --- pull ------------------------------------------------------------------------------------

    def pull(self, device: Device, cursor: str | None, limit: int, if_none_match: str | None):
        """Returns (the JSON body of a PullResponse, or None for 304; the ETag)."""
        limit = max(1, min(limit, P.PULL_LIMIT))
        epoch = int(self.meta("db_epoch"))
        seq = 0
        if cursor:
            try:
                c = P.decode_cursor(cursor)
            except Exception:
                raise ApiError(400, "cursor_invalid", "同步游标无法识别。") from None
            if c.get("e") != epoch:
                raise ApiError(410, "db_epoch_changed", "区中心数据库已从备份恢复，需要重新下载本站数据（本机未同步的变更会先上传）。",
                               {"reason": "db_epoch_changed"})
            if c.get("s") != device.station_code:
                raise ApiError(410, "scope_changed", "本机所属调委会已变更，需要重新下载数据。", {"reason": "scope_changed"})
            if c["q"] < int(self.meta("cursor_floor")):
                raise ApiError(410, "cursor_expired", "本机太久没有同步，需要重新下载本站数据（未同步的变更会先上传）。",
                               {"reason": "cursor_expired"})
            seq = c["q"]
        with self.engine.connect() as conn:
            if if_none_match and cursor and if_none_match.strip('"') == cursor:
                newer = conn.execute(select(feed.c.seq).where(feed.c.scope == device.station_code, feed.c.seq > seq)
                                     .limit(1)).first()
                if newer is None:
                    return None, cursor
            # the stored JSON goes out as text, never parsed and re-serialized here
            rows = conn.execute(
                select(feed.c.seq, feed.c.op, feed.c.entity_type, feed.c.entity_id, entities.c.version,
                       cast(entities.c.state, Text).label("state"), entities.c.case_id,
                       cast(entities.c.flags, Text).label("flags"), entities.c.updated_at)
                .join(entities, and_(entities.c.entity_type == feed.c.entity_type,
                                     entities.c.entity_id == feed.c.entity_id))
                .where(feed.c.scope == device.station_code, feed.c.seq > seq)
                .order_by(feed.c.seq).limit(limit + 1)).all()
        has_more = len(rows) > limit
        rows = rows[:limit]
        dumps = json.dumps
        parts = []
        for r in rows:
            revoke = r.op == "revoke"
            parts.append(
                f'{{"entity_type":{dumps(r.entity_type)},"entity_id":{dumps(r.entity_id)},"version":{r.version},'
                f'"op":{dumps(r.op)},"case_id":{dumps(r.case_id)},"state":{"null" if revoke else r.state},'
                f'"flags":{r.flags or "[]"},"updated_at":"{r.updated_at.isoformat()}"}}')
        last = rows[-1].seq if rows else seq
        nxt = P.encode_cursor(epoch, device.station_code, last)
        body = f'{{"items":[{",".join(parts)}],"next_cursor":"{nxt}","has_more":{"true" if has_more else "false"}}}'
        return body, nxt

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
            version = cur.version + 1
            deleted = state.get("deleted_at") is not None
            conn.execute(update(entities).where(entities.c.entity_type == entity_type, entities.c.entity_id == entity_id)
                         .values(version=version, state=state, deleted=deleted, updated_at=utcnow(), last_device_id=None))
            self._history(conn, entity_type, entity_id, version, None, None, cur.scope, patch, state, [], actor=actor)
            work.publish(cur.scope, entity_type, entity_id, "delete" if deleted else "upsert")
            return version
        return self._district_write(fn)

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
                version = cur.version + 1
                deleted = state.get("deleted_at") is not None
                conn.execute(update(entities).where(entities.c.entity_type == c.entity_type,
                                                    entities.c.entity_id == c.entity_id)
                             .values(version=version, state=state, deleted=deleted, updated_at=utcnow()))
                self._history(conn, c.entity_type, c.entity_id, version, None, None, cur.scope, patch, state,
                              ["resolution"], actor=by)
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

    # --- blobs -----------------------------------------------------------------------------------

    def blob_path(self, sha256: str) -> Path:
        return self.blob_dir / sha256[:2] / sha256

    def has_blob(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(blobs.c.sha256).where(blobs.c.sha256 == sha256)).first() is not None

    def can_read_blob(self, device: Device, sha256: str) -> bool:
        """A device sees a blob its station's cases reference, or one it uploaded itself. Whether
        some other station holds a file is never revealed (it must upload it to prove it has it)."""
        with self.engine.connect() as conn:
            mine = conn.execute(select(uploads.c.id).where(
                uploads.c.sha256 == sha256, uploads.c.device_id == device.id,
                uploads.c.completed_at.is_not(None))).first()
            if mine is not None:
                return True
            return conn.execute(
                select(entity_blobs.c.sha256).join(entities, and_(
                    entities.c.entity_type == entity_blobs.c.entity_type,
                    entities.c.entity_id == entity_blobs.c.entity_id))
                .where(entity_blobs.c.sha256 == sha256, entities.c.scope == device.station_code).limit(1)
            ).first() is not None

    def start_upload(self, device: Device, sha256: str, size: int, mime: str) -> P.UploadState:
        if not P.SHA256_RE.match(sha256):
            raise ApiError(400, "invalid_sha256", "附件摘要格式错误（应为64位小写十六进制）。")
        if size <= 0 or size > P.MAX_BLOB:
            raise ApiError(413, "blob_too_large", f"附件超过{P.MAX_BLOB // 1024 // 1024}MB上限，请压缩或分开上传。")
        if self.has_blob(sha256) and self.can_read_blob(device, sha256):
            return P.UploadState(upload_id="", sha256=sha256, size=size, offset=size, complete=True)

        def fn(conn):
            row = conn.execute(select(uploads).where(uploads.c.sha256 == sha256, uploads.c.device_id == device.id)).first()
            if row is not None and row.size == size:
                return row.id, row.offset
            if row is not None:
                conn.execute(uploads.delete().where(uploads.c.id == row.id))
            uid = str(uuid.uuid4())
            conn.execute(insert(uploads).values(id=uid, sha256=sha256, size=size, mime=mime[:100], offset=0,
                                                device_id=device.id, created_at=utcnow()))
            return uid, 0
        uid, offset = db.run_tx(self.engine, fn)
        part = self._part(uid)
        if not part.exists():
            part.touch()
        # the file is the truth after a crash: a chunk written but not recorded is written again
        if part.stat().st_size != offset:
            with open(part, "r+b") as fh:
                fh.truncate(offset)
        return P.UploadState(upload_id=uid, sha256=sha256, size=size, offset=offset)

    def _part(self, upload_id: str) -> Path:
        return self.blob_dir / "uploads" / f"{upload_id}.part"

    def upload_state(self, device: Device, upload_id: str) -> P.UploadState:
        with self.engine.connect() as conn:
            row = conn.execute(select(uploads).where(uploads.c.id == upload_id, uploads.c.device_id == device.id)).first()
        if row is None:
            raise ApiError(404, "unknown_upload", "上传任务不存在，请重新开始上传。")
        return P.UploadState(upload_id=row.id, sha256=row.sha256, size=row.size, offset=row.offset,
                             complete=row.completed_at is not None)

    def upload_chunk(self, device: Device, upload_id: str, offset: int, chunk: bytes) -> P.UploadState:
        st = self.upload_state(device, upload_id)
        if st.complete:
            return st
        if offset != st.offset:
            raise ApiError(409, "offset_mismatch", "上传位置不一致，请从区中心记录的位置继续。", {"offset": st.offset})
        if offset + len(chunk) > st.size:
            raise ApiError(400, "too_much_data", "上传的数据超过了声明的文件大小。")
        part = self._part(upload_id)
        with open(part, "r+b") as fh:
            fh.truncate(offset)
            fh.seek(offset)
            fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        new_offset = offset + len(chunk)
        if new_offset < st.size:
            db.run_tx(self.engine, lambda conn: conn.execute(
                update(uploads).where(uploads.c.id == upload_id).values(offset=new_offset)))
            return P.UploadState(upload_id=upload_id, sha256=st.sha256, size=st.size, offset=new_offset)
        digest = hashlib.sha256()
        with open(part, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != st.sha256:
            part.unlink(missing_ok=True)
            db.run_tx(self.engine, lambda conn: conn.execute(uploads.delete().where(uploads.c.id == upload_id)))
            raise ApiError(422, "hash_mismatch", "附件上传后校验不一致（传输中损坏），已丢弃，请重新上传。",
                           {"sha256": st.sha256})
        target = self.blob_path(st.sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            part.unlink()  # stored once, whoever uploads it again
        else:
            os.replace(part, target)

        def fn(conn):
            if conn.execute(select(blobs.c.sha256).where(blobs.c.sha256 == st.sha256)).first() is None:
                mime = conn.execute(select(uploads.c.mime).where(uploads.c.id == upload_id)).scalar_one()
                conn.execute(insert(blobs).values(sha256=st.sha256, size=st.size, mime=mime, verified_at=utcnow()))
            conn.execute(update(uploads).where(uploads.c.id == upload_id).values(offset=st.size, completed_at=utcnow()))
        db.run_tx(self.engine, fn)
        return P.UploadState(upload_id=upload_id, sha256=st.sha256, size=st.size, offset=st.size, complete=True)

    # --- reference data --------------------------------------------------------------------------

    def publish_reference(self, dataset: str, data) -> str:
        if dataset not in REFERENCE_DATASETS:
            raise ApiError(400, "unknown_dataset", f"没有参考数据集“{dataset}”，可选：{'、'.join(REFERENCE_DATASETS)}。")
        _check_reference(dataset, data)

        def fn(conn):
            row = conn.execute(select(reference_data).where(reference_data.c.dataset == dataset).with_for_update()).first()
            version = (row.version if row else 0) + 1
            etag = sha256_hex(canonical_json({"v": version, "data": data}))[:32]
            values = dict(version=version, etag=etag, data=data, published_at=utcnow())
            if row:
                if row.data == data:
                    return row.etag
                conn.execute(update(reference_data).where(reference_data.c.dataset == dataset).values(**values))
            else:
                conn.execute(insert(reference_data).values(dataset=dataset, **values))
            return etag
        return db.run_tx(self.engine, fn)

    def get_reference(self, dataset: str):
        with self.engine.connect() as conn:
            row = conn.execute(select(reference_data).where(reference_data.c.dataset == dataset)).first()
        if row is None:
            raise ApiError(404, "unknown_dataset", f"区中心尚未发布“{REFERENCE_DATASETS.get(dataset, dataset)}”。")
        return row

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


def _check_reference(dataset: str, data) -> None:
    if dataset == "dispute_catalogue":
        ok = isinstance(data, list) and all(isinstance(d, dict) and {"code", "name", "reporting_type"} <= d.keys()
                                            for d in data)
        if ok:
            ok = all(d["reporting_type"] in {t.value for t in DisputeType} for d in data)
        if not ok:
            raise ApiError(400, "invalid_reference", "纠纷类型目录应为列表，每项含 code、name、reporting_type（15类代码），可含 active。")
    elif dataset == "holiday_calendar":
        ok = isinstance(data, dict) and isinstance(data.get("version"), str) and isinstance(data.get("days"), list)
        if ok:
            try:
                for d in data["days"]:
                    dt.date.fromisoformat(d["day"])
                    if not isinstance(d["is_holiday"], bool):
                        ok = False
            except (KeyError, TypeError, ValueError):
                ok = False
        if not ok:
            raise ApiError(400, "invalid_reference", "节假日日历应为 {version, days:[{day: YYYY-MM-DD, is_holiday: true/false}]}。")
    elif dataset == "mediator_roster":
        if not (isinstance(data, list) and all(isinstance(d, dict) and "name" in d and "station_code" in d for d in data)):
            raise ApiError(400, "invalid_reference", "调解员名册应为列表，每项含 name、station_code。")
