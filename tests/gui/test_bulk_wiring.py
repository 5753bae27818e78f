"""Start selected / Stop selected / History in the real main window (demo mode: the app's
own in-process simulator, worker thread and store)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QPushButton

from tests.gui.conftest import close_window
from wolkvox_desktop.core.bulk import BulkSummary
from wolkvox_desktop.gui.bulk_dialog import BulkDialog, install_bulk_and_history
from wolkvox_desktop.gui.history_view import HistoryWindow
from wolkvox_desktop.gui.main_window import MainWindow
from wolkvox_desktop.gui.worker import leaked_threads

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WAIT_MS = 15_000


def select_rows(window: MainWindow, ids: list[str]) -> None:
    """Select campaigns one after the other (as ctrl+clicks would)."""
    table = window.campaignTable
    selection = table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for cid in ids:
        source = window.campaignModel.index(window.campaignModel.row_of(cid), 0)
        selection.select(window.campaignProxy.mapFromSource(source), flags)


def puts(sim: Any, api: str) -> list[str]:
    return [r.query["campaign_id"] for r in sim.requests if r.query.get("api") == api]


def test_start_selected_runs_the_selection_in_order_and_the_window_follows(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    controls = install_bulk_and_history(w)
    assert install_bulk_and_history(w) is controls  # idempotent
    start = w.findChild(QPushButton, "startSelectedButton")
    assert start is controls.startSelectedButton and start.isVisibleTo(w)
    assert w.findChild(QPushButton, "stopSelectedButton").isVisibleTo(w)
    assert w.findChild(QPushButton, "historyButton").isVisibleTo(w)
    assert not start.isEnabled()

    order = ["3306", "3302", "3308"]
    select_rows(w, order)
    assert start.isEnabled() and "(3)" in start.text()
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    dialog = controls.bulk_dialog
    assert isinstance(dialog, BulkDialog) and dialog.isVisible()
    assert not dialog.isModal()  # the window stays usable during the run
    qtbot.waitUntil(lambda: dialog.startButton.isEnabled(), timeout=WAIT_MS)
    assert "3 token" in dialog.budgetLabel.text()
    with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(dialog.startButton, Qt.MouseButton.LeftButton)
    summary: BulkSummary = finished.args[0]
    assert summary.all_ok
    assert puts(demo_sim, "start") == order
    assert demo_sim.max_concurrency == 1
    # the window's table and status panel show what happened
    qtbot.waitUntil(
        lambda: all(
            w.campaignModel.index(w.campaignModel.row_of(cid), w.campaignModel.STATUS).data()
            == "Started"
            for cid in order
        ),
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(
        lambda: {e.campaign_id for e in w.statusPanel.entries() if e.action == "start"}
        >= set(order),
        timeout=WAIT_MS,
    )
    qtbot.mouseClick(dialog.closeButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controls.bulk_dialog is None)

    # the history shows the three calls, newest first
    history_button = w.findChild(QPushButton, "historyButton")
    qtbot.mouseClick(history_button, Qt.MouseButton.LeftButton)
    history = controls.history_window
    assert isinstance(history, HistoryWindow)
    qtbot.waitUntil(
        lambda: [history.model.row_at(r).campaign_id for r in range(history.model.rowCount())
                 if history.model.row_at(r).action == "start"] == order[::-1],
        timeout=WAIT_MS,
    )
    history.close()
    qtbot.waitUntil(lambda: controls.history_window is None)


def test_closing_the_window_during_a_bulk_run_stops_it_cleanly(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    controls = install_bulk_and_history(w)
    select_rows(w, ["3301", "3304"])  # both started: stop them
    dialog = controls.stop_selected()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.startButton.isEnabled(), timeout=WAIT_MS)
    demo_sim.faults.hang = True
    qtbot.mouseClick(dialog.startButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: demo_sim.hung == 1, timeout=WAIT_MS)
    assert not controls.stopSelectedButton.isEnabled()  # one run at a time
    runner = dialog.runner
    assert runner is not None
    close_window(w)  # aborts the held call, joins the runner's thread, then the worker's
    assert not runner.thread_.isRunning()
    assert controls.bulk_dialog is None  # and the dialog went with the window
    assert not leaked_threads()
    assert puts(demo_sim, "stop") == ["3301"]


def test_a_multi_row_selection_survives_a_refresh_and_enter_opens_the_bulk_start(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    controls = install_bulk_and_history(w)
    select_rows(w, ["3306", "3302"])
    assert sorted(w.selected_campaign_ids()) == ["3302", "3306"]
    qtbot.mouseClick(w.refreshButton, Qt.MouseButton.LeftButton)  # a state snapshot follows
    listed = lambda: [r for r in demo_sim.requests if r.query.get("api") == "campaigns"]  # noqa: E731
    qtbot.waitUntil(lambda: len(listed()) == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not w.is_busy(), timeout=WAIT_MS)
    assert sorted(w.selected_campaign_ids()) == ["3302", "3306"]
    # Enter on the table with two campaigns selected: the bulk start, never a single start
    qtbot.keyClick(w.campaignTable, Qt.Key.Key_Return)
    dialog = controls.bulk_dialog
    assert isinstance(dialog, BulkDialog) and dialog.isVisible()
    assert puts(demo_sim, "start") == []  # the bulk dialog confirms first
    dialog.close()
