"""Cameras through OpenCV: listing sources, opening off the caller's thread, a reader that keeps the
newest frame and measures fps, and picture checks (brightness, sharpness, frozen, lost) a few times a second.
"""

from __future__ import annotations

import logging
import math
import os
import queue
import statistics
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import cv2
import numpy as np

from liveconsole.core.checks import CameraMeasurement, Thresholds
from liveconsole.core.events import Signal

log = logging.getLogger(__name__)

DEVICE, FILE, URL = "device", "file", "url"
CHECK_WIDTH = 320  # picture checks run on a grey frame this wide: cheap, and the same scale for every camera
DEFAULT_FILE_FPS = 30.0


@dataclass(frozen=True)
class CameraSource:
    """Something OpenCV can open: a device index ("0"), a video file, or a stream URL."""

    spec: str
    name: str
    kind: str

    @property
    def index(self) -> int | None:
        return int(self.spec) if self.kind == DEVICE else None


def parse_source(spec: str | int) -> CameraSource:
    """A device index, an http(s)/rtsp/... URL, or a path to a video file (which need not exist yet)."""
    text = str(spec).strip()
    if not text:
        raise ValueError("an empty camera source")
    if text.isdigit():
        return CameraSource(text, _device_name(int(text)), DEVICE)
    parts = urlsplit(text)
    if parts.scheme and len(parts.scheme) > 1 and parts.netloc:  # a one-letter scheme is a Windows drive
        return CameraSource(text, text, URL)
    return CameraSource(text, Path(text).name, FILE)


def _device_name(index: int) -> str:
    # Linux names its video devices in sysfs; other systems give OpenCV no name, so the index it is.
    if sys.platform.startswith("linux"):
        try:
            return Path(f"/sys/class/video4linux/video{index}/name").read_text("utf-8").strip() or f"Camera {index}"
        except OSError:
            pass
    return f"Camera {index}"


def list_sources(max_index: int = 4, extra: Iterable[str] = ()) -> list[CameraSource]:
    """Device indices 0..max_index-1 that open, then `extra` files or URLs (rehearsal videos, IP cameras).

    Probing opens each device briefly: call it off the UI thread.
    """
    found: list[CameraSource] = []
    for index in range(max_index):
        capture = cv2.VideoCapture(index)
        try:
            if capture.isOpened():
                found.append(CameraSource(str(index), _device_name(index), DEVICE))
        finally:
            capture.release()
    found.extend(parse_source(spec) for spec in extra)
    return found


@dataclass(frozen=True)
class Frame:
    """One picture from the camera. The arrays are never written after they are handed out.

    `image` is BGR, height×width×3, uint8, C-contiguous (QImage.Format_BGR888 can wrap it without a copy);
    `preview` is the same picture scaled down for display when the camera has a preview size, and `display`
    is `preview` as B,G,R,X bytes, height×width×4 (QImage.Format_RGB32 wraps it and a screen copies it
    as it is, where BGR888 has to be converted on every paint).
    """

    image: np.ndarray
    preview: np.ndarray | None
    number: int
    mono_ns: int
    display: np.ndarray | None = None


@dataclass(frozen=True)
class PictureStats:
    """The picture checks on one frame, taken a few times a second."""

    mono_ns: int
    brightness: float  # mean grey level, 0–255
    sharpness: float  # variance of the Laplacian on the CHECK_WIDTH grey frame
    change: float | None  # mean absolute grey-level change since the previous check


@dataclass(frozen=True)
class OpenProgress:
    """Where opening stands: opening → first_frame → opened | failed; repeated while a slow camera opens."""

    stage: str
    elapsed_s: float


class CameraError(Exception):
    """A camera could not give a picture; `code` is a camera.* message code."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


class CameraEvents:
    """Emitted on the camera's reader thread."""

    def __init__(self) -> None:
        self.checked: Signal[PictureStats] = Signal("checked")
        self.lost: Signal[str] = Signal("lost")  # the camera.* message code


def _capture(source: CameraSource) -> cv2.VideoCapture:
    if source.kind == DEVICE:
        return cv2.VideoCapture(int(source.spec))
    if source.kind == URL:
        # Without timeouts a dead network camera would hold the reader in read() forever.
        return cv2.VideoCapture(source.spec, cv2.CAP_FFMPEG,
                                [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, 5000, cv2.CAP_PROP_READ_TIMEOUT_MSEC, 3000])
    return cv2.VideoCapture(source.spec, cv2.CAP_FFMPEG)


def grey_for_checks(image: np.ndarray) -> np.ndarray:
    height, width = image.shape[:2]
    small = cv2.resize(image, (CHECK_WIDTH, max(1, round(height * CHECK_WIDTH / width))),
                       interpolation=cv2.INTER_AREA)
    return cv2.cvtColor(small, cv2.COLOR_BGR2GRAY) if small.ndim == 3 else small


def picture_stats(grey: np.ndarray, previous: np.ndarray | None, mono_ns: int) -> PictureStats:
    change = None
    if previous is not None and previous.shape == grey.shape:
        change = float(cv2.absdiff(grey, previous).mean())
    return PictureStats(mono_ns, float(grey.mean()), float(cv2.Laplacian(grey, cv2.CV_64F).var()), change)


class Camera:
    """One open source. A reader thread keeps the newest frame; `measurement()` judges what it saw.

    Files loop from the start and are read at their own frame rate, as a camera would deliver them.
    """

    def __init__(self, capture: cv2.VideoCapture, source: CameraSource, first: np.ndarray, *,
                 thresholds: Thresholds = Thresholds(), check_interval: float = 0.25,
                 preview_size: tuple[int, int] | None = None, lost_after: float = 2.0,
                 best_sharpness: float | None = None) -> None:
        self.source = source
        self.events = CameraEvents()
        self.thresholds = thresholds
        self.check_interval = check_interval
        self.lost_after = lost_after
        self.height, self.width = first.shape[:2]
        self._capture = capture
        self._preview_size = preview_size
        self._file_fps = None
        if source.kind == FILE:
            fps = capture.get(cv2.CAP_PROP_FPS)
            self._file_fps = fps if fps and math.isfinite(fps) and fps > 0 else DEFAULT_FILE_FPS
        self._lock = threading.Lock()
        self._frame_times: deque[int] = deque(maxlen=8192)
        self._stats: deque[PictureStats] = deque(maxlen=4 * 60 * 10)
        self._best_sharpness = best_sharpness
        self._latest: Frame | None = None
        self._ended: str | None = None
        self.lost_detail = ""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._previous_grey: np.ndarray | None = None
        self._next_check_ns = 0
        self._publish(first, time.monotonic_ns(), 0)

    def __repr__(self) -> str:
        return f"<Camera {self.source.spec} {self.width}x{self.height}>"

    # -- reading -------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("already started")
        self._thread = threading.Thread(target=self._read, name=f"camera {self.source.name}", daemon=True)
        self._thread.start()

    def set_preview_size(self, size: tuple[int, int] | None) -> None:
        """Scale each frame to fit (width, height) on the reader thread, so the UI thread only shows it."""
        self._preview_size = size

    def _read(self) -> None:
        capture = self._capture
        period = 1.0 / self._file_fps if self._file_fps else 0.0
        due = time.monotonic() + period
        number = 1
        last_frame = time.monotonic()
        try:
            while not self._stop.is_set():
                if period:
                    wait = due - time.monotonic()
                    if wait > 0 and self._stop.wait(wait):
                        break
                    # On time: the next frame is one period on. Behind (a slow machine): no racing to catch up.
                    due = max(due + period, time.monotonic())
                ok, image = capture.read()
                if not ok and self.source.kind == FILE:
                    capture.set(cv2.CAP_PROP_POS_FRAMES, 0)  # loop: a rehearsal video plays on and on
                    ok, image = capture.read()
                if not ok:
                    if self.source.kind == DEVICE and time.monotonic() - last_frame < self.lost_after:
                        self._stop.wait(0.01)  # a device may miss a frame; unplugged shows as a long gap
                        continue
                    self._end("camera.lost")
                    return
                last_frame = time.monotonic()
                self._publish(image, time.monotonic_ns(), number)
                number += 1
        except cv2.error as exc:
            self._end("camera.lost", str(exc))
        finally:
            capture.release()

    def _end(self, code: str, detail: str = "") -> None:
        self._ended = code
        self.lost_detail = detail
        self.events.lost.emit_guarded(code, _log_failed_callback)

    def _publish(self, image: np.ndarray, now_ns: int, number: int) -> None:
        if image.shape[:2] != (self.height, self.width):
            self.height, self.width = image.shape[:2]
        preview = display = None
        size = self._preview_size
        if size is not None:
            scale = min(size[0] / self.width, size[1] / self.height, 1.0)
            if scale < 1.0:
                target = (max(1, round(self.width * scale)), max(1, round(self.height * scale)))
                preview = cv2.resize(image, target, interpolation=cv2.INTER_AREA)
            else:
                preview = image
            display = cv2.cvtColor(preview, cv2.COLOR_BGR2BGRA)
        stats = None
        if now_ns >= self._next_check_ns:
            self._next_check_ns = now_ns + int(self.check_interval * 1e9)
            # From the full picture, not the preview: its size follows the window, the checks must not.
            grey = grey_for_checks(image)
            stats = picture_stats(grey, self._previous_grey, now_ns)
            self._previous_grey = grey
        with self._lock:
            self._latest = Frame(image, preview, number, now_ns, display)
            self._frame_times.append(now_ns)
            if stats is not None:
                self._stats.append(stats)
                if self._best_sharpness is None or stats.sharpness > self._best_sharpness:
                    self._best_sharpness = stats.sharpness
        if stats is not None:
            self.events.checked.emit_guarded(stats, _log_failed_callback)

    # -- what the console reads ----------------------------------------------------------

    def latest(self) -> Frame | None:
        return self._latest

    @property
    def best_sharpness(self) -> float | None:
        """The sharpest this camera has been: keep it per camera to judge focus next time."""
        return self._best_sharpness

    @property
    def lost(self) -> bool:
        if self._ended is not None:
            return True
        latest = self._latest
        # A reader stuck inside read() (a network camera that went silent) cannot say so itself.
        return (self._thread is not None and latest is not None
                and time.monotonic_ns() - latest.mono_ns > self.lost_after * 1e9)

    def fps(self, window_s: float = 2.0) -> float | None:
        """Frames per second over the last `window_s` of frames."""
        count, newest, oldest = 0, 0, 0
        with self._lock:
            # From the newest back: the display asks for every frame, and the history holds thousands.
            for stamp in reversed(self._frame_times):
                if count == 0:
                    newest = stamp
                elif stamp < newest - window_s * 1e9:
                    break
                oldest = stamp
                count += 1
        if count < 2 or newest <= oldest:
            return None
        return (count - 1) * 1e9 / (newest - oldest)

    def measurement(self, since_ns: int | None = None) -> CameraMeasurement:
        """Everything seen since `since_ns` (monotonic ns; default: the last 2 s), as the core judges it."""
        now = time.monotonic_ns()
        since = now - 2_000_000_000 if since_ns is None else since_ns
        with self._lock:
            times = [t for t in self._frame_times if t >= since]
            stats = [s for s in self._stats if s.mono_ns >= since]
            best = self._best_sharpness
        lost = self.lost
        return CameraMeasurement(
            source=self.source.spec,
            lost=lost,
            width=self.width,
            height=self.height,
            fps=_rate(times),
            brightness=statistics.median(s.brightness for s in stats) if stats else None,
            sharpness=statistics.median(s.sharpness for s in stats) if stats else None,
            best_sharpness=best,
            still_seconds=_longest_still(stats, self.thresholds.frozen_change, None if lost else now),
        )

    # -- closing -------------------------------------------------------------------------

    def close(self, timeout: float = 5.0) -> None:
        """Stop reading; the reader releases the device (at once, or when a blocked read returns)."""
        self._stop.set()
        thread = self._thread
        if thread is None:
            self._capture.release()
        elif thread is not threading.current_thread():
            thread.join(timeout)

    def __enter__(self) -> Camera:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _log_failed_callback(callback: object, exc: Exception) -> None:
    # A broken listener must neither stop the reader nor starve the other listeners.
    log.error("a camera callback failed: %r", callback, exc_info=exc)


def _rate(times: Sequence[int]) -> float | None:
    if len(times) < 2 or times[-1] <= times[0]:
        return None
    return (len(times) - 1) * 1e9 / (times[-1] - times[0])


def _longest_still(stats: Sequence[PictureStats], min_change: float, now_ns: int | None) -> float:
    """The longest time the picture did not change by `min_change`; a still stretch running now counts to now."""
    longest = 0.0
    still_since: int | None = None
    for s in stats:
        if s.change is None or s.change >= min_change:
            still_since = s.mono_ns  # it changed here: a still stretch can only begin now
        else:
            if still_since is None:
                still_since = s.mono_ns  # the stretch began before the window
            longest = max(longest, (s.mono_ns - still_since) / 1e9)
    last = stats[-1] if stats else None
    if now_ns is not None and still_since is not None and last is not None and last.change is not None \
            and last.change < min_change:
        longest = max(longest, (now_ns - still_since) / 1e9)
    return longest


def open_camera(source: CameraSource | str | int, *, timeout: float = 15.0,
                on_progress: Callable[[OpenProgress], object] | None = None,
                progress_interval: float = 0.25, **camera_options: object) -> Future[Camera]:
    """Open `source` on a worker thread; the future gives a started Camera or raises CameraError.

    `on_progress` is called on a worker thread: at each stage, and every `progress_interval` while waiting.
    A device that takes longer than `timeout` fails with camera.open_timeout (it is released when it
    finally answers).
    """
    src = source if isinstance(source, CameraSource) else parse_source(source)
    result: Future[Camera] = Future()
    result.set_running_or_notify_cancel()
    started = time.monotonic()
    # The worker only posts what happens; the watcher alone calls on_progress, so stages arrive in order.
    posted: queue.SimpleQueue[str | Camera | CameraError] = queue.SimpleQueue()

    def report(name: str) -> None:
        if on_progress is not None:
            try:
                on_progress(OpenProgress(name, time.monotonic() - started))
            except Exception:  # noqa: BLE001 — a broken listener must not stop the camera opening
                pass

    def work() -> None:
        try:
            posted.put(_open(src, posted.put, camera_options))
        except CameraError as exc:
            posted.put(exc)
        except Exception as exc:  # noqa: BLE001 — OpenCV and drivers raise anything
            posted.put(CameraError("camera.open_failed", f"{type(exc).__name__}: {exc}"))

    def watch() -> None:
        stage = "opening"
        report(stage)
        threading.Thread(target=work, name=f"camera-open {src.spec}", daemon=True).start()
        deadline = started + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                report("failed")
                result.set_exception(CameraError("camera.open_timeout", f"{src.spec}: no picture in {timeout:g} s"))
                # The worker cannot be interrupted; whatever it opens later is closed again.
                while True:
                    late = posted.get()
                    if isinstance(late, Camera):
                        late.close()
                    if not isinstance(late, str):
                        return
            try:
                news = posted.get(timeout=min(progress_interval, left))
            except queue.Empty:
                report(stage)  # still waiting: the window can say for how long
                continue
            if isinstance(news, str):
                stage = news
                report(stage)
            elif isinstance(news, Camera):
                report("opened")
                result.set_result(news)
                return
            else:
                report("failed")
                result.set_exception(news)
                return

    threading.Thread(target=watch, name=f"camera-open-watch {src.spec}", daemon=True).start()
    return result


def _open(src: CameraSource, report: Callable[[str], None], options: dict) -> Camera:
    if src.kind == FILE and not os.path.exists(src.spec):
        raise CameraError("camera.open_failed", f"{src.spec}: no such file")
    capture = _capture(src)
    if not capture.isOpened():
        capture.release()
        code = "camera.not_found" if src.kind == DEVICE else "camera.open_failed"
        raise CameraError(code, f"{src.spec}: cannot be opened")
    report("first_frame")
    ok, first = capture.read()
    if not ok or first is None:
        capture.release()
        raise CameraError("camera.open_failed", f"{src.spec}: opened but gave no picture")
    camera = Camera(capture, src, first, **options)  # type: ignore[arg-type]
    camera.start()
    return camera
