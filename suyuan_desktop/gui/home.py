"""工作台: deadlines falling due (most urgent first), my open cases, and the sync state."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from ..core.domain.state_machine import OPEN_STATUSES
from ..core.services.cases import CaseFilter
from .models import CASE_COLUMNS, CASE_NUMBER_SAMPLE, DATE_SAMPLE, CaseListModel, DeadlineModel
from . import theme
from .widgets import size_columns
from .forms.ui_home import Ui_HomePage
from .i18n import translate

DEADLINE_LIMIT = 200


class HomePage(QWidget):
    """Laid out in ui/home.ui; the models and what a double click opens are wired here."""

    open_case = Signal(str)
    new_case = Signal()

    def __init__(self, station_app, tasks, parent=None):
        super().__init__(parent)
        self.station_app = station_app
        self.tasks = tasks
        self.ui = Ui_HomePage()
        self.ui.setupUi(self)
        self.greeting = self.ui.greetingLabel
        self.new_button = self.ui.newButton
        self.new_button.clicked.connect(self.new_case.emit)
        self.deadlines = DeadlineModel(self)
        self.deadline_view = self.ui.deadlineView
        self.deadline_view.setModel(self.deadlines)
        self.deadline_view.activated.connect(self._open_deadline)
        self.deadline_empty = self.ui.deadlineNote
        self.mine = CaseListModel(station_app.cases, tasks, self)
        self.mine_view = self.ui.mineView
        self.mine_view.setModel(self.mine)
        self.mine_view.activated.connect(lambda idx: self.open_case.emit(self.mine.case_id(idx.row())))
        size_columns(self.deadline_view, {0: DATE_SAMPLE, 1: "逾期 365 天", 2: 150, 3: CASE_NUMBER_SAMPLE}, stretch=4)
        size_columns(self.mine_view, CASE_COLUMNS, stretch=1)
        self.mine_view.setItemDelegateForColumn(4, theme.StatusChipDelegate(self.mine_view))
        theme.mark(self.new_button, primary=True)

    def refresh(self, user) -> None:
        self.greeting.setText(translate("home", "{display_name}，您好").format(display_name=user.display_name))
        self.tasks.run(self.station_app.cases.deadlines, limit=DEADLINE_LIMIT, on_done=self._deadlines)
        statuses = tuple(s.value for s in OPEN_STATUSES)
        self.mine.set_filter(CaseFilter(statuses=statuses, mediator_id=user.mediator_id))

    def _open_deadline(self, index) -> None:
        case_id = self.deadlines.data(index, Qt.ItemDataRole.UserRole)
        if case_id:  # a group's heading opens nothing
            self.open_case.emit(case_id)

    def _deadlines(self, items) -> None:
        self.deadlines.set_items(items)
        self.deadline_view.clearSpans()
        for row in self.deadlines.group_rows():
            self.deadline_view.setSpan(row, 0, 1, self.deadlines.columnCount())
        self.deadline_empty.setVisible(not items or len(items) >= DEADLINE_LIMIT)
        if len(items) >= DEADLINE_LIMIT:  # the rest: `suyuan deadlines` or the case list's filters
            self.deadline_empty.setText(translate("home", "仅显示最紧急的 {DEADLINE_LIMIT} 项。").format(DEADLINE_LIMIT=DEADLINE_LIMIT))
        else:
            self.deadline_empty.setText(translate("home", "近期没有到期事项。"))
