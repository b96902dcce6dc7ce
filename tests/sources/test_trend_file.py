from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from liveconsole.core.metrics import Sample
from liveconsole.io.problems import ImportCode, ImportFailed
from liveconsole.sources.trend_file import read_trend
from tests.io.conftest import write_csv, write_xlsx

BEIJING = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2025, 11, 11, 20, 0, tzinfo=BEIJING)


def at(hour: int, minute: int, day: int = 11) -> dt.datetime:
    return dt.datetime(2025, 11, day, hour, minute, tzinfo=BEIJING)


def codes(problems) -> list[ImportCode]:
    return [problem.code for problem in problems]


def test_a_csv_export_reads_as_running_totals_at_the_sessions_date(tmp_path):
    path = write_csv(tmp_path / "趋势.csv", [
        ["时间", "实时在线人数", "累计观看人数", "成交金额", "成交订单数"],
        ["20:00", "1,200", "1200", "¥0", "0"],
        ["20:01", "3500", "1.2万", "¥12,345.60", "80"],
        ["20:02", "3400", "15000", "", "95"],
    ])
    result = read_trend(path, start=START)
    assert result.samples == [
        Sample(at(20, 0), online=1200, uv=1200, gmv=Decimal(0), orders=0),
        Sample(at(20, 1), online=3500, uv=12000, gmv=Decimal("12345.60"), orders=80),
        Sample(at(20, 2), online=3400, uv=15000, orders=95),  # an empty cell is unknown, not 0
    ]
    assert result.columns["gmv"] == "成交金额" and result.warnings == []


def test_an_xlsx_export_with_a_title_row_dates_units_and_a_total_row(tmp_path):
    path = write_xlsx(tmp_path / "trend.xlsx", {"分钟级趋势": [
        ["双11 美妆专场 分钟级数据"],
        ["时间", "在线人数", "成交金额(元)", "成交件数", "人均观看时长(秒)", "进入直播间人数"],
        [dt.datetime(2025, 11, 11, 20, 0), 1000, 0, 0, 45, 1000],
        [dt.datetime(2025, 11, 11, 20, 1), 1800, 1299.9, 10, "1分30秒", 900],
        ["合计", None, 1299.9, 10, None, 1900],
    ]})
    result = read_trend(path, start=START)
    assert [(s.t, s.online, s.gmv, s.items, s.avg_watch_s) for s in result.samples] == [
        (at(20, 0), 1000, Decimal("0.00"), 0, 45.0), (at(20, 1), 1800, Decimal("1299.90"), 10, 90.0)]
    assert result.sheet == "分钟级趋势" and result.header_row == 2
    assert codes(result.warnings) == [ImportCode.TREND_COLUMN_IGNORED, ImportCode.TOTAL_ROW_SKIPPED]
    assert result.warnings[0].column == "进入直播间人数" and result.warnings[0].column_letter == "F"


def test_a_gb18030_csv_from_excel_on_chinese_windows(tmp_path):
    path = write_csv(tmp_path / "trend.csv", [["时间", "在线", "点赞数", "评论数"], ["20:00:30", "5", "7", "1"]],
                     encoding="gb18030")
    result = read_trend(path, start=START)
    assert result.samples == [Sample(at(20, 0) + dt.timedelta(seconds=30), online=5, likes=7, comments=1)]
    assert result.encoding == "gb18030"


def test_per_minute_values_are_added_up_into_running_totals_with_a_warning(tmp_path):
    path = write_csv(tmp_path / "trend.csv", [
        ["时间", "在线人数", "成交金额", "成交订单数"],
        ["20:00", "100", "500", "5"], ["20:01", "120", "300", "3"], ["20:02", "90", "700", "7"],
    ])
    result = read_trend(path, start=START)
    assert [(s.online, s.gmv, s.orders) for s in result.samples] == [
        (100, Decimal("500.00"), 5), (120, Decimal("800.00"), 8), (90, Decimal("1500.00"), 15)]
    assert [(p.code, p.param("field")) for p in result.warnings] == [
        (ImportCode.INCREMENTS_SUMMED, "orders"), (ImportCode.INCREMENTS_SUMMED, "gmv")]


def test_clock_times_past_midnight_fall_on_the_next_day(tmp_path):
    path = write_csv(tmp_path / "trend.csv", [["时间", "在线人数", "成交订单数"], ["23:59", "5", "1"],
                                              ["00:00", "6", "2"], ["00:01", "7", "3"]])
    late = dt.datetime(2025, 11, 11, 23, 30, tzinfo=BEIJING)
    assert [s.t for s in read_trend(path, start=late).samples] == [at(23, 59), at(0, 0, 12), at(0, 1, 12)]


def test_a_first_time_just_after_midnight_belongs_to_a_session_that_started_before_it(tmp_path):
    path = write_csv(tmp_path / "trend.csv", [["时间", "在线人数", "点赞"], ["00:05", "5", "1"]])
    late = dt.datetime(2025, 11, 11, 23, 50, tzinfo=BEIJING)
    assert [s.t for s in read_trend(path, start=late).samples] == [at(0, 5, 12)]


def test_minute_numbers_count_from_the_start_and_full_dates_are_taken_as_written(tmp_path):
    path = write_csv(tmp_path / "trend.csv", [["分钟", "在线人数", "点赞"], ["1", "5", "1"], ["第2分钟", "6", "2"]])
    assert [s.t for s in read_trend(path, start=START).samples] == [at(20, 1), at(20, 2)]
    dated = write_csv(tmp_path / "dated.csv", [["时间", "在线人数", "点赞"], ["2025/11/12 20:01", "5", "1"],
                                               ["2025-11-12T12:02:00Z", "6", "2"]])
    assert [s.t for s in read_trend(dated, start=START).samples] == [at(20, 1, 12), at(20, 2, 12)]


def test_every_bad_cell_is_reported_and_nothing_is_imported(tmp_path):
    path = write_xlsx(tmp_path / "trend.xlsx", {"Sheet1": [
        ["时间", "在线人数", "成交金额", "成交订单数", "人均观看时长"],
        ["20:00", 100, "abc", 1, 30],
        ["25:00", 100, 5, 1.5, 30],
        ["20:02", -3, 5, 2, "很久"],
        ["20:03", 100, 5, 3, 30],
    ]})
    with pytest.raises(ImportFailed) as caught:
        read_trend(path, start=START)
    found = [(p.row, p.column_letter, p.code) for p in caught.value.errors]
    assert found == [
        (2, "C", ImportCode.NOT_A_NUMBER),
        (3, "A", ImportCode.BAD_TIME),
        (3, "D", ImportCode.NOT_AN_INTEGER),
        (4, "B", ImportCode.NEGATIVE),
        (4, "E", ImportCode.BAD_DURATION),
    ]


def test_a_table_without_a_time_column_is_refused_naming_the_accepted_names(tmp_path):
    path = write_csv(tmp_path / "trend.csv", [["在线人数", "成交金额"], ["5", "6"]])
    with pytest.raises(ImportFailed) as caught:
        read_trend(path, start=START)
    assert codes(caught.value.problems) == [ImportCode.MISSING_TIME_COLUMN]
    assert "时间" in caught.value.problems[0].param("expected")


def test_a_file_that_is_no_trend_export_or_has_no_rows_is_refused(tmp_path):
    products = write_csv(tmp_path / "products.csv", [["商品名称", "直播价"], ["保温杯", "59"]])
    with pytest.raises(ImportFailed) as caught:
        read_trend(products, start=START)
    assert codes(caught.value.problems) == [ImportCode.NO_TREND_HEADER]
    empty = write_csv(tmp_path / "empty.csv", [["时间", "在线人数"], ["", ""]])
    with pytest.raises(ImportFailed) as caught:
        read_trend(empty, start=START)
    assert codes(caught.value.problems) == [ImportCode.NO_TREND_ROWS]


def test_the_sessions_start_must_carry_its_zone(tmp_path):
    path = write_csv(tmp_path / "trend.csv", [["时间", "在线人数"], ["20:00", "5"]])
    with pytest.raises(ValueError):
        read_trend(path, start=dt.datetime(2025, 11, 11, 20, 0))
