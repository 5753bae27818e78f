"""``wolkvox``: the command-line face of the core (start/stop, campaigns, token, history).

Every call goes through :class:`~wolkvox_desktop.core.service.OperationService` (token
gate, daily budget, history) built by :func:`~wolkvox_desktop.core.context.open_operation`.
The token is read from ``WOLKVOX_TOKEN`` or the OS keyring and is never printed, logged or
accepted as an argument.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TextIO

from wolkvox_desktop import __version__
from wolkvox_desktop.core.api import API_BASE_ENV
from wolkvox_desktop.core.bulk import BulkItem, BulkPlan, BulkRun, parse_campaign_rows, plan_bulk
from wolkvox_desktop.core.campaigns import (
    Action,
    CampaignType,
    parse_server_code,
    validate_campaign_id,
)
from wolkvox_desktop.core.credentials import (
    TOKEN_ENV,
    Credentials,
    KeyringUnavailable,
    TokenSource,
)
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason
from wolkvox_desktop.core.limits import daily_budget
from wolkvox_desktop.core.service import OperationService, Usage
from wolkvox_desktop.core.store import (
    INTERRUPTED,
    PENDING,
    HistoryRow,
    Operation,
    Store,
    StoreError,
)

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_LOCAL = 1  # a local problem that is not a call's outcome (no keyring, no token saved)
EXIT_INVALID = Outcome.INVALID.exit_code  # 2
EXIT_INTERRUPTED = 130  # Ctrl-C with no call in flight

EPILOG = f"""\
exit codes:
  0  ok
  1  a local problem that is not a call's outcome (no usable keyring, no token saved for
     `token status`, the history database or a file cannot be used, an internal error
     while no call was in flight)
  2  invalid input: nothing was sent (bad server code, campaign id, type or file row, no
     token, {API_BASE_ENV} not loopback, today's budget would be exceeded; also usage errors)
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
anything is sent (exit 2, naming the line).

--type may be left out for campaigns whose type is known from `wolkvox campaigns`.

--json: one JSON object per call on standard output, with exactly the keys
ok, outcome, http_status, code, error, msg, duration_ms. When several campaigns are given,
one object per line (JSON Lines), each with two more keys: campaign and type.

Before a run, the token uses it needs are compared with what is left of today's budget
(licenses x 1000, counted from this computer's history): a run that would pass it is
refused (exit 2) unless --yes.
"""


class _State:
    """Whether a call may be in flight (decides exit code 5 vs 1/130 on a crash)."""

    calling = False


_state = _State()


@contextlib.contextmanager
def _calling() -> Iterator[None]:
    """Mark calls as possibly in flight; an exception leaves the mark for ``main``."""
    _state.calling = True
    yield
    _state.calling = False


def _out() -> TextIO:
    return sys.stdout


def _err(text: str) -> None:
    stream = sys.stderr
    if stream is not None:
        print(text, file=stream, flush=True)


def _print(text: str) -> None:
    print(text, file=_out(), flush=True)


def _print_json(obj: dict[str, Any]) -> None:
    print(json.dumps(obj), file=_out(), flush=True)


# ------------------------------------------------------------------------- argument types


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= 600:
        raise argparse.ArgumentTypeError("the timeout must be between 0 and 600 seconds")
    return value


def _parse_when(text: str, *, end_of_day: bool) -> datetime:
    raw = text.strip().lower()
    today = date.today()
    named = {"today": today, "yesterday": today - timedelta(days=1)}
    if raw in named:
        day: date | None = named[raw]
    else:
        day = None
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            try:
                moment = datetime.fromisoformat(text.strip())
            except ValueError:
                raise argparse.ArgumentTypeError(
                    f"not a date: {text!r} (use YYYY-MM-DD, YYYY-MM-DDTHH:MM, today or "
                    "yesterday)"
                ) from None
            return moment if moment.tzinfo else moment.astimezone()
    assert day is not None
    if end_of_day:  # the store's ``until`` is exclusive: the next midnight
        return datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return datetime.combine(day, time.min).astimezone()


def _since(text: str) -> datetime:
    return _parse_when(text, end_of_day=False)


def _until(text: str) -> datetime:
    return _parse_when(text, end_of_day=True)


# ---------------------------------------------------------------------------- the parser


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` returns its exit code."""

    def exit(self, status: int = 0, message: str | None = None) -> Any:
        if message:
            _err(message.rstrip())
        raise _ParserExit(status)


class _ParserExit(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog="wolkvox",
        description="Start and stop Wolkvox dialer campaigns, list them, manage the token "
        "and read the history of calls.",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    parser.add_argument("--version", action="version", version=f"wolkvox {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def server_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--server", required=True, metavar="CODE",
            help="the operation's server code, e.g. 0032 (or a https://wv0032.wolkvox.com "
            "address)",
        )

    def timeout_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--timeout", type=_positive_seconds, metavar="S",
            help="seconds to wait for Wolkvox's answer (default: the operation's setting, 60)",
        )

    for action in Action:
        verb = "Start" if action is Action.START else "Stop (pause)"
        p = sub.add_parser(
            action.value, help=f"{verb.lower()} one or several campaigns",
            description=f"{verb} one or several campaigns.", epilog=ACTION_EPILOG,
            formatter_class=fmt,
        )
        server_arg(p)
        p.add_argument("--type", dest="campaign_type", metavar="preview|predictive",
                       help="the campaigns' type")
        p.add_argument("--campaign", action="append", default=[], metavar="ID",
                       help="a campaign id (repeat for several)")
        p.add_argument("--from-file", type=Path, metavar="FILE",
                       help="read campaign ids (and types) from a CSV file")
        p.add_argument("--keep-going", action="store_true",
                       help="do not stop at the first failure")
        p.add_argument("--yes", action="store_true",
                       help="go ahead even if the run passes today's token budget")
        p.add_argument("--json", action="store_true", help="print JSON (see below)")
        timeout_arg(p)
        p.set_defaults(handler=cmd_action, action=action)

    p = sub.add_parser(
        "campaigns", help="list the account's campaigns (costs one token)",
        description="List the account's campaigns from Wolkvox (costs one token) and keep "
        "them for the app and for --type-less starts. --json prints one object with the 7 "
        "call keys plus `campaigns` (a list of {id, name, type, status}).",
    )
    server_arg(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--yes", action="store_true",
                   help="go ahead even if today's token budget is used up")
    timeout_arg(p)
    p.set_defaults(handler=cmd_campaigns)

    token = sub.add_parser("token", help="save, remove or check the operation's token",
                           description="The token is kept in the OS keyring, per operation.")
    tsub = token.add_subparsers(dest="token_command", metavar="TOKEN_COMMAND",
                                parser_class=_Parser)
    tsub.required = True
    p = tsub.add_parser(
        "set", help="save the token in the keyring (hidden prompt, or one line on stdin)",
        description="Save the operation's token in the OS keyring. It is read from a hidden "
        "prompt, or as one line from standard input when that is not a terminal "
        "(e.g. `secret-tool lookup ... | wolkvox token set --server 0032`); never from an "
        "argument.",
    )
    server_arg(p)
    p.add_argument("stray", nargs="*", help=argparse.SUPPRESS)  # refused, never echoed
    p.set_defaults(handler=cmd_token_set)
    p = tsub.add_parser("clear", help="remove the token from the keyring")
    server_arg(p)
    p.set_defaults(handler=cmd_token_clear)
    p = tsub.add_parser(
        "status", help="say where the token comes from (exit 0 if there is one, else 1)"
    )
    server_arg(p)
    p.set_defaults(handler=cmd_token_status)
    p = tsub.add_parser(
        "info", help="ask Wolkvox for today's token use (this itself costs one token)",
        description="Ask Wolkvox for today's use of the token and its daily limit "
        "(information.php?api=token_info). This question itself costs one token. --json "
        "adds token_limit and token_use_today to the 7 call keys.",
    )
    server_arg(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--yes", action="store_true",
                   help="go ahead even if today's token budget is used up")
    timeout_arg(p)
    p.set_defaults(handler=cmd_token_info)

    p = sub.add_parser(
        "history", help="show or export the history of calls",
        description="The calls made from this computer, newest first. --json prints one JSON "
        "object per row (JSON Lines). --csv writes a CSV file (UTF-8 with BOM, for Excel). "
        "A call interrupted before its answer shows as unknown (pending): check the campaign.",
    )
    p.add_argument("--since", type=_since, metavar="DATE",
                   help="from this day (YYYY-MM-DD, or with a time; `today`, `yesterday`)")
    p.add_argument("--until", type=_until, metavar="DATE", help="up to this day, included")
    p.add_argument("--server", metavar="CODE", help="only this operation")
    p.add_argument("--campaign", metavar="ID", help="only this campaign")
    p.add_argument("--limit", type=int, metavar="N", help="at most N rows (newest)")
    p.add_argument("--json", action="store_true", help="print JSON Lines")
    p.add_argument("--csv", type=Path, metavar="FILE", help="write the rows to a CSV file")
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser(
        "usage", help="today's token uses against the budget (no token used)",
        description="Today's token uses for the operation, counted from this computer's "
        "history, against its budget (licenses x 1000). Uses no token; `wolkvox token info` "
        "asks Wolkvox itself.",
    )
    server_arg(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_usage)
    return parser


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``wolkvox`` command; returns the exit code (see ``wolkvox --help``)."""
    _state.calling = False
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        try:
            args = build_parser().parse_args(list(argv) if argv is not None else None)
        except _ParserExit as exc:
            return exc.status
        _setup_logging()
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except OSError as exc:  # the app-data folder or a file cannot be used
        log.warning("file error: %s", exc)
        where = f" ({exc.filename})" if exc.filename else ""
        _err(f"Wolkvox Desktop cannot use a file or folder it needs{where}: "
             f"{exc.strerror or exc}.")
        return Outcome.UNKNOWN.exit_code if _state.calling else EXIT_LOCAL
    except StoreError as exc:
        log.warning("store error: %s", exc)
        _err(str(exc))
        return Outcome.UNKNOWN.exit_code if _state.calling else EXIT_LOCAL
    except InvalidInput as exc:  # a safety net: commands report these themselves
        _err(exc.message)
        return Outcome.UNKNOWN.exit_code if _state.calling else EXIT_INVALID
    except KeyboardInterrupt:
        if _state.calling:
            _err("Interrupted while a call was in flight: it may or may not have reached "
                 "Wolkvox. Check the campaign (wolkvox campaigns) before trying again.")
            return Outcome.UNKNOWN.exit_code
        _err("Interrupted; nothing was being sent.")
        return EXIT_INTERRUPTED
    except Exception:  # noqa: BLE001 - the last resort: a sentence, never a traceback
        log.exception("internal error in the wolkvox command")
        details = f"Details are in {_log_file()}."
        if _state.calling:
            _err("Wolkvox Desktop hit an internal error while a call was in flight: it may or "
                 f"may not have reached Wolkvox. Check the campaign before trying again. {details}")
            return Outcome.UNKNOWN.exit_code
        _err(f"Wolkvox Desktop hit an internal error. {details}")
        return EXIT_LOCAL


def _log_file() -> str:
    try:
        from wolkvox_desktop.core.logsetup import log_file_path

        return str(log_file_path())
    except Exception:  # noqa: BLE001 - only a hint
        return "the log file"


def _setup_logging() -> None:
    try:
        from wolkvox_desktop.core.logsetup import setup_logging

        setup_logging(logging.INFO, console=False)
    except Exception:  # noqa: BLE001 - a log we cannot open must not stop the command
        logging.getLogger().addHandler(logging.NullHandler())


def _open_store() -> Store:
    from wolkvox_desktop.core.paths import store_path

    return Store(store_path())


def _server(text: str) -> str:
    return parse_server_code(text)


def _invalid(exc: InvalidInput, *, json_mode: bool, server: str | None = None) -> int:
    """Report input refused before anything was sent (exit 2)."""
    message = exc.message
    if exc.reason is Reason.NO_TOKEN and server:
        message += (
            f" Save one with `wolkvox token set --server {server}`, or set {TOKEN_ENV}."
        )
    if json_mode:
        _print_json(CallResult(Outcome.INVALID, exc.reason, message).to_json_dict())
    _err(message)
    return EXIT_INVALID


def _open_service(server: str, store: Store, args: argparse.Namespace) -> OperationService:
    """The operation's service: token from WOLKVOX_TOKEN or the keyring, calls to Wolkvox
    or to the loopback WOLKVOX_API_BASE (raises InvalidInput: nothing sent)."""
    from wolkvox_desktop.core.context import open_operation

    return open_operation(
        server, store, Credentials(), read_timeout=getattr(args, "timeout", None)
    )


# ------------------------------------------------------------------------- output


_OUTCOME_WORDS = {
    Outcome.OK: "ok",
    Outcome.INVALID: "invalid input",
    Outcome.REFUSED: "refused by Wolkvox",
    Outcome.UNDELIVERED: "not delivered",
    Outcome.UNKNOWN: "outcome unknown",
}


def describe(result: CallResult) -> str:
    """One human line: outcome, the sentence, HTTP status/code/error/msg, duration."""
    details: list[str] = []
    if result.http_status is not None:
        details.append(f"HTTP {result.http_status}")
    if result.code is not None:
        details.append(f"code {result.code}")
    if result.error:
        details.append(f"error {result.error}")
    if result.msg and result.msg != result.message:
        details.append(f"msg {result.msg!r}")
    details.append(f"{result.duration_ms} ms")
    return f"{_OUTCOME_WORDS[result.outcome]}: {result.message} ({', '.join(details)})"


def _report(result: CallResult, prefix: str, json_extra: dict[str, Any] | None,
            json_mode: bool) -> None:
    if json_mode:
        obj = result.to_json_dict()
        if json_extra:
            obj.update(json_extra)
        _print_json(obj)
        if not result.ok:
            _err(f"{prefix}{result.message}")
        return
    line = f"{prefix}{describe(result)}"
    if result.ok:
        _print(line)
    else:
        _err(line)


# ------------------------------------------------------------------------- start / stop


def _collect_items(
    args: argparse.Namespace, known_types: dict[str, CampaignType]
) -> list[tuple[str, CampaignType | str | None]]:
    """The campaigns of a start/stop in order: --campaign values, then the file's rows.
    Every problem is refused here, before anything is sent (a file's bad row by line)."""
    items: list[tuple[str, CampaignType | str | None]] = []
    default_type = CampaignType.parse(args.campaign_type) if args.campaign_type else None
    for raw in args.campaign:
        items.append((validate_campaign_id(raw), default_type))
    if args.from_file is not None:
        path: Path = args.from_file
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(
                Reason.BAD_CAMPAIGN_ID,
                f"The campaigns file {str(path)!r} cannot be read ({exc.strerror or exc}).",
            ) from None
        rows = parse_campaign_rows(data, default_type=default_type, require_type=False)
        if not rows:
            raise InvalidInput(
                Reason.BAD_CAMPAIGN_ID, f"The campaigns file {str(path)!r} lists no campaign."
            )
        for line, campaign_id, ctype in rows:
            if ctype is None and campaign_id not in known_types:
                raise InvalidInput(
                    Reason.BAD_CAMPAIGN_TYPE,
                    f"Line {line} of the campaigns file: campaign {campaign_id} has no type; "
                    "add a type column (preview or predictive) or give --type.",
                )
            items.append((campaign_id, ctype))
    if not items:
        raise InvalidInput(
            Reason.BAD_CAMPAIGN_ID, "Give at least one campaign: --campaign ID or --from-file."
        )
    return items


def cmd_action(args: argparse.Namespace) -> int:
    action: Action = args.action
    json_mode: bool = args.json
    server: str | None = None
    store = _open_store()
    try:
        try:
            server = _server(args.server)
            known = store.campaigns(server)
            known_types = {
                s.campaign.id: s.campaign.type for s in known if s.campaign.type is not None
            }
            plan = plan_bulk(action, _collect_items(args, known_types), known=known,
                             include_in_state=True)
            service = _open_service(server, store, args)
        except InvalidInput as exc:
            return _invalid(exc, json_mode=json_mode, server=server)
        try:
            return _run_plan(service, plan, args)
        finally:
            service.client.close()
    finally:
        store.close()


def _budget_refusal(plan: BulkPlan, usage: Usage) -> str:
    return (
        f"{plan.budget_message(usage)} This run would pass today's token budget, so nothing "
        "was sent. Add --yes to go ahead anyway, or raise the operation's licenses."
    )


def _run_plan(service: OperationService, plan: BulkPlan, args: argparse.Namespace) -> int:
    json_mode: bool = args.json
    usage = service.usage()
    if plan.over_budget(usage):
        if not args.yes:
            return _invalid(
                InvalidInput(Reason.BUDGET_EXHAUSTED, _budget_refusal(plan, usage)),
                json_mode=json_mode,
            )
        _err(f"Going over today's token budget as asked (--yes): {plan.budget_message(usage)}")
    elif plan.near_limit_after(usage) and not json_mode:
        _err(f"Note: {plan.budget_message(usage)} That is 80 % of the budget or more.")
    many = len(plan.items) > 1
    total = len(plan.items)
    verb = plan.action.value

    def on_result(index: int, item: BulkItem, result: CallResult) -> None:
        prefix = f"{verb} {item.campaign_id} ({item.campaign_type.value}): "
        if many:
            prefix = f"[{index + 1}/{total}] {prefix}"
        extra = (
            {"campaign": item.campaign_id, "type": item.campaign_type.value} if many else None
        )
        _report(result, prefix, extra, json_mode)

    run = BulkRun(service, plan, allow_over_budget=bool(args.yes))
    with _calling():
        summary = run.run_all(on_result, stop_on_failure=not args.keep_going)
    progress = summary.progress
    if many and not json_mode:
        parts = [f"{progress.ok} ok"]
        if progress.failed:
            parts.append(f"{progress.failed} failed")
        if progress.not_run:
            not_run = [r.item.campaign_id for r in summary.records if r.state.value == "not_run"]
            parts.append(f"{progress.not_run} not called ({', '.join(not_run)})")
        line = f"{verb}: {total} campaigns: " + ", ".join(parts) + "."
        (_print if summary.all_ok else _err)(line)
    return summary.worst_outcome.exit_code


# ------------------------------------------------------------------------- campaigns


def _read_call(
    args: argparse.Namespace, call: Callable[[OperationService], CallResult]
) -> tuple[str, CallResult] | int:
    """Open the operation, make one read call (costs a token), close everything.
    Returns ``(server, result)``, or the exit code when nothing could be sent."""
    server: str | None = None
    store = _open_store()
    try:
        try:
            server = _server(args.server)
            service = _open_service(server, store, args)
        except InvalidInput as exc:
            return _invalid(exc, json_mode=args.json, server=server)
        try:
            with _calling():
                result = _with_budget_hint(call(service))
        finally:
            service.client.close()
    finally:
        store.close()
    return server, result


def cmd_campaigns(args: argparse.Namespace) -> int:
    json_mode: bool = args.json
    called = _read_call(args, lambda service: service.refresh_campaigns(allow_over_budget=args.yes))
    if isinstance(called, int):
        return called
    server, result = called
    campaigns = result.data if result.ok and isinstance(result.data, list) else []
    if json_mode:
        obj = result.to_json_dict()
        obj["campaigns"] = [
            {"id": c.id, "name": c.name, "type": c.type.value if c.type else None,
             "status": c.status.value}
            for c in campaigns
        ]
        _print_json(obj)
        if not result.ok:
            _err(result.message)
        return result.outcome.exit_code
    if not result.ok:
        _err(f"campaigns: {describe(result)}")
        return result.outcome.exit_code
    rows = [("ID", "NAME", "TYPE", "STATUS")] + [
        (c.id, c.name, c.type.value if c.type else "?", c.status.value) for c in campaigns
    ]
    _print_table(rows)
    _print(f"{len(campaigns)} campaign{'s' if len(campaigns) != 1 else ''} "
           f"({result.duration_ms} ms; this list cost one token).")
    return EXIT_OK


def _with_budget_hint(result: CallResult) -> CallResult:
    """The service's budget refusal, with how to go ahead from the command line."""
    if result.reason is not Reason.BUDGET_EXHAUSTED:
        return result
    return dataclasses.replace(result, message=f"{result.message} Add --yes to go ahead.")


def _print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        _print("  ".join(cells).rstrip())


# ------------------------------------------------------------------------- token


def _read_token() -> str | None:
    stdin = sys.stdin
    if stdin is None:
        return None
    if stdin.isatty():
        return getpass.getpass("Token (hidden): ")
    line = stdin.readline()
    return line


def cmd_token_set(args: argparse.Namespace) -> int:
    try:
        server = _server(args.server)
    except InvalidInput as exc:
        return _invalid(exc, json_mode=False)
    if args.stray:
        _err("The token is never taken from the command line (it would stay in the shell's "
             f"history); nothing was saved. Run `wolkvox token set --server {server}` and "
             "type it at the hidden prompt, or pipe it on standard input. Consider removing "
             "that line from your shell history.")
        return EXIT_INVALID
    credentials = Credentials()
    status = credentials.status()
    if not status.usable:
        _err(_no_keyring_message(status.detail))
        return EXIT_LOCAL
    raw = _read_token()
    token = (raw or "").strip()
    if not token:
        _err("No token was given (type it at the prompt, or pipe it on standard input); "
             "nothing was saved.")
        return EXIT_INVALID
    try:
        source = credentials.save(server, token)
    except InvalidInput as exc:  # the message never repeats the token
        _err(f"{exc.message} Nothing was saved.")
        return EXIT_INVALID
    except KeyringUnavailable as exc:
        _err(_no_keyring_message(str(exc)))
        return EXIT_LOCAL
    where = "the keyring" if source is TokenSource.KEYRING else source.value
    _print(f"The token for operation {server} is saved in {where} ({status.name}).")
    if os.environ.get(TOKEN_ENV, "").strip():
        _err(f"Note: {TOKEN_ENV} is set in this environment and wins over the keyring.")
    return EXIT_OK


def _no_keyring_message(detail: str) -> str:
    from wolkvox_desktop.core import credentials

    # the core's sentence may offer the GUI's session-only token: the CLI has no session
    session_only = getattr(credentials, "SESSION_ONLY", "")
    text = (detail.replace(session_only, "") if session_only else detail).strip()
    if not text:
        text = "No usable keyring was found on this computer."
    return (
        f"{text} The command line cannot keep a token without a keyring; set the "
        f"{TOKEN_ENV} environment variable for the commands that need it instead."
    )


def cmd_token_clear(args: argparse.Namespace) -> int:
    try:
        server = _server(args.server)
    except InvalidInput as exc:
        return _invalid(exc, json_mode=False)
    credentials = Credentials()
    try:
        credentials.delete(server)
    except KeyringUnavailable as exc:
        _err(_no_keyring_message(str(exc)))
        return EXIT_LOCAL
    _print(f"No token is kept in the keyring for operation {server} any more.")
    if os.environ.get(TOKEN_ENV, "").strip():
        _err(f"Note: {TOKEN_ENV} is still set in this environment and would be used.")
    return EXIT_OK


def cmd_token_status(args: argparse.Namespace) -> int:
    try:
        server = _server(args.server)
    except InvalidInput as exc:
        return _invalid(exc, json_mode=False)
    credentials = Credentials()
    status = credentials.status()
    try:
        source = credentials.has_token(server)
    except KeyringUnavailable as exc:
        _err(_no_keyring_message(str(exc)))
        return EXIT_LOCAL
    keyring_line = (
        f"Keyring: {status.name}." if status.usable else _no_keyring_message(status.detail)
    )
    if source is TokenSource.ENVIRONMENT:
        _print(f"Operation {server}: the token comes from the {TOKEN_ENV} environment "
               "variable.")
    elif source is TokenSource.KEYRING:
        _print(f"Operation {server}: a token is saved in the keyring.")
    elif source is TokenSource.SESSION:
        _print(f"Operation {server}: a token is held for this session only.")
    else:
        _print(f"Operation {server}: no token is saved. Save one with "
               f"`wolkvox token set --server {server}`, or set {TOKEN_ENV}.")
    _print(keyring_line)
    return EXIT_OK if source is not TokenSource.NONE else EXIT_LOCAL


def cmd_token_info(args: argparse.Namespace) -> int:
    json_mode: bool = args.json
    called = _read_call(args, lambda service: service.token_info(allow_over_budget=args.yes))
    if isinstance(called, int):
        return called
    server, result = called
    info = result.data if result.ok else None
    limit = getattr(info, "token_limit", None)
    used = getattr(info, "token_use_today", None)
    if json_mode:
        obj = result.to_json_dict()
        obj["token_limit"] = limit
        obj["token_use_today"] = used
        _print_json(obj)
        if not result.ok:
            _err(result.message)
        return result.outcome.exit_code
    if not result.ok:
        _err(f"token info: {describe(result)} (asking cost one token if it reached Wolkvox)")
        return result.outcome.exit_code
    shown_used = "?" if used is None else str(used)
    shown_limit = "?" if limit is None else str(limit)
    _print(f"Wolkvox says this token has been used {shown_used} times today, of a daily limit "
           f"of {shown_limit}. Asking cost one token.")
    return EXIT_OK


# ------------------------------------------------------------------------- usage


def cmd_usage(args: argparse.Namespace) -> int:
    try:
        server = _server(args.server)
    except InvalidInput as exc:
        return _invalid(exc, json_mode=False)
    store = _open_store()
    try:
        op = store.operation(server) or Operation(server=server)
        usage = Usage(store.calls_today(server), daily_budget(op.licenses))
    finally:
        store.close()
    if args.json:
        _print_json({"server": server, "used": usage.used, "budget": usage.budget,
                     "remaining": usage.remaining, "near_limit": usage.near_limit,
                     "exhausted": usage.exhausted})
        return EXIT_OK
    percent = 100.0 * usage.used / usage.budget if usage.budget else 0.0
    _print(f"Operation {server}: {usage.used} of {usage.budget} token uses today "
           f"({percent:.1f} %), {usage.remaining} left ({op.licenses} license"
           f"{'s' if op.licenses != 1 else ''} x 1000).")
    _print("Counted from this computer's history; `wolkvox token info --server "
           f"{server}` asks Wolkvox itself (costs one token).")
    if usage.exhausted:
        _err("Today's budget is used up: further calls need --yes.")
    elif usage.near_limit:
        _err("Warning: 80 % of today's budget or more is used.")
    return EXIT_OK


# ------------------------------------------------------------------------- history


def _history_dict(row: HistoryRow) -> dict[str, Any]:
    """One history row as JSON; a ``pending`` row (no answer yet) reads as ``unknown``."""
    pending = row.outcome == PENDING
    return {
        "id": row.id,
        "started_at": row.started_at.isoformat(),
        "finished_at": row.finished_at.isoformat() if row.finished_at else None,
        "server": row.server,
        "action": row.action,
        "campaign_id": row.campaign_id,
        "campaign_type": row.campaign_type,
        "outcome": Outcome.UNKNOWN.value if pending else row.outcome,
        "pending": pending,
        "reason": row.reason,
        "http_status": row.http_status,
        "code": row.code,
        "error": row.error,
        "msg": row.msg,
        "message": row.message,
        "duration_ms": row.duration_ms,
    }


def cmd_history(args: argparse.Namespace) -> int:
    try:
        server = _server(args.server) if args.server else None
        campaign = validate_campaign_id(args.campaign) if args.campaign else None
    except InvalidInput as exc:
        return _invalid(exc, json_mode=False)
    if args.limit is not None and args.limit < 1:
        _err("--limit must be at least 1.")
        return EXIT_INVALID
    store = _open_store()
    try:
        rows = store.history(since=args.since, until=args.until, server=server,
                             campaign_id=campaign, limit=args.limit)
    finally:
        store.close()
    if args.csv is not None:
        return _export_csv(rows, args.csv)
    if args.json:
        for row in rows:
            _print_json(_history_dict(row))
        return EXIT_OK
    if not rows:
        _print("No calls in the history for these filters.")
        return EXIT_OK
    table: list[tuple[str, ...]] = [
        ("WHEN", "SERVER", "ACTION", "CAMPAIGN", "TYPE", "OUTCOME", "HTTP", "CODE", "MS", "MSG")
    ]
    any_pending = False
    for row in rows:
        pending = row.outcome == PENDING or row.reason == INTERRUPTED
        any_pending = any_pending or pending
        table.append((
            row.started_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            row.server,
            row.action,
            row.campaign_id or "",
            row.campaign_type or "",
            f"{Outcome.UNKNOWN.value}*" if pending else row.outcome,
            "" if row.http_status is None else str(row.http_status),
            "" if row.code is None else str(row.code),
            "" if row.duration_ms is None else str(row.duration_ms),
            (row.msg or row.error or "").replace("\n", " ")[:80],
        ))
    _print_table(table)
    if any_pending:
        _print("* no answer recorded (interrupted, or still in flight): the call may or may not "
               "have happened; check the campaign before trying again.")
    return EXIT_OK


def _export_csv(rows: list[HistoryRow], path: Path) -> int:
    from wolkvox_desktop.core.history_export import export_history_csv

    try:
        export_history_csv(rows, path)
    except OSError as exc:
        _err(f"The history could not be written to {str(path)!r} ({exc.strerror or exc}).")
        return EXIT_LOCAL
    _print(f"{len(rows)} row{'s' if len(rows) != 1 else ''} written to {path} "
           "(CSV, UTF-8 with BOM).")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
