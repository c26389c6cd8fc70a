"""What statistics knows of a case (``CaseFacts``) and of a round of 排查, made from the records as
the sync protocol names their fields, at a station or at the district (docs/statistics.md)."""
from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple
from decimal import Decimal


class CaseFacts(NamedTuple):
    """One case as statistics sees it. ``outcome`` is the final one (success_written,
    success_oral, failed, withdrawn, refused) or ``open``; ``closed_date`` is when it was reached.
    A named tuple: 100,000 of them are made for a year's report, and a tuple is made and read
    several times faster than a frozen dataclass, and is smaller."""

    id: str
    case_number: str
    station_code: str
    dispute_type: str
    source: str
    received_date: dt.date
    closed_date: dt.date | None
    outcome: str
    referral_kind: str | None = None          # assigned / entrusted (court referrals)
    referral_deadline: dt.date | None = None
    amount: Decimal | None = None               # of the effective agreement
    written_agreement_effective: dt.date | None = None
    confirmation_deadline: dt.date | None = None
    confirmation_applied: dt.date | None = None
    confirmation_outcome: str | None = None     # pending / confirmed / rejected / withdrawn
    performance: str | None = None              # the latest follow-up's performance status
    performance_deadline: dt.date | None = None
    first_follow_up: dt.date | None = None
    escalations: tuple[tuple[str, int, dt.date], ...] = ()  # 防激化: (kind, persons, recorded date)
    status: str = ""
    termination_reason: str | None = None       # why mediation ended without agreement (a code)
    court: str | None = None                    # the referring court and its case number (诉调对接)
    court_reference: str | None = None
    handed_off: dt.date | None = None           # when the first court hand-off package was made


SUCCESS_STATUSES = {"agreed", "confirm_applied", "confirmed", "confirm_rejected", "performing", "performed"}
OPEN_STATUSES = {"received", "accepted", "in_mediation", "suspended"}


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


_DAYS: dict = {}


def shared_day(value) -> dt.date | None:
    """A date, one object per day: the facts of 100,000 cases then share a few thousand date
    objects, and counting reads them from the processor's cache rather than from all over memory."""
    if value is None:
        return None
    day = _DAYS.get(value)
    if day is None:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
        if len(_DAYS) < 100_000:
            day = _DAYS.setdefault(value, _DAYS.setdefault(day, day))
    return day


def shared_word(value: str | None) -> str | None:
    """A code (type, source, outcome, status), one object per distinct code, for the same reason."""
    return sys.intern(value) if value is not None else None


def build_facts(cases, agreements, referrals, confirmations, follow_ups, escalations,
                confirmation_deadline: Callable[[dt.date], dt.date], packages=()) -> list[CaseFacts]:
    """``CaseFacts`` from a case's records as the sync protocol names their fields (mappings:
    database rows at a station, synced states at the district; dates as dates or ISO text). The
    related records may include other cases' and deleted ones are expected to be left out; an
    optional field may be missing."""
    wanted = {c["id"] for c in cases}
    effective = {a["case_id"]: a for a in agreements if a["case_id"] in wanted and a["state"] == "effective"}
    referral = {r["case_id"]: r for r in referrals if r["case_id"] in wanted}
    applied: dict[str, tuple] = {}
    for j in sorted((j for j in confirmations if j["case_id"] in wanted), key=lambda j: str(j["applied_date"])):
        first = applied.get(j["case_id"])
        # the first application decides whether the 30 days were kept; the latest, its outcome
        applied[j["case_id"]] = (first[0] if first else shared_day(j["applied_date"]), j["outcome"])
    first_visit: dict[str, dt.date] = {}
    latest: dict[str, str] = {}
    for f in sorted((f for f in follow_ups if f["case_id"] in wanted), key=lambda f: str(f["visit_date"])):
        first_visit.setdefault(f["case_id"], shared_day(f["visit_date"]))
        latest[f["case_id"]] = f["performance_status"]
    prevented: dict[str, list] = {}
    for e in escalations:
        if e["case_id"] in wanted:
            prevented.setdefault(e["case_id"], []).append((e["kind"], int(e["persons"]), shared_day(e["recorded_date"])))
    handed: dict[str, dt.date] = {}
    for pk in packages:   # court hand-off packages: (case_id, the day it was made)
        if pk["case_id"] in wanted:
            day = shared_day(pk["made_on"])
            handed[pk["case_id"]] = min(day, handed.get(pk["case_id"], day))
    out = []
    for c in cases:
        i = c["id"]
        ag, ref, jc = effective.get(i), referral.get(i), applied.get(i)
        effective_on = shared_day(ag.get("effective_date")) if ag else None
        written = ag is not None and ag["kind"] == "written" and effective_on is not None
        amount = ag.get("total_amount") if ag else None
        out.append(CaseFacts(
            id=i, case_number=c["case_number"], station_code=shared_word(c["station_code"]),
            dispute_type=shared_word(c["dispute_type"]), source=shared_word(c["source"]), received_date=shared_day(c["received_date"]),
            closed_date=shared_day(c.get("closed_date")),
            outcome=shared_word(outcome_of(c["status"], ag["kind"] if ag else None, bool(c.get("refusal_reason")),
                                     bool(c.get("withdrawal_reason")), bool(c.get("termination_reason")))),
            referral_kind=ref["kind"] if ref else None, referral_deadline=shared_day(ref["deadline"]) if ref else None,
            amount=Decimal(str(amount)) if amount is not None else None,
            written_agreement_effective=effective_on if written else None,
            confirmation_deadline=confirmation_deadline(effective_on) if written else None,
            confirmation_applied=jc[0] if jc else None, confirmation_outcome=jc[1] if jc else None,
            performance=shared_word(latest.get(i)), performance_deadline=shared_day(ag.get("performance_deadline")) if ag else None,
            first_follow_up=first_visit.get(i), escalations=tuple(prevented.get(i, ())), status=shared_word(c["status"]),
            termination_reason=c.get("termination_reason") or None, court=ref.get("court") if ref else None,
            court_reference=ref.get("reference_number") if ref else None, handed_off=handed.get(i)))
    return out


@dataclass(frozen=True)
class ScreeningFacts:
    """One round of 排查: when, and the disputes it found and prevented."""

    id: str
    station_code: str
    screened_on: dt.date
    found: int
    prevented: int
