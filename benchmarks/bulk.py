"""Bulk start of 100 campaigns at 50 ms simulator latency: BulkRun against the ideal.

    .venv/bin/python benchmarks/bulk.py [--campaigns 100] [--latency 0.05] [--reps 5]

Each repetition, in the same process and against fresh simulators with the same latency:

* **ideal**: ``campaigns x latency`` (what the calls cost if everything but Wolkvox's own
  answer time were free), plus the latency as actually slept, measured in this run
  (``time.sleep(latency)`` x campaigns) so the scheduler's own slack is visible. The
  simulator answers ``latency`` after each request *arrived* (its own parsing is inside
  that time, as a real server's is), so its answer time is the latency, not more;
* **requests.put**: a bare loop of plain ``requests.put`` calls (a new connection each, no
  gate, no store), the practical floor of "one HTTP call after the other";
* **requests.Session**: the same with one keep-alive session;
* **WolkvoxClient loop**: our client alone (gate, guarded transport, answer parsing);
* **OperationService loop**: the client plus the budget check, the history rows (SQLite,
  WAL; the pending row synced to disk before each request) and the saved campaign's new
  status, in a plain loop without the bulk runner;
* **BulkRun**: the product path: plan, :class:`~wolkvox_desktop.core.bulk_run.BulkRun`,
  :class:`OperationService` (token gate, budget check, history rows committed to SQLite
  before and after every call, the campaign's status updated), :class:`WolkvoxClient`;
* **BulkRun, fsync per call**: the same with ``SYNC_INTERVAL_S = 0`` (each
  pending row's commit synced to disk, one fsync per call), to show what that costs.

The store holds the campaigns as a refreshed list would (so each success really updates a
saved campaign's status, as in the app). The variants run one after the other in each
repetition; the table shows the medians over the repetitions (and the spread of the
BulkRun row), the ratio to the ideal and to the bare keep-alive loop. The target is BulkRun
within 5 % of the ideal.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wolkvox_desktop.core import store as store_module  # noqa: E402
from wolkvox_desktop.core.api import WolkvoxClient  # noqa: E402
from wolkvox_desktop.core.bulk import plan_bulk  # noqa: E402
from wolkvox_desktop.core.bulk_run import BulkRun  # noqa: E402
from wolkvox_desktop.core.campaigns import (  # noqa: E402
    Action,
    Campaign,
    CampaignRef,
    CampaignStatus,
    CampaignType,
)
from wolkvox_desktop.core.service import OperationService  # noqa: E402
from wolkvox_desktop.core.store import Operation, Store  # noqa: E402
from wolkvox_desktop.simulator import Simulator, many_campaigns  # noqa: E402

TOKEN = "demo-token"  # the simulator's public demo token
SERVER = "0032"


def _simulator(n: int, latency: float) -> Simulator:
    sim = Simulator(tokens={TOKEN: 1_000_000}, campaigns=many_campaigns(n))
    sim.start(port=0)
    sim.faults.latency = latency
    return sim


def _targets(sim: Simulator) -> list[tuple[str, str]]:
    return [(c.campaign_id, c.type_campaign) for c in sim.campaigns()]


def _store(folder: str, sim: Simulator) -> Store:
    """A fresh store holding the simulator's campaigns, as after a list refresh."""
    store = Store(Path(folder) / "bench.sqlite3")
    store.upsert_operation(Operation(SERVER, licenses=1))  # budget 1000 >= n
    store.replace_api_campaigns(
        SERVER,
        [
            Campaign(c.campaign_id, c.campaign_name, CampaignType.parse(c.type_campaign),
                     CampaignStatus.STOPPED)
            for c in sim.campaigns()
        ],
    )
    return store


def bench_sleep(n: int, latency: float) -> float:
    t0 = time.perf_counter()
    for _ in range(n):
        time.sleep(latency)
    return time.perf_counter() - t0


def bench_plain_put(n: int, latency: float, session: bool) -> float:
    sim = _simulator(n, latency)
    try:
        url = f"{sim.base_url}/api/v2/campaign.php"
        headers = {"wolkvox-token": TOKEN}
        targets = _targets(sim)
        put: Callable[..., requests.Response]
        s = requests.Session() if session else None
        put = s.put if s is not None else requests.put
        t0 = time.perf_counter()
        for campaign_id, ctype in targets:
            response = put(
                url,
                params={"api": "start", "type_campaign": ctype, "campaign_id": campaign_id},
                headers=headers,
                timeout=(10, 60),
                allow_redirects=False,
            )
            response.raise_for_status()
        elapsed = time.perf_counter() - t0
        if s is not None:
            s.close()
        assert sim.max_concurrency_for(TOKEN) == 1
        return elapsed
    finally:
        sim.stop()


def bench_client_loop(n: int, latency: float) -> float:
    """Our client alone (gate, guarded transport, answer parsing): no store, no service."""
    sim = _simulator(n, latency)
    client = WolkvoxClient(SERVER, TOKEN, api_base=sim.base_url)
    try:
        targets = _targets(sim)
        t0 = time.perf_counter()
        for campaign_id, ctype in targets:
            if not client.start(CampaignRef(campaign_id, ctype)).ok:
                raise SystemExit("client loop: a start failed")
        return time.perf_counter() - t0
    finally:
        client.close()
        sim.stop()


def bench_service_loop(n: int, latency: float) -> float:
    """OperationService calls in a plain loop (client + budget check + history rows)."""
    sim = _simulator(n, latency)
    folder = tempfile.TemporaryDirectory(prefix="wolkvox-bench-")
    store = _store(folder.name, sim)
    client = WolkvoxClient(SERVER, TOKEN, api_base=sim.base_url)
    try:
        service = OperationService(store, client, SERVER)
        targets = _targets(sim)
        t0 = time.perf_counter()
        for campaign_id, ctype in targets:
            if not service.start(CampaignRef(campaign_id, ctype)).ok:
                raise SystemExit("service loop: a start failed")
        return time.perf_counter() - t0
    finally:
        client.close()
        store.close()
        folder.cleanup()
        sim.stop()


def bench_bulk_run(n: int, latency: float, sync_interval: float | None = None) -> tuple[float, int]:
    saved_interval = store_module.SYNC_INTERVAL_S
    if sync_interval is not None:
        store_module.SYNC_INTERVAL_S = sync_interval
    try:
        return _bulk_run(n, latency)
    finally:
        store_module.SYNC_INTERVAL_S = saved_interval


def _bulk_run(n: int, latency: float) -> tuple[float, int]:
    sim = _simulator(n, latency)
    folder = tempfile.TemporaryDirectory(prefix="wolkvox-bench-")
    store = _store(folder.name, sim)
    client = WolkvoxClient(SERVER, TOKEN, api_base=sim.base_url)
    try:
        service = OperationService(store, client, SERVER)
        t0 = time.perf_counter()
        plan = plan_bulk(Action.START, _targets(sim), known=store.campaigns(SERVER))
        if plan.over_budget(service.usage()):
            raise SystemExit("the benchmark run would exceed the budget")
        summary = BulkRun(service, plan).run_all()
        elapsed = time.perf_counter() - t0
        if not summary.all_ok or summary.calls != n:
            raise SystemExit(f"bulk run failed: {summary.progress}")
        if not all(c.started for c in sim.campaigns()):
            raise SystemExit("not every campaign was started")
        if any(c.campaign.status is not CampaignStatus.STARTED for c in store.campaigns(SERVER)):
            raise SystemExit("a saved campaign's status was not updated")
        return elapsed, sim.max_concurrency_for(TOKEN)
    finally:
        client.close()
        store.close()
        folder.cleanup()
        sim.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--campaigns", type=int, default=100)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args(argv)
    n, latency = args.campaigns, args.latency
    os.environ.pop("WOLKVOX_API_BASE", None)

    rows: dict[str, list[float]] = {
        "ideal (n x latency)": [],
        "time.sleep(latency) x n": [],
        "requests.put loop": [],
        "requests.Session loop": [],
        "WolkvoxClient loop": [],
        "OperationService loop": [],
        "BulkRun (product path)": [],
        "BulkRun, fsync per call": [],
    }
    max_seen = 0
    bench_plain_put(5, 0.0, session=False)  # warm-up: imports, first connections
    for rep in range(args.reps):
        rows["ideal (n x latency)"].append(n * latency)
        rows["time.sleep(latency) x n"].append(bench_sleep(n, latency))
        rows["requests.put loop"].append(bench_plain_put(n, latency, session=False))
        rows["requests.Session loop"].append(bench_plain_put(n, latency, session=True))
        rows["WolkvoxClient loop"].append(bench_client_loop(n, latency))
        rows["OperationService loop"].append(bench_service_loop(n, latency))
        elapsed, concurrency = bench_bulk_run(n, latency)
        rows["BulkRun (product path)"].append(elapsed)
        max_seen = max(max_seen, concurrency)
        rows["BulkRun, fsync per call"].append(bench_bulk_run(n, latency, 0.0)[0])
        print(f"rep {rep + 1}/{args.reps}: BulkRun {elapsed:.3f} s", file=sys.stderr)

    medians = {name: statistics.median(values) for name, values in rows.items()}
    ideal = medians["ideal (n x latency)"]
    plain = medians["requests.put loop"]
    session = medians["requests.Session loop"]
    bulk = medians["BulkRun (product path)"]
    print(f"\n{n} campaigns, {latency * 1000:.0f} ms simulator latency, "
          f"median of {args.reps} repetitions (Python {sys.version.split()[0]})\n")
    print(f"{'':26} {'total s':>9} {'over ideal ms/call':>19} {'vs ideal':>9} "
          f"{'vs Session':>11} {'vs put':>8}")
    for name, value in medians.items():
        print(f"{name:26} {value:9.3f} {(value - ideal) / n * 1000:19.2f} "
              f"{value / ideal:9.3f} {value / session:11.3f} {value / plain:8.3f}")
    overhead = bulk / ideal - 1
    spread = rows["BulkRun (product path)"]
    print(f"\nBulkRun overhead over the ideal: {overhead * 100:.1f} % "
          f"({(bulk - ideal) / n * 1000:.2f} ms per call; repetitions "
          f"{min(spread) / ideal * 100 - 100:.1f} .. {max(spread) / ideal * 100 - 100:.1f} %); "
          f"target < 5 %: {'met' if overhead < 0.05 else 'NOT met'}")
    print(f"BulkRun over the bare requests.Session loop: {(bulk / session - 1) * 100:.1f} % "
          f"({(bulk - session) / n * 1000:.2f} ms per call: what the product adds to "
          "one keep-alive HTTP call after the other)")
    print(f"BulkRun overhead over the bare requests.put loop: {(bulk / plain - 1) * 100:.1f} %")
    print(f"simulator's recorded max concurrency during the bulk runs: {max_seen}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
