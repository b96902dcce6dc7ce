from __future__ import annotations

from datetime import datetime, timezone

from liveconsole.core.metrics import MetricAlertCode
from liveconsole.core.obs import HealthFigure, Level, ObsEvents, StreamHealth
from liveconsole.sources.obs_health import StreamHealthWatch

NOW = datetime(2025, 11, 11, 12, 0, tzinfo=timezone.utc)


def health(cpu: float) -> StreamHealth:
    return StreamHealth(mono_ns=1, active_fps=30.0, render_skipped=0, render_total=100, output_skipped=0,
                        output_total=100, cpu_pct=cpu, memory_mb=500.0, target_fps=30.0)


def test_a_red_health_sample_from_obs_raises_the_stream_alert_and_a_calm_one_clears_it():
    events = ObsEvents()
    watch = StreamHealthWatch(events)
    verdicts = []
    watch.verdict_changed.connect(verdicts.append)
    assert watch.alert(NOW) is None
    events.health_sampled.emit(health(cpu=95.0))
    alert = watch.alert(NOW)
    assert alert.code is MetricAlertCode.STREAM_RED and alert.param("figures") == "cpu"
    events.health_sampled.emit(health(cpu=96.0))
    events.health_sampled.emit(health(cpu=20.0))
    assert watch.alert(NOW) is None
    assert [v.level(HealthFigure.CPU) for v in verdicts] == [Level.RED, Level.OK]


def test_a_detached_watch_hears_no_more_samples():
    events = ObsEvents()
    watch = StreamHealthWatch(events)
    watch.detach()
    events.health_sampled.emit(health(cpu=95.0))
    assert watch.verdict is None and len(events.health_sampled) == 0
