"""居民身份证号码 (GB 11643-1999): checksum, birth date, derived gender and age.

The check character is ISO 7064 MOD 11-2 over the first 17 digits (docs/domain-rules.md).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .errors import FieldError, ValidationError

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
# Province-level prefixes (81/82/83: Hong Kong, Macao and Taiwan residence permits).
_PROVINCES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
     50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
)


@dataclass(frozen=True)
class IdCardInfo:
    number: str
    gender: str  # "男" / "女"
    birth_date: dt.date
    region_code: str

    def age_on(self, day: dt.date) -> int:
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


def check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS))
    return _CHECK[total % 11]


def upgrade_15(number: str) -> str:
    """A legacy 15-digit number upgraded to 18 digits (insert "19", append the check char)."""
    first17 = number[:6] + "19" + number[6:]
    return first17 + check_char(first17)


def parse_id_number(
    value: str, *, today: dt.date, field: str = "id_number", label: str = "身份证号码"
) -> IdCardInfo:
    """Validate an ID number and derive what the forms need. Raises ValidationError in Chinese.

    ``today`` is the station's date (a birth date after it is refused). A first-generation 15-digit
    number is refused: those cards stopped being valid on 2013-01-01 (docs/domain-rules.md); the
    message gives the 18-digit number it converts to, for the person to check against the card.
    """

    def fail(msg: str, code: str = "invalid") -> ValidationError:
        return ValidationError(FieldError(field, label, msg, code))

    raw = (value or "").strip().replace(" ", "")
    if not raw:
        raise fail("不能为空，请填写18位身份证号码。", "required")
    number = raw.upper()
    if len(number) == 15 and number.isdigit():
        hint = ""
        try:
            hint = f"按15位号码换算应为 {upgrade_15(number)}，"
            dt.date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
        except ValueError:
            hint = ""
        raise fail("这是第一代15位身份证号码，已于2013年1月1日停止使用。请填写第二代18位身份证号码"
                   f"（{hint}请与当事人现行证件核对）。", "first_generation")
    if len(number) != 18:
        raise fail(f"应为18位，现在是{len(raw)}位，请核对后重新输入。", "length")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise fail("前17位必须是数字，最后一位是数字或字母X。", "charset")
    if int(number[:2]) not in _PROVINCES:
        raise fail(f"开头两位“{number[:2]}”不是有效的省级行政区代码，请核对。", "region")
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise fail(f"第7-14位“{number[6:14]}”不是真实的出生日期，请核对。", "birth_date") from None
    if birth.year < 1900 or birth > today:
        raise fail(f"出生日期{birth.year}年{birth.month}月{birth.day}日不合理，请核对。", "birth_date")
    expected = check_char(number[:17])
    if number[17] != expected:
        raise fail("校验码不正确（最后一位），号码可能录错了一位，请对照证件重新输入。", "checksum")
    gender = "男" if int(number[16]) % 2 == 1 else "女"
    return IdCardInfo(number=number, gender=gender, birth_date=birth, region_code=number[:6])


def normalize_id_number(value: str, *, today: dt.date) -> str:
    return parse_id_number(value, today=today).number


def mask_id_number(number: str) -> str:
    """410703********1074: the region code and the last four characters, the birth date hidden
    (docs/domain-rules.md, "Personal data")."""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
