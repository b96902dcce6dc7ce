"""What the metrics dashboard shows, without Qt: the session's series and plan, six tiles with their change
against five minutes earlier, event markers from the session's log, sources' activity and alerts."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from liveconsole.core.events import Signal
from liveconsole.core.incidents import INCIDENT
from liveconsole.core.metrics import (
    DEFAULT_THRESHOLDS,
    AlertThresholds,
    AlertWatch,
    GpmBasis,
    MetricAlert,
    MetricSeries,
    PacePlan,
    Sample,
    SourceActivity,
    aov,
    evaluate_alerts,
    gpm,
    pace,
)
from liveconsole.core.obs import SCENE_SWITCH, HealthVerdict
from liveconsole.core.ports import EventLog, EventRecord
from liveconsole.core.queue import QUEUE_PUSH, QUEUE_REPUSH
from liveconsole.core.timers import FLASH_SALE_START, NS_PER_S

CHANGE_WINDOW = timedelta(minutes=5)


# --- markers --------------------------------------------------------------------------------


class MarkerKind(enum.Enum):
    PUSH = "push"  # a product pushed (讲解): params link_no, title
    SCENE = "scene"  # params scene
    FLASH_SALE = "flash_sale"  # params seconds
    INCIDENT = "incident"  # params type (core.incidents.IncidentType value), note


@dataclass(frozen=True)
class Marker:
    t: datetime
    kind: MarkerKind
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str, default: str = "") -> str:
        return dict(self.params).get(name, default)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def marker_from_record(record: EventRecord) -> Marker | None:
    """The marker an event of the log puts on the time axis; None for events the charts leave out."""
    payload = record.payload
    if record.type in (QUEUE_PUSH, QUEUE_REPUSH):
        return Marker(record.wall_time, MarkerKind.PUSH,
                      (("link_no", _text(payload.get("link_no"))), ("title", _text(payload.get("title")))))
    if record.type == SCENE_SWITCH:
        return Marker(record.wall_time, MarkerKind.SCENE, (("scene", _text(payload.get("scene"))),))
    if record.type == FLASH_SALE_START:
        seconds = int(payload.get("duration_ns", 0)) // NS_PER_S
        return Marker(record.wall_time, MarkerKind.FLASH_SALE, (("seconds", str(seconds)),))
    if record.type == INCIDENT:
        return Marker(record.wall_time, MarkerKind.INCIDENT,
                      (("type", _text(payload.get("type"))), ("note", _text(payload.get("note")))))
    return None


def markers_from_log(records: Iterable[EventRecord]) -> list[Marker]:
    found = [marker for record in records if (marker := marker_from_record(record)) is not None]
    return sorted(found, key=lambda marker: marker.t)


class ObservedLog:
    """An event log that also tells who listens what was committed (the dashboard's markers)."""

    def __init__(self, log: EventLog) -> None:
        self.inner = log
        self.appended: Signal[EventRecord] = Signal("appended")

    def append(self, session_id: int, type: str, payload: Mapping[str, Any]) -> EventRecord:
        record = self.inner.append(session_id, type, payload)
        self.appended.emit(record)
        return record

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


# --- tiles ----------------------------------------------------------------------------------


class Tile(enum.Enum):
    GMV = "gmv"  # 成交额 (yuan)
    ONLINE = "online"  # 在线人数
    ITEMS = "items"  # 成交件数
    AOV = "aov"  # 客单价 = GMV ÷ buyers
    GPM = "gpm"  # GMV per thousand views (or viewers: the basis is shown)
    PACE = "pace"  # actual ÷ planned cumulative GMV, %


TILES = tuple(Tile)


@dataclass(frozen=True)
class Reading:
    """A tile's figure now and five minutes earlier; None where it is not known."""

    tile: Tile
    value: Decimal | int | None
    earlier: Decimal | int | None

    @property
    def change(self) -> Decimal | int | None:
        if self.value is None or self.earlier is None:
            return None
        return self.value - self.earlier


def _figures(series: MetricSeries, at: datetime, plan: PacePlan | None,
             basis: GpmBasis) -> dict[Tile, Decimal | int | None]:
    names = ("online", "items", "gmv", "buyers", "pv", "uv")
    known = {name: series.value_at(name, at) for name in names}
    sample = Sample(at, **{name: value for name, value in known.items() if value is not None})
    pct: Decimal | None = None
    if plan is not None:
        now = pace(plan, series, until=at)
        pct = None if now is None else now.pct
    return {Tile.GMV: known["gmv"], Tile.ONLINE: known["online"], Tile.ITEMS: known["items"],
            Tile.AOV: aov(sample), Tile.GPM: gpm(sample, basis), Tile.PACE: pct}


def readings(series: MetricSeries, plan: PacePlan | None = None, basis: GpmBasis = GpmBasis.VIEWS,
             window: timedelta = CHANGE_WINDOW) -> dict[Tile, Reading]:
    """Every tile at the last sample, and at `window` before it (nothing earlier: no change shown)."""
    if not series:
        return {tile: Reading(tile, None, None) for tile in TILES}
    last = series.times[-1]
    now = _figures(series, last, plan, basis)
    before = last - window
    earlier = (_figures(series, before, plan, basis) if series.times[0] <= before
               else dict.fromkeys(TILES))
    return {tile: Reading(tile, now[tile], earlier[tile]) for tile in TILES}


# --- the dashboard ----------------------------------------------------------------------------


class DashboardEvents:
    def __init__(self) -> None:
        self.marker: Signal[Marker] = Signal("marker")  # a marker added while the session runs
        self.reset: Signal[None] = Signal("reset")  # another session: samples, plan and markers replaced


class Dashboard:
    """One session's live figures. `take` is called on one thread (the UI's) with what the sources
    delivered; `check` once a second turns the alert rules into raised / cleared events."""

    def __init__(self, thresholds: AlertThresholds = DEFAULT_THRESHOLDS, basis: GpmBasis = GpmBasis.VIEWS) -> None:
        self.events = DashboardEvents()
        self.series = MetricSeries()
        self.plan: PacePlan | None = None
        self.markers: list[Marker] = []
        self.thresholds = thresholds
        self.basis = basis
        self.activity = SourceActivity()
        self.watch = AlertWatch()
        self.session_id: int | None = None

    def open(self, session_id: int | None, samples: Sequence[Sample], plan: PacePlan | None,
             records: Iterable[EventRecord] = ()) -> None:
        self.session_id = session_id
        self.plan = plan
        self.markers = markers_from_log(records)
        self.activity = SourceActivity()
        self.watch.update(())
        self.series.replace_all(samples)
        self.events.reset.emit(None)

    def take(self, arrivals: Iterable[tuple[str, Sample]], arrived_at: datetime) -> int:
        """Add what the sources delivered; returns how many samples."""
        count = 0
        for source, sample in arrivals:
            self.series.add(sample)
            self.activity.seen(source, arrived_at)
            count += 1
        return count

    def logged(self, record: EventRecord) -> Marker | None:
        """An event was committed to the session's log; its marker, if it has one."""
        if record.session_id != self.session_id:
            return None
        marker = marker_from_record(record)
        if marker is not None:
            self.markers.append(marker)
            self.events.marker.emit(marker)
        return marker

    def readings(self) -> dict[Tile, Reading]:
        return readings(self.series, self.plan, self.basis)

    def check(self, now: datetime, health: HealthVerdict | None = None,
              silent_ok: Callable[[str], bool] = lambda _source: False) -> list[MetricAlert]:
        """Evaluate every rule; returns the alerts newly raised (the watch also emits them)."""
        seen = {source: t for source, t in self.activity.last_seen.items() if not silent_ok(source)}
        alerts = evaluate_alerts(self.series, now, plan=self.plan, last_seen=seen, health=health,
                                 thresholds=self.thresholds)
        return self.watch.update(alerts)

