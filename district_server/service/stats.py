"""The district's figures across its stations, from the records they synced (docs/statistics.md).

The counting is the stations' own (``suyuan_desktop.core.domain.statistics``); this module only
reads the synced states of the records a figure needs and hands them over as the protocol names
their fields. The 30 days of 司法确认 follow the holiday calendar the district publishes.
"""
from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

from sqlalchemy import delete, func, insert, select

from suyuan_desktop.core.domain import deadlines
from suyuan_desktop.core.domain.clock import CHINA_TZ
from suyuan_desktop.core.domain.district_tables import Weights, assessment, court_handoff, parse_weights
from suyuan_desktop.core.domain.enums import DisputeType
from suyuan_desktop.core.domain.statistics import (
    CaseFacts, Period, Report, ScreeningFacts, build_facts, report,
)

from .. import db
from ..db import case_facts, entities
from .common import ApiError

RELATED = ("agreements", "court_referrals", "judicial_confirmations", "follow_ups", "escalation_preventions",
           "issued_documents")   # the last: a court hand-off package
CHUNK = 500
# the case_facts columns that are CaseFacts fields of the same name
_SAME = tuple(c.name for c in case_facts.columns if c.name not in ("case_id", "amount", "escalations"))
# the columns a report reads, in the order _facts takes them
_READ = (case_facts.c.case_id, case_facts.c.case_number, case_facts.c.station_code, case_facts.c.dispute_type,
         case_facts.c.source, case_facts.c.received_date, case_facts.c.closed_date, case_facts.c.outcome,
         case_facts.c.referral_kind, case_facts.c.referral_deadline, case_facts.c.amount,
         case_facts.c.written_agreement_effective, case_facts.c.confirmation_applied, case_facts.c.confirmation_outcome,
         case_facts.c.performance, case_facts.c.performance_deadline, case_facts.c.first_follow_up,
         case_facts.c.escalations, case_facts.c.status, case_facts.c.termination_reason, case_facts.c.court,
         case_facts.c.court_reference, case_facts.c.handed_off)


def _facts(rows, deadline) -> list[CaseFacts]:
    """``CaseFacts`` from ``case_facts`` rows (``_READ``), sharing one object per day and per code
    as the station's do (counting reads them from the processor's cache)."""
    shared: dict = {}
    day = word = shared.setdefault  # (x, x): the first object of each value stands for all
    return [CaseFacts(
        i, number, word(station, station), word(dtype, dtype), word(source, source), day(received, received),
        day(closed, closed), word(outcome, outcome), word(rkind, rkind), day(rdeadline, rdeadline),
        Decimal(amount) if amount is not None else None, day(effective, effective),
        deadline(effective) if effective is not None else None, day(applied, applied), word(aoutcome, aoutcome),
        word(performance, performance), day(pdeadline, pdeadline), day(first, first),
        tuple((k, int(n), dt.date.fromisoformat(d)) for k, n, d in escalations) if escalations else (),
        word(status, status), reason, court, reference, day(handed, handed))
        for (i, number, station, dtype, source, received, closed, outcome, rkind, rdeadline, amount, effective,
             applied, aoutcome, performance, pdeadline, first, escalations, status, reason, court, reference,
             handed) in rows]


def refresh_case_facts(conn, case_ids: list[str], *, rows_exist: bool = True) -> None:
    """Rewrite the ``case_facts`` rows of ``case_ids`` from their entities' current states: the
    live ones get a row (under the station that holds the case now), deleted ones none.
    ``rows_exist=False`` (a rebuild into an emptied table) skips removing the old rows."""
    for i in range(0, len(case_ids), CHUNK):
        ids = case_ids[i:i + CHUNK]
        rows = conn.execute(select(entities.c.entity_type, entities.c.entity_id, entities.c.scope, entities.c.state)
                            .where(entities.c.case_id.in_(ids), entities.c.entity_type.in_(("cases", *RELATED)),
                                   entities.c.deleted.is_(False))).all()
        cases, related, packages = [], {t: [] for t in RELATED}, []
        for etype, eid, scope, state in rows:
            if etype == "cases":
                cases.append({**state, "id": eid, "station_code": scope})
            elif etype == "issued_documents":
                made_on = (state.get("data") or {}).get("made_on") if state.get("doc_type") == "court_package" else None
                if made_on:
                    packages.append({"case_id": state["case_id"], "made_on": made_on})
            else:
                related[etype].append(state)
        facts = build_facts(cases, *(related[t] for t in RELATED if t != "issued_documents"), lambda day: None,
                            packages=packages)
        if rows_exist:
            conn.execute(delete(case_facts).where(case_facts.c.case_id.in_(ids)))
        if facts:
            conn.execute(insert(case_facts), [
                {"case_id": f.id, **{name: getattr(f, name) for name in _SAME},
                 "amount": str(f.amount) if f.amount is not None else None,
                 "escalations": [[k, n, d.isoformat()] for k, n, d in f.escalations] or None} for f in facts])


def rebuild_case_facts(conn) -> int:
    """Fill ``case_facts`` for every case held (after the table is created, or to repair it)."""
    conn.execute(delete(case_facts))
    ids = conn.execute(select(entities.c.entity_id).where(entities.c.entity_type == "cases")
                       .order_by(entities.c.entity_id)).scalars().all()
    for i in range(0, len(ids), 2000):
        refresh_case_facts(conn, ids[i:i + 2000], rows_exist=False)
    return len(ids)


class StatsOps:
    def holiday_calendar(self) -> deadlines.HolidayCalendar:
        """The calendar the district has published, or weekends alone before one is."""
        try:
            row = self.get_reference("holiday_calendar")
        except ApiError:  # not published yet
            return deadlines.HolidayCalendar()
        days = row.data.get("days", []) if isinstance(row.data, dict) else []
        return deadlines.HolidayCalendar(
            holidays=frozenset(dt.date.fromisoformat(d["day"]) for d in days if d.get("is_holiday")),
            workdays=frozenset(dt.date.fromisoformat(d["day"]) for d in days if not d.get("is_holiday")))

    def report_facts(self, start: dt.date, end: dt.date, *, basis: str = "received",
                     stations: tuple[str, ...] | None = None) -> tuple[list[CaseFacts], list[ScreeningFacts]]:
        """Every live case of ``stations`` (all when None) received (or closed) between ``start``
        and ``end``, as the district holds it, and their 排查 rounds in those dates."""
        column = case_facts.c.received_date if basis == "received" else case_facts.c.closed_date

        def read(conn):
            # in date order: the facts are then made, and laid out in memory, in the order counted
            q = select(*_READ).where(column >= start, column <= end).order_by(column)
            if stations:
                q = q.where(case_facts.c.station_code.in_(stations))
            rows = conn.execute(q).all()
            q = select(entities.c.entity_id, entities.c.scope, entities.c.state).where(
                entities.c.entity_type == "screenings", entities.c.deleted.is_(False))
            if stations:
                q = q.where(entities.c.scope.in_(stations))
            screenings = []
            for eid, scope, state in conn.execute(q):
                day = dt.date.fromisoformat(state["screened_on"][:10])
                if start <= day <= end:
                    screenings.append(ScreeningFacts(eid, scope, day, int(state["disputes_found"]),
                                                     int(state["disputes_prevented"])))
            return rows, screenings
        rows, screenings = db.run_tx(self.engine, read)
        calendar = self.holiday_calendar()
        deadline = functools.lru_cache(maxsize=None)(lambda day: deadlines.judicial_confirmation_deadline(day, calendar))
        return _facts(rows, deadline), screenings

    def _refresh_facts(self, conn, work) -> None:
        """Rewrite the ``case_facts`` of every case this transaction changed or moved (a case, or
        one of the records counted with it); called by the feed's publishing, which every
        entity-changing transaction ends with."""
        cases = {eid for (_, etype, eid) in work.feed_rows if etype == "cases"}
        for etype in RELATED:
            ids = sorted({eid for (_, t, eid) in work.feed_rows if t == etype})
            for i in range(0, len(ids), CHUNK):
                cases.update(conn.execute(select(entities.c.case_id).where(
                    entities.c.entity_type == etype, entities.c.entity_id.in_(ids[i:i + CHUNK]))).scalars())
        cases.discard(None)
        if cases:
            refresh_case_facts(conn, sorted(cases))

    def assessment_weights(self) -> Weights | None:
        """The 考核 weights the district has published, or None before it has."""
        try:
            return parse_weights(self.get_reference("assessment_weights").data)
        except ApiError:
            return None

    def last_syncs(self, stations: tuple[str, ...] | None = None) -> dict[str, dt.date | None]:
        """Each station's last successful sync: the latest a device of it that is not revoked was
        seen (a device is seen when it says hello, pushes or acknowledges what it pulled)."""
        def read(conn):
            q = select(db.stations.c.code, func.max(db.devices.c.last_seen_at)).select_from(
                db.stations.outerjoin(db.devices, (db.devices.c.station_code == db.stations.c.code)
                                      & db.devices.c.revoked_at.is_(None))).group_by(db.stations.c.code)
            if stations:
                q = q.where(db.stations.c.code.in_(stations))
            return conn.execute(q).all()
        return {code: (_local_day(seen) if seen else None) for code, seen in db.run_tx(self.engine, read)}

    def district_report(self, period: Period, *, basis: str = "received", stations: tuple[str, ...] | None = None,
                        by=("station", "type", "source", "month"), as_of: dt.date | None = None) -> Report:
        """The district's report; by station it ends with the 考核 table and the 诉调对接 listing."""
        earliest = min(period.start, period.previous().start, period.year_ago().start)
        facts, screenings = self.report_facts(earliest, period.end, basis=basis, stations=stations)
        today = as_of or period.end

        def more(index):
            if "station" not in by:
                return []
            types = {t.value: t.label for t in DisputeType}
            return [assessment(index, period, today, self.assessment_weights(), self.last_syncs(stations)),
                    court_handoff(index, period, types)]
        return report(facts, period, basis=basis, by=by, as_of=as_of, screenings=screenings, more=more)

    def cases_per_station(self, start: dt.date, end: dt.date) -> dict[str, int]:
        """How many live cases each station received between ``start`` and ``end`` (a count in
        the database, not facts in memory)."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(case_facts.c.station_code, func.count()).where(
                case_facts.c.received_date >= start, case_facts.c.received_date <= end)
                .group_by(case_facts.c.station_code)).all())

    def rejected_per_station(self) -> dict[str, int]:
        """How many of each station's changes the district refused (they wait at the station)."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(db.devices.c.station_code, func.count()).select_from(
                db.changes_received.join(db.devices, db.devices.c.id == db.changes_received.c.device_id))
                .where(db.changes_received.c.status == "rejected").group_by(db.devices.c.station_code)).all())

    def station_names(self) -> dict[str, str]:
        return dict(db.run_tx(self.engine, lambda conn: conn.execute(select(db.stations.c.code, db.stations.c.name)).all()))


def _local_day(at: dt.datetime) -> dt.date:
    """The district's day (China Standard Time) of a stored UTC time."""
    return (at.replace(tzinfo=dt.timezone.utc) if at.tzinfo is None else at).astimezone(CHINA_TZ).date()
