"""Every live shortcut in one place: bound from the settings, re-bound when they change, listed on F1."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from liveconsole.store.settings import Settings

DESCRIPTIONS = {
    "key_push_next": QT_TRANSLATE_NOOP("Keymap", "Push the next product"),
    "key_repush": QT_TRANSLATE_NOOP("Keymap", "Put the product card up again"),
    "key_sold_out": QT_TRANSLATE_NOOP("Keymap", "Sold out (selected or explaining product)"),
    "key_restock": QT_TRANSLATE_NOOP("Keymap", "Restock the selected product"),
    "key_relist": QT_TRANSLATE_NOOP("Keymap", "Re-list the selected product next"),
    "key_queue_undo": QT_TRANSLATE_NOOP("Keymap", "Undo the last queue action"),
    "key_flash_sale": QT_TRANSLATE_NOOP("Keymap", "Start / stop the flash sale"),
    "key_acknowledge": QT_TRANSLATE_NOOP("Keymap", "The due reminder is done"),
    "key_incident": QT_TRANSLATE_NOOP("Keymap", "Note an incident"),
    "key_hide_card": QT_TRANSLATE_NOOP("Keymap", "Hide / show the product card"),
    "key_prompter": QT_TRANSLATE_NOOP("Keymap", "Show / hide the prompter"),
    "key_alert_slow_down": QT_TRANSLATE_NOOP("Keymap", "Prompter: speak slower"),
    "key_alert_lucky_bag": QT_TRANSLATE_NOOP("Keymap", "Prompter: lucky bag now"),
    "key_alert_read_comments": QT_TRANSLATE_NOOP("Keymap", "Prompter: read the comments"),
    "key_alert_say_price": QT_TRANSLATE_NOOP("Keymap", "Prompter: say the price"),
    "key_alert_next_product": QT_TRANSLATE_NOOP("Keymap", "Prompter: next product"),
    "key_alert_text": QT_TRANSLATE_NOOP("Keymap", "Prompter: type an alert"),
    "key_script_start": QT_TRANSLATE_NOOP("Keymap", "Script: start / pause / resume"),
    "key_script_next": QT_TRANSLATE_NOOP("Keymap", "Script: next segment"),
    "key_script_previous": QT_TRANSLATE_NOOP("Keymap", "Script: previous segment"),
    "key_cue_confirm": QT_TRANSLATE_NOOP("Keymap", "Script: confirm the waiting cue"),
    "key_metric_entry": QT_TRANSLATE_NOOP("Keymap", "Metrics: type figures"),
    "key_send_metric_alert": QT_TRANSLATE_NOOP("Keymap", "Metrics: send the newest alert to the prompter"),
    "obs_safe_key": QT_TRANSLATE_NOOP("Keymap", "OBS: switch to the standby scene"),
    "key_cheat_sheet": QT_TRANSLATE_NOOP("Keymap", "This list of keys"),
}


def describe(name: str) -> str:
    return QCoreApplication.translate("Keymap", DESCRIPTIONS.get(name, name))


class Keymap:
    """Owns the QShortcuts made from settings; `apply()` takes new keys without a restart."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._bound: list[tuple[str, QShortcut]] = []

    def bind(self, name: str, parent: QWidget, slot: Callable[[], object],
             context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QShortcut:
        shortcut = QShortcut(QKeySequence(self.settings[name]), parent, slot, context=context)
        self._bound.append((name, shortcut))
        return shortcut

    def apply(self) -> None:
        for name, shortcut in self._bound:
            shortcut.setKey(QKeySequence(self.settings[name]))

    def names(self) -> list[str]:
        return [name for name in DESCRIPTIONS if name in _known(self.settings)]

    def clashes(self) -> dict[str, list[str]]:
        """Keys given to more than one action: Qt would run neither."""
        seen: dict[str, list[str]] = {}
        for name in self.names():
            key = QKeySequence(self.settings[name]).toString()
            if key:
                seen.setdefault(key, []).append(name)
        return {key: names for key, names in seen.items() if len(names) > 1}


def _known(settings: Settings) -> set[str]:
    from liveconsole.store.settings import SCHEMA

    return {option.name for option in SCHEMA}
