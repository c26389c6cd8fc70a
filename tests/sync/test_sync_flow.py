"""Sync end to end against a real district server on loopback (SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt

import httpx
import pytest
from sqlalchemy import func, select

from district_server import db as sdb
from suyuan_desktop.core.domain.errors import ImmutableRecord
from suyuan_desktop.core.services.demo import generate_demo
from suyuan_desktop.core.store.models import Case, SyncOutbox
from suyuan_desktop.core.sync import protocol as P
from suyuan_desktop.core.sync.client import NotAuthorized, SyncError, UpgradeRequired, check_server_url
from tests.helpers.builders import new_case
from tests.sync.util import (
    MEDIATOR, case_ids, edit_case, local_case, local_projection, normalise, outbox_states, server_projection,
)


def test_station_cases_reach_a_second_device_and_both_replicas_equal_the_district(stations, district):
    a = stations.make("S1")
    generate_demo(a, MEDIATOR, 12)
    first = a.sync.sync()
    assert first.pushed == outbox_states(a)["acked"] and first.rejected == 0
    assert outbox_states(a) == {"acked": first.pushed}

    b = stations.make("S1")  # a second PC of the same station, fresh database
    b.sync.sync()
    a.sync.sync()  # b's own mediator record comes back to a
    want = normalise(server_projection(district, "S1"))
    assert normalise(local_projection(a)) == want
    assert normalise(local_projection(b)) == want
    with b.store.read() as s:
        assert s.execute(select(func.count()).select_from(Case)).scalar_one() == 12


def test_no_op_sync_is_two_small_requests(stations):
    a = stations.make("S1")
    new_case(a, MEDIATOR)
    a.sync.sync()
    again = a.sync.sync()
    assert again.requests == 2  # hello + a 304 pull
    assert again.pushed == again.pulled == 0


def test_edit_on_one_device_arrives_on_the_other(stations):
    a, b = stations.make("S1"), stations.make("S1")
    case = new_case(a, MEDIATOR)
    a.sync.sync()
    b.sync.sync()
    edit_case(b, case.id, summary="双方同意先由村委会现场查看排水沟。")
    b.sync.sync()
    a.sync.sync()
    assert local_case(a, case.id).summary == "双方同意先由村委会现场查看排水沟。"
    # the pulled change is in the station's own audit log, attributed to the district sync
    trail = a.cases.audit_trail(case.id)
    assert any(line.actor == "区中心同步" for line in trail)


def test_district_edit_and_delegated_case_reach_the_station(stations, district):
    a = stations.make("S1")
    case = new_case(a, MEDIATOR)
    a.sync.sync()
    district.district_edit("cases", case.id, {"risk_reported": True})
    delegated = district.create_case("S1", {
        "station_code": "WBQ", "case_number": "（2026）卫滨委派字第0001号", "case_year": 2026, "case_seq": 1,
        "title": "赵六诉孙七买卖合同纠纷", "dispute_type": "04", "source": "court_assigned", "status": "received",
        "summary": "法院立案前委派调解。", "received_date": "2026-11-27"},
        [{"position": 1, "role": "applicant", "kind": "person", "name": "赵六"},
         {"position": 2, "role": "respondent", "kind": "person", "name": "孙七"}])
    a.sync.sync()
    assert local_case(a, case.id).risk_reported is True
    got = a.cases.get(delegated)
    assert got.case_number == "（2026）卫滨委派字第0001号"
    assert [p.name for p in got.parties] == ["赵六", "孙七"]


def test_old_delegated_case_assigned_later_appears_on_next_pull(stations, district):
    """created long ago elsewhere, assigned to a station whose cursor is recent."""
    district.add_station("POOL", "区中心待分配")
    old = district.create_case("POOL", {
        "station_code": "WBQ", "case_number": "（2026）卫滨委派字第0009号", "case_year": 2026, "case_seq": 9,
        "title": "委派案件", "dispute_type": "04", "source": "court_assigned", "status": "received",
        "summary": "三个月前委派。", "received_date": "2026-08-27"}, [])
    a = stations.make("S1")
    new_case(a, MEDIATOR)
    a.sync.sync()
    assert local_case(a, old) is None
    district.assign_case(old, "S1")
    a.sync.sync()
    assert local_case(a, old).title == "委派案件"


def test_a_case_moved_away_becomes_read_only_and_late_edits_are_flagged(stations, district):
    a, b = stations.make("S1"), stations.make("S2")
    case = new_case(a, MEDIATOR)
    a.sync.sync()
    edit_case(a, case.id, claims="（离线修改）赔偿损失1000元。")  # A edits offline...
    district.assign_case(case.id, "S2")                      # ...while the district moves the case
    report = a.sync.sync()
    assert report.conflicts == 1
    # A's edit is in the district's history, flagged, not applied; B and the district see it
    hist = district.history("cases", case.id)
    assert any("post_transfer" in h.flags for h in hist)
    assert district.entity("cases", case.id).state["claims"] != "（离线修改）赔偿损失1000元。"
    b.sync.sync()
    assert [c.kind for c in b.sync.conflicts()] == ["post_transfer"]
    assert [c.kind for c in district.list_conflicts(None)] == ["post_transfer"]
    # A keeps a read-only copy
    assert local_case(a, case.id) is not None
    with pytest.raises(ImmutableRecord, match="移交"):
        edit_case(a, case.id, summary="再改一次")
    assert a.sync.status().revoked_cases == 1
    assert local_case(b, case.id).title == local_case(a, case.id).title


def test_enrollment_ticket_is_single_use_and_for_one_station(stations, district, server):
    a = stations.make("S1", enroll=False)
    ticket = district.issue_ticket("S1")
    a.sync.enroll(server.url, ticket)
    other = stations.make("S1", enroll=False)
    with pytest.raises(NotAuthorized, match="注册码无效、已使用或已过期"):
        other.sync.enroll(server.url, ticket)
    wrong = stations.make("S9", enroll=False)
    with pytest.raises(SyncError, match="注册码属于调委会“S1”"):
        wrong.sync.enroll(server.url, district.issue_ticket("S1"))


def test_expired_ticket_is_refused(stations, district, server):
    a = stations.make("S1", enroll=False)
    ticket = district.issue_ticket("S1", hours=0)
    with pytest.raises(NotAuthorized, match="已过期"):
        a.sync.enroll(server.url, ticket)


def test_refresh_secret_rotates_and_a_lost_rotation_is_survivable(stations, district, server):
    from suyuan_desktop.core.security import keystore
    a = stations.make("S1")
    st = a.sync._state()
    name = a.sync._refresh_name(st)
    original = keystore.get_secret(name)
    a.sync.sync()
    rotated = keystore.get_secret(name)
    assert rotated != original
    # the client was killed after the server rotated but before the keyring write: the old
    # secret still works once, so the station is not locked out
    keystore.set_secret(name, original)
    a.sync._access = None
    a.sync.sync()
    # anything older than the last two is refused
    with httpx.Client(base_url=server.url) as c:
        r = c.post("/v1/auth/token", json={"device_id": st["device_id"], "refresh_token": original})
    assert r.status_code == 401 and "凭据无效" in r.json()["message"]


def test_revoked_device_is_refused_keeps_its_data_and_re_enrollment_pushes_everything_once(stations, district, server, tmp_path):
    from suyuan_desktop.core.services.sync import verify_export
    a = stations.make("S1")
    new_case(a, MEDIATOR)
    a.sync.sync()
    device_id = a.sync._state()["device_id"]
    district.revoke_device(device_id)
    generate_demo(a, MEDIATOR, 16)
    pending = outbox_states(a)["pending"]
    assert pending >= 200
    a.sync._access = None
    with pytest.raises(NotAuthorized, match="撤销.*本地数据完好"):
        a.sync.sync()
    assert outbox_states(a)["pending"] == pending
    assert a.sync.status().last_error.startswith("本机的同步授权已被区中心撤销")
    out = tmp_path / "unsynced.json"
    assert a.sync.export_unsynced(out) == pending
    assert verify_export(out) == pending
    tampered = out.read_text("utf-8").replace("平原", "平凉", 1)
    (tmp_path / "bad.json").write_text(tampered, "utf-8")
    with pytest.raises(Exception, match="校验值不符"):
        verify_export(tmp_path / "bad.json")
    # a new ticket: the same outbox goes up, every change exactly once
    a.sync.enroll(server.url, district.issue_ticket("S1"))
    r = a.sync.sync()
    assert r.pushed == pending and r.duplicates == 0
    assert outbox_states(a).get("pending", 0) == 0
    with district.engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(sdb.changes_received)).scalar_one()
        ids = conn.execute(select(func.count(sdb.entities.c.entity_id.distinct()))).scalar_one()
    with a.store.read() as s:
        total = s.execute(select(func.count()).select_from(SyncOutbox)).scalar_one()
    assert n == total
    assert ids == len(server_projection(district, "S1"))


def test_protocol_n_minus_1_syncs_and_n_minus_2_gets_426_keeping_its_outbox(stations, district):
    a = stations.make("S1")
    new_case(a, MEDIATOR)
    a.sync.protocol_max = P.PROTOCOL_CURRENT - 1
    assert a.sync.sync().pushed > 0
    new_case(a, MEDIATOR, title="王五与赵六借款纠纷")
    pending = outbox_states(a)["pending"]
    a.sync.protocol_max = P.PROTOCOL_MIN - 1
    with pytest.raises(UpgradeRequired, match="请升级"):
        a.sync.sync()
    assert outbox_states(a)["pending"] == pending
    a.sync.protocol_max = P.PROTOCOL_CURRENT  # "upgraded"
    assert a.sync.sync().pushed == pending


def test_poison_change_is_rejected_visible_and_does_not_block_the_rest(stations, district):
    """one bad change among 100."""
    a = stations.make("S1")
    generate_demo(a, MEDIATOR, 4)
    a.sync.sync()
    ids = [c for c in case_ids(a)]
    for i in range(100):
        edit_case(a, ids[i % 4], claims=f"第{i}次补充请求")
    with a.store.write(MEDIATOR) as s:
        rows = list(s.execute(select(SyncOutbox).where(SyncOutbox.state == "pending")
                              .order_by(SyncOutbox.local_seq)).scalars())
        assert len(rows) == 100
        victim = rows[37]
        patch = dict(victim.patch)
        patch["dispute_type"] = {"old": "02", "new": "99"}  # not one of the 15 reporting types
        victim.audit.changes = patch   # the outbox sends the change its audit entry holds
        body = {"change_id": victim.change_id, "entity_type": victim.entity_type, "entity_id": victim.entity_id,
                "op": victim.op, "base_version": victim.base_version, "patch": patch,
                "schema_version": victim.schema_version}
        victim.payload_hash = P.payload_hash(body)
        victim_id, bad_case = victim.change_id, victim.entity_id
    r = a.sync.sync()
    assert (r.pushed, r.rejected) == (99, 1)
    [rejected] = a.sync.rejected_changes()
    assert rejected.change_id == victim_id
    assert "纠纷类型“99”不在15类统计口径内" in rejected.last_error
    assert a.sync.status().rejected == 1
    # the rejected edit stays visible locally and is not overwritten by the pull
    assert local_case(a, bad_case) is not None
    assert district.rejected_changes()[0].payload["change_id"] == victim_id  # kept for inspection
    # the 99 others made it: the last edit of each case is the district's value
    for k, cid in enumerate(ids):
        assert district.entity("cases", cid).state["claims"] == f"第{96 + k}次补充请求"


def test_clock_far_off_warns_but_never_blocks(stations, district, monkeypatch):
    """+3 days, then -1 year."""
    from suyuan_desktop.core.services import sync as sync_mod
    a = stations.make("S1")
    case = new_case(a, MEDIATOR)
    a.sync.sync()
    from suyuan_desktop.core.domain import clock
    real = clock.system().now()  # the instant both sides' clocks read, whatever the computer's says
    for skew, word in ((dt.timedelta(days=3), "快"), (dt.timedelta(days=-365), "慢")):
        monkeypatch.setattr(sync_mod, "_utcnow_aware", lambda s=skew: real + s)
        edit_case(a, case.id, claims=f"时钟偏差{word}")
        r = a.sync.sync()
        assert r.pushed == 1
        assert f"本机时钟比区中心{word}" in r.clock_warning
        assert a.sync.status().clock_warning == r.clock_warning
    assert district.entity("cases", case.id).state["received_date"] == "2026-11-20"  # business date as typed


def test_reference_data_arrives_once_and_304s_after(stations, district):
    a = stations.make("S1")
    district.publish_reference("dispute_catalogue", [
        {"code": "02-01", "name": "宅基地边界", "reporting_type": "03"},
        {"code": "02-09", "name": "旧分类", "reporting_type": "02", "active": False}])
    district.publish_reference("holiday_calendar", {"version": "2027-draft", "days": [
        {"day": "2027-01-01", "is_holiday": True}]})
    r = a.sync.sync()
    assert sorted(r.references) == ["dispute_catalogue", "holiday_calendar"]
    assert a.calendar().is_rest_day(dt.date(2027, 1, 1))
    assert a.sync.sync().references == []


def test_one_sync_at_a_time(stations):
    """in one process: the GUI's timer and the button."""
    from suyuan_desktop.core.services.sync import SyncBusy
    a = stations.make("S1")
    import threading
    held, release = threading.Event(), threading.Event()

    def slow_progress(msg):
        held.set()
        release.wait(10)
    t = threading.Thread(target=a.sync.sync, kwargs={"progress": slow_progress})
    t.start()
    assert held.wait(10)
    try:
        with pytest.raises(SyncBusy, match="另一个同步正在进行"):
            a.sync.sync()
    finally:
        release.set()
        t.join(10)
    a.sync.sync()


def test_https_is_required_except_on_loopback():
    with pytest.raises(SyncError, match="必须使用 https"):
        check_server_url("http://tiaojie.weibin.gov.cn")
    assert check_server_url("https://tiaojie.weibin.gov.cn/") == "https://tiaojie.weibin.gov.cn"
    assert check_server_url("http://127.0.0.1:8600") == "http://127.0.0.1:8600"
    with pytest.raises(SyncError, match="格式不正确"):
        check_server_url("tiaojie")


def test_not_enrolled_says_what_to_do(station):
    from suyuan_desktop.core.services.sync import NotEnrolled
    with pytest.raises(NotEnrolled, match="注册码"):
        station.sync.sync()


def test_retries_back_off_with_jitter_and_wait_for_retry_after():
    import random

    import httpx as _httpx

    from suyuan_desktop.core.sync.base import Backoff, ServerBusy
    from suyuan_desktop.core.sync.client import Transport
    b = Backoff(rng=random.Random(7))
    delays = [b.next_delay() for _ in range(12)]
    assert all(0 <= d <= min(300, 2 ** i) for i, d in enumerate(delays))
    assert max(delays[8:]) > 8          # grows with each failure...
    assert max(delays) <= 300           # ...up to five minutes
    busy = Transport("http://127.0.0.1:1")._error(
        _httpx.Response(503, headers={"Retry-After": "120"}, json={"error": "busy", "message": "区中心维护中"}))
    assert isinstance(busy, ServerBusy) and busy.retry_after == 120
    assert b.next_delay(busy.retry_after) >= 120   # never sooner than the server asked
    b.success()
    assert b.next_delay() <= 1                     # a success starts over


def test_a_case_pulled_from_the_district_is_found_by_one_character_of_a_name(stations, district):
    """Pulled rows are written with raw inserts: the name pieces come from the store's triggers."""
    from suyuan_desktop.core.store.repositories import CaseFilter
    a = stations.make("S1")
    new_case(a, MEDIATOR)
    a.sync.sync()
    pulled = district.create_case("S1", {
        "station_code": "S1", "case_number": "（2026）卫滨委派字第0031号", "case_year": 2026, "case_seq": 31,
        "title": "诸葛亮与司马懿相邻纠纷", "dispute_type": "02", "source": "court_assigned", "status": "received",
        "summary": "法院委派。", "received_date": "2026-11-20"},
        [{"position": 1, "role": "applicant", "kind": "person", "name": "诸葛亮"},
         {"position": 2, "role": "respondent", "kind": "person", "name": "司马懿"}])
    a.sync.sync()
    for q in ("葛", "司马", "诸葛亮"):
        assert [c.id for c in a.cases.search(CaseFilter(text=q)).items] == [pulled], q


def test_acknowledged_changes_leave_the_outbox_after_30_days_and_the_audit_log_keeps_them(stations, district,
                                                                                          monkeypatch):
    from suyuan_desktop.core.store.models import AuditEntry
    from tests.conftest import TODAY
    one = stations.make("S1")
    first = new_case(one, MEDIATOR)
    one.sync.sync()

    def outbox():
        with one.store.read() as s:
            return dict(s.execute(select(SyncOutbox.state, func.count()).group_by(SyncOutbox.state)).all())
    kept = outbox()
    assert kept.get("acked", 0) > 0 and "pending" not in kept     # acknowledged, and kept for now

    monkeypatch.setenv("SUYUAN_CLOCK", (TODAY + dt.timedelta(days=31)).isoformat())
    later = new_case(one, MEDIATOR, title="王五与赵六物业纠纷")
    one.sync.sync()
    assert set(outbox()) == {"acked"}
    with one.store.read() as s:
        ids = set(s.execute(select(SyncOutbox.entity_id)).scalars())
        assert first.id not in ids and later.id in ids                 # the month-old ones are gone
        assert s.execute(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity_id == first.id)).scalar() > 0
    assert district.entity("cases", first.id) is not None and district.entity("cases", later.id) is not None
    # a district restored from an older backup asks for the month-old changes again: the station
    # says so plainly instead of resending forever
    from sqlalchemy import update
    with district.engine.begin() as conn:
        conn.execute(update(sdb.devices).values(last_applied_seq=0))
    new_case(one, MEDIATOR, title="孙七与周八消费纠纷")
    with pytest.raises(SyncError) as stopped:
        one.sync.sync()
    assert stopped.value.error == "gap_pruned" and "重新注册" in stopped.value.message


def test_a_court_package_and_the_move_to_the_court_reach_the_district(stations, district):
    from tests.integration.test_court_package import referred_failed_case
    one = stations.make("S1")
    case = referred_failed_case(one, MEDIATOR)
    package = one.documents.court_package(MEDIATOR, case.case_number)
    one.sync.sync()
    assert district.entity("cases", case.id).state["status"] == "returned_to_court"
    issued = district.entity("issued_documents", package.view.id)
    assert issued.state["doc_type"] == "court_package" and issued.state["pdf_sha256"] == package.manifest["package"]["sha256"]
    assert issued.state["data"]["parts"][0]["sha256"] == package.manifest["parts"][0]["sha256"]
    # the district's 诉调对接 listing says when the material went to the court
    from suyuan_desktop.core.domain.statistics import parse_period
    from tests.conftest import TODAY
    report = district.district_report(parse_period(str(TODAY.year)), as_of=TODAY)
    row = next(r for r in next(t for t in report.tables if t.key == "handoff").rows if r.key == case.id)
    assert row.cells[3].value == "新乡市卫滨区人民法院" and row.cells[8].value == TODAY.isoformat()
