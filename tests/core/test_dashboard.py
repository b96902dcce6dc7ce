from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from liveconsole.core.dashboard import (
    Dashboard,
    Marker,
    MarkerKind,
    ObservedLog,
    Tile,
    marker_from_record,
    markers_from_log,
    readings,
)
from liveconsole.core.live import LiveRoom
from liveconsole.core.metrics import (
    GpmBasis,
    MetricAlertCode,
    MetricSeries,
    PacePlan,
    Sample,
    pace,
    per_minute,
    value_at,
)
from liveconsole.core.obs import SCENE_SWITCH
from liveconsole.core.ports import EventRecord
from liveconsole.core.products import Product
from liveconsole.core.queue import QUEUE_PUSH
from tests.helpers.clock import FakeClock
from tests.helpers.memory_log import MemoryEventLog

BEIJING = timezone(timedelta(hours=8))
T0 = datetime(2025, 11, 11, 20, 0, tzinfo=BEIJING)


def minute(m: float) -> datetime:
    return T0 + timedelta(minutes=m)


def record(type: str, payload: dict, at: datetime = T0, session_id: int = 1) -> EventRecord:
    return EventRecord(1, session_id, 1, 0, at, type, payload)


SERIES = [
    Sample(minute(0), online=1000, gmv=Decimal(100_000), items=500, buyers=400, pv=20_000),
    Sample(minute(5), online=1200, gmv=Decimal(130_000), items=650, buyers=520, pv=26_000),
    Sample(minute(10), online=900, gmv=Decimal(160_000), items=800, buyers=640, pv=32_000),
]
PLAN = PacePlan.linear(T0, 60, 600_000)  # ¥10,000 a minute


def test_tiles_show_the_last_sample_and_the_change_against_five_minutes_earlier():
    shown = readings(MetricSeries(SERIES), PLAN, GpmBasis.VIEWS)
    assert (shown[Tile.GMV].value, shown[Tile.GMV].earlier, shown[Tile.GMV].change) == (160_000, 130_000, 30_000)
    assert (shown[Tile.ONLINE].value, shown[Tile.ONLINE].change) == (900, -300)
    assert (shown[Tile.ITEMS].value, shown[Tile.ITEMS].change) == (800, 150)
    assert shown[Tile.AOV].value == Decimal("250.00") and shown[Tile.AOV].change == 0  # 160,000 ÷ 640
    assert shown[Tile.GPM].value == Decimal("5000.00")  # 160,000 × 1000 ÷ 32,000 views
    # planned ¥100,000 at 20:10 and ¥50,000 at 20:05
    assert (shown[Tile.PACE].value, shown[Tile.PACE].earlier) == (Decimal("160.00"), Decimal("260.00"))


def test_no_change_is_shown_before_five_minutes_of_figures_and_a_missing_figure_stays_missing():
    shown = readings(MetricSeries([Sample(minute(0), gmv=Decimal(5)), Sample(minute(3), gmv=Decimal(9))]))
    assert shown[Tile.GMV].value == 9 and shown[Tile.GMV].change is None
    assert shown[Tile.ONLINE].value is None and shown[Tile.AOV].value is None
    assert shown[Tile.PACE].value is None  # no plan, no pace
    assert all(reading.value is None for reading in readings(MetricSeries()).values())


def test_log_events_become_markers_on_the_time_axis():
    push = marker_from_record(record(QUEUE_PUSH, {"key": "k", "link_no": 3, "title": "玻尿酸面膜"}, minute(2)))
    assert push == Marker(minute(2), MarkerKind.PUSH, (("link_no", "3"), ("title", "玻尿酸面膜")))
    assert marker_from_record(record(SCENE_SWITCH, {"scene": "主推特写"})).param("scene") == "主推特写"
    sale = marker_from_record(record("timer.flash_sale.start", {"duration_ns": 90 * 10**9}))
    assert sale.kind is MarkerKind.FLASH_SALE and sale.param("seconds") == "90"
    incident = marker_from_record(record("incident", {"type": "link_broken", "note": "3号链接"}))
    assert (incident.kind, incident.param("type"), incident.param("note")) == (MarkerKind.INCIDENT, "link_broken",
                                                                                "3号链接")
    assert marker_from_record(record("queue.sold_out", {"key": "k"})) is None
    assert [m.t for m in markers_from_log([record(SCENE_SWITCH, {"scene": "b"}, minute(5)),
                                           record(SCENE_SWITCH, {"scene": "a"}, minute(1))])] == [minute(1), minute(5)]


def test_a_scene_switch_is_logged_only_once_the_session_is_live():
    clock = FakeClock()
    log = MemoryEventLog(clock)
    observed = ObservedLog(log)
    seen = []
    observed.appended.connect(seen.append)
    room = LiveRoom(clock, observed)
    room.open_session(7, [Product("面膜", link_no=1)])
    assert room.scene_switched("开场") is False and seen == []
    room.go_live()
    assert room.scene_switched("主推特写") is True
    assert [r.type for r in seen] == ["queue.open", SCENE_SWITCH]
    assert [r.type for r in observed.events(7)] == ["queue.open", SCENE_SWITCH]  # the wrapped log answers


def test_the_dashboard_takes_markers_of_its_own_session_only():
    board = Dashboard()
    board.open(1, [], None, [record(SCENE_SWITCH, {"scene": "开场"})])
    added = []
    board.events.marker.connect(added.append)
    assert board.logged(record(SCENE_SWITCH, {"scene": "x"}, session_id=2)) is None
    board.logged(record(QUEUE_PUSH, {"link_no": 1, "title": "面膜"}, minute(1)))
    assert [m.kind for m in board.markers] == [MarkerKind.SCENE, MarkerKind.PUSH] and len(added) == 1


def test_an_alert_is_raised_once_while_it_holds_and_cleared_when_it_ends():
    board = Dashboard()
    board.open(1, [], None)
    raised, cleared = [], []
    board.watch.events.raised.connect(raised.append)
    board.watch.events.cleared.connect(cleared.append)
    board.take([("ingest", Sample(minute(0), online=3000)), ("ingest", Sample(minute(0.5), online=2000))], minute(0.5))
    board.check(minute(0.5))
    board.check(minute(0.6))
    assert [a.code for a in raised] == [MetricAlertCode.ONLINE_DROP]
    board.take([("ingest", Sample(minute(2), online=2900))], minute(2))
    board.check(minute(2))
    assert [a.code for a in cleared] == [MetricAlertCode.ONLINE_DROP]


def test_a_silent_source_is_an_alert_unless_it_was_switched_off():
    board = Dashboard()
    board.open(1, [], None)
    board.take([("simulator", Sample(minute(0), online=10))], minute(0))
    assert [a.code for a in board.check(minute(2))] == [MetricAlertCode.SOURCE_SILENT]
    board.open(1, [], None)
    board.take([("simulator", Sample(minute(0), online=10))], minute(0))
    assert board.check(minute(2), silent_ok=lambda source: source == "simulator") == []


# The series answers from a per-field index; a plain list is read by walking. Both must agree.
sparse = st.lists(
    st.tuples(st.integers(0, 3600), st.none() | st.integers(0, 10_000), st.none() | st.integers(0, 10**6)),
    max_size=40,
)


def _build(rows) -> list[Sample]:
    by_t: dict[int, Sample] = {}
    totals = 0
    for seconds, online, gmv in sorted(rows, key=lambda row: row[0]):
        if gmv is not None:
            totals += gmv  # running totals never go down
        sample = Sample(T0 + timedelta(seconds=seconds), online=online,
                        gmv=None if gmv is None else Decimal(totals))
        by_t[seconds] = by_t[seconds].merged(sample) if seconds in by_t else sample
    return [by_t[key] for key in sorted(by_t)]


@settings(max_examples=200, deadline=None)
@given(rows=sparse, probe=st.integers(-60, 3700), window=st.sampled_from([60.0, 300.0, 600.0]))
def test_the_series_index_agrees_with_walking_the_samples(rows, probe, window):
    samples = _build(rows)
    series = MetricSeries(samples)
    t = T0 + timedelta(seconds=probe)
    for name in ("online", "gmv"):
        assert series.value_at(name, t) == value_at(list(samples), name, t)
    assert per_minute(series, "gmv", window, end=t) == per_minute(list(samples), "gmv", window, end=t)
    if samples:
        assert pace(PLAN, series, until=t) == pace(PLAN, list(samples), until=t)
        assert pace(PLAN, series) == pace(PLAN, list(samples))


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(0, 600), st.none() | st.integers(0, 5000),
                               st.none() | st.integers(0, 50)), max_size=30),
       order=st.randoms(use_true_random=False))
def test_samples_arriving_in_any_order_give_the_figures_of_the_whole_series(rows, order):
    samples = [Sample(T0 + timedelta(seconds=s), online=online, likes=likes) for s, online, likes in rows]
    arrivals = list(samples)
    order.shuffle(arrivals)
    live = MetricSeries()
    for sample in arrivals:
        live.add(sample)  # late ones go in their place, same-second ones merge
        live.acu(), live.pcu(), live.latest()  # read between arrivals, as the panel does
    whole = MetricSeries(_merge_in(arrivals))
    assert list(live) == list(whole)
    assert live.pcu() == whole.pcu() and live.latest() == whole.latest()
    assert (live.acu() is None) == (whole.acu() is None)
    if whole.acu() is not None:
        assert abs(live.acu() - whole.acu()) < 1e-6 * max(1.0, whole.acu())
    for probe in range(-1, 602, 37):
        t = T0 + timedelta(seconds=probe)
        assert live.value_at("online", t) == whole.value_at("online", t)
        assert live.value_at("likes", t) == whole.value_at("likes", t)


def _merge_in(arrivals: list[Sample]) -> list[Sample]:
    """What the series holds after these arrivals: one sample per time, later arrivals merged in."""
    by_t: dict[datetime, Sample] = {}
    for sample in arrivals:
        by_t[sample.t] = by_t[sample.t].merged(sample) if sample.t in by_t else sample
    return [by_t[t] for t in sorted(by_t)]
