import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liveconsole.io.numbers import NumberError, parse_count, parse_link_no, parse_money
from liveconsole.io.problems import ImportCode

FULL_WIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("199", "199.00"),
        ("¥199", "199.00"),
        ("￥199", "199.00"),
        ("199元", "199.00"),
        ("RMB 199", "199.00"),
        ("199rmb", "199.00"),
        (" ¥ 99.9 ", "99.90"),
        ("1,299", "1299.00"),
        ("1，299.50", "1299.50"),
        ("１２．５", "12.50"),
        ("￥１，２９９", "1299.00"),
        (".5", "0.50"),
        ("12.", "12.00"),
    ],
)
def test_money_text_with_symbols_separators_and_full_width_reads_exactly(text, amount):
    assert parse_money(text) == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "amount"),
    [("1.2万", "12000"), ("3w", "30000"), ("3W", "30000"), ("0.5万元", "5000"), ("2k", "2000")],
)
def test_wan_and_w_suffixes_multiply_money_by_ten_thousand(text, amount):
    assert parse_money(text) == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "count"), [("1.2万", 12000), ("3w", 30000), ("１万", 10000), ("500件", 500)]
)
def test_wan_and_unit_suffixes_work_for_counts(text, count):
    assert parse_count(text) == count


@pytest.mark.parametrize("text", ["", "  ", "-", "—", "/", "－", "--", None])
def test_empty_marks_mean_no_value(text):
    assert parse_money(text) is None
    assert parse_count(text) is None
    assert parse_link_no(text) is None


@pytest.mark.parametrize(
    ("number", "amount"),
    [
        (99.9, "99.90"),
        (0.1 + 0.2, "0.30"),
        (19.899999999999999, "19.90"),
        (199, "199.00"),
        (1e6, "1000000.00"),
    ],
)
def test_floats_from_excel_become_exact_cents(number, amount):
    parsed = parse_money(number)
    assert parsed == Decimal(amount)
    assert str(parsed) == amount


@pytest.mark.parametrize(
    "text", ["abc", "12,5", "1,23,456", "1.2.3", "99-199", "--5", "¥", "约99", "1e3"]
)
def test_text_that_is_not_an_amount_is_refused(text):
    with pytest.raises(NumberError) as caught:
        parse_money(text)
    assert caught.value.code is ImportCode.NOT_A_NUMBER


@pytest.mark.parametrize(
    "value", [True, dt.date(2024, 6, 18), dt.datetime(2024, 6, 18, 20, 0), float("nan")]
)
def test_booleans_dates_and_nan_are_not_numbers(value):
    with pytest.raises(NumberError) as caught:
        parse_money(value)
    assert caught.value.code is ImportCode.NOT_A_NUMBER


@pytest.mark.parametrize("value", ["1.5", 1.5, "1.00001万", Decimal("2.5")])
def test_fractional_count_is_not_an_integer(value):
    with pytest.raises(NumberError) as caught:
        parse_count(value)
    assert caught.value.code is ImportCode.NOT_AN_INTEGER


def test_float_noise_on_a_whole_count_is_forgiven():
    assert parse_count(0.1 * 3 * 100) == 30  # 30.000000000000004, as a formula leaves it
    assert parse_count(12.0) == 12


def test_negative_values_are_returned_for_the_product_rules_to_judge():
    assert parse_money("-5") == Decimal("-5.00")
    assert parse_money("¥-5") == Decimal("-5.00")
    assert parse_count("-3") == -3


@pytest.mark.parametrize("text", ["3", "3号", "#3", "链接3", "链接 3", "3号链接", "No.3", "＃３", 3, 3.0])
def test_link_numbers_accept_operator_spellings(text):
    assert parse_link_no(text) == 3


@pytest.mark.parametrize(
    ("text", "code"), [("#", ImportCode.NOT_A_NUMBER), ("3.5号", ImportCode.NOT_AN_INTEGER)]
)
def test_link_number_problems_keep_the_cell_text(text, code):
    with pytest.raises(NumberError) as caught:
        parse_link_no(text)
    assert caught.value.code is code
    assert caught.value.value == text


def test_more_digits_than_a_decimal_holds_is_not_a_number_rather_than_a_crash():
    with pytest.raises(NumberError):
        parse_money("9" * 60)


cents = st.decimals(min_value=0, max_value=10**10, places=2, allow_nan=False, allow_infinity=False)


def _operator_styles(amount: Decimal) -> st.SearchStrategy[str]:
    plain = f"{amount:f}"
    grouped = f"{amount:,f}"
    return st.sampled_from(
        [
            plain,
            grouped,
            f"¥{grouped}",
            f"￥{plain}",
            f"{grouped}元",
            f" RMB {plain} ",
            grouped.translate(FULL_WIDTH),
            f"￥{grouped.translate(FULL_WIDTH)}元",
            grouped.replace(",", "，"),
        ]
    )


@given(cents.flatmap(lambda amount: st.tuples(st.just(amount), _operator_styles(amount))))
def test_any_amount_written_the_way_operators_write_it_reads_back(case):
    amount, text = case
    assert parse_money(text) == amount


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False))
def test_any_float_cell_reads_as_its_shortest_decimal_rounded_to_cents(number):
    expected = Decimal(repr(number)).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert parse_money(number) == expected


@given(st.integers(min_value=0, max_value=10**12))
def test_any_count_written_with_separators_full_width_or_units_reads_back(count):
    grouped = f"{count:,}"
    for text in (str(count), grouped, grouped.translate(FULL_WIDTH), f"{grouped}件", f" {count} "):
        assert parse_count(text) == count
    assert parse_count(f"{count}万") == count * 10_000
    assert parse_count(f"{count}w") == count * 10_000
