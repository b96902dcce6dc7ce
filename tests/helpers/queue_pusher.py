"""A child process for the crash test: the real app, offscreen, pushing products by key until killed.

Each line `pushed SEQ KEY` is printed only after the key press returned, when the push is committed.
"""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def main(url: str) -> None:
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest

    from liveconsole import app as root

    _app, window = root.build(root.Launch(db=url, language="en"), offscreen=True)
    loop = QEventLoop()
    window.session_loaded.connect(loop.quit)
    window.show()
    loop.exec()
    print("ready", flush=True)
    while True:
        queue = window.room.queue
        if queue.up_next is None:
            QTest.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)  # walk back, logged too
            continue
        QTest.keyClick(window, Qt.Key.Key_F5)
        pushed = window.room.queue.explaining
        print(f"pushed {len(queue.items)} {pushed.key}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
