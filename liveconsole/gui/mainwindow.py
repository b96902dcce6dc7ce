"""The main window: a shell of docks and menus that hands the core's models to the panels."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal
from PySide6.QtGui import QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QDockWidget, QLabel, QMainWindow, QMessageBox, QProgressBar

from liveconsole import __version__
from liveconsole.core.preparation import Preparation
from liveconsole.gui import placeholders
from liveconsole.gui.dialogs import NewSessionDialog
from liveconsole.gui.forms.ui_mainwindow import Ui_MainWindow
from liveconsole.gui.i18n import Translators, resolve_language
from liveconsole.gui.product_panels import LibraryPanel, LineupPanel
from liveconsole.gui.taskman import TaskManager
from liveconsole.gui.transfer import Transfer
from liveconsole.gui.undo import IdMap
from liveconsole.store.settings import Settings


class MainWindow(QMainWindow):
    """Emits `session_loaded` after the panels show a session's data (the store has answered)."""

    session_loaded = Signal()
    snapshot_shown = Signal(object)  # workspace.Snapshot, after the preparation panels show it

    def __init__(self, prep: Preparation, tasks: TaskManager, settings: Settings,
                 translators: Translators) -> None:
        super().__init__()
        self.form = Ui_MainWindow()
        self.form.setupUi(self)
        self.prep, self.tasks, self.settings, self.translators = prep, tasks, settings, translators
        self.workspace = None  # set by open_workspace once the store is open
        self.store_error: BaseException | None = None
        self.obs_panel = None  # the OBS panel, once its client has started
        self.queue_panel = None
        self.undo = QUndoStack(self)
        ids = IdMap()
        self.library_panel = LibraryPanel(prep, self.undo, ids)
        self.lineup_panel = LineupPanel(prep, self.undo, ids)
        self.transfer = Transfer(tasks, lambda: self.workspace, self)
        self.docks: dict[str, QDockWidget] = {}
        self._add_dock("library", self.library_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._add_dock("lineup", self.lineup_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        for key in ("queue", "script", "metrics"):
            self._add_dock(key, placeholders.PlannedPanel(key), Qt.DockWidgetArea.RightDockWidgetArea)
        for key in ("obs", "devices"):
            self._add_dock(key, placeholders.PlannedPanel(key), Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.docks["lineup"], self.docks["queue"])
        self.tabifyDockWidget(self.docks["queue"], self.docks["script"])
        self.tabifyDockWidget(self.docks["script"], self.docks["metrics"])
        self.tabifyDockWidget(self.docks["obs"], self.docks["devices"])
        self.docks["lineup"].raise_()
        self.docks["obs"].raise_()
        self.resizeDocks([self.docks["library"], self.docks["lineup"]], [700, 560], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["library"], self.docks["obs"]], [560, 140], Qt.Orientation.Vertical)
        self._build_menus()
        self._build_status()
        self.retranslate()
        self._restore_layout()

    # construction ----------------------------------------------------------------------------
    def _add_dock(self, key: str, widget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.form.menuView.addAction(dock.toggleViewAction())
        self.docks[key] = dock

    def _build_menus(self) -> None:
        f = self.form
        self.undo_action = self.undo.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        f.menuEdit.addActions([self.undo_action, self.redo_action])
        f.actionQuit.triggered.connect(self.close)
        f.actionImportProducts.triggered.connect(
            lambda: self.transfer.ask_import(None, self.settings["last_import_dir"]))
        f.actionImportLineup.triggered.connect(
            lambda: self.transfer.ask_import(self._session_name(), self.settings["last_import_dir"]))
        f.actionExportProducts.triggered.connect(
            lambda: self.transfer.ask_export(None, self.settings["last_import_dir"]))
        f.actionExportLineup.triggered.connect(
            lambda: self.transfer.ask_export(self._session_name(), self.settings["last_import_dir"]))
        f.actionNewSession.triggered.connect(self.new_session)
        f.actionAbout.triggered.connect(self._about)
        self.transfer.imported.connect(self._imported)
        group = QActionGroup(self)
        for action, code in ((f.actionLanguageAuto, "auto"), (f.actionLanguageChinese, "zh_CN"),
                             (f.actionLanguageEnglish, "en")):
            group.addAction(action)
            action.setChecked(self.settings["language"] == code)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
        self.session_combo = QComboBox(self)
        self.session_combo.setMinimumWidth(260)
        self.session_label = QLabel(self)
        f.sessionToolBar.addWidget(self.session_label)
        f.sessionToolBar.addWidget(self.session_combo)
        f.sessionToolBar.addAction(f.actionNewSession)
        self.session_combo.activated.connect(lambda _i: self.load_session(self.session_combo.currentText()))

    def _build_status(self) -> None:
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: imports don't know their length up front
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.form.statusbar.addPermanentWidget(self.progress)
        self.tasks.busy_changed.connect(self.progress.setVisible)
        for panel in (self.library_panel, self.lineup_panel):
            panel.message.connect(lambda text: self.form.statusbar.showMessage(text, 8000))
        self.transfer.started.connect(self.form.statusbar.showMessage)
        self.transfer.succeeded.connect(lambda text: self.form.statusbar.showMessage(text, 15000))
        self.transfer.failed.connect(self.form.statusbar.showMessage)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("LiveConsole 直播中控台"))
        names = {"library": self.tr("Product library"), "lineup": self.tr("Lineup")}
        for key, dock in self.docks.items():
            dock.setWindowTitle(names.get(key) or placeholders.title(key))
            widget = dock.widget()
            if isinstance(widget, placeholders.PlannedPanel):
                widget.retranslate()
        self.session_label.setText(self.tr("Session") + " ")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.form.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)

    def set_panel(self, key: str, widget) -> None:
        """Put a real panel in a dock that showed what would appear there."""
        old = self.docks[key].widget()
        self.docks[key].setWidget(widget)
        old.deleteLater()
        message = getattr(widget, "message", None)
        if message is not None:
            message.connect(lambda text: self.form.statusbar.showMessage(text, 8000))

    # the store -------------------------------------------------------------------------------
    def open_workspace(self, workspace, snapshot) -> None:
        """Called on the UI thread once the store is open and the first snapshot is read."""
        self.workspace = workspace
        self.prep.attach(workspace.products, workspace.sessions)
        self._show_snapshot(snapshot)

    def store_failed(self, exc: BaseException, show_dialog: bool = True) -> None:
        self.store_error = exc
        self.form.statusbar.showMessage(self.tr("The database could not be opened: %1").replace("%1", str(exc)))
        if show_dialog:
            QMessageBox.critical(self, self.tr("The database could not be opened"), str(exc))

    def _show_snapshot(self, snapshot) -> None:
        self.prep.load(snapshot.products, snapshot.session, snapshot.lineup)
        self.undo.clear()  # a reload replaces what older commands refer to
        self.session_combo.clear()
        self.session_combo.addItems([s.name for s in snapshot.sessions])
        if snapshot.session is not None:
            self.session_combo.setCurrentText(snapshot.session.name)
            self.settings["last_session"] = snapshot.session.name
        self.snapshot_shown.emit(snapshot)
        self.session_loaded.emit()

    def _session_name(self) -> str | None:
        return self.prep.session.name if self.prep.session else None

    def load_session(self, name: str) -> None:
        workspace = self.workspace
        self.tasks.run(lambda: workspace.snapshot(name), self._show_snapshot,
                       lambda exc: self.form.statusbar.showMessage(str(exc)))

    def _imported(self, outcome) -> None:
        self._show_snapshot(outcome.snapshot)

    def ask_script_file(self, export: bool) -> None:
        """The script panel's import/export: the same path as products, for the shown session."""
        session = self._session_name()
        if self.workspace is None or session is None:
            return
        if export:
            self.transfer.ask_export(session, self.settings["last_import_dir"], script=True)
        else:
            self.transfer.ask_import(session, self.settings["last_import_dir"], script=True)

    def new_session(self) -> None:
        if self.workspace is None:
            return
        dialog = NewSessionDialog({self.session_combo.itemText(i) for i in range(self.session_combo.count())},
                                  self)
        if dialog.exec() and dialog.session is not None:
            created = self.workspace.create_session(dialog.session)
            self.load_session(created.name)

    # settings ----------------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        self.settings["language"] = code
        self.settings.save()
        self.translators.install(resolve_language(code))

    def _restore_layout(self) -> None:
        geometry, state = self.settings["window_geometry"], self.settings["window_state"]
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode()))

    def closeEvent(self, event) -> None:
        self.settings["window_geometry"] = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings["window_state"] = bytes(self.saveState().toBase64().data()).decode()
        self.settings.save()
        super().closeEvent(event)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About LiveConsole"),
                          self.tr("LiveConsole %1 — the room assistant's console for live-stream selling.")
                          .replace("%1", __version__))
