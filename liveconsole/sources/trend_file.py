"""Per-minute trend exports (分钟级趋势, .xlsx/.csv) from the platforms' data screens, read into samples:
every row, or none and why, with the tolerance of the product import."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal


from liveconsole.core.metrics import (
    CUMULATIVE_FIELDS,
    FIELDS,
    Sample,
    SampleError,
    SampleErrorCode,
    merge_samples,
)
from liveconsole.io.numbers import NumberError, parse_count, parse_money
from liveconsole.io.problems import ImportCode, ImportFailed, ImportProblem, file_problem
from liveconsole.io.products import normalise_header
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
from liveconsole.sources.manual import DurationError, parse_duration_s

SOURCE = "file"

# The names the platforms' exports and operators give each column; the first name of a field wins
# when two columns claim it.
TREND_ALIASES: dict[str, tuple[str, ...]] = {
    "t": ("时间", "时间点", "统计时间", "日期时间", "分钟", "时刻", "time"),
    "online": ("实时在线人数", "在线人数", "实时在线", "在线", "online"),
    "uv": ("累计观看人数", "观看人数", "累计观看", "场观", "uv"),
    "pv": ("观看次数", "累计观看次数", "观看人次", "pv"),
    "new_followers": ("新增粉丝数", "新增粉丝", "涨粉", "涨粉数", "新增关注"),
    "likes": ("点赞数", "点赞", "点赞次数"),
    "comments": ("评论数", "评论", "评论次数"),
    "shares": ("分享数", "分享", "分享次数"),
    "product_exposures": ("商品曝光人数", "商品曝光次数", "商品曝光", "曝光人数", "曝光次数"),
    "product_clicks": ("商品点击人数", "商品点击次数", "商品点击", "点击人数", "点击次数"),
    "orders": ("成交订单数", "订单数", "成交订单", "成交单数", "订单"),
    "items": ("成交件数", "件数", "销量"),
    "buyers": ("成交人数", "买家数"),
    "gmv": ("成交金额", "成交额", "GMV", "销售额", "直播间成交金额"),
    "avg_watch_s": ("人均观看时长", "平均观看时长", "人均停留时长"),
}
HEADER_SCAN_ROWS = 30
_MIN_HEADER_FIELDS = 2
_TOTAL_WORDS = frozenset({"合计", "总计", "小计", "total"})

_ALIAS_FIELDS: dict[str, tuple[str, int]] = {
    normalise_header(alias): (name, rank)
    for name, aliases in TREND_ALIASES.items()
    for rank, alias in enumerate(aliases)
}

_CLOCK = re.compile(r"(?P<h>\d{1,2})[:：时](?P<m>\d{2})(?:[:：分](?P<s>\d{2})(?:\.\d+)?秒?)?分?")
_DATE = re.compile(r"(?:(?P<y>\d{4})[-/.年])?(?P<mo>\d{1,2})[-/.月](?P<d>\d{1,2})日?")


@dataclass
class TrendImport:
    """What a file gave: samples in time order (running totals), where they came from, the warnings."""

    samples: list[Sample]
    encoding: str | None
    sheet: str | None
    header_row: int
    columns: dict[str, str]  # field -> header text as written
    warnings: list[ImportProblem] = field(default_factory=list)


def read_trend(path: str | os.PathLike[str], *, start: dt.datetime, max_bytes: int = MAX_BYTES) -> TrendImport:
    """Read every row of a trend export. Raises ImportFailed, with every problem, if any is an error.

    `start` (aware; the session's planned start) gives times without a date their day and every
    time its zone: a clock time goes on the day that puts it nearest `start`, and each later row that
    reads earlier than the one before has passed midnight; a bare minute number counts from `start`.
    A column whose values ever go down holds per-minute values, not running totals, and is added up
    (with a warning).
    """
    if start.utcoffset() is None:
        raise ValueError("start must carry its time zone")
    table = read_table(path, max_bytes)
    return _TrendReader.choose(table).read(start)


class _RowTime:
    """Times of successive rows, with dates and zones filled in."""

    def __init__(self, start: dt.datetime) -> None:
        self.start = start
        self.zone = start.tzinfo
        self.previous: dt.datetime | None = None

    def read(self, value: object) -> dt.datetime:
        if isinstance(value, dt.datetime):
            found = value if value.utcoffset() is not None else value.replace(tzinfo=self.zone)
            self.previous = found
            return found
        if isinstance(value, dt.time):
            return self._clock(value)
        text = cell_text(value).replace("\u3000", " ").strip()
        minute = re.fullmatch(r"第?(\d{1,4})(?:分钟)?", text) if not isinstance(value, bool) else None
        if minute is not None:
            # A minute number (1, 2, 3... or 第3分钟) counts from the session's start.
            found = self.start + dt.timedelta(minutes=int(minute[1]))
            self.previous = found
            return found
        found = _iso(text, self.zone)
        if found is not None:
            self.previous = found
            return found
        date_part, clock_part = None, text
        parts = text.split()
        if len(parts) == 2:
            date_part, clock_part = parts
        clock = _CLOCK.fullmatch(clock_part)
        if clock is None:
            raise ValueError(text)
        time = dt.time(int(clock["h"]), int(clock["m"]), int(clock["s"] or 0))
        if date_part is None:
            return self._clock(time)
        date = _DATE.fullmatch(date_part)
        if date is None:
            raise ValueError(text)
        year = int(date["y"]) if date["y"] else self.start.astimezone(self.zone).year
        found = dt.datetime.combine(dt.date(year, int(date["mo"]), int(date["d"])), time, self.zone)
        self.previous = found
        return found

    def _clock(self, time: dt.time) -> dt.datetime:
        if self.previous is None:
            local = self.start.astimezone(self.zone)
            days = (local.date() + dt.timedelta(days=offset) for offset in (-1, 0, 1))
            found = min((dt.datetime.combine(day, time, self.zone) for day in days),
                        key=lambda candidate: abs(candidate - local))
        else:
            found = dt.datetime.combine(self.previous.astimezone(self.zone).date(), time, self.zone)
            if found < self.previous:
                found += dt.timedelta(days=1)
        self.previous = found
        return found


def _iso(text: str, zone: dt.tzinfo | None) -> dt.datetime | None:
    if not re.match(r"\d{4}-\d{2}-\d{2}[T ]", text):
        return None
    try:
        found = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return found if found.utcoffset() is not None else found.replace(tzinfo=zone)


def _watch_seconds(value: object) -> float | None:
    if value is None or is_blank(value):
        return None
    if isinstance(value, bool):
        raise DurationError(value)
    if isinstance(value, (int, float, Decimal)):
        return float(value)
    if isinstance(value, dt.time):
        return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    text = cell_text(value)
    if text in ("-", "--", "—", "/"):
        return None
    return parse_duration_s(text)


_PARSERS: dict[str, Callable[[object], object]] = {
    **{name: parse_count for name in FIELDS},
    "gmv": parse_money,
    "avg_watch_s": _watch_seconds,
}


class _TrendReader(HeaderedSheet):
    def __init__(self, table: Table, sheet: Sheet, header_index: int) -> None:
        super().__init__(table, sheet, header_index)
        self._map_columns()

    @classmethod
    def choose(cls, table: Table) -> _TrendReader:
        ordered = sorted(table.sheets, key=lambda sheet: not sheet.visible)
        found = [cls(table, sheet, index) for sheet in ordered if (index := _header_index(sheet)) is not None]
        if not found:
            raise ImportFailed([file_problem(table.path, ImportCode.NO_TREND_HEADER, rows_scanned=HEADER_SCAN_ROWS)])
        with_time = [reader for reader in found if "t" in reader.fields]
        chosen = with_time[0] if with_time else found[0]
        for other in with_time[1:]:
            chosen._found.append((0, NO_COLUMN, other._problem(ImportCode.OTHER_SHEET_IGNORED, other.header_row)))
        return chosen

    def _map_columns(self) -> None:
        claims: dict[str, list[tuple[int, int]]] = {}
        for column, header in enumerate(self.headers):
            known = _ALIAS_FIELDS.get(normalise_header(header)) if header else None
            if known is not None:
                claims.setdefault(known[0], []).append((known[1], column))
            elif header:
                self._add(ImportCode.TREND_COLUMN_IGNORED, self.header_row, column, used_column="")
        for name, columns in claims.items():
            (_, used), *others = sorted(columns)
            self.fields[name] = used
            for _, column in others:
                self._add(ImportCode.TREND_COLUMN_IGNORED, self.header_row, column, used_column=self.headers[used])

    def read(self, start: dt.datetime) -> TrendImport:
        if "t" not in self.fields:
            code = ImportCode.MISSING_TIME_COLUMN
            raise ImportFailed([self._problem(code, self.header_row, expected="、".join(TREND_ALIASES["t"]))])
        times = _RowTime(start)
        rows: list[tuple[int, Sample]] = []
        for index in range(self.header_row, len(self.sheet.rows)):
            row, row_number = self.sheet.rows[index], index + 1
            if all(is_blank(value) for value in row):
                continue
            time_cell = self._raw(row, self.fields["t"])
            if normalise_header(cell_text(time_cell)).rstrip(":") in _TOTAL_WORDS:
                self._add(ImportCode.TOTAL_ROW_SKIPPED, row_number)
                continue
            sample = self._sample(row, row_number, times)
            if sample is not None:
                rows.append((row_number, sample))
        problems = self.problems()
        if not rows and all(problem.is_warning for problem in problems):
            problems.append(self._problem(ImportCode.NO_TREND_ROWS, self.header_row))
        if not all(problem.is_warning for problem in problems):
            raise ImportFailed(problems)
        samples, summed = _running_totals(merge_samples(sample for _, sample in rows))
        for name in summed:
            problems.append(self._problem(ImportCode.INCREMENTS_SUMMED, self.header_row, self.fields[name],
                                          field=name))
        return TrendImport(
            samples=samples,
            encoding=self.table.encoding,
            sheet=self.sheet.name,
            header_row=self.header_row,
            columns={name: self.headers[column] for name, column in self.fields.items()},
            warnings=problems,
        )

    def _sample(self, row: list[object], row_number: int, times: _RowTime) -> Sample | None:
        values: dict[str, object] = {}
        acceptable = True
        try:
            t = times.read(self._raw(row, self.fields["t"]))
        except (ValueError, OverflowError):
            self._add_cell(ImportCode.BAD_TIME, row, row_number, "t", reason="unreadable")
            acceptable = False
        for name, column in sorted(self.fields.items(), key=lambda item: item[1]):
            if name == "t":
                continue
            try:
                value = _PARSERS[name](self._raw(row, column))
            except NumberError as exc:
                self._add_cell(exc.code, row, row_number, name)
                acceptable = False
                continue
            except DurationError:
                self._add_cell(ImportCode.BAD_DURATION, row, row_number, name, reason="unreadable")
                acceptable = False
                continue
            if value is not None and value < 0:  # type: ignore[operator]
                self._add_cell(ImportCode.NEGATIVE, row, row_number, name)
                acceptable = False
                continue
            values[name] = value
        if not acceptable:
            return None
        try:
            return Sample(t, **values)  # type: ignore[arg-type]
        except SampleError as exc:
            code = ImportCode.INVALID_VALUE
            core = exc.code.value if exc.code is not SampleErrorCode.NAIVE_TIME else "naive_time"
            self._add_cell(code, row, row_number, exc.field, core_code=core)
            return None

    # --- problems, located as the operator sees the file ------------------------------------------


def _header_index(sheet: Sheet) -> int | None:
    best: tuple[int, int] | None = None
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        keys = (normalise_header(cell_text(value)) for value in row)
        names = {_ALIAS_FIELDS[key][0] for key in keys if key in _ALIAS_FIELDS}
        if len(names) >= _MIN_HEADER_FIELDS and (best is None or len(names) > best[0]):
            best = (len(names), index)
    return None if best is None else best[1]


def _running_totals(samples: list[Sample]) -> tuple[list[Sample], list[str]]:
    """Samples with every per-minute column added up; and which columns those were.

    A running total never goes down, so a column that does holds per-minute values.
    """
    summed = []
    for name in CUMULATIVE_FIELDS:
        values = [value for sample in samples if (value := getattr(sample, name)) is not None]
        if any(later < earlier for earlier, later in zip(values, values[1:])):
            summed.append(name)
    if not summed:
        return samples, []
    totals: dict[str, object] = {}
    added = []
    for sample in samples:
        changes = {}
        for name in summed:
            value = getattr(sample, name)
            if value is not None:
                totals[name] = totals.get(name, 0) + value  # type: ignore[operator]
                changes[name] = totals[name]
        added.append(replace(sample, **changes) if changes else sample)
    return added, summed
