"""A check report exported to .xlsx and .html reads back with every row, verdict and message."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser

import openpyxl
import pytest

from liveconsole.core.checks import CheckItem, CheckReport, Verdict
from liveconsole.io.check_export import ReportTexts, write_check_report

BEIJING = timezone(timedelta(hours=8))
REPORT = CheckReport(
    started=datetime(2026, 6, 18, 19, 30, 5, tzinfo=timezone.utc),
    devices={"camera": "0 (1280x720)", "audio_in": "=HYPERLINK(\"x\") <mic>"},
    items=(CheckItem("camera.open", Verdict.PASS, "0", "", "camera.opened", {"source": "0"}),
           CheckItem("camera.brightness", Verdict.FAIL, 16.9, "luma", "camera.too_dark", {"brightness": 16.9}),
           CheckItem("audio.in.level", Verdict.WARN, None, "dBFS", "audio.in.too_quiet", {})),
)
MESSAGES = {"camera.opened": "摄像头 0 画面正常", "camera.too_dark": "画面过暗：打开补光灯或调高曝光",
            "audio.in.too_quiet": "麦克风音量过小 <b>"}


def _message(item: CheckItem) -> str:
    return MESSAGES[item.message_code]


def test_the_xlsx_has_a_header_and_one_row_per_item(tmp_path):
    path = tmp_path / "检查报告.xlsx"
    write_check_report(path, REPORT, session_name="6月18日 美妆专场", message=_message, tz=BEIJING)
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "开播前设备检查"
    header = dict((row[0], row[1]) for row in rows[1:7] if row and row[0])
    assert header["场次"] == "6月18日 美妆专场"
    assert header["检查时间"] == "2026-06-19 03:30:05 +0800"
    assert header["总体结果"] == "未通过"
    assert header["设备: 麦克风"].startswith("'=")  # a device name never runs as a formula
    table = rows[rows.index(("检查项", "结果", "数值", "单位", "说明")):]
    assert table[1:] == [("摄像头", "通过", "0", None, "摄像头 0 画面正常"),
                         ("亮度", "未通过", 16.9, "luma", "画面过暗：打开补光灯或调高曝光"),
                         ("麦克风音量", "注意", "—", "dBFS", "麦克风音量过小 <b>")]


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag, attrs):
        self._in_cell = tag in ("td", "th")
        if self._in_cell:
            self.cells.append("")

    def handle_endtag(self, tag):
        self._in_cell = False

    def handle_data(self, data):
        if self._in_cell:
            self.cells[-1] += data


def test_the_html_page_escapes_text_and_marks_each_verdict(tmp_path):
    path = tmp_path / "report.html"
    write_check_report(path, REPORT, message=_message, texts=ReportTexts(title="Pre-live check"), tz=BEIJING)
    text = path.read_text("utf-8")
    assert "<mic>" not in text and "&lt;mic&gt;" in text and "&lt;b&gt;" in text
    assert '<td class="fail">未通过</td>' in text
    parser = _Cells()
    parser.feed(text)
    assert ["亮度", "未通过", "16.9", "luma", "画面过暗：打开补光灯或调高曝光"] == parser.cells[-10:-5]


def test_messages_default_to_their_codes(tmp_path):
    path = tmp_path / "r.html"
    write_check_report(path, REPORT)
    assert "camera.too_dark" in path.read_text("utf-8")


def test_another_extension_is_refused_and_nothing_is_written(tmp_path):
    with pytest.raises(ValueError):
        write_check_report(tmp_path / "r.pdf", REPORT)
    assert list(tmp_path.iterdir()) == []
