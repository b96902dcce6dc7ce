import csv
import datetime as dt
import os
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from liveconsole.core.products import Product
from liveconsole.core.script import InteractionKind, ProductScript, Script, Segment, SegmentType
from liveconsole.io.problems import ImportCode, ImportFailed
from liveconsole.io.products import normalise_header, read_products, split_selling_points
from liveconsole.io.script import (
    _CellError,
    TimeCell,
    _Lineup,
    guess_segment_type,
    parse_duration,
    parse_interaction,
    parse_products,
    parse_segment_type,
    parse_time_cell,
    read_script,
    write_script,
)

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
TITLE = "6月18日 美妆专场 直播脚本"
HEADER = ["时间", "环节", "时长", "内容", "商品", "备注"]
LINEUP = [
    Product("澄光 氨基酸洁面乳 100g×2支", link_no=1, sku="CG-JM100"),
    Product("青屿 玻尿酸补水面膜 10片/盒", link_no=2, sku="QY-MM10"),
    Product("澄光 377美白精华液 30ml", link_no=3, sku="CG-JH30"),
    Product("沐初 赠品小样", sku="MC-GIFT"),  # no link in the room
]
FLASH, BAG, COUPON, LOTTERY = (InteractionKind.FLASH_SALE, InteractionKind.LUCKY_BAG, InteractionKind.COUPON,
                               InteractionKind.LOTTERY)


def refused(path, lineup=()):
    with pytest.raises(ImportFailed) as caught:
        read_script(path, lineup)
    return caught.value


def located(problems):
    return [(p.row, p.column, p.column_letter, p.code, p.value, dict(p.params)) for p in problems]


def hhmm(h, m=0, s=0):
    return h * 3600 + m * 60 + s


def starts(script):
    return [script.planned_start_s(i) for i in range(len(script))]


def durations(script):
    return [segment.planned_duration_s for segment in script]


# --- the common template -----------------------------------------------------------------------

TEMPLATE = [
    [TITLE],
    ["主播：小美　助播：阿杰"],
    HEADER,
    ["20:00-20:05", "开场", None, "问好\n预告福袋", None, "主播助播同框"],
    ["20:05", "暖场：9.9元宠粉", "10分钟", "1. 限购1单\n2. 扣1统计", "链接1", None],
    [dt.time(20, 15), "讲解面膜和精华", None, "面膜上脸；精华讲成分", "2、3", None],
    ["20:30～20:35", "整点福袋", None, "口令：美妆618", None, None],
    [None, "讲解洁面乳", "15min", None, "洁面乳", None],
    ["20：50", "限时秒杀", "0:10:00", None, "CG-JH30", "倒计时5分钟"],
    [None, "收尾", "10'", "感谢关注", None, None],
]


def test_the_common_template_reads_with_chinese_times_ranges_and_every_duration_format(xlsx_file):
    path = xlsx_file({"直播脚本": TEMPLATE}, merges={"直播脚本": ["A1:F1", "A2:F2"]})
    result = read_script(path, LINEUP)
    script = result.script
    assert (result.sheet, result.header_row, result.encoding, result.warnings) == ("直播脚本", 3, None, [])
    assert result.columns == {"time": "时间", "title": "环节", "duration": "时长", "talking_points": "内容",
                              "products": "商品", "notes": "备注"}
    assert script.start_time == dt.time(20, 0)
    assert [s.title for s in script] == ["开场", "暖场：9.9元宠粉", "讲解面膜和精华", "整点福袋", "讲解洁面乳",
                                        "限时秒杀", "收尾"]
    assert durations(script) == [300, 600, 900, 300, 900, 600, 600]
    assert starts(script) == [0, 300, 900, 1800, 2100, 3000, 3600]
    assert all(s.planned_start_s is None for s in script)  # one after the other, as written
    assert [s.type for s in script] == [
        SegmentType.OPENING, SegmentType.WARM_UP, SegmentType.PRODUCT, SegmentType.INTERACTION,
        SegmentType.PRODUCT, SegmentType.INTERACTION, SegmentType.CLOSING,
    ]
    assert [s.interaction for s in script] == [None, None, None, BAG, None, FLASH, None]
    assert [s.link_nos for s in script] == [(), (1,), (2, 3), (), (1,), (3,), ()]
    assert script[1].talking_points == ("限购1单", "扣1统计")
    assert script[2].talking_points == ("面膜上脸", "精华讲成分")
    assert (script[0].notes, script[5].notes) == ("主播助播同框", "倒计时5分钟")


def test_the_same_template_reads_alike_from_a_gbk_csv(csv_file):
    rows = [[cell.strftime("%H:%M") if isinstance(cell, dt.time) else cell for cell in row] for row in TEMPLATE]
    result = read_script(csv_file(rows, encoding="gbk"), LINEUP)
    assert result.encoding == "gb18030"
    assert durations(result.script) == [300, 600, 900, 300, 900, 600, 600]
    assert result.script.start_time == dt.time(20, 0)


def test_header_names_are_matched_after_normalising_width_spaces_and_units(xlsx_file):
    header = ["时间段", "流 程", "时长（分钟）", "话术要点", "链接号", "镜头", "类型", "互动玩法", "备注"]
    row = ["20:00-20:10", "开场", 10, "", None, "全景", "开场", "", ""]
    result = read_script(xlsx_file({"Sheet1": [header, row]}))
    assert set(result.columns) == {"time", "title", "duration", "talking_points", "products", "scene", "type",
                                   "interaction", "notes"}
    assert result.script[0].scene_cue == "全景"


def test_a_bare_number_in_a_duration_column_counts_in_the_unit_its_header_names(xlsx_file):
    rows = [["环节", "时长(秒)"], ["开场", 90], ["收尾", "2分钟"]]
    assert durations(read_script(xlsx_file({"s": rows})).script) == [90, 120]
    rows = [["环节", "时长(小时)"], ["整场", 1.5]]
    assert durations(read_script(xlsx_file({"s": rows})).script) == [5400]


def test_a_script_without_times_runs_one_segment_after_the_other(xlsx_file):
    rows = [["环节", "时长"], ["开场", "5分钟"], ["讲解", "20分钟"]]
    script = read_script(xlsx_file({"s": rows})).script
    assert (script.start_time, starts(script), [s.planned_start_s for s in script]) == (None, [0, 300], [None, None])


def test_the_start_time_counts_back_from_the_first_row_that_has_a_time(xlsx_file):
    rows = [["时间", "环节", "时长"], [None, "预热", "10分钟"], ["20:00", "开场", "5分钟"]]
    script = read_script(xlsx_file({"s": rows})).script
    assert (script.start_time, starts(script)) == (dt.time(19, 50), [0, 600])


def test_a_segment_after_a_gap_is_pinned_to_its_time(xlsx_file):
    rows = [["时间", "环节"], ["20:00-20:10", "开场"], ["20:30-20:40", "福袋"], [None, "讲解"], ["21:00-21:05", "收尾"]]
    script = read_script(xlsx_file({"s": rows})).script
    assert [s.planned_start_s for s in script] == [None, 1800, None, None]  # 讲解 runs up to 21:00
    assert (starts(script), durations(script)) == ([0, 1800, 2400, 3600], [600, 600, 1200, 300])


def test_start_and_end_time_columns_make_a_range(xlsx_file):
    rows = [["开始时间", "结束时间", "环节"], ["20:00", "20:12", "开场"], ["20:12", "20:30", "讲解"]]
    assert durations(read_script(xlsx_file({"s": rows})).script) == [720, 1080]


def test_a_session_past_midnight_keeps_counting_forward(xlsx_file):
    rows = [["时间", "环节"], ["23:30-00:10", "讲解"], ["00:10", "福袋"], ["00:20-01:00", "收尾"]]
    script = read_script(xlsx_file({"s": rows})).script
    assert (script.start_time, starts(script), durations(script)) == (dt.time(23, 30), [0, 2400, 3000],
                                                                      [2400, 600, 2400])


def test_rows_with_only_a_time_or_a_type_are_spare_lines(xlsx_file):
    rows = [["时间", "环节", "类型"], ["20:00-20:10", "开场", None], ["20:10-20:20", None, "产品讲解"], [None, None, "收尾"]]
    assert len(read_script(xlsx_file({"s": rows})).script) == 1


# --- times, durations, products and words as operators write them ------------------------------


@pytest.mark.parametrize(("value", "start", "end"), [
    ("20:00", hhmm(20), None),
    ("20:00:30", hhmm(20, 0, 30), None),
    ("8:05", hhmm(8, 5), None),
    ("20：00", hhmm(20), None),
    ("20.30", hhmm(20, 30), None),
    ("20点", hhmm(20), None),
    ("20点15分", hhmm(20, 15), None),
    ("晚上8点", hhmm(20), None),
    ("晚8点半", hhmm(20, 30), None),
    ("下午3点", hhmm(15), None),
    ("凌晨1点", hhmm(1), None),
    ("20:00-20:15", hhmm(20), hhmm(20, 15)),
    ("20:00～20:15", hhmm(20), hhmm(20, 15)),
    ("20:00~20:15", hhmm(20), hhmm(20, 15)),
    ("20:00 — 20:15", hhmm(20), hhmm(20, 15)),
    ("20:00–20:15", hhmm(20), hhmm(20, 15)),
    ("20:00至20:15", hhmm(20), hhmm(20, 15)),
    ("晚上8点到8点半", hhmm(20), hhmm(8, 30)),  # the end is read on its own; the range wraps it
    ("23:50-24:00", hhmm(23, 50), hhmm(24)),
    (dt.time(20, 15), hhmm(20, 15), None),
    (dt.time(19, 59, 59, 999_999), hhmm(20), None),
    (dt.datetime(2026, 6, 18, 20, 0), hhmm(20), None),
    (0.5, hhmm(12), None),
])
def test_times_of_day_and_ranges_as_operators_write_them(value, start, end):
    cell = parse_time_cell(value)
    assert (cell.start, cell.end, cell.duration) == (start, end, None)


@pytest.mark.parametrize("value", ["15分钟", "15min", "15'", "0.25小时", dt.timedelta(minutes=15)])
def test_a_duration_where_a_time_was_expected_is_a_duration(value):
    assert parse_time_cell(value) == TimeCell(duration=900)


def test_hours_and_minutes_where_a_time_is_expected_are_a_time_of_day():
    assert parse_time_cell("0:15:00") == TimeCell(start=900)


@pytest.mark.parametrize("value", ["abc", "25:00", "20:61", "24:30", "20:00-", 20, True, "15"])
def test_text_that_is_no_time_is_refused_as_bad_time(value):
    with pytest.raises(_CellError) as caught:
        parse_time_cell(value)
    assert caught.value.code is ImportCode.BAD_TIME


@pytest.mark.parametrize(("value", "seconds"), [
    ("15分钟", 900), ("15分", 900), ("15min", 900), ("15 mins", 900), ("15m", 900), ("15MIN", 900),
    ("15'", 900), ("15′", 900), ("15", 900), (15, 900), (15.0, 900), (0.5, 30), ("１５分钟", 900),
    ("0:15:00", 900), ("0:15", 900), ("1:30:00", 5400), (dt.time(0, 15), 900), (dt.timedelta(minutes=15), 900),
    ("1小时", 3600), ("1h", 3600), ("1.5小时", 5400), ("1h30min", 5400), ("1小时30分钟", 5400), ("1时30分", 5400),
    ("半小时", 1800), ("半个小时", 1800), ("十五分钟", 900), ("二十分钟", 1200), ("两小时", 7200),
    ("90秒", 90), ("90s", 90), ("1分30秒", 90), ("15'30''", 930), ("15'30\"", 930),
    ("约15分钟", 900), ("15分钟左右", 900),
])
def test_durations_in_every_format_operators_use(value, seconds):
    assert parse_duration(value) == seconds


@pytest.mark.parametrize(("value", "reason"), [
    ("abc", "unreadable"), ("15秒30分", "unreadable"), ("10-15分钟", "unreadable"), ("0:75", "unreadable"),
    ("一百分钟", "unreadable"), (True, "unreadable"), (dt.datetime(2026, 1, 1), "unreadable"),
    ("0分钟", "zero"), (0, "zero"), ("13小时", "too_long"), ("15:00", "too_long"),
])
def test_a_duration_that_does_not_read_or_is_not_positive_is_refused(value, reason):
    with pytest.raises(_CellError) as caught:
        parse_duration(value)
    assert (caught.value.code, caught.value.params["reason"]) == (ImportCode.BAD_DURATION, reason)


@pytest.mark.parametrize(("value", "links"), [
    (None, ()), (3, (3,)), (3.0, (3,)), ("3", (3,)), ("1,4,7", (1, 4, 7)), ("1、4、7", (1, 4, 7)),
    ("1，4；7", (1, 4, 7)), ("1\n4", (1, 4)), ("链接3", (3,)), ("3号", (3,)), ("#3", (3,)), ("3号链接", (3,)),
    ("1-5", (1, 2, 3, 4, 5)), ("链接1~链接3", (1, 2, 3)), ("１－３", (1, 2, 3)), ("链接3 洁面乳", (3,)),
    ("洁面乳", (1,)), ("澄光 377美白精华液 30ml", (3,)), ("cg-jh30", (3,)), ("洁面乳、2、2", (1, 2)), ("-", ()),
])
def test_products_as_link_numbers_ranges_or_titles_in_the_lineup(value, links):
    assert parse_products(value, _Lineup(LINEUP)) == links


@pytest.mark.parametrize(("value", "code", "params"), [
    ("面霜", ImportCode.UNKNOWN_PRODUCT, {"product": "面霜", "reason": "not_found"}),
    ("赠品小样", ImportCode.UNKNOWN_PRODUCT, {"product": "赠品小样", "reason": "no_link"}),
    ("澄光", ImportCode.AMBIGUOUS_PRODUCT, {"product": "澄光", "matches": 2}),
])
def test_a_title_that_names_no_single_linked_product_is_refused(value, code, params):
    with pytest.raises(_CellError) as caught:
        parse_products(value, _Lineup(LINEUP))
    assert (caught.value.code, caught.value.params) == (code, params)


def test_without_a_lineup_a_title_names_no_product():
    with pytest.raises(_CellError) as caught:
        parse_products("洁面乳", _Lineup([]))
    assert caught.value.code is ImportCode.UNKNOWN_PRODUCT


@pytest.mark.parametrize(("value", "expected"), [
    ("开场", (SegmentType.OPENING, None)), ("开场环节", (SegmentType.OPENING, None)),
    ("暖场", (SegmentType.WARM_UP, None)), ("产品讲解", (SegmentType.PRODUCT, None)),
    ("讲解", (SegmentType.PRODUCT, None)), ("互动", (SegmentType.INTERACTION, None)),
    ("福袋", (SegmentType.INTERACTION, BAG)), ("抽奖", (SegmentType.INTERACTION, LOTTERY)),
    ("秒杀", (SegmentType.INTERACTION, FLASH)), ("发券", (SegmentType.INTERACTION, COUPON)),
    ("互动-福袋", (SegmentType.INTERACTION, BAG)), ("互动（抽奖）", (SegmentType.INTERACTION, LOTTERY)),
    ("过渡", (SegmentType.TRANSITION, None)), ("收尾", (SegmentType.CLOSING, None)),
    ("下播", (SegmentType.CLOSING, None)), ("closing", (SegmentType.CLOSING, None)), ("", None), (None, None),
])
def test_segment_type_words(value, expected):
    assert parse_segment_type(value) == expected


@pytest.mark.parametrize(("value", "kind"), [
    ("福袋", BAG), ("发福袋", BAG), ("抽奖", LOTTERY), ("整点抽奖", LOTTERY), ("秒杀", FLASH), ("发券", COUPON),
    ("优惠券", COUPON), ("领券", COUPON), ("福袋+抽奖", BAG), ("无", None), ("", None),
])
def test_interaction_words(value, kind):
    assert parse_interaction(value) == kind


def test_unknown_type_and_interaction_words_are_refused():
    for parse, code in ((parse_segment_type, ImportCode.UNKNOWN_SEGMENT_TYPE),
                        (parse_interaction, ImportCode.UNKNOWN_INTERACTION)):
        with pytest.raises(_CellError) as caught:
            parse("红包雨")
        assert caught.value.code is code


@pytest.mark.parametrize(("title", "has_products", "segment_type"), [
    ("开场：问好", False, SegmentType.OPENING), ("暖场福利", True, SegmentType.WARM_UP),
    ("整点福袋", False, SegmentType.INTERACTION), ("限时秒杀", True, SegmentType.INTERACTION),
    ("粉丝答疑", False, SegmentType.INTERACTION), ("中场休息", False, SegmentType.TRANSITION),
    ("收尾：预告下一场", False, SegmentType.CLOSING), ("讲解链接3", True, SegmentType.PRODUCT),
    ("品牌故事", False, SegmentType.TRANSITION),
])
def test_without_a_type_the_title_words_decide_else_products_make_it_a_product_segment(title, has_products,
                                                                                       segment_type):
    assert guess_segment_type(title, has_products) is segment_type


def test_a_type_column_wins_over_the_title_and_an_interaction_column_over_both(xlsx_file):
    rows = [["环节", "时长", "类型", "互动"],
            ["福袋时间", 5, "产品讲解", None], ["讲解", 5, "福袋", None], ["讲解", 5, "互动", "秒杀"],
            ["开场", 5, None, "发券"]]
    script = read_script(xlsx_file({"s": rows})).script
    assert [(s.type, s.interaction) for s in script] == [
        (SegmentType.PRODUCT, None), (SegmentType.INTERACTION, BAG), (SegmentType.INTERACTION, FLASH),
        (SegmentType.OPENING, COUPON),
    ]


def test_unknown_columns_go_to_the_notes_and_are_reported(xlsx_file):
    rows = [["环节", "时长", "备注", "负责人"], ["开场", 5, "提前试音", "阿杰"], ["收尾", 5, None, None]]
    result = read_script(xlsx_file({"s": rows}))
    assert [s.notes for s in result.script] == ["提前试音\n负责人：阿杰", ""]
    assert located(result.warnings) == [(1, "负责人", "D", ImportCode.UNKNOWN_COLUMN_KEPT, "", {})]


def test_link_numbers_outside_the_lineup_are_a_warning(xlsx_file):
    rows = [["环节", "时长", "商品"], ["讲解", 5, "3、9"]]
    result = read_script(xlsx_file({"s": rows}), LINEUP)
    assert result.script[0].link_nos == (3, 9)
    assert located(result.warnings) == [
        (2, "商品", "C", ImportCode.NOT_IN_LINEUP, "3、9", {"field": "products", "product": "9"})
    ]


# --- bad files: every problem, where the operator sees it --------------------------------------

BAD_ROWS = [
    [TITLE],
    ["时间", "环节", "时长", "商品", "类型", "互动", "话术", "备注", "负责人"],
    ["20:00-20:05", "开场", None, None, "开场", None, "问好", None, None],
    ["20:05", "讲解", "abc", "1,2", None, None, None, None, None],
    ["25:00", "讲解2", "10分钟", "链接x", "讲课", "红包", None, None, None],
    [None, None, None, "3", None, None, "没有环节名", None, None],
    [None, "收尾", "-5", "-3", None, None, None, None, None],
]
BAD_EXPECTED = [  # (row, column, letter, code, value, params)
    (2, "负责人", "I", ImportCode.UNKNOWN_COLUMN_KEPT, "", {}),
    (4, "时长", "C", ImportCode.BAD_DURATION, "abc", {"field": "duration", "reason": "unreadable"}),
    (5, "时间", "A", ImportCode.BAD_TIME, "25:00", {"field": "time", "reason": "unreadable"}),
    (5, "商品", "D", ImportCode.UNKNOWN_PRODUCT, "链接x",
     {"field": "products", "product": "链接x", "reason": "not_found"}),
    (5, "类型", "E", ImportCode.UNKNOWN_SEGMENT_TYPE, "讲课", {"field": "type"}),
    (5, "互动", "F", ImportCode.UNKNOWN_INTERACTION, "红包", {"field": "interaction"}),
    (6, "环节", "B", ImportCode.SEGMENT_TITLE_MISSING, "", {"field": "title"}),
    (7, "时长", "C", ImportCode.BAD_DURATION, "-5", {"field": "duration", "reason": "unreadable"}),
    (7, "商品", "D", ImportCode.NEGATIVE, "-3", {"field": "products"}),
]


def test_a_bad_workbook_reports_every_problem_with_its_sheet_row_and_column(xlsx_file):
    path = xlsx_file({"脚本": BAD_ROWS}, merges={"脚本": ["A1:I1"]})
    failure = refused(path, LINEUP)
    assert located(failure.problems) == BAD_EXPECTED
    assert {(p.file, p.sheet) for p in failure.problems} == {(str(path), "脚本")}
    assert (len(failure.errors), len(failure.warnings)) == (8, 1)


def test_a_bad_csv_reports_the_same_problems_without_column_letters(csv_file):
    failure = refused(csv_file(BAD_ROWS, encoding="gb18030"), LINEUP)
    assert located(failure.problems) == [(r, c, None, *rest) for r, c, _, *rest in BAD_EXPECTED]


def schedule_problems(xlsx_file, rows):
    return located(refused(xlsx_file({"s": [["时间", "环节", "时长"], *rows]})).problems)


def test_a_range_that_ends_before_it_starts_is_refused(xlsx_file):
    assert schedule_problems(xlsx_file, [["20:30-20:20", "福袋", None]]) == [
        (2, "时间", "A", ImportCode.BAD_TIME, "20:30-20:20", {"field": "time", "reason": "reversed"})
    ]


def test_a_time_earlier_than_the_row_before_is_refused_with_that_row(xlsx_file):
    rows = [["20:00", "开场", 5], ["20:30", "讲解", 10], ["20:20", "福袋", 5]]
    assert schedule_problems(xlsx_file, rows) == [
        (4, "时间", "A", ImportCode.TIME_BEFORE_PREVIOUS, "20:20", {"field": "time", "previous_row": "3"})
    ]


def test_the_last_segment_needs_a_duration_it_has_no_next_start_to_end_at(xlsx_file):
    rows = [["20:00", "开场", None], ["20:05", "收尾", None]]
    assert schedule_problems(xlsx_file, rows) == [
        (3, "时长", "C", ImportCode.DURATION_MISSING, "", {"field": "duration"})
    ]


def test_a_row_without_a_time_needs_the_row_before_to_have_a_duration(xlsx_file):
    rows = [["20:00", "开场", None], [None, "讲解", 10]]
    assert schedule_problems(xlsx_file, rows) == [
        (2, "时长", "C", ImportCode.DURATION_MISSING, "", {"field": "duration"})
    ]


def test_two_rows_at_the_same_time_leave_the_first_without_time(xlsx_file):
    rows = [["21:00", "福袋", None], ["21:00", "讲解", 10]]
    assert schedule_problems(xlsx_file, rows) == [
        (2, "时长", "C", ImportCode.BAD_DURATION, "", {"field": "duration", "reason": "zero"})
    ]


def test_a_duration_that_disagrees_with_the_range_is_a_warning_and_the_range_is_used(xlsx_file):
    result = read_script(xlsx_file({"s": [["时间", "环节", "时长"], ["20:00-20:20", "开场", "15分钟"]]}))
    assert durations(result.script) == [1200]
    assert located(result.warnings) == [(2, "时长", "C", ImportCode.DURATION_MISMATCH, "15分钟",
                                         {"field": "duration", "range_s": "1200", "duration_s": "900"})]


def test_a_segment_starting_before_the_one_before_ends_is_a_warning(xlsx_file):
    rows = [["时间", "环节"], ["20:00-20:30", "讲解"], ["20:20-20:40", "福袋"]]
    result = read_script(xlsx_file({"s": rows}))
    assert [s.planned_start_s for s in result.script] == [None, 1200]
    assert located(result.warnings) == [(3, "时间", "A", ImportCode.TIME_OVERLAP, "20:20-20:40",
                                         {"field": "time", "previous_row": "2"})]


def test_layout_rows_are_skipped_with_warnings(xlsx_file):
    rows = [["时间", "环节", "时长"], ["第一小时", "第一小时", "第一小时"], ["20:00", "开场", 5], ["合计", None, 5]]
    result = read_script(xlsx_file({"s": rows}, merges={"s": ["A2:C2"]}))
    assert len(result.script) == 1
    assert [(w.row, w.code) for w in result.warnings] == [
        (2, ImportCode.SECTION_ROW_SKIPPED), (4, ImportCode.TOTAL_ROW_SKIPPED)
    ]


def test_a_file_without_a_script_header_is_refused(xlsx_file):
    failure = refused(xlsx_file({"s": [["随便写的"], [1, 2]]}))
    assert [(p.code, dict(p.params)) for p in failure.problems] == [(ImportCode.NO_SCRIPT_HEADER, {"rows_scanned": "30"})]


def test_a_header_without_a_segment_column_is_refused(xlsx_file):
    failure = refused(xlsx_file({"s": [[TITLE], ["时间", "时长", "话术"], ["20:00", 5, "问好"]]}))
    (problem,) = failure.problems
    assert (problem.code, problem.row) == (ImportCode.MISSING_SEGMENT_COLUMN, 2)
    assert problem.param("expected").startswith("环节、流程")


def test_a_header_without_segment_rows_is_refused(xlsx_file):
    failure = refused(xlsx_file({"s": [["时间", "环节"], [], ["20:00", None]]}))
    assert [p.code for p in failure.problems] == [ImportCode.NO_SEGMENTS]


def test_the_first_sheet_with_a_script_wins_and_another_is_reported(xlsx_file):
    sheets = {"说明": [["按模板填写"]], "脚本": [["环节", "时长"], ["开场", 5]], "旧版": [["环节", "时长"], ["旧", 5]]}
    result = read_script(xlsx_file(sheets))
    assert (result.sheet, [s.title for s in result.script]) == ("脚本", ["开场"])
    assert [(w.sheet, w.row, w.code) for w in result.warnings] == [("旧版", 1, ImportCode.OTHER_SHEET_IGNORED)]


# --- single-product scripts --------------------------------------------------------------------

PRODUCT_HEADER = ["链接号", "商品名称", "品牌介绍", "核心卖点", "利益点", "价格锚点", "引导转化"]
FLOW = [["环节", "时长", "商品"], ["讲解", 10, "1、3"]]


def test_a_second_sheet_holds_the_single_product_scripts(xlsx_file):
    sheets = {"整场脚本": FLOW, "单品脚本": [
        PRODUCT_HEADER,
        [1, None, "澄光12年", "氨基酸\n不紧绷", "两支装", "日常69；直播9.9", "拍完扣已拍"],
        [None, "精华", None, "377双美白", None, None, None],
        [2, None, None, None, None, None, None],  # listed, nothing written yet
    ]}
    result = read_script(xlsx_file(sheets), LINEUP)
    assert (result.product_sheet, result.product_header_row, result.warnings) == ("单品脚本", 1, [])
    first, second = result.script.product_scripts
    assert first == ProductScript(1, "CG-JM100", "澄光 氨基酸洁面乳 100g×2支", ("澄光12年",), ("氨基酸", "不紧绷"),
                                  ("两支装",), ("日常69", "直播9.9"), ("拍完扣已拍",))
    assert (second.link_no, second.key) == (3, "CG-JH30")  # found in the lineup by its title
    assert result.script.product_script(LINEUP[2]) == second


def test_without_a_lineup_a_product_script_keeps_what_the_row_says(xlsx_file):
    sheets = {"整场脚本": FLOW, "单品": [["货号", "核心卖点"], ["CG-JH30", "377"]]}
    (script,) = read_script(xlsx_file(sheets)).script.product_scripts
    assert (script.link_no, script.sku, script.title, script.key) == (None, "CG-JH30", "", "CG-JH30")


def test_a_product_script_table_below_the_segments_in_a_csv_is_read(csv_file):
    rows = [*FLOW, [], PRODUCT_HEADER, [3, None, None, "377双美白", None, None, None]]
    result = read_script(csv_file(rows))
    assert (len(result.script), result.product_header_row) == (1, 4)
    assert result.script.product_scripts[0].selling_points == ("377双美白",)


def test_single_product_rows_without_a_key_twice_or_outside_the_lineup_are_reported(xlsx_file):
    sheets = {"整场脚本": FLOW, "单品脚本": [
        ["链接号", "货号", "商品名称", "核心卖点"],
        [None, None, None, "没写是哪个"],
        [1, None, None, "a"],
        [None, "CG-JM100", None, "b"],
        [9, None, None, "c"],
        ["x", None, None, "d"],
    ]}
    failure = refused(xlsx_file(sheets), LINEUP)
    assert [(p.sheet, p.row, p.column, p.code, dict(p.params)) for p in failure.problems] == [
        ("单品脚本", 2, None, ImportCode.PRODUCT_KEY_MISSING, {"expected": "链接号、货号、商品名称"}),
        ("单品脚本", 4, "货号", ImportCode.DUPLICATE_SKU, {"field": "sku", "first_row": "3"}),
        ("单品脚本", 5, "链接号", ImportCode.NOT_IN_LINEUP, {"field": "link_no", "product": "9"}),
        ("单品脚本", 6, "链接号", ImportCode.NOT_A_NUMBER, {"field": "link_no"}),
    ]


# --- writing and reading back ------------------------------------------------------------------

DEMO = Script(
    (
        Segment("开场", 300, SegmentType.OPENING, scene_cue="全景", talking_points=("问好", "预告福袋")),
        Segment("讲解", 690, link_nos=(2, 3), scene_cue="=cmd|' /C calc'!A0", notes="+86 138\n第二行"),
        Segment("福袋", 90, SegmentType.INTERACTION, planned_start_s=1800, interaction=BAG),
        Segment("讲解", 600, link_nos=(1,), interaction=COUPON, talking_points=("-满减",)),
        Segment("收尾", 600, SegmentType.CLOSING),
    ),
    (ProductScript(3, "CG-JH30", "澄光 377美白精华液 30ml", ("@品牌",), ("377",), (), ("日常299",), ("快拍",)),),
    dt.time(23, 30),
)


def test_xlsx_has_a_flow_sheet_and_a_single_product_sheet_with_operator_headers(tmp_path):
    path = tmp_path / "脚本.xlsx"
    write_script(path, DEMO)
    workbook = openpyxl.load_workbook(path)
    try:
        flow, products = workbook.worksheets
        rows = [[cell.value for cell in row] for row in flow.iter_rows()]
        assert (flow.title, products.title) == ("整场脚本", "单品脚本")
        assert rows[0] == ["时间段", "环节", "类型", "时长", "链接号", "场景", "互动", "话术", "备注"]
        assert rows[1] == ["23:30-23:35", "开场", "开场", "5分钟", None, "全景", None, "问好\n预告福袋", None]
        assert rows[2][:6] == ["23:35-23:46:30", "讲解", "产品讲解", "11分30秒", "2、3", "'=cmd|' /C calc'!A0"]
        assert rows[3][:7] == ["00:00-00:01:30", "福袋", "互动", "1分30秒", None, None, "福袋"]
        assert rows[4][4] == 1 and rows[5][0] == "00:11:30-00:21:30"
        assert all(cell.data_type != "f" for row in flow.iter_rows() for cell in row)
        assert [c.value for c in products[1]] == ["链接号", "货号", "商品名称", "品牌介绍", "核心卖点", "利益点",
                                                  "价格锚点", "引导转化"]
        assert products["D2"].value == "'@品牌"
        assert all(cell.font.bold for cell in flow[1])
    finally:
        workbook.close()


@pytest.mark.parametrize("name", ["脚本.xlsx", "脚本.csv"])
def test_a_written_script_reads_back_unchanged(tmp_path, name):
    path = tmp_path / name
    write_script(path, DEMO)
    result = read_script(path)
    assert result.script == DEMO and result.warnings == []


def test_a_csv_is_utf8_with_a_bom_and_the_product_table_below_an_empty_row(tmp_path):
    path = tmp_path / "脚本.csv"
    write_script(path, DEMO)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[6:] == [[], ["链接号", "货号", "商品名称", "品牌介绍", "核心卖点", "利益点", "价格锚点", "引导转化"],
                        ["3", "CG-JH30", "澄光 377美白精华液 30ml", "'@品牌", "377", "", "日常299", "快拍"]]


def test_a_script_without_a_start_time_is_written_without_times(tmp_path):
    path = tmp_path / "脚本.csv"
    script = Script((Segment("开场", 60), Segment("收尾", 120)))
    write_script(path, script)
    assert read_script(path).script == script


def test_other_extensions_are_refused_and_nothing_is_left_behind(tmp_path):
    with pytest.raises(ValueError, match=".xls"):
        write_script(tmp_path / "脚本.xls", DEMO)
    assert os.listdir(tmp_path) == []


cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
cell_chars = st.one_of(cjk, st.characters(categories=("L", "N", "P", "S")), st.sampled_from("=+-@' "))
text = st.text(cell_chars, min_size=1, max_size=12).map(str.strip).filter(bool)
point = text.filter(lambda t: split_selling_points(t) == (t,))
points = st.lists(point, max_size=3).map(tuple)


def _not_total(value: str) -> bool:
    return normalise_header(value).rstrip(":") not in {"合计", "总计", "小计", "total"}


@st.composite
def scripts(draw):
    timed = draw(st.booleans())
    segments = []
    for _ in range(draw(st.integers(1, 6))):
        gap = draw(st.none() | st.integers(1, 5 * 3600)) if timed and segments else None
        segments.append((gap, Segment(
            title=draw(text.filter(_not_total)),
            planned_duration_s=draw(st.integers(1, 6 * 3600)),
            type=draw(st.sampled_from(SegmentType)),
            link_nos=tuple(draw(st.lists(st.integers(0, 999), max_size=4, unique=True))),
            talking_points=draw(points),
            scene_cue=draw(st.none() | text),
            interaction=draw(st.none() | st.sampled_from(InteractionKind)),
            notes=draw(st.just("") | text),
        )))
    pinned, end = [], 0
    for gap, segment in segments:
        start = None if gap is None else end + gap
        pinned.append(segment.with_changes(planned_start_s=start))
        end = (end if start is None else start) + segment.planned_duration_s
    product_scripts = draw(st.lists(st.builds(
        ProductScript,
        link_no=st.none() | st.integers(0, 999),
        sku=st.just("") | st.text(st.characters(min_codepoint=0x41, max_codepoint=0x5A), min_size=1, max_size=8),
        title=st.just("") | cjk.map(lambda c: c + "款"),
        selling_points=points.filter(bool),
        benefits=points,
        call_to_action=points,
    ).filter(lambda ps: ps.key or ps.link_no is not None), max_size=3, unique_by=(
        lambda ps: ps.key or object(), lambda ps: ps.link_no if ps.link_no is not None else object())))
    start_time = dt.time(draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(st.integers(0, 59)))
    return Script(tuple(pinned), tuple(product_scripts), start_time if timed else None)


def _looks_like_layout(row):
    filled = [cell for cell in row if cell]
    return len(filled) >= 3 and len(set(filled)) == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=scripts(), extension=st.sampled_from([".xlsx", ".csv"]))
def test_any_script_reads_back_as_written(tmp_path, script, extension):
    from liveconsole.io.script import _product_rows

    assume(not any(_looks_like_layout([str(v) if v is not None else "" for v in row])
                   for row in _product_rows(script)))
    path = tmp_path / f"脚本{extension}"
    write_script(path, script)
    assert read_script(path).script == script


# --- the demo session ---------------------------------------------------------------------------


def test_the_demo_script_imports_cleanly_against_the_demo_lineup():
    lineup = read_products(SAMPLES / "demo_lineup.xlsx").products
    result = read_script(SAMPLES / "demo_script.xlsx", lineup)
    script = result.script
    assert (result.warnings, script.start_time, script.total_planned_s) == ([], dt.time(20, 0), 4 * 3600)
    assert sorted(link for segment in script for link in segment.link_nos) == list(range(1, 37))
    bags = [script.planned_clock(i) for i, s in enumerate(script) if s.interaction is BAG]
    assert bags == [dt.time(21), dt.time(22), dt.time(23)]
    assert [s.interaction for s in script].count(FLASH) == 1
    assert {s.scene_cue for s in script} == {"全景", "近景特写", "商品台", "稍后回来"}
    assert (script[0].type, script[-1].type) == (SegmentType.OPENING, SegmentType.CLOSING)
    assert SegmentType.WARM_UP in {s.type for s in script}
    assert all(s.talking_points for s in script)
    assert len(script.product_scripts) >= 10
    assert all(script.product_script(p) is not None for p in lineup if p.link_no in (1, 3, 24, 32))


def test_the_demo_script_is_what_its_generator_writes(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_script_sample", SAMPLES / "make_script_sample.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    generator.write_xlsx(tmp_path / "demo_script.xlsx")
    assert read_script(tmp_path / "demo_script.xlsx") == read_script(SAMPLES / "demo_script.xlsx")
