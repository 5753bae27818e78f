"""The simulated dialer: a started campaign dials through its records at a pace set by its
speed, on the simulator's own clock (real time times ``pace``, or moved by hand in tests).

* Calls a minute = speed × :data:`CALLS_PER_SPEED_POINT` (speed 40: 10 a minute) while the
  campaign is started, has records left (``clean``) and a speed above 0; else 0.
* Each dialled record ends answered (45 %), by a machine (20 %), busy/congestion/failed
  (10 %) or not answered (the rest), from the running totals, so the figures always add up.
* A list that runs out keeps its campaign started (as Wolkvox does): ``clean`` 0, 0 calls a
  minute. A started campaign with speed 0 does not dial.

Campaigns are brought up to the clock lazily: before each answer that reads or changes them
(:meth:`Dialer.catch_up`), so an idle simulator does no work.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from wolkvox_desktop.simulator.campaigns import SimCampaign

CALLS_PER_SPEED_POINT = 0.25
ANSWERED, MACHINE, FAILED = 0.45, 0.20, 0.10


class DialerClock:
    """Simulated seconds: ``(source() - start) * pace + moved``. ``pace`` 0 stands still
    (tests move it with :meth:`advance`); the demo may speed it up (``--pace 60``)."""

    def __init__(self, pace: float = 1.0, source: Callable[[], float] = time.monotonic) -> None:
        if pace < 0:
            raise ValueError("the pace cannot be negative")
        self.pace = float(pace)
        self._source = source
        self._start = source()
        self._moved = 0.0

    def now(self) -> float:
        return (self._source() - self._start) * self.pace + self._moved

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        self._moved += float(seconds)


def calls_per_minute(campaign: SimCampaign) -> float:
    """The campaign's dialling pace now (0 when stopped, finished or at speed 0)."""
    if not campaign.started or campaign.clean <= 0 or campaign.speed <= 0:
        return 0.0
    return campaign.speed * CALLS_PER_SPEED_POINT


class Dialer:
    """Brings campaigns up to the clock (the caller holds the simulator's lock)."""

    def __init__(self, clock: DialerClock) -> None:
        self.clock = clock

    def catch_up(self, campaigns: Iterable[SimCampaign]) -> None:
        now = self.clock.now()
        for campaign in campaigns:
            self._dial(campaign, now)

    def _dial(self, campaign: SimCampaign, now: float) -> None:
        last = campaign.ticked_at
        campaign.ticked_at = now
        if last is None or now <= last:
            return
        rate = calls_per_minute(campaign)
        if rate <= 0:
            campaign.carry = 0.0
            return
        due = rate * (now - last) / 60.0 + campaign.carry
        count = min(int(due), campaign.clean)
        campaign.carry = due - int(due) if count < campaign.clean else 0.0
        if count <= 0:
            return
        campaign.clean -= count
        campaign.dial += count
        total = campaign.dial
        campaign.answer = int(total * ANSWERED)
        campaign.answer_machine = int(total * MACHINE)
        campaign.failed = int(total * FAILED)
        campaign.no_answer = total - campaign.answer - campaign.answer_machine - campaign.failed
