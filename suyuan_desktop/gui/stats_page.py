"""统计: the station's figures for a period (docs/statistics.md), as tables and charts.

The report is computed off the GUI thread; a click on a figure lists the cases behind it (double
click one to open it); 导出 Excel writes the workbook the command line writes.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from ..core.domain.enums import CaseSource, CaseStatus, DisputeType
from ..core.domain.statistics import cell_text, month, parse_period, quarter, row_label, year
from . import messages, theme
from .i18n import label_of, translate


def period_choices(today: dt.date) -> list[tuple[str, str]]:
    """(label, period text) for the picker: this and the last four quarters, this and the last
    two years, the last six months; the current quarter first."""
    q = (today.month - 1) // 3 + 1
    out = []
    y, qq = today.year, q
    for _ in range(5):
        out.append((quarter(y, qq).label, f"{y}Q{qq}"))
        y, qq = (y, qq - 1) if qq > 1 else (y - 1, 4)
    for yy in (today.year, today.year - 1, today.year - 2):
        out.append((year(yy).label, str(yy)))
    y, m = today.year, today.month
    for _ in range(6):
        out.append((month(y, m).label, f"{y}-{m:02d}"))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out


class ExplainDialog(QDialog):
    """The cases behind one figure; double click (or Enter) opens one."""

    def __init__(self, title: str, lines, open_case, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("stats", "{title}：共 {n} 件。双击打开案件。").format(title=title, n=len(lines))))
        self.table = QTableWidget(len(lines), 5)
        self.table.setHorizontalHeaderLabels([translate("stats", "案号"), translate("stats", "类型"),
                                              translate("stats", "受理方式"), translate("stats", "状态"),
                                              translate("stats", "收案/结案日期")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, line in enumerate(lines):
            dates = line.received_date.isoformat() + (f" / {line.closed_date.isoformat()}" if line.closed_date else "")
            for c, text in enumerate((line.case_number, label_of(DisputeType, line.dispute_type),
                                      label_of(CaseSource, line.source), label_of(CaseStatus, line.status), dates)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.activated.connect(lambda idx: (open_case(lines[idx.row()].id), self.accept()))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class StatsPage(QWidget):
    open_case = Signal(str)

    def __init__(self, station_app, tasks, user=None, parent=None):
        super().__init__(parent)
        self.station_app, self.tasks, self.user = station_app, tasks, user
        self.user_name = user.display_name if user else ""
        self.report = None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(translate("stats", "统计"))
        theme.mark(title, role="title")
        top.addWidget(title)
        top.addSpacing(16)
        self.period = QComboBox()
        for label, text in period_choices(station_app.today()):
            self.period.addItem(label, text)
        self.basis = QComboBox()
        self.basis.addItem(translate("stats", "按收案日期"), "received")
        self.basis.addItem(translate("stats", "按结案日期"), "closed")
        top.addWidget(QLabel(translate("stats", "统计期间")))
        top.addWidget(self.period)
        top.addWidget(self.basis)
        top.addStretch(1)
        self.export_button = QPushButton(theme.icon("document"), translate("stats", "导出 Excel 或 PDF…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        top.addWidget(self.export_button)
        outer.addLayout(top)
        self.status = QLabel()
        theme.mark(self.status, role="note")
        outer.addWidget(self.status)
        self.tabs = QTabWidget()
        self.summary = self._table()
        self.by_type = self._table()
        self.by_month = self._table()
        self.tabs.addTab(self.summary, translate("stats", "总体情况"))
        self.tabs.addTab(self.by_type, translate("stats", "按纠纷类型"))
        self.tabs.addTab(self.by_month, translate("stats", "按月份"))
        self.by_quarter = self._table()  # a quarter against the four before it
        self.tabs.addTab(self.by_quarter, translate("stats", "近五个季度"))
        # the three charts side by side on a tab of their own, with the page's whole width
        self.charts = QWidget()
        self.charts_row = QHBoxLayout(self.charts)
        self.chart_views: list = []
        self.tabs.addTab(self.charts, theme.icon("chart"), translate("stats", "图表"))
        # 排查: the period's screening rounds, and the form to record one
        screening = QWidget()
        box = QVBoxLayout(screening)
        row = QHBoxLayout()
        self.screening_button = QPushButton(theme.icon("add"), translate("stats", "登记排查…"))
        self.screening_button.clicked.connect(self.record_screening)
        row.addWidget(self.screening_button)
        row.addStretch(1)
        box.addLayout(row)
        self.screenings = QTableWidget(0, 5)
        self.screenings.setHorizontalHeaderLabels([translate("stats", "排查日期"), translate("stats", "地点"),
                                                   translate("stats", "排查人"), translate("stats", "发现纠纷"),
                                                   translate("stats", "预防纠纷")])
        self.screenings.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.screenings.verticalHeader().setVisible(False)
        self.screenings.horizontalHeader().setStretchLastSection(True)
        box.addWidget(self.screenings)
        self.tabs.addTab(screening, translate("stats", "排查记录"))
        outer.addWidget(self.tabs, 1)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        theme.mark(self.notes, role="note")
        outer.addWidget(self.notes)
        self.period.currentIndexChanged.connect(self.refresh)
        self.basis.currentIndexChanged.connect(self.refresh)

    def _table(self) -> QTableWidget:
        t = QTableWidget()
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.verticalHeader().setVisible(False)
        t.cellDoubleClicked.connect(lambda r, c, t=t: self._explain(t, r, c))
        t.cellActivated.connect(lambda r, c, t=t: self._explain(t, r, c))
        return t

    # --- computing ---------------------------------------------------------------------------------

    def refresh(self, *_) -> None:
        text = self.period.currentData()
        if not text:
            return
        self.status.setText(translate("stats", "正在统计…"))
        self.export_button.setEnabled(False)
        self.tasks.run_latest("stats", self.station_app.stats.report, parse_period(text),
                              basis=self.basis.currentData(), by=("type", "month"),
                              on_done=self._show, on_error=messages.show_error)

    def _show(self, report) -> None:
        self.report = report
        self.status.setText(translate("stats", "{label}，{basis}：共受理 {n} 件。双击任一数字，列出其中的案件。").format(
            label=report.period.label, basis=report.basis_label,
            n=report.cell("summary.received.current").value))
        widgets = {"summary": self.summary, "type": self.by_type, "month": self.by_month, "trend": self.by_quarter}
        for table in report.tables:
            if table.key in widgets:
                self._fill(widgets[table.key], table)
        has_trend = any(t.key == "trend" for t in report.tables)
        self.tabs.setTabVisible(self.tabs.indexOf(self.by_quarter), has_trend)
        self.notes.setText("　".join(report.notes))
        self.export_button.setEnabled(True)
        self._draw_charts(report)
        self.tasks.run(self.station_app.screening.list, report.period.start, report.period.end,
                       on_done=self._show_screenings)

    def _show_screenings(self, rows) -> None:
        self.screenings.setRowCount(len(rows))
        for r, s in enumerate(rows):
            for c, text in enumerate((s.screened_on.isoformat(), s.place, s.screeners, str(s.disputes_found),
                                      str(s.disputes_prevented))):
                self.screenings.setItem(r, c, QTableWidgetItem(text))

    def record_screening(self) -> None:
        from ..core.services.users import actor_for
        from .dialogs import ScreeningDialog
        dlg = ScreeningDialog(self.station_app.today(), getattr(self, "user_name", ""), self)
        dlg.submit = lambda value: self.tasks.run_write(self.station_app.screening.record, actor_for(self.user), value,
                                                        on_done=lambda _: dlg.saved(), on_error=dlg.failed)
        self.screening_dialog = dlg
        if dlg.exec():
            self.refresh()

    def _fill(self, widget: QTableWidget, table) -> None:
        widget.clear()
        widget.setColumnCount(len(table.columns) + 1)
        widget.setRowCount(len(table.rows))
        widget.setHorizontalHeaderLabels([translate("stats", "项目"), *table.columns])
        widget.table_key = table
        for r, row in enumerate(table.rows):
            widget.setItem(r, 0, QTableWidgetItem("　" * row.level + row_label(table, row)))
            for c, cell in enumerate(row.cells, start=1):
                item = QTableWidgetItem(cell_text(table, row, c - 1))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if cell.case_ids:
                    item.setToolTip(translate("stats", "双击列出这 {n} 件案件").format(n=len(cell.case_ids)))
                widget.setItem(r, c, item)
        header = widget.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for c in range(1, widget.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)

    def _explain(self, widget: QTableWidget, r: int, c: int) -> None:
        table = getattr(widget, "table_key", None)
        if table is None or c == 0:
            return
        row = table.rows[r]
        if row.key.startswith("screening."):  # rounds of 排查, not cases: their own tab lists them
            self.tabs.setCurrentIndex(self.tabs.count() - 1)
            return
        ref = f"{table.key}.{row.key}.{(table.column_keys or table.columns)[c - 1]}"
        title = f"{row.label} · {widget.horizontalHeaderItem(c).text()}"
        report = self.report

        def shown(lines):
            self.explain_dialog = ExplainDialog(title, lines, self.open_case.emit, self)
            self.explain_dialog.open()
        self.tasks.run(self.station_app.stats.explain, report, ref, on_done=shown, on_error=messages.show_error)

    # --- charts ------------------------------------------------------------------------------------

    def _draw_charts(self, report) -> None:
        """Types as bars, the months as a line, the outcomes as a stacked bar (QtCharts, imported
        here: the other pages never pay for it)."""
        from PySide6.QtCharts import (
            QBarCategoryAxis, QBarSet, QCategoryAxis, QChart, QChartView, QHorizontalBarSeries, QLineSeries,
            QStackedBarSeries, QValueAxis,
        )
        from PySide6.QtGui import QPainter
        for old in self.chart_views:
            self.charts_row.removeWidget(old)
            old.deleteLater()
        self.chart_views = []

        def view(chart) -> QChartView:
            chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            v = QChartView(chart)
            v.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.chart_views.append(v)
            self.charts_row.addWidget(v, 1)
            return v

        by_type = next(t for t in report.tables if t.key == "type")
        rows = sorted((r for r in by_type.rows if r.key != "total" and r.cells[0].value),
                      key=lambda r: r.cells[0].value)[-8:]   # the largest at the top
        chart = QChart()
        chart.setTitle(translate("stats", "受理纠纷（按类型，前 8 类）"))
        bars = QBarSet(translate("stats", "受理"))
        bars.append([r.cells[0].value for r in rows])
        bars.setColor(theme.PRIMARY)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([r.label for r in rows])
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        counts.setRange(0, max([r.cells[0].value for r in rows] + [1]))
        counts.applyNiceNumbers()
        for axis, side in ((names, Qt.AlignmentFlag.AlignLeft), (counts, Qt.AlignmentFlag.AlignBottom)):
            chart.addAxis(axis, side)
            series.attachAxis(axis)
        chart.legend().setVisible(False)
        view(chart)

        by_month = next(t for t in report.tables if t.key == "month")
        months = [r for r in by_month.rows if r.key != "total"]
        chart = QChart()
        chart.setTitle(translate("stats", "各月受理与调解成功"))
        axis_x = QCategoryAxis()
        axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for i, r in enumerate(months):
            axis_x.append(translate("stats", "{month}月").format(month=int(r.key[5:])), i)
        axis_x.setRange(-0.3, len(months) - 0.7)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        axis_y.setRange(0, max([r.cells[0].value for r in months] + [1]))
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for column, name, colour in ((0, translate("stats", "受理"), theme.PRIMARY),
                                     (1, translate("stats", "调解成功"), "#2e7d32")):
            line = QLineSeries()
            line.setName(name)
            line.setPointsVisible(True)
            for i, r in enumerate(months):
                line.append(i, r.cells[column].value)
            pen = line.pen()
            pen.setWidth(3)
            pen.setColor(colour)
            line.setPen(pen)
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
        view(chart)

        chart = QChart()
        chart.setTitle(translate("stats", "调解结果"))
        stacked = QStackedBarSeries()
        for key, name, colour in (("success", QT_TRANSLATE_NOOP("stats", "调解成功"), "#2e7d32"),
                                  ("failed", QT_TRANSLATE_NOOP("stats", "调解不成"), theme.DANGER),
                                  ("withdrawn", QT_TRANSLATE_NOOP("stats", "撤回"), "#7b8794"),
                                  ("refused", QT_TRANSLATE_NOOP("stats", "不予受理"), "#b8c2cc"),
                                  ("open", QT_TRANSLATE_NOOP("stats", "期末未结"), "#f2c14e")):
            part = QBarSet(translate("stats", name))
            part.append([report.cell(f"summary.outcome.{key}.current").value])
            part.setColor(colour)
            stacked.append(part)
        stacked.setLabelsVisible(True)
        chart.addSeries(stacked)
        axis = QBarCategoryAxis()
        axis.append([report.period.label])
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        stacked.attachAxis(axis)
        total = QValueAxis()
        total.setLabelFormat("%d")
        total.setRange(0, max(report.cell("summary.received.current").value or 0, 1))
        total.applyNiceNumbers()
        chart.addAxis(total, Qt.AlignmentFlag.AlignLeft)
        stacked.attachAxis(total)
        view(chart)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)  # five names: a column, not a cut-off row

    # --- export ------------------------------------------------------------------------------------

    def export(self) -> None:
        if self.report is None:
            return
        default = f"{self.station_app.station().name}{self.report.period.label}统计.xlsx"
        excel, pdf = translate("stats", "Excel 工作簿 (*.xlsx)"), translate("stats", "PDF 报表 (*.pdf)")
        path, chosen = QFileDialog.getSaveFileName(self, translate("stats", "导出统计"), default, f"{excel};;{pdf}")
        if path:
            self.export_to(path, pdf=chosen == pdf)

    def export_to(self, path: str, *, pdf: bool = False) -> None:
        """The report as a workbook, or as a PDF when ``path`` ends in .pdf or ``pdf`` is asked."""
        from pathlib import Path
        report = self.report
        pdf = pdf or path.lower().endswith(".pdf")
        suffix = ".pdf" if pdf else ".xlsx"
        if not path.lower().endswith(suffix):
            path = str(Path(path).with_suffix(suffix))

        def write():
            stats = self.station_app.stats
            Path(path).write_bytes(stats.pdf(report) if pdf else stats.workbook(report))
            return path
        self.tasks.run(write, on_done=lambda p: self.status.setText(translate("stats", "已导出：{path}").format(path=p)),
                       on_error=messages.show_error)
