import datetime as dt

import pytest
from hypothesis import given, strategies as st

from suyuan_desktop.core.domain import idcard, uscc
from suyuan_desktop.core.domain.errors import ValidationError
from suyuan_desktop.core.domain.phone import display_phone, normalize_phone

TODAY = dt.date(2026, 11, 28)


def errors_of(fn, *args, **kw):
    with pytest.raises(ValidationError) as exc:
        fn(*args, **kw)
    return exc.value.errors


class TestIdCard:
    @pytest.mark.parametrize("number", ["11010519491231002X", "360426199101010071"])
    def test_published_examples_validate(self, number):
        assert idcard.parse_id_number(number, today=TODAY).number == number

    def test_lowercase_x_is_accepted_and_stored_uppercase(self):
        assert idcard.parse_id_number("11010519491231002x", today=TODAY).number == "11010519491231002X"

    def test_derives_gender_birth_date_and_age(self):
        info = idcard.parse_id_number("11010519491231002X", today=TODAY)
        assert info.gender == "女"  # 17th digit 2 is even
        assert info.birth_date == dt.date(1949, 12, 31)
        assert info.age_on(TODAY) == 76
        assert idcard.parse_id_number("360426199101010071", today=TODAY).gender == "男"

    def test_wrong_check_digit_names_the_field_and_the_fix(self):
        [err] = errors_of(idcard.parse_id_number, "11010519491231002Y".replace("Y", "1"), today=TODAY)
        assert err.path == "id_number" and err.label == "身份证号码"
        assert "校验码" in err.message and "重新输入" in err.message

    @pytest.mark.parametrize("number,code", [
        ("", "required"), ("1101051949123100", "length"), ("11010519491331002X", "birth_date"),
        ("99010519491231002X", "region"), ("1101051949123100AX", "charset"),
        ("110105203001010014", "birth_date"),  # born in 2030: in the future
    ])
    def test_invalid_numbers_are_refused_with_a_reason(self, number, code):
        [err] = errors_of(idcard.parse_id_number, number, today=TODAY)
        assert err.code == code

    @pytest.mark.parametrize(("old", "new"), [("110105491231002", "11010519491231002X"),
                                              ("410702660315123", "410702196603151233")])
    def test_first_generation_15_digit_number_is_refused_with_its_18_digit_form(self, old, new):
        [err] = errors_of(idcard.parse_id_number, old, today=TODAY)
        assert err.code == "first_generation" and err.path == "id_number"
        assert "2013年1月1日停止使用" in err.message and "18位" in err.message and new in err.message

    @given(st.dates(dt.date(1900, 1, 1), TODAY), st.integers(0, 999), st.sampled_from(["110105", "410703", "440305"]))
    def test_any_well_formed_number_validates_and_round_trips(self, birth, seq, region):
        first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
        number = first17 + idcard.check_char(first17)
        info = idcard.parse_id_number(number, today=TODAY)
        assert info.birth_date == birth and info.gender == ("男" if seq % 2 else "女")

    @given(st.integers(0, 16), st.integers(1, 9))
    def test_every_single_digit_typo_is_caught(self, pos, delta):
        number = "11010519491231002X"
        digit = (int(number[pos]) + delta) % 10
        typo = number[:pos] + str(digit) + number[pos + 1:]
        with pytest.raises(ValidationError):
            idcard.parse_id_number(typo, today=TODAY)


class TestUscc:
    def test_published_example_validates(self):
        assert uscc.validate_uscc("91110000600037341L") == "91110000600037341L"
        assert uscc.org_code_check("60003734") == "1"

    def test_lowercase_is_normalised(self):
        assert uscc.validate_uscc("91110000600037341l") == "91110000600037341L"

    def test_forbidden_letters_are_named(self):
        [err] = errors_of(uscc.validate_uscc, "91110000600037341O")
        assert err.code == "charset" and "O" in err.message and "统一社会信用代码" == err.label

    def test_checksum_error(self):
        [err] = errors_of(uscc.validate_uscc, "91110000600037341M")
        assert err.code == "checksum"

    @given(st.text(alphabet=uscc.CHARSET, min_size=2, max_size=2), st.text(alphabet="0123456789", min_size=6, max_size=6),
           st.text(alphabet=uscc.CHARSET, min_size=9, max_size=9))
    def test_generated_codes_validate_and_any_substitution_is_caught(self, head, region, body):
        first17 = head + region + body
        code = first17 + uscc.check_char(first17)
        assert uscc.validate_uscc(code) == code
        for pos in (0, 8, 16):
            other = uscc.CHARSET[(uscc.CHARSET.index(code[pos]) + 7) % 31]
            if pos in range(2, 8) and not other.isdigit():
                continue
            with pytest.raises(ValidationError):
                uscc.validate_uscc(code[:pos] + other + code[pos + 1:])


class TestPhone:
    @pytest.mark.parametrize("raw,stored", [
        ("13800138000", "13800138000"), ("138 0013 8000", "13800138000"), ("+86 138-0013-8000", "13800138000"),
        ("0086 13800138000", "13800138000"), ("19212345678", "19212345678"),
        ("0373-5551234", "0373-5551234"), ("037355512345", "0373-55512345"), ("010-12345678-801", "010-12345678-801"),
        ("400-123-4567", "4001234567"),
    ])
    def test_normalises(self, raw, stored):
        assert normalize_phone(raw) == stored

    @pytest.mark.parametrize("raw", ["1380013800", "12800138000", "abc", "138001380001"])
    def test_rejects_with_hint(self, raw):
        [err] = errors_of(normalize_phone, raw)
        assert err.label == "联系电话" and ("11位" in err.message or "区号" in err.message)

    def test_display_groups_mobile_digits(self):
        assert display_phone("13800138000") == "138 0013 8000"
