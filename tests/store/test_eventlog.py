"""The event log numbers, stores and returns events exactly, from any number of writers."""

from __future__ import annotations

import math
import threading
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liveconsole.core.session import Session
from liveconsole.store.clock import SystemClock
from liveconsole.store.database import Database
from liveconsole.store.eventlog import SqlEventLog
from liveconsole.store.repositories import SessionStore

BEIJING = timezone(timedelta(hours=8))


class SteppingClock:
    """Each reading is one millisecond after the last."""

    def __init__(self) -> None:
        self.ticks = 0
        self._lock = threading.Lock()

    def monotonic_ns(self) -> int:
        with self._lock:
            self.ticks += 1
            return self.ticks * 1_000_000

    def now(self) -> datetime:
        return datetime(2025, 11, 11, 20, 0, tzinfo=BEIJING) + timedelta(milliseconds=self.ticks)


@pytest.fixture
def session_id(db) -> int:
    return SessionStore(db).create_session(Session("双十一")).id


@pytest.fixture
def log(db) -> SqlEventLog:
    return SqlEventLog(db, SteppingClock())


def test_events_are_numbered_one_two_three_within_each_session(db, log, session_id):
    other = SessionStore(db).create_session(Session("晚场")).id
    order = (session_id, session_id, other, session_id)
    seqs = [log.append(sid, "product_pushed", {}).seq for sid in order]
    assert seqs == [1, 2, 1, 3]


def test_append_returns_exactly_what_events_reads_back(log, session_id):
    appended = [
        log.append(session_id, "segment_started", {"segment": "开场福利", "index": 0}),
        log.append(session_id, "product_pushed", {"product_id": 7, "sold_out": False}),
    ]
    assert list(log.events(session_id)) == appended
    assert appended[0].wall_time == datetime(2025, 11, 11, 20, 0, tzinfo=BEIJING)
    assert appended[0].wall_time.utcoffset() == timedelta(0)
    assert [e.mono_ns for e in appended] == sorted(e.mono_ns for e in appended)


def test_decimal_payload_values_are_stored_as_their_text(log, session_id):
    payload = {"live_price": Decimal("59.90"), "old": [Decimal("69")]}
    record = log.append(session_id, "price_changed", payload)
    assert record.payload == {"live_price": "59.90", "old": ["69"]}
    assert log.events(session_id)[0].payload == record.payload


@pytest.mark.parametrize(
    ("payload", "error"),
    [
        ({"at": datetime(2025, 1, 1, tzinfo=timezone.utc)}, TypeError),
        ({"ids": {1, 2}}, TypeError),
        ({1: "numeric key"}, TypeError),
        ({"nested": {"bytes": b"\x00"}}, TypeError),
        ({"gmv": math.nan}, ValueError),
    ],
    ids=["datetime", "set", "int-key", "bytes", "nan"],
)
def test_a_payload_json_cannot_hold_is_refused_before_touching_the_database(
    log, session_id, payload, error
):
    with pytest.raises(error):
        log.append(session_id, "bad", payload)
    assert log.events(session_id) == []
    assert log.append(session_id, "good", {}).seq == 1


def test_appending_to_an_unknown_session_raises_key_error(log):
    with pytest.raises(KeyError):
        log.append(404, "product_pushed", {})


def test_an_event_type_must_have_one_to_64_characters(log, session_id):
    for bad in ("", "x" * 65):
        with pytest.raises(ValueError):
            log.append(session_id, bad, {})
    assert log.append(session_id, "x" * 64, {}).type == "x" * 64


def test_a_clock_without_a_time_zone_is_refused(db, session_id):
    class NaiveClock(SteppingClock):
        def now(self) -> datetime:
            return datetime(2025, 11, 11, 20, 0)

    with pytest.raises(ValueError):
        SqlEventLog(db, NaiveClock()).append(session_id, "t", {})
    assert SqlEventLog(db, SteppingClock()).events(session_id) == []


# PostgreSQL text cannot hold NUL, and lone surrogates are not UTF-8.
storable_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"))
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | storable_text,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(storable_text, inner, max_size=4),
    max_leaves=12,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(payload=st.dictionaries(storable_text, json_values, max_size=5))
def test_any_json_payload_reads_back_equal(log, session_id, payload):
    record = log.append(session_id, "anything", payload)
    assert log.events(session_id)[-1].payload == payload == record.payload


def test_threads_sharing_one_log_get_distinct_consecutive_seqs(log, session_id):
    _append_from_threads([log] * 4, session_id, per_thread=25)
    assert [e.seq for e in log.events(session_id)] == list(range(1, 101))


def test_two_logs_on_separate_connection_pools_never_reuse_a_seq(db, db_url, session_id):
    with Database(db_url) as second:
        logs = [SqlEventLog(db, SteppingClock()), SqlEventLog(second, SteppingClock())]
        seqs = _append_from_threads(logs * 2, session_id, per_thread=20)
    assert sorted(seqs) == list(range(1, 81))
    assert [e.seq for e in logs[0].events(session_id)] == list(range(1, 81))


def _append_from_threads(logs: list[SqlEventLog], session_id: int, per_thread: int) -> list[int]:
    seqs: list[int] = []
    failures: list[BaseException] = []
    start = threading.Barrier(len(logs))

    def write(log: SqlEventLog, writer: int) -> None:
        try:
            start.wait()
            for n in range(per_thread):
                seqs.append(log.append(session_id, "tick", {"writer": writer, "n": n}).seq)
        except BaseException as exc:  # reported on the test thread below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(log, i)) for i, log in enumerate(logs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    return seqs


def test_the_system_clock_gives_aware_utc_time_and_a_rising_monotonic_count():
    clock = SystemClock()
    first, second = clock.monotonic_ns(), clock.monotonic_ns()
    assert second >= first
    now = clock.now()
    assert now.utcoffset() == timedelta(0)
    assert abs(now - datetime.now(timezone.utc)) < timedelta(seconds=5)
