"""Only Wolkvox's own refusal is sent again (issue 16, point 8).

"EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN" is Wolkvox's refusal of a call
made while two others with the token were running: an HTTP 403 that says it is the one
answer the service sends again by itself. The same words in any other answer (a 200, a
400, a 429...) are just that answer: one call, never resent. The simulator answers each
with its ``answer_status`` / ``answer_body`` switches (the call is carried out first, as a
server that misreports would); the history and the simulator count the calls.
"""

from __future__ import annotations

import json

import pytest

from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.cli import main
from wolkvox_desktop.core.answers import ResponseContext, interpret_response
from wolkvox_desktop.core.api import WolkvoxClient
from wolkvox_desktop.core.api_request import ApiRequest
from wolkvox_desktop.core.campaigns import Action, CampaignRef, CampaignType
from wolkvox_desktop.core.errors import Outcome, Reason
from wolkvox_desktop.core.limits import TokenGate
from wolkvox_desktop.core.service import OperationService
from wolkvox_desktop.core.store import Store
from wolkvox_desktop.simulator import Simulator

P3303 = CampaignRef("3303", CampaignType.PREVIEW)
BUSY = "EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)"
START = ApiRequest.campaign_action(Action.START, P3303)
CTX = ResponseContext("127.0.0.1", 60.0, 1024 * 1024)


def busy_body(code: object, error: str | None) -> str:
    return json.dumps({"code": code, "error": error, "msg": BUSY})


def service_for(sim: Simulator, store: Store) -> OperationService:
    client = WolkvoxClient("0032", DEMO_TOKEN, api_base=sim.base_url, gate=TokenGate(),
                           read_timeout=5.0)
    # short pauses: were an answer wrongly taken as "busy", its resends would come at once
    return OperationService(store, client, "0032", busy_backoff=(0.01, 0.01, 0.01))


# ---------------------------------------------------------------- what each answer means
@pytest.mark.parametrize(
    ("status", "payload", "outcome", "reason"),
    [
        (403, busy_body(403, "FORBIDDEN"), Outcome.REFUSED, Reason.SIMULTANEOUS_LIMIT),
        (403, busy_body(200, None), Outcome.REFUSED, Reason.SIMULTANEOUS_LIMIT),
        (200, busy_body(200, None), Outcome.UNKNOWN, Reason.UNEXPECTED),
        (202, busy_body(202, None), Outcome.UNKNOWN, Reason.UNEXPECTED),
        (200, busy_body("", None), Outcome.UNKNOWN, Reason.UNEXPECTED),
        (200, busy_body(403, "FORBIDDEN"), Outcome.REFUSED, Reason.REFUSED_OTHER),
        (400, busy_body(400, "BAD REQUEST"), Outcome.REFUSED, Reason.REFUSED_OTHER),
        (401, busy_body(401, "UNAUTHORIZED"), Outcome.REFUSED, Reason.REFUSED_OTHER),
        (429, busy_body(429, "TOO MANY"), Outcome.REFUSED, Reason.REFUSED_OTHER),
        (503, busy_body(503, None), Outcome.UNKNOWN, Reason.SERVER_ERROR),
    ],
    ids=["403", "403-code-200", "200", "202", "200-code-empty", "200-code-403", "400", "401",
         "429", "503"],
)
def test_the_busy_words_are_a_busy_refusal_only_in_an_http_403(
    status: int, payload: str, outcome: Outcome, reason: Reason
) -> None:
    result = interpret_response(START, status, payload.encode(), CTX)
    assert (result.outcome, result.reason) == (outcome, reason)
    assert result.msg == BUSY  # Wolkvox's own words are kept
    if reason is Reason.REFUSED_OTHER:
        assert BUSY in result.message and f"HTTP {status}" in result.message
    if outcome is Outcome.UNKNOWN:
        assert "may or may not have happened" in result.message


# ---------------------------------------------------------------- through the service
@pytest.mark.parametrize(
    ("status", "payload", "outcome", "reason", "history"),
    [
        (200, busy_body(200, None), Outcome.UNKNOWN, Reason.UNEXPECTED, "unknown"),
        (200, busy_body(403, "FORBIDDEN"), Outcome.REFUSED, Reason.REFUSED_OTHER, "refused"),
        (400, busy_body(400, "BAD REQUEST"), Outcome.REFUSED, Reason.REFUSED_OTHER, "refused"),
    ],
    ids=["http-200-code-200", "http-200-code-403", "http-400"],
)
def test_the_busy_words_in_another_answer_are_sent_once(
    simulator: Simulator, store: Store, status: int, payload: str, outcome: Outcome,
    reason: Reason, history: str,
) -> None:
    simulator.faults.answer_status = status
    simulator.faults.answer_body = payload
    service = service_for(simulator, store)
    try:
        result = service.start(P3303)
    finally:
        service.client.close()
    assert (result.outcome, result.reason) == (outcome, reason)
    assert len(simulator.requests) == 1  # never sent again
    assert [(r.outcome, r.reason) for r in store.history()] == [(history, reason.value)]


def test_wolkvox_s_own_busy_refusal_is_still_sent_again(
    simulator: Simulator, store: Store
) -> None:
    """The control: the same switches, with the status Wolkvox really uses (403)."""
    simulator.faults.answer_status = 403
    simulator.faults.answer_body = busy_body(403, "FORBIDDEN")
    service = service_for(simulator, store)
    try:
        result = service.start(P3303)
    finally:
        service.client.close()
    assert (result.outcome, result.reason) == (Outcome.REFUSED, Reason.SIMULTANEOUS_LIMIT)
    assert len(simulator.requests) == 4  # the call and its three resends
    assert {r.reason for r in store.history()} == {"simultaneous_limit"}


def test_a_campaign_list_with_the_busy_words_is_read_once_and_kept_out(
    simulator: Simulator, store: Store
) -> None:
    simulator.faults.answer_status = 200
    simulator.faults.answer_body = json.dumps(
        {"code": 200, "error": None, "msg": BUSY, "data": [{"campaign_id": "1"}]}
    )
    service = service_for(simulator, store)
    try:
        result = service.refresh_campaigns()
    finally:
        service.client.close()
    assert (result.outcome, result.reason) == (Outcome.UNKNOWN, Reason.UNEXPECTED)
    assert len(simulator.requests) == 1
    assert store.campaigns("0032") == []  # the saved list is not replaced by it


@pytest.mark.parametrize(("status", "code", "exit_code"), [(200, 200, 5), (400, 400, 3)])
def test_the_cli_sends_it_once_and_exits_with_its_outcome(
    simulator: Simulator, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], status: int, code: int, exit_code: int,
) -> None:
    monkeypatch.setenv("WOLKVOX_API_BASE", simulator.base_url)
    monkeypatch.setenv("WOLKVOX_TOKEN", DEMO_TOKEN)
    simulator.faults.answer_status = status
    simulator.faults.answer_body = busy_body(code, None if code < 300 else "BAD REQUEST")
    assert main(["start", "--server", "0032", "--type", "preview", "--campaign", "3303"]) == (
        exit_code
    )
    err = capsys.readouterr().err
    assert "Wolkvox is busy" not in err  # no "trying again in N s"
    assert len(simulator.requests) == 1
