"""The data file on disk: made private, checked for damage, set aside, and its ``-wal`` /
``-shm`` kept writable.

* **Private**: on POSIX the file is made ``0600`` before SQLite opens it (SQLite gives its
  ``-wal`` and ``-shm`` the database's mode), its folder ``0700`` when made here.
* **Side files that cannot be written** (:func:`fix_side_files`): a data file once made
  read-only (``chmod 0400``, then back) leaves a read-only ``-wal``/``-shm`` behind, and
  SQLite then refuses every write. When the data file itself is writable, ours are made
  ``0600`` again; a ``-shm`` of another account (left by another tool run as another
  user; SQLite itself gives root's side files the database's owner) and an empty ``-wal``
  of another account are removed when no process of the app has the store open (SQLite
  rebuilds the ``-shm`` from the ``-wal``); a non-empty ``-wal`` of another account holds
  data and is never removed (the open then says which file cannot be written).
* **Set aside** (:func:`set_aside`): the damaged file keeps its name with
  ``.corrupt-<YYYYmmdd-HHMMSS>``, with its ``-wal``/``-shm``/``-journal`` (those first, so
  a fresh file never meets the old WAL), and the rebuilt file takes its place in one
  rename where the file system allows a hard link (the path is never missing).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

FILE_MODE = 0o600
FOLDER_MODE = 0o700
CORRUPT_INFIX = ".corrupt-"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
SQLITE_MAGIC = b"SQLite format 3\x00"
CHECK_TIMEOUT_S = 10.0


def make_private_file(path: Path) -> None:
    """Create the folder (0700) and an empty database file (0600) if they are missing, so
    SQLite (and its -wal/-shm, which copy the database's mode) never makes them readable
    by others. An empty file is a valid empty database for SQLite."""
    folder = path.parent
    if not folder.is_dir():
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)


def file_id(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path`` now, or ``None`` when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def fix_side_files(path: Path, *, others_open: Callable[[], bool]) -> list[Path]:
    """Make the ``-wal``/``-shm`` of a writable data file writable again (see the module
    docstring); returns the side files that still cannot be written. ``others_open()``:
    whether another process of the app has the store open (then nothing is removed)."""
    if sys.platform == "win32" or not os.access(path, os.W_OK):
        return []
    stuck: list[Path] = []
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        try:
            info = os.lstat(side)
        except OSError:
            continue
        if os.access(side, os.W_OK) or not stat.S_ISREG(info.st_mode):
            continue
        try:
            if info.st_uid == os.getuid():
                os.chmod(side, FILE_MODE)
                log.warning("store: %s was read-only; made writable again", side.name)
                continue
            # a -shm is an index SQLite rebuilds from the -wal, an empty -wal holds nothing:
            # removed when no process of the app has the store open
            if (suffix == "-shm" or info.st_size == 0) and not others_open():
                os.unlink(side)
                log.warning("store: %s belonged to another account; removed", side.name)
                continue
        except OSError as exc:
            log.warning("store: %s cannot be made writable: %s", side.name, exc)
        stuck.append(side)
    return stuck


def still_damaged(path: Path) -> bool:
    """Checked again under the recovery lock: a bad header, or ``PRAGMA quick_check``
    failing. False when the file is gone (set aside by another process), empty, sound,
    or the check itself cannot run (locked, unreadable): never rename what is not known
    to be damaged."""
    from wolkvox_desktop.core.store.failures import is_damage

    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    if not head:
        return False
    if head != SQLITE_MAGIC:
        return True
    try:
        conn = sqlite3.connect(str(path), timeout=CHECK_TIMEOUT_S)
    except sqlite3.Error:
        return False
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.Error as exc:
        return is_damage(exc)
    finally:
        conn.close()
    return [tuple(r) for r in rows] != [("ok",)]


def kept_name(path: Path) -> Path:
    """A free ``<name>.corrupt-<YYYYmmdd-HHMMSS>[-n]`` beside ``path``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}{CORRUPT_INFIX}{stamp}")
    number = 1
    while any(Path(f"{kept}{suffix}").exists() for suffix in ("", *SIDE_SUFFIXES)):
        number += 1
        kept = path.with_name(f"{path.name}{CORRUPT_INFIX}{stamp}-{number}")
    return kept


def set_aside(path: Path, kept: Path, replacement: Path | None = None) -> None:
    """Move ``path`` (and its -wal/-shm/-journal) to ``kept``; then ``replacement`` (a
    closed database without side files) takes its place. With a hard link the path is
    replaced in one rename, so a process opening it meanwhile finds the damaged file
    (and waits for the repair) or the rebuilt one, never nothing."""
    linked = False
    if replacement is not None:
        try:
            os.link(path, kept)
            linked = True
        except OSError:
            linked = False
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in SIDE_SUFFIXES:
            side = Path(f"{path}{suffix}")
            if side.exists():
                os.replace(side, f"{kept}{suffix}")
                moved.append((Path(f"{kept}{suffix}"), side))
        if not linked:
            os.replace(path, kept)
    except OSError:  # (Windows: another process has it open) put back what was moved
        for there, back in moved:
            try:
                os.replace(there, back)
            except OSError:
                log.warning("store: %s could not be put back as %s", there, back)
        if linked:
            kept.unlink(missing_ok=True)
        raise
    if replacement is not None:
        os.replace(replacement, path)


def find_kept(path: Path, identity: tuple[int, int]) -> Path | None:
    """The file beside ``path`` that is the inode ``identity`` (a file set aside by
    another process while this one had it open), or ``None``."""
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return None
    for entry in entries:
        if not entry.name.startswith(path.name + CORRUPT_INFIX):
            continue
        try:
            st = os.stat(entry.path)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == identity:
            return Path(entry.path)
    return None
