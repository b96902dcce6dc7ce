"""A private PostgreSQL cluster for the test run, or an existing server named by the environment."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field

import psycopg
from sqlalchemy.engine import URL, make_url

ENV_URL = "LIVECONSOLE_TEST_PG_URL"


def find_bindir() -> str | None:
    """The newest installed server's bin folder (Debian layout)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version_key)
    return os.path.dirname(found[-1]) if found else None


def _version_key(path: str) -> tuple[int, ...]:
    version = path.split("/")[-3]
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class PostgresServer:
    """A server the tests create and drop databases on; `admin_url` names its `postgres` db."""

    admin_url: URL
    data_dir: str | None = None
    _bindir: str | None = field(default=None, repr=False)

    def url(self, database: str) -> str:
        return self.admin_url.set(database=database).render_as_string(hide_password=False)

    def _admin_conninfo(self) -> str:
        return self.admin_url.set(drivername="postgresql").render_as_string(hide_password=False)

    def create_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:16]}"
        with psycopg.connect(self._admin_conninfo(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        with psycopg.connect(self._admin_conninfo(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.data_dir is None:
            return
        _run_as_postgres(
            [f"{self._bindir}/pg_ctl", "-D", f"{self.data_dir}/data", "-m", "fast", "-w", "stop"]
        )
        shutil.rmtree(self.data_dir, ignore_errors=True)
        self.data_dir = None


def _as_postgres(argv: list[str]) -> list[str]:
    # The server refuses to run as root.
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


def _run_as_postgres(argv: list[str]) -> None:
    done = subprocess.run(_as_postgres(argv), capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


def external_server(url: str) -> PostgresServer:
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return PostgresServer(admin_url=parsed)


def start_private_server(bindir: str, attempts: int = 3) -> PostgresServer:
    """initdb + pg_ctl start on a free port, trusting local connections as user `postgres`."""
    base = tempfile.mkdtemp(prefix="liveconsole-pg-")
    try:
        if os.geteuid() == 0:
            shutil.chown(base, user="postgres", group="postgres")
        data = f"{base}/data"
        _run_as_postgres(
            [f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres",
             "-E", "UTF8", "--no-locale", "--no-sync"]
        )
        for attempt in range(attempts):
            port = _free_port()
            options = f"-k {base} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off"
            try:
                _run_as_postgres(
                    [f"{bindir}/pg_ctl", "-D", data, "-o", options, "-l", f"{base}/log",
                     "-w", "start"]
                )
                break
            except RuntimeError:
                # Another process may have taken the port between probing and binding.
                if attempt == attempts - 1:
                    raise
        admin = URL.create(
            "postgresql+psycopg",
            username="postgres",
            host="127.0.0.1",
            port=port,
            database="postgres",
        )
        return PostgresServer(admin_url=admin, data_dir=base, _bindir=bindir)
    except BaseException:
        shutil.rmtree(base, ignore_errors=True)
        raise
