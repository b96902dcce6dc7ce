"""Ingest throughput over loopback, with a Qt event loop standing in for the UI thread.

`python bench/ingest.py` serves the ingest API as the app wires it: request threads put samples in the
metrics panel's inbox; the panel (shown offscreen, its own timers running) drains it every 20 ms into the
dashboard and its charts and hands the samples to a SampleRecorder, whose once-a-second save runs on a
worker thread into a SQLite file. Pushing clients run
in their own processes (as a browser or script would), over keep-alive connections. A 1 ms QTimer on the
same loop measures the longest gap between its ticks: `max_ui_stall_ms`. Also reports how long the
simulator takes for a six-hour session. Prints one JSON object on its last line.
"""

from __future__ import annotations

import argparse
import gc
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if Path("/usr/share/fonts").is_dir():
    os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts")

from PySide6.QtCore import Qt, QTimer  # noqa: E402

from liveconsole.core.session import Session  # noqa: E402
from liveconsole.sources.inbox import SampleRecorder  # noqa: E402
from liveconsole.sources.ingest import SOURCE, IngestServer  # noqa: E402
from liveconsole.sources.simulator import demo_events, simulate  # noqa: E402
from liveconsole.store.database import Database  # noqa: E402
from liveconsole.store.metrics import MetricStore  # noqa: E402
from liveconsole.store.repositories import SessionStore  # noqa: E402

PROBE_MS = 1
WARM_UP_S = 0.5  # the first ticks include Python warming up, not the ingest


def client(url: str, token: str, seconds: float, batch: int, offset: int, rate: float) -> None:
    """Push batches of samples until the time is up, at `rate` samples a second (0: as fast as the server
    answers); print how many were accepted."""
    host, port = url.split("/")[2].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    accepted = refused = n = 0
    began = time.perf_counter()
    deadline = began + seconds
    while time.perf_counter() < deadline:
        if rate:
            due = began + n / rate
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
        # Each client stamps the wall clock, as a source does: the two interleave, and a sample from one may
        # land a little before the other's newest (a late insert).
        now = time.time()
        body = [{"t": round(now + i * 1e-4 + offset * 1e-5, 6), "online": 3000 + (n + i) % 500,
                 "gmv": f"{(n + i) * 12.5:.2f}", "orders": n + i, "uv": 10 * (n + i)} for i in range(batch)]
        n += batch
        conn.request("POST", "/v1/samples", json.dumps(body), headers)
        response = conn.getresponse()
        response.read()
        if response.status == 202:
            accepted += batch
        else:
            refused += batch
    conn.close()
    print(json.dumps({"accepted": accepted, "refused": refused}))


def measure(seconds: float, clients: int, batch: int, rate: float, workdir: Path) -> dict:
    """One run: `clients` processes pushing batches of `batch`, together at `rate` samples/s (0: flat out)."""
    from liveconsole.core.dashboard import Dashboard
    from liveconsole.gui.application import create_application
    from liveconsole.gui.keymap import Keymap
    from liveconsole.gui.metrics_panel import MetricsPanel
    from liveconsole.gui.taskman import TaskManager
    from liveconsole.store.settings import Settings

    app = create_application(sys.argv[:1])
    db = Database.open(f"sqlite:///{workdir / f'bench-{batch}-{rate}.db'}")
    store = MetricStore(db)
    session_id = SessionStore(db).create_session(Session(f"bench {batch} {rate}")).id
    recorder = SampleRecorder(store, session_id)
    settings = Settings(None)
    tasks = TaskManager()
    panel = MetricsPanel(Dashboard(), settings, Keymap(settings), tasks)
    panel.open_session(session_id, [], None, [], recorder)
    panel.resize(1400, 900)
    panel.show()
    series = panel.dashboard.series
    server = IngestServer(lambda samples: panel.inbox.offer(SOURCE, samples))
    server.start()

    gaps: list[float] = []
    last = [time.perf_counter()]
    started = time.perf_counter()
    # Full collections hold the GIL for the whole heap walk: record them beside the stalls they cause.
    gc_pauses: list[float] = []
    gc_began = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            gc_began[0] = time.perf_counter()
        elif info["generation"] == 2:
            gc_pauses.append(time.perf_counter() - gc_began[0])

    gc.callbacks.append(on_gc)

    def probe() -> None:
        now = time.perf_counter()
        if now - started > WARM_UP_S:
            gaps.append(now - last[0])
        last[0] = now

    timers = []
    for interval, slot in ((PROBE_MS, probe),):
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(slot)
        timer.start(interval)
        timers.append(timer)
    pushers = [subprocess.Popen([sys.executable, __file__, "--client", server.url, server.token, str(seconds),
                                 str(batch), str(index), str(rate / clients)], stdout=subprocess.PIPE, text=True)
               for index in range(clients)]
    QTimer.singleShot(int((seconds + WARM_UP_S) * 1000), app.quit)
    began = time.perf_counter()
    app.exec()
    gc.callbacks.remove(on_gc)
    for timer in timers:
        timer.stop()
    results = [json.loads(pusher.communicate(timeout=60)[0].splitlines()[-1]) for pusher in pushers]
    elapsed = time.perf_counter() - began - WARM_UP_S
    server.close()
    panel.stop()
    panel.drain()
    tasks.wait()
    recorder.flush()
    panel.close()
    panel.deleteLater()
    accepted = sum(r["accepted"] for r in results)
    stored = store.count(session_id)
    db.dispose()
    return {
        "samples_per_s": accepted / min(elapsed, seconds),
        "accepted": accepted,
        "refused": sum(r["refused"] for r in results),
        "stored": stored,
        "in_series": len(series),
        "max_ui_stall_ms": max(gaps) * 1000 if gaps else None,
        "ui_gap_p99_ms": statistics.quantiles(gaps, n=100)[98] * 1000 if len(gaps) > 100 else None,
        "full_gc_runs": len(gc_pauses),
        "max_full_gc_ms": max(gc_pauses) * 1000 if gc_pauses else 0.0,
    }


RATES = (500, 1000, 2000, 4000)  # samples/s, one sample per request: the worst case for the server
STALL_GOAL_MS = 50.0


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--client":
        url, token, seconds, batch, offset, rate = sys.argv[2:8]
        client(url, token, float(seconds), int(batch), int(offset), float(rate))
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=4.0, help="per run")
    parser.add_argument("--clients", type=int, default=2)
    args = parser.parse_args()
    runs = {}
    with tempfile.TemporaryDirectory() as folder:
        for rate in RATES:
            runs[f"paced_{rate}"] = measure(args.seconds, args.clients, 1, rate, Path(folder))
        runs["flat_out_single"] = measure(args.seconds, args.clients, 1, 0, Path(folder))
        runs["flat_out_batch_20"] = measure(args.seconds, args.clients, 20, 0, Path(folder))
    start = datetime(2025, 11, 11, 20, 0, tzinfo=timezone(timedelta(hours=8)))
    began = time.perf_counter()
    simulate(1, start, 6 * 3600, demo_events(6 * 3600, 1))
    simulate_s = time.perf_counter() - began
    print(json.dumps(runs, indent=2))
    # The headline: the fastest paced rate the server kept up with while the Qt loop never stalled past the goal.
    kept_up = [run for name, run in runs.items() if name.startswith("paced_")
               and run["max_ui_stall_ms"] <= STALL_GOAL_MS and run["refused"] == 0]
    best = max(kept_up, key=lambda run: run["samples_per_s"], default=runs[f"paced_{RATES[0]}"])
    print(json.dumps({
        "samples_per_s": round(best["samples_per_s"]),
        "max_ui_stall_ms": round(best["max_ui_stall_ms"], 2),
        "ui_gap_p99_ms": round(best["ui_gap_p99_ms"], 2),
        "worst_paced_stall_ms": round(max(run["max_ui_stall_ms"] for name, run in runs.items()
                                          if name.startswith("paced_")), 2),
        "max_full_gc_ms": round(max(run["max_full_gc_ms"] for run in runs.values()), 2),
        "samples_per_s_flat_out": round(runs["flat_out_single"]["samples_per_s"]),
        "max_ui_stall_ms_flat_out": round(runs["flat_out_single"]["max_ui_stall_ms"], 2),
        "samples_per_s_batched_flat_out": round(runs["flat_out_batch_20"]["samples_per_s"]),
        "max_ui_stall_ms_batched_flat_out": round(runs["flat_out_batch_20"]["max_ui_stall_ms"], 2),
        "all_accepted_stored": all(run["stored"] == run["accepted"] for run in runs.values()),
        "clients": args.clients,
        "cpus": os.cpu_count(),
        "simulate_6h_s": round(simulate_s, 3),
    }))


if __name__ == "__main__":
    main()
