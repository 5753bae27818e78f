"""Shift plans on schedule while the app runs: a GUI-thread timer over the core's scheduler.

The window's side of :mod:`wolkvox_desktop.core.plan_runs`. A single-shot ``QTimer`` is armed
from :func:`~wolkvox_desktop.core.plan_runs.next_plan_wakeup` on an injectable clock (at most
a minute ahead, :func:`~wolkvox_desktop.core.schedule.wait_seconds`: a clock change or a
laptop waking up is noticed). Each time it fires, a STORE job looks (:func:`claim_due`: is
a slot due, was one missed?) and, when a slot is due, a BACKGROUND job runs
:func:`~wolkvox_desktop.core.plan_runs.run_due` without a confirmation: it stops at the
first failure, never goes over today's budget, and claims each slot in the store, so a slot
runs exactly once whichever window or ``wolkvox plan run-due`` sees it first. Daylight
saving, the 15-minute window and "missed" are the core's; nothing here re-implements them.

The scheduler starts no thread and never waits: both steps are jobs of the window's
:class:`~wolkvox_desktop.gui.worker.WorkerHandle`. *Pause schedules* stops the timer (no
slot is run, nothing is looked at); resuming looks at once, so a slot still within its 15
minutes runs, and one older is reported as missed.

``clock`` is any callable returning an aware ``datetime`` (tests and benchmarks move it);
``speed`` is how many clock seconds pass in one real second (a benchmark's 10 hours in a
minute), so the timer waits ``wait / speed`` real seconds.

Signals (GUI thread)::

    looked(object Look)             after every look: the plans, how many are scheduled,
                                    the next wake-up
    runStarted(object PlanRunStart) a scheduled run makes its first call
    runFinished(object PlanRunResult)  a scheduled run ended, or did not start (budget, token)
    slotsMissed(object tuple[MissedSlot, ...])  slots found more than 15 minutes late
    pausedChanged(bool)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from wolkvox_desktop.core.plan_runs import (
    DueReport,
    MissedSlot,
    claim_due,
    next_plan_wakeup,
    run_due,
)
from wolkvox_desktop.core.schedule import Clock, LocalZone, utc_now, wait_seconds
from wolkvox_desktop.gui.jobs import Lane

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations
    from wolkvox_desktop.gui.worker import WorkerHandle

@dataclass(frozen=True)
class Look:
    """What one look at the store found."""

    names: tuple[str, ...]  # every plan, by name
    scheduled: int  # plans with a schedule
    due: int  # slots due now and not run yet (run next, unless paused)
    missed: tuple[MissedSlot, ...]  # slots newly found missed (each reported once)
    wakeup: datetime | None  # the next slot of any plan (None: nothing scheduled)


class PlanScheduler(QObject):
    """Runs the plans' due slots while the window lives (see the module docstring)."""

    looked = Signal(object)
    runStarted = Signal(object)
    runFinished = Signal(object)
    slotsMissed = Signal(object)
    pausedChanged = Signal(bool)

    # from the run's job thread to this (GUI-thread) object: queued
    _startedInJob = Signal(object)
    _finishedInJob = Signal(object)

    def __init__(self, handle: WorkerHandle, *, clock: Clock = utc_now,
                 zone: LocalZone | None = None, speed: float = 1.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else handle)
        self.setObjectName("planScheduler")
        self._handle = handle
        self.clock = clock
        self.zone = zone or LocalZone.system()
        self.speed = speed
        self.timer = QTimer(self)
        self.timer.setObjectName("planSchedulerTimer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check_now)
        self.last_look: Look | None = None
        self._started = False
        self._paused = False
        self._busy = False  # a look or a run is in flight
        self._again = False  # asked to look while busy: look once it answers
        self._startedInJob.connect(self.runStarted)
        self._finishedInJob.connect(self.runFinished)

    # ------------------------------------------------------------ state
    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def running(self) -> bool:
        """A scheduled run (or a look) is in flight."""
        return self._busy

    @property
    def scheduled(self) -> int:
        """Plans with a schedule, as the last look found them."""
        return self.last_look.scheduled if self.last_look is not None else 0

    @property
    def next_wakeup(self) -> datetime | None:
        return self.last_look.wakeup if self.last_look is not None else None

    def now(self) -> datetime:
        return self.clock()

    # ------------------------------------------------------------ control
    def start(self) -> None:
        """Look now, then at every slot (idempotent)."""
        self._started = True
        self.check_now()

    def stop(self) -> None:
        """The window is closing: no more looks or runs (a run in flight is the worker's
        to abort)."""
        self._started = False
        self.timer.stop()

    @Slot(bool)
    def set_paused(self, paused: bool) -> None:
        """*Pause schedules*: no slot runs while paused; resuming looks at once."""
        if paused == self._paused:
            return
        self._paused = paused
        if paused:
            self.timer.stop()
        self.pausedChanged.emit(paused)
        if not paused:
            self.check_now()

    @Slot()
    def check_now(self) -> None:
        """Look at the store now (a plan was saved, the clock moved): run what is due."""
        if not self._started or self._paused:
            return
        if self._busy:
            self._again = True
            return
        self.timer.stop()
        self._busy = True
        clock, zone = self.clock, self.zone

        def look(ops: Operations) -> Look:
            now = clock()
            due, missed = claim_due(ops.store, now=now, zone=zone)
            plans = ops.store.plans()
            return Look(tuple(s.name for s in plans),
                        sum(1 for s in plans if s.plan.scheduled), len(due), tuple(missed),
                        next_plan_wakeup(ops.store, now=now, zone=zone))

        self._handle.submit(look, lane=Lane.STORE, done=self._on_look, owner=self,
                            what="looking for due plans")

    # ------------------------------------------------------------ answers
    def _on_look(self, value: Any) -> None:
        self._busy = False
        if not isinstance(value, Look):  # logged where it failed; look again later
            self._arm(None)
            return
        self.last_look = value
        self.looked.emit(value)
        if value.missed:
            self.slotsMissed.emit(value.missed)
        if value.due and self._started and not self._paused:
            self._run_due()
        elif self._again:
            self._again = False
            self.check_now()
        else:
            self._arm(value.wakeup)

    def _run_due(self) -> None:
        self._busy = True
        self._again = False
        clock, zone = self.clock, self.zone
        started, finished = self._startedInJob, self._finishedInJob

        def tell(signal: Any) -> Callable[[Any], None]:
            def emit(value: Any) -> None:
                try:
                    signal.emit(value)
                except RuntimeError:  # the scheduler is gone (closing)
                    pass
            return emit

        def run(ops: Operations) -> DueReport:
            # each plan's lateness is judged on the clock just before its claim
            return run_due(ops, clock=clock, zone=zone, on_start=tell(started),
                           on_finished=tell(finished))

        self._handle.submit(run, lane=Lane.BACKGROUND, done=self._on_ran, owner=self,
                            what="running the due plans")

    def _on_ran(self, value: Any) -> None:
        self._busy = False
        if isinstance(value, DueReport) and value.missed:
            self.slotsMissed.emit(value.missed)
        self.check_now()  # the next slot (or one that came due during the run)

    def _arm(self, wakeup: datetime | None) -> None:
        if not self._started or self._paused:
            return
        wait = wait_seconds(wakeup, self.clock())
        self.timer.start(max(1, math.ceil(wait / self.speed * 1000)))
