"""Session scripts (整场脚本, with 单品脚本) from and to operators' spreadsheets: every segment, or none
and why. Times, durations and product references are read the many ways operators write them."""

from __future__ import annotations

import csv
import datetime as dt
import math
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from liveconsole.core.products import MAX_COUNT, Product
from liveconsole.core.script import (
    MAX_SEGMENT_S,
    InteractionKind,
    ProductScript,
    Script,
    Segment,
    SegmentType,
)
from liveconsole.io.numbers import NumberError, parse_link_no
from liveconsole.io.problems import ImportCode, ImportFailed, ImportProblem, file_problem
from liveconsole.io.products import normalise_header, split_selling_points
from liveconsole.io.tables import MAX_BYTES, Sheet, Table, cell_text, is_blank, neutralise, read_table

# The names operators give each column; the first name of a field wins when two columns claim it,
# and it is the name the export writes.
SEGMENT_ALIASES: dict[str, tuple[str, ...]] = {
    "time": ("时间段", "时间", "时段", "开始时间", "起止时间", "时间节点", "直播时间", "时间安排"),
    "end": ("结束时间", "截止时间"),
    "title": ("环节", "流程", "环节名称", "直播环节", "流程环节", "直播流程", "板块"),
    "type": ("类型", "环节类型"),
    "duration": ("时长", "用时", "持续时间", "预计时长", "分钟"),
    "products": ("链接号", "商品", "链接", "商品/链接号", "链接号/商品", "对应商品", "讲解商品", "商品序号", "产品"),
    "scene": ("场景", "镜头", "画面", "OBS场景", "机位", "场景切换"),
    "interaction": ("互动", "互动环节", "互动玩法", "福利活动"),
    "talking_points": (
        "话术", "内容", "说明", "话术要点", "直播内容", "主要内容", "具体内容", "讲解内容", "话术内容", "脚本",
    ),
    "notes": ("备注",),
}
PRODUCT_SCRIPT_ALIASES: dict[str, tuple[str, ...]] = {
    "link_no": ("链接号", "序号", "链接", "编号"),
    "sku": ("货号", "SKU", "商品ID", "商品编码"),
    "title": ("商品名称", "商品", "品名", "商品名", "产品"),
    "brand_intro": ("品牌介绍", "品牌故事", "品牌"),
    "selling_points": ("核心卖点", "卖点", "产品卖点"),
    "benefits": ("利益点", "福利", "优惠", "福利机制", "赠品"),
    "price_anchor": ("价格锚点", "价格对比", "价格锚定"),
    "call_to_action": ("引导转化", "引导下单", "转化话术", "促单话术", "逼单话术"),
}
_PRODUCT_KEYS = ("link_no", "sku", "title")
_PRODUCT_CONTENT = ("brand_intro", "selling_points", "benefits", "price_anchor", "call_to_action")
HEADER_SCAN_ROWS = 30
SCRIPT_SHEET = "整场脚本"
PRODUCT_SCRIPT_SHEET = "单品脚本"
DAY_S = 24 * 3600
_HALF_DAY_S = DAY_S // 2
_MAX_LINK_RANGE = 200  # "1-36" covers a lineup; "1-5000" is a typo

TYPE_NAMES = {
    SegmentType.OPENING: "开场",
    SegmentType.WARM_UP: "暖场",
    SegmentType.PRODUCT: "产品讲解",
    SegmentType.INTERACTION: "互动",
    SegmentType.TRANSITION: "过渡",
    SegmentType.CLOSING: "收尾",
}
INTERACTION_NAMES = {
    InteractionKind.LUCKY_BAG: "福袋",
    InteractionKind.LOTTERY: "抽奖",
    InteractionKind.FLASH_SALE: "秒杀",
    InteractionKind.COUPON: "发券",
}
# Words that name an interaction inside any text ("发福袋", "整点抽奖"), longest first.
_INTERACTION_WORDS: tuple[tuple[str, InteractionKind], ...] = (
    ("优惠券", InteractionKind.COUPON),
    ("福袋", InteractionKind.LUCKY_BAG),
    ("抽奖", InteractionKind.LOTTERY),
    ("秒杀", InteractionKind.FLASH_SALE),
    ("发券", InteractionKind.COUPON),
    ("领券", InteractionKind.COUPON),
)
TYPE_WORDS: dict[str, SegmentType] = {
    **dict.fromkeys(("开场", "开播"), SegmentType.OPENING),
    **dict.fromkeys(("暖场", "预热"), SegmentType.WARM_UP),
    **dict.fromkeys(
        ("产品讲解", "讲解", "产品", "商品讲解", "产品介绍", "讲品", "过款", "返场"), SegmentType.PRODUCT
    ),
    **dict.fromkeys(("互动", "福袋", "抽奖", "秒杀", "发券", "优惠券", "领券"), SegmentType.INTERACTION),
    **dict.fromkeys(("过渡", "转场", "休息"), SegmentType.TRANSITION),
    **dict.fromkeys(("收尾", "结尾", "下播", "结束"), SegmentType.CLOSING),
    **{segment_type.value: segment_type for segment_type in SegmentType},  # storage codes
}
# Title words that tell a segment's type when no 类型 says it, in the order they are tried.
_TITLE_WORDS: tuple[tuple[tuple[str, ...], SegmentType], ...] = (
    (("开场", "开播"), SegmentType.OPENING),
    (("暖场", "预热"), SegmentType.WARM_UP),
    (("收尾", "下播", "结尾", "结束"), SegmentType.CLOSING),
    (("过渡", "转场", "休息", "稍后回来"), SegmentType.TRANSITION),
    (("福袋", "抽奖", "秒杀", "发券", "优惠券", "领券", "互动", "答疑", "问答", "连麦"), SegmentType.INTERACTION),
)
_NOTHING = frozenset({"", "-", "--", "—", "——", "/", "无", "没有", "none"})
_TOTAL_WORDS = frozenset({"合计", "总计", "小计", "total"})


class _CellError(ValueError):
    """A cell that does not read as what its column holds; `code` and `params` say why."""

    def __init__(self, code: ImportCode, **params: object) -> None:
        super().__init__(code.value)
        self.code = code
        self.params = params


def _clean(value: str) -> str:
    # NFKC folds full-width digits and "：", "～", "－" to their ASCII forms.
    return unicodedata.normalize("NFKC", value).strip()


# --- times of day ------------------------------------------------------------------------------

_CLOCK = (
    r"(?:(?P<{p}part>上午|早上|中午|下午|晚上|晚|凌晨)\s*)?(?P<{p}h>\d{{1,2}})\s*"
    r"(?::\s*(?P<{p}m>\d{{2}})(?::(?P<{p}s>\d{{2}}))?|\.(?P<{p}dm>\d{{2}})"
    r"|[点时](?:\s*(?P<{p}cm>\d{{1,2}})\s*分?|(?P<{p}half>半))?)"
)
_RANGE_SEPARATOR = r"\s*(?:-+|~+|—+|–+|至|到)\s*"
_ONE_CLOCK = re.compile(_CLOCK.format(p="a"))
_CLOCK_RANGE = re.compile(_CLOCK.format(p="a") + _RANGE_SEPARATOR + _CLOCK.format(p="b"))


def _clock_seconds(match: re.Match[str], p: str) -> int:
    hour = int(match[f"{p}h"])
    minute_text = match[f"{p}m"] or match[f"{p}dm"] or match[f"{p}cm"]
    minute = 30 if match[f"{p}half"] else int(minute_text or 0)
    second = int(match[f"{p}s"] or 0)
    part = match[f"{p}part"]
    if part in ("下午", "晚上", "晚") and hour < 12 or part == "中午" and hour < 6:
        hour += 12
    if minute > 59 or second > 59 or hour > 24 or (hour == 24 and (minute or second)):
        raise _CellError(ImportCode.BAD_TIME, reason="unreadable")
    return hour * 3600 + minute * 60 + second


def _time_of_day_seconds(value: dt.time) -> int:
    seconds = value.hour * 3600 + value.minute * 60 + value.second
    # Excel keeps times as fractions of a day: 20:00 may come back as 19:59:59.999999.
    return seconds + (1 if value.microsecond >= 500_000 else 0)


@dataclass(frozen=True)
class TimeCell:
    """What a 时间 cell says: a start (seconds after midnight), maybe an end, or only a duration."""

    start: int | None = None
    end: int | None = None
    duration: int | None = None


def parse_time_cell(value: object) -> TimeCell:
    """20:00, 20:00-20:15, 20:00～20:15, 晚上8点, 8点半, or a duration (15分钟) where a time was
    expected. An empty cell gives an empty TimeCell. Raises _CellError (BAD_TIME / BAD_DURATION)."""
    if value is None:
        return TimeCell()
    if isinstance(value, dt.datetime):
        return TimeCell(start=_time_of_day_seconds(value.time()))
    if isinstance(value, dt.time):
        return TimeCell(start=_time_of_day_seconds(value))
    if isinstance(value, dt.timedelta):
        return TimeCell(duration=_positive_duration(round(value.total_seconds())))
    if isinstance(value, float) and not isinstance(value, bool) and 0 <= value < 1:
        return TimeCell(start=round(value * DAY_S) % DAY_S)  # a time serial without a time format
    if not isinstance(value, str):
        raise _CellError(ImportCode.BAD_TIME, reason="unreadable")
    text = _clean(value)
    if text.casefold() in _NOTHING:
        return TimeCell()
    match = _CLOCK_RANGE.fullmatch(text)
    if match:
        return TimeCell(start=_clock_seconds(match, "a"), end=_clock_seconds(match, "b"))
    match = _ONE_CLOCK.fullmatch(text)
    if match:
        return TimeCell(start=_clock_seconds(match, "a"))
    try:
        duration = _duration_text(text, unit_s=None)
    except _CellError:
        raise _CellError(ImportCode.BAD_TIME, reason="unreadable") from None
    return TimeCell(duration=_positive_duration(duration))


# --- durations ---------------------------------------------------------------------------------

_UNITS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("小时", "个小时", "hours", "hour", "hrs", "hr", "h", "时"), 3600),
    (("分钟", "minutes", "minute", "mins", "min", "分", "m", "'", "′"), 60),
    (("秒钟", "seconds", "second", "secs", "sec", "秒", "s", "''", '"', "″"), 1),
)
_UNIT_S = {word: seconds for words, seconds in _UNITS for word in words}
_UNIT_PATTERN = "|".join(sorted((re.escape(w) for w in _UNIT_S), key=len, reverse=True))
_AMOUNT = r"\d+(?:\.\d+)?|[零一二两三四五六七八九十百半]+"
_PART = re.compile(rf"\s*(?P<amount>{_AMOUNT})\s*(?P<unit>{_UNIT_PATTERN})\s*")
_COLON_DURATION = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?")
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ROUGHLY = re.compile(r"^(?:约|大约|大概)|(?:左右|上下)$")
_CHINESE_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _chinese_amount(text: str) -> float:
    """一 .. 九十九 and 半 (0.5), as written in 十五分钟 or 半小时; raises ValueError otherwise."""
    if text == "半":
        return 0.5
    if text.endswith("半"):
        return _chinese_amount(text[:-1]) + 0.5
    if "十" in text:
        tens, _, ones = text.partition("十")
        if len(ones) > 1 or len(tens) > 1:
            raise ValueError(text)
        return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[ones] if ones else 0)
    if len(text) == 1 and text in _CHINESE_DIGITS:
        return _CHINESE_DIGITS[text]
    raise ValueError(text)


def _amount(text: str) -> float:
    try:
        return float(text) if text[0].isdigit() else _chinese_amount(text)
    except (ValueError, KeyError):
        raise _CellError(ImportCode.BAD_DURATION, reason="unreadable") from None


def _duration_text(text: str, unit_s: int | None) -> int:
    """Seconds from 15分钟, 15min, 15', 1h30m, 1小时30分, 半小时, 90秒, 15'30'', 0:15:00, 0:15
    (hours and minutes, as Excel shows a duration), or a bare number in `unit_s` units."""
    text = _ROUGHLY.sub("", text.replace(" ", "")).casefold()
    match = _COLON_DURATION.fullmatch(text)
    if match:
        minute, second = int(match["m"]), int(match["s"] or 0)
        if minute > 59 or second > 59:
            raise _CellError(ImportCode.BAD_DURATION, reason="unreadable")
        return int(match["h"]) * 3600 + minute * 60 + second
    if unit_s is not None and _PLAIN_NUMBER.fullmatch(text):
        return round(float(text) * unit_s)
    total, position, last_unit = 0.0, 0, None
    while position < len(text):
        part = _PART.match(text, position)
        if part is None:
            raise _CellError(ImportCode.BAD_DURATION, reason="unreadable")
        unit = _UNIT_S[part["unit"]]
        if last_unit is not None and unit >= last_unit:  # 15秒30分: units go down, once each
            raise _CellError(ImportCode.BAD_DURATION, reason="unreadable")
        total += _amount(part["amount"]) * unit
        position, last_unit = part.end(), unit
    if last_unit is None:
        raise _CellError(ImportCode.BAD_DURATION, reason="unreadable")
    return round(total)


def _positive_duration(seconds: int) -> int:
    if seconds <= 0:
        raise _CellError(ImportCode.BAD_DURATION, reason="zero")
    if seconds > MAX_SEGMENT_S:
        raise _CellError(ImportCode.BAD_DURATION, reason="too_long", limit=MAX_SEGMENT_S // 3600)
    return seconds


def parse_duration(value: object, unit_s: int = 60) -> int | None:
    """Seconds from a 时长 cell; a bare number counts in `unit_s` (minutes unless the header says
    秒 or 小时). None for an empty cell. Raises _CellError (BAD_DURATION)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise _CellError(ImportCode.BAD_DURATION, reason="unreadable")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise _CellError(ImportCode.BAD_DURATION, reason="unreadable")
        seconds = round(value * unit_s)
    elif isinstance(value, dt.timedelta):
        seconds = round(value.total_seconds())
    elif isinstance(value, dt.datetime):
        raise _CellError(ImportCode.BAD_DURATION, reason="unreadable")
    elif isinstance(value, dt.time):  # a duration typed as 0:15 in a cell formatted as a time
        seconds = _time_of_day_seconds(value)
    elif isinstance(value, str):
        text = _clean(value)
        if text.casefold() in _NOTHING:
            return None
        seconds = _duration_text(text, unit_s)
    else:
        raise _CellError(ImportCode.BAD_DURATION, reason="unreadable")
    return _positive_duration(seconds)


def _header_unit(header: str) -> int:
    text = _clean(header).casefold()
    if "秒" in text or "(s)" in text:
        return 1
    if "小时" in text or "(h)" in text:
        return 3600
    return 60


# --- words -------------------------------------------------------------------------------------


def _interaction_in(text: str) -> InteractionKind | None:
    """The interaction the text names first, if any."""
    found = [(text.find(word), kind) for word, kind in _INTERACTION_WORDS if word in text]
    return min(found, key=lambda pair: pair[0])[1] if found else None


def parse_segment_type(value: object) -> tuple[SegmentType, InteractionKind | None] | None:
    """开场 / 暖场 / 产品讲解 / 互动 / 福袋 / 抽奖 / 秒杀 / 发券 / 过渡 / 收尾 (and a few more words,
    with or without 环节), with the interaction the word names. None for an empty cell.
    Raises _CellError (UNKNOWN_SEGMENT_TYPE)."""
    text = re.sub(r"\s+", "", _clean(cell_text(value))).casefold()
    if text in _NOTHING:
        return None
    word = normalise_header(text)
    word = word[:-2] if word.endswith("环节") and len(word) > 2 else word
    kind = _interaction_in(text)
    if word in TYPE_WORDS:
        return TYPE_WORDS[word], kind
    if text.startswith("互动") and kind is not None:  # 互动-福袋, 互动（抽奖）
        return SegmentType.INTERACTION, kind
    raise _CellError(ImportCode.UNKNOWN_SEGMENT_TYPE)


def parse_interaction(value: object) -> InteractionKind | None:
    """福袋 / 抽奖 / 秒杀 / 发券 (优惠券, 领券), also inside words like 发福袋; None for an empty cell
    or 无. Raises _CellError (UNKNOWN_INTERACTION)."""
    text = re.sub(r"\s+", "", _clean(cell_text(value))).casefold()
    if text in _NOTHING:
        return None
    kind = _interaction_in(text)
    if kind is None:
        raise _CellError(ImportCode.UNKNOWN_INTERACTION)
    return kind


def guess_segment_type(title: str, has_products: bool) -> SegmentType:
    """The type a 环节 title suggests; 产品讲解 when it names no other and covers products."""
    for words, segment_type in _TITLE_WORDS:
        if any(word in title for word in words):
            return segment_type
    return SegmentType.PRODUCT if has_products else SegmentType.TRANSITION


# --- products ----------------------------------------------------------------------------------

_PRODUCT_SEPARATORS = re.compile(r"[,，、;；\n]+")
_LINK_RANGE = re.compile(
    r"(?:链接|#|no\.?)?\s*(?P<a>\d+)\s*号?" + _RANGE_SEPARATOR + r"(?:链接|#|no\.?)?\s*(?P<b>\d+)\s*号?(?:链接)?",
    re.IGNORECASE,
)
_LEADING_LINK = re.compile(r"(?:(?:链接|#|no\.?)\s*(?P<a>\d+)\s*号?|(?P<b>\d+)\s*号(?:链接)?)\s*\S.*", re.IGNORECASE)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


class _Lineup:
    """The session's products, to turn titles into link numbers and to check link numbers."""

    def __init__(self, products: Sequence[Product]) -> None:
        self.products = list(products)
        self.links = {p.link_no for p in self.products if p.link_no is not None}

    def __bool__(self) -> bool:
        return bool(self.products)

    def find(self, text: str) -> Product:
        """The product a title or SKU names: exactly, else the one title that contains the text."""
        wanted = _squeeze(text)
        exact = [p for p in self.products if wanted in (_squeeze(p.title), _squeeze(p.sku))]
        found = exact or [p for p in self.products if wanted and wanted in _squeeze(p.title)]
        if not found:
            raise _CellError(ImportCode.UNKNOWN_PRODUCT, product=text, reason="not_found")
        if len(found) > 1:
            raise _CellError(ImportCode.AMBIGUOUS_PRODUCT, product=text, matches=len(found))
        return found[0]


def parse_products(value: object, lineup: _Lineup) -> tuple[int, ...]:
    """Link numbers from "1,4,7", "1、4、7", "链接3", "3号", "1-5", "链接3 洁面乳" or product titles
    (looked up in the lineup). Raises _CellError or NumberError for the first part that fails."""
    if value is None or isinstance(value, (int, float)):
        link = parse_link_no(value)
        links: list[int] = [] if link is None else [link]
    else:
        links = _links_in_text(_clean(cell_text(value)), lineup)
    _check_link_range(links, value)
    return tuple(dict.fromkeys(links))


def _check_link_range(links: Sequence[int], value: object) -> None:
    if any(link < 0 for link in links):
        raise NumberError(ImportCode.NEGATIVE, value)
    if any(link > MAX_COUNT for link in links):
        raise _CellError(ImportCode.INVALID_VALUE, core_code="too_large")


def _links_in_text(text: str, lineup: _Lineup) -> list[int]:
    links: list[int] = []
    for part in _PRODUCT_SEPARATORS.split(text):
        part = part.strip()
        if part.casefold() in _NOTHING:
            continue
        span = _LINK_RANGE.fullmatch(part)
        if span:
            first, last = int(span["a"]), int(span["b"])
            if not 0 <= last - first <= _MAX_LINK_RANGE:
                raise NumberError(ImportCode.NOT_A_NUMBER, part)
            links.extend(range(first, last + 1))
            continue
        try:
            link = parse_link_no(part)
        except NumberError as exc:
            if exc.code is not ImportCode.NOT_A_NUMBER:
                raise
            labelled = _LEADING_LINK.fullmatch(part)
            if labelled:
                link = int(labelled["a"] or labelled["b"])
            else:
                product = lineup.find(part)
                if product.link_no is None:
                    raise _CellError(ImportCode.UNKNOWN_PRODUCT, product=part, reason="no_link") from None
                link = product.link_no
        if link is not None:
            links.append(link)
    return links


# --- the result --------------------------------------------------------------------------------


@dataclass
class ScriptImport:
    """What a file gave: the script, where it came from, and the warnings to show."""

    script: Script
    encoding: str | None
    sheet: str | None
    header_row: int  # as the spreadsheet shows it
    columns: dict[str, str]  # field -> header text as written
    product_sheet: str | None = None  # where the first 单品脚本 table was, if any
    product_header_row: int | None = None
    warnings: list[ImportProblem] = field(default_factory=list)


def read_script(
    path: str | os.PathLike[str], lineup: Sequence[Product] = (), *, max_bytes: int = MAX_BYTES
) -> ScriptImport:
    """Read the whole script of the file, and any 单品脚本 table in it (a sheet of its own, or a
    second table below the segments). Titles in 商品 cells are looked up in `lineup`.
    Raises ImportFailed, with every problem, if any is an error."""
    table = read_table(path, max_bytes)
    return _ScriptReader(table, _Lineup(lineup)).read()


# --- reading -----------------------------------------------------------------------------------


def _alias_map(aliases: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, int]]:
    return {normalise_header(alias): (name, rank) for name, names in aliases.items()
            for rank, alias in enumerate(names)}


_SEGMENT_FIELDS = _alias_map(SEGMENT_ALIASES)
_PRODUCT_FIELDS = _alias_map(PRODUCT_SCRIPT_ALIASES)
_NO_COLUMN = -1


def _fields_in(row: list[object], known: dict[str, tuple[str, int]]) -> set[str]:
    keys = (normalise_header(cell_text(value)) for value in row)
    return {known[key][0] for key in keys if key in known}


def _is_product_header(row: list[object]) -> bool:
    found = _fields_in(row, _PRODUCT_FIELDS)
    segment = _fields_in(row, _SEGMENT_FIELDS)
    return bool(found & set(_PRODUCT_CONTENT)) and bool(found & set(_PRODUCT_KEYS)) and "title" not in segment


def _is_segment_header(row: list[object]) -> bool:
    return len(_fields_in(row, _SEGMENT_FIELDS)) >= 2 and not _is_product_header(row)


class _Problems:
    """Every problem of one import, sorted as the operator reads the file: sheet, row, column."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self._found: list[tuple[int, int, int, ImportProblem]] = []

    def add(self, sheet: Sheet, row: int, column: int | None, header: str, code: ImportCode,
            value: str = "", **params: object) -> None:
        letter = None
        if column is not None and self.table.kind == "xlsx":
            letter = get_column_letter(column + 1)
        problem = ImportProblem(
            file=str(self.table.path),
            sheet=sheet.name,
            row=row,
            column=header or None,
            value=value,
            code=code,
            params=tuple((key, str(param)) for key, param in params.items()),
            column_letter=letter,
        )
        order = next(i for i, s in enumerate(self.table.sheets) if s is sheet)
        self._found.append((order, row, _NO_COLUMN if column is None else column, problem))

    @property
    def all(self) -> list[ImportProblem]:
        return [problem for *_, problem in sorted(self._found, key=lambda found: found[:3])]

    def has_errors(self) -> bool:
        return any(not problem.is_warning for *_, problem in self._found)


class _Columns:
    """One table's header row mapped to fields; a cell's text and a problem's place come from here."""

    def __init__(self, problems: _Problems, sheet: Sheet, header_index: int,
                 known: dict[str, tuple[str, int]]) -> None:
        self.problems = problems
        self.sheet = sheet
        self.header_row = header_index + 1  # as the spreadsheet shows it
        self.headers = [cell_text(value) for value in sheet.rows[header_index]]
        self.fields: dict[str, int] = {}
        self.note_columns: list[int] = []
        claims: dict[str, list[tuple[int, int]]] = {}
        for column, header in enumerate(self.headers):
            found = known.get(normalise_header(header)) if header else None
            if found is not None:
                claims.setdefault(found[0], []).append((found[1], column))
            elif header:
                self.note_columns.append(column)
                self.add(self.header_row, column, ImportCode.UNKNOWN_COLUMN_KEPT)
        for name, columns in claims.items():
            (_, used), *others = sorted(columns)
            self.fields[name] = used
            for _, column in others:
                self.note_columns.append(column)
                self.add(self.header_row, column, ImportCode.DUPLICATE_COLUMN,
                         field=name, used_column=self.headers[used])
        self.note_columns.sort()

    def header(self, column: int) -> str:
        return self.headers[column] if column < len(self.headers) else ""

    @property
    def duration_unit(self) -> int:
        """Seconds in a bare number of the 时长 column: minutes, unless its header says 秒 or 小时."""
        column = self.fields.get("duration")
        return 60 if column is None else _header_unit(self.headers[column])

    def raw(self, row: list[object], name: str) -> object:
        column = self.fields.get(name)
        return row[column] if column is not None and column < len(row) else None

    def text(self, row: list[object], name: str) -> str:
        return cell_text(self.raw(row, name))

    def add(self, row_number: int, column: int | None, code: ImportCode, value: str = "",
            **params: object) -> None:
        header = self.header(column) if column is not None else ""
        self.problems.add(self.sheet, row_number, column, header, code, value, **params)

    def add_cell(self, row: list[object], row_number: int, name: str, code: ImportCode,
                 **params: object) -> None:
        column = self.fields.get(name)
        self.add(row_number, column, code, cell_text(self.raw(row, name)), field=name, **params)

    def is_layout(self, row: list[object], row_number: int) -> bool:
        """A divider across the columns (「第一小时」) or a total row: the sheet's layout."""
        filled = [text for value in row if (text := cell_text(value))]
        if len(filled) >= 3 and len(set(filled)) == 1:
            self.add(row_number, None, ImportCode.SECTION_ROW_SKIPPED, filled[0])
            return True
        if any(normalise_header(text).rstrip(":") in _TOTAL_WORDS for text in filled[:2]):
            self.add(row_number, None, ImportCode.TOTAL_ROW_SKIPPED)
            return True
        return False

    def notes(self, row: list[object]) -> list[tuple[str, str]]:
        return [(self.headers[c], text) for c in self.note_columns
                if c < len(row) and (text := cell_text(row[c]))]

    def report_unnamed(self, rows: Sequence[tuple[int, list[object]]]) -> None:
        unnamed: dict[int, str] = {}
        for _, row in rows:
            for column, value in enumerate(row):
                if not self.header(column) and not is_blank(value):
                    unnamed.setdefault(column, cell_text(value))
        for column, example in sorted(unnamed.items()):
            self.add(self.header_row, column, ImportCode.UNNAMED_COLUMN_IGNORED,
                     position=column + 1, example=example)


_T = TypeVar("_T")


class _RowCells:
    """One row's cells read through their column's parser; a cell that does not read is reported
    where the operator sees it, and the row is marked not `ok`."""

    def __init__(self, columns: _Columns, row: list[object], row_number: int) -> None:
        self.columns, self.row, self.row_number = columns, row, row_number
        self.ok = True

    def text(self, name: str) -> str:
        return self.columns.text(self.row, name)

    def read(self, name: str, parse: Callable[[object], _T]) -> _T | None:
        if name not in self.columns.fields:
            return None
        try:
            return parse(self.columns.raw(self.row, name))
        except _CellError as exc:
            self.report(name, exc.code, **exc.params)
        except NumberError as exc:
            self.report(name, exc.code)
        return None

    def report(self, name: str, code: ImportCode, **params: object) -> None:
        self.columns.add_cell(self.row, self.row_number, name, code, **params)
        if not code.is_warning:
            self.ok = False


@dataclass
class _Draft:
    """One segment row as read, before the times of all rows place it."""

    row_number: int
    title: str
    type: SegmentType
    interaction: InteractionKind | None
    links: tuple[int, ...]
    talking_points: tuple[str, ...]
    scene: str | None
    notes: str
    start: int | None  # seconds after midnight
    end: int | None
    duration: int | None  # from 时长 (or a duration written where a time was expected), then the range


class _ScriptReader:
    def __init__(self, table: Table, lineup: _Lineup) -> None:
        self.table = table
        self.lineup = lineup
        self.problems = _Problems(table)

    def read(self) -> ScriptImport:
        ordered = sorted(self.table.sheets, key=lambda sheet: not sheet.visible)
        candidates = [(sheet, index) for sheet in ordered
                      if (index := _segment_header_index(sheet)) is not None]
        if not candidates:
            problem = file_problem(self.table.path, ImportCode.NO_SCRIPT_HEADER, rows_scanned=HEADER_SCAN_ROWS)
            raise ImportFailed([problem])
        with_title = [c for c in candidates if "title" in _fields_in(c[0].rows[c[1]], _SEGMENT_FIELDS)]
        sheet, header_index = (with_title or candidates)[0]
        columns = _Columns(self.problems, sheet, header_index, _SEGMENT_FIELDS)
        for other, index in with_title[1:]:
            self.problems.add(other, index + 1, None, "", ImportCode.OTHER_SHEET_IGNORED)
        if "title" not in columns.fields:
            expected = "、".join(SEGMENT_ALIASES["title"])
            columns.add(columns.header_row, None, ImportCode.MISSING_SEGMENT_COLUMN, expected=expected)
            raise ImportFailed(self.problems.all)
        product_tables = [(s, i) for s in self.table.sheets for i in _product_header_indexes(s)]
        stop = min((i for s, i in product_tables if s is sheet and i > header_index), default=len(sheet.rows))
        segments, start = self._segments(columns, header_index + 1, stop)
        product_scripts = self._product_scripts(product_tables)
        if not segments and not self.problems.has_errors():
            columns.add(columns.header_row, None, ImportCode.NO_SEGMENTS)
        if self.problems.has_errors():
            raise ImportFailed(self.problems.all)
        start_time = None if start is None else dt.time(start // 3600, start // 60 % 60, start % 60)
        first_products = product_tables[0] if product_tables else None
        return ScriptImport(
            script=Script(tuple(segments), tuple(product_scripts), start_time),
            encoding=self.table.encoding,
            sheet=sheet.name,
            header_row=columns.header_row,
            columns={name: columns.headers[column] for name, column in columns.fields.items()},
            product_sheet=first_products[0].name if first_products else None,
            product_header_row=first_products[1] + 1 if first_products else None,
            warnings=self.problems.all,
        )

    # --- segments ------------------------------------------------------------------------------

    def _segments(self, columns: _Columns, first: int, stop: int) -> tuple[list[Segment], int | None]:
        rows = [(index + 1, columns.sheet.rows[index]) for index in range(first, stop)]
        columns.report_unnamed(rows)
        drafts: list[_Draft] = []
        cells_ok = True
        for row_number, row in rows:
            if all(is_blank(value) for value in row) or columns.is_layout(row, row_number):
                continue
            cells = _RowCells(columns, row, row_number)
            draft = self._draft(cells)
            cells_ok &= cells.ok
            if draft is not None:
                drafts.append(draft)
        if not cells_ok:
            return [], None  # rows are only placed in time once every cell reads
        return _Schedule(columns, drafts, rows).segments()

    def _draft(self, cells: _RowCells) -> _Draft | None:
        """The row as read; None for a spare line (nothing but a time or a type filled in) and
        for a row with a cell that does not read, which `cells` has reported."""
        columns = cells.columns
        title = cells.text("title")
        time_cell = cells.read("time", parse_time_cell) or TimeCell()
        end_cell = cells.read("end", parse_time_cell) or TimeCell()
        duration = cells.read("duration", lambda value: parse_duration(value, columns.duration_unit))
        links = cells.read("products", lambda value: parse_products(value, self.lineup)) or ()
        typed = cells.read("type", parse_segment_type)
        interaction = cells.read("interaction", parse_interaction)
        talking_points = split_selling_points(cells.text("talking_points"))
        notes = "\n".join([text for text in [cells.text("notes")] if text]
                          + [f"{header}：{text}" for header, text in columns.notes(cells.row)])
        if not (title or talking_points or links or notes):
            return None
        if not title:
            cells.report("title", ImportCode.SEGMENT_TITLE_MISSING)
        if not cells.ok:
            return None
        if self.lineup:
            for link in links:
                if link not in self.lineup.links:
                    cells.report("products", ImportCode.NOT_IN_LINEUP, product=link)
        if interaction is None and typed is not None:
            interaction = typed[1]
        if interaction is None and "interaction" not in columns.fields:
            interaction = _interaction_in(title)
        return _Draft(
            row_number=cells.row_number,
            title=title,
            type=typed[0] if typed else guess_segment_type(title, bool(links)),
            interaction=interaction,
            links=links,
            talking_points=talking_points,
            scene=cells.text("scene") or None,
            notes=notes,
            start=time_cell.start,
            end=time_cell.end if time_cell.end is not None else end_cell.start,
            duration=duration if duration is not None else time_cell.duration,
        )

    # --- single-product scripts ----------------------------------------------------------------

    def _product_scripts(self, tables: list[tuple[Sheet, int]]) -> list[ProductScript]:
        scripts: list[ProductScript] = []
        first_keys: dict[str, int] = {}
        first_links: dict[int, int] = {}
        for sheet, header_index in tables:
            columns = _Columns(self.problems, sheet, header_index, _PRODUCT_FIELDS)
            stop = next((i for i in range(header_index + 1, len(sheet.rows))
                         if _is_product_header(sheet.rows[i]) or _is_segment_header(sheet.rows[i])),
                        len(sheet.rows))
            rows = [(index + 1, sheet.rows[index]) for index in range(header_index + 1, stop)]
            columns.report_unnamed(rows)
            for row_number, row in rows:
                if all(is_blank(value) for value in row) or columns.is_layout(row, row_number):
                    continue
                script = self._product_script(columns, row, row_number)
                if script is None:
                    continue
                if script.key and script.key in first_keys:
                    name = "sku" if columns.text(row, "sku") else ("title" if columns.text(row, "title")
                                                                   else "link_no")
                    columns.add_cell(row, row_number, name, ImportCode.DUPLICATE_SKU,
                                     first_row=first_keys[script.key])
                elif script.link_no is not None and script.link_no in first_links:
                    columns.add_cell(row, row_number, "link_no", ImportCode.DUPLICATE_LINK,
                                     first_row=first_links[script.link_no])
                first_keys.setdefault(script.key, row_number)
                if script.link_no is not None:
                    first_links.setdefault(script.link_no, row_number)
                scripts.append(script)
        return scripts

    def _product_script(self, columns: _Columns, row: list[object], row_number: int) -> ProductScript | None:
        lines = {name: split_selling_points(columns.text(row, name)) for name in _PRODUCT_CONTENT}
        if not any(lines.values()):
            return None  # a product listed with nothing to say about it yet
        try:
            link_no = parse_link_no(columns.raw(row, "link_no"))
            _check_link_range([] if link_no is None else [link_no], link_no)
        except NumberError as exc:
            columns.add_cell(row, row_number, "link_no", exc.code)
            return None
        except _CellError as exc:
            columns.add_cell(row, row_number, "link_no", exc.code, **exc.params)
            return None
        sku, title = columns.text(row, "sku"), columns.text(row, "title")
        if link_no is None and not sku and not title:
            expected = "、".join(PRODUCT_SCRIPT_ALIASES["link_no"][:1] + PRODUCT_SCRIPT_ALIASES["sku"][:1]
                                 + PRODUCT_SCRIPT_ALIASES["title"][:1])
            columns.add(row_number, None, ImportCode.PRODUCT_KEY_MISSING, expected=expected)
            return None
        if self.lineup:
            product = self._lineup_product(link_no, sku, title)
            if product is None:
                name = "sku" if sku else ("link_no" if link_no is not None else "title")
                columns.add_cell(row, row_number, name, ImportCode.NOT_IN_LINEUP,
                                 product=sku or (link_no if link_no is not None else title))
            else:
                link_no, sku, title = product.link_no, product.sku, product.title
        return ProductScript(link_no, sku, title, **lines)

    def _lineup_product(self, link_no: int | None, sku: str, title: str) -> Product | None:
        products = self.lineup.products
        if sku:
            return next((p for p in products if p.sku.strip() == sku), None)
        if link_no is not None:
            return next((p for p in products if p.link_no == link_no), None)
        try:
            return self.lineup.find(title)
        except _CellError:
            return None


def _segment_header_index(sheet: Sheet) -> int | None:
    """The row among the first HEADER_SCAN_ROWS that names the most segment fields (at least two)."""
    best: tuple[int, int] | None = None
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        if not _is_segment_header(row):
            continue
        count = len(_fields_in(row, _SEGMENT_FIELDS))
        if best is None or count > best[0]:
            best = (count, index)
    return None if best is None else best[1]


def _product_header_indexes(sheet: Sheet) -> list[int]:
    return [index for index, row in enumerate(sheet.rows) if _is_product_header(row)]


class _Schedule:
    """Places the rows in time: starts from the 时间 cells, durations from 时长, from the time
    range, or up to the next row's start; a row without a time follows the row before."""

    def __init__(self, columns: _Columns, drafts: list[_Draft], rows: Sequence[tuple[int, list[object]]]) -> None:
        self.columns = columns
        self.rows = dict(rows)
        self.drafts = drafts
        self.ok = True

    def _add(self, draft: _Draft, name: str, code: ImportCode, **params: object) -> None:
        if name not in self.columns.fields:
            name = "time" if "time" in self.columns.fields else "title"
        self.columns.add_cell(self.rows[draft.row_number], draft.row_number, name, code, **params)
        if not code.is_warning:
            self.ok = False

    def _spans(self) -> None:
        for draft in self.drafts:
            if draft.start is None or draft.end is None:
                continue
            span = draft.end - draft.start
            if span < 0 and -span < _HALF_DAY_S:  # 20:15-20:00: swapped, not past midnight
                self._add(draft, "time", ImportCode.BAD_TIME, reason="reversed")
                continue
            try:
                span = _positive_duration(span % DAY_S)
            except _CellError as exc:
                self._add(draft, "time", exc.code, **exc.params)
                continue
            if draft.duration is not None and draft.duration != span:
                self._add(draft, "duration", ImportCode.DURATION_MISMATCH, range_s=span, duration_s=draft.duration)
            draft.duration = span

    def segments(self) -> tuple[list[Segment], int | None]:
        """The segments, and the start as seconds after midnight when any row has a time."""
        self._spans()
        offsets, start = self._offsets() if self.ok else ([], None)
        lengths = self._lengths(offsets) if self.ok else []
        if not self.ok:
            return [], None
        segments: list[Segment] = []
        end = 0
        for i, (draft, length) in enumerate(zip(self.drafts, lengths)):
            offset = end if offsets[i] is None else offsets[i]  # no time anywhere: one after the other
            assert offset is not None
            if i and offset < end:
                self._add(draft, "time", ImportCode.TIME_OVERLAP, previous_row=self.drafts[i - 1].row_number)
            segments.append(Segment(
                title=draft.title,
                planned_duration_s=length,
                type=draft.type,
                planned_start_s=None if offset == end else offset,
                link_nos=draft.links,
                talking_points=draft.talking_points,
                scene_cue=draft.scene,
                interaction=draft.interaction,
                notes=draft.notes,
            ))
            end = offset + length
        return segments, start

    def _offsets(self) -> tuple[list[int | None], int | None]:
        """Each row's start in seconds from the first row's, where the times tell it, and the
        first row's time of day. Rows before the first time count back from it by their 时长."""
        drafts = self.drafts
        first_timed = next((i for i, d in enumerate(drafts) if d.start is not None), None)
        if first_timed is None:
            return [None] * len(drafts), None
        for draft in drafts[:first_timed]:
            if draft.duration is None:
                self._add(draft, "duration", ImportCode.DURATION_MISSING)
        if not self.ok:
            return [], None
        lead = sum(d.duration or 0 for d in drafts[:first_timed])
        start = (drafts[first_timed].start or 0) - lead
        offsets: list[int | None] = []
        for i, draft in enumerate(drafts):
            previous = offsets[i - 1] if i else 0
            if draft.start is not None:
                offset = (draft.start - start) % DAY_S
                if previous is not None:
                    while offset < previous - _HALF_DAY_S:  # past midnight
                        offset += DAY_S
                    if offset < previous:
                        self._add(draft, "time", ImportCode.TIME_BEFORE_PREVIOUS,
                                  previous_row=drafts[i - 1].row_number)
                offsets.append(offset)
            elif i == 0:
                offsets.append(0)
            else:
                before = drafts[i - 1].duration
                offsets.append(None if previous is None or before is None else previous + before)
        return offsets, start % DAY_S

    def _lengths(self, offsets: list[int | None]) -> list[int]:
        """Each row's duration: from 时长 or the time range, else up to the next row's time."""
        lengths: list[int] = []
        for i, draft in enumerate(self.drafts):
            length = draft.duration
            following = self.drafts[i + 1] if i + 1 < len(self.drafts) else None
            here, there = offsets[i], offsets[i + 1] if following else None
            if length is None and following is not None and following.start is not None \
                    and here is not None and there is not None:
                try:
                    length = _positive_duration(there - here)
                except _CellError as exc:
                    self._add(draft, "duration", exc.code, **exc.params)
                    continue
            if length is None:
                self._add(draft, "duration", ImportCode.DURATION_MISSING)
                continue
            lengths.append(length)
        return lengths


# --- writing -----------------------------------------------------------------------------------

SEGMENT_EXPORT_FIELDS = (
    "time", "title", "type", "duration", "products", "scene", "interaction", "talking_points", "notes",
)
SEGMENT_EXPORT_HEADERS = tuple(SEGMENT_ALIASES[name][0] for name in SEGMENT_EXPORT_FIELDS)
PRODUCT_EXPORT_FIELDS = ("link_no", "sku", "title", *_PRODUCT_CONTENT)
PRODUCT_EXPORT_HEADERS = tuple(PRODUCT_SCRIPT_ALIASES[name][0] for name in PRODUCT_EXPORT_FIELDS)
_WIDTHS = {"time": 14, "title": 22, "products": 12, "scene": 12, "talking_points": 50, "notes": 24,
           "sku": 14, "brand_intro": 30, "selling_points": 40, "benefits": 30, "price_anchor": 30,
           "call_to_action": 36}
_WRAPPED = frozenset({"talking_points", "notes", *_PRODUCT_CONTENT})


def format_clock(seconds: int, end: bool = False) -> str:
    """20:00, or 20:00:30 when there are seconds; an end exactly at midnight is 24:00."""
    hours, rest = divmod(seconds % DAY_S, 3600)
    if end and hours == 0 and rest == 0 and seconds > 0:
        hours = 24
    text = f"{hours:02d}:{rest // 60:02d}"
    return text + f":{rest % 60:02d}" if rest % 60 else text


def format_duration(seconds: int) -> str:
    """15分钟, 90秒 → 1分30秒, as operators write them."""
    minutes, rest = divmod(seconds, 60)
    if not rest:
        return f"{minutes}分钟"
    return f"{minutes}分{rest}秒" if minutes else f"{rest}秒"


def _segment_rows(script: Script) -> list[list[object]]:
    rows: list[list[object]] = []
    base = None if script.start_time is None else (
        script.start_time.hour * 3600 + script.start_time.minute * 60 + script.start_time.second)
    for index, segment in enumerate(script):
        time_text = ""
        if base is not None:
            start = base + script.planned_start_s(index)
            time_text = f"{format_clock(start)}-{format_clock(start + segment.planned_duration_s, end=True)}"
        links: object = "、".join(str(link) for link in segment.link_nos)
        if len(segment.link_nos) == 1:
            links = segment.link_nos[0]
        rows.append([
            time_text,
            segment.title,
            TYPE_NAMES[segment.type],
            format_duration(segment.planned_duration_s),
            links,
            segment.scene_cue or "",
            INTERACTION_NAMES[segment.interaction] if segment.interaction else "",
            "\n".join(segment.talking_points),
            segment.notes,
        ])
    return rows


def _product_rows(script: Script) -> list[list[object]]:
    return [
        [ps.link_no, ps.sku, ps.title, *("\n".join(getattr(ps, name)) for name in _PRODUCT_CONTENT)]
        for ps in script.product_scripts
    ]


def write_script(path: str | os.PathLike[str], script: Script) -> None:
    """Write .xlsx (sheets 整场脚本 and, when there are any, 单品脚本) or .csv (the 单品脚本 table
    below the segments after an empty row), in the columns `read_script` reads back.

    Times are written when the script has a start time; a script read from a file comes back
    unchanged. The file appears whole or not at all. Raises ValueError for another extension,
    OSError when the file cannot be written (on Windows, typically because it is open in Excel)."""
    path = Path(path)
    writers: dict[str, Callable[[Path, Script], None]] = {".xlsx": _write_xlsx, ".csv": _write_csv}
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"cannot export to {path.suffix!r}: use .xlsx or .csv")
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=path.suffix)
    os.close(handle)
    temp = Path(temp_name)
    try:
        writer(temp, script)
        # mkstemp makes the file private (0600); give it the mode a normal save would have.
        os.chmod(temp, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _xlsx_value(value: object) -> object:
    if isinstance(value, str):
        # Control characters pasted from web pages are not allowed in the XML; they show as nothing.
        return ILLEGAL_CHARACTERS_RE.sub("", neutralise(value)) if value else None
    return value


def _fill_sheet(sheet: Worksheet, fields: Sequence[str], headers: Sequence[str],
                rows: list[list[object]]) -> None:
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_xlsx_value(value) for value in row])
    for index, name in enumerate(fields, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(name, 10)
        if name in _WRAPPED:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def _write_xlsx(path: Path, script: Script) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SCRIPT_SHEET
    _fill_sheet(sheet, SEGMENT_EXPORT_FIELDS, SEGMENT_EXPORT_HEADERS, _segment_rows(script))
    if script.product_scripts:
        products = workbook.create_sheet(PRODUCT_SCRIPT_SHEET)
        _fill_sheet(products, PRODUCT_EXPORT_FIELDS, PRODUCT_EXPORT_HEADERS, _product_rows(script))
    workbook.save(path)
    workbook.close()


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    return neutralise(value) if isinstance(value, str) else str(value)


def _write_csv(path: Path, script: Script) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(SEGMENT_EXPORT_HEADERS)
        writer.writerows([_csv_text(value) for value in row] for row in _segment_rows(script))
        if script.product_scripts:
            writer.writerow([])
            writer.writerow(PRODUCT_EXPORT_HEADERS)
            writer.writerows([_csv_text(value) for value in row] for row in _product_rows(script))
