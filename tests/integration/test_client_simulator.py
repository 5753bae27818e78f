"""WolkvoxClient against the simulator on loopback: the error table and every fault switch."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator

import pytest
import requests

from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.core.answers import ResponseContext, interpret_response
from wolkvox_desktop.core.api import USER_AGENT, WolkvoxClient
from wolkvox_desktop.core.api_request import CAMPAIGN_PATH, INFORMATION_PATH, ApiRequest, TokenInfo
from wolkvox_desktop.core.campaigns import Action, CampaignRef, CampaignStatus, CampaignType
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.limits import TokenGate
from wolkvox_desktop.simulator.server import SimCampaign, Simulator, demo_campaigns, many_campaigns

C3302 = CampaignRef("3302", CampaignType.PREDICTIVE)  # 3302 is predictive
C3301 = CampaignRef("3301", CampaignType.PREDICTIVE)

SHORT = {"connect_timeout": 2.0, "read_timeout": 0.5, "retry_delay": 0.05}


def make_client(sim: Simulator, token: str = DEMO_TOKEN, **kw: object) -> WolkvoxClient:
    options: dict[str, object] = {**SHORT, "gate": TokenGate(1)}
    options.update(kw)
    return WolkvoxClient("0032", token, api_base=sim.base_url, **options)  # type: ignore[arg-type]


def assert_no_token(result: CallResult, token: str = DEMO_TOKEN) -> None:
    for text in (repr(result), result.message, str(result.to_json_dict())):
        assert token not in text


@pytest.fixture
def client(simulator: Simulator) -> Iterator[WolkvoxClient]:
    with make_client(simulator) as c:
        yield c


def wait_for(predicate: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.005)


# ---- the documented calls ------------------------------------------------------------


def test_start_and_stop_change_the_campaign(simulator: Simulator, client: WolkvoxClient) -> None:
    assert simulator.campaign("3302").status == "Stopped"
    started = client.start(C3302)
    assert started.ok, started.message
    assert (started.http_status, started.code, started.error) == (202, 202, None)
    assert started.msg == "The 3302 campaign_id has been started successfully"
    assert started.message == "Wolkvox started campaign 3302."
    assert simulator.campaign("3302").status == "Started"
    stopped = client.stop(C3302)
    assert stopped.ok and simulator.campaign("3302").status == "Stopped"
    sent = simulator.requests[0]
    assert (sent.method, sent.path) == ("PUT", CAMPAIGN_PATH)
    assert sent.query == {"api": "start", "type_campaign": "predictive", "campaign_id": "3302"}
    assert sent.headers["wolkvox-token"] == DEMO_TOKEN
    assert sent.headers["user-agent"] == USER_AGENT
    assert "authorization" not in sent.headers and "cookie" not in sent.headers
    assert_no_token(started)


def test_list_campaigns(simulator: Simulator, client: WolkvoxClient) -> None:
    result = client.list_campaigns()
    assert result.ok and result.http_status == 200
    by_id = {c.id: c for c in result.data}
    assert set(by_id) == {c.campaign_id for c in demo_campaigns()}
    assert by_id["3301"].name == "Cobranza Norte"
    assert by_id["3301"].type is CampaignType.PREDICTIVE
    assert by_id["3301"].status is CampaignStatus.STARTED
    assert by_id["3303"].type is CampaignType.PREVIEW
    assert by_id["3303"].status is CampaignStatus.STOPPED
    request = simulator.requests[-1]
    assert (request.method, request.path, request.query) == (
        "GET",
        INFORMATION_PATH,
        {"api": "campaigns"},
    )


def test_thousands_of_campaigns_fit() -> None:
    with Simulator(tokens={DEMO_TOKEN: 10}, campaigns=many_campaigns(5000)) as sim:
        with make_client(sim) as c:
            result = c.list_campaigns()
    assert result.ok and len(result.data) == 5000


def test_token_info(simulator: Simulator, client: WolkvoxClient) -> None:
    simulator.set_token_use(DEMO_TOKEN, 41)
    result = client.token_info()
    assert result.ok
    assert result.data == TokenInfo(token_limit=3000, token_use_today=42)  # it costs one
    assert result.message == "Wolkvox counts 42 of 3000 token uses today."


def test_an_id_with_query_syntax_arrives_literally(
    simulator: Simulator, client: WolkvoxClient
) -> None:
    simulator.add_campaign(SimCampaign("12&api=stop", "Tricky", "preview"))
    simulator.add_campaign(SimCampaign("12", "Plain", "preview", status="Started"))
    result = client.start(CampaignRef("12&api=stop", CampaignType.PREVIEW))
    assert result.ok, result.message
    request = simulator.requests[-1]
    assert request.query == {
        "api": "start",
        "type_campaign": "preview",
        "campaign_id": "12&api=stop",
    }
    assert len(request.query_pairs) == 3
    assert simulator.campaign("12&api=stop").status == "Started"
    assert simulator.campaign("12").status == "Started"  # untouched, not stopped


# ---- the error table -----------------------------------------------------------------


def test_missing_token_row(simulator: Simulator) -> None:
    # The client refuses to send without a token (InvalidInput in its constructor), so the
    # 401 row is fetched with plain requests and fed to the same interpretation.
    raw = requests.put(
        simulator.base_url + CAMPAIGN_PATH,
        params={"api": "start", "type_campaign": "preview", "campaign_id": "3303"},
        timeout=5,
    )
    assert raw.status_code == 401
    request = ApiRequest.campaign_action(Action.START, CampaignRef("3303", CampaignType.PREVIEW))
    result = interpret_response(
        request, raw.status_code, raw.content, ResponseContext("h", 1.0, 1024)
    )
    assert (result.outcome, result.reason) == (Outcome.REFUSED, Reason.MISSING_TOKEN)
    assert result.msg == "PLEASE ENTER THE WOLKVOX-TOKEN"


def test_invalid_token_row(simulator: Simulator) -> None:
    with make_client(simulator, token="not-the-token") as c:
        result = c.start(C3302)
    assert (result.outcome, result.reason) == (Outcome.REFUSED, Reason.INVALID_TOKEN)
    assert (result.http_status, result.code, result.error) == (403, 403, "FORBIDDEN")
    assert "token" in result.message
    assert_no_token(result, "not-the-token")
    assert simulator.campaign("3302").status == "Stopped"


def test_daily_limit_row(simulator: Simulator, client: WolkvoxClient) -> None:
    simulator.set_token_use(DEMO_TOKEN, 3000)
    for result in (client.start(C3302), client.list_campaigns()):
        assert (result.outcome, result.reason) == (Outcome.REFUSED, Reason.DAILY_LIMIT)
        assert result.msg == "TOKEN LIMIT EXCEEDED"
    assert simulator.campaign("3302").status == "Stopped"


def test_simultaneous_limit_row(simulator: Simulator, client: WolkvoxClient) -> None:
    # Another program holds two requests with the same token (hung on api=campaigns).
    simulator.faults.only_api = "campaigns"
    simulator.faults.hang = True
    url = simulator.base_url + INFORMATION_PATH

    def other_program() -> None:
        try:
            requests.get(
                url, params={"api": "campaigns"}, headers={"wolkvox-token": DEMO_TOKEN}, timeout=10
            )
        except requests.RequestException:
            pass

    others = [threading.Thread(target=other_program) for _ in range(2)]
    for thread in others:
        thread.start()
    try:
        wait_for(lambda: simulator.hung == 2)
        result = client.start(C3302)
    finally:
        simulator.reset_faults()
        for thread in others:
            thread.join(10)
    assert (result.outcome, result.reason) == (Outcome.REFUSED, Reason.SIMULTANEOUS_LIMIT)
    assert "at the same time" in result.message


def _custom(api: str, *pairs: tuple[str, str], method: str = "PUT") -> ApiRequest:
    return ApiRequest(
        "action",
        method,
        CAMPAIGN_PATH,
        (("api", api), *pairs),
        Action.START,
        "3301",
        CampaignType.PREDICTIVE,
    )


def test_unknown_api_row(client: WolkvoxClient) -> None:
    result = client.send(
        _custom("explode", ("type_campaign", "predictive"), ("campaign_id", "3301"))
    )
    assert (result.outcome, result.reason) == (Outcome.REFUSED, Reason.UNKNOWN_API)
    assert result.msg == "THE API YOU WANT TO CONSULT DOES NOT EXIST"


def test_missing_parameters_row(client: WolkvoxClient) -> None:
    result = client.send(_custom("start"))
    assert (result.outcome, result.reason) == (Outcome.REFUSED, Reason.MISSING_PARAMETERS)
    assert result.http_status == 400


def test_undocumented_refusals_are_refused_other(
    simulator: Simulator, client: WolkvoxClient
) -> None:
    unknown_id = client.start(CampaignRef("9999", CampaignType.PREVIEW))
    assert (unknown_id.outcome, unknown_id.reason) == (Outcome.REFUSED, Reason.REFUSED_OTHER)
    assert "THE CAMPAIGN_ID DOES NOT EXIST" in unknown_id.message
    wrong_type = client.start(CampaignRef("3302", CampaignType.PREVIEW))  # 3302 is predictive
    assert wrong_type.reason is Reason.REFUSED_OTHER
    wrong_method = client.send(
        _custom("start", ("type_campaign", "predictive"), ("campaign_id", "3302"), method="GET")
    )
    assert (wrong_method.reason, wrong_method.http_status) == (Reason.REFUSED_OTHER, 405)
    assert simulator.campaign("3302").status == "Stopped"


def test_maintenance_row(simulator: Simulator, client: WolkvoxClient) -> None:
    simulator.faults.maintenance = True
    result = client.start(C3302)
    assert (result.outcome, result.reason) == (Outcome.REFUSED, Reason.MAINTENANCE)
    assert result.http_status == 403


# ---- fault switches ------------------------------------------------------------------


def test_latency_is_waited_for(simulator: Simulator, client: WolkvoxClient) -> None:
    simulator.faults.latency = 0.1
    result = client.start(C3302)
    assert result.ok
    assert result.duration_ms >= 90  # a lower bound, not a timing assertion


def test_latency_beyond_the_read_timeout_is_unknown(
    simulator: Simulator, client: WolkvoxClient
) -> None:
    simulator.faults.latency = 1.5
    result = client.start(C3302)
    assert (result.outcome, result.reason) == (Outcome.UNKNOWN, Reason.READ_TIMEOUT)
    assert "did not answer within 0.5 seconds" in result.message
    assert "refresh the campaign list" in result.message
    assert len(simulator.requests) == 1  # never retried


def test_hang_is_a_read_timeout_never_retried(simulator: Simulator, client: WolkvoxClient) -> None:
    simulator.faults.hang = True
    result = client.stop(C3301)
    assert (result.outcome, result.reason) == (Outcome.UNKNOWN, Reason.READ_TIMEOUT)
    assert "may or may not have happened" in result.message
    assert len(simulator.requests) == 1


@pytest.mark.parametrize("act_first", [False, True])
def test_reset_after_sending_is_unknown_with_exactly_one_request(
    simulator: Simulator, client: WolkvoxClient, act_first: bool
) -> None:
    simulator.faults.reset = True
    simulator.faults.act_first = act_first  # Wolkvox did it, then the connection broke
    result = client.start(C3302)
    assert (result.outcome, result.reason) == (Outcome.UNKNOWN, Reason.CONNECTION_RESET)
    assert "may or may not have happened" in result.message
    assert len(simulator.requests) == 1
    assert simulator.campaign("3302").status == ("Started" if act_first else "Stopped")


def test_reset_on_a_read_is_not_retried_either(simulator: Simulator, client: WolkvoxClient) -> None:
    simulator.faults.reset = True
    result = client.list_campaigns()
    assert (result.outcome, result.reason) == (Outcome.UNKNOWN, Reason.CONNECTION_RESET)
    assert len(simulator.requests) == 1


def test_html_502_is_unknown(simulator: Simulator, client: WolkvoxClient) -> None:
    simulator.faults.html_502 = True
    result = client.start(C3302)
    assert (result.outcome, result.reason, result.http_status) == (
        Outcome.UNKNOWN,
        Reason.SERVER_ERROR,
        502,
    )


def test_malformed_json_is_unknown(simulator: Simulator, client: WolkvoxClient) -> None:
    simulator.faults.malformed_json = True
    result = client.start(C3302)
    assert (result.outcome, result.reason, result.http_status) == (
        Outcome.UNKNOWN,
        Reason.NOT_JSON,
        202,
    )
    listed = client.list_campaigns()
    assert (listed.outcome, listed.reason) == (Outcome.UNKNOWN, Reason.NOT_JSON)


def test_empty_body_is_unknown(simulator: Simulator, client: WolkvoxClient) -> None:
    simulator.faults.empty_body = True
    result = client.start(C3302)
    assert (result.outcome, result.reason) == (Outcome.UNKNOWN, Reason.NOT_JSON)
    assert "an empty answer" in result.message


def test_code_as_string_is_understood(simulator: Simulator, client: WolkvoxClient) -> None:
    simulator.faults.code_as_string = True
    result = client.start(C3302)
    assert result.ok and result.code == 202
    simulator.set_token_use(DEMO_TOKEN, 3000)
    refused = client.start(C3302)
    assert (refused.reason, refused.code) == (Reason.DAILY_LIMIT, 403)


def test_redirect_is_not_followed_and_the_target_gets_nothing(
    simulator: Simulator, client: WolkvoxClient
) -> None:
    try:
        target = Simulator(tokens={DEMO_TOKEN: 3000}, host="127.0.0.2")
        target.start(port=0)
    except OSError:  # pragma: no cover - 127.0.0.2 not bindable on this system
        target = Simulator(tokens={DEMO_TOKEN: 3000})
        target.start(port=0)
    try:
        simulator.faults.redirect_to = (
            f"{target.base_url}{CAMPAIGN_PATH}?api=start&type_campaign=predictive&campaign_id=3302"
        )
        result = client.start(C3302)
        listed = client.list_campaigns()
        assert target.requests == []
    finally:
        target.stop()
    assert (result.outcome, result.reason, result.http_status) == (
        Outcome.UNKNOWN,
        Reason.REDIRECT,
        302,
    )
    assert "redirect" in result.message and "refresh the campaign list" in result.message
    assert listed.reason is Reason.REDIRECT
    assert len(simulator.requests) == 2


def test_oversized_answer_is_cut_off(simulator: Simulator) -> None:
    simulator.faults.oversized_bytes = 2_000_000
    with make_client(simulator, max_body_bytes=1_000_000) as c:
        result = c.list_campaigns()
        assert (result.outcome, result.reason) == (Outcome.UNKNOWN, Reason.TOO_LARGE)
        assert "larger than" in result.message
        simulator.reset_faults()
        assert c.list_campaigns().ok  # the client is still usable


def test_a_big_answer_under_the_default_bound_is_read(simulator: Simulator) -> None:
    simulator.faults.oversized_bytes = 5_000_000
    with make_client(simulator, read_timeout=10.0) as c:
        result = c.list_campaigns()
    assert result.ok
    assert [c.id for c in result.data] == ["0000"]  # the filler rows share one id


# ---- the token gate against the server -----------------------------------------------


def test_a_double_call_on_one_token_never_has_two_requests_in_flight(
    simulator: Simulator, client: WolkvoxClient
) -> None:
    simulator.faults.latency = 0.15
    results: list[CallResult] = []
    calls = [
        threading.Thread(target=lambda: results.append(client.start(C3302))),
        threading.Thread(target=lambda: results.append(client.stop(C3301))),
    ]
    for thread in calls:
        thread.start()
    for thread in calls:
        thread.join(10)
    assert len(results) == 2 and all(r.ok for r in results), [r.message for r in results]
    assert len(simulator.requests) == 2
    assert simulator.max_concurrency_for(DEMO_TOKEN) == 1


def test_two_clients_share_the_process_wide_gate(simulator: Simulator) -> None:
    simulator.faults.latency = 0.1
    first = WolkvoxClient("0032", DEMO_TOKEN, api_base=simulator.base_url)
    second = WolkvoxClient("0032", DEMO_TOKEN, api_base=simulator.base_url)
    results: list[CallResult] = []
    calls = [
        threading.Thread(target=lambda c=c: results.append(c.list_campaigns()))
        for c in (first, second, first, second)
    ]
    try:
        for thread in calls:
            thread.start()
        for thread in calls:
            thread.join(10)
    finally:
        first.close()
        second.close()
    assert len(results) == 4 and all(r.ok for r in results)
    assert simulator.max_concurrency_for(DEMO_TOKEN) == 1


def test_two_in_flight_when_configured_never_more(simulator: Simulator) -> None:
    simulator.faults.latency = 0.1
    gate = TokenGate(2)
    clients = [make_client(simulator, gate=gate) for _ in range(4)]
    results: list[CallResult] = []
    calls = [
        threading.Thread(target=lambda c=c: results.append(c.list_campaigns())) for c in clients
    ]
    try:
        for thread in calls:
            thread.start()
        for thread in calls:
            thread.join(10)
    finally:
        for c in clients:
            c.close()
    assert len(results) == 4 and all(r.ok for r in results)  # no SIMULTANEOUS refusal
    assert 1 <= simulator.max_concurrency_for(DEMO_TOKEN) <= 2


def test_gate_timeout_sends_nothing(simulator: Simulator) -> None:
    gate = TokenGate(1)
    simulator.faults.hang = True
    holder = make_client(simulator, gate=gate, read_timeout=5.0)
    impatient = make_client(simulator, gate=gate, gate_timeout=0.1)
    results: list[CallResult] = []
    thread = threading.Thread(target=lambda: results.append(holder.start(C3302)))
    thread.start()
    try:
        wait_for(lambda: simulator.hung == 1)
        busy = impatient.stop(C3301)
    finally:
        holder.abort()
        thread.join(5)
        holder.close()
        impatient.close()
    assert (busy.outcome, busy.reason) == (Outcome.INVALID, Reason.GATE_BUSY)
    assert "Nothing was sent" in busy.message
    assert len(simulator.requests) == 1


# ---- the token never leaks -----------------------------------------------------------


def test_no_result_or_log_line_ever_holds_the_token(caplog: pytest.LogCaptureFixture) -> None:
    secret = "Zq9-secret-token-4471"
    caplog.set_level(logging.DEBUG)
    sim = Simulator(tokens={secret: 3000}, campaigns=demo_campaigns())
    sim.start(port=0)
    results: list[CallResult] = []
    try:
        with make_client(sim, token=secret) as c:
            results.append(c.start(C3302))
            results.append(c.start(CampaignRef("12&api=stop", CampaignType.PREVIEW)))
            for fault, value in (
                ("hang", True),
                ("reset", True),
                ("html_502", True),
                ("malformed_json", True),
                ("maintenance", True),
                ("redirect_to", sim.base_url + "/x"),
                ("empty_body", True),
            ):
                sim.reset_faults()
                setattr(sim.faults, fault, value)
                results.append(c.stop(C3302))
                results.append(c.list_campaigns())
            sim.reset_faults()
            sim.set_token_use(secret, 3000)
            results.append(c.token_info())
        with make_client(sim, token=secret + "-wrong") as c:
            results.append(c.start(C3302))
    finally:
        sim.stop()
    with WolkvoxClient("0032", secret, api_base=sim.base_url, gate=TokenGate(1), **SHORT) as c:
        results.append(c.start(C3302))  # the simulator is gone: undelivered
    outcomes = {r.outcome for r in results}
    assert outcomes == {Outcome.OK, Outcome.REFUSED, Outcome.UNKNOWN, Outcome.UNDELIVERED}
    for result in results:
        assert_no_token(result, secret)
    assert secret not in caplog.text
    assert any("failed" in record.getMessage() for record in caplog.records)
