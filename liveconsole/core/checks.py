"""Pre-live checks as the core sees them: item ids, verdicts from measurements, thresholds, reports, meter math.

Pure: adapters measure (camera frames, audio blocks, OBS answers) and hand plain numbers in here.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from typing import Any, Protocol

# --- items and verdicts --------------------------------------------------------------------


class Verdict(enum.Enum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Verdict.PASS: 0, Verdict.WARN: 1, Verdict.FAIL: 2}


def worst(verdicts: Sequence[Verdict] | Any) -> Verdict:
    """The most severe verdict; PASS for none."""
    return max(verdicts, key=lambda v: v.rank, default=Verdict.PASS)


# Stable item ids: reports in the database and scripts reading `liveconsole check --json` rely on
# them. Documented in liveconsole/devices/CHECKS.md; never rename one, add a new one instead.
CAMERA_OPEN = "camera.open"
CAMERA_RESOLUTION = "camera.resolution"
CAMERA_FPS = "camera.fps"
CAMERA_BRIGHTNESS = "camera.brightness"
CAMERA_SHARPNESS = "camera.sharpness"
CAMERA_FROZEN = "camera.frozen"
AUDIO_IN_LEVEL = "audio.in.level"
AUDIO_IN_CLIPPING = "audio.in.clipping"
AUDIO_IN_NOISE_FLOOR = "audio.in.noise_floor"
AUDIO_OUT_TONE = "audio.out.tone"
OBS_CONNECTED = "obs.connected"
OBS_SCENES = "obs.scenes"
OBS_OUTPUT = "obs.output"
OBS_STREAM = "obs.stream"
NETWORK_SERVER = "network.server"

ITEM_IDS = (
    CAMERA_OPEN, CAMERA_RESOLUTION, CAMERA_FPS, CAMERA_BRIGHTNESS, CAMERA_SHARPNESS, CAMERA_FROZEN,
    AUDIO_IN_LEVEL, AUDIO_IN_CLIPPING, AUDIO_IN_NOISE_FLOOR, AUDIO_OUT_TONE,
    OBS_CONNECTED, OBS_SCENES, OBS_OUTPUT, OBS_STREAM, NETWORK_SERVER,
)

# Every message code an item can carry; the GUI and the CLI hold the words for each.
MESSAGE_CODES = (
    "camera.opened", "camera.not_found", "camera.open_failed", "camera.open_timeout", "camera.lost",
    "camera.resolution_ok", "camera.low_resolution",
    "camera.fps_ok", "camera.low_fps",
    "camera.brightness_ok", "camera.too_dark", "camera.over_exposed",
    "camera.sharp", "camera.blurry", "camera.focus_lost", "camera.sharpness_unknown",
    "camera.moving", "camera.frozen",
    "audio.in.good", "audio.in.too_quiet", "audio.in.silent",
    "audio.in.not_found", "audio.in.open_failed", "audio.in.lost",
    "audio.in.no_clipping", "audio.in.clipping",
    "audio.in.quiet_background", "audio.in.noisy",
    "audio.out.played", "audio.out.not_found", "audio.out.open_failed", "audio.out.lost",
    "obs.connected", "obs.not_running", "obs.wrong_password", "obs.no_answer", "obs.not_obs",
    "obs.scenes_ok", "obs.scenes_missing", "obs.no_scenes",
    "obs.output_ok", "obs.output_low",
    "obs.not_streaming", "obs.stream_ok", "obs.stream_reconnecting", "obs.stream_skipping", "obs.stream_congested",
    "network.server_ok", "network.server_slow", "network.server_refused", "network.server_timeout",
    "network.server_unresolved",
)

# Values shown with their item; the GUI and exports turn these into words or symbols.
UNIT_PX = "px"
UNIT_FPS = "fps"
UNIT_LUMA = "luma"  # mean brightness, 0 (black) to 255 (white)
UNIT_SHARPNESS = "lap_var"  # variance of the Laplacian on the 320-pixel-wide grey frame
UNIT_SECONDS = "s"
UNIT_DBFS = "dBFS"
UNIT_PERCENT = "%"
UNIT_MS = "ms"
UNIT_COUNT = "count"


@dataclass(frozen=True)
class CheckItem:
    """One row of the checklist: what was measured and what it means (as a code the UI translates)."""

    id: str
    verdict: Verdict
    value: float | int | str | None
    unit: str
    message_code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "verdict": self.verdict.value, "value": self.value, "unit": self.unit,
                "message_code": self.message_code, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckItem:
        return cls(id=data["id"], verdict=Verdict(data["verdict"]), value=data.get("value"),
                   unit=data.get("unit", ""), message_code=data["message_code"],
                   params=dict(data.get("params") or {}))


@dataclass(frozen=True)
class CheckReport:
    """One run of the checklist: when it started (aware wall time), which devices it used, every row."""

    started: datetime
    devices: Mapping[str, str]
    items: tuple[CheckItem, ...]

    def __post_init__(self) -> None:
        if self.started.tzinfo is None or self.started.utcoffset() is None:
            raise ValueError("a report's start time must carry its time zone")
        object.__setattr__(self, "items", tuple(self.items))

    @property
    def verdict(self) -> Verdict:
        return worst(item.verdict for item in self.items)

    def item(self, item_id: str) -> CheckItem | None:
        return next((item for item in self.items if item.id == item_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {"started": self.started.isoformat(), "devices": dict(self.devices),
                "verdict": self.verdict.value, "items": [item.to_dict() for item in self.items]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckReport:
        return cls(started=datetime.fromisoformat(data["started"]), devices=dict(data.get("devices") or {}),
                   items=tuple(CheckItem.from_dict(item) for item in data.get("items") or ()))


class CheckReportRepository(Protocol):
    """Where reports are kept, with their session (the review shows them again)."""

    def save_report(self, session_id: int, report: CheckReport) -> int: ...

    def reports(self, session_id: int) -> list[tuple[int, CheckReport]]: ...


# --- thresholds ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Thresholds:
    """Where each measurement turns amber (WARN) or red (FAIL). Stored as a plain mapping in settings."""

    # Camera (and OBS output): the picture a selling room needs.
    min_width: int = 1280
    min_height: int = 720
    min_fps: float = 25.0  # below: WARN
    fail_fps: float = 15.0  # below: FAIL
    # Mean brightness of the grey frame, 0–255.
    dark_fail: float = 40.0
    dark_warn: float = 70.0
    bright_warn: float = 190.0
    bright_fail: float = 220.0
    # Variance of the Laplacian on the 320-pixel-wide grey frame; a focused room scene reaches hundreds.
    blurry_below: float = 60.0
    # Below this share of the sharpest picture this camera gave (when that is known): focus drifted.
    focus_drop_ratio: float = 0.5
    frozen_seconds: float = 2.0  # a picture that does not change this long is frozen
    frozen_change: float = 0.05  # mean absolute grey-level change that counts as "changed"
    # Microphone, in dBFS.
    silence_dbfs: float = -60.0
    too_quiet_dbfs: float = -40.0  # loud speech below this is too quiet for viewers
    clip_dbfs: float = -1.0
    noisy_floor_dbfs: float = -45.0  # background at least this loud is noisy, whatever the speech
    snr_warn_db: float = 20.0  # speech less than this above the background: WARN
    snr_fail_db: float = 10.0
    # OBS while streaming.
    skipped_warn_pct: float = 1.0
    skipped_fail_pct: float = 5.0
    congestion_warn: float = 0.15
    congestion_fail: float = 0.5
    # Stream server TCP connect.
    server_slow_ms: float = 300.0

    def to_mapping(self) -> dict[str, float | int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Thresholds:
        """Defaults with `values` on top; unknown names and values of the wrong type are ignored."""
        known = {f.name: type(getattr(cls(), f.name)) for f in fields(cls)}
        chosen: dict[str, Any] = {}
        for name, value in values.items():
            wanted = known.get(name)
            if wanted is None or isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            if wanted is int and not float(value).is_integer():
                continue
            if isinstance(value, float) and not math.isfinite(value):
                continue
            chosen[name] = wanted(value)
        return replace(cls(), **chosen)


# --- meter math ----------------------------------------------------------------------------

DBFS_FLOOR = -120.0  # what digital silence reads as; JSON has no -inf
PEAK_DECAY_DB_PER_S = 20.0 / 1.7


def amplitude_dbfs(amplitude: float) -> float:
    """A sample magnitude (1.0 = full scale) in dBFS, never below DBFS_FLOOR."""
    if amplitude <= 0 or math.isnan(amplitude):
        return DBFS_FLOOR
    return max(DBFS_FLOOR, 20.0 * math.log10(amplitude))


def mean_square_dbfs(mean_square: float) -> float:
    """The RMS level in dBFS from the mean of the squared samples (a 0.5-amplitude sine: −9.03)."""
    if mean_square <= 0 or math.isnan(mean_square):
        return DBFS_FLOOR
    return max(DBFS_FLOOR, 10.0 * math.log10(mean_square))


def is_clipping(peak_dbfs: float, clip_dbfs: float = Thresholds.clip_dbfs) -> bool:
    return peak_dbfs >= clip_dbfs


class PeakHold:
    """The meter's peak marker: jumps up to a new peak at once, then falls 20 dB per 1.7 s."""

    def __init__(self, decay_db_per_s: float = PEAK_DECAY_DB_PER_S) -> None:
        self.decay_db_per_s = decay_db_per_s
        self._held = DBFS_FLOOR
        self._at: float | None = None

    def update(self, peak_dbfs: float, now_s: float) -> float:
        """Feed the latest block's peak at time `now_s` (seconds, monotonic); returns the marker's level."""
        decayed = self.level(now_s)
        self._held = max(peak_dbfs, decayed)
        self._at = now_s
        return self._held

    def level(self, now_s: float) -> float:
        if self._at is None:
            return DBFS_FLOOR
        return max(DBFS_FLOOR, self._held - self.decay_db_per_s * max(0.0, now_s - self._at))


@dataclass(frozen=True)
class MeterReading:
    """What the level meter shows now."""

    rms_dbfs: float
    peak_dbfs: float
    held_peak_dbfs: float
    clipping: bool


@dataclass(frozen=True)
class Block:
    """One short stretch of microphone audio, reduced to two numbers."""

    mean_square: float
    peak: float  # largest sample magnitude, 1.0 = full scale


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which `fraction` of `values` lie (linear between neighbours)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * min(1.0, max(0.0, fraction))
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


# --- camera --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CameraMeasurement:
    """A camera watched for a while. `error` is a camera.* message code when it never gave a picture."""

    source: str
    error: str | None = None
    error_detail: str = ""
    lost: bool = False
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    brightness: float | None = None
    sharpness: float | None = None
    best_sharpness: float | None = None  # the sharpest this camera has been (its focused reference)
    still_seconds: float = 0.0  # longest stretch without a visible change


def _r(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(float(value), digits)


def judge_camera(m: CameraMeasurement, t: Thresholds = Thresholds()) -> list[CheckItem]:
    if m.error is not None:
        return [CheckItem(CAMERA_OPEN, Verdict.FAIL, None, "", m.error,
                          {"source": m.source, "detail": m.error_detail})]
    items = [CheckItem(CAMERA_OPEN, Verdict.FAIL if m.lost else Verdict.PASS, m.source, "",
                       "camera.lost" if m.lost else "camera.opened", {"source": m.source})]
    if m.width is not None and m.height is not None:
        small = m.width < t.min_width or m.height < t.min_height
        items.append(CheckItem(
            CAMERA_RESOLUTION, Verdict.WARN if small else Verdict.PASS, f"{m.width}x{m.height}", UNIT_PX,
            "camera.low_resolution" if small else "camera.resolution_ok",
            {"width": m.width, "height": m.height, "min_width": t.min_width, "min_height": t.min_height}))
    if m.fps is not None:
        verdict = Verdict.FAIL if m.fps < t.fail_fps else Verdict.WARN if m.fps < t.min_fps else Verdict.PASS
        items.append(CheckItem(CAMERA_FPS, verdict, _r(m.fps), UNIT_FPS,
                               "camera.fps_ok" if verdict is Verdict.PASS else "camera.low_fps",
                               {"fps": _r(m.fps), "min_fps": t.min_fps}))
    badly_lit = False
    if m.brightness is not None:
        b = m.brightness
        if b < t.dark_fail or b > t.bright_fail:
            verdict = Verdict.FAIL
        elif b < t.dark_warn or b > t.bright_warn:
            verdict = Verdict.WARN
        else:
            verdict = Verdict.PASS
        code = ("camera.brightness_ok" if verdict is Verdict.PASS
                else "camera.too_dark" if b < t.dark_warn else "camera.over_exposed")
        items.append(CheckItem(CAMERA_BRIGHTNESS, verdict, _r(b), UNIT_LUMA, code, {"brightness": _r(b)}))
        badly_lit = verdict is Verdict.FAIL
    if m.sharpness is not None:
        ratio = (m.sharpness / m.best_sharpness
                 if m.best_sharpness and m.best_sharpness > m.sharpness else 1.0)
        if badly_lit:
            # Darkness and glare both wipe out edges: focus cannot be judged until the light is fixed.
            verdict, code = Verdict.WARN, "camera.sharpness_unknown"
        elif m.sharpness < t.blurry_below:
            verdict, code = Verdict.WARN, "camera.blurry"
        elif ratio < t.focus_drop_ratio:
            verdict, code = Verdict.WARN, "camera.focus_lost"
        else:
            verdict, code = Verdict.PASS, "camera.sharp"
        items.append(CheckItem(CAMERA_SHARPNESS, verdict, _r(m.sharpness), UNIT_SHARPNESS, code,
                               {"sharpness": _r(m.sharpness), "best": _r(m.best_sharpness),
                                "ratio_pct": round(100 * ratio)}))
    if m.width is not None:
        frozen = m.still_seconds >= t.frozen_seconds
        items.append(CheckItem(CAMERA_FROZEN, Verdict.FAIL if frozen else Verdict.PASS, _r(m.still_seconds),
                               UNIT_SECONDS, "camera.frozen" if frozen else "camera.moving",
                               {"seconds": _r(m.still_seconds)}))
    return items


# --- microphone and speakers ---------------------------------------------------------------


@dataclass(frozen=True)
class AudioInMeasurement:
    """A guided microphone check: a quiet stretch, then speech. `error` is an audio.in.* code."""

    device: str
    noise_floor_dbfs: float | None = None
    speech_dbfs: float | None = None  # loud speech: the 90th percentile of the speech blocks' RMS
    peak_dbfs: float | None = None
    clipped_blocks: int = 0
    error: str | None = None
    error_detail: str = ""


SPEECH_PERCENTILE = 0.9


def summarize_input(device: str, quiet: Sequence[Block], speech: Sequence[Block],
                    clip_dbfs: float = Thresholds.clip_dbfs) -> AudioInMeasurement:
    """Noise floor (median RMS of the quiet blocks), speech level, peak and clipped blocks of the speech."""
    floor = (mean_square_dbfs(percentile([b.mean_square for b in quiet], 0.5)) if quiet else None)
    if not speech:
        return AudioInMeasurement(device, noise_floor_dbfs=floor)
    levels = [mean_square_dbfs(b.mean_square) for b in speech]
    peaks = [amplitude_dbfs(b.peak) for b in speech]
    return AudioInMeasurement(
        device,
        noise_floor_dbfs=floor,
        speech_dbfs=percentile(levels, SPEECH_PERCENTILE),
        peak_dbfs=max(peaks),
        clipped_blocks=sum(1 for p in peaks if is_clipping(p, clip_dbfs)),
    )


def judge_audio_in(m: AudioInMeasurement, t: Thresholds = Thresholds()) -> list[CheckItem]:
    if m.error is not None:
        return [CheckItem(AUDIO_IN_LEVEL, Verdict.FAIL, None, UNIT_DBFS, m.error,
                          {"device": m.device, "detail": m.error_detail})]
    items: list[CheckItem] = []
    speech = m.speech_dbfs
    if speech is not None:
        if speech < t.silence_dbfs:
            verdict, code = Verdict.FAIL, "audio.in.silent"
        elif speech < t.too_quiet_dbfs:
            verdict, code = Verdict.WARN, "audio.in.too_quiet"
        else:
            verdict, code = Verdict.PASS, "audio.in.good"
        items.append(CheckItem(AUDIO_IN_LEVEL, verdict, _r(speech), UNIT_DBFS, code,
                               {"level": _r(speech), "device": m.device}))
    if m.peak_dbfs is not None:
        clipped = m.clipped_blocks > 0
        items.append(CheckItem(AUDIO_IN_CLIPPING, Verdict.FAIL if clipped else Verdict.PASS, _r(m.peak_dbfs),
                               UNIT_DBFS, "audio.in.clipping" if clipped else "audio.in.no_clipping",
                               {"peak": _r(m.peak_dbfs), "blocks": m.clipped_blocks}))
    if m.noise_floor_dbfs is not None:
        floor = m.noise_floor_dbfs
        snr = None if speech is None else speech - floor
        verdict = Verdict.PASS
        if floor >= t.noisy_floor_dbfs:
            verdict = Verdict.WARN
        # Speech that is itself silent says nothing about the background: judge the floor alone then.
        if snr is not None and speech is not None and speech >= t.silence_dbfs:
            if snr < t.snr_fail_db:
                verdict = Verdict.FAIL
            elif snr < t.snr_warn_db:
                verdict = worst([verdict, Verdict.WARN])
        items.append(CheckItem(AUDIO_IN_NOISE_FLOOR, verdict, _r(floor), UNIT_DBFS,
                               "audio.in.quiet_background" if verdict is Verdict.PASS else "audio.in.noisy",
                               {"floor": _r(floor), "snr_db": _r(snr)}))
    return items


@dataclass(frozen=True)
class AudioOutMeasurement:
    device: str
    played_seconds: float = 0.0
    error: str | None = None
    error_detail: str = ""


def judge_audio_out(m: AudioOutMeasurement) -> list[CheckItem]:
    if m.error is not None:
        return [CheckItem(AUDIO_OUT_TONE, Verdict.FAIL, _r(m.played_seconds), UNIT_SECONDS, m.error,
                          {"device": m.device, "detail": m.error_detail})]
    return [CheckItem(AUDIO_OUT_TONE, Verdict.PASS, _r(m.played_seconds), UNIT_SECONDS, "audio.out.played",
                      {"device": m.device})]


# --- OBS and network -----------------------------------------------------------------------

_OBS_REASONS = {
    "refused": "obs.not_running",
    "auth_failed": "obs.wrong_password",
    "timeout": "obs.no_answer",
    "not_websocket": "obs.not_obs",
}


@dataclass(frozen=True)
class ObsMeasurement:
    """What OBS told a one-shot query. `unavailable` is the OBS client's reason code when it could not connect."""

    url: str
    unavailable: str | None = None
    detail: str = ""
    obs_version: str = ""
    scenes: tuple[str, ...] = ()
    required_scenes: tuple[str, ...] = ()
    output_width: int | None = None
    output_height: int | None = None
    output_fps: float | None = None
    streaming: bool = False
    reconnecting: bool = False
    stream_skipped_pct: float | None = None  # frames dropped by the network since the stream started
    congestion: float | None = None


def judge_obs(m: ObsMeasurement, t: Thresholds = Thresholds()) -> list[CheckItem]:
    if m.unavailable is not None:
        return [CheckItem(OBS_CONNECTED, Verdict.FAIL, None, "", _OBS_REASONS.get(m.unavailable, "obs.no_answer"),
                          {"url": m.url, "reason": m.unavailable, "detail": m.detail})]
    items = [CheckItem(OBS_CONNECTED, Verdict.PASS, m.obs_version, "", "obs.connected",
                       {"url": m.url, "version": m.obs_version})]
    missing = [scene for scene in m.required_scenes if scene not in m.scenes]
    if missing:
        items.append(CheckItem(OBS_SCENES, Verdict.FAIL, len(m.scenes), UNIT_COUNT, "obs.scenes_missing",
                               {"missing": missing, "scenes": list(m.scenes)}))
    elif not m.scenes:
        items.append(CheckItem(OBS_SCENES, Verdict.FAIL, 0, UNIT_COUNT, "obs.no_scenes", {}))
    else:
        items.append(CheckItem(OBS_SCENES, Verdict.PASS, len(m.scenes), UNIT_COUNT, "obs.scenes_ok",
                               {"scenes": list(m.scenes), "count": len(m.scenes)}))
    if m.output_width is not None and m.output_height is not None and m.output_fps is not None:
        low = (m.output_width < t.min_width or m.output_height < t.min_height or m.output_fps < t.min_fps)
        fps = round(m.output_fps, 2)
        items.append(CheckItem(
            OBS_OUTPUT, Verdict.WARN if low else Verdict.PASS, f"{m.output_width}x{m.output_height}@{fps:g}", "",
            "obs.output_low" if low else "obs.output_ok",
            {"width": m.output_width, "height": m.output_height, "fps": fps,
             "min_width": t.min_width, "min_height": t.min_height, "min_fps": t.min_fps}))
    items.append(_judge_stream(m, t))
    return items


def _judge_stream(m: ObsMeasurement, t: Thresholds) -> CheckItem:
    if not m.streaming:
        return CheckItem(OBS_STREAM, Verdict.PASS, None, UNIT_PERCENT, "obs.not_streaming", {})
    skipped, congestion = m.stream_skipped_pct, m.congestion
    params = {"skipped_pct": _r(skipped, 2), "congestion": _r(congestion, 2)}
    if m.reconnecting:
        return CheckItem(OBS_STREAM, Verdict.FAIL, _r(skipped, 2), UNIT_PERCENT, "obs.stream_reconnecting", params)

    def level(value: float | None, warn: float, fail: float) -> Verdict:
        if value is None:
            return Verdict.PASS
        return Verdict.FAIL if value >= fail else Verdict.WARN if value >= warn else Verdict.PASS

    skip_level = level(skipped, t.skipped_warn_pct, t.skipped_fail_pct)
    congestion_level = level(congestion, t.congestion_warn, t.congestion_fail)
    verdict = worst([skip_level, congestion_level])
    if verdict is Verdict.PASS:
        code = "obs.stream_ok"
    elif skip_level.rank >= congestion_level.rank:
        code = "obs.stream_skipping"
    else:
        code = "obs.stream_congested"
    return CheckItem(OBS_STREAM, verdict, _r(skipped, 2), UNIT_PERCENT, code, params)


@dataclass(frozen=True)
class ServerMeasurement:
    """A TCP connect to the stream server. `error`: refused, timeout or unresolved."""

    address: str
    connect_ms: float | None = None
    error: str | None = None
    detail: str = ""


def judge_server(m: ServerMeasurement, t: Thresholds = Thresholds()) -> list[CheckItem]:
    params = {"address": m.address, "detail": m.detail}
    if m.error is not None:
        return [CheckItem(NETWORK_SERVER, Verdict.FAIL, None, UNIT_MS, f"network.server_{m.error}", params)]
    slow = m.connect_ms is not None and m.connect_ms > t.server_slow_ms
    return [CheckItem(NETWORK_SERVER, Verdict.WARN if slow else Verdict.PASS, _r(m.connect_ms), UNIT_MS,
                      "network.server_slow" if slow else "network.server_ok",
                      {**params, "ms": _r(m.connect_ms)})]
