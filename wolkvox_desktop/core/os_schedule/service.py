"""The switch "Run plans when the app is closed": its state, turning it on and off.

:class:`OsSchedule` is what the window and ``wolkvox plan schedule on|off|status`` use. It
holds the computer's ways of scheduling (:class:`Entry`: a Task Scheduler task, a
LaunchAgent, a systemd user timer, a crontab line), the command this copy of the app
registers (:mod:`.command`) and the data folder whose traces it reads (:mod:`.heartbeat`).
Every call runs the OS's tools: call it off the GUI thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from wolkvox_desktop.core.os_schedule import heartbeat
from wolkvox_desktop.core.os_schedule.command import (
    ScheduledCommand,
    ScheduleError,
    same_path,
    system_name,
    this_apps_command,
)
from wolkvox_desktop.core.os_schedule.heartbeat import Heartbeat, TurnedOn
from wolkvox_desktop.core.schedule import utc_now

STALE_AFTER = timedelta(minutes=30)
QUIET_EXITS = frozenset({0, 3, 4, 5})  # nothing due, or a call's own outcome (see the plans)


class Entry(Protocol):
    """One way this computer runs a command on a schedule, for this user."""

    method: str

    @property
    def where(self) -> str: ...

    def available(self) -> bool: ...

    def read(self) -> ScheduledCommand | None: ...

    def loaded(self) -> bool: ...

    def install(self, command: ScheduledCommand, *, now: datetime) -> None: ...

    def remove(self) -> bool: ...


class Problem(str, Enum):
    PROGRAM_MISSING = "program_missing"  # the entry runs a program that is not there
    NOT_LOADED = "not_loaded"  # the entry's file is there, the OS does not run it
    OTHER_COMMAND = "other_command"  # another copy of the app, or another data folder
    NEVER_RAN = "never_ran"  # on for 30 minutes and more, no check recorded
    STALE = "stale"  # the last check is more than 30 minutes old
    LAST_RUN_FAILED = "last_run_failed"  # the last check ended with a local problem


@dataclass(frozen=True)
class ScheduleStatus:
    """What ``plan schedule status`` says and the Plans window shows."""

    method: str | None  # how this computer would schedule (None: no way here)
    where: str | None  # the registered entry's place
    entry: ScheduledCommand | None  # what the registered entry runs (None: off)
    expected: ScheduledCommand  # what turning the switch on registers from this copy
    loaded: bool
    heartbeat: Heartbeat | None
    turned_on: TurnedOn | None
    now: datetime
    windows: bool = False

    @property
    def on(self) -> bool:
        return self.entry is not None

    @property
    def available(self) -> bool:
        return self.method is not None

    def minutes_since_check(self) -> int | None:
        if self.heartbeat is None:
            return None
        return max(0, int((self.now - self.heartbeat.at).total_seconds() // 60))

    @property
    def problems(self) -> tuple[Problem, ...]:
        entry = self.entry
        if entry is None:
            return ()
        found: list[Problem] = []
        if not _unreadable(entry.program) and not os.path.exists(entry.program):
            found.append(Problem.PROGRAM_MISSING)
        if not self.loaded:
            found.append(Problem.NOT_LOADED)
        if not self.runs_this_copy():
            found.append(Problem.OTHER_COMMAND)
        if found:
            return tuple(found)  # the traces here are not this entry's (or it cannot run)
        since = self.turned_on.at if self.turned_on is not None else None
        beat = self.heartbeat
        if beat is None or (since is not None and beat.at < since):
            if since is None or self.now - since > STALE_AFTER:
                found.append(Problem.NEVER_RAN)
        elif self.now - beat.at > STALE_AFTER and (since is None or self.now - since > STALE_AFTER):
            found.append(Problem.STALE)
        if beat is not None and beat.exit_code not in QUIET_EXITS:
            found.append(Problem.LAST_RUN_FAILED)
        return tuple(found)

    def runs_this_copy(self) -> bool:
        entry, expected = self.entry, self.expected
        if entry is None:
            return False
        return (same_path(entry.program, expected.program, windows=self.windows)
                and entry.arguments == expected.arguments)

    def problem_sentence(self, problem: Problem) -> str:
        entry = self.entry
        shown = entry.shown(windows=self.windows) if entry else ""
        beat = self.heartbeat
        if problem is Problem.PROGRAM_MISSING and entry is not None:
            return (f"The schedule runs {entry.program}, which is no longer there (was the "
                    "app moved or removed?): turn the switch off and on again.")
        if problem is Problem.NOT_LOADED:
            where = self.where or "the schedule"
            return (f"{where[:1].upper()}{where[1:]} is there but the system does not run "
                    "it: turn the switch off and on again.")
        if problem is Problem.OTHER_COMMAND:
            return (f"The schedule runs another copy of the app or another data folder "
                    f"({shown}): turn the switch on from this copy to run its plans.")
        if problem is Problem.NEVER_RAN:
            return ("The switch is on, but no scheduled check has run in the 30 minutes "
                    "since: check that the system's scheduler runs, and that you are "
                    "logged on.")
        if problem is Problem.STALE and beat is not None:
            return (f"No scheduled check for {self.minutes_since_check()} minutes: the "
                    "computer may have been asleep or off; otherwise the schedule does not "
                    "run.")
        if problem is Problem.LAST_RUN_FAILED and beat is not None:
            said = f": {beat.said}" if beat.said else ""
            return f"The last scheduled check ended with exit {beat.exit_code}{said}"
        return str(problem.value)

    def to_json(self) -> dict[str, Any]:
        return {
            "on": self.on,
            "available": self.available,
            "method": self.method,
            "where": self.where,
            "runs": list(self.entry.argv) if self.entry else None,
            "runs_this_copy": self.runs_this_copy() if self.entry else None,
            "last_check": self.heartbeat.to_json() if self.heartbeat else None,
            "turned_on_at": heartbeat.iso(self.turned_on.at) if self.turned_on else None,
            "problems": [{"problem": p.value, "message": self.problem_sentence(p)}
                         for p in self.problems],
        }


def _unreadable(program: str) -> bool:
    return "\ufffd" in program or "?" in program


class OsSchedule:
    """This computer's schedule for this user's plans (see the module docstring).

    ``entries``: the ways to schedule, best first (the first available one is used to turn
    the switch on; every one is looked at and cleared); ``data_folder``: where the checks
    leave their traces; ``expected``: what this copy registers."""

    def __init__(self, entries: Sequence[Entry], data_folder: Path, expected: ScheduledCommand,
                 *, windows: bool = False, clock: Callable[[], datetime] = utc_now,
                 prepare: Callable[[Entry, ScheduledCommand], ScheduledCommand] | None = None,
                 refuse: Callable[[ScheduledCommand], str | None] | None = None) -> None:
        self.entries = list(entries)
        self.data_folder = data_folder
        self.expected = expected
        self.windows = windows
        self.clock = clock
        self._prepare = prepare
        self._refuse = refuse

    @classmethod
    def for_this_computer(cls) -> OsSchedule:
        from wolkvox_desktop.core import paths

        override = os.environ.get(paths.HOME_ENV, "").strip()
        data_folder = paths.app_data_dir()
        expected = this_apps_command(str(data_folder.resolve()) if override else None)
        system = system_name()
        if system == "windows":
            from wolkvox_desktop.core.os_schedule.windows import TaskSchedulerEntry

            return cls([TaskSchedulerEntry.for_this_user()], data_folder, expected,
                       windows=True)
        if system == "macos":
            from wolkvox_desktop.core.os_schedule.macos import LaunchAgentEntry, translocated

            def refuse(command: ScheduledCommand) -> str | None:
                if translocated(command.program):
                    return ("macOS runs this copy of Wolkvox Desktop from a temporary place "
                            "(the disk image, or where it was downloaded): drag it into "
                            "Applications, open it from there, then turn the switch on.")
                return None

            return cls([LaunchAgentEntry()], data_folder, expected, refuse=refuse)
        from wolkvox_desktop.core.os_schedule.linux import (
            CrontabEntry,
            SystemdTimerEntry,
            linux_prepare,
        )

        return cls([SystemdTimerEntry(), CrontabEntry()], data_folder, expected,
                   prepare=linux_prepare)

    def _available(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.available()]

    def status(self) -> ScheduleStatus:
        now = self.clock()
        available = self._available()
        found = None
        for entry in self.entries:
            command = entry.read()
            if command is not None:
                found = (entry, command)
                break
        method = available[0].method if available else None
        where = None
        loaded = False
        if found is not None:
            method, where, loaded = found[0].method, found[0].where, found[0].loaded()
        return ScheduleStatus(
            method=method, where=where, entry=found[1] if found else None,
            expected=self.expected, loaded=loaded,
            heartbeat=heartbeat.read_heartbeat(self.data_folder),
            turned_on=heartbeat.read_turned_on(self.data_folder), now=now,
            windows=self.windows)

    def turn_on(self) -> ScheduleStatus:
        """Register this copy's command (replacing any earlier entry of ours)."""
        available = self._available()
        if not available:
            raise ScheduleError(
                "This computer has no scheduler Wolkvox Desktop can use for you (no "
                "systemd user session and no crontab command): plans run only while the "
                "app is open.")
        if self._refuse is not None:
            refusal = self._refuse(self.expected)
            if refusal:
                raise ScheduleError(refusal)
        chosen = available[0]
        for entry in self.entries:
            if entry is not chosen and entry.available():
                entry.remove()  # one entry of ours on this computer, never two
        command = self._prepare(chosen, self.expected) if self._prepare else self.expected
        now = self.clock()
        chosen.install(command, now=now.astimezone())
        heartbeat.write_turned_on(self.data_folder, TurnedOn(now, chosen.method))
        return self.status()

    def turn_off(self) -> ScheduleStatus:
        """Remove every entry of ours (what the uninstaller and README's steps do too)."""
        for entry in self.entries:
            if entry.available() or entry.read() is not None:
                entry.remove()
        heartbeat.forget_turned_on(self.data_folder)
        return self.status()
