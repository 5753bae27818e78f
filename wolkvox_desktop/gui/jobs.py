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
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

# the threads of the BACKGROUND lane: a module of their own, which the worker needs before
# the window's first frame (this one's dataclasses come after it)
from wolkvox_desktop.gui.job_threads import (
    THREAD_PREFIX,
    BackgroundThreads,
    any_job_thread_alive,
)

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations

log = logging.getLogger(__name__)


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


__all__ = [
    "THREAD_PREFIX", "BackgroundThreads", "Job", "JobFailed", "Lane", "any_job_thread_alive",
    "execute",
]
