"""群众自助申请 at the kiosk, through the real widgets: an application with the simulated ID card
reader, the receipt and the status; nothing in citizen mode reaches a case; idle wipes; leaving
takes a staff login."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit

from suyuan_desktop.core.domain.idcard_chip import SAMPLE_CARD
from tests.helpers.builders import LI_ID
from tests.unit.gui.conftest import type_text


@pytest.fixture
def citizen(qtbot, gui_station, tasks):
    from suyuan_desktop.gui.citizen import CitizenWindow
    station, _ = gui_station
    station.computer.save_idcard_reader("simulator")
    w = CitizenWindow(station, tasks)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def sign(qtbot, pad):
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 40))
    for x in range(30, 200, 20):
        qtbot.mouseMove(pad, QPoint(x, 40 + (x % 40)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(210, 50))


def test_a_citizen_applies_with_the_id_card_and_follows_the_application(qtbot, citizen, gui_station, tasks):
    station, _ = gui_station
    qtbot.mouseClick(citizen.apply_button, Qt.MouseButton.LeftButton)
    assert not citizen.notice_next.isEnabled()                        # the 告知 first
    citizen.notice_read.setChecked(True)
    qtbot.mouseClick(citizen.notice_next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(citizen.card_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: citizen.applicant.name.text() == SAMPLE_CARD.name, timeout=5000)
    qtbot.keyClicks(citizen.applicant.phone.edit, "13800138000")
    type_text(qtbot, citizen.respondent.name.edit, "李四")
    qtbot.keyClicks(citizen.respondent.id_number.edit, LI_ID)
    citizen._after_parties()
    assert citizen.pages.currentIndex() == 3
    citizen._after_dispute()
    assert "纠纷简要情况" in citizen.dispute_error.text()              # said on the page, nothing saved
    type_text(qtbot, citizen.summary, "邻居装修噪音影响休息，多次协商未果。")
    citizen._after_dispute()
    citizen._submit()                                                 # no address confirmation, no signature
    tasks.wait()
    qtbot.waitUntil(lambda: "签名" in citizen.confirm_error.text(), timeout=5000)
    assert station.cases.count() == 0
    citizen.address_ok.setChecked(True)
    sign(qtbot, citizen.pad)
    qtbot.mouseClick(citizen.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: citizen.receipt is not None, timeout=10000)
    case = station.cases.get(citizen.receipt.case_number)
    assert case.status == "received" and case.registered_by == "自助申请" and case.parties[0].name == SAMPLE_CARD.name
    assert citizen.receipt.case_number in citizen.done_label.text()

    qtbot.mouseClick(citizen.print_button, Qt.MouseButton.LeftButton)   # the receipt, to the kiosk printer
    assert citizen.preview.isVisible()
    citizen.preview.close()
    token = citizen.receipt.token
    citizen.wipe()
    assert citizen.pages.currentIndex() == 0 and citizen.applicant.name.text() == "" and not citizen.pad.strokes
    qtbot.mouseClick(citizen.status_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(citizen.token, f"SUYUAN-RECEIPT:{token}")           # as a scanner types the QR code
    qtbot.keyClick(citizen.token, Qt.Key.Key_Return)
    assert citizen.status_label.text() == "已收到申请，等待受理"
    qtbot.keyClicks(citizen.token, "made-up-token")
    qtbot.keyClick(citizen.token, Qt.Key.Key_Return)
    assert "查不到" in citizen.status_label.text()


def test_nothing_in_citizen_mode_reaches_a_case(qtbot, citizen, gui_station):
    """Every button on every page, and the usual shortcuts: no case, list, search or document
    appears, and the mode has no shortcut of its own."""
    from suyuan_desktop.core.services.users import actor_for
    from tests.helpers.builders import concluded_case
    station, user = gui_station
    secret = concluded_case(station, actor_for(user))
    from PySide6.QtGui import QShortcut
    assert citizen.findChildren(QShortcut) == []
    skip = {citizen.submit, citizen.print_button}
    for index in range(citizen.pages.count()):
        citizen.pages.setCurrentIndex(index)
        for button in citizen.pages.widget(index).findChildren(QAbstractButton):
            if button in skip or not button.isVisible():
                continue
            button.click()
            citizen.pages.setCurrentIndex(index)
    for key, mod in ((Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),
                     (Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
                     (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)):
        qtbot.keyClick(citizen, key, mod)
    shown = " ".join(w.text() for w in citizen.findChildren(QLineEdit)) + " ".join(
        label.text() for label in citizen.findChildren(type(citizen.status_label)))
    assert secret.case_number not in shown and secret.title not in shown and "张三" not in shown
    names = {type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()}
    assert not names & {"MainWindow", "CaseWorkspace", "CaseListPage", "HomePage", "StatsPage", "PreviewDialog"}
    assert citizen.isVisible()                                        # and it is still there


def test_idle_warns_then_wipes_and_leaving_takes_a_staff_login(qtbot, gui_station, tasks):
    from suyuan_desktop.gui.citizen import CitizenWindow
    station, _ = gui_station
    w = CitizenWindow(station, tasks, idle_seconds=0.2, warn_seconds=0.3)
    qtbot.addWidget(w)
    w.show()
    qtbot.mouseClick(w.apply_button, Qt.MouseButton.LeftButton)
    w.notice_read.setChecked(True)
    w.show_page(2)
    type_text(qtbot, w.applicant.name.edit, "王五")
    qtbot.waitUntil(lambda: w.warning.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: w.pages.currentIndex() == 0, timeout=3000)
    assert w.applicant.name.text() == "" and not w.notice_read.isChecked() and not w.warning.isVisible()

    left = []
    w.left.connect(lambda: left.append(True))
    qtbot.mouseClick(w.staff_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(w.staff_user, "admin")
    qtbot.keyClicks(w.staff_password, "wrong-password")
    qtbot.keyClick(w.staff_password, Qt.Key.Key_Return)
    assert not left and w.leave_error.text() and w.isVisible()
    qtbot.keyClicks(w.staff_password, "admin-pass-1")
    qtbot.keyClick(w.staff_password, Qt.Key.Key_Return)
    assert left and not w.isVisible()
