"""Signing on a touch screen, with a pen or a mouse (docs/qt-notes.md: works offscreen).

Mouse, tablet and touch events all become strokes; touch and tablet events are accepted so Qt
does not also synthesise mouse events from them. The painter is used as a context manager: an
exception inside paintEvent with an active QPainter would otherwise crash the process.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from .i18n import translate


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setMinimumSize(360, 120)
        self.strokes: list[list[tuple[float, float, float, float]]] = []
        self._current: list | None = None

    def clear(self) -> None:
        self.strokes = []
        self.update()
        self.changed.emit()

    def _add(self, pos: QPointF, pressure: float = 0.5, start: bool = False, end: bool = False) -> None:
        point = (pos.x(), pos.y(), pressure, time.monotonic())
        if start or self._current is None:
            self._current = [point]
            self.strokes.append(self._current)
        else:
            self._current.append(point)
        if end:
            self._current = None
            self.changed.emit()
        self.update()

    def mousePressEvent(self, e):
        self._add(e.position(), start=True)

    def mouseMoveEvent(self, e):
        if self._current is not None:
            self._add(e.position())

    def mouseReleaseEvent(self, e):
        if self._current is not None:
            self._add(e.position(), end=True)

    def tabletEvent(self, e):
        t = e.type()
        self._add(e.position(), e.pressure(), start=t == e.Type.TabletPress, end=t == e.Type.TabletRelease)
        e.accept()

    def event(self, e):
        t = e.type()
        if t in (e.Type.TouchBegin, e.Type.TouchUpdate, e.Type.TouchEnd):
            points = e.points()
            if points:
                self._add(points[0].position(), start=t == e.Type.TouchBegin, end=t == e.Type.TouchEnd)
            e.accept()
            return True
        return super().event(e)

    def paintEvent(self, e):
        with QPainter(self) as p:
            p.fillRect(self.rect(), Qt.GlobalColor.white)
            p.setPen(QPen(Qt.GlobalColor.lightGray, 1, Qt.PenStyle.DashLine))
            p.drawLine(10, self.height() - 24, self.width() - 10, self.height() - 24)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(Qt.GlobalColor.black, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                          Qt.PenJoinStyle.RoundJoin))
            for stroke in self.strokes:
                path = QPainterPath(QPointF(stroke[0][0], stroke[0][1]))
                for x, y, *_ in stroke[1:]:
                    path.lineTo(x, y)
                p.drawPath(path)


class SignDialog(QDialog):
    """One pad per signer (each party, then the mediators). Leaving a pad empty keeps the paper
    signing line for that person."""

    def __init__(self, signers: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("signature", "现场签名"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(translate("signature", "请各方在下面的框内签名（手指、手写笔或鼠标）。不签的保留纸面签字。")))
        grid = QGridLayout()
        self.pads: dict[str, SignaturePad] = {}
        for row, name in enumerate(signers):
            pad = SignaturePad()
            clear = QPushButton(translate("signature", "清除"))
            clear.clicked.connect(pad.clear)
            grid.addWidget(QLabel(name), row, 0)
            grid.addWidget(pad, row, 1)
            grid.addWidget(clear, row, 2)
            self.pads[name] = pad
        lay.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("signature", "确认签名并生成文书"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("signature", "取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def signatures(self) -> dict:
        return {name: {"strokes": [[(x, y) for x, y, *_ in s] for s in pad.strokes]}
                for name, pad in self.pads.items() if pad.strokes}
