"""The incident log (异常记录): what went wrong during a session, noted in one line with its time."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from liveconsole.core.events import Signal
from liveconsole.core.ports import Clock, EventLog, EventRecord

INCIDENT = "incident"


class IncidentType(enum.Enum):
    """Values are stable codes: they are in the event log. The GUI says them in words."""

    STREAM_DOWN = "stream_down"  # 直播中断
    LINK_BROKEN = "link_broken"  # 链接失效
    WRONG_PRICE = "wrong_price"  # 价格错误
    WRONG_STOCK = "wrong_stock"  # 库存错误
    ABUSE = "abuse"  # 恶评
    DEVICE_FAULT = "device_fault"  # 设备故障
    OTHER = "other"  # 其他


@dataclass(frozen=True)
class Incident:
    type: IncidentType
    note: str
    wall_time: datetime  # for the people reading the review
    mono_ns: int  # for placing it among the session's other events
    product_key: str | None = None  # the product it concerns (a broken link, a wrong price), if any


class IncidentEvents:
    def __init__(self) -> None:
        self.recorded: Signal[Incident] = Signal("recorded")


class IncidentLog:
    """The session's incidents in the order they were noted; each is in the event log before it is listed."""

    def __init__(self, clock: Clock, log: EventLog | None = None, session_id: int | None = None) -> None:
        if log is not None and session_id is None:
            raise ValueError("a logged incident list needs its session id")
        self._clock = clock
        self._log = log
        self._session_id = session_id
        self.events = IncidentEvents()
        self._incidents: list[Incident] = []

    def __len__(self) -> int:
        return len(self._incidents)

    def __iter__(self) -> Iterator[Incident]:
        return iter(self._incidents)

    @property
    def incidents(self) -> tuple[Incident, ...]:
        return tuple(self._incidents)

    def record(self, type: IncidentType, note: str = "", product_key: str | None = None) -> Incident:
        incident = Incident(type, note.strip(), self._clock.now(), self._clock.monotonic_ns(), product_key)
        if self._log is not None:
            assert self._session_id is not None
            self._log.append(self._session_id, INCIDENT, {
                "type": type.value,
                "note": incident.note,
                "product_key": product_key,
                "wall_time": incident.wall_time.isoformat(),
                "at_ns": incident.mono_ns,
            })
        self._incidents.append(incident)
        self.events.recorded.emit(incident)
        return incident

    @classmethod
    def replay(
        cls,
        events: Iterable[EventRecord],
        clock: Clock,
        log: EventLog | None = None,
        session_id: int | None = None,
    ) -> IncidentLog:
        """The incidents a session's log holds (after a crash, or for the review)."""
        incidents = cls(clock, log, session_id)
        for event in events:
            if event.type == INCIDENT:
                p = event.payload
                incidents._incidents.append(Incident(
                    IncidentType(p["type"]), p["note"], datetime.fromisoformat(p["wall_time"]), p["at_ns"],
                    p.get("product_key"),
                ))
        return incidents
