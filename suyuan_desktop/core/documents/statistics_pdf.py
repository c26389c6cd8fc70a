"""A statistics report as a PDF, set like the station's other documents (docs/statistics.md).

A4 landscape, the station's fonts (every character checked, as in every document), a title, what
was counted, one table per page group with the header repeated across pages, the counting rules,
and the page number with the date it was made in the footer. Counts and amounts only: nothing personal.
"""
from __future__ import annotations

import datetime as dt
import io

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..domain.statistics import Report, cell_text, row_label
from .fonts import FontSet


def write_pdf(report: Report, station_name: str, fonts: FontSet, made_on: dt.date) -> bytes:
    out = io.BytesIO()
    title = f"{station_name}{report.period.label}人民调解工作统计"
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm, title=title, author=station_name,
                            subject=f"{report.basis_label}；{report.period.start.isoformat()} 至 {report.period.end.isoformat()}")
    s_title = ParagraphStyle("t", fontName=fonts.title, fontSize=18, leading=26, alignment=TA_CENTER)
    s_meta = ParagraphStyle("m", fontName=fonts.body, fontSize=10.5, leading=15, alignment=TA_CENTER)
    s_head = ParagraphStyle("h", fontName=fonts.title, fontSize=13, leading=20, spaceBefore=6, spaceAfter=4)
    s_cell = ParagraphStyle("c", fontName=fonts.body, fontSize=10, leading=13)
    indented = [ParagraphStyle(f"c{level}", parent=s_cell, leftIndent=12 * level) for level in range(3)]
    s_note = ParagraphStyle("n", fontName=fonts.body, fontSize=9.5, leading=14, textColor=colors.HexColor("#3e4c59"))

    def p(text: str, style) -> Paragraph:
        return Paragraph(fonts.markup(text, "统计报表", style.fontName), style)

    story = [p(title, s_title), p(f"{report.basis_label}　统计期间：{report.period.start.isoformat()} 至 "
                                  f"{report.period.end.isoformat()}", s_meta), Spacer(1, 5 * mm)]
    width = doc.width
    for table in report.tables:
        summary = table.key == "summary"
        header = [table.first_heading, *table.columns]
        rows = [[p(h, s_cell) for h in header]]
        for row in table.rows:
            # a listing's text wraps in its cell, left to right; figures stand right-aligned
            cells = [p(c.value, s_cell) if isinstance(c.value, str) else cell_text(table, row, i, thousands=True)
                     for i, c in enumerate(row.cells)]
            rows.append([p(row_label(table, row), indented[min(row.level, 2)]), *cells])
        first = width * (0.34 if summary else 0.2)
        rest = (width - first) / len(table.columns)
        grid = Table(rows, colWidths=[first] + [rest] * len(table.columns), repeatRows=1)
        grid.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), fonts.body, 10),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#9aa5b1")),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f9fc")]),
        ]))
        story += [p(table.title if not summary else "总体情况", s_head), grid, Spacer(1, 4 * mm)]
    story.append(p("说明", s_head))
    story += [p(f"{i}. {note}", s_note) for i, note in enumerate(report.notes, start=1)]

    def footer(canvas, document):
        canvas.saveState()
        canvas.setFont(fonts.body, 9)
        canvas.setFillColor(colors.HexColor("#52606d"))
        canvas.drawString(18 * mm, 9 * mm, f"{station_name}　制表日期 {made_on.isoformat()}")
        canvas.drawRightString(landscape(A4)[0] - 18 * mm, 9 * mm, f"第 {document.page} 页")
        canvas.restoreState()
    fonts.check(station_name, "页脚")  # the footer is drawn in the body font alone
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
