"""GUI test fixtures: offscreen Qt, message boxes answered in one place (gui/messages.py)."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def quiet_messages():
    from suyuan_desktop.gui import messages
    messages.shown.clear()
    messages.auto_answer("auto")
    yield messages
    messages.auto_answer()


@pytest.fixture
def gui_station(station, admin):
    """The station, and the admin as a user. Torn down before ``station`` closes the store: every
    background task of the test's windows finishes first (the app closes in that order too)."""
    from PySide6.QtWidgets import QApplication

    from suyuan_desktop.gui.tasks import TaskRunner
    user = station.users.authenticate("admin", "admin-pass-1")
    yield station, user
    TaskRunner.wait_all()
    QApplication.processEvents()


def run_modal(qtbot, cls, fill, *, timeout=5000):
    """Answer the next modal dialog of type ``cls``: ``fill(dialog)`` runs once it is shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    done = {}

    def poll():
        dlg = QApplication.activeModalWidget()
        if isinstance(dlg, cls) and dlg.isVisible():
            done["dialog"] = dlg
            fill(dlg)
            return
        QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)
    return done


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: ASCII as key clicks, Chinese the way an input method delivers it
    (a committed QInputMethodEvent), since QTest's key clicks only know ASCII."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    run = ""
    for ch in text + "\0":
        if ch != "\0" and ord(ch) < 128:
            if run:
                _commit(widget, run)
                run = ""
            qtbot.keyClicks(widget, ch)
        elif ch != "\0":
            run += ch
    if run:
        _commit(widget, run)


def _commit(widget, text: str) -> None:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)

