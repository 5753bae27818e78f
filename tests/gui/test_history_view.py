"""The history window over a real SQLite store: filters, copy, interrupted rows, CSV export,
and Wolkvox's own token figure against the simulator."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.core.api import WolkvoxClient
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.service import OperationService
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.gui.history_view import HistoryTableModel, HistoryWindow
from wolkvox_desktop.gui.outcome_look import outcome_words
from wolkvox_desktop.simulator.server import Simulator

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WAIT_MS = 10_000
OK = CallResult(Outcome.OK, Reason.OK, "Done.", 202, 202, None, "started successfully", 40)
REFUSED = CallResult(Outcome.REFUSED, Reason.INVALID_TOKEN, "Bad token.", 403, 403,
                     "FORBIDDEN", "PLEASE VALIDATE TOKEN", 12)
UNKNOWN = CallResult(Outcome.UNKNOWN, Reason.READ_TIMEOUT, "No answer in time.", None, None,
                     None, None, 60000)
ACCENTS = CallResult(Outcome.OK, Reason.OK, "Done.", 202, 202, None,
                     'La campaña "Renovación, Ñandú" fue iniciada, sí', 41)


def record(store: Store, server: str, action: str, cid: str | None, result: CallResult,
           ctype: str | None = "preview") -> int:
    row = store.begin_call(server, action, cid, ctype if cid else None)
    store.finish_call(row, result)
    return row


@pytest.fixture
def store() -> Iterator[Store]:
    """Five calls: one three days ago, four today, on two operations."""
    three_days_ago = datetime.now().astimezone() - timedelta(days=3)
    with Store(store_path(), clock=lambda: three_days_ago) as old:
        old.upsert_operation(Operation("0032", label="Bogotá norte"))
        old.upsert_operation(Operation("0045", label="Medellín"))
        record(old, "0032", "start", "3301", OK)
    s = Store(store_path())
    record(s, "0032", "start", "3302", REFUSED)
    record(s, "0032", "stop", "3303", OK)
    record(s, "0045", "start", "3301", UNKNOWN, "predictive")
    record(s, "0032", "campaigns", None, OK)
    try:
        yield s
    finally:
        s.close()


def open_window(qtbot: QtBot, store: object, **kwargs: object) -> HistoryWindow:
    window = HistoryWindow(store, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        window.show()
    return window


def shown(window: HistoryWindow, column: int = 3) -> list[str]:
    model = window.model
    return [model.cell_text(model.row_at(r), column) for r in range(model.rowCount())]


def refilter(qtbot: QtBot, window: HistoryWindow, change: object) -> None:
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        change()  # type: ignore[operator]


def test_filters_newest_first(qtbot: QtBot, store: Store) -> None:
    window = open_window(qtbot, store)
    assert window.model.rowCount() == 5
    assert shown(window) == ["", "3301", "3303", "3302", "3301"]  # newest first
    assert shown(window, 1) == ["0032", "0045", "0032", "0032", "0032"]
    assert "5 call(s) shown" in window.statusLabel.text()
    # the operations from the store, with their labels
    assert window.operationCombo.count() == 3
    assert window.operationCombo.itemText(1) == "Bogotá norte · 0032"

    refilter(qtbot, window, lambda: window.operationCombo.setCurrentIndex(2))
    assert shown(window) == ["3301"] and shown(window, 1) == ["0045"]
    refilter(qtbot, window, lambda: window.operationCombo.setCurrentIndex(0))
    refilter(qtbot, window, lambda: window.campaignEdit.setText(" 3301 "))
    assert shown(window, 1) == ["0045", "0032"]
    refilter(qtbot, window, lambda: window.campaignEdit.clear())
    refilter(qtbot, window, lambda: window.actionCombo.setCurrentIndex(
        window.actionCombo.findData("stop")))
    assert shown(window) == ["3303"]
    refilter(qtbot, window, lambda: window.actionCombo.setCurrentIndex(0))
    refilter(qtbot, window, lambda: window.outcomeCombo.setCurrentIndex(
        window.outcomeCombo.findData("refused")))
    assert shown(window) == ["3302"]
    row = window.model.row_at(0)
    assert window.model.cell_text(row, HistoryTableModel.OUTCOME) == outcome_words("refused")
    assert "PLEASE VALIDATE TOKEN" in window.model.cell_text(row, HistoryTableModel.MESSAGE)
    assert "token" in window.model.cell_text(row, HistoryTableModel.MEANING).lower()
    refilter(qtbot, window, lambda: window.outcomeCombo.setCurrentIndex(0))
    # the date range: only the day three days ago
    day = QDate.currentDate().addDays(-3)
    refilter(qtbot, window, lambda: window.untilEdit.setDate(day))
    refilter(qtbot, window, lambda: window.sinceEdit.setDate(day))
    assert shown(window) == ["3301"] and shown(window, 1) == ["0032"]


def test_ctrl_c_copies_the_selected_rows_as_tab_separated_text(
    qtbot: QtBot, store: Store
) -> None:
    window = open_window(qtbot, store)
    QGuiApplication.clipboard().clear()
    window.table.selectRow(1)
    window.table.selectionModel().select(
        window.model.index(3, 0),
        window.table.selectionModel().SelectionFlag.Select
        | window.table.selectionModel().SelectionFlag.Rows,
    )
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 2
    first, second = (line.split("\t") for line in lines)
    assert len(first) == HistoryTableModel.COLUMNS
    assert (first[1], first[3]) == ("0045", "3301")
    assert (second[1], second[3]) == ("0032", "3302")
    assert "PLEASE VALIDATE TOKEN" in second[HistoryTableModel.MESSAGE]
    assert second[HistoryTableModel.OUTCOME] == outcome_words("refused")


def test_a_call_interrupted_by_a_crash_shows_as_unknown_with_a_hint(qtbot: QtBot) -> None:
    crashed = Store(store_path())
    crashed.begin_call("0032", "start", "3305", "predictive")  # never finished
    crashed.close()  # its process is "gone": the next store marks the row interrupted
    live = Store(store_path())
    try:
        live.begin_call("0032", "stop", "3306", "preview")  # in flight in this process
        window = open_window(qtbot, live)
        texts = {window.model.cell_text(window.model.row_at(r), 3):
                 window.model.row_at(r) for r in range(window.model.rowCount())}
        interrupted = texts["3305"]
        assert window.model.cell_text(interrupted, 5) == outcome_words("interrupted")
        assert "check the campaign" in window.model.cell_text(interrupted, 6).lower()
        assert "interrupted" in window.statusLabel.text()
        in_flight = texts["3306"]
        assert window.model.cell_text(in_flight, 5) == outcome_words("running")
        # the outcome filter "unknown" finds the interrupted call
        refilter(qtbot, window, lambda: window.outcomeCombo.setCurrentIndex(
            window.outcomeCombo.findData("unknown")))
        assert shown(window) == ["3305"]
    finally:
        live.close()


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM: Excel would garble the accents"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_export_round_trips_accents_and_commas(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(store, "0032", "start", "Ñandú,3309", ACCENTS)
    window = open_window(qtbot, store)
    refilter(qtbot, window, lambda: window.operationCombo.setCurrentIndex(1))  # 0032 only
    target = tmp_path / "historial de llamadas"  # the dialog adds .csv
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    with qtbot.waitSignal(window.exported, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(window.exportButton, Qt.MouseButton.LeftButton)
    written = Path(blocker.args[0])
    assert written == tmp_path / "historial de llamadas.csv"
    rows = read_csv(written)
    assert [r["server"] for r in rows] == ["0032"] * 5  # the filter applies, 0045 is out
    assert rows[0]["campaign_id"] == "Ñandú,3309"
    assert rows[0]["msg"] == 'La campaña "Renovación, Ñandú" fue iniciada, sí'
    assert rows[0]["outcome"] == "ok"
    assert window.exportButton.isEnabled()
    assert str(written) in window.statusLabel.text()


def test_an_export_that_cannot_be_written_says_what_to_do(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    window = open_window(qtbot, store)
    with qtbot.waitSignal(window.exportFailed, timeout=WAIT_MS) as blocker:
        window.export_to(tmp_path / "no such folder" / "h.csv")
    assert "Choose another folder" in blocker.args[0]
    assert window.exportButton.isEnabled()


def test_a_long_history_is_capped_with_a_note(qtbot: QtBot, store: Store) -> None:
    window = open_window(qtbot, store, max_rows=3)
    assert window.model.rowCount() == 3
    assert "newest 3 calls only" in window.statusLabel.text()


def test_the_store_can_be_opened_off_the_gui_thread_and_is_closed_with_the_window(
    qtbot: QtBot, store: Store
) -> None:
    opened: list[Store] = []

    def open_store() -> Store:
        s = Store(store_path())
        opened.append(s)
        return s

    window = open_window(qtbot, open_store)
    assert window.model.rowCount() == 5 and len(opened) == 1
    window.close()
    with pytest.raises(Exception):  # noqa: B017 - closed: any use fails
        opened[0].history()


def test_check_with_wolkvox_uses_one_token_and_shows_its_figure(
    qtbot: QtBot, simulator: Simulator, store: Store
) -> None:
    simulator.set_token_use(DEMO_TOKEN, 99)

    def open_service() -> OperationService:
        client = WolkvoxClient("0032", DEMO_TOKEN, api_base=simulator.base_url)
        return OperationService(store, client, "0032")

    window = open_window(qtbot, store, server="0032", open_service=open_service)
    assert "1 token" in window.checkTokensButton.text()
    assert not window.checkTokensButton.isHidden()
    with qtbot.waitSignal(window.tokenInfoShown, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(window.checkTokensButton, Qt.MouseButton.LeftButton)
    assert blocker.args[0].ok
    assert "100 of 3000" in window.tokenLabel.text()
    assert [r.api for r in simulator.requests] == ["token_info"]
    qtbot.waitUntil(lambda: "token_info" in [window.model.row_at(r).action
                                             for r in range(window.model.rowCount())],
                    timeout=WAIT_MS)


def test_without_a_service_there_is_no_check_button(qtbot: QtBot, store: Store) -> None:
    window = open_window(qtbot, store)
    assert window.checkTokensButton.isHidden()
