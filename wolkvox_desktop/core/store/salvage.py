"""Rebuilding a damaged data file: read what can be read, restore the rest from the
latest backup, count today's token uses conservatively.

Python's ``sqlite3`` has no ``.recover``, so the damaged file is read with plain
``SELECT``: a copy of it (and of its ``-wal``/``-journal``) is made in a private work
folder, its 100-byte header is repaired where it is not SQLite's (the magic rewritten; a
page size, file-format and encoding bytes that make no sense replaced from the ``-wal``'s
header, the backup or the file's size), and each table is read in rowid order; where a
page cannot be read the reading jumps past it (a seek by rowid) and goes on, noting the
gap. A damaged header alone therefore loses nothing. When even the schema (page 1) cannot
be read, page 1 of a backup of the same schema version is put in its place on the copy:
table pages never move in this app's files (no ``VACUUM``), so the tables are found again.

Then, into a new file built with every migration:

1. every row read from the damaged file;
2. from the newest backup that passes its check: the rows of every table that could not
   be read completely (a table read completely is not refilled: a plan deleted after the
   backup stays deleted), and always the history's rows by id (append-only);
3. for today (local day, the caller's clock), per operation, the token uses counted in
   the damaged file and in the backup, the higher kept as ``usage_floors`` (with the
   floors both already had); ``uncertain`` when history rows of today could not be read
   and the backup could not fill them (history ids are consecutive, so a gap the backup
   fills is known to be filled; rows after the last readable one are not);
4. when the plans' slots could not all be read, a slot that came within the last 15
   minutes and may have run is held (claimed as by a process that is gone): never run
   twice (:func:`_hold_due_slots`);
5. the ``store_recoveries`` row (unseen) saying what was restored and what may be lost.

Every table of the schema is copied (the ones named in :data:`TABLE_ORDER` first), so a
table a later migration adds comes back too.
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from wolkvox_desktop.core.store.files import SQLITE_MAGIC, make_private_file
from wolkvox_desktop.core.store.records import local_midnight, next_local_midnight, utc_text
from wolkvox_desktop.core.store.recovery import EVERY_OPERATION, KEPT_TABLES
from wolkvox_desktop.core.store.schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

#: the tables copied first, parents before children (every other table of the schema
#: follows, by name); the ones refilled from the backup even when read completely
#: (append-only, or rows the rebuild itself keeps)
TABLE_ORDER = ("operations", "meta", "campaigns", "plans", "plan_slots", "history",
               "usage_floors", "store_recoveries")
NOT_COPIED = ("sqlite_sequence", "backup_mark")
ALWAYS_FILLED = ("history", "usage_floors", "store_recoveries")
NOT_SENT = ("invalid", "undelivered")  # history outcomes that cost no token
NOT_CALLS = ("alert",)  # history rows that are not calls (records.EVENT_ACTIONS)
MIN_ROWID, MAX_ROWID = -(2**63), 2**63 - 1
MAX_JUMPS = 10_000  # damaged spots skipped in one table before the rest counts as lost
PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)
_WAL_MAGICS = (0x377F0682, 0x377F0683)


@dataclass
class TableRead:
    """What could be read of one table: rows (rowid first), and where reading failed."""

    columns: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    complete: bool = True
    gaps: list[tuple[int, int | None]] = field(default_factory=list)  # (after, before) rowids


@dataclass
class Rebuilt:
    """What the rebuild put in the new file (also recorded in ``store_recoveries``)."""

    rows: dict[str, int]
    from_backup: dict[str, int]
    backup: Path | None
    lost: list[str]
    usage_known: bool


# ---------------------------------------------------------------- the rebuild
def rebuild(
    target: Path, damaged: Path, kept: Path, backups: Sequence[Path], now: datetime,
    work: Path,
) -> Rebuilt:
    """Build ``target`` (a new file) from the damaged file at ``damaged`` (to be kept as
    ``kept``) and the backups (newest first), for the day of ``now``. ``work``: a private
    folder for copies. Raises ``sqlite3.Error``/``OSError`` only when ``target`` itself
    cannot be made (then nothing has been renamed)."""
    backup_path, backup = _open_backup(backups)
    source = _open_damaged(damaged, work, backup_path)
    make_private_file(target)  # 0600 before SQLite makes it with the umask's mode
    new = sqlite3.connect(str(target), isolation_level=None)
    try:
        new.execute("PRAGMA journal_mode=DELETE")
        new.execute("BEGIN")
        for step in MIGRATIONS:
            for statement in step:
                new.execute(statement)
        new.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        result = _fill(new, source, backup, backup_path, now, kept)
        new.execute("COMMIT")
    finally:
        new.close()
        for conn in (source, backup):
            if conn is not None:
                conn.close()
    return result


def _fill(
    new: sqlite3.Connection, source: sqlite3.Connection | None,
    backup: sqlite3.Connection | None, backup_path: Path | None, now: datetime, kept: Path,
) -> Rebuilt:
    rows: dict[str, int] = {}
    from_backup: dict[str, int] = {}
    lost: list[str] = []
    history_read = TableRead(columns=[], complete=False, gaps=[(MIN_ROWID, None)])
    reads: dict[str, tuple[TableRead, TableRead]] = {}
    names = {str(r[0]) for r in new.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")} - set(NOT_COPIED)
    tables = [t for t in TABLE_ORDER if t in names] + sorted(names - set(TABLE_ORDER))
    for table in tables:
        columns = _columns(new, table)
        read = _read(source, table, columns)
        _insert(new, table, read)
        from_damaged = _count(new, table)
        refill = _read(backup, table, columns) if (
            backup is not None and (table in ALWAYS_FILLED or not read.complete)
        ) else TableRead(columns=read.columns)
        _insert(new, table, refill)
        rows[table] = _count(new, table)
        from_backup[table] = rows[table] - from_damaged
        reads[table] = (read, refill)
        if table == "history":
            history_read = read
        elif not read.complete and table in KEPT_TABLES:
            lost.append(table)
    new.execute("DELETE FROM plan_slots WHERE plan_id NOT IN (SELECT id FROM plans)")
    low_at = local_midnight(now)
    low, high = utc_text(low_at), utc_text(next_local_midnight(low_at))
    history_gap_today = _unfilled_gaps(new, history_read, low)
    if history_gap_today is not None:
        lost.append("history")
    usage_known = history_gap_today is None or not history_gap_today
    if not reads["plan_slots"][0].complete:
        _hold_due_slots(new, now, history_whole=history_gap_today is None)
    rows["plan_slots"] = _count(new, "plan_slots")
    _keep_floors(new, reads["history"], low, high, uncertain=not usage_known)
    restored = {
        "rows": {t: rows[t] for t in KEPT_TABLES},
        "from_backup": {t: from_backup[t] for t in KEPT_TABLES if from_backup[t]},
        "backup_at": _backup_at(backup_path),
    }
    new.execute(
        """INSERT INTO store_recoveries (at, kept, restored, lost, usage_known)
           VALUES (?, ?, ?, ?, ?)""",
        (utc_text(now), str(kept), json.dumps(restored), json.dumps(lost), int(usage_known)),
    )
    new.execute("UPDATE backup_mark SET changes = changes + 1")  # back the rebuilt file up
    return Rebuilt({t: rows[t] for t in KEPT_TABLES}, from_backup, backup_path, lost,
                   usage_known)


def _hold_due_slots(new: sqlite3.Connection, now: datetime, *, history_whole: bool) -> None:
    """The plans' slots could not all be read: a slot that came within the due window
    (15 minutes) may have run already, its claim lost. Never run twice: such a slot is
    claimed as run by a process that is gone (it reads *interrupted*, and the scheduler
    skips it), unless the history, read whole, shows no call of that plan since its time
    (then it did not run, and the scheduler may still run it)."""
    from wolkvox_desktop.core.plans import Schedule, parse_days, parse_time
    from wolkvox_desktop.core.schedule import LocalZone, SlotTiming, latest_slot, timing

    zone = LocalZone.system()
    rows = new.execute(
        "SELECT id, name, at, days, schedule_from FROM plans WHERE at IS NOT NULL").fetchall()
    for plan_id, name, at, days, schedule_from in rows:
        try:
            schedule = Schedule(parse_time(at), parse_days(days))
        except ValueError:  # PlanError: a plan the damage changed
            continue
        slot = latest_slot(schedule, now, zone)
        if slot is None or timing(slot, now) is not SlotTiming.DUE:
            continue
        due = utc_text(slot.moment)
        if str(schedule_from) > due:
            continue  # not the plan's slot (made after it)
        if new.execute("SELECT 1 FROM plan_slots WHERE plan_id = ? AND slot = ?",
                       (plan_id, slot.key)).fetchone():
            continue
        if history_whole and not new.execute(
            "SELECT 1 FROM history WHERE plan = ? AND started_at >= ?", (name, due)
        ).fetchone():
            continue
        new.execute(
            """INSERT INTO plan_slots (plan_id, slot, due_at, state, owner, claimed_at)
               VALUES (?, ?, ?, 'running', NULL, ?)""",
            (plan_id, slot.key, due, utc_text(now)),
        )
        log.warning("salvage: plan %r's slot %s may have run: held (not run again)", name,
                    slot.key)


def _unfilled_gaps(new: sqlite3.Connection, read: TableRead, low: str) -> bool | None:
    """``None`` when the history is whole; else whether a hole that may hold rows of today
    (from ``low``) is left (``False``: the holes are all before today)."""
    if read.complete:
        return None
    holes: list[tuple[int, int | None]] = []
    for after, before in read.gaps:
        if before is None:
            holes.append((after, None))
            continue
        filled = new.execute(
            "SELECT count(*) FROM history WHERE id > ? AND id < ?", (after, before)
        ).fetchone()[0]
        if int(filled) < before - after - 1:
            holes.append((after, before))
    if not holes:
        return None
    for _after, before in holes:
        if before is None:
            return True
        row = new.execute("SELECT started_at FROM history WHERE id = ?", (before,)).fetchone()
        if row is None or str(row[0]) >= low:
            return True
    return False


def _keep_floors(
    new: sqlite3.Connection, reads: tuple[TableRead, TableRead], low: str, high: str, *,
    uncertain: bool,
) -> None:
    """Today's uses per operation: the higher of the two sources' counts, kept as floors
    (with the floors the two files already had, copied with their table)."""
    counts: dict[str, int] = {}
    for read in reads:
        if not read.columns:
            continue
        at = {name: i + 1 for i, name in enumerate(read.columns)}  # rows start with rowid
        if not {"server", "started_at", "outcome"} <= at.keys():
            continue
        mine: dict[str, int] = {}
        action_at = at.get("action")
        for row in read.rows:
            started, outcome = row[at["started_at"]], row[at["outcome"]]
            if action_at is not None and row[action_at] in NOT_CALLS:
                continue
            if isinstance(started, str) and low <= started < high and outcome not in NOT_SENT:
                server = str(row[at["server"]])
                mine[server] = mine.get(server, 0) + 1
        for server, n in mine.items():
            counts[server] = max(counts.get(server, 0), n)
    if uncertain:
        servers = {str(r[0]) for r in new.execute("SELECT server FROM operations")}
        for server in (*servers, EVERY_OPERATION):
            counts.setdefault(server, 0)
    for server, n in counts.items():
        new.execute(
            """INSERT INTO usage_floors (server, day_start, day_end, calls, uncertain)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (server, day_start) DO UPDATE SET
                 calls = max(calls, excluded.calls),
                 uncertain = max(uncertain, excluded.uncertain)""",
            (server, low, high, n, int(uncertain)),
        )


def _backup_at(backup: Path | None) -> str | None:
    if backup is None:
        return None
    from wolkvox_desktop.core.store.backup import backup_time

    made = backup_time(backup)
    return utc_text(made) if made is not None else None


# ---------------------------------------------------------------- tables
def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608


def _insert(new: sqlite3.Connection, table: str, read: TableRead) -> None:
    if not read.rows or not read.columns:
        return
    names = ", ".join(read.columns)
    marks = ", ".join("?" for _ in read.columns)
    sql = f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
    for row in read.rows:
        try:
            new.execute(sql, row[1:])
        except sqlite3.Error as exc:  # a row the damage changed beyond its constraints
            log.warning("salvage: a row of %s could not be restored: %s", table, exc)


def _read(conn: sqlite3.Connection | None, table: str, wanted: list[str]) -> TableRead:
    """Every readable row of ``table`` (the columns both files have), in rowid order."""
    if conn is None:
        return TableRead(columns=[], complete=False, gaps=[(MIN_ROWID, None)])
    try:
        present = set(_columns(conn, table))
    except sqlite3.Error:
        present = set()
    columns = [c for c in wanted if c in present]
    if not columns:
        return TableRead(columns=[], complete=False, gaps=[(MIN_ROWID, None)])
    read = TableRead(columns=columns)
    sql = (f"SELECT rowid, {', '.join(columns)} FROM {table} "  # noqa: S608 - constant
           "WHERE rowid > ? ORDER BY rowid")
    after = MIN_ROWID
    for _jump in range(MAX_JUMPS):
        try:
            for row in conn.execute(sql, (after,)):
                read.rows.append(tuple(row))
                after = int(row[0])
            return read
        except sqlite3.DatabaseError as exc:
            read.complete = False
            log.warning("salvage: %s unreadable after rowid %s: %s", table, after, exc)
            resume = _next_readable(conn, table, after)
            if resume is None:
                read.gaps.append((after, None))
                return read
            probe, first = resume
            read.gaps.append((after, first))
            after = probe
    read.complete = False
    read.gaps.append((after, None))
    return read


def _next_readable(
    conn: sqlite3.Connection, table: str, after: int
) -> tuple[int, int] | None:
    """Past a spot that cannot be read (reading from rowid ``after`` fails): the lowest
    seek point found from which reading works, and the first rowid there; ``None`` when
    nothing after it can be read."""
    sql = f"SELECT rowid FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT 1"  # noqa: S608

    def first(probe: int) -> tuple[bool, int | None]:
        try:
            row = conn.execute(sql, (probe,)).fetchone()
        except sqlite3.DatabaseError:
            return False, None
        return True, (int(row[0]) if row else None)

    failing, step = after, 1
    while True:
        probe = min(MAX_ROWID, failing + step)
        works, found = first(probe)
        if works:
            break
        if probe == MAX_ROWID:
            return None
        failing, step = probe, step * 2
    working = probe
    while working - failing > 1:  # the lowest seek point that works
        middle = failing + (working - failing) // 2
        works, candidate = first(middle)
        if works:
            working, found = middle, candidate
        else:
            failing = middle
    if found is None:
        return None
    return working, found


# ---------------------------------------------------------------- opening the sources
def _open_backup(backups: Sequence[Path]) -> tuple[Path | None, sqlite3.Connection | None]:
    """The newest backup that opens and passes ``quick_check`` (read-only)."""
    for candidate in backups:
        try:
            uri = f"{candidate.absolute().as_uri()}?mode=ro&immutable=1"
            conn = sqlite3.connect(uri, uri=True)
        except (sqlite3.Error, ValueError):
            continue
        try:
            check = conn.execute("PRAGMA quick_check(1)").fetchall()
            if [tuple(r) for r in check] == [("ok",)]:
                return candidate, conn
            log.warning("salvage: backup %s failed its check", candidate.name)
        except sqlite3.Error as exc:
            log.warning("salvage: backup %s cannot be read: %s", candidate.name, exc)
        conn.close()
    return None, None


def _open_damaged(
    damaged: Path, work: Path, backup: Path | None
) -> sqlite3.Connection | None:
    """A connection to a repaired copy of the damaged file whose schema can be read, or
    ``None``."""
    copy = work / "damaged.sqlite3"
    try:
        shutil.copyfile(damaged, copy)
        for suffix in ("-wal", "-journal"):
            side = Path(f"{damaged}{suffix}")
            if side.exists():
                shutil.copyfile(side, f"{copy}{suffix}")
    except OSError as exc:
        log.warning("salvage: the damaged file cannot be copied: %s", exc)
        return None
    wal = Path(f"{copy}-wal")
    hint = _wal_page_size(wal) or (_header_page_size(backup) if backup else None)
    try:
        repair_header(copy, has_wal=wal.exists(), hint=hint)
    except OSError as exc:
        log.warning("salvage: the copy's header cannot be repaired: %s", exc)
        return None
    conn = _schema_readable(copy)
    if conn is None and backup is not None and _graft_schema(copy, backup):
        conn = _schema_readable(copy)
    return conn


def _schema_readable(copy: Path) -> sqlite3.Connection | None:
    try:
        conn = sqlite3.connect(str(copy), isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute("SELECT name, sql FROM sqlite_master").fetchall()
        return conn
    except sqlite3.Error as exc:
        log.warning("salvage: the damaged file's schema cannot be read: %s", exc)
        conn.close()
        return None


def repair_header(copy: Path, *, has_wal: bool, hint: int | None) -> bool:
    """Make the copy's 100-byte header SQLite's again where it is not (see the module
    docstring); returns whether anything was changed."""
    size = copy.stat().st_size
    with copy.open("r+b") as fh:
        head = bytearray(fh.read(100))
        if len(head) < 100:
            return False
        original = bytes(head)
        head[:16] = SQLITE_MAGIC
        page = int.from_bytes(head[16:18], "big")
        page = 65536 if page == 1 else page
        if page not in PAGE_SIZES or size % page:
            page = next((p for p in (hint, *PAGE_SIZES) if p and not size % p), 4096)
            head[16:18] = (1 if page == 65536 else page).to_bytes(2, "big")
        if head[18] not in (1, 2) or head[19] not in (1, 2):
            head[18] = head[19] = 2 if has_wal else 1
        if head[20] >= 32 or head[21:24] != b"\x40\x20\x20":
            head[20], head[21:24] = 0, b"\x40\x20\x20"
        if int.from_bytes(head[44:48], "big") not in (1, 2, 3, 4):
            head[44:48] = (4).to_bytes(4, "big")
        if int.from_bytes(head[56:60], "big") not in (1, 2, 3):
            head[56:60] = (1).to_bytes(4, "big")
        pages = size // page
        if (int.from_bytes(head[32:36], "big") > pages
                or int.from_bytes(head[36:40], "big") > pages):
            head[32:40] = bytes(8)  # a freelist that cannot be: forget it (reading only)
        if bytes(head) == original:
            return False
        # let SQLite take the size from the file: "valid-for" no longer matches the counter
        counter = int.from_bytes(head[24:28], "big")
        head[92:96] = ((counter + 1) & 0xFFFFFFFF).to_bytes(4, "big")
        fh.seek(0)
        fh.write(head)
    log.warning("salvage: the damaged file's header was repaired on a copy")
    return True


def _graft_schema(copy: Path, backup: Path) -> bool:
    """Put page 1 (the schema) of a backup of the same schema version and page size in
    place of the copy's, keeping the copy's header."""
    page = _header_page_size(copy)
    try:
        with backup.open("rb") as fh:
            first = fh.read(page or 0)
    except OSError:
        return False
    if not page or len(first) != page or first[:16] != SQLITE_MAGIC:
        return False
    if _header_page_size(backup) != page:
        return False
    with copy.open("r+b") as fh:
        head = fh.read(100)
        version = int.from_bytes(head[60:64], "big")
        if 0 < version <= SCHEMA_VERSION and version != int.from_bytes(first[60:64], "big"):
            return False  # another schema version: its tables may be elsewhere
        fh.seek(100)
        fh.write(first[100:])
        fh.seek(60)
        fh.write(first[60:64])
    log.warning("salvage: the damaged file's schema page was taken from %s", backup.name)
    return True


def _header_page_size(path: Path | None) -> int | None:
    if path is None:
        return None
    try:
        with path.open("rb") as fh:
            head = fh.read(18)
    except OSError:
        return None
    if len(head) < 18 or head[:16] != SQLITE_MAGIC:
        return None
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    return page if page in PAGE_SIZES else None


def _wal_page_size(wal: Path) -> int | None:
    try:
        with wal.open("rb") as fh:
            head = fh.read(12)
    except OSError:
        return None
    if len(head) < 12 or int.from_bytes(head[:4], "big") not in _WAL_MAGICS:
        return None
    page = int.from_bytes(head[8:12], "big")
    return page if page in PAGE_SIZES else None


def work_folder(path: Path) -> Path:
    """A private folder beside the data file for the copies (removed by the caller)."""
    import tempfile

    return Path(tempfile.mkdtemp(prefix=f"{path.name}.salvage-", dir=path.parent))


def remove_work_folder(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    if work.exists():
        log.warning("salvage: %s could not be removed", work)
