"""OperationService against the simulator and a real SQLite store: every call is recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from wolkvox_desktop.core.api import WolkvoxClient
from wolkvox_desktop.core.campaigns import CampaignRef, CampaignStatus, CampaignType
from wolkvox_desktop.core.errors import InvalidInput, Outcome, Reason
from wolkvox_desktop.core.limits import TokenGate
from wolkvox_desktop.core.service import OperationService
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.simulator.server import Simulator

TOKEN = "demo-token"


@pytest.fixture
def service(simulator: Simulator, tmp_path: Path):
    store = Store(tmp_path / "store.sqlite3")
    client = WolkvoxClient(
        "0032", TOKEN, api_base=simulator.base_url, read_timeout=2.0, gate=TokenGate(1)
    )
    yield OperationService(store, client, "0032")
    client.close()
    store.close()


def test_start_is_recorded_and_updates_the_cached_status(service, simulator) -> None:
    assert service.refresh_campaigns().ok
    simulator.clear_requests()
    saved = {c.campaign.id: c for c in service.store.campaigns("0032")}
    assert saved["3302"].campaign.status is CampaignStatus.STOPPED
    result = service.start(CampaignRef("3302", CampaignType.PREDICTIVE))
    assert result.outcome is Outcome.OK, result.message
    assert simulator.campaign("3302").status.lower() == "started"
    rows = [r for r in service.store.history() if r.action != "campaigns"]
    assert [(r.action, r.campaign_id, r.outcome, r.http_status) for r in rows] == [
        ("start", "3302", "ok", 202)
    ]
    saved = {c.campaign.id: c for c in service.store.campaigns("0032")}
    assert saved["3302"].campaign.status is CampaignStatus.STARTED
    assert service.usage().used == 2  # the list and the start each cost a token


def test_refresh_caches_the_account_campaigns(service, simulator) -> None:
    result = service.refresh_campaigns()
    assert result.ok, result.message
    ids = {c.campaign.id for c in service.store.campaigns("0032")}
    assert {"3301", "3302"} <= ids
    assert service.store.campaigns_refreshed_at("0032") is not None


def test_input_is_checked_where_it_is_typed_and_the_request_builder_guards_the_rest(
    service, simulator
) -> None:
    with pytest.raises(InvalidInput) as info:
        CampaignRef.parse("   ", "predictive")
    assert info.value.reason is Reason.BAD_CAMPAIGN_ID
    with pytest.raises(InvalidInput) as info:
        CampaignRef.parse("3301", "robocall")
    assert info.value.reason is Reason.BAD_CAMPAIGN_TYPE
    assert CampaignRef.parse(" 3301 ", " Predictive ") == CampaignRef(
        "3301", CampaignType.PREDICTIVE
    )
    # a value that skipped the check still never reaches Wolkvox, and costs no token
    result = service.start(CampaignRef("12\n34", CampaignType.PREDICTIVE))
    assert result.outcome is Outcome.INVALID and result.reason is Reason.BAD_CAMPAIGN_ID
    assert simulator.requests == []
    assert service.usage().used == 0


def test_budget_exhausted_refuses_before_sending_unless_confirmed(service, simulator) -> None:
    service.store.upsert_operation(Operation(server="0032", licenses=1))
    for _ in range(1000):
        row = service.store.begin_call("0032", "campaigns")
        service.store.finish_call(row, _ok_result())
    assert service.usage().exhausted
    refused = service.start(CampaignRef("3301", CampaignType.PREDICTIVE))
    assert refused.outcome is Outcome.INVALID and refused.reason is Reason.BUDGET_EXHAUSTED
    assert "1000 of 1000" in refused.message
    assert simulator.requests == []
    confirmed = service.start(CampaignRef("3301", CampaignType.PREDICTIVE), allow_over_budget=True)
    assert confirmed.ok, confirmed.message
    assert len(simulator.requests) == 1


def test_a_store_that_cannot_record_means_nothing_is_sent(service, simulator) -> None:
    service.store.close()
    result = service.start(CampaignRef("3301", CampaignType.PREDICTIVE))
    assert result.outcome is Outcome.INVALID and result.reason is Reason.STORE_FAILURE
    assert "Nothing was sent" in result.message
    assert simulator.requests == []


def _ok_result():
    from wolkvox_desktop.core.errors import CallResult

    return CallResult(Outcome.OK, Reason.OK, "ok", http_status=200, code=200)
