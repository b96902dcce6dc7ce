"""A private OBS Studio under Xvfb (its own HOME, websocket port and password, four scenes, Cut),
and `RawObs`, a minimal obs-websocket client that shares no code with LiveConsole's.

`start_private_obs()` returns an `ObsServer`; `kill()` SIGKILLs OBS only (Xvfb stays), `start()`
runs it again on the same HOME and port, `stop()` ends both.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
import zlib
from dataclasses import dataclass, field
from pathlib import Path

SCENES = ("全景", "近景特写", "商品台", "稍后回来")
PROFILE = "LiveConsoleTest"
COLLECTION = "LiveConsole Test"
COLLECTION_FILE = "liveconsole_test"

_POLL = 0.02


def obs_binary() -> str | None:
    return shutil.which("obs")


def xvfb_binary() -> str | None:
    return shutil.which("Xvfb")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _scene_source(name: str) -> dict:
    return {
        "name": name,
        "uuid": str(uuid.uuid4()),
        "id": "scene",
        "versioned_id": "scene",
        "settings": {"custom_size": False, "id_counter": 0, "items": []},
        "enabled": True,
        "flags": 0,
        "mixers": 0,
        "muted": False,
    }


def _global_ini(port: int, password: str) -> str:
    return "\n".join([
        "[General]",
        "FirstRun=true",
        "LastVersion=486539266",
        "Language=en-US",
        "EnableAutoUpdates=false",
        "",
        "[BasicWindow]",
        "SysTrayEnabled=true",
        "SysTrayWhenStarted=true",
        "PreviewEnabled=false",
        "",
        "[Basic]",
        f"Profile={PROFILE}",
        f"ProfileDir={PROFILE}",
        f"SceneCollection={COLLECTION}",
        f"SceneCollectionFile={COLLECTION_FILE}",
        "",
        "[OBSWebSocket]",
        "FirstLoad=false",
        "ServerEnabled=true",
        f"ServerPort={port}",
        "AlertsEnabled=false",
        "AuthRequired=true",
        f"ServerPassword={password}",
        "",
    ])


def _profile_ini(record_dir: Path) -> str:
    # 640x360@10 keeps OBS's render thread at a few percent of a core on a CI box.
    return "\n".join([
        "[General]",
        f"Name={PROFILE}",
        "",
        "[Video]",
        "BaseCX=640",
        "BaseCY=360",
        "OutputCX=640",
        "OutputCY=360",
        "FPSType=1",
        "FPSInt=10",
        "",
        "[Output]",
        "Mode=Simple",
        "",
        "[SimpleOutput]",
        f"FilePath={record_dir}",
        "RecFormat=mkv",
        "VBitrate=300",
        "ABitrate=64",
        "Preset=ultrafast",
        "",
        "[Audio]",
        "SampleRate=48000",
        "ChannelSetup=Mono",
        "",
    ])


def write_home(home: Path, port: int, password: str) -> None:
    """OBS's config under `home`: global.ini, the small profile and the four-scene collection."""
    config = home / ".config" / "obs-studio"
    profile = config / "basic" / "profiles" / PROFILE
    scenes = config / "basic" / "scenes"
    records = home / "recordings"
    for folder in (profile, scenes, records):
        folder.mkdir(parents=True, exist_ok=True)
    (config / "global.ini").write_text(_global_ini(port, password), "utf-8")
    (profile / "basic.ini").write_text(_profile_ini(records), "utf-8")
    collection = {
        "name": COLLECTION,
        "current_scene": SCENES[0],
        "current_program_scene": SCENES[0],
        "scene_order": [{"name": name} for name in SCENES],
        "sources": [_scene_source(name) for name in SCENES],
        "groups": [],
        "quick_transitions": [],
        "transitions": [],
        # Cut: a Fade would delay CurrentProgramSceneChanged by the transition's length.
        "current_transition": "Cut",
        "transition_duration": 300,
        "preview_locked": False,
        "scaling_enabled": False,
        "modules": {},
    }
    (scenes / f"{COLLECTION_FILE}.json").write_text(
        json.dumps(collection, ensure_ascii=False, indent=1), "utf-8")


def websocket_answers(host: str, port: int, timeout: float = 0.5) -> bool:
    """True once the port speaks obs-websocket: an HTTP upgrade gets a Hello (op 0)."""
    import websocket

    try:
        ws = websocket.create_connection(f"ws://{host}:{port}", timeout=timeout)
    except (OSError, websocket.WebSocketException):
        return False
    try:
        hello = json.loads(ws.recv())
        return hello.get("op") == 0
    except (OSError, ValueError, websocket.WebSocketException):
        return False
    finally:
        ws.close(timeout=0)


def _stop_process(process: subprocess.Popen | None, grace: float) -> None:
    if process is None or process.poll() is not None:
        if process is not None:
            process.wait()
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class ObsServer:
    """One OBS under one Xvfb; `host`/`port`/`password` are what a client needs."""

    home: Path
    port: int
    password: str
    host: str = "127.0.0.1"
    display: str = ""
    startup_seconds: float = 0.0
    _xvfb: subprocess.Popen | None = field(default=None, repr=False)
    _obs: subprocess.Popen | None = field(default=None, repr=False)
    _log: object | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}"

    @property
    def obs_pid(self) -> int | None:
        return self._obs.pid if self._obs is not None and self._obs.poll() is None else None

    def start_xvfb(self) -> None:
        read_fd, write_fd = os.pipe()
        try:
            # -displayfd: Xvfb picks a free display itself and writes its number when ready.
            self._xvfb = subprocess.Popen(
                [xvfb_binary() or "Xvfb", "-displayfd", str(write_fd), "-screen", "0",
                 "1280x720x24", "-nolisten", "tcp"],
                pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            os.close(write_fd)
            write_fd = -1
            number = b""
            with os.fdopen(read_fd, "rb", buffering=0) as pipe:
                read_fd = -1
                while not number.endswith(b"\n"):
                    chunk = pipe.read(16)
                    if not chunk:
                        raise RuntimeError("Xvfb exited before reporting its display")
                    number += chunk
            self.display = f":{int(number)}"
        finally:
            for fd in (read_fd, write_fd):
                if fd >= 0:
                    os.close(fd)

    def start(self, timeout: float = 30.0) -> float:
        """Run OBS and wait until its websocket answers; returns the seconds that took."""
        if self._obs is not None and self._obs.poll() is None:
            raise RuntimeError("OBS is already running")
        if self._obs is not None:
            self._obs.wait()
        env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
        env.update(HOME=str(self.home), DISPLAY=self.display, XDG_CONFIG_HOME=str(self.home / ".config"),
                   XDG_RUNTIME_DIR=str(self.home / "run"), LANG="C.UTF-8", LC_ALL="C.UTF-8")
        (self.home / "run").mkdir(mode=0o700, exist_ok=True)
        if self._log is None:
            self._log = open(self.home / "obs-stdout.log", "ab")  # noqa: SIM115  (closed in stop)
        began = time.monotonic()
        self._obs = subprocess.Popen(
            ["obs", "--multi", "--minimize-to-tray"], cwd=str(self.home), env=env,
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True)
        deadline = began + timeout
        while not websocket_answers(self.host, self.port, timeout=0.25):
            if self._obs.poll() is not None:
                raise RuntimeError(f"OBS exited with {self._obs.returncode}; see {self.home}/obs-stdout.log")
            if time.monotonic() > deadline:
                raise TimeoutError(f"OBS's websocket did not answer within {timeout} s")
            time.sleep(_POLL)
        return time.monotonic() - began

    def kill(self) -> None:
        """SIGKILL OBS (as a crash would); Xvfb keeps running so `start()` can follow."""
        if self._obs is not None and self._obs.poll() is None:
            self._obs.kill()
            self._obs.wait()

    def pause(self) -> None:
        """SIGSTOP OBS: its sockets stay open but nothing answers, like a hung process."""
        if self._obs is not None:
            self._obs.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        if self._obs is not None:
            self._obs.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self._obs is not None and self._obs.poll() is None:
            self._obs.send_signal(signal.SIGCONT)
        _stop_process(self._obs, grace=10.0)
        _stop_process(self._xvfb, grace=5.0)
        self._obs = self._xvfb = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)


def start_private_obs(timeout: float = 30.0) -> ObsServer:
    """Xvfb and OBS with a fresh HOME, a random free port and a random password."""
    home = Path(tempfile.mkdtemp(prefix="liveconsole-obs-"))
    server = ObsServer(home=home, port=free_port(), password=secrets.token_urlsafe(12))
    try:
        began = time.monotonic()
        write_home(home, server.port, server.password)
        server.start_xvfb()
        server.start(timeout=timeout)
        server.startup_seconds = time.monotonic() - began
        return server
    except BaseException:
        server.cleanup()
        raise


class RawObs:
    """Hello, Identify (with the auth challenge) and requests over plain websocket-client, one at a time.

    With `subscriptions=0` (the default) OBS sends no events: the fastest a client can be.
    """

    def __init__(self, host: str, port: int, password: str, subscriptions: int = 0, timeout: float = 3.0) -> None:
        import websocket

        self.events: list[dict] = []
        self._ids = itertools.count(1)
        self.ws = websocket.create_connection(f"ws://{host}:{port}", timeout=timeout)
        try:
            hello = json.loads(self.ws.recv())["d"]
            identify: dict = {"rpcVersion": 1, "eventSubscriptions": subscriptions}
            if hello.get("authentication"):
                challenge = hello["authentication"]
                secret = base64.b64encode(hashlib.sha256((password + challenge["salt"]).encode()).digest())
                identify["authentication"] = base64.b64encode(
                    hashlib.sha256(secret + challenge["challenge"].encode()).digest()).decode()
            self.ws.send(json.dumps({"op": 1, "d": identify}))
            if json.loads(self.ws.recv()).get("op") != 2:
                raise RuntimeError("OBS did not identify us")
        except BaseException:
            self.ws.close(timeout=0)
            raise

    def request(self, request_type: str, data: dict | None = None) -> dict:
        """The response's `d`: requestStatus and responseData."""
        request_id = str(next(self._ids))
        self.ws.send(json.dumps({"op": 6, "d": {"requestType": request_type, "requestId": request_id,
                                                "requestData": data or {}}}))
        while True:
            message = json.loads(self.ws.recv())
            if message["op"] == 7 and message["d"]["requestId"] == request_id:
                return message["d"]
            if message["op"] == 5:
                self.events.append(message["d"])

    def ok(self, request_type: str, data: dict | None = None) -> dict:
        """The responseData; AssertionError if OBS refused."""
        response = self.request(request_type, data)
        assert response["requestStatus"]["result"], response
        return response.get("responseData") or {}

    def close(self) -> None:
        self.ws.close(timeout=0.5)

    def __enter__(self) -> RawObs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def png_rows(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """(width, height, bytes per pixel, unfiltered rows) of an 8-bit, non-interlaced PNG such as OBS's
    screenshots; enough to tell a rendered picture from a blank one."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
    if header is None:
        raise ValueError("PNG without IHDR")
    width, height = int.from_bytes(header[0:4], "big"), int.from_bytes(header[4:8], "big")
    depth, colour, interlace = header[8], header[9], header[12]
    if depth != 8 or interlace != 0 or colour not in (0, 2, 4, 6):
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - bpp] if x >= bpp else 0
            up = previous[x]
            corner = previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, bpp, rows


def screenshot_variance(image_data: str) -> float:
    """Variance of all colour values in a GetSourceScreenshot `imageData` (a data: URL of a PNG)."""
    import numpy as np

    encoded = image_data.split(",", 1)[1] if image_data.startswith("data:") else image_data
    width, height, bpp, rows = png_rows(base64.b64decode(encoded))
    pixels = np.frombuffer(b"".join(rows), dtype=np.uint8).reshape(height, width, bpp)
    colour = pixels[..., :3] if bpp >= 3 else pixels[..., :1]
    return float(colour.astype(np.float64).var())
