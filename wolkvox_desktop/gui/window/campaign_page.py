"""The campaign page: the filter row, the campaign list, what to act on and the actions,
the answer to the last action, and the status panel below a splitter.

Keys: Down, Enter or Return in the filter go into the list (its first row highlighted).
"""

from __future__ import annotations

from itertools import count
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.gui.local_format import moment, number
from wolkvox_desktop.gui.window.action_rows import ActionRows
from wolkvox_desktop.gui.window.action_target import ActionTarget
from wolkvox_desktop.gui.window.campaign_model import (
    CampaignFilterProxy,
    CampaignTableModel,
    unconfirmed_marks,
)
from wolkvox_desktop.gui.window.campaign_table import CampaignTable
from wolkvox_desktop.gui.window.control import control
from wolkvox_desktop.gui.window.result_line import ResultLine
from wolkvox_desktop.gui.window.status_panel import StatusPanel

if TYPE_CHECKING:
    from datetime import datetime

    from wolkvox_desktop.core.errors import CallResult
    from wolkvox_desktop.gui.calls import OperationState

_translate = QCoreApplication.translate  # the window's context (see top_bar)

INTO_THE_LIST = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CampaignPage(QWidget):
    """Public parts: ``campaignFilter``, ``countLabel``, ``lastRefreshLabel``,
    ``refreshButton``, ``campaignModel``, ``campaignProxy``, ``campaignTable``, ``rows``
    (:class:`ActionRows`), ``target`` (:class:`ActionTarget`), ``resultLine``,
    ``statusPanel``, ``splitter``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignPage")
        self.campaignFilter = control(
            QLineEdit(), "campaignFilter", _translate("MainWindow", "Filter campaigns"),
            _translate("MainWindow", "Ctrl+F. Down or Enter goes into the list."),
        )
        self.campaignFilter.setPlaceholderText(_translate("MainWindow", "Filter campaigns…"))
        self.campaignFilter.setClearButtonEnabled(True)
        self.campaignFilter.setMinimumWidth(140)
        self.campaignFilter.setMaximumWidth(360)
        self.countLabel = QLabel()
        self.countLabel.setObjectName("campaignCountLabel")
        self.lastRefreshLabel = control(
            QLabel(), "lastRefreshLabel", _translate("MainWindow", "Campaign list last updated"),
            _translate(
                "MainWindow",
                "Refreshing the list costs one token. It refreshes by itself at most every "
                "5 minutes while the window is open.",
            ),
        )
        self.refreshButton = control(
            QPushButton(_translate("MainWindow", "&Refresh")), "refreshButton",
            _translate("MainWindow", "Refresh the campaign list"),
            _translate("MainWindow", "Ask Wolkvox for the campaign list (F5). Costs one token."),
        )
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.campaignFilter, 2)
        filter_row.addWidget(self.countLabel)
        filter_row.addStretch(1)
        filter_row.addWidget(self.lastRefreshLabel)
        filter_row.addWidget(self.refreshButton)

        self.campaignModel = CampaignTableModel(self)
        self.campaignProxy = CampaignFilterProxy(self)
        self.campaignProxy.setSourceModel(self.campaignModel)
        self.campaignTable = CampaignTable(self.campaignModel, self.campaignProxy)
        self.rows = ActionRows()
        self.target = ActionTarget(self.campaignTable, self.rows.campaignIdEdit,
                                   self.rows.typeCombo, self.rows.campaignNameEdit)
        self.resultLine = ResultLine()
        self.statusPanel = StatusPanel()

        upper = QWidget()
        up = QVBoxLayout(upper)
        up.setContentsMargins(0, 0, 0, 0)
        up.setSpacing(6)
        up.addLayout(filter_row)
        up.addWidget(self.campaignTable, 1)
        up.addWidget(self.rows)
        up.addWidget(self.resultLine)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.statusPanel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.campaignFilter.textChanged.connect(self._on_filter)
        self.campaignModel.modelReset.connect(self._count)
        self._count()
        self._local_keys = count(1)
        self.show_refreshed(None)

    # ---- what the worker says ----
    def show_state(self, state: OperationState, keep: list[str]) -> None:
        """An operation's campaigns (highlighting ``keep``), their unconfirmed statuses,
        the list's age and the history."""
        from wolkvox_desktop.gui.window.status_entry import StatusEntry

        marks = unconfirmed_marks(state.campaigns, state.refreshed_at)
        self.campaignModel.set_unconfirmed(marks)
        self.campaignModel.set_in_flight({
            row.campaign_id: row.action for row in state.history
            if row.id in state.active_rows and row.campaign_id
            and row.action in ("start", "stop")
        })
        if self.campaignModel.set_campaigns(state.campaigns) or self.target.next_highlight:
            self.target.after_reset(keep)
        else:
            self.target.changed.emit()  # a status or a name may have changed
        self.show_refreshed(state.refreshed_at)
        self.resultLine.offer_check(len(marks))
        from wolkvox_desktop.gui.call_groups import group_calls  # after the first frame

        self.statusPanel.set_history(
            [StatusEntry.from_group(group, state.active_rows)
             for group in group_calls(state.history, not_sent=True)]  # fmt: skip
        )

    def clear(self) -> None:
        """Another operation: nothing of the last one stays in view."""
        self.campaignModel.set_unconfirmed({})
        self.campaignModel.set_campaigns([])
        self.statusPanel.clear_local()
        self.statusPanel.set_history([])
        self.show_refreshed(None)
        self.resultLine.clear()
        self.resultLine.offer_check(0)

    def show_local(self, server: str, action: str, campaign_id: str | None,
                   result: CallResult) -> None:
        """A call refused before sending: the history does not keep it, the panel does."""
        from wolkvox_desktop.gui.window.status_entry import StatusEntry

        entry = StatusEntry.from_result(
            f"l:{next(self._local_keys)}", server, action, campaign_id, result
        )
        self.statusPanel.add_local(entry)
        self.resultLine.show_result(result.outcome.value, entry.sentence())

    def update_actions(self, *, has_operation: bool, busy: bool, actions: set[str],
                       busy_ids: set[str]) -> None:
        """Enable, name and mark busy the actions: ``actions`` (``start``, ``stop``,
        ``campaigns``) of ``busy_ids`` are in flight; while ``busy`` nothing else goes."""
        can_act = has_operation and not busy
        target = self.target.target()
        if not can_act:
            self.keep_focus_on_the_list(self.refreshButton, self.resultLine.checkNowButton,
                                        self.rows.startButton, self.rows.stopButton,
                                        *self.rows.bulk_buttons())
        in_flight = target.saved is not None and self.campaignModel.in_progress(target.saved)
        self.rows.show_target(target, enabled=can_act, in_flight=in_flight)
        self.rows.show_busy(actions)
        self.rows.hold_bulk(busy)
        self.refreshButton.setEnabled(can_act)
        self.resultLine.checkNowButton.setEnabled(can_act)
        self.refreshButton.setText(
            _translate("MainWindow", "Refreshing…") if "campaigns" in actions
            else _translate("MainWindow", "&Refresh")
        )
        self.rows.addCampaignButton.setEnabled(has_operation and bool(target.campaign_id))
        selected = self.campaignTable.current_campaign()
        self.rows.removeCampaignButton.setEnabled(
            has_operation and selected is not None and selected.manual
        )
        self.campaignModel.set_busy(busy_ids)

    def keep_focus_on_the_list(self, *about_to_be_disabled: QWidget) -> None:
        """A button with the focus that is about to be disabled hands it to the list:
        left to Qt, it goes to the next field, the campaign's name, all selected (one key
        would replace it)."""
        focused = self.window().focusWidget()
        if focused is not None and focused in about_to_be_disabled:
            self.campaignTable.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- the filter ----
    @Slot(str)
    def _on_filter(self, text: str) -> None:
        self.campaignProxy.set_filter_text(text)
        self._count()
        self.target.after_filter()

    def focus_filter(self) -> None:
        self.campaignFilter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.campaignFilter.selectAll()

    def install_keys(self) -> None:
        """Down, Enter or Return in the filter go into the list (the window calls this just
        after its first frame: an event filter sees every event of the field)."""
        self.campaignFilter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            watched is self.campaignFilter
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in INTO_THE_LIST
            and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.ShiftModifier)
        ):
            if self.campaignTable.select_first():
                self.campaignTable.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def _count(self) -> None:
        total = self.campaignModel.rowCount()
        shown = self.campaignProxy.rowCount()
        # self.tr, not _translate: lupdate records plural forms only for tr()
        if shown == total:
            text = self.tr("%Ln campaign(s)", "", total)
        else:
            # the count that agrees with the verb is the one shown ("Se muestra 1 de 40")
            text = self.tr("%Ln of {total} campaign(s) shown", "", shown).format(
                total=number(total))
        self.countLabel.setText(text if total else "")

    # ---- the list's age ----
    def show_refreshed(self, at: datetime | None) -> None:
        if at is None:
            self.lastRefreshLabel.setText(_translate("MainWindow", "Not updated yet"))
        else:
            text = _translate("MainWindow", "Updated {0}").format(moment(at))
            self.lastRefreshLabel.setText(text)
