"""Change tracking: every flush of an audited row appends hash-chained audit entries, and every
flush of a syncable row bumps its version and appends an outbox row, all inside the transaction
of the change itself (docs/protocol.md). Nothing outside this module needs to remember to do it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import event, inspect, select

from ..domain.canonical import canonical_json, jsonable, sha256_hex
from ..domain.errors import ImmutableRecord
from ..domain.records import payload_hash
from .ids import uuid7
from .models import AuditEntry, SyncOutbox, SyncRevokedCase, utcnow

SYNC_SCHEMA_VERSION = 1
GENESIS_HASH = "0" * 64
_META_FIELDS = {"version", "created_at", "updated_at"}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user, or a named system process (CLI import, sync)."""

    user_id: str | None
    username: str
    role: str = "system"


SYSTEM = Actor(None, "system")


def audit_hash(prev_hash: str, at: dt.datetime, actor: str | None, entity_type: str, entity_id: str,
               action: str, changes: dict) -> str:
    body = canonical_json({"prev": prev_hash, "at": at.isoformat(), "actor": actor,
                           "type": entity_type, "id": entity_id, "action": action, "changes": changes})
    return sha256_hex(body)


def _entity_id(obj) -> str:
    ident = inspect(obj).mapper.primary_key_from_instance(obj)
    return "/".join(str(jsonable(v)) for v in ident)


def _changes(obj, *, new: bool) -> dict:
    state = inspect(obj)
    mask = getattr(obj, "__audit_mask__", ())
    derived = getattr(obj, "__derived__", ())
    out = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _META_FIELDS or key in derived:
            continue
        if new:
            value = getattr(obj, key)
            if value is None:
                continue
            out[key] = {"old": None, "new": "***" if key in mask else jsonable(value)}
            continue
        hist = state.attrs[key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new_v = hist.added[0] if hist.added else None
        if old == new_v:
            continue
        if key in mask:
            out[key] = {"old": "***", "new": "***"}
        else:
            out[key] = {"old": jsonable(old), "new": jsonable(new_v)}
    return out


def _fill_scalar_defaults(obj) -> None:
    """Column defaults (active=True, lead=False, ...) are applied by the INSERT itself; set them
    on the object first so the audit entry and the outbox patch carry the whole record."""
    for col in inspect(obj).mapper.columns:
        default = col.default
        if default is not None and getattr(default, "is_scalar", False) and col.key not in _META_FIELDS:
            if getattr(obj, col.key, None) is None:
                setattr(obj, col.key, default.arg)


def _head_hash(session) -> str:
    head = session.info.get("audit_head")
    if head is None:
        with session.no_autoflush:
            head = session.execute(
                select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
            ).scalar_one_or_none() or GENESIS_HASH
    return head


def _before_flush(session, flush_context, instances):
    actor: Actor = session.info.get("actor") or SYSTEM
    now = utcnow()
    pending: list[tuple[object, str, dict]] = []

    for obj in list(session.new):
        if not getattr(obj, "__audited__", False):
            continue
        if getattr(obj, "__syncable__", False):
            if not obj.id:
                obj.id = uuid7()
            obj.version = 1
            obj.created_at = obj.created_at or now
            obj.updated_at = now
        elif hasattr(obj, "id") and getattr(obj, "id", "x") is None:
            obj.id = uuid7()
        _fill_scalar_defaults(obj)
        pending.append((obj, "insert", _changes(obj, new=True)))

    for obj in list(session.dirty):
        if not getattr(obj, "__audited__", False) or obj in session.new:
            continue
        changes = _changes(obj, new=False)
        if not changes:
            continue
        action = "update"
        if getattr(obj, "__syncable__", False):
            if "deleted_at" in changes and changes["deleted_at"]["new"] is not None:
                action = "delete"
            obj.version = (obj.version or 0) + 1
            obj.updated_at = now
        pending.append((obj, action, changes))

    for obj in list(session.deleted):
        if getattr(obj, "__syncable__", False):
            raise ImmutableRecord(
                f"“{obj.__tablename__}”记录需要同步，不能物理删除；请改为作废（软删除）。"
            )
        if getattr(obj, "__audited__", False):
            pending.append((obj, "purge", {}))

    if not pending:
        return
    _refuse_revoked(session, [obj for obj, _, _ in pending])
    check = session.info.get("check_change")
    if check is not None:
        for obj, _action, changes in pending:
            if getattr(obj, "__syncable__", False):
                check(obj.__tablename__, obj.id, changes)
    prev = _head_hash(session)
    for obj, action, changes in pending:
        entity_type = obj.__tablename__
        entity_id = _entity_id(obj)
        digest = audit_hash(prev, now, actor.username, entity_type, entity_id, action, changes)
        entry = AuditEntry(at=now, actor=actor.username, entity_type=entity_type,
                           entity_id=entity_id, action=action, changes=changes, hash=digest)
        session.add(entry)
        prev = digest
        if getattr(obj, "__syncable__", False):
            change_id = uuid7()
            base = 0 if action == "insert" else obj.version - 1
            payload = {"change_id": change_id, "entity_type": entity_type, "entity_id": obj.id,
                       "op": action, "base_version": base, "patch": changes,
                       "schema_version": SYNC_SCHEMA_VERSION}   # what the district hashes again
            session.add(SyncOutbox(   # the change itself is the audit entry's
                change_id=change_id, entity_type=entity_type, entity_id=obj.id, op=action,
                base_version=base, new_version=obj.version, audit=entry,
                schema_version=SYNC_SCHEMA_VERSION, user_id=actor.user_id, device_time=now,
                payload_hash=payload_hash(payload), state="pending"))
    session.info["audit_head"] = prev


def _refuse_revoked(session, objs) -> None:
    """A case the district moved to another station stays here read-only (docs/protocol.md)."""
    case_ids = set()
    for obj in objs:
        if getattr(obj, "__tablename__", "") == "cases":
            case_ids.add(obj.id)
        elif getattr(obj, "case_id", None):
            case_ids.add(obj.case_id)
    if not case_ids:
        return
    with session.no_autoflush:
        hit = session.execute(select(SyncRevokedCase.case_id).where(
            SyncRevokedCase.case_id.in_(case_ids)).limit(1)).first()
    if hit is not None:
        raise ImmutableRecord("该案件已由区中心移交给其他调委会，本站保留只读副本，不能再修改。")


def append_audit(session, actor: str, entity_type: str, entity_id: str, action: str, changes: dict) -> None:
    """Chain an audit entry written outside the flush hook (sync applying the district's state)."""
    now = utcnow()
    prev = _head_hash(session)
    digest = audit_hash(prev, now, actor, entity_type, entity_id, action, changes)
    session.add(AuditEntry(at=now, actor=actor, entity_type=entity_type, entity_id=entity_id,
                           action=action, changes=changes, hash=digest))
    session.info["audit_head"] = digest


def _forget_head(session, *args):
    session.info.pop("audit_head", None)


def install(session_factory) -> None:
    """Attach the tracking hooks to a sessionmaker (idempotent per factory)."""
    if getattr(session_factory, "_suyuan_tracked", False):
        return
    event.listen(session_factory, "before_flush", _before_flush)
    event.listen(session_factory, "after_commit", _forget_head)
    event.listen(session_factory, "after_soft_rollback", _forget_head)
    session_factory._suyuan_tracked = True


@dataclass(frozen=True)
class AuditReport:
    entries: int
    head_hash: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_audit_chain(session, *, limit_problems: int = 20) -> AuditReport:
    """Walk the chain in order: an edited entry breaks its hash, a removed one breaks the link."""
    prev = GENESIS_HASH
    expected_seq = None
    problems: list[str] = []
    count = 0
    for e in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
        count += 1
        if expected_seq is not None and e.seq != expected_seq:
            problems.append(f"第{expected_seq}至{e.seq - 1}条审计记录缺失（被删除）。")
        if audit_hash(prev, e.at, e.actor, e.entity_type, e.entity_id, e.action, e.changes) != e.hash:
            problems.append(f"第{e.seq}条审计记录被改动，或与前一条不衔接（前面的记录被删除或改动）"
                            f"（{e.entity_type} {e.action}）。")
        prev = e.hash
        expected_seq = e.seq + 1
        if len(problems) >= limit_problems:
            break
        session.expunge(e)
    return AuditReport(entries=count, head_hash=prev, problems=problems)
