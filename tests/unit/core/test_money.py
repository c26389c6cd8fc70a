from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from suyuan_desktop.core.domain.errors import ValidationError
from suyuan_desktop.core.domain.money import (
    amount_both_ways, amount_in_words, amount_spellings, format_amount, parse_amount, words_match,
)

# Reference outputs of the PBoC rules (docs/domain-rules.md).
REFERENCE = {
    "12005": "壹万贰仟零伍元整", "1000000": "壹佰万元整", "100000000": "壹亿元整", "10000.01": "壹万元零壹分",
    "0.50": "伍角整", "0": "零元整", "1409.50": "壹仟肆佰零玖元伍角整", "6007.14": "陆仟零柒元壹角肆分",
    "1680.32": "壹仟陆佰捌拾元叁角贰分", "107000.53": "壹拾万柒仟元伍角叁分", "325.04": "叁佰贰拾伍元零肆分",
    "16409.02": "壹万陆仟肆佰零玖元零贰分", "16": "壹拾陆元整", "100010": "壹拾万零壹拾元整",
    "0.05": "伍分", "100000001": "壹亿零壹元整", "2.675": "贰元陆角捌分",
}


@pytest.mark.parametrize("amount,words", REFERENCE.items())
def test_reference_amounts(amount, words):
    assert amount_in_words(amount) == words


DIGITS = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
UNITS = {"拾": 10, "佰": 100, "仟": 1000}


def words_to_fen(words: str) -> int:
    """An independent reader of 大写 amounts, used to check the writer."""
    words = words.removesuffix("整").removesuffix("正")
    integer_part, _, rest = words.partition("元")
    if "元" not in words:
        integer_part, rest = "", words

    def section(text: str) -> int:
        total, digit = 0, 0
        for ch in text:
            if ch in DIGITS:
                digit = DIGITS[ch]
            elif ch in UNITS:
                total += digit * UNITS[ch]
                digit = 0
        return total + digit

    value = 0
    for unit, mult in (("亿", 10**8), ("万", 10**4)):
        if unit in integer_part:
            head, integer_part = integer_part.split(unit, 1)
            value += section(head) * mult
    value += section(integer_part)
    fen = value * 100
    i = 0
    while i < len(rest):
        if rest[i] == "零":
            i += 1
            continue
        fen += DIGITS[rest[i]] * (10 if rest[i + 1] == "角" else 1)
        i += 2
    return fen


@given(st.integers(min_value=0, max_value=999_999_999_999_99))
def test_words_read_back_to_the_same_amount(fen):
    amount = Decimal(fen) / 100
    words = amount_in_words(amount)
    assert words_to_fen(words) == fen
    assert not set(words) & set("一二三四五六七八九十两廿毛另0123456789")
    assert not words.endswith("分整")
    assert words.endswith("整") == (fen % 10 == 0)
    assert "零零" not in words and not words.startswith("零") or words == "零元整"


def test_half_up_rounding_and_no_floats():
    assert parse_amount("2.675") == Decimal("2.68")
    assert parse_amount("2.665") == Decimal("2.67")
    with pytest.raises(ValidationError):
        parse_amount(2.675)


@pytest.mark.parametrize("raw,code", [("-1", "negative"), ("abc", "format"), ("", "required"),
                                      ("1000000000000", "too_large")])
def test_bad_amounts(raw, code):
    with pytest.raises(ValidationError) as exc:
        parse_amount(raw, label="赔偿金额")
    assert exc.value.errors[0].code == code and exc.value.errors[0].label == "赔偿金额"


def test_figures_and_words_together():
    assert format_amount("12345.678") == "12,345.68"
    assert parse_amount("¥12,005.00元") == Decimal("12005.00")
    assert amount_both_ways("12345.67") == "人民币12,345.67元（大写：人民币壹万贰仟叁佰肆拾伍元陆角柒分）"


# The PBoC's own examples (《正确填写票据和结算凭证的基本规定》) and the rules' consequences, written out.
PERMITTED = {
    "1680.32": {"壹仟陆佰捌拾元零叁角贰分", "壹仟陆佰捌拾元叁角贰分"},
    "107000.53": {"壹拾万柒仟元零伍角叁分", "壹拾万零柒仟元伍角叁分", "壹拾万柒仟元伍角叁分", "壹拾万零柒仟元零伍角叁分"},
    "1409.50": {"壹仟肆佰零玖元伍角", "壹仟肆佰零玖元伍角整", "壹仟肆佰零玖元伍角正"},
    "12005": {"壹万贰仟零伍元整", "壹万贰仟零伍元正"},
    "325.04": {"叁佰贰拾伍元零肆分"},
    "100007000": {"壹亿零柒仟元整", "壹亿柒仟元整", "壹亿零柒仟元正", "壹亿柒仟元正"},
    "0": {"零元整", "零元正"},
}
REFUSED = {
    "12005": ["壹万贰仟零伍元", "壹万贰仟伍元整", "壹万贰仟零零伍元整", "壹万贰仟零伍元零整"],
    "325.04": ["叁佰贰拾伍元肆分", "叁佰贰拾伍元零肆分整"],
    "1409.50": ["壹仟肆佰玖元伍角", "壹仟肆佰零玖元零伍角"],      # the 元 digit is 9, not 0
    "100010": ["壹拾万壹拾元整"],                                  # the 仟 digit is 0: the 零 is required
    "16": ["拾陆元整"],
}


@pytest.mark.parametrize("amount,spellings", PERMITTED.items())
def test_every_permitted_spelling_and_no_other(amount, spellings):
    assert amount_spellings(amount) == spellings
    assert all(words_match(amount, w) for w in spellings)


@pytest.mark.parametrize("amount,wrong", REFUSED.items())
def test_spellings_the_rules_do_not_permit_are_refused(amount, wrong):
    for w in wrong:
        assert not words_match(amount, w), w


@given(st.integers(min_value=0, max_value=999_999_999_999_99), st.integers(min_value=1, max_value=10**6))
def test_each_permitted_spelling_reads_back_to_its_amount_and_to_no_other(fen, delta):
    amount = Decimal(fen) / 100
    spellings = amount_spellings(amount)
    assert amount_in_words(amount) in spellings
    for words in spellings:
        assert words_to_fen(words) == fen, words
        assert "零零" not in words and not words.endswith("分整") and not words.endswith("分正")
    other = (fen + delta) % (999_999_999_999_99 + 1)
    if other != fen:
        assert not spellings & amount_spellings(Decimal(other) / 100)
