"""One settings page for the live keys: a change takes effect at once; F1 lists every key."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence


def test_a_new_key_works_at_once_and_the_old_one_no_longer_does(demo_window, qtbot):
    demo_window.open_settings_page()
    page = demo_window.settings_page
    page.key_edits["key_push_next"].setKeySequence(QKeySequence("F3"))
    assert page.save()
    assert demo_window.settings["key_push_next"] == "F3"
    qtbot.keyClick(demo_window, Qt.Key.Key_F5)
    assert demo_window.room.queue.explaining is None
    qtbot.keyClick(demo_window, Qt.Key.Key_F3)
    assert demo_window.room.queue.explaining is not None
    assert "F3" in demo_window.queue_panel.form.pushNextButton.text()


def test_a_key_given_twice_is_refused_with_a_reason(demo_window):
    demo_window.open_settings_page()
    page = demo_window.settings_page
    page.key_edits["key_sold_out"].setKeySequence(QKeySequence("F5"))
    assert not page.save()
    assert "F5" in page.error.text()
    assert demo_window.settings["key_sold_out"] == "F6"


def test_f1_lists_every_key_with_what_it_does(demo_window, qtbot):
    qtbot.keyClick(demo_window, Qt.Key.Key_F1)
    sheet = demo_window.cheat_sheet
    assert sheet.isVisible()
    rows = {sheet.table.item(r, 0).text(): sheet.table.item(r, 1).text() for r in range(sheet.table.rowCount())}
    assert rows["F5"] == "上架下一个商品"
    assert rows["Ctrl+1"].startswith("提词")
