"""The Plans window in the real main window (demo mode: the in-process simulator, the worker
thread, the demo store): a plan made from the window's selection in its order, edited,
deleted, run now, exported and imported; a missed slot with its Run now."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.gui import test_tray
from tests.gui.test_bulk_wiring import select_rows
from tests.gui.test_scheduler import MovedClock, slot_at
from tests.gui.test_tray import Opened, plan, save_plans, starts
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.plans import WEEKDAYS, plans_to_json
from wolkvox_desktop.core.store import SavedPlan, Store
from wolkvox_desktop.gui.bulk import BulkDialog
from wolkvox_desktop.gui.bulk.close_question import QUESTION_NAME
from wolkvox_desktop.gui.demo import DEMO_SERVER
from wolkvox_desktop.gui.plans.editor import PlanEditor
from wolkvox_desktop.gui.plans.panel import DELETE_QUESTION, PlansPanel
from wolkvox_desktop.gui.plans.plan_list import LAST, NEXT, SCHEDULE
from wolkvox_desktop.gui.plans.when import schedule_text
from wolkvox_desktop.gui.window.main_window import MainWindow

WAIT_MS = 15_000

plans_window = test_tray.plans_window  # the fixture: the demo window with its plans' controls

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def stored(window: MainWindow) -> list[SavedPlan]:
    with Store(window.demo_session.store_path) as store:  # type: ignore[attr-defined]
        return store.plans()


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def listed(qtbot: QtBot, panel: PlansPanel, names: list[str]) -> None:
    def shown() -> list[str]:
        items = (panel.planTree.topLevelItem(i) for i in range(panel.planTree.topLevelItemCount()))
        return [i.text(0) for i in items if i is not None]

    qtbot.waitUntil(lambda: shown() == names, timeout=WAIT_MS)


def editor_of(qtbot: QtBot, panel: PlansPanel) -> PlanEditor:
    qtbot.waitUntil(lambda: panel.editor is not None and panel.editor.isVisible(),
                    timeout=WAIT_MS)
    assert panel.editor is not None
    return panel.editor


def save(qtbot: QtBot, panel: PlansPanel, editor: PlanEditor) -> None:
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        click(qtbot, editor.saveButton)
    qtbot.waitUntil(lambda: panel.editor is None, timeout=WAIT_MS)


# ------------------------------------------------------------------ new, edit, delete


def test_a_plan_is_made_from_the_selection_in_its_order_then_edited_and_deleted(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    window, controls = plans_window()
    select_rows(window, ["3308", "3303", "3306"])
    panel = controls.open_panel()
    assert panel.isVisible() and window.findChild(QPushButton, "plansButton") is not None
    click(qtbot, panel.newButton)
    editor = editor_of(qtbot, panel)
    assert editor.windowTitle() == "New plan"
    assert [c.ref.id for c in editor.campaigns()] == ["3308", "3303", "3306"]
    assert editor.operationCombo.currentData() == DEMO_SERVER
    assert editor.campaignList.item(0).text() == "3308 · Bienvenida Clientes Nuevos · Preview"
    editor.nameEdit.setText("Mañana")
    editor.scheduleCheck.setChecked(True)
    editor.atEdit.setText("7:00")
    editor.daysCombo.setCurrentIndex(editor.daysCombo.findData("weekdays"))
    save(qtbot, panel, editor)
    (saved,) = stored(window)
    assert [c.id for c in saved.plan.campaigns] == ["3308", "3303", "3306"]  # order kept
    assert (saved.plan.server, saved.plan.action) == (DEMO_SERVER, Action.START)
    assert saved.plan.schedule is not None and saved.plan.schedule.days == WEEKDAYS
    listed(qtbot, panel, ["Mañana"])
    row = panel.planTree.topLevelItem(0)
    assert row is not None and row.text(SCHEDULE) == schedule_text(saved.plan.schedule)
    assert row.text(NEXT) != ""  # its next weekday 07:00
    assert "Plan “Mañana” saved." in panel.statusLabel.text()
    qtbot.waitUntil(lambda: controls.tray.menu.plan_names() == ["Mañana"], timeout=WAIT_MS)

    panel.select("Mañana")
    click(qtbot, panel.editButton)
    editor = editor_of(qtbot, panel)
    assert editor.windowTitle() == "Edit plan" and editor.nameEdit.text() == "Mañana"
    assert editor.atEdit.text() == "07:00" and editor.scheduleCheck.isChecked()
    editor.nameEdit.setText("Mañana temprano")
    editor.campaignList.setCurrentRow(2)
    click(qtbot, editor.upButton)  # 3306 before 3303
    editor.campaignList.setCurrentRow(0)
    click(qtbot, editor.removeButton)  # 3308 out
    editor.actionCombo.setCurrentIndex(editor.actionCombo.findData("stop"))
    editor.scheduleCheck.setChecked(False)
    save(qtbot, panel, editor)
    (saved,) = stored(window)
    assert saved.name == "Mañana temprano" and saved.plan.schedule is None
    assert [c.id for c in saved.plan.campaigns] == ["3306", "3303"]
    assert saved.plan.action is Action.STOP
    listed(qtbot, panel, ["Mañana temprano"])

    panel.select("Mañana temprano")
    box = panel.ask_delete()
    assert isinstance(box, QMessageBox) and box.objectName() == DELETE_QUESTION
    assert box.text() == "Delete plan “Mañana temprano”?"
    click(qtbot, box.findChild(QPushButton, "deletePlanButton"))
    listed(qtbot, panel, [])
    assert stored(window) == []
    qtbot.waitUntil(lambda: controls.tray.menu.plan_names() == [], timeout=WAIT_MS)


def test_run_now_from_the_plans_window_goes_through_the_bulk_confirmation(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    window, controls = plans_window()
    save_plans(qtbot, window, plan("Cierre", at=None, ids=("3306", "3304")))  # 3304: started
    panel = controls.open_panel()
    listed(qtbot, panel, ["Cierre"])
    panel.select("Cierre")
    click(qtbot, panel.runNowButton)
    qtbot.waitUntil(lambda: isinstance(controls.runNow.dialog, BulkDialog), timeout=WAIT_MS)
    dialog = controls.runNow.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.confirmPage.startButton.isEnabled(), timeout=WAIT_MS)
    assert "one after the other?" in dialog.confirmPage.titleLabel.text()
    assert "Cost: 2 token" in dialog.confirmPage.budgetLabel.text()  # the cost, as for bulk
    with qtbot.waitSignal(controls.runNow.ended, timeout=WAIT_MS):
        click(qtbot, dialog.confirmPage.startButton)
    assert starts(window) == ["3306", "3304"]  # every campaign: a plan is what was asked

    def last_run() -> str:
        row = panel.planTree.topLevelItem(0)
        return row.toolTip(LAST) if row is not None and row.text(LAST) else ""

    qtbot.waitUntil(lambda: last_run() == "Done", timeout=WAIT_MS)  # its last run, outcome


# ------------------------------------------------------------------ missed


def test_a_missed_slot_is_shown_with_run_now_and_running_it_settles_it(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    moment = slot_at(time(7, 0))
    window, controls = plans_window(clock=MovedClock(moment + timedelta(minutes=20)))
    panel = controls.open_panel()
    save_plans(qtbot, window, plan(ids=("3303",)))
    controls.scheduler.check_now()
    qtbot.waitUntil(lambda: panel.missed_names() == ["Mañana"], timeout=WAIT_MS)
    assert panel.missedBox.isVisible()
    assert window.resultLabel.accessibleDescription().startswith(
        "Not sent: Plan “Mañana” was missed: It was due Today 7:00")
    assert starts(window) == []  # never run late
    (button,) = [b for b in panel.missedBox.findChildren(QPushButton) if b.isVisible()]
    assert button.text() == "Run now…" and button.property("plan") == "Mañana"
    click(qtbot, button)
    qtbot.waitUntil(lambda: isinstance(controls.runNow.dialog, BulkDialog), timeout=WAIT_MS)
    dialog = controls.runNow.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.confirmPage.startButton.isEnabled(), timeout=WAIT_MS)
    click(qtbot, dialog.confirmPage.startButton)
    qtbot.waitUntil(lambda: panel.missed_names() == [], timeout=WAIT_MS)
    assert not panel.missedBox.isVisible() and starts(window) == ["3303"]


# ------------------------------------------------------------------ the file


def test_export_and_import_round_trip_through_the_plans_window(
    qtbot: QtBot, plans_window: Callable[..., Opened], tmp_path: Path
) -> None:
    window, controls = plans_window()
    save_plans(qtbot, window, plan("Mañana"), plan("Cierre & cobro", at=None, ids=("3306",)))
    panel = controls.open_panel()
    listed(qtbot, panel, ["Cierre & cobro", "Mañana"])
    before = [s.plan for s in stored(window)]
    path = tmp_path / "plans.json"
    with qtbot.waitSignal(panel.exported, timeout=WAIT_MS):
        panel.export_to(path)
    assert path.read_text(encoding="utf-8") == plans_to_json(before)
    status = panel.statusLabel.text()
    assert status.startswith("2 plan") and status.endswith(f" exported to {path}.")
    for name in ("Mañana", "Cierre & cobro"):
        panel.delete(name)
    listed(qtbot, panel, [])
    with qtbot.waitSignal(panel.imported, timeout=WAIT_MS) as imported:
        panel.import_from(path)
    assert imported.args == [2]
    assert [s.plan for s in stored(window)] == before
    listed(qtbot, panel, ["Cierre & cobro", "Mañana"])
    assert panel.statusLabel.text().endswith("(2 new, 0 replaced).")
    with qtbot.waitSignal(panel.imported, timeout=WAIT_MS):
        panel.import_from(path)  # the same file again: replaced in place, never twice
    assert panel.statusLabel.text().endswith("(0 new, 2 replaced).")

    document = json.loads(path.read_text(encoding="utf-8"))
    document["plans"][1]["at"] = "25:00"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    with qtbot.waitSignal(panel.fileFailed, timeout=WAIT_MS) as failed:
        panel.import_from(bad)
    assert failed.args[0] == ("Nothing was imported: Plan 2 of the file: its time must be "
                              "HH:MM on a 24-hour clock.")
    assert "Plan 2 ('Mañana') of the plans file" in panel.statusLabel.toolTip()  # the details
    assert [s.plan for s in stored(window)] == before  # all or nothing
    with qtbot.waitSignal(panel.fileFailed, timeout=WAIT_MS) as failed:
        panel.export_to(tmp_path / "no-such-folder" / "plans.json")
    assert failed.args[0].startswith("The plans could not be written to ")
    assert panel.statusLabel.toolTip()  # the system's reason, for a ticket


def test_the_plans_window_shows_the_schedules_paused(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    window, controls = plans_window()
    save_plans(qtbot, window, plan("Mañana"), plan("Sin hora", at=None))
    panel = controls.open_panel()
    listed(qtbot, panel, ["Mañana", "Sin hora"])
    click(qtbot, panel.pauseCheck)
    assert controls.scheduler.paused and controls.tray.menu.pauseAction.isChecked()

    def nexts() -> list[str]:
        items = (panel.planTree.topLevelItem(i) for i in range(2))
        return [i.text(NEXT) for i in items if i is not None]

    qtbot.waitUntil(lambda: nexts() == ["Paused", ""], timeout=WAIT_MS)
    assert not panel.keepInTrayCheck.isVisible()  # no tray here: not offered


def test_closing_the_window_during_a_run_now_asks_first_and_closes_once_it_stopped(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    window, controls = plans_window()
    save_plans(qtbot, window, plan("Cierre", at=None, ids=("3303", "3306", "3308")))
    controls.run_plan("Cierre")
    qtbot.waitUntil(lambda: isinstance(controls.runNow.dialog, BulkDialog), timeout=WAIT_MS)
    dialog = controls.runNow.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.confirmPage.startButton.isEnabled(), timeout=WAIT_MS)
    sim = window.demo_session.simulator  # type: ignore[attr-defined]
    sim.faults.latency = 0.2
    with qtbot.waitSignal(dialog.itemStarted, timeout=WAIT_MS):
        click(qtbot, dialog.confirmPage.startButton)
    window.close()
    assert window.handle.thread.isRunning()  # asked first: nothing closed yet
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, QUESTION_NAME) is not None)
    box = dialog.findChild(QMessageBox, QUESTION_NAME)
    assert isinstance(box, QMessageBox)
    click(qtbot, box.findChild(QPushButton, "bulkStopRunButton"))  # Stop after this call
    qtbot.waitUntil(lambda: not window.handle.thread.isRunning(), timeout=WAIT_MS)
    assert [r.query.get("campaign_id") for r in sim.requests if r.api == "start"] == ["3303"]
    with Store(window.demo_session.store_path) as store:  # type: ignore[attr-defined]
        rows = store.history(plan="Cierre")
    assert [(r.campaign_id, r.reason) for r in reversed(rows)] == [
        ("3303", "ok"), ("3306", "not_run"), ("3308", "not_run")]


def test_an_empty_plans_window_says_what_a_plan_is_and_how_to_make_one(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    window, controls = plans_window()
    panel = controls.open_panel()
    qtbot.waitUntil(lambda: panel.emptyHint.isVisible(), timeout=WAIT_MS)
    hint = panel.emptyHint.text()
    assert hint.startswith("No plans yet.")
    assert "“New from selection…”" in hint and "“Import…”" in hint  # the buttons it names
    assert panel.newButton.text() == "New from selection…" and panel.importButton.text() == (
        "Import…")
    save_plans(qtbot, window, plan("Mañana"))
    panel.refresh()
    listed(qtbot, panel, ["Mañana"])
    assert not panel.emptyHint.isVisible()
