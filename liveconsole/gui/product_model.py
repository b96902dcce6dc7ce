"""Table models over the core's product collections (library or lineup) and their filter."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from liveconsole.core.lineup import Lineup
from liveconsole.core.money import format_money
from liveconsole.core.products import FIELD_ORDER, Category, Product, ProductLibrary
from liveconsole.gui import texts

COLUMNS = FIELD_ORDER
ROW_MIME = "application/x-liveconsole-rows"
_Index = QModelIndex | QPersistentModelIndex
EditFn = Callable[[int, str, object], bool]
MoveFn = Callable[[int, int], None]

CATEGORY_COLOURS = {
    Category.TRAFFIC: "#2e7d32",
    Category.WELFARE: "#c62828",
    Category.PROFIT: "#1565c0",
    Category.IMAGE: "#6a1b9a",
    Category.REGULAR: "#546e7a",
}


def display_value(product: Product, field: str) -> str:
    value = getattr(product, field)
    if field in ("list_price", "live_price"):
        return texts.missing() if value is None else f"¥{format_money(value)}"
    if field == "category":
        return texts.category_name(value)
    if field == "selling_points":
        return " / ".join(value)
    if value is None or value == "":
        return texts.missing() if field in ("link_no", "stock") else ""
    return str(value)


def edit_value(product: Product, field: str) -> object:
    value = getattr(product, field)
    if field == "selling_points":
        return "\n".join(value)
    if field == "category":
        return value.value
    if isinstance(value, Decimal):
        return format_money(value).replace(",", "")
    return "" if value is None else str(value)


class ProductTableModel(QAbstractTableModel):
    """Rows follow a ProductLibrary or Lineup through its events; edits and moves go to callbacks."""

    def __init__(
        self,
        products: ProductLibrary | Lineup,
        edit: EditFn | None = None,
        move: MoveFn | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.products = products
        self._edit = edit
        self._move = move
        events = products.events
        events.inserted.connect(self._on_inserted)
        events.removed.connect(self._on_removed)
        events.moved.connect(self._on_moved)
        events.changed.connect(self._on_changed)
        events.reset.connect(self._on_reset)

    # following the core model --------------------------------------------------------------
    def _on_inserted(self, event) -> None:
        self.beginInsertRows(QModelIndex(), event.index, event.index)
        self.endInsertRows()

    def _on_removed(self, event) -> None:
        self.beginRemoveRows(QModelIndex(), event.index, event.index)
        self.endRemoveRows()

    def _on_moved(self, event) -> None:
        # Qt's destination is "insert before this row" in the pre-move numbering.
        dest = event.target + 1 if event.target > event.source else event.target
        self.beginMoveRows(QModelIndex(), event.source, event.source, QModelIndex(), dest)
        self.endMoveRows()

    def _on_changed(self, event) -> None:
        self.dataChanged.emit(self.index(event.index, 0), self.index(event.index, len(COLUMNS) - 1))

    def _on_reset(self, _event) -> None:
        self.beginResetModel()
        self.endResetModel()

    # QAbstractTableModel -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.products)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return texts.field_name(COLUMNS[section])
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        product = self.products[index.row()]
        field = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_value(product, field)
        if role == Qt.ItemDataRole.EditRole:
            return edit_value(product, field)
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "selling_points":
                return "\n".join(product.selling_points)
            if field == "title" and product.notes:
                return "\n".join(f"{k}: {v}" for k, v in product.notes)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and field in ("link_no", "list_price", "live_price", "stock"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and field == "category":
            return QBrush(QColor(CATEGORY_COLOURS[product.category]))
        if role == Qt.ItemDataRole.ForegroundRole and field == "stock" and product.stock == 0:
            return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.UserRole:
            return product
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self._edit is None or not index.isValid():
            return False
        return self._edit(index.row(), COLUMNS[index.column()], value)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self._move is not None:
            base |= Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        if self._edit is not None:
            base |= Qt.ItemFlag.ItemIsEditable
        if self._move is not None:
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    # drag to reorder -----------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(ROW_MIME, ",".join(map(str, rows)).encode())
        return mime

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: _Index) -> bool:
        if self._move is None or not data.hasFormat(ROW_MIME):
            return False
        rows = [int(r) for r in bytes(data.data(ROW_MIME).data()).decode().split(",") if r]
        if len(rows) != 1:
            return False
        target = parent.row() if parent.isValid() else (row if row >= 0 else len(self.products))
        source = rows[0]
        if target > source:
            target -= 1  # the row leaves its old place first
        target = max(0, min(target, len(self.products) - 1))
        if target != source:
            self._move(source, target)
        # We moved it ourselves; False keeps the view from also deleting the dragged row.
        return False


class ProductFilter(QSortFilterProxyModel):
    """Shows the products of one category (or all) whose title, SKU or link number match a search."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._category: Category | None = None
        self._search = ""

    def set_category(self, category: Category | None) -> None:
        self.beginFilterChange()
        self._category = category
        self.endFilterChange()

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        product: Product = model.products[source_row]  # type: ignore[attr-defined]
        if self._category is not None and product.category is not self._category:
            return False
        if not self._search:
            return True
        haystack = f"{product.title} {product.sku} {product.link_no or ''}".casefold()
        return self._search in haystack
