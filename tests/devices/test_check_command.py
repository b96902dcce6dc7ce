"""`liveconsole check` as a user runs it: a separate process per command, against the virtual devices."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from liveconsole.store.check_reports import CheckReportStore
from liveconsole.store.database import Database
from tests.helpers.obs import free_port

KEYS = ["id", "verdict", "value", "unit", "message"]


@pytest.fixture
def run(tmp_path, pulse):
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               QT_QPA_PLATFORM="offscreen", **pulse.env)
    env.pop("LIVECONSOLE_DB", None)

    def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess:
        argv = [sys.executable, "-m", "liveconsole", "--lang", lang, "check", "--json", *args]
        return subprocess.run(argv, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)

    return run


def test_the_check_prints_the_json_contract_with_measured_values(run, video, speaker):
    speaker.tone(volume=0.5)  # a steady voice: the quiet stretch hears it too, so only the noise row objects
    result = run("--camera", str(video("normal")), "--audio-out", "none", "--no-obs", "--seconds", "1.4")
    report = json.loads(result.stdout)
    assert list(report) == ["verdict", "items"]
    assert all(list(item) == KEYS for item in report["items"])
    got = {item["id"]: item for item in report["items"]}
    assert got["audio.in.level"]["value"] == pytest.approx(-15.1, abs=0.5)
    assert got["audio.in.level"]["message"].startswith("Microphone level is good")
    assert got["audio.in.noise_floor"]["verdict"] == "fail"
    assert result.returncode == 1  # the hum counts as noise
    assert "Speak now" in result.stderr


def test_nothing_failing_exits_0_with_messages_in_chinese(run, video):
    result = run("--camera", str(video("small")), "--audio-in", "none", "--audio-out", "none", "--no-obs",
                 "--seconds", "1", lang="zh_CN")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["verdict"] == "warn"
    resolution = next(item for item in report["items"] if item["id"] == "camera.resolution")
    assert resolution["value"] == "640x360" and resolution["message"].startswith("分辨率 640×360 低于 1280×720")


def test_a_failing_row_exits_1(run):
    result = run("--camera", "none", "--audio-in", "none", "--audio-out", "none",
                 "--obs", f"ws://127.0.0.1:{free_port()}", "--server", f"127.0.0.1:{free_port()}")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["verdict"] == "fail"
    assert [(i["id"], i["verdict"]) for i in report["items"]] == [("obs.connected", "fail"),
                                                                   ("network.server", "fail")]


@pytest.mark.parametrize("args", [
    ["--seconds", "0"], ["--seconds", "abc"], ["--server", "no-port"], ["--obs", "http://x"],
    ["--obs", "ws://127.0.0.1:4455", "--no-obs"], ["--session", "没有这一场"], ["--bogus"],
])
def test_bad_arguments_exit_2_before_checking_anything(run, args):
    result = run("--camera", "none", "--audio-in", "none", "--audio-out", "none", "--no-obs", *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""


def test_a_check_with_a_session_is_saved_with_it(run, tmp_path, video):
    db = f"sqlite:///{tmp_path / 'studio.db'}"
    subprocess.run([sys.executable, "-m", "liveconsole", "session", "create", "6月18日 美妆专场", "--db", db],
                   check=True, capture_output=True, cwd=tmp_path,
                   env=dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config")))
    result = run("--camera", str(video("dark")), "--audio-in", "none", "--audio-out", "none", "--no-obs",
                 "--seconds", "1", "--db", db, "--session", "6月18日 美妆专场")
    assert result.returncode == 1
    with Database.open(db) as database:
        from liveconsole.store.repositories import SessionStore

        session = SessionStore(database).session_by_name("6月18日 美妆专场")
        [(_, report)] = CheckReportStore(database).reports(session.id)
    assert report.verdict.value == "fail"
    assert report.item("camera.brightness").message_code == "camera.too_dark"
    assert report.devices["camera"].endswith("dark.avi (1280x720)")
