"""The live product queue (讲解队列): what is explained now, what comes next, stock, and undo.
Each action goes to the event log as it happens, and `ProductQueue.replay` rebuilds the queue from it."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from liveconsole.core.events import Signal
from liveconsole.core.ports import Clock, EventLog, EventRecord
from liveconsole.core.products import Product

NS_PER_S = 1_000_000_000
REPUSH_AFTER_S = 8.0  # platforms take the product card down after about 8 seconds
UNDO_DEPTH = 100  # enough to walk back any burst of mistakes; bounded so a long session stays small

QUEUE_OPEN = "queue.open"
QUEUE_PUSH = "queue.push"
QUEUE_REPUSH = "queue.repush"
QUEUE_STOP = "queue.stop"
QUEUE_SOLD_OUT = "queue.sold_out"
QUEUE_RESTOCK = "queue.restock"
QUEUE_STOCK = "queue.stock"
QUEUE_RELIST = "queue.relist"
QUEUE_REORDER = "queue.reorder"
QUEUE_UNDO = "queue.undo"


class ItemState(enum.Enum):
    """Where a lineup item stands in the room. Values are stable codes: they are in the event log."""

    WAITING = "waiting"  # 待讲解
    EXPLAINING = "explaining"  # 讲解中
    DONE = "done"  # 已讲解
    SOLD_OUT = "sold_out"  # 售罄


class QueueErrorCode(enum.Enum):
    """Why a queue action was refused. The GUI turns these into words."""

    NOT_FOUND = "not_found"  # no item with that key or link number
    AMBIGUOUS_LINK = "ambiguous_link"  # more than one lineup item has that link number
    SOLD_OUT = "sold_out"  # the item is sold out: only a restock brings it back
    NOTHING_WAITING = "nothing_waiting"
    NOTHING_EXPLAINING = "nothing_explaining"
    NOT_DONE = "not_done"  # only an item that has been explained can be re-listed
    NOT_WAITING = "not_waiting"  # only waiting items have a place in the waiting order
    BAD_QUANTITY = "bad_quantity"  # restock needs a positive whole number, a stock change a whole number
    STOCK_UNKNOWN = "stock_unknown"  # stock cannot be taken away from an item whose stock was never given
    NOTHING_TO_UNDO = "nothing_to_undo"
    BAD_EVENT = "bad_event"  # a logged event that does not fit the queue it is replayed onto


class QueueError(Exception):
    def __init__(self, code: QueueErrorCode, key: str | None = None) -> None:
        super().__init__(code.value if key is None else f"{code.value}: {key}")
        self.code = code
        self.key = key


@dataclass(frozen=True)
class QueueItem:
    """One lineup product as the room sees it now. Immutable: each change makes a new value."""

    product: Product
    state: ItemState = ItemState.WAITING
    stock: int | None = None  # current stock, never negative; None when the lineup never gave one
    times_explained: int = 0
    total_explaining_ns: int = 0  # finished explanations only; `explaining_ns` adds the running one
    last_pushed_ns: int | None = None  # a re-push counts: it puts the card up again
    explaining_since_ns: int | None = None  # set only while EXPLAINING

    @property
    def key(self) -> str:
        return self.product.key

    def explaining_ns(self, now_ns: int) -> int:
        if self.explaining_since_ns is None:
            return self.total_explaining_ns
        return self.total_explaining_ns + _elapsed(self.explaining_since_ns, now_ns)

    def since_last_push_ns(self, now_ns: int) -> int | None:
        return None if self.last_pushed_ns is None else _elapsed(self.last_pushed_ns, now_ns)


@dataclass(frozen=True)
class ItemStats:
    key: str
    times_explained: int
    explaining_ns: int
    since_last_push_ns: int | None


@dataclass(frozen=True)
class QueueState:
    """Everything that makes two queues the same: items in lineup order and the waiting order."""

    items: tuple[QueueItem, ...]
    waiting: tuple[str, ...]


@dataclass(frozen=True)
class Action:
    """One logged queue action: its event type and payload."""

    type: str
    payload: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _UndoStep:
    action: Action
    items: Mapping[str, QueueItem]
    waiting: tuple[str, ...]


class QueueEvents:
    def __init__(self) -> None:
        # The new value of each item an action changed, in lineup order.
        self.changed: Signal[QueueItem] = Signal("changed")
        # The product card should show this item now (a push or a re-push).
        self.pushed: Signal[QueueItem] = Signal("pushed")
        self.explaining_changed: Signal[QueueItem | None] = Signal("explaining_changed")
        # The waiting items in their new order.
        self.reordered: Signal[tuple[QueueItem, ...]] = Signal("reordered")
        # The action that was taken back.
        self.undone: Signal[Action] = Signal("undone")


def _elapsed(since_ns: int, now_ns: int) -> int:
    # A replay after a reboot meets a monotonic clock that began again: never report negative time.
    return max(0, now_ns - since_ns)


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(value, high))


def _describe(item: QueueItem) -> dict[str, Any]:
    product = item.product
    return {"key": item.key, "sku": product.sku, "link_no": product.link_no, "title": product.title}


class ProductQueue:
    """The session's lineup during the live: states, stock, the waiting order and an undo stack.

    Positions in the waiting order are clamped into range, as `Lineup.insert` does. Emits `events`
    after each action; time comes only from the clock it is given.
    """

    def __init__(
        self,
        lineup_products: Iterable[Product],
        clock: Clock,
        log: EventLog | None = None,
        session_id: int | None = None,
    ) -> None:
        if log is not None and session_id is None:
            raise ValueError("a logged queue needs its session id")
        self._clock = clock
        self._log = log
        self._session_id = session_id
        self.events = QueueEvents()
        self._order: tuple[str, ...] = ()
        self._items: dict[str, QueueItem] = {}
        self._waiting: list[str] = []
        self._undo: list[_UndoStep] = []
        self._start([_opening_item(product) for product in lineup_products])
        if self._log is not None:
            self._write(QUEUE_OPEN, {"items": [
                {**_describe(item), "stock": item.stock, "state": item.state.value} for item in self.items
            ], "at_ns": self._clock.monotonic_ns()})

    def _start(self, items: list[QueueItem]) -> None:
        keys = [item.key for item in items]
        if len(set(keys)) != len(keys):
            raise ValueError("a product appears in the queue once")
        self._order = tuple(keys)
        self._items = {item.key: item for item in items}
        self._waiting = [item.key for item in items if item.state is ItemState.WAITING]
        self._undo = []

    # reading -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[QueueItem]:
        return iter(self.items)

    @property
    def items(self) -> tuple[QueueItem, ...]:
        """Every item, in lineup order."""
        return tuple(self._items[key] for key in self._order)

    @property
    def waiting(self) -> tuple[QueueItem, ...]:
        """Waiting items in the order they will be pushed."""
        return tuple(self._items[key] for key in self._waiting)

    @property
    def up_next(self) -> QueueItem | None:
        return self._items[self._waiting[0]] if self._waiting else None

    @property
    def explaining(self) -> QueueItem | None:
        return next((i for i in self._items.values() if i.state is ItemState.EXPLAINING), None)

    @property
    def state(self) -> QueueState:
        return QueueState(self.items, tuple(self._waiting))

    @property
    def next_undo(self) -> Action | None:
        """The action `undo` would take back."""
        return self._undo[-1].action if self._undo else None

    @property
    def undo_depth(self) -> int:
        return len(self._undo)

    def item(self, key: str) -> QueueItem:
        try:
            return self._items[key]
        except KeyError:
            raise QueueError(QueueErrorCode.NOT_FOUND, key) from None

    def by_link(self, link_no: int) -> QueueItem:
        matches = [self._items[k] for k in self._order if self._items[k].product.link_no == link_no]
        if not matches:
            raise QueueError(QueueErrorCode.NOT_FOUND, str(link_no))
        if len(matches) > 1:
            raise QueueError(QueueErrorCode.AMBIGUOUS_LINK, str(link_no))
        return matches[0]

    def stats(self, key: str) -> ItemStats:
        item = self.item(key)
        now = self._clock.monotonic_ns()
        return ItemStats(key, item.times_explained, item.explaining_ns(now), item.since_last_push_ns(now))

    def card_age_ns(self) -> int | None:
        """How long the product card of the explaining item has been up; None when nothing is explained."""
        item = self.explaining
        return None if item is None else item.since_last_push_ns(self._clock.monotonic_ns())

    def needs_repush(self, threshold_s: float = REPUSH_AFTER_S) -> bool:
        age = self.card_age_ns()
        return age is not None and age >= threshold_s * NS_PER_S

    # actions -------------------------------------------------------------------------------
    def push_next(self) -> QueueItem:
        """Explain the first waiting item; the item explained so far is done."""
        if not self._waiting:
            raise QueueError(QueueErrorCode.NOTHING_WAITING)
        return self._push(self._items[self._waiting[0]], "next")

    def push_link(self, link_no: int) -> QueueItem:
        """Explain the item with this link number: a waiting one, or a done one again (再讲一次)."""
        return self._push(self.by_link(link_no), "link")

    def push(self, key: str) -> QueueItem:
        return self._push(self.item(key), "key")

    def repush(self) -> QueueItem:
        """Put the explaining item's card up again; its explanation goes on."""
        item = self.explaining
        if item is None:
            raise QueueError(QueueErrorCode.NOTHING_EXPLAINING)
        now = self._clock.monotonic_ns()
        self._act(QUEUE_REPUSH, {
            **_describe(item), "card_age_ns": item.since_last_push_ns(now), "at_ns": now
        })
        return self._items[item.key]

    def _push(self, item: QueueItem, via: str) -> QueueItem:
        if item.state is ItemState.SOLD_OUT:
            raise QueueError(QueueErrorCode.SOLD_OUT, item.key)
        if item.state is ItemState.EXPLAINING:
            return self.repush()
        now = self._clock.monotonic_ns()
        previous = self.explaining
        self._act(QUEUE_PUSH, {
            **_describe(item),
            "via": via,
            "from_state": item.state.value,
            "position": self._position(item.key),
            "previous": previous.key if previous else None,
            "previous_explained_ns": self._running_ns(previous, now) if previous else None,
            "times_explained": item.times_explained + 1,
            "stock": item.stock,
            "at_ns": now,
        })
        return self._items[item.key]

    def stop_explaining(self) -> QueueItem:
        """The explaining item is done and nothing is explained until the next push."""
        item = self.explaining
        if item is None:
            raise QueueError(QueueErrorCode.NOTHING_EXPLAINING)
        now = self._clock.monotonic_ns()
        self._act(QUEUE_STOP, {
            **_describe(item), "explained_ns": self._running_ns(item, now), "at_ns": now
        })
        return self._items[item.key]

    def mark_sold_out(self, key: str) -> QueueItem:
        """售罄: stock is 0; an explaining item stops being explained, a waiting one leaves the order."""
        item = self.item(key)
        if item.state is ItemState.SOLD_OUT:
            raise QueueError(QueueErrorCode.SOLD_OUT, key)
        now = self._clock.monotonic_ns()
        self._act(QUEUE_SOLD_OUT, {
            **_describe(item),
            "from_state": item.state.value,
            "position": self._position(key),
            "stock_before": item.stock,
            "explained_ns": self._running_ns(item, now),
            "at_ns": now,
        })
        return self._items[key]

    def restock(self, key: str, quantity: int, position: int | None = None) -> QueueItem:
        """补货: add stock. A sold-out item waits again, at `position` or else back at its lineup
        place (see `_home`); an item in any other state keeps its state."""
        item = self.item(key)
        if not _is_count(quantity) or quantity <= 0:
            raise QueueError(QueueErrorCode.BAD_QUANTITY, key)
        now = self._clock.monotonic_ns()
        back = item.state is ItemState.SOLD_OUT
        at: int | None = None
        if back:
            at = self._home(key) if position is None else _clamp(position, 0, len(self._waiting))
        self._act(QUEUE_RESTOCK, {
            **_describe(item),
            "quantity": quantity,
            "stock_before": item.stock,
            "stock_after": (item.stock or 0) + quantity,
            "from_state": item.state.value,
            "to_state": (ItemState.WAITING if back else item.state).value,
            "position": at,
            "at_ns": now,
        })
        return self._items[key]

    def adjust_stock(self, key: str, delta: int) -> QueueItem:
        """Correct the stock (库存错误); never below 0, and reaching 0 means sold out.

        A sold-out item comes back only through `restock`, so that the review sees every restock."""
        item = self.item(key)
        if not _is_count(delta):
            raise QueueError(QueueErrorCode.BAD_QUANTITY, key)
        if delta == 0:
            return item
        if item.state is ItemState.SOLD_OUT:
            raise QueueError(QueueErrorCode.SOLD_OUT, key)
        if item.stock is None and delta < 0:
            raise QueueError(QueueErrorCode.STOCK_UNKNOWN, key)
        after = max(0, (item.stock or 0) + delta)
        now = self._clock.monotonic_ns()
        self._act(QUEUE_STOCK, {
            **_describe(item),
            "delta": delta,
            "stock_before": item.stock,
            "stock_after": after,
            "from_state": item.state.value,
            "to_state": (ItemState.SOLD_OUT if after == 0 else item.state).value,
            "position": self._position(key),
            "explained_ns": self._running_ns(item, now) if after == 0 else None,
            "at_ns": now,
        })
        return self._items[key]

    def relist(self, key: str, position: int = 0) -> QueueItem:
        """二次上架: an explained item waits again at `position` (0: it is up next)."""
        item = self.item(key)
        if item.state is not ItemState.DONE:
            raise QueueError(QueueErrorCode.NOT_DONE, key)
        at = _clamp(position, 0, len(self._waiting))
        self._act(QUEUE_RELIST, {
            **_describe(item), "position": at, "at_ns": self._clock.monotonic_ns()
        })
        return self._items[key]

    def reorder(self, key: str, new_index: int) -> QueueItem:
        """Move a waiting item so that it ends up at `new_index` of the waiting order."""
        item = self.item(key)
        if item.state is not ItemState.WAITING:
            raise QueueError(QueueErrorCode.NOT_WAITING, key)
        source = self._waiting.index(key)
        target = _clamp(new_index, 0, len(self._waiting) - 1)
        if source != target:
            self._act(QUEUE_REORDER, {
                **_describe(item), "from": source, "to": target, "at_ns": self._clock.monotonic_ns()
            })
        return self._items[key]

    def undo(self) -> Action:
        """Take back the last action, as if it had not happened; returns that action."""
        if not self._undo:
            raise QueueError(QueueErrorCode.NOTHING_TO_UNDO)
        undone = self._undo[-1].action
        self._act(QUEUE_UNDO, {
            "undone": undone.type,
            "key": undone.payload.get("key"),
            "undone_at_ns": undone.payload.get("at_ns"),
            "at_ns": self._clock.monotonic_ns(),
        })
        self.events.undone.emit(undone)
        return undone

    # recovery ------------------------------------------------------------------------------
    @classmethod
    def replay(
        cls,
        lineup_products: Iterable[Product],
        events: Iterable[EventRecord],
        clock: Clock,
        log: EventLog | None = None,
        session_id: int | None = None,
    ) -> ProductQueue:
        """The queue as the logged `queue.*` events left it (after a crash, or for the review).

        The last `queue.open` gives the items and their opening stock; a product the lineup no
        longer has is rebuilt from the logged key, SKU, link number and title. Further actions
        go to `log`; the undo stack is rebuilt too."""
        if log is not None and session_id is None:
            raise ValueError("a logged queue needs its session id")
        products = list(lineup_products)
        by_key = {p.key: p for p in products}
        queue = cls(products, clock)
        for event in events:
            if event.type == QUEUE_OPEN:
                queue._start([_logged_item(entry, by_key) for entry in event.payload["items"]])
            elif event.type.startswith("queue."):
                queue._apply(event.type, event.payload)
        queue._log, queue._session_id = log, session_id
        return queue

    # how actions happen --------------------------------------------------------------------
    def _position(self, key: str) -> int | None:
        return self._waiting.index(key) if key in self._waiting else None

    def _home(self, key: str) -> int:
        """Just after the last waiting item that comes before `key` in the lineup (else first).

        Placing it after, not before, the items it follows means it never jumps ahead of an item
        the assistant has moved up on purpose."""
        rank = self._order.index(key)
        earlier = [i for i, k in enumerate(self._waiting) if self._order.index(k) < rank]
        return earlier[-1] + 1 if earlier else 0

    @staticmethod
    def _running_ns(item: QueueItem, now: int) -> int | None:
        return None if item.explaining_since_ns is None else _elapsed(item.explaining_since_ns, now)

    def _write(self, type: str, payload: Mapping[str, Any]) -> None:
        if self._log is not None:
            assert self._session_id is not None
            self._log.append(self._session_id, type, payload)

    def _act(self, type: str, payload: dict[str, Any]) -> None:
        # The log comes first: an action the log refused has not happened.
        items, waiting, explaining = dict(self._items), tuple(self._waiting), self.explaining
        self._write(type, payload)
        self._apply(type, payload)
        for key in self._order:
            if self._items[key] != items[key]:
                self.events.changed.emit(self._items[key])
        if tuple(self._waiting) != waiting:
            self.events.reordered.emit(self.waiting)
        now_explaining = self.explaining
        if type in (QUEUE_PUSH, QUEUE_REPUSH) and now_explaining is not None:
            self.events.pushed.emit(now_explaining)
        if _key(now_explaining) != _key(explaining):
            self.events.explaining_changed.emit(now_explaining)

    def _apply(self, type: str, payload: Mapping[str, Any]) -> None:
        """Make the change a logged action describes. Live actions and replay both come through here,
        so a replayed log reaches exactly the live state."""
        if type == QUEUE_UNDO:
            if not self._undo or self._undo[-1].action.type != payload.get("undone"):
                raise QueueError(QueueErrorCode.BAD_EVENT, payload.get("key"))
            step = self._undo.pop()
            self._items, self._waiting = dict(step.items), list(step.waiting)
            return
        change = _CHANGES.get(type)
        key = payload.get("key")
        if change is None or key not in self._items:
            raise QueueError(QueueErrorCode.BAD_EVENT, key)
        step = _UndoStep(Action(type, dict(payload)), dict(self._items), tuple(self._waiting))
        try:
            change(self, self._items[key], payload)
        except (QueueError, KeyError, TypeError, ValueError, IndexError):
            # A replayed event that does not fit leaves the queue as it was.
            self._items, self._waiting = dict(step.items), list(step.waiting)
            raise QueueError(QueueErrorCode.BAD_EVENT, key) from None
        self._undo.append(step)
        del self._undo[:-UNDO_DEPTH]

    def _expect(self, condition: bool, key: str) -> None:
        if not condition:
            raise QueueError(QueueErrorCode.BAD_EVENT, key)

    def _finish(self, item: QueueItem, at_ns: int, state: ItemState) -> QueueItem:
        if item.explaining_since_ns is not None:
            item = replace(
                item,
                total_explaining_ns=item.total_explaining_ns + _elapsed(item.explaining_since_ns, at_ns),
                explaining_since_ns=None,
            )
        return replace(item, state=state)

    def _leave_waiting(self, item: QueueItem, position: int | None) -> None:
        self._expect(self._position(item.key) == position, item.key)
        if position is not None:
            del self._waiting[position]

    def _apply_push(self, item: QueueItem, p: Mapping[str, Any]) -> None:
        at = p["at_ns"]
        self._expect(item.state.value == p["from_state"] and item.state in
                     (ItemState.WAITING, ItemState.DONE), item.key)
        current = self.explaining
        self._expect((current.key if current else None) == p["previous"], item.key)
        if current is not None:
            self._items[current.key] = self._finish(current, at, ItemState.DONE)
        self._leave_waiting(item, p["position"])
        self._items[item.key] = replace(
            item,
            state=ItemState.EXPLAINING,
            times_explained=item.times_explained + 1,
            last_pushed_ns=at,
            explaining_since_ns=at,
        )

    def _apply_repush(self, item: QueueItem, p: Mapping[str, Any]) -> None:
        self._expect(item.state is ItemState.EXPLAINING, item.key)
        self._items[item.key] = replace(item, last_pushed_ns=p["at_ns"])

    def _apply_stop(self, item: QueueItem, p: Mapping[str, Any]) -> None:
        self._expect(item.state is ItemState.EXPLAINING, item.key)
        self._items[item.key] = self._finish(item, p["at_ns"], ItemState.DONE)

    def _sell_out(self, item: QueueItem, p: Mapping[str, Any]) -> None:
        self._expect(item.state is not ItemState.SOLD_OUT and item.state.value == p["from_state"], item.key)
        self._leave_waiting(item, p["position"])
        self._items[item.key] = replace(self._finish(item, p["at_ns"], ItemState.SOLD_OUT), stock=0)

    def _apply_restock(self, item: QueueItem, p: Mapping[str, Any]) -> None:
        self._expect(item.state.value == p["from_state"] and p["stock_after"] > 0, item.key)
        item = replace(item, stock=p["stock_after"])
        if item.state is ItemState.SOLD_OUT:
            self._waiting.insert(p["position"], item.key)
            item = replace(item, state=ItemState.WAITING)
        self._items[item.key] = item

    def _apply_stock(self, item: QueueItem, p: Mapping[str, Any]) -> None:
        after = p["stock_after"]
        self._expect(after >= 0, item.key)
        if after == 0:
            self._sell_out(item, p)
        else:
            self._expect(item.state is not ItemState.SOLD_OUT and item.state.value == p["from_state"],
                         item.key)
            self._items[item.key] = replace(item, stock=after)

    def _apply_relist(self, item: QueueItem, p: Mapping[str, Any]) -> None:
        self._expect(item.state is ItemState.DONE, item.key)
        self._waiting.insert(p["position"], item.key)
        self._items[item.key] = replace(item, state=ItemState.WAITING)

    def _apply_reorder(self, item: QueueItem, p: Mapping[str, Any]) -> None:
        self._expect(self._position(item.key) == p["from"], item.key)
        self._waiting.insert(p["to"], self._waiting.pop(p["from"]))


_CHANGES = {
    QUEUE_PUSH: ProductQueue._apply_push,
    QUEUE_REPUSH: ProductQueue._apply_repush,
    QUEUE_STOP: ProductQueue._apply_stop,
    QUEUE_SOLD_OUT: ProductQueue._sell_out,
    QUEUE_RESTOCK: ProductQueue._apply_restock,
    QUEUE_STOCK: ProductQueue._apply_stock,
    QUEUE_RELIST: ProductQueue._apply_relist,
    QUEUE_REORDER: ProductQueue._apply_reorder,
}


def _key(item: QueueItem | None) -> str | None:
    return None if item is None else item.key


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _opening_item(product: Product) -> QueueItem:
    stock = None if product.stock is None else max(0, product.stock)
    state = ItemState.SOLD_OUT if stock == 0 else ItemState.WAITING
    return QueueItem(product, state=state, stock=stock)


def _logged_item(entry: Mapping[str, Any], by_key: Mapping[str, Product]) -> QueueItem:
    product = by_key.get(entry["key"]) or Product(
        entry["title"], link_no=entry["link_no"], sku=entry["sku"]
    )
    return QueueItem(product, state=ItemState(entry["state"]), stock=entry["stock"])
