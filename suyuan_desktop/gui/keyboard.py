"""The on-screen keyboard of kiosk mode: Qt Virtual Keyboard (pinyin, English, digits) in a
frameless tool window along the bottom of the screen.

It is a child window of whichever window holds the focused text field, so a modal dialog (登记新
案件, an editor) does not block it; it shows when a text field gets the focus and hides when the
focus leaves text input or the keyboard's own hide key is pressed. A dialog whose field would be
hidden behind it is fitted into the space above it.

Qt reads QT_IM_MODULE when the QApplication is created, so ``prepare()`` must run before that;
if the virtual keyboard's QML cannot be loaded (a missing system library), kiosk mode runs
without it and the operating system's own touch keyboard is what remains.
"""
from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QComboBox, QDialog, QLineEdit, QPlainTextEdit, QScrollArea, QTextEdit, QWidget,
)

from ..core.resources import qml_dir

log = logging.getLogger(__name__)
QML = qml_dir() / "keyboard.qml"
MAX_HEIGHT_SHARE = 0.42  # of the screen: the rest stays for the form


def prepare() -> None:
    """Before QApplication: route input methods to the virtual keyboard, render it in software
    (service-hall PCs often have no working GPU driver)."""
    os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
    from PySide6.QtQuick import QQuickWindow, QSGRendererInterface
    QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)


def _takes_text(w) -> bool:
    if isinstance(w, QLineEdit):
        return not w.isReadOnly() and not isinstance(w.parentWidget(), QComboBox)
    if isinstance(w, (QPlainTextEdit, QTextEdit)):
        return not w.isReadOnly()
    return isinstance(w, QAbstractSpinBox)


class OnScreenKeyboard(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        from PySide6.QtQuickWidgets import QQuickWidget
        self.view = QQuickWidget()
        self.view.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.view.setSource(QUrl.fromLocalFile(str(QML)))
        self.ok = self.view.status() == QQuickWidget.Status.Ready
        if not self.ok:
            log.warning("on-screen keyboard unavailable: %s", "; ".join(e.toString() for e in self.view.errors()))
            return
        app = QApplication.instance()
        app.focusChanged.connect(self._focus_changed)
        QGuiApplication.inputMethod().visibleChanged.connect(self._im_visible)
        self._moved: dict[QWidget, object] = {}

    def _focus_changed(self, old, new) -> None:
        if new is not None and _takes_text(new):
            self.show_for(new)
        elif new is not None and not isinstance(new, QComboBox):
            self.hide()

    def _im_visible(self) -> None:
        if not QGuiApplication.inputMethod().isVisible():  # the keyboard's own hide key
            self.hide()

    def show_for(self, field: QWidget) -> None:
        top = field.window()
        flags = (Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowDoesNotAcceptFocus
                 | Qt.WindowType.WindowStaysOnTopHint)
        if self.view.parentWidget() is not top:
            self.view.setParent(top, flags)
        screen = (top.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        # the keys keep their proportions: full width, unless that would make it too tall
        ratio = float(self.view.rootObject().property("heightPerWidth") or 0.3)
        width = min(screen.width(), int(screen.height() * MAX_HEIGHT_SHARE / ratio))
        height = int(width * ratio)
        self.view.setGeometry(screen.x() + (screen.width() - width) // 2, screen.bottom() - height + 1, width, height)
        self.view.show()
        self.view.raise_()
        QGuiApplication.inputMethod().show()
        self._keep_visible(field, screen.bottom() - height)

    def _keep_visible(self, field: QWidget, keyboard_top: int) -> None:
        """A dialog whose field would sit behind the keyboard is fitted into the space above it
        (moved up, and made shorter if it is taller than that space; its scroll area then brings
        the field into view). It gets its old place back when the keyboard hides."""
        top = field.window()
        if not isinstance(top, QDialog):
            return
        bottom = field.mapToGlobal(QPoint(0, field.height())).y()
        if bottom <= keyboard_top - 8:
            return
        self._moved.setdefault(top, top.geometry())
        frame = top.frameGeometry()
        extra = frame.height() - top.height()  # title bar, borders
        height = min(top.height(), keyboard_top - extra - 8)
        top.setGeometry(top.x(), max(0, keyboard_top - 8 - height - extra), top.width(), height)
        area = field.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None:  # once the shorter viewport is laid out
            QTimer.singleShot(0, area, lambda: area.ensureWidgetVisible(field, 10, 20))

    def hide(self) -> None:
        self.view.hide()
        for window, geometry in list(self._moved.items()):
            try:
                window.setGeometry(geometry)
            except RuntimeError:  # the dialog is gone
                pass
        self._moved.clear()

    @property
    def visible(self) -> bool:
        return self.view.isVisible()
