"""The governor of automatic live readings (issue 18, point 2) on a clock the test sets:
the cadence with and without started campaigns, minimised, a call waiting for the slot,
the share and the reserve (slowing down before either, stopping at them), the projection,
and whole simulated days that never pass a limit."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from wolkvox_desktop.core.governor import (
    BoardState,
    GovernorSettings,
    Pace,
    ReadingGovernor,
    reserve_uses,
    share_uses,
)

MIN = timedelta(minutes=1)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 5, 10, hour, minute).astimezone()  # local, aware


def started(**changes: object) -> BoardState:
    values: dict[str, object] = {"any_started": True, "budget": 1000}
    values.update(changes)
    return BoardState(**values)  # type: ignore[arg-type]


GOV = ReadingGovernor()


def test_a_started_campaign_is_read_every_five_minutes() -> None:
    first = GOV.decide(started(), at(8))
    assert first.at == at(8) and first.pace is Pace.STARTED  # nothing read yet: now
    nxt = GOV.decide(started(last_reading_at=at(8), readings_today=1), at(8, 1))
    assert nxt.at == at(8, 5) and nxt.interval == 5 * MIN
    assert nxt.why == "A reading every 5 min while a campaign is started."
    late = GOV.decide(started(last_reading_at=at(8)), at(8, 9))  # overdue: now
    assert late.at == at(8, 9)


def test_nothing_started_is_one_reading_every_thirty_minutes() -> None:
    decision = GOV.decide(started(any_started=False, last_reading_at=at(8)), at(8, 1))
    assert decision.at == at(8, 30) and decision.pace is Pace.IDLE
    assert "every 30 min while no campaign is started" in decision.why


@pytest.mark.parametrize(("chosen", "expected"), [(1, 2), (2, 2), (3, 3), (0, 2)])
def test_a_faster_cadence_from_settings_is_two_minutes_at_most(chosen: int,
                                                               expected: int) -> None:
    governor = ReadingGovernor(GovernorSettings(interval=chosen * MIN))
    decision = governor.decide(started(budget=3000, last_reading_at=at(8)), at(8))
    assert decision.pace is Pace.STARTED
    assert decision.at == at(8) + expected * MIN


def test_minimised_without_a_plan_reads_nothing_with_a_plan_it_does() -> None:
    hidden = GOV.decide(started(shown=False, last_reading_at=at(8)), at(8, 1))
    assert hidden.at is None and hidden.pace is Pace.HIDDEN
    assert hidden.why == "No automatic readings while the window is minimised and no plan runs."
    running = GOV.decide(started(shown=False, plan_running=True, last_reading_at=at(8)),
                         at(8, 1))
    assert running.at == at(8, 5)


def test_no_reading_while_a_call_waits_for_the_slot() -> None:
    decision = GOV.decide(started(action_waiting=True), at(8))
    assert decision.at is None and decision.pace is Pace.ACTION_WAITING
    assert "a reading never makes it wait" in decision.why
    # once the call is done, the reading that was due is due at once
    assert GOV.decide(started(last_reading_at=at(7, 50)), at(8)).at == at(8)


def test_a_reading_not_taken_for_a_busy_slot_is_tried_again_soon_not_at_once() -> None:
    decision = GOV.decide(started(last_reading_at=at(8), not_taken_at=at(8, 5)), at(8, 5))
    assert decision.at == at(8, 5) + timedelta(seconds=30)
    taken = GOV.decide(started(last_reading_at=at(8, 6), not_taken_at=at(8, 5)), at(8, 6))
    assert taken.at == at(8, 11)  # an older refusal no longer matters


def test_the_share_and_the_reserve_of_the_budget() -> None:
    assert share_uses(1000) == 250 and reserve_uses(1000) == 100
    assert reserve_uses(3) == 1  # always at least one use kept for a start or stop
    used_up = GOV.decide(started(readings_today=250, used_today=300), at(8))
    assert used_up.at is None and used_up.pace is Pace.SHARE_USED
    assert used_up.why == ("Automatic readings stopped: today's share for readings is used up "
                           "(250 uses, 25% of the budget).")
    reserve = GOV.decide(started(readings_today=10, used_today=900), at(8))
    assert reserve.at is None and reserve.pace is Pace.RESERVE_ONLY
    assert "the reserve for starting and stopping campaigns (100 uses, 10%)" in reserve.why


def test_it_slows_down_before_the_share_saying_so() -> None:
    # 16 hours left, 10 readings left in the share: one every 96 minutes
    decision = GOV.decide(started(readings_today=240, used_today=240, last_reading_at=at(8)),
                          at(8))
    assert decision.pace is Pace.SLOWED_FOR_SHARE
    assert decision.interval == 96 * MIN and decision.at == at(9, 36)
    assert decision.why == ("Slowed down to a reading every 96 min to stay within today's "
                            "share for readings (25% of the budget).")


def test_it_slows_down_before_the_reserve_saying_so() -> None:
    # the starts and stops of the day used most of the budget: 20 uses before the reserve
    decision = GOV.decide(started(readings_today=20, used_today=880, last_reading_at=at(16)),
                          at(16))
    assert decision.pace is Pace.SLOWED_FOR_RESERVE
    assert decision.interval == 24 * MIN  # 8 hours / 20
    assert "to leave the reserve for starting and stopping campaigns (10%" in decision.why


def test_the_projection() -> None:
    decision = GOV.decide(started(readings_today=36, used_today=50, last_reading_at=at(7, 40)),
                          at(7, 42))
    projection = decision.projection
    assert projection.until == at(18) and decision.at == at(7, 45)
    assert projection.projected == 36 + 1 + 123  # 07:45, then every 5 min up to 18:00
    assert projection.sentence() == ("readings today: 36 · at this pace 160 by 18:00, "
                                     "16 % of the budget")
    evening = GOV.decide(started(readings_today=120, last_reading_at=at(19)), at(19))
    assert evening.projection.until == datetime.combine(
        at(19).date() + timedelta(days=1), time()).astimezone()  # after the shift: midnight
    big = ReadingGovernor().decide(started(budget=10_000, readings_today=3), at(17, 50))
    assert big.projection.sentence().endswith("<1 % of the budget")


def simulate(governor: ReadingGovernor, start: datetime, end: datetime, budget: int,
             *, actions_per_hour: int = 0, any_started: bool = True) -> tuple[int, int, int]:
    """Readings and all uses from ``start`` up to ``end`` (included) of a simulated day,
    each reading made when the governor says (no real time passes)."""
    readings = used = in_reserve = 0
    last: datetime | None = None
    now = start
    actions_at = start
    while now <= end:
        while actions_per_hour and actions_at <= now:
            used += 1
            actions_at += timedelta(hours=1) / actions_per_hour
        decision = governor.decide(BoardState(any_started, budget, used, readings, last), now)
        if decision.at is None or decision.at > end or (last is not None and decision.at == last):
            break
        now = decision.at
        in_reserve += used >= budget - reserve_uses(budget)
        readings, used, last = readings + 1, used + 1, now
    return readings, used, in_reserve


def test_a_whole_day_never_passes_the_share_nor_touches_the_reserve() -> None:
    midnight = at(0)
    readings, used, in_reserve = simulate(GOV, midnight, midnight + timedelta(days=1), 1000)
    assert 240 <= readings <= share_uses(1000)  # 288 at 5 min would pass 250: spread out
    assert in_reserve == 0
    # a busy day: 40 starts and stops an hour leave less and less room before the reserve
    busy_readings, busy_used, in_reserve = simulate(
        GOV, midnight, midnight + timedelta(days=1), 1000, actions_per_hour=40)
    assert in_reserve == 0  # no reading ever took a use of the reserve
    assert busy_readings < readings and busy_used > 900  # the starts and stops may


def test_a_shift_uses_the_projected_readings() -> None:
    decision = GOV.decide(started(), at(8))
    readings, _used, _in_reserve = simulate(GOV, at(8), at(18), 3000)
    assert readings == decision.projection.projected == 121  # 08:00, 08:05, … 18:00
