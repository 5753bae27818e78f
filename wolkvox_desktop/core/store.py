"""One SQLite file: operations, saved campaigns, and the append-only call history.
CONTRACT STUB: public names and signatures are fixed here.

WAL mode; migrations versioned with ``PRAGMA user_version``. A history row is written
*before* the request (outcome ``pending``) and completed after, so a crash mid-call leaves
it visibly pending (shown as ``unknown``). The token is never stored here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from wolkvox_desktop.core.campaigns import Action, Campaign, CampaignType
from wolkvox_desktop.core.errors import CallResult

PENDING = "pending"


@dataclass(frozen=True)
class Operation:
    server: str  # validated server code, e.g. "0032"
    label: str = ""
    licenses: int = 1  # daily budget = licenses x 1000
    timeout_s: float = 60.0
    max_in_flight: int = 1  # 1 or 2


@dataclass(frozen=True)
class SavedCampaign:
    server: str
    campaign: Campaign
    manual: bool  # added by hand (True) or from information.php?api=campaigns (False)
    last_action: str | None = None  # "start" / "stop"
    last_outcome: str | None = None  # Outcome value or "pending"
    last_at: datetime | None = None


@dataclass(frozen=True)
class HistoryRow:
    id: int
    started_at: datetime  # local, timezone-aware
    server: str
    action: str  # "start" | "stop" | "campaigns" | "token_info"
    campaign_id: str | None
    campaign_type: str | None
    outcome: str  # Outcome value, or "pending"
    reason: str | None
    http_status: int | None
    code: int | None
    error: str | None
    msg: str | None
    duration_ms: int | None
    finished_at: datetime | None


class Store:
    """Thread-safe (one connection per thread, or a lock); ``Store(path)`` opens/migrates."""

    def __init__(self, path: Path) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # operations
    def upsert_operation(self, op: Operation) -> None:
        raise NotImplementedError

    def operations(self) -> list[Operation]:
        raise NotImplementedError

    def operation(self, server: str) -> Operation | None:
        raise NotImplementedError

    def delete_operation(self, server: str) -> None:
        raise NotImplementedError

    # campaigns
    def replace_api_campaigns(self, server: str, campaigns: list[Campaign]) -> None:
        """Replace the campaigns listed by Wolkvox (manual ones are kept); records the refresh
        time for ``campaigns_refreshed_at``."""
        raise NotImplementedError

    def add_manual_campaign(self, server: str, campaign: Campaign) -> None:
        raise NotImplementedError

    def remove_manual_campaign(self, server: str, campaign_id: str) -> None:
        raise NotImplementedError

    def campaigns(self, server: str) -> list[SavedCampaign]:
        raise NotImplementedError

    def campaigns_refreshed_at(self, server: str) -> datetime | None:
        raise NotImplementedError

    def set_campaign_status(self, server: str, campaign_id: str, status: str) -> None:
        raise NotImplementedError

    # history
    def begin_call(
        self,
        server: str,
        action: Action | str,
        campaign_id: str | None = None,
        campaign_type: CampaignType | str | None = None,
    ) -> int:
        """Insert a ``pending`` row (committed before the request) and return its id."""
        raise NotImplementedError

    def finish_call(self, row_id: int, result: CallResult) -> None:
        raise NotImplementedError

    def history(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        server: str | None = None,
        campaign_id: str | None = None,
        action: str | None = None,
        outcome: str | None = None,
        limit: int | None = None,
    ) -> list[HistoryRow]:
        """Newest first."""
        raise NotImplementedError

    def calls_today(self, server: str, now: datetime | None = None) -> int:
        """Calls (every kind, each costs a token) since local midnight for this operation."""
        raise NotImplementedError
