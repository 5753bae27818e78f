"""Parsing ``real_time.php?api=campaigns`` (issue 18): both shapes, numbers as strings, the id
from the ``campaign`` prefix or ``campaign_id``, the slash key, missing fields, an empty
list, junk → a sentence (never a crash). Through :func:`interpret_response`, as the client
sees an answer, and :func:`parse_live` directly."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from wolkvox_desktop.core.answers import ResponseContext, interpret_response
from wolkvox_desktop.core.api_request import ApiRequest
from wolkvox_desktop.core.campaigns import CampaignStatus
from wolkvox_desktop.core.errors import Outcome, Reason
from wolkvox_desktop.core.live import LiveDataError, LiveReading, parse_live

CTX = ResponseContext("wv0032.wolkvox.com", 60.0, 1 << 20, secret="s3cr3t-token")
AT = datetime(2024, 5, 10, 7, 42, tzinfo=timezone.utc)

ROW = {
    "campaign": "32841 - Cobranza Norte …",
    "speed": 40,
    "status": "started",
    "skill_id": "328410",
    "records": 1840,
    "clean": 1530,
    "dial": 310,
    "answer": 139,
    "no_answer": 79,
    "busy/congestion/failed": 31,
    "answer_machine": 62,
    "penetration_day": 16.8,
    "penetration_now": 16.8,
    "hits": 139,
    "calls_x_min": 10,
    "recycled": 0,
}


def answer(body: object, status: int = 200) -> tuple[Outcome, Reason, str, object]:
    result = interpret_response(ApiRequest.real_time(), status,
                                json.dumps(body).encode() if not isinstance(body, bytes)
                                else body, CTX)
    return result.outcome, result.reason, result.message, result.data


def test_the_bare_array_and_the_wrapper_read_the_same() -> None:
    bare = answer([ROW])
    wrapped = answer({"code": 200, "error": None, "msg": "Data found", "data": [ROW]})
    for outcome, reason, message, data in (bare, wrapped):
        assert (outcome, reason) == (Outcome.OK, Reason.OK)
        assert message == "Wolkvox read 1 campaign live."
        assert isinstance(data, LiveReading)
        (campaign,) = data.campaigns
        assert campaign.id == "32841" and campaign.name == "Cobranza Norte …"
        assert campaign.status is CampaignStatus.STARTED and campaign.started
        assert (campaign.speed, campaign.records, campaign.remaining) == (40, 1840, 1530)
        assert (campaign.dialed, campaign.answered, campaign.no_answer) == (310, 139, 79)
        assert (campaign.failed, campaign.machine) == (31, 62)  # the slash key
        assert campaign.calls_per_minute == 10 and campaign.penetration == 16.8
        assert campaign.skill_id == "328410" and campaign.hits == 139
    assert bare[3].campaigns == wrapped[3].campaigns  # type: ignore[union-attr]


def test_numbers_as_strings() -> None:
    row = {k: (str(v) if isinstance(v, (int, float)) else v) for k, v in ROW.items()}
    row.update({"records": "1,840", "penetration_day": "16,8 %", "calls_x_min": " 2.5 ",
                "code": "200"})
    (campaign,) = parse_live([row], AT).campaigns
    assert (campaign.records, campaign.remaining, campaign.speed) == (1840, 1530, 40)
    assert campaign.penetration == 16.8 and campaign.calls_per_minute == 2.5
    assert campaign.to_json_dict()["records"] == 1840  # numbers as numbers
    assert campaign.to_json_dict()["calls_per_minute"] == 2.5


@pytest.mark.parametrize(("row", "expected"), [
    ({"campaign": "32841 - Cobranza Norte"}, ("32841", "Cobranza Norte")),
    ({"campaign": "32841-Cobranza"}, ("32841", "Cobranza")),
    ({"campaign": "  32841  "}, ("32841", "")),
    ({"campaign": "32841 – Guion largo"}, ("32841", "Guion largo")),
    ({"campaign": "32841 - X", "campaign_id": "777"}, ("777", "X")),  # campaign_id wins
    ({"campaign": "32841 - X", "campaign_id": 777}, ("777", "X")),
    ({"campaign": "32841 - X", "campaign_id": "bad id!\x00"}, ("32841", "X")),
    ({"campaign_id": "5", "campaign_name": "Solo"}, ("5", "Solo")),
    ({"campaign": "Cobranza Norte", "campaign_id": "9"}, ("9", "")),
])
def test_the_id_from_the_prefix_or_campaign_id(row: dict[str, object],
                                               expected: tuple[str, str]) -> None:
    (campaign,) = parse_live([row], AT).campaigns
    assert (campaign.id, campaign.name) == expected


def test_missing_fields_are_none_never_zero() -> None:
    (campaign,) = parse_live([{"campaign": "3301 - A", "status": "STOPPED", "clean": "",
                               "speed": "fast", "dial": None, "records": -4,
                               "calls_x_min": "NaN", "busy/congestion/failed": [1]}],
                             AT).campaigns
    assert campaign.status is CampaignStatus.STOPPED
    for name in ("speed", "records", "remaining", "dialed", "answered", "no_answer",
                 "failed", "machine", "penetration_day", "calls_per_minute", "hits"):
        assert getattr(campaign, name) is None, name
    shown = campaign.to_json_dict(["list_finished"])
    assert list(shown) == ["id", "name", "status", "speed", "records", "remaining", "dialed",
                           "answered", "no_answer", "failed", "machine", "calls_per_minute",
                           "penetration", "alerts"]
    assert shown["remaining"] is None and shown["alerts"] == ["list_finished"]


def test_an_empty_list_in_either_shape() -> None:
    for body in ([], {"code": 200, "error": None, "msg": "ok", "data": []},
                 {"code": "200", "error": "", "msg": "ok", "data": None}):
        outcome, _reason, message, data = answer(body)
        assert outcome is Outcome.OK and message == "Wolkvox read 0 campaigns live."
        assert isinstance(data, LiveReading) and data.campaigns == ()
        assert not data.any_started


def test_rows_without_an_id_are_skipped_and_counted() -> None:
    reading = parse_live([ROW, {"campaign": "no id here"}, {"campaign": ""}, ROW], AT)
    assert [c.id for c in reading.campaigns] == ["32841"]
    assert reading.skipped == 3  # two without an id, one repeated


@pytest.mark.parametrize("body", [
    "no data today", 42, None, {"code": 200, "msg": "ok"}, {"data": "nothing"},
    ["<b>no data</b>", 42, None], [{"campaign": "Cobranza"}, {"status": "started"}],
    {"code": 200, "error": None, "data": [[1, 2]]},
])
def test_junk_is_a_sentence(body: object) -> None:
    outcome, reason, message, data = answer(body)
    assert (outcome, reason) == (Outcome.UNKNOWN, Reason.NOT_JSON)
    assert message.startswith("The live reading was not loaded: Wolkvox sent ")
    assert message.endswith("Nothing was changed; try again in a moment.")
    assert data is None


@pytest.mark.parametrize("body", [b"", b"<html>502</html>", b"[{\"campaign\": ", b"\xff\xfe"])
def test_not_json_is_a_sentence(body: bytes) -> None:
    outcome, _reason, message, _data = answer(body)
    assert outcome is Outcome.UNKNOWN and "live reading was not loaded" in message


def test_an_error_in_the_wrapper_is_not_a_reading() -> None:
    outcome, reason, message, _ = answer({"code": 403, "error": "FORBIDDEN",
                                          "msg": "TOKEN LIMIT EXCEEDED"}, status=403)
    assert (outcome, reason) == (Outcome.REFUSED, Reason.DAILY_LIMIT)
    assert message.startswith("Wolkvox refused to send the live reading.")


def test_parse_live_raises_with_the_end_of_a_sentence() -> None:
    with pytest.raises(LiveDataError, match="data in an unexpected shape"):
        parse_live("junk", AT)


def test_the_reading_as_json() -> None:
    reading = parse_live([ROW], AT)
    shown = reading.to_json_dict("0032")
    assert shown["server"] == "0032" and shown["at"] == "2024-05-10T07:42:00+00:00"
    assert shown["campaigns"][0]["id"] == "32841"
    assert shown["campaigns"][0]["status"] == "started"
