"""Where an added button goes in the main window: next to a named control in its box layout,
or else on the status bar (always reachable), and in the Tab order where it is seen. Used
by the parts that add buttons to the window once it is built (bulk and history, plans)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QLayout, QMainWindow, QWidget


def _layout_holding(root: QLayout | None, widget: QWidget) -> QLayout | None:
    """The (possibly nested) layout that directly holds ``widget``."""
    if root is None:
        return None
    if root.indexOf(widget) >= 0:
        return root
    for i in range(root.count()):
        child = root.itemAt(i)
        inner = child.layout() if child is not None else None
        found = _layout_holding(inner, widget) if inner is not None else None
        if found is not None:
            return found
    return None


def _tab_stop_before(widget: QWidget) -> QWidget | None:
    """The widget Tab visits just before ``widget`` in its window, if any."""
    candidate = widget.previousInFocusChain()
    while candidate is not None and candidate is not widget:
        if (candidate.window() is widget.window()
                and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus):
            return candidate
        candidate = candidate.previousInFocusChain()
    return None


def place_beside(window: QWidget, anchor: object, widgets: Sequence[QWidget], *,
           before: bool = False) -> None:
    """Next to ``anchor`` in its box layout (and next to it in the Tab order), or else on
    the status bar: always reachable."""
    parent = anchor.parentWidget() if isinstance(anchor, QWidget) else None
    if isinstance(anchor, QWidget) and parent is not None:
        layout = _layout_holding(parent.layout(), anchor)
        if isinstance(layout, QBoxLayout):
            index = layout.indexOf(anchor) + (0 if before else 1)
            for offset, widget in enumerate(widgets):
                layout.insertWidget(index + offset, widget)
                widget.show()
            previous = _tab_stop_before(anchor) if before else anchor
            chain = [previous, *widgets] if previous is not None else list(widgets)
            for first, second in zip(chain, chain[1:], strict=False):
                QWidget.setTabOrder(first, second)
            if before and previous is None and widgets:
                QWidget.setTabOrder(widgets[-1], anchor)
            return
    if isinstance(window, QMainWindow):
        for widget in widgets:
            window.statusBar().addPermanentWidget(widget)
            widget.show()
