"""User settings: declared once here with types, defaults and help, kept as JSON in the config dir."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    help: str
    choices: tuple[Any, ...] = ()


SCHEMA: tuple[Option, ...] = (
    Option("language", str, "auto", "UI language: auto follows the system", ("auto", "zh_CN", "en")),
    Option("last_session", str, "", "The session shown when the app opens"),
    Option("last_import_dir", str, "", "Where the import dialog starts"),
    Option("window_geometry", str, "", "Main window geometry (base64 from Qt)"),
    Option("window_state", str, "", "Dock layout (base64 from Qt)"),
    Option("obs_host", str, "127.0.0.1", "OBS WebSocket host"),
    Option("obs_port", int, 4455, "OBS WebSocket port"),
    Option("obs_scene_keys", str, "1,2,3,4,5,6,7,8,9", "Hotkeys for the scenes, in OBS's order, comma-separated"),
    Option("obs_safe_scene", str, "", "The standby scene (稍后回来) for a crisis"),
    Option("obs_safe_key", str, "F12", "Hotkey for the standby scene"),
    Option("obs_overlay_scene", str, "", "The scene that carries the product card (empty: the program scene)"),
    Option("repush_after_s", int, 8, "Remind to re-push the product card after this many seconds"),
    Option("key_push_next", str, "F5", "Push the next product"),
    Option("key_repush", str, "F4", "Put the product card up again"),
    Option("key_sold_out", str, "F6", "Mark the product being explained sold out"),
    Option("key_restock", str, "F7", "Restock the selected product"),
    Option("key_relist", str, "F8", "Re-list the selected product as the next one"),
    Option("key_queue_undo", str, "Ctrl+U", "Undo the last queue action"),
    Option("key_flash_sale", str, "F9", "Start or stop the flash sale countdown"),
    Option("key_acknowledge", str, "Ctrl+B", "Mark the due reminder as done"),
    Option("key_incident", str, "Ctrl+K", "Open the incident entry"),
    Option("key_hide_card", str, "Ctrl+H", "Hide or show the product card on stream"),
    Option("key_prompter", str, "F11", "Show or hide the prompter window"),
    Option("key_alert_slow_down", str, "Ctrl+1", "Prompter alert: speak slower"),
    Option("key_alert_lucky_bag", str, "Ctrl+2", "Prompter alert: lucky bag now"),
    Option("key_alert_read_comments", str, "Ctrl+3", "Prompter alert: read the comments"),
    Option("key_alert_say_price", str, "Ctrl+4", "Prompter alert: say the price"),
    Option("key_alert_next_product", str, "Ctrl+5", "Prompter alert: time for the next product"),
    Option("key_alert_text", str, "Ctrl+6", "Type an alert for the prompter"),
    Option("key_script_start", str, "Ctrl+Return", "Start, pause or resume the script"),
    Option("key_script_next", str, "Ctrl+Right", "Next script segment"),
    Option("key_script_previous", str, "Ctrl+Left", "Previous script segment"),
    Option("key_cue_confirm", str, "Ctrl+Space", "Confirm the script's waiting cue"),
    Option("key_cheat_sheet", str, "F1", "Show the list of keys"),
    Option("key_metric_entry", str, "Ctrl+M", "Type figures into the metrics quick entry"),
    Option("key_send_metric_alert", str, "Ctrl+7", "Send the newest metric alert to the prompter"),
    Option("cue_scene_mode", str, "auto", "Scene cues: switch at once, or wait for confirmation", ("auto", "confirm")),
    Option("cue_push_mode", str, "confirm", "Product cues: push at once, or wait for confirmation",
           ("auto", "confirm")),
    Option("prompter_mirror", bool, False, "Mirror the prompter for beam-splitter glass"),
    Option("prompter_theme", str, "dark", "Prompter colours", ("dark", "light")),
    Option("prompter_font_pct", int, 100, "Prompter text size in percent"),
    Option("prompter_scroll_px_s", int, 40, "Talking points scroll speed in pixels per second"),
    Option("prompter_screen", str, "", "The screen the prompter opens on (empty: the last one)"),
    Option("prompter_fullscreen", bool, True, "Open the prompter full screen"),
    Option("ingest_enabled", bool, True, "Accept metric samples on the loopback ingest API while the window is open"),
    Option("ingest_port", int, 17650, "Port of the loopback ingest API (0: any free port)"),
    Option("ingest_token", str, "", "Bearer token of the ingest API (made on first start)"),
    Option("gpm_basis", str, "views", "What GPM divides by: views (观看次数) or viewers (观看人数)",
           ("views", "viewers")),
    Option("alert_online_drop_pct", int, 20, "Alert when online viewers drop more than this % within a minute"),
    Option("alert_pace_behind_pct", int, 10, "Alert when GMV is more than this % behind the plan"),
    Option("alert_conversion_fall_pct", int, 30, "Alert when conversion falls more than this % (10-minute windows)"),
    Option("alert_source_silent_s", int, 60, "Alert when a source has sent nothing for this many seconds"),
)
_BY_NAME = {option.name: option for option in SCHEMA}


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("LiveConsole", appauthor=False)) / "settings.json"


class Settings:
    """Typed values for every option in SCHEMA; unknown or ill-typed values fall back to defaults."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._values: dict[str, Any] = {o.name: o.default for o in SCHEMA}
        if path is not None and path.exists():
            try:
                stored = json.loads(path.read_text("utf-8"))
            except (OSError, ValueError):
                stored = {}
            for name, value in stored.items() if isinstance(stored, dict) else ():
                if name in _BY_NAME and self._valid(_BY_NAME[name], value):
                    self._values[name] = value

    @staticmethod
    def _valid(option: Option, value: Any) -> bool:
        return isinstance(value, option.type) and (not option.choices or value in option.choices)

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __setitem__(self, name: str, value: Any) -> None:
        option = _BY_NAME[name]
        if not self._valid(option, value):
            raise ValueError(f"{name}: {value!r} is not allowed")
        self._values[name] = value

    def save(self) -> None:
        """Write atomically so a crash never leaves a half-written settings file."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self._values, handle, ensure_ascii=False, indent=2)
        os.replace(tmp, self.path)
