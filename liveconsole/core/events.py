"""Typed change notifications for core models (napari-style `model.events.<name>`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Signal(Generic[T]):
    """A list of callbacks called in order with one typed payload."""

    __slots__ = ("_callbacks", "name")

    def __init__(self, name: str = "") -> None:
        self.name = name
        self._callbacks: list[Callable[[T], Any]] = []

    def connect(self, callback: Callable[[T], Any]) -> Callable[[T], Any]:
        self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callable[[T], Any]) -> None:
        self._callbacks.remove(callback)

    def emit(self, payload: T) -> None:
        for callback in list(self._callbacks):
            callback(payload)

    def emit_guarded(self, payload: T, on_error: Callable[[Callable[[T], Any], Exception], Any]) -> None:
        """Like `emit`, but a callback that raises is handed to `on_error` and the rest still run.

        For emitters on their own thread (adapters), where no caller is there to see the exception.
        """
        for callback in list(self._callbacks):
            try:
                callback(payload)
            except Exception as exc:
                on_error(callback, exc)

    def __len__(self) -> int:
        return len(self._callbacks)


@dataclass(frozen=True)
class Inserted(Generic[T]):
    index: int
    item: T


@dataclass(frozen=True)
class Removed(Generic[T]):
    index: int
    item: T


@dataclass(frozen=True)
class Moved(Generic[T]):
    source: int
    target: int
    item: T


@dataclass(frozen=True)
class Changed(Generic[T]):
    index: int
    item: T
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Reset(Generic[T]):
    items: tuple[T, ...]


class ListEvents(Generic[T]):
    """The events every ordered core collection emits."""

    def __init__(self) -> None:
        self.inserted: Signal[Inserted[T]] = Signal("inserted")
        self.removed: Signal[Removed[T]] = Signal("removed")
        self.moved: Signal[Moved[T]] = Signal("moved")
        self.changed: Signal[Changed[T]] = Signal("changed")
        self.reset: Signal[Reset[T]] = Signal("reset")
