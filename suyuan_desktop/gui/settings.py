"""设置: station details (admins edit), accounts (admins manage), and this computer's options."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..core.domain.enums import Role
from ..core.domain.errors import ValidationError
from ..core.services.users import actor_for
from . import messages
from .form_dialog import FormDialog
from .forms.ui_settings import Ui_SettingsPage
from .widgets import enum_combo, muted
from .i18n import LANGUAGES, label_of, translate


class AddUserDialog(FormDialog):
    def __init__(self, parent=None):
        super().__init__(translate("settings", "添加账号"), parent)
        self.username = QLineEdit()
        self.display = QLineEdit()
        self.role = enum_combo(Role, Role.MEDIATOR.value)
        self.phone = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for label, w in ((translate("settings", "登录名"), self.username), (translate("settings", "姓名"), self.display), (translate("settings", "角色"), self.role), (translate("settings", "手机"), self.phone),
                         (translate("settings", "初始密码"), self.password)):
            self.form.addRow(label, w)
        self.finish_layout()

    def collect(self):
        return dict(username=self.username.text().strip(), display_name=self.display.text().strip(),
                    role=self.role.currentData(), password=self.password.text(), phone=self.phone.text().strip() or None)


class PasswordDialog(FormDialog):
    ask_before_discarding = False

    def __init__(self, username: str, parent=None):
        super().__init__(translate("settings", "重设密码：{username}").format(username=username), parent)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(translate("settings", "至少8位"))
        self.form.addRow(translate("settings", "新密码"), self.password)
        self.finish_layout()
        self.resize(380, 130)

    def collect(self):
        return self.password.text()


class BackupDialog(FormDialog):
    """Where to write the backup and the passphrase that will open it (typed twice)."""

    ask_before_discarding = False

    def __init__(self, default_path: str, parent=None):
        super().__init__(translate("settings", "备份工作站"), parent, ok_text=translate("settings", "开始备份"))
        self.path = QLineEdit(default_path)
        pick = QPushButton(translate("settings", "选择…"))
        pick.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(pick)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(translate("settings", "至少10位，恢复时需要它"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(translate("settings", "备份文件"), row)
        self.form.addRow(translate("settings", "备份口令"), self.passphrase)
        self.form.addRow(translate("settings", "再输入一次"), self.confirm)
        self.finish_layout()
        self.resize(620, 220)

    def _browse(self):
        from PySide6.QtWidgets import QFileDialog
        path = QFileDialog.getSaveFileName(self, translate("settings", "备份到"), self.path.text(),
                                           translate("settings", "诉源备份 (*.sdb)"))[0]
        if path:
            self.path.setText(path)

    def collect(self):
        from ..core.domain.errors import FieldError, ValidationError
        errors = []
        if not self.path.text().strip():
            errors.append(FieldError("output", translate("settings", "备份文件"), translate("settings", "请选择备份文件的位置。"), "required"))
        if self.passphrase.text() != self.confirm.text():
            errors.append(FieldError("confirm", translate("settings", "再输入一次"), translate("settings", "两次输入的口令不一致。"), "mismatch"))
        if errors:
            raise ValidationError(errors)
        return self.path.text().strip(), self.passphrase.text()


class SettingsPage(QWidget):
    """Laid out in ui/settings.ui: station details and the district (left), this computer and the
    accounts (right). Only admins change the station, enrol, or manage accounts."""

    enrolled = Signal()

    def __init__(self, station_app, user, tasks, parent=None):
        super().__init__(parent)
        self.station_app, self.user, self.tasks = station_app, user, tasks
        self.ui = ui = Ui_SettingsPage()
        ui.setupUi(self)
        admin = user.role == Role.ADMIN.value
        st = station_app.station()
        self.name, self.committee, self.short = ui.nameEdit, ui.committeeEdit, ui.shortEdit
        self.template, self.address = ui.templateEdit, ui.addressEdit
        ui.codeEdit.setText(st.code)
        for edit, value in ((self.name, st.name), (self.committee, st.committee_name), (self.short, st.short_name),
                            (self.template, st.case_number_template), (self.address, st.address or "")):
            edit.setText(value)
            edit.setEnabled(admin)
        ui.saveStationButton.setEnabled(admin)
        ui.saveStationButton.clicked.connect(self.save_station)
        self._template_preview()

        self.server_url, self.ticket = ui.serverEdit, ui.ticketEdit
        self.enroll_button, self.enroll_state = ui.enrollButton, ui.enrollStateLabel
        for w in (self.server_url, self.ticket, self.enroll_button):
            w.setEnabled(admin)
        self.enroll_button.clicked.connect(self.enroll)
        self.show_enrollment()

        local = station_app.computer.settings()
        self.printer = ui.printerCombo
        self.printer.addItem(translate("settings", "系统默认打印机"), None)
        from PySide6.QtPrintSupport import QPrinterInfo
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        if local.get("printer"):
            if self.printer.findData(local["printer"]) < 0:
                self.printer.addItem(translate("settings", "{v}（当前不可用）").format(v=local['printer']), local["printer"])
            self.printer.setCurrentIndex(self.printer.findData(local["printer"]))
        self.body_font, self.title_font = ui.bodyFontEdit, ui.titleFontEdit
        self.body_font.setText(local.get("body_font") or "")
        self.title_font.setText(local.get("title_font") or "")
        ui.bodyFontButton.clicked.connect(lambda: self._browse(self.body_font))
        ui.titleFontButton.clicked.connect(lambda: self._browse(self.title_font))
        self.kiosk, self.idle = ui.kioskCheck, ui.idleSpin
        self.kiosk.setChecked(bool(local.get("kiosk")))
        self.idle.setValue(int(local.get("idle_minutes") or 10))
        self.language = ui.languageCombo
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(local.get("language") or "zh_CN")))
        self.save_machine = ui.saveMachineButton
        self.save_machine.clicked.connect(self.save_local)

        self.table = ui.usersTable
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = ui.addUserButton
        self.reset_button, self.toggle_button = ui.resetPasswordButton, ui.toggleActiveButton
        for b in (self.add_button, self.reset_button, self.toggle_button):
            b.setEnabled(admin)
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.backup_button = ui.backupButton
        self.backup_button.setEnabled(admin)
        self.backup_button.clicked.connect(self.make_backup)
        self.admin = admin
        self.refresh_users()

    def _template_preview(self) -> None:
        """Under the case-number template: what a number will look like, or what is wrong with the
        template, as it is typed; and which placeholders there are."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.template.parentWidget().layout().replaceWidget(self.template, box)
        column.addWidget(self.template)
        self.template_preview = QLabel()
        self.template_preview.setWordWrap(True)
        column.addWidget(self.template_preview)
        column.addWidget(muted(translate("settings", "占位符：{year} 年份，{short} 案号简称，{code} 调委会代码，{seq:04d} 四位序号（每年从 1 开始）。")))
        self.template.textChanged.connect(self._update_template_preview)
        self.short.textChanged.connect(self._update_template_preview)
        self._update_template_preview()

    def _update_template_preview(self, *_) -> None:
        from ..core.domain.case_numbers import format_case_number, validate_template
        try:
            template = validate_template(self.template.text().strip())
            sample = format_case_number(template, year=self.station_app.today().year, short=self.short.text().strip(),
                                        code=self.station_app.station_code, seq=1)
        except ValidationError as exc:
            self.template_preview.setStyleSheet("color: #b3261e;")
            self.template_preview.setText(exc.errors[0].message)
            return
        self.template_preview.setStyleSheet("color: #1a5276;")
        self.template_preview.setText(translate("settings", "示例：{sample}").format(sample=sample))

    def make_backup(self) -> None:
        """Ask where and under which passphrase, then back up off the GUI thread with progress;
        the service refuses a short passphrase or an existing file, and the form says so."""
        from pathlib import Path

        from PySide6.QtCore import QStandardPaths

        from ..core.services import backup as backup_svc
        from .widgets import run_with_progress
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = f"诉源备份-{self.station_app.station_code}-{self.station_app.clock.now():%Y%m%d-%H%M}.sdb"
        dlg = BackupDialog(str(Path(folder) / name), self)
        self.backup_dialog = dlg

        def start(values):
            path, passphrase = values
            self.backup_progress = run_with_progress(
                self.tasks, self, translate("settings", "正在备份工作站"), backup_svc.backup, self.station_app,
                Path(path), passphrase, on_done=lambda report: (dlg.saved(), self._backed_up(report)),
                on_error=dlg.failed, on_cancelled=lambda: (dlg.set_busy(False), dlg.error.setText(
                    translate("settings", "备份已取消，没有留下不完整的文件。"))))
        dlg.submit = start
        dlg.exec()

    def _backed_up(self, report) -> None:
        self.last_backup = report
        messages.info(translate("settings", "备份完成"), translate(
            "settings", "已备份并校验：{path}\n案件 {cases} 件，附件 {attachments} 个，审计记录 {audit} 条。请妥善保管备份文件和口令。").format(
            path=report.path, cases=report.tables.get("cases", 0), attachments=report.attachments,
            audit=report.audit_entries))

    def _browse(self, edit) -> None:
        from PySide6.QtWidgets import QFileDialog
        path = QFileDialog.getOpenFileName(self, translate("settings", "选择字体文件"), "",
                                           translate("settings", "TrueType 字体 (*.ttf *.ttc *.otf)"))[0]
        if path:
            edit.setText(path)

    def save_local(self):
        from ..core.domain.errors import ValidationError

        def failed(exc):
            if isinstance(exc, ValidationError):
                messages.warn(translate("settings", "本机设置有误"), "\n".join(e.describe() for e in exc.errors))
            else:
                messages.show_error(exc)
        self.tasks.run(self.station_app.computer.save, body_font=self.body_font.text().strip() or None,
                       title_font=self.title_font.text().strip() or None, printer=self.printer.currentData(),
                       kiosk=self.kiosk.isChecked(), idle_minutes=self.idle.value(),
                       language=self.language.currentData(),
                       on_done=lambda _: messages.info(translate("settings", "已保存"), translate(
                           "settings", "本机设置已保存。之后出具的文书使用新的字体；触摸屏模式和界面语言在下次启动时生效。")),
                       on_error=failed)

    def show_enrollment(self):
        """Read off the GUI thread: the page is built while the window opens."""
        self.tasks.run(self.station_app.sync.status, on_done=self._show_enrollment)

    def _show_enrollment(self, st):
        if st.enrolled:
            self.server_url.setText(st.server_url or "")
            self.enroll_state.setText(translate("settings", "已注册（设备编号 {v}…）。换服务器或设备被撤销后，可用新的注册码重新注册，未同步的更改不会丢失。").format(v=st.device_id[:8]))
            self.enroll_button.setText(translate("settings", "重新注册"))
        else:
            self.enroll_state.setText(translate("settings", "尚未注册：本站数据只保存在本机。注册后每5分钟自动与区中心同步。"))

    def enroll(self):
        url, ticket = self.server_url.text().strip(), self.ticket.text().strip()
        if not url or not ticket:
            messages.warn(translate("settings", "信息不完整"), translate("settings", "请填写区中心服务器地址和注册码（向区中心索取）。"))
            return

        def done(resp):
            self.ticket.clear()
            self.show_enrollment()
            messages.info(translate("settings", "注册成功"), translate("settings", "已注册到区中心：{station_name}。现在开始第一次同步。").format(station_name=resp.station_name))
            self.enrolled.emit()
        self.tasks.run(self.station_app.sync.enroll, url, ticket, on_done=done)

    def refresh_users(self):
        self.users = self.station_app.users.list_users()
        self.table.setRowCount(len(self.users))
        for r, u in enumerate(self.users):
            for c, text in enumerate((u.username, u.display_name, label_of(Role, u.role),
                                      translate("settings", "启用") if u.active else translate("settings", "停用"))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self._selection_changed()

    def selected_user(self):
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.users[rows.pop()] if len(rows) == 1 else None

    def _selection_changed(self):
        u = self.selected_user()
        for b in (self.reset_button, self.toggle_button):
            b.setEnabled(self.admin and u is not None)
        self.toggle_button.setText(translate("settings", "启用") if u is not None and not u.active
                                   else translate("settings", "停用"))

    def reset_password(self):
        u = self.selected_user()
        if u is None:
            return
        dlg = PasswordDialog(u.username, self)
        dlg.submit = lambda password: self.tasks.run_write(
            self.station_app.users.set_password, actor_for(self.user), u.username, password,
            on_done=lambda _: (dlg.saved(), messages.info(translate("settings", "已保存"), translate(
                "settings", "{name}的密码已重设，请告知本人尽快登录后自行修改。").format(name=u.display_name))),
            on_error=dlg.failed)
        self.password_dialog = dlg
        dlg.exec()

    def toggle_active(self):
        u = self.selected_user()
        if u is None:
            return
        if u.active and not messages.ask(translate("settings", "停用账号"), translate(
                "settings", "停用后{name}不能再登录；已办理的案件和记录不受影响。确定停用？").format(name=u.display_name)):
            return
        self.tasks.run_write(self.station_app.users.set_active, actor_for(self.user), u.username, not u.active,
                             on_done=lambda _: self.refresh_users())

    def save_station(self):
        changes = dict(name=self.name.text().strip(), committee_name=self.committee.text().strip(),
                       short_name=self.short.text().strip(), case_number_template=self.template.text().strip(),
                       address=self.address.text().strip() or None)
        self.tasks.run_write(self.station_app.update_station, actor_for(self.user), on_done=lambda _: messages.info(translate("settings", "已保存"), translate("settings", "站点信息已保存。")),
                             **changes)

    def add_user(self):
        dlg = AddUserDialog(self)
        dlg.submit = lambda values: self.tasks.run_write(self.station_app.users.add_user, actor_for(self.user),
                                                         **values, on_done=lambda _: dlg.saved(), on_error=dlg.failed)
        self.add_dialog = dlg
        if dlg.exec():
            self.refresh_users()
