"""The next step on a case and its countdown, for literal cases."""
from __future__ import annotations

import datetime as dt

from suyuan_desktop.core.services.guidance import confirmation_window_open, next_step, timeline
from suyuan_desktop.core.services.inputs import AgreementInput, CaseIntake
from tests.helpers.builders import (
    assign_mediator, concluded_case, failed_case, intake_data, mediating_case, new_case, sign_all,
)


def test_a_new_case_asks_to_be_accepted_and_then_for_a_mediator(station, admin):
    case = new_case(station, admin)
    assert "受理" in next_step(case, dt.date(2026, 11, 28)).text
    case = station.cases.accept(admin, case.id)
    step = next_step(case, dt.date(2026, 11, 28))
    assert step.text.startswith("指派调解员") and step.urgency == "none" and step.countdown == ""
    case = assign_mediator(station, admin, case)
    assert next_step(case, dt.date(2026, 11, 28)).text.startswith("开展调解")


def test_a_court_referral_past_its_limit_says_so_in_days_overdue(station, admin):
    data = intake_data(source="court_assigned", received_date="2026-11-02",
                       referral={"kind": "assigned", "court": "新乡市卫滨区人民法院", "reference_number": "（2026）豫0703委调1号",
                                 "signed_for_date": "2026-11-02"})
    case = station.cases.intake(admin, CaseIntake(**data))
    case = station.cases.accept(admin, case.id, accepted_date=dt.date(2026, 11, 2))
    case = assign_mediator(station, admin, case)
    due = case.referral.deadline                               # 30 days after signing for the letter
    assert due == dt.date(2026, 12, 2)
    on_time = next_step(case, dt.date(2026, 11, 28))
    assert (on_time.days_left, on_time.urgency, on_time.countdown) == (4, "soon", "还剩 4 天")
    late = next_step(case, dt.date(2027, 3, 12))
    assert late.countdown == "逾期 100 天" and late.urgency == "overdue" and "退回法院" in late.text


def test_the_thirty_days_for_judicial_confirmation_then_performance(station, admin):
    case = mediating_case(station, admin)
    case = station.cases.save_agreement(admin, case.id, AgreementInput(
        facts_and_disputes="x", clauses=[{"text": "李四赔偿张三500元", "amount": "500"}], performance_method="现金",
        performance_deadline="2026-12-31", party_signatures=sign_all(case), mediator_signed_date="2026-11-22",
        sealed_date="2026-11-22"))
    open_ = next_step(case, dt.date(2026, 11, 28))
    assert "2026年12月22日" in open_.text and open_.countdown == "还剩 24 天"
    assert confirmation_window_open(case, dt.date(2026, 12, 22))
    assert not confirmation_window_open(case, dt.date(2026, 12, 23))
    after = next_step(case, dt.date(2026, 12, 23))                # the window has closed: performance next
    assert "履行期限" in after.text and after.due == dt.date(2026, 12, 31) and after.countdown == "还剩 8 天"


def steps_of(case, today):
    return [(s.label, s.state, s.day, s.due, s.note) for s in timeline(case, today)]


def test_the_timeline_of_a_case_that_went_the_whole_way(station, admin):
    """受理 → 调解 → 达成协议 → 生效 → 司法确认 → 履行 → 回访 → 归档, with dates; 履行 still to come
    with its limit, since the follow-up found it partly done."""
    case = concluded_case(station, admin)
    d = dt.date
    assert steps_of(case, d(2026, 11, 28)) == [
        ("受理", "done", d(2026, 11, 20), None, ""),
        ("调解", "done", d(2026, 11, 21), None, ""),
        ("达成协议", "done", d(2026, 11, 22), None, ""),
        ("协议生效", "done", d(2026, 11, 22), None, ""),
        ("司法确认", "done", d(2026, 11, 25), None, "裁定有效"),
        ("履行", "current", None, d(2026, 12, 10), "部分履行"),
        ("回访", "done", d(2026, 11, 28), None, ""),
        ("归档", "pending", None, None, ""),
    ]


def test_the_timeline_of_a_new_case_of_a_court_referral_and_of_a_failed_case(station, admin):
    d = dt.date
    fresh = new_case(station, admin)
    assert [(s.label, s.state) for s in timeline(fresh, d(2026, 11, 28))][:3] == [
        ("受理", "current"), ("调解", "pending"), ("达成协议", "pending")]
    data = intake_data(source="court_assigned", received_date="2026-11-02",
                       referral={"kind": "assigned", "court": "新乡市卫滨区人民法院", "reference_number": "（2026）豫0703委调1号",
                                 "signed_for_date": "2026-11-02"})
    referred = station.cases.accept(admin, station.cases.intake(admin, CaseIntake(**data)).id,
                                    accepted_date=d(2026, 11, 2))
    mediation = timeline(referred, d(2026, 11, 28))[1]
    assert (mediation.label, mediation.state, mediation.due, mediation.note) == ("调解", "current", d(2026, 12, 2),
                                                                             "委派调解期限")
    failed = failed_case(station, admin)
    assert [(s.label, s.state) for s in timeline(failed, d(2026, 11, 28))] == [
        ("受理", "done"), ("调解", "done"), ("调解不成（终止）", "done"), ("无争议事实记载", "done"), ("归档", "pending")]
    # an agreement whose 30 days went by without an application: skipped, and said so
    case = mediating_case(station, admin, title="王五与赵六相邻关系纠纷")
    case = station.cases.save_agreement(admin, case.id, AgreementInput(
        facts_and_disputes="x", clauses=[{"text": "赵六赔偿王五500元", "amount": "500"}], performance_method="现金",
        party_signatures=sign_all(case), mediator_signed_date="2026-11-22", sealed_date="2026-11-22"))
    confirmation = next(s for s in timeline(case, d(2027, 1, 5)) if s.label == "司法确认")
    assert (confirmation.state, confirmation.note) == ("skipped", "30日内未申请")


def test_a_case_can_print_each_records_document_once_it_holds_the_record(station, admin):
    from suyuan_desktop.core.services.guidance import printable_documents
    fresh = new_case(station, admin)
    assert set(printable_documents(fresh)) == {"application", "registration", "notice", "cover", "service_address"}
    done = concluded_case(station, admin)   # sessions, a written agreement, confirmation, a follow-up
    assert {"session", "agreement", "judicial_confirmation", "follow_up"} <= set(printable_documents(done))
    assert "termination" not in printable_documents(done) and "undisputed_facts" not in printable_documents(done)
    failed = failed_case(station, admin)
    assert {"termination", "court_package"} <= set(printable_documents(failed))
    assert "agreement" not in printable_documents(failed) and "court_package" not in printable_documents(done)
