"""The History window: every call the app made, filtered, sorted, copied and exported.

Made of :class:`~.filters.HistoryFilterBar` (what to show), :class:`~.table.HistoryTable`
over :class:`~.model.HistoryTableModel` sorted by :class:`~.model.HistorySortProxy`, and
:class:`~.token_check.TokenCheck`. It holds no thread and no store of its own: queries,
exports and the token check are jobs of the main window's :class:`WorkerHandle`
(``handle.submit``), answered on the GUI thread. An answer to a filter that has changed
since is dropped; a job that failed ends in a sentence here.

Keys: Tab walks the filters, the table (once: not its cells), *Check with Wolkvox* and the
buttons, in the order they are read; each button has its Alt letter, Ctrl+C copies the
selected rows, Enter (or a double click) on a row shows its raw answer when it has one.

Signals: ``loaded(int)`` after each query is shown (row count, ``-1`` when it failed),
``exported(str)`` with the written path, ``exportFailed(str)`` with the sentence shown,
``tokenInfoShown(object)`` with the ``CallResult`` of a "Check with Wolkvox".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core.store import HistoryRow, Operation
from wolkvox_desktop.gui.history import columns
from wolkvox_desktop.gui.history.export import (
    ExportDone,
    ExportProblem,
    ExportRequest,
    ask_export_path,
    documents_folder,
    export_job,
)
from wolkvox_desktop.gui.history.filters import HistoryFilter, HistoryFilterBar
from wolkvox_desktop.gui.history.model import HistorySortProxy, HistoryTableModel
from wolkvox_desktop.gui.history.table import HistoryTable
from wolkvox_desktop.gui.history.token_check import TokenCheck
from wolkvox_desktop.gui.jobs import Lane
from wolkvox_desktop.gui.local_format import number

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations
    from wolkvox_desktop.gui.worker import WorkerHandle

MAX_ROWS_SHOWN = 10_000
DEBOUNCE_MS = 250


class HistoryWindow(QDialog):
    """The history of calls (non-modal); see the module docstring for its signals.

    ``handle`` is the main window's worker handle; ``server`` the operation to show first
    (and to ask Wolkvox about).
    """

    loaded = Signal(int)
    exported = Signal(str)
    exportFailed = Signal(str)  # noqa: N815 - Qt naming
    tokenInfoShown = Signal(object)  # noqa: N815 - Qt naming

    def __init__(
        self,
        handle: WorkerHandle,
        parent: QWidget | None = None,
        *,
        server: str | None = None,
        max_rows: int = MAX_ROWS_SHOWN,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyWindow")
        self.setWindowTitle(self.tr("Activity history"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._handle = handle
        self._max_rows = max_rows
        self._query = 0  # the newest query; older answers are dropped
        self._have_operations = False
        self._closing = False
        self._export_folder = documents_folder()
        self._build(server)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.filters.changed.connect(self._filter_changed)
        self.tokenCheck.set_server(self.filters.server())
        self.refresh()

    # ---- layout ----
    def _build(self, server: str | None) -> None:
        self.filters = HistoryFilterBar(server, self)
        self.model = HistoryTableModel(self)
        self.proxy = HistorySortProxy(self.model, self)
        self.table = HistoryTable(self.proxy, self)

        self.statusLabel = QLabel(self)
        self.statusLabel.setObjectName("historyStatusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tokenCheck = TokenCheck(self._handle, self)
        self.tokenCheck.checked.connect(self._on_token_checked)
        self.checkTokensButton = self.tokenCheck.button
        self.tokenLabel = self.tokenCheck.label

        self.rawButton = self._button("historyRawButton", self.tr("Ra&w answer…"),
                                      self.show_raw_answer)
        self.rawButton.setToolTip(self.tr(
            "The selected call's answer exactly as it came (a web page in its place is "
            "summarised in the table). Enter or a double click on the row shows it too."))
        self.copyButton = self._button("historyCopyButton", self.tr("&Copy rows"),
                                       self.copy_selected_rows)
        self.copyButton.setToolTip(
            self.tr("Copy the selected rows, with the column names, as text (Ctrl+C)")
        )
        self.refreshButton = self._button("historyRefreshButton", self.tr("&Refresh"),
                                          self.refresh)
        self.exportButton = self._button("historyExportButton", self.tr("&Export…"),
                                         self._ask_export)
        self.exportButton.setToolTip(self.tr(
            "Save every call that matches the filters (not only the selection): a workbook "
            "for Excel, or a CSV file for other tools"
        ))
        self.closeButton = close = self._button("historyCloseButton", self.tr("Close"),
                                                self.close)
        close.setToolTip(self.tr("Close the history (Esc)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.rawButton)
        buttons.addStretch(1)
        for button in (self.copyButton, self.refreshButton, self.exportButton, close):
            buttons.addWidget(button)
        self.table.selectionModel().selectionChanged.connect(self._update_raw)
        self.table.rowActivated.connect(self.show_raw_answer)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.statusLabel)
        layout.addWidget(self.tokenCheck)
        layout.addLayout(buttons)
        self.resize(1000, 560)
        # Tab follows the reading order: the filters, the table, the check, the buttons
        chain = [*self.filters.focus_chain(), self.table, self.checkTokensButton,
                 self.rawButton, self.copyButton, self.refreshButton, self.exportButton, close]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._update_raw()
        self.table.setFocus()

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # ---- queries ----
    def current_filter(self) -> HistoryFilter:
        return self.filters.current()

    @Slot()
    def _filter_changed(self) -> None:
        self.tokenCheck.set_server(self.filters.server())
        self._debounce.start()

    @Slot()
    def refresh(self) -> None:
        """Ask the store again with the current filter (a job; the answer is shown unless
        the filter changed meanwhile)."""
        if self._closing:
            return
        self._debounce.stop()
        self._query += 1
        serial, wanted, limit = self._query, self.current_filter(), self._max_rows
        need_operations = not self._have_operations

        def query(ops: Operations) -> tuple[list[HistoryRow], list[Operation] | None]:
            rows = wanted.query(ops.store, limit)
            return rows, (ops.store.operations() if need_operations else None)

        self.statusLabel.setText(self.tr("Loading…"))
        self._handle.submit(query, lane=Lane.BACKGROUND, owner=self, what="reading the history",
                            done=lambda value: self._on_rows(serial, value))

    def _on_rows(self, serial: int, value: Any) -> None:
        if serial != self._query or self._closing:
            return  # a newer filter is on its way
        if not isinstance(value, tuple):  # JobFailed: the log has the details
            self.statusLabel.setText(self._unreadable())
            self.loaded.emit(-1)
            return
        rows, operations = value
        if operations is not None:
            self._have_operations = True
            self.filters.set_operations(operations)
        self.model.set_rows(rows)
        self.table.rows_changed()
        self.statusLabel.setText(self._status_text(rows))
        self.loaded.emit(len(rows))

    def _unreadable(self) -> str:
        return self.tr(
            "The history could not be read. Try again; if it keeps failing, restart the app."
        )

    def _status_text(self, rows: list[HistoryRow]) -> str:
        if len(rows) >= self._max_rows:
            text = self.tr(
                "Showing the newest {count} calls only; narrow the dates or filters to see "
                "older ones."
            ).format(count=number(len(rows)))
        else:
            text = self.tr("%Ln call(s) shown.", "", self.model.rowCount())
        if any(columns.is_interrupted(r) for r in rows):
            text += " " + self.tr(
                "Calls marked “outcome unknown (interrupted)” got no answer because the app "
                "closed during them: check those campaigns in Wolkvox before trying again."
            )
        return text

    # ---- copy ----
    def selected_rows(self) -> list[HistoryRow]:
        """The selected calls, in the order shown."""
        return self.table.selected_rows()

    @Slot()
    def copy_selected_rows(self) -> str:
        """Copy the selected rows, under a header line, to the clipboard; return the text."""
        return self.table.copy_selected_rows()

    # ---- the raw answer ----
    @Slot()
    def _update_raw(self) -> None:
        self.rawButton.setEnabled(bool(self._raw_of_selection()))

    def _raw_of_selection(self) -> str:
        rows = self.selected_rows()
        if len(rows) != 1:
            return ""
        raw = columns.value(rows[0], columns.RAW)
        return raw if isinstance(raw, str) else ""

    @Slot()
    def show_raw_answer(self) -> QDialog | None:
        """The selected call's answer as it came (when the table shows a summary of it)."""
        raw = self._raw_of_selection()
        if not raw:
            return None
        dialog = QDialog(self)
        dialog.setObjectName("historyRawDialog")
        dialog.setWindowTitle(self.tr("Raw answer"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        text = QPlainTextEdit(dialog)
        text.setObjectName("historyRawText")
        text.setReadOnly(True)
        text.setPlainText(raw)
        text.setAccessibleName(self.tr("Raw answer"))
        close = QPushButton(self.tr("Close"), dialog)
        close.setDefault(True)
        close.clicked.connect(dialog.accept)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(self.tr("The answer exactly as the server sent it:"), dialog))
        layout.addWidget(text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        dialog.resize(640, 360)
        dialog.open()
        text.setFocus()
        return dialog

    # ---- export ----
    @Slot()
    def _ask_export(self) -> None:
        path = ask_export_path(self, self._export_folder)
        if path is not None:
            self._export_folder = path.parent
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write every call matching the current filter (not only those shown) to ``path``
        (``.csv``: CSV; otherwise a workbook), as a job; ``exported(path)`` or
        ``exportFailed(sentence)`` follows."""
        request = ExportRequest.for_path(Path(path))
        self.exportButton.setEnabled(False)
        self.statusLabel.setText(self.tr("Exporting…"))
        self._handle.submit(export_job(request, self.current_filter()), lane=Lane.BACKGROUND,
                            done=self._on_exported, owner=self, what="exporting the history")

    def _on_exported(self, value: Any) -> None:
        if self._closing:
            return
        self.exportButton.setEnabled(True)
        if isinstance(value, ExportDone):
            self.statusLabel.setText(self.tr("History saved to {path}.").format(
                path=str(value.path)))
            self.exported.emit(str(value.path))
            return
        if isinstance(value, ExportProblem):
            sentence = self.tr(
                "The file could not be written. Choose another folder or close the file if "
                "it is open in another program, then export again."
            )
        else:  # JobFailed: reading the history went wrong (the log has the details)
            sentence = self._unreadable()
        self.statusLabel.setText(sentence)
        self.exportFailed.emit(sentence)

    # ---- Wolkvox's own count ----
    @Slot()
    def check_with_wolkvox(self) -> None:
        """Ask Wolkvox for today's token use of the operation chosen (costs one token)."""
        if not self._closing:
            self.tokenCheck.check()

    def _on_token_checked(self, result: object) -> None:
        if self._closing:
            return
        self.tokenInfoShown.emit(result)
        self.refresh()  # the check itself is a new history row

    # ---- closing ----
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self._stop()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._stop()  # Esc, or a caller's accept/reject
        super().done(result)

    def _stop(self) -> None:
        """No answer is shown after this. The jobs belong to the worker: a query or an
        export ends on its own, and the app's closing aborts a check in flight."""
        self._closing = True
        self._debounce.stop()
