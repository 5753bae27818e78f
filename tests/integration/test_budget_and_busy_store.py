"""The budget is reserved, and a busy store never loses what Wolkvox said: real processes.

* Six ``wolkvox start`` processes race for the last two uses of the day while another
  process holds the store's write lock: exactly two calls reach Wolkvox.
* The store is locked by another process while a call is in flight: the command still
  prints what Wolkvox answered and exits with its code; the answer waits in the journal
  beside the store and the history ends with the real outcome once the lock is gone. A
  command that cannot write its pending row before the call sends nothing and exits 1.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.support.processes import finish, wait_for
from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.core.errors import Outcome, Reason
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.core.store.journal import pending_entries
from wolkvox_desktop.core.store.records import utc_now, utc_text
from wolkvox_desktop.simulator import Simulator
from wolkvox_desktop.simulator.server import demo_campaigns

CLI = [sys.executable, "-m", "wolkvox_desktop.cli"]


def env_for(sim: Simulator) -> dict[str, str]:
    return dict(os.environ, WOLKVOX_API_BASE=sim.base_url, WOLKVOX_TOKEN=DEMO_TOKEN,
                PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")


TYPES = {c.campaign_id: c.type_campaign for c in demo_campaigns()}


def start(sim: Simulator, campaign: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CLI, "start", "--server", "0032", "--type", TYPES[campaign], "--campaign", campaign],
        env=env_for(sim), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


class WriteLock:
    """Another process's write transaction on the store (a raw SQLite connection)."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(str(path), isolation_level=None, timeout=10)
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.conn.execute("COMMIT")
        self.conn.close()


def _use_today(store: Store, count: int) -> None:
    now = utc_text(utc_now())
    with store._write() as conn:
        conn.executemany(
            "INSERT INTO history (started_at, finished_at, server, action, campaign_id, "
            "campaign_type, outcome, reason) VALUES (?, ?, '0032', 'start', ?, 'preview', "
            "'ok', 'ok')", [(now, now, str(n)) for n in range(count)])


def _owners(store: Store) -> int:
    folder = store.path.with_name(store.path.name + ".owners")
    return len(list(folder.glob("*.lock"))) if folder.is_dir() else 0


def test_six_processes_never_pass_the_budget_together(
    simulator: Simulator, store: Store
) -> None:
    store.upsert_operation(Operation(server="0032", licenses=1))  # 1,000 a day
    _use_today(store, 998)
    lock = WriteLock(store.path)
    try:
        procs = [start(simulator, cid) for cid in
                 ("3301", "3302", "3303", "3304", "3305", "3306")]
        wait_for(lambda: _owners(store) >= 7)  # the six have the store open (and ours)
        time.sleep(0.5)  # and are at their reservation, behind the lock
    finally:
        lock.release()
    results = [finish(p) for p in procs]
    codes = sorted(code for code, _out, _err in results)
    assert codes == [0, 0, 2, 2, 2, 2], results
    assert len(simulator.requests) == 2
    refused = [err for code, _out, err in results if code == 2]
    assert all("budget" in err and "Nothing was sent" in err for err in refused)
    assert store.calls_today("0032") == 1000


def test_a_store_locked_during_the_call_loses_nothing(
    simulator: Simulator, store: Store
) -> None:
    simulator.faults.hang = True
    caller = start(simulator, "3302")
    wait_for(lambda: simulator.hung == 1)
    lock = WriteLock(store.path)  # another process holds the file from now on
    late = start(simulator, "3305")  # cannot write its pending row: sends nothing
    simulator.faults.hang = False
    simulator.release()
    try:
        code, out, err = finish(caller)
        late_code, _late_out, late_err = finish(late)
        assert pending_entries(store.path)  # the answer waits beside the store
    finally:
        released = utc_text(utc_now())
        lock.release()
    assert code == 0, (out, err)  # Wolkvox started it: that is what the command says
    assert "Wolkvox started campaign 3302" in out
    assert "kept beside it" in err
    assert late_code == 1, late_err  # a local problem, nothing sent
    assert "Nothing was sent" in late_err
    assert [r.query.get("campaign_id") for r in simulator.requests] == ["3302"]

    # the next process folds the answer in: the history ends with the real outcome
    history = subprocess.run([*CLI, "history", "--json"], env=env_for(simulator),
                             capture_output=True, text=True, timeout=60, check=False)
    assert history.returncode == 0, history.stderr
    (listed,) = [json.loads(line) for line in history.stdout.splitlines()]
    assert listed["outcome"] == "ok" and not listed["pending"]
    assert listed["finished_at"] < released  # when Wolkvox answered, not when folded in
    assert not pending_entries(store.path)
    (row,) = store.history(campaign_id="3302")
    assert row.outcome == Outcome.OK.value and row.reason == Reason.OK.value


def test_a_journal_entry_finishes_a_row_its_reader_found_interrupted(
    simulator: Simulator, store: Store
) -> None:
    """The window's own store folds an entry in at its next history query too."""
    from wolkvox_desktop.core.campaigns import Campaign, CampaignStatus, CampaignType
    from wolkvox_desktop.core.errors import CallResult
    from wolkvox_desktop.core.store import journal

    store.replace_api_campaigns("0032", [Campaign(
        id="3302", name="Cobranza Sur", type=CampaignType.PREVIEW,
        status=CampaignStatus.STOPPED)])
    row = store.begin_call("0032", "start", "3302", "preview")
    answer = CallResult(Outcome.OK, Reason.OK, "Wolkvox started campaign 3302.", 202, 202)
    journal.keep(store.path, row, answer, status=("0032", "3302", "started"))
    done = threading.Event()

    def query() -> None:
        store.history()
        done.set()

    threading.Thread(target=query).start()
    assert done.wait(10)
    (found,) = store.history(campaign_id="3302")
    assert found.outcome == "ok" and found.http_status == 202
    assert not pending_entries(store.path)
    (saved,) = store.campaigns("0032")
    assert saved.campaign.status is CampaignStatus.STARTED
