"""The host's prompter: a window for the second monitor, readable from three metres, following the live state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer, QElapsedTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter
from PySide6.QtWidgets import QWidget

from liveconsole.core.live import LiveRoom
from liveconsole.core.money import format_money
from liveconsole.core.prompter import CANNED, Alert, AlertKind, PrompterAlerts
from liveconsole.store.settings import Settings

def alert_text(alert: Alert) -> str:
    if alert.kind in CANNED:
        return {
            AlertKind.SLOW_DOWN: QCoreApplication.translate("Prompter", "Speak slower"),
            AlertKind.LUCKY_BAG: QCoreApplication.translate("Prompter", "Lucky bag now"),
            AlertKind.READ_COMMENTS: QCoreApplication.translate("Prompter", "Read the comments"),
            AlertKind.SAY_PRICE: QCoreApplication.translate("Prompter", "Say the price"),
            AlertKind.NEXT_PRODUCT: QCoreApplication.translate("Prompter", "Time for the next product"),
        }[alert.kind]
    return alert.text


@dataclass(frozen=True)
class SegmentView:
    """What the script timeline tells the prompter about the current segment."""

    title: str
    remaining_s: float  # negative once the segment runs over
    talking_points: tuple[str, ...] = ()
    next_title: str = ""


THEMES = {
    "dark": {"bg": "#111111", "fg": "#f5f5f5", "dim": "#9e9e9e", "accent": "#ffca28", "warn": "#ef5350",
             "alert_bg": "#d32f2f", "alert_fg": "#ffffff"},
    "light": {"bg": "#fafafa", "fg": "#111111", "dim": "#616161", "accent": "#c62828", "warn": "#c62828",
              "alert_bg": "#d32f2f", "alert_fg": "#ffffff"},
}


def clock_text(seconds: float) -> str:
    sign = "+" if seconds < 0 else ""
    seconds = abs(int(seconds))
    return f"{sign}{seconds // 60:02d}:{seconds % 60:02d}"


class PrompterWindow(QWidget):
    """Painted by hand so mirror mode, font scale and theme apply to everything alike.

    It reads the room, the alerts and (once a script runs) `segment()`; nothing on it is clicked."""

    def __init__(self, room: LiveRoom, alerts: PrompterAlerts, settings: Settings,
                 segment: Callable[[], SegmentView | None] = lambda: None, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.room, self.alerts, self.settings, self.segment = room, alerts, settings, segment
        self.setObjectName("Prompter")
        self.setWindowTitle(QCoreApplication.translate("Prompter", "Prompter — LiveConsole"))
        self.resize(1280, 720)
        self.painted_alert: str | None = None  # what the last paint showed, for a look from outside
        self.headline_px = 0
        self._scroll = 0.0
        self._since = QElapsedTimer()
        self._since.start()
        self.setCursor(Qt.CursorShape.BlankCursor)
        # The assistant keeps typing in the main window: showing the prompter must not take the keyboard.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
        alerts.sent.connect(lambda _alert: self.update())
        self.ticker = QTimer(self)
        self.ticker.setInterval(33)  # smooth scrolling without burning a core
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()

    # placement -------------------------------------------------------------------------------
    def show_on_configured_screen(self) -> None:
        wanted = self.settings["prompter_screen"]
        screens = QGuiApplication.screens()
        screen = next((s for s in screens if s.name() == wanted), None)
        if screen is None:
            screen = screens[-1] if screens else None  # the second monitor when there is one
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.availableGeometry())
            self.settings["prompter_screen"] = screen.name()
            self.settings.save()  # the host's monitor is remembered for the next session
        if self.settings["prompter_fullscreen"]:
            self.showFullScreen()
        else:
            self.show()

    def _tick(self) -> None:
        elapsed = self._since.restart() / 1000.0
        self._scroll += elapsed * self.settings["prompter_scroll_px_s"]
        self.update()

    # painting ----------------------------------------------------------------------------------
    def _font(self, fraction: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        px = max(12, int(self.height() * fraction * self.settings["prompter_font_pct"] / 100))
        font.setPixelSize(px)
        font.setBold(bold)
        return font

    def paintEvent(self, _event) -> None:
        colours = THEMES.get(self.settings["prompter_theme"], THEMES["dark"])
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), QColor(colours["bg"]))
        if self.settings["prompter_mirror"]:
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        w, h = float(self.width()), float(self.height())
        margin = w * 0.04
        y = h * 0.03
        segment = self.segment()
        painter.setFont(self._font(0.05, True))
        if segment is not None:
            painter.setPen(QColor(colours["dim"]))
            title = painter.fontMetrics().elidedText(segment.title, Qt.TextElideMode.ElideRight, int(w * 0.48))
            painter.drawText(QRectF(margin, y, w * 0.5, h * 0.08), Qt.AlignmentFlag.AlignLeft, title)
            painter.setPen(QColor(colours["warn"] if segment.remaining_s < 0 else colours["fg"]))
            painter.drawText(QRectF(w * 0.6, y, w * 0.4 - margin, h * 0.08), Qt.AlignmentFlag.AlignRight,
                             clock_text(segment.remaining_s))
        sale = self.room.timers.flash_sale_countdown_s()
        if sale is not None:
            painter.setPen(QColor(colours["warn"]))
            painter.drawText(QRectF(w * 0.54, y, w * 0.26, h * 0.08), Qt.AlignmentFlag.AlignHCenter,
                             QCoreApplication.translate("Prompter", "Flash sale %1").replace("%1", clock_text(sale)))
        y += h * 0.1
        item = self.room.queue.explaining
        headline = self._font(0.075, True)
        self.headline_px = headline.pixelSize()
        painter.setFont(headline)
        painter.setPen(QColor(colours["fg"]))
        if item is None:
            painter.drawText(QRectF(margin, y, w - 2 * margin, h * 0.2), Qt.TextFlag.TextWordWrap,
                             QCoreApplication.translate("Prompter", "Waiting for the first product"))
            y += h * 0.12
        else:
            product = item.product
            title = f"{product.link_no}号  {product.title}" if product.link_no is not None else product.title
            box = painter.boundingRect(QRectF(margin, y, w - 2 * margin, h * 0.3), Qt.TextFlag.TextWordWrap, title)
            painter.drawText(box, Qt.TextFlag.TextWordWrap, title)
            y = box.bottom() + h * 0.015
            painter.setFont(self._font(0.065, True))
            painter.setPen(QColor(colours["accent"]))
            if product.live_price is not None:
                price = QCoreApplication.translate("Prompter", "Live ¥%1").replace("%1", format_money(product.live_price))
                if product.list_price is not None:
                    price += "   " + QCoreApplication.translate("Prompter", "was ¥%1").replace(
                        "%1", format_money(product.list_price))
                painter.drawText(QRectF(margin, y, w - 2 * margin, h * 0.09), Qt.AlignmentFlag.AlignLeft, price)
                y += h * 0.09
            painter.setFont(self._font(0.045))
            painter.setPen(QColor(colours["fg"]))
            for point in product.selling_points[:5]:
                painter.drawText(QRectF(margin, y, w - 2 * margin, h * 0.06), Qt.AlignmentFlag.AlignLeft, f"•  {point}")
                y += h * 0.06
        self._paint_talking_points(painter, segment, margin, y, w, h, colours)
        self._paint_next(painter, segment, margin, w, h, colours)
        self._paint_alert(painter, w, h, colours)
        painter.end()

    def _paint_talking_points(self, painter, segment, margin, top, w, h, colours) -> None:
        bottom = h * 0.88
        if segment is None or not segment.talking_points or bottom - top < h * 0.08:
            return
        painter.save()
        painter.setClipRect(QRectF(0, top, w, bottom - top))
        painter.setFont(self._font(0.04))
        painter.setPen(QColor(colours["dim"]))
        text = "\n".join(segment.talking_points)
        box = painter.boundingRect(QRectF(margin, 0, w - 2 * margin, 10 * h), Qt.TextFlag.TextWordWrap, text)
        span = box.height() + (bottom - top)
        offset = (self._scroll % span) if box.height() > bottom - top else 0
        painter.drawText(QRectF(margin, top + (bottom - top if offset else 0) - offset, w - 2 * margin, box.height()),
                         Qt.TextFlag.TextWordWrap, text)
        painter.restore()

    def _paint_next(self, painter, segment, margin, w, h, colours) -> None:
        painter.setFont(self._font(0.04))
        painter.setPen(QColor(colours["dim"]))
        up_next = self.room.queue.up_next
        parts = []
        if up_next is not None:
            parts.append(QCoreApplication.translate("Prompter", "Next: %1").replace(
                "%1", f"{up_next.product.link_no or ''} {up_next.product.title}".strip()))
        if segment is not None and segment.next_title:
            parts.append(QCoreApplication.translate("Prompter", "Then: %1").replace("%1", segment.next_title))
        painter.drawText(QRectF(margin, h * 0.9, w - 2 * margin, h * 0.08), Qt.AlignmentFlag.AlignLeft, "   ·   ".join(parts))

    def _paint_alert(self, painter, w, h, colours) -> None:
        alert = self.alerts.current()
        self.painted_alert = alert_text(alert) if alert is not None else None
        if alert is None:
            return
        flash = (self.alerts.clock.monotonic_ns() - alert.sent_ns) // 400_000_000 % 2 == 0
        rect = QRectF(w * 0.06, h * 0.64, w * 0.88, h * 0.22)  # over the talking points, not the product
        painter.fillRect(rect, QColor(colours["alert_bg"] if flash else "#b71c1c"))
        painter.setFont(self._font(0.09, True))
        painter.setPen(QColor(colours["alert_fg"]))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.painted_alert)

    def closeEvent(self, event) -> None:
        self.ticker.stop()
        super().closeEvent(event)

    def showEvent(self, event) -> None:
        self.ticker.start()
        super().showEvent(event)


class PrompterControl:
    """The assistant's side: F11 shows the prompter, Ctrl+1…5 send the canned alerts, Ctrl+6 a typed one."""

    KEYS = (("key_alert_slow_down", AlertKind.SLOW_DOWN), ("key_alert_lucky_bag", AlertKind.LUCKY_BAG),
            ("key_alert_read_comments", AlertKind.READ_COMMENTS), ("key_alert_say_price", AlertKind.SAY_PRICE),
            ("key_alert_next_product", AlertKind.NEXT_PRODUCT))

    def __init__(self, window, room: LiveRoom, settings: Settings, keymap,
                 segment: Callable[[], SegmentView | None] = lambda: None) -> None:
        from PySide6.QtWidgets import QLineEdit

        self.window, self.room, self.settings, self.segment = window, room, settings, segment
        self.prompter: PrompterWindow | None = None
        keymap.bind("key_prompter", window, self.toggle)
        for name, kind in self.KEYS:
            keymap.bind(name, window, lambda k=kind: self.room.alerts.send(k))
        self.entry = QLineEdit(window)
        self.entry.setMaximumWidth(320)
        self.entry.setPlaceholderText(QCoreApplication.translate("Prompter", "Alert for the host (Enter sends)"))
        self.entry.returnPressed.connect(self.send_typed)
        window.form.sessionToolBar.addSeparator()
        window.form.sessionToolBar.addWidget(self.entry)
        keymap.bind("key_alert_text", window, self.entry.setFocus)

    def send_typed(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.room.alerts.send(AlertKind.TEXT, text)
        self.entry.clear()

    def window_for(self) -> PrompterWindow:
        if self.prompter is None:
            self.prompter = PrompterWindow(self.room, self.room.alerts, self.settings, self.segment)
        return self.prompter

    def toggle(self) -> None:
        prompter = self.window_for()
        if prompter.isVisible():
            prompter.close()
        else:
            prompter.show_on_configured_screen()

    def close(self) -> None:
        if self.prompter is not None:
            self.prompter.ticker.stop()
            self.prompter.close()
            self.prompter.deleteLater()
            self.prompter = None
