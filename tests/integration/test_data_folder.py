"""The data folder: one that cannot be made or written ends in a sentence naming it and the
reason (the CLI exits 1, never a traceback); on Linux/macOS everything in it is private.

Real processes (the ``wolkvox`` command in a subprocess) and real folders. CI runs as
root, which a read-only folder does not stop: those cases are skipped there, and a folder
whose parent is a regular file (which stops root too) is always tested.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from wolkvox_desktop.core import paths
from wolkvox_desktop.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
POSIX = sys.platform != "win32"
posix_only = pytest.mark.skipif(not POSIX, reason="file modes are POSIX")


def wolkvox(home: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WOLKVOX_")}
    env["WOLKVOX_DESKTOP_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "wolkvox_desktop.cli", *args], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=60,
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def read_only_parent(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write in (0500); skipped when this user can write there anyway
    (root)."""
    parent = tmp_path / "read-only"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        probe = parent / "probe"
        try:
            probe.write_text("")
        except PermissionError:
            yield parent
        else:
            probe.unlink()
            pytest.skip("this user (root?) can write in a 0500 folder")
    finally:
        parent.chmod(0o700)


@pytest.fixture
def file_parent(tmp_path: Path) -> Path:
    """A regular file where a folder should be: no one, root included, can make a folder in it."""
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder\n")
    return blocker


# ------------------------------------------------------------------ cannot be made or written
def test_a_folder_under_a_file_is_a_data_folder_error(file_parent: Path) -> None:
    home = file_parent / "home"
    with pytest.raises(paths.DataFolderError) as info:
        paths.ensure_usable_folder(home)
    assert info.value.folder == home
    assert info.value.reason == f"{file_parent} is a file, not a folder"
    assert str(home) in str(info.value) and isinstance(info.value, OSError)


def test_a_file_at_the_folders_place_is_a_data_folder_error(
    file_parent: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WOLKVOX_DESKTOP_HOME", str(file_parent))
    with pytest.raises(paths.DataFolderError, match="is a file, not a folder"):
        paths.app_data_dir()


def test_a_folder_under_a_read_only_folder_cannot_be_made(read_only_parent: Path) -> None:
    with pytest.raises(paths.DataFolderError) as info:
        paths.ensure_usable_folder(read_only_parent / "home")
    assert info.value.reason == "Permission denied"


def test_an_existing_folder_that_cannot_be_written_is_refused(read_only_parent: Path) -> None:
    with pytest.raises(paths.DataFolderError) as info:
        paths.ensure_usable_folder(read_only_parent)  # exists, but no file can go in
    assert info.value.folder == read_only_parent
    assert info.value.reason == "Permission denied"


def test_the_cli_names_the_folder_and_the_reason_under_a_file(file_parent: Path) -> None:
    home = file_parent / "data" / "home"
    ran = wolkvox(home, "history")
    assert ran.returncode == 1
    assert ran.stdout == ""
    assert ran.stderr == (
        f"Wolkvox Desktop cannot use its data folder {home}: {file_parent} is a file, not a "
        "folder. Check that the folder can be created and written, or point "
        "WOLKVOX_DESKTOP_HOME at one that can.\n"
    )


def test_the_cli_names_the_folder_and_the_reason_when_it_is_read_only(
    read_only_parent: Path,
) -> None:
    home = read_only_parent / "home"
    ran = wolkvox(home, "history")
    assert ran.returncode == 1
    assert ran.stderr.startswith(f"Wolkvox Desktop cannot use its data folder {home}: "
                                 "Permission denied.")
    assert "Traceback" not in ran.stderr and len(ran.stderr.splitlines()) == 1


def test_a_log_folder_that_cannot_be_made_does_not_stop_the_cli(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "logs").write_text("a file where the log folder goes\n")
    ran = wolkvox(home, "history")
    assert (ran.returncode, ran.stderr) == (0, "")
    assert "No calls" in ran.stdout
    assert (home / "wolkvox-desktop.sqlite3").is_file()


# ------------------------------------------------------------------ private modes
@posix_only
def test_what_the_cli_creates_is_the_users_alone(tmp_path: Path) -> None:
    home = tmp_path / "fresh" / "home"
    previous = os.umask(0o022)  # the usual umask, inherited by the command
    try:
        ran = wolkvox(home, "history")
    finally:
        os.umask(previous)
    assert ran.returncode == 0, ran.stderr
    log_file = home / "logs" / "wolkvox-desktop.log"
    assert log_file.is_file()
    assert mode(home) == 0o700
    assert mode(home / "logs") == 0o700
    assert mode(home / "wolkvox-desktop.sqlite3.owners") == 0o700
    for path in home.rglob("*"):
        if path.is_file():
            assert mode(path) == 0o600, path


@posix_only
def test_the_store_and_its_wal_are_private_whatever_the_umask(app_home: Path) -> None:
    previous = os.umask(0o022)
    try:
        home = app_home / "sub"
        with Store(home / "s.sqlite3") as store:
            store.begin_call("0032", "start", "1", "preview")
            names = {p.name for p in home.iterdir()}
            assert {"s.sqlite3", "s.sqlite3-wal", "s.sqlite3-shm"} <= names
            for name in ("s.sqlite3", "s.sqlite3-wal", "s.sqlite3-shm"):
                assert mode(home / name) == 0o600, name
            (lock,) = (home / "s.sqlite3.owners").iterdir()
            assert mode(lock) == 0o600
        assert mode(home) == 0o700
        assert mode(home / "s.sqlite3.owners") == 0o700
    finally:
        os.umask(previous)


@posix_only
def test_the_platform_folder_an_earlier_version_left_open_is_narrowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if sys.platform != "linux":
        pytest.skip("XDG_DATA_HOME places the platform folder on Linux")
    monkeypatch.delenv("WOLKVOX_DESKTOP_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    older = tmp_path / "xdg" / "wolkvox-desktop"
    older.mkdir(parents=True)
    older.chmod(0o755)
    assert paths.app_data_dir() == older
    assert mode(older) == 0o700


@posix_only
def test_a_folder_chosen_with_the_override_keeps_its_mode(app_home: Path) -> None:
    app_home.chmod(0o755)  # e.g. a portable folder the user made: left as it is
    assert paths.app_data_dir() == app_home
    assert mode(app_home) == 0o755
    assert mode(paths.log_dir()) == 0o700  # what the app makes in it is private


def test_restrict_umask_returns_the_previous_one() -> None:
    if not POSIX:
        assert paths.restrict_umask() == 0
        return
    previous = os.umask(0o022)
    try:
        assert paths.restrict_umask() == 0o022
        assert os.umask(0o022) == 0o077
        os.umask(0o027)
        assert paths.restrict_umask() == 0o027
        assert os.umask(0o022) == 0o077
    finally:
        os.umask(previous)
