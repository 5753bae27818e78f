"""The macOS bundle's Info.plist, made by PyInstaller itself on Linux (issue 21, point 4).

A double-click on the .app must start the window: LaunchServices runs the executable the
Info.plist names, as a regular app (Dock icon, menu bar). PyInstaller's ``BUNDLE`` would
name the CLI (the first EXECUTABLE of COLLECT's sorted TOC: ``wolkvox`` sorts before
``wolkvox-desktop``) and make the app background-only (COLLECT takes ``console`` from the
last EXE, the console CLI); the spec's ``info_plist`` values are merged over those defaults
and must win.

Rather than a model of PyInstaller's defaults, these tests run the installed PyInstaller's
own ``COLLECT`` and ``BUNDLE`` (``building/api.py``, ``building/osx.py``) on Linux, on
stand-in executables named and ordered as the spec names them (``project.executables()``
on macOS), with the arguments the spec passes (``info_plist.bundle_arguments``). Only the
"am I on macOS" switch is flipped and codesign stubbed out; everything else, including the
merge of the defaults, is PyInstaller's. An upgrade that changed BUNDLE's logic fails here.
Then build.py's step: ``wolkvox`` becomes a link to the window's program image
(``one_image.link_cli``), so the bundle holds one image (issue 17).

PyInstaller is a build requirement: ``.ci/run`` runs this file again after the build has
installed it, with ``WOLKVOX_REQUIRE_PYINSTALLER=1`` (a skip there is a failure).
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
import one_image  # noqa: E402
import project  # noqa: E402

ICON = ROOT / "resources" / "icons" / "wolkvox-desktop.icns"

if os.environ.get("WOLKVOX_REQUIRE_PYINSTALLER", "").strip() not in ("", "0"):
    import PyInstaller  # noqa: F401  (required: an ImportError fails the run)
else:
    pytest.importorskip("PyInstaller", reason="a build requirement (python dev.py build)")


@pytest.fixture
def macos_project(monkeypatch: pytest.MonkeyPatch) -> None:
    """The project's own idea of the macOS build (one executable, the window; the CLI a
    link to it)."""
    monkeypatch.setattr(project, "system", lambda: "macos")


@pytest.fixture
def pyinstaller(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """PyInstaller's building API, configured as a spec run is, believing it is on macOS."""
    from PyInstaller.building import api, osx
    from PyInstaller.config import CONF

    for key, value in {"workpath": str(tmp_path / "work"), "distpath": str(tmp_path / "dist"),
                       "specpath": str(ROOT / "build_specs"),
                       "spec": str(ROOT / "build_specs" / "wolkvox-desktop.spec"),
                       "noconfirm": True, "upx_available": False}.items():
        monkeypatch.setitem(CONF, key, value)
    (tmp_path / "work").mkdir()
    monkeypatch.setattr(osx, "is_darwin", True)  # BUNDLE is a no-op elsewhere

    class NoCodesign:
        @staticmethod
        def sign_binary(*_args: object, **_kwargs: object) -> None:
            """codesign exists on macOS only; the bundle's layout and plist are the test."""

    monkeypatch.setattr(osx, "osxutils", NoCodesign, raising=False)
    return api, osx


def stand_in_exe(api: Any, folder: Path, name: str, console: bool) -> Any:
    """An ``EXE`` as PyInstaller would have built it for the spec (``exclude_binaries``,
    the onedir ``_internal`` folder), its file a stand-in: only its name and settings
    matter to COLLECT and BUNDLE."""
    exe = api.EXE.__new__(api.EXE)
    path = folder / name
    path.write_bytes(b"\xcf\xfa\xed\xfe stand-in for " + name.encode())
    path.chmod(0o755)
    exe.__dict__.update(
        name=str(path), console=console, contents_directory="_internal",
        exclude_binaries=True, append_pkg=True, pkgname=str(folder / f"{name}.pkg"),
        target_arch=None, codesign_identity=None, entitlements_file=None, strip=False,
        upx=False, upx_exclude=[], dependencies=[], toc=[],
    )
    return exe


def build_bundle(pyinstaller: Any, tmp_path: Path, *, merge_ours: bool = True,
                 executables: list[tuple[str, bool, str]] | None = None) -> Path:
    """COLLECT then BUNDLE, as the spec calls them on macOS, then build.py's link of the CLI
    to the window's image; returns the .app. ``executables``: other EXEs than the spec's."""
    api, osx = pyinstaller
    stand_ins = tmp_path / "exes"
    stand_ins.mkdir()
    executables = [stand_in_exe(api, stand_ins, name, console)
                   for name, console, _description in executables or project.executables()]
    data = tmp_path / "notices.txt"
    data.write_text("third-party notices\n", encoding="utf-8")
    coll = api.COLLECT(*executables, [], [("THIRD-PARTY-NOTICES.txt", str(data), "DATA")],
                       strip=False, upx=False, name=project.APP_ID)
    arguments = info_plist.bundle_arguments(project.version(), "13.0", str(ICON))
    if not merge_ours:
        arguments.pop("info_plist")  # PyInstaller's defaults alone: the bug this guards
    bundle = osx.BUNDLE(coll, **arguments)
    app = Path(bundle.name)
    if merge_ours:
        one_image.link_cli(app)
    return app


def read_plist(app: Path) -> dict[str, Any]:
    with (app / "Contents" / "Info.plist").open("rb") as fh:
        return dict(plistlib.load(fh))


def test_pyinstallers_bundle_starts_the_window_as_a_regular_app(
    macos_project: None, pyinstaller: Any, tmp_path: Path
) -> None:
    assert [n for n, _c, _d in project.executables()] == [project.APP_ID]
    app = build_bundle(pyinstaller, tmp_path)
    assert app.name == "Wolkvox Desktop.app"
    plist = read_plist(app)
    assert plist["CFBundleExecutable"] == "wolkvox-desktop"  # the window, not the CLI
    assert plist["LSBackgroundOnly"] is False
    assert plist["LSUIElement"] is False
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundlePackageType"] == "APPL"
    assert plist["CFBundleIdentifier"] == "com.wolkvox-desktop.app"
    assert plist["CFBundleIconFile"] == "wolkvox-desktop.icns"
    assert (app / "Contents" / "Resources" / "wolkvox-desktop.icns").is_file()
    version = info_plist.bundle_version(project.version())
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == version
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert plist["LSMinimumSystemVersion"] == "13.0"
    macos = app / "Contents" / "MacOS"
    for name in ("wolkvox-desktop", "wolkvox"):  # the CLI stays beside the window
        assert os.access(macos / name, os.X_OK)
    assert one_image.problems(app) == []  # one program image: wolkvox is a link to it
    assert os.readlink(macos / "wolkvox") == "wolkvox-desktop"
    notices = app / "Contents" / "Resources" / "THIRD-PARTY-NOTICES.txt"
    assert notices.is_file()
    # the app looks in sys._MEIPASS (Contents/Frameworks): PyInstaller links it there
    linked = app / "Contents" / "Frameworks" / "THIRD-PARTY-NOTICES.txt"
    assert linked.is_symlink() and linked.resolve() == notices.resolve()
    # build.py's check on macOS finds nothing wrong with what PyInstaller made
    expected = info_plist.info_plist(project.version(), "13.0")
    assert info_plist.bundle_problems(app, expected) == []


def test_without_our_values_pyinstaller_would_start_the_cli_in_the_background(
    macos_project: None, pyinstaller: Any, tmp_path: Path
) -> None:
    """The control: what the merge protects against is real in this PyInstaller, were the
    CLI ever built as a second, console executable again (as it is on Windows)."""
    both = [(project.APP_ID, False, project.APP_NAME), (project.CLI_NAME, True, "CLI")]
    app = build_bundle(pyinstaller, tmp_path, merge_ours=False, executables=both)
    plist = read_plist(app)
    assert plist["CFBundleExecutable"] == "wolkvox"
    assert plist["LSBackgroundOnly"] is True
    problems = info_plist.bundle_problems(app, info_plist.info_plist(project.version(), "13.0"))
    assert any("CFBundleExecutable is 'wolkvox'" in p for p in problems)
    assert any("LSBackgroundOnly is True" in p for p in problems)


def test_a_built_bundle_without_the_cli_or_an_executable_window_fails(
    macos_project: None, pyinstaller: Any, tmp_path: Path
) -> None:
    app = build_bundle(pyinstaller, tmp_path)
    expected = info_plist.info_plist(project.version(), "13.0")
    (app / "Contents" / "MacOS" / "wolkvox").unlink()
    assert info_plist.bundle_problems(app, expected) == [
        f"{app / 'Contents' / 'MacOS' / 'wolkvox'} is not an executable file"]
    window = app / "Contents" / "MacOS" / "wolkvox-desktop"
    window.chmod(0o644)  # no execute bit for anyone (root included)
    assert not os.access(window, os.X_OK)
    assert len(info_plist.bundle_problems(app, expected)) == 2


def test_the_spec_gives_bundle_these_arguments_and_the_executables_in_this_order() -> None:
    spec = (ROOT / "build_specs" / "wolkvox-desktop.spec").read_text(encoding="utf-8")
    bundle_call = spec[spec.index("BUNDLE("):]
    assert "**info_plist.bundle_arguments(VERSION, project.macos_minimum()" in bundle_call
    assert "executables = [executable(*spec) for spec in project.executables()]" in spec
    assert "COLLECT(  # noqa: F821\n    *executables," in spec


# ---------------------------------------------------------------- the values themselves
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


def test_a_missing_key_or_a_string_for_a_boolean_is_a_problem() -> None:
    values = info_plist.info_plist(project.version(), "13.0")
    built = dict(values)
    del built["LSMinimumSystemVersion"]
    built["LSBackgroundOnly"] = "NO"
    found = info_plist.plist_problems(built, values)
    assert len(found) == 2
    assert any("no LSMinimumSystemVersion" in p for p in found)
