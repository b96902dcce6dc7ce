import datetime as dt
import time
import zipfile
from decimal import Decimal

import openpyxl.xml
import pytest

from liveconsole.io.problems import ImportCode, ImportFailed
from liveconsole.io.tables import cell_text, neutralise, read_table, unneutralise
from tests.io.conftest import HEADER, shared_strings, write_raw_xlsx

ROWS = [HEADER, ["1", "玻尿酸补水面膜", "QY-MM10", "129", "39.9", "1500", "福利款", "补水\n保湿", ""]]


def refused(path, **options) -> ImportFailed:
    with pytest.raises(ImportFailed) as caught:
        read_table(path, **options)
    return caught.value


def only_code(failure: ImportFailed) -> ImportCode:
    assert len(failure.problems) == 1
    return failure.problems[0].code


# --- csv encodings -----------------------------------------------------------------------------


def test_gbk_csv_from_chinese_excel_is_detected_and_reported_as_gb18030(csv_file):
    path = csv_file(ROWS, encoding="gbk")
    table = read_table(path)
    assert (table.kind, table.encoding) == ("csv", "gb18030")
    assert table.sheets[0].rows[1][1] == "玻尿酸补水面膜"


def test_utf8_csv_with_bom_is_reported_as_utf_8_sig_and_the_bom_is_not_in_the_header(csv_file):
    table = read_table(csv_file(ROWS, encoding="utf-8-sig"))
    assert table.encoding == "utf-8-sig"
    assert table.sheets[0].rows[0][0] == "序号"


def test_plain_utf8_csv_is_reported_as_utf_8(csv_file):
    assert read_table(csv_file(ROWS)).encoding == "utf-8"


def test_utf16_text_with_bom_as_excel_saves_unicode_text_is_read(csv_file):
    table = read_table(csv_file(ROWS, encoding="utf-16", delimiter="\t"))
    assert table.encoding == "utf-16"
    assert table.sheets[0].rows[1][1] == "玻尿酸补水面膜"


def test_other_encodings_are_guessed_and_the_codec_used_is_reported(tmp_path):
    path = tmp_path / "lineup.csv"
    path.write_bytes("Nom,Prix\nCafé crème très doux,12\nThé vert à la menthe,9\n".encode("cp1252"))
    table = read_table(path)
    assert table.encoding not in (None, "utf-8", "gb18030")
    assert table.sheets[0].rows[1][0] == "Café crème très doux"


def test_binary_data_named_csv_is_unreadable(tmp_path):
    path = tmp_path / "lineup.csv"
    path.write_bytes(bytes(range(256)) * 4)
    assert only_code(refused(path)) is ImportCode.UNREADABLE


# --- csv layout --------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_comma_tab_and_semicolon_delimiters_are_sniffed(csv_file, delimiter):
    rows = [["6月18日 美妆专场 排品表"], *ROWS, ["2", "面膜", "S2", "1,299", "99", "5", "利润款", "a;b", ""]]
    table = read_table(csv_file(rows, delimiter=delimiter))
    assert table.sheets[0].rows[1] == HEADER
    assert table.sheets[0].rows[3][3] == "1,299"


def test_a_quoted_cell_spanning_lines_stays_one_spreadsheet_row(csv_file):
    rows = read_table(csv_file([*ROWS, ["2", "面膜"]])).sheets[0].rows
    assert rows[1][7] == "补水\n保湿"
    assert rows[2][:2] == ["2", "面膜"]


def test_blank_csv_lines_are_kept_so_row_numbers_match_the_sheet(tmp_path):
    path = tmp_path / "lineup.csv"
    path.write_text("title\n\n序号,商品名称\n\n1,面膜\n", encoding="utf-8")
    rows = read_table(path).sheets[0].rows
    assert rows[4] == ["1", "面膜"]
    assert rows[1] == [] and rows[3] == []


# --- xlsx --------------------------------------------------------------------------------------


def test_merged_cells_read_as_their_top_left_value(xlsx_file):
    rows = [["6月18日 美妆专场 排品表"], ["序号", "商品名称", "类型"], [1, "a", "福利款"], [2, "b"], [3, "c"]]
    path = xlsx_file({"排品表": rows}, merges={"排品表": ["A1:C1", "C3:C5"]})
    sheet = read_table(path).sheets[0]
    assert sheet.rows[0] == ["6月18日 美妆专场 排品表"] * 3
    assert [row[2] for row in sheet.rows[2:]] == ["福利款"] * 3


def test_blank_xlsx_rows_are_kept_and_cell_types_survive(xlsx_file):
    when = dt.datetime(2024, 6, 18, 20, 0)
    path = xlsx_file({"排品表": [["a", 1], [], [None, None], ["b", 99.9, when]]})
    table = read_table(path)
    assert (table.kind, table.encoding) == ("xlsx", None)
    rows = table.sheets[0].rows
    assert rows[3] == ["b", 99.9, when]
    assert len(rows) == 4


def test_every_sheet_is_read_and_hidden_ones_are_marked(xlsx_file):
    path = xlsx_file({"汇总": [["x"]], "排品表": [["y"]]}, hidden=["汇总"])
    sheets = read_table(path).sheets
    assert [(sheet.name, sheet.visible) for sheet in sheets] == [("汇总", False), ("排品表", True)]


def test_an_xlsx_renamed_to_csv_is_still_read_as_a_workbook(xlsx_file):
    path = xlsx_file({"排品表": [["序号", "商品名称"]]}, name="lineup.csv")
    assert read_table(path).kind == "xlsx"


def test_a_zip_that_is_not_a_workbook_is_unreadable(tmp_path):
    path = tmp_path / "lineup.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    failure = refused(path)
    assert only_code(failure) is ImportCode.UNREADABLE
    assert failure.problems[0].param("reason") == "not_a_workbook"


def test_text_named_xlsx_is_unreadable(tmp_path):
    path = tmp_path / "lineup.xlsx"
    path.write_text("序号,商品名称\n", encoding="utf-8")
    failure = refused(path)
    assert only_code(failure) is ImportCode.UNREADABLE
    assert failure.problems[0].param("reason") == "not_a_zip"


def test_damaged_workbook_xml_is_unreadable(tmp_path):
    path = write_raw_xlsx(tmp_path / "lineup.xlsx", "<sst><si><t>unclosed")
    failure = refused(path)
    assert only_code(failure) is ImportCode.UNREADABLE
    assert failure.problems[0].param("reason") == "corrupt"


# --- refusing unsafe or wrong files ------------------------------------------------------------


def test_a_missing_file_is_reported(tmp_path):
    failure = refused(tmp_path / "nowhere.xlsx")
    assert only_code(failure) is ImportCode.FILE_NOT_FOUND
    assert failure.problems[0].file == str(tmp_path / "nowhere.xlsx")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(csv_file):
    path = csv_file(ROWS * 50)
    failure = refused(path, max_bytes=1000)
    assert only_code(failure) is ImportCode.FILE_TOO_LARGE
    assert failure.problems[0].param("limit") == "1000"
    assert int(failure.problems[0].param("size")) == path.stat().st_size


@pytest.mark.parametrize("name", ["lineup.xls", "lineup.et"])
def test_old_binary_excel_is_unsupported_with_a_hint_to_save_as_xlsx(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    failure = refused(path)
    assert only_code(failure) is ImportCode.UNSUPPORTED_TYPE
    assert dict(failure.problems[0].params) == {"extension": path.suffix, "hint": "save_as_xlsx"}


def test_a_password_protected_workbook_is_reported_as_encrypted(tmp_path):
    path = tmp_path / "lineup.xlsx"
    stream_name = "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + stream_name)
    assert only_code(refused(path)) is ImportCode.ENCRYPTED


def test_an_unknown_extension_is_unsupported(tmp_path):
    path = tmp_path / "lineup.numbers"
    path.write_bytes(b"whatever")
    failure = refused(path)
    assert only_code(failure) is ImportCode.UNSUPPORTED_TYPE
    assert failure.problems[0].param("extension") == ".numbers"


# Nine levels of ten: 10^9 "lol"s if an entity were ever expanded.
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol1 "lol">\n'
    + "".join(f' <!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">\n' for n in range(2, 10))
    + ']>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<si><t>&lol9;</t></si></sst>"
)


def test_a_hand_made_workbook_with_plain_shared_strings_reads(tmp_path):
    path = write_raw_xlsx(tmp_path / "lineup.xlsx", shared_strings("面膜"))
    assert read_table(path).sheets[0].rows == [["面膜"]]


def test_an_xml_bomb_in_shared_strings_is_refused_as_unsafe_xml_without_expanding(tmp_path):
    path = write_raw_xlsx(tmp_path / "bomb.xlsx", BILLION_LAUGHS)
    started = time.monotonic()
    failure = refused(path)
    assert only_code(failure) is ImportCode.UNSAFE_XML
    assert failure.problems[0].param("reason") == "entities"
    assert time.monotonic() - started < 5


def test_parsing_is_refused_when_openpyxl_is_not_using_defusedxml(tmp_path, monkeypatch):
    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
    path = write_raw_xlsx(tmp_path / "lineup.xlsx", shared_strings("面膜"))
    with pytest.raises(RuntimeError, match="defusedxml"):
        read_table(path)


def test_a_zip_bomb_is_refused_by_its_compression_ratio(tmp_path):
    zeros = b"\0" * (4 * 1024 * 1024)
    path = write_raw_xlsx(
        tmp_path / "bomb.xlsx", shared_strings("面膜"), extra={"xl/media/padding.bin": zeros}
    )
    failure = refused(path)
    assert only_code(failure) is ImportCode.ARCHIVE_TOO_LARGE
    problem = failure.problems[0]
    assert (problem.param("reason"), problem.param("member")) == ("ratio", "xl/media/padding.bin")
    assert int(problem.param("ratio")) > 100


def test_a_zip_bomb_is_refused_by_its_total_unpacked_size(tmp_path):
    # Random-looking bytes barely compress, so only the total size limit can catch this one.
    noise = bytes((n * 7919 + n // 256) % 251 for n in range(300_000))
    path = write_raw_xlsx(
        tmp_path / "big.xlsx", shared_strings("面膜"), extra={"xl/media/noise.bin": noise}
    )
    failure = refused(path, max_unpacked_bytes=200_000)
    assert only_code(failure) is ImportCode.ARCHIVE_TOO_LARGE
    assert dict(failure.problems[0].params)["reason"] == "total"
    assert read_table(path).sheets[0].rows == [["面膜"]]  # within the real limit


# --- cell text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("  面膜 ", "面膜"),
        (12.0, "12"),
        (6901234567890.0, "6901234567890"),
        (99.9, "99.9"),
        (1e-7, "0.0000001"),
        (Decimal("1.50"), "1.50"),
        (True, "TRUE"),
        (dt.datetime(2024, 6, 18), "2024-06-18"),
        (dt.datetime(2024, 6, 18, 20, 30), "2024-06-18 20:30:00"),
        ("'=SUM(A1:A3)", "=SUM(A1:A3)"),
        ("'abc", "'abc"),
    ],
)
def test_cell_text_reads_a_cell_as_the_spreadsheet_shows_it(value, text):
    assert cell_text(value) == text


@pytest.mark.parametrize(
    "text", ["=1+1", "+86", "-5", "@SUM(A1)", "\tx", "\rx", "'=x", "'abc", "'", "''"]
)
def test_neutralised_text_starts_with_a_quote_and_unneutralises_back(text):
    assert neutralise(text).startswith("'")
    assert unneutralise(neutralise(text)) == text


@pytest.mark.parametrize("text", ["面膜", "1=1", "a-b", ""])
def test_harmless_text_is_not_neutralised(text):
    assert neutralise(text) == text
    assert unneutralise(text) == text


def test_a_quote_typed_before_ordinary_text_is_kept():
    assert unneutralise("'abc") == "'abc"


def test_invisible_control_characters_are_dropped_from_cell_text():
    from liveconsole.io.tables import cell_text

    assert cell_text("口红\x00礼盒\x1b") == "口红礼盒"
    assert cell_text("卖点一\r\n卖点二\t") == "卖点一\n卖点二"
