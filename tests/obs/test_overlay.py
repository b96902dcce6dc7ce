"""ProductOverlay against a real OBS: sources made, updated, read back, rendered, and made again."""

from __future__ import annotations

import random
import statistics
import struct
import time
import zlib

import pytest

from liveconsole.core.obs import ConnectionState
from liveconsole.obs.client import ObsClient
from liveconsole.obs.overlay import (
    COUNTDOWN,
    IMAGE,
    PRICE,
    TITLE,
    ProductOverlay,
    default_font_face,
    text_source_kind,
)
from tests.helpers.obs import SCENES, RawObs, screenshot_variance
from tests.helpers.waiting import wait_until

SCENE = SCENES[2]  # 商品台


@pytest.fixture
def client(obs):
    client = ObsClient(obs.host, obs.port, obs.password, rng=random.Random(5))
    client.start()
    try:
        assert client.wait_for_state(ConnectionState.CONNECTED, 5)
        yield client
    finally:
        client.close()


@pytest.fixture
def raw(obs):
    with RawObs(obs.host, obs.port, obs.password) as raw:
        yield raw


@pytest.fixture
def overlay(client):
    overlay = ProductOverlay(client, SCENE)
    try:
        yield overlay
    finally:
        overlay.close()


def _items(raw: RawObs) -> dict[str, dict]:
    listing = raw.ok("GetSceneItemList", {"sceneName": SCENE})
    return {item["sourceName"]: item for item in listing["sceneItems"]}


def _text(raw: RawObs, name: str) -> str:
    return raw.ok("GetInputSettings", {"inputName": name})["inputSettings"].get("text", "")


def _png(path, width: int = 32, height: int = 24) -> None:
    rows = b"".join(b"\0" + b"".join(bytes((x * 8 % 256, y * 10 % 256, 128)) for x in range(width))
                    for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
                     + chunk(b"IEND", b""))


def test_text_source_kind_follows_the_os():
    assert text_source_kind("linux") == "text_ft2_source_v2"
    assert text_source_kind("darwin") == "text_ft2_source_v2"
    assert text_source_kind("win32") == "text_gdiplus_v2"
    assert default_font_face("win32") == "Microsoft YaHei"


def test_show_product_creates_the_sources_and_obs_holds_the_new_text(overlay, raw):
    overlay.show_product("新款羊毛大衣", "直播价 ¥299 · 原价 ¥599")
    items = _items(raw)
    assert {TITLE, PRICE, COUNTDOWN, IMAGE} <= items.keys()
    assert items[TITLE]["inputKind"] == "text_ft2_source_v2"
    assert items[TITLE]["sceneItemEnabled"] and items[PRICE]["sceneItemEnabled"]
    assert not items[IMAGE]["sceneItemEnabled"] and not items[COUNTDOWN]["sceneItemEnabled"]
    assert _text(raw, TITLE) == "新款羊毛大衣"
    assert _text(raw, PRICE) == "直播价 ¥299 · 原价 ¥599"

    overlay.show_product("真丝围巾", "直播价 ¥99")
    assert _text(raw, TITLE) == "真丝围巾"


def _variance(raw: RawObs, source: str) -> float:
    shot = raw.request("GetSourceScreenshot", {"sourceName": source, "imageFormat": "png", "imageWidth": 320})
    if not shot["requestStatus"]["result"]:
        return -1.0  # 702 until the source has rendered once and has a size
    return screenshot_variance(shot["responseData"]["imageData"])


def test_the_title_really_renders(overlay, raw):
    overlay.hide()
    assert wait_until(lambda: _variance(raw, SCENE) == 0.0, 2.0)  # nothing shown: one flat colour
    overlay.show_product("爆款保温杯 ABC", "¥39.9")
    # A new text renders on OBS's next frame (10 fps here).
    assert wait_until(lambda: _variance(raw, TITLE) > 100, 2.0)
    assert wait_until(lambda: _variance(raw, SCENE) > 10, 2.0)


def test_countdown_shows_its_text_and_none_hides_it(overlay, raw):
    overlay.set_countdown("04:59")
    assert _items(raw)[COUNTDOWN]["sceneItemEnabled"]
    assert _text(raw, COUNTDOWN) == "04:59"
    overlay.set_countdown(None)
    assert not _items(raw)[COUNTDOWN]["sceneItemEnabled"]


def test_hide_takes_every_overlay_source_off_the_picture(overlay, raw):
    overlay.show_product("A", "B")
    overlay.set_countdown("00:10")
    overlay.hide()
    items = _items(raw)
    assert not any(items[name]["sceneItemEnabled"] for name in (TITLE, PRICE, COUNTDOWN, IMAGE))


def test_product_picture_is_shown_from_its_file(overlay, raw, tmp_path):
    picture = tmp_path / "商品.png"
    _png(picture)
    overlay.show_product("图文商品", "¥1", image_path=str(picture))
    assert raw.ok("GetInputSettings", {"inputName": IMAGE})["inputSettings"]["file"] == str(picture)
    assert _items(raw)[IMAGE]["sceneItemEnabled"]
    overlay.show_product("无图商品", "¥2")
    assert not _items(raw)[IMAGE]["sceneItemEnabled"]


def _delete_like_the_user(raw: RawObs, name: str) -> None:
    # Delete in OBS's Sources list removes the scene item, and with its last item the source.
    # (RemoveInput over the websocket is not the same: OBS 29 then keeps listing the item.)
    raw.ok("RemoveSceneItem", {"sceneName": SCENE, "sceneItemId": _items(raw)[name]["sceneItemId"]})
    assert name not in _items(raw)
    names = [i["inputName"] for i in raw.ok("GetInputList")["inputs"]]
    assert name not in names


def test_a_source_the_user_deleted_is_made_again_on_the_next_update(overlay, raw):
    overlay.show_product("第一件", "¥10")
    _delete_like_the_user(raw, TITLE)
    overlay.show_product("第二件", "¥20")
    assert TITLE in _items(raw) and _items(raw)[TITLE]["sceneItemEnabled"]
    assert _text(raw, TITLE) == "第二件"
    assert overlay.recreated >= 1


def test_a_deletion_missed_while_not_listening_is_caught_by_the_failed_update(client, raw):
    overlay = ProductOverlay(client, SCENE)
    overlay.show_product("第一件", "¥10")
    overlay.close()  # hears no more events: its item ids go stale silently
    _delete_like_the_user(raw, PRICE)
    overlay.show_product("第二件", "¥20")
    assert _text(raw, PRICE) == "¥20"
    assert _items(raw)[PRICE]["sceneItemEnabled"]
    assert overlay.recreated == 1


def test_text_updates_are_acknowledged_quickly(overlay):
    overlay.show_product("预热", "¥0")
    times = []
    for i in range(40):
        began = time.perf_counter()
        overlay.show_product(f"商品 {i}", f"直播价 ¥{i}.9")
        times.append(time.perf_counter() - began)
    assert statistics.median(times) < 0.025
