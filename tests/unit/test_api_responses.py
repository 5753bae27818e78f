"""Interpreting Wolkvox's answers and transport failures (pure functions, no network)."""

from __future__ import annotations

import json
import socket
import ssl

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from urllib3.connection import HTTPConnection
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)
from urllib3.exceptions import SSLError as Urllib3SSLError

from wolkvox_desktop.core.answers import (
    ResponseContext,
    interpret_response,
    match_error_table,
    parse_campaigns,
    parse_code,
    parse_token_info,
)
from wolkvox_desktop.core.api_request import ApiRequest, TokenInfo
from wolkvox_desktop.core.campaigns import (
    Action,
    Campaign,
    CampaignRef,
    CampaignStatus,
    CampaignType,
)
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.failures import (
    after_sending_reason,
    cancelled_result,
    failed_before_connecting,
    never_connected_reason,
    too_large_result,
    undelivered_result,
)

SECRET = "S3cr3t-T0ken-value"
CTX = ResponseContext("wv0032.wolkvox.com", 60.0, 64 * 1024 * 1024, SECRET)
START = ApiRequest.campaign_action(Action.START, CampaignRef("3301", CampaignType.PREDICTIVE))
STOP = ApiRequest.campaign_action(Action.STOP, CampaignRef("3302", CampaignType.PREVIEW))
CAMPAIGNS = ApiRequest.campaigns()
TOKEN_INFO = ApiRequest.token_info()
ALL_REQUESTS = (START, STOP, CAMPAIGNS, TOKEN_INFO)


def body(**fields: object) -> bytes:
    return json.dumps(fields).encode()


def answer(request: ApiRequest, status: int, payload: bytes) -> CallResult:
    return interpret_response(request, status, payload, CTX)


# ---- success -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "code"),
    [(202, 202), (200, 202), (202, "202"), (202, " 202 "), (200, 200), (201, 202)],
)
def test_action_accepted(status: int, code: object) -> None:
    result = answer(
        START,
        status,
        body(code=code, error=None, msg="The 3301 campaign_id has been started successfully"),
    )
    assert result.ok and result.reason is Reason.OK
    assert result.http_status == status
    assert result.message == "Wolkvox started campaign 3301."
    assert result.msg == "The 3301 campaign_id has been started successfully"
    assert result.error is None


def test_stop_accepted_sentence() -> None:
    assert answer(STOP, 202, body(code=202, error=None, msg="ok")).message == (
        "Wolkvox stopped campaign 3302."
    )


@pytest.mark.parametrize("code", ["", None, 204, 201, "abc", "2O2"])
@pytest.mark.parametrize("status", [200, 202])
def test_only_code_200_or_202_confirms_an_action(code: object, status: int) -> None:
    result = answer(START, status, body(code=code, error=None, msg="hmm"))
    assert (result.outcome, result.reason) == (Outcome.UNKNOWN, Reason.UNEXPECTED)
    assert "may or may not have happened" in result.message
    assert "refresh the campaign list" in result.message


def test_campaign_list_parsed_tolerantly() -> None:
    data = [
        {
            "campaign_id": "3301",
            "campaign_name": "Cobranza",
            "type_campaign": "predictive",
            "status": "Started",
            "records": 5,
        },
        {
            "campaign_id": 3302,
            "campaign_name": None,
            "type_campaign": "Preview",
            "status": "stopped",
        },
        {"campaign_id": " 3303 ", "type_campaign": "weird", "status": 7},
        {"campaign_name": "no id"},
        {"campaign_id": ""},
        {"campaign_id": None},
        {"campaign_id": ["x"]},
        {"campaign_id": "x" * 65},
        {"campaign_id": "3301", "campaign_name": "duplicate"},
        "not a row",
        None,
        {"id": "9", "name": "alt keys", "type": "preview"},
    ]
    result = answer(CAMPAIGNS, 200, body(code=200, error=None, msg="Data found", data=data))
    assert result.ok
    assert result.data == [
        Campaign("3301", "Cobranza", CampaignType.PREDICTIVE, CampaignStatus.STARTED),
        Campaign("3302", "", CampaignType.PREVIEW, CampaignStatus.STOPPED),
        Campaign("3303", "", None, CampaignStatus.UNKNOWN),
        Campaign("9", "alt keys", CampaignType.PREVIEW, CampaignStatus.UNKNOWN),
    ]
    assert result.message == "Wolkvox listed 4 campaigns."


def test_campaign_list_shapes() -> None:
    assert parse_campaigns({"a": {"campaign_id": "1"}, "b": {"campaign_id": "2"}}) == [
        Campaign("1"),
        Campaign("2"),
    ]
    assert parse_campaigns({"campaign_id": "7", "status": "STARTED"}) == [
        Campaign("7", status=CampaignStatus.STARTED)
    ]
    assert parse_campaigns(None) == []
    assert parse_campaigns("nope") == []
    empty = answer(CAMPAIGNS, 200, body(code=200, error=None, msg="", data=[]))
    assert empty.ok and empty.data == [] and empty.message == "Wolkvox listed 0 campaigns."
    nothing = answer(CAMPAIGNS, 200, body(code=200, error=None, msg="", data=None))
    assert nothing.outcome is Outcome.UNKNOWN  # never "0 campaigns": the saved list stays
    one = answer(CAMPAIGNS, 200, body(code="200", data=[{"campaign_id": "1"}]))
    assert one.message == "Wolkvox listed 1 campaign."


@pytest.mark.parametrize(
    ("status", "payload", "outcome", "reason"),
    [
        # the three answers a reviewer saw shown as "Done"
        (200, b'{"code": 202, "error": "FORBIDDEN", "msg": "PLEASE VALIDATE TOKEN"}',
         Outcome.REFUSED, Reason.INVALID_TOKEN),
        (202, b"{}", Outcome.UNKNOWN, Reason.UNEXPECTED),
        (202, b'{"code": null, "error": "", "msg": "error: campaign already started"}',
         Outcome.UNKNOWN, Reason.UNEXPECTED),
        # a code and an error that contradict each other
        (202, b'{"code": 202, "error": "SOMETHING WENT WRONG", "msg": "nope"}',
         Outcome.UNKNOWN, Reason.UNEXPECTED),
        (202, b'{"code": "", "error": "SOMETHING WENT WRONG", "msg": "nope"}',
         Outcome.UNKNOWN, Reason.UNEXPECTED),
        # which "code" did Wolkvox mean?
        (202, b'{"code": 202, "error": null, "code": 403, "msg": "x"}',
         Outcome.UNKNOWN, Reason.NOT_JSON),
        (202, b"", Outcome.UNKNOWN, Reason.NOT_JSON),
        (202, b"[]", Outcome.UNKNOWN, Reason.NOT_JSON),
    ],
)
def test_done_only_on_a_positive_answer(
    status: int, payload: bytes, outcome: Outcome, reason: Reason
) -> None:
    result = answer(START, status, payload)
    assert (result.outcome, result.reason) == (outcome, reason)
    if outcome is Outcome.UNKNOWN:
        assert "may or may not have happened" in result.message


def test_wolkvox_text_of_an_unconfirmed_answer_is_kept() -> None:
    result = answer(START, 202, b'{"code": null, "error": "", "msg": "error: campaign already '
                                b'started"}')
    assert result.msg == "error: campaign already started"
    assert "error: campaign already started" in result.message
    page = answer(START, 200, b"<html><body>Gateway says hi</body></html>")
    assert page.outcome is Outcome.UNKNOWN and "Gateway says hi" in (page.msg or "")


@pytest.mark.parametrize(
    "payload",
    [b'{"code": 200, "error": "FORBIDDEN", "msg": "TOKEN LIMIT EXCEEDED", "data": []}',
     b'{"code": 200, "error": "SOMETHING", "msg": "x", "data": []}',
     b'{"code": 200, "error": null, "msg": "x", "data": null}'],
)
def test_a_campaign_list_with_an_error_is_never_zero_campaigns(payload: bytes) -> None:
    result = answer(CAMPAIGNS, 200, payload)
    assert not result.ok and result.data is None


def test_campaign_list_without_data_is_unknown() -> None:
    result = answer(CAMPAIGNS, 200, body(code=200, error=None, msg="Data found"))
    assert (result.outcome, result.reason) == (Outcome.UNKNOWN, Reason.NOT_JSON)
    assert "Nothing was changed" in result.message


def test_thousands_of_campaigns() -> None:
    data = [
        {
            "campaign_id": str(i),
            "campaign_name": f"C{i}",
            "type_campaign": "preview",
            "status": "Stopped",
        }
        for i in range(20000)
    ]
    result = answer(CAMPAIGNS, 200, body(code=200, data=data))
    assert result.ok and len(result.data) == 20000


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (
            {"code": 200, "data": [{"token_limit": 3000, "token_use_today": 12}]},
            TokenInfo(3000, 12),
        ),
        (
            {"code": 200, "data": {"token_limit": "3000", "token_use_today": "12"}},
            TokenInfo(3000, 12),
        ),
        ({"code": 200, "token_limit": 5000, "token_use_today": 0}, TokenInfo(5000, 0)),
        (
            {"code": 200, "data": [{"token_limit": "3,000", "token_use_today": 1.0}]},
            TokenInfo(3000, 1),
        ),
        (
            {"code": 200, "data": [{"token_limit": None, "token_use_today": "7"}]},
            TokenInfo(None, 7),
        ),
    ],
)
def test_token_info_parsed(payload: dict[str, object], expected: TokenInfo) -> None:
    result = answer(TOKEN_INFO, 200, json.dumps(payload).encode())
    assert result.ok and result.data == expected
    assert "token uses today" in result.message


def test_token_info_without_counts_is_unknown() -> None:
    result = answer(TOKEN_INFO, 200, body(code=200, data=[{"other": 1}]))
    assert (result.outcome, result.reason) == (Outcome.UNKNOWN, Reason.NOT_JSON)
    assert parse_token_info({"data": "x"}) is None


# ---- the documented error table ------------------------------------------------------

ERROR_TABLE = [
    (400, "BAD REQUEST", "THE API YOU WANT TO CONSULT DOES NOT EXIST", Reason.UNKNOWN_API),
    (400, "BAD REQUEST", "SOME PARAMETERS ARE REQUIRED", Reason.MISSING_PARAMETERS),
    (401, "UNAUTHORIZED", "PLEASE ENTER THE WOLKVOX-TOKEN", Reason.MISSING_TOKEN),
    (403, "FORBIDDEN", "TOKEN LIMIT EXCEEDED", Reason.DAILY_LIMIT),
    (
        403,
        "FORBIDDEN",
        "EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)",
        Reason.SIMULTANEOUS_LIMIT,
    ),
    (403, "FORBIDDEN", "PLEASE VALIDATE TOKEN", Reason.INVALID_TOKEN),
    (403, None, None, Reason.MAINTENANCE),
    (403, "FORBIDDEN", "THE SERVER IS IN BACKUP", Reason.MAINTENANCE),
]


@pytest.mark.parametrize(("status", "error", "msg", "reason"), ERROR_TABLE)
@pytest.mark.parametrize("request_", ALL_REQUESTS, ids=lambda r: r.kind + str(r.action))
def test_error_table_rows(
    status: int, error: str | None, msg: str | None, reason: Reason, request_: ApiRequest
) -> None:
    result = answer(request_, status, body(code=status, error=error, msg=msg))
    assert (result.outcome, result.reason) == (Outcome.REFUSED, reason)
    assert (result.http_status, result.code, result.error, result.msg) == (
        status,
        status,
        error,
        msg,
    )
    assert result.message.startswith("Wolkvox refused")
    assert result.message.endswith(".")


@pytest.mark.parametrize(("status", "error", "msg", "reason"), ERROR_TABLE[:6])
def test_error_table_matches_case_and_spacing_insensitively(
    status: int, error: str, msg: str, reason: Reason
) -> None:
    sloppy = "  " + msg.lower().replace(" ", "  ") + " "
    result = answer(START, status, body(code=str(status), error=error.lower(), msg=sloppy))
    assert result.reason is reason
    assert result.code == status


@pytest.mark.parametrize(("status", "error", "msg", "reason"), ERROR_TABLE[:6])
def test_error_rows_inside_a_2xx_answer_are_refusals(
    status: int, error: str, msg: str, reason: Reason
) -> None:
    result = answer(START, 200, body(code=status, error=error, msg=msg))
    # the busy words are Wolkvox's "too many at once" (sent again) only in an HTTP 403
    expected = Reason.REFUSED_OTHER if reason is Reason.SIMULTANEOUS_LIMIT else reason
    assert (result.outcome, result.reason) == (Outcome.REFUSED, expected)


@pytest.mark.parametrize(
    ("status", "payload", "reason"),
    [
        (401, b"", Reason.MISSING_TOKEN),
        (401, b"<html>401</html>", Reason.MISSING_TOKEN),
        (403, b"<html>Forbidden</html>", Reason.MAINTENANCE),
        (403, body(code=403, error="FORBIDDEN", msg="SOMETHING NEW"), Reason.MAINTENANCE),
        (
            404,
            body(code=404, error="NOT FOUND", msg="THE CAMPAIGN_ID DOES NOT EXIST"),
            Reason.REFUSED_OTHER,
        ),
        (
            400,
            body(code=400, error="BAD REQUEST", msg="THE CAMPAIGN_ID DOES NOT EXIST"),
            Reason.REFUSED_OTHER,
        ),
        (429, b"slow down", Reason.REFUSED_OTHER),
        (405, b"", Reason.REFUSED_OTHER),
        (200, body(code=401, error="X", msg="Y"), Reason.MISSING_TOKEN),
        (200, body(code=403, error="X", msg="Y"), Reason.MAINTENANCE),
        (200, body(code=404, error="NOT FOUND", msg="Y"), Reason.REFUSED_OTHER),
    ],
)
def test_refusal_fallbacks(status: int, payload: bytes, reason: Reason) -> None:
    result = answer(START, status, payload)
    assert (result.outcome, result.reason) == (Outcome.REFUSED, reason)


def test_other_refusals_quote_wolkvox() -> None:
    result = answer(
        STOP, 400, body(code=400, error="BAD REQUEST", msg="THE CAMPAIGN_ID DOES NOT EXIST")
    )
    assert result.message == (
        "Wolkvox refused to stop campaign 3302. Wolkvox answered with an error (HTTP 400, "
        "code 400: THE CAMPAIGN_ID DOES NOT EXIST). Check the campaign ID and type, then try "
        "again."
    )


def test_refusal_sentences_say_what_to_do() -> None:
    assert (
        "token saved for this operation"
        in answer(
            START, 403, body(code=403, error="FORBIDDEN", msg="PLEASE VALIDATE TOKEN")
        ).message
    )
    assert (
        "tomorrow"
        in answer(START, 403, body(code=403, error="FORBIDDEN", msg="TOKEN LIMIT EXCEEDED")).message
    )
    assert "maintenance" in answer(START, 403, b"").message


# ---- outcome unknown -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "payload", "reason"),
    [
        (302, b"<html>Moved</html>", Reason.REDIRECT),
        (301, b"", Reason.REDIRECT),
        (307, body(code=202), Reason.REDIRECT),
        (500, b"", Reason.SERVER_ERROR),
        (502, b"<html><head><title>502 Bad Gateway</title></head></html>", Reason.SERVER_ERROR),
        (503, body(code=503, error="X", msg="Y"), Reason.SERVER_ERROR),
        (202, b"", Reason.NOT_JSON),
        (202, b"   \n", Reason.NOT_JSON),
        (200, b"<!DOCTYPE html><html>login</html>", Reason.NOT_JSON),
        (202, b'{"code": 202, "error": null, "msg": "The 3301 campa', Reason.NOT_JSON),
        (202, b"[202]", Reason.NOT_JSON),
        (202, b'"ok"', Reason.NOT_JSON),
        (202, b"\xff\xfe\x00garbage", Reason.NOT_JSON),
        (202, b"[" * 100000 + b"]" * 100000, Reason.NOT_JSON),  # recursion bomb
        (202, b'{"code": 1' + b"0" * 5000 + b"}", Reason.NOT_JSON),  # int too long for json
        (200, body(code=500, error="X", msg="Y"), Reason.SERVER_ERROR),
        (204, b"", Reason.NOT_JSON),
        (100, b"", Reason.UNEXPECTED),
        (600, b"", Reason.UNEXPECTED),
    ],
)
def test_unknown_outcomes(status: int, payload: bytes, reason: Reason) -> None:
    result = answer(START, status, payload)
    assert (result.outcome, result.reason) == (Outcome.UNKNOWN, reason)
    assert result.http_status == status
    assert result.message.startswith(
        "Wolkvox Desktop cannot tell whether campaign 3301 was started"
    )
    assert "may or may not have happened" in result.message
    assert "refresh the campaign list before trying again" in result.message


def test_unknown_read_says_nothing_changed() -> None:
    result = answer(CAMPAIGNS, 502, b"<html>502</html>")
    assert result.message == (
        "The campaign list was not loaded: Wolkvox reported a server error (HTTP 502). "
        "Nothing was changed; try again in a moment."
    )


def test_html_page_is_named_as_such() -> None:
    assert "a web page" in answer(START, 200, b"<html>").message
    assert "an empty answer" in answer(START, 202, b"").message


def test_too_large_and_cancelled_and_undelivered_sentences() -> None:
    big = too_large_result(CAMPAIGNS, 200, ResponseContext("h", 60.0, 1024 * 1024))
    assert (big.outcome, big.reason) == (Outcome.UNKNOWN, Reason.TOO_LARGE)
    assert "larger than 1 MB" in big.message
    sent = cancelled_result(START, may_have_been_sent=True)
    assert (sent.outcome, sent.reason) == (Outcome.UNKNOWN, Reason.INTERRUPTED)
    assert "may or may not have happened" in sent.message
    unsent = cancelled_result(START, may_have_been_sent=False)
    assert (unsent.outcome, unsent.reason) == (Outcome.INVALID, Reason.CANCELLED)
    assert "before anything was sent" in unsent.message
    for reason in (
        Reason.DNS_FAILURE,
        Reason.CONNECTION_REFUSED,
        Reason.TLS_FAILURE,
        Reason.CONNECT_TIMEOUT,
        Reason.UNEXPECTED,
    ):
        result = undelivered_result(START, reason, "wv0032.wolkvox.com")
        assert result.outcome is Outcome.UNDELIVERED and result.reason is reason
        assert result.message.startswith("Campaign 3301 was not started: ")
        assert "Nothing reached Wolkvox" in result.message
        assert result.message.endswith(".")


# ---- the token never appears ---------------------------------------------------------


def test_wolkvox_echoing_the_token_is_scrubbed() -> None:
    payload = body(code=403, error=f"BAD {SECRET}", msg=f"PLEASE VALIDATE TOKEN {SECRET}")
    result = answer(START, 403, payload)
    assert result.reason is Reason.INVALID_TOKEN
    assert SECRET not in repr(result) and SECRET not in json.dumps(result.to_json_dict())
    assert "[token]" in (result.msg or "")
    other = answer(START, 400, body(code=400, error="X", msg=f"unknown thing {SECRET}"))
    assert SECRET not in other.message and "[token]" in other.message


def test_long_and_control_text_is_bounded() -> None:
    result = answer(START, 400, body(code=400, error="\x00\x1b[31mRED", msg="A" * 10000))
    assert len(result.msg or "") <= 300
    assert (result.error or "").isprintable()


# ---- small parsers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (202, 202),
        ("202", 202),
        (" 403 ", 403),
        ("", None),
        (None, None),
        (True, None),
        (202.0, 202),
        (202.5, None),
        (float("nan"), None),
        ("2O2", None),
        ("-1", None),
        (-1, None),
        (10**12, None),
        ("１２３", None),
        ([202], None),
        ({"a": 1}, None),
    ],
)
def test_parse_code_is_defensive(value: object, code: int | None) -> None:
    assert parse_code(value) == code


def test_match_error_table() -> None:
    assert match_error_table("token limit exceeded", None, http_status=403) is Reason.DAILY_LIMIT
    assert match_error_table(None, "PLEASE VALIDATE TOKEN", http_status=403) is (
        Reason.INVALID_TOKEN
    )
    assert match_error_table("THE CAMPAIGN_ID DOES NOT EXIST", "BAD REQUEST", http_status=400) is (
        None
    )
    assert match_error_table(None, None, http_status=403) is None
    busy = "exceeds the limit of simultaneous requests per token (2)"
    assert match_error_table(busy, "FORBIDDEN", http_status=403) is Reason.SIMULTANEOUS_LIMIT
    for status in (200, 202, 400, 401, 429, 500):  # only Wolkvox's own refusal is busy
        assert match_error_table(busy, "FORBIDDEN", http_status=status) is None


# ---- hypothesis: arbitrary answers never crash ---------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
_fields = st.fixed_dictionaries(
    {},
    optional={
        "code": st.one_of(st.integers(-10, 1000), st.text(max_size=5), _json_values),
        "error": st.one_of(st.none(), st.sampled_from([r[1] for r in ERROR_TABLE]), _json_values),
        "msg": st.one_of(
            st.none(), st.sampled_from([r[2] for r in ERROR_TABLE]), st.just(SECRET), _json_values
        ),
        "data": _json_values,
        "token_limit": _json_values,
    },
)
_bodies = st.one_of(
    st.binary(max_size=200),
    _fields.map(lambda d: json.dumps(d).encode()),
    _json_values.map(lambda v: json.dumps(v).encode()),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    request_=st.sampled_from(ALL_REQUESTS),
    status=st.integers(0, 999),
    payload=_bodies,
)
def test_any_answer_gives_a_valid_result(request_: ApiRequest, status: int, payload: bytes) -> None:
    result = interpret_response(request_, status, payload, CTX)
    assert isinstance(result, CallResult)
    assert isinstance(result.outcome, Outcome) and isinstance(result.reason, Reason)
    assert result.outcome is not Outcome.UNDELIVERED  # an answer came back
    assert result.outcome is not Outcome.INVALID
    assert result.message and result.message.endswith(".")
    assert SECRET not in result.message
    assert SECRET not in (result.msg or "") and SECRET not in (result.error or "")
    json.dumps(result.to_json_dict())  # the CLI's --json always works
    if result.ok:
        assert 200 <= status < 300 and result.reason is Reason.OK
        if request_ is CAMPAIGNS:
            assert isinstance(result.data, list)
            assert all(isinstance(c, Campaign) and c.id for c in result.data)
        if request_ is TOKEN_INFO:
            assert isinstance(result.data, TokenInfo)
    if 300 <= status < 400:
        assert result.reason is Reason.REDIRECT
    if status >= 500:
        assert result.outcome is Outcome.UNKNOWN
    if 400 <= status < 500:
        assert result.outcome is Outcome.REFUSED


# ---- transport failures: before or after a connection existed ------------------------

_CONN = HTTPConnection("wv0032.wolkvox.com", 443)


def _wrapped(reason: Exception) -> requests.exceptions.ConnectionError:
    """How requests reports a urllib3 failure with max_retries=0."""
    return requests.exceptions.ConnectionError(MaxRetryError(None, "/api", reason))  # type: ignore[arg-type]


def test_never_connected_reasons() -> None:
    gai = socket.gaierror(-2, "Name or service not known")
    assert (
        never_connected_reason(_wrapped(NameResolutionError("h", _CONN, gai))) is Reason.DNS_FAILURE
    )
    refused = NewConnectionError(_CONN, "Failed to establish a new connection")
    refused.__cause__ = ConnectionRefusedError(111, "Connection refused")
    assert never_connected_reason(_wrapped(refused)) is Reason.CONNECTION_REFUSED
    timeout = ConnectTimeoutError(_CONN, "timed out")
    assert (
        never_connected_reason(
            requests.exceptions.ConnectTimeout(MaxRetryError(None, "/", timeout))  # type: ignore[arg-type]
        )
        is Reason.CONNECT_TIMEOUT
    )
    # a TLS handshake that times out is reported by urllib3 as a *read* timeout
    handshake = ReadTimeoutError(None, "/", "Read timed out.")  # type: ignore[arg-type]
    assert (
        never_connected_reason(requests.exceptions.ReadTimeout(handshake)) is Reason.CONNECT_TIMEOUT
    )
    bad_cert = Urllib3SSLError(ssl.SSLCertVerificationError(1, "certificate verify failed"))
    assert (
        never_connected_reason(
            requests.exceptions.SSLError(MaxRetryError(None, "/", bad_cert))  # type: ignore[arg-type]
        )
        is Reason.TLS_FAILURE
    )
    unreachable = NewConnectionError(_CONN, "Network is unreachable")
    unreachable.__cause__ = OSError(101, "Network is unreachable")
    assert never_connected_reason(_wrapped(unreachable)) is Reason.CONNECTION_REFUSED
    assert never_connected_reason(requests.exceptions.InvalidSchema("socks")) is Reason.UNEXPECTED


def test_after_sending_reasons() -> None:
    read = ReadTimeoutError(None, "/", "Read timed out.")  # type: ignore[arg-type]
    assert after_sending_reason(requests.exceptions.ReadTimeout(read)) is Reason.READ_TIMEOUT
    reset = ProtocolError("Connection aborted.", ConnectionResetError(104, "reset by peer"))
    assert (
        after_sending_reason(requests.exceptions.ConnectionError(reset)) is Reason.CONNECTION_RESET
    )
    assert (
        after_sending_reason(requests.exceptions.ChunkedEncodingError(ProtocolError("incomplete")))
        is Reason.CONNECTION_RESET
    )
    assert (
        after_sending_reason(requests.exceptions.ContentDecodingError("bad gzip"))
        is Reason.NOT_JSON
    )


def test_without_tracking_evidence_only_connect_phase_errors_count_as_unsent() -> None:
    refused = NewConnectionError(_CONN, "Failed to establish a new connection")
    assert failed_before_connecting(_wrapped(refused))
    assert failed_before_connecting(
        requests.exceptions.ConnectTimeout(
            MaxRetryError(None, "/", ConnectTimeoutError(_CONN, "t"))
        )  # type: ignore[arg-type]
    )
    assert failed_before_connecting(requests.exceptions.InvalidURL("bad url"))
    read = ReadTimeoutError(None, "/", "Read timed out.")  # type: ignore[arg-type]
    assert not failed_before_connecting(requests.exceptions.ReadTimeout(read))
    reset = ProtocolError("Connection aborted.", ConnectionResetError(104, "reset by peer"))
    assert not failed_before_connecting(requests.exceptions.ConnectionError(reset))
    assert not failed_before_connecting(OSError("something"))
