"""Import problems in the UI language: where (file, sheet, row, column), the value, and why.

Only QtCore is needed, so the command line uses the same texts as the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liveconsole.gui.texts import fill as _fill
from liveconsole.io.problems import ImportCode, ImportProblem

CTX = "Problems"


def tr(text: str) -> str:
    """Translate a text marked with QT_TRANSLATE_NOOP("Problems", …)."""
    return QCoreApplication.translate(CTX, text)




_REASONS = {
    ImportCode.FILE_NOT_FOUND: QT_TRANSLATE_NOOP("Problems", "the file does not exist"),
    ImportCode.FILE_TOO_LARGE: QT_TRANSLATE_NOOP("Problems", "the file is %1 MB; files over %2 MB are refused"),
    ImportCode.UNREADABLE: QT_TRANSLATE_NOOP("Problems", "not a spreadsheet, or the file is damaged (%1)"),
    ImportCode.UNSAFE_XML: QT_TRANSLATE_NOOP("Problems", "the workbook contains unsafe XML (%1) and was refused"),
    ImportCode.ARCHIVE_TOO_LARGE: QT_TRANSLATE_NOOP(
        "Problems", "the workbook unpacks to far more than its size and was refused (%1)"),
    ImportCode.UNSUPPORTED_TYPE: QT_TRANSLATE_NOOP("Problems", "files of type %1 cannot be read"),
    ImportCode.ENCRYPTED: QT_TRANSLATE_NOOP(
        "Problems", "the workbook is password-protected: save a copy without a password"),
    ImportCode.UNKNOWN_ENCODING: QT_TRANSLATE_NOOP(
        "Problems", "the text encoding is not recognised: save it as UTF-8 CSV or as .xlsx"),
    ImportCode.NO_HEADER: QT_TRANSLATE_NOOP(
        "Problems", "no header row in the first %1 rows (columns such as 商品名称 and 直播价 were expected)"),
    ImportCode.MISSING_TITLE_COLUMN: QT_TRANSLATE_NOOP(
        "Problems", "there is no product title column (one of: %1)"),
    ImportCode.NO_ROWS: QT_TRANSLATE_NOOP("Problems", "the table has no product rows"),
    ImportCode.NOT_A_NUMBER: QT_TRANSLATE_NOOP("Problems", "is not a number"),
    ImportCode.NOT_AN_INTEGER: QT_TRANSLATE_NOOP("Problems", "must be a whole number"),
    ImportCode.NEGATIVE: QT_TRANSLATE_NOOP("Problems", "must not be negative"),
    ImportCode.UNKNOWN_CATEGORY: QT_TRANSLATE_NOOP(
        "Problems", "is not a category: use 引流款, 福利款, 利润款, 形象款 or 常规款"),
    ImportCode.TITLE_MISSING: QT_TRANSLATE_NOOP("Problems", "the product has no title"),
    ImportCode.DUPLICATE_SKU: QT_TRANSLATE_NOOP("Problems", "the same SKU is already on row %1"),
    ImportCode.DUPLICATE_LINK: QT_TRANSLATE_NOOP("Problems", "the same link number is already on row %1"),
    ImportCode.INVALID_VALUE: QT_TRANSLATE_NOOP("Problems", "is not allowed here (%1)"),
    ImportCode.LIVE_ABOVE_LIST: QT_TRANSLATE_NOOP("Problems", "the live price %1 is above the list price %2"),
    ImportCode.UNKNOWN_COLUMN_KEPT: QT_TRANSLATE_NOOP(
        "Problems", "unknown column: its values are kept as product notes"),
    ImportCode.DUPLICATE_COLUMN: QT_TRANSLATE_NOOP(
        "Problems", "a second column for the same field: column %1 is used, this one is kept as notes"),
    ImportCode.UNNAMED_COLUMN_IGNORED: QT_TRANSLATE_NOOP(
        "Problems", "column %1 has values but no header and was ignored"),
    ImportCode.TOTAL_ROW_SKIPPED: QT_TRANSLATE_NOOP("Problems", "a total row was skipped"),
    ImportCode.SECTION_ROW_SKIPPED: QT_TRANSLATE_NOOP("Problems", "a section heading row was skipped"),
    ImportCode.OTHER_SHEET_IGNORED: QT_TRANSLATE_NOOP(
        "Problems", "this sheet also looks like a product list and was not imported"),
    ImportCode.SUSPICIOUS_VALUE: QT_TRANSLATE_NOOP("Problems", "looks wrong (%1)"),
    ImportCode.NO_SCRIPT_HEADER: QT_TRANSLATE_NOOP(
        "Problems", "no script header in the first %1 rows (columns such as 时间, 环节 and 时长 were expected)"),
    ImportCode.MISSING_SEGMENT_COLUMN: QT_TRANSLATE_NOOP("Problems", "there is no segment column (one of: %1)"),
    ImportCode.NO_SEGMENTS: QT_TRANSLATE_NOOP("Problems", "the table has no segments"),
    ImportCode.SEGMENT_TITLE_MISSING: QT_TRANSLATE_NOOP("Problems", "the row has content but no segment name"),
    ImportCode.BAD_TIME: QT_TRANSLATE_NOOP("Problems", "is not a time such as 20:00 or 20:00-20:15"),
    ImportCode.BAD_DURATION: QT_TRANSLATE_NOOP("Problems", "is not a length such as 15分钟, 15min or 0:15:00"),
    ImportCode.DURATION_MISSING: QT_TRANSLATE_NOOP("Problems", "the segment has no length: give 时长 or a time range"),
    ImportCode.TIME_BEFORE_PREVIOUS: QT_TRANSLATE_NOOP("Problems", "starts before the segment on row %1"),
    ImportCode.UNKNOWN_SEGMENT_TYPE: QT_TRANSLATE_NOOP("Problems", "is not a segment type (开场, 暖场, 产品讲解, 互动, 过渡, 收尾)"),
    ImportCode.UNKNOWN_INTERACTION: QT_TRANSLATE_NOOP("Problems", "is not an interaction (福袋, 抽奖, 秒杀, 发券)"),
    ImportCode.UNKNOWN_PRODUCT: QT_TRANSLATE_NOOP("Problems", "“%1” is not in this session's lineup"),
    ImportCode.AMBIGUOUS_PRODUCT: QT_TRANSLATE_NOOP("Problems", "“%1” matches several products: use the link number"),
    ImportCode.PRODUCT_KEY_MISSING: QT_TRANSLATE_NOOP("Problems", "the single-product script row names no product"),
    ImportCode.DURATION_MISMATCH: QT_TRANSLATE_NOOP("Problems", "the length differs from the time range; the range is used"),
    ImportCode.TIME_OVERLAP: QT_TRANSLATE_NOOP("Problems", "starts before the segment on row %1 ends"),
    ImportCode.NOT_IN_LINEUP: QT_TRANSLATE_NOOP("Problems", "“%1” is not in this session's lineup yet"),
    ImportCode.NO_TREND_HEADER: QT_TRANSLATE_NOOP(
        "Problems", "no header row in the first %1 rows (columns such as 时间 and 在线人数 were expected)"),
    ImportCode.MISSING_TIME_COLUMN: QT_TRANSLATE_NOOP("Problems", "no time column (one of: %1)"),
    ImportCode.NO_TREND_ROWS: QT_TRANSLATE_NOOP("Problems", "the table has no data rows"),
    ImportCode.TREND_COLUMN_IGNORED: QT_TRANSLATE_NOOP("Problems", "this column is not imported"),
    ImportCode.INCREMENTS_SUMMED: QT_TRANSLATE_NOOP("Problems", "per-minute values, added up into running totals"),
}


def _mb(value: str) -> str:
    try:
        return f"{int(value) / 1024 / 1024:.1f}"
    except ValueError:
        return value


def reason(problem: ImportProblem) -> str:
    p = problem.param
    code = problem.code
    if code not in _REASONS:
        return code.value
    template = tr(_REASONS[code])
    if code is ImportCode.FILE_TOO_LARGE:
        return _fill(template, _mb(p("size")), _mb(p("limit")))
    if code is ImportCode.UNSUPPORTED_TYPE:
        text = _fill(template, p("extension"))
        if p("hint") == "save_as_xlsx":
            text += QCoreApplication.translate("Problems", "; open it in Excel and save it as .xlsx")
        return text
    if code in (ImportCode.DUPLICATE_SKU, ImportCode.DUPLICATE_LINK):
        return _fill(template, p("first_row"))
    if code in (ImportCode.TIME_BEFORE_PREVIOUS, ImportCode.TIME_OVERLAP):
        return _fill(template, p("previous_row"))
    if code in (ImportCode.UNKNOWN_PRODUCT, ImportCode.AMBIGUOUS_PRODUCT, ImportCode.NOT_IN_LINEUP):
        return _fill(template, p("product") or problem.value)
    if code is ImportCode.LIVE_ABOVE_LIST:
        return _fill(template, p("live_price"), p("list_price"))
    if code is ImportCode.DUPLICATE_COLUMN:
        return _fill(template, p("used_column"))
    if code is ImportCode.UNNAMED_COLUMN_IGNORED:
        return _fill(template, p("position"))
    first = {
        ImportCode.UNREADABLE: "reason", ImportCode.UNSAFE_XML: "reason",
        ImportCode.ARCHIVE_TOO_LARGE: "reason", ImportCode.NO_HEADER: "rows_scanned",
        ImportCode.NO_SCRIPT_HEADER: "rows_scanned", ImportCode.MISSING_SEGMENT_COLUMN: "expected",
        ImportCode.NO_TREND_HEADER: "rows_scanned", ImportCode.MISSING_TIME_COLUMN: "expected",
        ImportCode.MISSING_TITLE_COLUMN: "expected", ImportCode.INVALID_VALUE: "core_code",
        ImportCode.SUSPICIOUS_VALUE: "core_code",
    }.get(code)
    return _fill(template, p(first)) if first else template


def _column(problem: ImportProblem) -> str:
    if problem.column is None:
        return f"({problem.column_letter})" if problem.column_letter else ""
    return f"{problem.column} ({problem.column_letter})" if problem.column_letter else problem.column


def problem_cells(problem: ImportProblem) -> list[str]:
    """File, sheet, row, column, value, reason: the columns of the error list."""
    return [
        Path(problem.file).name,
        problem.sheet or "",
        "" if problem.row is None else str(problem.row),
        _column(problem),
        problem.value,
        reason(problem),
    ]


def problem_line(problem: ImportProblem) -> str:
    """One line: 「demo.xlsx，工作表 排品表，第 5 行，「直播价」列 (E)，值 'abc'：不是数字」."""
    parts = [Path(problem.file).name]
    if problem.sheet:
        parts.append(_fill(QCoreApplication.translate("Problems", "sheet %1"), problem.sheet))
    if problem.row is not None:
        parts.append(_fill(QCoreApplication.translate("Problems", "row %1"), problem.row))
    if problem.column is not None or problem.column_letter:
        parts.append(_fill(QCoreApplication.translate("Problems", "column %1"), _column(problem)))
    if problem.value:
        parts.append(_fill(QCoreApplication.translate("Problems", "value “%1”"), problem.value))
    if problem.is_warning:
        kind = QCoreApplication.translate("Problems", "warning")
    else:
        kind = QCoreApplication.translate("Problems", "error")
    separator = QCoreApplication.translate("Problems", ", ")
    return f"{kind}: " + separator.join(parts) + QCoreApplication.translate("Problems", ": ") + reason(problem)


def problem_json(problem: ImportProblem) -> dict:
    return {
        "file": problem.file, "sheet": problem.sheet, "row": problem.row, "column": problem.column,
        "column_letter": problem.column_letter, "value": problem.value, "code": problem.code.value,
        "message": problem_line(problem),
    }


def unknown_session_text(name: str) -> str:
    text = QCoreApplication.translate(
        "Problems", "There is no session named “%1”: create it with `liveconsole session create`")
    return _fill(text, name)


def failure_text(path: Path, exc: BaseException) -> str:
    """The status-bar line for a failed import or export."""
    problems = getattr(exc, "problems", None)
    if problems is not None:
        errors = [p for p in problems if not p.is_warning]
        text = QCoreApplication.translate("Problems", "%1: %n problem(s), nothing was imported", None, len(errors))
        return _fill(text, Path(path).name)
    return _fill(QCoreApplication.translate("Problems", "%1 failed: %2"), Path(path).name, exc)
