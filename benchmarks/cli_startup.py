"""``wolkvox start`` as a whole process beside a minimal requests script, same simulator.

    .venv/bin/python benchmarks/cli_startup.py [--rounds 30]

Each round runs, interleaved so that machine noise hits both alike:

* ``wolkvox start --server 0032 --type predictive --campaign 3302`` (the console script of
  this environment; the token from ``WOLKVOX_TOKEN``, the simulator from
  ``WOLKVOX_API_BASE``; a store and history in a fresh app-data folder of the run);
* ``python -c "import requests; requests.put(...)"`` with the same URL and header: the
  least a script can do.

Both start from compiled bytecode (an untimed round first). Target: the command within
1.2x the bare script (issue 8).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wolkvox_desktop.simulator import server as sim_server  # noqa: E402

TOKEN = "demo-token"  # the simulator's public demo token


def timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({done.returncode}): {done.stderr[-400:]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args(argv)

    sim = sim_server.Simulator(tokens={TOKEN: 10**9}, campaigns=sim_server.demo_campaigns())
    sim.start(port=0)
    work = Path(tempfile.mkdtemp(prefix="wolkvox-cli-bench-"))
    env = dict(os.environ, WOLKVOX_API_BASE=sim.base_url, WOLKVOX_TOKEN=TOKEN,
               WOLKVOX_DESKTOP_HOME=str(work / "home"), WOLKVOX_SLOTS_DIR=str(work / "slots"),
               PYTHONPYCACHEPREFIX=str(work / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    script = Path(sys.executable).with_name("wolkvox")
    ours = [str(script) if script.exists() else sys.executable,
            *([] if script.exists() else ["-m", "wolkvox_desktop.cli"]),
            "start", "--server", "0032", "--type", "predictive", "--campaign", "3302"]
    url = f"{sim.base_url}/api/v2/campaign.php"
    bare = [sys.executable, "-c",
            "import os, requests; requests.put("
            f"{url!r}, params={{'api': 'start', 'type_campaign': 'predictive', "
            "'campaign_id': '3302'}, headers={'wolkvox-token': os.environ['WOLKVOX_TOKEN']}, "
            "timeout=(10, 90)).json()"]
    timings: dict[str, list[float]] = {"wolkvox start": [], "python -c requests.put": []}
    try:
        timed(ours, env)  # untimed: compiles the bytecode, creates the store
        timed(bare, env)
        for _ in range(args.rounds):
            timings["wolkvox start"].append(timed(ours, env))
            timings["python -c requests.put"].append(timed(bare, env))
    finally:
        sim.stop()
    base = statistics.median(timings["python -c requests.put"])
    print(f"Whole-process time against the simulator ({args.rounds} rounds, "
          f"Python {sys.version.split()[0]})")
    print(f"{'command':<26}{'median ms':>11}{'min ms':>9}{'vs bare':>10}")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:<26}{median:>11.1f}{min(values):>9.1f}{median / base:>9.2f}x")
    ratio = statistics.median(timings["wolkvox start"]) / base
    verdict = "within" if ratio <= 1.2 else "OVER"
    print(f"wolkvox start: {ratio:.2f}x the bare script ({verdict} the 1.2x target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
