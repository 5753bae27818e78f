"""Running the OS's own tools (``schtasks``, ``launchctl``, ``systemctl``, ``crontab``):
bounded in time, never through a shell, never with a console window.

From the window on Windows (a windowed program) a console tool started plainly would get
invalid standard handles ("[WinError 6] The handle is invalid", pyinstaller#3392) and
flash a console window: every stream is given (stdin from ``os.devnull``, the output
captured) and ``CREATE_NO_WINDOW`` is set.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wolkvox_desktop.core.os_schedule.command import ScheduleError

TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Completed:
    returncode: int
    stdout: bytes
    stderr: bytes

    def text(self) -> str:
        return self.stdout.decode("utf-8", errors="replace")

    def said(self, tool: str) -> str:
        """What the tool said about its failure, in one line (its own words, shortened)."""
        words = " ".join((self.stderr or self.stdout).decode("utf-8", errors="replace")
                         .split())
        if len(words) > 300:
            words = words[:297] + "..."
        return f"{tool} ended with exit {self.returncode}" + (f" ({words})" if words else "")


Runner = Callable[..., Completed]


def run(cmd: Sequence[str], *, input: bytes | None = None,  # noqa: A002 - subprocess's name
        timeout: float = TIMEOUT_S) -> Completed:
    """Run ``cmd``; raises :class:`ScheduleError` when it cannot be started or overruns."""
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    try:
        proc = subprocess.run(list(cmd), input=input, capture_output=True, timeout=timeout,
                              stdin=None if input is not None else subprocess.DEVNULL,
                              creationflags=flags, check=False)
    except FileNotFoundError:
        raise ScheduleError(f"The command {cmd[0]!r} is not on this computer.") from None
    except subprocess.TimeoutExpired:
        raise ScheduleError(f"{cmd[0]} did not answer within {timeout:.0f} s.") from None
    except OSError as exc:
        raise ScheduleError(f"{cmd[0]} could not be started: "
                            f"{exc.strerror or type(exc).__name__}.") from None
    return Completed(proc.returncode, proc.stdout or b"", proc.stderr or b"")
