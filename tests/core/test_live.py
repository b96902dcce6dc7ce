from liveconsole.core.live import LiveRoom
from liveconsole.core.products import Product
from liveconsole.core.queue import ItemState
from tests.helpers.clock import FakeClock
from tests.helpers.memory_log import MemoryEventLog

LINEUP = [Product(f"商品{i}", sku=f"S{i}", link_no=i, stock=10) for i in range(1, 6)]


def _room():
    clock = FakeClock()
    log = MemoryEventLog(clock)
    room = LiveRoom(clock, log)
    return room, log, clock


def test_before_going_live_the_queue_previews_the_lineup_and_logs_nothing():
    room, log, _clock = _room()
    room.open_session(1, LINEUP)
    assert [i.key for i in room.queue.waiting] == [p.key for p in LINEUP]
    assert list(log.events(1)) == []
    room.preview_lineup(LINEUP[:3])
    assert len(room.queue.items) == 3


def test_going_live_opens_the_queue_in_the_log_once():
    room, log, _clock = _room()
    replaced = []
    room.events.queue_replaced.connect(replaced.append)
    room.open_session(1, LINEUP)
    room.go_live().push_next()
    room.go_live().push_next()
    types = [e.type for e in log.events(1)]
    assert types == ["queue.open", "queue.push", "queue.push"]
    assert len(replaced) == 2


def test_once_live_lineup_edits_leave_the_queue_alone():
    room, _log, _clock = _room()
    room.open_session(1, LINEUP)
    room.go_live()
    room.preview_lineup(LINEUP[:2])
    assert len(room.queue.items) == 5


def test_reopening_a_session_resumes_queue_and_incidents_from_its_log():
    from liveconsole.core.incidents import IncidentType

    room, log, clock = _room()
    room.open_session(1, LINEUP)
    queue = room.go_live()
    queue.push_next()
    clock.advance(30)
    queue.push_link(4)
    queue.mark_sold_out("S2")
    room.incidents.record(IncidentType.WRONG_PRICE, "4号价格写错")
    again = LiveRoom(clock, log)
    again.open_session(1, LINEUP, log.events(1))
    assert again.live and again.queue.state == queue.state
    assert again.queue.explaining.key == "S4" and again.queue.item("S2").state is ItemState.SOLD_OUT
    assert [i.note for i in again.incidents] == ["4号价格写错"]
