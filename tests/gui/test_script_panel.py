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


def test_before_live_a_segment_length_is_edited_in_place_and_saved(demo_window, qtbot):
    from liveconsole.workspace import Workspace

    panel = demo_window.script_panel
    table = panel.form.table
    table.item(0, 3).setText("8分钟")
    assert demo_window.room.timeline.script[0].planned_duration_s == 480
    assert table.item(0, 3).text() == "08:00"

    def stored() -> int:
        workspace = Workspace.open(demo_window.workspace.db.url.render_as_string(hide_password=False))
        try:
            return workspace.scripts.script(demo_window.prep.session.id)[0].planned_duration_s
        finally:
            workspace.close()

    qtbot.waitUntil(lambda: stored() == 480, timeout=5000)
    with qtbot.waitSignal(panel.message):
        table.item(0, 3).setText("很久")
    assert demo_window.room.timeline.script[0].planned_duration_s == 480


def test_importing_a_bad_script_lists_the_problems_and_keeps_the_script(demo_window, qtbot, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("时间,环节,时长\n20:00,开场,abc\n", encoding="utf-8")
    before = demo_window.room.timeline.script
    with qtbot.waitSignal(demo_window.transfer.failed, timeout=5000):
        demo_window.transfer.import_file(bad, demo_window.prep.session.name, script=True)
    assert demo_window.transfer.error_dialog.form.problemTable.rowCount() >= 1
    assert demo_window.room.timeline.script == before


def test_importing_a_script_from_the_panel_replaces_the_script_before_live(demo_window, qtbot, tmp_path):
    good = tmp_path / "short.csv"
    good.write_text("时间,环节,时长,内容\n20:00,开场,5分钟,欢迎\n20:05,收尾,5分钟,下播\n", encoding="utf-8")
    with qtbot.waitSignal(demo_window.transfer.succeeded, timeout=5000) as said:
        demo_window.transfer.import_file(good, demo_window.prep.session.name, script=True)
    qtbot.waitUntil(lambda: len(demo_window.room.timeline.script) == 2, timeout=5000)
    assert "2" in said.args[0]
    assert demo_window.script_panel.form.table.item(1, 1).text() == "收尾"
