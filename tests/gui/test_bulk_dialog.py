"""The bulk start/stop dialog on the window's real worker: a real WorkerHandle (its thread,
its jobs, the front door), a real SQLite store file, the simulator on loopback and a real
Qt event loop offscreen. The run starts no thread of its own: every call is a job."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.gui import test_worker
from tests.gui.conftest import DEMO_TOKEN, Catcher
from wolkvox_desktop.core.bulk_run import BulkSummary, ItemState
from wolkvox_desktop.core.campaigns import (
    Action,
    Campaign,
    CampaignRef,
    CampaignStatus,
    CampaignType,
)
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.service import Usage
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.gui.bulk import BulkDialog, budget_state, confirm_over_budget
from wolkvox_desktop.gui.bulk.close_question import QUESTION_NAME
from wolkvox_desktop.gui.bulk.summary import count_endings
from wolkvox_desktop.gui.calls import ActionRequest
from wolkvox_desktop.gui.local_format import number
from wolkvox_desktop.gui.outcome_look import outcome_words
from wolkvox_desktop.gui.worker import WorkerHandle
from wolkvox_desktop.simulator.server import Simulator, demo_campaigns

SERVER = "0032"
WAIT_MS = 15_000

make_handle = test_worker.make_handle  # the fixture: the window's worker, as the app builds it


# ---------------------------------------------------------------- the parts


@pytest.fixture
def handle(make_handle: Any) -> WorkerHandle:
    """The window's worker: operation 0032 with its token, against the simulator."""
    made: WorkerHandle = make_handle()
    return made


@pytest.fixture
def bulk(qtbot: QtBot, request: pytest.FixtureRequest) -> Iterator[Callable[..., BulkDialog]]:
    """``bulk(action, campaigns, on=None, ready=True)``: a shown dialog on worker ``on``
    (default: the ``handle`` fixture), its service open (today's use known) unless
    ``ready=False``."""
    made: list[BulkDialog] = []

    def _open(action: Action, items: list[Campaign], on: WorkerHandle | None = None,
              ready: bool = True) -> BulkDialog:
        worker = on or request.getfixturevalue("handle")
        dlg = BulkDialog(action, items, worker, SERVER, server_label=SERVER)
        qtbot.addWidget(dlg)
        made.append(dlg)
        dlg.show()
        if ready:
            qtbot.waitUntil(lambda: dlg.confirmPage.startButton.isEnabled(), timeout=WAIT_MS)
        return dlg

    yield _open
    for dlg in made:
        dlg.close_now()


def campaigns(sim: Simulator, ids: list[str], names: dict[str, str] | None = None
              ) -> list[Campaign]:
    """The campaigns as the last refreshed list shows them (type and status)."""
    out = []
    for cid in ids:
        c = sim.campaign(cid)
        name = (names or {}).get(cid, c.campaign_name)
        out.append(Campaign(cid, name, CampaignType.parse(c.type_campaign),
                            CampaignStatus.parse(c.status)))
    return out


def calls(sim: Simulator, api: str = "start") -> list[str]:
    return [r.query.get("campaign_id", "") for r in sim.requests if r.api == api]


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def run_to_end(qtbot: QtBot, dlg: BulkDialog) -> BulkSummary:
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS) as blocker:
        click(qtbot, dlg.confirmPage.startButton)
    summary = blocker.args[0]
    assert isinstance(summary, BulkSummary)
    assert_counts_add_up(dlg, summary)
    return summary


def start_until_paused(qtbot: QtBot, sim: Simulator, dlg: BulkDialog, fault: str) -> None:
    """Start the run with the simulator refusing every start (``fault``, e.g.
    ``html_502``: outcome unknown), until it pauses on the first campaign; then the fault
    goes away."""
    sim.faults.only_api = "start"
    setattr(sim.faults, fault, True)
    with qtbot.waitSignal(dlg.runPaused, timeout=WAIT_MS):
        click(qtbot, dlg.confirmPage.startButton)
    sim.reset_faults()


def assert_counts_add_up(dlg: BulkDialog, summary: BulkSummary) -> None:
    counts = count_endings(summary)
    assert counts.total == len(summary.records)
    assert dlg.counts == counts
    assert " 0 " not in dlg.progressPage.summaryBox.countsLabel.text()  # no "? 0 unknown"


def stop_question(qtbot: QtBot, dlg: BulkDialog) -> QMessageBox:
    qtbot.waitUntil(lambda: isinstance(dlg.findChild(QMessageBox, QUESTION_NAME), QMessageBox))
    box = dlg.findChild(QMessageBox, QUESTION_NAME)
    assert isinstance(box, QMessageBox) and box.isVisible()
    return box


def answer(qtbot: QtBot, box: QMessageBox, button: str) -> None:
    found = box.findChild(QPushButton, button)
    assert isinstance(found, QPushButton)
    click(qtbot, found)


def n(value: int) -> str:
    """A number as the window writes it (its locale: ``1,000``, ``1.000`` or ``1000``)."""
    return QLocale().toString(value)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# ---------------------------------------------------------------- order, gate, one at a time


def test_calls_follow_the_selected_order_one_at_a_time_as_jobs_of_the_worker(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], handle: WorkerHandle
) -> None:
    gui_simulator.faults.latency = 0.05
    order = ["3308", "3302", "3306", "3303", "3305"]  # not the table's order
    dlg = bulk(Action.START, campaigns(gui_simulator, order))
    page = dlg.confirmPage
    assert page.titleLabel.text().startswith("Start 5 campaign")
    assert [page.campaignList.item(i).text().split(" · ")[0] for i in range(5)] == order
    assert "5 token" in page.budgetLabel.text()

    ticks: list[int] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()
    started: list[int] = []
    dlg.itemStarted.connect(lambda _i, _cid: started.append(len(ticks)))
    summary = run_to_end(qtbot, dlg)
    heartbeat.stop()

    assert calls(gui_simulator) == order
    assert gui_simulator.max_concurrency == 1
    assert summary.progress.ok == 5 and summary.all_ok
    assert all(gui_simulator.campaign(cid).started for cid in order)
    assert len(ticks) > started[0]  # the GUI thread kept turning during the calls
    progress = dlg.progressPage
    assert progress.progressBar.value() == progress.progressBar.maximum() == 5
    assert re.fullmatch(r"5 of 5 campaign(\(s\)|s) sent", progress.progressLabel.text())
    assert [progress.resultsTable.outcome_text(r) for r in range(5)] == [outcome_words("ok")] * 5
    assert "✓ 5 started" in progress.summaryBox.countsLabel.text()
    assert progress.summaryBox.neverSentLabel.isHidden()
    # every call is in the history; the run's own client is released, on a job
    with Store(handle.config.store_path) as store:
        assert [r.campaign_id for r in store.history(action="start")] == order[::-1]
    assert dlg.runner is not None and dlg.runner.run is not None
    client = dlg.runner.run.service.client
    qtbot.waitUntil(lambda: client.aborted, timeout=WAIT_MS)


def test_a_single_start_from_the_window_shares_the_gate_with_the_run(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], handle: WorkerHandle
) -> None:
    gui_simulator.faults.latency = 0.1
    dlg = bulk(Action.STOP, campaigns(gui_simulator, ["3301", "3304", "3307"]))
    done = Catcher(handle.worker.callFinished)
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS):
        click(qtbot, dlg.confirmPage.startButton)
        for c in campaigns(gui_simulator, ["3303", "3305"]):  # the window's own Start
            assert c.type is not None
            handle.run_action(ActionRequest(handle.next_id(), SERVER, Action.START,
                                            CampaignRef(c.id, c.type)))
    qtbot.waitUntil(lambda: len(done.values) == 2, timeout=WAIT_MS)
    assert [d.result.outcome for d in done.values] == [Outcome.OK] * 2
    assert calls(gui_simulator, "stop") == ["3301", "3304", "3307"]
    assert sorted(calls(gui_simulator, "start")) == ["3303", "3305"]
    assert gui_simulator.max_concurrency == 1  # one token, one call in flight, both faces


def test_campaigns_already_in_the_wanted_state_are_skipped_unless_included(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog]
) -> None:
    ids = ["3301", "3302", "3304"]  # 3301 and 3304 are already started
    dlg = bulk(Action.START, campaigns(gui_simulator, ids))
    page = dlg.confirmPage
    assert not page.includeInStateCheck.isHidden()
    assert "2 campaign" in page.includeInStateCheck.text()
    assert "already started" in page.campaignList.item(0).text()
    assert "already started" not in page.campaignList.item(1).text()
    assert page.startButton.text().startswith("Start 1 campaign")
    summary = run_to_end(qtbot, dlg)
    assert calls(gui_simulator) == ["3302"]
    assert [r.state for r in summary.records] == [
        ItemState.IN_STATE, ItemState.OK, ItemState.IN_STATE
    ]
    assert dlg.progressPage.resultsTable.outcome_text(0) == outcome_words("in_state")
    assert "2 already started" in dlg.progressPage.summaryBox.countsLabel.text()

    again = bulk(Action.START, campaigns(gui_simulator, ["3301", "3303"]))
    again.confirmPage.includeInStateCheck.setChecked(True)
    assert again.confirmPage.startButton.text().startswith("Start 2 campaign")
    assert "2 token" in again.confirmPage.budgetLabel.text()
    run_to_end(qtbot, again)
    assert calls(gui_simulator) == ["3302", "3301", "3303"]


# ---------------------------------------------------------------- a failure pauses the run


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
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog],
    make_handle: Any, outcome: str, decision: str,
) -> None:
    port = free_port()
    on = None  # the handle fixture, against the simulator
    if outcome == "undelivered":
        on = make_handle(api_base=f"http://127.0.0.1:{port}")  # nothing listens there yet
    else:
        gui_simulator.faults.only_api = "start"
        if outcome == "refused":
            gui_simulator.faults.maintenance = True
        else:
            gui_simulator.faults.html_502 = True
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302", "3303"]), on)
    with qtbot.waitSignal(dlg.runPaused, timeout=WAIT_MS) as paused:
        click(qtbot, dlg.confirmPage.startButton)
    index, result = paused.args
    assert index == 0 and result.outcome.value == outcome
    page, box = dlg.progressPage, dlg.progressPage.pauseBox
    qtbot.waitUntil(lambda: not box.isHidden())
    assert outcome_words(outcome) in box.title()
    assert box.label.text()  # the outcome's sentence
    assert outcome_words(outcome) in page.resultsTable.outcome_text(0)
    assert not page.stopButton.isEnabled()  # the pause box has its own "Abort the run"
    sent = "0" if outcome == "undelivered" else "1"  # a refusal or an unknown: it went out
    assert page.progressLabel.text().startswith(f"{sent} of 2 campaign")
    # the unknown outcome asks before sending again, offering Check now (the window's rule)
    assert box.checkButton.isHidden() == (outcome != "unknown")
    assert box.retryButton.isEnabled()
    qtbot.wait(300)  # nothing is retried by itself, nothing else is sent meanwhile
    assert calls(gui_simulator) == ([] if outcome == "undelivered" else ["3302"])

    live = gui_simulator  # the cause goes away: Wolkvox recovers, or the network comes back
    if outcome == "undelivered":
        live = Simulator(tokens={DEMO_TOKEN: 3000}, campaigns=demo_campaigns())
        live.start(port=port)
    else:
        gui_simulator.reset_faults()
    try:
        button = {"skip": box.skipButton, "retry": box.retryButton, "abort": box.abortButton}
        if decision == "retry" and outcome == "unknown":
            before = len(live.requests)
            click(qtbot, box.retryButton)  # asks first: nothing sent
            question = dlg.findChild(QMessageBox, "resendQuestion")
            assert question is not None and question.isVisible()
            assert "may have happened" in question.text()
            qtbot.wait(100)
            assert len(live.requests) == before and not box.isHidden()
            button["retry"] = question.findChild(QPushButton, "resendSendButton")
        with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS) as finished:
            click(qtbot, button[decision])
        summary: BulkSummary = finished.args[0]
        assert_counts_add_up(dlg, summary)
        where = "later" if outcome == "undelivered" else "same"
        assert calls(live) == EXPECTED_CALLS[(where, decision)]
        assert live.max_concurrency <= 1
        counts = dlg.counts
        assert counts is not None
        if decision == "skip":  # counted as its outcome, and said to be skipped
            assert (counts["ok"], counts[outcome], counts["skipped"]) == (1, 1, 0)
            assert counts.skipped_after[outcome] == 1
            assert live.campaign("3303").started and not live.campaign("3302").started
        elif decision == "retry":
            assert counts["ok"] == 2 and summary.calls == 3
            assert live.campaign("3302").started and live.campaign("3303").started
        else:
            assert (counts[outcome], counts["not_run"]) == (1, 1)
            assert not live.campaign("3303").started
            assert page.resultsTable.outcome_text(1) == outcome_words("not_run")
            assert "3303" in page.summaryBox.neverSentLabel.text()
        assert not page.summaryBox.isHidden() and not page.closeButton.isHidden()
    finally:
        if live is not gui_simulator:
            live.stop()


def test_an_unknown_outcome_then_skipped_counts_as_unknown_and_says_so(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog]
) -> None:
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3305", "3302", "3303"]))
    start_until_paused(qtbot, gui_simulator, dlg, "html_502")
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS) as finished:
        click(qtbot, dlg.progressPage.pauseBox.skipButton)
    assert_counts_add_up(dlg, finished.args[0])
    counts = dlg.counts
    assert counts is not None
    assert (counts["unknown"], counts["ok"], counts["skipped"], counts.total) == (1, 2, 0, 3)
    box = dlg.progressPage.summaryBox
    assert "? 1 with the outcome unknown (1 skipped by you)" in box.countsLabel.text()
    assert "✓ 2 started" in box.countsLabel.text()
    assert "skipped" not in box.countsLabel.text().split("(1 skipped by you)")[1]
    assert not box.adviceLabel.isHidden()  # "Some outcomes are unknown …" next to a 1
    table = dlg.progressPage.resultsTable
    assert table.outcome_text(0) == f"{outcome_words('unknown')} · {outcome_words('skipped')}"


# ---------------------------------------------------------------- stopping and closing


def test_stopping_asks_and_then_stops_before_the_next_call(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog]
) -> None:
    gui_simulator.faults.latency = 0.3
    ids = ["3302", "3303", "3305", "3306"]
    dlg = bulk(Action.START, campaigns(gui_simulator, ids, {"3305": "Cobranza Sur"}))
    with qtbot.waitSignal(dlg.itemStarted, timeout=WAIT_MS):
        click(qtbot, dlg.confirmPage.startButton)
    click(qtbot, dlg.progressPage.stopButton)
    box = stop_question(qtbot, dlg)
    assert "3 campaigns of this run are not sent yet" in box.text().replace("(s)", "s")
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS) as finished:
        answer(qtbot, box, "bulkStopRunButton")
        assert not dlg.progressPage.stopButton.isEnabled()
    summary: BulkSummary = finished.args[0]
    assert_counts_add_up(dlg, summary)
    assert calls(gui_simulator) == ["3302"]  # the call in flight finished; no other was made
    assert summary.progress.cancelled
    assert [r.state for r in summary.records] == [ItemState.OK] + [ItemState.NOT_RUN] * 3
    never = dlg.progressPage.summaryBox.neverSentLabel.text()
    assert "3303" in never and "3305 · Cobranza Sur" in never and "3306" in never
    assert dlg.progressPage.currentLabel.text() == "Stopped."
    assert dlg.isVisible()  # the summary stays until the supervisor closes it


@pytest.mark.parametrize("how", ["escape", "close_button"])
def test_closing_during_a_run_asks_and_keep_running_keeps_running(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], how: str
) -> None:
    gui_simulator.faults.latency = 0.2
    ids = ["3302", "3303", "3305"]
    dlg = bulk(Action.START, campaigns(gui_simulator, ids))
    with qtbot.waitSignal(dlg.itemStarted, timeout=WAIT_MS):
        click(qtbot, dlg.confirmPage.startButton)
    if how == "escape":
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    else:
        dlg.close()  # the title bar's ✕
    box = stop_question(qtbot, dlg)
    assert dlg.isVisible() and dlg.is_running()
    assert box.escapeButton() is box.defaultButton()  # Esc again, Enter: keep running
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS) as finished:
        answer(qtbot, box, "bulkKeepRunningButton")
    assert finished.args[0].all_ok
    assert calls(gui_simulator) == ids
    assert dlg.isVisible()
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # over: Esc closes, no question
    assert not dlg.isVisible()


def test_closing_during_a_run_and_stopping_lists_what_was_never_sent(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], handle: WorkerHandle
) -> None:
    gui_simulator.faults.latency = 0.2
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302", "3303", "3305"]))
    with qtbot.waitSignal(dlg.itemStarted, timeout=WAIT_MS):
        click(qtbot, dlg.confirmPage.startButton)
    dlg.close()
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS):
        answer(qtbot, stop_question(qtbot, dlg), "bulkStopRunButton")
    assert calls(gui_simulator) == ["3302"]
    counts = dlg.counts
    assert counts is not None and (counts["ok"], counts["not_run"]) == (1, 2)
    text = dlg.progressPage.summaryBox.countsLabel.text()
    assert "2 never sent" in text
    never = dlg.progressPage.summaryBox.neverSentLabel.text()
    assert "3303 · " in never and "3305 · " in never and "3302" not in never
    with Store(handle.config.store_path) as store:  # the others: in the history as not sent
        rows = [(r.campaign_id, r.outcome, r.reason) for r in store.history(action="start")]
    assert rows[-1] == ("3302", "ok", "ok")
    assert sorted(rows[:-1]) == [("3303", "invalid", "not_run"), ("3305", "invalid", "not_run")]


def test_the_window_closing_during_a_hung_call_aborts_it_at_once(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], handle: WorkerHandle
) -> None:
    gui_simulator.faults.hang = True
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302", "3303"]))
    click(qtbot, dlg.confirmPage.startButton)
    qtbot.waitUntil(lambda: gui_simulator.hung == 1, timeout=WAIT_MS)
    assert handle.calls_running() == 1  # the run's call is a job of the worker
    dlg.close_now()  # what the window does when it closes
    assert not dlg.isVisible()
    qtbot.waitUntil(lambda: handle.calls_running() == 0, timeout=WAIT_MS)
    assert calls(gui_simulator) == ["3302"]
    with Store(handle.config.store_path) as store:
        rows = store.history(action="start")
    # the call in flight may have happened; the next one was never sent, and says so
    assert [(r.campaign_id, r.outcome, r.reason) for r in rows][-1][:2] == ("3302", "unknown")
    assert [(r.campaign_id, r.reason) for r in rows][:-1] == [("3303", "not_run")]
    # the window's own calls are untouched by the run's abort
    done = Catcher(handle.worker.callFinished)
    gui_simulator.reset_faults()
    handle.run_action(ActionRequest(handle.next_id(), SERVER, Action.START,
                                    CampaignRef("3305", CampaignType.PREDICTIVE)))
    qtbot.waitUntil(lambda: len(done.values) == 1, timeout=WAIT_MS)
    assert done.values[0].result.ok


def test_the_window_closing_at_a_pause_records_what_was_never_sent(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], handle: WorkerHandle
) -> None:
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302", "3303", "3305"]))
    start_until_paused(qtbot, gui_simulator, dlg, "maintenance")
    dlg.close_now()  # what the window does when it closes: no question, no new job
    assert not dlg.is_running()
    with Store(handle.config.store_path) as store:
        rows = [(r.campaign_id, r.outcome, r.reason) for r in store.history(action="start")]
    assert rows[-1][:2] == ("3302", "refused")
    assert sorted(rows[:-1]) == [("3303", "invalid", "not_run"), ("3305", "invalid", "not_run")]
    assert calls(gui_simulator) == ["3302"]


def test_closing_while_the_service_is_still_opening_sends_nothing(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], handle: WorkerHandle
) -> None:
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302"]), ready=False)
    dlg.close_now()
    qtbot.waitUntil(lambda: handle.calls_running() == 0, timeout=WAIT_MS)
    assert gui_simulator.requests == []


# ---------------------------------------------------------------- budget and tokens


def fill_today(store: Store, uses: int) -> None:
    earlier = CallResult(Outcome.OK, Reason.OK, "Listed.", 200, 200, None, "Data found", 3)
    for _ in range(uses):
        store.finish_call(store.begin_call(SERVER, "campaigns"), earlier)


def answer_box(qtbot: QtBot, button_name: str, seen: list[str]) -> None:
    """Click ``button_name`` in the over-budget question as soon as it is shown."""

    def click_it() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click_it)
            return
        seen.append(box.text())
        qtbot.mouseClick(box.findChild(QPushButton, button_name), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click_it)


def test_a_run_past_todays_budget_needs_an_explicit_confirmation(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], handle: WorkerHandle
) -> None:
    with Store(handle.config.store_path) as store:
        store.upsert_operation(Operation(SERVER, licenses=1))
        fill_today(store, 998)
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302", "3303", "3305"]))
    assert f"998 of {n(1000)}" in dlg.confirmPage.budgetLabel.text()
    assert "would pass today's budget" in dlg.confirmPage.budgetLabel.text()

    seen: list[str] = []
    answer_box(qtbot, "overBudgetCancelButton", seen)
    assert dlg.confirm_and_start() is False
    assert seen and f"only 2 of today's {n(1000)}" in seen[0]
    assert calls(gui_simulator) == [] and dlg.pages.currentWidget() is dlg.confirmPage

    answer_box(qtbot, "overBudgetGoButton", seen)
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS) as finished:
        assert dlg.confirm_and_start() is True
    assert calls(gui_simulator) == ["3302", "3303", "3305"]  # confirmed: past the budget
    assert finished.args[0].all_ok


def test_the_confirmation_says_when_todays_use_is_not_known_exactly(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], make_handle: Any,
    tmp_path: Any,
) -> None:
    """The data file was rebuilt from a backup older than today's last calls: the count is
    a floor, and the page the supervisor confirms from says so."""
    import os

    from wolkvox_desktop.core.plans import Plan

    path = tmp_path / "worker.sqlite3"  # the make_handle fixture's store
    with Store(path) as store:
        store.upsert_operation(Operation(SERVER, "Norte", timeout_s=5.0))
        fill_today(store, 2)
        store.save_plan(Plan.create("Tarde", SERVER, "stop",
                                    [CampaignRef("3301", CampaignType.PREDICTIVE)]))
        fill_today(store, 1)  # after the backup
    with path.open("r+b") as fh:
        fh.write(os.urandom(path.stat().st_size))  # every page damaged
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302", "3303"]), make_handle())
    text = dlg.confirmPage.budgetLabel.text()
    assert f"Today 2 of {n(1000)}" in text  # what the backup recorded, never less
    assert "not exactly" in text and "rebuilt today" in text


def test_budget_states_and_the_reusable_confirmation(qtbot: QtBot) -> None:
    assert budget_state(Usage(0, 1000), 10) == "ok"
    assert budget_state(Usage(790, 1000), 10) == "warn"  # reaches 80 %
    assert budget_state(Usage(990, 1000), 10) == "warn"  # exactly 100 %: allowed
    assert budget_state(Usage(991, 1000), 10) == "over"
    assert confirm_over_budget(None, Usage(10, 1000), 1) is True  # within: no question
    seen: list[str] = []
    answer_box(qtbot, "overBudgetGoButton", seen)
    assert confirm_over_budget(None, Usage(1000, 1000), 1) is True
    answer_box(qtbot, "overBudgetCancelButton", seen)
    assert confirm_over_budget(None, Usage(1000, 1000), 1) is False
    assert len(seen) == 2


def test_no_token_says_so_and_sends_nothing(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], make_handle: Any
) -> None:
    no_token = make_handle(session_tokens={}, demo=True)
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302"]), no_token, ready=False)
    with qtbot.waitSignal(dlg.openFailed, timeout=WAIT_MS) as failed:
        pass
    assert failed.args[0].reason is Reason.NO_TOKEN
    assert "No token" in dlg.confirmPage.budgetLabel.text()
    assert not dlg.confirmPage.startButton.isEnabled()
    dlg.confirmPage.includeInStateCheck.setChecked(True)  # a refresh keeps saying why
    assert "No token" in dlg.confirmPage.budgetLabel.text()
    assert gui_simulator.requests == []


def test_check_with_wolkvox_shows_its_own_figure(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog]
) -> None:
    gui_simulator.set_token_use(DEMO_TOKEN, 41)
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302"]))
    page = dlg.confirmPage
    assert "1 token" in page.checkTokensButton.text()
    with qtbot.waitSignal(dlg.tokenInfoShown, timeout=WAIT_MS):
        click(qtbot, page.checkTokensButton)
        assert not page.startButton.isEnabled()  # never a run beside the check
    assert f"42 of {number(3000)}" in page.tokenInfoLabel.text()  # the window's digits
    assert calls(gui_simulator, "token_info") == [""]
    # our own count went up by the check, and the confirmation shows it
    qtbot.waitUntil(lambda: f"Today 1 of {n(1000)}" in page.budgetLabel.text(),
                    timeout=WAIT_MS)
    assert page.startButton.isEnabled()


def test_a_busy_wolkvox_is_said_in_the_progress_page_and_the_call_sent_again(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog]
) -> None:
    """Wolkvox's 'simultaneous requests' refusal: the run's own call is resent after a
    pause (core), and the progress page says why it is waiting."""
    dlg = bulk(Action.STOP, campaigns(gui_simulator, ["3301"]))
    gui_simulator.faults.busy = 1
    seen: list[str] = []
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS):
        click(qtbot, dlg.confirmPage.startButton)
        qtbot.waitUntil(
            lambda: seen.append(dlg.progressPage.currentLabel.text())
            or "trying again" in seen[-1], timeout=WAIT_MS,
        )
    assert calls(gui_simulator, "stop") == ["3301", "3301"]
    assert gui_simulator.campaign("3301").status == "Stopped"
