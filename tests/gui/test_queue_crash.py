"""Kill the app with SIGKILL in the middle of a run of pushes: every push it made is in the log."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from liveconsole.workspace import DEMO_SESSION, Workspace

ROOT = Path(__file__).resolve().parents[2]


def _run_until_killed(url: str, rng: random.Random, env: dict) -> list[str]:
    child = subprocess.Popen([sys.executable, "-m", "tests.helpers.queue_pusher", url], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    pushed: list[str] = []
    reader = threading.Thread(target=lambda: pushed.extend(line.split()[2] for line in child.stdout
                                                            if line.startswith("pushed")))
    reader.start()
    deadline = time.monotonic() + 10
    while not pushed and time.monotonic() < deadline:
        time.sleep(0.005)  # the child's first push, then a random moment
    time.sleep(rng.uniform(0.02, 0.3))
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    reader.join(10)
    child.stdout.close()
    return pushed


def test_every_push_reported_before_a_kill_is_in_the_log(tmp_path):
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    workspace = Workspace.open(url)
    workspace.fill_demo()
    workspace.close()
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               QT_QPA_PLATFORM="offscreen")
    rng = random.Random(7)
    reported: list[str] = []
    for run in range(4):
        pushed = _run_until_killed(url, rng, env)
        assert pushed, "the app pushed nothing before it was killed"
        reported += pushed
        workspace = Workspace.open(url)
        try:
            session = workspace.session_named(DEMO_SESSION)
            logged = [e.payload["key"] for e in workspace.events.events(session.id) if e.type == "queue.push"]
            assert workspace.db.integrity_ok()
        finally:
            workspace.close()
        # In order, nothing missing; at most one push per kill was committed but not yet reported.
        remaining = iter(logged)
        assert all(key in remaining for key in reported)
        assert len(reported) <= len(logged) <= len(reported) + run + 1
