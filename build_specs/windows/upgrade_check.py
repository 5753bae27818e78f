#!/usr/bin/env python3
"""CI on Windows: an upgrade on a busy PC. The previous release is installed and used, its
window is left open, and the new setup.exe is installed over it silently.

    .venv\\Scripts\\python build_specs\\windows\\upgrade_check.py --yes --previous OLD.exe
        [--setup NEW.exe]

Like installed_check.py it changes this Windows account, so it needs ``--yes`` (a
throw-away CI machine). Steps, each one a problem when it fails:

1. The previous release installed silently (``/VERYSILENT /CURRENTUSER``); its
   ``wolkvox.exe`` adds an operation and lists campaigns from the simulator (a store with
   rows, a history row).
2. Its window started as a double-click starts it (no test variables) and left open.
3. The new setup, silently (``/VERYSILENT /SUPPRESSMSGBOXES /NORESTART``):
   - a previous version that holds no mutex is closed by the Restart Manager
     (``CloseApplications=yes``) and the install succeeds; it is not started again
     (``RestartApplications=no``);
   - a previous version that holds the app's mutex (``AppMutex``) makes the silent setup
     stop without changing anything (non-zero exit, the old files in place, the app still
     running); the app is then closed as a person would and the setup run again.
4. The installed app is the new version (``ProductVersion``), its ``--smoke-test``
   passes, and the data survived: the same operation and at least as many history rows.
5. The new version, running, holds the mutex: a second silent setup and a silent
   uninstall both stop without touching it; once it is closed, the uninstall works and
   the data folder stays.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SPECS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(SPECS))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import installed_check as ic  # noqa: E402
import project  # noqa: E402

SYNCHRONIZE = 0x00100000
TIMEOUT_S = 300


def say(message: str) -> None:
    print(f"[upgrade] {message}", flush=True)


def mutex_held(name: str = project.APP_MUTEX) -> bool:
    """Whether some process holds the app's named mutex (OpenMutexW finds it)."""
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenMutexW(SYNCHRONIZE, False, name)
    if handle:
        kernel32.CloseHandle(handle)
        return True
    return False


def run_setup(setup: Path, work: Path, name: str, *extra: str) -> int:
    log = work / f"{name}.log"
    cmd = [str(setup), "/VERYSILENT", "/CURRENTUSER", "/SUPPRESSMSGBOXES", "/NORESTART",
           f"/LOG={log}", *extra]
    say("$ " + " ".join(cmd))
    code = subprocess.run(cmd, timeout=TIMEOUT_S).returncode
    say(f"setup exit {code}")
    if code != 0 and log.is_file():
        print(log.read_text(encoding="utf-8", errors="replace")[-2000:], flush=True)
    return code


def product_version(exe: Path) -> str:
    return ic.powershell(f"(Get-Item -LiteralPath {ic.ps_quote(exe)}).VersionInfo.ProductVersion")


def start_window(exe: Path, data_dir: Path) -> subprocess.Popen[bytes]:
    """The window as a double-click starts it; waits until it is on screen."""
    log = data_dir / "logs" / "wolkvox-desktop.log"
    before = log.read_text(encoding="utf-8", errors="replace").count("window shown") \
        if log.is_file() else 0
    proc = subprocess.Popen([str(exe)], env=ic.clean_env())
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if log.is_file() and log.read_text(encoding="utf-8", errors="replace") \
                .count("window shown") > before:
            return proc
        time.sleep(0.5)
    ic.problem(f"{exe.name} did not show its window (exit {proc.poll()})")
    return proc


def close_as_a_person(proc: subprocess.Popen[bytes]) -> None:
    """Close the window (WM_CLOSE); an app kept in the tray is then quit for good."""
    subprocess.run(["taskkill", "/PID", str(proc.pid)], capture_output=True)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        say("still running after its window closed (the tray): ending it")
        subprocess.run(["taskkill", "/F", "/PID", str(proc.pid)], capture_output=True)
        proc.wait(timeout=30)


def counts(store: Path) -> dict[str, int]:
    return {t: ic.table_rows(store, t) for t in ("operations", "history")}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--previous", type=Path, required=True,
                        help="the previous release's setup.exe")
    parser.add_argument("--setup", type=Path, default=project.archive(), help="the new setup.exe")
    parser.add_argument("--yes", action="store_true",
                        help="really install into this Windows account (CI machines)")
    args = parser.parse_args(argv)
    if sys.platform != "win32":
        print("[upgrade] Windows only")
        return 2
    if not args.yes:
        print("[upgrade] this installs into your account; pass --yes on a throw-away machine")
        return 2
    local = Path(os.environ["LOCALAPPDATA"])
    data_dir, app_dir = local / project.APP_ID, local / "Programs" / project.APP_NAME
    window, cli = app_dir / f"{project.APP_ID}.exe", app_dir / f"{project.CLI_NAME}.exe"
    store = data_dir / "wolkvox-desktop.sqlite3"

    with tempfile.TemporaryDirectory(prefix="wolkvox-upgrade-") as tmp:
        work = Path(tmp)
        if run_setup(args.previous.resolve(), work, "previous") != 0:
            raise SystemExit("the previous release did not install")
        old_version = product_version(window)
        say(f"previous version {old_version}")
        ic.use_the_cli(cli)
        before = counts(store) if store.is_file() else {}
        say(f"data before: {before}")
        if not before.get("operations") or not before.get("history"):
            ic.problem(f"the previous version left no operation or history row in {store}")

        old = start_window(window, data_dir)
        held = mutex_held()
        say(f"previous version running (pid {old.pid}); holds the app mutex: {held}")
        code = run_setup(args.setup.resolve(), work, "upgrade")
        if held:
            if code == 0:
                ic.problem("the silent setup replaced a running copy that holds the mutex")
            if old.poll() is not None:
                ic.problem("the running copy was ended by the refused setup")
            close_as_a_person(old)
            code = run_setup(args.setup.resolve(), work, "upgrade-again")
        if code != 0:
            ic.problem(f"the silent upgrade exited {code}")
        try:
            old.wait(timeout=60)
        except subprocess.TimeoutExpired:
            ic.problem("the previous version was still running after the upgrade")
            close_as_a_person(old)

        new_version = product_version(window)
        say(f"installed version now {new_version}")
        if new_version != project.version():
            ic.problem(f"the installed app is {new_version}, not {project.version()}")
        ic.run_installed_app(window, data_dir)
        after = counts(store) if store.is_file() else {}
        say(f"data after: {after}")
        if after.get("operations", 0) < before.get("operations", 1) or \
                after.get("history", 0) < before.get("history", 1):
            ic.problem(f"the upgrade lost data: {before} before, {after} after")

        running = start_window(window, data_dir)
        if not mutex_held():
            ic.problem("the new version runs without holding the app mutex")
        if run_setup(args.setup.resolve(), work, "over-a-running-copy") == 0:
            ic.problem("a silent setup replaced the running new version")
        uninstallers = sorted(app_dir.glob("unins*.exe"))
        if uninstallers:
            refused = subprocess.run([str(uninstallers[-1]), "/VERYSILENT",
                                      "/SUPPRESSMSGBOXES", "/NORESTART"], timeout=TIMEOUT_S)
            time.sleep(5)  # the uninstaller re-runs itself from a temporary copy
            if not window.exists():
                ic.problem("a silent uninstall removed the running app "
                           f"(exit {refused.returncode})")
        if running.poll() is not None:
            ic.problem("the running app was ended by the refused setup or uninstall")
        close_as_a_person(running)
        snapshot = ic.snapshot(data_dir)
        ic.uninstall(app_dir)
        if window.exists():
            ic.problem(f"{app_dir} is still there after uninstalling a closed app")
        lost = sorted(set(snapshot) - set(ic.snapshot(data_dir)))
        if lost:
            ic.problem(f"uninstalling removed data: {lost}")

    say("FAILED" if ic.problems else "all checks passed")
    return 1 if ic.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
