# GENERATED from ui/intake.ui by installer/tools/build_forms.py (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QLabel, QPlainTextEdit, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from suyuan_desktop.gui.widgets import (DateEdit, Field)

class Ui_IntakeDialog(object):
    def setupUi(self, IntakeDialog):
        if not IntakeDialog.objectName():
            IntakeDialog.setObjectName(u"IntakeDialog")
        IntakeDialog.resize(820, 760)
        self.outer = QVBoxLayout(IntakeDialog)
        self.outer.setObjectName(u"outer")
        self.scroll = QScrollArea(IntakeDialog)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.body.setObjectName(u"body")
        self.bodyLayout = QVBoxLayout(self.body)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.partiesHeading = QLabel(self.body)
        self.partiesHeading.setObjectName(u"partiesHeading")
        self.partiesHeading.setProperty(u"role", u"heading")

        self.bodyLayout.addWidget(self.partiesHeading)

        self.partiesLayout = QVBoxLayout()
        self.partiesLayout.setObjectName(u"partiesLayout")

        self.bodyLayout.addLayout(self.partiesLayout)

        self.addPartyButton = QPushButton(self.body)
        self.addPartyButton.setObjectName(u"addPartyButton")

        self.bodyLayout.addWidget(self.addPartyButton)

        self.basicHeading = QLabel(self.body)
        self.basicHeading.setObjectName(u"basicHeading")
        self.basicHeading.setProperty(u"role", u"heading")

        self.bodyLayout.addWidget(self.basicHeading)

        self.basicForm = QFormLayout()
        self.basicForm.setObjectName(u"basicForm")
        self.titleLabel = QLabel(self.body)
        self.titleLabel.setObjectName(u"titleLabel")

        self.basicForm.setWidget(0, QFormLayout.LabelRole, self.titleLabel)

        self.titleField = Field(self.body)
        self.titleField.setObjectName(u"titleField")

        self.basicForm.setWidget(0, QFormLayout.FieldRole, self.titleField)

        self.typeLabel = QLabel(self.body)
        self.typeLabel.setObjectName(u"typeLabel")

        self.basicForm.setWidget(1, QFormLayout.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(self.body)
        self.typeCombo.setObjectName(u"typeCombo")

        self.basicForm.setWidget(1, QFormLayout.FieldRole, self.typeCombo)

        self.sourceLabel = QLabel(self.body)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.basicForm.setWidget(2, QFormLayout.LabelRole, self.sourceLabel)

        self.sourceCombo = QComboBox(self.body)
        self.sourceCombo.setObjectName(u"sourceCombo")

        self.basicForm.setWidget(2, QFormLayout.FieldRole, self.sourceCombo)

        self.receivedLabel = QLabel(self.body)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.basicForm.setWidget(3, QFormLayout.LabelRole, self.receivedLabel)

        self.receivedEdit = DateEdit(self.body)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setCalendarPopup(True)
        self.receivedEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.basicForm.setWidget(3, QFormLayout.FieldRole, self.receivedEdit)

        self.summaryLabel = QLabel(self.body)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.basicForm.setWidget(4, QFormLayout.LabelRole, self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(self.body)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setMinimumSize(QSize(0, 90))
        self.summaryEdit.setMaximumSize(QSize(16777215, 90))

        self.basicForm.setWidget(4, QFormLayout.FieldRole, self.summaryEdit)

        self.summaryError = QLabel(self.body)
        self.summaryError.setObjectName(u"summaryError")
        self.summaryError.setProperty(u"role", u"error")
        self.summaryError.setText(u"")

        self.basicForm.setWidget(5, QFormLayout.FieldRole, self.summaryError)

        self.claimsLabel = QLabel(self.body)
        self.claimsLabel.setObjectName(u"claimsLabel")

        self.basicForm.setWidget(6, QFormLayout.LabelRole, self.claimsLabel)

        self.claimsEdit = QPlainTextEdit(self.body)
        self.claimsEdit.setObjectName(u"claimsEdit")
        self.claimsEdit.setMinimumSize(QSize(0, 60))
        self.claimsEdit.setMaximumSize(QSize(16777215, 60))

        self.basicForm.setWidget(6, QFormLayout.FieldRole, self.claimsEdit)

        self.riskCheck = QCheckBox(self.body)
        self.riskCheck.setObjectName(u"riskCheck")

        self.basicForm.setWidget(7, QFormLayout.FieldRole, self.riskCheck)


        self.bodyLayout.addLayout(self.basicForm)

        self.referralGroup = QGroupBox(self.body)
        self.referralGroup.setObjectName(u"referralGroup")
        self.referralForm = QFormLayout(self.referralGroup)
        self.referralForm.setObjectName(u"referralForm")
        self.courtLabel = QLabel(self.referralGroup)
        self.courtLabel.setObjectName(u"courtLabel")

        self.referralForm.setWidget(0, QFormLayout.LabelRole, self.courtLabel)

        self.courtField = Field(self.referralGroup)
        self.courtField.setObjectName(u"courtField")

        self.referralForm.setWidget(0, QFormLayout.FieldRole, self.courtField)

        self.refNumberLabel = QLabel(self.referralGroup)
        self.refNumberLabel.setObjectName(u"refNumberLabel")

        self.referralForm.setWidget(1, QFormLayout.LabelRole, self.refNumberLabel)

        self.refNumberField = Field(self.referralGroup)
        self.refNumberField.setObjectName(u"refNumberField")

        self.referralForm.setWidget(1, QFormLayout.FieldRole, self.refNumberField)

        self.signedForLabel = QLabel(self.referralGroup)
        self.signedForLabel.setObjectName(u"signedForLabel")

        self.referralForm.setWidget(2, QFormLayout.LabelRole, self.signedForLabel)

        self.signedForEdit = DateEdit(self.referralGroup)
        self.signedForEdit.setObjectName(u"signedForEdit")
        self.signedForEdit.setCalendarPopup(True)
        self.signedForEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.referralForm.setWidget(2, QFormLayout.FieldRole, self.signedForEdit)

        self.procedureLabel = QLabel(self.referralGroup)
        self.procedureLabel.setObjectName(u"procedureLabel")

        self.referralForm.setWidget(3, QFormLayout.LabelRole, self.procedureLabel)

        self.procedureCombo = QComboBox(self.referralGroup)
        self.procedureCombo.setObjectName(u"procedureCombo")

        self.referralForm.setWidget(3, QFormLayout.FieldRole, self.procedureCombo)


        self.bodyLayout.addWidget(self.referralGroup)

        self.bodySpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.bodyLayout.addItem(self.bodySpacer)

        self.scroll.setWidget(self.body)

        self.outer.addWidget(self.scroll)

        self.formError = QLabel(IntakeDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setProperty(u"role", u"error")
        self.formError.setWordWrap(True)
        self.formError.setText(u"")

        self.outer.addWidget(self.formError)

        self.buttons = QDialogButtonBox(IntakeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.outer.addWidget(self.buttons)

        self.outer.setStretch(0, 1)
        QWidget.setTabOrder(self.addPartyButton, self.titleField)
        QWidget.setTabOrder(self.titleField, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.sourceCombo)
        QWidget.setTabOrder(self.sourceCombo, self.receivedEdit)
        QWidget.setTabOrder(self.receivedEdit, self.summaryEdit)
        QWidget.setTabOrder(self.summaryEdit, self.claimsEdit)
        QWidget.setTabOrder(self.claimsEdit, self.riskCheck)
        QWidget.setTabOrder(self.riskCheck, self.courtField)
        QWidget.setTabOrder(self.courtField, self.refNumberField)
        QWidget.setTabOrder(self.refNumberField, self.signedForEdit)
        QWidget.setTabOrder(self.signedForEdit, self.procedureCombo)
        QWidget.setTabOrder(self.procedureCombo, self.buttons)

        self.retranslateUi(IntakeDialog)

        QMetaObject.connectSlotsByName(IntakeDialog)
    # setupUi

    def retranslateUi(self, IntakeDialog):
        IntakeDialog.setWindowTitle(QCoreApplication.translate("IntakeDialog", u"\u767b\u8bb0\u65b0\u6848\u4ef6", None))
        self.partiesHeading.setText(QCoreApplication.translate("IntakeDialog", u"\u5f53\u4e8b\u4eba", None))
        self.addPartyButton.setText(QCoreApplication.translate("IntakeDialog", u"\uff0b \u6dfb\u52a0\u5f53\u4e8b\u4eba", None))
        self.basicHeading.setText(QCoreApplication.translate("IntakeDialog", u"\u57fa\u672c\u60c5\u51b5", None))
        self.titleLabel.setText(QCoreApplication.translate("IntakeDialog", u"\u7ea0\u7eb7\u540d\u79f0", None))
        self.typeLabel.setText(QCoreApplication.translate("IntakeDialog", u"\u7ea0\u7eb7\u7c7b\u578b", None))
        self.sourceLabel.setText(QCoreApplication.translate("IntakeDialog", u"\u6848\u4ef6\u6765\u6e90", None))
        self.receivedLabel.setText(QCoreApplication.translate("IntakeDialog", u"\u6536\u6848\u65e5\u671f", None))
        self.summaryLabel.setText(QCoreApplication.translate("IntakeDialog", u"\u7ea0\u7eb7\u7b80\u8981\u60c5\u51b5", None))
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("IntakeDialog", u"\u7ea0\u7eb7\u7b80\u8981\u60c5\u51b5\uff1a\u65f6\u95f4\u3001\u5730\u70b9\u3001\u8d77\u56e0\u3001\u7ecf\u8fc7", None))
        self.claimsLabel.setText(QCoreApplication.translate("IntakeDialog", u"\u7533\u8bf7\u4e8b\u9879", None))
        self.claimsEdit.setPlaceholderText(QCoreApplication.translate("IntakeDialog", u"\u5f53\u4e8b\u4eba\u7533\u8bf7\u4e8b\u9879\uff1a1\u3001\u2026\u2026\uff1b2\u3001\u2026\u2026", None))
        self.riskCheck.setText(QCoreApplication.translate("IntakeDialog", u"\u6709\u6fc0\u5316\u98ce\u9669\uff08\u4eba\u6c11\u8c03\u89e3\u6cd5\u7b2c25\u6761\uff1a\u91c7\u53d6\u9884\u9632\u63aa\u65bd\uff0c\u5fc5\u8981\u65f6\u62a5\u544a\u516c\u5b89\u673a\u5173\uff09", None))
        self.referralGroup.setTitle(QCoreApplication.translate("IntakeDialog", u"\u6cd5\u9662\u59d4\u6d3e/\u59d4\u6258\u4fe1\u606f", None))
        self.courtLabel.setText(QCoreApplication.translate("IntakeDialog", u"\u6cd5\u9662", None))
        self.refNumberLabel.setText(QCoreApplication.translate("IntakeDialog", u"\u51fd\u4ef6\u7f16\u53f7", None))
        self.signedForLabel.setText(QCoreApplication.translate("IntakeDialog", u"\u6750\u6599\u7b7e\u6536\u65e5\u671f", None))
        self.procedureLabel.setText(QCoreApplication.translate("IntakeDialog", u"\u5ba1\u7406\u7a0b\u5e8f\uff08\u59d4\u6258\uff09", None))
    # retranslateUi
