import datetime as dt
import itertools

import pytest

from suyuan_desktop.core.domain import deadlines
from suyuan_desktop.core.domain.calendar_data import builtin_calendar_rows, calendar_from_rows
from suyuan_desktop.core.domain.case_numbers import (
    DEFAULT_TEMPLATE, case_number_pattern, format_case_number, validate_template,
)
from suyuan_desktop.core.domain.enums import CaseStatus, ReferralKind, ReferralProcedure
from suyuan_desktop.core.domain.errors import InvalidTransition, ValidationError
from suyuan_desktop.core.domain.state_machine import TRANSITIONS, allowed_targets, check_transition

# What the law says about moving a case on, written out (not read from the table under test).
S = CaseStatus
LEGAL = [
    (S.RECEIVED, S.ACCEPTED, True), (S.RECEIVED, S.REFUSED, True),          # Art. 17: accept, or a party refuses
    (S.RECEIVED, S.AGREED, False), (S.RECEIVED, S.FAILED, False),           # nothing concludes unaccepted
    (S.ACCEPTED, S.IN_MEDIATION, True), (S.IN_MEDIATION, S.AGREED, True),
    (S.IN_MEDIATION, S.FAILED, True),                                        # Art. 26: mediation fails, it ends
    (S.IN_MEDIATION, S.SUSPENDED, True), (S.SUSPENDED, S.IN_MEDIATION, True),
    (S.SUSPENDED, S.AGREED, False),                                          # resume first
    (S.AGREED, S.IN_MEDIATION, False),                                       # Art. 31: an agreement binds
    (S.AGREED, S.CONFIRM_APPLIED, True),                                     # Art. 33: apply within 30 days
    (S.CONFIRM_REJECTED, S.IN_MEDIATION, True),                              # Art. 33: change it by mediation
    (S.FAILED, S.AGREED, False), (S.FAILED, S.RETURNED_TO_COURT, True),
    (S.REFUSED, S.IN_MEDIATION, False), (S.ARCHIVED, S.IN_MEDIATION, False), (S.ARCHIVED, S.RECEIVED, False),
]


@pytest.mark.parametrize("current,target,allowed", LEGAL, ids=lambda v: getattr(v, "value", str(v)))
def test_transitions_the_law_allows_and_forbids(current, target, allowed):
    if allowed:
        check_transition(current, target)
    else:
        with pytest.raises(InvalidTransition):
            check_transition(current, target)


ALLOWED = [(a, b) for a, b in itertools.product(CaseStatus, CaseStatus) if b in TRANSITIONS[a]]
FORBIDDEN = [(a, b) for a, b in itertools.product(CaseStatus, CaseStatus) if b not in TRANSITIONS[a]]


@pytest.mark.parametrize("current,target", ALLOWED, ids=lambda s: s.value)
def test_allowed_transition(current, target):
    check_transition(current, target)
    assert target in allowed_targets(current)


@pytest.mark.parametrize("current,target", FORBIDDEN, ids=lambda s: s.value)
def test_forbidden_transition_names_both_states(current, target):
    with pytest.raises(InvalidTransition) as exc:
        check_transition(current, target)
    assert exc.value.current is current and exc.value.target is target
    assert current.label in exc.value.message and target.label in exc.value.message


def test_every_state_is_reachable_from_intake_and_archived_is_final():
    seen, todo = {CaseStatus.RECEIVED}, [CaseStatus.RECEIVED]
    while todo:
        for nxt in TRANSITIONS[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert seen == set(CaseStatus)
    assert TRANSITIONS[CaseStatus.ARCHIVED] == frozenset()


CAL = calendar_from_rows(builtin_calendar_rows()[1])


class TestDeadlines:
    def test_plain_thirty_days_start_day_not_counted(self):
        # 2026-03-02 (Mon) + 30 = 2026-04-01 (Wed)
        assert deadlines.judicial_confirmation_deadline(dt.date(2026, 3, 2), CAL) == dt.date(2026, 4, 1)

    def test_last_day_on_a_weekend_moves_to_monday(self):
        # 2026-11-07 + 30 = 2026-12-07? choose a start that lands on Saturday 2026-12-05
        assert deadlines.judicial_confirmation_deadline(dt.date(2026, 11, 5), CAL) == dt.date(2026, 12, 7)

    def test_last_day_in_national_day_holiday_moves_past_it(self):
        # 2026-09-01 + 30 = 2026-10-01, holiday until 10-07; 10-08 is a Thursday
        assert deadlines.judicial_confirmation_deadline(dt.date(2026, 9, 1), CAL) == dt.date(2026, 10, 8)

    def test_make_up_working_saturday_is_a_working_day(self):
        # 2026-09-10 + 30 = 2026-10-10, a Saturday that is an official working day
        assert dt.date(2026, 10, 10).weekday() == 5
        assert deadlines.judicial_confirmation_deadline(dt.date(2026, 9, 10), CAL) == dt.date(2026, 10, 10)

    def test_updated_calendar_changes_the_result(self):
        cal = deadlines.HolidayCalendar(holidays=frozenset({dt.date(2026, 4, 1)}))
        assert deadlines.judicial_confirmation_deadline(dt.date(2026, 3, 2), cal) == dt.date(2026, 4, 2)

    # 委派 30 days; 委托 15 days (ordinary procedure) or 7 days (simplified), counted from the day
    # after signing for the letter, a last day on a rest day moving to the next working day.
    @pytest.mark.parametrize("kind,proc,signed,days,due", [
        (ReferralKind.ASSIGNED, None, dt.date(2026, 3, 2), 30, dt.date(2026, 4, 1)),                   # a Wednesday
        (ReferralKind.ENTRUSTED, ReferralProcedure.ORDINARY, dt.date(2026, 3, 2), 15, dt.date(2026, 3, 17)),
        (ReferralKind.ENTRUSTED, ReferralProcedure.SIMPLIFIED, dt.date(2026, 3, 2), 7, dt.date(2026, 3, 9)),
        (ReferralKind.ENTRUSTED, ReferralProcedure.SIMPLIFIED, dt.date(2026, 3, 7), 7, dt.date(2026, 3, 16)),  # Sat 14th -> Mon
        (ReferralKind.ASSIGNED, None, dt.date(2026, 9, 5), 30, dt.date(2026, 10, 8)),                  # National Day week
        (ReferralKind.ENTRUSTED, ReferralProcedure.ORDINARY, dt.date(2026, 9, 22), 15, dt.date(2026, 10, 8)),
    ])
    def test_referral_limits_on_literal_dates(self, kind, proc, signed, days, due):
        assert deadlines.referral_limit_days(kind, proc) == days
        assert deadlines.referral_deadline(signed, kind, proc, CAL) == due

    # 人民调解法 Art. 33: 30 days from the agreement taking effect; literal dates around holidays.
    @pytest.mark.parametrize("effective,due", [
        (dt.date(2026, 1, 17), dt.date(2026, 2, 24)),   # day 30 is 2026-02-16, in the Spring Festival break
        (dt.date(2026, 1, 15), dt.date(2026, 2, 14)),   # day 30 is a Saturday worked in lieu of the holiday
        (dt.date(2026, 4, 3), dt.date(2026, 5, 6)),     # day 30 is 2026-05-03, Labour Day holiday
        (dt.date(2026, 12, 1), dt.date(2026, 12, 31)),  # an ordinary Thursday
    ])
    def test_thirty_days_for_judicial_confirmation_on_literal_dates(self, effective, due):
        assert deadlines.judicial_confirmation_deadline(effective, CAL) == due


class TestCaseNumbers:
    def test_default_format(self):
        assert format_case_number(DEFAULT_TEMPLATE, year=2026, short="平原", code="X", seq=1) == "（2026）平原人调字第0001号"

    def test_pattern_recognises_its_numbers(self):
        m = case_number_pattern(DEFAULT_TEMPLATE).match("（2026）平原人调字第0123号")
        assert m and m["year"] == "2026" and int(m["seq"]) == 123

    @pytest.mark.parametrize("template,code", [
        ("{short}人调字第{seq}号", "missing"), ("（{year}）{short}{oops}第{seq}号", "placeholder"),
        ("（{year}{short}第{seq}号", None)])
    def test_bad_templates_are_explained(self, template, code):
        if code is None:
            validate_template(template)  # unbalanced Chinese brackets are fine: only braces matter
            return
        with pytest.raises(ValidationError) as exc:
            validate_template(template)
        assert exc.value.errors[0].code == code and exc.value.errors[0].label == "案号模板"


@pytest.mark.parametrize(("detail", "shown"), [
    (None, "双方分歧较大，难以达成协议"),
    ("双方分歧较大，难以达成协议", "双方分歧较大，难以达成协议"),        # the note repeats the reason: once
    ("双方分歧较大", "双方分歧较大，难以达成协议"),
    ("双方对界址分歧较大", "双方分歧较大，难以达成协议：双方对界址分歧较大"),
])
def test_a_termination_reason_and_its_note_are_never_printed_twice(detail, shown):
    from suyuan_desktop.core.domain.enums import reason_and_detail
    assert reason_and_detail("双方分歧较大，难以达成协议", detail) == shown
