"""The records a plan call hands out (:class:`SavedPlan`, :class:`SlotRecord`,
:class:`PlanRunRecord`, :class:`RunClaim`) and the conversion between a plan and its row.

Imported by :class:`~wolkvox_desktop.core.store.plans.PlanTable`'s methods when first
used, with :mod:`wolkvox_desktop.core.plans`: a start or a stop never loads them (their
dataclasses were a tenth of the ``wolkvox`` command's start-up).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from wolkvox_desktop.core.campaigns import Action, CampaignRef, CampaignType
from wolkvox_desktop.core.plans import Plan, PlanError, PlanField, Schedule, parse_days, parse_time
from wolkvox_desktop.core.store.records import PlanRunState, SlotState, local_time


@dataclass(frozen=True)
class PlanRunRecord:
    """One run of a plan (a ``plan_runs`` row): when it began, how far it got, how it
    ended. ``sent``: campaigns whose call was made (``None`` while it runs)."""

    id: int
    plan_id: int | None
    plan: str  # the plan's name when it ran
    slot: str | None  # the slot it ran for (Slot.key), None: by hand, no slot claimed
    started_at: datetime
    state: PlanRunState
    total: int
    sent: int | None
    outcome: str | None
    finished_at: datetime | None

    @property
    def cut_short(self) -> bool:
        """Stopped (Ctrl-C, Stop the run) or interrupted (its process died)."""
        return self.state in (PlanRunState.STOPPED, PlanRunState.INTERRUPTED)


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
    last_run: PlanRunRecord | None = None  # that run's record (None: no record of it)

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


class ClaimOutcome(str, Enum):
    """What :meth:`~wolkvox_desktop.core.store.plans.PlanTable.begin_plan_run` did."""

    BEGUN = "begun"  # the run is recorded (and its slot claimed, if it had one to claim)
    TAKEN = "taken"  # the slot was already claimed (another process, an earlier run)
    COVERED = "covered"  # a run of the plan was under way: the slot is claimed as covered
    MISSED = "missed"  # too late to begin: the slot is claimed as missed
    BUSY = "busy"  # by hand: a run of the plan is under way in a live process
    GONE = "gone"  # the plan was deleted


@dataclass(frozen=True)
class RunClaim:
    outcome: ClaimOutcome
    run_id: int | None = None  # BEGUN: the run's row
    slot: str | None = None  # BEGUN: the slot this run claimed (None: none)
    running: PlanRunRecord | None = None  # BUSY / COVERED: the run under way

    @property
    def begun(self) -> bool:
        return self.outcome is ClaimOutcome.BEGUN


RUN_COLUMNS = ("id, plan_id, plan, slot, started_at, state, total, sent, outcome, "
               "finished_at")


def run_record(row: Sequence[Any]) -> PlanRunRecord:
    started = local_time(row[4])
    assert started is not None
    return PlanRunRecord(int(row[0]), None if row[1] is None else int(row[1]), str(row[2]),
                         row[3], started, PlanRunState(row[5]), int(row[6]),
                         None if row[7] is None else int(row[7]), row[8], local_time(row[9]))


def campaigns_json(plan: Plan) -> str:
    """``[[id, type], …]``; a campaign with a speed is ``[id, type, speed]``."""
    rows: list[list[object]] = []
    for c in plan.campaigns:
        speed = plan.speed_for(c.id)
        rows.append([c.id, c.type.value] if speed is None else [c.id, c.type.value, speed])
    return json.dumps(rows, ensure_ascii=False)


def exists_error(name: str) -> PlanError:
    return PlanError(PlanField.NAME, f"A plan named {name!r} already exists; choose another name.")


def plan_values(plan: Plan) -> tuple[str, str, str, str, str | None, str | None]:
    campaigns = campaigns_json(plan)
    schedule = plan.schedule
    return (
        plan.name,
        plan.server,
        plan.action.value,
        campaigns,
        schedule.at_text if schedule else None,
        schedule.days_text if schedule else None,
    )


def saved_plan(row: Sequence[Any], last_run: PlanRunRecord | None = None) -> SavedPlan:
    """A ``plans`` row; ``last_run``: its latest run's record, kept only when it is the
    run the row's last run stands for (a run refused before it began has no record)."""
    entries = json.loads(row[4])
    refs = tuple(CampaignRef(str(entry[0]), CampaignType(entry[1])) for entry in entries)
    speeds = tuple((str(entry[0]), int(entry[2])) for entry in entries if len(entry) > 2)
    schedule = Schedule(parse_time(row[5]), parse_days(row[6])) if row[5] else None
    plan = Plan(str(row[1]), str(row[2]), Action(row[3]), refs, schedule, speeds)
    schedule_from, created, updated = local_time(row[7]), local_time(row[8]), local_time(row[9])
    assert schedule_from is not None and created is not None and updated is not None
    last_run_at = local_time(row[10])
    if last_run is not None and last_run.started_at != last_run_at:
        last_run = None
    return SavedPlan(int(row[0]), plan, schedule_from, created, updated, last_run_at,
                     row[11], last_run)


def slot_record(row: Sequence[Any], state: SlotState) -> SlotRecord:
    """A ``plan_slots`` row as a record, with its state as read (``INTERRUPTED`` when the
    process that claimed it is gone)."""
    due_at, claimed_at = local_time(row[2]), local_time(row[5])
    assert due_at is not None and claimed_at is not None
    return SlotRecord(int(row[0]), row[1], due_at, state, claimed_at, local_time(row[6]),
                      row[7], row[8])


def no_such_plan(name: str) -> PlanError:
    return PlanError(PlanField.NAME, f"There is no plan named {name!r}.")
