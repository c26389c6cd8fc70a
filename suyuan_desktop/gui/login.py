"""Login: the first screen of every start after the station exists (and after a kiosk lock)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog

from ..core.services.users import AccountLocked, LoginFailed
from .forms.ui_login import Ui_LoginDialog
from .i18n import translate


class LoginDialog(QDialog):
    migrating = Signal(str, str)   # the station's database is being upgraded (from, to): may take a while

    def __init__(self, app, station_name: str, parent=None, *, username: str = ""):
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.station_app = app
        self.user = None
        self._pending = False
        self._checking = False
        self._upgrading = False
        from .tasks import TaskRunner
        self.tasks = TaskRunner(self)
        self.ui.stationLabel.setText(station_name)
        self.ui.usernameEdit.setText(username)
        self.ui.loginButton.clicked.connect(self.try_login)
        self.ui.loginButton.setProperty("primary", True)
        self.ui.passwordEdit.returnPressed.connect(self.try_login)
        (self.ui.passwordEdit if username else self.ui.usernameEdit).setFocus()
        self.migrating.connect(self._show_migrating)

    def _show_migrating(self, current: str, target: str) -> None:
        self._upgrading = True
        self._label_role("strong")   # news, not an error
        self.ui.errorLabel.setText(translate(
            "login", "新版本首次启动，正在升级工作站数据库（升级前已自动备份）。案件多时约需一两分钟，请勿关闭程序……"))

    def _label_role(self, role: str) -> None:
        self.ui.errorLabel.setProperty("role", role)
        self.ui.errorLabel.style().unpolish(self.ui.errorLabel)
        self.ui.errorLabel.style().polish(self.ui.errorLabel)

    def set_station(self, app, station_name: str) -> None:
        """The station finished opening in the background while this dialog was on screen."""
        self.station_app = app
        self.ui.stationLabel.setText(station_name)
        if self._upgrading:
            self._upgrading = False
            self._label_role("error")
            self.ui.errorLabel.setText("")
        if self._pending:
            self._pending = False
            self.try_login()

    def try_login(self) -> None:
        if self.station_app is None:  # still opening: log in as soon as it is ready
            self._pending = True
            if not self._upgrading:   # the upgrade notice, if one is up, stays
                self.ui.errorLabel.setText(translate("login", "正在打开工作站数据库，请稍候…"))
            return
        username = self.ui.usernameEdit.text().strip()
        password = self.ui.passwordEdit.text()
        if not username:
            self.ui.errorLabel.setText(translate("login", "请输入登录名。"))
            return
        if self._checking:
            return
        # Argon2 verification takes ~120 ms and a failure is counted in the database: off the GUI thread
        self._checking = True
        self.ui.loginButton.setEnabled(False)
        self.ui.errorLabel.setText(translate("login", "正在登录…"))
        self.tasks.run_write(self.station_app.users.authenticate, username, password,
                             on_done=self._signed_in, on_error=self._refused)

    def _signed_in(self, user) -> None:
        self._checking = False
        self.ui.loginButton.setEnabled(True)
        self.user = user
        self.accept()

    def _refused(self, exc) -> None:
        self._checking = False
        self.ui.loginButton.setEnabled(True)
        if isinstance(exc, (LoginFailed, AccountLocked)):
            self.ui.errorLabel.setText(exc.message)
            self.ui.passwordEdit.clear()
            self.ui.passwordEdit.setFocus()
            return
        self.ui.errorLabel.setText("")
        from . import messages
        messages.show_error(exc)
