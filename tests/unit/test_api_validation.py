"""Client construction, the API base override and URL building (nothing is sent here)."""

from __future__ import annotations

import ssl
import sys
from urllib.parse import parse_qsl, urlsplit

import pytest
import truststore
from hypothesis import given, settings
from hypothesis import strategies as st

from wolkvox_desktop import __version__
from wolkvox_desktop.core.api import (
    CAMPAIGN_PATH,
    INFORMATION_PATH,
    USER_AGENT,
    ApiRequest,
    TokenInfo,
    WolkvoxClient,
    base_url,
    validate_api_base,
)
from wolkvox_desktop.core.campaigns import Action, CampaignRef, CampaignType
from wolkvox_desktop.core.errors import InvalidInput, Outcome, Reason
from wolkvox_desktop.core.limits import TokenGate

TOKEN = "unit-test-token-7f3a"


def is_os_trust_context(context: object) -> bool:
    """truststore on Windows and macOS; elsewhere a plain OpenSSL context (truststore would
    let SSL_CERT_FILE / SSL_CERT_DIR widen it) that requires a certificate and the name."""
    if sys.platform in ("win32", "darwin"):
        return isinstance(context, truststore.SSLContext)
    return (
        type(context) is ssl.SSLContext
        and context.verify_mode == ssl.CERT_REQUIRED
        and context.check_hostname
    )


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
        ("  HTTP://127.0.0.1:8080  ", "http://127.0.0.1:8080"),
        ("http://127.1.2.3:9", "http://127.1.2.3:9"),
        ("https://127.0.0.1", "https://127.0.0.1"),
        ("http://localhost:8000", "http://localhost:8000"),
        ("http://LOCALHOST:8000", "http://localhost:8000"),
        ("http://[::1]:8000", "http://[::1]:8000"),
        ("http://[0:0:0:0:0:0:0:1]:8000", "http://[::1]:8000"),
    ],
)
def test_api_base_accepts_loopback_only(value: str, normalised: str) -> None:
    assert validate_api_base(value) == normalised


@pytest.mark.parametrize(
    "value",
    [
        "",
        "127.0.0.1:8080",  # no scheme
        "ftp://127.0.0.1:21",
        "http://10.0.0.1:8080",
        "http://192.168.1.10",
        "http://0.0.0.0:8080",
        "http://wv0032.wolkvox.com",
        "https://evil.com",
        "http://localhost.evil.com",
        "http://127.0.0.1.evil.com",
        "http://127.1:8080",  # shorthand: resolved by some libraries, refused here
        "http://evil.com@127.0.0.1:8080",
        "http://127.0.0.1:8080@evil.com",
        "http://user:pw@127.0.0.1",
        "http://127.0.0.1:8080/api/v2",  # paths are fixed, not configurable
        "http://127.0.0.1:8080/?x=1",
        "http://127.0.0.1:8080/#frag",
        "http://127.0.0.1:notaport",
        "http://127.0.0.1:70000",
        "http://127.0.0.1\\@evil.com",
        "http://127.0.0.1 .evil.com",
        "http://127.0.0.1\n.evil.com",
        "http://[::ffff:10.0.0.1]:80",
        "http://[fe80::1%25eth0]:80",
        "http://[::1",
    ],
)
def test_api_base_refuses_everything_else(value: str) -> None:
    with pytest.raises(InvalidInput) as info:
        validate_api_base(value)
    assert info.value.reason is Reason.BAD_API_BASE
    assert "loopback" in info.value.message


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_api_base_is_loopback_or_invalid_for_any_text(text: str) -> None:
    try:
        base = validate_api_base(text)
    except InvalidInput as exc:
        assert exc.reason is Reason.BAD_API_BASE
        return
    host = urlsplit(base).hostname
    assert host == "localhost" or host == "::1" or (host or "").startswith("127.")


def test_base_url_for_a_server_code() -> None:
    assert base_url("0032") == "https://wv0032.wolkvox.com"
    assert base_url("https://wv0001.wolkvox.com/api/v2/") == "https://wv0001.wolkvox.com"
    assert base_url("0032", "http://127.0.0.1:5000") == "http://127.0.0.1:5000"
    with pytest.raises(InvalidInput) as info:
        base_url("0032.evil.com/", "http://127.0.0.1:5000")  # validated even with an override
    assert info.value.reason is Reason.BAD_SERVER_CODE


_SERVER_TEXTS = st.one_of(
    st.text(max_size=60),
    st.builds(
        lambda a, b, c: a + b + c,
        st.sampled_from(["", "wv", "WV", "https://wv", "http://wv", "https://", "//wv"]),
        st.text(alphabet="0123456789", max_size=10),
        st.text(alphabet=".@/:#?\\ %[]evilwolkvx.com0123\t\n", max_size=24),
    ),
)


@settings(max_examples=400, deadline=None)
@given(_SERVER_TEXTS)
def test_any_server_text_gives_a_wolkvox_host_or_invalid_input(text: str) -> None:
    """Arbitrary server codes never produce a request to a non-Wolkvox host."""
    try:
        client = WolkvoxClient(text, TOKEN, gate=TokenGate(1))
    except InvalidInput as exc:
        assert exc.reason is Reason.BAD_SERVER_CODE
        return
    try:
        for request in (
            ApiRequest.campaign_action(Action.START, CampaignRef("3301", CampaignType.PREVIEW)),
            ApiRequest.campaigns(),
            ApiRequest.token_info(),
        ):
            parts = urlsplit(client.url_for(request))
            assert parts.scheme == "https"
            assert parts.port is None and parts.username is None
            host = parts.hostname or ""
            assert host.startswith("wv") and host.endswith(".wolkvox.com")
            digits = host[2 : -len(".wolkvox.com")]
            assert digits.isascii() and digits.isdigit()
    finally:
        client.close()


def test_constructor_raises_invalid_input_for_bad_settings() -> None:
    with pytest.raises(InvalidInput) as info:
        WolkvoxClient("0032@evil.com", TOKEN)
    assert info.value.reason is Reason.BAD_SERVER_CODE
    with pytest.raises(InvalidInput) as info:
        WolkvoxClient("0032", TOKEN, api_base="http://10.1.1.1:80")
    assert info.value.reason is Reason.BAD_API_BASE
    for token in ("", "   "):
        with pytest.raises(InvalidInput) as info:
            WolkvoxClient("0032", token)
        assert info.value.reason is Reason.NO_TOKEN
    for token in ("abc\r\nX-Evil: 1", "tøken", "tab\there"):
        with pytest.raises(InvalidInput) as info:
            WolkvoxClient("0032", token)
        assert info.value.reason is Reason.NO_TOKEN
        assert token not in info.value.message
    with pytest.raises(ValueError):
        WolkvoxClient("0032", TOKEN, read_timeout=0)
    with pytest.raises(ValueError):
        WolkvoxClient("0032", TOKEN, connect_timeout=float("nan"))
    with pytest.raises(ValueError):
        WolkvoxClient("0032", TOKEN, max_body_bytes=0)


def test_the_client_never_reads_the_api_base_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only the front door (core.operations) decides where calls go."""
    monkeypatch.setenv("WOLKVOX_API_BASE", "http://127.0.0.1:4567")
    with WolkvoxClient("0032", TOKEN) as client:
        assert client.base_url == "https://wv0032.wolkvox.com"
        assert not client.is_override
    with WolkvoxClient("0032", TOKEN, api_base="http://127.0.0.1:4567") as client:
        assert client.base_url == "http://127.0.0.1:4567" and client.is_override
    with pytest.raises(InvalidInput) as info:
        WolkvoxClient("0032", TOKEN, api_base="https://attacker.example:443")
    assert info.value.reason is Reason.BAD_API_BASE


def test_query_values_are_url_encoded() -> None:
    with WolkvoxClient("0032", TOKEN) as client:
        url = client.url_for(
            ApiRequest.campaign_action(
                Action.STOP, CampaignRef(" 12&api=stop #x ", CampaignType.PREVIEW)
            )
        )
    parts = urlsplit(url)
    assert parts.path == CAMPAIGN_PATH
    assert "12%26api%3Dstop" in parts.query
    assert "#" not in url
    assert parse_qsl(parts.query) == [
        ("api", "stop"),
        ("type_campaign", "preview"),
        ("campaign_id", "12&api=stop #x"),
    ]


def test_read_calls_use_the_documented_paths() -> None:
    with WolkvoxClient("0032", TOKEN) as client:
        assert client.url_for(ApiRequest.campaigns()) == (
            f"https://wv0032.wolkvox.com{INFORMATION_PATH}?api=campaigns"
        )
        assert client.url_for(ApiRequest.token_info()).endswith("?api=token_info")


def test_invalid_call_input_gives_an_invalid_result_and_sends_nothing() -> None:
    # Port 9 on loopback: anything sent would come back undelivered, not invalid.
    with WolkvoxClient("0032", TOKEN, api_base="http://127.0.0.1:9", retry_delay=0) as client:
        bad_id = client.start(CampaignRef("   ", CampaignType.PREVIEW))
        assert (bad_id.outcome, bad_id.reason) == (Outcome.INVALID, Reason.BAD_CAMPAIGN_ID)
        bad_type = client.stop(CampaignRef("3301", "progressive"))
        assert (bad_type.outcome, bad_type.reason) == (Outcome.INVALID, Reason.BAD_CAMPAIGN_TYPE)
        long_id = client.campaign_action(
            Action.START, CampaignRef("9" * 65, CampaignType.PREDICTIVE)
        )
        assert long_id.reason is Reason.BAD_CAMPAIGN_ID
        assert bad_id.http_status is None and bad_id.duration_ms == 0


def test_headers_user_agent_and_trust_store() -> None:
    with WolkvoxClient("0032", TOKEN) as client:
        assert USER_AGENT == f"WolkvoxDesktop/{__version__}"
        assert client._session.headers["User-Agent"] == USER_AGENT
        assert not client._session.trust_env  # no .netrc, no CA bundle from the environment
        pool_kw = client._adapter.poolmanager.connection_pool_kw
        assert is_os_trust_context(pool_kw["ssl_context"])
        assert client._adapter.max_retries.total == 0
    with WolkvoxClient("0032", TOKEN, api_base="http://127.0.0.1:9") as client:
        assert not client._session.trust_env


def test_the_os_proxy_is_applied_to_wolkvox_only(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_PROXY", "no_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")
    with WolkvoxClient("0032", TOKEN) as client:
        assert client._session.proxies == {"https": "http://127.0.0.1:3128"}
    with WolkvoxClient("0032", TOKEN, api_base="https://127.0.0.1:9") as client:
        assert client._session.proxies == {}  # a loopback test server never goes through it
    monkeypatch.setenv("NO_PROXY", ".wolkvox.com")
    with WolkvoxClient("0032", TOKEN) as client:
        assert client._session.proxies == {}


def test_the_client_never_shows_its_token() -> None:
    with WolkvoxClient("0032", TOKEN) as client:
        assert TOKEN not in repr(client)
        assert TOKEN not in repr(client._ctx)
        public = {k: v for k, v in vars(client).items() if not k.startswith("_")}
        assert TOKEN not in repr(public)


@pytest.mark.parametrize(
    "path", ["@evil.com/api/v2/campaign.php", ".evil.com/", "/api/v2/other.php", "", "//x"]
)
def test_requests_only_go_to_documented_paths(path: str) -> None:
    with pytest.raises(ValueError):
        ApiRequest("campaigns", "GET", path, (("api", "campaigns"),))
    with pytest.raises(ValueError):
        ApiRequest("campaigns", "DELETE", INFORMATION_PATH, (("api", "campaigns"),))


def test_token_info_is_one_class_everywhere() -> None:
    from wolkvox_desktop.core import answers, api_request

    assert TokenInfo is api_request.TokenInfo
    parsed = answers.parse_token_info({"token_limit": 5, "token_use_today": 1})
    assert type(parsed) is api_request.TokenInfo


def test_proxied_connections_are_tracked_and_verified_too() -> None:
    from wolkvox_desktop.core.transport import TrackedHTTPSPool

    with WolkvoxClient("0032", TOKEN) as client:
        manager = client._adapter.proxy_manager_for("http://proxy.example:3128")
        assert is_os_trust_context(manager.connection_pool_kw["ssl_context"])
        assert manager.pool_classes_by_scheme["https"] is TrackedHTTPSPool
        assert client._adapter.poolmanager.pool_classes_by_scheme["https"] is TrackedHTTPSPool
