"""Process start → main window shown (offscreen), against a bare PySide6 + pyqtgraph window.

Prints one JSON object on its last line: startup_median_s, floor_median_s, ratio (and the runs).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Both children print "shown" from the first event-loop turn after the window is shown.
FLOOR = """
import PySide6.QtWidgets as W, pyqtgraph
from PySide6.QtCore import QTimer
app = W.QApplication([])
w = W.QMainWindow(); w.resize(1280, 760); w.show()
QTimer.singleShot(0, lambda: (w.grab(), print("shown", flush=True), app.quit()))
app.exec()
"""

APP = """
import sys
from liveconsole import app as root
from PySide6.QtCore import QTimer
a, w = root.build(root.Launch(db=sys.argv[1]), offscreen=True)
w.resize(1280, 760); w.show()
QTimer.singleShot(0, lambda: (w.grab(), print("shown", flush=True), a.quit()))
a.exec()
root._close(w)
"""


def time_child(code: str, *args: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True,
                            env=env, cwd=ROOT)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("shown"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError("the window never showed")
    proc.wait(30)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp)
        db = f"sqlite:///{tmp}/bench.db"
        # Warm the OS file cache and create the database once, so every timed run starts alike.
        time_child(APP, db, env=env)
        time_child(FLOOR, env=env)
        app_runs, floor_runs = [], []
        for _ in range(args.runs):  # interleaved, so machine noise hits both alike
            floor_runs.append(time_child(FLOOR, env=env))
            app_runs.append(time_child(APP, db, env=env))
    app_median, floor_median = statistics.median(app_runs), statistics.median(floor_runs)
    print(json.dumps({
        "startup_median_s": round(app_median, 3),
        "floor_median_s": round(floor_median, 3),
        "ratio": round(app_median / floor_median, 3),
        "runs": args.runs,
        "startup_runs_s": [round(x, 3) for x in app_runs],
        "floor_runs_s": [round(x, 3) for x in floor_runs],
    }))


if __name__ == "__main__":
    main()
