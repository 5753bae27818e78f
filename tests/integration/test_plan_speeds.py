"""Shift plans that set a speed for each campaign they start (issue 18, point 4): the plan,
its file and its row in the store; a run sends each speed right after its start, once, and
counts it in the run's cost; the command line's ``plan add --speed``."""

from __future__ import annotations

import json

import pytest

from tests.integration import test_cli as cli_harness
from tests.integration.test_cli import Cli
from wolkvox_desktop.core.campaigns import Action, CampaignRef, CampaignType
from wolkvox_desktop.core.plans import Plan, PlanError, PlanField, plans_from_json, plans_to_json
from wolkvox_desktop.core.store import Store
from wolkvox_desktop.simulator import Simulator

cli = cli_harness.cli
NORTE = CampaignRef("3301", CampaignType.PREDICTIVE)
SUR = CampaignRef("3302", CampaignType.PREDICTIVE)
PREVIEW = CampaignRef("3303", CampaignType.PREVIEW)


def plan_with_speeds() -> Plan:
    return Plan.create("Mañana", "0032", "start", [SUR, PREVIEW, NORTE],
                       speeds={"3301": 55, "3302": 0})


def test_a_plan_keeps_its_speeds_in_campaign_order() -> None:
    plan = plan_with_speeds()
    assert plan.speeds == (("3302", 0), ("3301", 55))
    assert plan.speed_for("3301") == 55 and plan.speed_for("3303") is None
    assert plan.to_json_dict()["campaigns"] == [
        {"id": "3302", "type": "predictive", "speed": 0}, {"id": "3303", "type": "preview"},
        {"id": "3301", "type": "predictive", "speed": 55}]


@pytest.mark.parametrize(("action", "speeds", "message"), [
    ("stop", {"3301": 10}, "Only a plan that starts campaigns can set speeds."),
    ("start", {"9999": 10}, "A speed is given for a campaign that is not in the plan."),
    ("start", {"3301": 101}, "Campaign 1: a speed is a whole number from 0 to 100."),
    ("start", {"3301": "55"}, "Campaign 1: a speed is a whole number from 0 to 100."),
    ("start", {"3301": True}, "Campaign 1: a speed is a whole number from 0 to 100."),
])
def test_bad_speeds_are_refused(action: str, speeds: dict[str, object], message: str) -> None:
    with pytest.raises(PlanError) as info:
        Plan.create("P", "0032", action, [NORTE], speeds=speeds)
    assert info.value.field is PlanField.SPEEDS and info.value.message == message


def test_the_file_round_trip_and_its_version() -> None:
    text = plans_to_json([plan_with_speeds()])
    assert json.loads(text)["version"] == 2
    assert plans_from_json(text) == [plan_with_speeds()]
    plain = Plan.create("Tarde", "0032", "stop", [NORTE])
    assert json.loads(plans_to_json([plain]))["version"] == 1  # still readable by older apps
    bad = text.replace('"speed": 55', '"speed": 555')
    with pytest.raises(PlanError, match="a speed is a whole number from 0 to 100"):
        plans_from_json(bad)


def test_the_store_keeps_the_speeds(store: Store) -> None:
    saved, _ = store.save_plan(plan_with_speeds())
    again = store.plan("Mañana")
    assert again is not None and again.plan == plan_with_speeds() == saved.plan
    store.save_plan(Plan.create("Mañana", "0032", "start", [NORTE]), replace=True)
    replaced = store.plan("Mañana")
    assert replaced is not None and replaced.plan.speeds == ()


def test_a_run_sets_each_speed_after_its_start_once(cli: Cli, simulator: Simulator,
                                                    store: Store) -> None:
    simulator.set_status("3301", "Stopped")
    store.save_plan(plan_with_speeds())
    ran = cli("plan", "run", "Mañana", "--json")
    assert ran.code == 0, ran
    order = [(r.api, r.query.get("campaign_id")) for r in simulator.requests]
    assert order == [("start", "3302"), ("speed", "3302"), ("start", "3303"),
                     ("start", "3301"), ("speed", "3301")]
    assert simulator.campaign("3301").speed == 55 and simulator.campaign("3302").speed == 0
    objects = ran.json_lines()
    speeds = [o for o in objects if "speed" in o]
    assert [(o["campaign"], o["speed"], o["ok"]) for o in speeds] == [("3302", 0, True),
                                                                      ("3301", 55, True)]
    rows = [(r.action, r.campaign_id, r.plan) for r in reversed(store.history())]
    assert ("speed", "3301", "Mañana") in rows and len(rows) == 5


def test_a_refused_speed_is_told_and_the_run_goes_on(cli: Cli, simulator: Simulator,
                                                     store: Store) -> None:
    store.save_plan(plan_with_speeds())
    simulator.faults.update({"only_api": "speed", "maintenance": True})
    ran = cli("plan", "run", "Mañana")
    assert ran.code == 3  # the speeds were refused; every campaign was started
    assert all(simulator.campaign(c).started for c in ("3301", "3302", "3303"))
    assert "speed 3302 (predictive) to 0: refused by Wolkvox" in ran.err
    assert [r.api for r in simulator.requests].count("speed") == 2  # never resent


def test_the_cost_counts_the_speeds(store: Store) -> None:
    from wolkvox_desktop.core.plan_runs import bulk_plan_of

    bulk = bulk_plan_of(plan_with_speeds(), store)
    assert bulk.action is Action.START and bulk.cost == 5
    assert [i.speed for i in bulk.items] == [0, None, 55]


def test_plan_add_speed_on_the_command_line(cli: Cli, simulator: Simulator,
                                            store: Store) -> None:
    ran = cli("plan", "add", "Turno", "--server", "0032", "--action", "start", "--type",
              "predictive", "--campaign", "3301", "--campaign", "3302", "--speed", "3302=35")
    assert ran.code == 0, ran
    saved = store.plan("Turno")
    assert saved is not None and saved.plan.speeds == (("3302", 35),)
    listed = cli("plan", "list")
    assert "3302 (speed 35)" in listed.out
    for bad in ("3302=101", "3302", "=5", "3302=x"):
        refused = cli("plan", "add", "Otro", "--server", "0032", "--action", "start", "--type",
                      "predictive", "--campaign", "3302", "--speed", bad)
        assert refused.code == 2 and "argument --speed" in refused.err
    stop = cli("plan", "add", "Parar", "--server", "0032", "--action", "stop", "--type",
               "predictive", "--campaign", "3302", "--speed", "3302=5")
    assert stop.code == 2 and "Only a plan that starts campaigns can set speeds." in stop.err
    assert simulator.requests == [] and store.plan("Parar") is None
