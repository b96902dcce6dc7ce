"""Translations: `update` refreshes the .ts sources from the code and forms; `release` builds the .qm files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    files = sorted(p for p in (ROOT / "liveconsole").rglob("*.py") if "forms" not in p.parts)
    files += sorted((ROOT / "ui").glob("*.ui"))
    return [str(p.relative_to(ROOT)) for p in files]


def update(ts_dir: Path = HERE) -> None:
    for lang in LANGUAGES:
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(),
                        "-ts", str(ts_dir / f"liveconsole_{lang}.ts")],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def release() -> None:
    for lang in LANGUAGES:
        subprocess.run([tool("pyside6-lrelease"), str(HERE / f"liveconsole_{lang}.ts"),
                        "-qm", str(HERE / f"liveconsole_{lang}.qm")], check=True, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    {"update": update, "release": release}[sys.argv[1] if len(sys.argv) > 1 else "release"]()
