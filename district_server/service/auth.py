"""Stations, one-time tickets, device enrolment, tokens and revocation."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import uuid

from sqlalchemy import insert, select, update

from suyuan_desktop.core.sync import protocol as P

from .. import db
from ..db import devices, enroll_tickets, stations, utcnow
from .common import ApiError, Device, _b64, _hash, log


class AuthOps:
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
