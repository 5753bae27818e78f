"""Unconfirmed is shown as unconfirmed (issue 10, points 3 and 4): after an unknown outcome,
alone or in a bulk run, the status the call touched reads "Started?" with the unknown icon
until a list refresh brings the truth; *Check now* (one token) is that refresh; and the
result line tells the last run."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.gui.conftest import wait_idle
from wolkvox_desktop.gui.bulk import BulkDialog, install_bulk_and_history
from wolkvox_desktop.gui.outcome_look import outcome_icon, status_icon
from wolkvox_desktop.gui.window.main_window import MainWindow

WAIT_MS = 15_000

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
              pytest.mark.qt_log_ignore("This plugin does not support raise")]  # fmt: skip


def status(w: MainWindow, cid: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> Any:
    model = w.campaignModel
    return model.index(model.row_of(cid), model.STATUS).data(role)


def same_icon(a: Any, b: Any) -> bool:
    return bool(a.pixmap(16, 16).toImage() == b.pixmap(16, 16).toImage())


def lists(sim: Any) -> int:
    return len([r for r in sim.requests if r.query.get("api") == "campaigns"])


def test_an_unknown_start_is_shown_unconfirmed_until_check_now(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    assert not w.checkNowButton.isVisible()
    demo_sim.faults.act_first = True  # Wolkvox starts it, then answers something unreadable
    demo_sim.faults.answer_body = "{}"
    w.select_campaign("3302")
    w.startButton.click()
    wait_idle(qtbot, w)
    demo_sim.reset_faults()
    assert "Outcome unknown" in w.resultLabel.text()
    assert status(w, "3302") == "Started?"
    assert same_icon(status(w, "3302", Qt.ItemDataRole.DecorationRole), outcome_icon("unknown"))
    assert "Unconfirmed" in status(w, "3302", Qt.ItemDataRole.ToolTipRole)
    assert status(w, "3302", Qt.ItemDataRole.AccessibleTextRole) == "Started? (unconfirmed)"
    assert status(w, "3305") == "Stopped"  # only what the call touched
    assert w.checkNowButton.isVisible() and w.checkNowButton.isEnabled()
    assert "1 token" in w.checkNowButton.text()
    w.campaignFilter.setText("unconfirmed")  # the filter finds them too
    assert w.campaignProxy.rowCount() == 1
    w.campaignFilter.clear()

    before = lists(demo_sim)
    w.checkNowButton.click()
    wait_idle(qtbot, w)
    assert lists(demo_sim) == before + 1  # one list call, nothing else
    assert status(w, "3302") == "Started"  # what Wolkvox says now
    assert same_icon(status(w, "3302", Qt.ItemDataRole.DecorationRole), status_icon("started"))
    assert not w.checkNowButton.isVisible()


def test_a_later_answer_about_the_campaign_confirms_it(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    demo_sim.faults.html_502 = True  # nothing happened, but nobody knows that
    w.select_campaign("3305")
    w.startButton.click()
    wait_idle(qtbot, w)
    demo_sim.reset_faults()
    assert status(w, "3305") == "Started?"
    w.startButton.click()  # asks first (it may have happened): Send again
    box = w.calls.resend_box
    assert box is not None and box.isVisible()
    box.findChild(QPushButton, "resendSendButton").click()
    wait_idle(qtbot, w)  # done this time: the status is known again
    assert status(w, "3305") == "Started"
    assert not w.checkNowButton.isVisible()
    assert w.calls.resend_box is None


def puts_of(sim: Any) -> list[str]:
    return [r.query.get("campaign_id") for r in sim.requests if r.method == "PUT"]


@pytest.mark.parametrize("action", ["start", "stop"])
def test_sending_again_after_an_unknown_outcome_always_asks_first(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any, action: str
) -> None:
    """One rule with the bulk run's: Check now (the default), Send again, or Cancel."""
    w = demo_window
    demo_sim.faults.html_502 = True
    w.select_campaign("3306")
    w.startButton.click()
    wait_idle(qtbot, w)
    demo_sim.reset_faults()
    assert status(w, "3306") == "Started?"
    sent = len(puts_of(demo_sim))
    (w.startButton if action == "start" else w.stopButton).click()
    box = w.calls.resend_box
    assert box is not None and box.isVisible()
    assert w.calls.stop_box is None  # one question, not two
    assert "The outcome of the last start of 3306" in box.text()
    check = box.findChild(QPushButton, "resendCheckButton")
    assert box.defaultButton() is check
    assert f"Send “{action.capitalize()}” again" == box.findChild(
        QPushButton, "resendSendButton").text()
    (w.startButton if action == "start" else w.stopButton).click()  # again: still one box
    assert w.calls.resend_box is box
    box.reject()  # Cancel: nothing sent
    qtbot.waitUntil(lambda: w.calls.resend_box is None)
    assert len(puts_of(demo_sim)) == sent
    (w.startButton if action == "start" else w.stopButton).click()
    before = lists(demo_sim)
    w.calls.resend_box.findChild(QPushButton, "resendCheckButton").click()  # Check now
    wait_idle(qtbot, w)
    assert lists(demo_sim) == before + 1 and len(puts_of(demo_sim)) == sent
    assert status(w, "3306") == "Stopped"  # the 502 stopped it from happening: now known


def test_a_bulk_run_marks_its_unknown_outcomes_and_the_result_line_tells_the_run(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    w.select_campaign("3303")
    w.startButton.click()  # a single start first: the result line must not keep it
    wait_idle(qtbot, w)
    assert "Campaign 3303 was started." in w.resultLabel.text()

    controls = install_bulk_and_history(w)
    w.select_campaign("3305")
    w.campaignTable.selectionModel().select(
        w.campaignTable.view_index("3306"),
        w.campaignTable.selectionModel().SelectionFlag.Select
        | w.campaignTable.selectionModel().SelectionFlag.Rows,
    )
    dialog = controls.start_selected()
    assert isinstance(dialog, BulkDialog)
    qtbot.waitUntil(lambda: dialog.confirmPage.startButton.isEnabled(), timeout=WAIT_MS)
    demo_sim.faults.only_api = "start"
    demo_sim.faults.html_502 = True  # 3305: unknown, the run pauses on it
    with qtbot.waitSignal(dialog.runPaused, timeout=WAIT_MS):
        dialog.confirmPage.startButton.click()
    demo_sim.reset_faults()
    with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS):
        dialog.progressPage.pauseBox.skipButton.click()
    # the window follows each call of the run (snapshots come as the calls end)
    qtbot.waitUntil(lambda: status(w, "3306") == "Started", timeout=WAIT_MS)  # done: known
    assert status(w, "3305") == "Started?"
    assert w.checkNowButton.isVisible()
    assert dialog.headline() and dialog.headline() in w.resultLabel.text()
    assert "3303" not in w.resultLabel.text()
    dialog.close()
