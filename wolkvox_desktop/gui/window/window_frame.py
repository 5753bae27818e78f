"""The window's frame: its remembered geometry (in the app's settings file, never the
user's registry), the app icon in every size shipped, and callbacks run once (after the
first show, after closing)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QSplitter, QWidget

from wolkvox_desktop.core import paths

log = logging.getLogger(__name__)

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def restore_geometry(window: QWidget, splitter: QSplitter, settings: QSettings) -> None:
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    state = settings.value("window/splitter")
    if isinstance(state, QByteArray) and not state.isEmpty():
        splitter.restoreState(state)


def save_geometry(window: QWidget, splitter: QSplitter, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", splitter.saveState())


def set_app_icon(window: QWidget) -> None:
    """The app icon (title bar, task bar, Alt+Tab), for the window and the application
    (set just after the first frame: QIcon's set-up is no part of it)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    icon = QIcon()
    folder = paths.resources_dir() / "icons"
    for size in ICON_SIZES:
        path = folder / f"wolkvox-desktop-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    if icon.isNull():
        log.warning("app icon not found in %s", folder)
        return
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setWindowIcon(icon)
    window.setWindowIcon(icon)


class Callbacks:
    """Callbacks run once, in the order added, by :meth:`run`; one that raises is logged
    and the others still run. Added after :meth:`run`: run at once if ``late``, else
    dropped."""

    def __init__(self, what: str, *, late: bool) -> None:
        self.what = what
        self.late = late
        self.done = False
        self._pending: list[Callable[[], object]] = []

    def add(self, callback: Callable[[], object]) -> None:
        if not self.done:
            self._pending.append(callback)
        elif self.late:
            callback()

    def run(self) -> None:
        pending, self._pending = self._pending, []
        self.done = True
        for callback in pending:
            try:
                callback()
            except Exception:  # noqa: BLE001 - one must not stop the others, nor the window
                log.exception("%s failed", self.what)
