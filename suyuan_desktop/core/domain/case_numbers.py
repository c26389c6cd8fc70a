"""Official case numbers: （2026）卫滨人调字第0001号.

Unique across stations without coordination because the station's short name (unique in the
district) is part of the number, and the sequence is per station and per year, allocated in the
same transaction as the case and never handed out twice (withdrawn cases keep theirs).
"""
from __future__ import annotations

import re
import string

from .errors import FieldError, ValidationError

DEFAULT_TEMPLATE = "（{year}）{short}人调字第{seq:04d}号"
_ALLOWED = {"year", "short", "seq", "code"}


def validate_template(template: str) -> str:
    fields = set()
    try:
        for _, name, _spec, _ in string.Formatter().parse(template):
            if name is not None:
                fields.add(name)
    except ValueError:
        raise ValidationError(FieldError("case_number_template", "案号模板",
                                         "花括号不成对，请检查模板。", "format")) from None
    unknown = fields - _ALLOWED
    if unknown:
        raise ValidationError(FieldError(
            "case_number_template", "案号模板",
            f"不认识的占位符{{{','.join(sorted(unknown))}}}，只能使用 {{year}}、{{short}}、{{code}}、{{seq}}。",
            "placeholder"))
    if "seq" not in fields or "year" not in fields:
        raise ValidationError(FieldError("case_number_template", "案号模板",
                                         "必须包含年份 {year} 和序号 {seq}（如 {seq:04d}），否则案号会重复。",
                                         "missing"))
    format_case_number(template, year=2026, short="测试", code="X", seq=1)
    return template


def format_case_number(template: str, *, year: int, short: str, code: str, seq: int) -> str:
    return template.format(year=year, short=short, code=code, seq=seq)


def case_number_pattern(template: str) -> re.Pattern:
    """A regex that recognises numbers made by ``template`` (used on import)."""
    out = []
    for literal, name, _spec, _ in string.Formatter().parse(template):
        out.append(re.escape(literal))
        if name == "year":
            out.append(r"(?P<year>\d{4})")
        elif name == "seq":
            out.append(r"(?P<seq>\d+)")
        elif name:
            out.append(r".+?")
    return re.compile("^" + "".join(out) + "$")
