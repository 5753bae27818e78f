"""The window says so when the token's cross-process slot cannot be had (never a silent
"this window only"), and sends nothing."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import puts, seed_operations, wait_idle
from wolkvox_desktop.core.store import Operation
from wolkvox_desktop.gui.window.main_window import MainWindow
from wolkvox_desktop.simulator.server import Simulator


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links")
def test_a_lock_folder_that_is_a_link_refuses_the_start_in_words(
    qtbot: Any, open_window: Callable[..., MainWindow], gui_simulator: Simulator,
    app_home: Path, tmp_path: Path,
) -> None:
    seed_operations(Operation("0032", "Norte"))
    w = open_window()
    shutil.rmtree(app_home / "locks", ignore_errors=True)
    (tmp_path / "elsewhere").mkdir()
    (app_home / "locks").symlink_to(tmp_path / "elsewhere")
    w._select_campaign("3303")
    w.startButton.click()
    wait_idle(qtbot, w)
    label = w.resultLabel.text()
    assert "Not sent" in label
    assert "lock files that keep one call at a time per token" in label
    assert "Remove that folder" in label
    assert puts(gui_simulator) == []
    assert list((tmp_path / "elsewhere").iterdir()) == []
