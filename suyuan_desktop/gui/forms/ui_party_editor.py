# GENERATED from ui/party_editor.ui by installer/tools/build_forms.py (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'party_editor.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QFrame,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from suyuan_desktop.gui.widgets import Field

class Ui_PartyEditor(object):
    def setupUi(self, PartyEditor):
        if not PartyEditor.objectName():
            PartyEditor.setObjectName(u"PartyEditor")
        PartyEditor.resize(780, 320)
        PartyEditor.setFrameShape(QFrame.Shape.StyledPanel)
        self.outer = QVBoxLayout(PartyEditor)
        self.outer.setObjectName(u"outer")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.titleLabel = QLabel(PartyEditor)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"strong")
        self.titleLabel.setText(u"")

        self.top.addWidget(self.titleLabel)

        self.roleCombo = QComboBox(PartyEditor)
        self.roleCombo.setObjectName(u"roleCombo")

        self.top.addWidget(self.roleCombo)

        self.kindCombo = QComboBox(PartyEditor)
        self.kindCombo.setObjectName(u"kindCombo")

        self.top.addWidget(self.kindCombo)

        self.topSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.top.addItem(self.topSpacer)

        self.removeButton = QPushButton(PartyEditor)
        self.removeButton.setObjectName(u"removeButton")

        self.top.addWidget(self.removeButton)


        self.outer.addLayout(self.top)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameLabel = QLabel(PartyEditor)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.LabelRole, self.nameLabel)

        self.nameField = Field(PartyEditor)
        self.nameField.setObjectName(u"nameField")

        self.form.setWidget(0, QFormLayout.FieldRole, self.nameField)

        self.idLabel = QLabel(PartyEditor)
        self.idLabel.setObjectName(u"idLabel")

        self.form.setWidget(1, QFormLayout.LabelRole, self.idLabel)

        self.idNumberField = Field(PartyEditor)
        self.idNumberField.setObjectName(u"idNumberField")

        self.form.setWidget(1, QFormLayout.FieldRole, self.idNumberField)

        self.derivedLabel = QLabel(PartyEditor)
        self.derivedLabel.setObjectName(u"derivedLabel")
        self.derivedLabel.setProperty(u"role", u"ok")
        self.derivedLabel.setText(u"")

        self.form.setWidget(2, QFormLayout.FieldRole, self.derivedLabel)

        self.creditLabel = QLabel(PartyEditor)
        self.creditLabel.setObjectName(u"creditLabel")

        self.form.setWidget(3, QFormLayout.LabelRole, self.creditLabel)

        self.creditCodeField = Field(PartyEditor)
        self.creditCodeField.setObjectName(u"creditCodeField")

        self.form.setWidget(3, QFormLayout.FieldRole, self.creditCodeField)

        self.legalRepLabel = QLabel(PartyEditor)
        self.legalRepLabel.setObjectName(u"legalRepLabel")

        self.form.setWidget(4, QFormLayout.LabelRole, self.legalRepLabel)

        self.legalRepField = Field(PartyEditor)
        self.legalRepField.setObjectName(u"legalRepField")

        self.form.setWidget(4, QFormLayout.FieldRole, self.legalRepField)

        self.phoneLabel = QLabel(PartyEditor)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(5, QFormLayout.LabelRole, self.phoneLabel)

        self.phoneField = Field(PartyEditor)
        self.phoneField.setObjectName(u"phoneField")

        self.form.setWidget(5, QFormLayout.FieldRole, self.phoneField)

        self.addressLabel = QLabel(PartyEditor)
        self.addressLabel.setObjectName(u"addressLabel")

        self.form.setWidget(6, QFormLayout.LabelRole, self.addressLabel)

        self.addressField = Field(PartyEditor)
        self.addressField.setObjectName(u"addressField")

        self.form.setWidget(6, QFormLayout.FieldRole, self.addressField)

        self.ethnicityLabel = QLabel(PartyEditor)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.form.setWidget(7, QFormLayout.LabelRole, self.ethnicityLabel)

        self.ethnicityField = Field(PartyEditor)
        self.ethnicityField.setObjectName(u"ethnicityField")

        self.form.setWidget(7, QFormLayout.FieldRole, self.ethnicityField)

        self.occupationLabel = QLabel(PartyEditor)
        self.occupationLabel.setObjectName(u"occupationLabel")

        self.form.setWidget(8, QFormLayout.LabelRole, self.occupationLabel)

        self.occupationField = Field(PartyEditor)
        self.occupationField.setObjectName(u"occupationField")

        self.form.setWidget(8, QFormLayout.FieldRole, self.occupationField)


        self.outer.addLayout(self.form)

        QWidget.setTabOrder(self.roleCombo, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.nameField)
        QWidget.setTabOrder(self.nameField, self.idNumberField)
        QWidget.setTabOrder(self.idNumberField, self.creditCodeField)
        QWidget.setTabOrder(self.creditCodeField, self.legalRepField)
        QWidget.setTabOrder(self.legalRepField, self.phoneField)
        QWidget.setTabOrder(self.phoneField, self.addressField)
        QWidget.setTabOrder(self.addressField, self.ethnicityField)
        QWidget.setTabOrder(self.ethnicityField, self.occupationField)
        QWidget.setTabOrder(self.occupationField, self.removeButton)

        self.retranslateUi(PartyEditor)

        QMetaObject.connectSlotsByName(PartyEditor)
    # setupUi

    def retranslateUi(self, PartyEditor):
        self.removeButton.setText(QCoreApplication.translate("PartyEditor", u"\u5220\u9664\u6b64\u5f53\u4e8b\u4eba", None))
        self.nameLabel.setText(QCoreApplication.translate("PartyEditor", u"\u59d3\u540d/\u540d\u79f0", None))
        self.idLabel.setText(QCoreApplication.translate("PartyEditor", u"\u8eab\u4efd\u8bc1\u53f7\u7801", None))
        self.creditLabel.setText(QCoreApplication.translate("PartyEditor", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.legalRepLabel.setText(QCoreApplication.translate("PartyEditor", u"\u6cd5\u5b9a\u4ee3\u8868\u4eba", None))
        self.phoneLabel.setText(QCoreApplication.translate("PartyEditor", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.addressLabel.setText(QCoreApplication.translate("PartyEditor", u"\u4f4f\u5740", None))
        self.ethnicityLabel.setText(QCoreApplication.translate("PartyEditor", u"\u6c11\u65cf", None))
        self.occupationLabel.setText(QCoreApplication.translate("PartyEditor", u"\u804c\u4e1a\u6216\u804c\u52a1", None))
        pass
    # retranslateUi
