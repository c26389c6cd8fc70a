"""Taking a case in: intake, acceptance or refusal, mediators, the parties."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ...domain import deadlines
from ...domain.case_numbers import format_case_number
from ...domain.enums import (
    COURT_SOURCES, CaseSource, CaseStatus, DisputeType, ReferralKind, ReferralProcedure,
)
from ...domain.errors import FieldError, ValidationError
from ...store import repositories as repo
from ...store.models import (
    Case, CaseMediator, CaseStatusChange, CourtReferral, DisputeSubtype, Mediator, Party, Station, utcnow,
)
from ...store.tracking import Actor
from .. import views as v
from ..inputs import CaseIntake, Collector, PartyInput, ReferralInput, clean_party, from_dict
from .base import CaseBase


class IntakeOps(CaseBase):
    # --- intake ----------------------------------------------------------------------------

    def validate_intake(self, data: CaseIntake, col: Collector | None = None) -> dict:
        col = col or Collector()
        today = self._today()
        out = {
            "title": col.required(data, "title", "纠纷名称", of="cases"),
            "summary": col.required(data, "summary", "纠纷简要情况", of="cases"),
            "claims": col.optional(data, "claims", "申请事项", of="cases"),
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
            "court": col.required(r, "court", "委派/委托法院", of="court_referrals"),
            "reference_number": col.required(r, "reference_number", "委派/委托函编号", of="court_referrals"),
            "judge": col.optional(r, "judge", "承办法官", of="court_referrals"),
            "signed_for_date": signed,
        }
        if signed:
            out["limit_days"] = deadlines.referral_limit_days(kind, procedure)
            out["deadline"] = deadlines.referral_deadline(signed, kind, procedure, self.ctx.calendar())
        return out

    def intake(self, actor: Actor, data: CaseIntake) -> v.CaseDetail:
        self._require_case_worker(actor)
        clean = self.validate_intake(data)
        with self.store.write(actor) as s:
            station = s.get(Station, self.ctx.station_code)
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

        def change(s, case):
            self._transition(s, case, CaseStatus.ACCEPTED, actor, note or "经当事人同意，予以受理")
            case.accepted_date = accepted_date or self._today()
        return self._change(actor, case_id, change)

    def refuse(self, actor: Actor, case_id: str, reason: str) -> v.CaseDetail:
        self._require_case_worker(actor)
        if not (reason or "").strip():
            raise ValidationError(FieldError("reason", "不予受理理由", "不能为空，请写明理由（如一方明确拒绝调解）。", "required"))

        def change(s, case):
            self._transition(s, case, CaseStatus.REFUSED, actor, reason)
            case.refusal_reason = reason.strip()
            case.closed_date = self._today()
        return self._change(actor, case_id, change)

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

        def change(s, case):
            self._require_editable(case, "更换调解员")
            self._assign(s, case, list(dict.fromkeys(mediator_ids)), lead_id or mediator_ids[0])
        return self._change(actor, case_id, change)

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

        def change(s, case):
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
        return self._change(actor, case_id, change)
