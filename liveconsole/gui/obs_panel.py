"""The OBS panel: connection state, one button per scene with hotkeys, stream health, stream/record."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QPushButton, QWidget

from liveconsole.core.obs import (
    ConnectionState,
    HealthFigure,
    HealthThresholds,
    HealthVerdict,
    Level,
    ObsSnapshot,
    SceneChange,
    SceneRole,
    StreamHealth,
    judge_health,
)
from liveconsole.gui.bridge import ObsBridge
from liveconsole.gui.forms.ui_obspanel import Ui_ObsPanel
from liveconsole.gui.taskman import TaskManager
from liveconsole.store.settings import Settings

STATE_TEXT = {
    ConnectionState.DISCONNECTED: QT_TRANSLATE_NOOP("ObsPanel", "Not connected"),
    ConnectionState.CONNECTING: QT_TRANSLATE_NOOP("ObsPanel", "Connecting"),
    ConnectionState.CONNECTED: QT_TRANSLATE_NOOP("ObsPanel", "Connected"),
    ConnectionState.AUTH_FAILED: QT_TRANSLATE_NOOP("ObsPanel", "Wrong password"),
    ConnectionState.NO_WEBSOCKET: QT_TRANSLATE_NOOP("ObsPanel", "OBS WebSocket is not enabled"),
}
STATE_COLOUR = {
    ConnectionState.DISCONNECTED: "#9e9e9e",
    ConnectionState.CONNECTING: "#f9a825",
    ConnectionState.CONNECTED: "#2e7d32",
    ConnectionState.AUTH_FAILED: "#c62828",
    ConnectionState.NO_WEBSOCKET: "#c62828",
}
FIGURE_TEXT = {
    HealthFigure.FPS: QT_TRANSLATE_NOOP("ObsPanel", "FPS"),
    HealthFigure.RENDER_SKIPPED: QT_TRANSLATE_NOOP("ObsPanel", "Render lag"),
    HealthFigure.OUTPUT_SKIPPED: QT_TRANSLATE_NOOP("ObsPanel", "Encoder lag"),
    HealthFigure.STREAM_DROPPED: QT_TRANSLATE_NOOP("ObsPanel", "Dropped (network)"),
    HealthFigure.CPU: QT_TRANSLATE_NOOP("ObsPanel", "CPU"),
    HealthFigure.MEMORY: QT_TRANSLATE_NOOP("ObsPanel", "Memory"),
    HealthFigure.BITRATE: QT_TRANSLATE_NOOP("ObsPanel", "Bitrate"),
    HealthFigure.CONGESTION: QT_TRANSLATE_NOOP("ObsPanel", "Congestion"),
}
LEVEL_COLOUR = {Level.OK: "", Level.AMBER: "color:#e65100; font-weight:bold", Level.RED: "color:#c62828; font-weight:bold"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ObsPanel", text)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def figure_value(figure: HealthFigure, sample: StreamHealth) -> str:
    if figure is HealthFigure.FPS:
        target = f" / {sample.target_fps:g}" if sample.target_fps else ""
        return f"{sample.active_fps:.1f}{target}"
    if figure is HealthFigure.RENDER_SKIPPED:
        return _pct(sample.render_skipped_pct)
    if figure is HealthFigure.OUTPUT_SKIPPED:
        return _pct(sample.output_skipped_pct)
    if figure is HealthFigure.STREAM_DROPPED:
        return _pct(sample.stream_dropped_pct) if sample.streaming else "—"
    if figure is HealthFigure.CPU:
        return f"{sample.cpu_pct:.1f}%"
    if figure is HealthFigure.MEMORY:
        return f"{sample.memory_mb:.0f} MB"
    if figure is HealthFigure.BITRATE:
        return "—" if sample.bitrate_kbps is None or not sample.streaming else f"{sample.bitrate_kbps:.0f} kb/s"
    return f"{sample.congestion:.2f}" if sample.streaming else "—"


def clock_text(ms: int) -> str:
    seconds = ms // 1000
    return f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class ObsPanel(QWidget):
    """Follows one OBS client through the bridge; requests go to the client off the UI thread.

    `alert` carries the health figures that just got worse (the metrics panel shows them later).
    """

    alert = Signal(object)  # tuple[HealthFigure, ...]
    message = Signal(str)

    def __init__(self, client, bridge: ObsBridge, tasks: TaskManager, settings: Settings,
                 save_password=None, thresholds: HealthThresholds = HealthThresholds(), parent=None) -> None:
        super().__init__(parent)
        self.client, self.bridge, self.tasks, self.settings = client, bridge, tasks, settings
        self._save_password = save_password
        self.thresholds = thresholds
        self.form = Ui_ObsPanel()
        self.form.setupUi(self)
        self.scene_buttons: dict[str, QPushButton] = {}
        self._scene_keys: dict[str, str] = {}
        self._shortcuts: list[QShortcut] = []
        self.snapshot: ObsSnapshot | None = None
        self.state = ConnectionState.DISCONNECTED
        self.verdict: HealthVerdict | None = None
        self._health_labels: dict[HealthFigure, tuple[QLabel, QLabel]] = {}
        for row, figure in enumerate(HealthFigure):
            name, value = QLabel(), QLabel("—")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.form.healthGrid.addWidget(name, row % 4, (row // 4) * 2)
            self.form.healthGrid.addWidget(value, row % 4, (row // 4) * 2 + 1)
            self._health_labels[figure] = (name, value)
        bridge.state_changed.connect(self.show_state)
        bridge.snapshot_changed.connect(self.show_snapshot)
        bridge.scene_changed.connect(self.show_scene)
        bridge.health_sampled.connect(self.show_health)
        self.form.connectButton.clicked.connect(self.connect_with_password)
        self.form.passwordEdit.returnPressed.connect(self.connect_with_password)
        self.form.streamButton.clicked.connect(self.toggle_stream)
        self.form.recordButton.clicked.connect(self.toggle_record)
        safe = QShortcut(QKeySequence(settings["obs_safe_key"]), self, self.switch_to_safe_scene,
                         context=Qt.ShortcutContext.WindowShortcut)
        self._safe_shortcut = safe
        self.retranslate()
        self.show_state(client.state)
        if client.snapshot() is not None:
            self.show_snapshot(client.snapshot())

    # following OBS -------------------------------------------------------------------------
    def show_state(self, state: ConnectionState) -> None:
        self.state = state
        label = self.form.stateLabel
        label.setText(f"● {_tr(STATE_TEXT[state])}")
        label.setStyleSheet(f"color:{STATE_COLOUR[state]}; font-weight:bold")
        self.form.addressLabel.setText(f"{self.client.host}:{self.client.port}")
        connected = state is ConnectionState.CONNECTED
        self.form.passwordEdit.setVisible(not connected)
        self.form.connectButton.setVisible(not connected)
        for button in self.scene_buttons.values():
            button.setEnabled(connected)
        self.form.streamButton.setEnabled(connected)
        self.form.recordButton.setEnabled(connected)
        if state is ConnectionState.AUTH_FAILED:
            self.form.passwordEdit.setFocus()
        if not connected:
            for _name, value in self._health_labels.values():
                value.setText("—")
                value.setStyleSheet("")

    def show_snapshot(self, snapshot: ObsSnapshot) -> None:
        self.snapshot = snapshot
        if tuple(self.scene_buttons) != snapshot.scenes:
            self._build_scene_buttons(snapshot.scenes)
        self._mark_scenes()
        self._show_outputs()

    def show_scene(self, change: SceneChange) -> None:
        if self.snapshot is None:
            return
        from dataclasses import replace

        if change.role is SceneRole.PROGRAM:
            self.snapshot = replace(self.snapshot, current_program_scene=change.scene)
        else:
            self.snapshot = replace(self.snapshot, current_preview_scene=change.scene)
        self._mark_scenes()

    def show_health(self, sample: StreamHealth) -> None:
        verdict = judge_health(sample, self.thresholds)
        raised = verdict.raised_since(self.verdict)
        self.verdict = verdict
        for figure, (_name, value) in self._health_labels.items():
            value.setText(figure_value(figure, sample))
            value.setStyleSheet(LEVEL_COLOUR[verdict.level(figure)])
        if sample.streaming or sample.recording:
            parts = []
            if sample.streaming:
                parts.append(self.tr("LIVE %1").replace("%1", clock_text(sample.stream_time_ms)))
            if sample.recording:
                parts.append(self.tr("REC %1").replace("%1", clock_text(sample.record_time_ms)))
            self.form.outputLabel.setText("  ".join(parts))
        if raised:
            self.alert.emit(raised)

    def _build_scene_buttons(self, scenes: tuple[str, ...]) -> None:
        grid = self.form.sceneGrid
        for button in self.scene_buttons.values():
            grid.removeWidget(button)
            button.deleteLater()
        for shortcut in self._shortcuts:
            shortcut.setParent(None)
        self.scene_buttons.clear()
        self._scene_keys.clear()
        self._shortcuts.clear()
        keys = [k.strip() for k in self.settings["obs_scene_keys"].split(",")]
        for index, scene in enumerate(scenes):
            button = QPushButton(scene, self)
            button.setMinimumHeight(44)
            button.setCheckable(True)
            button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            button.customContextMenuRequested.connect(lambda _pos, s=scene: self._scene_menu(s))
            button.clicked.connect(lambda _checked=False, s=scene: self.switch_scene(s))
            if index < len(keys) and keys[index]:
                self._scene_keys[scene] = keys[index]
                button.setToolTip(self.tr("Hotkey: %1").replace("%1", keys[index]))
                shortcut = QShortcut(QKeySequence(keys[index]), self,
                                     lambda s=scene: self.switch_scene(s), context=Qt.ShortcutContext.WindowShortcut)
                self._shortcuts.append(shortcut)
            grid.addWidget(button, index // 3, index % 3)
            self.scene_buttons[scene] = button
        self.show_state(self.state)

    def _mark_scenes(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        safe = self.safe_scene
        for scene, button in self.scene_buttons.items():
            program = scene == snapshot.current_program_scene
            preview = snapshot.studio_mode and scene == snapshot.current_preview_scene
            button.setChecked(program)
            label = scene
            if scene in self._scene_keys:
                label = f"{self._scene_keys[scene]}  {label}"
            if scene == safe:
                label += f"  ⚑{self.settings['obs_safe_key']}"
            if program:
                label = "● " + label
            button.setText(label)
            style = "font-size:15px;"
            if program:
                style += "background:#c62828; color:white; font-weight:bold;"
            elif preview:
                style += "background:#2e7d32; color:white;"
            button.setStyleSheet(f"QPushButton {{{style}}}")

    def _show_outputs(self) -> None:
        snapshot = self.snapshot
        streaming = bool(snapshot and snapshot.streaming)
        recording = bool(snapshot and snapshot.recording)
        self.form.streamButton.setText(self.tr("Stop streaming") if streaming else self.tr("Start streaming"))
        self.form.recordButton.setText(self.tr("Stop recording") if recording else self.tr("Start recording"))
        if not streaming and not recording:
            self.form.outputLabel.setText("")

    # actions (off the UI thread) ------------------------------------------------------------
    def _request(self, action, description: str) -> None:
        def failed(exc: BaseException) -> None:
            self.message.emit(self.tr("%1 failed: %2").replace("%1", description).replace("%2", str(exc)))

        self.tasks.run(action, lambda _result: None, failed)

    def switch_scene(self, scene: str) -> None:
        if self.state is not ConnectionState.CONNECTED:
            self.message.emit(self.tr("OBS is not connected"))
            return
        self._request(lambda: self.client.switch_scene(scene), self.tr("Switch to %1").replace("%1", scene))

    @property
    def safe_scene(self) -> str:
        """The chosen standby scene, else a scene named like the usual 稍后回来 one."""
        chosen = self.settings["obs_safe_scene"]
        if chosen or self.snapshot is None:
            return chosen
        return next((s for s in self.snapshot.scenes if "稍后回来" in s or "standby" in s.casefold()), "")

    def switch_to_safe_scene(self) -> None:
        safe = self.safe_scene
        if not safe:
            self.message.emit(self.tr("No standby scene is set: right-click a scene button to choose one"))
            return
        self.switch_scene(safe)

    def set_safe_scene(self, scene: str) -> None:
        self.settings["obs_safe_scene"] = scene
        self.settings.save()
        self._mark_scenes()

    def _scene_menu(self, scene: str) -> None:
        menu = QMenu(self)
        action = menu.addAction(self.tr("Use as the standby scene (%1)").replace("%1", self.settings["obs_safe_key"]))
        action.triggered.connect(lambda: self.set_safe_scene(scene))
        menu.popup(self.cursor().pos())

    def connect_with_password(self) -> None:
        password = self.form.passwordEdit.text()
        self.form.passwordEdit.clear()
        if self._save_password is not None and password:
            self._save_password(password)
        self.client.set_password(password or None)

    def toggle_stream(self) -> None:
        if self.snapshot is not None and self.snapshot.streaming:
            if self._confirm(self.tr("Stop the live stream? Viewers will see the room end.")):
                self._request(self.client.stop_stream, self.tr("Stop streaming"))
        else:
            self._request(self.client.start_stream, self.tr("Start streaming"))

    def toggle_record(self) -> None:
        if self.snapshot is not None and self.snapshot.recording:
            if self._confirm(self.tr("Stop recording?")):
                self._request(self.client.stop_record, self.tr("Stop recording"))
        else:
            self._request(self.client.start_record, self.tr("Start recording"))

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Please confirm"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    # language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for figure, (name, _value) in self._health_labels.items():
            name.setText(_tr(FIGURE_TEXT[figure]))
        self.show_state(self.state)
        self._show_outputs()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.form.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)
