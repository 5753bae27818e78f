"""The Plans window's switch *Run plans when the app is closed* and the line beside it that
says how the system's own schedule is: "Runs with the window closed · last check 07:35",
or what is wrong with it.

The schedule is :class:`~wolkvox_desktop.core.os_schedule.service.OsSchedule`'s (the same
as ``wolkvox plan schedule on|off|status``). Reading and changing it runs the system's
tools (``schtasks``, ``launchctl``, ``systemctl``, ``crontab``), so each is a job of the
window's worker; the switch holds no thread. ``schedule`` is a callable that makes the
schedule object in the worker (``None``: not available here, as in the demo, whose plans
live in a temporary data file).

Signals: ``changed(object)`` (the :class:`~.service.ScheduleStatus` now shown),
``failed(str)`` (a sentence: the change did not happen).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from wolkvox_desktop.core.schedule import LocalZone
from wolkvox_desktop.gui.bulk.parts import text_label
from wolkvox_desktop.gui.jobs import Lane
from wolkvox_desktop.gui.outcome_look import outcome_colour, outcome_glyph
from wolkvox_desktop.gui.plans.when import clock_text, day_and_time

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations
    from wolkvox_desktop.core.os_schedule.service import OsSchedule, ScheduleStatus
    from wolkvox_desktop.gui.worker import WorkerHandle

PROBLEM_LOOK = "refused"


def this_computer() -> OsSchedule:
    """The schedule of this computer and user (made in the worker: it reads the data folder)."""
    from wolkvox_desktop.core.os_schedule.service import OsSchedule

    return OsSchedule.for_this_computer()


class ScheduleSwitch(QWidget):
    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, handle: WorkerHandle, schedule: Callable[[], Any] | None, *,
                 zone: LocalZone, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planScheduleSwitch")
        self._handle = handle
        self._make = schedule
        self._schedule: Any = None  # made in the worker, kept there
        self._zone = zone
        self._busy = False
        self.status: ScheduleStatus | None = None
        self.check = QCheckBox(self.tr("Run plans when the app is closed"), self)
        self.check.setObjectName("planScheduleCheck")
        self.check.setToolTip(self.tr(
            "The system runs the plans at their time even with Wolkvox Desktop closed: it "
            "checks every 5 minutes while you are logged on."))
        self.stateLabel = text_label(self, "planScheduleState")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.stateLabel, 1)
        self.check.clicked.connect(self._on_clicked)
        if schedule is None:
            self.check.setEnabled(False)
            self.stateLabel.setText(self.tr("Not in the demo: its plans last only while it runs."))
        else:
            self.refresh()

    # ------------------------------------------------------------ jobs
    def _run(self, what: str, call: Callable[[Any], Any]) -> None:
        def job(_ops: Operations) -> Any:
            from wolkvox_desktop.core.os_schedule.command import ScheduleError

            try:
                if self._schedule is None and self._make is not None:
                    self._schedule = self._make()
                return call(self._schedule)
            except ScheduleError as exc:
                return str(exc)  # the sentence (a failed job would keep only its class)

        self._busy = True
        self.check.setEnabled(False)
        self._handle.submit(job, lane=Lane.BACKGROUND, done=self._on_done, owner=self, what=what)

    @Slot()
    def refresh(self) -> None:
        """Read the schedule again (a job); ``changed`` follows."""
        if self._make is None or self._busy:
            return
        if self.status is None:
            self.stateLabel.setText(self.tr("Looking at the system's schedule…"))
        self._run("reading the system's schedule for the plans", lambda s: s.status())

    @Slot(bool)
    def _on_clicked(self, on: bool) -> None:
        self.stateLabel.setText(self.tr("Turning it on…") if on else self.tr("Turning it off…"))
        self._style(problem=False)
        self._run("changing the system's schedule for the plans",
                  (lambda s: s.turn_on()) if on else (lambda s: s.turn_off()))

    def _on_done(self, value: Any) -> None:
        from wolkvox_desktop.core.os_schedule.service import ScheduleStatus

        self._busy = False
        if isinstance(value, ScheduleStatus):
            self.show_status(value)
            return
        sentence = (self.tr("The system's schedule could not be changed: {why}").format(
            why=value) if isinstance(value, str) else self.tr(
            "The system's schedule could not be read or changed; the log says why."))
        self.check.setEnabled(True)
        self.check.setChecked(self.status.on if self.status is not None else False)
        self.stateLabel.setText(sentence)
        self._style(problem=True)
        self.failed.emit(sentence)

    # ------------------------------------------------------------ showing
    def show_status(self, status: ScheduleStatus) -> None:
        self.status = status
        self.check.setEnabled(status.available or status.on)
        self.check.setChecked(status.on)
        text, problem = self._words(status)
        self.stateLabel.setText(text)
        tips = [status.problem_sentence(p) for p in status.problems]
        if status.entry is not None:
            tips.append(self.tr("It runs: {command}").format(
                command=status.entry.shown(windows=status.windows)))
        self.stateLabel.setToolTip("\n".join(tips))
        self._style(problem=problem)
        self.changed.emit(status)

    def _when(self, at: datetime, now: datetime) -> str:
        if self._zone.wall(at).date() == self._zone.wall(now).date():
            return clock_text(self._zone.wall(at).time())
        return day_and_time(at, self._zone, now)

    def _words(self, status: ScheduleStatus) -> tuple[str, bool]:
        """The line beside the switch, and whether it tells a problem."""
        from wolkvox_desktop.core.os_schedule.service import Problem

        if not status.on:
            if not status.available:
                return self.tr("This computer has no scheduler the app can use."), False
            return self.tr("Off: plans run only while the app is open."), False
        beat = status.heartbeat
        problems = status.problems
        if not problems:
            if beat is None:
                return self.tr("Runs with the window closed · no check yet"), False
            return (self.tr("Runs with the window closed · last check {time}").format(
                time=self._when(beat.at, status.now)), False)
        first = problems[0]
        if first is Problem.PROGRAM_MISSING:
            words = self.tr("the schedule runs a program that is no longer there. Turn the "
                            "switch off and on.")
        elif first is Problem.NOT_LOADED:
            words = self.tr("the system does not run the schedule. Turn the switch off and on.")
        elif first is Problem.OTHER_COMMAND:
            words = self.tr("the schedule runs another copy of the app or another data folder. "
                            "Turn the switch off and on.")
        elif first is Problem.NEVER_RAN:
            words = self.tr("no check has run since the switch was turned on.")
        elif first is Problem.STALE and beat is not None:
            words = self.tr("no check for %n minute(s) (the last at {time}); the computer may "
                            "have been asleep.", "", status.minutes_since_check() or 0).format(
                time=self._when(beat.at, status.now))
        else:
            words = self.tr("the last check could not run the plans ({time}).").format(
                time=self._when(beat.at, status.now) if beat is not None else "")
        return f"{outcome_glyph(PROBLEM_LOOK)} " + self.tr("Problem: {what}").format(
            what=words), True

    def _style(self, *, problem: bool) -> None:
        self.stateLabel.setStyleSheet(
            f"color: {outcome_colour(PROBLEM_LOOK).name()};" if problem else "")
