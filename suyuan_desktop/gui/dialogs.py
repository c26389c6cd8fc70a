"""The dialogs of the case workspace: records, conclusions, court links, follow-up."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox, QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from ..core.domain.enums import ConfirmationOutcome, PerformanceStatus, TerminationReason
from ..core.domain.errors import ValidationError
from ..core.domain.money import amount_in_words, parse_amount
from ..core.services.inputs import (
    AgreementInput, FactRecordInput, FollowUpInput, OralAgreementInput, SessionInput, TerminationInput,
)
from .widgets import ERROR_STYLE, enum_combo, muted
from .i18n import translate


def date_edit(value: dt.date) -> QDateEdit:
    d = QDateEdit(QDate(value))
    d.setCalendarPopup(True)
    d.setDisplayFormat("yyyy-MM-dd")
    return d


# the input widgets a form's draft is made of, and the signal each reports an edit with (QDateEdit
# is a QDateTimeEdit); the line edit inside a date edit or a combo box is part of that widget
_EDIT_SIGNALS = ((QLineEdit, "textChanged"), (QPlainTextEdit, "textChanged"), (QComboBox, "currentIndexChanged"),
                 (QCheckBox, "toggled"), (QDateTimeEdit, "dateTimeChanged"), (QTableWidget, "itemChanged"))


def _edit_signal(w) -> str | None:
    if isinstance(w, QLineEdit) and isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox)):
        return None
    return next((name for cls, name in _EDIT_SIGNALS if isinstance(w, cls)), None)


class FormDialog(QDialog):
    """A dialog with a form, an error line, and OK/Cancel; ``collect`` builds the input or raises."""

    def __init__(self, title: str, parent=None, ok_text: str | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.today = today  # the station's date, for the date fields' defaults
        self.setWindowTitle(title)
        self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.outer.addLayout(self.form)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or translate("dialogs", "保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("dialogs", "取消"))
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.result_value = None

    def date_edit(self, value: dt.date | None = None) -> QDateEdit:
        """A date field showing ``value``, or the station's today."""
        return date_edit(value or self.today)

    def finish_layout(self):
        self.outer.addWidget(self.error)
        self.outer.addWidget(self.buttons)

    def text_area(self, placeholder: str, height: int = 100) -> QPlainTextEdit:
        t = QPlainTextEdit()
        t.setPlaceholderText(placeholder)
        t.setMinimumHeight(height)
        return t

    def collect(self):
        raise NotImplementedError

    # --- saving off the GUI thread ------------------------------------------------------------
    # ``submit`` (set by the caller) hands the collected input to a write on the task runner; the
    # dialog stays open, its buttons disabled, until ``saved`` closes it or ``failed`` shows why.

    submit = None

    def _ok(self):
        if self._busy:
            return
        try:
            self.result_value = self.collect()
        except ValidationError as exc:
            self.error.setText(translate("dialogs", "；").join(e.describe() for e in exc.errors))
            return
        if self.submit is None:
            self.accept()
            return
        self.set_busy(True)
        self.submit(self.result_value)

    _busy = False

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.buttons.setEnabled(not busy)
        if busy:
            self.error.setText(translate("dialogs", "正在保存…"))

    def saved(self) -> None:
        self.set_busy(False)
        if self.draft is not None:
            self.draft.discard()
        self.accept()

    def failed(self, exc: BaseException) -> None:
        """The service refused: say why on the form; what was typed stays."""
        self.set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_service_error(exc)
        else:
            self.error.setText("")
            from . import messages
            messages.show_error(exc)

    def reject(self):
        if self._busy:  # a save is under way: its result decides
            return
        if self.changed_since_opened():
            from . import messages
            if not messages.ask(translate("dialogs", "放弃未保存的内容？"),
                                translate("dialogs", "“{title}”中填写的内容尚未保存，关闭后将被删除。确定关闭吗？").format(
                                    title=self.windowTitle())):
                return
        if self.draft is not None:
            self.draft.discard()
        super().reject()

    _opened_state = None
    ask_before_discarding = True  # False for forms holding nothing worth keeping (a passphrase)

    def showEvent(self, event):
        if self._opened_state is None:
            self._opened_state = self.draft_state()
        super().showEvent(event)

    def changed_since_opened(self) -> bool:
        return (self.ask_before_discarding and self._opened_state is not None
                and self.draft_state() != self._opened_state)

    def show_service_error(self, exc: ValidationError):
        self.error.setText(translate("dialogs", "；").join(e.describe() for e in exc.errors))

    # --- drafts -------------------------------------------------------------------------------
    # Every input widget of the form, in the order it was built, is its state; a dialog whose
    # number of rows can grow says how to rebuild them in ``_draft_rows``/``_make_rows``.

    draft = None

    def _inputs(self) -> list:
        return [w for w in self.findChildren(QWidget) if _edit_signal(w)]

    def _draft_rows(self) -> int:
        return 0

    def _make_rows(self, n: int) -> None:
        pass

    def draft_state(self) -> dict:
        values = []
        for w in self._inputs():
            if isinstance(w, QLineEdit):
                values.append(w.text())
            elif isinstance(w, QPlainTextEdit):
                values.append(w.toPlainText())
            elif isinstance(w, QComboBox):
                values.append(w.currentData() if w.currentData() is not None else w.currentIndex())
            elif isinstance(w, QCheckBox):
                values.append(w.isChecked())
            elif isinstance(w, QDateTimeEdit):  # QDateEdit is one too
                values.append(w.dateTime().toString(Qt.DateFormat.ISODate))
            elif isinstance(w, QTableWidget):
                values.append([[(w.item(r, c).text() if w.item(r, c) else "") for c in range(w.columnCount())]
                               for r in range(w.rowCount())])
        return {"rows": self._draft_rows(), "shape": [type(w).__name__ for w in self._inputs()], "values": values}

    def restore_state(self, state: dict) -> None:
        self._make_rows(int(state.get("rows") or 0))
        inputs = self._inputs()
        if [type(w).__name__ for w in inputs] != state.get("shape"):
            return  # the form changed since (a new version): better nothing than a wrong field
        for w, v in zip(inputs, state.get("values", [])):
            if isinstance(w, QLineEdit):
                w.setText(v)
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(v)
            elif isinstance(w, QComboBox):
                idx = w.findData(v) if not isinstance(v, int) else v
                if idx >= 0:
                    w.setCurrentIndex(idx)
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(v))
            elif isinstance(w, QDateTimeEdit):
                w.setDateTime(QDateTime.fromString(v, Qt.DateFormat.ISODate))
            elif isinstance(w, QTableWidget):
                w.setRowCount(len(v))
                for r, row in enumerate(v):
                    for c, text in enumerate(row):
                        w.setItem(r, c, QTableWidgetItem(text))

    def keep_drafts(self, station_app, user, tasks, key: str) -> bool:
        """Write what is typed to a draft as the user types; offer an earlier one back now."""
        from .drafts import DraftKeeper
        self.draft = DraftKeeper(station_app, user, tasks, key, type(self).__name__, self.draft_state, parent=self)
        self._opened_state = self.draft_state()  # pristine: restored input counts as unsaved
        offered = self.draft.offer(self.restore_state)
        for w in self._inputs():
            getattr(w, _edit_signal(w)).connect(self.draft.changed)
        return offered


class ReasonDialog(FormDialog):
    def __init__(self, title: str, label: str, placeholder: str, parent=None):
        super().__init__(title, parent)
        self.reason = self.text_area(placeholder, 80)
        self.form.addRow(label, self.reason)
        self.finish_layout()

    def collect(self):
        text = self.reason.toPlainText().strip()
        if not text:
            from ..core.domain.errors import FieldError
            raise ValidationError(FieldError("reason", translate("dialogs", "原因"), translate("dialogs", "不能为空，请写明。"), "required"))
        return text


class SessionDialog(FormDialog):
    def __init__(self, case, now: dt.datetime, parent=None):
        super().__init__(translate("dialogs", "记录调解"), parent, today=now.date())
        self.when = QDateTimeEdit(QDateTime(now.replace(tzinfo=None, second=0, microsecond=0)))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.place = QLineEdit(translate("dialogs", "调解室"))
        self.attendees = QLineEdit(translate("dialogs", "、").join(p.name for p in case.parties))
        self.participants = QLineEdit()
        self.participants.setPlaceholderText(translate("dialogs", "邀请参加的亲属、邻里、专业人士等（不含调解员和当事人）"))
        self.content = self.text_area(translate("dialogs", "告知权利义务；各方陈述；核实调查情况；释法说理；调解方案……"), 160)
        self.result_edit = self.text_area(translate("dialogs", "调解结果（达成一致的内容，或未达成的原因）"), 60)
        self.recorder = QLineEdit()
        for label, w in ((translate("dialogs", "时间"), self.when), (translate("dialogs", "地点"), self.place), (translate("dialogs", "到场当事人"), self.attendees),
                         (translate("dialogs", "参加人"), self.participants), (translate("dialogs", "调解记录"), self.content), (translate("dialogs", "调解结果"), self.result_edit),
                         (translate("dialogs", "记录人"), self.recorder)):
            self.form.addRow(label, w)
        self.finish_layout()
        self.resize(680, 560)

    def collect(self):
        return SessionInput(occurred_at=self.when.dateTime().toPython(), place=self.place.text(),
                            attendees=self.attendees.text(), participants=self.participants.text() or None,
                            content=self.content.toPlainText(), result=self.result_edit.toPlainText() or None,
                            recorder=self.recorder.text() or None)


class AgreementEditor(FormDialog):
    """Numbered clauses with amounts and a live 人民币大写 preview; performance; signatures."""

    def __init__(self, case, today: dt.date, parent=None, draft=None):
        super().__init__(translate("dialogs", "调解协议"), parent, ok_text=translate("dialogs", "保存协议"), today=today)
        self.case = case
        self.facts = self.text_area(translate("dialogs", "纠纷主要事实、争议事项"), 80)
        self.facts.setMaximumHeight(110)
        self.facts.setPlainText(draft.facts_and_disputes if draft else case.summary)
        self.form.addRow(translate("dialogs", "纠纷事实"), self.facts)
        self.clauses = QTableWidget(0, 2)
        self.clauses.setHorizontalHeaderLabels([translate("dialogs", "协议条款"), translate("dialogs", "金额（元，可空）")])
        from PySide6.QtWidgets import QHeaderView
        self.clauses.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.clauses.setColumnWidth(1, 140)
        self.clauses.setMinimumHeight(150)
        for cl in (draft.clauses if draft else ()):
            self.add_clause(cl.text, str(cl.amount) if cl.amount is not None else "")
        if not self.clauses.rowCount():
            self.add_clause()
        row = QHBoxLayout()
        add = QPushButton(translate("dialogs", "＋ 添加条款"))
        add.clicked.connect(lambda: self.add_clause())
        remove = QPushButton(translate("dialogs", "删除选中条款"))
        remove.clicked.connect(lambda: self.clauses.removeRow(self.clauses.currentRow()))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.form.addRow(translate("dialogs", "协议条款"), self.clauses)
        self.form.addRow("", _wrap(row))
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setStyleSheet("color: #1a5276;")
        self.form.addRow(translate("dialogs", "金额大写"), self.words)
        self.method = QLineEdit(draft.performance_method if draft and draft.performance_method else "")
        self.method.setPlaceholderText(translate("dialogs", "如 一次性现金支付 / 银行转账"))
        self.place = QLineEdit(draft.performance_place if draft and draft.performance_place else "")
        self.deadline = self.date_edit()
        self.has_deadline = QCheckBox(translate("dialogs", "有履行期限"))
        self.has_deadline.setChecked(True)
        self.agreed = self.date_edit()
        self.form.addRow(translate("dialogs", "履行方式"), self.method)
        self.form.addRow(translate("dialogs", "履行地点"), self.place)
        self.form.addRow(self.has_deadline, self.deadline)
        self.form.addRow(translate("dialogs", "协议达成日期"), self.agreed)
        self.form.addRow("", muted(translate("dialogs", "签字盖章后登记各方签字日期，协议即生效（人民调解法第29条）；未签字时保存为草稿，可先打印。")))
        self.signed = QCheckBox(translate("dialogs", "各方已签字，调解员已签字，已加盖印章"))
        self.sign_date = self.date_edit()
        self.form.addRow(self.signed, self.sign_date)
        self.clauses.itemChanged.connect(self._amounts_changed)
        self.finish_layout()
        self.resize(760, 700)
        self._amounts_changed()

    def add_clause(self, text: str = "", amount: str = ""):
        r = self.clauses.rowCount()
        self.clauses.insertRow(r)
        self.clauses.setItem(r, 0, QTableWidgetItem(text))
        self.clauses.setItem(r, 1, QTableWidgetItem(amount))

    def _amounts_changed(self, *_):
        parts, total = [], 0
        for r in range(self.clauses.rowCount()):
            item = self.clauses.item(r, 1)
            raw = item.text().strip() if item else ""
            if not raw:
                continue
            try:
                amount = parse_amount(raw)
            except ValidationError as exc:
                parts.append(translate("dialogs", "第{v}条：{v2}").format(v=r + 1, v2=exc.errors[0].message))
                continue
            total += amount
            parts.append(translate("dialogs", "第{v}条：人民币{v2}").format(v=r + 1, v2=amount_in_words(amount)))
        if total:
            parts.append(translate("dialogs", "合计：人民币{total:,.2f}元（人民币{v}）").format(total=total, v=amount_in_words(total)))
        self.words.setText("\n".join(parts) or translate("dialogs", "（条款没有金额）"))

    def collect(self):
        clauses = []
        for r in range(self.clauses.rowCount()):
            text = (self.clauses.item(r, 0).text() if self.clauses.item(r, 0) else "").strip()
            amount = (self.clauses.item(r, 1).text() if self.clauses.item(r, 1) else "").strip()
            if text or amount:
                clauses.append({"text": text, "amount": amount or None})
        signed = self.signed.isChecked()
        day = self.sign_date.date().toPython()
        return AgreementInput(
            facts_and_disputes=self.facts.toPlainText().strip(), clauses=clauses,
            agreed_date=self.agreed.date().toPython(), performance_method=self.method.text().strip() or None,
            performance_place=self.place.text().strip() or None,
            performance_deadline=self.deadline.date().toPython() if self.has_deadline.isChecked() else None,
            party_signatures={p.id: day for p in self.case.parties} if signed else {},
            mediator_signed_date=day if signed else None, sealed_date=day if signed else None)


class OralAgreementDialog(FormDialog):
    def __init__(self, case, today: dt.date, parent=None):
        super().__init__(translate("dialogs", "登记口头协议"), parent, today=today)
        self.facts = self.text_area(translate("dialogs", "纠纷简要情况"), 60)
        self.facts.setPlainText(case.summary)
        self.content = self.text_area(translate("dialogs", "口头协议内容"), 80)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(translate("dialogs", "涉及金额（元，可空）"))
        self.method = QLineEdit()
        self.agreed = self.date_edit()
        for label, w in ((translate("dialogs", "纠纷简要情况"), self.facts), (translate("dialogs", "口头协议内容"), self.content), (translate("dialogs", "涉及金额"), self.amount),
                         (translate("dialogs", "履行方式、时限"), self.method), (translate("dialogs", "达成日期"), self.agreed)):
            self.form.addRow(label, w)
        self.form.addRow("", muted(translate("dialogs", "口头协议自达成之日起生效（人民调解法第30条）。")))
        self.finish_layout()

    def collect(self):
        return OralAgreementInput(content=self.content.toPlainText().strip(), facts_and_disputes=self.facts.toPlainText().strip(),
                                  amount=self.amount.text().strip() or None, performance_method=self.method.text().strip() or None,
                                  agreed_date=self.agreed.date().toPython())


class FactsEditor(FormDialog):
    """无争议事实: numbered facts, each confirmed by each party; the exclusions shown."""

    def __init__(self, case, parent=None):
        super().__init__(translate("dialogs", "记载无争议事实"), parent)
        self.case = case
        self.statement = self.text_area(translate("dialogs", "纠纷情况及各方主张"), 70)
        self.statement.setPlainText(case.summary)
        self.form.addRow(translate("dialogs", "纠纷及各方主张"), self.statement)
        self.form.addRow("", QLabel(translate("dialogs", "不予记载：涉及国家利益、社会公共利益、案外人合法权益的事实，以及婚姻、亲子、收养等身份关系的事实。")))
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.addWidget(QLabel(translate("dialogs", "事实（每项一个事实）")), 0, 0)
        for j, p in enumerate(case.parties, start=1):
            self.grid.addWidget(QLabel(translate("dialogs", "{name}确认").format(name=p.name)), 0, j)
        self.rows: list[tuple[QLineEdit, list[QCheckBox]]] = []
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setMinimumHeight(180)
        self.form.addRow(translate("dialogs", "无争议事实"), scroll)
        add = QPushButton(translate("dialogs", "＋ 添加一项事实"))
        add.clicked.connect(self.add_fact)
        self.form.addRow("", add)
        self.disputed = self.text_area(translate("dialogs", "仍有争议的事项（争议焦点）"), 50)
        self.reason = self.text_area(translate("dialogs", "调解不成的原因"), 40)
        self.consent = QCheckBox(translate("dialogs", "各方当事人同意记载，并已告知其后续程序中无需另行举证及除外情形"))
        self.form.addRow(translate("dialogs", "争议焦点"), self.disputed)
        self.form.addRow(translate("dialogs", "调解不成原因"), self.reason)
        self.form.addRow("", self.consent)
        self.add_fact()
        self.finish_layout()
        self.resize(760, 680)

    def _draft_rows(self) -> int:
        return len(self.rows)

    def _make_rows(self, n: int) -> None:
        while len(self.rows) < n:
            self.add_fact()

    def add_fact(self):
        r = len(self.rows) + 1
        edit = QLineEdit()
        edit.setPlaceholderText(translate("dialogs", "第{r}项事实").format(r=r))
        boxes = [QCheckBox() for _ in self.case.parties]
        self.grid.addWidget(edit, r, 0)
        for j, b in enumerate(boxes, start=1):
            self.grid.addWidget(b, r, j, Qt.AlignmentFlag.AlignCenter)
        self.rows.append((edit, boxes))

    def collect(self):
        facts = []
        for edit, boxes in self.rows:
            if edit.text().strip():
                facts.append({"text": edit.text().strip(),
                              "confirmed_by": [p.id for p, b in zip(self.case.parties, boxes) if b.isChecked()]})
        return FactRecordInput(dispute_statement=self.statement.toPlainText().strip(), facts=facts,
                               consent_given=self.consent.isChecked(),
                               disputed_points=self.disputed.toPlainText().strip() or None,
                               failure_reason=self.reason.toPlainText().strip() or None)


class TerminateDialog(FormDialog):
    def __init__(self, today: dt.date, parent=None):
        super().__init__(translate("dialogs", "终止调解"), parent, ok_text=translate("dialogs", "终止调解"), today=today)
        self.reason = enum_combo(TerminationReason)
        self.detail = self.text_area(translate("dialogs", "终止情况说明"), 70)
        self.day = self.date_edit()
        self.form.addRow(translate("dialogs", "终止原因"), self.reason)
        self.form.addRow(translate("dialogs", "情况说明"), self.detail)
        self.form.addRow(translate("dialogs", "终止日期"), self.day)
        self.form.addRow("", muted(translate("dialogs", "调解不成的，应告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利（第26条）。")))
        self.finish_layout()

    def collect(self):
        return TerminationInput(reason=self.reason.currentData(), detail=self.detail.toPlainText().strip() or None,
                                terminated_date=self.day.date().toPython())


class FollowUpDialog(FormDialog):
    def __init__(self, case, user, today: dt.date, parent=None):
        super().__init__(translate("dialogs", "回访记录"), parent, today=today)
        self.visited = QLineEdit(case.parties[0].name if case.parties else "")
        self.method = QComboBox()
        self.method.addItems([translate("dialogs", "电话回访"), translate("dialogs", "上门回访"), translate("dialogs", "当面回访")])
        self.status = enum_combo(PerformanceStatus)
        self.satisfaction = QComboBox()
        self.satisfaction.addItems([translate("dialogs", "满意"), translate("dialogs", "基本满意"), translate("dialogs", "不满意")])
        self.notes = self.text_area(translate("dialogs", "履行情况、满意度、是否起诉、有无激化隐患及采取的措施"), 90)
        self.day = self.date_edit()
        self.next_visit = self.date_edit(today + dt.timedelta(days=30))
        self.plan_next = QCheckBox(translate("dialogs", "计划下次回访"))
        self.visitor = QLineEdit(user.display_name)
        for label, w in ((translate("dialogs", "被回访人"), self.visited), (translate("dialogs", "回访方式"), self.method), (translate("dialogs", "履行情况"), self.status),
                         (translate("dialogs", "满意程度"), self.satisfaction), (translate("dialogs", "回访情况"), self.notes), (translate("dialogs", "回访日期"), self.day),
                         (self.plan_next, self.next_visit), (translate("dialogs", "回访人"), self.visitor)):
            self.form.addRow(label, w)
        self.finish_layout()

    def collect(self):
        return FollowUpInput(visited=self.visited.text(), method=self.method.currentText(),
                             performance_status=self.status.currentData(), satisfaction=self.satisfaction.currentText(),
                             notes=self.notes.toPlainText().strip(), visit_date=self.day.date().toPython(),
                             next_visit_date=self.next_visit.date().toPython() if self.plan_next.isChecked() else None,
                             visitor=self.visitor.text())


class ConfirmationDialog(FormDialog):
    def __init__(self, deadline, today: dt.date, parent=None):
        super().__init__(translate("dialogs", "申请司法确认"), parent, today=today)
        self.court = QLineEdit()
        self.court.setPlaceholderText(translate("dialogs", "如 新乡市卫滨区人民法院"))
        self.day = self.date_edit()
        self.form.addRow(translate("dialogs", "受理法院"), self.court)
        self.form.addRow(translate("dialogs", "共同申请日期"), self.day)
        if deadline:
            self.form.addRow("", muted(translate("dialogs", "须由双方当事人在 {deadline:%Y年%m月%d日} 前共同申请（协议生效之日起30日内，第33条）。").format(deadline=deadline)))
        self.finish_layout()

    def collect(self):
        return self.court.text().strip(), self.day.date().toPython()


class OutcomeDialog(FormDialog):
    def __init__(self, today: dt.date, parent=None):
        super().__init__(translate("dialogs", "司法确认结果"), parent, today=today)
        self.outcome = enum_combo((ConfirmationOutcome.CONFIRMED, ConfirmationOutcome.REJECTED,
                                   ConfirmationOutcome.WITHDRAWN))
        self.day = self.date_edit()
        self.number = QLineEdit()
        self.number.setPlaceholderText(translate("dialogs", "法院案号，如（2026）豫0703民特12号"))
        self.form.addRow(translate("dialogs", "结果"), self.outcome)
        self.form.addRow(translate("dialogs", "裁定日期"), self.day)
        self.form.addRow(translate("dialogs", "法院案号"), self.number)
        self.finish_layout()

    def collect(self):
        return self.outcome.currentData(), self.day.date().toPython(), self.number.text().strip() or None


def _wrap(layout) -> QWidget:
    w = QWidget()
    w.setLayout(layout)
    return w
