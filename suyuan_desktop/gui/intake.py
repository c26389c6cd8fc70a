"""Intake (登记新案件): the case and its parties, validated at the field as the mediator types.

An ID number fills in gender, birth date and age; an organisation takes a credit code and a legal
representative. The save button stays disabled while any field is invalid; errors the service
finds (the same validators, plus cross-field checks) are shown on the fields they name.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget,
)

from ..core.domain.enums import (
    COURT_SOURCES, CaseSource, DisputeType, PartyRole, ReferralKind, ReferralProcedure,
)
from ..core.domain.errors import FieldError, ValidationError
from ..core.services.inputs import CaseIntake, PartyInput, ReferralInput
from . import messages, theme
from .form_dialog import FormDialog
from .forms.ui_intake import Ui_IntakeDialog
from .party_editor import PartyEditor, place_party_errors
from .widgets import ExplicitTabOrder, fill_enum, mark_required
from .i18n import translate


class IntakeDialog(ExplicitTabOrder, QDialog):
    def __init__(self, station_app, user, tasks, parent=None):
        """Laid out in ui/intake.ui (and ui/party_editor.ui for each party); checks, choices and
        the party editors are set up here."""
        super().__init__(parent)
        self.station_app, self.user, self.tasks = station_app, user, tasks
        self.created = None
        self.ui = ui = Ui_IntakeDialog()
        ui.setupUi(self)
        self.title = ui.titleField
        self.title.edit.setPlaceholderText(translate("intake", "如 张三与李四相邻关系纠纷"))
        self.title.validate_with(lambda t: None, required=True, required_message=translate("intake", "请填写纠纷名称。"))
        self.dtype = fill_enum(ui.typeCombo, DisputeType, DisputeType.NEIGHBOUR.value)
        self.source = fill_enum(ui.sourceCombo, CaseSource)
        self.received = ui.receivedEdit
        today = QDate(station_app.today())
        self.received.setDate(today)
        self.received.setMaximumDate(today)
        self.summary, self.summary_error = ui.summaryEdit, ui.summaryError
        self.claims, self.risk = ui.claimsEdit, ui.riskCheck
        self.referral_box = ui.referralGroup
        self.court, self.ref_number = ui.courtField, ui.refNumberField
        self.court.edit.setPlaceholderText(translate("intake", "如 新乡市卫滨区人民法院"))
        self.court.validate_with(lambda t: None, required=True, required_message=translate("intake", "请填写法院。"))
        self.ref_number.edit.setPlaceholderText(translate("intake", "委派/委托调解函编号"))
        self.ref_number.validate_with(lambda t: None, required=True, required_message=translate("intake", "请填写函件编号。"))
        self.signed_for = ui.signedForEdit
        self.signed_for.setDate(today)
        self.procedure = fill_enum(ui.procedureCombo, ReferralProcedure)
        # the court's limit, as the service will compute it (特邀调解规定 Art. 27; holidays extend it)
        self.referral_deadline = QLabel()
        self.referral_deadline.setStyleSheet("color: #1a5276;")
        ui.referralForm.addRow("", self.referral_deadline)
        self.parties_box = ui.partiesLayout
        self.party_editors: list[PartyEditor] = []
        self.add_party(PartyRole.APPLICANT)
        self.add_party(PartyRole.RESPONDENT)
        ui.addPartyButton.clicked.connect(lambda: self.add_party(PartyRole.THIRD_PARTY))
        self.card_button = None
        if (station_app.computer.settings().get("idcard_reader") or {}).get("backend", "none") != "none":
            # with a reader on this computer: a card fills the first party not yet filled in
            self.card_button = QPushButton(theme.icon("id-card"), translate("intake", "读身份证"))
            self.card_button.clicked.connect(self.read_card)
            row = next(lay for lay in self.findChildren(QLayout) if lay.indexOf(ui.addPartyButton) >= 0)
            row.insertWidget(1, self.card_button)   # under the heading, above the parties: it fills the first empty one
        self.form_error = ui.formError
        self.buttons = ui.buttons
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("intake", "保存并登记"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setProperty("primary", True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("intake", "取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # why 保存并登记 is greyed out, said next to it rather than left to guess
        self.save_blocked = QLabel()
        self.save_blocked.setWordWrap(True)
        self.save_blocked.setStyleSheet("color: #666;")
        box = self.buttons.parentWidget().layout()
        box.insertWidget(box.indexOf(self.buttons), self.save_blocked)
        self.title.changed.connect(self._update)
        self.summary.textChanged.connect(self._update)
        self.source.currentIndexChanged.connect(self._update)
        self.court.changed.connect(self._update)
        self.ref_number.changed.connect(self._update)
        self._dirty = False
        from .drafts import DraftKeeper
        self.draft = DraftKeeper(station_app, user, tasks, "intake", "intake", self.draft_state, parent=self)
        for signal in (self.claims.textChanged, self.risk.toggled, self.dtype.currentIndexChanged,
                       self.received.dateChanged, self.signed_for.dateChanged, self.procedure.currentIndexChanged):
            signal.connect(self.draft.changed)
        for signal in (self.signed_for.dateChanged, self.procedure.currentIndexChanged):
            signal.connect(lambda *_: self.is_court() and self._preview_referral_deadline())
        for text in (self.summary, self.claims):
            text.setTabChangesFocus(True)  # Tab moves on; these fields need no tab characters
        mark_required(ui.basicForm, self.title, self.summary)
        mark_required(ui.referralForm, self.court, self.ref_number)
        self._update()

    def read_card(self) -> None:
        self.card_button.setEnabled(False)

        def done(card):
            self.card_button.setEnabled(True)
            target = next((e for e in self.party_editors if not e.name.text().strip()), self.party_editors[0])
            target.fill_from_card(card)
            self._update()

        def failed(exc):
            self.card_button.setEnabled(True)
            messages.warn(translate("intake", "读卡未成功"), getattr(exc, "message", str(exc)))
        self.tasks.run(self.station_app.computer.read_id_card, on_done=done, on_error=failed)

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def touched(self) -> bool:
        return bool(self.title.text() or self.summary.toPlainText().strip() or self.claims.toPlainText().strip()
                    or any(e.name.text() or e.id_number.text() or e.phone.text() for e in self.party_editors))

    def draft_state(self) -> dict | None:
        """Everything typed so far (None while the form is untouched: no empty drafts)."""
        if not self.touched():
            return None
        return {"title": self.title.edit.text(), "dispute_type": self.dtype.currentData(),
                "source": self.source.currentData(), "received_date": self.received.date().toString("yyyy-MM-dd"),
                "summary": self.summary.toPlainText(), "claims": self.claims.toPlainText(),
                "risk": self.risk.isChecked(), "court": self.court.edit.text(), "ref_number": self.ref_number.edit.text(),
                "signed_for": self.signed_for.date().toString("yyyy-MM-dd"), "procedure": self.procedure.currentData(),
                "parties": [e.draft_state() for e in self.party_editors]}

    def restore_state(self, state: dict) -> None:
        for box, key in ((self.dtype, "dispute_type"), (self.source, "source"), (self.procedure, "procedure")):
            idx = box.findData(state.get(key))
            if idx >= 0:
                box.setCurrentIndex(idx)
        for edit, key in ((self.received, "received_date"), (self.signed_for, "signed_for")):
            day = QDate.fromString(state.get(key) or "", "yyyy-MM-dd")
            if day.isValid():
                edit.setDate(day)
        self.title.setText(state.get("title", ""))
        self.summary.setPlainText(state.get("summary", ""))
        self.claims.setPlainText(state.get("claims", ""))
        self.risk.setChecked(bool(state.get("risk")))
        self.court.setText(state.get("court", ""))
        self.ref_number.setText(state.get("ref_number", ""))
        parties = state.get("parties") or []
        while len(self.party_editors) < len(parties):
            self.add_party(PartyRole.THIRD_PARTY)
        for editor, p in zip(self.party_editors, parties):
            editor.restore_state(p)
        self._update()

    _placed = False

    def showEvent(self, event):
        """In kiosk mode the form is a full page over the window, not a dialog in its middle."""
        parent = self.parentWidget().window() if self.parentWidget() else None
        if not self._placed and parent is not None and getattr(parent, "kiosk", False):
            self.setGeometry(parent.geometry())
        self._placed = True
        super().showEvent(event)

    def offer_draft(self) -> bool:
        """Before the dialog shows: continue where this user left off, if they did."""
        return self.draft.offer(self.restore_state)

    def add_party(self, role: PartyRole) -> PartyEditor:
        editor = PartyEditor(len(self.party_editors) + 1, role, self.station_app.today())
        editor.changed.connect(self._update)
        editor.remove_requested.connect(self._remove_party)
        self.party_editors.append(editor)
        self.parties_box.addWidget(editor)
        self._update()
        return editor

    def tab_order(self) -> list:
        ui = self.ui
        return ([self.card_button] if getattr(self, "card_button", None) else []) + (
                [w for e in self.party_editors for w in e.tab_widgets()]
                + [ui.addPartyButton, self.title, self.dtype, self.source, self.received, self.summary, self.claims,
                     self.risk, self.court, self.ref_number, self.signed_for, self.procedure, self.save_button,
                     self.buttons.button(QDialogButtonBox.StandardButton.Cancel)])

    def _remove_party(self, editor: PartyEditor):
        if len(self.party_editors) <= 2:
            messages.warn(translate("intake", "不能删除"), translate("intake", "至少需要两方当事人。"))
            return
        self.party_editors.remove(editor)
        editor.setParent(None)
        editor.deleteLater()
        for i, e in enumerate(self.party_editors, start=1):
            e.title.setText(translate("intake", "当事人 {i}").format(i=i))
        self._update()

    def is_court(self) -> bool:
        return self.source.currentData() in {s.value for s in COURT_SOURCES}

    def _update(self, *_):
        if not hasattr(self, "buttons"):  # still being built
            return
        self._dirty = True
        self.draft.changed()
        court = self.is_court()
        self.referral_box.setVisible(court)
        if court:
            self._preview_referral_deadline()
        self.procedure.setEnabled(self.source.currentData() == CaseSource.COURT_ENTRUSTED.value)
        summary_ok = bool(self.summary.toPlainText().strip())
        self.summary_error.setText("" if summary_ok or not self.title.text() else translate("intake", "请填写纠纷简要情况。"))
        self._check_ready()

    def _preview_referral_deadline(self) -> None:
        from ..core.domain.deadlines import referral_deadline, referral_limit_days
        kind = ReferralKind.ASSIGNED if self.source.currentData() == CaseSource.COURT_ASSIGNED.value \
            else ReferralKind.ENTRUSTED
        procedure = ReferralProcedure(self.procedure.currentData()) if kind is ReferralKind.ENTRUSTED else None
        signed = self.signed_for.date().toPython()
        due = referral_deadline(signed, kind, procedure, self.station_app.calendar())
        self.referral_deadline.setText(translate("intake", "调解期限 {days} 日，至 {due} 届满（遇法定节假日顺延）。").format(
            days=referral_limit_days(kind, procedure), due=due.isoformat()))

    def _check_ready(self) -> None:
        """保存并登记 is enabled when everything required is there; otherwise the dialog says what is not."""
        court = self.is_court()
        summary_ok = bool(self.summary.toPlainText().strip())
        missing = [translate("intake", "纠纷名称")] if not self.title.is_valid() else []
        if not summary_ok:
            missing.append(translate("intake", "纠纷简要情况"))
        missing += [e.title.text() for e in self.party_editors if not e.is_valid()]
        if court and not self.court.is_valid():
            missing.append(translate("intake", "委派/委托法院"))
        if court and not self.ref_number.is_valid():
            missing.append(translate("intake", "函件编号"))
        self.save_button.setEnabled(not missing)
        self.save_blocked.setText(translate("intake", "还不能保存：请先填好 {items}。").format(
            items=translate("intake", "、").join(missing)) if missing else "")

    def value(self) -> CaseIntake:
        referral = None
        if self.is_court():
            referral = ReferralInput(court=self.court.text(), reference_number=self.ref_number.text(),
                                     signed_for_date=self.signed_for.date().toPython(),
                                     procedure=self.procedure.currentData()
                                     if self.source.currentData() == CaseSource.COURT_ENTRUSTED.value else None)
        return CaseIntake(title=self.title.text(), dispute_type=self.dtype.currentData(),
                          source=self.source.currentData(), summary=self.summary.toPlainText().strip(),
                          claims=self.claims.toPlainText().strip() or None,
                          received_date=self.received.date().toPython(), risk_of_escalation=self.risk.isChecked(),
                          parties=[e.value() for e in self.party_editors], referral=referral,
                          mediator_ids=[self.user.mediator_id] if self.user.mediator_id else [])

    def save(self):
        if not self.save_button.isEnabled():
            return
        self.save_button.setEnabled(False)
        from ..core.services.users import actor_for
        self.tasks.run_write(self.station_app.cases.intake, actor_for(self.user), self.value(),
                             on_done=self._saved, on_error=self._failed)

    def _saved(self, case):
        self.created = case
        self._dirty = False
        self.draft.discard()
        self.accept()

    def _failed(self, exc):
        self._update()
        if not isinstance(exc, ValidationError):
            messages.show_error(exc)
            return
        unplaced = []
        for e in place_party_errors(self.party_editors, exc.errors):
            if e.path == "title":
                self.title.show_error(e.message)
            else:
                unplaced.append(e.describe())
        self.form_error.setText(translate("intake", "；").join(unplaced) if unplaced else translate("intake", "请按红色提示修改后再保存。"))

    def reject(self):
        if self.touched() and self.created is None and not messages.ask(
                translate("intake", "放弃登记？"), translate("intake", "已填写的内容尚未保存，确定要关闭并删除这些内容吗？")):
            return
        self.draft.discard()
        super().reject()


class PartiesDialog(ExplicitTabOrder, FormDialog):
    """当事人 of a case after intake: correct a name, add a number or an address, add or remove a
    third party. The editors are intake's; the service keeps each edited party's id and history."""

    def __init__(self, case, today: dt.date, parent=None):
        super().__init__(translate("intake", "编辑当事人"), parent, today=today)
        self.case = case
        self.resize(900, 700)
        holder = QWidget()
        self.rows = QVBoxLayout(holder)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.addStretch(1)
        self.form.addRow(holder)
        self.add_button = QPushButton(translate("intake", "+ 添加第三人"))
        self.add_button.clicked.connect(lambda: self.add_party(PartyRole.THIRD_PARTY))
        self.form.addRow(self.add_button)
        self.editors: list[PartyEditor] = []
        for party in case.parties:
            self.add_party(PartyRole(party.role)).load(party)
        self.finish_layout()

    def add_party(self, role: PartyRole) -> PartyEditor:
        editor = PartyEditor(len(self.editors) + 1, role, self.today)
        editor.remove_requested.connect(self._remove)
        self.editors.append(editor)
        self.rows.insertWidget(self.rows.count() - 1, editor)
        return editor

    def tab_order(self) -> list:
        return [w for e in self.editors for w in e.tab_widgets()] + [
            self.add_button, self.buttons.button(QDialogButtonBox.StandardButton.Ok),
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]

    def _remove(self, editor: PartyEditor) -> None:
        if len(self.editors) <= 2:
            self.error.setText(translate("intake", "至少需要两方当事人。"))
            return
        self.editors.remove(editor)
        editor.setParent(None)
        editor.deleteLater()
        for i, e in enumerate(self.editors, start=1):
            e.title.setText(translate("intake", "当事人 {i}").format(i=i))

    def _draft_rows(self) -> int:
        return len(self.editors)

    def _make_rows(self, n: int) -> None:
        while len(self.editors) < n:
            self.add_party(PartyRole.THIRD_PARTY)

    def collect(self) -> list[PartyInput]:
        wrong = [e.title.text() for e in self.editors if not e.reveal_errors()]
        if wrong:
            raise ValidationError([FieldError("", translate("intake", "当事人"),
                                              translate("intake", "请按红色提示修改 {items}。").format(
                                                  items=translate("intake", "、").join(wrong)), "invalid")])
        return [e.value() for e in self.editors]

    def show_service_error(self, exc: ValidationError):
        unplaced = [e.describe() for e in place_party_errors(self.editors, exc.errors)]
        self.error.setText(translate("intake", "；").join(unplaced) if unplaced
                           else translate("intake", "请按红色提示修改后再保存。"))
