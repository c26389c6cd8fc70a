"""The shape of every synced record, declared once: its fields, their kinds and limits, what each
points at and how it finds its case (docs/architecture.md, "One declaration of the records").

Derived from this table: the station's column lengths (``store/models.py``), the limits the use
cases check at the field (``services/inputs.py``), the checks every change passes before it enters
the outbox, the import's checks, and the district's validation of every push (through
``sync/protocol.py``, which re-exports it). A test checks the station models against it field by
field. Pure: no database, no HTTP, no pydantic, so the first screen can use it at no cost.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from .canonical import canonical_json, sha256_hex

MAX_INT = 2 ** 62 - 1           # every integer at the edge fits a signed 64-bit column with room

# Every syncable table, its fields and their kinds ("!" = required on insert): "str:N" and "text:N"
# are text of at most N characters, "ref:T" is the id of a record of table T (see REFERENCES). The
# station refuses to record a change that breaks these (so no change the district would refuse ever
# enters the outbox), import checks them, and the district checks them again. A test checks this
# against the station models, so a new column cannot silently fall out of sync.
ENTITY_FIELDS: dict[str, dict[str, str]] = {
    "mediators": {"station_code": "str:32!", "name": "str:64!", "phone": "str:32", "title": "str:64", "active": "bool", "deleted_at": "datetime"},
    "cases": {"station_code": "str:32!", "case_number": "str:64!", "case_year": "int!", "case_seq": "int!", "title": "str:200!", "dispute_type": "str:4!", "dispute_subtype": "str:32", "source": "str:32!", "status": "str:32!", "summary": "text:5000!", "claims": "text:5000", "received_date": "date!", "accepted_date": "date", "closed_date": "date", "risk_of_escalation": "bool", "risk_reported": "bool", "termination_reason": "str:32", "termination_detail": "text:5000", "refusal_reason": "text:5000", "withdrawal_reason": "text:5000", "registered_by": "str:64", "deleted_at": "datetime"},
    "case_status_changes": {"case_id": "ref:cases!", "from_status": "str:32", "to_status": "str:32!", "changed_at": "datetime!", "changed_by": "str:64", "note": "text:5000", "deleted_at": "datetime"},
    "case_mediators": {"case_id": "ref:cases!", "mediator_id": "ref:mediators!", "lead": "bool", "deleted_at": "datetime"},
    "parties": {"case_id": "ref:cases!", "position": "int!", "role": "str:16!", "kind": "str:16!", "name": "str:100!", "gender": "str:2", "ethnicity": "str:16", "birth_date": "date", "id_number": "str:18", "credit_code": "str:18", "legal_representative": "str:64", "legal_representative_title": "str:64", "occupation": "str:100", "phone": "str:32", "address": "str:200", "agent_name": "str:64", "agent_id_number": "str:18", "agent_phone": "str:32", "agent_authority": "str:200", "deleted_at": "datetime"},
    "investigations": {"case_id": "ref:cases!", "occurred_at": "datetime!", "place": "str:200!", "investigators": "str:200!", "subject": "str:200!", "participants": "str:200", "record": "text:20000!", "recorder": "str:64", "deleted_at": "datetime"},
    "mediation_sessions": {"case_id": "ref:cases!", "occurred_at": "datetime!", "place": "str:200!", "attendees": "str:300!", "participants": "str:300", "content": "text:50000!", "result": "text:5000", "recorder": "str:64", "deleted_at": "datetime"},
    "fact_records": {"case_id": "ref:cases!", "record_date": "date!", "mediation_start": "date", "mediation_end": "date", "dispute_statement": "text:10000!", "disputed_points": "text:10000", "failure_reason": "text:5000", "cost_conduct": "text:5000", "consent_given": "bool!", "deleted_at": "datetime"},
    "facts": {"record_id": "ref:fact_records!", "position": "int!", "text": "text:2000!", "evidence_refs": "str:300", "deleted_at": "datetime"},
    "fact_confirmations": {"fact_id": "ref:facts!", "party_id": "ref:parties!", "confirmed": "bool!", "deleted_at": "datetime"},
    "agreements": {"case_id": "ref:cases!", "kind": "str:16!", "number": "str:80!", "revision": "int", "supersedes_id": "ref:agreements", "state": "str:16!", "facts_and_disputes": "text:20000!", "performance_method": "text:5000", "performance_place": "str:200", "performance_deadline": "date", "agreed_date": "date!", "mediator_signed_date": "date", "sealed_date": "date", "effective_date": "date", "copies": "int!", "total_amount": "money", "recorder": "str:64", "deleted_at": "datetime"},
    "agreement_clauses": {"agreement_id": "ref:agreements!", "position": "int!", "text": "text:5000!", "amount": "money", "deleted_at": "datetime"},
    "agreement_signatures": {"agreement_id": "ref:agreements!", "party_id": "ref:parties!", "signed_date": "date!", "deleted_at": "datetime"},
    "judicial_confirmations": {"case_id": "ref:cases!", "agreement_id": "ref:agreements!", "court": "str:100!", "applied_date": "date!", "deadline": "date!", "court_case_number": "str:80", "outcome": "str:16!", "outcome_date": "date", "note": "text:5000", "deleted_at": "datetime"},
    "court_referrals": {"case_id": "ref:cases!", "kind": "str:16!", "procedure": "str:16", "court": "str:100!", "reference_number": "str:80!", "judge": "str:64", "signed_for_date": "date!", "limit_days": "int!", "extension_days": "int", "deadline": "date!", "deleted_at": "datetime"},
    "follow_ups": {"case_id": "ref:cases!", "visit_date": "date!", "visited": "str:200!", "method": "str:32", "performance_status": "str:16!", "satisfaction": "str:32", "notes": "text:10000!", "visitor": "str:64!", "next_visit_date": "date", "deleted_at": "datetime"},
    "screenings": {"station_code": "str:32!", "screened_on": "date!", "place": "str:200!", "screeners": "str:200!", "disputes_found": "int!", "disputes_prevented": "int!", "notes": "text:5000", "deleted_at": "datetime"},
    "escalation_preventions": {"case_id": "ref:cases!", "kind": "str:16!", "persons": "int!", "recorded_date": "date!", "note": "text:2000", "deleted_at": "datetime"},
    "attachments": {"case_id": "ref:cases!", "kind": "str:32!", "filename": "str:255!", "mime": "str:100!", "size": "int!", "sha256": "str:64!", "description": "text:2000", "deleted_at": "datetime"},
    "issued_documents": {"case_id": "ref:cases!", "doc_type": "str:32!", "target_key": "str:36", "doc_version": "int!", "template_version": "str:32!", "data": "json!", "data_hash": "str:64!", "pdf_sha256": "str:64!", "attachment_id": "ref:attachments!", "payload": "str:300!", "pages": "int!", "issued_by": "str:64", "deleted_at": "datetime"},
}

# How an entity finds its case (the unit of ownership): its own id, a case_id field, or a parent.
PARENT: dict[str, tuple[str, str]] = {
    "facts": ("record_id", "fact_records"),
    "fact_confirmations": ("fact_id", "facts"),
    "agreement_clauses": ("agreement_id", "agreements"),
    "agreement_signatures": ("agreement_id", "agreements"),
}
STATION_SCOPED = {"mediators", "screenings"}   # belong to a station, not a case
# Every field that points at another record, from the declaration above: the ownership rule
# (docs/protocol.md) checks each of them on every insert and update.
REFERENCES: dict[str, dict[str, str]] = {
    etype: {f: spec.rstrip("!").partition(":")[2] for f, spec in fields.items() if spec.startswith("ref:")}
    for etype, fields in ENTITY_FIELDS.items()
}
# only the district reassigns a case (or a station's own record)
DISTRICT_OWNED_FIELDS = {("cases", "station_code"), ("screenings", "station_code")}


def case_field(entity_type: str) -> str | None:
    """The field holding the case id directly, if any ('id' for cases themselves)."""
    if entity_type == "cases":
        return "id"
    if entity_type in STATION_SCOPED or entity_type in PARENT:
        return None
    return "case_id"


# --- field values --------------------------------------------------------------------------------

class FieldProblem(ValueError):
    pass


def _named(field: str) -> str:
    """A field as a message names it: its Chinese label, and the name the file or log uses."""
    from .labels import field_label
    label = field_label(field)
    return f"“{label}”（{field}）" if label != field else f"“{field}”"


def check_value(entity_type: str, field: str, value: Any) -> None:
    """Validate one JSON value against the field's kind; raises FieldProblem with a Chinese reason."""
    spec = ENTITY_FIELDS[entity_type].get(field)
    if spec is None:
        raise FieldProblem(f"字段{_named(field)}不属于{entity_type}")
    kind = spec.rstrip("!")
    if value is None:
        if spec.endswith("!"):
            raise FieldProblem(f"字段{_named(field)}不能为空")
        return
    base, _, size = kind.partition(":")
    if base == "ref":
        base, size = "str", "36"
    if base in ("str", "text"):
        if not isinstance(value, str):
            raise FieldProblem(f"字段{_named(field)}应为文字")
        if size and len(value) > int(size):
            raise FieldProblem(f"字段{_named(field)}超过{size}个字")
    elif base == "int":
        if not isinstance(value, int) or isinstance(value, bool) or not -MAX_INT <= value <= MAX_INT:
            raise FieldProblem(f"字段{_named(field)}应为整数")
    elif base == "bool":
        if not isinstance(value, bool):
            raise FieldProblem(f"字段{_named(field)}应为是/否")
    elif base == "date":
        try:
            dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise FieldProblem(f"字段{_named(field)}应为日期（YYYY-MM-DD）") from None
    elif base == "datetime":
        try:
            dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise FieldProblem(f"字段{_named(field)}应为时间（ISO 8601）") from None
    elif base == "money":
        try:
            amount = Decimal(value) if isinstance(value, str) else None
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
            raise FieldProblem(f"字段{_named(field)}应为精确到分的金额文字，如 \"1200.00\"")


def check_patch(entity_type: str, patch: dict) -> None:
    """Every new value of a change against its field's declaration; raises FieldProblem naming
    the field's Chinese label where there is one."""
    for field, pair in patch.items():
        if field == "id" or field not in ENTITY_FIELDS.get(entity_type, {}):
            continue
        spec = ENTITY_FIELDS[entity_type][field]
        value = pair.get("new") if isinstance(pair, dict) else pair
        if value is None and spec.endswith("!"):
            continue  # required-ness is the business layer's concern for updates; inserts are checked there
        check_value(entity_type, field, value)


def without_impossible_old_values(entity_type: str, patch: dict) -> dict:
    """The patch with every "old" value the district can never have held (one over its field's
    limit: an edit that fixes a quarantined change) sent as null; the same dict when there is none."""
    bad = set()
    for field, pair in patch.items():
        if isinstance(pair, dict) and pair.get("old") is not None and field in ENTITY_FIELDS.get(entity_type, {}):
            try:
                check_value(entity_type, field, pair["old"])
            except FieldProblem:
                bad.add(field)
    if not bad:
        return patch
    return {f: ({**pair, "old": None} if f in bad else pair) for f, pair in patch.items()}


def max_chars(entity_type: str, field: str) -> int | None:
    """The most characters a text field may hold, or None for a field that is not text."""
    spec = ENTITY_FIELDS.get(entity_type, {}).get(field, "")
    base, _, size = spec.rstrip("!").partition(":")
    return 36 if base == "ref" else int(size) if base in ("str", "text") and size else None


def field_kind(entity_type: str, field: str) -> str:
    return ENTITY_FIELDS[entity_type][field].rstrip("!").partition(":")[0]


def from_json(entity_type: str, field: str, value: Any) -> Any:
    """A JSON value to the Python type the station's model column takes."""
    if value is None or field not in ENTITY_FIELDS.get(entity_type, {}):
        return value
    kind = field_kind(entity_type, field)
    if kind == "date":
        return dt.date.fromisoformat(value)
    if kind == "datetime":
        return dt.datetime.fromisoformat(value)
    if kind == "money":
        return Decimal(value)
    return value


def text_limit(entity: str, field: str) -> int:
    """The most characters the text field ``entity.field`` may hold (a form's limit is this one)."""
    spec = ENTITY_FIELDS[entity][field].rstrip("!")
    kind, _, size = spec.partition(":")
    if kind not in ("str", "text") or not size:
        raise ValueError(f"{entity}.{field} is not text ({spec})")
    return int(size)


def payload_hash(change: dict) -> str:
    """SHA-256 of a change's canonical payload: what the outbox stores when it writes the change,
    what the station sends and what the district checks (docs/protocol.md)."""
    body = {k: change.get(k) for k in ("change_id", "entity_type", "entity_id", "op", "base_version",
                                        "patch", "schema_version")}
    return sha256_hex(canonical_json(body))
