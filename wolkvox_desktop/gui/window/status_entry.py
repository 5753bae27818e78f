"""One line of the status panel (:class:`StatusEntry`): a history row (a call with its busy
resends, :mod:`~wolkvox_desktop.gui.call_groups`), a stopped run's campaigns never sent, or a
call refused locally. Its own module: the panel's first frame shows no line, so neither this
dataclass nor the sentences it needs are made before it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.answer_text import has_raw_answer, raw_answer, shown_answer
from wolkvox_desktop.gui.outcome_look import outcome_words

if TYPE_CHECKING:
    from wolkvox_desktop.core.errors import CallResult
    from wolkvox_desktop.gui.call_groups import CallGroup


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
    attempts: int = 1  # sent this many times (Wolkvox was busy before the last one)
    not_sent: tuple[str, ...] = ()  # a stopped run's campaigns never sent (one line)

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
    def from_group(cls, group: CallGroup, active: frozenset[int] | set[int]) -> StatusEntry:
        """One entry for a call and its busy resends, or for a stopped run's not-sent rows
        (``active``: the history rows whose calls are in flight)."""
        last = group.last
        entry = cls.from_history(last, in_progress=last.id in active)
        if group.not_sent and len(group.rows) > 1:
            return replace(entry, campaign_id=None, duration_ms=None,
                           not_sent=tuple(group.campaign_ids))
        if group.not_sent:
            return replace(entry, duration_ms=None)
        if group.resent:
            return replace(entry, at=group.first.started_at, duration_ms=group.duration_ms,
                           attempts=group.attempts)
        return entry

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

    @property
    def look_key(self) -> str:
        """The outcome as :mod:`~wolkvox_desktop.gui.outcome_look` knows it: a call with no
        answer yet is in progress (here or elsewhere), never "unknown"; a campaign a run never
        sent is ``not_run``."""
        if self.outcome == messages.PENDING:
            return "running"
        if self.reason == messages.NOT_RUN:
            return "not_run"
        return self.outcome

    def sentence(self) -> str:
        if self.not_sent:
            return _Words().not_sent(self.not_sent)
        if self.reason == "no_token" and "keyring" in self.message.lower():
            return messages.keyring_unreadable_sentence()
        sentence = messages.describe_row(
            self.outcome, self.reason, self.action, self.campaign_id,
            fallback=self.message, in_progress=self.in_progress,
        )
        if self.attempts > 1:
            sentence += " " + messages.resent_sentence(self.attempts)
        return sentence

    def label(self) -> str:
        if self.not_sent:
            return outcome_words("invalid")
        return outcome_words(self.look_key)

    def _msg(self) -> str | None:
        if self.msg and self.msg != self.message and self.reason != messages.INTERRUPTED:
            return self.msg
        return None

    def raw_details(self) -> str:
        """Wolkvox's own code / error / msg, for whoever needs them (a web page
        summarised: :meth:`raw_answer` holds it as it came)."""
        parts: list[str] = []
        if self.code is not None:
            parts.append(str(self.code))
        answer = shown_answer(self.error, self._msg(), self.http_status)
        if answer:
            parts.append(answer)
        return " · ".join(parts)

    def raw_answer(self) -> str:
        """The answer's raw text when :meth:`raw_details` shows a summary of it, else ``""``."""
        msg = self._msg()
        return raw_answer(self.error, msg) if has_raw_answer(self.error, msg) else ""


class _Words(QObject):
    """Sentences with a count (``self.tr``: lupdate records plural forms only there)."""

    def not_sent(self, campaigns: tuple[str, ...]) -> str:
        return self.tr("The run stopped before these %n campaign(s): nothing was sent for "
                       "them. {campaigns}", "", len(campaigns)).format(
            campaigns=", ".join(campaigns))
