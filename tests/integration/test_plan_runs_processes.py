"""A plan's run is claimed when it begins and leaves a trace however it ends: real
``wolkvox`` processes against the simulator on loopback and one store file.

* a run by hand and ``plan run-due`` at the same time send the plan's calls once, in
  either order;
* ``kill -9`` mid-plan: the next process shows the run as interrupted with what was sent,
  the never-called campaigns are in the history as not sent, and nothing is re-sent;
* Ctrl-C and SIGTERM mid-plan: the run ends as stopped, its unsent campaigns recorded.

The simulator's ``hang`` switch holds a chosen request at the server, so a process is
certainly in the middle of its run (waiting on that call) when the next step comes. The
lock folder is whatever the suite's conftest gives every test; nothing here pins it.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone

import pytest

from tests.integration.test_plan_cli import CLI, ZONE
from tests.support.processes import wait_for
from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.plans import Plan, Schedule
from wolkvox_desktop.core.schedule import LocalZone
from wolkvox_desktop.core.store import SlotState, Store
from wolkvox_desktop.core.store.records import PlanRunState
from wolkvox_desktop.simulator import Simulator

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")

IDS = ("3303", "3304", "3306", "3308")
NAME = "Turno"


@pytest.fixture(autouse=True)
def bogota(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", ZONE)


@pytest.fixture
def env(simulator: Simulator) -> dict[str, str]:
    """The children's environment: the suite's (its data folder and lock folder) plus the
    test server and its token."""
    return dict(os.environ, WOLKVOX_API_BASE=simulator.base_url, WOLKVOX_TOKEN=DEMO_TOKEN,
                TZ=ZONE, PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")


def save_due_plan(ids: tuple[str, ...] = IDS, minutes_ago: float = 1) -> None:
    """A daily plan whose slot came ``minutes_ago`` minutes ago (made two hours before)."""
    zone = LocalZone.named(ZONE)
    now = datetime.now(timezone.utc)
    slot = zone.local(now - timedelta(minutes=minutes_ago))
    plan = Plan.create(NAME, "0032", "start",
                       [CampaignRef(i, CampaignType.PREVIEW) for i in ids],
                       Schedule.parse(f"{slot.hour:02d}:{slot.minute:02d}", "daily"))
    with Store(store_path(), clock=lambda: now - timedelta(hours=2)) as store:
        store.save_plan(plan)


def starts(sim: Simulator) -> list[str]:
    return [r.query.get("campaign_id", "") for r in sim.requests if r.api == "start"]


def wolkvox(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([*CLI, *args], env=env, text=True, capture_output=True,
                          timeout=60, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    assert DEMO_TOKEN not in done.stdout + done.stderr
    return done


@pytest.fixture
def spawn(env: dict[str, str]) -> Iterator[Callable[..., subprocess.Popen[str]]]:
    """Start ``wolkvox ARGS`` in the background; whatever is left is killed at the end."""
    children: list[subprocess.Popen[str]] = []

    def start(*args: str) -> subprocess.Popen[str]:
        child = subprocess.Popen([*CLI, *args], env=env, text=True, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
        children.append(child)
        return child

    yield start
    for child in children:
        if child.poll() is None:
            child.kill()
        child.communicate(timeout=10)


def hold_the_call_after(sim: Simulator, answered: int) -> None:
    """Let ``answered`` start calls through, then hold the next one at the server (the
    calls before it are slowed down so that the switch is set while the last of them
    waits for its answer)."""
    sim.faults.latency = 1.0
    wait_for(lambda: len(starts(sim)) >= answered, f"{answered} calls")
    sim.faults.latency = 0.0
    sim.faults.hang = True
    wait_for(lambda: sim.hung == 1, "a call held by the simulator")
    assert len(starts(sim)) == answered + 1


# ------------------------------------------------------------------ by hand + run-due


def test_run_due_while_a_run_by_hand_is_in_flight_sends_nothing(
    simulator: Simulator, env: dict[str, str], spawn: Callable[..., subprocess.Popen[str]]
) -> None:
    save_due_plan()
    simulator.faults.hang = True
    by_hand = spawn("plan", "run", NAME)
    wait_for(lambda: simulator.hung == 1, "the run by hand's first call")
    due = wolkvox(env, "plan", "run-due")  # while the run by hand waits on its first call
    assert (due.returncode, due.stdout) == (0, "No plan is due.\n"), due.stderr
    simulator.reset_faults()
    out, err = by_hand.communicate(timeout=60)
    assert by_hand.returncode == 0, err
    assert starts(simulator) == list(IDS)  # N calls, not 2N
    with Store(store_path()) as store:
        (slot,) = store.plan_slots(NAME)  # the run by hand claimed the due slot
        assert (slot.state, slot.outcome) == (SlotState.DONE, "ok")
        (run,) = store.plan_runs(NAME)
        assert (run.slot, run.state, run.sent, run.total) == (slot.slot, PlanRunState.DONE,
                                                              4, 4)
    again = wolkvox(env, "plan", "run-due")
    assert again.stdout == "No plan is due.\n" and starts(simulator) == list(IDS)


def test_a_run_by_hand_while_run_due_runs_the_plan_is_refused(
    simulator: Simulator, env: dict[str, str], spawn: Callable[..., subprocess.Popen[str]]
) -> None:
    save_due_plan()
    simulator.faults.hang = True
    due = spawn("plan", "run-due")
    wait_for(lambda: simulator.hung == 1, "run-due's first call")
    by_hand = wolkvox(env, "plan", "run", NAME)
    assert by_hand.returncode == 2
    assert f"The plan '{NAME}' is already running" in by_hand.stderr
    assert "nothing was sent" in by_hand.stderr
    simulator.reset_faults()
    out, err = due.communicate(timeout=60)
    assert due.returncode == 0, err
    assert starts(simulator) == list(IDS)
    with Store(store_path()) as store:
        rows = store.history(plan=NAME)
    assert sorted(r.campaign_id for r in rows if r.outcome == "ok") == sorted(IDS)
    (refused,) = [r for r in rows if r.outcome != "ok"]  # the refusal says why, once
    assert (refused.campaign_id, refused.outcome) == (None, "invalid")


# ------------------------------------------------------------------ kill -9


def test_kill_9_mid_plan_is_found_by_the_next_process_and_nothing_is_re_sent(
    simulator: Simulator, env: dict[str, str], spawn: Callable[..., subprocess.Popen[str]]
) -> None:
    save_due_plan()
    run = spawn("plan", "run", NAME)
    hold_the_call_after(simulator, 1)  # call 1 answered, call 2 reached Wolkvox and waits
    run.send_signal(signal.SIGKILL)
    run.wait(10)
    simulator.reset_faults()
    assert run.returncode == -signal.SIGKILL

    listed = wolkvox(env, "plan", "list")
    assert listed.returncode == 0, listed.stderr
    (line,) = [row for row in listed.stdout.splitlines() if row.startswith(NAME)]
    assert re.search(r"interrupted at (\d{4}-\d\d-\d\d )?\d\d:\d\d \u2014 2 of 4 sent$",
                     line.rstrip()), line
    (obj,) = json.loads(wolkvox(env, "plan", "list", "--json").stdout)
    assert (obj["last_outcome"], obj["last_run_state"], obj["last_run_sent"],
            obj["last_run_total"]) == ("interrupted", "interrupted", 2, 4)

    rows = [json.loads(line) for line in wolkvox(env, "history", "--json").stdout.splitlines()]
    by_campaign = {r["campaign_id"]: r for r in rows}
    assert {r["plan"] for r in rows} == {NAME}
    assert by_campaign["3303"]["outcome"] == "ok"
    assert (by_campaign["3304"]["outcome"], by_campaign["3304"]["reason"]) == (
        "unknown", "interrupted")  # in flight when it died: it may have happened
    for never in ("3306", "3308"):
        assert (by_campaign[never]["outcome"], by_campaign[never]["reason"]) == (
            "invalid", "not_run")
        assert "interrupted" in by_campaign[never]["message"]
    assert len(rows) == 4  # one row each, written once

    due = wolkvox(env, "plan", "run-due")  # its slot was claimed by the run that died
    assert (due.returncode, due.stdout) == (0, "No plan is due.\n")
    assert starts(simulator) == ["3303", "3304"]  # nothing re-sent
    assert len(wolkvox(env, "history", "--json").stdout.splitlines()) == 4
    with Store(store_path()) as store:
        (slot,) = store.plan_slots(NAME)
        assert slot.state is SlotState.INTERRUPTED


# ------------------------------------------------------------------ Ctrl-C, SIGTERM


@pytest.mark.parametrize(("command", "stop"), [
    (("plan", "run", NAME), signal.SIGINT),
    (("plan", "run-due"), signal.SIGTERM),
])
def test_a_signal_mid_plan_stops_the_run_and_records_what_was_not_sent(
    simulator: Simulator, env: dict[str, str], spawn: Callable[..., subprocess.Popen[str]],
    command: tuple[str, ...], stop: signal.Signals,
) -> None:
    save_due_plan()
    run = spawn(*command)
    hold_the_call_after(simulator, 1)
    run.send_signal(stop)
    out, err = run.communicate(timeout=30)
    simulator.reset_faults()
    assert run.returncode == 5, err  # a call was cut short in flight: outcome unknown
    assert "Traceback" not in err
    assert f"Plan '{NAME}' was stopped: 2 of 4 sent (1 started); 2 never called, " \
           "recorded in the history as not sent." in err
    assert "may or may not have reached Wolkvox" in err

    with Store(store_path()) as store:  # a new store: the stopped process is gone
        rows = {r.campaign_id: r for r in store.history(plan=NAME)}
        (run_record,) = store.plan_runs(NAME)
        (slot,) = store.plan_slots(NAME)
    assert (rows["3304"].outcome, rows["3304"].reason) == ("unknown", "interrupted")
    assert [(rows[c].outcome, rows[c].reason) for c in ("3306", "3308")] == [
        ("invalid", "not_run")] * 2
    assert (run_record.state, run_record.sent, run_record.total) == (PlanRunState.STOPPED,
                                                                     2, 4)
    assert slot.state is SlotState.DONE  # settled: never run again
    listed = wolkvox(env, "plan", "list").stdout
    assert re.search(r"stopped at (\d{4}-\d\d-\d\d )?\d\d:\d\d \u2014 2 of 4 sent", listed)
    assert wolkvox(env, "plan", "run-due").stdout == "No plan is due.\n"
    assert starts(simulator) == ["3303", "3304"]
