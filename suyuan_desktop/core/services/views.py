"""What the use cases return: frozen dataclasses, safe to hand to another thread or widget."""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


def view(cls, obj, **extra):
    """Fill a view dataclass from an ORM object's same-named attributes."""
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in extra:
            values[f.name] = extra[f.name]
        else:
            values[f.name] = getattr(obj, f.name)
    return cls(**values)


@dataclass(frozen=True)
class StationView:
    code: str
    name: str
    committee_name: str
    township: str
    short_name: str
    address: str | None
    phone: str | None
    case_number_template: str


@dataclass(frozen=True)
class UserView:
    id: str
    username: str
    display_name: str
    role: str
    active: bool
    mediator_id: str | None
    locked_until: dt.datetime | None


@dataclass(frozen=True)
class MediatorView:
    id: str
    name: str
    phone: str | None
    title: str | None
    active: bool


@dataclass(frozen=True)
class PartyView:
    id: str
    position: int
    role: str
    kind: str
    name: str
    gender: str | None
    ethnicity: str | None
    birth_date: dt.date | None
    id_number: str | None
    credit_code: str | None
    legal_representative: str | None
    legal_representative_title: str | None
    occupation: str | None
    phone: str | None
    address: str | None
    agent_name: str | None
    agent_id_number: str | None
    agent_phone: str | None
    agent_authority: str | None
    age: int | None = None


@dataclass(frozen=True)
class StatusChangeView:
    from_status: str | None
    to_status: str
    changed_at: dt.datetime
    changed_by: str | None
    note: str | None


@dataclass(frozen=True)
class InvestigationView:
    id: str
    occurred_at: dt.datetime
    place: str
    investigators: str
    subject: str
    participants: str | None
    record: str
    recorder: str | None


@dataclass(frozen=True)
class SessionView:
    id: str
    occurred_at: dt.datetime
    place: str
    attendees: str
    participants: str | None
    content: str
    result: str | None
    recorder: str | None


@dataclass(frozen=True)
class FactView:
    id: str
    position: int
    text: str
    evidence_refs: str | None
    confirmed_by: tuple[str, ...]


@dataclass(frozen=True)
class FactRecordView:
    id: str
    record_date: dt.date
    mediation_start: dt.date | None
    mediation_end: dt.date | None
    dispute_statement: str
    disputed_points: str | None
    failure_reason: str | None
    cost_conduct: str | None
    consent_given: bool
    facts: tuple[FactView, ...]


@dataclass(frozen=True)
class ClauseView:
    position: int
    text: str
    amount: Decimal | None


@dataclass(frozen=True)
class AgreementView:
    id: str
    kind: str
    number: str
    revision: int
    supersedes_id: str | None
    state: str
    facts_and_disputes: str
    performance_method: str | None
    performance_place: str | None
    performance_deadline: dt.date | None
    agreed_date: dt.date
    mediator_signed_date: dt.date | None
    sealed_date: dt.date | None
    effective_date: dt.date | None
    copies: int
    total_amount: Decimal | None
    recorder: str | None
    clauses: tuple[ClauseView, ...]
    party_signatures: tuple[tuple[str, dt.date], ...]
    confirmation_deadline: dt.date | None = None


@dataclass(frozen=True)
class ConfirmationView:
    id: str
    agreement_id: str
    court: str
    applied_date: dt.date
    deadline: dt.date
    court_case_number: str | None
    outcome: str
    outcome_date: dt.date | None
    note: str | None


@dataclass(frozen=True)
class ReferralView:
    id: str
    kind: str
    procedure: str | None
    court: str
    reference_number: str
    judge: str | None
    signed_for_date: dt.date
    limit_days: int
    extension_days: int
    deadline: dt.date


@dataclass(frozen=True)
class EscalationView:
    id: str
    kind: str
    persons: int
    recorded_date: dt.date
    note: str | None


@dataclass(frozen=True)
class FollowUpView:
    id: str
    visit_date: dt.date
    visited: str
    method: str | None
    performance_status: str
    satisfaction: str | None
    notes: str
    visitor: str
    next_visit_date: dt.date | None


@dataclass(frozen=True)
class AttachmentView:
    id: str
    kind: str
    filename: str
    mime: str
    size: int
    sha256: str
    description: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class CaseSummary:
    id: str
    case_number: str
    title: str
    status: str
    dispute_type: str
    source: str
    received_date: dt.date
    party_names: tuple[str, ...]
    updated_at: dt.datetime


@dataclass(frozen=True)
class CaseDetail:
    id: str
    station_code: str
    case_number: str
    title: str
    dispute_type: str
    dispute_subtype: str | None
    source: str
    status: str
    summary: str
    claims: str | None
    received_date: dt.date
    accepted_date: dt.date | None
    closed_date: dt.date | None
    risk_of_escalation: bool
    risk_reported: bool
    termination_reason: str | None
    termination_detail: str | None
    refusal_reason: str | None
    withdrawal_reason: str | None
    registered_by: str | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    parties: tuple[PartyView, ...]
    mediators: tuple[MediatorView, ...]
    lead_mediator_id: str | None
    history: tuple[StatusChangeView, ...]
    investigations: tuple[InvestigationView, ...]
    sessions: tuple[SessionView, ...]
    fact_records: tuple[FactRecordView, ...]
    agreements: tuple[AgreementView, ...]
    confirmations: tuple[ConfirmationView, ...]
    referral: ReferralView | None
    follow_ups: tuple[FollowUpView, ...]
    attachments: tuple[AttachmentView, ...]
    allowed_statuses: tuple[str, ...]
    escalations: tuple[EscalationView, ...] = ()

    @property
    def effective_agreement(self) -> AgreementView | None:
        for a in self.agreements:
            if a.state == "effective":
                return a
        return None


@dataclass(frozen=True)
class DeadlineItem:
    case_id: str
    case_number: str
    title: str
    kind: str          # referral / judicial_confirmation / performance / follow_up
    label: str
    due: dt.date
    days_left: int


@dataclass(frozen=True)
class Page:
    items: tuple[CaseSummary, ...]
    next_after: tuple | None


@dataclass(frozen=True)
class AuditLine:
    at: dt.datetime          # station time (China Standard Time)
    actor: str | None        # the person's name, 命令行（…） or 区中心同步
    entity_type: str
    action: str
    fields: tuple[str, ...]
