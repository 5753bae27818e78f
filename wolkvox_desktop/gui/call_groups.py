"""How recorded calls read in a list: one entry for what a person did, not one per row.

The store keeps every attempt (the history is the record); the lists group them:

* **Busy resends.** Wolkvox's "too many simultaneous requests" is the one answer the
  service sends again by itself (``core.service``), each attempt a history row. The
  attempts of one call read as one entry that ends in the call's final outcome
  ("✓ Done — Wolkvox was busy, sent 3 times"), never as a red refusal followed by a success.
* **A stopped run's campaigns never sent** (``Reason.NOT_RUN`` rows, written together when
  a run stops) read as one line naming them (the status panel).

Plain Python over duck-typed rows (``store.HistoryRow``: ``id``, ``started_at``,
``finished_at``, ``server``, ``action``, ``campaign_id``, ``campaign_type``, ``outcome``,
``reason``, ``plan``, ``api_base``); no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

BUSY = "simultaneous_limit"  # core.errors.Reason.SIMULTANEOUS_LIMIT
NOT_RUN = "not_run"  # core.errors.Reason.NOT_RUN
#: the longest pause between two attempts of one call: the service's last backoff (4 s)
#: with its jitter, and time to spare for a slow store
RESEND_GAP_S = 12.0
#: not-sent rows of one stopped run are written within moments of each other
NOT_SENT_GAP_S = 5.0


@dataclass(frozen=True)
class CallGroup:
    """One entry: ``rows`` oldest first. A resent call's rows are its attempts (the last
    one's outcome is the entry's); a stopped run's not-sent rows are its campaigns."""

    rows: tuple[Any, ...]

    @property
    def last(self) -> Any:
        return self.rows[-1]

    @property
    def first(self) -> Any:
        return self.rows[0]

    @property
    def attempts(self) -> int:
        """How many times the call was sent (1: no resend). 0 for a not-sent group."""
        return 0 if self.not_sent else len(self.rows)

    @property
    def resent(self) -> bool:
        return self.attempts > 1

    @property
    def not_sent(self) -> bool:
        return getattr(self.last, "reason", None) == NOT_RUN

    @property
    def campaign_ids(self) -> list[str]:
        return [str(r.campaign_id) for r in self.rows if r.campaign_id]

    @property
    def duration_ms(self) -> int | None:
        """From the first attempt's start to the last one's end (the last one's own
        duration when that end is not known)."""
        first: datetime = self.first.started_at
        end: datetime | None = getattr(self.last, "finished_at", None)
        if self.resent and end is not None:
            return max(0, round((end - first).total_seconds() * 1000))
        value = getattr(self.last, "duration_ms", None)
        return None if value is None else int(value)


def _call_key(row: Any) -> tuple[Any, ...]:
    return (row.server, row.action, row.campaign_id, getattr(row, "campaign_type", None),
            getattr(row, "plan", None), getattr(row, "api_base", None))


def _seconds(later: datetime, earlier: datetime | None) -> float:
    return (later - earlier).total_seconds() if earlier is not None else float("inf")


def group_calls(rows: Sequence[Any], *, not_sent: bool = False) -> list[CallGroup]:
    """``rows`` (newest first, as the store gives them) as entries, newest first: busy
    resends joined to the attempt that followed them; with ``not_sent``, a stopped run's
    not-sent rows joined into one entry too."""
    groups: list[list[Any]] = []
    open_calls: dict[tuple[Any, ...], list[Any]] = {}  # a busy attempt awaiting its resend
    open_unsent: list[Any] | None = None
    for row in sorted(rows, key=lambda r: (r.started_at, r.id)):
        key = _call_key(row)
        chain = open_calls.pop(key, None)
        if chain is not None and _seconds(row.started_at, chain[-1].finished_at) <= RESEND_GAP_S:
            chain.append(row)
        else:
            chain = [row]
            if (not_sent and row.reason == NOT_RUN and open_unsent is not None
                    and open_unsent[-1].action == row.action
                    and getattr(open_unsent[-1], "plan", None) == getattr(row, "plan", None)
                    and open_unsent[-1].server == row.server
                    and _seconds(row.started_at, open_unsent[-1].started_at) <= NOT_SENT_GAP_S):
                open_unsent.append(row)
                continue
            groups.append(chain)
            open_unsent = chain if row.reason == NOT_RUN else None
        if row.reason == BUSY and row.outcome == "refused":
            open_calls[key] = chain
    ordered = sorted(groups, key=lambda g: (g[-1].started_at, g[-1].id), reverse=True)
    return [CallGroup(tuple(g)) for g in ordered]
