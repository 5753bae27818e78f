"""What every build step needs to agree on: names, version, platform tag, size budget.

Imported by the PyInstaller spec, ``build.py``, ``smoke.py``, the frozen tests and
``benchmarks/frozen.py``; standard library only (it runs before anything is installed).
"""

from __future__ import annotations

import os
import platform
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "build_specs"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"

APP_NAME = "Wolkvox Desktop"  # what a supervisor reads: Start menu, Dock, window title
APP_ID = "wolkvox-desktop"  # executable, onedir folder, file names
CLI_NAME = "wolkvox"  # the command-line face, shipped beside the app when present
BUNDLE_ID = "com.wolkvox-desktop.app"  # macOS CFBundleIdentifier; never change once shipped
PUBLISHER = "Wolkvox Desktop"
MACOS_MINIMUM = "13.0"  # when the Qt wheels do not say (see macos_minimum)

# Size budget, checked by build.py (fails the build) and by tests/frozen. Linux only: the
# Windows and macOS sizes are reported, with no budget set until there are numbers.
# Decimal megabytes (what file managers show), the stricter reading of "100 MB".
BUDGET_MB = {"linux": {"onedir": 100.0, "archive": 45.0}}
MB = 1000 * 1000


def version() -> str:
    """The package version, read from ``pyproject.toml`` (the single source)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    if sys.version_info >= (3, 11):
        import tomllib

        return str(tomllib.loads(text)["project"]["version"])
    match = re.search(r'(?m)^version\s*=\s*"([^"]+)"', text)  # pragma: no cover (3.10)
    if not match:
        raise SystemExit("pyproject.toml has no [project] version")
    return match.group(1)


def version_tuple() -> tuple[int, int, int, int]:
    """``0.1.0`` -> ``(0, 1, 0, 0)`` for the Windows version resource (numbers only)."""
    parts = [int(p) for p in re.findall(r"\d+", version().split("+")[0])[:4]]
    return tuple((parts + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def system() -> str:
    """``linux``, ``windows`` or ``macos``."""
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x64", "x86_64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def platform_tag() -> str:
    """``linux-x86_64``, ``windows-x64``, ``macos-arm64``: part of every output's name."""
    return f"{system()}-{arch()}"


def artifact_stem() -> str:
    return f"{APP_ID}-{version()}-{platform_tag()}"


def onedir() -> Path:
    """The folder PyInstaller writes (on macOS the ``.app`` holds the same files)."""
    return DIST / APP_ID


def app_bundle() -> Path:
    return DIST / f"{APP_NAME}.app"


def executable(dist: Path = DIST) -> Path:
    """The GUI executable a supervisor starts (what ``--smoke-test`` runs)."""
    if system() == "windows":
        return dist / APP_ID / f"{APP_ID}.exe"
    if system() == "macos":
        return dist / f"{APP_NAME}.app" / "Contents" / "MacOS" / APP_ID
    return dist / APP_ID / APP_ID


def archive() -> Path:
    """The file a supervisor downloads: installer, disk image or archive."""
    suffix = {"windows": "-setup.exe", "macos": ".dmg", "linux": ".tar.gz"}[system()]
    return DIST / f"{artifact_stem()}{suffix}"


def has_cli() -> bool:
    """Whether this checkout has the ``wolkvox`` command (a module or a package)."""
    package = ROOT / "wolkvox_desktop"
    return (package / "cli.py").is_file() or (package / "cli" / "__init__.py").is_file()


def version_strings(file_name: str, description: str) -> dict[str, str]:
    """The Windows version resource's strings for one executable (``file_name`` with its
    ``.exe``): each executable names itself, so Explorer, Task Manager and a support call
    tell ``wolkvox.exe`` from ``wolkvox-desktop.exe``."""
    stem = file_name[:-4] if file_name.lower().endswith(".exe") else file_name
    return {
        "CompanyName": PUBLISHER,
        "FileDescription": description,
        "FileVersion": version(),
        "InternalName": stem,
        "OriginalFilename": f"{stem}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version(),
        "LegalCopyright": f"© {PUBLISHER}",
    }


def macos_minimum() -> str:
    """The oldest macOS the bundled Qt runs on: the newest ``macosx_X_Y`` tag among the
    installed PySide6/shiboken6 wheels (e.g. ``13.0``), for ``LSMinimumSystemVersion``."""
    from importlib import metadata

    found: list[tuple[int, int]] = []
    for dist in ("PySide6_Essentials", "shiboken6"):
        try:
            wheel = metadata.distribution(dist).read_text("WHEEL") or ""
        except metadata.PackageNotFoundError:
            continue
        found += [(int(a), int(b)) for a, b in re.findall(r"macosx_(\d+)_(\d+)", wheel)]
    if not found:
        return MACOS_MINIMUM
    major, minor = max(found)
    return f"{major}.{minor}"


def tree_size(path: Path) -> int:
    """Bytes of every regular file under ``path`` (symlinks not followed or counted)."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            file = Path(dirpath, name)
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def budget_problems(onedir_bytes: int, archive_bytes: int | None) -> list[str]:
    """Sentences naming each budget exceeded on this platform (empty when within budget)."""
    budget = BUDGET_MB.get(system())
    if not budget:
        return []
    problems = []
    if onedir_bytes > budget["onedir"] * MB:
        problems.append(f"the app folder is {onedir_bytes / MB:.1f} MB, over the "
                        f"{budget['onedir']:.0f} MB budget")
    if archive_bytes is not None and archive_bytes > budget["archive"] * MB:
        problems.append(f"the archive is {archive_bytes / MB:.1f} MB, over the "
                        f"{budget['archive']:.0f} MB budget")
    return problems
