"""The main window's own calls (a single start or stop of the named target, a list
refresh): at most one in flight per operation, sent through the worker, each answer shown
on the window's result line (and, for a call refused before sending, in its status panel).
Also its edits of the campaign list (a campaign added or removed by hand: no call).

The campaign ID and type are checked here, where they were typed (the layers below trust
the value); a campaign the filter hides is never acted on; stopping one the list shows as
started asks first, once (:mod:`~.confirmations`); and acting on one whose last start or
stop has an unknown outcome ("Started?") always asks first, offering *Check now*
(:mod:`~wolkvox_desktop.gui.resend_question`, the bulk run's rule too).

Signals: ``changed()`` (a call began or was answered: the buttons follow).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from wolkvox_desktop.core.campaigns import Action, Campaign, CampaignRef, CampaignStatus
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Notice, Outcome, Reason
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.calls import ActionRequest, CallDone, RefreshRequest
from wolkvox_desktop.gui.window.confirmations import (
    ask_over_budget,
    ask_to_stop,
    confirm_stop_wanted,
)

if TYPE_CHECKING:
    from wolkvox_desktop.gui.window.campaign_page import CampaignPage
    from wolkvox_desktop.gui.worker import WorkerHandle

_translate = QCoreApplication.translate  # the window's context (see top_bar)

Request = ActionRequest | RefreshRequest


class Shows(Protocol):
    """What the calls need of the window."""

    def current_server(self) -> str | None: ...
    def show_result(self, outcome: str, sentence: str, *, in_progress: bool = False) -> None: ...
    def show_local(self, server: str, action: str, campaign_id: str | None,
                   result: CallResult) -> None: ...


class WindowCalls(QObject):
    """``requests``: the calls in flight by id. ``state_due``: servers whose call was
    answered but whose fresh list and history have not arrived yet."""

    changed = Signal()

    def __init__(self, window: QWidget, handle: WorkerHandle, page: CampaignPage,
                 settings: QSettings) -> None:
        super().__init__(window)
        self.window_ = window
        self.handle = handle
        self.page = page
        self.settings = settings
        self.requests: dict[int, Request] = {}
        self.state_due: set[str] = set()
        self.closed = False
        self.stop_box: QMessageBox | None = None  # "Stop 3302 · …?" while it is open
        self.resend_box: QMessageBox | None = None  # "Outcome unknown…" while it is open
        handle.worker.callFinished.connect(self._on_call_finished)
        handle.worker.callNotice.connect(self._on_call_notice)

    @property
    def _shows(self) -> Shows:
        return self.window_  # type: ignore[return-value]

    # ---- what is in flight ----
    def is_busy(self) -> bool:
        return bool(self.requests) or bool(self.state_due)

    def busy(self, server: str | None) -> bool:
        return any(r.server == server for r in self.requests.values())

    def actions(self, server: str | None) -> set[str]:
        """``start``/``stop``/``campaigns`` in flight for ``server``."""
        return {r.action.value if isinstance(r, ActionRequest) else "campaigns"
                for r in self.requests.values() if r.server == server}  # fmt: skip

    def campaign_ids(self, server: str | None) -> set[str]:
        return {r.campaign_id for r in self.requests.values()
                if isinstance(r, ActionRequest) and r.server == server}  # fmt: skip

    # ---- the named target ----
    def named_campaign(self, server: str, action: Action) -> CampaignRef | None:
        """The campaign the ID field and type name, if it may be acted on; a typing
        problem is shown (nothing is sent), a campaign the filter hides is ``None``."""
        if self.page.target.target().hidden:
            return None
        raw_id = self.page.rows.campaignIdEdit.text()
        try:
            return CampaignRef.parse(raw_id, self.page.rows.typeCombo.currentData())
        except InvalidInput as exc:
            self._shows.show_local(server, action.value, raw_id.strip() or None,
                                   CallResult.invalid(exc))
            return None

    def start(self, server: str) -> None:
        campaign = None if self.busy(server) else self.named_campaign(server, Action.START)
        if campaign is not None and not self._asked_about_unknown(server, Action.START,
                                                                  campaign):
            self.start_or_stop(server, Action.START, campaign)

    def _asked_about_unknown(self, server: str, action: Action, campaign: CampaignRef) -> bool:
        """The last start or stop of the campaign has an unknown outcome: ask before
        sending (Check now / Send again / Cancel); True when asked (or already asking)."""
        target = self.page.target.target()
        if target.unconfirmed is None or target.campaign_id != campaign.id:
            return False
        if self.resend_box is None:
            from wolkvox_desktop.gui.resend_question import ask_before_resending

            refresh = getattr(self.window_, "refresh_campaigns", None)
            self.resend_box = ask_before_resending(
                self.window_, action=action.value, last_action=target.unconfirmed,
                campaign=target.label, on_check=lambda: refresh() if refresh else None,
                on_send=lambda: self.start_or_stop(server, action, campaign))
            self.resend_box.finished.connect(self._resend_answered)
        return True

    @Slot()
    def _resend_answered(self) -> None:
        self.resend_box = None

    def stop(self, server: str) -> None:
        """Stop the named campaign; one the list shows as started asks first (once)."""
        campaign = None if self.busy(server) else self.named_campaign(server, Action.STOP)
        if campaign is None or self._asked_about_unknown(server, Action.STOP, campaign):
            return
        target = self.page.target.target()
        if not (target.shown_started and confirm_stop_wanted(self.settings)):
            self.start_or_stop(server, Action.STOP, campaign)
        elif self.stop_box is None:  # asked once: a second Stop meanwhile adds nothing
            self.stop_box = ask_to_stop(self.window_, target.label, self.settings,
                                        lambda: self.start_or_stop(server, Action.STOP, campaign))
            self.stop_box.finished.connect(self._stop_answered)

    @Slot()
    def _stop_answered(self) -> None:
        self.stop_box = None

    # ---- the list kept on this computer (no call, no token) ----
    def add_campaign(self, server: str) -> None:
        rows = self.page.rows
        try:
            ref = CampaignRef.parse(rows.campaignIdEdit.text(), rows.typeCombo.currentData())
        except InvalidInput as exc:
            self._shows.show_local(server, "add", None, CallResult.invalid(exc))
            return
        name = rows.campaignNameEdit.text().strip()
        self.handle.add_campaign(
            server, Campaign(id=ref.id, name=name, type=ref.type, status=CampaignStatus.UNKNOWN)
        )
        self.page.target.next_highlight = ref.id
        self._shows.show_result(
            "ok", _translate("MainWindow", "Campaign {0} was added to your list.").format(ref.id)
        )

    def remove_campaign(self, server: str) -> None:
        selected = self.page.campaignTable.current_campaign()
        if selected is None or not selected.manual:
            return
        cid = selected.campaign.id
        self.handle.remove_campaign(server, cid)
        self._shows.show_result(
            "ok", _translate("MainWindow", "Campaign {0} was removed from your list.").format(cid)
        )

    # ---- sending ----
    def start_or_stop(self, server: str, action: Action, campaign: CampaignRef, *,
                      allow_over_budget: bool = False) -> None:
        if self.busy(server) or self.closed:
            return
        request = ActionRequest(self.handle.next_id(), server, action, campaign, allow_over_budget)
        self.requests[request.id] = request
        self.changed.emit()  # before anything else: a second click finds the buttons disabled
        self._shows.show_result(
            "pending",
            _translate("MainWindow", "Starting campaign {0}…").format(campaign.id)
            if action is Action.START
            else _translate("MainWindow", "Stopping campaign {0}…").format(campaign.id),
            in_progress=True,
        )
        self.handle.run_action(request)

    def refresh(self, server: str, *, automatic: bool) -> bool:
        if self.busy(server) or self.closed:
            return False
        request = RefreshRequest(self.handle.next_id(), server, automatic=automatic)
        self.requests[request.id] = request
        self.changed.emit()
        if not automatic:
            self._shows.show_result(
                "pending", _translate("MainWindow", "Asking Wolkvox for the campaign list…"),
                in_progress=True,
            )
        self.handle.refresh(request)
        return True

    # ---- answers ----
    @Slot(object)
    def _on_call_finished(self, done: CallDone) -> None:
        request = self.requests.pop(done.request.id, None)
        if request is None:
            return
        self.state_due.add(request.server)
        self.changed.emit()
        if request.server != self._shows.current_server() or self.closed:
            return
        result = done.result
        if isinstance(request, RefreshRequest) and request.automatic and result.ok:
            return  # a quiet background refresh: the last action's answer stays in view
        action = request.action.value if isinstance(request, ActionRequest) else "campaigns"
        cid = request.campaign_id if isinstance(request, ActionRequest) else None
        if result.outcome is Outcome.INVALID:
            self._shows.show_local(request.server, action, cid, result)
        else:
            self._shows.show_result(result.outcome.value, messages.describe(result, action, cid))
        if (isinstance(request, ActionRequest) and result.reason is Reason.BUDGET_EXHAUSTED
                and not request.allow_over_budget):
            ask_over_budget(self.window_, action, request.campaign_id, lambda: self.start_or_stop(
                request.server, request.action, request.campaign, allow_over_budget=True))

    @Slot(int, object)
    def _on_call_notice(self, request_id: int, notice: Notice) -> None:
        """A call still in flight waits (another call with the token, Wolkvox busy): say so."""
        request = self.requests.get(request_id)
        if request is None or request.server != self._shows.current_server() or self.closed:
            return
        self._shows.show_result("pending", messages.notice_sentence(notice), in_progress=True)
