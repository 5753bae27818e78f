"""One window per user and data folder: a second start (a real ``python -m wolkvox_desktop``
process, offscreen) while the window runs exits 0 without a window or a tray icon of its
own, and the running window is shown again (from the tray) or restored and raised. The
place is an OS lock the OS drops however the window's process ends."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from wolkvox_desktop.core.token_slots import slots_dir
from wolkvox_desktop.gui import single_instance
from wolkvox_desktop.gui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

WAIT_MS = 30_000
# a window holding its place: claims it, says so, then waits to be killed
HOLDER = """
import sys, time
from wolkvox_desktop.gui import single_instance
print(single_instance.claim([]), flush=True)
time.sleep(120)
"""


@pytest.fixture
def the_window(demo_window: MainWindow) -> Iterator[MainWindow]:
    """The demo window, holding this user's and data folder's place, as main() does."""
    assert single_instance.claim([]) is True
    single_instance.attach(demo_window)
    yield demo_window
    single_instance.release()


def second_start(qtbot: QtBot, *args: str) -> subprocess.CompletedProcess[bytes]:
    """``python -m wolkvox_desktop`` while the event loop of this (the first) process runs."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-m", "wolkvox_desktop", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=WAIT_MS)
    out, err = proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@contextlib.contextmanager
def a_window_elsewhere() -> Iterator[subprocess.Popen[str]]:
    """Another process holding this data folder's window place (killed at the end)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        yield holder
    finally:
        holder.kill()
        holder.wait(30)
        if holder.stdout is not None:
            holder.stdout.close()


def requests(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(f"{single_instance.REQUEST_PREFIX}*"))


def test_a_second_start_shows_the_window_hidden_in_the_tray_and_exits_0(
        qtbot: QtBot, the_window: MainWindow, app_home: Path) -> None:
    the_window.hide()  # as closing to the tray does
    ended = second_start(qtbot)
    assert (ended.returncode, ended.stdout, ended.stderr) == (0, b"", b"")
    qtbot.waitUntil(the_window.isVisible, timeout=WAIT_MS)
    assert requests(slots_dir()) == []  # the window took the request
    log = (app_home / "logs" / "wolkvox-desktop.log").read_text(encoding="utf-8")
    assert "another start of the app: showing this window" in log


def test_a_second_start_restores_a_minimised_window(qtbot: QtBot, the_window: MainWindow) -> None:
    the_window.setWindowState(Qt.WindowState.WindowMinimized)
    ended = second_start(qtbot, "--demo")  # any start of the window, demo or not
    assert ended.returncode == 0
    qtbot.waitUntil(lambda: not the_window.windowState() & Qt.WindowState.WindowMinimized,
                    timeout=WAIT_MS)
    assert the_window.isVisible()


def test_the_place_is_freed_when_the_window_process_dies(app_home: Path) -> None:
    with a_window_elsewhere() as holder:
        assert single_instance.claim([]) is False  # taken: the request is left for it
        assert len(requests(slots_dir())) == 1
        owner = (slots_dir() / single_instance.OWNER_FILE).read_text(encoding="ascii")
        assert owner == str(holder.pid)
    try:  # killed (SIGKILL): the OS dropped its lock
        assert single_instance.claim([]) is True
    finally:
        single_instance.release()


def test_the_smoke_test_and_help_never_take_part(app_home: Path) -> None:
    with a_window_elsewhere():
        assert single_instance.claim(["--smoke-test"]) is True
        assert single_instance.claim(["--version"]) is True
        assert requests(slots_dir()) == []


def test_another_data_folder_is_another_place(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    with a_window_elsewhere():
        monkeypatch.setenv("WOLKVOX_DESKTOP_HOME", str(tmp_path / "other"))
        try:
            assert single_instance.claim([]) is True
        finally:
            single_instance.release()
