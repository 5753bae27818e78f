"""Start selected / Stop selected / History in the real main window (demo mode: the app's
own in-process simulator, worker thread and store)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from tests.gui.conftest import close_window
from wolkvox_desktop.core.bulk_run import BulkSummary
from wolkvox_desktop.gui.bulk import BulkDialog, install_bulk_and_history
from wolkvox_desktop.gui.bulk.close_question import QUESTION_NAME
from wolkvox_desktop.gui.outcome_look import outcome_words
from wolkvox_desktop.gui.window.main_window import MainWindow
from wolkvox_desktop.gui.worker import leaked_threads

WAIT_MS = 15_000

# the offscreen platform's own notice when a window is raised; not about this code
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


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


def status_of(window: MainWindow, cid: str) -> Any:
    model = window.campaignModel
    return model.index(model.row_of(cid), model.STATUS).data()


def open_ready(qtbot: Any, window: MainWindow, action: str, ids: list[str]) -> BulkDialog:
    controls = install_bulk_and_history(window)
    select_rows(window, ids)
    dialog = controls.start_selected() if action == "start" else controls.stop_selected()
    assert isinstance(dialog, BulkDialog)
    qtbot.waitUntil(lambda: dialog.confirmPage.startButton.isEnabled(), timeout=WAIT_MS)
    return dialog


def close_mid_run(qtbot: Any, window: MainWindow, sim: Any, action: str,
                  ids: list[str]) -> BulkDialog:
    """A run under way (0.2 s a call), then the window's ✕."""
    sim.faults.latency = 0.2
    dialog = open_ready(qtbot, window, action, ids)
    with qtbot.waitSignal(dialog.itemStarted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.confirmPage.startButton, Qt.MouseButton.LeftButton)
    window.close()
    return dialog


def the_question(qtbot: Any, dialog: BulkDialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, QUESTION_NAME) is not None)
    box = dialog.findChild(QMessageBox, QUESTION_NAME)
    assert isinstance(box, QMessageBox) and box.isVisible()
    return box


def click_in(qtbot: Any, box: QMessageBox, name: str) -> None:
    qtbot.mouseClick(box.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


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
    qtbot.waitUntil(lambda: dialog.confirmPage.startButton.isEnabled(), timeout=WAIT_MS)
    assert "3 token" in dialog.confirmPage.budgetLabel.text()
    jobs_before = w.handle.calls_running()
    with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(dialog.confirmPage.startButton, Qt.MouseButton.LeftButton)
        assert not start.isEnabled()  # one run at a time
    summary: BulkSummary = finished.args[0]
    assert summary.all_ok and jobs_before == 0
    assert puts(demo_sim, "start") == order
    assert demo_sim.max_concurrency == 1
    # the window's table, status panel and result line show what happened
    qtbot.waitUntil(lambda: all(status_of(w, cid) == "Started" for cid in order),
                    timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: {e.campaign_id for e in w.statusPanel.entries() if e.action == "start"}
        >= set(order),
        timeout=WAIT_MS,
    )
    result_line = w.resultLabel.text()
    assert outcome_words("ok") in result_line and "3 started" in result_line
    qtbot.mouseClick(dialog.progressPage.closeButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controls.bulk_dialog is None)
    assert start.isEnabled()


def test_the_windows_own_start_during_a_run_shares_the_token_gate(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    demo_sim.faults.latency = 0.15
    dialog = open_ready(qtbot, w, "start", ["3302", "3303", "3305"])
    with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.confirmPage.startButton, Qt.MouseButton.LeftButton)
        select_rows(w, ["3306"])  # fills the ID and type fields
        qtbot.waitUntil(w.startButton.isEnabled, timeout=WAIT_MS)
        assert dialog.is_running()
        qtbot.mouseClick(w.startButton, Qt.MouseButton.LeftButton)  # the single Start
    qtbot.waitUntil(lambda: not w.is_busy(), timeout=WAIT_MS)
    assert sorted(puts(demo_sim, "start")) == ["3302", "3303", "3305", "3306"]
    assert demo_sim.max_concurrency == 1  # never two calls at once on one token
    assert status_of(w, "3306") == "Started"


def test_closing_the_window_mid_run_asks_and_keep_running_keeps_it_open(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    dialog = close_mid_run(qtbot, w, demo_sim, "stop", ["3301", "3304"])  # both started
    box = the_question(qtbot, dialog)
    assert "window closes once the run has stopped" in box.text()
    assert w.isVisible() and w.handle.thread.isRunning()
    with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS) as finished:
        click_in(qtbot, box, "bulkKeepRunningButton")
    assert finished.args[0].all_ok and puts(demo_sim, "stop") == ["3301", "3304"]
    assert w.isVisible()  # kept open: the supervisor chose to keep running


def test_closing_the_window_mid_run_and_stopping_closes_it_after_the_call(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    dialog = close_mid_run(qtbot, w, demo_sim, "start", ["3302", "3303", "3305"])
    click_in(qtbot, the_question(qtbot, dialog), "bulkStopRunButton")
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=WAIT_MS)  # once the call answered
    assert not w.handle.thread.isRunning()
    assert puts(demo_sim, "start") == ["3302"]  # the call in flight finished; no other
    assert not leaked_threads()
    assert not any(t.name.startswith("wolkvox-job-") for t in threading.enumerate())


def test_closing_the_window_again_during_a_hung_call_stops_at_once(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    dialog = open_ready(qtbot, w, "stop", ["3301", "3304"])
    demo_sim.faults.hang = True
    qtbot.mouseClick(dialog.confirmPage.startButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: demo_sim.hung == 1, timeout=WAIT_MS)
    w.close()
    click_in(qtbot, the_question(qtbot, dialog), "bulkStopRunButton")
    assert w.isVisible()  # waiting for the call in flight
    close_window(w)  # closing again: the call in flight is aborted, the worker joined
    assert not w.isVisible()
    assert w.findChild(BulkDialog) is None or not w.findChild(BulkDialog).isVisible()
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
    assert not dialog.isVisible()  # not started yet: closes without a question


def test_history_opens_on_the_windows_worker_and_shows_the_run(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    """``HistoryWindow(handle, parent, server=...)`` from wolkvox_desktop.gui.history."""
    from wolkvox_desktop.gui.history import HistoryWindow

    w = demo_window
    order = ["3306", "3302"]
    dialog = open_ready(qtbot, w, "start", order)
    with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.confirmPage.startButton, Qt.MouseButton.LeftButton)
    controls = install_bulk_and_history(w)
    qtbot.mouseClick(controls.historyButton, Qt.MouseButton.LeftButton)
    history = controls.history_window
    assert isinstance(history, HistoryWindow)
    assert controls.open_history() is history  # one History window
    qtbot.waitUntil(
        lambda: [history.model.row_at(r).campaign_id for r in range(history.model.rowCount())
                 if history.model.row_at(r).action == "start"] == order[::-1],
        timeout=WAIT_MS,
    )
    history.close()
    qtbot.waitUntil(lambda: controls.history_window is None, timeout=WAIT_MS)
