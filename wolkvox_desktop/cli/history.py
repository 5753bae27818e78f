"""``wolkvox history`` and ``wolkvox usage``: what this computer has sent, and today's token
uses against the budget. Neither uses a token. Machine-readable output stays English."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from wolkvox_desktop.cli.output import (
    EXIT_INVALID,
    EXIT_LOCAL,
    EXIT_OK,
    err,
    invalid,
    plural,
    say,
    say_json,
    table,
)
from wolkvox_desktop.cli.runtime import front_door
from wolkvox_desktop.core.campaigns import parse_server_code, validate_campaign_id
from wolkvox_desktop.core.errors import InvalidInput, Outcome
from wolkvox_desktop.core.store import INTERRUPTED, PENDING, HistoryRow


def history_dict(row: HistoryRow) -> dict[str, Any]:
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
        "api_base": row.api_base,
        "plan": row.plan,
        "detail": row.detail,  # a speed's "40 → 55", an alert's "started → stopped"
    }


def _action_cell(row: HistoryRow) -> str:
    """``speed 40 → 55``; ``alert not_dialling`` (its sentence is in the MSG column)."""
    if row.action == "alert":
        return f"alert {row.reason or ''}".rstrip()
    return f"{row.action} {row.detail}" if row.detail else row.action


def cmd_history(args: argparse.Namespace) -> int:
    try:
        server = parse_server_code(args.server) if args.server else None
        campaign = validate_campaign_id(args.campaign) if args.campaign else None
    except InvalidInput as exc:
        return invalid(exc, json_mode=False)
    if args.limit is not None and args.limit < 1:
        err("--limit must be at least 1.")
        return EXIT_INVALID
    with front_door() as ops:
        rows = ops.store.history(since=args.since, until=args.until, server=server,
                                 campaign_id=campaign, action=args.action,
                                 outcome=args.outcome, plan=args.plan, limit=args.limit)
    if args.csv is not None:
        return export_csv(rows, args.csv)
    if args.json:
        for row in rows:
            say_json(history_dict(row))
        return EXIT_OK
    if not rows:
        say("No calls in the history for these filters.")
        return EXIT_OK
    lines: list[tuple[str, ...]] = [
        ("WHEN", "SERVER", "ACTION", "CAMPAIGN", "TYPE", "OUTCOME", "HTTP", "CODE", "MS", "MSG")
    ]
    any_pending = False
    for row in rows:
        pending = row.outcome == PENDING or row.reason == INTERRUPTED
        any_pending = any_pending or pending
        lines.append((
            row.started_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            row.server,
            _action_cell(row),
            row.campaign_id or "",
            row.campaign_type or "",
            f"{Outcome.UNKNOWN.value}*" if pending else row.outcome,
            "" if row.http_status is None else str(row.http_status),
            "" if row.code is None else str(row.code),
            "" if row.duration_ms is None else str(row.duration_ms),
            (row.msg or row.error or (row.message if row.action == "alert" else "")
             or "").replace("\n", " ")[:80],
        ))
    table(lines)
    if any_pending:
        say("* no answer recorded (interrupted, or still in flight): the call may or may not "
            "have happened; check the campaign before trying again.")
    return EXIT_OK


def export_csv(rows: list[HistoryRow], path: Path) -> int:
    from wolkvox_desktop.core.history_export import export_history_csv

    try:
        export_history_csv(rows, path)
    except OSError as exc:
        err(f"The history could not be written to the --csv file "
            f"({exc.strerror or type(exc).__name__}).")
        return EXIT_LOCAL
    say(f"{plural(len(rows), 'row')} written to {path} (CSV, UTF-8 with BOM).")
    return EXIT_OK


def cmd_usage(args: argparse.Namespace) -> int:
    try:
        server = parse_server_code(args.server)
    except InvalidInput as exc:
        return invalid(exc, json_mode=False)
    with front_door() as ops:
        op = ops.operation(server)
        usage = ops.usage(server)
    if args.json:
        say_json({"server": server, "used": usage.used, "budget": usage.budget,
                  "remaining": usage.remaining, "near_limit": usage.near_limit,
                  "exhausted": usage.exhausted})
        return EXIT_OK
    percent = 100.0 * usage.used / usage.budget if usage.budget else 0.0
    say(f"Operation {server}: {usage.used} of {usage.budget} token uses today "
        f"({percent:.1f} %), {usage.remaining} left ({plural(op.licenses, 'license')} x 1000).")
    say("Counted from this computer's history; `wolkvox token info --server "
        f"{server}` asks Wolkvox itself (costs one token).")
    if usage.exhausted:
        err("Today's budget is used up: further calls need --yes.")
    elif usage.near_limit:
        err("Warning: 80 % of today's budget or more is used.")
    return EXIT_OK
