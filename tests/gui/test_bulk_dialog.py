"""The bulk start/stop dialog and its runner thread, against the simulator (real HTTP on
loopback, a real SQLite store, a real Qt event loop offscreen)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.core.api import WolkvoxClient
from wolkvox_desktop.core.bulk import BulkSummary, ItemState
from wolkvox_desktop.core.campaigns import (
    Action,
    Campaign,
    CampaignRef,
    CampaignStatus,
    CampaignType,
)
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.service import OperationService, Usage
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.gui.bulk_dialog import BulkDialog, budget_state, confirm_over_budget
from wolkvox_desktop.gui.outcome_look import outcome_words
from wolkvox_desktop.simulator.server import Simulator, demo_campaigns

# the offscreen platform's own notice when a window is shown; not about this code
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SERVER = "0032"
WAIT_MS = 15_000


class Services:
    """Opens the operation's service the way the app does: a real store file and a real
    client (behind the process-wide token gate) pointed at a loopback base URL."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.opened: list[OperationService] = []
        self.closed: list[OperationService] = []

    def open(self) -> OperationService:
        store = Store(store_path())
        client = WolkvoxClient(
            SERVER, DEMO_TOKEN, api_base=self.base_url, read_timeout=5.0
        )
        service = OperationService(store, client, SERVER)
        self.opened.append(service)
        return service

    def close(self, service: OperationService) -> None:
        service.client.close()
        service.store.close()
        self.closed.append(service)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def campaigns(sim: Simulator, ids: list[str]) -> list[Campaign]:
    """The campaigns as the last refreshed list shows them (type and status)."""
    out = []
    for cid in ids:
        c = sim.campaign(cid)
        out.append(
            Campaign(cid, c.campaign_name, CampaignType.parse(c.type_campaign),
                     CampaignStatus.parse(c.status))
        )
    return out


def calls(sim: Simulator, api: str = "start") -> list[str]:
    return [r.query.get("campaign_id", "") for r in sim.requests if r.api == api]


@pytest.fixture
def dialogs(qtbot: QtBot) -> Iterator[Callable[..., BulkDialog]]:
    made: list[BulkDialog] = []

    def make(action: Action, items: list[Campaign], services: Services) -> BulkDialog:
        dlg = BulkDialog(action, items, services.open, close_service=services.close,
                         server_label=SERVER)
        qtbot.addWidget(dlg)
        made.append(dlg)
        dlg.show()
        qtbot.waitUntil(lambda: dlg._usage is not None, timeout=WAIT_MS)
        return dlg

    yield make
    for dlg in made:
        assert dlg.shutdown(5000), "the runner thread did not stop"
        assert dlg.runner is None or not dlg.runner.thread_.isRunning()


def run_to_end(qtbot: QtBot, dlg: BulkDialog) -> BulkSummary:
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(dlg.startButton, Qt.MouseButton.LeftButton)
    summary = blocker.args[0]
    assert isinstance(summary, BulkSummary)
    return summary


def test_calls_follow_the_selected_order_one_at_a_time_and_the_window_stays_responsive(
    qtbot: QtBot, simulator: Simulator, dialogs: Callable[..., BulkDialog]
) -> None:
    simulator.faults.latency = 0.05
    order = ["3308", "3302", "3306", "3303", "3305"]  # not the table's order
    services = Services(simulator.base_url)
    dlg = dialogs(Action.START, campaigns(simulator, order), services)
    assert dlg.titleLabel.text().startswith("Start 5 campaign")
    assert [dlg.campaignList.item(i).text().split(" · ")[0] for i in range(5)] == order
    assert "5 token" in dlg.budgetLabel.text()

    ticks = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()
    started: list[int] = []
    dlg.itemStarted.connect(lambda i, _cid: started.append(len(ticks)))
    summary = run_to_end(qtbot, dlg)
    heartbeat.stop()

    assert calls(simulator) == order
    assert simulator.max_concurrency == 1
    assert summary.progress.ok == 5 and summary.all_ok
    assert all(simulator.campaign(cid).started for cid in order)
    # the GUI thread kept turning while the calls were in flight
    assert len(ticks) > started[0]
    assert dlg.progressBar.value() == 5 and dlg.progressLabel.text() == "5 of 5 done"
    assert all(
        dlg.resultsTable.item(r, dlg.COL_OUTCOME).text() == outcome_words("ok")
        for r in range(5)
    )
    assert "5 started" in dlg.summaryLabel.text()
    # every call is in the history, and the runner released its service
    with Store(store_path()) as store:
        assert [r.campaign_id for r in store.history(action="start")] == order[::-1]
    assert services.closed == services.opened


def test_a_single_action_from_the_window_shares_the_gate_with_the_run(
    qtbot: QtBot, simulator: Simulator, dialogs: Callable[..., BulkDialog]
) -> None:
    simulator.faults.latency = 0.05
    services = Services(simulator.base_url)
    dlg = dialogs(Action.STOP, campaigns(simulator, ["3301", "3304", "3307"]), services)
    singles: list[CallResult] = []

    def main_window_like() -> None:  # another client, as the main window's worker has
        client = WolkvoxClient(SERVER, DEMO_TOKEN, api_base=simulator.base_url)
        try:
            for _ in range(3):
                singles.append(client.start(CampaignRef("3303", CampaignType.PREVIEW)))
        finally:
            client.close()

    other = threading.Thread(target=main_window_like)
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS):
        qtbot.mouseClick(dlg.startButton, Qt.MouseButton.LeftButton)
        other.start()
    other.join(10)
    assert calls(simulator, "stop") == ["3301", "3304", "3307"]
    assert [r.outcome for r in singles] == [Outcome.OK] * 3
    assert simulator.max_concurrency == 1


def test_campaigns_already_in_the_wanted_state_are_skipped_unless_included(
    qtbot: QtBot, simulator: Simulator, dialogs: Callable[..., BulkDialog]
) -> None:
    ids = ["3301", "3302", "3304"]  # 3301 and 3304 are already started
    dlg = dialogs(Action.START, campaigns(simulator, ids), Services(simulator.base_url))
    assert not dlg.includeInStateCheck.isHidden()
    assert "2 campaign" in dlg.includeInStateCheck.text()
    assert "already started" in dlg.campaignList.item(0).text()
    assert "already started" not in dlg.campaignList.item(1).text()
    assert dlg.startButton.text() == "Start 1 campaign(s)"
    summary = run_to_end(qtbot, dlg)
    assert calls(simulator) == ["3302"]
    assert [r.state for r in summary.records] == [
        ItemState.IN_STATE, ItemState.OK, ItemState.IN_STATE
    ]
    assert dlg.resultsTable.item(0, dlg.COL_OUTCOME).text().endswith(outcome_words("in_state"))

    again = dialogs(Action.START, campaigns(simulator, ["3301", "3303"]),
                    Services(simulator.base_url))
    again.includeInStateCheck.setChecked(True)
    assert again.startButton.text() == "Start 2 campaign(s)"
    assert "2 token" in again.budgetLabel.text()
    run_to_end(qtbot, again)
    assert calls(simulator) == ["3302", "3301", "3303"]


EXPECTED_CALLS = {  # (where the failure happened, decision) -> start calls the server saw
    ("same", "skip"): ["3302", "3303"],
    ("same", "retry"): ["3302", "3302", "3303"],
    ("same", "abort"): ["3302"],
    ("later", "skip"): ["3303"],  # nothing reached the server that was down
    ("later", "retry"): ["3302", "3303"],
    ("later", "abort"): [],
}


@pytest.mark.parametrize("decision", ["skip", "retry", "abort"])
@pytest.mark.parametrize("outcome", ["refused", "undelivered", "unknown"])
def test_a_failure_pauses_the_run_until_the_supervisor_decides(
    qtbot: QtBot,
    simulator: Simulator,
    dialogs: Callable[..., BulkDialog],
    outcome: str,
    decision: str,
) -> None:
    port = free_port()
    if outcome == "undelivered":
        services = Services(f"http://127.0.0.1:{port}")  # nothing listens there yet
    else:
        services = Services(simulator.base_url)
        simulator.faults.only_api = "start"
        if outcome == "refused":
            simulator.faults.maintenance = True
        else:
            simulator.faults.html_502 = True
    dlg = dialogs(Action.START, campaigns(simulator, ["3302", "3303"]), services)
    with qtbot.waitSignal(dlg.runPaused, timeout=WAIT_MS) as paused:
        qtbot.mouseClick(dlg.startButton, Qt.MouseButton.LeftButton)
    index, result = paused.args
    assert index == 0 and result.outcome.value == outcome
    qtbot.waitUntil(lambda: not dlg.pauseBox.isHidden())
    assert outcome_words(outcome) in dlg.pauseBox.title()
    assert dlg.pauseLabel.text()  # the outcome's sentence
    assert outcome_words(outcome) in dlg.resultsTable.item(0, dlg.COL_OUTCOME).text()
    assert not dlg.cancelButton.isEnabled()
    assert dlg.progressLabel.text() == "0 of 2 done"
    # the unknown outcome needs an explicit "I checked" before Retry
    assert dlg.unknownConfirmCheck.isHidden() == (outcome != "unknown")
    assert dlg.retryButton.isEnabled() == (outcome != "unknown")

    # the cause goes away: Wolkvox recovers, or the network comes back
    live = simulator
    if outcome == "undelivered":
        live = Simulator(tokens={DEMO_TOKEN: 3000}, campaigns=demo_campaigns())
        live.start(port=port)
    else:
        simulator.reset_faults()
    try:
        if decision == "retry" and outcome == "unknown":
            before = len(live.requests)
            dlg.retry()  # refused without the confirmation: nothing sent
            qtbot.wait(100)
            assert len(live.requests) == before and not dlg.pauseBox.isHidden()
            dlg.unknownConfirmCheck.setChecked(True)
            assert dlg.retryButton.isEnabled()
        button = {"skip": dlg.skipButton, "retry": dlg.retryButton, "abort": dlg.abortButton}
        with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS) as finished:
            qtbot.mouseClick(button[decision], Qt.MouseButton.LeftButton)
        summary: BulkSummary = finished.args[0]
        where = "later" if outcome == "undelivered" else "same"
        assert calls(live) == EXPECTED_CALLS[(where, decision)]
        assert live.max_concurrency <= 1
        counts = dlg.summary_counts(summary)
        if decision == "skip":
            assert (counts["ok"], counts["skipped"]) == (1, 1)
            assert live.campaign("3303").started and not live.campaign("3302").started
        elif decision == "retry":
            assert counts["ok"] == 2 and summary.calls == 3
            assert live.campaign("3302").started and live.campaign("3303").started
        else:
            assert (counts[outcome], counts["not_run"]) == (1, 1)
            assert not live.campaign("3303").started
            assert dlg.resultsTable.item(1, dlg.COL_OUTCOME).text().endswith(
                outcome_words("not_run"))
        assert not dlg.summaryLabel.isHidden() and not dlg.closeButton.isHidden()
    finally:
        if live is not simulator:
            live.stop()


def test_cancel_stops_before_the_next_call(
    qtbot: QtBot, simulator: Simulator, dialogs: Callable[..., BulkDialog]
) -> None:
    simulator.faults.latency = 0.3
    ids = ["3302", "3303", "3305", "3306"]
    dlg = dialogs(Action.START, campaigns(simulator, ids), Services(simulator.base_url))
    with qtbot.waitSignal(dlg.itemStarted, timeout=WAIT_MS):
        qtbot.mouseClick(dlg.startButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(dlg.cancelButton, Qt.MouseButton.LeftButton)
        assert not dlg.cancelButton.isEnabled()
    summary: BulkSummary = finished.args[0]
    assert calls(simulator) == ["3302"]  # the call in flight finished; no other was made
    assert summary.progress.cancelled
    assert [r.state for r in summary.records] == [ItemState.OK] + [ItemState.NOT_RUN] * 3
    assert "3 not run" in dlg.summaryLabel.text()
    assert dlg.currentLabel.text() == "Cancelled."


def fill_today(store: Store, uses: int) -> None:
    earlier = CallResult(Outcome.OK, Reason.OK, "Listed.", 200, 200, None, "Data found", 3)
    for _ in range(uses):
        store.finish_call(store.begin_call(SERVER, "campaigns"), earlier)


def answer_box(qtbot: QtBot, button_name: str, seen: list[str]) -> None:
    """Click ``button_name`` in the over-budget question as soon as it is shown."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        button = box.findChild(object, button_name)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_a_run_past_todays_budget_needs_an_explicit_confirmation(
    qtbot: QtBot, simulator: Simulator, dialogs: Callable[..., BulkDialog]
) -> None:
    with Store(store_path()) as store:
        store.upsert_operation(Operation(SERVER, licenses=1))
        fill_today(store, 998)
    dlg = dialogs(Action.START, campaigns(simulator, ["3302", "3303", "3305"]),
                  Services(simulator.base_url))
    assert "998 of 1000" in dlg.budgetLabel.text()
    assert "would pass today's budget" in dlg.budgetLabel.text()

    seen: list[str] = []
    answer_box(qtbot, "overBudgetCancelButton", seen)
    assert dlg.confirm_and_start() is False
    assert seen and "only 2 of today's 1000" in seen[0]
    assert calls(simulator) == [] and dlg.pages.currentWidget() is dlg.confirmPage

    answer_box(qtbot, "overBudgetGoButton", seen)
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS) as finished:
        assert dlg.confirm_and_start() is True
    assert calls(simulator) == ["3302", "3303", "3305"]  # confirmed: past the budget
    assert finished.args[0].all_ok


def test_budget_states_and_the_reusable_confirmation(qtbot: QtBot) -> None:
    assert budget_state(Usage(0, 1000), 10) == "ok"
    assert budget_state(Usage(790, 1000), 10) == "warn"  # reaches 80 %
    assert budget_state(Usage(990, 1000), 10) == "warn"  # exactly 100 %: allowed
    assert budget_state(Usage(991, 1000), 10) == "over"
    # within the budget: no question at all
    assert confirm_over_budget(None, Usage(10, 1000), 1) is True
    seen: list[str] = []
    answer_box(qtbot, "overBudgetGoButton", seen)
    assert confirm_over_budget(None, Usage(1000, 1000), 1) is True
    answer_box(qtbot, "overBudgetCancelButton", seen)
    assert confirm_over_budget(None, Usage(1000, 1000), 1) is False
    assert len(seen) == 2


def test_closing_during_a_call_aborts_it_and_ends_the_thread(
    qtbot: QtBot, simulator: Simulator, dialogs: Callable[..., BulkDialog]
) -> None:
    simulator.faults.hang = True
    dlg = dialogs(Action.START, campaigns(simulator, ["3302", "3303"]),
                  Services(simulator.base_url))
    ticks = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()
    qtbot.mouseClick(dlg.startButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: simulator.hung == 1, timeout=WAIT_MS)
    # the simulator holds the call: the GUI thread keeps turning meanwhile
    held_at = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= held_at + 5, timeout=WAIT_MS)
    heartbeat.stop()
    # Esc during a run only cancels between calls; the dialog stays
    dlg.reject()
    assert dlg.isVisible() and dlg.is_running()
    assert dlg.shutdown(5000) is True  # the app closes: the call in flight is aborted
    assert not dlg.runner.thread_.isRunning()
    assert calls(simulator) == ["3302"]
    with Store(store_path()) as store:
        rows = store.history(action="start")
    assert [(r.campaign_id, r.outcome) for r in rows] == [("3302", "unknown")]


def test_no_token_says_so_and_sends_nothing(
    qtbot: QtBot, simulator: Simulator, dialogs: Callable[..., BulkDialog]
) -> None:
    from wolkvox_desktop.core.errors import InvalidInput

    def no_token() -> OperationService:
        raise InvalidInput(Reason.NO_TOKEN, "No token is saved for operation 0032.")

    dlg = BulkDialog(Action.START, campaigns(simulator, ["3302"]), no_token)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.openFailed, timeout=WAIT_MS):
        dlg.show()
    assert "No token" in dlg.budgetLabel.text()
    assert not dlg.startButton.isEnabled()
    assert dlg.shutdown(5000)
    assert simulator.requests == []


def test_check_with_wolkvox_shows_its_own_figure(
    qtbot: QtBot, simulator: Simulator, dialogs: Callable[..., BulkDialog]
) -> None:
    simulator.set_token_use(DEMO_TOKEN, 41)
    dlg = dialogs(Action.START, campaigns(simulator, ["3302"]), Services(simulator.base_url))
    assert "1 token" in dlg.checkTokensButton.text()
    with qtbot.waitSignal(dlg.tokenInfoShown, timeout=WAIT_MS):
        qtbot.mouseClick(dlg.checkTokensButton, Qt.MouseButton.LeftButton)
    assert "42 of 3000" in dlg.tokenInfoLabel.text()
    assert calls(simulator, "token_info") == [""]
    # our own count went up by the check, and the confirmation shows it
    qtbot.waitUntil(lambda: "Today 1 of 1000" in dlg.budgetLabel.text(), timeout=WAIT_MS)


def test_closing_while_the_service_is_still_opening_never_blocks_for_long(
    qtbot: QtBot, simulator: Simulator
) -> None:
    entered, opened = threading.Event(), threading.Event()
    services = Services(simulator.base_url)

    def slow_open() -> OperationService:  # e.g. the keyring asking to be unlocked
        entered.set()
        opened.wait(10)
        return services.open()

    dlg = BulkDialog(Action.START, campaigns(simulator, ["3302"]), slow_open,
                     close_service=services.close)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.runner is not None
    qtbot.waitUntil(entered.is_set, timeout=WAIT_MS)
    assert dlg.shutdown(50) is False  # bounded: the GUI does not wait for the keyring
    opened.set()
    qtbot.waitUntil(lambda: not dlg.runner.thread_.isRunning(), timeout=WAIT_MS)
    assert len(services.opened) == 1 and services.closed == services.opened
    assert simulator.requests == []
