"""Text that gives way in a narrow window: a label and a button that end in "…" instead of
being cut or pushing the window wider. ``text()`` always returns the whole text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent, QResizeEvent

# Start-up time: QStyle, its option classes and QPainter (~8 ms of enums to set up) load
# only when a text is actually cut: the first frame shows whole texts, drawn by Qt.


class ElidingLabel(QLabel):
    """A one-line plain-text label that shows as much of its text as fits; the whole text
    is its tooltip when cut. Its minimum width is ``min_width``, whatever the text."""

    def __init__(self, parent: QWidget | None = None, *, min_width: int = 60) -> None:
        super().__init__(parent)
        self._min_width = min_width
        self._tooltip = ""
        self.setTextFormat(Qt.TextFormat.PlainText)

    def keep_whole(self, text: str) -> None:
        """Never narrower than ``text`` needs (the part of the label that must stay
        whole); what follows it may give way."""
        margins = self.contentsMargins()
        self._min_width = (self.fontMetrics().horizontalAdvance(text) + margins.left()
                           + margins.right() + 2 * self.margin() + 4)
        self.updateGeometry()

    def set_tooltip(self, text: str) -> None:
        """The tooltip shown when the whole text fits (the text is added when cut)."""
        self._tooltip = text
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._min_width), hint.height())

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._update_tooltip()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        super().setText(text)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        cut = self.is_elided()
        tip = "\n\n".join(t for t in (self.text() if cut else "", self._tooltip) if t)
        if tip != self.toolTip():
            self.setToolTip(tip)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        if not self.is_elided():
            super().paintEvent(event)  # the whole text: as QLabel draws it
            return
        from PySide6.QtGui import QPainter

        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                              rect.width())
        self.style().drawItemText(
            painter, rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), self.palette(),
            self.isEnabled(), shown, self.foregroundRole(),
        )


class NamedButton(QPushButton):
    """A button that says what it acts on: ``head`` ("▶ Start 3302") then ``name``
    ("Cobranza Sur"). The name gives way first ("Cobranza…"), then the head (middle "…"),
    so the button keeps a sensible width: never wider than ``max_width`` nor narrower than
    ``min_width``, whatever it names. :meth:`full_text` is the whole label."""

    SEPARATOR = " · "

    def __init__(self, head: str, parent: QWidget | None = None, *, min_width: int = 110,
                 max_width: int = 300) -> None:
        # no parent argument when there is none: QPushButton(str, None) is matched against
        # the (QIcon, str, parent) overload too, which sets QIcon up (~2 ms, first frame)
        super().__init__(head, *(() if parent is None else (parent,)))
        self._head = head
        self._name = ""
        self._max_width = max_width
        self.setMinimumWidth(min_width)

    def set_target(self, head: str, name: str = "") -> None:
        if (head, name) == (self._head, self._name):
            return
        self._head, self._name = head, name
        self.updateGeometry()
        parent = self.parentWidget()
        layout = parent.layout() if parent is not None else None
        if layout is not None and self.isVisible():
            layout.activate()  # the width it gets for the new text, now: no "…" flicker
        self._fit()

    def full_text(self) -> str:
        return self._head + (self.SEPARATOR + self._name if self._name else "")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().sizeHint()
        text = self.fontMetrics().horizontalAdvance(self.full_text()) + 2
        if text + self._padding_at_most(hint) <= self.minimumWidth():
            return QSize(self.minimumWidth(), hint.height())  # what the padding would give
        width = self._padding() + text
        return QSize(max(self.minimumWidth(), min(width, self._max_width)), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def _padding_at_most(self, hint: QSize | None = None) -> int:
        """An upper bound of :meth:`_padding` without QStyle: Qt's own size hint for the
        label shown, less the label (the style's room around it, plus any minimum width
        the style sets). A label with "&" (a mnemonic, drawn narrower) gives no bound."""
        shown = super().text()
        if "&" in shown:
            return self._padding()
        hint = hint if hint is not None else super().sizeHint()
        return max(0, hint.width() - self.fontMetrics().horizontalAdvance(shown))

    def _padding(self) -> int:
        from PySide6.QtWidgets import QStyle, QStyleOptionButton

        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        empty = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, QSize(0, self.fontMetrics().height()),
            self,
        )
        return empty.width()

    def _fit(self) -> None:
        """The label that fits the button's width now."""
        metrics = self.fontMetrics()
        shown = self.full_text()
        if metrics.horizontalAdvance(shown) + self._padding_at_most() + 2 <= self.width():
            room = self.width()  # it fits whatever the exact padding: no QStyle needed
        else:
            room = max(0, self.width() - self._padding() - 2)
        if metrics.horizontalAdvance(shown) > room:
            if self._name:
                rest = room - metrics.horizontalAdvance(self._head + self.SEPARATOR)
                name = metrics.elidedText(self._name, Qt.TextElideMode.ElideRight, rest)
                shown = self._head + self.SEPARATOR + name if rest > 0 and name else ""
            if not shown:
                shown = metrics.elidedText(self._head, Qt.TextElideMode.ElideMiddle, room)
        if shown != super().text():
            self.setText(shown)
