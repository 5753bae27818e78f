"""Linux: a systemd user timer where ``systemctl --user`` works, else a crontab line.

* systemd (systemd.timer(5), systemd.service(5)): ``wolkvox-desktop-plans.timer`` with
  ``OnCalendar=*:0/5`` starts ``wolkvox-desktop-plans.service`` (``Type=oneshot``: while a
  run goes on, the timer does not start a second one), in
  ``$XDG_CONFIG_HOME/systemd/user``; enabled with ``systemctl --user enable --now``. The
  user manager carries the session bus, so the keyring is reachable. In ``ExecStart=``
  every word is double-quoted (C escapes), ``%`` is written ``%%`` (a specifier
  otherwise) and ``$`` is written ``$$`` (a variable otherwise).
* cron (crontab(5)): one line in the user's crontab, ending with a marker comment so that
  turning the switch off removes that line and nothing else. cron gives the command no
  session bus: ``DBUS_SESSION_BUS_ADDRESS`` is set on the line (``/run/user/<uid>/bus``
  where it exists, else the address of the session that turned the switch on). In the
  command ``%`` is written ``\\%`` (cron turns a bare one into a line break).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from wolkvox_desktop import APP_NAME
from wolkvox_desktop.core.os_schedule.command import (
    INTERVAL_MINUTES,
    ScheduledCommand,
    ScheduleError,
)
from wolkvox_desktop.core.os_schedule.runner import Runner, run

UNIT = "wolkvox-desktop-plans"
BUS_ENV = "DBUS_SESSION_BUS_ADDRESS"
CRON_MARKER = "# wolkvox-desktop: plans run-due"
CRON_NOTE = "(the app's switch; `wolkvox plan schedule off` removes this line)"
SYSTEMD_METHOD = "systemd user timer"
CRON_METHOD = "crontab"


# ---------------------------------------------------------------- systemd


def _systemd_word(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("%", "%%").replace("$", "$$") + '"'


def systemd_units(command: ScheduledCommand) -> tuple[str, str]:
    """``(service, timer)``: the texts of the two unit files."""
    exec_start = " ".join(_systemd_word(word) for word in command.argv)
    environment = "".join(f"Environment={_systemd_word(f'{name}={value}')}\n"
                          for name, value in command.environment)
    description = f"{APP_NAME}: run the shift plans whose time has come"
    service = (f"[Unit]\nDescription={description} (plan run-due)\n\n"
               f"[Service]\nType=oneshot\n{environment}ExecStart={exec_start}\n")
    timer = (f"[Unit]\nDescription={description}, every {INTERVAL_MINUTES} minutes\n\n"
             f"[Timer]\nOnCalendar=*:0/{INTERVAL_MINUTES}\nAccuracySec=10s\n"
             f"Unit={UNIT}.service\n\n[Install]\nWantedBy=timers.target\n")
    return service, timer


def _split_systemd(text: str) -> list[str]:
    """The words of an ``ExecStart=`` written by :func:`systemd_units`."""
    words: list[str] = []
    for match in re.finditer(r'"((?:[^"\\]|\\.)*)"|(\S+)', text):
        quoted, bare = match.groups()
        word = re.sub(r"\\(.)", r"\1", quoted) if quoted is not None else bare
        words.append(word.replace("%%", "%").replace("$$", "$"))
    return words


def command_of_service(text: str) -> ScheduledCommand | None:
    exec_line = re.search(r"^ExecStart=(.*)$", text, re.M)
    if exec_line is None:
        return None
    argv = _split_systemd(exec_line.group(1))
    env = []
    for line in re.findall(r"^Environment=(.*)$", text, re.M):
        for word in _split_systemd(line):
            name, _, value = word.partition("=")
            env.append((name, value))
    if not argv:
        return None
    return ScheduledCommand(argv[0], tuple(argv[1:]), tuple(sorted(env)))


def units_folder() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".config") / "systemd" / "user"


@dataclass
class SystemdTimerEntry:
    """The user's timer and service (the unit files, and whether the timer is enabled)."""

    folder: Path = field(default_factory=units_folder)
    runner: Runner = run
    method: str = SYSTEMD_METHOD

    @property
    def service_path(self) -> Path:
        return self.folder / f"{UNIT}.service"

    @property
    def timer_path(self) -> Path:
        return self.folder / f"{UNIT}.timer"

    @property
    def where(self) -> str:
        return f"the systemd user timer {self.timer_path}"

    def _systemctl(self, *args: str) -> int:
        return self.runner(["systemctl", "--user", *args]).returncode

    def available(self) -> bool:
        """Whether this session has a systemd user manager that answers."""
        if shutil.which("systemctl") is None:
            return False
        try:
            return self._systemctl("show-environment") == 0
        except ScheduleError:
            return False

    def read(self) -> ScheduledCommand | None:
        try:
            return command_of_service(self.service_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None

    def loaded(self) -> bool:
        return self.available() and self._systemctl("is-enabled", "--quiet",
                                                    f"{UNIT}.timer") == 0

    def install(self, command: ScheduledCommand, *, now: datetime) -> None:
        service, timer = systemd_units(command)
        self.folder.mkdir(parents=True, exist_ok=True)
        for path, text in ((self.service_path, service), (self.timer_path, timer)):
            temporary = path.with_name(path.name + ".tmp")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, path)
        for args in (("daemon-reload",), ("enable", "--now", f"{UNIT}.timer")):
            result = self.runner(["systemctl", "--user", *args])
            if result.returncode != 0:
                raise ScheduleError(f"systemd did not take the timer {UNIT}.timer: "
                                    f"{result.said('systemctl --user ' + args[0])}")

    def remove(self) -> bool:
        there = self.service_path.exists() or self.timer_path.exists()
        if not there:
            return False
        if self.available():
            self._systemctl("disable", "--now", f"{UNIT}.timer")
        for path in (self.timer_path, self.service_path):
            path.unlink(missing_ok=True)
        if self.available():
            self._systemctl("daemon-reload")
        return True


# ---------------------------------------------------------------- cron


def crontab_line(command: ScheduledCommand) -> str:
    """The crontab line: every 5 minutes, the variables, the command, the marker."""
    words = [f"{name}={shlex.quote(value)}" for name, value in command.environment]
    words += [shlex.quote(word) for word in command.argv]
    text = " ".join(words).replace("%", "\\%")
    return f"*/{INTERVAL_MINUTES} * * * * {text} {CRON_MARKER} {CRON_NOTE}"


def is_our_line(line: str) -> bool:
    return CRON_MARKER in line and not line.lstrip().startswith("#")


def command_of_line(line: str) -> ScheduledCommand | None:
    head, _, _ = line.partition(CRON_MARKER)
    fields = head.split(None, 5)
    if len(fields) < 6:
        return None
    try:
        words = shlex.split(fields[5].replace("\\%", "%"))
    except ValueError:
        return None
    env = []
    while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0], re.S):
        name, _, value = words.pop(0).partition("=")
        env.append((name, value))
    if not words:
        return None
    return ScheduledCommand(words[0], tuple(words[1:]), tuple(sorted(env)))


def with_line(crontab: str, line: str) -> str:
    """``crontab`` with our line (any earlier one of ours replaced), ending in a newline."""
    kept = [x for x in crontab.splitlines() if not is_our_line(x)]
    return "\n".join([*kept, line]) + "\n"


def without_our_lines(crontab: str) -> str:
    kept = [x for x in crontab.splitlines() if not is_our_line(x)]
    return "\n".join(kept) + "\n" if kept else ""


def session_bus(uid: int, environ: dict[str, str] | None = None) -> str | None:
    """The session bus address a cron job of this user can use (see the module doc)."""
    runtime = Path(f"/run/user/{uid}/bus")
    if runtime.exists():
        return f"unix:path={runtime}"
    current = (environ if environ is not None else dict(os.environ)).get(BUS_ENV, "")
    return current or None


@dataclass
class CrontabEntry:
    """Our line in the user's crontab (``crontab -l`` / ``crontab -``)."""

    runner: Runner = run
    method: str = CRON_METHOD

    @property
    def where(self) -> str:
        return "a line in your crontab"

    def available(self) -> bool:
        return shutil.which("crontab") is not None

    def current(self) -> str:
        """The user's crontab ("" when there is none)."""
        result = self.runner(["crontab", "-l"])
        if result.returncode == 0:
            return result.stdout.decode("utf-8", errors="surrogateescape")
        if b"no crontab" in result.stderr.lower():
            return ""
        raise ScheduleError(f"The crontab could not be read: {result.said('crontab -l')}")

    def _write(self, text: str) -> None:
        if text:
            result = self.runner(["crontab", "-"],
                                 input=text.encode("utf-8", errors="surrogateescape"))
        else:
            result = self.runner(["crontab", "-r"])  # nothing left: no crontab, as before
        if result.returncode != 0:
            raise ScheduleError(f"The crontab could not be written: {result.said('crontab')}")

    def read(self) -> ScheduledCommand | None:
        if not self.available():
            return None
        lines = [x for x in self.current().splitlines() if is_our_line(x)]
        return command_of_line(lines[-1]) if lines else None

    def loaded(self) -> bool:
        return True

    def install(self, command: ScheduledCommand, *, now: datetime) -> None:
        self._write(with_line(self.current(), crontab_line(command)))

    def remove(self) -> bool:
        if not self.available():
            return False
        current = self.current()
        remaining = without_our_lines(current)
        if remaining == current or (not remaining and not current.strip()):
            return False
        self._write(remaining)
        return True


def linux_prepare(entry: object, command: ScheduledCommand) -> ScheduledCommand:
    """The command for ``entry``: a crontab line also gets the session bus's address."""
    if getattr(entry, "method", None) != CRON_METHOD or BUS_ENV in command.env:
        return command
    bus = session_bus(os.getuid())
    if bus is None:
        return command
    return replace(command, environment=tuple(sorted({**command.env, BUS_ENV: bus}.items())))
