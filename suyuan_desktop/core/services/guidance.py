"""What a case needs next, and by when: the one place the window (and anything else) asks.

The rules follow the course of a case (docs/domain-rules.md, "The case's states"): accept or refuse,
assign a mediator, mediate within a court's referral limit, conclude, the 30 days for 司法确认
(人民调解法 Art. 33), performance and follow-up, then the archive.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.clock import cn_date, to_station_time
from ..domain.enums import COURT_SOURCES, CaseStatus
from .views import CaseDetail

S = CaseStatus
COURT = {s.value for s in COURT_SOURCES}


@dataclass(frozen=True)
class NextStep:
    text: str                 # what to do, in Chinese, for the mediator
    due: dt.date | None       # the deadline that governs it, if any
    days_left: int | None     # negative: overdue by that many days
    urgency: str              # overdue | today | soon (7 days) | later | none
    # the workflow that carries the step out, named after the service method (accept,
    # assign_mediators, record_session, resume, record_follow_up, record_confirmation_outcome,
    # record_undisputed_facts, return_to_court, archive), or None where the step is outside the app
    action: str | None = None

    @property
    def countdown(self) -> str:
        """“逾期 12 天” / “今天到期” / “还剩 5 天”, or '' without a deadline."""
        if self.days_left is None:
            return ""
        if self.days_left < 0:
            return f"逾期 {-self.days_left} 天"
        return "今天到期" if self.days_left == 0 else f"还剩 {self.days_left} 天"


def _step(text: str, due: dt.date | None, today: dt.date, action: str | None = None) -> NextStep:
    if due is None:
        return NextStep(text, None, None, "none", action)
    days = (due - today).days
    urgency = "overdue" if days < 0 else "today" if days == 0 else "soon" if days <= 7 else "later"
    return NextStep(text, due, days, urgency, action)


def confirmation_window_open(case: CaseDetail, today: dt.date) -> bool:
    """Whether the parties can still apply for 司法确认 of the effective written agreement: within
    its 30 days, and not when the court has it under review or has already confirmed it."""
    ag = case.effective_agreement
    if not (ag and ag.confirmation_deadline and today <= ag.confirmation_deadline):
        return False
    return not any(j.agreement_id == ag.id and j.outcome in ("pending", "confirmed") for j in case.confirmations)


def _after_agreement(case: CaseDetail, today: dt.date) -> NextStep:
    ag = case.effective_agreement
    planned = [f.next_visit_date for f in case.follow_ups if f.next_visit_date]
    if case.status == S.AGREED.value and confirmation_window_open(case, today):
        return _step(f"如需司法确认，双方当事人须在 {cn_date(ag.confirmation_deadline)} 前共同向法院申请；"
                     "同时督促履行协议", ag.confirmation_deadline, today, "record_follow_up")
    if ag and ag.performance_deadline and not case.follow_ups:
        when = "已过：尽快" if ag.performance_deadline < today else "：到期前后"
        return _step(f"协议履行期限 {cn_date(ag.performance_deadline)}{when}回访，登记履行情况",
                     ag.performance_deadline, today, "record_follow_up")
    if planned:
        due = planned[-1]
        return _step(f"按计划于 {cn_date(due)} 回访，登记履行情况", due, today, "record_follow_up")
    return _step("回访当事人，登记履行情况；履行完毕后立卷归档", None, today, "record_follow_up")


def next_step(case: CaseDetail, today: dt.date) -> NextStep | None:
    """The next thing to do on ``case`` as of ``today``, or None for an archived case."""
    status = CaseStatus(case.status)
    referral = case.referral if case.source in COURT else None
    if status is S.ARCHIVED:
        return None
    if status is S.RECEIVED:
        return _step("征得各方当事人同意后受理，或说明理由不予受理", referral.deadline if referral else None, today,
                     "accept")
    if status in (S.ACCEPTED, S.IN_MEDIATION):
        if not case.mediators:
            return _step("指派调解员（调解协议须由调解员签名，人民调解法第29条）",
                         referral.deadline if referral else None, today, "assign_mediators")
        if referral and today > referral.deadline:
            return _step(f"法院{('委派' if referral.kind == 'assigned' else '委托')}调解期限已于 "
                         f"{cn_date(referral.deadline)} 届满：调解不成的，制作无争议事实记载后退回法院",
                         referral.deadline, today, "record_undisputed_facts")
        return _step("开展调解：达成协议、记载无争议事实，或调解不成时终止调解",
                     referral.deadline if referral else None, today, "record_session")
    if status is S.SUSPENDED:
        return _step("中止原因消除后恢复调解", referral.deadline if referral else None, today, "resume")
    if status in (S.AGREED, S.CONFIRMED, S.PERFORMING):
        return _after_agreement(case, today)
    if status is S.CONFIRM_APPLIED:
        return _step("等待法院裁定，收到裁定后登记司法确认结果", None, today, "record_confirmation_outcome")
    if status is S.CONFIRM_REJECTED:
        return _step("法院未确认协议：可再次调解变更协议，或告知当事人可以向法院提起诉讼", None, today)
    if status is S.FAILED:
        if referral:
            return _step("调解不成：将材料和无争议事实记载退回委派/委托法院", referral.deadline, today,
                         "return_to_court")
        text = ("调解不成：已告知当事人可以通过仲裁、行政、司法等途径解决的，立卷归档" if case.fact_records else
                "调解不成：如各方同意，记载无争议事实；告知当事人可以通过仲裁、行政、司法等途径解决，然后立卷归档")
        return _step(text, None, today, "archive" if case.fact_records else "record_undisputed_facts")
    return _step("立卷归档", None, today, "archive")  # refused, withdrawn, performed, returned to court


@dataclass(frozen=True)
class DeadlineGroup:
    key: str        # overdue | today | week | month
    label: str      # 已逾期 / 今天到期 / 7 日内 / 30 日内
    items: tuple    # DeadlineItem, in the order a mediator works through them


def printable_documents(case: CaseDetail) -> tuple[str, ...]:
    """The documents a case can print now (codes of ``documents.types.DOC_TYPES``): the forms of
    every case, and each record's document once the case holds such a record."""
    out = ["application", "registration", "notice", "cover", "service_address"]
    if case.investigations:
        out.append("investigation")
    if case.sessions:
        out.append("session")
    if any(a.kind == "written" for a in case.agreements):
        out.append("agreement")
    if any(a.kind == "oral" for a in case.agreements):
        out.append("oral_agreement")
    if case.fact_records:
        out.append("undisputed_facts")
    if case.effective_agreement and case.effective_agreement.kind == "written":
        out.append("judicial_confirmation")
    if case.follow_ups:
        out.append("follow_up")
    if case.termination_reason:
        out.append("termination")
        if case.fact_records:
            out.append("court_package")   # 诉调对接: once mediation has ended, with facts the parties confirmed
    return tuple(out)


def deadline_groups(items) -> list[DeadlineGroup]:
    """The 工作台's deadlines by urgency: overdue (the most recently missed first: those can still
    be saved), due today, within 7 days, within 30 days (soonest first). Empty groups are left out."""
    buckets: dict[str, list] = {"overdue": [], "today": [], "week": [], "month": []}
    for item in items:
        d = item.days_left
        buckets["overdue" if d < 0 else "today" if d == 0 else "week" if d <= 7 else "month"].append(item)
    buckets["overdue"].sort(key=lambda i: (i.days_left * -1, i.case_number))
    for key in ("today", "week", "month"):
        buckets[key].sort(key=lambda i: (i.days_left, i.case_number))
    labels = {"overdue": "已逾期", "today": "今天到期", "week": "7 日内", "month": "30 日内"}
    return [DeadlineGroup(k, labels[k], tuple(v)) for k, v in buckets.items() if v]


@dataclass(frozen=True)
class TimelineStep:
    """One step of a case's course: 受理 → 调解 → 协议/终止 → 生效 → 司法确认 → 履行 → 回访 → 归档."""

    label: str
    state: str                   # done / current / pending / skipped
    day: dt.date | None = None   # when it was done
    due: dt.date | None = None   # the limit that governs it, while it is not done
    note: str = ""               # e.g. 未申请, 委派期限, 部分履行


def _changed_on(case: CaseDetail, status: S) -> dt.date | None:
    for change in case.history:
        if change.to_status == status.value:
            return to_station_time(change.changed_at).date()
    return None


def timeline(case: CaseDetail, today: dt.date) -> list[TimelineStep]:
    """The steps of ``case`` from receipt to 归档, each done (with its date), current, still to
    come (with its limit) or skipped, for the workspace's timeline."""
    status = CaseStatus(case.status)
    referral = case.referral if case.source in COURT else None
    ended_without = status in (S.REFUSED, S.WITHDRAWN) or (status is S.ARCHIVED and (case.refusal_reason or
                                                                                     case.withdrawal_reason))
    steps = []
    if status is S.RECEIVED:
        steps.append(TimelineStep("受理", "current", due=referral.deadline if referral else None))
    elif case.refusal_reason:
        steps.append(TimelineStep("不予受理", "done", case.closed_date))
    else:
        steps.append(TimelineStep("受理", "done", case.accepted_date))
    if not case.refusal_reason:
        first = min((s.occurred_at for s in case.sessions), default=None)
        mediating = status in (S.ACCEPTED, S.IN_MEDIATION, S.SUSPENDED)
        steps.append(TimelineStep(
            "调解", "current" if mediating else ("pending" if status is S.RECEIVED else "done"),
            first.date() if first and not mediating else None,
            due=referral.deadline if referral and (mediating or status is S.RECEIVED) else None,
            note=("委派调解期限" if referral and referral.kind == "assigned" else "委托调解期限") if referral else ""))
    ag = case.effective_agreement or next((a for a in case.agreements if a.state == "superseded"), None)
    if case.withdrawal_reason:
        steps.append(TimelineStep("撤回", "done", case.closed_date))
    elif case.termination_reason or status in (S.FAILED, S.RETURNED_TO_COURT):
        steps.append(TimelineStep("调解不成（终止）", "done", case.closed_date))
        steps.append(TimelineStep("无争议事实记载", "done" if case.fact_records else "skipped",
                                  case.fact_records[0].record_date if case.fact_records else None,
                                  note="" if case.fact_records else "未记载"))
        if referral:
            returned = _changed_on(case, S.RETURNED_TO_COURT)
            steps.append(TimelineStep("退回法院", "done" if returned else "current", returned,
                                      due=None if returned else referral.deadline))
    elif not ended_without:
        agreed = ag is not None and ag.effective_date is not None
        draft = any(a.state == "draft" for a in case.agreements)
        steps.append(TimelineStep("达成协议", "done" if agreed else "pending", ag.agreed_date if agreed else None,
                                  note="协议草稿待签字" if draft and not agreed else ""))
        steps.append(TimelineStep("协议生效", "done" if agreed else "pending", ag.effective_date if agreed else None))
        if ag is None or ag.kind == "written":
            applied = case.confirmations[0] if case.confirmations else None
            window = ag.confirmation_deadline if ag else None
            if applied:
                outcome = {"confirmed": "裁定有效", "rejected": "裁定驳回", "pending": "审查中",
                           "withdrawn": "撤回申请"}.get(applied.outcome, "")
                steps.append(TimelineStep("司法确认", "done" if applied.outcome != "pending" else "current",
                                          applied.applied_date, note=outcome))
            elif window and today > window:
                steps.append(TimelineStep("司法确认", "skipped", note="30日内未申请"))
            else:
                steps.append(TimelineStep("司法确认", "current" if agreed else "pending", due=window,
                                          note="可选：30日内共同申请"))
        performed = status is S.PERFORMED or any(f.performance_status == "performed" for f in case.follow_ups)
        deadline = ag.performance_deadline if ag else None
        last = case.follow_ups[-1] if case.follow_ups else None
        steps.append(TimelineStep("履行", "done" if performed else ("current" if agreed else "pending"),
                                  _changed_on(case, S.PERFORMED) if performed else None,
                                  due=None if performed else deadline,
                                  note="" if performed or not last else f"{_PERFORMANCE.get(last.performance_status, '')}"))
        steps.append(TimelineStep("回访", "done" if case.follow_ups else ("current" if agreed else "pending"),
                                  case.follow_ups[0].visit_date if case.follow_ups else None,
                                  due=None if case.follow_ups else deadline))
    archived = _changed_on(case, S.ARCHIVED)
    steps.append(TimelineStep("归档", "done" if status is S.ARCHIVED else "pending", archived))
    return steps


_PERFORMANCE = {"not_started": "尚未履行", "partial": "部分履行", "refused": "拒不履行"}
