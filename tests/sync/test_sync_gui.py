"""Sync in the window: enrolment from 设置, the status bar, the 同步 button and
the conflict dialog, through real widgets against a real district server."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.helpers.builders import new_case  # noqa: E402
from tests.sync.util import MEDIATOR, edit_case, local_case  # noqa: E402


@pytest.fixture(autouse=True, scope="module")
def collect_on_the_gui_thread(qapp):
    """As the app does (gui/gcguard.py): cyclic garbage collection only on the GUI thread."""
    from suyuan_desktop.gui.gcguard import GuiGarbageCollector
    guard = GuiGarbageCollector()
    yield guard
    guard.stop()


@pytest.fixture
def district(tmp_path):
    from district_server.service import DistrictService
    svc = DistrictService(f"sqlite:///{tmp_path / 'district.db'}", tmp_path / "district-blobs")
    svc.create_schema()
    yield svc
    svc.dispose()


@pytest.fixture
def window(qtbot, station):
    from PySide6.QtWidgets import QApplication

    from suyuan_desktop.gui import messages
    from suyuan_desktop.gui.main_window import MainWindow
    from suyuan_desktop.gui.tasks import TaskRunner
    messages.shown.clear()
    messages.auto_answer("auto")
    user = station.users.authenticate("admin", "admin-pass-1")
    win = MainWindow(station, user)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.sync.timer.stop()
    win.sync.soon.stop()
    win.sync.retry.stop()
    TaskRunner.wait_all()
    QApplication.processEvents()
    messages.auto_answer()


def _text(win) -> str:
    return win.sync_bar.label.text()


def test_enrol_from_settings_then_the_status_bar_shows_the_sync(qtbot, window, station, district, server):
    from suyuan_desktop.gui import messages
    district.add_station(station.station_code, "平原镇")
    new_case(station, MEDIATOR)
    window.refresh_status()
    assert station.sync.status().pending > 0
    # before enrolment nothing "waits": the bar says where the records are and what to do
    qtbot.waitUntil(lambda: "未注册区中心：记录保存在本机，在“设置”中注册后自动上传" in _text(window), timeout=5000)
    assert "待同步" not in _text(window)
    window.show_page(window.settings)
    window.settings.server_url.setText(server.url)
    window.settings.ticket.setText(district.issue_ticket(station.station_code))
    steps = []
    window.sync.step.connect(steps.append)
    window.settings.enroll_button.click()
    qtbot.waitUntil(lambda: "在线" in _text(window), timeout=15000)
    assert "待同步 0 项" in _text(window) and "上次同步" in _text(window)
    assert steps == ["上传附件", "上传变更", "下载变更", "更新参考数据", "下载附件"]  # shown as it goes
    assert ("info", "已注册到区中心：平原镇。现在开始第一次同步。") in messages.shown
    qtbot.waitUntil(lambda: "已注册" in window.settings.enroll_state.text(), timeout=5000)
    # an edit counts as pending until the 同步 button is pressed
    edit_case(station, local_case_id(station), claims="补充请求")
    window.refresh_status()
    qtbot.waitUntil(lambda: "待同步 1 项" in _text(window), timeout=5000)
    window.sync_bar.button.click()
    qtbot.waitUntil(lambda: "待同步 0 项" in _text(window) and window.sync_bar.button.isEnabled(), timeout=15000)


def local_case_id(station):
    return station.cases.search().items[0].id


def test_offline_is_shown_and_nothing_is_lost(qtbot, window, station, district, server):
    district.add_station(station.station_code, "平原镇")
    station.sync.enroll(server.url, district.issue_ticket(station.station_code))
    server.stop()
    new_case(station, MEDIATOR)
    pending = station.sync.status().pending
    window.sync_bar.button.click()
    qtbot.waitUntil(lambda: "离线" in _text(window), timeout=15000)
    assert f"待同步 {pending} 项" in _text(window) and "无法连接区中心" in _text(window)
    # it tries again soon (backing off), not only at the next 5-minute round
    assert window.sync.retry.isActive() and window.sync.retry.interval() <= 1000


def test_conflict_dialog_shows_both_values_and_takes_a_merge(qtbot, window, station, district, server):
    from suyuan_desktop.gui.sync_ui import ConflictDialog
    district.add_station(station.station_code, "平原镇")
    station.sync.enroll(server.url, district.issue_ticket(station.station_code))
    case = new_case(station, MEDIATOR)
    station.sync.sync()
    district.district_edit("cases", case.id, {"summary": "区中心：排水沟两户共用。"})
    edit_case(station, case.id, summary="站点：排水沟张三独用。")
    window.sync_bar.button.click()
    qtbot.waitUntil(lambda: window.sync_bar.conflicts.isVisible(), timeout=15000)
    assert window.sync_bar.conflicts.text() == "冲突 1 项待处理"
    dlg = ConflictDialog(window.sync, window)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.table.item(0, 0).text() == f"{case.case_number} {case.title}"
    assert dlg.table.item(0, 1).text() == "纠纷简要情况" and dlg.table.item(0, 2).text() == "双方改了同一项"
    assert dlg.server_text.toPlainText() == "区中心：排水沟两户共用。"
    assert dlg.client_text.toPlainText() == "站点：排水沟张三独用。"
    dlg.merged.setPlainText("排水沟两户共用，张三家用得多。")
    dlg.use_merged.click()
    qtbot.waitUntil(lambda: bool(dlg.resolved), timeout=10000)
    qtbot.waitUntil(lambda: not window.sync.running and local_case(station, case.id).summary
                    == "排水沟两户共用，张三家用得多。", timeout=15000)
    qtbot.waitUntil(lambda: not window.sync_bar.conflicts.isVisible(), timeout=10000)


def test_status_text_says_only_what_is_known():
    from suyuan_desktop.core.services.sync import SyncStatus
    from suyuan_desktop.gui.sync_ui import describe_status
    base = dict(enrolled=True, server_url="https://x", station_code="S1", device_id="d", pending=3, rejected=0,
                conflicts_open=0, last_ok_at="2026-11-28T08:00:00", last_attempt_at=None, last_error=None,
                clock_warning=None, revoked_cases=0)
    assert describe_status(SyncStatus(**base), online=None)[0].startswith("● 已注册区中心　待同步 3 项")
    assert describe_status(SyncStatus(**base), online=True)[0].startswith("● 在线　待同步 3 项")
    off = describe_status(SyncStatus(**{**base, "last_error": "无法连接区中心"}), online=None)[0]
    assert off.startswith("● 离线（无法连接区中心）")
    assert describe_status(SyncStatus(**{**base, "enrolled": False}), online=None)[0].startswith("● 未注册区中心")
    assert "被退回 2 项" in describe_status(SyncStatus(**{**base, "rejected": 2}), online=True)[0]


def test_closing_the_window_stops_a_long_first_sync_at_a_page_keeping_what_arrived(
        qtbot, window, station, district, server, monkeypatch):
    from sqlalchemy import func, select

    from suyuan_desktop.core.services.demo import generate_demo
    from suyuan_desktop.core.store.models import Case
    other = station_factory_like(station, district, server)
    generate_demo(other, MEDIATOR, 30)
    other.sync.sync()
    monkeypatch.setattr(type(station.sync), "snapshot_page_size", 40)
    station.sync.enroll(server.url, district.issue_ticket(station.station_code))
    real_apply = type(station.sync).apply_page

    import threading
    cancelled = threading.Event()
    applied = []

    def gated_apply(self, *a, **k):  # after the first page, the link waits until the window was closed
        if applied:
            assert cancelled.wait(10), "the window never asked the sync to stop"
        applied.append(1)
        return real_apply(self, *a, **k)
    monkeypatch.setattr(type(station.sync), "apply_page", gated_apply)
    pages = []

    def step(msg):
        pages.append(msg)
        if "已下载" in msg and not cancelled.is_set():
            window.sync.cancel()
            cancelled.set()
    window.sync.step.connect(step)
    window.sync.sync_now()
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=20000)
    from suyuan_desktop.core.store.models import SyncShadow
    total = len(district.scope_entities(station.station_code))

    def arrived():
        with station.store.read() as s:
            return s.execute(select(func.count()).select_from(SyncShadow)).scalar_one()
    assert station.sync._state().get("cursor") is not None
    assert 0 < arrived() < total / 2                         # stopped part-way, pages kept
    monkeypatch.setattr(type(station.sync), "apply_page", real_apply)
    station.sync.sync()                                      # and the next sync carries on
    assert arrived() == total
    with station.store.read() as s:
        assert s.execute(select(func.count()).select_from(Case)).scalar_one() == 30


def station_factory_like(station, district, server):
    """A second PC of the same station that has the cases already (pushed to the district)."""
    from suyuan_desktop.core.services.station import StationApp, StationSetup
    district.add_station(station.station_code, "平原镇")
    app = StationApp.create(station.data_dir.parent / "other-pc", StationSetup(
        code=station.station_code, name="平原镇矛盾纠纷调处中心", township="平原镇", short_name="平原"),
        admin_username="admin", admin_display_name="王建国", admin_password="admin-pass-1")
    app.sync.enroll(server.url, district.issue_ticket(station.station_code))
    return app


def test_first_run_wizard_enrols_with_the_district(qtbot, tmp_path, district, server):
    from PySide6.QtWidgets import QDialog

    from suyuan_desktop.gui import messages
    from suyuan_desktop.gui.first_run import FirstRunWizard
    from tests.unit.gui.conftest import type_text
    messages.auto_answer("auto")
    district.add_station("410703009", "东关街道")
    wizard = FirstRunWizard(tmp_path / "fresh")
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.station_page
    qtbot.keyClicks(page.ui.codeEdit, "410703009")
    type_text(qtbot, page.ui.nameEdit, "东关街道矛盾纠纷调处中心")
    type_text(qtbot, page.ui.townshipEdit, "东关街道")
    type_text(qtbot, page.ui.shortEdit, "东关")
    wizard.next()
    admin = wizard.admin_page
    qtbot.keyClicks(admin.username.edit, "admin")
    type_text(qtbot, admin.display.edit, "赵主任")
    qtbot.keyClicks(admin.password.edit, "admin-pass-1")
    qtbot.keyClicks(admin.confirm.edit, "admin-pass-1")
    wizard.next()
    d = wizard.district_page
    qtbot.keyClicks(d.server.edit, server.url)
    assert not d.isComplete()  # an address without a code
    qtbot.keyClicks(d.ticket.edit, district.issue_ticket("410703009"))
    assert d.isComplete()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted, timeout=15000)
    st = wizard.station_app.sync.status()
    assert st.enrolled and st.server_url == server.url
    assert not [t for kind, t in messages.shown if "注册到区中心未成功" in t or "无法创建工作站" in t]
    wizard.tasks.wait()
    wizard.station_app.close()
    messages.auto_answer()
