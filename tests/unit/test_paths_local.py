"""The local data folder (Windows: %LOCALAPPDATA%, moved once from %APPDATA%) and the
network file system test (core/paths.py).

The move runs here on real folders and a real SQLite database in WAL mode; the Windows
folder names come from platformdirs' own Windows class with the known-folder lookup
replaced (the real lookup only exists on Windows, where CI runs the installed app).
"""

from __future__ import annotations

import ctypes
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import platformdirs.windows
import pytest

from wolkvox_desktop.core import paths

# ------------------------------------------------------------------ which folder


def test_windows_data_goes_to_the_local_app_data_folder(monkeypatch) -> None:
    known = {"CSIDL_LOCAL_APPDATA": r"C:\Users\José\AppData\Local",
             "CSIDL_APPDATA": r"\\fileserver\profiles$\José\AppData\Roaming"}
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda name: known[name])
    local, roaming = paths.platform_data_dirs(platformdirs.windows.Windows)
    assert str(local).startswith(known["CSIDL_LOCAL_APPDATA"])
    assert str(roaming).startswith(known["CSIDL_APPDATA"])
    assert local.name == roaming.name == "wolkvox-desktop"  # no author folder


def test_one_folder_outside_windows() -> None:
    local, roaming = paths.platform_data_dirs()
    assert local == roaming and local.name == "wolkvox-desktop"


def test_the_override_wins_and_nothing_moves(app_home: Path, monkeypatch, tmp_path) -> None:
    called = []
    monkeypatch.setattr(paths, "move_roaming_data", lambda *a: called.append(a))
    assert paths.app_data_dir() == app_home
    assert called == []


# ------------------------------------------------------------------ the one-time move


@pytest.fixture
def roaming(tmp_path: Path) -> Iterator[Path]:
    """An earlier version's folder: a store in WAL mode with rows still in its -wal file
    (the connection stays open), its owner lock files, settings, logs."""
    folder = tmp_path / "Roaming" / "wolkvox-desktop"
    (folder / "logs").mkdir(parents=True)
    (folder / "logs" / "wolkvox-desktop.log").write_text("old log line\n", encoding="utf-8")
    (folder / "settings.ini").write_text("[ui]\nlanguage=es\n", encoding="utf-8")
    owners = folder / "wolkvox-desktop.sqlite3.owners"
    owners.mkdir()
    (owners / "3f2a.lock").write_bytes(b"")
    (folder / "stray.lock").write_bytes(b"")
    conn = sqlite3.connect(folder / "wolkvox-desktop.sqlite3")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")  # keep the rows in the -wal file
    conn.execute("CREATE TABLE history (id INTEGER PRIMARY KEY, what TEXT)")
    with conn:
        conn.executemany("INSERT INTO history (what) VALUES (?)",
                         [(f"start {i}",) for i in range(50)])
    assert (folder / "wolkvox-desktop.sqlite3-wal").stat().st_size > 0
    yield folder
    conn.close()


def rows(db: Path) -> int:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM history").fetchone()[0])
    finally:
        conn.close()


def test_the_roaming_data_is_moved_once_whole(roaming: Path, tmp_path: Path) -> None:
    local = tmp_path / "Local" / "wolkvox-desktop"
    assert paths.move_roaming_data(roaming, local) is True

    assert sorted(p.relative_to(local).as_posix() for p in local.rglob("*")) == [
        "logs", "logs/wolkvox-desktop.log", "settings.ini", "wolkvox-desktop.sqlite3"]
    assert rows(local / "wolkvox-desktop.sqlite3") == 50  # the -wal content came along
    assert (local / "settings.ini").read_text(encoding="utf-8") == "[ui]\nlanguage=es\n"
    assert (local / "logs" / "wolkvox-desktop.log").read_text(encoding="utf-8") == "old log line\n"
    assert not list(local.parent.glob("*.moving-*"))

    backup = roaming.with_name(roaming.name + paths.MOVED_SUFFIX)
    assert not roaming.exists() and backup.is_dir()
    assert str(local) in (backup / paths.MOVED_NOTE).read_text(encoding="utf-8")
    assert rows(backup / "wolkvox-desktop.sqlite3") == 50  # the old copy is kept

    # once: a roaming folder appearing again (a roaming profile syncing) is not merged in
    roaming.mkdir()
    (roaming / "settings.ini").write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    assert paths.move_roaming_data(roaming, local) is False
    assert (local / "settings.ini").read_text(encoding="utf-8") == "[ui]\nlanguage=es\n"


def test_app_data_dir_moves_on_first_use(roaming: Path, tmp_path: Path, monkeypatch) -> None:
    local = tmp_path / "Local" / "wolkvox-desktop"
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setattr(paths, "platform_data_dirs", lambda: (local, roaming))
    monkeypatch.setattr(paths, "_checked_moves", set())
    assert paths.app_data_dir() == local
    assert paths.store_path() == local / "wolkvox-desktop.sqlite3"
    assert rows(paths.store_path()) == 50
    assert paths.log_dir() == local / "logs"


def test_nothing_moves_when_the_local_folder_exists(roaming: Path, tmp_path: Path) -> None:
    local = tmp_path / "Local" / "wolkvox-desktop"
    local.mkdir(parents=True)
    assert paths.move_roaming_data(roaming, local) is False
    assert list(local.iterdir()) == [] and (roaming / "settings.ini").is_file()


def test_nothing_to_move(tmp_path: Path) -> None:
    local = tmp_path / "Local" / "wolkvox-desktop"
    assert paths.move_roaming_data(tmp_path / "absent", local) is False
    (tmp_path / "empty").mkdir()
    assert paths.move_roaming_data(tmp_path / "empty", local) is False
    assert not local.exists()


def test_a_failed_copy_leaves_everything_as_it_was(roaming: Path, tmp_path: Path) -> None:
    (roaming / "damaged.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    local = tmp_path / "Local" / "wolkvox-desktop"
    assert paths.move_roaming_data(roaming, local) is False
    assert not local.exists() and not list(local.parent.glob("*.moving-*"))
    assert roaming.is_dir() and (roaming / "settings.ini").is_file()


def test_a_second_process_that_moved_first_wins(roaming: Path, tmp_path: Path, monkeypatch) -> None:
    local = tmp_path / "Local" / "wolkvox-desktop"
    real_copy = paths._copy_data

    def copy_while_another_process_finishes(source: Path, target: Path) -> None:
        real_copy(source, target)
        local.mkdir()
        (local / "settings.ini").write_text("theirs\n", encoding="utf-8")

    monkeypatch.setattr(paths, "_copy_data", copy_while_another_process_finishes)
    assert paths.move_roaming_data(roaming, local) is False
    assert (local / "settings.ini").read_text(encoding="utf-8") == "theirs\n"
    assert not list(local.parent.glob("*.moving-*"))


# ------------------------------------------------------------------ network file systems
MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid 0 0
fileserver:/export/home /home nfs4 rw,relatime,vers=4.2 0 0
/dev/sdb1 /home/local ext4 rw 0 0
//fs01/perfiles /mnt/perfiles cifs rw,vers=3.1.1 0 0
maria@host:/srv /mnt/mis\\040archivos fuse.sshfs rw,nosuid 0 0
//fs01/old /mnt/stacked cifs rw 0 0
tmpfs /mnt/stacked tmpfs rw 0 0
C:\\134 /mnt/c 9p rw,aname=drvfs 0 0
/dev/sdc1 /data xfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "network"),
    [("/home/maria/.local/share/wolkvox-desktop", True),
     ("/home", True),
     ("/homework/wolkvox-desktop", False),
     ("/home/local/wolkvox-desktop", False),  # a local disk mounted under the share
     ("/mnt/perfiles/maria/wolkvox-desktop", True),
     ("/mnt/mis archivos/wolkvox-desktop", True),  # \040 in /proc/mounts is a space
     ("/mnt/stacked/wolkvox-desktop", False),  # the last mount on a point is the one seen
     ("/mnt/c/Users/maria", True),  # WSL's Windows drives
     ("/data/wolkvox-desktop", False),
     ("/var/lib/wolkvox-desktop", False)],
)
def test_linux_mounts(path: str, network: bool) -> None:
    assert paths.linux_mount_is_network(path, MOUNTS) is network
    assert paths.is_network_filesystem(Path(path), mounts=MOUNTS) is network


def test_this_machines_temporary_folder_is_local(tmp_path: Path) -> None:
    # tmp_path's real mount, read from /proc/self/mounts (a local disk or tmpfs here)
    with open("/proc/self/mounts", encoding="utf-8") as fh:
        found = paths.mount_of(str(tmp_path.resolve()), fh.read())
    assert found is not None and found[1] not in paths.NETWORK_FS_TYPES
    assert paths.is_network_filesystem(tmp_path) is False
    assert paths.is_network_filesystem(tmp_path / "not" / "yet" / "there") is False


def test_unreadable_mounts_mean_not_known_to_be_network() -> None:
    assert paths.is_network_filesystem(Path("/home/x"), mounts="garbage\n\n") is False


@pytest.mark.parametrize(
    ("path", "network"),
    [(r"\\fileserver\profiles$\maria\AppData\Roaming\wolkvox-desktop", True),
     (r"\\?\UNC\fileserver\profiles\maria", True),
     ("//fileserver/profiles/maria", True),
     (r"Z:\wolkvox-desktop", True),  # a mapped network drive
     (r"C:\Users\José\AppData\Local\wolkvox-desktop", False),
     (r"\\?\C:\Users\maria\AppData\Local\wolkvox-desktop", False),
     (r"relative\path", False)],
)
def test_windows_paths(path: str, network: bool) -> None:
    def drive_type(root: str) -> int:
        return {"Z:\\": paths.DRIVE_REMOTE, "C:\\": 3}[root]  # 3: DRIVE_FIXED

    assert paths.windows_path_is_network(path, drive_type) is network


@pytest.mark.parametrize(
    ("fstype", "flags", "network"),
    [("apfs", paths.MNT_LOCAL, False), ("hfs", paths.MNT_LOCAL | 0x1, False),
     ("smbfs", 0, True), ("nfs", 0, True), ("afpfs", 0, True), ("webdav", 0, True),
     ("macfuse", 0, True)],  # not flagged local: e.g. sshfs through macFUSE
)
def test_macos_statfs_answers(fstype: str, flags: int, network: bool) -> None:
    assert paths.macos_fs_is_network(fstype, flags) is network


def test_macos_statfs_struct_has_the_64_bit_inode_layout() -> None:
    struct = paths._macos_statfs_struct()
    assert ctypes.sizeof(struct) == 2168  # sizeof(struct statfs) on macOS
    assert struct.f_fstypename.offset == 72 and struct.f_flags.offset == 64
