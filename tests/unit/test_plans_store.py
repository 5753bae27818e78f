"""The store's plans and plan_slots tables (schema v4), on a real SQLite file."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from wolkvox_desktop.core.campaigns import Action, CampaignRef, CampaignType
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.plans import Plan, PlanError, PlanField, Schedule
from wolkvox_desktop.core.store import MIGRATIONS, SCHEMA_VERSION, SlotState, Store

P = CampaignType.PREVIEW
T0 = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)


class Clock:
    """A clock the test moves (the store's and the scheduler's ``now``)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    s = Store(tmp_path / "store.sqlite3", clock=clock)
    try:
        yield s
    finally:
        s.close()


def plan(name: str = "Mañana", at: str | None = "07:00", ids: tuple[str, ...] = ("1", "2"),
         days: str = "daily") -> Plan:
    schedule = Schedule.parse(at, days) if at else None
    return Plan.create(name, "0032", "start", [CampaignRef(i, P) for i in ids], schedule)


def test_save_list_and_read_back(store: Store) -> None:
    saved, created = store.save_plan(plan())
    assert created and saved.plan == plan()
    assert saved.schedule_from == saved.created_at == T0
    assert saved.last_run_at is None
    store.save_plan(plan("alba", None))
    assert [s.name for s in store.plans()] == ["alba", "Mañana"]  # by name, any case
    for spelling in ("Mañana", "MAÑANA", " mañana "):  # any case, accents included
        found = store.plan(spelling)
        assert found is not None and found.id == saved.id
    assert store.plan("Manana") is None


def test_a_second_plan_with_the_name_is_refused_unless_replacing(
    store: Store, clock: Clock
) -> None:
    first, _ = store.save_plan(plan("Turno"))
    with pytest.raises(PlanError) as caught:
        store.save_plan(plan("turno", ids=("9",)))
    assert caught.value.field is PlanField.NAME and "already exists" in caught.value.message
    clock.now = T0 + timedelta(hours=1)
    same_schedule, created = store.save_plan(plan("TURNO", ids=("9",)), replace=True)
    assert not created and same_schedule.id == first.id
    assert same_schedule.name == "TURNO" and [c.id for c in same_schedule.plan.campaigns] == ["9"]
    assert same_schedule.schedule_from == T0  # the schedule did not change: slots stay
    moved, _ = store.save_plan(plan("TURNO", at="08:00"), replace=True)
    assert moved.schedule_from == T0 + timedelta(hours=1)  # a new schedule starts now


def test_rename_keeps_the_plan_and_refuses_a_taken_name(store: Store) -> None:
    a, _ = store.save_plan(plan("A"))
    store.save_plan(plan("B"))
    renamed, created = store.save_plan(plan("A2"), previous="A")
    assert not created and renamed.id == a.id
    with pytest.raises(PlanError, match="'B' already exists"):
        store.save_plan(plan("B"), previous="A2")
    with pytest.raises(PlanError, match="no plan named 'Z'"):
        store.save_plan(plan("Q"), previous="Z")


def test_save_plans_adds_and_replaces(store: Store) -> None:
    store.save_plan(plan("A"))
    assert store.save_plans([plan("a", ids=("5",)), plan("B")]) == (1, 1)
    assert [(s.name, [c.id for c in s.plan.campaigns]) for s in store.plans()] == [
        ("a", ["5"]), ("B", ["1", "2"])]


class _Exploding(list[Plan]):
    """A list whose iteration fails after its items: the transaction must roll back."""

    def __iter__(self) -> Iterator[Plan]:
        yield from super().__iter__()
        raise RuntimeError("disk gone")


def test_save_plans_rolls_back_on_failure(store: Store) -> None:
    with pytest.raises(RuntimeError):
        store.save_plans(_Exploding([plan("D"), plan("E")]))
    assert store.plans() == []


def test_delete_takes_the_slots_but_not_the_history(store: Store) -> None:
    saved, _ = store.save_plan(plan())
    assert store.claim_slot(saved.id, "2026-03-10 07:00", T0)
    row = store.begin_call("0032", Action.START, "1", P, plan=saved.name)
    store.finish_call(row, CallResult(Outcome.OK, Reason.OK, "Started."))
    assert store.delete_plan("Mañana") and not store.delete_plan("Mañana")
    assert store.plan_slots("Mañana") == []
    assert [r.plan for r in store.history()] == ["Mañana"]
    # the same name again is a new plan: the old slot is gone with the old one
    again, _ = store.save_plan(plan())
    assert store.claim_slot(again.id, "2026-03-10 07:00", T0)


def test_a_slot_is_claimed_once_and_finished(store: Store, clock: Clock) -> None:
    saved, _ = store.save_plan(plan())
    key = "2026-03-10 07:00"
    assert store.claim_slot(saved.id, key, T0)
    assert not store.claim_slot(saved.id, key, T0)
    assert not store.claim_slot(saved.id, key, T0, SlotState.MISSED)
    assert not store.claim_slot(saved.id + 99, key, T0)  # no such plan: no row, no error
    record = store.slot_record(saved.id, key)
    assert record is not None and record.state is SlotState.RUNNING
    clock.now = T0 + timedelta(minutes=1)
    store.finish_slot(saved.id, key, SlotState.DONE, "ok", "Plan 'Mañana': 2 campaigns started.")
    store.finish_slot(saved.id, key, SlotState.NOT_STARTED, "invalid", "again")  # ignored
    (record,) = store.plan_slots("Mañana")
    assert (record.state, record.outcome) == (SlotState.DONE, "ok")
    assert record.finished_at == T0 + timedelta(minutes=1)
    store.record_plan_run(saved.id, T0, "ok")
    refreshed = store.plan("Mañana")
    assert refreshed is not None
    assert (refreshed.last_run_at, refreshed.last_outcome) == (T0, "ok")


def test_many_connections_claiming_at_once_exactly_one_wins(
    tmp_path: Path, store: Store
) -> None:
    saved, _ = store.save_plan(plan())
    stores = [Store(tmp_path / "store.sqlite3") for _ in range(8)]
    barrier = threading.Barrier(len(stores))
    wins: list[bool] = []
    lock = threading.Lock()

    def claim(s: Store) -> None:
        barrier.wait()
        won = s.claim_slot(saved.id, "2026-03-10 07:00", T0)
        with lock:
            wins.append(won)

    threads = [threading.Thread(target=claim, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for s in stores:
        s.close()
    assert sorted(wins) == [False] * 7 + [True]


def test_a_slot_claimed_by_a_store_that_is_gone_reads_as_interrupted(
    tmp_path: Path, store: Store
) -> None:
    saved, _ = store.save_plan(plan())
    other = Store(tmp_path / "store.sqlite3")
    assert other.claim_slot(saved.id, "2026-03-10 07:00", T0)
    (live,) = store.plan_slots("Mañana")
    assert live.state is SlotState.RUNNING  # its owner is open
    other.close()
    (gone,) = store.plan_slots("Mañana")
    assert gone.state is SlotState.INTERRUPTED


def test_migration_to_v4_adds_the_tables_and_the_history_plan(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:3]:
        for statement in step:
            conn.execute(statement)
    conn.execute("PRAGMA user_version=3")
    conn.execute("INSERT INTO history (started_at, server, action, outcome) "
                 "VALUES ('2026-01-05T10:00:00.000000+00:00', '0032', 'campaigns', 'ok')")
    conn.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION >= 4
        (old,) = store.history()
        assert old.plan is None
        saved, _ = store.save_plan(plan())
        store.finish_call(store.begin_call("0032", "start", "1", "preview", plan="Mañana"),
                          CallResult(Outcome.OK, Reason.OK, "Started."))
        assert [r.plan for r in store.history(plan="Mañana")] == ["Mañana"]
        assert [r.plan for r in store.history()] == ["Mañana", None]
        assert store.history(plan="Other") == []
