"""A table of history cells to an Excel workbook (.xlsx) that opens right in any locale.

Qt-free. The window decides the words (headers, outcomes, sentences in its language); this
module decides how each value becomes a cell, so Excel never has to guess:

* a ``datetime`` becomes a real date cell in **local** time (Excel has no time zones: an
  aware moment is converted to the computer's local time and written without its offset),
  shown as :data:`DATE_FORMAT`;
* an ``int`` or ``float`` becomes a number (with the column's number format, if any);
* a ``str`` becomes a text cell with the Text number format ``@``: ``0032`` stays
  ``0032``, and a text that starts like a formula stays text (never run);
* ``None`` leaves the cell empty.

The header row is bold, frozen, and carries an AutoFilter over the rows written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"
TEXT_FORMAT = "@"
MAX_SHEET_TITLE = 31  # Excel's limit
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Column:
    """One column: its header (already in the reader's language), its width in characters,
    and the number format of its numbers (``'0 "ms"'``), if any."""

    header: str
    width: float = 12.0
    number_format: str | None = None


def local_naive(moment: datetime) -> datetime:
    """An aware moment as this computer's local wall-clock time, without an offset (a
    naive datetime is already local)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone().replace(tzinfo=None)


def sheet_title(text: str) -> str:
    """``text`` as Excel accepts a sheet's name (no ``[]:*?/\\``, at most 31 characters)."""
    cleaned = _SHEET_TITLE_FORBIDDEN.sub(" ", text).strip().strip("'")
    return cleaned[:MAX_SHEET_TITLE] or "Sheet1"


def export_table_xlsx(
    path: Path | str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    *,
    title: str,
) -> int:
    """Write a header row and ``rows`` (one value per column, see the module docstring) to
    a new workbook at ``path``; return how many rows were written. Raises ``OSError`` when
    the file cannot be written."""
    with open(path, "wb") as handle:  # first: a folder that is not there fails right away
        return _write_book(handle, columns, rows, title)


def _write_book(
    handle: IO[bytes], columns: Sequence[Column], rows: Iterable[Sequence[object]], title: str
) -> int:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title(title))
    sheet.freeze_panes = "A2"
    for number, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = _text_cell(sheet, column.header)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for values in rows:
        sheet.append([_cell(sheet, value, column) for value, column in
                      zip(values, columns, strict=True)])
        count += 1
    last = get_column_letter(max(1, len(columns)))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    book.save(handle)
    return count


def _text_cell(sheet: object, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # openpyxl reads a leading "=" as a formula: this is text
    cell.number_format = TEXT_FORMAT
    return cell


def _cell(sheet: object, value: object, column: Column) -> WriteOnlyCell | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=local_naive(value))
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell = WriteOnlyCell(sheet, value=value)
        if column.number_format:
            cell.number_format = column.number_format
        return cell
    return _text_cell(sheet, str(value))
