"""The built-in holiday calendar seed (replaced by the district's published calendar)."""
from __future__ import annotations

import datetime as dt
import json
from importlib import resources

from .deadlines import HolidayCalendar


def builtin_calendar_rows() -> tuple[str, list[tuple[dt.date, bool]]]:
    """(version, [(date, is_holiday)]) where is_holiday False marks a make-up working day."""
    data = json.loads(resources.files(__package__).joinpath("data/holidays.json").read_text("utf-8"))
    rows = [(dt.date.fromisoformat(d), True) for d in data["holidays"]]
    rows += [(dt.date.fromisoformat(d), False) for d in data["workdays"]]
    return data["version"], rows


def calendar_from_rows(rows) -> HolidayCalendar:
    return HolidayCalendar(
        holidays=frozenset(d for d, h in rows if h), workdays=frozenset(d for d, h in rows if not h)
    )
