# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'queuepanel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTableView,
    QVBoxLayout, QWidget)

class Ui_QueuePanel(object):
    def setupUi(self, QueuePanel):
        if not QueuePanel.objectName():
            QueuePanel.setObjectName(u"QueuePanel")
        QueuePanel.resize(900, 640)
        self.outerLayout = QHBoxLayout(QueuePanel)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(4, 4, 4, 4)
        self.mainColumn = QVBoxLayout()
        self.mainColumn.setObjectName(u"mainColumn")
        self.nowFrame = QFrame(QueuePanel)
        self.nowFrame.setObjectName(u"nowFrame")
        self.nowFrame.setFrameShape(QFrame.StyledPanel)
        self.nowLayout = QVBoxLayout(self.nowFrame)
        self.nowLayout.setObjectName(u"nowLayout")
        self.nowCaption = QLabel(self.nowFrame)
        self.nowCaption.setObjectName(u"nowCaption")

        self.nowLayout.addWidget(self.nowCaption)

        self.nowTitle = QLabel(self.nowFrame)
        self.nowTitle.setObjectName(u"nowTitle")
        self.nowTitle.setWordWrap(True)
        self.nowTitle.setText(u"")

        self.nowLayout.addWidget(self.nowTitle)

        self.nowDetail = QLabel(self.nowFrame)
        self.nowDetail.setObjectName(u"nowDetail")
        self.nowDetail.setText(u"")

        self.nowLayout.addWidget(self.nowDetail)

        self.repushBanner = QLabel(self.nowFrame)
        self.repushBanner.setObjectName(u"repushBanner")
        self.repushBanner.setText(u"")

        self.nowLayout.addWidget(self.repushBanner)


        self.mainColumn.addWidget(self.nowFrame)

        self.nextLabel = QLabel(QueuePanel)
        self.nextLabel.setObjectName(u"nextLabel")
        self.nextLabel.setText(u"")

        self.mainColumn.addWidget(self.nextLabel)

        self.commandRow = QHBoxLayout()
        self.commandRow.setObjectName(u"commandRow")
        self.linkEdit = QLineEdit(QueuePanel)
        self.linkEdit.setObjectName(u"linkEdit")
        self.linkEdit.setMinimumSize(QSize(240, 0))

        self.commandRow.addWidget(self.linkEdit)

        self.pushNextButton = QPushButton(QueuePanel)
        self.pushNextButton.setObjectName(u"pushNextButton")

        self.commandRow.addWidget(self.pushNextButton)

        self.repushButton = QPushButton(QueuePanel)
        self.repushButton.setObjectName(u"repushButton")

        self.commandRow.addWidget(self.repushButton)

        self.soldOutButton = QPushButton(QueuePanel)
        self.soldOutButton.setObjectName(u"soldOutButton")

        self.commandRow.addWidget(self.soldOutButton)

        self.restockQuantity = QSpinBox(QueuePanel)
        self.restockQuantity.setObjectName(u"restockQuantity")
        self.restockQuantity.setMinimum(1)
        self.restockQuantity.setMaximum(1000000)
        self.restockQuantity.setValue(100)

        self.commandRow.addWidget(self.restockQuantity)

        self.restockButton = QPushButton(QueuePanel)
        self.restockButton.setObjectName(u"restockButton")

        self.commandRow.addWidget(self.restockButton)

        self.relistButton = QPushButton(QueuePanel)
        self.relistButton.setObjectName(u"relistButton")

        self.commandRow.addWidget(self.relistButton)

        self.undoButton = QPushButton(QueuePanel)
        self.undoButton.setObjectName(u"undoButton")

        self.commandRow.addWidget(self.undoButton)

        self.hideCardButton = QPushButton(QueuePanel)
        self.hideCardButton.setObjectName(u"hideCardButton")

        self.commandRow.addWidget(self.hideCardButton)


        self.mainColumn.addLayout(self.commandRow)

        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.categoryLabel = QLabel(QueuePanel)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.filterRow.addWidget(self.categoryLabel)

        self.categoryFilter = QComboBox(QueuePanel)
        self.categoryFilter.setObjectName(u"categoryFilter")

        self.filterRow.addWidget(self.categoryFilter)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.filterSpacer)

        self.statusLabel = QLabel(QueuePanel)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setText(u"")

        self.filterRow.addWidget(self.statusLabel)


        self.mainColumn.addLayout(self.filterRow)

        self.table = QTableView(QueuePanel)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setWordWrap(False)

        self.mainColumn.addWidget(self.table)

        self.incidentFrame = QFrame(QueuePanel)
        self.incidentFrame.setObjectName(u"incidentFrame")
        self.incidentRow = QHBoxLayout(self.incidentFrame)
        self.incidentRow.setObjectName(u"incidentRow")
        self.incidentRow.setContentsMargins(0, -1, 0, -1)
        self.incidentType = QComboBox(self.incidentFrame)
        self.incidentType.setObjectName(u"incidentType")

        self.incidentRow.addWidget(self.incidentType)

        self.incidentNote = QLineEdit(self.incidentFrame)
        self.incidentNote.setObjectName(u"incidentNote")

        self.incidentRow.addWidget(self.incidentNote)

        self.incidentButton = QPushButton(self.incidentFrame)
        self.incidentButton.setObjectName(u"incidentButton")

        self.incidentRow.addWidget(self.incidentButton)


        self.mainColumn.addWidget(self.incidentFrame)

        self.mainColumn.setStretch(4, 1)

        self.outerLayout.addLayout(self.mainColumn)

        self.sideColumn = QVBoxLayout()
        self.sideColumn.setObjectName(u"sideColumn")
        self.flashBox = QGroupBox(QueuePanel)
        self.flashBox.setObjectName(u"flashBox")
        self.flashLayout = QVBoxLayout(self.flashBox)
        self.flashLayout.setObjectName(u"flashLayout")
        self.countdownLabel = QLabel(self.flashBox)
        self.countdownLabel.setObjectName(u"countdownLabel")
        self.countdownLabel.setAlignment(Qt.AlignCenter)
        self.countdownLabel.setText(u"\u2014")

        self.flashLayout.addWidget(self.countdownLabel)

        self.flashRow = QHBoxLayout()
        self.flashRow.setObjectName(u"flashRow")
        self.flashSeconds = QSpinBox(self.flashBox)
        self.flashSeconds.setObjectName(u"flashSeconds")
        self.flashSeconds.setMinimum(1)
        self.flashSeconds.setMaximum(3600)
        self.flashSeconds.setValue(60)

        self.flashRow.addWidget(self.flashSeconds)

        self.flashButton = QPushButton(self.flashBox)
        self.flashButton.setObjectName(u"flashButton")

        self.flashRow.addWidget(self.flashButton)


        self.flashLayout.addLayout(self.flashRow)


        self.sideColumn.addWidget(self.flashBox)

        self.reminderBox = QGroupBox(QueuePanel)
        self.reminderBox.setObjectName(u"reminderBox")
        self.reminderLayout = QVBoxLayout(self.reminderBox)
        self.reminderLayout.setObjectName(u"reminderLayout")
        self.reminderRow = QHBoxLayout()
        self.reminderRow.setObjectName(u"reminderRow")
        self.reminderKind = QComboBox(self.reminderBox)
        self.reminderKind.setObjectName(u"reminderKind")

        self.reminderRow.addWidget(self.reminderKind)

        self.reminderMinutes = QSpinBox(self.reminderBox)
        self.reminderMinutes.setObjectName(u"reminderMinutes")
        self.reminderMinutes.setMinimum(1)
        self.reminderMinutes.setMaximum(240)
        self.reminderMinutes.setValue(15)

        self.reminderRow.addWidget(self.reminderMinutes)

        self.reminderAddButton = QPushButton(self.reminderBox)
        self.reminderAddButton.setObjectName(u"reminderAddButton")

        self.reminderRow.addWidget(self.reminderAddButton)


        self.reminderLayout.addLayout(self.reminderRow)

        self.reminderList = QListWidget(self.reminderBox)
        self.reminderList.setObjectName(u"reminderList")

        self.reminderLayout.addWidget(self.reminderList)

        self.acknowledgeButton = QPushButton(self.reminderBox)
        self.acknowledgeButton.setObjectName(u"acknowledgeButton")

        self.reminderLayout.addWidget(self.acknowledgeButton)


        self.sideColumn.addWidget(self.reminderBox)

        self.incidentBox = QGroupBox(QueuePanel)
        self.incidentBox.setObjectName(u"incidentBox")
        self.incidentListLayout = QVBoxLayout(self.incidentBox)
        self.incidentListLayout.setObjectName(u"incidentListLayout")
        self.incidentList = QListWidget(self.incidentBox)
        self.incidentList.setObjectName(u"incidentList")

        self.incidentListLayout.addWidget(self.incidentList)

        self.incidentOpenButton = QPushButton(self.incidentBox)
        self.incidentOpenButton.setObjectName(u"incidentOpenButton")

        self.incidentListLayout.addWidget(self.incidentOpenButton)


        self.sideColumn.addWidget(self.incidentBox)


        self.outerLayout.addLayout(self.sideColumn)


        self.retranslateUi(QueuePanel)

        QMetaObject.connectSlotsByName(QueuePanel)
    # setupUi

    def retranslateUi(self, QueuePanel):
        self.nowCaption.setText(QCoreApplication.translate("QueuePanel", u"Now explaining", None))
        self.linkEdit.setPlaceholderText(QCoreApplication.translate("QueuePanel", u"Link number + Enter pushes it; Enter alone pushes the next", None))
        self.pushNextButton.setText(QCoreApplication.translate("QueuePanel", u"Push next", None))
        self.repushButton.setText(QCoreApplication.translate("QueuePanel", u"Re-push card", None))
        self.soldOutButton.setText(QCoreApplication.translate("QueuePanel", u"Sold out", None))
        self.restockButton.setText(QCoreApplication.translate("QueuePanel", u"Restock", None))
        self.relistButton.setText(QCoreApplication.translate("QueuePanel", u"Re-list", None))
        self.undoButton.setText(QCoreApplication.translate("QueuePanel", u"Undo", None))
        self.hideCardButton.setText(QCoreApplication.translate("QueuePanel", u"Hide card", None))
        self.categoryLabel.setText(QCoreApplication.translate("QueuePanel", u"Category", None))
        self.incidentNote.setPlaceholderText(QCoreApplication.translate("QueuePanel", u"What happened (Enter records it, Esc closes)", None))
        self.incidentButton.setText(QCoreApplication.translate("QueuePanel", u"Record", None))
        self.flashBox.setTitle(QCoreApplication.translate("QueuePanel", u"Flash sale", None))
        self.flashSeconds.setSuffix(QCoreApplication.translate("QueuePanel", u" s", None))
        self.flashButton.setText(QCoreApplication.translate("QueuePanel", u"Start", None))
        self.reminderBox.setTitle(QCoreApplication.translate("QueuePanel", u"Reminders", None))
        self.reminderMinutes.setSuffix(QCoreApplication.translate("QueuePanel", u" min", None))
        self.reminderAddButton.setText(QCoreApplication.translate("QueuePanel", u"Add", None))
        self.acknowledgeButton.setText(QCoreApplication.translate("QueuePanel", u"Mark done", None))
        self.incidentBox.setTitle(QCoreApplication.translate("QueuePanel", u"Incidents", None))
        self.incidentOpenButton.setText(QCoreApplication.translate("QueuePanel", u"New incident", None))
        pass
    # retranslateUi

