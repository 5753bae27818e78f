#!/usr/bin/env python3
"""Run the built app's own checks and judge them: the frozen smoke test, for CI and tests.

    python build_specs/smoke.py [--exe PATH]     (default: this platform's dist/ executable)

1. ``<app> --smoke-test``: the window opens, one demo campaign starts against the built-in
   simulator, the keyring backend is the OS one (SecretService / Windows Credential
   Manager / macOS Keychain), all in one JSON line.
2. ``<app> --bundle-check``: modules, package metadata, keyring round trip, TLS trust
   store, Qt translations and plugins, resources (``bundle_check.py``).
3. The size budget of the app folder and of the archive (``project.BUDGET_MB``).

Prints each result and exits 1 naming every problem. Standard library only: it runs in
the build environment, in CI on every OS, and from ``tests/frozen``. Needs a keyring: on
Linux run it inside ``dbus-run-session`` with ``gnome-keyring-daemon --unlock`` (see
``.ci/run``); set ``QT_QPA_PLATFORM=offscreen`` where there is no screen.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import project  # noqa: E402

# What keyring calls the OS keyring backend ("SecretService Keyring", "Windows
# WinVaultKeyring", "macOS Keyring"): a word the name must contain.
EXPECTED_KEYRING = {"linux": "SecretService", "windows": "WinVault", "macos": "macOS"}
TIMEOUT_S = 120


def run_app(exe: Path, args: list[str], home: Path, fallback_name: str,
            env: dict[str, str] | None = None) -> tuple[dict[str, Any] | None, str]:
    """Run ``exe args`` with its own app-data folder; return (its JSON line, its output).

    A windowed Windows build may have no stdout: the app then leaves the line in
    ``<home>/logs/<fallback_name>``, read here instead.
    """
    run_env = dict(os.environ if env is None else env)
    run_env["WOLKVOX_DESKTOP_HOME"] = str(home)
    for name in ("WOLKVOX_TOKEN", "WOLKVOX_API_BASE"):
        run_env.pop(name, None)
    proc = subprocess.run([str(exe), *args], env=run_env, capture_output=True, text=True,
                          timeout=TIMEOUT_S, encoding="utf-8", errors="replace")
    output = (proc.stdout + proc.stderr).strip()
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    fallback = home / "logs" / fallback_name
    if not lines and fallback.is_file():
        lines = fallback.read_text(encoding="utf-8").splitlines()
    if not lines:
        return None, f"exit {proc.returncode}, no JSON line; output:\n{output[-3000:]}"
    try:
        return json.loads(lines[-1]), output
    except json.JSONDecodeError:
        return None, f"exit {proc.returncode}, unreadable JSON: {lines[-1][:500]}"


def smoke_problems(report: dict[str, Any] | None, output: str) -> list[str]:
    if report is None:
        return [f"--smoke-test printed no result ({output})"]
    problems = []
    if not report.get("ok"):
        problems.append(f"--smoke-test failed: {report.get('error', report)}")
    if not isinstance(report.get("window_shown_ms"), int):
        problems.append("--smoke-test did not show the window")
    if report.get("outcome") != "ok":
        problems.append(f"the demo start did not succeed (outcome {report.get('outcome')})")
    wanted = EXPECTED_KEYRING[project.system()]
    backend = str(report.get("keyring_backend", ""))
    if wanted not in backend or "fail" in backend.lower():
        problems.append(f"keyring backend is {backend!r}, not the {wanted} one")
    return problems


def bundle_problems(report: dict[str, Any] | None, output: str) -> list[str]:
    if report is None:
        return [f"--bundle-check printed no result ({output})"]
    problems = []
    for name, check in report.items():
        if isinstance(check, dict) and not check.get("ok"):
            details = {k: v for k, v in check.items() if k != "ok"}
            problems.append(f"bundle check {name!r} failed: {json.dumps(details)[:800]}")
    if report.get("version", {}).get("version") != project.version():
        problems.append(f"bundled version {report.get('version')} is not {project.version()}")
    return problems


def size_problems(dist: Path = project.DIST) -> tuple[dict[str, int | None], list[str]]:
    bundle = dist / (f"{project.APP_NAME}.app" if project.system() == "macos" else project.APP_ID)
    archive = dist / project.archive().name
    sizes: dict[str, int | None] = {
        "app_bytes": project.tree_size(bundle),
        "archive_bytes": archive.stat().st_size if archive.is_file() else None,
    }
    problems = project.budget_problems(sizes["app_bytes"] or 0, sizes["archive_bytes"])
    if project.system() == "linux" and sizes["archive_bytes"] is None:
        problems.append(f"no archive {archive.name} in {dist}")
    return sizes, problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--exe", type=Path, default=project.executable(),
                        help="the built executable (default: %(default)s)")
    args = parser.parse_args(argv)
    exe = args.exe.resolve()
    if not exe.is_file():
        print(f"[smoke] no app at {exe}: run python build_specs/build.py first")
        return 1
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="wolkvox-smoke-") as tmp:
        report, output = run_app(exe, ["--smoke-test"], Path(tmp, "smoke"), "smoke-test.json")
        print(f"[smoke] --smoke-test: {json.dumps(report) if report else output}")
        problems += smoke_problems(report, output)

        # A keychain prompt would block a headless macOS run: no test write there.
        extra = ["--no-keyring-write"] if project.system() == "macos" else []
        report, output = run_app(exe, ["--bundle-check", *extra], Path(tmp, "check"),
                                 "bundle-check.json")
        print(f"[smoke] --bundle-check: {json.dumps(report) if report else output}")
        problems += bundle_problems(report, output)

    sizes, over = size_problems()
    print(f"[smoke] sizes: {json.dumps(sizes)}")
    problems += over
    for problem in problems:
        print(f"[smoke] PROBLEM: {problem}")
    print("[smoke] " + ("FAILED" if problems else "all checks passed"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
