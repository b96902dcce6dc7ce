"""ObsClient against a real OBS Studio (and, for 207 and non-OBS ports, the fake in tests/helpers)."""

from __future__ import annotations

import logging
import random
import statistics
import threading
import time

import pytest
from obswebsocket import requests as obs_requests

from liveconsole.core.obs import (
    Backoff,
    ConnectionState,
    ObsNotConnected,
    ObsRequestFailed,
    ObsSnapshot,
    ObsTimeout,
    SceneChange,
    SceneRole,
    StreamHealth,
)
from liveconsole.obs.client import ObsClient
from tests.helpers.fake_obs import FakeObsServer, default_responder
from tests.helpers.obs import SCENES, RawObs, free_port
from tests.helpers.waiting import wait_until

CONNECTED = ConnectionState.CONNECTED


def _client(host: str, port: int, password: str | None, **options) -> ObsClient:
    options.setdefault("rng", random.Random(7))
    client = ObsClient(host, port, password, **options)
    client.start()
    return client


@pytest.fixture
def client(obs):
    client = _client(obs.host, obs.port, obs.password)
    try:
        assert client.wait_for_state(CONNECTED, 5), client.last_error
        yield client
    finally:
        client.close()


@pytest.fixture
def raw(obs):
    with RawObs(obs.host, obs.port, obs.password) as raw:
        raw.ok("SetCurrentProgramScene", {"sceneName": SCENES[0]})
        yield raw


def test_connects_with_the_right_password_and_reads_scenes_in_obs_order(client):
    snapshot = client.snapshot()
    assert client.state is CONNECTED
    assert snapshot.scenes == SCENES
    assert snapshot.obs_version  # "29.0.2" on Debian 12
    assert snapshot.websocket_version.startswith("5.")
    assert snapshot.current_program_scene in SCENES
    assert snapshot.current_preview_scene is None and not snapshot.studio_mode
    assert not snapshot.streaming and not snapshot.recording


def test_wrong_password_is_auth_failed_and_not_retried_until_a_new_one_is_given(obs):
    states: list[ConnectionState] = []
    client = ObsClient(obs.host, obs.port, "not-the-password", rng=random.Random(1),
                       backoff=Backoff(initial=0.05, maximum=0.1))
    client.events.state_changed.connect(states.append)
    client.start()
    try:
        assert client.wait_for_state(ConnectionState.AUTH_FAILED, 5)
        # Even with a 50 ms backoff, nothing tries again on its own.
        assert not client.wait_for_state(ConnectionState.CONNECTING, 2.0)
        assert client.connect_attempts == 1
        assert states == [ConnectionState.CONNECTING, ConnectionState.AUTH_FAILED]
        client.set_password(obs.password)
        assert client.wait_for_state(CONNECTED, 5)
        assert client.connect_attempts == 2
    finally:
        client.close()


def test_password_is_not_in_logs_or_repr(obs, caplog):
    caplog.set_level(logging.DEBUG)
    client = _client(obs.host, obs.port, obs.password)
    try:
        assert client.wait_for_state(CONNECTED, 5)
        client.switch_scene(SCENES[1])
        text = caplog.text + repr(client) + repr(client._conn)
    finally:
        client.close()
    assert obs.password not in text


def test_our_switch_is_what_obs_reports(client, raw):
    for scene in (SCENES[2], SCENES[1]):
        client.switch_scene(scene)
        assert raw.ok("GetCurrentProgramScene")["currentProgramSceneName"] == scene
    assert wait_until(lambda: client.snapshot().current_program_scene == SCENES[1], 1.0)


def test_switch_made_by_another_client_reaches_our_callback_within_200_ms(client, raw):
    arrived: dict[str, float] = {}
    done = threading.Event()

    def on_scene(change: SceneChange) -> None:
        if change.role is SceneRole.PROGRAM and change.scene == SCENES[3]:
            arrived["at"] = time.monotonic()
            done.set()

    client.events.scene_changed.connect(on_scene)
    sent = time.monotonic()
    raw.ok("SetCurrentProgramScene", {"sceneName": SCENES[3]})
    assert done.wait(1.0)
    assert arrived["at"] - sent <= 0.2
    assert client.snapshot().current_program_scene == SCENES[3]


def test_switching_to_a_missing_scene_raises_with_obs_status_600(client):
    with pytest.raises(ObsRequestFailed) as failure:
        client.switch_scene("没有这个场景")
    assert failure.value.code == 600


def test_set_text_changes_any_text_source(client, raw):
    made = raw.request("CreateInput", {"sceneName": SCENES[3], "inputName": "公告", "inputKind": "text_ft2_source_v2",
                                       "inputSettings": {"text": "稍后回来"}})
    assert made["requestStatus"]["code"] in (100, 601)  # 601: made by an earlier run in this OBS
    client.set_text("公告", "今晚八点 福袋抽奖")
    settings = raw.ok("GetInputSettings", {"inputName": "公告"})["inputSettings"]
    assert settings["text"] == "今晚八点 福袋抽奖"


def test_studio_mode_reports_and_sets_the_preview_scene(client):
    changes: list[SceneChange] = []
    client.events.scene_changed.connect(changes.append)
    client.set_studio_mode(True)
    try:
        assert wait_until(lambda: client.snapshot().studio_mode, 2.0)
        assert client.snapshot().current_preview_scene in SCENES
        target = next(s for s in SCENES if s != client.snapshot().current_preview_scene)
        client.set_preview_scene(target)
        assert wait_until(lambda: SceneChange(SceneRole.PREVIEW, target) in changes, 1.0)
        assert client.snapshot().current_preview_scene == target
    finally:
        client.set_studio_mode(False)
    assert wait_until(lambda: not client.snapshot().studio_mode, 2.0)
    assert client.snapshot().current_preview_scene is None


def test_health_is_sampled_about_once_a_second_with_the_canvas_frame_rate(client):
    samples: list[StreamHealth] = []
    client.events.health_sampled.connect(samples.append)
    assert wait_until(lambda: len(samples) >= 2, 4.0)
    first, second = samples[:2]
    assert 0.7 <= (second.mono_ns - first.mono_ns) / 1e9 <= 1.6
    assert second.target_fps == 10
    assert 5 <= second.active_fps <= 11
    assert second.render_total > first.render_total
    assert second.render_skipped_pct is not None and second.cpu_pct >= 0 and second.memory_mb > 50
    assert not second.streaming and second.bitrate_kbps == 0.0


def test_recording_started_and_stopped_here_shows_in_the_snapshot(client):
    client.start_record()
    try:
        assert wait_until(lambda: client.snapshot().recording, 5.0)
    finally:
        assert wait_until(lambda: _stop_record(client), 5.0)
    assert wait_until(lambda: not client.snapshot().recording, 5.0)


def _stop_record(client: ObsClient) -> bool:
    try:
        client.stop_record()
    except ObsRequestFailed as exc:
        return exc.code == 501  # OutputNotRunning: already stopped
    return True


def test_callbacks_run_on_the_clients_own_thread(client, raw):
    threads: list[str] = []
    client.events.scene_changed.connect(lambda change: threads.append(threading.current_thread().name))
    raw.ok("SetCurrentProgramScene", {"sceneName": SCENES[2]})
    assert wait_until(lambda: threads, 1.0)
    assert threads[0].startswith("obs-owner")


def test_a_failing_callback_does_not_break_the_connection(client, raw, caplog):
    def broken(change: SceneChange) -> None:
        raise RuntimeError("a view's bug")

    seen: list[SceneChange] = []
    client.events.scene_changed.connect(broken)
    client.events.scene_changed.connect(seen.append)
    raw.ok("SetCurrentProgramScene", {"sceneName": SCENES[1]})
    assert wait_until(lambda: seen, 1.0)
    client.switch_scene(SCENES[2])
    assert client.state is CONNECTED
    assert "callback failed" in caplog.text


def test_requests_from_many_threads_each_get_their_own_answer(client):
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(40):
                if (n + i) % 2:
                    version = client.request(obs_requests.GetVersion())
                    assert version["obsWebSocketVersion"].startswith("5.")
                else:
                    listing = client.request(obs_requests.GetSceneList())
                    assert len(listing["scenes"]) == len(SCENES)
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    workers = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert not errors


def test_switch_latency_is_not_held_back_by_events(client):
    """The library as shipped took ~44 ms per switch (Nagle + delayed ACK); a few ms is what OBS needs."""
    times = []
    for i in range(60):
        began = time.perf_counter()
        client.switch_scene(SCENES[i % 2])
        times.append(time.perf_counter() - began)
    assert statistics.median(times) < 0.025


def test_close_ends_the_clients_threads(obs):
    client = _client(obs.host, obs.port, obs.password)
    assert client.wait_for_state(CONNECTED, 5)
    client.close()
    assert client.state is ConnectionState.DISCONNECTED
    assert not [t for t in threading.enumerate() if t.name.startswith(("obs-owner", "obs-reader"))]
    with pytest.raises(ObsNotConnected):
        client.switch_scene(SCENES[0])


def test_hung_obs_is_dropped_within_6_s_and_requests_give_up_within_their_timeout(obs):
    client = _client(obs.host, obs.port, obs.password, request_timeout=1.5)
    try:
        assert client.wait_for_state(CONNECTED, 5)
        obs.pause()
        try:
            began = time.monotonic()
            with pytest.raises((ObsTimeout, ObsNotConnected)):
                client.switch_scene(SCENES[1])
            assert time.monotonic() - began <= 1.5 + 0.2
            assert client.wait_for_state(ConnectionState.DISCONNECTED, 6 - (time.monotonic() - began))
        finally:
            obs.resume()
        assert client.wait_for_state(CONNECTED, 5)
    finally:
        client.close()


def test_obs_killed_goes_disconnected_then_reconnects_and_rereads_after_restart(obs):
    snapshots: list[tuple[float, ObsSnapshot]] = []
    client = ObsClient(obs.host, obs.port, obs.password, rng=random.Random(3))
    client.events.snapshot_changed.connect(lambda s: snapshots.append((time.monotonic(), s)))
    client.start()
    try:
        assert client.wait_for_state(CONNECTED, 5)
        killed = time.monotonic()
        obs.kill()
        assert client.wait_for_state(ConnectionState.DISCONNECTED, 6)
        assert time.monotonic() - killed <= 6
        began = time.monotonic()
        with pytest.raises(ObsNotConnected):
            client.switch_scene(SCENES[1])
        assert time.monotonic() - began < 0.1  # refused at once, not after a timeout

        obs.start()
        answering = time.monotonic()
        assert client.wait_for_state(CONNECTED, 5)
        assert wait_until(lambda: snapshots and snapshots[-1][0] >= answering, 1.0)
        assert snapshots[-1][0] - answering <= 5
        assert snapshots[-1][1].scenes == SCENES
        client.switch_scene(SCENES[2])
    finally:
        client.close()


def test_a_refused_port_while_obs_runs_here_means_its_websocket_is_off(obs):
    client = _client("127.0.0.1", free_port(), "x", backoff=Backoff(initial=0.05, maximum=0.2))
    try:
        assert client.wait_for_state(ConnectionState.NO_WEBSOCKET, 3)
        # It keeps trying, with backoff, in case the server is switched on.
        assert wait_until(lambda: client.connect_attempts >= 3, 3)
    finally:
        client.close()


def test_a_refused_port_without_obs_running_is_disconnected(obs):
    client = _client("127.0.0.1", free_port(), "x", obs_running=lambda: False)
    try:
        assert client.wait_for_state(ConnectionState.DISCONNECTED, 3)
        assert wait_until(lambda: client.last_error is not None, 3)
        assert client.last_error.reason == "refused"
    finally:
        client.close()


def test_after_a_long_outage_a_returning_obs_is_found_within_the_refused_retry_cap():
    port = free_port()
    client = _client("127.0.0.1", port, None, obs_running=lambda: False,
                     backoff=Backoff(initial=0.05, maximum=30), refused_backoff=Backoff(initial=0.05, maximum=0.2))
    try:
        # Eight refusals: the general policy would now wait 6.4 s; the refused policy waits 0.2 s at most.
        assert wait_until(lambda: client.connect_attempts >= 8, 5)
        with FakeObsServer(port=port):
            assert client.wait_for_state(CONNECTED, 1.0)
    finally:
        client.close()


def test_a_port_that_answers_but_is_not_obs_websocket_is_no_websocket():
    with FakeObsServer(mode="http") as fake:
        client = _client("127.0.0.1", fake.port, None, obs_running=lambda: False)
        try:
            assert client.wait_for_state(ConnectionState.NO_WEBSOCKET, 3)
            assert client.last_error.reason == "not_websocket"
        finally:
            client.close()


def test_not_ready_207_is_retried_until_obs_is_ready():
    def responder(kind: str, data: dict, seen: int):
        if kind == "SetCurrentProgramScene" and seen < 2:
            return 207, {}
        return default_responder(kind, data, seen)

    with FakeObsServer(responder) as fake:
        client = _client("127.0.0.1", fake.port, None)
        try:
            assert client.wait_for_state(CONNECTED, 3)
            client.switch_scene("B")
        finally:
            client.close()
    assert [kind for kind, _ in fake.requests].count("SetCurrentProgramScene") == 3


def test_not_ready_that_lasts_past_the_timeout_raises_207():
    def responder(kind: str, data: dict, seen: int):
        return (207, {}) if kind == "SetCurrentProgramScene" else default_responder(kind, data, seen)

    with FakeObsServer(responder) as fake:
        client = _client("127.0.0.1", fake.port, None, request_timeout=0.5)
        try:
            assert client.wait_for_state(CONNECTED, 3)
            began = time.monotonic()
            with pytest.raises(ObsRequestFailed) as failure:
                client.switch_scene("B")
            assert failure.value.code == 207
            assert time.monotonic() - began <= 0.7
        finally:
            client.close()
