"""Per-call time of WolkvoxClient beside plain requests and the seed's curl command.

    .venv/bin/python benchmarks/client_overhead.py [--iterations 2000] [--curl-every 10]

Every method sends the same call (PUT campaign.php?api=start&type_campaign=predictive&
campaign_id=3302 with the ``wolkvox-token`` header) to one simulator on loopback, in the same
run, interleaved round-robin so that machine noise hits all of them alike:

* ``WolkvoxClient.start``: gate, validation, tracked connection, bounded streamed body,
  JSON interpretation into a CallResult.
* plain ``requests``: ``Session.put(url, params=..., headers=...)`` then ``.json()``
  (a keep-alive session, like ours).
* ``curl -X PUT`` as in the seed (one process per call, so it includes process start-up and
  a fresh connection). The token goes to curl through a header file (``-H @file``), never
  on its command line.

The "same, cross-process gate" row is our client as the app runs it: every call also holds a
locked slot file, so that calls with one token from every process of the user stay within
the limit (core/token_slots.py). Its added cost is printed beside the target (< 2 ms).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wolkvox_desktop.core.api import CAMPAIGN_PATH, WolkvoxClient  # noqa: E402
from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType  # noqa: E402
from wolkvox_desktop.core.limits import TokenGate  # noqa: E402
from wolkvox_desktop.simulator import server as sim_server  # noqa: E402

TOKEN = "demo-token"  # the simulator's public demo token
PARAMS = {"api": "start", "type_campaign": "predictive", "campaign_id": "3302"}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument(
        "--curl-every",
        type=int,
        default=10,
        help="run curl once every N rounds (it is ~100x slower)",
    )
    args = parser.parse_args(argv)

    sim = sim_server.Simulator(tokens={TOKEN: 10**9}, campaigns=sim_server.demo_campaigns())
    sim.start(port=0)
    url = sim.base_url + CAMPAIGN_PATH
    ours = WolkvoxClient("0032", TOKEN, api_base=sim.base_url, gate=TokenGate(1))
    # Our client with the cross-process gate, its slots in a data folder of its own.
    slots = Path(tempfile.mkdtemp(prefix="wolkvox-bench-home-"))
    os.environ["WOLKVOX_DESKTOP_HOME"] = str(slots)
    ours_env = WolkvoxClient("0032", TOKEN, api_base=sim.base_url,
                             gate=TokenGate(1, across_processes=True))
    session = requests.Session()
    curl = shutil.which("curl")
    workdir = Path(tempfile.mkdtemp(prefix="wolkvox-bench-"))
    header_file = workdir / "headers"
    header_file.write_text(f"wolkvox-token: {TOKEN}\n")
    header_file.chmod(0o600)
    curl_url = requests.Request("PUT", url, params=PARAMS).prepare().url or url

    def call_ours() -> None:
        result = ours.start(CampaignRef("3302", CampaignType.PREDICTIVE))
        if not result.ok:
            raise SystemExit(f"our client failed: {result.message}")

    def call_ours_env() -> None:
        result = ours_env.start(CampaignRef("3302", CampaignType.PREDICTIVE))
        if not result.ok:
            raise SystemExit(f"our client failed: {result.message}")

    def call_requests() -> None:
        response = session.put(
            url,
            params=PARAMS,
            headers={"wolkvox-token": TOKEN},
            timeout=(10, 60),
            allow_redirects=False,
        )
        if response.status_code != 202 or response.json().get("code") != 202:
            raise SystemExit(f"plain requests failed: {response.status_code}")

    def call_curl() -> None:
        assert curl is not None
        done = subprocess.run(
            [curl, "-sS", "-X", "PUT", "-H", f"@{header_file}", curl_url],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0 or b"202" not in done.stdout:
            raise SystemExit(f"curl failed: {done.stderr.decode(errors='replace')}")

    methods: dict[str, Callable[[], None]] = {
        "WolkvoxClient.start": call_ours,
        "  same, cross-process gate": call_ours_env,
        "requests Session.put": call_requests,
    }
    if curl:
        methods["curl -X PUT (seed)"] = call_curl
    timings: dict[str, list[float]] = {name: [] for name in methods}

    try:
        for _ in range(args.warmup):
            call_ours()
            call_ours_env()
            call_requests()
        if curl:
            call_curl()
        for i in range(args.iterations):
            for name, call in methods.items():
                if name.startswith("curl") and i % args.curl_every:
                    continue
                started = time.perf_counter_ns()
                call()
                timings[name].append((time.perf_counter_ns() - started) / 1e6)
    finally:
        ours.close()
        ours_env.close()
        session.close()
        sim.stop()
        header_file.unlink(missing_ok=True)
        workdir.rmdir()

    base = statistics.median(timings["requests Session.put"])
    print(
        f"Per-call time against the simulator on loopback ({args.iterations} rounds, "
        f"Python {sys.version.split()[0]}, requests {requests.__version__})"
    )
    print(f"{'method':<28}{'calls':>7}{'median ms':>11}{'p90 ms':>9}{'vs requests':>13}")
    for name, values in timings.items():
        median = statistics.median(values)
        print(
            f"{name:<28}{len(values):>7}{median:>11.3f}{percentile(values, 0.9):>9.3f}"
            f"{median / base:>12.2f}x"
        )
    if not curl:
        print("curl: not found on PATH; its row is missing")
    overhead = statistics.median(timings["WolkvoxClient.start"]) / base - 1
    verdict = "within" if overhead <= 0.10 else "OVER"
    print(f"WolkvoxClient.start: overhead vs plain requests {overhead * 100:+.1f} % "
          f"({verdict} the 10 % target)")
    gate_ms = (statistics.median(timings["  same, cross-process gate"])
               - statistics.median(timings["WolkvoxClient.start"]))
    verdict = "within" if gate_ms < 2.0 else "OVER"
    print(f"cross-process gate: {gate_ms:+.3f} ms per call ({verdict} the 2 ms target)")
    shutil.rmtree(slots, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
