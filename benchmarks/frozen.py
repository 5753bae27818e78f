"""Start-up of the built (frozen) app against the same app run from source and against a
bare PySide6 window frozen the same way, same machine, same run; plus the size of the app
folder and of the download.

    python3 dev.py build                       # once: the frozen app in dist/
    .venv/bin/python benchmarks/frozen.py [--runs 7] [--exe PATH] [--report-only]

Each round runs ``--smoke-test`` (offscreen, a fresh app-data folder) once frozen and once
from source (``python -m wolkvox_desktop``), and the frozen bare window
(``benchmarks/frozen_bare_window.py``, built by ``frozen_bare_window.spec`` into
``build/bare-window/`` when missing or older than its sources: onedir, windowed, the app's
Qt hooks, trims, excludes and ICU data), alternating so all see the same machine load; the
first round warms the disk cache and is not counted. Medians of:

- *spawn -> window (upper bound)*: from starting the process to its JSON line, minus the
  demo start's own time. It still includes the campaign-list refresh and the click after
  the window appeared (a few ms), so it bounds the time to the window from above.
- *import -> window (app clock)*: the app's ``window_shown_ms``, counted from the import
  of ``wolkvox_desktop.gui.app``; it leaves out the interpreter start (and, frozen, the
  bootloader), which is where frozen and source differ most. The bare window counts the
  same way: from the top of its script (before it imports PySide6) to its window exposed.
- *spawn -> exit*: the whole smoke test, shutdown included.

Target (issue 20): the frozen app's ``window_shown_ms`` (the smoke test: demo mode) within
1.3x the frozen bare window's; exits 1 over it unless ``--report-only``.

Run it inside ``dbus-run-session`` with an unlocked gnome-keyring to include the Secret
Service lookup as a supervisor's machine would; without one both sides see the ``fail``
keyring the same way. Timings live here, never in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_specs"))
import project  # noqa: E402

TARGET_RATIO = 1.3
BENCH = Path(__file__).resolve().parent
BARE_SOURCES = (BENCH / "frozen_bare_window.py", BENCH / "frozen_bare_window.spec")
BARE_OUT = ROOT / "build" / "bare-window"
BARE_EXE = BARE_OUT / "dist" / "bare-window" / (
    "bare-window.exe" if sys.platform.startswith("win") else "bare-window")


def ensure_bare_window() -> Path | None:
    """The frozen bare window, built (~15 s) when missing or older than its sources;
    ``None`` (said why) when PyInstaller is not installed here."""
    newest = max(p.stat().st_mtime for p in BARE_SOURCES)
    if BARE_EXE.is_file() and BARE_EXE.stat().st_mtime >= newest:
        return BARE_EXE
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is not installed in this environment (`python3 dev.py build` "
              "installs it): no bare-window comparison")
        return None
    print("building the frozen bare window (build/bare-window/)...", file=sys.stderr)
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(BARE_OUT / "dist"), "--workpath", str(BARE_OUT / "work"),
         str(BENCH / "frozen_bare_window.spec")], cwd=ROOT, check=True,
    )  # fmt: skip
    return BARE_EXE


def run_bare(exe: Path) -> float:
    """The frozen bare window's ``window_shown_ms`` (its own clock, as the smoke test's)."""
    with tempfile.TemporaryDirectory(prefix="wolkvox-bench-") as tmp:
        report_file = Path(tmp) / "bare.json"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WOLKVOX_BARE_REPORT=str(report_file))
        done = subprocess.run([str(exe)], env=env, capture_output=True, text=True, cwd=ROOT,
                              timeout=60)  # fmt: skip
        lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
        text = lines[-1] if lines else (report_file.read_text() if report_file.is_file() else "")
    report = json.loads(text) if text else {}
    if not report.get("ok"):
        raise SystemExit(f"{exe} failed (exit {done.returncode}): {done.stderr[-1000:]}")
    return float(report["window_shown_ms"])


def run_once(cmd: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="wolkvox-bench-") as home:
        env = dict(os.environ, WOLKVOX_DESKTOP_HOME=home, QT_QPA_PLATFORM="offscreen")
        for name in ("WOLKVOX_TOKEN", "WOLKVOX_API_BASE"):
            env.pop(name, None)
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                text=True, cwd=ROOT)
        assert proc.stdout is not None
        report: dict[str, Any] | None = None
        json_at = None
        for line in proc.stdout:
            if line.startswith("{"):
                json_at = time.perf_counter()
                report = json.loads(line)
        code = proc.wait()
        ended = time.perf_counter()
    if report is None or json_at is None or not report.get("ok"):
        raise SystemExit(f"{' '.join(cmd)} failed (exit {code}): {report}")
    spawn_to_json = (json_at - started) * 1000
    return {
        "spawn_to_window": spawn_to_json - report["start_ms"],
        "import_to_window": float(report["window_shown_ms"]),
        "spawn_to_exit": (ended - started) * 1000,
        "keyring": report.get("keyring_backend"),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="counted rounds (default 7)")
    parser.add_argument("--exe", type=Path, default=project.executable(),
                        help="the frozen executable (default: %(default)s)")
    parser.add_argument("--report-only", action="store_true",
                        help="print the figures, exit 0 whatever they are")
    args = parser.parse_args(argv)
    if not args.exe.is_file():
        print(f"no frozen app at {args.exe}: run `python3 dev.py build` first")
        return 1
    bare = ensure_bare_window()
    bare_ms: list[float] = []
    variants = {
        "frozen": [str(args.exe), "--smoke-test"],
        "source": [sys.executable, "-m", "wolkvox_desktop", "--smoke-test"],
    }
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in variants}
    for round_no in range(args.runs + 1):
        for name, cmd in variants.items():
            sample = run_once(cmd)
            if round_no:  # round 0 warms the disk cache
                results[name].append(sample)
        if bare is not None:
            shown = run_bare(bare)
            if round_no:
                bare_ms.append(shown)
        print(f"round {round_no}/{args.runs}", end="\r", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    def med(name: str, key: str) -> float:
        return statistics.median(s[key] for s in results[name])

    rows = [("spawn -> window (upper bound)", "spawn_to_window"),
            ("import -> window (app clock)", "import_to_window"),
            ("spawn -> exit (whole smoke test)", "spawn_to_exit")]
    print(f"Frozen vs source start-up, median of {args.runs} runs, offscreen "
          f"(keyring: {results['frozen'][0]['keyring']}), {project.platform_tag()}")
    print(f"{'':34} {'frozen':>9} {'source':>9} {'frozen/source':>14}")
    for label, key in rows:
        frozen, source = med("frozen", key), med("source", key)
        print(f"{label:34} {frozen:7.0f}ms {source:7.0f}ms {frozen / source:13.2f}x")

    over = False
    if bare_ms:
        floor, app = statistics.median(bare_ms), med("frozen", "import_to_window")
        ratio = app / floor
        over = ratio > TARGET_RATIO
        print(f"\n{'first frame, frozen (own clocks)':34} {'app':>9} {'bare':>9} {'app/bare':>14}")
        print(f"{'window_shown_ms':34} {app:7.0f}ms {floor:7.0f}ms {ratio:13.2f}x  "
              f"(target <= {TARGET_RATIO}x: {'OVER TARGET' if over else 'OK'}"
              f"{', report only' if over and args.report_only else ''})")

    bundle = project.app_bundle() if project.system() == "macos" else project.onedir()
    archive = project.archive()
    budget = project.BUDGET_MB.get(project.system(), {})
    app_mb = project.tree_size(bundle) / project.MB
    print(f"\n{'app folder':34} {app_mb:7.1f} MB   (budget {budget.get('onedir', '-')} MB)  "
          f"{bundle.relative_to(ROOT)}")
    if archive.is_file():
        arc_mb = archive.stat().st_size / project.MB
        print(f"{'download':34} {arc_mb:7.1f} MB   (budget {budget.get('archive', '-')} MB)  "
              f"{archive.relative_to(ROOT)}")
    return 1 if over and not args.report_only else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
