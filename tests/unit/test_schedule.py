"""core.schedule: slots of a schedule in a real time zone, on a clock the test moves.

Real zones from the tz database (``tzdata``): ``America/Santiago`` (2026: the clocks go back
from 00:00 to 23:00 on Sunday 5 April, so Saturday's 23:00-23:59 happens twice; they jump
from 00:00 to 01:00 on Sunday 6 September, so 00:00-00:59 does not exist that day) and
``Europe/Madrid`` (02:00 -> 03:00 on 29 March, 03:00 -> 02:00 on 25 October).
"""

from __future__ import annotations

import os
import sys
import time as systime
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone

import pytest

from wolkvox_desktop.core.plans import Schedule
from wolkvox_desktop.core.schedule import (
    DUE_WINDOW,
    LocalZone,
    SlotTiming,
    latest_slot,
    next_slot,
    next_wakeup,
    slot_on,
    slots_between,
    timing,
    wait_seconds,
)

UTC = timezone.utc
SANTIAGO = LocalZone.named("America/Santiago")
MADRID = LocalZone.named("Europe/Madrid")
BOGOTA = LocalZone.named("America/Bogota")


def at(zone: LocalZone, text: str) -> datetime:
    """A local wall time (``YYYY-MM-DD HH:MM``, first occurrence) as an aware UTC moment."""
    return zone.moment_of(datetime.fromisoformat(text))


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def local_text(zone: LocalZone, moment: datetime) -> str:
    return f"{zone.local(moment):%Y-%m-%d %H:%M %z}"


# ------------------------------------------------------------------ ordinary days


def test_the_next_slot_after_the_time_is_tomorrow_and_crosses_midnight() -> None:
    daily = Schedule.parse("07:00", "daily")
    now = at(BOGOTA, "2026-03-10 07:00")  # exactly at the slot: the next one is tomorrow
    assert next_slot(daily, now, BOGOTA).moment == at(BOGOTA, "2026-03-11 07:00")
    assert latest_slot(daily, now, BOGOTA).moment == now  # type: ignore[union-attr]
    late = Schedule.parse("23:50", "daily")
    after_midnight = at(BOGOTA, "2026-03-11 00:05")
    slot = latest_slot(late, after_midnight, BOGOTA)
    assert slot is not None and slot.key == "2026-03-10 23:50"  # yesterday's, 15 min ago
    assert timing(slot, after_midnight) is SlotTiming.DUE
    assert next_slot(late, after_midnight, BOGOTA).key == "2026-03-11 23:50"
    # Bogotá is UTC-5: 23:50 there is 04:50 the next day in UTC
    assert slot.moment == utc("2026-03-11 04:50")


def test_weekdays_skip_the_weekend_and_a_list_of_days_is_kept() -> None:
    weekdays = Schedule.parse("07:00", "weekdays")
    friday_evening = at(BOGOTA, "2026-03-13 18:00")  # a Friday
    assert next_slot(weekdays, friday_evening, BOGOTA).key == "2026-03-16 07:00"  # Monday
    sunday = at(BOGOTA, "2026-03-15 09:00")
    assert latest_slot(weekdays, sunday, BOGOTA).key == "2026-03-13 07:00"  # type: ignore[union-attr]
    mon_wed = Schedule.parse("19:30", "mon,wed")
    keys = [s.key for s in slots_between(mon_wed, at(BOGOTA, "2026-03-09 00:00"),
                                         at(BOGOTA, "2026-03-23 00:00"), BOGOTA)]
    assert keys == ["2026-03-09 19:30", "2026-03-11 19:30", "2026-03-16 19:30",
                    "2026-03-18 19:30"]
    assert slot_on(mon_wed, date(2026, 3, 10), BOGOTA) is None  # a Tuesday


def test_due_within_fifteen_minutes_then_missed() -> None:
    slot = latest_slot(Schedule.parse("07:00"), at(BOGOTA, "2026-03-10 07:00"), BOGOTA)
    assert slot is not None
    assert timing(slot, slot.moment - timedelta(seconds=1)) is SlotTiming.UPCOMING
    assert timing(slot, slot.moment) is SlotTiming.DUE
    assert timing(slot, slot.moment + DUE_WINDOW) is SlotTiming.DUE
    assert timing(slot, slot.moment + DUE_WINDOW + timedelta(seconds=1)) is SlotTiming.MISSED
    assert DUE_WINDOW == timedelta(minutes=15)


# ------------------------------------------------------------------ daylight-saving time


def test_santiago_spring_forward_the_missing_time_runs_at_the_next_valid_minute() -> None:
    sunday = date(2026, 9, 6)  # 00:00 -> 01:00: 00:00..00:59 do not exist
    slot = slot_on(Schedule.parse("00:30"), sunday, SANTIAGO)
    assert slot is not None and slot.key == "2026-09-06 00:30"
    assert local_text(SANTIAGO, slot.moment) == "2026-09-06 01:00 -0300"
    assert slot.moment == utc("2026-09-06 04:00")
    # the minute after the gap and the minutes around it are ordinary
    assert local_text(SANTIAGO, at(SANTIAGO, "2026-09-06 01:00")) == "2026-09-06 01:00 -0300"
    before = slot_on(Schedule.parse("23:59"), date(2026, 9, 5), SANTIAGO)
    assert before is not None
    assert local_text(SANTIAGO, before.moment) == "2026-09-05 23:59 -0400"
    # over the transition, the daily 00:30 runs once a day, never skipped, never twice
    keys = [s.key for s in slots_between(Schedule.parse("00:30"), utc("2026-09-04 00:00"),
                                         utc("2026-09-09 00:00"), SANTIAGO)]
    assert keys == ["2026-09-04 00:30", "2026-09-05 00:30", "2026-09-06 00:30",
                    "2026-09-07 00:30", "2026-09-08 00:30"]


def test_santiago_fall_back_the_repeated_hour_runs_once_at_its_first_occurrence() -> None:
    saturday = date(2026, 4, 4)  # 00:00 Sunday -> 23:00 Saturday: 23:00..23:59 twice
    slot = slot_on(Schedule.parse("23:30"), saturday, SANTIAGO)
    assert slot is not None
    assert local_text(SANTIAGO, slot.moment) == "2026-04-04 23:30 -0300"  # the first one
    assert slot.moment == utc("2026-04-05 02:30")
    second_time = utc("2026-04-05 03:30")  # the same wall time again, an hour later
    assert local_text(SANTIAGO, second_time) == "2026-04-04 23:30 -0400"
    # at the second 23:30 the latest slot is still the same one (its key), now an hour old
    latest = latest_slot(Schedule.parse("23:30"), second_time, SANTIAGO)
    assert latest == slot
    assert timing(latest, second_time) is SlotTiming.MISSED
    keys = [s.key for s in slots_between(Schedule.parse("23:30"),
                                         at(SANTIAGO, "2026-04-03 00:00"),
                                         at(SANTIAGO, "2026-04-06 00:00"), SANTIAGO)]
    assert keys == ["2026-04-03 23:30", "2026-04-04 23:30", "2026-04-05 23:30"]


def test_madrid_both_transitions() -> None:
    spring = slot_on(Schedule.parse("02:30"), date(2026, 3, 29), MADRID)
    assert spring is not None
    assert local_text(MADRID, spring.moment) == "2026-03-29 03:00 +0200"
    assert spring.moment == utc("2026-03-29 01:00")
    autumn = slot_on(Schedule.parse("02:30"), date(2026, 10, 25), MADRID)
    assert autumn is not None
    assert local_text(MADRID, autumn.moment) == "2026-10-25 02:30 +0200"  # CEST, the first
    assert autumn.moment == utc("2026-10-25 00:30")
    moments = [s.moment for s in slots_between(Schedule.parse("02:30"), utc("2026-10-24 00:00"),
                                               utc("2026-10-27 00:00"), MADRID)]
    assert moments == [utc("2026-10-24 00:30"), utc("2026-10-25 00:30"), utc("2026-10-26 01:30")]


def test_next_slot_walks_through_a_transition_day_by_day() -> None:
    schedule = Schedule.parse("02:30")
    now = utc("2026-03-27 12:00")
    seen: list[str] = []
    for _ in range(4):
        slot = next_slot(schedule, now, MADRID)
        seen.append(local_text(MADRID, slot.moment))
        now = slot.moment
    assert seen == ["2026-03-28 02:30 +0100", "2026-03-29 03:00 +0200",
                    "2026-03-30 02:30 +0200", "2026-03-31 02:30 +0200"]


# ------------------------------------------------------------------ the zone itself


@pytest.fixture
def tz_env() -> Iterator[None]:
    if not hasattr(systime, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    saved = os.environ.get("TZ")
    yield
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    systime.tzset()


@pytest.mark.skipif(sys.platform == "win32", reason="TZ and tzset are POSIX")
def test_the_os_rules_give_the_same_slots_as_the_tz_database(tz_env: None) -> None:
    os.environ["TZ"] = "Europe/Madrid"
    systime.tzset()
    os_zone = LocalZone()  # the operating system's own rules, as on Windows
    for day, text in [(date(2026, 3, 29), "02:30"), (date(2026, 10, 25), "02:30"),
                      (date(2026, 6, 1), "07:00")]:
        schedule = Schedule.parse(text)
        assert slot_on(schedule, day, os_zone) == slot_on(schedule, day, MADRID)


@pytest.mark.skipif(sys.platform == "win32", reason="TZ and tzset are POSIX")
def test_the_system_zone_follows_tz(tz_env: None) -> None:
    os.environ["TZ"] = "America/Santiago"
    systime.tzset()
    zone = LocalZone.system()
    assert zone.key == "America/Santiago"
    os.environ["TZ"] = "<-05>5"  # a POSIX rule, not a tz database name: the OS's rules
    systime.tzset()
    assert LocalZone.system().tz is None
    assert LocalZone.system().wall(utc("2026-01-01 12:00")) == datetime(2026, 1, 1, 7, 0)


# ------------------------------------------------------------------ the timer's sleep


def test_next_wakeup_is_the_earliest_slot_and_the_wait_is_capped() -> None:
    now = at(BOGOTA, "2026-03-10 06:59")
    schedules = [Schedule.parse("07:00"), Schedule.parse("06:00"), Schedule.parse("07:30")]
    wakeup = next_wakeup(schedules, now, BOGOTA)
    assert wakeup == at(BOGOTA, "2026-03-10 07:00")
    assert wait_seconds(wakeup, now) == 60.0
    assert wait_seconds(wakeup, now + timedelta(seconds=45)) == 15.0
    assert wait_seconds(wakeup, now + timedelta(minutes=5)) == 0.0
    assert next_wakeup([], now, BOGOTA) is None
    assert wait_seconds(None, now) == 60.0


def test_a_schedule_is_a_local_hh_mm() -> None:
    assert Schedule.parse("7:05").at == time(7, 5)
    assert Schedule(time(7, 0)).days_text == "daily"
