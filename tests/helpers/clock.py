"""A clock the test moves by hand, because tests must control time: nothing here ever reads the real one."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

NS_PER_S = 1_000_000_000
BEIJING = timezone(timedelta(hours=8))


class FakeClock:
    """core.ports.Clock whose monotonic and wall time move together, only when `advance` is called."""

    def __init__(self, start_ns: int = 1_000 * NS_PER_S,
                 wall: datetime = datetime(2025, 11, 11, 20, 0, tzinfo=BEIJING)) -> None:
        self._mono_ns = start_ns
        self._start_ns = start_ns
        self._wall = wall

    def monotonic_ns(self) -> int:
        return self._mono_ns

    def now(self) -> datetime:
        return self._wall + timedelta(microseconds=(self._mono_ns - self._start_ns) // 1000)

    def advance(self, seconds: float = 0, ns: int = 0) -> None:
        step = round(seconds * NS_PER_S) + ns
        if step < 0:
            raise ValueError("a monotonic clock never goes back")
        self._mono_ns += step
