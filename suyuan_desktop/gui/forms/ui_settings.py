# GENERATED from ui/settings.ui by installer/tools/build_forms.py (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings.ui'
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
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(1220, 720)
        self.grid = QGridLayout(SettingsPage)
        self.grid.setObjectName(u"grid")
        self.stationGroup = QGroupBox(SettingsPage)
        self.stationGroup.setObjectName(u"stationGroup")
        self.stationForm = QFormLayout(self.stationGroup)
        self.stationForm.setObjectName(u"stationForm")
        self.codeLabel = QLabel(self.stationGroup)
        self.codeLabel.setObjectName(u"codeLabel")

        self.stationForm.setWidget(0, QFormLayout.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.stationGroup)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setReadOnly(True)

        self.stationForm.setWidget(0, QFormLayout.FieldRole, self.codeEdit)

        self.nameLabel = QLabel(self.stationGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.stationForm.setWidget(1, QFormLayout.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.stationGroup)
        self.nameEdit.setObjectName(u"nameEdit")

        self.stationForm.setWidget(1, QFormLayout.FieldRole, self.nameEdit)

        self.committeeLabel = QLabel(self.stationGroup)
        self.committeeLabel.setObjectName(u"committeeLabel")

        self.stationForm.setWidget(2, QFormLayout.LabelRole, self.committeeLabel)

        self.committeeEdit = QLineEdit(self.stationGroup)
        self.committeeEdit.setObjectName(u"committeeEdit")

        self.stationForm.setWidget(2, QFormLayout.FieldRole, self.committeeEdit)

        self.shortLabel = QLabel(self.stationGroup)
        self.shortLabel.setObjectName(u"shortLabel")

        self.stationForm.setWidget(3, QFormLayout.LabelRole, self.shortLabel)

        self.shortEdit = QLineEdit(self.stationGroup)
        self.shortEdit.setObjectName(u"shortEdit")

        self.stationForm.setWidget(3, QFormLayout.FieldRole, self.shortEdit)

        self.templateLabel = QLabel(self.stationGroup)
        self.templateLabel.setObjectName(u"templateLabel")

        self.stationForm.setWidget(4, QFormLayout.LabelRole, self.templateLabel)

        self.templateEdit = QLineEdit(self.stationGroup)
        self.templateEdit.setObjectName(u"templateEdit")

        self.stationForm.setWidget(4, QFormLayout.FieldRole, self.templateEdit)

        self.addressLabel = QLabel(self.stationGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.stationForm.setWidget(5, QFormLayout.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.stationGroup)
        self.addressEdit.setObjectName(u"addressEdit")

        self.stationForm.setWidget(5, QFormLayout.FieldRole, self.addressEdit)

        self.saveStationButton = QPushButton(self.stationGroup)
        self.saveStationButton.setObjectName(u"saveStationButton")

        self.stationForm.setWidget(6, QFormLayout.FieldRole, self.saveStationButton)


        self.grid.addWidget(self.stationGroup, 0, 0, 1, 1)

        self.districtGroup = QGroupBox(SettingsPage)
        self.districtGroup.setObjectName(u"districtGroup")
        self.districtForm = QFormLayout(self.districtGroup)
        self.districtForm.setObjectName(u"districtForm")
        self.serverLabel = QLabel(self.districtGroup)
        self.serverLabel.setObjectName(u"serverLabel")

        self.districtForm.setWidget(0, QFormLayout.LabelRole, self.serverLabel)

        self.serverEdit = QLineEdit(self.districtGroup)
        self.serverEdit.setObjectName(u"serverEdit")

        self.districtForm.setWidget(0, QFormLayout.FieldRole, self.serverEdit)

        self.ticketLabel = QLabel(self.districtGroup)
        self.ticketLabel.setObjectName(u"ticketLabel")

        self.districtForm.setWidget(1, QFormLayout.LabelRole, self.ticketLabel)

        self.ticketEdit = QLineEdit(self.districtGroup)
        self.ticketEdit.setObjectName(u"ticketEdit")

        self.districtForm.setWidget(1, QFormLayout.FieldRole, self.ticketEdit)

        self.enrollButton = QPushButton(self.districtGroup)
        self.enrollButton.setObjectName(u"enrollButton")

        self.districtForm.setWidget(2, QFormLayout.FieldRole, self.enrollButton)

        self.enrollStateLabel = QLabel(self.districtGroup)
        self.enrollStateLabel.setObjectName(u"enrollStateLabel")
        self.enrollStateLabel.setProperty(u"role", u"note")
        self.enrollStateLabel.setWordWrap(True)
        self.enrollStateLabel.setText(u"")

        self.districtForm.setWidget(3, QFormLayout.FieldRole, self.enrollStateLabel)


        self.grid.addWidget(self.districtGroup, 1, 0, 1, 1)

        self.machineGroup = QGroupBox(SettingsPage)
        self.machineGroup.setObjectName(u"machineGroup")
        self.machineForm = QFormLayout(self.machineGroup)
        self.machineForm.setObjectName(u"machineForm")
        self.printerLabel = QLabel(self.machineGroup)
        self.printerLabel.setObjectName(u"printerLabel")

        self.machineForm.setWidget(0, QFormLayout.LabelRole, self.printerLabel)

        self.printerCombo = QComboBox(self.machineGroup)
        self.printerCombo.setObjectName(u"printerCombo")

        self.machineForm.setWidget(0, QFormLayout.FieldRole, self.printerCombo)

        self.bodyFontLabel = QLabel(self.machineGroup)
        self.bodyFontLabel.setObjectName(u"bodyFontLabel")

        self.machineForm.setWidget(1, QFormLayout.LabelRole, self.bodyFontLabel)

        self.bodyFontRow = QHBoxLayout()
        self.bodyFontRow.setObjectName(u"bodyFontRow")
        self.bodyFontEdit = QLineEdit(self.machineGroup)
        self.bodyFontEdit.setObjectName(u"bodyFontEdit")

        self.bodyFontRow.addWidget(self.bodyFontEdit)

        self.bodyFontButton = QPushButton(self.machineGroup)
        self.bodyFontButton.setObjectName(u"bodyFontButton")

        self.bodyFontRow.addWidget(self.bodyFontButton)

        self.bodyFontRow.setStretch(0, 1)

        self.machineForm.setLayout(1, QFormLayout.FieldRole, self.bodyFontRow)

        self.titleFontLabel = QLabel(self.machineGroup)
        self.titleFontLabel.setObjectName(u"titleFontLabel")

        self.machineForm.setWidget(2, QFormLayout.LabelRole, self.titleFontLabel)

        self.titleFontRow = QHBoxLayout()
        self.titleFontRow.setObjectName(u"titleFontRow")
        self.titleFontEdit = QLineEdit(self.machineGroup)
        self.titleFontEdit.setObjectName(u"titleFontEdit")

        self.titleFontRow.addWidget(self.titleFontEdit)

        self.titleFontButton = QPushButton(self.machineGroup)
        self.titleFontButton.setObjectName(u"titleFontButton")

        self.titleFontRow.addWidget(self.titleFontButton)

        self.titleFontRow.setStretch(0, 1)

        self.machineForm.setLayout(2, QFormLayout.FieldRole, self.titleFontRow)

        self.kioskLabel = QLabel(self.machineGroup)
        self.kioskLabel.setObjectName(u"kioskLabel")

        self.machineForm.setWidget(3, QFormLayout.LabelRole, self.kioskLabel)

        self.kioskCheck = QCheckBox(self.machineGroup)
        self.kioskCheck.setObjectName(u"kioskCheck")

        self.machineForm.setWidget(3, QFormLayout.FieldRole, self.kioskCheck)

        self.idleLabel = QLabel(self.machineGroup)
        self.idleLabel.setObjectName(u"idleLabel")

        self.machineForm.setWidget(4, QFormLayout.LabelRole, self.idleLabel)

        self.idleSpin = QSpinBox(self.machineGroup)
        self.idleSpin.setObjectName(u"idleSpin")
        self.idleSpin.setMinimum(1)
        self.idleSpin.setMaximum(240)
        self.idleSpin.setValue(10)

        self.machineForm.setWidget(4, QFormLayout.FieldRole, self.idleSpin)

        self.languageLabel = QLabel(self.machineGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.machineForm.setWidget(5, QFormLayout.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.machineGroup)
        self.languageCombo.setObjectName(u"languageCombo")

        self.machineForm.setWidget(5, QFormLayout.FieldRole, self.languageCombo)

        self.saveMachineButton = QPushButton(self.machineGroup)
        self.saveMachineButton.setObjectName(u"saveMachineButton")

        self.machineForm.setWidget(6, QFormLayout.FieldRole, self.saveMachineButton)


        self.grid.addWidget(self.machineGroup, 0, 1, 1, 1)

        self.backupGroup = QGroupBox(SettingsPage)
        self.backupGroup.setObjectName(u"backupGroup")
        self.backupBox = QVBoxLayout(self.backupGroup)
        self.backupBox.setObjectName(u"backupBox")
        self.backupHint = QLabel(self.backupGroup)
        self.backupHint.setObjectName(u"backupHint")
        self.backupHint.setProperty(u"role", u"note")
        self.backupHint.setWordWrap(True)

        self.backupBox.addWidget(self.backupHint)

        self.backupRow = QHBoxLayout()
        self.backupRow.setObjectName(u"backupRow")
        self.backupButton = QPushButton(self.backupGroup)
        self.backupButton.setObjectName(u"backupButton")

        self.backupRow.addWidget(self.backupButton)

        self.backupSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backupRow.addItem(self.backupSpacer)


        self.backupBox.addLayout(self.backupRow)


        self.grid.addWidget(self.backupGroup, 2, 0, 1, 1)

        self.usersGroup = QGroupBox(SettingsPage)
        self.usersGroup.setObjectName(u"usersGroup")
        self.usersBox = QVBoxLayout(self.usersGroup)
        self.usersBox.setObjectName(u"usersBox")
        self.usersTable = QTableWidget(self.usersGroup)
        if (self.usersTable.columnCount() < 4):
            self.usersTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.usersTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.usersTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.usersTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.usersTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.usersTable.setObjectName(u"usersTable")
        self.usersTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.usersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.usersTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.usersTable.verticalHeader().setVisible(False)

        self.usersBox.addWidget(self.usersTable)

        self.userButtons = QHBoxLayout()
        self.userButtons.setObjectName(u"userButtons")
        self.addUserButton = QPushButton(self.usersGroup)
        self.addUserButton.setObjectName(u"addUserButton")

        self.userButtons.addWidget(self.addUserButton)

        self.resetPasswordButton = QPushButton(self.usersGroup)
        self.resetPasswordButton.setObjectName(u"resetPasswordButton")

        self.userButtons.addWidget(self.resetPasswordButton)

        self.toggleActiveButton = QPushButton(self.usersGroup)
        self.toggleActiveButton.setObjectName(u"toggleActiveButton")

        self.userButtons.addWidget(self.toggleActiveButton)

        self.userSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.userButtons.addItem(self.userSpacer)


        self.usersBox.addLayout(self.userButtons)


        self.grid.addWidget(self.usersGroup, 1, 1, 2, 1)

        self.grid.setRowStretch(1, 1)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        QWidget.setTabOrder(self.codeEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.committeeEdit)
        QWidget.setTabOrder(self.committeeEdit, self.shortEdit)
        QWidget.setTabOrder(self.shortEdit, self.templateEdit)
        QWidget.setTabOrder(self.templateEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.saveStationButton)
        QWidget.setTabOrder(self.saveStationButton, self.serverEdit)
        QWidget.setTabOrder(self.serverEdit, self.ticketEdit)
        QWidget.setTabOrder(self.ticketEdit, self.enrollButton)
        QWidget.setTabOrder(self.enrollButton, self.printerCombo)
        QWidget.setTabOrder(self.printerCombo, self.bodyFontEdit)
        QWidget.setTabOrder(self.bodyFontEdit, self.bodyFontButton)
        QWidget.setTabOrder(self.bodyFontButton, self.titleFontEdit)
        QWidget.setTabOrder(self.titleFontEdit, self.titleFontButton)
        QWidget.setTabOrder(self.titleFontButton, self.kioskCheck)
        QWidget.setTabOrder(self.kioskCheck, self.idleSpin)
        QWidget.setTabOrder(self.idleSpin, self.languageCombo)
        QWidget.setTabOrder(self.languageCombo, self.saveMachineButton)
        QWidget.setTabOrder(self.saveMachineButton, self.backupButton)
        QWidget.setTabOrder(self.backupButton, self.usersTable)
        QWidget.setTabOrder(self.usersTable, self.addUserButton)
        QWidget.setTabOrder(self.addUserButton, self.resetPasswordButton)
        QWidget.setTabOrder(self.resetPasswordButton, self.toggleActiveButton)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.stationGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u672c\u7ad9\u4fe1\u606f", None))
        self.codeLabel.setText(QCoreApplication.translate("SettingsPage", u"\u8c03\u59d4\u4f1a\u4ee3\u7801", None))
        self.nameLabel.setText(QCoreApplication.translate("SettingsPage", u"\u7ad9\u70b9\u540d\u79f0", None))
        self.committeeLabel.setText(QCoreApplication.translate("SettingsPage", u"\u8c03\u89e3\u59d4\u5458\u4f1a", None))
        self.shortLabel.setText(QCoreApplication.translate("SettingsPage", u"\u6848\u53f7\u7b80\u79f0", None))
        self.templateLabel.setText(QCoreApplication.translate("SettingsPage", u"\u6848\u53f7\u6a21\u677f", None))
        self.addressLabel.setText(QCoreApplication.translate("SettingsPage", u"\u5730\u5740", None))
        self.saveStationButton.setText(QCoreApplication.translate("SettingsPage", u"\u4fdd\u5b58\u7ad9\u70b9\u4fe1\u606f", None))
        self.districtGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u533a\u4e2d\u5fc3", None))
        self.serverLabel.setText(QCoreApplication.translate("SettingsPage", u"\u670d\u52a1\u5668\u5730\u5740", None))
        self.serverEdit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"https://\u533a\u4e2d\u5fc3\u5730\u5740", None))
        self.ticketLabel.setText(QCoreApplication.translate("SettingsPage", u"\u6ce8\u518c\u7801", None))
        self.ticketEdit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"\u533a\u4e2d\u5fc3\u7b7e\u53d1\u7684\u4e00\u6b21\u6027\u6ce8\u518c\u7801\uff0872\u5c0f\u65f6\u5185\u6709\u6548\uff09", None))
        self.enrollButton.setText(QCoreApplication.translate("SettingsPage", u"\u6ce8\u518c\u5230\u533a\u4e2d\u5fc3", None))
        self.machineGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u672c\u673a\uff08\u53ea\u5bf9\u8fd9\u53f0\u7535\u8111\u6709\u6548\uff09", None))
        self.printerLabel.setText(QCoreApplication.translate("SettingsPage", u"\u6253\u5370\u673a\uff08\u89e6\u6478\u6a21\u5f0f\u76f4\u63a5\u6253\u5370\u5230\u6b64\uff09", None))
        self.bodyFontLabel.setText(QCoreApplication.translate("SettingsPage", u"\u6b63\u6587\u5b57\u4f53\u6587\u4ef6", None))
        self.bodyFontEdit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"\u9ed8\u8ba4\uff1aAR PL UMing\uff08\u968f\u8f6f\u4ef6\u9644\u5e26\uff09\uff1b\u53ef\u9009\u672c\u673a\u7684\u4eff\u5b8b\u3001\u5b8b\u4f53 .ttf/.ttc", None))
        self.bodyFontButton.setText(QCoreApplication.translate("SettingsPage", u"\u9009\u62e9\u2026", None))
        self.titleFontLabel.setText(QCoreApplication.translate("SettingsPage", u"\u6807\u9898\u5b57\u4f53\u6587\u4ef6", None))
        self.titleFontEdit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"\u9ed8\u8ba4\uff1a\u6587\u6cc9\u9a7f\u6b63\u9ed1\uff08\u968f\u8f6f\u4ef6\u9644\u5e26\uff09", None))
        self.titleFontButton.setText(QCoreApplication.translate("SettingsPage", u"\u9009\u62e9\u2026", None))
        self.kioskLabel.setText(QCoreApplication.translate("SettingsPage", u"\u89e6\u6478\u5c4f\u6a21\u5f0f", None))
        self.kioskCheck.setText(QCoreApplication.translate("SettingsPage", u"\u5168\u5c4f\u3001\u5927\u6309\u94ae\uff0c\u7a7a\u95f2\u540e\u81ea\u52a8\u9501\u5b9a\uff08\u4e0b\u6b21\u542f\u52a8\u751f\u6548\uff09", None))
        self.idleLabel.setText(QCoreApplication.translate("SettingsPage", u"\u7a7a\u95f2\u9501\u5b9a", None))
        self.idleSpin.setSuffix(QCoreApplication.translate("SettingsPage", u" \u5206\u949f", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsPage", u"\u754c\u9762\u8bed\u8a00", None))
        self.saveMachineButton.setText(QCoreApplication.translate("SettingsPage", u"\u4fdd\u5b58\u672c\u673a\u8bbe\u7f6e", None))
        self.backupGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u6570\u636e\u5907\u4efd\uff08\u4ec5\u7ba1\u7406\u5458\uff09", None))
        self.backupHint.setText(QCoreApplication.translate("SettingsPage", u"\u628a\u6574\u4e2a\u5de5\u4f5c\u7ad9\uff08\u6848\u4ef6\u3001\u9644\u4ef6\u3001\u5ba1\u8ba1\u8bb0\u5f55\uff09\u5907\u4efd\u5230\u4e00\u4e2a\u7528\u53e3\u4ee4\u52a0\u5bc6\u7684\u6587\u4ef6\uff0c\u5199\u5b8c\u540e\u7acb\u5373\u6821\u9a8c\u3002\u8bf7\u5b58\u5230U\u76d8\u6216\u53e6\u4e00\u53f0\u7535\u8111\uff0c\u5e76\u7262\u8bb0\u53e3\u4ee4\uff1a\u6362\u673a\u6216\u786c\u76d8\u635f\u574f\u65f6\uff0c\u7528 suyuan restore \u51ed\u53e3\u4ee4\u6062\u590d\u3002", None))
        self.backupButton.setText(QCoreApplication.translate("SettingsPage", u"\u7acb\u5373\u5907\u4efd\u2026", None))
        self.usersGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u8d26\u53f7\uff08\u4ec5\u7ba1\u7406\u5458\u53ef\u7ba1\u7406\uff09", None))
        ___qtablewidgetitem = self.usersTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SettingsPage", u"\u767b\u5f55\u540d", None));
        ___qtablewidgetitem1 = self.usersTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SettingsPage", u"\u59d3\u540d", None));
        ___qtablewidgetitem2 = self.usersTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SettingsPage", u"\u89d2\u8272", None));
        ___qtablewidgetitem3 = self.usersTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("SettingsPage", u"\u72b6\u6001", None));
        self.addUserButton.setText(QCoreApplication.translate("SettingsPage", u"\u6dfb\u52a0\u8d26\u53f7", None))
        self.resetPasswordButton.setText(QCoreApplication.translate("SettingsPage", u"\u91cd\u8bbe\u5bc6\u7801\u2026", None))
        self.toggleActiveButton.setText(QCoreApplication.translate("SettingsPage", u"\u505c\u7528", None))
        pass
    # retranslateUi
