"""When the window refreshes the campaign list by itself: the list is older than
:data:`EVERY_S`, the operation has a token, and the last attempt for it is as old. The window
adds its own conditions (visible, not minimized, idle) and asks every
:data:`CHECK_EVERY_MS`."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from datetime import datetime

EVERY_S = 5 * 60  # as seconds: datetime loads with the first list, not before the first frame
CHECK_EVERY_MS = 30_000


class AutoRefresh(QObject):
    """``last_attempt``: server -> ``time.monotonic()`` of the last automatic refresh."""

    def __init__(self, parent: QObject, check: Callable[[], None], *, enabled: bool) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.last_attempt: dict[str, float] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(check)
        if enabled:
            self._timer.start()

    def due(self, server: str, refreshed_at: datetime | None, token_source: object) -> bool:
        if not self.enabled:
            return False
        if token_source is None or getattr(token_source, "value", token_source) == "none":
            return False  # no token (or not known yet): a refresh could only fail
        if refreshed_at is not None:
            from datetime import datetime

            if (datetime.now().astimezone() - refreshed_at).total_seconds() < EVERY_S:
                return False
        last = self.last_attempt.get(server)
        return last is None or time.monotonic() - last >= EVERY_S

    def attempted(self, server: str) -> None:
        self.last_attempt[server] = time.monotonic()

    def stop(self) -> None:
        self._timer.stop()
