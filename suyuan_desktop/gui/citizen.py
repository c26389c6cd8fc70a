"""群众自助申请: the kiosk's citizen mode (docs/self-service.md).

It does one thing: take an application for mediation (告知 → parties → the dispute → 送达地址确认
and a signature → a receipt), and answers one question: where an application stands, from its
receipt's QR code. It holds no reference to cases, lists, search or documents and has no shortcut;
leaving it takes a staff login; after a while without a touch it warns, then wipes what was typed
and returns to the start.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
    QStackedWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from ..core.domain.enums import DisputeType, PartyRole
from . import messages, theme
from .i18n import translate
from .party_editor import PartyEditor
from .signature import SignaturePad
from .widgets import fill_enum

START, NOTICE, PARTIES, DISPUTE, CONFIRM, DONE, STATUS, LEAVE = range(8)


def _big(text: str, primary: bool = False) -> QPushButton:
    b = QPushButton(text)
    b.setMinimumHeight(72)
    theme.mark(b, primary=primary)
    return b


class _Touches(QObject):
    """Any key, click or touch in the window: the person is still there."""

    def __init__(self, on_touch, parent=None):
        super().__init__(parent)
        self.on_touch = on_touch

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self.on_touch()
        return False


class CitizenWindow(QWidget):
    left = Signal()   # a member of staff logged in to leave citizen mode

    def __init__(self, station_app, tasks, *, idle_seconds: float = 120, warn_seconds: float = 20, parent=None):
        super().__init__(parent)
        self.station_app, self.tasks = station_app, tasks
        self.setWindowTitle(translate("citizen", "人民调解自助申请"))
        self.receipt = None
        self.pages = QStackedWidget()
        self.warning = QLabel()
        theme.mark(self.warning, role="error")
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(self.pages)
        for build in (self._start, self._notice, self._parties, self._dispute, self._confirm, self._done,
                      self._status, self._leave):
            self.pages.addWidget(build())
        self.idle = QTimer(self, singleShot=True, interval=int(idle_seconds * 1000))
        self.idle.timeout.connect(self._warn)
        self.wipe_timer = QTimer(self, singleShot=True, interval=int(warn_seconds * 1000))
        self.wipe_timer.timeout.connect(self.wipe)
        self.touches = _Touches(self._touched, self)
        self.installEventFilter(self.touches)
        for w in self.findChildren(QWidget):
            w.installEventFilter(self.touches)
        self.show_page(START)

    # --- pages -----------------------------------------------------------------------------------

    def _page(self, title: str, *widgets, buttons=()) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        heading = QLabel(title)
        theme.mark(heading, role="title")
        box.addWidget(heading)
        stretchy = (QTextBrowser, QScrollArea, SignaturePad)
        for w in widgets:
            box.addWidget(w, 1 if isinstance(w, stretchy) else 0)
        if not any(isinstance(w, stretchy) for w in widgets):
            box.addStretch(1)
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        box.addLayout(row)
        return page

    def _start(self) -> QWidget:
        self.apply_button = _big(translate("citizen", "申请调解"), primary=True)
        self.status_button = _big(translate("citizen", "查询办理进度"))
        self.staff_button = QPushButton(translate("citizen", "工作人员退出"))
        self.apply_button.clicked.connect(lambda: self.show_page(NOTICE))
        self.status_button.clicked.connect(lambda: self.show_page(STATUS))
        self.staff_button.clicked.connect(lambda: self.show_page(LEAVE))
        hint = QLabel(translate("citizen", "人民调解不收费。请按提示填写，有不明白的可以到窗口询问工作人员。"))
        hint.setWordWrap(True)
        return self._page(translate("citizen", "人民调解自助申请"), hint, self.apply_button, self.status_button,
                          buttons=(self.staff_button,))

    def _nav(self, back: int, forward, text: str | None = None) -> tuple[QPushButton, QPushButton]:
        back_b, next_b = _big(translate("citizen", "上一步")), _big(text or translate("citizen", "下一步"), primary=True)
        back_b.clicked.connect(lambda: self.show_page(back))
        next_b.clicked.connect(forward)
        return back_b, next_b

    def _notice(self) -> QWidget:
        title, paragraphs = self.station_app.self_service.notice()
        text = QTextBrowser()
        text.setHtml(f"<h3>{title}</h3>" + "".join(f"<p>{p}</p>" for p in paragraphs))
        self.notice_read = QCheckBox(translate("citizen", "我已阅读并知晓以上权利和义务"))
        back, self.notice_next = self._nav(START, lambda: self.show_page(PARTIES))
        self.notice_read.toggled.connect(self.notice_next.setEnabled)
        self.notice_next.setEnabled(False)
        return self._page(translate("citizen", "第一步：请阅读权利义务告知"), text, self.notice_read, buttons=(back, self.notice_next))

    def _parties(self) -> QWidget:
        today = self.station_app.today()
        self.applicant = PartyEditor(1, PartyRole.APPLICANT, today)
        self.respondent = PartyEditor(2, PartyRole.RESPONDENT, today)
        for editor in (self.applicant, self.respondent):
            editor.remove.hide()
            editor.role.setEnabled(False)
        self.applicant.title.setText(translate("citizen", "申请人（您本人）"))
        self.respondent.title.setText(translate("citizen", "被申请人（对方）"))
        inner = QWidget()
        box = QVBoxLayout(inner)
        self.card_button = None
        if (self.station_app.computer.settings().get("idcard_reader") or {}).get("backend", "none") != "none":
            self.card_button = _big(translate("citizen", "把身份证放在读卡器上，点这里读取"))
            self.card_button.setIcon(theme.icon("id-card"))
            self.card_button.clicked.connect(self._read_card)
            box.addWidget(self.card_button)
        box.addWidget(self.applicant)
        box.addWidget(self.respondent)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        back, forward = self._nav(NOTICE, self._after_parties)
        return self._page(translate("citizen", "第二步：填写双方的基本情况"), scroll, buttons=(back, forward))

    def _read_card(self) -> None:
        def failed(exc):
            messages.warn(translate("citizen", "读卡未成功"), getattr(exc, "message", str(exc)))
        self.tasks.run(self.station_app.computer.read_id_card, on_done=self.applicant.fill_from_card, on_error=failed)

    def _after_parties(self) -> None:
        ok = [editor.reveal_errors() for editor in (self.applicant, self.respondent)]
        if all(ok):
            self.show_page(DISPUTE)

    def _dispute(self) -> QWidget:
        self.dispute_type = QComboBox()
        fill_enum(self.dispute_type, DisputeType, DisputeType.OTHER.value)
        self.summary, self.claims = QPlainTextEdit(), QPlainTextEdit()
        self.summary.setPlaceholderText(translate("citizen", "发生了什么事？请简单说明经过。"))
        self.claims.setPlaceholderText(translate("citizen", "您希望怎么解决？"))
        form = QWidget()
        f = QFormLayout(form)
        f.addRow(translate("citizen", "纠纷类型"), self.dispute_type)
        f.addRow(translate("citizen", "纠纷简要情况"), self.summary)
        f.addRow(translate("citizen", "申请事项"), self.claims)
        self.dispute_error = QLabel()
        theme.mark(self.dispute_error, role="error")
        back, forward = self._nav(PARTIES, self._after_dispute)
        return self._page(translate("citizen", "第三步：说说纠纷的情况"), form, self.dispute_error, buttons=(back, forward))

    def _after_dispute(self) -> None:
        if not self.summary.toPlainText().strip():
            self.dispute_error.setText(translate("citizen", "请填写纠纷简要情况。"))
            return
        self.dispute_error.clear()
        self.show_page(CONFIRM)

    def _confirm(self) -> QWidget:
        self.address_ok = QCheckBox(translate("citizen", "我确认上面填写的住址和电话可以用来给我送达通知和文书"))
        self.pad = SignaturePad()
        self.pad.setMinimumHeight(180)
        clear = QPushButton(translate("citizen", "重新签名"))
        clear.clicked.connect(self.pad.clear)
        self.confirm_error = QLabel()
        theme.mark(self.confirm_error, role="error")
        back, self.submit = self._nav(DISPUTE, self._submit, translate("citizen", "提交申请"))
        sign = QLabel(translate("citizen", "请在下面的框里签上您的名字："))
        return self._page(translate("citizen", "第四步：确认并签名"), self.address_ok, sign, self.pad, clear,
                          self.confirm_error, buttons=(back, self.submit))

    def _submit(self) -> None:
        from ..core.services.self_service import SelfApplication
        data = SelfApplication(applicant=self.applicant.value(), respondent=self.respondent.value(),
                               summary=self.summary.toPlainText(), claims=self.claims.toPlainText(),
                               dispute_type=self.dispute_type.currentData(), accepted_notice=self.notice_read.isChecked(),
                               address_confirmed=self.address_ok.isChecked(),
                               signature=[[(x, y, p, t) for x, y, p, t in s] for s in self.pad.strokes])
        self.submit.setEnabled(False)

        def done(receipt):
            self.submit.setEnabled(True)
            self.receipt = receipt
            self.done_label.setText(translate("citizen", "申请已提交。受理编号：{number}\n请收好回执，凭回执上的二维码可以查询办理进度。")
                                    .format(number=receipt.case_number))
            self.show_page(DONE)

        def failed(exc):
            self.submit.setEnabled(True)
            errors = getattr(exc, "errors", None)
            self.confirm_error.setText("\n".join(e.message for e in errors) if errors else getattr(exc, "message", str(exc)))
        self.tasks.run(self.station_app.self_service.apply, data, on_done=done, on_error=failed)

    def _done(self) -> QWidget:
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        theme.mark(self.done_label, role="heading")
        self.print_button = _big(translate("citizen", "打印回执"), primary=True)
        self.print_button.clicked.connect(self._print_receipt)
        finish = _big(translate("citizen", "完成"))
        finish.clicked.connect(self.wipe)
        return self._page(translate("citizen", "提交成功"), self.done_label, buttons=(self.print_button, finish))

    def _print_receipt(self) -> None:
        from .preview import PreviewDialog
        self.preview = PreviewDialog(translate("citizen", "回执"), self.receipt.pdf, kiosk=True, parent=self)
        self.preview.show()

    def _status(self) -> QWidget:
        self.token = QLineEdit()
        self.token.setPlaceholderText(translate("citizen", "把回执上的二维码对准扫码器，或输入回执上的查询码"))
        self.token.returnPressed.connect(self._lookup)
        ask = _big(translate("citizen", "查询"), primary=True)
        ask.clicked.connect(self._lookup)
        self.status_label = QLabel()
        theme.mark(self.status_label, role="heading")
        home = _big(translate("citizen", "返回首页"))
        home.clicked.connect(self.wipe)
        return self._page(translate("citizen", "查询办理进度"), self.token, self.status_label, buttons=(home, ask))

    def _lookup(self) -> None:
        from ..core.domain.errors import SuyuanError
        from ..core.services.self_service import token_from_scan
        try:
            words = self.station_app.self_service.status(token_from_scan(self.token.text()))
        except SuyuanError as exc:
            words = exc.message
        self.status_label.setText(words)
        self.token.clear()

    def _leave(self) -> QWidget:
        self.staff_user, self.staff_password = QLineEdit(), QLineEdit()
        self.staff_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.staff_user.setPlaceholderText(translate("citizen", "工作人员用户名"))
        self.staff_password.setPlaceholderText(translate("citizen", "密码"))
        self.staff_password.returnPressed.connect(self._staff_login)
        self.leave_error = QLabel()
        theme.mark(self.leave_error, role="error")
        back = _big(translate("citizen", "返回首页"))
        back.clicked.connect(self.wipe)
        go = _big(translate("citizen", "退出自助申请"), primary=True)
        go.clicked.connect(self._staff_login)
        return self._page(translate("citizen", "工作人员退出"), self.staff_user, self.staff_password, self.leave_error,
                          buttons=(back, go))

    def _staff_login(self) -> None:
        from ..core.domain.errors import SuyuanError
        try:
            user = self.station_app.users.authenticate(self.staff_user.text().strip(), self.staff_password.text())
        except SuyuanError as exc:
            self.leave_error.setText(exc.message)
            self.staff_password.clear()
            return
        self.staff_password.clear()
        if user.role not in ("mediator", "admin"):
            self.leave_error.setText(translate("citizen", "只有调解员或管理员可以退出自助申请。"))
            return
        self.left.emit()
        self.close()

    # --- navigation, idle ------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self._touched()

    def _touched(self) -> None:
        self.warning.hide()
        self.wipe_timer.stop()
        if self.pages.currentIndex() != START:
            self.idle.start()

    def _warn(self) -> None:
        self.warning.setText(translate("citizen", "您还在吗？如果没有操作，将返回首页并清除已填写的内容。"))
        self.warning.show()
        self.wipe_timer.start()

    def wipe(self) -> None:
        """Back to the start with nothing of the last person left on screen."""
        self.idle.stop()
        self.wipe_timer.stop()
        self.warning.hide()
        old = self.pages.widget(PARTIES)
        self.pages.removeWidget(old)
        old.deleteLater()
        self.pages.insertWidget(PARTIES, self._parties())
        for w in self.pages.widget(PARTIES).findChildren(QWidget):
            w.installEventFilter(self.touches)
        for box in (self.summary, self.claims):
            box.clear()
        self.dispute_type.setCurrentIndex(max(self.dispute_type.findData(DisputeType.OTHER.value), 0))
        for check in (self.notice_read, self.address_ok):
            check.setChecked(False)
        self.pad.clear()
        for label in (self.dispute_error, self.confirm_error, self.status_label, self.leave_error, self.done_label):
            label.clear()
        self.token.clear()
        self.staff_user.clear()
        self.staff_password.clear()
        self.receipt = None
        self.pages.setCurrentIndex(START)
