"""One settings page for every live key and the prompter, and the F1 list of keys."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QHeaderView,
    QScrollArea,
)

from liveconsole.gui.keymap import Keymap, describe
from liveconsole.store.settings import Settings


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsPage", text)


class SettingsPage(QDialog):
    """Edits a copy of the values; Save checks for keys given twice, stores, and re-binds at once."""

    saved = Signal()

    def __init__(self, settings: Settings, keymap: Keymap, parent=None) -> None:
        super().__init__(parent)
        self.settings, self.keymap = settings, keymap
        self.setWindowTitle(QCoreApplication.translate("SettingsPage", "Settings — keys, prompter and metrics"))
        self.resize(640, 720)
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        column = QVBoxLayout(body)
        keys_box = QGroupBox(QCoreApplication.translate("SettingsPage", "Keys"), body)
        keys_form = QFormLayout(keys_box)
        self.key_edits: dict[str, QKeySequenceEdit] = {}
        for name in keymap.names():
            edit = QKeySequenceEdit(QKeySequence(settings[name]), keys_box)
            edit.setMaximumSequenceLength(1)
            edit.setClearButtonEnabled(True)
            keys_form.addRow(describe(name), edit)
            self.key_edits[name] = edit
        column.addWidget(keys_box)
        live_box = QGroupBox(QCoreApplication.translate("SettingsPage", "Live"), body)
        live_form = QFormLayout(live_box)
        self.repush = QSpinBox(live_box)
        self.repush.setRange(2, 120)
        self.repush.setSuffix(QCoreApplication.translate("SettingsPage", " s"))
        self.repush.setValue(settings["repush_after_s"])
        live_form.addRow(QCoreApplication.translate("SettingsPage", "Re-push reminder after"), self.repush)
        self.cue_modes: dict[str, QComboBox] = {}
        for name, label in (("cue_scene_mode", QCoreApplication.translate("SettingsPage", "Scene cues")),
                            ("cue_push_mode", QCoreApplication.translate("SettingsPage", "Product cues"))):
            combo = QComboBox(live_box)
            combo.addItem(QCoreApplication.translate("SettingsPage", "Run at once"), "auto")
            combo.addItem(QCoreApplication.translate("SettingsPage", "Wait for confirmation"), "confirm")
            combo.setCurrentIndex(max(0, combo.findData(settings[name])))
            live_form.addRow(label, combo)
            self.cue_modes[name] = combo
        column.addWidget(live_box)
        prompter_box = QGroupBox(QCoreApplication.translate("SettingsPage", "Prompter"), body)
        prompter_form = QFormLayout(prompter_box)
        self.mirror = QCheckBox(QCoreApplication.translate("SettingsPage", "Mirror (beam-splitter glass)"), prompter_box)
        self.mirror.setChecked(settings["prompter_mirror"])
        self.fullscreen = QCheckBox(QCoreApplication.translate("SettingsPage", "Full screen"), prompter_box)
        self.fullscreen.setChecked(settings["prompter_fullscreen"])
        self.theme = QComboBox(prompter_box)
        self.theme.addItem(QCoreApplication.translate("SettingsPage", "Dark"), "dark")
        self.theme.addItem(QCoreApplication.translate("SettingsPage", "Light"), "light")
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings["prompter_theme"])))
        self.font_pct = QSpinBox(prompter_box)
        self.font_pct.setRange(50, 250)
        self.font_pct.setSuffix(" %")
        self.font_pct.setValue(settings["prompter_font_pct"])
        self.scroll_speed = QSpinBox(prompter_box)
        self.scroll_speed.setRange(0, 400)
        self.scroll_speed.setSuffix(QCoreApplication.translate("SettingsPage", " px/s"))
        self.scroll_speed.setValue(settings["prompter_scroll_px_s"])
        from PySide6.QtGui import QGuiApplication

        self.screen_choice = QComboBox(prompter_box)
        for screen in QGuiApplication.screens():
            geometry = screen.geometry()
            self.screen_choice.addItem(f"{screen.name()} ({geometry.width()}×{geometry.height()})", screen.name())
        self.screen_choice.setCurrentIndex(max(0, self.screen_choice.findData(settings["prompter_screen"])))
        prompter_form.addRow(QCoreApplication.translate("SettingsPage", "Screen"), self.screen_choice)
        prompter_form.addRow(self.mirror)
        prompter_form.addRow(self.fullscreen)
        prompter_form.addRow(QCoreApplication.translate("SettingsPage", "Theme"), self.theme)
        prompter_form.addRow(QCoreApplication.translate("SettingsPage", "Text size"), self.font_pct)
        prompter_form.addRow(QCoreApplication.translate("SettingsPage", "Talking points scroll"), self.scroll_speed)
        column.addWidget(prompter_box)
        column.addWidget(self._metrics_box(body))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        outer.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    def _metrics_box(self, body: QWidget) -> QGroupBox:
        """Alert thresholds, the GPM basis, and the ingest API's port and token."""
        settings = self.settings
        box = QGroupBox(QCoreApplication.translate("SettingsPage", "Metrics"), body)
        form = QFormLayout(box)
        self.gpm_basis = QComboBox(box)
        self.gpm_basis.addItem(QCoreApplication.translate("SettingsPage", "per 1000 views (PV)"), "views")
        self.gpm_basis.addItem(QCoreApplication.translate("SettingsPage", "per 1000 viewers (UV)"), "viewers")
        self.gpm_basis.setCurrentIndex(max(0, self.gpm_basis.findData(settings["gpm_basis"])))
        form.addRow(QCoreApplication.translate("SettingsPage", "GPM"), self.gpm_basis)
        self.thresholds: dict[str, QSpinBox] = {}
        for name, label, suffix, top in (
                ("alert_online_drop_pct", QCoreApplication.translate("SettingsPage", "Alert: online drops within a "
                                                                                     "minute by"), " %", 100),
                ("alert_pace_behind_pct", QCoreApplication.translate("SettingsPage", "Alert: GMV behind plan by"),
                 " %", 100),
                ("alert_conversion_fall_pct", QCoreApplication.translate("SettingsPage", "Alert: conversion falls by"),
                 " %", 100),
                ("alert_source_silent_s", QCoreApplication.translate("SettingsPage", "Alert: a source silent for"),
                 QCoreApplication.translate("SettingsPage", " s"), 3600)):
            spin = QSpinBox(box)
            spin.setRange(0, top)
            spin.setSuffix(suffix)
            spin.setSpecialValueText(QCoreApplication.translate("SettingsPage", "off"))
            spin.setValue(settings[name])
            form.addRow(label, spin)
            self.thresholds[name] = spin
        self.ingest_enabled = QCheckBox(QCoreApplication.translate(
            "SettingsPage", "Accept figures from browser extensions and scripts (127.0.0.1 only)"), box)
        self.ingest_enabled.setChecked(settings["ingest_enabled"])
        form.addRow(self.ingest_enabled)
        self.ingest_port = QSpinBox(box)
        self.ingest_port.setRange(0, 65535)
        self.ingest_port.setSpecialValueText(QCoreApplication.translate("SettingsPage", "any free port"))
        self.ingest_port.setValue(settings["ingest_port"])
        form.addRow(QCoreApplication.translate("SettingsPage", "Ingest port"), self.ingest_port)
        token_row = QHBoxLayout()
        self.ingest_token = QLineEdit(settings["ingest_token"], box)
        self.ingest_token.setReadOnly(True)
        self.ingest_token.setPlaceholderText(QCoreApplication.translate("SettingsPage", "made at the next start"))
        renew = QPushButton(QCoreApplication.translate("SettingsPage", "New token"), box)
        renew.clicked.connect(self._new_token)
        token_row.addWidget(self.ingest_token)
        token_row.addWidget(renew)
        form.addRow(QCoreApplication.translate("SettingsPage", "Bearer token"), token_row)
        note = QLabel(QCoreApplication.translate("SettingsPage", "Port and token changes take effect at the next "
                                                                 "start."), box)
        note.setStyleSheet("color: #757575")
        form.addRow(note)
        return box

    def _new_token(self) -> None:
        from liveconsole.sources.ingest import new_token

        self.ingest_token.setText(new_token())

    def save(self) -> bool:
        chosen = {name: edit.keySequence().toString() for name, edit in self.key_edits.items()}
        seen: dict[str, str] = {}
        for name, key in chosen.items():
            if key and key in seen:
                self.error.setText(QCoreApplication.translate("SettingsPage", "%1 is given to both “%2” and “%3”")
                                   .replace("%1", key).replace("%2", describe(seen[key])).replace("%3", describe(name)))
                return False
            seen[key] = name
        for name, key in chosen.items():
            self.settings[name] = key
        self.settings["repush_after_s"] = self.repush.value()
        for name, combo in self.cue_modes.items():
            self.settings[name] = combo.currentData()
        if self.screen_choice.currentData():
            self.settings["prompter_screen"] = self.screen_choice.currentData()
        self.settings["prompter_mirror"] = self.mirror.isChecked()
        self.settings["prompter_fullscreen"] = self.fullscreen.isChecked()
        self.settings["prompter_theme"] = self.theme.currentData()
        self.settings["prompter_font_pct"] = self.font_pct.value()
        self.settings["prompter_scroll_px_s"] = self.scroll_speed.value()
        self.settings["gpm_basis"] = self.gpm_basis.currentData()
        for name, spin in self.thresholds.items():
            self.settings[name] = spin.value()
        self.settings["ingest_enabled"] = self.ingest_enabled.isChecked()
        self.settings["ingest_port"] = self.ingest_port.value()
        self.settings["ingest_token"] = self.ingest_token.text()
        self.settings.save()
        self.keymap.apply()
        self.saved.emit()
        self.accept()
        return True


class CheatSheet(QWidget):
    """F1: every key and what it does, in a window that stays open beside the work."""

    def __init__(self, settings: Settings, keymap: Keymap, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.settings, self.keymap = settings, keymap
        self.setWindowTitle(QCoreApplication.translate("SettingsPage", "Keys"))
        self.resize(460, 640)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(self)
        self.table.setColumnCount(2)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("SettingsPage", "Key"),
                                              QCoreApplication.translate("SettingsPage", "Action")])
        extra = [(QCoreApplication.translate("SettingsPage", "1 … 9"),
                  QCoreApplication.translate("SettingsPage", "OBS: switch to scene 1 … 9")),
                 (QCoreApplication.translate("SettingsPage", "link number + Enter"),
                  QCoreApplication.translate("SettingsPage", "Push that product (Enter alone: the next)"))]
        rows = [(self.settings[name], describe(name)) for name in self.keymap.names()] + extra
        self.table.setRowCount(len(rows))
        for row, (key, action) in enumerate(rows):
            key_item = QTableWidgetItem(key)
            font = key_item.font()
            font.setBold(True)
            key_item.setFont(font)
            self.table.setItem(row, 0, key_item)
            self.table.setItem(row, 1, QTableWidgetItem(action))
        self.table.resizeColumnToContents(0)

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.refresh()
            self.show()
            self.raise_()
