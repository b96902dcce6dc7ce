import pytest

from liveconsole.core.prompter import AlertKind, PrompterAlerts
from tests.helpers.clock import FakeClock
from tests.helpers.memory_log import MemoryEventLog


def test_an_alert_is_logged_shown_and_gone_after_its_time():
    clock = FakeClock()
    log = MemoryEventLog(clock)
    alerts = PrompterAlerts(clock, log, 1)
    seen = []
    alerts.sent.connect(seen.append)
    alerts.send(AlertKind.SLOW_DOWN)
    assert seen[0].kind is AlertKind.SLOW_DOWN and alerts.current() is seen[0]
    assert [e.type for e in log.events(1)] == ["prompter.alert"]
    clock.advance(11)
    assert alerts.current() is None


def test_a_typed_alert_needs_text():
    alerts = PrompterAlerts(FakeClock())
    with pytest.raises(ValueError):
        alerts.send(AlertKind.TEXT, "  ")
    assert alerts.send(AlertKind.TEXT, " 报一下库存 ").text == "报一下库存"
