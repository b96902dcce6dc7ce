# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'devicespanel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

from liveconsole.gui.frame_preview import FramePreview

class Ui_DevicesPanel(object):
    def setupUi(self, DevicesPanel):
        if not DevicesPanel.objectName():
            DevicesPanel.setObjectName(u"DevicesPanel")
        DevicesPanel.resize(720, 640)
        self.mainLayout = QVBoxLayout(DevicesPanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(4, 4, 4, 4)
        self.deviceRow = QHBoxLayout()
        self.deviceRow.setObjectName(u"deviceRow")
        self.cameraLabel = QLabel(DevicesPanel)
        self.cameraLabel.setObjectName(u"cameraLabel")

        self.deviceRow.addWidget(self.cameraLabel)

        self.cameraSource = QComboBox(DevicesPanel)
        self.cameraSource.setObjectName(u"cameraSource")
        self.cameraSource.setEditable(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.cameraSource.sizePolicy().hasHeightForWidth())
        self.cameraSource.setSizePolicy(sizePolicy)

        self.deviceRow.addWidget(self.cameraSource)

        self.cameraButton = QPushButton(DevicesPanel)
        self.cameraButton.setObjectName(u"cameraButton")

        self.deviceRow.addWidget(self.cameraButton)

        self.micLabel = QLabel(DevicesPanel)
        self.micLabel.setObjectName(u"micLabel")

        self.deviceRow.addWidget(self.micLabel)

        self.micSource = QComboBox(DevicesPanel)
        self.micSource.setObjectName(u"micSource")
        sizePolicy.setHeightForWidth(self.micSource.sizePolicy().hasHeightForWidth())
        self.micSource.setSizePolicy(sizePolicy)

        self.deviceRow.addWidget(self.micSource)

        self.meterButton = QPushButton(DevicesPanel)
        self.meterButton.setObjectName(u"meterButton")

        self.deviceRow.addWidget(self.meterButton)


        self.mainLayout.addLayout(self.deviceRow)

        self.liveRow = QHBoxLayout()
        self.liveRow.setObjectName(u"liveRow")
        self.preview = FramePreview(DevicesPanel)
        self.preview.setObjectName(u"preview")
        self.preview.setMinimumSize(QSize(320, 180))

        self.liveRow.addWidget(self.preview)

        self.meterColumn = QVBoxLayout()
        self.meterColumn.setObjectName(u"meterColumn")
        self.meterText = QLabel(DevicesPanel)
        self.meterText.setObjectName(u"meterText")
        self.meterText.setText(u"")

        self.meterColumn.addWidget(self.meterText)

        self.levelBar = QProgressBar(DevicesPanel)
        self.levelBar.setObjectName(u"levelBar")
        self.levelBar.setMinimum(-60)
        self.levelBar.setMaximum(0)
        self.levelBar.setValue(-60)
        self.levelBar.setTextVisible(False)

        self.meterColumn.addWidget(self.levelBar)

        self.cameraStats = QLabel(DevicesPanel)
        self.cameraStats.setObjectName(u"cameraStats")
        self.cameraStats.setWordWrap(True)
        self.cameraStats.setText(u"")

        self.meterColumn.addWidget(self.cameraStats)


        self.liveRow.addLayout(self.meterColumn)

        self.liveRow.setStretch(0, 3)
        self.liveRow.setStretch(1, 1)

        self.mainLayout.addLayout(self.liveRow)

        self.checkRow = QHBoxLayout()
        self.checkRow.setObjectName(u"checkRow")
        self.runButton = QPushButton(DevicesPanel)
        self.runButton.setObjectName(u"runButton")

        self.checkRow.addWidget(self.runButton)

        self.phaseLabel = QLabel(DevicesPanel)
        self.phaseLabel.setObjectName(u"phaseLabel")
        self.phaseLabel.setText(u"")

        self.checkRow.addWidget(self.phaseLabel)

        self.checkSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.checkRow.addItem(self.checkSpacer)

        self.exportButton = QPushButton(DevicesPanel)
        self.exportButton.setObjectName(u"exportButton")

        self.checkRow.addWidget(self.exportButton)


        self.mainLayout.addLayout(self.checkRow)

        self.checklist = QTableWidget(DevicesPanel)
        self.checklist.setObjectName(u"checklist")
        self.checklist.setAlternatingRowColors(True)
        self.checklist.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.mainLayout.addWidget(self.checklist)


        self.retranslateUi(DevicesPanel)

        QMetaObject.connectSlotsByName(DevicesPanel)
    # setupUi

    def retranslateUi(self, DevicesPanel):
        self.cameraLabel.setText(QCoreApplication.translate("DevicesPanel", u"Camera", None))
        self.cameraButton.setText(QCoreApplication.translate("DevicesPanel", u"Preview", None))
        self.micLabel.setText(QCoreApplication.translate("DevicesPanel", u"Microphone", None))
        self.meterButton.setText(QCoreApplication.translate("DevicesPanel", u"Meter", None))
        self.runButton.setText(QCoreApplication.translate("DevicesPanel", u"Run the pre-live check", None))
        self.exportButton.setText(QCoreApplication.translate("DevicesPanel", u"Export report\u2026", None))
        pass
    # retranslateUi

