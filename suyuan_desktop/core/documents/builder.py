"""The page furniture every issued document shares, and the build itself.

Every page carries the committee, the case number, the document title and 第 x 页 共 y 页, so
pages cannot be swapped between documents unnoticed. The first page carries the verification QR
code. ``invariant=1`` makes the bytes depend only on the input (verification, tests).
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from .fonts import FontSet

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 26 * mm, 30 * mm, 24 * mm
QR_SIZE = 24 * mm


@dataclass(frozen=True)
class PageInfo:
    title: str
    case_number: str
    committee: str
    qr_payload: str | None
    metadata_subject: str
    template_version: str


def draw_qr(c, payload: str, x: float, y: float, size: float) -> None:
    """The QR symbol as filled squares (with its 4-module quiet zone). Drawn directly rather than
    through renderPDF, whose default state would add a non-embedded Helvetica to the page."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    # make() would encode the symbol 8 times to score every mask pattern (~20% of a document's
    # build time); any mask is valid, since readers take it from the format bits.
    qr.version = qr.calculate_version()  # the smallest version that fits
    qr.makeImpl(False, 2)
    n = qr.getModuleCount()
    module = size / (n + 8)
    c.saveState()
    c.setFillGray(0)
    for row in range(n):
        for col in range(n):
            if qr.isDark(row, col):
                c.rect(x + (col + 4) * module, y + size - (row + 5) * module, module, module, stroke=0, fill=1)
    c.restoreState()


def _numbered_canvas(info: PageInfo, fonts: FontSet):
    class NumberedCanvas(rl_canvas.Canvas):
        """Holds every page back until the end, so each can say how many there are in all."""

        def __init__(self, *args, **kwargs):
            kwargs["invariant"] = 1
            # the default initial font is Helvetica, which is never embedded: start on ours
            kwargs["initialFontName"] = fonts.body
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._furniture(number, total)
                super().showPage()
            super().save()

        def _furniture(self, number: int, total: int) -> None:
            self.saveState()
            self.setFont(fonts.body, 8.5)
            self.setFillGray(0.35)
            top = PAGE_H - 14 * mm
            self.drawString(MARGIN_X, top, info.committee)
            self.drawRightString(PAGE_W - MARGIN_X, top, f"{info.case_number}  {info.title}")
            self.setStrokeGray(0.6)
            self.setLineWidth(0.4)
            self.line(MARGIN_X, top - 2.2 * mm, PAGE_W - MARGIN_X, top - 2.2 * mm)
            self.setFont(fonts.body, 9)
            self.setFillGray(0)
            self.drawCentredString(PAGE_W / 2, 12 * mm, f"第 {number} 页  共 {total} 页")
            self.setFont(fonts.body, 7)
            self.setFillGray(0.45)
            self.drawRightString(PAGE_W - MARGIN_X, 12 * mm, f"模板 {info.template_version}")
            if number == 1 and info.qr_payload:
                x = PAGE_W - MARGIN_X - QR_SIZE + 2 * mm
                y = PAGE_H - 16 * mm - QR_SIZE
                draw_qr(self, info.qr_payload, x, y, QR_SIZE)
                self.setFont(fonts.body, 6.5)
                self.setFillGray(0.45)
                self.drawCentredString(x + QR_SIZE / 2, y - 2.5 * mm, "扫码核验")
            self.restoreState()

    return NumberedCanvas


def build_pdf(story: list, info: PageInfo, fonts: FontSet) -> bytes:
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                          bottomMargin=MARGIN_BOTTOM, title=info.title, author=info.committee,
                          subject=info.metadata_subject, creator=f"suyuan-desktop 模板 {info.template_version}",
                          keywords=info.qr_payload or "", producer="suyuan-desktop (ReportLab)")
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, PAGE_W - 2 * MARGIN_X, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_numbered_canvas(info, fonts))
    return buf.getvalue()
