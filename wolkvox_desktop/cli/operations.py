"""``wolkvox operations`` and ``wolkvox operation add|remove``: the operations this computer
knows, the same ones the window lists. No token is used."""

from __future__ import annotations

import argparse
from dataclasses import replace

from wolkvox_desktop.cli.output import (
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
from wolkvox_desktop.cli.token import no_keyring_message
from wolkvox_desktop.core.campaigns import parse_server_code
from wolkvox_desktop.core.credentials import KeyringUnavailable, TokenSource
from wolkvox_desktop.core.errors import InvalidInput
from wolkvox_desktop.core.store import Operation

_SOURCE_WORDS = {
    TokenSource.ENVIRONMENT: "environment",
    TokenSource.KEYRING: "keyring",
    TokenSource.SESSION: "session",
    TokenSource.NONE: "none",
}


def run(args: argparse.Namespace) -> int:
    if args.command == "operations":
        return list_operations(json_mode=args.json)
    try:
        server = parse_server_code(args.server)
    except InvalidInput as exc:
        return invalid(exc, json_mode=False)
    if args.operation_command == "add":
        return add_operation(server, args)
    return remove_operation(server)


def list_operations(*, json_mode: bool) -> int:
    with front_door() as ops:
        operations = ops.operations()
        sources = {op.server: ops.token_source(op.server) for op in operations}
    if json_mode:
        say_json([
            {"server": op.server, "name": op.label, "licenses": op.licenses,
             "timeout": op.timeout_s, "in_flight": op.max_in_flight,
             "token": _SOURCE_WORDS[sources[op.server]]}
            for op in operations
        ])
        return EXIT_OK
    if not operations:
        say("No operation is set up on this computer. Add one with "
            "`wolkvox operation add --server CODE` and `wolkvox token set --server CODE`.")
        return EXIT_OK
    rows = [("SERVER", "NAME", "LICENSES", "TIMEOUT", "IN FLIGHT", "TOKEN")] + [
        (op.server, op.label, str(op.licenses), f"{op.timeout_s:g} s", str(op.max_in_flight),
         _SOURCE_WORDS[sources[op.server]])
        for op in operations
    ]
    table(rows)
    return EXIT_OK


def add_operation(server: str, args: argparse.Namespace) -> int:
    with front_door() as ops:
        existing = ops.store.operation(server)
        op = existing or Operation(server=server)
        changes: dict[str, object] = {}
        if args.name is not None:
            changes["label"] = args.name
        if args.licenses is not None:
            changes["licenses"] = args.licenses
        if args.timeout is not None:
            changes["timeout_s"] = args.timeout
        if args.in_flight is not None:
            changes["max_in_flight"] = args.in_flight
        saved = ops.save_operation(replace(op, **changes))  # type: ignore[arg-type]
        has_token = ops.token_source(server) is not TokenSource.NONE
    verb = "updated" if existing is not None else "added"
    say(f"Operation {server} {verb}: {saved.label or 'no name'}, "
        f"{plural(saved.licenses, 'license')}, timeout {saved.timeout_s:g} s, "
        f"{saved.max_in_flight} in flight.")
    if not has_token:
        err(f"Note: no token is saved for it yet: `wolkvox token set --server {server}`.")
    return EXIT_OK


def remove_operation(server: str) -> int:
    with front_door() as ops:
        try:
            existed = ops.remove_operation(server)
        except KeyringUnavailable as exc:
            err(f"Operation {server} was removed, but its token could not be removed from "
                f"the keyring. {no_keyring_message(str(exc))}")
            return EXIT_LOCAL
    if existed:
        say(f"Operation {server} and its saved token were removed (its history stays).")
    else:
        say(f"Operation {server} was not set up; its saved token, if any, was removed.")
    return EXIT_OK

