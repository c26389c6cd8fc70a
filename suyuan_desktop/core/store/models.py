"""SQLAlchemy 2 typed models of the station database.

Syncable rows (``SyncMixin``) carry a device-made UUID, a version counter bumped on every change,
and a tombstone (``deleted_at``) instead of hard deletion; every change of them appends a
``SyncOutbox`` row in the same transaction (see tracking.py). Audited rows also append a
hash-chained ``AuditEntry``. Money is stored as integer cents, never as a float.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    JSON, text, BigInteger, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text,
    TypeDecorator, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from ..domain import clock
from .ids import uuid7


def utcnow() -> dt.datetime:
    """Naive UTC from the station clock (stored that way; device time is metadata only)."""
    return clock.utcnow()


class Money(TypeDecorator):
    """Decimal yuan <-> integer fen (SQLite's NUMERIC would round-trip through a float)."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return int((Decimal(value) * 100).to_integral_exact())

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return (Decimal(value) / 100).quantize(Decimal("0.01"))


class Base(DeclarativeBase):
    pass


class AuditedMixin:
    """Rows whose every write is recorded in the audit log."""

    __audited__ = True
    __audit_mask__: tuple[str, ...] = ()


class SyncMixin(AuditedMixin):
    """Rows that sync with the district: UUID, version counter, tombstone."""

    __syncable__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    version: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


# --- station, people -------------------------------------------------------------------------

class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class Station(AuditedMixin, Base):
    __tablename__ = "stations"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    committee_name: Mapped[str] = mapped_column(String(100), nullable=False)
    township: Mapped[str] = mapped_column(String(100), nullable=False)
    short_name: Mapped[str] = mapped_column(String(20), nullable=False)
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))
    case_number_template: Mapped[str] = mapped_column(String(100), nullable=False)
    is_local: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


class User(AuditedMixin, Base):
    __tablename__ = "users"
    __audit_mask__ = ("password_hash",)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    username: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    display_name: Mapped[str] = mapped_column(String(64), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    password_hash: Mapped[str] = mapped_column(String(200), nullable=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    mediator_id: Mapped[str | None] = mapped_column(ForeignKey("mediators.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, nullable=False)


class Mediator(SyncMixin, Base):
    __tablename__ = "mediators"
    station_code: Mapped[str] = mapped_column(String(32), nullable=False)
    name: Mapped[str] = mapped_column(String(64), nullable=False)
    phone: Mapped[str | None] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(String(64))  # 专职/兼职, 职务
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class CaseNumberCounter(Base):
    __tablename__ = "case_number_counters"
    station_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


# --- cases -----------------------------------------------------------------------------------

class Case(SyncMixin, Base):
    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("station_code", "case_year", "case_seq", name="uq_case_station_year_seq"),
        Index("ix_cases_status_received", "status", "received_date"),
        Index("ix_cases_number_received", "case_number", "received_date"),
        Index("ix_cases_seq", "case_seq"),
        # search: a page of matches is sorted from this index alone (0008)
        Index("ix_cases_search_cover", "id", "deleted_at", "received_date", "case_number", "status", "dispute_type",
              "source"),
    )
    station_code: Mapped[str] = mapped_column(String(32), nullable=False)
    case_number: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    case_year: Mapped[int] = mapped_column(Integer, nullable=False)
    case_seq: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    dispute_type: Mapped[str] = mapped_column(String(4), nullable=False, index=True)
    dispute_subtype: Mapped[str | None] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(32), nullable=False)
    status: Mapped[str] = mapped_column(String(32), nullable=False)
    summary: Mapped[str] = mapped_column(Text, nullable=False)
    claims: Mapped[str | None] = mapped_column(Text)
    received_date: Mapped[dt.date] = mapped_column(Date, nullable=False, index=True)
    accepted_date: Mapped[dt.date | None] = mapped_column(Date)
    closed_date: Mapped[dt.date | None] = mapped_column(Date)
    risk_of_escalation: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    risk_reported: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    termination_reason: Mapped[str | None] = mapped_column(String(32))
    termination_detail: Mapped[str | None] = mapped_column(Text)
    refusal_reason: Mapped[str | None] = mapped_column(Text)
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)
    registered_by: Mapped[str | None] = mapped_column(String(64))

    parties: Mapped[list["Party"]] = relationship(back_populates="case", order_by="Party.position")


class CaseStatusChange(SyncMixin, Base):
    __tablename__ = "case_status_changes"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    from_status: Mapped[str | None] = mapped_column(String(32))
    to_status: Mapped[str] = mapped_column(String(32), nullable=False)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    changed_by: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)


class CaseMediator(SyncMixin, Base):
    __tablename__ = "case_mediators"
    __table_args__ = (UniqueConstraint("case_id", "mediator_id", name="uq_case_mediator"),)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    mediator_id: Mapped[str] = mapped_column(ForeignKey("mediators.id"), nullable=False, index=True)
    lead: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


class Party(SyncMixin, Base):
    __tablename__ = "parties"
    __derived__ = ("phone_tail",)  # computed locally: neither audited nor synced
    __table_args__ = (
        Index("ix_parties_phone_tail_case", "phone_tail", "case_id"),
        Index("ix_parties_name_case", "name", "case_id"),
        Index("ix_parties_phone_case", "phone", "case_id"),
        Index("ix_parties_id_number_case", "id_number", "case_id"),
        Index("ix_parties_agent_case", "agent_name", "case_id", sqlite_where=text("agent_name IS NOT NULL")),
    )
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False, index=True)
    gender: Mapped[str | None] = mapped_column(String(2))
    ethnicity: Mapped[str | None] = mapped_column(String(16))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), index=True)
    legal_representative: Mapped[str | None] = mapped_column(String(64))
    legal_representative_title: Mapped[str | None] = mapped_column(String(64))
    occupation: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    address: Mapped[str | None] = mapped_column(String(200))
    agent_name: Mapped[str | None] = mapped_column(String(64))
    agent_id_number: Mapped[str | None] = mapped_column(String(18))
    agent_phone: Mapped[str | None] = mapped_column(String(32))
    agent_authority: Mapped[str | None] = mapped_column(String(200))
    phone_tail: Mapped[str | None] = mapped_column(String(4))

    case: Mapped[Case] = relationship(back_populates="parties")

    @validates("phone")
    def _derive_phone_tail(self, key, value):
        self.phone_tail = value.replace("-", "")[-4:] if value else None
        return value


class Investigation(SyncMixin, Base):
    __tablename__ = "investigations"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    place: Mapped[str] = mapped_column(String(200), nullable=False)
    investigators: Mapped[str] = mapped_column(String(200), nullable=False)
    subject: Mapped[str] = mapped_column(String(200), nullable=False)
    participants: Mapped[str | None] = mapped_column(String(200))
    record: Mapped[str] = mapped_column(Text, nullable=False)
    recorder: Mapped[str | None] = mapped_column(String(64))


class MediationSession(SyncMixin, Base):
    __tablename__ = "mediation_sessions"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    place: Mapped[str] = mapped_column(String(200), nullable=False)
    attendees: Mapped[str] = mapped_column(String(300), nullable=False)
    participants: Mapped[str | None] = mapped_column(String(300))
    content: Mapped[str] = mapped_column(Text, nullable=False)
    result: Mapped[str | None] = mapped_column(Text)
    recorder: Mapped[str | None] = mapped_column(String(64))


class FactRecord(SyncMixin, Base):
    """无争议事实记载: a separate, separately signed record (docs/domain-rules.md)."""

    __tablename__ = "fact_records"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    record_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    mediation_start: Mapped[dt.date | None] = mapped_column(Date)
    mediation_end: Mapped[dt.date | None] = mapped_column(Date)
    dispute_statement: Mapped[str] = mapped_column(Text, nullable=False)
    disputed_points: Mapped[str | None] = mapped_column(Text)
    failure_reason: Mapped[str | None] = mapped_column(Text)
    cost_conduct: Mapped[str | None] = mapped_column(Text)
    consent_given: Mapped[bool] = mapped_column(Boolean, nullable=False)


class Fact(SyncMixin, Base):
    __tablename__ = "facts"
    record_id: Mapped[str] = mapped_column(ForeignKey("fact_records.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    evidence_refs: Mapped[str | None] = mapped_column(String(300))


class FactConfirmation(SyncMixin, Base):
    __tablename__ = "fact_confirmations"
    __table_args__ = (UniqueConstraint("fact_id", "party_id", name="uq_fact_party"),)
    fact_id: Mapped[str] = mapped_column(ForeignKey("facts.id"), nullable=False, index=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("parties.id"), nullable=False)
    confirmed: Mapped[bool] = mapped_column(Boolean, nullable=False)


class Agreement(SyncMixin, Base):
    __tablename__ = "agreements"
    __table_args__ = (  # the home screen's deadlines, read in date order (0008)
        Index("ix_agreements_performance_deadline", "performance_deadline", "case_id",
              sqlite_where=text("performance_deadline IS NOT NULL")),
        Index("ix_agreements_effective_date", "effective_date", "case_id",
              sqlite_where=text("effective_date IS NOT NULL")),
    )
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    number: Mapped[str] = mapped_column(String(80), nullable=False)
    revision: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("agreements.id"))
    state: Mapped[str] = mapped_column(String(16), nullable=False)  # draft / effective / superseded
    facts_and_disputes: Mapped[str] = mapped_column(Text, nullable=False)
    performance_method: Mapped[str | None] = mapped_column(Text)
    performance_place: Mapped[str | None] = mapped_column(String(200))
    performance_deadline: Mapped[dt.date | None] = mapped_column(Date)
    agreed_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    mediator_signed_date: Mapped[dt.date | None] = mapped_column(Date)
    sealed_date: Mapped[dt.date | None] = mapped_column(Date)
    effective_date: Mapped[dt.date | None] = mapped_column(Date)
    copies: Mapped[int] = mapped_column(Integer, nullable=False)
    total_amount: Mapped[Decimal | None] = mapped_column(Money)
    recorder: Mapped[str | None] = mapped_column(String(64))


class AgreementClause(SyncMixin, Base):
    __tablename__ = "agreement_clauses"
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    amount: Mapped[Decimal | None] = mapped_column(Money)


class AgreementSignature(SyncMixin, Base):
    __tablename__ = "agreement_signatures"
    __table_args__ = (UniqueConstraint("agreement_id", "party_id", name="uq_agreement_party"),)
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id"), nullable=False, index=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("parties.id"), nullable=False)
    signed_date: Mapped[dt.date] = mapped_column(Date, nullable=False)


class JudicialConfirmation(SyncMixin, Base):
    __tablename__ = "judicial_confirmations"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id"), nullable=False)
    court: Mapped[str] = mapped_column(String(100), nullable=False)
    applied_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    deadline: Mapped[dt.date] = mapped_column(Date, nullable=False)
    court_case_number: Mapped[str | None] = mapped_column(String(80))
    outcome: Mapped[str] = mapped_column(String(16), nullable=False)
    outcome_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class CourtReferral(SyncMixin, Base):
    __tablename__ = "court_referrals"
    __table_args__ = (Index("ix_court_referrals_deadline", "deadline", "case_id"),)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    procedure: Mapped[str | None] = mapped_column(String(16))
    court: Mapped[str] = mapped_column(String(100), nullable=False)
    reference_number: Mapped[str] = mapped_column(String(80), nullable=False)
    judge: Mapped[str | None] = mapped_column(String(64))
    signed_for_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    limit_days: Mapped[int] = mapped_column(Integer, nullable=False)
    extension_days: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    deadline: Mapped[dt.date] = mapped_column(Date, nullable=False)


class FollowUp(SyncMixin, Base):
    __tablename__ = "follow_ups"
    __table_args__ = (
        Index("ix_follow_ups_next_visit", "next_visit_date", "case_id", sqlite_where=text("next_visit_date IS NOT NULL")),
        Index("ix_follow_ups_case_visit", "case_id", "visit_date"),
    )
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    visit_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    visited: Mapped[str] = mapped_column(String(200), nullable=False)
    method: Mapped[str | None] = mapped_column(String(32))
    performance_status: Mapped[str] = mapped_column(String(16), nullable=False)
    satisfaction: Mapped[str | None] = mapped_column(String(32))
    notes: Mapped[str] = mapped_column(Text, nullable=False)
    visitor: Mapped[str] = mapped_column(String(64), nullable=False)
    next_visit_date: Mapped[dt.date | None] = mapped_column(Date)


class Screening(SyncMixin, Base):
    """排查: a round of dispute screening in a village or place, and what it found and prevented."""

    __tablename__ = "screenings"
    station_code: Mapped[str] = mapped_column(String(32), nullable=False)
    screened_on: Mapped[dt.date] = mapped_column(Date, nullable=False, index=True)
    place: Mapped[str] = mapped_column(String(200), nullable=False)
    screeners: Mapped[str] = mapped_column(String(200), nullable=False)
    disputes_found: Mapped[int] = mapped_column(Integer, nullable=False)
    disputes_prevented: Mapped[int] = mapped_column(Integer, nullable=False)
    notes: Mapped[str | None] = mapped_column(Text)


class EscalationPrevention(SyncMixin, Base):
    """防激化: an escalation the mediation prevented, and how many people it concerned."""

    __tablename__ = "escalation_preventions"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    persons: Mapped[int] = mapped_column(Integer, nullable=False)
    recorded_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    note: Mapped[str | None] = mapped_column(Text)


class Attachment(SyncMixin, Base):
    __tablename__ = "attachments"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    filename: Mapped[str] = mapped_column(String(255), nullable=False)
    mime: Mapped[str] = mapped_column(String(100), nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    description: Mapped[str | None] = mapped_column(Text)


class IssuedDocument(SyncMixin, Base):
    """A document as issued: the exact data it was made from, and the PDF (an attachment).

    Immutable: printing the same data again returns this file; changed data is a new version."""

    __tablename__ = "issued_documents"
    __table_args__ = (UniqueConstraint("case_id", "doc_type", "target_key", "doc_version", name="uq_issued_version"),)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    doc_type: Mapped[str] = mapped_column(String(32), nullable=False)
    target_key: Mapped[str] = mapped_column(String(36), nullable=False, default="")
    doc_version: Mapped[int] = mapped_column(Integer, nullable=False)
    template_version: Mapped[str] = mapped_column(String(32), nullable=False)
    data: Mapped[dict] = mapped_column(JSON, nullable=False)
    data_hash: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    pdf_sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    attachment_id: Mapped[str] = mapped_column(ForeignKey("attachments.id"), nullable=False)
    payload: Mapped[str] = mapped_column(String(300), nullable=False)
    pages: Mapped[int] = mapped_column(Integer, nullable=False)
    issued_by: Mapped[str | None] = mapped_column(String(64))


class PrintRecord(AuditedMixin, Base):
    """Print history: which issued document went to which printer, how many copies, by whom."""

    __tablename__ = "print_records"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    issued_document_id: Mapped[str] = mapped_column(ForeignKey("issued_documents.id"), nullable=False, index=True)
    printer: Mapped[str] = mapped_column(String(200), nullable=False)
    copies: Mapped[int] = mapped_column(Integer, nullable=False)
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    printed_by: Mapped[str | None] = mapped_column(String(64))


# --- reference data --------------------------------------------------------------------------

class DisputeSubtype(AuditedMixin, Base):
    __tablename__ = "dispute_subtypes"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), nullable=False)
    reporting_type: Mapped[str] = mapped_column(String(4), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class Holiday(AuditedMixin, Base):
    __tablename__ = "holidays"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    is_holiday: Mapped[bool] = mapped_column(Boolean, nullable=False)  # False: make-up working day
    calendar_version: Mapped[str] = mapped_column(String(32), nullable=False)


# the bookkeeping tables are part of the same metadata (migrations and the schema test see them)
from .bookkeeping import (  # noqa: E402
    AuditEntry, Draft, GramPosition, NameGram, SyncConflict, SelfServiceToken, StatsChange, SyncLogEntry, SyncOutbox, SyncReference, SyncRevokedCase,
    SyncShadow, SyncState,
)

__all__ = ["AuditEntry", "Draft", "GramPosition", "NameGram", "SelfServiceToken", "StatsChange", "SyncConflict", "SyncLogEntry", "SyncOutbox",
           "SyncReference", "SyncRevokedCase", "SyncShadow", "SyncState"]

SYNCABLE_MODELS = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers
                   if getattr(m.class_, "__syncable__", False)}
