"""Bulk start/stop, the plan: which campaigns, in which order, which are already in the
wanted state, and what the run will cost in token uses. Qt-free.

:func:`plan_bulk` checks the campaigns' types against what is known; the run itself is
:class:`~wolkvox_desktop.core.bulk_run.BulkRun`. Campaigns already in the wanted state (per
the last known status) are marked in the plan and skipped unless ``include_in_state=True``.

Typical GUI use, from the worker thread::

    plan = plan_bulk(Action.START, items, known=store.campaigns(server))
    if plan.over_budget(service.usage()): ...ask...
    run = BulkRun(service, plan, allow_over_budget=confirmed)
    while (item := run.next_item()) is not None:
        result = run.run_current()          # emit progress
        if not result.ok: ...wait for skip()/retry()/abort() from the user...
    summary = run.summary()
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from wolkvox_desktop.core.campaigns import (
    Action,
    Campaign,
    CampaignRef,
    CampaignStatus,
    CampaignType,
)
from wolkvox_desktop.core.errors import InvalidInput, Reason
from wolkvox_desktop.core.service import Usage
from wolkvox_desktop.core.store import SavedCampaign


@dataclass(frozen=True)
class BulkItem:
    """One campaign of a bulk run. ``known_status`` is the last known status (from the
    last refreshed list or our own last successful action), ``UNKNOWN`` if none."""

    campaign_id: str
    campaign_type: CampaignType
    name: str = ""
    known_status: CampaignStatus = CampaignStatus.UNKNOWN
    #: a shift plan's speed for it: sent after its start succeeded (one more token)
    speed: int | None = None

    @property
    def ref(self) -> CampaignRef:
        return CampaignRef(self.campaign_id, self.campaign_type)

    def in_state(self, action: Action) -> bool:
        """Already where ``action`` would take it, per the last known status."""
        return self.known_status is action.resulting_status



# ---------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class BulkPlan:
    """What a run will do: the items in order, which are already in state, and the cost."""

    action: Action
    items: tuple[BulkItem, ...]
    include_in_state: bool = False

    @property
    def in_state(self) -> tuple[BulkItem, ...]:
        return tuple(i for i in self.items if i.in_state(self.action))

    def will_call(self, item: BulkItem) -> bool:
        return self.include_in_state or not item.in_state(self.action)

    @property
    def to_call(self) -> tuple[BulkItem, ...]:
        return tuple(i for i in self.items if self.will_call(i))

    @property
    def cost(self) -> int:
        """Token uses the run needs if every call is made once (a start plan's speeds
        included)."""
        calls = self.to_call
        speeds = sum(1 for i in calls if i.speed is not None) if self.action is Action.START \
            else 0
        return len(calls) + speeds

    def over_budget(self, usage: Usage) -> bool:
        """True when the run would take today's use past the budget (ask first)."""
        return usage.would_exceed(self.cost)

    def near_limit_after(self, usage: Usage) -> bool:
        """True when the run would take today's use to the warning threshold or beyond."""
        return Usage(usage.used + self.cost, usage.budget).near_limit

    def budget_message(self, usage: Usage) -> str:
        """An English sentence on the cost against what is left (GUI translates its own)."""
        return (
            f"This run needs {self.cost} token use{'s' if self.cost != 1 else ''}; "
            f"{usage.remaining} of today's {usage.budget} are left ({usage.used} used)."
        )


def _status_map(
    known: Mapping[str, CampaignStatus] | Iterable[SavedCampaign | Campaign] | None,
) -> tuple[dict[str, CampaignStatus], dict[str, Campaign]]:
    statuses: dict[str, CampaignStatus] = {}
    campaigns: dict[str, Campaign] = {}
    if known is None:
        return statuses, campaigns
    if isinstance(known, Mapping):
        for key, value in known.items():
            statuses[str(key)] = (
                value if isinstance(value, CampaignStatus) else CampaignStatus.parse(value)
            )
        return statuses, campaigns
    for entry in known:
        campaign = entry.campaign if isinstance(entry, SavedCampaign) else entry
        campaigns[campaign.id] = campaign
        statuses[campaign.id] = campaign.status
    return statuses, campaigns


PlanInput = BulkItem | Campaign | CampaignRef | tuple[str, CampaignType | None]


def plan_bulk(
    action: Action,
    items: Iterable[PlanInput],
    *,
    known: Mapping[str, CampaignStatus] | Iterable[SavedCampaign | Campaign] | None = None,
    default_type: CampaignType | None = None,
    include_in_state: bool = False,
) -> BulkPlan:
    """Order the items of a run (nothing is sent). Their ids were checked where they were
    typed (a field, an argument, a file row) or come from a saved list.

    ``items`` keep their order. A missing type is taken from ``known`` (the saved campaign
    list), else ``default_type``. ``known`` also gives each item's last known status (a
    ``known_status`` already set on a :class:`BulkItem` wins). Raises :class:`InvalidInput`
    naming the campaign for a missing type, or a campaign listed twice.
    """
    statuses, campaigns = _status_map(known)
    planned: list[BulkItem] = []
    seen: set[str] = set()
    for entry in items:
        name = ""
        status = CampaignStatus.UNKNOWN
        ctype: CampaignType | None
        if isinstance(entry, BulkItem):
            campaign_id, ctype, name, status = (
                entry.campaign_id, entry.campaign_type, entry.name, entry.known_status
            )
        elif isinstance(entry, Campaign):
            campaign_id, ctype, name, status = entry.id, entry.type, entry.name, entry.status
        elif isinstance(entry, CampaignRef):
            campaign_id, ctype = entry.id, entry.type
        else:
            campaign_id, ctype = entry
        if campaign_id in seen:
            raise InvalidInput(
                Reason.BAD_CAMPAIGN_ID,
                f"Campaign {campaign_id} is listed twice; each campaign can be in a run once.",
            )
        seen.add(campaign_id)
        saved = campaigns.get(campaign_id)
        if ctype is None:
            ctype = saved.type if saved is not None and saved.type is not None else default_type
        if ctype is None:
            raise InvalidInput(
                Reason.BAD_CAMPAIGN_TYPE,
                f"The type of campaign {campaign_id} is not known: say whether it is "
                "preview or predictive.",
            )
        if status is CampaignStatus.UNKNOWN:
            status = statuses.get(campaign_id, CampaignStatus.UNKNOWN)
        if not name and saved is not None:
            name = saved.name
        planned.append(BulkItem(campaign_id, ctype, name, status))
    return BulkPlan(action, tuple(planned), include_in_state)


