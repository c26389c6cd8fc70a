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

    @pytest.mark.parametrize("kind,proc,days", [
        (ReferralKind.ASSIGNED, None, 30), (ReferralKind.ENTRUSTED, ReferralProcedure.ORDINARY, 15),
        (ReferralKind.ENTRUSTED, ReferralProcedure.SIMPLIFIED, 7)])
    def test_referral_limits(self, kind, proc, days):
        assert deadlines.referral_limit_days(kind, proc) == days
        signed = dt.date(2026, 3, 2)
        assert deadlines.referral_deadline(signed, kind, proc, CAL) == CAL.next_working_day_if_rest(
            signed + dt.timedelta(days=days))


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
