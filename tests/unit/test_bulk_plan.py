"""core.bulk without the network: plans and summaries (campaign files: test_campaign_file.py)."""

from __future__ import annotations

import pytest

from wolkvox_desktop.core.bulk import BulkItem, plan_bulk
from wolkvox_desktop.core.campaigns import Action, Campaign, CampaignStatus, CampaignType
from wolkvox_desktop.core.errors import InvalidInput, Reason
from wolkvox_desktop.core.service import Usage
from wolkvox_desktop.core.store import SavedCampaign

P, Q = CampaignType.PREVIEW, CampaignType.PREDICTIVE


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
    from wolkvox_desktop.core.bulk_run import BulkProgress, BulkSummary, ItemRecord, ItemState
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
