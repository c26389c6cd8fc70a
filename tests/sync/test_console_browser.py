"""The district console in a real browser (Debian's chromium, driven by Playwright): log in with
the keyboard, read the statistics and download the workbook, issue a ticket, enrol a real station
with it against the same server and see it appear; nothing wider than a 1366×768 screen."""
from __future__ import annotations

import shutil

import pytest

from district_server.console.accounts import Accounts
from tests.helpers.builders import concluded_case
from tests.sync.util import MEDIATOR

PASSWORD = "console-pass-2026"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def browser():
    if CHROMIUM is None:
        pytest.fail("chromium is needed for the console's browser tests (./dev.sh installs it)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.mark.parametrize("district", ["sqlite"], indirect=True)
def test_a_day_at_the_console_in_a_browser(browser, district, server, stations, tmp_path):
    Accounts(district.engine).add_user("admin1", "王主任", "admin", PASSWORD)
    district.add_station("S1", "平原镇调委会")
    page = browser.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page.goto(f"{server.url}/console")
    assert "登录" in page.title()
    page.keyboard.type("admin1")                                    # the username field has the focus
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/console/statistics")
    assert page.get_by_role("heading", name="统计").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366

    page.get_by_role("link", name="调委会").click()
    page.get_by_role("button", name="签发注册码").first.click()
    code = page.locator(".ticket .code").inner_text().strip()
    assert len(code) == 20 and page.locator(".ticket svg").is_visible()
    station = stations.make("S1", enroll=False)
    station.sync.enroll(server.url, code)                           # typed in at the station
    concluded_case(station, MEDIATOR)
    station.sync.sync()
    page.get_by_role("link", name="调委会").click()
    row = page.locator("tr", has_text="平原镇调委会")
    assert "从未同步" not in row.inner_text() and row.locator("td").nth(2).inner_text() == "1"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366

    # a conflict, seen side by side and resolved on the page
    from tests.helpers.builders import new_case
    from tests.sync.util import edit_case
    disputed = new_case(station, MEDIATOR)
    station.sync.sync()
    district.district_edit("cases", disputed.id, {"summary": "区中心核实：排水沟系两户共用。"})
    edit_case(station, disputed.id, summary="站点记录：排水沟为张三家独用。")
    station.sync.sync()
    page.get_by_role("link", name="冲突").click()
    assert page.get_by_text("站点记录：排水沟为张三家独用。").is_visible()
    page.get_by_role("button", name="采用调委会的值").click()
    assert page.get_by_text("没有待处理的冲突").is_visible()
    assert district.entity("cases", disputed.id).state["summary"] == "站点记录：排水沟为张三家独用。"

    # a calendar published on the page, pulled by the station
    import datetime as dt
    page.get_by_role("link", name="参考数据").click()
    page.get_by_label("节假日日历（JSON）").fill('{"version": "2027", "days": [{"day": "2027-01-01", "is_holiday": true}]}')
    page.locator("form", has=page.get_by_label("节假日日历（JSON）")).get_by_role("button", name="发布新版本").click()
    assert page.get_by_text("已发布").first.is_visible()
    station.sync.sync()
    assert station.calendar().is_rest_day(dt.date(2027, 1, 1))

    page.get_by_role("link", name="统计").click()
    page.get_by_label("统计期间").fill("2026")
    page.get_by_role("button", name="统计").click()
    assert page.locator("td", has_text="受理纠纷").first.is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="下载 Excel").click()
    path = tmp_path / "district.xlsx"
    download.value.save_as(path)
    assert path.read_bytes()[:2] == b"PK"
    page.screenshot(path=tmp_path / "console-statistics.png")
    page.get_by_role("button", name="退出").click()
    page.wait_for_url("**/console/login")
