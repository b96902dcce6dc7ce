"""One OBS Studio connection over obs-websocket v5, kept alive by an owner thread.

Threads: `ObsClient` runs an owner thread that connects, reconnects with backoff, re-reads OBS after
each connect, samples health once a second (which is also the heartbeat) and calls every callback in
`client.events` and `client.obs_event`. Each connection has a reader thread that only parses frames,
hands responses to the waiting caller and queues events for the owner. Requests may be made from any
thread, including from a callback, and never wait longer than their timeout.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import queue
import random
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import websocket
from obswebsocket import obsws
from obswebsocket import requests as obs_requests
from obswebsocket.base_classes import Baserequests

from liveconsole.core.events import Signal
from liveconsole.core.obs import (
    Backoff,
    ConnectionState,
    ObsError,
    ObsEvents,
    ObsNotConnected,
    ObsRequestFailed,
    ObsSnapshot,
    ObsTimeout,
    RandomSource,
    SceneChange,
    SceneRole,
    StreamHealth,
    with_rates,
)

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4455
MAX_REQUEST_TIMEOUT = 3.0

# obs-websocket v5 EventSubscription bits.
GENERAL, CONFIG, SCENES, INPUTS, TRANSITIONS = 1 << 0, 1 << 1, 1 << 2, 1 << 3, 1 << 4
FILTERS, OUTPUTS, SCENE_ITEMS, MEDIA_INPUTS, VENDORS, UI = 1 << 5, 1 << 6, 1 << 7, 1 << 8, 1 << 9, 1 << 10

# What the console listens to. Not TRANSITIONS: even a Cut sends SceneTransitionStarted just before
# the response to every SetCurrentProgramScene, and that is what made each switch take 44 ms (see
# ObsWebSocket._acknowledge). The library subscribes to 1023, which includes it.
SUBSCRIPTIONS = GENERAL | CONFIG | SCENES | INPUTS | OUTPUTS | SCENE_ITEMS | UI

CLOSE_AUTHENTICATION_FAILED = 4009
STATUS_SUCCESS = 100
STATUS_NOT_READY = 207
STATUS_RESOURCE_NOT_FOUND = 600

_OP_HELLO, _OP_IDENTIFY, _OP_IDENTIFIED = 0, 1, 2
_OP_EVENT, _OP_REQUEST, _OP_RESPONSE, _OP_BATCH, _OP_BATCH_RESPONSE = 5, 6, 7, 8, 9


class ObsUnavailable(ObsError):
    """No session with OBS could be opened; `reason` is a code for the CLI and the UI.

    refused: nothing listens on the port · auth_failed: OBS rejected the password ·
    timeout: no answer in time · not_websocket: something answered that is not obs-websocket v5.
    """

    REASONS = ("refused", "auth_failed", "timeout", "not_websocket")

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class ObsEvent:
    """An obs-websocket event as OBS sent it, for adapters that need more than `ObsEvents` carries."""

    type: str
    data: Mapping[str, Any]


class _Pending:
    __slots__ = ("event", "response")

    def __init__(self) -> None:
        self.event = threading.Event()
        self.response: dict | None = None


class ObsWebSocket(obsws):
    """obs-websocket-py's `obsws` for one session, changed where LiveConsole needs it (each says why).

    Requests use the library's request classes: `conn.call(requests.GetVersion(), timeout=2)`.
    """

    def __init__(self, host: str, port: int, password: str | None, *, timeout: float = MAX_REQUEST_TIMEOUT,
                 subscriptions: int = SUBSCRIPTIONS) -> None:
        super().__init__(host, port, password or "", legacy=False, timeout=timeout)
        self.subscriptions = subscriptions
        self.on_event: Callable[[str, dict], None] | None = None
        self.on_closed: Callable[[ObsWebSocket], None] | None = None
        self.close_code: int | None = None
        self.lost: BaseException | None = None
        self._ids = itertools.count(1)  # next() on a count is atomic, unlike the library's `self.id += 1`
        self._pending: dict[str, _Pending] = {}
        self._closed = threading.Event()
        self._reader: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"<ObsWebSocket {self.host}:{self.port}>"

    @property
    def alive(self) -> bool:
        return self._reader is not None and not self._closed.is_set()

    # -- opening -------------------------------------------------------------------------

    def connect(self) -> None:
        """Open and identify, or raise ObsUnavailable.

        Replaces the library's connect: that one has no timeout (a silent host would hold the owner
        thread forever) and its receive thread re-raises socket errors as unhandled thread exceptions.
        """
        ws = websocket.WebSocket(enable_multithread=True)
        url = f"ws://{self.host}:{self.port}"
        try:
            ws.connect(url, timeout=self.timeout)
        except ConnectionRefusedError as exc:
            raise ObsUnavailable("refused", f"{url}: {exc.strerror or exc}") from None
        except websocket.WebSocketAddressException as exc:
            raise ObsUnavailable("refused", f"{url}: cannot resolve the host: {exc}") from None
        except (socket.timeout, websocket.WebSocketTimeoutException) as exc:
            ws.shutdown()
            raise ObsUnavailable("timeout", f"{url}: no answer within {self.timeout:g} s") from exc
        except (websocket.WebSocketException, ValueError) as exc:
            ws.shutdown()
            raise ObsUnavailable("not_websocket", f"{url}: {exc}") from None
        except OSError as exc:
            ws.shutdown()
            raise ObsUnavailable("refused", f"{url}: {exc.strerror or exc}") from None
        self.ws = ws
        try:
            self._auth()
        except BaseException:
            ws.shutdown()
            raise
        self._reader = threading.Thread(target=self._read, name=f"obs-reader {self.host}:{self.port}",
                                        daemon=True)
        self._reader.start()

    def _recv_message(self) -> dict:
        try:
            opcode, data = self.ws.recv_data()
        except (socket.timeout, websocket.WebSocketTimeoutException):
            raise ObsUnavailable("timeout", "no Hello/Identified within the timeout") from None
        except (websocket.WebSocketException, OSError) as exc:
            raise ObsUnavailable("not_websocket", f"connection closed during the handshake: {exc}") from None
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            self.close_code = int.from_bytes(data[:2], "big") if len(data) >= 2 else None
            if self.close_code == CLOSE_AUTHENTICATION_FAILED:
                raise ObsUnavailable("auth_failed", "OBS rejected the password (close code 4009)")
            raise ObsUnavailable("not_websocket", f"closed with code {self.close_code} during the handshake")
        try:
            message = json.loads(data)
        except ValueError:
            raise ObsUnavailable("not_websocket", "the server's first message is not JSON") from None
        if not isinstance(message, dict) or not isinstance(message.get("d"), dict):
            raise ObsUnavailable("not_websocket", "the server's message is not obs-websocket's")
        return message

    def _auth(self) -> None:
        """Hello → Identify → Identified, subscribing to SUBSCRIPTIONS instead of the library's 1023.

        Replaces the library's _auth, which hard-codes eventSubscriptions=1023 and reports a wrong
        password only as "empty response"; here close code 4009 becomes reason auth_failed.
        """
        hello = self._recv_message()
        if hello.get("op") != _OP_HELLO:
            raise ObsUnavailable("not_websocket", f"expected Hello, got op {hello.get('op')}")
        self.server_version = hello["d"].get("obsWebSocketVersion")
        identify: dict[str, Any] = {"rpcVersion": 1, "eventSubscriptions": self.subscriptions}
        challenge = hello["d"].get("authentication")
        if challenge:
            identify["authentication"] = self._build_auth_string(challenge["salt"], challenge["challenge"])
        self.ws.send(json.dumps({"op": _OP_IDENTIFY, "d": identify}))
        identified = self._recv_message()
        if identified.get("op") != _OP_IDENTIFIED:
            raise ObsUnavailable("not_websocket", f"expected Identified, got op {identified.get('op')}")

    # -- receiving -----------------------------------------------------------------------

    def _read(self) -> None:
        ws = self.ws
        try:
            while True:
                try:
                    opcode, data = ws.recv_data()
                except (socket.timeout, websocket.WebSocketTimeoutException):
                    continue  # idle; the owner's heartbeat decides whether OBS is gone
                if opcode == websocket.ABNF.OPCODE_CLOSE:
                    self.close_code = int.from_bytes(data[:2], "big") if len(data) >= 2 else None
                    return
                if opcode not in (websocket.ABNF.OPCODE_TEXT, websocket.ABNF.OPCODE_BINARY):
                    continue
                try:
                    message = json.loads(data)
                    op, body = message["op"], message["d"]
                except (ValueError, KeyError, TypeError):
                    log.warning("ignoring a malformed message from OBS")
                    continue
                if op in (_OP_RESPONSE, _OP_BATCH_RESPONSE):
                    pending = self._pending.get(body.get("requestId"))
                    if pending is not None:
                        pending.response = body
                        pending.event.set()
                elif op == _OP_EVENT and self.on_event is not None:
                    self.on_event(body.get("eventType", ""), body.get("eventData") or {})
                if self._pending:
                    self._acknowledge()
        except (websocket.WebSocketException, OSError) as exc:
            self.lost = exc
        finally:
            self._closed.set()
            for pending in list(self._pending.values()):
                pending.event.set()  # with no response: the waiting caller sees the loss at once
            if self.on_closed is not None:
                self.on_closed(self)

    def _acknowledge(self) -> None:
        """Make the kernel ACK what OBS just sent, now, while we still wait for a response.

        OBS's server socket uses Nagle's algorithm: after it sends one message, it holds the next small
        one until the previous is acknowledged. Our kernel delays that ACK by up to 40 ms when it has
        nothing to send back. So an event that OBS writes just before a response (SceneTransitionStarted
        for every switch; CurrentProgramSceneChanged or SceneItemEnableStateChanged for some) made that
        response wait ~40 ms. An empty Pong (allowed unsolicited by RFC 6455, ignored by OBS) carries
        the ACK immediately. Without pending requests nothing is sent: the next request carries the ACK.
        """
        try:
            self.ws.pong(b"")
        except (websocket.WebSocketException, OSError):
            pass  # the reader sees the broken connection on its next receive

    # -- requests ------------------------------------------------------------------------

    def _exchange(self, op: int, body: dict, timeout: float | None) -> dict:
        if not self.alive:
            raise ObsNotConnected("the connection to OBS is closed")
        request_id = str(next(self._ids))
        pending = _Pending()
        self._pending[request_id] = pending
        try:
            if self._closed.is_set():  # closed after the check above: nobody would answer
                raise ObsNotConnected("the connection to OBS is closed")
            try:
                self.ws.send(json.dumps({"op": op, "d": {"requestId": request_id, **body}}))
            except (websocket.WebSocketException, OSError) as exc:
                raise ObsNotConnected(f"sending to OBS failed: {exc}") from None
            wait = self.timeout if timeout is None else min(timeout, self.timeout)
            if not pending.event.wait(max(0.0, wait)):
                raise ObsTimeout(f"OBS did not answer {body.get('requestType', 'a batch')} within {wait:g} s")
            if pending.response is None:
                raise ObsNotConnected("the connection to OBS closed before it answered")
            return pending.response
        finally:
            self._pending.pop(request_id, None)

    def call(self, obj: Baserequests, timeout: float | None = None) -> Baserequests:
        """Send one request and wait for its answer (at most `timeout`, capped at the connection's).

        Replaces the library's call, which waits only for its instance-wide timeout, drops the status
        code (so 207 NotReady and 600 NotFound look alike) and increments ids without a lock. The
        returned object is the library's, plus `status_code` and `comment`.
        """
        response = self._exchange(_OP_REQUEST, {"requestType": obj.name, "requestData": obj.data()}, timeout)
        _fill(obj, response)
        return obj

    def call_batch(self, objs: Sequence[Baserequests], timeout: float | None = None,
                   halt_on_failure: bool = False) -> Sequence[Baserequests]:
        """Run several requests in one round trip (obs-websocket's RequestBatch), in order."""
        body = {
            "haltOnFailure": halt_on_failure,
            "executionType": 0,  # SerialRealtime: one after another, at once
            "requests": [{"requestType": obj.name, "requestData": obj.data()} for obj in objs],
        }
        response = self._exchange(_OP_BATCH, body, timeout)
        results = response.get("results") or []
        for obj, result in itertools.zip_longest(objs, results[:len(objs)]):
            if result is None:  # not run: an earlier one failed with haltOnFailure
                obj.input({}, False)
                obj.status_code, obj.comment = None, "not run"
            else:
                _fill(obj, result)
        return objs

    # -- closing -------------------------------------------------------------------------

    def disconnect(self) -> None:
        """Say goodbye and drop the socket without waiting for OBS.

        Replaces the library's disconnect, which waits up to 3 s for OBS's close reply (a hung OBS
        never sends it) and joins its reader without a timeout.
        """
        ws = self.ws
        if ws is None:
            return
        try:
            if ws.connected:
                ws.send_close()
        except (websocket.WebSocketException, OSError):
            pass
        try:
            if ws.sock is not None:
                ws.sock.shutdown(socket.SHUT_RDWR)  # wakes the reader's blocking receive
        except OSError:
            pass
        reader = self._reader
        if reader is not None and reader is not threading.current_thread():
            reader.join(timeout=5.0)
        ws.shutdown()


def _fill(obj: Baserequests, response: Mapping[str, Any]) -> None:
    status = response.get("requestStatus") or {}
    obj.input(response.get("responseData") or {}, bool(status.get("result")))
    obj.status_code = status.get("code")
    obj.comment = status.get("comment")


def check(obj: Baserequests) -> Baserequests:
    """Raise ObsRequestFailed unless the request succeeded."""
    if not obj.status:
        raise ObsRequestFailed(obj.name, getattr(obj, "status_code", None) or 0, getattr(obj, "comment", None))
    return obj


def call_retrying(conn: ObsWebSocket, obj: Baserequests, timeout: float,
                  retry_pause: float = 0.05) -> Baserequests:
    """`conn.call`, repeated while OBS answers 207 NotReady (it is loading or closing), within `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        conn.call(obj, timeout=max(0.0, deadline - time.monotonic()))
        if getattr(obj, "status_code", None) != STATUS_NOT_READY:
            return obj
        left = deadline - time.monotonic()
        if left <= retry_pause:
            return obj
        time.sleep(retry_pause)


def open_connection(host: str, port: int, password: str | None, *, timeout: float = MAX_REQUEST_TIMEOUT,
                    subscriptions: int = SUBSCRIPTIONS) -> ObsWebSocket:
    """An identified session with OBS, or ObsUnavailable."""
    conn = ObsWebSocket(host, port, password, timeout=timeout, subscriptions=subscriptions)
    conn.connect()
    return conn


def scene_names(scene_list: Mapping[str, Any]) -> tuple[str, ...]:
    """Scene names top to bottom as OBS's list shows them: obs-websocket numbers them bottom up."""
    scenes = sorted(scene_list.get("scenes") or [], key=lambda s: s.get("sceneIndex", 0), reverse=True)
    return tuple(s["sceneName"] for s in scenes)


def read_snapshot(conn: ObsWebSocket, timeout: float = MAX_REQUEST_TIMEOUT,
                  retry_pause: float = 0.05) -> tuple[ObsSnapshot, float | None]:
    """Everything the console shows about OBS in one round trip (retried while OBS answers 207),
    and the canvas frame rate."""
    deadline = time.monotonic() + timeout
    while True:
        batch = conn.call_batch([
            obs_requests.GetVersion(), obs_requests.GetSceneList(), obs_requests.GetStudioModeEnabled(),
            obs_requests.GetStreamStatus(), obs_requests.GetRecordStatus(), obs_requests.GetVideoSettings(),
        ], timeout=max(0.0, deadline - time.monotonic()))
        if not any(getattr(obj, "status_code", None) == STATUS_NOT_READY for obj in batch):
            break
        if deadline - time.monotonic() <= retry_pause:
            raise ObsRequestFailed("GetSceneList", STATUS_NOT_READY, "OBS is not ready")
        time.sleep(retry_pause)
    version, scenes, studio, stream, record, video = batch
    check(version)
    check(scenes)
    studio_mode = bool(studio.datain.get("studioModeEnabled")) if studio.status else False
    snapshot = ObsSnapshot(
        obs_version=str(version.datain.get("obsVersion", "")),
        websocket_version=str(version.datain.get("obsWebSocketVersion", "")),
        scenes=scene_names(scenes.datain),
        current_program_scene=scenes.datain.get("currentProgramSceneName"),
        current_preview_scene=scenes.datain.get("currentPreviewSceneName") if studio_mode else None,
        studio_mode=studio_mode,
        streaming=bool(stream.datain.get("outputActive")) if stream.status else False,
        recording=bool(record.datain.get("outputActive")) if record.status else False,
    )
    fps = None
    if video.status and video.datain.get("fpsDenominator"):
        fps = video.datain["fpsNumerator"] / video.datain["fpsDenominator"]
    return snapshot, fps


def obs_process_running() -> bool | None:
    """Whether an OBS Studio process runs on this machine; None when this OS cannot tell cheaply."""
    if sys.platform.startswith("linux"):
        try:
            entries = os.listdir("/proc")
        except OSError:
            return None
        for entry in entries:
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/comm", encoding="utf-8", errors="replace") as comm:
                        if comm.read().strip() in ("obs", "obs-studio"):
                            return True
                except OSError:
                    continue
        return False
    if sys.platform == "win32":
        import subprocess

        try:
            listing = subprocess.run(["tasklist", "/FI", "IMAGENAME eq obs64.exe", "/NH"], capture_output=True,
                                     text=True, timeout=2, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        except (OSError, subprocess.SubprocessError):
            return None
        return "obs64.exe" in listing.stdout.lower()
    return None


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


class ObsClient:
    """One OBS: connection state, the latest snapshot, health samples, and requests.

    Construct, connect callbacks to `events` (and `obs_event`), then `start()`. Every callback runs on
    this client's owner thread; it may make requests but should return quickly. `close()` ends both
    threads. Implements `core.ports.ObsPort`.
    """

    def __init__(self, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, password: str | None = None, *,
                 request_timeout: float = MAX_REQUEST_TIMEOUT, health_interval: float = 1.0,
                 heartbeat_timeout: float = 2.0, backoff: Backoff = Backoff(),
                 refused_backoff: Backoff = Backoff(maximum=2.0), rng: RandomSource | None = None,
                 monotonic_ns: Callable[[], int] = time.monotonic_ns,
                 obs_running: Callable[[], bool | None] = obs_process_running) -> None:
        if not 0 < request_timeout <= MAX_REQUEST_TIMEOUT:
            raise ValueError(f"request_timeout must be in (0, {MAX_REQUEST_TIMEOUT}] s")
        self.host, self.port = host, port
        self._password = password
        self.request_timeout = request_timeout
        self.health_interval = health_interval
        self.heartbeat_timeout = heartbeat_timeout
        self.backoff = backoff
        # Knocking on a closed port costs nobody anything, so after "refused" the client keeps asking
        # every 2 s at most: a restarted OBS is back on the console within seconds of answering.
        # Anything that reached a server (timeouts, wrong protocol, lost sessions) backs off to 30 s.
        self.refused_backoff = refused_backoff
        self._rng = rng if rng is not None else random.Random()
        self._monotonic_ns = monotonic_ns
        self._obs_running = obs_running
        self.events = ObsEvents()
        self.obs_event: Signal[ObsEvent] = Signal("obs_event")
        self.connect_attempts = 0
        self.last_error: ObsUnavailable | None = None
        self._state = ConnectionState.DISCONNECTED
        self._state_changed = threading.Condition()
        self._snapshot: ObsSnapshot | None = None
        self._target_fps: float | None = None
        self._health: StreamHealth | None = None
        self._conn: ObsWebSocket | None = None
        self._inbox: queue.SimpleQueue[tuple[str, ObsWebSocket | None, Any]] = queue.SimpleQueue()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._attempt_requested = False
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"<ObsClient {self.host}:{self.port} {self._state.value}>"

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("already started")
        self._thread = threading.Thread(target=self._run, name=f"obs-owner {self.host}:{self.port}", daemon=True)
        self._thread.start()

    def close(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._wake.set()
        self._inbox.put(("stop", None, None))
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def __enter__(self) -> ObsClient:
        if self._thread is None:
            self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def set_password(self, password: str | None) -> None:
        """Use this password from the next attempt on; after 密码错误 that attempt starts at once."""
        self._password = password
        self.reconnect_now()

    def reconnect_now(self) -> None:
        """Try again at once: skips the rest of a backoff delay, and makes one attempt after 密码错误."""
        self._attempt_requested = True
        self._wake.set()
        self._inbox.put(("wake", None, None))

    # -- what the console reads ----------------------------------------------------------

    @property
    def state(self) -> ConnectionState:
        return self._state

    def snapshot(self) -> ObsSnapshot | None:
        return self._snapshot

    @property
    def last_health(self) -> StreamHealth | None:
        return self._health

    def wait_for_state(self, states: ConnectionState | Iterable[ConnectionState], timeout: float) -> bool:
        wanted = {states} if isinstance(states, ConnectionState) else set(states)
        with self._state_changed:
            return self._state_changed.wait_for(lambda: self._state in wanted, timeout)

    # -- requests (any thread) -----------------------------------------------------------

    def _connection(self) -> ObsWebSocket:
        conn = self._conn
        if conn is None or not conn.alive:
            raise ObsNotConnected(f"not connected to OBS at {self.host}:{self.port} ({self._state.value})")
        return conn

    def call(self, obj: Baserequests, timeout: float | None = None) -> Baserequests:
        """Any obs-websocket request (the library's request classes); retries 207, does not raise on failure."""
        return call_retrying(self._connection(), obj, self._timeout(timeout))

    def call_batch(self, objs: Sequence[Baserequests], timeout: float | None = None) -> Sequence[Baserequests]:
        """Several requests in one round trip; retries the whole batch while any answers 207."""
        conn = self._connection()
        deadline = time.monotonic() + self._timeout(timeout)
        while True:
            conn.call_batch(objs, timeout=max(0.0, deadline - time.monotonic()))
            not_ready = any(getattr(o, "status_code", None) == STATUS_NOT_READY for o in objs)
            if not not_ready or deadline - time.monotonic() <= 0.05:
                return objs
            time.sleep(0.05)

    def _timeout(self, timeout: float | None) -> float:
        return self.request_timeout if timeout is None else min(timeout, self.request_timeout)

    def request(self, obj: Baserequests, timeout: float | None = None) -> dict:
        """`call`, raising ObsRequestFailed unless OBS did it; returns the response data."""
        return check(self.call(obj, timeout)).datain

    def switch_scene(self, scene: str) -> None:
        self.request(obs_requests.SetCurrentProgramScene(sceneName=scene))

    def set_preview_scene(self, scene: str) -> None:
        self.request(obs_requests.SetCurrentPreviewScene(sceneName=scene))

    def set_text(self, source: str, text: str) -> None:
        self.request(obs_requests.SetInputSettings(inputName=source, inputSettings={"text": text}, overlay=True))

    def start_stream(self) -> None:
        self.request(obs_requests.StartStream())

    def stop_stream(self) -> None:
        self.request(obs_requests.StopStream())

    def start_record(self) -> None:
        self.request(obs_requests.StartRecord())

    def stop_record(self) -> None:
        self.request(obs_requests.StopRecord())

    def set_studio_mode(self, enabled: bool) -> None:
        self.request(obs_requests.SetStudioModeEnabled(studioModeEnabled=enabled))

    def read_snapshot(self, timeout: float | None = None) -> ObsSnapshot:
        """Ask OBS again now (the cached one is `snapshot()`)."""
        snapshot, _fps = read_snapshot(self._connection(), self._timeout(timeout))
        return snapshot

    # -- the owner thread ----------------------------------------------------------------

    def _set_state(self, state: ConnectionState) -> None:
        if state is self._state:
            return
        with self._state_changed:
            self._state = state
            self._state_changed.notify_all()
        log.info("OBS %s:%s: %s", self.host, self.port, state.value)
        self._emit(self.events.state_changed, state)

    def _emit(self, signal: Signal, payload: Any) -> None:
        # A broken callback must neither take the connection down nor starve the other listeners.
        signal.emit_guarded(payload, lambda callback, exc: log.error(
            "an OBS %s callback failed: %r", signal.name, callback, exc_info=exc))

    def _set_snapshot(self, snapshot: ObsSnapshot) -> None:
        if snapshot == self._snapshot:
            return
        self._snapshot = snapshot
        self._emit(self.events.snapshot_changed, snapshot)

    def _pause(self, seconds: float) -> None:
        self._wake.wait(seconds)
        self._wake.clear()

    def _run(self) -> None:
        attempt = 0
        while not self._stopping.is_set():
            if self._state is ConnectionState.AUTH_FAILED and not self._attempt_requested:
                self._pause(3600.0)  # until set_password, reconnect_now or close
                continue
            self._attempt_requested = False
            self._set_state(ConnectionState.CONNECTING)
            self.connect_attempts += 1
            try:
                conn = self._open()
            except ObsUnavailable as exc:
                # Said once per kind of failure, not on every retry through a long outage.
                level = logging.DEBUG if self.last_error and self.last_error.reason == exc.reason else logging.INFO
                log.log(level, "OBS %s:%s unavailable: %s", self.host, self.port, exc)
                self.last_error = exc
                if exc.reason == "auth_failed":
                    self._set_state(ConnectionState.AUTH_FAILED)
                    continue
                self._set_state(self._unavailable_state(exc))
                policy = self.refused_backoff if exc.reason == "refused" else self.backoff
                self._pause(policy.delay(attempt, self._rng))
                attempt += 1
                continue
            self.last_error = None
            attempt = 0
            try:
                self._serve(conn)
            finally:
                self._conn = None
                conn.disconnect()
            if not self._stopping.is_set():
                self._set_state(ConnectionState.DISCONNECTED)
                self._pause(self.backoff.delay(attempt, self._rng))
                attempt += 1
        self._set_state(ConnectionState.DISCONNECTED)

    def _unavailable_state(self, exc: ObsUnavailable) -> ConnectionState:
        if exc.reason == "not_websocket":
            return ConnectionState.NO_WEBSOCKET
        # A refused port while OBS itself runs here means its websocket server is switched off.
        if exc.reason == "refused" and _is_loopback(self.host) and self._obs_running():
            return ConnectionState.NO_WEBSOCKET
        return ConnectionState.DISCONNECTED

    def _open(self) -> ObsWebSocket:
        conn = ObsWebSocket(self.host, self.port, self._password, timeout=self.request_timeout)
        conn.on_event = lambda kind, data: self._inbox.put(("event", conn, (kind, data)))
        conn.on_closed = lambda closed: self._inbox.put(("closed", closed, None))
        conn.connect()
        try:
            snapshot, fps = read_snapshot(conn, self.request_timeout)
        except ObsError as exc:
            conn.disconnect()
            raise ObsUnavailable("timeout", f"could not read OBS's state: {exc}") from None
        self._target_fps = fps
        self._health = None
        self._wake.clear()
        self._attempt_requested = False
        self._conn = conn
        # The snapshot is in place before anyone hears CONNECTED, and announced after every connect
        # even when nothing changed: a view re-reads it then.
        self._snapshot = snapshot
        self._set_state(ConnectionState.CONNECTED)
        self._emit(self.events.snapshot_changed, snapshot)
        return conn

    def _serve(self, conn: ObsWebSocket) -> None:
        next_sample = time.monotonic() + self.health_interval
        while not self._stopping.is_set():
            try:
                kind, source, payload = self._inbox.get(timeout=max(0.0, next_sample - time.monotonic()))
            except queue.Empty:
                next_sample = time.monotonic() + self.health_interval
                if not self._sample_health(conn):
                    return
                continue
            if kind == "stop":
                return
            if source is not conn:
                continue  # from a connection already given up, or a wake-up
            if kind == "closed":
                log.info("OBS %s:%s closed the connection (code %s, %s)", self.host, self.port,
                         conn.close_code, type(conn.lost).__name__ if conn.lost else "clean")
                return
            if kind == "event":
                event_type, data = payload
                if not self._on_event(conn, event_type, data):
                    return

    def _sample_health(self, conn: ObsWebSocket) -> bool:
        """One health sample; False when OBS did not answer in time (the connection is dead)."""
        try:
            stats, stream, record = conn.call_batch(
                [obs_requests.GetStats(), obs_requests.GetStreamStatus(), obs_requests.GetRecordStatus()],
                timeout=self.heartbeat_timeout)
        except ObsTimeout:
            log.warning("OBS %s:%s stopped answering: dropping the connection", self.host, self.port)
            return False
        except ObsNotConnected:
            return False
        if not stats.status:
            return True  # 207 while OBS loads or closes: skip this sample
        s, st, rec = stats.datain, stream.datain if stream.status else {}, record.datain if record.status else {}
        sample = StreamHealth(
            mono_ns=self._monotonic_ns(),
            active_fps=float(s.get("activeFps") or 0.0),
            render_skipped=int(s.get("renderSkippedFrames") or 0),
            render_total=int(s.get("renderTotalFrames") or 0),
            output_skipped=int(s.get("outputSkippedFrames") or 0),
            output_total=int(s.get("outputTotalFrames") or 0),
            cpu_pct=float(s.get("cpuUsage") or 0.0),
            memory_mb=float(s.get("memoryUsage") or 0.0),
            target_fps=self._target_fps,
            streaming=bool(st.get("outputActive")),
            reconnecting=bool(st.get("outputReconnecting")),
            stream_bytes=int(st.get("outputBytes") or 0),
            stream_dropped=int(st.get("outputSkippedFrames") or 0),
            stream_total=int(st.get("outputTotalFrames") or 0),
            congestion=float(st.get("outputCongestion") or 0.0),
            stream_time_ms=int(st.get("outputDuration") or 0),
            recording=bool(rec.get("outputActive")),
            record_time_ms=int(rec.get("outputDuration") or 0),
        )
        self._health = with_rates(sample, self._health)
        snapshot = self._snapshot
        if snapshot is not None and (snapshot.streaming, snapshot.recording) != (sample.streaming, sample.recording):
            self._set_snapshot(replace(snapshot, streaming=sample.streaming, recording=sample.recording))
        self._emit(self.events.health_sampled, self._health)
        return True

    def _on_event(self, conn: ObsWebSocket, event_type: str, data: Mapping[str, Any]) -> bool:
        """Fold one OBS event into the snapshot and callbacks; False when OBS is shutting down."""
        snapshot = self._snapshot
        if event_type == "ExitStarted":
            return False
        if snapshot is not None:
            # OBS may repeat a scene it already reported (switches merged per frame): say it once.
            if event_type == "CurrentProgramSceneChanged":
                scene = data.get("sceneName")
                if scene != snapshot.current_program_scene:
                    self._set_snapshot(replace(snapshot, current_program_scene=scene))
                    self._emit(self.events.scene_changed, SceneChange(SceneRole.PROGRAM, scene))
            elif event_type == "CurrentPreviewSceneChanged":
                scene = data.get("sceneName")
                if scene != snapshot.current_preview_scene:
                    self._set_snapshot(replace(snapshot, current_preview_scene=scene))
                    self._emit(self.events.scene_changed, SceneChange(SceneRole.PREVIEW, scene))
            elif event_type == "SceneListChanged" and "scenes" in data:
                self._set_snapshot(replace(snapshot, scenes=scene_names(data)))
            elif event_type in ("SceneCreated", "SceneRemoved", "SceneNameChanged",
                                "CurrentSceneCollectionChanged", "StudioModeStateChanged"):
                # Names, order and the preview scene can all move: ask for the whole picture again.
                try:
                    fresh, fps = read_snapshot(conn, self.heartbeat_timeout)
                except ObsError as exc:
                    log.info("could not re-read OBS after %s: %s", event_type, exc)
                else:
                    self._target_fps = fps
                    self._set_snapshot(fresh)
            elif event_type == "StreamStateChanged":
                self._set_snapshot(replace(snapshot, streaming=bool(data.get("outputActive"))))
            elif event_type == "RecordStateChanged":
                self._set_snapshot(replace(snapshot, recording=bool(data.get("outputActive"))))
        self._emit(self.obs_event, ObsEvent(event_type, data))
        return True
