"""The store survives a process killed (SIGKILL) in the middle of a bulk run.

A child process opens the store and records calls the way a bulk run does (begin_call,
the call, finish_call), reporting each committed step on stdout; the test kills it with
``kill -9`` and reopens the file: every finished row is intact, the interrupted call shows
as ``unknown`` / ``interrupted``, nothing is left ``pending`` and the file passes
``PRAGMA integrity_check``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from wolkvox_desktop.core.store import INTERRUPTED, INTERRUPTED_MESSAGE, PENDING, Store

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys, time
from pathlib import Path
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.store import Store

path, mode, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
store = Store(path)
i = 0
while True:
    i += 1
    row = store.begin_call("0032", "start", f"camp-{i}", "preview")
    if mode == "hold" and i > count:
        print(f"pending {row}", flush=True)
        time.sleep(600)  # a call that never answers; the test kills us here
    store.finish_call(row, CallResult(
        Outcome.OK, Reason.OK, f"Campaign camp-{i} started.", 200, 202, None,
        f"The camp-{i} campaign_id has been started successfully", i,
    ))
    print(f"finished {row} camp-{i}", flush=True)
"""


def _spawn(path: Path, mode: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), mode, str(count)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill(proc: subprocess.Popen[str]) -> str:
    proc.kill()  # SIGKILL: no cleanup, no atexit, no close()
    proc.wait(timeout=30)
    assert proc.stdout is not None and proc.stderr is not None
    rest = proc.stdout.read()
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -9 or sys.platform == "win32", err
    return rest


def _check_finished(store: Store, finished: dict[int, str]) -> None:
    rows = {r.id: r for r in store.history()}
    for row_id, campaign in finished.items():
        row = rows[row_id]
        assert (row.outcome, row.campaign_id, row.http_status, row.code) == (
            "ok", campaign, 200, 202
        )
        assert row.msg == f"The {campaign} campaign_id has been started successfully"
        assert row.finished_at is not None


def test_killed_during_a_call_leaves_an_interrupted_row(app_home: Path) -> None:
    path = app_home / "crash.sqlite3"
    proc = _spawn(path, "hold", 20)
    assert proc.stdout is not None
    finished: dict[int, str] = {}
    pending_id = None
    for line in proc.stdout:
        word, row_id, *rest = line.split()
        if word == "finished":
            finished[int(row_id)] = rest[0]
        else:
            pending_id = int(row_id)
            break
    assert pending_id is not None and len(finished) == 20

    # while the child is alive its call is in flight, not interrupted
    with Store(path) as viewer:
        assert [r.id for r in viewer.history(outcome=PENDING)] == [pending_id]
        assert viewer.mark_stale_pending() == 0

    _kill(proc)

    with Store(path) as store:
        assert store.integrity_check() == "ok"
        _check_finished(store, finished)
        assert store.history(outcome=PENDING) == []
        (interrupted,) = store.history(outcome="unknown")
        assert interrupted.id == pending_id
        assert interrupted.campaign_id == "camp-21"
        assert (interrupted.reason, interrupted.msg) == (INTERRUPTED, INTERRUPTED_MESSAGE)
        assert interrupted.finished_at is None
        assert store.calls_today("0032") == 21  # the interrupted call may have cost a token
        (camp21,) = [r for r in store.history(campaign_id="camp-21")]
        assert camp21.outcome == "unknown"
    assert list((path.parent / (path.name + ".owners")).glob("*")) == []  # swept


def test_killed_at_any_point_of_a_busy_run_loses_nothing(app_home: Path) -> None:
    """Four runs on one file, each killed at a different point of its write cycle (before,
    inside or after a begin/finish commit); nothing reported as done is ever lost."""
    path = app_home / "busy.sqlite3"
    finished: dict[int, str] = {}
    began = 0
    for delay in (0.0, 0.004, 0.009, 0.015):
        proc = _spawn(path, "run", 0)
        assert proc.stdout is not None
        reported = 0
        for line in proc.stdout:  # it writes as fast as it can
            word, row_id, campaign = line.split()
            finished[int(row_id)] = campaign
            reported += 1
            if reported >= 40:
                break
        time.sleep(delay)  # lands the kill somewhere else in the cycle; not a timing check
        for line in _kill(proc).splitlines():  # printed after our last read
            word, row_id, campaign = line.split()
            finished[int(row_id)] = campaign
        began += 1

        with Store(path) as store:
            assert store.integrity_check() == "ok"
            _check_finished(store, finished)
            assert store.history(outcome=PENDING) == []
            rows = store.history()
            # besides the reported rows, at most one per killed run: the call in progress
            others = [r for r in rows if r.id not in finished]
            assert len(others) <= began
            for row in others:
                assert (row.outcome, row.reason) in (("ok", "ok"), ("unknown", INTERRUPTED))


# ---------------------------------------------------------------- the owner lock
SWEEPER = r"""
import sys, time
from pathlib import Path
from wolkvox_desktop.core.store.owners import sweep

folder = Path(sys.argv[1])
print("ready", flush=True)
end = time.monotonic() + 120
while time.monotonic() < end:
    sweep(folder, "")
"""

HOLDER = r"""
import sys, time, sqlite3
from pathlib import Path
from wolkvox_desktop.core.store.owners import OwnerLock

folder, owner, style = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
if style == "sqlite":  # the lock file of an earlier version: an SQLite lock
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(folder / f"{owner}.lock"), isolation_level=None)
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    conn.execute("PRAGMA journal_mode=MEMORY")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("CREATE TABLE IF NOT EXISTS owner (x)")
    conn.execute("COMMIT")
else:
    lock = OwnerLock(folder, owner)
print("locked", flush=True)
time.sleep(600)  # the test kills us here
"""


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )


def test_a_sweep_never_finds_a_new_owner_lock_unlocked(tmp_path: Path) -> None:
    """Two processes sweep the owners folder without pause while this one opens and closes
    owner locks: every lock is alive from the moment it exists (the earlier lock, made
    then locked, lost about 1 in 30 of them to such a sweep)."""
    from wolkvox_desktop.core.store.owners import OwnerLock, owner_alive

    folder = tmp_path / "store.sqlite3.owners"
    folder.mkdir()
    sweepers = [_python(SWEEPER, str(folder)) for _ in range(2)]
    try:
        for proc in sweepers:
            assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        lost = []
        for i in range(1000):
            lock = OwnerLock(folder, f"owner-{i}")
            if not (lock.path.exists() and owner_alive(folder, f"owner-{i}")):
                lost.append(i)
            lock.release()
        assert lost == []
        assert all(proc.poll() is None for proc in sweepers)  # they were sweeping all along
    finally:
        for proc in sweepers:
            _kill(proc)
    assert list(folder.iterdir()) == []  # released locks leave nothing behind


def test_a_killed_owner_is_told_from_a_live_one(tmp_path: Path) -> None:
    from wolkvox_desktop.core.store.owners import owner_alive, sweep

    folder = tmp_path / "store.sqlite3.owners"
    holders = {style: _python(HOLDER, str(folder), f"owner-{style}", style)
               for style in ("os", "sqlite")}
    for proc in holders.values():
        assert proc.stdout is not None and proc.stdout.readline() == "locked\n"
    for style in holders:
        assert owner_alive(folder, f"owner-{style}")
    sweep(folder, keep="")
    assert sorted(p.name for p in folder.iterdir()) == ["owner-os.lock", "owner-sqlite.lock"]
    for style, proc in holders.items():
        _kill(proc)  # SIGKILL: the OS drops its lock
        assert not owner_alive(folder, f"owner-{style}")
        assert not (folder / f"owner-{style}.lock").exists()  # removed on the way
