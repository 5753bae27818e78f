"""One token, every process: real ``wolkvox`` processes against the simulator (issue 9.1).

The peak of calls in flight is observed at the server. Each process has its own
WOLKVOX_DESKTOP_HOME: the gate does not depend on it. The slot folder is the test's own
(``WOLKVOX_SLOTS_DIR``, set for every test and inherited by the processes).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.simulator import Simulator

CLI = [sys.executable, "-m", "wolkvox_desktop.cli"]


def env_for(sim: Simulator, home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(WOLKVOX_API_BASE=sim.base_url, WOLKVOX_TOKEN=DEMO_TOKEN,
               WOLKVOX_DESKTOP_HOME=str(home),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    return env


def start(sim: Simulator, home: Path, campaign: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CLI, "start", "--server", "0032", "--type", "preview", "--campaign", campaign,
         *extra],
        env=env_for(sim, home), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=60)
    assert "Traceback" not in err
    assert DEMO_TOKEN not in out + err
    return proc.returncode, out, err


def wait_for(predicate: object, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise AssertionError("timed out")


def test_three_processes_one_token_one_call_at_a_time(
    simulator: Simulator, tmp_path: Path
) -> None:
    simulator.faults.latency = 0.4
    procs = [start(simulator, tmp_path / f"home-{n}", cid)
             for n, cid in enumerate(["3303", "3306", "3308"])]
    results = [finish(p) for p in procs]
    assert [code for code, _out, _err in results] == [0, 0, 0], results
    assert simulator.max_concurrency_for(DEMO_TOKEN) == 1
    assert sum("Waiting for another call with this token" in err for _c, _o, err in results) >= 1


def test_two_in_flight_when_the_operation_says_so_never_three(
    simulator: Simulator, tmp_path: Path
) -> None:
    homes = [tmp_path / f"home-{n}" for n in range(3)]
    for home in homes:
        env = env_for(simulator, home)
        subprocess.run([*CLI, "operation", "add", "--server", "0032", "--in-flight", "2"],
                       env=env, check=True, capture_output=True, timeout=60)
    simulator.faults.latency = 0.5
    procs = [start(simulator, home, cid) for home, cid in zip(homes, ["3303", "3306", "3308"],
                                                            strict=True)]
    results = [finish(p) for p in procs]
    assert [code for code, _out, _err in results] == [0, 0, 0], results
    assert simulator.max_concurrency_for(DEMO_TOKEN) == 2


def test_the_wait_is_bounded_by_the_call_timeout_and_nothing_is_sent(
    simulator: Simulator, tmp_path: Path
) -> None:
    simulator.faults.hang = True
    holder = start(simulator, tmp_path / "a", "3303")
    wait_for(lambda: simulator.hung == 1)
    waiter = start(simulator, tmp_path / "b", "3306", "--timeout", "1")
    code, _out, err = finish(waiter)
    assert code == 2  # invalid: not sent
    assert "Waiting for another call with this token" in err
    assert "Nothing was sent" in err
    assert [r.query.get("campaign_id") for r in simulator.requests] == ["3303"]
    simulator.release()
    assert finish(holder)[0] == 0


def test_a_process_killed_while_holding_a_slot_never_blocks_the_others(
    simulator: Simulator, tmp_path: Path
) -> None:
    simulator.faults.hang = True
    holder = start(simulator, tmp_path / "a", "3303")
    wait_for(lambda: simulator.hung == 1)
    waiter = start(simulator, tmp_path / "b", "3306")
    time.sleep(0.5)
    assert waiter.poll() is None  # waiting for the slot
    holder.send_signal(signal.SIGKILL)
    holder.communicate(timeout=10)  # reaped, its pipes closed
    simulator.faults.hang = False
    simulator.release()
    code, _out, _err = finish(waiter)
    assert code == 0
    assert simulator.campaign("3306").started


def test_slot_files_are_named_by_a_hash_in_a_private_folder(
    simulator: Simulator, tmp_path: Path
) -> None:
    assert finish(start(simulator, tmp_path / "a", "3303"))[0] == 0
    folder = Path(os.environ["WOLKVOX_SLOTS_DIR"])
    names = [p.name for p in folder.iterdir()]
    assert names and all(DEMO_TOKEN not in name for name in names)
    assert all(name.endswith(".lock") for name in names)
    assert folder.stat().st_mode & 0o077 == 0
    for path in folder.iterdir():
        assert DEMO_TOKEN.encode() not in path.read_bytes()
