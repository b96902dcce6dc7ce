"""Fixtures shared across the test tree: the PostgreSQL server, a fresh database per test, and OBS."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from liveconsole.store.database import Database
    from tests.helpers.obs import ObsServer
    from tests.helpers.postgres import PostgresServer

# SQLAlchemy and psycopg are imported inside the fixtures: tests without a database start fast.


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    from tests.helpers import postgres

    url = os.environ.get(postgres.ENV_URL)
    if url:
        yield postgres.external_server(url)
        return
    bindir = postgres.find_bindir()
    if bindir is None:
        message = (
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin "
            f"(apt-get install postgresql, or set {postgres.ENV_URL})"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    server = postgres.start_private_server(bindir)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """An empty database: a SQLite file, or a new PostgreSQL database dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'liveconsole.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database()
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """The database at `db_url`, migrated to the newest schema."""
    from liveconsole.store.database import Database

    database = Database.open(db_url)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture(scope="session")
def obs_server() -> Iterator[ObsServer]:
    """One real OBS Studio under Xvfb for the session (tests/obs and tests/gui share it)."""
    from tests.helpers import obs

    missing = [name for name, path in (("obs", obs.obs_binary()), ("Xvfb", obs.xvfb_binary())) if path is None]
    if missing:
        message = f"{' and '.join(missing)} not installed (apt-get install obs-studio xvfb)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    server = obs.start_private_obs()
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture
def obs(obs_server: ObsServer) -> ObsServer:
    """The session's OBS, running again if a test before killed it."""
    if obs_server.obs_pid is None:
        obs_server.start()
    return obs_server
