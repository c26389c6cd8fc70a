"""Reporting periods: a month, a quarter, a year or a range of days, with the period before it
(环比) and the same period a year earlier (同比) (docs/statistics.md)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date      # inclusive
    label: str
    kind: str         # month / quarter / year / range

    def __contains__(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def previous(self) -> "Period":
        """The period just before (环比)."""
        if self.kind == "month":
            return month(*_add_months(self.start.year, self.start.month, -1))
        if self.kind == "quarter":
            y, m = _add_months(self.start.year, self.start.month, -3)
            return quarter(y, (m - 1) // 3 + 1)
        if self.kind == "year":
            return year(self.start.year - 1)
        days = (self.end - self.start).days + 1
        end = self.start - dt.timedelta(days=1)
        start = end - dt.timedelta(days=days - 1)
        return Period(start, end, f"{start.isoformat()}至{end.isoformat()}", "range")

    def year_ago(self) -> "Period":
        """The same period a year earlier (同比)."""
        if self.kind == "month":
            return month(self.start.year - 1, self.start.month)
        if self.kind == "quarter":
            return quarter(self.start.year - 1, (self.start.month - 1) // 3 + 1)
        if self.kind == "year":
            return year(self.start.year - 1)
        start, end = _same_day_year_before(self.start), _same_day_year_before(self.end)
        return Period(start, end, f"{start.isoformat()}至{end.isoformat()}", "range")

    def months(self) -> list[tuple[int, int]]:
        out, (y, m) = [], (self.start.year, self.start.month)
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = _add_months(y, m, 1)
        return out


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + n
    return index // 12, index % 12 + 1


def _month_end(y: int, m: int) -> dt.date:
    ny, nm = _add_months(y, m, 1)
    return dt.date(ny, nm, 1) - dt.timedelta(days=1)


def _same_day_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def month(y: int, m: int) -> Period:
    return Period(dt.date(y, m, 1), _month_end(y, m), f"{y}年{m}月", "month")


def quarter(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(dt.date(y, first, 1), _month_end(y, first + 2), f"{y}年第{'一二三四'[q - 1]}季度", "quarter")


def year(y: int) -> Period:
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), f"{y}年", "year")


class PeriodError(ValueError):
    """The period as typed cannot be read; the message says how to write one."""


HOW_TO_WRITE = "统计期间的写法：2026Q4（季度）、2026-11（月）、2026（年）或 2026-10-01:2026-12-31（起止日期）。"


def parse_period(text: str) -> Period:
    t = (text or "").strip().upper()
    try:
        if m := re.fullmatch(r"(\d{4})Q([1-4])", t):
            return quarter(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", t):
            if not 1 <= int(m[2]) <= 12:
                raise PeriodError(f"月份“{m[2]}”不在 1-12 之间。{HOW_TO_WRITE}")
            return month(int(m[1]), int(m[2]))
        if re.fullmatch(r"\d{4}", t):
            return year(int(t))
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?::|\.\.|至)(\d{4}-\d{2}-\d{2})", t):
            start, end = dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2])
            if end < start:
                raise PeriodError(f"结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}。{HOW_TO_WRITE}")
            return Period(start, end, f"{start.isoformat()}至{end.isoformat()}", "range")
    except ValueError as exc:
        if isinstance(exc, PeriodError):
            raise
        raise PeriodError(f"“{text}”中的日期不存在。{HOW_TO_WRITE}") from None
    raise PeriodError(f"看不懂统计期间“{text}”。{HOW_TO_WRITE}")
