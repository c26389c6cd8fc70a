"""Language: Chinese by default (Qt's own dialogs too), English through the compiled catalogue."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def language(qapp):
    """Install a language for one test, and take its translators out again afterwards."""
    from suyuan_desktop.gui.i18n import install_translators
    installed = []

    def use(lang):
        installed.extend(install_translators(qapp, lang))
    yield use
    for t in installed:
        QCoreApplication.removeTranslator(t)
    install_translators(qapp, "zh_CN")


def test_catalogue_is_complete_and_compiled():
    """Fails when a new string has no English translation or the committed .qm is stale."""
    r = subprocess.run([sys.executable, str(ROOT / "installer/tools/build_translations.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_english_main_window_and_case_list(qtbot, gui_station, language):
    language("en")
    from suyuan_desktop.gui.main_window import MainWindow
    station, user = gui_station
    win = MainWindow(station, user)
    qtbot.addWidget(win)
    assert [b.text() for b in win.nav_buttons.values()] == ["Home", "Cases", "Statistics", "Settings"]
    assert win.lock_button.text() == "Lock"
    model = win.cases.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    assert headers == ["Case number", "Dispute title", "Parties", "Type", "Status", "Date received"]
    assert win.cases.status.itemText(0) == "All statuses"
    assert "In mediation" in [win.cases.status.itemText(i) for i in range(win.cases.status.count())]
    win.close()


def test_chinese_by_default_including_qt_dialog_buttons(qtbot, gui_station, language):
    language("zh_CN")
    from suyuan_desktop.gui.main_window import MainWindow
    station, user = gui_station
    win = MainWindow(station, user)
    qtbot.addWidget(win)
    assert [b.text() for b in win.nav_buttons.values()] == ["工作台", "案件", "统计", "设置"]
    # a standard button Qt labels itself comes from Qt's own Chinese catalogue
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    win.close()
