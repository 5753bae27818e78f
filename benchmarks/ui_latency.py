#!/usr/bin/env python3
"""GUI latency against the simulator: click-to-answer-shown, and event-loop stalls.

    python benchmarks/ui_latency.py [--clicks N] [--slow-calls N] [--slow-latency S]

Builds the real window with ``gui.app.build(["--demo"])`` (in-process simulator on
loopback, real worker thread, real store), offscreen unless ``QT_QPA_PLATFORM`` says
otherwise, then:

1. **click to answer shown**: clicks ``startButton`` (then ``stopButton``, alternating, on
   the first campaign) and measures until the status panel lists the answer (a new entry
   for that campaign and action, no longer pending). Simulator latency 0, so this is our own
   overhead: worker hop, store writes, HTTP on loopback, rendering.
2. **longest event-loop stall during a slow call**: simulator latency 2 s; a 5 ms QTimer
   records the gaps between its ticks from the click until the answer is shown, and on each
   tick highlights the next campaign (the named Start/Stop buttons follow every selection
   change). A stall is a gap minus the 5 ms interval. The same is measured while idle, as a
   baseline.

The list holds ``--campaigns`` campaigns (300 by default: the demo's and generated ones).

Target (issue 3): longest stall under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

TICK_MS = 5
STALL_TARGET_MS = 50.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clicks", type=int, default=20, help="timed clicks (default 20)")
    parser.add_argument("--slow-calls", type=int, default=3, help="slow calls (default 3)")
    parser.add_argument("--slow-latency", type=float, default=2.0, help="seconds (default 2)")
    parser.add_argument(
        "--history", type=int, default=0,
        help="calls made first, so the status panel is as full as after a busy shift",
    )  # fmt: skip
    parser.add_argument("--campaigns", type=int, default=300,
                        help="campaigns in the list (default 300)")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.TemporaryDirectory(prefix="wolkvox-bench-")
    os.environ["WOLKVOX_DESKTOP_HOME"] = home.name
    for name in ("WOLKVOX_TOKEN", "WOLKVOX_API_BASE"):
        os.environ.pop(name, None)

    from PySide6.QtCore import QEventLoop, QTimer

    from wolkvox_desktop.gui import app as appmod

    qapp, window = appmod.build(["--demo", "--lang", "en"])
    window.resize(1000, 680)
    window.show()
    sim = window.demo_session.simulator  # type: ignore[attr-defined]
    sim.faults.latency = 0.0
    from wolkvox_desktop.simulator.campaigns import many_campaigns

    for extra in many_campaigns(max(0, args.campaigns - len(sim.campaigns()))):
        sim.add_campaign(extra)
    window._settings.setValue("ui/confirm_stop", False)  # timed stops: no question first

    def wait_until(predicate: Callable[[], bool], timeout_s: float, what: str) -> None:
        """Run the event loop (not a busy loop: the worker needs the GIL) until true."""
        if predicate():
            return
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(1)

        def check() -> None:
            if predicate():
                loop.quit()

        poll.timeout.connect(check)
        give_up = QTimer()
        give_up.setSingleShot(True)
        give_up.timeout.connect(loop.quit)
        poll.start()
        give_up.start(int(timeout_s * 1000))
        loop.exec()
        poll.stop()
        give_up.stop()
        if not predicate():
            raise SystemExit(f"timed out waiting for {what}")

    # ---- ready: the demo operation selected and all its campaigns listed
    wait_until(lambda: window.current_server() is not None, 30, "the demo operation")
    wanted = len(sim.campaigns())
    if window.campaignModel.rowCount() < wanted:
        wait_until(lambda: window.refreshButton.isEnabled(), 30, "the refresh button")
        window.refreshButton.click()
    wait_until(lambda: window.campaignModel.rowCount() >= wanted, 30, "the campaign list")
    first = window.campaignModel.campaign_at(0)
    campaign_id = first.campaign.id
    ctype = first.campaign.type.value if first.campaign.type else "predictive"
    window.campaignIdEdit.setText(campaign_id)
    window.typeCombo.setCurrentIndex(window.typeCombo.findData(ctype))

    def answered(action: str, known: set[str]) -> Callable[[], bool]:
        def check() -> bool:
            for entry in window.statusPanel.entries():
                if (
                    entry.key not in known
                    and entry.action == action
                    and entry.campaign_id == campaign_id
                    and entry.outcome != "pending"
                ):
                    return True
            return False

        return check

    click_handler_ms: list[float] = []  # GUI-thread time spent inside button.click()

    def click(action: str, timeout_s: float) -> float:
        button = window.startButton if action == "start" else window.stopButton
        wait_until(button.isEnabled, 10, f"the {action} button")
        known = {e.key for e in window.statusPanel.entries()}
        t0 = time.perf_counter()
        button.click()
        click_handler_ms.append((time.perf_counter() - t0) * 1000)
        wait_until(answered(action, known), timeout_s, f"the answer to {action}")
        return (time.perf_counter() - t0) * 1000

    for i in range(args.history):
        click("start" if i % 2 == 0 else "stop", 30)
    history_shown = len(window.statusPanel.entries())

    # ---- 1. click to answer shown
    click("start", 10)  # warm-up: first request, first render
    click("stop", 10)
    latencies: dict[str, list[float]] = {"start": [], "stop": []}
    for i in range(args.clicks):
        action = "start" if i % 2 == 0 else "stop"
        latencies[action].append(click(action, 10))

    # ---- 2. event-loop stalls
    rows = window.campaignModel.rowCount()
    renamed: list[int] = []

    def gaps_during(run: Callable[[], object]) -> list[tuple[float, float]]:
        """(ms from the start of ``run`` to the end of the gap, stall ms) for each tick."""
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(TICK_MS)

        def tick() -> None:
            ticks.append(time.perf_counter())
            if window.is_busy():  # a selection change per tick: the named buttons follow
                names = (window.startButton.full_text(), window.stopButton.full_text())
                window.campaignTable.selectRow(len(ticks) % rows)
                after = (window.startButton.full_text(), window.stopButton.full_text())
                renamed.append(int(after != names))

        timer.timeout.connect(tick)
        timer.start()
        ticks.append(time.perf_counter())
        run()
        timer.stop()
        ticks.append(time.perf_counter())
        return [
            ((b - ticks[0]) * 1000, (b - a) * 1000 - TICK_MS)
            for a, b in zip(ticks, ticks[1:], strict=False)
        ]

    def idle() -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(args.slow_latency * 1000), loop.quit)
        loop.exec()

    idle_gaps = gaps_during(idle)
    sim.faults.latency = args.slow_latency
    slow: list[tuple[float, float, float, int]] = []  # answer ms, stall ms, stall at ms, ticks
    for i in range(args.slow_calls):
        action = "start" if i % 2 == 0 else "stop"
        took: list[float] = []

        def slow_click(a: str = action, took: list[float] = took) -> None:
            took.append(click(a, args.slow_latency + 15))

        gaps = gaps_during(slow_click)
        at, worst_gap = max(gaps, key=lambda g: g[1])
        slow.append((took[0], worst_gap, at, len(gaps)))
        window.campaignIdEdit.setText(campaign_id)  # the timed campaign again
    sim.faults.latency = 0.0

    window.close()
    window.shutdown()
    qapp.processEvents()

    # ---- report
    print(f"\nGUI latency, {sys.platform}, Python {sys.version.split()[0]}, "
          f"QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}\n")  # fmt: skip
    print(f"Status panel entries before the timed clicks: {history_shown}; campaigns "
          f"listed: {rows}\n")
    print("Click to answer shown (simulator latency 0):\n")
    print("| action | clicks | median ms | p90 ms | min ms | max ms |")
    print("|--------|-------:|----------:|-------:|-------:|-------:|")
    for action, values in latencies.items():
        values.sort()
        p90 = values[min(len(values) - 1, round(0.9 * (len(values) - 1)))]
        print(f"| {action:<6} | {len(values):>6} | {statistics.median(values):>9.1f} | "
              f"{p90:>6.1f} | {values[0]:>6.1f} | {values[-1]:>6.1f} |")  # fmt: skip
    print(f"\nEvent-loop stalls ({TICK_MS} ms timer; stall = gap - {TICK_MS} ms):\n")
    print("| during                         | answer ms | ticks | longest stall ms | at ms |")
    print("|--------------------------------|----------:|------:|-----------------:|------:|")
    idle_label = f"idle, {args.slow_latency:.0f} s"
    idle_at, idle_worst = max(idle_gaps, key=lambda g: g[1])
    print(f"| {idle_label:<30} | {'-':>9} | {len(idle_gaps):>5} | "
          f"{idle_worst:>16.1f} | {idle_at:>5.0f} |")  # fmt: skip
    for i, (answer_ms, stall, at, ticks) in enumerate(slow, 1):
        label = f"slow call {i} ({args.slow_latency:.0f} s simulator)"
        print(f"| {label:<30} | {answer_ms:>9.0f} | {ticks:>5} | {stall:>16.1f} | {at:>5.0f} |")
    print(f"\n(at ms: when the longest gap ended, from the click; the answer arrives at "
          f"~{args.slow_latency * 1000:.0f} ms.) GUI time inside button.click(): median "
          f"{statistics.median(click_handler_ms):.1f} ms, max {max(click_handler_ms):.1f} ms.")
    print(f"Selection changes during the slow calls: {len(renamed)}; the named Start or "
          f"Stop button renamed after {sum(renamed)} of them (the button of the call in "
          f"flight says so instead).")
    worst = max(s for _, s, _, _ in slow)
    verdict = "OK" if worst < STALL_TARGET_MS else "OVER TARGET"
    print(f"\nlongest stall during slow calls: {worst:.1f} ms (target < {STALL_TARGET_MS:.0f}"
          f" ms): {verdict}")  # fmt: skip
    home.cleanup()
    return 0 if worst < STALL_TARGET_MS else 1


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # The window and its worker are closed above. Skip the interpreter's final garbage
    # collection: PySide6 6.12 sometimes aborts there ("bool_dealloc") after this script's
    # many signal connections, which would hide the exit code.
    os._exit(code)
