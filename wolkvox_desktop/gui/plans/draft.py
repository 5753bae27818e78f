"""What the plan form opens with: a new plan from the main window's selection (its
operation, its campaigns in the order they were selected), or a saved plan to edit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wolkvox_desktop.core.campaigns import Action, CampaignRef
from wolkvox_desktop.core.plans import Schedule

if TYPE_CHECKING:
    from wolkvox_desktop.core.store import SavedCampaign, SavedPlan


@dataclass(frozen=True)
class DraftCampaign:
    """A campaign of the form: its checked id and type, and its name when the list has it."""

    ref: CampaignRef
    name: str = ""


@dataclass(frozen=True)
class PlanDraft:
    """``previous``: the saved plan's name (an edit); ``untyped``: selected campaigns left
    out because their type is not known."""

    name: str = ""
    server: str | None = None
    action: Action = Action.START
    campaigns: tuple[DraftCampaign, ...] = ()
    schedule: Schedule | None = None
    previous: str | None = None
    untyped: int = 0


def drafts_of(selected: Sequence[SavedCampaign]) -> tuple[list[DraftCampaign], int]:
    """The selected campaigns with a known type, in order; and how many have none."""
    typed = [DraftCampaign(CampaignRef(s.campaign.id, s.campaign.type), s.campaign.name)
             for s in selected if s.campaign.type is not None]
    return typed, len(selected) - len(typed)


def draft_from_selection(server: str | None, selected: Sequence[SavedCampaign]) -> PlanDraft:
    campaigns, untyped = drafts_of(selected)
    return PlanDraft(server=server, campaigns=tuple(campaigns), untyped=untyped)


def draft_of(saved: SavedPlan, names: Mapping[str, str]) -> PlanDraft:
    """A saved plan; ``names``: campaign id -> name, from the operation's list."""
    plan = saved.plan
    return PlanDraft(plan.name, plan.server, plan.action,
                     tuple(DraftCampaign(ref, names.get(ref.id, "")) for ref in plan.campaigns),
                     plan.schedule, previous=saved.name)
