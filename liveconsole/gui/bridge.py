"""Adapter callbacks (on their own threads) turned into Qt signals delivered on the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from liveconsole.core.obs import ObsEvents


class ObsBridge(QObject):
    """Re-emits an OBS adapter's events; receivers on the UI thread get them queued, never blocking it."""

    state_changed = Signal(object)  # ConnectionState
    snapshot_changed = Signal(object)  # ObsSnapshot
    scene_changed = Signal(object)  # SceneChange
    health_sampled = Signal(object)  # StreamHealth

    def __init__(self, events: ObsEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events = events
        self._links = [
            (events.state_changed, events.state_changed.connect(self.state_changed.emit)),
            (events.snapshot_changed, events.snapshot_changed.connect(self.snapshot_changed.emit)),
            (events.scene_changed, events.scene_changed.connect(self.scene_changed.emit)),
            (events.health_sampled, events.health_sampled.connect(self.health_sampled.emit)),
        ]

    def detach(self) -> None:
        """Stop forwarding (before the Qt side is destroyed while the adapter thread still runs)."""
        for signal, callback in self._links:
            signal.disconnect(callback)
        self._links.clear()
