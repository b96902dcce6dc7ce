"""OBS stream health as a metric source: each health sample the OBS client takes, judged into a verdict
that the stream-red alert reads."""

from __future__ import annotations

import threading
from datetime import datetime

from liveconsole.core.events import Signal
from liveconsole.core.metrics import MetricAlert, stream_alert
from liveconsole.core.obs import HealthThresholds, HealthVerdict, ObsEvents, StreamHealth, judge_health

SOURCE = "obs"


class StreamHealthWatch:
    """Follows an OBS client's `events.health_sampled` (e.g. liveconsole.obs.client.ObsClient).

    `verdict_changed` fires on the OBS client's thread when the verdict differs from the last one;
    `verdict` and `alert` may be read from any thread.
    """

    def __init__(self, events: ObsEvents, thresholds: HealthThresholds | None = None) -> None:
        self.thresholds = thresholds if thresholds is not None else HealthThresholds()
        self.verdict_changed: Signal[HealthVerdict] = Signal("verdict_changed")
        self._events = events
        self._lock = threading.Lock()
        self._verdict: HealthVerdict | None = None
        self._sample: StreamHealth | None = None
        events.health_sampled.connect(self._on_sample)

    @property
    def verdict(self) -> HealthVerdict | None:
        with self._lock:
            return self._verdict

    @property
    def sample(self) -> StreamHealth | None:
        with self._lock:
            return self._sample

    def alert(self, at: datetime) -> MetricAlert | None:
        return stream_alert(self.verdict, at)

    def detach(self) -> None:
        self._events.health_sampled.disconnect(self._on_sample)

    def _on_sample(self, sample: StreamHealth) -> None:
        verdict = judge_health(sample, self.thresholds)
        with self._lock:
            changed = verdict != self._verdict
            self._verdict, self._sample = verdict, sample
        if changed:
            self.verdict_changed.emit(verdict)
