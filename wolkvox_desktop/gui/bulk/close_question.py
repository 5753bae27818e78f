"""Closing during a run never cancels silently: it asks *Stop after this call* or *Keep
running* (at a pause: *Stop the run*). The question does not block: the run goes on while
it is shown (its count of campaigns not sent follows the run), and *Keep running* is the
default (Esc keeps running too)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

QUESTION_NAME = "bulkStopQuestion"


class StopQuestion(QMessageBox):
    """``not_sent``: campaigns not called yet; ``paused``: the run waits at a failure;
    ``window_closing``: the main window closes once the run has stopped."""

    def __init__(self, parent: QWidget, *, not_sent: int, paused: bool,
                 window_closing: bool) -> None:
        super().__init__(parent)
        self.setObjectName(QUESTION_NAME)
        self.setIcon(QMessageBox.Icon.Question)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(self.tr("The run is not finished"))
        self.window_closing = window_closing
        self.set_not_sent(not_sent)
        self.setInformativeText(
            self.tr("Stop the run: nothing more is sent; the campaigns not sent are listed "
                    "in the summary.")
            if paused else
            self.tr("Stop after this call: the call in flight finishes and is shown; the "
                    "campaigns not sent are listed in the summary.")
        )
        self.stopButton = self.addButton(
            self.tr("Stop the run") if paused else self.tr("Stop after this call"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        self.stopButton.setObjectName("bulkStopRunButton")
        keep = self.addButton(self.tr("Keep running"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("bulkKeepRunningButton")
        self.setDefaultButton(keep)
        self.setEscapeButton(keep)

    def set_not_sent(self, not_sent: int) -> None:
        """How many campaigns are not sent yet (the run goes on while this is asked)."""
        self.not_sent = not_sent
        self.setText(
            self.tr("%Ln campaign(s) of this run are not sent yet. The window closes once "
                    "the run has stopped.", "", not_sent)
            if self.window_closing else
            self.tr("%Ln campaign(s) of this run are not sent yet.", "", not_sent)
        )


def ask_to_stop(parent: QWidget, *, not_sent: int, paused: bool, window_closing: bool,
                on_stop: Callable[[], None]) -> QMessageBox:
    """Show the question (once: an open one is raised again); ``on_stop()`` runs when
    the supervisor chooses to stop."""
    existing = parent.findChild(StopQuestion, QUESTION_NAME)
    if isinstance(existing, StopQuestion) and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    box = StopQuestion(parent, not_sent=not_sent, paused=paused, window_closing=window_closing)

    def answered(button: object) -> None:
        if button is box.stopButton:
            on_stop()

    box.buttonClicked.connect(answered)
    box.open()
    return box
