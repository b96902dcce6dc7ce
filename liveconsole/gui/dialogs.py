"""The preparation dialogs: the import error list and a new session."""

from __future__ import annotations

from datetime import timezone
from decimal import Decimal

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem

from liveconsole.core.session import Session
from liveconsole.gui.forms.ui_importerrors import Ui_ImportErrorsDialog
from liveconsole.gui.forms.ui_newsession import Ui_NewSessionDialog
from liveconsole.gui.problem_texts import problem_cells


class ImportErrorsDialog(QDialog):
    """Every problem of a refused file: where (file, sheet, row, column), the value and why."""

    def __init__(self, path: str, problems: list, parent=None) -> None:
        super().__init__(parent)
        self.form = Ui_ImportErrorsDialog()
        self.form.setupUi(self)
        self.problems = problems
        self.form.headline.setText(
            self.tr("%1 could not be imported: %n problem(s). Nothing was changed.", "", len(problems))
            .replace("%1", path)
        )
        headers = [self.tr("File"), self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Value"),
                   self.tr("Reason")]
        table = self.form.problemTable
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            for column, text in enumerate(problem_cells(problem)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnsToContents()
        self.form.copyButton.clicked.connect(self.copy_all)

    def copy_all(self) -> None:
        lines = ["\t".join(problem_cells(p)) for p in self.problems]
        QApplication.clipboard().setText("\n".join(lines))


class NewSessionDialog(QDialog):
    """Name, platform and plan of a new session; refuses a name that exists."""

    PLATFORMS = ("抖音", "快手", "淘宝直播", "视频号", "小红书", "京东")

    def __init__(self, taken: set[str], parent=None) -> None:
        super().__init__(parent)
        self.form = Ui_NewSessionDialog()
        self.form.setupUi(self)
        self._taken = taken
        self.form.platformEdit.addItems(self.PLATFORMS)
        start = QDateTime.currentDateTime()
        start.setTime(QTime(20, 0))
        self.form.startEdit.setDateTime(start)
        self.form.targetEdit.setPlaceholderText("100万 / 1000000")
        self.form.buttonBox.accepted.connect(self._accept)
        self.form.buttonBox.rejected.connect(self.reject)
        self.session: Session | None = None

    def _accept(self) -> None:
        from liveconsole.io.numbers import parse_money

        name = self.form.nameEdit.text().strip()
        if not name:
            return self._error(self.tr("Give the session a name"))
        if name in self._taken:
            return self._error(self.tr("A session with this name exists"))
        try:
            target = parse_money(self.form.targetEdit.text()) if self.form.targetEdit.text().strip() else None
        except ValueError:
            return self._error(self.tr("The GMV target is not an amount"))
        start = self.form.startEdit.dateTime().toPython().astimezone(timezone.utc)
        self.session = Session(
            name,
            platform=self.form.platformEdit.currentText().strip(),
            planned_start=start,
            planned_minutes=self.form.minutesEdit.value(),
            gmv_target=target if target is None else Decimal(target),
        )
        self.accept()

    def _error(self, text: str) -> None:
        self.form.errorLabel.setText(f"<span style='color:#c62828'>{text}</span>")
        self.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setFocus()
