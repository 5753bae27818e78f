"""The History table's columns: for one call, each column's value, text and sort key.

One place decides what a column holds; the table, its sorting, the copied rows and the
Excel workbook all start from here, so they never disagree. A value is typed (the start
time as a datetime, HTTP status, code and duration as numbers, everything else as text in
the window's language). Nothing here paints (no colour, no icon): a background job may
build an export from it (``QCoreApplication.translate`` is thread-safe).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from wolkvox_desktop.core.errors import Outcome
from wolkvox_desktop.core.history_export import formula_guard
from wolkvox_desktop.core.store import INTERRUPTED, PENDING, HistoryRow
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.outcome_look import outcome_words

(WHEN, OPERATION, ACTION, CAMPAIGN, TYPE, OUTCOME, MEANING, MESSAGE, HTTP, CODE,
 DURATION) = range(11)
COUNT = 11
NUMBERS = (HTTP, CODE, DURATION)
LONG_TEXT = (MEANING, MESSAGE)  # elided in the table; the tooltip has the whole text
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def headers() -> list[str]:
    """The column headers in the window's language."""
    _translate = QCoreApplication.translate  # lupdate reads the _translate spelling
    return [
        _translate("HistoryTableModel", "When"),
        _translate("HistoryTableModel", "Operation"),
        _translate("HistoryTableModel", "Action"),
        _translate("HistoryTableModel", "Campaign"),
        _translate("HistoryTableModel", "Type"),
        _translate("HistoryTableModel", "Outcome"),
        _translate("HistoryTableModel", "What it means"),
        _translate("HistoryTableModel", "Wolkvox's message"),
        _translate("HistoryTableModel", "HTTP"),
        _translate("HistoryTableModel", "Code"),
        _translate("HistoryTableModel", "Duration"),
    ]


def is_interrupted(row: HistoryRow) -> bool:
    """A call whose process stopped before Wolkvox answered (the store marks such rows
    ``unknown`` with reason ``interrupted`` when it finds their process gone)."""
    return row.outcome == Outcome.UNKNOWN.value and row.reason == INTERRUPTED


def look_key(row: HistoryRow) -> str:
    """The key for :mod:`~wolkvox_desktop.gui.outcome_look`: ``running`` for a call still
    in flight, ``interrupted`` for one whose process stopped before the answer, else the
    outcome."""
    if row.outcome == PENDING:
        return "running"
    if is_interrupted(row):
        return "interrupted"
    return row.outcome


def interrupted_sentence() -> str:
    return QCoreApplication.translate(
        "HistoryWindow",
        "The app stopped before Wolkvox answered, so this call may or may not have happened. "
        "Check the campaign's status in Wolkvox (refresh the list) before trying again.",
    )


def meaning(row: HistoryRow) -> str:
    """What the call's outcome means, as a sentence for the supervisor."""
    if row.outcome == PENDING:
        return messages.pending_sentence(True)
    if is_interrupted(row):
        return interrupted_sentence()
    return messages.describe_row(
        row.outcome, row.reason, row.action, row.campaign_id, fallback=row.msg or ""
    )


def value(row: HistoryRow, column: int) -> object:
    """The column's typed value: a datetime (local, aware), an int, text, or ``None``."""
    if column == WHEN:
        return row.started_at.astimezone()
    if column == OPERATION:
        return row.server
    if column == ACTION:
        return messages.action_label(row.action)
    if column == CAMPAIGN:
        return row.campaign_id
    if column == TYPE:
        return messages.campaign_type_label(row.campaign_type) if row.campaign_type else None
    if column == OUTCOME:
        return outcome_words(look_key(row))
    if column == MEANING:
        return meaning(row)
    if column == MESSAGE:
        if is_interrupted(row):
            return None  # the store's own English note, not Wolkvox's: see the meaning
        return " · ".join(p for p in (row.error, row.msg) if p) or None
    if column == HTTP:
        return row.http_status
    if column == CODE:
        return row.code
    if column == DURATION:
        return row.duration_ms
    return None


def text(row: HistoryRow, column: int) -> str:
    """The column as the table shows it."""
    cell = value(row, column)
    if cell is None:
        return ""
    if column == WHEN:
        return row.started_at.astimezone().strftime(TIME_FORMAT)
    if column == DURATION:
        return QCoreApplication.translate("HistoryTableModel", "{ms} ms").format(ms=cell)
    return str(cell)


def sort_key(row: HistoryRow, column: int) -> object:
    """What sorting compares: the moment for the start time, the number for numbers (an
    empty one sorts after every number), the text without case otherwise."""
    if column == WHEN:
        return row.started_at.timestamp()
    if column in NUMBERS:
        return value(row, column)
    return text(row, column).casefold()


def as_tab_separated(rows: Iterable[HistoryRow]) -> str:
    """A header line, then one line per row, tab-separated, for pasting into a spreadsheet
    or a message. Tabs and line breaks inside a cell become spaces, and a cell that a
    spreadsheet would run as a formula gets the export's guard (a leading ``'``)."""

    def line(cells: list[str]) -> str:
        return "\t".join(formula_guard(" ".join(c.replace("\t", " ").splitlines())) for c in cells)

    lines = [line(headers())]
    lines += [line([text(row, column) for column in range(COUNT)]) for row in rows]
    return "\n".join(lines) + "\n"
