"""The whole pre-live checklist without a window: camera, microphone, speakers, OBS and the stream server,
measured side by side and judged into one CheckReport.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone

from liveconsole.core.checks import (
    ITEM_IDS,
    AudioInMeasurement,
    AudioOutMeasurement,
    CameraMeasurement,
    CheckItem,
    CheckReport,
    ObsMeasurement,
    ServerMeasurement,
    Thresholds,
    judge_audio_in,
    judge_audio_out,
    judge_camera,
    judge_obs,
    judge_server,
)
from liveconsole.devices.audio import PHASE_TONE, measure_microphone, play_test_tone

DEFAULT = "default"


@dataclass(frozen=True)
class CheckOptions:
    """What to check. A device is a spec ("default", an index, part of a name, a file or URL) or None to skip."""

    camera: str | None = DEFAULT  # default: camera 0
    audio_in: str | None = DEFAULT
    audio_out: str | None = DEFAULT
    obs_url: str | None = "ws://127.0.0.1:4455"  # None: no OBS rows
    obs_password: str | None = None  # None: LIVECONSOLE_OBS_PASSWORD or the keyring
    required_scenes: tuple[str, ...] = ()  # scenes the session's script switches to
    server: str | None = None  # the stream server's HOST:PORT, for a TCP connect test
    seconds: float = 7.0  # about how long the whole check takes: 2/7 quiet, 5/7 speech, camera throughout
    tone_seconds: float = 1.0
    camera_open_timeout: float = 15.0
    obs_timeout: float = 3.0
    server_timeout: float = 3.0
    thresholds: Thresholds = field(default_factory=Thresholds)

    @property
    def quiet_seconds(self) -> float:
        return self.seconds * 2 / 7

    @property
    def speech_seconds(self) -> float:
        return self.seconds * 5 / 7


def parse_server(address: str) -> tuple[str, int]:
    """(host, port) from HOST:PORT or [IPv6]:PORT; rtmp://HOST[:PORT]/... is accepted too (port 1935)."""
    text = address.strip()
    if "://" in text:
        from urllib.parse import urlsplit

        parts = urlsplit(text)
        if not parts.hostname:
            raise ValueError(f"no host in {address!r}")
        try:
            port = parts.port or {"rtmp": 1935, "rtmps": 443, "srt": 9000}.get(parts.scheme, 0)
        except ValueError:
            raise ValueError(f"bad port in {address!r}") from None
        if not port:
            raise ValueError(f"no port in {address!r}")
        return parts.hostname, port
    host, sep, port_text = text.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(f"not a HOST:PORT address: {address!r}")
    return host, int(port_text)


def check_server(address: str, timeout: float = 3.0) -> ServerMeasurement:
    """Time a TCP connect to the stream server (the RTMP handshake is OBS's business)."""
    host, port = parse_server(address)
    started = time.perf_counter()
    try:
        with socket.create_connection((host, port), timeout=timeout):
            elapsed = (time.perf_counter() - started) * 1000
    except socket.gaierror as exc:
        return ServerMeasurement(address, error="unresolved", detail=str(exc))
    except (socket.timeout, TimeoutError):
        return ServerMeasurement(address, error="timeout", detail=f"no answer in {timeout:g} s")
    except OSError as exc:  # refused, or no route to the host
        return ServerMeasurement(address, error="refused", detail=exc.strerror or str(exc))
    return ServerMeasurement(address, connect_ms=elapsed)


def check_obs(url: str, password: str | None = None, required_scenes: Sequence[str] = (),
              timeout: float = 3.0) -> ObsMeasurement:
    """One short connection to OBS: version, scenes, output video settings and stream state."""
    from obswebsocket import requests as obs_requests

    from liveconsole.core.obs import ObsError, ObsNotConnected, ObsTimeout
    from liveconsole.obs.client import ObsUnavailable, check, open_connection, read_snapshot
    from liveconsole.obs.secrets import load_password
    from liveconsole.obs.status import parse_obs_url

    host, port = parse_obs_url(url)
    if password is None:
        password = load_password(host, port)
    try:
        conn = open_connection(host, port, password, timeout=timeout, subscriptions=0)
    except ObsUnavailable as exc:
        return ObsMeasurement(url, unavailable=exc.reason, detail=exc.detail, required_scenes=tuple(required_scenes))
    try:
        snapshot, fps = read_snapshot(conn, timeout)
        video, stream = conn.call_batch([obs_requests.GetVideoSettings(), obs_requests.GetStreamStatus()],
                                        timeout=timeout)
        check(video)
    except ObsTimeout as exc:
        return ObsMeasurement(url, unavailable="timeout", detail=str(exc), required_scenes=tuple(required_scenes))
    except ObsNotConnected as exc:
        return ObsMeasurement(url, unavailable="refused", detail=str(exc), required_scenes=tuple(required_scenes))
    except ObsError as exc:
        return ObsMeasurement(url, unavailable="timeout", detail=str(exc), required_scenes=tuple(required_scenes))
    finally:
        conn.disconnect()
    s = stream.datain if stream.status else {}
    total, skipped = int(s.get("outputTotalFrames") or 0), int(s.get("outputSkippedFrames") or 0)
    streaming = bool(s.get("outputActive"))
    return ObsMeasurement(
        url,
        obs_version=snapshot.obs_version,
        scenes=snapshot.scenes,
        required_scenes=tuple(required_scenes),
        output_width=int(video.datain["outputWidth"]),
        output_height=int(video.datain["outputHeight"]),
        output_fps=fps,
        streaming=streaming,
        reconnecting=bool(s.get("outputReconnecting")),
        stream_skipped_pct=100.0 * skipped / total if streaming and total > 0 else None,
        congestion=float(s["outputCongestion"]) if streaming and s.get("outputCongestion") is not None else None,
    )


def check_camera(spec: str, watch_seconds: float, thresholds: Thresholds = Thresholds(), *,
                 open_timeout: float = 15.0, on_progress: Callable[[object], object] | None = None,
                 cancel: threading.Event | None = None) -> CameraMeasurement:
    """Open the camera, watch it for `watch_seconds`, and measure what it gave (its first moments, while a
    webcam's exposure settles, are left out)."""
    from liveconsole.devices.camera import CameraError, open_camera

    source = "0" if spec == DEFAULT else spec
    try:
        camera = open_camera(source, timeout=open_timeout, on_progress=on_progress,
                             thresholds=thresholds).result(open_timeout + 5)
    except CameraError as exc:
        return CameraMeasurement(source, error=exc.code, error_detail=exc.detail)
    try:
        settle = min(0.5, watch_seconds / 5)
        since = time.monotonic_ns() + int(settle * 1e9)
        (cancel or threading.Event()).wait(watch_seconds)
        return camera.measurement(since)
    finally:
        camera.close()


def run_checks(options: CheckOptions, *, on_phase: Callable[[str], object] | None = None,
               now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
               cancel: threading.Event | None = None,
               on_meter: Callable[[object], object] | None = None) -> CheckReport:
    """Every check the options ask for, camera / OBS / network alongside the microphone; then the speaker
    tone (after the microphone, so the quiet stretch stays quiet). Nothing here raises for a bad device:
    it becomes a failed row. `on_meter` gets the microphone's meter while the check listens (see
    audio.measure_microphone)."""
    started = now()
    t = options.thresholds
    items: list[CheckItem] = []
    devices: dict[str, str] = {}
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="check") as pool:
        camera = obs = server = None
        if options.camera is not None:
            camera = pool.submit(check_camera, options.camera, options.seconds, t,
                                 open_timeout=options.camera_open_timeout, cancel=cancel)
        if options.obs_url is not None:
            obs = pool.submit(check_obs, options.obs_url, options.obs_password, options.required_scenes,
                              options.obs_timeout)
        if options.server is not None:
            server = pool.submit(check_server, options.server, options.server_timeout)
        if options.audio_in is not None:
            mic = _microphone(options, on_phase, cancel, on_meter)
            devices["audio_in"] = mic.device
            items += judge_audio_in(mic, t)
        if options.audio_out is not None:
            speaker = _speaker(options, on_phase)
            devices["audio_out"] = speaker.device
            items += judge_audio_out(speaker)
        if camera is not None:
            seen = camera.result()
            devices["camera"] = seen.source if seen.width is None else f"{seen.source} ({seen.width}x{seen.height})"
            items += judge_camera(seen, t)
        if obs is not None:
            told = obs.result()
            devices["obs"] = told.url
            items += judge_obs(told, t)
        if server is not None:
            reached = server.result()
            devices["server"] = reached.address
            items += judge_server(reached, t)
    order = {item_id: index for index, item_id in enumerate(ITEM_IDS)}
    items.sort(key=lambda item: order.get(item.id, len(order)))  # stable: a group keeps its own order
    return CheckReport(started, devices, tuple(items))


def _microphone(options: CheckOptions, on_phase: Callable[[str], object] | None,
                cancel: threading.Event | None, on_meter: Callable[[object], object] | None) -> AudioInMeasurement:
    device = None if options.audio_in == DEFAULT else options.audio_in
    return measure_microphone(device, options.quiet_seconds, options.speech_seconds, on_phase=on_phase,
                              cancel=cancel, clip_dbfs=options.thresholds.clip_dbfs, on_meter=on_meter)


def _speaker(options: CheckOptions, on_phase: Callable[[str], object] | None) -> AudioOutMeasurement:
    if on_phase is not None:
        on_phase(PHASE_TONE)
    device = None if options.audio_out == DEFAULT else options.audio_out
    return play_test_tone(device, seconds=options.tone_seconds)
