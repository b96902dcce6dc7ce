"""The script panel run by keys; cues switch scenes and push products; the prompter follows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from liveconsole.core.script import Script, Segment, SegmentType, TimelineStatus

SCRIPT = Script(segments=(
    Segment("开场 欢迎进直播间", 300, SegmentType.OPENING, talking_points=("欢迎来到直播间", "今晚福利多多")),
    Segment("澄光 洁面乳", 600, SegmentType.PRODUCT, link_nos=(1,), scene_cue="近景特写",
            talking_points=("氨基酸洁面", "敏感肌可用")),
    Segment("青屿 面膜", 600, SegmentType.PRODUCT, link_nos=(2,), scene_cue="商品台"),
))


def _load(window) -> None:
    assert window.room.set_script(SCRIPT)
    window.script_panel.refresh()


def test_keys_start_move_and_pause_the_script(demo_window, qtbot):
    _load(demo_window)
    timeline = demo_window.room.timeline
    qtbot.keyClick(demo_window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert timeline.status is TimelineStatus.RUNNING and timeline.index == 0
    qtbot.keyClick(demo_window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert timeline.index == 1
    qtbot.keyClick(demo_window, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert timeline.index == 0
    qtbot.keyClick(demo_window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert timeline.status is TimelineStatus.PAUSED
    assert "暂停" in demo_window.script_panel.form.segmentLabel.text()
    current = demo_window.script_panel.form.table.item(0, 1)
    assert current.font().bold()


def test_a_product_cue_waits_for_enter_then_pushes_the_product(demo_window, qtbot):
    _load(demo_window)
    panel = demo_window.script_panel
    qtbot.keyClick(demo_window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(demo_window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert panel.form.cueFrame.isVisible() and "1" in panel.form.cueLabel.text()
    assert demo_window.room.queue.explaining is None
    panel.form.table.setFocus()
    qtbot.keyClick(panel.form.table, Qt.Key.Key_Return)
    assert demo_window.room.queue.explaining.product.link_no == 1
    assert not panel.form.cueFrame.isVisible()


def test_the_prompter_shows_the_segment_and_its_talking_points(demo_window, qtbot):
    from liveconsole.gui.script_panel import segment_view

    _load(demo_window)
    assert segment_view(demo_window.room) is None
    qtbot.keyClick(demo_window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    view = segment_view(demo_window.room)
    assert view.title == "开场 欢迎进直播间" and view.talking_points[0] == "欢迎来到直播间"
    assert 0 < view.remaining_s <= 300 and view.next_title == "澄光 洁面乳"


def test_every_transition_is_in_the_log_and_the_timeline_resumes_after_a_restart(demo_window, qtbot):
    from liveconsole.core.live import LiveRoom
    from liveconsole.store.clock import SystemClock
    from liveconsole.workspace import Workspace

    _load(demo_window)
    qtbot.keyClick(demo_window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(demo_window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    workspace = Workspace.open(demo_window.workspace.db.url.render_as_string(hide_password=False))
    try:
        session = demo_window.prep.session
        events = list(workspace.events.events(session.id))
        assert [e.type for e in events if e.type.startswith("script.")][:2] == ["script.start", "script.segment"]
        again = LiveRoom(SystemClock(), workspace.events)
        again.open_session(session.id, list(demo_window.prep.lineup), events, SCRIPT)
        assert again.timeline.status is TimelineStatus.RUNNING and again.timeline.index == 1
    finally:
        workspace.close()
