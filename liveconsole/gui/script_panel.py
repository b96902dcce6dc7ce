"""The script panel: segments with planned and actual times, the running clock, cues to confirm."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidgetItem, QWidget

from liveconsole.core.live import LiveRoom
from liveconsole.core.script import (
    InteractionCue,
    InteractionKind,
    PushCue,
    SceneCue,
    Segment,
    SegmentType,
    Timeline,
    TimelineError,
    TimelineErrorCode,
    TimelineStatus,
)
from liveconsole.gui.forms.ui_scriptpanel import Ui_ScriptPanel
from liveconsole.store.settings import Settings

NS = 1_000_000_000
TYPE_TEXT = {
    SegmentType.OPENING: QT_TRANSLATE_NOOP("ScriptPanel", "Opening"),
    SegmentType.WARM_UP: QT_TRANSLATE_NOOP("ScriptPanel", "Warm-up"),
    SegmentType.PRODUCT: QT_TRANSLATE_NOOP("ScriptPanel", "Product"),
    SegmentType.INTERACTION: QT_TRANSLATE_NOOP("ScriptPanel", "Interaction"),
    SegmentType.TRANSITION: QT_TRANSLATE_NOOP("ScriptPanel", "Transition"),
    SegmentType.CLOSING: QT_TRANSLATE_NOOP("ScriptPanel", "Closing"),
}
INTERACTION_TEXT = {
    InteractionKind.LUCKY_BAG: QT_TRANSLATE_NOOP("ScriptPanel", "lucky bag"),
    InteractionKind.LOTTERY: QT_TRANSLATE_NOOP("ScriptPanel", "lottery"),
    InteractionKind.FLASH_SALE: QT_TRANSLATE_NOOP("ScriptPanel", "flash sale"),
    InteractionKind.COUPON: QT_TRANSLATE_NOOP("ScriptPanel", "coupon"),
}
ERROR_TEXT = {
    TimelineErrorCode.EMPTY_SCRIPT: QT_TRANSLATE_NOOP("ScriptPanel", "The session has no script yet: import one"),
    TimelineErrorCode.NO_NEXT: QT_TRANSLATE_NOOP("ScriptPanel", "This is the last segment"),
    TimelineErrorCode.NO_PREVIOUS: QT_TRANSLATE_NOOP("ScriptPanel", "This is the first segment"),
    TimelineErrorCode.NOT_LIVE: QT_TRANSLATE_NOOP("ScriptPanel", "The script is not running"),
    TimelineErrorCode.NO_PENDING_CUE: QT_TRANSLATE_NOOP("ScriptPanel", "No cue is waiting"),
}
COLUMNS = ("planned_start", "title", "type", "planned", "actual", "products", "scene")
EDITABLE = ("title", "planned", "products", "scene")  # before the script starts


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScriptPanel", text)


def hms(ns: int) -> str:
    sign = "-" if ns < 0 else ""
    seconds = abs(int(ns // NS)) if ns >= 0 else abs(int(-ns // NS))
    return f"{sign}{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def mmss(ns: int) -> str:
    sign = "+" if ns < 0 else ""
    seconds = abs(ns) // NS
    return f"{sign}{seconds // 60:02d}:{seconds % 60:02d}"


def cue_text(cue) -> str:
    if isinstance(cue, SceneCue):
        return QCoreApplication.translate("ScriptPanel", "switch OBS to “%1”").replace("%1", cue.scene)
    if isinstance(cue, PushCue):
        return QCoreApplication.translate("ScriptPanel", "push link %1").replace("%1", str(cue.link_no))
    if isinstance(cue, InteractionCue):
        return QCoreApplication.translate("ScriptPanel", "start the %1").replace("%1", _tr(INTERACTION_TEXT[cue.kind]))
    return str(cue)


class ScriptPanel(QWidget):
    """Follows the room's timeline; keys run it; `import_requested`/`export_requested` go to the window."""

    message = Signal(str)
    script_edited = Signal(object)  # the new Script, to be saved with the session
    import_requested = Signal()
    export_requested = Signal()

    def __init__(self, room: LiveRoom, settings: Settings, keymap, parent=None) -> None:
        super().__init__(parent)
        self.room, self.settings = room, settings
        self.form = Ui_ScriptPanel()
        self.form.setupUi(self)
        f = self.form
        f.table.setColumnCount(len(COLUMNS))
        f.table.verticalHeader().hide()
        f.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        f.table.horizontalHeader().setSectionResizeMode(COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        f.segmentLabel.setStyleSheet("font-size: 20px; font-weight: bold;")
        f.cueFrame.setStyleSheet("QFrame#cueFrame { background: #fff3e0; border: 1px solid #ef6c00; }")
        f.cueFrame.hide()
        f.startButton.clicked.connect(self.start_or_pause)
        f.nextButton.clicked.connect(self.next)
        f.previousButton.clicked.connect(self.previous)
        f.cueConfirmButton.clicked.connect(self.confirm_cue)
        f.cueDismissButton.clicked.connect(self.dismiss_cue)
        f.importButton.clicked.connect(self.import_requested.emit)
        f.exportButton.clicked.connect(self.export_requested.emit)
        f.table.cellDoubleClicked.connect(self._double_clicked)
        f.table.itemChanged.connect(self._edited)
        self._filling = False
        keymap.bind("key_script_start", self, self.start_or_pause)
        keymap.bind("key_script_next", self, self.next)
        keymap.bind("key_script_previous", self, self.previous)
        keymap.bind("key_cue_confirm", self, self.confirm_cue)
        # "press Enter to confirm": Enter in the script table confirms the waiting cue, Esc skips it.
        # An event filter, not a QShortcut: a Return shortcut would take Enter from every cell editor.
        f.table.installEventFilter(self)
        room.events.timeline_replaced.connect(self._timeline_replaced)
        self._watched: Timeline | None = None
        self._timeline_replaced(room.timeline)
        self.ticker = QTimer(self)
        self.ticker.setInterval(250)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()

    @property
    def timeline(self) -> Timeline:
        return self.room.timeline

    def _timeline_replaced(self, timeline: Timeline) -> None:
        if timeline is not self._watched:
            self._watched = timeline
            mine = lambda t=timeline: t is self.room.timeline  # noqa: E731  (events of a replaced timeline are stale)
            timeline.events.segment_changed.connect(lambda _c: mine() and self.refresh())
            timeline.events.script_changed.connect(lambda _s: mine() and self.refresh())
            timeline.events.pending_changed.connect(lambda _p: mine() and self._show_pending())
            for signal in (timeline.events.paused, timeline.events.resumed, timeline.events.finished):
                signal.connect(lambda _t: mine() and self.refresh())
            timeline.events.overrun.connect(lambda o: mine() and self.message.emit(
                QCoreApplication.translate("ScriptPanel", "Over the planned time: %1").replace("%1", timeline.current.title if timeline.current else "")))
        self.refresh()

    # rendering ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        f, timeline = self.form, self.timeline
        script = timeline.script
        headers = [QCoreApplication.translate("ScriptPanel", "Start"), QCoreApplication.translate("ScriptPanel", "Segment"), QCoreApplication.translate("ScriptPanel", "Type"), QCoreApplication.translate("ScriptPanel", "Planned"), QCoreApplication.translate("ScriptPanel", "Actual"), QCoreApplication.translate("ScriptPanel", "Links"),
                   QCoreApplication.translate("ScriptPanel", "Scene")]
        f.table.setHorizontalHeaderLabels(headers)
        self._filling = True
        editable = timeline.status is TimelineStatus.READY
        f.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                                if editable else QAbstractItemView.EditTrigger.NoEditTriggers)
        f.table.setRowCount(len(script))
        current = timeline.index
        for row, segment in enumerate(script):
            planned_clock = script.planned_clock(row)
            start = planned_clock.strftime("%H:%M") if planned_clock else mmss(script.planned_start_s(row) * NS)
            kind = _tr(TYPE_TEXT[segment.type])
            if segment.interaction is not None:
                kind += f" · {_tr(INTERACTION_TEXT[segment.interaction])}"
            values = [start, segment.title, kind, mmss(segment.planned_duration_ns), self._actual(row),
                      ",".join(map(str, segment.link_nos)), segment.scene_cue or ""]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if COLUMNS[column] not in EDITABLE:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if row == current:
                    item.setBackground(QBrush(QColor("#ffcdd2")))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                f.table.setItem(row, column, item)
        self._filling = False
        status = timeline.status
        f.startButton.setText({TimelineStatus.READY: QCoreApplication.translate("ScriptPanel", "Start"), TimelineStatus.RUNNING: QCoreApplication.translate("ScriptPanel", "Pause"),
                               TimelineStatus.PAUSED: QCoreApplication.translate("ScriptPanel", "Resume"), TimelineStatus.FINISHED: QCoreApplication.translate("ScriptPanel", "Finished")}[status]
                              + f" ({self.settings['key_script_start']})")
        f.nextButton.setText(QCoreApplication.translate("ScriptPanel", "Next") + f" ({self.settings['key_script_next']})")
        f.previousButton.setText(QCoreApplication.translate("ScriptPanel", "Previous") + f" ({self.settings['key_script_previous']})")
        f.importButton.setEnabled(status is TimelineStatus.READY)
        self._show_pending()
        self.tick()

    def _actual(self, row: int) -> str:
        timeline = self.timeline
        if timeline.status is TimelineStatus.READY:
            return ""
        actual = timeline.actual_ns(row)
        return mmss(actual) if actual or row == timeline.index else ""

    def tick(self) -> None:
        timeline = self.timeline
        f = self.form
        if not len(timeline.script):
            f.segmentLabel.setText(QCoreApplication.translate("ScriptPanel", "No script for this session: import one (时间, 环节, 时长, 内容, 商品)"))
            f.sessionLabel.setText("")
            return
        timeline.poll()
        if timeline.status is TimelineStatus.READY:
            f.segmentLabel.setText(QCoreApplication.translate("ScriptPanel", "Ready: %1 segments, %2 planned").replace("%1", str(len(timeline.script)))
                                   .replace("%2", hms(timeline.script.total_planned_s * NS)))
            f.sessionLabel.setText("")
            return
        progress = timeline.progress()
        segment = timeline.current
        title = segment.title if segment is not None else QCoreApplication.translate("ScriptPanel", "Finished")
        paused = QCoreApplication.translate("ScriptPanel", " (paused)") if progress.status is TimelineStatus.PAUSED else ""
        f.segmentLabel.setText(QCoreApplication.translate("ScriptPanel", "%1 · %2 left%3").replace("%1", title)
                               .replace("%2", mmss(progress.segment_remaining_ns)).replace("%3", paused))
        f.segmentLabel.setStyleSheet("font-size: 20px; font-weight: bold; color: %s;"
                                     % ("#c62828" if progress.segment_overrun else "palette(text)"))
        late = "" if progress.late_ns is None else (
            QCoreApplication.translate("ScriptPanel", "late %1").replace("%1", mmss(progress.late_ns)) if progress.late_ns > 0
            else QCoreApplication.translate("ScriptPanel", "ahead %1").replace("%1", mmss(-progress.late_ns)))
        f.sessionLabel.setText(QCoreApplication.translate("ScriptPanel", "Session %1 / %2 · projected end %3 · %4")
                               .replace("%1", hms(progress.elapsed_ns)).replace("%2", hms(progress.planned_ns))
                               .replace("%3", progress.projected_end.astimezone().strftime("%H:%M"))
                               .replace("%4", late))
        f.sessionLabel.setStyleSheet("color: #c62828;" if progress.session_overrun else "")
        if timeline.index is not None:
            item = f.table.item(timeline.index, COLUMNS.index("actual"))
            if item is not None:
                item.setText(mmss(progress.segment_elapsed_ns))

    def _show_pending(self) -> None:
        pending = self.timeline.pending_cues
        f = self.form
        f.cueFrame.setVisible(bool(pending))
        if pending:
            f.cueLabel.setText(QCoreApplication.translate("ScriptPanel", "Waiting: %1 — %2 or Enter confirms, Esc skips")
                               .replace("%1", "; ".join(cue_text(c) for c in pending))
                               .replace("%2", self.settings["key_cue_confirm"]))

    # editing before live ---------------------------------------------------------------------------
    def _double_clicked(self, row: int, _column: int) -> None:
        if self.timeline.status is not TimelineStatus.READY:
            self.jump(row)

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row, field = item.row(), COLUMNS[item.column()]
        script = self.timeline.script
        segment = script[row]
        text = item.text().strip()
        try:
            if field == "title":
                if not text:
                    raise ValueError(text)
                changed = segment.with_changes(title=text)
            elif field == "planned":
                from liveconsole.io.script import parse_duration

                seconds = parse_duration(text)
                if not seconds:
                    raise ValueError(text)
                changed = segment.with_changes(planned_duration_s=seconds)
            elif field == "products":
                links = tuple(int(part) for part in text.replace("、", ",").replace("，", ",").split(",") if part.strip())
                changed = segment.with_changes(link_nos=links)
            else:
                changed = segment.with_changes(scene_cue=text or None)
            new_script = script.replaced(row, changed)
        except (ValueError, TypeError):
            self.message.emit(QCoreApplication.translate("ScriptPanel", "“%1” is not a valid value here").replace("%1", text))
            self.refresh()
            return
        if self.room.set_script(new_script):
            self.script_edited.emit(new_script)
        self.refresh()

    # actions -------------------------------------------------------------------------------------
    def _do(self, action) -> None:
        try:
            action()
        except TimelineError as exc:
            self.message.emit(_tr(ERROR_TEXT.get(exc.code, exc.code.value)))

    def start_or_pause(self) -> None:
        timeline = self.timeline
        if timeline.status is TimelineStatus.READY:
            self._do(timeline.start)
        elif timeline.status is TimelineStatus.RUNNING:
            self._do(timeline.pause)
        elif timeline.status is TimelineStatus.PAUSED:
            self._do(timeline.resume)

    def next(self) -> None:
        self._do(self.timeline.next)

    def previous(self) -> None:
        self._do(self.timeline.previous)

    def jump(self, index: int) -> None:
        if self.timeline.status is TimelineStatus.READY:
            self._do(lambda: self.timeline.start(index))
        else:
            self._do(lambda: self.timeline.jump(index))

    def confirm_cue(self) -> None:
        self._do(self.timeline.confirm)

    def dismiss_cue(self) -> None:
        self._do(self.timeline.dismiss)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.form.table and event.type() == QEvent.Type.KeyPress and self.timeline.pending_cues:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.confirm_cue()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.dismiss_cue()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.form.retranslateUi(self)
            self.refresh()
        super().changeEvent(event)


def segment_view(room: LiveRoom):
    """What the prompter shows of the script: the segment, its countdown, its talking points and the
    explaining product's single-product script."""
    from liveconsole.gui.prompter import SegmentView

    timeline = room.timeline
    if timeline.status not in (TimelineStatus.RUNNING, TimelineStatus.PAUSED) or timeline.current is None:
        return None
    progress = timeline.progress()
    segment: Segment = timeline.current
    points = list(segment.talking_points)
    explaining = room.queue.explaining
    if explaining is not None:
        product_script = timeline.script.product_script(explaining.product)
        if product_script is not None:
            for lines in (product_script.brand_intro, product_script.selling_points, product_script.benefits,
                          product_script.price_anchor, product_script.call_to_action):
                points.extend(lines)
    upcoming = timeline.next_segment
    return SegmentView(segment.title, progress.segment_remaining_ns / NS, tuple(points),
                       upcoming.title if upcoming else "")


