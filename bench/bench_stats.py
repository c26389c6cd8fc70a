"""Statistics benchmark: a year's report on the 100k-case station, and the workbook written with
XlsxWriter (shipped) against openpyxl (the alternative), side by side in one run.

Run: python -m bench.bench_stats [--cases 100000]
"""
from __future__ import annotations

import argparse
import io
import time

from bench.build_station import build
from bench.common import DATA_DIR, bench_env, summary_ms, write_section


def write_openpyxl(report, station_name: str) -> bytes:
    """The same workbook as ``documents.statistics_xlsx.write_xlsx``, with openpyxl: one sheet per
    table, number formats, frozen header, A4 landscape, print titles and area."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from suyuan_desktop.core.documents.statistics_xlsx import CHANGE_FORMAT, FORMATS, POINTS_FORMAT, _number
    book = Workbook()
    book.remove(book.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name="宋体", size=11)
    head_fill = PatternFill("solid", fgColor="EEF2F7")
    for table in report.tables:
        ws = book.create_sheet(table.title[:30].replace("（", "(").replace("）", ")"))
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = 9
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.cell(1, 1, f"{station_name} {report.period.label}人民调解工作统计（{table.title}）").font = Font(
            name="宋体", size=15, bold=True)
        ws.cell(2, 1, report.basis_label).font = font
        for c, column in enumerate(("项目", *table.columns), start=1):
            cell = ws.cell(4, c, column)
            cell.font, cell.fill, cell.border = Font(name="宋体", size=11, bold=True), head_fill, border
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
        for r, row in enumerate(table.rows, start=5):
            cell = ws.cell(r, 1, row.label)
            cell.font, cell.border, cell.alignment = font, border, Alignment(indent=row.level)
            for c, value in enumerate(row.cells, start=2):
                cell = ws.cell(r, c, _number(value.value))
                if table.key == "summary":
                    cell.number_format = FORMATS[row.unit] if c in (2, 3, 5) else (
                        POINTS_FORMAT if row.unit in ("%", "天") else CHANGE_FORMAT)
                else:
                    cell.number_format = FORMATS["件"]
                cell.font, cell.border = font, border
        ws.freeze_panes = "B5"
        ws.print_title_rows = "4:4"
        ws.print_area = f"A1:{ws.cell(4 + len(table.rows), len(table.columns) + 1).coordinate}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def timed(fn, n: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(n):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return times, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    args = ap.parse_args()
    bench_env()
    info = build(args.cases)
    from suyuan_desktop.core.documents.statistics_xlsx import write_xlsx
    from suyuan_desktop.core.domain.statistics import parse_period
    from suyuan_desktop.core.services.station import StationApp
    app = StationApp.open(DATA_DIR / f"station-{args.cases}")
    year = parse_period(str(app.today().year))
    quarter = parse_period(f"{app.today().year}Q{(app.today().month - 1) // 3 + 1}")
    app.stats.report(year)  # warm the page cache
    year_times, report = timed(lambda: app.stats.report(year), 7)
    quarter_times, _ = timed(lambda: app.stats.report(quarter), 7)
    counted = report.cell("summary.received.current").value
    read_times, facts = timed(lambda: app.stats.facts(year.year_ago().start, year.end), 5)
    from suyuan_desktop.core.domain.statistics import report as compute
    compute_times, _ = timed(lambda: compute(facts, year, as_of=app.today()), 5)
    xw_times, xw = timed(lambda: write_xlsx(report, "基准测试站"), 15)
    op_times, op = timed(lambda: write_openpyxl(report, "基准测试站"), 15)
    app.close()
    from bench.common import pct
    ratio = pct(op_times, 50) / pct(xw_times, 50)
    verdict = (f"XlsxWriter is {ratio:.1f}× faster than openpyxl here and writes only (the app never reads a workbook "
               "back): it ships; openpyxl stays a test dependency, to read the reports back." if ratio >= 1 else
               f"openpyxl is {1 / ratio:.1f}× faster here: reconsider the choice (docs/statistics.md).")
    body = f"""
Station: {info['cases']:,} cases (`bench/build_station.py`); the report counts {counted:,} cases received in
{year.label} and compares them with the year before (so about {len(facts):,} cases are read).
Times are whole service calls, warm, one process.

| operation | result |
|---|---|
| a year's report (`StatsService.report`: summary with 环比/同比, by type, source, month) | {summary_ms(year_times)} |
| a quarter's report | {summary_ms(quarter_times)} |
| of the year: reading the facts (column queries) | {summary_ms(read_times)} |
| of the year: counting (`domain.statistics.report`) | {summary_ms(compute_times)} |

Target: a year's report on the 100k station ≤ 300 ms.

The workbook, same report and layout (4 sheets, number formats, frozen header, A4 landscape, print titles):

| writer | time | file |
|---|---|---|
| **XlsxWriter** (shipped) | {summary_ms(xw_times)} | {len(xw) / 1024:.1f} KB |
| openpyxl | {summary_ms(op_times)} | {len(op) / 1024:.1f} KB |

{verdict}
"""
    write_section("Statistics: a year's report, and the workbook writers", body)
    print(body)


if __name__ == "__main__":
    main()
