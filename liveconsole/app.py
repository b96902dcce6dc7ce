"""The composition root: builds the store, the core and the windows, and wires them together."""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Launch:
    db: str | None = None
    demo: bool = False
    language: str | None = None  # overrides the setting for this run
    settings_path: Path | None = None


def _prepare_environment(offscreen: bool) -> None:
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Qt's own fonts dir is empty in the wheel; point it at the system's so CJK glyphs resolve.
    if Path("/usr/share/fonts").is_dir():
        os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts")


def _open_store(launch: Launch, demo_dir: str | None, session_name: str):
    """Runs on a worker thread: opens (and migrates) the store, fills the demo, reads a snapshot."""
    from liveconsole.workspace import Workspace

    url = f"sqlite:///{Path(demo_dir) / 'demo.db'}" if demo_dir else launch.db
    workspace = Workspace.open(url)
    if launch.demo:
        session_name = workspace.fill_demo().name
    return workspace, workspace.snapshot(session_name or None)


def build(launch: Launch, offscreen: bool = False):
    """Create the application and the main window; the store opens after the first paint."""
    _prepare_environment(offscreen)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from liveconsole.core.preparation import Preparation
    from liveconsole.gui.i18n import Translators, resolve_language
    from liveconsole.gui.mainwindow import MainWindow
    from liveconsole.gui.taskman import TaskManager
    from liveconsole.store.settings import Settings, default_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("LiveConsole")
    app.setOrganizationName("LiveConsole")
    demo_dir = tempfile.mkdtemp(prefix="liveconsole-demo-") if launch.demo else None
    settings_path = launch.settings_path
    if settings_path is None:
        settings_path = Path(demo_dir) / "settings.json" if demo_dir else default_path()
    settings = Settings(settings_path)
    translators = Translators()
    # The sample session is a Chinese room's: the demo speaks Chinese unless told otherwise.
    language = launch.language or ("zh_CN" if launch.demo else settings["language"])
    translators.install(resolve_language(language))
    tasks = TaskManager()
    window = MainWindow(Preparation(), tasks, settings, translators)
    window.state = {"demo_dir": demo_dir, "tasks": tasks}

    def opened(result) -> None:
        workspace, snapshot = result
        window.open_workspace(workspace, snapshot)

    def failed(exc: BaseException) -> None:
        window.store_failed(exc, show_dialog=not offscreen)

    QTimer.singleShot(0, lambda: tasks.run(
        lambda: _open_store(launch, demo_dir, settings["last_session"]), opened, failed))
    return app, window


def _close(window) -> None:
    window.state["tasks"].wait()
    window.translators.uninstall()
    if window.workspace is not None:
        window.workspace.close()
    if window.state["demo_dir"]:
        import shutil

        shutil.rmtree(window.state["demo_dir"], ignore_errors=True)


def _destroy(window) -> None:
    """Delete the widgets now, while Python can still answer their model calls."""
    import shiboken6

    shiboken6.delete(window)


def run(launch: Launch) -> int:
    app, window = build(launch)
    window.show()
    code = app.exec()
    _close(window)
    _destroy(window)
    return code


def screenshot(name: str, out: Path, launch: Launch, timeout_s: float = 30.0) -> int:
    """Render a window offscreen once its data is shown, save it as PNG."""
    from PySide6.QtCore import QEventLoop, QTimer

    app, window = build(launch, offscreen=True)
    window.resize(1400, 860)
    window.show()
    loop = QEventLoop()
    window.session_loaded.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    poll = QTimer()
    poll.timeout.connect(lambda: window.store_error is not None and loop.quit())
    poll.start(50)
    loop.exec()
    poll.stop()
    app.processEvents()
    targets = {"main": window}
    if name not in targets:
        print(f"unknown window: {name} (known: {', '.join(targets)})", file=sys.stderr)
        _close(window)
        _destroy(window)
        return 2
    ok = targets[name].grab().save(str(out))
    _close(window)
    error = window.store_error
    _destroy(window)
    if error is not None:
        print(str(error), file=sys.stderr)
        return 1
    return 0 if ok else 1
