"""案件: search as you type (name, ID number, phone, case number) with filters, over SQL paging."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..core.domain.enums import CaseSource, CaseStatus, DisputeType
from ..core.services.cases import CaseFilter
from .forms.ui_case_list import Ui_CaseListPage
from .models import CASE_COLUMNS, CaseListModel
from . import theme
from .widgets import fill_enum, size_columns
from .i18n import translate

DEBOUNCE_MS = 150


class CaseListPage(QWidget):
    open_case = Signal(str)
    new_case = Signal()

    def __init__(self, station_app, tasks, parent=None):
        """Laid out in ui/case_list.ui; the choices, the model and the behaviour are set here."""
        super().__init__(parent)
        self.station_app = station_app
        self.ui = Ui_CaseListPage()
        self.ui.setupUi(self)
        self.search = self.ui.searchEdit
        self.new_button = self.ui.newButton
        self.new_button.clicked.connect(self.new_case.emit)
        self.status = fill_enum(self.ui.statusCombo, CaseStatus, all_label=translate("case_list", "全部状态"))
        self.dtype = fill_enum(self.ui.typeCombo, DisputeType, all_label=translate("case_list", "全部类型"))
        self.source = fill_enum(self.ui.sourceCombo, CaseSource, all_label=translate("case_list", "全部来源"))
        self.mediator = self.ui.mediatorCombo
        self.mediator.addItem(translate("case_list", "全部调解员"), None)
        for m in station_app.users.list_mediators():
            self.mediator.addItem(m.name, m.id)
        for box in (self.status, self.dtype, self.source, self.mediator):
            # the filter row shares a 1366-px kiosk screen with the sidebar: the choices may shrink
            box.setSizeAdjustPolicy(box.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(5)
        self.use_dates = self.ui.useDatesCheck
        self.date_from, self.date_to = self.ui.dateFromEdit, self.ui.dateToEdit
        today = QDate(station_app.today())
        self.date_from.setDate(today.addMonths(-3))
        self.date_to.setDate(today)
        self.count_label = self.ui.countLabel

        self.model = CaseListModel(station_app.cases, tasks, self)
        self.view = self.ui.tableView
        self.view.setModel(self.model)
        size_columns(self.view, CASE_COLUMNS, stretch=1)
        self.view.setItemDelegateForColumn(4, theme.StatusChipDelegate(self.view))
        theme.mark(self.new_button, primary=True)
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(5, Qt.SortOrder.DescendingOrder)  # newest first, as loaded
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.view.activated.connect(lambda idx: self.open_case.emit(self.model.case_id(idx.row())))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _: self._timer.start())
        for box in (self.status, self.dtype, self.source, self.mediator):
            box.currentIndexChanged.connect(self.apply)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self.apply)
        self.date_to.dateChanged.connect(self.apply)
        self.model.count_known.connect(lambda n: self.count_label.setText(translate("case_list", "共 {n} 件").format(n=n)))
        # on the search thread, before the first keystroke reaches it
        tasks.run_latest("case-warm", station_app.cases.warm_search, on_error=lambda exc: None)

    def _sort_changed(self, column: int, order) -> None:
        """案号 and 收案日期 sort (in SQL, over all matches); other columns keep the current order."""
        if column in self.model.SORTABLE:
            self.model.sort(column, order)
        else:
            header = self.view.horizontalHeader()
            current = next(c for c, names in self.model.SORTABLE.items() if self.model.filter.sort in names)
            asc = self.model.filter.sort == self.model.SORTABLE[current][0]
            header.blockSignals(True)
            header.setSortIndicator(current, Qt.SortOrder.AscendingOrder if asc else Qt.SortOrder.DescendingOrder)
            header.blockSignals(False)

    def current_filter(self) -> CaseFilter:
        return replace(self._filter_fields(), sort=self.model.filter.sort)

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply()

    def _filter_fields(self) -> CaseFilter:
        def pick(box):
            return (box.currentData(),) if box.currentData() else ()
        dates = self.use_dates.isChecked()
        return CaseFilter(text=self.search.text().strip(), statuses=pick(self.status), dispute_types=pick(self.dtype),
                          sources=pick(self.source), mediator_id=self.mediator.currentData(),
                          received_from=self.date_from.date().toPython() if dates else None,
                          received_to=self.date_to.date().toPython() if dates else None)

    def apply(self) -> None:
        self._timer.stop()
        self.model.set_filter(self.current_filter())
