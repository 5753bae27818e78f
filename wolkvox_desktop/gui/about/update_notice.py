"""The window's side of the update check (:mod:`wolkvox_desktop.core.updates`).

A minute after the window first shows, and every hour after that, a background job asks
``updates.check_if_due()``: nothing when IT set no feed, at most one request to the feed a
day, the recorded answer otherwise. Never while something runs (a call of the window, a
bulk run, a plan's run, Run now): that hour is skipped. Nothing is downloaded.

When a newer version is known, the window's status bar says "Version X is available" with
a link to the release page (beside *About Wolkvox Desktop*), and the About dialog says it
too (``on_result``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QLabel, QMainWindow

from wolkvox_desktop.gui.jobs import JobFailed, Lane

FIRST_CHECK_MS = 60_000  # after the window is up: nothing on the start-up path
EVERY_MS = 3_600_000  # then hourly; core.updates asks the feed at most once a day


def default_check() -> Any:
    from wolkvox_desktop.core import updates  # on the worker's thread, when first needed

    return updates.check_if_due()


def run_in_progress(window: Any) -> bool:
    """A call of the window, a bulk run, a scheduled plan or a *Run now* is going."""
    if getattr(window, "is_busy", lambda: False)():
        return True
    bulk = window.findChild(QObject, "bulkControls")
    dialog = getattr(bulk, "bulk_dialog", None)
    if dialog is not None and dialog.is_running():
        return True
    plans = window.findChild(QObject, "plansControls")
    if plans is not None:
        if getattr(plans.scheduler, "running", False) or plans.runNow.is_running():
            return True
    return False


class UpdateNotice(QObject):
    """Public parts: ``label`` (the status-bar link; None until there is news), ``timer``,
    ``last`` (the last ``UpdateCheck``), ``checks`` (how many jobs were sent)."""

    def __init__(self, window: Any, *, on_result: Callable[[Any], None] | None = None,
                 check: Callable[[], Any] = default_check, first_ms: int = FIRST_CHECK_MS,
                 every_ms: int = EVERY_MS) -> None:
        super().__init__(window)
        self.setObjectName("updateNotice")
        self.window_ = window
        self.handle = window.handle
        self.label: QLabel | None = None
        self.last: Any = None
        self.checks = 0
        self._check = check
        self._on_result = on_result
        self._pending = False
        self._stopped = False
        self._every_ms = every_ms
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)
        window.after_first_show(lambda: self.timer.start(first_ms))

    @Slot()
    def tick(self) -> None:
        if self._stopped:
            return
        self.timer.start(self._every_ms)
        if self._pending or run_in_progress(self.window_):
            return  # never during a run: the next hour
        self._pending = True
        self.checks += 1
        check = self._check
        self.handle.submit(lambda _ops: check(), lane=Lane.BACKGROUND, done=self._done,
                           owner=self, what="check for a newer version")

    def _done(self, result: Any) -> None:
        self._pending = False
        if self._stopped or isinstance(result, JobFailed) or result is None:
            return
        self.last = result
        if getattr(result, "newer", False):
            self._show(result)
        elif self.label is not None:
            self.label.hide()
        if self._on_result is not None:
            self._on_result(result)

    def _show(self, result: Any) -> None:
        from wolkvox_desktop.gui.about.dialog import update_html

        if self.label is None:
            self.label = QLabel()
            self.label.setObjectName("updateLabel")
            self.label.setTextFormat(Qt.TextFormat.RichText)
            self.label.setOpenExternalLinks(True)
            self.label.setAccessibleName(self.tr("A newer version is available"))
            if isinstance(self.window_, QMainWindow):  # left of About Wolkvox Desktop
                self.window_.statusBar().insertPermanentWidget(0, self.label)
        self.label.setText(update_html(result))
        self.label.show()

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()
