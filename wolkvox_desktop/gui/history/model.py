"""The History table's model and the proxy that sorts it.

:class:`HistoryTableModel` holds the rows of the last query in the order the store gave
them (newest first); :class:`HistorySortProxy` is what the view shows, sorted by any
column (dates as dates, numbers as numbers). What a column holds comes from
:mod:`.columns`; how an outcome looks from :mod:`~wolkvox_desktop.gui.outcome_look`.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from wolkvox_desktop.core.store import HistoryRow
from wolkvox_desktop.gui.history import columns
from wolkvox_desktop.gui.outcome_look import look, outcome_icon

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip shown exactly as written: Wolkvox's text is never rich text
    (escaped, inside the paragraph that tells Qt the escaping is meant)."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


class HistoryTableModel(QAbstractTableModel):
    """History rows. Columns (see :mod:`.columns`): when, operation, action, campaign,
    type, outcome (icon, words, colour), what it means, Wolkvox's message, HTTP status,
    Wolkvox's code, duration. ``UserRole`` gives the :class:`HistoryRow`, ``SORT_ROLE``
    what sorting compares."""

    WHEN, OPERATION, ACTION, CAMPAIGN, TYPE = (columns.WHEN, columns.OPERATION,
                                               columns.ACTION, columns.CAMPAIGN, columns.TYPE)
    OUTCOME, MEANING, MESSAGE = columns.OUTCOME, columns.MEANING, columns.MESSAGE
    HTTP, CODE, DURATION, RAW = columns.HTTP, columns.CODE, columns.DURATION, columns.RAW
    COLUMNS = columns.COUNT

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []
        self._attempts: dict[int, int] = {}  # row id -> times sent (resent calls only)

    def set_rows(self, rows: list[HistoryRow]) -> None:
        """The store's rows; a call resent while Wolkvox was busy becomes one row."""
        self.beginResetModel()
        self._rows, self._attempts = columns.shown_rows(rows)
        self.endResetModel()

    def rows(self) -> list[HistoryRow]:
        return list(self._rows)

    def row_at(self, row: int) -> HistoryRow:
        return self._rows[row]

    def attempts(self, row: HistoryRow | None = None) -> Any:
        """How many times ``row``'s call was sent; without a row, the resent ones."""
        return dict(self._attempts) if row is None else self._attempts.get(row.id, 1)

    def cell_text(self, row: HistoryRow, column: int) -> str:
        return columns.text(row, column, self._attempts.get(row.id, 1))

    def header_texts(self) -> list[str]:
        return columns.headers()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return columns.headers()[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, column)
        if role == SORT_ROLE:
            return columns.sort_key(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in columns.NUMBERS:
            return _RIGHT
        if column == self.OUTCOME and role == Qt.ItemDataRole.ForegroundRole:
            return look(columns.look_key(row)).color
        if column == self.OUTCOME and role == Qt.ItemDataRole.DecorationRole:
            return outcome_icon(columns.look_key(row))
        return None

    def _tooltip(self, row: HistoryRow, column: int) -> str | None:
        if column in (self.OUTCOME, self.MEANING):
            return plain_tooltip(columns.meaning(row, self._attempts.get(row.id, 1)))
        if column == self.MESSAGE:
            return plain_tooltip(self.cell_text(row, column))
        return None


class HistorySortProxy(QSortFilterProxyModel):
    """The rows as the view shows them: sorted by the clicked column (``SORT_ROLE``), and
    by default newest first. Equal keys keep the store's order (newest first)."""

    def __init__(self, source: HistoryTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.sort(columns.WHEN, Qt.SortOrder.DescendingOrder)

    def row_at(self, proxy_row: int) -> HistoryRow:
        """The call shown at ``proxy_row``."""
        value = self.index(proxy_row, 0).data(Qt.ItemDataRole.UserRole)
        assert isinstance(value, HistoryRow)
        return value
