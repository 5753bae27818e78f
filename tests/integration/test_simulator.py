"""The simulator over real loopback HTTP, with plain ``requests``/``http.client``.

Every row of the documented error table, our documented choices, every fault switch, the
concurrency recording, literal query decoding, ``stop()`` with a hung request, the control
endpoint and the standalone ``python -m`` entry.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests

from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.simulator import (
    Faults,
    SimCampaign,
    Simulator,
    demo_campaigns,
    many_campaigns,
)

CAMPAIGN = "/api/v2/campaign.php"
INFO = "/api/v2/information.php"
CAMPAIGN_KEYS = {
    "campaign_id",
    "campaign_name",
    "campaign_description",
    "type_campaign",
    "status",
    "records",
    "speed",
    "dial_mode",
    "last_use",
}


def call(
    sim: Simulator,
    method: str,
    path: str,
    params: dict[str, str] | None = None,
    token: str | None = DEMO_TOKEN,
    timeout: float = 10,
    **kwargs: Any,
) -> requests.Response:
    headers = dict(kwargs.pop("headers", {}))
    if token is not None:
        headers["wolkvox-token"] = token
    return requests.request(
        method,
        sim.base_url + path,
        params=params,
        headers=headers,
        timeout=timeout,
        allow_redirects=False,
        **kwargs,
    )


def start(sim: Simulator, cid: str = "3303", kind: str = "preview", **kw: Any) -> requests.Response:
    params = {"api": "start", "type_campaign": kind, "campaign_id": cid}
    return call(sim, "PUT", CAMPAIGN, params, **kw)


def stop(
    sim: Simulator, cid: str = "3301", kind: str = "predictive", **kw: Any
) -> requests.Response:
    params = {"api": "stop", "type_campaign": kind, "campaign_id": cid}
    return call(sim, "PUT", CAMPAIGN, params, **kw)


def list_campaigns(sim: Simulator, **kw: Any) -> requests.Response:
    return call(sim, "GET", INFO, {"api": "campaigns"}, **kw)


def assert_answer(resp: requests.Response, status: int, error: str | None, msg: str) -> None:
    assert resp.status_code == status
    assert resp.headers["Content-Type"].startswith("application/json")
    assert resp.json() == {"code": status, "error": error, "msg": msg}


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.005)


class Background:
    """Run one request in a thread; keep its response or exception."""

    def __init__(self, fn: Callable[[], requests.Response]) -> None:
        self.response: requests.Response | None = None
        self.exception: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(fn,), daemon=True)
        self._thread.start()

    def _run(self, fn: Callable[[], requests.Response]) -> None:
        try:
            self.response = fn()
        except Exception as exc:  # noqa: BLE001 - kept for the test to inspect
            self.exception = exc

    def join(self, timeout: float = 5.0) -> None:
        self._thread.join(timeout)
        assert not self._thread.is_alive(), "the request thread is still blocked"


def caused_by(exc: BaseException | None, kind: type[BaseException]) -> bool:
    seen = set()
    stack = [exc]
    while stack:
        item = stack.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, kind):
            return True
        stack.extend([item.__cause__, item.__context__, *getattr(item, "args", ())[:2]])
        stack = [s for s in stack if isinstance(s, BaseException) or s is None]
    return False


# -- documented success shapes --------------------------------------------------------------


def test_start_and_stop_answer_202_and_really_change_the_status(simulator: Simulator) -> None:
    assert simulator.campaign("3303").status == "Stopped"
    resp = start(simulator, "3303", "preview")
    assert_answer(resp, 202, None, "The 3303 campaign_id has been started successfully")
    assert simulator.campaign("3303").status == "Started"

    assert simulator.campaign("3301").status == "Started"
    resp = stop(simulator, "3301", "predictive")
    assert_answer(resp, 202, None, "The 3301 campaign_id has been stopped successfully")
    assert simulator.campaign("3301").status == "Stopped"

    rows = {r["campaign_id"]: r for r in list_campaigns(simulator).json()["data"]}
    assert rows["3303"]["status"] == "Started"
    assert rows["3301"]["status"] == "Stopped"


def test_starting_a_started_campaign_is_accepted_again(simulator: Simulator) -> None:
    assert simulator.campaign("3301").status == "Started"
    resp = start(simulator, "3301", "predictive")
    assert_answer(resp, 202, None, "The 3301 campaign_id has been started successfully")
    assert simulator.campaign("3301").status == "Started"


def test_campaign_list_has_the_documented_shape(simulator: Simulator) -> None:
    resp = list_campaigns(simulator)
    assert resp.status_code == 200
    body = resp.json()
    assert set(body) == {"code", "error", "msg", "data"}
    assert body["code"] == 200 and body["error"] is None and isinstance(body["msg"], str)
    rows = body["data"]
    assert len(rows) == len(demo_campaigns()) == 8
    assert all(set(row) == CAMPAIGN_KEYS for row in rows)
    assert {row["type_campaign"] for row in rows} == {"preview", "predictive"}
    assert {row["status"] for row in rows} == {"Started", "Stopped"}
    names = {row["campaign_name"] for row in rows}
    assert "Renovación Ñandú" in names and "Cobranza Norte" in names
    assert all(isinstance(row["campaign_id"], str) for row in rows)


def test_token_info_reports_limit_and_use_including_itself(simulator: Simulator) -> None:
    list_campaigns(simulator)
    start(simulator)
    resp = call(simulator, "GET", INFO, {"api": "token_info"})
    assert resp.status_code == 200
    assert resp.json() == {
        "code": 200,
        "error": None,
        "msg": "Data found",
        "data": [{"token_limit": 3000, "token_use_today": 3}],
    }
    assert simulator.token_use(DEMO_TOKEN) == 3


def test_real_time_campaigns_use_lower_case_status(simulator: Simulator) -> None:
    resp = call(simulator, "GET", "/api/v2/real_time.php", {"api": "campaigns"})
    assert resp.status_code == 200
    assert {row["status"] for row in resp.json()} == {"started", "stopped"}  # a bare array


def test_large_campaign_lists() -> None:
    with Simulator(campaigns=many_campaigns(5000)) as sim:
        rows = list_campaigns(sim).json()["data"]
        assert len(rows) == 5000
        assert len({row["campaign_id"] for row in rows}) == 5000
        assert all(set(row) == CAMPAIGN_KEYS for row in rows[:50])
        assert sim.errors == []


# -- the documented error table ---------------------------------------------------------------


def test_missing_token_header_is_401(simulator: Simulator) -> None:
    missing = "PLEASE ENTER THE WOLKVOX-TOKEN"
    assert_answer(start(simulator, token=None), 401, "UNAUTHORIZED", missing)
    assert_answer(start(simulator, token=""), 401, "UNAUTHORIZED", missing)
    # The seed's prose spells the header "wolkvoxtoken": that is not the header.
    resp = call(simulator, "PUT", CAMPAIGN, {"api": "start"}, token=None,
                headers={"wolkvoxtoken": DEMO_TOKEN})
    assert_answer(resp, 401, "UNAUTHORIZED", "PLEASE ENTER THE WOLKVOX-TOKEN")
    assert simulator.campaign("3303").status == "Stopped"


def test_unknown_token_is_403_validate(simulator: Simulator) -> None:
    assert_answer(start(simulator, token="not-a-token"), 403, "FORBIDDEN", "PLEASE VALIDATE TOKEN")
    assert_answer(list_campaigns(simulator, token="Demo-Token"), 403, "FORBIDDEN",
                  "PLEASE VALIDATE TOKEN")
    assert simulator.campaign("3303").status == "Stopped"


def test_daily_limit_counts_every_call_then_refuses_with_403() -> None:
    with Simulator(tokens={"small": 3, "other": 5}) as sim:
        assert list_campaigns(sim, token="small").status_code == 200
        assert start(sim, "3303", token="small").status_code == 202
        assert call(sim, "GET", INFO, {"api": "nope"}, token="small").status_code == 400
        assert sim.token_use("small") == 3
        assert_answer(stop(sim, "3303", "preview", token="small"), 403, "FORBIDDEN",
                      "TOKEN LIMIT EXCEEDED")
        assert_answer(list_campaigns(sim, token="small"), 403, "FORBIDDEN",
                      "TOKEN LIMIT EXCEEDED")
        assert sim.campaign("3303").status == "Started"  # the refused stop did nothing
        assert sim.token_use("small") == 3
        assert list_campaigns(sim, token="other").status_code == 200  # counted per token


def test_daily_limit_can_be_set_by_tests(simulator: Simulator) -> None:
    simulator.set_token_use(DEMO_TOKEN, 3000)
    assert_answer(start(simulator), 403, "FORBIDDEN", "TOKEN LIMIT EXCEEDED")


@pytest.mark.parametrize("api", ["begin", "add_record", "START", "campaigns"])
def test_unknown_campaign_api_is_400(simulator: Simulator, api: str) -> None:
    resp = call(simulator, "PUT", CAMPAIGN,
                {"api": api, "type_campaign": "preview", "campaign_id": "3303"})
    assert_answer(resp, 400, "BAD REQUEST", "THE API YOU WANT TO CONSULT DOES NOT EXIST")


def test_unknown_information_api_is_400(simulator: Simulator) -> None:
    resp = call(simulator, "GET", INFO, {"api": "start"})
    assert_answer(resp, 400, "BAD REQUEST", "THE API YOU WANT TO CONSULT DOES NOT EXIST")


@pytest.mark.parametrize(
    "params",
    [
        {"type_campaign": "preview", "campaign_id": "3303"},
        {"api": "", "type_campaign": "preview", "campaign_id": "3303"},
        {"api": "start", "campaign_id": "3303"},
        {"api": "start", "type_campaign": "preview"},
        {"api": "start", "type_campaign": "preview", "campaign_id": ""},
        {"api": "stop", "type_campaign": "", "campaign_id": "3303"},
    ],
)
def test_missing_parameters_are_400(simulator: Simulator, params: dict[str, str]) -> None:
    resp = call(simulator, "PUT", CAMPAIGN, params)
    assert_answer(resp, 400, "BAD REQUEST", "SOME PARAMETERS ARE REQUIRED")
    assert simulator.campaign("3303").status == "Stopped"


def test_third_simultaneous_request_is_refused_and_recorded(simulator: Simulator) -> None:
    simulator.faults.hang = True
    first = Background(lambda: list_campaigns(simulator))
    second = Background(lambda: start(simulator, "3303"))
    wait_until(lambda: simulator.hung == 2, "two held requests")
    assert simulator.in_flight(DEMO_TOKEN) == 2

    third = stop(simulator, "3301", "predictive")
    assert_answer(third, 403, "FORBIDDEN",
                  "EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)")
    assert simulator.campaign("3301").status == "Started"

    simulator.release()
    first.join()
    second.join()
    assert first.response is not None and first.response.status_code == 200
    assert second.response is not None and second.response.status_code == 202
    assert simulator.campaign("3303").status == "Started"
    assert simulator.max_concurrency_for(DEMO_TOKEN) == 3
    assert simulator.max_concurrency == 3
    assert simulator.in_flight(DEMO_TOKEN) == 0
    assert len(simulator.requests) == 3


def test_sequential_calls_are_never_seen_as_simultaneous(simulator: Simulator) -> None:
    # A request stops counting as in flight before its answer is written. Were it counted
    # until after, a client that waits for each answer (each call on a fresh connection,
    # so on a fresh server thread) could be seen with two in flight now and then.
    for _ in range(40):
        assert list_campaigns(simulator).status_code == 200
    with requests.Session() as session:
        session.headers["wolkvox-token"] = DEMO_TOKEN
        for _ in range(10):
            resp = session.get(simulator.base_url + INFO, params={"api": "campaigns"}, timeout=10)
            assert resp.status_code == 200
    assert simulator.max_concurrency_for(DEMO_TOKEN) == 1
    assert simulator.max_concurrency_for("someone-else") == 0


def test_a_request_stops_being_in_flight_when_its_answer_starts(simulator: Simulator) -> None:
    # Deterministic form of the above: the server is still streaming a 50 MB answer (the
    # client reads only its first bytes), yet the request no longer counts as in flight.
    simulator.faults.oversized_bytes = 50_000_000
    with list_campaigns(simulator, stream=True) as resp:
        assert next(resp.iter_content(1024)).startswith(b'{"code": 200')
        assert simulator.in_flight(DEMO_TOKEN) == 0
        assert simulator.in_flight() == 0


def test_concurrency_is_counted_per_token() -> None:
    with Simulator(tokens={"a": 100, "b": 100}) as sim:
        sim.faults.hang = True
        held = [Background(lambda t=t: list_campaigns(sim, token=t)) for t in ("a", "a", "b")]
        wait_until(lambda: sim.hung == 3, "three held requests")
        sim.release()
        for bg in held:
            bg.join()
            assert bg.response is not None and bg.response.status_code == 200
        assert sim.max_concurrency_for("a") == 2
        assert sim.max_concurrency_for("b") == 1
        assert sim.max_concurrency == 2


# -- our documented choices ---------------------------------------------------------------------


def test_unknown_campaign_id_is_400(simulator: Simulator) -> None:
    assert_answer(start(simulator, "9999", "preview"), 400, "BAD REQUEST",
                  "THE CAMPAIGN_ID DOES NOT EXIST")
    # Ids are compared exactly: no trimming, no leading-zero games.
    assert start(simulator, " 3303", "preview").json()["msg"] == "THE CAMPAIGN_ID DOES NOT EXIST"
    assert start(simulator, "03303", "preview").json()["msg"] == "THE CAMPAIGN_ID DOES NOT EXIST"


def test_wrong_type_for_the_campaign_is_400(simulator: Simulator) -> None:
    assert_answer(start(simulator, "3303", "predictive"), 400, "BAD REQUEST",
                  "THE TYPE_CAMPAIGN DOES NOT MATCH THE CAMPAIGN")
    assert simulator.campaign("3303").status == "Stopped"


@pytest.mark.parametrize("kind", ["manual", "PREVIEW", "preview "])
def test_type_outside_the_enum_is_400(simulator: Simulator, kind: str) -> None:
    assert_answer(start(simulator, "3303", kind), 400, "BAD REQUEST",
                  "THE TYPE_CAMPAIGN MUST BE preview OR predictive")


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
def test_wrong_method_for_start_is_405(simulator: Simulator, method: str) -> None:
    resp = call(simulator, method, CAMPAIGN,
                {"api": "start", "type_campaign": "preview", "campaign_id": "3303"})
    assert_answer(resp, 405, "METHOD NOT ALLOWED", "THE API start MUST BE CONSUMED BY PUT")
    assert resp.headers["Allow"] == "PUT"
    assert simulator.campaign("3303").status == "Stopped"


def test_wrong_method_for_a_read_is_405(simulator: Simulator) -> None:
    resp = call(simulator, "PUT", INFO, {"api": "campaigns"})
    assert_answer(resp, 405, "METHOD NOT ALLOWED", "THE API campaigns MUST BE CONSUMED BY GET")


def test_unknown_path_is_404_json(simulator: Simulator) -> None:
    resp = call(simulator, "GET", "/api/v2/nothing.php", {"api": "campaigns"})
    assert_answer(resp, 404, "NOT FOUND", "THE REQUESTED URL WAS NOT FOUND")


# -- recording and query decoding ------------------------------------------------------------


def test_an_encoded_id_arrives_literally_and_decoded_once(simulator: Simulator) -> None:
    tricky = SimCampaign("12&api=stop", "Inyección", "preview", status="Stopped")
    simulator.add_campaign(tricky)
    simulator.add_campaign(SimCampaign("12", "Doce", "preview", status="Started"))
    resp = start(simulator, "12&api=stop", "preview")
    assert_answer(resp, 202, None, "The 12&api=stop campaign_id has been started successfully")
    last = simulator.requests[-1]
    assert last.method == "PUT" and last.path == CAMPAIGN
    assert last.raw_query == "api=start&type_campaign=preview&campaign_id=12%26api%3Dstop"
    assert last.query == {"api": "start", "type_campaign": "preview", "campaign_id": "12&api=stop"}
    assert simulator.campaign("12&api=stop").status == "Started"
    assert simulator.campaign("12").status == "Started"

    # The same id pasted unencoded becomes a second api= parameter: the last one wins, as
    # in PHP, so campaign 12 is STOPPED. That is exactly what a client must never send.
    url = simulator.base_url + CAMPAIGN + "?api=start&type_campaign=preview&campaign_id=12&api=stop"
    raw = requests.put(url, headers={"wolkvox-token": DEMO_TOKEN}, timeout=10)
    assert raw.json()["msg"] == "The 12 campaign_id has been stopped successfully"
    assert simulator.campaign("12").status == "Stopped"
    assert simulator.requests[-1].query_pairs[-1] == ("api", "stop")

    # Decoded exactly once: %2541 is the three characters "%41", not "A".
    call(simulator, "PUT", CAMPAIGN + "?api=start&type_campaign=preview&campaign_id=%2541")
    assert simulator.requests[-1].query["campaign_id"] == "%41"


def test_requests_record_method_path_query_and_headers(simulator: Simulator) -> None:
    list_campaigns(simulator)
    start(simulator, token=None)
    first, second = simulator.requests
    assert (first.method, first.path, first.query) == ("GET", INFO, {"api": "campaigns"})
    assert first.headers["wolkvox-token"] == DEMO_TOKEN
    assert first.token == DEMO_TOKEN and first.api == "campaigns"
    assert DEMO_TOKEN not in repr(first)
    assert second.token is None and "wolkvox-token" not in second.headers
    simulator.clear_requests()
    assert simulator.requests == [] and simulator.max_concurrency == 0


# -- fault switches -----------------------------------------------------------------------------


def test_latency_delays_the_answer(simulator: Simulator) -> None:
    simulator.faults.latency = 0.3
    begun = time.monotonic()
    assert start(simulator).status_code == 202
    assert time.monotonic() - begun >= 0.3


def test_hang_holds_until_the_client_gives_up(simulator: Simulator) -> None:
    simulator.faults.hang = True
    with pytest.raises(requests.ReadTimeout):
        start(simulator, timeout=0.3)
    assert simulator.campaign("3303").status == "Stopped"


def test_hang_then_release_answers_normally(simulator: Simulator) -> None:
    simulator.faults.hang = True
    held = Background(lambda: start(simulator, "3303"))
    wait_until(lambda: simulator.hung == 1, "the held request")
    assert simulator.campaign("3303").status == "Stopped"
    simulator.reset_faults()  # also releases
    held.join()
    assert held.response is not None and held.response.status_code == 202
    assert simulator.campaign("3303").status == "Started"


def test_stop_is_fast_and_idempotent_with_a_hung_request() -> None:
    sim = Simulator()
    sim.start()
    sim.faults.hang = True
    held = Background(lambda: start(sim, "3303", timeout=30))
    wait_until(lambda: sim.hung == 1, "the held request")
    sim.stop()
    held.join(timeout=5)  # without stop() this would wait for the 30 s client timeout
    assert isinstance(held.exception, requests.ConnectionError)
    assert sim.hung == 0
    sim.stop()
    assert sim.errors == []
    with pytest.raises(requests.ConnectionError):
        requests.get(sim.base_url + INFO, timeout=2)


def test_reset_closes_the_connection_with_econnreset(simulator: Simulator) -> None:
    simulator.faults.reset = True
    request = (
        f"PUT {CAMPAIGN}?api=start&type_campaign=preview&campaign_id=3303 HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{simulator.port}\r\nwolkvox-token: {DEMO_TOKEN}\r\n"
        "Content-Length: 0\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", simulator.port), timeout=10) as sock:
        sock.sendall(request)
        # An RST, not an orderly close (which recv() would report as b"").
        with pytest.raises(ConnectionResetError) as info:
            sock.recv(1024)
    assert info.value.errno == errno.ECONNRESET
    assert simulator.campaign("3303").status == "Stopped"
    assert len(simulator.requests) == 1

    with pytest.raises(requests.ConnectionError) as raised:
        start(simulator)
    assert caused_by(raised.value, ConnectionResetError)


def test_act_first_performs_the_call_before_the_fault(simulator: Simulator) -> None:
    simulator.faults.reset = True
    simulator.faults.act_first = True
    with pytest.raises(requests.ConnectionError):
        start(simulator, "3303")
    assert simulator.campaign("3303").status == "Started"  # it happened; nobody was told


def test_html_502(simulator: Simulator) -> None:
    simulator.faults.html_502 = True
    resp = start(simulator)
    assert resp.status_code == 502
    assert resp.headers["Content-Type"].startswith("text/html")
    assert "502 Bad Gateway" in resp.text
    with pytest.raises(ValueError):
        resp.json()
    assert simulator.campaign("3303").status == "Stopped"


def test_malformed_json_after_the_call_took_effect(simulator: Simulator) -> None:
    simulator.faults.malformed_json = True
    resp = start(simulator)
    assert resp.status_code == 202
    assert resp.text.startswith('{"code": 202')
    with pytest.raises(ValueError):
        json.loads(resp.text)
    assert simulator.campaign("3303").status == "Started"


def test_redirect_to_another_host_is_a_302_that_delivers_nothing_there(
    simulator: Simulator,
) -> None:
    with Simulator(host="127.0.0.2") as elsewhere:
        target = elsewhere.base_url + CAMPAIGN + "?api=start&type_campaign=preview&campaign_id=3303"
        simulator.faults.redirect_to = target
        resp = start(simulator)
        assert resp.status_code == 302
        assert resp.headers["Location"] == target
        assert simulator.campaign("3303").status == "Stopped"
        assert elsewhere.requests == []  # allow_redirects=False: nothing went there
        control = requests.post(elsewhere.base_url + "/_sim/release", timeout=5)
        assert control.status_code == 200  # the other host is really listening


def test_oversized_body_is_streamed_valid_json_of_that_size(simulator: Simulator) -> None:
    size = 3_000_000
    simulator.faults.oversized_bytes = size
    with list_campaigns(simulator, stream=True) as resp:
        assert resp.status_code == 200
        assert resp.headers["Content-Length"] == str(size)
        payload = b"".join(resp.iter_content(65536))
    assert len(payload) == size
    body = json.loads(payload)
    assert body["code"] == 200 and body["error"] is None
    assert len(body["data"]) > 10_000


def test_oversized_body_cut_off_by_the_client_does_not_break_the_server(
    simulator: Simulator,
) -> None:
    simulator.faults.oversized_bytes = 50_000_000
    with list_campaigns(simulator, stream=True) as resp:
        first = next(resp.iter_content(65536))
        assert first.startswith(b'{"code": 200')
    simulator.reset_faults()
    assert list_campaigns(simulator).status_code == 200


def test_maintenance_is_403_with_a_maintenance_message(simulator: Simulator) -> None:
    simulator.faults.maintenance = True
    assert_answer(start(simulator), 403, "FORBIDDEN",
                  "THE SERVER IS IN BACKUP OR MAINTENANCE, PLEASE TRY AGAIN LATER")
    assert simulator.campaign("3303").status == "Stopped"


def test_code_as_string(simulator: Simulator) -> None:
    simulator.faults.code_as_string = True
    resp = start(simulator)
    assert resp.status_code == 202
    assert resp.json() == {
        "code": "202",
        "error": None,
        "msg": "The 3303 campaign_id has been started successfully",
    }
    assert start(simulator, token=None).json()["code"] == "401"


def test_empty_body(simulator: Simulator) -> None:
    simulator.faults.empty_body = True
    resp = start(simulator)
    assert resp.status_code == 202
    assert resp.content == b""
    assert simulator.campaign("3303").status == "Started"


def test_faults_can_hit_only_one_api(simulator: Simulator) -> None:
    simulator.faults.html_502 = True
    simulator.faults.only_api = "start"
    assert list_campaigns(simulator).status_code == 200
    assert stop(simulator).status_code == 202
    assert start(simulator).status_code == 502
    assert simulator.campaign("3303").status == "Stopped"


def test_reset_faults_turns_everything_off(simulator: Simulator) -> None:
    simulator.faults.update({"html_502": True, "latency": 0.01, "only_api": "start"})
    simulator.reset_faults()
    assert simulator.faults == Faults()
    assert start(simulator).status_code == 202


def test_faults_update_rejects_bad_values() -> None:
    faults = Faults()
    for bad in ({"nope": True}, {"hang": 1}, {"latency": -1}, {"oversized_bytes": 1.5},
                {"redirect_to": 5}, {"latency": True}):
        with pytest.raises(ValueError):
            faults.update(bad)
    assert faults == Faults()


# -- control endpoint ---------------------------------------------------------------------------


def test_control_endpoint_steers_a_running_simulator(simulator: Simulator) -> None:
    base = simulator.base_url
    resp = requests.post(base + "/_sim/faults", json={"maintenance": True, "only_api": "start"},
                         timeout=5)
    assert resp.status_code == 200 and resp.json()["maintenance"] is True
    assert simulator.faults.maintenance and simulator.faults.only_api == "start"
    assert start(simulator).status_code == 403
    assert list_campaigns(simulator).status_code == 200

    bad = requests.post(base + "/_sim/faults", json={"maintenance": "yes"}, timeout=5)
    assert bad.status_code == 400 and "maintenance" in bad.json()["error"]
    assert requests.post(base + "/_sim/faults", data=b"[1]", timeout=5).status_code == 400

    state = requests.get(base + "/_sim/state", timeout=5).json()
    assert state["requests"] == 2
    assert state["max_concurrency"] == 1
    assert state["recent"][0] == {"method": "PUT", "path": CAMPAIGN,
                                  "query": {"api": "start", "type_campaign": "preview",
                                            "campaign_id": "3303"}}
    assert {"campaign_id": "3303", "type_campaign": "preview", "status": "Stopped"} in (
        state["campaigns"]
    )
    assert DEMO_TOKEN not in json.dumps(state)

    assert requests.post(base + "/_sim/reset_faults", timeout=5).status_code == 200
    assert simulator.faults == Faults()
    assert requests.get(base + "/_sim/nothing", timeout=5).status_code == 404
    assert len(simulator.requests) == 2  # control calls are not recorded


def test_control_release_lets_a_hung_request_finish(simulator: Simulator) -> None:
    requests.post(simulator.base_url + "/_sim/faults", json={"hang": True}, timeout=5)
    held = Background(lambda: start(simulator))
    wait_until(lambda: simulator.hung == 1, "the held request")
    assert requests.get(simulator.base_url + "/_sim/state", timeout=5).json()["hung"] == 1
    requests.post(simulator.base_url + "/_sim/release", timeout=5)
    held.join()
    assert held.response is not None and held.response.status_code == 202


# -- the server itself ------------------------------------------------------------------------


def test_only_loopback_hosts() -> None:
    for host in ("0.0.0.0", "192.168.1.10", "example.com", "::1"):
        with pytest.raises(ValueError):
            Simulator(host=host)


def test_nothing_is_logged_unless_verbose_and_never_a_header(
    capfd: pytest.CaptureFixture[str],
) -> None:
    with Simulator(tokens={"tok-quiet": 10}) as sim:
        list_campaigns(sim, token="tok-quiet")
        start(sim, token=None)
    assert capfd.readouterr().err == ""
    with Simulator(tokens={"tok-loud": 10}, verbose=True) as sim:
        list_campaigns(sim, token="tok-loud")
    err = capfd.readouterr().err
    assert "GET /api/v2/information.php?api=campaigns" in err
    assert "tok-loud" not in err


@pytest.fixture
def standalone() -> Iterator[tuple[subprocess.Popen[str], str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "wolkvox_desktop.simulator", "--port", "0",
         "--token", "tok-cli-123", "--latency", "0.01"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.append(proc.stdout.readline()),  # type: ignore[union-attr]
                                  daemon=True)
        reader.start()
        reader.join(15)
        assert lines and lines[0].startswith("http://127.0.0.1:"), lines
        yield proc, lines[0].strip()
    finally:
        if proc.poll() is None:
            proc.terminate()
        try:
            proc.wait(timeout=10)
        finally:
            for stream in (proc.stdout, proc.stderr):
                if stream is not None:
                    stream.close()


def test_standalone_entry_serves_until_sigterm(
    standalone: tuple[subprocess.Popen[str], str],
) -> None:
    proc, url = standalone
    resp = requests.put(url + CAMPAIGN, params={"api": "start", "type_campaign": "preview",
                                                "campaign_id": "3303"},
                        headers={"wolkvox-token": "tok-cli-123"}, timeout=10)
    assert_answer(resp, 202, None, "The 3303 campaign_id has been started successfully")
    demo = requests.get(url + INFO, params={"api": "campaigns"},
                        headers={"wolkvox-token": DEMO_TOKEN}, timeout=10)
    assert demo.status_code == 403  # --token replaces the demo token
    state = requests.get(url + "/_sim/state", timeout=10).json()
    assert state["faults"]["latency"] == 0.01
    assert {"campaign_id": "3303", "type_campaign": "preview", "status": "Started"} in (
        state["campaigns"]
    )

    proc.terminate()
    assert proc.wait(timeout=10) == 0
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    assert out == ""  # only the URL line, already read
    assert "using the token given with --token" in err
    assert "tok-cli-123" not in out + err


def test_the_standalone_help_lists_every_fault_switch() -> None:
    done = subprocess.run([sys.executable, "-m", "wolkvox_desktop.simulator", "--help"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    switches = [f.name for f in dataclasses.fields(Faults)]
    missing = [name for name in switches
               if not re.search(rf"^  {name}\b", done.stdout, re.MULTILINE)]
    assert missing == [], done.stdout
    assert "/_sim/faults" in done.stdout and "--fault NAME" in done.stdout


def test_faults_given_on_the_command_line_are_on_from_the_start() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "wolkvox_desktop.simulator", "--port", "0",
         "--fault", "html_502", "--fault", "busy=2", "--fault", "only_api=start"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        faults = requests.get(url + "/_sim/faults", timeout=10).json()
        assert (faults["html_502"], faults["busy"], faults["only_api"]) == (True, 2, "start")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    bad = subprocess.run([sys.executable, "-m", "wolkvox_desktop.simulator", "--fault",
                          "busy=many"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "busy must be an integer" in bad.stderr
