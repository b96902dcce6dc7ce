import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "resources" / "translations"))
import build as translations  # noqa: E402


def _messages(ts: Path) -> dict[str, str | None]:
    found = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        done = translation is not None and translation.get("type") not in ("unfinished", "obsolete")
        found[message.findtext("source")] = translation.text if done else None
    return found


def test_every_user_facing_string_has_a_chinese_translation(tmp_path):
    committed = ROOT / "resources" / "translations" / "liveconsole_zh_CN.ts"
    shutil.copy(committed, tmp_path / committed.name)
    translations.update(tmp_path)
    fresh = _messages(tmp_path / committed.name)
    missing = sorted(source for source, text in fresh.items() if not text)
    assert not missing, f"untranslated (run resources/translations/build.py update): {missing}"
    assert set(fresh) == set(_messages(committed)), "the .ts file is out of date with the code"


def test_the_release_step_builds_the_chinese_catalogue():
    translations.release()
    assert (ROOT / "resources" / "translations" / "liveconsole_zh_CN.qm").stat().st_size > 1000
