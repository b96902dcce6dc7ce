"""The product card on stream: LiveConsole's own title, price, countdown and picture sources in one scene.

The sources are created on demand, updated in one round trip per call, and recreated when someone
deletes them in OBS. Implements `core.ports.OverlayPort`. Call from a worker thread, not the UI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from obswebsocket import requests as obs_requests

from liveconsole.core.obs import ConnectionState
from liveconsole.obs.client import STATUS_RESOURCE_NOT_FOUND, ObsClient, ObsEvent, check

log = logging.getLogger(__name__)

TITLE = "LiveConsole 商品标题"
PRICE = "LiveConsole 价格"
COUNTDOWN = "LiveConsole 倒计时"
IMAGE = "LiveConsole 商品图"

STATUS_RESOURCE_ALREADY_EXISTS = 601
IMAGE_KIND = "image_source"


def text_source_kind(platform: str = sys.platform) -> str:
    """OBS's text source kind on this OS: GDI+ on Windows, FreeType 2 elsewhere."""
    return "text_gdiplus_v2" if platform.startswith("win") else "text_ft2_source_v2"


def default_font_face(platform: str = sys.platform) -> str:
    """A font with Chinese glyphs that the OS ships (Linux: fonts-wqy-microhei)."""
    if platform.startswith("win"):
        return "Microsoft YaHei"
    if platform == "darwin":
        return "PingFang SC"
    return "WenQuanYi Micro Hei"


@dataclass(frozen=True)
class Placement:
    """Where a source goes, in fractions of the canvas, so the card fits 360p and 1080p alike."""

    x: float
    y: float
    text_height: float = 0.0  # font size as a fraction of canvas height
    box: tuple[float, float] | None = None  # image bounds (width, height)


LAYOUT: Mapping[str, Placement] = {
    TITLE: Placement(0.04, 0.70, text_height=0.075),
    PRICE: Placement(0.04, 0.82, text_height=0.065),
    COUNTDOWN: Placement(0.76, 0.04, text_height=0.065),
    IMAGE: Placement(0.70, 0.30, box=(0.26, 0.36)),
}

_GOLD_ABGR = 0xFF00D7FF  # OBS colours are 0xAABBGGRR


def text_settings(kind: str, face: str, size: int, gold: bool = False) -> dict[str, Any]:
    if kind == "text_gdiplus_v2":
        return {"text": "", "font": {"face": face, "size": size, "style": "Bold", "flags": 1},
                "color": (_GOLD_ABGR if gold else 0xFFFFFFFF) & 0xFFFFFF, "outline": True,
                "outline_size": max(2, size // 16), "outline_color": 0}
    color = _GOLD_ABGR if gold else 0xFFFFFFFF
    return {"text": "", "font": {"face": face, "size": size, "style": "Regular", "flags": 0},
            "color1": color, "color2": color, "outline": True, "drop_shadow": False}


class ProductOverlay:
    """The app-owned overlay sources in `scene` of the OBS behind `client`."""

    def __init__(self, client: ObsClient, scene: str, *, platform: str = sys.platform,
                 font_face: str | None = None, timeout: float | None = None) -> None:
        self._client = client
        self.scene = scene
        self.text_kind = text_source_kind(platform)
        self.font_face = font_face or default_font_face(platform)
        self.timeout = timeout
        self._lock = threading.Lock()
        self._items: dict[str, int] = {}
        self._enabled: dict[str, bool] = {}
        self._stale = True
        self.recreated = 0  # how many times sources were found missing and made again
        client.obs_event.connect(self._on_obs_event)
        client.events.state_changed.connect(self._on_state)

    def close(self) -> None:
        self._client.obs_event.disconnect(self._on_obs_event)
        self._client.events.state_changed.disconnect(self._on_state)

    # -- the port ------------------------------------------------------------------------

    def show_product(self, title: str, price_line: str, image_path: str | None = None) -> None:
        settings: dict[str, dict] = {TITLE: {"text": title}, PRICE: {"text": price_line}}
        enabled = {TITLE: True, PRICE: True, IMAGE: image_path is not None}
        if image_path is not None:
            settings[IMAGE] = {"file": str(image_path)}
        self._update(settings, enabled)

    def set_countdown(self, text: str | None) -> None:
        if text is None:
            self._update({}, {COUNTDOWN: False})
        else:
            self._update({COUNTDOWN: {"text": text}}, {COUNTDOWN: True})

    def hide(self) -> None:
        self._update({}, {name: False for name in LAYOUT})

    def update(self, settings: Mapping[str, dict], enabled: Mapping[str, bool]) -> None:
        """Any mix of source settings and visibility in one round trip; a visibility OBS already has
        costs nothing. For callers that send only what changed (`obs.card.CardPublisher`)."""
        self._update(settings, enabled)

    def ensure(self) -> dict[str, int]:
        """Create whatever is missing; returns the scene item id of each source."""
        with self._lock:
            self._ensure_locked()
            return dict(self._items)

    # -- updating ------------------------------------------------------------------------

    def _update(self, settings: Mapping[str, dict], enabled: Mapping[str, bool]) -> None:
        with self._lock:
            for attempt in range(2):
                if self._stale:
                    self._ensure_locked()
                batch = [obs_requests.SetInputSettings(inputName=name, inputSettings=value, overlay=True)
                         for name, value in settings.items()]
                toggles = {name: on for name, on in enabled.items() if self._enabled.get(name) is not on}
                batch += [obs_requests.SetSceneItemEnabled(sceneName=self.scene, sceneItemId=self._items[name],
                                                           sceneItemEnabled=on)
                          for name, on in toggles.items()]
                if not batch:
                    return
                self._client.call_batch(batch, self.timeout)
                failed = [obj for obj in batch if not obj.status]
                if not failed:
                    self._enabled.update(toggles)
                    return
                if attempt == 0 and any(getattr(obj, "status_code", None) == STATUS_RESOURCE_NOT_FOUND
                                        for obj in failed):
                    log.info("overlay sources in %r went missing: recreating them", self.scene)
                    self._stale = True
                    continue
                check(failed[0])

    def _ensure_locked(self) -> None:
        video, listing = self._client.call_batch(
            [obs_requests.GetVideoSettings(), obs_requests.GetSceneItemList(sceneName=self.scene)], self.timeout)
        check(video)
        check(listing)
        width, height = video.datain["baseWidth"], video.datain["baseHeight"]
        present = {item["sourceName"]: item for item in listing.datain.get("sceneItems", [])}
        items: dict[str, int] = {}
        enabled: dict[str, bool] = {}
        created: list[str] = []
        for name, place in LAYOUT.items():
            if name in present:
                items[name] = present[name]["sceneItemId"]
                enabled[name] = bool(present[name].get("sceneItemEnabled"))
                continue
            items[name] = self._create(name, place, height)
            enabled[name] = False
            created.append(name)
        if created:
            if self._items:
                self.recreated += 1
            transforms = [obs_requests.SetSceneItemTransform(
                sceneName=self.scene, sceneItemId=items[name],
                sceneItemTransform=self._transform(LAYOUT[name], width, height)) for name in created]
            for obj in self._client.call_batch(transforms, self.timeout):
                check(obj)
        self._items, self._enabled, self._stale = items, enabled, False

    def _create(self, name: str, place: Placement, canvas_height: int) -> int:
        if place.box is not None:
            kind, settings = IMAGE_KIND, {"file": "", "unload": False}
        else:
            size = max(12, round(canvas_height * place.text_height))
            kind, settings = self.text_kind, text_settings(self.text_kind, self.font_face, size, gold=name == PRICE)
        made = self._client.call(obs_requests.CreateInput(sceneName=self.scene, inputName=name, inputKind=kind,
                                                          inputSettings=settings, sceneItemEnabled=False),
                                 self.timeout)
        if getattr(made, "status_code", None) == STATUS_RESOURCE_ALREADY_EXISTS:
            # The source exists but is not in this scene (moved, or the scene was changed): add it back.
            made = self._client.call(obs_requests.CreateSceneItem(sceneName=self.scene, sourceName=name,
                                                                  sceneItemEnabled=False), self.timeout)
        return check(made).datain["sceneItemId"]

    @staticmethod
    def _transform(place: Placement, width: int, height: int) -> dict[str, Any]:
        transform: dict[str, Any] = {"positionX": round(place.x * width), "positionY": round(place.y * height)}
        if place.box is not None:
            transform.update(boundsType="OBS_BOUNDS_SCALE_INNER", boundsAlignment=0,
                             boundsWidth=max(1.0, place.box[0] * width), boundsHeight=max(1.0, place.box[1] * height))
        return transform

    # -- what OBS says (owner thread: only flags, no requests) ----------------------------

    def _on_state(self, state: ConnectionState) -> None:
        if state is ConnectionState.CONNECTED:
            self._stale = True  # OBS may have restarted without our sources

    def _on_obs_event(self, event: ObsEvent) -> None:
        data = event.data
        if event.type == "InputRemoved" and data.get("inputName") in LAYOUT:
            self._stale = True
        elif event.type == "InputNameChanged" and data.get("oldInputName") in LAYOUT:
            self._stale = True
        elif event.type == "SceneItemRemoved" and data.get("sceneName") == self.scene \
                and data.get("sourceName") in LAYOUT:
            self._stale = True
        elif event.type == "SceneItemEnableStateChanged" and data.get("sceneName") == self.scene:
            for name, item_id in list(self._items.items()):
                if item_id == data.get("sceneItemId"):
                    self._enabled[name] = bool(data.get("sceneItemEnabled"))
        elif event.type == "SceneNameChanged" and data.get("oldSceneName") == self.scene:
            self.scene = data.get("sceneName", self.scene)
        elif event.type in ("SceneRemoved", "CurrentSceneCollectionChanged"):
            self._stale = True
