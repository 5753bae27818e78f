"""Calls in flight per token across every process of this OS user: locked slot files.

Wolkvox accepts at most two simultaneous requests per token and asks for one after the
other. Threads of one process already share :class:`~wolkvox_desktop.core.limits.TokenGate`;
this module extends the rule to every window, command and scheduled run of the same OS
user on the computer, whatever ``WOLKVOX_DESKTOP_HOME`` says:

* a per-user folder (``$XDG_RUNTIME_DIR`` or the user's temporary folder), private (0700);
* for a token, slot files ``<hash>-1.lock`` and ``<hash>-2.lock``, named by a SHA-256 of
  the token (never the token);
* a call holds one of the first *limit* slots with an OS lock (:mod:`~wolkvox_desktop.core.
  oslock`: ``flock`` / ``msvcrt``) that the OS drops when the process dies: a process
  killed while holding a slot never blocks the others. Slot files are never deleted (a
  deleted-and-recreated file would let two holders lock two different files).

If the folder cannot be used, the gate falls back to this process only (logged once).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from wolkvox_desktop.core import oslock

log = logging.getLogger(__name__)

POLL_S = 0.05  # how often a waiting call looks at the slots again
SLOTS_DIR_ENV = "WOLKVOX_SLOTS_DIR"  # tests and diagnostics only


class SlotTimeout(Exception):
    """No slot freed in time (or the wait was cancelled). Nothing was sent."""


def _user_name() -> str:
    getuid = getattr(os, "getuid", None)
    if getuid is not None:
        return str(getuid())
    return "".join(ch for ch in os.environ.get("USERNAME", "user") if ch.isalnum()) or "user"


def slots_dir() -> Path:
    """The per-user folder of slot files (not under the app-data folder, on purpose)."""
    override = os.environ.get(SLOTS_DIR_ENV, "").strip()
    if override:
        return Path(override)
    runtime = os.environ.get("XDG_RUNTIME_DIR", "").strip()
    if runtime and sys.platform.startswith("linux") and Path(runtime).is_dir():
        return Path(runtime) / "wolkvox-desktop"
    return Path(tempfile.gettempdir()) / f"wolkvox-desktop-{_user_name()}"


def _private_folder(path: Path) -> bool:
    """Make (or check) the folder: ours, a real folder, not writable by others."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.lstat()
    except OSError as exc:
        log.warning("token slots: cannot use %s (%s)", path, exc)
        return False
    import stat

    if not stat.S_ISDIR(info.st_mode):
        log.warning("token slots: %s is not a folder", path)
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is not None:
        if info.st_uid != getuid():
            log.warning("token slots: %s belongs to another user", path)
            return False
        if info.st_mode & 0o077:
            try:
                os.chmod(path, 0o700)
            except OSError:
                return False
    return True


class TokenSlots:
    """The cross-process half of the gate. Thread-safe."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        self._checked: dict[Path, bool] = {}
        self._lock = threading.Lock()

    @property
    def folder(self) -> Path:
        return self._folder if self._folder is not None else slots_dir()

    def usable(self) -> bool:
        folder = self.folder
        with self._lock:
            if folder not in self._checked:
                self._checked[folder] = _private_folder(folder)
                if not self._checked[folder]:
                    log.warning("token slots: calls are limited within this process only")
            return self._checked[folder]

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
        ``cancelled()``; ``on_wait()`` is called once if the slots are all taken."""
        if not self.usable():
            yield
            return
        paths = [self.folder / f"{key[:32]}-{n}.lock" for n in range(1, limit + 1)]
        held: int | None = None
        waited = False
        while held is None:
            try:
                held = self._take_one(paths)
            except OSError as exc:  # a slot file we cannot open: this process only
                log.warning("token slots: cannot use %s (%s)", self.folder, exc)
                with self._lock:
                    self._checked[self.folder] = False
                break
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
            if held is not None:
                oslock.unlock(held)
                os.close(held)

    @staticmethod
    def _take_one(paths: list[Path]) -> int | None:
        """The open, locked file of a free slot, or None when all are taken."""
        for path in paths:
            fd = oslock.open_lock_file(path)
            if oslock.try_lock(fd):
                return fd
            os.close(fd)
        return None


_SHARED = TokenSlots()


def shared_slots() -> TokenSlots:
    return _SHARED
