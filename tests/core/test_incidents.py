from datetime import datetime

import pytest

from liveconsole.core.incidents import IncidentLog, IncidentType
from tests.helpers.clock import FakeClock
from tests.helpers.memory_log import MemoryEventLog

SESSION = 5


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def log(clock):
    return MemoryEventLog(clock)


def test_an_incident_is_logged_with_its_type_note_and_time(clock, log):
    incidents = IncidentLog(clock, log, SESSION)
    clock.advance(90)
    incident = incidents.record(IncidentType.LINK_BROKEN, "  3号链接打不开 ", product_key="LIP")
    assert incident.note == "3号链接打不开"
    assert incident.wall_time == clock.now()
    assert incident.mono_ns == clock.monotonic_ns()
    (event,) = log.events(SESSION)
    assert event.type == "incident"
    assert event.payload == {
        "type": "link_broken",
        "note": "3号链接打不开",
        "product_key": "LIP",
        "wall_time": clock.now().isoformat(),
        "at_ns": clock.monotonic_ns(),
    }


def test_incidents_are_listed_in_the_order_they_were_noted_and_announced(clock):
    incidents = IncidentLog(clock)
    heard = []
    incidents.events.recorded.connect(heard.append)
    incidents.record(IncidentType.STREAM_DOWN)
    clock.advance(5)
    incidents.record(IncidentType.ABUSE, "刷屏")
    assert [i.type for i in incidents] == [IncidentType.STREAM_DOWN, IncidentType.ABUSE]
    assert heard == list(incidents.incidents)
    assert len(incidents) == 2


def test_every_incident_type_has_a_stable_code():
    assert [t.value for t in IncidentType] == [
        "stream_down", "link_broken", "wrong_price", "wrong_stock", "abuse", "device_fault", "other",
    ]


def test_replay_lists_the_logged_incidents_again(clock, log):
    incidents = IncidentLog(clock, log, SESSION)
    incidents.record(IncidentType.WRONG_PRICE, "直播价写成了日常价")
    log.append(SESSION, "queue.push", {"key": "CUP"})
    clock.advance(30)
    incidents.record(IncidentType.DEVICE_FAULT)
    recovered = IncidentLog.replay(log.events(SESSION), clock, log, SESSION)
    assert recovered.incidents == incidents.incidents
    assert isinstance(recovered.incidents[0].wall_time, datetime)
    recovered.record(IncidentType.OTHER)
    assert len(log.types(SESSION, "incident")) == 3


def test_a_logged_incident_list_needs_a_session_id(clock, log):
    with pytest.raises(ValueError):
        IncidentLog(clock, log)
