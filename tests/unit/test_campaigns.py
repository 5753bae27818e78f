"""Validation of everything that goes into a URL: server codes, campaign ids, types."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wolkvox_desktop.core.campaigns import (
    MAX_CAMPAIGN_ID_LENGTH,
    Action,
    CampaignStatus,
    CampaignType,
    parse_server_code,
    validate_campaign_id,
)
from wolkvox_desktop.core.errors import InvalidInput, Reason


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("0032", "0032"),
        ("  0032\n", "0032"),
        ("9901", "9901"),
        ("1", "1"),
        ("wv0032", "0032"),
        ("WV0032", "0032"),
        ("wv0032.wolkvox.com", "0032"),
        ("wv0032.wolkvox.com/", "0032"),
        ("wv0032.wolkvox.com/api/v2/campaign.php", "0032"),
        ("https://wv0032.wolkvox.com", "0032"),
        ("https://wv0032.wolkvox.com/api/v2/campaign.php?api=start", "0032"),
        ("HTTPS://WV0032.WOLKVOX.COM/", "0032"),
        ("http://wv0001.wolkvox.com", "0001"),
    ],
)
def test_server_code_accepts_digits_and_pasted_wolkvox_addresses(text: str, code: str) -> None:
    assert parse_server_code(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "0032.evil.com/",
        "0032@x",
        "00 32",
        "0032/",
        "0032#",
        "0032?",
        "123456789",  # longer than 8 digits
        "٠٠٣٢",  # Arabic-Indic digits are not ASCII digits
        "００３２",  # full-width digits
        "wv0032.wolkvox.com.evil.com",
        "wv0032.evil.com",
        "wvx.wolkvox.com",
        "https://wv0032.wolkvox.com@evil.com/",
        "https://user:pw@wv0032.wolkvox.com/",
        "https://wv0032.wolkvox.com:443/",
        "https://wv0032.wolkvox.com:abc/",  # non-numeric port: ValueError inside urlsplit
        "https://wv0032.wolkvox.com:99999/",  # out-of-range port
        "ftp://wv0032.wolkvox.com/",
        "javascript://wv0032.wolkvox.com",
        "http://[::1",
        "https://evil.com/wv0032.wolkvox.com",
        "-0032",
        "+0032",
        "0x20",
    ],
)
def test_server_code_rejects_anything_that_could_change_the_host(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_server_code(text)
    assert info.value.reason is Reason.BAD_SERVER_CODE
    assert "0032" in info.value.message  # the sentence shows what a good code looks like


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_server_code_is_digits_or_invalid_input_for_any_text(text: str) -> None:
    try:
        code = parse_server_code(text)
    except InvalidInput as exc:
        assert exc.reason is Reason.BAD_SERVER_CODE
        return
    assert code.isascii() and code.isdigit() and 1 <= len(code) <= 8


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.sampled_from(["", "wv", "https://wv", "http://wv", "https://WV"]),
    digits=st.text(alphabet="0123456789", min_size=1, max_size=8),
    suffix=st.sampled_from(["", ".wolkvox.com", ".wolkvox.com/", ".wolkvox.com/api/v2/x"]),
)
def test_server_code_keeps_leading_zeros(prefix: str, digits: str, suffix: str) -> None:
    if prefix.startswith("http") and not suffix:
        suffix = ".wolkvox.com"
    if not prefix:
        suffix = ""  # bare digits
    assert parse_server_code(prefix + digits + suffix) == digits


def test_campaign_id_is_trimmed_and_bounded() -> None:
    assert validate_campaign_id("  3301 ") == "3301"
    assert validate_campaign_id("12&api=stop") == "12&api=stop"  # encoded later, not rejected
    assert validate_campaign_id("x" * MAX_CAMPAIGN_ID_LENGTH) == "x" * MAX_CAMPAIGN_ID_LENGTH
    for bad in ("", "   ", "x" * (MAX_CAMPAIGN_ID_LENGTH + 1), "12\n34", "12\x00", "a\u202eb"):
        with pytest.raises(InvalidInput) as info:
            validate_campaign_id(bad)
        assert info.value.reason is Reason.BAD_CAMPAIGN_ID


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=100))
def test_campaign_id_validation_never_crashes(text: str) -> None:
    try:
        value = validate_campaign_id(text)
    except InvalidInput as exc:
        assert exc.reason is Reason.BAD_CAMPAIGN_ID
        return
    assert value == value.strip() and 0 < len(value) <= MAX_CAMPAIGN_ID_LENGTH
    assert value.isprintable()


def test_campaign_type_only_from_the_enum() -> None:
    assert CampaignType.parse(" Preview ") is CampaignType.PREVIEW
    assert CampaignType.parse("PREDICTIVE") is CampaignType.PREDICTIVE
    assert CampaignType.parse(CampaignType.PREVIEW) is CampaignType.PREVIEW
    for bad in ("", None, "progressive", "preview&api=stop", 1):
        with pytest.raises(InvalidInput) as info:
            CampaignType.parse(bad)
        assert info.value.reason is Reason.BAD_CAMPAIGN_TYPE


def test_campaign_status_compares_case_insensitively() -> None:
    assert CampaignStatus.parse("Started") is CampaignStatus.STARTED
    assert CampaignStatus.parse("started") is CampaignStatus.STARTED
    assert CampaignStatus.parse("STOPPED") is CampaignStatus.STOPPED
    assert CampaignStatus.parse(None) is CampaignStatus.UNKNOWN
    assert CampaignStatus.parse("paused?") is CampaignStatus.UNKNOWN
    assert Action.START.resulting_status is CampaignStatus.STARTED
    assert Action.STOP.resulting_status is CampaignStatus.STOPPED
