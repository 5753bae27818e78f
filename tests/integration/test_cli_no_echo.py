"""Nothing typed is echoed (issue 16, point 7), and values are plain at the edge (point 10),
through the ``wolkvox`` command.

Every option that takes a value, of every subcommand, is found by walking the full parser
(every command built, as for ``--help``): each is given a unique, secret-looking bad value,
as ``--opt VALUE``, ``--opt=VALUE``, a unique abbreviation and an ambiguous prefix where one
exists, and a variant with quotes (Python's repr then switches to double quotes). The value
must appear nowhere on stdout, stderr or in the log; the exit code is 2; the sentence names
the option; nothing reaches the simulator. A handful run as real processes too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integration import test_cli as cli_harness
from tests.integration.test_cli import Cli
from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.cli.parser import Parser, build_parser
from wolkvox_desktop.core.logsetup import log_file_path
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.plans import Plan
from wolkvox_desktop.core.store import Store
from wolkvox_desktop.simulator import Simulator

cli = cli_harness.cli  # main([...]) in-process, WOLKVOX_API_BASE/WOLKVOX_TOKEN set
CLI = [sys.executable, "-m", "wolkvox_desktop.cli"]

#: good values for the options a command needs besides the one under test (by dest)
GOOD = {"server": "0032", "action": "start", "name": "Turno", "campaign": "3301",
        "speed": "55"}


def bad_value(dest: str, secret: str, folder: Path) -> str:
    """A value ``dest`` refuses, holding ``secret``. A test fails for an option not here:
    a new option must say what a bad value of its own is."""
    bad = {
        # words checked against a list or a rule: any secret-looking word is bad
        **dict.fromkeys(("command", "token_command", "operation_command", "plan_command",
                         "server", "campaign_type", "timeout", "licenses", "in_flight",
                         "since", "until", "action", "outcome", "limit", "at", "days",
                         "stray", "schedule_action", "watch", "speed", "speeds"), secret),
        "campaign": secret + "З",  # a Cyrillic letter: not a plain campaign id
        "name": secret + "\x07",  # a control character: no plan or operation name
        "plan": secret + "\x07",
        "from_file": str(folder / secret),  # no such file
        "file": str(folder / "no-such-folder" / secret),  # neither read nor written
        "csv": str(folder / "no-such-folder" / secret),
    }
    return bad[dest]


@dataclass(frozen=True)
class Option:
    path: tuple[str, ...]  # the command words before it
    parser: argparse.ArgumentParser
    action: argparse.Action

    @property
    def name(self) -> str:
        """How a refusal names it: its long option string, or its metavar."""
        if self.action.option_strings:
            return max(self.action.option_strings, key=len)
        return str(self.action.metavar or self.action.dest)

    def needed(self) -> list[str]:
        """The other arguments its command requires, with good values."""
        words: list[str] = []
        for other in self.parser._actions:
            if other is self.action or other.nargs == 0:
                continue
            if other.option_strings and other.required:
                words += [max(other.option_strings, key=len), GOOD[other.dest]]
            elif not other.option_strings and other.nargs is None:
                words.append(GOOD[other.dest])
        return words

    def prefixes(self) -> tuple[str | None, str | None]:
        """(a unique abbreviation, an ambiguous prefix) of its option string, if any."""
        if not self.action.option_strings:
            return None, None
        mine = max(self.action.option_strings, key=len)
        others = [s for s in self.parser._option_string_actions if s != mine]
        unique = ambiguous = None
        for end in range(3, len(mine)):
            prefix = mine[:end]
            sharing = [s for s in others if s.startswith(prefix)]
            if sharing:
                ambiguous = prefix
            elif unique is None:
                unique = prefix
        return unique, ambiguous


def value_options(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
                  ) -> Iterator[Option]:
    for action in parser._actions:
        if action.nargs == 0:  # --help, --version, --json, --yes, ...
            continue
        yield Option(path, parser, action)
        if isinstance(action, argparse._SubParsersAction):
            for word, sub in action.choices.items():
                yield from value_options(sub, (*path, word))


ALL = list(value_options(build_parser([])))


def test_the_walk_finds_every_command_and_option() -> None:
    assert isinstance(build_parser([]), Parser)
    commands = {o.path for o in ALL}
    assert ("plan", "add") in commands and ("token", "set") in commands
    assert ("operation", "add") in commands and ("history",) in commands
    names = {(o.path, o.name) for o in ALL}
    for expected in [(("start",), "--server"), (("stop",), "--from-file"),
                     (("plan", "add"), "--days"), (("history",), "--outcome"),
                     (("operation", "add"), "--in-flight"), ((), "COMMAND"),
                     (("plan", "import"), "FILE"), (("plan", "run"), "NAME")]:
        assert expected in names
    assert len(ALL) >= 45


def forms(option: Option, value: str) -> list[list[str]]:
    """The ways the value may be typed for this option."""
    if not option.action.option_strings:
        return [[value]]
    name = option.name
    typed = [[name, value], [f"{name}={value}"]]
    unique, ambiguous = option.prefixes()
    if unique is not None:
        typed.append([f"{unique}={value}"])
    if ambiguous is not None:
        typed.append([f"{ambiguous}={value}"])
        typed.append([ambiguous, value])
    return typed


def check_refused(ran: cli_harness.Ran, secret: str, option: Option, words: list[str]) -> None:
    shown = ran.out + ran.err
    assert secret not in shown, (words, shown)
    assert ran.code == 2, (words, ran)
    expected = "command line" if option.action.dest == "stray" else option.name
    assert expected in ran.err, (words, ran.err)
    assert "Traceback" not in shown and "internal error" not in shown


@pytest.mark.parametrize("option", ALL, ids=lambda o: " ".join((*o.path, o.name)))
def test_a_bad_value_of_any_option_is_refused_without_being_echoed(
    cli: Cli, simulator: Simulator, tmp_path: Path, option: Option
) -> None:
    number = ALL.index(option)
    plain = f"S3cr3tV4lue{number:02d}q"
    quoted = f"it's \"S3cr3tQ{number:02d}\" x"  # repr() then uses double quotes
    cases = 0
    for secret in (plain, quoted):
        value = bad_value(option.action.dest, secret, tmp_path)
        for typed in forms(option, value):
            if isinstance(option.action, argparse._SubParsersAction):
                words = [*option.path, *typed]
            else:
                words = [*option.path, *option.needed(), *typed]
            check_refused(cli(*words), secret.split('"')[1] if '"' in secret else secret,
                          option, words)
            cases += 1
    assert cases >= 2
    assert simulator.requests == []
    log = log_file_path()
    if option.action.dest == "stray":  # refused by `token set` itself, which logs nothing
        logged = log.read_text(encoding="utf-8") if log.exists() else ""
    else:  # the parser's refusals are in the log...
        logged = log.read_text(encoding="utf-8")
        assert "the command line was refused" in logged
    assert plain not in logged and "S3cr3tQ" not in logged  # ...without the value


def test_the_seven_reported_leaks_are_closed(cli: Cli, simulator: Simulator) -> None:
    secret = "Tok3nPastedHere"
    add = ["plan", "add", "Turno", "--server", "0032", "--type", "preview", "--campaign", "1"]
    cases = {
        "ambiguous option": ["start", "--server", "0032", f"--t={secret}", "--campaign", "1"],
        "argument --type": ["start", "--server", "0032", f"--type={secret}", "--campaign", "1"],
        "argument --at": [*add, "--action", "start", "--at", secret],
        "argument --days": [*add, "--action", "start", "--at", "07:00", "--days", secret],
        "argument --action": ["history", "--action", secret],
        "argument --outcome": ["history", "--outcome", secret],
        "argument --action: must be one of: start, stop": [*add, "--action",
                                                           f"it's \"{secret}\" now"],
    }
    for needle, words in cases.items():
        ran = cli(*words)
        assert ran.code == 2, words
        assert secret not in ran.out + ran.err, ran.err
        assert needle in ran.err, ran.err
    assert simulator.requests == []


def test_a_call_with_json_still_gets_its_invalid_object(cli: Cli, simulator: Simulator) -> None:
    ran = cli("start", "--server", "0032", "--type", "preview", "--campaign", "S3cr3tЗ",
              "--json")
    assert ran.code == 2
    (obj,) = ran.json_lines()
    assert obj["ok"] is False and obj["outcome"] == "invalid"
    assert str(obj["msg"]).startswith("argument --campaign: character 7 of the campaign ID")
    assert "S3cr3t" not in ran.out + ran.err
    ran = cli("history", "--json", "--limit", "S3cr3t")  # not a call: no call object
    assert ran.code == 2 and ran.out == ""
    assert simulator.requests == []


def test_a_plan_name_that_is_not_there_is_not_repeated(cli: Cli) -> None:
    for words in (["plan", "run", "S3cr3tName"], ["plan", "remove", "S3cr3tName"]):
        ran = cli(*words)
        assert ran.code == 2 and "No plan has the name given" in ran.err
        assert "S3cr3tName" not in ran.out + ran.err


def test_unknown_options_are_named_only_when_they_look_like_options(cli: Cli) -> None:
    ran = cli("history", "--token=S3cr3tValue")
    assert ran.code == 2 and "unknown option --token" in ran.err and "S3cr3t" not in ran.err
    ran = cli("history", "-S3cr3tValue")
    assert ran.code == 2 and "an unknown option" in ran.err and "S3cr3t" not in ran.err
    ran = cli("history", "--json=S3cr3tValue")
    assert ran.code == 2 and "argument --json: takes no value" in ran.err
    assert "S3cr3t" not in ran.err


def test_a_file_error_with_a_file_named_on_the_command_line_does_not_repeat_it(
    tmp_path: Path,
) -> None:
    from wolkvox_desktop.cli.command import _named_on_the_command_line

    typed = tmp_path / "S3cr3tName.json"
    args = argparse.Namespace(command="plan", file=str(typed))
    beside = OSError(28, "No space left on device", str(tmp_path / ".S3cr3tName.json.x1.tmp"))
    assert _named_on_the_command_line(beside, args)
    data = OSError(28, "No space left on device", str(tmp_path / "wolkvox-desktop.sqlite3"))
    assert not _named_on_the_command_line(data, args)
    stdout = argparse.Namespace(command="plan", file="-")
    assert not _named_on_the_command_line(data, stdout)


# ------------------------------------------------------------------ point 10 through the CLI
NOT_PLAIN = ["３３０１", "З301", '="3301"']


@pytest.mark.parametrize("typed", NOT_PLAIN)
def test_a_campaign_id_that_is_not_plain_is_refused_before_anything_is_sent(
    cli: Cli, simulator: Simulator, tmp_path: Path, typed: str
) -> None:
    start = ["start", "--server", "0032", "--type", "preview"]
    ran = cli(*start, "--campaign", typed)
    assert ran.code == 2 and "argument --campaign: " in ran.err
    ids = tmp_path / "ids.csv"
    ids.write_text(f"campaign_id\n3303\n{typed}\n", encoding="utf-8")
    ran = cli(*start, "--from-file", str(ids))
    assert ran.code == 2 and "Line 3 of the campaigns file: " in ran.err
    ran = cli("plan", "add", "Turno", "--server", "0032", "--action", "start", "--type",
              "preview", "--campaign", "3303", "--campaign", typed)
    assert ran.code == 2 and "argument --campaign: " in ran.err
    plans = tmp_path / "plans.json"
    plans.write_text(json.dumps([{"name": "Turno", "server": "0032", "action": "start",
                                  "campaigns": [{"id": typed, "type": "preview"}]}]),
                     encoding="utf-8")
    ran = cli("plan", "import", str(plans))
    assert ran.code == 2 and "Plan 1 ('Turno') of the plans file: Campaign 1: " in ran.err
    assert json.loads(cli("plan", "list", "--json").out) == []
    assert simulator.requests == []


@pytest.mark.parametrize(
    "words",
    [["start", "--server", "0032", "--type", "preview", "--campaign", "1", "--timeout", "１０"],
     ["history", "--limit", "５"],
     ["history", "--since", "２０２６-01-01"],
     ["operation", "add", "--server", "0032", "--in-flight", "２"],
     ["operation", "add", "--server", "0032", "--licenses", "２"],
     ["start", "--server", "００３２", "--type", "preview", "--campaign", "1"]],
)
def test_numbers_are_plain_digits(cli: Cli, simulator: Simulator, words: list[str]) -> None:
    ran = cli(*words)
    assert ran.code == 2 and "argument --" in ran.err
    assert simulator.requests == []
    assert json.loads(cli("operations", "--json").out) == []


def test_plans_files_too_deep_or_with_a_huge_number_are_a_sentence(
    cli: Cli, simulator: Simulator, tmp_path: Path
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    ran = cli("plan", "import", str(deep))
    assert ran.code == 2 and "nested more than 20 levels deep" in ran.err
    huge = tmp_path / "huge.json"
    huge.write_text('{"format": "wolkvox-desktop-plans", "version": VERSION, "plans": []}'
                    .replace("VERSION", "7" * 5000), encoding="utf-8")
    ran = cli("plan", "import", str(huge))
    assert ran.code == 2 and "a number of more than 30 digits" in ran.err
    assert "internal error" not in ran.err
    assert simulator.requests == []


def test_a_plan_typed_decomposed_is_the_plan_saved_composed(
    cli: Cli, simulator: Simulator
) -> None:
    composed, decomposed = "Mañana", "Man\u0303ana"
    add = ["plan", "add", "--server", "0032", "--action", "start", "--type", "preview"]
    assert cli(*add, composed, "--campaign", "3303").code == 0
    again = cli(*add, decomposed, "--campaign", "3306")
    assert again.code == 2 and "already exists" in again.err  # one plan, not two
    ran = cli("plan", "run", decomposed)
    assert ran.code == 0, ran.err
    assert [r.query["campaign_id"] for r in simulator.requests] == ["3303"]
    history = cli("history", "--json", "--plan", decomposed).json_lines()
    assert [h["plan"] for h in history] == [composed]
    assert cli("plan", "remove", decomposed.upper()).code == 0
    with Store(store_path()) as store:
        assert store.plans() == []


# ------------------------------------------------------------------ real processes
def run_cli(words: list[str], sim: Simulator) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(WOLKVOX_API_BASE=sim.base_url, WOLKVOX_TOKEN=DEMO_TOKEN,
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    proc = subprocess.run([*CLI, *words], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert "Traceback" not in proc.stderr
    return proc


def test_real_processes_echo_nothing_and_log_nothing_typed(
    simulator: Simulator, tmp_path: Path
) -> None:
    secret = "Tok3n-0f-the-0peration"
    cases = [
        (["start", "--server", "0032", f"--t={secret}", "--campaign", "1"], "--type"),
        (["history", "--action", f"it's \"{secret}\""], "argument --action"),
        (["plan", "add", "Turno", "--server", "0032", "--action", "start", "--campaign", "1",
          "--at", "07:00", f"--days={secret}"], "argument --days"),
        (["operation", "add", "--server", "0032", "--in-flight", secret], "argument --in-flight"),
        (["plan", "import", str(tmp_path / secret)], "argument FILE"),
        (["start", "--server", "0032", "--type", "preview", "--campaign", "３３０１"],
         "argument --campaign"),
    ]
    for words, needle in cases:
        proc = run_cli(words, simulator)
        assert proc.returncode == 2, (words, proc.stderr)
        assert secret not in proc.stdout + proc.stderr
        assert needle in proc.stderr, proc.stderr
    logged = log_file_path().read_text(encoding="utf-8")
    assert logged.count("the command line was refused (exit 2)") == len(cases)
    assert "wolkvox plan add: argument --days: " in logged
    assert secret not in logged
    assert simulator.requests == []
    with Store(store_path()) as store:
        assert store.plans() == [] and store.operations() == []


def test_a_real_process_finds_a_plan_typed_decomposed(simulator: Simulator) -> None:
    from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType

    with Store(store_path()) as store:
        store.save_plan(Plan.create("Mañana", "0032", "start",
                                    [CampaignRef("3303", CampaignType.PREVIEW)]))
    proc = run_cli(["plan", "run", "Man\u0303ana"], simulator)
    assert proc.returncode == 0, proc.stderr
    assert [r.query["campaign_id"] for r in simulator.requests] == ["3303"]
