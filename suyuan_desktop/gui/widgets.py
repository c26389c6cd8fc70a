"""Small shared widgets: a field that validates as the mediator types, and form helpers."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDateTimeEdit, QLabel, QLayout, QLineEdit, QListWidget, QVBoxLayout, QWidget,
)

from ..core.domain.errors import ValidationError
from .i18n import enum_label, translate

ERROR_STYLE = "color: #b3261e;"
INVALID_EDIT = "QLineEdit { border: 2px solid #b3261e; background: #fff8f7; }"


def bind_validation(edit: QLineEdit, error_label: QLabel, check: Callable[[str], object], *,
                    required: bool = False, required_message: str | None = None) -> Callable[[], bool]:
    """Validate ``edit`` on every change with ``check`` (a domain validator raising ValidationError)
    and show its Chinese message in ``error_label``. Returns a function telling whether it is valid."""
    error_label.setStyleSheet(ERROR_STYLE)
    error_label.setWordWrap(True)
    error_label.setVisible(False)
    state = {"ok": not required, "touched": False}

    def run(show: bool) -> bool:
        text = edit.text().strip()
        message = ""
        if not text:
            ok = not required
            message = (required_message or translate("widgets", "不能为空，请填写。")) if required else ""
        else:
            try:
                check(text)
                ok = True
            except ValidationError as exc:
                ok = False
                message = exc.errors[0].message
        state["ok"] = ok
        if show or state["touched"]:
            error_label.setText("" if ok else message)
            error_label.setVisible(not ok)  # an empty error line takes no space
            edit.setStyleSheet("" if ok else INVALID_EDIT)
        return ok

    def on_edit(_=None):
        state["touched"] = True
        run(True)

    edit.textChanged.connect(lambda _: run(state["touched"]))
    edit.editingFinished.connect(on_edit)
    run(False)
    # checking validity (to enable a Save button) shows nothing until the field was touched:
    # a new form does not open covered in red
    return lambda: run(False)


class Field(QWidget):
    """A line edit with its error line under it."""

    changed = Signal()

    def __init__(self, placeholder: str | QWidget = "", parent=None):
        if isinstance(placeholder, QWidget):  # built by a Designer form: Field(parent)
            placeholder, parent = "", placeholder
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.setFocusProxy(self.edit)  # tabbing to the field (ui/*.ui tab stops) lands in its edit
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.edit)
        lay.addWidget(self.error)
        self.edit.textChanged.connect(lambda _: self.changed.emit())
        self._validity: Callable[[], bool] | None = None

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str) -> None:
        self.edit.setText(text or "")

    def validate_with(self, check, *, required=False, required_message=None):
        self._validity = bind_validation(self.edit, self.error, check, required=required,
                                         required_message=required_message)
        return self

    def is_valid(self) -> bool:
        return self._validity() if self._validity else True

    def reveal(self) -> bool:
        """Show this field's error now, as leaving it would; True if it is valid."""
        self.edit.editingFinished.emit()
        return self.is_valid()

    def show_error(self, message: str) -> None:
        self.error.setVisible(True)
        self.error.setText(message)
        self.edit.setStyleSheet(INVALID_EDIT if message else "")


REQUIRED_MARK = '<span style="color:#b3261e">*</span>'


def mark_required(form, *fields) -> None:
    """A red asterisk before the labels of the fields a form cannot be saved without."""
    for field in fields:
        label = form.labelForField(field)
        if label is not None and not label.text().startswith(REQUIRED_MARK):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(f"{REQUIRED_MARK} {label.text()}")
            label.setToolTip(translate("widgets", "必填"))


class DateEdit(QDateEdit):
    """A date field that Tab leaves (QDateEdit's own Tab walks through year, month and day; typing
    the digits already moves from one to the next)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class DateTimeEdit(QDateTimeEdit):
    """A date-and-time field that Tab leaves (see ``DateEdit``)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto the next row when the width runs out (a case's
    actions: a dozen buttons on an open case must not widen a 1366-px window)."""

    def __init__(self, parent=None, spacing: int = 6):
        super().__init__(parent)
        self._items: list = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self):
        return self.minimumSize()

    def minimumSize(self):
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_height, gap = area.x(), area.y(), 0, self.spacing()
        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and row_height > 0:
                x, y, row_height = area.x(), y + row_height + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + m.bottom()


class ExplicitTabOrder:
    """For a window whose rows are added at run time (the parties of a form): Tab and Shift+Tab
    follow ``tab_order()``, a list of its fields top to bottom (hidden and disabled ones are
    skipped). Qt's own focus chain (``QWidget.setTabOrder``, the fixed forms' ui/*.ui tab stops)
    does not follow rows inserted later or fields made of several widgets."""

    def tab_order(self) -> list:
        raise NotImplementedError

    def focusNextPrevChild(self, next: bool) -> bool:
        from PySide6.QtWidgets import QApplication
        focus = QApplication.focusWidget()
        order = [w for w in self.tab_order() if w.isVisibleTo(self) and w.isEnabled()]
        targets = [w.focusProxy() or w for w in order]
        current = next_index = None
        for i, t in enumerate(targets):
            if focus is t or (focus is not None and t.isAncestorOf(focus)):
                current = i
                break
        if current is None or not targets:
            return super().focusNextPrevChild(next)
        next_index = (current + (1 if next else -1)) % len(targets)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        targets[next_index].setFocus(reason)
        return True


def fill_enum(box: QComboBox, members, current=None, *, all_label: str | None = None) -> QComboBox:
    """Offer ``members`` (an enum class or some of its members) by their labels in the UI
    language, with the stored code as item data; ``all_label`` first (data None) for a filter."""
    if all_label is not None:
        box.addItem(all_label, None)
    for m in members:
        box.addItem(enum_label(m), m.value)
    if current is not None:
        box.setCurrentIndex(box.findData(current))
    return box


def enum_combo(members, current=None) -> QComboBox:
    return fill_enum(QComboBox(), members, current)


def size_columns(view, widths: dict[int, int | str], stretch: int) -> None:
    """Columns a person can read: each its given width, or as wide as a sample of its widest value
    in the table's own font (a case number must show whole on the kiosk's larger type too), but
    never narrower than its header; the ``stretch`` column takes what is left, all resizable by
    dragging. (Sizing to contents makes columns as narrow as their header while a lazily loaded
    table is still empty.) The table's font is known only once it sits in its window, under that
    window's style sheet: sample widths are measured again whenever the font changes."""
    from PySide6.QtWidgets import QHeaderView
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view._column_sizer = _ColumnSizer(view, widths, stretch)   # lives as long as the table
    view._column_sizer.apply()


class _ColumnSizer(QObject):
    def __init__(self, view, widths: dict[int, int | str], stretch: int):
        super().__init__(view)
        self.view, self.widths, self.stretch = view, widths, stretch
        self.font_key = None
        view.installEventFilter(self)

    def apply(self) -> None:
        view = self.view
        self.font_key = view.font().key()
        header = view.horizontalHeader()
        model = view.model()
        for col in range(model.columnCount()):
            if col == self.stretch:
                continue
            label = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            width = self.widths.get(col, 100)
            if isinstance(width, str):
                width = view.fontMetrics().horizontalAdvance(width) + 28
            view.setColumnWidth(col, max(width, header.fontMetrics().horizontalAdvance(label) + 24))

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.Polish, QEvent.Type.Show) \
                and self.view.font().key() != self.font_key:
            self.apply()
        return False


def muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("color: #666;")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def run_with_progress(tasks, parent, title: str, fn, *args, on_done=None, on_error=None, on_cancelled=None,
                      **kwargs):
    """Long work (a whole dossier, many documents) off the GUI thread with a progress dialog and a
    Cancel button. The dialog only appears if the work takes longer than half a second; Cancel
    stops the work at its next step (``fn`` takes ``progress``). Returns the QProgressDialog."""
    from PySide6.QtWidgets import QProgressDialog
    dlg = QProgressDialog(title, translate("widgets", "取消"), 0, 100, parent)
    dlg.setWindowTitle(title)
    dlg.setWindowModality(Qt.WindowModality.WindowModal)
    dlg.setMinimumDuration(500)
    dlg.setAutoClose(False)
    dlg.setAutoReset(False)
    dlg.setValue(0)

    def moved(percent: int, message: str) -> None:
        if not dlg.wasCanceled():
            dlg.setValue(percent)
            dlg.setLabelText(f"{title}\n{message}" if message else title)

    def finished(result):
        dlg.close()
        if on_done:
            on_done(result)

    def failed(exc):
        dlg.close()
        if on_error:
            on_error(exc)
        else:
            from . import messages
            messages.show_error(exc)
    def stopped():
        dlg.close()
        if on_cancelled:
            on_cancelled()
    progress = tasks.run(fn, *args, on_done=finished, on_error=failed, on_progress=moved, with_progress=True,
                         on_cancelled=stopped, **kwargs)

    def cancel():
        progress.cancel()
        dlg.setLabelText(translate("widgets", "正在取消…"))
    dlg.canceled.connect(cancel)
    dlg.progress = progress
    return dlg


class DropList(QListWidget):
    """The attachment list accepts files dropped on it (scans of signed paper documents)."""

    dropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, e):
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dragMoveEvent(self, e):
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e):
        paths = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.dropped.emit(paths)
            e.acceptProposedAction()
