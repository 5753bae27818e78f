"""Calls in flight per token across every process of this user: locked slot files.

Wolkvox accepts at most two simultaneous requests per token and asks for one after the
other. Threads of one process already share :class:`~wolkvox_desktop.core.limits.TokenGate`;
this module extends the rule to every window, command and scheduled run of the user:

* **One place for every process**: the ``locks`` folder inside the app's data folder (the
  folder that holds the store). The window in the desktop session, a command in a
  terminal, ``plan run-due`` from cron, Task Scheduler or a LaunchAgent, and ``sudo -E``
  all find the same data folder, whatever their ``XDG_RUNTIME_DIR``, ``TMPDIR`` or session
  (the slot files once lived there, and a window and a scheduled run each got their own).
* For a token, slot files ``<hash>-1.lock`` and ``<hash>-2.lock``, named by a SHA-256 of
  the token (never the token). A call holds one of the first *limit* slots with an OS lock
  (:mod:`~wolkvox_desktop.core.oslock`) that the OS drops when the process dies. Slot files
  are never deleted by the app.
* **Guarded like filelock**: the folder must be a real folder (not a link) of the data
  folder's owner, each file a regular file of that account opened without following links,
  a lock on a file deleted or replaced meanwhile is taken again, and a file system that
  cannot lock says so. A process running as root with the user's data folder (``sudo -E``)
  uses the user's files and gives the ones it creates to the user.
* **No silent fallback**: when the slot cannot be had for one of those reasons the call is
  refused (:class:`SlotUnavailable`, a sentence saying why and what to do; nothing is sent)
  rather than limited within one process only.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from wolkvox_desktop.core import oslock

POLL_S = 0.05  # how often a waiting call looks at the slots again
LOCKS_FOLDER = "locks"
FOLDER_MODE = 0o700
_REPLACED_RETRIES = 20  # a slot file deleted under us this many times in a row: give up


class SlotTimeout(Exception):
    """No slot freed in time (or the wait was cancelled). Nothing was sent."""


class SlotUnavailable(Exception):
    """The cross-process slot cannot be had at all (the folder or a file is not ours, is a
    link, the file system cannot lock). ``str()`` is a sentence; nothing was sent."""

    def __init__(self, folder: Path, why: str, advice: str) -> None:
        self.folder = folder
        self.why = why
        super().__init__(
            "Wolkvox Desktop keeps one call at a time per token across its windows, commands "
            f"and scheduled runs with lock files in {folder}, and {why}, so the call was "
            f"refused rather than risk two at once. {advice}"
        )


def slots_dir() -> Path:
    """The folder of slot files: ``locks`` in the app's data folder."""
    from wolkvox_desktop.core.paths import app_data_dir

    return app_data_dir() / LOCKS_FOLDER


def _remove_advice(path: Path) -> str:
    return f"Remove {path} (the app makes it again), then try again."


def _owner_for(folder: Path) -> int | None:
    """The account the slot files must belong to (POSIX): this one, or for root the owner
    of the data folder (``sudo -E`` with the user's folder). ``None`` on Windows."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return None
    uid = int(getuid())
    if uid != 0:
        return uid
    try:
        return int(folder.parent.stat().st_uid)
    except OSError:
        return uid


def prepare_folder(folder: Path) -> int | None:
    """Make (or check) the slot folder; returns the owner its files must have. Raises
    :class:`SlotUnavailable` saying why it cannot be used."""
    owner = _owner_for(folder)
    try:
        try:
            folder.mkdir(mode=FOLDER_MODE)
            made = True
        except FileExistsError:
            made = False
        info = folder.lstat()
    except OSError as exc:
        raise SlotUnavailable(
            folder, f"that folder cannot be used ({exc.strerror or exc})",
            "Check that the data folder can be written.",
        ) from None
    import stat

    if not stat.S_ISDIR(info.st_mode):
        raise SlotUnavailable(folder, "that is not a plain folder (a link or a file is in "
                              "its place)", _remove_advice(folder))
    if owner is None:
        return None
    if made and info.st_uid != owner:  # made by root for the user: give it to the user
        try:
            os.chown(folder, owner, -1)
            info = folder.lstat()
        except OSError:
            pass
    if info.st_uid != owner:
        raise SlotUnavailable(
            folder, "that folder belongs to another account (was a command run there with "
            "sudo?)", _remove_advice(folder))
    if info.st_mode & 0o077:
        try:
            os.chmod(folder, FOLDER_MODE)
        except OSError:
            pass
    return owner


class TokenSlots:
    """The cross-process half of the gate. Thread-safe (each hold opens its own file)."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder

    @property
    def folder(self) -> Path:
        return self._folder if self._folder is not None else slots_dir()

    @contextmanager
    def hold(
        self,
        key: str,
        limit: int,
        *,
        deadline: float | None,
        cancelled: Callable[[], bool],
        on_wait: Callable[[], None] | None = None,
    ) -> Iterator[None]:
        """Hold one of the first ``limit`` slots of the token ``key`` (a hash) until the
        block ends. Raises :class:`SlotTimeout` at ``deadline`` (monotonic) or when
        ``cancelled()``, :class:`SlotUnavailable` when the slots cannot be used at all;
        ``on_wait()`` is called once if the slots are all taken."""
        try:
            folder = self.folder
        except OSError as exc:  # the data folder itself (paths.DataFolderError)
            raise SlotUnavailable(Path(getattr(exc, "filename", None) or "?"), str(exc),
                                  "Check that the data folder can be written.") from None
        owner = prepare_folder(folder)
        paths = [folder / f"{key[:32]}-{n}.lock" for n in range(1, limit + 1)]
        waited = False
        while True:
            held = _take_one(paths, owner)
            if held is not None:
                break
            if cancelled():
                raise SlotTimeout("the wait for the token was cancelled")
            if deadline is not None and time.monotonic() >= deadline:
                raise SlotTimeout("another call with this token is still in flight")
            if not waited and on_wait is not None:
                on_wait()
            waited = True
            time.sleep(POLL_S)
        try:
            yield
        finally:
            oslock.unlock(held)
            os.close(held)


def _take_one(paths: list[Path], owner: int | None) -> int | None:
    """The open, locked file of a free slot, or None when all are taken."""
    for path in paths:
        for _attempt in range(_REPLACED_RETRIES):
            fd = _open_slot(path, owner)
            try:
                locked = oslock.try_lock(fd)
            except OSError as exc:
                os.close(fd)
                raise _unavailable(path, exc) from None
            if not locked:
                os.close(fd)
                break  # held by another call: the next slot
            if oslock.still_in_place(fd, path):
                return fd
            oslock.unlock(fd)  # deleted or replaced while we locked it: take it again
            os.close(fd)
    return None


def _open_slot(path: Path, owner: int | None) -> int:
    try:
        fd = oslock.open_lock_file(path)
    except OSError as exc:
        raise _unavailable(path, exc) from None
    try:
        if owner is not None and sys.platform != "win32" and os.fstat(fd).st_uid != owner \
                and os.getuid() == 0:
            os.fchown(fd, owner, -1)  # root made it for the user (sudo -E)
        oslock.check_own_file(fd, path, owner)
    except OSError as exc:
        os.close(fd)
        raise _unavailable(path, exc) from None
    return fd


def _unavailable(path: Path, exc: OSError) -> SlotUnavailable:
    folder = path.parent
    if isinstance(exc, oslock.ForeignLockFile):
        return SlotUnavailable(folder, f"the lock file {path.name} there is not usable "
                               f"({exc.strerror})", _remove_advice(folder))
    if exc.errno == errno.ELOOP:
        return SlotUnavailable(folder, f"the lock file {path.name} there is a link",
                               _remove_advice(folder))
    if exc.errno in oslock.NO_LOCKS:
        return SlotUnavailable(
            folder, "its file system does not support file locks",
            "Keep the data folder on a local disk (or point WOLKVOX_DESKTOP_HOME at one).")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return SlotUnavailable(folder, f"the lock file {path.name} there cannot be opened "
                               "(it may belong to another account)", _remove_advice(folder))
    return SlotUnavailable(folder, f"a lock file there cannot be used "
                           f"({exc.strerror or exc})",
                           "Check that the data folder can be written.")


_SHARED = TokenSlots()


def shared_slots() -> TokenSlots:
    return _SHARED
