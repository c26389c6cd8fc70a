"""What a use case needs from its station, and nothing more: the store, the attachment store, the
station's clock and working-day calendar, and the station's own code (docs/architecture.md).

``StationApp`` (the composition root) builds one context and hands it to every service; a test or a
tool can build services on a context of its own. Services that need another service (the kiosk's
self-service needs intake and documents) are handed that service too, never the whole station.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from ..domain import calendar_data
from ..domain.clock import Clock
from ..domain.deadlines import HolidayCalendar
from ..store.blobs import BlobStore
from ..store.engine import Store
from ..store.models import Holiday, Station


@dataclass(eq=False)
class StationContext:
    data_dir: Path
    store: Store
    blobs: BlobStore
    station_code: str
    clock: Clock
    _calendar: HolidayCalendar | None = field(default=None, repr=False)

    def today(self) -> dt.date:
        """The station's date (China Standard Time; docs/clock.md)."""
        return self.clock.today()

    def calendar(self) -> HolidayCalendar:
        """The working-day calendar deadlines count in: the district's, as last installed."""
        if self._calendar is None:
            with self.store.read() as s:
                rows = [(h.day, h.is_holiday) for h in s.execute(select(Holiday)).scalars()]
            self._calendar = calendar_data.calendar_from_rows(rows)
        return self._calendar

    def forget_calendar(self) -> None:
        """A new calendar was installed: the next ``calendar()`` reads it."""
        self._calendar = None

    def station(self):
        """This station's record (name, committee, case-number template) as a view."""
        from . import views as v
        with self.store.read() as s:
            return v.view(v.StationView, s.get(Station, self.station_code))

    @property
    def templates_dir(self) -> Path:
        """Where a station keeps its own document templates."""
        return self.data_dir / "templates"
