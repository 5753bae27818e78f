"""The built (PyInstaller) app, as a supervisor gets it: it starts, works, and fits.

Skipped unless ``WOLKVOX_FROZEN_APP`` is the path of the built executable, so the normal
suite stays fast. ``.ci/run`` builds the Linux app and runs these::

    python3 dev.py build
    WOLKVOX_FROZEN_APP=dist/wolkvox-desktop/wolkvox-desktop \\
        .venv/bin/python -m pytest tests/frozen -m frozen

The keyring is the private Secret Service of ``tests/support/keyring_bus.py`` (its address
is inherited by the frozen process). The judging rules are ``build_specs/smoke.py``'s, the
same that CI applies on Windows and macOS.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_specs"))
import project  # noqa: E402
import smoke  # noqa: E402

FROZEN_ENV = "WOLKVOX_FROZEN_APP"

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(not os.environ.get(FROZEN_ENV),
                       reason=f"set {FROZEN_ENV} to the built executable (python3 dev.py build)"),
]


@pytest.fixture(scope="module")
def frozen_app() -> Path:
    exe = Path(os.environ[FROZEN_ENV]).resolve()
    assert exe.is_file() and os.access(exe, os.X_OK), f"{FROZEN_ENV}={exe} is not an executable"
    return exe


@pytest.fixture(scope="module")
def dist(frozen_app: Path) -> Path:
    """``dist/`` holding the app folder and the archive."""
    if project.system() == "macos":
        return frozen_app.parents[3]  # dist/Wolkvox Desktop.app/Contents/MacOS/<exe>
    return frozen_app.parents[1]  # dist/wolkvox-desktop/<exe>


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, **extra)
    for name in ("WOLKVOX_TOKEN", "WOLKVOX_API_BASE"):
        env.pop(name, None)
    return env


def _smoke(exe: Path, home: Path, env: dict[str, str]) -> dict[str, Any]:
    report, output = smoke.run_app(exe, ["--smoke-test"], home, "smoke-test.json", env=env)
    assert smoke.smoke_problems(report, output) == []
    assert report is not None
    return report


def test_smoke_test_offscreen(frozen_app: Path, app_home: Path, secret_service: Any) -> None:
    report = _smoke(frozen_app, app_home, _env(QT_QPA_PLATFORM="offscreen"))
    assert report["ok"] is True
    assert report["exposed"] is True and report["window_shown_ms"] > 0
    assert report["outcome"] == "ok" and report["start_ms"] >= 0
    assert "SecretService" in report["keyring_backend"]
    assert report["keyring_usable"] is True


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (Xvfb)")
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's")
def test_smoke_test_on_an_x11_screen(frozen_app: Path, app_home: Path,
                                     secret_service: Any) -> None:
    """The xcb platform plugin with the user's own libX11/fontconfig (not bundled)."""
    env = _env()
    env.pop("QT_QPA_PLATFORM", None)
    report, output = smoke.run_app(Path(shutil.which("xvfb-run") or "xvfb-run"),
                                   ["-a", str(frozen_app), "--smoke-test"], app_home,
                                   "smoke-test.json", env=env)
    assert smoke.smoke_problems(report, output) == []
    assert "qt.qpa" not in output, output  # no platform-plugin warnings


def test_smoke_test_from_a_non_ascii_folder(frozen_app: Path, tmp_path: Path,
                                            secret_service: Any) -> None:
    """A copy of the whole app in ``José Ñandú/``, its data folder ``José Ñandú/José Ñandú``:
    it starts, works, and writes its log and crash file there (smoke.py's rule, as CI
    applies it on Windows and macOS)."""
    report, problems = smoke.unicode_path_problems(frozen_app, tmp_path)
    assert problems == []
    assert report is not None and report["ok"] is True
    home = tmp_path / smoke.UNICODE_NAME / smoke.UNICODE_NAME
    assert (home / "logs" / "wolkvox-desktop.log").stat().st_size > 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_native_crash_leaves_a_trace_in_the_log_folder(frozen_app: Path, app_home: Path) -> None:
    """The windowed app dies of SIGSEGV (as in a crash inside Qt): the Python stacks are
    in ``<data>/logs/crash.log``, after the line of that run."""
    crash_file = app_home / "logs" / "crash.log"
    proc = subprocess.Popen([str(frozen_app), "--demo"], env=_env(QT_QPA_PLATFORM="offscreen"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        log = app_home / "logs" / "wolkvox-desktop.log"
        while time.monotonic() < deadline and proc.poll() is None:
            if log.is_file() and "window shown" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.1)
        assert proc.poll() is None, "the app ended before the window was shown"
        assert crash_file.is_file()
        time.sleep(1.5)  # let the first refresh's imports settle: a calmer stack to read
        proc.send_signal(signal.SIGSEGV)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGSEGV
    text = crash_file.read_text(encoding="utf-8")
    last_run = text[text.rindex("--- "):]
    assert f"{project.APP_ID} pid {proc.pid} started" in last_run
    assert "Fatal Python error: Segmentation fault" in last_run
    # faulthandler's best effort: the stacks of the threads it could read at that moment
    assert "(most recent call first)" in last_run and '  File "' in last_run
    assert "demo-token" not in text
    assert b"Segmentation fault" not in stderr  # in the file, where a supervisor can find it


def test_bundle_check(frozen_app: Path, app_home: Path, secret_service: Any) -> None:
    report, output = smoke.run_app(frozen_app, ["--bundle-check"], app_home,
                                   "bundle-check.json", env=_env(QT_QPA_PLATFORM="offscreen"))
    assert smoke.bundle_problems(report, output) == []
    assert report is not None and report["frozen"] is True
    assert report["modules"]["failed"] == {}
    assert report["keyring"]["roundtrip"] is True
    untrusted = report["tls"]["untrusted_server"]
    assert untrusted["outcome"] == "undelivered" and untrusted["received"] == 0
    assert report["qt"]["qtbase_es"] is True
    assert set(report["resources"]["translations"]) >= {"wolkvox_desktop_es.qm"}
    assert report["notices"]["ok"] is True and report["notices"]["components"] > 20


def test_size_budget(frozen_app: Path, dist: Path) -> None:
    sizes, problems = smoke.size_problems(dist)
    assert problems == []
    assert (sizes["app_bytes"] or 0) > 20 * project.MB  # a real app, not an empty folder


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux archive")
def test_archive_holds_the_app_and_its_menu_entry(dist: Path, tmp_path: Path) -> None:
    archive = dist / project.archive().name
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        top = project.APP_ID
        assert {f"{top}/{top}", f"{top}/{top}.desktop", f"{top}/{top}.png",
                f"{top}/install-desktop-entry.sh", f"{top}/{project.CLI_NAME}"} <= names
        if hasattr(tarfile, "tar_filter"):  # Python >= 3.10.12 / 3.11.4
            tar.extractall(tmp_path, filter="tar")
        else:  # pragma: no cover - older patch releases
            tar.extractall(tmp_path)  # noqa: S202 - our own archive
    entry = (tmp_path / top / f"{top}.desktop").read_text(encoding="utf-8")
    assert "Name=Wolkvox Desktop" in entry and f"Icon={top}" in entry

    data = tmp_path / "xdg-data"
    script = tmp_path / top / "install-desktop-entry.sh"
    env = dict(os.environ, XDG_DATA_HOME=str(data))
    subprocess.run([str(script)], check=True, env=env, capture_output=True)
    installed = (data / "applications" / f"{top}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{tmp_path / top / top}"' in installed
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / f"{top}.png").is_file()
    subprocess.run([str(script), "--remove"], check=True, env=env, capture_output=True)
    assert not (data / "applications" / f"{top}.desktop").exists()


def _cli(frozen_app: Path) -> Path:
    suffix = ".exe" if project.system() == "windows" else ""
    return frozen_app.with_name(project.CLI_NAME + suffix)


def test_cli_lists_campaigns(frozen_app: Path, simulator: Any, app_home: Path) -> None:
    """The bundled ``wolkvox`` command over HTTP (requests/urllib3 frozen) to the simulator;
    the token comes from the environment, never from the command line."""
    proc = subprocess.run(
        [str(_cli(frozen_app)), "campaigns", "--server", "0032", "--json"],
        env=dict(_env(), WOLKVOX_API_BASE=simulator.base_url, WOLKVOX_TOKEN="demo-token"),
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    answer = json.loads(proc.stdout.strip().splitlines()[-1])
    assert answer["ok"] is True
    assert {c["id"] for c in answer["campaigns"]} == {c.campaign_id for c in simulator.campaigns()}


def test_cli_saves_and_removes_the_token(frozen_app: Path, app_home: Path,
                                         secret_service: Any) -> None:
    """What the README tells a supervisor: the token in the Secret Service, and removed."""
    cli = str(_cli(frozen_app))
    env = _env()

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([cli, "token", *args, "--server", "0032"], input=stdin,
                              env=env, capture_output=True, text=True, timeout=60)

    saved = run("set", stdin="frozen-test-token\n")
    assert saved.returncode == 0, saved.stdout + saved.stderr
    assert "SecretService" in saved.stdout
    assert "frozen-test-token" not in saved.stdout + saved.stderr
    assert run("status").returncode == 0
    assert run("clear").returncode == 0
    after = run("status")
    assert after.returncode != 0 and "no token" in after.stdout


# ---------------------------------------------------------------- notices, SBOM, updates
def _data_root(frozen_app: Path) -> Path:
    if project.system() == "macos":
        return frozen_app.parents[1] / "Resources"
    return frozen_app.parent / "_internal"


def test_the_app_carries_its_notices_and_sbom(frozen_app: Path) -> None:
    """Every bundled package, library and Python itself has its licence in
    THIRD-PARTY-NOTICES.txt (beside the executable on Linux and Windows) and its entry in
    the CycloneDX SBOM; Qt's LGPL text is there (build_specs/notices.py's own check)."""
    import notices

    data = _data_root(frozen_app)
    assert notices.bundle_problems(data) == []
    where = frozen_app.parent if project.system() != "macos" else data
    text = (where / notices.NOTICES_NAME).read_text(encoding="utf-8")
    bom = json.loads((data / notices.SBOM_NAME).read_text(encoding="utf-8"))
    names = {c["name"] for c in bom["components"]}
    assert {"Python", "Qt", "PySide6_Essentials", "shiboken6", "requests", "certifi",
            "keyring", "pyinstaller"} <= names
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "download.qt.io" in text
    if project.system() == "linux":
        assert any(c["name"] == "libssl3" or c["name"] == "OpenSSL" for c in bom["components"])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux archive")
def test_the_archive_holds_the_notices(dist: Path) -> None:
    with tarfile.open(dist / project.archive().name) as tar:
        names = set(tar.getnames())
    top = project.APP_ID
    assert {f"{top}/THIRD-PARTY-NOTICES.txt", f"{top}/_internal/wolkvox-desktop.cdx.json"} <= names


def test_the_frozen_cli_checks_for_a_newer_version_only_when_it_set_a_feed(
    frozen_app: Path, app_home: Path, tmp_path: Path
) -> None:
    """``wolkvox --version --check``: off without a feed; a feed the OS does not trust is
    refused before anything is sent (the frozen transport, OS trust store only)."""
    from tests.support.throwaway_tls import FeedServer, make_kit

    cli = str(_cli(frozen_app))
    env = _env(WOLKVOX_TOKEN="kv-frozen-never-sent")
    env.pop("WOLKVOX_UPDATE_FEED", None)
    off = subprocess.run([cli, "--version", "--check"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert off.returncode == 1 and "is off" in off.stderr
    assert off.stdout.startswith(f"wolkvox {project.version()}")
    feed = FeedServer(make_kit(tmp_path))
    try:
        env["WOLKVOX_UPDATE_FEED"] = feed.json("/latest", {"tag_name": "v99.0.0"})
        refused = subprocess.run([cli, "--version", "--check"], env=env, capture_output=True,
                                 text=True, timeout=60)
    finally:
        feed.close()
    assert refused.returncode == 4 and "certificate is not trusted" in refused.stderr
    assert feed.seen == []


def test_the_windowless_switch_runs_run_due_with_no_output(frozen_app: Path,
                                                           app_home: Path) -> None:
    """What the OS schedule runs (Task Scheduler, the LaunchAgent, cron): the window's own
    executable with ``--run-due``, which prints nothing (a windowed program has no console
    on Windows; cron would mail it) and leaves its heartbeat in the data folder."""
    from wolkvox_desktop.core.os_schedule.heartbeat import read_heartbeat

    proc = subprocess.run([str(frozen_app), "--run-due"], env=_env(), capture_output=True,
                          text=True, timeout=60)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    beat = read_heartbeat(app_home)
    assert beat is not None and (beat.exit_code, beat.said) == (0, "No plan is due.")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the crontab fallback")
def test_the_bundled_cli_schedules_the_windows_executable(
        frozen_app: Path, app_home: Path, cron_is_the_choice: Any, tmp_path: Path) -> None:
    """``wolkvox plan schedule on`` from the app folder (``wolkvox`` is a link): the entry
    runs the window's executable itself, and cron's run of it is seen by ``status``."""
    from tests.support.os_schedule import as_cron_runs, crontab_text
    from wolkvox_desktop.core.os_schedule import linux

    cli = str(_cli(frozen_app))
    on = subprocess.run([cli, "plan", "schedule", "on"], env=_env(), capture_output=True,
                        text=True, timeout=60)
    assert on.returncode == 0, on.stdout + on.stderr
    (line,) = [x for x in (crontab_text() or b"").decode().splitlines() if linux.is_our_line(x)]
    command = linux.command_of_line(line)
    assert command is not None
    assert command.argv == (str(frozen_app), "--run-due", "--data-folder", str(app_home))
    ran = as_cron_runs(line, home=tmp_path)
    assert (ran.returncode, ran.stdout, ran.stderr) == (0, "", "")
    status = subprocess.run([cli, "plan", "schedule", "status", "--json"], env=_env(),
                            capture_output=True, text=True, timeout=60)
    state = json.loads(status.stdout)
    assert status.returncode == 0 and state["problems"] == [] and state["runs_this_copy"]
    assert state["last_check"]["exit_code"] == 0
    off = subprocess.run([cli, "plan", "schedule", "off"], env=_env(), capture_output=True,
                         text=True, timeout=60)
    assert off.returncode == 0 and not [x for x in (crontab_text() or b"").decode()
                                        .splitlines() if linux.is_our_line(x)]
