"""The History table's columns: for one call, each column's value, text and sort key.

One place decides what a column holds; the table, its sorting, the copied rows and the
Excel workbook all start from here, so they never disagree. A value is typed (the start
time as a datetime, HTTP status, code and duration as numbers, everything else as text in
the window's language). Nothing here paints (no colour, no icon): a background job may
build an export from it (``QCoreApplication.translate`` is thread-safe).

A call the app sent again while Wolkvox was busy is one row of the table (``attempts``:
how many times it was sent, :mod:`~wolkvox_desktop.gui.call_groups`); the exports keep
every attempt, each busy one saying that it was sent again (``resent``). A web page
instead of Wolkvox's answer is summarised in *Wolkvox's message*; its raw text is in the
last column, *Raw answer* (the workbook's; the table's is hidden, *Raw answer…* shows it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from wolkvox_desktop.core.errors import Outcome
from wolkvox_desktop.core.history_export import formula_guard
from wolkvox_desktop.core.store import INTERRUPTED, PENDING, HistoryRow
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.answer_text import has_raw_answer, raw_answer, shown_answer
from wolkvox_desktop.gui.call_groups import group_calls
from wolkvox_desktop.gui.local_format import date_and_time, number
from wolkvox_desktop.gui.outcome_look import outcome_words

(WHEN, OPERATION, ACTION, CAMPAIGN, TYPE, OUTCOME, MEANING, MESSAGE, HTTP, CODE,
 DURATION, RAW) = range(12)
COUNT = 12
NUMBERS = (HTTP, CODE, DURATION)
LONG_TEXT = (MEANING, MESSAGE)  # elided in the table; the tooltip has the whole text


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
        _translate("HistoryTableModel", "Raw answer"),
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
    if row.reason == messages.NOT_RUN:
        return "not_run"
    return row.outcome


def interrupted_sentence() -> str:
    return QCoreApplication.translate(
        "HistoryWindow",
        "The app stopped before Wolkvox answered, so this call may or may not have happened. "
        "Check the campaign's status in Wolkvox (refresh the list) before trying again.",
    )


def meaning(row: HistoryRow, attempts: int = 1, *, resent: bool = False) -> str:
    """What the call's outcome means, as a sentence for the supervisor (``attempts``: sent
    that many times while Wolkvox was busy; ``resent``: a busy answer the app sent again)."""
    if resent:
        return messages.resent_attempt_sentence()
    if row.outcome == PENDING:
        sentence = messages.pending_sentence(True)
    elif is_interrupted(row):
        sentence = interrupted_sentence()
    else:
        sentence = messages.describe_row(
            row.outcome, row.reason, row.action, row.campaign_id, fallback=row.msg or ""
        )
    if attempts > 1:
        sentence += " " + messages.resent_sentence(attempts)
    return sentence


def value(row: HistoryRow, column: int, attempts: int = 1, *, resent: bool = False) -> object:
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
        return meaning(row, attempts, resent=resent)
    if column == MESSAGE:
        if is_interrupted(row):
            return None  # the store's own English note, not Wolkvox's: see the meaning
        return shown_answer(row.error, row.msg, row.http_status) or None
    if column == HTTP:
        return row.http_status
    if column == CODE:
        return row.code
    if column == DURATION:
        return None if row.reason == messages.NOT_RUN else row.duration_ms  # no call made
    if column == RAW:
        if is_interrupted(row) or not has_raw_answer(row.error, row.msg):
            return None
        return raw_answer(row.error, row.msg)
    return None


def text(row: HistoryRow, column: int, attempts: int = 1) -> str:
    """The column as the table shows it."""
    cell = value(row, column, attempts)
    if cell is None:
        return ""
    if column == WHEN:
        return date_and_time(row.started_at, seconds=True)
    if column == DURATION:
        return QCoreApplication.translate("HistoryTableModel", "{ms} ms").format(
            ms=number(row.duration_ms or 0))
    return str(cell)


def sort_key(row: HistoryRow, column: int) -> object:
    """What sorting compares: the moment for the start time, the number for numbers (an
    empty one sorts after every number), the text without case otherwise."""
    if column == WHEN:
        return row.started_at.timestamp()
    if column in NUMBERS:
        return value(row, column)
    return text(row, column).casefold()


def as_tab_separated(rows: Iterable[HistoryRow], attempts: Mapping[int, int] | None = None
                     ) -> str:
    """A header line, then one line per row, tab-separated, for pasting into a spreadsheet
    or a message. Tabs and line breaks inside a cell become spaces, and a cell that a
    spreadsheet would run as a formula gets the export's guard (a leading ``'``)."""
    sent = attempts or {}

    def line(cells: list[str]) -> str:
        return "\t".join(formula_guard(" ".join(c.replace("\t", " ").splitlines())) for c in cells)

    lines = [line(headers())]
    lines += [line([text(row, column, sent.get(row.id, 1)) for column in range(COUNT)])
              for row in rows]
    return "\n".join(lines) + "\n"


def shown_rows(rows: Sequence[HistoryRow]) -> tuple[list[HistoryRow], dict[int, int]]:
    """The table's rows: a call sent again while Wolkvox was busy as one row (its last
    attempt, dated at the first, lasting from the first's start to the last's end), with
    how many times each was sent (row id -> attempts, for resent calls only)."""
    shown: list[HistoryRow] = []
    attempts: dict[int, int] = {}
    for group in group_calls(rows):
        row = group.last
        if group.resent:
            row = replace(row, started_at=group.first.started_at,
                          duration_ms=group.duration_ms)
            attempts[row.id] = group.attempts
        shown.append(row)
    return shown, attempts


def export_rows(rows: Sequence[HistoryRow]) -> list[tuple[HistoryRow, int, bool]]:
    """Every row for an export, newest first, with its call's attempts (on its last row)
    and whether it is a busy answer the app sent again."""
    out: list[tuple[HistoryRow, int, bool]] = []
    for group in group_calls(rows):
        last = len(group.rows) - 1
        for n, row in reversed(list(enumerate(group.rows))):
            out.append((row, group.attempts if n == last else 1, n != last))
    return out
