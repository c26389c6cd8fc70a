# GENERATED from ui/login.ui by installer/tools/build_forms.py (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(460, 360)
        self.outer = QVBoxLayout(LoginDialog)
        self.outer.setSpacing(14)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(36, 28, 36, 28)
        self.stationLabel = QLabel(LoginDialog)
        self.stationLabel.setObjectName(u"stationLabel")
        self.stationLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stationLabel.setProperty(u"role", u"title")

        self.outer.addWidget(self.stationLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setVerticalSpacing(12)
        self.usernameLabel = QLabel(LoginDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.form.setWidget(0, QFormLayout.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(LoginDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly|Qt.InputMethodHint.ImhNoAutoUppercase|Qt.InputMethodHint.ImhNoPredictiveText)

        self.form.setWidget(0, QFormLayout.FieldRole, self.usernameEdit)

        self.passwordLabel = QLabel(LoginDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(1, QFormLayout.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(LoginDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.FieldRole, self.passwordEdit)


        self.outer.addLayout(self.form)

        self.errorLabel = QLabel(LoginDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"role", u"error")

        self.outer.addWidget(self.errorLabel)

        self.loginButton = QPushButton(LoginDialog)
        self.loginButton.setObjectName(u"loginButton")
        self.loginButton.setMinimumSize(QSize(0, 44))

        self.outer.addWidget(self.loginButton)

        QWidget.setTabOrder(self.usernameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.loginButton)

        self.retranslateUi(LoginDialog)

        self.loginButton.setDefault(True)


        QMetaObject.connectSlotsByName(LoginDialog)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"\u767b\u5f55 - \u8bc9\u6e90\u8c03\u89e3\u5de5\u4f5c\u7ad9", None))
        self.stationLabel.setText(QCoreApplication.translate("LoginDialog", u"\u8c03\u89e3\u5de5\u4f5c\u7ad9", None))
        self.usernameLabel.setText(QCoreApplication.translate("LoginDialog", u"\u767b\u5f55\u540d", None))
        self.usernameEdit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"\u8bf7\u8f93\u5165\u767b\u5f55\u540d", None))
        self.passwordLabel.setText(QCoreApplication.translate("LoginDialog", u"\u5bc6\u7801", None))
        self.passwordEdit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"\u8bf7\u8f93\u5165\u5bc6\u7801", None))
        self.errorLabel.setText("")
        self.loginButton.setText(QCoreApplication.translate("LoginDialog", u"\u767b\u5f55", None))
    # retranslateUi
