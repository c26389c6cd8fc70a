"""Sync in the window: the status bar (online/offline, pending changes, last sync, conflicts), the
同步 button, background sync every few minutes and shortly after edits, and the conflict dialog
that shows the district's and this station's values side by side.

All network and database work runs through the window's TaskRunner; nothing here blocks the GUI.
"""
from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..core.domain import labels
from ..core.domain.clock import CHINA_TZ
from ..core.sync.base import Backoff, Offline, ServerBusy
from . import messages
from .i18n import translate

AUTO_SYNC_MINUTES = 5
AFTER_EDIT_SECONDS = 30

KIND_LABELS = {
    "hard": QT_TRANSLATE_NOOP("sync_ui", "双方改了同一项"),
    "edit_after_delete": QT_TRANSLATE_NOOP("sync_ui", "区中心已作废，本站又修改"),
    "post_transfer": QT_TRANSLATE_NOOP("sync_ui", "案件已移交，原站点的修改"),
    "ownership": QT_TRANSLATE_NOOP("sync_ui", "该项只能由区中心修改"),
    "invalid_transition": QT_TRANSLATE_NOOP("sync_ui", "案件状态与区中心冲突"),
}
# the names of record kinds and fields come from core (core/domain/labels.py), translated in
# the "enums" context like the other labels core shows
FIELD_LABELS = labels.FIELD_LABELS
ENTITY_LABELS = labels.ENTITY_LABELS


def _label(table: dict, key, default=None) -> str:
    """A label of one of the tables above, in the UI language."""
    context = "enums" if table in (FIELD_LABELS, ENTITY_LABELS) else "sync_ui"
    return translate(context, table[key]) if key in table else (key if default is None else default)


def _show(value) -> str:
    if value is None:
        return translate("sync_ui", "（空）")
    if isinstance(value, bool):
        return translate("sync_ui", "是") if value else translate("sync_ui", "否")
    if isinstance(value, (dict, list)):
        if isinstance(value, dict):
            return "\n".join(translate("sync_ui", "{v}：{v2}").format(v=_label(FIELD_LABELS, k), v2=_show(v)) for k, v in value.items()
                             if k not in ("id", "case_id"))
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def describe_status(st, *, online: bool | None) -> tuple[str, str]:
    """(text, colour) for the status bar."""
    pending = translate("sync_ui", "待同步 {pending} 项").format(pending=st.pending)
    if not st.enrolled:  # nothing is waiting for anyone: the records are safe here, and go up once enrolled
        return translate("sync_ui", "● 未注册区中心：记录保存在本机，在“设置”中注册后自动上传"), "#777"
    last = translate("sync_ui", "从未同步")
    if st.last_ok_at:
        at = dt.datetime.fromisoformat(st.last_ok_at).replace(tzinfo=dt.timezone.utc).astimezone(CHINA_TZ)
        last = translate("sync_ui", "上次同步 {at:%m-%d %H:%M}").format(at=at)
    extra = ""
    if st.rejected:
        extra += translate("sync_ui", "　被退回 {rejected} 项").format(rejected=st.rejected)
    if online is False or (online is None and st.last_error):
        return translate("sync_ui", "● 离线（{v}）　{pending}　{last}{extra}").format(v=st.last_error or '区中心无法连接', pending=pending, last=last, extra=extra), "#b35c00"
    if online is None:  # not tried yet since the app started
        return translate("sync_ui", "● 已注册区中心　{pending}　{last}{extra}").format(pending=pending, last=last, extra=extra), "#555"
    return translate("sync_ui", "● 在线　{pending}　{last}{extra}").format(pending=pending, last=last, extra=extra), "#2e7d32"


STATUS_DELAY_MS = 800   # after the pages are built, before anyone can have looked for it


class SyncController(QObject):
    """Runs syncs for one window: on demand, every few minutes, and shortly after edits."""

    status_changed = Signal(object, object)   # SyncStatus, online (True/False/None)
    step = Signal(str)                        # what the running sync is doing (上传变更, 下载变更, ...)
    finished = Signal(object)                 # SyncReport or the exception

    def __init__(self, station_app, tasks, parent=None):
        super().__init__(parent)
        self.app, self.tasks = station_app, tasks
        self.running = False
        self.progress = None
        self.online: bool | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_SYNC_MINUTES * 60_000)
        self.timer.timeout.connect(self.sync_now)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(AFTER_EDIT_SECONDS * 1000)
        self.soon.timeout.connect(self.sync_now)
        # after a failure for want of the district (offline, busy): try again sooner than the
        # 5-minute round, backing off with jitter and never before the server's Retry-After
        self.backoff = Backoff()
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.timeout.connect(self.sync_now)
        self.first = QTimer(self)
        self.first.setSingleShot(True)
        self.first.timeout.connect(self.refresh)

    def start(self) -> None:
        self.timer.start()
        # the status line fills in a moment after the first screen is up: reading it means loading
        # the sync machinery (about 150 ms), which would otherwise compete with the first screen
        self.first.start(STATUS_DELAY_MS)

    def stop(self) -> None:
        """No more syncs or status reads of their own: the window is closing."""
        for timer in (self.timer, self.soon, self.retry, self.first):
            timer.stop()

    def refresh(self) -> None:
        # ``app.sync`` is made on the worker too: its first use imports the sync machinery (about
        # 150 ms), which would otherwise hold up the first screen
        self.tasks.run(lambda: self.app.sync.status(), on_done=lambda st: self.status_changed.emit(st, self.online),
                       on_error=lambda exc: None)

    def changed(self) -> None:
        """Something was saved: refresh the count now, sync a little later (debounced)."""
        self.refresh()
        if self.app.sync.is_enrolled():
            self.soon.start()

    def sync_now(self, *, interactive: bool = False) -> bool:
        if self.running:
            return False  # one at a time; this one coalesces into the running one
        if not self.app.sync.is_enrolled():
            if interactive:
                messages.info(translate("sync_ui", "尚未注册"), translate("sync_ui", "本站还没有注册到区中心。请向区中心索取一次性注册码，在“设置 → 区中心”中注册。"))
            return False
        self.running = True
        self.status_changed.emit(None, None)

        def done(report):
            self.running, self.online = False, True
            self.backoff.success()
            self.retry.stop()
            self.refresh()
            self.finished.emit(report)

        def failed(exc):
            self.running = False
            if isinstance(exc, (Offline, ServerBusy)):
                self.online = False
                delay = self.backoff.next_delay(exc.retry_after)
                self.retry.start(int(min(delay, AUTO_SYNC_MINUTES * 60) * 1000))
            self.refresh()
            self.finished.emit(exc)
            if interactive and not isinstance(exc, Offline):
                messages.show_error(exc)
            elif interactive:
                messages.warn(translate("sync_ui", "无法连接区中心"), f"{getattr(exc, 'message', exc)}")

        def run(progress):
            return self.app.sync.sync(progress=lambda msg: progress.report(0, msg))
        self.progress = self.tasks.run(run, on_done=done, on_error=failed, with_progress=True,
                                       on_progress=lambda _pct, msg: self.step.emit(msg))
        return True

    def cancel(self) -> None:
        """Stop a running sync at its next safe point (between steps or pulled pages; everything
        done so far stays committed). Used when the window closes."""
        if self.running and self.progress is not None:
            self.progress.cancel()


class SyncStatusBar(QWidget):
    """The status bar's sync corner: state text, conflicts button, 同步 button."""

    def __init__(self, controller: SyncController, parent=None):
        super().__init__(parent)
        self.controller = controller
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(translate("sync_ui", "● 正在读取同步状态…"))
        self.conflicts = QPushButton()
        self.conflicts.setVisible(False)
        self.conflicts.setStyleSheet("color: #c62828; font-weight: bold;")
        self.conflicts.clicked.connect(self.open_conflicts)
        from . import theme
        self.button = QPushButton(theme.icon("sync"), translate("sync_ui", "同步"))
        self.button.setToolTip(translate("sync_ui", "立即与区中心同步（每5分钟也会自动同步）"))
        self.button.clicked.connect(lambda: controller.sync_now(interactive=True))
        lay.addWidget(self.label, 1)
        lay.addWidget(self.conflicts)
        lay.addWidget(self.button)
        controller.status_changed.connect(self.show_status)
        controller.step.connect(lambda msg: self.label.setText(translate("sync_ui", "● 正在同步：{msg}…").format(msg=msg)))
        self.status = None

    def show_status(self, st, online) -> None:
        if st is None:
            self.label.setText(translate("sync_ui", "● 正在同步…"))
            self.label.setStyleSheet("color: #1565c0;")
            self.button.setEnabled(False)
            return
        self.status = st
        text, colour = describe_status(st, online=online)
        self.label.setText(text)
        self.label.setStyleSheet(f"color: {colour};")
        self.button.setEnabled(not self.controller.running)
        self.conflicts.setVisible(st.conflicts_open > 0)
        self.conflicts.setText(translate("sync_ui", "冲突 {conflicts_open} 项待处理").format(conflicts_open=st.conflicts_open))
        tip = st.clock_warning or ""
        self.label.setToolTip(tip)

    def open_conflicts(self) -> None:
        dlg = ConflictDialog(self.controller, self.window())
        self.conflict_dialog = dlg
        dlg.exec()


class ConflictDialog(QDialog):
    """Each conflict with both values side by side; the mediator keeps one or writes a merge."""

    def __init__(self, controller: SyncController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(translate("sync_ui", "处理同步冲突"))
        self.resize(900, 560)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(translate("sync_ui", "以下内容在区中心和本站被同时修改。两边的内容都已保存，请选择保留哪一个，或写出合并后的内容。")))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([translate("sync_ui", "案件"), translate("sync_ui", "内容"), translate("sync_ui", "情况"), translate("sync_ui", "发生时间")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self.show_selected)
        lay.addWidget(self.table, 1)
        sides = QHBoxLayout()
        self.server_text, self.client_text, self.merged = QPlainTextEdit(), QPlainTextEdit(), QPlainTextEdit()
        for title, box, ro in ((translate("sync_ui", "区中心的内容"), self.server_text, True), (translate("sync_ui", "本站的内容"), self.client_text, True),
                               (translate("sync_ui", "合并后的内容（可编辑）"), self.merged, False)):
            col = QVBoxLayout()
            col.addWidget(QLabel(title))
            box.setReadOnly(ro)
            col.addWidget(box)
            sides.addLayout(col)
        lay.addLayout(sides, 1)
        buttons = QDialogButtonBox()
        self.keep_server = buttons.addButton(translate("sync_ui", "保留区中心的"), QDialogButtonBox.ButtonRole.ActionRole)
        self.keep_client = buttons.addButton(translate("sync_ui", "保留本站的"), QDialogButtonBox.ButtonRole.ActionRole)
        self.use_merged = buttons.addButton(translate("sync_ui", "采用合并内容"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(translate("sync_ui", "关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.keep_server.clicked.connect(lambda: self.resolve("server"))
        self.keep_client.clicked.connect(lambda: self.resolve("client"))
        self.use_merged.clicked.connect(lambda: self.resolve("value"))
        lay.addWidget(buttons)
        self.rows = []
        self.resolved: list[int] = []
        self.load()

    def load(self) -> None:
        self.rows = self.controller.app.sync.conflicts()
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        labels = self.controller.app.sync.case_labels(c.case_id for c in self.rows)
        for r, c in enumerate(self.rows):
            what = _label(ENTITY_LABELS, c.entity_type, translate("sync_ui", "记录"))
            record = labels.get(c.case_id, what) if c.entity_type == "cases" else f"{labels.get(c.case_id, '')} {what}"
            at = dt.datetime.fromisoformat(c.created_at).replace(tzinfo=dt.timezone.utc).astimezone(CHINA_TZ)
            values = (record.strip(), _label(FIELD_LABELS, c.field, c.field or translate("sync_ui", "整条记录")),
                      _label(KIND_LABELS, c.kind), f"{at:%Y-%m-%d %H:%M}")
            for col, text in enumerate(values):
                self.table.setItem(r, col, QTableWidgetItem(text))
        if self.rows:
            self.table.selectRow(0)
        self.show_selected()

    def current(self):
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def show_selected(self) -> None:
        c = self.current()
        for w in (self.keep_server, self.keep_client, self.use_merged):
            w.setEnabled(c is not None)
        if c is None:
            for box in (self.server_text, self.client_text, self.merged):
                box.setPlainText("")
            return
        self.server_text.setPlainText(_show(c.server_value))
        self.client_text.setPlainText(_show(c.client_value))
        mergeable = c.field is not None and isinstance(c.client_value, str)
        self.merged.setPlainText(c.client_value if mergeable else "")
        self.merged.setEnabled(mergeable)
        self.use_merged.setEnabled(mergeable)

    def resolve(self, choice: str) -> None:
        c = self.current()
        if c is None:
            return
        value = self.merged.toPlainText().strip() if choice == "value" else None
        if choice == "value" and not value:
            messages.warn(translate("sync_ui", "合并内容为空"), translate("sync_ui", "请在“合并后的内容”中写出要保留的文字，或选择保留其中一边。"))
            return

        def done(_):
            self.controller.sync_now()
            self.rows = [r for r in self.rows if r.id != c.id]
            self.resolved.append(c.id)
            self._fill()
            if not self.rows:
                self.accept()
        self.controller.tasks.run(self.controller.app.sync.resolve_conflict, c.id, choice, value,
                                  on_done=done, on_error=messages.show_error)
