"""The live board's core (issue 18): parsing a reading, and a shift's readings.

    .venv/bin/python benchmarks/live.py [--campaigns 300] [--rounds 200] [--shifts 3]

**Parsing.** A ``real_time.php?api=campaigns`` answer of 300 campaigns, as the simulator
writes it (the bare array; the wrapper; numbers as strings), turned into a
:class:`~wolkvox_desktop.core.live.LiveReading` by :func:`interpret_response` (what the
client does with the body), and the reading compared with the previous one for its alerts
(:func:`~wolkvox_desktop.core.live_alerts.compare`). Beside them, ``json.loads`` of the same
bytes (the floor). Median, 95th percentile and maximum over the rounds. Target: the parse
well under 16 ms (a frame), so that the window's part (which comes later) fits beside it.

**A shift.** Ten hours (08:00–18:00) of automatic readings with 5 started campaigns, on a
simulated clock: the governor (:mod:`~wolkvox_desktop.core.governor`) says when each
reading is due, the reading is a real call through the front door to the simulator (whose
dialer clock moves with the simulated one, so records go down and a list finishes), and the
history counts them. The table compares the readings made with the projection the governor
gave at 08:00, per setting (Wolkvox's 5 minutes; the fastest, 2 minutes; one license, where
the share paces the 2 minutes). Each setting runs ``--shifts`` times; the table shows the
median wall time of a simulated shift.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wolkvox_desktop.core.answers import ResponseContext, interpret_response  # noqa: E402
from wolkvox_desktop.core.api_request import ApiRequest  # noqa: E402
from wolkvox_desktop.core.credentials import Credentials  # noqa: E402
from wolkvox_desktop.core.governor import (  # noqa: E402
    BoardState,
    GovernorSettings,
    ReadingGovernor,
)
from wolkvox_desktop.core.live import LiveReading  # noqa: E402
from wolkvox_desktop.core.live_alerts import compare, kept_form  # noqa: E402
from wolkvox_desktop.core.operations import Operations  # noqa: E402
from wolkvox_desktop.core.store import Operation, Store  # noqa: E402
from wolkvox_desktop.simulator import SimCampaign, Simulator, many_campaigns  # noqa: E402
from wolkvox_desktop.simulator.dialer import calls_per_minute  # noqa: E402

TOKEN = "demo-token"  # the simulator's public demo token
SERVER = "0032"
CTX = ResponseContext("wv0032.wolkvox.com", 60.0, 64 << 20)


def _ms(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return statistics.median(ordered) * 1000, p95 * 1000, ordered[-1] * 1000


def _bodies(n: int) -> dict[str, bytes]:
    campaigns = many_campaigns(n)
    for index, campaign in enumerate(campaigns):  # some dialled, some finished
        campaign.dial = (index * 13) % max(1, campaign.records + 1)
        campaign.clean = max(0, campaign.records - campaign.dial)
    rows = [c.live_json(calls_per_minute(c)) for c in campaigns]
    strings = [{k: (str(v) if isinstance(v, (int, float)) else v) for k, v in row.items()}
               for row in rows]
    return {
        "bare array": json.dumps(rows).encode(),
        "wrapper": json.dumps({"code": 200, "error": None, "msg": "Data found",
                               "data": rows}).encode(),
        "numbers as strings": json.dumps(strings).encode(),
    }


def bench_parse(n: int, rounds: int) -> list[tuple[str, tuple[float, float, float], int]]:
    request = ApiRequest.real_time()
    table: list[tuple[str, tuple[float, float, float], int]] = []
    for shape, body in _bodies(n).items():
        interpret_response(request, 200, body, CTX)  # warm
        loads: list[float] = []
        parses: list[float] = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            json.loads(body)
            t1 = time.perf_counter()
            result = interpret_response(request, 200, body, CTX)
            t2 = time.perf_counter()
            loads.append(t1 - t0)
            parses.append(t2 - t1)
        assert isinstance(result.data, LiveReading) and len(result.data.campaigns) == n
        table.append((f"json.loads, {shape}", _ms(loads), len(body)))
        table.append((f"parse, {shape}", _ms(parses), len(body)))
    reading = interpret_response(request, 200, _bodies(n)["bare array"], CTX).data
    assert isinstance(reading, LiveReading)
    previous = (reading.at - timedelta(minutes=5),
                {c.id: kept_form(c, []) for c in reading.campaigns})
    alerts: list[float] = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        compare(reading, previous, {})
        alerts.append(time.perf_counter() - t0)
    table.append(("alerts against the previous reading", _ms(alerts), 0))
    return table


def _shift_campaigns() -> list[SimCampaign]:
    campaigns = many_campaigns(20)
    for index, campaign in enumerate(campaigns):
        campaign.status = "Started" if index < 5 else "Stopped"
        campaign.records = 3000 if index else 400  # the first one's list finishes
        campaign.clean = campaign.records
        campaign.speed = 40
    return campaigns


def run_shift(settings: GovernorSettings, licenses: int) -> tuple[int, int, int, int, float]:
    """One simulated shift: (projected at 08:00, readings made, token uses, alerts, s)."""
    governor = ReadingGovernor(settings)
    start = datetime.now().astimezone().replace(hour=8, minute=0, second=0, microsecond=0)
    end = start.replace(hour=18)
    with tempfile.TemporaryDirectory() as folder, \
            Simulator(tokens={TOKEN: 10**6}, campaigns=_shift_campaigns(), pace=0) as sim:
        store = Store(Path(folder) / "bench.sqlite3")
        store.upsert_operation(Operation(SERVER, licenses=licenses))
        creds = Credentials(use_env=False, use_keyring=False)
        creds.set_session_token(SERVER, TOKEN)
        ops = Operations(store, creds, api_base=sim.base_url)
        service = ops.service(SERVER)
        wall = time.perf_counter()
        now, last, any_started, projected = start, None, True, None
        try:
            while True:
                usage = service.usage()
                state = BoardState(any_started, usage.budget, usage.used,
                                   store.readings_today(SERVER), last)
                decision = governor.decide(state, now)
                if projected is None:
                    projected = decision.projection.projected
                if decision.at is None or decision.at > end:
                    break
                sim.advance((decision.at - now).total_seconds())
                now = decision.at
                result = service.live_reading()
                if not result.ok:
                    raise SystemExit(f"a reading failed: {result.message}")
                assert isinstance(result.data, LiveReading)
                any_started, last = result.data.any_started, now
            elapsed = time.perf_counter() - wall
            made = store.readings_today(SERVER)
            alerts = len(store.history(action="alert"))
            return projected or 0, made, store.calls_today(SERVER), alerts, elapsed
        finally:
            ops.close()
            store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--campaigns", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--shifts", type=int, default=3)
    args = parser.parse_args(argv)

    print(f"Parsing a live reading of {args.campaigns} campaigns ({args.rounds} rounds):")
    print(f"{'':40} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'bytes':>9}")
    parse_median = 0.0
    for name, (median, p95, worst), size in bench_parse(args.campaigns, args.rounds):
        shown = f"{size:9,}" if size else f"{'':9}"
        print(f"{name:40} {median:10.2f} {p95:8.2f} {worst:8.2f} {shown}")
        if name.startswith("parse"):
            parse_median = max(parse_median, median)
    verdict = "under" if parse_median < 16 else "OVER"
    print(f"the slowest shape's median parse: {parse_median:.2f} ms ({verdict} 16 ms)\n")

    print(f"A 10-hour shift (08:00-18:00) with 5 started campaigns, simulated clock "
          f"({args.shifts} shifts each):")
    print(f"{'setting':34} {'projected':>9} {'readings':>9} {'uses':>6} {'of budget':>10} "
          f"{'alerts':>7} {'median s':>9}")
    settings = [
        ("every 5 min, 1 license", GovernorSettings(), 1),
        ("every 2 min, 3 licenses", GovernorSettings(interval=timedelta(minutes=2)), 3),
        ("every 2 min, 1 license (paced)", GovernorSettings(interval=timedelta(minutes=2)), 1),
    ]
    ok = True
    for name, chosen, licenses in settings:
        runs = [run_shift(chosen, licenses) for _ in range(args.shifts)]
        projected, made, uses, alerts, _s = runs[0]
        ok &= all(r[1] == r[0] for r in runs)
        share = uses / (licenses * 1000) * 100
        print(f"{name:34} {projected:9} {made:9} {uses:6} {share:9.1f}% {alerts:7} "
              f"{statistics.median(r[4] for r in runs):9.2f}")
    print("readings made == projected at 08:00: " + ("yes" if ok else "NO"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
