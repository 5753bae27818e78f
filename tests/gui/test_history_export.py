"""Export from the History window, read back: the .xlsx with openpyxl (a Spanish window,
local times, codes as text), the CSV with the csv module (BOM, the locale's separator), the
file dialog (Documents, .xlsx first), and a file that cannot be written."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from PySide6.QtCore import QLocale, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.gui import test_history_window as window_tests
from tests.gui.test_history_window import TODAY, open_history, refilter
from tests.unit import test_history_xlsx as xlsx_tests
from tests.unit.test_history_xlsx import BOGOTA
from wolkvox_desktop.core.history_export import COLUMNS
from wolkvox_desktop.core.history_xlsx import DATE_FORMAT
from wolkvox_desktop.gui.history import HistoryTableModel as M
from wolkvox_desktop.gui.history import HistoryWindow
from wolkvox_desktop.gui.i18n import install_translators, remove_translators
from wolkvox_desktop.gui.outcome_look import outcome_words
from wolkvox_desktop.gui.worker import WorkerHandle

make_handle = window_tests.make_handle  # the fixtures: a real worker over a filled store
handle = window_tests.handle
bogota_time = xlsx_tests.bogota_time  # local time is Bogotá's (UTC-5), not UTC
WAIT_MS = 10_000


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    assert install_translators(qapp, "es") == "es"
    try:
        yield
    finally:
        remove_translators(qapp)
        QLocale.setDefault(locale)


def export_by_dialog(qtbot: QtBot, window: HistoryWindow, monkeypatch: pytest.MonkeyPatch,
                     answer: tuple[str, str]) -> tuple[Path, tuple[Any, ...]]:
    asked: list[tuple[Any, ...]] = []

    def ask(*args: Any, **_kwargs: Any) -> tuple[str, str]:
        asked.append(args)
        return answer

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    with qtbot.waitSignal(window.exported, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(window.exportButton, Qt.MouseButton.LeftButton)
    return Path(blocker.args[0]), asked[0]


def test_the_workbook_speaks_spanish_with_local_dates_and_text_codes(
    qtbot: QtBot, handle: WorkerHandle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    spanish: None, bogota_time: None,
) -> None:
    window = open_history(qtbot, handle)
    assert window.windowTitle() == "Historial de actividad"
    written, _asked = export_by_dialog(qtbot, window, monkeypatch,
                                       (str(tmp_path / "historial"), excel_choice(window)))
    assert written == tmp_path / "historial.xlsx"  # the type chosen gives the suffix
    assert window.exportButton.isEnabled()

    sheet = openpyxl.load_workbook(written).active
    assert sheet.title == "Historial de actividad"
    table = [list(r) for r in sheet.iter_rows()]
    headers = [c.value for c in table[0]]
    assert headers == window.model.header_texts()
    assert headers[:3] == ["Cuándo", "Operación", "Acción"]  # the window's language
    assert headers[M.MESSAGE] == "Mensaje de Wolkvox"
    rows = {r[M.CAMPAIGN].value: r for r in table[1:]}
    assert len(table) == 7 and None in rows  # every call, the list refresh too

    code = rows["0099"]
    when = code[M.WHEN]
    assert when.is_date and when.number_format == DATE_FORMAT
    expected = (TODAY + timedelta(seconds=5)).astimezone(ZoneInfo(BOGOTA)).replace(tzinfo=None)
    assert when.value == expected  # Bogotá's wall clock, not UTC
    assert isinstance(code[M.OPERATION].value, str) and code[M.OPERATION].value == "0032"
    assert code[M.OPERATION].number_format == "@"
    assert code[M.CAMPAIGN].data_type == "s"  # "0099" stays "0099"
    assert code[M.MESSAGE].value == '=HYPERLINK("http://x","y")'
    assert code[M.MESSAGE].data_type == "s"  # text, never a formula
    assert code[M.OUTCOME].value == outcome_words("ok") != "Done"  # Spanish words
    assert (code[M.HTTP].value, code[M.DURATION].value) == (202, 7)  # numbers
    assert rows["3302"][M.OUTCOME].value == outcome_words("refused")
    assert rows["13305"][M.HTTP].value is None


def excel_choice(window: HistoryWindow) -> str:
    """The dialog's Excel choice, as the window names it."""
    return window.tr("Excel workbook (*.xlsx)")


def fake_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, documents: bool) -> Path:
    """A home folder of its own, with or without its Documents folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs
    if documents:
        (home / "Documents").mkdir()
    return home


def test_the_dialog_starts_in_documents_offering_xlsx_then_csv(
    qtbot: QtBot, handle: WorkerHandle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = fake_home(tmp_path, monkeypatch, documents=True)
    window = open_history(qtbot, handle)
    written, asked = export_by_dialog(qtbot, window, monkeypatch,
                                      (str(tmp_path / "calls.xlsx"), ""))
    _parent, _title, start, filters, selected = asked
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(start).parent == Path(documents) == home / "Documents"
    assert Path(start).name == f"wolkvox-history-{datetime.now():%Y%m%d}.xlsx"
    assert filters.split(";;") == ["Excel workbook (*.xlsx)", "CSV files (*.csv)"]
    assert selected == "Excel workbook (*.xlsx)"
    assert openpyxl.load_workbook(written).active.max_row == 7
    # the next export starts where the last one went
    _written, asked = export_by_dialog(qtbot, window, monkeypatch,
                                       (str(tmp_path / "again.xlsx"), ""))
    assert Path(asked[2]).parent == tmp_path


def test_without_a_documents_folder_the_dialogs_start_at_home_not_the_working_folder(
    qtbot: QtBot, handle: WorkerHandle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = fake_home(tmp_path, monkeypatch, documents=False)
    monkeypatch.chdir(tmp_path)
    window = open_history(qtbot, handle)
    _written, asked = export_by_dialog(qtbot, window, monkeypatch,
                                       (str(tmp_path / "calls.xlsx"), ""))
    assert Path(asked[2]).parent == home  # History's export
    from wolkvox_desktop.gui.plans import plans_file

    seen: list[str] = []

    def fake_open(_parent: object, _title: str, start: str, _filters: str) -> tuple[str, str]:
        seen.append(start)
        return "", ""

    monkeypatch.setattr(plans_file.QFileDialog, "getOpenFileName", staticmethod(fake_open))
    monkeypatch.setattr(plans_file.QFileDialog, "getSaveFileName", staticmethod(fake_open))
    assert plans_file.ask_import_path(window) is None
    assert plans_file.ask_export_path(window) is None
    assert Path(seen[0]) == home and Path(seen[1]) == home / "wolkvox-plans.json"


def read_csv(path: Path, separator: str) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM: Excel would garble the accents"
    assert raw[3:].split(b"\r\n")[0] == separator.join(COLUMNS).encode()
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=separator))


@pytest.mark.parametrize(("locale", "separator"), [("en_US", ","), ("es_CO", ";")])
def test_the_csv_for_tools_uses_the_locale_separator(
    qtbot: QtBot, handle: WorkerHandle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    locale: str, separator: str,
) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        window = open_history(qtbot, handle)
        refilter(qtbot, window, lambda: window.filters.operationCombo.setCurrentIndex(
            window.filters.operationCombo.findData("0032")))
        written, _asked = export_by_dialog(qtbot, window, monkeypatch,
                                           (str(tmp_path / "para herramientas"),
                                            window.tr("CSV files (*.csv)")))
    finally:
        QLocale.setDefault(previous)
    assert written == tmp_path / "para herramientas.csv"
    rows = read_csv(written, separator)
    assert [r["server"] for r in rows] == ["0032"] * 5  # the filter applies, 0045 is out
    first = rows[0]
    assert (first["campaign_id"], first["outcome"]) == ("0099", "ok")  # English, for tools
    assert first["msg"] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert datetime.fromisoformat(first["started_at"]).tzinfo is not None


def test_an_export_that_cannot_be_written_says_what_to_do(
    qtbot: QtBot, handle: WorkerHandle, tmp_path: Path
) -> None:
    window = open_history(qtbot, handle)
    for name in ("h.xlsx", "h.csv"):
        with qtbot.waitSignal(window.exportFailed, timeout=WAIT_MS) as blocker:
            window.export_to(tmp_path / "no such folder" / name)
        assert "Choose another folder" in blocker.args[0]
        assert window.statusLabel.text() == blocker.args[0]
        assert window.exportButton.isEnabled()
