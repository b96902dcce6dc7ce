"""Products as a room sells them, and the library that holds them."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from decimal import Decimal

from liveconsole.core.events import Changed, Inserted, ListEvents, Moved, Removed, Reset
from liveconsole.core.money import to_money


class Category(enum.Enum):
    """The lineup role of a product (排品 category). Values are stable storage codes."""

    TRAFFIC = "traffic"  # 引流款
    WELFARE = "welfare"  # 福利款
    PROFIT = "profit"  # 利润款
    IMAGE = "image"  # 形象款
    REGULAR = "regular"  # 常规款


class ProblemCode(enum.Enum):
    """Why a product's values cannot be accepted (errors) or look wrong (warnings)."""

    TITLE_MISSING = "title_missing"
    NEGATIVE_PRICE = "negative_price"
    NEGATIVE_STOCK = "negative_stock"
    NEGATIVE_LINK = "negative_link"
    TOO_LARGE = "too_large"  # beyond what any room sells; both databases store it alike
    LIVE_ABOVE_LIST = "live_above_list"  # a warning: allowed, but usually a typo


WARNINGS = frozenset({ProblemCode.LIVE_ABOVE_LIST})
MAX_COUNT = 2**31 - 1
MAX_PRICE = 10**10


@dataclass(frozen=True)
class FieldProblem:
    field: str
    code: ProblemCode

    @property
    def is_warning(self) -> bool:
        return self.code in WARNINGS


FIELD_ORDER = (  # the fields a person edits, in the order the tables and exported files show them
    "link_no",
    "title",
    "sku",
    "list_price",
    "live_price",
    "stock",
    "category",
    "selling_points",
    "image_path",
)


@dataclass(frozen=True)
class Product:
    """One product. Immutable: edits make a new value (cheap undo, safe to share across threads)."""

    title: str
    link_no: int | None = None
    sku: str = ""
    list_price: Decimal | None = None  # 日常价
    live_price: Decimal | None = None  # 直播价
    stock: int | None = None
    category: Category = Category.REGULAR
    selling_points: tuple[str, ...] = ()
    image_path: str = ""
    notes: tuple[tuple[str, str], ...] = ()  # columns the import did not know, kept in order
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "list_price", to_money(self.list_price))
        object.__setattr__(self, "live_price", to_money(self.live_price))
        object.__setattr__(self, "selling_points", tuple(self.selling_points))
        object.__setattr__(self, "notes", tuple((str(k), str(v)) for k, v in self.notes))

    @property
    def key(self) -> str:
        """What identifies the product across imports: the SKU, else the title."""
        return self.sku.strip() or self.title.strip()

    @property
    def discount(self) -> Decimal | None:
        """Live price as a share of the list price (0.5 = 五折), when both are known."""
        if self.list_price in (None, Decimal(0)) or self.live_price is None:
            return None
        return (self.live_price / self.list_price).quantize(Decimal("0.01"))

    def with_changes(self, **changes: object) -> Product:
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise KeyError(f"unknown product fields: {sorted(unknown)}")
        return replace(self, **changes)  # type: ignore[arg-type]

    def problems(self) -> list[FieldProblem]:
        found: list[FieldProblem] = []
        if not self.title.strip():
            found.append(FieldProblem("title", ProblemCode.TITLE_MISSING))
        for name in ("list_price", "live_price"):
            value = getattr(self, name)
            if value is not None and value < 0:
                found.append(FieldProblem(name, ProblemCode.NEGATIVE_PRICE))
        if self.stock is not None and self.stock < 0:
            found.append(FieldProblem("stock", ProblemCode.NEGATIVE_STOCK))
        if self.link_no is not None and self.link_no < 0:
            found.append(FieldProblem("link_no", ProblemCode.NEGATIVE_LINK))
        for name in ("stock", "link_no"):
            value = getattr(self, name)
            if value is not None and value > MAX_COUNT:
                found.append(FieldProblem(name, ProblemCode.TOO_LARGE))
        for name in ("list_price", "live_price"):
            value = getattr(self, name)
            if value is not None and value >= MAX_PRICE:
                found.append(FieldProblem(name, ProblemCode.TOO_LARGE))
        if (
            self.list_price is not None
            and self.live_price is not None
            and self.live_price > self.list_price
        ):
            found.append(FieldProblem("live_price", ProblemCode.LIVE_ABOVE_LIST))
        return found

    def errors(self) -> list[FieldProblem]:
        return [p for p in self.problems() if not p.is_warning]


class InvalidProduct(ValueError):
    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__(", ".join(f"{p.field}: {p.code.value}" for p in problems))
        self.problems = problems


def _checked(product: Product) -> Product:
    errors = product.errors()
    if errors:
        raise InvalidProduct(errors)
    return product


class ProductLibrary:
    """The ordered list of all products the room sells; emits `events` on every change."""

    def __init__(self, products: Iterable[Product] = ()) -> None:
        self.events: ListEvents[Product] = ListEvents()
        self._items: list[Product] = [_checked(p) for p in products]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Product]:
        return iter(self._items)

    def __getitem__(self, index: int) -> Product:
        return self._items[index]

    def index_of_id(self, product_id: int) -> int:
        for index, product in enumerate(self._items):
            if product.id == product_id:
                return index
        raise KeyError(product_id)

    def by_key(self, key: str) -> Product | None:
        key = key.strip()
        return next((p for p in self._items if p.key == key), None)

    def insert(self, index: int, product: Product) -> Product:
        product = _checked(product)
        index = max(0, min(index, len(self._items)))
        self._items.insert(index, product)
        self.events.inserted.emit(Inserted(index, product))
        return product

    def append(self, product: Product) -> Product:
        return self.insert(len(self._items), product)

    def remove(self, index: int) -> Product:
        product = self._items.pop(index)
        self.events.removed.emit(Removed(index, product))
        return product

    def update(self, index: int, **changes: object) -> Product:
        """Change fields of one product; returns the previous value (for undo)."""
        old = self._items[index]
        new = _checked(old.with_changes(**changes))
        changed = tuple(name for name in changes if getattr(old, name) != getattr(new, name))
        if not changed:
            return old
        self._items[index] = new
        self.events.changed.emit(Changed(index, new, changed))
        return old

    def replace_item(self, index: int, product: Product) -> Product:
        """Put a whole product value back (undo, or the store assigning an id)."""
        old = self._items[index]
        new = _checked(product)
        changed = tuple(
            f.name for f in fields(Product) if getattr(old, f.name) != getattr(new, f.name)
        )
        self._items[index] = new
        if changed:
            self.events.changed.emit(Changed(index, new, changed))
        return old

    def reset(self, products: Iterable[Product]) -> None:
        self._items = [_checked(p) for p in products]
        self.events.reset.emit(Reset(tuple(self._items)))

    def move(self, source: int, target: int) -> None:
        product = self._items.pop(source)
        self._items.insert(target, product)
        self.events.moved.emit(Moved(source, target, product))
