"""Nothing typed is lost: a form's unsaved input is written to the encrypted database as a draft
a moment after each change (and at once when a kiosk locks), and offered back the next time the
same user opens the same form. Saving the form, or choosing to discard it, deletes the draft."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer

from . import messages
from .i18n import translate

AUTOSAVE_MS = 2000


class DraftKeeper(QObject):
    def __init__(self, station_app, user, tasks, key: str, kind: str, state: Callable[[], dict | None], *,
                 case_id: str | None = None, parent=None):
        super().__init__(parent)
        self.drafts, self.user_id, self.tasks = station_app.drafts, user.id, tasks
        self.key, self.kind, self.case_id, self.state = key, kind, case_id, state
        self._saved: dict | None = None
        self._closed = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)

    def changed(self, *_) -> None:
        """Connect to every edit signal of the form: the draft is written once typing pauses."""
        if not self._closed:
            self.timer.start()

    def save_now(self) -> None:
        """Write the draft (off the GUI thread, in order with every other write). A form with
        nothing typed yet returns None from ``state`` and leaves no draft."""
        self.timer.stop()
        if self._closed or self.tasks is None:  # a form shown on its own (screenshots) keeps no draft
            return
        state = self.state()
        if state is None or state == self._saved:
            return
        self._saved = state
        self.tasks.run_write(self.drafts.save, self.user_id, self.key, self.kind, state, case_id=self.case_id,
                             on_error=lambda exc: None)  # a draft that cannot be written is not worth a dialog

    def discard(self) -> None:
        """The form was saved, or the user chose to throw the input away."""
        self.timer.stop()
        self._closed = True
        self.tasks.run_write(self.drafts.discard, self.user_id, self.key, on_error=lambda exc: None)

    def offer(self, restore: Callable[[dict], None]) -> bool:
        """If this user left a draft of this form, ask whether to continue with it."""
        draft = self.drafts.get(self.user_id, self.key)  # one row by primary key
        if draft is None:
            return False
        when = draft.updated_at.strftime("%Y-%m-%d %H:%M")
        if messages.ask(translate("drafts", "恢复未保存的内容"),
                        translate("drafts", "上次有未保存的内容（{when} UTC 自动保存）。是否继续填写？\n"
                                            "选择“否”将删除这份草稿。").format(when=when), default_yes=True):
            restore(draft.payload)
            self._saved = draft.payload
            return True
        self.tasks.run_write(self.drafts.discard, self.user_id, self.key, on_error=lambda exc: None)
        return False
