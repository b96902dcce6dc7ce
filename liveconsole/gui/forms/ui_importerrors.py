# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'importerrors.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ImportErrorsDialog(object):
    def setupUi(self, ImportErrorsDialog):
        if not ImportErrorsDialog.objectName():
            ImportErrorsDialog.setObjectName(u"ImportErrorsDialog")
        ImportErrorsDialog.resize(860, 420)
        self.mainLayout = QVBoxLayout(ImportErrorsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headline = QLabel(ImportErrorsDialog)
        self.headline.setObjectName(u"headline")
        self.headline.setWordWrap(True)
        self.headline.setText(u"")

        self.mainLayout.addWidget(self.headline)

        self.problemTable = QTableWidget(ImportErrorsDialog)
        self.problemTable.setObjectName(u"problemTable")
        self.problemTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.problemTable.setAlternatingRowColors(True)
        self.problemTable.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.mainLayout.addWidget(self.problemTable)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.copyButton = QPushButton(ImportErrorsDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.buttonRow.addWidget(self.copyButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(ImportErrorsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.buttonRow.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonRow)


        self.retranslateUi(ImportErrorsDialog)
        self.buttonBox.rejected.connect(ImportErrorsDialog.reject)

        QMetaObject.connectSlotsByName(ImportErrorsDialog)
    # setupUi

    def retranslateUi(self, ImportErrorsDialog):
        ImportErrorsDialog.setWindowTitle(QCoreApplication.translate("ImportErrorsDialog", u"Import failed \u2014 nothing was changed", None))
        self.copyButton.setText(QCoreApplication.translate("ImportErrorsDialog", u"Copy all", None))
    # retranslateUi

