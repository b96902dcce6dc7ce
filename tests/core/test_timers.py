import pytest

from liveconsole.core.timers import (
    NS_PER_S,
    FlashSale,
    ReminderKind,
    RepeatingReminder,
    TimerBoard,
    TimerError,
    TimerErrorCode,
)
from tests.helpers.clock import FakeClock
from tests.helpers.memory_log import MemoryEventLog

SESSION = 3


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def log(clock):
    return MemoryEventLog(clock)


@pytest.fixture
def board(clock, log):
    return TimerBoard(clock, log, SESSION)


def record(signal):
    heard = []
    signal.connect(heard.append)
    return heard


def test_flash_sale_countdown_reaches_zero_and_says_so(board, clock, log):
    finished = record(board.events.finished)
    board.start_flash_sale(10, product_key="CUP")
    assert board.flash_sale_countdown_s() == 10
    clock.advance(9.5)
    assert board.flash_sale_countdown_s() == 1  # rounded up: 0 only once it is over
    board.poll()
    assert finished == []
    clock.advance(0.5)
    assert board.flash_sale_countdown_s() == 0
    board.poll()
    assert [sale.product_key for sale in finished] == ["CUP"]
    assert board.flash_sale is None
    assert log.types(SESSION) == ["timer.flash_sale.start", "timer.flash_sale.end"]


def test_a_late_poll_logs_the_flash_sale_end_when_it_really_ended(board, clock, log):
    sale = board.start_flash_sale(60)
    clock.advance(75)
    board.poll()
    end = log.events(SESSION)[-1].payload
    assert end["at_ns"] == sale.ends_ns
    assert end["noticed_ns"] - end["at_ns"] == 15 * NS_PER_S


def test_a_flash_sale_is_over_exactly_at_its_end():
    sale = FlashSale(started_ns=100, duration_ns=30 * NS_PER_S)
    assert sale.remaining_ns(100) == 30 * NS_PER_S
    assert not sale.finished(sale.ends_ns - 1)
    assert sale.finished(sale.ends_ns)
    assert sale.remaining_ns(sale.ends_ns + NS_PER_S) == 0


def test_only_one_flash_sale_runs_at_a_time(board):
    board.start_flash_sale(30)
    with pytest.raises(TimerError) as info:
        board.start_flash_sale(30)
    assert info.value.code is TimerErrorCode.FLASH_SALE_RUNNING


def test_stopping_a_flash_sale_early_logs_what_was_left(board, clock, log):
    stopped = record(board.events.stopped)
    board.start_flash_sale(30)
    clock.advance(10)
    board.stop_flash_sale()
    assert len(stopped) == 1
    assert board.flash_sale is None
    assert log.events(SESSION)[-1].payload["remaining_ns"] == 20 * NS_PER_S
    with pytest.raises(TimerError) as info:
        board.stop_flash_sale()
    assert info.value.code is TimerErrorCode.NO_FLASH_SALE


def test_stopping_a_flash_sale_that_already_ran_out_counts_as_its_end(board, clock, log):
    finished = record(board.events.finished)
    board.start_flash_sale(5)
    clock.advance(6)
    board.stop_flash_sale()
    assert len(finished) == 1
    assert log.types(SESSION)[-1] == "timer.flash_sale.end"


@pytest.mark.parametrize("seconds", [0, -1, float("nan"), float("inf"), True])
def test_a_flash_sale_needs_a_positive_duration(board, seconds):
    with pytest.raises(TimerError) as info:
        board.start_flash_sale(seconds)
    assert info.value.code is TimerErrorCode.BAD_DURATION


def test_a_reminder_falls_due_after_its_interval_and_is_announced_once(board, clock, log):
    due = record(board.events.due)
    reminder = board.add_reminder(ReminderKind.LUCKY_BAG, every_s=15 * 60)
    clock.advance(15 * 60 - 1)
    board.poll()
    assert due == [] and board.due_reminders() == ()
    clock.advance(1)
    board.poll()
    board.poll()
    clock.advance(30)
    board.poll()
    assert due == [reminder]
    assert board.due_reminders() == (reminder,)  # it stays due until someone acts on it
    assert log.types(SESSION) == ["timer.reminder.add", "timer.reminder.due"]


def test_acknowledging_a_reminder_schedules_the_next_one_from_now(board, clock, log):
    reminder = board.add_reminder(ReminderKind.COUPON, every_s=600, first_in_s=0)
    board.poll()
    clock.advance(45)
    done = board.acknowledge(reminder.id)
    assert done.next_due_ns == clock.monotonic_ns() + 600 * NS_PER_S
    assert board.due_reminders() == ()
    ack = log.events(SESSION)[-1]
    assert ack.type == "timer.reminder.ack"
    assert ack.payload["late_ns"] == 45 * NS_PER_S
    due = record(board.events.due)
    clock.advance(600)
    board.poll()
    assert len(due) == 1  # announced again for the new due time


def test_reminders_of_each_kind_run_side_by_side(board, clock):
    due = record(board.events.due)
    board.add_reminder(ReminderKind.COUPON, every_s=60)
    board.add_reminder(ReminderKind.LOTTERY, every_s=120)
    clock.advance(120)
    board.poll()
    assert [r.kind for r in due] == [ReminderKind.COUPON, ReminderKind.LOTTERY]


def test_a_removed_reminder_no_longer_falls_due(board, clock, log):
    reminder = board.add_reminder(ReminderKind.LOTTERY, every_s=60)
    board.remove_reminder(reminder.id)
    clock.advance(61)
    board.poll()
    assert board.reminders == ()
    assert log.types(SESSION)[-1] == "timer.reminder.remove"
    with pytest.raises(TimerError) as info:
        board.acknowledge(reminder.id)
    assert info.value.code is TimerErrorCode.NOT_FOUND


def test_a_reminder_value_says_when_it_is_due_and_how_late_it_is():
    reminder = RepeatingReminder(ReminderKind.LUCKY_BAG, every_ns=10, next_due_ns=100)
    assert not reminder.due(99)
    assert reminder.due(100)
    assert reminder.overdue_ns(130) == 30
    assert reminder.acknowledged(130).next_due_ns == 140


def test_the_board_works_without_a_log(clock):
    board = TimerBoard(clock)
    board.start_flash_sale(1)
    clock.advance(1)
    board.poll()
    assert board.flash_sale is None
