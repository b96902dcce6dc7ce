"""The live room of one session: its product queue, interaction timers and incident log, resumable from the log."""

from __future__ import annotations

from collections.abc import Sequence

from liveconsole.core.events import Signal
from liveconsole.core.incidents import IncidentLog
from liveconsole.core.obs import SCENE_SWITCH
from liveconsole.core.ports import Clock, EventLog, EventRecord
from liveconsole.core.products import Product
from liveconsole.core.prompter import PrompterAlerts
from liveconsole.core.queue import QUEUE_OPEN, ProductQueue
from liveconsole.core.script import CuePolicy, Script, Timeline, TimelineStatus
from liveconsole.core.timers import TimerBoard


class LiveRoomEvents:
    def __init__(self) -> None:
        # A new ProductQueue object took over (the session went live, or another session was opened).
        self.queue_replaced: Signal[ProductQueue] = Signal("queue_replaced")
        # A new Timeline took over (another session was opened, or its script was replaced).
        self.timeline_replaced: Signal[Timeline] = Signal("timeline_replaced")


class LiveRoom:
    """Before the first live action the queue is a preview of the lineup and nothing is logged;
    the first action opens the queue in the log (`queue.open`), and from then on every action is
    committed as it happens. Reopening a session replays its log, so a crash loses nothing."""

    def __init__(self, clock: Clock, log: EventLog | None = None) -> None:
        self.clock, self.log = clock, log
        self.events = LiveRoomEvents()
        self.session_id: int | None = None
        self._lineup: list[Product] = []
        self.queue = ProductQueue([], clock)
        self.timers = TimerBoard(clock)
        self.incidents = IncidentLog(clock)
        self.alerts = PrompterAlerts(clock)
        self.cue_policy = CuePolicy()
        self.timeline = Timeline(Script(), clock, policy=self.cue_policy)
        self.live = False

    def open_session(self, session_id: int | None, lineup: Sequence[Product],
                     past: Sequence[EventRecord] = (), script: Script | None = None) -> None:
        """Show a session: resume its logged queue if it went live before, else preview its lineup."""
        self.session_id = session_id
        self._lineup = list(lineup)
        log = self.log if session_id is not None else None
        self.live = any(event.type == QUEUE_OPEN for event in past)
        if self.live:
            self.queue = ProductQueue.replay(self._lineup, past, self.clock, log, session_id)
        else:
            self.queue = ProductQueue(self._lineup, self.clock)
        self.incidents = (IncidentLog.replay(past, self.clock, log, session_id) if log is not None
                          else IncidentLog(self.clock))
        self.timers = TimerBoard(self.clock, log, session_id)
        # The prompter keeps its object (its window is subscribed); only where alerts are logged changes.
        self.alerts.log, self.alerts.session_id = log, session_id
        self.alerts.history.clear()
        script = script if script is not None else Script()
        if any(event.type.startswith("script.") for event in past):
            self.timeline = Timeline.replay(script, past, self.clock, log, session_id, self.cue_policy)
        else:
            self.timeline = Timeline(script, self.clock, log, session_id, self.cue_policy)
        self.events.queue_replaced.emit(self.queue)
        self.events.timeline_replaced.emit(self.timeline)

    def set_script(self, script: Script) -> bool:
        """A new or edited script, taken only before the timeline starts; False once it runs."""
        if self.timeline.status is not TimelineStatus.READY:
            return False
        self.timeline.set_script(script)
        return True

    def set_cue_policy(self, policy: CuePolicy) -> None:
        self.cue_policy = policy
        self.timeline.policy = policy

    def preview_lineup(self, lineup: Sequence[Product]) -> None:
        """The lineup was edited: before going live the queue follows it; once live it is left alone."""
        if not self.live:
            self._lineup = list(lineup)
            self.queue = ProductQueue(self._lineup, self.clock)
            self.events.queue_replaced.emit(self.queue)

    def scene_switched(self, scene: str) -> bool:
        """OBS's program scene changed: logged once the session is live (a marker on the charts)."""
        if not self.live or self.log is None or self.session_id is None:
            return False
        self.log.append(self.session_id, SCENE_SWITCH, {"scene": scene})
        return True

    def go_live(self) -> ProductQueue:
        """Open the queue in the log (once); every later action is logged."""
        if not self.live and self.log is not None and self.session_id is not None:
            self.queue = ProductQueue(self._lineup, self.clock, self.log, self.session_id)
            self.live = True
            self.events.queue_replaced.emit(self.queue)
        return self.queue
