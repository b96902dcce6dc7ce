"""Products, sessions and lineups survive a trip through the database unchanged."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liveconsole.core.products import Category, InvalidProduct, Product
from liveconsole.core.session import Session
from liveconsole.store import repositories
from liveconsole.store.repositories import ProductStore, SessionExists, SessionStore

# PostgreSQL text cannot hold NUL, and lone surrogates are not UTF-8.
text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
chinese = st.text(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=20
)
money = st.none() | st.decimals(
    min_value=0, max_value=Decimal("9999999999.99"), places=2, allow_nan=False, allow_infinity=False
)
int32 = st.integers(min_value=0, max_value=2**31 - 1)

products = st.builds(
    Product,
    title=(text | chinese).filter(lambda t: t.strip()),
    link_no=st.none() | int32,
    sku=text,
    list_price=money,
    live_price=money,
    stock=st.none() | int32,
    category=st.sampled_from(Category),
    selling_points=st.lists(text | chinese, max_size=5).map(tuple),
    image_path=text,
    notes=st.lists(st.tuples(text | chinese, text | chinese), max_size=5).map(tuple),
)
per_database = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def product_store(db) -> ProductStore:
    return ProductStore(db)


@pytest.fixture
def session_store(db) -> SessionStore:
    return SessionStore(db)


def cup(**changes) -> Product:
    values = dict(title="保温杯 500ml", sku="CUP-500", list_price="99", live_price="59.9")
    return Product(**{**values, "stock": 200, **changes})


@per_database
@given(product=products)
def test_a_saved_product_reads_back_with_every_field_equal(product_store, product):
    saved = product_store.save_product(product)
    assert saved.id is not None
    assert product_store.product(saved.id) == saved == product.with_changes(id=saved.id)


def test_money_keeps_two_places_at_the_column_limit(product_store):
    saved = product_store.save_product(cup(list_price="9999999999.99", live_price="0.01"))
    stored = product_store.product(saved.id)
    assert (stored.list_price, stored.live_price) == (Decimal("9999999999.99"), Decimal("0.01"))
    assert str(stored.live_price) == "0.01"


def test_saving_a_product_with_an_id_updates_it_in_place(product_store):
    saved = product_store.save_product(cup())
    edited = saved.with_changes(stock=0, selling_points=("买一送一",))
    product_store.save_product(edited)
    assert product_store.all_products() == [edited]


def test_saving_an_invalid_product_raises_and_stores_nothing(product_store):
    with pytest.raises(InvalidProduct):
        product_store.save_product(cup(stock=-1))
    assert product_store.all_products() == []


def test_saving_a_product_under_an_unknown_id_raises_key_error(product_store):
    with pytest.raises(KeyError):
        product_store.save_product(cup(id=12345))


def test_deleting_a_product_removes_it_from_every_lineup(product_store, session_store):
    a, b = (product_store.save_product(cup(sku=s)) for s in ("A", "B"))
    morning, evening = (session_store.create_session(Session(n)) for n in ("早场", "晚场"))
    session_store.save_lineup(morning.id, [a.id, b.id])
    session_store.save_lineup(evening.id, [b.id, a.id])
    product_store.delete_product(a.id)
    assert session_store.lineup(morning.id) == [b]
    assert session_store.lineup(evening.id) == [b]
    assert product_store.all_products() == [b]


def test_deleting_an_unknown_product_raises_key_error(product_store):
    with pytest.raises(KeyError):
        product_store.delete_product(404)


def test_import_updates_products_by_key_keeping_their_ids_and_adds_new_ones(product_store):
    by_sku = product_store.save_product(cup(sku="CUP-500", stock=1))
    by_title = product_store.save_product(Product(title="福袋", sku=""))
    saved = product_store.import_products(
        [
            cup(sku=" CUP-500 ", title="保温杯（新款）", stock=300),
            Product(title=" 福袋 ", live_price="9.9"),
            Product(title="口红", sku="LIP-01"),
        ]
    )
    assert [p.id for p in saved[:2]] == [by_sku.id, by_title.id]
    assert saved[2].id not in (by_sku.id, by_title.id)
    assert product_store.product(by_sku.id).stock == 300
    assert product_store.product(by_title.id).live_price == Decimal("9.90")
    assert sorted(p.key for p in product_store.all_products()) == ["CUP-500", "LIP-01", "福袋"]


def test_import_makes_the_lineup_exactly_the_imported_products_in_order(
    product_store, session_store
):
    session = session_store.create_session(Session("双十一"))
    old = product_store.save_product(cup(sku="OLD"))
    session_store.save_lineup(session.id, [old.id])
    rows = [cup(sku="C"), cup(sku="A"), cup(sku="B")]
    saved = product_store.import_products(rows, lineup_session_id=session.id)
    assert session_store.lineup(session.id) == saved
    assert [p.sku for p in session_store.lineup(session.id)] == ["C", "A", "B"]
    assert old in product_store.all_products()  # only the lineup changes, not the library


def test_import_is_all_or_nothing_when_one_row_fails_in_the_database(
    product_store, session_store
):
    session = session_store.create_session(Session("早场"))
    existing = product_store.save_product(cup(sku="A", stock=5))
    session_store.save_lineup(session.id, [existing.id])
    rows = [cup(sku="A", stock=6), cup(sku="NEW"), cup(sku="TOO-MANY", stock=2**70)]
    # The core refuses a count no database column holds, before anything is written.
    with pytest.raises(InvalidProduct):
        product_store.import_products(rows, lineup_session_id=session.id)
    assert product_store.all_products() == [existing]
    assert session_store.lineup(session.id) == [existing]


def test_import_leaves_the_products_untouched_when_writing_the_lineup_fails(
    product_store, session_store, monkeypatch
):
    session = session_store.create_session(Session("早场"))
    existing = product_store.save_product(cup(sku="A", stock=5))

    def failing_lineup(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(repositories, "_write_lineup", failing_lineup)
    with pytest.raises(RuntimeError):
        product_store.import_products([cup(sku="A", stock=6), cup(sku="B")], session.id)
    assert product_store.all_products() == [existing]


def test_import_refuses_an_invalid_row_and_changes_nothing(product_store):
    existing = product_store.save_product(cup(sku="A"))
    with pytest.raises(InvalidProduct):
        product_store.import_products([cup(sku="A", stock=9), cup(sku="B", list_price="-1")])
    assert product_store.all_products() == [existing]


def test_import_refuses_the_same_key_twice(product_store):
    with pytest.raises(ValueError, match="more than once"):
        product_store.import_products([cup(sku="A"), cup(sku=" A", title="other")])
    assert product_store.all_products() == []


def test_import_into_a_missing_session_changes_nothing(product_store):
    with pytest.raises(KeyError):
        product_store.import_products([cup(sku="A")], lineup_session_id=77)
    assert product_store.all_products() == []


def test_a_session_reads_back_with_its_plan(session_store):
    start = datetime(2025, 11, 11, 20, 0, tzinfo=timezone(timedelta(hours=8)))
    plan = Session("双十一专场", platform="抖音", planned_start=start, planned_minutes=240,
                   gmv_target="1000000.5")
    created = session_store.create_session(plan)
    assert created == plan.with_changes(id=created.id)
    assert session_store.session_by_name("双十一专场") == created
    assert session_store.session(created.id).gmv_target == Decimal("1000000.50")


def test_creating_a_session_with_a_taken_name_raises_session_exists(session_store):
    session_store.create_session(Session("早场"))
    with pytest.raises(SessionExists) as raised:
        session_store.create_session(Session("早场", platform="快手"))
    assert raised.value.name == "早场"
    assert len(session_store.sessions()) == 1


def test_sessions_are_listed_oldest_first(session_store):
    for name in ("c", "a", "b"):
        session_store.create_session(Session(name))
    assert [s.name for s in session_store.sessions()] == ["c", "a", "b"]


def test_an_unknown_session_name_reads_as_none(session_store):
    assert session_store.session_by_name("nobody") is None


def test_updating_a_session_changes_its_stored_fields(session_store):
    created = session_store.create_session(Session("早场"))
    updated = session_store.update_session(created.with_changes(name="午场", planned_minutes=90))
    assert session_store.sessions() == [updated]
    assert updated.planned_minutes == 90


def test_renaming_a_session_to_a_taken_name_raises_session_exists(session_store):
    session_store.create_session(Session("早场"))
    evening = session_store.create_session(Session("晚场"))
    with pytest.raises(SessionExists):
        session_store.update_session(evening.with_changes(name="早场"))
    assert session_store.session(evening.id).name == "晚场"


def test_saving_a_lineup_again_reorders_it(product_store, session_store):
    session = session_store.create_session(Session("早场"))
    ids = [product_store.save_product(cup(sku=s)).id for s in "ABCD"]
    session_store.save_lineup(session.id, ids)
    session_store.save_lineup(session.id, ids[::-1])
    assert [p.sku for p in session_store.lineup(session.id)] == list("DCBA")
    session_store.save_lineup(session.id, [ids[2]])
    assert [p.sku for p in session_store.lineup(session.id)] == ["C"]


def test_a_lineup_refuses_repeated_or_unknown_products(product_store, session_store):
    session = session_store.create_session(Session("早场"))
    a = product_store.save_product(cup(sku="A"))
    session_store.save_lineup(session.id, [a.id])
    with pytest.raises(ValueError):
        session_store.save_lineup(session.id, [a.id, a.id])
    with pytest.raises(KeyError):
        session_store.save_lineup(session.id, [a.id, 999])
    with pytest.raises(KeyError):
        session_store.save_lineup(999, [a.id])
    assert session_store.lineup(session.id) == [a]


@per_database
@given(orders=st.lists(st.permutations(range(6)), min_size=1, max_size=4), keep=st.integers(0, 6))
def test_the_last_saved_lineup_is_the_one_read_back(product_store, session_store, orders, keep):
    # Examples share one database, so the session and products may exist from earlier ones.
    name = "排品"
    session = session_store.session_by_name(name) or session_store.create_session(Session(name))
    stored = {p.sku: p.id for p in product_store.all_products()}
    ids = [stored.get(sku) or product_store.save_product(cup(sku=sku)).id for sku in "UVWXYZ"]
    for order in orders:
        session_store.save_lineup(session.id, [ids[i] for i in order][:keep])
    last = [ids[i] for i in orders[-1]][:keep]
    assert [p.id for p in session_store.lineup(session.id)] == last


def test_lineups_of_different_sessions_are_independent(product_store, session_store):
    a, b = (product_store.save_product(cup(sku=s)) for s in "AB")
    morning, evening = (session_store.create_session(Session(n)) for n in ("早场", "晚场"))
    session_store.save_lineup(morning.id, [a.id, b.id])
    session_store.save_lineup(evening.id, [b.id])
    assert session_store.lineup(morning.id) == [a, b]
    assert session_store.lineup(evening.id) == [b]
