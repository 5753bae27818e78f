"""``wolkvox token set|clear|status``: the operation's token in the OS keyring.

The token is read from a hidden prompt or one line of standard input, never from an
argument, and never printed.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from wolkvox_desktop.cli.output import EXIT_INVALID, EXIT_LOCAL, EXIT_OK, err, invalid, say
from wolkvox_desktop.cli.runtime import front_door
from wolkvox_desktop.core.campaigns import parse_server_code
from wolkvox_desktop.core.credentials import (
    SESSION_ONLY,
    TOKEN_ENV,
    KeyringUnavailable,
    TokenSource,
)
from wolkvox_desktop.core.errors import InvalidInput
from wolkvox_desktop.core.operations import API_BASE_ENV


def run(args: argparse.Namespace) -> int:
    try:
        server = parse_server_code(args.server)
    except InvalidInput as exc:
        return invalid(exc, json_mode=False)
    if args.token_command == "set":
        return token_set(server, args.stray)
    if args.token_command == "clear":
        return token_clear(server)
    return token_status(server)


def no_keyring_message(detail: str) -> str:
    """The core's sentence, without the session-only offer the command line cannot keep."""
    text = detail.replace(SESSION_ONLY, "").strip()
    if not text:
        text = "No usable keyring was found on this computer."
    return (
        f"{text} The command line cannot keep a token without a keyring; set the "
        f"{TOKEN_ENV} environment variable for the commands that need it instead."
    )


def _read_token() -> str | None:
    stdin = sys.stdin
    if stdin is None:
        return None
    if stdin.isatty():
        return getpass.getpass("Token (hidden): ")
    return stdin.readline()


def token_set(server: str, stray: list[str]) -> int:
    if stray:
        err("The token is never taken from the command line (it would stay in the shell's "
            f"history); nothing was saved. Run `wolkvox token set --server {server}` and "
            "type it at the hidden prompt, or pipe it on standard input. Consider removing "
            "that line from your shell history.")
        return EXIT_INVALID
    with front_door() as ops:
        status = ops.credentials.status()
        if not status.usable:
            err(no_keyring_message(status.detail))
            return EXIT_LOCAL
        token = (_read_token() or "").strip()
        if not token:
            err("No token was given (type it at the prompt, or pipe it on standard input); "
                "nothing was saved.")
            return EXIT_INVALID
        try:
            ops.save_token(server, token)
        except InvalidInput as exc:  # the message never repeats the token
            err(f"{exc.message} Nothing was saved.")
            return EXIT_INVALID
        except KeyringUnavailable as exc:
            err(no_keyring_message(str(exc)))
            return EXIT_LOCAL
    say(f"The token for operation {server} is saved in the keyring ({status.name}).")
    _note_environment_token("is set in this environment and wins over the keyring")
    return EXIT_OK


def token_clear(server: str) -> int:
    with front_door() as ops:
        try:
            ops.forget_token(server)
        except KeyringUnavailable as exc:
            err(no_keyring_message(str(exc)))
            return EXIT_LOCAL
    say(f"No token is kept in the keyring for operation {server} any more.")
    _note_environment_token("is still set in this environment and would be used")
    return EXIT_OK


def _note_environment_token(what: str) -> None:
    if os.environ.get(TOKEN_ENV, "").strip():
        err(f"Note: {TOKEN_ENV} {what}.")


def token_status(server: str) -> int:
    with front_door() as ops:
        status = ops.credentials.status()
        source = ops.credentials.has_token(server)  # where it is kept, test server or not
        test_server = ops.test_server()
    keyring_line = (
        f"Keyring: {status.name}." if status.usable else no_keyring_message(status.detail)
    )
    if source is TokenSource.ENVIRONMENT:
        say(f"Operation {server}: the token comes from the {TOKEN_ENV} environment variable.")
    elif source is TokenSource.KEYRING:
        say(f"Operation {server}: a token is saved in the keyring.")
    elif source is TokenSource.SESSION:
        say(f"Operation {server}: a token is held for this session only.")
    else:
        say(f"Operation {server}: no token is saved. Save one with "
            f"`wolkvox token set --server {server}`, or set {TOKEN_ENV}.")
    say(keyring_line)
    if test_server is not None:
        err(f"Note: {API_BASE_ENV} is set: calls go to the test server {test_server} and use "
            f"only {TOKEN_ENV}, never a saved token.")
    return EXIT_OK if source is not TokenSource.NONE else EXIT_LOCAL
