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
    from suyuan_desktop.gui.first_run import FirstRunWizard
    from suyuan_desktop.gui.intake import IntakeDialog
    from suyuan_desktop.gui.login import LoginDialog
    from suyuan_desktop.gui.main_window import MainWindow
    from suyuan_desktop.gui.preview import PreviewDialog
    from tests.helpers.builders import concluded_case, mediating_case

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

    def save(widget, name: str) -> None:
        """A screen is flat colour and text: 256 colours keep it exact to the eye at a third of
        the size (the repository carries about a hundred of these)."""
        import io

        from PIL import Image
        from PySide6.QtCore import QBuffer
        buf = QBuffer()
        buf.open(QBuffer.OpenModeFlag.WriteOnly)
        widget.grab().save(buf, "PNG")
        image = Image.open(io.BytesIO(bytes(buf.data()))).convert("RGB")
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            OUT / f"{name}-{widget.width()}x{widget.height()}.png", optimize=True)

    def shot(widget, name, size):
        widget.resize(*size)
        widget.show()
        settle(widget)
        save(widget, name)

    def open_dialogs(win, c):
        """Every form of a case, opened over the window as a mediator opens it."""
        from suyuan_desktop.gui import dialogs
        from suyuan_desktop.gui.intake import PartiesDialog
        today, now = station.today(), station.clock.now()
        mediating = station.cases.get(open_case.id)
        editor = dialogs.AgreementEditor(mediating, today, win)
        editor.clauses.item(0, 0).setText("李四赔偿张三损失")
        editor.clauses.item(0, 1).setText("12005")
        return {"intake": IntakeDialog(station, user, win.tasks, win), "parties": PartiesDialog(c, today, win),
                "mediators": dialogs.MediatorsDialog(mediating, station.users.list_mediators(), win),
                "investigation": dialogs.InvestigationDialog(mediating, now, win, investigator=user.display_name),
                "session": dialogs.SessionDialog(mediating, now, win, recorder=user.display_name),
                "agreement-editor": editor, "facts-editor": dialogs.FactsEditor(mediating, win),
                "terminate": dialogs.TerminateDialog(today, win),
                "follow-up": dialogs.FollowUpDialog(c, user, today, win),
                "suspend": dialogs.ReasonDialog("中止调解", "中止原因", "如：当事人住院治疗，出院后恢复调解", win)}

    def tour(prefix: str, size, *, kiosk: bool, dialogs_too: bool, only_home: bool = False) -> None:
        """The main screens, and (``dialogs_too``) every form over them."""
        win = MainWindow(station, user, kiosk=kiosk)
        win.resize(*size)
        win.show()
        settle(win, 1200)   # the sync status line fills in a moment after the pages
        shot(win, f"{prefix}home", size)
        if only_home:
            win.close()
            return
        win.show_page(win.cases)
        settle(win, 600)
        shot(win, f"{prefix}cases", size)
        win.cases.search.setText("张")
        settle(win, 600)
        shot(win, f"{prefix}cases-search", size)
        win.cases.search.setText("")
        win.open_case(case.id)
        settle(win, 600)
        for index, name in ((0, "basic"), (1, "parties"), (2, "records"), (4, "agreement"), (5, "follow-up"),
                            (8, "audit")):
            win.workspace.tabs.setCurrentIndex(index)
            shot(win, f"{prefix}case-{name}", size)
        win.open_case(open_case.id)
        settle(win, 600)
        shot(win, f"{prefix}case-open", size)
        win.show_page(win.stats)
        settle(win, 1200)
        shot(win, f"{prefix}stats", size)
        win.stats.tabs.setCurrentIndex(1)
        shot(win, f"{prefix}stats-by-type", size)
        win.stats.tabs.setCurrentWidget(win.stats.charts)
        shot(win, f"{prefix}stats-charts", size)
        win.show_page(win.settings)
        shot(win, f"{prefix}settings", size)
        if dialogs_too:
            for name, dlg in open_dialogs(win, station.cases.get(case.id)).items():
                dlg.show()
                settle(dlg, 300)
                save(dlg, f"{prefix}{name}")
                dlg.done(0)
        win.close()

    open_case = mediating_case(station, actor, title="王五与赵六宅基地纠纷", dispute_type="03")
    tour("", (1366, 768), kiosk=False, dialogs_too=True)
    tour("", (1920, 1080), kiosk=False, dialogs_too=False, only_home=True)
    tour("kiosk-", (1366, 768), kiosk=True, dialogs_too=True)
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
    tour("en-", (1366, 768), kiosk=False, dialogs_too=True)
    tour("en-kiosk-", (1366, 768), kiosk=True, dialogs_too=False)
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
