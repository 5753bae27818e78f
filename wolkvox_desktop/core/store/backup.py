"""Backups of the data file, made with SQLite's backup API, beside it.

``<name>.backup-<YYYYmmdd-HHMMSS>[-n]`` (local time), ``0600``, each a complete database
in rollback-journal mode (no ``-wal`` to lose), checked with ``PRAGMA quick_check`` before
it takes its name (a backup of a damaged page would be damaged too: it is dropped, and
the damage is reported to the caller). Kept: the :data:`KEEP_NEWEST` newest, the first of
today (the day's) and the newest of an earlier day; older ones are removed. A backup that
was cut short (the process was killed) leaves a ``.backup-tmp-`` file, removed once old.

When a backup is made (:class:`~.connection.Connection`): right after a change to the
operations, the plans or the hand-added campaigns (the v5 triggers count them in
``backup_mark``), and once a day — by a short command as it closes the store, by a
long-lived process (the window, a long plan run) at its first write of the day. Loaded
only when a backup is due, never on the way to a call.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import time
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

BACKUP_INFIX = ".backup-"
TMP_INFIX = ".backup-tmp-"
KEEP_NEWEST = 3
TMP_GRACE_S = 3600.0  # a temporary file younger than this may be a backup under way
FILE_MODE = 0o600
_STAMP = "%Y%m%d-%H%M%S"


class BackupDamaged(Exception):
    """The fresh backup failed its check: the data file itself has a damaged page."""


def _pattern(path: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(path.name)}\.backup-(\d{{8}}-\d{{6}})(?:-(\d+))?$")


def backups(path: Path) -> list[Path]:
    """The backups of the data file ``path``, newest first."""
    pattern = _pattern(path)
    found: list[tuple[str, int, Path]] = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    for name in names:
        match = pattern.match(name)
        if match:
            found.append((match.group(1), int(match.group(2) or 1), path.with_name(name)))
    found.sort(reverse=True)
    return [p for _stamp, _n, p in found]


def backup_time(backup: Path) -> datetime | None:
    """When a backup was made (local, aware), from its name."""
    match = re.search(r"\.backup-(\d{8}-\d{6})", backup.name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), _STAMP).astimezone()


def make_backup(source: sqlite3.Connection, path: Path, now: datetime) -> Path:
    """Copy the open database ``source`` (of the data file ``path``) into a new backup;
    returns it. Raises :class:`BackupDamaged` when the copy fails its check, ``OSError``
    or ``sqlite3.Error`` when it cannot be written (nothing is left behind then)."""
    stamp = now.astimezone().strftime(_STAMP)
    final = path.with_name(f"{path.name}{BACKUP_INFIX}{stamp}")
    number = 1
    while final.exists():
        number += 1
        final = path.with_name(f"{path.name}{BACKUP_INFIX}{stamp}-{number}")
    tmp = path.with_name(f"{path.name}{TMP_INFIX}{os.getpid()}-{os.urandom(4).hex()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)
    try:
        target = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            check = target.execute("PRAGMA quick_check(1)").fetchall()
        finally:
            target.close()
        if [tuple(r) for r in check] != [("ok",)]:
            raise BackupDamaged(f"the backup's check failed: {check[:1]}")
        os.replace(tmp, final)
    except BaseException:
        _unlink(tmp)
        _unlink(Path(f"{tmp}-journal"))
        raise
    prune(path, now)
    log.info("store: backed up to %s", final.name)
    return final


def prune(path: Path, now: datetime) -> None:
    """Keep the newest :data:`KEEP_NEWEST`, the first of today and the newest of an
    earlier day; remove the other backups and old temporary files."""
    found = backups(path)
    today = now.astimezone().strftime("%Y%m%d")
    keep = set(found[:KEEP_NEWEST])
    of_today = [p for p in found if _day(p) == today]
    if of_today:
        keep.add(of_today[-1])  # the first of today
    earlier = [p for p in found if _day(p) < today]
    if earlier:
        keep.add(earlier[0])  # the newest of an earlier day
    for backup in found:
        if backup not in keep:
            _unlink(backup)
    prefix = f"{path.name}{TMP_INFIX}"
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix):
            old = path.with_name(name)
            try:
                if time.time() - old.stat().st_mtime > TMP_GRACE_S:
                    _unlink(old)
            except OSError:
                continue


def _day(backup: Path) -> str:
    match = re.search(r"\.backup-(\d{8})-", backup.name)
    return match.group(1) if match else ""


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("store: could not remove %s: %s", path.name, exc)
