"""``python -m wolkvox_desktop.simulator``: run the simulator standalone.

Prints its base URL on one line to stdout, then serves until Ctrl-C or SIGTERM. Other
messages go to stderr. A token given with ``--token`` (or ``WOLKVOX_SIM_TOKEN``) is never
printed. ``--fault NAME[=VALUE]`` turns a fault switch on from the start (``--help`` lists
them); ``POST /_sim/faults`` changes them while it runs.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from types import FrameType

from wolkvox_desktop.simulator.campaigns import demo_campaigns, many_campaigns
from wolkvox_desktop.simulator.faults import Faults
from wolkvox_desktop.simulator.server import DEFAULT_TOKEN_LIMIT, DEMO_TOKEN, Simulator

TOKEN_ENV = "WOLKVOX_SIM_TOKEN"

#: every fault switch (simulator/faults.py), as --help tells it
FAULTS = {
    "latency=S": "wait S seconds before every answer (also --latency)",
    "hang": "never answer (until the client gives up or the simulator stops)",
    "reset": "read the request, then close the connection (RST)",
    "html_502": "answer 502 with an nginx-like HTML page",
    "malformed_json": "the JSON answer cut short",
    "redirect_to=URL": "answer 302 to URL",
    "oversized_bytes=N": "answer a valid-looking JSON N bytes long",
    "maintenance": "403: the server is in backup or maintenance",
    "code_as_string": 'the body\'s "code" as a string ("202")',
    "empty_body": "the real status with an empty body",
    "busy=N": "refuse the next N requests as too many simultaneous requests",
    "answer_status=N": "answer with HTTP status N (the call is carried out first)",
    "answer_body=TEXT": "answer with this exact body (the call is carried out first)",
    "trickle=S": "send the answer one byte every S seconds",
    "trickle_body": "with trickle: the status line and headers at once, then the body",
    "live_wrapper": "real_time in the {code, error, msg, data} wrapper (default: a bare "
                    "array)",
    "live_campaign_id": "real_time rows also carry campaign_id (beside \"campaign\")",
    "live_strings": "real_time numbers as strings (\"1840\")",
    "live_missing": "real_time: every other row lacks clean, calls_x_min, speed…",
    "live_junk": "real_time data that is not campaign rows",
    "only_api=NAME": "apply the faults only to api=NAME (start, stop, speed, campaigns…)",
    "act_first": "carry the call out (start, stop, token use) before the fault",
}


def _epilog() -> str:
    width = max(len(name) for name in FAULTS)
    lines = [f"  {name.ljust(width)}  {what}" for name, what in FAULTS.items()]
    return ("fault switches (--fault NAME or --fault NAME=VALUE, repeatable; while it runs:\n"
            "POST a JSON object of them to <base URL>/_sim/faults, POST /_sim/reset_faults\n"
            "turns them all off):\n" + "\n".join(lines))


def parse_fault(text: str) -> dict[str, object]:
    """``html_502`` -> ``{"html_502": True}``; ``busy=2`` -> ``{"busy": 2}``; checked
    against the switches' types (``ValueError`` with the reason)."""
    name, sep, raw = text.partition("=")
    name = name.strip()
    kinds = {f: type(v) for f, v in vars(Faults()).items()}
    if name not in kinds:
        raise ValueError(f"unknown fault {name!r}: see --help")
    if not sep:
        value: object = True
    elif raw.lower() in ("true", "false"):
        value = raw.lower() == "true"
    else:
        try:
            value = json.loads(raw)
        except ValueError:
            value = raw
        if kinds[name] in (str, type(None)):
            value = raw
    Faults().update({name: value})  # the same checks as POST /_sim/faults
    return {name: value}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m wolkvox_desktop.simulator",
        description="A local Wolkvox API v2 on loopback, for demos and tests.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="loopback address (127.x.x.x)")
    parser.add_argument("--port", type=int, default=0, help="port (0: any free port)")
    parser.add_argument(
        "--token",
        default=None,
        help=f"the accepted token (default: ${TOKEN_ENV}, else the public {DEMO_TOKEN!r})",
    )
    parser.add_argument(
        "--limit", type=int, default=DEFAULT_TOKEN_LIMIT, help="daily token limit"
    )
    parser.add_argument(
        "--latency", type=float, default=0.0, help="seconds before every answer"
    )
    parser.add_argument(
        "--campaigns",
        type=int,
        default=0,
        metavar="N",
        help="serve N generated campaigns instead of the demo set",
    )
    parser.add_argument(
        "--pace", type=float, default=1.0, metavar="X",
        help="the dialer's clock runs X times real time (started campaigns dial their "
        "records at a pace set by their speed; 60: a minute a second)",
    )
    parser.add_argument(
        "--licenses", type=int, default=None, metavar="N",
        help="the licenses information.php?api=services reports (default: limit / 1000)",
    )
    parser.add_argument(
        "--fault", action="append", default=[], metavar="NAME[=VALUE]",
        help="turn a fault switch on from the start (listed below)",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="log request lines to stderr (never headers)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.latency < 0 or args.limit < 0 or args.campaigns < 0 or args.pace < 0:
        print("--latency, --limit, --campaigns and --pace cannot be negative", file=sys.stderr)
        return 2
    if args.licenses is not None and args.licenses < 1:
        print("--licenses must be 1 or more", file=sys.stderr)
        return 2
    if args.token:
        token, token_note = args.token, "using the token given with --token"
    elif os.environ.get(TOKEN_ENV):
        token, token_note = os.environ[TOKEN_ENV], f"using the token given in ${TOKEN_ENV}"
    else:
        token, token_note = DEMO_TOKEN, f"using the public demo token {DEMO_TOKEN!r}"
    campaigns = many_campaigns(args.campaigns) if args.campaigns else demo_campaigns()
    faults: dict[str, object] = {}
    try:
        for text in args.fault:
            faults.update(parse_fault(text))
    except ValueError as exc:
        print(f"--fault: {exc}", file=sys.stderr)
        return 2
    try:
        sim = Simulator(
            tokens={token: args.limit}, campaigns=campaigns, host=args.host,
            verbose=args.verbose, pace=args.pace, licenses=args.licenses,
        )
        sim.faults.latency = args.latency
        sim.faults.update(faults)
        sim.start(port=args.port)
    except (OSError, ValueError) as exc:
        print(f"cannot start the simulator: {exc}", file=sys.stderr)
        return 2

    done = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        print(sim.base_url, flush=True)
        print(
            f"Wolkvox simulator serving on {sim.base_url}; {token_note}. "
            "Ctrl-C stops it.",
            file=sys.stderr,
            flush=True,
        )
        while not done.wait(0.5):
            pass
    finally:
        sim.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
