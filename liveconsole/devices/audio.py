"""Microphones and speakers through sounddevice (PortAudio): device lists, the level meter, the guided
microphone check and the speaker test tone.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from liveconsole.core.checks import (
    PEAK_DECAY_DB_PER_S,
    AudioInMeasurement,
    AudioOutMeasurement,
    Block,
    MeterReading,
    PeakHold,
    Thresholds,
    amplitude_dbfs,
    is_clipping,
    mean_square_dbfs,
    summarize_input,
)

INPUT, OUTPUT = "input", "output"
PHASE_QUIET = "audio.quiet"  # 保持安静: the noise floor is measured
PHASE_SPEAK = "audio.speak"  # 请说话: the speech level is measured
PHASE_TONE = "audio.tone"  # the speaker test tone plays


class AudioError(Exception):
    """A device could not be used; `code` is an audio.in.* / audio.out.* message code."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def _sounddevice(kind: str = INPUT) -> Any:
    """sounddevice, imported on first use: without the PortAudio library only sound is unavailable."""
    try:
        import sounddevice
    except OSError as exc:  # the wheel loads libportaudio at import time
        raise AudioError(f"audio.{_side(kind)}.open_failed", f"PortAudio is not installed: {exc}") from None
    return sounddevice


def _side(kind: str) -> str:
    return "in" if kind == INPUT else "out"


@dataclass(frozen=True)
class AudioDevice:
    index: int
    name: str
    hostapi: str
    inputs: int
    outputs: int
    default_samplerate: float
    is_default_input: bool = False
    is_default_output: bool = False

    @property
    def label(self) -> str:
        return f"{self.name} ({self.hostapi})" if self.hostapi else self.name


def list_devices() -> list[AudioDevice]:
    """Every PortAudio device, in PortAudio's order. Raises AudioError without PortAudio."""
    sd = _sounddevice()
    hostapis = [api["name"] for api in sd.query_hostapis()]
    default_in, default_out = _defaults(sd)
    return [
        AudioDevice(index=index, name=info["name"], hostapi=hostapis[info["hostapi"]] if info["hostapi"] < len(hostapis)
                    else "", inputs=info["max_input_channels"], outputs=info["max_output_channels"],
                    default_samplerate=float(info["default_samplerate"]),
                    is_default_input=index == default_in, is_default_output=index == default_out)
        for index, info in enumerate(sd.query_devices())
    ]


def _defaults(sd: Any) -> tuple[int, int]:
    found = []
    for slot, kind in zip(sd.default.device, ("input", "output")):
        if slot is None or slot < 0:
            try:
                slot = sd.query_devices(kind=kind)["index"]
            except (sd.PortAudioError, ValueError):
                slot = -1
        found.append(int(slot))
    return found[0], found[1]


def input_devices() -> list[AudioDevice]:
    return [d for d in list_devices() if d.inputs > 0]


def output_devices() -> list[AudioDevice]:
    return [d for d in list_devices() if d.outputs > 0]


def refresh_devices() -> None:
    """Ask PortAudio for its device list again (it reads it once). No stream may be open meanwhile."""
    sd = _sounddevice()
    # sounddevice has no public call for this; these two are what its own module set-up runs.
    sd._terminate()
    sd._initialize()


def find_device(spec: str | int | None, kind: str) -> AudioDevice:
    """None or "default": the system default; digits: a PortAudio index; else a case-insensitive part of the name."""
    side = _side(kind)
    devices = [d for d in list_devices() if (d.inputs if kind == INPUT else d.outputs) > 0]
    text = "" if spec is None else str(spec).strip()
    if text in ("", "default"):
        chosen = [d for d in devices if (d.is_default_input if kind == INPUT else d.is_default_output)]
        if chosen:
            return chosen[0]
        if devices:
            return devices[0]
        raise AudioError(f"audio.{side}.not_found", f"no {kind} device on this computer")
    if text.isdigit():
        chosen = [d for d in devices if d.index == int(text)]
    else:
        chosen = [d for d in devices if d.name == text] or [d for d in devices if text.lower() in d.name.lower()]
    if not chosen:
        raise AudioError(f"audio.{side}.not_found", f"no {kind} device matches {text!r}")
    return chosen[0]


class Meter:
    """A live level meter on one input device.

    The PortAudio callback copies each block into a preallocated ring and notes the block's sum of
    squares and peak; `reading()` (the display, a few dozen times a second) only adds up those few
    numbers, and `read()` (the guided check) hands out the samples themselves.
    """

    def __init__(self, device: str | int | AudioDevice | None = None, *, samplerate: float | None = None,
                 ring_seconds: float = 4.0, latency: str | float = "low", block_seconds: float = 0.03,
                 stall_after: float = 2.0,
                 display_window: float = 0.02, clip_dbfs: float = Thresholds.clip_dbfs,
                 peak_decay_db_per_s: float = PEAK_DECAY_DB_PER_S) -> None:
        self.device = device if isinstance(device, AudioDevice) else find_device(device, INPUT)
        self.samplerate = float(samplerate or self.device.default_samplerate or 48000.0)
        self.latency = latency
        # 30 ms blocks: 33 callbacks a second. Each one wakes PortAudio's thread and Python, and that, not
        # the arithmetic, is most of what the meter costs (letting PortAudio choose gave ~650 a second on
        # PulseAudio). PortAudio's ALSA path buffers two blocks, so a tone shows 1.5 blocks after its
        # onset, about 45 ms; 40 ms blocks would take that to about 65 ms.
        self.blocksize = max(64, int(self.samplerate * block_seconds))
        self.stall_after = stall_after
        self.clip_dbfs = clip_dbfs
        self._capacity = int(self.samplerate * ring_seconds)
        self._ring = np.zeros(self._capacity, dtype=np.float32)
        # Reads stay this far behind the oldest sample, clear of the block the callback may be writing.
        self._margin = min(self._capacity // 4, 16384)
        self._display_window = max(1, int(self.samplerate * display_window))
        # Per block, as the callback saw it: sum of squares, largest magnitude, sample count.
        self._slots = max(8, int(ring_seconds / block_seconds))
        self._block_sums = [0.0] * self._slots
        self._block_peaks = [0.0] * self._slots
        self._block_frames = [0] * self._slots
        self._blocks = 0
        self._written = 0
        self._display_block = 0
        self._last_callback = 0.0
        self._overflows = 0
        self._hold = PeakHold(peak_decay_db_per_s)
        self._stream: Any = None
        self._finished = threading.Event()
        self._stopping = False
        self.lost_detail = ""

    def __repr__(self) -> str:
        return f"<Meter {self.device.label} {self.samplerate:g} Hz>"

    # -- the stream ----------------------------------------------------------------------

    def start(self) -> None:
        """Open the device and start metering; raises AudioError (audio.in.open_failed).

        Opening takes about 0.1 s (longer on some Windows drivers): call it off the UI thread."""
        sd = _sounddevice(INPUT)
        self._last_callback = time.monotonic()
        try:
            self._stream = sd.InputStream(device=self.device.index, channels=1, samplerate=self.samplerate,
                                          dtype="float32", latency=self.latency, blocksize=self.blocksize,
                                          callback=self._callback,
                                          finished_callback=self._finished.set)
            self._stream.start()
        except (sd.PortAudioError, ValueError) as exc:
            self._close_stream()
            raise AudioError("audio.in.open_failed", f"{self.device.label}: {exc}") from None

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        # PortAudio's thread: copy, sum up the block, count; nothing that can wait or allocate much.
        samples = indata[:, 0]
        written = self._written
        start = written % self._capacity
        first = min(frames, self._capacity - start)
        self._ring[start:start + first] = samples[:first]
        if first < frames:
            self._ring[:frames - first] = samples[first:]
        slot = self._blocks % self._slots
        if frames:
            self._block_sums[slot] = float(np.square(samples, dtype=np.float64).sum())
            self._block_peaks[slot] = float(np.abs(samples).max())
        else:
            self._block_sums[slot] = self._block_peaks[slot] = 0.0
        self._block_frames[slot] = frames
        # The slot is complete before it is counted: reading() on another thread only looks at counted ones.
        self._blocks += 1
        self._written = written + frames
        self._last_callback = time.monotonic()
        if status:
            self._overflows += 1

    def stop(self) -> None:
        self._stopping = True
        self._close_stream()

    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is None:
            return
        sd = _sounddevice(INPUT)
        try:
            stream.abort()
        except sd.PortAudioError:
            pass  # a vanished device cannot be stopped; closing still frees the stream
        try:
            stream.close()
        except sd.PortAudioError:
            pass

    def __enter__(self) -> Meter:
        if self._stream is None:
            self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def lost(self) -> bool:
        """True once the device stopped delivering (unplugged, or its driver gave up)."""
        stream = self._stream
        if stream is None or self._stopping:
            return False
        if self._finished.is_set() or not stream.active:
            self.lost_detail = "the stream stopped"
            return True
        if time.monotonic() - self._last_callback > self.stall_after:
            self.lost_detail = f"no audio for {self.stall_after:g} s"
            return True
        return False

    @property
    def overflows(self) -> int:
        """Callbacks that reported dropped input (the machine was too busy)."""
        return self._overflows

    # -- reading -------------------------------------------------------------------------

    @property
    def cursor(self) -> int:
        """How many samples have arrived so far: pass it to `read` to get what comes after."""
        return self._written

    def _copy(self, start: int, end: int) -> np.ndarray:
        if end <= start:
            return np.empty(0, dtype=np.float32)
        i, j = start % self._capacity, end % self._capacity
        if i < j:
            return self._ring[i:j].copy()
        return np.concatenate((self._ring[i:], self._ring[:j]))

    def read(self, cursor: int) -> tuple[np.ndarray, int]:
        """The samples after `cursor` (a copy) and the new cursor. Samples older than the ring are skipped."""
        written = self._written
        cursor = max(cursor, written - (self._capacity - self._margin))
        return self._copy(cursor, written), written

    def reading(self, now: float | None = None) -> MeterReading:
        """RMS and peak of the blocks that arrived since the previous reading (at least the latest block,
        and at least `display_window` of audio), with the peak hold. One caller only: the display."""
        now = time.monotonic() if now is None else now
        blocks = self._blocks
        oldest = max(0, blocks - self._slots)
        fresh = max(oldest, min(self._display_block, blocks - 1))
        self._display_block = blocks
        sums = peak = 0.0
        frames = 0
        index = blocks - 1
        while index >= oldest and (index >= fresh or frames < self._display_window):
            slot = index % self._slots
            sums += self._block_sums[slot]
            frames += self._block_frames[slot]
            if self._block_peaks[slot] > peak:
                peak = self._block_peaks[slot]
            index -= 1
        peak_db = amplitude_dbfs(peak)
        return MeterReading(rms_dbfs=mean_square_dbfs(sums / frames if frames else 0.0), peak_dbfs=peak_db,
                            held_peak_dbfs=self._hold.update(peak_db, now),
                            clipping=is_clipping(peak_db, self.clip_dbfs))


def block_levels(samples: np.ndarray) -> tuple[float, float]:
    """(mean square, largest magnitude) of float samples, 1.0 = full scale."""
    if samples.size == 0:
        return 0.0, 0.0
    # Not np.dot: it goes through BLAS, whose worker threads then spin on the other core.
    return float(np.square(samples, dtype=np.float64).sum()) / samples.size, float(np.abs(samples).max())


def check_microphone(meter: Meter, quiet_seconds: float = 2.0, speech_seconds: float = 5.0, *,
                     on_phase: Callable[[str], object] | None = None, block_seconds: float = 0.1,
                     poll_seconds: float = 0.05, cancel: threading.Event | None = None,
                     clock: Callable[[], float] = time.monotonic) -> AudioInMeasurement:
    """The guided check on a running meter: `quiet_seconds` of quiet (noise floor), then "请说话" for
    `speech_seconds` (speech level, clipping). A device that vanishes ends it with error audio.in.lost."""
    cancel = cancel or threading.Event()
    block = max(1, int(meter.samplerate * block_seconds))
    phases: dict[str, list[Block]] = {PHASE_QUIET: [], PHASE_SPEAK: []}
    for phase, seconds in ((PHASE_QUIET, quiet_seconds), (PHASE_SPEAK, speech_seconds)):
        if on_phase is not None:
            on_phase(phase)
        cursor = meter.cursor  # what arrived before the prompt belongs to the previous phase
        pending = np.empty(0, dtype=np.float32)
        end = clock() + seconds
        while True:
            finished = clock() >= end
            if not finished:
                cancel.wait(poll_seconds)
            if meter.lost:
                return AudioInMeasurement(meter.device.label, error="audio.in.lost", error_detail=meter.lost_detail)
            samples, cursor = meter.read(cursor)
            pending = np.concatenate((pending, samples)) if pending.size else samples
            whole = pending.size // block * block
            for offset in range(0, whole, block):
                phases[phase].append(Block(*block_levels(pending[offset:offset + block])))
            pending = pending[whole:]
            if finished or cancel.is_set():
                break
    if not phases[PHASE_SPEAK] and not phases[PHASE_QUIET]:
        return AudioInMeasurement(meter.device.label, error="audio.in.lost", error_detail="no audio arrived")
    return summarize_input(meter.device.label, phases[PHASE_QUIET], phases[PHASE_SPEAK], meter.clip_dbfs)


def measure_microphone(device: str | int | None = None, quiet_seconds: float = 2.0, speech_seconds: float = 5.0,
                       *, on_phase: Callable[[str], object] | None = None, cancel: threading.Event | None = None,
                       clip_dbfs: float = Thresholds.clip_dbfs,
                       on_meter: Callable[[Meter | None], object] | None = None) -> AudioInMeasurement:
    """Open the device, run the guided check, close it; every failure comes back as the measurement's error.

    `on_meter` is given the running meter once it runs (a window shows its level while the check listens)
    and None before it stops."""
    label = "default" if device is None else str(device)
    try:
        meter = Meter(device, clip_dbfs=clip_dbfs)
        label = meter.device.label
        meter.start()
    except AudioError as exc:
        return AudioInMeasurement(label, error=exc.code, error_detail=exc.detail)
    try:
        if on_meter is not None:
            on_meter(meter)
        return check_microphone(meter, quiet_seconds, speech_seconds, on_phase=on_phase, cancel=cancel)
    finally:
        if on_meter is not None:
            on_meter(None)
        meter.stop()


def tone(samplerate: float, seconds: float, frequency: float = 1000.0, amplitude: float = 0.25,
         fade_seconds: float = 0.01) -> np.ndarray:
    """A sine with short fades, so the speaker does not click."""
    count = max(1, int(samplerate * seconds))
    samples = (amplitude * np.sin(2 * math.pi * frequency * np.arange(count) / samplerate)).astype(np.float32)
    fade = min(count // 2, int(samplerate * fade_seconds))
    if fade:
        ramp = np.linspace(0.0, 1.0, fade, dtype=np.float32)
        samples[:fade] *= ramp
        samples[-fade:] *= ramp[::-1]
    return samples


def play_test_tone(device: str | int | None = None, *, seconds: float = 1.0, frequency: float = 1000.0,
                   amplitude: float = 0.25, margin: float = 2.0) -> AudioOutMeasurement:
    """Play a tone on an output device and report how much of it PortAudio took; failures are the error."""
    label = "default" if device is None else str(device)
    try:
        chosen = find_device(device, OUTPUT)
        label = chosen.label
        sd = _sounddevice(OUTPUT)
    except AudioError as exc:
        return AudioOutMeasurement(label, error=exc.code, error_detail=exc.detail)
    samplerate = chosen.default_samplerate or 48000.0
    samples = tone(samplerate, seconds, frequency, amplitude)
    position = [0]
    finished = threading.Event()

    def callback(outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        # PortAudio's thread: copy the next slice of the prepared tone, nothing else.
        start = position[0]
        chunk = samples[start:start + frames]
        outdata[:chunk.size, 0] = chunk
        outdata[chunk.size:] = 0
        position[0] = start + chunk.size
        if position[0] >= samples.size:
            raise sd.CallbackStop

    try:
        stream = sd.OutputStream(device=chosen.index, channels=1, samplerate=samplerate, dtype="float32",
                                 callback=callback, finished_callback=finished.set)
    except (sd.PortAudioError, ValueError) as exc:
        return AudioOutMeasurement(label, error="audio.out.open_failed", error_detail=str(exc))
    try:
        stream.start()
        deadline = time.monotonic() + seconds + margin
        while not finished.wait(0.05):
            if time.monotonic() >= deadline or not stream.active:
                break
    except sd.PortAudioError as exc:
        return AudioOutMeasurement(label, position[0] / samplerate, "audio.out.open_failed", str(exc))
    finally:
        try:
            stream.abort()
            stream.close()
        except sd.PortAudioError:
            pass
    played = position[0] / samplerate
    if position[0] < samples.size:
        return AudioOutMeasurement(label, played, "audio.out.lost", f"stopped after {played:.2f} s")
    return AudioOutMeasurement(label, played)
