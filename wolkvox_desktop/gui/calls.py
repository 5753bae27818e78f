"""What the window asks its worker, and what comes back: plain values, no Qt, no token."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

# where the worker finds its parts: in a module of its own, the window needs it before its
# first frame (the values above come after it)
from wolkvox_desktop.gui.worker_config import WorkerConfig

if TYPE_CHECKING:
    from wolkvox_desktop.core.campaigns import Action, CampaignRef
    from wolkvox_desktop.core.credentials import TokenSource
    from wolkvox_desktop.core.errors import CallResult
    from wolkvox_desktop.core.service import Usage
    from wolkvox_desktop.core.store import HistoryRow, Operation, SavedCampaign


@dataclass(frozen=True)
class ActionRequest:
    """Start or stop one campaign (checked where it was typed)."""

    id: int
    server: str
    action: Action
    campaign: CampaignRef
    allow_over_budget: bool = False

    @property
    def campaign_id(self) -> str:
        return self.campaign.id


@dataclass(frozen=True)
class RefreshRequest:
    """Ask Wolkvox for the campaign list (costs one token)."""

    id: int
    server: str
    allow_over_budget: bool = False
    automatic: bool = False  # the window's own 5-minute refresh, not a click

    action = "campaigns"
    campaign_id = None


@dataclass(frozen=True)
class CallDone:
    request: ActionRequest | RefreshRequest
    result: CallResult
    finished_at: datetime = field(default_factory=lambda: datetime.now().astimezone())


@dataclass(frozen=True)
class OperationState:
    """One operation as the window shows it: campaigns, refresh time, usage, history, and
    the history rows whose calls are still in flight."""

    server: str
    operation: Operation | None
    campaigns: list[SavedCampaign]
    refreshed_at: datetime | None
    usage: Usage
    history: list[HistoryRow]
    active_rows: frozenset[int]


@dataclass(frozen=True)
class OperationForm:
    """What Settings asks to save or test. ``token == ""``: keep (or use) the saved one."""

    server: str
    label: str
    token: str = field(repr=False)  # never in a repr, a log line or a traceback
    licenses: int
    timeout_s: float
    max_in_flight: int


@dataclass(frozen=True)
class SaveOutcome:
    """What the settings dialog's save ended in (``message`` is an English sentence)."""

    server: str
    ok: bool
    source: TokenSource | None
    message: str


__all__ = [
    "ActionRequest", "CallDone", "OperationForm", "OperationState", "RefreshRequest",
    "SaveOutcome", "WorkerConfig",
]
