"""How answers read in a terminal: one line per outcome, JSON objects, tables, exit codes.

Every command prints through here. Results go to standard output; failures and notes to
standard error. No text printed here ever contains the token (results never hold it).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from wolkvox_desktop.core.credentials import TOKEN_ENV
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason

EXIT_OK = 0
EXIT_LOCAL = 1  # a local problem that is not a call's outcome (no keyring, no token saved)
EXIT_INVALID = Outcome.INVALID.exit_code  # 2
EXIT_INTERRUPTED = 130  # Ctrl-C with no call in flight

OUTCOME_WORDS = {
    Outcome.OK: "ok",
    Outcome.INVALID: "invalid input",
    Outcome.REFUSED: "refused by Wolkvox",
    Outcome.UNDELIVERED: "not delivered",
    Outcome.UNKNOWN: "outcome unknown",
}


def out() -> TextIO:
    return sys.stdout


def err(text: str) -> None:
    stream = sys.stderr
    if stream is not None:
        print(text, file=stream, flush=True)


def say(text: str) -> None:
    print(text, file=out(), flush=True)


def say_json(obj: object) -> None:
    print(json.dumps(obj), file=out(), flush=True)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def table(rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        say("  ".join(cells).rstrip())


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
    return f"{OUTCOME_WORDS[result.outcome]}: {result.message} ({', '.join(details)})"


def report(
    result: CallResult, prefix: str, json_extra: dict[str, Any] | None, json_mode: bool
) -> None:
    """One call's outcome: a JSON object on stdout, or a line (stdout if ok, else stderr)."""
    if json_mode:
        obj = result.to_json_dict()
        if json_extra:
            obj.update(json_extra)
        say_json(obj)
        if not result.ok:
            err(f"{prefix}{result.message}")
        return
    line = f"{prefix}{describe(result)}"
    if result.ok:
        say(line)
    else:
        err(line)


def invalid(exc: InvalidInput, *, json_mode: bool, server: str | None = None) -> int:
    """Report input refused before anything was sent (exit 2)."""
    message = exc.message
    if exc.reason is Reason.NO_TOKEN and server:
        message += f" Save one with `wolkvox token set --server {server}`, or set {TOKEN_ENV}."
    if json_mode:
        say_json(CallResult(Outcome.INVALID, exc.reason, message).to_json_dict())
    err(message)
    return EXIT_INVALID
