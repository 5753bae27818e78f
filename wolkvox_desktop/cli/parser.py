"""The ``wolkvox`` command line: subcommands, options, help texts and argument types.

Each subcommand sets ``command`` (and ``token_command``/``operation_command``); ``main``
sends it to the module that does the work. Every value is checked by its option's type
(:mod:`wolkvox_desktop.cli.values`) before the command runs.

Argument errors never echo what was typed (an option's value may be a secret typed in the
wrong place): :class:`Parser` words every refusal itself, naming the option and the rule
(a type's refusal, the choices, "takes no value", an ambiguous prefix), and passes on
only those of argparse's own sentences that hold no value; any other becomes a plain
"this value is not accepted".
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from wolkvox_desktop import __version__
from wolkvox_desktop.cli.output import err, say, say_json
from wolkvox_desktop.cli.values import (
    campaign_id,
    campaign_type,
    existing_file,
    export_target,
    file_to_write,
    licenses_count,
    operation_name,
    plain_digits,
    plan_days,
    plan_name,
    plan_time,
    row_limit,
    server_code,
    since_day,
    speed_setting,
    speed_value,
    timeout_seconds,
    until_day,
    watch_minutes,
)
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.credentials import TOKEN_ENV
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.limits import DEFAULT_TIMEOUT_S, MAX_SIMULTANEOUS, MIN_IN_FLIGHT
from wolkvox_desktop.core.operations import API_BASE_ENV
from wolkvox_desktop.core.store import HISTORY_ACTIONS, HISTORY_OUTCOMES

EPILOG = f"""\
exit codes:
  0  ok
  1  a local problem that is not a call's outcome (no usable keyring, no token saved for
     `token status`, the history database or a file cannot be used, an internal error
     while no call was in flight)
  2  invalid input: nothing was sent (bad server code, campaign id, type or file row, no
     token, {API_BASE_ENV} not loopback, today's budget would be exceeded; also usage
     errors, which name the option and the rule, never the value typed)
  3  refused by Wolkvox (it answered with an error)
  4  not delivered: nothing reached Wolkvox
  5  outcome unknown: it may or may not have happened (check before trying again); also an
     internal error or Ctrl-C while a call was in flight
  130  Ctrl-C while no call was in flight

environment:
  {TOKEN_ENV}         the token to use (wins over the keyring)
  {API_BASE_ENV}      send calls to this loopback base instead of Wolkvox (demo,
                        tests); any other host is refused
  WOLKVOX_DESKTOP_HOME  the folder holding the history database and the log
"""

ACTION_EPILOG = """\
Several campaigns are called one after the other in the order given (--campaign values
first, then the file's rows), each only after the previous one answered; nothing is ever
retried. The run stops at the first failure and exits with that failure's code, unless
--keep-going: then every campaign is called and the exit code is the most serious failure's
(5 unknown > 4 not delivered > 3 refused > 2 invalid), 0 if all went well.

--from-file FILE: one campaign per line, `campaign_id[,type]` (`;` also accepted), UTF-8
with or without BOM, an optional header row `campaign_id,type`, blank lines and lines
starting with # ignored. A row's type wins over --type. A bad row stops everything before
anything is sent (exit 2, naming the line): an id a spreadsheet changed into a number
(3301.0, 3.301E+03: format the column as Text) or a formula (="3301"), an id that is not
plain ASCII (full-width digits, lookalike letters of other alphabets), an unknown header, a
file over 1 MB or 10,000 campaigns.

--type may be left out for campaigns whose type is known from `wolkvox campaigns`.

--json: one JSON object per call on standard output, with exactly the keys
ok, outcome, http_status, code, error, msg, duration_ms. When several campaigns are given,
one object per line (JSON Lines), each with two more keys: campaign and type.

Before a run, the token uses it needs are compared with what is left of today's budget
(licenses x 1000, counted from this computer's history): a run that would pass it is
refused (exit 2) unless --yes. So is a run of several campaigns on a day whose use is not
known exactly (the data file was rebuilt after damage and part of today's history could not
be read).
"""

PLAN_EPILOG = """\
A plan is a saved list of campaigns of one operation, started or stopped in one action: by
hand (`plan run`), or on a schedule (--at HH:MM, local time, --days daily, weekdays or
mon,tue,...) that the open window or the system scheduler runs through `plan run-due`.

`plan run-due` runs every plan whose slot came within the last 15 minutes and has not run
yet: exactly once per slot, however many `run-due` invocations and windows see it at once.
A slot missed by more than 15 minutes (computer asleep or off) is not run late: it is
reported once. A time that does not exist on a daylight-saving day runs at the next valid
minute; a time that occurs twice runs once. A run that would pass today's token budget does
not start (exit 2). Every run is in `wolkvox history` with the plan's name.

`plan run` and `plan run-due` call the campaigns one after the other in the plan's order and
stop at the first failure (--keep-going: call them all); nothing is ever retried. Exit codes
as for start/stop; `run-due` exits 0 when nothing was due. `plan run --json` prints what
`start --json` does; `plan run-due --json` prints one object per plan: plan, slot, due_at,
status (ran, not_started, missed), ok, outcome, message, and calls (each call's 7 keys with
campaign and type).

A start plan may set campaigns' speeds (--speed ID=N, 0-100): each is sent right after its
campaign's start succeeded (one more token each, never resent); `plan run --json` prints
one more object per speed (the 7 keys, campaign, type and speed).

`plan export FILE` writes every plan to a JSON file (`-`: standard output); `plan import
FILE` adds the file's plans, replacing plans of the same name (all or nothing: a bad plan
refuses the file, naming it).
"""

LIVE_EPILOG = """\
--json prints one object: {"server", "at" (ISO 8601 with the offset), "campaigns": [{"id",
"name", "status" (started/stopped), "speed", "records", "remaining", "dialed", "answered",
"no_answer", "failed", "machine", "calls_per_minute", "penetration", "alerts": [codes]}]},
numbers as numbers, null where Wolkvox did not say. When the reading fails it prints the 7
call keys (ok, outcome, http_status, code, error, msg, duration_ms) and the server instead.

--watch MINUTES reads again every MINUTES while a campaign is started (every 30 minutes
while none is), printing what each reading cost; it slows down, saying so, before readings
would take a quarter of today's token budget or the tenth kept for starting and stopping,
and stops there. With --json, one object per reading (JSON Lines). Ctrl-C ends it (exit 0).
The first watch of the day also asks Wolkvox for the operation's licenses (one token) and
says when they differ from this computer's setting.
"""

OPERATION_EPILOG = """\
For IT people provisioning workstations from a script: operations added here are listed by
the window at its next start. `wolkvox token set --server CODE` saves the token (and adds
the operation if needed). `operation remove` also removes the operation's saved token.
"""


def campaign_args(p: argparse.ArgumentParser) -> None:
    """The campaigns of a start/stop or a plan: --type, --campaign …, --from-file."""
    p.add_argument("--type", dest="campaign_type", type=campaign_type,
                   metavar="preview|predictive", help="the campaigns' type")
    p.add_argument("--campaign", action="append", default=[], type=campaign_id, metavar="ID",
                   help="a campaign id (repeat for several)")
    p.add_argument("--from-file", type=existing_file, metavar="FILE",
                   help="read campaign ids (and types) from a CSV file")


# ---------------------------------------------------------------------------- the parser
class ParserExit(Exception):
    """The parser is done: help or the version printed (0), or the arguments refused (2,
    with ``message``: the sentence printed, which holds no typed value)."""

    def __init__(self, status: int, message: str = "") -> None:
        super().__init__(status)
        self.status = status
        self.message = message


class _Refusal(argparse.ArgumentError):
    """An argument's refusal worded by :class:`Parser`: the option and the rule, no value."""

    def __init__(self, action: argparse.Action | None, message: str) -> None:
        super().__init__(action, message)
        self.dest = action.dest if action is not None else ""


#: argparse's own sentences that hold no typed value (any other is not passed on); the
#: patterns are compiled on the error path only (``re`` keeps them), not at every start
_VALUE_FREE = (r"(expected |not allowed with argument |the following arguments are required: "
               r"|one of the arguments .* is required$)")
_NOT_ACCEPTED = "this value is not accepted (what was typed is not shown)"
#: the values a call's ``--json`` object reports as invalid input (nothing sent)
_CALL_VALUES = {
    "server": Reason.BAD_SERVER_CODE,
    "campaign": Reason.BAD_CAMPAIGN_ID,
    "from_file": Reason.BAD_CAMPAIGN_ID,
    "campaign_type": Reason.BAD_CAMPAIGN_TYPE,
    "speed": Reason.BAD_SPEED,
}
_OPTION_NAME = r"--[a-z][a-z0-9-]{0,30}|-[A-Za-z]"


class Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting (``main`` returns the exit code) and that
    never repeats a typed value in an error: a secret typed as an option is not echoed.

    Argument errors reach :meth:`parse_known_args` as exceptions (``exit_on_error`` off)
    and are worded there; argparse's direct :meth:`error` calls are passed on only when
    they are one of its value-free sentences.

    ``json_calls``: the command prints a call's JSON object with ``--json``; a refused
    server code, campaign, type or file is then also that object (outcome ``invalid``).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("exit_on_error", False)
        super().__init__(*args, **kwargs)
        self.json_calls = False
        self._typed: list[str] = []

    def exit(self, status: int = 0, message: str | None = None) -> Any:
        if message:
            err(message.rstrip())
        raise ParserExit(status)

    def error(self, message: str) -> NoReturn:
        self.refuse(message if re.match(_VALUE_FREE, message) else _NOT_ACCEPTED)

    def refuse(self, message: str) -> NoReturn:
        """Print the usage and ``message`` (which holds no typed value); exit status 2."""
        err(self.format_usage().rstrip())
        err(f"{self.prog}: error: {message}")
        raise ParserExit(2, f"{self.prog}: {message}")

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        self._typed = list(sys.argv[1:] if args is None else args)
        try:
            return super().parse_known_args(args, namespace)
        except argparse.ArgumentError as exc:
            message = argument_error(exc)
            reason = _CALL_VALUES.get(getattr(exc, "dest", ""))
            if reason is not None and self.json_calls and "--json" in self._typed:
                say_json(CallResult(Outcome.INVALID, reason, message).to_json_dict())
            self.refuse(message)

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            options = [a.split("=", 1)[0] for a in extras if a.startswith("-")]
            names = sorted({n for n in options if re.fullmatch(_OPTION_NAME, n)})
            if names:
                self.refuse(f"unknown option {', '.join(names)} (its value is not shown)")
            if options:
                self.refuse("an unknown option (what was typed is not shown)")
            self.refuse("unexpected words after the options (they are not shown)")
        return parsed

    # -- where argparse would put a typed value into its sentence
    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        type_func = self._registry_get("type", action.type, action.type)
        try:
            return type_func(arg_string)
        except argparse.ArgumentTypeError as exc:  # our types' rules hold no value
            raise _Refusal(action, str(exc)) from None
        except (TypeError, ValueError):
            raise _Refusal(action, value_rule(action)) from None

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is not None and value not in action.choices:
            raise _Refusal(action, value_rule(action))

    def _get_option_tuples(self, option_string: str) -> Any:
        found = super()._get_option_tuples(option_string)
        if len(found) > 1:  # "--t=VALUE": argparse would print all of it
            typed = option_string.split("=", 1)[0]
            if not typed.startswith("--"):
                typed = typed[:2]
            matches = ", ".join(sorted({str(t[1]) for t in found}))
            raise _Refusal(None, f"ambiguous option: {typed} could match {matches} (its value "
                                 "is not shown)")
        return found


def value_rule(action: argparse.Action) -> str:
    """What ``action`` accepts, as the end of ``argument --OPTION: ...``."""
    choices = action.choices
    if isinstance(choices, range) and len(choices) > 0:
        first, last = choices[0], choices[-1]
        return (f"must be {first} or {last}" if last == first + 1
                else f"must be a whole number from {first} to {last}")
    if choices is not None:
        return f"must be one of: {', '.join(map(str, choices))}"
    if action.type is int or action.type is plain_digits:
        return "must be a whole number"
    if action.type is float:
        return "must be a number"
    return _NOT_ACCEPTED


def argument_error(exc: argparse.ArgumentError) -> str:
    """An argument error's sentence, naming the option, without the value typed."""
    if isinstance(exc, _Refusal):
        return str(exc)
    message = exc.message
    if message.startswith("ignored explicit argument"):  # "--json=VALUE"
        message = "takes no value (what was given is not shown)"
    elif not re.match(_VALUE_FREE, message):
        message = _NOT_ACCEPTED
    return f"argument {exc.argument_name}: {message}" if exc.argument_name else message


def server_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--server", required=True, type=server_code, metavar="CODE",
        help="the operation's server code, e.g. 0032 (or a https://wv0032.wolkvox.com address)",
    )


def timeout_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--timeout", type=timeout_seconds, metavar="S",
        help="seconds to wait for Wolkvox's answer (default: the operation's setting, "
        f"{DEFAULT_TIMEOUT_S:g})",
    )


def json_arg(p: argparse.ArgumentParser, help_text: str = "print JSON") -> None:
    p.add_argument("--json", action="store_true", help=help_text)


def read_call_args(p: argparse.ArgumentParser) -> None:
    """A read call's options: it costs one token."""
    if isinstance(p, Parser):
        p.json_calls = True
    server_arg(p)
    json_arg(p)
    p.add_argument("--yes", action="store_true",
                   help="go ahead even if today's token budget is used up")
    timeout_arg(p)


def subcommands(p: argparse.ArgumentParser, dest: str, metavar: str) -> Any:
    sub = p.add_subparsers(dest=dest, metavar=metavar, parser_class=Parser)
    sub.required = True
    return sub


class _Version(argparse.Action):
    """``--version``; with ``--check`` anywhere on the line, the update check
    (cli/version_check.py, loaded only then)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        if "--check" in getattr(parser, "_typed", ()):
            from wolkvox_desktop.cli.version_check import run_check

            parser.exit(run_check())
        say(f"wolkvox {__version__}")
        parser.exit(0)


COMMANDS = ("start", "stop", "campaigns", "live", "speed", "token", "operations", "operation",
            "history", "plan", "usage")


def command_named(args: Sequence[str]) -> str | None:
    """The command the arguments name, or None (help, the version, no or an unknown
    command): only options of the whole program may come before it."""
    for arg in args:
        if arg.startswith("-"):
            return None
        return arg if arg in COMMANDS else None
    return None


def build_parser(args: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line for ``args`` (default: the program's arguments). Only the command
    they name is built, or every command when they name none (help, the version, a
    mistyped command): building the parsers of every command took longer than all the
    rest of a ``wolkvox start`` before its call (benchmarks/cli_startup.py)."""
    wanted = command_named(sys.argv[1:] if args is None else args)
    fmt = argparse.RawDescriptionHelpFormatter
    parser = Parser(
        prog="wolkvox",
        description="Start and stop Wolkvox dialer campaigns, list them, manage the token "
        "and the operations, and read the history of calls.",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="print the version and exit (with --check: also ask the release "
                        "feed IT set whether a newer version is published)")
    sub = subcommands(parser, "command", "COMMAND")

    def add(name: str, fill: Callable[[Parser], None], **options: Any) -> None:
        if wanted is None or name == wanted:
            fill(sub.add_parser(name, **options))

    for action in Action:
        verb = "Start" if action is Action.START else "Stop (pause)"
        add(
            action.value, _action_options(action),
            help=f"{verb.lower()} one or several campaigns",
            description=f"{verb} one or several campaigns.", epilog=ACTION_EPILOG,
            formatter_class=fmt,
        )
    add(
        "campaigns", read_call_args, help="list the account's campaigns (costs one token)",
        description="List the account's campaigns from Wolkvox (costs one token) and keep "
        "them for the app and for --type-less starts. --json prints one object with the 7 "
        "call keys plus `campaigns` (a list of {id, name, type, status}).",
    )
    add(
        "live", _live_options, help="what every campaign is doing now (costs one token)",
        description="One live reading (real_time.php: status, records left, calls a minute, "
        "answered, machine, penetration, speed) as a table, with the alerts it shows: "
        "list_finished (started, no records left), not_dialling (started, 0 calls a minute "
        "in two readings in a row), changed_elsewhere (its status changed without a start "
        "or stop from this app). Each reading costs one token.", epilog=LIVE_EPILOG,
        formatter_class=fmt,
    )
    add(
        "speed", _speed_options, help="set a campaign's speed, 0 to 100 (costs one token)",
        description="Set a campaign's dialling speed (campaign.php?api=speed), a whole "
        "number from 0 to 100. One call, never sent again by itself. --json prints the 7 "
        "keys start prints: ok, outcome, http_status, code, error, msg, duration_ms.",
    )
    add(
        "token", _token_commands, help="save, remove or check the operation's token",
        description="The token is kept in the OS keyring, per operation.",
    )
    add(
        "operations", json_arg,
        help="list the operations this computer knows (no token used)",
        description="The operations saved on this computer (the window lists the same), "
        "with their settings and where each token comes from. --json prints one JSON array.",
    )
    add(
        "operation", _operation_commands,
        help="add, change or remove an operation (for provisioning scripts)",
        description="Add, change or remove an operation.", epilog=OPERATION_EPILOG,
        formatter_class=fmt,
    )
    add(
        "history", _history_options, help="show or export the history of calls",
        description="The calls made from this computer, newest first. --json prints one JSON "
        "object per row (JSON Lines). --csv writes a CSV file (UTF-8 with BOM, for Excel). "
        "A call interrupted before its answer shows as unknown (pending): check the campaign.",
    )
    add(
        "plan", _plan_commands,
        help="shift plans: saved campaign sets, run by hand or on a schedule",
        description="Shift plans: a saved list of campaigns started or stopped in one "
        "action, by hand or on a schedule.", epilog=PLAN_EPILOG, formatter_class=fmt,
    )
    add(
        "usage", _usage_options, help="today's token uses against the budget (no token used)",
        description="Today's token uses for the operation, counted from this computer's "
        "history, against its budget (licenses x 1000). Uses no token; `wolkvox token info` "
        "asks Wolkvox itself.",
    )
    return parser


def _live_options(p: Parser) -> None:
    read_call_args(p)
    p.add_argument("--watch", type=watch_minutes, metavar="MINUTES",
                   help="read again every MINUTES (2 at the fastest) until Ctrl-C")


def _speed_options(p: Parser) -> None:
    p.json_calls = True
    server_arg(p)
    p.add_argument("--type", dest="campaign_type", type=campaign_type,
                   metavar="preview|predictive",
                   help="the campaign's type (may be left out when `wolkvox campaigns` knows it)")
    p.add_argument("--campaign", required=True, type=campaign_id, metavar="ID",
                   help="the campaign")
    p.add_argument("--set", dest="speed", required=True, type=speed_value, metavar="N",
                   help="the new speed, a whole number from 0 to 100")
    json_arg(p, "print JSON (the keys start prints)")
    p.add_argument("--yes", action="store_true",
                   help="go ahead even if today's token budget is used up")
    timeout_arg(p)


def _action_options(action: Action) -> Callable[[Parser], None]:
    def fill(p: Parser) -> None:
        p.json_calls = True
        server_arg(p)
        campaign_args(p)
        p.add_argument("--keep-going", action="store_true",
                       help="do not stop at the first failure")
        p.add_argument("--yes", action="store_true",
                       help="go ahead even if the run passes today's token budget")
        json_arg(p, "print JSON (see below)")
        timeout_arg(p)
        p.set_defaults(action=action)

    return fill


def _token_commands(token: Parser) -> None:
    tsub = subcommands(token, "token_command", "TOKEN_COMMAND")
    p = tsub.add_parser(
        "set", help="save the token in the keyring (hidden prompt, or one line on stdin)",
        description="Save the operation's token in the OS keyring (and add the operation if "
        "it is new). It is read from a hidden prompt, or as one line from standard input "
        "when that is not a terminal (e.g. `secret-tool lookup ... | wolkvox token set "
        "--server 0032`); never from an argument.",
    )
    server_arg(p)
    p.add_argument("stray", nargs="*", help=argparse.SUPPRESS)  # refused, never echoed
    p = tsub.add_parser("clear", help="remove the token from the keyring")
    server_arg(p)
    p = tsub.add_parser(
        "status", help="say where the token comes from (exit 0 if there is one, else 1)"
    )
    server_arg(p)
    p = tsub.add_parser(
        "info", help="ask Wolkvox for today's token use (this itself costs one token)",
        description="Ask Wolkvox for today's use of the token and its daily limit "
        "(information.php?api=token_info). This question itself costs one token. --json "
        "adds token_limit and token_use_today to the 7 call keys.",
    )
    read_call_args(p)


def _operation_commands(operation: Parser) -> None:
    osub = subcommands(operation, "operation_command", "OPERATION_COMMAND")
    p = osub.add_parser(
        "add", help="add an operation, or change the settings given of an existing one",
        description="Add an operation, or change the settings given of an existing one "
        "(the others stay). No token is used.",
    )
    server_arg(p)
    p.add_argument("--name", type=operation_name, metavar="N", help="a name for the operation")
    p.add_argument("--licenses", type=licenses_count, metavar="L",
                   help="Wolkvox licenses (daily budget: L x 1000 token uses; default 1)")
    timeout_arg(p)
    p.add_argument("--in-flight", type=plain_digits,
                   choices=range(MIN_IN_FLIGHT, MAX_SIMULTANEOUS + 1),
                   metavar="1|2", help="calls at Wolkvox at once with its token (default 1)")
    p = osub.add_parser(
        "remove", help="remove an operation and its saved token (the history stays)",
    )
    server_arg(p)


def _history_options(p: Parser) -> None:
    p.add_argument("--since", type=since_day, metavar="DATE",
                   help="from this day (YYYY-MM-DD, or with a time; `today`, `yesterday`)")
    p.add_argument("--until", type=until_day, metavar="DATE", help="up to this day, included")
    p.add_argument("--server", type=server_code, metavar="CODE", help="only this operation")
    p.add_argument("--campaign", type=campaign_id, metavar="ID", help="only this campaign")
    p.add_argument("--action", choices=HISTORY_ACTIONS, metavar="ACTION",
                   help="only these calls: " + ", ".join(HISTORY_ACTIONS))
    p.add_argument("--outcome", choices=HISTORY_OUTCOMES, metavar="OUTCOME",
                   help="only calls that ended so: " + ", ".join(HISTORY_OUTCOMES)
                   + " (unknown includes calls cut off when the app stopped; pending: no "
                   "answer yet)")
    p.add_argument("--plan", type=plan_name, metavar="NAME",
                   help="only the calls of this shift plan's runs")
    p.add_argument("--limit", type=row_limit, metavar="N", help="at most N rows (newest)")
    json_arg(p, "print JSON Lines")
    p.add_argument("--csv", type=file_to_write, metavar="FILE",
                   help="write the rows to a CSV file")


def _usage_options(p: Parser) -> None:
    server_arg(p)
    json_arg(p)


def _plan_commands(plan: Parser) -> None:
    psub = subcommands(plan, "plan_command", "PLAN_COMMAND")
    p = psub.add_parser(
        "add", help="save a new plan (no token used)",
        description="Save a new plan. The campaigns are called in the order given "
        "(--campaign values first, then the file's rows, as for start/stop); each needs a "
        "type: --type, a type column in the file, or one known from `wolkvox campaigns`.",
    )
    p.add_argument("name", type=plan_name, metavar="NAME", help="the plan's name")
    server_arg(p)
    p.add_argument("--action", required=True, choices=[a.value for a in Action],
                   metavar="start|stop", help="what the plan does to its campaigns")
    campaign_args(p)
    p.add_argument("--at", type=plan_time, metavar="HH:MM",
                   help="run it every day it applies at this local time")
    p.add_argument("--days", type=plan_days, metavar="DAYS",
                   help="daily (the default), weekdays, or days such as mon,wed,fri")
    p.add_argument("--speed", dest="speeds", action="append", type=speed_setting,
                   metavar="ID=N", help="a start plan sets campaign ID's speed to N (0-100) "
                   "after starting it (repeat for several; one more token each)")
    p = psub.add_parser("list", help="the plans, their schedules, next and last runs")
    json_arg(p, "print one JSON array")
    p = psub.add_parser("run", help="run a plan now, like a bulk start/stop")
    p.add_argument("name", type=plan_name, metavar="NAME", help="the plan's name")
    p.add_argument("--keep-going", action="store_true", help="do not stop at the first failure")
    p.add_argument("--yes", action="store_true", help="go ahead even if today's token use is "
                   "not known exactly (the data file was rebuilt today)")
    json_arg(p, "print JSON (as start/stop do)")
    p = psub.add_parser(
        "run-due", help="run the plans whose time has come (for the system scheduler)",
        description="Run every plan whose slot came within the last 15 minutes and has not "
        "run yet (exactly once per slot); report slots missed by more than that. Meant to "
        "be called every few minutes by Task Scheduler, cron or launchd.",
    )
    json_arg(p, "print one JSON object per plan")
    p = psub.add_parser(
        "schedule", help="run plans when the app is closed: the system's own schedule",
        description="Register (on) or remove (off) this user's system schedule that runs "
        "`plan run-due` every 5 minutes with the app closed (the Plans window's switch "
        "\"Run plans when the app is closed\"): a Task Scheduler task on Windows (it also "
        "runs on battery), a LaunchAgent on macOS, a systemd user timer or else a crontab "
        "line on Linux. No administrator rights. `status` says whether it is on, what it "
        "runs, and when the last scheduled check ran (exit 1 when something is wrong, such "
        "as no check for 30 minutes).",
    )
    p.add_argument("schedule_action", choices=("on", "off", "status"), metavar="on|off|status",
                   help="turn it on, off, or say how it is")
    json_arg(p, "print one JSON object")
    p = psub.add_parser("remove", help="remove a plan (its history stays)")
    p.add_argument("name", type=plan_name, metavar="NAME", help="the plan's name")
    p = psub.add_parser("export", help="write every plan to a JSON file")
    p.add_argument("file", type=export_target, metavar="FILE",
                   help="the file to write (- for standard output)")
    p = psub.add_parser("import", help="add the plans of a JSON file (same names replaced)")
    p.add_argument("file", type=existing_file, metavar="FILE",
                   help="a file written by `plan export`")
