"""Live metrics: samples as a platform's data screen shows them, the series they form, derived metrics,
GMV pace against the session's plan, and alert rules. Pure; money is Decimal, missing stays None."""

from __future__ import annotations

import bisect
import enum
import math
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Protocol, overload

from liveconsole.core.events import Changed, Inserted, Reset, Signal
from liveconsole.core.money import CENT, to_money
from liveconsole.core.obs import HealthVerdict, Level
from liveconsole.core.session import Session

# --- samples -------------------------------------------------------------------------------

COUNT_FIELDS = (
    "online", "uv", "pv", "new_followers", "likes", "comments", "shares",
    "product_exposures", "product_clicks", "orders", "items", "buyers",
)
FIELDS = (*COUNT_FIELDS, "gmv", "avg_watch_s")
# As on the platforms' data screens these two are values at `t`; every other field is a running
# total since the session started.
INSTANT_FIELDS = frozenset({"online", "avg_watch_s"})
CUMULATIVE_FIELDS = tuple(name for name in FIELDS if name not in INSTANT_FIELDS)
# Far above any room, far below what the store's columns hold: a bigger figure is a typo or garbage.
MAX_COUNT = 10**12
MAX_GMV = Decimal(10**12)
MAX_WATCH_S = 7 * 24 * 3600.0


class SampleErrorCode(enum.Enum):
    NAIVE_TIME = "naive_time"  # t has no UTC offset
    NOT_A_COUNT = "not_a_count"  # a count that is not a whole number
    NOT_AN_AMOUNT = "not_an_amount"  # GMV that is not an exact amount (floats are refused)
    NOT_A_DURATION = "not_a_duration"  # average watch time that is not a finite number of seconds
    NEGATIVE = "negative"
    TOO_LARGE = "too_large"  # above MAX_COUNT, MAX_GMV or MAX_WATCH_S


class SampleError(ValueError):
    def __init__(self, code: SampleErrorCode, field_name: str, value: object) -> None:
        super().__init__(f"{field_name}: {code.value}: {value!r}")
        self.code = code
        self.field = field_name
        self.value = value


@dataclass(frozen=True, slots=True)
class Sample:
    """What one source knew at time `t`. Every field is optional: None is "not known", never zero."""

    t: datetime
    online: int | None = None  # 实时在线人数, at t
    uv: int | None = None  # 累计观看人数
    pv: int | None = None  # 观看次数
    new_followers: int | None = None
    likes: int | None = None
    comments: int | None = None
    shares: int | None = None
    product_exposures: int | None = None
    product_clicks: int | None = None
    orders: int | None = None
    items: int | None = None
    buyers: int | None = None
    gmv: Decimal | None = None  # yuan
    avg_watch_s: float | None = None  # 人均观看时长, at t

    def __post_init__(self) -> None:
        if not isinstance(self.t, datetime) or self.t.utcoffset() is None:
            raise SampleError(SampleErrorCode.NAIVE_TIME, "t", self.t)
        for name in COUNT_FIELDS:
            value = getattr(self, name)
            if value is None:
                continue
            # `type is int` first: a six-hour series builds tens of thousands of samples.
            if type(value) is not int and (not isinstance(value, int) or isinstance(value, bool)):
                raise SampleError(SampleErrorCode.NOT_A_COUNT, name, value)
            if not 0 <= value <= MAX_COUNT:
                code = SampleErrorCode.NEGATIVE if value < 0 else SampleErrorCode.TOO_LARGE
                raise SampleError(code, name, value)
        if self.gmv is not None:
            try:
                gmv = (self.gmv.quantize(CENT, rounding=ROUND_HALF_UP)
                       if type(self.gmv) is Decimal and self.gmv.is_finite() else to_money(self.gmv))
            except (TypeError, ValueError, InvalidOperation):
                raise SampleError(SampleErrorCode.NOT_AN_AMOUNT, "gmv", self.gmv) from None
            assert gmv is not None
            if gmv < 0:
                raise SampleError(SampleErrorCode.NEGATIVE, "gmv", self.gmv)
            if gmv >= MAX_GMV:
                raise SampleError(SampleErrorCode.TOO_LARGE, "gmv", self.gmv)
            object.__setattr__(self, "gmv", gmv)
        watch = self.avg_watch_s
        if watch is not None:
            if isinstance(watch, bool) or not isinstance(watch, (int, float, Decimal)):
                raise SampleError(SampleErrorCode.NOT_A_DURATION, "avg_watch_s", watch)
            seconds = float(watch)
            if not math.isfinite(seconds):
                raise SampleError(SampleErrorCode.NOT_A_DURATION, "avg_watch_s", watch)
            if seconds < 0:
                raise SampleError(SampleErrorCode.NEGATIVE, "avg_watch_s", watch)
            if seconds > MAX_WATCH_S:
                raise SampleError(SampleErrorCode.TOO_LARGE, "avg_watch_s", watch)
            object.__setattr__(self, "avg_watch_s", seconds)

    def get(self, name: str) -> Any:
        return getattr(self, name)

    def present(self) -> dict[str, Any]:
        """The fields this sample knows, by name (t not included)."""
        return {name: value for name in FIELDS if (value := getattr(self, name)) is not None}

    @property
    def empty(self) -> bool:
        return not self.present()

    def merged(self, later: Sample) -> Sample:
        """This sample with what `later` knows on top: a later non-None value wins, None changes nothing."""
        known = later.present()
        return replace(self, **known) if known else self


def merge_samples(samples: Iterable[Sample]) -> list[Sample]:
    """In time order, with samples at the same t merged in the order given."""
    by_t: dict[datetime, Sample] = {}
    for sample in samples:
        earlier = by_t.get(sample.t)
        by_t[sample.t] = sample if earlier is None else earlier.merged(sample)
    return [by_t[t] for t in sorted(by_t)]


class MetricRepository(Protocol):
    """Where a session's samples are kept (store.metrics.MetricStore); each save is one transaction."""

    def save_samples(self, session_id: int, samples: Sequence[Sample], source: str = "") -> int: ...

    def save_arrivals(self, session_id: int, arrivals: Sequence[tuple[str, Sample]]) -> int: ...

    def samples(self, session_id: int) -> list[Sample]: ...


# --- the series ----------------------------------------------------------------------------


class SeriesEvents:
    def __init__(self) -> None:
        # A sample at a time the series did not have; `index == len(series) - 1` for an append.
        self.inserted: Signal[Inserted[Sample]] = Signal("inserted")
        # A sample merged into the one already at its time; `fields` are those whose value changed.
        self.changed: Signal[Changed[Sample]] = Signal("changed")
        self.reset: Signal[Reset[Sample]] = Signal("reset")


class MetricSeries(Sequence[Sample]):
    """A session's samples in time order; one sample per time, arrivals at the same time merged.

    Appends are the common case and cost O(1) (ACU, PCU and the latest values are kept running);
    a sample that arrives late is inserted in its place. Emits `events` after each change.
    """

    def __init__(self, samples: Iterable[Sample] = ()) -> None:
        self.events = SeriesEvents()
        self._samples: list[Sample] = merge_samples(samples)
        self._times: list[datetime] = [s.t for s in self._samples]
        self._recount()

    # reading -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._samples)

    @overload
    def __getitem__(self, index: int) -> Sample: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Sample]: ...

    def __getitem__(self, index: int | slice) -> Sample | Sequence[Sample]:
        return self._samples[index]

    def __iter__(self) -> Iterator[Sample]:
        return iter(self._samples)

    @property
    def times(self) -> Sequence[datetime]:
        return self._times

    def index_at(self, t: datetime) -> int:
        """Index of the last sample at or before t; -1 when every sample is later."""
        return bisect.bisect_right(self._times, t) - 1

    def latest(self) -> Sample | None:
        """Each field's most recent known value, at the time of the last sample."""
        if not self._samples:
            return None
        if self._dirty:
            self._recount()
        if self._latest is None:
            # Each field's newest value from its index: no walk through fields no source ever gives.
            known = {name: getattr(self._samples[indices[-1]], name)
                     for name, (_stamps, indices) in self._known.items() if indices}
            self._latest = Sample(self._samples[-1].t, **known)
        return self._latest

    def value_at(self, name: str, t: datetime) -> Any:
        """The last known value of a field at or before t, found in O(log n) however sparse the field."""
        if self._dirty:
            self._recount()
        stamps, indices = self._known[name]
        found = bisect.bisect_right(stamps, t.timestamp()) - 1
        return None if found < 0 else getattr(self._samples[indices[found]], name)

    def known_point(self, name: str, t: datetime, *, after: bool = False,
                    before: bool = False) -> tuple[datetime, Any] | None:
        """(time, value) of the last sample at or before t that knows the field; with `after`, of the first
        one after t; with `before`, of the last one strictly before t. None when there is none."""
        if self._dirty:
            self._recount()
        stamps, indices = self._known[name]
        stamp = t.timestamp()
        if before:
            found = bisect.bisect_left(stamps, stamp) - 1
        else:
            found = bisect.bisect_right(stamps, stamp) - (0 if after else 1)
        if found < 0 or found >= len(stamps):
            return None
        sample = self._samples[indices[found]]
        return sample.t, getattr(sample, name)

    def known_count(self, name: str) -> int:
        """How many samples carry a value of this field."""
        if self._dirty:
            self._recount()
        return len(self._known[name][0])

    def acu(self, until: datetime | None = None) -> float | None:
        """ACU from the first known online count to `until` (default: the last one)."""
        if self._dirty:
            self._recount()
        if self._online_last is None:
            return None
        last_t, last_v = self._online_last
        assert self._online_first is not None
        if until is not None and until < last_t:
            return acu(self._samples, end=until)
        end = last_t if until is None else until
        area = self._online_area + last_v * (end - last_t).total_seconds()
        span = (end - self._online_first).total_seconds()
        return float(last_v) if span <= 0 else area / span

    def pcu(self) -> int | None:
        if self._dirty:
            self._recount()
        return self._pcu

    # changing ----------------------------------------------------------------------------
    def add(self, sample: Sample) -> int:
        """Put a sample in its place (merging with one at the same t); returns its index."""
        samples, times = self._samples, self._times
        if not times or sample.t > times[-1]:
            samples.append(sample)
            times.append(sample.t)
            self._appended(sample)
            index = len(samples) - 1
            self.events.inserted.emit(Inserted(index, sample))
            return index
        index = bisect.bisect_left(times, sample.t)
        if index < len(times) and times[index] == sample.t:
            before = samples[index]
            after = before.merged(sample)
            changed = tuple(name for name in FIELDS if getattr(before, name) != getattr(after, name))
            if changed:
                samples[index] = after
                self._placed(index, after, before)
                self.events.changed.emit(Changed(index, after, changed))
            return index
        samples.insert(index, sample)
        times.insert(index, sample.t)
        self._placed(index, sample, None)
        self.events.inserted.emit(Inserted(index, sample))
        return index

    def extend(self, samples: Iterable[Sample]) -> None:
        for sample in samples:
            self.add(sample)

    def replace_all(self, samples: Iterable[Sample]) -> None:
        """Hold exactly these samples (a session was opened); one `reset` instead of many inserts."""
        self._samples = merge_samples(samples)
        self._times = [s.t for s in self._samples]
        self._recount()
        self.events.reset.emit(Reset(tuple(self._samples)))

    # running figures ---------------------------------------------------------------------
    def _recount(self) -> None:
        self._dirty = False
        self._latest = None
        self._pcu: int | None = None
        self._online_first: datetime | None = None
        self._online_last: tuple[datetime, int] | None = None
        self._online_area = 0.0
        # Per field: the times (Unix seconds) and indices of the samples that know it.
        self._known: dict[str, tuple[array[float], array[int]]] = {name: (array("d"), array("q")) for name in FIELDS}
        for index, sample in enumerate(self._samples):
            self._count_online(sample)
            self._index_known(sample, index)

    def _index_known(self, sample: Sample, index: int) -> None:
        stamp = sample.t.timestamp()
        for name in FIELDS:
            if getattr(sample, name) is not None:
                stamps, indices = self._known[name]
                stamps.append(stamp)
                indices.append(index)

    def _count_online(self, sample: Sample) -> None:
        online = sample.online
        if online is None:
            return
        if self._online_last is None:
            self._online_first = sample.t
        else:
            last_t, last_v = self._online_last
            self._online_area += last_v * (sample.t - last_t).total_seconds()
        self._online_last = (sample.t, online)
        if self._pcu is None or online > self._pcu:
            self._pcu = online

    def _placed(self, index: int, sample: Sample, before: Sample | None) -> None:
        """A sample went in at `index` (before: None), or the one there took more figures (before: what
        it was). The index and the running figures follow in O(log n + what lies after it): a sample a
        little late (another source's clock) costs no recount of six hours."""
        if self._dirty:
            return
        self._latest = None
        stamp = sample.t.timestamp()
        for name in FIELDS:
            stamps, indices = self._known[name]
            if before is None:
                j = len(indices) - 1
                while j >= 0 and indices[j] >= index:
                    indices[j] += 1
                    j -= 1
            if getattr(sample, name) is not None and (before is None or getattr(before, name) is None):
                at = bisect.bisect_left(stamps, stamp)
                stamps.insert(at, stamp)
                indices.insert(at, index)
        old = None if before is None else before.online
        if sample.online is not None and sample.online != old and not self._online_placed(sample, old):
            self._dirty = True  # the peak came down: only a recount knows the new one

    def _online_placed(self, sample: Sample, old: int | None) -> bool:
        """ACU's area and PCU with an online count placed at sample.t (`old`: the count it replaced)."""
        t, value = sample.t, sample.online
        assert value is not None
        stamps, indices = self._known["online"]
        at = bisect.bisect_left(stamps, t.timestamp())
        previous = self._samples[indices[at - 1]] if at > 0 else None
        following = self._samples[indices[at + 1]] if at + 1 < len(indices) else None
        if old is not None:
            if old == self._pcu and value < old:
                return False
            if following is not None:
                self._online_area += (value - old) * (following.t - t).total_seconds()
            else:
                self._online_last = (t, value)
        elif previous is None and following is None:
            self._online_first, self._online_last = t, (t, value)
        elif following is None:
            assert self._online_last is not None
            last_t, last_v = self._online_last
            self._online_area += last_v * (t - last_t).total_seconds()
            self._online_last = (t, value)
        elif previous is None:
            self._online_area += value * (following.t - t).total_seconds()
            self._online_first = t
        else:
            assert previous.online is not None
            self._online_area += (previous.online * (t - previous.t).total_seconds()
                                  + value * (following.t - t).total_seconds()
                                  - previous.online * (following.t - previous.t).total_seconds())
        if self._pcu is None or value > self._pcu:
            self._pcu = value
        return True

    def _appended(self, sample: Sample) -> None:
        if self._dirty:
            return  # recounted in full on the next read
        self._count_online(sample)
        self._index_known(sample, len(self._samples) - 1)
        if self._latest is not None:
            self._latest = replace(self._latest.merged(sample), t=sample.t)


# --- reading a series ----------------------------------------------------------------------


def latest(samples: Sequence[Sample]) -> Sample | None:
    """Each field's most recent known value, stamped with the last sample's time.

    Fields may come from different samples (a manual GMV at 20:55, the platform's views at 20:54):
    the newest known figure is more use than a blank.
    """
    if not samples:
        return None
    known: dict[str, Any] = {}
    for sample in reversed(samples):
        for name, value in sample.present().items():
            known.setdefault(name, value)
        if len(known) == len(FIELDS):
            break
    return Sample(samples[-1].t, **known)


def value_at(samples: Sequence[Sample], name: str, t: datetime) -> Any:
    """The last known value of a field at or before t; None when nothing was known by then."""
    if isinstance(samples, MetricSeries):
        return samples.value_at(name, t)
    index = bisect.bisect_right(samples, t, key=_time) - 1
    while index >= 0:
        value = getattr(samples[index], name)
        if value is not None:
            return value
        index -= 1
    return None


def _time(sample: Sample) -> datetime:
    return sample.t


def _known(samples: Sequence[Sample], name: str) -> list[tuple[datetime, Any]]:
    return [(s.t, value) for s in samples if (value := getattr(s, name)) is not None]


def acu(samples: Sequence[Sample], start: datetime | None = None, end: datetime | None = None) -> float | None:
    """ACU: the time-weighted mean of online viewers over [start, end]; each count holds until the next.

    Defaults: from the first known count to the last. Before the first known count nothing is
    counted; after the last, it holds until `end`. A window of no length gives the count at `end`.
    """
    points = _known(samples, "online")
    if not points:
        return None
    low = points[0][0] if start is None else max(start, points[0][0])
    high = points[-1][0] if end is None else end
    if high < low:
        return None
    area = 0.0
    for index, (t, online) in enumerate(points):
        until = points[index + 1][0] if index + 1 < len(points) else high
        begin, finish = max(t, low), min(until, high)
        if finish > begin:
            area += online * (finish - begin).total_seconds()
    span = (high - low).total_seconds()
    if span <= 0:
        return float(value_at(samples, "online", high))
    return area / span


def pcu(samples: Iterable[Sample]) -> int | None:
    """PCU: the highest online count seen."""
    return max((s.online for s in samples if s.online is not None), default=None)


def _window_ends(samples: Sequence[Sample], name: str, window_s: float,
                 end: datetime | None) -> tuple[tuple[datetime, Any], tuple[datetime, Any]] | None:
    """The known values of a running total that bracket the last `window_s` seconds before `end`.

    The later point is the last known value at or before `end`; the earlier one the last known value
    at or before the window's start, or else the first one inside the window. Sparse entry (a GMV
    typed every quarter hour) thus gives the rate between its last two values.
    """
    if window_s <= 0 or not samples:
        return None
    end = samples[-1].t if end is None else end
    start = end - timedelta(seconds=window_s)
    if isinstance(samples, MetricSeries):
        return _series_window_ends(samples, name, start, end)
    later: tuple[datetime, Any] | None = None
    earlier: tuple[datetime, Any] | None = None
    # Backwards from `end`, so a six-hour series costs only the window's length.
    for index in range(bisect.bisect_right(samples, end, key=_time) - 1, -1, -1):
        sample = samples[index]
        value = getattr(sample, name)
        if value is None:
            continue
        if later is None:
            later = (sample.t, value)
            continue
        earlier = (sample.t, value)
        if sample.t <= start:
            break
    if later is None or earlier is None:
        return None
    return earlier, later


def _series_window_ends(series: MetricSeries, name: str, start: datetime,
                        end: datetime) -> tuple[tuple[datetime, Any], tuple[datetime, Any]] | None:
    """`_window_ends` in O(log n) on a series' per-field index."""
    later = series.known_point(name, end)
    if later is None:
        return None
    if later[0] <= start:  # nothing inside the window: the rate between the last two values
        earlier = series.known_point(name, later[0], before=True)
    else:
        earlier = series.known_point(name, start) or series.known_point(name, start, after=True)
    if earlier is None or earlier[0] >= later[0]:
        return None
    return earlier, later


def per_minute(samples: Sequence[Sample], name: str, window_s: float = 300.0,
               end: datetime | None = None) -> float | None:
    """How fast a running total grew over the last `window_s` seconds, per minute."""
    ends = _window_ends(samples, name, window_s, end)
    if ends is None:
        return None
    (t0, v0), (t1, v1) = ends
    return float(v1 - v0) * 60.0 / (t1 - t0).total_seconds()


def gmv_per_minute(samples: Sequence[Sample], window_s: float = 300.0,
                   end: datetime | None = None) -> Decimal | None:
    """GMV per minute over the last `window_s` seconds (成交金额/分钟)."""
    ends = _window_ends(samples, "gmv", window_s, end)
    if ends is None:
        return None
    (t0, v0), (t1, v1) = ends
    minutes = Decimal(str((t1 - t0).total_seconds())) / 60
    return _money((v1 - v0) / minutes)


# --- derived ratios ------------------------------------------------------------------------


class GpmBasis(enum.Enum):
    """What GPM divides by: platforms differ, so the figure always says which."""

    VIEWS = "views"  # 观看次数 (pv): GMV × 1000 / views
    VIEWERS = "viewers"  # 观看人数 (uv): GMV × 1000 / viewers


ENGAGEMENT_FIELDS = ("comments", "shares")  # likes are taps: one viewer sends hundreds


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _ratio(numerator: int | None, denominator: int | None) -> float | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def _money_per(amount: Decimal | None, count: int | None, scale: int = 1) -> Decimal | None:
    if amount is None or count is None or count == 0:
        return None
    return _money(amount * scale / count)


def gpm(sample: Sample, basis: GpmBasis = GpmBasis.VIEWS) -> Decimal | None:
    """千次观看成交: GMV × 1000 / views (or / viewers)."""
    return _money_per(sample.gmv, sample.pv if basis is GpmBasis.VIEWS else sample.uv, 1000)


def uv_value(sample: Sample) -> Decimal | None:
    """UV价值: GMV / 观看人数."""
    return _money_per(sample.gmv, sample.uv)


def aov(sample: Sample) -> Decimal | None:
    """客单价: GMV / 成交人数."""
    return _money_per(sample.gmv, sample.buyers)


def product_ctr(sample: Sample) -> float | None:
    """商品点击率: 商品点击 / 商品曝光 (a fraction)."""
    return _ratio(sample.product_clicks, sample.product_exposures)


def click_to_order(sample: Sample) -> float | None:
    """点击成交转化率: 成交人数 / 商品点击."""
    return _ratio(sample.buyers, sample.product_clicks)


def view_to_order(sample: Sample) -> float | None:
    """观看-成交转化率: 成交人数 / 观看人数."""
    return _ratio(sample.buyers, sample.uv)


def engagement_rate(sample: Sample, names: Sequence[str] = ENGAGEMENT_FIELDS) -> float | None:
    """互动率: interactions / 观看人数; None unless every counted interaction is known."""
    parts = [getattr(sample, name) for name in names]
    if not parts or any(part is None for part in parts):
        return None
    return _ratio(sum(parts), sample.uv)


def follow_rate(sample: Sample) -> float | None:
    """转粉率: 新增粉丝 / 观看人数."""
    return _ratio(sample.new_followers, sample.uv)


# --- pace against the plan -----------------------------------------------------------------


@dataclass(frozen=True)
class PacePlan:
    """Planned cumulative GMV over the session: straight lines from (start, 0) through `points`.

    Each point is (seconds after `start`, cumulative GMV planned by then). Before the start the plan
    is 0; after the last point it stays at the target.
    """

    start: datetime
    points: tuple[tuple[int, Decimal], ...]

    def __post_init__(self) -> None:
        if self.start.utcoffset() is None:
            raise ValueError("a plan's start must carry its time zone")
        if not self.points:
            raise ValueError("a plan needs at least one point")
        cleaned: list[tuple[int, Decimal]] = []
        previous_s, previous_amount = 0, Decimal(0)
        for seconds, amount in self.points:
            money = to_money(amount)
            if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds <= previous_s:
                raise ValueError("plan points must be at increasing whole seconds after the start")
            if money is None or money < previous_amount:
                raise ValueError("planned cumulative GMV never goes down")
            cleaned.append((seconds, money))
            previous_s, previous_amount = seconds, money
        object.__setattr__(self, "points", tuple(cleaned))

    @classmethod
    def linear(cls, start: datetime, minutes: int, target: Decimal | int | str) -> PacePlan:
        return cls(start, ((minutes * 60, to_money(target)),))  # type: ignore[arg-type]

    @classmethod
    def hourly(cls, start: datetime, cumulative: Sequence[Decimal | int | str]) -> PacePlan:
        """The cumulative GMV planned by the end of hour 1, 2, 3...; straight within each hour."""
        return cls(start, tuple((3600 * (hour + 1), to_money(amount))  # type: ignore[misc]
                                for hour, amount in enumerate(cumulative)))

    @classmethod
    def from_session(cls, session: Session) -> PacePlan | None:
        """The default plan: linear from the planned start over the planned length to the target."""
        if session.planned_start is None or session.planned_minutes is None or not session.gmv_target:
            return None
        return cls.linear(session.planned_start, session.planned_minutes, session.gmv_target)

    @property
    def end(self) -> datetime:
        return self.start + timedelta(seconds=self.points[-1][0])

    @property
    def target(self) -> Decimal:
        return self.points[-1][1]

    def curve(self) -> tuple[tuple[datetime, Decimal], ...]:
        """The corners of the plan line, from (start, 0): what a chart draws."""
        return ((self.start, Decimal("0.00")),
                *((self.start + timedelta(seconds=s), amount) for s, amount in self.points))

    def planned_at(self, t: datetime) -> Decimal:
        elapsed = (t - self.start).total_seconds()
        if elapsed <= 0:
            return Decimal("0.00")
        previous_s, previous_amount = 0, Decimal(0)
        for seconds, amount in self.points:
            if elapsed <= seconds:
                share = Decimal(str(elapsed - previous_s)) / (seconds - previous_s)
                return _money(previous_amount + (amount - previous_amount) * share)
            previous_s, previous_amount = seconds, amount
        return self.target


RECENT_MINUTES = 10.0


@dataclass(frozen=True)
class Pace:
    """Actual against planned cumulative GMV at `at` (the last sample that knew GMV)."""

    at: datetime
    actual: Decimal
    planned: Decimal
    target: Decimal
    recent_per_minute: Decimal | None  # GMV per minute over the recent window
    projected_finish: Decimal | None  # actual + recent rate × time left in the plan

    @property
    def ahead(self) -> Decimal:
        """Money ahead of plan; negative when behind."""
        return self.actual - self.planned

    @property
    def behind_by(self) -> Decimal:
        return max(Decimal("0.00"), self.planned - self.actual)

    @property
    def pct(self) -> Decimal | None:
        """Actual as a percentage of planned (100 = on plan); None while nothing is planned yet."""
        if self.planned <= 0:
            return None
        return _money(self.actual * 100 / self.planned)

    @property
    def ahead_pct(self) -> Decimal | None:
        """Percent ahead of plan; negative when behind."""
        pct = self.pct
        return None if pct is None else pct - 100

    @property
    def projected_pct(self) -> Decimal | None:
        """Projected finish as a percentage of the target."""
        if self.projected_finish is None or self.target <= 0:
            return None
        return _money(self.projected_finish * 100 / self.target)


def pace(plan: PacePlan, samples: Sequence[Sample], recent_minutes: float = RECENT_MINUTES,
         until: datetime | None = None) -> Pace | None:
    """Where GMV stands against the plan at the last sample that knew GMV (at or before `until`, when
    given); None before any GMV."""
    if isinstance(samples, MetricSeries):
        point = samples.known_point("gmv", until if until is not None else samples.times[-1]) if samples else None
        if point is None:
            return None
        at, actual = point
    else:
        index = len(samples) - 1 if until is None else bisect.bisect_right(samples, until, key=_time) - 1
        while index >= 0 and samples[index].gmv is None:
            index -= 1
        if index < 0:
            return None
        at, actual = samples[index].t, samples[index].gmv
    assert actual is not None
    rate = gmv_per_minute(samples, recent_minutes * 60, end=at)
    projected: Decimal | None
    if at >= plan.end:
        projected = actual
    elif rate is None:
        projected = None
    else:
        minutes_left = Decimal(str((plan.end - at).total_seconds())) / 60
        projected = _money(actual + max(rate, Decimal(0)) * minutes_left)
    return Pace(at, actual, plan.planned_at(at), plan.target, rate, projected)


# --- a summary -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MetricSummary:
    samples: int
    first: datetime | None
    last: datetime | None
    latest: Sample | None
    acu: float | None
    pcu: int | None
    gpm_basis: GpmBasis
    gpm: Decimal | None
    uv_value: Decimal | None
    aov: Decimal | None
    product_ctr: float | None
    click_to_order: float | None
    view_to_order: float | None
    engagement_rate: float | None
    follow_rate: float | None
    gmv_per_minute: Decimal | None
    pace: Pace | None

    def as_json(self) -> dict[str, Any]:
        """Plain JSON values: money as decimal strings ("627437.00"), rates as fractions, None as null."""
        known = self.latest.present() if self.latest is not None else {}
        pace = self.pace
        return {
            "samples": self.samples,
            "first_t": _iso(self.first),
            "last_t": _iso(self.last),
            "acu": None if self.acu is None else round(self.acu, 1),
            "pcu": self.pcu,
            **{name: _plain(known.get(name)) for name in FIELDS},
            "gpm_basis": self.gpm_basis.value,
            "gpm": _plain(self.gpm),
            "uv_value": _plain(self.uv_value),
            "aov": _plain(self.aov),
            "product_ctr": self.product_ctr,
            "click_to_order": self.click_to_order,
            "view_to_order": self.view_to_order,
            "engagement_rate": self.engagement_rate,
            "follow_rate": self.follow_rate,
            "gmv_per_minute": _plain(self.gmv_per_minute),
            "pace_pct": None if pace is None or pace.pct is None else float(pace.pct),
            "pace_at": _iso(pace.at) if pace else None,
            "planned_gmv": _plain(pace.planned) if pace else None,
            "ahead": _plain(pace.ahead) if pace else None,
            "target": _plain(pace.target) if pace else None,
            "projected_finish": _plain(pace.projected_finish) if pace else None,
        }


def _iso(t: datetime | None) -> str | None:
    return None if t is None else t.isoformat()


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def summarize(samples: Sequence[Sample], plan: PacePlan | None = None,
              gpm_basis: GpmBasis = GpmBasis.VIEWS, recent_minutes: float = RECENT_MINUTES) -> MetricSummary:
    now = latest(samples)
    return MetricSummary(
        samples=len(samples),
        first=samples[0].t if samples else None,
        last=samples[-1].t if samples else None,
        latest=now,
        acu=acu(samples),
        pcu=pcu(samples),
        gpm_basis=gpm_basis,
        gpm=gpm(now, gpm_basis) if now else None,
        uv_value=uv_value(now) if now else None,
        aov=aov(now) if now else None,
        product_ctr=product_ctr(now) if now else None,
        click_to_order=click_to_order(now) if now else None,
        view_to_order=view_to_order(now) if now else None,
        engagement_rate=engagement_rate(now) if now else None,
        follow_rate=follow_rate(now) if now else None,
        gmv_per_minute=gmv_per_minute(samples, recent_minutes * 60),
        pace=pace(plan, samples, recent_minutes) if plan is not None else None,
    )


# --- alerts --------------------------------------------------------------------------------


class MetricAlertCode(enum.Enum):
    """What a metric alert says; the GUI words it from the code and params (every param is text)."""

    ONLINE_DROP = "online_drop"  # drop_pct, from_online, to_online, window_s
    PACE_BEHIND = "pace_behind"  # behind_pct, behind, planned, actual (yuan)
    CONVERSION_FALL = "conversion_fall"  # basis (click_to_order | view_to_order), earlier_pct, recent_pct,
    #                                       fall_pct, window_s
    SOURCE_SILENT = "source_silent"  # source, silent_s
    STREAM_RED = "stream_red"  # figures (core.obs.HealthFigure values, comma-separated)


@dataclass(frozen=True)
class MetricAlert:
    code: MetricAlertCode
    at: datetime
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str, default: str = "") -> str:
        return dict(self.params).get(name, default)

    @property
    def key(self) -> tuple[str, str]:
        """What makes two alerts the same condition: the code, and the source for a silent source."""
        return (self.code.value, self.param("source"))


def _alert(code: MetricAlertCode, at: datetime, **params: object) -> MetricAlert:
    return MetricAlert(code, at, tuple((name, _param_text(value)) for name, value in params.items()))


def _param_text(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


@dataclass(frozen=True)
class AlertThresholds:
    """When each rule fires. None switches a rule off."""

    online_drop_pct: float | None = 20.0  # online falls by more than this within the window
    online_drop_window_s: float = 60.0
    online_drop_min: int = 100  # below this many viewers a drop is noise
    pace_behind_pct: float | None = 10.0  # actual more than this far below planned
    pace_grace_s: float = 600.0  # no pace alert in the plan's first minutes: too little to judge
    conversion_fall_pct: float | None = 30.0  # the last window converts this much worse than the one before
    conversion_window_s: float = 600.0
    conversion_min_clicks: int = 50  # each window needs this many clicks (or new viewers) to be judged
    source_silent_s: float | None = 60.0


DEFAULT_THRESHOLDS = AlertThresholds()


def online_drop_alert(samples: Sequence[Sample],
                      thresholds: AlertThresholds = DEFAULT_THRESHOLDS) -> MetricAlert | None:
    """Online viewers fell by more than X % from the highest count in the last window."""
    limit = thresholds.online_drop_pct
    if limit is None:
        return None
    # Only the last minute is read: this runs every second over a series six hours long.
    last = len(samples) - 1
    while last >= 0 and samples[last].online is None:
        last -= 1
    if last < 0:
        return None
    now_t, now_online = samples[last].t, samples[last].online
    assert now_online is not None
    start = now_t - timedelta(seconds=thresholds.online_drop_window_s)
    first = bisect.bisect_left(samples, start, hi=last, key=_time)
    held = value_at(samples, "online", start)
    window = [s.online for s in samples[first:last + 1] if s.online is not None]
    peak = max(window + ([held] if held is not None else []))
    if peak < thresholds.online_drop_min or peak == 0:
        return None
    drop = (peak - now_online) * 100.0 / peak
    if drop <= limit:
        return None
    return _alert(MetricAlertCode.ONLINE_DROP, now_t, drop_pct=drop, from_online=peak, to_online=now_online,
                  window_s=int(thresholds.online_drop_window_s))


def pace_alert(current: Pace | None, plan: PacePlan,
               thresholds: AlertThresholds = DEFAULT_THRESHOLDS) -> MetricAlert | None:
    """Actual GMV is more than Y % below the planned cumulative GMV."""
    limit = thresholds.pace_behind_pct
    if limit is None or current is None or current.pct is None:
        return None
    if (current.at - plan.start).total_seconds() < thresholds.pace_grace_s:
        return None
    behind_pct = 100 - current.pct
    if behind_pct <= Decimal(str(limit)):
        return None
    return _alert(MetricAlertCode.PACE_BEHIND, current.at, behind_pct=behind_pct, behind=current.behind_by,
                  planned=current.planned, actual=current.actual)


def _interval_rate(samples: Sequence[Sample], numerator: str, denominator: str,
                   start: datetime, end: datetime, min_denominator: int) -> float | None:
    values = [(value_at(samples, numerator, t), value_at(samples, denominator, t)) for t in (start, end)]
    (n0, d0), (n1, d1) = values
    if None in (n0, d0, n1, d1):
        return None
    if d1 - d0 < max(min_denominator, 1):
        return None
    return (n1 - n0) / (d1 - d0)


def conversion_alert(samples: Sequence[Sample],
                     thresholds: AlertThresholds = DEFAULT_THRESHOLDS) -> MetricAlert | None:
    """Buyers per click (else per new viewer) in the last window fell by more than Z % against the window
    before it."""
    limit = thresholds.conversion_fall_pct
    if limit is None or not samples:
        return None
    end = samples[-1].t
    width = timedelta(seconds=thresholds.conversion_window_s)
    for basis, denominator in (("click_to_order", "product_clicks"), ("view_to_order", "uv")):
        earlier = _interval_rate(samples, "buyers", denominator, end - 2 * width, end - width,
                                 thresholds.conversion_min_clicks)
        recent = _interval_rate(samples, "buyers", denominator, end - width, end,
                                thresholds.conversion_min_clicks)
        if earlier is None or recent is None:
            continue
        if earlier <= 0:
            return None
        fall = (earlier - recent) * 100.0 / earlier
        if fall <= limit:
            return None
        return _alert(MetricAlertCode.CONVERSION_FALL, end, basis=basis, earlier_pct=earlier * 100,
                      recent_pct=recent * 100, fall_pct=fall, window_s=int(thresholds.conversion_window_s))
    return None


def silent_source_alerts(last_seen: Mapping[str, datetime], now: datetime,
                         thresholds: AlertThresholds = DEFAULT_THRESHOLDS) -> list[MetricAlert]:
    """A source that has sent nothing for N seconds (the browser tab closed, the script died)."""
    limit = thresholds.source_silent_s
    if limit is None:
        return []
    alerts = []
    for source, seen in sorted(last_seen.items()):
        silent = (now - seen).total_seconds()
        if silent > limit:
            alerts.append(_alert(MetricAlertCode.SOURCE_SILENT, now, source=source, silent_s=int(silent)))
    return alerts


def stream_alert(verdict: HealthVerdict | None, at: datetime) -> MetricAlert | None:
    """OBS's stream health is red on some figure."""
    if verdict is None or verdict.worst < Level.RED:
        return None
    figures = [figure.value for figure, level in verdict.levels.items() if level >= Level.RED]
    return _alert(MetricAlertCode.STREAM_RED, at, figures=",".join(figures))


def evaluate_alerts(samples: Sequence[Sample], now: datetime, *, plan: PacePlan | None = None,
                    last_seen: Mapping[str, datetime] | None = None, health: HealthVerdict | None = None,
                    thresholds: AlertThresholds = DEFAULT_THRESHOLDS) -> list[MetricAlert]:
    """Every rule at once: the alerts that hold now, in a stable order."""
    found: list[MetricAlert | None] = [online_drop_alert(samples, thresholds)]
    if plan is not None:
        found.append(pace_alert(pace(plan, samples), plan, thresholds))
    found.append(conversion_alert(samples, thresholds))
    found.extend(silent_source_alerts(last_seen or {}, now, thresholds))
    found.append(stream_alert(health, now))
    return [alert for alert in found if alert is not None]


class AlertWatchEvents:
    def __init__(self) -> None:
        self.raised: Signal[MetricAlert] = Signal("raised")  # a condition began
        self.cleared: Signal[MetricAlert] = Signal("cleared")  # a condition ended (the last alert it gave)


class AlertWatch:
    """Turns the alerts that hold at each check into raised / cleared events, once per condition."""

    def __init__(self) -> None:
        self.events = AlertWatchEvents()
        self._active: dict[tuple[str, str], MetricAlert] = {}

    @property
    def active(self) -> tuple[MetricAlert, ...]:
        return tuple(self._active.values())

    def update(self, alerts: Iterable[MetricAlert]) -> list[MetricAlert]:
        """Take the alerts that hold now; returns those newly raised."""
        now = {alert.key: alert for alert in alerts}
        raised = [alert for key, alert in now.items() if key not in self._active]
        cleared = [alert for key, alert in self._active.items() if key not in now]
        self._active = now
        for alert in cleared:
            self.events.cleared.emit(alert)
        for alert in raised:
            self.events.raised.emit(alert)
        return raised


class SourceActivity:
    """When each source last delivered a sample (by arrival time, not the sample's own t)."""

    def __init__(self) -> None:
        self._seen: dict[str, datetime] = {}

    def seen(self, source: str, at: datetime) -> None:
        previous = self._seen.get(source)
        if previous is None or at > previous:
            self._seen[source] = at

    def forget(self, source: str) -> None:
        """The source was switched off on purpose: its silence is no alert."""
        self._seen.pop(source, None)

    @property
    def last_seen(self) -> Mapping[str, datetime]:
        return dict(self._seen)

