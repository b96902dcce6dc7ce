"""A pre-live check report as .xlsx or a standalone .html page, for the studio's records."""

from __future__ import annotations

import html
import os
import stat
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from liveconsole.core.checks import CheckItem, CheckReport, Verdict
from liveconsole.io.tables import neutralise

_COLOURS = {Verdict.PASS: "C6EFCE", Verdict.WARN: "FFEB9C", Verdict.FAIL: "FFC7CE"}


@dataclass(frozen=True)
class ReportTexts:
    """The words around the numbers; Chinese unless the window passes its own language."""

    title: str = "开播前设备检查"
    session: str = "场次"
    started: str = "检查时间"
    overall: str = "总体结果"
    devices: str = "设备"
    columns: tuple[str, str, str, str, str] = ("检查项", "结果", "数值", "单位", "说明")
    verdicts: Mapping[Verdict, str] = field(default_factory=lambda: {
        Verdict.PASS: "通过", Verdict.WARN: "注意", Verdict.FAIL: "未通过"})
    device_kinds: Mapping[str, str] = field(default_factory=lambda: {
        "camera": "摄像头", "audio_in": "麦克风", "audio_out": "扬声器", "obs": "OBS", "server": "推流服务器"})
    items: Mapping[str, str] = field(default_factory=lambda: {
        "camera.open": "摄像头", "camera.resolution": "分辨率", "camera.fps": "帧率", "camera.brightness": "亮度",
        "camera.sharpness": "清晰度", "camera.frozen": "画面卡顿", "audio.in.level": "麦克风音量",
        "audio.in.clipping": "爆音", "audio.in.noise_floor": "环境噪音", "audio.out.tone": "扬声器测试音",
        "obs.connected": "OBS 连接", "obs.scenes": "OBS 场景", "obs.output": "OBS 输出", "obs.stream": "推流状态",
        "network.server": "推流服务器"})


def write_check_report(path: str | os.PathLike[str], report: CheckReport, *, session_name: str | None = None,
                       message: Callable[[CheckItem], str] | None = None, texts: ReportTexts = ReportTexts(),
                       tz: tzinfo | None = None) -> None:
    """Write .xlsx or .html, whole or not at all. `message` gives a row's words (default: its message code);
    times are shown in `tz` (default: this computer's zone). ValueError for another extension."""
    path = Path(path)
    writers = {".xlsx": _write_xlsx, ".html": _write_html, ".htm": _write_html}
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"cannot export a check report to {path.suffix!r}: use .xlsx or .html")
    words = message or (lambda item: item.message_code)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=path.suffix)
    os.close(handle)
    temp = Path(temp_name)
    try:
        writer(temp, report, session_name, words, texts, tz)
        # mkstemp makes the file private (0600); give it the mode a normal save would have.
        os.chmod(temp, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _value(item: CheckItem) -> object:
    return "—" if item.value is None else item.value


def _header(report: CheckReport, session_name: str | None, texts: ReportTexts,
            tz: tzinfo | None) -> list[tuple[str, str]]:
    rows = [(texts.session, session_name)] if session_name else []
    rows.append((texts.started, report.started.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S %z")))
    rows.append((texts.overall, texts.verdicts[report.verdict]))
    for kind, device in report.devices.items():
        rows.append((f"{texts.devices}: {texts.device_kinds.get(kind, kind)}", device))
    return rows


def _write_xlsx(path: Path, report: CheckReport, session_name: str | None, message: Callable[[CheckItem], str],
                texts: ReportTexts, tz: tzinfo | None) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = neutralise(texts.title)[:31]
    sheet.append([neutralise(texts.title)])
    sheet["A1"].font = Font(bold=True, size=14)
    for label, value in _header(report, session_name, texts, tz):
        sheet.append([neutralise(label), neutralise(value)])
    sheet.append([])
    sheet.append([neutralise(column) for column in texts.columns])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for item in report.items:
        value = _value(item)
        sheet.append([neutralise(texts.items.get(item.id, item.id)), neutralise(texts.verdicts[item.verdict]),
                      neutralise(value) if isinstance(value, str) else value, neutralise(item.unit),
                      neutralise(message(item))])
        sheet.cell(sheet.max_row, 2).fill = PatternFill("solid", fgColor=_COLOURS[item.verdict])
    for letter, width in zip("ABCDE", (22, 10, 14, 8, 70)):
        sheet.column_dimensions[letter].width = width
    workbook.save(path)
    workbook.close()


_CSS = """body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:2em}
table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:4px 8px;text-align:left}
.pass{background:#c6efce}.warn{background:#ffeb9c}.fail{background:#ffc7ce}"""


def _write_html(path: Path, report: CheckReport, session_name: str | None, message: Callable[[CheckItem], str],
                texts: ReportTexts, tz: tzinfo | None) -> None:
    e = html.escape
    lines = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>{e(texts.title)}</title><style>{_CSS}</style></head><body>", f"<h1>{e(texts.title)}</h1>",
             "<table>"]
    for label, value in _header(report, session_name, texts, tz):
        cls = f' class="{report.verdict.value}"' if label == texts.overall else ""
        lines.append(f"<tr><th>{e(label)}</th><td{cls}>{e(str(value))}</td></tr>")
    lines += ["</table>", "<p></p>", "<table>",
              "<tr>" + "".join(f"<th>{e(column)}</th>" for column in texts.columns) + "</tr>"]
    for item in report.items:
        lines.append(
            f'<tr data-id="{e(item.id)}"><td>{e(texts.items.get(item.id, item.id))}</td>'
            f'<td class="{item.verdict.value}">{e(texts.verdicts[item.verdict])}</td>'
            f"<td>{e(str(_value(item)))}</td><td>{e(item.unit)}</td><td>{e(message(item))}</td></tr>")
    lines += ["</table>", "</body></html>", ""]
    path.write_text("\n".join(lines), "utf-8")
