"""Exclusive OS locks on open files that the OS drops when the process dies, however it dies.

``flock`` on Linux/macOS (a lock belongs to the open file, so two opens in one process
exclude each other too); a ``msvcrt`` lock on the first byte on Windows. Non-blocking only:
callers poll with their own deadline and cancellation.

Hand-written rather than :mod:`filelock` on the hot path: every call of every ``wolkvox``
process takes a token slot, and importing filelock 4 costs ~15 ms of each command's
start-up (benchmarks/cli_startup.py), where these two system calls cost microseconds. The
store's rare repair path does use filelock (a blocking lock with a timeout).
"""

from __future__ import annotations

import os
import sys

O_BINARY: int = getattr(os, "O_BINARY", 0)
O_NOINHERIT: int = getattr(os, "O_NOINHERIT", 0)
FILE_MODE = 0o600


def try_lock(fd: int) -> bool:
    """Take the exclusive lock on ``fd`` at once; False if another open file holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def unlock(fd: int) -> None:
    """Release the lock on ``fd`` (closing the file releases it too)."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


def open_lock_file(path: str | os.PathLike[str]) -> int:
    """Open (create, private) a lock file for reading and writing; raises ``OSError``."""
    return os.open(path, os.O_RDWR | os.O_CREAT | O_BINARY | O_NOINHERIT, FILE_MODE)
