"""The simulator comes alive (issue 18, point 7): ``real_time`` in both shapes, ``speed``,
``services``; a started campaign dials through its records at its speed on the simulator's
own clock (moved by hand here), a list finishes and stays started, speed 0 does not dial;
the live fault switches; ``--help`` lists them."""

from __future__ import annotations

import json
import subprocess
import sys

import requests

from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.simulator import SimCampaign, Simulator
from wolkvox_desktop.simulator.__main__ import parse_fault
from wolkvox_desktop.simulator.dialer import DialerClock

REAL_TIME = "/api/v2/real_time.php"
CAMPAIGN = "/api/v2/campaign.php"


def get(sim: Simulator, path: str, api: str) -> requests.Response:
    return requests.get(sim.base_url + path, params={"api": api},
                        headers={"wolkvox-token": DEMO_TOKEN}, timeout=5)


def live(sim: Simulator) -> dict[str, dict[str, object]]:
    rows = get(sim, REAL_TIME, "campaigns").json()
    return {str(r["campaign"]).split(" - ")[0]: r for r in rows}


def speed(sim: Simulator, cid: str, body: bytes, kind: str = "predictive") -> requests.Response:
    return requests.put(sim.base_url + CAMPAIGN,
                        params={"api": "speed", "type_campaign": kind, "campaign_id": cid},
                        data=body, headers={"wolkvox-token": DEMO_TOKEN,
                                            "Content-Type": "application/json"}, timeout=5)


def test_real_time_rows_have_the_documented_fields(simulator: Simulator) -> None:
    rows = get(simulator, REAL_TIME, "campaigns").json()
    assert isinstance(rows, list) and len(rows) == 8  # the collection's bare array
    norte = rows[0]
    assert list(norte) == ["campaign", "speed", "status", "skill_id", "records", "clean",
                           "dial", "answer", "no_answer", "busy/congestion/failed",
                           "answer_machine", "penetration_day", "penetration_now", "hits",
                           "calls_x_min", "recycled"]
    assert norte["campaign"] == "3301 - Cobranza Norte" and norte["status"] == "started"
    assert norte["dial"] == (norte["answer"] + norte["no_answer"]  # type: ignore[operator]
                             + norte["busy/congestion/failed"] + norte["answer_machine"])
    simulator.faults.update({"live_wrapper": True})
    wrapped = get(simulator, REAL_TIME, "campaigns").json()
    assert (wrapped["code"], wrapped["error"], wrapped["data"]) == (200, None, rows)


def test_started_campaigns_dial_at_their_speed() -> None:
    campaigns = [SimCampaign("1", "Rápida", "predictive", "Started", records=100, speed=40),
                 SimCampaign("2", "Lenta", "predictive", "Started", records=100, speed=4),
                 SimCampaign("3", "Parada", "predictive", "Stopped", records=100, speed=40),
                 SimCampaign("4", "Cero", "preview", "Started", records=100, speed=0)]
    with Simulator(tokens={DEMO_TOKEN: 100}, campaigns=campaigns, pace=0) as sim:
        sim.advance(60)
        rows = live(sim)
        assert [rows[c]["clean"] for c in "1234"] == [90, 99, 100, 100]
        assert [rows[c]["calls_x_min"] for c in "1234"] == [10, 1, 0, 0]
        sim.advance(30)  # half a minute at 1 a minute: a call begun, not made
        assert live(sim)["2"]["clean"] == 99
        sim.advance(30)
        assert live(sim)["2"]["clean"] == 98
        sim.advance(600)  # campaign 1 runs out of records and stays started
        done = live(sim)["1"]
        assert (done["clean"], done["dial"], done["status"], done["calls_x_min"]) == (
            0, 100, "started", 0)
        assert done["penetration_day"] == 100.0
        assert (done["answer"], done["answer_machine"], done["busy/congestion/failed"],
                done["no_answer"]) == (45, 20, 10, 25)
        sim.set_status("3", "Started")  # from outside: it dials from now on
        sim.advance(60)
        assert live(sim)["3"]["clean"] == 90


def test_speed_is_taken_as_documented(simulator: Simulator) -> None:
    answer = speed(simulator, "3301", b'{"speed": "55"}')
    assert answer.status_code == 202
    assert answer.json() == {"code": 202, "error": None, "msg": "The speed of 3301 "
                             "campaign_id has been updated successfully"}
    assert simulator.campaign("3301").speed == 55
    assert json.loads(simulator.requests[-1].body) == {"speed": "55"}
    simulator.advance(60)
    assert live(simulator)["3301"]["calls_x_min"] == 13.75  # the new pace
    for body in (b'{"speed": "101"}', b'{"speed": "-1"}', b'{"speed": "x"}'):
        bad = speed(simulator, "3301", body)
        assert bad.status_code == 400
        assert bad.json()["msg"] == "THE SPEED MUST BE A NUMBER FROM 0 TO 100"
    for body in (b"", b"{}", b"not json"):
        assert speed(simulator, "3301", body).json()["msg"] == "SOME PARAMETERS ARE REQUIRED"
    assert speed(simulator, "9999", b'{"speed": 5}').status_code == 400
    assert speed(simulator, "3301", b'{"speed": 5}', kind="preview").status_code == 400
    assert simulator.campaign("3301").speed == 55


def test_services_says_the_licenses() -> None:
    with Simulator(tokens={DEMO_TOKEN: 5000}, pace=0) as sim:
        data = get(sim, "/api/v2/information.php", "services").json()["data"]
        assert data[0]["licenses"] == 5
        sim.licenses = 2
        assert get(sim, "/api/v2/information.php", "services").json()["data"][0]["licenses"] == 2


def test_the_live_faults(simulator: Simulator) -> None:
    simulator.faults.update({"live_strings": True, "live_campaign_id": True,
                             "live_missing": True})
    rows = get(simulator, REAL_TIME, "campaigns").json()
    assert rows[0]["records"] == "1840" and rows[0]["campaign_id"] == "3301"
    assert "clean" not in rows[1] and "calls_x_min" not in rows[1] and "clean" in rows[0]
    simulator.faults.update({"live_junk": True})
    assert get(simulator, REAL_TIME, "campaigns").json() == "no data today"
    simulator.faults.update({"live_wrapper": True})
    assert get(simulator, REAL_TIME, "campaigns").json()["data"][0] == "<b>no data</b>"
    simulator.reset_faults()
    assert isinstance(get(simulator, REAL_TIME, "campaigns").json()[0], dict)
    assert parse_fault("live_wrapper") == {"live_wrapper": True}


def test_the_clock_is_moved_over_the_control_endpoint(simulator: Simulator) -> None:
    before = live(simulator)["3301"]["clean"]
    done = requests.post(simulator.base_url + "/_sim/advance", json={"seconds": 60}, timeout=5)
    assert done.status_code == 200
    assert live(simulator)["3301"]["clean"] == before - 10  # type: ignore[operator]
    bad = requests.post(simulator.base_url + "/_sim/advance", json={"seconds": -1}, timeout=5)
    assert bad.status_code == 400


def test_a_clock_at_a_pace() -> None:
    now = [100.0]
    clock = DialerClock(pace=60, source=lambda: now[0])
    now[0] += 2  # two real seconds: two simulated minutes
    assert clock.now() == 120
    clock.advance(30)
    assert clock.now() == 150


def test_help_lists_the_switches_and_the_pace() -> None:
    shown = subprocess.run([sys.executable, "-m", "wolkvox_desktop.simulator", "--help"],
                           capture_output=True, text=True, timeout=30, check=True).stdout
    for name in ("live_wrapper", "live_campaign_id", "live_strings", "live_missing",
                 "live_junk", "--pace X", "--licenses N"):
        assert name in shown
