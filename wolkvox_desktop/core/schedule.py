"""When a plan's schedule falls: slots in the computer's local time, on an injectable clock.
Qt-free, no store, no sleeping: every function takes ``now`` (an aware datetime), so tests
and benchmarks move the clock instead of waiting for 07:00.

* A :class:`Slot` is one occurrence of a :class:`~wolkvox_desktop.core.plans.Schedule`: the
  local day and wall-clock time it stands for (its :attr:`Slot.key`, what the store claims
  exactly once) and the moment it runs (:attr:`Slot.moment`, UTC).
* **Daylight-saving time.** A time that does not exist that day (the clocks jump over it)
  runs at the next valid minute: 02:30 on the night Madrid jumps from 02:00 to 03:00 runs at
  03:00. A time that occurs twice (the clocks go back) runs once, at its first occurrence:
  the slot is the day and time, not the moment, so the second 02:30 is the same slot.
* **Due or missed.** A slot is :attr:`SlotTiming.DUE` from its moment until
  :data:`DUE_WINDOW` (15 minutes) later; after that it is :attr:`SlotTiming.MISSED` (the
  computer slept, the app was closed): never run late, only reported.
* :class:`LocalZone` is the time zone slots are computed in: an IANA zone through
  ``zoneinfo`` (``TZ``, or ``/etc/localtime`` on Linux and macOS; tests name one, e.g.
  ``LocalZone.named("America/Santiago")``; ``tzdata`` provides the database where the OS has
  none), else the operating system's own local-time rules (Windows, whose zone names are not
  IANA keys): whatever the computer's clock shows is what a plan's ``07:00`` means.

For the window's timer: :func:`next_wakeup` gives the earliest upcoming slot of a set of
schedules, :func:`wait_seconds` how long to sleep before looking again (capped, so a clock
change or a sleeping laptop is noticed within a minute).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from enum import Enum
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wolkvox_desktop.core.plans import Schedule

#: A slot may run until this long after its moment; later it is missed, not run late.
DUE_WINDOW = timedelta(minutes=15)
#: The longest a timer should sleep before looking at the clock again.
MAX_WAIT_S = 60.0
#: How far back a slot is looked for (a schedule applies at least once a week).
_LOOKBACK_DAYS = 8
_PROBE = timedelta(days=2)
_ONE_MINUTE = timedelta(minutes=1)
_MAX_GAP_MINUTES = 24 * 60

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The real clock (aware, UTC); functions here take ``now`` from any :data:`Clock`."""
    return datetime.now(timezone.utc)


# ---------------------------------------------------------------------------- the zone
class LocalZone:
    """A time zone that turns moments into local wall-clock times and back.

    ``tz`` is a ``tzinfo`` (a ``ZoneInfo``), or ``None`` for the operating system's own
    rules (``time.localtime``). ``key`` is the IANA name when known (shown to people).
    """

    def __init__(self, tz: tzinfo | None = None, key: str | None = None) -> None:
        self.tz = tz
        self.key = key

    @classmethod
    def named(cls, key: str) -> LocalZone:
        """An IANA zone such as ``Europe/Madrid``; raises ``ZoneInfoNotFoundError``."""
        return cls(ZoneInfo(key), key)

    @classmethod
    def system(cls) -> LocalZone:
        """This computer's zone: ``TZ`` when it names an IANA zone, else ``/etc/localtime``
        (Linux, macOS), else the OS's own rules (Windows; a ``TZ`` that is a POSIX rule)."""
        env = os.environ.get("TZ", "").strip().lstrip(":")
        if env:
            zone = _zone_or_none(env)
            return cls(zone, env) if zone is not None else cls()
        if sys.platform != "win32":
            found = _etc_localtime()
            if found is not None:
                return found
        return cls()

    def __repr__(self) -> str:
        return f"LocalZone({self.key or 'os'!s})"

    def wall(self, moment: datetime) -> datetime:
        """The naive local wall-clock time of an aware moment."""
        if self.tz is not None:
            return moment.astimezone(self.tz).replace(tzinfo=None)
        return datetime.fromtimestamp(moment.timestamp())  # naive, local

    def local(self, moment: datetime) -> datetime:
        """An aware moment in local time (for showing it)."""
        if self.tz is not None:
            return moment.astimezone(self.tz)
        return moment.astimezone()

    def moment_of(self, wall: datetime) -> datetime:
        """The UTC moment a naive wall-clock time stands for: the first one when it occurs
        twice; the next valid minute when it does not exist (the clocks jumped over it)."""
        probe = wall
        for _minute in range(_MAX_GAP_MINUTES):
            found = self._occurrences(probe)
            if found:
                return min(found)
            probe += _ONE_MINUTE
        raise ValueError(f"no valid local time within a day of {wall}")  # no zone does this

    def _occurrences(self, wall: datetime) -> list[datetime]:
        """The moments whose wall-clock time is ``wall`` (0, 1 or 2 of them): candidates
        from the offsets in force two days around it, each checked by the way back."""
        found: list[datetime] = []
        for around in (wall - _PROBE, wall, wall + _PROBE):
            as_utc = around.replace(tzinfo=timezone.utc)
            offset = self.wall(as_utc) - around
            candidate = (wall - offset).replace(tzinfo=timezone.utc)
            if candidate not in found and self.wall(candidate) == wall:
                found.append(candidate)
        return found


def _zone_or_none(key: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _etc_localtime() -> LocalZone | None:
    path = Path("/etc/localtime")
    try:
        target = str(path.resolve())
    except OSError:
        return None
    if "zoneinfo/" in target:
        key = target.split("zoneinfo/", 1)[1]
        zone = _zone_or_none(key)
        if zone is not None:
            return LocalZone(zone, key)
    try:
        with path.open("rb") as fh:
            return LocalZone(ZoneInfo.from_file(fh, key="localtime"), None)
    except (OSError, ValueError):
        return None


# ---------------------------------------------------------------------------- slots
@dataclass(frozen=True, order=True)
class Slot:
    """One occurrence of a schedule: ``moment`` (aware, UTC) is when it runs; ``day`` and
    ``at`` are the local day and time it stands for."""

    moment: datetime
    day: date
    at: time

    @property
    def key(self) -> str:
        """The slot's identity in the store: ``YYYY-MM-DD HH:MM`` (local day and time)."""
        return f"{self.day.isoformat()} {self.at.hour:02d}:{self.at.minute:02d}"


class SlotTiming(str, Enum):
    UPCOMING = "upcoming"  # its moment has not come
    DUE = "due"  # within DUE_WINDOW after its moment: run it (once)
    MISSED = "missed"  # more than DUE_WINDOW late: report it, never run it late


def slot_on(schedule: Schedule, day: date, zone: LocalZone) -> Slot | None:
    """The schedule's slot on a local day, or ``None`` when it does not apply that day."""
    if not schedule.applies_on(day.weekday()):
        return None
    return Slot(zone.moment_of(datetime.combine(day, schedule.at)), day, schedule.at)


def latest_slot(schedule: Schedule, now: datetime, zone: LocalZone) -> Slot | None:
    """The most recent slot whose moment is at or before ``now``."""
    today = zone.wall(now).date()
    for back in range(-1, _LOOKBACK_DAYS):
        slot = slot_on(schedule, today - timedelta(days=back), zone)
        if slot is not None and slot.moment <= now:
            return slot
    return None


def next_slot(schedule: Schedule, now: datetime, zone: LocalZone) -> Slot:
    """The first slot whose moment is after ``now``."""
    today = zone.wall(now).date()
    for ahead in range(-1, _LOOKBACK_DAYS + 1):
        slot = slot_on(schedule, today + timedelta(days=ahead), zone)
        if slot is not None and slot.moment > now:
            return slot
    raise ValueError("a schedule applies at least one day a week")  # Schedule guarantees it


def slots_between(
    schedule: Schedule, start: datetime, end: datetime, zone: LocalZone
) -> list[Slot]:
    """Every slot with ``start <= moment < end``, in order."""
    slots: list[Slot] = []
    day = zone.wall(start).date() - timedelta(days=1)
    last = zone.wall(end).date() + timedelta(days=1)
    while day <= last:
        slot = slot_on(schedule, day, zone)
        if slot is not None and start <= slot.moment < end:
            slots.append(slot)
        day += timedelta(days=1)
    return slots


def timing(slot: Slot, now: datetime, window: timedelta = DUE_WINDOW) -> SlotTiming:
    if slot.moment > now:
        return SlotTiming.UPCOMING
    if now - slot.moment <= window:
        return SlotTiming.DUE
    return SlotTiming.MISSED


def next_wakeup(
    schedules: Iterable[Schedule], now: datetime, zone: LocalZone
) -> datetime | None:
    """The earliest upcoming slot moment of all the schedules (``None``: none scheduled)."""
    moments = [next_slot(s, now, zone).moment for s in schedules]
    return min(moments) if moments else None


def wait_seconds(
    wakeup: datetime | None, now: datetime, max_wait: float = MAX_WAIT_S
) -> float:
    """Seconds a timer should sleep: until ``wakeup``, at most ``max_wait`` (a clock change
    or a laptop waking up is noticed within that), never negative."""
    if wakeup is None:
        return max_wait
    return max(0.0, min(max_wait, (wakeup - now).total_seconds()))
