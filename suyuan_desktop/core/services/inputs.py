"""Input records of the use cases and their field validation.

Validation collects every problem (not only the first) with a path and a Chinese label, so a
form can mark each field and an import can report each record.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..domain.enums import (
    CaseSource, PartyKind, PartyRole, PerformanceStatus, ReferralKind,
    TerminationReason,
)
from ..domain.errors import FieldError, ValidationError
from ..domain.idcard import parse_id_number
from ..domain.money import parse_amount
from ..domain.phone import normalize_phone
from ..domain.uscc import validate_uscc
from ..domain.records import text_limit as max_length


class Collector:
    """Gathers FieldErrors; ``check`` runs a validator and keeps its error instead of raising.
    Text fields take their length limit from the record they are written to: ``of`` (the
    collector's ``entity`` by default) and ``field`` (the input's name by default)."""

    def __init__(self, prefix: str = "", entity: str | None = None):
        self.prefix = prefix
        self.entity = entity
        self.errors: list[FieldError] = []

    def _limit(self, name: str, of: str | None, field: str | None) -> int:
        return max_length(of or self.entity, field or name)

    def path(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def add(self, name: str, label: str, message: str, code: str = "invalid") -> None:
        self.errors.append(FieldError(self.path(name), label, message, code))

    def check(self, fn, *args, **kw):
        try:
            return fn(*args, **kw)
        except ValidationError as exc:
            for e in exc.errors:
                self.errors.append(FieldError(self.path(e.path), e.label, e.message, e.code))
            return None

    def _text(self, obj, name: str, label: str):
        """The field's text, stripped; a number, list or object in its place is an error."""
        value = getattr(obj, name)
        if value is None or isinstance(value, str):
            return value.strip() if value else value
        self.add(name, label, "应为文字。", "type")
        return None

    def required(self, obj, name: str, label: str, *, of: str | None = None, field: str | None = None) -> str | None:
        max_len = self._limit(name, of, field)
        value = self._text(obj, name, label)
        if not value:
            if getattr(obj, name) not in (None, "") and not isinstance(getattr(obj, name), str):
                return None  # already reported as the wrong type
            self.add(name, label, "不能为空，请填写。", "required")
            return None
        if max_len and len(value) > max_len:
            self.add(name, label, f"不能超过{max_len}个字，现在是{len(value)}个字。", "too_long")
        return value

    def optional(self, obj, name: str, label: str, *, of: str | None = None, field: str | None = None) -> str | None:
        max_len = self._limit(name, of, field)
        value = self._text(obj, name, label)
        if value and max_len and len(value) > max_len:
            self.add(name, label, f"不能超过{max_len}个字，现在是{len(value)}个字。", "too_long")
        return value or None

    def enum(self, obj, name: str, label: str, enum_cls, required: bool = True):
        value = getattr(obj, name)
        if value in (None, ""):
            if required:
                self.add(name, label, f"不能为空，可选：{enum_cls.choices()}。", "required")
            return None
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            return enum_cls.parse(value)
        except ValueError:
            self.add(name, label, f"“{value}”不是有效选项，可选：{enum_cls.choices()}。", "choice")
            return None

    def date(self, obj, name: str, label: str, required: bool = True) -> dt.date | None:
        value = getattr(obj, name)
        if value in (None, ""):
            if required:
                self.add(name, label, "不能为空，请填写日期（如 2026-03-15）。", "required")
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.add(name, label, f"“{value}”不是有效日期，请按 2026-03-15 的格式填写。", "date")
            return None

    def datetime(self, obj, name: str, label: str) -> dt.datetime | None:
        value = getattr(obj, name)
        if value in (None, ""):
            self.add(name, label, "不能为空，请填写时间（如 2026-03-15 09:30）。", "required")
            return None
        if isinstance(value, dt.datetime):
            return value
        if isinstance(value, dt.date):
            return dt.datetime.combine(value, dt.time(9, 0))
        try:
            return dt.datetime.fromisoformat(str(value).strip())
        except ValueError:
            self.add(name, label, f"“{value}”不是有效时间，请按 2026-03-15 09:30 的格式填写。", "datetime")
            return None

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def from_dict(cls, data: dict, col: Collector):
    """Build an input dataclass from a mapping, reporting unknown keys instead of dropping them."""
    if not isinstance(data, dict):
        col.add("", cls.__name__, "应为一个对象（JSON 花括号）。", "type")
        return None
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - names)
    for key in unknown:
        col.add(key, key, "不认识的字段，请检查拼写（字段名见 docs/case-format.md）。", "unknown_field")
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class PartyInput:
    name: str = ""
    role: str = PartyRole.APPLICANT.value
    kind: str = PartyKind.PERSON.value
    gender: str | None = None
    ethnicity: str | None = None
    birth_date: str | dt.date | None = None
    id_number: str | None = None
    credit_code: str | None = None
    legal_representative: str | None = None
    legal_representative_title: str | None = None
    occupation: str | None = None
    phone: str | None = None
    address: str | None = None
    agent_name: str | None = None
    agent_id_number: str | None = None
    agent_phone: str | None = None
    agent_authority: str | None = None
    id: str | None = None  # set when editing or importing an existing party


def clean_party(p: PartyInput, col: Collector, today: dt.date) -> dict:
    out: dict = {"id": p.id}
    kind = col.enum(p, "kind", "当事人类型", PartyKind)
    out["kind"] = kind.value if kind else None
    role = col.enum(p, "role", "当事人身份", PartyRole)
    out["role"] = role.value if role else None
    out["name"] = col.required(p, "name", "姓名或名称", of="parties")
    for name, label in (("ethnicity", "民族"), ("occupation", "职业或职务"), ("address", "住址或单位地址"),
                        ("agent_name", "委托代理人"), ("agent_authority", "代理权限"),
                        ("legal_representative", "法定代表人"), ("legal_representative_title", "法定代表人职务")):
        out[name] = col.optional(p, name, label, of="parties")
    out["phone"] = col.check(normalize_phone, p.phone, field="phone") if p.phone else None
    out["agent_phone"] = (col.check(normalize_phone, p.agent_phone, field="agent_phone", label="代理人电话")
                          if p.agent_phone else None)
    out["agent_id_number"] = None
    if p.agent_id_number:
        info = col.check(parse_id_number, p.agent_id_number, field="agent_id_number", label="代理人身份证号码", today=today)
        out["agent_id_number"] = info.number if info else None
    out.update(gender=None, birth_date=None, id_number=None, credit_code=None)
    if kind is PartyKind.PERSON:
        birth = col.date(p, "birth_date", "出生日期", required=False)
        if p.id_number:
            info = col.check(parse_id_number, p.id_number, today=today)
            if info:
                out["id_number"] = info.number
                if p.gender and p.gender != info.gender:
                    col.add("gender", "性别", f"与身份证号码不符（号码显示为{info.gender}），请核对。", "mismatch")
                if birth and birth != info.birth_date:
                    col.add("birth_date", "出生日期", "与身份证号码中的出生日期不符，请核对。", "mismatch")
                out["gender"] = info.gender
                out["birth_date"] = info.birth_date
        else:
            if p.gender and p.gender not in ("男", "女"):
                col.add("gender", "性别", "只能填“男”或“女”。", "choice")
            out["gender"] = p.gender or None
            out["birth_date"] = birth
        if p.credit_code:
            col.add("credit_code", "统一社会信用代码", "自然人不填统一社会信用代码；单位当事人请把类型改为“法人或其他组织”。", "not_applicable")
    elif kind is PartyKind.ORGANISATION:
        if p.credit_code:
            out["credit_code"] = col.check(validate_uscc, p.credit_code)
        if not out["legal_representative"]:
            col.add("legal_representative", "法定代表人", "单位当事人须填写法定代表人或负责人姓名。", "required")
        if p.id_number:
            col.add("id_number", "身份证号码", "单位当事人不填身份证号码，请填写统一社会信用代码。", "not_applicable")
    return out


@dataclass
class ReferralInput:
    kind: str = ReferralKind.ASSIGNED.value
    court: str = ""
    reference_number: str = ""
    signed_for_date: str | dt.date | None = None
    procedure: str | None = None
    judge: str | None = None


@dataclass
class CaseIntake:
    title: str = ""
    dispute_type: str = ""
    source: str = CaseSource.APPLICATION.value
    summary: str = ""
    received_date: str | dt.date | None = None
    claims: str | None = None
    dispute_subtype: str | None = None
    risk_of_escalation: bool = False
    parties: list = field(default_factory=list)
    referral: ReferralInput | dict | None = None
    mediator_ids: list = field(default_factory=list)


@dataclass
class InvestigationInput:
    occurred_at: str | dt.datetime | None = None
    place: str = ""
    investigators: str = ""
    subject: str = ""
    record: str = ""
    participants: str | None = None
    recorder: str | None = None


@dataclass
class SessionInput:
    occurred_at: str | dt.datetime | None = None
    place: str = ""
    attendees: str = ""
    content: str = ""
    participants: str | None = None
    result: str | None = None
    recorder: str | None = None


@dataclass
class FactInput:
    text: str = ""
    confirmed_by: list = field(default_factory=list)  # party ids (or positions) that confirmed it
    evidence_refs: str | None = None


@dataclass
class FactRecordInput:
    dispute_statement: str = ""
    facts: list = field(default_factory=list)
    consent_given: bool = False
    record_date: str | dt.date | None = None
    mediation_start: str | dt.date | None = None
    mediation_end: str | dt.date | None = None
    disputed_points: str | None = None
    failure_reason: str | None = None
    cost_conduct: str | None = None


@dataclass
class ClauseInput:
    text: str = ""
    amount: str | Decimal | None = None


@dataclass
class AgreementInput:
    facts_and_disputes: str = ""
    clauses: list = field(default_factory=list)
    agreed_date: str | dt.date | None = None
    performance_method: str | None = None
    performance_place: str | None = None
    performance_deadline: str | dt.date | None = None
    recorder: str | None = None
    # signatures: party id -> date; complete signatures + mediator + seal make it effective (Art. 29)
    party_signatures: dict = field(default_factory=dict)
    mediator_signed_date: str | dt.date | None = None
    sealed_date: str | dt.date | None = None


@dataclass
class OralAgreementInput:
    content: str = ""
    agreed_date: str | dt.date | None = None
    facts_and_disputes: str = ""
    performance_method: str | None = None
    performance_deadline: str | dt.date | None = None
    recorder: str | None = None
    amount: str | Decimal | None = None


@dataclass
class FollowUpInput:
    visit_date: str | dt.date | None = None
    visited: str = ""
    performance_status: str = PerformanceStatus.PERFORMED.value
    notes: str = ""
    visitor: str = ""
    method: str | None = None
    satisfaction: str | None = None
    next_visit_date: str | dt.date | None = None


@dataclass
class EscalationInput:
    """防激化 recorded on a case: which kind, how many people it concerned."""

    kind: str = ""
    persons: int | str | None = None
    recorded_date: str | dt.date | None = None
    note: str | None = None


@dataclass
class TerminationInput:
    reason: str = TerminationReason.LARGE_DIFFERENCES.value
    detail: str | None = None
    terminated_date: str | dt.date | None = None


def clean_amount(col: Collector, obj, name: str, label: str):
    value = getattr(obj, name)
    if value in (None, ""):
        return None
    return col.check(parse_amount, value, field=name, label=label)

