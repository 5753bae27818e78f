"""One line of the status panel (:class:`StatusEntry`): a history row, or a call refused
locally. Its own module: the panel's first frame shows no line, so neither this dataclass
nor the sentences it needs are made before it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.outcome_look import outcome_words

if TYPE_CHECKING:
    from wolkvox_desktop.core.errors import CallResult


@dataclass(frozen=True)
class StatusEntry:
    """One line of the panel: a history row, or a call refused locally (never sent)."""

    key: str
    at: datetime
    server: str
    action: str
    campaign_id: str | None
    outcome: str  # an Outcome value, or "pending"
    reason: str | None = None
    http_status: int | None = None
    code: int | None = None
    error: str | None = None
    msg: str | None = None
    duration_ms: int | None = None
    message: str = ""  # the core's English sentence: fallback when no translation exists
    in_progress: bool = False

    @classmethod
    def from_history(cls, row: object, *, in_progress: bool = False) -> StatusEntry:
        """From a ``store.HistoryRow`` (duck-typed to keep this module light)."""
        outcome = str(getattr(row, "outcome", "unknown"))
        return cls(
            key="h:{}".format(getattr(row, "id", "")),
            at=getattr(row, "started_at", None) or datetime.now().astimezone(),
            server=str(getattr(row, "server", "")),
            action=str(getattr(row, "action", "")),
            campaign_id=getattr(row, "campaign_id", None),
            outcome=outcome,
            reason=getattr(row, "reason", None),
            http_status=getattr(row, "http_status", None),
            code=getattr(row, "code", None),
            error=getattr(row, "error", None),
            msg=getattr(row, "msg", None),
            duration_ms=getattr(row, "duration_ms", None),
            message=str(getattr(row, "message", None) or ""),
            in_progress=in_progress and outcome == "pending",
        )

    @classmethod
    def from_result(
        cls, key: str, server: str, action: str, campaign_id: str | None, result: CallResult,
        at: datetime | None = None,
    ) -> StatusEntry:
        return cls(
            key=key,
            at=at or datetime.now().astimezone(),
            server=server,
            action=action,
            campaign_id=campaign_id,
            outcome=result.outcome.value,
            reason=result.reason.value,
            http_status=result.http_status,
            code=result.code,
            error=result.error,
            msg=result.msg,
            duration_ms=result.duration_ms or None,
            message=result.message,
        )

    def sentence(self) -> str:
        if self.reason == "no_token" and "keyring" in self.message.lower():
            return messages.keyring_unreadable_sentence()
        return messages.describe_row(
            self.outcome, self.reason, self.action, self.campaign_id,
            fallback=self.message, in_progress=self.in_progress,
        )

    def label(self) -> str:
        return outcome_words(self.outcome, in_progress=self.in_progress)

    def raw_details(self) -> str:
        """Wolkvox's own code / error / msg, for whoever needs them."""
        parts: list[str] = []
        if self.code is not None:
            parts.append(str(self.code))
        if self.error:
            parts.append(str(self.error))
        if self.msg and self.msg != self.message and self.reason != messages.INTERRUPTED:
            parts.append(str(self.msg))
        return " · ".join(parts)
