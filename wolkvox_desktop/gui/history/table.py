"""The History table: sortable by any column, rows as dense as a sheet, the two long text
columns elided so that Wolkvox's message stays in view, and Ctrl+C copying the selected
rows under a header line (with the export's formula guard)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from wolkvox_desktop.core.store import HistoryRow
from wolkvox_desktop.gui.history import columns
from wolkvox_desktop.gui.history.model import HistorySortProxy

MIN_TEXT_COLUMN = 140  # the elided text columns never get narrower than this
MESSAGE_SHARE = 0.4  # of the room left, when both long columns cannot be shown whole


class HistoryTable(QTableView):
    """The calls as :class:`HistorySortProxy` orders them, newest first to begin with.
    Signals: ``rowActivated()`` (Enter on a row, or a double click)."""

    rowActivated = Signal()

    def __init__(self, proxy: HistorySortProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self._natural: dict[int, int] = {}  # the long text columns' unelided widths
        self.setObjectName("historyTable")
        self.setAccessibleName(QCoreApplication.translate("HistoryWindow", "Calls"))
        self.setModel(proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(columns.WHEN, Qt.SortOrder.DescendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab goes on to the buttons, not the next cell
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setDefaultSectionSize(max(22, self.fontMetrics().height() + 8))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.setColumnHidden(columns.RAW, True)  # *Raw answer…* shows it whole
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self)
        copy.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy.activated.connect(self.copy_selected_rows)
        self.doubleClicked.connect(lambda _index: self.rowActivated.emit())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            event.accept()
            self.rowActivated.emit()
            return
        super().keyPressEvent(event)

    def rows_changed(self) -> None:
        """Size the columns to the rows just shown."""
        self.resizeColumnsToContents()
        self._natural = {c: self.columnWidth(c) for c in columns.LONG_TEXT}
        self._fit_text_columns()

    def _fit_text_columns(self) -> None:
        """Share the room the short columns leave between the two long text columns; their
        full text is in the tooltip."""
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(columns.COUNT)
                     if c not in columns.LONG_TEXT and not self.isColumnHidden(c))
        room = self.viewport().width() - others
        bar = self.verticalScrollBar()
        if not bar.isVisible():  # it may appear once the rows are laid out: leave it room
            room -= bar.sizeHint().width()
        meaning, message = (self._natural.get(c, MIN_TEXT_COLUMN) for c in columns.LONG_TEXT)
        if meaning + message > room:
            message = max(MIN_TEXT_COLUMN, min(message, int(room * MESSAGE_SHARE)))
            meaning = max(MIN_TEXT_COLUMN, room - message)
        self.setColumnWidth(columns.MEANING, meaning)
        self.setColumnWidth(columns.MESSAGE, message)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self._natural:
            self._fit_text_columns()

    def selected_rows(self) -> list[HistoryRow]:
        """The selected calls, in the order shown."""
        shown = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [self.proxy.row_at(r) for r in shown]

    def copy_selected_rows(self) -> str:
        """Copy the selected rows, under a header line, to the clipboard; return the text
        (empty, and the clipboard left alone, when nothing is selected)."""
        rows = self.selected_rows()
        if not rows:
            return ""
        source = self.proxy.sourceModel()
        text = columns.as_tab_separated(rows, source.attempts())  # type: ignore[attr-defined]
        QGuiApplication.clipboard().setText(text)
        return text
