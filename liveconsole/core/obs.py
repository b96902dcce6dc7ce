"""OBS as the core sees it: connection states, what OBS reports, stream-health verdicts and reconnect timing.

Pure: no sockets, no clock. Adapters fill these types in; the GUI translates the codes into words.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol

from liveconsole.core.events import Signal

SCENE_SWITCH = "obs.scene"  # event log: the program scene changed while the session was live; {"scene": name}


class ConnectionState(enum.Enum):
    """What the console shows about its OBS link. Codes only; the UI words live in the GUI."""

    DISCONNECTED = "disconnected"  # 未连接: nothing answers; retrying with backoff
    CONNECTING = "connecting"  # 连接中
    CONNECTED = "connected"  # 已连接
    AUTH_FAILED = "auth_failed"  # 密码错误: retrying stops until a new password is given
    NO_WEBSOCKET = "no_websocket"  # OBS 未开启 WebSocket: OBS runs, its websocket server does not answer


class SceneRole(enum.Enum):
    PROGRAM = "program"  # what viewers see
    PREVIEW = "preview"  # what studio mode has lined up next


@dataclass(frozen=True)
class SceneChange:
    role: SceneRole
    scene: str


@dataclass(frozen=True)
class ObsSnapshot:
    """Everything re-read after each (re)connect and kept current from OBS's events."""

    obs_version: str
    websocket_version: str
    scenes: tuple[str, ...]  # top to bottom as OBS's scene list shows them
    current_program_scene: str | None
    current_preview_scene: str | None = None  # None unless studio mode is on
    studio_mode: bool = False
    streaming: bool = False
    recording: bool = False


class ObsError(Exception):
    """A request to OBS did not do what was asked."""


class ObsNotConnected(ObsError):
    """There is no live connection to send the request on."""


class ObsTimeout(ObsError):
    """OBS did not answer within the request's timeout."""


class ObsRequestFailed(ObsError):
    """OBS answered and refused: `code` is obs-websocket's RequestStatus (600 = not found, ...)."""

    def __init__(self, request_type: str, code: int, comment: str | None = None) -> None:
        super().__init__(f"{request_type} failed with status {code}" + (f": {comment}" if comment else ""))
        self.request_type = request_type
        self.code = code
        self.comment = comment


# --- stream health -------------------------------------------------------------------------


@dataclass(frozen=True)
class StreamHealth:
    """One sample of OBS's performance and output figures, taken about once a second.

    Counters are cumulative as OBS reports them; the rate fields compare with the previous sample
    (see `with_rates`) and are None when there is nothing to compare with.
    """

    mono_ns: int
    active_fps: float
    render_skipped: int
    render_total: int
    output_skipped: int
    output_total: int
    cpu_pct: float
    memory_mb: float
    target_fps: float | None = None
    streaming: bool = False
    reconnecting: bool = False
    stream_bytes: int = 0
    stream_dropped: int = 0
    stream_total: int = 0
    congestion: float = 0.0
    stream_time_ms: int = 0
    recording: bool = False
    record_time_ms: int = 0
    bitrate_kbps: float | None = None
    render_skipped_pct: float | None = None
    output_skipped_pct: float | None = None
    stream_dropped_pct: float | None = None


def _interval_pct(skipped: int, total: int, prev_skipped: int, prev_total: int) -> float | None:
    frames = total - prev_total
    missed = skipped - prev_skipped
    if frames <= 0 or missed < 0:
        return None  # no frames in between, or OBS restarted and its counters began again
    return 100.0 * min(missed, frames) / frames


def with_rates(sample: StreamHealth, previous: StreamHealth | None) -> StreamHealth:
    """`sample` with bitrate (from byte deltas) and skipped-frame percentages since `previous`."""
    if previous is None or sample.mono_ns <= previous.mono_ns:
        return replace(sample, bitrate_kbps=None, render_skipped_pct=None, output_skipped_pct=None,
                       stream_dropped_pct=None)
    seconds = (sample.mono_ns - previous.mono_ns) / 1e9
    bitrate: float | None = None
    if sample.streaming and previous.streaming and sample.stream_bytes >= previous.stream_bytes:
        bitrate = (sample.stream_bytes - previous.stream_bytes) * 8 / 1000 / seconds
    elif not sample.streaming:
        bitrate = 0.0
    stream_pct = None
    if sample.streaming and previous.streaming:
        stream_pct = _interval_pct(sample.stream_dropped, sample.stream_total,
                                   previous.stream_dropped, previous.stream_total)
    return replace(
        sample,
        bitrate_kbps=bitrate,
        render_skipped_pct=_interval_pct(sample.render_skipped, sample.render_total,
                                         previous.render_skipped, previous.render_total),
        output_skipped_pct=_interval_pct(sample.output_skipped, sample.output_total,
                                         previous.output_skipped, previous.output_total),
        stream_dropped_pct=stream_pct,
    )


class Level(enum.IntEnum):
    OK = 0
    AMBER = 1
    RED = 2


class HealthFigure(enum.Enum):
    FPS = "fps"
    RENDER_SKIPPED = "render_skipped"  # frames missed by rendering lag
    OUTPUT_SKIPPED = "output_skipped"  # frames skipped by encoding lag
    STREAM_DROPPED = "stream_dropped"  # frames dropped by the network
    CPU = "cpu"
    MEMORY = "memory"
    BITRATE = "bitrate"
    CONGESTION = "congestion"


@dataclass(frozen=True)
class HealthThresholds:
    """Where a figure turns amber and red. None switches a check off."""

    fps_amber_below: float = 0.95  # fraction of the canvas frame rate
    fps_red_below: float = 0.80
    skipped_amber_pct: float = 1.0
    skipped_red_pct: float = 5.0
    cpu_amber_pct: float | None = 70.0
    cpu_red_pct: float | None = 90.0
    memory_amber_mb: float | None = None
    memory_red_mb: float | None = None
    # Judged only while streaming: a bitrate near zero means viewers see a frozen picture.
    bitrate_amber_below_kbps: float | None = 1500.0
    bitrate_red_below_kbps: float | None = 300.0
    congestion_amber: float = 0.15
    congestion_red: float = 0.5


def _above(value: float | None, amber: float | None, red: float | None) -> Level:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return Level.OK
    if red is not None and value >= red:
        return Level.RED
    if amber is not None and value >= amber:
        return Level.AMBER
    return Level.OK


def _below(value: float | None, amber: float | None, red: float | None) -> Level:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return Level.OK
    if red is not None and value < red:
        return Level.RED
    if amber is not None and value < amber:
        return Level.AMBER
    return Level.OK


@dataclass(frozen=True)
class HealthVerdict:
    levels: Mapping[HealthFigure, Level] = field(default_factory=dict)

    def level(self, figure: HealthFigure) -> Level:
        return self.levels.get(figure, Level.OK)

    @property
    def worst(self) -> Level:
        return max(self.levels.values(), default=Level.OK)

    def raised_since(self, previous: HealthVerdict | None) -> tuple[HealthFigure, ...]:
        """Figures that got worse: what an alert should name."""
        return tuple(figure for figure, level in self.levels.items()
                     if level > (previous.level(figure) if previous else Level.OK))


def judge_health(sample: StreamHealth, thresholds: HealthThresholds = HealthThresholds()) -> HealthVerdict:
    t = thresholds
    fps_ratio = (sample.active_fps / sample.target_fps
                 if sample.target_fps and sample.target_fps > 0 else None)
    levels = {
        HealthFigure.FPS: _below(fps_ratio, t.fps_amber_below, t.fps_red_below),
        HealthFigure.RENDER_SKIPPED: _above(sample.render_skipped_pct, t.skipped_amber_pct, t.skipped_red_pct),
        HealthFigure.OUTPUT_SKIPPED: _above(sample.output_skipped_pct, t.skipped_amber_pct, t.skipped_red_pct),
        HealthFigure.STREAM_DROPPED: _above(sample.stream_dropped_pct, t.skipped_amber_pct, t.skipped_red_pct),
        HealthFigure.CPU: _above(sample.cpu_pct, t.cpu_amber_pct, t.cpu_red_pct),
        HealthFigure.MEMORY: _above(sample.memory_mb, t.memory_amber_mb, t.memory_red_mb),
        HealthFigure.BITRATE: (_below(sample.bitrate_kbps, t.bitrate_amber_below_kbps, t.bitrate_red_below_kbps)
                               if sample.streaming else Level.OK),
        HealthFigure.CONGESTION: (_above(sample.congestion, t.congestion_amber, t.congestion_red)
                                  if sample.streaming else Level.OK),
    }
    return HealthVerdict(levels)


# --- reconnecting --------------------------------------------------------------------------


class RandomSource(Protocol):
    """What the backoff needs from an RNG (`random.Random` fits); passed in so tests can seed it."""

    def random(self) -> float: ...


@dataclass(frozen=True)
class Backoff:
    """Delays between reconnect attempts: doubling from `initial` up to `maximum`.

    Up to `jitter` of each delay is taken off at random, so consoles that lost the same OBS do not
    all come back in the same instant; no delay is ever shorter than `initial`.
    """

    initial: float = 0.5
    maximum: float = 30.0
    factor: float = 2.0
    jitter: float = 0.25

    def __post_init__(self) -> None:
        if not (0 < self.initial <= self.maximum) or self.factor < 1 or not (0 <= self.jitter < 1):
            raise ValueError(f"bad backoff policy: {self}")

    def ceiling(self, attempt: int) -> float:
        """The longest delay before retry number `attempt` (0 = the first retry)."""
        if attempt <= 0:
            return self.initial
        if self.factor == 1:
            return self.initial
        # Stop multiplying once past the cap, so a long outage never overflows a float.
        limit = math.log(self.maximum / self.initial, self.factor)
        if attempt >= limit:
            return self.maximum
        return min(self.maximum, self.initial * self.factor ** attempt)

    def delay(self, attempt: int, rng: RandomSource) -> float:
        ceiling = self.ceiling(attempt)
        return max(self.initial, ceiling * (1.0 - self.jitter * rng.random()))


class ObsEvents:
    """What an OBS adapter emits. Callbacks run on the adapter's own thread, never the UI thread."""

    def __init__(self) -> None:
        self.state_changed: Signal[ConnectionState] = Signal("state_changed")
        self.snapshot_changed: Signal[ObsSnapshot] = Signal("snapshot_changed")
        self.scene_changed: Signal[SceneChange] = Signal("scene_changed")
        self.health_sampled: Signal[StreamHealth] = Signal("health_sampled")
