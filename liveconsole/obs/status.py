"""One-shot OBS queries for the headless CLI: `liveconsole obs status` and `liveconsole obs switch`."""

from __future__ import annotations

from urllib.parse import urlsplit

from obswebsocket import requests as obs_requests

from liveconsole.core.obs import ObsNotConnected, ObsTimeout

from liveconsole.obs.client import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    ObsUnavailable,
    call_retrying,
    check,
    open_connection,
    read_snapshot,
)
from liveconsole.obs.secrets import load_password

__all__ = ["DEFAULT_URL", "ObsUnavailable", "parse_obs_url", "status", "switch"]

DEFAULT_URL = f"ws://{DEFAULT_HOST}:{DEFAULT_PORT}"


def parse_obs_url(url: str | None) -> tuple[str, int]:
    """(host, port) from `ws://HOST:PORT`; None means the default ws://127.0.0.1:4455."""
    parts = urlsplit(url or DEFAULT_URL)
    if parts.scheme != "ws" or not parts.hostname or parts.path not in ("", "/") or parts.query:
        raise ValueError(f"not an OBS websocket URL (want ws://HOST:PORT): {url}")
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise ValueError(f"bad port in {url}") from None
    return parts.hostname, port


def _open(url: str | None, password: str | None, timeout: float):
    host, port = parse_obs_url(url)
    if password is None:
        password = load_password(host, port)
    # No event subscriptions: a one-shot query has nothing to listen to.
    return open_connection(host, port, password, timeout=timeout, subscriptions=0)


def _one_shot(url: str | None, password: str | None, timeout: float, work):
    """Connect, do `work(conn)`, disconnect; a lost or silent OBS becomes ObsUnavailable."""
    conn = _open(url, password, timeout)
    try:
        return work(conn)
    except ObsTimeout as exc:
        raise ObsUnavailable("timeout", str(exc)) from None
    except ObsNotConnected as exc:
        raise ObsUnavailable("refused", str(exc)) from None
    finally:
        conn.disconnect()


def status(url: str | None = None, password: str | None = None, timeout: float = 3.0) -> dict:
    """What `liveconsole obs status --json` prints; raises ObsUnavailable (with `.reason`) when it cannot.

    A None password comes from LIVECONSOLE_OBS_PASSWORD or the keyring.
    """
    snapshot, _fps = _one_shot(url, password, timeout, lambda conn: read_snapshot(conn, timeout))
    return {
        "connected": True,
        "obs_version": snapshot.obs_version,
        "websocket_version": snapshot.websocket_version,
        "scenes": list(snapshot.scenes),
        "current_scene": snapshot.current_program_scene,
        "streaming": snapshot.streaming,
        "recording": snapshot.recording,
    }


def switch(url: str | None, password: str | None, scene: str, timeout: float = 3.0) -> None:
    """Make `scene` the program scene; ObsUnavailable, or ObsRequestFailed (code 600: no such scene)."""
    _one_shot(url, password, timeout,
              lambda conn: check(call_retrying(conn, obs_requests.SetCurrentProgramScene(sceneName=scene), timeout)))
