"""统计: the station's figures for a period, read from its records (docs/statistics.md).

The counting is ``domain.statistics``; this module reads, for the cases a report can touch (the
period, the one before and the same period a year earlier), only what a figure needs, in a few
column queries rather than loading cases as objects.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, select

from ..domain import deadlines
from ..domain.statistics import CaseFacts, Period, Report, report
from ..store.models import (
    Agreement, Case, CourtReferral, EscalationPrevention, FollowUp, JudicialConfirmation,
)

SUCCESS_STATUSES = {"agreed", "confirm_applied", "confirmed", "confirm_rejected", "performing", "performed"}
OPEN_STATUSES = {"received", "accepted", "in_mediation", "suspended"}


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


def outcome_of(status: str, agreement_kind: str | None, refused: bool, withdrawn: bool, terminated: bool) -> str:
    """A case's outcome from its status and what it holds (an archived case keeps its outcome in
    its records: an effective agreement, a refusal, a withdrawal or a termination)."""
    if status in OPEN_STATUSES:
        return "open"
    if agreement_kind is not None and (status in SUCCESS_STATUSES or status == "archived"):
        return f"success_{agreement_kind}"
    if status == "refused" or refused:
        return "refused"
    if status == "withdrawn" or withdrawn:
        return "withdrawn"
    return "failed"  # failed, returned to court, or archived after either (terminated or not)


class StatsService:
    def __init__(self, app):
        self.app = app

    def facts(self, start: dt.date, end: dt.date, basis: str = "received") -> list[CaseFacts]:
        """Every live case received (or closed) between ``start`` and ``end``."""
        column = Case.received_date if basis == "received" else Case.closed_date
        in_range = and_(Case.deleted_at.is_(None), column >= start, column <= end)
        calendar = self.app.calendar()
        confirmation_deadline = functools.lru_cache(maxsize=None)(
            lambda day: deadlines.judicial_confirmation_deadline(day, calendar))
        with self.app.store.read() as session:
            s = session.connection()  # Core rows: the ORM's row processing costs a third as much again
            cases = s.execute(select(Case.id, Case.case_number, Case.station_code, Case.dispute_type, Case.source,
                                     Case.status, Case.received_date, Case.closed_date, Case.refusal_reason.is_not(None),
                                     Case.withdrawal_reason.is_not(None), Case.termination_reason.is_not(None))
                              .where(in_range)).all()
            wanted = {c[0] for c in cases}
            # the related rows are read whole and matched here: an IN (subquery) per table costs a
            # lookup per case in every one of them (docs/statistics.md, "Speed")
            agreements = {row[0]: row for row in s.execute(
                select(Agreement.case_id, Agreement.kind, Agreement.total_amount, Agreement.effective_date,
                       Agreement.performance_deadline)
                .where(Agreement.state == "effective", Agreement.deleted_at.is_(None))) if row[0] in wanted}
            referrals = {row[0]: row for row in s.execute(
                select(CourtReferral.case_id, CourtReferral.kind, CourtReferral.deadline)
                .where(CourtReferral.deleted_at.is_(None))) if row[0] in wanted}
            confirmations: dict = {}
            for case_id, applied, outcome in s.execute(
                    select(JudicialConfirmation.case_id, JudicialConfirmation.applied_date, JudicialConfirmation.outcome)
                    .where(JudicialConfirmation.deleted_at.is_(None))
                    .order_by(JudicialConfirmation.applied_date)):
                if case_id in wanted:
                    first = confirmations.get(case_id)
                    # the first application decides whether the 30 days were kept; the latest its outcome
                    confirmations[case_id] = (first[0] if first else applied, outcome)
            escalations: dict = {}
            for case_id, kind, persons, day in s.execute(
                    select(EscalationPrevention.case_id, EscalationPrevention.kind, EscalationPrevention.persons,
                           EscalationPrevention.recorded_date).where(EscalationPrevention.deleted_at.is_(None))):
                if case_id in wanted:
                    escalations.setdefault(case_id, []).append((kind, persons, day))
            visits: dict = {}
            latest: dict = {}
            for case_id, visit, status in s.execute(
                    select(FollowUp.case_id, FollowUp.visit_date, FollowUp.performance_status)
                    .where(FollowUp.deleted_at.is_(None))
                    .order_by(FollowUp.visit_date, FollowUp.created_at)):
                if case_id in wanted:
                    visits.setdefault(case_id, visit)
                    latest[case_id] = status
        out = []
        for (id_, number, code, dtype, source, status, received, closed, refused, withdrawn, terminated) in cases:
            ag = agreements.get(id_)
            ref = referrals.get(id_)
            jc = confirmations.get(id_)
            written = ag is not None and ag[1] == "written" and ag[3] is not None
            out.append(CaseFacts(
                id=id_, case_number=number, station_code=code, dispute_type=dtype, source=source,
                received_date=received, closed_date=closed,
                outcome=outcome_of(status, ag[1] if ag else None, refused, withdrawn, terminated),
                referral_kind=ref[1] if ref else None, referral_deadline=ref[2] if ref else None,
                amount=Decimal(ag[2]) if ag and ag[2] is not None else None,
                written_agreement_effective=ag[3] if written else None,
                confirmation_deadline=confirmation_deadline(ag[3]) if written else None,
                confirmation_applied=jc[0] if jc else None, confirmation_outcome=jc[1] if jc else None,
                performance=latest.get(id_), performance_deadline=ag[4] if ag else None,
                first_follow_up=visits.get(id_), escalations=tuple(escalations.get(id_, ()))))
        return out

    def report(self, period: Period, *, basis: str = "received", by=("type", "source", "month")) -> Report:
        earliest = min(period.start, period.previous().start, period.year_ago().start)
        return report(self.facts(earliest, period.end, basis), period, basis=basis, by=by, as_of=self.app.today())

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
