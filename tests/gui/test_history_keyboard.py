"""History by keyboard (issue 19): Tab leaves the table and walks the window in the order it
is read, every button and filter has its Alt letter (none twice, in English and Spanish),
and the filters keep their text in view at 1366 × 768.

Real parts: the window's worker over a real store file (tests/gui/test_history_window)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.gui import test_history_window
from tests.gui.spoken import spoken
from tests.gui.test_history_window import WAIT_MS, handle, open_history
from wolkvox_desktop.gui.history import HistoryWindow, export
from wolkvox_desktop.gui.worker import WorkerHandle

make_handle = test_history_window.make_handle
__all__ = ["handle", "make_handle", "spoken"]
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget | None:
    widget = QApplication.focusWidget()
    if widget is not None and isinstance(widget.parentWidget(), QAbstractSpinBox):
        return widget.parentWidget()  # a date field's own line edit: the field
    return widget


def opened(qtbot: QtBot, handle: WorkerHandle, **kwargs: Any) -> HistoryWindow:
    window = open_history(qtbot, handle, **kwargs)
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() is window.table)
    return window


def test_tab_leaves_the_table_and_walks_the_window_as_it_is_read(
    qtbot: QtBot, handle: WorkerHandle
) -> None:
    window = opened(qtbot, handle, server="0032")  # one operation: the check can be asked
    window.table.selectRow(0)
    walked: list[str] = []
    for _ in range(20):  # a date field's Tab first walks its day, month and year
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        if not walked or walked[-1] != focused().objectName():
            walked.append(focused().objectName())
        if focused() is window.table:
            break
    # the raw answer's button is skipped: the selected call has no page to show
    assert walked == ["historyCheckTokensButton", "historyCopyButton", "historyRefreshButton",
                      "historyExportButton", "historyCloseButton", "historySince",
                      "historyUntil", "historyOperation", "historyCampaign", "historyAction",
                      "historyOutcome", "historyTable"]  # and on, once, into the table


def mnemonics(root: QWidget) -> list[str]:
    """The Alt letters of the buttons and labels shown in ``root``."""
    found = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QAbstractButton, QLabel)) and widget.isVisibleTo(root):
            match = re.search(r"&([^&\s])", widget.text().replace("&&", ""))
            if match:
                found.append(match.group(1).lower())
    return found


def test_every_button_and_filter_has_its_own_alt_letter(
    qtbot: QtBot, handle: WorkerHandle, spoken: str
) -> None:
    window = opened(qtbot, handle)
    letters = mnemonics(window)
    assert len(letters) == len(set(letters)) == 7, letters  # two filters, five buttons
    for button in (window.checkTokensButton, window.rawButton, window.copyButton,
                   window.refreshButton, window.exportButton):
        assert "&" in button.text(), button.objectName()


def test_the_alt_letters_work(
    qtbot: QtBot, handle: WorkerHandle, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = opened(qtbot, handle)
    window.table.selectRow(0)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window.table, Qt.Key.Key_C, ALT)  # &Copy rows (an animated click)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("When\t"))
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        qtbot.keyClick(window.table, Qt.Key.Key_R, ALT)  # &Refresh
    asked: list[Path] = []
    monkeypatch.setattr("wolkvox_desktop.gui.history.window.ask_export_path",
                        lambda _parent, folder: asked.append(folder))
    qtbot.keyClick(window.table, Qt.Key.Key_E, ALT)  # &Export…
    qtbot.waitUntil(lambda: asked == [export.documents_folder()])
    qtbot.keyClick(window.table, Qt.Key.Key_S, ALT)  # &Show: the operation filter
    assert focused() is window.filters.operationCombo
    qtbot.keyClick(focused(), Qt.Key.Key_D, ALT)  # &Dates:
    assert focused() is window.filters.sinceEdit


def test_the_filters_keep_their_text_in_view_at_1366_by_768(
    qtbot: QtBot, handle: WorkerHandle, spoken: str
) -> None:
    window = opened(qtbot, handle, server="0032")
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    qtbot.wait(30)
    filters = window.filters
    for combo in (filters.operationCombo, filters.actionCombo, filters.outcomeCombo):
        widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i))
                     for i in range(combo.count()))
        assert combo.width() >= widest + 20, (combo.objectName(), combo.currentText())
    assert filters.operationCombo.currentText() == "Bogotá norte · 0032"
