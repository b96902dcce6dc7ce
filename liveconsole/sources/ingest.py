"""The loopback ingest API: `POST /v1/samples` from a browser extension or a script, on 127.0.0.1 only.
The contract is ingest-openapi.yaml beside this file; a refused request stores nothing."""

from __future__ import annotations

import hmac
import json
import logging
import math
import re
import secrets
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from liveconsole.core.metrics import COUNT_FIELDS, FIELDS, Sample, SampleError

log = logging.getLogger(__name__)

SOURCE = "ingest"
PATH = "/v1/samples"
BIND = "127.0.0.1"
MAX_BODY = 64 * 1024
# A refused request's body is read and dropped up to this size so that the client sees the answer;
# closing on unread data would reset the connection before it could.
DRAIN_LIMIT = 1024 * 1024
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]"})
FIELD_NAMES = frozenset({"t", *FIELDS})
REQUEST_TIMEOUT_S = 10.0  # a client that stalls mid-request frees its thread after this
# Plausible sample times as Unix seconds: a millisecond timestamp or a typo is refused, not stored in 50000 AD.
_EARLIEST_UNIX_S = 946_684_800  # 2000-01-01
_LATEST_UNIX_S = 4_102_444_800  # 2100-01-01

SampleHandler = Callable[[list[Sample]], "bool | None"]


class Refusal(Exception):
    """A request answered with an error status; `body` is the JSON the client gets."""

    def __init__(self, status: int, error: str, reason: str, headers: Iterable[tuple[str, str]] = (),
                 **detail: Any) -> None:
        super().__init__(f"{status} {error}: {reason}")
        self.status = status
        self.headers = tuple(headers)
        self.body = {"error": error, "reason": reason, **detail}


def new_token() -> str:
    return secrets.token_urlsafe(32)


# --- reading samples -----------------------------------------------------------------------


def _bad(reason: str, index: int | None, field: str | None = None) -> Refusal:
    detail: dict[str, Any] = {}
    if index is not None:
        detail["index"] = index
    if field is not None:
        detail["field"] = field
    return Refusal(400, "bad_sample", reason, **detail)


def _time(value: object, now: datetime, index: int | None) -> datetime:
    if value is None:
        return now
    if isinstance(value, bool):
        raise _bad("t is ISO 8601 text or Unix seconds", index, "t")
    if isinstance(value, (int, Decimal)):
        if not (_EARLIEST_UNIX_S <= value <= _LATEST_UNIX_S):
            raise _bad("t as Unix seconds must fall between 2000 and 2100", index, "t")
        return datetime.fromtimestamp(float(value), tz=timezone.utc)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise _bad("t is not ISO 8601", index, "t") from None
        if parsed.utcoffset() is None:
            raise _bad("t needs a UTC offset (Z or +08:00)", index, "t")
        return parsed
    raise _bad("t is ISO 8601 text or Unix seconds", index, "t")


def _count(value: object, name: str, index: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    raise _bad(f"{name} must be a whole number", index, name)


def _amount(value: object, index: int | None) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise _bad("gmv must be a number or a decimal string (yuan)", index, "gmv")
    if isinstance(value, (int, Decimal)):
        amount = Decimal(value)
    elif isinstance(value, str):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            raise _bad("gmv must be a number or a decimal string (yuan)", index, "gmv") from None
    else:
        raise _bad("gmv must be a number or a decimal string (yuan)", index, "gmv")
    if not amount.is_finite():
        raise _bad("gmv must be finite", index, "gmv")
    return amount


def _seconds(value: object, index: int | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise _bad("avg_watch_s must be a number of seconds", index, "avg_watch_s")
    seconds = float(value)
    if not math.isfinite(seconds):
        raise _bad("avg_watch_s must be finite", index, "avg_watch_s")
    return seconds


def sample_from_json(item: object, now: datetime, index: int | None = None) -> Sample:
    """One sample object as the API defines it. Raises Refusal (400)."""
    if not isinstance(item, Mapping):
        raise _bad("a sample is a JSON object", index)
    unknown = sorted(set(item) - FIELD_NAMES)
    if unknown:
        raise _bad(f"unknown field {unknown[0]!r}", index, str(unknown[0]))
    values: dict[str, Any] = {name: _count(item.get(name), name, index) for name in COUNT_FIELDS}
    values["gmv"] = _amount(item.get("gmv"), index)
    values["avg_watch_s"] = _seconds(item.get("avg_watch_s"), index)
    try:
        return Sample(_time(item.get("t"), now, index), **values)
    except SampleError as exc:
        raise _bad(f"{exc.field} is {exc.code.value.replace('_', ' ')}", index, exc.field) from None


def samples_from_body(body: bytes, now: datetime) -> list[Sample]:
    """The samples of a request body: one sample object or a list of them. Raises Refusal (400)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refusal(400, "bad_json", f"the body is not UTF-8 (byte {exc.start})") from None
    try:
        parsed = json.loads(text, parse_float=Decimal, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise Refusal(400, "bad_json", f"{exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except (ValueError, RecursionError) as exc:
        raise Refusal(400, "bad_json", str(exc) or type(exc).__name__) from None
    if isinstance(parsed, list):
        if not parsed:
            raise Refusal(400, "bad_sample", "the list holds no samples")
        return [sample_from_json(item, now, index) for index, item in enumerate(parsed)]
    return [sample_from_json(parsed, now)]


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


# --- the server ----------------------------------------------------------------------------


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class IngestServer:
    """Serves the ingest API on 127.0.0.1 (a free port unless one is given) from its own threads.

    Accepted samples go to `on_samples` (called on a request thread; it must be quick and thread-safe,
    e.g. `SampleInbox.offer`); when it returns False the client is told to retry (503) and nothing
    is kept. A sample without `t` is stamped with `now()`. `allowed_origins` lets a named browser
    extension in (e.g. "chrome-extension://<id>"); any other request that a browser made is refused.
    """

    def __init__(self, on_samples: SampleHandler, *, port: int = 0, token: str | None = None,
                 now: Callable[[], datetime] = _utc_now, allowed_origins: Iterable[str] = (),
                 max_body: int = MAX_BODY) -> None:
        if token is not None and len(token) < 16:
            raise ValueError("an ingest token has at least 16 characters")
        self.token = token if token is not None else new_token()
        self._token_bytes = self.token.encode("utf-8")
        self._on_samples = on_samples
        self._now = now
        self.allowed_origins = frozenset(allowed_origins)
        self.max_body = max_body
        self._lock = threading.Condition()
        self._closing = False
        self._in_flight = 0  # requests handing samples on right now
        self.accepted = 0
        self.refused: dict[int, int] = {}
        self._httpd = _Server((BIND, port), _Handler, self)
        self.port: int = self._httpd.server_address[1]
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{BIND}:{self.port}{PATH}"

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("already started")
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"ingest {self.port}", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop serving. Returns once no request is handing samples on: whatever was acknowledged has
        reached `on_samples`, and nothing reaches it afterwards (late requests get 503)."""
        with self._lock:
            self._closing = True
            self._lock.wait_for(lambda: self._in_flight == 0)
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> IngestServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # the checks, in the order they are made -------------------------------------------------
    def check_headers(self, handler: BaseHTTPRequestHandler) -> None:
        """Everything decided before the body is read. Raises Refusal."""
        headers = handler.headers
        hosts = headers.get_all("Host") or []
        if len(hosts) != 1 or not self._is_loopback_host(hosts[0]):
            # A page that rebinds its own name to 127.0.0.1 still sends its name here.
            raise Refusal(421, "misdirected_request", "the Host header must name this computer's loopback")
        origins = headers.get_all("Origin") or []
        browser = bool(origins) or any(name.lower().startswith("sec-fetch-") for name in headers.keys())
        if browser and not (origins and all(origin in self.allowed_origins for origin in origins)):
            raise Refusal(403, "browser_origin", "requests from web pages are refused")
        if handler.path.split("?", 1)[0] != PATH:
            raise Refusal(404, "not_found", f"the API is POST {PATH}")
        if handler.command != "POST":
            raise Refusal(405, "method_not_allowed", "only POST", headers=[("Allow", "POST")])
        if not self._authorised(headers.get_all("Authorization") or []):
            raise Refusal(401, "unauthorized", "a valid bearer token is required",
                          headers=[("WWW-Authenticate", 'Bearer realm="liveconsole"')])
        if headers.get_all("Transfer-Encoding"):
            raise Refusal(411, "length_required", "send the body with a Content-Length, not chunked")
        lengths = headers.get_all("Content-Length") or []
        if not lengths:
            raise Refusal(411, "length_required", "a Content-Length is required")
        if _content_length(lengths) is None:
            raise Refusal(400, "bad_request", "the Content-Length is not one whole number")
        if int(lengths[0]) > self.max_body:
            raise Refusal(413, "too_large", f"the body may have at most {self.max_body} bytes",
                          limit=self.max_body)
        media = (headers.get("Content-Type") or "application/json").split(";", 1)[0].strip().lower()
        if media != "application/json":
            raise Refusal(415, "unsupported_media_type", "the body must be application/json")

    def _is_loopback_host(self, value: str) -> bool:
        """localhost, 127.0.0.1 or [::1], with this server's port."""
        host = value.strip().lower()
        name, colon, port = host.rpartition(":")
        return bool(colon) and port == str(self.port) and name in LOOPBACK_NAMES

    def _authorised(self, values: Sequence[str]) -> bool:
        if len(values) != 1:
            return False
        scheme, _, credential = values[0].strip().partition(" ")
        if scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(credential.strip().encode("utf-8"), self._token_bytes)

    def accept(self, body: bytes) -> int:
        """Read a body's samples and hand them on; returns how many. Raises Refusal."""
        samples = samples_from_body(body, self._now())
        with self._lock:
            if self._closing:
                raise Refusal(503, "closing", "the console is closing; nothing was kept")
            self._in_flight += 1
        try:
            taken = self._on_samples(samples)
        except Exception:
            log.exception("the ingest receiver failed")
            raise Refusal(500, "internal", "the samples could not be taken; nothing was kept") from None
        finally:
            with self._lock:
                self._in_flight -= 1
                self._lock.notify_all()
        if taken is False:
            raise Refusal(503, "busy", "the console is behind; send the same samples again",
                          headers=[("Retry-After", "1")])
        with self._lock:
            self.accepted += len(samples)
        return len(samples)

    def count_refusal(self, status: int) -> None:
        with self._lock:
            self.refused[status] = self.refused.get(status, 0) + 1


def _content_length(values: Sequence[str]) -> int | None:
    if len(values) != 1 or not re.fullmatch(r"[0-9]+", values[0].strip()):
        return None  # str.isdigit would let "²" through to int()
    return int(values[0])


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler],
                 ingest: IngestServer) -> None:
        self.ingest = ingest
        super().__init__(address, handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "LiveConsole-ingest"
    sys_version = ""
    timeout = REQUEST_TIMEOUT_S
    # Headers and body go out in two writes; with Nagle on, the body waits for the client's delayed
    # ACK (40 ms on Linux) and a keep-alive client manages some 20 requests a second.
    disable_nagle_algorithm = True
    server: _Server

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format: str, *args: Any) -> None:
        pass  # a pushing script would flood stderr; counts are on IngestServer

    def handle_expect_100(self) -> bool:
        # Answer before the client sends a body that would be refused anyway.
        try:
            self.server.ingest.check_headers(self)
        except Refusal as refusal:
            self._refuse(refusal, drain=False)
            return False
        return super().handle_expect_100()

    def _serve(self) -> None:
        ingest = self.server.ingest
        try:
            ingest.check_headers(self)
        except Refusal as refusal:
            self._refuse(refusal, drain=True)
            return
        length = int(self.headers["Content-Length"])
        body = self.rfile.read(length)
        if len(body) < length:
            self.close_connection = True  # the client gave up mid-body
            return
        try:
            accepted = ingest.accept(body)
        except Refusal as refusal:
            self._refuse(refusal, drain=False)
            return
        self._reply(202, {"accepted": accepted})

    do_POST = do_GET = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _serve

    def do_HEAD(self) -> None:
        self.close_connection = True
        self.send_response(405)
        self.send_header("Allow", "POST")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _refuse(self, refusal: Refusal, *, drain: bool) -> None:
        self.server.ingest.count_refusal(refusal.status)
        # After an error before the body was read the connection cannot be reused.
        close = drain or refusal.status >= 500
        self._reply(refusal.status, refusal.body, refusal.headers, close=close)
        if drain:
            self._drain()

    def _drain(self) -> None:
        length = _content_length(self.headers.get_all("Content-Length") or [])
        if self.headers.get_all("Transfer-Encoding") or length is None:
            return
        left = min(length, DRAIN_LIMIT)
        try:
            while left > 0:
                chunk = self.rfile.read(min(left, 65536))
                if not chunk:
                    break
                left -= len(chunk)
        except OSError:
            pass

    def _reply(self, status: int, body: Mapping[str, Any], headers: Iterable[tuple[str, str]] = (),
               close: bool = False) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in headers:
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(data)
