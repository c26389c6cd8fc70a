"""The station <-> district sync protocol (docs/protocol.md): shared by the client
(core/sync, core/services/sync.py) and the server (district_server/). Pure: no database, no HTTP.

What crosses the wire:
- a *change* is one outbox row: a field-level patch ``{field: {old, new}}`` of one entity against
  the version the station last knew, identified by (device_id, device_seq, change_id) and the
  SHA-256 of its canonical payload;
- a *pull item* is the latest server state of one entity in the station's scope, in commit order.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..domain.canonical import canonical_json, sha256_hex

# Protocol numbers: the server speaks every version in [PROTOCOL_MIN, PROTOCOL_CURRENT]. Version 1
# had no `limits`/`conflicts_open` in hello and no 304 on pull; clients at 1 still sync. Anything
# older gets 426 with an upgrade message and keeps its outbox.
PROTOCOL_CURRENT = 2
PROTOCOL_MIN = 1
SCHEMA_VERSION = 1

MAX_INT = 2 ** 62 - 1           # every integer at the edge fits a signed 64-bit column with room
MAX_BATCH = 200                 # changes per push
MAX_BODY = 2 * 1024 * 1024      # bytes per JSON request
MAX_BLOB = 100 * 1024 * 1024    # bytes per attachment
CHUNK = 4 * 1024 * 1024         # upload chunk
PULL_LIMIT = 1000           # server maximum per pull page (the client asks 500, or 1000 for a snapshot)

ACCESS_TOKEN_SECONDS = 15 * 60
ENROLL_TICKET_HOURS = 72
CLOCK_SKEW_WARN_SECONDS = 300

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")

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
FIELD_LABELS = {"station_code": "所属调委会", "status": "案件状态", "deleted_at": "作废时间"}


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


def check_value(entity_type: str, field: str, value: Any) -> None:
    """Validate one JSON value against the field's kind; raises FieldProblem with a Chinese reason."""
    spec = ENTITY_FIELDS[entity_type].get(field)
    if spec is None:
        raise FieldProblem(f"字段“{field}”不属于{entity_type}")
    kind = spec.rstrip("!")
    if value is None:
        if spec.endswith("!"):
            raise FieldProblem(f"字段“{field}”不能为空")
        return
    base, _, size = kind.partition(":")
    if base == "ref":
        base, size = "str", "36"
    if base in ("str", "text"):
        if not isinstance(value, str):
            raise FieldProblem(f"字段“{field}”应为文字")
        if size and len(value) > int(size):
            raise FieldProblem(f"字段“{field}”超过{size}个字")
    elif base == "int":
        if not isinstance(value, int) or isinstance(value, bool) or not -MAX_INT <= value <= MAX_INT:
            raise FieldProblem(f"字段“{field}”应为整数")
    elif base == "bool":
        if not isinstance(value, bool):
            raise FieldProblem(f"字段“{field}”应为是/否")
    elif base == "date":
        try:
            dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise FieldProblem(f"字段“{field}”应为日期（YYYY-MM-DD）") from None
    elif base == "datetime":
        try:
            dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise FieldProblem(f"字段“{field}”应为时间（ISO 8601）") from None
    elif base == "money":
        try:
            amount = Decimal(value) if isinstance(value, str) else None
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
            raise FieldProblem(f"字段“{field}”应为精确到分的金额文字，如 \"1200.00\"")


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


# --- changes -------------------------------------------------------------------------------------

def payload_hash(change: dict) -> str:
    """SHA-256 of the canonical change payload (the same bytes the outbox hashed when it wrote it)."""
    body = {k: change.get(k) for k in ("change_id", "entity_type", "entity_id", "op", "base_version",
                                        "patch", "schema_version")}
    return sha256_hex(canonical_json(body))


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Change(Strict):
    device_seq: int = Field(ge=1, le=MAX_INT)
    change_id: str = Field(min_length=36, max_length=36)
    entity_type: str = Field(max_length=40)
    entity_id: str = Field(min_length=1, max_length=36)
    # "quarantined": the station holds a change the district could never accept and sends only
    # this marker for its sequence number; the district records it as rejected (docs/protocol.md)
    op: Literal["insert", "update", "delete", "quarantined"]
    base_version: int = Field(ge=0, le=MAX_INT)
    patch: dict[str, dict[str, Any]]
    blob_refs: list[str] = Field(default_factory=list, max_length=20)
    schema_version: int = Field(ge=1, le=1000)
    payload_hash: str = Field(min_length=64, max_length=64)
    device_time: str | None = None
    user_id: str | None = Field(default=None, max_length=36)


class PushRequest(Strict):
    replica_epoch: int = Field(ge=1, le=MAX_INT)
    changes: list[Change] = Field(max_length=MAX_BATCH)


ChangeStatus = Literal["applied", "merged", "duplicate", "conflict", "rejected"]


class ChangeResult(BaseModel):
    change_id: str
    device_seq: int
    status: ChangeStatus
    new_version: int | None = None
    conflict_ids: list[int] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)
    error: str | None = None


class PushResponse(BaseModel):
    results: list[ChangeResult]
    last_applied_seq: int


class HelloRequest(Strict):
    client_version: str = Field(max_length=40)
    protocol_min: int = Field(ge=0, le=1000)
    protocol_max: int = Field(ge=0, le=1000)
    schema_version: int = Field(default=SCHEMA_VERSION, ge=1, le=1000)
    replica_epoch: int | None = Field(default=None, ge=0, le=MAX_INT)
    last_acked_seq: int | None = Field(default=None, ge=0, le=MAX_INT)
    outbox_depth: int | None = Field(default=None, ge=0, le=MAX_INT)
    device_time: str | None = Field(default=None, max_length=40)


class Limits(BaseModel):
    max_batch: int = MAX_BATCH
    max_body: int = MAX_BODY
    max_blob: int = MAX_BLOB
    chunk: int = CHUNK
    pull_limit: int = PULL_LIMIT


class HelloResponse(BaseModel):
    protocol: int
    server_time: str
    server_id: str
    db_epoch: int
    station_code: str
    expected_next_seq: int
    replica_epoch: int
    min_client_version: str
    ref_versions: dict[str, str] = Field(default_factory=dict)
    limits: Limits | None = None            # protocol >= 2
    conflicts_open: int | None = None       # protocol >= 2


class EnrollRequest(Strict):
    ticket: str = Field(min_length=6, max_length=64)
    device_name: str = Field(min_length=1, max_length=100)
    client_version: str = Field(max_length=40)
    os: str = Field(default="", max_length=100)


class EnrollResponse(BaseModel):
    device_id: str
    station_code: str
    station_name: str
    server_id: str
    refresh_token: str
    replica_epoch: int


class TokenRequest(Strict):
    device_id: str = Field(max_length=36)
    refresh_token: str = Field(max_length=100)


class TokenResponse(BaseModel):
    access_token: str
    expires_in: int
    refresh_token: str


class PullItem(BaseModel):
    entity_type: str
    entity_id: str
    version: int
    op: Literal["upsert", "delete", "revoke"]
    case_id: str | None = None
    state: dict[str, Any] | None = None
    flags: list[str] = Field(default_factory=list)
    updated_at: str | None = None


class PullResponse(BaseModel):
    items: list[PullItem]
    next_cursor: str
    has_more: bool


class ConflictOut(BaseModel):
    id: int
    entity_type: str
    entity_id: str
    case_id: str | None
    field: str | None
    kind: Literal["hard", "edit_after_delete", "post_transfer", "ownership", "invalid_transition"]
    base_value: Any = None
    server_value: Any = None
    client_value: Any = None
    change_id: str | None
    station_code: str | None
    status: Literal["open", "resolved"]
    created_at: str
    resolution: Any = None


class ResolveRequest(Strict):
    choice: Literal["server", "client", "value"]
    value: Any = None
    note: str | None = Field(default=None, max_length=500)


class UploadState(BaseModel):
    upload_id: str
    sha256: str
    size: int
    offset: int
    complete: bool = False


class Problem(BaseModel):
    """Every error body: a machine code and a Chinese message a mediator can act on."""

    error: str
    message: str
    detail: dict[str, Any] | None = None


# --- cursor --------------------------------------------------------------------------------------

def encode_cursor(db_epoch: int, scope: str, seq: int) -> str:
    raw = json.dumps({"v": 1, "e": db_epoch, "s": scope, "q": seq}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> dict:
    """Raises ValueError for anything that is not a cursor we made."""
    raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    data = json.loads(raw)
    if not isinstance(data, dict) or data.get("v") != 1 or not isinstance(data.get("q"), int) \
            or isinstance(data.get("q"), bool) or not 0 <= data["q"] <= MAX_INT:
        raise ValueError("not a cursor")
    if any(isinstance(v, int) and not isinstance(v, bool) and not -MAX_INT <= v <= MAX_INT for v in data.values()):
        raise ValueError("not a cursor")
    return data
