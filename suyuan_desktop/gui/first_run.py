"""First run: create the station (code, name, short name, case-number template) and the first
admin account. Every field validates as it is typed; the wizard cannot finish with an error."""
from __future__ import annotations

import datetime as dt
import re

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizard, QWizardPage

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
            example = format_case_number(ui.templateEdit.text(), year=dt.date.today().year,
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


class FirstRunWizard(QWizard):
    def __init__(self, data_dir, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("first_run", "创建调解工作站"))
        self.data_dir = data_dir
        self.station_page = StationPage()
        self.admin_page = AdminPage()
        self.addPage(self.station_page)
        self.addPage(self.admin_page)
        self.setButtonText(QWizard.WizardButton.NextButton, translate("first_run", "下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, translate("first_run", "上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("first_run", "创建工作站"))
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("first_run", "取消"))
        self.setMinimumSize(640, 520)
        self.station_app: StationApp | None = None
        self.admin_username = ""

    def accept(self) -> None:
        a = self.admin_page
        try:
            self.station_app = StationApp.create(self.data_dir, self.station_page.setup(),
                                                 admin_username=a.username.text(), admin_display_name=a.display.text(),
                                                 admin_password=a.password.edit.text())
        except ValidationError as exc:
            messages.warn(translate("first_run", "信息有误"), "\n".join(e.describe() for e in exc.errors))
            return
        except SuyuanError as exc:
            messages.warn(translate("first_run", "无法创建工作站"), exc.message)
            return
        self.admin_username = a.username.text()
        super().accept()
