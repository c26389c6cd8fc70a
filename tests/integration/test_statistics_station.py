"""统计 from a station's real records: cases taken through the services (intake, agreement,
court confirmation, follow-up, termination, withdrawal), counted, written to Excel and read back."""
from __future__ import annotations

import io
from decimal import Decimal

from suyuan_desktop.core.domain.statistics import parse_period
from tests.helpers.builders import concluded_case, failed_case, new_case


def test_a_months_figures_from_the_records_and_the_workbook(station, admin):
    done = concluded_case(station, admin)        # received 20 Nov, agreement 22 Nov, 12,005 元, confirmed, partial
    failed = failed_case(station, admin)         # received 20 Nov, terminated 26 Nov
    opened = new_case(station, admin, title="王五与赵六物业纠纷", dispute_type="14")   # still open
    gone = new_case(station, admin, title="孙七与周八消费纠纷", dispute_type="11", received_date="2026-11-21")
    station.cases.withdraw(admin, gone.id, "双方已自行和解")
    station.cases.archive(admin, failed.id)      # archived: still counted as failed
    result = station.stats.report(parse_period("2026-11"))

    def now(row):
        return result.cell(f"summary.{row}.current").value
    assert now("received") == 4 and now("source.application") == 4
    assert (now("outcome.success_written"), now("outcome.failed"), now("outcome.withdrawn"), now("outcome.open")) \
        == (1, 1, 1, 1)
    assert now("rate.success") == Decimal("50.0")
    assert now("amount") == Decimal("1.20")                    # 12,005 元
    assert (now("confirmation.applied"), now("confirmation.confirmed")) == (1, 1)
    assert now("performance.partial") == 1
    assert set(result.cell("summary.outcome.failed.current").case_ids) == {failed.id}
    assert result.cell("type.14.received").case_ids == (opened.id,)
    lines = station.stats.explain(result, "summary.outcome.success.current")
    assert [line.case_number for line in lines] == [done.case_number]
    assert not hasattr(lines[0], "title")                       # the list names no party

    from openpyxl import load_workbook

    from suyuan_desktop.core.documents.statistics_xlsx import write_xlsx
    book = load_workbook(io.BytesIO(write_xlsx(result, "平原镇矛盾纠纷调处中心")))
    assert book.sheetnames == ["总体情况", "按纠纷类型", "按受理方式", "按月份", "类型同比变化"]
    ws = book["总体情况"]
    rows = {ws.cell(r, 1).value.strip(): [ws.cell(r, c).value for c in range(2, 8)] for r in range(5, ws.max_row + 1)
            if ws.cell(r, 7).value}  # the table's rows have a unit; the notes below it do not
    assert rows["受理纠纷"][0] == 4 and rows["协议涉及金额"][0] == 1.2 and rows["协议涉及金额"][5] == "万元"
    assert ws.cell(rows_index(ws, "协议涉及金额"), 2).number_format == "#,##0.00"
    assert ws.freeze_panes == "B5" and ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == "$4:$4"
    by_type = book["按纠纷类型"]
    assert [by_type.cell(4, c).value for c in range(1, 10)] == ["纠纷类型", "受理", "调解成功", "调解不成", "撤回",
                                                                  "不予受理", "期末未结", "调解成功率", "协议金额（万元）"]


def rows_index(ws, label: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if (ws.cell(r, 1).value or "").strip() == label)


def test_the_pdf_report_holds_the_figures_and_no_names(station, admin, tmp_path):
    import subprocess

    from pypdf import PdfReader
    concluded_case(station, admin)
    failed_case(station, admin)
    result = station.stats.report(parse_period("2026Q4"))
    pdf = station.stats.pdf(result)
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "2026年第四季度人民调解工作统计" in text and "按收案日期统计" in text
    assert "调解成功率" in text and "50.0%" in text and "1.20" in text
    assert "张三" not in text and "李四" not in text      # counts and amounts only
    assert reader.metadata.title.endswith("2026年第四季度人民调解工作统计")
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", "-", str(png)], input=pdf, check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 2000


def test_the_figures_follow_every_change_made_after_a_report(station, admin):
    """The station keeps the facts it counts between reports; whatever writes a case afterwards
    (a service, another program on the same station, a raw statement as sync applies) is counted
    in the next report."""
    import datetime as dt

    from sqlalchemy import update

    from suyuan_desktop.core.services.station import StationApp
    from suyuan_desktop.core.store.models import Case
    month = parse_period("2026-11")
    done = concluded_case(station, admin)
    first = station.stats.report(month)
    assert first.cell("summary.received.current").value == 1
    assert first.cell("summary.outcome.success_written.current").value == 1

    failed = failed_case(station, admin)
    station.cases.withdraw(admin, new_case(station, admin, title="孙七与周八消费纠纷").id, "双方已自行和解")
    other = StationApp.open(station.data_dir, today=station.today())  # a second program on the same station
    try:
        other.cases.archive(admin, failed.id)
        late = new_case(other, admin, title="王五与赵六物业纠纷", dispute_type="14")
    finally:
        other.close()
    second = station.stats.report(month)
    assert second.cell("summary.received.current").value == 4
    assert [second.cell(f"summary.outcome.{o}.current").value for o in ("success_written", "failed", "withdrawn", "open")] \
        == [1, 1, 1, 1]
    assert second.cell("summary.outcome.open.current").case_ids == (late.id,)

    with station.store.write(admin) as s:  # as sync applies a pulled deletion: no service involved
        s.execute(update(Case).where(Case.id == done.id).values(deleted_at=dt.datetime(2026, 11, 28, 9)))
    third = station.stats.report(month)
    assert third.cell("summary.received.current").value == 3
    assert third.cell("summary.outcome.success_written.current").value == 0
    assert third.cell("summary.amount.current").value == Decimal("0.00")


def test_a_report_asked_again_is_recounted_after_any_change_it_counts(station, admin):
    from suyuan_desktop.core.services.screening import ScreeningInput
    month = parse_period("2026-11")
    concluded_case(station, admin)
    first = station.stats.report(month)
    assert station.stats.report(month) is first                      # nothing changed: the same report
    station.screening.record(admin, ScreeningInput(place="东村", screeners="王建国", disputes_found=2))
    second = station.stats.report(month)
    assert second is not first and second.cell("summary.screening.found.current").value == 2
    new_case(station, admin, title="王五与赵六物业纠纷", dispute_type="14")
    assert station.stats.report(month).cell("summary.received.current").value == 2
