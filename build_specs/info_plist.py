"""The macOS bundle's ``Info.plist``: the values we set, and the check of a built bundle.

Why every key that decides how the bundle starts is set here explicitly: PyInstaller's
``BUNDLE`` (``building/osx.py``) writes ``CFBundleExecutable`` from the *first* EXECUTABLE
entry of the COLLECT's alphabetically sorted TOC (``wolkvox`` sorts before
``wolkvox-desktop``), and writes ``LSBackgroundOnly = True`` when the COLLECT's ``console``
is set, which it inherits from the *last* EXE passed (the console CLI). Left to those
defaults a double-click starts the command-line tool, which exits without a subcommand,
and nothing appears. ``BUNDLE(info_plist=...)`` is merged over the defaults
(``info_plist_dict.update(self.info_plist)``), so the values below win.

Standard library only: imported by the spec, by ``build.py`` (which checks the built
``Contents/Info.plist`` on macOS and fails the build on any difference) and by
``tests/unit/test_info_plist.py`` on Linux, which runs PyInstaller's own ``COLLECT`` and
``BUNDLE`` with these values on stand-in executables.
"""

from __future__ import annotations

import os
import plistlib
import re
from pathlib import Path
from typing import Any

import project

# The keys that decide which program LaunchServices starts and whether it gets a Dock icon
# and a menu bar; build.py compares each of them with the built bundle.
CHECKED_KEYS = (
    "CFBundleExecutable",
    "LSBackgroundOnly",
    "LSUIElement",
    "NSHighResolutionCapable",
    "CFBundleIconFile",
    "CFBundleIdentifier",
    "CFBundleShortVersionString",
    "CFBundleVersion",
    "LSMinimumSystemVersion",
    "CFBundlePackageType",
)
ICON_FILE = f"{project.APP_ID}.icns"


def bundle_version(version: str) -> str:
    """``CFBundleVersion``/``CFBundleShortVersionString``: at most three integers
    (``0.1.0``; ``1.2.0rc1`` -> ``1.2.0``), as Apple requires for both keys."""
    release = re.match(r"\s*v?(\d+(?:\.\d+)*)", version)
    if not release:
        raise ValueError(f"version {version!r} does not start with a number")
    parts = [str(int(n)) for n in release.group(1).split(".")[:3]]
    return ".".join(parts + ["0"] * (3 - len(parts)))


def info_plist(version: str, minimum_system: str) -> dict[str, Any]:
    """Every ``Info.plist`` value the spec passes to ``BUNDLE(info_plist=...)``."""
    if not re.fullmatch(r"\d+(\.\d+){1,2}", minimum_system):
        raise ValueError(f"minimum macOS {minimum_system!r} is not like 13.0")
    numeric = bundle_version(version)
    return {
        # What LaunchServices starts on a double-click: the window, not the CLI (which
        # stays beside it as Contents/MacOS/wolkvox).
        "CFBundleExecutable": project.APP_ID,
        # A regular app: Dock icon, menu bar, a window that comes to the front.
        "LSBackgroundOnly": False,
        "LSUIElement": False,
        "CFBundleIdentifier": project.BUNDLE_ID,
        "CFBundlePackageType": "APPL",
        "CFBundleName": project.APP_NAME,
        "CFBundleDisplayName": project.APP_NAME,
        "CFBundleShortVersionString": numeric,
        "CFBundleVersion": numeric,
        "CFBundleInfoDictionaryVersion": "6.0",
        "NSHighResolutionCapable": True,
        # BUNDLE copies the icon into Contents/Resources under its own name.
        "CFBundleIconFile": ICON_FILE,
        "LSMinimumSystemVersion": minimum_system,  # what the bundled Qt needs
        "LSApplicationCategoryType": "public.app-category.business",
        "NSHumanReadableCopyright": f"© {project.publisher()}",
        # Spanish and English, so macOS shows its own menus in the user's language.
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "es"],
        "NSRequiresAquaSystemAppearance": False,  # follow dark mode
    }


def bundle_arguments(version: str, minimum_system: str, icon: str) -> dict[str, Any]:
    """The keyword arguments the spec passes to PyInstaller's ``BUNDLE`` (and the BUNDLE
    test on Linux, so both run the same call)."""
    return {
        "name": f"{project.APP_NAME}.app",
        "icon": icon,
        "bundle_identifier": project.BUNDLE_ID,
        "version": bundle_version(version),
        "info_plist": info_plist(version, minimum_system),
    }


def plist_problems(actual: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Sentences naming each checked key whose built value differs from ours."""
    problems = []
    for key in CHECKED_KEYS:
        if key not in actual:
            problems.append(f"Info.plist has no {key} (expected {expected[key]!r})")
        elif actual[key] != expected[key] or type(actual[key]) is not type(expected[key]):
            problems.append(f"Info.plist {key} is {actual[key]!r}, expected {expected[key]!r}")
    return problems


def bundle_problems(app: Path, expected: dict[str, Any]) -> list[str]:
    """What is wrong with a built ``.app``: its Info.plist, and the two executables
    (the window named by ``CFBundleExecutable``, and the ``wolkvox`` CLI beside it)."""
    plist = app / "Contents" / "Info.plist"
    if not plist.is_file():
        return [f"{plist} does not exist"]
    with plist.open("rb") as fh:
        actual = plistlib.load(fh)
    problems = plist_problems(actual, expected)
    icon = app / "Contents" / "Resources" / str(actual.get("CFBundleIconFile", ""))
    if not actual.get("CFBundleIconFile") or not icon.is_file():
        problems.append(f"the icon {icon.name or '(none)'} is not in Contents/Resources")
    macos = app / "Contents" / "MacOS"
    for name in (str(actual.get("CFBundleExecutable", "")), project.CLI_NAME):
        exe = macos / name
        if not name or not exe.is_file() or not os.access(exe, os.X_OK):
            problems.append(f"{exe} is not an executable file")
    return problems
