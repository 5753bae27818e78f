"""core.bulk without the network: campaign files and plans."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wolkvox_desktop.core.bulk import BulkItem, parse_campaign_rows, plan_bulk
from wolkvox_desktop.core.campaigns import Action, Campaign, CampaignStatus, CampaignType
from wolkvox_desktop.core.errors import InvalidInput, Reason
from wolkvox_desktop.core.service import Usage
from wolkvox_desktop.core.store import SavedCampaign

P, Q = CampaignType.PREVIEW, CampaignType.PREDICTIVE


def test_rows_with_bom_header_comments_blank_lines_and_per_row_type() -> None:
    data = (
        "\ufeffcampaign_id,type\n"
        "# shift start\n"
        "\n"
        "3301,predictive\n"
        "3303\n"
        "  12&api=stop , Preview \n"
        "Campaña-Ñ,\n"
    ).encode()
    rows = parse_campaign_rows(data, default_type=Q)
    assert rows == [(4, "3301", Q), (5, "3303", Q), (6, "12&api=stop", P), (7, "Campaña-Ñ", Q)]


def test_without_bom_without_header_semicolons_and_crlf() -> None:
    rows = parse_campaign_rows(b"3301;preview\r\n3302;predictive\r\n")
    assert rows == [(1, "3301", P), (2, "3302", Q)]


def test_header_only_accepted_on_the_first_row() -> None:
    with pytest.raises(InvalidInput, match="Line 2 .*type"):
        parse_campaign_rows(b"3301,preview\nid,type\n")


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        (b"3301,preview\n3302,quick\n", 2, Reason.BAD_CAMPAIGN_TYPE),
        (b"3301,preview\n\n# c\n,preview\n", 4, Reason.BAD_CAMPAIGN_ID),
        (b"3301,preview,extra\n", 1, Reason.BAD_CAMPAIGN_ID),
        (b"3301,preview\n" + b"9" * 65 + b",preview\n", 2, Reason.BAD_CAMPAIGN_ID),
        (b"3301,preview\n3302\n", 2, Reason.BAD_CAMPAIGN_TYPE),  # no type, no default
        (b"3301,preview\n33\xe902,preview\n", 2, Reason.BAD_CAMPAIGN_ID),  # Latin-1, not UTF-8
        (b'3301,preview\n"3302,preview\n', 2, Reason.BAD_CAMPAIGN_ID),  # unclosed quote
    ],
)
def test_a_bad_row_is_refused_naming_its_line(data: bytes, line: int, reason: Reason) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_campaign_rows(data)
    assert info.value.reason is reason
    assert f"Line {line} " in info.value.message


def test_rows_without_type_kept_open_when_asked() -> None:
    assert parse_campaign_rows(b"3301\n3302,preview\n", require_type=False) == [
        (1, "3301", None), (2, "3302", P)
    ]


@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    try:
        rows = parse_campaign_rows(data, default_type=P)
    except InvalidInput as exc:
        assert exc.message.startswith("Line ")
    else:
        for _line, campaign_id, ctype in rows:
            assert campaign_id and campaign_id == campaign_id.strip()
            assert ctype in (P, Q)


def test_plan_keeps_order_fills_types_and_marks_items_in_state() -> None:
    known = [
        SavedCampaign("0032", Campaign("3301", "Cobranza", Q, CampaignStatus.STARTED), False),
        SavedCampaign("0032", Campaign("3302", "Sur", P, CampaignStatus.STOPPED), False),
    ]
    plan = plan_bulk(
        Action.START, [("3303", P), ("3301", None), ("3302", None)], known=known
    )
    assert [i.campaign_id for i in plan.items] == ["3303", "3301", "3302"]
    assert [i.campaign_type for i in plan.items] == [P, Q, P]
    assert plan.items[1].name == "Cobranza"
    assert [i.campaign_id for i in plan.in_state] == ["3301"]
    assert [i.campaign_id for i in plan.to_call] == ["3303", "3302"]
    assert plan.cost == 2
    insisting = plan_bulk(Action.START, plan.items, include_in_state=True)
    assert insisting.cost == 3
    stopping = plan_bulk(Action.STOP, plan.items)
    assert [i.campaign_id for i in stopping.in_state] == ["3302"]


def test_plan_refuses_duplicates_and_missing_types() -> None:
    with pytest.raises(InvalidInput, match="listed twice"):
        plan_bulk(Action.START, [("3301", P), ("3301", Q)])
    with pytest.raises(InvalidInput, match="type of campaign 77 is not known") as info:
        plan_bulk(Action.START, [("77", None)])
    assert info.value.reason is Reason.BAD_CAMPAIGN_TYPE


def test_plan_accepts_campaigns_and_status_mappings() -> None:
    plan = plan_bulk(
        Action.STOP,
        [Campaign("1", "Uno", P, CampaignStatus.UNKNOWN), BulkItem("2", Q)],
        known={"1": CampaignStatus.STOPPED, "2": "Started"},
    )
    assert [i.known_status for i in plan.items] == [CampaignStatus.STOPPED, CampaignStatus.STARTED]
    assert plan.cost == 1


def test_budget_against_usage() -> None:
    plan = plan_bulk(Action.START, [(str(i), P) for i in range(10)])
    assert not plan.over_budget(Usage(used=990, budget=1000))
    assert plan.over_budget(Usage(used=991, budget=1000))
    assert plan.near_limit_after(Usage(used=790, budget=1000))
    assert not plan.near_limit_after(Usage(used=780, budget=1000))
    assert plan.budget_message(Usage(used=995, budget=1000)) == (
        "This run needs 10 token uses; 5 of today's 1000 are left (995 used)."
    )


def test_summary_worst_outcome_ranks_unknown_over_undelivered_over_refused() -> None:
    from wolkvox_desktop.core.bulk import BulkProgress, BulkSummary, ItemRecord, ItemState
    from wolkvox_desktop.core.errors import CallResult, Outcome

    def record(cid: str, *outcomes: Outcome) -> ItemRecord:
        results = [CallResult(o, Reason.OK if o is Outcome.OK else Reason.REFUSED_OTHER, "x")
                   for o in outcomes]
        state = ItemState.OK if outcomes[-1] is Outcome.OK else ItemState.FAILED
        return ItemRecord(BulkItem(cid, P), state, results)

    progress = BulkProgress(4, 4, 1, 3, 0, 0, 0, None, False, False, True)
    records = (
        record("1", Outcome.REFUSED),
        record("2", Outcome.UNKNOWN, Outcome.OK),  # retried after confirmation: now ok
        record("3", Outcome.UNDELIVERED),
        record("4", Outcome.INVALID),
    )
    summary = BulkSummary(Action.START, progress, records)
    assert summary.worst_outcome is Outcome.UNDELIVERED  # final results only
    assert summary.first_failure is records[0].results[0]
    assert summary.calls == 5
    assert [r.item.campaign_id for r in summary.failures] == ["1", "3", "4"]
