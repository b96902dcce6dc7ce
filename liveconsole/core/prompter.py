"""Cues the assistant sends to the host's prompter (讲慢点, 上福袋, …): logged, and shown for a while."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from liveconsole.core.events import Signal
from liveconsole.core.ports import Clock, EventLog

NS_PER_S = 1_000_000_000
SHOW_FOR_S = 10.0  # long enough to be seen between two sentences, short enough not to linger
PROMPTER_ALERT = "prompter.alert"


class AlertKind(enum.Enum):
    SLOW_DOWN = "slow_down"  # 讲慢点
    LUCKY_BAG = "lucky_bag"  # 上福袋
    READ_COMMENTS = "read_comments"  # 看评论
    SAY_PRICE = "say_price"  # 报价格
    NEXT_PRODUCT = "next_product"  # 该下一款了
    TEXT = "text"  # typed by the assistant
    REMINDER = "reminder"  # a timer fell due (the text says which)


CANNED = (AlertKind.SLOW_DOWN, AlertKind.LUCKY_BAG, AlertKind.READ_COMMENTS, AlertKind.SAY_PRICE,
          AlertKind.NEXT_PRODUCT)


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    text: str
    sent_ns: int

    def showing(self, now_ns: int, show_for_s: float = SHOW_FOR_S) -> bool:
        return now_ns - self.sent_ns < show_for_s * NS_PER_S


class PrompterAlerts:
    """The alerts sent this session; `events.sent` fires at once so the prompter repaints in the next frame."""

    def __init__(self, clock: Clock, log: EventLog | None = None, session_id: int | None = None) -> None:
        self.clock, self.log, self.session_id = clock, log, session_id
        self.sent: Signal[Alert] = Signal("sent")
        self.history: list[Alert] = []

    def send(self, kind: AlertKind, text: str = "") -> Alert:
        if kind is AlertKind.TEXT and not text.strip():
            raise ValueError("a typed alert needs text")
        alert = Alert(kind, text.strip(), self.clock.monotonic_ns())
        if self.log is not None and self.session_id is not None:
            self.log.append(self.session_id, PROMPTER_ALERT, {"kind": kind.value, "text": alert.text,
                                                              "at_ns": alert.sent_ns})
        self.history.append(alert)
        self.sent.emit(alert)
        return alert

    def current(self, show_for_s: float = SHOW_FOR_S) -> Alert | None:
        now = self.clock.monotonic_ns()
        latest = self.history[-1] if self.history else None
        return latest if latest is not None and latest.showing(now, show_for_s) else None
