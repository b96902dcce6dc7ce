"""Samples on their way from sources' threads to the UI thread and the store: a bounded inbox, and the
recorder that saves what arrived in one transaction each time it is flushed (once a second)."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from liveconsole.core.metrics import MetricRepository, Sample

CAPACITY = 100_000  # over a minute of the fastest pushing we measured; a stuck reader is not hidden forever


@dataclass(frozen=True)
class Arrival:
    source: str
    sample: Sample


class SampleInbox:
    """A thread-safe FIFO of arrivals. `offer` takes a whole batch or none of it, so a sender that is
    refused (the reader fell behind) can send the same batch again without duplicates."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        if capacity <= 0:
            raise ValueError("an inbox holds at least one sample")
        self.capacity = capacity
        self._lock = threading.Lock()
        self._queue: deque[Arrival] = deque()

    def offer(self, source: str, samples: Sequence[Sample]) -> bool:
        with self._lock:
            if len(self._queue) + len(samples) > self.capacity:
                return False
            self._queue.extend(Arrival(source, sample) for sample in samples)
            return True

    def append_accepted(self, arrivals: Sequence[Arrival]) -> None:
        """Add arrivals that a source was already told were taken (e.g. drained from another inbox by
        the UI thread): never refused, since refusing them now would lose them."""
        with self._lock:
            self._queue.extend(arrivals)

    def take(self) -> list[Arrival]:
        """Everything waiting, oldest first."""
        with self._lock:
            taken = list(self._queue)
            self._queue.clear()
            return taken

    def put_back(self, arrivals: Sequence[Arrival]) -> None:
        """Return taken arrivals to the front (their save failed); may go over capacity."""
        with self._lock:
            self._queue.extendleft(reversed(arrivals))

    def __len__(self) -> int:
        with self._lock:
            return len(self._queue)


class SampleRecorder:
    """Saves a session's arrivals: `offer` from any thread, `flush` from one place once a second.

    A crash loses at most what arrived since the last flush; a failed save keeps its samples for the
    next flush, in order."""

    def __init__(self, store: MetricRepository, session_id: int, inbox: SampleInbox | None = None) -> None:
        self._store = store
        self.session_id = session_id
        self.inbox = inbox if inbox is not None else SampleInbox()
        self._flushing = threading.Lock()
        self.saved = 0

    def offer(self, source: str, samples: Sequence[Sample]) -> bool:
        return self.inbox.offer(source, samples)

    def record(self, arrivals: Sequence[Arrival]) -> None:
        """Keep arrivals the UI thread took from the sources' inbox, in order."""
        self.inbox.append_accepted(arrivals)

    def flush(self) -> int:
        """Save everything waiting in one transaction; returns how many. Raises what the store raised."""
        with self._flushing:
            arrivals = self.inbox.take()
            if not arrivals:
                return 0
            try:
                self._store.save_arrivals(self.session_id, [(a.source, a.sample) for a in arrivals])
            except BaseException:
                self.inbox.put_back(arrivals)
                raise
            self.saved += len(arrivals)
            return len(arrivals)
