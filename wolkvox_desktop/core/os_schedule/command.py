"""What the OS schedule runs: the window's own program with ``--run-due``.

One program image does everything (the window, the command line, the scheduled check), so
the scheduled run is the very executable that saved the token: on macOS the login
keychain's access list names that executable, and a second one would stop on a "wants to
use your confidential information" prompt that nobody answers. On Windows the window's
executable is a windowed (GUI-subsystem) program, so Task Scheduler starts it without a
console window; ``wolkvox.exe`` is a console program and would open one every 5 minutes.

* Frozen (the installed app): the window's executable beside ``sys.executable`` (which may
  be ``wolkvox``/``wolkvox.exe``, the command line) with ``--run-due``.
* From source: the interpreter with ``-m wolkvox_desktop --run-due`` (on Windows
  ``pythonw.exe`` beside ``python.exe``: no console either).

``--run-due`` is routed to ``wolkvox plan run-due`` before anything of Qt is imported
(``build_specs/launcher.py``, ``wolkvox_desktop/__main__.py``,
:mod:`wolkvox_desktop.cli.scheduled_run`). ``--data-folder DIR`` follows it when the
command was registered with ``WOLKVOX_DESKTOP_HOME`` set, so the schedule runs the plans of
the data folder it was turned on for, whatever environment the OS gives it.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from wolkvox_desktop import APP_ID

RUN_DUE_SWITCH = "--run-due"
DATA_FOLDER_OPTION = "--data-folder"
INTERVAL_MINUTES = 5
SOURCE_MODULE = "wolkvox_desktop"


class ScheduleError(Exception):
    """The OS schedule could not be read or changed; ``str()`` is a sentence a person can
    act on (it names the program that failed and what it said)."""


@dataclass(frozen=True)
class ScheduledCommand:
    """A program, its arguments, and variables set for it (``environment``: name, value)."""

    program: str
    arguments: tuple[str, ...]
    environment: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        for value in (self.program, *self.arguments, *(v for pair in self.environment
                                                       for v in pair)):
            if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
                raise ValueError("a scheduled command cannot hold control characters "
                                 "(a line break would split a crontab line or a unit)")
        if not self.program:
            raise ValueError("a scheduled command needs a program")

    @property
    def argv(self) -> tuple[str, ...]:
        return (self.program, *self.arguments)

    @property
    def env(self) -> dict[str, str]:
        return dict(self.environment)

    def data_folder(self) -> str | None:
        """The data folder the command names (``--data-folder DIR``), if any."""
        args = self.arguments
        for index, arg in enumerate(args[:-1]):
            if arg == DATA_FOLDER_OPTION:
                return args[index + 1]
        return None

    def runs_due_plans(self) -> bool:
        return RUN_DUE_SWITCH in self.arguments

    def shown(self, *, windows: bool = False) -> str:
        """The command as a person would type it (Command Prompt or a POSIX shell)."""
        if windows:
            return subprocess.list2cmdline(list(self.argv))
        words = [f"{name}={shlex.quote(value)}" for name, value in self.environment]
        return " ".join([*words, *(shlex.quote(a) for a in self.argv)])


def run_due_command(program: str, prefix: Sequence[str] = (), *,
                    data_folder: str | None = None,
                    environment: Mapping[str, str] | None = None) -> ScheduledCommand:
    """``program [prefix…] --run-due [--data-folder DIR]``."""
    arguments = [*prefix, RUN_DUE_SWITCH]
    if data_folder:
        arguments += [DATA_FOLDER_OPTION, data_folder]
    return ScheduledCommand(program, tuple(arguments),
                            tuple(sorted((environment or {}).items())))


def window_program(executable: str, *, frozen: bool, system: str,
                   exists: Callable[[str], bool] | None = None) -> tuple[str, tuple[str, ...]]:
    """The program (and arguments before ``--run-due``) that is this app's window.

    ``executable`` is ``sys.executable`` with symbolic links resolved; ``system`` is
    ``windows``, ``macos`` or ``linux``. Frozen, the window's executable sits beside every
    executable of the app (``wolkvox`` is a link to it, or on Windows a second
    executable in the same folder)."""
    if frozen:
        name = f"{APP_ID}.exe" if system == "windows" else APP_ID
        if system == "windows":
            return str(PureWindowsPath(executable).with_name(name)), ()
        return str(Path(executable).with_name(name)), ()
    program = executable
    if system == "windows":
        windowless = str(PureWindowsPath(executable).with_name("pythonw.exe"))
        if (exists or os.path.exists)(windowless):
            program = windowless
    return program, ("-m", SOURCE_MODULE)


def this_apps_command(data_folder: str | None = None,
                      environment: Mapping[str, str] | None = None) -> ScheduledCommand:
    """What this installation registers: see the module docstring."""
    frozen = bool(getattr(sys, "frozen", False))
    executable = os.path.realpath(sys.executable) if frozen else sys.executable
    program, prefix = window_program(executable, frozen=frozen, system=system_name())
    return run_due_command(program, prefix, data_folder=data_folder, environment=environment)


def system_name() -> str:
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def same_path(a: str, b: str, *, windows: bool) -> bool:
    """Whether two program paths name the same file. On Windows case does not matter, and
    a letter that ``schtasks`` could not write in the console's code page (``?`` or
    U+FFFD) matches any letter."""
    if not windows:
        return os.path.normpath(a) == os.path.normpath(b)
    x, y = a.casefold(), b.casefold()
    if len(x) != len(y):
        return False
    return all(p == q or p in "?\ufffd" or q in "?\ufffd" for p, q in zip(x, y, strict=True))

