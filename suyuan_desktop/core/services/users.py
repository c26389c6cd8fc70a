"""Accounts: station admins and mediators, Argon2 hashes, lockout after repeated failures."""
from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from ..domain.enums import Role
from ..domain.errors import Conflict, FieldError, NotFound, PermissionDenied, SuyuanError, ValidationError
from ..domain.phone import normalize_phone
from ..security import passwords
from ..store.models import Mediator, User
from ..store.tracking import Actor
from . import views as v

_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{3,32}$")


class LoginFailed(SuyuanError):
    code = "login_failed"


class AccountLocked(SuyuanError):
    code = "account_locked"


def actor_for(user: v.UserView) -> Actor:
    return Actor(user.id, user.username, user.role)


def system_actor(name: str) -> Actor:
    """Who a command-line run or the smoke test acts as: no user account, recorded by name."""
    return Actor(None, name, "system")


class UserService:
    def __init__(self, ctx):
        self.ctx = ctx  # a StationContext: the store, the clock, the station's code

    @staticmethod
    def _require_admin(actor: Actor) -> None:
        if actor.role not in (Role.ADMIN.value, "system"):
            raise PermissionDenied("只有站点管理员可以管理账号和设置。")

    def add_user(self, actor: Actor, *, username: str, display_name: str, role: str, password: str,
                 phone: str | None = None, as_mediator: bool = True) -> v.UserView:
        self._require_admin(actor)
        errors = []
        if not _USERNAME.match(username or ""):
            errors.append(FieldError("username", "登录名", "须为3-32位英文字母、数字、下划线、点或横线。", "format"))
        if not (display_name or "").strip():
            errors.append(FieldError("display_name", "姓名", "不能为空。", "required"))
        try:
            role_v = Role.parse(role)
        except ValueError:
            errors.append(FieldError("role", "角色", f"可选：{Role.choices()}。", "choice"))
            role_v = None
        try:
            passwords.check_password_strength(password)
        except ValidationError as exc:
            errors.extend(exc.errors)
        if phone:
            try:
                phone = normalize_phone(phone)
            except ValidationError as exc:
                errors.extend(exc.errors)
        if errors:
            raise ValidationError(errors)
        with self.ctx.store.write(actor) as s:
            if s.execute(select(User).where(User.username == username)).scalar_one_or_none():
                raise Conflict(f"登录名“{username}”已被使用，请换一个。")
            mediator_id = None
            if as_mediator:
                m = Mediator(station_code=self.ctx.station_code, name=display_name.strip(), phone=phone,
                             title="站点管理员" if role_v is Role.ADMIN else "调解员")
                s.add(m)
                s.flush()
                mediator_id = m.id
            user = User(username=username, display_name=display_name.strip(), role=role_v.value,
                        password_hash=passwords.hash_password(password), mediator_id=mediator_id)
            s.add(user)
            s.flush()
            return v.view(v.UserView, user)

    def list_users(self) -> list[v.UserView]:
        with self.ctx.store.read() as s:
            return [v.view(v.UserView, u) for u in s.execute(select(User).order_by(User.created_at)).scalars()]

    def authenticate(self, username: str, password: str, *, now: dt.datetime | None = None) -> v.UserView:
        now = now or self.ctx.clock.utcnow()
        with self.ctx.store.write() as s:
            user = s.execute(select(User).where(User.username == username)).scalar_one_or_none()
            if user is None or not user.active:
                # same message and similar cost whether or not the name exists
                passwords.verify_password(passwords.hash_password("x" * 8), password or "")
                raise LoginFailed("登录名或密码不正确。")
            if user.locked_until and user.locked_until > now:
                minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
                raise AccountLocked(f"连续输错密码次数过多，账号已锁定，请约{minutes}分钟后再试，或请管理员重置密码。")
            if not passwords.verify_password(user.password_hash, password or ""):
                user.failed_attempts += 1
                left = passwords.MAX_FAILED_ATTEMPTS - user.failed_attempts
                if left <= 0:
                    user.locked_until = now + passwords.LOCKOUT
                    user.failed_attempts = 0
                    msg = f"密码错误次数过多，账号已锁定{int(passwords.LOCKOUT.total_seconds() // 60)}分钟。"
                else:
                    msg = f"登录名或密码不正确，还可尝试{left}次。"
                failure = LoginFailed(msg)
            else:
                failure = None
                user.failed_attempts = 0
                user.locked_until = None
                if passwords.needs_rehash(user.password_hash):
                    user.password_hash = passwords.hash_password(password)
                result = v.view(v.UserView, user)
        if failure:
            raise failure  # raised after the commit so the failed attempt is counted
        return result

    def set_password(self, actor: Actor, username: str, new_password: str) -> None:
        if actor.username != username:
            self._require_admin(actor)
        passwords.check_password_strength(new_password)
        with self.ctx.store.write(actor) as s:
            user = s.execute(select(User).where(User.username == username)).scalar_one_or_none()
            if user is None:
                raise NotFound(f"没有登录名为“{username}”的账号。")
            user.password_hash = passwords.hash_password(new_password)
            user.failed_attempts = 0
            user.locked_until = None

    def set_active(self, actor: Actor, username: str, active: bool) -> None:
        self._require_admin(actor)
        with self.ctx.store.write(actor) as s:
            user = s.execute(select(User).where(User.username == username)).scalar_one_or_none()
            if user is None:
                raise NotFound(f"没有登录名为“{username}”的账号。")
            if not active and user.role == Role.ADMIN.value:
                admins = s.execute(select(User).where(User.role == Role.ADMIN.value, User.active.is_(True))).scalars().all()
                if len(admins) <= 1:
                    raise Conflict("这是最后一个启用的管理员账号，不能停用。")
            user.active = active

    def list_mediators(self, include_inactive: bool = False) -> list[v.MediatorView]:
        with self.ctx.store.read() as s:
            stmt = select(Mediator).where(Mediator.deleted_at.is_(None)).order_by(Mediator.created_at)
            if not include_inactive:
                stmt = stmt.where(Mediator.active.is_(True))
            return [v.view(v.MediatorView, m) for m in s.execute(stmt).scalars()]

    def add_mediator(self, actor: Actor, name: str, phone: str | None = None, title: str | None = None) -> v.MediatorView:
        self._require_admin(actor)
        if not (name or "").strip():
            raise ValidationError(FieldError("name", "调解员姓名", "不能为空。", "required"))
        phone = normalize_phone(phone, label="调解员电话") if phone else None
        with self.ctx.store.write(actor) as s:
            m = Mediator(station_code=self.ctx.station_code, name=name.strip(), phone=phone, title=title)
            s.add(m)
            s.flush()
            return v.view(v.MediatorView, m)
