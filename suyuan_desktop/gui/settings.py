"""设置: station details (admins edit), accounts (admins manage), and this computer's options."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..core.domain.enums import Role
from ..core.services.users import actor_for
from . import messages
from .dialogs import FormDialog
from .widgets import muted
from .i18n import enum_label, label_of, translate


class AddUserDialog(FormDialog):
    def __init__(self, parent=None):
        super().__init__(translate("settings", "添加账号"), parent)
        self.username = QLineEdit()
        self.display = QLineEdit()
        self.role = QComboBox()
        for r in Role:
            self.role.addItem(enum_label(r), r.value)
        self.role.setCurrentIndex(self.role.findData(Role.MEDIATOR.value))
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


class SettingsPage(QWidget):
    enrolled = Signal()

    def __init__(self, station_app, user, tasks, parent=None):
        super().__init__(parent)
        self.station_app, self.user, self.tasks = station_app, user, tasks
        admin = user.role == Role.ADMIN.value
        lay = QVBoxLayout(self)
        box = QGroupBox(translate("settings", "本站信息"))
        form = QFormLayout(box)
        st = station_app.station()
        self.name = QLineEdit(st.name)
        self.committee = QLineEdit(st.committee_name)
        self.short = QLineEdit(st.short_name)
        self.template = QLineEdit(st.case_number_template)
        self.address = QLineEdit(st.address or "")
        code = QLineEdit(st.code)
        code.setReadOnly(True)
        for label, w in ((translate("settings", "调委会代码"), code), (translate("settings", "站点名称"), self.name), (translate("settings", "调解委员会"), self.committee), (translate("settings", "案号简称"), self.short),
                         (translate("settings", "案号模板"), self.template), (translate("settings", "地址"), self.address)):
            w.setEnabled(admin or w is code)
            form.addRow(label, w)
        save = QPushButton(translate("settings", "保存站点信息"))
        save.setEnabled(admin)
        save.clicked.connect(self.save_station)
        form.addRow("", save)
        lay.addWidget(box)

        district = QGroupBox(translate("settings", "区中心"))
        dform = QFormLayout(district)
        self.server_url = QLineEdit()
        self.server_url.setPlaceholderText(translate("settings", "https://区中心地址"))
        self.ticket = QLineEdit()
        self.ticket.setPlaceholderText(translate("settings", "区中心签发的一次性注册码（72小时内有效）"))
        self.enroll_button = QPushButton(translate("settings", "注册到区中心"))
        self.enroll_button.setEnabled(admin)
        self.enroll_button.clicked.connect(self.enroll)
        self.enroll_state = muted("")
        dform.addRow(translate("settings", "服务器地址"), self.server_url)
        dform.addRow(translate("settings", "注册码"), self.ticket)
        dform.addRow("", self.enroll_button)
        dform.addRow("", self.enroll_state)
        for w in (self.server_url, self.ticket):
            w.setEnabled(admin)
        lay.addWidget(district)
        self.show_enrollment()

        machine = QGroupBox(translate("settings", "本机（打印机与文书字体，只对这台电脑有效）"))
        mform = QFormLayout(machine)
        local = station_app.local_settings()
        self.printer = QComboBox()
        self.printer.addItem(translate("settings", "系统默认打印机"), None)
        from PySide6.QtPrintSupport import QPrinterInfo
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        if local.get("printer"):
            if self.printer.findData(local["printer"]) < 0:
                self.printer.addItem(translate("settings", "{v}（当前不可用）").format(v=local['printer']), local["printer"])
            self.printer.setCurrentIndex(self.printer.findData(local["printer"]))
        self.body_font = QLineEdit(local.get("body_font") or "")
        self.title_font = QLineEdit(local.get("title_font") or "")
        for edit, hint in ((self.body_font, translate("settings", "默认：AR PL UMing（随软件附带）；可选本机的仿宋、宋体 .ttf/.ttc")),
                           (self.title_font, translate("settings", "默认：文泉驿正黑（随软件附带）"))):
            edit.setPlaceholderText(hint)
        mform.addRow(translate("settings", "打印机（触摸模式直接打印到此）"), self.printer)
        mform.addRow(translate("settings", "正文字体文件"), self._with_browse(self.body_font))
        mform.addRow(translate("settings", "标题字体文件"), self._with_browse(self.title_font))
        self.save_machine = QPushButton(translate("settings", "保存本机设置"))
        self.save_machine.clicked.connect(self.save_local)
        mform.addRow("", self.save_machine)
        lay.addWidget(machine)

        users = QGroupBox(translate("settings", "账号（仅管理员可管理）"))
        v = QVBoxLayout(users)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([translate("settings", "登录名"), translate("settings", "姓名"), translate("settings", "角色"), translate("settings", "状态")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        v.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(translate("settings", "添加账号"))
        self.add_button.setEnabled(admin)
        self.add_button.clicked.connect(self.add_user)
        row.addWidget(self.add_button)
        row.addStretch(1)
        v.addLayout(row)
        lay.addWidget(users, 1)
        self.refresh_users()

    def _with_browse(self, edit: QLineEdit) -> QWidget:
        from PySide6.QtWidgets import QFileDialog
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        pick = QPushButton(translate("settings", "选择…"))
        pick.clicked.connect(lambda: edit.setText(QFileDialog.getOpenFileName(
            self, translate("settings", "选择字体文件"), "", translate("settings", "TrueType 字体 (*.ttf *.ttc *.otf)"))[0] or edit.text()))
        row.addWidget(pick)
        return box

    def save_local(self):
        from ..core.domain.errors import ValidationError

        def failed(exc):
            if isinstance(exc, ValidationError):
                messages.warn(translate("settings", "字体无法使用"), "\n".join(e.describe() for e in exc.errors))
            else:
                messages.show_error(exc)
        self.tasks.run(self.station_app.save_local_settings, body_font=self.body_font.text().strip() or None,
                       title_font=self.title_font.text().strip() or None, printer=self.printer.currentData(),
                       on_done=lambda _: messages.info(translate("settings", "已保存"), translate("settings", "本机设置已保存，之后出具的文书使用新的字体。")),
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
        users = self.station_app.users.list_users()
        self.table.setRowCount(len(users))
        for r, u in enumerate(users):
            for c, text in enumerate((u.username, u.display_name, label_of(Role, u.role), translate("settings", "启用") if u.active else translate("settings", "停用"))):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def save_station(self):
        changes = dict(name=self.name.text().strip(), committee_name=self.committee.text().strip(),
                       short_name=self.short.text().strip(), case_number_template=self.template.text().strip(),
                       address=self.address.text().strip() or None)
        self.tasks.run_write(self.station_app.update_station, actor_for(self.user), on_done=lambda _: messages.info(translate("settings", "已保存"), translate("settings", "站点信息已保存。")),
                             **changes)

    def add_user(self):
        dlg = AddUserDialog(self)
        while dlg.exec() == QDialog.DialogCode.Accepted:
            try:
                self.station_app.users.add_user(actor_for(self.user), **dlg.result_value)
            except Exception as exc:  # noqa: BLE001 - shown in the dialog
                from ..core.domain.errors import ValidationError
                if isinstance(exc, ValidationError):
                    dlg.show_service_error(exc)
                    continue
                messages.show_error(exc)
            break
        self.refresh_users()
