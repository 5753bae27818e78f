"""The ``wolkvox`` command as a real process: the console script and ``python -m``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.store import INTERRUPTED, Store
from wolkvox_desktop.simulator import Simulator

SCRIPT = Path(sys.executable).with_name("wolkvox")
JSON_KEYS = {"ok", "outcome", "http_status", "code", "error", "msg", "duration_ms"}


def env_for(sim: Simulator, **extra: str) -> dict[str, str]:
    env = dict(os.environ)  # WOLKVOX_DESKTOP_HOME and the private D-Bus from the fixtures
    env.update(WOLKVOX_API_BASE=sim.base_url, WOLKVOX_TOKEN=DEMO_TOKEN,
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    env.update(extra)
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60,
                          encoding="utf-8")
    assert "Traceback" not in proc.stderr
    return proc


@pytest.mark.skipif(not SCRIPT.exists(), reason="the wolkvox console script is not installed")
def test_console_script_start_json(simulator: Simulator) -> None:
    proc = run([str(SCRIPT), "start", "--server", "0032", "--type", "predictive",
                "--campaign", "3305", "--json"], env_for(simulator))
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.splitlines()
    obj = json.loads(line)
    assert set(obj) == JSON_KEYS and obj["ok"] is True and obj["http_status"] == 202
    assert simulator.campaign("3305").started
    assert DEMO_TOKEN not in proc.stdout + proc.stderr


def test_python_m_bulk_stops_at_the_first_failure(simulator: Simulator) -> None:
    proc = run([sys.executable, "-m", "wolkvox_desktop.cli", "start", "--server", "0032",
                "--type", "preview", "--campaign", "3303", "--campaign", "3301",
                "--campaign", "3306"], env_for(simulator))
    assert proc.returncode == 3  # 3301 is predictive: refused
    assert [r.query["campaign_id"] for r in simulator.requests] == ["3303", "3301"]
    assert "[1/3] start 3303 (preview): ok" in proc.stdout
    assert "[2/3] start 3301 (preview): refused by Wolkvox" in proc.stderr


def test_python_m_refuses_an_api_base_off_this_computer(simulator: Simulator) -> None:
    env = env_for(simulator, WOLKVOX_API_BASE="https://wv0032.wolkvox.com.evil.example")
    proc = run([sys.executable, "-m", "wolkvox_desktop.cli", "campaigns", "--server", "0032"],
               env)
    assert proc.returncode == 2
    assert "WOLKVOX_API_BASE" in proc.stderr and "Nothing was sent" in proc.stderr
    assert simulator.requests == []


def test_ctrl_c_during_a_call_exits_5_and_the_history_keeps_it_unknown(
    simulator: Simulator,
) -> None:
    simulator.faults.hang = True
    proc = subprocess.Popen(
        [sys.executable, "-m", "wolkvox_desktop.cli", "start", "--server", "0032",
         "--type", "preview", "--campaign", "3303", "--campaign", "3306"],
        env=env_for(simulator), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        encoding="utf-8",
    )
    try:
        deadline = time.monotonic() + 30
        while simulator.hung == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert simulator.hung == 1
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 5
    assert "Traceback" not in err
    assert "may or may not have reached Wolkvox" in err
    simulator.reset_faults()
    assert [r.query["campaign_id"] for r in simulator.requests] == ["3303"]  # not 3306
    store = Store(store_path())
    try:
        (row,) = store.history()
    finally:
        store.close()
    assert (row.campaign_id, row.outcome, row.reason) == ("3303", "unknown", INTERRUPTED)


def test_token_set_without_a_usable_keyring_points_at_the_environment(
    simulator: Simulator,
) -> None:
    secret = "kv-no-keyring-7d31"
    env = env_for(simulator, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    env.pop("WOLKVOX_TOKEN")
    proc = subprocess.run(
        [sys.executable, "-m", "wolkvox_desktop.cli", "token", "set", "--server", "0032"],
        env=env, input=secret + "\n", capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1
    assert "WOLKVOX_TOKEN" in proc.stderr and "cannot keep a token" in proc.stderr
    assert "session" not in proc.stderr  # the CLI has no session to keep it in
    assert secret not in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(not SCRIPT.exists(), reason="the wolkvox console script is not installed")
def test_console_script_ends_at_once_with_its_output_its_log_and_its_code_complete(
    simulator: Simulator,
) -> None:
    # the program ends with os._exit (no interpreter teardown): what it wrote to a pipe,
    # its log file and its store must all be there, and the exit code must be the run's
    from wolkvox_desktop.core.logsetup import log_file_path

    env = env_for(simulator)
    env.pop("PYTHONUNBUFFERED", None)  # output to a pipe is block-buffered, as for a script
    proc = run([str(SCRIPT), "start", "--server", "0032", "--type", "preview", "--campaign",
                "3303", "--campaign", "3301", "--campaign", "3306", "--keep-going", "--json"],
               env)
    assert proc.returncode == 3  # 3301 is predictive: refused
    objs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(o["campaign"], o["ok"]) for o in objs] == [
        ("3303", True), ("3301", False), ("3306", True)
    ]
    assert "migrated" in log_file_path().read_text(encoding="utf-8")  # the fresh store's line
    history = run([str(SCRIPT), "history", "--json"], env)
    assert history.returncode == 0
    rows = [json.loads(line) for line in history.stdout.splitlines()]
    assert sorted(r["campaign_id"] for r in rows) == ["3301", "3303", "3306"]
    helped = run([str(SCRIPT), "--help"], env)
    assert helped.returncode == 0 and helped.stdout.rstrip().endswith("the history database "
                                                                      "and the log")


def test_a_start_loads_no_plan_no_run_no_history_row_and_no_file_reader(
    simulator: Simulator,
) -> None:
    # what a start needs, and no more: `-X importtime` lists every module the process
    # imported (benchmarks/cli_startup.py measures what this saves)
    proc = run([sys.executable, "-X", "importtime", "-m", "wolkvox_desktop.cli", "start",
                "--server", "0032", "--type", "predictive", "--campaign", "3302"],
               env_for(simulator))
    assert proc.returncode == 0, proc.stderr
    loaded = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
              if line.startswith("import time:")}
    assert {"wolkvox_desktop.core.api", "wolkvox_desktop.core.store.history"} <= loaded
    assert not loaded & {
        "wolkvox_desktop.core.plans",
        "wolkvox_desktop.core.store.plan_rows",
        "wolkvox_desktop.core.store.history_rows",
        "wolkvox_desktop.core.campaign_file",
        "wolkvox_desktop.core.bulk_run",  # one campaign is one call, not a run
        "wolkvox_desktop.core.live",  # the live board's values and calls (issue 18)
        "wolkvox_desktop.core.live_calls",
        "wolkvox_desktop.core.live_alerts",
        "wolkvox_desktop.core.governor",
        "wolkvox_desktop.cli.live",
        "wolkvox_desktop.core.store.salvage",  # only a damaged file is rebuilt
        "wolkvox_desktop.core.store.notices",  # only a rebuilt file has a notice
        "keyring",  # WOLKVOX_TOKEN is set: the keyring is not asked
    }


def test_a_reader_that_goes_away_ends_the_command_quietly(simulator: Simulator) -> None:
    # `wolkvox history --json | head -1`: the rest of the output has nowhere to go; that
    # is no file problem to report, and never a traceback
    store = Store(store_path())
    try:
        done = CallResult(Outcome.OK, Reason.OK, "Started.", 202, 202, None, "started", 3)
        for _ in range(300):  # well past a pipe's buffer
            store.finish_call(store.begin_call("0032", "start", "3303", "preview"), done)
    finally:
        store.close()
    env = env_for(simulator)
    env.pop("PYTHONUNBUFFERED", None)
    proc = subprocess.Popen([sys.executable, "-m", "wolkvox_desktop.cli", "history", "--json"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader goes away after one line
    with proc.stderr:
        stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == 1
    assert json.loads(first)["campaign_id"] == "3303"
    assert stderr == ""
