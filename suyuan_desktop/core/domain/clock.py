"""The station's clock: the one source of "today" and "now".

Legal dates (the 30-day window for 司法确认, referral limits, "received no later than today") are
dates in China Standard Time, whatever time zone the computer is set to: a station PC left on UTC
still starts its day at 00:00 Beijing time, not at 08:00. China has had no daylight saving time
since 1991, so a fixed UTC+8 offset is exact and needs no time-zone database (Windows has none).

A clock may be *fixed* to a date: that date is then "today", and "now" is the real instant moved
by whole days onto it (the time of day keeps running, so timestamps stay ordered). Tests fix it;
so can support staff, through the ``SUYUAN_CLOCK`` environment variable (``2026-11-28``), for a
process and every process it starts. See docs/clock.md.

Nothing else in the code base reads the computer's clock; a test in the suite enforces it.
"""
from __future__ import annotations

import datetime as dt
import os

CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")
ENV = "SUYUAN_CLOCK"


def _wall() -> dt.datetime:
    """The computer's clock, as an aware UTC instant: the only place that reads it."""
    return dt.datetime.now(dt.timezone.utc)


class Clock:
    """Today and now for a station; ``fixed`` pins today to a date (tests, support)."""

    def __init__(self, fixed: dt.date | None = None, *, tz: dt.tzinfo = CHINA_TZ, wall=_wall):
        if isinstance(fixed, dt.datetime):
            fixed = fixed.date()
        self.fixed = fixed
        self.tz = tz
        self._wall = wall

    def now(self) -> dt.datetime:
        """The current instant, aware, in the station's time zone."""
        real = self._wall().astimezone(self.tz)
        if self.fixed is None:
            return real
        return real + (self.fixed - real.date())

    def today(self) -> dt.date:
        return self.fixed if self.fixed is not None else self.now().date()

    def utcnow(self) -> dt.datetime:
        """Naive UTC, the way the databases store timestamps."""
        return self.now().astimezone(dt.timezone.utc).replace(tzinfo=None)

    def __repr__(self) -> str:
        return f"Clock(fixed={self.fixed!r}, tz={self.tz})"


def parse_fixed(value: str | None) -> dt.date | None:
    """The date of a ``SUYUAN_CLOCK`` value, or None when it is unset or empty."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"{ENV}={value!r}：应为日期，如 2026-11-28。") from None


_cache: tuple[str, Clock] | None = None


def system() -> Clock:
    """The process's clock: the real one, or fixed by ``SUYUAN_CLOCK`` (re-read when it changes)."""
    global _cache
    value = os.environ.get(ENV, "")
    if _cache is None or _cache[0] != value:
        _cache = (value, Clock(parse_fixed(value)))
    return _cache[1]


def utcnow() -> dt.datetime:
    """Naive UTC from the process's clock (column defaults, sync bookkeeping)."""
    return system().utcnow()


def to_station_time(naive_utc: dt.datetime) -> dt.datetime:
    """A stored timestamp (naive UTC) as the station's wall time (China Standard Time, naive)."""
    return naive_utc.replace(tzinfo=dt.timezone.utc).astimezone(CHINA_TZ).replace(tzinfo=None)


def cn_date(day: dt.date) -> str:
    """2026年03月05日. Written out, never through strftime: Windows' C library encodes the
    format in the locale's code page, and 年月日 fail on a station whose locale is not Chinese
    (docs/clock.md)."""
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


class Formattable:
    """A date for ``str.format`` templates that carry their own date format (translations):
    ``{deadline:%Y年%m月%d日}`` and ``{deadline:%Y-%m-%d}`` are expanded here, not by strftime."""

    def __init__(self, day: dt.date):
        self.day = day

    def __format__(self, spec: str) -> str:
        if not spec:
            return self.day.isoformat()
        return (spec.replace("%Y", f"{self.day.year:04d}").replace("%m", f"{self.day.month:02d}")
                .replace("%d", f"{self.day.day:02d}"))
