"""Export from History: a workbook for Excel (the default) or a CSV file for other tools.

* **.xlsx**: the window's columns with headers and words in its language, real date cells
  in local time, codes as text (:mod:`~wolkvox_desktop.core.history_xlsx`).
* **.csv**: the machine columns in English, UTF-8 with BOM, separated as the computer's
  spreadsheets expect (``;`` where the decimal separator is a comma), the same file as
  ``wolkvox history --csv`` writes otherwise (:mod:`~wolkvox_desktop.core.history_export`).

The file dialog opens in the user's Documents folder. Everything that reads the store or
writes the file is a job (:func:`export_job`); this module asks, the window submits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from wolkvox_desktop.core.history_export import export_history_csv, list_separator
from wolkvox_desktop.core.history_xlsx import Column, export_table_xlsx
from wolkvox_desktop.gui.history import columns
from wolkvox_desktop.gui.history.filters import HistoryFilter

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations

log = logging.getLogger(__name__)

# the workbook's column widths (characters), in the order of columns.headers()
_WIDTHS = (20.0, 11.0, 16.0, 12.0, 12.0, 26.0, 60.0, 40.0, 7.0, 7.0, 11.0, 60.0)
_NUMBER_FORMATS = {columns.DURATION: '0 "ms"'}


class ExportFormat(str, Enum):
    XLSX = ".xlsx"
    CSV = ".csv"


def documents_folder() -> Path:
    """The user's Documents folder; the home folder when the system names none or it does
    not exist (a file dialog would otherwise open in the app's working folder)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def csv_separator() -> str:
    """``;`` where the window's locale writes decimals with a comma, else ``,``."""
    return list_separator(QLocale().decimalPoint())


def workbook_columns() -> list[Column]:
    """The window's columns for the workbook, headed in the window's language."""
    return [
        Column(header, _WIDTHS[number], _NUMBER_FORMATS.get(number))
        for number, header in enumerate(columns.headers())
    ]


@dataclass(frozen=True)
class ExportRequest:
    """Where and how to write; the words are taken on the GUI thread when it is made."""

    path: Path
    format: ExportFormat
    separator: str = field(default_factory=csv_separator)
    columns: list[Column] = field(default_factory=workbook_columns)
    title: str = field(default_factory=lambda: QCoreApplication.translate(
        "HistoryWindow", "Activity history"))

    @classmethod
    def for_path(cls, path: Path) -> ExportRequest:
        """A ``.csv`` path is written as CSV, anything else as a workbook."""
        suffix = path.suffix.lower()
        return cls(path, ExportFormat.CSV if suffix == ".csv" else ExportFormat.XLSX)


@dataclass(frozen=True)
class ExportDone:
    path: Path
    rows: int


@dataclass(frozen=True)
class ExportProblem:
    """The file could not be written (``detail``: the system's reason, for the log)."""

    path: Path
    detail: str


def ask_export_path(parent: QWidget, folder: Path) -> Path | None:
    """Ask where to save, starting in ``folder``; ``None`` if the person cancelled. The
    name gets the suffix of the type chosen in the dialog when it has none of its own."""
    _translate = QCoreApplication.translate
    xlsx = _translate("HistoryWindow", "Excel workbook (*.xlsx)")
    csv = _translate("HistoryWindow", "CSV files (*.csv)")
    # the name in the window's language; the date as digits, sorting as files do
    name = _translate("HistoryWindow", "wolkvox-history-{date}").format(
        date=f"{date.today():%Y%m%d}")
    suggested = folder / f"{name}{ExportFormat.XLSX.value}"
    chosen, selected = QFileDialog.getSaveFileName(
        parent,
        _translate("HistoryWindow", "Export history"),
        str(suggested),
        f"{xlsx};;{csv}",
        xlsx,
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in {f.value for f in ExportFormat}:
        wanted = ExportFormat.CSV if selected == csv else ExportFormat.XLSX
        path = path.with_name(path.name + wanted.value)
    return path


def export_job(
    request: ExportRequest, wanted: HistoryFilter
) -> Callable[[Operations], ExportDone | ExportProblem]:
    """A job: every call matching ``wanted`` (not only those shown) written as asked."""

    def run(ops: Operations) -> ExportDone | ExportProblem:
        rows = wanted.query(ops.store, None)
        try:
            if request.format is ExportFormat.CSV:
                count = export_history_csv(rows, request.path, delimiter=request.separator)
            else:
                values = ([columns.value(row, c, attempts, resent=resent)
                           for c in range(columns.COUNT)]
                          for row, attempts, resent in columns.export_rows(rows))
                count = export_table_xlsx(request.path, request.columns, values,
                                          title=request.title)
        except OSError as exc:
            log.warning("the history could not be written to %s: %s", request.path, exc)
            return ExportProblem(request.path, exc.strerror or type(exc).__name__)
        return ExportDone(request.path, count)

    return run
