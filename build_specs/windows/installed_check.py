#!/usr/bin/env python3
"""CI on Windows: install the setup.exe as a supervisor would, use it, uninstall it.

    .venv\\Scripts\\python build_specs\\windows\\installed_check.py --yes [--setup PATH]
        [--expect-signed]

It changes this Windows account (installs, writes %LOCALAPPDATA%\\wolkvox-desktop), so it
refuses to run without ``--yes``: meant for a throw-away CI machine. Steps, each one a
problem when it fails:

1. An earlier version's data in the roaming ``%APPDATA%\\wolkvox-desktop`` (a probe file),
   to see it moved to the local folder on first start.
2. ``setup.exe /VERYSILENT /CURRENTUSER /SUPPRESSMSGBOXES /NORESTART /LOG=...``.
3. The Start-menu shortcut exists; its target is
   ``%LOCALAPPDATA%\\Programs\\Wolkvox Desktop\\wolkvox-desktop.exe`` (what the README
   says), with ``wolkvox.exe`` beside it; each carries its own version resource
   (OriginalFilename) and, with ``--expect-signed``, a valid Authenticode signature (the
   uninstaller too).
4. The shortcut's target with ``--smoke-test``, as a double-click starts it: no
   ``WOLKVOX_DESKTOP_HOME``, the native Qt platform plugin; its result is read from the
   local data folder (a windowed app has no console). The probe moved; ``crash.log`` and
   the log are in ``%LOCALAPPDATA%\\wolkvox-desktop\\logs``.
5. The installed ``wolkvox.exe`` adds an operation and lists campaigns from the simulator
   (a history row), in the same data folder.
6. ``wolkvox.exe plan schedule on`` (the Plans window's switch "Run plans when the app is
   closed"): the Task Scheduler task exists as Task Scheduler keeps it (the battery
   settings off, one instance at a time, the user's interactive logon, the windowed
   ``wolkvox-desktop.exe --run-due``); started once with ``schtasks /Run``, its heartbeat
   comes with exit 0 (a note, not a problem, if this runner has no logged-on session).
7. The uninstaller, silently; the program folder, the shortcut and the task go, and every
   file of the data folder stays as it was (settings, history, logs).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SPECS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(SPECS))
import project  # noqa: E402
import smoke  # noqa: E402

PROBE = "probe-from-an-earlier-version.txt"
TIMEOUT_S = 300

problems: list[str] = []


def say(message: str) -> None:
    print(f"[installed] {message}", flush=True)


def problem(message: str) -> None:
    problems.append(message)
    say(f"PROBLEM: {message}")


def powershell(script: str) -> str:
    proc = subprocess.run(["powershell", "-NoProfile", "-NonInteractive", "-Command", script],
                          capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(f"powershell failed: {proc.stderr.strip()[-800:]}")
    return proc.stdout.strip()


def ps_quote(path: Path | str) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def clean_env(**extra: str) -> dict[str, str]:
    """A supervisor's environment: none of CI's or the tests' overrides."""
    drop = {"WOLKVOX_DESKTOP_HOME", "WOLKVOX_TOKEN", "WOLKVOX_API_BASE", "QT_QPA_PLATFORM",
            *smoke.NOT_A_SUPERVISORS}
    env = {k: v for k, v in os.environ.items() if k.upper() not in drop}
    env.update(extra)
    return env


def table_rows(db: Path, table: str) -> int:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608
    finally:
        conn.close()


def snapshot(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_size
            for p in sorted(folder.rglob("*")) if p.is_file()}


def install(setup: Path, work: Path) -> None:
    log = work / "install.log"
    cmd = [str(setup), "/VERYSILENT", "/CURRENTUSER", "/SUPPRESSMSGBOXES", "/NORESTART",
           f"/LOG={log}"]
    say("$ " + " ".join(cmd))
    proc = subprocess.run(cmd, timeout=TIMEOUT_S)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.is_file() else ""
        raise SystemExit(f"setup exited {proc.returncode}; its log:\n{tail}")


def check_executables(app_dir: Path, setup: Path, expect_signed: bool) -> None:
    for name in (f"{project.APP_ID}.exe", f"{project.CLI_NAME}.exe"):
        exe = app_dir / name
        if not exe.is_file():
            problem(f"{exe} is not installed")
            continue
        info = json.loads(powershell(
            f"(Get-Item -LiteralPath {ps_quote(exe)}).VersionInfo | Select-Object "
            "OriginalFilename, FileDescription, ProductVersion | ConvertTo-Json"))
        say(f"{name}: {info}")
        if info.get("OriginalFilename") != name:
            problem(f"{name}'s version resource says OriginalFilename="
                    f"{info.get('OriginalFilename')!r}")
        if info.get("ProductVersion") != project.version():
            problem(f"{name}'s ProductVersion is {info.get('ProductVersion')!r}")
    uninstaller = sorted(app_dir.glob("unins*.exe"))
    for path in [setup, app_dir / f"{project.APP_ID}.exe", app_dir / f"{project.CLI_NAME}.exe",
                 *uninstaller]:
        if not path.is_file():
            continue
        status = powershell(f"(Get-AuthenticodeSignature -LiteralPath {ps_quote(path)}).Status")
        say(f"signature of {path.name}: {status}")
        if expect_signed and status != "Valid":
            problem(f"{path.name} is not validly signed ({status})")


def run_installed_app(target: Path, data_dir: Path) -> None:
    (data_dir / "logs" / "smoke-test.json").unlink(missing_ok=True)
    say(f"$ {target} --smoke-test   (as a double-click: native plugin, default data folder)")
    proc = subprocess.run([str(target), "--smoke-test"], env=clean_env(), capture_output=True,
                          text=True, timeout=smoke.TIMEOUT_S, errors="replace")
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    report: dict[str, Any] | None = json.loads(lines[-1]) if lines else None
    where = "stdout"
    if report is None:
        report, where = smoke.result_from_files(data_dir)
    say(f"--smoke-test (exit {proc.returncode}, {where}): {json.dumps(report)}")
    for found in smoke.smoke_problems(report, proc.stdout + proc.stderr):
        problem(f"installed app: {found}")
    for name in (smoke.LOG_FILE_NAME, smoke.CRASH_FILE_NAME):
        if not (data_dir / "logs" / name).is_file():
            problem(f"no {name} in {data_dir / 'logs'}")


def use_the_cli(cli: Path) -> None:
    sim = subprocess.Popen([sys.executable, "-m", "wolkvox_desktop.simulator"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert sim.stdout is not None
        base_url = sim.stdout.readline().strip()
        say(f"simulator at {base_url}")
        env = clean_env(WOLKVOX_API_BASE=base_url, WOLKVOX_TOKEN="demo-token")
        for args in (["operation", "add", "--server", "0032", "--name", "Install check"],
                     ["campaigns", "--server", "0032", "--json"]):
            proc = subprocess.run([str(cli), *args], env=env, capture_output=True, text=True,
                                  timeout=120, errors="replace")
            say(f"$ wolkvox {' '.join(args)} -> exit {proc.returncode}")
            if proc.returncode != 0:
                problem(f"wolkvox {' '.join(args)} exited {proc.returncode}: "
                        f"{(proc.stdout + proc.stderr)[-1500:]}")
    finally:
        sim.terminate()
        sim.wait(timeout=30)


def task_xml(name: str) -> str | None:
    proc = subprocess.run(["schtasks", "/Query", "/TN", name, "/XML", "ONE"],
                          capture_output=True, timeout=60)
    if proc.returncode != 0:
        return None
    data = proc.stdout
    return data.decode("utf-16" if b"\x00" in data[:200] else "utf-8", errors="replace")


def schedule_the_plans(cli: Path, app_dir: Path, data_dir: Path) -> str | None:
    """Turn the switch on with the installed CLI; check the task; run it once. Returns the
    task's name (None when it could not be made)."""
    proc = subprocess.run([str(cli), "plan", "schedule", "on", "--json"], env=clean_env(),
                          capture_output=True, text=True, timeout=120, errors="replace")
    say(f"$ wolkvox plan schedule on -> exit {proc.returncode}")
    if proc.returncode != 0:
        problem(f"wolkvox plan schedule on exited {proc.returncode}: "
                f"{(proc.stdout + proc.stderr)[-1500:]}")
        return None
    from wolkvox_desktop.core.os_schedule.windows import task_name, user_name

    name = task_name(user_name())  # what the app and the uninstaller call it
    if not json.loads(proc.stdout).get("on"):
        problem(f"wolkvox plan schedule on says it is off: {proc.stdout[-500:]}")
    xml = task_xml(name)
    if xml is None:
        problem(f"no Task Scheduler task {name!r} after turning the switch on")
        return None
    window = str(app_dir / f"{project.APP_ID}.exe").lower()
    for needle in ("<DisallowStartIfOnBatteries>false", "<StopIfGoingOnBatteries>false",
                   "<MultipleInstancesPolicy>IgnoreNew", "<LogonType>InteractiveToken",
                   "<Interval>PT5M", "--run-due"):
        if needle not in xml:
            problem(f"the task {name!r} as Task Scheduler keeps it has no {needle!r}")
    if window not in xml.lower():
        problem(f"the task {name!r} does not run {window}")
    say(f"task {name!r}: battery settings off, IgnoreNew, interactive, runs {window}")
    beat = data_dir / "run-due-heartbeat.json"
    beat.unlink(missing_ok=True)
    subprocess.run(["schtasks", "/Run", "/TN", name], capture_output=True, timeout=60)
    deadline = time.monotonic() + 90
    while not beat.is_file() and time.monotonic() < deadline:
        time.sleep(1)
    if not beat.is_file():
        info = subprocess.run(["schtasks", "/Query", "/TN", name, "/V", "/FO", "LIST"],
                              capture_output=True, text=True, errors="replace", timeout=60)
        say(f"note: the task did not run within 90 s (no logged-on session on this runner?):"
            f"\n{info.stdout}")
        return name
    result = json.loads(beat.read_text(encoding="utf-8"))
    say(f"the scheduled check ran: {result}")
    if result.get("exit_code") != 0:
        problem(f"the scheduled check ended with exit {result.get('exit_code')}: "
                f"{result.get('said')}")
    return name


def uninstall(app_dir: Path) -> None:
    uninstallers = sorted(app_dir.glob("unins*.exe"))
    if not uninstallers:
        raise SystemExit(f"no uninstaller in {app_dir}")
    cmd = [str(uninstallers[-1]), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"]
    say("$ " + " ".join(cmd))
    subprocess.run(cmd, timeout=TIMEOUT_S)
    # The uninstaller re-runs itself from a temporary copy: wait for the files to go.
    deadline = time.monotonic() + TIMEOUT_S
    while (app_dir / f"{project.APP_ID}.exe").exists() and time.monotonic() < deadline:
        time.sleep(1)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--setup", type=Path, default=project.archive(), help="the setup.exe")
    parser.add_argument("--expect-signed", action="store_true",
                        help="require valid Authenticode signatures")
    parser.add_argument("--yes", action="store_true",
                        help="really install into this Windows account (CI machines)")
    args = parser.parse_args(argv)
    if sys.platform != "win32":
        print("[installed] Windows only")
        return 2
    if not args.yes:
        print("[installed] this installs into your account and uses your data folder; "
              "pass --yes on a throw-away machine")
        return 2
    setup = args.setup.resolve()
    local = Path(os.environ["LOCALAPPDATA"])
    data_dir = local / project.APP_ID
    roaming_dir = Path(os.environ["APPDATA"]) / project.APP_ID
    app_dir = local / "Programs" / project.APP_NAME
    shortcut = (Path(os.environ["APPDATA"]) / "Microsoft" / "Windows" / "Start Menu"
                / "Programs" / f"{project.APP_NAME}.lnk")

    if not data_dir.exists() and not roaming_dir.exists():
        roaming_dir.mkdir(parents=True)
        (roaming_dir / PROBE).write_text("left by an earlier version\n", encoding="utf-8")
        say(f"an earlier version's data: {roaming_dir / PROBE}")
    else:
        say(f"not a fresh account ({data_dir} or {roaming_dir} exists): no move check")
    probe_expected = (roaming_dir / PROBE).is_file()

    with tempfile.TemporaryDirectory(prefix="wolkvox-installed-") as tmp:
        install(setup, Path(tmp))
    if not shortcut.is_file():
        raise SystemExit(f"no Start-menu shortcut at {shortcut}")
    target = Path(powershell(
        f"(New-Object -ComObject WScript.Shell).CreateShortcut({ps_quote(shortcut)}).TargetPath"))
    say(f"Start-menu shortcut -> {target}")
    if os.path.normcase(str(target)) != os.path.normcase(str(app_dir / f"{project.APP_ID}.exe")):
        problem(f"the shortcut starts {target}, not {app_dir / (project.APP_ID + '.exe')}")
    check_executables(app_dir, setup, args.expect_signed)

    run_installed_app(target, data_dir)
    if probe_expected:
        if not (data_dir / PROBE).is_file():
            problem(f"the earlier version's data was not moved to {data_dir}")
        if roaming_dir.exists() and (roaming_dir / PROBE).exists():
            problem(f"{roaming_dir} was left in place")

    use_the_cli(app_dir / f"{project.CLI_NAME}.exe")
    store = data_dir / "wolkvox-desktop.sqlite3"
    counts = {}
    if store.is_file():
        counts = {t: table_rows(store, t) for t in ("operations", "history")}
        say(f"store {store}: {counts}")
        if counts["operations"] < 1 or counts["history"] < 1:
            problem(f"the CLI left no operation or no history row in {store}")
    else:
        problem(f"no store at {store}")
    task = schedule_the_plans(app_dir / f"{project.CLI_NAME}.exe", app_dir, data_dir)
    before = snapshot(data_dir)

    uninstall(app_dir)
    if task is not None and task_xml(task) is not None:
        problem(f"the Task Scheduler task {task!r} is still there after uninstalling")
    elif task is not None:
        say(f"the uninstaller deleted the task {task!r}")
    if (app_dir / f"{project.APP_ID}.exe").exists():
        problem(f"{app_dir} is still there after uninstalling")
    if shortcut.exists():
        problem(f"{shortcut} is still there after uninstalling")
    after = snapshot(data_dir) if data_dir.is_dir() else {}
    lost = sorted(name for name in before if name not in after)
    changed = sorted(n for n in before if n in after and after[n] != before[n])
    if lost or changed:
        problem(f"uninstalling touched the data folder: lost {lost}, changed {changed}")
    elif store.is_file() and {t: table_rows(store, t) for t in counts} != counts:
        problem("the store's rows changed while uninstalling")
    else:
        say(f"after uninstalling, the data folder holds the same {len(after)} files")

    say("FAILED" if problems else "all checks passed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
