"""The activity history: every call the app made, filtered, copied and exported.

:class:`HistoryWindow` shows ``Store.history(...)`` newest first, filtered by date range,
operation, campaign, action and outcome. Store queries run on a private one-thread
:class:`QThreadPool` (a history can be long), never in the GUI thread; results come back
through a signal and stale answers (the filter changed meanwhile) are dropped. Rows left
``pending`` by a crash are shown as *outcome unknown* with a hint to check the campaign.
Ctrl+C copies the selected rows as tab-separated text; *Export CSV…* writes the filtered
rows with ``core.history_export.export_history_csv`` (UTF-8 with BOM, for Excel).

Signals of :class:`HistoryWindow`: ``loaded(int)`` after each query is shown (row count),
``exported(str)`` with the written path, ``tokenInfoShown(object)`` with the ``CallResult``
of a "Check with Wolkvox".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core import store as _store_module
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason
from wolkvox_desktop.core.service import OperationService
from wolkvox_desktop.core.store import PENDING, HistoryRow, Operation, Store
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.outcome_look import look as outcome_look
from wolkvox_desktop.gui.outcome_look import outcome_icon

log = logging.getLogger(__name__)

DEFAULT_DAYS = 7
MAX_ROWS_SHOWN = 10_000
MAX_TEXT_COLUMN_WIDTH = 380
# The store marks a pending row left by a process that is gone (crash, kill) as
# ``unknown`` with this reason; ``pending`` rows are calls still in flight.
INTERRUPTED: str = getattr(_store_module, "INTERRUPTED", "interrupted")


@dataclass(frozen=True)
class HistoryFilter:
    """What the supervisor asked to see. ``outcome="unknown"`` includes pending rows."""

    since: datetime | None = None
    until: datetime | None = None
    server: str | None = None
    campaign_id: str | None = None
    action: str | None = None
    outcome: str | None = None

    def query(self, store: Store, limit: int | None) -> list[HistoryRow]:
        return store.history(
            since=self.since,
            until=self.until,
            server=self.server,
            campaign_id=self.campaign_id,
            action=self.action,
            outcome=self.outcome,
            limit=limit,
        )


def day_range(first: date, last: date) -> tuple[datetime, datetime]:
    """Local midnight of ``first`` to local midnight after ``last`` (timezone-aware)."""
    if last < first:
        first, last = last, first
    since = datetime.combine(first, time.min).astimezone()
    until = datetime.combine(last + timedelta(days=1), time.min).astimezone()
    return since, until


def is_interrupted(row: HistoryRow) -> bool:
    """A call whose process stopped before Wolkvox answered (the store marks such rows
    ``unknown`` with reason ``interrupted`` when it finds their process gone)."""
    return row.outcome == Outcome.UNKNOWN.value and row.reason == INTERRUPTED


def row_look_key(row: HistoryRow) -> str:
    """The outcome_look key: ``running`` for a call still in flight, ``interrupted`` for a
    call whose process stopped before the answer, else the outcome."""
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


# ---------------------------------------------------------------- background work


class _TaskSignals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Task:
    """A callable for QThreadPool: runs ``fn`` and reports through queued signals."""

    def __init__(self, signals: _TaskSignals, serial: int, fn: Callable[[], object]) -> None:
        self.signals = signals
        self.serial = serial
        self.fn = fn

    def __call__(self) -> None:
        try:
            value = self.fn()
        except Exception as exc:  # reported as a sentence, logged with details
            log.exception("history background task failed")
            try:
                self.signals.failed.emit(self.serial, type(exc).__name__)
            except RuntimeError:  # the window went away meanwhile
                pass
            return
        try:
            self.signals.done.emit(self.serial, value)
        except RuntimeError:
            pass


# ---------------------------------------------------------------- the table model


class HistoryTableModel(QAbstractTableModel):
    """History rows, newest first. Columns: when, operation, action, campaign, type,
    outcome (icon, words, colour), what it means, HTTP status, Wolkvox's code, Wolkvox's
    own message, duration."""

    (WHEN, OPERATION, ACTION, CAMPAIGN, TYPE, OUTCOME, MEANING, HTTP, CODE, MESSAGE,
     DURATION) = range(11)
    COLUMNS = 11

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []

    def set_rows(self, rows: list[HistoryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> HistoryRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.header_texts()[section] if 0 <= section < self.COLUMNS else None

    def header_texts(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Operation"),
            self.tr("Action"),
            self.tr("Campaign"),
            self.tr("Type"),
            self.tr("Outcome"),
            self.tr("What it means"),
            self.tr("HTTP"),
            self.tr("Code"),
            self.tr("Wolkvox's message"),
            self.tr("Duration"),
        ]

    def cell_text(self, row: HistoryRow, column: int) -> str:
        if column == self.WHEN:
            started = row.started_at
            if started.tzinfo is not None:
                started = started.astimezone()
            return started.strftime("%Y-%m-%d %H:%M:%S")
        if column == self.OPERATION:
            return row.server
        if column == self.ACTION:
            return messages.action_label(row.action)
        if column == self.CAMPAIGN:
            return row.campaign_id or ""
        if column == self.TYPE:
            return messages.campaign_type_label(row.campaign_type) if row.campaign_type else ""
        if column == self.OUTCOME:
            return outcome_look(row_look_key(row)).text
        if column == self.MEANING:
            if row.outcome == PENDING:
                return messages.pending_sentence(True)
            if is_interrupted(row):
                return interrupted_sentence()
            return messages.describe_row(
                row.outcome, row.reason, row.action, row.campaign_id, fallback=row.msg or ""
            )
        if column == self.HTTP:
            return "" if row.http_status is None else str(row.http_status)
        if column == self.CODE:
            return "" if row.code is None else str(row.code)
        if column == self.MESSAGE:
            if is_interrupted(row):
                return ""  # the store's own English note, not Wolkvox's: see the meaning
            return " · ".join(p for p in (row.error, row.msg) if p)
        if column == self.DURATION:
            return "" if row.duration_ms is None else self.tr("{ms} ms").format(ms=row.duration_ms)
        return ""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, column)
        if column == self.OUTCOME and role == Qt.ItemDataRole.ForegroundRole:
            return outcome_look(row_look_key(row)).color
        if column == self.OUTCOME and role == Qt.ItemDataRole.DecorationRole:
            return outcome_icon(row_look_key(row))
        if role == Qt.ItemDataRole.ToolTipRole and column in (
            self.OUTCOME, self.MEANING, self.MESSAGE
        ):
            return self.cell_text(row, self.MEANING)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def rows_as_text(self, rows: list[int]) -> str:
        """Tab-separated lines, one per row (tabs and newlines in cells become spaces)."""
        lines = []
        for r in sorted(set(rows)):
            if 0 <= r < len(self._rows):
                cells = [self.cell_text(self._rows[r], c) for c in range(self.COLUMNS)]
                lines.append(
                    "\t".join(" ".join(c.replace("\t", " ").splitlines()) for c in cells)
                )
        return "\n".join(lines) + ("\n" if lines else "")


# ---------------------------------------------------------------- the window


class HistoryWindow(QDialog):
    """The history of calls (non-modal). See the module docstring for its signals.

    ``store`` is a thread-safe :class:`Store` (queries run off the GUI thread), or a
    callable that opens one: it is then called off the GUI thread on the first query, and
    the window closes that store when it closes. ``open_service`` (optional) opens an
    ``OperationService`` for the operation in view (called off the GUI thread) for *Check
    with Wolkvox* (``token_info``, one token: the button says so); ``close_service``
    releases it (default ``service.client.close()``). Closing the window aborts a check in
    flight.
    """

    loaded = Signal(int)
    exported = Signal(str)
    exportFailed = Signal(str)
    tokenInfoShown = Signal(object)

    def __init__(
        self,
        store: Store | Callable[[], Store],
        parent: QWidget | None = None,
        *,
        server: str | None = None,
        open_service: Callable[[], OperationService] | None = None,
        close_service: Callable[[OperationService], None] | None = None,
        max_rows: int = MAX_ROWS_SHOWN,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyWindow")
        self.setWindowTitle(self.tr("Activity history"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._store_lock = threading.Lock()
        if isinstance(store, Store):
            self._store: Store | None = store
            self._store_factory: Callable[[], Store] | None = None
        else:
            self._store = None
            self._store_factory = store
        self._owned_store: Store | None = None
        self._open_service = open_service
        self._close_service = close_service or (lambda svc: svc.client.close())
        self._check_service: OperationService | None = None
        self._max_rows = max_rows
        self._serial = 0
        self._export_serial = 0
        self._closing = False
        self._pending_export: Path | None = None

        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._check_pool = QThreadPool(self)
        self._check_pool.setMaxThreadCount(1)
        self._signals = _TaskSignals(self)
        self._signals.done.connect(self._on_query_done)
        self._signals.failed.connect(self._on_query_failed)
        self._export_signals = _TaskSignals(self)
        self._export_signals.done.connect(self._on_export_done)
        self._export_signals.failed.connect(self._on_export_failed)
        self._check_signals = _TaskSignals(self)
        self._check_signals.done.connect(self._on_check_done)
        self._check_signals.failed.connect(self._on_check_failed)
        self._operations_loaded = False
        self._initial_server = server

        self._build()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.refresh()

    def _get_store(self) -> Store:
        """The store (opened on first use when given a factory). Pool threads only."""
        with self._store_lock:
            if self._store is None:
                assert self._store_factory is not None
                self._store = self._owned_store = self._store_factory()
            return self._store

    # ---- layout ----
    def _build(self) -> None:
        today = QDate.currentDate()
        self.sinceEdit = QDateEdit(today.addDays(-(DEFAULT_DAYS - 1)), self)
        self.sinceEdit.setObjectName("historySince")
        self.untilEdit = QDateEdit(today, self)
        self.untilEdit.setObjectName("historyUntil")
        for edit in (self.sinceEdit, self.untilEdit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._schedule_refresh)
        self.sinceEdit.setAccessibleName(self.tr("From date"))
        self.untilEdit.setAccessibleName(self.tr("To date"))

        self.operationCombo = QComboBox(self)
        self.operationCombo.setObjectName("historyOperation")
        self.operationCombo.setAccessibleName(self.tr("Operation"))
        self.operationCombo.addItem(self.tr("All operations"), None)
        if self._initial_server:
            self.operationCombo.addItem(self._initial_server, self._initial_server)
            self.operationCombo.setCurrentIndex(1)
        self.operationCombo.currentIndexChanged.connect(self._schedule_refresh)

        self.campaignEdit = QLineEdit(self)
        self.campaignEdit.setObjectName("historyCampaign")
        self.campaignEdit.setPlaceholderText(self.tr("Any campaign"))
        self.campaignEdit.setAccessibleName(self.tr("Campaign ID"))
        self.campaignEdit.setClearButtonEnabled(True)
        self.campaignEdit.textChanged.connect(self._schedule_refresh)

        self.actionCombo = QComboBox(self)
        self.actionCombo.setObjectName("historyAction")
        self.actionCombo.setAccessibleName(self.tr("Action"))
        self.actionCombo.addItem(self.tr("All actions"), None)
        for key in ("start", "stop", "campaigns", "token_info"):
            self.actionCombo.addItem(messages.action_label(key), key)
        self.actionCombo.currentIndexChanged.connect(self._schedule_refresh)

        self.outcomeCombo = QComboBox(self)
        self.outcomeCombo.setObjectName("historyOutcome")
        self.outcomeCombo.setAccessibleName(self.tr("Outcome"))
        self.outcomeCombo.addItem(self.tr("All outcomes"), None)
        for key in ("ok", "refused", "undelivered", "unknown", "invalid"):
            look = outcome_look(key)
            self.outcomeCombo.addItem(outcome_icon(key), f"{look.glyph} {look.text}", key)
        self.outcomeCombo.currentIndexChanged.connect(self._schedule_refresh)

        filters = QFormLayout()
        dates = QHBoxLayout()
        dates.addWidget(self.sinceEdit)
        dates.addWidget(QLabel(self.tr("to"), self))
        dates.addWidget(self.untilEdit)
        dates.addStretch(1)
        filters.addRow(self.tr("Dates:"), dates)
        row2 = QHBoxLayout()
        row2.addWidget(self.operationCombo)
        row2.addWidget(self.campaignEdit, 1)
        row2.addWidget(self.actionCombo)
        row2.addWidget(self.outcomeCombo)
        filters.addRow(self.tr("Show:"), row2)

        self.model = HistoryTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("Calls, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        copy_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table)
        copy_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy_shortcut.activated.connect(self.copy_selected_rows)

        self.statusLabel = QLabel(self)
        self.statusLabel.setObjectName("historyStatusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.copyButton = QPushButton(self.tr("Copy rows"), self)
        self.copyButton.setObjectName("historyCopyButton")
        self.copyButton.setToolTip(self.tr("Copy the selected rows as text (Ctrl+C)"))
        self.copyButton.clicked.connect(self.copy_selected_rows)
        self.copyButton.setAutoDefault(False)
        self.refreshButton = QPushButton(self.tr("Refresh"), self)
        self.refreshButton.setAutoDefault(False)
        self.refreshButton.setObjectName("historyRefreshButton")
        self.refreshButton.clicked.connect(self.refresh)
        self.exportButton = QPushButton(self.tr("Export CSV…"), self)
        self.exportButton.setObjectName("historyExportButton")
        self.exportButton.setAutoDefault(False)
        self.exportButton.setToolTip(
            self.tr("Save the calls shown (all of them, not only the selection) as a CSV file")
        )
        self.exportButton.clicked.connect(self._ask_export)

        self.checkTokensButton = QPushButton(self.tr("Check with Wolkvox (uses 1 token)"), self)
        self.checkTokensButton.setObjectName("historyCheckTokensButton")
        self.checkTokensButton.setAutoDefault(False)
        self.checkTokensButton.setToolTip(
            self.tr(
                "Ask Wolkvox how many token uses it counts for today. This question itself "
                "costs one token."
            )
        )
        self.checkTokensButton.clicked.connect(self.check_with_wolkvox)
        self.checkTokensButton.setVisible(self._open_service is not None)
        self.tokenLabel = QLabel(self)
        self.tokenLabel.setObjectName("historyTokenLabel")
        self.tokenLabel.setWordWrap(True)
        self.tokenLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tokenLabel.setVisible(self._open_service is not None)

        buttons = QHBoxLayout()
        buttons.addWidget(self.checkTokensButton)
        buttons.addStretch(1)
        buttons.addWidget(self.copyButton)
        buttons.addWidget(self.refreshButton)
        buttons.addWidget(self.exportButton)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("historyCloseButton")
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.statusLabel)
        layout.addWidget(self.tokenLabel)
        layout.addLayout(buttons)
        self.resize(1000, 560)
        self.table.setFocus()

    # ---- filters and queries ----
    def current_filter(self) -> HistoryFilter:
        first = self.sinceEdit.date()
        last = self.untilEdit.date()
        since, until = day_range(
            date(first.year(), first.month(), first.day()),
            date(last.year(), last.month(), last.day()),
        )
        campaign = self.campaignEdit.text().strip() or None
        return HistoryFilter(
            since=since,
            until=until,
            server=self.operationCombo.currentData(),
            campaign_id=campaign,
            action=self.actionCombo.currentData(),
            outcome=self.outcomeCombo.currentData(),
        )

    @Slot()
    def _schedule_refresh(self) -> None:
        self._debounce.start()

    @Slot()
    def refresh(self) -> None:
        """Query the store again with the current filter (off the GUI thread)."""
        if self._closing:
            return
        self._debounce.stop()
        self._serial += 1
        wanted = self.current_filter()
        limit = self._max_rows
        need_operations = not self._operations_loaded

        def query() -> tuple[list[HistoryRow], list[Operation] | None]:
            store = self._get_store()
            rows = wanted.query(store, limit)
            return rows, (store.operations() if need_operations else None)

        self.statusLabel.setText(self.tr("Loading…"))
        self._pool.start(_Task(self._signals, self._serial, query))

    @Slot(int, object)
    def _on_query_done(self, serial: int, value: object) -> None:
        if serial != self._serial or self._closing:
            return  # a newer filter is on its way
        rows: list[HistoryRow]
        operations: list[Operation] | None
        rows, operations = value  # type: ignore[misc]
        if operations is not None:
            self._fill_operations(operations)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for column in (HistoryTableModel.MEANING, HistoryTableModel.MESSAGE):
            if self.table.columnWidth(column) > MAX_TEXT_COLUMN_WIDTH:
                self.table.setColumnWidth(column, MAX_TEXT_COLUMN_WIDTH)  # full text: tooltip
        if len(rows) >= self._max_rows:
            text = self.tr(
                "Showing the newest {count} calls only; narrow the dates or filters to see "
                "older ones."
            ).format(count=len(rows))
        else:
            text = self.tr("{count} call(s) shown, newest first.").format(count=len(rows))
        if any(is_interrupted(r) for r in rows):
            text += " " + self.tr(
                "Calls marked “outcome unknown (interrupted)” got no answer because the app "
                "closed during them: check those campaigns in Wolkvox before trying again."
            )
        self.statusLabel.setText(text)
        self.loaded.emit(len(rows))

    @Slot(int, str)
    def _on_query_failed(self, serial: int, _detail: str) -> None:
        if serial != self._serial or self._closing:
            return
        self.statusLabel.setText(
            self.tr("The history could not be read. Try again; if it keeps failing, restart "
                    "the app.")
        )
        self.loaded.emit(-1)

    def _fill_operations(self, operations: list[Operation]) -> None:
        self._operations_loaded = True
        current = self.operationCombo.currentData()
        self.operationCombo.blockSignals(True)
        try:
            while self.operationCombo.count() > 1:
                self.operationCombo.removeItem(1)
            servers = {op.server for op in operations}
            if current and current not in servers:
                self.operationCombo.addItem(current, current)
            for op in operations:
                label = f"{op.label} · {op.server}" if op.label else op.server
                self.operationCombo.addItem(label, op.server)
            index = self.operationCombo.findData(current) if current else 0
            self.operationCombo.setCurrentIndex(max(0, index))
        finally:
            self.operationCombo.blockSignals(False)

    # ---- copy ----
    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})

    @Slot()
    def copy_selected_rows(self) -> str:
        """Copy the selected rows (tab-separated) to the clipboard and return the text."""
        text = self.model.rows_as_text(self.selected_rows())
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    # ---- export ----
    @Slot()
    def _ask_export(self) -> None:
        suggested = f"wolkvox-history-{date.today():%Y%m%d}.csv"
        path, _selected = QFileDialog.getSaveFileName(
            self, self.tr("Export history"), suggested, self.tr("CSV files (*.csv)")
        )
        if path:
            if not path.lower().endswith(".csv"):
                path += ".csv"
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write every call matching the current filter (not only those shown) to ``path``,
        off the GUI thread; ``exported(path)`` or ``exportFailed(sentence)`` follows."""
        from wolkvox_desktop.core.history_export import export_history_csv

        wanted = self.current_filter()

        def write() -> int:
            rows = wanted.query(self._get_store(), None)
            return int(export_history_csv(rows, path) or 0)

        self._export_serial += 1
        self._pending_export = path
        self.exportButton.setEnabled(False)
        self.statusLabel.setText(self.tr("Exporting…"))
        self._pool.start(_Task(self._export_signals, self._export_serial, write))

    @Slot(int, object)
    def _on_export_done(self, serial: int, _count: object) -> None:
        if self._closing or serial != self._export_serial:
            return
        self.exportButton.setEnabled(True)
        path = self._pending_export
        self.statusLabel.setText(self.tr("History saved to {path}.").format(path=str(path)))
        self.exported.emit(str(path))

    @Slot(int, str)
    def _on_export_failed(self, serial: int, _detail: str) -> None:
        if self._closing or serial != self._export_serial:
            return
        self.exportButton.setEnabled(True)
        sentence = self.tr(
            "The file could not be written. Choose another folder or close the file if it "
            "is open in another program, then export again."
        )
        self.statusLabel.setText(sentence)
        self.exportFailed.emit(sentence)

    # ---- Wolkvox's own count ----
    @Slot()
    def check_with_wolkvox(self) -> None:
        """Ask Wolkvox for today's token use (costs one token), off the GUI thread."""
        if self._open_service is None or self._closing:
            return
        opener, closer = self._open_service, self._close_service

        def check() -> CallResult:
            try:
                service = opener()
            except InvalidInput as exc:
                return CallResult.invalid(exc)
            self._check_service = service
            try:
                if self._closing:
                    return CallResult(Outcome.INVALID, Reason.CANCELLED, "Closed.")
                return service.token_info()
            finally:
                self._check_service = None
                closer(service)

        self.checkTokensButton.setEnabled(False)
        self.tokenLabel.setText(self.tr("Asking Wolkvox…"))
        self._check_pool.start(_Task(self._check_signals, 0, check))

    @Slot(int, object)
    def _on_check_done(self, _serial: int, result: object) -> None:
        if self._closing:
            return
        self.checkTokensButton.setEnabled(True)
        self.tokenLabel.setText(messages.token_info_sentence(result))
        self.tokenInfoShown.emit(result)
        self.refresh()  # the check itself is a new history row

    @Slot(int, str)
    def _on_check_failed(self, _serial: int, _detail: str) -> None:
        if self._closing:
            return
        self.checkTokensButton.setEnabled(True)
        self.tokenLabel.setText(messages.reason_sentence("unexpected") or "")

    # ---- shutdown ----
    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self, wait_ms: int = 3000) -> None:
        """Stop background work: abort a token check, wait (bounded) for queries."""
        if self._closing:
            return
        self._closing = True
        self._debounce.stop()
        service = self._check_service
        if service is not None:
            try:
                service.client.abort()
            except Exception:  # never let closing fail
                log.exception("aborting the token check failed")
        self._pool.clear()
        done = self._pool.waitForDone(wait_ms)
        done = self._check_pool.waitForDone(wait_ms) and done
        if done and self._owned_store is not None:
            try:
                self._owned_store.close()
            except Exception:
                log.exception("closing the history's store failed")
            self._owned_store = None
