"""Manual quick entry: one typed line such as 「gmv 62.7w 在线 3500 订单 1280」 read into a sample; also
watch times as operators write them (90 / 90秒 / 1分30秒 / 1:30), for the trend import too."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from liveconsole.core.metrics import Sample, SampleError, SampleErrorCode
from liveconsole.io.numbers import NumberError, parse_count, parse_money
from liveconsole.io.problems import ImportCode

SOURCE = "manual"

# What operators call each figure, on the platforms' data screens and in their own notes. Matching
# is on half-width, lower-case text; a space or underscore inside an English name is optional.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "gmv": ("gmv", "成交额", "成交金额", "销售额", "总成交额", "sales"),
    "online": ("在线", "在线人数", "实时在线", "实时在线人数", "当前在线", "online"),
    "uv": ("uv", "观看人数", "累计观看", "累计观看人数", "场观", "viewers"),
    "pv": ("pv", "观看次数", "观看人次", "views"),
    "orders": ("订单", "订单数", "成交订单", "成交订单数", "成交单数", "单量", "orders", "order"),
    "items": ("件数", "成交件数", "销量", "items", "item"),
    "buyers": ("成交人数", "买家数", "买家", "buyers", "buyer"),
    "likes": ("点赞", "点赞数", "likes", "like"),
    "comments": ("评论", "评论数", "comments", "comment"),
    "shares": ("分享", "分享数", "分享次数", "shares", "share"),
    "new_followers": ("新增粉丝", "新增粉丝数", "涨粉", "新增关注", "followers", "new followers", "follows"),
    "product_exposures": ("曝光", "商品曝光", "商品曝光人数", "商品曝光次数", "exposures", "product exposures"),
    "product_clicks": ("点击", "商品点击", "商品点击人数", "商品点击次数", "clicks", "product clicks"),
    "avg_watch_s": ("人均观看时长", "人均观看", "平均观看时长", "人均停留时长", "人均停留", "avg watch",
                    "avg watch time", "avg watch s", "average watch time"),
}


class QuickEntryCode(enum.Enum):
    """Why a quick entry was refused; `token` is the text it is about. The GUI words it."""

    EMPTY = "empty"  # nothing but spaces
    UNKNOWN_FIELD = "unknown_field"  # a word that names no figure
    MISSING_VALUE = "missing_value"  # a figure's name with no number after it
    BAD_NUMBER = "bad_number"  # what follows a name is not a number
    NOT_WHOLE = "not_whole"  # a count with a fraction (订单 12.5)
    BAD_DURATION = "bad_duration"  # a watch time that reads as no duration
    VALUE_WITHOUT_FIELD = "value_without_field"  # a number no name comes before
    REPEATED_FIELD = "repeated_field"  # the same figure twice (under any of its names)
    TOO_LARGE = "too_large"  # beyond any room: a typo


class QuickEntryError(ValueError):
    """`start`:`end` is where `token` sits in the text as typed."""

    def __init__(self, code: QuickEntryCode, token: str = "", start: int = 0, end: int = 0,
                 field: str | None = None) -> None:
        super().__init__(f"{code.value}: {token!r}")
        self.code = code
        self.token = token
        self.start = start
        self.end = end
        self.field = field


class DurationError(ValueError):
    pass


def _name_pattern(name: str) -> str:
    return r"[\s_]*".join(re.escape(word) for word in name.split())


_ALIASES = sorted(((alias, field) for field, names in FIELD_NAMES.items() for alias in names),
                  key=lambda pair: -len(pair[0]))
_FIELD_OF = {re.sub(r"\s+", "", alias): field for alias, field in _ALIASES}
# Longest first, so 在线人数 wins over 在线; an English name may not run on into more letters.
_NAME = re.compile("|".join(_name_pattern(alias) + (r"(?![a-z])" if alias.isascii() else "")
                            for alias, _ in _ALIASES))
_SEPARATORS = " \t\r\n\f\v,;、|/.。"
_SKIP = re.compile(r"[\s,;、|/.。]+")
_ASSIGN = re.compile(r"\s*[:=]?\s*")
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = r"(?:万|w|千|k)(?![a-z])"
# A unit sticks to its number: in 「400 件数 500」 the 件 begins the next name.
_MONEY = re.compile(rf"(?P<value>¥?\s*{_NUMBER}(?:\s*{_SCALE})?)(?P<unit>元|块)?")
_COUNT = re.compile(rf"(?P<value>{_NUMBER}(?:\s*{_SCALE})?)(?P<unit>人次|人|次|单|件|个|笔|条|位)?")
_DECIMAL = r"\d+(?:\.\d+)?"
_CLOCK = re.compile(r"(?P<a>\d+):(?P<b>\d{2})(?::(?P<c>\d{2}))?(?![\d:])")
# Units stick to their numbers, and 分 is no unit where it begins 分享 (the next name).
_UNITS = re.compile(
    rf"(?:(?P<h>{_DECIMAL})(?:小时|h)(?![a-z])\s*)?"
    rf"(?:(?P<m>{_DECIMAL})(?:分钟|分(?!享)|min|m)(?![a-z])\s*)?"
    rf"(?:(?P<s>{_DECIMAL})(?:秒钟|秒|sec|s)?(?![a-z]))?"
)
_WORD = re.compile(r"[^\s,;、|/.。\d¥:=]+")
_TAIL = re.compile(r"[^\s,;、|/。]*")


def _normalise(text: str) -> tuple[str, list[int]]:
    """Half-width, lower-case text, and for each of its characters the index it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for folded in unicodedata.normalize("NFKC", char):
            chars.append(folded.lower() if folded.isascii() else folded)
            origin.append(index)
    return "".join(chars), origin


def parse_duration_s(text: str) -> float:
    """Seconds from 90 / 90s / 90秒 / 1分30秒 / 1m30s / 1.5分钟 / 1:30 / 1:02:03. Raises DurationError."""
    folded, _ = _normalise(text.strip())
    seconds = _duration_prefix(folded, 0)
    if seconds is None or seconds[1] != len(folded.rstrip()):
        raise DurationError(text)
    return seconds[0]


def _duration_prefix(text: str, pos: int) -> tuple[float, int] | None:
    """A duration starting at `pos`: (seconds, where it ends), or None."""
    clock = _CLOCK.match(text, pos)
    if clock is not None:
        a, b, c = clock["a"], clock["b"], clock["c"]
        if int(b) >= 60 or (c is not None and int(c) >= 60):
            return None
        if c is None:
            return int(a) * 60 + int(b), clock.end()
        return int(a) * 3600 + int(b) * 60 + int(c), clock.end()
    units = _UNITS.match(text, pos)
    if units is None or not any(units.group(name) for name in ("h", "m", "s")):
        return None
    seconds = sum(float(units[name]) * scale for name, scale in (("h", 3600), ("m", 60), ("s", 1)) if units[name])
    return seconds, units.end()


@dataclass(frozen=True)
class _Reader:
    text: str  # as typed
    folded: str
    origin: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where folded[start:end] sits in the typed text."""
        if start >= len(self.origin):
            return len(self.text), len(self.text)
        first = self.origin[start]
        last = self.origin[end - 1] + 1 if end > start else first
        return first, last

    def fail(self, code: QuickEntryCode, start: int, end: int, field: str | None = None) -> QuickEntryError:
        first, last = self.span(start, end)
        return QuickEntryError(code, self.text[first:last], first, last, field)


def parse_quick_entry(text: str, t: datetime) -> Sample:
    """The figures in one typed line, as a sample at `t`. Raises QuickEntryError at the first problem."""
    folded, origin = _normalise(text)
    reader = _Reader(text, folded, origin)
    values: dict[str, object] = {}
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    while True:
        skipped = _SKIP.match(folded, pos)
        if skipped:
            pos = skipped.end()
        if pos >= len(folded):
            break
        name = _NAME.match(folded, pos)
        if name is None:
            if folded[pos].isdigit() or folded[pos] == "¥":
                raise reader.fail(QuickEntryCode.VALUE_WITHOUT_FIELD, pos, _tail_end(folded, pos))
            word = _WORD.match(folded, pos)
            end = word.end() if word else pos + 1
            raise reader.fail(QuickEntryCode.UNKNOWN_FIELD, pos, end)
        field = _FIELD_OF[re.sub(r"[\s_]+", "", name.group())]
        after_name = name.end()
        value_start = _ASSIGN.match(folded, after_name).end()  # type: ignore[union-attr]
        if value_start == after_name and value_start < len(folded):
            # 「点赞量 500」: the name runs on into a longer word that names nothing we know.
            follower = folded[value_start]
            if not (follower.isdigit() or follower in _SEPARATORS or follower == "¥"
                    or _NAME.match(folded, value_start)):
                word = _WORD.match(folded, pos)
                raise reader.fail(QuickEntryCode.UNKNOWN_FIELD, pos, word.end() if word else after_name)
        if field in values:
            raise reader.fail(QuickEntryCode.REPEATED_FIELD, pos, after_name, field)
        values[field], pos = _value(reader, field, pos, after_name, value_start)
        spans[field] = (value_start, pos)
    if not values:
        raise QuickEntryError(QuickEntryCode.EMPTY)
    try:
        return Sample(t, **values)  # type: ignore[arg-type]
    except SampleError as exc:
        if exc.field not in spans:
            raise  # the caller's time, not the typed text
        code = QuickEntryCode.TOO_LARGE if exc.code is SampleErrorCode.TOO_LARGE else QuickEntryCode.BAD_NUMBER
        raise reader.fail(code, *spans[exc.field], exc.field) from None


def _value(reader: _Reader, field: str, name_start: int, name_end: int, pos: int) -> tuple[object, int]:
    folded = reader.folded
    if pos >= len(folded) or folded[pos] in _SEPARATORS or _NAME.match(folded, pos):
        raise reader.fail(QuickEntryCode.MISSING_VALUE, name_start, name_end, field)
    if field == "avg_watch_s":
        found = _duration_prefix(folded, pos)
        if found is None or not _ends_cleanly(folded, found[1]):
            raise reader.fail(QuickEntryCode.BAD_DURATION, pos, _tail_end(folded, pos), field)
        return found[0], found[1]
    pattern = _MONEY if field == "gmv" else _COUNT
    match = pattern.match(folded, pos)
    tail_end = _tail_end(folded, pos)
    if match is None or not _ends_cleanly(folded, match.end()):
        raise reader.fail(QuickEntryCode.BAD_NUMBER, pos, max(tail_end, pos + 1), field)
    end = match.end()
    if match["unit"] and _NAME.match(folded, match.start("unit")):
        end = match.start("unit")  # 「400件数 500」: 件数 is the next name, not a unit
    number = match["value"]
    try:
        if field == "gmv":
            return parse_money(number), end
        return parse_count(number), end
    except NumberError as exc:
        code = QuickEntryCode.NOT_WHOLE if exc.code is ImportCode.NOT_AN_INTEGER else QuickEntryCode.BAD_NUMBER
        raise reader.fail(code, pos, end, field) from None
    except InvalidOperation:
        raise reader.fail(QuickEntryCode.TOO_LARGE, pos, end, field) from None


def _tail_end(folded: str, pos: int) -> int:
    """Where the token at `pos` ends: at the next separator."""
    match = _TAIL.match(folded, pos)
    return match.end() if match else pos


def _ends_cleanly(folded: str, end: int) -> bool:
    """A value ends at a separator, the end, or a Chinese name right after it (3500订单)."""
    if end >= len(folded):
        return True
    char = folded[end]
    if char in _SEPARATORS or char.isspace():
        return True
    return not char.isascii() and char != "¥"


def watch_time_text(seconds: float | None) -> str:
    """How the entry line writes a watch time back: 1分30秒, or "—" when unknown."""
    if seconds is None:
        return "—"
    whole = int(Decimal(str(seconds)).to_integral_value())
    minutes, rest = divmod(whole, 60)
    return f"{minutes}分{rest}秒" if minutes else f"{rest}秒"
