"""``python -m wolkvox_desktop --run-due``, what the OS schedule runs (the frozen app's
``wolkvox-desktop --run-due`` goes the same way: tests/frozen): real processes against the
simulator. It prints nothing (cron would mail it; a windowed program has no streams),
loads nothing of Qt, runs the due plans, and leaves its heartbeat and its words in the
data folder's log.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.test_cli import calls
from tests.integration.test_plan_cli import ZONE, save_due_plan
from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.core.os_schedule.heartbeat import read_heartbeat
from wolkvox_desktop.simulator import Simulator

SWITCH = [sys.executable, "-m", "wolkvox_desktop", "--run-due"]

# As a windowed program starts (Windows, or pythonw): no standard streams at all. Reports
# on the pipe REPORT_FD, at the moment the process ends, the Qt modules loaded and the exit code.
WINDOWED = """
import os, sys
real_exit = os._exit
def leave(code):
    qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
    os.write(int(os.environ["REPORT_FD"]), f"{code}|{' '.join(qt)}".encode())
    real_exit(code)
os._exit = leave
sys.stdout = sys.stderr = sys.stdin = None
sys.argv = ["wolkvox-desktop", "--run-due", *sys.argv[1:]]
import runpy
runpy.run_module("wolkvox_desktop", run_name="__main__", alter_sys=True)
"""


@pytest.fixture(autouse=True)
def bogota(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", ZONE)


def _env(simulator: Simulator, **extra: str) -> dict[str, str]:
    return dict(os.environ, WOLKVOX_API_BASE=simulator.base_url, WOLKVOX_TOKEN=DEMO_TOKEN,
                TZ=ZONE, PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", **extra)


def test_the_switch_runs_due_plans_silently_and_leaves_its_heartbeat(
        simulator: Simulator, app_home: Path) -> None:
    save_due_plan("Ahora", 1, ("3303", "3306"))
    ran = subprocess.run(SWITCH, env=_env(simulator), capture_output=True, text=True,
                         timeout=120, check=False)
    assert (ran.returncode, ran.stdout, ran.stderr) == (0, "", "")
    assert calls(simulator) == ["3303", "3306"]
    beat = read_heartbeat(app_home)
    assert beat is not None and beat.exit_code == 0
    assert beat.said == "Plan 'Ahora': 2 campaigns started."
    log = (app_home / "logs" / "wolkvox-desktop.log").read_text(encoding="utf-8")
    assert "run-due: Plan 'Ahora', due at " in log
    assert "scheduled check ended (exit 0)" in log
    assert DEMO_TOKEN not in log + beat.said


def test_a_failing_run_keeps_its_exit_code_and_sentence(simulator: Simulator,
                                                        app_home: Path) -> None:
    save_due_plan("Falla", 2, ("3303", "9999"))
    ran = subprocess.run(SWITCH, env=_env(simulator), capture_output=True, text=True,
                         timeout=120, check=False)
    assert (ran.returncode, ran.stdout, ran.stderr) == (3, "", "")
    beat = read_heartbeat(app_home)
    assert beat is not None and beat.exit_code == 3
    assert beat.said.startswith("Plan 'Falla' ended with failures: 1 started, 1 failed.")


def test_without_standard_streams_and_without_qt(simulator: Simulator, tmp_path: Path) -> None:
    """As Task Scheduler starts the windowed executable; the data folder given on the
    command line (spaces, non-ASCII letters) wins over the environment's."""
    folder = tmp_path / "Datos de José Ñandú"
    read, write = os.pipe()
    proc = subprocess.Popen([sys.executable, "-c", WINDOWED, "--data-folder", str(folder)],
                            env=_env(simulator, REPORT_FD=str(write)), pass_fds=(write,),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    os.close(write)
    out, err = proc.communicate(timeout=120)
    report = os.read(read, 4096).decode()
    os.close(read)
    assert (proc.returncode, out, err) == (0, b"", b"")
    assert report == "0|"  # exit 0, and no Qt module was loaded
    beat = read_heartbeat(folder)
    assert beat is not None and beat.said == "No plan is due."


def test_a_wrong_use_of_the_switch_exits_2_quietly(app_home: Path) -> None:
    ran = subprocess.run([*SWITCH, "--data-folder"], capture_output=True, text=True,
                         timeout=60, check=False)
    assert (ran.returncode, ran.stdout, ran.stderr) == (2, "", "")
    assert read_heartbeat(app_home) is None
