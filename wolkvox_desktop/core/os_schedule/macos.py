"""macOS: a LaunchAgent of the user, ``~/Library/LaunchAgents/com.wolkvox-desktop.plans.plist``.

Loaded into the user's GUI domain with ``launchctl bootstrap gui/<uid> <plist>`` and
removed with ``launchctl bootout gui/<uid>/<label>`` (the commands that replaced ``load``
and ``unload``). Keys (launchd.plist(5)):

* ``ProgramArguments``: the window's own executable, ``Contents/MacOS/wolkvox-desktop``,
  with ``--run-due``: the login keychain's access list for the token names that
  executable, so the scheduled run reads it without a prompt nobody would answer;
* ``StartInterval`` 300 (every 5 minutes; launchd runs a job missed during sleep once on
  wake), ``LimitLoadToSessionType`` ``Aqua`` (only in a logged-in session, where the
  keychain is unlocked), ``ProcessType`` ``Background``;
* ``AssociatedBundleIdentifiers``: System Settings › Login Items shows it as Wolkvox
  Desktop rather than as a bare executable (macOS 13 and later).

A ``bootstrap`` right after a ``bootout`` can fail with "5: Input/output error" while
launchd is still removing the old job (tomcounsell/ai#2013, haimgel/display-switch#85):
it is tried again once after a second.
"""

from __future__ import annotations

import os
import plistlib
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from wolkvox_desktop.core.os_schedule.command import (
    INTERVAL_MINUTES,
    ScheduledCommand,
    ScheduleError,
)
from wolkvox_desktop.core.os_schedule.runner import Runner, run

LABEL = "com.wolkvox-desktop.plans"
BUNDLE_ID = "com.wolkvox-desktop.app"  # build_specs/project.py's BUNDLE_ID
METHOD = "LaunchAgent"
RETRY_AFTER_S = 1.0


def agent_plist(command: ScheduledCommand, *, label: str = LABEL,
                run_at_load: bool = False) -> bytes:
    """The LaunchAgent's property list (XML)."""
    values: dict[str, Any] = {
        "Label": label,
        "ProgramArguments": list(command.argv),
        "StartInterval": INTERVAL_MINUTES * 60,
        "RunAtLoad": run_at_load,
        "LimitLoadToSessionType": "Aqua",
        "ProcessType": "Background",
        "AssociatedBundleIdentifiers": [BUNDLE_ID],
    }
    if command.environment:
        values["EnvironmentVariables"] = command.env
    return plistlib.dumps(values, fmt=plistlib.FMT_XML, sort_keys=True)


def command_of_plist(data: bytes) -> ScheduledCommand | None:
    try:
        values = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, TypeError):
        return None
    argv = values.get("ProgramArguments") if isinstance(values, dict) else None
    if not isinstance(argv, list) or not argv or not all(isinstance(a, str) for a in argv):
        return None
    env = values.get("EnvironmentVariables") or {}
    pairs = tuple(sorted((str(k), str(v)) for k, v in env.items())) if isinstance(env, dict) \
        else ()
    return ScheduledCommand(argv[0], tuple(argv[1:]), pairs)


def agents_folder(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents"


@dataclass
class LaunchAgentEntry:
    """The user's LaunchAgent (the plist file, and the job launchd has loaded from it)."""

    label: str = LABEL
    folder: Path = field(default_factory=agents_folder)
    runner: Runner = run
    method: str = METHOD

    @property
    def path(self) -> Path:
        return self.folder / f"{self.label}.plist"

    @property
    def where(self) -> str:
        return f"the LaunchAgent {self.path}"

    @property
    def _domain(self) -> str:
        return f"gui/{os.getuid()}"

    def available(self) -> bool:
        return True

    def read(self) -> ScheduledCommand | None:
        try:
            data = self.path.read_bytes()
        except OSError:
            return None
        return command_of_plist(data)

    def loaded(self) -> bool:
        return self.runner(["launchctl", "print", f"{self._domain}/{self.label}"]).returncode == 0

    def install(self, command: ScheduledCommand, *, now: datetime) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".plist.tmp")
        temporary.write_bytes(agent_plist(command, label=self.label))
        os.replace(temporary, self.path)
        self.runner(["launchctl", "bootout", f"{self._domain}/{self.label}"])  # if loaded
        result = self.runner(["launchctl", "bootstrap", self._domain, str(self.path)])
        if result.returncode != 0:
            time.sleep(RETRY_AFTER_S)  # launchd may still be removing the old job
            result = self.runner(["launchctl", "bootstrap", self._domain, str(self.path)])
        if result.returncode != 0:
            raise ScheduleError(f"launchd did not load {self.path}: {result.said('launchctl')}")

    def remove(self) -> bool:
        there = self.path.exists()
        loaded = self.loaded()
        if loaded:
            result = self.runner(["launchctl", "bootout", f"{self._domain}/{self.label}"])
            if result.returncode != 0 and self.loaded():
                raise ScheduleError(f"launchd did not unload {self.label}: "
                                    f"{result.said('launchctl')}")
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            raise ScheduleError(f"{self.path} could not be removed: "
                                f"{exc.strerror or type(exc).__name__}.") from None
        return there or loaded


def translocated(program: str) -> bool:
    """A copy macOS runs from a random read-only place (App Translocation: the app was
    opened where it was downloaded) or from the disk image itself: gone after a restart."""
    return "/AppTranslocation/" in program or program.startswith("/Volumes/")
