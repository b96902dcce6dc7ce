"""The camera preview: the newest frame painted as it is, centred on a dark background, or one line of text."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import QSizePolicy, QWidget

BACKGROUND = QColor("#202020")
TEXT = QColor("#9e9e9e")


class FramePreview(QWidget):
    """Holds one QImage already scaled to fit (the camera's reader thread does that) and paints it unscaled.

    `resized` gives the size in device pixels a picture may have, so the reader can scale for it.
    """

    resized = Signal(QSize)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._text = ""
        # Every pixel is painted here: Qt need not clear the area first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def pixel_size(self) -> QSize:
        """The widget's size in device pixels."""
        ratio = self.devicePixelRatioF()
        return QSize(round(self.width() * ratio), round(self.height() * ratio))

    def image(self) -> QImage | None:
        return self._image

    def setImage(self, image: QImage) -> None:
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self._image = image
        self._text = ""
        self.update()

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._image = None
        self._text = text
        self.update()

    def clear(self) -> None:
        self.setText("")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit(self.pixel_size())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        image = self._image
        if image is None:
            painter.fillRect(self.rect(), BACKGROUND)
            if self._text:
                painter.setPen(TEXT)
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._text)
            return
        size = image.deviceIndependentSize().toSize()
        if size.width() > self.width() or size.height() > self.height():
            # The widget shrank and the reader has not caught up yet: scale this once, on the fly.
            size = size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect((self.width() - size.width()) // 2, (self.height() - size.height()) // 2,
                       size.width(), size.height())
        for strip in QRegion(self.rect()).subtracted(QRegion(target)):
            painter.fillRect(strip, BACKGROUND)
        if target.size() == image.deviceIndependentSize().toSize():
            painter.drawImage(target.topLeft(), image)  # a straight copy when the formats match
        else:
            painter.drawImage(target, image)
