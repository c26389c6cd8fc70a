"""The case workspace: every aspect of one case in tabs, and only the actions its state allows."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHeaderView, QLabel, QMenu, QPushButton, QSizePolicy, QTableWidgetItem, QWidget,
)

from ..core.documents.types import DOC_TYPES
from ..core.domain.enums import (
    AttachmentKind, CaseStatus,
)
from ..core.domain.state_machine import EDITABLE_STATUSES
from ..core.domain.labels import ENTITY_LABELS, readable_fields
from ..core.services.guidance import confirmation_window_open, next_step, printable_documents, timeline
from ..core.services.users import actor_for
from . import dialogs, messages, theme
from .case_pages import StepTimeline, case_pages
from .forms.ui_workspace import Ui_CaseWorkspace
from .preview import PreviewDialog
from .widgets import FlowLayout, run_with_progress
from .i18n import enum_label, label_of, translate

S = CaseStatus


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
        for page, html in case_pages(c, self.revealed).items():
            self.pages[page].setHtml(html)

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
        available = set(printable_documents(c))
        for code, dtype in DOC_TYPES.items():
            if code in available and code != "court_package":
                menu.addAction(enum_label(dtype), lambda code=code: self.print_document(code))
        menu.addSeparator()
        if "agreement" in available:
            menu.addAction(translate("workspace", "协议书现场签名（触屏）…"), lambda: self.sign_document("agreement"))
        if "undisputed_facts" in available:
            menu.addAction(translate("workspace", "无争议事实记载书现场签名（触屏）…"), lambda: self.sign_document("undisputed_facts"))
        menu.addAction(translate("workspace", "整本卷宗（含目录）"), self.print_dossier)
        if "court_package" in available:
            menu.addAction(translate("workspace", "诉调对接材料（移送法院）…"), self.court_package)
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

    def court_package(self) -> None:
        """诉调对接: the package and its manifest saved into a folder the mediator picks."""
        folder = QFileDialog.getExistingDirectory(self, translate("workspace", "诉调对接材料保存到"))
        if not folder:
            return

        def done(package):
            from pathlib import Path
            pdf = Path(folder) / f"{package.manifest['case_number']}诉调对接材料.pdf"
            pdf.write_bytes(package.pdf)
            pdf.with_suffix(".json").write_bytes(package.manifest_bytes())
            self.last_package = pdf
            messages.info(translate("workspace", "诉调对接材料已生成"), translate(
                "workspace", "已保存 {pdf}（{pages}页）及同名清单（.json）。两者都可核验。").format(pdf=pdf, pages=package.view.pages)
                + (translate("workspace", "\n案件已转为“已退回法院”。") if package.returned else ""))
            self.reload()
        self.tasks.run(self.station_app.documents.court_package, self.actor, self.case.id, on_done=done)

    def _preview(self, title: str, pdf: bytes, issued_id: str | None = None) -> None:
        def printed(printer: str, copies: int):
            if issued_id:
                self.tasks.run_write(self.station_app.documents.record_print, self.actor, issued_id, printer, copies)
        self.last_preview = PreviewDialog(title, pdf, kiosk=self.kiosk, parent=self, on_printed=printed,
                                          printer_name=self.station_app.computer.settings().get("printer"))
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
