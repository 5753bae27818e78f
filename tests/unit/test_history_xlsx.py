"""The workbook writer, read back with openpyxl: typed cells, local times, text codes."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pytest

from wolkvox_desktop.core.history_xlsx import (
    DATE_FORMAT,
    Column,
    export_table_xlsx,
    local_naive,
    sheet_title,
)

BOGOTA = "America/Bogota"
COLUMNS = [Column("Cuándo", 20), Column("Operación", 11), Column("Duración", 10, '0 "ms"'),
           Column("Mensaje de Wolkvox", 40)]


@pytest.fixture
def bogota_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's local time is Bogotá's (UTC-5), so local and UTC differ."""
    monkeypatch.setenv("TZ", BOGOTA)
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.undo()
        time.tzset()


def test_cells_are_typed_and_times_are_local(tmp_path: Path, bogota_time: None) -> None:
    moment = datetime(2026, 3, 2, 14, 5, 9, tzinfo=timezone.utc)  # 09:05:09 in Bogotá
    rows = [
        [moment, "0032", 40, '=HYPERLINK("http://x","clic")'],
        [moment - timedelta(days=1), "0045", None, "+57 300"],
        [None, "1e3", 7, None],
    ]
    out = tmp_path / "historial.xlsx"
    assert export_table_xlsx(out, COLUMNS, rows, title="Historial de actividad") == 3

    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet.title == "Historial de actividad"
    table = [list(r) for r in sheet.iter_rows()]
    assert [c.value for c in table[0]] == ["Cuándo", "Operación", "Duración",
                                           "Mensaje de Wolkvox"]
    assert all(c.font.b for c in table[0])
    when, server, duration, message = table[1]
    assert when.is_date and when.value == datetime(2026, 3, 2, 9, 5, 9)  # local wall clock
    assert when.number_format == DATE_FORMAT
    assert (server.value, server.data_type, server.number_format) == ("0032", "s", "@")
    assert (duration.value, duration.data_type, duration.number_format) == (40, "n", '0 "ms"')
    assert message.data_type == "s" and message.value == '=HYPERLINK("http://x","clic")'
    assert table[2][3].value == "+57 300" and table[2][3].data_type == "s"
    assert table[2][2].value is None
    assert table[3][0].value is None and table[3][1].value == "1e3"  # text, not 1000
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:D4"
    assert sheet.column_dimensions["D"].width == 40


def test_local_naive_and_sheet_titles(bogota_time: None) -> None:
    assert os.environ["TZ"] == BOGOTA
    naive = datetime(2026, 1, 1, 8, 0)
    assert local_naive(naive) is naive  # already local
    assert local_naive(datetime(2026, 1, 1, 13, 0, tzinfo=timezone.utc)) == naive
    assert sheet_title("Calls [2026/03/02]: *all*?") == "Calls  2026 03 02    all"
    assert len(sheet_title("x" * 40)) == 31
    assert sheet_title("''") == "Sheet1"


def test_an_empty_table_and_an_unwritable_path(tmp_path: Path) -> None:
    out = tmp_path / "empty.xlsx"
    assert export_table_xlsx(out, COLUMNS, [], title="History") == 0
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in next(sheet.iter_rows())][0] == "Cuándo"
    with pytest.raises(OSError):
        export_table_xlsx(tmp_path / "no such folder" / "h.xlsx", COLUMNS, [], title="H")
