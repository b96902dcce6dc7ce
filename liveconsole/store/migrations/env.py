"""Alembic environment: migrates the connection handed over, else the database the app opens."""

from __future__ import annotations

from alembic import context

from liveconsole.store.models import metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",  # type: ignore[attr-defined]
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_from_url() -> None:
    from liveconsole.store.database import Database, resolve_url

    url = context.config.get_main_option("sqlalchemy.url") or resolve_url(None)
    db = Database(url)
    try:
        with db.engine.begin() as connection:
            _run(connection)
    finally:
        db.dispose()


if context.is_offline_mode():
    raise SystemExit("LiveConsole migrations run against a live database only")

connection = context.config.attributes.get("connection")
if connection is None:
    _run_from_url()
else:
    _run(connection)
