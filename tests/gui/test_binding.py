"""The Qt binding must keep Python's reference counts: a live session runs for hours."""

import subprocess
import sys
import textwrap


def test_calls_returning_nothing_do_not_drain_none_in_a_long_session():
    # PySide6 6.12.0 on CPython 3.11 dropped a reference to None on such calls; after about
    # 50 minutes the interpreter aborted ("none_dealloc"). Run apart so a crash fails, not kills, the suite.
    code = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication, QWidget
        app = QApplication([])
        widget = QWidget()
        widget.show()
        before = sys.getrefcount(None)
        for _ in range(20000):
            widget.update()
            widget.setWindowTitle("直播中控台")
            QCoreApplication.processEvents()
        print(sys.getrefcount(None) - before)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert int(result.stdout.strip().splitlines()[-1]) > -100
