"""Statutory time limits.

民诉法 Art. 85: the start day is not counted; when the last day falls on a statutory holiday
(weekends included, unless the day is an official make-up working day), the period ends on the
first working day after it. The calendar is data the district can update (reference data).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .enums import ReferralKind, ReferralProcedure

JUDICIAL_CONFIRMATION_DAYS = 30     # 人民调解法 Art. 33, 民诉法 Art. 205
NO_OBJECTION_DAYS = 7               # 法发〔2016〕14号 item 26 (configurable: wording unconfirmed)


@dataclass(frozen=True)
class HolidayCalendar:
    """Statutory holidays and make-up working days (调休上班日)."""

    holidays: frozenset[dt.date] = field(default_factory=frozenset)
    workdays: frozenset[dt.date] = field(default_factory=frozenset)

    def is_rest_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return False
        return day in self.holidays or day.weekday() >= 5

    def next_working_day_if_rest(self, day: dt.date) -> dt.date:
        while self.is_rest_day(day):
            day += dt.timedelta(days=1)
        return day


def period_end(start: dt.date, days: int, calendar: HolidayCalendar) -> dt.date:
    """Last day of a period of ``days`` days starting on ``start`` (start day not counted)."""
    return calendar.next_working_day_if_rest(start + dt.timedelta(days=days))


def judicial_confirmation_deadline(effective_date: dt.date, calendar: HolidayCalendar) -> dt.date:
    return period_end(effective_date, JUDICIAL_CONFIRMATION_DAYS, calendar)


def referral_limit_days(kind: ReferralKind, procedure: ReferralProcedure | None = None) -> int:
    """特邀调解规定 Art. 27: 委派 30 days; 委托 15 days (ordinary) or 7 days (simplified)."""
    if kind is ReferralKind.ASSIGNED:
        return 30
    return 7 if procedure is ReferralProcedure.SIMPLIFIED else 15


def referral_deadline(signed_for: dt.date, kind: ReferralKind, procedure: ReferralProcedure | None,
                      calendar: HolidayCalendar, extension_days: int = 0) -> dt.date:
    return period_end(signed_for, referral_limit_days(kind, procedure) + extension_days, calendar)


def days_left(deadline: dt.date, today: dt.date) -> int:
    return (deadline - today).days
