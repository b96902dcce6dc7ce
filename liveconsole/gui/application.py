"""The Qt application object the windows live in."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def create_application(argv: list[str]) -> QApplication:
    """The process's one QApplication (tests create theirs first), named for settings and the window system."""
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("LiveConsole")
    app.setOrganizationName("LiveConsole")
    return app  # type: ignore[return-value]
