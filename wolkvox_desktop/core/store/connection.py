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
* **Damage does not stop the shift**: a file SQLite cannot open because it is not a
  database or is malformed (found while opening: no extra check on a sound file) is
  renamed aside as ``<name>.corrupt-<YYYYmmdd-HHMMSS>`` with its ``-wal``/``-shm``, and a
  fresh file is made. Only the instance that did the rename has
  :attr:`Connection.recovered_from` set (the kept file), and the listeners added with
  :func:`add_recovery_listener` hear of it once, so each face says so once. Two processes
  opening the damaged file at once: a lock file beside it (``<name>.recover.lock``) lets
  exactly one rename it; the other opens the fresh file. A file from a newer version is
  not damage: it is refused and left untouched.
* **Private files**: on POSIX the file is made ``0600`` before SQLite opens it (SQLite
  gives its ``-wal`` and ``-shm`` the database's mode), its folder ``0700`` when made here.
* Other database failures (disk full, a locked file) raise :class:`StoreError`, whose
  text is a sentence for the supervisor.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
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
RECOVERED = (
    "The Wolkvox Desktop data file {path} was damaged and could not be read. It was kept "
    "as {kept} and a new, empty data file was started: saved operations, campaign lists "
    "and the history up to now are in the kept file."
)

FILE_MODE = 0o600
FOLDER_MODE = 0o700
CORRUPT_INFIX = ".corrupt-"
RECOVERY_LOCK_SUFFIX = ".recover.lock"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
RECOVERY_WAIT_S = BUSY_TIMEOUT_MS / 1000
_SQLITE_MAGIC = b"SQLite format 3\x00"
# what SQLite says about a file that is not a database or is malformed (before Python
# 3.11 the error carries no code: the words are all there is)
_DAMAGE_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB (named in sqlite3 from 3.11)
_DAMAGE_WORDS = ("file is not a database", "database disk image is malformed",
                 "malformed database schema")

RecoveryListener = Callable[[Path, Path], None]
_listeners: list[RecoveryListener] = []
_listeners_lock = threading.Lock()


def add_recovery_listener(listener: RecoveryListener) -> None:
    """Call ``listener(path, kept)`` whenever a store of this process sets a damaged file
    aside (in the thread that opened it). The CLI prints its line from here."""
    with _listeners_lock:
        _listeners.append(listener)


def remove_recovery_listener(listener: RecoveryListener) -> None:
    with _listeners_lock:
        if listener in _listeners:
            _listeners.remove(listener)


def recovered_message(path: Path, kept: Path) -> str:
    """The English sentence for a file set aside (the window translates its own)."""
    return RECOVERED.format(path=path, kept=kept)


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
        # calls_today cache: server -> (midnight text, next midnight text, count). Valid
        # while no other connection committed (PRAGMA data_version) and kept exact for this
        # connection's own history writes (see _write and HistoryLog.begin_call).
        self._today: dict[str, tuple[str, str, int]] = {}
        self._data_version: int | None = None
        self._synced_at: float | None = None  # time.monotonic() of the last synced commit
        from wolkvox_desktop.core.paths import is_network_filesystem

        #: on a network file system: a rollback journal and every commit synced
        self.on_network = is_network_filesystem(self.path.parent)
        self._sync_default = SYNC_DURABLE if self.on_network else SYNC_DEFAULT
        self.recovered_from: Path | None = None  # the damaged file this instance set aside
        try:
            self._open()
        except StoreError as exc:
            if not _is_damage(exc):
                raise
            self._recover(exc)
        if self.recovered_from is not None:
            _tell_listeners(self.path, self.recovered_from)

    def _open(self) -> None:
        """Open, migrate and check the file; closed again if anything fails."""
        try:
            _make_private_file(self.path)
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
            self._owner_lock = owners.OwnerLock(self._owners_dir, self._owner)
        except (sqlite3.Error, OSError) as exc:
            self.close()
            raise StoreError(OPEN_FAILED.format(path=self.path, detail=exc)) from exc
        except BaseException:
            self.close()
            raise
        try:
            self._after_open()
        except BaseException:
            self.close()
            raise

    def _recover(self, failure: StoreError) -> None:
        """The file looked damaged: under the recovery lock, set it aside if it still is
        (another process may have done it already), then open a fresh one."""
        from filelock import FileLock, Timeout

        lock = FileLock(
            str(self.path) + RECOVERY_LOCK_SUFFIX, timeout=RECOVERY_WAIT_S, mode=FILE_MODE
        )
        try:
            with lock:
                if _still_damaged(self.path):
                    self.recovered_from = _set_aside(self.path)
                    log.warning("store: %s was damaged (%s); kept as %s, starting afresh",
                                self.path, failure.__cause__, self.recovered_from)
                self._open()
        except Timeout as exc:
            raise StoreError(OPEN_FAILED.format(
                path=self.path, detail="another copy of the app is repairing it; try again"
            )) from exc
        except OSError as exc:
            raise StoreError(OPEN_FAILED.format(path=self.path, detail=exc)) from exc

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

    def _restore_sync(self, conn: sqlite3.Connection, durable: bool) -> None:
        if durable:
            try:
                conn.execute(f"PRAGMA synchronous={self._sync_default}")
            except sqlite3.Error:
                log.warning("store: could not restore synchronous=%s", self._sync_default)

    def _now_text(self) -> str:
        return utc_text(self._clock())


# ------------------------------------------------------------------ damage and privacy
def _make_private_file(path: Path) -> None:
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


def _error_is_damage(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _DAMAGE_CODES
    text = str(exc).lower()
    return any(words in text for words in _DAMAGE_WORDS)


def _is_damage(failure: StoreError) -> bool:
    """Whether opening failed because SQLite found the file damaged (not a database,
    malformed), as opposed to a locked, unwritable or newer file."""
    cause: BaseException | None = failure.__cause__
    while cause is not None:
        if _error_is_damage(cause):
            return True
        cause = cause.__cause__
    return False


def _still_damaged(path: Path) -> bool:
    """Checked again under the recovery lock: a bad header, or ``PRAGMA quick_check``
    failing. False when the file is gone (set aside by another process), empty, sound,
    or the check itself cannot run (locked, unreadable): never rename what is not known
    to be damaged."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        return False
    except OSError:
        return False
    if not head:
        return False
    if head != _SQLITE_MAGIC:
        return True
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error:
        return False
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.Error as exc:
        return _error_is_damage(exc)
    finally:
        conn.close()
    return [tuple(r) for r in rows] != [("ok",)]


def _set_aside(path: Path) -> Path:
    """Rename ``path`` (and its -wal/-shm/-journal) to ``<name>.corrupt-<time>``; returns
    the kept file's path. The side files go first, so a fresh file never meets the old
    WAL."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}{CORRUPT_INFIX}{stamp}")
    number = 1
    while any(Path(f"{kept}{suffix}").exists() for suffix in ("", *SIDE_SUFFIXES)):
        number += 1
        kept = path.with_name(f"{path.name}{CORRUPT_INFIX}{stamp}-{number}")
    for suffix in SIDE_SUFFIXES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, f"{kept}{suffix}")
    os.replace(path, kept)
    return kept


def _tell_listeners(path: Path, kept: Path) -> None:
    with _listeners_lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(path, kept)
        except Exception:  # noqa: BLE001 - a face's message must not stop the store
            log.exception("store: a recovery listener failed")
