"""统计: the station's figures for a period, read from its records (docs/statistics.md).

The counting is ``domain.statistics``; this module reads, for the cases a report can touch (the
period, the one before and the same period a year earlier), only what a figure needs, in a few
column queries rather than loading cases as objects.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from sqlalchemy import select

from ..domain import deadlines
from ..domain.statistics import CaseFacts, Period, Report, ScreeningFacts, build_facts, report
from ..store.models import (
    Agreement, Case, CourtReferral, EscalationPrevention, FollowUp, JudicialConfirmation, Screening,
)

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
    def __init__(self, app):
        self.app = app

    def facts(self, start: dt.date, end: dt.date, basis: str = "received") -> list[CaseFacts]:
        """Every live case received (or closed) between ``start`` and ``end``."""
        column = Case.received_date if basis == "received" else Case.closed_date
        calendar = self.app.calendar()
        deadline = functools.lru_cache(maxsize=None)(lambda day: deadlines.judicial_confirmation_deadline(day, calendar))

        def dicts(query) -> list[dict]:
            # plain dicts: a SQLAlchemy RowMapping costs several times as much to read a field from
            result = s.execute(query)
            keys = list(result.keys())
            return [dict(zip(keys, row)) for row in result.all()]

        def live(*columns, model):
            # the related rows are read whole and matched in memory: an IN (subquery) per table
            # costs a lookup per case in every one of them (docs/statistics.md, "Speed")
            return dicts(select(*columns).where(model.deleted_at.is_(None)))
        with self.app.store.read() as session:
            s = session.connection()  # Core rows: the ORM's row processing costs a third as much again
            cases = dicts(select(Case.id, Case.case_number, Case.station_code, Case.dispute_type, Case.source,
                                     Case.status, Case.received_date, Case.closed_date, Case.refusal_reason.is_not(None)
                                     .label("refusal_reason"), Case.withdrawal_reason.is_not(None).label("withdrawal_reason"),
                                     Case.termination_reason.is_not(None).label("termination_reason"))
                          .where(Case.deleted_at.is_(None), column >= start, column <= end))
            return build_facts(
                cases,
                live(Agreement.case_id, Agreement.kind, Agreement.state, Agreement.total_amount, Agreement.effective_date,
                     Agreement.performance_deadline, model=Agreement),
                live(CourtReferral.case_id, CourtReferral.kind, CourtReferral.deadline, model=CourtReferral),
                live(JudicialConfirmation.case_id, JudicialConfirmation.applied_date, JudicialConfirmation.outcome,
                     model=JudicialConfirmation),
                live(FollowUp.case_id, FollowUp.visit_date, FollowUp.performance_status, model=FollowUp),
                live(EscalationPrevention.case_id, EscalationPrevention.kind, EscalationPrevention.persons,
                     EscalationPrevention.recorded_date, model=EscalationPrevention),
                deadline)

    def screenings(self, start: dt.date, end: dt.date) -> list[ScreeningFacts]:
        with self.app.store.read() as s:
            return [ScreeningFacts(*row) for row in s.execute(
                select(Screening.id, Screening.station_code, Screening.screened_on, Screening.disputes_found,
                       Screening.disputes_prevented)
                .where(Screening.deleted_at.is_(None), Screening.screened_on >= start, Screening.screened_on <= end))]

    def report(self, period: Period, *, basis: str = "received", by=("type", "source", "month")) -> Report:
        # the period, the one before, a year before and (for a quarter) the four quarters before
        earliest = min(period.start, period.previous().start, period.year_ago().start)
        return report(self.facts(earliest, period.end, basis), period, basis=basis, by=by, as_of=self.app.today(),
                      screenings=self.screenings(earliest, period.end))

    def workbook(self, result: Report) -> bytes:
        """``result`` as an Excel workbook (docs/statistics.md, "Output")."""
        from ..documents.statistics_xlsx import write_xlsx
        return write_xlsx(result, self.app.station().name)

    def pdf(self, result: Report) -> bytes:
        """``result`` as a PDF report in the station's document fonts (docs/statistics.md, "Output")."""
        from ..documents.statistics_pdf import write_pdf
        return write_pdf(result, self.app.station().name, self.app.documents.fonts, self.app.today())

    def explain(self, result: Report, ref: str) -> list[ExplainLine]:
        """The cases behind one cell of ``result`` (``KeyError`` for an unknown reference)."""
        ids = result.cell(ref).case_ids
        if not ids:
            return []
        with self.app.store.read() as s:
            rows = s.execute(select(Case.id, Case.case_number, Case.dispute_type, Case.source, Case.status, Case.received_date,
                                    Case.closed_date).where(Case.id.in_(ids))
                             .order_by(Case.received_date, Case.case_number)).all()
        return [ExplainLine(*row) for row in rows]
