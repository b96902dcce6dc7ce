"""The live queue panel driven by keys, on the demo session's real SQLite log."""

from __future__ import annotations

from PySide6.QtCore import Qt

from liveconsole import app as root
from liveconsole.core.queue import ItemState
from liveconsole.workspace import Workspace


def _log(window):
    workspace = Workspace.open(window.workspace.db.url.render_as_string(hide_password=False))
    try:
        return list(workspace.events.events(window.prep.session.id))
    finally:
        workspace.close()


def _explaining(window):
    item = window.room.queue.explaining
    return None if item is None else item.product.link_no


def test_f5_pushes_the_next_product_and_the_push_is_in_the_log(demo_window, qtbot):
    qtbot.keyClick(demo_window, Qt.Key.Key_F5)
    assert _explaining(demo_window) == 1
    qtbot.keyClick(demo_window, Qt.Key.Key_F5)
    assert _explaining(demo_window) == 2
    assert "2" in demo_window.queue_panel.form.nowTitle.text()
    types = [e.type for e in _log(demo_window)]
    assert types[0] == "queue.open" and types.count("queue.push") == 2


def test_typing_a_link_number_and_enter_pushes_it_and_enter_alone_pushes_the_next(demo_window, qtbot):
    edit = demo_window.queue_panel.form.linkEdit
    qtbot.keyClicks(edit, "12")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert _explaining(demo_window) == 12
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert _explaining(demo_window) == 1
    qtbot.keyClicks(edit, "99")
    with qtbot.waitSignal(demo_window.queue_panel.message) as said:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "链接号" in said.args[0] and _explaining(demo_window) == 1


def test_sold_out_restock_relist_and_undo_by_key(demo_window, qtbot):
    panel = demo_window.queue_panel
    queue = demo_window.room
    qtbot.keyClick(demo_window, Qt.Key.Key_F5)
    first = queue.queue.explaining.key
    qtbot.keyClick(demo_window, Qt.Key.Key_F6)
    assert queue.queue.item(first).state is ItemState.SOLD_OUT and queue.queue.item(first).stock == 0
    panel.select_key(first)
    panel.form.restockQuantity.setValue(50)
    qtbot.keyClick(demo_window, Qt.Key.Key_F7)
    assert queue.queue.item(first).state is ItemState.WAITING and queue.queue.item(first).stock == 50
    qtbot.keyClick(demo_window, Qt.Key.Key_F5)
    qtbot.keyClick(demo_window, Qt.Key.Key_F5)
    assert queue.queue.item(first).state is ItemState.DONE
    panel.select_key(first)
    qtbot.keyClick(demo_window, Qt.Key.Key_F8)
    assert queue.queue.up_next.key == first
    qtbot.keyClick(demo_window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert queue.queue.up_next.key != first
    types = [e.type for e in _log(demo_window)]
    for expected in ("queue.sold_out", "queue.restock", "queue.relist", "queue.undo"):
        assert expected in types


def test_dragging_a_waiting_row_reorders_the_queue(demo_window):
    panel = demo_window.queue_panel
    model = panel.model
    fifth = model.rows[4].key
    model.dropMimeData(model.mimeData([model.index(4, 0)]), Qt.DropAction.MoveAction, 0, 0, model.index(-1, -1))
    assert demo_window.room.queue.waiting[0].key == fifth
    assert model.rows[0].key == fifth


def test_the_repush_reminder_shows_after_the_set_time(demo_window, qtbot):
    demo_window.settings["repush_after_s"] = 1
    qtbot.keyClick(demo_window, Qt.Key.Key_F5)
    banner = demo_window.queue_panel.form.repushBanner
    assert banner.text() == ""
    qtbot.waitUntil(lambda: "F4" in banner.text(), timeout=4000)
    qtbot.keyClick(demo_window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: banner.text() == "", timeout=1000)


def test_a_flash_sale_counts_down_to_zero_and_says_it_ended(demo_window, qtbot):
    panel = demo_window.queue_panel
    panel.form.flashSeconds.setValue(1)
    qtbot.keyClick(demo_window, Qt.Key.Key_F9)
    assert demo_window.room.timers.flash_sale is not None
    with qtbot.waitSignal(panel.message, timeout=4000,
                          check_params_cb=lambda text: "秒杀已结束" in text):
        pass
    assert panel.form.countdownLabel.text() == "秒杀结束"
    assert any(e.type == "timer.flash_sale.end" for e in _log(demo_window))


def test_a_due_reminder_flashes_until_marked_done(demo_window, qtbot):
    from liveconsole.core.timers import ReminderKind

    demo_window.room.go_live()
    demo_window.room.timers.add_reminder(ReminderKind.LUCKY_BAG, 900, first_in_s=0)
    with qtbot.waitSignal(demo_window.queue_panel.reminder_due, timeout=2000) as due:
        pass
    assert "福袋" in due.args[0]
    qtbot.keyClick(demo_window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert demo_window.room.timers.due_reminders() == ()


def test_ctrl_k_opens_the_incident_entry_and_enter_records_it_without_a_dialog(demo_window, qtbot):
    panel = demo_window.queue_panel
    qtbot.keyClick(demo_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert panel.form.incidentFrame.isVisible()
    panel.form.incidentType.setCurrentIndex(1)
    qtbot.keyClicks(panel.form.incidentNote, "link 5 broken")
    qtbot.keyClick(panel.form.incidentNote, Qt.Key.Key_Return)
    assert not panel.form.incidentFrame.isVisible()
    assert "链接失效" in panel.form.incidentList.item(0).text()
    incidents = [e for e in _log(demo_window) if e.type == "incident"]
    assert incidents and incidents[0].payload["note"] == "link 5 broken"


def test_reopening_the_session_resumes_the_queue_where_it_was(qtbot, tmp_path):
    url = f"sqlite:///{tmp_path / 'resume.db'}"
    launch = root.Launch(db=url, language="zh_CN")
    workspace = Workspace.open(url)
    workspace.fill_demo()
    workspace.close()
    _app, first = root.build(launch, offscreen=True)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.session_loaded, timeout=20000):
        first.show()
    for _ in range(3):
        qtbot.keyClick(first, Qt.Key.Key_F5)
    first.room.queue.mark_sold_out(first.room.queue.items[5].key)
    before = first.room.queue.state
    root._close(first)
    _app, second = root.build(launch, offscreen=True)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.session_loaded, timeout=20000):
        second.show()
    assert second.room.queue.state == before
    assert _explaining(second) == 3
    root._close(second)
