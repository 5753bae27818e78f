"""The Windows build's tools: Inno Setup's compiler (wherever it is installed, and its
version), signtool, and the Authenticode state of every PE file of the app folder.

Inno Setup: ``WOLKVOX_ISCC`` if set, else ``iscc`` on PATH, else the newest install its
uninstaller registered (``...\\Uninstall\\Inno Setup 7_is1`` or ``Inno Setup 6_is1``,
machine or per-user, 64- or 32-bit view), else an ``Inno Setup *`` folder under Program
Files or ``%LOCALAPPDATA%\\Programs``. The script needs 6.3 or later (``x64compatible``; it says so
itself with ``#error``); :data:`MIN_INNO` fails the build earlier with the version found.

Signing every PE file: PyInstaller's folder holds ``.exe``, ``.dll`` and ``.pyd`` files;
Smart App Control and WDAC can refuse an unsigned DLL even in a signed app. Those that are
already signed (Qt's, Microsoft's runtime) keep their signature; the others are signed
with the build's signing command. :func:`pe_states` lists every file with its state for
the log and ``build-report.json``.

Standard library only; the parts that need no Windows are unit-tested on Linux
(``tests/unit/test_packaging_helpers.py``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

INNO_KEYS = ("Inno Setup 7_is1", "Inno Setup 6_is1")
MIN_INNO = (6, 3, 0)
PE_SUFFIXES = (".exe", ".dll", ".pyd")
SIGN_BATCH = 40  # files per signtool call (Windows command lines end at 32 767 characters)


def version_numbers(text: str) -> tuple[int, ...]:
    """``"6.4.3"`` -> ``(6, 4, 3)``; ``""`` -> ``()``."""
    match = re.search(r"\d+(\.\d+)*", text or "")
    return tuple(int(n) for n in match.group(0).split(".")) if match else ()


def _registry_locations() -> list[tuple[Path, str]]:
    """``(folder, DisplayVersion)`` of each Inno Setup its uninstaller registered."""
    try:
        import winreg
    except ImportError:  # not Windows
        return []
    found: list[tuple[Path, str]] = []
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        for view in (winreg.KEY_WOW64_64KEY, winreg.KEY_WOW64_32KEY):
            for name in INNO_KEYS:
                key = rf"SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{name}"
                try:
                    with winreg.OpenKey(hive, key, 0, winreg.KEY_READ | view) as handle:
                        folder = str(winreg.QueryValueEx(handle, "InstallLocation")[0])
                        try:
                            version = str(winreg.QueryValueEx(handle, "DisplayVersion")[0])
                        except OSError:
                            version = ""
                except OSError:
                    continue
                found.append((Path(folder), version))
    return found


def _folder_candidates(env: dict[str, str]) -> list[Path]:
    bases = [env.get("ProgramFiles"), env.get("ProgramFiles(x86)"),
             os.path.join(env.get("LOCALAPPDATA", ""), "Programs") if env.get("LOCALAPPDATA")
             else None]
    found: list[Path] = []
    for base in filter(None, bases):
        # newest first: "Inno Setup 7" before "Inno Setup 6"
        found += sorted(Path(base).glob("Inno Setup */ISCC.exe"), reverse=True)
    return found


def find_iscc(env: dict[str, str] | None = None) -> tuple[str, str] | None:
    """``(ISCC.exe, its version or "")``, or ``None`` when Inno Setup is not installed.
    ``WOLKVOX_ISCC`` names one outright (CI: the pinned version it installed); else PATH,
    else the newest version the registry knows, else the newest ``Inno Setup *`` folder."""
    env = dict(os.environ) if env is None else env
    named = env.get("WOLKVOX_ISCC", "").strip()
    if named:
        return named, file_version(named)
    on_path = shutil.which("iscc") or shutil.which("ISCC")
    if on_path:
        return on_path, file_version(on_path)
    registered = [(version_numbers(version), folder / "ISCC.exe", version)
                  for folder, version in _registry_locations() if (folder / "ISCC.exe").is_file()]
    if registered:
        _numbers, iscc, version = max(registered, key=lambda r: r[0])
        return str(iscc), version or file_version(str(iscc))
    candidates = _folder_candidates(env)
    if candidates:
        return str(candidates[0]), file_version(str(candidates[0]))
    return None


def powershell(script: str, timeout: int = 600) -> str:
    proc = subprocess.run(["powershell", "-NoProfile", "-NonInteractive", "-Command", script],
                          capture_output=True, text=True, timeout=timeout, errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"PowerShell failed: {proc.stderr.strip()[-800:]}")
    return proc.stdout


def ps_quote(text: str | Path) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def file_version(path: str) -> str:
    """A Windows file's ProductVersion (``""`` when it cannot be read)."""
    try:
        return powershell(f"(Get-Item -LiteralPath {ps_quote(path)}).VersionInfo.ProductVersion",
                          timeout=60).strip()
    except (OSError, RuntimeError, subprocess.SubprocessError):
        return ""


def inno_problem(version: str) -> str | None:
    """A sentence when ``version`` is older than the script needs (unknown: no problem
    here; the script's own ``#if Ver < EncodeVer(6,3,0)`` stops the compile then)."""
    numbers = version_numbers(version)
    if numbers and numbers < MIN_INNO:
        wanted = ".".join(map(str, MIN_INNO))
        return (f"Inno Setup {version} is too old: the installer script needs {wanted} or "
                "later (x64compatible); install a current Inno Setup")
    return None


# --- PE files and their signatures -------------------------------------------------------

def pe_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and p.suffix.lower() in PE_SUFFIXES)


def parse_states(output: str, folder: Path) -> dict[str, dict[str, str]]:
    """PowerShell's JSON (a list of ``{path, status, signer}``, or one object) ->
    ``{path relative to folder: {"status": ..., "signer": ...}}``."""
    data = json.loads(output) if output.strip() else []
    if isinstance(data, dict):
        data = [data]
    states: dict[str, dict[str, str]] = {}
    for item in data:
        path = Path(str(item["path"]))
        try:
            rel = path.relative_to(folder).as_posix()
        except ValueError:
            rel = path.as_posix()
        states[rel] = {"status": str(item.get("status") or ""),
                       "signer": str(item.get("signer") or "")}
    return states


def pe_states(folder: Path) -> dict[str, dict[str, str]]:
    """Every PE file under ``folder`` with its Authenticode status (``Valid``,
    ``NotSigned``, ``HashMismatch``...) and signer (Windows only)."""
    script = (
        "$ErrorActionPreference = 'Stop'; "
        f"$files = Get-ChildItem -LiteralPath {ps_quote(folder)} -Recurse -File | "
        "Where-Object { $_.Extension -in '.exe', '.dll', '.pyd' }; "
        "$rows = @($files | ForEach-Object { $s = Get-AuthenticodeSignature -LiteralPath "
        "$_.FullName; [pscustomobject]@{ path = $_.FullName; status = [string]$s.Status; "
        "signer = $(if ($s.SignerCertificate) { $s.SignerCertificate.Subject } else { '' }) "
        "} }); ConvertTo-Json -InputObject $rows -Depth 3 -Compress"
    )
    return parse_states(powershell(script), folder)


def to_sign(states: dict[str, dict[str, str]]) -> list[str]:
    """The files with no signature at all (a signed file keeps its signer's signature)."""
    return sorted(rel for rel, state in states.items() if state["status"] == "NotSigned")


def batches(items: list[str], size: int = SIGN_BATCH) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def state_table(states: dict[str, dict[str, str]]) -> list[str]:
    """Lines for the build log: a count per state, then each file."""
    counts: dict[str, int] = {}
    for state in states.values():
        counts[state["status"]] = counts.get(state["status"], 0) + 1
    lines = ["PE files: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))]
    for rel in sorted(states):
        signer = states[rel]["signer"]
        lines.append(f"  {states[rel]['status']:<12} {rel}" + (f"   ({signer})" if signer else ""))
    return lines
