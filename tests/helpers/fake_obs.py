"""A tiny stand-in for obs-websocket, for what the real OBS cannot be made to do on demand.

Real OBS 29 answers 207 NotReady only inside its own start-up and shut-down windows, which a test
cannot hit reliably; it also always speaks websocket on its port. This server speaks just enough of
the v5 protocol (Hello without auth, Identify, Request) to script those answers, and can instead
answer plain HTTP (`mode="http"`) or accept and never speak (`mode="silent"`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import struct
import threading
from collections.abc import Callable
from typing import Any

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

# (request type, request data, how many times this type was asked before) -> (status code, response data)
Responder = Callable[[str, dict, int], tuple[int, dict]]


def default_responder(request_type: str, data: dict, seen: int) -> tuple[int, dict]:
    if request_type == "GetVersion":
        return 100, {"obsVersion": "0-fake", "obsWebSocketVersion": "5.1.0"}
    if request_type == "GetSceneList":
        return 100, {"currentProgramSceneName": "A", "currentPreviewSceneName": None,
                     "scenes": [{"sceneIndex": 1, "sceneName": "A"}, {"sceneIndex": 0, "sceneName": "B"}]}
    if request_type in ("GetStreamStatus", "GetRecordStatus"):
        return 100, {"outputActive": False}
    if request_type == "GetStudioModeEnabled":
        return 100, {"studioModeEnabled": False}
    if request_type == "GetVideoSettings":
        return 100, {"fpsNumerator": 30, "fpsDenominator": 1}
    return 100, {}


class FakeObsServer:
    """Listens on 127.0.0.1:<port>; `requests` records every (type, data) it was asked."""

    def __init__(self, responder: Responder = default_responder, mode: str = "websocket", port: int = 0) -> None:
        self.responder = responder
        self.mode = mode
        self.requests: list[tuple[str, dict]] = []
        self.connections = 0
        self._counts: dict[str, int] = {}
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", port))
        self._listener.listen()
        self.port = self._listener.getsockname()[1]
        self._clients: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._closing = False
        self._acceptor = threading.Thread(target=self._accept, name="fake-obs-accept", daemon=True)
        self._acceptor.start()

    def __enter__(self) -> FakeObsServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._closing = True
        try:
            self._listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._listener.close()
        with self._lock:
            clients = list(self._clients)
        for client in clients:
            try:
                client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._acceptor.join(5)
        for thread in self._threads:
            thread.join(5)
        for client in clients:
            client.close()

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
                self._clients.append(client)
            thread = threading.Thread(target=self._serve, args=(client,), name="fake-obs-client", daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        try:
            reader = client.makefile("rb")
            try:
                headers = {}
                while True:
                    line = reader.readline()
                    if not line or line in (b"\r\n", b"\n"):
                        break
                    name, _, value = line.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                if self.mode == "http":
                    client.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                    return
                if self.mode == "silent":
                    reader.read()  # until the client gives up
                    return
                accept = base64.b64encode(
                    hashlib.sha1((headers.get("sec-websocket-key", "") + _GUID).encode()).digest()).decode()
                client.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                f"Connection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n").encode())
                self._send(client, {"op": 0, "d": {"obsWebSocketVersion": "5.1.0", "rpcVersion": 1}})
                while True:
                    opcode, payload = self._read_frame(reader)
                    if opcode is None or opcode == 8:
                        return
                    if opcode != 1:
                        continue
                    self._answer(client, json.loads(payload))
            finally:
                reader.close()
        except OSError:
            return

    def _answer(self, client: socket.socket, message: dict) -> None:
        op, body = message.get("op"), message.get("d", {})
        if op == 1:
            self._send(client, {"op": 2, "d": {"negotiatedRpcVersion": 1}})
        elif op == 6:
            self._send(client, {"op": 7, "d": self._result(body) | {"requestId": body["requestId"]}})
        elif op == 8:
            results = [self._result(request) for request in body.get("requests", [])]
            self._send(client, {"op": 9, "d": {"requestId": body["requestId"], "results": results}})

    def _result(self, request: dict) -> dict[str, Any]:
        kind, data = request["requestType"], request.get("requestData") or {}
        with self._lock:
            seen = self._counts.get(kind, 0)
            self._counts[kind] = seen + 1
            self.requests.append((kind, data))
        code, response = self.responder(kind, data, seen)
        return {"requestType": kind, "requestStatus": {"result": code == 100, "code": code},
                "responseData": response}

    @staticmethod
    def _read_frame(reader) -> tuple[int | None, bytes]:
        head = reader.read(2)
        if len(head) < 2:
            return None, b""
        opcode, length = head[0] & 0x0F, head[1] & 0x7F
        if length == 126:
            length = struct.unpack("!H", reader.read(2))[0]
        elif length == 127:
            length = struct.unpack("!Q", reader.read(8))[0]
        mask = reader.read(4) if head[1] & 0x80 else b"\0\0\0\0"
        data = reader.read(length)
        return opcode, bytes(b ^ mask[i % 4] for i, b in enumerate(data))

    @staticmethod
    def _send(client: socket.socket, message: dict) -> None:
        payload = json.dumps(message).encode()
        if len(payload) < 126:
            header = struct.pack("!BB", 0x81, len(payload))
        elif len(payload) < 65536:
            header = struct.pack("!BBH", 0x81, 126, len(payload))
        else:
            header = struct.pack("!BBQ", 0x81, 127, len(payload))
        client.sendall(header + payload)
