"""Small pieces the Settings rooms share: a label that wraps honestly, object names, and
the one way a sentence is shown with its outcome's glyph and colour."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

from wolkvox_desktop.gui.outcome_look import outcome_colour, outcome_glyph

#: A warning that is not a call's outcome (a token kept for this session only): its own
#: glyph, in the colour of the outcome family it is closest to ("not delivered", amber).
WARNING = "warning"
#: A plain sentence: no glyph, no colour (e.g. "Saving…").
INFO = "info"

_W = TypeVar("_W", bound=QWidget)


def named(widget: _W, name: str) -> _W:
    """Give a widget its Qt object name (tests and automation find widgets by it)."""
    widget.setObjectName(name)
    return widget


class WrappingLabel(QLabel):
    """A word-wrapped label that claims the height its text needs at its current width.

    Qt does not pass height-for-width up through nested layouts, so a long sentence in a
    narrow column would otherwise be cut off (longer languages first)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.width() > 0:
            wanted = max(0, self.heightForWidth(self.width()))
            if wanted != self.minimumHeight():
                self.setMinimumHeight(wanted)


class FittingScrollArea(QScrollArea):
    """A scroll area that asks for its whole content and ``spare_lines`` more lines of text
    (for sentences that appear later, under the fields), so that a window opens big enough
    to show it all; it scrolls (vertically) only when made smaller, such as at 800 × 500."""

    def __init__(self, content: QWidget, spare_lines: int = 0) -> None:
        super().__init__()
        self._spare_lines = spare_lines
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        widget = self.widget()
        if widget is None:
            return super().sizeHint()
        content = widget.sizeHint()
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width()
        spare = self._spare_lines * self.fontMetrics().lineSpacing()
        return QSize(content.width() + frame + bar, content.height() + frame + spare)


def show_message(label: QLabel, kind: str, text: str) -> None:
    """Show ``text`` in ``label`` with the look of ``kind`` (hidden when ``text`` is empty).

    ``kind`` is an outcome key of :mod:`~wolkvox_desktop.gui.outcome_look` (``ok``,
    ``invalid``, ``refused``, …), :data:`WARNING` or :data:`INFO`. The glyph says it too,
    for supervisors who do not tell the colours apart; the ``kind`` property lets tests
    and style sheets tell the states apart."""
    if kind == INFO:
        glyph, colour = "", ""
    elif kind == WARNING:
        glyph, colour = "⚠", outcome_colour("undelivered").name()
    else:
        glyph, colour = outcome_glyph(kind), outcome_colour(kind).name()
    label.setProperty("kind", kind)
    label.setStyleSheet(f"color: {colour};" if colour else "")
    label.setText(f"{glyph} {text}" if glyph and text else text)
    label.setVisible(bool(text))
