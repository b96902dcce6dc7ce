"""The layer rule: the core sees nothing of Qt, databases or devices; adapters see no Qt."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_imports_with_outer_libraries_made_unimportable():
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        BLOCKED = ("PySide6", "shiboken6", "pyqtgraph", "sqlalchemy", "alembic", "cv2", "sounddevice",
                   "obswebsocket", "openpyxl", "numpy", "psycopg")
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in BLOCKED:
                    raise ImportError("blocked: " + name)
        sys.meta_path.insert(0, Block())
        import liveconsole.core as core
        for info in pkgutil.walk_packages(core.__path__, "liveconsole.core."):
            importlib.import_module(info.name)
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr


def test_adapters_import_without_qt():
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"):
                    raise ImportError("blocked: " + name)
        sys.meta_path.insert(0, Block())
        for package in ("store", "io", "obs", "devices", "sources"):
            top = importlib.import_module("liveconsole." + package)
            for info in pkgutil.walk_packages(top.__path__, top.__name__ + "."):
                importlib.import_module(info.name)
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr


def test_only_the_gui_package_imports_qt_widgets_or_pyqtgraph():
    """Checked in the source, function-level imports included: the import-linter sees only top-level packages."""
    import ast

    offenders = []
    for path in sorted((ROOT / "liveconsole").rglob("*.py")):
        if "gui" in path.relative_to(ROOT / "liveconsole").parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                if name.startswith(("PySide6.QtWidgets", "PySide6.QtGui", "pyqtgraph")):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []
