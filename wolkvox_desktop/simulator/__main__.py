"""``python -m wolkvox_desktop.simulator``: run the simulator standalone.

Prints its base URL on one line to stdout, then serves until Ctrl-C or SIGTERM. Other
messages go to stderr. A token given with ``--token`` (or ``WOLKVOX_SIM_TOKEN``) is never
printed.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from types import FrameType

from wolkvox_desktop.simulator.campaigns import demo_campaigns, many_campaigns
from wolkvox_desktop.simulator.server import DEFAULT_TOKEN_LIMIT, DEMO_TOKEN, Simulator

TOKEN_ENV = "WOLKVOX_SIM_TOKEN"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m wolkvox_desktop.simulator",
        description="A local Wolkvox API v2 on loopback, for demos and tests.",
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
        "--verbose", action="store_true", help="log request lines to stderr (never headers)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.latency < 0 or args.limit < 0 or args.campaigns < 0:
        print("--latency, --limit and --campaigns cannot be negative", file=sys.stderr)
        return 2
    if args.token:
        token, token_note = args.token, "using the token given with --token"
    elif os.environ.get(TOKEN_ENV):
        token, token_note = os.environ[TOKEN_ENV], f"using the token given in ${TOKEN_ENV}"
    else:
        token, token_note = DEMO_TOKEN, f"using the public demo token {DEMO_TOKEN!r}"
    campaigns = many_campaigns(args.campaigns) if args.campaigns else demo_campaigns()
    try:
        sim = Simulator(
            tokens={token: args.limit}, campaigns=campaigns, host=args.host, verbose=args.verbose
        )
        sim.faults.latency = args.latency
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
