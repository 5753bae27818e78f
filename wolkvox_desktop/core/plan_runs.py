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
  process has claimed yet (:meth:`Store.begin_plan_run
  <wolkvox_desktop.core.store.plans.PlanTable.begin_plan_run>`); concurrent ``wolkvox plan
  run-due`` invocations and open windows share the store, so one of them runs it. A slot
  more than 15 minutes late is claimed as *missed*, reported once, and never run late.
* **Never late**: lateness is judged per plan, on the clock, just before its claim (in
  the claim's transaction): a plan queued behind a slow one that can no longer begin
  within its 15 minutes is *missed*, as if the computer had been off.
* **Claimed when it begins**: a run by hand records its run when it begins and claims the
  plan's slot if it is due and unclaimed (:func:`begin_run_by_hand`), so the scheduler
  skips it; a run by hand while another run of the plan is under way is refused.
* **Stopped or interrupted, never silent**: Ctrl-C (``KeyboardInterrupt``) ends a run as
  *stopped*, its never-called campaigns written to the history as not sent, and raises
  :class:`PlanRunStopped`; a run whose process died is found by the next process (the
  store marks it ``interrupted``, with how many were sent; nothing is re-sent).
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
    # confirmed: before the first call (a worker job)
    ticket = begin_run_by_hand(store, saved, now=clock(), zone=zone)  # or a refusal
    # ...drive BulkRun(service, bulk, allow_over_budget=confirmed) as a bulk run, then:
    record_run_end(store, saved, run.summary(), ticket=ticket, stopped=cancelled)

Signals the window's plan runner will want to offer (names for that face to choose):
``planStarted(PlanRunStart)``, ``itemFinished(int, CallResult)`` (through ``on_result``),
``planFinished(PlanRunResult)`` and ``slotsMissed(list[MissedSlot])``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from wolkvox_desktop.core.bulk import BulkItem, BulkPlan, plan_bulk
from wolkvox_desktop.core.bulk_run import BulkRun, BulkSummary
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason
from wolkvox_desktop.core.operations import Operations
from wolkvox_desktop.core.plan_results import (
    DueReport,
    MissedSlot,
    PlanRunResult,
    PlanRunStart,
    PlanRunStopped,
    PlanState,
    RunTicket,
)
from wolkvox_desktop.core.plans import Plan
from wolkvox_desktop.core.schedule import (
    DUE_WINDOW,
    Clock,
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
from wolkvox_desktop.core.store import SavedPlan, SlotState, Store, StoreError
from wolkvox_desktop.core.store.plan_rows import ClaimOutcome, PlanRunRecord
from wolkvox_desktop.core.store.records import PlanRunState

__all__ = [
    "DueReport",
    "MissedSlot",
    "PlanRunResult",
    "PlanRunStart",
    "PlanRunStopped",
    "PlanState",
    "RunTicket",
    "begin_run_by_hand",
    "budget_refusal",
    "bulk_plan_of",
    "claim_due",
    "next_plan_wakeup",
    "open_plan_service",
    "plan_states",
    "record_not_started",
    "record_run_end",
    "run_due",
    "run_plan",
]

log = logging.getLogger(__name__)

Opener = Callable[[str], OperationService]
ResultSink = Callable[[int, BulkItem, CallResult], None]


# ---------------------------------------------------------------------------- pieces
def bulk_plan_of(plan: Plan, store: Store) -> BulkPlan:
    """The plan's campaigns as a bulk run (names and known statuses from the saved list);
    every campaign is called, whatever its last known status; a start plan's speeds are
    sent after each start (:class:`~wolkvox_desktop.core.bulk_run.BulkRun`)."""
    bulk = plan_bulk(plan.action, plan.campaigns, known=store.campaigns(plan.server),
                     include_in_state=True)
    if not plan.speeds:
        return bulk
    import dataclasses

    items = tuple(dataclasses.replace(item, speed=plan.speed_for(item.campaign_id))
                  for item in bulk.items)
    return dataclasses.replace(bulk, items=items)


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
    ticket: RunTicket | None = None,
) -> PlanRunResult:
    """A run that did not start: one *not sent* history row with the plan's name and the
    reason, the run's record (``ticket``) or its slot (if any) ``NOT_STARTED``, the plan's
    last run."""
    when = ticket.started_at if ticket is not None else (started_at or utc_now())
    plan = saved.plan
    _refusal_row(store, plan, refusal)
    if ticket is not None:
        slot = ticket.slot
        store.finish_plan_run(ticket.run_id, state=PlanRunState.NOT_STARTED,
                              outcome=refusal.outcome.value, sent=0, message=refusal.message)
    else:
        if slot is not None:
            store.finish_slot(saved.id, slot.key, SlotState.NOT_STARTED, refusal.outcome.value,
                              refusal.message)
        store.record_plan_run(saved.id, when, refusal.outcome.value)
    log.info("plan %r did not start: %s", plan.name, refusal.reason.value)
    return PlanRunResult(plan, slot, when, refusal=refusal)


def _refusal_row(store: Store, plan: Plan, refusal: CallResult) -> None:
    row = store.begin_call(plan.server, plan.action, plan=plan.name)
    store.finish_call(row, refusal)


def record_run_end(
    store: Store,
    saved: SavedPlan,
    summary: BulkSummary,
    *,
    slot: Slot | None = None,
    started_at: datetime | None = None,
    ticket: RunTicket | None = None,
    stopped: bool = False,
) -> PlanRunResult:
    """A run that started has ended (done, paused and aborted, or cancelled); ``stopped``:
    by a person or a signal before its end (its never-called campaigns are in the history
    as not sent already: the bulk run writes them)."""
    if ticket is not None:
        slot, started_at = ticket.slot, ticket.started_at
    when = started_at or utc_now()
    result = PlanRunResult(saved.plan, slot, when, summary=summary, stopped=stopped)
    outcome = result.outcome.value
    if stopped and result.outcome is Outcome.OK:
        outcome = Reason.CANCELLED.value  # nothing failed, but not everything was called
    if ticket is not None:
        state = PlanRunState.STOPPED if stopped else PlanRunState.DONE
        store.finish_plan_run(ticket.run_id, state=state, outcome=outcome, sent=result.sent,
                              message=result.sentence())
    else:
        if slot is not None:
            store.finish_slot(saved.id, slot.key, SlotState.DONE, outcome, result.sentence())
        store.record_plan_run(saved.id, when, outcome)
    log.info("plan %r ran: %s%s", saved.name, outcome, " (stopped)" if stopped else "")
    return result


def begin_run_by_hand(
    store: Store,
    saved: SavedPlan,
    *,
    now: datetime | None = None,
    zone: LocalZone | None = None,
    clock: Clock | None = None,
) -> RunTicket | CallResult:
    """A run by hand begins (before its first call): record it, and claim the plan's
    latest slot when it is due and unclaimed (the scheduler then skips it). A refusal
    (``CallResult``, nothing sent; one *not sent* row says why) when another run of the
    plan is under way, or the plan was deleted. ``now`` (default ``clock()``, default the
    real clock): when it starts; ``clock``: judges whether the slot is still due."""
    read = clock or ((lambda: now) if now is not None else utc_now)
    started = now or read()
    where = zone or LocalZone.system()
    slot = _latest_own_slot(saved, started, where)
    due = slot is not None and timing(slot, started) is SlotTiming.DUE
    claim = store.begin_plan_run(
        saved, started_at=started, slot=slot.key if due and slot else None,
        due_at=slot.moment if due and slot else None,
        late_after=slot.moment + DUE_WINDOW if due and slot else None, clock=read)
    if claim.begun and claim.run_id is not None:
        return RunTicket(claim.run_id, slot if claim.slot is not None else None, started)
    refusal = (_busy_refusal(saved, claim.running, where)
               if claim.outcome is ClaimOutcome.BUSY else
               CallResult(Outcome.INVALID, Reason.CANCELLED,
                          f"The plan {saved.name!r} was deleted meanwhile; nothing was sent."))
    _refusal_row(store, saved.plan, refusal)
    return refusal


def _busy_refusal(
    saved: SavedPlan, running: PlanRunRecord | None, zone: LocalZone
) -> CallResult:
    since = (f" (begun at {zone.local(running.started_at):%H:%M})" if running is not None
             else "")
    return CallResult(
        Outcome.INVALID, Reason.CANCELLED,
        f"The plan {saved.name!r} is already running{since}, in this window or another "
        "process: this run did not start and nothing was sent. Wait for it to end.")


# ---------------------------------------------------------------------------- runs
def run_plan(
    ops: Operations,
    saved: SavedPlan,
    *,
    keep_going: bool = False,
    allow_over_budget: bool = False,
    opener: Opener | None = None,
    on_start: Callable[[PlanRunStart], None] | None = None,
    on_result: ResultSink | None = None,
    now: datetime | None = None,
    zone: LocalZone | None = None,
    clock: Clock | None = None,
) -> PlanRunResult:
    """Run a plan by hand now, without questions: open its service (``opener``, default
    ``ops.open``), check the budget, record the run as begun (claiming the plan's due
    slot, :func:`begin_run_by_hand`), call its campaigns in order (stop at the first
    failure unless ``keep_going``; never retry), record the end. Problems end in the
    result, never an exception (the store's failures excepted); Ctrl-C raises
    :class:`PlanRunStopped` once the stop is recorded. ``now``: when the run starts (the
    plan's last run; default ``clock()``, default the real clock)."""
    read = clock or ((lambda: now) if now is not None else utc_now)
    started = now or read()
    plan = saved.plan
    try:
        service = open_plan_service(ops, plan, opener)
    except InvalidInput as exc:
        return record_not_started(ops.store, saved, CallResult.invalid(exc), started_at=started)
    try:
        try:
            bulk = bulk_plan_of(plan, ops.store)
        except InvalidInput as exc:  # a plan is checked when saved: only a safety net
            return record_not_started(ops.store, saved, CallResult.invalid(exc),
                                      started_at=started)
        usage = service.usage()
        refusal = None if allow_over_budget else budget_refusal(plan, bulk, usage)
        if refusal is not None:
            return record_not_started(ops.store, saved, refusal, started_at=started)
        ticket = begin_run_by_hand(ops.store, saved, now=started, zone=zone, clock=read)
        if isinstance(ticket, CallResult):
            return PlanRunResult(plan, None, started, refusal=ticket)
        return _drive(ops.store, service, saved, bulk, ticket, usage, keep_going=keep_going,
                      allow_over_budget=allow_over_budget, on_start=on_start,
                      on_result=on_result)
    finally:
        ops.close_service(service)


def _run_claimed(
    ops: Operations,
    saved: SavedPlan,
    ticket: RunTicket,
    *,
    keep_going: bool,
    opener: Opener | None,
    on_start: Callable[[PlanRunStart], None] | None,
    on_result: ResultSink | None,
) -> PlanRunResult:
    """A scheduled run whose slot this process claimed (its record begun): as
    :func:`run_plan`, never over today's budget."""
    plan = saved.plan
    service: OperationService | None = None
    calling = False
    try:
        try:
            service = open_plan_service(ops, plan, opener)
            bulk = bulk_plan_of(plan, ops.store)
        except InvalidInput as exc:
            return record_not_started(ops.store, saved, CallResult.invalid(exc), ticket=ticket)
        usage = service.usage()
        refusal = budget_refusal(plan, bulk, usage)
        if refusal is not None:
            return record_not_started(ops.store, saved, refusal, ticket=ticket)
        calling = True
        return _drive(ops.store, service, saved, bulk, ticket, usage, keep_going=keep_going,
                      allow_over_budget=False, on_start=on_start, on_result=on_result)
    except KeyboardInterrupt:
        if not calling:  # Ctrl-C before the first call: nothing was sent
            _stopped_before_calls(ops.store, saved, ticket)
        raise
    finally:
        if service is not None:
            ops.close_service(service)


def _drive(
    store: Store,
    service: OperationService,
    saved: SavedPlan,
    bulk: BulkPlan,
    ticket: RunTicket,
    usage: Usage,
    *,
    keep_going: bool,
    allow_over_budget: bool,
    on_start: Callable[[PlanRunStart], None] | None,
    on_result: ResultSink | None,
) -> PlanRunResult:
    """The calls of a run recorded as begun, and its end (stopped on Ctrl-C)."""
    run = BulkRun(service, bulk, allow_over_budget=allow_over_budget)
    try:
        if on_start is not None:
            on_start(PlanRunStart(saved.plan, ticket.slot, bulk, usage))
        summary = run.run_all(on_result, stop_on_failure=not keep_going)
    except BaseException as exc:  # Ctrl-C, SIGTERM (as one), a bug: stop, record, go on up
        try:
            run.cancel()  # the campaigns not called yet: not sent, in the history
            result = record_run_end(store, saved, run.summary(), ticket=ticket, stopped=True)
        except StoreError:
            log.exception("the stop of plan %r could not be recorded", saved.name)
            raise exc from None
        if isinstance(exc, KeyboardInterrupt) and not isinstance(exc, PlanRunStopped):
            raise PlanRunStopped(result) from exc
        raise
    return record_run_end(store, saved, summary, ticket=ticket)


def _stopped_before_calls(store: Store, saved: SavedPlan, ticket: RunTicket) -> None:
    """Ctrl-C after the run was recorded, before its first call: every campaign not sent."""
    plan = saved.plan
    try:
        for ref in plan.campaigns:
            row = store.begin_call(plan.server, plan.action, ref.id, ref.type, plan=plan.name)
            store.finish_call(row, CallResult(
                Outcome.INVALID, Reason.NOT_RUN,
                f"The run stopped before campaign {ref.id}; nothing was sent for it."))
        store.finish_plan_run(ticket.run_id, state=PlanRunState.STOPPED,
                              outcome=Reason.CANCELLED.value, sent=0,
                              message=f"Plan {plan.name!r} was stopped before its first call.")
    except StoreError:
        log.exception("the stop of plan %r could not be recorded", plan.name)


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
    clock: Clock | None = None,
    zone: LocalZone | None = None,
    keep_going: bool = False,
    opener: Opener | None = None,
    on_start: Callable[[PlanRunStart], None] | None = None,
    on_result: ResultSink | None = None,
    on_finished: Callable[[PlanRunResult], None] | None = None,
) -> DueReport:
    """Run every plan whose slot came within the last 15 minutes and that nobody ran yet,
    one after the other; report the slots newly missed. Exactly one process runs a slot
    (the claim is the store's). Each plan's lateness is judged on ``clock`` just before its
    claim: one that can no longer begin within its 15 minutes is missed, not run late.
    ``now`` alone: a clock that stands still at it (default: the real clock). Scheduled
    runs never go over today's budget. Ctrl-C: :class:`PlanRunStopped` (that run's stop
    recorded; the plans after it are left for the next look)."""
    read = clock or ((lambda: now) if now is not None else utc_now)
    where = zone or LocalZone.system()
    due, missed = claim_due(ops.store, now=now or read(), zone=where)
    runs: list[PlanRunResult] = []
    for saved, slot in due:
        started = read()
        claim = ops.store.begin_plan_run(
            saved, started_at=started, slot=slot.key, due_at=slot.moment, required=True,
            late_after=slot.moment + DUE_WINDOW, clock=read)
        if claim.outcome is ClaimOutcome.MISSED:
            missed.append(MissedSlot(saved, slot, late=True))
            log.warning("plan %r could not begin within 15 minutes of its slot %s: missed",
                        saved.name, slot.key)
            continue
        if not claim.begun or claim.run_id is None:
            continue  # another process or window took it, or a run of it is under way
        result = _run_claimed(ops, saved, RunTicket(claim.run_id, slot, started),
                              keep_going=keep_going, opener=opener, on_start=on_start,
                              on_result=on_result)
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
