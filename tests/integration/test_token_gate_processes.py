"""One token, every process of the user: real ``wolkvox`` processes against the simulator.

The peak of calls in flight is observed at the server. The processes share the user's data
folder (the token slots live there, in ``locks``) and nothing else: each gets the
environment it would really get — the desktop session's (``XDG_RUNTIME_DIR``, its own
``TMPDIR``, ``LANG``), cron's or a LaunchAgent's (``env -i``-like: ``HOME``, ``PATH``, another
``TMPDIR``, no ``XDG_RUNTIME_DIR``, no ``LANG``). No variable pins the lock folder.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.processes import finish, wait_for
from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.simulator import Simulator

CLI = [sys.executable, "-m", "wolkvox_desktop.cli"]
DATA_FOLDER = Path(".local/share/wolkvox-desktop")  # platformdirs' folder under HOME


def desktop_env(sim: Simulator, root: Path) -> dict[str, str]:
    """A terminal in the desktop session: the user's HOME, XDG_RUNTIME_DIR, TMPDIR, LANG."""
    (root / "run").mkdir(mode=0o700, exist_ok=True)
    (root / "tmp-desktop").mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("WOLKVOX_")}
    env.update(HOME=str(root / "home"), XDG_RUNTIME_DIR=str(root / "run"),
               TMPDIR=str(root / "tmp-desktop"), LANG="es_ES.UTF-8",
               WOLKVOX_API_BASE=sim.base_url, WOLKVOX_TOKEN=DEMO_TOKEN,
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    env.pop("XDG_DATA_HOME", None)
    return env


def cron_env(sim: Simulator, root: Path) -> dict[str, str]:
    """What cron / Task Scheduler / a LaunchAgent gives: almost nothing (``env -i``)."""
    (root / "tmp-cron").mkdir(exist_ok=True)
    return {"HOME": str(root / "home"), "PATH": "/usr/bin:/bin", "LOGNAME": "user",
            "TMPDIR": str(root / "tmp-cron"), "WOLKVOX_API_BASE": sim.base_url,
            "WOLKVOX_TOKEN": DEMO_TOKEN,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


def start(env: dict[str, str], campaign: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CLI, "start", "--server", "0032", "--type", "preview", "--campaign", campaign,
         *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_the_desktop_session_and_cron_share_the_slot(
    simulator: Simulator, tmp_path: Path
) -> None:
    simulator.faults.latency = 0.4
    envs = [desktop_env(simulator, tmp_path), cron_env(simulator, tmp_path),
            desktop_env(simulator, tmp_path), cron_env(simulator, tmp_path)]
    procs = [start(env, cid) for env, cid in zip(envs, ["3303", "3306", "3308", "3304"],
                                                 strict=True)]
    results = [finish(p) for p in procs]
    assert [code for code, _out, _err in results] == [0, 0, 0, 0], results
    assert simulator.max_concurrency_for(DEMO_TOKEN) == 1
    assert sum("Waiting for another call with this token" in err for _c, _o, err in results) >= 1
    locks = tmp_path / "home" / DATA_FOLDER / "locks"
    assert sorted(p.name.split("-")[1] for p in locks.iterdir()) == ["1.lock"]
    assert not any(list((tmp_path / name).iterdir()) for name in ("run", "tmp-desktop", "tmp-cron"))


def test_two_in_flight_when_the_operation_says_so_never_three(
    simulator: Simulator, tmp_path: Path
) -> None:
    env = cron_env(simulator, tmp_path)
    subprocess.run([*CLI, "operation", "add", "--server", "0032", "--in-flight", "2"],
                   env=env, check=True, capture_output=True, timeout=60)
    simulator.faults.latency = 0.5
    envs = [desktop_env(simulator, tmp_path), env, desktop_env(simulator, tmp_path)]
    procs = [start(e, cid) for e, cid in zip(envs, ["3303", "3306", "3308"], strict=True)]
    results = [finish(p) for p in procs]
    assert [code for code, _out, _err in results] == [0, 0, 0], results
    assert simulator.max_concurrency_for(DEMO_TOKEN) == 2


def test_the_wait_is_bounded_by_the_call_timeout_and_nothing_is_sent(
    simulator: Simulator, tmp_path: Path
) -> None:
    simulator.faults.hang = True
    holder = start(desktop_env(simulator, tmp_path), "3303")
    wait_for(lambda: simulator.hung == 1)
    waiter = start(cron_env(simulator, tmp_path), "3306", "--timeout", "1")
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
    holder = start(cron_env(simulator, tmp_path), "3303")
    wait_for(lambda: simulator.hung == 1)
    waiter = start(desktop_env(simulator, tmp_path), "3306")
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
    assert finish(start(cron_env(simulator, tmp_path), "3303"))[0] == 0
    folder = tmp_path / "home" / DATA_FOLDER / "locks"
    names = [p.name for p in folder.iterdir()]
    assert names and all(DEMO_TOKEN not in name for name in names)
    assert all(name.endswith(".lock") for name in names)
    assert folder.stat().st_mode & 0o077 == 0
    for path in folder.iterdir():
        assert path.stat().st_mode & 0o077 == 0
        assert DEMO_TOKEN.encode() not in path.read_bytes()


# ------------------------------------------------------------- when the slot cannot be had
def _refused(simulator: Simulator, env: dict[str, str]) -> str:
    code, out, err = finish(start(env, "3303"))
    assert code == 1, (code, out, err)  # a local problem, not invalid input
    assert simulator.requests == []  # nothing sent
    assert "refused rather than risk two at once" in err
    return err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links")
def test_a_link_in_place_of_the_lock_folder_refuses_the_call(
    simulator: Simulator, tmp_path: Path
) -> None:
    data = tmp_path / "home" / DATA_FOLDER
    data.mkdir(parents=True, mode=0o700)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (data / "locks").symlink_to(elsewhere)
    err = _refused(simulator, cron_env(simulator, tmp_path))
    assert "not a plain folder" in err and str(data / "locks") in err
    assert list(elsewhere.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links")
def test_a_link_in_place_of_a_slot_file_refuses_the_call(
    simulator: Simulator, tmp_path: Path
) -> None:
    assert finish(start(cron_env(simulator, tmp_path), "3306"))[0] == 0
    simulator.clear_requests()
    locks = tmp_path / "home" / DATA_FOLDER / "locks"
    (slot,) = locks.iterdir()
    target = tmp_path / "target"
    target.write_text("")
    slot.unlink()
    slot.symlink_to(target)
    err = _refused(simulator, desktop_env(simulator, tmp_path))
    assert "is a link" in err


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0,
                    reason="making a folder of another account needs root")
def test_a_lock_folder_of_another_account_refuses_the_call(
    simulator: Simulator, tmp_path: Path
) -> None:
    data = tmp_path / "home" / DATA_FOLDER
    (data / "locks").mkdir(parents=True, mode=0o700)
    os.chown(data / "locks", 54321, 54321)  # made by someone else (sudo -u, a copy)
    err = _refused(simulator, cron_env(simulator, tmp_path))
    assert "belongs to another account" in err
