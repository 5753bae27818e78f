"""``wolkvox plan schedule on|off|status`` on Linux, for real: the account's crontab (or its
systemd user timer where ``systemctl --user`` works), real ``wolkvox`` processes, and the
scheduled command run as cron runs it. The account's own schedule is put back exactly
(tests/support/os_schedule.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from tests.support.os_schedule import as_cron_runs, crontab_text
from wolkvox_desktop.core.os_schedule import heartbeat, linux
from wolkvox_desktop.core.os_schedule.command import run_due_command
from wolkvox_desktop.core.os_schedule.heartbeat import Heartbeat, TurnedOn
from wolkvox_desktop.core.os_schedule.service import OsSchedule, Problem

CLI = [sys.executable, "-m", "wolkvox_desktop.cli"]
THEIRS = b"# the account's own lines stay as they are\nMAILTO=\"\"\n0 3 * * * /bin/true  \n"


def schedule(*args: str) -> tuple[int, str, str]:
    proc = subprocess.run([*CLI, "plan", "schedule", *args], capture_output=True, text=True,
                          timeout=60, check=False)
    assert "Traceback" not in proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


def status_json() -> dict[str, Any]:
    code, out, _err = schedule("status", "--json")
    obj = json.loads(out)
    assert code == (1 if obj["problems"] else 0)
    return obj


def our_lines() -> list[str]:
    return [x for x in (crontab_text() or b"").decode().splitlines() if linux.is_our_line(x)]


def test_on_adds_one_line_that_runs_this_copy_and_off_leaves_the_rest_as_it_was(
        cron_is_the_choice: bytes | None, app_home: Path) -> None:
    subprocess.run(["crontab", "-"], input=THEIRS, check=True)
    assert status_json()["on"] is False

    code, out, err = schedule("on")
    assert code == 0, err
    assert "Turned on: a line in your crontab runs the plans' check every 5 minutes." in out
    lines = our_lines()
    assert len(lines) == 1 and lines[0].startswith("*/5 * * * * ")
    assert linux.command_of_line(lines[0]).argv == (   # type: ignore[union-attr]
        sys.executable, "-m", "wolkvox_desktop", "--run-due", "--data-folder", str(app_home))
    assert (crontab_text() or b"").startswith(THEIRS)
    state = status_json()
    assert state["on"] and state["runs_this_copy"] and state["method"] == "crontab"
    assert state["last_check"] is None and state["problems"] == []  # just turned on

    code, _out, err = schedule("on")  # again: still one line
    assert code == 0, err
    assert len(our_lines()) == 1

    code, out, err = schedule("off")
    assert code == 0, err
    assert "Turned off" in out
    assert crontab_text() == THEIRS  # byte for byte
    code, out, _err = schedule("off")
    assert code == 0 and "It was off already" in out


def test_status_reports_the_check_after_cron_ran_the_line(
        cron_is_the_choice: bytes | None, app_home: Path, tmp_path: Path) -> None:
    assert schedule("on")[0] == 0
    ran = as_cron_runs(our_lines()[0], home=tmp_path)  # a real run-due, in cron's environment
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout == "" and ran.stderr == ""  # nothing for cron to mail

    state = status_json()
    check = state["last_check"]
    assert check["exit_code"] == 0 and check["said"] == "No plan is due."
    at = datetime.fromisoformat(check["at"])
    assert timedelta(0) <= datetime.now(timezone.utc) - at < timedelta(minutes=5)
    assert state["problems"] == []
    code, out, _err = schedule("status")
    assert code == 0
    assert "Run plans when the app is closed: on (a line in your crontab, every 5 minutes)." in out
    assert "(exit 0: No plan is due.)" in out
    assert schedule("off")[0] == 0
    assert our_lines() == []


def test_no_check_for_thirty_minutes_is_a_problem(cron_is_the_choice: bytes | None,
                                                  app_home: Path) -> None:
    assert schedule("on")[0] == 0
    long_ago = datetime.now(timezone.utc) - timedelta(minutes=45)
    heartbeat.write_turned_on(app_home, TurnedOn(long_ago - timedelta(hours=1), "crontab"))
    heartbeat.write_heartbeat(app_home, Heartbeat(long_ago, 0, "No plan is due."))
    code, _out, err = schedule("status")
    assert code == 1
    assert "Problem: No scheduled check for 45 minutes" in err
    assert [p["problem"] for p in status_json()["problems"]] == [Problem.STALE.value]

    heartbeat.write_heartbeat(app_home, Heartbeat(datetime.now(timezone.utc), 1,
                                                  "Wolkvox Desktop cannot use its data folder"))
    problems = status_json()["problems"]
    assert [p["problem"] for p in problems] == [Problem.LAST_RUN_FAILED.value]
    assert problems[0]["message"].startswith("The last scheduled check ended with exit 1: ")


def test_another_copys_line_or_a_missing_program_is_a_problem(
        cron_is_the_choice: bytes | None, app_home: Path, tmp_path: Path) -> None:
    gone = tmp_path / "Wolkvox Ñandú" / "wolkvox-desktop"
    old = OsSchedule([linux.CrontabEntry()], app_home, run_due_command(str(gone)))
    old.turn_on()
    mine = OsSchedule.for_this_computer()  # this copy: the interpreter, -m wolkvox_desktop
    found = mine.status()
    assert found.on and not found.runs_this_copy()
    assert found.problems == (Problem.PROGRAM_MISSING, Problem.OTHER_COMMAND)
    assert str(gone) in found.problem_sentence(Problem.PROGRAM_MISSING)
    mine.turn_on()  # replaces the other copy's line
    assert len(our_lines()) == 1 and mine.status().problems == ()
    mine.turn_off()
    assert our_lines() == []


def test_the_systemd_timer_is_enabled_runs_and_is_removed(users_systemd_units: Path,
                                                           app_home: Path) -> None:
    code, _out, err = schedule("on")
    assert code == 0, err
    entry = linux.SystemdTimerEntry()
    assert entry.service_path.is_file() and entry.timer_path.is_file() and entry.loaded()
    subprocess.run(["systemctl", "--user", "start", f"{linux.UNIT}.service"], check=True,
                   timeout=120)
    assert status_json()["last_check"]["exit_code"] == 0
    assert schedule("off")[0] == 0
    assert not entry.service_path.exists() and not entry.timer_path.exists()


def test_a_computer_without_any_scheduler_says_so(app_home: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-path"
    empty.mkdir()
    env = dict(os.environ, PATH=str(empty))
    proc = subprocess.run([*CLI, "plan", "schedule", "on"], capture_output=True, text=True,
                          env=env, timeout=60, check=False)
    assert proc.returncode == 1
    assert "no systemd user session and no crontab command" in proc.stderr
    assert "Traceback" not in proc.stderr
