"""Running shift plans, by hand or on schedule: the same rules as a bulk start/stop. Qt-free.

A run of a plan is a bulk run (:mod:`wolkvox_desktop.core.bulk`): its campaigns one after
the other in the plan's order, through the front door's service (token rule, cross-process
gate, history), never retried. On top of that:

* **Every run is in the history with the plan's name** (the service's ``plan_name``), and a
  run that does not start (today's budget, no token) leaves one *not sent* row saying why.
* **The budget check**: a run whose calls would pass today's budget does not start
  (``Reason.BUDGET_EXHAUSTED``, nothing sent) unless ``allow_over_budget`` (a supervisor
  who confirmed). Scheduled runs never go over it.
* **Exactly once per slot**: :func:`run_due` runs every plan whose latest slot came within
  the last 15 minutes (:data:`~wolkvox_desktop.core.schedule.DUE_WINDOW`) and that no
  process has claimed yet (:meth:`Store.claim_slot
  <wolkvox_desktop.core.store.plans.PlanTable.claim_slot>`); concurrent ``wolkvox plan
  run-due`` invocations and open windows share the store, so one of them runs it. A slot
  more than 15 minutes late is claimed as *missed*, reported once, and never run late.
* Campaigns are all called, whatever their last known status (``include_in_state``, as
  the command line does): a plan is what the supervisor asked for at that hour.

How the window uses it (from its worker, never the GUI thread)::

    states = plan_states(store, now=now, zone=zone)    # Plans panel: next run, last run,
                                                       # a missed slot ("Run now")
    wait = wait_seconds(next_plan_wakeup(store, now=now, zone=zone), now)  # arm a QTimer
    report = run_due(ops)                              # when it fires: a DueReport
    for run in report.runs: notify(run)                # PlanRunResult: plan, slot,
    for missed in report.missed: notify(missed)        #   summary or refusal

    # Run now, with the bulk dialog's confirmation, progress and pause on failure:
    service = open_plan_service(ops, saved.plan)       # its history rows carry the name
    bulk = bulk_plan_of(saved.plan, store)             # a BulkPlan (cost, items)
    refusal = budget_refusal(saved.plan, bulk, service.usage())
    # ...ask; declined: record_not_started(store, saved, refusal); ops.close_service(...)
    # ...drive BulkRun(service, bulk, allow_over_budget=confirmed) as a bulk run, then:
    record_run_end(store, saved, run.summary(), started_at=started)

Signals the window's plan runner will want to offer (names for that face to choose):
``planStarted(PlanRunStart)``, ``itemFinished(int, CallResult)`` (through ``on_result``),
``planFinished(PlanRunResult)`` and ``slotsMissed(list[MissedSlot])``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from wolkvox_desktop.core.bulk import BulkItem, BulkPlan, plan_bulk
from wolkvox_desktop.core.bulk_run import BulkRun, BulkSummary
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason
from wolkvox_desktop.core.operations import Operations
from wolkvox_desktop.core.plans import Plan
from wolkvox_desktop.core.schedule import (
    LocalZone,
    Slot,
    SlotTiming,
    latest_slot,
    next_slot,
    next_wakeup,
    timing,
    utc_now,
)
from wolkvox_desktop.core.service import OperationService, Usage
from wolkvox_desktop.core.store import SavedPlan, SlotState, Store

log = logging.getLogger(__name__)

Opener = Callable[[str], OperationService]
ResultSink = Callable[[int, BulkItem, CallResult], None]


@dataclass(frozen=True)
class PlanRunStart:
    """A run about to make its first call (after the budget check)."""

    plan: Plan
    slot: Slot | None
    bulk: BulkPlan
    usage: Usage  # today's use before the run


@dataclass(frozen=True)
class PlanRunResult:
    """How one run of a plan ended: ``summary`` once it started, ``refusal`` when it did
    not (nothing was sent then). ``slot`` is ``None`` for a run by hand."""

    plan: Plan
    slot: Slot | None
    started_at: datetime
    summary: BulkSummary | None = None
    refusal: CallResult | None = None

    @property
    def started(self) -> bool:
        return self.summary is not None

    @property
    def outcome(self) -> Outcome:
        """The most serious outcome (``invalid`` when it did not start)."""
        if self.refusal is not None:
            return self.refusal.outcome
        return self.summary.worst_outcome if self.summary is not None else Outcome.INVALID

    @property
    def ok(self) -> bool:
        return self.summary is not None and self.summary.all_ok

    @property
    def exit_code(self) -> int:
        return self.outcome.exit_code

    def sentence(self) -> str:
        """One English sentence (the CLI and the log; the window words its own)."""
        name = self.plan.name
        if self.refusal is not None or self.summary is None:
            why = self.refusal.message if self.refusal is not None else "nothing was sent."
            return f"Plan {name!r} did not start: {why}"
        progress = self.summary.progress
        verb = "started" if self.plan.action is Action.START else "stopped"
        if self.summary.all_ok:
            return f"Plan {name!r}: {_count(progress.ok)} {verb}."
        parts = [f"{progress.ok} {verb}"]
        if progress.failed:
            parts.append(f"{progress.failed} failed")
        if progress.not_run:
            parts.append(f"{progress.not_run} not called")
        first = self.summary.first_failure
        why = f" First failure: {first.message}" if first is not None else ""
        ended = "stopped at a failure" if progress.not_run else "ended with failures"
        return f"Plan {name!r} {ended}: {', '.join(parts)}.{why}"


@dataclass(frozen=True)
class MissedSlot:
    """A slot more than 15 minutes late: not run; the window offers to run the plan now."""

    saved: SavedPlan
    slot: Slot

    def sentence(self, zone: LocalZone) -> str:
        local = zone.local(self.slot.moment)
        return (
            f"Plan {self.saved.name!r} was due at {local:%Y-%m-%d %H:%M} and was not run "
            "then (the computer was off or asleep, or nothing was running): it is not run "
            "late. Run it by hand if it is still wanted."
        )


@dataclass(frozen=True)
class DueReport:
    """What :func:`run_due` did: the runs it made and the slots it found missed."""

    runs: tuple[PlanRunResult, ...] = ()
    missed: tuple[MissedSlot, ...] = ()

    @property
    def exit_code(self) -> int:
        """0 when nothing ran or every run went well; else the most serious run's code."""
        return max((run.exit_code for run in self.runs), default=0)


@dataclass(frozen=True)
class PlanState:
    """A plan as the Plans panel and ``wolkvox plan list`` show it."""

    saved: SavedPlan
    next_slot: Slot | None  # None: not scheduled
    missed: Slot | None  # its latest slot, missed and not run by hand since

    @property
    def plan(self) -> Plan:
        return self.saved.plan


# ---------------------------------------------------------------------------- pieces
def bulk_plan_of(plan: Plan, store: Store) -> BulkPlan:
    """The plan's campaigns as a bulk run (names and known statuses from the saved list);
    every campaign is called, whatever its last known status."""
    return plan_bulk(plan.action, plan.campaigns, known=store.campaigns(plan.server),
                     include_in_state=True)


def open_plan_service(
    ops: Operations, plan: Plan, opener: Opener | None = None
) -> OperationService:
    """A service of the plan's operation whose history rows carry the plan's name (release
    it with ``ops.close_service``). Raises :class:`InvalidInput`: nothing sent."""
    service = (opener or ops.open)(plan.server)
    service.plan_name = plan.name
    return service


def budget_refusal(plan: Plan, bulk: BulkPlan, usage: Usage) -> CallResult | None:
    """Why the run must not start on its own (it would pass today's budget), or ``None``."""
    if not bulk.over_budget(usage):
        return None
    return CallResult(
        Outcome.INVALID,
        Reason.BUDGET_EXHAUSTED,
        f"{bulk.budget_message(usage)} The plan {plan.name!r} would pass today's token "
        "budget, so it did not start and nothing was sent.",
    )


def record_not_started(
    store: Store,
    saved: SavedPlan,
    refusal: CallResult,
    *,
    slot: Slot | None = None,
    started_at: datetime | None = None,
) -> PlanRunResult:
    """A run that did not start: one *not sent* history row with the plan's name and the
    reason, the slot (if any) ``NOT_STARTED``, the plan's last run."""
    when = started_at or utc_now()
    plan = saved.plan
    row = store.begin_call(plan.server, plan.action, plan=plan.name)
    store.finish_call(row, refusal)
    if slot is not None:
        store.finish_slot(saved.id, slot.key, SlotState.NOT_STARTED, refusal.outcome.value,
                          refusal.message)
    store.record_plan_run(saved.id, when, refusal.outcome.value)
    log.info("plan %r did not start: %s", plan.name, refusal.reason.value)
    return PlanRunResult(plan, slot, when, refusal=refusal)


def record_run_end(
    store: Store,
    saved: SavedPlan,
    summary: BulkSummary,
    *,
    slot: Slot | None = None,
    started_at: datetime,
) -> PlanRunResult:
    """A run that started has ended (done, paused and aborted, or cancelled)."""
    result = PlanRunResult(saved.plan, slot, started_at, summary=summary)
    outcome = result.outcome.value
    if slot is not None:
        store.finish_slot(saved.id, slot.key, SlotState.DONE, outcome, result.sentence())
    store.record_plan_run(saved.id, started_at, outcome)
    log.info("plan %r ran: %s", saved.name, outcome)
    return result


# ---------------------------------------------------------------------------- runs
def run_plan(
    ops: Operations,
    saved: SavedPlan,
    *,
    slot: Slot | None = None,
    keep_going: bool = False,
    allow_over_budget: bool = False,
    opener: Opener | None = None,
    on_start: Callable[[PlanRunStart], None] | None = None,
    on_result: ResultSink | None = None,
    now: datetime | None = None,
) -> PlanRunResult:
    """Run a plan now, without questions: open its service (``opener``, default
    ``ops.open``), check the budget, call its campaigns in order (stop at the first
    failure unless ``keep_going``; never retry), record the end. Problems end in the
    result, never an exception (the store's failures excepted). ``now``: when the run
    starts (the plan's last run; default the real clock)."""
    started = now or utc_now()
    plan = saved.plan
    try:
        service = open_plan_service(ops, plan, opener)
    except InvalidInput as exc:
        return record_not_started(ops.store, saved, CallResult.invalid(exc), slot=slot,
                                  started_at=started)
    try:
        try:
            bulk = bulk_plan_of(plan, ops.store)
        except InvalidInput as exc:  # a plan is checked when saved: only a safety net
            return record_not_started(ops.store, saved, CallResult.invalid(exc), slot=slot,
                                      started_at=started)
        usage = service.usage()
        refusal = None if allow_over_budget else budget_refusal(plan, bulk, usage)
        if refusal is not None:
            return record_not_started(ops.store, saved, refusal, slot=slot, started_at=started)
        if on_start is not None:
            on_start(PlanRunStart(plan, slot, bulk, usage))
        run = BulkRun(service, bulk, allow_over_budget=allow_over_budget)
        summary = run.run_all(on_result, stop_on_failure=not keep_going)
        return record_run_end(ops.store, saved, summary, slot=slot, started_at=started)
    finally:
        ops.close_service(service)


def claim_due(
    store: Store, *, now: datetime, zone: LocalZone
) -> tuple[list[tuple[SavedPlan, Slot]], list[MissedSlot]]:
    """The scheduled plans whose latest slot is due by the clock, and the slots newly
    found missed (claimed as such here, so each is reported once). A due slot is not
    claimed here: :func:`run_due` claims each just before running it, and the claim alone
    decides (a slot already run is simply not claimed again)."""
    due: list[tuple[SavedPlan, Slot]] = []
    missed: list[MissedSlot] = []
    for saved in store.plans():
        slot = _latest_own_slot(saved, now, zone)
        if slot is None:
            continue
        when = timing(slot, now)
        if when is SlotTiming.DUE:
            if _not_run_since(saved, slot):  # a run by hand since then counts as its run
                due.append((saved, slot))
        elif when is SlotTiming.MISSED and _not_run_since(saved, slot):
            if store.claim_slot(saved.id, slot.key, slot.moment, SlotState.MISSED):
                missed.append(MissedSlot(saved, slot))
    return due, missed


def run_due(
    ops: Operations,
    *,
    now: datetime | None = None,
    zone: LocalZone | None = None,
    keep_going: bool = False,
    opener: Opener | None = None,
    on_start: Callable[[PlanRunStart], None] | None = None,
    on_result: ResultSink | None = None,
    on_finished: Callable[[PlanRunResult], None] | None = None,
) -> DueReport:
    """Run every plan whose slot came within the last 15 minutes and that nobody ran yet,
    one after the other; report the slots newly missed. Exactly one process runs a slot
    (the claim is the store's). Scheduled runs never go over today's budget."""
    moment = now or utc_now()
    where = zone or LocalZone.system()
    due, missed = claim_due(ops.store, now=moment, zone=where)
    runs: list[PlanRunResult] = []
    for saved, slot in due:
        if not ops.store.claim_slot(saved.id, slot.key, slot.moment):
            continue  # another process or window took it
        result = run_plan(ops, saved, slot=slot, keep_going=keep_going, opener=opener,
                          on_start=on_start, on_result=on_result, now=moment)
        if on_finished is not None:
            on_finished(result)
        runs.append(result)
    return DueReport(tuple(runs), tuple(missed))


# ---------------------------------------------------------------------------- what to show
def plan_states(store: Store, *, now: datetime, zone: LocalZone) -> list[PlanState]:
    """Every plan with its next slot and a missed slot not run since."""
    states: list[PlanState] = []
    for saved in store.plans():
        schedule = saved.plan.schedule
        if schedule is None:
            states.append(PlanState(saved, None, None))
            continue
        missed = None
        slot = _latest_own_slot(saved, now, zone)
        if slot is not None and timing(slot, now) is SlotTiming.MISSED and _not_run_since(
            saved, slot
        ):
            record = store.slot_record(saved.id, slot.key)
            if record is None or record.state is SlotState.MISSED:
                missed = slot
        states.append(PlanState(saved, next_slot(schedule, now, zone), missed))
    return states


def next_plan_wakeup(store: Store, *, now: datetime, zone: LocalZone) -> datetime | None:
    """The earliest upcoming slot of every scheduled plan (``None``: nothing scheduled)."""
    return next_wakeup(
        (s.plan.schedule for s in store.plans() if s.plan.schedule is not None), now, zone
    )


def _latest_own_slot(saved: SavedPlan, now: datetime, zone: LocalZone) -> Slot | None:
    """The plan's latest slot up to ``now``, if it came after its schedule was set."""
    schedule = saved.plan.schedule
    if schedule is None:
        return None
    slot = latest_slot(schedule, now, zone)
    if slot is None or slot.moment < saved.schedule_from:
        return None
    return slot


def _not_run_since(saved: SavedPlan, slot: Slot) -> bool:
    return saved.last_run_at is None or saved.last_run_at < slot.moment


def _count(number: int) -> str:
    return f"{number} campaign{'' if number == 1 else 's'}"
