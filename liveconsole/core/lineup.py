"""A session's lineup (排品): the products in the order they will be sold."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from liveconsole.core.events import Inserted, ListEvents, Moved, Removed, Reset
from liveconsole.core.products import Category, Product


class Lineup:
    """Ordered products of one session. A product appears at most once; emits `events`."""

    def __init__(self, session_id: int | None = None, products: Iterable[Product] = ()) -> None:
        self.session_id = session_id
        self.events: ListEvents[Product] = ListEvents()
        self._items: list[Product] = []
        for product in products:
            self._check_new(product)
            self._items.append(product)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Product]:
        return iter(self._items)

    def __getitem__(self, index: int) -> Product:
        return self._items[index]

    def __contains__(self, product: Product) -> bool:
        return any(p.key == product.key for p in self._items)

    def _check_new(self, product: Product) -> None:
        if product in self:
            raise ValueError(f"already in the lineup: {product.key}")

    def insert(self, index: int, product: Product) -> None:
        self._check_new(product)
        index = max(0, min(index, len(self._items)))
        self._items.insert(index, product)
        self.events.inserted.emit(Inserted(index, product))

    def append(self, product: Product) -> None:
        self.insert(len(self._items), product)

    def remove(self, index: int) -> Product:
        product = self._items.pop(index)
        self.events.removed.emit(Removed(index, product))
        return product

    def move(self, source: int, target: int) -> None:
        """Move the item at `source` so that it ends up at index `target`."""
        if not (0 <= source < len(self._items)) or not (0 <= target < len(self._items)):
            raise IndexError((source, target))
        if source == target:
            return
        product = self._items.pop(source)
        self._items.insert(target, product)
        self.events.moved.emit(Moved(source, target, product))

    def refresh(self, product: Product) -> None:
        """Take a new value of a product already in the lineup (edited in the library)."""
        for index, current in enumerate(self._items):
            if (product.id is not None and current.id == product.id) or current.key == product.key:
                self._items[index] = product
                self.events.reset.emit(Reset(tuple(self._items)))
                return

    def reset(self, products: Iterable[Product]) -> None:
        items: list[Product] = []
        keys: set[str] = set()
        for product in products:
            if product.key in keys:
                raise ValueError(f"already in the lineup: {product.key}")
            keys.add(product.key)
            items.append(product)
        self._items = items
        self.events.reset.emit(Reset(tuple(self._items)))

    def by_category(self, category: Category | None) -> list[tuple[int, Product]]:
        """(index, product) pairs, all of them when `category` is None."""
        return [(i, p) for i, p in enumerate(self._items) if category is None or p.category is category]

    def category_counts(self) -> dict[Category, int]:
        counts = {c: 0 for c in Category}
        for product in self._items:
            counts[product.category] += 1
        return counts
