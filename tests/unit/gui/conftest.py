"""GUI test fixtures: offscreen Qt, message boxes answered in one place (gui/messages.py)."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="module")
def collect_on_the_gui_thread(qapp):
    """As the app does (gui/gcguard.py): no cyclic garbage collection in worker threads while the
    module's windows live; collection is handed back to Python after the module."""
    from suyuan_desktop.gui.gcguard import GuiGarbageCollector
    guard = GuiGarbageCollector()
    yield guard
    guard.stop()
    guard.deleteLater()


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
    """Answer the next modal dialog of type ``cls``: ``fill(dialog)`` runs once it is shown.

    Polls with a QTimer object kept referenced here, stopped before ``fill`` runs. (A chain of
    static ``QTimer.singleShot(ms, callable)`` calls rescheduled from inside nested modal event
    loops crashed the process in QCoreApplication::notify, in about half the runs.)"""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    done = {}
    timer = QTimer()
    timer.setInterval(20)

    def poll():
        dlg = QApplication.activeModalWidget()
        if isinstance(dlg, cls) and dlg.isVisible():
            timer.stop()
            done["dialog"] = dlg
            try:
                fill(dlg)
            except BaseException:
                # a failed check inside the dialog: close it so the test ends now (pytest-qt
                # reports the exception) instead of waiting for the timeout on an open modal
                dlg.done(0)
                raise
    timer.timeout.connect(poll)
    timer.start()
    done["timer"] = timer
    _live_timers.append(timer)  # alive until the session ends, whatever the test does
    return done


_live_timers: list = []


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: ASCII as key clicks, Chinese the way an input method delivers it
    (a committed QInputMethodEvent), since QTest's key clicks only know ASCII."""
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



@pytest.fixture
def tasks():
    """A task runner that outlives its jobs: at teardown it waits for them and delivers their
    results before it is released (the app's runners live as long as their window, which waits)."""
    from PySide6.QtWidgets import QApplication

    from suyuan_desktop.gui.tasks import TaskRunner
    runner = TaskRunner()
    yield runner
    runner.wait(30_000)
    QApplication.processEvents()
    _live_timers.append(runner)  # never collected mid-session
