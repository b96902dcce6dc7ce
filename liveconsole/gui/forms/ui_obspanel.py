# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'obspanel.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ObsPanel(object):
    def setupUi(self, ObsPanel):
        if not ObsPanel.objectName():
            ObsPanel.setObjectName(u"ObsPanel")
        ObsPanel.resize(520, 420)
        self.mainLayout = QVBoxLayout(ObsPanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(4, 4, 4, 4)
        self.connectionRow = QHBoxLayout()
        self.connectionRow.setObjectName(u"connectionRow")
        self.stateLabel = QLabel(ObsPanel)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setText(u"")

        self.connectionRow.addWidget(self.stateLabel)

        self.addressLabel = QLabel(ObsPanel)
        self.addressLabel.setObjectName(u"addressLabel")
        self.addressLabel.setText(u"")

        self.connectionRow.addWidget(self.addressLabel)

        self.connectionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.connectionRow.addItem(self.connectionSpacer)

        self.passwordEdit = QLineEdit(ObsPanel)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.Password)

        self.connectionRow.addWidget(self.passwordEdit)

        self.connectButton = QPushButton(ObsPanel)
        self.connectButton.setObjectName(u"connectButton")

        self.connectionRow.addWidget(self.connectButton)


        self.mainLayout.addLayout(self.connectionRow)

        self.scenesBox = QGroupBox(ObsPanel)
        self.scenesBox.setObjectName(u"scenesBox")
        self.sceneGrid = QGridLayout(self.scenesBox)
        self.sceneGrid.setObjectName(u"sceneGrid")

        self.mainLayout.addWidget(self.scenesBox)

        self.healthBox = QGroupBox(ObsPanel)
        self.healthBox.setObjectName(u"healthBox")
        self.healthGrid = QGridLayout(self.healthBox)
        self.healthGrid.setObjectName(u"healthGrid")

        self.mainLayout.addWidget(self.healthBox)

        self.outputRow = QHBoxLayout()
        self.outputRow.setObjectName(u"outputRow")
        self.streamButton = QPushButton(ObsPanel)
        self.streamButton.setObjectName(u"streamButton")

        self.outputRow.addWidget(self.streamButton)

        self.recordButton = QPushButton(ObsPanel)
        self.recordButton.setObjectName(u"recordButton")

        self.outputRow.addWidget(self.recordButton)

        self.outputLabel = QLabel(ObsPanel)
        self.outputLabel.setObjectName(u"outputLabel")
        self.outputLabel.setText(u"")

        self.outputRow.addWidget(self.outputLabel)


        self.mainLayout.addLayout(self.outputRow)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)


        self.retranslateUi(ObsPanel)

        QMetaObject.connectSlotsByName(ObsPanel)
    # setupUi

    def retranslateUi(self, ObsPanel):
        self.passwordEdit.setPlaceholderText(QCoreApplication.translate("ObsPanel", u"OBS WebSocket password", None))
        self.connectButton.setText(QCoreApplication.translate("ObsPanel", u"Connect", None))
        self.scenesBox.setTitle(QCoreApplication.translate("ObsPanel", u"Scenes", None))
        self.healthBox.setTitle(QCoreApplication.translate("ObsPanel", u"Stream health", None))
        self.streamButton.setText(QCoreApplication.translate("ObsPanel", u"Start streaming", None))
        self.recordButton.setText(QCoreApplication.translate("ObsPanel", u"Start recording", None))
        pass
    # retranslateUi

