"""``wolkvox-desktop --run-due [--data-folder DIR]``: what the OS schedule runs.

``wolkvox plan run-due`` with no console output, through the window's own program (see
:mod:`wolkvox_desktop.core.os_schedule.command` for why), routed here before anything of
Qt is imported (``build_specs/launcher.py``, ``python -m wolkvox_desktop``).

* Nothing is printed: a windowed program has no standard streams at all on Windows
  (``sys.stdout`` and ``sys.stderr`` are ``None``, as under ``pythonw``; PyInstaller's
  windowed bootloader leaves them so), and cron would mail every line. The streams are
  replaced before the command's modules load, by ones that keep what the command says;
  it goes to the log file instead (the command logs its calls there already).
* When it ends, the heartbeat (:mod:`wolkvox_desktop.core.os_schedule.heartbeat`) records
  the time, the exit code and the last thing said, for ``plan schedule status`` and the
  Plans window.
* The exit code is run-due's (Task Scheduler shows it as the task's last result).
"""

from __future__ import annotations

import contextlib
import gc
import io
import logging
import os
import sys
from collections import deque
from typing import NoReturn

from wolkvox_desktop.core.os_schedule.command import DATA_FOLDER_OPTION, RUN_DUE_SWITCH

MAX_LINES = 200
EXIT_USAGE = 2

log = logging.getLogger(__name__)


def wanted(argv: list[str]) -> bool:
    """Whether the program's arguments (without its name) ask for the scheduled check."""
    return bool(argv) and argv[0] == RUN_DUE_SWITCH


class KeptOutput(io.TextIOBase):
    """A text stream that keeps the last lines written to it (never a terminal)."""

    def __init__(self, name: str, lines: deque[tuple[str, str]]) -> None:
        super().__init__()
        self.name = name
        self._lines = lines
        self._partial = ""

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        self._partial += text
        *complete, self._partial = self._partial.split("\n")
        for line in complete:
            if line.strip():
                self._lines.append((self.name, line))
        return len(text)

    def flush(self) -> None:
        if self._partial.strip():
            self._lines.append((self.name, self._partial))
        self._partial = ""


def data_folder_of(argv: list[str]) -> str | None:
    """``--run-due`` alone, or with ``--data-folder DIR``; ValueError otherwise."""
    rest = argv[1:]
    if not rest:
        return None
    if len(rest) == 2 and rest[0] == DATA_FOLDER_OPTION and rest[1].strip():
        return rest[1]
    raise ValueError("usage: --run-due [--data-folder DIR]")


def run(argv: list[str]) -> NoReturn:
    """Run the check and end the process with its exit code (``argv``: the arguments
    without the program's name, starting with ``--run-due``)."""
    gc.disable()  # as the wolkvox program does: see wolkvox_desktop.cli.run_command
    said: deque[tuple[str, str]] = deque(maxlen=MAX_LINES)
    sys.stdout = KeptOutput("stdout", said)
    sys.stderr = KeptOutput("stderr", said)
    try:
        folder = data_folder_of(argv)
    except ValueError:
        os._exit(EXIT_USAGE)
    if folder is not None:
        from wolkvox_desktop.core.paths import HOME_ENV

        os.environ[HOME_ENV] = folder
    code = check()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    _record(code, said)
    logging.shutdown()
    if sys.gettrace() is None:
        os._exit(code)
    sys.exit(code)


def check() -> int:
    """``wolkvox plan run-due``'s exit code (the command itself never raises)."""
    from wolkvox_desktop.cli import command, runtime

    runtime.state.gc_paused = True
    return command.main(["plan", "run-due"])


def _record(code: int, said: deque[tuple[str, str]]) -> None:
    """What the check said goes to the log; the heartbeat to the data folder."""
    from wolkvox_desktop import __version__
    from wolkvox_desktop.core import paths
    from wolkvox_desktop.core.os_schedule.heartbeat import Heartbeat, write_heartbeat
    from wolkvox_desktop.core.schedule import utc_now

    for stream, line in said:
        log.log(logging.INFO if stream == "stdout" else logging.WARNING, "run-due: %s", line)
    # the sentence that explains the exit code: a failure's is on stderr, news on stdout
    last = next((line for stream, line in reversed(said) if code == 0 or stream == "stderr"),
                said[-1][1] if said else "")
    with contextlib.suppress(OSError):  # no usable data folder: the log said why
        write_heartbeat(paths.app_data_dir(), Heartbeat(utc_now(), code, last, __version__))
    log.info("scheduled check ended (exit %d)", code)
