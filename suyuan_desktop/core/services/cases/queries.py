"""Reading cases: search, the case detail, its audit trail, the deadlines of the home screen."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, select
from sqlalchemy.orm import aliased

from ...domain.clock import to_station_time
from ...domain import deadlines, state_machine
from ...domain.enums import AgreementKind, CaseStatus, ReferralKind
from ...store import repositories as repo
from ...store.models import (
    Agreement, AgreementClause, AgreementSignature, Attachment, Case, CaseMediator, CaseStatusChange,
    CourtReferral, EscalationPrevention, Fact, FactConfirmation, FactRecord, FollowUp, Investigation,
    JudicialConfirmation, MediationSession, Mediator, Party,
)
from .. import views as v
from .base import DEADLINE_LABELS, CaseBase, _age


class CaseQueries(CaseBase):
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
            return self._detail(s, self.load_case(s, case_id))

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
        calendar = self.ctx.calendar()
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
        escalations = tuple(v.view(v.EscalationView, r) for r in
                            live(EscalationPrevention, EscalationPrevention.case_id, case.id,
                                 EscalationPrevention.recorded_date))
        attachments = tuple(v.view(v.AttachmentView, r) for r in
                            live(Attachment, Attachment.case_id, case.id, Attachment.created_at))
        allowed = tuple(t.value for t in state_machine.allowed_targets(CaseStatus(case.status)))
        return v.view(v.CaseDetail, case, parties=parties, mediators=mediators, lead_mediator_id=lead,
                      history=history, investigations=investigations, sessions=sessions,
                      fact_records=tuple(records), agreements=tuple(agreements), confirmations=confirmations,
                      referral=v.view(v.ReferralView, ref[-1]) if ref else None, follow_ups=follow_ups,
                      attachments=attachments, allowed_statuses=allowed, escalations=escalations)

    def reveal_personal_data(self, actor, case_ref: str) -> None:
        """A mediator asked to see the parties' full ID and phone numbers on screen: written to
        the case's 操作记录 (docs/domain-rules.md, "Personal data")."""
        from ...store.tracking import append_audit
        self._require_case_worker(actor)
        with self.store.write(actor) as s:
            case = self.load_case(s, case_ref)
            append_audit(s, actor.username, "cases", case.id, "reveal", {"shown": "身份证号码、联系电话"})

    def audit_trail(self, case_ref: str) -> list[v.AuditLine]:
        """操作记录: who changed what in this case and its records, newest first."""
        from ...store.models import AuditEntry
        with self.store.read() as s:
            case = self.load_case(s, case_ref)
            detail = self._detail(s, case)
            ids = {case.id} | {x.id for group in (detail.parties, detail.investigations, detail.sessions,
                                                    detail.fact_records, detail.agreements, detail.confirmations,
                                                    detail.follow_ups, detail.attachments) for x in group}
            ids |= {f.id for r in detail.fact_records for f in r.facts}
            rows = s.execute(select(AuditEntry).where(AuditEntry.entity_id.in_(ids))
                             .order_by(AuditEntry.seq.desc()).limit(500)).scalars().all()
            from ...store.models import User
            names = dict(s.execute(select(User.username, User.display_name)).all())
            return [v.AuditLine(at=to_station_time(e.at), actor=_actor_name(e.actor, names), entity_type=e.entity_type,
                                action=e.action, fields=tuple(sorted(e.changes))) for e in rows]

    def deadlines(self, today: dt.date | None = None, horizon_days: int = 30,
                  limit: int | None = None) -> list[v.DeadlineItem]:
        """Deadlines falling due, most urgent first: court referral limits, the 30-day judicial
        confirmation window, performance deadlines and the next planned follow-up of each case.

        With ``limit`` only the most urgent ``limit`` items are returned: each kind is read in
        deadline order through its own date index and stops after ``limit`` rows, so the home
        screen costs the same at 100 cases and at 100,000 (where thousands may be overdue)."""
        today = today or self._today()
        horizon = today + dt.timedelta(days=horizon_days)
        calendar = self.ctx.calendar()
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


def _actor_name(actor: str | None, names: dict[str, str]) -> str:
    """Who did it, as a person reads it: an account's name, the command line, the district."""
    if not actor:
        return ""
    if actor in names:
        return names[actor]
    kind, _, who = actor.partition(":")
    if kind == "cli":
        return f"命令行（{who}）"
    if kind == "sync":
        return "区中心同步"
    return actor
