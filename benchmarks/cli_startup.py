"""``wolkvox start`` as a whole process beside a minimal requests script, same simulator.

    .venv/bin/python benchmarks/cli_startup.py [--rounds 30]

Each round runs, interleaved so that machine noise hits both alike:

* ``wolkvox start --server 0032 --type predictive --campaign 3302`` (the console script of
  this environment; the token from ``WOLKVOX_TOKEN``, the simulator from
  ``WOLKVOX_API_BASE``; a store and history in a fresh app-data folder of the run);
* the same command through ``python -c "...main([...])"``, ending the ordinary way with
  the interpreter's teardown, to show what the program's prompt exit saves;
* ``python -c "import requests; requests.put(...)"`` with the same URL and header: the
  least a script can do.

Both start from compiled bytecode (an untimed round first). Target: the command within
1.2x the bare script (issue 8).

Then what the token's slot and the budget's reservation cost inside a fresh ``wolkvox``-like
process (issue 16: under 3 ms together): loading the slot modules and taking and giving
back a slot once (``core/token_slots.py``), and a pending row written with the budget
reserved in its transaction against one written without; beside them, what importing
``filelock`` would add to the same process (why the slot's OS locks are our own few
system calls, guarded like filelock's, rather than filelock itself).

Two measures per process: the wall time (what a person or a script waits) and the CPU
time the child used (user + system, from ``getrusage``), which a busy shared machine
disturbs far less than the wall time.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one run of ``cmd``, which must succeed."""
    cpu = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({done.returncode}): {done.stderr[-400:]}")
    return elapsed, (_children_cpu() - cpu) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args(argv)

    sim = sim_server.Simulator(tokens={TOKEN: 10**9}, campaigns=sim_server.demo_campaigns())
    sim.start(port=0)
    work = Path(tempfile.mkdtemp(prefix="wolkvox-cli-bench-"))
    env = dict(os.environ, WOLKVOX_API_BASE=sim.base_url, WOLKVOX_TOKEN=TOKEN,
               WOLKVOX_DESKTOP_HOME=str(work / "home"),
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
    start_args = ["start", "--server", "0032", "--type", "predictive", "--campaign", "3302"]
    # the same command ending the ordinary way (the interpreter's teardown): what the
    # program's prompt exit (cli.command.run_command) saves
    ordinary = [sys.executable, "-c", "import sys; from wolkvox_desktop.cli import main; "
                f"sys.exit(main({start_args!r}))"]
    commands = {
        "wolkvox start": ours,
        "  (ordinary exit)": ordinary,
        "python -c requests.put": bare,
    }
    names = list(commands)
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    try:
        for cmd in commands.values():
            timed(cmd, env)  # untimed: compiles the bytecode, creates the store
        for index in range(args.rounds):
            order = names if index % 2 == 0 else names[::-1]  # each goes first in turn
            for name in order:
                elapsed, used = timed(commands[name], env)
                wall[name].append(elapsed)
                cpu[name].append(used)
    finally:
        sim.stop()
    print(f"Whole-process time against the simulator ({args.rounds} rounds, "
          f"Python {sys.version.split()[0]})")
    print(f"{'command':<26}{'wall median':>12}{'wall min':>10}{'vs bare':>9}"
          f"{'CPU median':>12}{'vs bare':>9}")
    base = "python -c requests.put"
    wall_base, cpu_base = statistics.median(wall[base]), statistics.median(cpu[base])
    for name in names:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        print(f"{name:<26}{w:>10.1f}ms{min(wall[name]):>8.1f}ms{w / wall_base:>8.2f}x"
              f"{c:>10.1f}ms{c / cpu_base:>8.2f}x")

    def paired(values: dict[str, list[float]], name: str) -> float:
        # each round's runs were back to back: the median of the rounds' ratios is the
        # least disturbed by the machine's load drifting during the benchmark
        return statistics.median(a / b for a, b in zip(values[name], values[base], strict=True))

    ratio = paired(wall, "wolkvox start")
    verdict = "within" if ratio <= 1.2 else "OVER"
    print(f"wolkvox start, median of the rounds' ratios: {ratio:.2f}x the bare script's wall "
          f"time ({verdict} the 1.2x target), {paired(cpu, 'wolkvox start'):.2f}x its CPU "
          f"time; with an ordinary exit {paired(wall, '  (ordinary exit)'):.2f}x")
    lock_and_reservation(work, max(10, args.rounds // 2))
    return 0


# One fresh process: the modules a start has loaded by then, then the measured steps (ms).
_STEPS = r"""
import json, os, sys, time
from pathlib import Path
import requests  # what a start has loaded before its slot
from wolkvox_desktop.core.store import Store
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.limits import token_key
store = Store(store_path())
out = {}
t = time.perf_counter()
from wolkvox_desktop.core.token_slots import shared_slots
with shared_slots().hold(token_key("bench-token"), 1, deadline=None, cancelled=bool):
    pass
out["slot"] = (time.perf_counter() - t) * 1000
for name, budget in (("plain row", None), ("reserved row", 10**9), ("plain row", None),
                     ("reserved row", 10**9)):
    t = time.perf_counter()
    store.begin_call("0032", "start", "3302", "predictive", budget=budget)
    out[name] = (time.perf_counter() - t) * 1000
t = time.perf_counter()
import filelock
out["filelock"] = (time.perf_counter() - t) * 1000
print(json.dumps(out))
"""


def lock_and_reservation(work: Path, rounds: int) -> None:
    import json

    env = dict(os.environ, WOLKVOX_DESKTOP_HOME=str(work / "steps-home"),
               PYTHONPYCACHEPREFIX=str(work / "pycache"))
    runs: list[dict[str, float]] = []
    for index in range(rounds + 1):
        done = subprocess.run([sys.executable, "-c", _STEPS], env=env, capture_output=True,
                              text=True, check=True)
        if index:  # the first compiles the bytecode
            runs.append(json.loads(done.stdout))

    def med(name: str) -> float:
        return statistics.median(run[name] for run in runs)

    slot = med("slot")
    reserve = statistics.median(run["reserved row"] - run["plain row"] for run in runs)
    total = slot + max(0.0, reserve)
    print(f"\nThe slot and the reservation in a fresh process ({rounds} processes, medians)")
    print(f"{'step':<52}{'median':>10}")
    print(f"{'load the slot modules, take and give back a slot':<52}{slot:>8.2f}ms")
    print(f"{'a pending row with the budget reserved, minus without':<52}{reserve:>8.2f}ms")
    print(f"{'  (a pending row without the budget: the baseline)':<52}{med('plain row'):>8.2f}ms")
    print(f"{'  (import filelock in the same process, for comparison)':<52}"
          f"{med('filelock'):>8.2f}ms")
    verdict = "within" if total < 3.0 else "OVER"
    print(f"slot + reservation: {total:.2f} ms ({verdict} the 3 ms target)")


if __name__ == "__main__":
    sys.exit(main())
