"""The bulk run never overstates (issue 19): progress counts the calls sent out of the calls
to send, a run with nothing to send says so, a refusal every campaign would meet offers no
Skip, the close question counts what is not sent *now*, and an HTML page is summarised in
the run's table. In English and Spanish where words change.

Real parts: the window's worker, a real store file, the simulator on loopback."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui import test_bulk_dialog
from tests.gui.spoken import spoken, words
from tests.gui.test_bulk_dialog import (
    WAIT_MS,
    answer,
    calls,
    campaigns,
    click,
    stop_question,
)
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.gui.bulk import BulkDialog
from wolkvox_desktop.simulator.server import Simulator

# the fixtures: the window's worker on the simulator, and the dialog on it
make_handle, handle, bulk = (test_bulk_dialog.make_handle, test_bulk_dialog.handle,
                             test_bulk_dialog.bulk)
__all__ = ["bulk", "handle", "make_handle", "spoken"]


def test_a_stopped_run_counts_the_calls_sent_not_the_campaigns_passed(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], spoken: str
) -> None:
    """3301 is already started (apart); of the four to send, the run is stopped during the
    third call: "3 of 4 sent — stopped", the bar not full, the summary agrees."""
    gui_simulator.faults.latency = 0.3
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302", "3301", "3303", "3305",
                                                       "3306"]))
    page = dlg.progressPage
    third: list[int] = []
    dlg.itemStarted.connect(lambda index, _cid: third.append(index) if index == 3 else None)
    click(qtbot, dlg.confirmPage.startButton)
    qtbot.waitUntil(lambda: bool(third), timeout=WAIT_MS)
    assert page.progressLabel.text().startswith(words(spoken, "2 of 4 campaigns sent",
                                                      "Enviadas: 2 de 4 campañas"))
    assert page.progressBar.value() == 2 and page.progressBar.maximum() == 4
    dlg.reject()  # Esc: asks; "Stop after this call": the call in flight finishes
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS):
        answer(qtbot, stop_question(qtbot, dlg), "bulkStopRunButton")
    assert calls(gui_simulator) == ["3302", "3303", "3305"]
    assert page.progressLabel.text() == words(
        spoken,
        "3 of 4 campaigns sent — stopped · 1 already started: not called",
        "Enviadas: 3 de 4 campañas — ejecución detenida · 1 ya iniciada: no se llamó")
    assert page.progressBar.value() == 3 < page.progressBar.maximum() == 4  # never full
    summary = page.summaryBox.countsLabel.text()
    assert words(spoken, "✓ 3 started", "✓ 3 iniciadas") in summary
    assert words(spoken, "1 never sent", "1 nunca enviada") in summary


def test_while_it_runs_a_campaign_skipped_as_already_started_is_not_counted_as_sent(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog]
) -> None:
    gui_simulator.faults.latency = 0.2
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3301", "3302", "3303"]))
    page = dlg.progressPage
    seen: list[tuple[int, str]] = []
    dlg.itemFinished.connect(
        lambda _i, _r: seen.append((page.progressBar.value(), page.progressLabel.text())))
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS):
        click(qtbot, dlg.confirmPage.startButton)
    assert [value for value, _text in seen] == [1, 2]  # 3301 (already started) never counts
    assert all(text.startswith(f"{value} of 2 campaign") for value, text in seen)
    assert page.progressBar.value() == page.progressBar.maximum() == 2  # all sent: full


def test_nothing_to_send_is_said_so_never_start_0_campaigns(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], spoken: str
) -> None:
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3301", "3304"]), ready=False)
    page = dlg.confirmPage  # both already started
    qtbot.waitUntil(lambda: page.usage is not None and page.can_start, timeout=WAIT_MS)
    assert page.titleLabel.text() == words(
        spoken, "Nothing to do: the 2 campaigns selected are already started.",
        "No hay nada que hacer: las 2 campañas seleccionadas ya están iniciadas.")
    assert page.startButton.isHidden() and "0" not in page.startButton.text()
    assert page.dismissButton.text() == words(spoken, "Close", "Cerrar")
    assert page.checkTokensButton.isHidden()
    assert words(spoken, "no token is used", "ningún token") in page.budgetLabel.text()
    page.includeInStateCheck.setChecked(True)  # send them anyway: an ordinary question
    assert not page.startButton.isHidden() and page.startButton.isEnabled()
    assert page.startButton.text() == words(spoken, "Start 2 campaigns", "Iniciar 2 campañas")
    assert page.dismissButton.text() == words(spoken, "Cancel", "Cancelar")


def test_a_refusal_every_campaign_would_meet_offers_no_skip(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], spoken: str
) -> None:
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302", "3303"]))
    gui_simulator.set_token_use(test_bulk_dialog.DEMO_TOKEN, 3000)  # TOKEN LIMIT EXCEEDED
    with qtbot.waitSignal(dlg.runPaused, timeout=WAIT_MS):
        click(qtbot, dlg.confirmPage.startButton)
    box = dlg.progressPage.pauseBox
    assert box.skipButton.isHidden()  # the next one meets the same refusal
    assert not box.abortButton.isHidden() and box.abortButton.hasFocus()
    assert words(spoken, "nothing to skip to", "omitir esta no sirve") in box.label.text()
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS):
        click(qtbot, box.abortButton)
    assert calls(gui_simulator) == ["3302"]


def test_the_close_question_counts_what_is_not_sent_now(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog]
) -> None:
    gui_simulator.faults.latency = 0.25
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302", "3303", "3305", "3306"]))
    click(qtbot, dlg.confirmPage.startButton)
    qtbot.waitUntil(lambda: calls(gui_simulator) != [], timeout=WAIT_MS)
    dlg.reject()
    box = stop_question(qtbot, dlg)
    first = box.text()
    assert first.startswith("3 campaign")
    qtbot.waitUntil(lambda: box.text().startswith("1 campaign"), timeout=WAIT_MS)
    answer(qtbot, box, "bulkKeepRunningButton")  # the run goes on, then ends
    qtbot.waitUntil(lambda: not dlg.is_running(), timeout=WAIT_MS)
    assert calls(gui_simulator) == ["3302", "3303", "3305", "3306"]


def test_an_html_page_is_summarised_in_the_run_table(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog]
) -> None:
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302"]))
    test_bulk_dialog.start_until_paused(qtbot, gui_simulator, dlg, "html_502")
    table = dlg.progressPage.resultsTable
    detail = table.item(0, table.COL_DETAIL).text()
    assert "HTTP 502 Bad Gateway — an HTML page, not Wolkvox's answer" in detail
    assert "<html" not in detail.lower() and "<center>" not in detail
    click(qtbot, dlg.progressPage.pauseBox.abortButton)
    qtbot.waitUntil(lambda: not dlg.is_running(), timeout=WAIT_MS)


def test_check_now_at_a_pause_says_whether_the_call_happened(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog], spoken: str
) -> None:
    """The bulk side of the one rule: an unknown outcome offers Check now (one list call);
    once it has told, Send again sends without asking again."""
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302", "3303"]))
    gui_simulator.faults.act_first = True  # 3302 starts, but the answer is a 502 page
    test_bulk_dialog.start_until_paused(qtbot, gui_simulator, dlg, "html_502")
    box = dlg.progressPage.pauseBox
    assert not box.checkButton.isHidden() and box.checkButton.hasFocus()
    assert box.retryButton.text() == words(spoken, "Send again…", "Enviar de nuevo…")
    lists = len(calls(gui_simulator, "campaigns"))
    with qtbot.waitSignal(dlg.listChecked, timeout=WAIT_MS):
        click(qtbot, box.checkButton)
    assert len(calls(gui_simulator, "campaigns")) == lists + 1
    assert box.checkLabel.text() == words(
        spoken, "Wolkvox lists campaign 3302 as started: the call did happen. Skip it and go on.",
        "Wolkvox muestra la campaña 3302 como iniciada: la llamada sí se realizó. Omítala y "
        "siga.")
    assert box.skipButton.hasFocus()
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS):
        click(qtbot, box.skipButton)
    assert calls(gui_simulator) == ["3302", "3303"]
    assert dlg.findChild(QMessageBox, "resendQuestion") is None


def test_send_again_after_a_check_that_found_it_not_done_asks_no_more(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog]
) -> None:
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302"]))
    test_bulk_dialog.start_until_paused(qtbot, gui_simulator, dlg, "html_502")  # not done
    box = dlg.progressPage.pauseBox
    with qtbot.waitSignal(dlg.listChecked, timeout=WAIT_MS):
        click(qtbot, box.checkButton)
    assert "the start did not happen" in box.checkLabel.text()
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS):
        click(qtbot, box.retryButton)  # told: sent at once, no question
    assert calls(gui_simulator) == ["3302", "3302"]
    assert gui_simulator.campaign("3302").started
