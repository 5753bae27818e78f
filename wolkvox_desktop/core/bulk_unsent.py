"""The campaigns a stopped run never sent, found again in the history: the window offers to
start (or stop) them at its next start (``gui/bulk/unsent_offer.py``).

A run that stops early writes one ``not_run`` history row per campaign it never sent
(:class:`~wolkvox_desktop.core.bulk_run.BulkRun`); this reads the newest block of those rows
back, minus the campaigns called since.
"""

from __future__ import annotations

from dataclasses import dataclass

from wolkvox_desktop.core.bulk import BulkItem
from wolkvox_desktop.core.campaigns import Action, CampaignType
from wolkvox_desktop.core.errors import Reason
from wolkvox_desktop.core.store import Store

#: How far back (rows) and how close in time the not-sent rows of one run are looked for.
UNSENT_LOOKBACK = 500
UNSENT_BLOCK_S = 5.0


@dataclass(frozen=True)
class UnsentRun:
    """The campaigns a stopped run never sent (and not called since), in the run's order;
    ``last_row`` is the newest of their history rows (to remember an offer declined)."""

    action: Action
    items: tuple[BulkItem, ...]
    last_row: int


def unsent_from_last_run(store: Store, server: str) -> UnsentRun | None:
    """The campaigns the operation's most recent stopped run never sent, and that have not
    been called since: the window offers to start (or stop) them at its next start."""
    rows = store.history(server=server, limit=UNSENT_LOOKBACK)
    newest = next((r for r in rows if r.reason == Reason.NOT_RUN.value), None)
    if newest is None or newest.action not in (Action.START.value, Action.STOP.value):
        return None
    action = Action(newest.action)
    later: set[str] = set()
    items: list[BulkItem] = []
    for row in rows:  # newest first
        if row.id > newest.id:
            if row.campaign_id:
                later.add(row.campaign_id)
            continue
        if row.reason != Reason.NOT_RUN.value or row.action != action.value:
            break  # the run's own block of not-sent rows ends here
        if abs((newest.started_at - row.started_at).total_seconds()) > UNSENT_BLOCK_S:
            break
        if row.campaign_id and row.campaign_id not in later and row.campaign_type:
            try:
                ctype = CampaignType(row.campaign_type)
            except ValueError:
                continue
            items.append(BulkItem(row.campaign_id, ctype))
    items.reverse()  # in the run's order
    return UnsentRun(action, tuple(items), newest.id) if items else None
