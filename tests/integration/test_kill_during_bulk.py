"""Kill -9 a bulk run mid-call, reopen the store: nothing lost, the interrupted call marked.

Two real processes: the simulator (``python -m wolkvox_desktop.simulator``) and the CLI
running a bulk start (``python -m wolkvox_desktop.cli start --from-file ...``). The
simulator is told (control endpoint) to hold the fourth request, so the CLI is certainly
waiting on a call that reached the server when it is killed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.core.errors import Outcome
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.store import PENDING, Store

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"), reason="needs kill -9 (POSIX)"
)

ROOT = Path(__file__).resolve().parents[2]
CAMPAIGNS = [str(5000 + i) for i in range(12)]  # --campaigns 12: types alternate
TYPES = ["preview", "predictive"]
DONE_BEFORE_HANG = 3
DEADLINE_S = 20.0


def _control(base: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method="GET" if body is None
                                     else "POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as answer:  # noqa: S310 - loopback
        return json.loads(answer.read().decode())  # type: ignore[no-any-return]


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + DEADLINE_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@pytest.fixture
def simulator_process() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "wolkvox_desktop.simulator", "--port", "0",
         "--campaigns", str(len(CAMPAIGNS)), "--latency", "0.05"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        assert process.stdout is not None
        base = process.stdout.readline().strip()
        assert base.startswith("http://127.0.0.1:"), base
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        if process.stdout is not None:
            process.stdout.close()


def test_kill_9_during_a_bulk_run_loses_nothing_and_marks_the_interrupted_call(
    simulator_process: str, app_home: Path, tmp_path: Path
) -> None:
    base = simulator_process
    ids_file = tmp_path / "campañas.csv"
    ids_file.write_text(
        "campaign_id,type\n"
        + "".join(f"{cid},{TYPES[i % 2]}\n" for i, cid in enumerate(CAMPAIGNS)),
        encoding="utf-8",
    )
    env = dict(os.environ, WOLKVOX_API_BASE=base, WOLKVOX_TOKEN=DEMO_TOKEN,
               WOLKVOX_DESKTOP_HOME=str(app_home))
    cli = subprocess.Popen(
        [sys.executable, "-m", "wolkvox_desktop.cli", "start", "--server", "0032",
         "--from-file", str(ids_file)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        def starts() -> int:
            state = _control(base, "/_sim/state")
            return sum(1 for r in state["recent"] if r["query"].get("api") == "start")

        # let a few calls through, then hold the next one at the server
        _wait_for(lambda: starts() >= DONE_BEFORE_HANG - 1 or cli.poll() is not None,
                  "the first calls")
        _control(base, "/_sim/faults", {"hang": True})
        _wait_for(lambda: _control(base, "/_sim/state")["hung"] == 1 or cli.poll() is not None,
                  "a call held by the simulator")
        assert cli.poll() is None, "the CLI ended before it could be killed: " + (
            cli.stderr.read() if cli.stderr else "")
        cli.send_signal(signal.SIGKILL)
        cli.wait(10)
    finally:
        if cli.poll() is None:
            cli.kill()
            cli.wait(5)
        for stream in (cli.stdout, cli.stderr):
            if stream is not None:
                stream.close()
    assert cli.returncode == -signal.SIGKILL
    _control(base, "/_sim/reset_faults", {})
    state = _control(base, "/_sim/state")
    sent = [r["query"]["campaign_id"] for r in state["recent"] if r["query"].get("api") == "start"]
    started = [c["campaign_id"] for c in state["campaigns"] if c["status"] == "Started"]

    with Store(store_path()) as store:  # reopening marks the dead process's call
        rows = list(reversed(store.history(action="start")))
    assert [r.campaign_id for r in rows] == sent  # every call that was sent is recorded
    assert sent == CAMPAIGNS[: len(sent)]  # in the order of the file
    assert len(sent) >= DONE_BEFORE_HANG
    *done, last = rows
    assert all(r.outcome == Outcome.OK.value for r in done)
    # the campaigns it says were started were started (nothing lost or invented)
    assert {r.campaign_id for r in done} <= set(started)
    # the call in flight when the process died: unknown, marked interrupted, never pending
    assert last.outcome == Outcome.UNKNOWN.value and last.outcome != PENDING
    assert last.reason == "interrupted"
    assert last.msg
    assert "check" in last.msg.lower()
