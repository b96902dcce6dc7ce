"""Import and export from the menu: runs off the UI thread, shows progress, the error list on failure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from liveconsole.gui.dialogs import ImportErrorsDialog
from liveconsole.gui.problem_texts import failure_text
from liveconsole.gui.taskman import TaskManager

FILTER = "Excel / CSV (*.xlsx *.xlsm *.csv)"


class Transfer(QObject):
    """Signals say when an import/export starts, succeeds (with a status line) or fails."""

    started = Signal(str)
    succeeded = Signal(str)
    failed = Signal(str)
    imported = Signal(object)  # workspace.ImportOutcome

    def __init__(self, tasks: TaskManager, workspace: Callable[[], object], window: QWidget) -> None:
        super().__init__(window)
        self._tasks = tasks
        self._workspace = workspace  # returns the open Workspace (None until the store is open)
        self._window = window
        self.error_dialog: ImportErrorsDialog | None = None

    def ask_import(self, session: str | None, start_dir: str = "") -> None:
        path, _ = QFileDialog.getOpenFileName(self._window, self.tr("Import products"), start_dir, FILTER)
        if path:
            self.import_file(Path(path), session)

    def ask_export(self, session: str | None, start_dir: str = "") -> None:
        name = "lineup.xlsx" if session else "products.xlsx"
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Export"), str(Path(start_dir) / name),
                                              FILTER)
        if path:
            self.export_file(Path(path), session)

    def import_file(self, path: Path, session: str | None) -> None:
        workspace = self._workspace()
        self.started.emit(self.tr("Importing %1…").replace("%1", path.name))

        def done(outcome) -> None:
            text = self.tr("Imported %n product(s) from %1", "", outcome.imported).replace("%1", path.name)
            if outcome.result.encoding:
                text += " · " + self.tr("encoding %1").replace("%1", outcome.result.encoding)
            if outcome.warnings:
                text += " · " + self.tr("%n warning(s)", "", len(outcome.warnings))
            self.imported.emit(outcome)
            self.succeeded.emit(text)

        def error(exc: BaseException) -> None:
            problems = getattr(exc, "problems", None)
            if problems:
                self.error_dialog = ImportErrorsDialog(str(path), list(problems), self._window)
                self.error_dialog.show()
            self.failed.emit(failure_text(path, exc))

        self._tasks.run(lambda: workspace.import_products(path, session), done, error)  # type: ignore[attr-defined]

    def export_file(self, path: Path, session: str | None) -> None:
        workspace = self._workspace()
        self.started.emit(self.tr("Exporting %1…").replace("%1", path.name))

        def done(count: int) -> None:
            self.succeeded.emit(self.tr("Exported %n product(s) to %1", "", count).replace("%1", str(path)))

        def error(exc: BaseException) -> None:
            self.failed.emit(failure_text(path, exc))

        self._tasks.run(lambda: workspace.export_products(path, session), done, error)  # type: ignore[attr-defined]
