# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scriptpanel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ScriptPanel(object):
    def setupUi(self, ScriptPanel):
        if not ScriptPanel.objectName():
            ScriptPanel.setObjectName(u"ScriptPanel")
        ScriptPanel.resize(900, 600)
        self.mainLayout = QVBoxLayout(ScriptPanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(4, 4, 4, 4)
        self.segmentLabel = QLabel(ScriptPanel)
        self.segmentLabel.setObjectName(u"segmentLabel")
        self.segmentLabel.setWordWrap(True)
        self.segmentLabel.setText(u"")

        self.mainLayout.addWidget(self.segmentLabel)

        self.sessionLabel = QLabel(ScriptPanel)
        self.sessionLabel.setObjectName(u"sessionLabel")
        self.sessionLabel.setText(u"")

        self.mainLayout.addWidget(self.sessionLabel)

        self.cueFrame = QFrame(ScriptPanel)
        self.cueFrame.setObjectName(u"cueFrame")
        self.cueRow = QHBoxLayout(self.cueFrame)
        self.cueRow.setObjectName(u"cueRow")
        self.cueRow.setContentsMargins(0, -1, 0, -1)
        self.cueLabel = QLabel(self.cueFrame)
        self.cueLabel.setObjectName(u"cueLabel")
        self.cueLabel.setText(u"")

        self.cueRow.addWidget(self.cueLabel)

        self.cueConfirmButton = QPushButton(self.cueFrame)
        self.cueConfirmButton.setObjectName(u"cueConfirmButton")

        self.cueRow.addWidget(self.cueConfirmButton)

        self.cueDismissButton = QPushButton(self.cueFrame)
        self.cueDismissButton.setObjectName(u"cueDismissButton")

        self.cueRow.addWidget(self.cueDismissButton)


        self.mainLayout.addWidget(self.cueFrame)

        self.controlRow = QHBoxLayout()
        self.controlRow.setObjectName(u"controlRow")
        self.startButton = QPushButton(ScriptPanel)
        self.startButton.setObjectName(u"startButton")

        self.controlRow.addWidget(self.startButton)

        self.previousButton = QPushButton(ScriptPanel)
        self.previousButton.setObjectName(u"previousButton")

        self.controlRow.addWidget(self.previousButton)

        self.nextButton = QPushButton(ScriptPanel)
        self.nextButton.setObjectName(u"nextButton")

        self.controlRow.addWidget(self.nextButton)

        self.controlSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.controlRow.addItem(self.controlSpacer)

        self.importButton = QPushButton(ScriptPanel)
        self.importButton.setObjectName(u"importButton")

        self.controlRow.addWidget(self.importButton)

        self.exportButton = QPushButton(ScriptPanel)
        self.exportButton.setObjectName(u"exportButton")

        self.controlRow.addWidget(self.exportButton)


        self.mainLayout.addLayout(self.controlRow)

        self.table = QTableWidget(ScriptPanel)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.mainLayout.addWidget(self.table)


        self.retranslateUi(ScriptPanel)

        QMetaObject.connectSlotsByName(ScriptPanel)
    # setupUi

    def retranslateUi(self, ScriptPanel):
        self.cueConfirmButton.setText(QCoreApplication.translate("ScriptPanel", u"Confirm", None))
        self.cueDismissButton.setText(QCoreApplication.translate("ScriptPanel", u"Skip", None))
        self.startButton.setText(QCoreApplication.translate("ScriptPanel", u"Start", None))
        self.previousButton.setText(QCoreApplication.translate("ScriptPanel", u"Previous", None))
        self.nextButton.setText(QCoreApplication.translate("ScriptPanel", u"Next", None))
        self.importButton.setText(QCoreApplication.translate("ScriptPanel", u"Import script\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("ScriptPanel", u"Export\u2026", None))
        pass
    # retranslateUi

