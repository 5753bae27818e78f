"""History rows to CSV that Excel on Windows opens with accents intact.

UTF-8 with a byte-order mark (``utf-8-sig``), a header row, and the :mod:`csv` module's
quoting, so names like ``Renovación Ñandú, norte`` survive the round trip. Times are local
ISO-8601 with their UTC offset. Qt-free; the GUI and ``wolkvox history --csv`` share it.
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
)
# A cell starting with one of these is read as a formula by spreadsheets; prefix a quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    text = str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def history_csv_rows(rows: Iterable[HistoryRow]) -> Iterator[list[str]]:
    """The header, then one list of cells per row.

    A text cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first,
    and not a number) gets a leading ``'``: Wolkvox's ``msg`` is text from the network.
    """
    yield list(COLUMNS)
    for row in rows:
        yield [_cell(getattr(row, name)) for name in COLUMNS]


def export_history_csv(rows: Iterable[HistoryRow], path_or_file: Path | str | IO[str]) -> int:
    """Write ``rows`` as CSV; return how many data rows were written.

    A path is written as UTF-8 with BOM (``utf-8-sig``). A text file object is written as
    is: open it with ``encoding="utf-8-sig", newline=""`` to get the BOM and intact lines.
    """
    if isinstance(path_or_file, (str, Path)):
        with open(path_or_file, "w", encoding=ENCODING, newline="") as handle:
            return _write(rows, handle)
    return _write(rows, path_or_file)


def _write(rows: Iterable[HistoryRow], handle: IO[str]) -> int:
    writer = csv.writer(handle, dialect="excel")
    lines = history_csv_rows(rows)
    writer.writerow(next(lines))
    count = 0
    for cells in lines:
        writer.writerow(cells)
        count += 1
    return count
