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
# Windows: the named mutex the running app holds (gui/app_mutex.py) and the installer's
# AppMutex= checks, so Setup and the uninstaller ask to close a running copy first.
APP_MUTEX = "WolkvoxDesktop-6C3E2E0B-7D0A-4C55-9B9F-1F1D2B7A4C21"
MACOS_MINIMUM = "13.0"  # when the Qt wheels do not say (see macos_minimum)

# Size budget, checked by build.py (fails the build) and by tests/frozen. Linux only: the
# Windows and macOS sizes are reported, with no budget set until there are numbers.
# Decimal megabytes (what file managers show), the stricter reading of "100 MB".
BUDGET_MB = {"linux": {"onedir": 100.0, "archive": 45.0}}
MB = 1000 * 1000


def _pyproject_field(name: str) -> str:
    """A ``[project]`` string of ``pyproject.toml``; ``authors`` gives the first name."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    if sys.version_info >= (3, 11):
        import tomllib

        value = tomllib.loads(text)["project"].get(name)
        if name == "authors":
            value = (value or [{}])[0].get("name")
        if not value:
            raise SystemExit(f"pyproject.toml has no [project] {name}")
        return str(value)
    pattern = {"version": r'(?m)^version\s*=\s*"([^"]+)"',  # pragma: no cover (3.10)
               "authors": r'(?m)^authors\s*=\s*\[\s*\{\s*name\s*=\s*"([^"]+)"'}[name]
    match = re.search(pattern, text)  # pragma: no cover (3.10)
    if not match:  # pragma: no cover (3.10)
        raise SystemExit(f"pyproject.toml has no [project] {name}")
    return match.group(1)  # pragma: no cover (3.10)


def version() -> str:
    """The package version, read from ``pyproject.toml`` (the single source)."""
    return _pyproject_field("version")


def publisher() -> str:
    """Who publishes the app (``[project] authors`` in ``pyproject.toml``): the installer's
    ``AppPublisher``, the Windows ``CompanyName``, the copyright lines. It should be the
    name on the code-signing certificate."""
    return _pyproject_field("authors")


def version_tuple(text: str | None = None) -> tuple[int, int, int, int]:
    """The numeric version Windows resources and Inno Setup's ``VersionInfoVersion`` need:
    the release numbers only, padded to four (``0.1.0`` -> ``(0, 1, 0, 0)``; a pre-release
    or local version keeps its release part: ``1.2.0rc1`` -> ``(1, 2, 0, 0)``; the full
    version stays in the text fields)."""
    text = version() if text is None else text
    match = re.match(r"\s*v?(\d+(?:\.\d+)*)", text)
    if not match:
        raise ValueError(f"version {text!r} does not start with a number")
    parts = [int(n) for n in match.group(1).split(".")[:4]]
    if any(n > 65535 for n in parts):
        raise ValueError(f"version {text!r}: Windows version numbers are at most 65535")
    return tuple((parts + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def numeric_version(text: str | None = None) -> str:
    """``1.2.0rc1`` -> ``1.2.0.0`` (see :func:`version_tuple`)."""
    return ".".join(str(n) for n in version_tuple(text))


def source_date_epoch() -> int:
    """The time every timestamp of a build is set to (``SOURCE_DATE_EPOCH``; build.py
    sets it to the commit's time), so two builds of one commit are the same bytes."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    try:
        import subprocess

        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT,
                             capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    if out.isdigit():
        return int(out)
    return int((ROOT / "pyproject.toml").stat().st_mtime)  # a source tree without git


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


def artifact_stem(signed: bool = True) -> str:
    """``wolkvox-desktop-<version>-<platform>``, with ``-unsigned`` when the download is
    not signed (every Linux build; Windows and macOS without a signing configuration), so
    a branch build is never taken for a release."""
    return f"{APP_ID}-{version()}-{platform_tag()}" + ("" if signed else "-unsigned")


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


ARCHIVE_SUFFIX = {"windows": "-setup.exe", "macos": ".dmg", "linux": ".tar.gz"}


def archive(signed: bool | None = None, dist: Path = DIST) -> Path:
    """The file a supervisor downloads: installer, disk image or archive. ``signed``:
    which name to make; ``None``: the one a build left in ``dist`` (the unsigned name
    when there is none yet)."""
    suffix = ARCHIVE_SUFFIX[system()]
    if signed is None:
        made = dist / f"{artifact_stem(True)}{suffix}"
        return made if made.is_file() else dist / f"{artifact_stem(False)}{suffix}"
    return dist / f"{artifact_stem(signed)}{suffix}"


def executables() -> list[tuple[str, bool, str]]:
    """``(name, console, description)`` of each executable, in the order the spec builds
    them: the window first, the ``wolkvox`` command last on Windows (a console program for
    terminals). On Linux and macOS a link stands for the command (build.py; on macOS one
    program image, so the keychain's token reads without a prompt: one_image.py)."""
    found = [(APP_ID, False, APP_NAME)]
    if system() == "windows" and has_cli():
        found.append((CLI_NAME, True, f"{APP_NAME} command line"))
    return found


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
        "CompanyName": publisher(),
        "FileDescription": description,
        "FileVersion": version(),
        "InternalName": stem,
        "OriginalFilename": f"{stem}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version(),
        "LegalCopyright": f"© {publisher()}",
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
