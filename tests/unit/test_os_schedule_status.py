"""What counts as a problem with the system's schedule for the plans (the values that
``plan schedule status`` and the Plans window show): computed from the entry found, the
heartbeat and when the switch was turned on, at a given moment."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone

import pytest

from wolkvox_desktop.core.os_schedule.command import ScheduledCommand, run_due_command
from wolkvox_desktop.core.os_schedule.heartbeat import Heartbeat, TurnedOn
from wolkvox_desktop.core.os_schedule.service import Problem, ScheduleStatus

NOW = datetime(2026, 3, 10, 12, 40, tzinfo=timezone.utc)
MINE = run_due_command(sys.executable, ("-m", "wolkvox_desktop"))


def status(*, entry: ScheduledCommand | None = MINE, loaded: bool = True,
           beat_minutes_ago: float | None = None, exit_code: int = 0,
           on_minutes_ago: float | None = 120) -> ScheduleStatus:
    beat = (Heartbeat(NOW - timedelta(minutes=beat_minutes_ago), exit_code, "words")
            if beat_minutes_ago is not None else None)
    turned = (TurnedOn(NOW - timedelta(minutes=on_minutes_ago), "crontab")
              if on_minutes_ago is not None else None)
    return ScheduleStatus(method="crontab", where="a line in your crontab", entry=entry,
                          expected=MINE, loaded=loaded, heartbeat=beat, turned_on=turned,
                          now=NOW)


def test_off_has_no_problem_and_a_recent_check_none_either() -> None:
    assert status(entry=None, beat_minutes_ago=400).problems == ()
    assert status(beat_minutes_ago=4).problems == ()
    assert status(beat_minutes_ago=4).minutes_since_check() == 4


@pytest.mark.parametrize(("on", "beat", "expected"), [
    (10, None, ()),  # just turned on: the first check is still to come
    (31, None, (Problem.NEVER_RAN,)),
    (31, 60, (Problem.NEVER_RAN,)),  # the only check is from before it was turned on
    (None, None, (Problem.NEVER_RAN,)),  # made elsewhere, never seen to run here
    (120, 31, (Problem.STALE,)),
    (10, 45, ()),  # turned on again 10 minutes ago: the old check does not count
    (120, 29, ()),
])
def test_thirty_minutes_without_a_check_is_a_problem(on: float | None, beat: float | None,
                                                     expected: tuple[Problem, ...]) -> None:
    assert status(on_minutes_ago=on, beat_minutes_ago=beat).problems == expected


@pytest.mark.parametrize(("code", "problem"), [(0, False), (3, False), (4, False), (5, False),
                                               (1, True), (2, True), (130, True)])
def test_a_local_failure_of_the_last_check_is_a_problem_a_calls_outcome_is_not(
        code: int, problem: bool) -> None:
    found = status(beat_minutes_ago=2, exit_code=code).problems
    assert found == ((Problem.LAST_RUN_FAILED,) if problem else ())


def test_an_entry_that_cannot_run_or_is_not_this_copys_hides_the_traces_problems() -> None:
    gone = run_due_command("/nowhere/wolkvox-desktop")
    assert status(entry=gone, beat_minutes_ago=400).problems == (
        Problem.PROGRAM_MISSING, Problem.OTHER_COMMAND)
    assert status(loaded=False).problems == (Problem.NOT_LOADED,)
    other_folder = run_due_command(sys.executable, ("-m", "wolkvox_desktop"),
                                   data_folder="/srv/other")
    found = status(entry=other_folder)
    assert found.problems == (Problem.OTHER_COMMAND,)
    assert "/srv/other" in found.problem_sentence(Problem.OTHER_COMMAND)


def test_the_json_says_what_it_runs_and_each_problem_in_words() -> None:
    obj = status(beat_minutes_ago=45).to_json()
    assert obj["on"] is True and obj["runs"] == list(MINE.argv) and obj["runs_this_copy"]
    assert obj["last_check"]["exit_code"] == 0
    assert obj["problems"] == [{"problem": "stale", "message": (
        "No scheduled check for 45 minutes: the computer may have been asleep or off; "
        "otherwise the schedule does not run.")}]
