#!/usr/bin/env python3
"""CI on macOS: plans run by a LaunchAgent with the app closed, as the switch sets it up.

    .venv/bin/python build_specs/launch_agent_check.py --yes

It loads LaunchAgents into this account's GUI session, so it refuses to run without
``--yes`` (meant for a throw-away CI Mac). Steps, each one a problem when it fails:

1. The built bundle holds one program image (``one_image.py``).
2. A plan due a minute ago in a data folder named ``José Ñandú plans``, the simulator on
   loopback, and a LaunchAgent made by the app's own generator
   (``wolkvox_desktop/core/os_schedule/macos.py``) running ``Contents/MacOS/wolkvox-desktop
   --run-due --data-folder …`` once at load (with the simulator's address and demo token in
   its environment): the heartbeat comes with exit 0, the plan's campaign is in the
   history as started, and the agent is unloaded and removed.
3. The switch itself, through the bundled ``wolkvox plan schedule on|status|off``: the
   agent ``com.wolkvox-desktop.plans`` is loaded and runs the window's executable; off
   unloads and removes it.
"""

from __future__ import annotations

import argparse
import json
import os
import plistlib
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

SPECS = Path(__file__).resolve().parent
sys.path.insert(0, str(SPECS))
import one_image  # noqa: E402
import project  # noqa: E402

CI_LABEL = "com.wolkvox-desktop.plans.ci"
WAIT_S = 120
problems: list[str] = []


def say(message: str) -> None:
    print(f"[launch-agent] {message}", flush=True)


def problem(message: str) -> None:
    problems.append(message)
    say(f"PROBLEM: {message}")


def launchctl(*args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(["launchctl", *args], capture_output=True, text=True, timeout=60)
    say(f"$ launchctl {' '.join(args)} -> exit {proc.returncode} {proc.stderr.strip()}")
    return proc


def save_due_plan(folder: Path) -> None:
    """A daily plan of one campaign whose time came a minute ago (made two hours before)."""
    os.environ["WOLKVOX_DESKTOP_HOME"] = str(folder)
    from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType
    from wolkvox_desktop.core.paths import store_path
    from wolkvox_desktop.core.plans import Plan, Schedule
    from wolkvox_desktop.core.schedule import LocalZone
    from wolkvox_desktop.core.store import Store

    now = datetime.now(timezone.utc)
    slot = LocalZone.system().local(now - timedelta(minutes=1))
    plan = Plan.create("Ahora", "0032", "start", [CampaignRef("3303", CampaignType.PREVIEW)],
                       Schedule.parse(f"{slot.hour:02d}:{slot.minute:02d}", "daily"))
    with Store(store_path(), clock=lambda: now - timedelta(hours=2)) as store:
        store.save_plan(plan)


def run_the_agent_once(exe: Path, folder: Path, base_url: str) -> None:
    from wolkvox_desktop.core.os_schedule.command import run_due_command
    from wolkvox_desktop.core.os_schedule.heartbeat import read_heartbeat
    from wolkvox_desktop.core.os_schedule.macos import agent_plist, agents_folder

    command = run_due_command(str(exe), data_folder=str(folder), environment={
        "WOLKVOX_API_BASE": base_url, "WOLKVOX_TOKEN": "demo-token"})
    path = agents_folder() / f"{CI_LABEL}.plist"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(agent_plist(command, label=CI_LABEL, run_at_load=True))
    domain = f"gui/{os.getuid()}"
    try:
        if launchctl("bootstrap", domain, str(path)).returncode != 0:
            problem(f"launchctl bootstrap {domain} {path} failed")
            return
        deadline = time.monotonic() + WAIT_S
        while read_heartbeat(folder) is None and time.monotonic() < deadline:
            time.sleep(1)
        beat = read_heartbeat(folder)
        if beat is None:
            launchctl("print", f"{domain}/{CI_LABEL}")
            problem(f"the LaunchAgent left no heartbeat in {folder} within {WAIT_S} s")
            return
        say(f"heartbeat: exit {beat.exit_code}: {beat.said}")
        if beat.exit_code != 0 or beat.said != "Plan 'Ahora': 1 campaign started.":
            problem(f"the scheduled check ended with exit {beat.exit_code}: {beat.said}")
        history = subprocess.run([str(exe.with_name(project.CLI_NAME)), "history", "--json"],
                                 env=dict(os.environ, WOLKVOX_DESKTOP_HOME=str(folder)),
                                 capture_output=True, text=True, timeout=60)
        rows = [json.loads(x) for x in history.stdout.splitlines() if x.strip()]
        if not any(r.get("plan") == "Ahora" and r.get("outcome") == "ok" for r in rows):
            problem(f"the history has no started call of plan Ahora: {rows}")
    finally:
        launchctl("bootout", f"{domain}/{CI_LABEL}")
        path.unlink(missing_ok=True)


def the_switch(exe: Path, folder: Path) -> None:
    cli = str(exe.with_name(project.CLI_NAME))
    env = dict(os.environ, WOLKVOX_DESKTOP_HOME=str(folder))

    def schedule(action: str) -> dict[str, object]:
        proc = subprocess.run([cli, "plan", "schedule", action, "--json"], env=env,
                              capture_output=True, text=True, timeout=120)
        say(f"$ wolkvox plan schedule {action} -> exit {proc.returncode} {proc.stderr.strip()}")
        return dict(json.loads(proc.stdout)) if proc.stdout.strip() else {}

    state = schedule("on")
    runs = state.get("runs") or []
    if not state.get("on") or not runs or runs[0] != str(exe) or "--run-due" not in runs:
        problem(f"the switch did not register {exe} --run-due: {state}")
    agent = Path.home() / "Library" / "LaunchAgents" / "com.wolkvox-desktop.plans.plist"
    if agent.is_file():
        values = plistlib.loads(agent.read_bytes())
        say(f"{agent}: {values}")
        if values.get("StartInterval") != 300:
            problem(f"{agent} does not start every 300 s")
    else:
        problem(f"no {agent}")
    if launchctl("print", f"gui/{os.getuid()}/com.wolkvox-desktop.plans").returncode != 0:
        problem("the switch's agent is not loaded")
    state = schedule("off")
    if state.get("on") or agent.exists():
        problem(f"the switch's agent is still there after off: {state}")
    if launchctl("print", f"gui/{os.getuid()}/com.wolkvox-desktop.plans").returncode == 0:
        problem("the switch's agent is still loaded after off")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--yes", action="store_true",
                        help="really load LaunchAgents into this account (CI machines)")
    args = parser.parse_args(argv)
    if sys.platform != "darwin":
        print("[launch-agent] macOS only")
        return 2
    if not args.yes:
        print("[launch-agent] this loads LaunchAgents into your session; pass --yes on a "
              "throw-away machine")
        return 2
    for found in one_image.problems(project.app_bundle()):
        problem(found)
    exe = project.executable()
    sim = subprocess.Popen([sys.executable, "-m", "wolkvox_desktop.simulator"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert sim.stdout is not None
        base_url = sim.stdout.readline().strip()
        say(f"simulator at {base_url}")
        with tempfile.TemporaryDirectory(prefix="wolkvox-agent-") as tmp:
            folder = Path(tmp) / "José Ñandú plans"
            folder.mkdir()
            save_due_plan(folder)
            run_the_agent_once(exe, folder, base_url)
            the_switch(exe, folder)
    finally:
        sim.terminate()
        sim.wait(timeout=30)
    say("FAILED" if problems else "all checks passed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
