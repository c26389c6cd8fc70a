"""First run: create the station (code, name, short name, case-number template) and the first
admin account. Every field validates as it is typed; the wizard cannot finish with an error."""
from __future__ import annotations

import re

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizard, QWizardPage

from ..core.domain import clock
from ..core.domain.case_numbers import DEFAULT_TEMPLATE, format_case_number, validate_template
from ..core.domain.errors import FieldError, SuyuanError, ValidationError
from ..core.security.passwords import check_password_strength
from ..core.services.station import StationApp, StationSetup
from . import messages
from .forms.ui_station_setup import Ui_StationSetupPage
from .widgets import Field, bind_validation, muted
from .i18n import translate


def _text_check(label: str, max_len: int):
    def check(text: str):
        if len(text) > max_len:
            raise ValidationError(FieldError("", label, translate("first_run", "不能超过{max_len}个字。").format(max_len=max_len), "too_long"))
    return check


def _username_check(text: str):
    if not re.match(r"^[A-Za-z0-9_.\-]{3,32}$", text):
        raise ValidationError(FieldError("username", translate("first_run", "登录名"), translate("first_run", "须为3-32位英文字母、数字、下划线、点或横线。"), "format"))


def _code_check(text: str):
    if len(text) > 32 or not all(c.isalnum() or c in "-_" for c in text):
        raise ValidationError(FieldError("code", translate("first_run", "调委会代码"), translate("first_run", "只能包含字母、数字、横线或下划线，最多32位。"), "format"))


class StationPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(translate("first_run", "第一步：本站信息"))
        self.setSubTitle(translate("first_run", "这些信息会印在调解文书上。调委会代码由区中心分配，创建后不能修改。"))
        self.ui = Ui_StationSetupPage()
        holder = QLabel()
        self.ui.setupUi(holder)
        lay = QVBoxLayout(self)
        lay.addWidget(holder)
        ui = self.ui
        ui.templateEdit.setText(DEFAULT_TEMPLATE)
        self.checks = [
            bind_validation(ui.codeEdit, ui.codeError, _code_check, required=True),
            bind_validation(ui.nameEdit, ui.nameError, _text_check(translate("first_run", "站点名称"), 100), required=True),
            bind_validation(ui.townshipEdit, ui.townshipError, _text_check(translate("first_run", "所属乡镇"), 100), required=True),
            bind_validation(ui.shortEdit, ui.shortError, _text_check(translate("first_run", "案号简称"), 20), required=True),
            bind_validation(ui.templateEdit, ui.templateError, validate_template, required=True),
        ]
        for edit in (ui.codeEdit, ui.nameEdit, ui.townshipEdit, ui.shortEdit, ui.templateEdit):
            edit.textChanged.connect(self._changed)
        self._changed()

    def _changed(self):
        ui = self.ui
        try:
            example = format_case_number(ui.templateEdit.text(), year=clock.system().today().year,
                                         short=ui.shortEdit.text().strip() or translate("first_run", "平原"), code=ui.codeEdit.text(), seq=1)
        except (KeyError, ValueError, IndexError):
            example = translate("first_run", "（模板有误）")
        ui.exampleLabel.setText(example)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return all(check() for check in self.checks)

    def setup(self) -> StationSetup:
        ui = self.ui
        return StationSetup(code=ui.codeEdit.text().strip(), name=ui.nameEdit.text().strip(),
                            township=ui.townshipEdit.text().strip(), short_name=ui.shortEdit.text().strip(),
                            case_number_template=ui.templateEdit.text().strip())


class AdminPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(translate("first_run", "第二步：管理员账号"))
        self.setSubTitle(translate("first_run", "管理员负责账号和设置，也可以办理案件。请牢记密码。"))
        form = QFormLayout(self)
        self.username = Field(translate("first_run", "3-32位字母或数字，如 admin"))
        self.display = Field(translate("first_run", "管理员姓名"))
        self.password = Field(translate("first_run", "至少8位"))
        self.password.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = Field(translate("first_run", "再输入一次密码"))
        self.confirm.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.username.validate_with(_username_check, required=True)
        self.display.validate_with(_text_check(translate("first_run", "姓名"), 64), required=True)
        self.password.validate_with(check_password_strength, required=True)
        self.confirm.validate_with(self._same, required=True, required_message=translate("first_run", "请再输入一次密码。"))
        form.addRow(translate("first_run", "登录名"), self.username)
        form.addRow(translate("first_run", "姓名"), self.display)
        form.addRow(translate("first_run", "密码"), self.password)
        form.addRow(translate("first_run", "确认密码"), self.confirm)
        form.addRow("", muted(translate("first_run", "同一台电脑上的数据库密钥保存在系统钥匙串中；请定期用“备份”功能做加密备份。")))
        for f in (self.username, self.display, self.password, self.confirm):
            f.changed.connect(self.completeChanged.emit)

    def _same(self, text: str):
        if text != self.password.edit.text():
            raise ValidationError(FieldError("confirm", translate("first_run", "确认密码"), translate("first_run", "两次输入的密码不一致。"), "mismatch"))

    def isComplete(self) -> bool:
        return all(f.is_valid() for f in (self.username, self.display, self.password, self.confirm))


def _server_check(text: str):
    from ..core.sync.base import SyncError, check_server_url
    try:
        check_server_url(text)
    except SyncError as exc:
        raise ValidationError(FieldError("server_url", translate("first_run", "区中心地址"), exc.message, "format")) from None


class DistrictPage(QWizardPage):
    """Optional: enrol with the district now (or later in 设置 → 区中心)."""

    def __init__(self):
        super().__init__()
        self.setTitle(translate("first_run", "第三步：连接区中心（可选）"))
        self.setSubTitle(translate("first_run", "填写区中心地址和一次性注册码，创建后立即注册并同步；没有注册码可以留空，以后在“设置 → 区中心”中注册。"))
        form = QFormLayout(self)
        self.server = Field(translate("first_run", "https://区中心地址"))
        self.ticket = Field(translate("first_run", "区中心签发的一次性注册码（72小时内有效）"))
        self.server.validate_with(_server_check)
        self.ticket.validate_with(lambda t: None)
        form.addRow(translate("first_run", "区中心地址"), self.server)
        form.addRow(translate("first_run", "注册码"), self.ticket)
        self.status = muted("")
        form.addRow("", self.status)
        for f in (self.server, self.ticket):
            f.changed.connect(self.completeChanged.emit)

    def wanted(self) -> bool:
        return bool(self.server.text() or self.ticket.text())

    def isComplete(self) -> bool:
        if not self.wanted():
            return True
        return self.server.is_valid() and bool(self.server.text()) and bool(self.ticket.text())


class FirstRunWizard(QWizard):
    def __init__(self, data_dir, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("first_run", "创建调解工作站"))
        self.data_dir = data_dir
        self.station_page = StationPage()
        self.admin_page = AdminPage()
        self.district_page = DistrictPage()
        self.addPage(self.station_page)
        self.addPage(self.admin_page)
        self.addPage(self.district_page)
        from .tasks import TaskRunner
        self.tasks = TaskRunner(self)
        self._busy = False
        self.setButtonText(QWizard.WizardButton.NextButton, translate("first_run", "下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, translate("first_run", "上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("first_run", "创建工作站"))
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("first_run", "取消"))
        self.setMinimumSize(640, 520)
        self.station_app: StationApp | None = None
        self.admin_username = ""

    def accept(self) -> None:
        """Create the station off the GUI thread (keys, database, first admin: about a second),
        then enrol if the district page was filled in; the wizard closes when both are done."""
        if self._busy:
            return
        a = self.admin_page
        self._busy = True
        self._set_busy(translate("first_run", "正在创建工作站…"))
        self.tasks.run_write(StationApp.create, self.data_dir, self.station_page.setup(),
                             admin_username=a.username.text(), admin_display_name=a.display.text(),
                             admin_password=a.password.edit.text(), on_done=self._created, on_error=self._failed)

    def _set_busy(self, message: str | None) -> None:
        for b in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            self.button(b).setEnabled(message is None)
        self.district_page.status.setText(message or "")

    def _failed(self, exc) -> None:
        self._busy = False
        self._set_busy(None)
        if isinstance(exc, ValidationError):
            messages.warn(translate("first_run", "信息有误"), "\n".join(e.describe() for e in exc.errors))
        elif isinstance(exc, SuyuanError):
            messages.warn(translate("first_run", "无法创建工作站"), exc.message)
        else:
            messages.show_error(exc)

    def _created(self, app) -> None:
        self.station_app = app
        self.admin_username = self.admin_page.username.text()
        d = self.district_page
        if not d.wanted():
            self._finish()
            return
        self._set_busy(translate("first_run", "工作站已创建，正在注册到区中心…"))
        self.tasks.run(app.sync.enroll, d.server.text(), d.ticket.text(), on_done=lambda _: self._finish(),
                       on_error=self._enroll_failed)

    def _enroll_failed(self, exc) -> None:
        message = getattr(exc, "message", None) or type(exc).__name__
        messages.warn(translate("first_run", "注册到区中心未成功"), translate(
            "first_run", "{message}\n工作站已经创建好，可以正常使用；以后可在“设置 → 区中心”中用新的注册码注册。").format(message=message))
        self._finish()

    def _finish(self) -> None:
        self._busy = False
        QWizard.accept(self)

    def reject(self) -> None:
        if not self._busy:
            super().reject()
