# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'productpanel.ui'
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
    QHeaderView, QLabel, QLineEdit, QSizePolicy,
    QTableView, QToolButton, QVBoxLayout, QWidget)

class Ui_ProductPanel(object):
    def setupUi(self, ProductPanel):
        if not ProductPanel.objectName():
            ProductPanel.setObjectName(u"ProductPanel")
        ProductPanel.resize(640, 480)
        self.mainLayout = QVBoxLayout(ProductPanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(4, 4, 4, 4)
        self.toolRow = QHBoxLayout()
        self.toolRow.setObjectName(u"toolRow")
        self.categoryLabel = QLabel(ProductPanel)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.toolRow.addWidget(self.categoryLabel)

        self.categoryFilter = QComboBox(ProductPanel)
        self.categoryFilter.setObjectName(u"categoryFilter")

        self.toolRow.addWidget(self.categoryFilter)

        self.searchEdit = QLineEdit(ProductPanel)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.toolRow.addWidget(self.searchEdit)

        self.addButton = QToolButton(ProductPanel)
        self.addButton.setObjectName(u"addButton")

        self.toolRow.addWidget(self.addButton)

        self.removeButton = QToolButton(ProductPanel)
        self.removeButton.setObjectName(u"removeButton")

        self.toolRow.addWidget(self.removeButton)

        self.moveUpButton = QToolButton(ProductPanel)
        self.moveUpButton.setObjectName(u"moveUpButton")

        self.toolRow.addWidget(self.moveUpButton)

        self.moveDownButton = QToolButton(ProductPanel)
        self.moveDownButton.setObjectName(u"moveDownButton")

        self.toolRow.addWidget(self.moveDownButton)

        self.toLineupButton = QToolButton(ProductPanel)
        self.toLineupButton.setObjectName(u"toLineupButton")

        self.toolRow.addWidget(self.toLineupButton)


        self.mainLayout.addLayout(self.toolRow)

        self.table = QTableView(ProductPanel)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setWordWrap(False)

        self.mainLayout.addWidget(self.table)

        self.summaryLabel = QLabel(ProductPanel)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"")

        self.mainLayout.addWidget(self.summaryLabel)

#if QT_CONFIG(shortcut)
        self.categoryLabel.setBuddy(self.categoryFilter)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProductPanel)

        QMetaObject.connectSlotsByName(ProductPanel)
    # setupUi

    def retranslateUi(self, ProductPanel):
        self.categoryLabel.setText(QCoreApplication.translate("ProductPanel", u"Category", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("ProductPanel", u"Search title, SKU or link number", None))
        self.addButton.setText(QCoreApplication.translate("ProductPanel", u"Add", None))
        self.removeButton.setText(QCoreApplication.translate("ProductPanel", u"Remove", None))
        self.moveUpButton.setText(QCoreApplication.translate("ProductPanel", u"Up", None))
        self.moveDownButton.setText(QCoreApplication.translate("ProductPanel", u"Down", None))
        self.toLineupButton.setText(QCoreApplication.translate("ProductPanel", u"Add to lineup", None))
        pass
    # retranslateUi

