"""Plans claimed when they begin and never late, at the core: core.plan_runs against the
simulator on loopback and a real SQLite file, on clocks the test moves (the real 15
minutes are not waited for). The same rules between real processes:
test_plan_runs_processes.py."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from tests.integration.test_plan_runs import BOGOTA, calls, local, save
from tests.support.sim_fixtures import DEMO_TOKEN
from tests.unit.test_plans_store import Clock
from wolkvox_desktop.core.bulk import BulkItem
from wolkvox_desktop.core.errors import CallResult
from wolkvox_desktop.core.operations import Operations
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.plan_runs import (
    PlanRunStopped,
    begin_run_by_hand,
    plan_states,
    run_due,
    run_plan,
)
from wolkvox_desktop.core.store import SlotState, Store
from wolkvox_desktop.core.store.records import PlanRunState
from wolkvox_desktop.simulator import Simulator

SLOW = ("3303", "3304", "3306", "3308")


@pytest.fixture
def clock() -> Clock:
    return Clock(local(BOGOTA, "2026-03-10 06:00"))


@pytest.fixture
def ops(simulator: Simulator, clock: Clock, monkeypatch: pytest.MonkeyPatch
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


class SimulatorClock:
    """07:00:30 plus ``minutes`` for every call the simulator has received: a slow plan's
    calls move the clock, so what comes after it is judged at the time it really could
    begin."""

    def __init__(self, sim: Simulator, start: datetime, minutes: float) -> None:
        self.sim, self.start, self.step = sim, start, timedelta(minutes=minutes)

    def __call__(self) -> datetime:
        return self.start + self.step * len(self.sim.requests)


# ------------------------------------------------------------------ never late


def test_a_plan_queued_behind_a_slow_one_past_its_grace_is_missed_not_sent_late(
    ops: Operations, simulator: Simulator
) -> None:
    save(ops, "A lento", ids=SLOW)  # both at 07:00; "A lento" runs first (by name)
    save(ops, "B", ids=("3301",))
    moving = SimulatorClock(simulator, local(BOGOTA, "2026-03-10 07:00:30"), minutes=4)
    report = run_due(ops, clock=moving, zone=BOGOTA)
    # four calls took "16 minutes": B could only begin at 07:16:30
    assert [r.plan.name for r in report.runs] == ["A lento"] and report.runs[0].ok
    assert calls(simulator) == list(SLOW)  # 3301 never sent
    (late,) = report.missed
    assert (late.saved.name, late.slot.key, late.late) == ("B", "2026-03-10 07:00", True)
    assert "could not begin within 15 minutes" in late.sentence(BOGOTA)
    assert "not run late" in late.sentence(BOGOTA)
    (slot,) = ops.store.plan_slots("B")
    assert slot.state is SlotState.MISSED
    assert ops.store.history(plan="B") == []
    # reported once, shown as missed, never run afterwards
    again = run_due(ops, now=local(BOGOTA, "2026-03-10 07:17"), zone=BOGOTA)
    assert again.runs == () and again.missed == ()
    states = {s.plan.name: s for s in plan_states(ops.store, now=moving(), zone=BOGOTA)}
    assert states["B"].missed is not None and states["A lento"].missed is None
    assert calls(simulator) == list(SLOW)


def test_a_plan_queued_behind_a_quick_one_still_runs(
    ops: Operations, simulator: Simulator
) -> None:
    save(ops, "A", ids=("3303", "3306"))
    save(ops, "B", ids=("3301",))
    moving = SimulatorClock(simulator, local(BOGOTA, "2026-03-10 07:00:30"), minutes=4)
    report = run_due(ops, clock=moving, zone=BOGOTA)  # B may begin at 07:08:30
    assert [r.plan.name for r in report.runs] == ["A", "B"] and report.missed == ()
    assert calls(simulator) == ["3303", "3306", "3301"]


# ------------------------------------------------------------------ claimed when it begins


def test_a_run_by_hand_claims_the_due_slot_when_it_begins(
    ops: Operations, clock: Clock
) -> None:
    saved = save(ops)
    clock.now = local(BOGOTA, "2026-03-10 07:03")
    ticket = begin_run_by_hand(ops.store, saved, now=clock.now, zone=BOGOTA)
    assert not isinstance(ticket, CallResult)
    assert ticket.slot is not None and ticket.slot.key == "2026-03-10 07:00"
    (slot,) = ops.store.plan_slots("Mañana")
    assert slot.state is SlotState.RUNNING  # before any call
    # the scheduler, now or later in the window, leaves it alone
    assert run_due(ops, now=local(BOGOTA, "2026-03-10 07:04"), zone=BOGOTA).runs == ()
    # a second run by hand while it is under way is refused (nothing sent, one row)
    refused = begin_run_by_hand(ops.store, saved, now=clock.now, zone=BOGOTA)
    assert isinstance(refused, CallResult)
    assert "is already running (begun at 07:03)" in refused.message
    (row,) = ops.store.history(plan="Mañana")
    assert (row.outcome, row.campaign_id) == ("invalid", None)
    last = ops.store.plan("Mañana")
    assert last is not None and last.last_outcome == "running"
    assert last.last_run is not None and last.last_run.state is PlanRunState.RUNNING


def test_a_run_by_hand_outside_the_window_claims_no_slot(
    ops: Operations, simulator: Simulator, clock: Clock
) -> None:
    saved = save(ops)
    clock.now = local(BOGOTA, "2026-03-10 07:20")  # the 07:00 slot is past its grace
    result = run_plan(ops, saved, now=clock.now, zone=BOGOTA)
    assert result.ok and result.slot is None
    assert ops.store.plan_slots("Mañana") == []
    (run,) = ops.store.plan_runs("Mañana")
    assert (run.slot, run.state, run.sent, run.total) == (None, PlanRunState.DONE, 3, 3)
    # the run by hand since the slot settles it: not reported missed
    assert run_due(ops, now=clock.now, zone=BOGOTA).missed == ()


def test_a_slot_that_comes_during_a_run_by_hand_is_covered_not_run_again(
    ops: Operations, simulator: Simulator, clock: Clock
) -> None:
    saved = save(ops)
    simulator.faults.hang = True  # the run by hand waits on its first call
    clock.now = local(BOGOTA, "2026-03-10 06:59:50")
    by_hand = threading.Thread(target=run_plan, args=(ops, saved),
                               kwargs={"now": clock.now, "zone": BOGOTA})
    by_hand.start()
    try:
        deadline = time.monotonic() + 30
        while simulator.hung != 1:
            assert time.monotonic() < deadline, "the run by hand never reached the server"
            time.sleep(0.01)
        report = run_due(ops, now=local(BOGOTA, "2026-03-10 07:00:05"), zone=BOGOTA)
        assert report.runs == () and report.missed == ()
    finally:
        simulator.reset_faults()
        by_hand.join(30)
    assert calls(simulator) == ["3303", "3306", "3308"]  # once
    (slot,) = ops.store.plan_slots("Mañana")
    assert slot.state is SlotState.COVERED
    assert "under way" in (slot.message or "")


# ------------------------------------------------------------------ stopped


def test_ctrl_c_mid_plan_ends_it_stopped_with_the_rest_not_sent(
    ops: Operations, simulator: Simulator, clock: Clock
) -> None:
    save(ops, ids=SLOW)
    clock.now = local(BOGOTA, "2026-03-10 07:01")

    def interrupt_after_two(index: int, _item: BulkItem, _result: CallResult) -> None:
        if index == 1:
            raise KeyboardInterrupt  # as Ctrl-C between two calls

    with pytest.raises(PlanRunStopped) as stopped:
        run_due(ops, now=clock.now, zone=BOGOTA, on_result=interrupt_after_two)
    result = stopped.value.result
    assert result.stopped and result.sent == 2 and not result.in_doubt
    assert result.sentence() == ("Plan 'Mañana' was stopped: 2 of 4 sent (2 started); 2 "
                                 "never called, recorded in the history as not sent.")
    assert calls(simulator) == ["3303", "3304"]
    rows = {r.campaign_id: (r.outcome, r.reason) for r in ops.store.history(plan="Mañana")}
    assert rows == {"3303": ("ok", "ok"), "3304": ("ok", "ok"),
                    "3306": ("invalid", "not_run"), "3308": ("invalid", "not_run")}
    (run,) = ops.store.plan_runs("Mañana")
    assert (run.state, run.sent, run.total, run.outcome) == (PlanRunState.STOPPED, 2, 4,
                                                             "cancelled")
    (slot,) = ops.store.plan_slots("Mañana")
    assert slot.state is SlotState.DONE
    assert run_due(ops, now=local(BOGOTA, "2026-03-10 07:05"), zone=BOGOTA).runs == ()
    assert calls(simulator) == ["3303", "3304"]
