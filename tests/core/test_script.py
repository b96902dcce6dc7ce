from contextlib import contextmanager
from datetime import time, timedelta

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from liveconsole.core.products import Product
from liveconsole.core.script import (
    NS_PER_S,
    CueMode,
    CuePolicy,
    InteractionCue,
    InteractionKind,
    InvalidScript,
    OverrunScope,
    ProductScript,
    PushCue,
    SceneCue,
    Script,
    Segment,
    SegmentProblemCode,
    SegmentType,
    Timeline,
    TimelineError,
    TimelineErrorCode,
    TimelineStatus,
)
from tests.helpers.clock import FakeClock
from tests.helpers.memory_log import MemoryEventLog

SESSION = 5
READY, RUNNING, PAUSED, FINISHED = TimelineStatus
SCRIPT = Script(
    (
        Segment("开场", 300, SegmentType.OPENING, scene_cue="全景"),
        Segment("洁面乳 + 面膜", 600, link_nos=(1, 2), scene_cue="近景特写", talking_points=("先讲成分",)),
        Segment("福袋", 120, SegmentType.INTERACTION, planned_start_s=1200, interaction=InteractionKind.LUCKY_BAG),
        Segment("收尾", 180, SegmentType.CLOSING, scene_cue="全景"),
    ),
    start_time=time(20, 0),
)
AUTO_ALL = CuePolicy(CueMode.AUTO, CueMode.AUTO, CueMode.AUTO)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def log(clock):
    return MemoryEventLog(clock)


@pytest.fixture
def timeline(clock, log):
    return Timeline(SCRIPT, clock, log, SESSION)


@contextmanager
def raises(code):
    with pytest.raises(TimelineError) as info:
        yield
    assert info.value.code is code


def s(seconds):
    return seconds * NS_PER_S


def replayed(log, clock, **options):
    return Timeline.replay(SCRIPT, log.events(SESSION), clock, **options)


# --- the script --------------------------------------------------------------------------------


def test_a_segment_is_planned_right_after_the_one_before_unless_it_is_pinned():
    assert [SCRIPT.planned_start_s(i) for i in range(4)] == [0, 300, 1200, 1320]
    assert [SCRIPT.planned_end_s(i) for i in range(4)] == [300, 900, 1320, 1500]
    assert SCRIPT.total_planned_s == 1500
    assert SCRIPT.planned_clock(2) == time(20, 20)


def test_the_planned_clock_passes_midnight_and_is_unknown_without_a_start_time():
    late = Script((Segment("a", 3600), Segment("b", 60)), start_time=time(23, 30))
    assert late.planned_clock(1) == time(0, 30)
    assert Script((Segment("a", 60),)).planned_clock(0) is None


def test_a_script_with_bad_segments_is_refused_with_every_problem():
    with pytest.raises(InvalidScript) as info:
        Script((Segment("ok", 60), Segment(" ", 0, planned_start_s=-1, link_nos=(-3,))))
    assert [(i, p.field, p.code) for i, p in info.value.problems] == [
        (1, "title", SegmentProblemCode.TITLE_MISSING),
        (1, "planned_duration_s", SegmentProblemCode.BAD_DURATION),
        (1, "planned_start_s", SegmentProblemCode.BAD_START),
        (1, "link_nos", SegmentProblemCode.BAD_LINK),
    ]


def test_a_segment_longer_than_twelve_hours_or_of_fractional_seconds_is_refused():
    assert Segment("x", 12 * 3600).problems() == []
    assert [p.code for p in Segment("x", 12 * 3600 + 1).problems()] == [SegmentProblemCode.BAD_DURATION]
    assert [p.code for p in Segment("x", 1.5).problems()] == [SegmentProblemCode.BAD_DURATION]


def test_a_blank_scene_cue_is_no_cue():
    assert Segment("x", 60, scene_cue="  ").scene_cue is None


def test_segment_cues_are_the_scene_then_the_first_link_then_the_interaction():
    segment = Segment("秒杀", 60, link_nos=(6, 7), scene_cue="商品台", interaction=InteractionKind.FLASH_SALE)
    assert segment.cues() == (SceneCue("商品台"), PushCue(6), InteractionCue(InteractionKind.FLASH_SALE))
    assert Segment("过渡", 60).cues() == ()


def test_a_product_script_is_found_by_the_product_key_else_by_its_link_number():
    by_sku = ProductScript(sku="CG-JM100", selling_points=("氨基酸",))
    by_link = ProductScript(link_no=2, benefits=("买一送一",))
    script = Script((), (by_sku, by_link))
    assert script.product_script(Product("洁面乳", sku="CG-JM100", link_no=9)) is by_sku
    assert script.product_script(Product("面膜", link_no=2)) is by_link
    assert script.product_script(Product("面膜", sku="OTHER", link_no=3)) is None
    assert ProductScript(title=" 面膜 ").key == "面膜"


def test_editing_a_script_makes_a_new_script():
    edited = SCRIPT.removed(2).inserted(0, Segment("预热", 60)).moved(0, 1)
    assert [seg.title for seg in edited] == ["开场", "预热", "洁面乳 + 面膜", "收尾"]
    assert edited.replaced(1, Segment("暖场", 90)).planned_end_s(1) == 390
    assert len(SCRIPT) == 4


# --- running -----------------------------------------------------------------------------------


def test_start_makes_the_first_segment_current_and_logs_it_with_both_times(timeline, clock, log):
    assert timeline.status is READY and timeline.current is None
    assert timeline.start() == SCRIPT[0]
    assert (timeline.status, timeline.index, timeline.next_segment) == (RUNNING, 0, SCRIPT[1])
    (record,) = log.events(SESSION)
    assert record.type == "script.start"
    assert record.payload == {
        "index": 0, "title": "开场", "segments": 4, "planned_ns": s(1500),
        "at_ns": clock.monotonic_ns(), "wall_time": "2025-11-11T20:00:00+08:00",
    }
    assert timeline.entered_at(0) == clock.now()


def test_start_can_begin_on_a_later_segment(timeline):
    assert timeline.start(2).title == "福袋"
    assert timeline.entered_at(0) is None


def test_starting_twice_or_an_empty_script_is_refused(timeline, clock):
    timeline.start()
    with raises(TimelineErrorCode.ALREADY_STARTED):
        timeline.start()
    with raises(TimelineErrorCode.EMPTY_SCRIPT):
        Timeline(Script(), clock).start()


def test_nothing_moves_before_the_start(timeline):
    for action in (timeline.next, timeline.previous, timeline.pause, timeline.resume, timeline.finish):
        with raises(TimelineErrorCode.NOT_LIVE):
            action()
    with raises(TimelineErrorCode.NOT_LIVE):
        timeline.jump(1)


def test_next_closes_the_segment_with_its_actual_time(timeline, clock, log):
    timeline.start()
    clock.advance(320)
    assert timeline.next().title == "洁面乳 + 面膜"
    assert timeline.actual_ns(0) == s(320)
    clock.advance(15)
    assert timeline.actual_ns(1) == s(15)
    last = log.events(SESSION)[-1]
    assert last.type == "script.segment"
    assert {k: last.payload[k] for k in ("from", "to", "via", "closed_ns", "from_actual_ns")} == {
        "from": 0, "to": 1, "via": "next", "closed_ns": s(320), "from_actual_ns": s(320),
    }


def test_next_on_the_last_segment_is_refused_and_finish_ends_the_session(timeline, clock):
    timeline.start(3)
    with raises(TimelineErrorCode.NO_NEXT):
        timeline.next()
    clock.advance(200)
    timeline.finish()
    assert (timeline.status, timeline.current, timeline.actual_ns(3)) == (FINISHED, None, s(200))
    with raises(TimelineErrorCode.NOT_LIVE):
        timeline.next()


def test_previous_on_the_first_segment_is_refused(timeline):
    timeline.start()
    with raises(TimelineErrorCode.NO_PREVIOUS):
        timeline.previous()


def test_a_segment_visited_twice_counts_both_visits(timeline, clock):
    timeline.start()
    clock.advance(10)
    timeline.next()
    clock.advance(20)
    timeline.previous()
    clock.advance(5)
    assert (timeline.actual_ns(0), timeline.actual_ns(1)) == (s(15), s(20))
    assert timeline.elapsed_ns() == s(35)


def test_jump_goes_anywhere_and_to_the_current_segment_changes_nothing(timeline, log):
    timeline.start()
    assert timeline.jump(3).title == "收尾"
    timeline.jump(3)
    assert [e.payload.get("via") for e in log.events(SESSION)] == [None, "jump"]
    for bad in (-1, 4, True):
        with raises(TimelineErrorCode.BAD_INDEX):
            timeline.jump(bad)


def test_pause_stops_segment_and_session_time_and_resume_goes_on(timeline, clock, log):
    timeline.start()
    clock.advance(60)
    timeline.pause()
    clock.advance(600)
    assert timeline.actual_ns(0) == timeline.elapsed_ns() == s(60)
    assert timeline.paused_ns() == s(600)
    with raises(TimelineErrorCode.NOT_RUNNING):
        timeline.pause()
    timeline.resume()
    clock.advance(30)
    assert timeline.elapsed_ns() == s(90)
    assert log.events(SESSION)[-1].payload["paused_ns"] == s(600)
    with raises(TimelineErrorCode.NOT_PAUSED):
        timeline.resume()


def test_moving_while_paused_changes_the_segment_but_the_clock_stays_stopped(timeline, clock):
    timeline.start()
    clock.advance(10)
    timeline.pause()
    timeline.next()
    clock.advance(100)
    assert (timeline.status, timeline.index, timeline.actual_ns(1)) == (PAUSED, 1, 0)
    timeline.resume()
    clock.advance(7)
    assert (timeline.actual_ns(0), timeline.actual_ns(1), timeline.paused_ns()) == (s(10), s(7), s(100))


def test_finishing_while_paused_counts_the_pause_to_the_end(timeline, clock, log):
    timeline.start()
    clock.advance(10)
    timeline.pause()
    clock.advance(50)
    timeline.finish()
    clock.advance(999)
    assert (timeline.elapsed_ns(), timeline.paused_ns()) == (s(10), s(50))
    payload = log.events(SESSION)[-1].payload
    assert (payload["elapsed_ns"], payload["paused_ns"], payload["actual_ns"]) == (s(10), s(50), [s(10), 0, 0, 0])


# --- against the plan --------------------------------------------------------------------------


def test_poll_announces_a_segment_overrun_once_per_visit(timeline, clock):
    overruns = []
    timeline.events.overrun.connect(overruns.append)
    timeline.start()
    clock.advance(300)
    timeline.poll()
    assert overruns == []  # exactly on time is not over
    clock.advance(1)
    timeline.poll()
    timeline.poll()
    assert [(o.scope, o.index, o.planned_ns, o.elapsed_ns) for o in overruns] == [
        (OverrunScope.SEGMENT, 0, s(300), s(301))
    ]
    timeline.next()
    timeline.previous()
    timeline.poll()
    assert len(overruns) == 2  # back on a segment that is already over: announced again


def test_poll_announces_the_session_running_past_its_planned_length_once(timeline, clock):
    overruns = []
    timeline.events.overrun.connect(overruns.append)
    timeline.start(3)
    clock.advance(1501)
    timeline.poll()
    timeline.poll()
    assert [o.scope for o in overruns] == [OverrunScope.SEGMENT, OverrunScope.SESSION]
    assert timeline.progress().session_overrun


def test_progress_compares_elapsed_with_planned_and_projects_the_end(timeline, clock):
    start_wall = clock.now()
    timeline.start()
    clock.advance(100)
    p = timeline.progress()
    assert (p.index, p.segment_planned_ns, p.segment_elapsed_ns, p.segment_remaining_ns) == (0, s(300), s(100), s(200))
    assert (p.elapsed_ns, p.planned_ns, p.remaining_ns) == (s(100), s(1500), s(1400))
    assert not p.segment_overrun and not p.session_overrun
    assert p.planned_end == start_wall + timedelta(seconds=1500)
    assert p.projected_end == p.planned_end and p.late_ns == 0
    assert p.projected_end_ns == timeline.now_ns() + s(1400)


def test_an_overrunning_segment_and_a_pause_make_the_projected_end_late(timeline, clock):
    timeline.start()
    clock.advance(400)
    p = timeline.progress()
    assert (p.segment_remaining_ns, p.segment_overrun, p.late_ns) == (-s(100), True, s(100))
    timeline.pause()
    clock.advance(60)
    assert timeline.progress().late_ns == s(160)


def test_the_rest_of_the_plan_includes_gaps_before_pinned_segments(timeline, clock):
    timeline.start()
    clock.advance(300)
    timeline.next()  # 300..900, then a gap up to the 福袋 pinned at 1200
    clock.advance(600)
    assert timeline.progress().late_ns == 0  # on plan: the gap is still to come


def test_progress_before_the_start_and_after_the_finish(timeline, clock):
    p = timeline.progress()
    assert (p.status, p.index, p.elapsed_ns, p.planned_end, p.late_ns) == (READY, None, 0, None, None)
    assert p.projected_end == clock.now() + timedelta(seconds=1500)
    timeline.start()
    clock.advance(30)
    timeline.finish()
    finished_at = clock.now()
    clock.advance(100)
    p = timeline.progress()
    assert (p.status, p.projected_end, p.late_ns) == (FINISHED, finished_at, -s(1470))


# --- cues --------------------------------------------------------------------------------------


def test_auto_cues_are_emitted_after_the_segment_change(clock):
    seen = []
    timeline = Timeline(SCRIPT, clock, policy=AUTO_ALL)
    timeline.events.started.connect(lambda t: seen.append(("started", t.index)))
    timeline.events.segment_changed.connect(lambda c: seen.append(("segment", c.previous, c.index, c.via)))
    timeline.events.cue.connect(seen.append)
    timeline.start()
    timeline.next()
    assert seen == [
        ("started", 0), ("segment", None, 0, "start"), SceneCue("全景"),
        ("segment", 0, 1, "next"), SceneCue("近景特写"), PushCue(1),
    ]
    assert timeline.pending_cues == ()


def test_confirm_cues_wait_until_confirmed_and_off_cues_never_come(clock):
    fired, pending = [], []
    policy = CuePolicy(scene=CueMode.OFF, push=CueMode.CONFIRM, interaction=CueMode.AUTO)
    timeline = Timeline(SCRIPT, clock, policy=policy)
    timeline.events.cue.connect(fired.append)
    timeline.events.pending_changed.connect(pending.append)
    timeline.start(1)
    assert (fired, timeline.pending_cues) == ([], (PushCue(1),))
    assert timeline.confirm() == (PushCue(1),)
    assert fired == [PushCue(1)]
    assert pending == [(PushCue(1),), ()]
    timeline.next()
    assert fired == [PushCue(1), InteractionCue(InteractionKind.LUCKY_BAG)]


def test_one_pending_cue_can_be_confirmed_and_another_dismissed(clock):
    fired = []
    timeline = Timeline(SCRIPT, clock)
    timeline.events.cue.connect(fired.append)
    timeline.start(1)
    assert timeline.pending_cues == (SceneCue("近景特写"), PushCue(1))
    assert timeline.confirm(PushCue(1)) == (PushCue(1),)
    assert timeline.dismiss() == (SceneCue("近景特写"),)
    assert fired == [PushCue(1)]
    with raises(TimelineErrorCode.NO_PENDING_CUE):
        timeline.confirm()
    with raises(TimelineErrorCode.NO_PENDING_CUE):
        timeline.dismiss(SceneCue("别的"))


def test_cues_still_pending_are_dropped_when_the_segment_changes_or_the_session_ends(clock):
    timeline = Timeline(SCRIPT, clock)
    timeline.start(1)
    timeline.next()
    assert timeline.pending_cues == (InteractionCue(InteractionKind.LUCKY_BAG),)
    timeline.finish()
    assert timeline.pending_cues == ()


def test_changing_the_policy_applies_from_the_next_segment(clock):
    fired = []
    timeline = Timeline(SCRIPT, clock)
    timeline.events.cue.connect(fired.append)
    timeline.start()
    timeline.policy = AUTO_ALL
    timeline.next()
    assert fired == [SceneCue("近景特写"), PushCue(1)]


def test_the_script_can_be_replaced_only_before_the_start(timeline):
    replaced = []
    timeline.events.script_changed.connect(replaced.append)
    shorter = SCRIPT.removed(0)
    timeline.set_script(shorter)
    assert timeline.script is shorter and replaced == [shorter]
    timeline.start()
    with raises(TimelineErrorCode.ALREADY_STARTED):
        timeline.set_script(SCRIPT)


# --- the log and recovery ----------------------------------------------------------------------


class RefusingLog(MemoryEventLog):
    def append(self, session_id, type, payload):
        raise OSError("disk full")


def test_a_transition_the_log_refused_has_not_happened(clock):
    timeline = Timeline(SCRIPT, clock, RefusingLog(clock), SESSION)
    with pytest.raises(OSError):
        timeline.start()
    assert timeline.status is READY
    assert timeline.state == Timeline(SCRIPT, clock).state


def test_a_logged_timeline_needs_a_session_id(clock, log):
    with pytest.raises(ValueError):
        Timeline(SCRIPT, clock, log)
    with pytest.raises(ValueError):
        Timeline.replay(SCRIPT, [], clock, log)


def test_replay_resumes_where_it_was_and_counts_the_time_the_app_was_down(timeline, clock, log):
    timeline.start()
    clock.advance(100)
    timeline.next()
    clock.advance(40)
    clock.advance(25)  # the app is dead for these 25 seconds
    again = Timeline.replay(SCRIPT, log.events(SESSION), clock, log, SESSION)
    assert again.state == timeline.state
    assert (again.status, again.index, again.actual_ns(0), again.actual_ns(1)) == (RUNNING, 1, s(100), s(65))
    again.next()
    assert log.events(SESSION)[-1].payload["from_actual_ns"] == s(65)


def test_replay_of_a_paused_session_counts_the_down_time_as_pause(timeline, clock, log):
    timeline.start()
    clock.advance(10)
    timeline.pause()
    clock.advance(90)
    again = replayed(log, clock)
    assert (again.status, again.elapsed_ns(), again.paused_ns()) == (PAUSED, s(10), s(90))


def test_replay_after_a_reboot_takes_the_down_time_from_the_wall_clock(timeline, clock, log):
    timeline.start()
    clock.advance(100)
    timeline.next()
    clock.advance(30)
    rebooted = FakeClock(start_ns=5 * NS_PER_S, wall=clock.now() + timedelta(seconds=120))
    again = Timeline.replay(SCRIPT, log.events(SESSION), rebooted)
    assert again.actual_ns(1) == s(150)
    rebooted.advance(10)
    assert again.actual_ns(1) == s(160)
    assert again.progress().elapsed_ns == s(260)


def test_after_a_reboot_at_the_same_uptime_the_wall_clock_still_tells_the_down_time(timeline, clock, log):
    timeline.start()
    clock.advance(30)
    same_uptime = FakeClock(start_ns=clock.monotonic_ns(), wall=clock.now() + timedelta(seconds=90))
    assert Timeline.replay(SCRIPT, log.events(SESSION), same_uptime).actual_ns(0) == s(120)


def test_a_wall_clock_a_little_off_the_monotonic_one_does_not_change_the_count(timeline, clock, log):
    timeline.start()
    clock.advance(3600)
    drifted = FakeClock(start_ns=clock.monotonic_ns(), wall=clock.now() + timedelta(seconds=4))
    assert Timeline.replay(SCRIPT, log.events(SESSION), drifted).actual_ns(0) == s(3600)


def test_replay_raises_no_cue_and_has_nothing_pending(clock):
    log = MemoryEventLog(clock)
    Timeline(SCRIPT, clock, log, SESSION, AUTO_ALL).start(1)
    fired = []
    again = Timeline.replay(SCRIPT, log.events(SESSION), clock, policy=AUTO_ALL)
    again.events.cue.connect(fired.append)
    assert (fired, again.pending_cues) == ([], ())
    again.next()
    assert fired == [InteractionCue(InteractionKind.LUCKY_BAG)]


def test_replay_of_a_finished_session_is_finished(timeline, clock, log):
    timeline.start()
    clock.advance(10)
    timeline.finish()
    clock.advance(10)
    again = replayed(log, clock)
    assert again.state == timeline.state and again.status is FINISHED
    with raises(TimelineErrorCode.NOT_LIVE):
        again.next()


def test_replay_passes_over_events_of_other_parts(timeline, clock, log):
    log.append(SESSION, "queue.open", {"items": []})
    timeline.start()
    log.append(SESSION, "script.note", {"text": "来自别处"})
    assert replayed(log, clock).state == timeline.state


@pytest.mark.parametrize("payload", [
    {"index": 9},
    {"index": 0, "at_ns": "soon"},
    {"index": 0, "wall_time": "not a time"},
    {"index": 0, "wall_time": "2025-11-11T20:00:00"},  # without a zone
])
def test_an_event_that_does_not_fit_the_script_raises_bad_event(clock, log, payload):
    good = {"index": 0, "at_ns": 1, "wall_time": "2025-11-11T20:00:00+08:00"}
    log.append(SESSION, "script.start", {**good, **payload})
    with raises(TimelineErrorCode.BAD_EVENT):
        replayed(log, clock)


def test_a_second_start_in_the_log_raises_bad_event(timeline, clock, log):
    timeline.start()
    log.append(SESSION, "script.start", dict(log.events(SESSION)[0].payload))
    with raises(TimelineErrorCode.BAD_EVENT):
        replayed(log, clock)


# --- any sequence of operations ----------------------------------------------------------------


class HandOverClock:
    """One clock for the log and the timeline whose inner clock a test can swap (a reboot)."""

    def __init__(self, inner):
        self.inner = inner

    def monotonic_ns(self):
        return self.inner.monotonic_ns()

    def now(self):
        return self.inner.now()


class Model:
    """What the timeline should say, from the time the test let pass: per-segment milliseconds."""

    def __init__(self, n):
        self.status = READY
        self.index = None
        self.actual_ms = [0] * n
        self.paused_ms = 0
        self.since_start_ms = 0

    @property
    def live(self):
        return self.status in (RUNNING, PAUSED)

    def let_pass(self, ms):
        if self.status is RUNNING:
            self.actual_ms[self.index] += ms
        elif self.status is PAUSED:
            self.paused_ms += ms
        if self.live:
            self.since_start_ms += ms


MS = 1_000_000
indexes = st.integers(-1, len(SCRIPT))


class TimelineMachine(RuleBasedStateMachine):
    """Any sequence keeps one current segment while live, actual times adding up to the elapsed
    time, and the log replaying to the live state, across restarts and reboots."""

    def __init__(self):
        super().__init__()
        self.clock = HandOverClock(FakeClock())
        self.log = MemoryEventLog(self.clock)
        self.timeline = Timeline(SCRIPT, self.clock, self.log, SESSION, AUTO_ALL)
        self.model = Model(len(SCRIPT))
        self.watch(self.timeline)

    def watch(self, timeline):
        self.view_index = timeline.index  # kept only from events
        timeline.events.segment_changed.connect(lambda change: setattr(self, "view_index", change.index))
        timeline.events.finished.connect(lambda _: setattr(self, "view_index", None))

    def expect(self, code, action, *args):
        with raises(code):
            action(*args)

    @rule(index=indexes)
    def start(self, index):
        if self.model.status is not READY:
            self.expect(TimelineErrorCode.ALREADY_STARTED, self.timeline.start, index)
        elif not 0 <= index < len(SCRIPT):
            self.expect(TimelineErrorCode.BAD_INDEX, self.timeline.start, index)
        else:
            self.timeline.start(index)
            self.model.status, self.model.index = RUNNING, index

    def move(self, action, target, refusal, *args):
        if not self.model.live:
            self.expect(TimelineErrorCode.NOT_LIVE, action, *args)
        elif not 0 <= target < len(SCRIPT):
            self.expect(refusal, action, *args)
        else:
            assert action(*args) == SCRIPT[target]
            self.model.index = target

    @rule()
    def next(self):
        target = -1 if self.model.index is None else self.model.index + 1
        self.move(self.timeline.next, -1 if target == len(SCRIPT) else target, TimelineErrorCode.NO_NEXT)

    @rule()
    def previous(self):
        target = -1 if self.model.index is None else self.model.index - 1
        self.move(self.timeline.previous, target, TimelineErrorCode.NO_PREVIOUS)

    @rule(index=indexes)
    def jump(self, index):
        self.move(self.timeline.jump, index, TimelineErrorCode.BAD_INDEX, index)

    @rule()
    def pause(self):
        if not self.model.live:
            self.expect(TimelineErrorCode.NOT_LIVE, self.timeline.pause)
        elif self.model.status is PAUSED:
            self.expect(TimelineErrorCode.NOT_RUNNING, self.timeline.pause)
        else:
            self.timeline.pause()
            self.model.status = PAUSED

    @rule()
    def resume(self):
        if not self.model.live:
            self.expect(TimelineErrorCode.NOT_LIVE, self.timeline.resume)
        elif self.model.status is RUNNING:
            self.expect(TimelineErrorCode.NOT_PAUSED, self.timeline.resume)
        else:
            self.timeline.resume()
            self.model.status = RUNNING

    @precondition(lambda self: self.model.live)
    @rule()
    def finish(self):
        self.timeline.finish()
        self.model.status, self.model.index = FINISHED, None

    @rule(ms=st.integers(0, 20_000))
    def advance_clock(self, ms):
        self.clock.inner.advance(ns=ms * MS)
        self.model.let_pass(ms)
        self.timeline.poll()

    @rule(down_ms=st.integers(0, 60_000))
    def restart_from_the_log(self, down_ms):
        self.clock.inner.advance(ns=down_ms * MS)
        self.model.let_pass(down_ms)
        self.timeline = Timeline.replay(SCRIPT, self.log.events(SESSION), self.clock, self.log, SESSION, AUTO_ALL)
        self.watch(self.timeline)

    @rule(down_ms=st.integers(10_000, 600_000))  # a reboot takes a while
    def reboot_and_restart(self, down_ms):
        old = self.clock.inner
        self.clock.inner = FakeClock(start_ns=NS_PER_S, wall=old.now() + timedelta(milliseconds=down_ms))
        self.model.let_pass(down_ms)
        self.timeline = Timeline.replay(SCRIPT, self.log.events(SESSION), self.clock, self.log, SESSION, AUTO_ALL)
        self.watch(self.timeline)

    @invariant()
    def exactly_one_current_segment_while_live(self):
        t = self.timeline
        assert t.status is self.model.status
        assert t.index == self.model.index == self.view_index
        assert (t.current is not None) == t.live == self.model.live

    @invariant()
    def actual_durations_add_up_to_the_elapsed_time(self):
        t = self.timeline
        actual = [t.actual_ns(i) for i in range(len(SCRIPT))]
        assert actual == [ms * MS for ms in self.model.actual_ms]
        assert sum(actual) == t.elapsed_ns() == t.progress().elapsed_ns
        assert t.paused_ns() == self.model.paused_ms * MS
        if t.status is not READY:
            end = t.state.finished_ns if t.status is FINISHED else t.now_ns()
            assert end - t.state.started_ns == t.elapsed_ns() + t.paused_ns() == self.model.since_start_ms * MS

    @invariant()
    def the_log_replays_to_the_live_state(self):
        again = Timeline.replay(SCRIPT, self.log.events(SESSION), self.clock)
        assert again.state == self.timeline.state
        assert again.elapsed_ns() == self.timeline.elapsed_ns()
        assert again.progress() == self.timeline.progress()


TimelineMachine.TestCase.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)
TestTimelineMachine = TimelineMachine.TestCase
