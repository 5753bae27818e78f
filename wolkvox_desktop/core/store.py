"""One SQLite file: operations, saved campaigns, and the append-only call history.

* **WAL mode, ``synchronous=NORMAL``**, and a synced commit of a ``pending`` row at least
  every :data:`SYNC_INTERVAL_S`. SQLite documents that in WAL mode a committed transaction
  survives the application crashing or being killed whatever the ``synchronous`` setting
  (and the file stays consistent in every case); with ``NORMAL`` the WAL is synced at
  checkpoints rather than at each commit, so an OS crash or a power cut may roll back the
  commits made since the last sync. Every history row is committed before the request
  goes out (:meth:`Store.begin_call`), so ``kill -9`` mid-run loses nothing (tested).
  For power cuts, :meth:`Store.begin_call` commits with ``synchronous=FULL`` when the last
  sync is older than :data:`SYNC_INTERVAL_S`; a sync flushes the whole WAL, so it makes
  every earlier commit durable too. A call made more than ``SYNC_INTERVAL_S`` after the
  previous one (the usual single click) is therefore synced before its request; in a bulk
  run (a call every ~50 ms) a power cut can lose at most the rows of the last
  ``SYNC_INTERVAL_S``, and Wolkvox's own campaign list (refresh) stays the authority on
  what happened. Syncing every pending row cost ~1.2 ms per call on the test machine
  (finishing rows too, as before: ~3 ms, 6 % of a 50 ms call; see ``benchmarks/bulk.py``),
  which alone broke the 5 % target. ``busy_timeout`` lets the GUI and the CLI share the
  file.
* **Migrations** are a list of steps; ``PRAGMA user_version`` is the number of steps
  applied. A file from a newer app version is refused with a sentence, never rewritten.
* **Thread-safe**: one connection (``check_same_thread=False``) guarded by a lock, so the
  GUI thread and the worker thread may both read and write.
* **Times** are stored as UTC ISO-8601 text and returned as timezone-aware *local*
  datetimes. A naive datetime handed in is taken as local time.
* **History**: :meth:`Store.begin_call` commits a ``pending`` row *before* the request;
  :meth:`Store.finish_call` completes it (a second finish of the same row is ignored and
  logged). A row left ``pending`` by a process that is gone (killed, crashed, power cut) is
  marked ``unknown`` with reason :data:`INTERRUPTED` and :data:`INTERRUPTED_MESSAGE`; see
  :meth:`Store.mark_stale_pending`. Whether a process is gone is known without pids: each
  open store holds an exclusive SQLite lock on a small file of its own in
  ``<store>.owners/``; the OS drops that lock when the process dies, on every platform.
* Server codes are normalised with :func:`parse_server_code` (``wv0032`` means ``0032``);
  an invalid one raises :class:`InvalidInput`.
* The token is never stored here (there is no column that could hold it).

Database failures (disk full, a locked or damaged file) raise :class:`StoreError`, whose
text is a sentence for the supervisor.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from time import monotonic
from typing import Any

from wolkvox_desktop.core.campaigns import (
    Action,
    Campaign,
    CampaignStatus,
    CampaignType,
    parse_server_code,
    validate_campaign_id,
)
from wolkvox_desktop.core.errors import CallResult, Outcome
from wolkvox_desktop.core.limits import MAX_SIMULTANEOUS

log = logging.getLogger(__name__)

PENDING = "pending"
INTERRUPTED = "interrupted"  # the ``reason`` of a pending row whose process is gone
INTERRUPTED_MESSAGE = (
    "The app stopped before Wolkvox answered, so this call may or may not have happened; "
    "check the campaign's status (refresh the list) before trying again."
)
CAMPAIGN_ACTIONS = (Action.START.value, Action.STOP.value)
# Outcomes of calls that never reached Wolkvox, so they cost no token (see calls_today).
NOT_SENT_OUTCOMES = (Outcome.INVALID.value, Outcome.UNDELIVERED.value)

BUSY_TIMEOUT_MS = 10_000
# PRAGMA synchronous: NORMAL for the connection, FULL for the commit of a pending row when
# the last synced commit is older than SYNC_INTERVAL_S (see the module docstring).
_SYNC_DEFAULT = "NORMAL"
_SYNC_DURABLE = "FULL"
SYNC_INTERVAL_S = 1.0
MAX_TIMEOUT_S = 600.0


class StoreError(Exception):
    """``str(exc)`` is a sentence for the supervisor; the sqlite error is the ``__cause__``."""


@dataclass(frozen=True)
class Operation:
    server: str  # validated server code, e.g. "0032"
    label: str = ""
    licenses: int = 1  # daily budget = licenses x 1000
    timeout_s: float = 60.0
    max_in_flight: int = 1  # 1 or 2


@dataclass(frozen=True)
class SavedCampaign:
    server: str
    campaign: Campaign
    manual: bool  # added by hand (True) or from information.php?api=campaigns (False)
    last_action: str | None = None  # "start" / "stop"
    last_outcome: str | None = None  # Outcome value or "pending"
    last_at: datetime | None = None


@dataclass(frozen=True)
class HistoryRow:
    id: int
    started_at: datetime  # local, timezone-aware
    server: str
    action: str  # "start" | "stop" | "campaigns" | "token_info"
    campaign_id: str | None
    campaign_type: str | None
    outcome: str  # Outcome value, or "pending"
    reason: str | None
    http_status: int | None
    code: int | None
    error: str | None
    msg: str | None  # Wolkvox's msg (or INTERRUPTED_MESSAGE for an interrupted row)
    duration_ms: int | None
    finished_at: datetime | None
    message: str | None = None  # our English sentence (CallResult.message)


# ---------------------------------------------------------------- migrations
# Each step is a list of statements; step i brings the file from user_version i to i + 1.
# Never edit a released step: append a new one.
MIGRATIONS: list[list[str]] = [
    # v1: the four tables
    [
        """CREATE TABLE operations (
            server TEXT PRIMARY KEY,
            label TEXT NOT NULL DEFAULT '',
            licenses INTEGER NOT NULL DEFAULT 1,
            timeout_s REAL NOT NULL DEFAULT 60,
            max_in_flight INTEGER NOT NULL DEFAULT 1
        )""",
        """CREATE TABLE campaigns (
            server TEXT NOT NULL,
            campaign_id TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            type TEXT,
            status TEXT NOT NULL DEFAULT 'unknown',
            manual INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (server, campaign_id)
        )""",
        """CREATE TABLE meta (
            server TEXT PRIMARY KEY,
            campaigns_refreshed_at TEXT
        )""",
        """CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            server TEXT NOT NULL,
            action TEXT NOT NULL,
            campaign_id TEXT,
            campaign_type TEXT,
            outcome TEXT NOT NULL DEFAULT 'pending',
            reason TEXT,
            http_status INTEGER,
            code INTEGER,
            error TEXT,
            msg TEXT,
            duration_ms INTEGER
        )""",
        "CREATE INDEX history_server_started ON history (server, started_at)",
    ],
    # v2: who owns a pending row (crash detection), our sentence, the last-action lookup
    [
        "ALTER TABLE history ADD COLUMN owner TEXT",
        "ALTER TABLE history ADD COLUMN message TEXT",
        "CREATE INDEX history_campaign ON history (server, campaign_id, id)",
        "CREATE INDEX history_outcome ON history (outcome)",
        # listed: Wolkvox's list has it (a campaign can be both listed and manual)
        "ALTER TABLE campaigns ADD COLUMN listed INTEGER NOT NULL DEFAULT 0",
        "UPDATE campaigns SET listed = 1 - manual",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)


# ---------------------------------------------------------------- time helpers
def _utc_text(moment: datetime) -> str:
    """UTC ISO text (fixed format, so text order is time order). Naive means local."""
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _moment(value: datetime | date) -> datetime:
    """A datetime as is; a date as the local midnight that starts it."""
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time())  # naive: local


def _local(text: str | None) -> datetime | None:
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone()


def local_midnight(now: datetime) -> datetime:
    """The local midnight starting ``now``'s local day (DST-safe), timezone-aware."""
    local_now = now.astimezone()
    naive = local_now.replace(tzinfo=None, hour=0, minute=0, second=0, microsecond=0)
    return naive.astimezone()


def _next_local_midnight(midnight: datetime) -> datetime:
    # +26 h always lands on the next local day, whatever the DST shift
    return local_midnight(midnight + timedelta(hours=26))


def _now() -> datetime:
    return datetime.now(timezone.utc)


# ---------------------------------------------------------------- process liveness
class _OwnerLock:
    """An exclusive SQLite lock on ``<dir>/<owner>.lock``, held while the store is open.

    The OS releases it when the process dies, so "can I lock this file?" tells whether its
    owner is gone, on Windows and POSIX alike, with no pid reuse trap.
    """

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

    @staticmethod
    def owner_alive(folder: Path, owner: str) -> bool:
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


# ---------------------------------------------------------------- the store
_OPEN_FAILED = (
    "The Wolkvox Desktop data file {path} could not be opened ({detail}). Check that the "
    "folder is writable and the disk is not full."
)
_WRITE_FAILED = (
    "Wolkvox Desktop could not update its data file ({detail}). Check that the disk is not "
    "full; if another copy of the app is busy, try again in a moment."
)


class Store:
    """Thread-safe (one connection guarded by a lock); ``Store(path)`` opens/migrates.

    Opening also marks pending rows left by processes that are gone as interrupted
    (:meth:`mark_stale_pending`). ``clock`` (returning an aware datetime) is for tests.
    Use as a context manager or call :meth:`close`.
    """

    def __init__(self, path: Path, *, clock: Callable[[], datetime] | None = None) -> None:
        self.path = Path(path)
        self._clock = clock or _now
        self._lock = threading.RLock()
        self._owner = uuid.uuid4().hex
        self._owners_dir = self.path.with_name(self.path.name + ".owners")
        self._owner_lock: _OwnerLock | None = None
        self._conn: sqlite3.Connection | None = None
        # calls_today cache: server -> (midnight text, next midnight text, count). Valid
        # while no other connection committed (PRAGMA data_version) and kept exact for this
        # connection's own history writes (see _write and begin_call).
        self._today: dict[str, tuple[str, str, int]] = {}
        self._data_version: int | None = None
        self._synced_at: float | None = None  # time.monotonic() of the last synced commit
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(
                str(self.path),
                isolation_level=None,  # autocommit; transactions are explicit
                check_same_thread=False,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
            self._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self._refuse_newer_schema()  # before WAL, which would rewrite the header
            mode = self._conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("store: journal_mode is %s, not wal (file system?)", mode)
            self._conn.execute(f"PRAGMA synchronous={_SYNC_DEFAULT}")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
            self._owner_lock = _OwnerLock(self._owners_dir, self._owner)
        except (sqlite3.Error, OSError) as exc:
            self.close()
            raise StoreError(_OPEN_FAILED.format(path=self.path, detail=exc)) from exc
        except StoreError:
            self.close()
            raise
        self.mark_stale_pending()
        self._sweep_owner_files()

    @classmethod
    def open_default(cls) -> Store:
        """The app's store: ``paths.store_path()`` (``WOLKVOX_DESKTOP_HOME`` honoured)."""
        from wolkvox_desktop.core import paths

        return cls(paths.store_path())

    # ---- lifecycle
    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                finally:
                    self._conn = None
            if self._owner_lock is not None:
                self._owner_lock.release()
                self._owner_lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._read() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    # ---- internals
    def _refuse_newer_schema(self) -> None:
        assert self._conn is not None
        version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The data file {self.path} was written by a newer version of Wolkvox "
                f"Desktop (schema {version}; this version knows {SCHEMA_VERSION}). Update "
                "the app; the file was left untouched."
            )

    def _migrate(self) -> None:
        assert self._conn is not None
        conn = self._conn
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        while version < SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            try:
                # another process may have migrated while we waited for the write lock
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
                if version > SCHEMA_VERSION:
                    self._refuse_newer_schema()  # raises; rolled back below
                if version < SCHEMA_VERSION:
                    for statement in MIGRATIONS[version]:
                        conn.execute(statement)
                    version += 1
                    conn.execute(f"PRAGMA user_version={version}")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            log.info("store: migrated %s to schema %d", self.path.name, version)

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._conn is None:
                raise StoreError("The Wolkvox Desktop data file is closed.")
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise StoreError(_WRITE_FAILED.format(detail=exc)) from exc

    @contextmanager
    def _write(
        self, *, durable: bool = False, keeps_today: bool = False
    ) -> Iterator[sqlite3.Connection]:
        """One committed transaction (BEGIN IMMEDIATE ... COMMIT) under the lock.

        ``durable``: the commit is synced to disk (``synchronous=FULL``) before this
        returns, so it survives a power cut too (and so does every earlier commit).
        ``keeps_today``: the caller keeps the :meth:`calls_today` cache exact itself (it
        does not change which history rows count); otherwise the cache is dropped.
        """
        with self._lock:
            if self._conn is None:
                raise StoreError("The Wolkvox Desktop data file is closed.")
            conn = self._conn
            if not keeps_today:
                self._today.clear()
            try:
                if durable:
                    conn.execute(f"PRAGMA synchronous={_SYNC_DURABLE}")
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                self._restore_sync(conn, durable)
                raise StoreError(_WRITE_FAILED.format(detail=exc)) from exc
            try:
                yield conn
                conn.execute("COMMIT")
                if durable:
                    self._synced_at = monotonic()
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(_WRITE_FAILED.format(detail=exc)) from exc
                raise
            finally:
                self._restore_sync(conn, durable)

    @staticmethod
    def _restore_sync(conn: sqlite3.Connection, durable: bool) -> None:
        if durable:
            try:
                conn.execute(f"PRAGMA synchronous={_SYNC_DEFAULT}")
            except sqlite3.Error:
                log.warning("store: could not restore synchronous=%s", _SYNC_DEFAULT)

    def _now_text(self) -> str:
        return _utc_text(self._clock())

    # ---- operations
    def upsert_operation(self, op: Operation) -> None:
        """Add or update an operation. ``max_in_flight`` is kept within 1..2, ``licenses``
        at least 1, and a timeout outside (0, 600] seconds falls back to 60."""
        server = parse_server_code(op.server)
        licenses = max(1, int(op.licenses))
        in_flight = max(1, min(MAX_SIMULTANEOUS, int(op.max_in_flight)))
        timeout = float(op.timeout_s)
        if not 0 < timeout <= MAX_TIMEOUT_S:
            timeout = Operation.timeout_s
        with self._write() as conn:
            conn.execute(
                """INSERT INTO operations (server, label, licenses, timeout_s, max_in_flight)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (server) DO UPDATE SET label = excluded.label,
                     licenses = excluded.licenses, timeout_s = excluded.timeout_s,
                     max_in_flight = excluded.max_in_flight""",
                (server, op.label.strip(), licenses, timeout, in_flight),
            )

    def operations(self) -> list[Operation]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT server, label, licenses, timeout_s, max_in_flight FROM operations "
                "ORDER BY server"
            ).fetchall()
        return [_operation(row) for row in rows]

    def operation(self, server: str) -> Operation | None:
        code = parse_server_code(server)
        with self._read() as conn:
            row = conn.execute(
                "SELECT server, label, licenses, timeout_s, max_in_flight FROM operations "
                "WHERE server = ?",
                (code,),
            ).fetchone()
        return _operation(row) if row else None

    def delete_operation(self, server: str) -> None:
        """Forget an operation and its saved campaigns; its history is kept (append-only)."""
        code = parse_server_code(server)
        with self._write() as conn:
            conn.execute("DELETE FROM operations WHERE server = ?", (code,))
            conn.execute("DELETE FROM campaigns WHERE server = ?", (code,))
            conn.execute("DELETE FROM meta WHERE server = ?", (code,))

    # ---- campaigns
    def replace_api_campaigns(self, server: str, campaigns: list[Campaign]) -> None:
        """Replace the campaigns listed by Wolkvox (manual ones are kept); records the refresh
        time for ``campaigns_refreshed_at``.

        A campaign added by hand that Wolkvox now lists keeps its manual flag and takes
        Wolkvox's name, type and status.
        """
        code = parse_server_code(server)
        now = self._now_text()
        with self._write() as conn:
            conn.execute("DELETE FROM campaigns WHERE server = ? AND manual = 0", (code,))
            conn.execute("UPDATE campaigns SET listed = 0 WHERE server = ?", (code,))
            for campaign in campaigns:
                conn.execute(
                    """INSERT INTO campaigns
                         (server, campaign_id, name, type, status, manual, listed, updated_at)
                       VALUES (?, ?, ?, ?, ?, 0, 1, ?)
                       ON CONFLICT (server, campaign_id) DO UPDATE SET listed = 1,
                         name = CASE WHEN excluded.name != '' THEN excluded.name ELSE name END,
                         type = COALESCE(excluded.type, type),
                         status = excluded.status, updated_at = excluded.updated_at""",
                    (
                        code,
                        campaign.id,
                        campaign.name,
                        campaign.type.value if campaign.type else None,
                        campaign.status.value,
                        now,
                    ),
                )
            conn.execute(
                """INSERT INTO meta (server, campaigns_refreshed_at) VALUES (?, ?)
                   ON CONFLICT (server) DO UPDATE SET
                     campaigns_refreshed_at = excluded.campaigns_refreshed_at""",
                (code, now),
            )

    def add_manual_campaign(self, server: str, campaign: Campaign) -> None:
        """Add (or update) a campaign by hand; the id is validated (``InvalidInput``)."""
        code = parse_server_code(server)
        campaign_id = validate_campaign_id(campaign.id)
        with self._write() as conn:
            conn.execute(
                """INSERT INTO campaigns
                     (server, campaign_id, name, type, status, manual, updated_at)
                   VALUES (?, ?, ?, ?, ?, 1, ?)
                   ON CONFLICT (server, campaign_id) DO UPDATE SET manual = 1,
                     name = CASE WHEN excluded.name != '' THEN excluded.name ELSE name END,
                     type = COALESCE(excluded.type, type), updated_at = excluded.updated_at""",
                (
                    code,
                    campaign_id,
                    campaign.name.strip(),
                    campaign.type.value if campaign.type else None,
                    campaign.status.value,
                    self._now_text(),
                ),
            )

    def remove_manual_campaign(self, server: str, campaign_id: str) -> None:
        """Remove a hand-added campaign (one Wolkvox lists stays, no longer marked manual)."""
        code = parse_server_code(server)
        cid = campaign_id.strip()
        with self._write() as conn:
            conn.execute(
                "DELETE FROM campaigns WHERE server = ? AND campaign_id = ? AND manual = 1 "
                "AND listed = 0",
                (code, cid),
            )
            conn.execute(
                "UPDATE campaigns SET manual = 0 WHERE server = ? AND campaign_id = ?",
                (code, cid),
            )

    def campaigns(self, server: str) -> list[SavedCampaign]:
        """The operation's campaigns by name, each with its latest start/stop from history."""
        code = parse_server_code(server)
        with self._read() as conn:
            rows = conn.execute(
                """SELECT c.campaign_id, c.name, c.type, c.status, c.manual,
                          h.action, h.outcome, h.started_at
                   FROM campaigns AS c
                   LEFT JOIN history AS h ON h.id = (
                       SELECT id FROM history
                       WHERE server = c.server AND campaign_id = c.campaign_id
                         AND action IN (?, ?)
                       ORDER BY id DESC LIMIT 1)
                   WHERE c.server = ?
                   ORDER BY lower(c.name), c.campaign_id""",
                (*CAMPAIGN_ACTIONS, code),
            ).fetchall()
        result = []
        for cid, name, ctype, status, manual, action, outcome, at in rows:
            campaign = Campaign(
                id=cid,
                name=name,
                type=_campaign_type(ctype),
                status=CampaignStatus.parse(status),
            )
            result.append(
                SavedCampaign(
                    server=code,
                    campaign=campaign,
                    manual=bool(manual),
                    last_action=action,
                    last_outcome=outcome,
                    last_at=_local(at),
                )
            )
        return result

    def campaigns_refreshed_at(self, server: str) -> datetime | None:
        code = parse_server_code(server)
        with self._read() as conn:
            row = conn.execute(
                "SELECT campaigns_refreshed_at FROM meta WHERE server = ?", (code,)
            ).fetchone()
        return _local(row[0]) if row else None

    def set_campaign_status(self, server: str, campaign_id: str, status: str) -> None:
        """Update a saved campaign's status (``started``/``stopped``/``unknown``, any case);
        a campaign that is not saved is left alone."""
        code = parse_server_code(server)
        value = CampaignStatus.parse(status).value
        with self._write(keeps_today=True) as conn:
            conn.execute(
                "UPDATE campaigns SET status = ?, updated_at = ? "
                "WHERE server = ? AND campaign_id = ?",
                (value, self._now_text(), code, campaign_id),
            )

    # ---- history
    def begin_call(
        self,
        server: str,
        action: Action | str,
        campaign_id: str | None = None,
        campaign_type: CampaignType | str | None = None,
    ) -> int:
        """Insert a ``pending`` row (committed before the request) and return its id."""
        code = parse_server_code(server)
        action_text = action.value if isinstance(action, Action) else str(action)
        type_text = (
            campaign_type.value
            if isinstance(campaign_type, CampaignType)
            else (str(campaign_type) if campaign_type is not None else None)
        )
        started = self._now_text()
        with self._lock:  # the cached count changes only once the row is committed
            # synced before the request goes out unless a sync is recent (module docstring)
            last = self._synced_at
            durable = last is None or monotonic() - last >= SYNC_INTERVAL_S
            with self._write(durable=durable, keeps_today=True) as conn:
                cursor = conn.execute(
                    """INSERT INTO history
                         (started_at, server, action, campaign_id, campaign_type, outcome,
                          owner)
                       VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    (started, code, action_text, campaign_id, type_text, PENDING,
                     self._owner),
                )
                row_id = cursor.lastrowid
            self._count_today(code, started)
        assert row_id is not None
        return int(row_id)

    def _count_today(self, code: str, started: str) -> None:
        """A pending row (it counts) was just inserted: add it to the cached count."""
        cached = self._today.get(code)
        if cached is not None:
            low, high, count = cached
            if low <= started < high:
                self._today[code] = (low, high, count + 1)

    def finish_call(self, row_id: int, result: CallResult) -> None:
        """Complete a pending row with its result.

        Only the first finish counts: finishing a row again is ignored (and logged), so a
        history row never changes once its outcome is known. A row marked interrupted by
        another process that wrongly thought this one gone is still completed.
        """
        # a row stops counting only when it ends as not sent (invalid / undelivered)
        counted = result.outcome.value not in NOT_SENT_OUTCOMES
        with self._write(keeps_today=counted) as conn:
            cursor = conn.execute(
                """UPDATE history SET finished_at = ?, outcome = ?, reason = ?,
                     http_status = ?, code = ?, error = ?, msg = ?, duration_ms = ?,
                     message = ?
                   WHERE id = ? AND finished_at IS NULL""",
                (
                    self._now_text(),
                    result.outcome.value,
                    result.reason.value,
                    result.http_status,
                    result.code,
                    result.error,
                    result.msg,
                    int(result.duration_ms),
                    result.message,
                    int(row_id),
                ),
            )
            updated = cursor.rowcount
        if updated != 1:
            log.warning("store: history row %s was already finished or does not exist", row_id)

    def mark_stale_pending(self) -> int:
        """Mark ``unknown``/``interrupted`` every pending row whose process is gone (killed,
        crashed); return how many. Rows of stores open in this or another live process are
        left alone. Runs on open and before every :meth:`history` query."""
        with self._read() as conn:
            owners = [
                row[0]
                for row in conn.execute(
                    "SELECT DISTINCT owner FROM history WHERE outcome = ?", (PENDING,)
                ).fetchall()
            ]
        dead = [
            owner
            for owner in owners
            if owner != self._owner
            and (owner is None or not _OwnerLock.owner_alive(self._owners_dir, owner))
        ]
        if not dead:
            return 0
        marked = 0
        with self._write(keeps_today=True) as conn:  # pending -> unknown: both count
            for owner in dead:
                cursor = conn.execute(
                    """UPDATE history SET outcome = ?, reason = ?, msg = ?, message = ?
                       WHERE outcome = ? AND finished_at IS NULL AND owner IS ?""",
                    (Outcome.UNKNOWN.value, INTERRUPTED, INTERRUPTED_MESSAGE,
                     INTERRUPTED_MESSAGE, PENDING, owner),
                )
                marked += cursor.rowcount
        if marked:
            log.warning("store: %d call(s) interrupted by an earlier stop marked unknown", marked)
        return marked

    def _sweep_owner_files(self) -> None:
        """Remove lock files of processes that are gone (best effort)."""
        try:
            files = list(self._owners_dir.glob("*.lock"))
        except OSError:
            return
        for path in files:
            if path.stem != self._owner:
                _OwnerLock.owner_alive(self._owners_dir, path.stem)

    def history(
        self,
        *,
        since: datetime | date | None = None,
        until: datetime | date | None = None,
        server: str | None = None,
        campaign_id: str | None = None,
        action: str | None = None,
        outcome: str | None = None,
        limit: int | None = None,
    ) -> list[HistoryRow]:
        """Newest first. ``since`` is inclusive and ``until`` exclusive (naive = local; a
        ``date`` means that day's local midnight, so ``until=date`` excludes that day).

        ``outcome="unknown"`` also matches rows interrupted by a crash (they are stored as
        ``unknown``); ``outcome="pending"`` matches calls still in flight.
        """
        self.mark_stale_pending()
        clauses: list[str] = []
        params: list[Any] = []
        if since is not None:
            clauses.append("started_at >= ?")
            params.append(_utc_text(_moment(since)))
        if until is not None:
            clauses.append("started_at < ?")
            params.append(_utc_text(_moment(until)))
        if server is not None:
            clauses.append("server = ?")
            params.append(parse_server_code(server))
        if campaign_id is not None:
            clauses.append("campaign_id = ?")
            params.append(campaign_id.strip())
        if action is not None:
            clauses.append("action = ?")
            params.append(action.value if isinstance(action, Action) else str(action))
        if outcome is not None:
            clauses.append("outcome = ?")
            params.append(outcome.value if isinstance(outcome, Outcome) else str(outcome))
        # only constant column names and "?" placeholders are joined; values are bound
        sql = f"SELECT {_HISTORY_COLUMNS} FROM history"  # noqa: S608
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY started_at DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, int(limit)))
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [_history_row(row) for row in rows]

    def calls_today(self, server: str, now: datetime | None = None) -> int:
        """Calls (every kind, each costs a token) since local midnight for this operation.

        Counted: every row started today, reads included, pending and unknown ones too (they
        may have reached Wolkvox). Not counted: ``invalid`` (nothing was sent) and
        ``undelivered`` (the connection never reached Wolkvox, so no token was used).
        """
        code = parse_server_code(server)
        midnight = local_midnight(now if now is not None else self._clock())
        low, high = _utc_text(midnight), _utc_text(_next_local_midnight(midnight))
        with self._read() as conn:
            # The count is cached (it is asked before every call, and counting grows with
            # the day's rows): dropped when another connection (another process, another
            # Store) committed since, and kept exact for this connection's own writes.
            version = int(conn.execute("PRAGMA data_version").fetchone()[0])
            if version != self._data_version:
                self._today.clear()
                self._data_version = version
            cached = self._today.get(code)
            if cached is not None and cached[0] == low and cached[1] == high:
                return cached[2]
            row = conn.execute(
                """SELECT count(*) FROM history
                   WHERE server = ? AND started_at >= ? AND started_at < ?
                     AND outcome NOT IN (?, ?)""",
                (code, low, high, *NOT_SENT_OUTCOMES),
            ).fetchone()
            count = int(row[0])
            self._today[code] = (low, high, count)
        return count

    def integrity_check(self) -> str:
        """``PRAGMA integrity_check``: ``"ok"`` when the file is sound."""
        with self._read() as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(str(r[0]) for r in rows)


_HISTORY_COLUMNS = (
    "id, started_at, server, action, campaign_id, campaign_type, outcome, reason, "
    "http_status, code, error, msg, duration_ms, finished_at, message"
)


def _history_row(row: Sequence[Any]) -> HistoryRow:
    started = _local(row[1])
    assert started is not None
    return HistoryRow(
        id=int(row[0]),
        started_at=started,
        server=row[2],
        action=row[3],
        campaign_id=row[4],
        campaign_type=row[5],
        outcome=row[6],
        reason=row[7],
        http_status=row[8],
        code=row[9],
        error=row[10],
        msg=row[11],
        duration_ms=row[12],
        finished_at=_local(row[13]),
        message=row[14],
    )


def _operation(row: Sequence[Any]) -> Operation:
    return Operation(
        server=row[0],
        label=row[1],
        licenses=int(row[2]),
        timeout_s=float(row[3]),
        max_in_flight=int(row[4]),
    )


def _campaign_type(value: str | None) -> CampaignType | None:
    if value is None:
        return None
    try:
        return CampaignType(value)
    except ValueError:
        return None
