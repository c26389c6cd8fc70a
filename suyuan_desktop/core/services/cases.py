"""Case use cases: intake, acceptance, mediators, records, conclusions, court links, follow-up."""
from __future__ import annotations

import datetime as dt
import mimetypes
from decimal import Decimal
from pathlib import Path

from sqlalchemy import exists, select
from sqlalchemy.orm import aliased

from ..domain import deadlines, state_machine
from ..domain.case_numbers import format_case_number
from ..domain.enums import (
    COURT_SOURCES, AgreementKind, AttachmentKind, CaseSource, CaseStatus, ConfirmationOutcome,
    DisputeType, PerformanceStatus, ReferralKind, ReferralProcedure, Role, TerminationReason,
)
from ..domain.errors import FieldError, ImmutableRecord, NotFound, PermissionDenied, ValidationError
from ..store import repositories as repo
from ..store.repositories import CaseFilter  # noqa: F401 - the search filter the GUI and the CLI build
from ..store.models import (
    Agreement, AgreementClause, AgreementSignature, Attachment, Case, CaseMediator, CaseStatusChange,
    CourtReferral, DisputeSubtype, Fact, FactConfirmation, FactRecord, FollowUp, Investigation,
    JudicialConfirmation, MediationSession, Mediator, Party, Station, utcnow,
)
from ..store.tracking import Actor
from . import views as v
from .inputs import (
    AgreementInput, CaseIntake, ClauseInput, Collector, FactInput, FactRecordInput, FollowUpInput,
    InvestigationInput, OralAgreementInput, PartyInput, ReferralInput, SessionInput,
    TerminationInput, clean_amount, clean_party, from_dict,
)

EDITABLE = state_machine.EDITABLE_STATUSES


# what each kind of deadline is called on the home screen and in `suyuan deadlines`
DEADLINE_LABELS = {"judicial_confirmation": "司法确认申请期限", "performance": "协议履行期限", "follow_up": "计划回访"}

class CaseService:
    def __init__(self, app):
        self.app = app  # StationApp: store, blobs, calendar, station code

    # --- helpers ---------------------------------------------------------------------------

    @property
    def store(self):
        return self.app.store

    def _today(self) -> dt.date:
        return self.app.today()

    @staticmethod
    def _require_case_worker(actor: Actor) -> None:
        if actor.role not in (Role.MEDIATOR.value, Role.ADMIN.value, "system"):
            raise PermissionDenied("只有调解员或站点管理员可以办理案件。")

    def _load(self, session, case_id: str) -> Case:
        case = session.get(Case, case_id)
        if case is None or case.deleted_at is not None:
            case = session.execute(select(Case).where(Case.case_number == case_id)).scalar_one_or_none()
        if case is None or case.deleted_at is not None:
            raise NotFound(f"找不到案件“{case_id}”，请检查案号。")
        return case

    def _transition(self, session, case: Case, target: CaseStatus, actor: Actor, note: str | None = None) -> None:
        current = CaseStatus(case.status)
        state_machine.check_transition(current, target)
        case.status = target.value
        session.add(CaseStatusChange(case_id=case.id, from_status=current.value, to_status=target.value,
                                     changed_at=utcnow(), changed_by=actor.username, note=note))

    def _require_editable(self, case: Case, what: str) -> None:
        if CaseStatus(case.status) not in EDITABLE:
            raise ImmutableRecord(
                f"案件当前为“{CaseStatus(case.status).label}”，不能再{what}。"
                "已结案的记录只能通过补充协议或新的记录更正。")

    def _require_mediator(self, session, case: Case, what: str) -> None:
        """A conclusion names its mediators (人民调解法 Art. 29: the mediator signs the agreement;
        the MoJ formats name them on the fact record and the termination): one must be assigned."""
        assigned = session.execute(select(CaseMediator.id).where(
            CaseMediator.case_id == case.id, CaseMediator.deleted_at.is_(None)).limit(1)).first()
        if assigned is None:
            raise ValidationError(FieldError("mediators", "调解员", f"本案尚未指派调解员，不能{what}。"
                                             "请先在“指派调解员”中选定主持调解员（调解员须在文书上签名，人民调解法第29条）。",
                                             "no_mediator"))

    def _signatures(self, parties: list[Party], data, col: Collector, agreed: dt.date | None) -> dict[str, dt.date]:
        """The parties' signature dates, each checked: a known party, a real date, not before the agreement."""
        sigs: dict[str, dt.date] = {}
        for ref, day in (data.party_signatures or {}).items():
            p = self._resolve_party(parties, ref, col, "party_signatures", "当事人签字")
            try:
                d = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
            except ValueError:
                col.add("party_signatures", "当事人签字日期", f"“{day}”不是有效日期。", "date")
                d = None
            if p and d:
                if agreed and d < agreed:
                    col.add("party_signatures", "当事人签字日期", f"“{p.name}”的签字日期早于协议达成日期，请核对。", "order")
                sigs[p.id] = d
        return sigs

    def _live_parties(self, session, case_id: str) -> list[Party]:
        return list(session.execute(select(Party).where(
            Party.case_id == case_id, Party.deleted_at.is_(None)).order_by(Party.position)).scalars())

    def _resolve_party(self, parties: list[Party], ref, col: Collector, path: str, label: str) -> Party | None:
        """A party named by id, by 1-based position, or by exact name."""
        for p in parties:
            if ref in (p.id, p.name) or (isinstance(ref, int) and ref == p.position) or str(ref) == str(p.position):
                return p
        col.add(path, label, f"“{ref}”不是本案当事人，请从当事人名单中选择。", "unknown_party")
        return None

    # --- intake ----------------------------------------------------------------------------

    def validate_intake(self, data: CaseIntake, col: Collector | None = None) -> dict:
        col = col or Collector()
        today = self._today()
        out = {
            "title": col.required(data, "title", "纠纷名称", 200),
            "summary": col.required(data, "summary", "纠纷简要情况", 5000),
            "claims": col.optional(data, "claims", "申请事项", 5000),
            "risk_of_escalation": bool(data.risk_of_escalation),
        }
        dt_ = col.enum(data, "dispute_type", "纠纷类型", DisputeType)
        out["dispute_type"] = dt_.value if dt_ else None
        src = col.enum(data, "source", "案件来源", CaseSource)
        out["source"] = src.value if src else None
        received = col.date(data, "received_date", "收案日期", required=False) or today
        if received > today:
            col.add("received_date", "收案日期", "不能晚于今天，请核对。", "future")
        out["received_date"] = received
        out["dispute_subtype"] = None
        if data.dispute_subtype:
            out["dispute_subtype"] = data.dispute_subtype
            with self.store.read() as s:
                sub = s.get(DisputeSubtype, data.dispute_subtype)
            if sub is None or not sub.active:
                col.add("dispute_subtype", "纠纷子类", "不在本区发布的纠纷子类目录中（或已停用），请重新选择。", "choice")
            elif dt_ and sub.reporting_type != dt_.value:
                col.add("dispute_subtype", "纠纷子类", f"属于“{DisputeType(sub.reporting_type).label}”，与所选纠纷类型不一致。", "mismatch")
        parties = []
        if not isinstance(data.parties, list) or len(data.parties) < 2:
            col.add("parties", "当事人", "至少需要两方当事人，请补充。", "too_few")
        for i, raw in enumerate(data.parties or []):
            pc = Collector(col.path(f"parties[{i}]"))
            p = raw if isinstance(raw, PartyInput) else from_dict(PartyInput, raw, pc)
            if p is not None:
                parties.append(clean_party(p, pc, today))
            col.errors.extend(pc.errors)
        out["parties"] = parties
        ids = [p["id_number"] for p in parties if p.get("id_number")]
        for dup in sorted({x for x in ids if ids.count(x) > 1}):
            col.add("parties", "当事人", f"同一身份证号码出现了两次（尾号{dup[-4:]}），请检查是否重复录入。", "duplicate")
        out["referral"] = None
        if src in COURT_SOURCES:
            rc = Collector(col.path("referral"))
            raw = data.referral
            if raw is None:
                col.add("referral", "法院委派/委托信息", "法院委派或委托的案件须填写法院、委派函编号和签收日期。", "required")
            else:
                r = raw if isinstance(raw, ReferralInput) else from_dict(ReferralInput, raw, rc)
                if r is not None:
                    out["referral"] = self._clean_referral(r, rc, src)
            col.errors.extend(rc.errors)
        out["mediator_ids"] = list(data.mediator_ids or [])
        col.raise_if_any()
        return out

    def _clean_referral(self, r: ReferralInput, col: Collector, src: CaseSource) -> dict:
        kind = ReferralKind.ASSIGNED if src is CaseSource.COURT_ASSIGNED else ReferralKind.ENTRUSTED
        procedure = col.enum(r, "procedure", "审理程序", ReferralProcedure, required=kind is ReferralKind.ENTRUSTED)
        signed = col.date(r, "signed_for_date", "材料签收日期")
        out = {
            "kind": kind.value,
            "procedure": procedure.value if procedure else None,
            "court": col.required(r, "court", "委派/委托法院", 100),
            "reference_number": col.required(r, "reference_number", "委派/委托函编号", 80),
            "judge": col.optional(r, "judge", "承办法官", 64),
            "signed_for_date": signed,
        }
        if signed:
            out["limit_days"] = deadlines.referral_limit_days(kind, procedure)
            out["deadline"] = deadlines.referral_deadline(signed, kind, procedure, self.app.calendar())
        return out

    def intake(self, actor: Actor, data: CaseIntake) -> v.CaseDetail:
        self._require_case_worker(actor)
        clean = self.validate_intake(data)
        with self.store.write(actor) as s:
            station = s.get(Station, self.app.station_code)
            year = clean["received_date"].year
            seq = repo.next_case_seq(s, station.code, year)
            number = format_case_number(station.case_number_template, year=year,
                                        short=station.short_name, code=station.code, seq=seq)
            case = Case(station_code=station.code, case_number=number, case_year=year, case_seq=seq,
                        title=clean["title"], dispute_type=clean["dispute_type"],
                        dispute_subtype=clean["dispute_subtype"], source=clean["source"],
                        status=CaseStatus.RECEIVED.value, summary=clean["summary"], claims=clean["claims"],
                        received_date=clean["received_date"], risk_of_escalation=clean["risk_of_escalation"],
                        registered_by=actor.username)
            s.add(case)
            s.flush()
            s.add(CaseStatusChange(case_id=case.id, from_status=None, to_status=CaseStatus.RECEIVED.value,
                                   changed_at=utcnow(), changed_by=actor.username, note="收案登记"))
            for pos, p in enumerate(clean["parties"], start=1):
                p = {k: val for k, val in p.items() if k != "id"}
                s.add(Party(case_id=case.id, position=pos, **p))
            if clean["referral"]:
                s.add(CourtReferral(case_id=case.id, **clean["referral"]))
            if clean["mediator_ids"]:
                self._assign(s, case, clean["mediator_ids"], clean["mediator_ids"][0])
            case_id = case.id
        return self.get(case_id)

    # --- acceptance and mediators ------------------------------------------------------------

    def accept(self, actor: Actor, case_id: str, accepted_date: dt.date | None = None,
               note: str | None = None) -> v.CaseDetail:
        self._require_case_worker(actor)
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            self._transition(s, case, CaseStatus.ACCEPTED, actor, note or "经当事人同意，予以受理")
            case.accepted_date = accepted_date or self._today()
            cid = case.id
        return self.get(cid)

    def refuse(self, actor: Actor, case_id: str, reason: str) -> v.CaseDetail:
        self._require_case_worker(actor)
        if not (reason or "").strip():
            raise ValidationError(FieldError("reason", "不予受理理由", "不能为空，请写明理由（如一方明确拒绝调解）。", "required"))
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            self._transition(s, case, CaseStatus.REFUSED, actor, reason)
            case.refusal_reason = reason.strip()
            case.closed_date = self._today()
            cid = case.id
        return self.get(cid)

    def _assign(self, s, case: Case, mediator_ids: list[str], lead_id: str | None) -> None:
        col = Collector()
        for i, mid in enumerate(mediator_ids):
            m = s.get(Mediator, mid)
            if m is None or not m.active or m.deleted_at is not None:
                col.add(f"mediator_ids[{i}]", "调解员", "不在本站在册调解员名单中，请重新选择。", "unknown_mediator")
        if lead_id and lead_id not in mediator_ids:
            col.add("lead_id", "主持调解员", "必须是所选调解员之一。", "mismatch")
        col.raise_if_any()
        existing = {cm.mediator_id: cm for cm in s.execute(
            select(CaseMediator).where(CaseMediator.case_id == case.id)).scalars()}
        for mid, cm in existing.items():
            if mid not in mediator_ids and cm.deleted_at is None:
                cm.deleted_at = utcnow()
        for mid in mediator_ids:
            cm = existing.get(mid)
            if cm is None:
                s.add(CaseMediator(case_id=case.id, mediator_id=mid, lead=(mid == lead_id)))
            else:
                cm.deleted_at = None
                cm.lead = mid == lead_id

    def assign_mediators(self, actor: Actor, case_id: str, mediator_ids: list[str],
                         lead_id: str | None = None) -> v.CaseDetail:
        self._require_case_worker(actor)
        if not mediator_ids:
            raise ValidationError(FieldError("mediator_ids", "调解员", "至少指派一名调解员（人民调解法第19条）。", "required"))
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            self._require_editable(case, "更换调解员")
            self._assign(s, case, list(dict.fromkeys(mediator_ids)), lead_id or mediator_ids[0])
            cid = case.id
        return self.get(cid)

    def update_parties(self, actor: Actor, case_id: str, parties: list[PartyInput | dict]) -> v.CaseDetail:
        """Replace the party list of an open case (edited rows keep their ids and history)."""
        self._require_case_worker(actor)
        col = Collector()
        cleaned = []
        for i, raw in enumerate(parties):
            pc = Collector(f"parties[{i}]")
            p = raw if isinstance(raw, PartyInput) else from_dict(PartyInput, raw, pc)
            if p is not None:
                cleaned.append(clean_party(p, pc, self._today()))
            col.errors.extend(pc.errors)
        if len(parties) < 2:
            col.add("parties", "当事人", "至少需要两方当事人。", "too_few")
        col.raise_if_any()
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            self._require_editable(case, "修改当事人")
            current = {p.id: p for p in self._live_parties(s, case.id)}
            keep = set()
            for pos, data in enumerate(cleaned, start=1):
                pid = data.pop("id")
                if pid and pid in current:
                    row = current[pid]
                    for k, val in data.items():
                        if getattr(row, k) != val:
                            setattr(row, k, val)
                    row.position = pos
                    keep.add(pid)
                else:
                    s.add(Party(case_id=case.id, position=pos, **data))
            for pid, row in current.items():
                if pid not in keep:
                    row.deleted_at = utcnow()
            cid = case.id
        return self.get(cid)

    # --- records ---------------------------------------------------------------------------

    def _start_if_accepted(self, s, case: Case, actor: Actor) -> None:
        if case.status == CaseStatus.ACCEPTED.value:
            self._transition(s, case, CaseStatus.IN_MEDIATION, actor, "开始调解")

    def start_mediation(self, actor: Actor, case_id: str) -> v.CaseDetail:
        self._require_case_worker(actor)
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            self._transition(s, case, CaseStatus.IN_MEDIATION, actor, "开始调解")
            cid = case.id
        return self.get(cid)

    def record_investigation(self, actor: Actor, case_id: str, data: InvestigationInput) -> v.CaseDetail:
        self._require_case_worker(actor)
        col = Collector()
        row = dict(occurred_at=col.datetime(data, "occurred_at", "调查时间"),
                   place=col.required(data, "place", "调查地点", 200),
                   investigators=col.required(data, "investigators", "调查人", 200),
                   subject=col.required(data, "subject", "被调查人", 200),
                   record=col.required(data, "record", "调查记录", 20000),
                   participants=col.optional(data, "participants", "参加人", 200),
                   recorder=col.optional(data, "recorder", "记录人", 64))
        col.raise_if_any()
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            self._require_editable(case, "添加调查记录")
            if case.status == CaseStatus.RECEIVED.value:
                raise ImmutableRecord("案件尚未受理，请先受理再开展调查。")
            s.add(Investigation(case_id=case.id, **row))
            cid = case.id
        return self.get(cid)

    def record_session(self, actor: Actor, case_id: str, data: SessionInput) -> v.CaseDetail:
        self._require_case_worker(actor)
        col = Collector()
        row = dict(occurred_at=col.datetime(data, "occurred_at", "调解时间"),
                   place=col.required(data, "place", "调解地点", 200),
                   attendees=col.required(data, "attendees", "到场当事人", 300),
                   content=col.required(data, "content", "调解记录", 50000),
                   participants=col.optional(data, "participants", "参加人", 300),
                   result=col.optional(data, "result", "调解结果", 5000),
                   recorder=col.optional(data, "recorder", "记录人", 64))
        col.raise_if_any()
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            self._require_editable(case, "添加调解记录")
            if case.status == CaseStatus.RECEIVED.value:
                raise ImmutableRecord("案件尚未受理，请先受理再记录调解。")
            self._start_if_accepted(s, case, actor)
            s.add(MediationSession(case_id=case.id, **row))
            cid = case.id
        return self.get(cid)

    def suspend(self, actor: Actor, case_id: str, reason: str) -> v.CaseDetail:
        """中止: mediation pauses (a party in hospital, away for work) and can be resumed."""
        reason = (reason or "").strip() if isinstance(reason, str) else ""
        if not reason or len(reason) > 500:
            raise ValidationError(FieldError("reason", "中止原因", "请写明中止原因（500字以内），如“当事人住院治疗”。", "required"))
        return self._simple_transition(actor, case_id, CaseStatus.SUSPENDED, reason)

    def resume(self, actor: Actor, case_id: str, note: str = "恢复调解") -> v.CaseDetail:
        return self._simple_transition(actor, case_id, CaseStatus.IN_MEDIATION, note)

    def return_to_court(self, actor: Actor, case_id: str, note: str = "调解不成，材料退回法院") -> v.CaseDetail:
        with self.store.read() as s:
            case = self._load(s, case_id)
            if case.source not in {c.value for c in COURT_SOURCES}:
                raise ValidationError(FieldError("source", "案件来源", "只有法院委派或委托的案件才能退回法院。", "not_court"))
        return self._simple_transition(actor, case_id, CaseStatus.RETURNED_TO_COURT, note)

    def archive(self, actor: Actor, case_id: str, note: str = "立卷归档") -> v.CaseDetail:
        return self._simple_transition(actor, case_id, CaseStatus.ARCHIVED, note)

    def _simple_transition(self, actor, case_id, target: CaseStatus, note: str) -> v.CaseDetail:
        self._require_case_worker(actor)
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            self._transition(s, case, target, actor, note)
            cid = case.id
        return self.get(cid)

    # --- failure: undisputed facts, termination, withdrawal ------------------------------------

    def record_undisputed_facts(self, actor: Actor, case_id: str, data: FactRecordInput) -> v.CaseDetail:
        """无争议事实记载 (docs/domain-rules.md): every fact confirmed by every party, with consent."""
        self._require_case_worker(actor)
        col = Collector()
        row = dict(dispute_statement=col.required(data, "dispute_statement", "纠纷及各方主张", 10000),
                   record_date=col.date(data, "record_date", "记载日期", required=False) or self._today(),
                   mediation_start=col.date(data, "mediation_start", "调解开始日期", required=False),
                   mediation_end=col.date(data, "mediation_end", "调解结束日期", required=False),
                   disputed_points=col.optional(data, "disputed_points", "争议焦点", 10000),
                   failure_reason=col.optional(data, "failure_reason", "调解不成原因", 5000),
                   cost_conduct=col.optional(data, "cost_conduct", "增加诉讼成本的行为", 5000),
                   consent_given=bool(data.consent_given))
        if not data.consent_given:
            col.add("consent_given", "当事人同意", "记载无争议事实须经各方当事人同意，请先征得同意并勾选。", "required")
        if not data.facts:
            col.add("facts", "无争议事实", "至少记载一项事实。", "required")
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            if CaseStatus(case.status) not in (CaseStatus.IN_MEDIATION, CaseStatus.SUSPENDED, CaseStatus.FAILED):
                raise ImmutableRecord(f"案件当前为“{CaseStatus(case.status).label}”，只有调解中或调解终止的案件才能记载无争议事实。")
            self._require_mediator(s, case, "记载无争议事实")
            parties = self._live_parties(s, case.id)
            facts = []
            for i, raw in enumerate(data.facts or []):
                fc = Collector(f"facts[{i}]")
                f = raw if isinstance(raw, FactInput) else from_dict(FactInput, raw, fc)
                if f is None:
                    col.errors.extend(fc.errors)
                    continue
                text = fc.required(f, "text", f"第{i + 1}项事实", 2000)
                confirmed = [self._resolve_party(parties, ref, fc, "confirmed_by", "确认的当事人")
                             for ref in (f.confirmed_by or [])]
                confirmed_ids = {p.id for p in confirmed if p}
                for p in parties:
                    if p.id not in confirmed_ids:
                        fc.add("confirmed_by", f"第{i + 1}项事实", f"尚未经当事人“{p.name}”确认；每项事实须经每一方当事人确认，"
                               "未获确认的请移入“争议焦点”。", "unconfirmed")
                facts.append((text, f.evidence_refs, confirmed_ids))
                col.errors.extend(fc.errors)
            if row["mediation_start"] and row["mediation_end"] and row["mediation_end"] < row["mediation_start"]:
                col.add("mediation_end", "调解结束日期", "不能早于开始日期。", "order")
            col.raise_if_any()
            rec = FactRecord(case_id=case.id, **row)
            s.add(rec)
            s.flush()
            for pos, (text, refs, ids) in enumerate(facts, start=1):
                fact = Fact(record_id=rec.id, position=pos, text=text, evidence_refs=refs)
                s.add(fact)
                s.flush()
                for pid in sorted(ids):
                    s.add(FactConfirmation(fact_id=fact.id, party_id=pid, confirmed=True))
            cid = case.id
        return self.get(cid)

    def terminate(self, actor: Actor, case_id: str, data: TerminationInput) -> v.CaseDetail:
        self._require_case_worker(actor)
        col = Collector()
        reason = col.enum(data, "reason", "终止原因", TerminationReason)
        detail = col.optional(data, "detail", "终止情况说明", 5000)
        day = col.date(data, "terminated_date", "终止日期", required=False) or self._today()
        if reason is TerminationReason.OTHER and not detail:
            col.add("detail", "终止情况说明", "终止原因为“其他”时须写明具体情况。", "required")
        col.raise_if_any()
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            self._require_mediator(s, case, "终止调解")
            self._transition(s, case, CaseStatus.FAILED, actor, reason.label)
            case.termination_reason = reason.value
            case.termination_detail = detail
            case.closed_date = day
            cid = case.id
        return self.get(cid)

    def withdraw(self, actor: Actor, case_id: str, reason: str) -> v.CaseDetail:
        self._require_case_worker(actor)
        if not (reason or "").strip():
            raise ValidationError(FieldError("reason", "撤回原因", "不能为空，请写明（如双方已自行和解）。", "required"))
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            self._transition(s, case, CaseStatus.WITHDRAWN, actor, reason)
            case.withdrawal_reason = reason.strip()
            case.closed_date = self._today()
            cid = case.id
        return self.get(cid)

    # --- agreements --------------------------------------------------------------------------

    def _clean_clauses(self, data, col: Collector) -> list[tuple[str, Decimal | None]]:
        out = []
        if not data.clauses:
            col.add("clauses", "协议条款", "至少需要一条协议条款。", "required")
        for i, raw in enumerate(data.clauses or []):
            cc = Collector(col.path(f"clauses[{i}]"))
            c = raw if isinstance(raw, ClauseInput) else (
                ClauseInput(text=raw) if isinstance(raw, str) else from_dict(ClauseInput, raw, cc))
            if c is not None:
                text = cc.required(c, "text", f"第{i + 1}条", 5000)
                out.append((text, clean_amount(cc, c, "amount", f"第{i + 1}条金额")))
            col.errors.extend(cc.errors)
        return out

    def save_agreement(self, actor: Actor, case_id: str, data: AgreementInput) -> v.CaseDetail:
        """Save a written agreement. With every signature, the mediator's and the seal it takes
        effect (人民调解法 Art. 29: on the latest of those dates) and the case becomes 调解成功;
        otherwise it stays a draft that can be printed for signing."""
        self._require_case_worker(actor)
        col = Collector()
        facts = col.required(data, "facts_and_disputes", "纠纷主要事实、争议事项", 20000)
        agreed = col.date(data, "agreed_date", "协议达成日期", required=False)
        if agreed is None:  # not given: the day the first party signed, else today
            try:
                signed = [d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d))
                          for d in (data.party_signatures or {}).values()]
            except ValueError:
                signed = []
            agreed = min(signed) if signed else self._today()
        deadline = col.date(data, "performance_deadline", "履行期限", required=False)
        method = col.optional(data, "performance_method", "履行方式", 5000)
        place = col.optional(data, "performance_place", "履行地点", 200)
        mediator_date = col.date(data, "mediator_signed_date", "调解员签字日期", required=False)
        sealed = col.date(data, "sealed_date", "盖章日期", required=False)
        clauses = self._clean_clauses(data, col)
        if not method:
            col.add("performance_method", "履行方式", "请写明履行方式和时限（如“一次性现金支付”）。", "required")
        if deadline and deadline < agreed:
            col.add("performance_deadline", "履行期限", "不能早于协议达成日期。", "order")
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            if CaseStatus(case.status) not in (CaseStatus.IN_MEDIATION, CaseStatus.ACCEPTED):
                raise ImmutableRecord(f"案件当前为“{CaseStatus(case.status).label}”，不能签订调解协议；"
                                      "已生效的协议请用“补充协议”修改。")
            self._require_mediator(s, case, "签订调解协议")
            parties = self._live_parties(s, case.id)
            sigs = self._signatures(parties, data, col, agreed)
            col.raise_if_any()
            self._start_if_accepted(s, case, actor)
            draft = s.execute(select(Agreement).where(
                Agreement.case_id == case.id, Agreement.state == "draft",
                Agreement.deleted_at.is_(None))).scalar_one_or_none()
            total = _total(clauses)
            fields = dict(kind=AgreementKind.WRITTEN.value, facts_and_disputes=facts, performance_method=method,
                          performance_place=place, performance_deadline=deadline, agreed_date=agreed,
                          mediator_signed_date=mediator_date, sealed_date=sealed, copies=len(parties) + 1,
                          total_amount=total, recorder=col.optional(data, "recorder", "记录人", 64))
            if draft is None:
                draft = Agreement(case_id=case.id, number=case.case_number, revision=1, state="draft", **fields)
                s.add(draft)
                s.flush()
            else:
                for k, val in fields.items():
                    if getattr(draft, k) != val:
                        setattr(draft, k, val)
                for c in s.execute(select(AgreementClause).where(AgreementClause.agreement_id == draft.id,
                                                                 AgreementClause.deleted_at.is_(None))).scalars():
                    c.deleted_at = utcnow()
                for sg in s.execute(select(AgreementSignature).where(AgreementSignature.agreement_id == draft.id,
                                                                     AgreementSignature.deleted_at.is_(None))).scalars():
                    sg.deleted_at = utcnow()
                s.flush()
            for pos, (text, amount) in enumerate(clauses, start=1):
                s.add(AgreementClause(agreement_id=draft.id, position=pos, text=text, amount=amount))
            for pid, day in sigs.items():
                s.add(AgreementSignature(agreement_id=draft.id, party_id=pid, signed_date=day))
            if len(sigs) == len(parties) and mediator_date and sealed:
                draft.state = "effective"
                draft.effective_date = max([*sigs.values(), mediator_date, sealed])
                self._transition(s, case, CaseStatus.AGREED, actor, "书面调解协议生效")
                case.closed_date = draft.effective_date
            cid = case.id
        return self.get(cid)

    def conclude_with_oral_agreement(self, actor: Actor, case_id: str, data: OralAgreementInput) -> v.CaseDetail:
        """口头协议 (Art. 28/30): effective on the day the parties reach it."""
        self._require_case_worker(actor)
        col = Collector()
        content = col.required(data, "content", "口头协议内容", 5000)
        facts = col.required(data, "facts_and_disputes", "纠纷简要情况", 10000)
        agreed = col.date(data, "agreed_date", "协议达成日期", required=False) or self._today()
        deadline = col.date(data, "performance_deadline", "履行期限", required=False)
        amount = clean_amount(col, data, "amount", "涉及金额")
        if agreed > self._today():
            col.add("agreed_date", "协议达成日期", "不能晚于今天。", "future")
        col.raise_if_any()
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            if CaseStatus(case.status) not in (CaseStatus.IN_MEDIATION, CaseStatus.ACCEPTED):
                raise ImmutableRecord(f"案件当前为“{CaseStatus(case.status).label}”，不能登记口头协议。")
            self._require_mediator(s, case, "登记口头协议")
            self._start_if_accepted(s, case, actor)
            parties = self._live_parties(s, case.id)
            ag = Agreement(case_id=case.id, kind=AgreementKind.ORAL.value, number=case.case_number, revision=1,
                           state="effective", facts_and_disputes=facts, performance_method=data.performance_method,
                           performance_deadline=deadline, agreed_date=agreed, effective_date=agreed,
                           copies=len(parties) + 1, total_amount=amount, recorder=data.recorder)
            s.add(ag)
            s.flush()
            s.add(AgreementClause(agreement_id=ag.id, position=1, text=content, amount=amount))
            self._transition(s, case, CaseStatus.AGREED, actor, "口头协议达成")
            case.closed_date = agreed
            cid = case.id
        return self.get(cid)

    def amend_agreement(self, actor: Actor, case_id: str, data: AgreementInput) -> v.CaseDetail:
        """A signed agreement is never edited: a change is a new revision (补充协议) that supersedes it."""
        self._require_case_worker(actor)
        col = Collector()
        clauses = self._clean_clauses(data, col)
        facts = col.required(data, "facts_and_disputes", "变更理由及事实", 20000)
        agreed = col.date(data, "agreed_date", "补充协议日期", required=False)
        col.raise_if_any()
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            old = s.execute(select(Agreement).where(Agreement.case_id == case.id, Agreement.state == "effective",
                                                    Agreement.deleted_at.is_(None))).scalar_one_or_none()
            if old is None:
                raise NotFound("本案没有已生效的调解协议，无需补充协议。")
            self._require_mediator(s, case, "签订补充协议")
            parties = self._live_parties(s, case.id)
            sigs = self._signatures(parties, data, col, agreed)
            agreed = agreed or (min(sigs.values()) if sigs else self._today())  # as for the first agreement
            mediator_date = col.date(data, "mediator_signed_date", "调解员签字日期", required=False)
            sealed = col.date(data, "sealed_date", "盖章日期", required=False)
            if len(sigs) != len(parties) or not mediator_date or not sealed:
                col.add("party_signatures", "签字", "补充协议须由全部当事人、调解员签字并加盖调解委员会印章后登记。", "unsigned")
            col.raise_if_any()
            new = Agreement(case_id=case.id, kind=old.kind, number=f"{old.number}之{old.revision + 1}",
                            revision=old.revision + 1, supersedes_id=old.id, state="effective",
                            facts_and_disputes=facts, performance_method=data.performance_method or old.performance_method,
                            performance_place=data.performance_place or old.performance_place,
                            performance_deadline=col.date(data, "performance_deadline", "履行期限", required=False) or old.performance_deadline,
                            agreed_date=agreed, mediator_signed_date=mediator_date, sealed_date=sealed,
                            effective_date=max([*sigs.values(), mediator_date, sealed]), copies=len(parties) + 1,
                            total_amount=_total(clauses),
                            recorder=data.recorder)
            old.state = "superseded"
            s.add(new)
            s.flush()
            for pos, (text, amount) in enumerate(clauses, start=1):
                s.add(AgreementClause(agreement_id=new.id, position=pos, text=text, amount=amount))
            for pid, day in sigs.items():
                s.add(AgreementSignature(agreement_id=new.id, party_id=pid, signed_date=day))
            cid = case.id
        return self.get(cid)

    # --- judicial confirmation -------------------------------------------------------------

    def apply_judicial_confirmation(self, actor: Actor, case_id: str, court: str,
                                    applied_date: dt.date | str | None = None) -> v.CaseDetail:
        self._require_case_worker(actor)
        col = Collector()
        holder = type("H", (), {"court": court, "applied_date": applied_date})()
        court = col.required(holder, "court", "受理法院", 100)
        applied = col.date(holder, "applied_date", "申请日期", required=False) or self._today()
        col.raise_if_any()
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            ag = s.execute(select(Agreement).where(Agreement.case_id == case.id, Agreement.state == "effective",
                                                   Agreement.deleted_at.is_(None))).scalar_one_or_none()
            if ag is None or ag.kind != AgreementKind.WRITTEN.value:
                raise ValidationError(FieldError("agreement", "调解协议", "只有已生效的书面调解协议才能申请司法确认。", "no_agreement"))
            deadline = deadlines.judicial_confirmation_deadline(ag.effective_date, self.app.calendar())
            if applied > deadline:
                raise ValidationError(FieldError(
                    "applied_date", "申请日期",
                    f"已超过申请期限：协议于{ag.effective_date:%Y年%m月%d日}生效，须在{deadline:%Y年%m月%d日}前"
                    "由双方共同申请（人民调解法第33条）。", "late"))
            if applied < ag.effective_date:
                raise ValidationError(FieldError("applied_date", "申请日期", "不能早于协议生效日期。", "order"))
            self._transition(s, case, CaseStatus.CONFIRM_APPLIED, actor, f"向{court}申请司法确认")
            s.add(JudicialConfirmation(case_id=case.id, agreement_id=ag.id, court=court, applied_date=applied,
                                       deadline=deadline, outcome=ConfirmationOutcome.PENDING.value))
            cid = case.id
        return self.get(cid)

    def record_confirmation_outcome(self, actor: Actor, case_id: str, outcome: str,
                                    outcome_date: dt.date | str | None = None,
                                    court_case_number: str | None = None, note: str | None = None) -> v.CaseDetail:
        self._require_case_worker(actor)
        col = Collector()
        holder = type("H", (), {"outcome": outcome, "outcome_date": outcome_date})()
        result = col.enum(holder, "outcome", "司法确认结果", ConfirmationOutcome)
        day = col.date(holder, "outcome_date", "裁定日期", required=False) or self._today()
        if result is ConfirmationOutcome.PENDING:
            col.add("outcome", "司法确认结果", "请填写法院的裁定结果。", "choice")
        col.raise_if_any()
        target = {ConfirmationOutcome.CONFIRMED: CaseStatus.CONFIRMED,
                  ConfirmationOutcome.REJECTED: CaseStatus.CONFIRM_REJECTED,
                  ConfirmationOutcome.WITHDRAWN: CaseStatus.AGREED}[result]
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            jc = s.execute(select(JudicialConfirmation).where(
                JudicialConfirmation.case_id == case.id,
                JudicialConfirmation.outcome == ConfirmationOutcome.PENDING.value)).scalar_one_or_none()
            if jc is None:
                raise NotFound("本案没有待审查的司法确认申请。")
            self._transition(s, case, target, actor, result.label)
            jc.outcome = result.value
            jc.outcome_date = day
            jc.court_case_number = court_case_number
            jc.note = note
            cid = case.id
        return self.get(cid)

    # --- follow-up -------------------------------------------------------------------------

    def record_follow_up(self, actor: Actor, case_id: str, data: FollowUpInput) -> v.CaseDetail:
        self._require_case_worker(actor)
        col = Collector()
        status = col.enum(data, "performance_status", "履行情况", PerformanceStatus)
        row = dict(visit_date=col.date(data, "visit_date", "回访日期", required=False) or self._today(),
                   visited=col.required(data, "visited", "被回访人", 200),
                   notes=col.required(data, "notes", "回访情况", 10000),
                   visitor=col.required(data, "visitor", "回访人", 64),
                   method=col.optional(data, "method", "回访方式", 32),
                   satisfaction=col.optional(data, "satisfaction", "满意度", 32),
                   next_visit_date=col.date(data, "next_visit_date", "下次回访日期", required=False))
        col.raise_if_any()
        row["performance_status"] = status.value
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            cur = CaseStatus(case.status)
            if cur not in (CaseStatus.AGREED, CaseStatus.CONFIRM_APPLIED, CaseStatus.CONFIRMED,
                           CaseStatus.CONFIRM_REJECTED, CaseStatus.PERFORMING, CaseStatus.PERFORMED):
                raise ImmutableRecord(f"案件当前为“{cur.label}”，回访针对已达成协议的案件。")
            s.add(FollowUp(case_id=case.id, **row))
            if status is PerformanceStatus.PERFORMED and state_machine.can_transition(cur, CaseStatus.PERFORMED):
                self._transition(s, case, CaseStatus.PERFORMED, actor, "回访确认已履行完毕")
            elif status in (PerformanceStatus.PARTIAL, PerformanceStatus.NOT_STARTED) and \
                    state_machine.can_transition(cur, CaseStatus.PERFORMING) and cur is not CaseStatus.PERFORMING:
                self._transition(s, case, CaseStatus.PERFORMING, actor, "回访：正在履行")
            cid = case.id
        return self.get(cid)

    # --- attachments -----------------------------------------------------------------------

    def attach_file(self, actor: Actor, case_id: str, data: bytes | Path, *, filename: str | None = None,
                    kind: str = AttachmentKind.SCAN.value, description: str | None = None) -> v.CaseDetail:
        self._require_case_worker(actor)
        if isinstance(data, (str, Path)):
            path = Path(data)
            if not path.is_file():
                raise ValidationError(FieldError("file", "附件", f"找不到文件“{path.name}”，请重新选择。", "missing"))
            filename = filename or path.name
            data = path.read_bytes()
        if not filename:
            raise ValidationError(FieldError("filename", "文件名", "不能为空。", "required"))
        try:
            kind_v = AttachmentKind.parse(kind).value
        except ValueError:
            raise ValidationError(FieldError("kind", "附件类别", f"可选：{AttachmentKind.choices()}。", "choice")) from None
        with self.store.read() as s:
            self._load(s, case_id)
        digest = self.app.blobs.put(data)  # content-addressed: a retry writes nothing new
        mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        with self.store.write(actor) as s:
            case = self._load(s, case_id)
            s.add(Attachment(case_id=case.id, kind=kind_v, filename=filename, mime=mime, size=len(data),
                             sha256=digest, description=description))
            cid = case.id
        return self.get(cid)

    def read_attachment(self, attachment_id: str) -> tuple[v.AttachmentView, bytes]:
        with self.store.read() as s:
            att = s.get(Attachment, attachment_id)
            if att is None or att.deleted_at is not None:
                raise NotFound("找不到该附件。")
            view_ = v.view(v.AttachmentView, att)
        return view_, self.app.blobs.get(view_.sha256)

    # --- queries ---------------------------------------------------------------------------

    def search(self, flt: repo.CaseFilter | None = None, *, after=None, limit: int = 50) -> v.Page:
        flt = flt or repo.CaseFilter()
        with self.store.read_search() as s:
            rows = repo.search_cases(s, flt, after=after, limit=limit)
            names = repo.party_names_for(s, [c.id for c in rows])
            items = tuple(v.CaseSummary(id=c.id, case_number=c.case_number, title=c.title, status=c.status,
                                        dispute_type=c.dispute_type, source=c.source,
                                        received_date=c.received_date, party_names=tuple(names.get(c.id, ())),
                                        updated_at=c.updated_at) for c in rows)
        nxt = repo.sort_key(flt, rows[-1]) if len(rows) == limit else None
        return v.Page(items=items, next_after=nxt)

    def warm_search(self) -> None:
        """Read the index a page of matches is sorted from (~8 MB at 100,000 cases) into the
        search connection's cache, so the mediator's first keystrokes are as fast as the later
        ones; a name's pieces are a few contiguous pages each and need no warming."""
        with self.store.read_search() as s:
            repo.warm_search_index(s)

    def count(self, flt: repo.CaseFilter | None = None) -> int:
        with self.store.read() as s:
            return repo.count_cases(s, flt or repo.CaseFilter())

    def get(self, case_id: str) -> v.CaseDetail:
        with self.store.read() as s:
            return self._detail(s, self._load(s, case_id))

    def _detail(self, s, case: Case) -> v.CaseDetail:
        live = lambda model, col_, val, order: list(s.execute(  # noqa: E731
            select(model).where(col_ == val, model.deleted_at.is_(None)).order_by(order)).scalars())
        today = self._today()
        parties = tuple(v.view(v.PartyView, p, age=(p.birth_date and _age(p.birth_date, today)))
                        for p in live(Party, Party.case_id, case.id, Party.position))
        links = live(CaseMediator, CaseMediator.case_id, case.id, CaseMediator.created_at)
        mediators = tuple(v.view(v.MediatorView, s.get(Mediator, link.mediator_id)) for link in links)
        lead = next((link.mediator_id for link in links if link.lead), None)
        history = tuple(v.view(v.StatusChangeView, h) for h in
                        live(CaseStatusChange, CaseStatusChange.case_id, case.id, CaseStatusChange.changed_at))
        investigations = tuple(v.view(v.InvestigationView, r) for r in
                               live(Investigation, Investigation.case_id, case.id, Investigation.occurred_at))
        sessions = tuple(v.view(v.SessionView, r) for r in
                         live(MediationSession, MediationSession.case_id, case.id, MediationSession.occurred_at))
        records = []
        for rec in live(FactRecord, FactRecord.case_id, case.id, FactRecord.created_at):
            facts = []
            for f in live(Fact, Fact.record_id, rec.id, Fact.position):
                conf = tuple(c.party_id for c in live(FactConfirmation, FactConfirmation.fact_id, f.id,
                                                      FactConfirmation.party_id) if c.confirmed)
                facts.append(v.view(v.FactView, f, confirmed_by=conf))
            records.append(v.view(v.FactRecordView, rec, facts=tuple(facts)))
        agreements = []
        calendar = self.app.calendar()
        for ag in live(Agreement, Agreement.case_id, case.id, Agreement.revision):
            clauses = tuple(v.view(v.ClauseView, c) for c in
                            live(AgreementClause, AgreementClause.agreement_id, ag.id, AgreementClause.position))
            sigs = tuple((sg.party_id, sg.signed_date) for sg in
                         live(AgreementSignature, AgreementSignature.agreement_id, ag.id, AgreementSignature.party_id))
            jc_deadline = (deadlines.judicial_confirmation_deadline(ag.effective_date, calendar)
                           if ag.effective_date and ag.kind == AgreementKind.WRITTEN.value else None)
            agreements.append(v.view(v.AgreementView, ag, clauses=clauses, party_signatures=sigs,
                                     confirmation_deadline=jc_deadline))
        confirmations = tuple(v.view(v.ConfirmationView, r) for r in
                              live(JudicialConfirmation, JudicialConfirmation.case_id, case.id,
                                   JudicialConfirmation.applied_date))
        ref = live(CourtReferral, CourtReferral.case_id, case.id, CourtReferral.created_at)
        follow_ups = tuple(v.view(v.FollowUpView, r) for r in
                           live(FollowUp, FollowUp.case_id, case.id, FollowUp.visit_date))
        attachments = tuple(v.view(v.AttachmentView, r) for r in
                            live(Attachment, Attachment.case_id, case.id, Attachment.created_at))
        allowed = tuple(t.value for t in state_machine.allowed_targets(CaseStatus(case.status)))
        return v.view(v.CaseDetail, case, parties=parties, mediators=mediators, lead_mediator_id=lead,
                      history=history, investigations=investigations, sessions=sessions,
                      fact_records=tuple(records), agreements=tuple(agreements), confirmations=confirmations,
                      referral=v.view(v.ReferralView, ref[-1]) if ref else None, follow_ups=follow_ups,
                      attachments=attachments, allowed_statuses=allowed)

    def audit_trail(self, case_ref: str) -> list[v.AuditLine]:
        """操作记录: who changed what in this case and its records, newest first."""
        from ..store.models import AuditEntry
        with self.store.read() as s:
            case = self._load(s, case_ref)
            detail = self._detail(s, case)
            ids = {case.id} | {x.id for group in (detail.parties, detail.investigations, detail.sessions,
                                                    detail.fact_records, detail.agreements, detail.confirmations,
                                                    detail.follow_ups, detail.attachments) for x in group}
            ids |= {f.id for r in detail.fact_records for f in r.facts}
            rows = s.execute(select(AuditEntry).where(AuditEntry.entity_id.in_(ids))
                             .order_by(AuditEntry.seq.desc()).limit(500)).scalars().all()
            return [v.AuditLine(at=e.at, actor=e.actor, entity_type=e.entity_type, action=e.action,
                                fields=tuple(sorted(e.changes))) for e in rows]

    def deadlines(self, today: dt.date | None = None, horizon_days: int = 30,
                  limit: int | None = None) -> list[v.DeadlineItem]:
        """Deadlines falling due, most urgent first: court referral limits, the 30-day judicial
        confirmation window, performance deadlines and the next planned follow-up of each case.

        With ``limit`` only the most urgent ``limit`` items are returned: each kind is read in
        deadline order through its own date index and stops after ``limit`` rows, so the home
        screen costs the same at 100 cases and at 100,000 (where thousands may be overdue)."""
        today = today or self._today()
        horizon = today + dt.timedelta(days=horizon_days)
        calendar = self.app.calendar()
        out: list[v.DeadlineItem] = []
        c = (Case.id, Case.case_number, Case.title)
        live_case = Case.deleted_at.is_(None)
        # ``status || ''`` keeps SQLite from driving the join from the status index (which sorts
        # every open case in a temp b-tree): the date index leads, each row checks its case by key
        status = Case.status.concat("")

        def first(stmt, order):
            stmt = stmt.order_by(order)
            return stmt.limit(limit) if limit else stmt

        with self.store.read() as s:
            open_ = [st.value for st in state_machine.OPEN_STATUSES]
            for cid, number, title, kind, deadline in s.execute(first(
                    select(*c, CourtReferral.kind, CourtReferral.deadline)
                    .join(Case, CourtReferral.case_id == Case.id)
                    .where(status.in_(open_), live_case, CourtReferral.deadline <= horizon),
                    CourtReferral.deadline)):
                out.append(v.DeadlineItem(cid, number, title, "referral", f"{ReferralKind(kind).label}期限",
                                          deadline, (deadline - today).days))
            # the window is 30 days (longer over holidays) from the effective date: only agreements
            # that took effect in the last few months can still be inside it
            for cid, number, title, effective in s.execute(first(
                    select(*c, Agreement.effective_date).join(Case, Agreement.case_id == Case.id).where(
                    status.in_([CaseStatus.AGREED.value, CaseStatus.PERFORMING.value]), live_case,
                    Agreement.state == "effective", Agreement.kind == AgreementKind.WRITTEN.value,
                    Agreement.effective_date >= today - dt.timedelta(days=90),
                    Agreement.effective_date <= horizon), Agreement.effective_date)):
                due = deadlines.judicial_confirmation_deadline(effective, calendar)
                if today <= due <= horizon:
                    out.append(v.DeadlineItem(cid, number, title, "judicial_confirmation",
                                              DEADLINE_LABELS["judicial_confirmation"], due, (due - today).days))
            for cid, number, title, due in s.execute(first(
                    select(*c, Agreement.performance_deadline).join(Case, Agreement.case_id == Case.id).where(
                    status.in_([CaseStatus.AGREED.value, CaseStatus.PERFORMING.value, CaseStatus.CONFIRMED.value]),
                    live_case, Agreement.state == "effective",
                    Agreement.performance_deadline.is_not(None), Agreement.performance_deadline <= horizon),
                    Agreement.performance_deadline)):
                out.append(v.DeadlineItem(cid, number, title, "performance", DEADLINE_LABELS["performance"], due, (due - today).days))
            # a visit plans the next one: only the newest follow-up of a case says what is due
            later = aliased(FollowUp)
            newer_exists = exists().where(later.case_id == FollowUp.case_id, later.deleted_at.is_(None),
                                          later.visit_date > FollowUp.visit_date)
            for cid, number, title, due in s.execute(first(
                    select(*c, FollowUp.next_visit_date).join(Case, FollowUp.case_id == Case.id).where(
                    live_case, FollowUp.deleted_at.is_(None), FollowUp.next_visit_date.is_not(None),
                    FollowUp.next_visit_date <= horizon, ~newer_exists,
                    status.not_in([CaseStatus.PERFORMED.value, CaseStatus.ARCHIVED.value])),
                    FollowUp.next_visit_date)):
                out.append(v.DeadlineItem(cid, number, title, "follow_up", DEADLINE_LABELS["follow_up"], due, (due - today).days))
        out.sort(key=lambda d: (d.due, d.case_number))
        return out[:limit] if limit else out

def _age(birth: dt.date, today: dt.date) -> int:
    years = today.year - birth.year
    return years - ((today.month, today.day) < (birth.month, birth.day))


def _total(clauses: list[tuple[str, Decimal | None]]) -> Decimal | None:
    """The agreement's total: the sum of the clauses' amounts (0.00 is an amount), None without any."""
    amounts = [a for _, a in clauses if a is not None]
    return sum(amounts, Decimal("0.00")) if amounts else None
