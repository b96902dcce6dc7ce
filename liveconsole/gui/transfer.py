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

    def ask_import(self, session: str | None, start_dir: str = "", script: bool = False) -> None:
        title = self.tr("Import script") if script else self.tr("Import products")
        path, _ = QFileDialog.getOpenFileName(self._window, title, start_dir, FILTER)
        if path:
            self.import_file(Path(path), session, script)

    def ask_export(self, session: str | None, start_dir: str = "", script: bool = False) -> None:
        name = "script.xlsx" if script else ("lineup.xlsx" if session else "products.xlsx")
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Export"), str(Path(start_dir) / name),
                                              FILTER)
        if path:
            self.export_file(Path(path), session, script)

    def import_file(self, path: Path, session: str | None, script: bool = False) -> None:
        """Products (a lineup when `session` is given), or the session's script when `script`."""
        workspace = self._workspace()
        load = workspace.import_script if script else workspace.import_products  # type: ignore[attr-defined]

        def counted(outcome) -> str:
            if script:
                return self.tr("Imported %n segment(s) from %1", "", outcome.imported).replace("%1", path.name)
            return self.tr("Imported %n product(s) from %1", "", outcome.imported).replace("%1", path.name)

        self._import(path, lambda: load(path, session), counted)

    def ask_import_trend(self, session: str, start_dir: str = "") -> None:
        path, _ = QFileDialog.getOpenFileName(self._window, self.tr("Import trend file"), start_dir, FILTER)
        if path:
            self.import_trend(Path(path), session)

    def import_trend(self, path: Path, session: str) -> None:
        """A platform's per-minute trend export, added to the session's samples (all rows or none)."""
        workspace = self._workspace()
        self._import(path, lambda: workspace.import_trend(path, session),  # type: ignore[attr-defined]
                     lambda outcome: self.tr("Imported %n minute(s) of figures from %1", "", outcome.imported)
                     .replace("%1", path.name))

    def _import(self, path: Path, load: Callable[[], object], counted: Callable[[object], str]) -> None:
        self.started.emit(self.tr("Importing %1…").replace("%1", path.name))

        def done(outcome) -> None:
            text = counted(outcome)
            if getattr(outcome.result, "encoding", None):
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

        self._tasks.run(load, done, error)

    def export_file(self, path: Path, session: str | None, script: bool = False) -> None:
        workspace = self._workspace()
        self.started.emit(self.tr("Exporting %1…").replace("%1", path.name))
        save = workspace.export_script if script else workspace.export_products  # type: ignore[attr-defined]

        def done(count: int) -> None:
            if script:
                self.succeeded.emit(self.tr("Exported %n segment(s) to %1", "", count).replace("%1", str(path)))
            else:
                self.succeeded.emit(self.tr("Exported %n product(s) to %1", "", count).replace("%1", str(path)))

        def error(exc: BaseException) -> None:
            self.failed.emit(failure_text(path, exc))

        self._tasks.run(lambda: save(path, session), done, error)
