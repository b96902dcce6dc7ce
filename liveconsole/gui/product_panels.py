"""The product library and lineup panels: tables with inline edit, filter, add/remove and reorder."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QStyledItemDelegate, QWidget

from liveconsole.core.preparation import Preparation
from liveconsole.core.products import Category, InvalidProduct, Product
from liveconsole.gui import texts
from liveconsole.gui.forms.ui_productpanel import Ui_ProductPanel
from liveconsole.gui.product_model import COLUMNS, ProductFilter, ProductTableModel
from liveconsole.gui.undo import AddProduct, AddToLineup, EditProduct, IdMap, MoveInLineup
from liveconsole.gui.undo import RemoveFromLineup, RemoveProduct


def parse_edit(field: str, text: object) -> object:
    """Turn what was typed into a cell into a field value; ValueError says it can't be."""
    from liveconsole.io.numbers import parse_count, parse_money

    raw = str(text).strip()
    if field in ("list_price", "live_price"):
        return parse_money(raw)
    if field in ("stock", "link_no"):
        return parse_count(raw)
    if field == "category":
        return Category(raw)
    if field == "selling_points":
        return tuple(line.strip() for line in raw.splitlines() if line.strip())
    return raw


class CategoryDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        editor = QComboBox(parent)
        for category in Category:
            editor.addItem(texts.category_name(category), category.value)
        return editor

    def setEditorData(self, editor, index) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ProductPanel(QWidget):
    """Shared table, filter and buttons; subclasses say what the buttons do."""

    message = Signal(str)

    def __init__(self, prep: Preparation, undo: QUndoStack, ids: IdMap, parent=None) -> None:
        super().__init__(parent)
        self.prep, self.undo, self.ids = prep, undo, ids
        self.form = Ui_ProductPanel()
        self.form.setupUi(self)
        self.model = self._make_model()
        self.proxy = ProductFilter(self)
        self.proxy.setSourceModel(self.model)
        table = self.form.table
        table.setModel(self.proxy)
        table.setItemDelegateForColumn(COLUMNS.index("category"), CategoryDelegate(table))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for name, width in (("link_no", 52), ("title", 230), ("sku", 96), ("list_price", 72), ("live_price", 72),
                            ("stock", 58), ("category", 66), ("selling_points", 260), ("image_path", 120)):
            table.setColumnWidth(COLUMNS.index(name), width)
        table.verticalHeader().setDefaultSectionSize(26)
        self.form.categoryFilter.currentIndexChanged.connect(self._filter_changed)
        self.form.searchEdit.textChanged.connect(self.proxy.set_search)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset,
                       self.model.dataChanged):
            signal.connect(self._update_summary)
        prep.events.attached.connect(lambda _ready: self._update_enabled())
        prep.events.session_changed.connect(lambda _session: self._update_enabled())
        self._fill_categories()
        self._update_enabled()
        self._update_summary()

    def _make_model(self) -> ProductTableModel:
        raise NotImplementedError

    def _fill_categories(self) -> None:
        combo = self.form.categoryFilter
        current = combo.currentIndex()
        combo.blockSignals(True)
        combo.clear()
        # Not self.tr: PySide6 looks the text up under the subclass name.
        combo.addItem(QCoreApplication.translate("ProductPanel", "All"), None)
        for category in Category:
            combo.addItem(texts.category_name(category), category.value)
        combo.setCurrentIndex(max(0, current))
        combo.blockSignals(False)

    def _filter_changed(self, _index: int) -> None:
        code = self.form.categoryFilter.currentData()
        self.proxy.set_category(Category(code) if code else None)
        self._update_summary()

    def set_category_filter(self, category: Category | None) -> None:
        combo = self.form.categoryFilter
        combo.setCurrentIndex(combo.findData(category.value if category else None))

    def selected_rows(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.form.table.selectionModel().selectedRows()}
        return sorted(rows)

    def select_row(self, row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        # Explicit flags: the view's own methods read the keyboard modifiers (Ctrl would toggle).
        self.form.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def _update_enabled(self) -> None:
        self.setEnabled(self.prep.attached)

    def _update_summary(self, *args) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.form.retranslateUi(self)
            self._fill_categories()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
            self._update_summary()
        super().changeEvent(event)


class LibraryPanel(ProductPanel):
    """All products: edit in place, add, remove, put into the current session's lineup."""

    def __init__(self, prep: Preparation, undo: QUndoStack, ids: IdMap, parent=None) -> None:
        super().__init__(prep, undo, ids, parent)
        self.form.moveUpButton.hide()
        self.form.moveDownButton.hide()
        self.form.table.verticalHeader().hide()  # the link number column already numbers the rows
        self.form.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.form.addButton.clicked.connect(self.add_product)
        self.form.removeButton.clicked.connect(self.remove_selected)
        self.form.toLineupButton.clicked.connect(self.add_selected_to_lineup)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.form.table, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+L"), self, self.add_selected_to_lineup,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _make_model(self) -> ProductTableModel:
        return ProductTableModel(self.prep.library, edit=self._edit, parent=self)

    def _edit(self, row: int, field: str, value: object) -> bool:
        product = self.prep.library[row]
        try:
            new_value = parse_edit(field, value)
            candidate = product.with_changes(**{field: new_value})
        except (ValueError, ArithmeticError):
            self.message.emit(self.tr("“%1” is not a valid %2").replace("%1", str(value))
                              .replace("%2", texts.field_name(field)))
            return False
        errors = candidate.errors()
        if errors:
            self.message.emit(self.tr("Not saved: %1").replace("%1", texts.field_name(errors[0].field)))
            return False
        if candidate == product:
            return True
        try:
            self.undo.push(EditProduct(self.prep, self.ids, product, {field: new_value}))
        except InvalidProduct:
            return False
        return True

    def add_product(self) -> None:
        number = max((p.link_no or 0 for p in self.prep.library), default=0) + 1
        title = self.tr("New product %1").replace("%1", str(number))
        self.undo.push(AddProduct(self.prep, self.ids, Product(title=title, link_no=number)))
        row = len(self.prep.library) - 1
        self.select_row(row)
        self.form.table.edit(self.proxy.mapFromSource(self.model.index(row, COLUMNS.index("title"))))

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        self.undo.beginMacro(self.tr("Remove %n product(s)", "", len(rows)))
        for row in reversed(rows):
            self.undo.push(RemoveProduct(self.prep, self.ids, self.prep.library[row]))
        self.undo.endMacro()

    def add_selected_to_lineup(self) -> None:
        if self.prep.session is None:
            self.message.emit(self.tr("Create or choose a session first"))
            return
        fresh = [self.prep.library[r] for r in self.selected_rows() if self.prep.library[r] not in self.prep.lineup]
        if not fresh:
            return
        self.undo.beginMacro(self.tr("Add %n product(s) to the lineup", "", len(fresh)))
        for product in fresh:
            self.undo.push(AddToLineup(self.prep, self.ids, product))
        self.undo.endMacro()

    def _update_summary(self, *args) -> None:
        shown, total = self.proxy.rowCount(), len(self.prep.library)
        text = self.tr("%1 products").replace("%1", str(total))
        if shown != total:
            text = self.tr("%1 of %2 products shown").replace("%1", str(shown)).replace("%2", str(total))
        self.form.summaryLabel.setText(text)


class LineupPanel(ProductPanel):
    """The session's lineup in selling order: drag (or Ctrl+Up/Down) to reorder, remove."""

    def __init__(self, prep: Preparation, undo: QUndoStack, ids: IdMap, parent=None) -> None:
        super().__init__(prep, undo, ids, parent)
        self.form.addButton.hide()
        self.form.toLineupButton.hide()
        table = self.form.table
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setDragEnabled(True)
        table.setAcceptDrops(True)
        table.setDropIndicatorShown(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.form.removeButton.clicked.connect(self.remove_selected)
        self.form.moveUpButton.clicked.connect(lambda: self.move_selected(-1))
        self.form.moveDownButton.clicked.connect(lambda: self.move_selected(+1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+Up"), table, lambda: self.move_selected(-1),
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+Down"), table, lambda: self.move_selected(+1),
                  context=Qt.ShortcutContext.WidgetShortcut)

    def _make_model(self) -> ProductTableModel:
        return ProductTableModel(self.prep.lineup, move=self.move, parent=self)

    def _update_enabled(self) -> None:
        self.setEnabled(self.prep.attached and self.prep.session is not None)

    def move(self, source: int, target: int) -> None:
        if source != target:
            self.undo.push(MoveInLineup(self.prep, source, target))

    def move_selected(self, step: int) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        target = rows[0] + step
        if 0 <= target < len(self.prep.lineup):
            self.move(rows[0], target)
            self.select_row(target)

    def remove_selected(self) -> None:
        for row in reversed(self.selected_rows()):
            self.undo.push(RemoveFromLineup(self.prep, row))

    def _update_summary(self, *args) -> None:
        lineup = self.prep.lineup
        if self.prep.session is None:
            self.form.summaryLabel.setText(self.tr("No session chosen: create one from the Session menu"))
            return
        counts = lineup.category_counts()
        parts = [f"{texts.category_name(c)} {n}" for c, n in counts.items() if n]
        text = self.tr("%1 items").replace("%1", str(len(lineup)))
        if parts:
            text += " · " + " · ".join(parts)
        self.form.summaryLabel.setText(text)

    def model_index(self, row: int) -> QModelIndex:
        return self.model.index(row, 0)
