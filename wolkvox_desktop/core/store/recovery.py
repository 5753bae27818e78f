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

This module is imported on every start: it holds only the queries and the listeners; the
records and their sentences are in :mod:`.notices` (loaded when a rebuild is unseen), the
rebuild itself in :mod:`.salvage` (loaded on damage only).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wolkvox_desktop.core.store.notices import Recovery, RecoveryNotice

log = logging.getLogger(__name__)

EVERY_OPERATION = "*"
#: the tables a rebuild reports on (counts, losses)
KEPT_TABLES = ("operations", "plans", "plan_slots", "campaigns", "history")


# ---------------------------------------------------------------- the listeners
RecoveryListener = Callable[["RecoveryNotice"], None]
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
COLUMNS = "id, at, kept, restored, lost, usage_known, seen"


def unseen(conn: sqlite3.Connection) -> list[Recovery]:
    """The rebuilds no person has seen yet, oldest first."""
    from wolkvox_desktop.core.store.notices import recovery_row

    rows = conn.execute(
        f"SELECT {COLUMNS} FROM store_recoveries WHERE seen = 0 ORDER BY id"  # noqa: S608
    ).fetchall()
    return [recovery_row(row) for row in rows]


def mark_seen(conn: sqlite3.Connection, recovery_id: int, now_text: str) -> None:
    conn.execute("UPDATE store_recoveries SET seen = 1, seen_at = ? WHERE id = ? AND seen = 0",
                 (now_text, recovery_id))


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
