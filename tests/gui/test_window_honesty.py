"""The main window never overstates (issue 19): a call in flight reads "In progress" in
the list and the panel (never "Outcome unknown"), a row's status and last action change
together, the focus after an action never lands in a field with its text selected, the
reason a button is disabled is beside it, Tab follows the reading order (History… and
Plans… where they are seen), the top bar keeps the operation's code and the budget whole
at 800 × 500 (the test-server badge gives way first), and a resend after an unknown
outcome asks first, in the window's language.

Real parts: the demo window (its in-process simulator, its store), a real event loop."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

from tests.gui.conftest import close_window, wait_idle, wait_ready
from tests.gui.spoken import spoken, words
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.service import Usage
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.gui.app import build
from wolkvox_desktop.gui.bulk import BulkDialog, install_bulk_and_history
from wolkvox_desktop.gui.observed_store import ObservedStore
from wolkvox_desktop.gui.plans import install_plans
from wolkvox_desktop.gui.window.main_window import MainWindow

WAIT_MS = 15_000
__all__ = ["spoken"]

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
              pytest.mark.qt_log_ignore("This plugin does not support raise")]  # fmt: skip


@pytest.fixture
def window_in(qtbot: Any, spoken: str) -> Iterator[MainWindow]:
    """The demo window in the language of ``spoken``."""
    _app, window = build(["--demo", "--lang", spoken])
    window.demo_session.simulator.faults.latency = 0.0  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_ready(qtbot, window)
    yield window
    close_window(window)


def cell(w: MainWindow, cid: str, column: int, role: Any = Qt.ItemDataRole.DisplayRole) -> Any:
    model = w.campaignModel
    return model.index(model.row_of(cid), column).data(role)


def select(w: MainWindow, ids: list[str]) -> None:
    w.select_campaign(ids[0])
    model = w.campaignTable.selectionModel()
    for cid in ids[1:]:
        model.select(w.campaignTable.view_index(cid),
                     QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)


# ---------------------------------------------------------------- in flight


def test_a_call_in_flight_reads_in_progress_and_status_and_last_action_change_together(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    m = w.campaignModel
    controls = install_bulk_and_history(w)
    seen: list[tuple[str, str]] = []  # every (status, last action) 3302 ever showed

    def look(_top: QModelIndex, _bottom: QModelIndex, *_roles: Any) -> None:
        seen.append((cell(w, "3302", m.STATUS), cell(w, "3302", m.LAST)))

    m.dataChanged.connect(look)
    m.modelReset.connect(lambda: look(QModelIndex(), QModelIndex()))
    demo_sim.faults.latency = 0.6  # Wolkvox takes its time
    select(w, ["3302", "3303"])
    dialog = controls.start_selected()
    assert isinstance(dialog, BulkDialog)
    qtbot.waitUntil(dialog.confirmPage.startButton.isEnabled, timeout=WAIT_MS)
    dialog.confirmPage.startButton.click()
    qtbot.waitUntil(lambda: cell(w, "3302", m.LAST) == "Start: In progress…", timeout=WAIT_MS)
    assert cell(w, "3302", m.STATUS) == "Stopped"
    panel = w.statusPanel.toPlainText()
    assert "In progress" in panel.splitlines()[0] and "Outcome unknown" not in panel
    assert "Outcome unknown" not in (cell(w, "3302", m.LAST, Qt.ItemDataRole.ToolTipRole) or "")
    w.select_campaign("3302")  # its call is in flight (the run's): no second one from here
    assert not w.startButton.isEnabled() and not w.stopButton.isEnabled()
    assert w.campaignPage.rows.reasonLabel.text() == (
        "A call for campaign 3302 is in flight: wait for its answer.")
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: cell(w, "3303", m.STATUS) == "Started", timeout=WAIT_MS)
    assert cell(w, "3302", m.LAST).startswith("Start: Done")
    assert ("Stopped", cell(w, "3302", m.LAST)) not in seen  # never "Done" beside "Stopped"
    assert not [s for s in seen if s[1].startswith("Start: Outcome unknown")]
    dialog.close()


def test_a_finished_start_is_told_with_its_new_status(tmp_path: Any) -> None:
    """The worker's view of the store: a successful start's row is told ended only once
    the campaign's new status is written too (then one snapshot shows both)."""
    told: list[int] = []
    with Store(tmp_path / "s.sqlite3") as store:
        store.upsert_operation(Operation("0032"))
        observed = ObservedStore(store, lambda _server, _row: None, told.append)
        row = observed.begin_call("0032", "start", "3302", "preview")
        observed.finish_call(row, CallResult(Outcome.OK, Reason.OK, "Started.", 202, 202))
        assert told == []  # its status is not written yet
        observed.set_campaign_status("0032", "3302", "started")
        assert told == [row]
        failed = observed.begin_call("0032", "start", "3303", "preview")
        observed.finish_call(failed, CallResult(Outcome.UNKNOWN, Reason.SERVER_ERROR, "?"))
        assert told == [row, failed]  # no status follows a failure: told at once
        listing = observed.begin_call("0032", "campaigns")
        observed.finish_call(listing, CallResult(Outcome.OK, Reason.OK, "Listed."))
        assert told == [row, failed, listing]


# ---------------------------------------------------------------- focus and reasons


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_after_start_the_focus_stays_on_the_list_never_in_a_selected_field(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    controls = install_bulk_and_history(w)
    w.select_campaign("3303")
    w.activateWindow()
    w.startButton.setFocus()
    qtbot.waitUntil(lambda: focused() is w.startButton)
    qtbot.mouseClick(w.startButton, Qt.MouseButton.LeftButton)
    assert not w.startButton.isEnabled()  # in flight
    assert focused() is w.campaignTable
    assert not w.campaignNameEdit.hasSelectedText()
    wait_idle(qtbot, w)
    assert focused() is w.campaignTable
    # the bulk dialog: its run disables the buttons, its close gives the list back
    select(w, ["3305", "3306"])
    controls.startSelectedButton.setFocus()
    dialog = controls.start_selected()
    assert isinstance(dialog, BulkDialog)
    qtbot.waitUntil(dialog.confirmPage.startButton.isEnabled, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS):
        dialog.confirmPage.startButton.click()
    dialog.close()
    w.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is w)
    assert not isinstance(focused(), QLineEdit)
    assert not w.campaignNameEdit.hasSelectedText()


def test_why_start_and_stop_are_disabled_is_said_beside_them(
    qtbot: Any, window_in: MainWindow, spoken: str
) -> None:
    w = window_in
    reason = w.campaignPage.rows.reasonLabel
    w.select_campaign("3302")
    assert w.startButton.isEnabled() and reason.text() == ""
    w.campaignFilter.setText("3305")  # 3302 hidden by the filter
    assert not w.startButton.isEnabled() and not w.stopButton.isEnabled()
    assert reason.isVisible()
    assert reason.text() == words(spoken, "Campaign 3302 is hidden by the filter.",
                                  "La campaña 3302 está oculta por el filtro.")
    w.campaignFilter.clear()
    w.campaignTable.clearSelection()
    w.campaignIdEdit.clear()
    assert not w.startButton.isEnabled()
    assert reason.text() == words(spoken, "Choose a campaign in the list or type its ID.",
                                  "Elija una campaña de la lista o escriba su ID.")


# ---------------------------------------------------------------- the reading order


def tab_chain(start: QWidget, count: int) -> list[str]:
    names, widget = [], start
    for _ in range(count):
        names.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
    return names


def test_tab_follows_the_reading_order_with_history_and_plans_where_they_are(
    qtbot: Any, demo_window: MainWindow
) -> None:
    w = demo_window
    install_bulk_and_history(w)
    install_plans(w, tray_available=False)
    qtbot.wait(10)  # the bulk buttons join the order after Stop (a queued placement)
    assert tab_chain(w.operationCombo, 20) == [
        "operationCombo", "historyButton", "plansButton", "settingsButton", "campaignFilter",
        "refreshButton", "campaignTable", "campaignIdEdit", "typeCombo", "campaignNameEdit",
        "addCampaignButton", "removeCampaignButton", "startButton", "stopButton",
        "startSelectedButton", "stopSelectedButton", "statusPanel", "aboutButton",
        "operationCombo", "historyButton"]  # About…: on the status bar, read last


# ---------------------------------------------------------------- 800 x 500


def test_at_800_by_500_the_top_bar_keeps_the_code_and_the_budget_whole(
    qtbot: Any, window_in: MainWindow, spoken: str
) -> None:
    w = window_in
    install_bulk_and_history(w)
    install_plans(w, tray_available=False)
    bar = w.topBar
    bar.demoBadge.hide()  # as WOLKVOX_API_BASE shows it: the test server's badge instead
    bar.show_test_server("127.0.0.1:54321")
    bar.set_operations([Operation("0032", "Cobranza Bogotá norte")], "0032")
    bar.set_usage(Usage(38, 3000))
    w.resize(800, 500)
    qtbot.waitUntil(lambda: w.width() == 800)
    qtbot.wait(30)
    combo, usage, badge = bar.operationCombo, bar.tokenUsageLabel, bar.testServerBadge
    shown = combo.shown_text(combo.style().subControlRect(
        combo.style().ComplexControl.CC_ComboBox, _combo_option(combo),
        combo.style().SubControl.SC_ComboBoxEditField, combo).width())
    assert shown.endswith(" · 0032")  # the code, whatever the name gives way to
    assert not usage.is_elided()
    assert usage.text() == words(spoken, "Tokens today: 38 / 3,000", "Tokens hoy: 38 / 3.000")
    # the badge gave way first: it names itself, the address is one hover away
    assert badge.text() == words(spoken, "Test server", "Servidor de prueba")
    assert not badge.is_elided()
    assert words(spoken, "Test server: 127.0.0.1:54321",
                 "Servidor de prueba: 127.0.0.1:54321") in badge.toolTip()
    assert combo.width() >= combo.minimumSizeHint().width()  # nothing squeezed further
    w.resize(1366, 768)
    qtbot.waitUntil(lambda: w.width() == 1366)
    qtbot.wait(30)
    assert badge.text().endswith(": 127.0.0.1:54321")  # room again: the address too


def _combo_option(combo: Any) -> Any:
    from PySide6.QtWidgets import QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return option


# ---------------------------------------------------------------- one rule, in Spanish


def test_the_resend_question_reads_in_the_window_language(
    qtbot: Any, window_in: MainWindow, spoken: str
) -> None:
    w = window_in
    sim = w.demo_session.simulator  # type: ignore[attr-defined]
    sim.faults.html_502 = True
    w.select_campaign("3306")
    w.startButton.click()
    wait_idle(qtbot, w)
    sim.reset_faults()
    w.startButton.click()
    box = w.calls.resend_box
    assert box is not None
    assert box.text().startswith(words(spoken, "The outcome of the last start of 3306 ·",
                                       "El resultado del último inicio de 3306 ·"))
    assert box.findChild(QPushButton, "resendSendButton").text() == words(
        spoken, "Send “Start” again", "Enviar «Iniciar» de nuevo")
    assert box.findChild(QPushButton, "resendCheckButton").text() == words(
        spoken, "Check now (1 token)", "Comprobar ahora (1 token)")
    box.reject()
