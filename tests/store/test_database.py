"""The database URL, SQLite connection settings, sessions and integrity checks."""

from __future__ import annotations

import contextlib
import sqlite3

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from liveconsole.store import database
from liveconsole.store.database import Database, default_url, resolve_url
from liveconsole.store.models import SessionRow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv(database.ENV_VAR, raising=False)
    return tmp_path / "data"


def test_default_url_is_a_file_in_the_user_data_dir_which_it_creates(data_home):
    url = default_url()
    assert url == f"sqlite:///{data_home / 'LiveConsole' / 'liveconsole.db'}"
    assert (data_home / "LiveConsole").is_dir()


def test_resolve_url_prefers_the_argument_over_the_environment(data_home, monkeypatch):
    monkeypatch.setenv(database.ENV_VAR, "postgresql://studio/env")
    assert resolve_url("postgresql://studio/arg") == "postgresql://studio/arg"


def test_resolve_url_reads_the_environment_without_an_argument(data_home, monkeypatch):
    monkeypatch.setenv(database.ENV_VAR, "postgresql+psycopg://lab@10.0.0.5/class")
    assert resolve_url(None) == "postgresql+psycopg://lab@10.0.0.5/class"


def test_resolve_url_falls_back_to_the_user_data_file(data_home, monkeypatch):
    monkeypatch.setenv(database.ENV_VAR, "  ")
    assert resolve_url(None) == default_url()
    assert resolve_url("") == default_url()


def test_resolve_url_turns_a_relative_file_path_into_an_absolute_sqlite_url(
    data_home, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    assert resolve_url("场次/today.db") == f"sqlite:///{tmp_path / '场次' / 'today.db'}"
    monkeypatch.setenv(database.ENV_VAR, "env.db")
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"


def test_every_sqlite_connection_uses_wal_full_sync_foreign_keys_and_a_busy_timeout(tmp_path):
    with Database(f"sqlite:///{tmp_path / 'x.db'}") as db:
        with db.connect(readonly=True) as first, db.connect(readonly=True) as second:
            for connection in (first, second):
                values = {
                    name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                    for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
                }
                # synchronous 2 is FULL
                assert values == {
                    "journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000
                }


def test_a_postgresql_url_without_a_driver_uses_psycopg():
    with Database("postgresql://someone@db.invalid/live") as db:
        assert db.engine.dialect.driver == "psycopg"
        assert not db.is_sqlite


def test_open_creates_the_schema_and_opening_again_changes_nothing(db_url):
    with Database.open(db_url) as db:
        with db.session() as orm:
            orm.add(SessionRow(name="早场"))
    with Database.open(db_url) as db, db.session() as orm:
        assert orm.scalars(select(SessionRow.name)).all() == ["早场"]


def test_session_commits_on_exit_and_rolls_back_on_an_exception(db):
    with pytest.raises(RuntimeError):
        with db.session() as orm:
            orm.add(SessionRow(name="rolled back"))
            orm.flush()
            raise RuntimeError("boom")
    with db.session() as orm:
        orm.add(SessionRow(name="kept"))
    with db.session(readonly=True) as orm:
        assert orm.scalars(select(SessionRow.name)).all() == ["kept"]


def test_rows_stay_readable_after_their_session_ends(db):
    with db.session() as orm:
        row = SessionRow(name="晚场", platform="抖音")
        orm.add(row)
    assert (row.id, row.platform) == (1, "抖音")


def test_is_sqlite_tells_the_backend(db, db_url):
    assert db.is_sqlite == db_url.startswith("sqlite")


def test_integrity_ok_on_a_healthy_database(db):
    assert db.integrity_ok()


def test_integrity_ok_is_false_for_a_damaged_sqlite_file(tmp_path):
    path = tmp_path / "damaged.db"
    with Database.open(f"sqlite:///{path}") as db:
        with db.session() as orm:
            orm.add_all(SessionRow(name=f"场次 {n:05d} " + "x" * 200) for n in range(2000))
    assert not path.with_name("damaged.db-wal").exists()  # the last close folded the WAL in
    data = bytearray(path.read_bytes())
    page = 4096
    with contextlib.closing(sqlite3.connect(path)) as raw:
        (root,) = raw.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sessions'"
        ).fetchone()
    # Scribble over the sessions name index (all but its page header), whatever the schema's layout.
    start = (root - 1) * page
    data[start + 8 : start + page] = b"\xa5" * (page - 8)
    path.write_bytes(bytes(data))
    with Database(f"sqlite:///{path}") as db:
        assert not db.integrity_ok()


def test_importing_the_store_does_not_import_alembic():
    code = "import sys, liveconsole.store.database; print('alembic' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_integrity_ok_is_false_for_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes("直播脚本，不是数据库".encode() * 500)
    with Database(f"sqlite:///{path}") as db:
        assert not db.integrity_ok()
