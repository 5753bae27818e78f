"""Exclusive OS locks on open files that the OS drops when the process dies, however it dies.

``flock`` on Linux/macOS (a lock belongs to the open file, so two opens in one process
exclude each other too); a ``msvcrt`` lock on the first byte on Windows. Non-blocking only:
callers poll with their own deadline and cancellation.

What :mod:`filelock` guards against is guarded here too (:func:`open_lock_file`,
:func:`try_lock`, :func:`still_in_place`): a lock file is never reached through a symbolic
link (``O_NOFOLLOW``), must be a regular file of this account, a lock taken on a file that
was deleted or replaced meanwhile is given up (the caller takes it again), and a file
system without ``flock`` raises instead of reading as "free".

Why not :mod:`filelock` itself on this path: every call of every ``wolkvox`` process takes a
token slot, and importing filelock 4 costs 15-20 ms of each command's start-up where these
system calls cost microseconds (``benchmarks/cli_startup.py`` prints both, measured in the
same run). The store's rare repair path does use filelock (a blocking lock with a timeout).
"""

from __future__ import annotations

import errno
import os
import stat
import sys

O_BINARY: int = getattr(os, "O_BINARY", 0)
O_NOINHERIT: int = getattr(os, "O_NOINHERIT", 0)
O_NOFOLLOW: int = getattr(os, "O_NOFOLLOW", 0)
O_CLOEXEC: int = getattr(os, "O_CLOEXEC", 0)
FILE_MODE = 0o600
# flock's answers that mean "another open file holds it" (some file systems say EACCES)
_CONTENTION = frozenset({errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES})
# flock's answers that mean "this file system cannot lock at all"
NO_LOCKS = frozenset({errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOLCK,
                      getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)})


def try_lock(fd: int) -> bool:
    """Take the exclusive lock on ``fd`` at once; False if another open file holds it.
    Raises ``OSError`` when the file system cannot lock (``errno`` in :data:`NO_LOCKS`) or
    the lock fails for another reason: never mistaken for a free lock."""
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
    except OSError as exc:
        if exc.errno in _CONTENTION:
            return False
        raise
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
    """Open (create, private) a lock file for reading and writing, never through a symbolic
    link; raises ``OSError`` (``ELOOP`` for a link on POSIX)."""
    flags = os.O_RDWR | os.O_CREAT | O_BINARY | O_NOINHERIT | O_NOFOLLOW | O_CLOEXEC
    return os.open(path, flags, FILE_MODE)


class ForeignLockFile(OSError):
    """A lock file that is not a regular file of this account (POSIX)."""


def check_own_file(fd: int, path: str | os.PathLike[str], owner: int | None) -> None:
    """Raise :class:`ForeignLockFile` unless ``fd`` is a regular file owned by ``owner``
    (a uid; ``None``: not checked, as on Windows)."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        raise ForeignLockFile(errno.EPERM, "not a regular file", os.fspath(path))
    if owner is not None and info.st_uid != owner:
        raise ForeignLockFile(errno.EPERM, "it belongs to another account", os.fspath(path))


def still_in_place(fd: int, path: str | os.PathLike[str]) -> bool:
    """After locking: ``path`` still names the very file ``fd`` has open (not deleted by a
    cleaner, not replaced). A lock on a file that left its place excludes nobody."""
    try:
        now = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)
