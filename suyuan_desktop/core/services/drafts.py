"""Drafts: what a user typed into a form and has not saved yet (see store.models.Draft)."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import delete, select

from ..store.models import Draft, utcnow

MAX_DRAFT_BYTES = 512 * 1024  # a form's text; attachments are never drafts


@dataclass(frozen=True)
class DraftView:
    key: str
    kind: str
    case_id: str | None
    payload: dict
    updated_at: dt.datetime


class DraftService:
    def __init__(self, store):
        self.store = store

    def save(self, user_id: str, key: str, kind: str, payload: dict, *, case_id: str | None = None) -> None:
        """Replace the user's draft of this form (one row per user and form)."""
        if len(json.dumps(payload, ensure_ascii=False).encode()) > MAX_DRAFT_BYTES:
            raise ValueError("draft too large")
        with self.store.write() as s:
            row = s.get(Draft, (user_id, key))
            if row is None:
                s.add(Draft(user_id=user_id, key=key, kind=kind, case_id=case_id, payload=payload,
                            updated_at=utcnow()))
            else:
                row.kind, row.case_id, row.payload, row.updated_at = kind, case_id, payload, utcnow()

    def get(self, user_id: str, key: str) -> DraftView | None:
        with self.store.read() as s:
            row = s.get(Draft, (user_id, key))
            return None if row is None else DraftView(row.key, row.kind, row.case_id, dict(row.payload),
                                                      row.updated_at)

    def list(self, user_id: str) -> list[DraftView]:
        with self.store.read() as s:
            rows = s.execute(select(Draft).where(Draft.user_id == user_id).order_by(Draft.updated_at.desc())).scalars()
            return [DraftView(r.key, r.kind, r.case_id, dict(r.payload), r.updated_at) for r in rows]

    def discard(self, user_id: str, key: str) -> None:
        with self.store.write() as s:
            s.execute(delete(Draft).where(Draft.user_id == user_id, Draft.key == key))
