"""Windows built by the composition root on a real SQLite store, offscreen."""

from __future__ import annotations

import pytest

from liveconsole import app as root


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    """Settings and the default database go to a temp dir, never the user's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("LIVECONSOLE_DB", raising=False)


def _open(qtbot, launch: root.Launch):
    _app, window = root.build(launch, offscreen=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.session_loaded, timeout=20000):
        window.show()
    return window


@pytest.fixture
def demo_window(qtbot):
    """The main window on the bundled sample session, in Chinese."""
    window = _open(qtbot, root.Launch(demo=True, language="zh_CN"))
    yield window
    root._close(window)


@pytest.fixture
def english_window(qtbot, tmp_path):
    window = _open(qtbot, root.Launch(db=f"sqlite:///{tmp_path / 'en.db'}", language="en"))
    yield window
    root._close(window)
