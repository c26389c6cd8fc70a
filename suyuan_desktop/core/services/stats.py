"""统计: the station's figures for a period, read from its records (docs/statistics.md).

The counting is ``domain.statistics``; this module reads, for the cases a report can touch (the
period, the one before and the same period a year earlier), only what a figure needs, in a few
column queries rather than loading cases as objects.
"""
from __future__ import annotations

import datetime as dt
import functools
import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from operator import attrgetter

from sqlalchemy import func, select

from ..domain import deadlines
from ..domain.clock import to_station_time
from ..domain.statistics import CaseFacts, Period, Report, ScreeningFacts, build_facts, report
from ..store.models import (
    Agreement, Case, CourtReferral, EscalationPrevention, FollowUp, IssuedDocument, JudicialConfirmation, Screening,
    StatsChange,
)

_RELATED = (  # what a case's facts are made of besides the case: (model, columns)
    (Agreement, ("kind", "state", "total_amount", "effective_date", "performance_deadline")),
    (CourtReferral, ("kind", "deadline", "court", "reference_number")),
    (JudicialConfirmation, ("applied_date", "outcome")),
    (FollowUp, ("visit_date", "performance_status")),
    (EscalationPrevention, ("kind", "persons", "recorded_date")),
)
_CASE_COLUMNS = (Case.id, Case.case_number, Case.station_code, Case.dispute_type, Case.source, Case.status,
                 Case.received_date, Case.closed_date, Case.refusal_reason.is_not(None).label("refusal_reason"),
                 Case.withdrawal_reason.is_not(None).label("withdrawal_reason"), Case.termination_reason)
CHUNK = 5000


def _read_facts(s, ids: list[str] | None, calendar) -> list[CaseFacts]:
    """The facts of the live cases ``ids`` (all when None), from column queries, made in the
    order of their dates. All of them: every table is read whole once, as rows (an IN (subquery)
    per table costs a lookup per case in every one of them), and the facts are made a chunk of
    cases at a time, so that only a chunk's rows are ever held as mappings (docs/statistics.md,
    "Speed")."""
    deadline = functools.lru_cache(maxsize=None)(lambda day: deadlines.judicial_confirmation_deadline(day, calendar))
    cases = select(*_CASE_COLUMNS).where(Case.deleted_at.is_(None)).order_by(Case.received_date)
    if ids is not None:
        cases = cases.where(Case.id.in_(ids))
    case_rows = s.execute(cases).all()
    case_keys = [c.key for c in _CASE_COLUMNS]
    related = []
    for model, names in _RELATED:
        query = select(model.case_id, *(getattr(model, n) for n in names)).where(model.deleted_at.is_(None))
        by_case: dict[str, list] = defaultdict(list)
        for row in s.execute(query if ids is None else query.where(model.case_id.in_(ids))):
            by_case[row[0]].append(row)
        related.append((("case_id", *names), by_case))
    packages = select(IssuedDocument.case_id, IssuedDocument.created_at).where(
        IssuedDocument.doc_type == "court_package", IssuedDocument.deleted_at.is_(None))
    made: dict[str, list] = defaultdict(list)
    for case_id, at in s.execute(packages if ids is None else packages.where(IssuedDocument.case_id.in_(ids))):
        made[case_id].append({"case_id": case_id, "made_on": to_station_time(at).date()})
    out: list[CaseFacts] = []
    for i in range(0, len(case_rows), CHUNK):
        chunk = [dict(zip(case_keys, row)) for row in case_rows[i:i + CHUNK]]
        out += build_facts(chunk, *([dict(zip(keys, row)) for c in chunk for row in by_case.get(c["id"], ())]
                                    for keys, by_case in related), deadline,
                           packages=[p for c in chunk for p in made.get(c["id"], ())])
    return out


@dataclass(frozen=True)
class ExplainLine:
    """One case behind a cell: what identifies it, no party's name."""

    id: str
    case_number: str
    dispute_type: str
    source: str
    status: str
    received_date: dt.date
    closed_date: dt.date | None


class StatsService:
    """The station's figures. The facts of every live case are kept in memory after the first
    report and brought up to date before each one from ``stats_changes`` (the cases written since,
    recorded by triggers on every path that writes them), so a report re-reads only what changed
    (docs/statistics.md, "Speed")."""

    def __init__(self, ctx, fonts):
        self.ctx = ctx  # a StationContext
        # the printed report uses the station's document fonts, asked for only when it is printed
        # (the document service loads ReportLab and pypdf; the 统计 page must open without them)
        self._fonts = fonts
        self._lock = threading.Lock()
        self._facts: dict[str, CaseFacts] = {}
        self._seen = -1          # the last change read; -1: nothing read yet
        self._calendar = None    # the calendar the 30-day windows were computed with
        self._reports: OrderedDict[tuple, Report] = OrderedDict()  # the last reports, valid until a change

    def facts(self, start: dt.date, end: dt.date, basis: str = "received") -> list[CaseFacts]:
        """Every live case received (or closed) between ``start`` and ``end``."""
        return self._facts_between(start, end, basis)[0]

    def _facts_between(self, start: dt.date, end: dt.date, basis: str) -> tuple[list[CaseFacts], tuple]:
        """The facts, and what they were read as of (the last change, the calendar)."""
        day = attrgetter("received_date" if basis == "received" else "closed_date")
        facts, version = self._current()
        return [f for f in facts if (d := day(f)) is not None and start <= d <= end], version

    def _current(self) -> tuple[list[CaseFacts], tuple]:
        with self._lock:
            calendar = self.ctx.calendar()
            with self.ctx.store.read() as session:
                s = session.connection()  # Core rows: the ORM's row processing costs a third as much again
                # the changes are read before the records: one landing in between is read again next time
                if self._seen < 0 or calendar is not self._calendar:
                    last = s.execute(select(func.coalesce(func.max(StatsChange.seq), 0))).scalar_one()
                    self._facts = {f.id: f for f in _read_facts(s, None, calendar)}
                else:
                    changed = s.execute(select(StatsChange.seq, StatsChange.case_id)
                                        .where(StatsChange.seq > self._seen)).all()
                    last = max((seq for seq, _ in changed), default=self._seen)
                    ids = [case_id for _, case_id in changed]
                    for i in range(0, len(ids), 500):
                        chunk = ids[i:i + 500]
                        for case_id in chunk:
                            self._facts.pop(case_id, None)
                        self._facts.update((f.id, f) for f in _read_facts(s, chunk, calendar))
            self._seen, self._calendar = last, calendar
            return list(self._facts.values()), (last, id(calendar))

    def screenings(self, start: dt.date, end: dt.date) -> list[ScreeningFacts]:
        with self.ctx.store.read() as s:
            return [ScreeningFacts(*row) for row in s.execute(
                select(Screening.id, Screening.station_code, Screening.screened_on, Screening.disputes_found,
                       Screening.disputes_prevented)
                .where(Screening.deleted_at.is_(None), Screening.screened_on >= start, Screening.screened_on <= end))]

    def report(self, period: Period, *, basis: str = "received", by=("type", "source", "month")) -> Report:
        """The report for ``period``. A report asked for again before anything it counts has
        changed (the window's tabs, an export after viewing) is the one already counted."""
        # the period, the one before, a year before and (for a quarter) the four quarters before
        earliest = min(period.start, period.previous().start, period.year_ago().start)
        facts, version = self._facts_between(earliest, period.end, basis)
        today = self.ctx.today()
        key = (period, basis, tuple(by), today, version)
        with self._lock:
            if key in self._reports:
                self._reports.move_to_end(key)
                return self._reports[key]
        result = report(facts, period, basis=basis, by=by, as_of=today, screenings=self.screenings(earliest, period.end))
        with self._lock:
            self._reports[key] = result
            while len(self._reports) > 12:
                self._reports.popitem(last=False)
        return result

    def workbook(self, result: Report) -> bytes:
        """``result`` as an Excel workbook (docs/statistics.md, "Output")."""
        from ..documents.statistics_xlsx import write_xlsx
        return write_xlsx(result, self.ctx.station().name)

    def pdf(self, result: Report) -> bytes:
        """``result`` as a PDF report in the station's document fonts (docs/statistics.md, "Output")."""
        from ..documents.statistics_pdf import write_pdf
        return write_pdf(result, self.ctx.station().name, self._fonts(), self.ctx.today())

    def explain(self, result: Report, ref: str) -> list[ExplainLine]:
        """The cases behind one cell of ``result`` (``KeyError`` for an unknown reference)."""
        ids = result.cell(ref).case_ids
        if not ids:
            return []
        with self.ctx.store.read() as s:
            rows = s.execute(select(Case.id, Case.case_number, Case.dispute_type, Case.source, Case.status, Case.received_date,
                                    Case.closed_date).where(Case.id.in_(ids))
                             .order_by(Case.received_date, Case.case_number)).all()
        return [ExplainLine(*row) for row in rows]
