"""Interaction timers: the flash-sale (秒杀) countdown and repeating coupon / 福袋 / lottery reminders.
Nothing runs by itself: the GUI calls `TimerBoard.poll()` from its own timer; time comes from the clock."""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from liveconsole.core.events import Signal
from liveconsole.core.ports import Clock, EventLog

NS_PER_S = 1_000_000_000

FLASH_SALE_START = "timer.flash_sale.start"
FLASH_SALE_END = "timer.flash_sale.end"
FLASH_SALE_STOP = "timer.flash_sale.stop"
REMINDER_ADD = "timer.reminder.add"
REMINDER_DUE = "timer.reminder.due"
REMINDER_ACK = "timer.reminder.ack"
REMINDER_REMOVE = "timer.reminder.remove"


class ReminderKind(enum.Enum):
    """What a repeating reminder is for. Values are stable codes: they are in the event log."""

    COUPON = "coupon"  # 优惠券
    LUCKY_BAG = "lucky_bag"  # 福袋
    LOTTERY = "lottery"  # 抽奖


class TimerErrorCode(enum.Enum):
    FLASH_SALE_RUNNING = "flash_sale_running"  # one countdown at a time: the card shows one
    NO_FLASH_SALE = "no_flash_sale"
    NOT_FOUND = "not_found"  # no reminder with that id
    BAD_DURATION = "bad_duration"  # durations and intervals are positive, a first delay not negative


class TimerError(Exception):
    def __init__(self, code: TimerErrorCode) -> None:
        super().__init__(code.value)
        self.code = code


@dataclass(frozen=True)
class FlashSale:
    """A 秒杀 countdown from `started_ns` for `duration_ns`, optionally for one product."""

    started_ns: int
    duration_ns: int
    product_key: str | None = None
    id: int = 0

    @property
    def ends_ns(self) -> int:
        return self.started_ns + self.duration_ns

    def remaining_ns(self, now_ns: int) -> int:
        return max(0, self.ends_ns - now_ns)

    def countdown_s(self, now_ns: int) -> int:
        """Whole seconds left, rounded up: it shows 1 until the very end and 0 only when it is over."""
        return -(-self.remaining_ns(now_ns) // NS_PER_S)

    def finished(self, now_ns: int) -> bool:
        return now_ns >= self.ends_ns


@dataclass(frozen=True)
class RepeatingReminder:
    """A cue that comes back every `every_ns` (福袋 every 15 minutes) and stays due until acknowledged."""

    kind: ReminderKind
    every_ns: int
    next_due_ns: int  # the first due time until the first acknowledgement
    id: int = 0

    def due(self, now_ns: int) -> bool:
        return now_ns >= self.next_due_ns

    def overdue_ns(self, now_ns: int) -> int:
        return max(0, now_ns - self.next_due_ns)

    def acknowledged(self, now_ns: int) -> RepeatingReminder:
        # Counted from when it was done, not from when it fell due: what the room feels is the
        # gap between two lucky bags, so a late one must not bring the next one closer.
        return replace(self, next_due_ns=now_ns + self.every_ns)


def _to_ns(seconds: float, allow_zero: bool = False) -> int:
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not math.isfinite(seconds):
        raise TimerError(TimerErrorCode.BAD_DURATION)
    ns = round(seconds * NS_PER_S)
    if ns < 0 or (ns == 0 and not allow_zero):
        raise TimerError(TimerErrorCode.BAD_DURATION)
    return ns


class TimerEvents:
    def __init__(self) -> None:
        self.started: Signal[FlashSale] = Signal("started")
        self.finished: Signal[FlashSale] = Signal("finished")  # the countdown reached zero
        self.stopped: Signal[FlashSale] = Signal("stopped")  # taken down before zero
        self.added: Signal[RepeatingReminder] = Signal("added")
        self.due: Signal[RepeatingReminder] = Signal("due")  # once each time a reminder falls due
        self.acknowledged: Signal[RepeatingReminder] = Signal("acknowledged")  # with its next due time
        self.removed: Signal[RepeatingReminder] = Signal("removed")


class TimerBoard:
    """The running flash sale and the repeating reminders of one session; logs and emits `events`."""

    def __init__(self, clock: Clock, log: EventLog | None = None, session_id: int | None = None) -> None:
        if log is not None and session_id is None:
            raise ValueError("a logged timer board needs its session id")
        self._clock = clock
        self._log = log
        self._session_id = session_id
        self.events = TimerEvents()
        self._flash_sale: FlashSale | None = None
        self._reminders: dict[int, RepeatingReminder] = {}
        self._announced: set[int] = set()  # reminders whose current due time was already announced
        self._next_id = 1

    def _write(self, type: str, payload: Mapping[str, Any]) -> None:
        if self._log is not None:
            assert self._session_id is not None
            self._log.append(self._session_id, type, payload)

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    # the flash sale ------------------------------------------------------------------------
    @property
    def flash_sale(self) -> FlashSale | None:
        """The running countdown; it stays here after zero until `poll` notices the end."""
        return self._flash_sale

    def flash_sale_countdown_s(self) -> int | None:
        sale = self._flash_sale
        return None if sale is None else sale.countdown_s(self._clock.monotonic_ns())

    def start_flash_sale(self, duration_s: float, product_key: str | None = None) -> FlashSale:
        if self._flash_sale is not None:
            raise TimerError(TimerErrorCode.FLASH_SALE_RUNNING)
        sale = FlashSale(self._clock.monotonic_ns(), _to_ns(duration_s), product_key, self._new_id())
        self._write(FLASH_SALE_START, {
            "id": sale.id, "product_key": product_key, "duration_ns": sale.duration_ns,
            "at_ns": sale.started_ns, "ends_ns": sale.ends_ns,
        })
        self._flash_sale = sale
        self.events.started.emit(sale)
        return sale

    def stop_flash_sale(self) -> FlashSale:
        sale = self._flash_sale
        if sale is None:
            raise TimerError(TimerErrorCode.NO_FLASH_SALE)
        now = self._clock.monotonic_ns()
        if sale.finished(now):
            self.poll()  # it had already run out: that is an end, not a stop
            return sale
        self._write(FLASH_SALE_STOP, {
            "id": sale.id, "product_key": sale.product_key, "remaining_ns": sale.remaining_ns(now),
            "at_ns": now,
        })
        self._flash_sale = None
        self.events.stopped.emit(sale)
        return sale

    # reminders -----------------------------------------------------------------------------
    @property
    def reminders(self) -> tuple[RepeatingReminder, ...]:
        return tuple(self._reminders.values())

    def reminder(self, reminder_id: int) -> RepeatingReminder:
        try:
            return self._reminders[reminder_id]
        except KeyError:
            raise TimerError(TimerErrorCode.NOT_FOUND) from None

    def due_reminders(self) -> tuple[RepeatingReminder, ...]:
        now = self._clock.monotonic_ns()
        return tuple(r for r in self._reminders.values() if r.due(now))

    def add_reminder(
        self, kind: ReminderKind, every_s: float, first_in_s: float | None = None
    ) -> RepeatingReminder:
        """A reminder every `every_s`, first due after `first_in_s` (default: one interval)."""
        every = _to_ns(every_s)
        first = every if first_in_s is None else _to_ns(first_in_s, allow_zero=True)
        now = self._clock.monotonic_ns()
        reminder = RepeatingReminder(kind, every, now + first, self._new_id())
        self._write(REMINDER_ADD, {
            "id": reminder.id, "kind": kind.value, "every_ns": every, "next_due_ns": reminder.next_due_ns,
            "at_ns": now,
        })
        self._reminders[reminder.id] = reminder
        self.events.added.emit(reminder)
        return reminder

    def acknowledge(self, reminder_id: int) -> RepeatingReminder:
        """The cue was acted on (the 福袋 is out): it stops flashing until its next due time."""
        reminder = self.reminder(reminder_id)
        now = self._clock.monotonic_ns()
        done = reminder.acknowledged(now)
        self._write(REMINDER_ACK, {
            "id": reminder.id, "kind": reminder.kind.value, "due_ns": reminder.next_due_ns,
            "late_ns": now - reminder.next_due_ns, "next_due_ns": done.next_due_ns, "at_ns": now,
        })
        self._reminders[reminder_id] = done
        self._announced.discard(reminder_id)
        self.events.acknowledged.emit(done)
        return done

    def remove_reminder(self, reminder_id: int) -> RepeatingReminder:
        reminder = self.reminder(reminder_id)
        self._write(REMINDER_REMOVE, {
            "id": reminder.id, "kind": reminder.kind.value, "at_ns": self._clock.monotonic_ns(),
        })
        del self._reminders[reminder_id]
        self._announced.discard(reminder_id)
        self.events.removed.emit(reminder)
        return reminder

    # the GUI's tick ------------------------------------------------------------------------
    def poll(self) -> None:
        """Notice what time has done since the last call: a countdown at zero, reminders falling due."""
        now = self._clock.monotonic_ns()
        sale = self._flash_sale
        if sale is not None and sale.finished(now):
            # The end is logged at the time it happened, however late the poll came.
            self._write(FLASH_SALE_END, {
                "id": sale.id, "product_key": sale.product_key, "at_ns": sale.ends_ns, "noticed_ns": now,
            })
            self._flash_sale = None
            self.events.finished.emit(sale)
        for reminder in list(self._reminders.values()):
            if reminder.due(now) and reminder.id not in self._announced:
                self._write(REMINDER_DUE, {
                    "id": reminder.id, "kind": reminder.kind.value, "at_ns": reminder.next_due_ns,
                    "noticed_ns": now,
                })
                self._announced.add(reminder.id)
                self.events.due.emit(reminder)
