"""The station's one look (docs/ui-guidelines.md): the style sheet, the line icons, the status chips.

The style sheet (resources/theme/station.qss, plus kiosk.qss in kiosk mode) is applied to the whole
application, so every window and dialog shares it. Widgets take part through a few properties the
sheet knows: ``primary`` and ``destructive`` on buttons, ``role`` on labels (title, heading, note,
error, strong, ok). Icons are 24×24 SVG line drawings coloured here.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QStyledItemDelegate, QWidget

from ..core.domain.enums import CaseStatus
from ..core.resources import resources_dir

INK = "#1f2933"
PRIMARY = "#1f5fa8"
ON_DARK = "#e8eef6"
DANGER = "#b3261e"

S = CaseStatus
# (background, text) of a case's status wherever it is shown: waiting for a decision in amber, at
# work in blue, settled in green, failed or sent back in red, ended without a result in grey
TONES = {
    S.RECEIVED: ("#fff1d6", "#7a4300"),
    S.ACCEPTED: ("#e1ecf9", "#174a85"), S.IN_MEDIATION: ("#e1ecf9", "#174a85"),
    S.SUSPENDED: ("#eceff3", "#3e4c59"),
    S.AGREED: ("#e2f2e6", "#1e5a2b"), S.CONFIRM_APPLIED: ("#e2f2e6", "#1e5a2b"), S.PERFORMING: ("#e2f2e6", "#1e5a2b"),
    S.CONFIRMED: ("#cfead6", "#174a22"), S.PERFORMED: ("#cfead6", "#174a22"),
    S.FAILED: ("#fbe3e1", "#8c1d18"), S.CONFIRM_REJECTED: ("#fbe3e1", "#8c1d18"),
    S.RETURNED_TO_COURT: ("#fbe3e1", "#8c1d18"),
    S.REFUSED: ("#eceff3", "#52606d"), S.WITHDRAWN: ("#eceff3", "#52606d"), S.ARCHIVED: ("#e4e7eb", "#323f4b"),
}


def style_sheet(kiosk: bool = False) -> str:
    text = (resources_dir() / "theme" / "station.qss").read_text("utf-8")
    text = text.replace("{icons}", (resources_dir() / "icons").as_posix())
    return text + "\n" + kiosk_sheet() if kiosk else text


def kiosk_sheet() -> str:
    """The kiosk's additions alone (a kiosk window sets them on itself, over the station theme)."""
    return (resources_dir() / "theme" / "kiosk.qss").read_text("utf-8")


def apply(qapp: QApplication, kiosk: bool = False) -> None:
    """The theme for every window of the application (the kiosk's larger type on top)."""
    qapp.setStyleSheet(style_sheet(kiosk))
    qapp.setProperty("suyuan_theme", "kiosk" if kiosk else "station")


def ensure_applied() -> None:
    """Apply the station theme unless the application already has one (windows built outside
    ``gui.app.main``: tests, the screenshot script)."""
    qapp = QApplication.instance()
    if qapp is not None and not qapp.property("suyuan_theme"):
        apply(qapp)


@lru_cache(maxsize=None)
def icon(name: str, colour: str = INK) -> QIcon:
    """One of resources/icons/<name>.svg, drawn in ``colour``."""
    svg = (resources_dir() / "icons" / f"{name}.svg").read_text("utf-8").replace("currentColor", colour)
    result = QIcon()
    for size in (24, 48):
        pixmap = QPixmap()
        pixmap.loadFromData(svg.replace('width="24" height="24"', f'width="{size}" height="{size}"').encode(), "SVG")
        result.addPixmap(pixmap)
    return result


def mark(widget: QWidget, **properties) -> QWidget:
    """Set style properties (``primary=True``, ``destructive=True``, ``role="heading"``) and let the
    style sheet see them."""
    for key, value in properties.items():
        widget.setProperty(key, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


def chip_css(status: str) -> str:
    bg, fg = TONES.get(S(status), ("#eceff3", INK))
    return f"background: {bg}; color: {fg}; border-radius: 10px; padding: 2px 10px; font-weight: bold;"


def status_chip(status: str, text: str, label: QLabel | None = None) -> QLabel:
    label = label or QLabel()
    label.setText(text)
    label.setStyleSheet(f"QLabel {{ {chip_css(status)} }}")
    return label


STATUS_ROLE = 0x0100 + 1  # Qt.UserRole + 1: a model's status code for the chip delegate


class StatusChipDelegate(QStyledItemDelegate):
    """A table cell drawn as a coloured chip with the status's name (the model gives the code in
    ``STATUS_ROLE`` and the name in DisplayRole)."""

    def paint(self, painter: QPainter, option, index) -> None:
        status = index.data(STATUS_ROLE)
        if not status:
            return super().paint(painter, option, index)
        # background and selection as any cell, then the chip on top
        option_copy = type(option)(option)
        self.initStyleOption(option_copy, index)
        option_copy.text = ""
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option_copy, painter, widget)
        bg, fg = TONES.get(S(status), ("#eceff3", INK))
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 18, option.rect.width() - 8)
        height = min(metrics.height() + 6, option.rect.height() - 4)
        rect = QRectF(option.rect.x() + 4, option.rect.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(bg))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(fg))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                                                int(width) - 8))
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 26, hint.height())
