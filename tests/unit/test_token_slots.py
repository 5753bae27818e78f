"""The cross-process token slots' guards (core/token_slots.py, core/oslock.py), on real files.

The processes' side (the desktop session and cron sharing a slot, links and foreign folders
refusing the call) is in tests/integration/test_token_gate_processes.py.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from wolkvox_desktop.core import oslock
from wolkvox_desktop.core.limits import GateUnavailable, TokenGate, token_key
from wolkvox_desktop.core.token_slots import (
    SlotTimeout,
    SlotUnavailable,
    TokenSlots,
    _unavailable,
    slots_dir,
)

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX owners and links")


def never() -> bool:
    return False


def test_the_slots_live_in_the_data_folder_whatever_the_session(
    app_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    first = slots_dir()
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setenv("TMPDIR", "/var/tmp")
    assert slots_dir() == first == app_home / "locks"


def test_a_held_slot_excludes_a_second_holder_and_frees_on_exit(app_home: Path) -> None:
    slots = TokenSlots()
    key = token_key("some-token")
    with slots.hold(key, 1, deadline=None, cancelled=never):
        with pytest.raises(SlotTimeout):
            with slots.hold(key, 1, deadline=0.0, cancelled=never):
                pass
    with slots.hold(key, 1, deadline=0.0, cancelled=never):
        pass


def test_a_file_deleted_and_made_again_is_not_the_file_held(tmp_path: Path) -> None:
    path = tmp_path / "slot.lock"
    fd = oslock.open_lock_file(path)
    try:
        assert oslock.try_lock(fd)
        assert oslock.still_in_place(fd, path)
        path.unlink()  # a cleaner
        assert not oslock.still_in_place(fd, path)
        path.write_text("")  # and another process made it again
        assert not oslock.still_in_place(fd, path)
    finally:
        os.close(fd)


def test_a_file_system_without_locks_is_a_sentence_not_a_free_slot(tmp_path: Path) -> None:
    problem = _unavailable(tmp_path / "x-1.lock", OSError(errno.ENOLCK, "No locks available"))
    assert isinstance(problem, SlotUnavailable)
    assert "does not support file locks" in str(problem)
    assert "refused rather than risk two at once" in str(problem)


@POSIX
def test_the_gate_refuses_instead_of_limiting_this_process_only(app_home: Path) -> None:
    (app_home / "elsewhere").mkdir()
    (app_home / "locks").symlink_to(app_home / "elsewhere")
    gate = TokenGate(1, across_processes=True)
    with pytest.raises(GateUnavailable, match="not a plain folder"):
        with gate.slot("some-token", 0.5):
            pass
    assert gate.in_flight("some-token") == 0


@POSIX
def test_a_lock_folder_open_to_others_is_narrowed(app_home: Path) -> None:
    (app_home / "locks").mkdir(mode=0o755)
    os.chmod(app_home / "locks", 0o755)
    with TokenSlots().hold(token_key("t"), 1, deadline=None, cancelled=never):
        pass
    assert (app_home / "locks").stat().st_mode & 0o777 == 0o700


@POSIX
@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root")
@pytest.mark.skipif(shutil.which("flock") is None, reason="util-linux flock")
def test_sudo_e_uses_the_users_files_and_leaves_them_the_users() -> None:
    """Root with the user's data folder (``sudo -E``): the same slot files, still the user's,
    and the user's own processes are excluded while root holds one."""
    user = 54321
    home = Path(tempfile.mkdtemp(prefix="wolkvox-sudo-"))  # in /tmp: the user can reach it
    try:
        _sudo_e_case(home, user)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _sudo_e_case(home: Path, user: int) -> None:
    data = home / "data"
    data.mkdir(mode=0o700)
    os.chown(home, user, user)
    os.chown(data, user, user)
    slots = TokenSlots(data / "locks")
    key = token_key("some-token")
    with slots.hold(key, 1, deadline=None, cancelled=never):
        (slot,) = (data / "locks").iterdir()
        assert (data / "locks").stat().st_uid == user
        assert slot.stat().st_uid == user

        def as_user() -> None:
            os.setgid(user)
            os.setuid(user)

        held = subprocess.run(["flock", "-n", "-E", "9", str(slot), "true"],
                              preexec_fn=as_user, check=False)
        assert held.returncode == 9  # the user's process can open it, and must wait
    free = subprocess.run(["flock", "-n", "-E", "9", str(slot), "true"], preexec_fn=as_user,
                          check=False)
    assert free.returncode == 0
