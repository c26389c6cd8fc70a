"""What the case workspace shows of a case: the step timeline and the HTML of its tabs."""
from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFrame, QLabel

from ..core.domain.enums import (
    AgreementKind, CaseSource, CaseStatus, ConfirmationOutcome, DisputeType, EscalationKind, PartyKind, PartyRole,
    PerformanceStatus, TerminationReason, reason_and_detail,
)
from ..core.domain.idcard import mask_id_number
from ..core.domain.money import amount_in_words, format_amount
from ..core.domain.phone import mask_phone
from .i18n import label_of, translate
from .widgets import FlowLayout

S = CaseStatus


def _esc(text) -> str:
    return html.escape(str(text if text is not None else ""))


# the words of core.services.guidance.timeline, for the translators
TIMELINE_WORDS = (
    QT_TRANSLATE_NOOP("timeline", "受理"), QT_TRANSLATE_NOOP("timeline", "不予受理"), QT_TRANSLATE_NOOP("timeline", "调解"),
    QT_TRANSLATE_NOOP("timeline", "委派调解期限"), QT_TRANSLATE_NOOP("timeline", "委托调解期限"),
    QT_TRANSLATE_NOOP("timeline", "撤回"), QT_TRANSLATE_NOOP("timeline", "调解不成（终止）"),
    QT_TRANSLATE_NOOP("timeline", "无争议事实记载"), QT_TRANSLATE_NOOP("timeline", "未记载"),
    QT_TRANSLATE_NOOP("timeline", "退回法院"), QT_TRANSLATE_NOOP("timeline", "达成协议"),
    QT_TRANSLATE_NOOP("timeline", "协议草稿待签字"), QT_TRANSLATE_NOOP("timeline", "协议生效"),
    QT_TRANSLATE_NOOP("timeline", "司法确认"), QT_TRANSLATE_NOOP("timeline", "裁定有效"),
    QT_TRANSLATE_NOOP("timeline", "裁定驳回"), QT_TRANSLATE_NOOP("timeline", "审查中"),
    QT_TRANSLATE_NOOP("timeline", "撤回申请"), QT_TRANSLATE_NOOP("timeline", "30日内未申请"),
    QT_TRANSLATE_NOOP("timeline", "可选：30日内共同申请"), QT_TRANSLATE_NOOP("timeline", "履行"),
    QT_TRANSLATE_NOOP("timeline", "尚未履行"), QT_TRANSLATE_NOOP("timeline", "部分履行"),
    QT_TRANSLATE_NOOP("timeline", "拒不履行"), QT_TRANSLATE_NOOP("timeline", "回访"), QT_TRANSLATE_NOOP("timeline", "归档"),
)


class StepTimeline(QFrame):
    """The case's course as a row of steps (core.services.guidance.timeline): done in green with
    its date, the current one in blue with its limit and countdown, the rest grey."""

    COLOURS = {"done": ("#1e5a2b", "#e2f2e6", "✓"), "current": ("#174a85", "#e1ecf9", "●"),
               "pending": ("#7b8794", "#f0f2f5", "○"), "skipped": ("#9aa5b1", "#f5f7fa", "–")}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.row = FlowLayout(self, spacing=4)
        self.labels: list[QLabel] = []

    def set_steps(self, steps, today) -> None:
        for label in self.labels:
            self.row.removeWidget(label)
            label.deleteLater()
        self.labels = []
        for i, step in enumerate(steps):
            fg, bg, mark = self.COLOURS[step.state]
            lines = [f"{mark} {_esc(translate('timeline', step.label))}"]
            if step.day:
                lines.append(step.day.strftime("%m-%d"))
            elif step.due:
                days = (step.due - today).days
                if days < 0:
                    fg, bg = "#a4262c", "#fdecea"
                    lines.append(translate("workspace", "逾期 {n} 天").format(n=-days))
                else:
                    lines.append(translate("workspace", "{due} 前").format(due=step.due.strftime("%m-%d")))
            if step.note:
                lines.append(_esc(translate("timeline", step.note)))
            weight = "bold" if step.state == "current" else "normal"
            label = QLabel("<br>".join(lines))
            label.setToolTip(translate("timeline", step.label))
            label.setStyleSheet(f"QLabel {{ color: {fg}; background: {bg}; border-radius: 4px; padding: 3px 8px; "
                                f"font-weight: {weight}; }}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.labels.append(label)
            self.row.addWidget(label)
            if i < len(steps) - 1:
                arrow = QLabel("›")
                arrow.setStyleSheet("color: #9aa5b1; font-size: 16px;")
                self.labels.append(arrow)
                self.row.addWidget(arrow)
        self.steps = steps


def case_pages(c, revealed: bool) -> dict[str, str]:
    """The HTML of each tab of a case's workspace, by its (untranslated) name; identity numbers
    and phones masked unless ``revealed``."""
    pages = {}
    rows = [(translate("workspace", "案号"), c.case_number), (translate("workspace", "纠纷名称"), c.title), (translate("workspace", "纠纷类型"), label_of(DisputeType, c.dispute_type)),
            (translate("workspace", "案件来源"), label_of(CaseSource, c.source)), (translate("workspace", "状态"), label_of(S, c.status)), (translate("workspace", "收案日期"), c.received_date),
            (translate("workspace", "受理日期"), c.accepted_date or "—"), (translate("workspace", "结案日期"), c.closed_date or "—"),
            (translate("workspace", "调解员"), translate("workspace", "、").join(m.name for m in c.mediators) or translate("workspace", "未指派")),
            (translate("workspace", "激化风险"), translate("workspace", "有") if c.risk_of_escalation else translate("workspace", "无")), (translate("workspace", "纠纷简要情况"), c.summary), (translate("workspace", "申请事项"), c.claims or "—")]
    if c.referral:
        r = c.referral
        rows.insert(4, (translate("workspace", "法院委派/委托"), translate("workspace", "{court} {reference_number}，期限至 {deadline}（{limit_days}日）").format(court=r.court, reference_number=r.reference_number, deadline=r.deadline, limit_days=r.limit_days)))
    for e in c.escalations:
        rows.append((translate("workspace", "防激化"), translate("workspace", "{kind}，涉及 {n} 人（{day}）").format(
            kind=label_of(EscalationKind, e.kind), n=e.persons, day=e.recorded_date.isoformat())
            + (f"：{e.note}" if e.note else "")))
    if c.termination_reason:
        rows.append((translate("workspace", "终止原因"), reason_and_detail(label_of(TerminationReason, c.termination_reason),
                                                                               c.termination_detail)))
    pages["基本情况"] = _table(rows)

    parts = []
    shown_id = (lambda x: x) if revealed else mask_id_number
    shown_phone = (lambda x: x) if revealed else mask_phone
    if not revealed and any(p.id_number or p.phone for p in c.parties):
        parts.append(translate("workspace", "<p>身份证号码和电话已部分隐藏。<a href=\"reveal\">显示完整号码</a>（将记入操作记录）</p>"))
    for p in c.parties:
        items = [(translate("workspace", "身份"), label_of(PartyRole, p.role)), (translate("workspace", "类型"), label_of(PartyKind, p.kind))]
        if p.kind == PartyKind.PERSON.value:
            items += [(translate("workspace", "性别/年龄"), translate("workspace", "{v} {v2}").format(v=p.gender or '', v2=str(p.age) + '岁' if p.age is not None else '')),
                      (translate("workspace", "身份证号码"), shown_id(p.id_number) if p.id_number else "—")]
        else:
            items += [(translate("workspace", "统一社会信用代码"), p.credit_code or "—"), (translate("workspace", "法定代表人"), p.legal_representative or "—")]
        items += [(translate("workspace", "联系电话"), shown_phone(p.phone) if p.phone else "—"),
                  (translate("workspace", "住址"), p.address or "—")]
        parts.append(f"<h3>{p.position}. {_esc(p.name)}</h3>" + _table(items))
    pages["当事人"] = "".join(parts)

    recs = [translate("workspace", "<h3>调查记录 {occurred_at:%Y-%m-%d %H:%M} {v}</h3><p>被调查人：{v2}；调查人：{v3}</p><pre>{v4}</pre>").format(occurred_at=i.occurred_at, v=_esc(i.place), v2=_esc(i.subject), v3=_esc(i.investigators), v4=_esc(i.record))
            for i in c.investigations]
    recs += [translate("workspace", "<h3>调解记录 {occurred_at:%Y-%m-%d %H:%M} {v}</h3><p>到场：{v2}</p><pre>{v3}</pre><p>结果：{v4}</p>").format(occurred_at=s.occurred_at, v=_esc(s.place), v2=_esc(s.attendees), v3=_esc(s.content), v4=_esc(s.result or ''))
             for s in c.sessions]
    pages["调查与调解记录"] = "".join(recs) or translate("workspace", "<p>尚无记录。</p>")

    names = {p.id: p.name for p in c.parties}
    facts = []
    for r in c.fact_records:
        facts.append(translate("workspace", "<h3>记载于 {record_date}</h3><ol>").format(record_date=r.record_date) + "".join(
            translate("workspace", "<li>{v}（确认：{v2}）</li>").format(v=_esc(f.text), v2='、'.join((names.get(x, '?') for x in f.confirmed_by))) for f in r.facts) + "</ol>")
        if r.disputed_points:
            facts.append(translate("workspace", "<p>争议焦点：{v}</p>").format(v=_esc(r.disputed_points)))
    pages["无争议事实"] = "".join(facts) or translate("workspace", "<p>尚未记载无争议事实。调解不成时，可经各方同意记载无争议事实。</p>")

    ags = []
    for a in c.agreements:
        state = {"draft": translate("workspace", "草稿（未生效）"), "effective": translate("workspace", "已生效"), "superseded": translate("workspace", "已被补充协议变更")}[a.state]
        clauses = "".join(f"<li>{_esc(cl.text)}" + (translate("workspace", "（人民币{v}元，{v2}）").format(v=format_amount(cl.amount), v2=amount_in_words(cl.amount)) if cl.amount is not None else "") + "</li>"
                          for cl in a.clauses)
        extra = translate("workspace", "；生效日期 {effective_date}").format(effective_date=a.effective_date) if a.effective_date else ""
        if a.confirmation_deadline and a.state == "effective":
            extra += translate("workspace", "；司法确认申请截止 <b>{confirmation_deadline}</b>").format(confirmation_deadline=a.confirmation_deadline)
        ags.append(translate("workspace", "<h3>{v} {number}（{state}）</h3><p>达成日期 {agreed_date}{extra}</p><ol>{clauses}</ol><p>履行：{v2} {v3}</p>").format(v=label_of(AgreementKind, a.kind), number=a.number, state=state, agreed_date=a.agreed_date, extra=extra, clauses=clauses, v2=_esc(a.performance_method or ''), v3=translate("workspace", "期限 {deadline}").format(deadline=a.performance_deadline) if a.performance_deadline else ''))
    pages["协议"] = "".join(ags) or translate("workspace", "<p>尚未达成协议。</p>")

    fus = [translate("workspace", "<li>{visit_date} {v}（{v2}）：{v3}，{v4}</li>").format(visit_date=f.visit_date, v=_esc(f.visited), v2=_esc(f.method or ''), v3=label_of(PerformanceStatus, f.performance_status), v4=_esc(f.notes))
           for f in c.follow_ups]
    pages["履行与回访"] = ("<ul>" + "".join(fus) + "</ul>") if fus else translate("workspace", "<p>尚无回访记录。</p>")
    jcs = [translate("workspace", "<li>{applied_date} 向{v}申请（截止 {deadline}）：{v2} {v3}</li>").format(applied_date=j.applied_date, v=_esc(j.court), deadline=j.deadline, v2=label_of(ConfirmationOutcome, j.outcome), v3=_esc(j.court_case_number or ''))
           for j in c.confirmations]
    pages["司法确认"] = ("<ul>" + "".join(jcs) + "</ul>") if jcs else translate("workspace", "<p>尚未申请司法确认。</p>")
    return pages


def _table(rows) -> str:
    body = "".join(f"<tr><td style='color:#555;padding:4px 12px 4px 0;white-space:nowrap'>{_esc(k)}</td>"
                   f"<td style='padding:4px 0'>{_esc(v)}</td></tr>" for k, v in rows)
    return f"<table>{body}</table>"


