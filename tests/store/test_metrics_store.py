from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import delete

from liveconsole.core.metrics import Sample
from liveconsole.core.session import Session
from liveconsole.store.metrics import MetricStore
from liveconsole.store.models import SessionRow
from liveconsole.store.repositories import SessionStore

BEIJING = timezone(timedelta(hours=8))
T0 = datetime(2025, 11, 11, 20, 0, tzinfo=BEIJING)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def session_id(db) -> int:
    return SessionStore(db).create_session(Session("双11 美妆专场")).id


@pytest.fixture
def store(db) -> MetricStore:
    return MetricStore(db)


def test_saved_samples_read_back_with_every_field_and_unknowns_left_unknown(store, session_id):
    full = Sample(at(0), online=3500, uv=80_000, pv=250_000, new_followers=300, likes=900_000, comments=6_000,
                  shares=2_000, product_exposures=120_000, product_clicks=30_000, orders=4_600, items=5_100,
                  buyers=4_200, gmv=Decimal("627437.50"), avg_watch_s=92.5)
    sparse = Sample(at(1), gmv=Decimal("627500"))
    assert store.save_samples(session_id, [full, sparse], source="ingest") == 2
    back = store.samples(session_id)
    assert back == [full, sparse]
    assert back[1].online is None and back[1].gmv == Decimal("627500.00")
    assert back[0].t == at(0) and back[0].t.utcoffset() is not None


def test_samples_come_back_in_time_order_whatever_order_they_were_saved_in(store, session_id):
    store.save_samples(session_id, [Sample(at(120), online=3)])
    store.save_samples(session_id, [Sample(at(0), online=1), Sample(at(60), online=2)])
    assert [s.online for s in store.samples(session_id)] == [1, 2, 3]


def test_arrivals_at_the_same_time_merge_field_by_field_with_the_later_winning(store, session_id):
    store.save_samples(session_id, [Sample(at(0), online=3500, gmv=Decimal(100))], source="ingest")
    store.save_samples(session_id, [Sample(at(0), online=3600, orders=7)], source="manual")
    assert store.samples(session_id) == [Sample(at(0), online=3600, gmv=Decimal(100), orders=7)]
    assert store.count(session_id) == 2  # every arrival is kept


def test_several_sources_are_saved_in_one_call(store, session_id):
    store.save_arrivals(session_id, [("ingest", Sample(at(0), online=1)), ("manual", Sample(at(1), gmv=Decimal(5)))])
    assert store.count(session_id) == 2


def test_samples_of_one_session_are_not_read_with_another(db, store, session_id):
    other = SessionStore(db).create_session(Session("另一场")).id
    store.save_samples(session_id, [Sample(at(0), online=1)])
    store.save_samples(other, [Sample(at(0), online=2)])
    assert [s.online for s in store.samples(other)] == [2]


def test_saving_for_an_unknown_session_is_refused_and_stores_nothing(store, session_id):
    with pytest.raises(KeyError):
        store.save_samples(session_id + 100, [Sample(at(0), online=1)])
    assert store.count(session_id + 100) == 0


def test_a_batch_the_database_refuses_halfway_stores_none_of_it(store, session_id):
    garbage = Sample(at(2), online=1)
    object.__setattr__(garbage, "online", 2**70)  # past every integer column, as a broken source might send
    with pytest.raises(Exception):  # noqa: B017 - each backend refuses it with its own error
        store.save_samples(session_id, [Sample(at(0), online=1), Sample(at(1), online=2), garbage])
    assert store.count(session_id) == 0


def test_a_source_name_longer_than_the_column_is_refused_before_anything_is_written(store, session_id):
    with pytest.raises(ValueError):
        store.save_samples(session_id, [Sample(at(0), online=1)], source="x" * 33)
    assert store.count(session_id) == 0


def test_deleting_a_session_deletes_its_samples(db, store, session_id):
    store.save_samples(session_id, [Sample(at(0), online=1)])
    with db.session() as orm:
        orm.execute(delete(SessionRow).where(SessionRow.id == session_id))
    assert store.count(session_id) == 0


def test_a_six_hour_session_saved_second_by_second_reads_back_whole(store, session_id):
    samples = [Sample(at(s), online=1000 + s % 97, gmv=Decimal(s * 10), orders=s) for s in range(6 * 3600)]
    for start in range(0, len(samples), 3600):
        store.save_samples(session_id, samples[start:start + 3600], source="simulator")
    back = store.samples(session_id)
    assert len(back) == 6 * 3600
    assert back[-1] == samples[-1]
