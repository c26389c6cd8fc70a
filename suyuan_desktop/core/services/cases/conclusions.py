"""How mediation ends: undisputed facts, termination, withdrawal, agreements and addenda."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from ...domain.enums import AgreementKind, CaseStatus, TerminationReason
from ...domain.errors import FieldError, ImmutableRecord, NotFound, ValidationError
from ...store.models import (
    Agreement, AgreementClause, AgreementSignature, Fact, FactConfirmation, FactRecord, utcnow,
)
from ...store.tracking import Actor
from .. import views as v
from ..inputs import (
    AgreementInput, ClauseInput, Collector, FactInput, FactRecordInput, OralAgreementInput,
    TerminationInput, clean_amount, from_dict,
)
from .base import CaseBase, _total


class ConclusionOps(CaseBase):
    # --- failure: undisputed facts, termination, withdrawal ------------------------------------

    def record_undisputed_facts(self, actor: Actor, case_id: str, data: FactRecordInput) -> v.CaseDetail:
        """无争议事实记载 (docs/domain-rules.md): every fact confirmed by every party, with consent."""
        self._require_case_worker(actor)
        col = Collector(entity="fact_records")
        row = dict(dispute_statement=col.required(data, "dispute_statement", "纠纷及各方主张"),
                   record_date=col.date(data, "record_date", "记载日期", required=False) or self._today(),
                   mediation_start=col.date(data, "mediation_start", "调解开始日期", required=False),
                   mediation_end=col.date(data, "mediation_end", "调解结束日期", required=False),
                   disputed_points=col.optional(data, "disputed_points", "争议焦点"),
                   failure_reason=col.optional(data, "failure_reason", "调解不成原因"),
                   cost_conduct=col.optional(data, "cost_conduct", "增加诉讼成本的行为"),
                   consent_given=bool(data.consent_given))
        if not data.consent_given:
            col.add("consent_given", "当事人同意", "记载无争议事实须经各方当事人同意，请先征得同意并勾选。", "required")
        if not data.facts:
            col.add("facts", "无争议事实", "至少记载一项事实。", "required")

        def change(s, case):
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
                text = fc.required(f, "text", f"第{i + 1}项事实", of="facts")
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
        return self._change(actor, case_id, change)

    def terminate(self, actor: Actor, case_id: str, data: TerminationInput) -> v.CaseDetail:
        self._require_case_worker(actor)
        col = Collector()
        reason = col.enum(data, "reason", "终止原因", TerminationReason)
        detail = col.optional(data, "detail", "终止情况说明", of="cases", field="termination_detail")
        day = col.date(data, "terminated_date", "终止日期", required=False) or self._today()
        if reason is TerminationReason.OTHER and not detail:
            col.add("detail", "终止情况说明", "终止原因为“其他”时须写明具体情况。", "required")
        col.raise_if_any()

        def change(s, case):
            self._require_mediator(s, case, "终止调解")
            self._transition(s, case, CaseStatus.FAILED, actor, reason.label)
            case.termination_reason = reason.value
            case.termination_detail = detail
            case.closed_date = day
        return self._change(actor, case_id, change)

    def withdraw(self, actor: Actor, case_id: str, reason: str) -> v.CaseDetail:
        self._require_case_worker(actor)
        if not (reason or "").strip():
            raise ValidationError(FieldError("reason", "撤回原因", "不能为空，请写明（如双方已自行和解）。", "required"))

        def change(s, case):
            self._transition(s, case, CaseStatus.WITHDRAWN, actor, reason)
            case.withdrawal_reason = reason.strip()
            case.closed_date = self._today()
        return self._change(actor, case_id, change)

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
                text = cc.required(c, "text", f"第{i + 1}条", of="agreement_clauses")
                out.append((text, clean_amount(cc, c, "amount", f"第{i + 1}条金额")))
            col.errors.extend(cc.errors)
        return out

    def save_agreement(self, actor: Actor, case_id: str, data: AgreementInput) -> v.CaseDetail:
        """Save a written agreement. With every signature, the mediator's and the seal it takes
        effect (人民调解法 Art. 29: on the latest of those dates) and the case becomes 调解成功;
        otherwise it stays a draft that can be printed for signing."""
        self._require_case_worker(actor)
        col = Collector(entity="agreements")
        facts = col.required(data, "facts_and_disputes", "纠纷主要事实、争议事项")
        agreed = col.date(data, "agreed_date", "协议达成日期", required=False)
        if agreed is None:  # not given: the day the first party signed, else today
            try:
                signed = [d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d))
                          for d in (data.party_signatures or {}).values()]
            except ValueError:
                signed = []
            agreed = min(signed) if signed else self._today()
        deadline = col.date(data, "performance_deadline", "履行期限", required=False)
        method = col.optional(data, "performance_method", "履行方式")
        place = col.optional(data, "performance_place", "履行地点")
        mediator_date = col.date(data, "mediator_signed_date", "调解员签字日期", required=False)
        sealed = col.date(data, "sealed_date", "盖章日期", required=False)
        clauses = self._clean_clauses(data, col)
        if not method:
            col.add("performance_method", "履行方式", "请写明履行方式和时限（如“一次性现金支付”）。", "required")
        if deadline and deadline < agreed:
            col.add("performance_deadline", "履行期限", "不能早于协议达成日期。", "order")

        def change(s, case):
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
                          total_amount=total, recorder=col.optional(data, "recorder", "记录人"))
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
        return self._change(actor, case_id, change)

    def conclude_with_oral_agreement(self, actor: Actor, case_id: str, data: OralAgreementInput) -> v.CaseDetail:
        """口头协议 (Art. 28/30): effective on the day the parties reach it."""
        self._require_case_worker(actor)
        col = Collector(entity="agreements")
        content = col.required(data, "content", "口头协议内容", of="agreement_clauses", field="text")
        facts = col.required(data, "facts_and_disputes", "纠纷简要情况")
        agreed = col.date(data, "agreed_date", "协议达成日期", required=False) or self._today()
        deadline = col.date(data, "performance_deadline", "履行期限", required=False)
        amount = clean_amount(col, data, "amount", "涉及金额")
        if agreed > self._today():
            col.add("agreed_date", "协议达成日期", "不能晚于今天。", "future")
        col.raise_if_any()

        def change(s, case):
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
        return self._change(actor, case_id, change)

    def amend_agreement(self, actor: Actor, case_id: str, data: AgreementInput) -> v.CaseDetail:
        """A signed agreement is never edited: a change is a new revision (补充协议) that supersedes it."""
        self._require_case_worker(actor)
        col = Collector(entity="agreements")
        clauses = self._clean_clauses(data, col)
        facts = col.required(data, "facts_and_disputes", "变更理由及事实")
        agreed = col.date(data, "agreed_date", "补充协议日期", required=False)
        col.raise_if_any()

        def change(s, case):
            old = s.execute(select(Agreement).where(Agreement.case_id == case.id, Agreement.state == "effective",
                                                    Agreement.deleted_at.is_(None))).scalar_one_or_none()
            if old is None:
                raise NotFound("本案没有已生效的调解协议，无需补充协议。")
            self._require_mediator(s, case, "签订补充协议")
            parties = self._live_parties(s, case.id)
            sigs = self._signatures(parties, data, col, agreed)
            agreed_on = agreed or (min(sigs.values()) if sigs else self._today())  # as for the first agreement
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
                            agreed_date=agreed_on, mediator_signed_date=mediator_date, sealed_date=sealed,
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
        return self._change(actor, case_id, change)
