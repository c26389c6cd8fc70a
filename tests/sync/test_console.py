"""The district console: people's accounts and what each role may see (403 otherwise), CSRF on
every form, lockout, the log of every personal-data view, and the separation from the sync API."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from district_server.app import create_app
from district_server.console.accounts import Accounts
from suyuan_desktop.core.domain.statistics import parse_period
from tests.conftest import TODAY
from tests.helpers.builders import concluded_case
from tests.sync.util import MEDIATOR

PASSWORD = "console-pass-2026"


@pytest.fixture
def console(district):
    accounts = Accounts(district.engine)
    for name, role in (("admin1", "admin"), ("viewer", "stats"), ("officer1", "officer")):
        accounts.add_user(name, f"{name}的名字", role, PASSWORD)
    with TestClient(create_app(district), base_url="http://127.0.0.1") as client:
        yield client


def login(client, username: str, password: str = PASSWORD):
    return client.post("/console/login", data={"username": username, "password": password}, follow_redirects=False)


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def test_no_page_opens_without_a_session(console):
    for path in ("/console/stations", "/console/statistics", "/console/cases?q=x", "/console/audit",
                 "/console/statistics.xlsx?period=2026"):
        r = console.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].endswith("/console/login"), path


def test_each_role_sees_its_pages_and_is_refused_the_others(console):
    allowed = {"admin1": {"stations", "statistics", "cases", "audit"}, "officer1": {"stations", "statistics", "cases"},
               "viewer": {"statistics"}}
    for user, pages in allowed.items():
        console.cookies.clear()
        assert login(console, user).status_code == 303
        for page in ("stations", "statistics", "cases", "audit"):
            r = console.get(f"/console/{page}")
            assert r.status_code == (200 if page in pages else 403), (user, page, r.status_code)
            if r.status_code == 403:
                assert "无权查看" in r.text


def test_the_session_cookie_is_httponly_strict_and_a_form_without_its_token_is_refused(console):
    r = login(console, "viewer")
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    page = console.get("/console/statistics").text
    assert console.post("/console/logout", data={}, follow_redirects=False).status_code == 403
    assert console.post("/console/logout", data={"csrf": "forged"}, follow_redirects=False).status_code == 403
    assert console.get("/console/statistics").status_code == 200             # still logged in
    r = console.post("/console/logout", data={"csrf": csrf_of(page)}, follow_redirects=False)
    assert r.status_code == 303
    assert console.get("/console/statistics", follow_redirects=False).status_code == 303


def test_five_wrong_passwords_lock_the_account(console):
    for _ in range(4):
        r = login(console, "viewer", "wrong-password")
        assert r.status_code == 401 and "用户名或密码不正确" in r.text
    r = login(console, "viewer", "wrong-password")
    assert "锁定" in r.text
    r = login(console, "viewer")                                            # even the right one, for now
    assert r.status_code == 401 and "锁定" in r.text
    assert login(console, "nobody", PASSWORD).status_code == 401


def test_a_case_search_shows_the_parties_and_is_logged(console, stations, district):
    one = stations.make("S1")
    case = concluded_case(one, MEDIATOR)
    one.sync.sync()
    login(console, "officer1")
    r = console.get("/console/cases", params={"q": case.case_number})
    assert case.case_number in r.text and "张三" in r.text
    r = console.get("/console/cases", params={"q": "张三"})
    assert case.case_number in r.text
    log = Accounts(district.engine).audit_log()
    views = [e for e in log if e.action == "case_view" and e.username == "officer1"]
    assert len(views) == 2 and views[0].detail["cases"] == [case.case_number]
    console.cookies.clear()
    login(console, "admin1")
    assert "case_view" in console.get("/console/audit").text


def test_statistics_on_screen_and_as_files(console, stations, district):
    one = stations.make("S1")
    concluded_case(one, MEDIATOR)
    one.sync.sync()
    login(console, "viewer")
    r = console.get("/console/statistics", params={"period": str(TODAY.year)})
    whole = district.district_report(parse_period(str(TODAY.year)), as_of=TODAY)
    assert r.status_code == 200 and "受理纠纷" in r.text
    assert f">{whole.cell('summary.received.current').value}<" in r.text.replace(" ", "")
    assert "诉调对接" not in r.text                                          # names cases: not for this role
    assert r.text.count("<svg") == 2 and "按纠纷类型受理" in r.text           # charts drawn on the server
    one_station = console.get("/console/statistics", params={"period": str(TODAY.year), "station": "S1"}).text
    mine = one.stats.report(parse_period(str(TODAY.year))).cell("summary.received.current").value
    assert "调委会 S1" in one_station and f">{mine}<" in one_station.replace(" ", "")
    xlsx = console.get("/console/statistics.xlsx", params={"period": str(TODAY.year)})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    pdf = console.get("/console/statistics.pdf", params={"period": str(TODAY.year)})
    assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-"
    assert "看不懂统计期间" in console.get("/console/statistics", params={"period": "去年"}).text


def test_device_tokens_do_not_open_the_console_and_sessions_do_not_open_the_sync_api(console, stations):
    one = stations.make("S1")
    one.sync.sync()
    login(console, "admin1")
    assert console.post("/v1/hello", json={}).status_code == 401            # the console cookie is not a device
    console.cookies.clear()
    r = console.get("/console/stations", headers={"Authorization": "Bearer whatever"}, follow_redirects=False)
    assert r.status_code == 303


def test_people_are_managed_from_the_command_line(district, tmp_path, monkeypatch):
    from district_server import cli
    url = district.engine.url.render_as_string(hide_password=False)
    common = ["--database-url", url, "--blob-dir", str(tmp_path / "b")]
    monkeypatch.setenv("SUYUAN_CONSOLE_PASSWORD", "short")
    assert cli.main(["user", *common, "add", "wang", "--role", "officer", "--name", "王专员"]) == 2   # too weak
    monkeypatch.setenv("SUYUAN_CONSOLE_PASSWORD", PASSWORD)
    assert cli.main(["user", *common, "add", "wang", "--role", "officer", "--name", "王专员"]) == 0
    accounts = Accounts(district.engine)
    token = accounts.login("wang", PASSWORD)
    assert accounts.session(token).role == "officer"
    monkeypatch.setenv("SUYUAN_CONSOLE_PASSWORD", "another-pass-2026")
    assert cli.main(["user", *common, "passwd", "wang"]) == 0
    assert accounts.session(token) is None                                   # a new password ends the sessions
    assert cli.main(["user", *common, "disable", "wang"]) == 0
    with pytest.raises(Exception, match="用户名或密码不正确"):
        accounts.login("wang", "another-pass-2026")


def test_an_administrator_enrols_a_station_with_a_ticket_shown_once_and_revokes_a_device(console, stations, district,
                                                                                        server):
    login(console, "admin1")
    page = console.get("/console/stations").text
    r = console.post("/console/stations/add", data={"csrf": csrf_of(page), "code": "S7", "name": "东街调委会"},
                     follow_redirects=False)
    assert r.status_code == 303
    r = console.post("/console/stations/ticket", data={"csrf": csrf_of(page), "station": "S7"})
    code = re.search(r'<p class="code">([A-Z0-9]+)</p>', r.text).group(1)
    assert "<svg" in r.text and "只显示这一次" in r.text
    assert code not in console.get("/console/stations").text                # shown once
    app = stations.make("S7", enroll=False)
    app.sync.enroll(server.url, code)                                        # the station types or scans it
    app.sync.sync()
    page = console.get("/console/stations").text
    assert "东街调委会" in page and "从未同步" not in page.split("东街调委会")[1].split("</tr>")[0]
    device = district.list_devices()[0]["id"]
    r = console.post("/console/devices/revoke", data={"csrf": csrf_of(page), "device": device}, follow_redirects=False)
    assert r.status_code == 303 and district.list_devices()[0]["revoked_at"] is not None
    console.cookies.clear()
    login(console, "officer1")
    page = console.get("/console/stations").text
    assert "签发注册码" not in page
    assert console.post("/console/stations/ticket", data={"csrf": csrf_of(page), "station": "S7"}).status_code == 403


def test_a_calendar_published_on_the_page_reaches_a_station(console, stations, district):
    import datetime as dt
    one = stations.make("S1")
    login(console, "admin1")
    page = console.get("/console/reference").text
    r = console.post("/console/reference", data={"csrf": csrf_of(page), "dataset": "holiday_calendar",
                                                 "data": '{"version": "2027", "days": [{"day": "2027-01-01"'})
    assert r.status_code == 400 and "不是有效的 JSON" in r.text
    r = console.post("/console/reference", data={"csrf": csrf_of(page), "dataset": "holiday_calendar",
                                                 "data": '{"version": "2027", "days": [{"day": "2027-13-01", "is_holiday": true}]}'})
    assert r.status_code == 400 and "节假日日历应为" in r.text
    r = console.post("/console/reference", data={"csrf": csrf_of(page), "dataset": "holiday_calendar",
                                                 "data": '{"version": "2027", "days": [{"day": "2027-01-01", "is_holiday": true}]}'})
    assert r.status_code == 200 and "已发布" in r.text
    [version] = district.reference_history("holiday_calendar")
    assert version.published_by == "控制台：admin1" and "历次发布（1）" in r.text    # kept, with who published it
    one.sync.sync()
    assert one.calendar().is_rest_day(dt.date(2027, 1, 1))
    assert console.post("/console/reference", data={"dataset": "holiday_calendar", "data": "{}"}).status_code == 403
    console.cookies.clear()
    login(console, "viewer")
    assert console.get("/console/reference").status_code == 403


def test_conflicts_are_listed_and_only_an_administrator_resolves(console):
    login(console, "officer1")
    page = console.get("/console/conflicts")
    assert page.status_code == 200 and "没有待处理的冲突" in page.text
    r = console.post("/console/conflicts/resolve", data={"csrf": csrf_of(page.text), "conflict": "1", "choice": "server"})
    assert r.status_code == 403


def test_a_conflict_is_seen_side_by_side_and_resolved_on_the_page(console, stations, district):
    from tests.helpers.builders import new_case
    from tests.sync.util import edit_case
    a = stations.make("S1")
    case = new_case(a, MEDIATOR)
    a.sync.sync()
    district.district_edit("cases", case.id, {"summary": "区中心核实：排水沟系两户共用。"})
    edit_case(a, case.id, summary="站点记录：排水沟为张三家独用。")
    assert a.sync.sync().conflicts == 1
    login(console, "admin1")
    page = console.get("/console/conflicts").text
    assert "区中心核实：排水沟系两户共用。" in page and "站点记录：排水沟为张三家独用。" in page
    [c] = district.list_conflicts("S1")
    r = console.post("/console/conflicts/resolve", data={"csrf": csrf_of(page), "conflict": str(c.id),
                                                        "choice": "client", "note": "经核实以调委会记录为准"},
                     follow_redirects=False)
    assert r.status_code == 303 and district.list_conflicts("S1") == []
    assert district.entity("cases", case.id).state["summary"] == "站点记录：排水沟为张三家独用。"
    a.sync.sync()
    assert a.sync.status().conflicts_open == 0
    assert any(e.action == "resolve_conflict" for e in Accounts(district.engine).audit_log())   # who did what


def test_a_case_timeline_and_a_move_to_another_station(console, stations, district):
    one = stations.make("S1")
    stations.make("S2")
    case = concluded_case(one, MEDIATOR)
    one.sync.sync()
    login(console, "officer1")
    page = console.get(f"/console/cases/{case.id}").text
    assert "区中心收到的经过" in page and "收到案件" in page and "状态：" in page
    r = console.post(f"/console/cases/{case.id}/move", data={"csrf": csrf_of(page), "station": "S2"},
                     follow_redirects=False)
    assert r.status_code == 303
    page = console.get(r.headers["location"]).text
    assert "已移交 S2" in page and "移交：S1 → S2" in page
    assert district.entity("cases", case.id).scope == "S2"
    assert console.post(f"/console/cases/{case.id}/move", data={"station": "S1"}).status_code == 403   # no token
    assert [e.action for e in Accounts(district.engine).audit_log()][:2] == ["case_view", "move_case"]


def test_a_session_ends_after_thirty_idle_minutes(console, district):
    import datetime as dt

    from sqlalchemy import select, update

    from district_server.db import console_sessions
    login(console, "viewer")
    assert console.get("/console/statistics").status_code == 200
    with district.engine.begin() as conn:
        seen = conn.execute(select(console_sessions.c.last_seen_at)).scalar_one()
        conn.execute(update(console_sessions).values(last_seen_at=seen - dt.timedelta(minutes=31)))
    assert console.get("/console/statistics", follow_redirects=False).status_code == 303


def test_a_court_delegated_case_registered_on_the_page_reaches_its_station(console, stations, district):
    one = stations.make("S1")
    login(console, "officer1")
    page = console.get("/console/cases").text
    form = {"csrf": csrf_of(page), "station": "S1", "kind": "assigned", "case_number": "（2026）卫滨委派字第0042号",
            "title": "赵六诉孙七买卖合同纠纷", "dispute_type": "04", "summary": "法院立案前委派调解。",
            "court": "新乡市卫滨区人民法院", "reference_number": "（2026）豫0703民诉前调42号", "signed_for": "2026-11-27",
            "applicant": "赵六", "respondent": ""}
    r = console.post("/console/cases/delegate", data=form)
    assert r.status_code == 400 and "请填写：被申请人" in r.text                # said, and nothing registered
    r = console.post("/console/cases/delegate", data={**form, "respondent": "孙七"}, follow_redirects=False)
    assert r.status_code == 303
    one.sync.sync()
    case = one.cases.get("（2026）卫滨委派字第0042号")
    assert [p.name for p in case.parties] == ["赵六", "孙七"] and case.status == "received"
    assert case.referral.court == "新乡市卫滨区人民法院" and case.referral.limit_days == 30
