from __future__ import annotations

import http.client
import json
import re
import socket
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from liveconsole.core.metrics import FIELDS, Sample
from liveconsole.core.session import Session
from liveconsole.sources import ingest as ingest_module
from liveconsole.sources.inbox import SampleInbox, SampleRecorder
from liveconsole.sources.ingest import MAX_BODY, PATH, IngestServer
from liveconsole.store.database import Database
from liveconsole.store.metrics import MetricStore
from liveconsole.store.repositories import SessionStore

BEIJING = timezone(timedelta(hours=8))
NOW = datetime(2025, 11, 11, 20, 55, tzinfo=BEIJING)
GOOD = {"t": "2025-11-11T20:55:00+08:00", "online": 3500, "gmv": "627437.5", "orders": 1280}


class Collector:
    """The ingest API wired to a session's store, as `liveconsole serve` wires it."""

    def __init__(self, db: Database, **server_options) -> None:
        self.store = MetricStore(db)
        sessions = SessionStore(db)
        self.session_id = sessions.create_session(Session(f"双11 美妆专场 {len(sessions.sessions()) + 1}")).id
        self.recorder = SampleRecorder(self.store, self.session_id, server_options.pop("inbox", None))
        self.server = IngestServer(lambda samples: self.recorder.offer("ingest", samples), now=lambda: NOW,
                                   **server_options)
        self.server.start()

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.server.port}"

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)

    def post(self, body: bytes | str | object, *, token: str | None = "", host: str | None = None,
             headers: dict[str, str] | None = None, path: str = PATH, method: str = "POST",
             connection: http.client.HTTPConnection | None = None) -> tuple[int, dict, http.client.HTTPResponse]:
        if not isinstance(body, (bytes, str)):
            body = json.dumps(body)
        data = body.encode() if isinstance(body, str) else body
        conn = connection or self.connection()
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", self.host if host is None else host)
        if token is not None:
            conn.putheader("Authorization", f"Bearer {token or self.server.token}")
        all_headers = {"Content-Type": "application/json", "Content-Length": str(len(data)), **(headers or {})}
        for name, value in all_headers.items():
            if value is not None:
                conn.putheader(name, value)
        conn.endheaders(data)
        response = conn.getresponse()
        payload = response.read()
        if connection is None:
            conn.close()
        return response.status, json.loads(payload) if payload else {}, response

    def stored(self) -> list[Sample]:
        self.recorder.flush()
        return self.store.samples(self.session_id)

    def close(self) -> None:
        self.server.close()


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory) -> Iterator[Database]:
    """One SQLite file for the protocol tests; each test has its own session in it."""
    with Database.open(f"sqlite:///{tmp_path_factory.mktemp('ingest') / 'liveconsole.db'}") as db:
        yield db


@pytest.fixture
def collector(shared_db) -> Iterator[Collector]:
    collector = Collector(shared_db)
    try:
        yield collector
    finally:
        collector.close()


# --- accepted --------------------------------------------------------------------------------


def test_a_valid_sample_is_accepted_and_stored_on_either_database(db):
    collector = Collector(db)
    try:
        status, body, _ = collector.post(GOOD)
        assert (status, body) == (202, {"accepted": 1})
        assert collector.stored() == [Sample(NOW, online=3500, gmv=Decimal("627437.50"), orders=1280)]
    finally:
        collector.close()


def test_a_list_of_samples_is_accepted_whole_with_unix_times_and_exact_money(collector):
    samples = [{"t": 1762865700, "gmv": 627437.35, "uv": 80000},
               {"t": 1762865701.5, "gmv": "627500", "online": None, "avg_watch_s": 92.5}]
    status, body, _ = collector.post(samples)
    assert (status, body) == (202, {"accepted": 2})
    first, second = collector.stored()
    assert first.t == datetime.fromtimestamp(1762865700, timezone.utc)
    assert first.gmv == Decimal("627437.35")  # read as the decimal text it was, never through a float
    assert second.t == datetime.fromtimestamp(1762865701.5, timezone.utc)
    assert (second.gmv, second.online, second.avg_watch_s) == (Decimal("627500.00"), None, 92.5)


def test_every_field_of_the_api_reaches_the_store(collector):
    everything = {name: 7 for name in FIELDS} | {"t": "2025-11-11T12:55:00Z", "gmv": "7.5", "avg_watch_s": 7.5}
    assert collector.post(everything)[0] == 202
    assert collector.stored() == [Sample(NOW, **{name: 7 for name in FIELDS} | {"gmv": Decimal("7.5"),
                                                                                  "avg_watch_s": 7.5})]


def test_a_sample_without_a_time_is_stamped_with_its_arrival(collector):
    assert collector.post({"online": 10})[0] == 202
    assert collector.stored() == [Sample(NOW, online=10)]


@pytest.mark.parametrize("name", ["localhost", "127.0.0.1", "[::1]", "LOCALHOST"])
def test_every_loopback_name_with_the_port_is_accepted(collector, name):
    assert collector.post(GOOD, host=f"{name}:{collector.server.port}")[0] == 202


def test_one_connection_carries_request_after_request(collector):
    conn = collector.connection()
    try:
        for online in (1, 2, 3):
            status, _, _ = collector.post({"t": f"2025-11-11T20:5{online}:00+08:00", "online": online},
                                          connection=conn)
            assert status == 202
    finally:
        conn.close()
    assert [s.online for s in collector.stored()] == [1, 2, 3]


def test_the_server_listens_on_the_loopback_interface_only(collector):
    assert collector.server._httpd.server_address[0] == "127.0.0.1"
    assert collector.server.url == f"http://127.0.0.1:{collector.server.port}/v1/samples"


# --- refused: nothing is stored --------------------------------------------------------------


def refused(collector: Collector, expected_status: int, expected_error: str, **post) -> dict:
    status, body, response = collector.post(post.pop("body", GOOD), **post)
    assert (status, body["error"]) == (expected_status, expected_error), body
    assert body["reason"]
    assert collector.stored() == []
    return {"body": body, "response": response}


@pytest.mark.parametrize("token", ["wrong-token-wrong-token", "", None])
def test_a_wrong_or_missing_token_is_401_and_nothing_is_stored(collector, token):
    if token == "":
        result = refused(collector, 401, "unauthorized", headers={"Authorization": "Basic YWxhZGRpbjpzZXNhbWU="},
                         token=None)
    else:
        result = refused(collector, 401, "unauthorized", token=token)
    assert result["response"].getheader("WWW-Authenticate").startswith("Bearer")


def test_the_token_must_match_in_full(collector):
    refused(collector, 401, "unauthorized", token=collector.server.token[:-1])
    refused(collector, 401, "unauthorized", token=collector.server.token + "x")


@pytest.mark.parametrize("host", ["evil.example:{port}", "evil.example", "localhost", "127.0.0.1:1",
                                  "localhost.:{port}", "127.0.0.2:{port}", "::1:{port}", ""])
def test_a_foreign_host_header_is_421_and_nothing_is_stored(collector, host):
    refused(collector, 421, "misdirected_request", host=host.format(port=collector.server.port))


def raw_status(collector: Collector, head: str) -> bytes:
    """The status line the server answers a hand-written request head with."""
    sock = socket.create_connection(("127.0.0.1", collector.server.port), timeout=10)
    try:
        sock.sendall(head.encode("latin-1"))
        answer = b""
        while b"\r\n" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
        return answer.split(b"\r\n", 1)[0]
    finally:
        sock.close()


def test_a_request_with_two_host_headers_is_421(collector):
    head = (f"POST {PATH} HTTP/1.1\r\nHost: {collector.host}\r\nHost: evil.example\r\n"
            f"Authorization: Bearer {collector.server.token}\r\nContent-Length: 0\r\n\r\n")
    assert raw_status(collector, head).startswith(b"HTTP/1.1 421 ")
    assert collector.stored() == []


@pytest.mark.parametrize("origin", ["https://evil.example", "null", f"http://127.0.0.1:{1}"])
def test_a_request_from_a_web_page_is_403_and_nothing_is_stored(collector, origin):
    refused(collector, 403, "browser_origin", headers={"Origin": origin})


def test_a_browser_request_without_an_origin_is_403_too(collector):
    refused(collector, 403, "browser_origin", headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"})


def test_a_named_extension_origin_may_be_let_in(shared_db):
    collector = Collector(shared_db, allowed_origins=["chrome-extension://abcdefgh"])
    try:
        refused(collector, 403, "browser_origin", headers={"Origin": "chrome-extension://other"})
        status, _, _ = collector.post(GOOD, headers={"Origin": "chrome-extension://abcdefgh",
                                                     "Sec-Fetch-Site": "none"})
        assert status == 202
    finally:
        collector.close()


def test_a_100_kb_body_is_413_before_it_is_read_and_nothing_is_stored(collector):
    padding = "x" * (100 * 1024)
    result = refused(collector, 413, "too_large", body=json.dumps({**GOOD, "note": padding}))
    assert result["body"]["limit"] == MAX_BODY


def test_an_oversized_body_is_refused_from_its_content_length_without_being_read(collector, monkeypatch):
    read = []
    monkeypatch.setattr(ingest_module, "samples_from_body", lambda body, now: read.append(body) or [])
    refused(collector, 413, "too_large", body=b"{}", headers={"Content-Length": str(MAX_BODY + 1)})
    assert read == []


def test_a_chunked_body_without_a_length_is_411(collector):
    conn = collector.connection()
    try:
        conn.putrequest("POST", PATH, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", collector.host)
        conn.putheader("Authorization", f"Bearer {collector.server.token}")
        conn.putheader("Transfer-Encoding", "chunked")
        conn.endheaders()
        response = conn.getresponse()
        assert (response.status, json.loads(response.read())["error"]) == (411, "length_required")
    finally:
        conn.close()
    assert collector.stored() == []


def test_a_body_without_a_length_is_411(collector):
    refused(collector, 411, "length_required", headers={"Content-Length": None})


@pytest.mark.parametrize("length", ["-1", "abc", "\u00b2", "1, 2"])
def test_a_content_length_that_is_no_whole_number_is_400(collector, length):
    head = (f"POST {PATH} HTTP/1.1\r\nHost: {collector.host}\r\nAuthorization: Bearer {collector.server.token}\r\n"
            f"Content-Length: {length}\r\n\r\n")
    assert raw_status(collector, head).startswith(b"HTTP/1.1 400 ")
    assert collector.stored() == []


@pytest.mark.parametrize(
    ("body", "reason"),
    [("{", "Expecting property name"), ('{"online": 1', "Expecting"), ("", "Expecting value"),
     (b"\xff\xfe{}", "not UTF-8"), ('{"online": NaN}', "NaN"), ("[" * 100_00 + "]" * 100_00, "")],
)
def test_malformed_json_is_400_with_the_reason_and_nothing_is_stored(collector, body, reason):
    result = refused(collector, 400, "bad_json", body=body)
    assert reason in result["body"]["reason"]


@pytest.mark.parametrize(
    ("body", "field"),
    [({"gvm": 5}, "gvm"), ({"online": -1}, "online"), ({"online": 3.5}, "online"), ({"online": "3500"}, "online"),
     ({"orders": True}, "orders"), ({"gmv": "¥5"}, "gmv"), ({"gmv": "Infinity"}, "gmv"), ({"gmv": [1]}, "gmv"),
     ({"t": "2025-11-11T20:55:00"}, "t"), ({"t": "yesterday"}, "t"), ({"t": 1762865700000}, "t"),
     ({"avg_watch_s": "90"}, "avg_watch_s"), ({"likes": 10**13}, "likes"), ({"gmv": "1e12"}, "gmv")],
)
def test_a_sample_with_a_bad_field_is_400_naming_the_field_and_nothing_is_stored(collector, body, field):
    assert refused(collector, 400, "bad_sample", body=body)["body"]["field"] == field


def test_one_bad_sample_in_a_list_refuses_the_whole_list(collector):
    body = [{"online": 1}, {"online": 2}, {"online": -3}]
    result = refused(collector, 400, "bad_sample", body=body)
    assert (result["body"]["index"], result["body"]["field"]) == (2, "online")


@pytest.mark.parametrize("body", [[], [1], "3500", 3500, None])
def test_a_body_that_is_not_samples_is_400(collector, body):
    refused(collector, 400, "bad_sample", body=body)


def test_a_body_that_is_not_json_by_its_type_is_415(collector):
    refused(collector, 415, "unsupported_media_type", headers={"Content-Type": "application/x-www-form-urlencoded"})


def test_other_paths_and_methods_are_refused(collector):
    refused(collector, 404, "not_found", path="/v1/sample")
    refused(collector, 405, "method_not_allowed", method="PUT")
    refused(collector, 403, "browser_origin", method="OPTIONS", headers={"Origin": "https://evil.example"})


def test_a_full_inbox_is_503_and_keeps_nothing_of_the_request(shared_db):
    collector = Collector(shared_db, inbox=SampleInbox(capacity=2))
    try:
        assert collector.post([{"online": 1}, {"online": 2}])[0] == 202
        result = busy_response(collector, [{"online": 3}])
        assert result.getheader("Retry-After") == "1"
        assert [s.online for s in collector.stored()] == [2]  # both at NOW, merged: nothing of the third
    finally:
        collector.close()


def busy_response(collector: Collector, body: object) -> http.client.HTTPResponse:
    status, payload, response = collector.post(body)
    assert (status, payload["error"]) == (503, "busy")
    return response


def test_a_client_expecting_100_continue_is_refused_before_it_sends_the_body(collector):
    head = (f"POST {PATH} HTTP/1.1\r\nHost: {collector.host}\r\nAuthorization: Bearer nope-nope-nope\r\n"
            "Content-Type: application/json\r\nContent-Length: 20\r\nExpect: 100-continue\r\n\r\n")
    assert raw_status(collector, head).startswith(b"HTTP/1.1 401 ")
    assert collector.stored() == []


def test_a_client_expecting_100_continue_with_good_headers_is_asked_for_the_body(collector):
    head = (f"POST {PATH} HTTP/1.1\r\nHost: {collector.host}\r\nAuthorization: Bearer {collector.server.token}\r\n"
            "Content-Type: application/json\r\nContent-Length: 20\r\nExpect: 100-continue\r\n\r\n")
    assert raw_status(collector, head).startswith(b"HTTP/1.1 100 ")


def test_each_server_makes_its_own_long_random_token(collector):
    other = IngestServer(lambda samples: True)
    try:
        assert other.token != collector.server.token and len(other.token) >= 32
    finally:
        other.close()
    with pytest.raises(ValueError):
        IngestServer(lambda samples: True, token="short")


def test_a_closed_server_takes_no_more_samples(shared_db):
    collector = Collector(shared_db)
    collector.close()
    with pytest.raises(OSError):
        collector.post(GOOD)


# --- the contract ----------------------------------------------------------------------------

OPENAPI = Path(ingest_module.__file__).with_name("ingest-openapi.yaml")


def test_the_openapi_file_documents_the_path_every_field_and_every_answer():
    text = OPENAPI.read_text(encoding="utf-8")
    assert text.startswith("openapi: 3.")
    assert f"  {PATH}:" in text
    for name in ("t", *FIELDS):
        assert re.search(rf"^\s+{name}:$", text, re.MULTILINE), name
    for status in (202, 400, 401, 403, 404, 405, 411, 413, 415, 421, 503):
        assert f'"{status}":' in text, status
    assert "bearerAuth" in text
