"""The store's SQLite connection: opening, migrating, and one lock around every transaction.

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
* Database failures (disk full, a locked or damaged file) raise :class:`StoreError`, whose
  text is a sentence for the supervisor.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from time import monotonic

from wolkvox_desktop.core.store import owners
from wolkvox_desktop.core.store.records import StoreError, utc_now, utc_text
from wolkvox_desktop.core.store.schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
# PRAGMA synchronous: NORMAL for the connection, FULL for the commit of a pending row when
# the last synced commit is older than SYNC_INTERVAL_S (see history.py).
SYNC_DEFAULT = "NORMAL"
SYNC_DURABLE = "FULL"
SYNC_INTERVAL_S = 1.0

OPEN_FAILED = (
    "The Wolkvox Desktop data file {path} could not be opened ({detail}). Check that the "
    "folder is writable and the disk is not full."
)
WRITE_FAILED = (
    "Wolkvox Desktop could not update its data file ({detail}). Check that the disk is not "
    "full; if another copy of the app is busy, try again in a moment."
)


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
        self._owner = uuid.uuid4().hex
        self._owners_dir = self.path.with_name(self.path.name + ".owners")
        self._owner_lock: owners.OwnerLock | None = None
        self._conn: sqlite3.Connection | None = None
        # calls_today cache: server -> (midnight text, next midnight text, count). Valid
        # while no other connection committed (PRAGMA data_version) and kept exact for this
        # connection's own history writes (see _write and HistoryLog.begin_call).
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
            self._conn.execute(f"PRAGMA synchronous={SYNC_DEFAULT}")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
            self._owner_lock = owners.OwnerLock(self._owners_dir, self._owner)
        except (sqlite3.Error, OSError) as exc:
            self.close()
            raise StoreError(OPEN_FAILED.format(path=self.path, detail=exc)) from exc
        except StoreError:
            self.close()
            raise
        self._after_open()

    def _after_open(self) -> None:
        """Hook for the tables once the file is open (the history marks stale rows)."""
        owners.sweep(self._owners_dir, self._owner)

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

    # ---- transactions
    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._conn is None:
                raise StoreError("The Wolkvox Desktop data file is closed.")
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise StoreError(WRITE_FAILED.format(detail=exc)) from exc

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
            if self._conn is None:
                raise StoreError("The Wolkvox Desktop data file is closed.")
            conn = self._conn
            if not keeps_today:
                self._today.clear()
            try:
                if durable:
                    conn.execute(f"PRAGMA synchronous={SYNC_DURABLE}")
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                self._restore_sync(conn, durable)
                raise StoreError(WRITE_FAILED.format(detail=exc)) from exc
            try:
                yield conn
                conn.execute("COMMIT")
                if durable:
                    self._synced_at = monotonic()
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(WRITE_FAILED.format(detail=exc)) from exc
                raise
            finally:
                self._restore_sync(conn, durable)

    @staticmethod
    def _restore_sync(conn: sqlite3.Connection, durable: bool) -> None:
        if durable:
            try:
                conn.execute(f"PRAGMA synchronous={SYNC_DEFAULT}")
            except sqlite3.Error:
                log.warning("store: could not restore synchronous=%s", SYNC_DEFAULT)

    def _now_text(self) -> str:
        return utc_text(self._clock())
