"""What a second-generation resident ID card's chip says (docs/idcard-reader.md).

Card readers of the common vendor libraries (the 神思/华视 ``termb`` family and the SDTAPI family)
hand back the card's text as 256 bytes of UTF-16LE in fixed-width fields, the same layout in
both: name 15 characters, sex 1 (a GB/T 2261.1 code), ethnicity 2 (a GB/T 3304 code), birth date
8 (YYYYMMDD), address 35, ID number 18, issuing authority 15, validity start 8 and end 8 (or 长期),
then reserved space. This module reads that block; nothing here talks to a device.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

FIELDS = (("name", 15), ("sex", 1), ("ethnicity", 2), ("birth", 8), ("address", 35), ("id_number", 18),
          ("authority", 15), ("valid_from", 8), ("valid_to", 8))
TEXT_BYTES = 256

SEXES = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}
# GB/T 3304-1991: the 56 ethnic groups, then 97 其他, 98 外国血统中国籍人士
ETHNICITIES = dict(enumerate((
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
    "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
    "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
    "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"),
    start=1)) | {97: "其他", 98: "外国血统中国籍人士"}


class ChipTextError(ValueError):
    """The block is not a card's text: the message says what is wrong, in Chinese."""


@dataclass(frozen=True)
class CardText:
    name: str
    sex: str                  # 男 / 女 (or 未知 / 未说明)
    ethnicity: str            # 汉, 回 ... as the card prints it, without 族
    birth_date: dt.date
    address: str
    id_number: str
    authority: str
    valid_from: dt.date
    valid_to: dt.date | None  # None: 长期


def _day(text: str, what: str) -> dt.date:
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise ChipTextError(f"身份证芯片中的{what}“{text}”不是有效日期。") from None


def parse_card_text(raw: bytes) -> CardText:
    """The card's text from the reader's 256-byte UTF-16LE block (longer blocks: the first 256)."""
    if len(raw) < TEXT_BYTES - 36:
        raise ChipTextError(f"读卡器返回的文字信息只有{len(raw)}字节，应为{TEXT_BYTES}字节。")
    try:
        text = raw[:TEXT_BYTES].decode("utf-16-le")
    except UnicodeDecodeError:
        raise ChipTextError("读卡器返回的文字信息无法解码（应为 UTF-16LE）。") from None
    values, at = {}, 0
    for name, width in FIELDS:
        values[name] = text[at:at + width].strip().strip("\x00").strip()
        at += width
    if not values["name"] or len(values["id_number"]) != 18:
        raise ChipTextError("读卡器返回的信息中没有姓名或18位身份证号码，请重新放置身份证后再读。")
    try:
        ethnicity = ETHNICITIES.get(int(values["ethnicity"]), values["ethnicity"])
    except ValueError:
        ethnicity = values["ethnicity"]
    valid_to = values["valid_to"]
    return CardText(
        name=values["name"], sex=SEXES.get(values["sex"], values["sex"]), ethnicity=ethnicity,
        birth_date=_day(values["birth"], "出生日期"), address=values["address"], id_number=values["id_number"].upper(),
        authority=values["authority"], valid_from=_day(values["valid_from"], "有效期起始日期"),
        valid_to=None if valid_to.startswith("长期") else _day(valid_to, "有效期截止日期"))


def card_text_bytes(card: CardText) -> bytes:
    """The 256-byte block a reader would hand back for ``card`` (the simulator; the tests)."""
    sex = {v: k for k, v in SEXES.items()}.get(card.sex, "0")
    ethnicity = {v: k for k, v in ETHNICITIES.items()}.get(card.ethnicity, 97)
    values = {"name": card.name, "sex": sex, "ethnicity": f"{ethnicity:02d}", "birth": f"{card.birth_date:%Y%m%d}",
              "address": card.address, "id_number": card.id_number, "authority": card.authority,
              "valid_from": f"{card.valid_from:%Y%m%d}",
              "valid_to": "长期" if card.valid_to is None else f"{card.valid_to:%Y%m%d}"}
    text = "".join(values[name][:width].ljust(width) for name, width in FIELDS)
    return text.encode("utf-16-le").ljust(TEXT_BYTES, b"\x00")


def _sample() -> CardText:
    from .idcard import check_char
    first17 = "41070319850315202"
    return CardText(name="演示用户", sex="女", ethnicity="汉", birth_date=dt.date(1985, 3, 15),
                    address="河南省新乡市卫滨区平原镇东村1号", id_number=first17 + check_char(first17),
                    authority="新乡市公安局卫滨分局", valid_from=dt.date(2020, 5, 1), valid_to=dt.date(2040, 5, 1))


SAMPLE_CARD = _sample()   # what the simulated reader hands back (a made-up person, a valid number)
