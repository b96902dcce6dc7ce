import json

import pytest

from liveconsole.store.settings import SCHEMA, Settings


def test_defaults_come_from_the_schema_when_there_is_no_file(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    assert settings["language"] == "auto"
    assert {o.name for o in SCHEMA} >= {"language", "last_session"}


def test_saved_values_come_back(tmp_path):
    path = tmp_path / "cfg" / "settings.json"
    settings = Settings(path)
    settings["language"] = "zh_CN"
    settings["last_session"] = "6月18日 美妆专场"
    settings.save()
    again = Settings(path)
    assert again["language"] == "zh_CN" and again["last_session"] == "6月18日 美妆专场"


def test_a_value_outside_the_choices_is_refused(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(ValueError):
        settings["language"] = "klingon"


def test_a_damaged_or_hand_edited_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert Settings(path)["language"] == "auto"
    path.write_text(json.dumps({"language": 5, "unknown": 1, "last_session": "A"}), encoding="utf-8")
    settings = Settings(path)
    assert settings["language"] == "auto" and settings["last_session"] == "A"
