"""Products to .xlsx or .csv in the column names operators use; the files read back unchanged."""

from __future__ import annotations

import csv
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from liveconsole.core.products import FIELD_ORDER, Category, Product
from liveconsole.io.products import FIELD_ALIASES
from liveconsole.io.tables import neutralise

EXPORT_FIELDS = FIELD_ORDER
# The first alias of each field, so the import maps every exported column back without a doubt.
EXPORT_HEADERS = tuple(FIELD_ALIASES[name][0] for name in EXPORT_FIELDS)
CATEGORY_NAMES = {
    Category.TRAFFIC: "引流款",
    Category.WELFARE: "福利款",
    Category.PROFIT: "利润款",
    Category.IMAGE: "形象款",
    Category.REGULAR: "常规款",
}
_MONEY_FIELDS = frozenset({"list_price", "live_price"})
_WIDTHS = {"title": 36, "selling_points": 40, "image_path": 24, "sku": 14}


def write_products(
    path: str | os.PathLike[str], products: Iterable[Product], *, sheet_title: str = "排品表"
) -> None:
    """Write .xlsx or .csv (UTF-8 with BOM, which Excel on Chinese Windows opens correctly).

    The file appears whole or not at all: it is written beside the target and then swapped in.
    Raises ValueError for another extension, OSError when the folder or the file cannot be written
    (on Windows, typically because the file is open in Excel).
    """
    path = Path(path)
    writers: dict[str, Callable[[Path, list[str], list[list[object]]], None]] = {
        ".xlsx": lambda target, headers, rows: _write_xlsx(target, headers, rows, sheet_title),
        ".csv": _write_csv,
    }
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"cannot export to {path.suffix!r}: use .xlsx or .csv")
    headers, rows = _table(list(products))
    handle, temp_name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.stem}-", suffix=path.suffix
    )
    os.close(handle)
    temp = Path(temp_name)
    try:
        writer(temp, headers, rows)
        # mkstemp makes the file private (0600); give it the mode a normal save would have.
        os.chmod(temp, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _table(products: Sequence[Product]) -> tuple[list[str], list[list[object]]]:
    """Header texts and a row of cell values per product; a column per note key, first seen first."""
    note_columns: list[tuple[str, int]] = []  # (key, nth use of that key in one product)
    for product in products:
        for column in _note_slots(product):
            if column not in note_columns:
                note_columns.append(column)
    headers = list(EXPORT_HEADERS) + [key for key, _ in note_columns]
    rows = []
    for product in products:
        notes = dict(zip(_note_slots(product), (value for _, value in product.notes)))
        row: list[object] = [
            product.link_no,
            product.title,
            product.sku,
            product.list_price,
            product.live_price,
            product.stock,
            CATEGORY_NAMES[product.category],
            "\n".join(product.selling_points),
            product.image_path,
        ]
        rows.append(row + [notes.get(column, "") for column in note_columns])
    return headers, rows


def _note_slots(product: Product) -> list[tuple[str, int]]:
    seen: dict[str, int] = {}
    slots = []
    for key, _ in product.notes:
        slots.append((key, seen.get(key, 0)))
        seen[key] = seen.get(key, 0) + 1
    return slots


def _text_cell(value: object) -> object:
    """Texts are neutralised; numbers stay numbers; an empty text is an empty cell."""
    if isinstance(value, str):
        return neutralise(value) if value else None
    return value


def _write_xlsx(path: Path, headers: list[str], rows: list[list[object]], sheet_title: str) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    sheet.append([neutralise(header) for header in headers])  # note keys are operators' text too
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        # Control characters pasted from web pages are not allowed in the XML; they show as nothing.
        cells = map(_text_cell, row)
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in cells])
    for index, name in enumerate(EXPORT_FIELDS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _WIDTHS.get(name, 10)
        if name in _MONEY_FIELDS or name == "selling_points":
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                if name in _MONEY_FIELDS:
                    cell.number_format = "0.00"
                else:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    workbook.save(path)
    workbook.close()


def _write_csv(path: Path, headers: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([neutralise(header) for header in headers])
        for row in rows:
            writer.writerow([_csv_text(value) for value in row])


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")  # already two places: "99.90", never 99.9
    if isinstance(value, str):
        return neutralise(value)
    return str(value)
