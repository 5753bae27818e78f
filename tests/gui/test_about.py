"""About Wolkvox Desktop (issue 21, points 1 and 7): the window's About… button, the
third-party licences the build wrote, About Qt, and the news of a newer version.

The update notice's job runs on the worker's background lane (a real worker thread); the
check itself is handed in (the feed over HTTPS is tested in
tests/integration/test_update_check.py).
"""

from __future__ import annotations

import sys
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMessageBox,
    QToolButton,
)

from wolkvox_desktop import __version__
from wolkvox_desktop.core.updates import Status, UpdateCheck
from wolkvox_desktop.gui.about.dialog import (
    NOTICES_NAME,
    SBOM_NAME,
    AboutDialog,
    AboutEntry,
    LicencesDialog,
    bundled_file,
)
from wolkvox_desktop.gui.about.update_notice import UpdateNotice
from wolkvox_desktop.gui.window.main_window import MainWindow

NEWER = UpdateCheck(Status.NEWER, __version__, "9.1.0",
                    "https://example.com/releases/tag/v9.1.0", "https://example.com/feed",
                    datetime(2026, 1, 2, tzinfo=timezone.utc), "Version 9.1.0 is available")
CURRENT = UpdateCheck(Status.CURRENT, __version__, __version__, None,
                      "https://example.com/feed", datetime(2026, 1, 2, tzinfo=timezone.utc))


def about_entry(window: MainWindow) -> AboutEntry:
    button = window.findChild(QToolButton, "aboutButton")
    assert isinstance(button, AboutEntry)
    return button


def test_the_window_has_about_on_its_status_bar(qtbot: Any, demo_window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window_has(demo_window, "aboutButton"), timeout=5000)
    entry = about_entry(demo_window)
    assert entry.parentWidget() is demo_window.statusBar() and entry.isVisible()
    assert entry.text() == "About Wolkvox Desktop"
    dialog = entry.open()
    qtbot.waitExposed(dialog)
    assert dialog.versionLabel.text() == f"Version {__version__}"
    assert dialog.titleLabel.text() == "Wolkvox Desktop"
    assert not dialog.updateLabel.isVisible()
    dialog.close()
    assert entry.open() is dialog  # one dialog, kept
    dialog.close()


def window_has(window: MainWindow, name: str) -> bool:
    return window.findChild(QAbstractButton, name) is not None


def test_about_qt_opens_qts_own_box(qtbot: Any) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.windowTitle())
            box.accept()

    QTimer.singleShot(200, close_box)
    dialog.aboutQtButton.click()
    assert seen == ["About Qt"]


def test_from_source_the_licences_dialog_says_they_are_written_by_the_build(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert bundled_file(NOTICES_NAME) is None
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    licences = dialog.open_licences()
    qtbot.waitExposed(licences)
    assert "written when the app is built" in licences.intro.text()
    assert not licences.text.isVisible()


def test_a_built_app_shows_its_notices_and_names_its_sbom(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = tmp_path / "wolkvox-desktop"
    data = app / "_internal"
    data.mkdir(parents=True)
    (app / NOTICES_NAME).write_text("Third-party software in Wolkvox Desktop\n"
                                    "Qt 6 — LGPL-3.0-only\n", encoding="utf-8")
    (data / SBOM_NAME).write_text("{}", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(data), raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "wolkvox-desktop"))
    assert bundled_file(NOTICES_NAME) == app / NOTICES_NAME  # beside the executable
    assert bundled_file(SBOM_NAME) == data / SBOM_NAME
    dialog = LicencesDialog(bundled_file(NOTICES_NAME), bundled_file(SBOM_NAME))
    qtbot.addWidget(dialog)
    assert "LGPL-3.0-only" in dialog.text.toPlainText()
    assert str(data / SBOM_NAME) in dialog.intro.text()
    assert dialog.text.isReadOnly()


def test_a_newer_version_is_shown_in_the_status_bar_and_in_about(
    qtbot: Any, demo_window: MainWindow
) -> None:
    qtbot.waitUntil(lambda: window_has(demo_window, "aboutButton"), timeout=5000)
    entry = about_entry(demo_window)
    threads: list[str] = []

    def check() -> UpdateCheck:
        threads.append(threading.current_thread().name)
        return NEWER

    notice = UpdateNotice(demo_window, on_result=entry.set_update, check=check, first_ms=0)
    qtbot.waitUntil(lambda: notice.label is not None and notice.label.isVisible(),
                    timeout=5000)
    assert threads and threads[0] != threading.main_thread().name  # off the GUI thread
    assert notice.label is not None
    label = demo_window.statusBar().findChild(QLabel, "updateLabel")
    assert label is notice.label
    bar = demo_window.statusBar()
    assert label.x() < entry.x()  # the news left of About, on the same bar
    assert entry.parentWidget() is bar
    assert "Version 9.1.0 is available." in label.text()
    assert 'href="https://example.com/releases/tag/v9.1.0"' in label.text()
    dialog = entry.open()
    qtbot.waitExposed(dialog)
    assert dialog.updateLabel.isVisible() and "9.1.0" in dialog.updateLabel.text()
    notice._done(CURRENT)  # the next answer: this is the newest (e.g. after updating)
    assert not label.isVisible()
    dialog.close()
    notice.stop()


def test_no_check_while_the_window_is_busy_then_at_the_next_tick(
    qtbot: Any, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers: list[UpdateCheck] = []
    notice = UpdateNotice(demo_window, check=lambda: CURRENT, on_result=answers.append,
                          first_ms=60_000)
    monkeypatch.setattr(demo_window, "is_busy", lambda: True)
    notice.tick()
    assert notice.checks == 0 and notice.timer.isActive()  # tried again later
    monkeypatch.setattr(demo_window, "is_busy", lambda: False)
    notice.tick()
    qtbot.waitUntil(lambda: answers == [CURRENT], timeout=5000)
    assert notice.checks == 1
    assert notice.label is None  # no news: no status bar line
    notice.stop()
    notice.tick()
    assert notice.checks == 1 and not notice.timer.isActive()


def test_no_check_during_a_bulk_run(qtbot: Any, demo_window: MainWindow) -> None:
    from wolkvox_desktop.gui.about.update_notice import run_in_progress

    qtbot.waitUntil(lambda: window_has(demo_window, "startSelectedButton"), timeout=5000)
    assert not run_in_progress(demo_window)
    bulk = demo_window.findChild(object, "bulkControls")  # type: ignore[arg-type]

    class Running:
        def is_running(self) -> bool:
            return True

    bulk.bulk_dialog = Running()  # type: ignore[union-attr]
    try:
        assert run_in_progress(demo_window)
    finally:
        bulk.bulk_dialog = None  # type: ignore[union-attr]
