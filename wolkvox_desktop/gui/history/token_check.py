"""“Check with Wolkvox”: Wolkvox's own count of today's token uses for one operation.

The question costs one token (the button says so). It is a job through the front door:
``ops.open(server)`` resolves the token, ``token_info()`` asks, ``ops.close_service``
releases the connection. The answer is shown as a sentence (``messages.token_info_sentence``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from wolkvox_desktop.core.errors import CallResult
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.jobs import Lane
from wolkvox_desktop.gui.worker import WorkerHandle

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations


def token_info_job(server: str) -> Callable[[Operations], CallResult]:
    """A job: ask Wolkvox for today's token use on ``server`` (one token)."""

    def run(ops: Operations) -> CallResult:
        return ops.call_once(server, lambda service: service.token_info())

    return run


class TokenCheck(QWidget):
    """The button and the sentence it brings back, for the operation chosen in the filter.
    Signals: ``checked(CallResult)`` once the sentence is shown."""

    checked = Signal(object)

    def __init__(self, handle: WorkerHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._handle = handle
        self._server: str | None = None
        self._running = False
        _translate = QCoreApplication.translate
        self.button = QPushButton(
            _translate("HistoryWindow", "Chec&k with Wolkvox (uses 1 token)"), self)
        self.button.setObjectName("historyCheckTokensButton")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.check)
        self.label = QLabel(self)
        self.label.setObjectName("historyTokenLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.label, 1)
        self.set_server(None)

    def set_server(self, server: str | None) -> None:
        """The operation a check asks about (``None``: all operations, nothing to ask: the
        reason is said beside the disabled button)."""
        self._server = server
        _translate = QCoreApplication.translate
        reason = _translate("HistoryWindow",
                            "Choose one operation above to ask Wolkvox about its token.")
        if server is None:
            tip = reason
            if not self._running:
                self.label.setText(reason)
        else:
            if self.label.text() == reason:
                self.label.setText("")
            tip = _translate(
                "HistoryWindow",
                "Ask Wolkvox how many token uses it counts for today. This question itself "
                "costs one token.",
            )
        self.button.setToolTip(tip)
        self._update()

    def check(self) -> None:
        """Ask Wolkvox (off the GUI thread); ``checked`` follows."""
        if self._server is None or self._running:
            return
        self._running = True
        self._update()
        self.label.setText(QCoreApplication.translate("HistoryWindow", "Asking Wolkvox…"))
        self._handle.submit(token_info_job(self._server), lane=Lane.BACKGROUND,
                            done=self._on_done, owner=self,
                            what="checking today's token use with Wolkvox")

    def _on_done(self, value: Any) -> None:
        self._running = False
        self._update()
        result = value if isinstance(value, CallResult) else CallResult.unexpected()
        self.label.setText(messages.token_info_sentence(result))
        self.checked.emit(result)

    def _update(self) -> None:
        self.button.setEnabled(self._server is not None and not self._running)
