#!/usr/bin/env python3
"""Run the built app's own checks and judge them: the frozen smoke test, for CI and tests.

    python build_specs/smoke.py [--exe PATH] [--native] [--unicode-path] [--launch-services]

1. ``<app> --smoke-test``: the window opens, one demo campaign starts against the built-in
   simulator, the keyring backend is the OS one (SecretService / Windows Credential
   Manager / macOS Keychain), all in one JSON line.
2. ``<app> --bundle-check``: modules, package metadata, keyring round trip, TLS trust
   store, Qt translations and plugins, resources (``bundle_check.py``).
3. The size budget of the app folder and of the archive (``project.BUDGET_MB``).

Optional, each one more ``--smoke-test`` run:

- ``--native``: with the platform's own Qt plugin (cocoa, windows, xcb), not offscreen:
  ``QT_QPA_PLATFORM`` is removed from the app's environment.
- ``--unicode-path``: from a copy of the app in a folder named ``José Ñandú`` with its
  data folder under it (a supervisor's user name is often not ASCII); the log must land
  in that data folder.
- ``--launch-services`` (macOS): the way a double-click starts it, through LaunchServices
  and the bundle's Info.plist: ``open -W -n --env WOLKVOX_DESKTOP_HOME=... <app> --args
  --smoke-test``. The app's stdout goes to a file (``open --stdout``); the result is read
  from there, else from ``<data>/logs/smoke-test.json``, else from the ``smoke test:``
  line of the app's log file. If the Info.plist named the CLI, nothing would come back.

Prints each result and exits 1 naming every problem. Standard library only: it runs in
the build environment, in CI on every OS, and from ``tests/frozen``. Needs a keyring: on
Linux run it inside ``dbus-run-session`` with ``gnome-keyring-daemon --unlock`` (see
``.ci/run``); set ``QT_QPA_PLATFORM=offscreen`` where there is no screen.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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
UNICODE_NAME = "José Ñandú"
LOG_FILE_NAME = "wolkvox-desktop.log"  # core.logsetup.LOG_FILE_NAME
CRASH_FILE_NAME = "crash.log"  # core.crashlog.CRASH_FILE_NAME
# Environment variables that would make the frozen app behave unlike a supervisor's
# double-click (UTF-8 mode, a forced stream encoding, an offscreen Qt).
NOT_A_SUPERVISORS = ("PYTHONUTF8", "PYTHONIOENCODING", "PYTHONLEGACYWINDOWSFSENCODING")


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
    try:
        proc = subprocess.run([str(exe), *args], env=run_env, capture_output=True, text=True,
                              timeout=TIMEOUT_S, encoding="utf-8", errors="replace")
    except subprocess.TimeoutExpired as exc:
        return None, (f"{exe.name} {' '.join(args)} did not finish within {TIMEOUT_S} s; "
                      f"output:\n{(_text(exc.stdout) + _text(exc.stderr))[-3000:]}")
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


def _text(data: str | bytes | None) -> str:
    """What a timed-out process had printed (``TimeoutExpired`` may hold bytes)."""
    if data is None:
        return ""
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else data


def result_from_files(home: Path) -> tuple[dict[str, Any] | None, str]:
    """The smoke test's JSON from what the app leaves in ``home``: ``logs/smoke-test.json``
    (written when it has no stdout), else the ``smoke test: {...}`` line of its log."""
    logs = home / "logs"
    fallback = logs / "smoke-test.json"
    if fallback.is_file():
        lines = [ln for ln in fallback.read_text(encoding="utf-8").splitlines()
                 if ln.startswith("{")]
        if lines:
            try:
                return json.loads(lines[-1]), f"from {fallback}"
            except json.JSONDecodeError:
                pass
    log = logs / LOG_FILE_NAME
    if log.is_file():
        marker = "smoke test: {"
        found = [ln for ln in log.read_text(encoding="utf-8", errors="replace").splitlines()
                 if marker in ln]
        if found:
            text = found[-1][found[-1].index(marker) + len(marker) - 1:]
            try:
                return json.loads(text), f"from the log {log}"
            except json.JSONDecodeError:
                return None, f"unreadable smoke line in {log}: {text[:300]}"
    return None, f"no result in {logs}"


def supervisor_env(native: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NOT_A_SUPERVISORS}
    if native:
        env.pop("QT_QPA_PLATFORM", None)
    return env


def run_via_launchservices(app: Path, home: Path) -> tuple[dict[str, Any] | None, str]:
    """macOS: start the ``.app`` as Finder does (LaunchServices reads its Info.plist)."""
    home.mkdir(parents=True, exist_ok=True)
    out, err = home.parent / f"{home.name}-stdout.txt", home.parent / f"{home.name}-stderr.txt"
    for path in (out, err):
        path.write_text("", encoding="utf-8")  # open --stdout/--stderr write into these
    cmd = ["open", "-W", "-n", "--env", f"WOLKVOX_DESKTOP_HOME={home}",
           "--stdout", str(out), "--stderr", str(err), str(app), "--args", "--smoke-test"]
    try:
        proc = subprocess.run(cmd, env=supervisor_env(native=True), capture_output=True,
                              text=True, timeout=TIMEOUT_S, errors="replace")
        said = f"open exit {proc.returncode} {(proc.stdout + proc.stderr).strip()}"
    except subprocess.TimeoutExpired as exc:
        # `open -W` waits for the app; an app that never quits (a hang, a dialog) must end
        # in a finding, not a traceback. Whatever it wrote meanwhile is still read below.
        said = (f"open -W did not return within {TIMEOUT_S} s (the app did not quit); "
                f"{_text(exc.stdout)}{_text(exc.stderr)}".strip())
    printed = out.read_text(encoding="utf-8", errors="replace") if out.is_file() else ""
    errors = err.read_text(encoding="utf-8", errors="replace") if err.is_file() else ""
    lines = [ln for ln in printed.splitlines() if ln.startswith("{")]
    if lines:
        try:
            return json.loads(lines[-1]), "from the app's stdout (open --stdout)"
        except json.JSONDecodeError:
            pass
    report, where = result_from_files(home)
    if report is not None:
        return report, where
    return None, (f"{said}; {where}; the app's stdout: {printed[-1500:]!r}; "
                  f"stderr: {errors[-1500:]!r}")


def copy_app(exe: Path, into: Path) -> Path:
    """Copy the whole app (the onedir folder, or the ``.app``) into ``into``; return the
    copy's executable."""
    into.mkdir(parents=True, exist_ok=True)
    if project.system() == "macos":
        bundle = exe.parents[2]  # <x>.app/Contents/MacOS/<exe>
        subprocess.run(["ditto", str(bundle), str(into / bundle.name)], check=True)
        return into / bundle.name / exe.relative_to(bundle)
    folder = exe.parent
    shutil.copytree(folder, into / folder.name, symlinks=True)
    return into / folder.name / exe.name


def unicode_path_problems(exe: Path, tmp: Path) -> tuple[dict[str, Any] | None, list[str]]:
    """``--smoke-test`` from a copy in ``<tmp>/José Ñandú/`` with the data folder
    ``<tmp>/José Ñandú/José Ñandú``; the app's log and crash file must be in there."""
    base = tmp / UNICODE_NAME
    copy = copy_app(exe, base)
    home = base / UNICODE_NAME
    report, output = run_app(copy, ["--smoke-test"], home, "smoke-test.json",
                             env=supervisor_env(native=False))
    problems = [f"from {base}: {p}" for p in smoke_problems(report, output)]
    for name in (LOG_FILE_NAME, CRASH_FILE_NAME):
        if not (home / "logs" / name).is_file():
            problems.append(f"from {base}: no {name} in the data folder {home / 'logs'}")
    return report, problems


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
    parser.add_argument("--native", action="store_true",
                        help="also run --smoke-test with the native Qt platform plugin")
    parser.add_argument("--unicode-path", action="store_true",
                        help=f"also run --smoke-test from a folder named {UNICODE_NAME!r}")
    parser.add_argument("--launch-services", action="store_true",
                        help="macOS: also start the .app through LaunchServices (open -W)")
    args = parser.parse_args(argv)
    exe = args.exe.resolve()
    if not exe.is_file():
        print(f"[smoke] no app at {exe}: run python build_specs/build.py first")
        return 1
    if args.launch_services and project.system() != "macos":
        print("[smoke] --launch-services is for macOS")
        return 2
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="wolkvox-smoke-") as tmp:
        report, output = run_app(exe, ["--smoke-test"], Path(tmp, "smoke"), "smoke-test.json")
        print(f"[smoke] --smoke-test: {json.dumps(report) if report else output}")
        problems += smoke_problems(report, output)

        if args.native:
            report, output = run_app(exe, ["--smoke-test"], Path(tmp, "native"),
                                     "smoke-test.json", env=supervisor_env(native=True))
            print(f"[smoke] --smoke-test, native platform plugin: "
                  f"{json.dumps(report) if report else output}")
            problems += [f"native plugin: {p}" for p in smoke_problems(report, output)]

        if args.launch_services:
            bundle = exe.parents[2]
            report, where = run_via_launchservices(bundle, Path(tmp, "launchservices"))
            print(f"[smoke] open -W {bundle.name} --args --smoke-test ({where}): "
                  f"{json.dumps(report) if report else ''}")
            problems += [f"through LaunchServices: {p}" for p in smoke_problems(report, where)]

        if args.unicode_path:
            report, found = unicode_path_problems(exe, Path(tmp))
            print(f"[smoke] --smoke-test from {UNICODE_NAME!r}: {json.dumps(report)}")
            problems += found

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
