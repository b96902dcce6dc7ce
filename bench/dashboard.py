"""The metrics dashboard over a simulated six-hour session, one sample a second, against a bare pyqtgraph floor.

One simulated second of a live session is three UI ticks, as the panel's own timers run them, each timed
with the paint it causes (offscreen): the 20 ms drain that takes the arrived sample into the dashboard,
the one-second tick (alert rules, tiles, derived figures), and the chart refresh (250 ms timer). Samples
carry 8 series (online, uv, pv, likes, comments, orders, items, GMV). `second_*` is the sum of the three,
as if one turn did it all. The floor is a bare pyqtgraph window of the same size with the same three lines,
fed the same arrays, autoranging as pyqtgraph does by default, and painted once a second, in the same run.
Memory growth is the resident set after the last second less the one after the first simulated minute.

`python bench/dashboard.py [--hours 6]` prints one JSON object on its last line: tick_p50_ms, tick_p95_ms,
tick_max_ms, second_p50_ms, second_p95_ms, floor_p50_ms, floor_p95_ms, p95_ratio (second_p95 ÷ floor_p95),
mem_growth_mb, floor_mem_growth_mb, seconds.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
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

SERIES = ("online", "uv", "pv", "likes", "comments", "orders", "items", "gmv")
SIZE = (1400, 900)


def rss_mb() -> float:
    gc.collect()
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def samples(hours: float):
    from liveconsole.core.metrics import Sample
    from liveconsole.sources.simulator import demo_events, simulate

    start = datetime(2026, 11, 11, 20, 0, tzinfo=timezone(timedelta(hours=8)))
    seconds = int(hours * 3600)
    full = simulate(11, start, seconds, demo_events(seconds, seed=11))
    return start, [Sample(s.t, **{name: getattr(s, name) for name in SERIES}) for s in full]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def run_panel(app, start, feed) -> tuple[list[float], float]:
    from liveconsole.core.dashboard import Dashboard
    from liveconsole.core.metrics import PacePlan
    from liveconsole.gui.keymap import Keymap
    from liveconsole.gui.metrics_panel import MetricsPanel
    from liveconsole.gui.taskman import TaskManager
    from liveconsole.store.settings import Settings

    settings = Settings(None)
    clock = [start]
    panel = MetricsPanel(Dashboard(), settings, Keymap(settings), TaskManager(), now=lambda: clock[0])
    for timer in (panel.drainer, panel.painter, panel.ticker):
        timer.stop()  # the bench drives each step itself
    panel.open_session(1, [], PacePlan.linear(start, 360, 1_000_000), [], None)
    panel.resize(*SIZE)
    panel.show()
    app.processEvents()
    ticks, seconds, base = [], [], 0.0
    steps = (lambda: panel.drain(), panel.tick, panel.refresh_chart)
    for index, sample in enumerate(feed):
        clock[0] = sample.t
        panel.inbox.offer("ingest", [sample])  # a source's thread
        second = 0.0
        for step in steps:
            began = time.perf_counter()
            step()
            app.processEvents()
            elapsed = (time.perf_counter() - began) * 1000
            ticks.append(elapsed)
            second += elapsed
        seconds.append(second)
        if index == 59:
            base = rss_mb()
    growth = rss_mb() - base
    panel.stop()
    panel.close()
    panel.deleteLater()
    app.processEvents()
    return ticks, seconds, growth


def run_floor(app, feed) -> tuple[list[float], float]:
    import numpy as np
    import pyqtgraph as pg

    view = pg.GraphicsLayoutWidget()
    view.resize(*SIZE)
    curves = []
    for row in range(3):
        plot = view.addPlot(row=row, col=0, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        plot.setClipToView(True)
        plot.setDownsampling(auto=True, mode="peak")
        curves.append(plot.plot())
    view.show()
    app.processEvents()
    n = len(feed)
    x, online, gmv, orders = np.empty(n), np.empty(n), np.empty(n), np.empty(n)
    ticks, base = [], 0.0
    for index, sample in enumerate(feed):
        began = time.perf_counter()
        x[index] = sample.t.timestamp()
        online[index] = sample.online
        gmv[index] = float(sample.gmv)
        orders[index] = sample.orders
        for curve, y in zip(curves, (online, gmv, orders)):
            curve.setData(x[:index + 1], y[:index + 1])
        app.processEvents()
        ticks.append((time.perf_counter() - began) * 1000)
        if index == 59:
            base = rss_mb()
    growth = rss_mb() - base
    view.close()
    return ticks, growth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=6.0)
    args = parser.parse_args()
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="liveconsole-bench-"))
    from liveconsole.gui.application import create_application

    app = create_application(sys.argv[:1])
    start, feed = samples(args.hours)
    gc.collect()
    gc.freeze()  # what start-up made stays out of the collector's way, as in the app
    floor, floor_growth = run_floor(app, feed)
    ticks, seconds, growth = run_panel(app, start, feed)
    result = {
        "seconds": len(seconds),
        "hours": args.hours,
        "series": len(SERIES),
        "tick_p50_ms": round(statistics.median(ticks), 3),
        "tick_p95_ms": round(percentile(ticks, 95), 3),
        "tick_max_ms": round(max(ticks), 3),
        "second_p50_ms": round(statistics.median(seconds), 3),
        "second_p95_ms": round(percentile(seconds, 95), 3),
        "floor_p50_ms": round(statistics.median(floor), 3),
        "floor_p95_ms": round(percentile(floor, 95), 3),
        "p95_ratio": round(percentile(seconds, 95) / percentile(floor, 95), 2),
        "mem_growth_mb": round(growth, 1),
        "floor_mem_growth_mb": round(floor_growth, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
