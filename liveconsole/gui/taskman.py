"""Runs slow work (imports, exports, database loads) off the UI thread and hands results back to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives on the UI thread; queued signals carry the outcome back to it."""

    finished = Signal(object, object)  # callback, result
    failed = Signal(object, object)  # callback, exception

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], boxed: tuple[Any]) -> None:
        callback(boxed[0])


class _Job(QRunnable):
    def __init__(self, relay: _Relay, fn: Callable[[], Any], on_done, on_error) -> None:
        super().__init__()
        self._relay, self._fn, self._on_done, self._on_error = relay, fn, on_done, on_error

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self._fn()
        except BaseException as exc:  # handed to the UI, which says what went wrong
            self._relay.failed.emit(self._on_error, (exc,))
        else:
            # Boxed: a bare None crossing threads in a queued `object` signal upsets PySide6's refcounts.
            self._relay.finished.emit(self._on_done, (result,))


class TaskManager(QObject):
    """`run(fn, on_done, on_error)`: fn runs on a worker thread, the callbacks on the UI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._relay._deliver)
        self._relay.failed.connect(self._relay._deliver)
        self._running = 0

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)

        def done(result: Any) -> None:
            self._finish()
            on_done(result)

        def error(exc: BaseException) -> None:
            self._finish()
            on_error(exc)

        self._pool.start(_Job(self._relay, fn, done, error))

    def _finish(self) -> None:
        self._running -= 1
        if self._running == 0:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)
