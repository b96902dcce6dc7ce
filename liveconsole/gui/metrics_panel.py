"""The live metrics panel: six tiles, the derived figures, charts against the plan with the session's
events marked, alerts that go to the prompter with one key, and the sources (quick entry, ingest API,
simulator, trend files).

Sources hand samples to `inbox` from any thread; a 20 ms timer drains it on the UI thread into the
dashboard and the recorder, which the app saves once a second off the UI thread. The charts (pyqtgraph)
are built when the panel is first shown, so start-up never loads them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QStaticText
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QLabel,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from liveconsole.core.dashboard import TILES, Dashboard, Marker, MarkerKind, Reading, Tile
from liveconsole.core.metrics import (
    DEFAULT_THRESHOLDS,
    GpmBasis,
    MetricAlert,
    click_to_order,
    engagement_rate,
    follow_rate,
    gmv_per_minute,
    per_minute,
    uv_value,
    view_to_order,
)
from liveconsole.core.money import format_money
from liveconsole.core.events import Changed, Inserted
from liveconsole.gui import metric_texts as texts
from liveconsole.gui.forms.ui_metricspanel import Ui_MetricsPanel
from liveconsole.gui.keymap import Keymap
from liveconsole.gui.taskman import TaskManager
from liveconsole.sources.inbox import SampleInbox, SampleRecorder
from liveconsole.sources.manual import SOURCE as MANUAL, QuickEntryError, parse_quick_entry
from liveconsole.store.settings import Settings

DRAIN_MS = 20
CHART_MS = 250  # the charts redraw at most this often, whatever the sources' rate
MAX_ALERT_ROWS = 200
DETAILS = ("acu", "pcu", "uv_value", "click_to_order", "view_to_order", "engagement_rate", "follow_rate",
           "gmv_per_minute")
GOOD, BAD, QUIET = "#2e7d32", "#c62828", "#757575"
MARKER_STYLE = {  # symbol, colour
    MarkerKind.PUSH: ("t1", "#1565c0"),
    MarkerKind.SCENE: ("s", "#6a1b9a"),
    MarkerKind.FLASH_SALE: ("star", "#ef6c00"),
    MarkerKind.INCIDENT: ("x", "#c62828"),
}


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _count(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def _signed(value, money: bool = False, suffix: str = "") -> str:
    if value is None:
        return ""
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    size = abs(value)
    if money:
        body = yuan(size) if size >= 1000 else "¥" + format_money(size)
    else:
        body = f"{size:,.1f}" if isinstance(size, Decimal) else f"{size:,}"
    return sign + body + suffix


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.2f}%"


def yuan(value) -> str:
    """Whole yuan for large sums (¥627,437): cents only crowd a tile."""
    return "—" if value is None else f"¥{Decimal(value):,.0f}"


def tile_value_text(tile: Tile, value) -> str:
    if value is None:
        return "—"
    if tile is Tile.GMV:
        return yuan(value)
    if tile in (Tile.AOV, Tile.GPM):
        return "¥" + format_money(value)
    if tile is Tile.PACE:
        return f"{value:.1f}%"
    return _count(value)


def tile_change_text(reading: Reading) -> str:
    change = reading.change
    if change is None:
        return ""
    if reading.tile is Tile.PACE:
        return _signed(Decimal(change).quantize(Decimal("0.1")), suffix=" pt")
    return _signed(change, money=reading.tile in (Tile.GMV, Tile.AOV, Tile.GPM))


class Figure(QWidget):
    """A figure that changes every second: its lines laid out once per change (QStaticText), painted over
    its own background, at a size that never moves the widgets around it."""

    def __init__(self, parent: QWidget, lines: int = 1, text: str = "") -> None:
        super().__init__(parent)
        self._text, self._lines, self._colour = "", [], QColor(QUIET)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # A new text never asks for a new size (no updateGeometry): the row around it is not laid out again.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._rows = lines
        self.setFixedHeight(self.fontMetrics().height() * lines + 2)
        self.setText(text)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(max(self.minimumWidth(), 40), self.fontMetrics().height() * self._rows + 2)

    def setFont(self, font: QFont) -> None:  # noqa: N802 - Qt's name
        super().setFont(font)
        self.setFixedHeight(self.fontMetrics().height() * self._rows + 2)
        self._lines = [QStaticText(line) for line in self._text.split("\n")]
        self.update()

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        if text == self._text and self._lines:
            return
        self._text = text
        self._lines = [QStaticText(line) for line in text.split("\n")]
        for line in self._lines:
            line.setTextFormat(Qt.TextFormat.PlainText)
        self.update()

    def setColour(self, colour: str) -> None:  # noqa: N802 - like Qt's setters
        if QColor(colour) != self._colour:
            self._colour = QColor(colour)
            self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.setFixedHeight(self.fontMetrics().height() * self._rows + 2)
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        painter.setPen(self._colour)
        height = self.fontMetrics().height()
        for row, line in enumerate(self._lines[:self._rows]):
            painter.drawStaticText(0, 1 + row * height, line)
        painter.end()


class TileBox(QFrame):
    def __init__(self, tile: Tile, parent: QWidget) -> None:
        super().__init__(parent)
        self.tile = tile
        self.setObjectName(f"tile_{tile.value}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        self.title = QLabel(self)
        self.value, self.change = Figure(self, 1, "—"), Figure(self, 2)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setColour(self.palette().windowText().color().name())
        self.title.setStyleSheet(f"color: {QUIET}")
        for widget in (self.title, self.value, self.change):
            layout.addWidget(widget)
        self.setMinimumWidth(self.value.fontMetrics().horizontalAdvance("¥8,888,888") + 16)

    def show_reading(self, reading: Reading, extra: str = "") -> None:
        self.value.setText(tile_value_text(self.tile, reading.value))
        change = tile_change_text(reading)
        if change:
            change = QCoreApplication.translate("MetricsPanel", "%1 in 5 min").replace("%1", change)
        text = " · ".join(part for part in (change, extra) if part)
        self.change.setText(text)
        change_value = reading.change
        colour = QUIET if not change_value else GOOD if change_value > 0 else BAD
        if self.tile is Tile.PACE and reading.value is not None:
            colour = GOOD if reading.value >= 100 else BAD
            self.value.setColour(colour)
        self.change.setColour(colour)


class MetricsPanel(QWidget):
    """`message` carries a status line; `alert_to_prompter` is emitted with the text to show the host."""

    message = Signal(str)
    alert_to_prompter = Signal(str)
    trend_import_requested = Signal()

    def __init__(self, dashboard: Dashboard, settings: Settings, keymap: Keymap, tasks: TaskManager,
                 now: Callable[[], datetime] = utc_now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_MetricsPanel()
        self.form.setupUi(self)
        self.dashboard, self.settings, self.tasks, self.now = dashboard, settings, tasks, now
        self._saving = False
        self.inbox = SampleInbox()
        self.recorder: SampleRecorder | None = None
        self.health: Callable[[], object] = lambda: None  # the OBS panel's current verdict, when there is one
        self.ingest_url = ""
        self.ingest_error = ""
        self.simulator = None  # sources.simulator.AudienceSimulator while simulating
        self.prices: dict = {}  # live price by product key, so a simulated push changes what orders cost
        self.chart: ChartView | None = None
        self._chart_dirty = False
        self._alert_rows: dict[tuple[str, str], QListWidgetItem] = {}
        self.tiles = {tile: TileBox(tile, self.form.tilesHost) for tile in TILES}
        for box in self.tiles.values():
            self.form.tilesRow.addWidget(box)
        # Plain-text labels of a steady width: a changed figure repaints its own label, nothing around it.
        self.details: dict[str, Figure] = {}
        self.detail_names: dict[str, QLabel] = {}
        bold = QFont(self.font())
        bold.setBold(True)
        for name in DETAILS:
            title, value = QLabel(self.form.detailsHost), Figure(self.form.detailsHost, 1, "—")
            value.setObjectName(f"detail_{name}")
            value.setFont(bold)
            value.setColour(self.palette().windowText().color().name())
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("¥88,888.88"))
            self.form.detailsRow.addWidget(title)
            self.form.detailsRow.addWidget(value)
            self.detail_names[name], self.details[name] = title, value
        self.form.detailsRow.addStretch(1)
        f = self.form
        f.quickEntry.returnPressed.connect(self.enter_figures)
        f.enterButton.clicked.connect(self.enter_figures)
        f.sendAlertButton.clicked.connect(self.send_alert)
        f.simulateButton.toggled.connect(self.set_simulating)
        f.importTrendButton.clicked.connect(self.trend_import_requested.emit)
        keymap.bind("key_metric_entry", self, self.focus_entry)
        keymap.bind("key_send_metric_alert", self, self.send_alert)
        series = dashboard.series.events
        series.inserted.connect(self._inserted)
        series.changed.connect(self._changed)
        series.reset.connect(lambda _event: self._rebuild())
        dashboard.events.marker.connect(self._marker)
        dashboard.events.reset.connect(lambda _none: self._session_opened())
        dashboard.watch.events.raised.connect(self._alert_raised)
        dashboard.watch.events.cleared.connect(self._alert_cleared)
        self.drainer = QTimer(self)
        self.drainer.setInterval(DRAIN_MS)
        self.drainer.timeout.connect(self.drain)
        self.drainer.start()
        self.painter = QTimer(self)
        self.painter.setInterval(CHART_MS)
        self.painter.timeout.connect(self.refresh_chart)
        self.painter.start()
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()
        self.apply_settings()
        self.refresh()

    def apply_settings(self) -> None:
        """Alert thresholds and the GPM basis from the settings (again after they are saved)."""
        s = self.settings
        self.dashboard.thresholds = replace(
            DEFAULT_THRESHOLDS, online_drop_pct=float(s["alert_online_drop_pct"]) or None,
            pace_behind_pct=float(s["alert_pace_behind_pct"]) or None,
            conversion_fall_pct=float(s["alert_conversion_fall_pct"]) or None,
            source_silent_s=float(s["alert_source_silent_s"]) or None)
        self.dashboard.basis = GpmBasis(s["gpm_basis"])
        self.retranslate()

    # sources ---------------------------------------------------------------------------------
    def drain(self) -> int:
        """Take what the sources delivered into the dashboard and the recorder; returns how many."""
        arrivals = self.inbox.take()
        if not arrivals:
            return 0
        self.dashboard.take(((a.source, a.sample) for a in arrivals), self.now())
        if self.recorder is not None:
            self.recorder.record(arrivals)
        return len(arrivals)

    def enter_figures(self) -> bool:
        """The quick entry line: figures at this moment, or the reason they were refused (nothing kept)."""
        entry = self.form.quickEntry
        try:
            sample = parse_quick_entry(entry.text(), self.now())
        except QuickEntryError as exc:
            self._entry_message(texts.entry_error_text(exc), BAD)
            if exc.end > exc.start:
                entry.setSelection(exc.start, exc.end - exc.start)
            entry.setFocus()
            return False
        self.inbox.offer(MANUAL, [sample])
        self.drain()
        entry.clear()
        self._entry_message(texts.fill(QCoreApplication.translate("MetricsPanel", "Taken at %1: %2"),
                                       sample.t.astimezone().strftime("%H:%M:%S"), texts.sample_text(sample)), GOOD)
        self.refresh()
        return True

    def _entry_message(self, text: str, colour: str) -> None:
        self.form.entryMessage.setText(text)
        self.form.entryMessage.setStyleSheet(f"color: {colour}")

    def focus_entry(self) -> None:
        self.form.quickEntry.setFocus()
        self.form.quickEntry.selectAll()

    def set_simulating(self, on: bool, seed: int = 0) -> None:
        """A seeded audience for demos and training; it reacts to pushes, flash sales and lucky bags."""
        if on and self.simulator is None:
            from liveconsole.sources.simulator import AudienceSimulator

            self.simulator = AudienceSimulator(seed, self.now())
        elif not on and self.simulator is not None:
            from liveconsole.sources.simulator import SOURCE as SIMULATOR

            self.simulator = None
            self.dashboard.activity.forget(SIMULATOR)  # switched off on purpose: its silence is no alert
        if self.form.simulateButton.isChecked() != on:
            self.form.simulateButton.setChecked(on)

    def logged(self, record) -> None:
        """An event was committed to the session's log: a marker, and the simulated room reacts."""
        self.dashboard.logged(record)
        if self.simulator is not None:
            self.simulator.react_to_record(record, self.prices)

    # the clock -------------------------------------------------------------------------------
    def tick(self) -> None:
        """Once a second: the simulator's sample, the alert rules, the tiles and the sources' line."""
        if self.simulator is not None:
            from liveconsole.sources.simulator import SOURCE as SIMULATOR

            self.inbox.offer(SIMULATOR, [self.simulator.step()])
        self.drain()
        # Typed figures come when the assistant has a moment: their silence is no alert.
        self.dashboard.check(self.now(), self.health(), silent_ok=lambda source: source == MANUAL)
        self.save()
        self.refresh()

    def save(self) -> None:
        """What arrived since the last save, in one transaction off the UI thread; a failed save is
        kept and tried again a second later."""
        recorder = self.recorder
        if recorder is None or self._saving or not len(recorder.inbox):
            return
        self._saving = True

        def done(_count: int) -> None:
            self._saving = False

        def failed(exc: BaseException) -> None:
            self._saving = False
            self.message.emit(QCoreApplication.translate("MetricsPanel", "Figures not saved yet (retrying): %1")
                              .replace("%1", str(exc)))

        self.tasks.run(recorder.flush, done, failed)

    def refresh(self) -> None:
        readings = self.dashboard.readings()
        pace_extra = ""
        plan = self.dashboard.plan
        series = self.dashboard.series
        if plan is not None and series:
            from liveconsole.core.metrics import pace

            now = pace(plan, series)
            if now is not None:
                if now.ahead < 0:
                    pace_extra = QCoreApplication.translate("MetricsPanel", "%1 behind").replace("%1", yuan(-now.ahead))
                else:
                    pace_extra = QCoreApplication.translate("MetricsPanel", "%1 ahead").replace("%1", yuan(now.ahead))
                if now.projected_finish is not None:
                    pace_extra += "\n" + QCoreApplication.translate("MetricsPanel", "finish ≈ %1").replace(
                        "%1", yuan(now.projected_finish))
        for tile, box in self.tiles.items():
            box.show_reading(readings[tile], pace_extra if tile is Tile.PACE else "")
        self._show_details()
        self._show_sources()

    def _show_details(self) -> None:
        series = self.dashboard.series
        latest = series.latest()
        acu = series.acu()
        values = {
            "acu": "—" if acu is None else f"{acu:,.0f}",
            "pcu": _count(series.pcu()),
            "uv_value": "—" if latest is None or uv_value(latest) is None else "¥" + format_money(uv_value(latest)),
            "click_to_order": _pct(click_to_order(latest) if latest else None),
            "view_to_order": _pct(view_to_order(latest) if latest else None),
            "engagement_rate": _pct(engagement_rate(latest) if latest else None),
            "follow_rate": _pct(follow_rate(latest) if latest else None),
        }
        rate = gmv_per_minute(series, 600.0) if latest is not None else None
        values["gmv_per_minute"] = "—" if rate is None else "¥" + format_money(rate)
        for name, label in self.details.items():
            label.setText(values[name])

    def _show_sources(self) -> None:
        parts = []
        if self.ingest_url:
            parts.append(QCoreApplication.translate("MetricsPanel", "Ingest API: %1 (token in Settings)")
                         .replace("%1", self.ingest_url))
        elif self.ingest_error:
            parts.append(QCoreApplication.translate("MetricsPanel", "Ingest API off: %1")
                         .replace("%1", self.ingest_error))
        now = self.now()
        ago = QCoreApplication.translate("MetricsPanel", "%1 %2 s ago")
        ages = [texts.fill(ago, texts.source_text(source), int((now - seen).total_seconds()))
                for source, seen in sorted(self.dashboard.activity.last_seen.items())]
        if ages:
            parts.append(QCoreApplication.translate("MetricsPanel", "Last figures:") + " " + ", ".join(ages))
        self.form.sourcesLabel.setText("\n".join(parts))

    # alerts ----------------------------------------------------------------------------------
    def _alert_raised(self, alert: MetricAlert) -> None:
        when = alert.at.astimezone().strftime("%H:%M:%S")
        item = QListWidgetItem(f"{when}  {texts.alert_text(alert)}")
        item.setData(Qt.ItemDataRole.UserRole, texts.alert_text(alert))
        item.setForeground(QBrush(QColor(BAD)))
        self.form.alertList.insertItem(0, item)
        self.form.alertList.setCurrentRow(0)
        self._alert_rows[alert.key] = item
        while self.form.alertList.count() > MAX_ALERT_ROWS:
            self.form.alertList.takeItem(self.form.alertList.count() - 1)
        self.message.emit(texts.alert_text(alert))

    def _alert_cleared(self, alert: MetricAlert) -> None:
        item = self._alert_rows.pop(alert.key, None)
        if item is not None and self.form.alertList.row(item) >= 0:
            item.setForeground(QBrush(QColor(QUIET)))
            item.setText(item.text() + "  " + QCoreApplication.translate("MetricsPanel", "(over)"))

    def send_alert(self) -> str | None:
        """The selected alert (else the newest) goes to the host's prompter."""
        alerts = self.form.alertList
        item = alerts.currentItem() or (alerts.item(0) if alerts.count() else None)
        if item is None:
            self.message.emit(QCoreApplication.translate("MetricsPanel", "No metric alert to send"))
            return None
        text = item.data(Qt.ItemDataRole.UserRole)
        self.alert_to_prompter.emit(text)
        self.message.emit(texts.fill(QCoreApplication.translate("MetricsPanel", "Sent to the prompter: %1"), text))
        return text

    # the session -----------------------------------------------------------------------------
    def open_session(self, session_id: int | None, samples, plan, records, recorder: SampleRecorder | None,
                     prices: dict | None = None) -> None:
        """Show another session: what the previous one still had waiting is saved first."""
        self.drain()
        old = self.recorder
        if old is not None and len(old.inbox):
            self.tasks.run(old.flush, lambda _n: None, lambda exc: self.message.emit(str(exc)))
        self.set_simulating(False)
        self.recorder = recorder
        self.prices = dict(prices or {})
        self.dashboard.open(session_id, samples, plan, records)

    def _session_opened(self) -> None:
        self.form.alertList.clear()
        self._alert_rows.clear()
        if self.chart is not None:
            self.chart.set_markers(self.dashboard.markers)
            self.chart.set_plan(self.dashboard.plan)
        self.refresh()

    # charts ----------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        if self.chart is None:
            self.chart = ChartView(self.form.chartHost)
            self.form.chartLayout.addWidget(self.chart.widget)
            self.chart.set_plan(self.dashboard.plan)
            self.chart.set_markers(self.dashboard.markers)
            self._rebuild()
            self.refresh_chart()
        super().showEvent(event)

    def _inserted(self, event: Inserted) -> None:
        if self.chart is None:
            return
        if event.index == len(self.dashboard.series) - 1:
            self.chart.append(self.dashboard.series, event.item)
        else:
            self.chart.insert_at(self.dashboard.series, event.index)
        self._chart_dirty = True

    def _changed(self, event: Changed) -> None:
        if self.chart is None:
            return
        if event.index == len(self.dashboard.series) - 1:
            self.chart.merge_last(self.dashboard.series, event.item)
        else:
            self.chart.insert_at(self.dashboard.series, event.index)
        self._chart_dirty = True

    def _rebuild(self) -> None:
        if self.chart is not None:
            self.chart.rebuild(self.dashboard.series)
            self._chart_dirty = True

    def _marker(self, marker: Marker) -> None:
        if self.chart is not None:
            self.chart.add_marker(marker)

    def refresh_chart(self) -> None:
        if self.chart is not None and self._chart_dirty:
            self._chart_dirty = False
            self.chart.refresh()

    # words -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        basis = GpmBasis(self.settings["gpm_basis"])
        for tile, box in self.tiles.items():
            suffix = {GpmBasis.VIEWS: " (PV)", GpmBasis.VIEWERS: " (UV)"}[basis] if tile is Tile.GPM else ""
            box.title.setText(texts.tile_title(tile) + suffix)
            box.setToolTip(texts.tile_formula(tile, basis))
        for name, label in self.details.items():
            formula = texts.tr(texts.DETAIL_FORMULA[name])
            label.setToolTip(formula)
            self.detail_names[name].setText(texts.tr(texts.DETAIL_TITLE[name]))
            self.detail_names[name].setToolTip(formula)
        self.form.quickEntry.setToolTip(QCoreApplication.translate(
            "MetricsPanel", "Names: gmv/成交额, 在线, uv/观看人数, pv/观看次数, 订单, 件数, "
                            "成交人数, 点赞, 评论, 分享, 新增粉丝, 曝光, 点击, 人均观看时长. "
                            "Values: 62.7w, 6.27万, ¥627,437, full-width digits."))
        if self.chart is not None:
            self.chart.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.form.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)

    def stop(self) -> None:
        self.drainer.stop()
        self.painter.stop()
        self.ticker.stop()


class Column:
    """One chart line's points in preallocated numpy arrays that double when full."""

    def __init__(self, capacity: int = 8 * 3600) -> None:
        import numpy as np

        self._np = np
        self.x = np.empty(capacity)
        self.y = np.empty(capacity)
        self.n = 0
        self.high = 0.0  # the highest y, kept as points come

    def append(self, x: float, y: float) -> None:
        if self.n == len(self.x):
            self.x = self._np.concatenate([self.x, self._np.empty(len(self.x))])
            self.y = self._np.concatenate([self.y, self._np.empty(len(self.y))])
        self.x[self.n] = x
        self.y[self.n] = y
        self.n += 1
        if y > self.high:
            self.high = y

    def clear(self) -> None:
        self.n = 0
        self.high = 0.0

    def truncate(self, kept: int) -> None:
        self.n = min(self.n, kept)

    def set_last(self, y: float) -> None:
        self.y[self.n - 1] = y
        if y > self.high:
            self.high = y

    def data(self):
        return self.x[:self.n], self.y[:self.n]


STEP_S = 1800  # the time axis grows by half an hour at a time


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ at or above value (10 for nothing yet)."""
    if value <= 0:
        return 10.0
    import math

    power = 10 ** math.floor(math.log10(value))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def big_number(value: float) -> str:
    """Axis labels as operators say them: 150万 in Chinese, 1,500k in English."""
    unit = QCoreApplication.translate("MetricsPanel", "k", "thousands on a chart axis; 万 in Chinese")
    divisor = 10_000 if unit == "万" else 1_000
    if abs(value) >= divisor:
        return f"{value / divisor:,.4g}{unit}"
    return f"{value:,.4g}"


def _count_axis(pg):
    class CountAxis(pg.AxisItem):
        def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
            return [big_number(value * scale) for value in values]

    axis = CountAxis(orientation="left")
    axis.enableAutoSIPrefix(False)
    return axis


TAIL_S = 300  # a line's newest minutes are drawn apart from the rest


class Line:
    """One chart line as two items: the history, set again only when the newest block of TAIL_S seconds is
    full, and the tail since then, set each time. A new point thus repaints a narrow strip of the plot,
    not the whole of a six-hour line."""

    def __init__(self, plot, column: Column, pen, options: dict) -> None:
        self.column = column
        self.history = plot.plot(pen=pen, **options)
        import pyqtgraph as pg

        self.tail = pg.PlotCurveItem(pen=pen, **options)  # a few hundred points: no clipping or downsampling
        plot.addItem(self.tail)
        # The history is drawn once into a pixmap and copied when the strip beside the tail is repainted.
        self.history.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._split = 0  # points before this index are in the history item
        self._drawn = -1  # how many points the items show
        self._dirty = False  # a point in the tail changed

    def reset(self) -> None:
        """The column was filled again from scratch: draw it all anew at the next refresh."""
        self._split, self._drawn = 0, -1

    def touch(self) -> None:
        """The newest point changed: the tail is drawn again at the next refresh (the newest point is
        always in the tail)."""
        self._dirty = True

    def truncated(self, kept: int) -> None:
        """The column dropped its points from `kept` on (a late sample is going in): only a cut into the
        history draws the history again."""
        if kept <= self._split:
            self.reset()
        else:
            self._dirty = True

    def refresh(self) -> None:
        column = self.column
        n = column.n
        if n == self._drawn and not self._dirty:
            return
        full = n and (n - self._split > 2 * TAIL_S or column.x[n - 1] - column.x[self._split] >= TAIL_S)
        if self._drawn < 0 or n <= self._split or full:
            # Everything but the newest point goes to the history; the tail starts again from there.
            self._split = max(0, n - 1)
            self.history.setData(column.x[:n], column.y[:n])
        self._drawn, self._dirty = n, False
        self.tail.setData(column.x[self._split:n], column.y[self._split:n])


class ChartView:
    """Online viewers; GMV against the plan; orders per minute; the session's events underneath.
    Every item is made once; new points only move the arrays' ends."""

    def __init__(self, parent: QWidget) -> None:
        import pyqtgraph as pg

        self._pg = pg
        pg.setConfigOptions(antialias=False, background="w", foreground="#424242")
        self.widget = pg.GraphicsLayoutWidget(parent)
        self.widget.setObjectName("metricsChart")
        self.online, self.gmv, self.orders = Column(), Column(), Column()
        self.time_axes = [pg.DateAxisItem(orientation="bottom") for _ in range(4)]
        self.plots = []
        for row in range(4):
            plot = self.widget.addPlot(row=row, col=0, axisItems={"bottom": self.time_axes[row],
                                                                  "left": _count_axis(pg)})
            plot.setClipToView(True)
            plot.setDownsampling(auto=True, mode="peak")
            # Ranges are set in steps by `refresh`, not followed every second: axes that stay put are
            # not repainted, and do not jitter under the operator's eyes. (No grid: it repaints the
            # whole plot on every change.)
            plot.disableAutoRange()
            plot.setMouseEnabled(x=False, y=False)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.getAxis("left").setWidth(64)
            if row:
                plot.setXLink(self.plots[0])
            if row < 3:
                plot.getAxis("bottom").setStyle(showValues=False)
            self.plots.append(plot)
        p_online, p_gmv, p_orders, p_events = self.plots
        # Every point is finite (a missing figure is left out, never NaN): no finiteness checks per redraw.
        lines = {"connect": "all", "skipFiniteCheck": True}
        self.lines = [Line(p_online, self.online, pg.mkPen("#1565c0"), lines),
                      Line(p_gmv, self.gmv, pg.mkPen("#2e7d32"), lines),
                      Line(p_orders, self.orders, pg.mkPen("#ef6c00"), lines)]
        self.plan_curve = p_gmv.plot(pen=pg.mkPen("#9e9e9e", style=Qt.PenStyle.DashLine), **lines)
        p_events.setMaximumHeight(70)
        p_events.setYRange(0, 1, padding=0.2)
        p_events.getAxis("left").setTicks([[]])
        self.marker_spots = pg.ScatterPlotItem(hoverable=True, tip=lambda x, y, data: data, size=12,
                                               hoverSize=16, pxMode=True)
        p_events.addItem(self.marker_spots)
        self.widget.ci.layout.setRowStretchFactor(0, 3)
        self.widget.ci.layout.setRowStretchFactor(1, 3)
        self.widget.ci.layout.setRowStretchFactor(2, 2)
        self.widget.ci.layout.setRowStretchFactor(3, 1)
        self._plan_points: list[tuple[float, float]] = []
        self._markers: list[Marker] = []
        self._x_range: tuple[float, float] | None = None
        self._plan_drawn: tuple = ()
        self._y_tops: dict[int, float] = {}
        self.retranslate()

    def retranslate(self) -> None:
        titles = (QCoreApplication.translate("MetricsPanel", "Online viewers"),
                  QCoreApplication.translate("MetricsPanel", "GMV (¥) — dashed: plan"),
                  QCoreApplication.translate("MetricsPanel", "Orders per minute"),
                  QCoreApplication.translate("MetricsPanel", "Events"))
        for plot, title in zip(self.plots, titles):
            plot.setTitle(title, size="9pt")
        self.set_markers(self._markers)

    # data ------------------------------------------------------------------------------------
    def append(self, series, sample) -> None:
        """A sample after every other: each line takes the points it knows."""
        stamp = sample.t.timestamp()
        for column, value in self._points(series, sample):
            if value is not None:
                column.append(stamp, value)

    def insert_at(self, series, index: int) -> None:
        """A sample arrived late (another source's clock): the lines are cut where it goes and the samples
        from there on are put back, so a sample a second late costs a second's points, not six hours'."""
        import numpy as np

        stamp = series[index].t.timestamp()
        for column, line in zip((self.online, self.gmv, self.orders), self.lines):
            kept = int(np.searchsorted(column.x[:column.n], stamp, side="left"))
            column.truncate(kept)
            line.truncated(kept)
        for sample in series[index:]:
            self.append(series, sample)

    def merge_last(self, series, sample) -> None:
        """The newest sample took more figures (a second source, the same second): its points move or
        join the lines' ends, without drawing the whole history again."""
        stamp = sample.t.timestamp()
        for (column, value), line in zip(self._points(series, sample), self.lines):
            if value is None:
                continue
            if column.n and column.x[column.n - 1] == stamp:
                column.set_last(value)
            else:
                column.append(stamp, value)
            line.touch()

    def _points(self, series, sample) -> list[tuple[Column, float | None]]:
        rate = per_minute(series, "orders", 60.0, end=sample.t) if sample.orders is not None else None
        return [(self.online, None if sample.online is None else float(sample.online)),
                (self.gmv, None if sample.gmv is None else float(sample.gmv)),
                (self.orders, rate)]

    def rebuild(self, series) -> None:
        for column in (self.online, self.gmv, self.orders):
            column.clear()
        for line in self.lines:
            line.reset()
        for sample in series:
            if sample.orders is not None:
                rate = per_minute(series, "orders", 60.0, end=sample.t)
                if rate is not None:
                    self.orders.append(sample.t.timestamp(), rate)
            if sample.online is not None:
                self.online.append(sample.t.timestamp(), float(sample.online))
            if sample.gmv is not None:
                self.gmv.append(sample.t.timestamp(), float(sample.gmv))

    def set_plan(self, plan) -> None:
        self._plan_points = [] if plan is None else [(t.timestamp(), float(amount)) for t, amount in plan.curve()]

    def set_markers(self, markers) -> None:
        self._markers = list(markers)
        spots = []
        for marker in self._markers:
            symbol, colour = MARKER_STYLE[marker.kind]
            when = marker.t.astimezone().strftime("%H:%M:%S")
            spots.append({"pos": (marker.t.timestamp(), 0.5), "symbol": symbol,
                          "brush": self._pg.mkBrush(colour), "pen": self._pg.mkPen(colour),
                          "data": f"{when}  {texts.marker_text(marker)}"})
        self.marker_spots.setData(spots)

    def add_marker(self, marker: Marker) -> None:
        self.set_markers([*self._markers, marker])

    def refresh(self) -> None:
        for line in self.lines:
            line.refresh()
        plan: tuple = ()
        if self._plan_points:
            xs = [x for x, _ in self._plan_points]
            ys = [y for _, y in self._plan_points]
            last = self.gmv.x[self.gmv.n - 1] if self.gmv.n else xs[-1]
            if last > xs[-1]:  # past the plan's end it stays at the target
                xs.append(last)
                ys.append(ys[-1])
            plan = (tuple(xs), tuple(ys))
        if plan != self._plan_drawn:
            self._plan_drawn = plan
            self.plan_curve.setData(*(plan or ([], [])))
        self._fit()

    def _fit(self) -> None:
        """The time axis spans the session (and the plan) in half-hour steps; each value axis runs from 0
        to a round number above the highest point, raised only when a point passes it."""
        firsts = [column.x[0] for column in (self.online, self.gmv, self.orders) if column.n]
        lasts = [column.x[column.n - 1] for column in (self.online, self.gmv, self.orders) if column.n]
        if self._plan_points:
            firsts.append(self._plan_points[0][0])
            lasts.append(self._plan_points[-1][0])
        if lasts:
            start = min(firsts)
            end = start + max(STEP_S, -(-(max(lasts) - start + 60) // STEP_S) * STEP_S)
            if self._x_range != (start, end):
                self._x_range = (start, end)
                self.plots[0].setXRange(start, end, padding=0.01)
        plan_top = max((y for _, y in self._plan_points), default=0.0)
        for row, column, extra in ((0, self.online, 0.0), (1, self.gmv, plan_top), (2, self.orders, 0.0)):
            high = max(column.high, extra)
            top = self._y_tops.get(row)
            if top is None or high > top or high < top / 4:
                top = nice_ceiling(high * 1.2)  # room to grow: the axis moves seldom
                self._y_tops[row] = top
                self.plots[row].setYRange(0, top, padding=0)

