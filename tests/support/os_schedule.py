"""The account's own schedules, for tests that really turn "Run plans when the app is
closed" on and off: the crontab (a per-account file cron keeps; there is no throwaway one)
and the systemd user units. Each fixture puts back exactly what the account had.

Which one a Linux computer uses is :class:`~wolkvox_desktop.core.os_schedule.service.
OsSchedule`'s choice: the systemd user timer where ``systemctl --user`` answers, else the
crontab line. Tests of the other one are skipped with the reason.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from wolkvox_desktop.core.os_schedule import linux


def systemd_user_works() -> bool:
    return linux.SystemdTimerEntry().available()


def crontab_text() -> bytes | None:
    """The account's crontab, or None when it has none."""
    result = subprocess.run(["crontab", "-l"], capture_output=True, check=False)
    return result.stdout if result.returncode == 0 else None


@pytest.fixture
def users_crontab() -> Iterator[bytes | None]:
    """The account's crontab as it was; put back byte for byte afterwards (or none)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the crontab fallback is Linux's")
    if shutil.which("crontab") is None:
        pytest.skip("needs the crontab command (Debian package cron, .ci/apt-packages.txt)")
    before = crontab_text()
    yield before
    if before is None:
        subprocess.run(["crontab", "-r"], capture_output=True, check=False)
    else:
        subprocess.run(["crontab", "-"], input=before, check=True)
    assert crontab_text() == before, "the account's crontab was not restored"


@pytest.fixture
def cron_is_the_choice(users_crontab: bytes | None) -> bytes | None:
    if systemd_user_works():
        pytest.skip("systemctl --user works here: the switch uses the systemd user timer")
    return users_crontab


@pytest.fixture
def users_systemd_units() -> Iterator[Path]:
    """The account's systemd user folder; our two units put back as they were."""
    if not sys.platform.startswith("linux") or not systemd_user_works():
        pytest.skip("systemctl --user does not work here (no systemd user manager for this "
                    "session): the switch uses a crontab line instead")
    entry = linux.SystemdTimerEntry()
    saved = {p: p.read_bytes() for p in (entry.service_path, entry.timer_path) if p.exists()}
    enabled = entry.loaded()
    yield entry.folder
    entry.remove()
    for path, data in saved.items():
        path.write_bytes(data)
    if saved:
        subprocess.run(["systemctl", "--user", "daemon-reload"], check=False)
        if enabled:
            subprocess.run(["systemctl", "--user", "enable", "--now",
                            f"{linux.UNIT}.timer"], check=False)


def as_cron_runs(line: str, *, home: Path) -> subprocess.CompletedProcess[str]:
    """Run a crontab line's command as cron does: ``/bin/sh -c`` with cron's environment
    (HOME, LOGNAME, PATH=/usr/bin:/bin, SHELL=/bin/sh and nothing else) and crontab(5)'s
    ``%`` rule (``\\%`` is a ``%``; an unescaped one would end the command)."""
    command = line.split(None, 5)[5]
    assert "%" not in command.replace("\\%", ""), "an unescaped % in the command"
    command = command.replace("\\%", "%")
    user = os.environ.get("LOGNAME") or os.environ.get("USER") or "root"
    env = {"HOME": str(home), "LOGNAME": user, "PATH": "/usr/bin:/bin", "SHELL": "/bin/sh"}
    return subprocess.run(["/bin/sh", "-c", command], env=env, capture_output=True, text=True,
                          timeout=120, check=False, cwd=home)


def shown(argv: list[str]) -> str:
    return " ".join(shlex.quote(a) for a in argv)
