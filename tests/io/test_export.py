import csv
import os
from dataclasses import replace
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liveconsole.core.products import Category, Product
from liveconsole.io import export
from liveconsole.io.export import write_products
from liveconsole.io.products import read_products, split_selling_points

SERUM = Product(
    title="澄光 377美白精华液 30ml",
    link_no=3,
    sku="CG-JH30",
    list_price=Decimal("299"),
    live_price=Decimal("199.9"),
    stock=600,
    category=Category.PROFIT,
    selling_points=("377+烟酰胺双美白", "28天提亮"),
    image_path="images/CG-JH30.jpg",
    notes=(("备注", "主推"),),
)
FORMULA = Product(
    title="=HYPERLINK(\"http://evil\",\"点我\")",
    sku="-2+3+cmd|' /C calc'!A0",
    live_price=Decimal("9.9"),
    stock=0,
    category=Category.TRAFFIC,
    selling_points=("@SUM(A1)", "普通卖点"),
    image_path="+86 138",
    notes=(("赠品", "\t=1+1"), ("备注", "'已核价")),
)


def load_sheet(path):
    workbook = openpyxl.load_workbook(path)
    try:
        sheet = workbook.active
        return sheet, [[cell.value for cell in row] for row in sheet.iter_rows()]
    finally:
        workbook.close()


def test_xlsx_has_operator_headers_bold_and_frozen_with_money_as_two_place_numbers(tmp_path):
    path = tmp_path / "排品.xlsx"
    write_products(path, [SERUM])
    sheet, rows = load_sheet(path)
    assert rows[0] == ["链接号", "商品名称", "货号", "日常价", "直播价", "库存", "类型", "卖点", "图片", "备注"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert (sheet.title, rows[1][6], rows[1][7]) == ("排品表", "利润款", "377+烟酰胺双美白\n28天提亮")
    list_price, live_price = sheet["D2"], sheet["E2"]
    assert (list_price.value, live_price.value) == (299, 199.9)
    assert list_price.data_type == live_price.data_type == "n"
    assert list_price.number_format == live_price.number_format == "0.00"
    assert isinstance(sheet["A2"].value, int) and isinstance(sheet["F2"].value, int)


def test_csv_is_utf8_with_a_bom_and_two_place_money(tmp_path):
    path = tmp_path / "排品.csv"
    write_products(path, [SERUM])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[1] == [
        "3", "澄光 377美白精华液 30ml", "CG-JH30", "299.00", "199.90", "600", "利润款",
        "377+烟酰胺双美白\n28天提亮", "images/CG-JH30.jpg", "主推",
    ]


@pytest.mark.parametrize(
    ("category", "name"),
    [
        (Category.TRAFFIC, "引流款"), (Category.WELFARE, "福利款"), (Category.PROFIT, "利润款"),
        (Category.IMAGE, "形象款"), (Category.REGULAR, "常规款"),
    ],
)
def test_categories_are_written_as_the_chinese_lineup_names(tmp_path, category, name):
    path = tmp_path / "排品.xlsx"
    write_products(path, [Product("面膜", category=category)])
    assert load_sheet(path)[1][1][6] == name


def test_formula_like_text_is_neutralised_in_xlsx_but_numbers_stay_numbers(tmp_path):
    path = tmp_path / "排品.xlsx"
    write_products(path, [FORMULA])
    sheet, rows = load_sheet(path)
    assert rows[1][1] == "'=HYPERLINK(\"http://evil\",\"点我\")"
    assert rows[1][2] == "'-2+3+cmd|' /C calc'!A0"
    assert rows[1][7] == "'@SUM(A1)\n普通卖点"
    assert rows[1][8] == "'+86 138"
    assert rows[1][9:] == ["'\t=1+1", "''已核价"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert (sheet["E2"].value, sheet["F2"].value) == (9.9, 0)


def test_formula_like_text_is_neutralised_in_csv(tmp_path):
    path = tmp_path / "排品.csv"
    write_products(path, [FORMULA])
    with path.open(encoding="utf-8-sig", newline="") as stream:
        row = list(csv.reader(stream))[1]
    assert [cell[:2] for cell in (row[1], row[2], row[7], row[8], row[9], row[10])] == [
        "'=", "'-", "'@", "'+", "'\t", "''"
    ]
    assert (row[4], row[5]) == ("9.90", "0")


def test_notes_get_one_column_per_key_in_first_seen_order(tmp_path):
    products = [
        Product("a", notes=(("备注", "1"), ("赠品", "小样"))),
        Product("b", notes=(("主播话术", "x"), ("备注", "2"))),
        Product("c"),
    ]
    path = tmp_path / "排品.xlsx"
    write_products(path, products)
    rows = load_sheet(path)[1]
    assert rows[0][9:] == ["备注", "赠品", "主播话术"]
    assert [row[9:] for row in rows[1:]] == [["1", "小样", None], ["2", None, "x"], [None, None, None]]


def test_a_failed_export_leaves_the_previous_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "排品.xlsx"
    write_products(path, [SERUM])
    before = path.read_bytes()

    def half_written(target, headers, rows, sheet_title):
        target.write_bytes(b"PK\x03\x04 half")
        raise OSError("disk full")

    monkeypatch.setattr(export, "_write_xlsx", half_written)
    with pytest.raises(OSError, match="disk full"):
        write_products(path, [FORMULA])
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["排品.xlsx"]


def test_an_export_is_readable_by_others_like_a_normal_save(tmp_path):
    path = tmp_path / "排品.csv"
    write_products(path, [SERUM])
    assert path.stat().st_mode & 0o644 == 0o644


def test_other_extensions_are_refused(tmp_path):
    with pytest.raises(ValueError, match=".xls"):
        write_products(tmp_path / "排品.xls", [SERUM])
    assert os.listdir(tmp_path) == []


# --- round trip --------------------------------------------------------------------------------

# Chinese, Latin, digits, punctuation and symbols, including = + - @ ' ; what a cell can hold.
# The import strips surrounding whitespace, so generated texts have none.
cell_chars = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(categories=("L", "N", "P", "S", "Zs")),
    st.sampled_from("=+-@'\"#%,;；|.、①（）() "),
)
text = st.text(cell_chars, max_size=16).map(str.strip)
nonempty_text = st.text(cell_chars, min_size=1, max_size=16).map(str.strip).filter(bool)
money = st.none() | st.decimals(
    min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False
)
count = st.none() | st.integers(min_value=0, max_value=10**9)
# Note keys that are also names of product columns must still come back as notes.
note_key = nonempty_text | st.sampled_from(["备注", "序号", "商品", "SKU", "原价(元)", "图片", "=备注"])
# A selling point is anything the import reads back as that same single point.
point = nonempty_text.filter(lambda text: split_selling_points(text) == (text,))

products = st.builds(
    Product,
    title=nonempty_text,
    link_no=count,
    sku=text,
    list_price=money,
    live_price=money,
    stock=count,
    category=st.sampled_from(Category),
    selling_points=st.lists(point, max_size=4).map(tuple),
    image_path=text,
    notes=st.lists(
        st.tuples(note_key, nonempty_text), max_size=3, unique_by=lambda note: note[0]
    ).map(tuple),
    id=st.none() | st.integers(min_value=1),
)


def _unique_keys(items: list[Product]) -> bool:
    skus = [p.sku for p in items if p.sku]
    links = [p.link_no for p in items if p.link_no is not None]
    return len(skus) == len(set(skus)) and len(links) == len(set(links))


lineups = st.lists(products, min_size=1, max_size=5).filter(_unique_keys)


def as_exported(lineup: list[Product]) -> list[Product]:
    """The lineup without ids, each product's notes in the file's column order (first seen first)."""
    columns = list(dict.fromkeys(key for product in lineup for key, _ in product.notes))
    def column_order(note: tuple[str, str]) -> int:
        return columns.index(note[0])

    return [
        replace(product, id=None, notes=tuple(sorted(product.notes, key=column_order)))
        for product in lineup
    ]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lineup=lineups)
def test_exported_products_import_back_equal_except_their_ids(tmp_path, suffix, lineup):
    path = tmp_path / f"round{suffix}"
    write_products(path, lineup)
    imported = read_products(path).products
    assert imported == as_exported(lineup)
