# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mainwindow.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QMainWindow, QMenu, QMenuBar,
    QSizePolicy, QStatusBar, QToolBar, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 760)
        MainWindow.setDockNestingEnabled(True)
        self.actionImportProducts = QAction(MainWindow)
        self.actionImportProducts.setObjectName(u"actionImportProducts")
#if QT_CONFIG(shortcut)
        self.actionImportProducts.setShortcut(u"Ctrl+I")
#endif // QT_CONFIG(shortcut)
        self.actionImportLineup = QAction(MainWindow)
        self.actionImportLineup.setObjectName(u"actionImportLineup")
#if QT_CONFIG(shortcut)
        self.actionImportLineup.setShortcut(u"Ctrl+Shift+I")
#endif // QT_CONFIG(shortcut)
        self.actionExportProducts = QAction(MainWindow)
        self.actionExportProducts.setObjectName(u"actionExportProducts")
#if QT_CONFIG(shortcut)
        self.actionExportProducts.setShortcut(u"Ctrl+E")
#endif // QT_CONFIG(shortcut)
        self.actionExportLineup = QAction(MainWindow)
        self.actionExportLineup.setObjectName(u"actionExportLineup")
#if QT_CONFIG(shortcut)
        self.actionExportLineup.setShortcut(u"Ctrl+Shift+E")
#endif // QT_CONFIG(shortcut)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionNewSession = QAction(MainWindow)
        self.actionNewSession.setObjectName(u"actionNewSession")
#if QT_CONFIG(shortcut)
        self.actionNewSession.setShortcut(u"Ctrl+N")
#endif // QT_CONFIG(shortcut)
        self.actionLanguageAuto = QAction(MainWindow)
        self.actionLanguageAuto.setObjectName(u"actionLanguageAuto")
        self.actionLanguageAuto.setCheckable(True)
        self.actionLanguageChinese = QAction(MainWindow)
        self.actionLanguageChinese.setObjectName(u"actionLanguageChinese")
        self.actionLanguageChinese.setCheckable(True)
        self.actionLanguageChinese.setText(u"\u4e2d\u6587")
        self.actionLanguageEnglish = QAction(MainWindow)
        self.actionLanguageEnglish.setObjectName(u"actionLanguageEnglish")
        self.actionLanguageEnglish.setCheckable(True)
        self.actionLanguageEnglish.setText(u"English")
        self.actionKeysAndPrompter = QAction(MainWindow)
        self.actionKeysAndPrompter.setObjectName(u"actionKeysAndPrompter")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuEdit = QMenu(self.menubar)
        self.menuEdit.setObjectName(u"menuEdit")
        self.menuSession = QMenu(self.menubar)
        self.menuSession.setObjectName(u"menuSession")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuSettings = QMenu(self.menubar)
        self.menuSettings.setObjectName(u"menuSettings")
        self.menuLanguage = QMenu(self.menuSettings)
        self.menuLanguage.setObjectName(u"menuLanguage")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.sessionToolBar = QToolBar(MainWindow)
        self.sessionToolBar.setObjectName(u"sessionToolBar")
        self.sessionToolBar.setMovable(False)
        MainWindow.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.sessionToolBar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuEdit.menuAction())
        self.menubar.addAction(self.menuSession.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuSettings.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionImportProducts)
        self.menuFile.addAction(self.actionImportLineup)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionExportProducts)
        self.menuFile.addAction(self.actionExportLineup)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuSession.addAction(self.actionNewSession)
        self.menuSettings.addAction(self.menuLanguage.menuAction())
        self.menuSettings.addAction(self.actionKeysAndPrompter)
        self.menuLanguage.addAction(self.actionLanguageAuto)
        self.menuLanguage.addAction(self.actionLanguageChinese)
        self.menuLanguage.addAction(self.actionLanguageEnglish)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"LiveConsole", None))
        self.actionImportProducts.setText(QCoreApplication.translate("MainWindow", u"Import &products\u2026", None))
        self.actionImportLineup.setText(QCoreApplication.translate("MainWindow", u"Import &lineup into this session\u2026", None))
        self.actionExportProducts.setText(QCoreApplication.translate("MainWindow", u"&Export products\u2026", None))
        self.actionExportLineup.setText(QCoreApplication.translate("MainWindow", u"Export l&ineup\u2026", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
        self.actionNewSession.setText(QCoreApplication.translate("MainWindow", u"&New session\u2026", None))
        self.actionLanguageAuto.setText(QCoreApplication.translate("MainWindow", u"Follow the system", None))
        self.actionKeysAndPrompter.setText(QCoreApplication.translate("MainWindow", u"&Keys and prompter\u2026", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About LiveConsole", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuEdit.setTitle(QCoreApplication.translate("MainWindow", u"&Edit", None))
        self.menuSession.setTitle(QCoreApplication.translate("MainWindow", u"&Session", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.menuSettings.setTitle(QCoreApplication.translate("MainWindow", u"Se&ttings", None))
        self.menuLanguage.setTitle(QCoreApplication.translate("MainWindow", u"&Language", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
        self.sessionToolBar.setWindowTitle(QCoreApplication.translate("MainWindow", u"Session", None))
    # retranslateUi

