"""Windows: a Task Scheduler task of the user, from XML registered with ``schtasks``.

``schtasks /Create /SC MINUTE`` cannot set the battery conditions, and its defaults are
``DisallowStartIfOnBatteries`` and ``StopIfGoingOnBatteries`` on (Task Scheduler schema,
settingsType: both default to true): a laptop on battery would never run a plan. The XML
says everything (learn.microsoft.com/windows/win32/taskschd/taskschedulerschema-*):

* a ``TimeTrigger`` whose ``Repetition`` ``Interval`` is ``PT5M`` with no ``Duration``
  (repeats for ever), starting at the registration time on the 5-minute grid;
* ``LogonType`` ``InteractiveToken``: runs only while the user is logged on, in their
  session, where Credential Manager can give the token (no password is stored);
  ``RunLevel`` ``LeastPrivilege``: no administrator rights, none asked;
* ``MultipleInstancesPolicy`` ``IgnoreNew`` (a long run is never joined by a second one),
  ``DisallowStartIfOnBatteries`` and ``StopIfGoingOnBatteries`` false,
  ``StartWhenAvailable`` (a start missed while the computer slept comes at once; the run
  reports a slot missed by more than 15 minutes, never runs it late),
  ``ExecutionTimeLimit`` ``PT6H`` (a stuck run gives way to the next one);
* the program is the window's executable (windowed: no console) with ``--run-due``.

The file must be UTF-16 LE with its BOM and say ``encoding="UTF-16"``: ``schtasks``
refuses UTF-8 ("The task XML is malformed", fatso83/vmware-auto-suspend#8, chef/chef#6639).

The task's name carries the user's name (``Wolkvox Desktop plans (ana)``): tasks live in
one folder for the whole computer, and the uninstaller deletes it by that name
(``build_specs/windows/installer.iss``, ``{username}``, which is ``GetUserName``'s).
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from wolkvox_desktop import APP_NAME
from wolkvox_desktop.core.os_schedule.command import (
    INTERVAL_MINUTES,
    ScheduledCommand,
    ScheduleError,
)
from wolkvox_desktop.core.os_schedule.runner import Runner, run

TASK_NAME = f"{APP_NAME} plans ({{user}})"  # the uninstaller's line uses the same name
EXECUTION_TIME_LIMIT = "PT6H"
_FORBIDDEN_IN_NAME = re.compile(r'[\\/:*?"<>|]')
METHOD = "Task Scheduler"


def task_name(user: str) -> str:
    """The task's name for ``user`` (characters a task name cannot hold become ``_``)."""
    return TASK_NAME.format(user=_FORBIDDEN_IN_NAME.sub("_", user).strip() or "user")


def _grid(start: datetime) -> str:
    minute = start.minute - start.minute % INTERVAL_MINUTES
    return start.replace(minute=minute, second=0, microsecond=0, tzinfo=None).isoformat()


def task_xml(command: ScheduledCommand, *, user_id: str, start: datetime) -> str:
    """The task's definition. ``user_id``: ``DOMAIN\\user`` (or a SID) of the user it runs
    as; ``start``: local time of registration (the trigger starts on its 5-minute mark).
    Environment variables cannot be given to a task: the command's must be empty."""
    if command.environment:
        raise ValueError("a Task Scheduler task cannot set environment variables")
    e = html.escape
    arguments = subprocess.list2cmdline(list(command.arguments))
    description = (f"Runs the shift plans of {APP_NAME} whose time has come (plan run-due), "
                   f"every {INTERVAL_MINUTES} minutes while you are logged on. Turn it off "
                   f"in {APP_NAME}: Plans, \u201cRun plans when the app is closed\u201d.")
    return f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Author>{e(APP_NAME)}</Author>
    <Description>{e(description)}</Description>
  </RegistrationInfo>
  <Triggers>
    <TimeTrigger>
      <Repetition>
        <Interval>PT{INTERVAL_MINUTES}M</Interval>
        <StopAtDurationEnd>false</StopAtDurationEnd>
      </Repetition>
      <StartBoundary>{_grid(start)}</StartBoundary>
      <Enabled>true</Enabled>
    </TimeTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <UserId>{e(user_id)}</UserId>
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <AllowHardTerminate>true</AllowHardTerminate>
    <StartWhenAvailable>true</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
    <IdleSettings>
      <StopOnIdleEnd>false</StopOnIdleEnd>
      <RestartOnIdle>false</RestartOnIdle>
    </IdleSettings>
    <AllowStartOnDemand>true</AllowStartOnDemand>
    <Enabled>true</Enabled>
    <Hidden>false</Hidden>
    <RunOnlyIfIdle>false</RunOnlyIfIdle>
    <WakeToRun>false</WakeToRun>
    <ExecutionTimeLimit>{EXECUTION_TIME_LIMIT}</ExecutionTimeLimit>
    <Priority>7</Priority>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{e(subprocess.list2cmdline([command.program]))}</Command>
      <Arguments>{e(arguments)}</Arguments>
    </Exec>
  </Actions>
</Task>
"""


def task_file_bytes(xml: str) -> bytes:
    """What ``schtasks /XML`` reads: UTF-16 little-endian with its byte-order mark."""
    return "\ufeff".encode("utf-16-le") + xml.replace("\n", "\r\n").encode("utf-16-le")


def decode_query(output: bytes) -> str:
    """``schtasks /Query /XML``'s output: UTF-16 when it has a BOM or NULs, else UTF-8, else
    the console's code page (a letter it cannot write comes out as ``?``)."""
    if output.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in output[:200]:
        return output.decode("utf-16", errors="replace")
    try:
        return output.decode("utf-8")
    except UnicodeDecodeError:
        return output.decode("oem" if os.name == "nt" else "latin-1", errors="replace")


def split_windows_arguments(text: str) -> list[str]:
    """The arguments of a command line, split as the C runtime does (the inverse of
    ``subprocess.list2cmdline``): backslashes are literal unless they precede a quote."""
    args: list[str] = []
    current: list[str] = []
    in_quotes = False
    has_word = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            j = i
            while j < len(text) and text[j] == "\\":
                j += 1
            count = j - i
            if j < len(text) and text[j] == '"':
                current.append("\\" * (count // 2))
                if count % 2:
                    current.append('"')
                    j += 1
                has_word = True
                i = j
                continue
            current.append("\\" * count)
            has_word = True
            i = j
            continue
        if ch == '"':
            in_quotes = not in_quotes
            has_word = True
        elif ch in " \t" and not in_quotes:
            if has_word:
                args.append("".join(current))
                current, has_word = [], False
        else:
            current.append(ch)
            has_word = True
        i += 1
    if has_word:
        args.append("".join(current))
    return args


def command_of_task(xml: str) -> ScheduledCommand | None:
    """The program and arguments of a task's first ``Exec`` action (``None``: none)."""
    command = re.search(r"<(?:\w+:)?Command>(.*?)</(?:\w+:)?Command>", xml, re.S)
    if command is None:
        return None
    arguments = re.search(r"<(?:\w+:)?Arguments>(.*?)</(?:\w+:)?Arguments>", xml, re.S)
    raw = html.unescape(command.group(1)).strip()
    # ours is quoted; a path typed without quotes is one program, spaces and all
    program = split_windows_arguments(raw) if raw.startswith('"') else [raw]
    args = split_windows_arguments(html.unescape(arguments.group(1))) if arguments else []
    if not program or not program[0]:
        return None
    return ScheduledCommand(program[0], tuple(program[1:] + args))


# ---------------------------------------------------------------- registration


def user_name() -> str:
    """``GetUserNameW``: the name Inno Setup's ``{username}`` gives the uninstaller."""
    import ctypes

    size = ctypes.c_ulong(257)
    buffer = ctypes.create_unicode_buffer(size.value)
    if ctypes.windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)):  # type: ignore[attr-defined]
        return str(buffer.value)
    return os.environ.get("USERNAME", "user")


def sid_of(whoami_csv: str) -> str | None:
    """The SID in ``whoami /user /fo csv /nh``'s line (``"pc\\ana","S-1-5-21-…"``)."""
    match = re.search(r'"(S-1-[0-9-]+)"', whoami_csv)
    return match.group(1) if match else None


def user_id(runner: Runner = run) -> str:
    """Who the task runs as: the user's SID, as Task Scheduler itself writes a user's own
    task (dahall/TaskScheduler#29), else ``DOMAIN\\user``. A principal is always named: a
    task without one is read as every user's, which needs administrator rights
    (hanamorix/companion-emergence#260)."""
    try:
        found = sid_of(runner(["whoami", "/user", "/fo", "csv", "/nh"]).text())
    except ScheduleError:
        found = None
    if found:
        return found
    domain, name = os.environ.get("USERDOMAIN", ""), user_name()
    return f"{domain}\\{name}" if domain else name


@dataclass
class TaskSchedulerEntry:
    """The user's task, through ``schtasks`` (each call bounded by the runner's timeout)."""

    name: str
    runner: Runner = run
    method: str = METHOD

    @classmethod
    def for_this_user(cls) -> TaskSchedulerEntry:
        return cls(task_name(user_name()))

    @property
    def where(self) -> str:
        return f"the Task Scheduler task \u201c{self.name}\u201d"

    def available(self) -> bool:
        return True

    def read(self) -> ScheduledCommand | None:
        result = self.runner(["schtasks", "/Query", "/TN", self.name, "/XML", "ONE"])
        if result.returncode != 0:
            return None  # no such task (schtasks: "The system cannot find the file")
        return command_of_task(decode_query(result.stdout))

    def loaded(self) -> bool:
        return True  # a task that exists is active (it is never left disabled by us)

    def install(self, command: ScheduledCommand, *, now: datetime) -> None:
        xml = task_xml(command, user_id=user_id(self.runner), start=now)
        fd, path = tempfile.mkstemp(prefix="wolkvox-plans-", suffix=".xml")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(task_file_bytes(xml))
            result = self.runner(["schtasks", "/Create", "/XML", path, "/TN", self.name, "/F"])
        finally:
            Path(path).unlink(missing_ok=True)
        if result.returncode != 0:
            raise ScheduleError(f"Task Scheduler did not take the task \u201c{self.name}\u201d: "
                                f"{result.said('schtasks')}")

    def remove(self) -> bool:
        if self.read() is None:
            return False
        result = self.runner(["schtasks", "/Delete", "/TN", self.name, "/F"])
        if result.returncode != 0:
            raise ScheduleError(f"Task Scheduler did not delete the task \u201c{self.name}\u201d: "
                                f"{result.said('schtasks')}")
        return True
