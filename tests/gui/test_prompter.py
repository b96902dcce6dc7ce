"""The prompter follows the live state by itself, and an alert shows in the next frame."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from liveconsole.core.prompter import AlertKind


def _prompter(window):
    prompter = window.prompter_control.window_for()
    prompter.resize(1920, 1080)
    prompter.show()
    QApplication.processEvents()
    window.activateWindow()  # the assistant's keyboard stays on the main window
    QApplication.processEvents()
    return prompter


def test_the_prompter_follows_pushes_without_a_click(demo_window, qtbot):
    prompter = _prompter(demo_window)
    qtbot.keyClick(demo_window, Qt.Key.Key_F5)
    image = prompter.grab().toImage()
    assert image.width() == 1920
    assert demo_window.room.queue.explaining is not None
    assert prompter.headline_px >= 48  # readable from three metres at 1080p


def test_an_alert_appears_in_the_next_frame(demo_window, qtbot):
    prompter = _prompter(demo_window)
    assert prompter.painted_alert is None
    qtbot.keyClick(demo_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    prompter.repaint()  # one frame
    assert prompter.painted_alert == "讲慢点"


def test_a_typed_alert_is_sent_with_enter(demo_window, qtbot):
    prompter = _prompter(demo_window)
    entry = demo_window.prompter_control.entry
    qtbot.keyClick(demo_window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    entry.setText("报一下库存")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    prompter.repaint()
    assert prompter.painted_alert == "报一下库存"
    assert demo_window.room.alerts.history[-1].kind is AlertKind.TEXT


def _differing(a, b) -> float:
    small_a = a.scaled(192, 108)
    small_b = b.scaled(192, 108)
    pixels = [(x, y) for x in range(192) for y in range(108)]
    return sum(small_a.pixel(x, y) != small_b.pixel(x, y) for x, y in pixels) / len(pixels)


def test_mirror_mode_flips_the_picture(demo_window, qtbot):
    prompter = _prompter(demo_window)
    qtbot.keyClick(demo_window, Qt.Key.Key_F5)
    normal = prompter.grab().toImage()
    demo_window.settings["prompter_mirror"] = True
    mirrored = prompter.grab().toImage()
    # Flipped back it matches (but for anti-aliased glyph edges), unlike the mirrored picture itself.
    assert _differing(normal, mirrored.flipped(Qt.Orientation.Horizontal)) < _differing(normal, mirrored) / 4
