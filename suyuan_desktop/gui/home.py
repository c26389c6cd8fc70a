"""工作台: deadlines falling due (most urgent first), my open cases, and the sync state."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ..core.domain.state_machine import OPEN_STATUSES
from ..core.store.repositories import CaseFilter
from .models import CaseListModel, DeadlineModel
from .widgets import heading, muted
from .i18n import translate

DEADLINE_LIMIT = 200


class HomePage(QWidget):
    open_case = Signal(str)
    new_case = Signal()

    def __init__(self, station_app, tasks, parent=None):
        super().__init__(parent)
        self.station_app = station_app
        self.tasks = tasks
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.greeting = QLabel()
        self.greeting.setStyleSheet("font-size: 18px; font-weight: bold;")
        top.addWidget(self.greeting, 1)
        self.new_button = QPushButton(translate("home", "＋ 登记新案件"))
        self.new_button.setMinimumHeight(40)
        self.new_button.clicked.connect(self.new_case.emit)
        top.addWidget(self.new_button)
        lay.addLayout(top)

        lay.addWidget(heading(translate("home", "即将到期（30天内，最紧急的在前）")))
        self.deadlines = DeadlineModel(self)
        self.deadline_view = self._table(self.deadlines)
        self.deadline_view.doubleClicked.connect(
            lambda idx: self.open_case.emit(self.deadlines.data(idx, Qt.ItemDataRole.UserRole)))
        lay.addWidget(self.deadline_view, 1)
        self.deadline_empty = muted(translate("home", "近期没有到期事项。"))
        lay.addWidget(self.deadline_empty)

        lay.addWidget(heading(translate("home", "我的在办案件")))
        self.mine = CaseListModel(station_app.cases, tasks, self)
        self.mine_view = self._table(self.mine)
        self.mine_view.doubleClicked.connect(lambda idx: self.open_case.emit(self.mine.case_id(idx.row())))
        lay.addWidget(self.mine_view, 1)

    @staticmethod
    def _table(model) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setAlternatingRowColors(True)
        return view

    def refresh(self, user) -> None:
        self.greeting.setText(translate("home", "{display_name}，您好").format(display_name=user.display_name))
        self.tasks.run(self.station_app.cases.deadlines, limit=DEADLINE_LIMIT, on_done=self._deadlines)
        statuses = tuple(s.value for s in OPEN_STATUSES)
        self.mine.set_filter(CaseFilter(statuses=statuses, mediator_id=user.mediator_id))

    def _deadlines(self, items) -> None:
        self.deadlines.set_items(items)
        self.deadline_empty.setVisible(not items or len(items) >= DEADLINE_LIMIT)
        if len(items) >= DEADLINE_LIMIT:  # the rest: `suyuan deadlines` or the case list's filters
            self.deadline_empty.setText(translate("home", "仅显示最紧急的 {DEADLINE_LIMIT} 项（最早到期的在前）。").format(DEADLINE_LIMIT=DEADLINE_LIMIT))
        else:
            self.deadline_empty.setText(translate("home", "近期没有到期事项。"))
