"""core.bulk_run.BulkRun against the simulator, a real client and a real SQLite store."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.core.api import WolkvoxClient
from wolkvox_desktop.core.bulk import BulkItem, plan_bulk
from wolkvox_desktop.core.bulk_run import BulkRun, BulkStateError, ItemState
from wolkvox_desktop.core.campaigns import Action, CampaignStatus, CampaignType
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.service import OperationService
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.simulator import Simulator

SERVER = "0032"
P, Q = CampaignType.PREVIEW, CampaignType.PREDICTIVE


@pytest.fixture
def service(simulator: Simulator, store: Store) -> Iterator[OperationService]:
    client = WolkvoxClient(SERVER, DEMO_TOKEN, api_base=simulator.base_url,
                           read_timeout=2.0)
    try:
        yield OperationService(store, client, SERVER)
    finally:
        client.close()


def started_ids(sim: Simulator) -> list[str]:
    return [r.query.get("campaign_id", "") for r in sim.requests if r.api == "start"]


def test_run_all_calls_in_the_given_order_one_at_a_time(
    simulator: Simulator, service: OperationService, store: Store
) -> None:
    simulator.faults.latency = 0.02
    order = ["3308", "3302", "3306", "3303", "3305"]
    types = {"3302": Q, "3305": Q}
    plan = plan_bulk(Action.START, [(i, types.get(i, P)) for i in order])
    seen: list[tuple[int, str, bool]] = []
    summary = BulkRun(service, plan).run_all(
        lambda index, item, result: seen.append((index, item.campaign_id, result.ok))
    )
    assert started_ids(simulator) == order
    assert seen == [(i, cid, True) for i, cid in enumerate(order)]
    assert simulator.max_concurrency_for(DEMO_TOKEN) == 1
    assert all(simulator.campaign(cid).started for cid in order)
    assert summary.all_ok and summary.calls == 5
    assert (summary.progress.done, summary.progress.total, summary.progress.ok) == (5, 5, 5)
    assert summary.worst_outcome is Outcome.OK
    history = store.history(server=SERVER, action="start")
    assert [row.campaign_id for row in reversed(history)] == order
    assert {row.outcome for row in history} == {"ok"}


def test_items_in_state_are_skipped_unless_the_user_insists(
    simulator: Simulator, service: OperationService, store: Store
) -> None:
    assert service.refresh_campaigns().ok  # 3301 Started, 3302 Stopped in the demo data
    known = store.campaigns(SERVER)
    plan = plan_bulk(Action.START, [("3301", None), ("3302", None)], known=known)
    assert [i.campaign_id for i in plan.in_state] == ["3301"]
    assert plan.cost == 1
    run = BulkRun(service, plan)
    assert run.progress().in_state == 1
    assert run.next_item() == BulkItem("3302", Q, "Cobranza Sur", CampaignStatus.STOPPED)
    summary = run.run_all()
    assert started_ids(simulator) == ["3302"]
    assert [r.state for r in summary.records] == [ItemState.IN_STATE, ItemState.OK]
    assert summary.progress.done == 2

    simulator.clear_requests()
    insist = plan_bulk(Action.START, [("3301", None)], known=known, include_in_state=True)
    assert BulkRun(service, insist).run_all().all_ok
    assert started_ids(simulator) == ["3301"]


def test_a_refused_call_pauses_until_skip_and_retry_is_explicit(
    simulator: Simulator, service: OperationService
) -> None:
    plan = plan_bulk(Action.START, [("3302", Q), ("9999", P), ("3303", P)])
    run = BulkRun(service, plan)
    assert run.run_current().ok
    failed = run.run_current()
    assert failed.outcome is Outcome.REFUSED  # the simulator does not know 9999
    assert run.paused and run.last_outcome is Outcome.REFUSED
    assert run.next_item() is not None and run.next_item().campaign_id == "9999"
    with pytest.raises(BulkStateError):
        run.run_current()  # no silent second call: the caller must choose
    assert started_ids(simulator) == ["3302", "9999"]
    again = run.retry()  # asked for: a refused call may be retried
    assert again.outcome is Outcome.REFUSED
    assert started_ids(simulator) == ["3302", "9999", "9999"]
    run.skip()
    assert run.next_item() is not None and run.next_item().campaign_id == "3303"
    assert run.run_current().ok
    assert run.next_item() is None and run.finished
    summary = run.summary()
    assert [r.state for r in summary.records] == [ItemState.OK, ItemState.SKIPPED, ItemState.OK]
    assert len(summary.records[1].results) == 2
    assert summary.progress.skipped == 1 and summary.calls == 4


def test_an_unknown_outcome_needs_an_explicit_confirmation_to_retry(
    simulator: Simulator, service: OperationService
) -> None:
    simulator.faults.html_502 = True
    simulator.faults.act_first = True  # it really started, the answer was lost
    run = BulkRun(service, plan_bulk(Action.START, [("3302", Q), ("3303", P)]))
    assert run.run_current().outcome is Outcome.UNKNOWN
    assert simulator.campaign("3302").started
    assert run.last_outcome is Outcome.UNKNOWN and run.paused
    with pytest.raises(BulkStateError, match="may have reached Wolkvox"):
        run.retry()
    assert len(simulator.requests) == 1
    simulator.reset_faults()
    assert run.retry(confirm_unknown=True).ok
    assert run.run_current().ok
    assert run.summary().all_ok
    assert started_ids(simulator) == ["3302", "3302", "3303"]


def test_an_undelivered_call_pauses_and_abort_marks_the_rest_not_run(
    store: Store,
) -> None:
    with Simulator() as gone:
        base = gone.base_url  # a loopback port nobody listens on any more
    client = WolkvoxClient(SERVER, DEMO_TOKEN, api_base=base)
    service = OperationService(store, client, SERVER)
    try:
        run = BulkRun(service, plan_bulk(Action.STOP, [("1", P), ("2", P), ("3", P)]))
        result = run.run_current()
        assert result.outcome is Outcome.UNDELIVERED
        assert run.paused
        run.abort()
        assert run.next_item() is None
        summary = run.summary()
        assert [r.state for r in summary.records] == [
            ItemState.FAILED, ItemState.NOT_RUN, ItemState.NOT_RUN
        ]
        assert summary.worst_outcome is Outcome.UNDELIVERED
        assert summary.first_failure is result
        assert not summary.all_ok
        with pytest.raises(BulkStateError):
            run.skip()
    finally:
        client.close()


def test_keep_going_calls_everything_and_reports_the_worst(
    simulator: Simulator, service: OperationService
) -> None:
    plan = plan_bulk(Action.START, [("9998", P), ("3302", Q), ("3303", Q), ("3305", Q)])
    seen: list[Outcome] = []
    summary = BulkRun(service, plan).run_all(
        lambda _i, _item, result: seen.append(result.outcome), stop_on_failure=False
    )
    # 9998 unknown id, 3303 is a preview campaign called predictive: both refused
    assert seen == [Outcome.REFUSED, Outcome.OK, Outcome.REFUSED, Outcome.OK]
    assert started_ids(simulator) == ["9998", "3302", "3303", "3305"]
    assert summary.progress.failed == 2 and summary.progress.done == 4
    assert summary.worst_outcome is Outcome.REFUSED


def test_stop_on_failure_stops_before_the_next_call(
    simulator: Simulator, service: OperationService
) -> None:
    plan = plan_bulk(Action.START, [("3302", Q), ("9998", P), ("3303", P)])
    summary = BulkRun(service, plan).run_all()
    assert started_ids(simulator) == ["3302", "9998"]
    assert [r.state for r in summary.records] == [
        ItemState.OK, ItemState.FAILED, ItemState.NOT_RUN
    ]
    assert summary.progress.not_run == 1


def test_cancel_from_another_thread_stops_between_calls(
    simulator: Simulator, service: OperationService
) -> None:
    simulator.faults.latency = 0.3
    plan = plan_bulk(Action.START, [("3302", Q), ("3303", P), ("3305", Q)])
    run = BulkRun(service, plan)
    results: list[Outcome] = []
    worker = threading.Thread(
        target=lambda: run.run_all(lambda _i, _item, r: results.append(r.outcome))
    )
    worker.start()
    deadline = time.monotonic() + 5
    while simulator.in_flight(DEMO_TOKEN) == 0 and time.monotonic() < deadline:
        time.sleep(0.005)
    assert simulator.in_flight(DEMO_TOKEN) == 1
    with pytest.raises(BulkStateError):
        run.run_current()  # a second call while one is in flight is refused, not sent
    run.cancel()
    worker.join(5)
    assert not worker.is_alive()
    assert results == [Outcome.OK]  # the call in flight finished; nothing after it
    assert started_ids(simulator) == ["3302"]
    progress = run.progress()
    assert progress.cancelled and progress.finished and progress.not_run == 2
    cancelled = run.run_current()
    assert (cancelled.outcome, cancelled.reason) == (Outcome.INVALID, Reason.CANCELLED)
    assert len(simulator.requests) == 1


def test_past_the_budget_the_run_pauses_without_sending(
    simulator: Simulator, service: OperationService, store: Store
) -> None:
    store.upsert_operation(Operation(SERVER, licenses=1))
    earlier = CallResult(Outcome.OK, Reason.OK, "Listed.", 200, 200, None, "Data found", 3)
    for _ in range(999):
        store.finish_call(store.begin_call(SERVER, "campaigns"), earlier)
    plan = plan_bulk(Action.START, [("3302", Q), ("3303", P)])
    assert plan.over_budget(service.usage())
    run = BulkRun(service, plan)
    assert run.run_current().ok  # the 1000th use
    refused = run.run_current()
    assert (refused.outcome, refused.reason) == (Outcome.INVALID, Reason.BUDGET_EXHAUSTED)
    assert started_ids(simulator) == ["3302"]
    assert run.paused
    confirmed = BulkRun(service, plan_bulk(Action.START, [("3303", P)]), allow_over_budget=True)
    assert confirmed.run_all().all_ok
    assert started_ids(simulator) == ["3302", "3303"]


def test_campaigns_a_stopped_run_never_sent_are_in_the_history_and_offered_later(
    simulator: Simulator, service: OperationService, store: Store
) -> None:
    from wolkvox_desktop.core.bulk_unsent import unsent_from_last_run

    plan = plan_bulk(Action.START, [("3302", Q), ("9998", P), ("3303", P), ("3306", P)])
    summary = BulkRun(service, plan).run_all(stop_on_failure=True)  # 9998 is refused
    assert [r.state for r in summary.records] == [
        ItemState.OK, ItemState.FAILED, ItemState.NOT_RUN, ItemState.NOT_RUN
    ]
    not_sent = [r for r in store.history() if r.reason == Reason.NOT_RUN.value]
    assert sorted(r.campaign_id for r in not_sent) == ["3303", "3306"]
    assert all(r.outcome == Outcome.INVALID.value for r in not_sent)  # nothing was sent
    assert service.usage().used == 2  # they cost no token
    assert started_ids(simulator) == ["3302", "9998"]
    offer = unsent_from_last_run(store, SERVER)
    assert offer is not None and offer.action is Action.START
    assert offer.items == (BulkItem("3303", P), BulkItem("3306", P))
    assert offer.last_row == max(r.id for r in not_sent)
    # one of them started since: only the other one is still offered
    assert service.start(BulkItem("3306", P).ref).ok
    again = unsent_from_last_run(store, SERVER)
    assert again is not None and again.items == (BulkItem("3303", P),)
    assert unsent_from_last_run(store, "0033") is None


def test_a_cancelled_run_records_what_it_did_not_send(
    simulator: Simulator, service: OperationService, store: Store
) -> None:
    run = BulkRun(service, plan_bulk(Action.STOP, [("3301", Q), ("3304", Q), ("3307", Q)]))
    assert run.run_current().ok
    run.cancel()
    assert run.next_item() is None
    rows = [r for r in store.history() if r.reason == Reason.NOT_RUN.value]
    assert sorted(r.campaign_id for r in rows) == ["3304", "3307"]
    assert all(r.action == "stop" for r in rows)
    run.cancel()  # recorded once only
    assert len([r for r in store.history() if r.reason == Reason.NOT_RUN.value]) == 2
