"""The form dialog every record dialog is built on: a form, an error line, OK/Cancel, saving off the
GUI thread while the dialog stays up, and a draft of what is typed."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox,
    QFormLayout, QFrame, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from ..core.domain.errors import ValidationError
from .widgets import ERROR_STYLE, DateEdit, DateTimeEdit, mark_required
from .i18n import translate


def date_edit(value: dt.date) -> QDateEdit:
    d = DateEdit(QDate(value))
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
        # the form scrolls, so the dialog fits any screen (a 1366×768 kiosk with its keyboard up
        # leaves about 400 px); error line and buttons stay in view below it
        self.form = QFormLayout()
        self.body = QWidget()
        self.body.setLayout(self.form)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.body)
        self.outer.addWidget(self.scroll, 1)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or translate("dialogs", "保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setProperty("primary", True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("dialogs", "取消"))
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.result_value = None

    def date_edit(self, value: dt.date | None = None) -> QDateEdit:
        """A date field showing ``value``, or the station's today."""
        return date_edit(value or self.today)

    @staticmethod
    def datetime_edit(now: dt.datetime) -> QDateTimeEdit:
        """A date-and-time field at ``now`` (the station's clock), to the minute."""
        edit = DateTimeEdit(QDateTime(now.replace(tzinfo=None, second=0, microsecond=0)))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        return edit

    def finish_layout(self, required=()):
        """Error line and buttons under the form; the ``required`` fields' labels get the red mark."""
        mark_required(self.form, *required)
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

    _sized = False

    def _fit_to_screen(self) -> None:
        """First shown: as large as the form wants, within the screen. In kiosk mode a form is a
        full page over the window it belongs to, not a small dialog."""
        self._sized = True
        parent = self.parentWidget().window() if self.parentWidget() else None
        if parent is not None and getattr(parent, "kiosk", False):
            self.setGeometry(parent.geometry())
            return
        screen = (self.screen() or QApplication.primaryScreen()).availableGeometry()
        margins = self.outer.contentsMargins()
        want = self.body.sizeHint().height() + self.error.sizeHint().height() + self.buttons.sizeHint().height() \
            + margins.top() + margins.bottom() + 3 * self.outer.spacing() + 8
        self.resize(max(self.width(), min(self.body.sizeHint().width() + 40, screen.width() - 40)),
                    min(max(self.height(), want), screen.height() - 60))

    _opened_state = None
    ask_before_discarding = True  # False for forms holding nothing worth keeping (a passphrase)

    def showEvent(self, event):
        if not self._sized:
            self._fit_to_screen()
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


def _wrap(layout) -> QWidget:
    w = QWidget()
    w.setLayout(layout)
    return w
