"""Mainland mobile and landline numbers (docs/domain-rules.md): validate, normalise, display."""
from __future__ import annotations

import re

from .errors import FieldError, ValidationError

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$")
_SERVICE = re.compile(r"^([48]00)-?(\d{3})-?(\d{4})$")


def normalize_phone(value: str, *, field: str = "phone", label: str = "联系电话") -> str:
    """Return the stored form: 11 mobile digits, or ``0AAA-NNNNNNNN[-EXT]`` for a landline."""
    raw = (value or "").strip()
    if not raw:
        raise ValidationError(FieldError(field, label, "不能为空，请填写手机号码或座机号码。", "required"))
    compact = re.sub(r"[\s()（）]", "", raw)
    mobile = compact.replace("-", "")
    for prefix in ("+86", "0086", "86"):
        if mobile.startswith(prefix) and len(mobile) == 11 + len(prefix):
            mobile = mobile[len(prefix):]
            break
    if _MOBILE.match(mobile):
        return mobile
    m = _LANDLINE.match(compact) or _LANDLINE.match(compact.replace("-", "", 0))
    if m:
        area, local, ext = m.groups()
        if len(area) + len(local) in (10, 11, 12):
            return f"{area}-{local}" + (f"-{ext}" if ext else "")
    m = _SERVICE.match(compact)
    if m:
        return "".join(m.groups())
    digits = re.sub(r"\D", "", compact)
    if digits.startswith("1"):
        hint = f"手机号码应为11位且以13-19开头，现在是{len(digits)}位，请核对。"
    else:
        hint = "请填写11位手机号码，或带区号的座机号码（如0373-1234567）。"
    raise ValidationError(FieldError(field, label, hint, "format"))


def display_phone(stored: str) -> str:
    if _MOBILE.match(stored):
        return f"{stored[:3]} {stored[3:7]} {stored[7:]}"
    return stored


def mask_phone(stored: str) -> str:
    """138 **** 5678, or a landline's area code and last four digits: what a screen the parties
    can see shows until someone asks for the whole number (docs/domain-rules.md, "Personal data")."""
    if _MOBILE.match(stored):
        return f"{stored[:3]} **** {stored[7:]}"
    digits = stored.replace("-", "")
    return (stored.split("-")[0] + "-****" + digits[-4:]) if "-" in stored else "*" * max(len(stored) - 4, 0) + stored[-4:]
