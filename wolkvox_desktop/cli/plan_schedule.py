"""``wolkvox plan schedule on|off|status [--json]``: the system's own schedule for the plans
(the Plans window's switch "Run plans when the app is closed"), for IT people who script
it: :class:`~wolkvox_desktop.core.os_schedule.service.OsSchedule` does the work.

Exit codes: 0; 1 when the schedule cannot be changed or read (the sentence says why), and
for ``status`` when something is wrong with it (no check for 30 minutes, a program that
is gone, another copy's entry).
"""

from __future__ import annotations

from wolkvox_desktop.cli.output import EXIT_LOCAL, EXIT_OK, err, say, say_json
from wolkvox_desktop.core.os_schedule.command import INTERVAL_MINUTES, ScheduleError
from wolkvox_desktop.core.os_schedule.service import OsSchedule, ScheduleStatus
from wolkvox_desktop.core.schedule import LocalZone

TITLE = "Run plans when the app is closed"


def run(action: str, *, json_mode: bool, schedule: OsSchedule | None = None) -> int:
    schedule = schedule or OsSchedule.for_this_computer()
    try:
        if action == "on":
            status = schedule.turn_on()
        elif action == "off":
            was_on = schedule.status().on
            status = schedule.turn_off()
        else:
            status = schedule.status()
    except ScheduleError as exc:
        err(str(exc))
        return EXIT_LOCAL
    if json_mode:
        say_json(status.to_json())
    else:
        if action == "on":
            where = status.where or "the system's schedule"
            say(f"Turned on: {where} runs the plans' check every {INTERVAL_MINUTES} minutes.")
        elif action == "off":
            say("Turned off: the system's schedule for the plans is removed." if was_on
                else "It was off already: nothing to remove.")
        describe(status)
    if action == "status" and status.problems:
        return EXIT_LOCAL
    return EXIT_OK


def describe(status: ScheduleStatus) -> None:
    """The status in a few lines: on/off and how, what it runs, the last check, problems."""
    zone = LocalZone.system()
    if not status.on:
        how = (f"`wolkvox plan schedule on` turns it on ({status.method})" if status.available
               else "this computer has no scheduler it can use (no systemd user session, "
                    "no crontab command)")
        say(f"{TITLE}: off (plans run only while the app is open); {how}.")
    else:
        say(f"{TITLE}: on ({status.where}, every {INTERVAL_MINUTES} minutes).")
        assert status.entry is not None
        say(f"It runs: {status.entry.shown(windows=status.windows)}")
    beat = status.heartbeat
    if beat is not None:
        said = f": {beat.said}" if beat.said else ""
        say(f"Last check: {zone.local(beat.at):%Y-%m-%d %H:%M} (exit {beat.exit_code}{said})")
    elif status.on:
        say("Last check: none recorded yet.")
    for problem in status.problems:
        err(f"Problem: {status.problem_sentence(problem)}")
