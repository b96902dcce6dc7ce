# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'newsession.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateTimeEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpinBox, QWidget)

class Ui_NewSessionDialog(object):
    def setupUi(self, NewSessionDialog):
        if not NewSessionDialog.objectName():
            NewSessionDialog.setObjectName(u"NewSessionDialog")
        NewSessionDialog.resize(420, 240)
        self.formLayout = QFormLayout(NewSessionDialog)
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(NewSessionDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(NewSessionDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.platformLabel = QLabel(NewSessionDialog)
        self.platformLabel.setObjectName(u"platformLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.platformLabel)

        self.platformEdit = QComboBox(NewSessionDialog)
        self.platformEdit.setObjectName(u"platformEdit")
        self.platformEdit.setEditable(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.platformEdit)

        self.startLabel = QLabel(NewSessionDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startEdit = QDateTimeEdit(NewSessionDialog)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setCalendarPopup(True)
        self.startEdit.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.minutesLabel = QLabel(NewSessionDialog)
        self.minutesLabel.setObjectName(u"minutesLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.minutesLabel)

        self.minutesEdit = QSpinBox(NewSessionDialog)
        self.minutesEdit.setObjectName(u"minutesEdit")
        self.minutesEdit.setMinimum(1)
        self.minutesEdit.setMaximum(1440)
        self.minutesEdit.setValue(180)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.minutesEdit)

        self.targetLabel = QLabel(NewSessionDialog)
        self.targetLabel.setObjectName(u"targetLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetEdit = QLineEdit(NewSessionDialog)
        self.targetEdit.setObjectName(u"targetEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.targetEdit)

        self.errorLabel = QLabel(NewSessionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setText(u"")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.errorLabel)

        self.buttonBox = QDialogButtonBox(NewSessionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.platformLabel.setBuddy(self.platformEdit)
        self.startLabel.setBuddy(self.startEdit)
        self.minutesLabel.setBuddy(self.minutesEdit)
        self.targetLabel.setBuddy(self.targetEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewSessionDialog)

        QMetaObject.connectSlotsByName(NewSessionDialog)
    # setupUi

    def retranslateUi(self, NewSessionDialog):
        NewSessionDialog.setWindowTitle(QCoreApplication.translate("NewSessionDialog", u"New session", None))
        self.nameLabel.setText(QCoreApplication.translate("NewSessionDialog", u"&Name", None))
        self.platformLabel.setText(QCoreApplication.translate("NewSessionDialog", u"&Platform", None))
        self.startLabel.setText(QCoreApplication.translate("NewSessionDialog", u"Planned &start", None))
        self.minutesLabel.setText(QCoreApplication.translate("NewSessionDialog", u"Planned &length (minutes)", None))
        self.targetLabel.setText(QCoreApplication.translate("NewSessionDialog", u"GMV &target (yuan)", None))
    # retranslateUi

