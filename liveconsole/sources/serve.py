"""A collector without a window: the ingest API for one session, its samples saved once a second."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from liveconsole.core.metrics import MetricRepository
from liveconsole.sources.ingest import SOURCE, IngestServer
from liveconsole.sources.inbox import SampleRecorder

log = logging.getLogger(__name__)

FLUSH_INTERVAL_S = 1.0


def serve(store: MetricRepository, session_id: int, *, stop: threading.Event,
          announce: Callable[[dict[str, Any]], None], port: int = 0, token: str | None = None,
          allowed_origins: Iterable[str] = (), interval: float = FLUSH_INTERVAL_S) -> int:
    """Run until `stop` is set; returns how many samples were saved.

    `announce` gets {"url", "token", "port", "session_id"} once the port is open. A save that fails
    (the database is away) is retried at the next flush; clients are told to retry only when the
    waiting samples fill the inbox.
    """
    recorder = SampleRecorder(store, session_id)
    server = IngestServer(lambda samples: recorder.offer(SOURCE, samples), port=port, token=token,
                          allowed_origins=allowed_origins)
    try:
        server.start()
        announce({"url": server.url, "token": server.token, "port": server.port, "session_id": session_id})
        while not stop.wait(interval):
            _flush(recorder)
    finally:
        server.close()
    # The server has stopped: what it accepted is all in the inbox now.
    recorder.flush()
    return recorder.saved


def _flush(recorder: SampleRecorder) -> None:
    try:
        recorder.flush()
    except Exception:  # noqa: BLE001 - any database error; the samples wait for the next try
        log.exception("saving samples failed; %d wait for the next try", len(recorder.inbox))
