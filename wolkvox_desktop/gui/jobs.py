"""The window's one way to background work: a job, its lane, and the threads that run it.

A :class:`Job` is a function of the front door (:class:`~wolkvox_desktop.core.operations.
Operations`) and a lane:

* :attr:`Lane.STORE` jobs run one after the other on the worker's thread, in the order
  they were asked for: quick SQLite reads and writes (a state snapshot, a History query).
* :attr:`Lane.BACKGROUND` jobs each get a thread of their own: anything that may wait
  (a call to Wolkvox, the keyring, writing a file). Closing aborts their calls through the
  front door and joins them within a bound.

Widgets never start threads: they hand a job to the worker's handle
(:meth:`~wolkvox_desktop.gui.worker.WorkerHandle.submit`) and get its value back on the GUI
thread. A job that raises ends in a :class:`JobFailed` value (logged with the traceback),
never in an exception that reaches the user.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations

log = logging.getLogger(__name__)

THREAD_PREFIX = "wolkvox-job-"


class Lane(str, Enum):
    STORE = "store"
    BACKGROUND = "background"


@dataclass(frozen=True)
class JobFailed:
    """What a job that raised ends in: what it was doing, and the exception's class name
    (the traceback is in the log). Never holds the token."""

    what: str
    error: str


@dataclass(frozen=True)
class Job:
    """``run(operations)`` on its lane; ``then(value)`` afterwards on the worker's thread
    (the worker's own follow-ups: signals, a fresh state); ``what`` names it in the log."""

    run: Callable[[Operations], Any]
    lane: Lane = Lane.BACKGROUND
    then: Callable[[Any], None] | None = None
    what: str = "a background job"


def execute(job: Job, operations: Operations) -> Any:
    """Run a job's function; an exception becomes a :class:`JobFailed` value."""
    try:
        return job.run(operations)
    except Exception as exc:  # noqa: BLE001 - handed back as a value, logged here
        log.exception("%s failed", job.what)
        return JobFailed(job.what, type(exc).__name__)


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
