"""When the next automatic live reading is due, and why: the governor. Qt-free, no clock of
its own (the caller says what time it is), no store, no network.

The cadence (issue 18, point 2):

* every 5 minutes (Wolkvox's own guidance; Settings may choose a faster one, 2 minutes at
  most: :data:`MIN_INTERVAL`) while any campaign of the operation is started and the
  window is shown or a plan runs;
* one reading every 30 minutes while nothing is started, to notice starts from elsewhere;
* none while the window is minimised (or hidden) and no plan runs, and none while a
  supervisor's call waits for the token's slot: a reading never delays a start or a stop.

The budget: automatic readings live inside a share of the day's budget (25 % by default)
and always leave a reserve for start/stop (10 % by default). The governor paces the rest of
the local day so that neither is reached: when today's readings at the chosen cadence would
pass either before midnight, the readings are spread out ("slowed down to every 7 min…"),
and once either is reached they stop, saying so. :class:`Projection` says where the day is
going ("readings today: 36 · at this pace 96 by 18:00, 3 % of the budget").

The window drives it with a ``QTimer``::

    decision = governor.decide(state, now)          # BoardState: what the window knows
    label.setText(decision.why); timer.start(ms until decision.at)   # None: no timer

and ``wolkvox live --watch`` with a sleep. Readings by hand (open, F5) are not the
governor's: only the reserve holds them back (the service refuses a reading past it).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from enum import Enum

#: Wolkvox's guidance, the fastest a supervisor may choose, and the idle cadence
DEFAULT_INTERVAL = timedelta(minutes=5)
MIN_INTERVAL = timedelta(minutes=2)
IDLE_INTERVAL = timedelta(minutes=30)
#: the part of the day's budget automatic readings may use, and the part always left for
#: start/stop
DEFAULT_SHARE = 0.25
DEFAULT_RESERVE = 0.10
#: the shift's end the projection speaks of ("… by 18:00")
DEFAULT_SHIFT_END = time(18, 0)
#: a reading not taken because another call held the token's slot is tried again after
RETRY_AFTER = timedelta(seconds=30)


def reserve_uses(budget: int, reserve: float = DEFAULT_RESERVE) -> int:
    """Token uses of the day's budget kept for start/stop (at least one)."""
    return max(1, math.ceil(budget * min(max(reserve, 0.0), 0.9)))


def share_uses(budget: int, share: float = DEFAULT_SHARE) -> int:
    """Token uses of the day's budget automatic readings may take."""
    return max(0, math.floor(budget * min(max(share, 0.0), 1.0)))


def clamp_interval(interval: timedelta) -> timedelta:
    """A cadence a supervisor chose, never faster than :data:`MIN_INTERVAL`."""
    return max(MIN_INTERVAL, interval)


@dataclass(frozen=True)
class GovernorSettings:
    interval: timedelta = DEFAULT_INTERVAL  # while a campaign is started
    idle_interval: timedelta = IDLE_INTERVAL  # while none is
    share: float = DEFAULT_SHARE
    reserve: float = DEFAULT_RESERVE
    shift_end: time = DEFAULT_SHIFT_END

    def __post_init__(self) -> None:
        object.__setattr__(self, "interval", clamp_interval(self.interval))
        object.__setattr__(self, "idle_interval", max(self.interval, self.idle_interval))


@dataclass(frozen=True)
class BoardState:
    """What the face knows when it asks. ``shown``: the window is visible and not
    minimised (a ``--watch`` in a terminal is shown); ``action_waiting``: a supervisor's
    start, stop or speed call waits for (or holds) the token's slot (the window's own jobs;
    ``OperationService.actions_under_way``); ``used_today``: today's
    token uses of every kind (``Usage.used``); ``readings_today``: today's live readings
    (``Store.readings_today``); ``last_reading_at``: when the last reading that may have
    cost a token was sent (answered or not); ``not_taken_at``: when a reading was last not
    taken because another call held the token's slot (``GATE_BUSY``: nothing sent), so it
    is tried again :data:`RETRY_AFTER` later, not at once."""

    any_started: bool
    budget: int
    used_today: int = 0
    readings_today: int = 0
    last_reading_at: datetime | None = None
    not_taken_at: datetime | None = None
    shown: bool = True
    plan_running: bool = False
    action_waiting: bool = False


class Pace(str, Enum):
    """Why the next reading is when it is (the GUI words each in the user's language)."""

    STARTED = "started"  # the chosen cadence: a campaign is started
    IDLE = "idle"  # nothing started: every 30 minutes
    SLOWED_FOR_SHARE = "slowed_for_share"  # spread out to stay within the readings' share
    SLOWED_FOR_RESERVE = "slowed_for_reserve"  # spread out to leave the reserve
    SHARE_USED = "share_used"  # none: today's share for readings is used up
    RESERVE_ONLY = "reserve_only"  # none: only the reserve for start/stop is left
    HIDDEN = "hidden"  # none: the window is minimised and no plan runs
    ACTION_WAITING = "action_waiting"  # none now: a start/stop waits for the token


@dataclass(frozen=True)
class Projection:
    """Today's readings so far and where this pace takes them by ``until``."""

    readings_today: int
    projected: int
    until: datetime
    budget: int

    @property
    def share_of_budget(self) -> float:
        return self.projected / self.budget if self.budget else 0.0

    def sentence(self) -> str:
        percent = self.share_of_budget * 100
        shown = f"{percent:.0f}" if percent >= 1 or percent == 0 else "<1"
        return (f"readings today: {self.readings_today:,} · at this pace "
                f"{self.projected:,} by {self.until:%H:%M}, {shown} % of the budget")


@dataclass(frozen=True)
class Decision:
    """When the next automatic reading is due (``None``: none is; ask again when the
    state changes), at which cadence, why (an English sentence), and the projection."""

    at: datetime | None
    pace: Pace
    interval: timedelta | None
    why: str
    projection: Projection
    limits: tuple[int, int] = field(default=(0, 0))  # (share uses, reserve uses)


_MAX_STEPS = 5000  # a projection never follows more readings than this (a day at 2 min: 720)
_NO_PROJECTION = Projection(0, 0, datetime.min.replace(tzinfo=None), 0)


def _minutes(interval: timedelta) -> str:
    minutes = interval.total_seconds() / 60
    return f"{minutes:.0f} min" if minutes >= 10 or minutes.is_integer() else f"{minutes:.1f} min"


def _next_midnight(now: datetime) -> datetime:
    """The local midnight that ends ``now``'s local day (aware; DST-safe)."""
    local = now.astimezone()
    return datetime.combine(local.date() + timedelta(days=1), time()).astimezone()


class ReadingGovernor:
    """The cadence of automatic readings for one operation (see the module)."""

    def __init__(self, settings: GovernorSettings | None = None) -> None:
        self.settings = settings or GovernorSettings()

    def next_reading_at(self, now: datetime, state: BoardState) -> datetime | None:
        return self.decide(state, now).at

    def decide(self, state: BoardState, now: datetime, *, project: bool = True) -> Decision:
        """The next automatic reading for ``state`` at ``now``; ``project``: with the
        projection (the few steps that follow it forward)."""
        settings = self.settings
        budget = max(0, state.budget)
        share = share_uses(budget, settings.share)
        reserve = reserve_uses(budget, settings.reserve)
        left_share = share - state.readings_today
        left_reserve = budget - reserve - state.used_today
        limits = (share, reserve)
        horizon = self._horizon(now)

        def none(pace: Pace, why: str) -> Decision:
            projection = Projection(state.readings_today, state.readings_today, horizon, budget)
            return Decision(None, pace, None, why, projection, limits)

        if state.action_waiting:
            return none(Pace.ACTION_WAITING, "No reading now: a start, stop or speed call is "
                        "waiting for the token, and a reading never makes it wait.")
        if not (state.shown or state.plan_running):
            return none(Pace.HIDDEN, "No automatic readings while the window is minimised "
                        "and no plan runs.")
        if left_reserve <= 0:
            return none(Pace.RESERVE_ONLY, (
                f"Automatic readings stopped: what is left of today's budget is the reserve "
                f"for starting and stopping campaigns ({reserve:,} uses, "
                f"{settings.reserve:.0%})."))
        if left_share <= 0:
            return none(Pace.SHARE_USED, (
                f"Automatic readings stopped: today's share for readings is used up "
                f"({share:,} uses, {settings.share:.0%} of the budget)."))
        base = settings.interval if state.any_started else settings.idle_interval
        pace = Pace.STARTED if state.any_started else Pace.IDLE
        allowed = min(left_share, left_reserve)
        midnight = _next_midnight(now)
        left = midnight - now
        interval = base
        if left / base > allowed:  # this cadence would pass a limit before midnight
            interval = left / allowed
            pace = (Pace.SLOWED_FOR_SHARE if left_share <= left_reserve
                    else Pace.SLOWED_FOR_RESERVE)
        at = now if state.last_reading_at is None else max(now, state.last_reading_at + interval)
        if state.not_taken_at is not None and (state.last_reading_at is None
                                               or state.not_taken_at > state.last_reading_at):
            at = max(at, state.not_taken_at + RETRY_AFTER)
        if not project:
            return Decision(at, pace, interval, "", _NO_PROJECTION, limits)
        projection = Projection(state.readings_today, self._project(state, at, horizon),
                                horizon, budget)
        return Decision(at, pace, interval, self._why(pace, interval), projection, limits)

    def _project(self, state: BoardState, at: datetime, horizon: datetime) -> int:
        """Today's readings by ``horizon`` if every one is made when due and nothing else
        uses the token: the governor's own decisions followed forward (exact, the pacing
        included; a few hundred steps at most)."""
        count, used = state.readings_today, state.used_today
        due: datetime | None = at
        while due is not None and due <= horizon and count < _MAX_STEPS:
            count, used = count + 1, used + 1
            after = dataclasses.replace(state, readings_today=count, used_today=used,
                                        last_reading_at=due)
            due = self.decide(after, due, project=False).at
        return count

    def _why(self, pace: Pace, interval: timedelta) -> str:
        every = _minutes(interval)
        settings = self.settings
        if pace is Pace.STARTED:
            return f"A reading every {every} while a campaign is started."
        if pace is Pace.IDLE:
            return (f"One reading every {every} while no campaign is started, to notice "
                    "starts from elsewhere.")
        if pace is Pace.SLOWED_FOR_SHARE:
            return (f"Slowed down to a reading every {every} to stay within today's share "
                    f"for readings ({settings.share:.0%} of the budget).")
        return (f"Slowed down to a reading every {every} to leave the reserve for starting "
                f"and stopping campaigns ({settings.reserve:.0%} of the budget).")

    def _horizon(self, now: datetime) -> datetime:
        """The moment the projection speaks of: the shift's end today, or midnight once
        it has passed."""
        local = now.astimezone()
        end = datetime.combine(local.date(), self.settings.shift_end).astimezone()
        return end if end > local else _next_midnight(now)


__all__ = [
    "DEFAULT_INTERVAL",
    "DEFAULT_RESERVE",
    "DEFAULT_SHARE",
    "IDLE_INTERVAL",
    "MIN_INTERVAL",
    "RETRY_AFTER",
    "BoardState",
    "Decision",
    "GovernorSettings",
    "Pace",
    "Projection",
    "ReadingGovernor",
    "clamp_interval",
    "reserve_uses",
    "share_uses",
]
