"""What the core needs from the world, as Protocols the adapters implement."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from liveconsole.core.obs import ConnectionState, ObsEvents, ObsSnapshot
from liveconsole.core.products import Product
from liveconsole.core.session import Session


class Clock(Protocol):
    """Time is passed in: the core never reads the wall clock itself."""

    def monotonic_ns(self) -> int: ...

    def now(self) -> datetime: ...  # timezone-aware wall time


@dataclass(frozen=True)
class EventRecord:
    """One committed entry of a session's event log."""

    id: int
    session_id: int
    seq: int
    mono_ns: int
    wall_time: datetime
    type: str
    payload: Mapping[str, Any]


class EventLog(Protocol):
    """An append-only log; `append` returns only after the event is durable."""

    def append(self, session_id: int, type: str, payload: Mapping[str, Any]) -> EventRecord: ...

    def events(self, session_id: int) -> Sequence[EventRecord]: ...


class ProductRepository(Protocol):
    def all_products(self) -> list[Product]: ...

    def save_product(self, product: Product) -> Product: ...

    def delete_product(self, product_id: int) -> None: ...

    def import_products(
        self, products: Sequence[Product], lineup_session_id: int | None = None
    ) -> list[Product]: ...


class SessionRepository(Protocol):
    def create_session(self, session: Session) -> Session: ...

    def session_by_name(self, name: str) -> Session | None: ...

    def lineup(self, session_id: int) -> list[Product]: ...

    def save_lineup(self, session_id: int, product_ids: Sequence[int]) -> None: ...


class ObsPort(Protocol):
    """OBS as a live session drives it.

    Every call may wait for OBS (up to a few seconds) and raises `core.obs.ObsError` subclasses:
    call it off the UI thread. `events` fire on the adapter's own thread.
    """

    events: ObsEvents

    @property
    def state(self) -> ConnectionState: ...

    def snapshot(self) -> ObsSnapshot | None: ...  # the last known state; None before the first connect

    def switch_scene(self, scene: str) -> None: ...  # the program scene (with studio mode: goes live)

    def set_preview_scene(self, scene: str) -> None: ...  # studio mode only

    def set_text(self, source: str, text: str) -> None: ...  # any text source, e.g. an announcement

    def start_stream(self) -> None: ...

    def stop_stream(self) -> None: ...

    def start_record(self) -> None: ...

    def stop_record(self) -> None: ...


class OverlayPort(Protocol):
    """The product card on stream: sources the app owns in one OBS scene, recreated when deleted."""

    def show_product(self, title: str, price_line: str, image_path: str | None = None) -> None: ...

    def set_countdown(self, text: str | None) -> None: ...  # None hides the countdown

    def hide(self) -> None: ...
