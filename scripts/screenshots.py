"""Render every main screen to docs/screenshots/*.png at 1366x768 and 1920x1080.

Run under a real X server so fonts and styles are what a station PC shows:
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshots.py
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="suyuan-shots-"))
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    os.environ["XDG_DATA_HOME"] = str(tmp / "keyring")
    from PySide6.QtWidgets import QApplication

    from suyuan_desktop.core.services.demo import generate_demo
    from suyuan_desktop.core.services.station import StationApp, StationSetup
    from suyuan_desktop.core.services.users import actor_for
    from suyuan_desktop.gui.i18n import install_translators
    from suyuan_desktop.gui.dialogs import AgreementEditor, FactsEditor
    from suyuan_desktop.gui.first_run import FirstRunWizard
    from suyuan_desktop.gui.intake import IntakeDialog
    from suyuan_desktop.gui.login import LoginDialog
    from suyuan_desktop.gui.main_window import MainWindow
    from suyuan_desktop.gui.preview import PreviewDialog
    from tests.helpers.builders import concluded_case

    qapp = QApplication.instance() or QApplication([])
    keep = install_translators(qapp, "zh_CN")  # noqa: F841
    station = StationApp.create(tmp / "st", StationSetup(code="410703001", name="平原镇矛盾纠纷调处中心", township="平原镇",
                                                         short_name="平原"),
                                admin_username="admin", admin_display_name="王建国", admin_password="admin-pass-1")
    user = station.users.authenticate("admin", "admin-pass-1")
    actor = actor_for(user)
    generate_demo(station, actor, 300, seed=5)
    case = concluded_case(station, actor)
    OUT.mkdir(parents=True, exist_ok=True)

    def settle(w, ms=400):
        end = dt.datetime.now() + dt.timedelta(milliseconds=ms)
        while dt.datetime.now() < end:
            qapp.processEvents()

    def shot(widget, name, size):
        widget.resize(*size)
        widget.show()
        settle(widget)
        widget.grab().save(str(OUT / f"{name}-{size[0]}x{size[1]}.png"))

    for size in ((1366, 768), (1920, 1080)):
        win = MainWindow(station, user)
        shot(win, "home", size)
        win.show_page(win.cases)
        settle(win, 600)
        shot(win, "cases", size)
        win.cases.search.setText("张")
        settle(win, 600)
        shot(win, "cases-search", size)
        win.open_case(case.id)
        settle(win, 600)
        shot(win, "case-basic", size)
        win.workspace.tabs.setCurrentIndex(1)
        shot(win, "case-parties", size)
        win.workspace.tabs.setCurrentIndex(4)
        shot(win, "case-agreement", size)
        win.workspace.tabs.setCurrentIndex(8)
        shot(win, "case-audit", size)
        win.show_page(win.settings)
        shot(win, "settings", size)
        win.close()
    dialog_size = (900, 760)
    intake = IntakeDialog(station, user, None)
    intake.title.setText("张三与李四相邻关系纠纷")
    intake.party_editors[0].name.setText("张三")
    intake.party_editors[0].id_number.setText("11010519491231002X")
    intake.party_editors[0].phone.setText("1380013800")
    intake.party_editors[0].phone.edit.editingFinished.emit()
    shot(intake, "intake", dialog_size)
    editor = AgreementEditor(station.cases.get(case.id), station.today(), None)
    editor.clauses.item(0, 0).setText("李四赔偿张三损失")
    editor.clauses.item(0, 1).setText("12005")
    shot(editor, "agreement-editor", (820, 760))
    shot(FactsEditor(station.cases.get(case.id), None), "facts-editor", (820, 700))
    login = LoginDialog(station, "平原镇矛盾纠纷调处中心")
    shot(login, "login", (460, 360))
    wizard = FirstRunWizard(tmp / "new")
    shot(wizard, "first-run", (680, 560))
    # sync: a district server on loopback, one conflict waiting for the mediator
    from district_server.service import DistrictService
    from suyuan_desktop.gui.sync_ui import ConflictDialog
    from tests.sync.harness import ServerThread
    from tests.sync.util import edit_case
    district = DistrictService(f"sqlite:///{tmp / 'district.db'}", tmp / "district-blobs")
    district.create_schema()
    district.add_station("410703001", "平原镇矛盾纠纷调处中心")
    server = ServerThread(district).start()
    station.sync.enroll(server.url, district.issue_ticket("410703001"))
    station.sync.sync()
    district.district_edit("cases", case.id, {"summary": "经区中心核实：排水沟系张三、李四两户共用，李四修墙时未留排水口。"})
    edit_case(station, case.id, summary="李四修建院墙堵塞排水沟，雨天积水流入张三院内，张三要求恢复原状。")
    station.sync.sync()
    win = MainWindow(station, user)
    shot(win, "home-sync", (1366, 768))
    dlg = ConflictDialog(win.sync, win)
    shot(dlg, "conflict-dialog", (900, 560))
    win.close()
    server.stop()
    # the same screens in English (--lang en)
    from PySide6.QtCore import QCoreApplication
    for t in keep:
        QCoreApplication.removeTranslator(t)
    keep = install_translators(qapp, "en")
    win = MainWindow(station, user)
    shot(win, "en-home", (1366, 768))
    win.open_case(case.id)
    settle(win, 600)
    shot(win, "en-case-basic", (1366, 768))
    win.close()
    shot(IntakeDialog(station, user, None), "en-intake", dialog_size)
    for t in keep:
        QCoreApplication.removeTranslator(t)
    keep = install_translators(qapp, "zh_CN")
    _, pdf = station.documents.issue(actor, case.case_number, "agreement")
    preview = PreviewDialog("人民调解协议书", pdf)
    shot(preview, "preview", (900, 1000))
    station.close()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
