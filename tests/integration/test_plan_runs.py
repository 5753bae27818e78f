"""core.plan_runs against the simulator on loopback and a real SQLite store, on a clock the
test moves (nothing here waits for 07:00). The processes' side of "exactly once" is in
test_plan_cli.py."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.support.sim_fixtures import DEMO_TOKEN
from tests.unit.test_plans_store import Clock  # a clock the test moves
from wolkvox_desktop.core.campaigns import Action, CampaignRef, CampaignType
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.operations import Operations
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.plan_runs import (
    DueReport,
    PlanRunStart,
    next_plan_wakeup,
    plan_states,
    run_due,
    run_plan,
)
from wolkvox_desktop.core.plans import Plan, Schedule
from wolkvox_desktop.core.schedule import LocalZone, slot_on
from wolkvox_desktop.core.store import Operation, SavedPlan, SlotState, Store
from wolkvox_desktop.simulator import Simulator

P = CampaignType.PREVIEW
BOGOTA = LocalZone.named("America/Bogota")
MADRID = LocalZone.named("Europe/Madrid")


def local(zone: LocalZone, text: str) -> datetime:
    return zone.moment_of(datetime.fromisoformat(text))


@pytest.fixture
def clock() -> Clock:
    return Clock(local(BOGOTA, "2026-03-10 06:00"))


@pytest.fixture
def ops(
    simulator: Simulator, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Operations]:
    monkeypatch.setenv("WOLKVOX_API_BASE", simulator.base_url)
    monkeypatch.setenv("WOLKVOX_TOKEN", DEMO_TOKEN)
    store = Store(store_path(), clock=clock)
    operations = Operations(store)
    try:
        yield operations
    finally:
        operations.close()
        store.close()


def save(ops: Operations, name: str = "Mañana", *, at: str | None = "07:00",
         ids: tuple[str, ...] = ("3303", "3306", "3308"), action: str = "start",
         days: str = "daily") -> SavedPlan:
    schedule = Schedule.parse(at, days) if at else None
    plan = Plan.create(name, "0032", action, [CampaignRef(i, P) for i in ids], schedule)
    return ops.store.save_plan(plan)[0]


def calls(sim: Simulator, api: str = "start") -> list[str]:
    return [r.query.get("campaign_id", "") for r in sim.requests if r.api == api]


def due(ops: Operations, clock: Clock, text: str, zone: LocalZone = BOGOTA) -> DueReport:
    clock.now = local(zone, text)
    return run_due(ops, now=clock.now, zone=zone)


# ------------------------------------------------------------------ a run by hand


def test_a_run_by_hand_calls_in_order_and_every_row_carries_the_plan(
    ops: Operations, simulator: Simulator, clock: Clock
) -> None:
    saved = save(ops, ids=("3308", "3303", "3306"))
    starts: list[PlanRunStart] = []
    seen: list[str] = []
    result = run_plan(ops, saved, now=clock.now, on_start=starts.append,
                      on_result=lambda i, item, r: seen.append(f"{i}:{item.campaign_id}:{r.ok}"))
    assert result.ok and result.exit_code == 0 and result.slot is None
    assert calls(simulator) == ["3308", "3303", "3306"]
    assert seen == ["0:3308:True", "1:3303:True", "2:3306:True"]
    assert starts[0].bulk.cost == 3 and starts[0].usage.used == 0
    rows = ops.store.history()
    assert [(r.campaign_id, r.plan, r.outcome) for r in reversed(rows)] == [
        ("3308", "Mañana", "ok"), ("3303", "Mañana", "ok"), ("3306", "Mañana", "ok")]
    assert [r.id for r in ops.store.history(plan="Mañana")] == [r.id for r in rows]
    after = ops.store.plan("Mañana")
    assert after is not None and (after.last_run_at, after.last_outcome) == (clock.now, "ok")
    assert result.sentence() == "Plan 'Mañana': 3 campaigns started."


def test_a_run_stops_at_the_first_failure_and_never_retries(
    ops: Operations, simulator: Simulator
) -> None:
    saved = save(ops, ids=("3303", "9999", "3306"))
    result = run_plan(ops, saved)
    assert calls(simulator) == ["3303", "9999"]  # refused, then nothing more
    assert result.outcome is Outcome.REFUSED and result.exit_code == 3
    assert result.summary is not None and result.summary.progress.not_run == 1
    assert "stopped at a failure: 1 started, 1 failed, 1 not called" in result.sentence()
    assert {r.plan for r in ops.store.history()} == {"Mañana"}  # the not-sent row too
    (not_sent,) = [r for r in ops.store.history() if r.reason == "not_run"]
    assert not_sent.campaign_id == "3306"
    simulator.clear_requests()
    kept_going = run_plan(ops, saved, keep_going=True)
    assert calls(simulator) == ["3303", "9999", "3306"]
    assert "ended with failures" in kept_going.sentence()


def test_a_run_past_todays_budget_does_not_start_and_the_history_says_why(
    ops: Operations, simulator: Simulator
) -> None:
    ops.store.upsert_operation(Operation("0032", licenses=1))
    earlier = CallResult(Outcome.OK, Reason.OK, "Listed.", 200, 200, None, "Data found", 3)
    for _ in range(998):
        ops.store.finish_call(ops.store.begin_call("0032", "campaigns"), earlier)
    saved = save(ops)
    result = run_plan(ops, saved)
    assert simulator.requests == []
    assert not result.started and result.exit_code == 2
    assert result.refusal is not None and result.refusal.reason is Reason.BUDGET_EXHAUSTED
    (row,) = ops.store.history(plan="Mañana")
    assert (row.action, row.campaign_id, row.outcome, row.reason) == (
        "start", None, "invalid", "budget_exhausted")
    assert row.message is not None
    assert "needs 3 token uses; 2 of today's 1000 are left" in row.message
    assert "'Mañana' would pass today's token budget, so it did not start" in row.message
    assert ops.usage("0032").used == 998  # a row that was not sent costs nothing
    # a supervisor who confirmed may go over it
    assert run_plan(ops, saved, allow_over_budget=True).ok
    assert calls(simulator) == ["3303", "3306", "3308"]


def test_no_token_is_a_run_that_did_not_start(
    ops: Operations, simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WOLKVOX_TOKEN")
    result = run_plan(ops, save(ops))
    assert result.refusal is not None
    assert result.refusal.reason is Reason.TEST_SERVER_NEEDS_TOKEN
    assert simulator.requests == []
    (row,) = ops.store.history()
    assert (row.plan, row.outcome) == ("Mañana", "invalid")


# ------------------------------------------------------------------ on schedule


def test_a_due_slot_runs_once(ops: Operations, simulator: Simulator, clock: Clock) -> None:
    save(ops)  # saved at 06:00 for 07:00
    assert due(ops, clock, "2026-03-10 06:59").runs == ()
    report = due(ops, clock, "2026-03-10 07:05")
    (run,) = report.runs
    assert run.ok and run.slot.key == "2026-03-10 07:00"
    assert calls(simulator) == ["3303", "3306", "3308"]
    for later in ("2026-03-10 07:05", "2026-03-10 07:14", "2026-03-10 07:40"):
        again = due(ops, clock, later)
        assert again.runs == () and again.missed == ()
    assert calls(simulator) == ["3303", "3306", "3308"]
    (slot,) = ops.store.plan_slots("Mañana")
    assert (slot.slot, slot.state, slot.outcome) == ("2026-03-10 07:00", SlotState.DONE, "ok")
    assert {r.plan for r in ops.store.history()} == {"Mañana"}
    # the next day's slot is a new one
    (tomorrow,) = due(ops, clock, "2026-03-11 07:00").runs
    assert tomorrow.slot.key == "2026-03-11 07:00"


def test_a_slot_missed_by_more_than_15_minutes_is_reported_once_and_not_run(
    ops: Operations, simulator: Simulator, clock: Clock
) -> None:
    saved = save(ops)
    report = due(ops, clock, "2026-03-10 07:15:01")
    assert report.runs == ()
    (missed,) = report.missed
    assert missed.slot.key == "2026-03-10 07:00"
    assert "was due at 2026-03-10 07:00 and was not run then" in missed.sentence(BOGOTA)
    assert due(ops, clock, "2026-03-10 07:20").missed == ()
    assert simulator.requests == []
    (state,) = plan_states(ops.store, now=clock.now, zone=BOGOTA)
    assert state.missed is not None and state.missed.key == "2026-03-10 07:00"
    assert state.next_slot is not None and state.next_slot.key == "2026-03-11 07:00"
    # run by hand: the missed slot is dealt with
    clock.now = local(BOGOTA, "2026-03-10 07:30")
    assert run_plan(ops, saved, now=clock.now).ok
    (state,) = plan_states(ops.store, now=clock.now, zone=BOGOTA)
    assert state.missed is None


def test_a_plan_made_after_its_time_starts_the_next_day(
    ops: Operations, simulator: Simulator, clock: Clock
) -> None:
    clock.now = local(BOGOTA, "2026-03-10 07:05")
    save(ops)
    report = due(ops, clock, "2026-03-10 07:06")
    assert report.runs == () and report.missed == ()
    (state,) = plan_states(ops.store, now=clock.now, zone=BOGOTA)
    assert state.missed is None and state.next_slot is not None
    assert state.next_slot.key == "2026-03-11 07:00"


def test_a_run_by_hand_inside_the_window_counts_as_the_slots_run(
    ops: Operations, simulator: Simulator, clock: Clock
) -> None:
    saved = save(ops)
    clock.now = local(BOGOTA, "2026-03-10 07:02")
    assert run_plan(ops, saved, now=clock.now).ok
    assert due(ops, clock, "2026-03-10 07:05").runs == ()
    assert calls(simulator) == ["3303", "3306", "3308"]


def test_a_scheduled_run_past_the_budget_does_not_start(
    ops: Operations, simulator: Simulator, clock: Clock
) -> None:
    save(ops)
    ops.store.upsert_operation(Operation("0032", licenses=1))
    earlier = CallResult(Outcome.OK, Reason.OK, "Listed.", 200, 200, None, "Data found", 3)
    clock.now = local(BOGOTA, "2026-03-10 06:30")
    for _ in range(999):
        ops.store.finish_call(ops.store.begin_call("0032", "campaigns"), earlier)
    (run,) = due(ops, clock, "2026-03-10 07:01").runs
    assert not run.started and run.exit_code == 2
    assert simulator.requests == []
    (slot,) = ops.store.plan_slots("Mañana")
    assert slot.state is SlotState.NOT_STARTED and "budget" in (slot.message or "")
    (row,) = ops.store.history(plan="Mañana")
    assert row.reason == "budget_exhausted"
    assert due(ops, clock, "2026-03-10 07:03").runs == ()


def test_daylight_saving_neither_skips_nor_repeats_a_slot(
    ops: Operations, simulator: Simulator, clock: Clock
) -> None:
    clock.now = datetime(2026, 3, 1, tzinfo=timezone.utc)
    save(ops, "Madrugada", at="02:30", ids=("3303",))
    ran: list[str] = []
    missed: list[str] = []
    # every 5 minutes through both transition nights (UTC 00:00 to 03:00)
    for day in (date(2026, 3, 29), date(2026, 10, 25)):
        moment = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
        for _ in range(36):
            clock.now = moment
            report = run_due(ops, now=moment, zone=MADRID)
            ran += [f"{r.slot.key}@{moment:%H:%M}Z" for r in report.runs]
            missed += [m.slot.key for m in report.missed]
            moment += timedelta(minutes=5)
    # spring: 02:30 does not exist, it runs at 03:00 CEST (01:00Z); autumn: the first 02:30
    # (CEST, 00:30Z), not again at the second one (CET, 01:30Z)
    assert ran == ["2026-03-29 02:30@01:00Z", "2026-10-25 02:30@00:30Z"]
    assert missed == ["2026-03-28 02:30", "2026-10-24 02:30"]  # the nights before: nobody ran
    assert len(calls(simulator)) == 2


def test_threads_with_their_own_stores_run_a_slot_once(
    simulator: Simulator, clock: Clock, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("WOLKVOX_API_BASE", simulator.base_url)
    monkeypatch.setenv("WOLKVOX_TOKEN", DEMO_TOKEN)
    simulator.faults.latency = 0.05
    with Store(store_path(), clock=clock) as first:
        save(Operations(first))
    now = local(BOGOTA, "2026-03-10 07:01")
    barrier = threading.Barrier(4)
    counts: list[int] = []

    def window() -> None:
        store = Store(store_path(), clock=Clock(now))
        operations = Operations(store)
        try:
            barrier.wait()
            counts.append(len(run_due(operations, now=now, zone=BOGOTA).runs))
        finally:
            operations.close()
            store.close()

    threads = [threading.Thread(target=window) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(counts) == [0, 0, 0, 1]
    assert sorted(calls(simulator)) == ["3303", "3306", "3308"]


def test_the_timer_wakes_for_the_earliest_plan(ops: Operations, clock: Clock) -> None:
    save(ops, "A", at="07:00")
    save(ops, "B", at="06:30", action="stop")
    save(ops, "C", at=None)
    assert next_plan_wakeup(ops.store, now=clock.now, zone=BOGOTA) == local(
        BOGOTA, "2026-03-10 06:30")
    slot = slot_on(Schedule.parse("06:30"), date(2026, 3, 10), BOGOTA)
    assert slot is not None and next_plan_wakeup(
        ops.store, now=slot.moment, zone=BOGOTA) == local(BOGOTA, "2026-03-10 07:00")
    states = plan_states(ops.store, now=clock.now, zone=BOGOTA)
    assert [(s.plan.name, s.plan.action) for s in states] == [
        ("A", Action.START), ("B", Action.STOP), ("C", Action.START)]
    assert states[2].next_slot is None and states[2].missed is None
