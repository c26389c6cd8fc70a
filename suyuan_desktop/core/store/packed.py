"""JSON stored compressed: the audit log's changes (which the outbox also reads) and the
district's answers to them; and digests kept as bytes (docs/storage.md).

Every change is kept as ``{"field": {"old": ..., "new": ...}}``; 100,000 cases make about 1.5
million of them, most a few hundred bytes of field names repeated. They are stored as raw DEFLATE
with a preset dictionary of those names (``zlib`` with ``zdict``), behind a version byte, so a row
is about a third of its JSON. Rows written before, as JSON text, read as they always did; the
audit hash is computed over the values, not the stored bytes, so the chain does not change.

The dictionary of a version byte must never change: rows written with it can only be read with it.
A new dictionary takes a new version byte.
"""
from __future__ import annotations

import json
import zlib

from sqlalchemy import LargeBinary
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.types import TypeDecorator

# the field names of the synced records in 2026, rarest first: DEFLATE finds the nearest match
# cheapest, so the most frequent go last. FROZEN: rows written with version 1 depend on it.
_V1_NAMES = (
    "accepted_date active address agent_authority agent_id_number agent_name agent_phone agreed_date amount "
    "applied_date attachment_id attendees birth_date case_number case_seq case_year changed_at changed_by claims "
    "closed_date confirmed consent_given content copies cost_conduct court_case_number credit_code data data_hash "
    "description dispute_statement dispute_subtype dispute_type disputed_points disputes_found disputes_prevented "
    "doc_type doc_version effective_date ethnicity evidence_refs extension_days fact_id facts_and_disputes "
    "failure_reason filename from_status gender id_number investigators issued_by judge lead legal_representative "
    "legal_representative_title limit_days mediation_end mediation_start mediator_id mediator_signed_date method "
    "mime next_visit_date number occupation outcome outcome_date pages payload pdf_sha256 performance_deadline "
    "performance_method performance_place performance_status persons procedure received_date record record_date "
    "record_id recorded_date reference_number refusal_reason registered_by result revision risk_of_escalation "
    "risk_reported role satisfaction screened_on screeners sealed_date sha256 signed_date signed_for_date size "
    "source state status subject summary supersedes_id target_key template_version termination_detail "
    "termination_reason to_status total_amount visit_date visited visitor withdrawal_reason court deadline name "
    "notes occurred_at participants party_id phone text title agreement_id note place position recorder "
    "station_code kind case_id deleted_at id"
).split()
_V1_VALUES = ('"application" "in_mediation" "accepted" "received" "agreed" "effective" "written" "oral" "person" '
              '"applicant" "respondent" "draft" "performed" "partial" "***" "2026-')
ZDICTS = {
    1: (_V1_VALUES + "".join(f'"{n}":{{"old":null,"new":' for n in _V1_NAMES)
        + "".join(f'"{n}":{{"old":' for n in _V1_NAMES[-12:]) + '},"new":null},"new":true}}').encode(),
}
CURRENT = 1


def pack(value) -> bytes:
    """``value`` as compact JSON, deflated with the current dictionary, after its version byte."""
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, ZDICTS[CURRENT])
    return bytes((CURRENT,)) + c.compress(data) + c.flush()


def unpack(stored):
    """The value of a stored row: packed bytes of any version, or JSON text from before."""
    if stored is None:
        return None
    if isinstance(stored, str):
        return json.loads(stored)
    stored = bytes(stored)
    version = stored[0]
    if version not in ZDICTS:
        return json.loads(stored.decode())  # JSON text a driver returned as bytes
    d = zlib.decompressobj(-15, ZDICTS[version])
    return json.loads(d.decompress(stored[1:]) + d.flush())


class PackedJSON(TypeDecorator):
    """A JSON column stored with ``pack`` and read with ``unpack``."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else pack(value)

    def process_result_value(self, value, dialect):
        return unpack(value)


@compiles(PackedJSON)
def _declared_as_json(type_, compiler, **kw) -> str:
    # the columns were created as JSON and keep that name; SQLite stores the bytes as they are
    return "JSON"


class Digest(TypeDecorator):
    """A SHA-256 digest kept as its 32 bytes and handled as 64 hex characters (half the room)."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else bytes.fromhex(value)

    def process_result_value(self, value, dialect):
        return None if value is None else bytes(value).hex()
