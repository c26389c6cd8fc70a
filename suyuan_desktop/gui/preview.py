"""Print preview with QtPdf, printing through QPrinter, and the print history.

Printing renders each page at 300 dpi onto the printer's full page (the portable path: Windows
has no Qt API for vector PDF printing; never render at the printer's own 1200 dpi). Every
QPrinter handed to a widget is kept referenced (docs/qt-notes.md: a collected temporary segfaults).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout
from .i18n import translate

log = logging.getLogger(__name__)
PRINT_DPI = 300


def load_pdf(pdf: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    doc = QPdfDocument(parent)
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buffer)
    return doc, buffer


def print_pdf(doc: QPdfDocument, printer: QPrinter, *, copies: int = 1) -> int:
    """Draw every page, scaled to the paper, at PRINT_DPI. Returns the pages printed."""
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("printer could not start")
    printed = 0
    try:
        for _copy in range(copies):
            for i in range(doc.pageCount()):
                if printed:
                    printer.newPage()
                size_pt = doc.pagePointSize(i)
                px = QSize(int(size_pt.width() / 72 * PRINT_DPI), int(size_pt.height() / 72 * PRINT_DPI))
                image = doc.render(i, px, QPdfDocumentRenderOptions())
                page = QImage(image.size(), QImage.Format.Format_RGB32)
                page.fill(QColor("white"))  # QtPdf renders onto a transparent background
                with QPainter(page) as p:
                    p.drawImage(QPointF(0, 0), image)
                target = printer.pageLayout().fullRectPixels(printer.resolution())
                painter.drawImage(QRectF(target), page)
                printed += 1
    finally:
        painter.end()
    return printed


class PreviewDialog(QDialog):
    """Shows an issued document; prints it (dialog, or straight to the default printer in kiosk mode)."""

    def __init__(self, title: str, pdf: bytes, *, on_printed=None, kiosk: bool = False, parent=None,
                 printer_name: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("preview", "打印预览 - {title}").format(title=title))
        self.pdf = pdf
        self.on_printed = on_printed
        self.kiosk = kiosk
        self.printer_name = printer_name
        self.doc, self._buffer = load_pdf(pdf, self)
        self.printer: QPrinter | None = None  # made per print job; kept referenced (module docstring)
        self.output_file: str | None = None   # print to a PDF file instead (tests, "print to file")
        lay = QVBoxLayout(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.doc)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.info = QLabel(translate("preview", "共 {v} 页").format(v=self.doc.pageCount()))
        row.addWidget(self.info, 1)
        self.save_button = QPushButton(translate("preview", "另存为 PDF…"))
        self.save_button.clicked.connect(self.save_as)
        self.print_button = QPushButton(translate("preview", "打印"))
        self.print_button.setMinimumHeight(40)
        self.print_button.clicked.connect(self.print_document)
        close = QPushButton(translate("preview", "关闭"))
        close.clicked.connect(self.accept)
        for b in (self.save_button, self.print_button, close):
            row.addWidget(b)
        lay.addLayout(row)
        self.resize(900, 1000)

    def done(self, result: int) -> None:
        # detach the document before the dialog goes, so no pending page render of QPdfView
        # reaches a deleted document
        self.view.setDocument(None)
        self.doc.close()
        super().done(result)

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("preview", "另存为"), f"{self.windowTitle()[5:]}.pdf", translate("preview", "PDF 文件 (*.pdf)"))
        if path:
            with open(path, "wb") as fh:
                fh.write(self.pdf)

    def _new_printer(self) -> QPrinter:
        """A fresh QPrinter configured once. (Switching an existing native printer to PDF output
        crashed the event loop later under pytest-qt; a printer is never reconfigured here.)"""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.printer_name and not self.output_file:
            printer.setPrinterName(self.printer_name)  # 设置 → 本机: the station's chosen printer
        if self.output_file:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(self.output_file)
        return printer

    def print_document(self) -> None:
        self.printer = self._new_printer()
        if not self.kiosk:
            dialog = QPrintDialog(self.printer, self)
            dialog.setWindowTitle(translate("preview", "打印"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        copies = max(1, self.printer.copyCount())
        pages = print_pdf(self.doc, self.printer, copies=1)
        self.info.setText(translate("preview", "已发送到打印机：{pages} 页 × {copies} 份").format(pages=pages, copies=copies))
        if self.on_printed:
            self.on_printed(self.printer.printerName() or self.printer.outputFileName() or "default", copies)
