"""The History window over a real worker, a real SQLite file and the simulator: filters and
partial match, sorting, copy, plain-text tooltips, interrupted calls, the layout at
1366x768, and Wolkvox's own token figure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from pytestqt.qtbot import QtBot

from tests.gui import test_worker
from tests.gui.conftest import DEMO_TOKEN
from wolkvox_desktop.core import paths
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.store import HistoryRow, Operation, Store
from wolkvox_desktop.gui.history import HistoryTableModel, HistoryWindow
from wolkvox_desktop.gui.history.model import SORT_ROLE
from wolkvox_desktop.gui.local_format import number
from wolkvox_desktop.gui.outcome_look import outcome_words
from wolkvox_desktop.gui.worker import WorkerHandle
from wolkvox_desktop.simulator.server import Simulator

make_handle = test_worker.make_handle  # the real worker, shut down and checked after each test

WAIT_MS = 10_000
M = HistoryTableModel
OK = CallResult(Outcome.OK, Reason.OK, "Done.", 202, 202, None, "started successfully", 40)
REFUSED = CallResult(Outcome.REFUSED, Reason.INVALID_TOKEN, "Bad token.", 403, 403,
                     "FORBIDDEN", "<b>PLEASE</b> VALIDATE & TOKEN", 12)
UNKNOWN = CallResult(Outcome.UNKNOWN, Reason.READ_TIMEOUT, "No answer in time.", None, None,
                     None, None, 60000)
FORMULA = CallResult(Outcome.OK, Reason.OK, "Done.", 202, 202, None,
                     '=HYPERLINK("http://x","y")', 7)
# today, well inside the default seven days whatever the hour (whole seconds: Excel keeps ms)
TODAY = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=30)


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


Call = tuple[datetime, str, str, str | None, CallResult, str]  # at, server, action, id, …
SIX_CALLS: list[Call] = [  # on two operations: one three days ago, five today
    (TODAY - timedelta(days=3), "0032", "start", "3301", OK, "preview"),
    (TODAY + timedelta(seconds=1), "0032", "start", "3302", REFUSED, "preview"),
    (TODAY + timedelta(seconds=2), "0032", "stop", "3303", OK, "preview"),
    (TODAY + timedelta(seconds=3), "0045", "start", "13305", UNKNOWN, "predictive"),
    (TODAY + timedelta(seconds=4), "0032", "campaigns", None, OK, ""),
    (TODAY + timedelta(seconds=5), "0032", "start", "0099", FORMULA, "preview"),
]


def filled_store(*extra: Call) -> Path:
    """The app's store file holding :data:`SIX_CALLS` and ``extra``."""
    path = paths.store_path()
    clock = Clock(TODAY)
    with Store(path, clock=clock) as store:
        store.upsert_operation(Operation("0032", label="Bogotá norte"))
        store.upsert_operation(Operation("0045", label="Medellín"))
        for at, server, action, cid, result, ctype in (*SIX_CALLS, *extra):
            clock.now = at
            store.finish_call(store.begin_call(server, action, cid, ctype or None), result)
    return path


@pytest.fixture
def handle(make_handle: Callable[..., WorkerHandle]) -> WorkerHandle:
    """The main window's worker over a store that already holds :func:`filled_store`."""
    return make_handle(store_path=filled_store(), seed_operations=[])


def open_history(qtbot: QtBot, handle: WorkerHandle, **kwargs: Any) -> HistoryWindow:
    window = HistoryWindow(handle, **kwargs)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        window.show()
    return window


def shown(window: HistoryWindow, column: int = M.CAMPAIGN) -> list[str]:
    """A column's text, in the order the window shows the rows."""
    proxy = window.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def calls_shown(window: HistoryWindow) -> list[HistoryRow]:
    return [window.proxy.row_at(r) for r in range(window.proxy.rowCount())]


def refilter(qtbot: QtBot, window: HistoryWindow, change: Callable[[], object]) -> None:
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        change()


def click_header(qtbot: QtBot, window: HistoryWindow, column: int) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_filters_with_a_partial_campaign_match(qtbot: QtBot, handle: WorkerHandle) -> None:
    window = open_history(qtbot, handle)
    bar = window.filters
    assert shown(window) == ["0099", "", "13305", "3303", "3302", "3301"]  # newest first
    assert window.statusLabel.text() == window.tr("%n call(s) shown.", "", 6)  # Qt plurals
    assert bar.operationCombo.count() == 3  # the operations from the store, with names
    assert bar.operationCombo.itemText(1) == "Bogotá norte · 0032"

    refilter(qtbot, window, lambda: bar.campaignEdit.setText(" 330 "))
    assert shown(window) == ["13305", "3303", "3302", "3301"]  # 330 finds 3301… and 13305
    assert shown(window, M.OPERATION) == ["0045", "0032", "0032", "0032"]
    refilter(qtbot, window, lambda: bar.operationCombo.setCurrentIndex(2))
    assert shown(window) == ["13305"]
    refilter(qtbot, window, lambda: bar.operationCombo.setCurrentIndex(0))
    refilter(qtbot, window, lambda: bar.campaignEdit.clear())
    refilter(qtbot, window, lambda: bar.actionCombo.setCurrentIndex(
        bar.actionCombo.findData("stop")))
    assert shown(window) == ["3303"]
    refilter(qtbot, window, lambda: bar.actionCombo.setCurrentIndex(0))
    refilter(qtbot, window, lambda: bar.outcomeCombo.setCurrentIndex(
        bar.outcomeCombo.findData("refused")))
    assert shown(window) == ["3302"]
    assert shown(window, M.OUTCOME) == [outcome_words("refused")]
    assert "token" in shown(window, M.MEANING)[0].lower()
    refilter(qtbot, window, lambda: bar.outcomeCombo.setCurrentIndex(0))
    day = QDate.currentDate().addDays(-3)  # only the day three days ago
    refilter(qtbot, window, lambda: bar.untilEdit.setDate(day))
    refilter(qtbot, window, lambda: bar.sinceEdit.setDate(day))
    assert shown(window) == ["3301"]


def test_columns_sort_dates_as_dates_and_outcomes_together(
    qtbot: QtBot, make_handle: Callable[..., WorkerHandle]
) -> None:
    second = TODAY + timedelta(seconds=30)
    path = filled_store(  # two calls within one second
        (second + timedelta(microseconds=100), "0032", "stop", "7001", OK, "preview"),
        (second + timedelta(microseconds=900), "0032", "stop", "7002", OK, "preview"),
    )
    window = open_history(qtbot, make_handle(store_path=path, seed_operations=[]))
    header = window.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        M.WHEN, Qt.SortOrder.DescendingOrder)
    assert shown(window)[:2] == ["7002", "7001"]
    same_text = shown(window, M.WHEN)[:2]
    assert same_text[0] == same_text[1]  # the same second on screen...

    click_header(qtbot, window, M.WHEN)  # oldest first
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    starts = [row.started_at for row in calls_shown(window)]
    assert starts == sorted(starts)
    assert shown(window)[-2:] == ["7001", "7002"]  # ...yet sorted by the moment itself

    click_header(qtbot, window, M.OUTCOME)
    words = shown(window, M.OUTCOME)
    assert words == sorted(words, key=str.casefold, reverse=header.sortIndicatorOrder()
                           == Qt.SortOrder.DescendingOrder)
    assert [w for i, w in enumerate(words) if i == 0 or words[i - 1] != w] == sorted(
        set(words), key=words.index)  # each outcome in one block

    click_header(qtbot, window, M.DURATION)  # numbers as numbers: 7 ms before 60000 ms
    durations = [r.duration_ms for r in calls_shown(window)]
    ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    numbers = sorted((d for d in durations if d is not None), reverse=not ascending)
    assert [d for d in durations if d is not None] == numbers
    assert window.proxy.index(0, M.DURATION).data(SORT_ROLE) in (7, 60000)


def test_copy_has_a_header_row_and_the_formula_guard(qtbot: QtBot, handle: WorkerHandle) -> None:
    window = open_history(qtbot, handle)
    click_header(qtbot, window, M.CAMPAIGN)  # the copy follows the order shown
    order = shown(window)
    wanted = [order.index("0099"), order.index("3302")]
    QGuiApplication.clipboard().clear()
    selection = window.table.selectionModel()
    for row in wanted:
        selection.select(window.proxy.index(row, 0),
                         selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == window.model.header_texts()
    cells = [line.split("\t") for line in lines[1:]]
    assert [c[M.CAMPAIGN] for c in cells] == [order[r] for r in sorted(wanted)]
    by_id = {c[M.CAMPAIGN]: c for c in cells}
    assert by_id["0099"][M.MESSAGE] == "'=HYPERLINK(\"http://x\",\"y\")"  # never run
    assert by_id["3302"][M.OUTCOME] == outcome_words("refused")
    assert by_id["3302"][M.OPERATION] == "0032"
    assert window.copy_selected_rows() == QGuiApplication.clipboard().text()
    window.table.clearSelection()
    assert window.copy_selected_rows() == ""  # nothing selected: the clipboard is left alone


def test_wolkvox_text_shows_as_plain_text_in_tooltips(qtbot: QtBot, handle: WorkerHandle) -> None:
    window = open_history(qtbot, handle)
    row = shown(window).index("3302")
    message = window.proxy.index(row, M.MESSAGE)
    assert message.data() == "FORBIDDEN · <b>PLEASE</b> VALIDATE & TOKEN"
    tooltip = message.data(Qt.ItemDataRole.ToolTipRole)
    document = QTextDocument()
    document.setHtml(tooltip)
    assert document.toPlainText() == "FORBIDDEN · <b>PLEASE</b> VALIDATE & TOKEN"  # as sent
    meaning = window.proxy.index(row, M.MEANING).data(Qt.ItemDataRole.ToolTipRole)
    document.setHtml(meaning)
    assert document.toPlainText() == window.proxy.index(row, M.MEANING).data()


def test_the_message_is_in_view_at_1366x768(
    qtbot: QtBot, make_handle: Callable[..., WorkerHandle]
) -> None:
    path = filled_store(*(  # enough calls for a scroll bar
        (TODAY - timedelta(minutes=n), "0032", "start", "3302", REFUSED, "preview")
        for n in range(60)
    ))
    window = HistoryWindow(make_handle(store_path=path, seed_operations=[]))
    qtbot.addWidget(window)
    window.resize(1366, 768)  # sized before the rows arrive, as a window opens
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        window.show()
    qtbot.wait(50)  # the rows laid out, the scroll bar shown
    table = window.table
    for column in (M.MEANING, M.MESSAGE, M.DURATION):
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        assert 0 < right <= table.viewport().width(), column
    assert table.columnWidth(M.MESSAGE) >= 140
    assert table.verticalScrollBar().isVisible()
    assert table.textElideMode() == Qt.TextElideMode.ElideRight


def test_a_call_interrupted_by_a_crash_shows_as_unknown_with_a_hint(
    qtbot: QtBot, make_handle: Callable[..., WorkerHandle]
) -> None:
    path = paths.store_path()
    crashed = Store(path)
    crashed.begin_call("0032", "start", "3305", "predictive")  # never finished
    crashed.close()  # its process is "gone": the next store marks the row interrupted
    live = Store(path)
    try:
        live.begin_call("0032", "stop", "3306", "preview")  # in flight in this process
        window = open_history(qtbot, make_handle(store_path=path))
        rows = {r.campaign_id: r for r in calls_shown(window)}
        model = window.model
        assert model.cell_text(rows["3305"], M.OUTCOME) == outcome_words("interrupted")
        assert "check the campaign" in model.cell_text(rows["3305"], M.MEANING).lower()
        assert model.cell_text(rows["3305"], M.MESSAGE) == ""  # not Wolkvox's words
        assert "interrupted" in window.statusLabel.text()
        assert model.cell_text(rows["3306"], M.OUTCOME) == outcome_words("running")
        bar = window.filters
        refilter(qtbot, window, lambda: bar.outcomeCombo.setCurrentIndex(
            bar.outcomeCombo.findData("unknown")))
        assert shown(window) == ["3305"]
    finally:
        live.close()


def test_a_long_history_is_capped_with_a_note(qtbot: QtBot, handle: WorkerHandle) -> None:
    window = open_history(qtbot, handle, max_rows=3)
    assert window.model.rowCount() == 3
    assert "newest 3 calls only" in window.statusLabel.text()


def test_check_with_wolkvox_uses_one_token_and_shows_its_figure(
    qtbot: QtBot, handle: WorkerHandle, gui_simulator: Simulator
) -> None:
    gui_simulator.set_token_use(DEMO_TOKEN, 99)
    window = open_history(qtbot, handle, server="0032")
    button = window.checkTokensButton
    assert "1 token" in button.text() and button.isEnabled()
    refilter(qtbot, window, lambda: window.filters.operationCombo.setCurrentIndex(0))
    assert not button.isEnabled()  # all operations: which token? none is asked about
    refilter(qtbot, window, lambda: window.filters.operationCombo.setCurrentIndex(
        window.filters.operationCombo.findData("0032")))
    with qtbot.waitSignal(window.tokenInfoShown, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].ok
    assert f"100 of {number(3000)}" in window.tokenLabel.text()
    assert [r.api for r in gui_simulator.requests] == ["token_info"]
    qtbot.waitUntil(lambda: "token_info" in [r.action for r in calls_shown(window)],
                    timeout=WAIT_MS)
    assert button.isEnabled()
