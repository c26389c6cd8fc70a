# GENERATED from ui/station_setup.ui by installer/tools/build_forms.py (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'station_setup.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QWidget)

class Ui_StationSetupPage(object):
    def setupUi(self, StationSetupPage):
        if not StationSetupPage.objectName():
            StationSetupPage.setObjectName(u"StationSetupPage")
        StationSetupPage.resize(560, 420)
        self.form = QFormLayout(StationSetupPage)
        self.form.setObjectName(u"form")
        self.form.setVerticalSpacing(6)
        self.codeLabel = QLabel(StationSetupPage)
        self.codeLabel.setObjectName(u"codeLabel")

        self.form.setWidget(0, QFormLayout.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(StationSetupPage)
        self.codeEdit.setObjectName(u"codeEdit")

        self.form.setWidget(0, QFormLayout.FieldRole, self.codeEdit)

        self.codeError = QLabel(StationSetupPage)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setProperty(u"role", u"error")
        self.codeError.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.FieldRole, self.codeError)

        self.nameLabel = QLabel(StationSetupPage)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(2, QFormLayout.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(StationSetupPage)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(2, QFormLayout.FieldRole, self.nameEdit)

        self.nameError = QLabel(StationSetupPage)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setProperty(u"role", u"error")
        self.nameError.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.FieldRole, self.nameError)

        self.townshipLabel = QLabel(StationSetupPage)
        self.townshipLabel.setObjectName(u"townshipLabel")

        self.form.setWidget(4, QFormLayout.LabelRole, self.townshipLabel)

        self.townshipEdit = QLineEdit(StationSetupPage)
        self.townshipEdit.setObjectName(u"townshipEdit")

        self.form.setWidget(4, QFormLayout.FieldRole, self.townshipEdit)

        self.townshipError = QLabel(StationSetupPage)
        self.townshipError.setObjectName(u"townshipError")
        self.townshipError.setProperty(u"role", u"error")
        self.townshipError.setWordWrap(True)

        self.form.setWidget(5, QFormLayout.FieldRole, self.townshipError)

        self.shortLabel = QLabel(StationSetupPage)
        self.shortLabel.setObjectName(u"shortLabel")

        self.form.setWidget(6, QFormLayout.LabelRole, self.shortLabel)

        self.shortEdit = QLineEdit(StationSetupPage)
        self.shortEdit.setObjectName(u"shortEdit")

        self.form.setWidget(6, QFormLayout.FieldRole, self.shortEdit)

        self.shortError = QLabel(StationSetupPage)
        self.shortError.setObjectName(u"shortError")
        self.shortError.setProperty(u"role", u"error")
        self.shortError.setWordWrap(True)

        self.form.setWidget(7, QFormLayout.FieldRole, self.shortError)

        self.templateLabel = QLabel(StationSetupPage)
        self.templateLabel.setObjectName(u"templateLabel")

        self.form.setWidget(8, QFormLayout.LabelRole, self.templateLabel)

        self.templateEdit = QLineEdit(StationSetupPage)
        self.templateEdit.setObjectName(u"templateEdit")

        self.form.setWidget(8, QFormLayout.FieldRole, self.templateEdit)

        self.templateError = QLabel(StationSetupPage)
        self.templateError.setObjectName(u"templateError")
        self.templateError.setProperty(u"role", u"error")
        self.templateError.setWordWrap(True)

        self.form.setWidget(9, QFormLayout.FieldRole, self.templateError)

        self.exampleTitle = QLabel(StationSetupPage)
        self.exampleTitle.setObjectName(u"exampleTitle")

        self.form.setWidget(10, QFormLayout.LabelRole, self.exampleTitle)

        self.exampleLabel = QLabel(StationSetupPage)
        self.exampleLabel.setObjectName(u"exampleLabel")
        self.exampleLabel.setProperty(u"role", u"strong")

        self.form.setWidget(10, QFormLayout.FieldRole, self.exampleLabel)

        QWidget.setTabOrder(self.codeEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.townshipEdit)
        QWidget.setTabOrder(self.townshipEdit, self.shortEdit)
        QWidget.setTabOrder(self.shortEdit, self.templateEdit)

        self.retranslateUi(StationSetupPage)

        QMetaObject.connectSlotsByName(StationSetupPage)
    # setupUi

    def retranslateUi(self, StationSetupPage):
        self.codeLabel.setText(QCoreApplication.translate("StationSetupPage", u"\u8c03\u59d4\u4f1a\u4ee3\u7801", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("StationSetupPage", u"\u7531\u533a\u4e2d\u5fc3\u5206\u914d\uff0c\u5982 410703001", None))
        self.nameLabel.setText(QCoreApplication.translate("StationSetupPage", u"\u7ad9\u70b9\u540d\u79f0", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("StationSetupPage", u"\u5982 \u5e73\u539f\u9547\u77db\u76fe\u7ea0\u7eb7\u8c03\u5904\u4e2d\u5fc3", None))
        self.townshipLabel.setText(QCoreApplication.translate("StationSetupPage", u"\u6240\u5c5e\u4e61\u9547\uff08\u8857\u9053\uff09", None))
        self.townshipEdit.setPlaceholderText(QCoreApplication.translate("StationSetupPage", u"\u5982 \u5e73\u539f\u9547", None))
        self.shortLabel.setText(QCoreApplication.translate("StationSetupPage", u"\u6848\u53f7\u7b80\u79f0", None))
        self.shortEdit.setPlaceholderText(QCoreApplication.translate("StationSetupPage", u"\u5982 \u5e73\u539f\uff08\u51fa\u73b0\u5728\u6848\u53f7\u4e2d\uff09", None))
        self.templateLabel.setText(QCoreApplication.translate("StationSetupPage", u"\u6848\u53f7\u6a21\u677f", None))
        self.exampleTitle.setText(QCoreApplication.translate("StationSetupPage", u"\u6848\u53f7\u793a\u4f8b", None))
        pass
    # retranslateUi
