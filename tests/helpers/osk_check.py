"""Run as its own process (Qt reads QT_IM_MODULE once, when the QApplication is created): start
the app's kiosk keyboard, then type on it by tapping its keys as a visitor would - a user name on
the login screen (the keyboard comes up in Latin letters there) and a Chinese name through pinyin
in a form field. Prints one JSON line with what the fields contain."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> int:
    from suyuan_desktop.gui.keyboard import prepare
    prepare()
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtQuick import QQuickItem
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

    from suyuan_desktop.gui.keyboard import OnScreenKeyboard
    from suyuan_desktop.gui.login import LoginDialog
    app = QApplication([])
    osk = OnScreenKeyboard(app)
    out = {"loaded": osk.ok}
    if not osk.ok:
        print(json.dumps(out))
        return 0

    def settle(ms=150):
        QTest.qWait(ms)

    def key_items():
        root = osk.view.rootObject()
        keys = {}
        for item in root.findChildren(QQuickItem):
            text = item.property("displayText") or item.property("text")
            name = item.metaObject().className()
            if not item.isVisible() or item.width() <= 0:
                continue
            if name.startswith("SpaceKey"):
                keys["space"] = item
            elif name.startswith("HideKeyboardKey"):
                keys["hide"] = item
            elif isinstance(text, str) and text and name.startswith("Key_"):
                keys.setdefault(text, item)
        return keys

    def tap(label):
        item = key_items()[label]
        c = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        p = QPoint(int(c.x()), int(c.y()))
        QTest.mousePress(osk.view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
        settle(40)
        QTest.mouseRelease(osk.view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
        settle(80)

    login = LoginDialog(None, "平原镇矛盾纠纷调处中心")
    login.resize(460, 360)
    login.show()
    settle(300)
    login.activateWindow()
    login.ui.usernameEdit.setFocus()
    settle(500)
    out["shown_on_focus"] = osk.visible
    out["keyboard_parent"] = type(osk.view.parentWidget()).__name__
    for ch in "admin":
        tap(ch)
    out["username"] = login.ui.usernameEdit.text()
    if "--shot" in sys.argv:  # docs/screenshots: what a visitor sees at the kiosk
        login.move(453, 60)
        settle(200)
        app.primaryScreen().grabWindow(0).save(sys.argv[sys.argv.index("--shot") + 1])

    form = QDialog(login)
    lay = QVBoxLayout(form)
    name = QLineEdit()
    lay.addWidget(name)
    form.resize(500, 120)
    form.show()
    settle(300)
    form.activateWindow()
    name.setFocus()
    settle(500)
    for ch in "zhang":
        tap(ch)
    tap("space")  # the first candidate
    out["name"] = name.text()
    form.close()

    # a tall form (like 登记新案件): its lowest field comes up above the keyboard
    from PySide6.QtWidgets import QScrollArea, QWidget
    tall = QDialog(login)
    outer = QVBoxLayout(tall)
    area = QScrollArea()
    area.setWidgetResizable(True)
    body = QWidget()
    rows = QVBoxLayout(body)
    edits = [QLineEdit() for _ in range(30)]
    for e in edits:
        rows.addWidget(e)
    area.setWidget(body)
    outer.addWidget(area)
    tall.setGeometry(300, 20, 600, 720)
    tall.show()
    settle(300)
    tall.activateWindow()
    low = edits[-1]
    low.setFocus()
    settle(600)
    keyboard_top = osk.view.geometry().top()
    out["low_field_above_keyboard"] = low.mapToGlobal(QPoint(0, low.height())).y() <= keyboard_top
    tall.close()
    settle(200)
    login.ui.loginButton.setFocus()
    settle(200)
    out["hidden_off_text"] = not osk.visible
    out["dialog_back_in_place"] = tall.geometry().height() == 720
    login.close()
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
