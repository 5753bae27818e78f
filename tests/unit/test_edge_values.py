"""Values are plain at the edge (issue 16, point 10), through the core's own checks: campaign
ids are ASCII and never a spreadsheet formula, wherever they are typed (a field, an argument,
a campaigns file row, a plans file); plan names are NFC; a plans file nested too deep or
holding a huge number is refused with a sentence. The sentences never repeat the value.

The same values through the ``wolkvox`` command (exit 2, nothing sent):
tests/integration/test_cli_no_echo.py.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from wolkvox_desktop.core.campaign_file import parse_campaign_rows
from wolkvox_desktop.core.campaigns import (
    CampaignRef,
    CampaignType,
    parse_server_code,
    validate_campaign_id,
)
from wolkvox_desktop.core.errors import InvalidInput, Reason
from wolkvox_desktop.core.plans import (
    MAX_NUMBER_DIGITS,
    MAX_PLANS_FILE_DEPTH,
    Plan,
    PlanError,
    PlanField,
    plans_from_json,
    read_plans_file,
    validate_plan_name,
)
from wolkvox_desktop.core.store import Store

P = CampaignType.PREVIEW
COMPOSED = "Mañana"  # ñ as one code point
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)  # n + combining tilde

#: (what was typed, the character position named, words of the sentence)
NOT_PLAIN = [
    ("３３０１", 1, "not a plain 0-9"),  # full-width digits
    ("33０1", 3, "not a plain 0-9"),
    ("٣٣٠١", 1, "not a plain 0-9"),  # Arabic-Indic digits
    ("З301", 1, "another alphabet"),  # Cyrillic Ze, a lookalike of 3
    ("33О1", 3, "another alphabet"),  # Cyrillic O
    ("3301\u2010x", 5, "not a plain letter, digit or sign"),  # a Unicode hyphen
    ("3301\u00a0x", 5, "invisible"),  # a no-break space inside
    ("33\u200b01", 3, "invisible"),  # a zero-width space
]
FORMULAS = ['="3301"', "=3301", '=""3301""']


# ------------------------------------------------------------------ campaign ids
@pytest.mark.parametrize(("typed", "position", "words"), NOT_PLAIN)
def test_a_campaign_id_that_is_not_plain_ascii_is_refused_naming_the_character(
    typed: str, position: int, words: str
) -> None:
    with pytest.raises(InvalidInput) as info:
        validate_campaign_id(typed)
    assert info.value.reason is Reason.BAD_CAMPAIGN_ID
    message = info.value.message
    assert f"Character {position} of the campaign ID" in message and words in message
    assert typed not in message
    with pytest.raises(InvalidInput):  # the window's fields and every list go through this
        CampaignRef.parse(typed, "preview")


@pytest.mark.parametrize("typed", FORMULAS)
def test_a_spreadsheet_formula_is_refused_as_a_campaign_id(typed: str) -> None:
    with pytest.raises(InvalidInput) as info:
        validate_campaign_id(f"  {typed} ")
    assert info.value.reason is Reason.BAD_CAMPAIGN_ID
    assert "spreadsheet formula" in info.value.message
    assert typed not in info.value.message


@pytest.mark.parametrize("typed", ["3301", "0032", "camp-21", "12&api=stop", "A b,c", "x" * 64])
def test_plain_ascii_campaign_ids_still_pass(typed: str) -> None:
    assert validate_campaign_id(f" {typed} ") == typed


@pytest.mark.parametrize("typed", ["００３２", "wv００３２", "wv0032.wolkvox.com\u200b", "ЗЗ32"])
def test_server_codes_are_ascii_digits_only(typed: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_server_code(typed)
    assert info.value.reason is Reason.BAD_SERVER_CODE
    assert typed not in info.value.message


def test_a_bad_campaign_type_is_not_repeated() -> None:
    with pytest.raises(InvalidInput) as info:
        CampaignType.parse("S3cr3t-typed-here")
    assert "s3cr3t" not in info.value.message.lower()


# ------------------------------------------------------------------ campaigns files
@pytest.mark.parametrize(("typed", "position", "words"), NOT_PLAIN)
def test_a_campaigns_file_row_that_is_not_plain_is_refused_naming_the_line(
    typed: str, position: int, words: str
) -> None:
    data = f"campaign_id,type\n3302,preview\n{typed},preview\n".encode()
    with pytest.raises(InvalidInput) as info:
        parse_campaign_rows(data)
    message = info.value.message
    assert message.startswith("Line 3 of the campaigns file: ")
    assert f"Character {position} of the campaign ID" in message and words in message


@pytest.mark.parametrize(
    "row",
    ['="3301",preview', '"=""3301""",preview', '="3301";preview', "=3301,preview"],
)
def test_excels_text_formula_in_a_campaigns_file_is_refused(row: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_campaign_rows(f"3302,preview\n{row}\n".encode())
    assert info.value.message.startswith("Line 2 of the campaigns file: ")
    assert "spreadsheet formula" in info.value.message


def test_a_full_width_first_row_is_a_bad_row_not_a_header() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_campaign_rows("３３０１,preview\n".encode())
    assert info.value.message.startswith("Line 1 of the campaigns file: Character 1")


# ------------------------------------------------------------------ plans files
def plan_entry(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {"name": "Turno", "server": "0032", "action": "start",
                                "campaigns": [{"id": "3301", "type": "preview"}],
                                "at": "07:00", "days": "daily"}
    entry.update(changes)
    return entry


@pytest.mark.parametrize("typed", [t for t, _, _ in NOT_PLAIN] + FORMULAS)
def test_a_plans_file_campaign_that_is_not_plain_is_refused_naming_plan_and_campaign(
    typed: str,
) -> None:
    campaigns = [{"id": "3302", "type": "preview"}, {"id": typed, "type": "preview"}]
    document = json.dumps([plan_entry(), plan_entry(name="Noche", campaigns=campaigns)],
                          ensure_ascii=False)
    with pytest.raises(PlanError) as info:
        plans_from_json(document.encode("utf-8"))
    assert info.value.field is PlanField.CAMPAIGNS
    assert info.value.message.startswith("Plan 2 ('Noche') of the plans file: Campaign 2: ")


def test_a_plans_file_nested_200000_deep_is_a_sentence(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    with pytest.raises(PlanError) as info:
        plans_from_json(read_plans_file(deep))
    assert info.value.field is PlanField.FILE
    assert f"nested more than {MAX_PLANS_FILE_DEPTH} levels deep" in info.value.message
    inside = '{"plans": [' + '{"a": [' * 100_000 + "1" + "]}" * 100_000 + "]}"
    with pytest.raises(PlanError, match="nested more than"):
        plans_from_json(inside)
    unbalanced = "[" * 200_000  # not JSON at all, and deep: still a sentence
    with pytest.raises(PlanError, match="nested more than"):
        plans_from_json(unbalanced)


def test_a_plans_file_as_deep_as_allowed_is_read_and_one_level_more_is_not() -> None:
    inside = "[" * (MAX_PLANS_FILE_DEPTH - 1) + "]" * (MAX_PLANS_FILE_DEPTH - 1)
    with pytest.raises(PlanError) as info:  # depth 20: parsed, then refused as no plan
        plans_from_json("[" + inside + "]")
    assert "nested" not in info.value.message
    with pytest.raises(PlanError, match="nested more than"):
        plans_from_json("[[" + inside + "]]")
    strings = json.dumps([plan_entry(name="[[[[[[[[[[[[[[[[[[[[[[[[[ {{{{{{{{{{{{{{{{{{{{{")])
    (plan,) = plans_from_json(strings)  # brackets inside strings are not nesting
    assert plan.name.startswith("[[[[")


def versioned(version: str) -> str:
    return '{"format": "wolkvox-desktop-plans", "version": VERSION, "plans": []}'.replace(
        "VERSION", version)


@pytest.mark.parametrize("where", ["version", "campaign id", "at", "top"])
def test_a_plans_file_with_a_5000_digit_number_is_a_sentence(where: str) -> None:
    huge = "9" * 5000
    documents = {
        "version": versioned(huge),
        "campaign id": json.dumps([plan_entry(campaigns=[{"id": 0, "type": "preview"}])])
        .replace('"id": 0', f'"id": {huge}'),
        "at": json.dumps([plan_entry(at=0)]).replace('"at": 0', f'"at": -{huge}'),
        "top": huge,
    }
    with pytest.raises(PlanError) as info:
        plans_from_json(documents[where].encode())
    assert info.value.field is PlanField.FILE
    assert f"more than {MAX_NUMBER_DIGITS} digits" in info.value.message


def test_big_but_bounded_numbers_still_get_their_own_sentence() -> None:
    document = versioned("9" * 30)
    with pytest.raises(PlanError, match="newer version"):
        plans_from_json(document)
    floats = json.dumps([plan_entry()]).replace('"07:00"', "1e999999")
    with pytest.raises(PlanError, match="HH:MM"):  # a float too big is inf: no crash
        plans_from_json(floats)


# ------------------------------------------------------------------ plan names
def test_plan_names_are_nfc() -> None:
    assert DECOMPOSED != COMPOSED
    assert validate_plan_name(f" {DECOMPOSED} ") == COMPOSED
    plan = Plan.create(DECOMPOSED, "0032", "start", [CampaignRef("3301", P)])
    assert plan.name == COMPOSED
    assert validate_plan_name("Turno 1") == "Turno 1"


def test_a_name_typed_composed_and_decomposed_is_one_plan(tmp_path: Path) -> None:
    document = json.dumps([plan_entry(name=COMPOSED), plan_entry(name=DECOMPOSED.upper())],
                          ensure_ascii=False)
    with pytest.raises(PlanError, match="the name is used twice in the file"):
        plans_from_json(document)
    with Store(tmp_path / "store.sqlite3") as store:
        store.save_plan(Plan.create(COMPOSED, "0032", "start", [CampaignRef("3301", P)]))
        with pytest.raises(PlanError):  # "already exists", not a second plan
            store.save_plan(Plan.create(DECOMPOSED, "0032", "stop", [CampaignRef("3302", P)]))
        (saved,) = store.plans()
        assert saved.name == COMPOSED
        found = store.plan(validate_plan_name(DECOMPOSED))  # as the CLI looks a name up
        assert found is not None and found.name == COMPOSED


def test_plan_sentences_never_repeat_what_was_typed() -> None:
    from wolkvox_desktop.core.plans import parse_days, parse_time

    secret = "S3cr3tTyped"
    for check in (parse_time, parse_days):
        with pytest.raises(PlanError) as info:
            check(secret)
        assert secret.lower() not in info.value.message.lower()
    with pytest.raises(PlanError) as info:
        parse_days(["mon", secret])
    assert "day 2 of the 2 given" in info.value.message
    assert secret.lower() not in info.value.message.lower()
    with pytest.raises(PlanError) as info:
        Plan.create("P", "0032", "start", [CampaignRef(secret, P), CampaignRef(secret, P)])
    assert "Campaign 2 of the list is listed twice (also as campaign 1)" in info.value.message
    assert secret not in info.value.message
    with pytest.raises(PlanError) as info:
        read_plans_file(Path("/nonexistent") / secret)
    assert secret not in info.value.message


# ------------------------------------------------------------------ the log's redaction
@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("{'wolkvox-token': \"it's-a-S3cr3t value\"}", "{'wolkvox-token': \"[redacted]\"}"),
        ("{'wolkvox-token': 'it\\'s \"S3cr3t\" too', 'Accept': 'json'}",
         "{'wolkvox-token': '[redacted]', 'Accept': 'json'}"),
        ('"wolkvox-token": "S3cr3t with spaces", "a": 1', '"wolkvox-token": "[redacted]", "a": 1'),
        ("header wolkvox-token: S3cr3t-bare", "header wolkvox-token: [redacted]"),
    ],
)
def test_a_token_header_is_redacted_whatever_quotes_its_repr_uses(line: str, kept: str) -> None:
    from wolkvox_desktop.core.logsetup import redact

    assert redact(line) == kept
