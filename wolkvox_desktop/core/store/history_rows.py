"""A history row as the store hands it out (:class:`HistoryRow`), read by the history
window, ``wolkvox history`` and the exports.

Imported by :meth:`~wolkvox_desktop.core.store.history.HistoryLog.history` when first
used: a start or a stop writes history rows but never reads one, so the ``wolkvox``
command does not load this wide dataclass (benchmarks/cli_startup.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wolkvox_desktop.core.store.records import local_time


@dataclass(frozen=True)
class HistoryRow:
    id: int
    started_at: datetime  # local, timezone-aware
    server: str
    action: str  # records.HISTORY_ACTIONS: "start" | "stop" | … | "alert" (not a call)
    campaign_id: str | None
    campaign_type: str | None
    outcome: str  # Outcome value, or "pending"
    reason: str | None
    http_status: int | None
    code: int | None
    error: str | None
    msg: str | None  # Wolkvox's msg (or INTERRUPTED_MESSAGE for an interrupted row)
    duration_ms: int | None
    finished_at: datetime | None
    message: str | None = None  # our English sentence (CallResult.message)
    api_base: str | None = None  # the loopback test server it went to; None: Wolkvox
    plan: str | None = None  # the name of the shift plan whose run made the call
    #: more than the action says: "40 → 55" (a speed), "started → stopped" (an alert)
    detail: str | None = None


def history_row(row: Sequence[Any]) -> HistoryRow:
    started = local_time(row[1])
    assert started is not None
    return HistoryRow(
        id=int(row[0]),
        started_at=started,
        server=row[2],
        action=row[3],
        campaign_id=row[4],
        campaign_type=row[5],
        outcome=row[6],
        reason=row[7],
        http_status=row[8],
        code=row[9],
        error=row[10],
        msg=row[11],
        duration_ms=row[12],
        finished_at=local_time(row[13]),
        message=row[14],
        api_base=row[15],
        plan=row[16],
        detail=row[17],
    )
