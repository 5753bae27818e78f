"""The campaign list as a table view: rows select whole, Enter asks to start, Tab leaves it,
and every column is at least as wide as its header (no "St…" in Spanish)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from wolkvox_desktop.gui.window.campaign_model import (
    CampaignFilterProxy,
    CampaignRole,
    CampaignTableModel,
)

if TYPE_CHECKING:
    from wolkvox_desktop.core.store import SavedCampaign

#: a column's width, before its header asks for more
COLUMN_WIDTHS = {CampaignTableModel.ID: 80, CampaignTableModel.TYPE: 96,
                 CampaignTableModel.STATUS: 110}  # fmt: skip
NAME_MIN_WIDTH = 120


class CampaignTable(QTableView):
    """Signals: ``enterPressed()`` (Enter or Return, without Shift, on the list)."""

    enterPressed = Signal()

    def __init__(self, model: CampaignTableModel, proxy: CampaignFilterProxy,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.campaigns = model
        self.proxy = proxy
        self.setObjectName("campaignTable")
        self.setAccessibleName(QCoreApplication.translate("MainWindow", "Campaigns"))
        self.setModel(proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab goes on to the next control, not the next cell
        self.setSortingEnabled(True)
        self.sortByColumn(CampaignTableModel.ID, Qt.SortOrder.AscendingOrder)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self.setMinimumHeight(90)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CampaignTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            CampaignTableModel.LAST, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setMinimumSectionSize(48)
        # sized from the rows in view (again after a scroll): measuring all of them on every
        # change of one row stalls the event loop with a few hundred campaigns
        # (benchmarks/ui_latency.py)
        header.setResizeContentsPrecision(0)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(header.resizeSections)
        self.verticalScrollBar().valueChanged.connect(self._refit.start)
        for column, width in COLUMN_WIDTHS.items():
            # the header's own size hint: the style's room for the text and the sort arrow
            # (a little more than header_width()), measured by Qt, so that QStyle's Python
            # set-up (~8 ms) stays off the first frame
            self.setColumnWidth(column, max(width, header.sectionSizeHint(column)))

    def header_width(self, column: int) -> int:
        """What the header of ``column`` needs: its text, margins and the sort arrow."""
        from PySide6.QtWidgets import QStyle

        header = self.horizontalHeader()
        text = str(self.campaigns.headerData(column, Qt.Orientation.Horizontal) or "")
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        return header.fontMetrics().horizontalAdvance(text) + 4 * margin + arrow

    def minimum_width(self) -> int:
        """Room for every header at once (the Name column at its smallest)."""
        fixed = sum(self.columnWidth(c) for c in COLUMN_WIDTHS)
        last = self.header_width(CampaignTableModel.LAST)
        return fixed + last + NAME_MIN_WIDTH + 2 * self.frameWidth()

    # ---- selection ----
    def selected_campaigns(self) -> list[SavedCampaign]:
        """The selected (so visible) campaigns."""
        rows = self.selectionModel().selectedRows()
        return [s for s in (i.data(CampaignRole) for i in rows) if s is not None]

    def current_campaign(self) -> SavedCampaign | None:
        """The selected row with the focus, else the first selected one."""
        current = self.currentIndex()
        if current.isValid() and self.selectionModel().isRowSelected(current.row(),
                                                                     QModelIndex()):
            saved = current.siblingAtColumn(0).data(CampaignRole)
            if saved is not None:
                return saved  # type: ignore[no-any-return]
        selected = self.selected_campaigns()
        return selected[0] if selected else None

    def view_index(self, campaign_id: str) -> QModelIndex:
        """The row of ``campaign_id`` as shown; invalid when not listed or filtered out."""
        row = self.campaigns.row_of(campaign_id)
        if row < 0:
            return QModelIndex()
        return self.proxy.mapFromSource(self.campaigns.index(row, 0))

    def select_campaign(self, campaign_id: str, *, add: bool = False) -> bool:
        """Highlight ``campaign_id`` (alone, or ``add`` it); False if it is not shown."""
        index = self.view_index(campaign_id)
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.Select if add
            else QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        if add:
            self.selectionModel().select(index, flags)
        else:
            self.selectionModel().setCurrentIndex(index, flags)
            self.scrollTo(index)
        return True

    def select_first(self) -> bool:
        """Highlight the first row shown (the filter's best guess); False if none."""
        index = self.proxy.index(0, 0)
        if not index.isValid():
            return False
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)
        return True

    # ---- keys ----
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers()
            & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
        ):
            event.accept()
            self.enterPressed.emit()
            return
        super().keyPressEvent(event)
