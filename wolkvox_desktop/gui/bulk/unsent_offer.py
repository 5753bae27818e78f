"""The campaigns a stopped run never sent, offered once when the window shows the operation
again: "6 campaigns of the last run were not sent — start them now?"

The core finds them (``core.bulk_unsent``: the history's not-sent rows of the
newest stopped run, minus those called since). Yes opens the bulk dialog with them (its
usual confirmation, token cost and progress); either answer is remembered for that run in
the window's settings file, so the question never comes back for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from wolkvox_desktop.core.bulk_unsent import UnsentRun, unsent_from_last_run
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.gui.jobs import Lane

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations
    from wolkvox_desktop.gui.worker import WorkerHandle

OFFERED_KEY = "ui/unsent_offered/{server}"  # the newest not-sent row already offered
BOX_NAME = "unsentOfferBox"


class UnsentOffer(QObject):
    """Asks once per stopped run and operation; ``box`` is the question while it is open.

    ``current_server`` says which operation the window shows; ``open_bulk`` opens the bulk
    dialog (the window's bulk controls) for an action and campaigns."""

    def __init__(
        self,
        window: QWidget,
        handle: WorkerHandle,
        settings: QSettings,
        current_server: Callable[[], str | None],
        open_bulk: Callable[[Action, list[object]], object],
    ) -> None:
        super().__init__(window)
        self.window_ = window
        self.handle = handle
        self.settings = settings
        self._current_server = current_server
        self._open_bulk = open_bulk
        self.box: QMessageBox | None = None
        self._asked: set[str] = set()  # operations looked at in this session

    @Slot()
    def check(self) -> None:
        """Look (once per operation and session) for campaigns the last run never sent."""
        server = self._current_server()
        if server is None or server in self._asked:
            return
        self._asked.add(server)
        self.handle.submit(
            lambda ops: _unsent(ops, server), lane=Lane.STORE, owner=self,
            done=lambda value: self._offer(server, value),
            what="looking for campaigns a stopped run never sent",
        )

    def _offer(self, server: str, found: Any) -> None:
        if not isinstance(found, UnsentRun):  # none, or a JobFailed (logged)
            return
        key = OFFERED_KEY.format(server=server)
        try:
            offered = int(self.settings.value(key, 0))
        except (TypeError, ValueError):
            offered = 0
        if found.last_row <= offered or self.box is not None:
            return
        if server != self._current_server():
            return
        self.settings.setValue(key, found.last_row)  # asked: never again for this run
        self.settings.sync()
        self._ask(found)

    def _ask(self, found: UnsentRun) -> None:
        count = len(found.items)
        box = QMessageBox(self.window_)
        box.setObjectName(BOX_NAME)
        box.setIcon(QMessageBox.Icon.Question)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if found.action is Action.START:
            box.setWindowTitle(self.tr("Campaigns not started"))
            box.setText(self.tr(
                "%n campaign(s) of the last run were not sent — start them now?", "", count))
            go_text = self.tr("Start them…")
        else:
            box.setWindowTitle(self.tr("Campaigns not stopped"))
            box.setText(self.tr(
                "%n campaign(s) of the last run were not sent — stop them now?", "", count))
            go_text = self.tr("Stop them…")
        box.setInformativeText(", ".join(item.campaign_id for item in found.items))
        go = box.addButton(go_text, QMessageBox.ButtonRole.AcceptRole)
        go.setObjectName("unsentGoButton")
        later = box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        later.setObjectName("unsentLaterButton")
        box.setDefaultButton(go)
        box.setEscapeButton(later)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def answered(_result: int) -> None:
            self.box = None
            if box.clickedButton() is go:
                self._open_bulk(found.action, self._named(found))

        box.finished.connect(answered)
        self.box = box
        box.open()

    def _named(self, found: UnsentRun) -> list[object]:
        """The campaigns as the window's list knows them (names, last known status)."""
        model = getattr(self.window_, "campaignModel", None)
        out: list[object] = []
        for item in found.items:
            row = model.row_of(item.campaign_id) if model is not None else -1
            saved = model.campaign_at(row) if row >= 0 else None
            out.append(saved if saved is not None else item)
        return out


def _unsent(ops: Operations, server: str) -> UnsentRun | None:
    return unsent_from_last_run(ops.store, server)
