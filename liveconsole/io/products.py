"""Products and session lineups (排品表) from an operator's spreadsheet: every row, or none and why."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal


from liveconsole.core.products import Category, FieldProblem, Product, ProblemCode
from liveconsole.io.numbers import NumberError, parse_count, parse_link_no, parse_money
from liveconsole.io.problems import ImportCode, ImportFailed, ImportProblem, file_problem
from liveconsole.io.tables import (
    MAX_BYTES,
    NO_COLUMN,
    HeaderedSheet,
    Sheet,
    Table,
    cell_text,
    is_blank,
    read_table,
)

# The names operators give each column. The first name of a field wins when two columns claim it
# (序号 beside 链接号), and it is the name the export writes.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "link_no": ("链接号", "序号", "链接", "编号", "链接序号"),
    "title": ("商品名称", "商品", "品名", "标题", "商品名", "商品标题"),
    "sku": ("货号", "SKU", "商品ID", "商品编码"),
    "list_price": ("日常价", "原价", "划线价", "吊牌价"),
    "live_price": ("直播价", "到手价", "直播间价", "活动价", "秒杀价", "直播间专享价"),
    "stock": ("库存", "库存数量", "数量", "直播库存"),
    "category": ("类型", "商品类型", "款式类型", "定位", "排品类型"),
    "selling_points": ("卖点", "核心卖点", "利益点"),
    "image_path": ("图片", "主图", "图片路径"),
}
HEADER_SCAN_ROWS = 30
_MIN_HEADER_FIELDS = 2  # one known word can be a title row ("商品" alone); a header has several

CATEGORY_WORDS: dict[str, Category] = {
    "引流": Category.TRAFFIC,
    "福利": Category.WELFARE,
    "宠粉": Category.WELFARE,
    "利润": Category.PROFIT,
    "主推": Category.PROFIT,
    "爆": Category.PROFIT,  # 爆款 / 爆品
    "形象": Category.IMAGE,
    "品牌": Category.IMAGE,
    "常规": Category.REGULAR,
    **dict.fromkeys(("", "-", "--", "—", "——", "/"), Category.REGULAR),
    **{category.value: category for category in Category},  # storage codes, from other tools
}

_TOTAL_WORDS = frozenset({"合计", "总计", "小计", "total"})
_TRAILING_BRACKETS = re.compile(r"[(\[【][^()\[\]【】]*[)\]】]$")
_POINT_SEPARATORS = re.compile(r"[\r\n;；|｜]+")
# "1." "2、" "3)" "(4)" "①" "•" "- ": list numbering, not part of the point. "1.5倍" keeps its digits.
_NUMBERING = re.compile(
    r"(?:\d{1,2}[.、．)）](?!\d)|[(（]\d{1,2}[)）]|[①-⑳❶-❿⑴-⒇⒈-⒛]|[•·●▪◆★]|[-*]\s)\s*"
)

_CORE_CODES = {
    ProblemCode.TITLE_MISSING: ImportCode.TITLE_MISSING,
    ProblemCode.NEGATIVE_PRICE: ImportCode.NEGATIVE,
    ProblemCode.NEGATIVE_STOCK: ImportCode.NEGATIVE,
    ProblemCode.NEGATIVE_LINK: ImportCode.NEGATIVE,
    ProblemCode.LIVE_ABOVE_LIST: ImportCode.LIVE_ABOVE_LIST,
}


class UnknownCategory(ValueError):
    pass


def normalise_header(text: str) -> str:
    """Header text as matched: half-width, no spaces, no "(元)" unit or "*" mark, lower case."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lstrip("*")
    return _TRAILING_BRACKETS.sub("", text).casefold()


_ALIAS_FIELDS: dict[str, tuple[str, int]] = {
    normalise_header(alias): (name, rank)
    for name, aliases in FIELD_ALIASES.items()
    for rank, alias in enumerate(aliases)
}


def parse_category(value: object) -> Category:
    """引流(款) / 福利 / 宠粉 / 利润 / 主推 / 爆款 / 形象 / 品牌 / 常规 / blank.

    Raises UnknownCategory for any other word.
    """
    word = normalise_header(cell_text(value))
    if word.endswith(("款", "品")):
        word = word[:-1]
    try:
        return CATEGORY_WORDS[word]
    except KeyError:
        raise UnknownCategory(value) from None


def split_selling_points(text: str) -> tuple[str, ...]:
    """One point per line (or per ；/;/|), without list numbering."""
    parts = (part.strip() for part in _POINT_SEPARATORS.split(text))
    points = (_NUMBERING.sub("", part, count=1).strip() for part in parts)
    return tuple(point for point in points if point)


@dataclass
class ProductImport:
    """What a file gave: products in file order, where they came from, and the warnings to show."""

    products: list[Product]
    encoding: str | None
    sheet: str | None
    header_row: int  # as the spreadsheet shows it
    columns: dict[str, str]  # field -> header text as written
    warnings: list[ImportProblem] = field(default_factory=list)


def read_products(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> ProductImport:
    """Read every product of the file. Raises ImportFailed, with every problem, if any is an error."""
    table = read_table(path, max_bytes)
    return _SheetReader.choose(table).read()


_PARSERS: dict[str, Callable[[object], object]] = {
    "link_no": parse_link_no,
    "title": cell_text,
    "sku": cell_text,
    "list_price": parse_money,
    "live_price": parse_money,
    "stock": parse_count,
    "category": parse_category,
    "selling_points": lambda value: split_selling_points(cell_text(value)),
    "image_path": cell_text,
}
# Fields that make a row a product: a row with only a pre-filled 序号 or a merged 类型 is a spare line.
_CONTENT_FIELDS = (
    "title", "sku", "list_price", "live_price", "stock", "selling_points", "image_path"
)


class _SheetReader(HeaderedSheet):
    """Reads one sheet whose header row is known; collects problems instead of stopping at one."""

    def __init__(self, table: Table, sheet: Sheet, header_index: int) -> None:
        super().__init__(table, sheet, header_index)
        self.note_columns: list[int] = []
        self._map_columns()

    @classmethod
    def choose(cls, table: Table) -> _SheetReader:
        """The first sheet (visible first) whose header has a title column, else the first header."""
        ordered = sorted(table.sheets, key=lambda sheet: not sheet.visible)
        found = [
            cls(table, sheet, index)
            for sheet in ordered
            if (index := _header_index(sheet)) is not None
        ]
        if not found:
            problem = file_problem(table.path, ImportCode.NO_HEADER, rows_scanned=HEADER_SCAN_ROWS)
            raise ImportFailed([problem])
        with_title = [reader for reader in found if "title" in reader.fields]
        chosen = with_title[0] if with_title else found[0]
        for other in with_title[1:]:
            problem = other._problem(ImportCode.OTHER_SHEET_IGNORED, other.header_row)
            chosen._found.append((0, NO_COLUMN, problem))
        return chosen

    def _map_columns(self) -> None:
        claims: dict[str, list[tuple[int, int]]] = {}  # field -> [(alias rank, column)]
        for column, header in enumerate(self.headers):
            known = _ALIAS_FIELDS.get(normalise_header(header)) if header else None
            if known is not None:
                claims.setdefault(known[0], []).append((known[1], column))
            elif header:
                self.note_columns.append(column)
                self._add(ImportCode.UNKNOWN_COLUMN_KEPT, self.header_row, column)
        for name, columns in claims.items():
            (_, used), *others = sorted(columns)
            self.fields[name] = used
            for _, column in others:
                self.note_columns.append(column)
                params = {"field": name, "used_column": self.headers[used]}
                self._add(ImportCode.DUPLICATE_COLUMN, self.header_row, column, **params)
        self.note_columns.sort()

    def read(self) -> ProductImport:
        if "title" not in self.fields:
            expected = "、".join(FIELD_ALIASES["title"])
            code = ImportCode.MISSING_TITLE_COLUMN
            raise ImportFailed([self._problem(code, self.header_row, expected=expected)])
        products: list[Product] = []
        first_rows: dict[str, dict[object, int]] = {"sku": {}, "link_no": {}}
        unnamed: dict[int, str] = {}  # column -> first value seen under an empty header
        for index in range(self.header_row, len(self.sheet.rows)):  # header_row - 1 is the header
            row, row_number = self.sheet.rows[index], index + 1
            if all(is_blank(value) for value in row) or self._is_layout(row, row_number):
                continue
            product, acceptable = self._product(row, row_number)
            if acceptable:
                products.append(product)
            for name, key, code in (
                ("sku", product.sku or None, ImportCode.DUPLICATE_SKU),
                ("link_no", product.link_no, ImportCode.DUPLICATE_LINK),
            ):
                if key is not None and key in first_rows[name]:
                    self._add_cell(code, row, row_number, name, first_row=first_rows[name][key])
                elif key is not None:
                    first_rows[name][key] = row_number
            for column, value in enumerate(row):
                if not self._header(column) and not is_blank(value):
                    unnamed.setdefault(column, cell_text(value))
        for column, example in sorted(unnamed.items()):
            self._add(
                ImportCode.UNNAMED_COLUMN_IGNORED,
                self.header_row,
                column,
                position=column + 1,
                example=example,
            )
        problems = self.problems()
        if not products and all(problem.is_warning for problem in problems):
            problems.append(self._problem(ImportCode.NO_ROWS, self.header_row))
        if not all(problem.is_warning for problem in problems):
            raise ImportFailed(problems)
        return ProductImport(
            products=products,
            encoding=self.table.encoding,
            sheet=self.sheet.name,
            header_row=self.header_row,
            columns={name: self.headers[column] for name, column in self.fields.items()},
            warnings=problems,
        )

    def _is_layout(self, row: list[object], row_number: int) -> bool:
        """Rows that are the sheet's layout, not products: dividers, totals, spare lines."""
        texts = [cell_text(value) for value in row]
        filled = [text for text in texts if text]
        if len(filled) >= 3 and len(set(filled)) == 1:  # a merged divider like 「福利款专区」
            self._add(ImportCode.SECTION_ROW_SKIPPED, row_number, value=filled[0])
            return True
        if self._cell(row, self.fields["title"]):
            return False
        if any(normalise_header(text).rstrip(":") in _TOTAL_WORDS for text in filled):
            self._add(ImportCode.TOTAL_ROW_SKIPPED, row_number)
            return True
        content = [self.fields[name] for name in _CONTENT_FIELDS if name in self.fields]
        return not any(self._cell(row, column) for column in content + self.note_columns)

    def _product(self, row: list[object], row_number: int) -> tuple[Product, bool]:
        """The row as a product (fields that did not parse left empty), and whether it is valid."""
        values: dict[str, object] = {"title": ""}
        acceptable = True
        for name, column in sorted(self.fields.items(), key=lambda item: item[1]):
            try:
                values[name] = _PARSERS[name](self._raw(row, column))
            except NumberError as exc:
                self._add_cell(exc.code, row, row_number, name)
                acceptable = False
            except UnknownCategory:
                self._add_cell(ImportCode.UNKNOWN_CATEGORY, row, row_number, name)
                acceptable = False
        notes = tuple(
            (self.headers[column], text)
            for column in self.note_columns
            if (text := self._cell(row, column))
        )
        product = Product(notes=notes, **values)  # type: ignore[arg-type]
        for found in product.problems():
            acceptable &= found.is_warning
            self._add_core(found, product, row, row_number)
        return product, acceptable

    def _add_core(
        self, found: FieldProblem, product: Product, row: list[object], row_number: int
    ) -> None:
        code = _CORE_CODES.get(found.code)
        params: dict[str, object] = {}
        if code is None:  # a rule the core gained later: still reported, under its own code
            code = ImportCode.SUSPICIOUS_VALUE if found.is_warning else ImportCode.INVALID_VALUE
            params["core_code"] = found.code.value
        if code is ImportCode.LIVE_ABOVE_LIST:
            params["list_price"] = _money_text(product.list_price)
            params["live_price"] = _money_text(product.live_price)
        self._add_cell(code, row, row_number, found.field, **params)


def _header_index(sheet: Sheet) -> int | None:
    """The row among the first HEADER_SCAN_ROWS that names the most known fields (at least two)."""
    best: tuple[int, int] | None = None  # (field count, row index)
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        keys = (normalise_header(cell_text(value)) for value in row)
        names = {_ALIAS_FIELDS[key][0] for key in keys if key in _ALIAS_FIELDS}
        if len(names) >= _MIN_HEADER_FIELDS and (best is None or len(names) > best[0]):
            best = (len(names), index)
    return None if best is None else best[1]


def _money_text(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")
