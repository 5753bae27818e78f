"""A plan's *Run now* in the real demo window is recorded when it begins (it claims the
plan's due slot, so the window's own scheduler skips it; it is refused while another
process runs the plan), and a run cut short shows in the Plans list as "Interrupted at
7:00 AM — 2 of 3 sent", in English and in Spanish. The other process is a second store on
the window's data file, as the ``wolkvox`` command would be."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.gui import test_tray
from tests.gui.test_plans_panel import click, listed
from tests.gui.test_scheduler import ZONE, MovedClock, slot_at
from tests.gui.test_settings_spanish import speaking
from tests.gui.test_tray import Opened, plan, save_plans, starts
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.store import SlotState, Store
from wolkvox_desktop.core.store.records import PlanRunState
from wolkvox_desktop.gui.bulk import BulkDialog
from wolkvox_desktop.gui.demo import DEMO_SERVER
from wolkvox_desktop.gui.plans.panel import PlansPanel
from wolkvox_desktop.gui.plans.plan_list import LAST
from wolkvox_desktop.gui.plans.when import clock_text
from wolkvox_desktop.gui.window.main_window import MainWindow

WAIT_MS = 15_000

plans_window = test_tray.plans_window  # the fixture: the demo window with its plans' controls

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def data_file(window: MainWindow) -> Store:
    return Store(window.demo_session.store_path)  # type: ignore[attr-defined]


def open_run_now(qtbot: QtBot, controls: test_tray.PlansControls, name: str) -> BulkDialog:
    controls.run_plan(name)
    qtbot.waitUntil(lambda: isinstance(controls.runNow.dialog, BulkDialog), timeout=WAIT_MS)
    dialog = controls.runNow.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.confirmPage.startButton.isEnabled(), timeout=WAIT_MS)
    return dialog


def last_run_text(panel: PlansPanel) -> str:
    row = panel.planTree.topLevelItem(0)
    return row.text(LAST) if row is not None else ""


def test_run_now_claims_the_due_slot_and_the_windows_scheduler_skips_it(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    moment = slot_at(time(7, 0))
    window, controls = plans_window(clock=MovedClock(moment + timedelta(minutes=2)))
    controls.scheduler.set_paused(True)  # so that Run now comes first
    save_plans(qtbot, window, plan(ids=("3303", "3306")))
    dialog = open_run_now(qtbot, controls, "Mañana")
    sim = window.demo_session.simulator  # type: ignore[attr-defined]
    sim.faults.hang = True  # Run now's first call waits at the server
    click(qtbot, dialog.confirmPage.startButton)
    qtbot.waitUntil(lambda: sim.hung == 1, timeout=WAIT_MS)
    with data_file(window) as store:  # claimed when it began, before any answer
        (slot,) = store.plan_slots("Mañana")
        assert slot.state is SlotState.RUNNING and slot.due_at == moment
    with qtbot.waitSignal(controls.scheduler.looked, timeout=WAIT_MS) as looked:
        controls.scheduler.set_paused(False)  # looks at once, while Run now is in flight
    assert looked.args[0].due == 0
    qtbot.waitUntil(lambda: not controls.scheduler.running, timeout=WAIT_MS)
    with qtbot.waitSignal(controls.runNow.ended, timeout=WAIT_MS):
        sim.reset_faults()
    assert starts(window) == ["3303", "3306"]  # once
    with data_file(window) as store:
        (slot,) = store.plan_slots("Mañana")
        (run,) = store.plan_runs("Mañana")
    assert slot.state is SlotState.DONE
    assert (run.slot, run.state, run.sent, run.total) == (slot.slot, PlanRunState.DONE, 2, 2)


def test_run_now_is_refused_while_another_process_runs_the_plan(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    window, controls = plans_window()
    save_plans(qtbot, window, plan("Cierre", at=None, ids=("3303", "3306")))
    other = data_file(window)  # the wolkvox command, mid-run
    try:
        saved = other.plan("Cierre")
        assert saved is not None
        assert other.begin_plan_run(saved, started_at=datetime.now().astimezone()).begun
        dialog = open_run_now(qtbot, controls, "Cierre")
        with qtbot.waitSignal(dialog.runRefused, timeout=WAIT_MS) as refused:
            click(qtbot, dialog.confirmPage.startButton)
        assert dialog.pages.currentWidget() is dialog.confirmPage
        assert dialog.confirmPage.budgetLabel.text().startswith(
            "Plan “Cierre” is already running")
        assert not dialog.confirmPage.startButton.isEnabled()
        assert refused.args[0].outcome is Outcome.INVALID
        assert starts(window) == []  # nothing sent
    finally:
        other.close()
    dialog.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_run_cut_short_reads_interrupted_with_what_was_sent(
    qtbot: QtBot, plans_window: Callable[..., Opened], language: str, qapp: object
) -> None:
    window, controls = plans_window()
    with speaking(qapp, language):  # after the window's start-up, which sets its own
        read_in(qtbot, window, controls, language)


def read_in(qtbot: QtBot, window: MainWindow, controls: test_tray.PlansControls,
            language: str) -> None:
    save_plans(qtbot, window, plan("Cierre", at=None, ids=("3303", "3306", "3308")))
    started = datetime.now().astimezone()
    gone = data_file(window)  # a process that dies after two calls
    saved = gone.plan("Cierre")
    assert saved is not None and gone.begin_plan_run(saved, started_at=started).begun
    for campaign in ("3303", "3306"):
        row = gone.begin_call(DEMO_SERVER, "start", campaign, "preview", plan="Cierre")
        gone.finish_call(row, CallResult(Outcome.OK, Reason.OK, "Started."))
    gone.close()  # its owner's lock goes, as with kill -9
    panel = controls.open_panel()
    listed(qtbot, panel, ["Cierre"])
    at = clock_text(ZONE.wall(started).time())
    expected = {"en": f"Interrupted at {at} — 2 of 3 sent",
                "es": f"Interrumpida a las {at} — 2 de 3 enviadas"}[language]
    qtbot.waitUntil(lambda: last_run_text(panel) == expected, timeout=WAIT_MS)
    row = panel.planTree.topLevelItem(0)
    assert row is not None
    assert ("not sent" if language == "en" else "no enviadas") in row.toolTip(LAST)
    with data_file(window) as store:
        (never,) = [r for r in store.history(plan="Cierre") if r.reason == "not_run"]
    assert never.campaign_id == "3308"
    assert [b for b in panel.findChildren(QPushButton) if b.isVisible()]  # still usable
