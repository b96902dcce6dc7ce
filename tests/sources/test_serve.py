from __future__ import annotations

import http.client
import json
import queue
import threading
from decimal import Decimal

from liveconsole.core.session import Session
from liveconsole.sources.serve import serve
from liveconsole.store.metrics import MetricStore
from liveconsole.store.repositories import SessionStore
from tests.helpers.waiting import wait_until


def post(url: str, token: str, body: object) -> int:
    host_port = url.split("/")[2]
    conn = http.client.HTTPConnection(*host_port.split(":"), timeout=10)
    try:
        conn.request("POST", "/v1/samples", json.dumps(body),
                     {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_the_collector_announces_its_address_saves_what_arrives_and_stops_when_told(db):
    store = MetricStore(db)
    session_id = SessionStore(db).create_session(Session("采集")).id
    stop = threading.Event()
    announced: queue.Queue[dict] = queue.Queue()
    result: list[int] = []
    runner = threading.Thread(target=lambda: result.append(
        serve(store, session_id, stop=stop, announce=announced.put, interval=0.05)))
    runner.start()
    try:
        info = announced.get(timeout=10)
        assert info["url"].startswith("http://127.0.0.1:") and info["session_id"] == session_id
        assert post(info["url"], info["token"], [{"t": 1762865700 + n, "online": n, "gmv": str(n)}
                                                  for n in range(5)]) == 202
        assert wait_until(lambda: store.count(session_id) == 5, timeout=10)
        assert post(info["url"], info["token"], {"t": 1762865800, "orders": 9}) == 202
    finally:
        stop.set()
        runner.join(timeout=10)
    # What was accepted before the stop is saved by the time serve returns.
    assert result == [6]
    saved = store.samples(session_id)
    assert [s.online for s in saved[:5]] == [0, 1, 2, 3, 4] and saved[4].gmv == Decimal("4.00")
    assert saved[5].orders == 9
