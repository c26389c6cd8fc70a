"""统计: the station's figures for a period, read from its records (docs/statistics.md).

The counting is ``domain.statistics``; this module reads, for the cases a report can touch (the
period, the one before and the same period a year earlier), only what a figure needs, in a few
column queries rather than loading cases as objects.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, select

from ..domain import deadlines
from ..domain.statistics import CaseFacts, Period, Report, report
from ..store.models import Agreement, Case, CourtReferral, FollowUp, JudicialConfirmation

SUCCESS_STATUSES = {"agreed", "confirm_applied", "confirmed", "confirm_rejected", "performing", "performed"}
OPEN_STATUSES = {"received", "accepted", "in_mediation", "suspended"}


@dataclass(frozen=True)
class ExplainLine:
    """One case behind a cell: what identifies it, no party's name."""

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
        ids = select(Case.id).where(in_range)
        calendar = self.app.calendar()
        with self.app.store.read() as s:
            agreements = {row.case_id: row for row in s.execute(
                select(Agreement.case_id, Agreement.kind, Agreement.total_amount, Agreement.effective_date,
                       Agreement.performance_deadline)
                .where(Agreement.state == "effective", Agreement.deleted_at.is_(None), Agreement.case_id.in_(ids)))}
            referrals = {row.case_id: row for row in s.execute(
                select(CourtReferral.case_id, CourtReferral.kind, CourtReferral.deadline)
                .where(CourtReferral.deleted_at.is_(None), CourtReferral.case_id.in_(ids)))}
            confirmations = {}
            for row in s.execute(
                    select(JudicialConfirmation.case_id, JudicialConfirmation.applied_date, JudicialConfirmation.outcome)
                    .where(JudicialConfirmation.deleted_at.is_(None), JudicialConfirmation.case_id.in_(ids))
                    .order_by(JudicialConfirmation.applied_date)):
                first = confirmations.get(row.case_id)
                # the first application decides whether the 30 days were kept; the latest its outcome
                confirmations[row.case_id] = (first[0] if first else row.applied_date, row.outcome)
            visits = {}
            latest = {}
            for row in s.execute(
                    select(FollowUp.case_id, FollowUp.visit_date, FollowUp.performance_status)
                    .where(FollowUp.deleted_at.is_(None), FollowUp.case_id.in_(ids))
                    .order_by(FollowUp.visit_date, FollowUp.created_at)):
                visits.setdefault(row.case_id, row.visit_date)
                latest[row.case_id] = row.performance_status
            out = []
            for c in s.execute(select(Case.id, Case.case_number, Case.station_code, Case.dispute_type, Case.source,
                                      Case.status, Case.received_date, Case.closed_date, Case.refusal_reason,
                                      Case.withdrawal_reason, Case.termination_reason).where(in_range)):
                ag = agreements.get(c.id)
                ref = referrals.get(c.id)
                jc = confirmations.get(c.id)
                written = ag is not None and ag.kind == "written" and ag.effective_date is not None
                out.append(CaseFacts(
                    id=c.id, case_number=c.case_number, station_code=c.station_code, dispute_type=c.dispute_type,
                    source=c.source, received_date=c.received_date, closed_date=c.closed_date,
                    outcome=outcome_of(c.status, ag.kind if ag else None, bool(c.refusal_reason),
                                       bool(c.withdrawal_reason), bool(c.termination_reason)),
                    referral_kind=ref.kind if ref else None, referral_deadline=ref.deadline if ref else None,
                    amount=Decimal(ag.total_amount) if ag and ag.total_amount is not None else None,
                    written_agreement_effective=ag.effective_date if written else None,
                    confirmation_deadline=(deadlines.judicial_confirmation_deadline(ag.effective_date, calendar)
                                           if written else None),
                    confirmation_applied=jc[0] if jc else None, confirmation_outcome=jc[1] if jc else None,
                    performance=latest.get(c.id), performance_deadline=ag.performance_deadline if ag else None,
                    first_follow_up=visits.get(c.id)))
        return out

    def report(self, period: Period, *, basis: str = "received", by=("type", "source", "month")) -> Report:
        earliest = min(period.start, period.previous().start, period.year_ago().start)
        return report(self.facts(earliest, period.end, basis), period, basis=basis, by=by, as_of=self.app.today())

    def explain(self, result: Report, ref: str) -> list[ExplainLine]:
        """The cases behind one cell of ``result`` (``KeyError`` for an unknown reference)."""
        ids = result.cell(ref).case_ids
        if not ids:
            return []
        with self.app.store.read() as s:
            rows = s.execute(select(Case.case_number, Case.dispute_type, Case.source, Case.status, Case.received_date,
                                    Case.closed_date).where(Case.id.in_(ids))
                             .order_by(Case.received_date, Case.case_number)).all()
        return [ExplainLine(*row) for row in rows]
