"""Why an import was refused or needs a second look: codes and parameters, never sentences.

The GUI turns a problem into text (「第5行「直播价」列：'abc' 不是金额」) from its code and fields.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ImportCode(enum.Enum):
    """What went wrong. Values are stable strings (logs, tests, translation keys).

    Params each code carries are listed beside it; every param value is a string.
    """

    # --- the file as a whole -------------------------------------------------
    FILE_NOT_FOUND = "file_not_found"  # -
    FILE_TOO_LARGE = "file_too_large"  # size, limit (bytes)
    UNREADABLE = "unreadable"  # reason: not_a_zip | not_a_workbook | corrupt | binary
    #                           | permission | is_directory | os_error; detail (for logs)
    UNSAFE_XML = "unsafe_xml"  # reason: entities | dtd | external | unsupported
    ARCHIVE_TOO_LARGE = "archive_too_large"  # reason=total: size, limit (bytes unpacked);
    #                                          reason=ratio: member, ratio, limit
    UNSUPPORTED_TYPE = "unsupported_type"  # extension; hint: save_as_xlsx | "" (none)
    ENCRYPTED = "encrypted"  # - (a password-protected workbook)
    UNKNOWN_ENCODING = "unknown_encoding"  # -
    # --- the table -------------------------------------------------------------
    NO_HEADER = "no_header"  # rows_scanned
    MISSING_TITLE_COLUMN = "missing_title_column"  # expected (the accepted names, 、-joined)
    NO_ROWS = "no_rows"  # -
    # --- one cell or one row ---------------------------------------------------
    NOT_A_NUMBER = "not_a_number"  # field
    NOT_AN_INTEGER = "not_an_integer"  # field
    NEGATIVE = "negative"  # field
    UNKNOWN_CATEGORY = "unknown_category"  # field
    TITLE_MISSING = "title_missing"  # field
    DUPLICATE_SKU = "duplicate_sku"  # field, first_row
    DUPLICATE_LINK = "duplicate_link"  # field, first_row
    INVALID_VALUE = "invalid_value"  # field, core_code (a product rule added later)
    # --- warnings: the import goes ahead ---------------------------------------
    LIVE_ABOVE_LIST = "live_above_list"  # field, list_price, live_price
    UNKNOWN_COLUMN_KEPT = "unknown_column_kept"  # - (its values became product notes)
    DUPLICATE_COLUMN = "duplicate_column"  # field, used_column (this one became notes)
    UNNAMED_COLUMN_IGNORED = "unnamed_column_ignored"  # position (1-based), example
    TOTAL_ROW_SKIPPED = "total_row_skipped"  # - (合计/总计/小计 row)
    SECTION_ROW_SKIPPED = "section_row_skipped"  # - (a divider like 「福利款专区」 across columns)
    OTHER_SHEET_IGNORED = "other_sheet_ignored"  # - (another sheet also looks like products)
    SUSPICIOUS_VALUE = "suspicious_value"  # field, core_code (a product warning added later)
    # --- scripts (整场脚本 / 单品脚本): the table ------------------------------------------
    NO_SCRIPT_HEADER = "no_script_header"  # rows_scanned
    MISSING_SEGMENT_COLUMN = "missing_segment_column"  # expected (the accepted names, 、-joined)
    NO_SEGMENTS = "no_segments"  # -
    # --- scripts: one cell or one row ------------------------------------------------
    SEGMENT_TITLE_MISSING = "segment_title_missing"  # field (the row has content but no 环节)
    BAD_TIME = "bad_time"  # field; reason: unreadable | reversed (the range ends before it starts)
    BAD_DURATION = "bad_duration"  # field; reason: unreadable | zero | too_long (limit: hours)
    DURATION_MISSING = "duration_missing"  # field (no 时长, no time range, no next start to end at)
    TIME_BEFORE_PREVIOUS = "time_before_previous"  # field, previous_row
    UNKNOWN_SEGMENT_TYPE = "unknown_segment_type"  # field
    UNKNOWN_INTERACTION = "unknown_interaction"  # field
    UNKNOWN_PRODUCT = "unknown_product"  # field, product (the text); reason: not_found | no_link
    AMBIGUOUS_PRODUCT = "ambiguous_product"  # field, product, matches (how many lineup titles)
    PRODUCT_KEY_MISSING = "product_key_missing"  # expected (单品脚本 row without 链接号/货号/商品名称)
    # --- scripts: warnings ----------------------------------------------------------
    DURATION_MISMATCH = "duration_mismatch"  # field, range_s, duration_s (the time range is used)
    TIME_OVERLAP = "time_overlap"  # field, previous_row (starts before the row before ends)
    NOT_IN_LINEUP = "not_in_lineup"  # field, product (a link number, SKU or title as written)
    # --- metric trend exports (分钟级趋势): the table ----------------------------------
    NO_TREND_HEADER = "no_trend_header"  # rows_scanned
    MISSING_TIME_COLUMN = "missing_time_column"  # expected (the accepted names, 、-joined)
    NO_TREND_ROWS = "no_trend_rows"  # -
    # --- metric trend exports: warnings ---------------------------------------------------
    TREND_COLUMN_IGNORED = "trend_column_ignored"  # used_column ("" when no figure has such a column,
    #                                                else the column read for the same figure)
    INCREMENTS_SUMMED = "increments_summed"  # field (per-minute values, added up into running totals)

    @property
    def is_warning(self) -> bool:
        return self in _WARNINGS


_WARNINGS = frozenset(
    {
        ImportCode.LIVE_ABOVE_LIST,
        ImportCode.UNKNOWN_COLUMN_KEPT,
        ImportCode.DUPLICATE_COLUMN,
        ImportCode.UNNAMED_COLUMN_IGNORED,
        ImportCode.TOTAL_ROW_SKIPPED,
        ImportCode.SECTION_ROW_SKIPPED,
        ImportCode.OTHER_SHEET_IGNORED,
        ImportCode.SUSPICIOUS_VALUE,
        ImportCode.DURATION_MISMATCH,
        ImportCode.TIME_OVERLAP,
        ImportCode.NOT_IN_LINEUP,
        ImportCode.TREND_COLUMN_IGNORED,
        ImportCode.INCREMENTS_SUMMED,
    }
)


@dataclass(frozen=True)
class ImportProblem:
    """One problem, located the way the operator sees the file.

    `row` is the row number the spreadsheet shows (1-based, title and header rows count);
    `column` is the header text as written; `column_letter` is "C" for xlsx, None for csv.
    """

    file: str
    sheet: str | None
    row: int | None
    column: str | None
    value: str
    code: ImportCode
    params: tuple[tuple[str, str], ...] = ()
    column_letter: str | None = None

    @property
    def is_warning(self) -> bool:
        return self.code.is_warning

    def param(self, name: str, default: str = "") -> str:
        return dict(self.params).get(name, default)


def file_problem(path: object, code: ImportCode, **params: object) -> ImportProblem:
    """A problem with the file itself: no sheet, row or column."""
    return ImportProblem(
        file=str(path),
        sheet=None,
        row=None,
        column=None,
        value="",
        code=code,
        params=tuple((key, str(value)) for key, value in params.items()),
    )


class ImportFailed(Exception):
    """The file cannot be imported; `problems` holds every problem found, warnings included."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = list(problems)
        first = self.errors[0] if self.errors else None
        where = f"{first.file} row {first.row}: {first.code.value}" if first else "no errors"
        super().__init__(f"{len(self.errors)} import error(s); first: {where}")

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if not p.is_warning]

    @property
    def warnings(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.is_warning]
