"""The devices panel on a video file standing in for the camera: preview frames and the checklist's fixes."""

from __future__ import annotations

from liveconsole.core.checks import Verdict
from tests.helpers.videos import CASES, write_video


def test_the_preview_shows_frames_from_the_chosen_source(demo_window, qtbot, tmp_path):
    panel = demo_window.devices_panel
    panel.form.cameraSource.setEditText(str(write_video(tmp_path / "normal.avi", CASES["normal"])))
    panel.toggle_camera()
    qtbot.waitUntil(lambda: panel._last_frame >= 0, timeout=15000)
    shown = panel.form.preview.image()
    assert shown is not None and not shown.isNull()
    assert shown.width() <= panel.form.preview.pixel_size().width()  # scaled by the reader, not on paint
    assert "1280×720" in panel.form.cameraStats.text()
    panel.close_camera()


def test_a_dark_picture_fails_with_a_fix_in_the_ui_language(demo_window, qtbot, tmp_path, monkeypatch):
    from liveconsole.devices.runner import CheckOptions

    panel = demo_window.devices_panel
    panel.check_options = lambda camera, audio_in: CheckOptions(camera=camera, audio_in=None, audio_out=None,
                                                                obs_url=None, seconds=1.5)
    panel.form.cameraSource.setEditText(str(write_video(tmp_path / "dark.avi", CASES["dark"])))
    with qtbot.waitSignal(panel.report_ready, timeout=30000) as done:
        panel.run_check()
    report = done.args[0]
    assert report.item("camera.brightness").verdict is Verdict.FAIL
    rows = {panel.form.checklist.item(r, 0).toolTip(): (panel.form.checklist.item(r, 0).text(),
                                                         panel.form.checklist.item(r, 3).text())
            for r in range(panel.form.checklist.rowCount())}
    assert rows["camera.brightness"][0] == "画面亮度"
    assert "画面过暗" in rows["camera.brightness"][1]


def test_the_meter_shows_the_microphone_while_the_check_listens(demo_window, qtbot, speaker):
    import re

    from liveconsole.devices.runner import CheckOptions

    panel = demo_window.devices_panel
    demo_window.docks["devices"].raise_()
    panel.check_options = lambda camera, audio_in: CheckOptions(camera=None, audio_in="default", audio_out=None,
                                                                obs_url=None, seconds=3.5)
    speaker.tone(volume=0.5)  # a sine of amplitude 0.25: about −15 dBFS RMS

    def level() -> float | None:
        found = re.search(r"RMS (-?\d+\.\d) dBFS", panel.form.meterText.text())
        return float(found.group(1)) if found else None

    with qtbot.waitSignal(panel.report_ready, timeout=30000):
        panel.run_check()
        qtbot.waitUntil(lambda: panel.check_meter is not None, timeout=10000)
        qtbot.waitUntil(lambda: (level() or -99) > -20, timeout=10000)  # mid-check, the meter moves
    qtbot.waitUntil(lambda: panel.check_meter is None)
    assert not panel.meter_timer.isActive()  # the check's meter is handed back when it closes
