"""NamedButton sizes itself without QStyle when the answer does not depend on the style's
exact padding (the first frame: issue 20); the answer must be the one the style gives."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QStyleFactory, QWidget

from wolkvox_desktop.gui.window.eliding import NamedButton

TARGETS = [("▶ Start", ""), ("▶ Start 3302", ""), ("▶ Start 3302", "Cobranza Sur"),
           ("■ Stop 123456789012345", "Una campaña con un nombre muy largo de verdad"),
           ("▶ Iniciar 1", "Ventas & Cobros")]  # fmt: skip


def exact(button: NamedButton) -> tuple[QSize, str]:
    """The size hint and the label as computed with the style's padding every time."""
    metrics = button.fontMetrics()
    width = button._padding() + metrics.horizontalAdvance(button.full_text()) + 2
    hint = QSize(max(button.minimumWidth(), min(width, button._max_width)),
                 button.sizeHint().height())
    room = max(0, button.width() - button._padding() - 2)
    shown = button.full_text()
    if metrics.horizontalAdvance(shown) > room:
        if button._name:
            rest = room - metrics.horizontalAdvance(button._head + button.SEPARATOR)
            name = metrics.elidedText(button._name, Qt.TextElideMode.ElideRight, rest)
            shown = button._head + button.SEPARATOR + name if rest > 0 and name else ""
        if not shown:
            shown = metrics.elidedText(button._head, Qt.TextElideMode.ElideMiddle, room)
    return hint, shown


_holders: list[QWidget] = []  # kept alive for the test (qtbot holds weak references)


def make(qtbot: Any, head: str, name: str, min_width: int) -> NamedButton:
    holder = QWidget()
    qtbot.addWidget(holder)
    _holders.append(holder)
    button = NamedButton("▶ Start", min_width=min_width)
    QHBoxLayout(holder).addWidget(button)
    holder.show()
    button.set_target(head, name)
    return button


@pytest.mark.parametrize("style", QStyleFactory.keys())
def test_named_buttons_size_and_label_as_the_style_says(qtbot: Any, style: str) -> None:
    """Widths and minimum widths around each label's own need (its text, the style's
    padding, 2 px): where a wrong bound of the padding would show."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = app.style().name()
    app.setStyle(style)
    try:
        for head, name in TARGETS:
            probe = make(qtbot, head, name, 110)
            need = (probe._padding() + 2
                    + probe.fontMetrics().horizontalAdvance(probe.full_text()))
            for min_width in (60, 110, need - 1, need, need + 1):
                for width in (60, 150, 400, need - 1, need, need + 1):
                    button = make(qtbot, head, name, min_width)
                    button.resize(width, 30)
                    assert (button.sizeHint(), button.text()) == exact(button), (
                        style, head, name, min_width, width)
    finally:
        app.setStyle(previous)
        for holder in _holders:
            holder.close()
        _holders.clear()
