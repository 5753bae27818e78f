"""Python's cyclic garbage collector, run only on the GUI thread (see :class:`MainThreadGC`)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot


class MainThreadGC(QObject):
    """Python's cyclic garbage collector, run only on the GUI thread.

    Left automatic, a collection can start on whichever thread happens to allocate (a
    call's background thread), and a Qt object caught in a reference cycle would then be
    destroyed from the wrong thread, which can crash. So automatic collection is turned
    off and this timer collects on the GUI thread instead (qutebrowser does the same).
    """

    INTERVAL_MS = 1000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    @Slot()
    def check(self) -> None:
        t0, t1, t2 = self._thresholds
        c0, c1, c2 = gc.get_count()
        if c0 > t0:
            gc.collect(0)
            if c1 > t1:
                gc.collect(1)
                if c2 > t2:
                    gc.collect(2)

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        gc.enable()
