"""The one place that shows message boxes, so tests can stub them (docs/qt-notes.md: one place for dialogs)."""
from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.domain.errors import SuyuanError
from .i18n import translate

log = logging.getLogger(__name__)

# Tests replace these to answer without a dialog.
_answers: list = []
shown: list[tuple[str, str]] = []


def _parent():
    return QApplication.activeWindow()


def info(title: str, text: str) -> None:
    shown.append(("info", text))
    if _answers and _answers[0] == "auto":
        return
    QMessageBox.information(_parent(), title, text)


def warn(title: str, text: str) -> None:
    shown.append(("warn", text))
    if _answers and _answers[0] == "auto":
        return
    QMessageBox.warning(_parent(), title, text)


def ask(title: str, text: str, *, default_yes: bool = False) -> bool:
    shown.append(("ask", text))
    if _answers:
        answer = _answers.pop(0)
        if answer != "auto":
            return bool(answer)
        _answers.insert(0, "auto")
        return default_yes
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    default = QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    return QMessageBox.question(_parent(), title, text, buttons, default) == QMessageBox.StandardButton.Yes


def show_error(exc: BaseException, tb: str | None = None) -> None:
    """An expected error (SuyuanError) shows its Chinese message; anything else says it was
    logged (with personal data masked) and that saved records are safe."""
    if isinstance(exc, SuyuanError):
        warn(translate("messages", "无法完成操作"), exc.message)
        return
    log.error("unexpected error: %s\n%s", type(exc).__name__, tb or "")
    shown.append(("error", type(exc).__name__))
    if _answers and _answers[0] == "auto":
        return
    QMessageBox.critical(_parent(), translate("messages", "程序出错"),
                         translate("messages", "发生了意外错误（{v}）。已保存的记录不受影响；详细信息已写入日志，请联系技术支持。").format(v=type(exc).__name__))


def auto_answer(*answers) -> None:
    """For tests: answer upcoming questions in order; "auto" answers everything with the default."""
    _answers.clear()
    _answers.extend(answers)
