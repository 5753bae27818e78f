"""Naming a control of the main window once: its object name (tests, automation and
``gui/bulk`` find it by that), its accessible name (screen readers) and its tooltip."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QPushButton, QWidget

_W = TypeVar("_W", bound=QWidget)


def control(widget: _W, name: str, accessible: str = "", tip: str = "") -> _W:
    """``widget``, named. A push button never becomes a default button: Enter in a field
    of the window must not press it."""
    widget.setObjectName(name)
    if accessible:
        widget.setAccessibleName(accessible)
    if tip:
        widget.setToolTip(tip)
    if isinstance(widget, QPushButton):
        widget.setAutoDefault(False)
    return widget
