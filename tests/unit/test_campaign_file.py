"""Campaign files as spreadsheets save them: real files, and the ``wolkvox`` command refusing
a bad one before anything reaches the (loopback) simulator."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.integration import test_cli as cli_harness
from tests.integration.test_cli import Cli
from wolkvox_desktop.core.campaign_file import (
    MAX_CAMPAIGNS,
    MAX_FILE_BYTES,
    parse_campaign_rows,
    read_campaign_file,
)
from wolkvox_desktop.core.campaigns import CampaignType
from wolkvox_desktop.core.errors import InvalidInput, Reason
from wolkvox_desktop.simulator import Simulator

P, Q = CampaignType.PREVIEW, CampaignType.PREDICTIVE
EXCEL = "looks like a number Excel changed"


def refusal(data: bytes, **kwargs: object) -> InvalidInput:
    with pytest.raises(InvalidInput) as info:
        parse_campaign_rows(data, **kwargs)  # type: ignore[arg-type]
    return info.value


# ------------------------------------------------------------------ what a good file may hold
def test_rows_with_bom_header_comments_blank_lines_and_per_row_type() -> None:
    data = (
        "\ufeffcampaign_id,type\n"
        "# shift start\n"
        "\n"
        "3301,predictive\n"
        "3303\n"
        "  12&api=stop , Preview \n"
        "Campana-N,\n"
    ).encode()
    rows = parse_campaign_rows(data, default_type=Q)
    assert rows == [(4, "3301", Q), (5, "3303", Q), (6, "12&api=stop", P), (7, "Campana-N", Q)]


def test_without_bom_without_header_semicolons_and_crlf() -> None:
    rows = parse_campaign_rows(b"3301;preview\r\n3302;predictive\r\n")
    assert rows == [(1, "3301", P), (2, "3302", Q)]


def test_rows_without_type_kept_open_when_asked() -> None:
    assert parse_campaign_rows(b"3301\n3302,preview\n", require_type=False) == [
        (1, "3301", None), (2, "3302", P)
    ]


@pytest.mark.parametrize(
    "header",
    ["campaign_id,type", "Campaign ID;Tipo", "CAMPAIGN_ID", "id_campaña;tipo_de_campaña",
     "id,campaign-type", "Campaña", "campaign_id,"],
)
def test_known_headers_in_any_case_and_either_language(header: str) -> None:
    data = f"# exported from the planning sheet\n\n{header}\n0032,preview\n".encode()
    assert parse_campaign_rows(data) == [(4, "0032", P)]


def test_ids_that_are_not_numbers_a_spreadsheet_changed_are_kept() -> None:
    data = b"0032,preview\n3301-A,preview\n33.5.1,preview\n12&api=stop,preview\n3301,preview\n"
    assert [r[1] for r in parse_campaign_rows(data)] == [
        "0032", "3301-A", "33.5.1", "12&api=stop", "3301"
    ]


def test_line_numbers_are_the_ones_an_editor_shows() -> None:
    # \f and \x1c are line breaks to str.splitlines(), not to a text editor
    info = refusal(b"3301,preview\n3302,preview \x0c\n3303,nope\n")
    assert info.message.startswith("Line 3 ")


# ------------------------------------------------------------------ bad rows
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
    info = refusal(data)
    assert info.reason is reason
    assert f"Line {line} " in info.message


@pytest.mark.parametrize(
    ("row", "shown", "what"),
    [
        ("3301.0,preview", "3301.0", "a decimal point was added"),
        ("3301.00;preview", "3301.00", "a decimal point was added"),
        ("3301,0;preview", "3301,0", "a decimal comma was added"),  # Excel in Spanish
        ("3301,0", "3301,0", "a decimal comma was added"),  # unquoted: split at the comma
        ("3.301E+03,preview", "3.301E+03", "scientific notation, which can lose digits"),
        ("3,30E+03;predictive", "3,30E+03", "scientific notation"),
        ("3.3E3,preview", "3.3E3", "scientific notation"),
        ('"3,301",preview', "3,301", "a thousands separator was added"),
        ("3,301,preview", "3,301", "a thousands separator was added"),  # unquoted
        ("3,301", "3,301", "a thousands separator was added"),
        ("1,234,567,preview", "1,234,567", "a thousands separator was added"),
        ("3.301;preview", "3.301", "a thousands separator was added"),  # Spanish grouping
        ("3\u00a0301;preview", "3\u00a0301", "a thousands separator was added"),
    ],
)
def test_an_id_a_spreadsheet_turned_into_a_number_is_refused_with_its_line(
    row: str, shown: str, what: str
) -> None:
    data = f"campaign_id,type\n3300,preview\n{row}\n3302,preview\n".encode()
    info = refusal(data)
    assert info.reason is Reason.BAD_CAMPAIGN_ID
    assert info.message.startswith(f"Line 3 of the campaigns file: {shown!r} {EXCEL} (")
    assert what in info.message
    assert info.message.endswith("format the column as Text and save the file again.")


@pytest.mark.parametrize("row", ["'3301,preview", "'0032", "\u20193301;preview"])
def test_the_apostrophe_that_marks_text_is_refused(row: str) -> None:
    info = refusal(f"3300,preview\n{row}\n".encode(), default_type=P)
    assert info.message.startswith("Line 2 of the campaigns file: ")
    assert "starts with an apostrophe, the mark Excel uses for text" in info.message
    assert "format the column as Text" in info.message


@pytest.mark.parametrize(
    ("header", "named"),
    [
        ("campaign_id,name", "'name'"),
        ("campaign_id,type,name", "'name'"),
        ("id;tipo;velocidad", "'velocidad'"),
    ],
)
def test_a_header_with_a_column_this_app_does_not_know_is_reported(
    header: str, named: str
) -> None:
    info = refusal(f"\n# plan\n{header}\n3301,preview\n".encode())
    assert info.message.startswith(
        "Line 3 of the campaigns file is a header with a column this app does not know "
        f"({named}): the columns are campaign_id and optionally type."
    )


@pytest.mark.parametrize(
    ("first", "sentence"),
    [
        ("Campaign number,type", "looks like a header, but 'Campaign number' is not a column"),
        ("type,campaign_id", "looks like a header, but 'type' is not a column"),
        ("Campañas", "is neither a campaign (there is no campaign ID in 'Campañas')"),
        ("Campaign,Kind", "is a header with a column this app does not know ('Kind')"),
        ("Lista de campañas para el turno", "nor a header this app knows"),
    ],
)
def test_an_unrecognised_first_row_is_reported_not_skipped(first: str, sentence: str) -> None:
    info = refusal(f"{first}\n3301,preview\n3302,preview\n".encode())
    assert info.reason is Reason.BAD_CAMPAIGN_ID
    assert info.message.startswith("Line 1 of the campaigns file ")
    assert sentence in info.message


# ------------------------------------------------------------------ limits
def test_a_file_of_exactly_the_limits_is_read() -> None:
    rows = b"".join(b"%d,preview\n" % (1000 + i) for i in range(MAX_CAMPAIGNS))
    padding = b"#" * (MAX_FILE_BYTES - len(rows) - 1) + b"\n"
    data = padding + rows
    assert len(data) == MAX_FILE_BYTES
    parsed = parse_campaign_rows(data)
    assert len(parsed) == MAX_CAMPAIGNS
    assert parsed[-1] == (MAX_CAMPAIGNS + 1, str(1000 + MAX_CAMPAIGNS - 1), P)


def test_one_campaign_too_many_is_refused_naming_the_line() -> None:
    data = b"campaign_id,type\n" + b"".join(
        b"%d,preview\n" % (1000 + i) for i in range(MAX_CAMPAIGNS + 1)
    )
    info = refusal(data)
    assert info.message == (
        "The campaigns file lists more than 10,000 campaigns (line 10002 is one too many), "
        "so nothing was sent. Split it into smaller files."
    )


def test_one_byte_over_a_megabyte_is_refused(tmp_path: Path) -> None:
    data = b"#" * MAX_FILE_BYTES + b"\n3301,preview\n"
    assert "is over 1 MB" in refusal(data).message
    big = tmp_path / "export.csv"
    big.write_bytes(b"3301,preview\n" + b"#" * (MAX_FILE_BYTES - 13) + b"!")
    with pytest.raises(InvalidInput) as info:
        read_campaign_file(big)
    assert info.value.message == (  # the file's name is not repeated: it was typed
        "The campaigns file is over 1 MB: too big to be a list of campaigns, "
        "so nothing was sent. Check that it is the right file, or split it."
    )
    big.write_bytes(big.read_bytes()[:-1])  # exactly 1 MB: fine
    assert read_campaign_file(big)[:13] == b"3301,preview\n"


def test_a_huge_file_is_refused_without_reading_it_through(tmp_path: Path) -> None:
    huge = tmp_path / "disk-image.csv"
    with huge.open("wb") as fh:
        fh.truncate(8 * 1024**3)  # 8 GB (sparse): reading it whole would not end well
    with pytest.raises(InvalidInput, match="is over 1 MB"):
        read_campaign_file(huge)


def test_an_unreadable_path_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"cannot be read \(No such file or directory\)"):
        read_campaign_file(tmp_path / "missing.csv")
    with pytest.raises(InvalidInput, match="cannot be read"):
        read_campaign_file(tmp_path)  # a folder


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


# ------------------------------------------------------------- the command refuses, sends nothing
cli = cli_harness.cli  # the fixture of test_cli.py: main([...]) in-process, the simulator


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"campaign_id,type\n3302,predictive\n3.308E+03,preview\n",
         f"Line 3 of the campaigns file: '3.308E+03' {EXCEL}"),
        (b"3302;predictive\n3308,0;preview\n", f"Line 2 of the campaigns file: '3308,0' {EXCEL}"),
        (b"Campaigns for the morning\n3302,predictive\n",
         "Line 1 of the campaigns file is neither a campaign"),
        (b"campaign_id,type,name\n3302,predictive,Sur\n",
         "Line 1 of the campaigns file is a header with a column this app does not know"),
        (b"#" * (MAX_FILE_BYTES + 1), "is over 1 MB"),
        (b"".join(b"%d,preview\n" % i for i in range(MAX_CAMPAIGNS + 1)),
         "more than 10,000 campaigns (line 10001 is one too many)"),
    ],
)
def test_the_command_refuses_a_bad_file_before_anything_is_sent(
    cli: Cli, simulator: Simulator, tmp_path: Path, content: bytes, expected: str
) -> None:
    ids = tmp_path / "ids.csv"
    ids.write_bytes(content)
    ran = cli("start", "--server", "0032", "--campaign", "3306", "--type", "preview",
              "--from-file", str(ids))
    assert ran.code == 2
    assert expected in ran.err
    assert simulator.requests == []  # not even the --campaign given before the file


def test_the_command_runs_a_good_file_from_a_spanish_excel(
    cli: Cli, simulator: Simulator, tmp_path: Path
) -> None:
    ids = tmp_path / "campañas.csv"
    ids.write_bytes("\ufeffId Campaña;Tipo\r\n3302;Predictive\r\n3308;preview\r\n".encode())
    ran = cli("start", "--server", "0032", "--from-file", str(ids))
    assert ran.code == 0, ran.err
    assert [r.query["campaign_id"] for r in simulator.requests if r.method == "PUT"] == [
        "3302", "3308"
    ]
