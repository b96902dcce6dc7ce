"""Docks that later panels fill: each says what will appear there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel

PLANNED = {
    "obs": (QT_TRANSLATE_NOOP("Placeholders", "OBS / Scenes"),
            QT_TRANSLATE_NOOP("Placeholders", "Scene buttons with hotkeys, stream health and the on-stream product card.")),
    "devices": (QT_TRANSLATE_NOOP("Placeholders", "Devices"),
                QT_TRANSLATE_NOOP("Placeholders", "Camera preview, microphone meter and the pre-live checklist.")),
    "script": (QT_TRANSLATE_NOOP("Placeholders", "Script"),
               QT_TRANSLATE_NOOP("Placeholders", "The session script with a running clock and cues.")),
    "queue": (QT_TRANSLATE_NOOP("Placeholders", "Product queue"),
              QT_TRANSLATE_NOOP("Placeholders", "Now explaining, up next, sold out and re-list during live.")),
    "metrics": (QT_TRANSLATE_NOOP("Placeholders", "Metrics"),
                QT_TRANSLATE_NOOP("Placeholders", "GMV pace against plan, viewers and orders with event markers.")),
}


def title(key: str) -> str:
    return QCoreApplication.translate("Placeholders", PLANNED[key][0])


class PlannedPanel(QLabel):
    def __init__(self, key: str, parent=None) -> None:
        super().__init__(parent)
        self.key = key
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color: #78909c; padding: 12px;")
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(QCoreApplication.translate("Placeholders", PLANNED[self.key][1]))
