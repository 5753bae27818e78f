"""``wolkvox live`` (one live reading, or ``--watch``) and ``wolkvox speed``: the live board
from the command line, with the same rules as the window (the front door's service, the
governor's cadence, the reserve, alerts recorded once in the history)."""

from __future__ import annotations

import argparse
import time
from datetime import datetime, timedelta

from wolkvox_desktop.cli.output import (
    EXIT_OK,
    describe,
    err,
    invalid,
    plural,
    report,
    say,
    say_json,
    table,
)
from wolkvox_desktop.cli.reads import with_budget_hint
from wolkvox_desktop.cli.runtime import calling, front_door, open_service
from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType, parse_server_code
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason
from wolkvox_desktop.core.live import LiveCampaign, LiveReading
from wolkvox_desktop.core.service import OperationService

ALERT_WORDS = {"list_finished": "list finished", "not_dialling": "not dialling",
               "changed_elsewhere": "changed elsewhere"}
#: outcomes after which a watch goes on (the next reading may work)
_PASSING = (Outcome.UNKNOWN, Outcome.UNDELIVERED)


# ---------------------------------------------------------------------------- live
def cmd_live(args: argparse.Namespace) -> int:
    server: str | None = None
    with front_door() as ops:
        try:
            server = parse_server_code(args.server)
            service = open_service(ops, server, args.timeout)
        except InvalidInput as exc:
            return invalid(exc, json_mode=args.json, server=server)
        if args.watch is None:
            with calling():
                result = with_budget_hint(service.live_reading(allow_over_budget=args.yes))
            return show(result, server, json_mode=args.json)
        return watch(service, server, args)


def show(result: CallResult, server: str, *, json_mode: bool) -> int:
    """A reading as a table (or one JSON object); a failure as its sentence."""
    reading = result.data if result.ok and isinstance(result.data, LiveReading) else None
    if json_mode:
        if reading is not None:
            say_json(reading.to_json_dict(server))
        else:
            obj = result.to_json_dict()
            obj["server"] = server
            say_json(obj)
            err(result.message)
        return result.exit_code
    if reading is None:
        err(f"live: {describe(result)}")
        return result.exit_code
    say(f"Live at {reading.at:%H:%M} on operation {server}:")
    rows: list[tuple[str, ...]] = [("ID", "NAME", "STATUS", "SPEED", "LEFT", "CALLS/MIN",
                                    "ANSWERED", "MACHINE", "PENETRATION", "ALERTS")]
    rows += [_row(campaign, reading.alerts_of(campaign.id)) for campaign in reading.campaigns]
    if len(rows) > 1:
        table(rows)
    for cid, code in reading.new_alerts:
        campaign = reading.campaign(cid)
        name = f" ({campaign.name})" if campaign is not None and campaign.name else ""
        say(f"Alert, new: campaign {cid}{name}: {ALERT_WORDS.get(code, code)}.")
    skipped = f", {plural(reading.skipped, 'row')} without a campaign ID left out" \
        if reading.skipped else ""
    say(f"{plural(len(reading.campaigns), 'campaign')}{skipped} ({result.duration_ms} ms; "
        "this reading cost one token).")
    return EXIT_OK


def _number(value: float | int | None, suffix: str = "") -> str:
    if value is None:
        return "?"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}{suffix}"
    return f"{int(value):,}{suffix}"


def _row(campaign: LiveCampaign, alerts: tuple[str, ...]) -> tuple[str, ...]:
    left = _number(campaign.remaining)
    if campaign.records is not None:
        left += f" of {_number(campaign.records)}"
    return (campaign.id, campaign.name[:40], campaign.status.value, _number(campaign.speed),
            left, _number(campaign.calls_per_minute), _number(campaign.answered),
            _number(campaign.machine), _number(campaign.penetration, " %"),
            ", ".join(ALERT_WORDS.get(a, a) for a in alerts))


# ---------------------------------------------------------------------------- watch
def watch(service: OperationService, server: str, args: argparse.Namespace) -> int:
    """Readings at the governor's cadence (``--watch`` minutes while a campaign is
    started) until Ctrl-C, or until the share or the reserve stops them."""
    from wolkvox_desktop.core.governor import (
        BoardState,
        GovernorSettings,
        ReadingGovernor,
    )

    governor = ReadingGovernor(GovernorSettings(interval=timedelta(minutes=args.watch)))
    json_mode: bool = args.json
    spent = 0
    last: datetime | None = None
    not_taken: datetime | None = None  # another call held the token's slot
    any_started = True  # until the first reading says
    offered = False
    try:
        while True:
            usage = service.usage()
            now = datetime.now().astimezone()
            decision = governor.decide(BoardState(
                any_started, usage.budget, usage.used,
                service.store.readings_today(server), last, not_taken), now)
            if decision.at is None:
                err(f"Stopped watching: {decision.why}")
                return EXIT_OK
            if not offered:  # the day's first watch: Wolkvox's licenses, once
                offered = True
                with calling():
                    spent += _offer_licenses(service)
            _sleep_until(decision.at)
            with calling():
                result = service.live_reading(allow_over_budget=args.yes)
            if result.reason is Reason.GATE_BUSY:
                not_taken = datetime.now().astimezone()  # tried again in half a minute
            elif result.outcome is not Outcome.INVALID:
                last = datetime.now().astimezone()
            if result.outcome not in (Outcome.INVALID, Outcome.UNDELIVERED):
                spent += 1
            code = show(with_budget_hint(result), server, json_mode=json_mode)
            if isinstance(result.data, LiveReading):
                any_started = result.data.any_started
            if code != EXIT_OK and result.outcome not in _PASSING and \
                    result.reason is not Reason.GATE_BUSY:
                return code
            usage = service.usage()
            after = governor.decide(BoardState(
                any_started, usage.budget, usage.used,
                service.store.readings_today(server), last, not_taken),
                datetime.now().astimezone())
            nxt = f"next at {after.at:%H:%M}" if after.at is not None else "no next reading"
            err(f"Watch: {plural(spent, 'token')} spent so far (today {usage.used:,} of "
                f"{usage.budget:,}); {nxt}. {after.why} ({after.projection.sentence()})")
    except KeyboardInterrupt:
        err(f"Stopped watching ({plural(spent, 'token')} spent).")
        return EXIT_OK


def _sleep_until(moment: datetime) -> None:
    while True:
        left = (moment - datetime.now().astimezone()).total_seconds()
        if left <= 0:
            return
        time.sleep(min(left, 1.0))


def _offer_licenses(service: OperationService) -> int:
    """The first watch of the day asks Wolkvox for the licenses (one token) and says when
    they differ from this computer's setting. Returns the tokens it cost."""
    from wolkvox_desktop.core.live_calls import LicenseOffer, services_due

    if not services_due(service.store, service.server):
        return 0
    result = service.read_services()
    if result.outcome in (Outcome.INVALID, Outcome.UNDELIVERED):
        return 0
    offer = result.data
    if isinstance(offer, LicenseOffer) and offer.differs:
        err(f"Note: {offer.sentence()} This computer counts {plural(offer.current, 'license')}"
            f"; `wolkvox operation add --server {service.server} --licenses "
            f"{offer.licenses}` uses Wolkvox's number. (Asking cost one token.)")
    return 1


# ---------------------------------------------------------------------------- speed
def cmd_speed(args: argparse.Namespace) -> int:
    server: str | None = None
    json_mode: bool = args.json
    with front_door() as ops:
        try:
            server = parse_server_code(args.server)
            ctype = CampaignType.parse(args.campaign_type) if args.campaign_type else None
            if ctype is None:
                known = {s.campaign.id: s.campaign.type for s in ops.store.campaigns(server)}
                ctype = known.get(args.campaign)
            if ctype is None:
                raise InvalidInput(
                    Reason.BAD_CAMPAIGN_TYPE,
                    f"The type of campaign {args.campaign} is not known: give --type preview "
                    "or predictive.")
            ref = CampaignRef.parse(args.campaign, ctype)
            service = open_service(ops, server, args.timeout)
        except InvalidInput as exc:
            return invalid(exc, json_mode=json_mode, server=server)
        with calling():
            result = with_budget_hint(
                service.set_speed(ref, args.speed, allow_over_budget=bool(args.yes)))
        report(result, f"speed {ref.id} ({ref.type.value}) to {args.speed}: ", None, json_mode)
        return result.exit_code


__all__ = ["cmd_live", "cmd_speed", "show", "watch"]
