"""core.plans: the plan value, its checks, and the JSON file IT hands to workstations."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

import pytest

from wolkvox_desktop.core.campaigns import Action, CampaignRef, CampaignType
from wolkvox_desktop.core.plans import (
    EVERY_DAY,
    WEEKDAYS,
    Plan,
    PlanError,
    PlanField,
    Schedule,
    parse_days,
    parse_time,
    plans_from_json,
    plans_to_json,
    read_plans_file,
)

P, Q = CampaignType.PREVIEW, CampaignType.PREDICTIVE


def morning() -> Plan:
    return Plan.create(
        "Mañana Cobranza", "wv0032", "start",
        [CampaignRef("3302", Q), CampaignRef("3301", Q), CampaignRef("3303", P)],
        Schedule.parse("07:00", "weekdays"),
    )


def evening() -> Plan:
    return Plan.create("Cierre", "0032", Action.STOP, [CampaignRef("3303", P)],
                       Schedule.parse("19:30", "mon,wed,fri"))


def by_hand() -> Plan:
    return Plan.create("A mano", "0041", "stop", [CampaignRef("12&api=stop", P)])


# ------------------------------------------------------------------ the value


def test_create_checks_and_normalises() -> None:
    plan = morning()
    assert plan.name == "Mañana Cobranza"
    assert plan.server == "0032"  # a wv0032 host is its code
    assert plan.action is Action.START
    assert [c.id for c in plan.campaigns] == ["3302", "3301", "3303"]  # order kept
    assert plan.schedule is not None and plan.schedule.at == time(7, 0)
    assert plan.schedule.days == WEEKDAYS and plan.schedule.days_text == "weekdays"


@pytest.mark.parametrize(
    ("args", "field", "needle"),
    [
        (("", "0032", "start"), PlanField.NAME, "Give the plan a name"),
        (("x" * 61, "0032", "start"), PlanField.NAME, "at most 60"),
        (("a\tb", "0032", "start"), PlanField.NAME, "control characters"),
        (("Plan", "0032.evil.com", "start"), PlanField.SERVER, "server code"),
        (("Plan", "0032", "restart"), PlanField.ACTION, "start or stop"),
    ],
)
def test_create_refuses_with_the_field_and_a_sentence(
    args: tuple[str, str, str], field: PlanField, needle: str
) -> None:
    with pytest.raises(PlanError) as caught:
        Plan.create(*args, [CampaignRef("1", P)])
    assert caught.value.field is field
    assert needle in caught.value.message


def test_a_plan_needs_campaigns_each_once() -> None:
    with pytest.raises(PlanError, match="at least one campaign"):
        Plan.create("P", "0032", "start", [])
    with pytest.raises(PlanError, match=r"Campaign 2 of the list is listed twice \(also as "
                                         r"campaign 1\)"):
        Plan.create("P", "0032", "start", [CampaignRef("7", P), CampaignRef("7", Q)])


@pytest.mark.parametrize(("text", "expected"), [("07:00", time(7)), ("7:05", time(7, 5)),
                                                 (" 23:59 ", time(23, 59)), ("00:00", time(0))])
def test_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "7", "07:60", "7.30", "07:00:00", "", "٠٧:٠٠"])
def test_bad_times_are_refused(text: str) -> None:
    with pytest.raises(PlanError) as caught:
        parse_time(text)
    assert caught.value.field is PlanField.AT and "HH:MM" in caught.value.message


def test_days() -> None:
    assert parse_days(None) == EVERY_DAY
    assert parse_days("Daily") == EVERY_DAY
    assert parse_days("weekdays") == WEEKDAYS
    assert parse_days("mon, WED,fri") == frozenset({0, 2, 4})
    assert parse_days(["sat", "sun"]) == frozenset({5, 6})
    assert Schedule.parse("07:00", "sun,mon").days_text == "mon,sun"
    for bad in ("lun", "mon,,tue", "weekend", [], ["mon", 3]):
        with pytest.raises(PlanError) as caught:
            parse_days(bad)
        assert caught.value.field is PlanField.DAYS


# ------------------------------------------------------------------ the file


def test_export_import_round_trip(tmp_path: Path) -> None:
    plans = [morning(), evening(), by_hand()]
    path = tmp_path / "planes.json"
    path.write_text(plans_to_json(plans), encoding="utf-8")
    assert plans_from_json(read_plans_file(path)) == plans
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "wolkvox-desktop-plans" and document["version"] == 1
    assert document["plans"][0] == {
        "name": "Mañana Cobranza", "server": "0032", "action": "start",
        "campaigns": [{"id": "3302", "type": "predictive"}, {"id": "3301", "type": "predictive"},
                      {"id": "3303", "type": "preview"}],
        "at": "07:00", "days": "weekdays",
    }
    assert document["plans"][1]["days"] == ["mon", "wed", "fri"]
    assert document["plans"][2]["at"] is None and document["plans"][2]["days"] is None


def test_a_hand_written_file_with_a_bom_and_a_bare_list_is_read() -> None:
    text = '\ufeff[{"name": "P", "server": "0032", "action": "stop", "campaigns": ' \
           '[{"id": "1", "type": "Preview"}], "at": "6:00", "days": "sat,sun"}]'
    (plan,) = plans_from_json(text.encode("utf-8"))
    assert plan.schedule == Schedule(time(6, 0), frozenset({5, 6}))
    assert plan.campaigns == (CampaignRef("1", P),)


def entry(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {"name": "Turno", "server": "0032", "action": "start",
                               "campaigns": [{"id": "3301", "type": "predictive"}],
                               "at": "07:00", "days": "daily"}
    base.update(changes)
    return {key: value for key, value in base.items() if value is not DROP}


DROP = object()


@pytest.mark.parametrize(
    ("document", "needle"),
    [
        ("{", "not valid JSON (line 1, column 2"),
        ('{"plans": [], "plans": []}', "gives the field 'plans' twice"),
        ('{"format": "something-else", "plans": []}', "not a plans file"),
        ('{"format": "wolkvox-desktop-plans", "version": 3, "plans": []}',
         "newer version of Wolkvox Desktop"),
        ('{"format": "wolkvox-desktop-plans"}', 'no "plans" list'),
        ('"plans"', "must hold a list of plans"),
        (json.dumps([entry(tipo="x")]), "Plan 1 ('Turno') of the plans file: It has a field "
                                        "this app does not know ('tipo')"),
        (json.dumps([entry(action=DROP)]), "Plan 1 ('Turno') of the plans file: The field "
                                           "'action' is missing"),
        (json.dumps([entry(), entry(at="25:00", name="Noche")]),
         "Plan 2 ('Noche') of the plans file: The time must be HH:MM"),
        (json.dumps([entry(days="lun")]), "The days must be daily, weekdays, or days such "
                                          "as mon,wed,fri (from mon, tue"),
        (json.dumps([entry(days=["mon", "lun"])]), "day 2 of the 2 given is not one of them"),
        (json.dumps([entry(at=None)]), "has days but no time"),
        (json.dumps([entry(campaigns=[{"id": 3301, "type": "preview"}])]),
         "Campaign 1: the id must be text in quotes"),
        (json.dumps([entry(campaigns=[{"id": "3301"}])]), 'exactly "id" and "type"'),
        (json.dumps([entry(campaigns=[{"id": "3301", "type": "manual"}])]),
         "Campaign 1: The campaign type must be 'preview' or 'predictive'"),
        (json.dumps([entry(campaigns=[])]), "at least one campaign"),
        (json.dumps([entry(server="0032/../x")]), "server code must be the digits"),
        (json.dumps([entry(), entry(name="TURNO")]), "the name is used twice in the file"),
        (json.dumps([3]), "Plan 1 of the plans file: Each plan must be a JSON object"),
    ],
)
def test_a_bad_file_is_refused_with_a_sentence(document: str, needle: str) -> None:
    with pytest.raises(PlanError) as caught:
        plans_from_json(document.encode("utf-8"))
    assert needle in caught.value.message
    assert caught.value.message.endswith((".", ")")), caught.value.message


def test_a_file_that_is_not_text_or_too_big_or_missing(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="not UTF-8 text"):
        plans_from_json(b'{"plans": ["\xff"]}')
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 5_000_001)
    with pytest.raises(PlanError, match="over 5 MB"):
        read_plans_file(big)
    with pytest.raises(PlanError, match="cannot be read"):
        read_plans_file(tmp_path / "missing.json")
