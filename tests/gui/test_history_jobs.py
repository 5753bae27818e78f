"""History's queries are jobs of the main window's worker: a stale answer is dropped, a
failed job ends in a sentence, and closing the window mid-query leaves nothing running.

The store is real; ``Store.history`` is only held back (a latch) or made to fail, so the
timing is the test's, not the machine's.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from tests.gui import test_history_window as window_tests
from tests.gui.test_history_window import shown
from wolkvox_desktop.core import paths
from wolkvox_desktop.core.store import HistoryRow, Store
from wolkvox_desktop.gui.history import HistoryWindow
from wolkvox_desktop.gui.worker import WorkerHandle, leaked_threads

make_handle = window_tests.make_handle  # the fixtures: a real worker over a filled store
handle = window_tests.handle
WAIT_MS = 10_000


class Latch:
    """Holds the window's unfiltered queries (``campaign_like`` unset) until released."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.held = 0

    def wraps(self, original: Callable[..., list[HistoryRow]]) -> Callable[..., Any]:
        def history(store: Store, **filters: Any) -> list[HistoryRow]:
            if filters.get("since") is not None and filters.get("campaign_like") is None:
                self.held += 1
                self.entered.set()
                assert self.release.wait(WAIT_MS)
            return original(store, **filters)

        return history


@pytest.fixture
def latch(monkeypatch: pytest.MonkeyPatch) -> Iterator[Latch]:
    held = Latch()
    monkeypatch.setattr(Store, "history", held.wraps(Store.history))
    try:
        yield held
    finally:
        held.release.set()


def loaded_counts(window: HistoryWindow) -> list[int]:
    counts: list[int] = []
    window.loaded.connect(counts.append)
    return counts


def test_an_answer_to_an_older_filter_is_dropped(
    qtbot: QtBot, handle: WorkerHandle, latch: Latch
) -> None:
    window = HistoryWindow(handle)
    qtbot.addWidget(window)
    counts = loaded_counts(window)
    window.show()
    assert latch.entered.wait(WAIT_MS / 1000)  # the first query (every campaign) is held
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        window.filters.campaignEdit.setText("330")  # a newer question, answered first
    assert shown(window) == ["13305", "3303", "3302", "3301"]

    latch.release.set()  # now the old answer (six calls) comes back, too late
    qtbot.waitUntil(lambda: handle.calls_running() == 0, timeout=WAIT_MS)
    QApplication.processEvents()
    qtbot.wait(50)
    assert shown(window) == ["13305", "3303", "3302", "3301"]
    assert counts == [4]
    assert window.statusLabel.text() == window.tr("%n call(s) shown.", "", 4)


def test_a_query_that_fails_ends_in_a_sentence(
    qtbot: QtBot, handle: WorkerHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(store: Store, **filters: Any) -> list[HistoryRow]:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Store, "history", broken)
    window = HistoryWindow(handle)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS) as blocker:
        window.show()
    assert blocker.args == [-1]
    text = window.statusLabel.text()
    assert text == ("The history could not be read. Try again; if it keeps failing, restart "
                    "the app.")
    assert window.model.rowCount() == 0
    with qtbot.waitSignal(window.exportFailed, timeout=WAIT_MS) as failed:
        window.export_to(paths.store_path().parent / "h.xlsx")
    assert failed.args == [text]  # an export that cannot read says so too


@pytest.mark.parametrize("deleted", [True, False], ids=["deleted on close", "hidden"])
def test_closing_the_window_during_a_query_is_clean(
    qtbot: QtBot, handle: WorkerHandle, latch: Latch, deleted: bool
) -> None:
    window = HistoryWindow(handle)
    if deleted:  # as the main window opens it
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    else:
        qtbot.addWidget(window)
    counts = loaded_counts(window)
    window.show()
    assert latch.entered.wait(WAIT_MS / 1000)
    window.close()
    if deleted:
        qtbot.waitUntil(lambda: not isValid(window), timeout=WAIT_MS)
    latch.release.set()  # its answer comes back to nobody
    qtbot.waitUntil(lambda: handle.calls_running() == 0, timeout=WAIT_MS)
    qtbot.wait(50)
    assert counts == []
    if not deleted:
        assert window.statusLabel.text() == window.tr("Loading…")  # nothing shown after
    assert handle.shutdown()
    assert not leaked_threads()
