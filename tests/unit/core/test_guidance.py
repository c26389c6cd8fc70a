"""The next step on a case and its countdown, for literal cases."""
from __future__ import annotations

import datetime as dt

from suyuan_desktop.core.services.guidance import confirmation_window_open, next_step
from suyuan_desktop.core.services.inputs import AgreementInput, CaseIntake
from tests.helpers.builders import assign_mediator, intake_data, mediating_case, new_case, sign_all


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
