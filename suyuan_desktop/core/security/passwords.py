"""Password hashing with Argon2id (argon2-cffi) and the lockout policy."""
from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..domain.errors import FieldError, ValidationError

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8

_hasher = PasswordHasher()


def check_password_strength(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError(FieldError("password", "密码", f"至少需要{MIN_PASSWORD_LENGTH}位，请设置更长的密码。", "too_short"))
    if password.isdigit() and len(set(password)) <= 2:
        raise ValidationError(FieldError("password", "密码", "过于简单（重复数字），请换一个。", "weak"))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)
