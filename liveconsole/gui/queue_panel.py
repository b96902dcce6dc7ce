"""The live product queue panel: now explaining, up next and the rest; pushes, stock, timers, incidents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QMimeData,
    QModelIndex,
    QSortFilterProxyModel,
    QT_TRANSLATE_NOOP,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListWidgetItem, QWidget

from liveconsole.core.incidents import IncidentType
from liveconsole.core.live import LiveRoom
from liveconsole.core.money import format_money
from liveconsole.core.products import Category
from liveconsole.core.queue import ItemState, ProductQueue, QueueError, QueueErrorCode, QueueItem
from liveconsole.core.timers import ReminderKind, TimerError
from liveconsole.gui import texts
from liveconsole.gui.forms.ui_queuepanel import Ui_QueuePanel
from liveconsole.store.settings import Settings

CTX = "QueuePanel"
NS = 1_000_000_000
ROW_MIME = "application/x-liveconsole-queue-key"

STATE_TEXT = {
    ItemState.EXPLAINING: QT_TRANSLATE_NOOP("QueuePanel", "Explaining"),
    ItemState.WAITING: QT_TRANSLATE_NOOP("QueuePanel", "Waiting"),
    ItemState.DONE: QT_TRANSLATE_NOOP("QueuePanel", "Done"),
    ItemState.SOLD_OUT: QT_TRANSLATE_NOOP("QueuePanel", "Sold out"),
}
STATE_COLOUR = {ItemState.EXPLAINING: "#c62828", ItemState.WAITING: "#1565c0", ItemState.DONE: "#78909c",
                ItemState.SOLD_OUT: "#6d4c41"}
ERROR_TEXT = {
    QueueErrorCode.NOT_FOUND: QT_TRANSLATE_NOOP("QueuePanel", "No product with that link number"),
    QueueErrorCode.AMBIGUOUS_LINK: QT_TRANSLATE_NOOP("QueuePanel", "Several products share that link number"),
    QueueErrorCode.SOLD_OUT: QT_TRANSLATE_NOOP("QueuePanel", "That product is sold out: restock it first"),
    QueueErrorCode.NOTHING_WAITING: QT_TRANSLATE_NOOP("QueuePanel", "Nothing is waiting"),
    QueueErrorCode.NOTHING_EXPLAINING: QT_TRANSLATE_NOOP("QueuePanel", "No product is being explained"),
    QueueErrorCode.NOT_DONE: QT_TRANSLATE_NOOP("QueuePanel", "Only a product that was explained can be re-listed"),
    QueueErrorCode.NOT_WAITING: QT_TRANSLATE_NOOP("QueuePanel", "Only waiting products can be reordered"),
    QueueErrorCode.BAD_QUANTITY: QT_TRANSLATE_NOOP("QueuePanel", "The quantity must be a whole number above 0"),
    QueueErrorCode.STOCK_UNKNOWN: QT_TRANSLATE_NOOP("QueuePanel", "This product's stock was never given"),
    QueueErrorCode.NOTHING_TO_UNDO: QT_TRANSLATE_NOOP("QueuePanel", "Nothing to undo"),
    QueueErrorCode.BAD_EVENT: QT_TRANSLATE_NOOP("QueuePanel", "The log does not fit this lineup"),
}
REMINDER_TEXT = {
    ReminderKind.LUCKY_BAG: QT_TRANSLATE_NOOP("QueuePanel", "Lucky bag"),
    ReminderKind.COUPON: QT_TRANSLATE_NOOP("QueuePanel", "Coupon"),
    ReminderKind.LOTTERY: QT_TRANSLATE_NOOP("QueuePanel", "Lottery"),
}
INCIDENT_TEXT = {
    IncidentType.STREAM_DOWN: QT_TRANSLATE_NOOP("QueuePanel", "Stream down"),
    IncidentType.LINK_BROKEN: QT_TRANSLATE_NOOP("QueuePanel", "Broken link"),
    IncidentType.WRONG_PRICE: QT_TRANSLATE_NOOP("QueuePanel", "Wrong price"),
    IncidentType.WRONG_STOCK: QT_TRANSLATE_NOOP("QueuePanel", "Wrong stock"),
    IncidentType.ABUSE: QT_TRANSLATE_NOOP("QueuePanel", "Abusive comments"),
    IncidentType.DEVICE_FAULT: QT_TRANSLATE_NOOP("QueuePanel", "Device fault"),
    IncidentType.OTHER: QT_TRANSLATE_NOOP("QueuePanel", "Other"),
}
COLUMNS = ("state", "link_no", "title", "live_price", "stock", "times", "explained")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def mmss(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def price_line(item: QueueItem) -> str:
    """The second line of the card on stream: 「直播价 ¥99  日常价 ¥199」."""
    product = item.product
    parts = []
    if product.live_price is not None:
        parts.append(QCoreApplication.translate("QueuePanel", "Live price ¥%1").replace("%1", format_money(product.live_price)))
    if product.list_price is not None:
        parts.append(QCoreApplication.translate("QueuePanel", "List price ¥%1").replace("%1", format_money(product.list_price)))
    return "  ".join(parts)


def display_order(queue: ProductQueue) -> list[QueueItem]:
    """Explaining first, then the waiting order, then what was explained, then sold out."""
    explaining = [queue.explaining] if queue.explaining else []
    rest = [i for i in queue.items if i.state in (ItemState.DONE, ItemState.SOLD_OUT)]
    rest.sort(key=lambda i: i.state is ItemState.SOLD_OUT)
    return explaining + list(queue.waiting) + rest


class QueueModel(QAbstractTableModel):
    """Rows of the queue in display order; rebuilt on every queue event (a lineup is tens of rows)."""

    def __init__(self, queue: ProductQueue, clock, reorder, parent=None) -> None:
        super().__init__(parent)
        self._clock, self._reorder = clock, reorder
        self.rows: list[QueueItem] = []
        self.queue = queue
        self.set_queue(queue)

    def set_queue(self, queue: ProductQueue) -> None:
        self.queue = queue
        for signal in (queue.events.changed, queue.events.reordered, queue.events.undone):
            signal.connect(lambda _payload, q=queue: q is self.queue and self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = display_order(self.queue)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = {"state": QCoreApplication.translate("QueuePanel", "State"), "times": QCoreApplication.translate("QueuePanel", "Times"), "explained": QCoreApplication.translate("QueuePanel", "Explained")}
        field = COLUMNS[section]
        return names.get(field) or texts.field_name(field)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        field = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            product = item.product
            if field == "state":
                return _tr(STATE_TEXT[item.state])
            if field == "link_no":
                return "—" if product.link_no is None else str(product.link_no)
            if field == "title":
                return product.title
            if field == "live_price":
                return "—" if product.live_price is None else f"¥{format_money(product.live_price)}"
            if field == "stock":
                return "—" if item.stock is None else str(item.stock)
            if field == "times":
                return str(item.times_explained)
            return mmss(item.explaining_ns(self._clock.monotonic_ns()) / NS)
        if role == Qt.ItemDataRole.ForegroundRole and field == "state":
            return QBrush(QColor(STATE_COLOUR[item.state]))
        if role == Qt.ItemDataRole.FontRole and item.state is ItemState.EXPLAINING:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None

    def flags(self, index):
        flags = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid() and self.rows[index.row()].state is ItemState.WAITING:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [ROW_MIME]

    def mimeData(self, indexes):
        mime = QMimeData()
        keys = {self.rows[i.row()].key for i in indexes if i.isValid()}
        mime.setData(ROW_MIME, "\n".join(sorted(keys)).encode())
        return mime

    def dropMimeData(self, data, action, row, column, parent):
        if not data.hasFormat(ROW_MIME):
            return False
        key = bytes(data.data(ROW_MIME).data()).decode().split("\n")[0]
        target_row = parent.row() if parent.isValid() else (row if row >= 0 else len(self.rows))
        waiting_keys = [i.key for i in self.queue.waiting]
        before = [r.key for r in self.rows[:target_row] if r.key in waiting_keys and r.key != key]
        self._reorder(key, len(before))
        return False  # the queue moved it; the view must not also remove the dragged row


class CategoryFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.category: Category | None = None

    def set_category(self, category: Category | None) -> None:
        self.beginFilterChange()
        self.category = category
        self.endFilterChange()

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        item = self.sourceModel().rows[source_row]
        return self.category is None or item.product.category is self.category


class QueuePanel(QWidget):
    """Every live action is one key: pushes, stock, flash sale, reminders and incidents.

    `card` (set once OBS is connected) puts the pushed product on stream without blocking;
    `message` says what went wrong in words, with no dialog."""

    message = Signal(str)
    reminder_due = Signal(str)  # the prompter shows these too

    def __init__(self, room: LiveRoom, settings: Settings, keymap=None, parent=None) -> None:
        super().__init__(parent)
        from liveconsole.gui.keymap import Keymap

        self.room, self.settings = room, settings
        self.keymap = keymap if keymap is not None else Keymap(settings)
        self.card = None
        self.card_hidden = False
        self.form = Ui_QueuePanel()
        self.form.setupUi(self)
        f = self.form
        self.model = QueueModel(room.queue, room.clock, self.reorder, self)
        self.proxy = CategoryFilter(self)
        self.proxy.setSourceModel(self.model)
        f.table.setModel(self.proxy)
        f.table.setDragEnabled(True)
        f.table.setAcceptDrops(True)
        f.table.setDropIndicatorShown(True)
        f.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        f.table.verticalHeader().hide()
        header = f.table.horizontalHeader()
        header.setSectionResizeMode(COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        for name, width in (("state", 64), ("link_no", 52), ("live_price", 76), ("stock", 60), ("times", 48),
                            ("explained", 64)):
            f.table.setColumnWidth(COLUMNS.index(name), width)
        f.nowTitle.setStyleSheet("font-size: 26px; font-weight: bold;")
        f.nowDetail.setStyleSheet("font-size: 15px;")
        f.countdownLabel.setStyleSheet("font-size: 30px; font-weight: bold; color: #c62828;")
        f.incidentFrame.hide()
        room.events.queue_replaced.connect(self._queue_replaced)
        self._watched_timers = None
        self._watch(room.queue)
        f.linkEdit.returnPressed.connect(self.push_typed)
        f.pushNextButton.clicked.connect(self.push_next)
        f.repushButton.clicked.connect(self.repush)
        f.soldOutButton.clicked.connect(self.sold_out)
        f.restockButton.clicked.connect(self.restock_selected)
        f.relistButton.clicked.connect(self.relist_selected)
        f.undoButton.clicked.connect(self.undo)
        f.hideCardButton.clicked.connect(self.toggle_card)
        f.flashButton.clicked.connect(self.toggle_flash_sale)
        f.reminderAddButton.clicked.connect(self.add_reminder)
        f.acknowledgeButton.clicked.connect(self.acknowledge)
        f.incidentOpenButton.clicked.connect(self.open_incident_entry)
        f.incidentButton.clicked.connect(self.record_incident)
        f.incidentNote.returnPressed.connect(self.record_incident)
        f.categoryFilter.currentIndexChanged.connect(self._filter_changed)
        self._keys: dict[str, QShortcut] = {}
        for name, slot in (("key_push_next", self.push_next), ("key_repush", self.repush),
                           ("key_sold_out", self.sold_out), ("key_restock", self.restock_selected),
                           ("key_relist", self.relist_selected), ("key_queue_undo", self.undo),
                           ("key_flash_sale", self.toggle_flash_sale), ("key_acknowledge", self.acknowledge),
                           ("key_incident", self.open_incident_entry), ("key_hide_card", self.toggle_card)):
            self._keys[name] = self.keymap.bind(name, self, slot)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), f.incidentNote, f.incidentFrame.hide,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self._flash = False
        self.ticker = QTimer(self)
        self.ticker.setInterval(250)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()
        self.retranslate()
        self._show_now()

    # following the core ----------------------------------------------------------------------
    def _watch(self, queue: ProductQueue) -> None:
        queue.events.pushed.connect(lambda item, q=queue: q is self.room.queue and self._pushed(item))
        queue.events.explaining_changed.connect(lambda _i, q=queue: q is self.room.queue and self._show_now())
        queue.events.undone.connect(lambda _a, q=queue: q is self.room.queue and self._after_undo())
        timers = self.room.timers
        if timers is not self._watched_timers:
            self._watched_timers = timers
            timers.events.finished.connect(lambda _sale, t=timers: t is self.room.timers and self._flash_sale_finished())
            timers.events.due.connect(lambda reminder, t=timers: t is self.room.timers and self._reminder_due(reminder))

    def _queue_replaced(self, queue: ProductQueue) -> None:
        self.model.set_queue(queue)
        self._watch(queue)
        self._show_now()
        self._show_incidents()
        self._show_reminders()

    def _pushed(self, item: QueueItem) -> None:
        self._show_now()
        self._publish(item)

    def _after_undo(self) -> None:
        self._show_now()
        explaining = self.room.queue.explaining
        if explaining is not None:
            self._publish(explaining)

    def _show_now(self) -> None:
        f, queue = self.form, self.room.queue
        item = queue.explaining
        if item is None:
            f.nowTitle.setText(QCoreApplication.translate("QueuePanel", "Nothing is being explained"))
            f.nowDetail.setText("")
        else:
            f.nowTitle.setText(f"{item.product.link_no or ''}  {item.product.title}".strip())
            self._show_detail(item)
        up_next = queue.up_next
        f.nextLabel.setText(QCoreApplication.translate("QueuePanel", "Up next: %1").replace("%1", f"{up_next.product.link_no or ''} {up_next.product.title}")
                            if up_next else QCoreApplication.translate("QueuePanel", "Up next: —"))
        done = sum(1 for i in queue.items if i.state is ItemState.DONE)
        f.statusLabel.setText(QCoreApplication.translate("QueuePanel", "%1 waiting · %2 explained · %3 sold out")
                              .replace("%1", str(len(queue.waiting))).replace("%2", str(done))
                              .replace("%3", str(sum(1 for i in queue.items if i.state is ItemState.SOLD_OUT))))

    def _show_detail(self, item: QueueItem) -> None:
        now = self.room.clock.monotonic_ns()
        parts = [price_line(item)]
        if item.stock is not None:
            parts.append(QCoreApplication.translate("QueuePanel", "stock %1").replace("%1", str(item.stock)))
        parts.append(QCoreApplication.translate("QueuePanel", "explained %1 time(s)").replace("%1", str(item.times_explained)))
        parts.append(mmss(item.explaining_ns(now) / NS))
        self.form.nowDetail.setText(" · ".join(p for p in parts if p))

    # the card on stream ------------------------------------------------------------------------
    def set_card(self, card) -> None:
        self.card = card
        explaining = self.room.queue.explaining
        if explaining is not None and not self.card_hidden:
            self._publish(explaining)

    def _publish(self, item: QueueItem) -> None:
        if self.card is None or self.card_hidden:
            return
        from liveconsole.obs.card import Card

        # OBS needs a picture it can open: a path that does not lead to a file would show nothing.
        image = item.product.image_path
        image_path = image if image and Path(image).is_absolute() and Path(image).is_file() else None
        self.card.publish(Card(title=item.product.title, price_line=price_line(item),
                               image_path=image_path, countdown=self._countdown_text()))

    def toggle_card(self) -> None:
        self.card_hidden = not self.card_hidden
        self.form.hideCardButton.setText(QCoreApplication.translate("QueuePanel", "Show card") if self.card_hidden else QCoreApplication.translate("QueuePanel", "Hide card"))
        if self.card is None:
            return
        explaining = self.room.queue.explaining
        if self.card_hidden or explaining is None:
            self.card.publish(None)
        else:
            self._publish(explaining)

    # actions -----------------------------------------------------------------------------------
    def _act(self, action) -> QueueItem | None:
        try:
            self.room.go_live()
            return action(self.room.queue)
        except QueueError as exc:
            self.message.emit(_tr(ERROR_TEXT[exc.code]))
        except TimerError as exc:
            self.message.emit(str(exc))
        return None

    def push_next(self) -> None:
        self._act(lambda q: q.push_next())

    def push_typed(self) -> None:
        """Enter in the link field: the typed link number, or the next product when empty."""
        text = self.form.linkEdit.text().strip()
        self.form.linkEdit.clear()
        if not text:
            self.push_next()
            return
        from liveconsole.io.numbers import parse_link_no

        try:
            link = parse_link_no(text)
        except ValueError:
            link = None
        if link is None:
            self.message.emit(QCoreApplication.translate("QueuePanel", "“%1” is not a link number").replace("%1", text))
            return
        self._act(lambda q: q.push_link(link))

    def repush(self) -> None:
        self._act(lambda q: q.repush())

    def sold_out(self) -> None:
        """The selected product, else the one being explained."""
        key = self._selected_key() or (self.room.queue.explaining.key if self.room.queue.explaining else None)
        if key is None:
            self.message.emit(_tr(ERROR_TEXT[QueueErrorCode.NOTHING_EXPLAINING]))
            return
        self._act(lambda q: q.mark_sold_out(key))

    def restock_selected(self) -> None:
        key = self._selected_key()
        if key is None:
            self.message.emit(QCoreApplication.translate("QueuePanel", "Select a product to restock"))
            return
        quantity = self.form.restockQuantity.value()
        self._act(lambda q: q.restock(key, quantity))

    def relist_selected(self) -> None:
        key = self._selected_key()
        if key is None:
            self.message.emit(QCoreApplication.translate("QueuePanel", "Select a product to re-list"))
            return
        self._act(lambda q: q.relist(key, 0))

    def reorder(self, key: str, index: int) -> None:
        self._act(lambda q: q.reorder(key, index))

    def undo(self) -> None:
        self._act(lambda q: q.undo())

    def _selected_key(self) -> str | None:
        rows = self.form.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.mapToSource(rows[0]).data(Qt.ItemDataRole.UserRole).key

    def select_key(self, key: str) -> None:
        for row, item in enumerate(self.model.rows):
            if item.key == key:
                self.form.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _filter_changed(self, _index: int) -> None:
        code = self.form.categoryFilter.currentData()
        self.proxy.set_category(Category(code) if code else None)

    # timers ------------------------------------------------------------------------------------
    def _countdown_text(self) -> str | None:
        seconds = self.room.timers.flash_sale_countdown_s()
        return None if seconds is None else QCoreApplication.translate("QueuePanel", "Flash sale %1").replace("%1", mmss(seconds))

    def toggle_flash_sale(self) -> None:
        self.room.go_live()
        timers = self.room.timers
        try:
            if timers.flash_sale is not None:
                timers.stop_flash_sale()
                self.form.countdownLabel.setText(QCoreApplication.translate("QueuePanel", "Stopped"))
            else:
                explaining = self.room.queue.explaining
                timers.start_flash_sale(self.form.flashSeconds.value(), explaining.key if explaining else None)
        except TimerError as exc:
            self.message.emit(str(exc))
        self._update_countdown()

    def _flash_sale_finished(self) -> None:
        self.form.countdownLabel.setText(QCoreApplication.translate("QueuePanel", "Flash sale over"))
        self.form.flashButton.setText(QCoreApplication.translate("QueuePanel", "Start"))
        if self.card is not None and not self.card_hidden:
            self.card.set_countdown(None)
        self.message.emit(QCoreApplication.translate("QueuePanel", "The flash sale has ended"))

    def _update_countdown(self) -> None:
        seconds = self.room.timers.flash_sale_countdown_s()
        if seconds is None:
            self.form.flashButton.setText(QCoreApplication.translate("QueuePanel", "Start"))
            return
        self.form.flashButton.setText(QCoreApplication.translate("QueuePanel", "Stop"))
        self.form.countdownLabel.setText(mmss(seconds))
        if self.card is not None and not self.card_hidden:
            self.card.set_countdown(self._countdown_text())

    def add_reminder(self) -> None:
        self.room.go_live()
        kind = ReminderKind(self.form.reminderKind.currentData())
        self.room.timers.add_reminder(kind, self.form.reminderMinutes.value() * 60)
        self._show_reminders()

    def acknowledge(self) -> None:
        due = self.room.timers.due_reminders()
        if due:
            self.room.timers.acknowledge(due[0].id)
        self._show_reminders()

    def _reminder_due(self, reminder) -> None:
        text = QCoreApplication.translate("QueuePanel", "Time for the %1").replace("%1", _tr(REMINDER_TEXT[reminder.kind]))
        self.message.emit(text)
        self.reminder_due.emit(text)

    def _show_reminders(self) -> None:
        widget = self.form.reminderList
        widget.clear()
        now = self.room.clock.monotonic_ns()
        for reminder in self.room.timers.reminders:
            due = reminder.due(now)
            left = "" if due else mmss((reminder.next_due_ns - now) / NS)
            text = f"{_tr(REMINDER_TEXT[reminder.kind])} · " + (QCoreApplication.translate("QueuePanel", "now!") if due else left)
            item = QListWidgetItem(text)
            if due:
                item.setBackground(QBrush(QColor("#ffb300" if self._flash else "#fff8e1")))
            widget.addItem(item)

    def tick(self) -> None:
        """Four times a second: elapsed times, the re-push reminder, countdowns, reminders."""
        self._flash = not self._flash
        timers = self.room.timers
        timers.poll()
        queue = self.room.queue
        explaining = queue.explaining
        banner = self.form.repushBanner
        if explaining is not None:
            self._show_detail(explaining)
            if queue.needs_repush(self.settings["repush_after_s"]):
                age = (queue.card_age_ns() or 0) / NS
                banner.setText(QCoreApplication.translate("QueuePanel", "The card has been up %1 s: press %2 to put it up again")
                               .replace("%1", str(int(age))).replace("%2", self.settings["key_repush"]))
                banner.setStyleSheet("color: white; background: %s; padding: 4px; font-weight: bold;"
                                     % ("#e65100" if self._flash else "#ef6c00"))
            else:
                banner.setText("")
                banner.setStyleSheet("")
        else:
            banner.setText("")
            banner.setStyleSheet("")
        if timers.flash_sale is not None:
            self._update_countdown()
        self._show_reminders()
        column = COLUMNS.index("explained")
        self.model.dataChanged.emit(self.model.index(0, column), self.model.index(len(self.model.rows) - 1, column))

    # incidents -----------------------------------------------------------------------------------
    def open_incident_entry(self) -> None:
        self.form.incidentFrame.show()
        self.form.incidentNote.setFocus()

    def record_incident(self) -> None:
        kind = IncidentType(self.form.incidentType.currentData())
        explaining = self.room.queue.explaining
        self.room.incidents.record(kind, self.form.incidentNote.text().strip(),
                                   explaining.key if explaining else None)
        self.form.incidentNote.clear()
        self.form.incidentFrame.hide()
        self._show_incidents()

    def _show_incidents(self) -> None:
        widget = self.form.incidentList
        widget.clear()
        for incident in reversed(list(self.room.incidents)):
            when = incident.wall_time.astimezone().strftime("%H:%M:%S")
            note = f" — {incident.note}" if incident.note else ""
            widget.addItem(f"{when} {_tr(INCIDENT_TEXT[incident.type])}{note}")

    # language --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        f = self.form
        for combo, entries in ((f.reminderKind, REMINDER_TEXT), (f.incidentType, INCIDENT_TEXT)):
            current = combo.currentIndex()
            combo.clear()
            for code, text in entries.items():
                combo.addItem(_tr(text), code.value)
            combo.setCurrentIndex(max(0, current))
        current = f.categoryFilter.currentIndex()
        f.categoryFilter.blockSignals(True)
        f.categoryFilter.clear()
        f.categoryFilter.addItem(QCoreApplication.translate("QueuePanel", "All"), None)
        for category in Category:
            f.categoryFilter.addItem(texts.category_name(category), category.value)
        f.categoryFilter.setCurrentIndex(max(0, current))
        f.categoryFilter.blockSignals(False)
        for name, button in (("key_push_next", f.pushNextButton), ("key_repush", f.repushButton),
                             ("key_sold_out", f.soldOutButton), ("key_restock", f.restockButton),
                             ("key_relist", f.relistButton), ("key_queue_undo", f.undoButton),
                             ("key_flash_sale", f.flashButton), ("key_acknowledge", f.acknowledgeButton),
                             ("key_incident", f.incidentOpenButton), ("key_hide_card", f.hideCardButton)):
            button.setToolTip(QCoreApplication.translate("QueuePanel", "Key: %1").replace("%1", self.settings[name]))
            label = button.text().split(" (")[0]
            button.setText(f"{label} ({self.settings[name]})")
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._show_now()
        self._show_incidents()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.form.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)

