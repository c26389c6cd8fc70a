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
import json
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# The records' fields, kinds and limits are declared once, in domain/records.py; re-exported here
# because the station and the district check every change against them through the protocol.
from ..domain.records import (  # noqa: F401
    DISTRICT_OWNED_FIELDS, ENTITY_FIELDS, MAX_INT, PARENT, REFERENCES, STATION_SCOPED,
    FieldProblem, case_field, check_patch, check_value, field_kind, from_json, max_chars, payload_hash,
    without_impossible_old_values,
)

# Protocol numbers: the server speaks every version in [PROTOCOL_MIN, PROTOCOL_CURRENT]. Version 1
# had no `limits`/`conflicts_open` in hello and no 304 on pull; clients at 1 still sync. Anything
# older gets 426 with an upgrade message and keeps its outbox.
PROTOCOL_CURRENT = 2
PROTOCOL_MIN = 1
SCHEMA_VERSION = 1

MAX_BATCH = 200                 # changes per push
MAX_BODY = 2 * 1024 * 1024      # bytes per JSON request
MAX_BLOB = 100 * 1024 * 1024    # bytes per attachment
CHUNK = 4 * 1024 * 1024         # upload chunk
PULL_LIMIT = 1000           # server maximum per pull page (the client asks 500, or 1000 for a snapshot)

ACCESS_TOKEN_SECONDS = 15 * 60
ENROLL_TICKET_HOURS = 72
CLOCK_SKEW_WARN_SECONDS = 300

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")

# --- changes -------------------------------------------------------------------------------------

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
