"""The main window: navigation (工作台, 案件, 设置), the case workspace, the status bar, kiosk mode."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication, QButtonGroup, QDialog, QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QScrollArea,
    QStackedWidget, QVBoxLayout, QWidget,
)

from . import messages
from .tasks import TaskRunner
from .i18n import translate



class IdleWatcher(QObject):
    """Any key, mouse or touch input restarts the idle clock."""

    idle = Signal()
    _INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.TouchBegin,
              QEvent.Type.TouchUpdate, QEvent.Type.Wheel}

    def __init__(self, minutes: float, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(self.idle.emit)
        self.timer.start()
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() in self._INPUT:
            self.timer.start()
        return False


class MainWindow(QMainWindow):
    def __init__(self, station_app=None, user=None, *, kiosk: bool = False, idle_minutes: float = 10):
        """Two phases, so the window paints before the database and its libraries are loaded
        (docs/qt-notes.md: show the window first). Without a station it is a shell that says it is
        opening; ``attach`` then builds the pages. With one, it attaches at once."""
        super().__init__()
        self.kiosk = kiosk
        self.idle_minutes = idle_minutes
        self.station_app = self.user = None
        self.tasks = TaskRunner(self)
        self.setWindowTitle(translate("main_window", "诉源调解工作站"))
        from . import theme
        theme.ensure_applied()
        central = QWidget()
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        sidebar = QFrame()  # a frame paints its style-sheet background (a plain QWidget would not)
        sidebar.setObjectName("sidebar")
        nav = QVBoxLayout(sidebar)
        nav.setContentsMargins(0, 12, 0, 12)
        nav.setSpacing(2)
        self.station_label = QLabel()
        self.station_label.setObjectName("stationName")
        self.station_label.setWordWrap(True)
        self.station_label.setMaximumWidth(150)
        nav.addWidget(self.station_label)
        self.nav_group = QButtonGroup(self)
        self.nav_buttons = {}
        for key, text, icon in (("home", translate("main_window", "工作台"), "home"),
                                ("cases", translate("main_window", "案件"), "cases"),
                                ("stats", translate("main_window", "统计"), "chart"),
                                ("settings", translate("main_window", "设置"), "settings")):
            b = QPushButton(theme.icon(icon, theme.ON_DARK), text)
            b.setCheckable(True)
            b.setMinimumHeight(48)
            b.setMinimumWidth(130)
            b.setEnabled(False)
            self.nav_group.addButton(b)
            self.nav_buttons[key] = b
            nav.addWidget(b)
        nav.addStretch(1)
        self.lock_button = QPushButton(theme.icon("lock", theme.ON_DARK), translate("main_window", "锁定"))
        self.lock_button.setMinimumHeight(44)
        self.lock_button.setEnabled(False)
        self.lock_button.clicked.connect(self.lock)
        nav.addWidget(self.lock_button)
        outer.addWidget(sidebar)
        self.stack = QStackedWidget()
        self.opening = QLabel(translate("main_window", "正在打开工作站数据库…"))
        # centred by the style sheet: touching the Qt namespace from Python costs ~14 ms of
        # PySide6 type set-up, which this shell does not need before its first paint
        self.opening.setStyleSheet("font-size: 18px; color: #555; qproperty-alignment: AlignCenter;")
        self.stack.addWidget(self.opening)
        page_margin = QVBoxLayout()
        page_margin.setContentsMargins(10, 6, 10, 0)
        page_margin.addWidget(self.stack)
        outer.addLayout(page_margin, 1)
        self.setCentralWidget(central)
        self.status_sync = QLabel()
        self.statusBar().addWidget(self.status_sync, 1)
        self.sync = None
        self.locked = False
        self.idle = None
        self.workspace = None
        self.containers = {}
        self._settings = self._stats = None
        if kiosk:
            self.setStyleSheet(theme.kiosk_sheet())
        if station_app is not None:
            self.attach(station_app, user)

    def attach(self, station_app, user) -> None:
        """The station's pages. 工作台 and 案件 are built now; 统计 and 设置 (the latter pulls in the
        sync machinery) the first time they are asked for, so the first screen is ready sooner."""
        from .case_list import CaseListPage
        from .home import HomePage
        self.station_app, self.user = station_app, user
        self._settings = self._stats = None
        st = station_app.station()
        self.setWindowTitle(translate("main_window", "{name} - 诉源调解工作站").format(name=st.name))
        self.station_label.setText(st.name)
        self.home = HomePage(station_app, self.tasks)
        self.cases = CaseListPage(station_app, self.tasks)
        self.containers = {}
        for page in (self.home, self.cases):
            self.stack.addWidget(page)
        self.nav_buttons["home"].clicked.connect(lambda: self.show_page(self.home))
        self.nav_buttons["cases"].clicked.connect(lambda: self.show_page(self.cases))
        self.nav_buttons["settings"].clicked.connect(lambda: self.show_page(self.settings))
        self.nav_buttons["stats"].clicked.connect(lambda: self.show_page(self.stats))
        for b in (*self.nav_buttons.values(), self.lock_button):
            b.setEnabled(True)
        for page in (self.home, self.cases):
            page.open_case.connect(self.open_case)
            page.new_case.connect(self.new_case)
        from .sync_ui import SyncController, SyncStatusBar
        self.sync = SyncController(station_app, self.tasks, self)
        self.sync_bar = SyncStatusBar(self.sync)
        self.statusBar().removeWidget(self.status_sync)
        self.status_sync = self.sync_bar.label
        self.statusBar().addWidget(self.sync_bar, 1)
        self.status_user = QLabel(translate("main_window", "当前用户：{display_name}").format(display_name=user.display_name))
        self.statusBar().addPermanentWidget(self.status_user)
        self.tasks.busy_changed.connect(lambda busy: self.statusBar().showMessage(translate("main_window", "正在处理…") if busy else "", 0 if busy else 1))
        if self.kiosk:
            self.idle = IdleWatcher(self.idle_minutes, self)
            self.idle.idle.connect(self.lock)
        self.nav_buttons["home"].setChecked(True)
        self.show_page(self.home)
        self.sync.start()
        self.sync.finished.connect(self._after_sync)

    @property
    def settings(self):
        if self._settings is None:
            from .settings import SettingsPage
            self._settings = SettingsPage(self.station_app, self.user, self.tasks)
            self._settings.enrolled.connect(lambda: self.sync.sync_now())
            # 设置 is the one tall page: it scrolls, so the window fits a 1366×768 kiosk screen
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(self._settings)
            self.containers[self._settings] = scroll
            self.stack.addWidget(scroll)
        return self._settings

    @property
    def stats(self):
        if self._stats is None:
            from .stats_page import StatsPage
            self._stats = StatsPage(self.station_app, self.tasks, self.user)
            self._stats.open_case.connect(self.open_case)
            self.stack.addWidget(self._stats)
        return self._stats

    # --- navigation ----------------------------------------------------------------------------

    def show_page(self, page) -> None:
        self.stack.setCurrentWidget(self.containers.get(page, page))
        if page is self.home:
            self.nav_buttons["home"].setChecked(True)
            self.home.refresh(self.user)
        elif page is self.cases:
            self.nav_buttons["cases"].setChecked(True)
            if not self.cases.model.rows:
                self.cases.apply()
        elif page is self._settings:
            self.nav_buttons["settings"].setChecked(True)
        elif page is self._stats:
            self.nav_buttons["stats"].setChecked(True)
            if self.stats.report is None:
                self.stats.refresh()

    def open_case(self, case_id: str | None) -> None:
        if not case_id:
            return
        from .workspace import CaseWorkspace
        if self.workspace is not None:
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
        self.workspace = CaseWorkspace(self.station_app, self.user, self.tasks, case_id, kiosk=self.kiosk)
        self.workspace.closed.connect(self.close_case)
        self.workspace.changed.connect(self.refresh_status)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)

    def close_case(self) -> None:
        self.cases.model.refresh() if self.cases.model.rows else None
        self.show_page(self.home if self.nav_buttons["home"].isChecked() else self.cases)

    def new_case(self) -> None:
        from .intake import IntakeDialog
        dlg = IntakeDialog(self.station_app, self.user, self.tasks, self)
        self.intake_dialog = dlg
        dlg.offer_draft()
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.created:
            self.refresh_status()
            self.open_case(dlg.created.id)

    def refresh_status(self) -> None:
        """Something was saved: update the sync corner now and sync a little later."""
        if self.sync is not None:
            self.sync.changed()

    def _after_sync(self, result) -> None:
        """Pulled changes show up on the page in front of the mediator."""
        if isinstance(result, Exception) or not getattr(result, "pulled", 0):
            return
        if self.stack.currentWidget() is self.home:
            self.home.refresh(self.user)
        elif self.stack.currentWidget() is self.cases and self.cases.model.rows:
            self.cases.model.refresh()

    # --- kiosk lock ----------------------------------------------------------------------------

    def lock(self) -> None:
        """Back to the login screen. Open windows and unsaved input stay as they are (hidden), so
        nothing typed is lost; only the same user (or an admin) unlocks them."""
        if self.locked:
            return
        self.locked = True
        def ours(w) -> bool:  # dialogs opened from this window (intake, editors, previews)
            while w is not None:
                if w is self:
                    return True
                w = w.parentWidget()
            return False
        hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self and ours(w)]
        from .drafts import DraftKeeper
        for w in hidden:
            for keeper in w.findChildren(DraftKeeper):  # on disk now: the PC may be switched off at the lock screen
                keeper.save_now()
            w.hide()
        self.hide()
        from .login import LoginDialog
        while True:
            dlg = LoginDialog(self.station_app, translate("main_window", "{v}（已锁定）").format(v=self.station_app.station().name), username=self.user.username)
            self.lock_dialog = dlg
            if self.kiosk:
                from PySide6.QtCore import Qt
                dlg.setWindowState(Qt.WindowState.WindowFullScreen)
            if dlg.exec() == QDialog.DialogCode.Accepted and dlg.user:
                if dlg.user.id == self.user.id or dlg.user.role == "admin":
                    break
                messages.warn(translate("main_window", "无法解锁"), translate("main_window", "工作站由{display_name}锁定，未保存的内容属于该用户，请由本人或管理员解锁。").format(display_name=self.user.display_name))
                continue
            if messages.ask(translate("main_window", "退出程序"), translate(
                    "main_window", "不解锁而退出程序？未保存的内容已存为草稿，下次打开同一表单时可以继续填写。")):
                self.tasks.wait(10_000)  # the drafts written at locking
                QApplication.quit()
                return
        self.locked = False
        self.showFullScreen() if self.kiosk else self.show()
        for w in hidden:
            w.show()
        if self.idle:
            self.idle.timer.start()

    def closeEvent(self, event) -> None:
        if self.station_app is None:
            return super().closeEvent(event)
        if self.sync is not None:
            self.sync.stop()
            self.sync.cancel()  # a long first sync stops at its next page; nothing done is lost
        if self.tasks.pending and not self.tasks.wait(10_000):
            event.ignore()
            return
        super().closeEvent(event)
