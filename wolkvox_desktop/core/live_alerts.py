"""Alerts from live readings: no extra call, only two readings compared. Qt-free.

* ``list_finished``: started, and ``clean`` (records left) is 0. Wolkvox keeps such a
  campaign started; the supervisor may stop it.
* ``not_dialling``: started, and ``calls_x_min`` 0 in two readings in a row (a finished
  list is told as such, not as this too).
* ``changed_elsewhere``: the status changed between two readings without a start or stop
  from this app (any window, command or plan on this computer, as its history says) that
  could have made it: recorded as "changed outside this app", the answer to "who stopped my
  campaign?".

An alert is recorded in the history (an ``alert`` row, no token) when it first appears:
``list_finished`` and ``not_dialling`` once while they last, ``changed_elsewhere`` at each
change. The previous reading is the one the store keeps (:mod:`.store.live`), so this works
across processes and restarts.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING

from wolkvox_desktop.core.campaigns import CampaignStatus
from wolkvox_desktop.core.live import (
    CHANGED_ELSEWHERE,
    LIST_FINISHED,
    NOT_DIALLING,
    LiveCampaign,
    LiveReading,
)
from wolkvox_desktop.core.store import Store, StoreError

if TYPE_CHECKING:
    from wolkvox_desktop.core.store.live import AlertRow, KeptCampaign, KeptReading, OwnCalls

log = logging.getLogger(__name__)

_RESULTING = {"start": CampaignStatus.STARTED.value, "stop": CampaignStatus.STOPPED.value}


def kept_form(campaign: LiveCampaign, alerts: list[str]) -> KeptCampaign:
    """What the store keeps of a campaign for the next reading to compare with."""
    return [campaign.status.value, campaign.calls_per_minute, campaign.remaining,
            campaign.speed, alerts]


def _label(campaign: LiveCampaign) -> str:
    return f"{campaign.id} ({campaign.name})" if campaign.name else campaign.id


def _by_this_app(own: list[tuple[str, str]], status: str) -> bool:
    """Whether one of this app's calls since the previous reading could have made it so."""
    return any(_RESULTING.get(action) == status for action, _outcome in own)


def compare(
    reading: LiveReading, previous: KeptReading | None, own: OwnCalls
) -> tuple[dict[str, KeptCampaign], list[AlertRow], dict[str, tuple[str, ...]]]:
    """The alerts of ``reading`` against the ``previous`` one: what to keep, the rows of
    the alerts that appear now, and every campaign's active alerts."""
    before = previous[1] if previous is not None else {}
    kept: dict[str, KeptCampaign] = {}
    rows: list[AlertRow] = []
    active: dict[str, tuple[str, ...]] = {}
    for campaign in reading.campaigns:
        old = before.get(campaign.id)
        old_alerts = set(old[4] or ()) if old is not None else set()
        codes: list[str] = []
        if campaign.started and campaign.remaining == 0:
            codes.append(LIST_FINISHED)
            if LIST_FINISHED not in old_alerts:
                records = "?" if campaign.records is None else f"{campaign.records:,}"
                rows.append((campaign.id, LIST_FINISHED,
                             f"Campaign {_label(campaign)} is started but its list is "
                             "finished: no records are left to dial.",
                             f"0 of {records} left"))
        elif (campaign.started and campaign.calls_per_minute == 0 and old is not None
              and old[0] == CampaignStatus.STARTED.value and old[1] == 0):
            codes.append(NOT_DIALLING)
            if NOT_DIALLING not in old_alerts:
                rows.append((campaign.id, NOT_DIALLING,
                             f"Campaign {_label(campaign)} is started but has not dialled "
                             "in two readings in a row (0 calls a minute).",
                             "0 calls a minute"))
        was = old[0] if old is not None else None
        now = campaign.status.value
        known = (CampaignStatus.STARTED.value, CampaignStatus.STOPPED.value)
        if (was in known and now in known and was != now
                and not _by_this_app(own.get(campaign.id, []), now)):
            codes.append(CHANGED_ELSEWHERE)
            change = f"{was} → {now}"
            rows.append((campaign.id, CHANGED_ELSEWHERE,
                         f"Campaign {_label(campaign)} changed outside this app: {change}.",
                         change))
        kept[campaign.id] = kept_form(campaign, codes)
        if codes:
            active[campaign.id] = tuple(codes)
    return kept, rows, active


def with_alerts(store: Store, server: str, reading: LiveReading) -> LiveReading:
    """``reading`` with its alerts, compared with the reading the store keeps; the new one
    kept and the alerts that appear recorded in the history (one transaction). A store
    that cannot be written leaves the reading without alerts (logged)."""
    found: dict[str, tuple[str, ...]] = {}

    def compare_in_store(
        previous: KeptReading | None, own: OwnCalls
    ) -> tuple[dict[str, KeptCampaign], list[AlertRow]]:
        kept, rows, active = compare(reading, previous, own)
        found.clear()
        found.update(active)
        return kept, rows

    try:
        recorded = store.advance_reading(server, reading.at, compare_in_store)
    except StoreError as exc:
        log.warning("the live reading's alerts could not be recorded: %s", exc)
        return reading
    return dataclasses.replace(
        reading, alerts=dict(found),
        new_alerts=tuple((cid, code) for cid, code, _message, _detail in recorded),
    )


__all__ = ["compare", "kept_form", "with_alerts"]
