"""The records a plan call hands out (:class:`SavedPlan`, :class:`SlotRecord`) and the
conversion between a plan and its row.

Imported by :class:`~wolkvox_desktop.core.store.plans.PlanTable`'s methods when first
used, with :mod:`wolkvox_desktop.core.plans`: a start or a stop never loads them (their
dataclasses were a tenth of the ``wolkvox`` command's start-up).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wolkvox_desktop.core.campaigns import Action, CampaignRef, CampaignType
from wolkvox_desktop.core.plans import Plan, PlanError, PlanField, Schedule, parse_days, parse_time
from wolkvox_desktop.core.store.records import SlotState, local_time


@dataclass(frozen=True)
class SavedPlan:
    """A plan as the store keeps it. Times are local and aware."""

    id: int
    plan: Plan
    schedule_from: datetime
    created_at: datetime
    updated_at: datetime
    last_run_at: datetime | None = None
    last_outcome: str | None = None  # the Outcome value of its last run's end

    @property
    def name(self) -> str:
        return self.plan.name


@dataclass(frozen=True)
class SlotRecord:
    plan_id: int
    slot: str  # Slot.key: "YYYY-MM-DD HH:MM", the local day and time
    due_at: datetime
    state: SlotState
    claimed_at: datetime
    finished_at: datetime | None
    outcome: str | None
    message: str | None


def exists_error(name: str) -> PlanError:
    return PlanError(PlanField.NAME, f"A plan named {name!r} already exists; choose another name.")


def plan_values(plan: Plan) -> tuple[str, str, str, str, str | None, str | None]:
    campaigns = json.dumps([[c.id, c.type.value] for c in plan.campaigns], ensure_ascii=False)
    schedule = plan.schedule
    return (
        plan.name,
        plan.server,
        plan.action.value,
        campaigns,
        schedule.at_text if schedule else None,
        schedule.days_text if schedule else None,
    )


def saved_plan(row: Sequence[Any]) -> SavedPlan:
    refs = tuple(CampaignRef(str(cid), CampaignType(ctype)) for cid, ctype in json.loads(row[4]))
    schedule = Schedule(parse_time(row[5]), parse_days(row[6])) if row[5] else None
    plan = Plan(str(row[1]), str(row[2]), Action(row[3]), refs, schedule)
    schedule_from, created, updated = local_time(row[7]), local_time(row[8]), local_time(row[9])
    assert schedule_from is not None and created is not None and updated is not None
    return SavedPlan(int(row[0]), plan, schedule_from, created, updated,
                     local_time(row[10]), row[11])


def slot_record(row: Sequence[Any], state: SlotState) -> SlotRecord:
    """A ``plan_slots`` row as a record, with its state as read (``INTERRUPTED`` when the
    process that claimed it is gone)."""
    due_at, claimed_at = local_time(row[2]), local_time(row[5])
    assert due_at is not None and claimed_at is not None
    return SlotRecord(int(row[0]), row[1], due_at, state, claimed_at, local_time(row[6]),
                      row[7], row[8])


def no_such_plan(name: str) -> PlanError:
    return PlanError(PlanField.NAME, f"There is no plan named {name!r}.")
