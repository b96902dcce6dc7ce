from decimal import Decimal

import pytest

from liveconsole.core.products import Category, InvalidProduct, Product, ProblemCode, ProductLibrary


def test_prices_are_two_place_decimals_and_floats_are_refused():
    product = Product("玻尿酸精华", list_price=Decimal("199"), live_price="99.9")
    assert product.list_price == Decimal("199.00")
    assert product.live_price == Decimal("99.90")
    with pytest.raises(TypeError):
        Product("x", live_price=99.9)


def test_product_key_is_sku_else_title():
    assert Product("面膜", sku="MM-01").key == "MM-01"
    assert Product(" 面膜 ").key == "面膜"


def test_live_price_above_list_price_is_a_warning_not_an_error():
    product = Product("口红", list_price=Decimal(99), live_price=Decimal(129))
    assert [p.code for p in product.problems()] == [ProblemCode.LIVE_ABOVE_LIST]
    assert product.errors() == []


def test_library_refuses_a_product_without_title_and_keeps_its_items():
    library = ProductLibrary([Product("a")])
    with pytest.raises(InvalidProduct):
        library.append(Product("  "))
    assert [p.title for p in library] == ["a"]


def test_library_update_emits_changed_fields_and_returns_the_old_value():
    library = ProductLibrary([Product("a", stock=3)])
    seen = []
    library.events.changed.connect(seen.append)
    old = library.update(0, stock=5, category=Category.WELFARE)
    assert old.stock == 3 and library[0].stock == 5
    assert seen[0].fields == ("stock", "category")


def test_library_update_with_same_values_emits_nothing():
    library = ProductLibrary([Product("a", stock=3)])
    seen = []
    library.events.changed.connect(seen.append)
    library.update(0, stock=3)
    assert seen == []


def test_negative_stock_is_refused_by_the_library():
    library = ProductLibrary([Product("a", stock=3)])
    with pytest.raises(InvalidProduct) as caught:
        library.update(0, stock=-1)
    assert caught.value.problems[0].code is ProblemCode.NEGATIVE_STOCK
    assert library[0].stock == 3


def test_discount_is_live_over_list_price():
    assert Product("a", list_price=Decimal(200), live_price=Decimal(99)).discount == Decimal("0.50")
    assert Product("a", live_price=Decimal(99)).discount is None


def test_counts_and_prices_beyond_any_room_are_refused():
    codes = {p.field: p.code for p in Product("a", stock=2**40, list_price=Decimal("1e12")).errors()}
    assert codes == {"stock": ProblemCode.TOO_LARGE, "list_price": ProblemCode.TOO_LARGE}
