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


def thread_ticks() -> dict[str, int]:
    """CPU clock ticks per thread name of this process (Linux); empty elsewhere."""
    ticks: dict[str, int] = {}
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return ticks
    for task in tasks:
        try:
            with open(f"/proc/self/task/{task}/stat") as stat:
                text = stat.read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text[text.rindex(")") + 2:].split()
        ticks[name] = ticks.get(name, 0) + int(fields[11]) + int(fields[12])
    return ticks


def poll_at(hz: float, deadline: float, call) -> None:
    period = 1.0 / hz
    due = time.perf_counter()
    while time.perf_counter() < deadline:
        call()
        due += period
        pause = due - time.perf_counter()
        if pause > 0:
            time.sleep(pause)


def bench_meter(seconds: float, trials: int, block_ms: float) -> dict:
    import sounddevice as sd

    from liveconsole.devices.audio import Meter

    idle = cpu_share(seconds, lambda deadline: poll_at(DISPLAY_HZ, deadline, lambda: None))
    meter = Meter(block_seconds=block_ms / 1000)
    meter.start()
    try:
        deadline = time.monotonic() + 5
        while meter.cursor == 0 and time.monotonic() < deadline:
            time.sleep(0.005)
        before = thread_ticks()
        metering = cpu_share(seconds, lambda deadline: poll_at(DISPLAY_HZ, deadline, meter.reading))
        after = thread_ticks()
        per_thread = {name: round(100.0 * (after[name] - before.get(name, 0)) / os.sysconf("SC_CLK_TCK") / seconds, 2)
                      for name in after if after[name] > before.get(name, 0)}

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
        "meter_process_cpu_pct": round(metering, 2),
        "idle_poll_cpu_pct": round(idle, 2),
        "meter_latency_ms": round(statistics.median(latencies), 1),
        "meter_latency_ms_p95": round(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 1),
        "meter_latency_trials": len(latencies),
        "meter_block_ms": round(1000 * meter.blocksize / meter.samplerate, 1),
        # "threaded-ml" is libpulse's client thread (ALSA's pulse plugin); the python-named one is
        # PortAudio's callback thread or the main thread's 30 Hz readings.
        "meter_cpu_by_thread_pct": per_thread,
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


def bench_panel(seconds: float) -> dict:
    """The devices panel showing a 1280×720 30 fps source: UI-thread milliseconds per displayed frame."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from liveconsole.gui.devices_panel import DevicesPanel
    from liveconsole.gui.taskman import TaskManager

    app = QApplication.instance() or QApplication([])
    tasks = TaskManager()
    panel = DevicesPanel(tasks, lambda camera, mic: None, lambda item: item.message_code)
    panel.resize(1100, 760)
    panel.show()
    with tempfile.TemporaryDirectory() as folder:
        path = write_video(Path(folder) / "panel.avi", CASES["normal"])
        panel.form.cameraSource.setEditText(str(path))
        panel.toggle_camera()
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000) + 1500, loop.quit)  # opening, then the measured stretch
        loop.exec()
        times = sorted(panel.preview_ms[5:])  # the first frames include the pixmap cache warming up
        panel.close_camera()
        tasks.wait()
    panel.deleteLater()
    app.processEvents()
    if not times:
        return {"preview_ui_ms_p95": None, "preview_ui_frames": 0}
    return {"preview_ui_ms_p95": round(times[int(0.95 * (len(times) - 1))], 3),
            "preview_ui_ms_p50": round(times[len(times) // 2], 3), "preview_ui_frames": len(times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each CPU measurement")
    parser.add_argument("--trials", type=int, default=30, help="tone onsets for the latency")
    parser.add_argument("--block-ms", type=float, default=20.0, help="the meter's PortAudio block length")
    args = parser.parse_args()
    result: dict = {}
    server = start_private_pulse()
    try:
        os.environ.update(server.env)
        from liveconsole.devices.audio import refresh_devices

        refresh_devices()
        server.null_sink()
        result.update(bench_meter(args.seconds, args.trials, args.block_ms))
    finally:
        server.stop()
    result.update(bench_preview(args.seconds))
    result.update(bench_panel(args.seconds))
    result["cores"] = os.cpu_count()
    order = ["meter_cpu_pct", "meter_latency_ms", "preview_ui_ms_p95", "preview_cpu_pct"]
    print(json.dumps({**{key: result[key] for key in order}, **{k: v for k, v in result.items() if k not in order}}))


if __name__ == "__main__":
    main()
