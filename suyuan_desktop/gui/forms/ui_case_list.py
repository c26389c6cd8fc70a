# GENERATED from ui/case_list.ui by installer/tools/build_forms.py (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_list.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

from suyuan_desktop.gui.widgets import DateEdit

class Ui_CaseListPage(object):
    def setupUi(self, CaseListPage):
        if not CaseListPage.objectName():
            CaseListPage.setObjectName(u"CaseListPage")
        CaseListPage.resize(1200, 700)
        self.outer = QVBoxLayout(CaseListPage)
        self.outer.setObjectName(u"outer")
        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchEdit = QLineEdit(CaseListPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(0, 36))
        self.searchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchEdit)

        self.newButton = QPushButton(CaseListPage)
        self.newButton.setObjectName(u"newButton")
        self.newButton.setMinimumSize(QSize(0, 36))

        self.searchRow.addWidget(self.newButton)

        self.searchRow.setStretch(0, 1)

        self.outer.addLayout(self.searchRow)

        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.statusCombo = QComboBox(CaseListPage)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterRow.addWidget(self.statusCombo)

        self.typeCombo = QComboBox(CaseListPage)
        self.typeCombo.setObjectName(u"typeCombo")

        self.filterRow.addWidget(self.typeCombo)

        self.sourceCombo = QComboBox(CaseListPage)
        self.sourceCombo.setObjectName(u"sourceCombo")

        self.filterRow.addWidget(self.sourceCombo)

        self.mediatorCombo = QComboBox(CaseListPage)
        self.mediatorCombo.setObjectName(u"mediatorCombo")

        self.filterRow.addWidget(self.mediatorCombo)

        self.useDatesCheck = QCheckBox(CaseListPage)
        self.useDatesCheck.setObjectName(u"useDatesCheck")

        self.filterRow.addWidget(self.useDatesCheck)

        self.dateFromEdit = DateEdit(CaseListPage)
        self.dateFromEdit.setObjectName(u"dateFromEdit")
        self.dateFromEdit.setEnabled(False)
        self.dateFromEdit.setCalendarPopup(True)
        self.dateFromEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.filterRow.addWidget(self.dateFromEdit)

        self.toLabel = QLabel(CaseListPage)
        self.toLabel.setObjectName(u"toLabel")

        self.filterRow.addWidget(self.toLabel)

        self.dateToEdit = DateEdit(CaseListPage)
        self.dateToEdit.setObjectName(u"dateToEdit")
        self.dateToEdit.setEnabled(False)
        self.dateToEdit.setCalendarPopup(True)
        self.dateToEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.filterRow.addWidget(self.dateToEdit)

        self.filterSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.filterSpacer)

        self.countLabel = QLabel(CaseListPage)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.filterRow.addWidget(self.countLabel)


        self.outer.addLayout(self.filterRow)

        self.tableView = QTableView(CaseListPage)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tableView.setAlternatingRowColors(True)
        self.tableView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tableView.horizontalHeader().setStretchLastSection(False)
        self.tableView.verticalHeader().setVisible(False)

        self.outer.addWidget(self.tableView)

        self.outer.setStretch(2, 1)
        QWidget.setTabOrder(self.searchEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.sourceCombo)
        QWidget.setTabOrder(self.sourceCombo, self.mediatorCombo)
        QWidget.setTabOrder(self.mediatorCombo, self.useDatesCheck)
        QWidget.setTabOrder(self.useDatesCheck, self.dateFromEdit)
        QWidget.setTabOrder(self.dateFromEdit, self.dateToEdit)
        QWidget.setTabOrder(self.dateToEdit, self.tableView)
        QWidget.setTabOrder(self.tableView, self.newButton)

        self.retranslateUi(CaseListPage)

        QMetaObject.connectSlotsByName(CaseListPage)
    # setupUi

    def retranslateUi(self, CaseListPage):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("CaseListPage", u"\u641c\u7d22\uff1a\u5f53\u4e8b\u4eba\u59d3\u540d\u3001\u8eab\u4efd\u8bc1\u53f7\u3001\u7535\u8bdd\uff08\u53ef\u8f93\u5c3e\u53f7\uff09\u6216\u6848\u53f7", None))
        self.newButton.setText(QCoreApplication.translate("CaseListPage", u"\uff0b \u767b\u8bb0\u65b0\u6848\u4ef6", None))
        self.useDatesCheck.setText(QCoreApplication.translate("CaseListPage", u"\u6536\u6848\u65e5\u671f", None))
        self.toLabel.setText(QCoreApplication.translate("CaseListPage", u"\u81f3", None))
        pass
    # retranslateUi
