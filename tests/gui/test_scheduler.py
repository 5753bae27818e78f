"""The window's scheduler on an injected clock: a real WorkerHandle (its thread, its jobs,
the front door), a real SQLite store file, the simulator on loopback, a real Qt event loop
offscreen. The clock runs at the real pace from a chosen moment, so the single-shot timer
the scheduler arms really fires (nothing here waits for 07:00)."""

from __future__ import annotations

import time as monotonic_time
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.gui import test_worker
from tests.gui.conftest import Catcher
from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.plan_runs import PlanRunResult
from wolkvox_desktop.core.plans import Plan, Schedule
from wolkvox_desktop.core.schedule import LocalZone, utc_now
from wolkvox_desktop.core.store import Operation, SavedPlan, Store
from wolkvox_desktop.gui.jobs import Lane
from wolkvox_desktop.gui.plans import notices
from wolkvox_desktop.gui.plans.scheduler import Look, PlanScheduler
from wolkvox_desktop.gui.worker import WorkerHandle
from wolkvox_desktop.simulator.server import Simulator

ZONE = LocalZone.named("America/Bogota")
SERVER = "0032"
WAIT_MS = 15_000
P = CampaignType.PREVIEW

make_handle = test_worker.make_handle  # the fixture: the window's worker, as the app builds it


class MovedClock:
    """The real clock's pace from a chosen moment (the timer's real waits match it)."""

    def __init__(self, start: datetime) -> None:
        self.set(start)

    def set(self, moment: datetime) -> None:
        self._start, self._t0 = moment, monotonic_time.monotonic()

    def __call__(self) -> datetime:
        return self._start + timedelta(seconds=monotonic_time.monotonic() - self._t0)


def slot_at(at: time) -> datetime:
    """The next moment of ``at`` a minute or more after the real now: plans are saved with
    the real clock, so their slots before it are not theirs, and the one before this slot
    is not missed."""
    after = utc_now() + timedelta(minutes=1)
    day = ZONE.wall(after).date()
    moments = (ZONE.moment_of(datetime.combine(day + timedelta(days=d), at)) for d in range(3))
    return next(m for m in moments if m > after)


def save_plan(path: Path, name: str = "Mañana", *, at: str | None = "07:00",
              ids: tuple[str, ...] = ("3303", "3306", "3308"), action: str = "start",
              server: str = SERVER) -> SavedPlan:
    """Saved from another connection to the window's store file (as the CLI would)."""
    schedule = Schedule.parse(at, "daily") if at else None
    with Store(path) as store:
        return store.save_plan(Plan.create(name, server, action,
                                           [CampaignRef(i, P) for i in ids], schedule))[0]


def starts(sim: Simulator) -> list[str]:
    return [r.query.get("campaign_id", "") for r in sim.requests if r.api == "start"]


def settle(qtbot: QtBot, handle: WorkerHandle) -> None:
    """Until every STORE job asked for so far has answered (they run in order)."""
    answered: list[object] = []
    handle.submit(lambda _ops: None, lane=Lane.STORE, done=answered.append)
    qtbot.waitUntil(lambda: bool(answered), timeout=WAIT_MS)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "worker.sqlite3"  # make_handle's store file


@pytest.fixture
def scheduler(qtbot: QtBot, make_handle: Any) -> Callable[..., PlanScheduler]:
    def _make(clock: MovedClock, handle: WorkerHandle | None = None) -> PlanScheduler:
        return PlanScheduler(handle or make_handle(), clock=clock, zone=ZONE)

    return _make


# ------------------------------------------------------------------ on schedule


def test_a_due_plan_runs_once_at_its_slot_and_the_timer_is_armed_for_the_next(
    qtbot: QtBot, scheduler: Any, store_path: Path, gui_simulator: Simulator
) -> None:
    moment = slot_at(time(7, 0))
    clock = MovedClock(moment - timedelta(milliseconds=400))
    s = scheduler(clock)
    save_plan(store_path, ids=("3308", "3303", "3306"))
    ended = Catcher(s.runFinished)
    looks = Catcher(s.looked)
    s.start()
    qtbot.waitUntil(lambda: bool(looks.values), timeout=WAIT_MS)
    first: Look = looks.values[0]
    assert (first.names, first.scheduled, first.due, first.wakeup) == (("Mañana",), 1, 0, moment)
    assert s.timer.isActive() and s.timer.interval() <= 400  # armed for 07:00
    assert starts(gui_simulator) == []
    qtbot.waitUntil(lambda: bool(ended.values), timeout=WAIT_MS)
    result: PlanRunResult = ended.values[0]
    assert result.ok and result.slot is not None and result.slot.moment == moment
    assert starts(gui_simulator) == ["3308", "3303", "3306"]  # in the plan's order, once
    # armed again: the next slot is tomorrow's, looked at again within a minute
    tomorrow = moment + timedelta(days=1)
    qtbot.waitUntil(lambda: s.next_wakeup == tomorrow and s.timer.isActive(), timeout=WAIT_MS)
    assert s.timer.interval() == 60_000  # MAX_WAIT_S: a clock change is noticed
    s.check_now()  # looking again within the slot's 15 minutes runs nothing more
    qtbot.waitUntil(lambda: len(looks.values) >= 3, timeout=WAIT_MS)
    assert starts(gui_simulator) == ["3308", "3303", "3306"] and len(ended.values) == 1
    with Store(store_path) as store:
        rows = store.history(plan="Mañana")
        saved = store.plan("Mañana")
    assert [(r.campaign_id, r.outcome) for r in reversed(rows)] == [
        ("3308", "ok"), ("3303", "ok"), ("3306", "ok")]
    assert saved is not None and saved.last_outcome == "ok"


def test_two_windows_on_one_store_run_a_slot_exactly_once(
    qtbot: QtBot, scheduler: Any, make_handle: Any, store_path: Path,
    gui_simulator: Simulator
) -> None:
    moment = slot_at(time(6, 30))
    save_plan(store_path, at="06:30", ids=("3303", "3306"))
    clock = MovedClock(moment + timedelta(seconds=5))  # due for both, at the same moment
    first, second = scheduler(clock), scheduler(clock, make_handle())
    ended = [Catcher(first.runFinished), Catcher(second.runFinished)]
    looked = [Catcher(first.looked), Catcher(second.looked)]
    first.start()
    second.start()
    qtbot.waitUntil(lambda: sum(len(e.values) for e in ended) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: all(len(c.values) >= 2 for c in looked), timeout=WAIT_MS)
    assert starts(gui_simulator) == ["3303", "3306"]


def test_a_slot_missed_by_more_than_15_minutes_is_reported_once_and_not_run(
    qtbot: QtBot, scheduler: Any, store_path: Path, gui_simulator: Simulator
) -> None:
    moment = slot_at(time(7, 0))
    save_plan(store_path)
    s = scheduler(MovedClock(moment + timedelta(minutes=16)))
    missed = Catcher(s.slotsMissed)
    looks = Catcher(s.looked)
    s.start()
    qtbot.waitUntil(lambda: bool(missed.values), timeout=WAIT_MS)
    (slot,) = missed.values[0]
    assert slot.saved.name == "Mañana" and slot.slot.moment == moment
    s.check_now()
    qtbot.waitUntil(lambda: len(looks.values) >= 2, timeout=WAIT_MS)
    assert len(missed.values) == 1  # told once
    assert gui_simulator.requests == []  # never run late
    note = notices.slots_missed(missed.values[0], ZONE, s.now())
    assert note.title == "Plan “Mañana” was missed" and note.outcome == "invalid"
    assert "It was due " in note.body and "run it from Plans" in note.body


def test_pause_schedules_stops_firing_and_resuming_runs_a_slot_still_due(
    qtbot: QtBot, scheduler: Any, make_handle: Any, store_path: Path,
    gui_simulator: Simulator
) -> None:
    moment = slot_at(time(7, 0))
    save_plan(store_path, ids=("3303",))
    clock = MovedClock(moment - timedelta(minutes=1))
    handle = make_handle()
    s = scheduler(clock, handle)
    paused = Catcher(s.pausedChanged)
    looks = Catcher(s.looked)
    s.start()
    qtbot.waitUntil(lambda: bool(looks.values) and s.timer.isActive(), timeout=WAIT_MS)
    s.set_paused(True)
    assert paused.values == [True] and s.paused and not s.timer.isActive()
    clock.set(moment + timedelta(minutes=2))  # the slot comes while paused
    s.check_now()  # a plan saved, the clock moved: nothing is looked at while paused
    settle(qtbot, handle)
    assert len(looks.values) == 1 and not s.timer.isActive()
    assert gui_simulator.requests == []
    ended = Catcher(s.runFinished)
    s.set_paused(False)  # within the slot's 15 minutes: it runs now
    qtbot.waitUntil(lambda: bool(ended.values), timeout=WAIT_MS)
    assert paused.values == [True, False] and starts(gui_simulator) == ["3303"]


def test_a_scheduled_run_stops_at_the_first_failure_and_says_the_rest_was_not_sent(
    qtbot: QtBot, scheduler: Any, store_path: Path, gui_simulator: Simulator
) -> None:
    moment = slot_at(time(7, 0))
    save_plan(store_path, ids=("3303", "9999", "3306", "3308"))
    s = scheduler(MovedClock(moment + timedelta(seconds=1)))
    ended = Catcher(s.runFinished)
    s.start()
    qtbot.waitUntil(lambda: bool(ended.values), timeout=WAIT_MS)
    assert starts(gui_simulator) == ["3303", "9999"]  # no confirmation, no retry, no more
    note = notices.run_ended(ended.values[0])
    assert note.title == "Plan “Mañana” stopped at a failure"
    assert "Campaign 9999 failed: " in note.body
    assert note.body.endswith("were not sent.") and " 2 campaign" in note.body
    assert note.outcome == Outcome.REFUSED.value


def test_a_scheduled_run_past_todays_budget_does_not_start_and_says_why(
    qtbot: QtBot, scheduler: Any, store_path: Path, gui_simulator: Simulator
) -> None:
    moment = slot_at(time(7, 0))
    with Store(store_path) as store:  # today's budget: 1000 uses; 998 used
        store.upsert_operation(Operation(SERVER, "Norte", licenses=1, timeout_s=5.0))
        earlier = CallResult(Outcome.OK, Reason.OK, "Listed.", 200, 200, None, "Data found", 3)
        for _ in range(998):
            store.finish_call(store.begin_call(SERVER, "campaigns"), earlier)
    save_plan(store_path)
    s = scheduler(MovedClock(moment + timedelta(seconds=1)))
    ended = Catcher(s.runFinished)
    s.start()
    qtbot.waitUntil(lambda: bool(ended.values), timeout=WAIT_MS)
    result: PlanRunResult = ended.values[0]
    assert not result.started and gui_simulator.requests == []
    note = notices.run_ended(result)
    assert note.title == "Plan “Mañana” did not start" and note.outcome == "invalid"
    assert note.body.startswith("Its 3 call")  # (the plural forms: test_plans_notices.py)
    assert note.body.endswith(" would pass today's token budget for operation 0032, so "
                              "nothing was sent. The history says so.")
    with Store(store_path) as store:
        (row,) = store.history(plan="Mañana")
    assert (row.outcome, row.reason, row.campaign_id) == ("invalid", "budget_exhausted", None)
