#!/usr/bin/env python3
"""One window per user: what the check costs the first start, and how long a second start
takes to hand over to the running window and exit.

    python benchmarks/single_instance.py [--runs N]

Each figure is the median of N fresh processes (offscreen, a private data folder):

* ``claim``: ``single_instance.claim([])`` in a process that has imported ``gui.app`` (as
  ``main()`` runs it), in a data folder used before (its lock files exist, as on a
  supervisor's computer); ``folder``: the data folder's own check, which now comes before
  the claim instead of in ``build`` (moved, not added);
* ``import``: importing ``gui.single_instance`` and ``core.token_slots`` after ``gui.app``'s
  imports (what the window's start pays for the modules);
* ``qtnetwork``: for comparison, what ``QLocalServer``/``QLocalSocket`` would cost on the same
  path: importing ``PySide6.QtNetwork`` and a failed ``connectToServer`` (the first start);
* ``second start``: ``python -m wolkvox_desktop`` while a window (``--demo``) runs, from
  spawn to exit (it asks the window to show itself and waits for the answer).

Target: the check (claim + import) under 2 ms, a small part of the first frame's time
(benchmarks/startup.py; QtNetwork's way alone is ~7 ms); a second start within a second.
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

ROOT = Path(__file__).resolve().parent.parent

CLAIM = r"""
import time
import wolkvox_desktop.gui.app  # what main() has imported when it claims
from wolkvox_desktop.core import paths
t0 = time.perf_counter()
paths.app_data_dir()  # the data folder's check: build() makes it anyway (once a process)
t1 = time.perf_counter()
import wolkvox_desktop.core.token_slots
from wolkvox_desktop.gui import single_instance
t2 = time.perf_counter()
assert single_instance.claim([])
t3 = time.perf_counter()
print(f"FOLDER_MS {(t1 - t0) * 1000:.3f}")
print(f"IMPORT_MS {(t2 - t1) * 1000:.3f}")
print(f"CLAIM_MS {(t3 - t2) * 1000:.3f}")
"""

QTNETWORK = r"""
import time
import wolkvox_desktop.gui.app
t0 = time.perf_counter()
from PySide6.QtNetwork import QLocalSocket
socket = QLocalSocket()
socket.connectToServer("wolkvox-desktop-benchmark-nobody")
socket.waitForConnected(0)
print(f"QTNETWORK_MS {(time.perf_counter() - t0) * 1000:.3f}")
"""


def env_for(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WOLKVOX_DESKTOP_HOME=str(home))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home.parent / "pycache")
    for name in ("WOLKVOX_TOKEN", "WOLKVOX_API_BASE"):
        env.pop(name, None)
    return env


def child(code: str, home: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", code], env=env_for(home), cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=True).stdout
    return {k: float(v) for k, v in (line.split() for line in out.splitlines() if "_MS " in line)}


def second_start(home: Path) -> float:
    env = env_for(home)
    first = subprocess.Popen([sys.executable, "-m", "wolkvox_desktop", "--demo"], env=env,
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        log = home / "logs" / "wolkvox-desktop.log"
        deadline = time.monotonic() + 60
        while not (log.is_file() and "window shown" in log.read_text(encoding="utf-8")):
            if time.monotonic() > deadline or first.poll() is not None:
                raise SystemExit("the first window did not come up")
            time.sleep(0.05)
        time.sleep(0.3)  # its first frame's extras (the folder's watch) are in place
        t0 = time.perf_counter()
        code = subprocess.run([sys.executable, "-m", "wolkvox_desktop"], env=env, cwd=ROOT,
                              capture_output=True, timeout=60, check=False).returncode
        took = (time.perf_counter() - t0) * 1000
        if code != 0:
            raise SystemExit(f"the second start exited {code}")
        return took
    finally:
        first.terminate()
        first.wait(30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    figures: dict[str, list[float]] = {"FOLDER_MS": [], "IMPORT_MS": [], "CLAIM_MS": [],
                                       "QTNETWORK_MS": [], "SECOND_MS": []}
    with tempfile.TemporaryDirectory(prefix="wolkvox-bench-si-") as tmp:
        base = Path(tmp)
        home = base / "home"
        child(CLAIM, home)  # compiles the bytecode and makes the lock files, untimed
        for _n in range(args.runs):
            for code in (CLAIM, QTNETWORK):
                for key, value in child(code, home).items():
                    figures[key].append(value)
        for n in range(max(3, args.runs // 3)):
            figures["SECOND_MS"].append(second_start(base / f"second{n}"))
    med = {k: statistics.median(v) for k, v in figures.items() if v}
    print(f"claim (the check in main):        {med['CLAIM_MS']:8.3f} ms")
    print(f"import gui.single_instance:       {med['IMPORT_MS']:8.3f} ms")
    print(f"data folder check (moved):        {med['FOLDER_MS']:8.3f} ms")
    print(f"QtNetwork import + connect (alt): {med['QTNETWORK_MS']:8.3f} ms")
    print(f"second start, spawn to exit 0:    {med['SECOND_MS']:8.1f} ms "
          f"(runs: {', '.join(f'{v:.0f}' for v in figures['SECOND_MS'])})")
    ok = med["CLAIM_MS"] + med["IMPORT_MS"] < 2.0 and med["SECOND_MS"] < 1000
    print("target (check < 2 ms, second start < 1 s):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
