"""Which processes still have the store open: one locked file per open store.

Each open store holds an exclusive SQLite lock on ``<store>.owners/<owner>.lock``; the OS
drops that lock when the process dies, on every platform, so "can I lock this file?" tells
whether its owner is gone, with no pid-reuse trap.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class OwnerLock:
    """An exclusive SQLite lock on ``<folder>/<owner>.lock``, held while the store is open."""

    def __init__(self, folder: Path, owner: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{owner}.lock"
        self._conn: sqlite3.Connection | None = sqlite3.connect(
            str(self.path), isolation_level=None, check_same_thread=False
        )
        self._conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        self._conn.execute("PRAGMA journal_mode=MEMORY")  # no -journal file beside it
        self._conn.execute("BEGIN EXCLUSIVE")
        self._conn.execute("CREATE TABLE IF NOT EXISTS owner (x)")
        self._conn.execute("COMMIT")  # EXCLUSIVE locking mode keeps the lock after commit

    def release(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            try:
                self.path.unlink()
            except OSError:
                pass


def owner_alive(folder: Path, owner: str) -> bool:
    """True while the store of ``owner`` is open in a live process; a dead owner's file is
    removed on the way."""
    path = folder / f"{owner}.lock"
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(
            f"{path.as_uri()}?mode=rw", uri=True, timeout=0, isolation_level=None
        )
    except sqlite3.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        return True  # locked: its process holds it
    finally:
        conn.close()
    try:
        path.unlink()  # a dead owner's leftover
    except OSError:
        pass
    return False


def sweep(folder: Path, keep: str) -> None:
    """Remove the lock files of processes that are gone (best effort)."""
    try:
        files = list(folder.glob("*.lock"))
    except OSError:
        return
    for path in files:
        if path.stem != keep:
            owner_alive(folder, path.stem)
