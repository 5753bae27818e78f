"""The macOS bundle's Info.plist values (build_specs/info_plist.py), checked on Linux.

A double-click on the .app must start the window: LaunchServices runs the executable the
Info.plist names. PyInstaller's BUNDLE would name the CLI (the first EXECUTABLE of the
sorted TOC) and make the app background-only (console inherited from the CLI's EXE); the
spec's info_plist values are merged over those defaults and must win. build.py runs
``bundle_problems`` on the real bundle on macOS; here the same checks run on files made
like PyInstaller makes them.
"""

from __future__ import annotations

import os
import plistlib
import re
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_specs"))
import info_plist  # noqa: E402
import project  # noqa: E402


def pyinstaller_defaults_for_our_spec() -> dict[str, Any]:
    """What PyInstaller 6.22's BUNDLE writes for our spec before merging ``info_plist``
    (building/osx.py: the first EXECUTABLE of COLLECT's sorted TOC, and
    ``LSBackgroundOnly`` because COLLECT took ``console=True`` from the CLI's EXE)."""
    executables = sorted([project.APP_ID, project.CLI_NAME])
    return {
        "CFBundleDisplayName": project.APP_NAME,
        "CFBundleName": project.APP_NAME,
        "CFBundleIdentifier": project.BUNDLE_ID,
        "CFBundleExecutable": executables[0],
        "CFBundleIconFile": "wolkvox-desktop.icns",
        "CFBundleInfoDictionaryVersion": "6.0",
        "CFBundlePackageType": "APPL",
        "CFBundleShortVersionString": project.version(),
        "LSBackgroundOnly": True,
    }


@pytest.fixture
def values() -> dict[str, Any]:
    return info_plist.info_plist(project.version(), "13.0")


def test_the_window_is_the_executable_and_the_app_is_not_background_only(values) -> None:
    assert values["CFBundleExecutable"] == "wolkvox-desktop" == project.APP_ID
    assert values["CFBundleExecutable"] != project.CLI_NAME
    assert values["LSBackgroundOnly"] is False
    assert values["LSUIElement"] is False
    assert values["CFBundlePackageType"] == "APPL"
    assert values["NSHighResolutionCapable"] is True


def test_identifier_version_and_minimum_system(values) -> None:
    assert values["CFBundleIdentifier"] == "com.wolkvox-desktop.app" == project.BUNDLE_ID
    assert re.fullmatch(r"\d+\.\d+\.\d+", values["CFBundleVersion"])
    assert values["CFBundleVersion"] == values["CFBundleShortVersionString"]
    assert values["CFBundleVersion"] == info_plist.bundle_version(project.version())
    assert values["LSMinimumSystemVersion"] == "13.0"


def test_the_minimum_system_the_build_would_use_is_accepted() -> None:
    minimum = project.macos_minimum()  # from the installed Qt wheels, or the fallback
    assert info_plist.info_plist("1.0.0", minimum)["LSMinimumSystemVersion"] == minimum


@pytest.mark.parametrize("bad", ["13", "thirteen", "", "13.0.0.0"])
def test_a_malformed_minimum_system_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        info_plist.info_plist("1.0.0", bad)


@pytest.mark.parametrize(
    ("version", "expected"),
    [("0.1.0", "0.1.0"), ("1.2", "1.2.0"), ("3", "3.0.0"), ("1.2.0rc1", "1.2.0"),
     ("2.0.0+local.7", "2.0.0"), ("1.2.3.4", "1.2.3"), ("v1.02.0", "1.2.0")],
)
def test_bundle_version_is_at_most_three_integers(version: str, expected: str) -> None:
    assert info_plist.bundle_version(version) == expected


def test_a_version_without_a_number_is_refused() -> None:
    with pytest.raises(ValueError):
        info_plist.bundle_version("dev")


def test_our_values_win_over_pyinstallers_defaults(values) -> None:
    defaults = pyinstaller_defaults_for_our_spec()
    # the defaults alone are the bug: the CLI, background-only
    assert defaults["CFBundleExecutable"] == project.CLI_NAME
    found = info_plist.plist_problems(defaults, values)
    assert any("CFBundleExecutable is 'wolkvox'" in p for p in found)
    assert any("LSBackgroundOnly is True" in p for p in found)

    merged = dict(defaults)
    merged.update(values)  # what BUNDLE does with info_plist=
    assert info_plist.plist_problems(merged, values) == []


def test_a_missing_key_or_a_string_for_a_boolean_is_a_problem(values) -> None:
    merged = {**pyinstaller_defaults_for_our_spec(), **values}
    del merged["LSMinimumSystemVersion"]
    merged["LSBackgroundOnly"] = "NO"
    found = info_plist.plist_problems(merged, values)
    assert len(found) == 2
    assert any("no LSMinimumSystemVersion" in p for p in found)


def make_bundle(tmp_path: Path, plist: dict[str, Any], executables: list[str]) -> Path:
    app = tmp_path / f"{project.APP_NAME}.app"
    macos = app / "Contents" / "MacOS"
    macos.mkdir(parents=True)
    with (app / "Contents" / "Info.plist").open("wb") as fh:
        plistlib.dump(plist, fh)  # as BUNDLE writes it
    for name in executables:
        exe = macos / name
        exe.write_bytes(b"\xcf\xfa\xed\xfe")
        exe.chmod(0o755)
    return app


def test_a_built_bundle_is_read_from_its_info_plist(tmp_path: Path, values) -> None:
    merged = {**pyinstaller_defaults_for_our_spec(), **values}
    app = make_bundle(tmp_path, merged, [project.APP_ID, project.CLI_NAME])
    assert info_plist.bundle_problems(app, values) == []


def test_a_bundle_built_with_pyinstallers_defaults_fails(tmp_path: Path, values) -> None:
    app = make_bundle(tmp_path, pyinstaller_defaults_for_our_spec(),
                      [project.APP_ID, project.CLI_NAME])
    found = info_plist.bundle_problems(app, values)
    assert any("CFBundleExecutable" in p for p in found)
    assert any("LSBackgroundOnly" in p for p in found)


def test_a_bundle_without_the_cli_or_with_a_non_executable_window_fails(
    tmp_path: Path, values
) -> None:
    merged = {**pyinstaller_defaults_for_our_spec(), **values}
    app = make_bundle(tmp_path, merged, [project.APP_ID])
    assert info_plist.bundle_problems(app, values) == [
        f"{app / 'Contents' / 'MacOS' / project.CLI_NAME} is not an executable file"]
    window = app / "Contents" / "MacOS" / project.APP_ID
    window.chmod(0o644)  # no execute bit for anyone (root included)
    assert not os.access(window, os.X_OK)
    assert len(info_plist.bundle_problems(app, values)) == 2


def test_the_spec_passes_these_values_to_bundle() -> None:
    spec = (ROOT / "build_specs" / "wolkvox-desktop.spec").read_text(encoding="utf-8")
    bundle_call = spec[spec.index("BUNDLE("):]
    assert "info_plist=info_plist.info_plist(VERSION, project.macos_minimum())" in bundle_call
