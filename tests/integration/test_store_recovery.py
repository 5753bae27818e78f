"""A damaged data file loses nothing that matters (issue 16, point 5).

Real SQLite files damaged the ways disks and careless copies damage them — the first bytes
overwritten (the header alone), random bytes over every page, one page of the history
overwritten and found only by a later query — with real processes where it matters: a
writer killed with its latest rows only in the ``-wal``, another process rebuilding the
file while this one has it open, and ``wolkvox`` commands run from a "scheduler" (stderr
to a pipe) and from a terminal (a pty). The operations, plans, hand-added campaigns and
today's token use come back; today's use is never counted lower than what was recorded.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.test_cli import Cli, calls
from tests.integration.test_cli import cli as cli  # noqa: F401 - the in-process harness
from wolkvox_desktop.core.campaigns import Campaign, CampaignRef, CampaignType
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.plans import Plan, Schedule
from wolkvox_desktop.core.service import usage_of
from wolkvox_desktop.core.store import Operation, Store, StoreError
from wolkvox_desktop.core.store import connection as store_connection
from wolkvox_desktop.core.store.backup import backups
from wolkvox_desktop.core.store.notices import RecoveryNotice
from wolkvox_desktop.simulator import Simulator

ROOT = Path(__file__).resolve().parents[2]
PAGE = 4096
CLI = [sys.executable, "-m", "wolkvox_desktop.cli"]
OK = CallResult(Outcome.OK, Reason.OK, "Started.", 200, 202, None, "started", 5)
PLAN = Plan.create("Mañana", "0032", "start",
                   [CampaignRef("3306", CampaignType.PREVIEW),
                    CampaignRef("3308", CampaignType.PREVIEW)],
                   Schedule.parse("07:00", "weekdays"))


@pytest.fixture
def heard() -> Iterator[list[RecoveryNotice]]:
    """The rebuild notices the stores of this process tell."""
    notices: list[RecoveryNotice] = []
    store_connection.add_recovery_listener(notices.append)
    yield notices
    store_connection.remove_recovery_listener(notices.append)


def data_file(home: Path) -> Path:
    return home / "wolkvox-desktop.sqlite3"


def call(store: Store, campaign: str, result: CallResult = OK) -> None:
    store.finish_call(store.begin_call("0032", "start", campaign, "preview"), result)


def saved_things(path: Path, *, plan_first: bool = True, calls_today: int = 2) -> None:
    """An operation with 3 licenses, a hand-added campaign, a plan and today's calls (plus
    one refused locally, which costs no token); closed."""
    with Store(path) as store:
        store.upsert_operation(Operation("0032", "Ventas", licenses=3))
        store.add_manual_campaign("0032", Campaign("3301", "A mano", CampaignType.PREVIEW))
        if plan_first:
            store.save_plan(PLAN)
        for i in range(calls_today):
            call(store, f"33{i:02d}")
        invalid = CallResult(Outcome.INVALID, Reason.BAD_CAMPAIGN_ID, "Not sent.")
        call(store, "bad", invalid)
        if not plan_first:
            store.save_plan(PLAN)  # a change: backed up now, with the calls above


def snapshot(store: Store) -> dict[str, Any]:
    """What matters, as the store hands it out."""
    return {
        "operations": store.operations(),
        "plans": [(p.plan.name, p.plan.server, p.plan.action, p.plan.campaigns,
                   p.plan.schedule) for p in store.plans()],
        "campaigns": [(c.campaign.id, c.campaign.name, c.manual) for c in
                      store.campaigns("0032")],
        "history": [(r.id, r.campaign_id, r.outcome, r.started_at) for r in store.history()],
        "usage": usage_of(store, "0032"),
    }


def overwrite(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        fh.write(data)


def history_leaf_page(path: Path, campaign: str) -> int:
    """The page of the history table (a table leaf, not an index page) holding a row of
    ``campaign``."""
    data = path.read_bytes()
    for match in re.finditer(campaign.encode(), data):
        page = match.start() // PAGE
        if page > 0 and data[page * PAGE] == 0x0D:  # SQLite's "leaf table b-tree page"
            return page
    raise AssertionError(f"no table page holds {campaign}")


def rebuilt_notice(notices: list[RecoveryNotice], path: Path) -> RecoveryNotice:
    (notice,) = [n for n in notices if n.path == path]
    return notice


# ------------------------------------------------------------------ the header alone
def test_a_damaged_header_alone_loses_nothing(
    app_home: Path, heard: list[RecoveryNotice]
) -> None:
    path = data_file(app_home)
    saved_things(path)
    with Store(path) as store:
        before = snapshot(store)
    assert before["usage"].used == 2 and before["usage"].budget == 3000
    overwrite(path, 0, b"\x00Not SQLite \xff\xfe\x01")  # the first 16 bytes
    damaged = path.read_bytes()

    with Store(path) as store:
        assert store.recovered_from is not None
        assert store.recovered_from.read_bytes() == damaged  # kept as it was
        assert snapshot(store) == before  # plans, operations, campaigns, history, usage
        assert store.integrity_check() == "ok"
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600  # the rebuilt file is private
    assert not [p for p in app_home.iterdir() if ".salvage-" in p.name]  # no copies left
    notice = rebuilt_notice(heard, path)
    assert notice.recovery.usage_known and notice.recovery.lost == ()
    assert notice.recovery.restored == {"operations": 1, "plans": 1, "plan_slots": 0,
                                        "campaigns": 1, "history": 3}
    assert "Nothing was lost." in notice.sentence()
    assert "check the disk" not in notice.sentence().lower()


KILLED_WRITER = r"""
import sys, time
from pathlib import Path
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.store import Operation, Store

store = Store(Path(sys.argv[1]))
store._conn.execute("PRAGMA wal_autocheckpoint=0")  # every commit stays in the -wal
store.upsert_operation(Operation("0032", "Ventas", licenses=3))
for i in range(2):
    row = store.begin_call("0032", "start", f"33{i:02d}", "preview")
    store.finish_call(row, CallResult(Outcome.OK, Reason.OK, "Started.", 200, 202, None,
                                      "started", 5))
print("written", flush=True)
time.sleep(600)  # killed here: no close, no checkpoint
"""


def test_a_damaged_header_keeps_what_was_only_in_the_wal_of_a_killed_process(
    app_home: Path, heard: list[RecoveryNotice]
) -> None:
    path = data_file(app_home)
    with Store(path):
        pass  # the file exists, empty of data, checkpointed
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "written\n"
    finally:
        writer.kill()
        writer.wait(timeout=30)
        assert writer.stdout is not None
        writer.stdout.close()
    assert Path(f"{path}-wal").stat().st_size > 0
    overwrite(path, 0, b"garbage garbage!")

    with Store(path) as store:
        assert store.recovered_from is not None
        assert [op.licenses for op in store.operations()] == [3]
        assert [(r.campaign_id, r.outcome) for r in store.history()] == [
            ("3301", "ok"), ("3300", "ok")]
        assert usage_of(store, "0032").used == 2
        assert not usage_of(store, "0032").uncertain
    assert rebuilt_notice(heard, path).recovery.lost == ()


# ------------------------------------------------------------------ every page damaged
def test_full_damage_restores_from_the_backup_and_never_counts_less(
    app_home: Path, heard: list[RecoveryNotice]
) -> None:
    path = data_file(app_home)
    saved_things(path, plan_first=False)  # the plan's backup holds today's 2 calls
    with Store(path) as store:
        before = snapshot(store)
    assert backups(path)
    size = path.stat().st_size
    overwrite(path, 0, os.urandom(size))

    with Store(path) as store:
        assert store.recovered_from is not None
        after = snapshot(store)
        for key in ("operations", "plans", "campaigns"):
            assert after[key] == before[key]
        assert after["usage"].budget == 3000  # the licenses came back
        assert after["usage"].used >= 2  # never less than what was recorded
        assert after["usage"].uncertain  # rows after the backup cannot be known
        call(store, "3399")
        assert store.calls_today("0032") >= 3
    notice = rebuilt_notice(heard, path)
    assert not notice.recovery.usage_known
    assert "history" in notice.recovery.lost
    assert "backup of" in notice.sentence() and "--yes" in notice.sentence()


def test_full_damage_never_counts_below_the_floor_kept_in_the_new_file(
    app_home: Path
) -> None:
    """The floor is the new file's own: the restored rows may be fewer than counted."""
    path = data_file(app_home)
    saved_things(path, plan_first=False)
    overwrite(path, 0, os.urandom(path.stat().st_size))
    with Store(path) as store:
        floor = store.calls_today("0032")
        assert floor >= 2
        with store._write() as conn:  # rows restored from the backup, gone again
            conn.execute("DELETE FROM history")
        assert store.calls_today("0032") == floor
    with Store(path) as store:  # another process, another day's cache: the same floor
        assert store.calls_today("0032") == floor


# ------------------------------------------------------------------ found later
def finished_calls(path: Path, count: int, *, then_plan: bool) -> None:
    with Store(path) as store:
        store.upsert_operation(Operation("0032", "Ventas", licenses=3))
        for i in range(count):
            call(store, f"camp-{i:05d}")
        if then_plan:
            store.save_plan(PLAN)  # backed up now, with every call above


def test_damage_found_by_a_later_query_is_rebuilt_from_the_backup(
    app_home: Path, heard: list[RecoveryNotice]
) -> None:
    path = data_file(app_home)
    finished_calls(path, 300, then_plan=True)
    with Store(path) as store:
        before = snapshot(store)
    page = history_leaf_page(path, "camp-00150")
    overwrite(path, page * PAGE, os.urandom(PAGE))

    store = Store(path)  # opening reads no row of that page
    try:
        assert store.recovered_from is None and heard == []
        with pytest.raises(StoreError, match="damaged while using it and rebuilt it"):
            store.history()
        assert store.recovered_from is not None
        assert snapshot(store) == before  # the backup filled the unreadable page
        call(store, "after")  # and the store goes on
        assert store.calls_today("0032") == 301
    finally:
        store.close()
    notice = rebuilt_notice(heard, path)
    assert notice.recovery.lost == () and notice.recovery.usage_known
    assert notice.recovery.from_backup["history"] > 0


def test_damage_found_later_with_calls_newer_than_the_backup_counts_what_it_can(
    app_home: Path, heard: list[RecoveryNotice]
) -> None:
    path = data_file(app_home)
    finished_calls(path, 300, then_plan=False)  # backed up before the calls only
    page = history_leaf_page(path, "camp-00150")
    overwrite(path, page * PAGE, os.urandom(PAGE))
    with Store(path) as store:
        with pytest.raises(StoreError, match="rebuilt"):
            store.history()
        rows = len(store.history())
        assert 250 < rows < 300  # one page of rows could not be read, nor restored
        usage = usage_of(store, "0032")
        assert usage.used == rows and usage.uncertain
    notice = rebuilt_notice(heard, path)
    assert notice.recovery.lost == ("history",) and not notice.recovery.usage_known


REBUILDER = r"""
import sys
from pathlib import Path
from wolkvox_desktop.core.store import Store, StoreError

with Store(Path(sys.argv[1])) as store:
    try:
        store.history()
    except StoreError as exc:
        print("rebuilt" if "rebuilt" in str(exc) else f"other: {exc}", flush=True)
    else:
        print("not found", flush=True)
"""


def test_a_file_rebuilt_by_another_process_is_reopened_at_the_next_write(
    app_home: Path, heard: list[RecoveryNotice]
) -> None:
    path = data_file(app_home)
    finished_calls(path, 300, then_plan=True)
    store = Store(path)  # this process keeps it open, as the window does
    try:
        page = history_leaf_page(path, "camp-00150")
        overwrite(path, page * PAGE, os.urandom(PAGE))
        other = subprocess.run([sys.executable, "-c", REBUILDER, str(path)], cwd=ROOT,
                               capture_output=True, text=True, timeout=60)
        assert other.stdout == "rebuilt\n", other.stderr
        assert heard == []
        call(store, "after")  # written into the rebuilt file, not the one set aside
        assert [n.path for n in heard] == [path]  # and this process heard of it too
    finally:
        store.close()
    with Store(path) as fresh:
        assert fresh.history()[0].campaign_id == "after"
        assert len(fresh.history()) == 301


# ------------------------------------------------------------------ the budget asks
def test_an_uncertain_budget_makes_a_bulk_run_and_a_plan_run_ask(
    app_home: Path, cli: Cli, simulator: Simulator
) -> None:
    path = data_file(app_home)
    saved_things(path, plan_first=False)
    overwrite(path, 0, os.urandom(path.stat().st_size))
    bulk = ("start", "--server", "0032", "--type", "preview", "--campaign", "3303",
            "--campaign", "3306")
    refused = cli(*bulk)
    assert refused.code == 2
    assert "was rebuilt" in refused.err  # the notice
    assert "not known exactly" in refused.err and "--yes" in refused.err
    assert calls(simulator) == []
    plan = cli("plan", "run", "Mañana")
    assert plan.code == 2 and "not known exactly" in plan.err
    assert calls(simulator) == []
    confirmed = cli(*bulk, "--yes")
    assert confirmed.code == 0, confirmed.err
    assert calls(simulator) == ["3303", "3306"]
    one = cli("start", "--server", "0032", "--type", "preview", "--campaign", "3308")
    assert one.code == 0  # a single call is not a run: no question
    assert cli("plan", "run", "Mañana", "--yes").code == 0


def test_a_plan_slot_that_may_have_run_is_not_run_again_after_a_rebuild(
    app_home: Path, cli: Cli, simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The slot's claim was newer than the backup and the file was lost: whether the slot
    ran cannot be read back, so it is held (shown interrupted), never run twice."""
    from datetime import datetime, timedelta, timezone

    from wolkvox_desktop.core.schedule import LocalZone

    monkeypatch.setenv("TZ", "America/Bogota")  # no daylight-saving time
    now = datetime.now(timezone.utc)
    slot = LocalZone.named("America/Bogota").local(now - timedelta(minutes=5))
    plan = Plan.create("Turno", "0032", "start", [CampaignRef("3303", CampaignType.PREVIEW)],
                       Schedule.parse(f"{slot.hour:02d}:{slot.minute:02d}", "daily"))
    path = data_file(app_home)
    with Store(path, clock=lambda: now - timedelta(hours=2)) as store:
        store.upsert_operation(Operation("0032", "Ventas", licenses=3))
        store.save_plan(plan)  # backed up: no run yet
    ran = cli("plan", "run-due")
    assert ran.code == 0, ran.err
    assert calls(simulator) == ["3303"]
    overwrite(path, 0, os.urandom(path.stat().st_size))
    again = cli("plan", "run-due")
    assert again.code == 0, again.err
    assert "was found damaged" in again.err
    assert calls(simulator) == ["3303"]  # not sent twice
    with Store(path) as store:
        (held,) = store.plan_slots("Turno")
        assert held.state.value == "interrupted"


# ------------------------------------------------------------------ said until seen
def wolkvox(
    home: Path, *args: str, stderr: Any = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WOLKVOX_")}
    env["WOLKVOX_DESKTOP_HOME"] = str(home)
    return subprocess.run([*CLI, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                          stderr=stderr, text=True, timeout=60)


def wolkvox_on_a_terminal(home: Path, *args: str) -> str:
    """The command with its stderr on a pseudo-terminal (a person reading); its stderr."""
    import pty

    reader, writer = pty.openpty()
    try:
        done = wolkvox(home, *args, stderr=writer)
    finally:
        os.close(writer)
    assert done.returncode == 0
    chunks = []
    while True:
        try:
            chunk = os.read(reader, 65536)
        except OSError:  # EIO: the other end is closed and drained
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(reader)
    return b"".join(chunks).decode().replace("\r\n", "\n")


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_every_process_says_it_until_a_person_has_seen_it(app_home: Path) -> None:
    path = data_file(app_home)
    saved_things(path)
    overwrite(path, 0, b"not a database!!")
    first = wolkvox(app_home, "history")  # from a scheduler: stderr is a pipe
    assert first.returncode == 0
    assert "was found damaged" in first.stderr and "Nothing was lost." in first.stderr
    assert "3301" in first.stdout  # the history came back
    due = wolkvox(app_home, "plan", "run-due")  # another process, still unseen
    assert due.returncode == 0 and "was found damaged" in due.stderr
    assert wolkvox(app_home, "operations").stderr.count("was found damaged") == 1
    seen = wolkvox_on_a_terminal(app_home, "operations")  # a person reads it
    assert "was found damaged" in seen
    after = wolkvox(app_home, "history")
    assert (after.returncode, after.stderr) == (0, "")
    with Store(path) as store:
        assert store.unseen_recoveries() == []


# ------------------------------------------------------------------ read-only side files
READ_ONLY_ROUND = r"""
import os, sys
from pathlib import Path
from wolkvox_desktop.core.store import Operation, Store, StoreError

path = Path(sys.argv[1])
with Store(path) as store:
    store.upsert_operation(Operation("0032", "Ventas"))
os.chmod(path, 0o400)  # made read-only once (a backup tool, a careless chmod)
with Store(path) as store:
    print("read while read-only:", [op.server for op in store.operations()])
    try:
        store.upsert_operation(Operation("0033", "Cobranza"))
    except StoreError as exc:
        print("write while read-only:", str(exc))
modes = {s: oct(os.stat(f"{path}{s}").st_mode & 0o777) for s in ("-wal", "-shm")
         if os.path.exists(f"{path}{s}")}
print("left behind:", modes)
os.chmod(path, 0o600)  # and back
with Store(path) as store:
    store.upsert_operation(Operation("0034", "Soporte"))
    print("written:", [op.server for op in store.operations()])
modes = {s: oct(os.stat(f"{path}{s}").st_mode & 0o777) for s in ("-wal", "-shm")
         if os.path.exists(f"{path}{s}")}
print("after:", modes)
"""


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def plain_folder(tmp_path: Path) -> Iterator[Path]:
    """A private folder of an ordinary user: this one, or nobody's when the tests run as
    root (root ignores file modes), outside pytest's root-only folder."""
    if not running_as_root():
        folder = tmp_path / "plain"
        folder.mkdir(mode=0o700)
        yield folder
        return
    import shutil
    import tempfile

    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file modes cannot be tested")
    folder = Path(tempfile.mkdtemp(prefix="wolkvox-plain-"))
    os.chown(folder, 65534, 65534)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def as_plain_user(script: str, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` as the ordinary user of ``plain_folder``."""
    command = [sys.executable, "-c", script, *args]
    if running_as_root():
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(folder)}
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True,
                          timeout=60)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_read_only_wal_and_shm_left_behind_are_made_writable_again(
    plain_folder: Path,
) -> None:
    folder = plain_folder
    done = as_plain_user(READ_ONLY_ROUND, folder, str(folder / "data.sqlite3"))
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(": ", 1) for line in done.stdout.splitlines())
    assert lines["read while read-only"] == "['0032']"
    assert "cannot be written" in lines["write while read-only"]
    assert "disk is not full" not in lines["write while read-only"]
    assert "'-shm': '0o400'" in lines["left behind"]  # what used to refuse every write
    assert lines["written"] == "['0032', '0034']"
    assert "0o400" not in lines["after"]
    assert "Traceback" not in done.stderr


PLAIN_WRITE = r"""
import sys
from pathlib import Path
from wolkvox_desktop.core.store import Operation, Store, StoreError

try:
    with Store(Path(sys.argv[1])) as store:
        store.upsert_operation(Operation(sys.argv[2], "Ventas"))
        print([op.server for op in store.operations()])
except StoreError as exc:
    print(exc)
"""


@pytest.mark.skipif(not running_as_root(),
                    reason="another account's files can only be made as root")
def test_side_files_of_another_account_are_removed_only_when_safe(plain_folder: Path) -> None:
    """A -shm and an empty -wal owned by root, not writable by the user, in the user's
    folder (another tool run with sudo): removed when no process has the store open; a
    -wal with data in it is never removed, and the sentence names it."""
    path = plain_folder / "data.sqlite3"
    made = as_plain_user(PLAIN_WRITE, plain_folder, str(path), "0032")
    assert made.stdout.strip() == "['0032']", made.stderr
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    for side, content in ((wal, b""), (shm, b"\x00" * 32768)):
        side.write_bytes(content)
        os.chown(side, 0, 0)
        os.chmod(side, 0o644)
    done = as_plain_user(PLAIN_WRITE, plain_folder, str(path), "0035")
    assert done.stdout.strip() == "['0032', '0035']", done.stdout + done.stderr
    assert not shm.exists() or shm.stat().st_uid != 0

    wal.write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 28)  # a -wal that may hold data
    os.chown(wal, 0, 0)
    os.chmod(wal, 0o644)
    kept = as_plain_user(PLAIN_WRITE, plain_folder, str(path), "0036")
    assert wal.exists() and wal.stat().st_uid == 0  # never removed
    assert "data.sqlite3-wal cannot be written" in kept.stdout, kept.stdout + kept.stderr
    assert "disk is full" not in kept.stdout


# ------------------------------------------------------------------ the sentences
def test_each_cause_gets_its_own_sentence(tmp_path: Path) -> None:
    """Real SQLite errors: locked, read-only, full and damaged each say what happened."""
    from wolkvox_desktop.core.store.failures import open_failed, use_failed

    path = tmp_path / "f.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as locked:
        other.execute("INSERT INTO t VALUES (1)")
    holder.execute("ROLLBACK")
    reader = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as read_only:
        reader.execute("INSERT INTO t VALUES (1)")
    holder.execute("PRAGMA max_page_count=2")
    with pytest.raises(sqlite3.OperationalError) as full:
        holder.execute("INSERT INTO t VALUES (zeroblob(100000))")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all " * 100)
    with pytest.raises(sqlite3.DatabaseError) as damaged:
        sqlite3.connect(junk).execute("SELECT * FROM sqlite_master")
    for conn in (holder, other, reader):
        conn.close()
    texts = {name: use_failed(path, info.value, writing=True) for name, info in
             (("locked", locked), ("read-only", read_only), ("full", full),
              ("damaged", damaged))}
    assert "another copy of the app or another program" in texts["locked"]
    assert "cannot be written" in texts["read-only"] and "-shm" in texts["read-only"]
    assert "the disk is full" in texts["full"]
    assert "damaged" in texts["damaged"]
    assert sum("disk is full" in t for t in texts.values()) == 1
    assert "could not be opened" in open_failed(path, locked.value)
