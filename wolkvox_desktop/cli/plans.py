"""``wolkvox plan add|list|run|run-due|schedule|remove|export|import``: shift plans for scripts and
the system scheduler. The plan and its checks are :mod:`wolkvox_desktop.core.plans`'s, the
runs :mod:`wolkvox_desktop.core.plan_runs`'s; here only the arguments and the printing
(a run's lines are those of ``wolkvox start|stop``: :mod:`wolkvox_desktop.cli.actions`).

``plan run`` and ``plan run-due`` stop on Ctrl-C and SIGTERM (a service manager's stop):
the run ends as *stopped*, its never-called campaigns written to the history as not sent;
a second signal while that is recorded is ignored. Exit 5 when a call was cut short in
flight (it may have reached Wolkvox), else 130.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any

from wolkvox_desktop.cli.actions import (
    call_printer,
    collect_items,
    note_near_limit,
    print_summary,
    uncertain_refusal,
)
from wolkvox_desktop.cli.output import (
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    err,
    invalid,
    plural,
    report,
    say,
    say_json,
    table,
)
from wolkvox_desktop.cli.runtime import calling, front_door, open_service
from wolkvox_desktop.core.bulk import BulkItem, plan_bulk
from wolkvox_desktop.core.bulk_run import BulkSummary
from wolkvox_desktop.core.campaigns import Action, parse_server_code
from wolkvox_desktop.core.credentials import TokenSource
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason
from wolkvox_desktop.core.operations import Operations
from wolkvox_desktop.core.plan_runs import (
    MissedSlot,
    PlanRunResult,
    PlanRunStart,
    PlanRunStopped,
    PlanState,
    plan_states,
    run_due,
    run_plan,
)
from wolkvox_desktop.core.plans import (
    Plan,
    PlanError,
    PlanField,
    Schedule,
    plans_from_json,
    plans_to_json,
    read_plans_file,
)
from wolkvox_desktop.core.schedule import LocalZone, utc_now
from wolkvox_desktop.core.service import OperationService, usage_of
from wolkvox_desktop.core.store import SavedPlan
from wolkvox_desktop.core.store.records import PlanRunState


def run(args: argparse.Namespace) -> int:
    command: str = args.plan_command
    if command == "add":
        return cmd_add(args)
    if command == "list":
        return cmd_list(json_mode=args.json)
    if command == "run":
        return cmd_run(args)
    if command == "run-due":
        return cmd_run_due(json_mode=args.json)
    if command == "schedule":
        from wolkvox_desktop.cli import plan_schedule

        return plan_schedule.run(args.schedule_action, json_mode=args.json)
    if command == "remove":
        return cmd_remove(args.name)
    if command == "export":
        return cmd_export(args.file)
    return cmd_import(args.file)


def refused(exc: PlanError) -> int:
    err(exc.message)
    return EXIT_INVALID


def no_plan(name: str) -> int:  # the name typed is not repeated (it may be a misplaced secret)
    err("No plan has the name given; `wolkvox plan list` shows them.")
    return EXIT_INVALID


# ---------------------------------------------------------------------------- add
def cmd_add(args: argparse.Namespace) -> int:
    try:
        server = parse_server_code(args.server)
        if args.at is None and args.days is not None:
            raise PlanError(PlanField.AT, "--days needs --at: the local time to run the plan.")
        schedule = Schedule.parse(args.at, args.days) if args.at is not None else None
    except PlanError as exc:
        return refused(exc)
    except InvalidInput as exc:
        return invalid(exc, json_mode=False)
    with front_door() as ops:
        try:
            known = ops.store.campaigns(server)
            known_types = {
                s.campaign.id: s.campaign.type for s in known if s.campaign.type is not None
            }
            bulk = plan_bulk(Action(args.action), collect_items(args, known_types), known=known,
                             include_in_state=True)
            plan = Plan.create(args.name, server, args.action, (i.ref for i in bulk.items),
                               schedule, dict(args.speeds or ()))
            ops.store.save_plan(plan)
        except PlanError as exc:
            return refused(exc)
        except InvalidInput as exc:
            return invalid(exc, json_mode=False)
        has_token = ops.token_source(server) is not TokenSource.NONE
        state = _state_of(ops, plan.name)
    say(f"Plan {plan.name!r} saved: {plan.action.value} "
        f"{plural(len(plan.campaigns), 'campaign')} of operation {server}; "
        f"{_when(plan, state, LocalZone.system())}.")
    if not has_token:
        err(f"Note: no token is saved for operation {server} yet: "
            f"`wolkvox token set --server {server}`.")
    return EXIT_OK


def _state_of(ops: Operations, name: str) -> PlanState | None:
    states = plan_states(ops.store, now=utc_now(), zone=LocalZone.system())
    return next((s for s in states if s.plan.name == name), None)


def _when(plan: Plan, state: PlanState | None, zone: LocalZone) -> str:
    if plan.schedule is None or state is None or state.next_slot is None:
        return f"run it with `wolkvox plan run {_quoted(plan.name)}`"
    return (f"scheduled at {plan.schedule.at_text} ({plan.schedule.days_text}), next on "
            f"{_local(state.next_slot.moment, zone)}")


def _quoted(name: str) -> str:
    return f'"{name}"' if any(ch.isspace() for ch in name) else name


# ---------------------------------------------------------------------------- list
def cmd_list(*, json_mode: bool) -> int:
    zone = LocalZone.system()
    with front_door() as ops:
        states = plan_states(ops.store, now=utc_now(), zone=zone)
    if json_mode:
        say_json([_plan_dict(state, zone) for state in states])
        return EXIT_OK
    if not states:
        say("No plan is saved on this computer. Add one with `wolkvox plan add NAME --server "
            "CODE --action start --type TYPE --campaign ID [--at HH:MM]`.")
        return EXIT_OK
    rows = [("NAME", "SERVER", "ACTION", "CAMPAIGNS", "SCHEDULE", "NEXT RUN", "LAST RUN")]
    now = utc_now()
    for state in states:
        plan, saved = state.plan, state.saved
        schedule = (f"{plan.schedule.at_text} {plan.schedule.days_text}"
                    if plan.schedule else "by hand")
        last = _last_run_text(saved, zone, now)
        if state.missed is not None:
            last += f" (missed {_local(state.missed.moment, zone)})"
        rows.append((plan.name, plan.server, plan.action.value, _campaigns_text(plan),
                     schedule, _local(state.next_slot.moment, zone) if state.next_slot else "-",
                     last))
    table(rows)
    return EXIT_OK


def _last_run_text(saved: SavedPlan, zone: LocalZone, now: datetime) -> str:
    """``2026-03-10 07:00 ok``; a run cut short: ``interrupted at 07:00 — 2 of 4 sent``
    (the day too when it was not today)."""
    if saved.last_run_at is None:
        return "never"
    run = saved.last_run
    if run is not None and run.cut_short and run.sent is not None:
        word = "interrupted" if run.state is PlanRunState.INTERRUPTED else "stopped"
        local = zone.local(run.started_at)
        at = (f"{local:%H:%M}" if local.date() == zone.local(now).date()
              else f"{local:%Y-%m-%d %H:%M}")
        return f"{word} at {at} \u2014 {run.sent} of {run.total} sent"
    return f"{_local(saved.last_run_at, zone)} {saved.last_outcome or ''}".rstrip()


def _plan_dict(state: PlanState, zone: LocalZone) -> dict[str, Any]:
    obj = state.plan.to_json_dict()
    saved = state.saved
    run = saved.last_run
    obj.update(
        next_run=_iso(state.next_slot.moment, zone) if state.next_slot else None,
        last_run=_iso(saved.last_run_at, zone) if saved.last_run_at else None,
        last_outcome=saved.last_outcome,
        last_run_state=run.state.value if run is not None else None,
        last_run_sent=run.sent if run is not None else None,
        last_run_total=run.total if run is not None else None,
        missed=_iso(state.missed.moment, zone) if state.missed else None,
    )
    return obj


def _campaigns_text(plan: Plan) -> str:
    ids = [c.id if plan.speed_for(c.id) is None else f"{c.id} (speed {plan.speed_for(c.id)})"
           for c in plan.campaigns]
    shown = ", ".join(ids[:3])
    return f"{shown}, +{len(ids) - 3}" if len(ids) > 3 else shown


def _local(moment: datetime, zone: LocalZone) -> str:
    return f"{zone.local(moment):%Y-%m-%d %H:%M}"


def _iso(moment: datetime, zone: LocalZone) -> str:
    return zone.local(moment).isoformat(timespec="seconds")


# ---------------------------------------------------------------------------- runs
def _opener(ops: Operations) -> Any:
    def opener(server: str) -> OperationService:
        return open_service(ops, server, None)

    return opener


@contextlib.contextmanager
def _stopping_on_signals() -> Iterator[None]:
    """Ctrl-C and SIGTERM raise ``KeyboardInterrupt`` once (the run then records its stop);
    another signal meanwhile is ignored. Nothing changes outside the main thread."""
    fired: list[int] = []

    def stop(signum: int, _frame: FrameType | None) -> None:
        if fired:
            return  # the first one's stop is being recorded
        fired.append(signum)
        raise KeyboardInterrupt

    previous: dict[int, Any] = {}
    for name in ("SIGINT", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            previous[number] = signal.signal(number, stop)
        except (ValueError, OSError):  # not the main thread (an embedder, a test)
            continue
    try:
        yield
    finally:
        for number, handler in previous.items():
            with contextlib.suppress(ValueError, OSError):
                signal.signal(number, handler)


def _stopped(result: PlanRunResult, *, json_mode: bool) -> int:
    """A run stopped by Ctrl-C or SIGTERM: what was sent, and the code (5: a call was cut
    short in flight)."""
    if json_mode:
        say_json(_run_dict(result, LocalZone.system()))
    else:
        err(result.sentence())
    return Outcome.UNKNOWN.exit_code if result.in_doubt else EXIT_INTERRUPTED


def _not_started(result: PlanRunResult, *, json_mode: bool) -> int:
    refusal = result.refusal
    assert refusal is not None
    return invalid(InvalidInput(refusal.reason, refusal.message), json_mode=json_mode,
                   server=result.plan.server)


def cmd_run(args: argparse.Namespace) -> int:
    json_mode: bool = args.json
    with front_door() as ops:
        saved = ops.store.plan(args.name)
        if saved is None:
            return no_plan(args.name)
        plan = saved.plan
        usage = usage_of(ops.store, plan.server)
        if usage.uncertain and not args.yes:
            return invalid(InvalidInput(Reason.BUDGET_EXHAUSTED,
                                        uncertain_refusal(usage, "The plan")),
                           json_mode=json_mode, server=plan.server)

        def on_start(start: PlanRunStart) -> None:
            note_near_limit(start.bulk, start.usage, json_mode=json_mode)

        try:
            with _stopping_on_signals(), calling():
                result = run_plan(
                    ops, saved, keep_going=args.keep_going, opener=_opener(ops),
                    on_start=on_start, zone=LocalZone.system(),
                    on_result=call_printer(plan.action, len(plan.campaigns),
                                           json_mode=json_mode),
                )
        except PlanRunStopped as stop:
            return _stopped(stop.result, json_mode=json_mode)
    if result.summary is None:
        return _not_started(result, json_mode=json_mode)
    print_speeds(result.summary, json_mode=json_mode)
    print_summary(result.summary, json_mode=json_mode)
    return result.exit_code


def print_speeds(summary: BulkSummary, *, json_mode: bool, prefix: str = "") -> None:
    """The speeds a start plan set after its starts: a line each, or a JSON object each
    (the 7 call keys, ``campaign``, ``type`` and ``speed``)."""
    for record in summary.records:
        result, item = record.speed_result, record.item
        if result is None:
            continue
        line = f"{prefix}speed {item.campaign_id} ({item.campaign_type.value}) to {item.speed}: "
        report(result, line, {"campaign": item.campaign_id, "type": item.campaign_type.value,
                              "speed": item.speed}, json_mode)


def cmd_run_due(*, json_mode: bool) -> int:
    zone = LocalZone.system()
    printer: list[Any] = []

    def on_start(start: PlanRunStart) -> None:
        assert start.slot is not None
        if not json_mode:
            say(f"Plan {start.plan.name!r}, due at {_local(start.slot.moment, zone)}: "
                f"{start.plan.action.value} {plural(len(start.bulk.items), 'campaign')} of "
                f"operation {start.plan.server}.")
            note_near_limit(start.bulk, start.usage, json_mode=json_mode)
            if start.usage.uncertain:  # a scheduled run has nobody to ask: it says so
                err(f"Note: today's token use is not known exactly (the data file was "
                    f"rebuilt today); at least {start.usage.used:,} of "
                    f"{start.usage.budget:,} counted.")
            printer[:] = [call_printer(start.plan.action, len(start.bulk.items),
                                       json_mode=False, prefix="  ")]

    def on_result(index: int, item: BulkItem, result: CallResult) -> None:
        if printer:
            printer[0](index, item, result)

    def on_finished(result: PlanRunResult) -> None:
        printer.clear()
        if result.summary is not None and not json_mode:
            print_speeds(result.summary, json_mode=False, prefix="  ")
        if json_mode:
            say_json(_run_dict(result, zone))
        else:
            (say if result.ok else err)(result.sentence())

    try:
        with front_door() as ops, _stopping_on_signals(), calling():
            report = run_due(ops, zone=zone, opener=_opener(ops), on_start=on_start,
                             on_result=on_result, on_finished=on_finished)
    except PlanRunStopped as stop:
        return _stopped(stop.result, json_mode=json_mode)
    for missed in report.missed:
        if json_mode:
            say_json(_missed_dict(missed, zone))
        else:
            err(missed.sentence(zone))
    if not report.runs and not report.missed and not json_mode:
        say("No plan is due.")
    return report.exit_code


def _run_dict(result: PlanRunResult, zone: LocalZone) -> dict[str, Any]:
    calls: list[dict[str, Any]] = []
    if result.summary is not None:
        for record in result.summary.records:
            for call in record.results:
                obj = call.to_json_dict()
                obj.update(campaign=record.item.campaign_id,
                           type=record.item.campaign_type.value)
                calls.append(obj)
            if record.speed_result is not None:
                obj = record.speed_result.to_json_dict()
                obj.update(campaign=record.item.campaign_id,
                           type=record.item.campaign_type.value, speed=record.item.speed)
                calls.append(obj)
    slot = result.slot
    return {
        "plan": result.plan.name,
        "slot": slot.key if slot else None,
        "due_at": _iso(slot.moment, zone) if slot else None,
        "status": "stopped" if result.stopped else "ran" if result.started else "not_started",
        "ok": result.ok,
        "outcome": result.outcome.value,
        "message": result.sentence(),
        "calls": calls,
    }


def _missed_dict(missed: MissedSlot, zone: LocalZone) -> dict[str, Any]:
    return {
        "plan": missed.saved.name,
        "slot": missed.slot.key,
        "due_at": _iso(missed.slot.moment, zone),
        "status": "missed",
        "ok": False,
        "outcome": None,
        "message": missed.sentence(zone),
        "calls": [],
    }


# ---------------------------------------------------------------------------- remove, files
def cmd_remove(name: str) -> int:
    with front_door() as ops:
        removed = ops.store.delete_plan(name)
    if not removed:
        return no_plan(name)
    say(f"Plan {name.strip()!r} removed (the history of its runs stays).")
    return EXIT_OK


def cmd_export(target: str) -> int:
    with front_door() as ops:
        plans = [saved.plan for saved in ops.store.plans()]
    text = plans_to_json(plans)
    if target == "-":
        stream = sys.stdout
        if stream is not None:  # None in a windowed program (no console)
            stream.write(text)
            stream.flush()
        return EXIT_OK
    path = Path(target)
    _write_atomically(path, text)
    say(f"{plural(len(plans), 'plan')} written to {path}.")
    return EXIT_OK


def _write_atomically(path: Path, text: str) -> None:
    """The whole file or nothing: a temporary file beside it, renamed over it."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cmd_import(path: Path) -> int:
    try:
        plans = plans_from_json(read_plans_file(path))
    except PlanError as exc:
        return refused(exc)
    with front_door() as ops:
        added, replaced = ops.store.save_plans(plans)
    say(f"{plural(len(plans), 'plan')} imported from {path}: {added} added, "
        f"{replaced} replaced.")
    return EXIT_OK
