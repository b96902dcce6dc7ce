"""Audio meter cost and latency, and camera preview cost, on a private PulseAudio and a generated video.

`python bench/devices.py` starts its own PulseAudio (tests/helpers/pulse.py) and writes a 1280×720 30 fps
video (tests/helpers/videos.py). Prints one JSON object on its last line. `preview_ui_ms_p95` is the UI
thread's time per frame the real devices panel shows (offscreen), at the source's frame rate.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from tests.helpers.pulse import start_private_pulse  # noqa: E402
from tests.helpers.videos import CASES, write_video  # noqa: E402

DISPLAY_HZ = 30  # how often a panel would ask the meter for a reading


def cpu_share(seconds: float, work) -> float:
    """Percent of one core this process used while `work(deadline)` ran for `seconds`."""
    cpu0, wall0 = time.process_time(), time.perf_counter()
    work(wall0 + seconds)
    return 100.0 * (time.process_time() - cpu0) / (time.perf_counter() - wall0)


def thread_cpu_ns() -> dict[str, tuple[str, int]]:
    """CPU nanoseconds per thread of this process, by thread id, with the thread's name (Linux); empty elsewhere."""
    found: dict[str, tuple[str, int]] = {}
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/self/task/{task}/stat") as stat, open(f"/proc/self/task/{task}/schedstat") as sched:
                text, ns = stat.read(), int(sched.read().split()[0])
        except (OSError, ValueError, IndexError):
            continue
        found[task] = (text[text.index("(") + 1:text.rindex(")")], ns)
    return found


def per_thread_pct(before: dict[str, tuple[str, int]], after: dict[str, tuple[str, int]], seconds: float) -> dict:
    """Percent of one core per thread name, summed over the threads of that name that ran in between."""
    shares: dict[str, float] = {}
    for task, (name, ns) in after.items():
        spent = ns - before.get(task, (name, 0))[1]
        if spent > 0:
            shares[name] = shares.get(name, 0.0) + 100.0 * spent / 1e9 / seconds
    return {name: round(share, 2) for name, share in sorted(shares.items())}


def poll_at(hz: float, deadline: float, call) -> None:
    period = 1.0 / hz
    due = time.perf_counter()
    while time.perf_counter() < deadline:
        call()
        due += period
        pause = due - time.perf_counter()
        if pause > 0:
            time.sleep(pause)


def bench_meter(seconds: float, trials: int, block_ms: float | None, rounds: int) -> dict:
    """The meter's CPU against a floor: a bare PortAudio stream on the same device with the same settings and
    a callback that does nothing. Both are read by the same 30 Hz loop (the floor's loop calls nothing), in
    alternating rounds so that the machine's other load falls on both alike; medians of the rounds."""
    import sounddevice as sd

    from liveconsole.devices.audio import Meter

    def new_meter() -> Meter:
        meter = Meter() if block_ms is None else Meter(block_seconds=block_ms / 1000)
        meter.start()
        deadline = time.monotonic() + 5
        while meter.cursor == 0 and time.monotonic() < deadline:
            time.sleep(0.005)
        return meter

    idle = cpu_share(seconds, lambda deadline: poll_at(DISPLAY_HZ, deadline, lambda: None))
    settings = Meter() if block_ms is None else Meter(block_seconds=block_ms / 1000)

    def floor_round() -> tuple[float, dict]:
        delivered = threading.Event()
        stream = sd.InputStream(device=settings.device.index, channels=1, samplerate=settings.samplerate,
                                dtype="float32", latency=settings.latency, blocksize=settings.blocksize,
                                callback=lambda indata, frames, time_info, status: delivered.set())
        with stream:
            delivered.wait(5)
            before = thread_cpu_ns()
            share = cpu_share(seconds, lambda deadline: poll_at(DISPLAY_HZ, deadline, lambda: None))
            return share, per_thread_pct(before, thread_cpu_ns(), seconds)

    def meter_round() -> tuple[float, dict]:
        meter = new_meter()
        try:
            before = thread_cpu_ns()
            share = cpu_share(seconds, lambda deadline: poll_at(DISPLAY_HZ, deadline, meter.reading))
            return share, per_thread_pct(before, thread_cpu_ns(), seconds)
        finally:
            meter.stop()

    floors: list[tuple[float, dict]] = []
    meters: list[tuple[float, dict]] = []
    for _ in range(rounds):
        floors.append(floor_round())
        meters.append(meter_round())
    metering = statistics.median(share for share, _ in meters)
    floor = statistics.median(share for share, _ in floors)
    per_thread = min(meters, key=lambda m: abs(m[0] - metering))[1]
    floor_per_thread = min(floors, key=lambda m: abs(m[0] - floor))[1]

    meter = new_meter()
    try:
        # A tone switched on in an output stream that already plays silence: nothing to open on the way.
        samplerate = 48000
        phase = np.arange(4096)
        playing = threading.Event()
        position = [0]

        def callback(outdata, frames, time_info, status):
            if playing.is_set():
                n = position[0] + phase[:frames]
                outdata[:, 0] = 0.5 * np.sin(2 * math.pi * 1000 * n / samplerate)
                position[0] += frames
            else:
                outdata.fill(0)

        latencies = []
        with sd.OutputStream(device="pulse", channels=1, samplerate=samplerate, dtype="float32", latency="low",
                             callback=callback):
            for _ in range(trials):
                quiet_until = time.monotonic() + 0.3
                while time.monotonic() < quiet_until:
                    meter.reading()
                    time.sleep(0.002)
                started = time.perf_counter()
                playing.set()
                while meter.reading().rms_dbfs <= -20.0:
                    if time.perf_counter() - started > 2:
                        break
                    time.sleep(0.001)
                latencies.append((time.perf_counter() - started) * 1000)
                playing.clear()
    finally:
        meter.stop()
    latencies.sort()
    return {
        "meter_cpu_pct": round(metering - idle, 2),
        "meter_floor_cpu_pct": round(floor - idle, 2),
        "meter_over_floor_cpu_pct": round(metering - floor, 2),
        "meter_process_cpu_pct": round(metering, 2),
        "idle_poll_cpu_pct": round(idle, 2),
        "meter_rounds": rounds,
        "meter_latency_ms": round(statistics.median(latencies), 1),
        "meter_latency_ms_p95": round(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 1),
        "meter_latency_trials": len(latencies),
        "meter_block_ms": round(1000 * meter.blocksize / meter.samplerate, 1),
        "meter_samplerate": meter.samplerate,
        # "threaded-ml" is libpulse's client thread (ALSA's pulse plugin); "python" is PortAudio's callback
        # thread plus the main thread's 30 Hz loop; any other is a library's worker (BLAS, ...).
        "meter_cpu_by_thread_pct": per_thread,
        "meter_floor_cpu_by_thread_pct": floor_per_thread,
    }


def bench_preview(seconds: float) -> dict:
    from liveconsole.devices.camera import open_camera

    with tempfile.TemporaryDirectory() as folder:
        path = write_video(Path(folder) / "preview.avi", CASES["normal"])  # 1280x720, 30 fps, MJPG
        baseline = cpu_share(seconds, lambda deadline: poll_at(60, deadline, lambda: None))
        camera = open_camera(str(path), preview_size=(640, 360)).result(15)
        shown = []
        try:
            def show() -> None:
                frame = camera.latest()
                if frame is not None and (not shown or shown[-1] != frame.number):
                    shown.append(frame.number)

            first = camera.latest().number
            total = cpu_share(seconds, lambda deadline: poll_at(60, deadline, show))
            fps = camera.fps(window_s=seconds)
        finally:
            camera.close()
    return {
        "preview_cpu_pct": round(total - baseline, 2),
        "preview_process_cpu_pct": round(total, 2),
        "preview_source_fps": round(fps or 0.0, 1),
        "preview_frames_shown": len(shown),
        "preview_first_frame": first,
    }


def busy(until: float) -> None:
    """A process that keeps one core busy (the --load option)."""
    while time.time() < until:
        pass


def bench_panel(seconds: float) -> dict:
    """The devices panel showing a 1280×720 30 fps source: UI-thread milliseconds per displayed frame, that is
    the frame timer's tick that hands the frame over plus the paint that shows it.

    The floor, in the same process right after: the same source open (so its reader thread loads the machine
    alike) while a bare widget paints a ready QImage of the size the panel showed, timed the same way."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    from liveconsole.devices.camera import open_camera
    from liveconsole.gui.devices_panel import DevicesPanel
    from liveconsole.gui.taskman import TaskManager

    class FrameClock(QObject):
        """Runs `timer`'s ticks and `widget`'s paints itself, timed; a paint is charged with the tick before it."""

        def __init__(self, timer: QTimer, widget: QWidget) -> None:
            super().__init__()
            self.timer, self.widget = timer, widget
            self.frames: list[float] = []
            self._tick_ms: float | None = None
            timer.installEventFilter(self)
            widget.installEventFilter(self)

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 — Qt's name
            if watched is self.timer and event.type() == QEvent.Type.Timer:
                started = time.perf_counter()
                QTimer.event(self.timer, event)
                self._tick_ms = (time.perf_counter() - started) * 1000
                return True
            if watched is self.widget and event.type() == QEvent.Type.Paint:
                started = time.perf_counter()
                type(self.widget).paintEvent(self.widget, event)
                painted = (time.perf_counter() - started) * 1000
                if self._tick_ms is not None:
                    self.frames.append(self._tick_ms + painted)
                    self._tick_ms = None
                return True
            return False

    def percentiles(times: list[float], prefix: str) -> dict:
        times = sorted(times[5:])  # the first frames include caches warming up
        if not times:
            return {f"{prefix}_ms_p95": None, f"{prefix}_frames": 0}
        return {f"{prefix}_ms_p95": round(times[int(0.95 * (len(times) - 1))], 3),
                f"{prefix}_ms_p50": round(times[len(times) // 2], 3), f"{prefix}_frames": len(times)}

    def run_loop(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    app = QApplication.instance() or QApplication([])
    tasks = TaskManager()
    panel = DevicesPanel(tasks, lambda camera, mic: None, lambda item: item.message_code)
    panel.resize(1100, 760)
    panel.show()
    result: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        path = write_video(Path(folder) / "panel.avi", CASES["normal"])
        panel.form.cameraSource.setEditText(str(path))
        clock = FrameClock(panel.frame_timer, panel.form.preview)
        panel.toggle_camera()
        run_loop(int(seconds * 1000) + 1500)  # opening, then the measured stretch
        handler_only = list(panel.preview_ms)
        shown = panel.form.preview.image() if hasattr(panel.form.preview, "image") else \
            panel.form.preview.pixmap().toImage()
        width, height = shown.width(), shown.height()
        panel.close_camera()
        tasks.wait()
        result.update(percentiles(clock.frames, "preview_ui"))
        result.update(percentiles(handler_only, "preview_handler"))
        result["preview_shown_size"] = f"{width}x{height}"

        class Bare(QWidget):
            def __init__(self) -> None:
                super().__init__()
                self.image: QImage | None = None

            def paintEvent(self, event) -> None:  # noqa: N802 — Qt's name
                if self.image is not None:
                    QPainter(self).drawImage(0, 0, self.image)

        images = []
        for shade in (40, 200):
            image = QImage(width, height, QImage.Format.Format_RGB32)
            image.fill(shade)
            images.append(image)
        bare = Bare()
        bare.resize(width, height)
        bare.show()
        camera = open_camera(str(path), preview_size=(width, height)).result(15)
        ticks = QTimer()
        ticks.setInterval(33)
        swap = iter(range(1 << 30))

        def tick() -> None:
            camera.latest()  # the panel asks the camera too
            bare.image = images[next(swap) % 2]
            bare.update()

        ticks.timeout.connect(tick)
        floor_clock = FrameClock(ticks, bare)
        ticks.start()
        run_loop(int(seconds * 1000))
        ticks.stop()
        camera.close()
        bare.close()
        result.update(percentiles(floor_clock.frames, "preview_ui_floor"))
    panel.deleteLater()
    app.processEvents()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each CPU measurement")
    parser.add_argument("--trials", type=int, default=30, help="tone onsets for the latency")
    parser.add_argument("--block-ms", type=float, default=None, help="the meter's PortAudio block length "
                        "(default: the meter's own)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating floor and meter CPU measurements")
    parser.add_argument("--load", type=int, default=0, help="busy processes running while the panel is timed")
    args = parser.parse_args()
    result: dict = {}
    server = start_private_pulse()
    try:
        os.environ.update(server.env)
        from liveconsole.devices.audio import refresh_devices

        refresh_devices()
        server.null_sink()
        result.update(bench_meter(args.seconds, args.trials, args.block_ms, args.rounds))
    finally:
        server.stop()
    result.update(bench_preview(args.seconds))
    hogs = []
    if args.load:
        import multiprocessing

        until = time.time() + 3 * args.seconds + 30
        hogs = [multiprocessing.Process(target=busy, args=(until,), daemon=True) for _ in range(args.load)]
        for hog in hogs:
            hog.start()
    try:
        result.update(bench_panel(args.seconds))
    finally:
        for hog in hogs:
            hog.terminate()
            hog.join()
    result["preview_load_processes"] = args.load
    result["cores"] = os.cpu_count()
    order = ["meter_cpu_pct", "meter_latency_ms", "preview_ui_ms_p95", "preview_cpu_pct"]
    print(json.dumps({**{key: result[key] for key in order}, **{k: v for k, v in result.items() if k not in order}}))


if __name__ == "__main__":
    main()
