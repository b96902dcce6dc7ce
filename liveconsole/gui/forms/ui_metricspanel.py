# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'metricspanel.ui'
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
from PySide6.QtWidgets import (QApplication, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_MetricsPanel(object):
    def setupUi(self, MetricsPanel):
        if not MetricsPanel.objectName():
            MetricsPanel.setObjectName(u"MetricsPanel")
        MetricsPanel.resize(1100, 760)
        self.mainLayout = QVBoxLayout(MetricsPanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(4, 4, 4, 4)
        self.tilesHost = QWidget(MetricsPanel)
        self.tilesHost.setObjectName(u"tilesHost")
        self.tilesRow = QHBoxLayout(self.tilesHost)
        self.tilesRow.setObjectName(u"tilesRow")
        self.tilesRow.setContentsMargins(0, 0, 0, 0)

        self.mainLayout.addWidget(self.tilesHost)

        self.detailsHost = QWidget(MetricsPanel)
        self.detailsHost.setObjectName(u"detailsHost")
        self.detailsRow = QHBoxLayout(self.detailsHost)
        self.detailsRow.setObjectName(u"detailsRow")
        self.detailsRow.setContentsMargins(2, 0, 2, 0)

        self.mainLayout.addWidget(self.detailsHost)

        self.chartHost = QWidget(MetricsPanel)
        self.chartHost.setObjectName(u"chartHost")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.chartHost.sizePolicy().hasHeightForWidth())
        self.chartHost.setSizePolicy(sizePolicy)
        self.chartHost.setMinimumSize(QSize(0, 240))
        self.chartLayout = QVBoxLayout(self.chartHost)
        self.chartLayout.setObjectName(u"chartLayout")
        self.chartLayout.setContentsMargins(0, 0, 0, 0)

        self.mainLayout.addWidget(self.chartHost)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setObjectName(u"bottomRow")
        self.alertsBox = QGroupBox(MetricsPanel)
        self.alertsBox.setObjectName(u"alertsBox")
        self.alertsLayout = QVBoxLayout(self.alertsBox)
        self.alertsLayout.setObjectName(u"alertsLayout")
        self.alertList = QListWidget(self.alertsBox)
        self.alertList.setObjectName(u"alertList")
        self.alertList.setMaximumSize(QSize(16777215, 120))

        self.alertsLayout.addWidget(self.alertList)

        self.sendAlertButton = QPushButton(self.alertsBox)
        self.sendAlertButton.setObjectName(u"sendAlertButton")

        self.alertsLayout.addWidget(self.sendAlertButton)


        self.bottomRow.addWidget(self.alertsBox)

        self.entryBox = QGroupBox(MetricsPanel)
        self.entryBox.setObjectName(u"entryBox")
        self.entryLayout = QVBoxLayout(self.entryBox)
        self.entryLayout.setObjectName(u"entryLayout")
        self.quickRow = QHBoxLayout()
        self.quickRow.setObjectName(u"quickRow")
        self.quickEntry = QLineEdit(self.entryBox)
        self.quickEntry.setObjectName(u"quickEntry")
        self.quickEntry.setClearButtonEnabled(True)

        self.quickRow.addWidget(self.quickEntry)

        self.enterButton = QPushButton(self.entryBox)
        self.enterButton.setObjectName(u"enterButton")

        self.quickRow.addWidget(self.enterButton)


        self.entryLayout.addLayout(self.quickRow)

        self.entryMessage = QLabel(self.entryBox)
        self.entryMessage.setObjectName(u"entryMessage")
        self.entryMessage.setWordWrap(True)
        self.entryMessage.setText(u"")

        self.entryLayout.addWidget(self.entryMessage)

        self.sourcesLabel = QLabel(self.entryBox)
        self.sourcesLabel.setObjectName(u"sourcesLabel")
        self.sourcesLabel.setWordWrap(True)
        self.sourcesLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.sourcesLabel.setText(u"")

        self.entryLayout.addWidget(self.sourcesLabel)

        self.sourceButtons = QHBoxLayout()
        self.sourceButtons.setObjectName(u"sourceButtons")
        self.simulateButton = QPushButton(self.entryBox)
        self.simulateButton.setObjectName(u"simulateButton")
        self.simulateButton.setCheckable(True)

        self.sourceButtons.addWidget(self.simulateButton)

        self.importTrendButton = QPushButton(self.entryBox)
        self.importTrendButton.setObjectName(u"importTrendButton")

        self.sourceButtons.addWidget(self.importTrendButton)

        self.sourceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sourceButtons.addItem(self.sourceSpacer)


        self.entryLayout.addLayout(self.sourceButtons)


        self.bottomRow.addWidget(self.entryBox)


        self.mainLayout.addLayout(self.bottomRow)


        self.retranslateUi(MetricsPanel)

        QMetaObject.connectSlotsByName(MetricsPanel)
    # setupUi

    def retranslateUi(self, MetricsPanel):
        self.alertsBox.setTitle(QCoreApplication.translate("MetricsPanel", u"Alerts", None))
        self.sendAlertButton.setText(QCoreApplication.translate("MetricsPanel", u"Send to prompter", None))
        self.entryBox.setTitle(QCoreApplication.translate("MetricsPanel", u"Figures", None))
        self.quickEntry.setPlaceholderText(QCoreApplication.translate("MetricsPanel", u"gmv 62.7w \u5728\u7ebf 3500 \u8ba2\u5355 1280 \u2014 then Enter", None))
        self.enterButton.setText(QCoreApplication.translate("MetricsPanel", u"Enter", None))
        self.simulateButton.setText(QCoreApplication.translate("MetricsPanel", u"Simulate audience", None))
        self.importTrendButton.setText(QCoreApplication.translate("MetricsPanel", u"Import trend file\u2026", None))
        pass
    # retranslateUi

