# GENERATED from ui/workspace.ui by installer/tools/build_forms.py (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'workspace.ui'
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
    QLabel, QListWidgetItem, QPushButton, QSizePolicy,
    QTabWidget, QTableWidget, QTableWidgetItem, QTextBrowser,
    QToolButton, QVBoxLayout, QWidget)

from suyuan_desktop.gui.widgets import DropList

class Ui_CaseWorkspace(object):
    def setupUi(self, CaseWorkspace):
        if not CaseWorkspace.objectName():
            CaseWorkspace.setObjectName(u"CaseWorkspace")
        CaseWorkspace.resize(1200, 700)
        self.outer = QVBoxLayout(CaseWorkspace)
        self.outer.setObjectName(u"outer")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.backButton = QPushButton(CaseWorkspace)
        self.backButton.setObjectName(u"backButton")

        self.top.addWidget(self.backButton)

        self.headerLabel = QLabel(CaseWorkspace)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setProperty(u"role", u"title")
        self.headerLabel.setWordWrap(True)
        self.headerLabel.setText(u"")

        self.top.addWidget(self.headerLabel)

        self.printButton = QToolButton(CaseWorkspace)
        self.printButton.setObjectName(u"printButton")
        self.printButton.setMinimumSize(QSize(0, 34))
        self.printButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        self.top.addWidget(self.printButton)

        self.top.setStretch(1, 1)

        self.outer.addLayout(self.top)

        self.actionsBar = QHBoxLayout()
        self.actionsBar.setObjectName(u"actionsBar")

        self.outer.addLayout(self.actionsBar)

        self.tabs = QTabWidget(CaseWorkspace)
        self.tabs.setObjectName(u"tabs")
        self.basicBrowserPage = QWidget()
        self.basicBrowserPage.setObjectName(u"basicBrowserPage")
        self.basicBrowserLayout = QVBoxLayout(self.basicBrowserPage)
        self.basicBrowserLayout.setObjectName(u"basicBrowserLayout")
        self.basicBrowserLayout.setContentsMargins(0, 0, 0, 0)
        self.basicBrowser = QTextBrowser(self.basicBrowserPage)
        self.basicBrowser.setObjectName(u"basicBrowser")
        self.basicBrowser.setOpenExternalLinks(False)

        self.basicBrowserLayout.addWidget(self.basicBrowser)

        self.tabs.addTab(self.basicBrowserPage, "")
        self.partiesBrowserPage = QWidget()
        self.partiesBrowserPage.setObjectName(u"partiesBrowserPage")
        self.partiesBrowserLayout = QVBoxLayout(self.partiesBrowserPage)
        self.partiesBrowserLayout.setObjectName(u"partiesBrowserLayout")
        self.partiesBrowserLayout.setContentsMargins(0, 0, 0, 0)
        self.partiesBrowser = QTextBrowser(self.partiesBrowserPage)
        self.partiesBrowser.setObjectName(u"partiesBrowser")
        self.partiesBrowser.setOpenExternalLinks(False)

        self.partiesBrowserLayout.addWidget(self.partiesBrowser)

        self.tabs.addTab(self.partiesBrowserPage, "")
        self.recordsBrowserPage = QWidget()
        self.recordsBrowserPage.setObjectName(u"recordsBrowserPage")
        self.recordsBrowserLayout = QVBoxLayout(self.recordsBrowserPage)
        self.recordsBrowserLayout.setObjectName(u"recordsBrowserLayout")
        self.recordsBrowserLayout.setContentsMargins(0, 0, 0, 0)
        self.recordsBrowser = QTextBrowser(self.recordsBrowserPage)
        self.recordsBrowser.setObjectName(u"recordsBrowser")
        self.recordsBrowser.setOpenExternalLinks(False)

        self.recordsBrowserLayout.addWidget(self.recordsBrowser)

        self.tabs.addTab(self.recordsBrowserPage, "")
        self.factsBrowserPage = QWidget()
        self.factsBrowserPage.setObjectName(u"factsBrowserPage")
        self.factsBrowserLayout = QVBoxLayout(self.factsBrowserPage)
        self.factsBrowserLayout.setObjectName(u"factsBrowserLayout")
        self.factsBrowserLayout.setContentsMargins(0, 0, 0, 0)
        self.factsBrowser = QTextBrowser(self.factsBrowserPage)
        self.factsBrowser.setObjectName(u"factsBrowser")
        self.factsBrowser.setOpenExternalLinks(False)

        self.factsBrowserLayout.addWidget(self.factsBrowser)

        self.tabs.addTab(self.factsBrowserPage, "")
        self.agreementBrowserPage = QWidget()
        self.agreementBrowserPage.setObjectName(u"agreementBrowserPage")
        self.agreementBrowserLayout = QVBoxLayout(self.agreementBrowserPage)
        self.agreementBrowserLayout.setObjectName(u"agreementBrowserLayout")
        self.agreementBrowserLayout.setContentsMargins(0, 0, 0, 0)
        self.agreementBrowser = QTextBrowser(self.agreementBrowserPage)
        self.agreementBrowser.setObjectName(u"agreementBrowser")
        self.agreementBrowser.setOpenExternalLinks(False)

        self.agreementBrowserLayout.addWidget(self.agreementBrowser)

        self.tabs.addTab(self.agreementBrowserPage, "")
        self.followUpBrowserPage = QWidget()
        self.followUpBrowserPage.setObjectName(u"followUpBrowserPage")
        self.followUpBrowserLayout = QVBoxLayout(self.followUpBrowserPage)
        self.followUpBrowserLayout.setObjectName(u"followUpBrowserLayout")
        self.followUpBrowserLayout.setContentsMargins(0, 0, 0, 0)
        self.followUpBrowser = QTextBrowser(self.followUpBrowserPage)
        self.followUpBrowser.setObjectName(u"followUpBrowser")
        self.followUpBrowser.setOpenExternalLinks(False)

        self.followUpBrowserLayout.addWidget(self.followUpBrowser)

        self.tabs.addTab(self.followUpBrowserPage, "")
        self.confirmationBrowserPage = QWidget()
        self.confirmationBrowserPage.setObjectName(u"confirmationBrowserPage")
        self.confirmationBrowserLayout = QVBoxLayout(self.confirmationBrowserPage)
        self.confirmationBrowserLayout.setObjectName(u"confirmationBrowserLayout")
        self.confirmationBrowserLayout.setContentsMargins(0, 0, 0, 0)
        self.confirmationBrowser = QTextBrowser(self.confirmationBrowserPage)
        self.confirmationBrowser.setObjectName(u"confirmationBrowser")
        self.confirmationBrowser.setOpenExternalLinks(False)

        self.confirmationBrowserLayout.addWidget(self.confirmationBrowser)

        self.tabs.addTab(self.confirmationBrowserPage, "")
        self.attachmentsPage = QWidget()
        self.attachmentsPage.setObjectName(u"attachmentsPage")
        self.attachmentsLayout = QVBoxLayout(self.attachmentsPage)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.dropHint = QLabel(self.attachmentsPage)
        self.dropHint.setObjectName(u"dropHint")

        self.attachmentsLayout.addWidget(self.dropHint)

        self.attachmentList = DropList(self.attachmentsPage)
        self.attachmentList.setObjectName(u"attachmentList")

        self.attachmentsLayout.addWidget(self.attachmentList)

        self.addAttachmentButton = QPushButton(self.attachmentsPage)
        self.addAttachmentButton.setObjectName(u"addAttachmentButton")

        self.attachmentsLayout.addWidget(self.addAttachmentButton)

        self.attachmentsLayout.setStretch(1, 1)
        self.tabs.addTab(self.attachmentsPage, "")
        self.auditPage = QWidget()
        self.auditPage.setObjectName(u"auditPage")
        self.auditLayout = QVBoxLayout(self.auditPage)
        self.auditLayout.setObjectName(u"auditLayout")
        self.auditLayout.setContentsMargins(0, 0, 0, 0)
        self.auditTable = QTableWidget(self.auditPage)
        if (self.auditTable.columnCount() < 4):
            self.auditTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.auditTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.auditTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.auditTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.auditTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.auditTable.setObjectName(u"auditTable")
        self.auditTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.auditTable.horizontalHeader().setStretchLastSection(True)

        self.auditLayout.addWidget(self.auditTable)

        self.tabs.addTab(self.auditPage, "")

        self.outer.addWidget(self.tabs)

        self.outer.setStretch(2, 1)
        QWidget.setTabOrder(self.backButton, self.printButton)

        self.retranslateUi(CaseWorkspace)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(CaseWorkspace)
    # setupUi

    def retranslateUi(self, CaseWorkspace):
        self.backButton.setText(QCoreApplication.translate("CaseWorkspace", u"\u2190 \u8fd4\u56de", None))
        self.printButton.setText(QCoreApplication.translate("CaseWorkspace", u"\u6253\u5370\u6587\u4e66 \u25be", None))
        self.tabs.setTabText(self.tabs.indexOf(self.basicBrowserPage), QCoreApplication.translate("CaseWorkspace", u"\u57fa\u672c\u60c5\u51b5", None))
        self.tabs.setTabText(self.tabs.indexOf(self.partiesBrowserPage), QCoreApplication.translate("CaseWorkspace", u"\u5f53\u4e8b\u4eba", None))
        self.tabs.setTabText(self.tabs.indexOf(self.recordsBrowserPage), QCoreApplication.translate("CaseWorkspace", u"\u8c03\u67e5\u4e0e\u8c03\u89e3\u8bb0\u5f55", None))
        self.tabs.setTabText(self.tabs.indexOf(self.factsBrowserPage), QCoreApplication.translate("CaseWorkspace", u"\u65e0\u4e89\u8bae\u4e8b\u5b9e", None))
        self.tabs.setTabText(self.tabs.indexOf(self.agreementBrowserPage), QCoreApplication.translate("CaseWorkspace", u"\u534f\u8bae", None))
        self.tabs.setTabText(self.tabs.indexOf(self.followUpBrowserPage), QCoreApplication.translate("CaseWorkspace", u"\u5c65\u884c\u4e0e\u56de\u8bbf", None))
        self.tabs.setTabText(self.tabs.indexOf(self.confirmationBrowserPage), QCoreApplication.translate("CaseWorkspace", u"\u53f8\u6cd5\u786e\u8ba4", None))
        self.dropHint.setText(QCoreApplication.translate("CaseWorkspace", u"\u628a\u7b7e\u5b57\u540e\u7684\u626b\u63cf\u4ef6\u62d6\u5230\u8fd9\u91cc\uff0c\u6216\u70b9\u201c\u6dfb\u52a0\u9644\u4ef6\u201d\u3002", None))
        self.addAttachmentButton.setText(QCoreApplication.translate("CaseWorkspace", u"\u6dfb\u52a0\u9644\u4ef6\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.attachmentsPage), QCoreApplication.translate("CaseWorkspace", u"\u9644\u4ef6", None))
        ___qtablewidgetitem = self.auditTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CaseWorkspace", u"\u65f6\u95f4", None));
        ___qtablewidgetitem1 = self.auditTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CaseWorkspace", u"\u64cd\u4f5c\u4eba", None));
        ___qtablewidgetitem2 = self.auditTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("CaseWorkspace", u"\u5bf9\u8c61", None));
        ___qtablewidgetitem3 = self.auditTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("CaseWorkspace", u"\u53d8\u66f4\u7684\u5b57\u6bb5", None));
        self.tabs.setTabText(self.tabs.indexOf(self.auditPage), QCoreApplication.translate("CaseWorkspace", u"\u64cd\u4f5c\u8bb0\u5f55", None))
        pass
    # retranslateUi
