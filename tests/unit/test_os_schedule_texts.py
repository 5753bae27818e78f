"""The texts each OS takes for "Run plans when the app is closed" (Task Scheduler XML, the
LaunchAgent plist, systemd units, the crontab line), for install paths with spaces and
non-ASCII letters: what they say, and that reading them back gives the same command.

Where a real parser of the format is on this machine it judges the text: ElementTree on
the UTF-16 file schtasks reads, plistlib, ``systemd-analyze verify`` on the units, and
``/bin/sh`` on the crontab line's command (after cron's own ``%`` rule).
"""

from __future__ import annotations

import json
import os
import plistlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest

from wolkvox_desktop.core.os_schedule import linux, macos, windows
from wolkvox_desktop.core.os_schedule.command import (
    ScheduledCommand,
    ScheduleError,
    run_due_command,
    same_path,
    window_program,
)
from wolkvox_desktop.core.os_schedule.runner import Completed

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_specs"))
import project  # noqa: E402

WIN_APP = r"C:\Users\José Ñandú\AppData\Local\Programs\Wolkvox Desktop\wolkvox-desktop.exe"
WIN_DATA = r"C:\Users\José Ñandú\Datos de Wolkvox"
MAC_APP = "/Users/josé/Applications/Wolkvox Desktop Ñandú.app/Contents/MacOS/wolkvox-desktop"
LINUX_APP = "/home/josé/Programas/Wolkvox Ñandú 100%/wolkvox-desktop/wolkvox-desktop"
LINUX_DATA = "/home/josé/datos $HOME \"comillas\" 'y' \\ barra 100%"
NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}


# ---------------------------------------------------------------- the command


def test_the_frozen_app_schedules_the_windows_own_executable() -> None:
    cli = r"C:\Users\José Ñandú\AppData\Local\Programs\Wolkvox Desktop\wolkvox.exe"
    assert window_program(cli, frozen=True, system="windows") == (WIN_APP, ())
    mac_cli = MAC_APP.replace("wolkvox-desktop", "wolkvox", 1).rsplit("/", 1)[0] + "/wolkvox"
    assert window_program(mac_cli, frozen=True, system="macos") == (MAC_APP, ())
    assert window_program(LINUX_APP, frozen=True, system="linux") == (LINUX_APP, ())


def test_from_source_the_interpreter_runs_the_package_windowless_on_windows() -> None:
    python = r"C:\dev\wolkvox\.venv\Scripts\python.exe"
    program, prefix = window_program(python, frozen=False, system="windows",
                                     exists=lambda p: p.endswith("pythonw.exe"))
    assert program == r"C:\dev\wolkvox\.venv\Scripts\pythonw.exe"
    assert prefix == ("-m", "wolkvox_desktop")
    assert window_program("/v/bin/python", frozen=False, system="linux") == (
        "/v/bin/python", ("-m", "wolkvox_desktop"))


def test_the_data_folder_travels_as_an_argument_and_control_characters_are_refused() -> None:
    command = run_due_command(WIN_APP, data_folder=WIN_DATA)
    assert command.arguments == ("--run-due", "--data-folder", WIN_DATA)
    assert command.data_folder() == WIN_DATA
    assert run_due_command(WIN_APP).data_folder() is None
    with pytest.raises(ValueError, match="control characters"):
        run_due_command("/opt/app\n* * * * * rm -rf ~")


def test_windows_paths_compare_without_case_and_with_letters_the_console_lost() -> None:
    assert same_path(WIN_APP, WIN_APP.upper(), windows=True)
    assert same_path(WIN_APP, WIN_APP.replace("é", "?").replace("Ñ", "?"), windows=True)
    assert not same_path(WIN_APP, WIN_APP.replace("Local", "Roami"), windows=True)
    assert not same_path("/a/B", "/a/b", windows=False)


# ---------------------------------------------------------------- Windows


@pytest.fixture
def task() -> tuple[ScheduledCommand, ET.Element]:
    command = run_due_command(WIN_APP, data_folder=WIN_DATA)
    xml = windows.task_xml(command, user_id="OFICINA\\josé.ñandú",
                           start=datetime(2026, 3, 10, 7, 38, 21))
    return command, ET.fromstring(windows.task_file_bytes(xml))  # bytes: as schtasks reads it


def _text(root: ET.Element, path: str) -> str | None:
    found = root.find(path, NS)
    return None if found is None else found.text


def test_the_task_runs_on_battery_once_at_a_time_and_only_while_logged_on(task) -> None:
    _command, root = task
    assert _text(root, "t:Settings/t:DisallowStartIfOnBatteries") == "false"
    assert _text(root, "t:Settings/t:StopIfGoingOnBatteries") == "false"
    assert _text(root, "t:Settings/t:MultipleInstancesPolicy") == "IgnoreNew"
    assert _text(root, "t:Settings/t:Enabled") == "true"
    assert _text(root, "t:Principals/t:Principal/t:LogonType") == "InteractiveToken"
    assert _text(root, "t:Principals/t:Principal/t:RunLevel") == "LeastPrivilege"
    assert _text(root, "t:Principals/t:Principal/t:UserId") == "OFICINA\\josé.ñandú"


def test_the_task_repeats_every_five_minutes_for_ever_from_the_grid(task) -> None:
    _command, root = task
    trigger = root.find("t:Triggers/t:TimeTrigger", NS)
    assert trigger is not None
    assert _text(trigger, "t:Repetition/t:Interval") == "PT5M"
    assert trigger.find("t:Repetition/t:Duration", NS) is None  # no end
    assert _text(trigger, "t:StartBoundary") == "2026-03-10T07:35:00"
    assert len(root.findall("t:Triggers/*", NS)) == 1


def test_the_task_runs_the_windowless_program_with_the_switch(task) -> None:
    command, root = task
    program = _text(root, "t:Actions/t:Exec/t:Command")
    assert program == f'"{WIN_APP}"'  # the window's executable, not the console wolkvox.exe
    assert not program.lower().endswith('\\wolkvox.exe"')
    arguments = _text(root, "t:Actions/t:Exec/t:Arguments") or ""
    assert windows.split_windows_arguments(arguments) == list(command.arguments)


def test_the_task_file_is_utf16_with_its_bom_as_schtasks_wants() -> None:
    xml = windows.task_xml(run_due_command(WIN_APP), user_id="u", start=datetime(2026, 1, 1))
    data = windows.task_file_bytes(xml)
    assert data[:2] == b"\xff\xfe"
    assert data.decode("utf-16").startswith('<?xml version="1.0" encoding="UTF-16"?>')
    assert "José Ñandú" in data.decode("utf-16")


def test_the_task_reads_back_as_the_same_command(task) -> None:
    command, root = task
    xml = ET.tostring(root, encoding="unicode")
    assert windows.command_of_task(xml) == command
    assert windows.command_of_task(windows.decode_query(windows.task_file_bytes(xml))) == command
    # a command typed in Task Scheduler without quotes is one program, spaces and all
    typed = "<Exec><Command>C:\\Program Files\\x.exe</Command></Exec>"
    assert windows.command_of_task(typed) == ScheduledCommand("C:\\Program Files\\x.exe", ())


def test_a_task_cannot_carry_environment_variables() -> None:
    with pytest.raises(ValueError):
        windows.task_xml(run_due_command(WIN_APP, environment={"A": "b"}), user_id="u",
                         start=datetime(2026, 1, 1))


@pytest.mark.parametrize("args", [
    ["plain"], ["with space"], [""], ['a"quote'], ["trailing\\"], ["dir\\ with\\\\"],
    ['\\"both\\"', "x y"], [WIN_DATA, "--data-folder", "C:\\a b\\"],
])
def test_arguments_split_as_the_c_runtime_does(args: list[str]) -> None:
    assert windows.split_windows_arguments(subprocess.list2cmdline(args)) == args


def test_the_task_runs_as_the_users_sid_from_whoami() -> None:
    line = '"oficina\\josé.ñandú","S-1-5-21-1004336348-1177238915-682003330-1001"\r\n'
    assert windows.sid_of(line) == "S-1-5-21-1004336348-1177238915-682003330-1001"
    assert windows.sid_of("ERROR: access denied") is None


def test_the_task_name_carries_the_user_and_what_the_uninstaller_deletes() -> None:
    assert windows.task_name("josé") == "Wolkvox Desktop plans (josé)"
    assert windows.task_name('a\\b:c') == "Wolkvox Desktop plans (a_b_c)"
    script = (ROOT / "build_specs" / "windows" / "installer.iss").read_text(encoding="utf-8")
    uninstall = script.split("\n[UninstallRun]\n", 1)[1].split("\n[", 1)[0]
    expected = windows.task_name("{username}").replace('"', '""')
    assert re.search(r'Filename: "\{sys\}\\schtasks\.exe"; Parameters: "/Delete /TN ""'
                     + re.escape(expected) + '"" /F"', uninstall), uninstall


# ---------------------------------------------------------------- macOS


def test_the_launch_agent_runs_the_windows_executable_every_five_minutes() -> None:
    command = run_due_command(MAC_APP)
    values = plistlib.loads(macos.agent_plist(command))
    assert values["Label"] == "com.wolkvox-desktop.plans"
    assert values["ProgramArguments"] == [MAC_APP, "--run-due"]
    assert values["ProgramArguments"][0].endswith("/Contents/MacOS/wolkvox-desktop")
    assert values["StartInterval"] == 300
    assert values["RunAtLoad"] is False
    assert values["LimitLoadToSessionType"] == "Aqua"
    assert values["AssociatedBundleIdentifiers"] == [project.BUNDLE_ID]
    assert "EnvironmentVariables" not in values
    assert macos.command_of_plist(macos.agent_plist(command)) == command


def test_variables_go_into_the_agents_environment() -> None:
    command = run_due_command(MAC_APP, environment={"WOLKVOX_API_BASE": "http://127.0.0.1:1"})
    values = plistlib.loads(macos.agent_plist(command, label="x.ci", run_at_load=True))
    assert values["EnvironmentVariables"] == {"WOLKVOX_API_BASE": "http://127.0.0.1:1"}
    assert values["Label"] == "x.ci" and values["RunAtLoad"] is True
    assert macos.command_of_plist(b"not a plist") is None


def test_a_copy_run_from_the_disk_image_or_where_downloaded_is_recognised() -> None:
    assert macos.translocated("/private/var/folders/x/T/AppTranslocation/AB/d/W.app/Contents"
                              "/MacOS/wolkvox-desktop")
    assert macos.translocated("/Volumes/Wolkvox Desktop 0.1.0/W.app/Contents/MacOS/x")
    assert not macos.translocated(MAC_APP)


# ---------------------------------------------------------------- Linux: systemd


def test_the_systemd_units_are_a_oneshot_service_and_a_five_minute_timer() -> None:
    service, timer = linux.systemd_units(run_due_command(LINUX_APP, data_folder=LINUX_DATA))
    assert "\nType=oneshot\n" in service
    assert "\nOnCalendar=*:0/5\n" in timer
    assert "\nUnit=wolkvox-desktop-plans.service\n" in timer
    assert "\nWantedBy=timers.target\n" in timer
    exec_start = re.search(r"^ExecStart=(.*)$", service, re.M)
    assert exec_start is not None
    assert "100%%" in exec_start.group(1) and "$$HOME" in exec_start.group(1)


def test_the_service_reads_back_as_the_same_command_with_its_variables() -> None:
    command = run_due_command(LINUX_APP, data_folder=LINUX_DATA,
                              environment={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1/bus"})
    service, _timer = linux.systemd_units(command)
    assert linux.command_of_service(service) == command


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_systemd_accepts_the_units(tmp_path: Path) -> None:
    program = tmp_path / "Wolkvox Ñandú 100%" / "wolkvox-desktop"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    service, timer = linux.systemd_units(run_due_command(str(program), data_folder=LINUX_DATA))
    (tmp_path / f"{linux.UNIT}.service").write_text(service, encoding="utf-8")
    (tmp_path / f"{linux.UNIT}.timer").write_text(timer, encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", f"{linux.UNIT}.timer",
                             f"{linux.UNIT}.service"], cwd=tmp_path, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.strip() == "", result.stderr


# ---------------------------------------------------------------- Linux: cron


def _as_cron_runs_it(line: str) -> str:
    """The shell command cron runs for ``line`` (crontab(5): an unescaped ``%`` ends the
    command, ``\\%`` is a ``%``)."""
    command = line.split(None, 5)[5]
    out, escaped = [], False
    for ch in command:
        if escaped:
            out.append(ch if ch == "%" else "\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "%":
            break
        else:
            out.append(ch)
    return "".join(out)


def test_the_crontab_line_runs_every_five_minutes_with_the_session_bus() -> None:
    command = run_due_command(LINUX_APP, data_folder=LINUX_DATA,
                              environment={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1/bus"})
    line = linux.crontab_line(command)
    assert line.startswith("*/5 * * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1/bus ")
    assert linux.CRON_MARKER in line and "\n" not in line
    assert "100%" not in line.replace("\\%", "")  # every % escaped for cron
    assert linux.command_of_line(line) == command


def test_sh_gets_exactly_the_arguments_from_the_crontab_line(tmp_path: Path) -> None:
    show = "import json, os, sys; print(json.dumps([sys.argv[1:], os.environ.get('X_BUS')]))"
    args = ("-c", show, "--run-due", "--data-folder", LINUX_DATA, "José Ñandú 100%")
    line = linux.crontab_line(ScheduledCommand(sys.executable, args, (("X_BUS", "a b%c"),)))
    out = subprocess.run(["/bin/sh", "-c", _as_cron_runs_it(line)], capture_output=True,
                         text=True, check=True, cwd=tmp_path).stdout
    assert json.loads(out) == [list(args[2:]), "a b%c"]


def test_our_line_replaces_an_earlier_one_and_goes_alone() -> None:
    theirs = "# m h dom mon dow command\n0 3 * * * /usr/bin/backup --all\n"
    old = linux.crontab_line(run_due_command("/old/place/wolkvox-desktop"))
    new = linux.crontab_line(run_due_command(LINUX_APP))
    commented = "#" + new
    text = linux.with_line(theirs + old + "\n" + commented + "\n", new)
    assert text == theirs + commented + "\n" + new + "\n"
    assert linux.without_our_lines(text) == theirs + commented + "\n"
    assert linux.without_our_lines(new + "\n") == ""
    assert linux.command_of_line("* * * *") is None


# ---------------------------------------------------------------- the tools' command lines
# schtasks and launchctl cannot run here: a stand-in records what they are asked and what
# file they are given (the real ones run in the Windows and macOS CI jobs).


class Tools:
    def __init__(self, *codes: int) -> None:
        self.calls: list[list[str]] = []
        self.files: dict[str, bytes] = {}
        self.codes = list(codes)

    def __call__(self, cmd: list[str], **_kw: object) -> Completed:
        self.calls.append(list(cmd))
        for word in cmd:
            if word.endswith((".xml", ".plist")) and Path(word).is_file():
                self.files[word] = Path(word).read_bytes()
        code = self.codes.pop(0) if self.codes else 0
        out = b'"pc\\ana","S-1-5-21-1-2-3-1001"' if cmd[0] == "whoami" else b""
        return Completed(code, out, b"")


def test_the_task_is_created_from_its_utf16_file_which_is_then_deleted() -> None:
    tools = Tools()
    entry = windows.TaskSchedulerEntry(windows.task_name("ana"), runner=tools)
    entry.install(run_due_command(WIN_APP), now=datetime(2026, 3, 10, 7, 38))
    create = tools.calls[-1]
    assert create[:3] == ["schtasks", "/Create", "/XML"]
    assert create[4:] == ["/TN", "Wolkvox Desktop plans (ana)", "/F"]
    data = tools.files[create[3]]
    assert data[:2] == b"\xff\xfe" and "<UserId>S-1-5-21-1-2-3-1001</UserId>" in data.decode(
        "utf-16")
    assert not Path(create[3]).exists()


def test_a_refused_task_is_a_sentence_naming_it() -> None:
    tools = Tools(0, 1)  # whoami answers, schtasks refuses
    entry = windows.TaskSchedulerEntry(windows.task_name("ana"), runner=tools)
    with pytest.raises(ScheduleError, match="Task Scheduler did not take the task"):
        entry.install(run_due_command(WIN_APP), now=datetime(2026, 3, 10, 7, 38))


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX user ids")
def test_the_agent_is_written_then_bootstrapped_into_the_gui_domain(tmp_path: Path) -> None:
    tools = Tools(0, 5, 0)  # bootout; bootstrap fails once (launchd busy); then succeeds
    entry = macos.LaunchAgentEntry(folder=tmp_path / "LaunchAgents", runner=tools)
    entry.install(run_due_command(MAC_APP), now=datetime(2026, 3, 10, 7, 38))
    domain = f"gui/{os.getuid()}"
    assert tools.calls == [["launchctl", "bootout", f"{domain}/com.wolkvox-desktop.plans"],
                           ["launchctl", "bootstrap", domain, str(entry.path)],
                           ["launchctl", "bootstrap", domain, str(entry.path)]]
    assert macos.command_of_plist(entry.path.read_bytes()) == run_due_command(MAC_APP)
    tools.calls.clear()
    assert entry.remove() is True and not entry.path.exists()
    assert tools.calls[-1] == ["launchctl", "bootout", f"{domain}/com.wolkvox-desktop.plans"]
