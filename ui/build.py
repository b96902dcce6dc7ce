"""Compile the Designer forms in ui/ into liveconsole/gui/forms/ui_*.py (`--check`: verify only)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

UI_DIR = Path(__file__).resolve().parent
FORMS_DIR = UI_DIR.parent / "liveconsole" / "gui" / "forms"
# The generator's version line changes with every PySide6 release; it carries no layout.
_VERSION_LINE = re.compile(r"^## Created by: Qt User Interface Compiler version .*$", re.M)


def uic() -> str:
    exe = Path(sys.executable).with_name("pyside6-uic")
    return str(exe) if exe.exists() else (shutil.which("pyside6-uic") or "pyside6-uic")


def compile_form(ui_file: Path, out: Path) -> None:
    subprocess.run([uic(), str(ui_file), "-o", str(out)], check=True)


def stale_forms() -> list[str]:
    """Names of forms whose compiled module differs from what the .ui gives now."""
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for ui_file in sorted(UI_DIR.glob("*.ui")):
            target = FORMS_DIR / f"ui_{ui_file.stem}.py"
            fresh = Path(tmp) / target.name
            compile_form(ui_file, fresh)
            committed = target.read_text("utf-8") if target.exists() else ""
            if _VERSION_LINE.sub("", committed) != _VERSION_LINE.sub("", fresh.read_text("utf-8")):
                stale.append(ui_file.name)
    return stale


def main(argv: list[str]) -> int:
    if "--check" in argv:
        stale = stale_forms()
        for name in stale:
            print(f"out of date: {name} (run: python ui/build.py)")
        return 1 if stale else 0
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        compile_form(ui_file, FORMS_DIR / f"ui_{ui_file.stem}.py")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
