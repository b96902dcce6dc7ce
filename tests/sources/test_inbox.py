from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest

from liveconsole.core.metrics import Sample
from liveconsole.sources.inbox import Arrival, SampleInbox, SampleRecorder

T0 = datetime(2025, 11, 11, 12, 0, tzinfo=timezone.utc)


def samples(*onlines: int) -> list[Sample]:
    return [Sample(T0 + timedelta(seconds=n), online=online) for n, online in enumerate(onlines)]


class FlakyStore:
    """Refuses the first `failures` saves, as a database that went away for a moment."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.saved: list[list[tuple[str, Sample]]] = []

    def save_arrivals(self, session_id: int, arrivals):
        if self.failures:
            self.failures -= 1
            raise ConnectionError("database away")
        self.saved.append(list(arrivals))
        return len(arrivals)


def test_an_inbox_gives_back_everything_oldest_first_and_is_then_empty():
    inbox = SampleInbox()
    inbox.offer("ingest", samples(1, 2))
    inbox.offer("manual", samples(3))
    assert [(a.source, a.sample.online) for a in inbox.take()] == [("ingest", 1), ("ingest", 2), ("manual", 3)]
    assert inbox.take() == [] and len(inbox) == 0


def test_a_batch_that_does_not_fit_is_refused_whole():
    inbox = SampleInbox(capacity=3)
    assert inbox.offer("ingest", samples(1, 2))
    assert not inbox.offer("ingest", samples(3, 4))
    assert [a.sample.online for a in inbox.take()] == [1, 2]
    with pytest.raises(ValueError):
        SampleInbox(capacity=0)


def test_samples_offered_from_many_threads_are_each_taken_exactly_once():
    inbox = SampleInbox()
    senders = [threading.Thread(target=lambda base=base: [inbox.offer(f"s{base}", samples(base * 1000 + n))
                                                           for n in range(200)]) for base in range(8)]
    for sender in senders:
        sender.start()
    taken: list[Arrival] = []
    while any(sender.is_alive() for sender in senders) or len(inbox):
        taken += inbox.take()
    for sender in senders:
        sender.join()
    taken += inbox.take()
    assert sorted(a.sample.online for a in taken) == sorted(b * 1000 + n for b in range(8) for n in range(200))


def test_a_flush_saves_everything_waiting_in_one_call():
    store = FlakyStore()
    recorder = SampleRecorder(store, 1)
    recorder.offer("ingest", samples(1, 2))
    recorder.offer("manual", samples(3))
    assert recorder.flush() == 3
    assert [[(source, s.online) for source, s in call] for call in store.saved] == [
        [("ingest", 1), ("ingest", 2), ("manual", 3)]]
    assert recorder.flush() == 0 and len(store.saved) == 1 and recorder.saved == 3


def test_a_failed_save_keeps_its_samples_for_the_next_flush_in_order():
    store = FlakyStore(failures=1)
    recorder = SampleRecorder(store, 1)
    recorder.offer("ingest", samples(1, 2))
    with pytest.raises(ConnectionError):
        recorder.flush()
    recorder.offer("ingest", samples(3))
    assert recorder.flush() == 3
    assert [s.online for _, s in store.saved[0]] == [1, 2, 3]


def test_arrivals_the_ui_took_are_recorded_after_what_was_waiting_even_past_capacity():
    ui_inbox = SampleInbox()
    ui_inbox.offer("ingest", samples(1, 2))
    store = FlakyStore()
    recorder = SampleRecorder(store, 1, SampleInbox(capacity=1))
    recorder.offer("manual", samples(0))
    recorder.record(ui_inbox.take())
    recorder.flush()
    assert [s.online for _, s in store.saved[0]] == [0, 1, 2]
