"""The threads of the worker's BACKGROUND lane (see :mod:`~wolkvox_desktop.gui.jobs`):
started, counted, joined within a bound. Its own module, light: the worker makes its
:class:`BackgroundThreads` before the window's first frame."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

THREAD_PREFIX = "wolkvox-job-"


class BackgroundThreads:
    """The BACKGROUND lane's threads: started, counted, joined within a bound."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._threads: set[threading.Thread] = set()
        self._count = 0

    def start(self, target: Callable[[], None]) -> None:
        with self._lock:
            self._count += 1
            name = f"{THREAD_PREFIX}{self._count}"

        def run() -> None:
            try:
                target()
            finally:
                with self._lock:
                    self._threads.discard(threading.current_thread())

        thread = threading.Thread(target=run, name=name, daemon=True)
        with self._lock:
            self._threads.add(thread)
        thread.start()

    def running(self) -> int:
        with self._lock:
            return sum(1 for t in self._threads if t.is_alive())

    def join(self, seconds: float) -> list[str]:
        """Wait up to ``seconds`` for every thread; the names of those still running."""
        deadline = time.monotonic() + seconds
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return [t.name for t in threads if t.is_alive()]


def any_job_thread_alive() -> bool:
    return any(t.name.startswith(THREAD_PREFIX) and t.is_alive() for t in threading.enumerate())
