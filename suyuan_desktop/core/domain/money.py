"""Amounts: Decimal with two places, ROUND_HALF_UP, and 人民币大写 (docs/domain-rules.md, PBoC rules)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import FieldError, ValidationError

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999999.99")  # below 1万亿
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = ("", "万", "亿")


def parse_amount(value, *, field: str = "amount", label: str = "金额", allow_zero: bool = True) -> Decimal:
    """Parse figures (``12,345.6`` or ``¥12345.60``) into a non-negative Decimal with 2 places."""
    def fail(msg: str, code: str = "invalid") -> ValidationError:
        return ValidationError(FieldError(field, label, msg, code))

    if isinstance(value, float):
        # Floats cannot hold money exactly (2.675 is 2.67499...): refuse rather than guess.
        raise fail("金额须以文字或Decimal形式传入，不能使用浮点数。", "type")
    if isinstance(value, Decimal):
        amount = value
    else:
        text = str(value if value is not None else "").strip()
        text = text.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
        text = text.replace("元", "").strip()
        if not text:
            raise fail("不能为空，请填写数字金额，如 12005 或 12005.50。", "required")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise fail(f"“{value}”不是有效金额，请只填写数字和小数点，如 12005.50。", "format") from None
    if not amount.is_finite():
        raise fail("不是有效金额。", "format")
    amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    if amount < 0:
        raise fail("不能为负数，请填写0或正数。", "negative")
    if amount == 0 and not allow_zero:
        raise fail("不能为0。", "zero")
    if amount > MAX_AMOUNT:
        raise fail("超过上限（不足1万亿元），请核对。", "too_large")
    return amount


def _group_words(n: int) -> str:
    """Words for 0 < n < 10000, zero runs collapsed into one 零 before the next digit."""
    out: list[str] = []
    pending_zero = False
    for pos in range(3, -1, -1):
        d = n // 10**pos % 10
        if d == 0:
            if out:
                pending_zero = True
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[d] + _SMALL_UNITS[pos])
    return "".join(out)


def amount_in_words(value) -> str:
    """人民币大写 without the 人民币 prefix, e.g. 12005 -> 壹万贰仟零伍元整."""
    amount = parse_amount(value)
    cents = int(amount * 100)
    integer, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    words = ""
    if integer:
        groups = []
        n = integer
        while n:
            groups.append(n % 10000)
            n //= 10000
        need_zero = False
        for idx in range(len(groups) - 1, -1, -1):
            g = groups[idx]
            if g == 0:
                if words:
                    need_zero = True
                continue
            if words and (need_zero or g < 1000):
                words += "零"
            need_zero = False
            words += _group_words(g) + _GROUP_UNITS[idx]
        words += "元"
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif fen and integer:
        words += "零"
    if fen:
        words += _DIGITS[fen] + "分"
    if not words:
        return "零元整"
    if not fen:
        words += "整"
    return words


def amount_spellings(value) -> frozenset[str]:
    """Every spelling of an amount that the PBoC rules permit (docs/domain-rules.md, 人民币大写):

    - 整 (or 正) after 元 is required; after 角 it may be written or left out; after 分 never;
    - when the 元 digit is 0 and the 角 digit is not, one 零 may follow 元 or be left out;
    - when the 万 digit is 0 and the 仟 digit is not, one 零 may stand before the 仟 or be left out
      (also after a run of zeros through the 万 digit: 壹亿零柒仟元 / 壹亿柒仟元);
    - a run of zeros elsewhere is written as exactly one 零, and a 零 before 分 with no 角 is required.

    ``amount_in_words`` writes the first of them, which is what documents print.
    """
    amount = parse_amount(value)
    cents = int(amount * 100)
    integer, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    canonical = amount_in_words(amount)
    if not integer and not cents:
        return frozenset({"零元整", "零元正"})
    body = canonical.removesuffix("整")
    heads = {body}
    if integer >= 10**5 and integer // 10**4 % 10 == 0 and integer % 10**4 >= 1000:
        low = _group_words(integer % 10**4)
        cut = body.index(low + "元") if low + "元" in body else -1
        if cut >= 0:
            prefix = body[:cut].removesuffix("零")
            heads = {prefix + low + body[cut + len(low):], prefix + "零" + low + body[cut + len(low):]}
    if integer and integer % 10 == 0 and jiao:
        heads = {h.replace("元零", "元", 1) for h in heads} | {h.replace("元", "元零", 1).replace("元零零", "元零", 1) for h in heads}
    if fen:
        tails = ("",)
    elif jiao:
        tails = ("", "整", "正")
    else:
        tails = ("整", "正")
    return frozenset(h + t for h in heads for t in tails)


def words_match(value, words: str) -> bool:
    """Whether ``words`` is a permitted spelling of the amount ``value`` (see amount_spellings)."""
    return isinstance(words, str) and words.strip().removeprefix("人民币") in amount_spellings(value)


def format_amount(value) -> str:
    """Figures with thousands separators and two places: 12,005.00."""
    return f"{parse_amount(value):,.2f}"


def amount_both_ways(value) -> str:
    """Figures and uppercase, as agreements print them."""
    return f"人民币{format_amount(value)}元（大写：人民币{amount_in_words(value)}）"
