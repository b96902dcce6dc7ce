"""An in-memory core.ports.EventLog for the core tests, which need no database.

The real SqlEventLog is tested in tests/store. Payloads go through JSON here as they do there, so a
payload that only works as Python objects (tuples, enums, Decimals read back as numbers) fails here too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from liveconsole.core.ports import Clock, EventRecord

TYPE_LENGTH = 64  # what the store's column holds


def _as_text(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON-serialisable")


class MemoryEventLog:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._records: list[EventRecord] = []

    def append(self, session_id: int, type: str, payload: Mapping[str, Any]) -> EventRecord:
        if not isinstance(payload, Mapping):
            raise TypeError("an event payload is a mapping")
        if not type or len(type) > TYPE_LENGTH:
            raise ValueError(f"an event type has 1 to {TYPE_LENGTH} characters: {type!r}")
        stored = json.loads(json.dumps(payload, default=_as_text, allow_nan=False, ensure_ascii=False))
        seq = sum(1 for r in self._records if r.session_id == session_id) + 1
        record = EventRecord(
            id=len(self._records) + 1,
            session_id=session_id,
            seq=seq,
            mono_ns=self._clock.monotonic_ns(),
            wall_time=self._clock.now(),
            type=type,
            payload=stored,
        )
        self._records.append(record)
        return record

    def events(self, session_id: int) -> Sequence[EventRecord]:
        return [r for r in self._records if r.session_id == session_id]

    def types(self, session_id: int, prefix: str = "") -> list[str]:
        return [r.type for r in self.events(session_id) if r.type.startswith(prefix)]
