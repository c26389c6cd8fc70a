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
from ..domain.records import ENTITY_FIELDS
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


_KINDS = {"int": Integer, "bool": Boolean, "date": Date, "datetime": DateTime, "money": Money, "json": JSON}


def declared(entity: str):
    """The column maker of one synced record: a field's type, length, whether it may be empty and
    what it points at come from its declaration in ``domain/records.py`` (docs/architecture.md),
    so a limit changed there is the column's; the model adds only what is the station's own
    (indexes, defaults, a stricter not-null)."""
    fields = ENTITY_FIELDS[entity]

    def column(name: str, wider=None, **extra):
        spec = fields[name]
        kind, _, arg = spec.rstrip("!").partition(":")
        extra.setdefault("nullable", not spec.endswith("!"))
        if wider is not None:   # a wider type of the same kind (BigInteger for a byte count)
            return mapped_column(wider, **extra)
        if kind == "ref":
            return mapped_column(ForeignKey(f"{arg}.id"), **extra)
        if kind == "str":
            return mapped_column(String(int(arg)), **extra)
        if kind == "text":
            return mapped_column(Text, **extra)
        return mapped_column(_KINDS[kind], **extra)
    return column


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
    F = declared("mediators")
    station_code: Mapped[str] = F("station_code")
    name: Mapped[str] = F("name")
    phone: Mapped[str | None] = F("phone")
    title: Mapped[str | None] = F("title")  # 专职/兼职, 职务
    active: Mapped[bool] = F("active", default=True, nullable=False)


class CaseNumberCounter(Base):
    __tablename__ = "case_number_counters"
    station_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


# --- cases -----------------------------------------------------------------------------------

class Case(SyncMixin, Base):
    __tablename__ = "cases"
    F = declared("cases")
    __table_args__ = (
        UniqueConstraint("station_code", "case_year", "case_seq", name="uq_case_station_year_seq"),
        Index("ix_cases_status_received", "status", "received_date"),
        Index("ix_cases_number_received", "case_number", "received_date"),
        Index("ix_cases_seq", "case_seq"),
        # search: a page of matches is sorted from this index alone (0008)
        Index("ix_cases_search_cover", "id", "deleted_at", "received_date", "case_number", "status", "dispute_type",
              "source"),
    )
    station_code: Mapped[str] = F("station_code")
    case_number: Mapped[str] = F("case_number", unique=True)
    case_year: Mapped[int] = F("case_year")
    case_seq: Mapped[int] = F("case_seq")
    title: Mapped[str] = F("title")
    dispute_type: Mapped[str] = F("dispute_type", index=True)
    dispute_subtype: Mapped[str | None] = F("dispute_subtype")
    source: Mapped[str] = F("source")
    status: Mapped[str] = F("status")
    summary: Mapped[str] = F("summary")
    claims: Mapped[str | None] = F("claims")
    received_date: Mapped[dt.date] = F("received_date", index=True)
    accepted_date: Mapped[dt.date | None] = F("accepted_date")
    closed_date: Mapped[dt.date | None] = F("closed_date")
    risk_of_escalation: Mapped[bool] = F("risk_of_escalation", default=False, nullable=False)
    risk_reported: Mapped[bool] = F("risk_reported", default=False, nullable=False)
    termination_reason: Mapped[str | None] = F("termination_reason")
    termination_detail: Mapped[str | None] = F("termination_detail")
    refusal_reason: Mapped[str | None] = F("refusal_reason")
    withdrawal_reason: Mapped[str | None] = F("withdrawal_reason")
    registered_by: Mapped[str | None] = F("registered_by")

    parties: Mapped[list["Party"]] = relationship(back_populates="case", order_by="Party.position")


class CaseStatusChange(SyncMixin, Base):
    __tablename__ = "case_status_changes"
    F = declared("case_status_changes")
    case_id: Mapped[str] = F("case_id", index=True)
    from_status: Mapped[str | None] = F("from_status")
    to_status: Mapped[str] = F("to_status")
    changed_at: Mapped[dt.datetime] = F("changed_at")
    changed_by: Mapped[str | None] = F("changed_by")
    note: Mapped[str | None] = F("note")


class CaseMediator(SyncMixin, Base):
    __tablename__ = "case_mediators"
    F = declared("case_mediators")
    __table_args__ = (UniqueConstraint("case_id", "mediator_id", name="uq_case_mediator"),)
    case_id: Mapped[str] = F("case_id", index=True)
    mediator_id: Mapped[str] = F("mediator_id", index=True)
    lead: Mapped[bool] = F("lead", default=False, nullable=False)


class Party(SyncMixin, Base):
    __tablename__ = "parties"
    F = declared("parties")
    __derived__ = ("phone_tail",)  # computed locally: neither audited nor synced
    __table_args__ = (
        Index("ix_parties_phone_tail_case", "phone_tail", "case_id"),
        Index("ix_parties_name_case", "name", "case_id"),
        Index("ix_parties_phone_case", "phone", "case_id"),
        Index("ix_parties_id_number_case", "id_number", "case_id"),
        Index("ix_parties_agent_case", "agent_name", "case_id", sqlite_where=text("agent_name IS NOT NULL")),
    )
    case_id: Mapped[str] = F("case_id", index=True)
    position: Mapped[int] = F("position")
    role: Mapped[str] = F("role")
    kind: Mapped[str] = F("kind")
    name: Mapped[str] = F("name")   # searched through ix_parties_name_case
    gender: Mapped[str | None] = F("gender")
    ethnicity: Mapped[str | None] = F("ethnicity")
    birth_date: Mapped[dt.date | None] = F("birth_date")
    id_number: Mapped[str | None] = F("id_number")   # searched through ix_parties_id_number_case
    credit_code: Mapped[str | None] = F("credit_code", index=True)
    legal_representative: Mapped[str | None] = F("legal_representative")
    legal_representative_title: Mapped[str | None] = F("legal_representative_title")
    occupation: Mapped[str | None] = F("occupation")
    phone: Mapped[str | None] = F("phone")   # searched through ix_parties_phone_case
    address: Mapped[str | None] = F("address")
    agent_name: Mapped[str | None] = F("agent_name")
    agent_id_number: Mapped[str | None] = F("agent_id_number")
    agent_phone: Mapped[str | None] = F("agent_phone")
    agent_authority: Mapped[str | None] = F("agent_authority")
    phone_tail: Mapped[str | None] = mapped_column(String(4))

    case: Mapped[Case] = relationship(back_populates="parties")

    @validates("phone")
    def _derive_phone_tail(self, key, value):
        self.phone_tail = value.replace("-", "")[-4:] if value else None
        return value


class Investigation(SyncMixin, Base):
    __tablename__ = "investigations"
    F = declared("investigations")
    case_id: Mapped[str] = F("case_id", index=True)
    occurred_at: Mapped[dt.datetime] = F("occurred_at")
    place: Mapped[str] = F("place")
    investigators: Mapped[str] = F("investigators")
    subject: Mapped[str] = F("subject")
    participants: Mapped[str | None] = F("participants")
    record: Mapped[str] = F("record")
    recorder: Mapped[str | None] = F("recorder")


class MediationSession(SyncMixin, Base):
    __tablename__ = "mediation_sessions"
    F = declared("mediation_sessions")
    case_id: Mapped[str] = F("case_id", index=True)
    occurred_at: Mapped[dt.datetime] = F("occurred_at")
    place: Mapped[str] = F("place")
    attendees: Mapped[str] = F("attendees")
    participants: Mapped[str | None] = F("participants")
    content: Mapped[str] = F("content")
    result: Mapped[str | None] = F("result")
    recorder: Mapped[str | None] = F("recorder")


class FactRecord(SyncMixin, Base):
    """无争议事实记载: a separate, separately signed record (docs/domain-rules.md)."""

    __tablename__ = "fact_records"
    F = declared("fact_records")
    case_id: Mapped[str] = F("case_id", index=True)
    record_date: Mapped[dt.date] = F("record_date")
    mediation_start: Mapped[dt.date | None] = F("mediation_start")
    mediation_end: Mapped[dt.date | None] = F("mediation_end")
    dispute_statement: Mapped[str] = F("dispute_statement")
    disputed_points: Mapped[str | None] = F("disputed_points")
    failure_reason: Mapped[str | None] = F("failure_reason")
    cost_conduct: Mapped[str | None] = F("cost_conduct")
    consent_given: Mapped[bool] = F("consent_given")


class Fact(SyncMixin, Base):
    __tablename__ = "facts"
    F = declared("facts")
    record_id: Mapped[str] = F("record_id", index=True)
    position: Mapped[int] = F("position")
    text: Mapped[str] = F("text")
    evidence_refs: Mapped[str | None] = F("evidence_refs")


class FactConfirmation(SyncMixin, Base):
    __tablename__ = "fact_confirmations"
    F = declared("fact_confirmations")
    __table_args__ = (UniqueConstraint("fact_id", "party_id", name="uq_fact_party"),)
    fact_id: Mapped[str] = F("fact_id", index=True)
    party_id: Mapped[str] = F("party_id")
    confirmed: Mapped[bool] = F("confirmed")


class Agreement(SyncMixin, Base):
    __tablename__ = "agreements"
    F = declared("agreements")
    __table_args__ = (  # the home screen's deadlines, read in date order (0008)
        Index("ix_agreements_performance_deadline", "performance_deadline", "case_id",
              sqlite_where=text("performance_deadline IS NOT NULL")),
        Index("ix_agreements_effective_date", "effective_date", "case_id",
              sqlite_where=text("effective_date IS NOT NULL")),
    )
    case_id: Mapped[str] = F("case_id", index=True)
    kind: Mapped[str] = F("kind")
    number: Mapped[str] = F("number")
    revision: Mapped[int] = F("revision", default=1, nullable=False)
    supersedes_id: Mapped[str | None] = F("supersedes_id")
    state: Mapped[str] = F("state")  # draft / effective / superseded
    facts_and_disputes: Mapped[str] = F("facts_and_disputes")
    performance_method: Mapped[str | None] = F("performance_method")
    performance_place: Mapped[str | None] = F("performance_place")
    performance_deadline: Mapped[dt.date | None] = F("performance_deadline")
    agreed_date: Mapped[dt.date] = F("agreed_date")
    mediator_signed_date: Mapped[dt.date | None] = F("mediator_signed_date")
    sealed_date: Mapped[dt.date | None] = F("sealed_date")
    effective_date: Mapped[dt.date | None] = F("effective_date")
    copies: Mapped[int] = F("copies")
    total_amount: Mapped[Decimal | None] = F("total_amount")
    recorder: Mapped[str | None] = F("recorder")


class AgreementClause(SyncMixin, Base):
    __tablename__ = "agreement_clauses"
    F = declared("agreement_clauses")
    agreement_id: Mapped[str] = F("agreement_id", index=True)
    position: Mapped[int] = F("position")
    text: Mapped[str] = F("text")
    amount: Mapped[Decimal | None] = F("amount")


class AgreementSignature(SyncMixin, Base):
    __tablename__ = "agreement_signatures"
    F = declared("agreement_signatures")
    __table_args__ = (UniqueConstraint("agreement_id", "party_id", name="uq_agreement_party"),)
    agreement_id: Mapped[str] = F("agreement_id", index=True)
    party_id: Mapped[str] = F("party_id")
    signed_date: Mapped[dt.date] = F("signed_date")


class JudicialConfirmation(SyncMixin, Base):
    __tablename__ = "judicial_confirmations"
    F = declared("judicial_confirmations")
    case_id: Mapped[str] = F("case_id", index=True)
    agreement_id: Mapped[str] = F("agreement_id")
    court: Mapped[str] = F("court")
    applied_date: Mapped[dt.date] = F("applied_date")
    deadline: Mapped[dt.date] = F("deadline")
    court_case_number: Mapped[str | None] = F("court_case_number")
    outcome: Mapped[str] = F("outcome")
    outcome_date: Mapped[dt.date | None] = F("outcome_date")
    note: Mapped[str | None] = F("note")


class CourtReferral(SyncMixin, Base):
    __tablename__ = "court_referrals"
    F = declared("court_referrals")
    __table_args__ = (Index("ix_court_referrals_deadline", "deadline", "case_id"),)
    case_id: Mapped[str] = F("case_id", index=True)
    kind: Mapped[str] = F("kind")
    procedure: Mapped[str | None] = F("procedure")
    court: Mapped[str] = F("court")
    reference_number: Mapped[str] = F("reference_number")
    judge: Mapped[str | None] = F("judge")
    signed_for_date: Mapped[dt.date] = F("signed_for_date")
    limit_days: Mapped[int] = F("limit_days")
    extension_days: Mapped[int] = F("extension_days", default=0, nullable=False)
    deadline: Mapped[dt.date] = F("deadline")


class FollowUp(SyncMixin, Base):
    __tablename__ = "follow_ups"
    F = declared("follow_ups")
    __table_args__ = (
        Index("ix_follow_ups_next_visit", "next_visit_date", "case_id", sqlite_where=text("next_visit_date IS NOT NULL")),
        Index("ix_follow_ups_case_visit", "case_id", "visit_date"),
    )
    case_id: Mapped[str] = F("case_id", index=True)
    visit_date: Mapped[dt.date] = F("visit_date")
    visited: Mapped[str] = F("visited")
    method: Mapped[str | None] = F("method")
    performance_status: Mapped[str] = F("performance_status")
    satisfaction: Mapped[str | None] = F("satisfaction")
    notes: Mapped[str] = F("notes")
    visitor: Mapped[str] = F("visitor")
    next_visit_date: Mapped[dt.date | None] = F("next_visit_date")


class Screening(SyncMixin, Base):
    """排查: a round of dispute screening in a village or place, and what it found and prevented."""

    __tablename__ = "screenings"
    F = declared("screenings")
    station_code: Mapped[str] = F("station_code")
    screened_on: Mapped[dt.date] = F("screened_on", index=True)
    place: Mapped[str] = F("place")
    screeners: Mapped[str] = F("screeners")
    disputes_found: Mapped[int] = F("disputes_found")
    disputes_prevented: Mapped[int] = F("disputes_prevented")
    notes: Mapped[str | None] = F("notes")


class EscalationPrevention(SyncMixin, Base):
    """防激化: an escalation the mediation prevented, and how many people it concerned."""

    __tablename__ = "escalation_preventions"
    F = declared("escalation_preventions")
    case_id: Mapped[str] = F("case_id", index=True)
    kind: Mapped[str] = F("kind")
    persons: Mapped[int] = F("persons")
    recorded_date: Mapped[dt.date] = F("recorded_date")
    note: Mapped[str | None] = F("note")


class Attachment(SyncMixin, Base):
    __tablename__ = "attachments"
    F = declared("attachments")
    case_id: Mapped[str] = F("case_id", index=True)
    kind: Mapped[str] = F("kind")
    filename: Mapped[str] = F("filename")
    mime: Mapped[str] = F("mime")
    size: Mapped[int] = F("size", BigInteger)
    sha256: Mapped[str] = F("sha256", index=True)
    description: Mapped[str | None] = F("description")


class IssuedDocument(SyncMixin, Base):
    """A document as issued: the exact data it was made from, and the PDF (an attachment).

    Immutable: printing the same data again returns this file; changed data is a new version."""

    __tablename__ = "issued_documents"
    F = declared("issued_documents")
    __table_args__ = (UniqueConstraint("case_id", "doc_type", "target_key", "doc_version", name="uq_issued_version"),)
    case_id: Mapped[str] = F("case_id", index=True)
    doc_type: Mapped[str] = F("doc_type")
    target_key: Mapped[str] = F("target_key", nullable=False, default="")
    doc_version: Mapped[int] = F("doc_version")
    template_version: Mapped[str] = F("template_version")
    data: Mapped[dict] = F("data")
    data_hash: Mapped[str] = F("data_hash", index=True)
    pdf_sha256: Mapped[str] = F("pdf_sha256", index=True)
    attachment_id: Mapped[str] = F("attachment_id")
    payload: Mapped[str] = F("payload")
    pages: Mapped[int] = F("pages")
    issued_by: Mapped[str | None] = F("issued_by")


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
