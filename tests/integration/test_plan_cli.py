"""``wolkvox plan …`` in-process (test_cli.py's harness) and as real processes, against the
simulator on loopback. Schedules are set relative to the real clock in America/Bogota (no
daylight-saving time), so nothing waits; the slot arithmetic itself is tested on a moved
clock in tests/unit/test_schedule.py and test_plan_runs.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.integration import test_cli as cli_harness
from tests.integration.test_cli import Cli, calls
from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.plans import Plan, Schedule
from wolkvox_desktop.core.schedule import LocalZone
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.simulator import Simulator

cli = cli_harness.cli  # main([...]) in-process, WOLKVOX_API_BASE/WOLKVOX_TOKEN set
ZONE = "America/Bogota"
CLI = [sys.executable, "-m", "wolkvox_desktop.cli"]
ADD = ["plan", "add", "Mañana", "--server", "0032", "--action", "start", "--type", "preview"]


@pytest.fixture(autouse=True)
def bogota(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", ZONE)


def save_due_plan(name: str, minutes_ago: float, ids: tuple[str, ...]) -> str:
    """A daily plan whose slot was ``minutes_ago`` minutes ago (the plan was made an hour
    before it); returns the slot's HH:MM."""
    zone = LocalZone.named(ZONE)
    now = datetime.now(timezone.utc)
    slot = zone.local(now - timedelta(minutes=minutes_ago))
    at = f"{slot.hour:02d}:{slot.minute:02d}"
    plan = Plan.create(name, "0032", "start", [CampaignRef(i, CampaignType.PREVIEW) for i in ids],
                       Schedule.parse(at, "daily"))
    with Store(store_path(), clock=lambda: now - timedelta(hours=2)) as store:
        store.save_plan(plan)
    return at


# ------------------------------------------------------------------ add, list, run, remove


def test_add_list_run_and_remove(cli: Cli, simulator: Simulator) -> None:
    ran = cli(*ADD, "--campaign", "3303", "--campaign", "3306", "--at", "07:00", "--days",
              "weekdays")
    assert ran.code == 0, ran.err
    assert "Plan 'Mañana' saved: start 2 campaigns of operation 0032; scheduled at 07:00 " \
           "(weekdays), next on " in ran.out
    assert simulator.requests == []  # saving a plan sends nothing
    listed = cli("plan", "list", "--json")
    (obj,) = json.loads(listed.out)
    assert {k: obj[k] for k in ("name", "server", "action", "campaigns", "at", "days")} == {
        "name": "Mañana", "server": "0032", "action": "start",
        "campaigns": [{"id": "3303", "type": "preview"}, {"id": "3306", "type": "preview"}],
        "at": "07:00", "days": "weekdays"}
    assert obj["last_run"] is None
    next_run = datetime.fromisoformat(obj["next_run"])
    assert (next_run.hour, next_run.minute, next_run.weekday() < 5) == (7, 0, True)
    assert next_run.utcoffset() == timedelta(hours=-5)  # Bogotá's local time
    table = cli("plan", "list").out.splitlines()
    assert table[0].split() == ["NAME", "SERVER", "ACTION", "CAMPAIGNS", "SCHEDULE", "NEXT",
                                "RUN", "LAST", "RUN"]
    assert "07:00 weekdays" in table[1] and table[1].rstrip().endswith("never")

    run = cli("plan", "run", "mañana")
    assert run.code == 0, run.err
    assert calls(simulator) == ["3303", "3306"]
    assert run.out.splitlines()[0].startswith("[1/2] start 3303 (preview): ok: ")
    assert run.out.splitlines()[-1] == "start: 2 campaigns: 2 ok."
    history = cli("history", "--json").json_lines()
    assert [(h["campaign_id"], h["plan"]) for h in history] == [("3306", "Mañana"),
                                                               ("3303", "Mañana")]
    (obj,) = json.loads(cli("plan", "list", "--json").out)
    assert obj["last_run"] is not None and obj["last_outcome"] == "ok"

    assert cli("plan", "remove", "MAÑANA").code == 0
    gone = cli("plan", "run", "Mañana")
    assert gone.code == 2 and "No plan has the name given" in gone.err
    assert "Mañana" not in gone.err  # a name typed is not repeated
    assert cli("plan", "remove", "Mañana").code == 2
    assert len(cli("history", "--json").json_lines()) == 2  # the history stays


def test_plan_run_json_and_exit_codes_are_those_of_a_bulk_run(
    cli: Cli, simulator: Simulator
) -> None:
    assert cli(*ADD, "--campaign", "3303", "--campaign", "9999", "--campaign", "3306").code == 0
    ran = cli("plan", "run", "Mañana", "--json")
    assert ran.code == 3  # refused by Wolkvox: stopped there
    lines = ran.json_lines()
    assert [(o["campaign"], o["outcome"]) for o in lines] == [("3303", "ok"),
                                                             ("9999", "refused")]
    assert set(lines[0]) == cli_harness.JSON_KEYS | {"campaign", "type"}
    simulator.clear_requests()
    assert cli("plan", "run", "Mañana", "--keep-going").code == 3
    assert calls(simulator) == ["3303", "9999", "3306"]


def test_invalid_input_exits_2_saves_nothing_and_sends_nothing(
    cli: Cli, simulator: Simulator, tmp_path: Path
) -> None:
    mangled = tmp_path / "ids.csv"
    mangled.write_text("campaign_id,type\n3301.0,preview\n", encoding="utf-8")
    cases = [
        ([*ADD, "--campaign", " "], "argument --campaign: enter a campaign ID"),
        ([*ADD, "--campaign", "3303", "--at", "7h"], "HH:MM"),
        ([*ADD, "--campaign", "3303", "--days", "mon"], "--days needs --at"),
        ([*ADD, "--campaign", "3303", "--at", "07:00", "--days", "lunes"],
         "argument --days: the days must be daily, weekdays"),
        ([*ADD, "--campaign", "3303", "--campaign", "3303"], "listed twice"),
        ([*ADD, "--from-file", str(mangled)], "Line 2 of the campaigns file"),
        (["plan", "add", "X", "--server", "0032/", "--action", "start", "--campaign", "1"],
         "server code"),
        (["plan", "add", "X", "--server", "0032", "--action", "start", "--campaign", "1"],
         "type of campaign 1 is not known"),
        (["plan", "add", "X", "--server", "0032", "--action", "begin", "--campaign", "1"],
         "argument --action: must be one of: start, stop"),
    ]
    for args, needle in cases:
        ran = cli(*args)
        assert ran.code == 2, (args, ran)
        assert needle in ran.err, (args, ran.err)
    assert json.loads(cli("plan", "list", "--json").out) == []
    assert cli(*ADD, "--campaign", "3303").code == 0
    dup = cli(*ADD, "--campaign", "3306")
    assert dup.code == 2 and "A plan named 'Mañana' already exists" in dup.err
    assert simulator.requests == []


def test_a_run_past_todays_budget_exits_2_with_nothing_sent(
    cli: Cli, simulator: Simulator
) -> None:
    with Store(store_path()) as store:
        store.upsert_operation(Operation("0032", licenses=1))
        earlier = CallResult(Outcome.OK, Reason.OK, "Listed.", 200, 200, None, "Data", 3)
        for _ in range(999):
            store.finish_call(store.begin_call("0032", "campaigns"), earlier)
    assert cli(*ADD, "--campaign", "3303", "--campaign", "3306").code == 0
    ran = cli("plan", "run", "Mañana")
    assert ran.code == 2
    assert "needs 2 token uses; 1 of today's 1000 are left" in ran.err
    assert "did not start and nothing was sent" in ran.err
    assert simulator.requests == []
    (row,) = [h for h in cli("history", "--json").json_lines() if h["plan"]]
    assert (row["plan"], row["outcome"], row["reason"]) == ("Mañana", "invalid",
                                                            "budget_exhausted")


# ------------------------------------------------------------------ export, import


def test_export_import_round_trip_and_a_bad_file_refused(
    cli: Cli, simulator: Simulator, tmp_path: Path
) -> None:
    assert cli(*ADD, "--campaign", "3303", "--at", "07:00").code == 0
    assert cli("plan", "add", "Cierre", "--server", "0041", "--action", "stop", "--type",
               "predictive", "--campaign", "3301", "--at", "19:30", "--days", "mon,fri").code == 0
    before = json.loads(cli("plan", "list", "--json").out)
    path = tmp_path / "planes.json"
    assert cli("plan", "export", str(path)).code == 0
    assert json.loads(cli("plan", "export", "-").out) == json.loads(path.read_text("utf-8"))
    for name in ("Mañana", "Cierre"):
        assert cli("plan", "remove", name).code == 0
    imported = cli("plan", "import", str(path))
    assert imported.code == 0 and "2 plans imported" in imported.out and "2 added" in imported.out
    after = json.loads(cli("plan", "list", "--json").out)
    keys = ("name", "server", "action", "campaigns", "at", "days", "next_run")
    assert [{k: p[k] for k in keys} for p in after] == [{k: p[k] for k in keys} for p in before]
    again = cli("plan", "import", str(path))
    assert "0 added, 2 replaced" in again.out

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "wolkvox-desktop-plans", "version": 1, "plans": [\n'
                   '  {"name": "Noche", "server": "0032", "action": "start",\n'
                   '   "campaigns": [{"id": "3301", "type": "preview"}], "at": "25:00"}]}',
                   encoding="utf-8")
    ran = cli("plan", "import", str(bad))
    assert ran.code == 2
    assert ran.err.strip() == ("Plan 1 ('Noche') of the plans file: The time must be HH:MM on "
                               "a 24-hour clock, such as 07:00 or 19:30.")
    broken = tmp_path / "broken.json"
    broken.write_text('{"plans": [', encoding="utf-8")
    ran = cli("plan", "import", str(broken))
    assert ran.code == 2 and "not valid JSON (line 1, column 12" in ran.err
    missing = cli("plan", "import", str(tmp_path / "nope.json"))
    assert missing.code == 2 and "argument FILE: there is no such file" in missing.err
    assert "nope" not in missing.err
    assert [p["name"] for p in json.loads(cli("plan", "list", "--json").out)] == [
        "Cierre", "Mañana"]
    assert simulator.requests == []


# ------------------------------------------------------------------ run-due


def test_run_due_runs_a_due_plan_once_and_reports_a_missed_one(
    cli: Cli, simulator: Simulator
) -> None:
    nothing = cli("plan", "run-due")
    assert (nothing.code, nothing.out) == (0, "No plan is due.\n")
    save_due_plan("Ahora", 1, ("3303", "3306"))
    save_due_plan("Tarde", 40, ("3308",))
    ran = cli("plan", "run-due", "--json")
    assert ran.code == 0, ran.err
    by_plan = {o["plan"]: o for o in ran.json_lines()}
    assert by_plan["Ahora"]["status"] == "ran" and by_plan["Ahora"]["ok"] is True
    assert [(c["campaign"], c["outcome"]) for c in by_plan["Ahora"]["calls"]] == [
        ("3303", "ok"), ("3306", "ok")]
    assert by_plan["Tarde"]["status"] == "missed" and by_plan["Tarde"]["calls"] == []
    assert "not run late" in by_plan["Tarde"]["message"]
    assert calls(simulator) == ["3303", "3306"]
    again = cli("plan", "run-due")
    assert (again.code, again.out, simulator.requests[2:]) == (0, "No plan is due.\n", [])
    listed = {p["name"]: p for p in json.loads(cli("plan", "list", "--json").out)}
    assert listed["Tarde"]["missed"] is not None and listed["Ahora"]["missed"] is None


def test_run_due_exits_with_the_runs_worst_code(cli: Cli, simulator: Simulator) -> None:
    save_due_plan("Falla", 2, ("3303", "9999"))
    ran = cli("plan", "run-due")
    assert ran.code == 3
    assert "Plan 'Falla', due at " in ran.out
    assert "  [1/2] start 3303 (preview): ok: " in ran.out
    assert "Plan 'Falla' ended with failures: 1 started, 1 failed. First failure: " in ran.err


def test_two_processes_running_run_due_at_once_run_the_slot_once(
    simulator: Simulator
) -> None:
    ids = ("3303", "3306", "3308")
    save_due_plan("Turno", 1, ids)
    simulator.faults.latency = 0.2
    env = dict(os.environ)
    env.update(WOLKVOX_API_BASE=simulator.base_url, WOLKVOX_TOKEN=DEMO_TOKEN, TZ=ZONE,
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    procs = [subprocess.Popen([*CLI, "plan", "run-due", "--json"], env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    results = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    for out, err in results:
        assert "Traceback" not in err and DEMO_TOKEN not in out + err
    objects = [json.loads(line) for out, _err in results for line in out.splitlines()]
    assert [(o["plan"], o["status"], o["ok"]) for o in objects] == [("Turno", "ran", True)]
    assert sorted(calls(simulator)) == sorted(ids)  # one call per campaign, not two
    with Store(store_path()) as store:
        assert len(store.history(plan="Turno")) == 3
