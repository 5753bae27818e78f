"""The window's start-up with a data folder it cannot use: a dialog naming the folder and
the reason, exit 1, never a traceback. And what a real start creates is private.

``app.main`` runs for real (the same function the installed app starts); the dialog is
read and closed from the event loop it runs in. CI runs as root, which a read-only folder
does not stop: a folder whose parent is a regular file stops everyone.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from wolkvox_desktop.gui import app as app_module

ROOT = Path(__file__).resolve().parents[2]
LOOK_EVERY_MS = 20
GIVE_UP_AFTER = 500  # looks (10 s): then close everything so the test fails, not hangs


@pytest.fixture(autouse=True)
def _keep_umask() -> Iterator[None]:
    """``main`` makes the process's files private (umask 077): give the suite its own back."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


def run_main_and_read_dialog(args: list[str]) -> tuple[int, dict[str, Any]]:
    """Run ``app.main(args)``; read and close the data-folder dialog it shows."""
    seen: dict[str, Any] = {"looks": 0}

    def look() -> None:
        seen["looks"] += 1
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "dataFolderDialog":
            seen.update(title=box.windowTitle(), text=box.text(),
                        info=box.informativeText(), icon=box.icon())
            box.done(0)
        elif seen["looks"] > GIVE_UP_AFTER:
            QApplication.closeAllWindows()
            QApplication.quit()
        else:
            QTimer.singleShot(LOOK_EVERY_MS, look)

    QTimer.singleShot(0, look)
    code = app_module.main(args)
    return code, seen


def test_a_data_folder_under_a_file_is_a_dialog_and_exit_1(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder\n")
    home = blocker / "home"
    monkeypatch.setenv("WOLKVOX_DESKTOP_HOME", str(home))
    code, seen = run_main_and_read_dialog(["--lang", "en"])
    assert code == 1
    assert seen["title"] == "Wolkvox Desktop cannot start"
    assert seen["text"] == f"Wolkvox Desktop cannot use its data folder:\n{home}"
    assert seen["info"].startswith(f"Reason: {blocker} is a file, not a folder\n\n")
    assert seen["icon"] == QMessageBox.Icon.Critical
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "Traceback" not in captured.out
    assert not home.exists()


def test_a_data_folder_under_a_read_only_folder_is_a_dialog_and_exit_1(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    parent = tmp_path / "read-only"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        try:
            (parent / "probe").write_text("")
        except PermissionError:
            pass
        else:
            pytest.skip("this user (root?) can write in a 0500 folder")
        home = parent / "home"
        monkeypatch.setenv("WOLKVOX_DESKTOP_HOME", str(home))
        code, seen = run_main_and_read_dialog(["--lang", "en"])
    finally:
        parent.chmod(0o700)
    assert code == 1
    assert seen["text"] == f"Wolkvox Desktop cannot use its data folder:\n{home}"
    assert seen["info"].startswith("Reason: Permission denied\n\n")
    assert "Traceback" not in capfd.readouterr().err


def test_the_smoke_test_reports_the_folder_in_its_json_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    monkeypatch.setenv("WOLKVOX_DESKTOP_HOME", str(blocker / "home"))
    assert app_module.main(["--smoke-test"]) == 1  # no dialog: nobody is there to close it
    (line,) = capsys.readouterr().out.splitlines()
    report = json.loads(line)
    assert report["ok"] is False
    assert f"cannot use its data folder {blocker / 'home'}" in report["error"]


@pytest.mark.skipif(sys.platform == "win32", reason="file modes are POSIX")
def test_a_real_start_leaves_only_private_files(tmp_path: Path) -> None:
    """The installed app's start (its smoke test: window, worker, demo store, a start
    clicked) in its own process, with the usual umask: every file it made is 0600."""
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("WOLKVOX_")}
    env.update(WOLKVOX_DESKTOP_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    previous = os.umask(0o022)
    try:
        ran = subprocess.run(
            [sys.executable, "-m", "wolkvox_desktop.gui.app", "--smoke-test"], cwd=ROOT,
            env=env, capture_output=True, text=True, timeout=60,
        )
    finally:
        os.umask(previous)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    made = sorted(home.rglob("*"))
    names = {p.relative_to(home).as_posix() for p in made}
    assert {"settings.ini", "logs/wolkvox-desktop.log"} <= names
    assert any(name.endswith(".sqlite3") for name in names)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    for path in made:
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path
