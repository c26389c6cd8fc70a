"""Each workflow end to end through real widgets (pytest-qt, offscreen)."""
from __future__ import annotations

import datetime as dt
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from suyuan_desktop.core.services.station import StationApp
from tests.helpers.builders import LI_ID, ZHANG_ID, concluded_case, failed_case, mediating_case, new_case
from tests.unit.gui.conftest import run_modal, type_text


def ok_button(dlg):
    return dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)


def open_workspace(qtbot, window, case_id):
    """Open a case from the main window and wait until its workspace shows it."""
    window.open_case(case_id)
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.case is not None and ws.case.id == case_id, timeout=5000)
    return ws


def action_buttons(ws) -> dict:
    """The workspace's action buttons by their text."""
    widgets = (ws.actions_bar.itemAt(i).widget() for i in range(ws.actions_bar.count()))
    return {b.text(): b for b in widgets if b is not None}


def wait_idle(qtbot, window):
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=10000)


def test_first_run_wizard_creates_the_station(qtbot, tmp_path):
    from suyuan_desktop.gui.first_run import FirstRunWizard
    wizard = FirstRunWizard(tmp_path / "new")
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.station_page
    assert not page.isComplete()
    qtbot.keyClicks(page.ui.codeEdit, "4107/03")
    assert not page.isComplete()
    page.ui.codeEdit.editingFinished.emit()  # leaving the field shows why
    assert "字母、数字" in page.ui.codeError.text()
    page.ui.codeEdit.clear()
    qtbot.keyClicks(page.ui.codeEdit, "410703001")
    type_text(qtbot, page.ui.nameEdit, "平原镇矛盾纠纷调处中心")
    type_text(qtbot, page.ui.townshipEdit, "平原镇")
    type_text(qtbot, page.ui.shortEdit, "平原")
    assert page.isComplete()
    assert page.ui.exampleLabel.text().endswith("平原人调字第0001号")
    wizard.next()
    admin = wizard.admin_page
    qtbot.keyClicks(admin.username.edit, "admin")
    type_text(qtbot, admin.display.edit, "王建国")
    qtbot.keyClicks(admin.password.edit, "short")
    admin.password.edit.editingFinished.emit()
    assert not admin.isComplete() and "至少需要8位" in admin.password.error.text()
    admin.password.edit.clear()
    qtbot.keyClicks(admin.password.edit, "admin-pass-1")
    qtbot.keyClicks(admin.confirm.edit, "admin-pass-1")
    assert admin.isComplete()
    wizard.next()
    district = wizard.district_page
    assert district.isComplete()  # optional: empty is fine
    district.server.edit.setText("http://district.example.cn")
    assert not district.isComplete()  # plain http to another machine is refused, and a code is needed
    district.server.edit.clear()
    wizard.accept()
    assert not wizard.button(wizard.WizardButton.FinishButton).isEnabled()  # creating, off the GUI thread
    qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted, timeout=10000)
    assert StationApp.exists(tmp_path / "new")
    assert wizard.station_app.station().short_name == "平原"
    wizard.tasks.wait()
    wizard.station_app.close()


def test_login_with_wrong_then_right_password(qtbot, gui_station):
    from suyuan_desktop.gui.login import LoginDialog
    station, _ = gui_station
    dlg = LoginDialog(station, "平原镇矛盾纠纷调处中心")
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.ui.usernameEdit, "admin")
    qtbot.keyClicks(dlg.ui.passwordEdit, "wrong-password")
    qtbot.mouseClick(dlg.ui.loginButton, Qt.MouseButton.LeftButton)
    assert not dlg.ui.loginButton.isEnabled()  # checked off the GUI thread
    qtbot.waitUntil(lambda: "还可尝试4次" in dlg.ui.errorLabel.text(), timeout=5000)
    assert dlg.user is None and dlg.ui.passwordEdit.text() == "" and dlg.ui.loginButton.isEnabled()
    qtbot.keyClicks(dlg.ui.passwordEdit, "admin-pass-1")
    qtbot.keyPress(dlg.ui.passwordEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.user is not None, timeout=5000)
    assert dlg.user.username == "admin" and dlg.result() == 1
    dlg.tasks.wait()


def test_the_login_screen_says_when_the_database_is_being_upgraded_and_logs_in_after(qtbot, gui_station):
    """A new version's first start may migrate the station for a minute while the login screen is
    up: the screen says so (the worker thread tells it), keeps saying so when 登录 is pressed, and
    logs in once the station is open."""
    import threading

    from suyuan_desktop.gui.login import LoginDialog
    station, _ = gui_station
    dlg = LoginDialog(None, "", username="admin")
    qtbot.addWidget(dlg)
    worker = threading.Thread(target=dlg.migrating.emit, args=("0014", "0015"))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "正在升级工作站数据库" in dlg.ui.errorLabel.text(), timeout=5000)
    qtbot.keyClicks(dlg.ui.passwordEdit, "admin-pass-1")
    qtbot.keyPress(dlg.ui.passwordEdit, Qt.Key.Key_Return)
    assert "正在升级工作站数据库" in dlg.ui.errorLabel.text() and dlg.user is None
    dlg.set_station(station, "平原镇矛盾纠纷调处中心")
    qtbot.waitUntil(lambda: dlg.user is not None, timeout=5000)
    assert dlg.user.username == "admin" and "升级" not in dlg.ui.errorLabel.text()
    dlg.tasks.wait()


def test_intake_with_invalid_then_valid_input(qtbot, gui_station, tasks):
    from suyuan_desktop.gui.intake import IntakeDialog
    station, user = gui_station
    dlg = IntakeDialog(station, user, tasks)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.save_button.isEnabled()
    assert dlg.save_blocked.text() == "还不能保存：请先填好 纠纷名称、纠纷简要情况、当事人 1、当事人 2。"
    type_text(qtbot, dlg.title.edit, "张三与李四相邻关系纠纷")
    dlg.summary.setPlainText("李四修建院墙堵塞排水沟。")
    zhang, li = dlg.party_editors
    type_text(qtbot, zhang.name.edit, "张三")
    qtbot.keyClicks(zhang.id_number.edit, ZHANG_ID[:-1] + ("0" if ZHANG_ID[-1] != "0" else "1"))
    zhang.id_number.edit.editingFinished.emit()
    assert "校验码" in zhang.id_number.error.text() and not dlg.save_button.isEnabled()
    zhang.id_number.edit.clear()
    qtbot.keyClicks(zhang.id_number.edit, ZHANG_ID.lower())
    assert "男，1975年03月15日出生" in zhang.derived.text()
    qtbot.keyClicks(zhang.phone.edit, "1380013800")
    zhang.phone.edit.editingFinished.emit()
    assert "11位" in zhang.phone.error.text() and not dlg.save_button.isEnabled()
    qtbot.keyClicks(zhang.phone.edit, "0")
    type_text(qtbot, li.name.edit, "新乡市卫滨区鑫源商贸有限公司")
    li.kind.setCurrentIndex(li.kind.findData("organisation"))
    assert li.credit_code.isVisible() and not li.id_number.isVisible()
    assert not dlg.save_button.isEnabled()  # an organisation needs its legal representative
    assert dlg.save_blocked.text() == "还不能保存：请先填好 当事人 2。"
    type_text(qtbot, li.legal_rep.edit, "赵六")
    qtbot.keyClicks(li.credit_code.edit, "91110000600037341L")
    assert dlg.save_button.isEnabled() and dlg.save_blocked.text() == ""
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.created is not None, timeout=10000)
    case = station.cases.get(dlg.created.id)
    assert case.case_number == "（2026）平原人调字第0001号"
    assert case.parties[0].id_number == ZHANG_ID and case.parties[1].credit_code == "91110000600037341L"


def test_unsaved_intake_asks_before_closing(qtbot, gui_station, quiet_messages, tasks):
    from suyuan_desktop.gui.intake import IntakeDialog
    station, user = gui_station
    dlg = IntakeDialog(station, user, tasks)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(qtbot, dlg.title.edit, "未保存的纠纷")
    quiet_messages.auto_answer(False)
    dlg.reject()
    assert dlg.isVisible() and quiet_messages.shown[-1][0] == "ask"
    quiet_messages.auto_answer(True)  # the test's own teardown closes it: let it go
    dlg.reject()
    assert not dlg.isVisible()


@pytest.fixture
def window(qtbot, gui_station):
    from suyuan_desktop.gui.main_window import MainWindow
    station, user = gui_station
    win = MainWindow(station, user)
    qtbot.addWidget(win)
    win.show()
    wait_idle(qtbot, win)
    return win


def test_session_agreement_and_printing_to_pdf(qtbot, window, gui_station, tmp_path):
    from pypdf import PdfReader

    from suyuan_desktop.gui import dialogs
    station, user = gui_station
    from suyuan_desktop.core.services.users import actor_for
    case = mediating_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)
    buttons = {ws.actions_bar.itemAt(i).widget().text() for i in range(ws.actions_bar.count()) if ws.actions_bar.itemAt(i).widget()}
    assert {"记录调解", "调解协议", "终止调解", "撤回"} <= buttons and "归档" not in buttons

    def fill_session(dlg):
        assert dlg.recorder.text() == user.display_name  # 记录人: the one signed in
        # 到场当事人 from the case's parties, all ticked; 李四 did not come this time
        assert [(b.text(), b.isChecked()) for b in dlg.attendee_boxes] == [("张三", True), ("李四", True)]
        dlg.attendee_boxes[1].setChecked(False)
        dlg.content.setPlainText("双方当面陈述，调解员释法说理。")
        ok_button(dlg).click()
    run_modal(qtbot, dialogs.SessionDialog, fill_session)
    ws.record_session()
    assert len(station.cases.get(case.id).sessions) == 2
    session = station.cases.get(case.id).sessions[-1]
    assert (session.recorder, session.attendees) == (user.display_name, "张三")

    def fill_agreement(dlg):
        dlg.clauses.item(0, 0).setText("李四赔偿张三损失")
        dlg.clauses.item(0, 1).setText("1200")
        assert "壹仟贰佰元整" in dlg.words.text()
        # no performance deadline unless one is set: not today's date ticked by default
        assert not dlg.has_deadline.isChecked() and not dlg.deadline.isEnabled()
        dlg.method.setText("现金支付")
        dlg.signed.setChecked(True)
        ok_button(dlg).click()
    run_modal(qtbot, dialogs.AgreementEditor, fill_agreement)
    ws.edit_agreement()
    assert station.cases.get(case.id).status == "agreed"
    assert station.cases.get(case.id).agreements[-1].performance_deadline is None
    qtbot.waitUntil(lambda: ws.case.status == "agreed", timeout=5000)

    ws.print_document("agreement")
    qtbot.waitUntil(lambda: getattr(ws, "last_preview", None) is not None, timeout=10000)
    preview = ws.last_preview
    assert preview.doc.pageCount() == 2
    out = tmp_path / "printed.pdf"
    preview.output_file = str(out)
    preview.kiosk = True  # kiosk mode prints straight to the configured printer, no dialog
    preview.print_document()
    qtbot.waitUntil(lambda: station.documents.print_history(case.id) != [], timeout=5000)
    assert station.documents.print_history(case.id) == [("人民调解协议书", 1, str(out), 1, "admin")]
    preview.accept()
    reader = PdfReader(str(out))
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595) < 3 and abs(float(box.height) - 842) < 3  # A4


def test_failed_mediation_ends_in_undisputed_facts(qtbot, window, gui_station):
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui import dialogs
    station, user = gui_station
    case = mediating_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)

    def fill_facts(dlg):
        edit, boxes = dlg.rows[0]
        edit.setText("张三与李四系相邻关系。")
        boxes[0].setChecked(True)  # only one party confirmed: the service refuses
        dlg.consent.setChecked(True)
        ok_button(dlg).click()

        def fix(again):  # the dialog stays up; the service's reason appears on it, nothing typed is lost
            assert again is dlg
            qtbot.waitUntil(lambda: "李四" in dlg.error.text(), timeout=5000)
            assert edit.text() == "张三与李四系相邻关系。" and dlg.isVisible()
            boxes[1].setChecked(True)
            ok_button(dlg).click()
        run_modal(qtbot, dialogs.FactsEditor, fix)
    run_modal(qtbot, dialogs.FactsEditor, fill_facts)
    ws.record_facts()
    assert station.cases.get(case.id).fact_records[0].facts[0].text == "张三与李四系相邻关系。"

    def fill_terminate(dlg):
        dlg.reason.setCurrentIndex(dlg.reason.findData("large_differences"))
        ok_button(dlg).click()
    run_modal(qtbot, dialogs.TerminateDialog, fill_terminate)
    ws.terminate()
    assert station.cases.get(case.id).status == "failed"


def test_agreement_typed_before_a_crash_comes_back_as_a_draft(qtbot, window, gui_station):
    from PySide6.QtWidgets import QDialog as BaseDialog

    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui import dialogs
    station, user = gui_station
    case = mediating_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)
    key = f"AgreementEditor:{case.id}"

    def type_then_die(dlg):
        dlg.clauses.item(0, 0).setText("李四于2026年12月10日前赔偿张三修缮费")
        dlg.clauses.item(0, 1).setText("3500")
        dlg.method.setText("银行转账")
        qtbot.waitUntil(lambda: station.drafts.get(user.id, key) is not None, timeout=5000)  # 2 s after typing
        BaseDialog.reject(dlg)  # as if the process were killed here: nothing of the form's own closing runs
    run_modal(qtbot, dialogs.AgreementEditor, type_then_die)
    ws.edit_agreement()
    reopened = StationApp.open(station.data_dir)
    try:
        assert reopened.drafts.get(user.id, key).kind == "AgreementEditor"
    finally:
        reopened.close()

    def restored(dlg):
        assert dlg.clauses.item(0, 0).text() == "李四于2026年12月10日前赔偿张三修缮费"
        assert dlg.clauses.item(0, 1).text() == "3500" and "叁仟伍佰元整" in dlg.words.text()
        assert dlg.method.text() == "银行转账"
        dlg.signed.setChecked(True)
        ok_button(dlg).click()
    run_modal(qtbot, dialogs.AgreementEditor, restored)
    ws.edit_agreement()
    ag = station.cases.get(case.id).effective_agreement
    assert ag.clauses[0].text == "李四于2026年12月10日前赔偿张三修缮费" and str(ag.clauses[0].amount) == "3500.00"
    window.tasks.wait()
    assert station.drafts.get(user.id, key) is None


def test_home_shows_the_judicial_confirmation_deadline(qtbot, gui_station):
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui.main_window import MainWindow
    station, user = gui_station
    from suyuan_desktop.core.services.inputs import AgreementInput
    from tests.helpers.builders import sign_all
    c = mediating_case(station, actor_for(user))
    station.cases.save_agreement(actor_for(user), c.id, AgreementInput(
        facts_and_disputes="x", clauses=["赔偿"], performance_method="现金", party_signatures=sign_all(c),
        mediator_signed_date="2026-11-22", sealed_date="2026-11-22"))
    win = MainWindow(station, user)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.home.deadlines.rowCount() > 0, timeout=5000)
    rows = [[win.home.deadlines.index(r, col).data() for col in range(5)] for r in range(win.home.deadlines.rowCount())]
    assert ["2026-12-22", "还剩 24 天", "司法确认申请期限", c.case_number, c.title] in rows


def test_follow_up_through_the_dialog(qtbot, window, gui_station):
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui import dialogs
    station, user = gui_station
    case = concluded_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)

    def fill(dlg):
        dlg.status.setCurrentIndex(dlg.status.findData("performed"))
        dlg.notes.setPlainText("余款已付清，双方满意。")
        ok_button(dlg).click()
    run_modal(qtbot, dialogs.FollowUpDialog, fill)
    ws.follow_up()
    assert station.cases.get(case.id).status == "performed"


def test_kiosk_idle_lock_keeps_the_unsaved_intake(qtbot, gui_station):
    from suyuan_desktop.gui.intake import IntakeDialog
    from suyuan_desktop.gui.login import LoginDialog
    from suyuan_desktop.gui.main_window import MainWindow
    station, user = gui_station
    win = MainWindow(station, user, kiosk=True, idle_minutes=10)
    qtbot.addWidget(win)
    win.show()
    intake = IntakeDialog(station, user, win.tasks, win)
    intake.show()
    type_text(qtbot, intake.title.edit, "锁屏前填写的纠纷")
    type_text(qtbot, intake.party_editors[0].name.edit, "张三")

    seen = {}

    def unlock(dlg):
        seen["hidden"] = not intake.isVisible() and not win.isVisible() and win.locked
        win.idle.timer.setInterval(600_000)  # no second lock during the rest of the test
        qtbot.keyClicks(dlg.ui.passwordEdit, "admin-pass-1")
        dlg.ui.loginButton.click()
    run_modal(qtbot, LoginDialog, unlock)
    win.idle.timer.setInterval(50)  # the mediator walks away: the idle clock runs out
    win.idle.timer.start()
    qtbot.waitUntil(lambda: "hidden" in seen and not win.locked, timeout=5000)
    assert seen["hidden"], "while locked, the windows (and the draft) are hidden"
    assert intake.isVisible() and intake.title.text() == "锁屏前填写的纠纷"
    assert intake.party_editors[0].name.text() == "张三"


def test_kiosk_lock_writes_the_draft_to_disk_and_the_next_intake_restores_it(qtbot, gui_station):
    """The kiosk locks, nobody unlocks, the program is quit at the lock screen: the next time the
    mediator opens 登记新案件 (here after reopening the station from disk) the input is back, and
    registering the case deletes the draft."""
    from suyuan_desktop.gui import messages
    from suyuan_desktop.gui.intake import IntakeDialog
    from suyuan_desktop.gui.login import LoginDialog
    from suyuan_desktop.gui.main_window import MainWindow
    station, user = gui_station
    win = MainWindow(station, user, kiosk=True, idle_minutes=10)
    qtbot.addWidget(win)
    win.show()
    intake = IntakeDialog(station, user, win.tasks, win)
    intake.show()
    type_text(qtbot, intake.title.edit, "停电前填写的纠纷")
    intake.source.setCurrentIndex(intake.source.findData("court_assigned"))
    type_text(qtbot, intake.court.edit, "新乡市卫滨区人民法院")
    type_text(qtbot, intake.party_editors[0].name.edit, "张三")
    qtbot.keyClicks(intake.party_editors[0].id_number.edit, ZHANG_ID)
    from suyuan_desktop.core.domain.enums import PartyRole
    intake.add_party(PartyRole.THIRD_PARTY)
    type_text(qtbot, intake.party_editors[2].name.edit, "王五")
    assert station.drafts.get(user.id, "intake") is None  # typing pauses for 2 s before a write

    def walk_away(dlg):  # nobody unlocks: quit at the lock screen
        messages.auto_answer(True)
        dlg.reject()
    run_modal(qtbot, LoginDialog, walk_away)
    win.idle.timer.setInterval(50)
    win.idle.timer.start()
    qtbot.waitUntil(lambda: station.drafts.get(user.id, "intake") is not None, timeout=5000)
    messages.auto_answer("auto")
    draft = station.drafts.get(user.id, "intake")
    assert draft.payload["title"] == "停电前填写的纠纷" and len(draft.payload["parties"]) == 3

    again = StationApp.open(station.data_dir)  # as after a restart: read back from the file
    try:
        assert again.drafts.get(user.id, "intake").payload == draft.payload
    finally:
        again.close()
    restored = IntakeDialog(station, user, win.tasks, None)
    qtbot.addWidget(restored)
    assert restored.offer_draft()
    assert restored.title.text() == "停电前填写的纠纷"
    assert restored.source.currentData() == "court_assigned" and restored.court.text() == "新乡市卫滨区人民法院"
    assert [e.name.text() for e in restored.party_editors] == ["张三", "", "王五"]
    assert restored.party_editors[0].id_number.text() == ZHANG_ID
    assert "女" in restored.party_editors[0].derived.text() or "男" in restored.party_editors[0].derived.text()
    type_text(qtbot, restored.summary, "李四修墙堵塞排水沟。")
    type_text(qtbot, restored.party_editors[1].name.edit, "李四")
    qtbot.keyClicks(restored.ref_number.edit, "2026-17")
    restored.party_editors[2].remove.click()
    qtbot.waitUntil(lambda: restored.save_button.isEnabled(), timeout=3000)
    restored.save_button.click()
    qtbot.waitUntil(lambda: restored.created is not None, timeout=5000)
    win.tasks.wait()
    assert station.drafts.get(user.id, "intake") is None
    fresh = IntakeDialog(station, user, win.tasks, None)
    qtbot.addWidget(fresh)
    assert not fresh.offer_draft() and fresh.title.text() == ""


def test_discarding_an_intake_deletes_its_draft(qtbot, gui_station, tasks):
    from suyuan_desktop.gui import messages
    from suyuan_desktop.gui.intake import IntakeDialog
    station, user = gui_station
    intake = IntakeDialog(station, user, tasks, None)
    qtbot.addWidget(intake)
    type_text(qtbot, intake.title.edit, "写了一半")
    intake.draft.save_now()
    tasks.wait()
    assert station.drafts.get(user.id, "intake").payload["title"] == "写了一半"
    messages.auto_answer(False)  # "close and delete what was typed?" - no: nothing happens
    intake.reject()
    tasks.wait()
    assert station.drafts.get(user.id, "intake") is not None
    messages.auto_answer(True)
    intake.reject()
    tasks.wait()
    assert station.drafts.get(user.id, "intake") is None


def test_case_list_search_as_you_type(qtbot, window, gui_station):
    from suyuan_desktop.core.services.users import actor_for
    from tests.helpers.builders import new_case
    station, user = gui_station
    for _ in range(3):
        new_case(station, actor_for(user))
    window.show_page(window.cases)
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 3, timeout=5000)
    qtbot.keyClicks(window.cases.search, LI_ID[-4:])  # not a phone tail, not a name: nothing
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 0, timeout=5000)
    window.cases.search.clear()
    type_text(qtbot, window.cases.search, "张三")
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 3 and window.cases.count_label.text() == "共 3 件", timeout=5000)


def test_models_pass_qtmodeltester(qtmodeltester, qtbot, gui_station, tasks):
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui.models import CaseListModel, DeadlineModel
    from tests.helpers.builders import new_case
    station, user = gui_station
    for _ in range(5):
        new_case(station, actor_for(user))
    model = CaseListModel(station.cases, tasks)
    model.set_filter(model.filter)
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=5000)
    qtmodeltester.check(model, force_py=True)
    deadlines = DeadlineModel()
    deadlines.set_items(station.cases.deadlines())
    qtmodeltester.check(deadlines, force_py=True)


def test_case_list_pages_through_many_cases(qtbot, gui_station, tasks):
    from suyuan_desktop.core.services.demo import generate_demo
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui.models import PAGE, CaseListModel
    station, user = gui_station
    generate_demo(station, actor_for(user), 250, seed=9)
    model = CaseListModel(station.cases, tasks)
    model.set_filter(model.filter)
    qtbot.waitUntil(lambda: model.rowCount() == PAGE, timeout=5000)
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model._loading, timeout=5000)
    assert model.rowCount() == 250 and len({r.id for r in model.rows}) == 250


def test_pyside6_keeps_none_refcount_flat():
    """docs/qt-notes.md: PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call and
    aborts the process; an upgrade with that bug must fail here."""
    from PySide6.QtCore import QEvent as E
    app = QApplication.instance() or QApplication([])
    before = sys.getrefcount(None)
    for _ in range(1000):
        E(E.Type.User).accept()
    assert abs(sys.getrefcount(None) - before) < 50
    assert app.thread() is not None  # the application object is still alive and usable afterwards


def test_generated_forms_are_not_stale():
    import subprocess
    from pathlib import Path
    root = Path(__file__).resolve().parents[3]
    r = subprocess.run([sys.executable, str(root / "installer/tools/build_forms.py"), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_smoke_test_command(tmp_path):
    import os
    import subprocess
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run([sys.executable, "-m", "suyuan_desktop.gui.app", "--smoke-test"], capture_output=True, text=True,
                       env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "interactive after" in r.stdout




def test_signature_pad_captures_mouse_strokes_and_keeps_none_refcount_flat(qtbot):
    from PySide6.QtCore import QPoint

    from suyuan_desktop.gui.signature import SignDialog
    dlg = SignDialog(["张三", "李四"])
    qtbot.addWidget(dlg)
    dlg.show()
    pad = dlg.pads["张三"]
    before = sys.getrefcount(None)
    for stroke in range(60):  # the 6.12 bug killed the process during the second stroke
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 30 + stroke % 40))
        for i in range(1, 20):
            qtbot.mouseMove(pad, QPoint(20 + i * 12, 30 + (i * 7 + stroke) % 60))
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(260, 60))
    assert abs(sys.getrefcount(None) - before) < 200
    sigs = dlg.signatures()
    assert list(sigs) == ["张三"] and len(sigs["张三"]["strokes"]) == 60
    assert all(len(s) >= 2 for s in sigs["张三"]["strokes"])
    pad.clear()
    assert dlg.signatures() == {}


def test_case_list_sorts_by_case_number_and_date_on_header_click(qtbot, gui_station):
    from PySide6.QtCore import Qt as _Qt

    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui.main_window import MainWindow
    from tests.helpers.builders import new_case
    station, user = gui_station
    for i, day in enumerate((3, 1, 2)):
        new_case(station, actor_for(user), title=f"纠纷{i}", received_date=f"2026-11-0{day}")
    win = MainWindow(station, user)
    qtbot.addWidget(win)
    win.show()
    win.show_page(win.cases)
    model = win.cases.model
    qtbot.waitUntil(lambda: len(model.rows) == 3, timeout=5000)
    assert [r.received_date.day for r in model.rows] == [3, 2, 1]        # newest first
    header = win.cases.view.horizontalHeader()
    header.setSortIndicator(0, _Qt.SortOrder.AscendingOrder)             # click on 案号
    qtbot.waitUntil(lambda: model.filter.sort == "number_asc" and len(model.rows) == 3, timeout=5000)
    numbers = [r.case_number for r in model.rows]
    assert numbers == sorted(numbers)
    header.setSortIndicator(5, _Qt.SortOrder.AscendingOrder)             # 收案日期, oldest first
    qtbot.waitUntil(lambda: model.filter.sort == "received_asc" and len(model.rows) == 3, timeout=5000)
    assert [r.received_date.day for r in model.rows] == [1, 2, 3]
    header.setSortIndicator(2, _Qt.SortOrder.AscendingOrder)             # 当事人: not sortable in SQL
    assert model.filter.sort == "received_asc" and header.sortIndicatorSection() == 5
    win.cases.search.setText("张三")                                      # a search keeps the order
    win.cases.apply()
    qtbot.waitUntil(lambda: model.filter.text == "张三" and len(model.rows) == 3, timeout=5000)
    assert model.filter.sort == "received_asc"
    qtbot.waitUntil(lambda: win.tasks.pending == 0, timeout=10000)


def test_machine_settings_pick_fonts_and_refuse_a_bad_file(qtbot, gui_station, tmp_path):
    from suyuan_desktop.gui import messages
    from suyuan_desktop.gui.main_window import MainWindow
    from suyuan_desktop.core.resources import resources_dir
    station, user = gui_station
    win = MainWindow(station, user)
    qtbot.addWidget(win)
    win.show()
    page = win.settings
    win.show_page(page)
    page.body_font.setText(str(tmp_path / "没有这个字体.ttf"))
    page.save_machine.click()
    qtbot.waitUntil(lambda: any(kind == "warn" for kind, _ in messages.shown), timeout=5000)
    warn = next(text for kind, text in messages.shown if kind == "warn")
    assert "正文字体" in warn and "找不到字体文件" in warn
    assert station.computer.settings() == {}
    kai = str(resources_dir() / "fonts" / "LXGWWenKai-Regular.ttf")
    page.body_font.setText(kai)
    page.save_machine.click()
    qtbot.waitUntil(lambda: station.computer.settings().get("body_font") == kai, timeout=5000)
    qtbot.waitUntil(lambda: win.tasks.pending == 0, timeout=10000)
    assert any(kind == "info" and "之后出具的文书使用新的字体" in text for kind, text in messages.shown)


def test_kiosk_mode_and_language_chosen_in_settings_apply_at_the_next_start(qtbot, gui_station, monkeypatch):
    """设置 → 本机: touch-screen mode, its idle lock and the language are kept per computer and
    read before the database opens, so the next start comes up in kiosk mode, in English, with the
    chosen idle time; the command line still wins."""
    from suyuan_desktop.gui.main_window import MainWindow
    station, user = gui_station
    win = MainWindow(station, user)
    qtbot.addWidget(win)
    page = win.settings
    win.show_page(page)
    assert win.nav_buttons["settings"].isChecked()
    page.kiosk.setChecked(True)
    page.idle.setValue(3)
    page.language.setCurrentIndex(page.language.findData("en"))
    page.save_machine.click()
    qtbot.waitUntil(lambda: station.computer.settings().get("kiosk") is True, timeout=5000)
    assert station.computer.settings()["idle_minutes"] == 3 and station.computer.settings()["language"] == "en"

    monkeypatch.delenv("SUYUAN_LANG", raising=False)
    from suyuan_desktop.gui.app import parse_args, startup_options
    assert startup_options(parse_args([]), station.data_dir) == ("en", True, 3)
    assert startup_options(parse_args(["--lang", "zh_CN", "--idle-minutes", "1"]), station.data_dir) == ("zh_CN", True, 1)
    assert startup_options(parse_args([]), station.data_dir.parent / "elsewhere") == ("zh_CN", False, 10)


def test_admin_resets_a_password_and_disables_an_account(qtbot, gui_station):
    from suyuan_desktop.core.services.users import LoginFailed, actor_for
    from suyuan_desktop.gui import messages
    from suyuan_desktop.gui.main_window import MainWindow
    from suyuan_desktop.gui.settings import PasswordDialog
    station, user = gui_station
    station.users.add_user(actor_for(user), username="lisi", display_name="李调解员", role="mediator",
                           password="mediator-pass-1")
    win = MainWindow(station, user)
    qtbot.addWidget(win)
    page = win.settings
    page.refresh_users()
    row = next(r for r, u in enumerate(page.users) if u.username == "lisi")
    page.table.selectRow(row)
    assert page.reset_button.isEnabled() and page.toggle_button.text() == "停用"

    def too_short_then_good(dlg):
        dlg.password.setText("short")
        ok_button(dlg).click()
        qtbot.waitUntil(lambda: "8" in dlg.error.text(), timeout=5000)  # the service's rule, on the form
        dlg.password.setText("new-pass-2026")
        ok_button(dlg).click()
    run_modal(qtbot, PasswordDialog, too_short_then_good)
    page.reset_password()
    win.tasks.wait()
    assert station.users.authenticate("lisi", "new-pass-2026").username == "lisi"
    messages.auto_answer(True)
    page.table.selectRow(row)
    page.toggle_active()
    win.tasks.wait()
    qtbot.waitUntil(lambda: page.table.item(row, 3).text() == "停用", timeout=5000)
    with pytest.raises(LoginFailed):
        station.users.authenticate("lisi", "new-pass-2026")


def test_dossier_shows_progress_and_can_be_cancelled(qtbot, window, gui_station, monkeypatch):
    from suyuan_desktop.core.services.users import actor_for
    station, user = gui_station
    case = concluded_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)
    real_issue = station.documents.issue
    import threading
    gate = threading.Event()

    def slow_issue(*a, **kw):  # a slow PC: each document waits until the test lets it go
        gate.wait(5)
        return real_issue(*a, **kw)
    monkeypatch.setattr(station.documents, "issue", slow_issue)
    ws.print_dossier()
    dlg = ws.dossier_progress
    qtbot.waitUntil(lambda: dlg.isVisible(), timeout=3000)  # shown after half a second of work
    assert "正在生成整本卷宗" in dlg.labelText()
    from PySide6.QtWidgets import QPushButton
    cancel = dlg.findChild(QPushButton)
    assert cancel.text() == "取消"
    cancel.click()  # the mediator presses 取消
    gate.set()
    window.tasks.wait()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5000)
    assert getattr(ws, "last_preview", None) is None  # stopped: no dossier opened

    gate.set()
    ws.print_dossier()
    qtbot.waitUntil(lambda: getattr(ws, "last_preview", None) is not None, timeout=20000)
    assert ws.last_preview.doc.pageCount() >= 9
    assert not ws.dossier_progress.isVisible()
    ws.last_preview.accept()


def test_admin_backs_up_from_settings_with_progress_and_can_cancel(qtbot, gui_station, tmp_path, monkeypatch):
    import threading

    from PySide6.QtWidgets import QPushButton

    from suyuan_desktop.core.services import backup as backup_svc
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui import messages
    from suyuan_desktop.gui.main_window import MainWindow
    from suyuan_desktop.gui.settings import BackupDialog
    station, user = gui_station
    new_case(station, actor_for(user))
    win = MainWindow(station, user)
    qtbot.addWidget(win)
    page = win.settings
    target = tmp_path / "U盘" / "平原镇备份.sdb"
    target.parent.mkdir()
    gate = threading.Event()
    real_export = backup_svc.export_encrypted_copy

    def slow_export(*a, **kw):  # a big station on a slow USB stick
        gate.wait(5)
        return real_export(*a, **kw)
    monkeypatch.setattr(backup_svc, "export_encrypted_copy", slow_export)

    def cancel_midway(dlg):
        dlg.path.setText(str(target))
        dlg.passphrase.setText("平原镇备份口令2026")
        dlg.confirm.setText("平原镇备份口令2026")
        ok_button(dlg).click()
        qtbot.waitUntil(lambda: page.backup_progress.isVisible(), timeout=3000)
        page.backup_progress.findChild(QPushButton).click()  # 取消
        gate.set()
        qtbot.waitUntil(lambda: "备份已取消" in dlg.error.text(), timeout=10000)
        assert not target.exists() and not list(target.parent.iterdir())  # no partial file either
        dlg.reject()
    run_modal(qtbot, BackupDialog, cancel_midway)
    page.make_backup()

    gate.set()

    def short_then_good(dlg):
        dlg.path.setText(str(target))
        dlg.passphrase.setText("short")
        dlg.confirm.setText("short")
        ok_button(dlg).click()
        qtbot.waitUntil(lambda: "至少10位" in dlg.error.text(), timeout=5000)  # the service's rule, on the form
        dlg.passphrase.setText("平原镇备份口令2026")
        dlg.confirm.setText("平原镇备份口令2026")
        ok_button(dlg).click()
    run_modal(qtbot, BackupDialog, short_then_good)
    page.make_backup()
    win.tasks.wait()
    assert target.exists() and page.last_backup.tables["cases"] == 1
    report = backup_svc.verify_backup(target, "平原镇备份口令2026")
    assert report.tables["cases"] == 1 and report.audit_entries == page.last_backup.audit_entries
    assert any(kind == "info" and "已备份并校验" in text for kind, text in messages.shown)


def test_suspend_and_resume_from_the_workspace_buttons(qtbot, window, gui_station):
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui import dialogs
    station, user = gui_station
    case = mediating_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)

    def button(text):
        return action_buttons(ws).get(text)
    assert button("恢复调解") is None

    def fill(dlg):
        dlg.reason.setPlainText("李四住院治疗，出院后再调")
        ok_button(dlg).click()
    run_modal(qtbot, dialogs.ReasonDialog, fill)
    button("中止调解").click()
    assert station.cases.get(case.id).status == "suspended"
    assert station.cases.get(case.id).history[-1].note == "李四住院治疗，出院后再调"
    qtbot.waitUntil(lambda: button("恢复调解") is not None, timeout=5000)
    assert button("中止调解") is None
    button("恢复调解").click()
    qtbot.waitUntil(lambda: station.cases.get(case.id).status == "in_mediation", timeout=5000)
    qtbot.waitUntil(lambda: button("中止调解") is not None, timeout=5000)


def test_no_column_on_the_home_page_or_the_case_list_is_narrower_than_its_header(qtbot, window, gui_station):
    from suyuan_desktop.core.services.demo import generate_demo
    from suyuan_desktop.core.services.users import actor_for
    station, user = gui_station
    generate_demo(station, actor_for(user), 30, seed=3)
    window.resize(1366, 768)
    window.show_page(window.home)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.home.mine.rowCount() > 0, timeout=5000)
    views = {"工作台/到期": window.home.deadline_view, "工作台/在办": window.home.mine_view}
    window.show_page(window.cases)
    wait_idle(qtbot, window)
    views["案件"] = window.cases.view
    for name, view in views.items():
        header = view.horizontalHeader()
        for col in range(view.model().columnCount()):
            label = view.model().headerData(col, Qt.Orientation.Horizontal)
            need = header.fontMetrics().horizontalAdvance(label) + 16
            assert view.columnWidth(col) >= need, f"{name}: “{label}” is {view.columnWidth(col)} px, needs {need}"


def test_deadlines_say_how_many_days_are_left_or_overdue(qtbot):
    import datetime as dt

    from suyuan_desktop.core.services.views import DeadlineItem
    from suyuan_desktop.gui.models import DeadlineModel
    model = DeadlineModel()
    due = dt.date(2026, 11, 28)
    model.set_items([DeadlineItem("c", f"（2026）平原人调字第000{i}号", "t", "performance", "协议履行期限",
                                  due + dt.timedelta(days=days), days) for i, days in enumerate((25, -30, 5, 0, -2, 3))])
    shown = [(model.data(model.index(r, 0)), model.data(model.index(r, 1))) for r in range(model.rowCount())]
    # urgency groups with counts; the most recently missed deadline first, then the soonest
    assert shown == [("已逾期 · 2 项", None), ("2026-11-26", "逾期 2 天"), ("2026-10-29", "逾期 30 天"),
                     ("今天到期 · 1 项", None), ("2026-11-28", "今天到期"),
                     ("7 日内 · 2 项", None), ("2026-12-01", "还剩 3 天"), ("2026-12-03", "还剩 5 天"),
                     ("30 日内 · 1 项", None), ("2026-12-23", "还剩 25 天")]
    assert model.group_rows() == [0, 3, 5, 8]
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable  # a heading is not a row to open
    overdue, later = model.data(model.index(1, 1), Qt.ItemDataRole.ForegroundRole), model.data(model.index(9, 1), Qt.ItemDataRole.ForegroundRole)
    assert overdue is not None and later is None  # graded colour: red when overdue, plain a month out


def test_the_workspace_shows_the_next_step_and_hides_what_the_law_no_longer_allows(qtbot, window, gui_station):
    from suyuan_desktop.core.domain.clock import Clock
    from suyuan_desktop.core.services.inputs import AgreementInput
    from suyuan_desktop.core.services.users import actor_for
    from tests.helpers.builders import sign_all
    station, user = gui_station
    case = mediating_case(station, actor_for(user))
    station.cases.save_agreement(actor_for(user), case.id, AgreementInput(
        facts_and_disputes="x", clauses=[{"text": "李四赔偿张三500元", "amount": "500"}], performance_method="现金",
        performance_deadline="2027-01-10", party_signatures=sign_all(case), mediator_signed_date="2026-11-22",
        sealed_date="2026-11-22"))

    ws = open_workspace(qtbot, window, case.id)
    assert "2026年12月22日 前共同向法院申请" in ws.next_step.text() and "还剩 24 天" in ws.next_step.text()
    assert "申请司法确认" in action_buttons(ws)
    ws.closed.emit()
    station.set_clock(Clock(dt.date(2027, 1, 20)))  # the 30 days are over, and so is the payment deadline
    window.open_case(case.id)
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.case is not None and "逾期" in ws.next_step.text(), timeout=5000)
    assert "履行期限" in ws.next_step.text() and "逾期 10 天" in ws.next_step.text()
    assert "#a4262c" in ws.next_step.styleSheet()                 # overdue shows in red
    assert "申请司法确认" not in action_buttons(ws)


def test_assigning_mediators_in_the_workspace(qtbot, window, gui_station):
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui import dialogs
    station, user = gui_station
    zhao = station.users.add_mediator(actor_for(user), "赵调解", "13700137000", title="专职调解员")
    case = new_case(station, actor_for(user))
    station.cases.accept(actor_for(user), case.id)
    ws = open_workspace(qtbot, window, case.id)
    assert ws.next_step.text().startswith("下一步：指派调解员")

    def fill(dlg):
        ok_button(dlg).click()                                 # nobody ticked: said on the form

        def then(again):
            qtbot.waitUntil(lambda: "至少选择一名调解员" in dlg.error.text(), timeout=5000)
            for box in dlg.boxes:
                box.setChecked(True)
            dlg.lead.setCurrentIndex(dlg.lead.findData(zhao.id))
            ok_button(dlg).click()
        run_modal(qtbot, dialogs.MediatorsDialog, then)
    run_modal(qtbot, dialogs.MediatorsDialog, fill)
    action_buttons(ws)["指派调解员"].click()
    after = station.cases.get(case.id)
    assert {m.name for m in after.mediators} == {"王建国", "赵调解"} and after.lead_mediator_id == zhao.id
    qtbot.waitUntil(lambda: ws.next_step.text().startswith("下一步：开展调解"), timeout=5000)


def test_enter_opens_the_case_under_the_cursor_in_every_list(qtbot, window, gui_station):
    from suyuan_desktop.core.services.users import actor_for
    station, user = gui_station
    case = mediating_case(station, actor_for(user))
    for page, view in ((window.cases, window.cases.view), (window.home, window.home.mine_view)):
        window.show_page(page)
        wait_idle(qtbot, window)
        qtbot.waitUntil(lambda v=view: v.model().rowCount() > 0, timeout=5000)
        view.setFocus()
        view.setCurrentIndex(view.model().index(0, 0))
        qtbot.keyClick(view, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.case is not None
                        and window.workspace.case.id == case.id, timeout=5000)
        window.workspace.closed.emit()


def test_id_and_phone_numbers_are_masked_on_screen_until_a_mediator_asks(qtbot, window, gui_station):
    """The parties can see the screen: their numbers are masked until 显示完整号码, which the
    操作记录 keeps."""
    from PySide6.QtCore import QUrl

    from suyuan_desktop.core.services.users import actor_for
    from tests.helpers.builders import LI_ID, ZHANG_ID, new_case
    station, user = gui_station
    case = new_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)
    text = ws.pages["当事人"].toPlainText()
    assert ZHANG_ID not in text and LI_ID not in text and "13800138000" not in text and "5551234" not in text
    assert f"{ZHANG_ID[:6]}********{ZHANG_ID[-4:]}" in text and "138 **** 8000" in text and "0373-****1234" in text
    assert "显示完整号码" in text

    ws._party_link(QUrl("reveal"))
    qtbot.waitUntil(lambda: ZHANG_ID in ws.pages["当事人"].toPlainText(), timeout=5000)
    assert "13800138000" in ws.pages["当事人"].toPlainText().replace(" ", "")
    qtbot.waitUntil(lambda: any(ws.audit.item(r, 2) and "查看完整号码" in ws.audit.item(r, 2).text()
                                for r in range(ws.audit.rowCount())), timeout=5000)
    assert [line.action for line in station.cases.audit_trail(case.id)][0] == "reveal"


def test_the_history_tab_reads_as_who_did_what_in_station_time(qtbot, window, gui_station):
    """操作记录: people's names, China Standard Time, the names of what changed (no column names)."""
    import datetime as dt

    from suyuan_desktop.core.domain.clock import to_station_time
    from suyuan_desktop.core.services.users import actor_for
    from tests.helpers.builders import new_case
    station, user = gui_station
    case = new_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)
    qtbot.waitUntil(lambda: ws.audit.rowCount() > 0, timeout=5000)
    rows = [[ws.audit.item(r, c).text() for c in range(4)] for r in range(ws.audit.rowCount())]
    assert {r[1] for r in rows} == {user.display_name}
    everything = " ".join(" ".join(r) for r in rows)
    for raw in ("id、", "position", "record_id", "case_id", "cases", "parties"):
        assert raw not in everything
    assert any("新增当事人" == r[2] and "姓名/名称" in r[3] and "身份证号码" in r[3] for r in rows)
    # the times are the station's (UTC+8), whatever zone the computer is in
    now = to_station_time(station.clock.utcnow())
    stamps = [dt.datetime.strptime(r[0], "%Y-%m-%d %H:%M") for r in rows]
    assert all(abs((now - s).total_seconds()) < 300 for s in stamps)


def test_the_case_number_template_shows_a_sample_or_what_is_wrong_as_it_is_typed(qtbot, window):
    page = window.settings
    window.show_page(page)
    year = window.station_app.today().year
    assert page.template_preview.text() == f"示例：（{year}）平原人调字第0001号"
    page.template.setText("{short}调字〔{year}〕第{seq:03d}号")
    assert page.template_preview.text() == f"示例：平原调字〔{year}〕第001号"
    page.short.setText("卫滨")
    assert page.template_preview.text() == f"示例：卫滨调字〔{year}〕第001号"
    page.template.setText("{short}调字第{seq}号")  # no year: numbers would repeat every year
    assert "必须包含年份 {year}" in page.template_preview.text()
    page.template.setText("（{year}）{shortname}第{seq}号")
    assert "不认识的占位符{shortname}" in page.template_preview.text()


def test_the_kiosk_window_fits_a_1366x768_screen_on_every_page(qtbot, gui_station):
    """Kiosk mode's larger type made the window need 1235×950 (设置 alone 883 px tall): 锁定, the
    status bar and 同步 fell off a 768-px screen. Every page now fits; 设置 scrolls."""
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui.main_window import MainWindow
    station, user = gui_station
    case = mediating_case(station, actor_for(user))  # an open case: a dozen actions, wrapped
    win = MainWindow(station, user, kiosk=True)
    qtbot.addWidget(win)
    win.show()
    for page in (win.home, win.cases, win.stats, win.settings):
        win.show_page(page)
        if page is win.stats:
            qtbot.waitUntil(lambda: win.stats.report is not None, timeout=10000)
        hint = win.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768, (page, hint)
    win.open_case(case.id)
    qtbot.waitUntil(lambda: win.workspace.case is not None, timeout=5000)
    hint = win.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768, hint
    assert win.lock_button.minimumHeight() >= 44 and all(b.minimumHeight() >= 44 for b in win.nav_buttons.values())


def test_case_numbers_and_dates_show_whole_in_the_kiosks_larger_type(qtbot, gui_station):
    """The home page's and the case list's 案号 and date columns were sized in pixels for the
    ordinary type: on the kiosk a case number read "（2026）平原人调字第00…"."""
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui.main_window import MainWindow
    station, user = gui_station
    case = mediating_case(station, actor_for(user))
    normal = MainWindow(station, user)
    kiosk = MainWindow(station, user, kiosk=True)
    for win in (normal, kiosk):
        qtbot.addWidget(win)
        win.resize(1366, 768)
        win.show()
        win.show_page(win.cases)
        qtbot.waitUntil(lambda w=win: w.cases.model.rowCount() > 0 and w.home.mine.rowCount() > 0, timeout=10000)
    assert kiosk.home.mine_view.fontMetrics().height() > normal.home.mine_view.fontMetrics().height()
    for win in (normal, kiosk):
        for view in (win.home.mine_view, win.cases.view):
            metrics = view.fontMetrics()
            assert view.columnWidth(0) > metrics.horizontalAdvance(case.case_number), view
            assert view.columnWidth(5) > metrics.horizontalAdvance(case.received_date.isoformat()), view
        deadlines = win.home.deadline_view
        assert deadlines.columnWidth(3) > deadlines.fontMetrics().horizontalAdvance(case.case_number)


def test_an_investigation_is_recorded_through_the_window(qtbot, window, gui_station):
    """记录调查: the form's fields, a refusal naming the empty field, then the record on the case."""
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui import dialogs
    station, user = gui_station
    case = mediating_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)
    assert "记录调查" in action_buttons(ws)

    def fill(dlg):
        assert dlg.investigators.text() == user.display_name and dlg.recorder.text() == user.display_name
        dlg.place.setText("东村排水沟现场")
        dlg.subject.setText("村委会主任赵六")
        ok_button(dlg).click()  # no record yet: refused, naming the field; the dialog stays
        qtbot.waitUntil(lambda: "调查记录" in dlg.error.text(), timeout=5000)
        assert dlg.isVisible()
        dlg.record.setPlainText("问：排水沟何时修建？答：2019年由村委会统一修建。")
        ok_button(dlg).click()
    run_modal(qtbot, dialogs.InvestigationDialog, fill)
    action_buttons(ws)["记录调查"].click()
    qtbot.waitUntil(lambda: len(ws.case.investigations) == 1, timeout=5000)
    inv = station.cases.get(case.id).investigations[0]
    assert (inv.place, inv.subject, inv.investigators) == ("东村排水沟现场", "村委会主任赵六", user.display_name)
    assert "村委会主任赵六" in ws.pages["调查与调解记录"].toPlainText()


def test_a_result_arriving_for_a_closed_window_is_dropped(qtbot):
    """Opening another case while the last one's history is still loading deleted the old
    workspace; its result then arrived at a deleted table (seen in CI as a C++ error)."""
    import threading

    import shiboken6
    from PySide6.QtWidgets import QLabel

    from suyuan_desktop.gui.tasks import TaskRunner
    tasks = TaskRunner()
    label = QLabel()
    release = threading.Event()
    tasks.run(lambda: release.wait(5) and "done", on_done=label.setText)
    shiboken6.delete(label)
    release.set()
    assert tasks.wait(5000)
    qtbot.wait(50)  # the result's signal is delivered, and dropped, without an exception


def test_a_supplementary_agreement_supersedes_the_signed_one_through_the_window(qtbot, window, gui_station):
    """补充协议: starts from the effective agreement's terms, needs the reason, takes effect signed."""
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui import dialogs
    station, user = gui_station
    case = concluded_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)
    assert "补充协议" in action_buttons(ws)
    old = next(a for a in ws.case.agreements if a.state == "effective")

    def fill(dlg):
        assert dlg.windowTitle() == "补充协议" and dlg.facts.toPlainText() == ""
        assert dlg.clauses.rowCount() == 3 and dlg.clauses.item(0, 1).text() == "12005.00"  # the old terms
        dlg.facts.setPlainText("李四失业，经双方协商，赔偿款改为分两期支付。")
        dlg.clauses.item(0, 0).setText("李四分两期赔偿张三损失，2027年1月31日前付清")
        dlg.signed.setChecked(True)
        ok_button(dlg).click()
    run_modal(qtbot, dialogs.AgreementEditor, fill)
    action_buttons(ws)["补充协议"].click()
    qtbot.waitUntil(lambda: len(ws.case.agreements) == 2, timeout=5000)
    states = {a.number: a.state for a in station.cases.get(case.id).agreements}
    assert states[old.number] == "superseded" and states[f"{old.number}之2"] == "effective"
    assert "已被补充协议变更" in ws.pages["协议"].toPlainText()


def test_intake_previews_the_courts_mediation_limit(qtbot, gui_station, tasks):
    """委派 30 days, 委托 15 (ordinary) or 7 (simplified) from the day the file is signed for, a
    period ending on a public holiday running on to the next working day (docs/domain-rules.md)."""
    import datetime as dt

    from PySide6.QtCore import QDate

    from suyuan_desktop.core.domain.deadlines import referral_deadline
    from suyuan_desktop.core.domain.enums import ReferralKind, ReferralProcedure
    from suyuan_desktop.gui.intake import IntakeDialog
    station, user = gui_station
    dlg = IntakeDialog(station, user, tasks)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.referral_box.isVisible()
    dlg.source.setCurrentIndex(dlg.source.findData("court_assigned"))
    dlg.signed_for.setDate(QDate(2026, 9, 1))
    due = referral_deadline(dt.date(2026, 9, 1), ReferralKind.ASSIGNED, None, station.calendar())
    assert due == dt.date(2026, 10, 8)  # 1 Oct falls in the National Day holiday
    assert dlg.referral_deadline.text() == "调解期限 30 日，至 2026-10-08 届满（遇法定节假日顺延）。"
    dlg.source.setCurrentIndex(dlg.source.findData("court_entrusted"))
    dlg.procedure.setCurrentIndex(dlg.procedure.findData(ReferralProcedure.SIMPLIFIED.value))
    assert dlg.referral_deadline.text() == "调解期限 7 日，至 2026-09-08 届满（遇法定节假日顺延）。"


def test_a_person_without_an_id_number_is_registered_with_gender_and_birth_date(qtbot, gui_station, tasks):
    from PySide6.QtCore import QDate

    from suyuan_desktop.gui.intake import IntakeDialog
    station, user = gui_station
    dlg = IntakeDialog(station, user, tasks)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(qtbot, dlg.title.edit, "张三与李四相邻关系纠纷")
    dlg.summary.setPlainText("李四修建院墙堵塞排水沟。")
    zhang, li = dlg.party_editors
    type_text(qtbot, zhang.name.edit, "张三")
    qtbot.keyClicks(zhang.id_number.edit, ZHANG_ID)
    assert not zhang.no_id.isVisible()  # the ID number gives both
    type_text(qtbot, li.name.edit, "李四")
    assert li.no_id.isVisible()  # no ID number at hand: say what is known
    li.gender.setCurrentIndex(li.gender.findData("女"))
    li.birth.setDate(QDate(1958, 4, 3))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.created is not None, timeout=10000)
    li_saved = station.cases.get(dlg.created.id).parties[1]
    assert (li_saved.id_number, li_saved.gender, li_saved.age) == (None, "女", 68)


def test_actions_that_end_a_case_stand_apart(qtbot, window, gui_station):
    from suyuan_desktop.core.services.users import actor_for
    station, user = gui_station
    case = mediating_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)
    buttons = action_buttons(ws)
    marked = {text for text, b in buttons.items() if b.property("destructive")}
    assert marked == {"终止调解", "撤回"} and "记录调解" in buttons
    # the next step (开展调解) is the one primary button
    assert [text for text, b in buttons.items() if b.property("primary")] == ["记录调解"]

    def reddish(button) -> int:
        img = button.grab().toImage()
        return sum(1 for x in range(0, img.width(), 2) for y in range(0, img.height(), 2)
                   if (c := img.pixelColor(x, y)).red() > 140 and c.green() < 90 and c.blue() < 90)
    assert reddish(buttons["终止调解"]) > 10 and reddish(buttons["记录调解"]) == 0


def test_an_agreement_the_court_has_confirmed_is_not_offered_for_confirmation_again(qtbot, window, gui_station):
    from suyuan_desktop.core.services.users import actor_for
    station, user = gui_station
    case = concluded_case(station, actor_for(user))  # confirmed on 2026-11-27, within its 30 days
    ws = open_workspace(qtbot, window, case.id)
    assert ws.case.confirmations[0].outcome == "confirmed"
    assert "申请司法确认" not in action_buttons(ws) and "回访" in action_buttons(ws)


def test_editing_the_parties_after_intake(qtbot, window, gui_station):
    """编辑当事人: a wrong phone is refused on its field, a corrected address and a new third party
    are saved; the edited party keeps its id, what the editor does not show (the agent) survives."""
    from suyuan_desktop.core.services.inputs import PartyInput
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui.intake import PartiesDialog
    station, user = gui_station
    case = mediating_case(station, actor_for(user))
    first = case.parties[0]
    # the applicant has an agent, entered from the command line: the window must not drop it
    station.cases.update_parties(actor_for(user), case.id, [
        PartyInput(**{**{k: getattr(p, k) for k in PartyInput.__dataclass_fields__ if hasattr(p, k)},
                      **({"agent_name": "律师周七"} if p.id == first.id else {})}) for p in case.parties])
    ws = open_workspace(qtbot, window, case.id)
    assert "编辑当事人" in action_buttons(ws)

    def fill(dlg):
        assert [e.name.text() for e in dlg.editors] == [p.name for p in case.parties]
        assert dlg.editors[0].id_number.text() == ZHANG_ID
        dlg.editors[1].phone.setText("12345")
        assert not dlg.editors[1].is_valid()
        ok_button(dlg).click()   # refused on the form, naming the party and showing the field's error
        assert "当事人 2" in dlg.error.text() and dlg.isVisible()
        assert "11位" in dlg.editors[1].phone.error.text()
        dlg.editors[1].phone.setText("13900139000")
        dlg.editors[0].address.setText("平原镇东村二组18号")
        dlg.add_button.click()
        third = dlg.editors[-1]
        assert third.role.currentData() == "third_party"
        type_text(qtbot, third.name.edit, "东村村民委员会")
        third.kind.setCurrentIndex(third.kind.findData("organisation"))
        type_text(qtbot, third.legal_rep.edit, "赵六")
        ok_button(dlg).click()
    run_modal(qtbot, PartiesDialog, fill)
    action_buttons(ws)["编辑当事人"].click()
    qtbot.waitUntil(lambda: len(ws.case.parties) == 3, timeout=5000)
    after = station.cases.get(case.id)
    assert [p.name for p in after.parties] == [case.parties[0].name, case.parties[1].name, "东村村民委员会"]
    assert after.parties[0].id == first.id and after.parties[0].address == "平原镇东村二组18号"
    assert after.parties[0].agent_name == "律师周七"
    assert after.parties[1].phone == "13900139000"
    assert "东村村民委员会" in ws.pages["当事人"].toPlainText()


def test_tab_moves_through_the_intake_form_parties_first(qtbot, gui_station, tasks):
    """Tab order follows the MoJ 申请书: each party top to bottom (a person without an ID number
    gets 性别/出生日期 right after it), then the dispute, then 保存并登记; a date field is left by
    Tab like any other."""
    from suyuan_desktop.core.domain.enums import PartyRole
    from suyuan_desktop.gui.intake import IntakeDialog
    station, user = gui_station
    dlg = IntakeDialog(station, user, tasks)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow, timeout=3000)
    first, second = dlg.party_editors
    type_text(qtbot, dlg.title.edit, "张三与李四相邻关系纠纷")  # 保存并登记 needs more; it is still reached

    def tabbing(start, presses):
        (start.focusProxy() or start).setFocus()
        seen = [QApplication.focusWidget()]
        for _ in range(presses):
            assert seen[-1] is not None, seen
            qtbot.keyClick(seen[-1], Qt.Key.Key_Tab)
            seen.append(QApplication.focusWidget())
        return seen

    def proxied(widgets):
        return [w.focusProxy() or w for w in widgets]
    expected = proxied([first.role, first.kind, first.name, first.id_number, first.gender, first.birth, first.phone,
                        first.address, first.ethnicity, first.occupation, first.remove,
                        second.role, second.kind, second.name, second.id_number, second.gender, second.birth,
                        second.phone, second.address, second.ethnicity, second.occupation, second.remove,
                        dlg.ui.addPartyButton, dlg.title, dlg.dtype, dlg.source, dlg.received, dlg.summary,
                        dlg.claims, dlg.risk])
    assert not dlg.is_court()  # the court's fields are hidden, and skipped
    seen = tabbing(first.role, len(expected) - 1)
    assert seen == expected
    # a third party added later takes its place after the second, before 添加当事人
    third = dlg.add_party(PartyRole.THIRD_PARTY)
    qtbot.waitUntil(third.isVisible, timeout=3000)
    seen = tabbing(second.remove, 2)
    assert seen == proxied([second.remove, third.role, third.kind])
    seen = tabbing(third.remove, 1)
    assert seen == [third.remove, dlg.ui.addPartyButton]
    dlg.draft.discard()
    dlg.done(0)


def test_every_kiosk_form_fits_above_the_on_screen_keyboard(qtbot, gui_station):
    """At 1366×768 the on-screen keyboard takes up to 42 % of the height (gui/keyboard.py): a form
    must fit in what is left (its fields scroll), open as a full page, and keep touch targets of
    44 px."""
    from PySide6.QtWidgets import QAbstractButton

    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui import dialogs, keyboard
    from suyuan_desktop.gui.intake import IntakeDialog, PartiesDialog
    from suyuan_desktop.gui.main_window import MainWindow
    from suyuan_desktop.gui.settings import AddUserDialog, BackupDialog, PasswordDialog
    station, user = gui_station
    case = concluded_case(station, actor_for(user))
    win = MainWindow(station, user, kiosk=True)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    today, now = station.today(), station.clock.now()
    room = 768 - int(768 * keyboard.MAX_HEIGHT_SHARE) - 8 - 30  # keyboard, gap, title bar
    forms = [IntakeDialog(station, user, win.tasks, win), PartiesDialog(case, today, win),
             dialogs.ReasonDialog("中止调解", "中止原因", "", win),
             dialogs.MediatorsDialog(case, station.users.list_mediators(), win),
             dialogs.SessionDialog(case, now, win), dialogs.InvestigationDialog(case, now, win),
             dialogs.AgreementEditor(case, today, win), dialogs.OralAgreementDialog(case, today, win),
             dialogs.FactsEditor(case, win), dialogs.TerminateDialog(today, win),
             dialogs.FollowUpDialog(case, user, today, win), dialogs.ConfirmationDialog(today, today, win),
             dialogs.OutcomeDialog(today, win), dialogs.EscalationDialog(today, win),
             dialogs.ScreeningDialog(today, "王建国", win), AddUserDialog(win),
             PasswordDialog("admin", win),
             BackupDialog("/tmp/backup.suyuan", win)]
    for dlg in forms:
        dlg.show()
        hint = dlg.minimumSizeHint()
        name = type(dlg).__name__
        assert hint.width() <= 1366 and hint.height() <= room, (name, hint, room)
        assert dlg.geometry() == win.geometry(), name            # a full page, not a dialog
        small = [b.text() for b in dlg.findChildren(QAbstractButton)
                 if b.isVisibleTo(dlg) and b.text() and b.sizeHint().height() < 44]
        assert not small, (name, small)
        dlg.done(0)


def test_the_statistics_page_counts_lists_the_cases_behind_a_figure_and_exports(qtbot, window, gui_station,
                                                                                 tmp_path):
    """统计: this quarter's figures with charts; a double click on 调解成功 lists the case and opens
    it; 导出 Excel writes the workbook."""
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui.stats_page import ExplainDialog
    station, user = gui_station
    done = concluded_case(station, actor_for(user))
    failed = failed_case(station, actor_for(user))
    new_case(station, actor_for(user), title="王五与赵六物业纠纷", dispute_type="14")
    window.nav_buttons["stats"].click()
    page = window.stats
    qtbot.waitUntil(lambda: page.report is not None, timeout=10000)
    assert page.period.currentText() == "2026年第四季度" and "共受理 3 件" in page.status.text()
    rows = {page.summary.item(r, 0).text().strip(): [page.summary.item(r, c).text() for c in range(1, 6)]
            for r in range(page.summary.rowCount())}
    assert rows["受理纠纷（件）"][0] == "3" and rows["调解成功（件）"][0] == "1" and rows["调解不成（终止）（件）"][0] == "1"
    assert rows["调解成功率（%）"][0] == "50.0%" and rows["协议涉及金额（万元）"][0] == "1.20"
    assert len(page.chart_views) == 3
    assert page.by_quarter.rowCount() == 5 and page.by_quarter.item(4, 0).text() == "2026年第四季度"
    assert page.tabs.isTabVisible(page.tabs.indexOf(page.by_quarter))
    success_row = next(r for r in range(page.summary.rowCount()) if page.summary.item(r, 0).text() == "调解成功（件）")

    def pick(dlg):
        assert dlg.table.rowCount() == 1 and dlg.table.item(0, 0).text() == done.case_number
        dlg.table.setCurrentCell(0, 0)
        dlg.table.activated.emit(dlg.table.currentIndex())
    run_modal(qtbot, ExplainDialog, pick)
    page.summary.cellDoubleClicked.emit(success_row, 1)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.case is not None
                    and window.workspace.case.id == done.id, timeout=5000)
    assert failed.id != done.id
    out = tmp_path / "统计.xlsx"
    page.export_to(str(out))
    qtbot.waitUntil(out.exists, timeout=5000)
    from openpyxl import load_workbook
    assert load_workbook(out)["总体情况"]["B5"].value == 3
    page.export_to(str(tmp_path / "统计"), pdf=True)
    qtbot.waitUntil((tmp_path / "统计.pdf").exists, timeout=10000)
    assert (tmp_path / "统计.pdf").read_bytes().startswith(b"%PDF")


def test_the_workspace_shows_the_case_course_as_a_timeline(qtbot, window, gui_station):
    from suyuan_desktop.core.services.users import actor_for
    station, user = gui_station
    case = concluded_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)
    steps = [label.text() for label in ws.timeline.labels if label.text() != "›"]
    assert [s.split("<br>")[0] for s in steps] == ["✓ 受理", "✓ 调解", "✓ 达成协议", "✓ 协议生效", "✓ 司法确认",
                                                   "● 履行", "✓ 回访", "○ 归档"]
    assert steps[0].endswith("11-20") and "12-10 前" in steps[5] and "部分履行" in steps[5]
    assert ws.timeline.isVisible() and ws.timeline.geometry().bottom() < ws.tabs.geometry().top()


def test_an_escalation_prevented_is_recorded_in_the_window_and_counted(qtbot, window, gui_station):
    """防激化: recorded on the case through its form, shown on 基本情况, counted in cases and persons."""
    from suyuan_desktop.core.domain.statistics import parse_period
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui import dialogs
    station, user = gui_station
    case = mediating_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)

    def fill(dlg):
        dlg.kind.setCurrentIndex(dlg.kind.findData("group_fight"))
        dlg.persons.setValue(12)
        dlg.note.setPlainText("两村村民聚集对峙，经调解员现场劝解散去。")
        ok_button(dlg).click()
    run_modal(qtbot, dialogs.EscalationDialog, fill)
    action_buttons(ws)["防激化"].click()
    qtbot.waitUntil(lambda: len(ws.case.escalations) == 1, timeout=5000)
    assert "防止群体性械斗，涉及 12 人" in ws.pages["基本情况"].toPlainText()
    result = station.stats.report(parse_period("2026-11"))
    assert result.cell("summary.escalation.group_fight.current").value == 1
    assert result.cell("summary.escalation.group_fight.persons.current").value == 12


def test_a_screening_round_is_recorded_on_the_statistics_page_and_counted(qtbot, window, gui_station):
    """排查: 登记排查 on the 统计 page; an empty place is refused on the form; the round is listed and
    its disputes found and prevented counted."""
    from suyuan_desktop.gui import dialogs
    station, user = gui_station
    window.nav_buttons["stats"].click()
    page = window.stats
    qtbot.waitUntil(lambda: page.report is not None, timeout=10000)

    def fill(dlg):
        assert dlg.screeners.text() == user.display_name
        dlg.found.setValue(3)
        dlg.prevented.setValue(2)
        ok_button(dlg).click()                       # no place yet
        qtbot.waitUntil(lambda: "排查地点" in dlg.error.text(), timeout=5000)
        dlg.place.setText("东村")
        ok_button(dlg).click()
    run_modal(qtbot, dialogs.ScreeningDialog, fill)
    page.screening_button.click()
    qtbot.waitUntil(lambda: page.screenings.rowCount() == 1, timeout=10000)
    assert [page.screenings.item(0, c).text() for c in range(1, 5)] == ["东村", user.display_name, "3", "2"]
    rows = {page.summary.item(r, 0).text().strip(): page.summary.item(r, 1).text()
            for r in range(page.summary.rowCount())}
    assert rows["矛盾纠纷排查（次）"] == "1" and rows["发现纠纷（件）"] == "3" and rows["预防纠纷（件）"] == "2"


def test_required_fields_of_the_intake_form_are_marked(qtbot, gui_station, tasks):
    from suyuan_desktop.gui.intake import IntakeDialog
    from suyuan_desktop.gui.widgets import REQUIRED_MARK
    station, user = gui_station
    dlg = IntakeDialog(station, user, tasks)
    qtbot.addWidget(dlg)
    party = dlg.party_editors[0]

    def marked(form, field) -> bool:
        label = form.labelForField(field)
        return label is not None and label.text().startswith(REQUIRED_MARK)
    assert marked(dlg.ui.basicForm, dlg.title) and marked(dlg.ui.referralForm, dlg.court)
    assert marked(party.form, party.name) and marked(party.form, party.legal_rep)
    assert not marked(party.form, party.phone) and not marked(party.form, party.address)
    summary_label = next(label for label in dlg.findChildren(type(dlg.ui.summaryLabel)) if "纠纷简要情况" in label.text())
    assert summary_label.text().startswith(REQUIRED_MARK)
    dlg.draft.discard()


def test_required_fields_of_the_record_forms_are_marked(qtbot, gui_station):
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui import dialogs
    from suyuan_desktop.gui.widgets import REQUIRED_MARK
    station, user = gui_station
    case = mediating_case(station, actor_for(user))
    now, today = station.clock.now(), station.today()

    def marked(dlg, field) -> bool:
        label = dlg.form.labelForField(field)
        return label is not None and label.text().startswith(REQUIRED_MARK)
    inv = dialogs.InvestigationDialog(case, now)
    assert all(marked(inv, f) for f in (inv.place, inv.subject, inv.investigators, inv.record))
    assert not marked(inv, inv.participants)
    session = dialogs.SessionDialog(case, now)
    assert marked(session, session.content) and marked(session, session.attendees)
    assert not marked(session, session.result_edit)
    follow = dialogs.FollowUpDialog(case, user, today)
    assert marked(follow, follow.notes) and marked(follow, follow.visitor)
    for dlg in (inv, session, follow):
        qtbot.addWidget(dlg)


def test_a_failed_court_case_is_handed_off_from_the_workspace(qtbot, window, gui_station, monkeypatch, tmp_path):
    """诉调对接 from the print menu: the package and its manifest land in the folder the mediator
    picks, and the case shows as returned to the court."""
    from PySide6.QtWidgets import QFileDialog

    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui import messages
    from tests.integration.test_court_package import referred_failed_case
    station, user = gui_station
    case = referred_failed_case(station, actor_for(user))
    ws = open_workspace(qtbot, window, case.id)
    action = next(a for a in ws.print_button.menu().actions() if a.text().startswith("诉调对接材料"))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **kw: str(tmp_path))
    action.trigger()
    qtbot.waitUntil(lambda: getattr(ws, "last_package", None) is not None, timeout=20000)
    assert ws.last_package.exists() and ws.last_package.with_suffix(".json").exists()
    assert any("诉调对接材料" in text for kind, text in messages.shown if kind == "info")
    qtbot.waitUntil(lambda: ws.case.status == "returned_to_court", timeout=5000)
    assert station.documents.verify(ws.last_package.read_bytes()).status == "genuine"


def test_intake_fills_a_party_from_the_id_card_reader(qtbot, gui_station, tasks):
    """With a reader set up on this computer, 读身份证 fills the first party not yet filled in; the
    number then gives gender and birth as if typed. Without one, there is no such button."""
    from suyuan_desktop.core.domain.idcard_chip import SAMPLE_CARD
    from suyuan_desktop.gui import messages
    from suyuan_desktop.gui.intake import IntakeDialog
    station, user = gui_station
    plain = IntakeDialog(station, user, tasks)
    qtbot.addWidget(plain)
    assert plain.card_button is None
    station.computer.save_idcard_reader("simulator")
    dlg = IntakeDialog(station, user, tasks)
    qtbot.addWidget(dlg)
    dlg.show()
    first, second = dlg.party_editors
    type_text(qtbot, first.name.edit, "张三")
    qtbot.mouseClick(dlg.card_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: second.name.text() == SAMPLE_CARD.name, timeout=5000)
    assert second.id_number.text() == SAMPLE_CARD.id_number and "女，1985年03月15日出生" in second.derived.text()
    assert second.ethnicity.text() == "汉族" and second.address.text() == SAMPLE_CARD.address
    assert first.name.text() == "张三"                                       # the filled-in one is left alone
    station.computer.save_idcard_reader("termb", __file__)                            # a file that is no card reader
    qtbot.mouseClick(dlg.card_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(k == "warn" and "动态库" in t for k, t in messages.shown), timeout=15000)
    assert dlg.card_button.isEnabled()
