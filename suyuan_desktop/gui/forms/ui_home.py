# GENERATED from ui/home.ui by installer/tools/build_forms.py (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'home.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QTableView,
    QVBoxLayout, QWidget)

class Ui_HomePage(object):
    def setupUi(self, HomePage):
        if not HomePage.objectName():
            HomePage.setObjectName(u"HomePage")
        HomePage.resize(1200, 700)
        self.outer = QVBoxLayout(HomePage)
        self.outer.setObjectName(u"outer")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.greetingLabel = QLabel(HomePage)
        self.greetingLabel.setObjectName(u"greetingLabel")
        self.greetingLabel.setProperty(u"role", u"title")
        self.greetingLabel.setText(u"")

        self.top.addWidget(self.greetingLabel)

        self.newButton = QPushButton(HomePage)
        self.newButton.setObjectName(u"newButton")
        self.newButton.setMinimumSize(QSize(0, 40))

        self.top.addWidget(self.newButton)

        self.top.setStretch(0, 1)

        self.outer.addLayout(self.top)

        self.deadlineHeading = QLabel(HomePage)
        self.deadlineHeading.setObjectName(u"deadlineHeading")
        self.deadlineHeading.setProperty(u"role", u"heading")

        self.outer.addWidget(self.deadlineHeading)

        self.deadlineView = QTableView(HomePage)
        self.deadlineView.setObjectName(u"deadlineView")
        self.deadlineView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deadlineView.setAlternatingRowColors(True)
        self.deadlineView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deadlineView.horizontalHeader().setStretchLastSection(True)
        self.deadlineView.verticalHeader().setVisible(False)

        self.outer.addWidget(self.deadlineView)

        self.deadlineNote = QLabel(HomePage)
        self.deadlineNote.setObjectName(u"deadlineNote")
        self.deadlineNote.setProperty(u"role", u"note")
        self.deadlineNote.setWordWrap(True)

        self.outer.addWidget(self.deadlineNote)

        self.mineHeading = QLabel(HomePage)
        self.mineHeading.setObjectName(u"mineHeading")
        self.mineHeading.setProperty(u"role", u"heading")

        self.outer.addWidget(self.mineHeading)

        self.mineView = QTableView(HomePage)
        self.mineView.setObjectName(u"mineView")
        self.mineView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mineView.setAlternatingRowColors(True)
        self.mineView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mineView.horizontalHeader().setStretchLastSection(True)
        self.mineView.verticalHeader().setVisible(False)

        self.outer.addWidget(self.mineView)

        self.outer.setStretch(2, 1)
        self.outer.setStretch(5, 1)
        QWidget.setTabOrder(self.newButton, self.deadlineView)
        QWidget.setTabOrder(self.deadlineView, self.mineView)

        self.retranslateUi(HomePage)

        QMetaObject.connectSlotsByName(HomePage)
    # setupUi

    def retranslateUi(self, HomePage):
        self.newButton.setText(QCoreApplication.translate("HomePage", u"\uff0b \u767b\u8bb0\u65b0\u6848\u4ef6", None))
        self.deadlineHeading.setText(QCoreApplication.translate("HomePage", u"\u671f\u9650\uff1a\u5df2\u903e\u671f\u3001\u4eca\u5929\u5230\u671f\u30017 \u65e5\u5185\u300130 \u65e5\u5185", None))
        self.deadlineNote.setText(QCoreApplication.translate("HomePage", u"\u8fd1\u671f\u6ca1\u6709\u5230\u671f\u4e8b\u9879\u3002", None))
        self.mineHeading.setText(QCoreApplication.translate("HomePage", u"\u6211\u7684\u5728\u529e\u6848\u4ef6", None))
        pass
    # retranslateUi
