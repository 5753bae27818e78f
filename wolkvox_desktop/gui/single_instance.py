"""One window per user and data folder: a second start shows the running window and exits.

``gui/app.py``'s :func:`~wolkvox_desktop.gui.app.main` calls :func:`claim` before it builds
anything (a second start exits 0 there, before any window or tray icon exists) and
:func:`attach` once the window is built.

* **Who is the window**: an OS lock on ``<data folder>/locks/window.lock``, held by the
  window's process for its whole life and dropped by the OS however it ends (a crash, a
  kill): no stale state to clean. Keyed, like the token's slot, on the data folder, never on
  an environment variable of the process (``TMPDIR``, ``XDG_RUNTIME_DIR``), so a start from
  a terminal and one from the Dock, the Start menu or a desktop entry find the same window.
  The lock file is guarded as the slot files are (:mod:`~wolkvox_desktop.core.oslock`,
  :func:`~wolkvox_desktop.core.token_slots.prepare_folder`).
* **"Show yourself"**: the second start leaves ``window-show-<pid>.request`` there and waits
  (at most :data:`ANSWER_WAIT_S`) for the window to take it; the window watches the folder
  (``QFileSystemWatcher``: inotify, ReadDirectoryChangesW, FSEvents), shows, un-minimises and
  raises itself, and deletes the request. On Windows the second start first lets the
  window's process take the foreground (``AllowSetForegroundWindow``: a process may only
  bring its window to the front if the foreground process allows it, and the one just
  started by a click is the foreground process).
* **macOS**: a second double-click does not start a second process at all; macOS sends the
  running app a "reopen" event, as when its Dock icon is clicked. Qt delivers it as an
  application-state change to *active*, forced even when the app was active already
  (qtbase ``qcocoaapplicationdelegate.mm``, ``applicationShouldHandleReopen``), so
  :func:`attach` shows the window then if it is hidden (in the tray).

Why not ``QLocalServer``/``QLocalSocket``: they are QtNetwork's, which the frozen app does
not ship (``libQt6Network`` with its bindings is 3.4 MB, the Linux app folder 97.9 MB of a
100 MB budget) and which costs ~6 ms to import on the path to the first frame; the lock is
a few system calls (``benchmarks/single_instance.py`` measures both paths). Its socket name
would also live in the temporary folder of the process's environment on Linux and macOS.

``--smoke-test`` (packaging: it must run its own window) and ``--help``/``--version`` never
take part. When the lock folder cannot be used, the window starts anyway (the token's slot
refuses calls with a sentence in that case) and the log says why.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from wolkvox_desktop.core import oslock

LOCK_FILE = "window.lock"
OWNER_FILE = "window.owner"
REQUEST_PREFIX = "window-show-"
REQUEST_SUFFIX = ".request"
ANSWER_WAIT_S = 0.9
POLL_S = 0.01
NOT_TAKING_PART = ("--smoke-test", "--help", "-h", "--version")

log = logging.getLogger(__name__)


class Claim:
    """This process is the window: the locked file, open until the process ends."""

    def __init__(self, folder: Path, fd: int) -> None:
        self.folder = folder
        self.fd = fd
        self.watcher: Any = None

    def release(self) -> None:
        """Give the window's place up (tests; the OS does it when the process ends)."""
        if self.fd >= 0:
            oslock.unlock(self.fd)
            os.close(self.fd)
            self.fd = -1


_claim: Claim | None = None
_notes: list[str] = []  # said once logging is set up (attach)


def claim(args: list[str]) -> bool:
    """Whether this process goes on to be the window. ``False``: another window of this
    user and data folder was asked to show itself; the caller exits 0."""
    global _claim
    if _claim is not None or any(a in NOT_TAKING_PART for a in args):
        return True
    try:
        folder, owner = _folder()
        fd = _lock(folder, owner)
    except Exception as exc:  # noqa: BLE001 - the window starts anyway; the log says why
        _notes.append(f"one window per user is not guaranteed: {exc}")
        return True
    if fd is None:
        _ask_to_show(folder)
        return False
    _claim = Claim(folder, fd)
    with contextlib.suppress(OSError):  # bytes: no text codec to load on this path
        owner_fd = os.open(folder / OWNER_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC
                           | oslock.O_NOFOLLOW, oslock.FILE_MODE)
        try:
            os.write(owner_fd, str(os.getpid()).encode())
        finally:
            os.close(owner_fd)
    return True


def _folder() -> tuple[Path, int | None]:
    from wolkvox_desktop.core import token_slots

    folder = token_slots.slots_dir()
    return folder, token_slots.prepare_folder(folder)


def _lock(folder: Path, owner: int | None) -> int | None:
    """The locked window file, or None when another process holds it."""
    path = folder / LOCK_FILE
    for _attempt in range(20):
        fd = oslock.open_lock_file(path)
        try:
            oslock.check_own_file(fd, path, owner)
            locked = oslock.try_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if not locked:
            os.close(fd)
            return None
        if oslock.still_in_place(fd, path):
            return fd
        oslock.unlock(fd)  # deleted or replaced meanwhile: take it again
        os.close(fd)
    raise OSError(f"{path} keeps being replaced")


def _ask_to_show(folder: Path) -> None:
    """Leave a request for the window and wait a little for it to be taken."""
    _allow_foreground(folder)
    request = folder / f"{REQUEST_PREFIX}{os.getpid()}{REQUEST_SUFFIX}"
    try:
        fd = os.open(request, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | oslock.O_NOFOLLOW,
                     oslock.FILE_MODE)
        os.close(fd)
    except OSError:
        return
    deadline = time.monotonic() + ANSWER_WAIT_S
    while request.exists() and time.monotonic() < deadline:
        time.sleep(POLL_S)
    # not taken in time (the window is busy starting): it shows itself when it gets to it


def _allow_foreground(folder: Path) -> None:
    if sys.platform != "win32":
        return
    try:
        pid = int((folder / OWNER_FILE).read_bytes().strip())
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(pid)  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):
        pass


def attach(window: Any) -> None:
    """Let a second start (and on macOS the Dock icon) show ``window``: the folder is
    watched from the window's first frame on (nothing is added before it)."""
    for note in _notes:
        log.warning("%s", note)
    _notes.clear()
    current = _claim
    if current is None:
        return
    window.after_first_show(lambda: _watch(current, window))
    window.add_close_callback(release)  # closed for good: the place is free at once
    if sys.platform == "darwin":
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        def reopened(state: Qt.ApplicationState) -> None:
            if state == Qt.ApplicationState.ApplicationActive and not window.isVisible():
                show(window)

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(reopened)


def _watch(current: Claim, window: Any) -> None:
    from PySide6.QtCore import QFileSystemWatcher

    watcher = QFileSystemWatcher([str(current.folder)], window)
    watcher.directoryChanged.connect(lambda _path: serve(current, window))
    current.watcher = watcher
    serve(current, window)  # a request left before the watch began


def serve(current: Claim, window: Any) -> bool:
    """Take every request to show the window; show it if there was one."""
    asked = False
    try:
        names = os.listdir(current.folder)
    except OSError:
        return False
    for name in names:
        if name.startswith(REQUEST_PREFIX) and name.endswith(REQUEST_SUFFIX):
            with contextlib.suppress(OSError):
                os.unlink(current.folder / name)
                asked = True
    if asked:
        log.info("another start of the app: showing this window")
        show(window)
    return asked


def show(window: Any) -> None:
    """Bring the window back: shown (from the tray), not minimised, in front."""
    from PySide6.QtCore import Qt

    window.show()
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.raise_()
    window.activateWindow()


def release() -> None:
    """Forget this process's claim (tests)."""
    global _claim
    if _claim is not None:
        _claim.release()
        _claim = None
