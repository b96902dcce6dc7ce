"""The real clock the core is handed: monotonic time for ordering, aware UTC wall time."""

from __future__ import annotations

import time
from datetime import datetime, timezone


class SystemClock:
    def monotonic_ns(self) -> int:
        return time.monotonic_ns()

    def now(self) -> datetime:
        return datetime.now(timezone.utc)
