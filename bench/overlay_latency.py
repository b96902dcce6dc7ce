"""Key press → OBS has acknowledged the new product title: the app's F5 push through the queue panel and
its CardPublisher, against a raw SetInputSettings floor.

`python bench/overlay_latency.py` starts a private OBS (tests/helpers/obs.py) and puts the card in its
program scene, as the app does by default; with `--obs ws://HOST:PORT` it uses that running OBS
(password from LIVECONSOLE_OBS_PASSWORD) and a scene of its own, removed afterwards. `--direct`
measures ProductQueue.push_next() → CardPublisher.publish() → acknowledged without the app.
Prints one JSON object on its last line.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from liveconsole.obs.card import Applied, Card, CardPublisher  # noqa: E402
from liveconsole.obs.overlay import TITLE  # noqa: E402
from liveconsole.obs.secrets import ENV_PASSWORD, load_password  # noqa: E402
from liveconsole.obs.status import parse_obs_url  # noqa: E402
from tests.helpers.obs import RawObs  # noqa: E402

BENCH_SCENE = "LiveConsole Bench"
WAIT_S = 5.0  # one push that OBS has not confirmed by then is a failure, not a slow sample


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def summary(prefix: str, values_ms: list[float]) -> dict[str, float]:
    return {f"{prefix}_p50_ms": round(percentile(values_ms, 50), 2),
            f"{prefix}_p99_ms": round(percentile(values_ms, 99), 2),
            f"{prefix}_max_ms": round(max(values_ms), 2)}


class Confirmations:
    """Waits for `applied` of one expected title; the time is taken on the publisher's thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._title: str | None = None
        self._done = threading.Event()
        self.at_ns = 0
        self.publisher_latency_ns = 0

    def expect(self, title: str) -> None:
        with self._lock:
            self._title = title
            self._done.clear()

    def __call__(self, applied: Applied) -> None:
        now = time.perf_counter_ns()
        with self._lock:
            if applied.card is not None and applied.card.title == self._title and not self._done.is_set():
                self.at_ns, self.publisher_latency_ns = now, applied.latency_ns
                self._done.set()

    def wait(self, timeout: float, pump: Callable[[], object] = lambda: None) -> bool:
        deadline = time.monotonic() + timeout
        while not self._done.wait(0.001):
            pump()
            if time.monotonic() > deadline:
                return False
        return True


def settle(publisher: CardPublisher, pump: Callable[[], object], timeout: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout
    while publisher.pending:
        pump()
        if time.monotonic() > deadline:
            raise SystemExit(f"overlay_latency: the card did not settle: {publisher.last_error}")
        time.sleep(0.001)


# -- through the app ------------------------------------------------------------------------------


def run_app(url: str, pushes: int, warmup: int, scene: str | None, workdir: Path) -> dict:
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest

    from liveconsole import app as root
    from liveconsole.core.obs import ConnectionState
    from liveconsole.store.settings import Settings

    settings_path = workdir / "settings.json"
    settings = Settings(settings_path)
    if scene:
        settings["obs_overlay_scene"] = scene
    settings.save()
    _qapp, window = root.build(root.Launch(demo=True, obs_url=url, language="zh_CN", settings_path=settings_path),
                              offscreen=True)
    loaded = threading.Event()
    window.session_loaded.connect(loaded.set)
    window.show()
    # QEventLoop's own processEvents: with PySide6 6.12 on CPython 3.11 the static
    # QCoreApplication.processEvents drops a reference to None on every call, and thousands of
    # them make the interpreter abort at exit ("none_dealloc").
    pump = QEventLoop().processEvents

    def ready() -> bool:
        panel = getattr(window, "queue_panel", None)
        return (loaded.is_set() and window.obs_panel is not None
                and window.obs_panel.state is ConnectionState.CONNECTED
                and panel is not None and panel.card is not None)

    try:
        deadline = time.monotonic() + 30
        while not ready():
            pump()
            if window.store_error is not None or time.monotonic() > deadline:
                raise SystemExit(f"overlay_latency: the app did not get ready (store: {window.store_error}, "
                                 f"obs: {window.obs_panel and window.obs_panel.state})")
            time.sleep(0.005)
        publisher: CardPublisher = window.queue_panel.card
        confirmations = Confirmations()
        publisher.applied.connect(confirmations)

        def push() -> int:
            pressed_ns = time.perf_counter_ns()
            QTest.keyClick(window, Qt.Key.Key_F5)
            return pressed_ns

        def walk_back() -> None:
            # Ctrl+U takes back each push of this round, so the lineup can be pushed through again.
            while window.room.queue.undo_depth:
                QTest.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
            settle(publisher, pump)

        return measure(window.room, push, walk_back, publisher, confirmations, pump, pushes, warmup,
                       via="queue_panel")
    finally:
        root._close(window)
        root._destroy(window)


# -- without the app --------------------------------------------------------------------------------


def run_direct(host: str, port: int, password: str, pushes: int, warmup: int, scene: str) -> dict:
    from liveconsole.core.live import LiveRoom
    from liveconsole.core.money import format_money
    from liveconsole.core.obs import Backoff, ConnectionState
    from liveconsole.io.products import read_products
    from liveconsole.obs.client import ObsClient
    from liveconsole.obs.overlay import ProductOverlay
    from liveconsole.store.clock import SystemClock
    from liveconsole.workspace import DEMO_LINEUP

    client = ObsClient(host, port, password, rng=random.Random(0), refused_backoff=Backoff(maximum=2.0))
    overlay = ProductOverlay(client, scene)
    publisher = CardPublisher(client, overlay)
    client.start()
    try:
        if not client.wait_for_state(ConnectionState.CONNECTED, 10):
            raise SystemExit(f"overlay_latency: the client did not connect: {client.last_error}")
        room = LiveRoom(SystemClock())
        room.open_session(None, read_products(DEMO_LINEUP).products)

        def card_of(item) -> Card:
            product = item.product
            prices = [f"直播价 ¥{format_money(product.live_price)}" if product.live_price is not None else "",
                      f"日常价 ¥{format_money(product.list_price)}" if product.list_price is not None else ""]
            return Card(product.title, "  ".join(p for p in prices if p), product.image_path or None)

        room.queue.events.pushed.connect(lambda item: publisher.publish(card_of(item)))
        confirmations = Confirmations()
        publisher.applied.connect(confirmations)

        def push() -> int:
            pressed_ns = time.perf_counter_ns()
            room.queue.push_next()
            return pressed_ns

        def walk_back() -> None:
            while room.queue.undo_depth:
                room.queue.undo()
            explaining = room.queue.explaining
            publisher.publish(None if explaining is None else card_of(explaining))
            settle(publisher, lambda: None)

        return measure(room, push, walk_back, publisher, confirmations, lambda: None, pushes, warmup,
                       via="direct")
    finally:
        publisher.close()
        overlay.close()
        client.close()


# -- the measurement ---------------------------------------------------------------------------------

def measure(room, push: Callable[[], int], walk_back: Callable[[], None], publisher: CardPublisher,
            confirmations: Confirmations, pump: Callable[[], object], pushes: int, warmup: int,
            via: str) -> dict:
    push_ms: list[float] = []
    handler_ms: list[float] = []
    publisher_ms: list[float] = []
    total = 0
    while len(push_ms) < pushes:
        up_next = room.queue.up_next
        if up_next is None:
            walk_back()
            continue
        confirmations.expect(up_next.product.title)
        pressed_ns = push()
        returned_ns = time.perf_counter_ns()
        if room.queue.explaining is None or room.queue.explaining.key != up_next.key:
            raise SystemExit(f"overlay_latency: the push of {up_next.key} did not happen")
        if not confirmations.wait(WAIT_S, pump):
            raise SystemExit(f"overlay_latency: OBS did not confirm {up_next.product.title!r} within {WAIT_S} s "
                             f"({publisher.last_error})")
        total += 1
        if total <= warmup:
            continue
        push_ms.append((confirmations.at_ns - pressed_ns) / 1e6)
        handler_ms.append((returned_ns - pressed_ns) / 1e6)
        publisher_ms.append(confirmations.publisher_latency_ns / 1e6)
    result = {"via": via, "pushes": len(push_ms), **summary("push", push_ms),
              **summary("key_handler", handler_ms), **summary("publish_to_ack", publisher_ms)}
    return result


def raw_floor(host: str, port: int, password: str, count: int) -> dict:
    """SetInputSettings of the title source over a bare client that hears no events."""
    times: list[float] = []
    with RawObs(host, port, password) as raw:
        for i in range(count + 10):
            began = time.perf_counter_ns()
            response = raw.request("SetInputSettings", {"inputName": TITLE, "overlay": True,
                                                        "inputSettings": {"text": f"基准 {i} 新款羊毛大衣"}})
            elapsed = (time.perf_counter_ns() - began) / 1e6
            if not response["requestStatus"]["result"]:
                raise SystemExit(f"overlay_latency: raw SetInputSettings failed: {response['requestStatus']}")
            if i >= 10:
                times.append(elapsed)
    return {"raw_set_text_p50_ms": round(percentile(times, 50), 2),
            "raw_set_text_p99_ms": round(percentile(times, 99), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--obs", help="ws://HOST:PORT of a running OBS (password: LIVECONSOLE_OBS_PASSWORD)")
    parser.add_argument("--pushes", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=5, help="pushes not counted (the first creates the sources)")
    parser.add_argument("--direct", action="store_true", help="queue → CardPublisher without the app")
    args = parser.parse_args()
    if args.pushes < 1:
        parser.error("--pushes must be at least 1")
    server = None
    if args.obs:
        host, port = parse_obs_url(args.obs)
        password = load_password(host, port) or ""
    else:
        from tests.helpers.obs import start_private_obs

        server = start_private_obs()
        print(f"started OBS on {server.url} in {server.startup_seconds:.2f} s", file=sys.stderr)
        host, port, password = server.host, server.port, server.password
        os.environ[ENV_PASSWORD] = password  # what the app reads its OBS password from
    made_scene = False
    workdir = Path(tempfile.mkdtemp(prefix="liveconsole-bench-"))
    try:
        with RawObs(host, port, password) as raw:
            scenes = [s["sceneName"] for s in raw.ok("GetSceneList")["scenes"]]
            program = raw.ok("GetCurrentProgramScene")["currentProgramSceneName"]
            if args.obs and BENCH_SCENE not in scenes:
                raw.ok("CreateScene", {"sceneName": BENCH_SCENE})
                made_scene = True
        # Someone else's OBS gets the card in a scene of our own, never in what its viewers see.
        scene = BENCH_SCENE if args.obs else None
        if args.direct:
            result = run_direct(host, port, password, args.pushes, args.warmup, scene or program)
        else:
            result = run_app(f"ws://{host}:{port}", args.pushes, args.warmup, scene, workdir)
        result.update(raw_floor(host, port, password, max(200, args.pushes)))
        result["scene"] = scene or program
        result["goal_met"] = result["push_p99_ms"] <= 15
    finally:
        if made_scene:
            with RawObs(host, port, password) as raw:
                raw.request("RemoveScene", {"sceneName": BENCH_SCENE})
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)
        if server is not None:
            server.cleanup()
    print(json.dumps(result, ensure_ascii=False), flush=True)
    if not args.direct:
        # PySide6 6.12 on CPython 3.11 drops a reference to None in many calls that return nothing;
        # after a few thousand the interpreter aborts while finalizing ("none_dealloc"). Everything
        # is closed by now, so leave without finalizing.
        sys.stderr.flush()
        os._exit(0)


if __name__ == "__main__":
    main()
