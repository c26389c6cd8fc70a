"""统一社会信用代码 (GB 32100-2015): charset and checksum (docs/domain-rules.md).

The category table of positions 1-2 is deliberately not hard-coded: new codes appear.
"""
from __future__ import annotations

from .errors import FieldError, ValidationError

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def check_char(first17: str) -> str:
    total = sum(CHARSET.index(c) * w for c, w in zip(first17, _WEIGHTS))
    return CHARSET[(31 - total % 31) % 31]


def org_code_check(first8: str) -> str:
    """GB 11714 check character for the 主体标识码 (positions 9-17)."""
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(first8, _ORG_WEIGHTS))
    c9 = 11 - total % 11
    return {10: "X", 11: "0"}.get(c9, str(c9))


def validate_uscc(value: str, *, field: str = "credit_code", label: str = "统一社会信用代码") -> str:
    def fail(msg: str, code: str = "invalid") -> ValidationError:
        return ValidationError(FieldError(field, label, msg, code))

    code = (value or "").strip().replace(" ", "").upper()
    if not code:
        raise fail("不能为空，请填写营业执照上的18位代码。", "required")
    if len(code) != 18:
        raise fail(f"应为18位，现在是{len(code)}位，请对照营业执照核对。", "length")
    bad = sorted({c for c in code if c not in CHARSET})
    if bad:
        raise fail(f"含有不允许的字符“{''.join(bad)}”（不使用I、O、Z、S、V），请核对。", "charset")
    if not code[2:8].isdigit():
        raise fail("第3-8位应为行政区划代码（数字），请核对。", "region")
    if code[17] != check_char(code[:17]):
        raise fail("校验码不正确（最后一位），可能录错了一位，请对照营业执照重新输入。", "checksum")
    return code
