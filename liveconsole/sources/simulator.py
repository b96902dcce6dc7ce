"""A seeded audience and order model for demos and training: traffic waves, and the room's reactions to
product pushes, flash sales and lucky bags from the session's log; one cumulative sample a second."""

from __future__ import annotations

import enum
import math
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from liveconsole.core.metrics import Sample
from liveconsole.core.money import CENT
from liveconsole.core.ports import EventRecord
from liveconsole.core.products import Product
from liveconsole.core.queue import QUEUE_PUSH
from liveconsole.core.timers import FLASH_SALE_START, REMINDER_ACK, ReminderKind

SOURCE = "simulator"
NS_PER_S = 1_000_000_000


class SimEventKind(enum.Enum):
    PUSH = "push"  # a product is explained now (讲解中)
    FLASH_SALE = "flash_sale"  # 秒杀 for `duration_s`
    LUCKY_BAG = "lucky_bag"  # 福袋 sent out: viewers stay, comment and follow to win it
    LOTTERY = "lottery"  # 抽奖
    COUPON = "coupon"  # 优惠券


@dataclass(frozen=True)
class SimEvent:
    at_s: float  # seconds after the simulation's start
    kind: SimEventKind
    duration_s: float = 0.0
    price: Decimal | None = None  # the pushed product's live price, when known


@dataclass(frozen=True)
class Reaction:
    """How the room answers an event, for `seconds` after it (fading out linearly)."""

    seconds: float
    arrivals: float = 1.0
    stay: float = 1.0
    exposure: float = 1.0
    conversion: float = 1.0
    comments: float = 1.0
    follows: float = 1.0


@dataclass(frozen=True)
class AudienceModel:
    """Rates per second. The defaults give a mid-sized beauty room: ~2,500 online at the wave's middle,
    ¥100-200 orders, GMV in the hundreds of thousands over a few hours."""

    arrivals_per_s: float = 25.0  # new entries into the room
    mean_stay_s: float = 95.0
    returning_share: float = 0.35  # entries by someone who was here before: views, not new viewers
    wave_periods_s: tuple[float, ...] = (1_800.0, 5_400.0)
    wave_depth: float = 0.35  # each wave moves arrivals up and down by this share
    warm_up_s: float = 600.0  # arrivals ramp up over the first minutes
    burst_every_s: float = 1_500.0  # the platform's traffic pushes (流量推送), on average
    burst_seconds: tuple[float, float] = (120.0, 300.0)
    burst_gain: tuple[float, float] = (1.3, 1.8)
    likes_per_viewer: float = 0.2
    comments_per_viewer: float = 0.0012
    shares_per_viewer: float = 0.0006
    follows_per_viewer: float = 0.0001
    exposures_per_viewer: float = 0.02
    click_rate: float = 0.12
    buy_rate: float = 0.05  # buyers per click
    repeat_order_rate: float = 0.08  # extra orders per new buyer
    extra_item_rate: float = 0.3  # extra items per order
    price: Decimal = Decimal("129")
    price_jitter: float = 0.15
    flash_sale_price: float = 0.7  # share of the usual price
    reactions: Mapping[SimEventKind, Reaction] = field(default_factory=lambda: {
        SimEventKind.PUSH: Reaction(90, exposure=2.5, conversion=1.3, comments=1.5),
        SimEventKind.FLASH_SALE: Reaction(0, arrivals=1.3, conversion=3.0, comments=2.0),  # lasts the sale
        SimEventKind.LUCKY_BAG: Reaction(180, arrivals=1.4, stay=1.6, comments=5.0, follows=4.0),
        SimEventKind.LOTTERY: Reaction(120, arrivals=1.2, stay=1.3, comments=3.0, follows=2.0),
        SimEventKind.COUPON: Reaction(300, conversion=1.5),
    })


def lineup_prices(products: Iterable[Product]) -> dict[str, Decimal]:
    """Live price (else list price) by product key, for `events_from_log`."""
    prices = {}
    for product in products:
        price = product.live_price if product.live_price is not None else product.list_price
        if price is not None and price > 0:
            prices[product.key] = price
    return prices


def events_from_log(records: Iterable[EventRecord], start: datetime,
                    prices: Mapping[str, Decimal] | None = None) -> list[SimEvent]:
    """The simulator's events in a session's log: pushes, flash sales and acknowledged reminders.

    `prices` maps a product key to its live price, so that a push changes what an order costs.
    """
    found = [event for record in records if (event := event_from_record(record, start, prices)) is not None]
    return sorted(found, key=lambda event: event.at_s)


def event_from_record(record: EventRecord, start: datetime,
                      prices: Mapping[str, Decimal] | None = None) -> SimEvent | None:
    at_s = (record.wall_time - start).total_seconds()
    payload = record.payload
    if record.type == QUEUE_PUSH:
        price = (prices or {}).get(str(payload.get("key")))
        return SimEvent(at_s, SimEventKind.PUSH, price=price)
    if record.type == FLASH_SALE_START:
        return SimEvent(at_s, SimEventKind.FLASH_SALE, duration_s=float(payload.get("duration_ns", 0)) / NS_PER_S)
    if record.type == REMINDER_ACK:
        kind = {ReminderKind.LUCKY_BAG.value: SimEventKind.LUCKY_BAG, ReminderKind.LOTTERY.value: SimEventKind.LOTTERY,
                ReminderKind.COUPON.value: SimEventKind.COUPON}.get(str(payload.get("kind")))
        return None if kind is None else SimEvent(at_s, kind)
    return None


def demo_events(seconds: int, seed: int = 0) -> list[SimEvent]:
    """A plausible evening without a log: a push every 6-10 minutes, a lucky bag every 15, a flash sale
    every half hour."""
    rng = random.Random(f"demo-{seed}")
    events = []
    t = 60.0
    while t < seconds:
        events.append(SimEvent(t, SimEventKind.PUSH,
                               price=Decimal(rng.choice((39, 59, 99, 129, 199, 299))).quantize(CENT)))
        t += rng.uniform(360, 600)
    events += [SimEvent(float(t), SimEventKind.LUCKY_BAG) for t in range(900, seconds, 900)]
    events += [SimEvent(float(t), SimEventKind.FLASH_SALE, duration_s=60.0) for t in range(1_500, seconds, 1_800)]
    return sorted(events, key=lambda event: event.at_s)


class AudienceSimulator:
    """Advances one simulated second per `step()`; the same seed and events give the same samples.

    Events may be given up front or fed in with `react` as they are logged (the live demo); either
    way an event acts from its `at_s` on.
    """

    def __init__(self, seed: int, start: datetime, model: AudienceModel | None = None,
                 events: Iterable[SimEvent] = ()) -> None:
        if start.utcoffset() is None:
            raise ValueError("start must carry its time zone")
        self.model = model if model is not None else AudienceModel()
        self.start = start
        self._rng = random.Random(seed)
        self._pending: list[SimEvent] = sorted(events, key=lambda event: event.at_s)
        self._active: list[tuple[SimEvent, Reaction, float]] = []  # event, reaction, ends at
        self._phases = [self._rng.uniform(0, 2 * math.pi) for _ in self.model.wave_periods_s]
        self._burst: tuple[float, float] = (0.0, 1.0)  # ends at, gain
        self._next_burst = self._rng.expovariate(1 / self.model.burst_every_s)
        self._price = self.model.price
        self._flash_until = -1.0
        self.elapsed_s = 0
        self._online = 0.0
        self._uv = self._pv = self._likes = self._comments = self._shares = 0
        self._follows = self._exposures = self._clicks = self._orders = self._items = self._buyers = 0
        self._gmv = Decimal(0)
        self._watch_s = 0.0

    def react(self, event: SimEvent) -> None:
        """Take an event that was just logged (or any later one)."""
        self._pending.append(event)
        self._pending.sort(key=lambda pending: pending.at_s)

    def react_to_record(self, record: EventRecord, prices: Mapping[str, Decimal] | None = None) -> None:
        event = event_from_record(record, self.start, prices)
        if event is not None:
            self.react(event)

    def run(self, seconds: int) -> list[Sample]:
        return [self.step() for _ in range(seconds)]

    def step(self) -> Sample:
        m, rng = self.model, self._rng
        now = float(self.elapsed_s)
        self._start_due_events(now)
        gain = self._gains(now)
        arrivals_rate = m.arrivals_per_s * self._traffic(now) * gain.arrivals
        arrivals = _poisson(rng, arrivals_rate)
        leaving = _poisson(rng, self._online / (m.mean_stay_s * gain.stay))
        self._online = max(0.0, self._online + arrivals - leaving)
        online = int(self._online)
        new_viewers = _binomial(rng, arrivals, 1.0 - m.returning_share)
        self._pv += arrivals
        self._uv += new_viewers
        self._watch_s += online
        self._likes += _poisson(rng, online * m.likes_per_viewer)
        self._comments += _poisson(rng, online * m.comments_per_viewer * gain.comments)
        self._shares += _poisson(rng, online * m.shares_per_viewer)
        self._follows += _poisson(rng, online * m.follows_per_viewer * gain.follows)
        exposures = _poisson(rng, online * m.exposures_per_viewer * gain.exposure)
        clicks = _binomial(rng, exposures, min(1.0, m.click_rate))
        buyers = _binomial(rng, clicks, min(1.0, m.buy_rate * gain.conversion))
        orders = buyers + _poisson(rng, buyers * m.repeat_order_rate)
        items = orders + _poisson(rng, orders * m.extra_item_rate)
        self._exposures += exposures
        self._clicks += clicks
        self._buyers += buyers
        self._orders += orders
        self._items += items
        if items:
            self._gmv += self._sale_price(now, rng) * items
        self.elapsed_s += 1
        return Sample(
            self.start + timedelta(seconds=self.elapsed_s), online=online, uv=self._uv, pv=self._pv,
            new_followers=self._follows, likes=self._likes, comments=self._comments, shares=self._shares,
            product_exposures=self._exposures, product_clicks=self._clicks, orders=self._orders,
            items=self._items, buyers=self._buyers, gmv=self._gmv,
            avg_watch_s=round(self._watch_s / self._uv, 1) if self._uv else None,
        )

    # the model ----------------------------------------------------------------------------
    def _start_due_events(self, now: float) -> None:
        while self._pending and self._pending[0].at_s <= now:
            event = self._pending.pop(0)
            reaction = self.model.reactions.get(event.kind)
            if event.kind is SimEventKind.PUSH and event.price is not None:
                self._price = event.price
            if event.kind is SimEventKind.FLASH_SALE:
                self._flash_until = max(self._flash_until, event.at_s + event.duration_s)
            if reaction is not None:
                seconds = event.duration_s if event.kind is SimEventKind.FLASH_SALE else reaction.seconds
                self._active.append((event, reaction, event.at_s + seconds))
        self._active = [active for active in self._active if active[2] > now]

    def _gains(self, now: float) -> Reaction:
        arrivals = stay = exposure = conversion = comments = follows = 1.0
        for event, reaction, ends in self._active:
            # A flash sale acts in full until it ends; other reactions fade out.
            fade = 1.0 if event.kind is SimEventKind.FLASH_SALE else (ends - now) / max(ends - event.at_s, 1.0)
            arrivals *= 1 + (reaction.arrivals - 1) * fade
            stay *= 1 + (reaction.stay - 1) * fade
            exposure *= 1 + (reaction.exposure - 1) * fade
            conversion *= 1 + (reaction.conversion - 1) * fade
            comments *= 1 + (reaction.comments - 1) * fade
            follows *= 1 + (reaction.follows - 1) * fade
        return Reaction(0, arrivals, stay, exposure, conversion, comments, follows)

    def _traffic(self, now: float) -> float:
        m = self.model
        level = min(1.0, 0.3 + 0.7 * now / m.warm_up_s) if m.warm_up_s > 0 else 1.0
        for period, phase in zip(m.wave_periods_s, self._phases):
            level *= 1 + m.wave_depth * math.sin(2 * math.pi * now / period + phase)
        if now >= self._next_burst:
            length = self._rng.uniform(*m.burst_seconds)
            self._burst = (now + length, self._rng.uniform(*m.burst_gain))
            self._next_burst = now + length + self._rng.expovariate(1 / m.burst_every_s)
        if now < self._burst[0]:
            level *= self._burst[1]
        return max(level, 0.0)

    def _sale_price(self, now: float, rng: random.Random) -> Decimal:
        m = self.model
        share = 1 + rng.uniform(-m.price_jitter, m.price_jitter)
        if now < self._flash_until:
            share *= m.flash_sale_price
        return (self._price * Decimal(repr(round(share, 4)))).quantize(CENT, rounding=ROUND_HALF_UP)


def simulate(seed: int, start: datetime, seconds: int, events: Iterable[SimEvent] = (),
             model: AudienceModel | None = None) -> list[Sample]:
    """`seconds` samples, one a second from `start` + 1 s."""
    return AudienceSimulator(seed, start, model, events).run(seconds)


def _poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean < 10:
        # Knuth: multiply uniforms until the product drops below e^-mean. Above 10 the normal
        # approximation is close enough for a demo room and does not cost a draw per event.
        limit, product, count = math.exp(-mean), rng.random(), 0
        while product > limit:
            product *= rng.random()
            count += 1
        return count
    return max(0, round(rng.gauss(mean, math.sqrt(mean))))


def _binomial(rng: random.Random, n: int, p: float) -> int:
    if n <= 0 or p <= 0:
        return 0
    if p >= 1:
        return n
    if n < 25:
        return sum(1 for _ in range(n) if rng.random() < p)
    mean = n * p
    return min(n, max(0, round(rng.gauss(mean, math.sqrt(mean * (1 - p))))))
