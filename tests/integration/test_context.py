"""A service reads the station only through the context it is handed: its store, its clock, its
calendar and its code. Built on a context of its own, a service sees that context's date."""
from __future__ import annotations

import datetime as dt

import pytest

from suyuan_desktop.core.domain.clock import Clock
from suyuan_desktop.core.domain.errors import ValidationError
from suyuan_desktop.core.services.cases import CaseService
from suyuan_desktop.core.services.context import StationContext
from suyuan_desktop.core.services.inputs import CaseIntake
from suyuan_desktop.core.store.tracking import SYSTEM
from tests.helpers.builders import intake_data, new_case


def _own_context(station, day: dt.date) -> StationContext:
    return StationContext(data_dir=station.data_dir, store=station.store, blobs=station.blobs,
                          station_code=station.station_code, clock=Clock(day))


def test_a_case_service_on_its_own_context_keeps_that_contexts_date(station, admin):
    earlier = CaseService(_own_context(station, dt.date(2026, 11, 15)))
    with pytest.raises(ValidationError) as exc:   # received 2026-11-20 is five days ahead of this clock
        earlier.intake(admin, CaseIntake(**intake_data()))
    assert [e.path for e in exc.value.errors] == ["received_date"]
    case = new_case(station, admin)                # the station's own clock reads 2026-11-28
    assert case.received_date == dt.date(2026, 11, 20)
    # both write to the one store: the case is found through the other service
    assert earlier.get(case.id).case_number == case.case_number


def test_the_clock_set_on_the_station_is_the_one_every_service_reads(station, admin):
    station.set_clock(Clock(dt.date(2027, 2, 3)))
    assert {station.cases.ctx.today(), station.documents.ctx.today(), station.stats.ctx.today(),
            station.sync.ctx.today(), station.users.ctx.today()} == {dt.date(2027, 2, 3)}
    case = new_case(station, admin, received_date=None)
    assert case.received_date == dt.date(2027, 2, 3)


def test_a_new_calendar_reaches_the_deadlines_at_once(station):
    before = station.calendar()
    assert station.cases.ctx.calendar() is before
    day = dt.date(2027, 6, 7)
    assert not before.is_rest_day(day)             # a Monday
    station.replace_holidays(SYSTEM, "test-1", [(day, True)])
    assert station.cases.ctx.calendar().is_rest_day(day)


def test_opening_the_station_and_its_statistics_loads_no_document_or_sync_machinery(station):
    """The first screen and the 统计 page come up without ReportLab, pypdf, pydantic or httpx: those
    load when a document is printed or a sync runs (docs/architecture.md)."""
    import os
    import subprocess
    import sys
    code = ("import sys; from suyuan_desktop.core.services.station import StationApp; "
            f"app = StationApp.open({str(station.data_dir)!r}); app.cases.deadlines(); app.stats; app.self_service; "
            "print(sorted(m for m in ('reportlab', 'pypdf', 'pydantic', 'httpx') if m in sys.modules))")
    station.close()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ), check=True)
    assert out.stdout.strip() == "[]", out.stderr
