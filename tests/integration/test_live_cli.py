"""``wolkvox live`` and ``wolkvox speed`` as real processes against the simulator (issue 18,
point 6): the table, the JSON object's exact shape, exit codes, nothing sent for a bad
value, --watch printing its cost and ending cleanly on Ctrl-C."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from datetime import datetime

import pytest

from tests.integration.test_cli_subprocess import JSON_KEYS, env_for, run
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.store import Store
from wolkvox_desktop.simulator import Simulator

CLI = [sys.executable, "-m", "wolkvox_desktop.cli"]
CAMPAIGN_KEYS = ["id", "name", "status", "speed", "records", "remaining", "dialed", "answered",
                 "no_answer", "failed", "machine", "calls_per_minute", "penetration", "alerts"]


def test_live_prints_a_table_and_costs_one_token(simulator: Simulator) -> None:
    proc = run([*CLI, "live", "--server", "0032"], env_for(simulator))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("Live at ") and lines[0].endswith(" on operation 0032:")
    assert lines[1].split()[:4] == ["ID", "NAME", "STATUS", "SPEED"]
    norte = next(line for line in lines if line.startswith("3301 "))
    assert "Cobranza Norte" in norte and "started" in norte and "of 1,840" in norte
    assert lines[-1].startswith("8 campaigns (") and "this reading cost one token" in lines[-1]
    assert [r.path for r in simulator.requests] == ["/api/v2/real_time.php"]


def test_live_json_is_one_object_exactly_as_the_issue_says(simulator: Simulator) -> None:
    simulator.faults.update({"live_strings": True, "live_missing": True})
    proc = run([*CLI, "live", "--server", "wv0032", "--json"], env_for(simulator))
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.splitlines()
    obj = json.loads(line)
    assert list(obj) == ["server", "at", "campaigns"] and obj["server"] == "0032"
    assert datetime.fromisoformat(obj["at"]).utcoffset() is not None  # with its offset
    campaigns = {c["id"]: c for c in obj["campaigns"]}
    assert all(list(c) == CAMPAIGN_KEYS for c in obj["campaigns"])
    norte = campaigns["3301"]
    assert norte["status"] == "started" and norte["records"] == 1840  # strings → numbers
    assert norte["remaining"] == 1530 and norte["calls_per_minute"] == 10
    assert norte["penetration"] == 16.8 and norte["alerts"] == []
    assert campaigns["3302"]["remaining"] is None  # missing → null
    assert campaigns["3302"]["status"] == "stopped"


def test_live_json_alerts_and_failures(simulator: Simulator) -> None:
    env = env_for(simulator)
    assert run([*CLI, "live", "--server", "0032", "--json"], env).returncode == 0
    simulator.set_status("3302", "Started")  # started elsewhere
    obj = json.loads(run([*CLI, "live", "--server", "0032", "--json"], env).stdout)
    alerts = {c["id"]: c["alerts"] for c in obj["campaigns"]}
    assert alerts["3302"] == ["changed_elsewhere"] and alerts["3304"] == ["not_dialling"]
    with Store(store_path()) as store:
        assert {r.reason for r in store.history(action="alert")} == {"changed_elsewhere",
                                                                     "not_dialling"}
        assert store.calls_today("0032") == 2  # the alerts cost no token
    shown = run([*CLI, "history", "--action", "alert"], env).stdout
    assert "alert changed_elsewhere" in shown and "changed outside this app" in shown
    simulator.faults.update({"live_junk": True})
    junk = run([*CLI, "live", "--server", "0032", "--json"], env)
    assert junk.returncode == 5
    failed = json.loads(junk.stdout)
    assert set(failed) == JSON_KEYS | {"server"} and failed["outcome"] == "unknown"
    assert "The live reading was not loaded" in junk.stderr
    simulator.faults.update({"live_junk": False, "maintenance": True})
    assert run([*CLI, "live", "--server", "0032"], env).returncode == 3


def test_speed_sets_it_once_with_starts_json_keys(simulator: Simulator) -> None:
    env = env_for(simulator)
    proc = run([*CLI, "speed", "--server", "0032", "--type", "predictive", "--campaign", "3301",
                "--set", "55", "--json"], env)
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.splitlines()
    obj = json.loads(line)
    assert set(obj) == JSON_KEYS and obj["ok"] is True and obj["http_status"] == 202
    assert obj["msg"] == "The speed of 3301 campaign_id has been updated successfully"
    (put,) = simulator.requests
    assert json.loads(put.body) == {"speed": "55"} and simulator.campaign("3301").speed == 55
    text = run([*CLI, "speed", "--server", "0032", "--type", "predictive", "--campaign", "3301",
                "--set", "60"], env)
    assert text.returncode == 0 and text.stdout.startswith("speed 3301 (predictive) to 60: ok: ")
    with Store(store_path()) as store:
        assert [r.detail for r in reversed(store.history(action="speed"))] == ["→ 55", "→ 60"]
    shown = run([*CLI, "history", "--action", "speed"], env).stdout
    assert "speed → 60" in shown and "speed → 55" in shown
    rows = [json.loads(line) for line in
            run([*CLI, "history", "--action", "speed", "--json"], env).stdout.splitlines()]
    assert [r["detail"] for r in rows] == ["→ 60", "→ 55"]


@pytest.mark.parametrize("value", ["101", "-1", "5.5", "fast", "", "５５"])
def test_a_bad_speed_exits_2_and_sends_nothing(simulator: Simulator, value: str) -> None:
    proc = run([*CLI, "speed", "--server", "0032", "--type", "preview", "--campaign", "3303",
                "--set", value, "--json"], env_for(simulator))
    assert proc.returncode == 2
    assert "argument --set: must be a whole number from 0 to 100" in proc.stderr
    assert json.loads(proc.stdout)["outcome"] == "invalid"
    assert simulator.requests == []


def test_speed_refused_and_unknown_type(simulator: Simulator) -> None:
    env = env_for(simulator)
    refused = run([*CLI, "speed", "--server", "0032", "--type", "preview", "--campaign", "9999",
                   "--set", "10"], env)
    assert refused.returncode == 3 and "refused by Wolkvox" in refused.stderr
    untyped = run([*CLI, "speed", "--server", "0032", "--campaign", "3303", "--set", "10"], env)
    assert untyped.returncode == 2
    assert "The type of campaign 3303 is not known" in untyped.stderr
    assert [r.api for r in simulator.requests] == ["speed"]


def test_watch_is_two_minutes_at_the_fastest(simulator: Simulator) -> None:
    proc = run([*CLI, "live", "--server", "0032", "--watch", "1"], env_for(simulator))
    assert proc.returncode == 2 and "argument --watch: must be a whole number of minutes " \
        "from 2 to 1440" in proc.stderr
    assert simulator.requests == []


def test_watch_prints_its_cost_and_ends_cleanly_on_ctrl_c(simulator: Simulator) -> None:
    proc = subprocess.Popen([*CLI, "live", "--server", "0032", "--watch", "5", "--json"],
                            env=env_for(simulator), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert proc.stdout is not None and proc.stderr is not None
        first = json.loads(proc.stdout.readline())  # the first reading, at once
        assert first["server"] == "0032" and len(first["campaigns"]) == 8
        line = ""
        while not line.startswith("Watch: "):
            line = proc.stderr.readline()
            assert line, "the watch ended early"
        assert line.startswith("Watch: 2 tokens spent so far (today 2 of 1,000); next at ")
        assert "A reading every 5 min while a campaign is started." in line
        proc.send_signal(signal.SIGINT)  # waiting for the next reading: Ctrl-C
        out, rest = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and out == ""
    assert "Stopped watching (2 tokens spent)." in rest and "Traceback" not in rest
    # the day's first watch asked for the licenses: one more token, a note when they differ
    assert [r.api for r in simulator.requests] == ["services", "campaigns"]


def test_watch_stops_at_the_reserve_saying_so(simulator: Simulator) -> None:
    from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
    from wolkvox_desktop.core.store import Operation

    with Store(store_path()) as store:
        store.upsert_operation(Operation("0032", licenses=1))
        for _ in range(900):  # the day's starts and stops reached the reserve
            store.finish_call(store.begin_call("0032", "start", "3301", "predictive"),
                              CallResult(Outcome.OK, Reason.OK, "ok"))
    proc = run([*CLI, "live", "--server", "0032", "--watch", "5"], env_for(simulator))
    assert proc.returncode == 0 and proc.stdout == ""
    assert ("Stopped watching: Automatic readings stopped: what is left of today's budget is "
            "the reserve for starting and stopping campaigns (100 uses, 10%).") in proc.stderr
    assert simulator.requests == []  # not even the licenses
    once = run([*CLI, "live", "--server", "0032"], env_for(simulator))
    assert once.returncode == 2 and "is the reserve kept for starting and stopping" in \
        once.stderr and "Add --yes to go ahead." in once.stderr
    assert run([*CLI, "live", "--server", "0032", "--yes"], env_for(simulator)).returncode == 0
