"""The session script (整场脚本) with its single-product scripts, and the live timeline that runs it.
Each timeline transition goes to the event log as it happens, and `Timeline.replay` resumes from it."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, time, timedelta
from typing import Any

from liveconsole.core.events import Signal
from liveconsole.core.ports import Clock, EventLog, EventRecord
from liveconsole.core.products import MAX_COUNT, Product

NS_PER_S = 1_000_000_000
MAX_SEGMENT_S = 12 * 3600  # longer than any segment of any session: a typo, not a plan
SAME_BOOT_TOLERANCE_NS = 5 * NS_PER_S

SCRIPT_START = "script.start"
SCRIPT_SEGMENT = "script.segment"
SCRIPT_PAUSE = "script.pause"
SCRIPT_RESUME = "script.resume"
SCRIPT_FINISH = "script.finish"


class SegmentType(enum.Enum):
    """What a segment is for. Values are stable codes: they are stored and in the event log."""

    OPENING = "opening"  # 开场
    WARM_UP = "warm_up"  # 暖场
    PRODUCT = "product"  # 产品讲解
    INTERACTION = "interaction"  # 互动
    TRANSITION = "transition"  # 过渡
    CLOSING = "closing"  # 收尾


class InteractionKind(enum.Enum):
    """The interaction a segment calls for. Values are stable codes."""

    LUCKY_BAG = "lucky_bag"  # 福袋
    LOTTERY = "lottery"  # 抽奖
    FLASH_SALE = "flash_sale"  # 秒杀
    COUPON = "coupon"  # 发券


# --- cues --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SceneCue:
    """Switch OBS to this scene."""

    scene: str


@dataclass(frozen=True)
class PushCue:
    """Push this link (讲解中) in the product queue."""

    link_no: int


@dataclass(frozen=True)
class InteractionCue:
    """Run this interaction (put the 福袋 up, start the 秒杀, ...)."""

    kind: InteractionKind


Cue = SceneCue | PushCue | InteractionCue


class CueMode(enum.Enum):
    """What happens to a cue of one type when its segment starts. Values are stable setting codes."""

    AUTO = "auto"  # handed to the app to carry out at once
    CONFIRM = "confirm"  # held in `Timeline.pending_cues` until confirmed or dismissed
    OFF = "off"  # not raised at all


@dataclass(frozen=True)
class CuePolicy:
    """One mode per cue type. Nothing happens on stream unasked unless a type is set to AUTO."""

    scene: CueMode = CueMode.CONFIRM
    push: CueMode = CueMode.CONFIRM
    interaction: CueMode = CueMode.CONFIRM

    def mode(self, cue: Cue) -> CueMode:
        if isinstance(cue, SceneCue):
            return self.scene
        if isinstance(cue, PushCue):
            return self.push
        return self.interaction


# --- the script --------------------------------------------------------------------------------


class SegmentProblemCode(enum.Enum):
    """Why a segment's values cannot be accepted. The GUI turns these into words."""

    TITLE_MISSING = "title_missing"
    BAD_DURATION = "bad_duration"  # a whole number of seconds, above 0, at most MAX_SEGMENT_S
    BAD_START = "bad_start"  # whole seconds from the session start, from 0 to MAX_COUNT
    BAD_LINK = "bad_link"  # link numbers are whole numbers from 0 to MAX_COUNT (what a database holds)


@dataclass(frozen=True)
class SegmentProblem:
    field: str
    code: SegmentProblemCode


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class Segment:
    """One block of the script. Immutable: edits make a new value."""

    title: str
    planned_duration_s: int
    type: SegmentType = SegmentType.PRODUCT
    # Seconds from the session start; None: right after the segment before (0 for the first).
    # A set value pins the segment to the clock (the 福袋 at 21:00 sharp) whatever runs before it.
    planned_start_s: int | None = None
    link_nos: tuple[int, ...] = ()  # the lineup links it covers, the first explained first
    talking_points: tuple[str, ...] = ()  # 话术
    scene_cue: str | None = None  # the OBS scene to switch to when it starts
    interaction: InteractionKind | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "link_nos", tuple(self.link_nos))
        object.__setattr__(self, "talking_points", tuple(self.talking_points))
        if self.scene_cue is not None and not self.scene_cue.strip():
            object.__setattr__(self, "scene_cue", None)

    @property
    def planned_duration_ns(self) -> int:
        return self.planned_duration_s * NS_PER_S

    def cues(self) -> tuple[Cue, ...]:
        """Scene first (the picture changes as the host starts talking), then the push, then the
        interaction. Only the first link is pushed: the others follow as the host gets to them."""
        cues: list[Cue] = []
        if self.scene_cue is not None:
            cues.append(SceneCue(self.scene_cue))
        if self.link_nos:
            cues.append(PushCue(self.link_nos[0]))
        if self.interaction is not None:
            cues.append(InteractionCue(self.interaction))
        return tuple(cues)

    def problems(self) -> list[SegmentProblem]:
        found: list[SegmentProblem] = []
        if not self.title.strip():
            found.append(SegmentProblem("title", SegmentProblemCode.TITLE_MISSING))
        duration = self.planned_duration_s
        if not _is_count(duration) or not 0 < duration <= MAX_SEGMENT_S:
            found.append(SegmentProblem("planned_duration_s", SegmentProblemCode.BAD_DURATION))
        start = self.planned_start_s
        if start is not None and (not _is_count(start) or not 0 <= start <= MAX_COUNT):
            found.append(SegmentProblem("planned_start_s", SegmentProblemCode.BAD_START))
        if not all(_is_count(link) and 0 <= link <= MAX_COUNT for link in self.link_nos):
            found.append(SegmentProblem("link_nos", SegmentProblemCode.BAD_LINK))
        return found

    def with_changes(self, **changes: object) -> Segment:
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise KeyError(f"unknown segment fields: {sorted(unknown)}")
        return replace(self, **changes)  # type: ignore[arg-type]


class InvalidScript(ValueError):
    """Segments that cannot be run; `problems` holds (segment index, problem) pairs."""

    def __init__(self, problems: list[tuple[int, SegmentProblem]]) -> None:
        super().__init__(", ".join(f"{i}.{p.field}: {p.code.value}" for i, p in problems))
        self.problems = problems


@dataclass(frozen=True)
class ProductScript:
    """单品脚本: what the host says about one product, line by line."""

    link_no: int | None = None
    sku: str = ""
    title: str = ""
    brand_intro: tuple[str, ...] = ()  # 品牌介绍
    selling_points: tuple[str, ...] = ()  # 核心卖点
    benefits: tuple[str, ...] = ()  # 利益点
    price_anchor: tuple[str, ...] = ()  # 价格锚点
    call_to_action: tuple[str, ...] = ()  # 引导转化

    def __post_init__(self) -> None:
        for name in ("brand_intro", "selling_points", "benefits", "price_anchor", "call_to_action"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    @property
    def key(self) -> str:
        """The product key it is for, as `Product.key` makes it: the SKU, else the title."""
        return self.sku.strip() or self.title.strip()

    def is_for(self, product: Product) -> bool:
        if self.key:
            return self.key == product.key
        return self.link_no is not None and self.link_no == product.link_no


@dataclass(frozen=True)
class Script:
    """The whole-session script: segments in running order, and the single-product scripts.

    Raises InvalidScript when a segment has problems."""

    segments: tuple[Segment, ...] = ()
    product_scripts: tuple[ProductScript, ...] = ()
    start_time: time | None = None  # the time of day the script starts at (20:00), when it says
    _plan: tuple[tuple[int, int], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "segments", tuple(self.segments))
        object.__setattr__(self, "product_scripts", tuple(self.product_scripts))
        problems = [(i, p) for i, segment in enumerate(self.segments) for p in segment.problems()]
        if problems:
            raise InvalidScript(problems)
        plan: list[tuple[int, int]] = []
        end = 0
        for segment in self.segments:
            start = end if segment.planned_start_s is None else segment.planned_start_s
            end = start + segment.planned_duration_s
            plan.append((start, end))
        object.__setattr__(self, "_plan", tuple(plan))

    def __len__(self) -> int:
        return len(self.segments)

    def __iter__(self) -> Iterator[Segment]:
        return iter(self.segments)

    def __getitem__(self, index: int) -> Segment:
        return self.segments[index]

    def planned_start_s(self, index: int) -> int:
        """Seconds from the session start at which the segment is planned to begin."""
        return self._plan[index][0]

    def planned_end_s(self, index: int) -> int:
        return self._plan[index][1]

    @property
    def total_planned_s(self) -> int:
        """From the session start to the latest planned end."""
        return max((end for _, end in self._plan), default=0)

    def planned_clock(self, index: int) -> time | None:
        """The time of day the segment is planned to begin, when the script has a start time."""
        if self.start_time is None:
            return None
        start = datetime.combine(datetime.min, self.start_time)
        return (start + timedelta(seconds=self.planned_start_s(index))).time()

    def product_script(self, product: Product) -> ProductScript | None:
        return next((ps for ps in self.product_scripts if ps.is_for(product)), None)

    def with_segments(self, segments: Iterable[Segment]) -> Script:
        return replace(self, segments=tuple(segments))

    def inserted(self, index: int, segment: Segment) -> Script:
        segments = list(self.segments)
        segments.insert(max(0, min(index, len(segments))), segment)
        return self.with_segments(segments)

    def removed(self, index: int) -> Script:
        segments = list(self.segments)
        del segments[index]
        return self.with_segments(segments)

    def moved(self, source: int, target: int) -> Script:
        segments = list(self.segments)
        segments.insert(target, segments.pop(source))
        return self.with_segments(segments)

    def replaced(self, index: int, segment: Segment) -> Script:
        segments = list(self.segments)
        segments[index] = segment
        return self.with_segments(segments)


# --- the timeline ------------------------------------------------------------------------------


class TimelineStatus(enum.Enum):
    READY = "ready"  # not started
    RUNNING = "running"
    PAUSED = "paused"  # the current segment stays current; its time and the session's stand still
    FINISHED = "finished"


class TimelineErrorCode(enum.Enum):
    """Why a timeline action was refused. The GUI turns these into words."""

    EMPTY_SCRIPT = "empty_script"
    ALREADY_STARTED = "already_started"
    NOT_LIVE = "not_live"  # not started yet, or finished: there is no current segment
    NOT_RUNNING = "not_running"  # pause while paused
    NOT_PAUSED = "not_paused"  # resume while running
    NO_NEXT = "no_next"  # next on the last segment: `finish` ends the session
    NO_PREVIOUS = "no_previous"
    BAD_INDEX = "bad_index"
    NO_PENDING_CUE = "no_pending_cue"
    BAD_EVENT = "bad_event"  # a logged event that does not fit the timeline it is replayed onto


class TimelineError(Exception):
    def __init__(self, code: TimelineErrorCode) -> None:
        super().__init__(code.value)
        self.code = code


@dataclass(frozen=True)
class Transition:
    """When the timeline started, paused, resumed or finished, and on which segment."""

    index: int
    at_ns: int
    at: datetime


@dataclass(frozen=True)
class SegmentChange:
    previous: int | None  # None when the session starts
    index: int
    segment: Segment
    via: str  # "start" | "next" | "previous" | "jump"
    at_ns: int
    at: datetime


class OverrunScope(enum.Enum):
    SEGMENT = "segment"
    SESSION = "session"


@dataclass(frozen=True)
class Overrun:
    """The current segment, or the whole session, has run past its planned length."""

    scope: OverrunScope
    index: int
    planned_ns: int
    elapsed_ns: int  # when it was noticed


@dataclass(frozen=True)
class Progress:
    """Where the session stands against its plan at one instant.

    Elapsed times exclude pauses; remaining times go negative once over. The projected end is
    now plus what is left of the current segment plus the rest of the plan as written, so a pause
    moves it later while it lasts."""

    status: TimelineStatus
    index: int | None
    segment_planned_ns: int
    segment_elapsed_ns: int  # every visit of the current segment, the running one included
    segment_remaining_ns: int
    segment_overrun: bool
    elapsed_ns: int
    paused_ns: int
    planned_ns: int
    remaining_ns: int
    session_overrun: bool
    projected_end_ns: int  # on the timeline's clock, `Timeline.now_ns()`
    projected_end: datetime
    planned_end: datetime | None  # start + planned length; None before the start
    late_ns: int | None  # projected end minus planned end; negative: ahead of plan


@dataclass(frozen=True)
class TimelineState:
    """Everything that makes two timelines the same (a live one and its replay)."""

    status: TimelineStatus
    index: int | None
    started_ns: int | None
    started_at: datetime | None
    finished_ns: int | None
    actual_ns: tuple[int, ...]  # finished run time per segment, the running stretch not included
    running_since_ns: int | None
    paused_since_ns: int | None
    paused_ns: int  # finished pauses
    entered_ns: tuple[int | None, ...]  # when each segment first became current
    entered_at: tuple[datetime | None, ...]


class TimelineEvents:
    def __init__(self) -> None:
        self.started: Signal[Transition] = Signal("started")
        # The current segment changed (also on start); emitted before that segment's cues.
        self.segment_changed: Signal[SegmentChange] = Signal("segment_changed")
        self.paused: Signal[Transition] = Signal("paused")
        self.resumed: Signal[Transition] = Signal("resumed")
        self.finished: Signal[Transition] = Signal("finished")
        # Once per visit of a segment, and once per session, from `poll`.
        self.overrun: Signal[Overrun] = Signal("overrun")
        # Carry this cue out now: an AUTO cue when its segment starts, or a confirmed one.
        self.cue: Signal[Cue] = Signal("cue")
        # The cues waiting for the assistant's confirmation, after every change.
        self.pending_changed: Signal[tuple[Cue, ...]] = Signal("pending_changed")
        # The script was replaced before the start (edited or imported).
        self.script_changed: Signal[Script] = Signal("script_changed")


def _elapsed(since_ns: int, now_ns: int) -> int:
    return max(0, now_ns - since_ns)


class Timeline:
    """Runs a script against the clock: exactly one current segment while running or paused.

    Time comes only from the clock it is given; nothing runs by itself: the GUI calls `poll()` and
    `progress()` from its own timer. Cues are raised, never carried out here."""

    def __init__(
        self,
        script: Script,
        clock: Clock,
        log: EventLog | None = None,
        session_id: int | None = None,
        policy: CuePolicy = CuePolicy(),
    ) -> None:
        if log is not None and session_id is None:
            raise ValueError("a logged timeline needs its session id")
        self._script = script
        self._clock = clock
        self._log = log
        self._session_id = session_id
        self.policy = policy
        self.events = TimelineEvents()
        # After a reboot the monotonic clock begins again; this puts it back on the log's scale.
        self._shift_ns = 0
        self._reset()

    def _reset(self) -> None:
        n = len(self._script)
        self._status = TimelineStatus.READY
        self._index: int | None = None
        self._last_index = 0
        self._started_ns: int | None = None
        self._started_at: datetime | None = None
        self._finished_ns: int | None = None
        self._actual = [0] * n
        self._running_since: int | None = None
        self._paused_since: int | None = None
        self._paused_total = 0
        self._entered_ns: list[int | None] = [None] * n
        self._entered_at: list[datetime | None] = [None] * n
        self._pending: tuple[Cue, ...] = ()
        self._announced: set[OverrunScope] = set()
        self._last_ns = 0  # the time and place of the last transition, for the events that tell it
        self._last_at: datetime | None = None

    # reading -----------------------------------------------------------------------------
    @property
    def script(self) -> Script:
        return self._script

    @property
    def status(self) -> TimelineStatus:
        return self._status

    @property
    def live(self) -> bool:
        """Running or paused: there is a current segment."""
        return self._status in (TimelineStatus.RUNNING, TimelineStatus.PAUSED)

    @property
    def index(self) -> int | None:
        return self._index

    @property
    def current(self) -> Segment | None:
        return None if self._index is None else self._script[self._index]

    @property
    def next_segment(self) -> Segment | None:
        if self._index is None or self._index + 1 >= len(self._script):
            return None
        return self._script[self._index + 1]

    @property
    def pending_cues(self) -> tuple[Cue, ...]:
        return self._pending

    @property
    def state(self) -> TimelineState:
        return TimelineState(
            status=self._status,
            index=self._index,
            started_ns=self._started_ns,
            started_at=self._started_at,
            finished_ns=self._finished_ns,
            actual_ns=tuple(self._actual),
            running_since_ns=self._running_since,
            paused_since_ns=self._paused_since,
            paused_ns=self._paused_total,
            entered_ns=tuple(self._entered_ns),
            entered_at=tuple(self._entered_at),
        )

    def now_ns(self) -> int:
        """The clock's monotonic time on the scale of this session's log."""
        return self._clock.monotonic_ns() + self._shift_ns

    def actual_ns(self, index: int) -> int:
        """How long the segment has run so far, over all its visits, pauses excluded."""
        total = self._actual[index]
        if index == self._index and self._running_since is not None:
            total += _elapsed(self._running_since, self.now_ns())
        return total

    def entered_at(self, index: int) -> datetime | None:
        """The wall time the segment first became current."""
        return self._entered_at[index]

    def elapsed_ns(self) -> int:
        """Session time run so far, pauses excluded: the sum of every segment's actual time."""
        return sum(self.actual_ns(i) for i in range(len(self._script)))

    def paused_ns(self) -> int:
        total = self._paused_total
        if self._paused_since is not None:
            total += _elapsed(self._paused_since, self.now_ns())
        return total

    def progress(self) -> Progress:
        now, wall = self.now_ns(), self._clock.now()
        planned = self._script.total_planned_s * NS_PER_S
        elapsed, paused = self.elapsed_ns(), self.paused_ns()
        index = self._index
        segment_planned = segment_elapsed = 0
        if index is not None:
            segment_planned = self._script[index].planned_duration_ns
            segment_elapsed = self.actual_ns(index)
        if self._status is TimelineStatus.READY:
            left = planned
        elif index is None:  # finished: the end is behind us
            finished = now if self._finished_ns is None else self._finished_ns
            left = -_elapsed(finished, now)
        else:
            rest = max(0, planned - self._script.planned_end_s(index) * NS_PER_S)
            left = max(0, segment_planned - segment_elapsed) + rest
        planned_end = None
        late = None
        if self._started_ns is not None and self._started_at is not None:
            planned_end = self._started_at + timedelta(microseconds=planned // 1000)
            late = now + left - (self._started_ns + planned)
        return Progress(
            status=self._status,
            index=index,
            segment_planned_ns=segment_planned,
            segment_elapsed_ns=segment_elapsed,
            segment_remaining_ns=segment_planned - segment_elapsed,
            segment_overrun=index is not None and segment_elapsed > segment_planned,
            elapsed_ns=elapsed,
            paused_ns=paused,
            planned_ns=planned,
            remaining_ns=planned - elapsed,
            session_overrun=self._started_ns is not None and elapsed > planned,
            projected_end_ns=now + left,
            projected_end=wall + timedelta(microseconds=left // 1000),
            planned_end=planned_end,
            late_ns=late,
        )

    # actions -------------------------------------------------------------------------------
    def set_script(self, script: Script) -> None:
        """Replace the script before the start (an edit or a new import)."""
        if self._status is not TimelineStatus.READY:
            raise TimelineError(TimelineErrorCode.ALREADY_STARTED)
        self._script = script
        self._reset()
        self.events.script_changed.emit(script)

    def start(self, index: int = 0) -> Segment:
        """Go live on segment `index` (the first by default)."""
        if self._status is not TimelineStatus.READY:
            raise TimelineError(TimelineErrorCode.ALREADY_STARTED)
        if not len(self._script):
            raise TimelineError(TimelineErrorCode.EMPTY_SCRIPT)
        self._check_index(index)
        self._act(SCRIPT_START, {
            "index": index,
            "title": self._script[index].title,
            "segments": len(self._script),
            "planned_ns": self._script.total_planned_s * NS_PER_S,
            **self._stamp(),
        })
        at = self._transition()
        self.events.started.emit(at)
        self._entered(None, "start", at)
        return self._script[index]

    def next(self) -> Segment:
        index = self._live_index()
        if index + 1 >= len(self._script):
            raise TimelineError(TimelineErrorCode.NO_NEXT)
        return self._go(index + 1, "next")

    def previous(self) -> Segment:
        index = self._live_index()
        if index == 0:
            raise TimelineError(TimelineErrorCode.NO_PREVIOUS)
        return self._go(index - 1, "previous")

    def jump(self, index: int) -> Segment:
        """Make segment `index` current; jumping to the current one changes nothing."""
        current = self._live_index()
        self._check_index(index)
        if index == current:
            return self._script[index]
        return self._go(index, "jump")

    def pause(self) -> None:
        index = self._live_index()
        if self._status is not TimelineStatus.RUNNING:
            raise TimelineError(TimelineErrorCode.NOT_RUNNING)
        self._act(SCRIPT_PAUSE, {
            "index": index,
            "segment_elapsed_ns": self.actual_ns(index),
            "elapsed_ns": self.elapsed_ns(),
            **self._stamp(),
        })
        self.events.paused.emit(self._transition())

    def resume(self) -> None:
        index = self._live_index()
        if self._status is not TimelineStatus.PAUSED:
            raise TimelineError(TimelineErrorCode.NOT_PAUSED)
        assert self._paused_since is not None
        stamp = self._stamp()
        self._act(SCRIPT_RESUME, {
            "index": index, "paused_ns": _elapsed(self._paused_since, stamp["at_ns"]), **stamp,
        })
        self.events.resumed.emit(self._transition())

    def finish(self) -> None:
        """End the session on the current segment; nothing follows a finished timeline."""
        index = self._live_index()
        stamp = self._stamp()
        self._act(SCRIPT_FINISH, {
            "index": index,
            "elapsed_ns": self.elapsed_ns(),
            "paused_ns": self.paused_ns(),
            "actual_ns": [self.actual_ns(i) for i in range(len(self._script))],
            **stamp,
        })
        self._set_pending(())
        self.events.finished.emit(self._transition())

    def confirm(self, cue: Cue | None = None) -> tuple[Cue, ...]:
        """Carry out one pending cue, or all of them (one key for the whole segment)."""
        taken = self._take_pending(cue)
        for each in taken:
            self.events.cue.emit(each)
        return taken

    def dismiss(self, cue: Cue | None = None) -> tuple[Cue, ...]:
        """Drop one pending cue, or all of them, without carrying it out."""
        return self._take_pending(cue)

    def poll(self) -> None:
        """Notice what time has done since the last call: the segment or the session running over."""
        index = self._index
        if index is None:
            return
        segment = self._script[index]
        elapsed = self.actual_ns(index)
        if OverrunScope.SEGMENT not in self._announced and elapsed > segment.planned_duration_ns:
            self._announced.add(OverrunScope.SEGMENT)
            self.events.overrun.emit(
                Overrun(OverrunScope.SEGMENT, index, segment.planned_duration_ns, elapsed)
            )
        planned, total = self._script.total_planned_s * NS_PER_S, self.elapsed_ns()
        if OverrunScope.SESSION not in self._announced and total > planned:
            self._announced.add(OverrunScope.SESSION)
            self.events.overrun.emit(Overrun(OverrunScope.SESSION, index, planned, total))

    # recovery ------------------------------------------------------------------------------
    @classmethod
    def replay(
        cls,
        script: Script,
        events: Iterable[EventRecord],
        clock: Clock,
        log: EventLog | None = None,
        session_id: int | None = None,
        policy: CuePolicy = CuePolicy(),
    ) -> Timeline:
        """The timeline as the logged `script.*` events left it, its clock still running.

        The time the app was down counts for the current segment (or for the pause it was in).
        When the monotonic clock began again (a reboot), the time since the last event is taken
        from the wall clock. No cue is raised again: after a restart they would be stale, and what
        was done is in the log. Further actions go to `log`."""
        if log is not None and session_id is None:
            raise ValueError("a logged timeline needs its session id")
        timeline = cls(script, clock, policy=policy)
        last: Mapping[str, Any] | None = None
        for event in events:
            if event.type in _CHANGES:
                timeline._apply(event.type, event.payload)
                last = event.payload
        if last is not None:
            timeline._shift_ns = _shift_after_restart(last, clock)
        timeline._log, timeline._session_id = log, session_id
        return timeline

    # how actions happen --------------------------------------------------------------------
    def _check_index(self, index: int) -> None:
        if not _is_count(index) or not 0 <= index < len(self._script):
            raise TimelineError(TimelineErrorCode.BAD_INDEX)

    def _live_index(self) -> int:
        if self._index is None:
            raise TimelineError(TimelineErrorCode.NOT_LIVE)
        return self._index

    def _stamp(self) -> dict[str, Any]:
        return {"at_ns": self.now_ns(), "wall_time": self._clock.now().isoformat()}

    def _transition(self) -> Transition:
        assert self._last_at is not None
        return Transition(self._last_index, self._last_ns, self._last_at)

    def _go(self, index: int, via: str) -> Segment:
        previous = self._live_index()
        stamp = self._stamp()
        closed = 0 if self._running_since is None else _elapsed(self._running_since, stamp["at_ns"])
        self._act(SCRIPT_SEGMENT, {
            "from": previous,
            "to": index,
            "via": via,
            "title": self._script[index].title,
            "closed_ns": closed,
            "from_actual_ns": self._actual[previous] + closed,
            **stamp,
        })
        self._entered(previous, via, self._transition())
        return self._script[index]

    def _entered(self, previous: int | None, via: str, at: Transition) -> None:
        segment = self._script[at.index]
        self._announced.discard(OverrunScope.SEGMENT)
        self.events.segment_changed.emit(SegmentChange(previous, at.index, segment, via, at.at_ns, at.at))
        auto: list[Cue] = []
        pending: list[Cue] = []
        for cue in segment.cues():
            mode = self.policy.mode(cue)
            if mode is CueMode.AUTO:
                auto.append(cue)
            elif mode is CueMode.CONFIRM:
                pending.append(cue)
        # Cues still pending from the segment before are stale once the host has moved on.
        self._set_pending(tuple(pending))
        for cue in auto:
            self.events.cue.emit(cue)

    def _set_pending(self, cues: tuple[Cue, ...]) -> None:
        if cues != self._pending:
            self._pending = cues
            self.events.pending_changed.emit(cues)

    def _take_pending(self, cue: Cue | None) -> tuple[Cue, ...]:
        if not self._pending or (cue is not None and cue not in self._pending):
            raise TimelineError(TimelineErrorCode.NO_PENDING_CUE)
        taken = self._pending if cue is None else (cue,)
        self._set_pending(tuple(c for c in self._pending if c not in taken))
        return taken

    def _write(self, type: str, payload: Mapping[str, Any]) -> None:
        if self._log is not None:
            assert self._session_id is not None
            self._log.append(self._session_id, type, payload)

    def _act(self, type: str, payload: dict[str, Any]) -> None:
        # The log comes first: a transition the log refused has not happened.
        self._write(type, payload)
        self._apply(type, payload)

    def _apply(self, type: str, payload: Mapping[str, Any]) -> None:
        """Make the change a logged transition describes. Live actions and replay both come
        through here, so a replayed log reaches exactly the live state."""
        try:
            at, wall = payload["at_ns"], datetime.fromisoformat(payload["wall_time"])
            self._expect(_is_count(at) and wall.tzinfo is not None)
            _CHANGES[type](self, payload, at)
        except (KeyError, TypeError, ValueError, IndexError):
            raise TimelineError(TimelineErrorCode.BAD_EVENT) from None
        self._last_ns, self._last_at = at, wall
        if self._index is not None:
            self._last_index = self._index
            if self._entered_ns[self._index] is None:
                self._entered_ns[self._index], self._entered_at[self._index] = at, wall

    @staticmethod
    def _expect(condition: bool) -> None:
        if not condition:
            raise ValueError("the event does not fit the timeline")

    def _in_range(self, index: object) -> bool:
        return _is_count(index) and 0 <= index < len(self._script)  # type: ignore[operator]

    def _close_running(self, at: int) -> None:
        if self._running_since is not None and self._index is not None:
            self._actual[self._index] += _elapsed(self._running_since, at)
            self._running_since = None

    def _apply_start(self, p: Mapping[str, Any], at: int) -> None:
        self._expect(self._status is TimelineStatus.READY and self._in_range(p["index"]))
        self._status, self._index = TimelineStatus.RUNNING, p["index"]
        self._started_ns, self._started_at = at, datetime.fromisoformat(p["wall_time"])
        self._running_since = at

    def _apply_segment(self, p: Mapping[str, Any], at: int) -> None:
        self._expect(self.live and p["from"] == self._index and self._in_range(p["to"]))
        self._expect(p["to"] != p["from"])
        if self._running_since is not None:
            self._close_running(at)
            self._running_since = at
        self._index = p["to"]

    def _apply_pause(self, p: Mapping[str, Any], at: int) -> None:
        self._expect(self._status is TimelineStatus.RUNNING and p["index"] == self._index)
        self._close_running(at)
        self._status, self._paused_since = TimelineStatus.PAUSED, at

    def _apply_resume(self, p: Mapping[str, Any], at: int) -> None:
        self._expect(self._status is TimelineStatus.PAUSED and p["index"] == self._index)
        assert self._paused_since is not None
        self._paused_total += _elapsed(self._paused_since, at)
        self._status, self._paused_since, self._running_since = TimelineStatus.RUNNING, None, at

    def _apply_finish(self, p: Mapping[str, Any], at: int) -> None:
        self._expect(self.live and p["index"] == self._index)
        self._close_running(at)
        if self._paused_since is not None:
            self._paused_total += _elapsed(self._paused_since, at)
            self._paused_since = None
        self._status, self._finished_ns, self._index = TimelineStatus.FINISHED, at, None


_CHANGES = {
    SCRIPT_START: Timeline._apply_start,
    SCRIPT_SEGMENT: Timeline._apply_segment,
    SCRIPT_PAUSE: Timeline._apply_pause,
    SCRIPT_RESUME: Timeline._apply_resume,
    SCRIPT_FINISH: Timeline._apply_finish,
}


def _shift_after_restart(last: Mapping[str, Any], clock: Clock) -> int:
    """How far to move the clock's monotonic time so that it continues the log's.

    The monotonic clock is trusted while it agrees with the wall clock about the time since the
    last event. A reboot starts it again, and then they disagree: the wall clock says how long
    it has been."""
    now = clock.monotonic_ns()
    mono_gap = now - last["at_ns"]
    wall_gap = (clock.now() - datetime.fromisoformat(last["wall_time"])) // timedelta(microseconds=1) * 1000
    # NTP may slew the wall clock by up to 0.05 %; a reboot takes far longer than the tolerance.
    tolerance = SAME_BOOT_TOLERANCE_NS + abs(wall_gap) // 1000
    if mono_gap >= 0 and abs(mono_gap - wall_gap) <= tolerance:
        return 0
    return last["at_ns"] + max(0, wall_gap) - now
