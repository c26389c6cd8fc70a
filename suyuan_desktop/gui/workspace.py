"""The case workspace: every aspect of one case in tabs, and only the actions its state allows."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QFrame, QHeaderView, QLabel, QMenu, QPushButton, QSizePolicy, QTableWidgetItem, QWidget,
)

from ..core.documents.types import DOC_TYPES
from ..core.domain.enums import (
    AgreementKind, AttachmentKind, CaseSource, CaseStatus, ConfirmationOutcome, DisputeType, EscalationKind,
    PartyKind, PartyRole,
    PerformanceStatus, TerminationReason, reason_and_detail,
)
from ..core.domain.idcard import mask_id_number
from ..core.domain.state_machine import EDITABLE_STATUSES
from ..core.domain.labels import ENTITY_LABELS, readable_fields
from ..core.domain.money import amount_in_words, format_amount
from ..core.domain.phone import mask_phone
from ..core.services.guidance import confirmation_window_open, next_step, timeline
from ..core.services.users import actor_for
from . import dialogs, messages, theme
from .forms.ui_workspace import Ui_CaseWorkspace
from .preview import PreviewDialog
from .widgets import FlowLayout, run_with_progress
from .i18n import enum_label, label_of, translate

S = CaseStatus


def _esc(text) -> str:
    import html
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


class CaseWorkspace(QWidget):
    changed = Signal()
    closed = Signal()

    TABS = (QT_TRANSLATE_NOOP("workspace", "基本情况"), QT_TRANSLATE_NOOP("workspace", "当事人"), QT_TRANSLATE_NOOP("workspace", "调查与调解记录"), QT_TRANSLATE_NOOP("workspace", "无争议事实"), QT_TRANSLATE_NOOP("workspace", "协议"), QT_TRANSLATE_NOOP("workspace", "履行与回访"), QT_TRANSLATE_NOOP("workspace", "司法确认"), QT_TRANSLATE_NOOP("workspace", "附件"), QT_TRANSLATE_NOOP("workspace", "操作记录"))

    def __init__(self, station_app, user, tasks, case_id: str, *, kiosk: bool = False, parent=None):
        """Laid out in ui/workspace.ui (header, actions bar, the nine tabs); filled from the case here."""
        super().__init__(parent)
        self.station_app, self.user, self.tasks, self.kiosk = station_app, user, tasks, kiosk
        self.case_id = case_id
        self.case = None
        self.ui = ui = Ui_CaseWorkspace()
        ui.setupUi(self)
        ui.backButton.clicked.connect(self.closed.emit)
        self.header = ui.headerLabel
        self.status_chip = QLabel()  # the case's status as a coloured chip beside its number
        self.status_chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        ui.top.insertWidget(ui.top.indexOf(self.header), self.status_chip)
        ui.printButton.setIcon(theme.icon("print"))
        ui.printButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.next_step = QLabel()  # 下一步 and its countdown, from the core's rules
        self.next_step.setWordWrap(True)
        self.next_step.setObjectName("nextStep")
        ui.outer.insertWidget(1, self.next_step)
        self.timeline = StepTimeline()
        ui.outer.insertWidget(2, self.timeline)
        self.print_button = ui.printButton
        # the actions wrap onto a second row rather than widen the window (ui/workspace.ui holds
        # an empty row for them)
        holder = QWidget()
        self.actions_bar = FlowLayout(holder)
        ui.actionsBar.addWidget(holder, 1)
        self.tabs = ui.tabs
        self.pages = dict(zip(self.TABS[:7], (ui.basicBrowser, ui.partiesBrowser, ui.recordsBrowser, ui.factsBrowser,
                                              ui.agreementBrowser, ui.followUpBrowser, ui.confirmationBrowser)))
        self.attachments = ui.attachmentList
        self.attachments.dropped.connect(self.attach_paths)
        ui.addAttachmentButton.clicked.connect(self.choose_attachment)
        self.revealed = False  # full ID and phone numbers on screen (docs/domain-rules.md, "Personal data")
        self.pages["当事人"].anchorClicked.connect(self._party_link)
        self.audit = ui.auditTable
        self.audit.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.audit.horizontalHeader().setStretchLastSection(True)
        self.reload()

    @property
    def actor(self):
        return actor_for(self.user)

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.tasks.run(self.station_app.cases.get, self.case_id, on_done=self._show)
        self.tasks.run(self.station_app.cases.audit_trail, self.case_id, on_done=self._show_audit)

    def _show(self, case) -> None:
        self.case = case
        self.header.setText(translate("workspace", "{case_number}　{title}").format(case_number=case.case_number, title=case.title))
        theme.status_chip(case.status, label_of(S, case.status), self.status_chip)
        self._show_next_step(case)
        self._render_tabs(case)
        self._build_actions(case)
        self._build_print_menu(case)
        self.attachments.clear()
        for a in case.attachments:
            self.attachments.addItem(translate("workspace", "{filename}（{v}，{v2} KB）").format(filename=a.filename, v=label_of(AttachmentKind, a.kind), v2=a.size // 1024 + 1))

    _URGENCY = {"overdue": "background: #fdecea; color: #a4262c; border: 1px solid #e6a6a6;",
                "today": "background: #fff4e5; color: #8a4b00; border: 1px solid #f0c27b;",
                "soon": "background: #fff8e1; color: #7a5b00; border: 1px solid #ecd48a;",
                "later": "background: #eef5fb; color: #1a4f7a; border: 1px solid #b9d3ea;",
                "none": "background: #f3f4f6; color: #333; border: 1px solid #d6d9de;"}

    def _show_next_step(self, case) -> None:
        self.timeline.set_steps(timeline(case, self.station_app.today()), self.station_app.today())
        step = next_step(case, self.station_app.today())
        self.next_step.setVisible(step is not None)
        if step is None:
            return
        when = f"\u3000〔{step.due:%Y-%m-%d}，{step.countdown}〕" if step.due else ""
        self.next_step.setText(translate("workspace", "下一步：{text}{when}").format(text=step.text, when=when))
        self.next_step.setStyleSheet(f"QLabel#nextStep {{ {self._URGENCY[step.urgency]} padding: 8px 10px; "
                                     "border-radius: 4px; font-weight: bold; }")

    def _party_link(self, url) -> None:
        if url.toString() != "reveal":
            return

        def shown(_):
            self.revealed = True
            self.reload()
        self.tasks.run_write(self.station_app.cases.reveal_personal_data, self.actor, self.case.id, on_done=shown,
                             on_error=messages.show_error)

    def _show_audit(self, lines) -> None:
        labels = {k: translate("enums", v) for k, v in ENTITY_LABELS.items()}
        actions = {"insert": translate("workspace", "新增"), "update": translate("workspace", "修改"), "delete": translate("workspace", "作废"),
                   "reveal": translate("workspace", "查看完整号码")}
        self.audit.setRowCount(len(lines))
        for r, line in enumerate(lines):
            reveal = line.action == "reveal"
            what = actions.get(line.action, line.action) + ("" if reveal else labels.get(line.entity_type, line.entity_type))
            fields = translate("workspace", "身份证号码、联系电话") if reveal else translate("workspace", "、").join(
                translate("enums", label) for label in readable_fields(line.fields))
            for c, text in enumerate((line.at.strftime("%Y-%m-%d %H:%M"), line.actor or "", what, fields)):
                self.audit.setItem(r, c, QTableWidgetItem(text))

    def _render_tabs(self, c) -> None:
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
        self.pages["基本情况"].setHtml(_table(rows))

        parts = []
        shown_id = (lambda x: x) if self.revealed else mask_id_number
        shown_phone = (lambda x: x) if self.revealed else mask_phone
        if not self.revealed and any(p.id_number or p.phone for p in c.parties):
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
        self.pages["当事人"].setHtml("".join(parts))

        recs = [translate("workspace", "<h3>调查记录 {occurred_at:%Y-%m-%d %H:%M} {v}</h3><p>被调查人：{v2}；调查人：{v3}</p><pre>{v4}</pre>").format(occurred_at=i.occurred_at, v=_esc(i.place), v2=_esc(i.subject), v3=_esc(i.investigators), v4=_esc(i.record))
                for i in c.investigations]
        recs += [translate("workspace", "<h3>调解记录 {occurred_at:%Y-%m-%d %H:%M} {v}</h3><p>到场：{v2}</p><pre>{v3}</pre><p>结果：{v4}</p>").format(occurred_at=s.occurred_at, v=_esc(s.place), v2=_esc(s.attendees), v3=_esc(s.content), v4=_esc(s.result or ''))
                 for s in c.sessions]
        self.pages["调查与调解记录"].setHtml("".join(recs) or translate("workspace", "<p>尚无记录。</p>"))

        names = {p.id: p.name for p in c.parties}
        facts = []
        for r in c.fact_records:
            facts.append(translate("workspace", "<h3>记载于 {record_date}</h3><ol>").format(record_date=r.record_date) + "".join(
                translate("workspace", "<li>{v}（确认：{v2}）</li>").format(v=_esc(f.text), v2='、'.join((names.get(x, '?') for x in f.confirmed_by))) for f in r.facts) + "</ol>")
            if r.disputed_points:
                facts.append(translate("workspace", "<p>争议焦点：{v}</p>").format(v=_esc(r.disputed_points)))
        self.pages["无争议事实"].setHtml("".join(facts) or translate("workspace", "<p>尚未记载无争议事实。调解不成时，可经各方同意记载无争议事实。</p>"))

        ags = []
        for a in c.agreements:
            state = {"draft": translate("workspace", "草稿（未生效）"), "effective": translate("workspace", "已生效"), "superseded": translate("workspace", "已被补充协议变更")}[a.state]
            clauses = "".join(f"<li>{_esc(cl.text)}" + (translate("workspace", "（人民币{v}元，{v2}）").format(v=format_amount(cl.amount), v2=amount_in_words(cl.amount)) if cl.amount is not None else "") + "</li>"
                              for cl in a.clauses)
            extra = translate("workspace", "；生效日期 {effective_date}").format(effective_date=a.effective_date) if a.effective_date else ""
            if a.confirmation_deadline and a.state == "effective":
                extra += translate("workspace", "；司法确认申请截止 <b>{confirmation_deadline}</b>").format(confirmation_deadline=a.confirmation_deadline)
            ags.append(translate("workspace", "<h3>{v} {number}（{state}）</h3><p>达成日期 {agreed_date}{extra}</p><ol>{clauses}</ol><p>履行：{v2} {v3}</p>").format(v=label_of(AgreementKind, a.kind), number=a.number, state=state, agreed_date=a.agreed_date, extra=extra, clauses=clauses, v2=_esc(a.performance_method or ''), v3=translate("workspace", "期限 {deadline}").format(deadline=a.performance_deadline) if a.performance_deadline else ''))
        self.pages["协议"].setHtml("".join(ags) or translate("workspace", "<p>尚未达成协议。</p>"))

        fus = [translate("workspace", "<li>{visit_date} {v}（{v2}）：{v3}，{v4}</li>").format(visit_date=f.visit_date, v=_esc(f.visited), v2=_esc(f.method or ''), v3=label_of(PerformanceStatus, f.performance_status), v4=_esc(f.notes))
               for f in c.follow_ups]
        self.pages["履行与回访"].setHtml(("<ul>" + "".join(fus) + "</ul>") if fus else translate("workspace", "<p>尚无回访记录。</p>"))
        jcs = [translate("workspace", "<li>{applied_date} 向{v}申请（截止 {deadline}）：{v2} {v3}</li>").format(applied_date=j.applied_date, v=_esc(j.court), deadline=j.deadline, v2=label_of(ConfirmationOutcome, j.outcome), v3=_esc(j.court_case_number or ''))
               for j in c.confirmations]
        self.pages["司法确认"].setHtml(("<ul>" + "".join(jcs) + "</ul>") if jcs else translate("workspace", "<p>尚未申请司法确认。</p>"))

    # --- actions -------------------------------------------------------------------------------

    def _build_actions(self, c) -> None:
        while self.actions_bar.count():
            item = self.actions_bar.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        allowed = set(c.allowed_statuses)
        status = S(c.status)
        buttons = []
        if S.ACCEPTED.value in allowed:
            buttons.append((translate("workspace", "受理"), self.accept_case))
        if S.REFUSED.value in allowed:
            buttons.append((translate("workspace", "不予受理"), self.refuse))
        if status in EDITABLE_STATUSES:
            buttons.append((translate("workspace", "指派调解员"), self.assign_mediators))
            buttons.append((translate("workspace", "编辑当事人"), self.edit_parties))
        if status in (S.ACCEPTED, S.IN_MEDIATION, S.SUSPENDED):
            buttons.append((translate("workspace", "记录调查"), self.record_investigation))
        if status in (S.ACCEPTED, S.IN_MEDIATION):
            buttons.append((translate("workspace", "记录调解"), self.record_session))
            buttons.append((translate("workspace", "调解协议"), self.edit_agreement))
            buttons.append((translate("workspace", "口头协议"), self.oral_agreement))
        if status in (S.IN_MEDIATION, S.SUSPENDED, S.FAILED):
            buttons.append((translate("workspace", "无争议事实"), self.record_facts))
        if status not in (S.RECEIVED, S.REFUSED, S.ARCHIVED):
            buttons.append((translate("workspace", "防激化"), self.record_escalation))
        if S.SUSPENDED.value in allowed:
            buttons.append((translate("workspace", "中止调解"), self.suspend))
        if status is S.SUSPENDED:
            buttons.append((translate("workspace", "恢复调解"), self.resume))
        if S.FAILED.value in allowed:
            buttons.append((translate("workspace", "终止调解"), self.terminate))
        if S.WITHDRAWN.value in allowed:
            buttons.append((translate("workspace", "撤回"), self.withdraw))
        if S.CONFIRM_APPLIED.value in allowed and confirmation_window_open(c, self.station_app.today()):
            buttons.append((translate("workspace", "申请司法确认"), self.apply_confirmation))
        if status is S.CONFIRM_APPLIED:
            buttons.append((translate("workspace", "司法确认结果"), self.confirmation_outcome))
        if status in (S.AGREED, S.CONFIRM_APPLIED, S.CONFIRMED, S.CONFIRM_REJECTED, S.PERFORMING, S.PERFORMED):
            buttons.append((translate("workspace", "回访"), self.follow_up))
        if status in (S.AGREED, S.CONFIRM_REJECTED, S.PERFORMING) and any(a.state == "effective" for a in c.agreements):
            buttons.append((translate("workspace", "补充协议"), self.supplementary_agreement))
        if S.RETURNED_TO_COURT.value in allowed and c.source in ("court_assigned", "court_entrusted"):
            buttons.append((translate("workspace", "退回法院"), self.return_to_court))
        if S.ARCHIVED.value in allowed:
            buttons.append((translate("workspace", "归档"), self.archive))
        # the action that carries out the next step is the screen's primary button; actions that
        # end or refuse a case, or close it for good, stand apart from the rest
        step = next_step(c, self.station_app.today())
        primary = self._slot_for(step.action) if step and step.action else None
        ending = {self.refuse, self.withdraw, self.terminate, self.return_to_court, self.archive}
        icons = self._action_icons()
        for text, slot in buttons:
            b = QPushButton(text)
            b.setMinimumHeight(36)
            b.clicked.connect(slot)
            colour = theme.DANGER if slot in ending else theme.INK
            if slot == primary and slot not in ending:
                colour = "#ffffff"
                theme.mark(b, primary=True)
            if slot in ending:
                theme.mark(b, destructive=True)
            if slot in icons:
                b.setIcon(theme.icon(icons[slot], colour))
            self.actions_bar.addWidget(b)

    def _slot_for(self, action: str):
        """The button's slot for a next step's ``action`` (a service method's name)."""
        return {"accept": self.accept_case, "assign_mediators": self.assign_mediators,
                "record_session": self.record_session, "resume": self.resume, "record_follow_up": self.follow_up,
                "record_confirmation_outcome": self.confirmation_outcome,
                "record_undisputed_facts": self.record_facts, "return_to_court": self.return_to_court,
                "archive": self.archive}.get(action)

    def _action_icons(self) -> dict:
        return {self.accept_case: "check", self.refuse: "stop", self.assign_mediators: "people",
                self.edit_parties: "edit", self.record_investigation: "search", self.record_session: "edit",
                self.record_escalation: "people",
                self.edit_agreement: "document", self.oral_agreement: "document", self.record_facts: "document",
                self.suspend: "pause", self.resume: "play", self.terminate: "stop", self.withdraw: "stop",
                self.apply_confirmation: "court", self.confirmation_outcome: "court", self.follow_up: "visit",
                self.supplementary_agreement: "document", self.return_to_court: "court", self.archive: "archive"}

    def _write(self, fn, *args):
        def failed(exc):
            messages.show_error(exc)

        def done(case):
            self._show(case)
            self.reload()
            self.changed.emit()
        self.tasks.run_write(fn, self.actor, self.case.id, *args, on_done=done, on_error=failed)

    def _dialog(self, dlg, fn, convert=lambda v: (v,)):
        """Run a form dialog. Its OK saves through the service on the writer thread while the
        dialog stays up (the window keeps painting); a validation error from the service shows on
        the dialog with everything typed still there; it closes once the record is saved. What is
        typed is kept as a draft of this form and case until it is saved or cancelled."""
        result = {}

        def saved(case):
            result["case"] = case
            dlg.saved()

        dlg.submit = lambda value: self.tasks.run_write(fn, self.actor, self.case.id, *convert(value),
                                                        on_done=saved, on_error=dlg.failed)
        dlg.keep_drafts(self.station_app, self.user, self.tasks, f"{type(dlg).__name__}:{self.case.id}")
        self.open_dialog = dlg
        dlg.exec()
        if "case" not in result:
            return None
        self._show(result["case"])
        self.reload()
        self.changed.emit()
        return result["case"]

    def accept_case(self):
        self._write(self.station_app.cases.accept)

    def refuse(self):
        self._dialog(dialogs.ReasonDialog(translate("workspace", "不予受理"), translate("workspace", "理由"), translate("workspace", "如：一方当事人明确拒绝调解（人民调解法第17条）"), self),
                     self.station_app.cases.refuse)

    def withdraw(self):
        self._dialog(dialogs.ReasonDialog(translate("workspace", "撤回"), translate("workspace", "撤回原因"), translate("workspace", "如：双方已自行和解"), self), self.station_app.cases.withdraw)

    def assign_mediators(self):
        self._dialog(dialogs.MediatorsDialog(self.case, self.station_app.users.list_mediators(), self),
                     self.station_app.cases.assign_mediators, convert=lambda v: v)

    def edit_parties(self):
        from .intake import PartiesDialog
        self._dialog(PartiesDialog(self.case, self.station_app.today(), self), self.station_app.cases.update_parties)

    def record_escalation(self):
        self._dialog(dialogs.EscalationDialog(self.station_app.today(), self),
                     self.station_app.cases.record_escalation_prevention)

    def suspend(self):
        self._dialog(dialogs.ReasonDialog(translate("workspace", "中止调解"), translate("workspace", "中止原因"),
                                          translate("workspace", "如：当事人住院治疗，出院后恢复调解"), self),
                     self.station_app.cases.suspend)

    def resume(self):
        self._write(self.station_app.cases.resume)

    def record_investigation(self):
        self._dialog(dialogs.InvestigationDialog(self.case, self.station_app.clock.now(), self,
                                                 investigator=self.user.display_name),
                     self.station_app.cases.record_investigation)

    def record_session(self):
        self._dialog(dialogs.SessionDialog(self.case, self.station_app.clock.now(), self,
                                           recorder=self.user.display_name), self.station_app.cases.record_session)

    def edit_agreement(self):
        draft = next((a for a in self.case.agreements if a.state == "draft"), None)
        self._dialog(dialogs.AgreementEditor(self.case, self.station_app.today(), self, draft), self.station_app.cases.save_agreement)

    def supplementary_agreement(self):
        effective = next(a for a in self.case.agreements if a.state == "effective")
        self._dialog(dialogs.AgreementEditor(self.case, self.station_app.today(), self, supplements=effective),
                     self.station_app.cases.amend_agreement)

    def oral_agreement(self):
        self._dialog(dialogs.OralAgreementDialog(self.case, self.station_app.today(), self), self.station_app.cases.conclude_with_oral_agreement)

    def record_facts(self):
        self._dialog(dialogs.FactsEditor(self.case, self), self.station_app.cases.record_undisputed_facts)

    def terminate(self):
        self._dialog(dialogs.TerminateDialog(self.station_app.today(), self), self.station_app.cases.terminate)

    def apply_confirmation(self):
        ag = self.case.effective_agreement
        self._dialog(dialogs.ConfirmationDialog(ag.confirmation_deadline if ag else None, self.station_app.today(), self),
                     self.station_app.cases.apply_judicial_confirmation, convert=lambda v: v)

    def confirmation_outcome(self):
        self._dialog(dialogs.OutcomeDialog(self.station_app.today(), self), self.station_app.cases.record_confirmation_outcome, convert=lambda v: v)

    def follow_up(self):
        self._dialog(dialogs.FollowUpDialog(self.case, self.user, self.station_app.today(), self), self.station_app.cases.record_follow_up)

    def return_to_court(self):
        if messages.ask(translate("workspace", "退回法院"), translate("workspace", "确认将调解材料退回委派/委托法院？")):
            self._write(self.station_app.cases.return_to_court)

    def archive(self):
        if messages.ask(translate("workspace", "归档"), translate("workspace", "归档后案件不能再修改。确认立卷归档？")):
            self._write(self.station_app.cases.archive)

    # --- documents and attachments ----------------------------------------------------------------

    def _build_print_menu(self, c) -> None:
        menu = QMenu(self)
        available = {"application", "registration", "notice", "cover"}
        if c.investigations:
            available.add("investigation")
        if c.sessions:
            available.add("session")
        if any(a.kind == "written" for a in c.agreements):
            available.add("agreement")
        if any(a.kind == "oral" for a in c.agreements):
            available.add("oral_agreement")
        if c.fact_records:
            available.add("undisputed_facts")
        if c.effective_agreement and c.effective_agreement.kind == "written":
            available.add("judicial_confirmation")
        if c.follow_ups:
            available.add("follow_up")
        if c.termination_reason:
            available.add("termination")
        for code, dtype in DOC_TYPES.items():
            if code in available:
                menu.addAction(enum_label(dtype), lambda code=code: self.print_document(code))
        menu.addSeparator()
        if "agreement" in available:
            menu.addAction(translate("workspace", "协议书现场签名（触屏）…"), lambda: self.sign_document("agreement"))
        if "undisputed_facts" in available:
            menu.addAction(translate("workspace", "无争议事实记载书现场签名（触屏）…"), lambda: self.sign_document("undisputed_facts"))
        menu.addAction(translate("workspace", "整本卷宗（含目录）"), self.print_dossier)
        self.print_button.setMenu(menu)

    def print_document(self, doc_type: str) -> None:
        self.tasks.run(self.station_app.documents.issue, self.actor, self.case.id, doc_type,
                       on_done=lambda res: self._preview(enum_label(DOC_TYPES[doc_type]), res[1], res[0].id))

    def sign_document(self, doc_type: str) -> None:
        from .signature import SignDialog
        signers = [p.name for p in self.case.parties] + [m.name for m in self.case.mediators]
        dlg = SignDialog(signers, self)
        self.sign_dialog = dlg
        if dlg.exec() != QDialog.DialogCode.Accepted or not dlg.signatures():
            return
        self.tasks.run(self.station_app.documents.issue, self.actor, self.case.id, doc_type,
                       signatures=dlg.signatures(),
                       on_done=lambda res: self._preview(enum_label(DOC_TYPES[doc_type]), res[1], res[0].id))

    def print_dossier(self) -> None:
        def done(dossier):
            if dossier.missing:
                messages.warn(translate("workspace", "卷宗不完整"), translate("workspace", "缺少以下必备材料：\n") + "\n".join(dossier.missing))
            self._preview(translate("workspace", "卷宗"), dossier.pdf)
        self.dossier_progress = run_with_progress(self.tasks, self, translate("workspace", "正在生成整本卷宗"),
                                                  self.station_app.documents.dossier, self.actor, self.case.id,
                                                  on_done=done)

    def _preview(self, title: str, pdf: bytes, issued_id: str | None = None) -> None:
        def printed(printer: str, copies: int):
            if issued_id:
                self.tasks.run_write(self.station_app.documents.record_print, self.actor, issued_id, printer, copies)
        self.last_preview = PreviewDialog(title, pdf, kiosk=self.kiosk, parent=self, on_printed=printed,
                                          printer_name=self.station_app.local_settings().get("printer"))
        self.last_preview.open()
        self.reload()

    def choose_attachment(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, translate("workspace", "选择附件"), "", translate("workspace", "扫描件和文件 (*.pdf *.jpg *.jpeg *.png);;所有文件 (*)"))
        if paths:
            self.attach_paths(paths)

    def attach_paths(self, paths: list[str]) -> None:
        for path in paths:
            self.tasks.run_write(self.station_app.cases.attach_file, self.actor, self.case.id, path,
                                 on_done=lambda case: self._show(case))


def _table(rows) -> str:
    body = "".join(f"<tr><td style='color:#555;padding:4px 12px 4px 0;white-space:nowrap'>{_esc(k)}</td>"
                   f"<td style='padding:4px 0'>{_esc(v)}</td></tr>" for k, v in rows)
    return f"<table>{body}</table>"


