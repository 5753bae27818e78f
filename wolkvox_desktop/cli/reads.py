"""``wolkvox campaigns`` and ``wolkvox token info``: read calls, each costing one token."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable

from wolkvox_desktop.cli.output import EXIT_OK, describe, err, invalid, plural, say, say_json, table
from wolkvox_desktop.cli.runtime import calling, front_door, open_service
from wolkvox_desktop.core.campaigns import parse_server_code
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Reason
from wolkvox_desktop.core.service import OperationService


def read_call(
    args: argparse.Namespace, call: Callable[[OperationService], CallResult]
) -> CallResult | int:
    """Open the operation, make one read call (costs a token), close everything.
    Returns the result, or the exit code when nothing could be sent."""
    server: str | None = None
    with front_door() as ops:
        try:
            server = parse_server_code(args.server)
            service = open_service(ops, server, args.timeout)
        except InvalidInput as exc:
            return invalid(exc, json_mode=args.json, server=server)
        with calling():
            return with_budget_hint(call(service))


def with_budget_hint(result: CallResult) -> CallResult:
    """The service's budget refusal, with how to go ahead from the command line."""
    if result.reason is not Reason.BUDGET_EXHAUSTED:
        return result
    return dataclasses.replace(result, message=f"{result.message} Add --yes to go ahead.")


def json_answer(result: CallResult, **extra: object) -> int:
    """A read call's one JSON object: the 7 call keys and ``extra``; the exit code."""
    obj = result.to_json_dict()
    obj.update(extra)
    say_json(obj)
    if not result.ok:
        err(result.message)
    return result.exit_code


def cmd_campaigns(args: argparse.Namespace) -> int:
    result = read_call(args, lambda service: service.refresh_campaigns(allow_over_budget=args.yes))
    if isinstance(result, int):
        return result
    campaigns = result.data if result.ok and isinstance(result.data, list) else []
    if args.json:
        return json_answer(result, campaigns=[
            {"id": c.id, "name": c.name, "type": c.type.value if c.type else None,
             "status": c.status.value}
            for c in campaigns
        ])
    if not result.ok:
        err(f"campaigns: {describe(result)}")
        return result.exit_code
    rows = [("ID", "NAME", "TYPE", "STATUS")] + [
        (c.id, c.name, c.type.value if c.type else "?", c.status.value) for c in campaigns
    ]
    table(rows)
    say(f"{plural(len(campaigns), 'campaign')} ({result.duration_ms} ms; this list cost one "
        "token).")
    return EXIT_OK


def cmd_token_info(args: argparse.Namespace) -> int:
    result = read_call(args, lambda service: service.token_info(allow_over_budget=args.yes))
    if isinstance(result, int):
        return result
    info = result.data if result.ok else None
    limit = getattr(info, "token_limit", None)
    used = getattr(info, "token_use_today", None)
    if args.json:
        return json_answer(result, token_limit=limit, token_use_today=used)
    if not result.ok:
        err(f"token info: {describe(result)} (asking cost one token if it reached Wolkvox)")
        return result.exit_code
    shown_used = "?" if used is None else str(used)
    shown_limit = "?" if limit is None else str(limit)
    say(f"Wolkvox says this token has been used {shown_used} times today, of a daily limit "
        f"of {shown_limit}. Asking cost one token.")
    return EXIT_OK
