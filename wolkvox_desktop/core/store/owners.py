"""Which processes still have the store open: one OS-locked file per open store.

Each open store holds an exclusive OS lock on ``<store>.owners/<owner>.lock`` (``flock``
on POSIX, a ``msvcrt`` byte lock on Windows). The OS drops the lock when the process dies,
however it dies (``kill -9`` included), so "can I lock this file?" tells whether its owner
is gone, with no pid-reuse trap. ``flock`` locks belong to an open file, not to a process:
two stores open in one process see each other's locks too.

The file is locked from the moment it exists under its ``.lock`` name, so another
process's :func:`sweep` can never find it unlocked and delete it while its owner lives:

* POSIX: it is made under a temporary name (``<owner>.tmp``, which a sweep leaves alone
  until it is :data:`TMP_GRACE_S` old), locked, then renamed into place (atomic).
* Windows: it is made and locked in place; a file open in another process cannot be
  deleted there (Python opens files without ``FILE_SHARE_DELETE``), so a sweep that comes
  in between finds nothing to delete, and the owner is new (it has no rows yet).

A lock file left by an earlier version (an SQLite file it held an SQLite lock on) is told
apart by its SQLite header and checked the old way.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

from wolkvox_desktop.core import oslock

LOCK_SUFFIX = ".lock"
TMP_SUFFIX = ".tmp"
TMP_GRACE_S = 60.0  # a temporary file younger than this may be about to be renamed
FILE_MODE = 0o600
FOLDER_MODE = 0o700
_SQLITE_MAGIC = b"SQLite format 3\x00"
_LOCK_ATTEMPTS = 50  # Windows: a sweep may hold the new file's lock for an instant


class OwnerLock:
    """An exclusive OS lock on ``<folder>/<owner>.lock``, held while the store is open."""

    def __init__(self, folder: Path, owner: str) -> None:
        try:
            folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        except FileExistsError:
            pass  # a file in the way: the open below says so
        self.path = folder / f"{owner}{LOCK_SUFFIX}"
        self._fd: int | None = None
        if sys.platform == "win32":
            self._fd = _create_locked_windows(self.path)
        else:
            self._fd = _create_locked_posix(self.path, folder / f"{owner}{TMP_SUFFIX}")

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform == "win32":
            oslock.unlock(fd)
            os.close(fd)  # Windows deletes only files nobody has open
            _unlink_quietly(self.path)
        else:
            _unlink_quietly(self.path)  # still locked: no sweep can mistake it for dead
            os.close(fd)  # drops the lock


def owner_alive(folder: Path, owner: str) -> bool:
    """True while the store of ``owner`` is open in a live process (this one included); a
    dead owner's file is removed on the way. When it cannot be told (the file cannot be
    opened), the owner counts as alive: its rows are left alone."""
    return _check(folder / f"{owner}{LOCK_SUFFIX}", remove_dead=True)


def sweep(folder: Path, keep: str) -> None:
    """Remove the lock files of processes that are gone (best effort), and temporary files
    of processes killed while making theirs."""
    try:
        locks = list(folder.glob(f"*{LOCK_SUFFIX}"))
        temporaries = list(folder.glob(f"*{TMP_SUFFIX}"))
    except OSError:
        return
    for path in locks:
        if path.stem != keep:
            _check(path, remove_dead=True)
    now = time.time()
    for path in temporaries:
        try:
            old = now - path.stat().st_mtime > TMP_GRACE_S
        except OSError:
            continue
        if old and path.stem != keep:
            _check(path, remove_dead=True)


# ------------------------------------------------------------------ POSIX: flock
def _create_locked_posix(final: Path, temporary: Path) -> int:
    while True:
        fd = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            if not oslock.try_lock(fd):
                raise OSError(f"could not lock {temporary}")
            os.rename(temporary, final)  # appears already locked
        except FileNotFoundError:
            os.close(fd)  # swept in between (only if this took over a minute): again
            continue
        except BaseException:
            os.close(fd)
            _unlink_quietly(temporary)
            raise
        return fd


def _check_posix(path: Path, remove_dead: bool) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell
    try:
        if _is_sqlite_lock(fd):
            return _legacy_check(path, remove_dead)
        try:
            if not oslock.try_lock(fd):
                return True  # held: its process lives
        except OSError:
            return True  # cannot tell (a file system without locks)
        if remove_dead:
            _unlink_quietly(path)  # while we hold its lock
        return False
    finally:
        os.close(fd)


# ------------------------------------------------------------------ Windows: msvcrt
def _create_locked_windows(path: Path) -> int:
    fd = oslock.open_lock_file(path)
    try:
        for _ in range(_LOCK_ATTEMPTS):
            if oslock.try_lock(fd):
                return fd
            time.sleep(0.01)
        raise OSError(f"could not lock {path}")
    except BaseException:
        os.close(fd)
        raise


def _check_windows(path: Path, remove_dead: bool) -> bool:
    try:
        fd = os.open(path, os.O_RDWR | oslock.O_BINARY | oslock.O_NOINHERIT)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell (or being deleted)
    try:
        legacy = _is_sqlite_lock(fd)
        held = not legacy and not oslock.try_lock(fd)
        if not legacy and not held:
            oslock.unlock(fd)
    finally:
        os.close(fd)
    if legacy:
        return _legacy_check(path, remove_dead)
    if held:
        return True
    if remove_dead:
        _unlink_quietly(path)  # fails if its owner opened it meanwhile: then it stays
    return False


# ------------------------------------------------------------------ both
def _check(path: Path, remove_dead: bool) -> bool:
    if sys.platform == "win32":
        return _check_windows(path, remove_dead)
    return _check_posix(path, remove_dead)


def _is_sqlite_lock(fd: int) -> bool:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 16) == _SQLITE_MAGIC
    except OSError:
        return False


def _legacy_check(path: Path, remove_dead: bool) -> bool:
    """An earlier version's lock file: an SQLite file its owner holds an exclusive lock on."""
    try:
        conn = sqlite3.connect(
            f"{path.as_uri()}?mode=rw", uri=True, timeout=0, isolation_level=None
        )
    except sqlite3.Error:
        return True
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        return True  # locked: its process holds it
    finally:
        conn.close()
    if remove_dead:
        _unlink_quietly(path)
    return False


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
