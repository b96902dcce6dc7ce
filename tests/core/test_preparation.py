"""Preparation against the real SQLite store: what the panels do is saved as it happens."""

from decimal import Decimal

import pytest

from liveconsole.core.preparation import Preparation
from liveconsole.core.products import InvalidProduct, Product
from liveconsole.core.session import Session
from liveconsole.store.database import Database
from liveconsole.store.repositories import ProductStore, SessionStore


@pytest.fixture
def store(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'prep.db'}")
    yield ProductStore(db), SessionStore(db)
    db.dispose()


@pytest.fixture
def prep(store):
    products, sessions = store
    session = sessions.create_session(Session("场次A"))
    saved = products.import_products([Product(f"商品{i}", sku=f"S{i}") for i in range(4)], session.id)
    prep = Preparation(products, sessions)
    prep.load(saved, session, sessions.lineup(session.id))
    return prep


def test_an_edit_is_saved_and_shown_in_the_lineup(prep, store):
    products, sessions = store
    prep.edit_product(1, live_price=Decimal("59"))
    assert products.all_products()[1].live_price == Decimal("59.00")
    assert prep.lineup[1].live_price == Decimal("59.00")


def test_an_invalid_edit_changes_nothing(prep, store):
    with pytest.raises(InvalidProduct):
        prep.edit_product(0, stock=-5)
    assert prep.library[0].stock is None and store[0].all_products()[0].stock is None


def test_removing_a_product_takes_it_out_of_the_saved_lineup(prep, store):
    products, sessions = store
    prep.remove_product(0)
    assert [p.sku for p in sessions.lineup(prep.session.id)] == ["S1", "S2", "S3"]
    assert len(products.all_products()) == 3


def test_reordering_the_lineup_is_saved(prep, store):
    prep.move_in_lineup(3, 0)
    assert [p.sku for p in store[1].lineup(prep.session.id)] == ["S3", "S0", "S1", "S2"]


def test_a_product_joins_a_lineup_once(prep):
    assert not prep.add_to_lineup(prep.library[0])
    assert len(prep.lineup) == 4


def test_nothing_is_editable_before_the_store_is_attached():
    with pytest.raises(RuntimeError):
        Preparation().add_product(Product("x"))
