"""The devices panel: camera preview, microphone meter, and the pre-live checklist with its report."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QImage
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from liveconsole.core.checks import CheckItem, CheckReport, Verdict
from liveconsole.gui.check_texts import item_name
from liveconsole.gui.forms.ui_devicespanel import Ui_DevicesPanel
from liveconsole.gui.taskman import TaskManager

VERDICT_TEXT = {
    Verdict.PASS: QT_TRANSLATE_NOOP("DevicesPanel", "Pass"),
    Verdict.WARN: QT_TRANSLATE_NOOP("DevicesPanel", "Warn"),
    Verdict.FAIL: QT_TRANSLATE_NOOP("DevicesPanel", "Fail"),
}
VERDICT_COLOUR = {Verdict.PASS: "#2e7d32", Verdict.WARN: "#e65100", Verdict.FAIL: "#c62828"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DevicesPanel", text)


def frame_image(frame) -> QImage:
    """Wrap the reader's array without copying it (the array is never written after it is handed out):
    the display-sized B,G,R,X copy when there is one, else the BGR picture."""
    if frame.display is not None:
        picture, kind = frame.display, QImage.Format.Format_RGB32
    else:
        picture = frame.preview if frame.preview is not None else frame.image
        kind = QImage.Format.Format_BGR888
    height, width = picture.shape[:2]
    image = QImage(picture.data, width, height, picture.strides[0], kind)
    image.keepalive = picture  # the QImage borrows the array's memory
    return image


class DevicesPanel(QWidget):
    """`check_options()` is asked for what to check (the app knows the OBS address and the script's scenes);
    `message_text(item)` turns a row's code into words; the report goes to `save_report` when given."""

    message = Signal(str)
    report_ready = Signal(object)  # CheckReport

    def __init__(self, tasks: TaskManager, check_options: Callable[[str | None, str | None], object],
                 message_text: Callable[[CheckItem], str], parent=None) -> None:
        super().__init__(parent)
        self.tasks, self.check_options, self.message_text = tasks, check_options, message_text
        self.form = Ui_DevicesPanel()
        self.form.setupUi(self)
        f = self.form
        self.camera = None
        self.meter = None
        self.check_meter = None  # the running check's own meter, shown while the check listens
        self.report: CheckReport | None = None
        self.preview_ms: list[float] = []  # UI-thread time per shown frame, for the bench
        f.checklist.setColumnCount(4)
        f.checklist.verticalHeader().hide()
        f.checklist.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        f.preview.resized.connect(self._preview_resized)
        f.cameraSource.addItems(["0"])
        f.cameraButton.clicked.connect(self.toggle_camera)
        f.meterButton.clicked.connect(self.toggle_meter)
        f.runButton.clicked.connect(self.run_check)
        f.exportButton.clicked.connect(self.ask_export)
        f.exportButton.setEnabled(False)
        self.frame_timer = QTimer(self)
        self.frame_timer.setInterval(33)
        self.frame_timer.timeout.connect(self._show_frame)
        self.meter_timer = QTimer(self)
        self.meter_timer.setInterval(40)
        self.meter_timer.timeout.connect(self._show_level)
        self._last_frame = -1
        self._stats_text = ""
        self._listed = False
        self.retranslate()

    def showEvent(self, event) -> None:
        # Probing cameras loads OpenCV: done the first time the dock is looked at, not at start-up.
        if not self._listed:
            self._listed = True
            QTimer.singleShot(0, self.refresh_devices)
        super().showEvent(event)

    # devices ---------------------------------------------------------------------------------
    def refresh_devices(self) -> None:
        def listed(result) -> None:
            cameras, inputs = result
            combo = self.form.cameraSource
            current = combo.currentText()
            combo.clear()
            combo.addItems([c for c in cameras] or ["0"])
            if current:
                combo.setCurrentText(current)
            self.form.micSource.clear()
            for device in inputs:
                self.form.micSource.addItem(device.label, device.index)

        def find():
            from liveconsole.devices import audio, camera

            try:
                inputs = audio.input_devices()
            except Exception:  # no sound system at all: the meter says so when started
                inputs = []
            return [str(s.spec) for s in camera.list_sources(max_index=2)], inputs

        self.tasks.run(find, listed, lambda exc: self.message.emit(str(exc)))

    def toggle_camera(self) -> None:
        if self.camera is not None:
            self.close_camera()
            return
        from liveconsole.devices.camera import open_camera

        spec = self.form.cameraSource.currentText().strip() or "0"
        self.form.preview.setText(QCoreApplication.translate("DevicesPanel", "Opening %1…").replace("%1", spec))
        future = open_camera(spec, preview_size=self._preview_pixels())

        def opened(camera) -> None:
            self.camera = camera
            self.form.cameraButton.setText(QCoreApplication.translate("DevicesPanel", "Stop preview"))
            self.frame_timer.start()

        def failed(exc) -> None:
            self.form.preview.setText(QCoreApplication.translate("DevicesPanel", "The camera did not open: %1").replace("%1", str(exc)))

        self.tasks.run(future.result, opened, failed)

    def close_camera(self) -> None:
        self.frame_timer.stop()
        if self.camera is not None:
            camera, self.camera = self.camera, None
            self.tasks.run(camera.close, lambda _r: None, lambda _e: None)
        self.form.cameraButton.setText(QCoreApplication.translate("DevicesPanel", "Preview"))
        self.form.preview.clear()
        self._stats_text = ""

    def _preview_pixels(self) -> tuple[int, int]:
        size = self.form.preview.pixel_size()
        return max(1, size.width()), max(1, size.height())

    def _preview_resized(self, _size) -> None:
        # The reader scales each frame to this, so the UI thread never scales a picture.
        if self.camera is not None:
            self.camera.set_preview_size(self._preview_pixels())

    def _show_frame(self) -> None:
        from time import perf_counter

        camera = self.camera
        if camera is None:
            return
        if camera.lost:
            self.form.preview.setText(QCoreApplication.translate("DevicesPanel", "The camera stopped sending pictures"))
            return
        frame = camera.latest()
        if frame is None or frame.number == self._last_frame:
            return
        started = perf_counter()
        self._last_frame = frame.number
        self.form.preview.setImage(frame_image(frame))  # painted with the next repaint, never scaled here
        fps = camera.fps()
        text = f"{frame.image.shape[1]}×{frame.image.shape[0]} · {'—' if fps is None else f'{fps:.0f}'} fps"
        if text != self._stats_text:
            self._stats_text = text
            self.form.cameraStats.setText(text)
        self.preview_ms.append((perf_counter() - started) * 1000)
        del self.preview_ms[:-500]

    def toggle_meter(self) -> None:
        if self.meter is not None:
            meter, self.meter = self.meter, None
            self.meter_timer.stop()
            self.tasks.run(meter.stop, lambda _r: None, lambda _e: None)
            self.form.meterButton.setText(QCoreApplication.translate("DevicesPanel", "Meter"))
            return
        from liveconsole.devices.audio import Meter

        device = self.form.micSource.currentData()

        def start():  # opening the stream takes about 0.1 s: not on the UI thread
            meter = Meter(device)
            meter.start()
            return meter

        def started(meter) -> None:
            self.meter = meter
            self.form.meterButton.setText(QCoreApplication.translate("DevicesPanel", "Stop meter"))
            self.meter_timer.start()

        def failed(exc) -> None:
            self.message.emit(QCoreApplication.translate("DevicesPanel", "The microphone did not open: %1")
                              .replace("%1", str(exc)))

        self.tasks.run(start, started, failed)

    def _lend_meter(self, meter) -> None:
        """The check opened (or closed) the microphone: show its level meanwhile."""
        self.check_meter = meter
        if meter is not None:
            self.meter_timer.start()
        elif self.meter is None:
            self.meter_timer.stop()

    def _show_level(self) -> None:
        meter = self.meter or self.check_meter
        if meter is None:
            return
        if meter.lost:
            self.form.meterText.setText(QCoreApplication.translate("DevicesPanel", "The microphone is gone"))
            return
        reading = meter.reading()
        bar = self.form.levelBar
        bar.setValue(max(-60, min(0, int(reading.rms_dbfs))))
        colour = "#c62828" if reading.clipping else ("#2e7d32" if reading.rms_dbfs > -40 else "#9e9e9e")
        bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        peak = QCoreApplication.translate("DevicesPanel", "peak")
        clip = QCoreApplication.translate("DevicesPanel", "CLIP")
        self.form.meterText.setText(f"RMS {reading.rms_dbfs:.1f} dBFS · {peak} {reading.held_peak_dbfs:.1f}"
                                    + (f" · {clip}" if reading.clipping else ""))

    # the checklist -------------------------------------------------------------------------------
    def run_check(self) -> None:
        from liveconsole.devices.runner import run_checks

        if self.meter is not None:
            self.toggle_meter()  # the check opens the microphone itself
        camera_spec = self.form.cameraSource.currentText().strip() or None
        options = self.check_options(camera_spec, self.form.micSource.currentData())
        self.form.runButton.setEnabled(False)
        self.form.phaseLabel.setText(QCoreApplication.translate("DevicesPanel", "Checking…"))
        self.form.phaseLabel.setStyleSheet("font-weight: bold;")  # the last result's colour is over
        from liveconsole.gui.check_texts import phase_prompt

        def on_phase(name: str) -> None:  # a worker thread: hand the text over as a queued call
            QTimer.singleShot(0, self, lambda: self.form.phaseLabel.setText(phase_prompt(name)))

        def on_meter(meter) -> None:
            QTimer.singleShot(0, self, lambda: self._lend_meter(meter))

        def done(report: CheckReport) -> None:
            self.form.runButton.setEnabled(True)
            self.show_report(report)
            self.report_ready.emit(report)

        def failed(exc) -> None:
            self.form.runButton.setEnabled(True)
            self.form.phaseLabel.setText(str(exc))

        self.tasks.run(lambda: run_checks(options, on_phase=on_phase, on_meter=on_meter), done, failed)

    def show_report(self, report: CheckReport) -> None:
        self.report = report
        f = self.form
        f.checklist.setRowCount(len(report.items))
        for row, item in enumerate(report.items):
            value = "—" if item.value is None else f"{item.value} {item.unit}".strip()
            cells = [item_name(item.id), _tr(VERDICT_TEXT[item.verdict]), value,
                     "" if item.verdict is Verdict.PASS else self.message_text(item)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setToolTip(item.id)
                if column == 1:
                    cell.setForeground(QBrush(QColor(VERDICT_COLOUR[item.verdict])))
                f.checklist.setItem(row, column, cell)
        f.checklist.resizeColumnsToContents()
        overall = report.verdict
        f.phaseLabel.setText(QCoreApplication.translate("DevicesPanel", "Result: %1").replace("%1", _tr(VERDICT_TEXT[overall])))
        f.phaseLabel.setStyleSheet(f"color: {VERDICT_COLOUR[overall]}; font-weight: bold;")
        f.exportButton.setEnabled(True)

    def ask_export(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("DevicesPanel", "Export report"), "check.html", "HTML / Excel (*.html *.xlsx)")
        if path:
            self.export(Path(path))

    def export(self, path) -> None:
        from liveconsole.io.check_export import write_check_report

        report = self.report
        self.tasks.run(lambda: write_check_report(path, report, message=self.message_text),
                       lambda _r: self.message.emit(str(path)), lambda exc: self.message.emit(str(exc)))

    def close(self) -> bool:
        self.close_camera()
        if self.meter is not None:
            self.toggle_meter()
        return super().close()

    def retranslate(self) -> None:
        self.form.checklist.setHorizontalHeaderLabels([QCoreApplication.translate("DevicesPanel", "Check"), QCoreApplication.translate("DevicesPanel", "Result"), QCoreApplication.translate("DevicesPanel", "Measured"), QCoreApplication.translate("DevicesPanel", "What to do")])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.form.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)
