"""Spreadsheet files written the way operators' tools write them, in each test's tmp_path."""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest

Rows = Sequence[Sequence[object]]

HEADER = ["序号", "商品名称", "货号", "原价", "直播价", "库存", "类型", "核心卖点", "主图"]


def write_xlsx(
    path: Path,
    sheets: dict[str, Rows],
    *,
    merges: dict[str, Sequence[str]] | None = None,
    hidden: Sequence[str] = (),
) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cell_range in (merges or {}).get(name, ()):
            sheet.merge_cells(cell_range)
        if name in hidden:
            sheet.sheet_state = "hidden"
    workbook.save(path)
    workbook.close()
    return path


def write_csv(
    path: Path, rows: Rows, *, encoding: str = "utf-8", delimiter: str = ","
) -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        csv.writer(stream, delimiter=delimiter).writerows(rows)
    return path


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def write_raw_xlsx(path: Path, shared_strings: str, extra: dict[str, bytes] | None = None) -> Path:
    """A hand-made workbook whose A1 is shared string 0, for feeding the parser crafted XML."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels"'
            ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'
            '<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
        ),
        "xl/sharedStrings.xml": shared_strings,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def shared_strings(text: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}"><si><t>{text}</t></si></sst>'


@pytest.fixture
def xlsx_file(tmp_path: Path) -> Callable[..., Path]:
    """Write a workbook: xlsx_file({"排品表": rows}, merges={"排品表": ["A1:I1"]})."""

    def make(sheets: dict[str, Rows], name: str = "lineup.xlsx", **options: object) -> Path:
        return write_xlsx(tmp_path / name, sheets, **options)  # type: ignore[arg-type]

    return make


@pytest.fixture
def csv_file(tmp_path: Path) -> Callable[..., Path]:
    """Write a csv: csv_file(rows, encoding="gb18030", delimiter="\\t")."""

    def make(rows: Rows, name: str = "lineup.csv", **options: object) -> Path:
        return write_csv(tmp_path / name, rows, **options)  # type: ignore[arg-type]

    return make
