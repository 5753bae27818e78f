"""Alerts from two readings (issue 18, point 3), compared without a network: what appears,
what is recorded once, and what this app's own calls explain."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from wolkvox_desktop.core.campaigns import CampaignStatus
from wolkvox_desktop.core.live import LiveCampaign, LiveReading
from wolkvox_desktop.core.live_alerts import compare

AT = datetime(2024, 5, 10, 8, tzinfo=timezone.utc)
STARTED, STOPPED = CampaignStatus.STARTED, CampaignStatus.STOPPED


def reading(*campaigns: LiveCampaign, minutes: int = 0) -> LiveReading:
    return LiveReading(AT + timedelta(minutes=minutes), campaigns)


def c(status: CampaignStatus, cpm: float | None = 5, left: int | None = 100) -> LiveCampaign:
    return LiveCampaign("3301", "Norte", status, speed=40, records=200, remaining=left,
                        calls_per_minute=cpm)


def step(previous_kept, current: LiveReading, own=None):  # type: ignore[no-untyped-def]
    previous = None if previous_kept is None else (AT, previous_kept)
    return compare(current, previous, own or {})


def test_a_first_reading_has_no_change_and_no_not_dialling() -> None:
    kept, rows, active = step(None, reading(c(STARTED, cpm=0)))
    assert rows == [] and active == {}
    assert kept == {"3301": ["started", 0, 100, 40, []]}


def test_list_finished_once_while_it_lasts_and_again_after_a_new_list() -> None:
    kept, rows, active = step(None, reading(c(STARTED, cpm=0, left=0)))
    assert active == {"3301": ("list_finished",)}
    assert rows == [("3301", "list_finished", "Campaign 3301 (Norte) is started but its list "
                     "is finished: no records are left to dial.", "0 of 200 left")]
    kept, rows, active = step(kept, reading(c(STARTED, cpm=0, left=0), minutes=5))
    assert rows == [] and active == {"3301": ("list_finished",)}  # not twice
    kept, rows, active = step(kept, reading(c(STARTED, left=150), minutes=10))
    assert rows == [] and active == {}
    _kept, rows, _active = step(kept, reading(c(STARTED, cpm=0, left=0), minutes=15))
    assert [r[1] for r in rows] == ["list_finished"]
    _kept, rows, active = step(None, reading(c(STOPPED, cpm=0, left=0)))
    assert rows == [] and active == {}  # a stopped campaign's list is not an alert


def test_not_dialling_needs_two_readings_in_a_row() -> None:
    kept, rows, _ = step(None, reading(c(STARTED, cpm=0)))
    assert rows == []
    kept, rows, active = step(kept, reading(c(STARTED, cpm=0), minutes=5))
    assert active == {"3301": ("not_dialling",)} and rows[0][3] == "0 calls a minute"
    kept, rows, _ = step(kept, reading(c(STARTED, cpm=0), minutes=10))
    assert rows == []  # recorded when it first appeared
    _kept, rows, active = step({"3301": ["started", None, 100, 40, []]},
                               reading(c(STARTED, cpm=0)))
    assert rows == [] and active == {}  # unknown before: not two zeros


def test_changed_elsewhere_unless_this_app_did_it() -> None:
    before = {"3301": ["started", 5, 100, 40, []]}
    _kept, rows, active = step(before, reading(c(STOPPED, cpm=0)))
    assert active == {"3301": ("changed_elsewhere",)}
    assert rows == [("3301", "changed_elsewhere",
                     "Campaign 3301 (Norte) changed outside this app: started → stopped.",
                     "started → stopped")]
    for own in ([("stop", "ok")], [("stop", "unknown")], [("start", "ok"), ("stop", "pending")]):
        _kept, rows, active = step(before, reading(c(STOPPED, cpm=0)), {"3301": own})
        assert rows == [] and active == {}, own
    _kept, rows, _ = step(before, reading(c(STOPPED, cpm=0)), {"3301": [("start", "ok")]})
    assert [r[1] for r in rows] == ["changed_elsewhere"]  # our start does not explain a stop
    _kept, rows, _ = step({"3301": ["unknown", 5, 100, 40, []]}, reading(c(STOPPED)))
    assert rows == []  # an unknown status is no change


def test_every_change_elsewhere_is_recorded() -> None:
    kept, rows, _ = step({"3301": ["started", 5, 100, 40, []]}, reading(c(STOPPED, cpm=0)))
    kept, rows, _ = step(kept, reading(c(STARTED), minutes=5))
    assert [(r[1], r[3]) for r in rows] == [("changed_elsewhere", "stopped → started")]
