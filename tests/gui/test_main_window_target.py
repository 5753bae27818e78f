"""One named target (issue 10, point 1): the single Start and Stop say what they act on,
never act on a campaign the filter hides, follow the ID field, and a stop of a started
campaign asks once (unless the supervisor said not to)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QDialog, QMessageBox

from tests.gui.conftest import puts, wait_idle
from wolkvox_desktop.gui.window.main_window import MainWindow

# the offscreen platform says this whenever a message box is shown; not our warning
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LONG_NAME = "Cobranza preventiva tarjetas de crédito región Caribe lote 7 segundo semestre"


def sent(sim: Any, api: str = "start") -> list[str]:
    return [r.query["campaign_id"] for r in puts(sim) if r.query.get("api") == api]


def select_rows(w: MainWindow, ids: list[str]) -> None:
    """As ctrl+clicks would: the first row current, the others added."""
    w.select_campaign(ids[0])
    for cid in ids[1:]:
        index = w.campaignTable.view_index(cid)
        w.campaignTable.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )


def stop_box(w: MainWindow) -> QMessageBox | None:
    boxes = [b for b in w.findChildren(QMessageBox, "stopConfirmBox") if b.isVisible()]
    assert len(boxes) <= 1, "asked more than once"
    return boxes[0] if boxes else None


def test_the_buttons_name_what_they_act_on(qtbot: Any, demo_window: MainWindow) -> None:
    w = demo_window
    w.select_campaign("3302")
    assert w.startButton.text() == "▶ Start 3302 · Cobranza Sur"
    assert w.stopButton.text() == "■ Stop 3302 · Cobranza Sur"
    assert "Start 3302 · Cobranza Sur (Enter or Ctrl+Return)" == w.startButton.toolTip()
    assert "Ctrl+Shift+Return" in w.stopButton.toolTip()
    w.campaignIdEdit.setText("9001")  # not in the list: the id alone
    assert w.startButton.text() == "▶ Start 9001"
    w.campaignIdEdit.clear()
    assert w.startButton.text() == "▶ Start" and w.stopButton.text() == "■ Stop"


def test_a_long_name_elides_and_the_button_keeps_a_sensible_width(
    qtbot: Any, demo_window: MainWindow
) -> None:
    w = demo_window
    w.campaignTable.clearSelection()
    w.campaignIdEdit.setText("9001")
    w.campaignNameEdit.setText(LONG_NAME)
    w.typeCombo.setCurrentIndex(w.typeCombo.findData("preview"))
    w.addCampaignButton.click()
    qtbot.waitUntil(lambda: w.selected_campaign_ids() == ["9001"])
    shown = w.startButton.text()
    assert shown.startswith("▶ Start 9001 · Cobranza") and shown.endswith("…")
    assert w.startButton.full_text() == f"▶ Start 9001 · {LONG_NAME}"
    assert w.startButton.width() <= 300
    assert w.startButton.fontMetrics().horizontalAdvance(shown) < w.startButton.width()
    assert LONG_NAME in w.startButton.toolTip()  # whole, where there is room


def test_a_campaign_hidden_by_the_filter_is_never_started(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    w.select_campaign("3302")
    qtbot.keyClicks(w.campaignFilter, "nandu")  # only 3303 left in view
    assert w.campaignProxy.rowCount() == 1 and w.selected_campaign_ids() == []
    assert w.campaignIdEdit.text() == "3302"
    assert not w.startButton.isEnabled() and not w.stopButton.isEnabled()
    assert "hidden by the filter" in w.startButton.toolTip()
    w.startButton.click()
    qtbot.keyClick(w.campaignFilter, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(w.campaignIdEdit, Qt.Key.Key_Return)
    w.campaignTable.setFocus()
    qtbot.keyClick(w.campaignTable, Qt.Key.Key_Return)
    w.start_campaign()
    assert not w.is_busy()
    assert sent(demo_sim) == []
    # shown again: highlighted again, and named
    w.campaignFilter.clear()
    assert w.selected_campaign_ids() == ["3302"] and w.startButton.isEnabled()
    assert w.startButton.text() == "▶ Start 3302 · Cobranza Sur"


def test_the_target_follows_the_visible_selection(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    select_rows(w, ["3302", "3303"])
    assert w.campaignIdEdit.text() == "3302"
    w.campaignFilter.setText("ñandu")  # hides 3302; 3303 stays selected and visible
    assert w.selected_campaign_ids() == ["3303"]
    assert w.campaignIdEdit.text() == "3303"
    assert w.startButton.text() == "▶ Start 3303 · Renovación Ñandú"
    qtbot.keyClick(w.campaignFilter, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, w)
    assert sent(demo_sim) == ["3303"]


def test_the_highlight_follows_the_id_field(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    w.select_campaign("3302")
    w.campaignIdEdit.selectAll()
    qtbot.keyClicks(w.campaignIdEdit, "3305")  # typed over the highlighted row's id
    assert w.selected_campaign_ids() == ["3305"]
    assert w.campaignNameEdit.text() == "Ventas Pymes Bogotá"
    assert w.typeCombo.currentData() == "predictive"
    assert w.startButton.text() == "▶ Start 3305 · Ventas Pymes Bogotá"
    w.campaignTable.setFocus()
    qtbot.keyClick(w.campaignTable, Qt.Key.Key_Return)  # Enter on the list: what it shows
    wait_idle(qtbot, w)
    assert sent(demo_sim) == ["3305"]

    qtbot.keyClicks(w.campaignIdEdit, "9")  # 33059: in no row
    assert w.selected_campaign_ids() == []
    assert w.campaignNameEdit.text() == ""  # the name of 3305 is not 33059's
    assert w.startButton.text() == "▶ Start 33059"
    w.campaignIdEdit.setText("3306")  # set from code: the same
    assert w.selected_campaign_ids() == ["3306"]
    assert w.typeCombo.currentData() == "preview"


def test_stopping_a_started_campaign_asks_once_and_can_stop_asking(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    w.select_campaign("3301")  # shown as started
    w.stopButton.click()
    w.stopButton.click()  # a second click while it asks: still one question
    box = stop_box(w)
    assert box is not None
    assert box.text() == "Stop 3301 · Cobranza Norte?"
    assert "one token" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: stop_box(w) is None)
    assert sent(demo_sim, "stop") == []

    w.stopButton.click()
    box = stop_box(w)
    assert box is not None
    box.findChild(QCheckBox, "dontAskAgainCheck").setChecked(True)
    box.findChild(QAbstractButton, "stopConfirmButton").click()
    wait_idle(qtbot, w)
    assert sent(demo_sim, "stop") == ["3301"]
    saved = QSettings(str(w.settings_path()), QSettings.Format.IniFormat)
    assert saved.value("ui/confirm_stop") in (False, "false")

    w.select_campaign("3304")  # started too: no question any more
    w.stopButton.click()
    assert stop_box(w) is None
    wait_idle(qtbot, w)
    assert sent(demo_sim, "stop") == ["3301", "3304"]

    # Settings turns the question back on
    w.open_settings()
    dialog = w.findChild(QDialog, "settingsDialog")
    check = dialog.findChild(QCheckBox, "confirmStopCheck")
    assert not check.isChecked()
    check.setChecked(True)
    dialog.close()
    saved.sync()
    assert saved.value("ui/confirm_stop") in (True, "true")
    w.select_campaign("3307")  # started: asked again
    w.stopButton.click()
    box = stop_box(w)
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: stop_box(w) is None)
    assert sent(demo_sim, "stop") == ["3301", "3304"]


def test_stopping_a_stopped_campaign_does_not_ask(
    qtbot: Any, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    w.select_campaign("3302")  # shown as stopped
    w.stopButton.click()
    assert stop_box(w) is None
    wait_idle(qtbot, w)
    assert sent(demo_sim, "stop") == ["3302"]


def test_stop_has_a_shortcut(qtbot: Any, demo_window: MainWindow, demo_sim: Any) -> None:
    w = demo_window
    w.select_campaign("3305")
    w.campaignTable.setFocus()
    qtbot.keyClick(w.campaignTable, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot, w)
    assert sent(demo_sim, "stop") == ["3305"]
    assert sent(demo_sim, "start") == []
