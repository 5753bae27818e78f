"""The window from the keyboard (issue 10, point 5): Tab leaves the list, Down and Enter
go from the filter into the list, every visible campaign starts in six keys, and while a
call is in flight every action button is disabled, the bulk ones too."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from tests.gui.conftest import Catcher, puts, wait_idle
from wolkvox_desktop.gui.bulk import BulkDialog, install_bulk_and_history
from wolkvox_desktop.gui.window.main_window import MainWindow

WAIT_MS = 15_000
CTRL = Qt.KeyboardModifier.ControlModifier

# the offscreen platform's notices when a dialog is shown or raised; not about this code
pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
              pytest.mark.qt_log_ignore("This plugin does not support raise")]  # fmt: skip


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def focus(qtbot: Any, w: QWidget) -> None:
    w.window().activateWindow()
    w.setFocus()
    qtbot.waitUntil(lambda: focused() is w)


def test_tab_leaves_the_campaign_list(qtbot: Any, demo_window: MainWindow) -> None:
    w = demo_window
    w.select_campaign("3302")
    focus(qtbot, w.campaignTable)
    qtbot.keyClick(w.campaignTable, Qt.Key.Key_Tab)
    assert focused() is w.campaignIdEdit  # not the next cell of the table
    qtbot.keyClick(w.campaignIdEdit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is w.campaignTable
    assert w.selected_campaign_ids() == ["3302"]  # Tab moved the focus, not the selection


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_down_or_enter_in_the_filter_go_into_the_list(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any, key: Qt.Key
) -> None:
    w = demo_window
    w.select_campaign("3308")
    focus(qtbot, w.campaignFilter)
    qtbot.keyClicks(w.campaignFilter, "cobranza")  # 3301 and 3302
    qtbot.keyClick(w.campaignFilter, key)
    assert focused() is w.campaignTable
    assert w.selected_campaign_ids() == ["3301"]  # the first row shown
    assert w.campaignIdEdit.text() == "3301"
    assert puts(demo_sim) == []  # into the list only: nothing started
    qtbot.keyClick(w.campaignTable, Qt.Key.Key_Down)
    qtbot.keyClick(w.campaignTable, Qt.Key.Key_Return)  # now Enter on the list starts
    wait_idle(qtbot, w)
    assert [r.query["campaign_id"] for r in puts(demo_sim)] == ["3302"]


def test_every_visible_campaign_starts_in_six_keys(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    controls = install_bulk_and_history(w)
    focus(qtbot, w.statusPanel)  # the window has the focus, somewhere
    steps: list[str] = []

    def key(widget: QWidget | None, k: Qt.Key, mods: Any = Qt.KeyboardModifier.NoModifier,
            name: str = "") -> None:
        assert widget is not None
        qtbot.keyClick(widget, k, mods)
        steps.append(name or k.name)

    key(focused(), Qt.Key.Key_F, CTRL, "Ctrl+F")
    assert focused() is w.campaignFilter
    qtbot.keyClicks(w.campaignFilter, "preview")  # typing the filter: one step
    steps.append("type")
    key(focused(), Qt.Key.Key_Down, name="Down")
    key(focused(), Qt.Key.Key_A, CTRL, "Ctrl+A")
    assert sorted(w.selected_campaign_ids()) == ["3303", "3304", "3306", "3308"]
    key(focused(), Qt.Key.Key_Return, CTRL, "Ctrl+Return")
    dialog = controls.bulk_dialog
    assert isinstance(dialog, BulkDialog) and dialog.isVisible()
    assert puts(demo_sim) == []  # it asks first
    qtbot.waitUntil(lambda: dialog.confirmPage.startButton.isEnabled(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is dialog)
    with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS):
        key(focused(), Qt.Key.Key_Return, name="Enter")  # the confirmation's default: Start
    assert len(steps) <= 6, steps
    # 3304 is started already: the run leaves it (the confirmation said so)
    assert [r.query["campaign_id"] for r in puts(demo_sim)] == ["3303", "3306", "3308"]
    dialog.close()


def test_every_action_button_is_disabled_during_a_call(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    install_bulk_and_history(w)
    bulk = [w.findChild(QPushButton, n) for n in ("startSelectedButton", "stopSelectedButton")]
    assert all(b is not None for b in bulk)
    busy = Catcher(w.busyChanged)
    w.select_campaign("3302")
    assert all(b.isEnabled() for b in bulk)
    demo_sim.faults.hang = True
    w.startButton.click()
    qtbot.waitUntil(lambda: demo_sim.hung == 1, timeout=WAIT_MS)
    actions = [w.startButton, w.stopButton, w.refreshButton, w.checkNowButton, *bulk]
    assert [b.objectName() for b in actions if b.isEnabled()] == []
    # a new selection meanwhile: the bulk buttons' own update must not enable them
    selection = w.campaignTable.selectionModel()
    selection.select(w.campaignTable.view_index("3305"),
                     QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
    assert len(w.selected_campaign_ids()) == 2
    assert [b.objectName() for b in actions if b.isEnabled()] == []
    w.start_selected()  # Ctrl+Return meanwhile: nothing opens, nothing is sent
    assert w.findChild(BulkDialog) is None
    demo_sim.faults.hang = False
    demo_sim.release()
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: all(b.isEnabled() for b in bulk), timeout=WAIT_MS)
    assert w.startButton.isEnabled() and w.refreshButton.isEnabled()
    assert busy.values == [True, False]
    assert len(puts(demo_sim)) == 1
