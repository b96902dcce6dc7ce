from decimal import Decimal
from pathlib import Path

import pytest

from liveconsole.core.products import Category, Product
from liveconsole.io.problems import ImportCode, ImportFailed
from liveconsole.io.products import (
    normalise_header,
    parse_category,
    read_products,
    split_selling_points,
)
from tests.io.conftest import HEADER

TITLE = "6月18日 美妆专场 排品表"
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def good_row(number: int, **changes: object) -> list[object]:
    row = dict(
        zip(HEADER, [number, f"商品{number}", f"SKU{number}", 199, 99, 500, "利润款", "保湿\n控油", ""])
    )
    row.update(changes)
    return list(row.values())


def refused(path: Path) -> ImportFailed:
    with pytest.raises(ImportFailed) as caught:
        read_products(path)
    return caught.value


def codes(problems) -> list[ImportCode]:
    return [problem.code for problem in problems]


# --- finding the header ------------------------------------------------------------------------


def test_the_header_is_found_below_a_merged_title_row(xlsx_file):
    path = xlsx_file({"排品表": [[TITLE], HEADER, good_row(1)]}, merges={"排品表": ["A1:I1"]})
    result = read_products(path)
    assert (result.sheet, result.header_row, result.encoding) == ("排品表", 2, None)
    assert result.products[0].title == "商品1"
    assert result.columns["list_price"] == "原价"


def test_header_names_are_matched_after_normalising_width_spaces_units_and_case(xlsx_file):
    header = ["编 号", "*商品\n名称", "Sku", "日常价（元）", "直播价(元)", "库存(件)", "商品类型", "利益点", "图片路径"]
    result = read_products(xlsx_file({"排品表": [header, good_row(1)]}))
    assert set(result.columns) == {
        "link_no", "title", "sku", "list_price", "live_price", "stock", "category",
        "selling_points", "image_path",
    }
    assert result.columns["title"] == "*商品\n名称"  # reported as written
    assert normalise_header("ＳＫＵ") == normalise_header("sku") == "sku"


def test_a_sheet_without_a_header_is_skipped_and_the_first_sheet_with_one_wins(xlsx_file):
    sheets = {
        "说明": [["请按模板填写"], ["价格单位：元"]],
        "排品表": [HEADER, good_row(1)],
        "备用": [HEADER, good_row(2)],
    }
    result = read_products(xlsx_file(sheets))
    assert result.sheet == "排品表"
    assert [p.title for p in result.products] == ["商品1"]
    (warning,) = result.warnings
    assert (warning.code, warning.sheet, warning.row) == (ImportCode.OTHER_SHEET_IGNORED, "备用", 1)


def test_a_sheet_with_a_title_column_wins_over_an_earlier_summary_and_a_hidden_sheet(xlsx_file):
    sheets = {
        "隐藏": [HEADER, good_row(9)],
        "汇总": [["类型", "数量"], ["利润款", 12]],
        "排品表": [HEADER, good_row(1)],
    }
    result = read_products(xlsx_file(sheets, hidden=["隐藏"]))
    assert result.sheet == "排品表"


def test_a_file_without_any_header_row_is_refused(xlsx_file):
    failure = refused(xlsx_file({"Sheet": [["随便写的"], [1, 2, 3]]}))
    assert codes(failure.problems) == [ImportCode.NO_HEADER]
    assert failure.problems[0].param("rows_scanned") == "30"


def test_a_header_without_a_title_column_is_refused(xlsx_file):
    failure = refused(xlsx_file({"排品表": [[TITLE], ["序号", "货号", "直播价"], [1, "S1", 99]]}))
    (problem,) = failure.problems
    assert (problem.code, problem.sheet, problem.row) == (ImportCode.MISSING_TITLE_COLUMN, "排品表", 2)
    assert "商品名称" in problem.param("expected")


def test_a_header_with_no_product_rows_is_refused_as_empty(xlsx_file):
    failure = refused(xlsx_file({"排品表": [[TITLE], HEADER, [], []]}))
    assert codes(failure.problems) == [ImportCode.NO_ROWS]


# --- all problems, located as the operator sees them -------------------------------------------

BAD_ROWS = [
    [TITLE],
    HEADER + ["备注"],
    good_row(1),
    [],
    good_row(2, 直播价="abc"),
    good_row(3, 商品名称=""),
    good_row(4, 货号="SKU2", 原价=-5, 直播价=None, 库存=1.5, 类型="爆品x"),
    [],
    good_row(4, 货号="SKU9", 原价=199, 直播价=299),
]
EXPECTED = [  # (row, column, letter, code, value, params)
    (2, "备注", "J", ImportCode.UNKNOWN_COLUMN_KEPT, "", {}),
    (5, "直播价", "E", ImportCode.NOT_A_NUMBER, "abc", {"field": "live_price"}),
    (6, "商品名称", "B", ImportCode.TITLE_MISSING, "", {"field": "title"}),
    (7, "货号", "C", ImportCode.DUPLICATE_SKU, "SKU2", {"field": "sku", "first_row": "5"}),
    (7, "原价", "D", ImportCode.NEGATIVE, "-5", {"field": "list_price"}),
    (7, "库存", "F", ImportCode.NOT_AN_INTEGER, "1.5", {"field": "stock"}),
    (7, "类型", "G", ImportCode.UNKNOWN_CATEGORY, "爆品x", {"field": "category"}),
    (9, "序号", "A", ImportCode.DUPLICATE_LINK, "4", {"field": "link_no", "first_row": "7"}),
    (
        9, "直播价", "E", ImportCode.LIVE_ABOVE_LIST, "299",
        {"field": "live_price", "list_price": "199.00", "live_price": "299.00"},
    ),
]


def located(problems):
    return [(p.row, p.column, p.column_letter, p.code, p.value, dict(p.params)) for p in problems]


def test_a_bad_workbook_reports_every_problem_with_its_row_and_column(xlsx_file):
    path = xlsx_file({"排品表": BAD_ROWS}, merges={"排品表": ["A1:J1"]})
    failure = refused(path)
    assert located(failure.problems) == EXPECTED
    assert {p.sheet for p in failure.problems} == {"排品表"}
    assert {p.file for p in failure.problems} == {str(path)}
    assert len(failure.errors) == 7 and len(failure.warnings) == 2


def test_a_bad_csv_reports_the_same_problems_without_column_letters(csv_file):
    failure = refused(csv_file(BAD_ROWS, encoding="gb18030"))
    without_letters = [(row, column, None, *rest) for row, column, _, *rest in EXPECTED]
    assert located(failure.problems) == without_letters
    assert {p.sheet for p in failure.problems} == {None}


def test_warnings_alone_do_not_stop_the_import(xlsx_file):
    result = read_products(xlsx_file({"排品表": [HEADER, good_row(1, 直播价=299)]}))
    assert len(result.products) == 1
    assert codes(result.warnings) == [ImportCode.LIVE_ABOVE_LIST]


# --- reading values ----------------------------------------------------------------------------


def test_operator_number_formats_read_exactly_in_a_workbook(xlsx_file):
    row = good_row(1, 序号="链接3", 原价="¥1,299", 直播价=99.9, 库存="1.2万")
    (product,) = read_products(xlsx_file({"排品表": [HEADER, row]})).products
    assert (product.link_no, product.list_price, product.live_price, product.stock) == (
        3, Decimal("1299.00"), Decimal("99.90"), 12000
    )


def test_operator_number_formats_read_exactly_in_a_gbk_csv(csv_file):
    row = good_row(1, 序号="3号", 原价="￥１，２９９", 直播价="９９．９元", 库存="3w")
    result = read_products(csv_file([[TITLE], HEADER, row], encoding="gbk"))
    (product,) = result.products
    assert result.encoding == "gb18030"
    assert (product.link_no, product.list_price, product.live_price, product.stock) == (
        3, Decimal("1299.00"), Decimal("99.90"), 30000
    )


def test_a_category_merged_over_a_block_applies_to_every_product_in_it(xlsx_file):
    rows = [HEADER, good_row(1, 类型="福利款"), good_row(2, 类型=None), good_row(3, 类型=None)]
    path = xlsx_file({"排品表": rows}, merges={"排品表": ["G2:G4"]})
    assert {p.category for p in read_products(path).products} == {Category.WELFARE}


@pytest.mark.parametrize(
    ("word", "category"),
    [
        ("引流款", Category.TRAFFIC), ("引流", Category.TRAFFIC), ("引流品", Category.TRAFFIC),
        ("福利款", Category.WELFARE), ("福利", Category.WELFARE), ("宠粉款", Category.WELFARE),
        ("利润款", Category.PROFIT), ("主推", Category.PROFIT),
        ("爆款", Category.PROFIT), ("爆品", Category.PROFIT),
        ("形象款", Category.IMAGE), ("品牌款", Category.IMAGE),
        ("常规款", Category.REGULAR), ("常规", Category.REGULAR),
        ("", Category.REGULAR), (None, Category.REGULAR), ("—", Category.REGULAR),
        (" 福利 款 ", Category.WELFARE), ("福利款（限量）", Category.WELFARE), ("profit", Category.PROFIT),
    ],
)
def test_category_words_operators_use_map_to_lineup_roles(word, category):
    assert parse_category(word) is category


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("保湿\n控油\r\n持久", ("保湿", "控油", "持久")),
        ("保湿；控油;持久|不脱妆｜好用", ("保湿", "控油", "持久", "不脱妆", "好用")),
        ("1. 保湿\n2、控油\n3）持久\n(4) 好用", ("保湿", "控油", "持久", "好用")),
        ("①保湿\n②控油\n• 持久\n- 好用", ("保湿", "控油", "持久", "好用")),
        ("1.5倍保湿\n3.8节限定\n-5℃不结冰", ("1.5倍保湿", "3.8节限定", "-5℃不结冰")),
        ("\n\n保湿，控油\n\n", ("保湿，控油",)),
    ],
)
def test_selling_points_split_per_line_without_list_numbering(text, points):
    assert split_selling_points(text) == points


def test_text_the_export_protected_with_a_quote_reads_as_written(csv_file):
    row = good_row(1, 商品名称="'=HYPERLINK(\"x\")", 货号="'-001", 核心卖点="'+赠品\n'@不变")
    (product,) = read_products(csv_file([HEADER, row])).products
    assert (product.title, product.sku) == ('=HYPERLINK("x")', "-001")
    assert product.selling_points == ("+赠品", "'@不变")  # only the cell's own first quote protects


def test_unknown_columns_become_notes_and_are_reported_once_each(xlsx_file):
    header = HEADER + ["备注", "赠品"]
    rows = [
        header,
        good_row(1) + ["限购1单", "小样"],
        good_row(2) + [None, "小样"],
        good_row(3) + ["", None],
    ]
    result = read_products(xlsx_file({"排品表": rows}))
    assert [p.notes for p in result.products] == [
        (("备注", "限购1单"), ("赠品", "小样")),
        (("赠品", "小样"),),
        (),
    ]
    assert [(w.code, w.column, w.column_letter, w.row) for w in result.warnings] == [
        (ImportCode.UNKNOWN_COLUMN_KEPT, "备注", "J", 1),
        (ImportCode.UNKNOWN_COLUMN_KEPT, "赠品", "K", 1),
    ]


def test_when_two_columns_name_one_field_the_first_alias_wins_and_the_other_is_kept(xlsx_file):
    header = ["序号", "链接号", *HEADER[1:]]
    rows = [header, [1, 7, *good_row(1)[1:]]]
    result = read_products(xlsx_file({"排品表": rows}))
    (product,) = result.products
    assert (product.link_no, product.notes) == (7, (("序号", "1"),))
    (warning,) = result.warnings
    assert (warning.code, warning.column, dict(warning.params)) == (
        ImportCode.DUPLICATE_COLUMN, "序号", {"field": "link_no", "used_column": "链接号"}
    )


def test_values_under_a_column_without_a_header_are_ignored_with_a_warning(xlsx_file):
    rows = [HEADER, good_row(1) + [None, "草稿"], good_row(2)]
    result = read_products(xlsx_file({"排品表": rows}))
    (warning,) = result.warnings
    assert (warning.code, warning.column, warning.column_letter) == (
        ImportCode.UNNAMED_COLUMN_IGNORED, None, "K"
    )
    assert dict(warning.params) == {"position": "11", "example": "草稿"}


# --- rows that are layout, not products --------------------------------------------------------


def test_layout_rows_are_skipped_with_warnings_and_products_keep_their_row_numbers(xlsx_file):
    rows = [
        [TITLE],
        HEADER,
        ["福利款专区"] * 9,
        good_row(1),
        [],
        good_row(2, 直播价="x"),
        [3],
        [4, None, None, None, None, None, "利润款"],
        ["合计", None, None, None, None, 1000],
    ]
    failure = refused(xlsx_file({"排品表": rows}))
    assert [(p.row, p.code) for p in failure.problems] == [
        (3, ImportCode.SECTION_ROW_SKIPPED),
        (6, ImportCode.NOT_A_NUMBER),
        (9, ImportCode.TOTAL_ROW_SKIPPED),
    ]


# --- the shipped demo data ---------------------------------------------------------------------


def test_the_demo_lineup_workbook_and_gbk_csv_import_cleanly_and_agree():
    workbook = read_products(SAMPLES / "demo_lineup.xlsx")
    gbk = read_products(SAMPLES / "demo_lineup_gbk.csv")
    assert len(workbook.products) == 36
    assert (workbook.header_row, gbk.header_row, gbk.encoding) == (2, 2, "gb18030")
    assert workbook.products == gbk.products
    assert {p.category for p in workbook.products} == set(Category)
    assert all(3 <= len(p.selling_points) <= 5 for p in workbook.products)
    assert codes(workbook.warnings) == [ImportCode.UNKNOWN_COLUMN_KEPT]  # 备注 becomes notes
    assert all(isinstance(p, Product) and not p.errors() for p in workbook.products)
