"""The main window against the simulator: start/stop, outcomes, busy state, closing."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton

from tests.gui.conftest import Catcher, puts, wait_idle
from wolkvox_desktop.core.store import Store
from wolkvox_desktop.gui.window.main_window import MainWindow


def select(window: MainWindow, campaign_id: str) -> None:
    window._select_campaign(campaign_id)
    assert window.campaignIdEdit.text() == campaign_id


def panel_text(window: MainWindow) -> str:
    return window.statusPanel.toPlainText()


def stop_confirmed(qtbot: Any, w: MainWindow) -> None:
    """Stop, and say yes to "Stop 3302 · …?" (the list shows the campaign as started)."""
    from PySide6.QtWidgets import QMessageBox

    qtbot.mouseClick(w.stopButton, Qt.MouseButton.LeftButton)
    box = w.findChild(QMessageBox, "stopConfirmBox")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    box.findChild(QAbstractButton, "stopConfirmButton").click()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # QMessageBox
def test_start_then_stop_a_campaign(qtbot: Any, demo_window: MainWindow, demo_sim: Any) -> None:
    w = demo_window
    assert not demo_sim.campaign("3302").started
    select(w, "3302")
    assert w.typeCombo.currentData() == "predictive"
    qtbot.mouseClick(w.startButton, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, w)
    assert demo_sim.campaign("3302").started
    assert "Campaign 3302 was started." in w.resultLabel.text()
    assert "Done" in w.resultLabel.text()
    qtbot.waitUntil(lambda: "Campaign 3302 was started." in panel_text(w))
    newest = w.statusPanel.entries()[0]
    assert (newest.campaign_id, newest.action, newest.http_status) == ("3302", "start", 202)
    assert newest.outcome == "ok"
    row = w.campaignModel.row_of("3302")
    assert w.campaignModel.index(row, w.campaignModel.STATUS).data() == "Started"

    stop_confirmed(qtbot, w)
    wait_idle(qtbot, w)
    assert not demo_sim.campaign("3302").started
    assert "Campaign 3302 was stopped." in w.resultLabel.text()
    qtbot.waitUntil(
        lambda: w.campaignModel.index(w.campaignModel.row_of("3302"), 3).data() == "Stopped"
    )
    sent = puts(demo_sim)
    assert [(r.query["api"], r.query["campaign_id"], r.query["type_campaign"]) for r in sent] == [
        ("start", "3302", "predictive"),
        ("stop", "3302", "predictive"),
    ]


def test_double_click_sends_exactly_one_request(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    demo_sim.faults.latency = 0.3  # still in flight when the second click lands
    select(w, "3303")
    qtbot.mouseDClick(w.startButton, Qt.MouseButton.LeftButton)
    w.startButton.click()  # and a third, programmatic one
    assert not w.startButton.isEnabled()
    assert "Starting…" in w.startButton.text()
    assert w.busyBar.isVisibleTo(w)
    wait_idle(qtbot, w)
    assert len(puts(demo_sim)) == 1
    assert w.startButton.isEnabled() and "Starting" not in w.startButton.text()


def test_enter_on_the_table_starts_the_selected_campaign(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    select(w, "3305")
    w.campaignTable.setFocus()
    qtbot.keyClick(w.campaignTable, Qt.Key.Key_Return)
    wait_idle(qtbot, w)
    assert [r.query["campaign_id"] for r in puts(demo_sim)] == ["3305"]
    assert demo_sim.campaign("3305").started


def test_ctrl_return_starts_and_an_empty_id_sends_nothing(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    w.campaignTable.clearSelection()
    w.campaignIdEdit.setText("   ")
    # nothing named: Start and Stop are disabled, and the reason is beside them
    assert not w.startButton.isEnabled() and not w.stopButton.isEnabled()
    reason = w.campaignPage.rows.reasonLabel
    assert reason.isVisible() and reason.text() == "Choose a campaign in the list or type its ID."
    qtbot.keyClick(w.campaignIdEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert puts(demo_sim) == []
    w.campaignIdEdit.setText("33 01·")  # not a campaign ID: refused here, said where it shows
    assert w.startButton.isEnabled() and reason.text() == ""
    qtbot.keyClick(w.campaignIdEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Not sent" in w.resultLabel.text()
    assert "Enter a valid campaign ID" in w.resultLabel.text()
    assert "Enter a valid campaign ID" in panel_text(w)
    assert puts(demo_sim) == []
    w.campaignIdEdit.setText("3306")
    w.typeCombo.setCurrentIndex(w.typeCombo.findData("preview"))
    qtbot.keyClick(w.campaignIdEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, w)
    assert [r.query["campaign_id"] for r in puts(demo_sim)] == ["3306"]


def test_daily_limit_is_shown_as_refused(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    demo_sim.set_token_use("demo-token", 3000)
    select(w, "3303")
    w.startButton.click()
    wait_idle(qtbot, w)
    label = w.resultLabel.text()
    assert "Refused by Wolkvox" in label and "daily limit" in label
    assert "✗" in label  # an icon, not only a colour
    text = panel_text(w)
    assert "403" in text and "TOKEN LIMIT EXCEEDED" in text
    assert not demo_sim.campaign("3303").started


def test_html_502_is_shown_as_unknown_with_advice(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    demo_sim.faults.html_502 = True
    select(w, "3303")
    w.startButton.click()
    wait_idle(qtbot, w)
    label = w.resultLabel.text()
    assert "Outcome unknown" in label
    assert "may or may not have happened" in label
    assert "Refresh the campaign list before trying again" in label
    assert "502" in panel_text(w)
    row = w.campaignModel.row_of("3303")
    assert "Outcome unknown" in w.campaignModel.index(row, w.campaignModel.LAST).data()


def test_closed_port_is_shown_as_not_delivered(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    demo_sim.stop()  # nothing listens on the port any more
    select(w, "3303")
    w.startButton.click()
    wait_idle(qtbot, w)
    label = w.resultLabel.text()
    assert "Not delivered" in label and "Nothing reached Wolkvox" in label
    assert "⊘" in label


def test_read_timeout_is_unknown_and_the_window_keeps_working(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    """A hung Wolkvox: the event loop keeps ticking, the outcome is unknown, not a crash."""
    from wolkvox_desktop.gui.calls import OperationForm

    w = demo_window
    server = w.current_server()
    assert server is not None
    saved = Catcher(w.handle.worker.saveFinished)
    w.handle.save_operation(
        OperationForm(server=server, label="Demo", token="", licenses=3, timeout_s=1.0,
                      max_in_flight=1)
    )
    qtbot.waitUntil(lambda: len(saved.values) == 1, timeout=5000)
    assert saved.values[0].ok
    ticks = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()
    demo_sim.faults.hang = True
    select(w, "3303")
    w.startButton.click()
    qtbot.waitUntil(lambda: demo_sim.hung == 1, timeout=5000)
    before = len(ticks)
    # while Wolkvox does not answer, the GUI thread keeps running and the table filters
    qtbot.waitUntil(lambda: len(ticks) >= before + 10, timeout=5000)
    w.campaignFilter.setText("ñandu")
    assert w.campaignProxy.rowCount() == 1
    assert not w.startButton.isEnabled()
    assert "In progress" in w.resultLabel.text()
    wait_idle(qtbot, w)
    heartbeat.stop()
    label = w.resultLabel.text()
    assert "Outcome unknown" in label and "may or may not have happened" in label
    demo_sim.reset_faults()


def test_closing_during_a_hung_call_keeps_the_row_unknown(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    demo_sim.faults.hang = True
    select(w, "3303")
    w.startButton.click()
    qtbot.waitUntil(lambda: demo_sim.hung == 1, timeout=5000)
    store_path = w.handle.config.store_path
    assert w.close()
    assert not w.handle.thread.isRunning()
    with Store(store_path) as store:
        rows = [r for r in store.history() if r.action == "start"]
    assert len(rows) == 1
    assert rows[0].outcome in ("unknown", "pending")
    assert rows[0].campaign_id == "3303"


def test_filter_ignores_case_and_accents(qtbot: Any, demo_window: MainWindow) -> None:
    w = demo_window
    assert w.campaignProxy.rowCount() == 8
    qtbot.keyClicks(w.campaignFilter, "RENOVACION nandu")
    assert w.campaignProxy.rowCount() == 1
    assert w.campaignProxy.index(0, 0).data() == "3303"
    w.campaignFilter.clear()
    w.campaignFilter.setText("preview")
    assert w.campaignProxy.rowCount() == 4


def test_add_and_remove_a_campaign_by_hand(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    w.campaignTable.clearSelection()
    w.campaignIdEdit.setText("9001")
    w.campaignNameEdit.setText("Campaña manual")
    w.typeCombo.setCurrentIndex(w.typeCombo.findData("preview"))
    w.addCampaignButton.click()
    qtbot.waitUntil(lambda: w.campaignModel.row_of("9001") >= 0)
    row = w.campaignModel.row_of("9001")
    assert "added by hand" in w.campaignModel.index(row, w.campaignModel.NAME).data()
    qtbot.waitUntil(lambda: w.selected_campaign() is not None)
    assert w.selected_campaign().campaign.id == "9001"
    assert w.removeCampaignButton.isEnabled()
    w.removeCampaignButton.click()
    qtbot.waitUntil(lambda: w.campaignModel.row_of("9001") < 0)
    select(w, "3301")
    assert not w.removeCampaignButton.isEnabled()  # listed by Wolkvox: not removable
    assert demo_sim.requests and all(r.method == "GET" for r in demo_sim.requests)


def _ancestors(widget: Any) -> list[Any]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def test_every_control_has_an_accessible_name_and_the_documented_object_name(
    demo_window: MainWindow,
) -> None:
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QComboBox,
        QLabel,
        QLineEdit,
        QTextEdit,
        QWidget,
    )

    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTextEdit)
    controls = [
        c for c in demo_window.findChildren(QWidget)
        if isinstance(c, kinds) and not c.objectName().startswith("qt_")
        and c.window() is demo_window  # not the combo boxes' own popups
    ]
    # internal parts of a composite control (a table's headers, a line edit's clear button)
    controls = [
        c for c in controls if not any(
            isinstance(p, kinds) for p in _ancestors(c)
        )
    ]
    assert len(controls) >= 12
    missing = [(type(c).__name__, c.objectName()) for c in controls if not c.accessibleName()]
    assert missing == []
    expected = {
        "campaignTable": QAbstractItemView, "campaignFilter": QLineEdit,
        "campaignIdEdit": QLineEdit, "typeCombo": QComboBox, "startButton": QAbstractButton,
        "stopButton": QAbstractButton, "statusPanel": QTextEdit, "tokenUsageLabel": QLabel,
        "refreshButton": QAbstractButton, "operationCombo": QComboBox,
    }
    for name, kind in expected.items():
        found = demo_window.findChild(kind, name)
        assert found is not None, name
        assert found.accessibleName(), name
    combo = demo_window.typeCombo
    assert {combo.itemData(i) for i in range(combo.count())} == {"preview", "predictive"}


def test_demo_badge_and_token_usage(demo_window: MainWindow) -> None:
    w = demo_window
    assert w.demoBadge.isVisible()
    assert "Demo" in w.windowTitle()
    assert w.tokenUsageLabel.text() == "Tokens today: 1 / 3,000"  # the list refresh


def test_usage_warns_near_and_at_the_limit(demo_window: MainWindow) -> None:
    from wolkvox_desktop.core.service import Usage

    w = demo_window
    w.topBar.set_usage(Usage(2500, 3000))
    assert "near the daily limit" in w.tokenUsageLabel.text()
    assert w.tokenUsageLabel.text().startswith("⚠")
    w.topBar.set_usage(Usage(3000, 3000))
    assert "used up" in w.tokenUsageLabel.text()
    w.topBar.set_usage(Usage(10, 3000))
    assert "⚠" not in w.tokenUsageLabel.text()


def _use_up_the_budget(store_path: Any, server: str, calls: int) -> None:
    """Today's history already holds ``calls`` answered calls (one transaction: fast)."""
    import sqlite3
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    with sqlite3.connect(store_path) as conn:
        conn.executemany(
            "INSERT INTO history (started_at, finished_at, server, action, outcome) "
            "VALUES (?, ?, ?, 'campaigns', 'ok')",
            [(now, now, server)] * calls,
        )
    conn.close()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # QMessageBox
def test_over_the_daily_budget_nothing_is_sent_until_confirmed(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    w = demo_window
    server = w.current_server()
    _use_up_the_budget(w.handle.config.store_path, server, 3000)
    select(w, "3303")
    w.startButton.click()
    wait_idle(qtbot, w)
    assert puts(demo_sim) == []
    assert "Not sent" in w.resultLabel.text() and "budget" in w.resultLabel.text()
    box = w.findChild(QMessageBox, "overBudgetBox")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "3303" in box.text()
    qtbot.waitUntil(  # the usage snapshot follows the answer
        lambda: "daily budget" in w.tokenUsageLabel.text() or "used up" in w.tokenUsageLabel.text()
    )
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: len(puts(demo_sim)) == 1)
    wait_idle(qtbot, w)
    assert demo_sim.campaign("3303").started
    assert "Campaign 3303 was started." in w.resultLabel.text()


def test_automatic_refresh_only_when_stale_and_visible(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    from datetime import datetime, timedelta

    w = demo_window
    listed = lambda: [r for r in demo_sim.requests if r.query.get("api") == "campaigns"]  # noqa: E731
    assert len(listed()) == 1  # the fresh demo store was refreshed once on start-up
    w._maybe_auto_refresh()
    assert not w.is_busy()  # fresh: nothing sent
    w._refreshed_at = datetime.now().astimezone() - timedelta(minutes=6)
    w.autoRefresh.last_attempt.clear()
    w.hide()
    w._maybe_auto_refresh()
    assert not w.is_busy()  # not visible: nothing sent
    w.show()
    qtbot.waitExposed(w)
    w._maybe_auto_refresh()
    wait_idle(qtbot, w)
    assert len(listed()) == 2
    assert w.resultLabel.text() == ""  # a quiet refresh does not replace the last answer
    w._refreshed_at = datetime.now().astimezone() - timedelta(minutes=6)
    w._maybe_auto_refresh()
    assert not w.is_busy()  # at most one automatic attempt every 5 minutes


def test_tab_order_follows_the_work(demo_window: MainWindow) -> None:
    """The order they are read in, row by row (the full chain: test_main_window_keys)."""
    w = demo_window
    chain = []
    widget = w.campaignFilter
    for _ in range(6):
        chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert chain == ["campaignFilter", "refreshButton", "campaignTable", "campaignIdEdit",
                     "typeCombo", "campaignNameEdit"]
