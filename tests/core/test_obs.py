"""Reconnect timing, stream-health rates and verdicts: pure functions, no OBS."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liveconsole.core.obs import (
    Backoff,
    HealthFigure,
    HealthThresholds,
    HealthVerdict,
    Level,
    StreamHealth,
    judge_health,
    with_rates,
)

policies = st.builds(
    Backoff,
    initial=st.floats(0.01, 5.0),
    maximum=st.floats(5.0, 120.0),
    factor=st.floats(1.0, 4.0),
    jitter=st.floats(0.0, 0.99),
)


@given(policies, st.integers(0, 10_000), st.integers(0, 2**32 - 1))
def test_every_delay_lies_between_the_first_delay_and_the_cap(policy, attempt, seed):
    delay = policy.delay(attempt, random.Random(seed))
    assert policy.initial <= delay <= policy.maximum
    assert delay <= policy.ceiling(attempt)


@given(policies, st.integers(0, 200))
def test_the_ceiling_never_shrinks_as_attempts_go_on(policy, attempt):
    assert policy.ceiling(attempt) <= policy.ceiling(attempt + 1)


def test_default_policy_goes_from_half_a_second_to_thirty():
    policy = Backoff()
    rng = random.Random(0)
    assert policy.delay(0, rng) == 0.5
    assert [policy.ceiling(n) for n in range(8)] == [0.5, 1, 2, 4, 8, 16, 30, 30]
    assert policy.ceiling(10**9) == 30


@given(st.integers(6, 1000))
def test_jitter_spreads_clients_that_retry_together(attempt):
    policy = Backoff()
    delays = {policy.delay(attempt, random.Random(seed)) for seed in range(20)}
    assert len(delays) > 10
    assert min(delays) >= 30 * (1 - policy.jitter)


def test_the_same_seed_gives_the_same_delays():
    policy = Backoff()
    first = [policy.delay(n, random.Random(42)) for n in range(10)]
    assert first == [policy.delay(n, random.Random(42)) for n in range(10)]


@pytest.mark.parametrize("bad", [dict(initial=0), dict(initial=5, maximum=1), dict(factor=0.5), dict(jitter=1.0)])
def test_a_nonsensical_policy_is_refused(bad):
    with pytest.raises(ValueError):
        Backoff(**bad)


def _sample(t: float, **fields) -> StreamHealth:
    base = dict(mono_ns=int(t * 1e9), active_fps=30.0, render_skipped=0, render_total=int(t * 30),
                output_skipped=0, output_total=int(t * 30), cpu_pct=10.0, memory_mb=300.0, target_fps=30.0)
    return StreamHealth(**(base | fields))


def test_bitrate_comes_from_the_bytes_sent_between_samples():
    first = _sample(10, streaming=True, stream_bytes=1_000_000)
    second = with_rates(_sample(12, streaming=True, stream_bytes=1_750_000), first)
    assert second.bitrate_kbps == pytest.approx(3000.0)


def test_the_first_sample_and_a_restarted_counter_have_no_bitrate():
    assert with_rates(_sample(1, streaming=True, stream_bytes=10), None).bitrate_kbps is None
    earlier = _sample(10, streaming=True, stream_bytes=5_000_000)
    assert with_rates(_sample(11, streaming=True, stream_bytes=100), earlier).bitrate_kbps is None


def test_not_streaming_is_zero_bitrate():
    assert with_rates(_sample(2), _sample(1)).bitrate_kbps == 0.0


@given(st.integers(0, 10**9), st.integers(0, 10**9), st.floats(0.1, 10.0))
def test_bitrate_is_never_negative(before, after, seconds):
    first = _sample(100, streaming=True, stream_bytes=before)
    second = with_rates(_sample(100 + seconds, streaming=True, stream_bytes=after), first)
    assert second.bitrate_kbps is None or second.bitrate_kbps >= 0


def test_skipped_percentages_count_only_the_frames_since_the_last_sample():
    first = _sample(10, render_skipped=500, render_total=1000)  # old lag, long gone
    second = with_rates(_sample(11, render_skipped=503, render_total=1100), first)
    assert second.render_skipped_pct == pytest.approx(3.0)


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6))
def test_skipped_percentages_stay_between_0_and_100(s1, t1, s2, t2):
    second = with_rates(_sample(2, render_skipped=s2, render_total=t2), _sample(1, render_skipped=s1, render_total=t1))
    assert second.render_skipped_pct is None or 0 <= second.render_skipped_pct <= 100


def test_a_healthy_sample_is_all_ok():
    verdict = judge_health(with_rates(_sample(2), _sample(1)))
    assert verdict.worst is Level.OK


def test_frame_rate_below_target_turns_amber_then_red():
    assert judge_health(_sample(1, active_fps=27.0)).level(HealthFigure.FPS) is Level.AMBER
    assert judge_health(_sample(1, active_fps=20.0)).level(HealthFigure.FPS) is Level.RED


def test_cpu_thresholds_are_configurable_and_can_be_switched_off():
    busy = _sample(1, cpu_pct=80.0)
    assert judge_health(busy).level(HealthFigure.CPU) is Level.AMBER
    assert judge_health(busy, HealthThresholds(cpu_amber_pct=85)).level(HealthFigure.CPU) is Level.OK
    off = HealthThresholds(cpu_amber_pct=None, cpu_red_pct=None)
    assert judge_health(replace(busy, cpu_pct=100.0), off).level(HealthFigure.CPU) is Level.OK


def test_low_bitrate_and_congestion_count_only_while_streaming():
    stalled = _sample(1, streaming=True, bitrate_kbps=100.0, congestion=0.6)
    verdict = judge_health(stalled)
    assert verdict.level(HealthFigure.BITRATE) is Level.RED
    assert verdict.level(HealthFigure.CONGESTION) is Level.RED
    idle = judge_health(replace(stalled, streaming=False))
    assert idle.level(HealthFigure.BITRATE) is Level.OK and idle.level(HealthFigure.CONGESTION) is Level.OK


def test_dropped_frames_turn_amber_at_one_percent_and_red_at_five():
    assert judge_health(_sample(1, stream_dropped_pct=2.0)).level(HealthFigure.STREAM_DROPPED) is Level.AMBER
    assert judge_health(_sample(1, stream_dropped_pct=5.0)).level(HealthFigure.STREAM_DROPPED) is Level.RED


def test_an_alert_names_only_the_figures_that_got_worse():
    before = HealthVerdict({HealthFigure.CPU: Level.AMBER, HealthFigure.FPS: Level.RED})
    after = HealthVerdict({HealthFigure.CPU: Level.RED, HealthFigure.FPS: Level.AMBER,
                           HealthFigure.BITRATE: Level.OK})
    assert after.raised_since(before) == (HealthFigure.CPU,)
    assert before.raised_since(None) == (HealthFigure.CPU, HealthFigure.FPS)
