"""``wolkvox start|stop``: one or several campaigns, one after the other, never retried.

The campaigns are checked here, where they were typed (``--campaign``, ``--type``, the
rows of ``--from-file``), before anything is sent. One campaign is one call of the
operation's service; several are the core's :class:`~wolkvox_desktop.core.bulk_run.BulkRun`
(loaded only then: a single start is the command's most common use, and its start-up is
measured in benchmarks/cli_startup.py).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from wolkvox_desktop.cli.output import err, invalid, report, say
from wolkvox_desktop.cli.runtime import calling, front_door, open_service
from wolkvox_desktop.core.bulk import BulkItem, BulkPlan, plan_bulk
from wolkvox_desktop.core.campaigns import (
    Action,
    CampaignType,
    parse_server_code,
    validate_campaign_id,
)
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Reason
from wolkvox_desktop.core.service import OperationService, Usage

if TYPE_CHECKING:
    from wolkvox_desktop.core.bulk_run import BulkSummary


def collect_items(
    args: argparse.Namespace, known_types: dict[str, CampaignType]
) -> list[tuple[str, CampaignType | None]]:
    """The campaigns of a start/stop in order: --campaign values, then the file's rows.
    Every problem is refused here, before anything is sent (a file's bad row by line)."""
    items: list[tuple[str, CampaignType | None]] = []
    default_type = CampaignType.parse(args.campaign_type) if args.campaign_type else None
    for raw in args.campaign:
        items.append((validate_campaign_id(raw), default_type))
    if args.from_file is not None:
        from wolkvox_desktop.core.campaign_file import parse_campaign_rows, read_campaign_file

        path: Path = args.from_file
        data = read_campaign_file(path)  # refused over 1 MB, before it is read through
        rows = parse_campaign_rows(data, default_type=default_type, require_type=False)
        if not rows:
            raise InvalidInput(
                Reason.BAD_CAMPAIGN_ID, "The campaigns file (--from-file) lists no campaign."
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
    server: str | None = None
    with front_door() as ops:
        try:
            server = parse_server_code(args.server)
            known = ops.store.campaigns(server)
            known_types = {
                s.campaign.id: s.campaign.type for s in known if s.campaign.type is not None
            }
            plan = plan_bulk(args.action, collect_items(args, known_types), known=known,
                             include_in_state=True)
            service = open_service(ops, server, args.timeout)
        except InvalidInput as exc:
            return invalid(exc, json_mode=args.json, server=server)
        return run_plan(service, plan, args)


def _budget_refusal(plan: BulkPlan, usage: Usage) -> str:
    return (
        f"{plan.budget_message(usage)} This run would pass today's token budget, so nothing "
        "was sent. Add --yes to go ahead anyway, or raise the operation's licenses."
    )


def uncertain_refusal(usage: Usage, what: str) -> str:
    """A run asked for on a day whose token use is not known exactly (the data file was
    rebuilt and some of today's history could not be read)."""
    return (
        f"Today's token use for this operation is not known exactly: the data file was "
        f"rebuilt today and some of today's history could not be read (at least "
        f"{usage.used:,} of {usage.budget:,} used). {what} did not start and nothing was "
        "sent. Add --yes to go ahead anyway."
    )


def run_plan(service: OperationService, plan: BulkPlan, args: argparse.Namespace) -> int:
    """Check the budget, make the calls in order, print each outcome and a summary."""
    json_mode: bool = args.json
    usage = service.usage()
    if usage.uncertain and len(plan.items) > 1 and not args.yes:
        return invalid(InvalidInput(Reason.BUDGET_EXHAUSTED,
                                    uncertain_refusal(usage, "The run")), json_mode=json_mode)
    if plan.over_budget(usage):
        if not args.yes:
            return invalid(
                InvalidInput(Reason.BUDGET_EXHAUSTED, _budget_refusal(plan, usage)),
                json_mode=json_mode,
            )
        err(f"Going over today's token budget as asked (--yes): {plan.budget_message(usage)}")
    else:
        note_near_limit(plan, usage, json_mode=json_mode)
    on_result = call_printer(plan.action, len(plan.items), json_mode=json_mode)
    if len(plan.items) == 1:  # one call: nothing to pause, skip or summarise
        (item,) = plan.items
        with calling():
            result = service.campaign_action(plan.action, item.ref,
                                             allow_over_budget=bool(args.yes))
        on_result(0, item, result)
        return result.exit_code
    from wolkvox_desktop.core.bulk_run import BulkRun

    run = BulkRun(service, plan, allow_over_budget=bool(args.yes))
    with calling():
        summary = run.run_all(on_result, stop_on_failure=not args.keep_going)
    print_summary(summary, json_mode=json_mode)
    return summary.exit_code


def note_near_limit(plan: BulkPlan, usage: Usage, *, json_mode: bool) -> None:
    """A note on stderr when the run takes today's use to 80 % of the budget or more."""
    if plan.near_limit_after(usage) and not json_mode:
        err(f"Note: {plan.budget_message(usage)} That is 80 % of the budget or more.")


def call_printer(
    action: Action, total: int, *, json_mode: bool, prefix: str = ""
) -> Callable[[int, BulkItem, CallResult], None]:
    """Prints each call of a run as it ends: a line (numbered when there are several), or a
    JSON object (with ``campaign`` and ``type`` when there are several)."""
    many = total > 1

    def on_result(index: int, item: BulkItem, result: CallResult) -> None:
        line = f"{action.value} {item.campaign_id} ({item.campaign_type.value}): "
        if many:
            line = f"[{index + 1}/{total}] {line}"
        line = prefix + line
        extra = (
            {"campaign": item.campaign_id, "type": item.campaign_type.value} if many else None
        )
        report(result, line, extra, json_mode)

    return on_result


def print_summary(summary: BulkSummary, *, json_mode: bool) -> None:
    """The run's last line (several campaigns, not in JSON mode): stdout if all went well."""
    from wolkvox_desktop.core.bulk_run import ItemState

    progress = summary.progress
    total = progress.total
    if total <= 1 or json_mode:
        return
    parts = [f"{progress.ok} ok"]
    if progress.failed:
        parts.append(f"{progress.failed} failed")
    if progress.not_run:
        not_run = [r.item.campaign_id for r in summary.records if r.state is ItemState.NOT_RUN]
        parts.append(f"{progress.not_run} not called ({', '.join(not_run)})")
    line = f"{summary.action.value}: {total} campaigns: " + ", ".join(parts) + "."
    (say if summary.all_ok else err)(line)
