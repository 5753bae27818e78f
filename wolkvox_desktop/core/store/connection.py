"""The store's SQLite connection: opening, migrating, one lock around every transaction,
and what happens when the file is damaged.

* **WAL mode, ``synchronous=NORMAL``**, and a synced commit of a ``pending`` row at least
  every :data:`SYNC_INTERVAL_S` (see :mod:`.history`). SQLite documents that in WAL mode a
  committed transaction survives the application crashing or being killed whatever the
  ``synchronous`` setting (and the file stays consistent in every case); with ``NORMAL``
  the WAL is synced at checkpoints rather than at each commit, so an OS crash or a power
  cut may roll back the commits made since the last sync. ``busy_timeout`` lets the GUI
  and the CLI share the file.
* **Migrations** (:mod:`.schema`): ``PRAGMA user_version`` is the number of steps applied.
  A file from a newer app version is refused with a sentence, never rewritten.
* **Thread-safe**: one connection (``check_same_thread=False``) guarded by a lock, so the
  GUI's background jobs may all read and write.
* **Backups** (:mod:`.backup`): after a change to the operations, plans or hand-added
  campaigns (counted by triggers in ``backup_mark``; checked with one small query after
  each commit), and once a day: a command backs up as it closes the store, a long-lived
  process (open a minute or more) at its first unsynced write of the day. Never before a
  call: a commit synced before a request (``durable``) never waits for a backup.
* **Damage loses nothing that matters**: a file SQLite finds damaged (not a database,
  malformed: ``SQLITE_NOTADB``/``SQLITE_CORRUPT``) while opening it *or at any later
  statement* is rebuilt (:mod:`.salvage`: what can be read, the rest from the latest
  backup, today's usage counted conservatively), under a lock file beside it
  (``<name>.recover.lock``) so exactly one process does it; the damaged file is kept as
  ``<name>.corrupt-<YYYYmmdd-HHMMSS>`` with its ``-wal``/``-shm``. A statement that met
  the damage is not retried: it ends in a :class:`StoreError` saying the file was rebuilt
  and to try again. A file set aside by another process while this one has it open is
  noticed at the next write (the path no longer names the open file; checked with one
  ``stat`` inside the write transaction) and at a read at most once a second: the store
  reopens the rebuilt file.
* **Everyone hears it until someone has seen it** (:mod:`.recovery`): each open, and each
  reopen, that finds an unseen rebuild in the file tells the listeners added with
  :func:`add_recovery_listener` (in the thread that opened it). Only the instance that
  did the rebuild has :attr:`Connection.recovered_from` set (the kept file).
* **Private files** (:mod:`.files`): ``0600``/``0700``, and a read-only ``-wal``/``-shm``
  left by a data file once made read-only is made writable again before SQLite opens it.
* Other database failures raise :class:`StoreError`, whose text is a sentence for the
  supervisor naming the cause SQLite gave (locked, read-only, disk full, disk error:
  :mod:`.failures`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import partial
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING

from wolkvox_desktop.core.store import failures, files, owners, recovery
from wolkvox_desktop.core.store.records import StoreError, utc_now, utc_text
from wolkvox_desktop.core.store.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from wolkvox_desktop.core.store.notices import Recovery

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
# PRAGMA synchronous: NORMAL for the connection, FULL for the commit of a pending row when
# the last synced commit is older than SYNC_INTERVAL_S (see history.py).
SYNC_DEFAULT = "NORMAL"
SYNC_DURABLE = "FULL"
SYNC_INTERVAL_S = 1.0

REBUILT_WHILE_IN_USE = (
    "Wolkvox Desktop found its data file {path} damaged while using it and rebuilt it "
    "(see the notice about the rebuild); this step was not done: try it again."
)
CLOSED = "The Wolkvox Desktop data file is closed."

FILE_MODE = files.FILE_MODE
FOLDER_MODE = files.FOLDER_MODE
CORRUPT_INFIX = files.CORRUPT_INFIX
SIDE_SUFFIXES = files.SIDE_SUFFIXES
RECOVERY_LOCK_SUFFIX = ".recover.lock"
RECOVERY_WAIT_S = 120.0  # a rebuild reads the whole damaged file: it may take a while
LONG_LIVED_S = 60.0  # open this long: the day's backup is made at a write, not at close
RECHECK_S = 1.0  # a read checks at most this often that the file was not set aside

RecoveryListener = recovery.RecoveryListener
add_recovery_listener = recovery.add_listener
remove_recovery_listener = recovery.remove_listener


class Connection:
    """The open file: ``Connection(path)`` opens and migrates it. The tables' methods live
    in the subclasses that make up :class:`~wolkvox_desktop.core.store.Store`.

    ``clock`` (returning an aware datetime) is for tests. Use as a context manager or call
    :meth:`close`.
    """

    def __init__(self, path: Path, *, clock: Callable[[], datetime] | None = None) -> None:
        self.path = Path(path)
        self._clock = clock or utc_now
        self._lock = threading.RLock()
        self._owner = os.urandom(16).hex()  # (uuid drags platform in: ~3 ms of start-up)
        self._owners_dir = self.path.with_name(self.path.name + ".owners")
        self._owner_lock: owners.OwnerLock | None = None
        self._conn: sqlite3.Connection | None = None
        self._closed = False
        # calls_today cache: server -> (midnight text, next midnight text, count). Valid
        # while no other connection committed (PRAGMA data_version) and kept exact for this
        # connection's own history writes (see _write and HistoryLog.begin_call).
        self._today: dict[str, tuple[str, str, int]] = {}
        self._data_version: int | None = None
        self._synced_at: float | None = None  # time.monotonic() of the last synced commit
        self._file: tuple[int, int] | None = None  # (device, inode) of the open file
        self._checked_at = 0.0  # monotonic() of a read's last check of that
        self._opened_at = monotonic()
        self._backup_due = False  # the day's backup (or a change's) is still to be made
        self._backups_off = False  # a backup failed: no more tries in this process
        self._has_floors = False  # the file has usage floors (left by a rebuild)
        self._has_unseen = False  # the file has a rebuild no person has seen
        self._opening = False
        self._told: set[int] = set()  # the rebuilds this instance told its listeners of
        self._stuck: list[Path] = []  # side files that could not be made writable at open
        from wolkvox_desktop.core.paths import is_network_filesystem

        #: on a network file system: a rollback journal and every commit synced
        self.on_network = is_network_filesystem(self.path.parent)
        self._sync_default = SYNC_DURABLE if self.on_network else SYNC_DEFAULT
        self.recovered_from: Path | None = None  # the damaged file this instance set aside
        self._open_again()

    def _open(self) -> None:
        """Open, migrate and check the file; closed again if anything fails."""
        self._opening = True
        try:
            self._open_file()
        finally:
            self._opening = False

    def _open_file(self) -> None:
        stuck: list[Path] = []
        try:
            files.make_private_file(self.path)
            stuck = self._stuck = files.fix_side_files(self.path, others_open=self._others_open)
            self._file = files.file_id(self.path)
            self._checked_at = monotonic()
            self._conn = sqlite3.connect(
                str(self.path),
                isolation_level=None,  # autocommit; transactions are explicit
                check_same_thread=False,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
            self._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self._refuse_newer_schema()  # before WAL, which would rewrite the header
            # WAL needs shared memory between the processes of one computer: on a network
            # file system (a redirected profile folder) a rollback journal, synced always
            journal = "DELETE" if self.on_network else "WAL"
            mode = self._conn.execute(f"PRAGMA journal_mode={journal}").fetchone()[0]
            if str(mode).lower() != journal.lower():
                log.warning("store: journal_mode is %s, not %s", mode, journal)
            if self.on_network:
                log.info("store: %s is on a network file system: rollback journal", self.path)
            self._conn.execute(f"PRAGMA synchronous={self._sync_default}")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
            self._read_marks()
            self._owner_lock = owners.OwnerLock(self._owners_dir, self._owner)
        except (sqlite3.Error, OSError) as exc:
            self._drop_connection()
            raise StoreError(failures.open_failed(self.path, exc, stuck=stuck)) from exc
        except BaseException:
            self._drop_connection()
            raise
        try:
            self._after_open()
        except BaseException:
            self._drop_connection()
            raise

    def _others_open(self) -> bool:
        """Whether another store (in any process) has this file open, by its owner lock."""
        try:
            locks = list(self._owners_dir.glob(f"*{owners.LOCK_SUFFIX}"))
        except OSError:
            return True
        return any(owners.owner_alive(self._owners_dir, lock.stem) for lock in locks)

    def _recover(self, failure: StoreError) -> None:
        """The file looked damaged: under the recovery lock, rebuild it if it still is
        (another process may have done it already), then open what is there."""
        from filelock import FileLock, Timeout

        lock = FileLock(
            str(self.path) + RECOVERY_LOCK_SUFFIX, timeout=RECOVERY_WAIT_S, mode=FILE_MODE
        )
        try:
            with lock:
                if files.still_damaged(self.path):
                    self._rebuild(failure)
                self._open()
        except Timeout as exc:
            raise StoreError(
                f"The Wolkvox Desktop data file {self.path} is damaged and another copy of "
                "the app is still rebuilding it; try again in a minute."
            ) from exc
        except OSError as exc:
            raise StoreError(failures.open_failed(self.path, exc)) from exc

    def _rebuild(self, failure: StoreError) -> None:
        """Build the replacement beside the file, then set the damaged one aside."""
        from wolkvox_desktop.core.store import backup, salvage

        kept = files.kept_name(self.path)
        work = salvage.work_folder(self.path)
        try:
            rebuilt = work / "rebuilt.sqlite3"
            outcome = salvage.rebuild(rebuilt, self.path, kept, backup.backups(self.path),
                                      self._clock(), work)
            files.set_aside(self.path, kept, rebuilt)
        except OSError:
            raise  # said by _recover: the folder or the disk
        except Exception as exc:  # noqa: BLE001 - nothing was renamed: say so, keep the file
            log.exception("store: %s could not be rebuilt", self.path)
            raise StoreError(failures.open_failed(
                self.path, failure, detail=f"damaged, and the rebuild failed: {exc}"
            )) from exc
        finally:
            salvage.remove_work_folder(work)
        self.recovered_from = kept
        log.warning("store: %s was damaged (%s); kept as %s and rebuilt: %s", self.path,
                    failure.__cause__ or failure, kept, outcome)

    def _after_open(self) -> None:
        """Hook for the tables once the file is open (the history marks stale rows)."""
        owners.sweep(self._owners_dir, self._owner)

    # ---- the notice of a rebuild
    def _tell_unseen(self) -> None:
        """Tell the listeners about each unseen rebuild in the open file (once per rebuild
        and instance)."""
        if self._conn is None or not self._has_unseen or not recovery.listening():
            return
        try:
            with self._read() as conn:
                found = [r for r in recovery.unseen(conn) if r.id not in self._told]
        except StoreError:
            log.exception("store: the rebuild notices cannot be read")
            return
        from wolkvox_desktop.core.store.notices import RecoveryNotice

        for item in found:
            self._told.add(item.id)
            recovery.tell(RecoveryNotice(self.path, item, partial(self.mark_recovery_seen,
                                                                  item.id)))

    def unseen_recoveries(self) -> list[Recovery]:
        """The rebuilds of this file no person has seen yet, oldest first."""
        with self._read() as conn:
            return recovery.unseen(conn)

    def mark_recovery_seen(self, recovery_id: int) -> None:
        """A person has seen the notice of this rebuild: it is not told again."""
        with self._write(keeps_today=True) as conn:
            recovery.mark_seen(conn, recovery_id, self._now_text())

    def usage_uncertain(self, server: str, now: datetime | None = None) -> bool:
        """Whether today's token uses of ``server`` could not be known after a rebuild."""
        if not self._has_floors:
            return False
        low, high = self._day_bounds(now)
        from wolkvox_desktop.core.campaigns import parse_server_code

        with self._read() as conn:
            return recovery.usage_uncertain(conn, parse_server_code(server), low, high)

    def _usage_floor(self, conn: sqlite3.Connection, server: str, low: str, high: str) -> int:
        """Today's uses recorded before a rebuild (0 when the file never was rebuilt)."""
        return recovery.usage_floor(conn, server, low, high) if self._has_floors else 0

    def _day_bounds(self, now: datetime | None) -> tuple[str, str]:
        from wolkvox_desktop.core.store.records import local_midnight, next_local_midnight

        midnight = local_midnight(now if now is not None else self._clock())
        return utc_text(midnight), utc_text(next_local_midnight(midnight))

    # ---- lifecycle
    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            if self._backup_due and self._conn is not None:
                self._backup_now(at_close=True)
            self._closed = True
            self._drop_connection()

    def _drop_connection(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                except sqlite3.Error:
                    log.warning("store: the connection did not close cleanly")
                finally:
                    self._conn = None
            if self._owner_lock is not None:
                self._owner_lock.release()
                self._owner_lock = None

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._read() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_check(self) -> str:
        """``PRAGMA integrity_check``: ``"ok"`` when the file is sound."""
        with self._read() as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(str(r[0]) for r in rows)

    # ---- opening
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

    def _read_marks(self) -> None:
        """One query at open: is a backup due, and was the file ever rebuilt."""
        assert self._conn is not None
        try:
            row = self._conn.execute(
                """SELECT (SELECT changes FROM backup_mark),
                          (SELECT backed_up FROM backup_mark),
                          (SELECT backed_up_day FROM backup_mark),
                          EXISTS (SELECT 1 FROM history), EXISTS (SELECT 1 FROM usage_floors),
                          EXISTS (SELECT 1 FROM store_recoveries WHERE seen = 0)"""
            ).fetchone()
        except sqlite3.OperationalError as exc:  # a table missing: no backups, no floors
            if failures.is_damage(exc):
                raise
            log.warning("store: %s has no backup mark (%s): no backups", self.path, exc)
            self._backups_off = True
            return
        self._has_floors, self._has_unseen = bool(row[4]), bool(row[5])
        if row[0] is None:  # the row was removed by hand: back up, count again from here
            self._backup_due = True
            return
        self._backup_due = self._backup_needed(row[0], row[1], row[2], bool(row[3]))

    def _backup_needed(self, changes: int, backed_up: int, day: str | None,
                       has_history: bool) -> bool:
        """A change since the last backup, or a day without one (for a file with
        something in it)."""
        if changes != backed_up:
            return True
        return day != self._today_text() and (changes > 0 or has_history)

    def _today_text(self) -> str:
        return self._clock().astimezone().strftime("%Y-%m-%d")

    # ---- backups
    def _after_commit(self, conn: sqlite3.Connection, durable: bool) -> None:
        """After each commit: back up now after a change to what backups keep; the day's
        backup waits for an unsynced write of a long-lived process, or the close."""
        if self._backups_off or self._opening:
            return
        try:
            row = conn.execute(
                "SELECT changes, backed_up, backed_up_day FROM backup_mark").fetchone()
        except sqlite3.Error:
            return
        if row is None:
            return
        if row[0] != row[1]:
            self._backup_now()
        elif self._backup_due or self._backup_needed(row[0], row[1], row[2], True):
            self._backup_due = True
            if not durable and monotonic() - self._opened_at >= LONG_LIVED_S:
                self._backup_now()

    def _backup_now(self, *, at_close: bool = False) -> None:
        """Make a backup (failures are logged; a damaged page found by the backup's check
        starts a rebuild)."""
        from wolkvox_desktop.core.store import backup

        conn = self._conn
        if conn is None or self._backups_off:
            return
        try:
            row = conn.execute("SELECT changes FROM backup_mark").fetchone()
            changes = int(row[0]) if row else 0
            backup.make_backup(conn, self.path, self._clock())
            if row is None:
                conn.execute("INSERT OR IGNORE INTO backup_mark VALUES (1, 0, 0, NULL)")
            conn.execute("UPDATE backup_mark SET backed_up = ?, backed_up_day = ?",
                         (changes, self._today_text()))
            self._backup_due = False
        except backup.BackupDamaged as exc:
            log.warning("store: %s has a damaged page (%s)", self.path, exc)
            self._backups_off = True
            try:  # the change just committed is in the file: it is read back by the rebuild
                self._rebuild_in_use(_because(exc))
            except StoreError as failed:  # found again at the next query or backup
                log.warning("store: %s", failed)
            if at_close:
                self._backup_due = False
        except (sqlite3.Error, OSError) as exc:
            log.warning("store: no backup of %s: %s", self.path, exc)
            self._backups_off = True

    # ---- damage found while in use
    def _rebuild_in_use(self, failure: StoreError) -> None:
        """Damage met by a statement of the open file: close it, rebuild (or find it
        rebuilt by another process), reopen, and tell the listeners."""
        with self._lock:
            self._drop_connection()
            self._today.clear()
            self._data_version = None
            self._recover(failure)
            self._backups_off = False  # the rebuilt file is backed up again
            self._tell_unseen()

    def _reopen_if_replaced(self) -> None:
        """The path names another file than the open one (set aside and rebuilt by
        another process): open the one now there."""
        current = files.file_id(self.path)
        if current is None or current == self._file:
            return
        log.warning("store: %s was replaced by another process; reopening it", self.path)
        self._drop_connection()
        self._open_again()

    def _open_again(self) -> None:
        """Open the file at the path (again), rebuilt first if it is damaged, and tell the
        listeners of a rebuild nobody has seen yet."""
        self._today.clear()
        self._data_version = None
        try:
            self._open()
        except StoreError as exc:
            if not failures.is_damage(exc):
                raise
            self._recover(exc)
        self._tell_unseen()

    def _failure(self, exc: sqlite3.Error, *, writing: bool) -> StoreError:
        """The StoreError for a statement that failed; damage is rebuilt first (while
        opening, the open itself rebuilds it: the error keeps SQLite's as its cause)."""
        if not failures.is_damage(exc) or self._opening:
            return StoreError(failures.use_failed(self.path, exc, writing=writing,
                                                  stuck=self._stuck))
        log.warning("store: %s found damaged in use: %s", self.path, exc)
        try:
            self._rebuild_in_use(_because(exc))
        except StoreError as rebuild_failed:
            return rebuild_failed
        return StoreError(REBUILT_WHILE_IN_USE.format(path=self.path))

    # ---- transactions
    def _live(self) -> sqlite3.Connection:
        if self._closed:
            raise StoreError(CLOSED)
        if self._conn is None:  # a reopen failed earlier: try again
            self._open_again()
        assert self._conn is not None
        return self._conn

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._live()
            now = monotonic()
            if now - self._checked_at >= RECHECK_S and not self._conn_in_transaction():
                self._checked_at = now
                self._reopen_if_replaced()
                conn = self._live()
            try:
                yield conn
            except sqlite3.Error as exc:
                raise self._failure(exc, writing=False) from exc

    def _conn_in_transaction(self) -> bool:
        return self._conn is not None and self._conn.in_transaction

    @contextmanager
    def _write(
        self, *, durable: bool = False, keeps_today: bool = False
    ) -> Iterator[sqlite3.Connection]:
        """One committed transaction (BEGIN IMMEDIATE ... COMMIT) under the lock.

        ``durable``: the commit is synced to disk (``synchronous=FULL``) before this
        returns, so it survives a power cut too (and so does every earlier commit).
        ``keeps_today``: the caller keeps the ``calls_today`` cache exact itself (it does
        not change which history rows count); otherwise the cache is dropped.
        """
        with self._lock:
            conn = self._begin(durable)
            if not keeps_today:
                self._today.clear()
            try:
                yield conn
                conn.execute("COMMIT")
                if durable:
                    self._synced_at = monotonic()
            except BaseException as exc:
                self._rollback(conn)
                if isinstance(exc, sqlite3.Error):
                    raise self._failure(exc, writing=True) from exc
                raise
            finally:
                if self._conn is conn:
                    self._restore_sync(conn, durable)
            self._after_commit(conn, durable)

    def _begin(self, durable: bool) -> sqlite3.Connection:
        """BEGIN IMMEDIATE on the file the path names now (reopened if it was set aside
        while this process had it open: the write lock taken was the old file's)."""
        conn = self._start(durable)
        if files.file_id(self.path) in (self._file, None):
            return conn
        self._rollback(conn)
        self._restore_sync(conn, durable)
        self._reopen_if_replaced()
        return self._start(durable)

    def _start(self, durable: bool) -> sqlite3.Connection:
        conn = self._live()
        try:
            if durable:
                conn.execute(f"PRAGMA synchronous={SYNC_DURABLE}")
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            self._restore_sync(conn, durable)
            raise self._failure(exc, writing=True) from exc
        return conn

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        try:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            log.warning("store: rollback failed: %s", exc)

    def _restore_sync(self, conn: sqlite3.Connection, durable: bool) -> None:
        if durable:
            try:
                conn.execute(f"PRAGMA synchronous={self._sync_default}")
            except sqlite3.Error:
                log.warning("store: could not restore synchronous=%s", self._sync_default)

    def _now_text(self) -> str:
        return utc_text(self._clock())


def _because(exc: BaseException) -> StoreError:
    """A StoreError whose cause is ``exc`` (what the rebuild's sentences look through)."""
    failure = StoreError(str(exc))
    failure.__cause__ = exc
    return failure
