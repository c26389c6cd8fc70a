"""The ID card reader: the chip's text block read field by field, and the vendor library run in a
helper process that survives the library failing, crashing or hanging (real shared libraries,
compiled here, with the vendors' entry points)."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from suyuan_desktop.core.devices.idcard import HelperReader, IdCardError, SimulatedReader, reader_from_settings
from suyuan_desktop.core.domain.idcard_chip import SAMPLE_CARD, CardText, ChipTextError, card_text_bytes, parse_card_text

CARD = CardText(name="欧阳娜娜", sex="女", ethnicity="回", birth_date=dt.date(1990, 7, 9),
                address="河南省新乡市卫滨区平原镇西村二组18号", id_number="41070319900709002X",
                authority="新乡市公安局卫滨分局", valid_from=dt.date(2021, 3, 1), valid_to=None)


def test_the_chips_text_block_is_read_field_by_field():
    raw = card_text_bytes(CARD)
    assert len(raw) == 256
    # the layout as the readers hand it over: 15 characters of name, then a sex code, an ethnicity code
    assert raw[:8].decode("utf-16-le") == "欧阳娜娜" and raw[30:32].decode("utf-16-le") == "2"
    assert raw[32:36].decode("utf-16-le") == "03"                      # 回族, GB/T 3304 code 03
    assert parse_card_text(raw) == CARD
    assert parse_card_text(card_text_bytes(SAMPLE_CARD)).valid_to == dt.date(2040, 5, 1)
    with pytest.raises(ChipTextError, match="18位身份证号码"):
        parse_card_text(" ".encode("utf-16-le") * 128)
    with pytest.raises(ChipTextError, match="字节"):
        parse_card_text(b"\x00" * 40)


def test_the_simulated_reader_and_the_settings():
    assert SimulatedReader(CARD).read() == CARD
    with pytest.raises(IdCardError) as exc:
        SimulatedReader(None).read()
    assert exc.value.code == "no_card" and "身份证" in exc.value.message
    assert reader_from_settings({}) is None and reader_from_settings({"idcard_reader": {"backend": "none"}}) is None
    assert reader_from_settings({"idcard_reader": {"backend": "simulator"}}).read() == SAMPLE_CARD
    with pytest.raises(IdCardError, match="动态库"):
        reader_from_settings({"idcard_reader": {"backend": "termb"}})


TERMB = r"""
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
static const unsigned char text[256] = {%s};
int InitComm(int port) { return port == 1001 ? 1 : 0; }
int CloseComm(void) { return 1; }
int Authenticate(void) { %s return 1; }
int Read_Content(int active) {
    FILE *f = fopen("wz.txt", "wb"); fwrite(text, 1, 256, f); fclose(f);
    f = fopen("zp.bmp", "wb"); fputs("BM", f); fclose(f);
    return 1;
}
"""
SDTAPI = r"""
#include <string.h>
static const unsigned char text[256] = {%s};
int SDT_OpenPort(int port) { return 0x90; }
int SDT_ClosePort(int port) { return 0x90; }
int SDT_StartFindIDCard(int port, unsigned char *mana, int open) { return 0x9f; }
int SDT_SelectIDCard(int port, unsigned char *mana, int open) { return 0x90; }
int SDT_ReadBaseMsg(int port, unsigned char *ch, unsigned int *chlen, unsigned char *ph, unsigned int *phlen, int open) {
    memcpy(ch, text, 256); *chlen = 256; *phlen = 1024; return 0x90;
}
"""


def library(tmp_path, name: str, source: str, behaviour: str = "") -> str:
    if shutil.which("gcc") is None:
        pytest.fail("gcc is needed to build the stand-in vendor libraries (./dev.sh installs it)")
    body = ",".join(str(b) for b in card_text_bytes(CARD))
    src = tmp_path / f"{name}.c"
    src.write_text(source % ((body, behaviour) if "%s return" in source else (body,)), "utf-8")
    out = tmp_path / f"lib{name}.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(out), str(src)], check=True)
    return str(out)


def test_a_vendor_library_is_read_in_a_helper_process(tmp_path):
    assert HelperReader("termb", library(tmp_path, "termb", TERMB)).read() == CARD
    assert HelperReader("sdtapi", library(tmp_path, "sdtapi", SDTAPI)).read() == CARD
    with pytest.raises(IdCardError) as exc:
        HelperReader("termb", library(tmp_path, "termb", TERMB), port=3).read()
    assert exc.value.code == "port" and "端口 3" in exc.value.message


@pytest.mark.parametrize("behaviour, code, words", [
    ("return 0;", "no_card", "没有检测到身份证"),
    ("abort();", "helper_crashed", "异常退出"),                  # the library takes its process down
    ("sleep(30);", "timeout", "没有响应"),                        # or never comes back
])
def test_a_failing_crashing_or_hanging_library_leaves_the_application_standing(tmp_path, behaviour, code, words):
    reader = HelperReader("termb", library(tmp_path, "termb_bad", TERMB, behaviour), timeout=3)
    with pytest.raises(IdCardError) as exc:
        reader.read()
    assert exc.value.code == code and words in exc.value.message


def test_a_missing_or_wrong_library_is_said_plainly(tmp_path):
    with pytest.raises(IdCardError) as exc:
        HelperReader("termb", str(tmp_path / "nowhere.so")).read()
    assert exc.value.code == "library" and "无法加载" in exc.value.message
    with pytest.raises(IdCardError) as exc:
        HelperReader("termb", library(tmp_path, "sdt_as_termb", SDTAPI)).read()
    assert exc.value.code == "library" and "不是 termb 接口" in exc.value.message


def test_the_station_keeps_its_reader_setting_and_reads_through_it(station, tmp_path):
    from suyuan_desktop.core.domain.errors import ValidationError
    with pytest.raises(IdCardError, match="没有设置"):
        station.computer.read_id_card()
    with pytest.raises(ValidationError) as exc:
        station.computer.save_idcard_reader("termb", str(tmp_path / "nowhere.so"))
    assert exc.value.errors[0].path == "library"
    station.computer.save_idcard_reader("termb", library(tmp_path, "termb", TERMB))
    assert station.computer.read_id_card() == CARD
    assert station.computer.settings()["idcard_reader"]["backend"] == "termb"
    station.computer.save(kiosk=True)                    # other settings leave the reader's alone
    assert station.computer.settings()["idcard_reader"]["backend"] == "termb"


def test_support_sets_up_and_checks_the_reader_from_the_command_line(station):
    from tests.integration.test_cli import run
    r = run("--data-dir", station.data_dir, "idcard", "read")
    assert r.returncode != 0 and "没有设置" in r.stderr
    assert run("--data-dir", station.data_dir, "idcard", "setup", "--backend", "simulator").returncode == 0
    r = run("--data-dir", station.data_dir, "idcard", "read")
    assert r.returncode == 0, r.stderr
    assert "读卡成功" in r.stdout and SAMPLE_CARD.id_number not in r.stdout and SAMPLE_CARD.name not in r.stdout
    assert SAMPLE_CARD.id_number[:6] in r.stdout                # partly shown, as on screen
    r = run("--data-dir", station.data_dir, "idcard", "setup", "--backend", "termb", "--library", "/nowhere/termb.so")
    assert r.returncode != 0 and "厂商的动态库" in r.stderr
