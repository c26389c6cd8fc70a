"""Whole-case JSON exchange (docs/case-format.md): export, and all-or-nothing import.

The document is generated from the ORM models so that every stored field travels and a
round trip is lossless. Replica-local sync metadata (version, updated_at) does not travel.
Import validates the whole file first and reports every invalid field with its record and
path (``cases[3].parties[1].id_number``); only a file without errors is written, in one
transaction.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import logging
from dataclasses import dataclass


from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text, select
from sqlalchemy.exc import IntegrityError

from ..domain import state_machine
from ..domain.enums import (
    AgreementKind, AttachmentKind, CaseSource, CaseStatus, ConfirmationOutcome, DisputeType, EscalationKind, PartyKind,
    PartyRole, PerformanceStatus, ReferralKind, ReferralProcedure, TerminationReason,
)
from ..domain.errors import FieldError, ValidationError
from ..domain.money import amount_in_words, parse_amount, words_match
from ..store import repositories as repo
from ..store.models import (
    Agreement, AgreementClause, AgreementSignature, Attachment, Base, Case, CaseMediator, CaseStatusChange,
    CourtReferral, EscalationPrevention, Fact, FactConfirmation, FactRecord, FollowUp, Investigation,
    JudicialConfirmation, MediationSession, Mediator, Money, Party,
)
from ..store.tracking import Actor, jsonable
from ..domain.labels import field_label
from ..domain.records import max_chars
from .inputs import Collector, PartyInput, clean_party

log = logging.getLogger(__name__)
FORMAT = "suyuan.cases"
VERSION = 1
_SKIP = {"version", "updated_at", "deleted_at"}


@dataclass(frozen=True)
class Node:
    key: str
    model: type
    parent_fk: str | None
    order: str
    children: tuple["Node", ...] = ()


CASE_TREE = Node("cases", Case, None, "received_date", (
    Node("parties", Party, "case_id", "position"),
    Node("history", CaseStatusChange, "case_id", "changed_at"),
    Node("court_referrals", CourtReferral, "case_id", "created_at"),
    Node("investigations", Investigation, "case_id", "occurred_at"),
    Node("sessions", MediationSession, "case_id", "occurred_at"),
    Node("fact_records", FactRecord, "case_id", "created_at", (
        Node("facts", Fact, "record_id", "position", (
            Node("confirmations", FactConfirmation, "fact_id", "party_id"),
        )),
    )),
    Node("agreements", Agreement, "case_id", "revision", (
        Node("clauses", AgreementClause, "agreement_id", "position"),
        Node("signatures", AgreementSignature, "agreement_id", "party_id"),
    )),
    Node("judicial_confirmations", JudicialConfirmation, "case_id", "applied_date"),
    Node("follow_ups", FollowUp, "case_id", "visit_date"),
    Node("escalation_preventions", EscalationPrevention, "case_id", "recorded_date"),
    Node("attachments", Attachment, "case_id", "created_at"),
))

ENUMS = {
    (Case, "status"): CaseStatus, (Case, "source"): CaseSource, (Case, "dispute_type"): DisputeType,
    (Case, "termination_reason"): TerminationReason, (Party, "role"): PartyRole, (Party, "kind"): PartyKind,
    (CaseStatusChange, "to_status"): CaseStatus, (CaseStatusChange, "from_status"): CaseStatus,
    (Agreement, "kind"): AgreementKind, (FollowUp, "performance_status"): PerformanceStatus,
    (JudicialConfirmation, "outcome"): ConfirmationOutcome, (CourtReferral, "kind"): ReferralKind,
    (CourtReferral, "procedure"): ReferralProcedure, (Attachment, "kind"): AttachmentKind,
    (EscalationPrevention, "kind"): EscalationKind,
}
AGREEMENT_STATES = ("draft", "effective", "superseded")


def _columns(model):
    derived = getattr(model, "__derived__", ())
    return [c for c in model.__mapper__.column_attrs if c.key not in _SKIP and c.key not in derived]


def _dump_row(row, node: Node) -> dict:
    out = {}
    for attr in _columns(node.model):
        if attr.key == node.parent_fk:
            continue
        out[attr.key] = jsonable(getattr(row, attr.key))
    return out


def _live_children(session, node: Node, parent_id: str):
    model = node.model
    return session.execute(select(model).where(getattr(model, node.parent_fk) == parent_id,
                                               model.deleted_at.is_(None))
                           .order_by(getattr(model, node.order), model.id)).scalars()


def _dump_tree(session, node: Node, row) -> dict:
    doc = _dump_row(row, node)
    for child in node.children:
        doc[child.key] = [_dump_tree(session, child, r) for r in _live_children(session, child, row.id)]
    return doc


def export_cases(ctx, case_refs: list[str] | None = None, *, include_files: bool = True) -> dict:
    cases = []
    with ctx.store.read() as s:
        if case_refs:
            rows = [repo.find_case(s, ref) for ref in case_refs]
        else:
            rows = s.execute(select(Case).where(Case.deleted_at.is_(None))
                             .order_by(Case.received_date, Case.case_number)).scalars()
        for case in rows:
            doc = _dump_tree(s, CASE_TREE, case)
            doc["mediators"] = []
            for link in s.execute(select(CaseMediator).where(CaseMediator.case_id == case.id,
                                                             CaseMediator.deleted_at.is_(None))
                                  .order_by(CaseMediator.created_at, CaseMediator.id)).scalars():
                m = s.get(Mediator, link.mediator_id)
                doc["mediators"].append({"id": m.id, "name": m.name, "phone": m.phone, "title": m.title,
                                         "lead": link.lead, "link_id": link.id})
            for ag in doc["agreements"]:
                if ag["total_amount"] is not None:
                    ag["total_amount_words"] = amount_in_words(ag["total_amount"])
            if include_files:
                for att in doc["attachments"]:
                    att["content_base64"] = base64.b64encode(ctx.blobs.get(att["sha256"])).decode("ascii")
            cases.append(doc)
    return {"format": FORMAT, "version": VERSION, "cases": cases}


# --- import ------------------------------------------------------------------------------

def _convert(col: Collector, attr, raw, model, label: str):
    """Convert one JSON value to its column type, adding a FieldError when it does not fit."""
    column = attr.columns[0]
    key = attr.key
    if raw is None or raw == "":
        if not column.nullable and not column.primary_key and column.default is None:
            col.add(key, label, "不能为空，请填写。", "required")
        return None
    ctype = column.type
    try:
        if isinstance(ctype, Money):
            return parse_amount(raw, field=key, label=label)
        if isinstance(ctype, DateTime):
            return dt.datetime.fromisoformat(str(raw))
        if isinstance(ctype, Date):
            return dt.date.fromisoformat(str(raw))
        if isinstance(ctype, Boolean):
            if not isinstance(raw, bool):
                raise ValueError
            return raw
        if isinstance(ctype, Integer):
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise ValueError
            return raw
        if isinstance(ctype, (String, Text)):
            if not isinstance(raw, str):
                raise ValueError
            limit = max_chars(model.__tablename__, key) or getattr(ctype, "length", None)
            if limit and len(raw) > limit:
                col.add(key, label, f"不能超过{limit}个字符，现在是{len(raw)}个。", "too_long")
            return raw
    except ValidationError as exc:
        for e in exc.errors:
            col.add(key, label, e.message, e.code)
        return None
    except (ValueError, TypeError):
        kind = {Date: "日期（如 2026-03-15）", DateTime: "时间（如 2026-03-15T09:30:00）",
                Boolean: "true 或 false", Integer: "整数"}.get(type(ctype), "文字")
        col.add(key, label, f"“{raw}”格式不对，应为{kind}。", "type")
        return None
    return raw


def _load_row(col: Collector, node: Node, data: dict, parent_id: str | None):
    if not isinstance(data, dict):
        col.add("", node.key, "应为一个对象（JSON 花括号）。", "type")
        return None
    known = {a.key for a in _columns(node.model)} | {c.key for c in node.children}
    extra = {"total_amount_words", "content_base64"} | ({"mediators"} if node.model is Case else set())
    for key in sorted(set(data) - known - extra - ({node.parent_fk} if node.parent_fk else set())):
        col.add(key, key, "不认识的字段（字段说明见 docs/case-format.md）。", "unknown_field")
    values = {}
    for attr in _columns(node.model):
        if attr.key == node.parent_fk:
            values[attr.key] = parent_id
            continue
        value = _convert(col, attr, data.get(attr.key), node.model, field_label(attr.key))
        enum_cls = ENUMS.get((node.model, attr.key))
        if enum_cls and value is not None:
            try:
                value = enum_cls.parse(value).value
            except ValueError:
                col.add(attr.key, field_label(attr.key), f"“{value}”不是有效选项，可选：{enum_cls.choices()}。", "choice")
        values[attr.key] = value
    if not values.get("id"):
        col.add("id", "id", "缺少记录编号（UUID）。", "required")
    return values


def _tree_models(node: Node) -> list[type]:
    return [node.model] + [m for child in node.children for m in _tree_models(child)]


_ID_TABLES = (*_tree_models(CASE_TREE), CaseMediator)


def _dangling_references(rows: list) -> list[FieldError]:
    """Every foreign key of every record (read from the models, so no list to keep in step) must
    point at a record of the same case in the file; the parent link is set by the tree itself."""
    ids_by_table: dict[str, set] = {}
    for model, v, _raw in rows:
        ids_by_table.setdefault(model.__tablename__, set()).add(v.get("id"))
    errors = []
    for model, v, raw in rows:
        path = raw.get("_path", "")
        for column in model.__table__.columns:
            value = v.get(column.key)
            if value is None or not column.foreign_keys or column.key not in raw:
                continue
            target = next(iter(column.foreign_keys)).column.table.name
            if value not in ids_by_table.get(target, ()):
                errors.append(FieldError(f"{path}.{column.key}".lstrip("."), field_label(column.key),
                                         f"引用的记录 {value} 不在本案中（{target}），请核对。", "dangling"))
    return errors


def _check_mediator(path: str, m, col: Collector, seen_ids: set) -> bool:
    """An assigned mediator: id and name required, each field of the right type and length."""
    if not isinstance(m, dict):
        col.errors.append(FieldError(path, "调解员", "应为一个对象（JSON 花括号）。", "type"))
        return False
    ok = True
    for key, label, size, required in (("id", "调解员编号", 36, True),
                                       ("name", "调解员姓名", max_chars("mediators", "name"), True),
                                       ("phone", "调解员电话", max_chars("mediators", "phone"), False),
                                       ("title", "调解员职务", max_chars("mediators", "title"), False),
                                       ("link_id", "调解员指派编号", 36, False)):
        value = m.get(key)
        if value is None or value == "":
            if required:
                col.errors.append(FieldError(f"{path}.{key}", label, "不能为空，请填写。", "required"))
                ok = False
        elif not isinstance(value, str) or len(value) > size:
            col.errors.append(FieldError(f"{path}.{key}", label, f"应为不超过{size}个字符的文字。", "type"))
            ok = False
    if not isinstance(m.get("lead", False), bool):
        col.errors.append(FieldError(f"{path}.lead", "主办调解员", "应为 true 或 false。", "type"))
        ok = False
    link = m.get("link_id")
    if ok and link:
        if link in seen_ids:
            col.errors.append(FieldError(f"{path}.link_id", "调解员指派编号", f"{link} 在文件中重复。", "duplicate"))
            ok = False
        seen_ids.add(link)
    return ok


@dataclass
class ImportResult:
    cases: int
    mediators_created: int


def _walk(col: Collector, node: Node, data: dict, parent_id, rows: list, today: dt.date) -> dict | None:
    values = _load_row(col, node, data, parent_id)
    if values is None:
        return None
    if node.model is Party:
        pc = Collector(col.prefix)
        fields = {k: values.get(k) for k in PartyInput.__dataclass_fields__ if k in data}  # type-checked above
        cleaned = clean_party(PartyInput(**fields), pc, today)
        # the intake form's own check of a field says it in the form's words: one message a field
        specific = {e.path for e in pc.errors if e.code != "unknown_field"}
        col.errors[:] = [e for e in col.errors if e.path not in specific]
        col.errors.extend(e for e in pc.errors if e.code != "unknown_field")
        for key in ("id_number", "credit_code", "phone", "agent_phone", "gender", "birth_date"):
            if not pc.errors and cleaned.get(key) != values.get(key) and values.get(key) is not None:
                values[key] = cleaned[key]  # normalised form (upper-case X, stored phone form)
    if node.model is Agreement:
        if values.get("state") not in AGREEMENT_STATES:
            col.add("state", "协议状态", f"只能是 {'/'.join(AGREEMENT_STATES)}。", "choice")
        words = data.get("total_amount_words")
        if words and values.get("total_amount") is not None and not words_match(values["total_amount"], words):
            col.add("total_amount_words", "金额大写",
                    f"与数字金额不一致或写法不规范：{values['total_amount']} 应写作“{amount_in_words(values['total_amount'])}”。", "mismatch")
    data["_path"] = col.prefix  # where the record stands in the file, for later messages
    rows.append((node.model, values, data))
    for child in node.children:
        items = data.get(child.key, [])
        if not isinstance(items, list):
            col.add(child.key, child.key, "应为列表（JSON 方括号）。", "type")
            continue
        for i, item in enumerate(items):
            cc = Collector(col.path(f"{child.key}[{i}]"))
            _walk(cc, child, item, values.get("id"), rows, today)
            col.errors.extend(cc.errors)
    return values


def import_cases(ctx, actor: Actor, doc: dict) -> ImportResult:
    """Validate everything, then write everything in one transaction, or nothing."""
    top = Collector()
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValidationError(FieldError("format", "文件格式", f"不是案件交换文件（format 应为“{FORMAT}”）。", "format"))
    if doc.get("version") != VERSION:
        raise ValidationError(FieldError("version", "格式版本", f"本程序只能导入第{VERSION}版格式，文件是第{doc.get('version')}版。", "version"))
    cases = doc.get("cases")
    if not isinstance(cases, list):
        raise ValidationError(FieldError("cases", "案件列表", "缺少 cases 列表。", "required"))
    today = ctx.today()
    per_case: list[tuple[dict, list, list]] = []
    seen_ids: set[str] = set()
    seen_numbers: set[str] = set()
    for i, data in enumerate(cases):
        col = Collector(f"cases[{i}]")
        rows: list = []
        values = _walk(col, CASE_TREE, data, None, rows, today)
        if values is None:
            top.errors.extend(col.errors)
            continue
        number = values.get("case_number")
        if number in seen_numbers:
            col.add("case_number", "案号", f"“{number}”在文件中出现了两次。", "duplicate")
        seen_numbers.add(number)
        for _m, v, _raw in rows:
            if v.get("id") in seen_ids:
                col.add("id", "id", f"记录编号 {v.get('id')} 在文件中重复。", "duplicate")
            seen_ids.add(v.get("id"))
        for error in _dangling_references(rows):
            col.errors.append(error)
        statuses = [v["to_status"] for m, v, _ in rows if m is CaseStatusChange]
        if statuses and values.get("status") and statuses[-1] != values["status"]:
            col.add("status", "案件状态", f"与状态记录的最后一步（{statuses[-1]}）不一致。", "mismatch")
        for a, b in zip(statuses, statuses[1:]):
            try:
                if not state_machine.can_transition(CaseStatus(a), CaseStatus(b)):
                    col.add("history", "状态记录", f"包含不允许的状态变化 {a} → {b}。", "transition")
            except ValueError:
                pass
        mediators = data.get("mediators", [])
        if not isinstance(mediators, list):
            col.add("mediators", "调解员", "应为列表。", "type")
            mediators = []
        mediators = [m for j, m in enumerate(mediators) if _check_mediator(col.path(f"mediators[{j}]"), m, col, seen_ids)]
        for m, v, raw in rows:
            if m is Attachment and v.get("sha256"):
                content = raw.get("content_base64")
                if content is not None:
                    try:
                        blob = base64.b64decode(content, validate=True)
                    except ValueError:
                        col.add("content_base64", "附件内容", "不是有效的 base64。", "format")
                        continue
                    if hashlib.sha256(blob).hexdigest() != v["sha256"] or len(blob) != v.get("size"):
                        col.add("content_base64", "附件内容", f"与登记的 SHA-256/大小不符（{v.get('filename')}），文件可能已损坏。", "hash")
                    raw["_blob"] = blob
                elif not ctx.blobs.has(v["sha256"]):
                    col.add("content_base64", "附件内容", f"缺少附件“{v.get('filename')}”的文件内容。", "missing")
        top.errors.extend(col.errors)
        per_case.append((values, rows, mediators))
    top.raise_if_any()

    with ctx.store.read() as s:
        # a record id is refused if any record of the station already has it, in any table: the
        # sync shadow and outbox key records by id alone
        existing_ids = set()
        ids = [v["id"] for _, rows, _ in per_case for _m, v, _ in rows]
        ids += [m["link_id"] for _, _, mediators in per_case for m in mediators if m.get("link_id")]
        for model in _ID_TABLES:
            for chunk in range(0, len(ids), 500):
                existing_ids.update(s.execute(select(model.id).where(model.id.in_(ids[chunk:chunk + 500]))).scalars())
        numbers = [v["case_number"] for v, _, _ in per_case]
        clash = set()
        for chunk in range(0, len(numbers), 500):
            clash.update(s.execute(select(Case.case_number).where(Case.case_number.in_(numbers[chunk:chunk + 500]))).scalars())
        known_mediators = set(s.execute(select(Mediator.id)).scalars())
    for i, (values, rows, _) in enumerate(per_case):
        if values["case_number"] in clash:
            top.add(f"cases[{i}].case_number", "案号", f"“{values['case_number']}”已存在于本站，不能重复导入。", "exists")
        elif any(v["id"] in existing_ids for _, v, _ in rows):
            top.add(f"cases[{i}].id", "记录编号", "文件中的记录已存在于本站（重复导入？）。", "exists")
        for j, m in enumerate(per_case[i][2]):
            if m.get("link_id") in existing_ids:
                top.add(f"cases[{i}].mediators[{j}].link_id", "调解员指派编号",
                        f"{m['link_id']} 已被本站的另一条记录使用，请删去 link_id 或换一个新编号。", "exists")
    top.raise_if_any()

    by_table: dict = {}
    for _values, rows, _mediators in per_case:
        for model, v, raw in rows:
            by_table.setdefault(model.__table__, []).append((model, v, raw))
    try:
        return _write(ctx, actor, per_case, by_table, known_mediators)
    except IntegrityError as exc:  # a constraint the checks above missed: refused, nothing written
        log.warning("import refused by a database constraint: %s", type(exc.orig).__name__)
        raise ValidationError(FieldError("cases", "案件列表", "文件中的记录与本站已有数据冲突（编号或关联重复），"
                                         "未导入任何内容。请核对文件，或导出本站数据比对后再导入。", "conflict")) from None


def _write(ctx, actor: Actor, per_case: list, by_table: dict, known_mediators: set) -> ImportResult:
    created_mediators = 0
    with ctx.store.write(actor) as s:
        for values, _rows, mediators in per_case:
            for m in mediators:
                if m["id"] not in known_mediators:
                    s.add(Mediator(id=m["id"], station_code=values["station_code"], name=m["name"],
                                   phone=m.get("phone"), title=m.get("title")))
                    known_mediators.add(m["id"])
                    created_mediators += 1
        s.flush()
        # parents before children: the models declare foreign keys but no relationships,
        # so the unit of work is given the rows table by table in dependency order
        for table in Base.metadata.sorted_tables:
            for model, v, raw in by_table.get(table, ()):
                if model is Attachment and "_blob" in raw:
                    ctx.blobs.put(raw.pop("_blob"))
                s.add(model(**v))
            if table in by_table:
                s.flush()
        top_seq: dict[tuple[str, int], int] = {}
        for values, _rows, mediators in per_case:
            for m in mediators:
                s.add(CaseMediator(id=m.get("link_id") or None, case_id=values["id"], mediator_id=m["id"],
                                   lead=bool(m.get("lead"))))
            key = (values["station_code"], values["case_year"])
            top_seq[key] = max(top_seq.get(key, 0), values["case_seq"])
        s.flush()
        for (station_code, year), seq in top_seq.items():  # imported numbers are never handed out again
            repo.bump_counter_to(s, station_code, year, seq)
    return ImportResult(cases=len(per_case), mediators_created=created_mediators)


