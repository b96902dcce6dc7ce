"""`liveconsole serve` and `liveconsole metrics summary` run as a collector PC would: separate processes."""

from __future__ import annotations

import http.client
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    env.pop("LIVECONSOLE_DB", None)
    return env


@pytest.fixture
def run(env, tmp_path):
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "liveconsole", *args], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=TIMEOUT_S)

    return run


@pytest.fixture
def db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'collector.db'}"


@pytest.fixture(autouse=True)
def commands_exist(run):
    for command in (("serve", "--help"), ("metrics", "summary", "--help")):
        if run(*command).returncode != 0:
            pytest.skip(f"`liveconsole {' '.join(command[:-1])}` is not wired into liveconsole/cli.py yet")


class Collector:
    """A running `liveconsole serve`; its stdout lines arrive on a queue, read by a thread."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        first = self.lines.get(timeout=TIMEOUT_S)
        assert first is not None, process.stderr.read() if process.stderr else ""
        self.announced = json.loads(first)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def post(self, body: object) -> int:
        host, port = self.announced["url"].split("/")[2].split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        try:
            conn.request("POST", "/v1/samples", json.dumps(body),
                         {"Authorization": f"Bearer {self.announced['token']}", "Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
            return response.status
        finally:
            conn.close()

    def stop(self, signum: int) -> tuple[int, list[str]]:
        self.process.send_signal(signum)
        code = self.process.wait(timeout=TIMEOUT_S)
        self._reader.join(timeout=TIMEOUT_S)
        rest = []
        while (line := self.lines.get(timeout=TIMEOUT_S)) is not None:
            rest.append(line)
        return code, rest


@pytest.fixture
def serve(env, tmp_path) -> Iterator:
    started: list[subprocess.Popen[str]] = []

    def serve(*args: str) -> Collector:
        process = subprocess.Popen([sys.executable, "-m", "liveconsole", "serve", *args], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
        started.append(process)
        return Collector(process)

    yield serve
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=TIMEOUT_S)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


PUSHED = [
    {"t": "2026-06-18T20:00:00+08:00", "online": 1000, "gmv": "0", "uv": 0, "pv": 0, "buyers": 0,
     "product_clicks": 0},
    {"t": "2026-06-18T20:55:00+08:00", "online": 3000, "gmv": "627437", "uv": 80000, "pv": 250000,
     "buyers": 4200, "orders": 4600, "product_clicks": 30000},
]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_serve_collects_pushed_samples_and_metrics_summary_reports_pace_against_the_plan(run, serve, db, signum):
    created = run("session", "create", "6月18日 美妆专场", "--start", "2026-06-18T20:00+08:00", "--minutes", "60",
                  "--gmv-target", "100万", "--db", db)
    assert created.returncode == 0, created.stderr
    collector = serve("--session", "6月18日 美妆专场", "--db", db)
    assert collector.announced["url"].startswith("http://127.0.0.1:")
    assert len(collector.announced["token"]) >= 32
    assert collector.post(PUSHED) == 202
    code, rest = collector.stop(signum)
    assert code == 0, collector.process.stderr.read() if collector.process.stderr else ""
    assert json.loads(rest[-1])["saved"] == 2  # what was accepted before the signal is kept

    result = run("metrics", "summary", "--session", "6月18日 美妆专场", "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["samples"], summary["acu"], summary["pcu"]) == (2, 1000.0, 3000)
    assert (summary["gmv"], summary["orders"], summary["buyers"]) == ("627437.00", 4600, 4200)
    assert (summary["gpm"], summary["uv_value"], summary["aov"]) == ("2509.75", "7.84", "149.39")
    assert summary["click_to_order"] == pytest.approx(0.14)
    assert summary["pace_pct"] == 68.45  # ¥627,437 against ¥916,666.67 planned by minute 55


def test_serve_listens_on_the_port_asked_for(serve, run, db):
    assert run("session", "create", "S", "--db", db).returncode == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    collector = serve("--session", "S", "--db", db, "--port", str(port))
    assert collector.announced["url"] == f"http://127.0.0.1:{port}/v1/samples"
    assert collector.stop(signal.SIGTERM)[0] == 0


def test_serve_refuses_an_unknown_session(run, db):
    result = run("serve", "--session", "nope", "--db", db)
    assert result.returncode == 2 and result.stdout == ""


def test_a_summary_without_samples_or_plan_is_all_unknown(run, db):
    assert run("session", "create", "S", "--db", db).returncode == 0
    result = run("metrics", "summary", "--session", "S", "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["samples"] == 0
    assert all(summary[key] is None for key in ("acu", "pcu", "gmv", "orders", "buyers", "gpm", "uv_value", "aov",
                                                "click_to_order", "pace_pct"))
    assert run("metrics", "summary", "--session", "nope", "--db", db, "--json").returncode == 2
