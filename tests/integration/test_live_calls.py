"""The live board's calls through the front door (issue 18), against the simulator and a
real store: readings and their history rows, alerts from two readings (across a restart),
not counted as token uses; the speed PUT, once and never resent; a reading never makes an
action wait; the reserve; Wolkvox's licenses and count."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from wolkvox_desktop.core import live_calls
from wolkvox_desktop.core.campaigns import CampaignRef, CampaignStatus, CampaignType
from wolkvox_desktop.core.credentials import Credentials
from wolkvox_desktop.core.errors import Outcome, Reason
from wolkvox_desktop.core.limits import shared_gate
from wolkvox_desktop.core.live import LiveReading
from wolkvox_desktop.core.operations import Operations
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.simulator import Simulator

TOKEN = "demo-token"
NORTE = CampaignRef("3301", CampaignType.PREDICTIVE)
SUR = CampaignRef("3302", CampaignType.PREDICTIVE)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(tokens={TOKEN: 3000}, pace=0) as simulator:  # its clock stands still
        yield simulator
        assert simulator.errors == []


@pytest.fixture(autouse=True)
def _reset_token_limit() -> Iterator[None]:
    yield
    shared_gate().set_token_limit(TOKEN, None)


def front_door(sim: Simulator, path: Path) -> Operations:
    creds = Credentials(use_env=False, use_keyring=False)
    creds.set_session_token("0032", TOKEN)
    return Operations(Store(path), creds, api_base=sim.base_url)


@pytest.fixture
def ops(sim: Simulator, tmp_path: Path) -> Iterator[Operations]:
    door = front_door(sim, tmp_path / "store.sqlite3")
    yield door
    door.close()
    door.store.close()


def read(ops: Operations) -> LiveReading:
    result = ops.service("0032").live_reading()
    assert result.ok, result.message
    assert isinstance(result.data, LiveReading)
    return result.data


def rows(store: Store, action: str) -> list[tuple[str | None, str, str | None, str | None]]:
    return [(r.campaign_id, r.outcome, r.reason, r.detail)
            for r in reversed(store.history(action=action))]


def test_a_reading_is_one_recorded_call(ops: Operations, sim: Simulator) -> None:
    reading = read(ops)
    assert [r.path for r in sim.requests] == ["/api/v2/real_time.php"]
    norte = reading.campaign("3301")
    assert norte is not None and norte.status is CampaignStatus.STARTED
    assert (norte.speed, norte.records, norte.remaining, norte.dialed) == (40, 1840, 1530, 310)
    assert norte.calls_per_minute == 10 and norte.name == "Cobranza Norte"
    assert rows(ops.store, "real_time") == [(None, "ok", "ok", None)]
    assert ops.usage("0032").used == 1 == ops.store.readings_today("0032")


def test_both_shapes_and_odd_numbers_from_the_simulator(ops: Operations, sim: Simulator) -> None:
    sim.faults.update({"live_wrapper": True, "live_strings": True, "live_missing": True,
                       "live_campaign_id": True})
    reading = read(ops)
    assert len(reading.campaigns) == 8
    norte, sur = reading.campaign("3301"), reading.campaign("3302")
    assert norte is not None and norte.remaining == 1530 and norte.speed == 40
    assert sur is not None and sur.remaining is None and sur.speed is None  # missing
    sim.faults.update({"live_junk": True})
    junk = ops.service("0032").live_reading()
    assert junk.outcome is Outcome.UNKNOWN and junk.reason is Reason.NOT_JSON
    assert "The live reading was not loaded: Wolkvox sent" in junk.message


def test_changed_elsewhere_across_a_restart_and_not_counted(sim: Simulator,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    first = front_door(sim, path)
    read(first)
    first.close()
    first.store.close()
    sim.set_status("3301", "Stopped")  # someone in the web manager
    again = front_door(sim, path)  # a new process, the kept reading from the file
    try:
        reading = read(again)
        assert reading.alerts_of("3301") == ("changed_elsewhere",)
        assert ("3301", "changed_elsewhere") in reading.new_alerts
        (alert,) = [r for r in again.store.history(action="alert")
                    if r.reason == "changed_elsewhere"]
        assert (alert.campaign_id, alert.reason, alert.detail) == (
            "3301", "changed_elsewhere", "started → stopped")
        assert alert.message == ("Campaign 3301 (Cobranza Norte) changed outside this app: "
                                 "started → stopped.")
        assert again.usage("0032").used == 2  # two readings; the alert costs nothing
        # the app's own stop between two readings is not "elsewhere"
        assert again.service("0032").stop(CampaignRef("3307", CampaignType.PREDICTIVE)).ok
        third = read(again)
        assert third.alerts_of("3307") == ()
        assert [r for r in rows(again.store, "alert") if r[2] == "changed_elsewhere"] == [
            ("3301", "ok", "changed_elsewhere", "started → stopped")]
        assert again.usage("0032").used == 4
    finally:
        again.close()
        again.store.close()


def test_list_finished_and_not_dialling_recorded_once(ops: Operations, sim: Simulator) -> None:
    first = read(ops)
    assert first.alerts_of("3304") == ()  # started at speed 0: two readings are needed
    assert first.campaign("3307").remaining == 12  # type: ignore[union-attr]
    sim.advance(120)  # 10 calls a minute: 3307's list runs out
    second = read(ops)
    finished = second.campaign("3307")
    assert finished is not None and finished.remaining == 0 and finished.started
    assert finished.calls_per_minute == 0
    assert second.alerts_of("3307") == ("list_finished",)
    assert second.alerts_of("3304") == ("not_dialling",)
    assert second.alerts_of("3301") == ()  # dialling
    sim.advance(300)
    third = read(ops)
    assert third.alerts_of("3307") == ("list_finished",) and third.new_alerts == ()
    assert rows(ops.store, "alert") == [
        ("3304", "ok", "not_dialling", "0 calls a minute"),
        ("3307", "ok", "list_finished", "0 of 676 left"),
    ]
    assert ops.usage("0032").used == 3


def test_speed_is_one_put_with_its_history_row(ops: Operations, sim: Simulator) -> None:
    read(ops)  # the kept reading knows 3301 runs at 40
    sim.clear_requests()
    result = ops.service("0032").set_speed(NORTE, 55)
    assert result.ok and result.message == "Wolkvox set the speed of campaign 3301 to 55."
    (put,) = sim.requests
    assert (put.method, put.api, put.query["campaign_id"]) == ("PUT", "speed", "3301")
    assert json.loads(put.body) == {"speed": "55"}
    assert sim.campaign("3301").speed == 55
    assert rows(ops.store, "speed") == [("3301", "ok", "ok", "40 → 55")]
    assert ops.service("0032").set_speed(NORTE, 60).ok  # the kept reading follows
    assert rows(ops.store, "speed")[-1] == ("3301", "ok", "ok", "55 → 60")
    assert ops.service("0032").set_speed(SUR, 20, previous=None).ok
    assert rows(ops.store, "speed")[-1][3] == "40 → 20"


@pytest.mark.parametrize("bad", [101, -1, 55.5, True, "55"])
def test_a_bad_speed_sends_and_records_nothing(ops: Operations, sim: Simulator,
                                               bad: object) -> None:
    result = ops.service("0032").set_speed(NORTE, bad)  # type: ignore[arg-type]
    assert result.outcome is Outcome.INVALID and result.reason is Reason.BAD_SPEED
    assert result.message == "A campaign's speed must be a whole number from 0 to 100."
    assert sim.requests == [] and ops.store.history() == []


def test_a_burst_of_speeds_is_one_put_each_and_an_unknown_one_is_never_resent(
    ops: Operations, sim: Simulator
) -> None:
    service = ops.service("0032")
    threads = [threading.Thread(target=service.set_speed, args=(NORTE, speed))
               for speed in (41, 42, 43, 44, 45)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    puts = [r for r in sim.requests if r.api == "speed"]
    assert sorted(json.loads(r.body)["speed"] for r in puts) == ["41", "42", "43", "44", "45"]
    assert sim.max_concurrency == 1 and len(ops.store.history(action="speed")) == 5
    # the answer is lost after Wolkvox changed it: unknown, and never sent again
    ops.store.upsert_operation(Operation("0032", timeout_s=1.0))
    sim.clear_requests()
    sim.faults.update({"only_api": "speed", "act_first": True, "hang": True})
    lost = ops.service("0032").set_speed(NORTE, 70)
    assert lost.outcome is Outcome.UNKNOWN
    assert "cannot tell whether the speed of campaign 3301 was changed to 70" in lost.message
    sim.reset_faults()
    assert [r.api for r in sim.requests] == ["speed"] and sim.campaign("3301").speed == 70
    assert rows(ops.store, "speed")[-1][:2] == ("3301", "unknown")


def test_a_reading_never_waits_for_the_slot(ops: Operations, sim: Simulator) -> None:
    sim.faults.update({"only_api": "start", "hang": True})
    service = ops.service("0032")
    started = threading.Thread(target=service.start, args=(SUR,))
    started.start()
    try:
        while sim.hung == 0:  # the start holds the token's slot at Wolkvox
            time.sleep(0.01)
        result = service.live_reading()  # an action is under way in this service
        assert result.reason is Reason.GATE_BUSY and "never makes one wait" in result.message
        other = front_door(sim, ops.store.path)  # another process's reading: the slot is held
        try:
            busy = other.service("0032").live_reading()
        finally:
            other.close()
            other.store.close()
        assert busy.outcome is Outcome.INVALID and busy.reason is Reason.GATE_BUSY
        assert "another call with this token was under way" in busy.message
        assert [r.api for r in sim.requests] == ["start"]  # no reading reached Wolkvox
    finally:
        sim.reset_faults()
        started.join()


def test_an_action_cuts_a_reading_short_instead_of_waiting(ops: Operations,
                                                           sim: Simulator) -> None:
    ops.store.upsert_operation(Operation("0032", timeout_s=20.0))
    sim.faults.update({"only_api": "campaigns", "hang": True})  # readings never answer
    service = ops.service("0032")
    outcome: list[object] = []
    reading = threading.Thread(target=lambda: outcome.append(service.live_reading()))
    reading.start()
    try:
        while sim.hung == 0:
            time.sleep(0.01)
        result = service.start(SUR)  # waits for the slot: the reading is cut short
        assert result.ok, result.message
        reading.join(timeout=15)
        (cut,) = outcome
        assert cut.outcome is Outcome.UNKNOWN  # type: ignore[attr-defined]
        assert sim.campaign("3302").started
    finally:
        sim.reset_faults()
        reading.join()


def test_a_reading_leaves_the_reserve(ops: Operations, sim: Simulator) -> None:
    store = ops.store
    store.upsert_operation(Operation("0032", licenses=1))
    for _ in range(900):
        store.finish_call(store.begin_call("0032", "campaigns"), ok_result())
    refused = ops.service("0032").live_reading()
    assert refused.reason is Reason.BUDGET_EXHAUSTED and sim.requests == []
    assert "is the reserve kept for starting and stopping campaigns" in refused.message
    assert ops.service("0032").start(SUR).ok  # the reserve is for this
    assert ops.service("0032").live_reading(allow_over_budget=True).ok


def test_services_offer_the_licenses_and_token_info_realigns(ops: Operations,
                                                             sim: Simulator) -> None:
    store = ops.store
    assert live_calls.services_due(store, "0032")
    result = ops.service("0032").read_services()
    assert result.ok and result.message == "Wolkvox says this operation has 3 licenses."
    offer = result.data
    assert isinstance(offer, live_calls.LicenseOffer) and offer.differs
    assert offer.sentence() == "Wolkvox says this operation has 3 licenses: 3,000 uses a day."
    assert not live_calls.services_due(store, "0032")
    assert [r.action for r in store.history()] == ["services"]
    sim.set_token_use(TOKEN, 40)  # other programs used the token today
    assert live_calls.token_info_due(store, "0032")
    assert ops.service("0032").token_info().ok
    aligned = live_calls.alignment(store, "0032")
    assert aligned is not None and aligned.differs and (aligned.wolkvox, aligned.ours) == (41, 2)
    assert aligned.sentence().startswith("Wolkvox counts 41 uses today; this computer counted 2")
    assert not live_calls.token_info_due(store, "0032")


def ok_result() -> object:
    from wolkvox_desktop.core.errors import CallResult

    return CallResult(Outcome.OK, Reason.OK, "ok")


def test_a_readings_deadline_is_shorter_than_a_calls(ops: Operations, sim: Simulator) -> None:
    from wolkvox_desktop.core.operations import READING_TIMEOUT_S

    ops.store.upsert_operation(Operation("0032", timeout_s=90.0))
    service = ops.service("0032")
    with service.reading_client() as client:
        assert client.read_timeout == READING_TIMEOUT_S == 30.0 < service.client.read_timeout
        assert client.gate_timeout == 0.0 and client is not service.client
    assert read(ops).campaigns
