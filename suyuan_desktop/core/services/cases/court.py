"""After the agreement: judicial confirmation and follow-up visits."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ...domain.clock import cn_date
from ...domain import deadlines, state_machine
from ...domain.enums import AgreementKind, CaseStatus, ConfirmationOutcome, EscalationKind, PerformanceStatus
from ...domain.errors import FieldError, ImmutableRecord, NotFound, ValidationError
from ...store.models import Agreement, EscalationPrevention, FollowUp, JudicialConfirmation
from ...store.tracking import Actor
from .. import views as v
from ..inputs import Collector, EscalationInput, FollowUpInput
from .base import CaseBase


class CourtOps(CaseBase):
    # --- judicial confirmation -------------------------------------------------------------

    def apply_judicial_confirmation(self, actor: Actor, case_id: str, court: str,
                                    applied_date: dt.date | str | None = None) -> v.CaseDetail:
        self._require_case_worker(actor)
        col = Collector(entity="judicial_confirmations")
        holder = type("H", (), {"court": court, "applied_date": applied_date})()
        court = col.required(holder, "court", "受理法院")
        applied = col.date(holder, "applied_date", "申请日期", required=False) or self._today()
        col.raise_if_any()

        def change(s, case):
            ag = s.execute(select(Agreement).where(Agreement.case_id == case.id, Agreement.state == "effective",
                                                   Agreement.deleted_at.is_(None))).scalar_one_or_none()
            if ag is None or ag.kind != AgreementKind.WRITTEN.value:
                raise ValidationError(FieldError("agreement", "调解协议", "只有已生效的书面调解协议才能申请司法确认。", "no_agreement"))
            deadline = deadlines.judicial_confirmation_deadline(ag.effective_date, self.ctx.calendar())
            if applied > deadline:
                raise ValidationError(FieldError(
                    "applied_date", "申请日期",
                    f"已超过申请期限：协议于{cn_date(ag.effective_date)}生效，须在{cn_date(deadline)}前"
                    "由双方共同申请（人民调解法第33条）。", "late"))
            if applied < ag.effective_date:
                raise ValidationError(FieldError("applied_date", "申请日期", "不能早于协议生效日期。", "order"))
            if s.execute(select(JudicialConfirmation.id).where(
                    JudicialConfirmation.agreement_id == ag.id,
                    JudicialConfirmation.outcome == ConfirmationOutcome.CONFIRMED.value)).first():
                raise ValidationError(FieldError("agreement", "调解协议",
                                                 "法院已裁定确认本协议有效，无需再次申请司法确认。", "already_confirmed"))
            self._transition(s, case, CaseStatus.CONFIRM_APPLIED, actor, f"向{court}申请司法确认")
            s.add(JudicialConfirmation(case_id=case.id, agreement_id=ag.id, court=court, applied_date=applied,
                                       deadline=deadline, outcome=ConfirmationOutcome.PENDING.value))
        return self._change(actor, case_id, change)

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

        def change(s, case):
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
        return self._change(actor, case_id, change)

    # --- follow-up -------------------------------------------------------------------------

    def record_escalation_prevention(self, actor: Actor, case_id: str, data: EscalationInput) -> v.CaseDetail:
        """防激化: the mediation prevented a suicide, a crime, a group petition or a group fight
        concerning ``persons`` people (counted in the statistics, docs/statistics.md)."""
        self._require_case_worker(actor)
        col = Collector(entity="escalation_preventions")
        kind = col.enum(data, "kind", "防激化类别", EscalationKind)
        persons = data.persons
        try:
            persons = int(str(persons).strip()) if persons not in (None, "") else None
        except ValueError:
            persons = -1
        if persons is None:
            col.add("persons", "涉及人数", "请填写涉及人数（1人以上的整数）。", "required")
        elif not 1 <= persons <= 100000:
            col.add("persons", "涉及人数", "涉及人数应为1至100000之间的整数。", "range")
        day = col.date(data, "recorded_date", "登记日期", required=False) or self._today()
        if day > self._today():
            col.add("recorded_date", "登记日期", "登记日期不能晚于今天。", "future")
        note = col.optional(data, "note", "情况说明")
        col.raise_if_any()

        def change(s, case):
            if CaseStatus(case.status) is CaseStatus.ARCHIVED:
                raise ImmutableRecord("案件已归档，不能再登记防激化情况。")
            s.add(EscalationPrevention(case_id=case.id, kind=kind.value, persons=persons, recorded_date=day,
                                       note=note))
        return self._change(actor, case_id, change)

    def record_follow_up(self, actor: Actor, case_id: str, data: FollowUpInput) -> v.CaseDetail:
        self._require_case_worker(actor)
        col = Collector(entity="follow_ups")
        status = col.enum(data, "performance_status", "履行情况", PerformanceStatus)
        row = dict(visit_date=col.date(data, "visit_date", "回访日期", required=False) or self._today(),
                   visited=col.required(data, "visited", "被回访人"),
                   notes=col.required(data, "notes", "回访情况"),
                   visitor=col.required(data, "visitor", "回访人"),
                   method=col.optional(data, "method", "回访方式"),
                   satisfaction=col.optional(data, "satisfaction", "满意度"),
                   next_visit_date=col.date(data, "next_visit_date", "下次回访日期", required=False))
        col.raise_if_any()
        row["performance_status"] = status.value

        def change(s, case):
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
        return self._change(actor, case_id, change)
