"""Spreadsheet files as plain rows of cell values (.xlsx, .csv), refusing unsafe or oversized input.

Also owns cell text: how a value reads as text, and the quote that stops a text running as a formula.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import math
import os
import re
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal, NoReturn

import charset_normalizer
import openpyxl
import openpyxl.xml
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from defusedxml import (
    DTDForbidden,
    EntitiesForbidden,
    ExternalReferenceForbidden,
    NotSupportedError,
)

from liveconsole.io.problems import ImportCode, ImportFailed, ImportProblem, file_problem

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
# Small parts (styles, a short sheet) may deflate by more than 100x; a bomb has to be big.
_RATIO_APPLIES_ABOVE = 1024 * 1024

XLSX_EXTENSIONS = frozenset({".xlsx", ".xlsm"})
CSV_EXTENSIONS = frozenset({".csv", ".tsv", ".txt"})
OLD_EXCEL_EXTENSIONS = frozenset({".xls", ".et"})  # .et: WPS 表格's own binary format

_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, .et, and password-protected .xlsx
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_DELIMITERS = ",\t;"
_SNIFF_CHARS = 64 * 1024

_UNSAFE_XML = {
    DTDForbidden: "dtd",
    EntitiesForbidden: "entities",
    ExternalReferenceForbidden: "external",
    NotSupportedError: "unsupported",
}

# Text starting with one of these is a formula (or a DDE payload) to Excel and WPS; "'" is included
# so a text that really starts with a quote survives the round trip.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")


@dataclass
class Sheet:
    """One sheet's cells by row, rows[0] being spreadsheet row 1; blank rows stay, so numbers hold."""

    name: str | None  # None for csv
    rows: list[list[object]]
    visible: bool = True


@dataclass
class Table:
    path: Path
    kind: Literal["xlsx", "csv"]
    encoding: str | None  # the codec actually used for csv; None for xlsx
    sheets: list[Sheet] = field(default_factory=list)


def neutralise(text: str) -> str:
    """Prefix a quote so a spreadsheet shows the text instead of running it."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def unneutralise(text: str) -> str:
    """Undo `neutralise`: drop a leading quote that protects a formula-like text."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_TRIGGERS:
        return text[1:]
    return text


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# Invisible control characters (NUL and friends) come from pasted web text; PostgreSQL refuses NUL.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def cell_text(value: object) -> str:
    """What the cell says: stripped, dates as ISO, 12.0 as "12", the protecting quote removed."""
    if value is None:
        return ""
    if isinstance(value, str):
        return unneutralise(_CONTROL.sub("", value.replace("\r\n", "\n")).strip()).strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if not math.isfinite(value):
            return repr(value)
        if value.is_integer() and abs(value) < 2**53:  # a number-typed 货号 or barcode
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def read_table(
    path: str | os.PathLike[str],
    max_bytes: int = MAX_BYTES,
    *,
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES,
    max_ratio: float = MAX_RATIO,
) -> Table:
    """Read every sheet of an .xlsx, or the one table of a .csv. Raises ImportFailed."""
    path = Path(path)
    extension = path.suffix.lower()
    data = _read_bytes(path, max_bytes)
    known = XLSX_EXTENSIONS | CSV_EXTENSIONS | OLD_EXCEL_EXTENSIONS
    if extension not in known:
        _fail(path, ImportCode.UNSUPPORTED_TYPE, extension=extension, hint="")
    # The content decides the format when it is unambiguous: operators rename files.
    if data.startswith(_ZIP_MAGIC):
        sheets = _read_xlsx(path, data, max_unpacked_bytes, max_ratio)
        return Table(path, "xlsx", None, sheets)
    if data.startswith(_OLE2_MAGIC):
        if _ENCRYPTED_STREAM in data:
            _fail(path, ImportCode.ENCRYPTED)
        _fail(path, ImportCode.UNSUPPORTED_TYPE, extension=extension, hint="save_as_xlsx")
    if extension in XLSX_EXTENSIONS:
        _fail(path, ImportCode.UNREADABLE, reason="not_a_zip", detail="")
    if extension in OLD_EXCEL_EXTENSIONS:  # often HTML or text that back-office systems name .xls
        _fail(path, ImportCode.UNSUPPORTED_TYPE, extension=extension, hint="save_as_xlsx")
    text, encoding = _decode(path, data)
    return Table(path, "csv", encoding, [Sheet(None, _csv_rows(path, text))])


def _fail(path: Path, code: ImportCode, **params: object) -> NoReturn:
    raise ImportFailed([file_problem(path, code, **params)])


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            _fail(path, ImportCode.UNREADABLE, reason="is_directory", detail="")
        size = path.stat().st_size
        if size > max_bytes:
            _fail(path, ImportCode.FILE_TOO_LARGE, size=size, limit=max_bytes)
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)  # the file may have grown since stat
    except FileNotFoundError:
        _fail(path, ImportCode.FILE_NOT_FOUND)
    except PermissionError as exc:
        _fail(path, ImportCode.UNREADABLE, reason="permission", detail=exc.strerror or "")
    except OSError as exc:
        _fail(path, ImportCode.UNREADABLE, reason="os_error", detail=exc.strerror or str(exc))
    if len(data) > max_bytes:
        _fail(path, ImportCode.FILE_TOO_LARGE, size=len(data), limit=max_bytes)
    return data


# --- xlsx --------------------------------------------------------------------------------------


def _check_archive(path: Path, data: bytes, max_unpacked_bytes: int, max_ratio: float) -> None:
    """Refuse a zip bomb from the declared sizes, before anything is decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        _fail(path, ImportCode.UNREADABLE, reason="not_a_zip", detail=str(exc))
    total = sum(member.file_size for member in members)
    if total > max_unpacked_bytes:
        code = ImportCode.ARCHIVE_TOO_LARGE
        _fail(path, code, reason="total", size=total, limit=max_unpacked_bytes)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_APPLIES_ABOVE and ratio > max_ratio:
            _fail(
                path,
                ImportCode.ARCHIVE_TOO_LARGE,
                reason="ratio",
                member=member.filename,
                ratio=int(ratio),
                limit=max_ratio,
            )
    # zipfile stops inflating a member at its declared size, so the declared sizes bound the work.


def _read_xlsx(path: Path, data: bytes, max_unpacked_bytes: int, max_ratio: float) -> list[Sheet]:
    _check_archive(path, data, max_unpacked_bytes, max_ratio)
    if not openpyxl.xml.DEFUSEDXML:
        # OPENPYXL_DEFUSEDXML=False in the environment: entity expansion would be unguarded.
        raise RuntimeError("openpyxl is not using defusedxml; refusing to parse workbooks")
    try:
        with warnings.catch_warnings():
            # Unsupported extensions (data validation, slicers) are dropped with a UserWarning
            # that says nothing to the operator.
            warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")
            workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except zipfile.BadZipFile as exc:
        _fail(path, ImportCode.UNREADABLE, reason="not_a_zip", detail=str(exc))
    except KeyError as exc:  # a zip without the workbook parts: a .docx, or a plain zip
        _fail(path, ImportCode.UNREADABLE, reason="not_a_workbook", detail=str(exc))
    except Exception as exc:  # noqa: BLE001 - openpyxl raises anything on damaged XML
        unsafe = _unsafe_xml_reason(exc)
        if unsafe:
            _fail(path, ImportCode.UNSAFE_XML, reason=unsafe)
        _fail(path, ImportCode.UNREADABLE, reason="corrupt", detail=f"{type(exc).__name__}: {exc}")
    try:
        return [_sheet(worksheet) for worksheet in workbook.worksheets]
    finally:
        workbook.close()


def _unsafe_xml_reason(exc: BaseException | None) -> str:
    """Which defusedxml guard tripped, if any; openpyxl re-raises parse errors as ValueError."""
    while exc is not None:
        for kind, reason in _UNSAFE_XML.items():
            if isinstance(exc, kind):
                return reason
        exc = exc.__cause__ or exc.__context__
    return ""


def _sheet(worksheet: Worksheet) -> Sheet:
    rows = [list(values) for values in worksheet.iter_rows(values_only=True)]
    # Operators merge a category over a block of products, or a title across the top: every
    # cell of the range reads as the value shown.
    for merged in worksheet.merged_cells.ranges:
        top_left = rows[merged.min_row - 1][merged.min_col - 1]
        for row in rows[merged.min_row - 1 : merged.max_row]:
            for column in range(merged.min_col - 1, min(merged.max_col, len(row))):
                row[column] = top_left
    while rows and all(is_blank(value) for value in rows[-1]):
        rows.pop()
    return Sheet(worksheet.title, rows, visible=worksheet.sheet_state == "visible")


# --- csv ---------------------------------------------------------------------------------------


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text and the codec that read it. Order: BOM, strict UTF-8, GB18030, then a guess."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),  # Excel's "Unicode text"
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                _fail(path, ImportCode.UNKNOWN_ENCODING)
    if b"\x00" in data:
        _fail(path, ImportCode.UNREADABLE, reason="binary", detail="")
    # GB18030 is a superset of GBK: what Excel's "CSV" writes on Chinese Windows.
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        _fail(path, ImportCode.UNKNOWN_ENCODING)
    return str(best), best.encoding


def _delimiter(text: str) -> str:
    sample = text[:_SNIFF_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        pass
    # The sniffer gives up on short files with a title row; count columns per record instead
    # (csv.reader, unlike the sniffer, knows a quoted 卖点 cell may span lines). Ties go to comma.
    truncated = len(text) > len(sample)
    return max(_DELIMITERS, key=lambda delimiter: _steady_rows(sample, delimiter, truncated))


def _steady_rows(sample: str, delimiter: str, truncated: bool) -> int:
    """How many records have the most common width, when that width is more than one column."""
    try:
        records = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
    except csv.Error:
        return 0
    if truncated:
        records = records[:-1]
    widths = Counter(len(record) for record in records if any(cell.strip() for cell in record))
    if not widths:
        return 0
    width, count = widths.most_common(1)[0]
    return count if width > 1 else 0


def _csv_rows(path: Path, text: str) -> list[list[object]]:
    delimiter = _delimiter(text)
    try:
        records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return [list(record) for record in records]
    except csv.Error as exc:  # a cell over the csv module's field size limit
        _fail(path, ImportCode.UNREADABLE, reason="corrupt", detail=str(exc))


NO_COLUMN = -1  # sorts a row-wide problem before the cell problems of its row


class HeaderedSheet:
    """One sheet whose header row is known, read by an import that collects every problem (file, sheet,
    row, column, value) instead of stopping at the first. `fields` maps a field to its column."""

    def __init__(self, table: Table, sheet: Sheet, header_index: int) -> None:
        self.table = table
        self.sheet = sheet
        self.header_row = header_index + 1  # as the spreadsheet shows it
        self.headers = [cell_text(value) for value in sheet.rows[header_index]]
        self.fields: dict[str, int] = {}  # field -> column index
        self._found: list[tuple[int, int, ImportProblem]] = []  # (row, column) first, for sorting

    def problems(self) -> list[ImportProblem]:
        """Everything found so far, in the order of the sheet."""
        return [problem for _, _, problem in sorted(self._found, key=lambda found: found[:2])]

    def _add_cell(self, code: ImportCode, row: list[object], row_number: int, name: str,
                  **params: object) -> None:
        """A problem with one field's cell: located by its column, showing what the cell says."""
        column = self.fields.get(name)
        value = cell_text(self._raw(row, column)) if column is not None else ""
        self._add(code, row_number, column, value=value, field=name, **params)

    def _add(self, code: ImportCode, row_number: int, column: int | None = None, *, value: str = "",
             **params: object) -> None:
        problem = self._problem(code, row_number, column, value=value, **params)
        self._found.append((row_number, NO_COLUMN if column is None else column, problem))

    def _problem(self, code: ImportCode, row_number: int, column: int | None = None, *, value: str = "",
                 **params: object) -> ImportProblem:
        letter = get_column_letter(column + 1) if column is not None and self.table.kind == "xlsx" else None
        return ImportProblem(
            file=str(self.table.path),
            sheet=self.sheet.name,
            row=row_number,
            column=(self._header(column) if column is not None else "") or None,
            value=value,
            code=code,
            params=tuple((key, str(param)) for key, param in params.items()),
            column_letter=letter,
        )

    def _header(self, column: int) -> str:
        return self.headers[column] if column < len(self.headers) else ""

    @staticmethod
    def _raw(row: list[object], column: int | None) -> object:
        return row[column] if column is not None and column < len(row) else None

    @classmethod
    def _cell(cls, row: list[object], column: int) -> str:
        return cell_text(cls._raw(row, column))
