from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liveconsole.core.metrics import COUNT_FIELDS, FIELDS, Sample, SampleError
from liveconsole.sources.manual import (
    FIELD_NAMES,
    DurationError,
    QuickEntryCode,
    QuickEntryError,
    parse_duration_s,
    parse_quick_entry,
    watch_time_text,
)

T = datetime(2025, 11, 11, 20, 55, tzinfo=timezone(timedelta(hours=8)))


def parse(text: str) -> dict:
    return parse_quick_entry(text, T).present()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gmv 62.7w 在线 3500 订单 1280", {"gmv": Decimal("627000.00"), "online": 3500, "orders": 1280}),
        ("成交额¥627,437 在线人数3500", {"gmv": Decimal("627437.00"), "online": 3500}),
        ("成交金额：62.7437万元，在线：3500人", {"gmv": Decimal("627437.00"), "online": 3500}),
        ("ＧＭＶ　６２．７Ｗ　在线　３５００", {"gmv": Decimal("627000.00"), "online": 3500}),
        ("GMV=¥1,299.5 orders=12", {"gmv": Decimal("1299.50"), "orders": 12}),
        ("uv 1.2w pv 3.5万", {"uv": 12000, "pv": 35000}),
        ("观看人数 12000 观看次数 35000", {"uv": 12000, "pv": 35000}),
        ("累计观看 8万 观看人次 20万", {"uv": 80000, "pv": 200000}),
        ("成交人数400件数500", {"buyers": 400, "items": 500}),
        ("成交件数 520件、订单数 480单", {"items": 520, "orders": 480}),
        ("点赞 5万 评论 3,200 分享 150", {"likes": 50000, "comments": 3200, "shares": 150}),
        ("新增粉丝 300；场观 2万", {"new_followers": 300, "uv": 20000}),
        ("涨粉 300 商品曝光 2万 商品点击 3000", {"new_followers": 300, "product_exposures": 20000,
                                          "product_clicks": 3000}),
        ("followers 12 exposures 4k clicks 300 buyers 20 items 25 likes 9 comments 8 shares 7",
         {"new_followers": 12, "product_exposures": 4000, "product_clicks": 300, "buyers": 20, "items": 25,
          "likes": 9, "comments": 8, "shares": 7}),
        ("人均观看时长 90", {"avg_watch_s": 90.0}),
        ("人均观看时长 1分30秒", {"avg_watch_s": 90.0}),
        ("avg watch 1:30", {"avg_watch_s": 90.0}),
        ("avg_watch_s 45s online 10", {"avg_watch_s": 45.0, "online": 10}),
    ],
)
def test_quick_entry_reads_the_ways_operators_type_figures(text, expected):
    assert parse(text) == expected


def test_a_quick_entry_becomes_a_sample_at_the_given_time_with_only_what_was_typed():
    sample = parse_quick_entry("在线 3500", T)
    assert sample == Sample(T, online=3500)
    assert sample.gmv is None  # not typed: unknown, not zero


@pytest.mark.parametrize(
    ("text", "code", "token"),
    [
        ("", QuickEntryCode.EMPTY, ""),
        ("  ，", QuickEntryCode.EMPTY, ""),
        ("gvm 62.7w", QuickEntryCode.UNKNOWN_FIELD, "gvm"),
        ("在线 3500 点赞量 500", QuickEntryCode.UNKNOWN_FIELD, "点赞量"),
        ("onlinex 5", QuickEntryCode.UNKNOWN_FIELD, "onlinex"),
        ("在线", QuickEntryCode.MISSING_VALUE, "在线"),
        ("在线 订单 5", QuickEntryCode.MISSING_VALUE, "在线"),
        ("在线 abc", QuickEntryCode.BAD_NUMBER, "abc"),
        ("在线 3500x", QuickEntryCode.BAD_NUMBER, "3500x"),
        ("在线 -5", QuickEntryCode.BAD_NUMBER, "-5"),
        ("订单 12.5", QuickEntryCode.NOT_WHOLE, "12.5"),
        ("在线 1.23456万", QuickEntryCode.NOT_WHOLE, "1.23456万"),
        ("3500 在线", QuickEntryCode.VALUE_WITHOUT_FIELD, "3500"),
        ("在线 3500 1280", QuickEntryCode.VALUE_WITHOUT_FIELD, "1280"),
        ("在线 3500 在线人数 3600", QuickEntryCode.REPEATED_FIELD, "在线人数"),
        ("人均观看时长 1:75", QuickEntryCode.BAD_DURATION, "1:75"),
        ("人均观看时长 abc", QuickEntryCode.BAD_DURATION, "abc"),
        ("点赞 99999999999999", QuickEntryCode.TOO_LARGE, "99999999999999"),
    ],
)
def test_a_refused_entry_says_why_and_points_at_the_offending_text(text, code, token):
    with pytest.raises(QuickEntryError) as caught:
        parse(text)
    error = caught.value
    assert (error.code, error.token) == (code, token)
    assert text[error.start:error.end] == token


def test_an_error_points_into_the_text_as_typed_even_when_it_was_full_width():
    text = "在线　３５００ｘ"
    with pytest.raises(QuickEntryError) as caught:
        parse(text)
    assert caught.value.token == "３５００ｘ"
    assert text[caught.value.start:caught.value.end] == "３５００ｘ"


def test_a_time_without_a_zone_is_the_callers_mistake_not_the_operators():
    with pytest.raises(SampleError):
        parse_quick_entry("在线 5", datetime(2025, 11, 11, 20, 0))


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90", 90), ("90s", 90), ("90秒", 90), ("1分30秒", 90), ("1分30", 90), ("1m30s", 90), ("1min", 60),
     ("1.5分钟", 90), ("1:30", 90), ("1:02:03", 3723), ("１分３０秒", 90), ("2h", 7200)],
)
def test_watch_times_read_as_seconds(text, seconds):
    assert parse_duration_s(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "1:60", "1分x", "90 s s"])
def test_text_that_is_no_duration_is_refused(text):
    with pytest.raises(DurationError):
        parse_duration_s(text)


def test_watch_time_is_written_back_in_minutes_and_seconds():
    assert (watch_time_text(90), watch_time_text(45), watch_time_text(None)) == ("1分30秒", "45秒", "—")


# --- properties ----------------------------------------------------------------------------

FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)} | {0x20: 0x3000, 0xA5: 0xFFE5}


def full_width(text: str) -> str:
    return text.translate(FULL_WIDTH)


def _count_text(draw, value: int) -> str:
    style = draw(st.sampled_from(["plain", "commas", "wan", "unit"]))
    if style == "commas":
        return f"{value:,}"
    if style == "wan":
        return format(Decimal(value).scaleb(-4), "f") + draw(st.sampled_from(["万", "w", "W", " 万"]))
    if style == "unit":
        return f"{value}{draw(st.sampled_from(['人', '次', '单', '件', '个']))}"
    return str(value)


def _money_text(draw, value: Decimal) -> str:
    style = draw(st.sampled_from(["plain", "yuan", "commas", "wan"]))
    if style == "yuan":
        return f"{value}元"
    if style == "commas":
        return f"¥{value:,.2f}"
    if style == "wan":
        return "¥" * draw(st.integers(0, 1)) + format(value.scaleb(-4), "f") + draw(st.sampled_from(["万", "w"]))
    return str(value)


def _duration_text(draw, seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return draw(st.sampled_from([str(seconds), f"{seconds}s", f"{seconds}秒", f"{minutes}分{rest}秒",
                                 f"{minutes}:{rest:02d}", f"{minutes}m{rest}s"]))


@st.composite
def entries(draw):
    names = draw(st.lists(st.sampled_from(FIELDS), unique=True, min_size=1, max_size=len(FIELDS)))
    values: dict[str, object] = {}
    parts = []
    for name in names:
        if name == "gmv":
            value = draw(st.decimals(min_value=0, max_value=10**9, places=2))
            text = _money_text(draw, value)
        elif name == "avg_watch_s":
            value = draw(st.integers(0, 36_000))
            text = _duration_text(draw, value)
        else:
            value = draw(st.integers(0, 10**9))
            text = _count_text(draw, value)
        values[name] = value
        alias = draw(st.sampled_from(FIELD_NAMES[name]))
        parts.append(alias + draw(st.sampled_from(["", " ", ":", "：", " = ", "  "])) + text)
    line = draw(st.sampled_from([" ", "  ", ", ", "，", "；", "、", "\t", " | "])).join(parts)
    if draw(st.booleans()):
        line = full_width(line)
    return line, values


@given(entries())
def test_any_line_of_known_names_and_numbers_reads_back_as_the_figures_it_was_made_from(entry):
    line, values = entry
    assert parse_quick_entry(line, T) == Sample(T, **values)


@given(st.text(max_size=60))
def test_any_text_gives_a_sample_or_a_located_refusal(text):
    try:
        sample = parse_quick_entry(text, T)
    except QuickEntryError as error:
        assert 0 <= error.start <= error.end <= len(text)
        assert text[error.start:error.end] == error.token
    else:
        assert not sample.empty


@given(st.sampled_from(COUNT_FIELDS).flatmap(
    lambda name: st.tuples(st.just(name), st.lists(st.sampled_from(FIELD_NAMES[name]), min_size=2, max_size=2,
                                                   unique=True))),
       st.integers(0, 10**6))
def test_the_same_figure_under_two_names_is_refused_at_the_second(named, value):
    name, (first, second) = named
    line = f"{first} {value} {second} {value}"
    with pytest.raises(QuickEntryError) as caught:
        parse(line)
    assert (caught.value.code, caught.value.field) == (QuickEntryCode.REPEATED_FIELD, name)
    assert caught.value.start == len(first) + len(str(value)) + 2
