"""Where the app keeps its data and finds its bundled resources.

``WOLKVOX_DESKTOP_HOME`` overrides the whole app-data location (tests, portable use).

On Windows the data folder is the *local* (non-roaming) one, ``%LOCALAPPDATA%\\wolkvox-desktop``:
call centres often redirect the roaming ``%APPDATA%`` to a network share, where SQLite's
WAL does not work and every write crosses the network. Data an earlier version left in
``%APPDATA%\\wolkvox-desktop`` is moved over once (:func:`move_roaming_data`). On macOS
and Linux there is one folder (``~/Library/Application Support/wolkvox-desktop``,
``~/.local/share/wolkvox-desktop``).

:func:`is_network_filesystem` tells whether a path is on a network file system, so the
store can choose its journal mode (or refuse with a sentence).

The data folder (and its ``logs`` folder) must be usable: :func:`app_data_dir` makes it
and checks once per process that a file can be written in it, else raises
:class:`DataFolderError` (an ``OSError``) naming the folder and the reason; the window
shows it in a dialog, the CLI as a sentence, both exit 1. On Linux and macOS a folder made
here is ``0700``, the platform's own data folder is narrowed to ``0700`` if an earlier
version left it open, and :func:`restrict_umask` (called by both faces at start) makes
every file the process creates ``0600`` (store, logs, ``settings.ini``).
"""

from __future__ import annotations

import logging
import ntpath
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wolkvox_desktop import APP_ID

HOME_ENV = "WOLKVOX_DESKTOP_HOME"
MOVED_NOTE = "MOVED-TO-LOCAL-APPDATA.txt"
MOVED_SUFFIX = ".moved-to-local"
FOLDER_MODE = 0o700  # POSIX: the data folders are the user's alone
PRIVATE_UMASK = 0o077  # POSIX: new files 0600, new folders 0700

log = logging.getLogger(__name__)

_checked_moves: set[tuple[Path, Path]] = set()
_usable: set[Path] = set()  # folders found writable by this process
_usable_lock = threading.Lock()


class DataFolderError(OSError):
    """The data folder cannot be created or written. ``folder`` and ``reason`` (the
    system's words, e.g. "Permission denied") say which and why; ``str()`` is a sentence."""

    def __init__(self, folder: Path, reason: str, errno_value: int = 0) -> None:
        super().__init__(errno_value, reason, str(folder))
        self.folder = folder
        self.reason = reason

    @property
    def sentence(self) -> str:
        return (f"Wolkvox Desktop cannot use its data folder {self.folder}: {self.reason}. "
                "Check that the folder can be created and written, or point "
                f"{HOME_ENV} at one that can.")

    def __str__(self) -> str:
        return self.sentence


def restrict_umask() -> int:
    """Make the files this process creates from now on private (POSIX: ``umask |= 077``,
    so 0600 files and 0700 folders); returns the previous umask. Nothing on Windows, whose
    per-user folders are private already."""
    if sys.platform == "win32":
        return 0
    previous = os.umask(PRIVATE_UMASK)
    os.umask(previous | PRIVATE_UMASK)
    return previous


def platform_data_dirs(dirs_class: Any = None) -> tuple[Path, Path]:
    """``(local, roaming)`` app-data folders for this platform (the same folder twice
    outside Windows). ``dirs_class`` is a platformdirs class (tests pass the Windows one)."""
    if dirs_class is None:
        import platformdirs

        dirs_class = platformdirs.PlatformDirs
    local = dirs_class(appname=APP_ID, appauthor=False, roaming=False).user_data_dir
    roaming = dirs_class(appname=APP_ID, appauthor=False, roaming=True).user_data_dir
    return Path(local), Path(roaming)


def app_data_dir() -> Path:
    """The folder holding the SQLite store, the log files and the settings file."""
    override = os.environ.get(HOME_ENV, "").strip()
    if override:
        path = Path(override).expanduser()
    else:
        path, roaming = platform_data_dirs()
        if roaming != path and (roaming, path) not in _checked_moves:
            _checked_moves.add((roaming, path))
            move_roaming_data(roaming, path)
    ensure_usable_folder(path, narrow=not override)
    return path


def store_path() -> Path:
    return app_data_dir() / "wolkvox-desktop.sqlite3"


def log_dir() -> Path:
    path = app_data_dir() / "logs"
    ensure_usable_folder(path, narrow=True)
    return path


def ensure_usable_folder(path: Path, *, narrow: bool = False) -> None:
    """Make ``path`` (POSIX: ``0700``) if it is missing and check, once per process, that a
    file can be written in it; raises :class:`DataFolderError` saying why not.
    ``narrow``: an existing folder of ours open to others is narrowed to ``0700``."""
    try:
        created = _make_folder(path)
    except OSError as exc:
        raise DataFolderError(path, _why(path, exc), exc.errno or 0) from None
    with _usable_lock:
        if path in _usable:
            return
    try:
        if narrow and not created:
            _narrow(path)
        probe = path / f".write-check-{os.getpid()}-{threading.get_ident()}"
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        probe.unlink()
    except OSError as exc:
        raise DataFolderError(path, _why(path, exc), exc.errno or 0) from None
    with _usable_lock:
        _usable.add(path)


def _make_folder(path: Path) -> bool:
    """mkdir -p with the last folder 0700; True when it was made here."""
    if path.is_dir():
        return False
    try:
        path.mkdir(mode=FOLDER_MODE, parents=True)
    except FileExistsError:
        if path.is_dir():
            return False  # made meanwhile by another process or thread
        raise
    if sys.platform != "win32":
        os.chmod(path, FOLDER_MODE)  # whatever the umask took away from the owner
    return True


def _narrow(path: Path) -> None:
    """POSIX: an existing folder of this user's that others may enter becomes 0700."""
    if sys.platform == "win32":
        return
    st = path.stat()
    if st.st_mode & 0o077 and st.st_uid == os.getuid():
        os.chmod(path, FOLDER_MODE)


def _why(path: Path, exc: OSError) -> str:
    """The reason, in the system's words, with the real culprit when a file is in the way."""
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        for part in (path, *path.parents):
            try:
                if part.exists() and not part.is_dir():
                    return f"{part} is a file, not a folder"
            except OSError:
                break
    return exc.strerror or str(exc)


def resources_dir() -> Path:
    """``resources/`` from a checkout, or the copy PyInstaller bundled."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"  # <checkout>/resources


# ------------------------------------------------------------------ the one-time move
def move_roaming_data(roaming: Path, local: Path) -> bool:
    """Move an earlier version's data from ``roaming`` to ``local``, once.

    Does nothing (returns False) when ``local`` already exists or ``roaming`` holds
    nothing. Otherwise copies everything into a staging folder beside ``local`` (SQLite
    databases through SQLite's backup API, so a database in WAL mode arrives whole with
    its ``-wal`` content; lock files and ``-wal``/``-shm``/``-journal`` files are left
    behind), renames the staging folder to ``local`` (two processes starting at once:
    the first rename wins), then renames ``roaming`` to ``<name>.moved-to-local`` with a
    note inside, kept as a backup. Any failure leaves ``roaming`` untouched and ``local``
    absent, so the move is tried again at the next start; it is logged, never raised.
    """
    try:
        if local.exists() or not roaming.is_dir() or not any(roaming.iterdir()):
            return False
    except OSError:
        return False
    staging = local.with_name(f"{local.name}.moving-{os.getpid()}")
    try:
        shutil.rmtree(staging, ignore_errors=True)
        local.parent.mkdir(parents=True, exist_ok=True)
        _copy_data(roaming, staging)
        staging.rename(local)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if local.exists():
            return False  # another process moved it first
        log.warning("could not move the data from %s to %s (will try again): %s",
                    roaming, local, exc)
        return False
    note = (f"Wolkvox Desktop moved this folder's contents to {local} on "
            f"{time.strftime('%Y-%m-%d %H:%M')}. This copy is no longer used; you may "
            f"delete it.\n")
    try:
        (roaming / MOVED_NOTE).write_text(note, encoding="utf-8")
        roaming.rename(roaming.with_name(roaming.name + MOVED_SUFFIX))
    except OSError as exc:  # a file still open by an older version: the note says it
        log.info("left the old data folder %s in place: %s", roaming, exc)
    log.info("moved the data folder from %s to %s", roaming, local)
    return True


_SQLITE_MAGIC = b"SQLite format 3\x00"
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == _SQLITE_MAGIC
    except OSError:
        return False


def _copy_data(source: Path, target: Path) -> None:
    """Copy ``source`` into a new folder ``target`` (see :func:`move_roaming_data`)."""
    target.mkdir(parents=True)
    for entry in sorted(source.iterdir()):
        name = entry.name
        dest = target / name
        if entry.is_symlink():
            continue
        if entry.is_dir():
            if name.endswith(".owners"):
                continue  # per-process lock files of a store: meaningless elsewhere
            _copy_data(entry, dest)
        elif name.endswith(".lock") or name.endswith(_SQLITE_SIDE_FILES):
            continue
        elif _is_sqlite(entry):
            _copy_sqlite(entry, dest)
        else:
            shutil.copy2(entry, dest)


def _copy_sqlite(source: Path, dest: Path) -> None:
    import sqlite3

    try:
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            out = sqlite3.connect(str(dest))
            try:
                src.backup(out)
            finally:
                out.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise OSError(f"copying {source.name}: {exc}") from exc


# ------------------------------------------------------------------ network file systems
# Linux /proc/mounts types whose locking or shared memory SQLite's WAL cannot rely on:
# network file systems, and the shared folders of virtual machines.
NETWORK_FS_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "openafs",
    "coda", "9p", "sshfs", "fuse.sshfs", "ceph", "fuse.ceph", "glusterfs",
    "fuse.glusterfs", "lustre", "gpfs", "beegfs", "orangefs", "davfs", "fuse.davfs2",
    "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "fuse.smbnetfs", "vboxsf", "vmhgfs",
    "fuse.vmhgfs-fuse", "prl_fs",
})
# macOS statfs f_fstypename values of network file systems.
MACOS_NETWORK_FS_TYPES = frozenset({"nfs", "smbfs", "afpfs", "webdav", "cifs", "ftp"})
DRIVE_REMOTE = 4  # GetDriveTypeW
MNT_LOCAL = 0x00001000  # <sys/mount.h>


def is_network_filesystem(path: Path, *, mounts: str | None = None) -> bool:
    """Whether ``path`` (which need not exist yet) is on a network file system.

    Linux: the file system type of the mount holding it, from ``/proc/self/mounts`` (or
    ``mounts``, that file's text, for tests). Windows: a UNC path (``\\\\server\\share``) or a
    drive Windows calls remote (a mapped network drive). macOS: ``statfs``'s file system
    type and its "local" flag. False when it cannot be told.
    """
    try:
        if mounts is not None or sys.platform.startswith("linux"):
            if mounts is None:
                with open("/proc/self/mounts", encoding="utf-8", errors="replace") as fh:
                    mounts = fh.read()
            return linux_mount_is_network(os.path.realpath(path), mounts)
        if sys.platform == "win32":
            return windows_path_is_network(os.path.realpath(path), _windows_drive_type)
        if sys.platform == "darwin":
            found = _macos_statfs(Path(path))
            return found is not None and macos_fs_is_network(*found)
    except (OSError, ValueError, AttributeError):
        return False
    return False


def _unescape_mount_field(field: str) -> str:
    r"""/proc/mounts writes space, tab, newline and backslash as ``\040`` etc."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 3 < len(field) and field[i + 1:i + 4].isdigit():
            out.append(chr(int(field[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def mount_of(path: str, mounts: str) -> tuple[str, str] | None:
    """``(mount point, file system type)`` of the mount holding the absolute ``path``:
    the longest matching mount point, the last one listed when stacked."""
    best: tuple[str, str] | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fstype = _unescape_mount_field(fields[1]), fields[2]
        prefix = point.rstrip("/") + "/"
        if path == point or path.startswith(prefix):
            if best is None or len(point) >= len(best[0]):
                best = (point, fstype)
    return best


def linux_mount_is_network(path: str, mounts: str) -> bool:
    found = mount_of(path, mounts)
    if found is None:
        return False
    fstype = found[1]
    return fstype in NETWORK_FS_TYPES or fstype.split(".", 1)[0] in ("nfs", "nfs4")


def windows_path_is_network(path: str, drive_type: Callable[[str], int]) -> bool:
    r"""A UNC path (``\\server\share``, ``\\?\UNC\server\share``) or a remote drive."""
    if path.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return True
    if path.startswith(("\\\\?\\", "\\\\.\\")):
        path = path[4:]  # a long-path or device prefix before a drive letter
    elif path.startswith(("\\\\", "//")):
        return True
    drive = ntpath.splitdrive(path)[0]
    if not drive:
        return False
    return drive_type(drive + "\\") == DRIVE_REMOTE


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))  # type: ignore[attr-defined]


def macos_fs_is_network(fstypename: str, flags: int) -> bool:
    return fstypename in MACOS_NETWORK_FS_TYPES or not flags & MNT_LOCAL


def _macos_statfs_struct() -> Any:
    """``struct statfs`` with 64-bit inodes (macOS 10.6+; 2168 bytes)."""
    import ctypes

    class Statfs(ctypes.Structure):
        _fields_ = [
            ("f_bsize", ctypes.c_uint32), ("f_iosize", ctypes.c_int32),
            ("f_blocks", ctypes.c_uint64), ("f_bfree", ctypes.c_uint64),
            ("f_bavail", ctypes.c_uint64), ("f_files", ctypes.c_uint64),
            ("f_ffree", ctypes.c_uint64), ("f_fsid", ctypes.c_int32 * 2),
            ("f_owner", ctypes.c_uint32), ("f_type", ctypes.c_uint32),
            ("f_flags", ctypes.c_uint32), ("f_fssubtype", ctypes.c_uint32),
            ("f_fstypename", ctypes.c_char * 16), ("f_mntonname", ctypes.c_char * 1024),
            ("f_mntfromname", ctypes.c_char * 1024), ("f_flags_ext", ctypes.c_uint32),
            ("f_reserved", ctypes.c_uint32 * 7),
        ]

    return Statfs


def _macos_statfs(path: Path) -> tuple[str, int] | None:
    """``(f_fstypename, f_flags)`` of the file system holding ``path`` (or its nearest
    existing parent), None when libc cannot be asked."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    try:  # x86_64 names the 64-bit-inode variant statfs$INODE64; arm64 has only statfs
        statfs = libc["statfs$INODE64"]
    except AttributeError:
        statfs = libc.statfs
    existing = path
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    struct_type = _macos_statfs_struct()
    buf = struct_type()
    statfs.argtypes = [ctypes.c_char_p, ctypes.POINTER(struct_type)]
    statfs.restype = ctypes.c_int
    if statfs(os.fsencode(existing), ctypes.byref(buf)) != 0:
        return None
    return buf.f_fstypename.decode("utf-8", "replace"), int(buf.f_flags)
