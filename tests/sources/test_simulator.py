from __future__ import annotations

import time
from datetime import timedelta
from decimal import Decimal

import pytest

from liveconsole.core.metrics import CUMULATIVE_FIELDS, FIELDS, acu, per_minute
from liveconsole.core.products import Product
from liveconsole.core.queue import ProductQueue
from liveconsole.core.timers import ReminderKind, TimerBoard
from liveconsole.sources.simulator import (
    AudienceSimulator,
    SimEvent,
    SimEventKind,
    demo_events,
    events_from_log,
    lineup_prices,
    simulate,
)
from tests.helpers.clock import BEIJING, FakeClock
from tests.helpers.memory_log import MemoryEventLog

SESSION = 4
START = FakeClock().now()
HOUR = 3600


def test_the_same_seed_gives_the_same_series():
    events = demo_events(HOUR, seed=3)
    assert simulate(11, START, HOUR, events) == simulate(11, START, HOUR, events)


def test_another_seed_gives_another_series():
    assert simulate(11, START, 600) != simulate(12, START, 600)


def test_samples_come_once_a_second_with_every_field_known_and_totals_never_falling():
    samples = simulate(5, START, 900, demo_events(900, 5))
    assert [s.t for s in samples] == [START + timedelta(seconds=n) for n in range(1, 901)]
    assert all(s.present().keys() == set(FIELDS) for s in samples[60:])
    for name in CUMULATIVE_FIELDS:
        values = [getattr(s, name) for s in samples]
        assert values == sorted(values), name
    assert samples[-1].online > 0 and samples[-1].gmv > 0


def test_an_event_changes_nothing_before_it_happens_and_something_after():
    push = [SimEvent(1800.0, SimEventKind.PUSH, price=Decimal("299"))]
    without, with_push = simulate(9, START, HOUR), simulate(9, START, HOUR, push)
    assert without[:1800] == with_push[:1800]
    assert without[1800:] != with_push[1800:]


def _orders_per_minute(samples, end_s, window_s):
    return per_minute(samples, "orders", window_s, end=START + timedelta(seconds=end_s))


def test_a_flash_sale_sells_faster_while_it_runs():
    sale = [SimEvent(1200.0, SimEventKind.FLASH_SALE, duration_s=120.0)]
    plain, selling = simulate(21, START, 1500), simulate(21, START, 1500, sale)
    assert _orders_per_minute(selling, 1320, 120) > 2 * _orders_per_minute(plain, 1320, 120)


def test_a_lucky_bag_keeps_more_viewers_in_the_room():
    bag = [SimEvent(1200.0, SimEventKind.LUCKY_BAG)]
    plain, waiting = simulate(8, START, 1500), simulate(8, START, 1500, bag)
    window = dict(start=START + timedelta(seconds=1260), end=START + timedelta(seconds=1380))
    assert acu(waiting, **window) > 1.15 * acu(plain, **window)


def test_a_push_brings_clicks_on_the_product():
    push = [SimEvent(1200.0, SimEventKind.PUSH)]
    plain, pushed = simulate(2, START, 1300), simulate(2, START, 1300, push)
    end = START + timedelta(seconds=1260)
    assert per_minute(pushed, "product_clicks", 60, end) > 1.5 * per_minute(plain, "product_clicks", 60, end)


def test_the_room_reacts_to_what_the_session_log_says_happened():
    clock = FakeClock()
    log = MemoryEventLog(clock)
    serum = Product("玻尿酸精华", link_no=1, sku="SERUM", live_price=Decimal("199"))
    queue = ProductQueue([serum], clock, log, SESSION)
    timers = TimerBoard(clock, log, SESSION)
    clock.advance(60)
    queue.push_next()
    clock.advance(60)
    timers.start_flash_sale(90, product_key="SERUM")
    bag = timers.add_reminder(ReminderKind.LUCKY_BAG, every_s=900, first_in_s=0)
    clock.advance(30)
    timers.acknowledge(bag.id)
    events = events_from_log(log.events(SESSION), START, lineup_prices([serum]))
    assert [(e.at_s, e.kind, e.duration_s, e.price) for e in events] == [
        (60.0, SimEventKind.PUSH, 0.0, Decimal("199.00")),
        (120.0, SimEventKind.FLASH_SALE, 90.0, None),
        (150.0, SimEventKind.LUCKY_BAG, 0.0, None),
    ]


def test_feeding_events_as_they_are_logged_gives_the_series_of_knowing_them_up_front():
    events = demo_events(HOUR, seed=1)
    live = AudienceSimulator(4, START)
    samples = []
    for second in range(HOUR):
        while events and events[0].at_s <= second:
            live.react(events.pop(0))
        samples.append(live.step())
    assert samples == simulate(4, START, HOUR, demo_events(HOUR, seed=1))


def test_a_start_without_a_zone_is_refused():
    with pytest.raises(ValueError):
        AudienceSimulator(1, START.replace(tzinfo=None))


def test_a_six_hour_session_is_simulated_in_a_few_seconds_at_most():
    began = time.perf_counter()
    samples = simulate(6, START.astimezone(BEIJING), 6 * HOUR, demo_events(6 * HOUR, seed=6))
    assert len(samples) == 6 * HOUR
    assert time.perf_counter() - began < 5.0  # about 0.7 s on a laptop core; bench/ingest.py reports it
