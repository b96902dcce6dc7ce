"""Live-metric samples kept with their session (core.metrics.MetricRepository): one transaction per save."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select

from liveconsole.core.metrics import FIELDS, Sample, merge_samples
from liveconsole.store.database import Database
from liveconsole.store.models import MetricSampleRow, SessionRow

SOURCE_LENGTH = 32
_COLUMNS = tuple(getattr(MetricSampleRow, name) for name in ("t", *FIELDS))


class MetricStore:
    """Safe to call from several threads: each call is its own transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def save_samples(self, session_id: int, samples: Sequence[Sample], source: str = "") -> int:
        """Add samples from one source in one transaction; returns how many. KeyError for an unknown session."""
        return self.save_arrivals(session_id, [(source, sample) for sample in samples])

    def save_arrivals(self, session_id: int, arrivals: Sequence[tuple[str, Sample]]) -> int:
        """Add (source, sample) pairs, from any number of sources, in one transaction."""
        rows = [_row(session_id, source, sample) for source, sample in arrivals]
        with self._db.connect() as connection:
            if connection.scalar(select(SessionRow.id).where(SessionRow.id == session_id)) is None:
                raise KeyError(f"no session {session_id}")
            if rows:
                connection.execute(insert(MetricSampleRow), rows)
        return len(rows)

    def samples(self, session_id: int) -> list[Sample]:
        """The session's samples in time order, arrivals at the same time merged (later arrivals win)."""
        with self._db.connect(readonly=True) as connection:
            result = connection.execute(
                select(*_COLUMNS)
                .where(MetricSampleRow.session_id == session_id)
                .order_by(MetricSampleRow.t, MetricSampleRow.id)
            )
            return merge_samples(
                Sample(row[0], **{name: value for name, value in zip(FIELDS, row[1:]) if value is not None})
                for row in result
            )

    def count(self, session_id: int) -> int:
        """Rows stored for the session (every arrival, before merging)."""
        with self._db.connect(readonly=True) as connection:
            total = connection.scalar(
                select(func.count()).select_from(MetricSampleRow).where(MetricSampleRow.session_id == session_id)
            )
            return int(total or 0)


def _row(session_id: int, source: str, sample: Sample) -> dict[str, Any]:
    if len(source) > SOURCE_LENGTH:
        raise ValueError(f"a source name has at most {SOURCE_LENGTH} characters: {source!r}")
    row: dict[str, Any] = {"session_id": session_id, "source": source, "t": sample.t}
    for name in FIELDS:
        row[name] = getattr(sample, name)
    return row
