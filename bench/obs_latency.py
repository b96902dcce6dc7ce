"""Scene-switch and product-text latency through LiveConsole's OBS client, against a raw-client floor.

`python bench/obs_latency.py` starts a private OBS (tests/helpers/obs.py); with `--obs ws://HOST:PORT`
it uses that running OBS (password from LIVECONSOLE_OBS_PASSWORD). Cut transition throughout.
Prints one JSON object on its last line.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import websocket  # noqa: E402
from obswebsocket import obsws  # noqa: E402
from obswebsocket import requests as obs_requests  # noqa: E402

from liveconsole.core.obs import ConnectionState  # noqa: E402
from liveconsole.obs.client import ObsClient  # noqa: E402
from liveconsole.obs.overlay import ProductOverlay  # noqa: E402
from liveconsole.obs.secrets import load_password  # noqa: E402
from liveconsole.obs.status import parse_obs_url  # noqa: E402

BENCH_SCENE = "LiveConsole Bench"


class FloorClient:
    """The least a client can do: websocket-client, Identify with eventSubscriptions=0, one request at a time."""

    def __init__(self, host: str, port: int, password: str) -> None:
        self.ws = websocket.create_connection(f"ws://{host}:{port}", timeout=3)
        hello = json.loads(self.ws.recv())["d"]
        identify = {"rpcVersion": 1, "eventSubscriptions": 0}
        if hello.get("authentication"):
            salt, challenge = hello["authentication"]["salt"], hello["authentication"]["challenge"]
            secret = base64.b64encode(hashlib.sha256((password + salt).encode()).digest())
            identify["authentication"] = base64.b64encode(
                hashlib.sha256(secret + challenge.encode()).digest()).decode()
        self.ws.send(json.dumps({"op": 1, "d": identify}))
        if json.loads(self.ws.recv())["op"] != 2:
            raise RuntimeError("not identified")
        self.next_id = 0

    def request(self, request_type: str, data: dict) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"op": 6, "d": {"requestType": request_type, "requestId": str(self.next_id),
                                                "requestData": data}}))
        while True:
            message = json.loads(self.ws.recv())
            if message["op"] == 7 and message["d"]["requestId"] == str(self.next_id):
                if not message["d"]["requestStatus"]["result"]:
                    raise RuntimeError(message["d"])
                return message["d"].get("responseData") or {}

    def close(self) -> None:
        self.ws.close(timeout=0.5)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def timed(action: Callable[[int], object], count: int) -> list[float]:
    times = []
    for i in range(count):
        began = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - began) * 1000)
    return times


def run(host: str, port: int, password: str, switches: int, text_updates: int, shipped: int) -> dict:
    floor = FloorClient(host, port, password)
    scenes = [s["sceneName"] for s in sorted(floor.request("GetSceneList", {})["scenes"],
                                             key=lambda s: -s["sceneIndex"])]
    if len(scenes) < 2:
        raise SystemExit("obs_latency: OBS needs at least two scenes")
    pair = scenes[:2]
    before = {"transition": floor.request("GetCurrentSceneTransition", {})["transitionName"],
              "scene": floor.request("GetCurrentProgramScene", {})["currentProgramSceneName"]}
    transitions = [t["transitionName"] for t in floor.request("GetSceneTransitionList", {})["transitions"]]
    cut = next((t for t in transitions if t.lower() == "cut"), None)
    if cut is None:
        raise SystemExit(f"obs_latency: no Cut transition in {transitions}")
    floor.request("SetCurrentSceneTransition", {"transitionName": cut})

    client = ObsClient(host, port, password, rng=random.Random(0))
    client.start()
    if not client.wait_for_state(ConnectionState.CONNECTED, 5):
        raise SystemExit(f"obs_latency: LiveConsole's client did not connect: {client.last_error}")
    made_scene = False
    try:
        def ours(i: int) -> None:
            client.switch_scene(pair[i % 2])

        def raw(i: int) -> None:
            floor.request("SetCurrentProgramScene", {"sceneName": pair[i % 2]})

        timed(ours, 20), timed(raw, 20)  # warm-up
        ours_ms: list[float] = []
        floor_ms: list[float] = []
        chunk = 50
        # Interleaved chunks, so both see the same machine load over the run.
        for _round in range(math.ceil(switches / chunk)):
            floor_ms += timed(raw, chunk)
            ours_ms += timed(ours, chunk)

        library = obsws(host, port, password)
        library.connect()
        try:
            shipped_ms = timed(lambda i: library.call(obs_requests.SetCurrentProgramScene(sceneName=pair[i % 2])),
                               shipped)
        finally:
            library.disconnect()

        if BENCH_SCENE not in scenes:
            floor.request("CreateScene", {"sceneName": BENCH_SCENE})
            made_scene = True
        overlay = ProductOverlay(client, BENCH_SCENE)
        try:
            overlay.show_product("预热", "¥0")
            text_ms = timed(lambda i: overlay.show_product(f"商品 {i} 新款羊毛大衣", f"直播价 ¥{i % 500}.9"),
                            text_updates)
        finally:
            overlay.hide()
            overlay.close()
    finally:
        client.close()
        if made_scene:
            floor.request("RemoveScene", {"sceneName": BENCH_SCENE})
        floor.request("SetCurrentSceneTransition", {"transitionName": before["transition"]})
        floor.request("SetCurrentProgramScene", {"sceneName": before["scene"]})
        floor.close()

    result = {
        "switch_p50_ms": round(percentile(ours_ms, 50), 2),
        "switch_p99_ms": round(percentile(ours_ms, 99), 2),
        "floor_switch_p50_ms": round(percentile(floor_ms, 50), 2),
        "floor_switch_p99_ms": round(percentile(floor_ms, 99), 2),
        "text_update_p50_ms": round(percentile(text_ms, 50), 2),
        "text_update_p99_ms": round(percentile(text_ms, 99), 2),
        "library_as_shipped_p50_ms": round(percentile(shipped_ms, 50), 2),
        "library_as_shipped_p99_ms": round(percentile(shipped_ms, 99), 2),
        "switches": len(ours_ms),
        "text_updates": len(text_ms),
    }
    result["switch_goal_met"] = (result["switch_p99_ms"] <= 1.3 * result["floor_switch_p99_ms"]
                                 and result["switch_p99_ms"] <= 12)
    result["text_goal_met"] = result["text_update_p99_ms"] <= 15
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--obs", help="ws://HOST:PORT of a running OBS (password: LIVECONSOLE_OBS_PASSWORD)")
    parser.add_argument("--switches", type=int, default=400)
    parser.add_argument("--text-updates", type=int, default=400)
    parser.add_argument("--shipped", type=int, default=100, help="switches through the library as shipped")
    args = parser.parse_args()
    server = None
    if args.obs:
        host, port = parse_obs_url(args.obs)
        password = load_password(host, port) or ""
    else:
        from tests.helpers.obs import start_private_obs

        server = start_private_obs()
        print(f"started OBS on {server.url} in {server.startup_seconds:.2f} s", file=sys.stderr)
        host, port, password = server.host, server.port, server.password
    try:
        result = run(host, port, password, args.switches, args.text_updates, args.shipped)
    finally:
        if server is not None:
            server.cleanup()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
