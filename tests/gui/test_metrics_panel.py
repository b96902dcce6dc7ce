"""The metrics dock of the real window: sources in, tiles, charts, alerts out, samples saved."""

from __future__ import annotations

import http.client
import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from liveconsole.core.dashboard import MarkerKind, Tile
from liveconsole.core.metrics import Sample
from liveconsole.core.prompter import AlertKind
from tests.io.conftest import write_csv


def show_metrics(window, qtbot):
    window.docks["metrics"].raise_()
    panel = window.metrics_panel
    qtbot.waitUntil(lambda: panel.chart is not None)
    return panel


def post(url: str, token: str, body: object, headers: dict | None = None) -> int:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        connection.request("POST", parts.path, body=json.dumps(body).encode(),
                           headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                                    **(headers or {})})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def stored(window) -> int:
    return window.workspace.metrics.count(window.prep.session.id)


def tile(panel, which: Tile) -> str:
    return panel.tiles[which].value.text()


def test_a_sample_pushed_to_the_ingest_api_shows_in_the_tiles_and_is_saved(demo_window, qtbot):
    panel = show_metrics(demo_window, qtbot)
    assert panel.ingest_url.startswith("http://127.0.0.1:")
    assert panel.ingest_url in panel.form.sourcesLabel.text()
    token = demo_window.settings["ingest_token"]
    assert post(panel.ingest_url, token, {"online": 3500, "gmv": "627437", "orders": 1280, "buyers": 1000}) == 202
    qtbot.waitUntil(lambda: tile(panel, Tile.GMV) == "¥627,437")
    assert tile(panel, Tile.ONLINE) == "3,500" and tile(panel, Tile.AOV) == "¥627.44"
    assert tile(panel, Tile.ITEMS) == "—"  # not sent: unknown, never 0
    qtbot.waitUntil(lambda: stored(demo_window) == 1, timeout=5000)  # saved within the second
    assert "数据接口" in panel.form.sourcesLabel.text()


def test_refused_requests_show_and_store_nothing(demo_window, qtbot):
    panel = show_metrics(demo_window, qtbot)
    assert post(panel.ingest_url, "x" * 32, {"online": 1}) == 401
    assert post(panel.ingest_url, demo_window.settings["ingest_token"], {"online": 1},
                {"Origin": "https://evil.example"}) == 403
    panel.drain()
    assert tile(panel, Tile.ONLINE) == "—" and len(panel.dashboard.series) == 0
    assert stored(demo_window) == 0


def test_quick_entry_takes_a_typed_line_and_points_at_what_is_wrong(demo_window, qtbot):
    panel = show_metrics(demo_window, qtbot)
    entry = panel.form.quickEntry
    entry.setText("gmv 62.7w 在线 abc 订单 1280")
    QTest.keyClick(entry, Qt.Key.Key_Return)
    assert "“abc”不是数字" in panel.form.entryMessage.text()
    assert entry.selectedText() == "abc" and entry.text().startswith("gmv 62.7w")  # the line is kept to fix
    assert len(panel.dashboard.series) == 0
    entry.setText("gmv 62.7w 在线 3500 订单 1280")
    QTest.keyClick(entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tile(panel, Tile.GMV) == "¥627,000")
    assert tile(panel, Tile.ONLINE) == "3,500" and entry.text() == ""
    qtbot.waitUntil(lambda: stored(demo_window) == 1, timeout=5000)


def test_an_alert_reaches_the_prompter_with_one_key(demo_window, qtbot):
    panel = show_metrics(demo_window, qtbot)
    now = datetime.now(timezone.utc)
    panel.inbox.offer("ingest", [Sample(now - timedelta(seconds=50), online=3000), Sample(now, online=1800)])
    panel.tick()
    assert panel.form.alertList.count() == 1
    text = panel.form.alertList.item(0).data(Qt.ItemDataRole.UserRole)
    assert text == "在线人数 60 秒内下降 40.0%（3000 → 1800）"
    QTest.keySequence(demo_window, demo_window.settings["key_send_metric_alert"])
    alerts = demo_window.room.alerts.history
    assert alerts and (alerts[-1].kind, alerts[-1].text) == (AlertKind.TEXT, text)


def test_a_push_and_a_scene_switch_appear_as_markers_with_hover_text(demo_window, qtbot):
    panel = show_metrics(demo_window, qtbot)
    room = demo_window.room
    item = room.go_live().push_next()
    room.scene_switched("主推特写")
    kinds = [marker.kind for marker in panel.dashboard.markers]
    assert kinds == [MarkerKind.PUSH, MarkerKind.SCENE]
    tips = [spot.data() for spot in panel.chart.marker_spots.points()]
    assert tips[0].endswith(f"讲解 {item.product.link_no}号 {item.product.title}")
    assert tips[1].endswith("切换场景：主推特写")


def test_the_simulator_feeds_figures_that_are_saved_and_come_back_with_the_session(demo_window, qtbot):
    panel = show_metrics(demo_window, qtbot)
    panel.form.simulateButton.click()
    qtbot.waitUntil(lambda: len(panel.dashboard.series) >= 2, timeout=5000)
    assert tile(panel, Tile.ONLINE) != "—"
    panel.form.simulateButton.click()
    count = len(panel.dashboard.series)
    qtbot.waitUntil(lambda: stored(demo_window) == count, timeout=5000)
    with qtbot.waitSignal(demo_window.session_loaded, timeout=10000):
        demo_window.load_session(demo_window.prep.session.name)
    assert len(panel.dashboard.series) == count


def test_a_trend_file_is_imported_whole_or_not_at_all(demo_window, qtbot, tmp_path):
    panel = show_metrics(demo_window, qtbot)
    session = demo_window.prep.session.name
    bad = write_csv(tmp_path / "bad.csv", [["时间", "实时在线人数", "成交金额"], ["20:00", "1200", "0"],
                                           ["20:01", "many", "100"]])
    with qtbot.waitSignal(demo_window.transfer.failed, timeout=10000) as failed:
        demo_window.transfer.import_trend(bad, session)
    assert "bad.csv" in failed.args[0] and stored(demo_window) == 0
    good = write_csv(tmp_path / "趋势.csv", [["时间", "实时在线人数", "成交金额"], ["20:00", "1200", "0"],
                                             ["20:01", "3500", "¥12,345.60"]])
    with qtbot.waitSignal(demo_window.session_loaded, timeout=10000):
        demo_window.transfer.import_trend(good, session)
    assert stored(demo_window) == 2
    assert tile(panel, Tile.GMV) == "¥12,346" and tile(panel, Tile.ONLINE) == "3,500"
    assert panel.dashboard.series.latest().gmv == Decimal("12345.60")



def test_value_axes_rise_in_round_steps_and_speak_in_wan(demo_window):
    from liveconsole.gui.metrics_panel import big_number, nice_ceiling

    assert [nice_ceiling(v) for v in (0, 95, 1.1e6, 2_600)] == [10.0, 100.0, 1.2e6, 3_000.0]
    assert big_number(1_500_000) == "150万" and big_number(8_000) == "8,000"
    demo_window.set_language("en")
    assert big_number(1_500_000) == "1,500k"


def test_figures_from_two_sources_in_the_same_second_join_one_point_on_the_charts(demo_window, qtbot):
    panel = show_metrics(demo_window, qtbot)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    panel.inbox.offer("ingest", [Sample(now - timedelta(seconds=1), online=100, gmv=Decimal(10)),
                                 Sample(now, online=120)])
    panel.drain()
    panel.inbox.offer("manual", [Sample(now, gmv=Decimal(50))])
    panel.inbox.offer("manual", [Sample(now, online=130)])
    panel.drain()
    panel.refresh_chart()
    chart = panel.chart
    assert len(panel.dashboard.series) == 2
    assert (chart.online.n, chart.online.y[1], chart.gmv.n, chart.gmv.y[1]) == (2, 130.0, 2, 50.0)
    online_line = chart.lines[0]
    assert list(online_line.tail.yData)[-1] == 130.0  # the line's end moved: drawn again


def test_a_late_sample_from_another_clock_goes_into_its_place_on_the_charts(demo_window, qtbot):
    panel = show_metrics(demo_window, qtbot)
    t0 = datetime.now(timezone.utc).replace(microsecond=0)
    panel.inbox.offer("ingest", [Sample(t0 + timedelta(seconds=s), online=100 + s) for s in (0, 2, 3)])
    panel.drain()
    panel.refresh_chart()
    panel.inbox.offer("simulator", [Sample(t0 + timedelta(seconds=1), online=500)])
    panel.drain()
    panel.refresh_chart()
    online = panel.chart.online
    assert [online.y[i] for i in range(online.n)] == [100.0, 500.0, 102.0, 103.0]
    line = panel.chart.lines[0]
    history = [] if line.history.yData is None else list(line.history.yData[:line._split])
    drawn = history + list(line.tail.yData)
    assert drawn == [100.0, 500.0, 102.0, 103.0]
