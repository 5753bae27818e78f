"""How answers read (issue 19): a web page instead of Wolkvox's answer is summarised, its raw
text one click away (status panel, History, the workbook); a call the app resent while
Wolkvox was busy is one entry ending in its final outcome (the store keeps every attempt);
a stopped run's campaigns never sent are one line of the panel, with no "0 ms".

Real parts: the demo window and its simulator, the window's worker over a real store file,
a real workbook read back with openpyxl."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.gui import test_history_window
from tests.gui.conftest import wait_idle
from tests.gui.spoken import spoken, words
from tests.gui.test_history_window import TODAY, WAIT_MS, filled_store, open_history
from tests.gui.test_window_honesty import window_in
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.store import Store
from wolkvox_desktop.gui.answer_text import is_html_page, page_summary, shown_answer
from wolkvox_desktop.gui.bulk import install_bulk_and_history
from wolkvox_desktop.gui.history import HistoryTableModel, HistoryWindow
from wolkvox_desktop.gui.window.main_window import MainWindow
from wolkvox_desktop.gui.worker import WorkerHandle

make_handle = test_history_window.make_handle
__all__ = ["make_handle", "spoken", "window_in"]
M = HistoryTableModel

NGINX = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 "
         "Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
PAGE = CallResult(Outcome.UNKNOWN, Reason.SERVER_ERROR, "Server error.", 502, None, None,
                  NGINX, 30)
BUSY = CallResult(Outcome.REFUSED, Reason.SIMULTANEOUS_LIMIT, "Busy.", 403, 403, "FORBIDDEN",
                  "EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)", 9)
DONE = CallResult(Outcome.OK, Reason.OK, "Done.", 202, 202, None, "started successfully", 40)
LATER = TODAY + timedelta(minutes=5)
EXTRA = [
    (LATER, "0032", "start", "3305", PAGE, "predictive"),
    (LATER + timedelta(seconds=10), "0032", "start", "3306", BUSY, "preview"),
    (LATER + timedelta(seconds=11), "0032", "start", "3306", BUSY, "preview"),
    (LATER + timedelta(seconds=13), "0032", "start", "3306", DONE, "preview"),
]

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
              pytest.mark.qt_log_ignore("This plugin does not support raise")]  # fmt: skip


# ---------------------------------------------------------------- the words


def test_a_web_page_reads_as_what_it_is_and_a_sentence_as_it_came() -> None:
    assert is_html_page(NGINX)
    assert page_summary(502, NGINX) == "HTTP 502 Bad Gateway — an HTML page, not Wolkvox's answer"
    assert not is_html_page("THE <CAMPAIGN> IS STARTED")  # a sentence with a "<" is words
    assert shown_answer("FORBIDDEN", "<b>PLEASE</b> VALIDATE", 403) == (
        "FORBIDDEN · <b>PLEASE</b> VALIDATE")  # Wolkvox's own text stays as it came
    assert page_summary(None, "<html><body>oops</body></html>") == (
        "An HTML page, not Wolkvox's answer")


# ---------------------------------------------------------------- the status panel


def test_the_panel_summarises_a_502_page_and_shows_its_raw_text_on_a_click(
    qtbot: QtBot, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    w._settings.setValue("ui/confirm_stop", False)
    demo_sim.faults.html_502 = True
    w.select_campaign("3305")
    w.startButton.click()
    wait_idle(qtbot, w)
    text = w.statusPanel.toPlainText()
    assert "HTTP 502 Bad Gateway — an HTML page, not Wolkvox's answer" in text
    assert "<center>" not in text and "nginx" not in text
    assert "Show the raw answer" in text
    key = w.statusPanel.entries()[0].key
    w.statusPanel.anchorClicked.emit(QUrl(f"raw:{key}"))  # the link's click
    text = w.statusPanel.toPlainText()
    assert "<center><h1>502 Bad Gateway</h1></center>" in text  # as it came, not rendered
    assert "Hide the raw answer" in text
    w.statusPanel.toggle_raw(key)
    assert "<center>" not in w.statusPanel.toPlainText()


def test_a_call_resent_while_wolkvox_was_busy_is_one_entry_with_its_final_outcome(
    qtbot: QtBot, demo_window: MainWindow, demo_sim: Any
) -> None:
    w = demo_window
    demo_sim.faults.busy = 1  # the first attempt: too many simultaneous requests
    w.select_campaign("3303")
    w.startButton.click()
    wait_idle(qtbot, w)
    starts = [r for r in demo_sim.requests if r.api == "start"]
    assert len(starts) == 2  # sent twice: the store keeps both attempts
    with Store(w.handle.config.store_path) as store:
        rows = store.history(action="start")
    assert [(r.outcome, r.reason) for r in rows] == [("ok", "ok"),
                                                     ("refused", "simultaneous_limit")]
    entries = [e for e in w.statusPanel.entries() if e.action == "start"]
    assert len(entries) == 1 and entries[0].outcome == "ok" and entries[0].attempts == 2
    text = w.statusPanel.toPlainText()
    assert "Refused by Wolkvox" not in text
    assert "Wolkvox was busy at first: the app sent it 2 times in all." in text


def test_a_stopped_runs_unsent_campaigns_are_one_line_without_a_duration(
    qtbot: QtBot, window_in: MainWindow, spoken: str
) -> None:
    w = window_in
    demo_sim = w.demo_session.simulator  # type: ignore[attr-defined]
    controls = install_bulk_and_history(w)
    w.select_campaign("3302")
    for cid in ("3303", "3305", "3306"):
        w.select_campaign(cid, add=True)
    demo_sim.faults.latency = 0.3
    dialog = controls.start_selected()
    assert dialog is not None
    qtbot.waitUntil(dialog.confirmPage.startButton.isEnabled, timeout=WAIT_MS)
    dialog.confirmPage.startButton.click()
    qtbot.waitUntil(lambda: dialog.runner is not None and dialog.runner.busy
                    and dialog.runner.run is not None, timeout=WAIT_MS)
    dialog.cancel()  # stop after the first call
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: any(e.not_sent for e in w.statusPanel.entries()), timeout=WAIT_MS)
    (line,) = [e for e in w.statusPanel.entries() if e.not_sent]
    assert line.not_sent == ("3303", "3305", "3306")
    assert line.duration_ms is None
    assert not [e for e in w.statusPanel.entries() if e.reason == "not_run" and not e.not_sent]
    assert words(spoken, "The run stopped before these 3 campaigns: nothing was sent for them. "
                 "3303, 3305, 3306",
                 "La ejecución se detuvo antes de estas 3 campañas: no se envió nada para "
                 "ellas. 3303, 3305, 3306") in w.statusPanel.toPlainText()
    assert " 0 ms" not in w.statusPanel.toPlainText()
    dialog.close()


# ---------------------------------------------------------------- History and the workbook


@pytest.fixture
def handle(make_handle: Any) -> WorkerHandle:
    made: WorkerHandle = make_handle(store_path=filled_store(*EXTRA), seed_operations=[])
    return made


def row_of(window: HistoryWindow, cid: str) -> int:
    proxy = window.proxy
    (found,) = [r for r in range(proxy.rowCount()) if proxy.index(r, M.CAMPAIGN).data() == cid]
    return found


def test_history_summarises_the_page_and_shows_it_raw_on_enter(
    qtbot: QtBot, handle: WorkerHandle, spoken: str
) -> None:
    window = open_history(qtbot, handle)
    row = row_of(window, "3305")
    message = window.proxy.index(row, M.MESSAGE).data()
    assert message == words(spoken, "HTTP 502 Bad Gateway — an HTML page, not Wolkvox's answer",
                            "HTTP 502 Bad Gateway: una página HTML, no la respuesta de Wolkvox")
    assert window.table.isColumnHidden(M.RAW)
    assert not window.rawButton.isEnabled()  # nothing selected
    window.table.selectRow(row)
    assert window.rawButton.isEnabled()
    assert window.rawButton.text() == words(spoken, "Ra&w answer…", "Respuesta o&riginal…")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # one key from the row
    dialog = window.findChild(QDialog, "historyRawDialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QPlainTextEdit, "historyRawText").toPlainText()
    assert "<center><h1>502 Bad Gateway</h1></center>" in text
    dialog.close()


def test_history_shows_a_busy_resend_as_one_row_and_the_export_keeps_every_attempt(
    qtbot: QtBot, handle: WorkerHandle, tmp_path: Path, spoken: str
) -> None:
    window = open_history(qtbot, handle)
    proxy = window.proxy
    rows = [r for r in range(proxy.rowCount()) if proxy.index(r, M.CAMPAIGN).data() == "3306"]
    assert len(rows) == 1  # one call, though sent three times
    assert proxy.index(rows[0], M.OUTCOME).data() == words(spoken, "Done", "Hecho")
    meaning = proxy.index(rows[0], M.MEANING).data()
    assert meaning.endswith(words(spoken, "the app sent it 3 times in all.",
                                  "la aplicación la envió 3 veces en total."))
    assert window.model.rowCount() == 8  # six calls, the page, the resent call
    with qtbot.waitSignal(window.exported, timeout=WAIT_MS):
        window.export_to(tmp_path / "calls.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "calls.xlsx").active
    table = [[c.value for c in r] for r in sheet.iter_rows()]
    assert table[0][M.RAW] == words(spoken, "Raw answer", "Respuesta original")
    busy = [r for r in table[1:] if r[M.CAMPAIGN] == "3306"]
    assert len(busy) == 3  # every attempt is in the record
    assert busy[0][M.MEANING].endswith(words(spoken, "3 times in all.", "3 veces en total."))
    assert all(words(spoken, "sent this call again by itself", "volvió a enviar esta llamada")
               in r[M.MEANING] for r in busy[1:])
    (page,) = [r for r in table[1:] if r[M.CAMPAIGN] == "3305"]
    assert page[M.MESSAGE].startswith("HTTP 502 Bad Gateway")
    assert "<center><h1>502 Bad Gateway</h1></center>" in page[M.RAW]  # one click away
    assert all(r[M.RAW] is None for r in table[1:] if r[M.CAMPAIGN] != "3305")
