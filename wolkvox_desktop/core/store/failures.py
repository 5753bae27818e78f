"""What went wrong with the data file, told apart by SQLite's error code, and the sentence
for each cause.

SQLite says *why* a statement failed: busy or locked (another process holds the file),
read-only (the file, its ``-wal``/``-shm`` or the folder cannot be written), full (the
disk), an I/O error (the disk or the network drive), damaged (``SQLITE_CORRUPT``,
``SQLITE_NOTADB``: rebuilt by :mod:`.recovery`, never "check the disk is not full"), or a
file it cannot open at all. Before Python 3.11 the error carries no code: its words are
all there is. An ``OSError`` (making the folder or the file) is told apart by ``errno``.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Sequence
from pathlib import Path

LOCKED = "locked"
READ_ONLY = "read-only"
FULL = "full"
DAMAGED = "damaged"
DISK = "disk"
CANNOT_OPEN = "cannot-open"
OTHER = "other"

# primary result codes (sqlite3 names them from Python 3.11)
_CODES = {
    3: READ_ONLY,  # SQLITE_PERM
    5: LOCKED,  # SQLITE_BUSY
    6: LOCKED,  # SQLITE_LOCKED
    8: READ_ONLY,  # SQLITE_READONLY
    10: DISK,  # SQLITE_IOERR
    11: DAMAGED,  # SQLITE_CORRUPT
    13: FULL,  # SQLITE_FULL
    14: CANNOT_OPEN,  # SQLITE_CANTOPEN
    23: READ_ONLY,  # SQLITE_AUTH
    26: DAMAGED,  # SQLITE_NOTADB
}
_WORDS = (
    ("file is not a database", DAMAGED),
    ("database disk image is malformed", DAMAGED),
    ("malformed database schema", DAMAGED),
    ("database is locked", LOCKED),
    ("database table is locked", LOCKED),
    ("readonly database", READ_ONLY),
    ("database or disk is full", FULL),
    ("disk i/o error", DISK),
    ("unable to open database", CANNOT_OPEN),
)
_ERRNOS = {
    getattr(errno, name): kind
    for name, kind in (("EACCES", READ_ONLY), ("EPERM", READ_ONLY), ("EROFS", READ_ONLY),
                       ("ENOSPC", FULL), ("EDQUOT", FULL), ("EIO", DISK))
    if hasattr(errno, name)  # Windows has no EDQUOT
}

_OPEN_ADVICE = {
    LOCKED: "another copy of the app or another program is holding it; try again in a "
            "moment, and if it stays locked close the other copies of the app",
    READ_ONLY: "it, a file beside it ({name}-wal, {name}-shm) or its folder cannot be "
               "written; check that they belong to you and are not read-only",
    FULL: "the disk is full; free some space and try again",
    DISK: "the disk (or the network drive) reported an error; check it and try again",
    CANNOT_OPEN: "check that its folder exists and can be written",
    DAMAGED: "it is damaged and could not be repaired; the log file has the details",
    OTHER: "check that its folder exists and can be written",
}
_USE_ADVICE = {
    LOCKED: "another copy of the app or another program is holding it; try again in a "
            "moment",
    READ_ONLY: "it, a file beside it ({name}-wal, {name}-shm) or its folder cannot be "
               "written; check that they belong to you and are not read-only",
    FULL: "the disk is full; free some space and try again",
    DISK: "the disk (or the network drive) reported an error; check it and try again",
    CANNOT_OPEN: "it cannot be opened any more; check that its folder is still there",
    DAMAGED: "it is damaged; the next start of the app repairs it",
    OTHER: "try again; if it keeps failing, the log file has the details",
}


def cause(exc: BaseException | None) -> str:
    """The cause of a failure (one of the names above), looking through ``__cause__``."""
    while exc is not None:
        if isinstance(exc, sqlite3.Error):
            code = getattr(exc, "sqlite_errorcode", None)
            if isinstance(code, int) and code & 0xFF in _CODES:
                return _CODES[code & 0xFF]
            text = str(exc).lower()
            for words, name in _WORDS:
                if words in text:
                    return name
            return OTHER
        if isinstance(exc, OSError) and exc.errno in _ERRNOS:
            return _ERRNOS[exc.errno]
        exc = exc.__cause__
    return OTHER


def is_damage(exc: BaseException | None) -> bool:
    """Whether SQLite found the file damaged (not a database, malformed)."""
    return cause(exc) == DAMAGED


def open_failed(
    path: Path, exc: BaseException, detail: object = None, stuck: Sequence[Path] = ()
) -> str:
    """The sentence for a file that could not be opened (``detail``: instead of the
    error's own words; ``stuck`` as for :func:`use_failed`)."""
    advice = _OPEN_ADVICE[cause(exc)].format(name=path.name)
    shown = _detail(exc, stuck) if detail is None else detail
    return f"The Wolkvox Desktop data file {path} could not be opened ({shown}): {advice}."


def use_failed(
    path: Path, exc: BaseException, *, writing: bool, stuck: Sequence[Path] = ()
) -> str:
    """The sentence for a read or a write of the open file that failed. ``stuck``: side
    files found not writable at open (named when the cause is read-only)."""
    advice = _USE_ADVICE[cause(exc)].format(name=path.name)
    verb = "update" if writing else "read"
    return (f"Wolkvox Desktop could not {verb} its data file {path} "
            f"({_detail(exc, stuck)}): {advice}.")


def _detail(exc: BaseException, stuck: Sequence[Path]) -> str:
    if cause(exc) == READ_ONLY and stuck:
        return f"{exc}; {', '.join(p.name for p in stuck)} cannot be written"
    return str(exc)
