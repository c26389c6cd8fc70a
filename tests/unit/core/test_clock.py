"""The station clock: one source of today and now, in China Standard Time, that tests can fix."""
from __future__ import annotations

import datetime as dt
import os
import re
import time
from pathlib import Path

import pytest

from suyuan_desktop.core.domain import clock
from suyuan_desktop.core.domain.clock import Clock

ROOT = Path(__file__).resolve().parents[3]
UTC = dt.timezone.utc

# Every way Python, Qt or the C library offers of reading the computer's date or time of day.
WALL_CLOCK = re.compile(
    r"date\.today\(|datetime\.(now|utcnow|today)\(|QDate\.currentDate\(|QDateTime\.currentDateTime\("
    r"|QDateTime\.currentDateTimeUtc\(|QTime\.currentTime\(|time\.(localtime|gmtime|ctime|strftime)\(")


def wall_at(instant: dt.datetime):
    return lambda: instant


def test_nothing_but_the_clock_module_reads_the_computers_clock():
    found = []
    for top in ("suyuan_desktop", "district_server", "tests"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if path in (ROOT / "suyuan_desktop/core/domain/clock.py", Path(__file__).resolve()) \
                    or "/gui/forms/" in path.as_posix():
                continue
            for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                if WALL_CLOCK.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == [], "read the station clock (suyuan_desktop.core.domain.clock) instead:\n" + "\n".join(found)


@pytest.mark.parametrize(("utc", "cst_date"), [
    (dt.datetime(2026, 11, 27, 15, 59, 59, tzinfo=UTC), dt.date(2026, 11, 27)),   # 23:59:59 in Beijing
    (dt.datetime(2026, 11, 27, 16, 0, 0, tzinfo=UTC), dt.date(2026, 11, 28)),     # midnight in Beijing
    (dt.datetime(2026, 11, 27, 23, 30, 0, tzinfo=UTC), dt.date(2026, 11, 28)),    # 07:30, UTC still on the 27th
    (dt.datetime(2026, 12, 31, 16, 0, 0, tzinfo=UTC), dt.date(2027, 1, 1)),       # new year comes 8 hours early
])
def test_a_stations_day_is_the_china_standard_time_day_whatever_the_computers_zone(monkeypatch, utc, cst_date):
    for zone in ("UTC", "America/New_York", "Asia/Shanghai"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        c = Clock(wall=wall_at(utc))
        assert c.today() == cst_date
        assert c.now().utcoffset() == dt.timedelta(hours=8)
        assert c.utcnow() == utc.replace(tzinfo=None)
    monkeypatch.delenv("TZ")
    time.tzset()


def test_a_fixed_clock_keeps_its_date_and_lets_the_time_of_day_run():
    ticks = iter([dt.datetime(2030, 5, 1, 2, 0, tzinfo=UTC), dt.datetime(2030, 5, 1, 3, 0, tzinfo=UTC)])
    c = Clock(dt.date(2026, 11, 28), wall=lambda: next(ticks))
    first, second = c.now(), c.now()
    assert (first.date(), first.hour) == (dt.date(2026, 11, 28), 10)
    assert second - first == dt.timedelta(hours=1)
    assert c.today() == dt.date(2026, 11, 28)


def test_suyuan_clock_fixes_the_process_clock_and_a_bad_value_names_the_variable(monkeypatch):
    monkeypatch.setenv("SUYUAN_CLOCK", "2031-06-15")
    assert clock.system().today() == dt.date(2031, 6, 15)
    assert clock.utcnow().date() in (dt.date(2031, 6, 14), dt.date(2031, 6, 15))
    monkeypatch.setenv("SUYUAN_CLOCK", "2019-02-29")
    with pytest.raises(ValueError, match="SUYUAN_CLOCK"):
        clock.system()
    monkeypatch.delenv("SUYUAN_CLOCK")
    assert clock.system().fixed is None


def test_the_suite_runs_on_its_own_station_date():
    """The fixtures fix every test's station date, whatever the computer's clock says."""
    from tests.conftest import TODAY
    assert os.environ["SUYUAN_CLOCK"] == TODAY.isoformat()
    assert clock.system().today() == TODAY


# A date format that strftime would have to encode: 年月日 inside a format spec or a strftime call.
NON_ASCII_DATE_FORMAT = re.compile(r"(\{[^{}]*:[^{}]*%[YmdB][^{}]*[^\x00-\x7f][^{}]*\}|strftime\([^)]*[^\x00-\x7f])")


def test_chinese_dates_are_written_out_never_through_strftime():
    """On Windows, strftime encodes its format in the locale's code page: 年月日 raise
    UnicodeEncodeError on a station whose Windows locale is not Chinese (seen under wine)."""
    found = []
    for top in ("suyuan_desktop", "district_server"):
        for path in sorted((ROOT / top).rglob("*.py")):
            for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                if NON_ASCII_DATE_FORMAT.search(line) and "Formattable(" not in line and "``" not in line:
                    found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == [], "use clock.cn_date() or clock.Formattable:\n" + "\n".join(found)


def test_chinese_dates_and_translation_date_formats():
    day = dt.date(2027, 3, 5)
    assert clock.cn_date(day) == "2027年03月05日"
    assert "{d:%Y年%m月%d日}前".format(d=clock.Formattable(day)) == "2027年03月05日前"
    assert "by {d:%Y-%m-%d}".format(d=clock.Formattable(day)) == "by 2027-03-05"
