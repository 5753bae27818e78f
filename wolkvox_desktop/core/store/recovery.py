"""What a rebuilt data file remembers of its rebuild: the notice everyone hears until a
person has seen it, and today's token uses as they were recorded before it.

* ``store_recoveries`` (schema v5): one row per rebuild, written into the rebuilt file by
  :mod:`.salvage` — when, the kept damaged file, what was restored (from the damaged file
  and from a backup), what may be lost, whether today's usage is known, and ``seen``.
  Every process that opens the store while a row is unseen tells its listeners
  (:func:`~.connection.add_recovery_listener`): the CLI prints it on stderr, the window
  shows it once. The window marks it seen when it shows it; the CLI marks it seen only
  when stderr is a terminal (a person read it), never from the scheduler's runs.
* ``usage_floors``: per operation and local day, the count of token uses recorded before
  the rebuild (the higher of the damaged file's and the backup's). ``calls_today`` never
  goes below it (:func:`usage_floor`). ``uncertain``: the day's count could not be known
  (history rows of today were unreadable); :func:`usage_uncertain` tells, and a bulk run
  or a plan run by hand asks before it starts (``Usage.uncertain``). Server ``*`` stands
  for every operation.

This module is imported on every start: it holds only the queries; the rebuild itself is
in :mod:`.salvage`, loaded on damage only.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

EVERY_OPERATION = "*"

#: how a table reads in a sentence (English; the window has its own words)
TABLE_WORDS = {
    "operations": ("operation", "operations"),
    "plans": ("plan", "plans"),
    "plan_slots": ("plan run", "plan runs"),
    "campaigns": ("saved campaign", "saved campaigns"),
    "history": ("history row", "history rows"),
}
KEPT_TABLES = tuple(TABLE_WORDS)
#: how a table reads in "changes to ... may be lost"
LOST_WORDS = {"operations": "operations", "plans": "plans", "plan_slots": "plan runs",
              "campaigns": "saved campaigns", "history": "the history"}


@dataclass(frozen=True)
class Recovery:
    """One rebuild of the data file, as recorded in the rebuilt file."""

    id: int
    at: datetime  # local, aware
    kept: Path  # the damaged file, set aside
    restored: dict[str, int]  # table -> rows in the rebuilt file
    from_backup: dict[str, int]  # of those, rows that came from the backup
    backup_at: datetime | None  # the backup used (local), if any
    lost: tuple[str, ...]  # tables whose later changes may be lost (see sentence())
    usage_known: bool  # today's token uses could be counted exactly
    seen: bool = False

    def sentence(self, path: Path) -> str:
        """The English notice (the CLI's; the window translates its own)."""
        when = self.at.strftime("%Y-%m-%d %H:%M")
        parts = [
            f"The Wolkvox Desktop data file {path} was found damaged at {when} and was "
            f"rebuilt; the damaged file is kept as {self.kept}."
        ]
        kept = [_count(t, n) for t, n in self.restored.items() if n and t in TABLE_WORDS]
        if kept:
            source = ""
            if self.backup_at is not None and any(self.from_backup.values()):
                whole = all(self.from_backup.get(t, 0) == n for t, n in self.restored.items())
                source = (f" ({'' if whole else 'from the damaged file and '}from the backup "
                          f"of {self.backup_at.strftime('%Y-%m-%d %H:%M')})")
            parts.append(f"Restored: {_join(kept)}{source}.")
        else:
            parts.append("Nothing could be restored.")
        if self.lost:
            words = _join([LOST_WORDS.get(t, t) for t in self.lost])
            if self.backup_at is not None:
                parts.append(f"Changes to {words} made after the backup of "
                             f"{self.backup_at.strftime('%Y-%m-%d %H:%M')} may be lost.")
            else:
                parts.append(f"What could not be read of {words} is lost.")
        else:
            parts.append("Nothing was lost.")
        if not self.usage_known:
            parts.append(
                "Today's token use could not be counted exactly: the budget counts at least "
                "what was recorded, and a bulk run or a plan run by hand needs --yes today."
            )
        return " ".join(parts)


@dataclass(frozen=True)
class RecoveryNotice:
    """What a recovery listener is told: the store's path, the unseen rebuild, and how to
    mark it seen (a write to the store, from the thread that opened it)."""

    path: Path
    recovery: Recovery
    mark_seen: Callable[[], None] = field(compare=False, repr=False)

    def sentence(self) -> str:
        return self.recovery.sentence(self.path)


# ---------------------------------------------------------------- the listeners
RecoveryListener = Callable[[RecoveryNotice], None]
_listeners: list[RecoveryListener] = []
_listeners_lock = threading.Lock()


def add_listener(listener: RecoveryListener) -> None:
    """Call ``listener(notice)`` for each unseen rebuild whenever a store of this process
    opens (or reopens) a file that has one, in the thread that opened it. The CLI prints
    its line from here; ``notice.mark_seen()`` records that a person has seen it."""
    with _listeners_lock:
        _listeners.append(listener)


def remove_listener(listener: RecoveryListener) -> None:
    with _listeners_lock:
        if listener in _listeners:
            _listeners.remove(listener)


def listening() -> bool:
    with _listeners_lock:
        return bool(_listeners)


def tell(notice: RecoveryNotice) -> None:
    """Hand a notice to every listener (a failing one is logged, never raised)."""
    with _listeners_lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(notice)
        except Exception:  # noqa: BLE001 - a face's message must not stop the store
            log.exception("store: a recovery listener failed")


# ---------------------------------------------------------------- the notice
_COLUMNS = "id, at, kept, restored, lost, usage_known, seen"


def unseen(conn: sqlite3.Connection) -> list[Recovery]:
    """The rebuilds no person has seen yet, oldest first."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM store_recoveries WHERE seen = 0 ORDER BY id"  # noqa: S608
    ).fetchall()
    return [recovery_row(row) for row in rows]


def mark_seen(conn: sqlite3.Connection, recovery_id: int, now_text: str) -> None:
    conn.execute("UPDATE store_recoveries SET seen = 1, seen_at = ? WHERE id = ? AND seen = 0",
                 (now_text, recovery_id))


def recovery_row(row: Any) -> Recovery:
    restored = _json(row[3])
    lost = _json(row[4])
    backup_at = restored.get("backup_at")
    return Recovery(
        id=int(row[0]),
        at=_local(str(row[1])),
        kept=Path(str(row[2])),
        restored={str(k): int(v) for k, v in dict(restored.get("rows", {})).items()},
        from_backup={str(k): int(v) for k, v in dict(restored.get("from_backup", {})).items()},
        backup_at=_local(str(backup_at)) if backup_at else None,
        lost=tuple(str(t) for t in (lost if isinstance(lost, list) else [])),
        usage_known=bool(row[5]),
        seen=bool(row[6]),
    )


def _local(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone()


def _json(text: object) -> Any:
    import json  # only when a rebuild is recorded

    try:
        return json.loads(str(text))
    except ValueError:
        return {}


# ---------------------------------------------------------------- today's floor
def usage_floor(conn: sqlite3.Connection, server: str, low: str, high: str) -> int:
    """The token uses recorded for ``server`` on the day ``[low, high)`` (UTC texts of its
    local midnights) before a rebuild: ``calls_today`` never goes below it. 0 if none."""
    row = conn.execute(
        """SELECT max(calls) FROM usage_floors
           WHERE server IN (?, ?) AND day_start < ? AND day_end > ?""",
        (server, EVERY_OPERATION, high, low),
    ).fetchone()
    return int(row[0] or 0)


def usage_uncertain(conn: sqlite3.Connection, server: str, low: str, high: str) -> bool:
    """Whether the day's token uses of ``server`` could not be known after a rebuild."""
    row = conn.execute(
        """SELECT EXISTS (SELECT 1 FROM usage_floors
           WHERE server IN (?, ?) AND uncertain = 1 AND day_start < ? AND day_end > ?)""",
        (server, EVERY_OPERATION, high, low),
    ).fetchone()
    return bool(row[0])


# ---------------------------------------------------------------- words
def _count(table: str, n: int) -> str:
    one, many = TABLE_WORDS[table]
    return f"{n:,} {one if n == 1 else many}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
