"""The headless `obs status` / `obs switch` helpers against the real OBS, and their failure reasons."""

from __future__ import annotations

import pytest

from liveconsole.core.obs import ObsRequestFailed
from liveconsole.obs.secrets import ENV_PASSWORD
from liveconsole.obs.status import ObsUnavailable, parse_obs_url, status, switch
from tests.helpers.fake_obs import FakeObsServer
from tests.helpers.obs import SCENES, RawObs, free_port


def test_status_reports_exactly_the_cli_fields(obs):
    result = status(obs.url, obs.password, timeout=3)
    assert list(result) == ["connected", "obs_version", "websocket_version", "scenes", "current_scene",
                            "streaming", "recording"]
    assert result["connected"] is True
    assert result["scenes"] == list(SCENES)
    assert result["websocket_version"].startswith("5.")
    assert result["current_scene"] in SCENES
    assert result["streaming"] is False and result["recording"] is False


def test_status_takes_the_password_from_the_environment(obs, monkeypatch):
    monkeypatch.setenv(ENV_PASSWORD, obs.password)
    assert status(obs.url, None, timeout=3)["connected"]


def test_switch_makes_the_scene_live(obs):
    switch(obs.url, obs.password, SCENES[3])
    with RawObs(obs.host, obs.port, obs.password) as raw:
        assert raw.ok("GetCurrentProgramScene")["currentProgramSceneName"] == SCENES[3]
    switch(obs.url, obs.password, SCENES[0])


def test_switch_to_a_missing_scene_fails_with_status_600(obs):
    with pytest.raises(ObsRequestFailed) as failure:
        switch(obs.url, obs.password, "不存在")
    assert failure.value.code == 600


def test_a_wrong_password_is_reason_auth_failed(obs):
    with pytest.raises(ObsUnavailable) as failure:
        status(obs.url, "wrong", timeout=3)
    assert failure.value.reason == "auth_failed"


def test_nothing_listening_is_reason_refused():
    with pytest.raises(ObsUnavailable) as failure:
        status(f"ws://127.0.0.1:{free_port()}", "x", timeout=1)
    assert failure.value.reason == "refused"


def test_a_port_speaking_plain_http_is_reason_not_websocket():
    with FakeObsServer(mode="http") as fake, pytest.raises(ObsUnavailable) as failure:
        status(f"ws://127.0.0.1:{fake.port}", None, timeout=1)
    assert failure.value.reason == "not_websocket"


def test_a_port_that_never_answers_is_reason_timeout():
    with FakeObsServer(mode="silent") as fake, pytest.raises(ObsUnavailable) as failure:
        status(f"ws://127.0.0.1:{fake.port}", None, timeout=0.3)
    assert failure.value.reason == "timeout"


@pytest.mark.parametrize(("url", "expected"), [
    (None, ("127.0.0.1", 4455)),
    ("ws://192.168.1.20:4455", ("192.168.1.20", 4455)),
    ("ws://obs-pc", ("obs-pc", 4455)),
    ("ws://[::1]:4460", ("::1", 4460)),
])
def test_obs_urls_name_host_and_port(url, expected):
    assert parse_obs_url(url) == expected


@pytest.mark.parametrize("url", ["http://127.0.0.1:4455", "127.0.0.1:4455", "ws://host:99999", "ws://host:1/x"])
def test_other_urls_are_refused(url):
    with pytest.raises(ValueError):
        parse_obs_url(url)
