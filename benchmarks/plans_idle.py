"""The core scheduler's idle cost with five scheduled plans: CPU and memory while it waits.

    .venv/bin/python benchmarks/plans_idle.py [--hours 10] [--seconds 60]

What the window's timer will do between slots, with the core alone (no Qt; the whole app's
idle benchmark comes with the window), on a real store file with five weekday plans:

* **Simulated** ``--hours`` (10) on the injectable clock, from 20:00 to 06:00 local (no slot
  falls in it: idle). Each wake-up is one tick — :func:`claim_due` (is anything due or
  missed?) and :func:`next_plan_wakeup` (when to look again) — then the clock jumps by
  :func:`wait_seconds` (at most 60 s). CPU is the process time the ticks took, as a share of
  one core over the simulated span.
* **Real** ``--seconds`` (60) of the same loop on the real clock, sleeping in between:
  process CPU time and resident memory over the sample.

Target (issue 12, for the whole idle app): under 1 % of one core, RSS under 120 MB over 10
hours; the core's share should be a small part of that.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType  # noqa: E402
from wolkvox_desktop.core.plan_runs import claim_due, next_plan_wakeup  # noqa: E402
from wolkvox_desktop.core.plans import Plan, Schedule  # noqa: E402
from wolkvox_desktop.core.schedule import LocalZone, wait_seconds  # noqa: E402
from wolkvox_desktop.core.store import Store  # noqa: E402

ZONE = LocalZone.named("America/Bogota")
TIMES = ("07:00", "07:30", "13:00", "14:00", "19:00")


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def rss_mb() -> float:
    """Resident memory now (Linux), else the peak so far."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def make_store(folder: Path, clock: Clock) -> Store:
    store = Store(folder / "plans-idle.sqlite3", clock=clock)
    for number, at in enumerate(TIMES, start=1):
        ids = [CampaignRef(str(3300 + number * 10 + i), CampaignType.PREDICTIVE)
               for i in range(10)]
        store.save_plan(Plan.create(f"Turno {number}", "0032", "start" if number % 2 else "stop",
                                    ids, Schedule.parse(at, "weekdays")))
    return store


def tick(store: Store, now: datetime, *, strict: bool = True) -> float:
    """One wake-up of the scheduler: anything due or missed? When to look again?"""
    due, missed = claim_due(store, now=now, zone=ZONE)
    if strict and (due or missed):
        names = [saved.name for saved, _slot in due] + [m.saved.name for m in missed]
        raise SystemExit(f"a slot fell in the idle window: {', '.join(names)}")
    return wait_seconds(next_plan_wakeup(store, now=now, zone=ZONE), now)


def simulated(folder: Path, hours: float) -> tuple[int, float, float, float]:
    start = ZONE.moment_of(datetime(2026, 3, 9, 20, 0))  # a Monday evening
    clock = Clock(start - timedelta(minutes=1))  # the plans were made just before
    store = make_store(folder, clock)
    end = start + timedelta(hours=hours)
    clock.now = start
    ticks = 0
    rss_before = rss_mb()
    cpu = time.process_time()
    while clock.now < end:
        wait = tick(store, clock.now)
        ticks += 1
        clock.now += timedelta(seconds=max(wait, 1.0))
    spent = time.process_time() - cpu
    store.close()
    return ticks, spent, rss_before, rss_mb()


def real(folder: Path, seconds: float) -> tuple[int, float, float]:
    now = datetime.now(timezone.utc)
    store = make_store(folder, Clock(now - timedelta(minutes=1)))
    stop = threading.Event()
    ticks = 0
    cpu = time.process_time()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        now = datetime.now(timezone.utc)
        wait = tick(store, now, strict=False)  # a slot may come while measuring: not run
        ticks += 1
        stop.wait(min(wait, max(0.0, deadline - time.monotonic())))
    spent = time.process_time() - cpu
    store.close()
    return ticks, spent, rss_mb()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hours", type=float, default=10.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="wolkvox-plans-idle-"))
    os.environ.setdefault("WOLKVOX_DESKTOP_HOME", str(folder / "home"))

    ticks, spent, rss_start, rss_end = simulated(folder / "sim", args.hours)
    span = args.hours * 3600
    print(f"Core scheduler idle, five weekday plans (Python {sys.version.split()[0]})")
    print(f"simulated {args.hours:g} h: {ticks} wake-ups, {spent * 1000:.1f} ms CPU in all "
          f"({spent / ticks * 1e6:.0f} us each): {spent / span * 100:.5f} % of one core; "
          f"RSS {rss_start:.1f} -> {rss_end:.1f} MB")
    if args.seconds > 0:
        real_ticks, real_cpu, real_rss = real(folder / "real", args.seconds)
        print(f"real {args.seconds:g} s: {real_ticks} wake-ups, {real_cpu * 1000:.1f} ms CPU: "
              f"{real_cpu / args.seconds * 100:.4f} % of one core; RSS {real_rss:.1f} MB")
    verdict = "within" if spent / span < 0.01 and rss_end < 120 else "OVER"
    print(f"core scheduler: {verdict} the idle target (1 % of one core, 120 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
