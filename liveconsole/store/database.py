"""Where the data lives: the database URL, the engine with its SQLite settings, schema upgrades."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "LiveConsole"
ENV_VAR = "LIVECONSOLE_DB"
MIGRATIONS = Path(__file__).with_name("migrations")

_SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    # FULL syncs the WAL on every commit: an event the app reported as logged survives a power cut.
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)


def default_url() -> str:
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return _sqlite_url(folder / "liveconsole.db")


def resolve_url(arg: str | None) -> str:
    """The `--db` argument, else $LIVECONSOLE_DB, else the file in the user data dir.

    A value without a scheme is a file path."""
    for candidate in (arg, os.environ.get(ENV_VAR)):
        if candidate and candidate.strip():
            candidate = candidate.strip()
            return candidate if "://" in candidate else _sqlite_url(Path(candidate))
    return default_url()


def _sqlite_url(path: Path) -> str:
    return "sqlite:///" + Path(path).expanduser().resolve().as_posix()


class Database:
    """One database behind a SQLAlchemy engine; hands out transactional ORM sessions.

    On SQLite a transaction on `engine` takes the write lock when it begins; pass `readonly=True`
    to `session()` / `connect()` for work that only reads."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        if parsed.drivername in ("postgresql", "postgres"):
            # psycopg 3 is the driver we ship; SQLAlchemy would otherwise look for psycopg2.
            parsed = parsed.set(drivername="postgresql+psycopg")
        self.url = parsed
        self.engine: Engine = create_engine(parsed)
        if self.is_sqlite:
            _configure_sqlite(self.engine)
            # Reads may share the file with a writer; only transactions that may write
            # take the lock up front.
            self._read_engine = self.engine.execution_options(sqlite_begin="DEFERRED")
        else:
            self._read_engine = self.engine
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self._read_engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str) -> Database:
        db = cls(url)
        try:
            db.upgrade()
        except BaseException:
            db.dispose()
            raise
        return db

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def upgrade(self) -> None:
        """Bring the schema to the newest migration."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    @contextmanager
    def session(self, *, readonly: bool = False) -> Iterator[Session]:
        """A session inside one transaction: committed on exit, rolled back on an exception."""
        factory = self._read_sessions if readonly else self._sessions
        with factory() as session, session.begin():
            yield session

    @contextmanager
    def connect(self, *, readonly: bool = False) -> Iterator[Connection]:
        """A Core connection inside one transaction, for statements the ORM would only slow down."""
        engine = self._read_engine if readonly else self.engine
        with engine.begin() as connection:
            yield connection

    def integrity_ok(self) -> bool:
        if not self.is_sqlite:
            return True
        try:
            with self._read_engine.connect() as connection:
                rows = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
        except DatabaseError:
            return False  # damaged beyond checking, e.g. "file is not a database"
        return rows == ["ok"]

    def dispose(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.dispose()

    def __repr__(self) -> str:
        return f"Database({self.url.render_as_string(hide_password=True)!r})"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # sqlite3 would otherwise open transactions lazily and skip SELECTs;
        # SQLAlchemy emits BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            for pragma in _SQLITE_PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock before the first read, so a writer never fails midway
        # with SQLITE_BUSY because another connection committed after it read.
        mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")

