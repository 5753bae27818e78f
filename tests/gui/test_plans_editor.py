"""The plan form: each problem the core finds (a PlanError) is shown under its field, in the
window's language, with the focus there; the store's own refusal (a name another plan has)
too. The real window (demo mode), its worker and its store."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.gui import test_plans_notices, test_tray
from tests.gui.test_bulk_wiring import select_rows
from tests.gui.test_tray import Opened, plan, save_plans
from wolkvox_desktop.core.plans import PlanField
from wolkvox_desktop.gui.plans.editor import PlanEditor

WAIT_MS = 15_000

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

plans_window = test_tray.plans_window  # the fixture: the demo window with its plans' controls
language = test_plans_notices.language  # the fixture: the window's language


def new_editor(qtbot: QtBot, opened: Opened, ids: list[str]) -> PlanEditor:
    window, controls = opened
    select_rows(window, ids)
    editor = controls.open_panel().new_from_selection()
    qtbot.waitUntil(editor.isVisible, timeout=WAIT_MS)
    return editor


def refused_at(qtbot: QtBot, editor: PlanEditor, field: PlanField, widget: QWidget) -> str:
    """Save; the sentence shown under ``field`` (the only one shown), the focus on ``widget``."""
    qtbot.mouseClick(editor.saveButton, Qt.MouseButton.LeftButton)
    label = editor.errors[field]
    qtbot.waitUntil(label.isVisible, timeout=WAIT_MS)
    shown = [k for k, v in editor.errors.items() if v.isVisible()]
    assert shown == [field]
    assert editor.findChild(QLabel, f"plan{field.value.capitalize()}Error") is label
    assert editor.focusWidget() is widget
    assert editor.isVisible()  # nothing saved: the form stays
    return label.text()


def test_each_problem_is_shown_at_its_field_and_the_form_stays(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    opened = plans_window()
    editor = new_editor(qtbot, opened, [])
    assert refused_at(qtbot, editor, PlanField.NAME, editor.nameEdit) == "Give the plan a name."
    editor.nameEdit.setText("x" * 61)
    assert refused_at(qtbot, editor, PlanField.NAME, editor.nameEdit).startswith(
        "A plan's name is at most 60 character")
    editor.nameEdit.setText("Mañana")
    assert refused_at(qtbot, editor, PlanField.CAMPAIGNS, editor.campaignList).startswith(
        "Add at least one campaign: select them in the main window's list")
    select_rows(opened[0], ["3306", "3302"])
    qtbot.mouseClick(editor.addSelectedButton, Qt.MouseButton.LeftButton)
    assert [c.ref.id for c in editor.campaigns()] == ["3306", "3302"]
    editor.scheduleCheck.setChecked(True)
    editor.atEdit.setText("25:00")
    assert refused_at(qtbot, editor, PlanField.AT, editor.atEdit) == (
        "Give the time as HH:MM on a 24-hour clock, such as 07:00 or 19:30.")
    editor.atEdit.setText("19:30")
    editor.daysCombo.setCurrentIndex(editor.daysCombo.findData("days"))
    assert all(check.isVisibleTo(editor) for check in editor.dayChecks)
    assert refused_at(qtbot, editor, PlanField.DAYS, editor.daysCombo) == (
        "Choose at least one day.")
    editor.dayChecks[4].setChecked(True)
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(editor.saveButton, Qt.MouseButton.LeftButton)
    assert saved.args == ["Mañana"]


def test_a_name_another_plan_has_is_refused_by_the_store_at_the_name(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    opened = plans_window()
    save_plans(qtbot, opened[0], plan("MAÑANA"))
    editor = new_editor(qtbot, opened, ["3303"])
    editor.nameEdit.setText("mañana")
    assert refused_at(qtbot, editor, PlanField.NAME, editor.nameEdit) == (
        "Another plan is named “mañana” (in any case): choose another name.")


def test_problems_are_told_in_spanish(
    qtbot: QtBot, plans_window: Callable[..., Opened], language: object
) -> None:
    opened = plans_window()  # (the window installs its saved language: English)
    language("es")  # type: ignore[operator]
    editor = new_editor(qtbot, opened, ["3303"])
    assert editor.windowTitle() == "Nuevo plan"
    assert refused_at(qtbot, editor, PlanField.NAME, editor.nameEdit) == (
        "Póngale un nombre al plan.")
    editor.nameEdit.setText("Mañana")
    editor.scheduleCheck.setChecked(True)
    editor.atEdit.setText("7h")
    assert refused_at(qtbot, editor, PlanField.AT, editor.atEdit) == (
        "Escriba la hora como HH:MM en formato de 24 horas, por ejemplo 07:00 o 19:30.")
