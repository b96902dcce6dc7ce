"""The command-line contract, run as a user would: a separate process per command."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from liveconsole import __version__

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "samples"


@pytest.fixture
def run(tmp_path):
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               QT_QPA_PLATFORM="offscreen")
    env.pop("LIVECONSOLE_DB", None)

    def run(*args: str, db: str | None = None) -> subprocess.CompletedProcess:
        argv = [sys.executable, "-m", "liveconsole", *args]
        if db:
            argv += ["--db", db]
        return subprocess.run(argv, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)

    return run


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'cli.db'}"


def test_version_is_printed(run):
    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_session_create_prints_json_and_refuses_a_taken_name(run, db):
    first = run("session", "create", "6月18日 美妆专场", "--platform", "抖音", "--start", "2026-06-18T20:00+08:00",
                "--minutes", "240", "--gmv-target", "100万", db=db)
    assert first.returncode == 0, first.stderr
    created = json.loads(first.stdout)
    assert created["name"] == "6月18日 美妆专场" and isinstance(created["id"], int)
    assert created["gmv_target"] == "1000000.00" and created["planned_minutes"] == 240
    again = run("session", "create", "6月18日 美妆专场", db=db)
    assert again.returncode == 2


def test_import_into_a_session_makes_its_lineup_in_file_order_and_exports_back(run, db, tmp_path):
    assert run("session", "create", "S1", db=db).returncode == 0
    result = run("products", "import", str(SAMPLES / "demo_lineup.xlsx"), "--session", "S1", db=db)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["imported"] == 36 and "warnings" in summary and "encoding" in summary
    out = tmp_path / "lineup.csv"
    assert run("products", "export", str(out), "--session", "S1", db=db).returncode == 0
    rows = list(csv.reader(out.read_text("utf-8-sig").splitlines(keepends=True)))
    assert rows[0][:2] == ["链接号", "商品名称"]
    assert [row[0] for row in rows[1:]] == [str(n) for n in range(1, 37)]


def test_gbk_csv_import_reports_its_encoding(run, db):
    result = run("products", "import", str(SAMPLES / "demo_lineup_gbk.csv"), db=db)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["encoding"] == "gb18030"


def test_a_bad_file_exits_2_names_row_and_column_in_chinese_and_changes_nothing(run, db, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("商品名称,直播价\n洗面奶,9.9\n", encoding="utf-8")
    assert run("products", "import", str(good), db=db).returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("6月18日 排品表,,\n商品名称,直播价,库存\n面膜,29,100\n口红,abc,10\n眼霜,59,-1\n", encoding="utf-8")
    result = run("--lang", "zh_CN", "products", "import", str(bad), db=db)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert any("第 4 行" in line and "直播价" in line and "abc" in line for line in lines), lines
    assert any("第 5 行" in line and "库存" in line for line in lines), lines
    out = tmp_path / "after.csv"
    run("products", "export", str(out), db=db)
    rows = list(csv.reader(out.read_text("utf-8-sig").splitlines(keepends=True)))
    assert [row[1] for row in rows[1:]] == ["洗面奶"]


def test_english_error_lines_when_asked(run, db, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("商品名称,直播价\n口红,abc\n", encoding="utf-8")
    result = run("--lang", "en", "products", "import", str(bad), db=db)
    assert result.returncode == 2
    assert "row 2" in result.stderr and "is not a number" in result.stderr


def test_import_into_an_unknown_session_exits_2(run, db):
    result = run("--lang", "en", "products", "import", str(SAMPLES / "demo_lineup.xlsx"), "--session", "无此场次",
                 db=db)
    assert result.returncode == 2 and "无此场次" in result.stderr


@pytest.mark.postgres
def test_the_same_commands_work_on_postgresql(run, postgres_server):
    name = postgres_server.create_database()
    try:
        url = postgres_server.url(name)
        assert run("session", "create", "PG场", db=url).returncode == 0
        result = run("products", "import", str(SAMPLES / "demo_lineup.xlsx"), "--session", "PG场", db=url)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["imported"] == 36
    finally:
        postgres_server.drop_database(name)


def test_screenshot_of_the_demo_main_window(run, tmp_path):
    out = tmp_path / "main.png"
    result = run("screenshot", "main", str(out), "--demo")
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 20_000


def test_screenshot_of_the_metrics_dock_with_six_simulated_hours(run, tmp_path):
    out = tmp_path / "metrics.png"
    result = run("screenshot", "metrics", str(out), "--demo")
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    assert out.stat().st_size > 40_000  # four charts and six tiles, not an empty frame


def test_session_events_prints_the_log_one_json_object_per_line(run, db, tmp_path):
    from liveconsole.core.queue import ProductQueue
    from liveconsole.store.clock import SystemClock
    from liveconsole.workspace import Workspace

    assert run("session", "create", "S1", db=db).returncode == 0
    assert run("products", "import", str(SAMPLES / "demo_lineup.xlsx"), "--session", "S1", db=db).returncode == 0
    workspace = Workspace.open(db)
    try:
        session = workspace.session_named("S1")
        queue = ProductQueue(workspace.sessions.lineup(session.id), SystemClock(), workspace.events, session.id)
        queue.push_next()
        queue.push_link(7)
    finally:
        workspace.close()
    result = run("session", "events", "--session", "S1", "--json", db=db)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["type"] for e in events] == ["queue.open", "queue.push", "queue.push"]
    assert events[2]["payload"]["link_no"] == 7 and "wall_time" in events[2]
    assert run("session", "events", "--session", "无", "--json", db=db).returncode == 2


def test_script_import_and_export_round_trip_with_chinese_times(run, db, tmp_path):
    assert run("session", "create", "S1", db=db).returncode == 0
    assert run("products", "import", str(SAMPLES / "demo_lineup.xlsx"), "--session", "S1", db=db).returncode == 0
    result = run("script", "import", str(SAMPLES / "demo_script.xlsx"), "--session", "S1", db=db)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["imported"] >= 20 and summary["product_scripts"] >= 10
    out = tmp_path / "script.csv"
    assert run("script", "export", str(out), "--session", "S1", db=db).returncode == 0
    again = run("script", "import", str(out), "--session", "S1", db=db)
    assert again.returncode == 0 and json.loads(again.stdout)["imported"] == summary["imported"]


def test_a_bad_script_exits_2_with_row_and_column_and_keeps_the_old_one(run, db, tmp_path):
    assert run("session", "create", "S1", db=db).returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("时间,环节,时长,内容\n20:00,开场,5分钟,欢迎\n20:05,暖场,很久,福利\n", encoding="utf-8")
    result = run("--lang", "zh_CN", "script", "import", str(bad), "--session", "S1", db=db)
    assert result.returncode == 2
    assert any("第 3 行" in line and "时长" in line for line in result.stderr.splitlines()), result.stderr
