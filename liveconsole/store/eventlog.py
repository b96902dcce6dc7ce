"""The session event log in the database: every append is committed before it returns."""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping, Sequence
from datetime import timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select

from liveconsole.core.ports import Clock, EventRecord
from liveconsole.store.database import Database
from liveconsole.store.models import EVENT_TYPE_LENGTH, EventRow, SessionRow


def json_payload(value: Any, path: str = "payload") -> Any:
    """A copy that every backend stores and gives back unchanged; Decimal becomes its text.

    Raises TypeError for types JSON cannot hold, ValueError for NaN and infinities."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{path}: {value!r} has no JSON form")
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        copied: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{path}: keys must be text, not {type(key).__name__}")
            copied[key] = json_payload(item, f"{path}.{key}")
        return copied
    if isinstance(value, (list, tuple)):
        return [json_payload(item, f"{path}[{index}]") for index, item in enumerate(value)]
    raise TypeError(f"{path}: {type(value).__name__} is not JSON-serialisable")


class SqlEventLog:
    """core.ports.EventLog on the database. Safe to call from several threads."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        # Writers in this process queue here rather than on the database lock.
        self._lock = threading.Lock()

    def append(self, session_id: int, type: str, payload: Mapping[str, Any]) -> EventRecord:
        if not isinstance(payload, Mapping):
            raise TypeError("an event payload is a mapping")
        if not type or len(type) > EVENT_TYPE_LENGTH:
            raise ValueError(f"an event type has 1 to {EVENT_TYPE_LENGTH} characters: {type!r}")
        stored = json_payload(payload)
        with self._lock, self._db.connect() as connection:
            # The session row lock orders writers from other processes (PostgreSQL);
            # on SQLite the transaction already holds the file's write lock.
            owner = select(SessionRow.id).where(SessionRow.id == session_id)
            if not self._db.is_sqlite:
                owner = owner.with_for_update()
            if connection.scalar(owner) is None:
                raise KeyError(f"no session {session_id}")
            last = connection.scalar(
                select(func.max(EventRow.seq)).where(EventRow.session_id == session_id)
            )
            # Read the clock under the lock so that time order and seq order agree.
            wall_time = self._clock.now()
            if wall_time.utcoffset() is None:
                raise ValueError("the clock must give aware wall time")
            values = {
                "session_id": session_id,
                "seq": (last or 0) + 1,
                "mono_ns": self._clock.monotonic_ns(),
                "wall_time": wall_time.astimezone(timezone.utc),
                "type": type,
                "payload": stored,
            }
            result = connection.execute(insert(EventRow).values(**values))
            (event_id,) = result.inserted_primary_key
        return EventRecord(id=event_id, **values)

    def events(self, session_id: int) -> Sequence[EventRecord]:
        with self._db.connect(readonly=True) as connection:
            rows = connection.execute(
                select(EventRow).where(EventRow.session_id == session_id).order_by(EventRow.seq)
            )
            return [
                EventRecord(
                    id=row.id,
                    session_id=row.session_id,
                    seq=row.seq,
                    mono_ns=row.mono_ns,
                    wall_time=row.wall_time,
                    type=row.type,
                    payload=row.payload,
                )
                for row in rows
            ]
