"""The migrations build exactly the tables the models describe, with their constraints."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, inspect, select
from sqlalchemy.exc import IntegrityError, StatementError

from liveconsole.store.database import MIGRATIONS, Database
from liveconsole.store.models import EventRow, LineupItemRow, ProductRow, SessionRow, metadata


def _differences(db: Database, target: MetaData) -> list:
    with db.connect(readonly=True) as connection:
        return compare_metadata(MigrationContext.configure(connection), target)


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def test_migrated_schema_matches_the_models(db):
    assert _differences(db, metadata) == []


def test_schema_comparison_notices_a_column_the_migrations_lack(db):
    changed = MetaData(naming_convention=dict(metadata.naming_convention))
    for table in metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["products"].append_column(Column("weight_g", Integer))
    differences = _differences(db, changed)
    assert [(d[0], d[3].name) for d in differences] == [("add_column", "weight_g")]


def test_migrations_form_one_line_and_the_database_sits_at_its_head(db):
    heads = ScriptDirectory.from_config(_alembic_config()).get_heads()
    assert len(heads) == 1
    with db.connect(readonly=True) as connection:
        assert MigrationContext.configure(connection).get_current_heads() == tuple(heads)


def test_downgrade_to_base_removes_every_table(db):
    with db.engine.begin() as connection:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with db.connect(readonly=True) as connection:
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}


def test_a_session_cannot_log_the_same_seq_twice(db):
    now = datetime.now(timezone.utc)
    with db.session() as orm:
        orm.add(SessionRow(id=1, name="s"))
    event = dict(session_id=1, seq=1, mono_ns=1, wall_time=now, type="t", payload={})
    with pytest.raises(IntegrityError):
        with db.session() as orm:
            orm.add_all([EventRow(**event), EventRow(**{**event, "mono_ns": 2})])


def test_a_lineup_slot_must_name_a_stored_product(db):
    with db.session() as orm:
        orm.add(SessionRow(id=1, name="s"))
    with pytest.raises(IntegrityError):
        with db.session() as orm:
            orm.add(LineupItemRow(session_id=1, position=0, product_id=99))


def test_deleting_a_session_deletes_its_lineup_but_not_the_products(db):
    with db.session() as orm:
        orm.add_all([SessionRow(id=1, name="s"), ProductRow(id=7, title="保温杯")])
        orm.flush()
        orm.add(LineupItemRow(session_id=1, position=0, product_id=7))
    with db.session() as orm:
        orm.delete(orm.get(SessionRow, 1))
    with db.session(readonly=True) as orm:
        assert orm.scalars(select(LineupItemRow)).all() == []
        assert orm.scalars(select(ProductRow.title)).all() == ["保温杯"]


def test_times_come_back_as_the_same_instant_in_utc(db):
    beijing = timezone(timedelta(hours=8))
    start = datetime(2025, 11, 11, 20, 0, 0, 123456, tzinfo=beijing)
    with db.session() as orm:
        orm.add(SessionRow(id=1, name="双十一", planned_start=start))
    with db.session(readonly=True) as orm:
        stored = orm.get(SessionRow, 1).planned_start
    assert stored == start
    assert stored.utcoffset() == timedelta(0)


def test_a_time_without_a_zone_is_refused(db):
    with pytest.raises(StatementError) as raised:
        with db.session() as orm:
            orm.add(SessionRow(name="naive", planned_start=datetime(2025, 1, 1, 20, 0)))
    assert isinstance(raised.value.orig, ValueError)
