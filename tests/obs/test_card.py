"""CardPublisher against a real OBS: cards reach the text sources, hide, coalesce, and catch up after a crash."""

from __future__ import annotations

import random
import threading
import time

import pytest

from liveconsole.core.obs import Backoff, ConnectionState
from liveconsole.obs.card import Applied, Card, CardPublisher
from liveconsole.obs.client import ObsClient
from liveconsole.obs.overlay import COUNTDOWN, IMAGE, PRICE, TITLE, ProductOverlay
from tests.helpers.obs import SCENES, RawObs
from tests.helpers.waiting import wait_until

SCENE = SCENES[2]  # 商品台
QUICK = Backoff(initial=0.05, maximum=0.2)


@pytest.fixture
def client(obs):
    # Quick reconnects: the crash test waits for the client to find the restarted OBS.
    client = ObsClient(obs.host, obs.port, obs.password, rng=random.Random(7), backoff=QUICK,
                       refused_backoff=QUICK)
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


class Recorder:
    """Every `applied` payload, from the publisher's thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.seen: list[Applied] = []

    def __call__(self, applied: Applied) -> None:
        with self._lock:
            self.seen.append(applied)

    @property
    def cards(self) -> list[Card | None]:
        with self._lock:
            return [applied.card for applied in self.seen]


@pytest.fixture
def applied():
    return Recorder()


@pytest.fixture
def publisher(client, applied):
    overlay = ProductOverlay(client, SCENE)
    publisher = CardPublisher(client, overlay)
    publisher.applied.connect(applied)
    try:
        yield publisher
    finally:
        publisher.close()
        overlay.close()


def _items(raw: RawObs) -> dict[str, dict]:
    return {item["sourceName"]: item for item in raw.ok("GetSceneItemList", {"sceneName": SCENE})["sceneItems"]}


def _text(raw: RawObs, name: str) -> str | None:
    """The source's text; None while OBS has no such source (a restarted OBS may not have it yet)."""
    response = raw.request("GetInputSettings", {"inputName": name})
    if not response["requestStatus"]["result"]:
        return None
    return response["responseData"]["inputSettings"].get("text", "")


def _confirmed(publisher: CardPublisher, card: Card | None, timeout: float = 3.0) -> bool:
    return wait_until(lambda: not publisher.pending and publisher.acknowledged == card, timeout)


def test_a_published_card_puts_its_title_and_price_into_the_text_sources(publisher, raw, applied):
    card = Card("澄光 氨基酸洁面乳 100g×2支", "直播价 ¥9.9  日常价 ¥69")
    publisher.publish(card)
    assert _confirmed(publisher, card)
    assert _text(raw, TITLE) == card.title
    assert _text(raw, PRICE) == card.price_line
    items = _items(raw)
    assert items[TITLE]["sceneItemEnabled"] and items[PRICE]["sceneItemEnabled"]
    assert not items[COUNTDOWN]["sceneItemEnabled"] and not items[IMAGE]["sceneItemEnabled"]
    assert applied.cards == [card]
    assert 0 < applied.seen[0].latency_ns < 3_000_000_000


def test_publishing_none_takes_every_line_of_the_card_off_the_picture(publisher, raw):
    card = Card("限时秒杀 保温杯", "直播价 ¥39.9", countdown="00:59")
    publisher.publish(card)
    assert _confirmed(publisher, card)
    assert _items(raw)[COUNTDOWN]["sceneItemEnabled"]

    publisher.publish(None)
    assert _confirmed(publisher, None)
    items = _items(raw)
    assert not any(items[name]["sceneItemEnabled"] for name in (TITLE, PRICE, COUNTDOWN, IMAGE))


def test_set_countdown_changes_the_countdown_line_and_keeps_the_product(publisher, raw):
    card = Card("真丝围巾", "直播价 ¥99  日常价 ¥199")
    publisher.publish(card)
    publisher.set_countdown("04:59")
    assert _confirmed(publisher, Card(card.title, card.price_line, countdown="04:59"))
    assert _text(raw, COUNTDOWN) == "04:59"
    assert _items(raw)[COUNTDOWN]["sceneItemEnabled"]
    assert _text(raw, TITLE) == card.title

    publisher.set_countdown(None)
    assert _confirmed(publisher, card)
    assert not _items(raw)[COUNTDOWN]["sceneItemEnabled"]
    assert _items(raw)[TITLE]["sceneItemEnabled"]


def test_set_countdown_without_a_card_on_stream_is_ignored(publisher):
    publisher.set_countdown("00:10")
    assert publisher.desired is None
    assert not publisher.pending


def test_a_burst_of_cards_ends_on_the_last_one_with_far_fewer_updates(publisher, raw, applied):
    cards = [Card(f"商品 {i}", f"直播价 ¥{i}.9") for i in range(50)]
    for card in cards:
        publisher.publish(card)
    assert _confirmed(publisher, cards[-1])
    assert _text(raw, TITLE) == "商品 49"
    assert _text(raw, PRICE) == "直播价 ¥49.9"
    assert applied.cards[-1] == cards[-1]
    assert len(applied.seen) <= 10


def test_cards_pushed_while_obs_is_busy_are_skipped_for_the_newest(obs, publisher, raw, applied):
    cards = [Card(f"排队 {i}", f"直播价 ¥{i}") for i in range(6)]
    obs.pause()  # OBS answers nothing until resumed: the first card's request (if sent) waits
    try:
        for card in cards:
            publisher.publish(card)
    finally:
        obs.resume()
    assert _confirmed(publisher, cards[-1])
    assert _text(raw, TITLE) == "排队 5"
    assert applied.cards in ([cards[-1]], [cards[0], cards[-1]])


def test_a_line_the_user_deleted_in_obs_comes_back_with_its_text(client, publisher, raw):
    publisher.publish(Card("第一件", "直播价 ¥10"))
    assert _confirmed(publisher, Card("第一件", "直播价 ¥10"))
    heard = threading.Event()
    client.obs_event.connect(lambda event: event.type == "InputRemoved" and heard.set())
    # Delete in OBS's Sources list: the item goes, and with its last item the source.
    raw.ok("RemoveSceneItem", {"sceneName": SCENE, "sceneItemId": _items(raw)[PRICE]["sceneItemId"]})
    assert heard.wait(3)  # the overlay hears it first: it subscribed before this test did

    # The price line is the same, so only the title changes; the remade price source starts empty.
    second = Card("第二件", "直播价 ¥10")
    publisher.publish(second)
    assert _confirmed(publisher, second)
    assert _items(raw)[PRICE]["sceneItemEnabled"]
    assert _text(raw, PRICE) == "直播价 ¥10"
    assert _text(raw, TITLE) == "第二件"


def test_with_obs_killed_publishing_returns_at_once_and_the_last_card_is_on_stream_after_restart(
        obs, client, publisher, applied):
    publisher.publish(Card("开播前", "¥0"))
    assert _confirmed(publisher, Card("开播前", "¥0"))
    obs.kill()
    cards = [Card(f"断线中 {i}", f"直播价 ¥{i}") for i in range(30)]
    durations = []
    for i, card in enumerate(cards):
        began = time.perf_counter()
        publisher.publish(card)
        durations.append(time.perf_counter() - began)
        if i == 0:  # the rest while the client knows OBS is gone
            assert client.wait_for_state(
                {ConnectionState.DISCONNECTED, ConnectionState.CONNECTING, ConnectionState.NO_WEBSOCKET}, 5)
    assert max(durations) < 0.005
    assert publisher.pending
    assert applied.cards == [Card("开播前", "¥0")]

    obs.start()
    with RawObs(obs.host, obs.port, obs.password) as raw:
        assert wait_until(lambda: _text(raw, TITLE) == "断线中 29" and _text(raw, PRICE) == "直播价 ¥29", 5.0)
        assert _items(raw)[TITLE]["sceneItemEnabled"]
    assert _confirmed(publisher, cards[-1])
    # Only the newest card was sent after the outage, not the thirty that came in during it.
    assert applied.cards[1:] == [cards[-1]]


def test_a_card_on_stream_before_obs_crashed_is_put_back_when_obs_returns(obs, client, publisher, applied):
    card = Card("回放款 面霜", "直播价 ¥129  日常价 ¥259")
    publisher.publish(card)
    assert _confirmed(publisher, card)
    obs.kill()
    assert client.wait_for_state(
        {ConnectionState.DISCONNECTED, ConnectionState.CONNECTING, ConnectionState.NO_WEBSOCKET}, 5)

    obs.start()  # with the scene collection it last saved, which need not hold this card
    with RawObs(obs.host, obs.port, obs.password) as raw:
        assert wait_until(lambda: _text(raw, TITLE) == card.title, 5.0)
        assert _text(raw, PRICE) == card.price_line
        assert _items(raw)[TITLE]["sceneItemEnabled"] and _items(raw)[PRICE]["sceneItemEnabled"]
    assert applied.cards == [card, card]
