import copy
from contextlib import contextmanager
from dataclasses import replace

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from liveconsole.core.products import Product
from liveconsole.core.queue import (
    NS_PER_S,
    UNDO_DEPTH,
    ItemState,
    ProductQueue,
    QueueError,
    QueueErrorCode,
)
from tests.helpers.clock import FakeClock
from tests.helpers.memory_log import MemoryEventLog

SESSION = 7
LINEUP = [
    Product("保温杯", link_no=1, sku="CUP", stock=10, live_price="99", list_price="199"),
    Product("面膜", link_no=2, sku="MASK", stock=3),
    Product("口红", link_no=3, sku="LIP", stock=0),  # sold out before the session starts
    Product("T恤", link_no=4, sku="TEE"),  # stock never given
    Product("福袋款", link_no=5, sku="BAG", stock=1),
    Product("零食礼包", link_no=6, sku="SNACK", stock=50),
]
KEYS = [p.key for p in LINEUP]
WAITING, EXPLAINING, DONE, SOLD_OUT = ItemState


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def log(clock):
    return MemoryEventLog(clock)


@pytest.fixture
def queue(clock, log):
    return ProductQueue(LINEUP, clock, log, SESSION)


def keys(items):
    return [item.key for item in items]


@contextmanager
def raises(code):
    with pytest.raises(QueueError) as info:
        yield
    assert info.value.code is code


def replayed(queue, log, clock):
    return ProductQueue.replay(LINEUP, log.events(SESSION), clock)


# --- opening ---------------------------------------------------------------------------------


def test_items_wait_in_lineup_order_and_an_item_without_stock_starts_sold_out(queue):
    assert keys(queue.waiting) == ["CUP", "MASK", "TEE", "BAG", "SNACK"]
    assert queue.item("LIP").state is SOLD_OUT
    assert queue.item("TEE").stock is None
    assert queue.explaining is None
    assert queue.up_next.key == "CUP"


def test_opening_the_queue_logs_every_item_with_its_stock(queue, log):
    (opened,) = log.events(SESSION)
    assert opened.type == "queue.open"
    assert opened.payload["items"][2] == {
        "key": "LIP", "sku": "LIP", "link_no": 3, "title": "口红", "stock": 0, "state": "sold_out",
    }


def test_a_logged_queue_needs_a_session_id(clock, log):
    with pytest.raises(ValueError):
        ProductQueue(LINEUP, clock, log)


# --- pushing ---------------------------------------------------------------------------------


def test_push_next_explains_the_first_waiting_item(queue, clock):
    item = queue.push_next()
    assert item.key == "CUP"
    assert item.state is EXPLAINING
    assert item.times_explained == 1
    assert item.last_pushed_ns == clock.monotonic_ns()
    assert queue.explaining == item
    assert queue.up_next.key == "MASK"


def test_push_next_makes_the_item_explained_so_far_done(queue):
    queue.push_next()
    queue.push_next()
    assert queue.item("CUP").state is DONE
    assert queue.explaining.key == "MASK"


def test_push_next_skips_sold_out_items(queue):
    queue.push_next()
    queue.push_next()
    assert queue.push_next().key == "TEE"  # LIP, sold out, is passed over


def test_push_next_with_nothing_waiting_raises_nothing_waiting(queue):
    for _ in range(5):
        queue.push_next()
    with raises(QueueErrorCode.NOTHING_WAITING):
        queue.push_next()


def test_push_link_pushes_the_item_with_that_link_number(queue):
    assert queue.push_link(5).key == "BAG"
    assert keys(queue.waiting) == ["CUP", "MASK", "TEE", "SNACK"]


def test_push_link_of_an_unknown_number_raises_not_found(queue):
    with raises(QueueErrorCode.NOT_FOUND):
        queue.push_link(99)


def test_push_link_shared_by_two_items_raises_ambiguous_link(clock):
    queue = ProductQueue([Product("甲", link_no=1), Product("乙", link_no=1)], clock)
    with raises(QueueErrorCode.AMBIGUOUS_LINK):
        queue.push_link(1)


def test_pushing_a_done_item_explains_it_again_without_relisting_it(queue, log):
    queue.push_link(1)
    queue.push_link(2)
    again = queue.push_link(1)
    assert again.state is EXPLAINING
    assert again.times_explained == 2
    assert "CUP" not in keys(queue.waiting)
    assert log.events(SESSION)[-1].payload["from_state"] == "done"


def test_pushing_a_sold_out_item_is_refused(queue):
    with raises(QueueErrorCode.SOLD_OUT):
        queue.push_link(3)
    assert queue.explaining is None


def test_pushing_the_explaining_item_puts_its_card_up_again(queue, clock, log):
    queue.push_link(1)
    clock.advance(6)
    item = queue.push_link(1)
    assert item.times_explained == 1
    assert item.last_pushed_ns == clock.monotonic_ns()
    last = log.events(SESSION)[-1]
    assert last.type == "queue.repush"
    assert last.payload["card_age_ns"] == 6 * NS_PER_S


def test_repush_with_nothing_explaining_raises_nothing_explaining(queue):
    with raises(QueueErrorCode.NOTHING_EXPLAINING):
        queue.repush()


def test_stop_explaining_makes_the_item_done_and_nothing_is_explained(queue, clock):
    queue.push_next()
    clock.advance(30)
    item = queue.stop_explaining()
    assert item.state is DONE
    assert item.total_explaining_ns == 30 * NS_PER_S
    assert queue.explaining is None
    with raises(QueueErrorCode.NOTHING_EXPLAINING):
        queue.stop_explaining()


# --- re-listing and reordering ---------------------------------------------------------------


def test_relist_puts_a_done_item_back_at_the_chosen_position(queue):
    queue.push_next()
    queue.push_next()
    item = queue.relist("CUP", 1)
    assert item.state is WAITING
    assert keys(queue.waiting) == ["TEE", "CUP", "BAG", "SNACK"]


def test_relist_by_default_makes_the_item_up_next(queue):
    queue.push_next()
    queue.stop_explaining()
    queue.relist("CUP")
    assert queue.up_next.key == "CUP"


def test_relist_of_an_item_that_was_not_explained_raises_not_done(queue):
    with raises(QueueErrorCode.NOT_DONE):
        queue.relist("MASK")
    with raises(QueueErrorCode.NOT_DONE):
        queue.relist("LIP")


def test_reorder_moves_a_waiting_item_and_clamps_the_index_into_range(queue):
    queue.reorder("SNACK", 0)
    assert keys(queue.waiting) == ["SNACK", "CUP", "MASK", "TEE", "BAG"]
    queue.reorder("SNACK", 99)
    assert keys(queue.waiting) == ["CUP", "MASK", "TEE", "BAG", "SNACK"]


def test_reorder_to_the_same_place_changes_and_logs_nothing(queue, log):
    before = len(log.events(SESSION))
    queue.reorder("CUP", 0)
    assert len(log.events(SESSION)) == before
    assert queue.next_undo is None


def test_reorder_of_an_item_that_is_not_waiting_raises_not_waiting(queue):
    queue.push_next()
    with raises(QueueErrorCode.NOT_WAITING):
        queue.reorder("CUP", 2)
    with raises(QueueErrorCode.NOT_WAITING):
        queue.reorder("LIP", 0)


def test_an_unknown_key_raises_not_found(queue):
    with raises(QueueErrorCode.NOT_FOUND):
        queue.push("NOPE")
    with raises(QueueErrorCode.NOT_FOUND):
        queue.mark_sold_out("NOPE")


# --- stock -----------------------------------------------------------------------------------


def test_an_explaining_item_that_sells_out_stops_being_explained(queue, clock):
    queue.push_next()
    clock.advance(12)
    item = queue.mark_sold_out("CUP")
    assert item.state is SOLD_OUT
    assert item.stock == 0
    assert item.total_explaining_ns == 12 * NS_PER_S
    assert queue.explaining is None


def test_a_waiting_item_that_sells_out_leaves_the_waiting_order(queue):
    queue.mark_sold_out("TEE")
    assert keys(queue.waiting) == ["CUP", "MASK", "BAG", "SNACK"]
    with raises(QueueErrorCode.SOLD_OUT):
        queue.mark_sold_out("TEE")


def test_restock_brings_a_sold_out_item_back_at_its_lineup_place(queue):
    queue.reorder("SNACK", 0)
    item = queue.restock("LIP", 20)
    assert (item.state, item.stock) == (WAITING, 20)
    # After the last waiting item that comes before it in the lineup: SNACK stays first.
    assert keys(queue.waiting) == ["SNACK", "CUP", "MASK", "LIP", "TEE", "BAG"]


def test_restock_with_a_position_puts_the_item_there(queue):
    queue.restock("LIP", 5, position=0)
    assert queue.up_next.key == "LIP"


def test_restock_of_an_item_in_stock_adds_stock_and_keeps_its_state(queue):
    queue.push_next()
    item = queue.restock("CUP", 5)
    assert (item.state, item.stock) == (EXPLAINING, 15)
    assert queue.restock("TEE", 8).stock == 8  # stock that was never given starts counting now


def test_restock_needs_a_positive_whole_quantity(queue):
    for bad in (0, -3, True, 2.5):
        with raises(QueueErrorCode.BAD_QUANTITY):
            queue.restock("LIP", bad)


def test_adjust_stock_never_goes_below_zero_and_zero_means_sold_out(queue, log):
    assert queue.adjust_stock("MASK", -1).stock == 2
    item = queue.adjust_stock("MASK", -10)
    assert (item.state, item.stock) == (SOLD_OUT, 0)
    last = log.events(SESSION)[-1]
    assert last.type == "queue.stock"
    assert (last.payload["stock_before"], last.payload["stock_after"], last.payload["to_state"]) == (
        2, 0, "sold_out")


def test_an_explaining_item_whose_stock_runs_out_stops_being_explained(queue):
    queue.push_link(5)
    queue.adjust_stock("BAG", -1)
    assert queue.explaining is None
    assert queue.item("BAG").state is SOLD_OUT


def test_a_sold_out_item_comes_back_only_through_restock(queue):
    with raises(QueueErrorCode.SOLD_OUT):
        queue.adjust_stock("LIP", 5)


def test_stock_that_was_never_given_cannot_be_taken_away_but_can_be_set(queue):
    with raises(QueueErrorCode.STOCK_UNKNOWN):
        queue.adjust_stock("TEE", -1)
    assert queue.adjust_stock("TEE", 4).stock == 4


def test_adjusting_stock_by_zero_changes_and_logs_nothing(queue, log):
    before = len(log.events(SESSION))
    queue.adjust_stock("CUP", 0)
    assert len(log.events(SESSION)) == before


# --- time ------------------------------------------------------------------------------------


def test_explaining_time_adds_up_over_every_explanation_of_an_item(queue, clock):
    queue.push_link(1)
    clock.advance(40)
    queue.push_link(2)
    clock.advance(100)
    queue.push_link(1)
    clock.advance(15)
    stats = queue.stats("CUP")
    assert stats.times_explained == 2
    assert stats.explaining_ns == 55 * NS_PER_S
    assert queue.stats("MASK").explaining_ns == 100 * NS_PER_S


def test_time_since_last_push_counts_from_the_latest_push_or_repush(queue, clock):
    assert queue.stats("CUP").since_last_push_ns is None
    queue.push_next()
    clock.advance(5)
    queue.repush()
    clock.advance(2)
    assert queue.stats("CUP").since_last_push_ns == 2 * NS_PER_S


def test_the_card_needs_a_repush_after_eight_seconds_and_a_repush_resets_it(queue, clock):
    assert queue.card_age_ns() is None
    assert not queue.needs_repush()
    queue.push_next()
    clock.advance(7.9)
    assert not queue.needs_repush()
    clock.advance(0.1)
    assert queue.card_age_ns() == 8 * NS_PER_S
    assert queue.needs_repush()
    assert not queue.needs_repush(threshold_s=15)
    queue.repush()
    assert not queue.needs_repush()


# --- undo ------------------------------------------------------------------------------------


def test_undo_of_a_push_restores_the_previous_explaining_item(queue, clock):
    queue.push_link(1)
    clock.advance(20)
    queue.push_link(2)
    clock.advance(3)
    undone = queue.undo()
    assert undone.type == "queue.push"
    assert undone.payload["key"] == "MASK"
    cup = queue.explaining
    assert cup.key == "CUP"
    assert cup.explaining_ns(clock.monotonic_ns()) == 23 * NS_PER_S  # the host never stopped
    mask = queue.item("MASK")
    assert (mask.state, mask.times_explained, mask.total_explaining_ns) == (WAITING, 0, 0)
    assert queue.up_next.key == "MASK"


def test_undo_of_a_sold_out_restores_the_stock_and_the_place_in_the_order(queue):
    queue.mark_sold_out("MASK")
    queue.undo()
    assert queue.item("MASK").stock == 3
    assert keys(queue.waiting) == ["CUP", "MASK", "TEE", "BAG", "SNACK"]


def test_undo_takes_back_actions_one_by_one_until_there_are_none(queue):
    start = queue.state
    queue.push_next()
    queue.reorder("SNACK", 0)
    queue.restock("LIP", 2)
    for _ in range(3):
        queue.undo()
    assert queue.state == start
    with raises(QueueErrorCode.NOTHING_TO_UNDO):
        queue.undo()


def test_each_undo_is_logged_with_the_action_it_took_back(queue, log):
    queue.push_next()
    queue.undo()
    last = log.events(SESSION)[-1]
    assert last.type == "queue.undo"
    assert (last.payload["undone"], last.payload["key"]) == ("queue.push", "CUP")


def test_undo_reaches_back_a_bounded_number_of_actions(clock):
    queue = ProductQueue(LINEUP, clock)
    queue.push_next()
    for _ in range(UNDO_DEPTH + 10):
        queue.repush()
    assert queue.undo_depth == UNDO_DEPTH
    for _ in range(UNDO_DEPTH):
        queue.undo()
    assert queue.next_undo is None
    assert queue.explaining.key == "CUP"  # the push itself is too far back to take back


# --- the log and the views --------------------------------------------------------------------


def test_every_action_is_logged_as_it_happens_with_what_the_review_needs(queue, log, clock):
    queue.push_next()
    clock.advance(9)
    queue.push_link(2)
    queue.restock("LIP", 4)
    queue.relist("CUP", 0)
    queue.reorder("SNACK", 0)
    queue.adjust_stock("MASK", -1)
    queue.mark_sold_out("MASK")
    assert log.types(SESSION) == [
        "queue.open", "queue.push", "queue.push", "queue.restock", "queue.relist", "queue.reorder",
        "queue.stock", "queue.sold_out",
    ]
    second = log.events(SESSION)[2].payload
    assert second["key"] == "MASK" and second["sku"] == "MASK" and second["title"] == "面膜"
    assert (second["link_no"], second["via"], second["position"]) == (2, "link", 0)
    assert (second["previous"], second["previous_explained_ns"]) == ("CUP", 9 * NS_PER_S)
    assert second["at_ns"] == clock.monotonic_ns()
    restock = log.events(SESSION)[3].payload
    assert (restock["quantity"], restock["stock_before"], restock["stock_after"], restock["position"]) == (
        4, 0, 4, 0)


class RefusingLog(MemoryEventLog):
    def append(self, session_id, type, payload):
        raise OSError("disk full")


def test_an_action_the_log_refused_has_not_happened(clock):
    queue = ProductQueue(LINEUP, clock)
    queue._log, queue._session_id = RefusingLog(clock), SESSION
    before = queue.state
    with pytest.raises(OSError):
        queue.push_next()
    assert queue.state == before
    assert queue.next_undo is None


def test_views_hear_what_changed_what_was_pushed_and_the_new_order(queue):
    changed, pushed, explaining, orders, undone = [], [], [], [], []
    queue.events.changed.connect(changed.append)
    queue.events.pushed.connect(pushed.append)
    queue.events.explaining_changed.connect(explaining.append)
    queue.events.reordered.connect(lambda items: orders.append(keys(items)))
    queue.events.undone.connect(undone.append)
    queue.push_next()
    queue.push_next()
    assert keys(changed) == ["CUP", "CUP", "MASK"]
    assert keys(pushed) == ["CUP", "MASK"]
    assert keys(explaining) == ["CUP", "MASK"]
    assert orders[-1] == ["TEE", "BAG", "SNACK"]
    queue.repush()
    assert keys(pushed) == ["CUP", "MASK", "MASK"]
    assert len(explaining) == 2  # the same item still explained
    queue.stop_explaining()
    assert explaining[-1] is None
    queue.undo()
    assert undone[-1].type == "queue.stop"
    assert explaining[-1].key == "MASK"


# --- replay ----------------------------------------------------------------------------------


def test_replay_after_a_crash_restores_the_queue_and_its_undo(queue, log, clock):
    queue.push_next()
    clock.advance(10)
    queue.push_link(4)
    queue.restock("LIP", 3, position=0)
    queue.reorder("BAG", 0)
    queue.undo()
    recovered = ProductQueue.replay(LINEUP, log.events(SESSION), clock, log, SESSION)
    assert recovered.state == queue.state
    assert recovered.next_undo == queue.next_undo
    recovered.undo()  # carries on where the lost queue stopped: the restock is taken back
    assert recovered.item("LIP").state is SOLD_OUT
    assert recovered.explaining.key == "TEE"
    assert ProductQueue.replay(LINEUP, log.events(SESSION), clock).state == recovered.state


def test_replay_rebuilds_products_the_lineup_no_longer_has(queue, log, clock):
    queue.push_link(2)
    recovered = ProductQueue.replay(LINEUP[:1], log.events(SESSION), clock)
    mask = recovered.item("MASK")
    assert (mask.product.title, mask.product.link_no, mask.state) == ("面膜", 2, EXPLAINING)


def test_replay_starts_again_at_the_last_opening(clock, log):
    first = ProductQueue(LINEUP, clock, log, SESSION)
    first.push_next()
    second = ProductQueue(LINEUP, clock, log, SESSION)
    second.push_link(6)
    assert replayed(second, log, clock).state == second.state


def test_replay_ignores_other_events_and_refuses_queue_events_that_do_not_fit(queue, log, clock):
    log.append(SESSION, "incident", {"type": "other"})
    queue.push_next()
    events = list(log.events(SESSION))
    assert ProductQueue.replay(LINEUP, events, clock).state == queue.state
    with raises(QueueErrorCode.BAD_EVENT):
        ProductQueue.replay(LINEUP, events + events[-1:], clock)  # the same push twice
    with raises(QueueErrorCode.BAD_EVENT):
        ProductQueue.replay(LINEUP, events[:1] + [replace(events[-1], type="queue.undo")], clock)


# --- any sequence of actions -----------------------------------------------------------------


class Model:
    """What the queue should be, kept the plain way: dictionaries and one list."""

    def __init__(self) -> None:
        self.state = {p.key: (SOLD_OUT if p.stock == 0 else WAITING) for p in LINEUP}
        self.stock = {p.key: p.stock for p in LINEUP}
        self.waiting = [k for k in KEYS if self.state[k] is WAITING]
        self.times = {k: 0 for k in KEYS}
        self.intervals: dict[str, list[tuple[int, int]]] = {k: [] for k in KEYS}
        self.since: dict[str, int | None] = {k: None for k in KEYS}
        self.last_push: dict[str, int | None] = {k: None for k in KEYS}

    def explaining(self):
        return next((k for k, s in self.state.items() if s is EXPLAINING), None)

    def finish(self, key, now, state):
        if self.since[key] is not None:
            self.intervals[key].append((self.since[key], now))
            self.since[key] = None
        self.state[key] = state

    def push(self, key, now):
        current = self.explaining()
        if current is not None:
            self.finish(current, now, DONE)
        if key in self.waiting:
            self.waiting.remove(key)
        self.state[key] = EXPLAINING
        self.times[key] += 1
        self.since[key] = self.last_push[key] = now

    def sell_out(self, key, now):
        self.finish(key, now, SOLD_OUT)
        if key in self.waiting:
            self.waiting.remove(key)
        self.stock[key] = 0


def clamp(value, low, high):
    return max(low, min(value, high))


keys_st = st.sampled_from(KEYS)
positions = st.integers(-2, len(LINEUP) + 2)


class QueueMachine(RuleBasedStateMachine):
    """Any sequence of actions keeps the queue what the model says, and the log replays to it."""

    def __init__(self) -> None:
        super().__init__()
        self.clock = FakeClock()
        self.log = MemoryEventLog(self.clock)
        self.queue = ProductQueue(LINEUP, self.clock, self.log, SESSION)
        self.model = Model()
        self.history: list[Model] = []
        self.view = {item.key: item for item in self.queue.items}  # kept only from events
        self.view_waiting = keys(self.queue.waiting)
        self.queue.events.changed.connect(lambda item: self.view.__setitem__(item.key, item))
        self.queue.events.reordered.connect(lambda items: setattr(self, "view_waiting", keys(items)))

    @property
    def now(self):
        return self.clock.monotonic_ns()

    def save(self):
        self.history.append(copy.deepcopy(self.model))
        del self.history[:-UNDO_DEPTH]

    def expect(self, code, action, *args):
        with raises(code):
            action(*args)

    def push_or_repush(self, key, action, *args):
        state = self.model.state[key]
        if state is SOLD_OUT:
            self.expect(QueueErrorCode.SOLD_OUT, action, *args)
            return
        action(*args)
        self.save()
        if state is EXPLAINING:
            self.model.last_push[key] = self.now
        else:
            self.model.push(key, self.now)

    @rule()
    def push_next(self):
        if not self.model.waiting:
            self.expect(QueueErrorCode.NOTHING_WAITING, self.queue.push_next)
        else:
            self.push_or_repush(self.model.waiting[0], self.queue.push_next)

    @rule(key=keys_st)
    def push(self, key):
        self.push_or_repush(key, self.queue.push, key)

    @rule(link=st.integers(0, len(LINEUP) + 1))
    def push_link(self, link):
        key = next((p.key for p in LINEUP if p.link_no == link), None)
        if key is None:
            self.expect(QueueErrorCode.NOT_FOUND, self.queue.push_link, link)
        else:
            self.push_or_repush(key, self.queue.push_link, link)

    @rule()
    def stop(self):
        key = self.model.explaining()
        if key is None:
            self.expect(QueueErrorCode.NOTHING_EXPLAINING, self.queue.stop_explaining)
            return
        self.queue.stop_explaining()
        self.save()
        self.model.finish(key, self.now, DONE)

    @rule(key=keys_st, position=positions)
    def relist(self, key, position):
        if self.model.state[key] is not DONE:
            self.expect(QueueErrorCode.NOT_DONE, self.queue.relist, key, position)
            return
        self.queue.relist(key, position)
        self.save()
        self.model.state[key] = WAITING
        self.model.waiting.insert(clamp(position, 0, len(self.model.waiting)), key)

    @rule(key=keys_st, index=positions)
    def reorder(self, key, index):
        if self.model.state[key] is not WAITING:
            self.expect(QueueErrorCode.NOT_WAITING, self.queue.reorder, key, index)
            return
        self.queue.reorder(key, index)
        waiting = self.model.waiting
        source, target = waiting.index(key), clamp(index, 0, len(waiting) - 1)
        if source != target:
            self.save()
            waiting.insert(target, waiting.pop(source))

    @rule(key=keys_st)
    def sold_out(self, key):
        if self.model.state[key] is SOLD_OUT:
            self.expect(QueueErrorCode.SOLD_OUT, self.queue.mark_sold_out, key)
            return
        self.queue.mark_sold_out(key)
        self.save()
        self.model.sell_out(key, self.now)

    @rule(key=keys_st, quantity=st.integers(-1, 5), position=st.none() | positions)
    def restock(self, key, quantity, position):
        if quantity <= 0:
            self.expect(QueueErrorCode.BAD_QUANTITY, self.queue.restock, key, quantity, position)
            return
        self.queue.restock(key, quantity, position)
        self.save()
        m = self.model
        m.stock[key] = (m.stock[key] or 0) + quantity
        if m.state[key] is SOLD_OUT:
            m.state[key] = WAITING
            if position is None:
                earlier = [i for i, k in enumerate(m.waiting) if KEYS.index(k) < KEYS.index(key)]
                position = earlier[-1] + 1 if earlier else 0
            m.waiting.insert(clamp(position, 0, len(m.waiting)), key)

    @rule(key=keys_st, delta=st.integers(-6, 6))
    def adjust_stock(self, key, delta):
        m = self.model
        if delta == 0:
            self.queue.adjust_stock(key, delta)
        elif m.state[key] is SOLD_OUT:
            self.expect(QueueErrorCode.SOLD_OUT, self.queue.adjust_stock, key, delta)
        elif m.stock[key] is None and delta < 0:
            self.expect(QueueErrorCode.STOCK_UNKNOWN, self.queue.adjust_stock, key, delta)
        else:
            self.queue.adjust_stock(key, delta)
            self.save()
            after = max(0, (m.stock[key] or 0) + delta)
            if after == 0:
                m.sell_out(key, self.now)
            else:
                m.stock[key] = after

    @rule()
    def undo(self):
        if not self.history:
            self.expect(QueueErrorCode.NOTHING_TO_UNDO, self.queue.undo)
            return
        self.queue.undo()
        self.model = self.history.pop()

    @rule(ms=st.integers(0, 20_000))
    def advance_clock(self, ms):
        self.clock.advance(ns=ms * 1_000_000)

    @invariant()
    def every_item_is_in_exactly_the_state_the_model_says(self):
        assert {item.key: item.state for item in self.queue.items} == self.model.state
        by_state = {s: {i.key for i in self.queue.items if i.state is s} for s in ItemState}
        assert sum(len(k) for k in by_state.values()) == len(LINEUP)
        assert len(by_state[EXPLAINING]) <= 1

    @invariant()
    def the_waiting_order_is_the_models_and_a_permutation_of_the_waiting_items(self):
        waiting = keys(self.queue.waiting)
        assert waiting == self.model.waiting
        assert sorted(waiting) == sorted(k for k, s in self.model.state.items() if s is WAITING)

    @invariant()
    def stock_is_never_negative_and_zero_exactly_when_sold_out(self):
        for item in self.queue.items:
            assert item.stock == self.model.stock[item.key]
            assert item.stock is None or item.stock >= 0
            assert (item.stock == 0) == (item.state is SOLD_OUT)

    @invariant()
    def explaining_time_is_the_sum_of_the_explain_intervals(self):
        for key in KEYS:
            stats = self.queue.stats(key)
            running = self.model.since[key]
            expected = sum(end - start for start, end in self.model.intervals[key])
            expected += 0 if running is None else self.now - running
            assert stats.explaining_ns == expected
            assert stats.times_explained == self.model.times[key]
            assert self.queue.item(key).last_pushed_ns == self.model.last_push[key]

    @invariant()
    def the_logged_events_replay_to_the_live_queue(self):
        recovered = ProductQueue.replay(LINEUP, self.log.events(SESSION), self.clock)
        assert recovered.state == self.queue.state
        assert recovered.undo_depth == self.queue.undo_depth == len(self.history)
        assert recovered.next_undo == self.queue.next_undo

    @invariant()
    def views_fed_only_by_events_show_the_queue(self):
        assert [self.view[k] for k in KEYS] == list(self.queue.items)
        assert self.view_waiting == keys(self.queue.waiting)


QueueMachine.TestCase.settings = settings(max_examples=100, stateful_step_count=40, deadline=None)
TestQueueMachine = QueueMachine.TestCase
