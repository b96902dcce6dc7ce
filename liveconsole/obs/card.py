"""The product card on stream as the app last asked for it: a worker thread sends the newest card to OBS,
skips the ones overtaken while OBS was busy or away, and puts the card back after every reconnect."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from liveconsole.core.events import Signal
from liveconsole.core.obs import ConnectionState, ObsError, ObsNotConnected
from liveconsole.obs.client import ObsClient
from liveconsole.obs.overlay import COUNTDOWN, IMAGE, PRICE, TITLE, ProductOverlay

log = logging.getLogger(__name__)

RETRY_AFTER_S = 0.5  # after OBS timed out or refused: soon enough for a live room, not a busy loop
_MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class Card:
    """What the card on stream shows. `countdown` is the flash-sale line; None leaves it off."""

    title: str
    price_line: str
    image_path: str | None = None
    countdown: str | None = None


class Applied(NamedTuple):
    """OBS confirmed `card` (None: the card is hidden), `latency_ns` after it was asked for."""

    card: Card | None
    latency_ns: int


def card_sources(card: Card | None) -> tuple[dict[str, dict[str, Any]], dict[str, bool]]:
    """The source settings and the visibility of each source that show `card`; None hides them all."""
    if card is None:
        return {}, {TITLE: False, PRICE: False, COUNTDOWN: False, IMAGE: False}
    settings: dict[str, dict[str, Any]] = {TITLE: {"text": card.title}, PRICE: {"text": card.price_line}}
    if card.countdown is not None:
        settings[COUNTDOWN] = {"text": card.countdown}
    if card.image_path is not None:
        settings[IMAGE] = {"file": str(card.image_path)}
    return settings, {TITLE: True, PRICE: True, COUNTDOWN: card.countdown is not None,
                      IMAGE: card.image_path is not None}


class CardPublisher:
    """Keeps the card on stream at the newest one asked for, and never makes the caller wait.

    `publish` and `set_countdown` record the wish and return. One worker thread sends the latest wish
    (those overtaken meanwhile are never sent), in one round trip holding only the lines OBS does not
    have yet; after each reconnect it sends the whole card again. `applied` fires on that thread with
    `Applied(card, latency_ns)` once OBS confirmed; `acknowledged` is the last card OBS confirmed.
    """

    def __init__(self, client: ObsClient, overlay: ProductOverlay, *, retry_after: float = RETRY_AFTER_S,
                 monotonic_ns: Callable[[], int] = time.monotonic_ns) -> None:
        self._client = client
        self._overlay = overlay
        self.retry_after = retry_after
        self._monotonic_ns = monotonic_ns
        self.applied: Signal[Applied] = Signal("applied")
        self.last_error: ObsError | None = None
        self._cond = threading.Condition()
        self._desired: Card | None = None
        self._asked_ns = 0
        self._version = 0  # one more for every wish
        self._pending = False  # OBS has not confirmed the newest wish
        self._acknowledged: Card | None = None
        self._epoch = 0  # one more for every CONNECTED
        self._dead_epoch: int | None = None  # the connection that failed us: wait for a newer one
        self._retry_at = 0.0
        self._resync = False
        self._stopping = False
        self._held: dict[str, dict[str, Any]] = {}  # what OBS's sources hold, as far as we know (worker only)
        client.events.state_changed.connect(self._on_state)
        self._thread = threading.Thread(target=self._run, name="obs-card", daemon=True)
        self._thread.start()

    def close(self, timeout: float = 5.0) -> None:
        with self._cond:
            if self._stopping:
                return
            self._stopping = True
            self._cond.notify_all()
        self._client.events.state_changed.disconnect(self._on_state)
        if self._thread is not threading.current_thread():
            self._thread.join(timeout)

    # -- what the app asks for (any thread; returns at once) -------------------------------

    def publish(self, card: Card | None) -> None:
        """Show `card` on stream (countdown line included), or hide the card with None."""
        with self._cond:
            self._want(card)

    def set_countdown(self, text: str | None) -> None:
        """Change only the flash-sale line of the card; None takes it off. Ignored while no card is shown."""
        with self._cond:
            if self._desired is not None and self._desired.countdown != text:
                self._want(replace(self._desired, countdown=text))

    def _want(self, card: Card | None) -> None:
        self._desired = card
        self._asked_ns = self._monotonic_ns()
        self._version += 1
        self._pending = True
        self._cond.notify()

    @property
    def desired(self) -> Card | None:
        return self._desired

    @property
    def acknowledged(self) -> Card | None:
        """The last card OBS confirmed (None: hidden, or nothing confirmed yet)."""
        return self._acknowledged

    @property
    def pending(self) -> bool:
        """True while OBS has not confirmed the newest wish; again after each reconnect until it is re-sent."""
        return self._pending

    # -- the worker ------------------------------------------------------------------------

    def _on_state(self, state: ConnectionState) -> None:
        # The client's owner thread: only flags here, the worker does the sending.
        with self._cond:
            if state is ConnectionState.CONNECTED:
                self._epoch += 1
                self._retry_at = 0.0
                # OBS may have restarted without our text, or someone changed it while we were away.
                self._resync = True
                if self._version:
                    self._pending = True
            self._cond.notify()

    def _ready(self) -> bool:
        return (self._pending and self._dead_epoch != self._epoch
                and self._client.state is ConnectionState.CONNECTED)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopping:
                    if not self._ready():
                        self._cond.wait()
                        continue
                    left = self._retry_at - time.monotonic()
                    if left <= 0:
                        break
                    self._cond.wait(left)
                if self._stopping:
                    return
                card, version, asked_ns, epoch = self._desired, self._version, self._asked_ns, self._epoch
                if self._resync:
                    self._resync = False
                    self._held.clear()
            try:
                self._send(card)
            except ObsNotConnected as exc:
                self._failed(exc, dead_epoch=epoch)
                continue
            except ObsError as exc:
                self._failed(exc)
                continue
            except Exception as exc:  # a bug must not end the thread that keeps the card right
                log.exception("sending the product card failed")
                self._failed(ObsError(repr(exc)))
                continue
            done_ns = self._monotonic_ns()
            with self._cond:
                self._acknowledged = card
                self.last_error = None
                if version == self._version and not self._resync:
                    self._pending = False
            self.applied.emit_guarded(Applied(card, done_ns - asked_ns), lambda callback, exc: log.error(
                "a product card callback %r failed", callback, exc_info=exc))

    def _send(self, card: Card | None) -> None:
        wanted, enabled = card_sources(card)
        try:
            for _attempt in range(_MAX_ATTEMPTS):
                changed = {name: value for name, value in wanted.items() if self._held.get(name) != value}
                recreated = self._overlay.recreated
                self._overlay.update(changed, enabled)
                if self._overlay.recreated == recreated:
                    self._held.update(changed)
                    return
                # Sources made again start empty: the lines skipped as unchanged must go too.
                self._held = dict(changed)
            raise ObsError("the card's sources in OBS keep disappearing")
        except BaseException:
            self._held.clear()  # OBS may have taken part of the batch, or all of it after our timeout
            raise

    def _failed(self, exc: ObsError, dead_epoch: int | None = None) -> None:
        with self._cond:
            if dead_epoch is not None:
                self._dead_epoch = dead_epoch
            else:
                self._retry_at = time.monotonic() + self.retry_after
            repeated = self.last_error is not None and type(self.last_error) is type(exc)
            self.last_error = exc
        # Once per kind of failure, not on every retry through a long outage.
        log.log(logging.DEBUG if repeated else logging.INFO, "the product card did not reach OBS: %s", exc)
