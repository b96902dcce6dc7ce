"""Undoable preparation edits (QUndoCommand): each one calls the core, which saves as it goes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from liveconsole.core.preparation import Preparation
from liveconsole.core.products import Product


class IdMap:
    """A product removed and restored gets a new database id; older commands follow it here."""

    def __init__(self) -> None:
        self._moved: dict[int, int] = {}

    def remap(self, old: int | None, new: int | None) -> None:
        if old is not None and new is not None and old != new:
            self._moved[old] = new

    def resolve(self, product_id: int | None) -> int | None:
        while product_id in self._moved:
            product_id = self._moved[product_id]
        return product_id


class EditProduct(QUndoCommand):
    def __init__(self, prep: Preparation, ids: IdMap, product: Product, changes: dict) -> None:
        super().__init__(QCoreApplication.translate("Undo", "Edit %1").replace("%1", product.title))
        self._prep, self._ids, self._id = prep, ids, product.id
        self._new = changes
        self._old = {name: getattr(product, name) for name in changes}

    def _apply(self, values: dict) -> None:
        index = self._prep.library.index_of_id(self._ids.resolve(self._id))
        self._prep.edit_product(index, **values)

    def redo(self) -> None:
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)


class AddProduct(QUndoCommand):
    def __init__(self, prep: Preparation, ids: IdMap, product: Product) -> None:
        super().__init__(QCoreApplication.translate("Undo", "Add %1").replace("%1", product.title))
        self._prep, self._ids, self._product = prep, ids, product
        self._id: int | None = None

    def redo(self) -> None:
        saved = self._prep.add_product(self._product)
        self._ids.remap(self._id, saved.id)
        self._id = saved.id

    def undo(self) -> None:
        self._prep.remove_product(self._prep.library.index_of_id(self._ids.resolve(self._id)))


class RemoveProduct(QUndoCommand):
    def __init__(self, prep: Preparation, ids: IdMap, product: Product) -> None:
        super().__init__(QCoreApplication.translate("Undo", "Remove %1").replace("%1", product.title))
        self._prep, self._ids, self._product = prep, ids, product
        self._index = 0
        self._lineup_index: int | None = None

    def redo(self) -> None:
        index = self._prep.library.index_of_id(self._ids.resolve(self._product.id))
        self._product = self._prep.library[index]
        self._index = index
        self._lineup_index = self._prep.lineup_index(self._product)
        self._prep.remove_product(index)

    def undo(self) -> None:
        saved = self._prep.add_product(self._product, self._index)
        self._ids.remap(self._product.id, saved.id)
        if self._lineup_index is not None:
            self._prep.add_to_lineup(saved, self._lineup_index)


class AddToLineup(QUndoCommand):
    def __init__(self, prep: Preparation, ids: IdMap, product: Product) -> None:
        super().__init__(QCoreApplication.translate("Undo", "Add %1 to the lineup").replace("%1", product.title))
        self._prep, self._ids, self._id = prep, ids, product.id

    def _product(self) -> Product:
        return self._prep.library[self._prep.library.index_of_id(self._ids.resolve(self._id))]

    def redo(self) -> None:
        self._prep.add_to_lineup(self._product())

    def undo(self) -> None:
        index = self._prep.lineup_index(self._product())
        if index is not None:
            self._prep.remove_from_lineup(index)


class RemoveFromLineup(QUndoCommand):
    def __init__(self, prep: Preparation, index: int) -> None:
        super().__init__(QCoreApplication.translate("Undo", "Remove %1 from the lineup").replace("%1", prep.lineup[index].title))
        self._prep, self._index = prep, index
        self._product = prep.lineup[index]

    def redo(self) -> None:
        self._product = self._prep.remove_from_lineup(self._index)

    def undo(self) -> None:
        self._prep.add_to_lineup(self._product, self._index)


class MoveInLineup(QUndoCommand):
    def __init__(self, prep: Preparation, source: int, target: int) -> None:
        super().__init__(QCoreApplication.translate("Undo", "Move %1").replace("%1", prep.lineup[source].title))
        self._prep, self._source, self._target = prep, source, target

    def redo(self) -> None:
        self._prep.move_in_lineup(self._source, self._target)

    def undo(self) -> None:
        self._prep.move_in_lineup(self._target, self._source)
