"""A statistics report as an Excel workbook (docs/statistics.md).

One sheet per table: a title, what was counted, the table with real numbers (counts as integers,
amounts in 万元 with two decimals, rates in percent), the header frozen, printed A4 landscape one
page wide with the header repeated. Written with XlsxWriter (chosen over openpyxl by
bench/bench_stats.py).
"""
from __future__ import annotations

import io
from decimal import Decimal

from ..domain.statistics import Report, Table, column_unit

FORMATS = {"件": "#,##0", "人": "#,##0", "次": "#,##0", "万元": "#,##0.00", "%": '0.0"%"', "天": "0.0", "分": "0.0"}
CHANGE_FORMAT = '+0.0"%";-0.0"%";0.0"%"'
POINTS_FORMAT = "+0.0;-0.0;0.0"


def _number(value):
    if value is None:
        return None
    return float(value) if isinstance(value, Decimal) else value


def write_xlsx(report: Report, station_name: str) -> bytes:
    import xlsxwriter
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"title": f"{station_name}{report.period.label}人民调解工作统计", "author": station_name})
    font = {"font_name": "宋体", "font_size": 11}
    title = book.add_format({**font, "bold": True, "font_size": 15})
    meta = book.add_format({**font, "font_color": "#52606D"})
    head = book.add_format({**font, "bold": True, "bg_color": "#EEF2F7", "border": 1, "align": "center",
                            "valign": "vcenter", "text_wrap": True})
    label = [book.add_format({**font, "border": 1, "indent": level}) for level in range(3)]
    cache: dict = {}

    def number_format(fmt: str):
        if fmt not in cache:
            cache[fmt] = book.add_format({**font, "border": 1, "num_format": fmt})
        return cache[fmt]

    def sheet_for(table: Table, name: str):
        ws = book.add_worksheet(name)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        ws.write(0, 0, f"{station_name} {report.period.label}人民调解工作统计（{table.title}）", title)
        ws.write(1, 0, f"{report.basis_label}；统计期间 {report.period.start.isoformat()} 至 "
                       f"{report.period.end.isoformat()}", meta)
        header_row = 3
        ws.write(header_row, 0, table.row_heading or ("项目" if table.key == "summary" else table.title.removeprefix("按")),
                 head)
        for c, column in enumerate(table.columns, start=1):
            ws.write(header_row, c, column, head)
        if table.key == "summary":
            ws.write(header_row, len(table.columns) + 1, "单位", head)
        for r, row in enumerate(table.rows, start=header_row + 1):
            ws.write(r, 0, row.label, label[min(row.level, 2)])
            for c, cell in enumerate(row.cells, start=1):
                if table.key == "summary":
                    fmt = FORMATS[row.unit] if c in (1, 2, 4) else (
                        POINTS_FORMAT if row.unit in ("%", "天") else CHANGE_FORMAT)
                else:
                    fmt = FORMATS[column_unit(table, row, c - 1)]
                value = _number(cell.value)
                if isinstance(value, str):
                    ws.write_string(r, c, value, label[0])
                elif value is None:
                    ws.write_blank(r, c, None, number_format(fmt))
                else:
                    ws.write_number(r, c, value, number_format(fmt))
            if table.key == "summary":
                ws.write(r, len(table.columns) + 1, row.unit, label[0])
        last_row = header_row + len(table.rows)
        last_col = len(table.columns) + (1 if table.key == "summary" else 0)
        for n, note in enumerate(report.notes, start=last_row + 2):
            ws.write(n, 0, note, meta)
        ws.set_column(0, 0, 30)
        ws.set_column(1, last_col, 13)
        ws.freeze_panes(header_row + 1, 1)
        ws.repeat_rows(header_row)
        ws.print_area(0, 0, last_row + 1 + len(report.notes), last_col)

    names = {"summary": "总体情况", "type": "按纠纷类型", "source": "按受理方式", "month": "按月份",
             "station": "按调委会", "trend": "近五个季度", "type_change": "类型同比变化",
             "overdue": "各调委会超期情况"}
    for table in report.tables:
        sheet_for(table, names.get(table.key, table.key))
    book.close()
    return out.getvalue()
