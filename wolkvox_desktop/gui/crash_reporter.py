"""Uncaught exceptions, from any thread: written to the log (redacted, never a token) and
told in one friendly dialog that says what to do (an action in flight may or may not have
reached Wolkvox). Native crashes are :mod:`wolkvox_desktop.core.crashlog`'s."""

from __future__ import annotations

import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from wolkvox_desktop.core import logsetup

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


class CrashReporter(QObject):
    """Shows one friendly dialog for an uncaught exception, from any thread."""

    report = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._showing = False
        self.last_box: QMessageBox | None = None
        self.report.connect(self._show)

    @Slot(str)
    def _show(self, where: str) -> None:
        if self._showing or QApplication.instance() is None:
            return
        from PySide6.QtWidgets import QMessageBox

        self._showing = True
        box = QMessageBox()
        box.setObjectName("crashDialog")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("App", "Wolkvox Desktop: unexpected error"))
        box.setText(
            QCoreApplication.translate(
                "App",
                "Something unexpected went wrong. If an action was in progress, it may or may "
                "not have reached Wolkvox: refresh the campaign list before trying again.",
            )
        )
        details = QCoreApplication.translate(
            "App", "The details were written to the log file:\n{0}"
        ).format(str(logsetup.log_file_path()))
        from wolkvox_desktop.core import crashlog

        crash_file = crashlog.active_path()
        if crash_file is not None:
            details += "\n\n" + QCoreApplication.translate(
                "App", "If Wolkvox Desktop ever closes by itself, the reason is written to:\n{0}"
            ).format(str(crash_file))
        box.setInformativeText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.finished.connect(self._closed)
        self.last_box = box
        box.open()

    @Slot()
    def _closed(self) -> None:
        self._showing = False


_reporter: CrashReporter | None = None


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    logsetup.log_uncaught(exc_type, exc, tb)
    if _reporter is not None:
        _reporter.report.emit("main thread")


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "a thread"
    logsetup.log_uncaught(args.exc_type, args.exc_value, args.exc_traceback, where=name)
    if _reporter is not None:
        try:
            _reporter.report.emit(name)
        except RuntimeError:
            pass


def install_exception_hooks(app: QApplication) -> CrashReporter:
    """Uncaught exceptions (any thread) go to the log, redacted, and to a friendly dialog."""
    global _reporter
    _reporter = CrashReporter(app)
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    return _reporter
