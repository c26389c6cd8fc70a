"""Qt models over the services. The case list pages through SQL with keyset paging on a worker
thread (canFetchMore/fetchMore, as QGIS's query-result model does); sorting and filtering happen
in SQL, never in a proxy over a partial model."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, QTimer, Signal

from ..core.domain.enums import CaseSource, CaseStatus, DisputeType
from ..core.services.cases import CaseFilter
from .tasks import Cancelled
from .theme import STATUS_ROLE
from .i18n import enum_label, label_of, translate

PAGE = 100
COUNT_DELAY_MS = 600


class _TableModel(QAbstractTableModel):
    """Read-only table over ``self.rows`` with fixed ``HEADERS``."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("models", self.HEADERS[section])
        return None


# widths of the case table's columns wherever it is shown (案件, 工作台); 纠纷名称 takes the rest
# widths of the case tables: a sample of the widest value where it has one (案号, a date)
CASE_NUMBER_SAMPLE = "（2026）平原人调字第0000号"
DATE_SAMPLE = "2026-12-31"
CASE_COLUMNS = {0: CASE_NUMBER_SAMPLE, 2: 200, 3: 130, 4: 110, 5: DATE_SAMPLE}


class CaseListModel(_TableModel):
    """Rows arrive a page at a time; a new filter starts a new generation, and pages of an older
    generation that arrive late are dropped, so fast typing never shows stale results."""

    loaded = Signal(int)        # rows now shown
    count_known = Signal(int)   # total matching rows

    HEADERS = (QT_TRANSLATE_NOOP("models", "案号"), QT_TRANSLATE_NOOP("models", "纠纷名称"), QT_TRANSLATE_NOOP("models", "当事人"), QT_TRANSLATE_NOOP("models", "类型"), QT_TRANSLATE_NOOP("models", "状态"), QT_TRANSLATE_NOOP("models", "收案日期"))

    def __init__(self, cases, tasks, parent=None):
        super().__init__(parent)
        self.cases = cases
        self.tasks = tasks
        self.filter = CaseFilter()
        self._after = None
        self._more = True
        self._loading = False
        self._generation = 0
        self._counted = False
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count)

    # --- Qt model interface ------------------------------------------------------------------

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        c = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return c.case_number
            if col == 1:
                return c.title
            if col == 2:
                return translate("models", "、").join(c.party_names)
            if col == 3:
                return label_of(DisputeType, c.dispute_type)
            if col == 4:
                return label_of(CaseStatus, c.status)
            if col == 5:
                return c.received_date.isoformat()
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        if role == STATUS_ROLE and index.column() == 4:
            return c.status
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("models", "{case_number}\n{title}\n来源：{v}").format(case_number=c.case_number, title=c.title, v=label_of(CaseSource, c.source))
        return None

    def canFetchMore(self, parent=QModelIndex()):
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent=QModelIndex()):
        if parent.isValid() or not self._more or self._loading:
            return
        self._loading = True
        generation, flt, after = self._generation, self.filter, self._after
        self.tasks.run_latest("case-search", self.cases.search, flt, after=after, limit=PAGE,
                              on_done=lambda page: self._append(generation, page),
                              on_error=lambda exc: self._failed(generation, exc))

    # --- our interface ---------------------------------------------------------------------

    def set_filter(self, flt: CaseFilter) -> None:
        self._count_timer.stop()
        self.beginResetModel()
        self._generation += 1
        self.filter = flt
        self.rows = []
        self._after = None
        self._more = True
        self._loading = False
        self.endResetModel()
        self._counted = False
        self.fetchMore()

    def refresh(self) -> None:
        self.set_filter(self.filter)

    # column -> (ascending sort, descending sort); sorting is SQL's job, so only indexed columns
    SORTABLE = {0: ("number_asc", "number_desc"), 5: ("received_asc", "received_desc")}

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        names = self.SORTABLE.get(column)
        if names is None:
            return
        name = names[0] if order == Qt.SortOrder.AscendingOrder else names[1]
        if name != self.filter.sort:
            self.set_filter(replace(self.filter, sort=name))

    def case_id(self, row: int) -> str | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def _append(self, generation: int, page) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._after = page.next_after
        self._more = page.next_after is not None
        if page.items:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.items) - 1)
            self.rows.extend(page.items)
            self.endInsertRows()
        self.loaded.emit(len(self.rows))
        if not self._counted:  # the total, after the first page is on screen (never competing with it)
            self._counted = True
            if not self._more:
                self.count_known.emit(len(self.rows))
            else:
                # counting every match of 张 takes a few hundred ms at 100,000 cases: wait until
                # the typing pauses, and skip it altogether if the filter changed meanwhile
                self._count_timer.start()

    def _count(self) -> None:
        generation, flt = self._generation, self.filter

        def count_if_current():
            if generation != self._generation:
                raise Cancelled()
            return self.cases.count(flt)
        self.tasks.run(count_if_current,
                       on_done=lambda n: generation == self._generation and self.count_known.emit(n))

    def _failed(self, generation: int, exc) -> None:
        if generation == self._generation:
            self._loading = False
            self._more = False
        from . import messages
        messages.show_error(exc)


class DeadlineModel(_TableModel):
    """The 工作台's deadlines in urgency groups (core.services.guidance.deadline_groups): a
    heading row per group (“已逾期 · 12 项”), which the view spans over every column, then its
    items. Colour grades with urgency."""

    HEADERS = (QT_TRANSLATE_NOOP("models", "到期日"), QT_TRANSLATE_NOOP("models", "剩余"), QT_TRANSLATE_NOOP("models", "事项"), QT_TRANSLATE_NOOP("models", "案号"), QT_TRANSLATE_NOOP("models", "纠纷名称"))
    GROUP_LABELS = {"overdue": QT_TRANSLATE_NOOP("models", "已逾期"), "today": QT_TRANSLATE_NOOP("models", "今天到期"),
                    "week": QT_TRANSLATE_NOOP("models", "7 日内"), "month": QT_TRANSLATE_NOOP("models", "30 日内")}
    COLOURS = {"overdue": "#b3261e", "today": "#b35900", "week": "#7a5c00"}

    @property
    def items(self) -> list:
        return [r for r in self.rows if not isinstance(r, tuple)]

    def group_rows(self) -> list[int]:
        return [i for i, r in enumerate(self.rows) if isinstance(r, tuple)]

    def set_items(self, items) -> None:
        from ..core.services.guidance import deadline_groups
        self.beginResetModel()
        self.rows = []
        for group in deadline_groups(items):
            self.rows.append((group.key, len(group.items)))  # the heading
            self.rows.extend(_Grouped(group.key, item) for item in group.items)
        self.endResetModel()

    def flags(self, index):
        if index.isValid() and isinstance(self.rows[index.row()], tuple):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if isinstance(row, tuple):  # a group's heading
            key, count = row
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return translate("models", "{group} · {count} 项").format(
                    group=translate("models", self.GROUP_LABELS[key]), count=count)
            if role == Qt.ItemDataRole.FontRole:
                from PySide6.QtGui import QFont
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and key in self.COLOURS:
                from PySide6.QtGui import QColor
                return QColor(self.COLOURS[key])
            if role == Qt.ItemDataRole.BackgroundRole:
                from PySide6.QtGui import QColor
                return QColor("#f3efe6")
            return None
        d = row.item
        if role == Qt.ItemDataRole.DisplayRole:
            if d.days_left < 0:
                left = translate("models", "逾期 {days} 天").format(days=-d.days_left)
            else:
                left = translate("models", "今天到期") if d.days_left == 0 else translate("models", "还剩 {days} 天").format(days=d.days_left)
            return (d.due.isoformat(), left, enum_label(d), d.case_number, d.title)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and row.group in self.COLOURS:
            from PySide6.QtGui import QColor
            return QColor(self.COLOURS[row.group])
        if role == Qt.ItemDataRole.UserRole:
            return d.case_id
        return None


class _Grouped:
    """An item row of DeadlineModel: the deadline and the group it sits in."""

    __slots__ = ("group", "item")

    def __init__(self, group: str, item):
        self.group = group
        self.item = item
