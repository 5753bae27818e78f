"""The build's helpers that decide what a release looks like, checked on Linux.

signing.py (which signing, from the environment; the Inno Setup Sign Tool line; reading
notarytool's answer), build.py's release gate (preflight, a missing Inno Setup in CI),
its retry of a "Resource busy" command, and the per-executable Windows version strings.
The Windows and macOS tools themselves only run in CI (.github/workflows/build.yml).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_specs"))
import project  # noqa: E402
import signing  # noqa: E402

THUMBPRINT = "0123456789abcdef0123456789ABCDEF01234567"
SIGNTOOL = r"C:\Program Files (x86)\Windows Kits\10\bin\10.0.26100.0\x64\signtool.exe"
DLIB = r"C:\a\_temp\Trusted Signing\bin\x64\Azure.CodeSigning.Dlib.dll"
METADATA = r"C:\a\_temp\metadata.json"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wolkvox_build_py",
                                                  ROOT / "build_specs" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(spec.name, None)
        raise
    return module


@pytest.fixture(autouse=True)
def no_signing_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("WOLKVOX_WINDOWS_CERT_SHA1", "WOLKVOX_WINDOWS_CERT_MACHINE_STORE",
                 "WOLKVOX_WINDOWS_SIGN_DLIB", "WOLKVOX_WINDOWS_SIGN_METADATA",
                 "WOLKVOX_WINDOWS_TIMESTAMP_URL", "WOLKVOX_MACOS_SIGN_IDENTITY",
                 "WOLKVOX_NOTARY_KEY", "WOLKVOX_NOTARY_KEY_ID", "WOLKVOX_NOTARY_ISSUER",
                 "WOLKVOX_NOTARY_PROFILE", "WOLKVOX_REQUIRE_SIGNING",
                 "WOLKVOX_REQUIRE_INSTALLER"):
        monkeypatch.delenv(name, raising=False)


# ------------------------------------------------------------------ Windows signing
def test_no_windows_signing_configured() -> None:
    assert signing.windows_signing({}, "Wolkvox Desktop") is None


def test_a_certificate_in_the_store_by_thumbprint() -> None:
    config = signing.windows_signing({"WOLKVOX_WINDOWS_CERT_SHA1": THUMBPRINT}, "Wolkvox Desktop")
    assert config is not None and config.mode == "certificate store"
    cmd = config.command(SIGNTOOL, ["a.exe", "b.exe"])
    assert cmd[:2] == [SIGNTOOL, "sign"] and cmd[-2:] == ["a.exe", "b.exe"]
    assert cmd[cmd.index("/sha1") + 1] == THUMBPRINT
    assert cmd[cmd.index("/fd") + 1] == "sha256" and cmd[cmd.index("/td") + 1] == "sha256"
    assert cmd[cmd.index("/tr") + 1] == signing.DEFAULT_TIMESTAMP
    assert cmd[cmd.index("/d") + 1] == "Wolkvox Desktop"
    assert "/sm" not in cmd and "/f" not in cmd and "/p" not in cmd  # no .pfx, no password


def test_the_local_machine_store_and_another_timestamp_server() -> None:
    config = signing.windows_signing({"WOLKVOX_WINDOWS_CERT_SHA1": THUMBPRINT.lower(),
                                      "WOLKVOX_WINDOWS_CERT_MACHINE_STORE": "1",
                                      "WOLKVOX_WINDOWS_TIMESTAMP_URL": "http://ts.example"},
                                     "X")
    assert config is not None
    assert "/sm" in config.args and config.args[config.args.index("/tr") + 1] == "http://ts.example"


def test_a_cloud_signing_service_through_its_signtool_plugin() -> None:
    config = signing.windows_signing({"WOLKVOX_WINDOWS_SIGN_DLIB": DLIB,
                                      "WOLKVOX_WINDOWS_SIGN_METADATA": METADATA}, "X")
    assert config is not None and config.mode == "cloud service"
    args = list(config.args)
    assert args[args.index("/dlib") + 1] == DLIB
    assert args[args.index("/dmdf") + 1] == METADATA
    assert args[args.index("/tr") + 1] == signing.TRUSTED_SIGNING_TIMESTAMP
    assert "/sha1" not in args


@pytest.mark.parametrize(
    ("env", "words"),
    [({"WOLKVOX_WINDOWS_SIGN_DLIB": DLIB}, "needs both"),
     ({"WOLKVOX_WINDOWS_SIGN_METADATA": METADATA}, "needs both"),
     ({"WOLKVOX_WINDOWS_CERT_SHA1": THUMBPRINT, "WOLKVOX_WINDOWS_SIGN_DLIB": DLIB,
       "WOLKVOX_WINDOWS_SIGN_METADATA": METADATA}, "not both"),
     ({"WOLKVOX_WINDOWS_CERT_SHA1": "C:\\certs\\codesign.pfx"}, "thumbprint")],
)
def test_a_half_set_windows_configuration_is_refused(env: dict[str, str], words: str) -> None:
    with pytest.raises(signing.SigningError, match=words):
        signing.windows_signing(env, "X")


def inno_expand(signtool_define: str, file_name: str) -> list[str]:
    """What Inno Setup runs for a Sign Tool defined by ``/S<define>``: ``$q`` a quote,
    ``$f`` the quoted file name, ``$$`` a dollar; then the command line's words."""
    name, _, command = signtool_define.partition("=")
    assert name == signing.SIGNTOOL_NAME
    out, i = [], 0
    while i < len(command):
        pair = command[i:i + 2]
        if pair == "$q":
            out.append('"')
        elif pair == "$f":
            out.append(f'"{file_name}"')
        elif pair == "$$":
            out.append("$")
        else:
            out.append(command[i])
            i += 1
            continue
        i += 2
    words, word, quoted = [], "", False
    for ch in "".join(out):
        if ch == '"':
            quoted = not quoted
        elif ch == " " and not quoted:
            if word:
                words.append(word)
            word = ""
        else:
            word += ch
    assert not quoted
    return [*words, word] if word else words


@pytest.mark.parametrize("mode", ["store", "cloud"])
def test_the_inno_setup_sign_tool_runs_the_same_command(mode: str) -> None:
    env = ({"WOLKVOX_WINDOWS_CERT_SHA1": THUMBPRINT} if mode == "store" else
           {"WOLKVOX_WINDOWS_SIGN_DLIB": DLIB, "WOLKVOX_WINDOWS_SIGN_METADATA": METADATA})
    config = signing.windows_signing(env, "Wolkvox Desktop")
    assert config is not None
    define = config.inno_signtool(SIGNTOOL)
    assert define.endswith(" $f") and '"' not in define  # quotes only as $q on ISCC's line
    setup = r"C:\work\dist\wolkvox-desktop-0.1.0-windows-x64-setup.exe"
    assert inno_expand(define, setup) == config.command(SIGNTOOL, [setup])


def test_a_dollar_in_a_path_survives_inno_setup() -> None:
    config = signing.windows_signing({"WOLKVOX_WINDOWS_SIGN_DLIB": r"C:\a$b\dlib.dll",
                                      "WOLKVOX_WINDOWS_SIGN_METADATA": METADATA}, "X")
    assert config is not None
    assert r"C:\a$b\dlib.dll" in inno_expand(config.inno_signtool("signtool.exe"), "f.exe")


def test_the_installer_script_signs_through_the_sign_tool() -> None:
    iss = (ROOT / "build_specs" / "windows" / "installer.iss").read_text(encoding="utf-8")
    block = iss[iss.index("#ifdef SignTool"):iss.index("#endif", iss.index("#ifdef SignTool"))]
    assert "SignTool={#SignTool}" in block and "SignedUninstaller=yes" in block


# ------------------------------------------------------------------ macOS signing
def test_macos_unsigned_says_what_it_skipped() -> None:
    assert signing.macos_signing({}) is None
    (gap,) = signing.macos_gaps(None)
    assert "WOLKVOX_MACOS_SIGN_IDENTITY" in gap and "Open Anyway" in gap


def test_macos_signed_but_not_notarized_is_a_gap() -> None:
    identity = "Developer ID Application: X (T)"
    config = signing.macos_signing({"WOLKVOX_MACOS_SIGN_IDENTITY": identity})
    assert config is not None and config.notary_auth == ()
    (gap,) = signing.macos_gaps(config)
    assert gap.startswith("notarization skipped")


def test_macos_notary_key_or_profile() -> None:
    key = signing.macos_signing({"WOLKVOX_MACOS_SIGN_IDENTITY": "I",
                                 "WOLKVOX_NOTARY_KEY": "/tmp/k.p8",
                                 "WOLKVOX_NOTARY_KEY_ID": "KEYID",
                                 "WOLKVOX_NOTARY_ISSUER": "ISSUER"})
    assert key is not None and signing.macos_gaps(key) == []
    assert key.notary_auth == ("--key", "/tmp/k.p8", "--key-id", "KEYID", "--issuer", "ISSUER")
    profile = signing.macos_signing({"WOLKVOX_MACOS_SIGN_IDENTITY": "I",
                                     "WOLKVOX_NOTARY_PROFILE": "wolkvox"})
    assert profile is not None and profile.notary_auth == ("--keychain-profile", "wolkvox")
    with pytest.raises(signing.SigningError, match="needs all"):
        signing.macos_signing({"WOLKVOX_MACOS_SIGN_IDENTITY": "I", "WOLKVOX_NOTARY_KEY_ID": "K"})


def test_notary_credentials_are_masked_in_the_build_log() -> None:
    auth = ("--key", "/tmp/k.p8", "--key-id", "KEYID", "--issuer", "ISSUER-UUID")
    shown = signing.redact_args(["xcrun", "notarytool", "submit", "a.zip", *auth], auth)
    assert "KEYID" not in shown and "ISSUER-UUID" not in shown and "/tmp/k.p8" not in shown
    assert shown[:4] == ["xcrun", "notarytool", "submit", "a.zip"] and "--key-id" in shown


def test_notarytool_answers() -> None:
    ok = signing.notary_result(json.dumps({"id": "abc-1", "status": "Accepted",
                                           "message": "Processing complete"}))
    assert ok.accepted and ok.submission_id == "abc-1"
    # notarytool exits 0 on a rejection: the status is what counts
    bad = signing.notary_result('Conducting pre-submission checks...\n'
                                '{"id":"abc-2","status":"Invalid","message":"done"}\n')
    assert not bad.accepted and bad.status == "Invalid" and bad.submission_id == "abc-2"
    with pytest.raises(signing.SigningError):
        signing.notary_result("Error: HTTP status code: 401. Unable to authenticate.")


# ------------------------------------------------------------------ the release gate
def test_release_builds_fail_before_building_without_signing(build, monkeypatch) -> None:
    monkeypatch.setenv("WOLKVOX_REQUIRE_SIGNING", "1")
    for system, words in (("windows", "WOLKVOX_WINDOWS_CERT_SHA1"),
                          ("macos", "WOLKVOX_MACOS_SIGN_IDENTITY")):
        monkeypatch.setattr(build.project, "system", lambda s=system: s)
        with pytest.raises(SystemExit, match=words):
            build.preflight()
    monkeypatch.setattr(build.project, "system", lambda: "macos")
    monkeypatch.setenv("WOLKVOX_MACOS_SIGN_IDENTITY", "Developer ID Application: X (T)")
    with pytest.raises(SystemExit, match="notarization skipped"):
        build.preflight()
    monkeypatch.setattr(build.project, "system", lambda: "linux")  # nothing to sign there
    build.preflight()


def test_other_builds_go_on_and_a_broken_configuration_always_fails(build, monkeypatch) -> None:
    monkeypatch.setattr(build.project, "system", lambda: "windows")
    build.preflight()  # unsigned, said later by package_windows
    monkeypatch.setenv("WOLKVOX_WINDOWS_SIGN_DLIB", DLIB)
    with pytest.raises(SystemExit, match="needs both"):
        build.preflight()


def test_a_missing_inno_setup_fails_when_an_installer_is_required(
    build, monkeypatch, tmp_path: Path, capsys
) -> None:
    monkeypatch.setattr(build.project, "onedir", lambda: tmp_path)
    monkeypatch.setattr(build, "find_iscc", lambda: None)
    # PowerShell's Get-AuthenticodeSignature (Windows only): one unsigned DLL
    monkeypatch.setattr(build.windows_tools, "pe_states",
                        lambda folder: {"_internal/python311.dll": {"status": "NotSigned",
                                                                    "signer": ""}})
    assert build.package_windows() is None  # a developer's machine: a note, the folder
    out = capsys.readouterr().out
    assert "Inno Setup not found" in out and "1 NotSigned" in out
    assert "/DAppVersionNumeric=" in out and "/DAppMutex=" in out
    monkeypatch.setenv("WOLKVOX_REQUIRE_INSTALLER", "1")
    with pytest.raises(SystemExit, match="WOLKVOX_REQUIRE_INSTALLER"):
        build.package_windows()


def test_an_inno_setup_older_than_6_3_fails_before_anything_is_signed(
    build, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(build.project, "onedir", lambda: tmp_path)
    monkeypatch.setattr(build, "find_iscc", lambda: (r"C:\Inno Setup 6\ISCC.exe", "6.2.2"))

    def never(folder: Path) -> dict[str, dict[str, str]]:
        raise AssertionError("nothing is signed with a compiler that cannot be used")

    monkeypatch.setattr(build.windows_tools, "pe_states", never)
    with pytest.raises(SystemExit, match=r"6\.2\.2 is too old.*6\.3\.0"):
        build.package_windows()


# ------------------------------------------------------------------ hdiutil's retry
def flaky(tmp_path: Path, busy_times: int, error: str = "Resource busy") -> list[str]:
    """A command failing like ``hdiutil create`` the first ``busy_times`` runs."""
    counter = tmp_path / "runs"
    script = (
        "import pathlib, sys\n"
        f"p = pathlib.Path({str(counter)!r})\n"
        "n = int(p.read_text()) + 1 if p.exists() else 1\n"
        "p.write_text(str(n))\n"
        f"if n <= {busy_times}:\n"
        f"    sys.stderr.write('hdiutil: create failed - {error}\\n'); sys.exit(1)\n"
        "print('created: out.dmg')\n"
    )
    return [sys.executable, "-c", script]


def runs(tmp_path: Path) -> int:
    return int((tmp_path / "runs").read_text())


def test_resource_busy_is_retried_until_it_works(build, tmp_path: Path) -> None:
    build.run_retrying(flaky(tmp_path, 2), retry_on="Resource busy", attempts=5, delay_s=0.01)
    assert runs(tmp_path) == 3


def test_resource_busy_every_time_fails_after_the_last_attempt(build, tmp_path: Path) -> None:
    with pytest.raises(subprocess.CalledProcessError):
        build.run_retrying(flaky(tmp_path, 9), retry_on="Resource busy", attempts=3,
                           delay_s=0.01)
    assert runs(tmp_path) == 3


def test_another_failure_is_not_retried(build, tmp_path: Path) -> None:
    with pytest.raises(subprocess.CalledProcessError):
        build.run_retrying(flaky(tmp_path, 1, error="No space left on device"),
                           retry_on="Resource busy", attempts=5, delay_s=0.01)
    assert runs(tmp_path) == 1


# ------------------------------------------------------------------ version resources
def test_each_executable_names_itself_in_its_version_resource() -> None:
    cli = project.version_strings("wolkvox.exe", "Wolkvox Desktop command line")
    app = project.version_strings("wolkvox-desktop.exe", "Wolkvox Desktop")
    assert cli["OriginalFilename"] == "wolkvox.exe" and cli["InternalName"] == "wolkvox"
    assert app["OriginalFilename"] == "wolkvox-desktop.exe"
    assert cli["FileDescription"] != app["FileDescription"]
    assert cli["ProductVersion"] == app["FileVersion"] == project.version()
    spec = (ROOT / "build_specs" / "wolkvox-desktop.spec").read_text(encoding="utf-8")
    assert 'version=version_resource(f"{name}.exe", description)' in spec


# ------------------------------------------------------------------ smoke.py through `open`
FAKE_OPEN = r'''#!{python}
"""Stands in for macOS's `open -W -n --env K=V --stdout F --stderr F APP --args ...`:
starts the executable APP's Info.plist names, as LaunchServices does."""
import os, plistlib, subprocess, sys
args = sys.argv[1:]
env, out, err = dict(os.environ), None, None
while args[0].startswith("-"):
    flag = args.pop(0)
    if flag == "--env":
        k, _, v = args.pop(0).partition("="); env[k] = v
    elif flag == "--stdout":
        out = args.pop(0)
    elif flag == "--stderr":
        err = args.pop(0)
app = args.pop(0)
assert args.pop(0) == "--args"
with open(os.path.join(app, "Contents", "Info.plist"), "rb") as fh:
    exe = plistlib.load(fh)["CFBundleExecutable"]
with open(out, "w") as o, open(err, "w") as e:
    subprocess.run([os.path.join(app, "Contents", "MacOS", exe), *args], env=env,
                   stdout=o, stderr=e)
'''

KEYRING = {"linux": "SecretService Keyring", "windows": "WinVaultKeyring",
           "macos": "macOS Keyring"}[project.system()]
REPORT = {"ok": True, "window_shown_ms": 300, "start_ms": 12, "exposed": True,
          "outcome": "ok", "keyring_backend": KEYRING, "keyring_usable": True}


def fake_bundle(tmp_path: Path, executable: str, program: str) -> Path:
    import plistlib

    app = tmp_path / "Wolkvox Desktop.app"
    macos = app / "Contents" / "MacOS"
    macos.mkdir(parents=True)
    with (app / "Contents" / "Info.plist").open("wb") as fh:
        plistlib.dump({"CFBundleExecutable": executable}, fh)
    for name in ("wolkvox-desktop", "wolkvox"):
        exe = macos / name
        body = program if name == "wolkvox-desktop" else (
            "import sys; sys.stderr.write('usage: wolkvox COMMAND\\n'); sys.exit(2)")
        exe.write_text(f"#!{sys.executable}\n{body}\n", encoding="utf-8")
        exe.chmod(0o755)
    return app


@pytest.fixture
def fake_open(tmp_path: Path, monkeypatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    tool = bin_dir / "open"
    tool.write_text(FAKE_OPEN.replace("{python}", sys.executable), encoding="utf-8")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")


@pytest.fixture
def smoke() -> ModuleType:
    import smoke as module

    return module


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX stand-in for open")
def test_launch_services_result_from_the_apps_stdout(fake_open, smoke, tmp_path) -> None:
    app = fake_bundle(tmp_path, "wolkvox-desktop", f"print({json.dumps(json.dumps(REPORT))})")
    report, where = smoke.run_via_launchservices(app, tmp_path / "home")
    assert report == REPORT and "stdout" in where
    assert smoke.smoke_problems(report, where) == []


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX stand-in for open")
def test_launch_services_result_from_the_log_when_stdout_is_lost(fake_open, smoke,
                                                                 tmp_path) -> None:
    line = json.dumps(REPORT)
    program = (
        "import os, pathlib\n"
        "logs = pathlib.Path(os.environ['WOLKVOX_DESKTOP_HOME'], 'logs')\n"
        "logs.mkdir(parents=True)\n"
        "(logs / 'wolkvox-desktop.log').write_text("
        f"'2026-11-29 10:00:00 INFO MainThread wolkvox_desktop.gui.app: smoke test: ' + {line!r}"
        " + chr(10))\n"
    )
    app = fake_bundle(tmp_path, "wolkvox-desktop", program)
    report, where = smoke.run_via_launchservices(app, tmp_path / "home")
    assert report == REPORT and "log" in where


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX stand-in for open")
def test_launch_services_starting_the_cli_is_a_failure(fake_open, smoke, tmp_path) -> None:
    app = fake_bundle(tmp_path, "wolkvox", f"print({json.dumps(json.dumps(REPORT))})")
    report, where = smoke.run_via_launchservices(app, tmp_path / "home")
    assert report is None and "usage: wolkvox" in where
    assert smoke.smoke_problems(report, where) != []


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX stand-in for open")
def test_launch_services_an_app_that_never_quits_is_a_finding_not_a_traceback(
    fake_open, smoke, tmp_path, monkeypatch
) -> None:
    line = json.dumps(REPORT)
    program = (  # says its result, then hangs (a dialog nobody answers)
        "import os, pathlib, time\n"
        "logs = pathlib.Path(os.environ['WOLKVOX_DESKTOP_HOME'], 'logs')\n"
        "logs.mkdir(parents=True)\n"
        f"(logs / 'smoke-test.json').write_text({line!r} + chr(10))\n"
        "time.sleep(8)\n"
    )
    app = fake_bundle(tmp_path, "wolkvox-desktop", program)
    monkeypatch.setattr(smoke, "TIMEOUT_S", 2)
    report, where = smoke.run_via_launchservices(app, tmp_path / "home")
    assert report == REPORT and "smoke-test.json" in where  # what it wrote still counts
    hung = fake_bundle(tmp_path / "hung", "wolkvox-desktop", "import time; time.sleep(8)")
    report, where = smoke.run_via_launchservices(hung, tmp_path / "home2")
    assert report is None and "did not return within 2 s" in where
    assert smoke.smoke_problems(report, where) != []
