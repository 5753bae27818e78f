"""History rows to CSV for tools: English column names, one line per call.

UTF-8 with a byte-order mark (``utf-8-sig``), a header row, and the :mod:`csv` module's
quoting, so names like ``Renovación Ñandú, norte`` survive the round trip. Times are local
ISO-8601 with their UTC offset. The separator is a comma unless asked otherwise (the window
passes ``;`` where the decimal separator is a comma, as spreadsheets there expect).
Qt-free; the GUI and ``wolkvox history --csv`` share it. For Excel itself the window writes
a workbook (:mod:`~wolkvox_desktop.core.history_xlsx`).

:func:`formula_guard` is the one rule that keeps a spreadsheet from running pasted or
imported text as a formula; the CSV and rows copied from the window use it (the workbook's
cells need none: they are typed as text).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO

from wolkvox_desktop.core.store import HistoryRow

ENCODING = "utf-8-sig"
COLUMNS: tuple[str, ...] = (
    "id",
    "started_at",
    "finished_at",
    "server",
    "action",
    "campaign_id",
    "campaign_type",
    "outcome",
    "reason",
    "http_status",
    "code",
    "error",
    "msg",
    "message",
    "duration_ms",
    "detail",  # a speed's "40 → 55", an alert's "started → stopped"
)
# A cell starting with one of these is read as a formula by spreadsheets; prefix a quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_guard(text: str) -> str:
    """``text``, with a leading ``'`` when a spreadsheet would read it as a formula (``=``,
    ``+``, ``-``, ``@``, tab or carriage return first, and not a number): Wolkvox's text
    comes from the network and is never run."""
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return formula_guard(str(value))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def history_csv_rows(rows: Iterable[HistoryRow]) -> Iterator[list[str]]:
    """The header, then one list of cells per row.

    A text cell that a spreadsheet would run as a formula gets a leading ``'``
    (:func:`formula_guard`).
    """
    yield list(COLUMNS)
    for row in rows:
        yield [_cell(getattr(row, name)) for name in COLUMNS]


def export_history_csv(
    rows: Iterable[HistoryRow],
    path_or_file: Path | str | IO[str],
    *,
    delimiter: str = ",",
) -> int:
    """Write ``rows`` as CSV separated by ``delimiter``; return how many data rows were
    written.

    A path is written as UTF-8 with BOM (``utf-8-sig``). A text file object is written as
    is: open it with ``encoding="utf-8-sig", newline=""`` to get the BOM and intact lines.
    """
    if isinstance(path_or_file, (str, Path)):
        with open(path_or_file, "w", encoding=ENCODING, newline="") as handle:
            return _write(rows, handle, delimiter)
    return _write(rows, path_or_file, delimiter)


def list_separator(decimal_point: str) -> str:
    """The CSV separator a spreadsheet expects where numbers are written with
    ``decimal_point``: ``;`` where it is a comma, else ``,``."""
    return ";" if decimal_point == "," else ","


def _write(rows: Iterable[HistoryRow], handle: IO[str], delimiter: str) -> int:
    writer = csv.writer(handle, dialect="excel", delimiter=delimiter)
    lines = history_csv_rows(rows)
    writer.writerow(next(lines))
    count = 0
    for cells in lines:
        writer.writerow(cells)
        count += 1
    return count
