"""The whole checklist headless: a video camera, the virtual sound card, a real OBS and a local server."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from liveconsole.core.checks import ITEM_IDS, MESSAGE_CODES, Verdict
from liveconsole.devices.audio import PHASE_QUIET, PHASE_SPEAK, PHASE_TONE, Meter
from liveconsole.devices.runner import CheckOptions, check_obs, check_server, parse_server, run_checks
from tests.helpers.obs import SCENES, free_port

CHECKS_MD = Path(__file__).resolve().parents[2] / "liveconsole" / "devices" / "CHECKS.md"


@pytest.fixture
def listening_server():
    with socket.create_server(("127.0.0.1", 0)) as listener:
        yield f"127.0.0.1:{listener.getsockname()[1]}"


def test_a_full_run_gives_every_row_in_order_and_the_worst_verdict(video, speaker, obs, listening_server):
    phases: list[str] = []
    lent: list[object] = []  # what a window would show the level of
    lent_while_listening: list[object] = []

    def on_phase(phase: str) -> None:
        phases.append(phase)
        if phase == PHASE_SPEAK:
            speaker.tone(volume=0.5)
            lent_while_listening.append(lent[-1])
        elif phase == PHASE_TONE:
            speaker.stop_all()

    options = CheckOptions(camera=str(video("normal")), obs_url=obs.url, obs_password=obs.password,
                           required_scenes=SCENES[:2], server=listening_server, seconds=2.1, tone_seconds=0.3)
    report = run_checks(options, on_phase=on_phase, on_meter=lent.append)
    assert phases == [PHASE_QUIET, PHASE_SPEAK, PHASE_TONE]
    assert isinstance(lent_while_listening[0], Meter) and lent == [lent_while_listening[0], None]
    assert [item.id for item in report.items] == list(ITEM_IDS)
    verdicts = {item.id: item.verdict for item in report.items}
    # The test OBS renders 640x360 at 10 fps to spare the CI box: the one amber row.
    assert {k for k, v in verdicts.items() if v is not Verdict.PASS} == {"obs.output"}
    assert report.verdict is Verdict.WARN
    assert report.item("obs.scenes").value == len(SCENES)
    assert set(report.devices) == {"camera", "audio_in", "audio_out", "obs", "server"}
    assert report.devices["camera"].endswith("(1280x720)")
    assert report.started.tzinfo is not None


def test_skipped_devices_leave_no_rows():
    report = run_checks(CheckOptions(camera=None, audio_in=None, audio_out=None, obs_url=None))
    assert report.items == () and report.verdict is Verdict.PASS and report.devices == {}


def test_a_scene_the_script_needs_that_obs_lacks_fails_the_run(obs):
    measured = check_obs(obs.url, obs.password, required_scenes=(SCENES[0], "抽奖"))
    report = run_checks(CheckOptions(camera=None, audio_in=None, audio_out=None, obs_url=obs.url,
                                     obs_password=obs.password, required_scenes=(SCENES[0], "抽奖")))
    assert measured.output_width == 640 and measured.output_fps == 10
    scenes = report.item("obs.scenes")
    assert (scenes.verdict, scenes.message_code, scenes.params["missing"]) == (Verdict.FAIL, "obs.scenes_missing",
                                                                              ["抽奖"])
    assert report.verdict is Verdict.FAIL


def test_obs_with_the_wrong_password_is_a_failed_row(obs):
    report = run_checks(CheckOptions(camera=None, audio_in=None, audio_out=None, obs_url=obs.url,
                                     obs_password="wrong"))
    assert [(i.id, i.message_code) for i in report.items] == [("obs.connected", "obs.wrong_password")]


def test_no_obs_listening_is_a_failed_row_not_an_error():
    report = run_checks(CheckOptions(camera=None, audio_in=None, audio_out=None,
                                     obs_url=f"ws://127.0.0.1:{free_port()}", obs_password="x", obs_timeout=1))
    assert [(i.id, i.verdict, i.message_code) for i in report.items] == [
        ("obs.connected", Verdict.FAIL, "obs.not_running")]


def test_a_camera_that_cannot_open_and_a_missing_microphone_fail_their_rows(pulse):
    report = run_checks(CheckOptions(camera="/nonexistent.avi", audio_in="no such mic", audio_out=None,
                                     obs_url=None, seconds=0.5))
    got = {i.id: (i.verdict, i.message_code) for i in report.items}
    assert got == {"camera.open": (Verdict.FAIL, "camera.open_failed"),
                   "audio.in.level": (Verdict.FAIL, "audio.in.not_found")}


def test_the_stream_server_connect_test_passes_when_it_listens_and_fails_when_refused(listening_server):
    assert check_server(listening_server).connect_ms is not None
    refused = check_server(f"127.0.0.1:{free_port()}")
    assert refused.error == "refused"
    assert check_server("no-such-host.invalid:1935").error == "unresolved"


@pytest.mark.parametrize(("address", "expected"), [
    ("live-push.example.com:1935", ("live-push.example.com", 1935)),
    ("[::1]:1935", ("::1", 1935)),
    ("rtmp://push.example.com/live/key", ("push.example.com", 1935)),
    ("rtmp://push.example.com:1936/live", ("push.example.com", 1936)),
])
def test_server_addresses_parse(address, expected):
    assert parse_server(address) == expected


@pytest.mark.parametrize("address", ["push.example.com", "host:0", "host:99999", ":1935", "http://x/"])
def test_bad_server_addresses_are_refused(address):
    with pytest.raises(ValueError):
        parse_server(address)


def test_every_item_id_and_message_code_is_documented():
    text = CHECKS_MD.read_text("utf-8")
    documented = set(re.findall(r"`([a-z]+(?:\.[a-z_]+)+)`", text))
    assert set(ITEM_IDS) <= documented
    assert set(MESSAGE_CODES) <= documented
