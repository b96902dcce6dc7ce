"""Pre-live check rows in the UI language: each message code's words with its measured values filled in.

Only QtCore is needed, so `liveconsole check` prints the same words as the devices panel.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liveconsole.core.checks import CheckItem, Verdict

CTX = "Checks"


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


# code → (English template, the params that fill %1, %2, …); the table is liveconsole/devices/CHECKS.md.
_MESSAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "camera.opened": (QT_TRANSLATE_NOOP("Checks", "Camera %1 gives a picture"), ("source",)),
    "camera.not_found": (QT_TRANSLATE_NOOP(
        "Checks", "No camera %1: plug it in, or close other apps that use it"), ("source",)),
    "camera.open_failed": (QT_TRANSLATE_NOOP(
        "Checks", "Camera %1 cannot be opened (%2): close other apps that use it, or choose another source"),
        ("source", "detail")),
    "camera.open_timeout": (QT_TRANSLATE_NOOP(
        "Checks", "Camera %1 gave no picture in time: plug it in again and retry"), ("source",)),
    "camera.lost": (QT_TRANSLATE_NOOP(
        "Checks", "Camera %1 stopped sending pictures: check the cable or the network camera"), ("source",)),
    "camera.resolution_ok": (QT_TRANSLATE_NOOP("Checks", "Resolution %1×%2"), ("width", "height")),
    "camera.low_resolution": (QT_TRANSLATE_NOOP(
        "Checks", "Resolution %1×%2 is below %3×%4: choose a higher resolution in the camera settings"),
        ("width", "height", "min_width", "min_height")),
    "camera.fps_ok": (QT_TRANSLATE_NOOP("Checks", "%1 frames per second"), ("fps",)),
    "camera.low_fps": (QT_TRANSLATE_NOOP(
        "Checks", "Only %1 fps (want %2 or more): add light, turn off beauty filters or lower the resolution"),
        ("fps", "min_fps")),
    "camera.brightness_ok": (QT_TRANSLATE_NOOP("Checks", "Brightness is fine (%1)"), ("brightness",)),
    "camera.too_dark": (QT_TRANSLATE_NOOP("Checks", "Picture too dark: turn on the fill light or raise the exposure"),
                        ()),
    "camera.over_exposed": (QT_TRANSLATE_NOOP(
        "Checks", "Picture over-exposed: dim the lights or lower the exposure"), ()),
    "camera.sharp": (QT_TRANSLATE_NOOP("Checks", "Picture is sharp"), ()),
    "camera.blurry": (QT_TRANSLATE_NOOP("Checks", "Picture is blurred: clean the lens or refocus"), ()),
    "camera.focus_lost": (QT_TRANSLATE_NOOP(
        "Checks", "Picture is only %1 % as sharp as this camera can be: refocus"), ("ratio_pct",)),
    "camera.sharpness_unknown": (QT_TRANSLATE_NOOP(
        "Checks", "Sharpness can be judged once the lighting is fixed"), ()),
    "camera.moving": (QT_TRANSLATE_NOOP("Checks", "Picture is live"), ()),
    "camera.frozen": (QT_TRANSLATE_NOOP(
        "Checks", "Picture frozen for %1 s: restart the camera or the capture software"), ("seconds",)),
    "audio.in.good": (QT_TRANSLATE_NOOP("Checks", "Microphone level is good (%1 dBFS)"), ("level",)),
    "audio.in.too_quiet": (QT_TRANSLATE_NOOP(
        "Checks", "Microphone too quiet (%1 dBFS): speak closer or raise the input gain"), ("level",)),
    "audio.in.silent": (QT_TRANSLATE_NOOP(
        "Checks", "No sound from the microphone: check that it is plugged in, switched on and not muted"), ()),
    "audio.in.not_found": (QT_TRANSLATE_NOOP(
        "Checks", "Microphone %1 not found: plug it in or choose another input"), ("device",)),
    "audio.in.open_failed": (QT_TRANSLATE_NOOP(
        "Checks", "Microphone %1 cannot be opened (%2): close other apps that use it"), ("device", "detail")),
    "audio.in.lost": (QT_TRANSLATE_NOOP(
        "Checks", "Microphone %1 disappeared during the check: check the cable and check again"), ("device",)),
    "audio.in.no_clipping": (QT_TRANSLATE_NOOP("Checks", "No clipping (peak %1 dBFS)"), ("peak",)),
    "audio.in.clipping": (QT_TRANSLATE_NOOP(
        "Checks", "The voice clips (peak %1 dBFS): lower the input gain or move back from the microphone"),
        ("peak",)),
    "audio.in.quiet_background": (QT_TRANSLATE_NOOP("Checks", "Background is quiet (%1 dBFS)"), ("floor",)),
    "audio.in.noisy": (QT_TRANSLATE_NOOP(
        "Checks", "Background too loud (%1 dBFS, the voice only %2 dB above it): close doors and windows, "
                  "switch off fans, or use a directional microphone"), ("floor", "snr_db")),
    "audio.out.played": (QT_TRANSLATE_NOOP("Checks", "Test tone played on %1: you should have heard it"),
                         ("device",)),
    "audio.out.not_found": (QT_TRANSLATE_NOOP(
        "Checks", "Speaker %1 not found: plug it in or choose another output"), ("device",)),
    "audio.out.open_failed": (QT_TRANSLATE_NOOP("Checks", "Speaker %1 cannot be opened (%2)"), ("device", "detail")),
    "audio.out.lost": (QT_TRANSLATE_NOOP(
        "Checks", "Speaker %1 stopped during the test tone: check the connection"), ("device",)),
    "obs.connected": (QT_TRANSLATE_NOOP("Checks", "Connected to OBS %1"), ("version",)),
    "obs.not_running": (QT_TRANSLATE_NOOP(
        "Checks", "OBS is not running, or its WebSocket server is off (Tools → WebSocket Server Settings)"), ()),
    "obs.wrong_password": (QT_TRANSLATE_NOOP(
        "Checks", "OBS refused the password: enter the one in OBS's WebSocket Server Settings"), ()),
    "obs.no_answer": (QT_TRANSLATE_NOOP("Checks", "OBS did not answer in time: is it frozen or overloaded?"), ()),
    "obs.not_obs": (QT_TRANSLATE_NOOP(
        "Checks", "%1 is not OBS's WebSocket server: check the address and port"), ("url",)),
    "obs.scenes_ok": (QT_TRANSLATE_NOOP("Checks", "%1 scenes in OBS"), ("count",)),
    "obs.scenes_missing": (QT_TRANSLATE_NOOP("Checks", "Scenes missing in OBS: %1"), ("missing",)),
    "obs.no_scenes": (QT_TRANSLATE_NOOP("Checks", "OBS has no scenes"), ()),
    "obs.output_ok": (QT_TRANSLATE_NOOP("Checks", "OBS outputs %1×%2 at %3 fps"), ("width", "height", "fps")),
    "obs.output_low": (QT_TRANSLATE_NOOP(
        "Checks", "OBS outputs %1×%2 at %3 fps, below %4×%5 at %6 fps: raise it in Settings → Video"),
        ("width", "height", "fps", "min_width", "min_height", "min_fps")),
    "obs.not_streaming": (QT_TRANSLATE_NOOP(
        "Checks", "Not streaming yet: stream health is checked once the stream runs"), ()),
    "obs.stream_ok": (QT_TRANSLATE_NOOP("Checks", "Stream healthy (%1 % frames dropped)"), ("skipped_pct",)),
    "obs.stream_reconnecting": (QT_TRANSLATE_NOOP(
        "Checks", "OBS is reconnecting to the stream server: check the network"), ()),
    "obs.stream_skipping": (QT_TRANSLATE_NOOP(
        "Checks", "%1 % of frames dropped: lower the bitrate or check the network"), ("skipped_pct",)),
    "obs.stream_congested": (QT_TRANSLATE_NOOP(
        "Checks", "Network congested (%1): lower the bitrate or use a wired connection"), ("congestion",)),
    "network.server_ok": (QT_TRANSLATE_NOOP("Checks", "Stream server %1 reached in %2 ms"), ("address", "ms")),
    "network.server_slow": (QT_TRANSLATE_NOOP(
        "Checks", "Stream server %1 answers slowly (%2 ms): check the network"), ("address", "ms")),
    "network.server_refused": (QT_TRANSLATE_NOOP(
        "Checks", "Stream server %1 refused the connection: check the address and port"), ("address",)),
    "network.server_timeout": (QT_TRANSLATE_NOOP(
        "Checks", "Stream server %1 did not answer: check the network or the firewall"), ("address",)),
    "network.server_unresolved": (QT_TRANSLATE_NOOP(
        "Checks", "Stream server %1 not found: check the address and DNS"), ("address",)),
}

_PHASES = {
    "audio.quiet": QT_TRANSLATE_NOOP("Checks", "Stay quiet for a moment…"),
    "audio.speak": QT_TRANSLATE_NOOP("Checks", "Speak now, as loud as when selling…"),
    "audio.tone": QT_TRANSLATE_NOOP("Checks", "Playing a test tone on the speaker…"),
}

_LIST_SEPARATOR = QT_TRANSLATE_NOOP("Checks", ", ")

_VERDICTS = {
    Verdict.PASS: QT_TRANSLATE_NOOP("Checks", "Pass"),
    Verdict.WARN: QT_TRANSLATE_NOOP("Checks", "Check"),
    Verdict.FAIL: QT_TRANSLATE_NOOP("Checks", "Fail"),
}


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"  # never a made-up zero
    if isinstance(value, (list, tuple)):
        return tr(_LIST_SEPARATOR).join(str(v) for v in value) if value else "—"
    if isinstance(value, float):
        return f"{value + 0.0:g}"  # + 0.0: a rounded −0.0 reads as 0
    return str(value)


def fill(template: str, values: list[Any]) -> str:
    # From the highest number down, so %1 never eats the start of %10.
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", _shown(values[number - 1]))
    return template


def message(item: CheckItem) -> str:
    """The row's one line in the UI language; an unknown code shows as itself."""
    known = _MESSAGES.get(item.message_code)
    if known is None:
        return item.message_code
    template, names = known
    params: Mapping[str, Any] = item.params
    return fill(tr(template), [params.get(name) for name in names])


check_message = message  # the name the devices panel calls


_ITEMS = {
    "camera.open": QT_TRANSLATE_NOOP("Checks", "Camera opens"),
    "camera.resolution": QT_TRANSLATE_NOOP("Checks", "Camera resolution"),
    "camera.fps": QT_TRANSLATE_NOOP("Checks", "Camera frame rate"),
    "camera.brightness": QT_TRANSLATE_NOOP("Checks", "Picture brightness"),
    "camera.sharpness": QT_TRANSLATE_NOOP("Checks", "Picture sharpness"),
    "camera.frozen": QT_TRANSLATE_NOOP("Checks", "Picture moving"),
    "audio.in.level": QT_TRANSLATE_NOOP("Checks", "Microphone level"),
    "audio.in.clipping": QT_TRANSLATE_NOOP("Checks", "Microphone clipping"),
    "audio.in.noise_floor": QT_TRANSLATE_NOOP("Checks", "Background noise"),
    "audio.out.tone": QT_TRANSLATE_NOOP("Checks", "Speaker test tone"),
    "obs.connected": QT_TRANSLATE_NOOP("Checks", "OBS connected"),
    "obs.scenes": QT_TRANSLATE_NOOP("Checks", "Scenes the script needs"),
    "obs.output": QT_TRANSLATE_NOOP("Checks", "OBS output"),
    "obs.stream": QT_TRANSLATE_NOOP("Checks", "Stream health"),
    "network.server": QT_TRANSLATE_NOOP("Checks", "Stream server reachable"),
}


def item_name(item_id: str) -> str:
    """What a checklist row checks, in words (the stable id stays in the tooltip and the JSON)."""
    return tr(_ITEMS[item_id]) if item_id in _ITEMS else item_id


def phase_prompt(phase: str) -> str:
    return tr(_PHASES[phase]) if phase in _PHASES else phase


def verdict_name(verdict: Verdict) -> str:
    return tr(_VERDICTS[verdict])


def item_json(item: CheckItem) -> dict[str, Any]:
    """One row as `liveconsole check --json` prints it."""
    return {"id": item.id, "verdict": item.verdict.value, "value": item.value, "unit": item.unit,
            "message": message(item)}
