"""The main window's *Start selected*, *Stop selected* and *History…* buttons, and the
windows they open.

:func:`install_bulk_and_history` adds them once the window is on screen. They use the
window's public parts only: ``campaignTable`` (rows carry the ``SavedCampaign`` under
``CampaignRole``), ``stopButton``/``settingsButton`` (where the buttons go),
``operationCombo``, ``current_server()``, ``show_result()`` and ``handle`` (the
``WorkerHandle``: the one way to background work).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QPushButton,
    QWidget,
)

from wolkvox_desktop.core.bulk_run import BulkSummary
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.gui.bulk.dialog import BulkDialog
from wolkvox_desktop.gui.bulk.summary import worst_ending
from wolkvox_desktop.gui.local_format import number
from wolkvox_desktop.gui.window.placement import place_beside


class BulkControls(QObject):
    """The buttons and the dialogs they open; a child of the main window.

    Closing the window during a run asks first (*Stop after this call*: the window closes
    once the run has stopped; *Keep running*); closing it again meanwhile, or the app
    quitting, stops the run at once before the worker goes.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("bulkControls")
        self.window_ = window
        self.handle: Any = window.handle  # type: ignore[attr-defined]
        self.bulk_dialog: BulkDialog | None = None
        self.history_window: QWidget | None = None
        self._close_after_run = False
        table = window.campaignTable  # type: ignore[attr-defined]
        self.table = table
        if table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection:
            table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.startSelectedButton = self._button(
            "startSelectedButton", "", self.tr("Start the selected campaigns"),
            self.tr("Start every selected campaign, one after the other (asks first)"))
        self.stopSelectedButton = self._button(
            "stopSelectedButton", "", self.tr("Stop the selected campaigns"),
            self.tr("Stop every selected campaign, one after the other (asks first)"))
        self.historyButton = self._button(
            "historyButton", self.tr("&History…"), self.tr("Activity history"),
            self.tr("Every call made from this computer: filter, copy, export (Ctrl+H)"))
        place_beside(window, getattr(window, "stopButton", None),
               [self.startSelectedButton, self.stopSelectedButton])
        place_beside(window, getattr(window, "settingsButton", None), [self.historyButton],
               before=True)

        self.startSelectedButton.clicked.connect(self.start_selected)
        self.stopSelectedButton.clicked.connect(self.stop_selected)
        self.historyButton.clicked.connect(self.open_history)
        QShortcut(QKeySequence("Ctrl+H"), window).activated.connect(self.open_history)
        table.selectionModel().selectionChanged.connect(self._update)
        table.model().modelReset.connect(self._update)
        table.model().layoutChanged.connect(self._update)
        window.operationCombo.currentIndexChanged.connect(self._update)  # type: ignore[attr-defined]
        window.installEventFilter(self)
        self._update()
        # the campaigns a stopped run never sent: offered once when the operation shows
        from wolkvox_desktop.gui.bulk.unsent_offer import UnsentOffer
        from wolkvox_desktop.gui.qsettings import app_settings

        self.unsent_offer = UnsentOffer(
            window, self.handle, app_settings(), self._server, self.open_bulk
        )
        self.handle.worker.operationState.connect(self._on_operation_state)
        self.unsent_offer.check()

    @Slot(object)
    def _on_operation_state(self, state: object) -> None:
        if getattr(state, "server", None) == self._server():
            self.unsent_offer.check()

    def _button(self, name: str, text: str, accessible: str, tip: str) -> QPushButton:
        button = QPushButton(text, self.window_)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    # ---- state ----
    def selected_campaigns(self) -> list[object]:
        """The selected campaigns (``SavedCampaign``), in the order they were selected."""
        from wolkvox_desktop.gui.window.campaign_model import CampaignRole

        rows = self.table.selectionModel().selectedRows()
        return [saved for saved in (i.data(CampaignRole) for i in rows) if saved is not None]

    def _server(self) -> str | None:
        server = self.window_.current_server()  # type: ignore[attr-defined]
        return server if isinstance(server, str) and server else None

    @Slot()
    def _update(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        running = self.bulk_dialog is not None and self.bulk_dialog.is_running()
        # (during a single call the window's action rows hold both buttons disabled)
        enabled = count > 0 and self._server() is not None and not running
        page = getattr(self.window_, "campaignPage", None)
        if not enabled and page is not None:  # never the name field, all selected
            page.keep_focus_on_the_list(self.startSelectedButton, self.stopSelectedButton)
        self.startSelectedButton.setEnabled(enabled)
        self.stopSelectedButton.setEnabled(enabled)
        self.startSelectedButton.setText(
            self.tr("▶ Start selected ({count})").format(count=number(count))
            if count else self.tr("▶ Start selected"))
        self.stopSelectedButton.setText(
            self.tr("■ Stop selected ({count})").format(count=number(count))
            if count else self.tr("■ Stop selected"))

    # ---- the bulk dialog ----
    @Slot()
    def start_selected(self) -> BulkDialog | None:
        return self._open_bulk(Action.START)

    @Slot()
    def stop_selected(self) -> BulkDialog | None:
        return self._open_bulk(Action.STOP)

    def open_bulk(self, action: Action, campaigns: list[object]) -> BulkDialog | None:
        """The bulk dialog for these campaigns (the campaigns of the last run not sent)."""
        return self._open_bulk(action, campaigns)

    def _open_bulk(self, action: Action, campaigns: list[object] | None = None
                   ) -> BulkDialog | None:
        """The bulk dialog for ``campaigns`` (default: the selection)."""
        server = self._server()
        items = self.selected_campaigns() if campaigns is None else campaigns
        if server is None or not items:
            return None
        current = self.bulk_dialog
        if current is not None and current.is_running():
            current.raise_()
            current.activateWindow()
            return current
        if current is not None:
            current.close()
        label = self.window_.operationCombo.currentText() or server  # type: ignore[attr-defined]
        dialog = BulkDialog(action, items, self.handle, server, self.window_, server_label=label)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.itemStarted.connect(self._update)
        dialog.itemFinished.connect(self._show_state)
        dialog.listChecked.connect(self._show_state)  # a pause's Check now: the new list
        dialog.runFinished.connect(self._on_run_finished)
        dialog.finished.connect(self._on_bulk_closed)
        self.bulk_dialog = dialog
        dialog.show()
        self._update()
        return dialog

    @Slot()
    def _show_state(self) -> None:
        """The window's list, usage and panel follow each call of the run."""
        dialog = self.bulk_dialog
        if dialog is not None:
            self.handle.select_operation(dialog.server)

    @Slot(object)
    def _on_run_finished(self, _summary: BulkSummary) -> None:
        self._show_state()
        dialog = self.bulk_dialog
        counts = dialog.counts if dialog is not None else None
        if dialog is not None and counts is not None and dialog.server == self._server():
            # the result line tells the last run, not the single start before it
            show_result = self.window_.show_result  # type: ignore[attr-defined]
            show_result(worst_ending(counts), dialog.headline())
        self._update()
        if self._close_after_run:
            QTimer.singleShot(0, self.window_.close)

    @Slot(int)
    def _on_bulk_closed(self, _result: int) -> None:
        self.bulk_dialog = None
        self._update()
        focused = self.window_.focusWidget()
        if focused is None or isinstance(focused, QLineEdit):  # back to the list, not a field
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- the history ----
    @Slot()
    def open_history(self) -> QWidget:
        from wolkvox_desktop.gui.history import HistoryWindow

        if self.history_window is not None:
            self.history_window.raise_()
            self.history_window.activateWindow()
            return self.history_window
        window = HistoryWindow(self.handle, self.window_, server=self._server())
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.destroyed.connect(self._on_history_closed)
        self.history_window = window
        window.show()
        return window

    @Slot()
    def _on_history_closed(self) -> None:
        self.history_window = None

    # ---- closing ----
    def shutdown(self) -> None:
        """The window is closing: stop a bulk run at once and close the History."""
        if self.bulk_dialog is not None:
            self.bulk_dialog.close_now()
        if self.history_window is not None:
            self.history_window.close()

    @Slot()
    def _stop_then_close(self) -> None:
        self._close_after_run = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # getattr: during teardown the Python side may already be half gone
        if watched is not getattr(self, "window_", None) or event.type() != QEvent.Type.Close:
            return False
        dialog = self.bulk_dialog
        if dialog is not None and dialog.is_running() and not self._close_after_run:
            event.ignore()  # ask first; the window closes once the run has stopped
            dialog.show()
            dialog.raise_()
            dialog.ask_to_stop(window_closing=True, then=self._stop_then_close)
            return True
        # Before the window's own closeEvent stops its worker (and closes the store the
        # run writes to), end the run: cancel, abort the call in flight.
        self.shutdown()
        return False


def install_bulk_and_history(window: QWidget) -> BulkControls:
    """Add *Start selected*, *Stop selected* (``startSelectedButton``,
    ``stopSelectedButton``) and *History…* (``historyButton``) to the main window. Idempotent:
    a second call returns the controls already installed."""
    existing = window.findChild(BulkControls, "bulkControls")
    if isinstance(existing, BulkControls):
        return existing
    return BulkControls(window)
