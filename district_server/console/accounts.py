"""Console accounts: people with roles, Argon2 passwords, lockout, sessions with an idle timeout,
a CSRF token per session, and the log of every view of personal data (docs/console.md)."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update

from suyuan_desktop.core.security.passwords import check_password_strength, hash_password, verify_password

from .. import db
from ..db import console_audit, console_sessions, console_users, utcnow

ROLES = {"admin": "区中心管理员", "stats": "统计查看", "officer": "案件专员"}
MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
IDLE = dt.timedelta(minutes=30)


class ConsoleError(Exception):
    def __init__(self, message: str, code: str = "error"):
        super().__init__(message)
        self.message, self.code = message, code


@dataclass(frozen=True)
class Session:
    username: str
    display_name: str
    role: str
    csrf: str

    def may(self, *roles: str) -> bool:
        return self.role == "admin" or self.role in roles


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Accounts:
    def __init__(self, engine):
        self.engine = engine

    # --- people (suyuan-server user ...) ---------------------------------------------------------

    def add_user(self, username: str, display_name: str, role: str, password: str) -> None:
        if role not in ROLES:
            raise ConsoleError(f"没有角色“{role}”，可选：{'、'.join(f'{k}（{v}）' for k, v in ROLES.items())}。", "role")
        if not username or len(username) > 64:
            raise ConsoleError("用户名不能为空，最多64个字符。", "username")
        self._strong(password)

        def fn(conn):
            if conn.execute(select(console_users.c.username).where(console_users.c.username == username)).first():
                raise ConsoleError(f"用户“{username}”已存在。", "exists")
            conn.execute(insert(console_users).values(username=username, display_name=display_name or username, role=role,
                                                      password_hash=hash_password(password), failed_logins=0,
                                                      created_at=utcnow()))
        db.run_tx(self.engine, fn)

    def set_password(self, username: str, password: str) -> None:
        self._strong(password)
        self._update(username, password_hash=hash_password(password), failed_logins=0, locked_until=None)
        self._end_sessions(username)

    def disable(self, username: str) -> None:
        self._update(username, disabled_at=utcnow())
        self._end_sessions(username)

    def _strong(self, password: str) -> None:
        try:
            check_password_strength(password)
        except Exception as exc:  # noqa: BLE001 - the station's rule raises its own error type
            raise ConsoleError(getattr(exc, "message", str(exc)), "weak") from None

    def _update(self, username: str, **values) -> None:
        def fn(conn):
            if not conn.execute(update(console_users).where(console_users.c.username == username).values(**values)).rowcount:
                raise ConsoleError(f"没有用户“{username}”。", "unknown")
        db.run_tx(self.engine, fn)

    def _end_sessions(self, username: str) -> None:
        db.run_tx(self.engine, lambda conn: conn.execute(delete(console_sessions).where(
            console_sessions.c.username == username)))

    # --- logging in ------------------------------------------------------------------------------

    def login(self, username: str, password: str) -> str:
        """A new session's token, or ConsoleError. Five wrong passwords lock the account 15 minutes."""
        def fn(conn):
            row = conn.execute(select(console_users).where(console_users.c.username == username)).first()
            now = utcnow()
            if row is None or row.disabled_at is not None:
                verify_password(hash_password("x" * 12), password)   # as slow as a real check
                return None, "用户名或密码不正确。"
            if row.locked_until and row.locked_until > now:
                return None, f"连续输错密码次数过多，账号已锁定，请{int((row.locked_until - now).total_seconds() // 60) + 1}分钟后再试。"
            if not verify_password(row.password_hash, password):
                failures = row.failed_logins + 1
                values = {"failed_logins": failures}
                if failures >= MAX_FAILURES:
                    values.update(failed_logins=0, locked_until=now + LOCKOUT)
                conn.execute(update(console_users).where(console_users.c.username == username).values(**values))
                return None, "用户名或密码不正确。" if failures < MAX_FAILURES else "连续输错密码次数过多，账号已锁定15分钟。"
            token = secrets.token_urlsafe(32)
            conn.execute(update(console_users).where(console_users.c.username == username)
                         .values(failed_logins=0, locked_until=None))
            conn.execute(insert(console_sessions).values(token_hash=_hash(token), username=username,
                                                         csrf=secrets.token_urlsafe(24), created_at=now,
                                                         last_seen_at=now))
            return token, None
        token, problem = db.run_tx(self.engine, fn)
        if problem:
            raise ConsoleError(problem, "login")
        self.audit(username, "login", {})
        return token

    def session(self, token: str | None) -> Session | None:
        """The live session of a cookie (its idle time restarts), or None."""
        if not token:
            return None

        def fn(conn):
            row = conn.execute(select(console_sessions, console_users.c.display_name, console_users.c.role,
                                      console_users.c.disabled_at)
                               .join(console_users, console_users.c.username == console_sessions.c.username)
                               .where(console_sessions.c.token_hash == _hash(token))).first()
            now = utcnow()
            if row is None or row.disabled_at is not None or row.last_seen_at + IDLE < now:
                if row is not None:
                    conn.execute(delete(console_sessions).where(console_sessions.c.token_hash == row.token_hash))
                return None
            conn.execute(update(console_sessions).where(console_sessions.c.token_hash == row.token_hash)
                         .values(last_seen_at=now))
            return Session(row.username, row.display_name, row.role, row.csrf)
        return db.run_tx(self.engine, fn)

    def logout(self, token: str) -> None:
        db.run_tx(self.engine, lambda conn: conn.execute(delete(console_sessions).where(
            console_sessions.c.token_hash == _hash(token))))

    @staticmethod
    def csrf_ok(session: Session, sent: str | None) -> bool:
        return bool(sent) and hmac.compare_digest(session.csrf, sent)

    # --- the log of personal-data views ----------------------------------------------------------

    def audit(self, username: str, action: str, detail: dict) -> None:
        db.run_tx(self.engine, lambda conn: conn.execute(insert(console_audit).values(
            at=utcnow(), username=username, action=action, detail=detail)))

    def audit_log(self, limit: int = 200) -> list:
        with self.engine.connect() as conn:
            return conn.execute(select(console_audit).order_by(console_audit.c.id.desc()).limit(limit)).all()
