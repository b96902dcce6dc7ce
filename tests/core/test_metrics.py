from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liveconsole.core.metrics import (
    AlertThresholds,
    AlertWatch,
    GpmBasis,
    MetricAlertCode,
    MetricSeries,
    PacePlan,
    Sample,
    SampleError,
    SampleErrorCode,
    SourceActivity,
    acu,
    aov,
    click_to_order,
    conversion_alert,
    engagement_rate,
    evaluate_alerts,
    follow_rate,
    gmv_per_minute,
    gpm,
    latest,
    merge_samples,
    online_drop_alert,
    pace,
    pace_alert,
    pcu,
    per_minute,
    product_ctr,
    silent_source_alerts,
    stream_alert,
    summarize,
    uv_value,
    value_at,
    view_to_order,
)
from liveconsole.core.obs import HealthFigure, HealthVerdict, Level
from liveconsole.core.session import Session

BEIJING = timezone(timedelta(hours=8))
T0 = datetime(2025, 11, 11, 20, 0, tzinfo=BEIJING)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def record(signal):
    heard = []
    signal.connect(heard.append)
    return heard


# --- samples -------------------------------------------------------------------------------


def test_every_field_of_a_sample_is_optional_and_missing_stays_none():
    sample = Sample(T0)
    assert sample.online is None and sample.gmv is None and sample.avg_watch_s is None
    assert sample.empty
    assert sample.present() == {}


def test_sample_gmv_is_normalised_to_two_place_yuan():
    assert Sample(T0, gmv=Decimal("627437.5")).gmv == Decimal("627437.50")
    assert Sample(T0, gmv=12).gmv == Decimal("12.00")


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"t": datetime(2025, 11, 11, 20, 0)}, SampleErrorCode.NAIVE_TIME, "t"),
        ({"online": -1}, SampleErrorCode.NEGATIVE, "online"),
        ({"orders": 1.5}, SampleErrorCode.NOT_A_COUNT, "orders"),
        ({"likes": True}, SampleErrorCode.NOT_A_COUNT, "likes"),
        ({"gmv": 99.9}, SampleErrorCode.NOT_AN_AMOUNT, "gmv"),
        ({"gmv": Decimal("-1")}, SampleErrorCode.NEGATIVE, "gmv"),
        ({"avg_watch_s": float("nan")}, SampleErrorCode.NOT_A_DURATION, "avg_watch_s"),
        ({"avg_watch_s": -3}, SampleErrorCode.NEGATIVE, "avg_watch_s"),
        ({"pv": 10**13}, SampleErrorCode.TOO_LARGE, "pv"),
        ({"gmv": Decimal(10**12)}, SampleErrorCode.TOO_LARGE, "gmv"),
        ({"gmv": Decimal("Infinity")}, SampleErrorCode.NOT_AN_AMOUNT, "gmv"),
    ],
)
def test_a_sample_refuses_values_no_data_screen_shows(changes, code, field):
    with pytest.raises(SampleError) as caught:
        Sample(**{"t": T0, **changes})
    assert (caught.value.code, caught.value.field) == (code, field)


def test_merging_takes_later_known_values_and_keeps_earlier_ones_the_later_lacks():
    early = Sample(T0, online=3500, gmv=Decimal("100"))
    late = Sample(T0, online=3600, orders=12)
    merged = early.merged(late)
    assert (merged.online, merged.gmv, merged.orders) == (3600, Decimal("100.00"), 12)


def test_merge_samples_orders_by_time_and_merges_arrivals_at_the_same_time():
    merged = merge_samples([Sample(at(60), online=2), Sample(at(0), online=1), Sample(at(60), gmv=5)])
    assert [(s.t, s.online, s.gmv) for s in merged] == [(at(0), 1, None), (at(60), 2, Decimal("5.00"))]


# --- the series ----------------------------------------------------------------------------


def test_appends_are_announced_at_the_end_of_the_series():
    series = MetricSeries()
    inserted = record(series.events.inserted)
    series.add(Sample(at(0), online=100))
    series.add(Sample(at(1), online=110))
    assert [(event.index, event.item.online) for event in inserted] == [(0, 100), (1, 110)]


def test_a_late_sample_is_inserted_in_its_place():
    series = MetricSeries([Sample(at(0), online=100), Sample(at(10), online=300)])
    inserted = record(series.events.inserted)
    assert series.add(Sample(at(5), online=200)) == 1
    assert [s.online for s in series] == [100, 200, 300]
    assert [event.index for event in inserted] == [1]


def test_a_sample_at_a_known_time_is_merged_field_by_field_and_says_which_fields_changed():
    series = MetricSeries([Sample(at(0), online=100, gmv=Decimal("10"))])
    changed = record(series.events.changed)
    inserted = record(series.events.inserted)
    series.add(Sample(at(0), online=120, orders=3))
    assert len(series) == 1 and inserted == []
    assert (series[0].online, series[0].gmv, series[0].orders) == (120, Decimal("10.00"), 3)
    assert changed[0].fields == ("online", "orders")


def test_a_repeated_sample_changes_nothing_and_says_nothing():
    series = MetricSeries([Sample(at(0), online=100)])
    changed = record(series.events.changed)
    series.add(Sample(at(0), online=100))
    series.add(Sample(at(0)))
    assert changed == []


def test_replacing_all_samples_is_one_reset():
    series = MetricSeries([Sample(at(0), online=1)])
    resets = record(series.events.reset)
    series.replace_all([Sample(at(5), online=5), Sample(at(3), online=3)])
    assert [s.online for s in resets[0].items] == [3, 5]
    assert series.pcu() == 5


def test_latest_takes_each_field_from_the_newest_sample_that_knows_it():
    samples = [Sample(at(0), online=100, gmv=Decimal(50)), Sample(at(60), online=120), Sample(at(90), orders=4)]
    now = latest(samples)
    assert now == Sample(at(90), online=120, gmv=Decimal(50), orders=4)
    assert MetricSeries(samples).latest() == now


def test_value_at_gives_the_last_known_value_at_or_before_a_time():
    samples = [Sample(at(0), gmv=Decimal(10)), Sample(at(60), online=5), Sample(at(120), gmv=Decimal(30))]
    assert value_at(samples, "gmv", at(90)) == Decimal("10.00")
    assert value_at(samples, "gmv", at(120)) == Decimal("30.00")
    assert value_at(samples, "gmv", at(-1)) is None
    assert value_at(samples, "online", at(30)) is None


# --- ACU and PCU ---------------------------------------------------------------------------


def test_acu_weights_each_count_by_how_long_it_held():
    samples = [Sample(at(0), online=100), Sample(at(60), online=200), Sample(at(180), online=50)]
    # 100 for 60 s, 200 for 120 s: 30000 viewer-seconds over 180 s.
    assert acu(samples) == pytest.approx(30000 / 180)
    # The last count holds until `end`: 50 more for 60 s.
    assert acu(samples, end=at(240)) == pytest.approx(33000 / 240)
    assert MetricSeries(samples).acu() == pytest.approx(30000 / 180)
    assert MetricSeries(samples).acu(until=at(240)) == pytest.approx(33000 / 240)


def test_acu_skips_samples_without_an_online_count_rather_than_reading_them_as_zero():
    samples = [Sample(at(0), online=100), Sample(at(30), gmv=Decimal(5)), Sample(at(60), online=300)]
    assert acu(samples) == pytest.approx(100.0)
    assert acu([Sample(at(0), gmv=Decimal(5))]) is None


def test_acu_over_a_window_starts_from_the_count_that_held_at_its_start():
    samples = [Sample(at(0), online=100), Sample(at(60), online=200), Sample(at(120), online=400)]
    assert acu(samples, start=at(30), end=at(90)) == pytest.approx((100 * 30 + 200 * 30) / 60)
    assert acu(samples, start=at(120), end=at(120)) == pytest.approx(400.0)


def test_acu_of_one_sample_is_its_count():
    assert acu([Sample(at(0), online=42)]) == 42.0
    assert MetricSeries([Sample(at(0), online=42)]).acu() == 42.0


def test_pcu_is_the_highest_count_and_none_without_counts():
    assert pcu([Sample(at(0), online=10), Sample(at(1), online=30), Sample(at(2), online=20)]) == 30
    assert pcu([Sample(at(0), gmv=Decimal(1))]) is None


online_steps = st.lists(st.tuples(st.integers(0, 600), st.one_of(st.none(), st.integers(0, 100_000))),
                        min_size=1, max_size=40)


@given(st.lists(st.tuples(st.integers(0, 600), st.one_of(st.none(), st.integers(0, 100_000)),
                         st.one_of(st.none(), st.integers(0, 10**6))), min_size=1, max_size=40))
def test_the_running_figures_of_a_series_equal_those_of_its_samples_whatever_the_arrival_order(steps):
    series = MetricSeries()
    for seconds, online, orders in steps:
        series.add(Sample(at(seconds), online=online, orders=orders))
        series.latest()  # read between arrivals, as the dashboard does
    samples = list(series)
    assert samples == merge_samples(Sample(at(s), online=o, orders=n) for s, o, n in steps)
    expected = acu(samples)
    assert (series.acu() is None) == (expected is None)
    if expected is not None:
        assert series.acu() == pytest.approx(expected)
    assert series.pcu() == pcu(samples)
    assert series.latest() == latest(samples)


@given(online_steps)
def test_acu_lies_between_the_lowest_and_highest_count(steps):
    samples = merge_samples(Sample(at(seconds), online=online) for seconds, online in steps)
    counts = [s.online for s in samples if s.online is not None]
    value = acu(samples)
    if counts:
        assert min(counts) - 1e-6 <= value <= max(counts) + 1e-6
    else:
        assert value is None


# --- ratios --------------------------------------------------------------------------------

ROOM = Sample(T0, uv=80_000, pv=250_000, gmv=Decimal("627437"), buyers=4_200, product_clicks=30_000,
              product_exposures=120_000, comments=6_000, shares=2_000, new_followers=1_600, likes=900_000)


def test_derived_ratios_match_hand_computed_values():
    assert gpm(ROOM) == Decimal("2509.75")  # 627437 × 1000 / 250000 = 2509.748
    assert gpm(ROOM, GpmBasis.VIEWERS) == Decimal("7842.96")  # / 80000 = 7842.9625
    assert uv_value(ROOM) == Decimal("7.84")  # 627437 / 80000 = 7.8429625
    assert aov(ROOM) == Decimal("149.39")  # 627437 / 4200 = 149.3898
    assert product_ctr(ROOM) == pytest.approx(0.25)
    assert click_to_order(ROOM) == pytest.approx(0.14)
    assert view_to_order(ROOM) == pytest.approx(0.0525)
    assert engagement_rate(ROOM) == pytest.approx(0.1)  # (6000 + 2000) / 80000: likes are not counted
    assert follow_rate(ROOM) == pytest.approx(0.02)


RATIOS = {
    "gpm_views": (lambda s: gpm(s), "pv"),
    "gpm_viewers": (lambda s: gpm(s, GpmBasis.VIEWERS), "uv"),
    "uv_value": (uv_value, "uv"),
    "aov": (aov, "buyers"),
    "product_ctr": (product_ctr, "product_exposures"),
    "click_to_order": (click_to_order, "product_clicks"),
    "view_to_order": (view_to_order, "uv"),
    "engagement_rate": (engagement_rate, "uv"),
    "follow_rate": (follow_rate, "uv"),
}
counts = st.integers(0, 10**9)
amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


def room(uv, pv, buyers, clicks, exposures, comments, shares, followers, gmv) -> dict:
    return dict(uv=uv, pv=pv, buyers=buyers, product_clicks=clicks, product_exposures=exposures,
                comments=comments, shares=shares, new_followers=followers, gmv=gmv)


rooms = st.builds(room, counts, counts, counts, counts, counts, counts, counts, counts, amounts)


@given(rooms, st.sampled_from(sorted(RATIOS)), st.sampled_from([0, None]))
def test_every_ratio_is_none_for_a_zero_or_missing_denominator(values, name, denominator):
    function, field = RATIOS[name]
    assert function(Sample(T0, **{**values, field: denominator})) is None


@given(rooms, st.sampled_from(sorted(RATIOS)), st.integers(1, 10**9))
def test_every_ratio_is_a_non_negative_number_when_its_figures_are_known(values, name, denominator):
    function, field = RATIOS[name]
    value = function(Sample(T0, **{**values, field: denominator}))
    assert value is not None and value >= 0


@given(rooms, st.sampled_from(sorted(RATIOS)))
def test_every_ratio_is_none_for_a_missing_numerator(values, name):
    function, field = RATIOS[name]
    numerators = {
        "gpm_views": "gmv", "gpm_viewers": "gmv", "uv_value": "gmv", "aov": "gmv", "product_ctr": "product_clicks",
        "click_to_order": "buyers", "view_to_order": "buyers", "engagement_rate": "comments",
        "follow_rate": "new_followers",
    }
    assert function(Sample(T0, **{**values, field: 5, numerators[name]: None})) is None


# --- rates ---------------------------------------------------------------------------------


def test_gmv_per_minute_uses_the_total_at_the_window_start_and_at_its_end():
    samples = [Sample(at(s), gmv=Decimal(g)) for s, g in [(0, 0), (120, 2000), (240, 5000), (360, 6000)]]
    # Window (60, 360]: from the total at 0 s (held at 60 s) to 360 s: 6000 over 6 minutes.
    assert gmv_per_minute(samples, window_s=300) == Decimal("1000.00")
    # Window (120, 240] ending at 240 s: 3000 over 2 minutes.
    assert gmv_per_minute(samples, window_s=120, end=at(240)) == Decimal("1500.00")


def test_a_rate_from_sparse_entries_is_taken_between_the_last_two_known_totals():
    samples = [Sample(at(0), orders=0), Sample(at(900), orders=300), Sample(at(1800), orders=900)]
    assert per_minute(samples, "orders", window_s=300) == pytest.approx(40.0)


def test_a_rate_needs_two_known_totals():
    assert gmv_per_minute([Sample(at(0), gmv=Decimal(5)), Sample(at(60), online=3)]) is None
    assert per_minute([], "orders") is None


# --- pace ----------------------------------------------------------------------------------


def test_pace_at_minute_55_of_a_million_yuan_hour():
    # ¥627,437 at minute 55 where the plan says ¥1,000,000 by minute 60.
    plan = PacePlan.hourly(T0, [Decimal(1_000_000)])
    now = pace(plan, [Sample(at(0), gmv=Decimal(0)), Sample(at(55 * 60), gmv=Decimal(627_437))])
    assert now.planned == Decimal("916666.67")  # 1,000,000 × 55/60
    assert now.ahead == Decimal("-289229.67")
    assert now.behind_by == Decimal("289229.67")
    assert now.pct == Decimal("68.45")  # 627437 / 916666.67 × 100
    assert now.ahead_pct == Decimal("-31.55")


def test_the_default_plan_is_linear_from_the_planned_start_to_the_target():
    session = Session("双11", planned_start=T0, planned_minutes=240, gmv_target=Decimal(1_000_000))
    plan = PacePlan.from_session(session)
    assert plan.planned_at(at(3600)) == Decimal("250000.00")
    assert plan.planned_at(at(-60)) == Decimal("0.00")
    assert plan.planned_at(at(10 * 3600)) == Decimal("1000000.00")
    assert plan.end == at(4 * 3600)
    assert PacePlan.from_session(Session("x", planned_start=T0, planned_minutes=60)) is None
    assert PacePlan.from_session(Session("x", planned_start=T0, gmv_target=Decimal(5))) is None


def test_an_hourly_plan_is_straight_within_each_hour():
    plan = PacePlan.hourly(T0, [100_000, 400_000, 500_000])
    assert plan.planned_at(at(1800)) == Decimal("50000.00")
    assert plan.planned_at(at(5400)) == Decimal("250000.00")
    assert plan.planned_at(at(9000)) == Decimal("450000.00")
    assert plan.target == Decimal("500000.00")
    assert [amount for _, amount in plan.curve()] == [Decimal("0.00"), 100_000, 400_000, 500_000]


@pytest.mark.parametrize("points", [((60, Decimal(10)), (60, Decimal(20))), ((60, Decimal(20)), (120, Decimal(10))),
                                    ((0, Decimal(5)),), ()])
def test_a_plan_refuses_points_that_go_back(points):
    with pytest.raises(ValueError):
        PacePlan(T0, points)


def test_projected_finish_extends_the_recent_rate_to_the_planned_end():
    plan = PacePlan.linear(T0, 240, 1_000_000)
    samples = [Sample(at(45 * 60), gmv=Decimal(527_437)), Sample(at(55 * 60), gmv=Decimal(627_437))]
    now = pace(plan, samples, recent_minutes=10)
    assert now.recent_per_minute == Decimal("10000.00")
    assert now.projected_finish == Decimal(627_437 + 10_000 * 185)
    assert now.projected_pct == Decimal("247.74")


def test_pace_before_the_planned_start_has_no_percentage_and_after_the_end_projects_what_was_sold():
    plan = PacePlan.linear(T0, 60, 100_000)
    early = pace(plan, [Sample(at(-120), gmv=Decimal(10))])
    assert early.planned == 0 and early.pct is None
    late = pace(plan, [Sample(at(3000), gmv=Decimal(90_000)), Sample(at(4000), gmv=Decimal(120_000))])
    assert late.projected_finish == Decimal("120000.00")
    assert late.pct == Decimal("120.00")


def test_pace_is_measured_at_the_last_sample_that_knew_gmv():
    plan = PacePlan.linear(T0, 100, 100_000)
    now = pace(plan, [Sample(at(600), gmv=Decimal(10_000)), Sample(at(1200), online=50)])
    assert now.at == at(600) and now.pct == Decimal("100.00")
    assert pace(plan, [Sample(at(60), online=5)]) is None


# --- summary -------------------------------------------------------------------------------


def test_the_summary_has_every_figure_the_command_line_prints_with_money_as_text():
    plan = PacePlan.hourly(T0, [Decimal(1_000_000)])
    samples = [Sample(at(0), online=1000, gmv=Decimal(0), buyers=0, uv=0, pv=0, product_clicks=0),
               Sample(at(55 * 60), online=3000, gmv=Decimal(627_437), buyers=4_200, uv=80_000, pv=250_000,
                      orders=4_600, product_clicks=30_000)]
    out = summarize(samples, plan).as_json()
    assert out["samples"] == 2 and out["pcu"] == 3000 and out["acu"] == 1000.0
    assert (out["gmv"], out["orders"], out["buyers"]) == ("627437.00", 4600, 4200)
    assert (out["gpm"], out["uv_value"], out["aov"]) == ("2509.75", "7.84", "149.39")
    assert out["click_to_order"] == pytest.approx(0.14)
    assert out["pace_pct"] == 68.45
    assert summarize(samples).as_json()["pace_pct"] is None
    assert summarize([]).as_json()["gmv"] is None


# --- alerts --------------------------------------------------------------------------------


def test_online_falling_by_more_than_the_threshold_within_a_minute_is_an_alert():
    samples = [Sample(at(0), online=1000), Sample(at(30), online=950), Sample(at(50), online=700)]
    alert = online_drop_alert(samples)
    assert alert.code is MetricAlertCode.ONLINE_DROP and alert.at == at(50)
    assert (alert.param("drop_pct"), alert.param("from_online"), alert.param("to_online")) == ("30.0", "1000", "700")
    assert online_drop_alert(samples[:2]) is None


def test_an_online_drop_counts_from_the_count_that_held_when_the_minute_began():
    samples = [Sample(at(0), online=1000), Sample(at(90), online=700)]
    assert online_drop_alert(samples) is not None  # 1000 held until 90 s
    assert online_drop_alert(samples, AlertThresholds(online_drop_pct=35)) is None


def test_a_small_room_losing_a_few_viewers_is_no_alert():
    assert online_drop_alert([Sample(at(0), online=40), Sample(at(10), online=10)]) is None


def test_pace_behind_by_more_than_the_threshold_is_an_alert_after_the_first_minutes():
    plan = PacePlan.hourly(T0, [Decimal(1_000_000)])
    behind = pace(plan, [Sample(at(55 * 60), gmv=Decimal(627_437))])
    alert = pace_alert(behind, plan)
    assert alert.code is MetricAlertCode.PACE_BEHIND
    assert (alert.param("behind_pct"), alert.param("behind")) == ("31.55", "289229.67")
    early = pace(plan, [Sample(at(5 * 60), gmv=Decimal(0))])
    assert pace_alert(early, plan) is None
    on_plan = pace(plan, [Sample(at(30 * 60), gmv=Decimal(480_000))])
    assert pace_alert(on_plan, plan) is None


def _funnel(points):
    return [Sample(at(s), product_clicks=c, buyers=b) for s, c, b in points]


def test_conversion_falling_against_the_window_before_is_an_alert():
    # 0–10 min: 100 buyers of 1000 clicks (10 %); 10–20 min: 50 of 1000 (5 %).
    samples = _funnel([(0, 0, 0), (600, 1000, 100), (1200, 2000, 150)])
    alert = conversion_alert(samples)
    assert alert.code is MetricAlertCode.CONVERSION_FALL
    assert (alert.param("basis"), alert.param("earlier_pct"), alert.param("recent_pct"),
            alert.param("fall_pct")) == ("click_to_order", "10.0", "5.0", "50.0")
    steady = _funnel([(0, 0, 0), (600, 1000, 100), (1200, 2000, 190)])
    assert conversion_alert(steady) is None


def test_conversion_falls_back_to_viewers_without_clicks_and_needs_enough_traffic():
    samples = [Sample(at(s), uv=u, buyers=b) for s, u, b in [(0, 0, 0), (600, 2000, 100), (1200, 4000, 120)]]
    assert conversion_alert(samples).param("basis") == "view_to_order"
    thin = _funnel([(0, 0, 0), (600, 20, 4), (1200, 40, 4)])
    assert conversion_alert(thin) is None


def test_a_source_silent_for_longer_than_the_threshold_is_an_alert_naming_it():
    activity = SourceActivity()
    activity.seen("ingest", at(0))
    activity.seen("manual", at(50))
    alerts = silent_source_alerts(activity.last_seen, at(90))
    assert [(a.param("source"), a.param("silent_s")) for a in alerts] == [("ingest", "90")]
    activity.forget("ingest")
    assert silent_source_alerts(activity.last_seen, at(90)) == []


def test_red_stream_health_is_an_alert_naming_the_red_figures():
    verdict = HealthVerdict({HealthFigure.CPU: Level.RED, HealthFigure.FPS: Level.AMBER,
                             HealthFigure.BITRATE: Level.RED})
    alert = stream_alert(verdict, at(5))
    assert alert.code is MetricAlertCode.STREAM_RED and alert.param("figures") == "cpu,bitrate"
    assert stream_alert(HealthVerdict({HealthFigure.CPU: Level.AMBER}), at(5)) is None
    assert stream_alert(None, at(5)) is None


def test_switched_off_rules_never_fire():
    off = AlertThresholds(online_drop_pct=None, pace_behind_pct=None, conversion_fall_pct=None, source_silent_s=None)
    plan = PacePlan.hourly(T0, [Decimal(1_000_000)])
    samples = [Sample(at(0), online=1000, gmv=Decimal(0)), Sample(at(55 * 60), online=10, gmv=Decimal(5))]
    assert evaluate_alerts(samples, at(55 * 60), plan=plan, last_seen={"x": at(0)}, thresholds=off) == []
    codes = [a.code for a in evaluate_alerts(samples, at(55 * 60), plan=plan, last_seen={"x": at(0)})]
    assert codes == [MetricAlertCode.ONLINE_DROP, MetricAlertCode.PACE_BEHIND, MetricAlertCode.SOURCE_SILENT]


def test_an_alert_watch_raises_each_condition_once_until_it_clears():
    watch = AlertWatch()
    raised, cleared = record(watch.events.raised), record(watch.events.cleared)
    first = stream_alert(HealthVerdict({HealthFigure.CPU: Level.RED}), at(0))
    again = stream_alert(HealthVerdict({HealthFigure.CPU: Level.RED}), at(1))
    assert watch.update([first]) == [first]
    assert watch.update([again]) == []
    watch.update([])
    assert watch.update([again]) == [again]
    assert raised == [first, again] and cleared == [again]
