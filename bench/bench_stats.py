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
    from sqlalchemy import text

    from suyuan_desktop.core.domain.statistics import report as compute
    from suyuan_desktop.core.services.stats import _read_facts

    def afresh(period):
        app.stats._reports.clear()   # count again: no report kept from the run before
        return app.stats.report(period)

    def without_kept_facts():
        # the alternative: every case's facts read from the database for each report
        with app.store.read() as session:
            facts = _read_facts(session.connection(), None, app.calendar())
        return compute([f for f in facts if year.year_ago().start <= f.received_date <= year.end], year,
                       as_of=app.today())
    from bench.common import rss_mb
    before_mb = rss_mb()
    t = time.perf_counter()
    report = app.stats.report(year)  # the process's first: every case read
    first_ms = (time.perf_counter() - t) * 1000
    kept_mb = rss_mb() - before_mb
    year_times, report = timed(lambda: afresh(year), 7)
    again_times, _ = timed(lambda: app.stats.report(year), 7)
    case_id = report.cell("summary.received.current").case_ids[0]

    def after_a_change():
        with app.store.write() as s:
            s.execute(text("UPDATE cases SET title = title WHERE id = :i"), {"i": case_id})
        return app.stats.report(year)
    changed_times, _ = timed(after_a_change, 7)
    quarter_times, _ = timed(lambda: afresh(quarter), 7)
    old_times, _ = timed(without_kept_facts, 3)
    counted = report.cell("summary.received.current").value
    facts = app.stats.facts(year.year_ago().start, year.end)
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

| a year's report (`StatsService.report`: summary with 环比/同比, by type, source, month) | result |
|---|---|
| the first in a process: every case's facts read (SQLCipher), then counted | {first_ms:.0f} ms (n=1) |
| **shipped**, counted afresh (facts kept in memory, brought up to date from `stats_changes`) | {summary_ms(year_times)} |
| **shipped**, asked again with nothing changed (the counted report kept) | {summary_ms(again_times)} |
| **shipped**, after one case was written (that case re-read, the year recounted) | {summary_ms(changed_times)} |
| alternative: every case's facts read from the database for each report (the previous design) | {summary_ms(old_times)} |
| of which counting alone (`domain.statistics.report`) | {summary_ms(compute_times)} |
| a quarter's report, counted afresh | {summary_ms(quarter_times)} |

Target: a year's report on the 100k station ≤ 300 ms. The first report grows the process by
{kept_mb:.0f} MB: the facts of every case (named tuples, about 55 MB here), the connection's page
cache (24 MB at most) and what the allocator keeps after reading every table once. The counting
reads the facts by columns; they are made in the order of their dates, sharing one object per
day and per code, which alone took the year's counting from about 0.8 s to under 0.3 s on this
machine (memory locality; a plain Python loop of 10 million additions takes about 0.6 s here).

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
