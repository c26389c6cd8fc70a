"""Canonical JSON: one byte form for the same data, so hashes (audit chain, outbox payloads,
issued documents) are reproducible."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal


def jsonable(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def canonical_json(obj) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=jsonable)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
