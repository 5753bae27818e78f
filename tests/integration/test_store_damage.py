"""A damaged data file does not stop the shift: it is set aside and rebuilt in its place.

Real files damaged the ways a disk or a careless copy damages them (a header that is not
SQLite's, a schema page overwritten), with the ``-wal``/``-shm`` a killed process leaves;
real processes racing to open the same damaged file; the ``wolkvox`` command saying so on
stderr. What the rebuild keeps is tested in test_store_recovery.py.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from wolkvox_desktop.core.store import SCHEMA_VERSION, Operation, Store, StoreError
from wolkvox_desktop.core.store import connection as store_connection
from wolkvox_desktop.core.store.notices import RecoveryNotice

ROOT = Path(__file__).resolve().parents[2]
KEPT_NAME = re.compile(r"^(?P<name>.+)\.corrupt-\d{8}-\d{6}(-\d+)?(-wal|-shm|-journal)?$")
PAGE = 4096


def kept_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if KEPT_NAME.match(p.name))


def full_store(path: Path) -> None:
    """A store with an operation and a history, closed."""
    with Store(path) as store:
        store.upsert_operation(Operation("0032", "Ventas"))
        for i in range(50):
            store.begin_call("0032", "start", str(i), "preview")


def overwrite(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        fh.write(data)


@pytest.fixture
def heard() -> Iterator[list[tuple[Path, Path]]]:
    """What the recovery listeners of this process are told: (data file, kept file)."""
    calls: list[tuple[Path, Path]] = []

    def listener(notice: RecoveryNotice) -> None:
        calls.append((notice.path, notice.recovery.kept))

    store_connection.add_recovery_listener(listener)
    yield calls
    store_connection.remove_recovery_listener(listener)


def check_fresh(store: Store) -> None:
    assert store.schema_version == SCHEMA_VERSION
    assert store.integrity_check() == "ok"
    assert store.operations() == [] and store.history() == []
    store.upsert_operation(Operation("0032", "Ventas"))  # and it works
    assert [op.server for op in store.operations()] == ["0032"]


# ------------------------------------------------------------------ one process
def test_a_file_that_is_not_a_database_is_set_aside(
    app_home: Path, heard: list[tuple[Path, Path]]
) -> None:
    path = app_home / "wolkvox-desktop.sqlite3"
    junk = b"this is not a database, just text " * 100
    path.write_bytes(junk)
    with Store(path) as store:
        (kept,) = kept_files(app_home)
        assert store.recovered_from == kept
        assert KEPT_NAME.match(kept.name)["name"] == path.name  # type: ignore[index]
        assert kept.read_bytes() == junk  # kept as it was
        check_fresh(store)
    assert heard == [(path, kept)]
    with Store(path) as again:  # a sound file, still told until someone has seen it
        assert again.recovered_from is None
        assert [op.server for op in again.operations()] == ["0032"]
        (unseen,) = again.unseen_recoveries()
        again.mark_recovery_seen(unseen.id)
    assert heard == [(path, kept), (path, kept)]
    with Store(path) as seen:
        assert seen.unseen_recoveries() == []
    assert heard == [(path, kept), (path, kept)] and kept_files(app_home) == [kept]


WAL_WRITER = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
conn.execute("PRAGMA wal_autocheckpoint=0")  # everything stays in the -wal
for i in range(20):
    conn.execute("INSERT INTO operations (server, label) VALUES (?, 'x')", (f"{i:04d}",))
print("written", flush=True)
time.sleep(600)  # the test kills us (a killed process leaves its -wal and -shm)
"""


def start_writer(path: Path) -> subprocess.Popen[str]:
    """A process that wrote into the file's -wal and keeps the file open (idle)."""
    writer = subprocess.Popen([sys.executable, "-c", WAL_WRITER, str(path)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline() == "written\n"
    return writer


def kill(writer: subprocess.Popen[str]) -> None:
    writer.kill()
    writer.wait(timeout=30)
    assert writer.stdout is not None
    writer.stdout.close()


def test_a_file_with_a_damaged_header_goes_aside_with_its_wal_and_shm(
    app_home: Path, heard: list[tuple[Path, Path]]
) -> None:
    """Another process still has the file open, so SQLite leaves its -wal alone: the three
    files go aside together, the file and its -wal byte for byte (the -shm is SQLite's
    shared-memory index, which every connection that looks at the file updates), and the
    rebuilt file has everything, the -wal's rows too (only the header was damaged)."""
    path = app_home / "wolkvox-desktop.sqlite3"
    full_store(path)
    writer = start_writer(path)
    try:
        wal = Path(f"{path}-wal").read_bytes()
        assert wal and Path(f"{path}-shm").stat().st_size > 0
        overwrite(path, 0, b"Not SQLite at all")
        damaged = path.read_bytes()
        with Store(path) as store:
            kept = store.recovered_from
            assert kept is not None and kept.read_bytes() == damaged
            assert Path(f"{kept}-wal").read_bytes() == wal
            assert Path(f"{kept}-shm").stat().st_size > 0
            assert store.integrity_check() == "ok"
            assert [op.server for op in store.operations()] == [
                "0000", *(f"{i:04d}" for i in range(1, 20)), "0032"]  # the -wal's too
            assert len(store.history()) == 50
            assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").read_bytes() != wal
    finally:
        kill(writer)
    assert heard == [(path, kept)]
    assert {p.name for p in kept_files(app_home)} == {
        kept.name, f"{kept.name}-wal", f"{kept.name}-shm"
    }


def test_a_file_with_a_malformed_schema_page_is_set_aside(
    app_home: Path, heard: list[tuple[Path, Path]]
) -> None:
    """The header is SQLite's, the schema page is not: found while opening. The writer was
    killed, so the failed connection is the file's last one and SQLite's checkpoint on
    close folds the -wal into the kept file first, as any last close does. The schema page
    of the backup (made when the operation was saved) finds the tables again."""
    path = app_home / "wolkvox-desktop.sqlite3"
    full_store(path)
    kill(start_writer(path))
    assert Path(f"{path}-wal").stat().st_size > 0
    overwrite(path, 100, b"\xff" * (PAGE - 100))

    with Store(path) as store:
        kept = store.recovered_from
        assert kept is not None and kept.read_bytes()[:16] == b"SQLite format 3\x00"
        assert store.integrity_check() == "ok"
        assert len(store.operations()) == 21 and len(store.history()) == 50
    assert heard == [(path, kept)]
    assert kept_files(app_home) == [kept]


def test_a_file_from_a_newer_version_is_refused_not_set_aside(
    app_home: Path, heard: list[tuple[Path, Path]]
) -> None:
    path = app_home / "wolkvox-desktop.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        Store(path)
    assert path.read_bytes() == before
    assert kept_files(app_home) == [] and heard == []


def test_a_file_that_cannot_be_opened_for_another_reason_is_not_set_aside(
    app_home: Path, heard: list[tuple[Path, Path]]
) -> None:
    path = app_home / "wolkvox-desktop.sqlite3"
    path.mkdir()  # a folder where the file goes: SQLite cannot open it, it is not damage
    with pytest.raises(StoreError, match="could not be opened"):
        Store(path)
    assert path.is_dir() and kept_files(app_home) == [] and heard == []


def test_two_damaged_files_in_one_second_keep_both(app_home: Path) -> None:
    path = app_home / "wolkvox-desktop.sqlite3"
    kept = []
    for junk in (b"first junk " * 50, b"second junk " * 50):
        path.write_bytes(junk)
        Path(f"{path}-wal").unlink(missing_ok=True)
        Path(f"{path}-shm").unlink(missing_ok=True)
        with Store(path) as store:
            assert store.recovered_from is not None
            kept.append(store.recovered_from)
    assert kept[0] != kept[1]
    assert [k.read_bytes()[:5] for k in kept] == [b"first", b"secon"]


# ------------------------------------------------------------------ several processes
OPENER = r"""
import json, sys, time
from pathlib import Path
from wolkvox_desktop.core.store import Operation, Store

path, go, server = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
with Store(path) as store:
    store.upsert_operation(Operation(server, "from " + server))
    kept = store.recovered_from
print(json.dumps({"kept": str(kept) if kept else None}), flush=True)
"""


@pytest.mark.parametrize("damage", ["not a database", "malformed"])
def test_processes_opening_a_damaged_file_at_once_rename_it_once(
    app_home: Path, damage: str
) -> None:
    path = app_home / "wolkvox-desktop.sqlite3"
    if damage == "not a database":
        path.write_bytes(b"\x00garbage, not SQLite\x00" * 400)
    else:
        full_store(path)
        overwrite(path, 100, b"\xff" * (PAGE - 100))
    go = app_home / "go"
    servers = [f"{n:04d}" for n in range(1, 6)]
    procs = [
        subprocess.Popen([sys.executable, "-c", OPENER, str(path), str(go), server],
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for server in servers
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    time.sleep(0.05)
    go.write_text("")  # all at once
    answers = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        answers.append(json.loads(out)["kept"])
    renamed = [kept for kept in answers if kept is not None]
    assert len(renamed) == 1  # exactly one process set it aside; the others said nothing
    assert kept_files(app_home) == [Path(renamed[0])]
    with Store(path) as store:  # and every process wrote into the one rebuilt file
        assert store.recovered_from is None
        restored = ["0032"] if damage == "malformed" else []  # the damaged file's own
        assert sorted(op.server for op in store.operations()) == sorted(servers + restored)
        assert store.integrity_check() == "ok"


def test_a_process_that_waited_for_the_repair_opens_the_fresh_file(app_home: Path) -> None:
    """Deterministic half of the race: while this process holds the recovery lock (as a
    process setting the file aside does), another one that found the file damaged waits;
    once the file has been replaced it opens the fresh one and renames nothing."""
    from filelock import FileLock

    path = app_home / "wolkvox-desktop.sqlite3"
    path.write_bytes(b"\x00garbage, not SQLite\x00" * 400)
    go = app_home / "go"
    go.write_text("")
    with FileLock(str(path) + store_connection.RECOVERY_LOCK_SUFFIX):
        child = subprocess.Popen([sys.executable, "-c", OPENER, str(path), str(go), "0007"],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True)
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        time.sleep(1.0)  # it found the damage and now waits for the lock
        assert child.poll() is None
        kept = path.with_name(path.name + ".corrupt-by-the-other-process")
        path.rename(kept)
        with Store(path) as fresh:  # what the process holding the lock does next
            assert fresh.recovered_from is None
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert json.loads(out) == {"kept": None}
    assert kept_files(app_home) == []  # nothing else was renamed
    with Store(path) as store:
        assert [op.server for op in store.operations()] == ["0007"]


# ------------------------------------------------------------------ the command line
def test_the_cli_says_so_on_stderr_until_it_is_seen(app_home: Path) -> None:
    path = app_home / "wolkvox-desktop.sqlite3"
    path.write_bytes(b"PK\x03\x04 a spreadsheet saved over the data file " * 20)
    env_home = {"WOLKVOX_DESKTOP_HOME": str(app_home)}

    def wolkvox(*args: str) -> subprocess.CompletedProcess[str]:
        import os

        env = {k: v for k, v in os.environ.items() if not k.startswith("WOLKVOX_")}
        return subprocess.run([sys.executable, "-m", "wolkvox_desktop.cli", *args],
                              cwd=ROOT, env={**env, **env_home}, capture_output=True,
                              text=True, timeout=60)

    first = wolkvox("history")
    (kept,) = kept_files(app_home)
    assert first.returncode == 0
    assert first.stderr.startswith(f"The Wolkvox Desktop data file {path} was found damaged "
                                   "at ")
    assert first.stderr.count("\n") == 1  # one line
    assert f"and was rebuilt; the damaged file is kept as {kept}. Nothing could be " \
           "restored. What could not be read of " in first.stderr
    assert "disk" not in first.stderr
    assert "No calls" in first.stdout
    second = wolkvox("history")  # stderr is not a terminal: nobody has seen it yet
    assert (second.returncode, second.stderr) == (0, first.stderr)
    assert kept_files(app_home) == [kept]
