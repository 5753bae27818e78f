"""The ``wolkvox`` command, in-process (``main([...])``), against the simulator.

The token comes from ``WOLKVOX_TOKEN`` and the calls go to the simulator through
``WOLKVOX_API_BASE``, exactly as a script would use them. Keyring reads land in the test
suite's private Secret Service (tests/support/keyring_bus.py); keyring tests proper are in
test_cli_keyring.py.
"""

from __future__ import annotations

import csv
import io
import json
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.cli import main
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.simulator import SimCampaign, Simulator

JSON_KEYS = {"ok", "outcome", "http_status", "code", "error", "msg", "duration_ms"}


@dataclass
class Ran:
    code: int
    out: str
    err: str

    def json_lines(self) -> list[dict[str, object]]:
        return [json.loads(line) for line in self.out.splitlines() if line.strip()]


Cli = Callable[..., Ran]


@pytest.fixture
def cli(
    simulator: Simulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Cli:
    monkeypatch.setenv("WOLKVOX_API_BASE", simulator.base_url)
    monkeypatch.setenv("WOLKVOX_TOKEN", DEMO_TOKEN)

    def run(*args: str, stdin: str | None = None) -> Ran:
        capsys.readouterr()
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(args))
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        return Ran(code, captured.out, captured.err)

    return run


def calls(sim: Simulator, api: str = "start") -> list[str]:
    return [r.query.get("campaign_id", "") for r in sim.requests if r.api == api]


# ------------------------------------------------------------------- single calls


def test_start_ok_prints_one_line_and_exits_0(cli: Cli, simulator: Simulator) -> None:
    ran = cli("start", "--server", "0032", "--type", "predictive", "--campaign", "3302")
    assert ran.code == 0
    assert simulator.campaign("3302").started
    line = ran.out.strip()
    assert "\n" not in line
    assert line.startswith("start 3302 (predictive): ok: ")
    assert "HTTP 202" in line and "code 202" in line and " ms)" in line
    assert "The 3302 campaign_id has been started successfully" in line
    # one line on stderr, because WOLKVOX_API_BASE is set: where the call went
    assert ran.err == (
        f"Note: WOLKVOX_API_BASE is set: calls go to the test server {simulator.base_url}, "
        "not to Wolkvox.\n"
    )


def test_stop_json_is_exactly_one_object_with_the_seven_keys(
    cli: Cli, simulator: Simulator
) -> None:
    ran = cli("stop", "--server", "wv0032", "--type", "predictive", "--campaign", "3301",
              "--json")
    assert ran.code == 0
    (obj,) = ran.json_lines()
    assert set(obj) == JSON_KEYS
    assert obj["ok"] is True and obj["outcome"] == "ok"
    assert (obj["http_status"], obj["code"], obj["error"]) == (202, 202, None)
    assert obj["msg"] == "The 3301 campaign_id has been stopped successfully"
    assert isinstance(obj["duration_ms"], int)
    assert not simulator.campaign("3301").started


def test_a_literal_id_with_query_syntax_arrives_as_one_value(
    cli: Cli, simulator: Simulator
) -> None:
    simulator.add_campaign(SimCampaign("12&api=stop", "Trampa", "preview"))
    ran = cli("start", "--server", "0032", "--type", "preview", "--campaign", "12&api=stop",
              "--json")
    assert ran.code == 0, ran
    (request,) = simulator.requests
    assert request.query == {"api": "start", "type_campaign": "preview",
                             "campaign_id": "12&api=stop"}
    assert simulator.campaign("12&api=stop").started


def test_refused_exits_3(cli: Cli, simulator: Simulator) -> None:
    ran = cli("start", "--server", "0032", "--type", "preview", "--campaign", "9999")
    assert ran.code == 3
    assert ran.out == ""
    assert "refused by Wolkvox" in ran.err and "HTTP 400" in ran.err
    assert "THE CAMPAIGN_ID DOES NOT EXIST" in ran.err


def test_a_wrong_token_is_refused_and_never_printed(
    cli: Cli, simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WOLKVOX_TOKEN", "wrong-secret-4f9a")
    ran = cli("start", "--server", "0032", "--type", "preview", "--campaign", "3303", "--json")
    assert ran.code == 3
    assert ran.json_lines()[0]["msg"] == "PLEASE VALIDATE TOKEN"
    assert "wrong-secret-4f9a" not in ran.out + ran.err
    log_text = "".join(p.read_text() for p in store_path().parent.rglob("*.log"))
    assert "wrong-secret-4f9a" not in log_text


def test_not_delivered_exits_4(
    cli: Cli, simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("WOLKVOX_API_BASE", f"http://127.0.0.1:{port}")
    ran = cli("start", "--server", "0032", "--type", "preview", "--campaign", "3303", "--json")
    assert ran.code == 4
    obj = ran.json_lines()[0]
    assert set(obj) == JSON_KEYS and obj["outcome"] == "undelivered" and obj["ok"] is False


@pytest.mark.parametrize("fault", ["html_502", "malformed_json", "reset"])
def test_outcome_unknown_exits_5(cli: Cli, simulator: Simulator, fault: str) -> None:
    setattr(simulator.faults, fault, True)
    ran = cli("start", "--server", "0032", "--type", "preview", "--campaign", "3303")
    assert ran.code == 5
    assert "outcome unknown" in ran.err
    assert len(simulator.requests) == 1  # never retried


def test_read_timeout_from_the_option_gives_unknown(cli: Cli, simulator: Simulator) -> None:
    simulator.faults.hang = True
    ran = cli("start", "--server", "0032", "--type", "preview", "--campaign", "3303",
              "--timeout", "1", "--json")
    assert ran.code == 5
    assert ran.json_lines()[0]["outcome"] == "unknown"
    history = Store(store_path())
    try:
        (row,) = history.history()
    finally:
        history.close()
    assert row.outcome == "unknown" and row.campaign_id == "3303"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--server", "0032.evil.com", "--type", "preview", "--campaign", "1"], "server code"),
        (["--server", "0032", "--type", "fast", "--campaign", "1"], "preview' or 'predictive"),
        (["--server", "0032", "--type", "preview", "--campaign", "  "], "campaign ID"),
        (["--server", "0032", "--type", "preview"], "at least one campaign"),
        (["--server", "0032", "--campaign", "77"], "type of campaign 77"),
        (["--server", "0032", "--type", "preview", "--campaign", "1", "--campaign", "1"],
         "listed twice"),
    ],
)
def test_invalid_input_exits_2_and_sends_nothing(
    cli: Cli, simulator: Simulator, args: list[str], needle: str
) -> None:
    ran = cli("start", *args)
    assert ran.code == 2
    assert needle in ran.err
    assert ran.out == ""
    assert simulator.requests == []
    ran = cli("start", *args, "--json")
    assert ran.code == 2
    (obj,) = ran.json_lines()
    assert set(obj) == JSON_KEYS and obj["outcome"] == "invalid" and needle in str(obj["msg"])


@pytest.mark.keyring
def test_no_token_exits_2_with_how_to_save_one(
    cli: Cli, simulator: Simulator, monkeypatch: pytest.MonkeyPatch, secret_service: object
) -> None:
    monkeypatch.delenv("WOLKVOX_TOKEN")
    ran = cli("start", "--server", "0032", "--type", "preview", "--campaign", "3303")
    assert ran.code == 2  # a test server without WOLKVOX_TOKEN: the keyring is not read
    assert "WOLKVOX_API_BASE is set" in ran.err and "Set WOLKVOX_TOKEN" in ran.err
    monkeypatch.delenv("WOLKVOX_API_BASE")  # Wolkvox itself: refused before any connection
    ran = cli("start", "--server", "0032", "--type", "preview", "--campaign", "3303")
    assert ran.code == 2
    assert "No token is saved for operation 0032" in ran.err
    assert "wolkvox token set --server 0032" in ran.err and "WOLKVOX_TOKEN" in ran.err
    assert simulator.requests == []


@pytest.mark.parametrize(
    "base", ["http://example.com", "http://10.0.0.8:8080", "http://127.0.0.1:9/api"]
)
def test_an_api_base_off_this_computer_exits_2(
    cli: Cli, simulator: Simulator, monkeypatch: pytest.MonkeyPatch, base: str
) -> None:
    monkeypatch.setenv("WOLKVOX_API_BASE", base)
    ran = cli("campaigns", "--server", "0032")
    assert ran.code == 2
    assert "WOLKVOX_API_BASE" in ran.err and "loopback" in ran.err and "Nothing was sent" in ran.err
    assert simulator.requests == []


@pytest.mark.parametrize(
    "args",
    [[], ["start"], ["start", "--campaign", "1"], ["frobnicate"], ["token"],
     ["start", "--server", "0032", "--timeout", "-1", "--campaign", "1"],
     ["history", "--since", "last tuesday"]],
)
def test_usage_errors_exit_2(cli: Cli, simulator: Simulator, args: list[str]) -> None:
    ran = cli(*args)
    assert ran.code == 2
    assert "usage:" in ran.err
    assert simulator.requests == []


def test_a_token_given_as_an_argument_is_refused_and_not_echoed(cli: Cli) -> None:
    ran = cli("token", "set", "--server", "0032", "s3cret-on-the-command-line")
    assert ran.code == 2
    assert "never taken from the command line" in ran.err
    assert "s3cret-on-the-command-line" not in ran.out + ran.err


def test_help_documents_exit_codes_and_json_lines(cli: Cli) -> None:
    ran = cli("--help")
    assert ran.code == 0
    assert "exit codes:" in ran.out and "5  outcome unknown" in ran.out
    ran = cli("start", "--help")
    assert ran.code == 0
    assert "JSON Lines" in ran.out and "--keep-going" in ran.out


def test_only_the_named_command_is_built_and_help_still_lists_them_all(cli: Cli) -> None:
    from wolkvox_desktop.cli.parser import COMMANDS, build_parser, command_named

    assert command_named(["start", "--server", "0032"]) == "start"
    assert command_named(["plan", "run", "x"]) == "plan"
    for args in ([], ["--help"], ["--version", "start"], ["strat"], ["0032", "start"]):
        assert command_named(args) is None
    subparsers = build_parser(["stop", "--server", "1"])._subparsers
    assert subparsers is not None
    (action,) = subparsers._group_actions
    assert list(action.choices) == ["stop"]  # type: ignore[union-attr]
    ran = cli("--help")
    listed = {line.split()[0] for line in ran.out.splitlines() if line.startswith("    ")}
    assert set(COMMANDS) <= listed
    ran = cli("strat", "--server", "0032")  # a mistyped command: every choice is named
    assert ran.code == 2 and all(f" {name}" in ran.err for name in COMMANDS)
    assert "strat" not in ran.err
    assert "0032" not in ran.err



def test_a_collector_paused_for_the_start_up_runs_again_when_the_calls_begin(
    cli: Cli, simulator: Simulator
) -> None:
    # what the program (cli.run_command) does before importing the command: pause the
    # cycle collector; a command without calls leaves it paused (it ends soon), a command
    # that calls turns it back on before the first call, however long the run will be
    import gc

    from wolkvox_desktop.cli import runtime

    gc.disable()
    runtime.state.gc_paused = True
    try:
        assert cli("usage", "--server", "0032").code == 0
        assert not gc.isenabled() and runtime.state.gc_paused
        ran = cli("start", "--server", "0032", "--type", "preview", "--campaign", "3303")
        assert ran.code == 0, ran.err
        assert gc.isenabled() and not runtime.state.gc_paused
    finally:
        runtime.state.gc_paused = False
        gc.enable()


# ------------------------------------------------------------------- bulk


def test_bulk_calls_in_the_given_order_one_at_a_time(cli: Cli, simulator: Simulator) -> None:
    simulator.faults.latency = 0.02
    ids = ["3308", "3303", "3306"]
    args = [a for cid in ids for a in ("--campaign", cid)]
    ran = cli("start", "--server", "0032", "--type", "preview", *args)
    assert ran.code == 0, ran.err
    assert calls(simulator) == ids
    assert simulator.max_concurrency_for(DEMO_TOKEN) == 1
    lines = ran.out.splitlines()
    assert [ln.split(" ")[0] for ln in lines[:3]] == ["[1/3]", "[2/3]", "[3/3]"]
    assert "3308" in lines[0] and "3306" in lines[2]
    assert lines[3] == "start: 3 campaigns: 3 ok."


def test_bulk_stops_at_the_first_failure_with_its_code(cli: Cli, simulator: Simulator) -> None:
    ran = cli("start", "--server", "0032", "--type", "preview",
              "--campaign", "3303", "--campaign", "9999", "--campaign", "3306")
    assert ran.code == 3
    assert calls(simulator) == ["3303", "9999"]
    assert "[1/3] start 3303 (preview): ok" in ran.out
    assert "[2/3] start 9999 (preview): refused by Wolkvox" in ran.err
    assert "1 not called (3306)" in ran.err
    assert not simulator.campaign("3306").started


def test_keep_going_calls_all_and_exits_with_the_worst(cli: Cli, simulator: Simulator) -> None:
    ran = cli("start", "--server", "0032", "--type", "preview", "--keep-going", "--json",
              "--campaign", "9999", "--campaign", "3303", "--campaign", "3301")
    # 9999 unknown id (refused), 3303 ok, 3301 is predictive (refused)
    assert calls(simulator) == ["9999", "3303", "3301"]
    assert ran.code == 3
    objs = ran.json_lines()
    assert [o["campaign"] for o in objs] == ["9999", "3303", "3301"]
    assert [o["outcome"] for o in objs] == ["refused", "ok", "refused"]
    assert all(set(o) == JSON_KEYS | {"campaign", "type"} for o in objs)

    simulator.clear_requests()
    simulator.faults.html_502 = True
    ran = cli("start", "--server", "0032", "--type", "preview", "--keep-going",
              "--campaign", "3305", "--campaign", "3306")
    assert calls(simulator) == ["3305", "3306"]  # an unknown outcome does not stop it
    assert ran.code == 5
    assert "0 ok, 2 failed" in ran.err


def test_from_file_with_bom_header_per_row_types_and_order(
    cli: Cli, simulator: Simulator, tmp_path: Path
) -> None:
    ids = tmp_path / "ids.csv"
    ids.write_bytes(
        "campaign_id,type\r\n# turno mañana\r\n3302,predictive\r\n3308\r\n\r\n3305,Predictive\r\n"
        .encode("utf-8-sig")
    )
    ran = cli("start", "--server", "0032", "--type", "preview", "--campaign", "3306",
              "--from-file", str(ids), "--json")
    assert ran.code == 0, ran.err
    assert calls(simulator) == ["3306", "3302", "3308", "3305"]
    assert [r.query["type_campaign"] for r in simulator.requests] == [
        "preview", "predictive", "preview", "predictive"
    ]
    assert [o["type"] for o in ran.json_lines()] == [
        "preview", "predictive", "preview", "predictive"
    ]


def test_a_bad_file_row_exits_2_naming_the_line_before_anything_is_sent(
    cli: Cli, simulator: Simulator, tmp_path: Path
) -> None:
    ids = tmp_path / "ids.csv"
    ids.write_text("3302,predictive\n3308,preview\n3305,quickly\n", encoding="utf-8")
    ran = cli("start", "--server", "0032", "--from-file", str(ids))
    assert ran.code == 2
    assert "Line 3 of the campaigns file" in ran.err
    assert simulator.requests == []
    ids.write_text("3302,predictive\n3308\n", encoding="utf-8")  # no type, no --type
    ran = cli("start", "--server", "0032", "--from-file", str(ids))
    assert ran.code == 2 and "Line 2 " in ran.err and "--type" in ran.err
    ran = cli("start", "--server", "0032", "--from-file", str(tmp_path / "missing.csv"))
    assert ran.code == 2 and "argument --from-file: there is no such file" in ran.err
    assert "missing.csv" not in ran.err  # a name typed is not repeated
    assert simulator.requests == []


def test_budget_refusal_then_yes(cli: Cli, simulator: Simulator) -> None:
    store = Store(store_path())
    try:
        store.upsert_operation(Operation("0032", licenses=1))
        earlier = CallResult(Outcome.OK, Reason.OK, "Listed.", 200, 200, None, "Data found", 3)
        for _ in range(998):
            store.finish_call(store.begin_call("0032", "campaigns"), earlier)
    finally:
        store.close()
    args = ["start", "--server", "0032", "--type", "preview",
            "--campaign", "3303", "--campaign", "3306", "--campaign", "3308"]
    ran = cli(*args)
    assert ran.code == 2
    assert "needs 3 token uses; 2 of today's 1000 are left" in ran.err
    assert "--yes" in ran.err
    assert simulator.requests == []
    ran = cli(*args, "--yes")
    assert ran.code == 0, ran.err
    assert calls(simulator) == ["3303", "3306", "3308"]
    assert "Going over today's token budget" in ran.err
    usage = cli("usage", "--server", "0032", "--json")
    assert usage.json_lines() == [{"server": "0032", "used": 1001, "budget": 1000,
                                   "remaining": 0, "near_limit": True, "exhausted": True}]


# ------------------------------------------------------------------- campaigns, usage


def test_campaigns_table_json_and_the_cached_types(cli: Cli, simulator: Simulator) -> None:
    ran = cli("campaigns", "--server", "0032")
    assert ran.code == 0
    lines = ran.out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "TYPE", "STATUS"]
    assert any(ln.startswith("3303") and "Renovación Ñandú" in ln and "preview" in ln
               and "stopped" in ln for ln in lines)
    assert "8 campaigns" in lines[-1] and "one token" in lines[-1]
    ran = cli("campaigns", "--server", "0032", "--json")
    (obj,) = ran.json_lines()
    assert JSON_KEYS <= set(obj) and obj["ok"] is True
    assert {"id": "3301", "name": "Cobranza Norte", "type": "predictive",
            "status": "started"} in obj["campaigns"]
    # the cached list gives the types: no --type needed
    ran = cli("start", "--server", "0032", "--campaign", "3303", "--campaign", "3305")
    assert ran.code == 0, ran.err
    assert [r.query["type_campaign"] for r in simulator.requests if r.api == "start"] == [
        "preview", "predictive"
    ]


def test_usage_counts_from_the_history_without_a_call(cli: Cli, simulator: Simulator) -> None:
    assert cli("start", "--server", "0032", "--type", "preview", "--campaign", "3303").code == 0
    assert cli("start", "--server", "0032", "--type", "preview", "--campaign", "9").code == 3
    simulator.clear_requests()
    ran = cli("usage", "--server", "0032")
    assert ran.code == 0
    assert "2 of 1000 token uses today" in ran.out and "998 left" in ran.out
    assert simulator.requests == []


def test_token_info_says_it_costs_a_token(cli: Cli, simulator: Simulator) -> None:
    ran = cli("token", "info", "--server", "0032")
    assert ran.code == 0
    assert "of a daily limit of 3000" in ran.out and "cost one token" in ran.out
    ran = cli("token", "info", "--server", "0032", "--json")
    (obj,) = ran.json_lines()
    assert JSON_KEYS <= set(obj) and obj["token_limit"] == 3000
    assert obj["token_use_today"] == 2  # each question counts itself
    assert [r.api for r in simulator.requests] == ["token_info", "token_info"]


# ------------------------------------------------------------------- history


def test_history_csv_round_trips_accents_and_commas(
    cli: Cli, simulator: Simulator, tmp_path: Path
) -> None:
    tricky = "Nandu, norte"  # campaign ids are plain ASCII; a comma and a space are fine
    simulator.add_campaign(SimCampaign(tricky, "Renovación", "preview"))
    assert cli("start", "--server", "0032", "--type", "preview", "--campaign", tricky).code == 0
    with Store(store_path()) as store:  # Wolkvox's words may carry accents
        refused = CallResult(Outcome.REFUSED, Reason.REFUSED_OTHER, "Campaña rechazada, sí.",
                             400, 400, "Error", "La campaña «Ñandú» no existe, revise", 4)
        store.finish_call(store.begin_call("0032", "start", "3309", "preview"), refused)
    out = tmp_path / "historial.csv"
    ran = cli("history", "--since", "today", "--csv", str(out))
    assert ran.code == 0 and "2 rows written" in ran.out
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 2
    assert rows[1]["campaign_id"] == tricky
    assert rows[1]["msg"] == f"The {tricky} campaign_id has been started successfully"
    assert rows[1]["outcome"] == "ok"
    assert rows[0]["msg"] == "La campaña «Ñandú» no existe, revise"
    assert rows[0]["message"] == "Campaña rechazada, sí."


def test_history_filters_json_and_table(cli: Cli, simulator: Simulator) -> None:
    assert cli("start", "--server", "0032", "--type", "preview", "--campaign", "3303").code == 0
    assert cli("stop", "--server", "0032", "--type", "preview", "--campaign", "3303").code == 0
    assert cli("start", "--server", "0032", "--type", "preview", "--campaign", "3306").code == 0
    ran = cli("history", "--json", "--campaign", "3303")
    objs = ran.json_lines()
    assert [(o["action"], o["outcome"]) for o in objs] == [("stop", "ok"), ("start", "ok")]
    assert objs[0]["server"] == "0032" and objs[0]["http_status"] == 202
    assert cli("history", "--json", "--until", "yesterday").json_lines() == []
    assert len(cli("history", "--json", "--since", "today", "--server", "0032")
               .json_lines()) == 3
    ran = cli("history")
    assert ran.code == 0
    lines = ran.out.splitlines()
    assert lines[0].split()[:6] == ["WHEN", "SERVER", "ACTION", "CAMPAIGN", "TYPE", "OUTCOME"]
    assert "3306" in lines[1] and "start" in lines[1]  # newest first
    assert cli("history", "--server", "x.evil").code == 2


def test_history_by_action_outcome_and_plan(cli: Cli, simulator: Simulator) -> None:
    assert cli("start", "--server", "0032", "--type", "preview", "--campaign", "3303").code == 0
    refused = cli("start", "--server", "0032", "--type", "preview", "--campaign", "3301")
    assert refused.code == 3  # 3301 is predictive
    assert cli("campaigns", "--server", "0032").code == 0
    assert cli("plan", "add", "Tarde", "--server", "0032", "--action", "stop", "--type",
               "preview", "--campaign", "3303").code == 0
    assert cli("plan", "run", "Tarde").code == 0

    def seen(*filters: str) -> list[tuple[str, str | None, str]]:
        ran = cli("history", "--json", *filters)
        assert ran.code == 0, ran.err
        return [(o["action"], o["campaign_id"], o["outcome"]) for o in ran.json_lines()]

    assert seen("--action", "start") == [("start", "3301", "refused"), ("start", "3303", "ok")]
    assert seen("--outcome", "refused") == [("start", "3301", "refused")]
    assert seen("--action", "campaigns") == [("campaigns", None, "ok")]
    assert seen("--plan", "Tarde") == [("stop", "3303", "ok")]
    assert seen("--action", "stop", "--outcome", "refused") == []
    wrong = cli("history", "--outcome", "s3cret-typo")
    assert wrong.code == 2 and "--outcome" in wrong.err and "s3cret-typo" not in wrong.err


def test_an_internal_error_is_a_sentence_not_a_traceback(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("WOLKVOX_DESKTOP_HOME", str(blocker / "home"))
    ran = cli("usage", "--server", "0032")
    assert ran.code == 1
    assert "cannot use" in ran.err and str(blocker) in ran.err


def test_a_store_from_a_newer_version_is_a_sentence_and_exit_1(cli: Cli) -> None:
    import sqlite3

    path = store_path()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    conn.close()
    ran = cli("history")
    assert ran.code == 1
    assert ran.err.strip() and "Traceback" not in ran.err


def test_a_bug_ends_in_a_sentence_exit_1_before_calls_and_5_during_them(
    cli: Cli, simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a bug cannot be produced for real: inject one, once before and once during the calls
    import wolkvox_desktop.cli.actions as cli_module

    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("injected bug")

    with monkeypatch.context() as patched:  # (undo() would also undo the test's data folder)
        patched.setattr(cli_module, "collect_items", broken)
        ran = cli("start", "--server", "0032", "--type", "preview", "--campaign", "3303")
    assert ran.code == 1
    assert "internal error" in ran.err and "wolkvox-desktop.log" in ran.err
    assert simulator.requests == []
    monkeypatch.setenv("WOLKVOX_API_BASE", simulator.base_url)
    monkeypatch.setenv("WOLKVOX_TOKEN", DEMO_TOKEN)
    from wolkvox_desktop.core.service import OperationService

    monkeypatch.setattr(OperationService, "campaign_action", broken)
    for many in ([], ["--campaign", "3306"]):  # one call, and a run of several
        ran = cli("start", "--server", "0032", "--type", "preview", "--campaign", "3303", *many)
        assert ran.code == 5
        assert "may or may not have reached Wolkvox" in ran.err
    log_text = "".join(p.read_text() for p in store_path().parent.rglob("*.log"))
    assert "injected bug" in log_text and DEMO_TOKEN not in log_text


def test_reads_past_the_budget_need_yes(cli: Cli, simulator: Simulator) -> None:
    store = Store(store_path())
    try:
        earlier = CallResult(Outcome.OK, Reason.OK, "Listed.", 200, 200, None, "Data found", 3)
        for _ in range(1000):
            store.finish_call(store.begin_call("0032", "campaigns"), earlier)
    finally:
        store.close()
    ran = cli("campaigns", "--server", "0032")
    assert ran.code == 2 and "used up (1000 of 1000)" in ran.err and "--yes" in ran.err
    ran = cli("token", "info", "--server", "0032", "--json")
    assert ran.code == 2 and ran.json_lines()[0]["outcome"] == "invalid"
    assert simulator.requests == []
    assert cli("campaigns", "--server", "0032", "--yes").code == 0
    assert cli("token", "info", "--server", "0032", "--yes").code == 0
    assert [r.api for r in simulator.requests] == ["campaigns", "token_info"]


# ------------------------------------------------------------------- operations


def test_operation_add_change_list_and_remove(cli: Cli) -> None:
    ran = cli("operation", "add", "--server", "wv0041", "--name", "Cobranza Sur",
              "--licenses", "3", "--timeout", "45", "--in-flight", "2")
    assert ran.code == 0 and "Operation 0041 added" in ran.out
    ran = cli("operation", "add", "--server", "0041", "--licenses", "5")  # the rest stays
    assert ran.code == 0 and "updated" in ran.out
    ran = cli("operations", "--json")
    assert ran.code == 0
    assert json.loads(ran.out) == [{"server": "0041", "name": "Cobranza Sur", "licenses": 5,
                                    "timeout": 45.0, "in_flight": 2, "token": "environment"}]
    ran = cli("operations")
    assert ran.out.split("\n")[0].split()[:2] == ["SERVER", "NAME"]
    assert "0041" in ran.out and "Cobranza Sur" in ran.out
    store = Store(store_path())
    try:
        assert store.operation("0041") == Operation("0041", "Cobranza Sur", 5, 45.0, 2)
    finally:
        store.close()
    assert cli("usage", "--server", "0041", "--json").json_lines()[0]["budget"] == 5000
    ran = cli("operation", "remove", "--server", "0041")
    assert ran.code == 0 and "removed" in ran.out
    assert json.loads(cli("operations", "--json").out) == []


@pytest.mark.parametrize(
    "args",
    [["operation", "add", "--server", "0041", "--in-flight", "3"],
     ["operation", "add", "--server", "0041", "--licenses", "0"],
     ["operation", "add", "--server", "0041", "--timeout", "601"],
     ["operation", "add", "--server", "00 41"]],
)
def test_operation_add_refuses_values_out_of_the_limits(cli: Cli, args: list[str]) -> None:
    assert cli(*args).code == 2
    assert json.loads(cli("operations", "--json").out) == []


@pytest.mark.parametrize(
    "args",
    [["token", "set", "--server", "0032", "--token=S3CRET-value"],
     ["start", "--server", "0032", "--token", "S3CRET-value", "--campaign", "1"],
     ["S3CRET-value"],
     ["history", "--limit", "S3CRET-value"]],
)
def test_a_value_typed_in_the_wrong_place_is_never_echoed(cli: Cli, args: list[str]) -> None:
    ran = cli(*args)
    assert ran.code == 2
    assert "S3CRET-value" not in ran.out + ran.err
    assert "usage:" in ran.err
