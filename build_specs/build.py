#!/usr/bin/env python3
"""Build the installable app for the platform this runs on, into ``dist/``.

    python build_specs/build.py            (what ``python3 dev.py build`` runs)

1. PyInstaller (``build_specs/wolkvox-desktop.spec``): the onedir app,
   ``dist/wolkvox-desktop/`` (macOS: ``dist/Wolkvox Desktop.app``).
2. The file a supervisor downloads, named with version and platform:
   - Linux: ``dist/wolkvox-desktop-<version>-linux-<arch>.tar.gz``: the app folder, with a
     ``.desktop`` entry, its icon and ``install-desktop-entry.sh`` inside.
   - Windows: ``dist/wolkvox-desktop-<version>-windows-x64-setup.exe`` by Inno Setup
     (``build_specs/windows/installer.iss``) when ``iscc`` is installed; otherwise it says
     how to get it and builds the app folder only.
   - macOS: ``dist/wolkvox-desktop-<version>-macos-<arch>.dmg`` (the app plus a link to
     Applications). Signed, notarized and stapled only when credentials are set (below);
     otherwise it says what was skipped.
3. A size report (``dist/build-report.json``) and the size budget: the build fails (exit 1)
   when the Linux app folder or archive is over budget (``project.BUDGET_MB``).

Optional signing, from the environment (nothing secret goes on a command line):
- macOS: ``WOLKVOX_MACOS_SIGN_IDENTITY`` ("Developer ID Application: NAME (TEAMID)", in
  the keychain) signs with the hardened runtime. Notarization then needs either an App
  Store Connect API key (``WOLKVOX_NOTARY_KEY`` = path of the .p8 file,
  ``WOLKVOX_NOTARY_KEY_ID``, ``WOLKVOX_NOTARY_ISSUER``) or a notarytool keychain profile
  (``WOLKVOX_NOTARY_PROFILE``).
- Windows: ``WOLKVOX_WINDOWS_CERT_SHA1``, the thumbprint of a code-signing certificate in
  the certificate store, signs the executables and the installer with ``signtool``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import project  # noqa: E402
from project import DIST, MB, ROOT, SPECS  # noqa: E402

SPEC = SPECS / "wolkvox-desktop.spec"


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(cmd: list[str], **kw: object) -> None:
    say("$ " + " ".join(f'"{c}"' if " " in c else c for c in cmd))
    subprocess.run(cmd, check=True, **kw)  # type: ignore[call-overload]


# --- PyInstaller ------------------------------------------------------------------------

def pyinstaller(clean: bool) -> None:
    icons = ROOT / "resources" / "icons"
    missing = [n for n in ("wolkvox-desktop.ico", "wolkvox-desktop.icns", "wolkvox-desktop.png")
               if not (icons / n).is_file()]
    if missing:
        raise SystemExit(f"missing icons {missing}: run python build_specs/make_icons.py")
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(project.WORK), str(SPEC)]
    if clean:
        cmd.insert(3, "--clean")
    run(cmd, cwd=ROOT)


# --- Linux ------------------------------------------------------------------------------

def package_linux() -> Path:
    app = project.onedir()
    linux = SPECS / "linux"
    shutil.copy2(linux / f"{project.APP_ID}.desktop", app / f"{project.APP_ID}.desktop")
    shutil.copy2(ROOT / "resources" / "icons" / f"{project.APP_ID}.png",
                 app / f"{project.APP_ID}.png")
    cli = app / project.CLI_NAME
    if (ROOT / "wolkvox_desktop" / "cli.py").is_file() and not cli.exists():
        cli.symlink_to(project.APP_ID)  # the launcher runs the CLI when started by this name
    installer = app / "install-desktop-entry.sh"
    shutil.copy2(linux / "install-desktop-entry.sh", installer)
    installer.chmod(0o755)

    out = project.archive()
    out.unlink(missing_ok=True)
    # Stable member order and owner, so two builds of the same tree give the same listing.
    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(out, "w:gz", compresslevel=9) as tar:
        tar.add(app, arcname=project.APP_ID, recursive=False, filter=normalise)
        for path in sorted(app.rglob("*")):
            tar.add(path, arcname=f"{project.APP_ID}/{path.relative_to(app).as_posix()}",
                    recursive=False, filter=normalise)
    return out


# --- Windows ----------------------------------------------------------------------------

def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles"),
                 os.path.join(os.environ.get("LOCALAPPDATA", ""), "Programs")):
        if base and Path(base, "Inno Setup 6", "ISCC.exe").is_file():
            return str(Path(base, "Inno Setup 6", "ISCC.exe"))
    return None


def signtool_sign(paths: list[Path]) -> None:
    thumbprint = os.environ.get("WOLKVOX_WINDOWS_CERT_SHA1", "").strip()
    if not thumbprint:
        say("Windows signing skipped: WOLKVOX_WINDOWS_CERT_SHA1 is not set (unsigned "
            "executables: SmartScreen will warn on first run).")
        return
    signtool = shutil.which("signtool") or next(iter(sorted(
        Path(os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)"), "Windows Kits", "10",
             "bin").glob("10.*/x64/signtool.exe"), reverse=True)), None)
    if not signtool:
        raise SystemExit("WOLKVOX_WINDOWS_CERT_SHA1 is set but signtool is not on PATH "
                         "(Windows SDK).")
    run([str(signtool), "sign", "/sha1", thumbprint, "/fd", "sha256", "/td", "sha256",
         "/tr", "http://timestamp.digicert.com", *map(str, paths)])


def package_windows() -> Path | None:
    app = project.onedir()
    signtool_sign(sorted(app.glob("*.exe")))
    iscc = find_iscc()
    out = project.archive()
    defines = [f"/DAppVersion={project.version()}", f"/DSourceDir={app}",
               f"/DOutputDir={DIST}", f"/DOutputBaseFilename={out.stem}",
               f"/DAppIcon={ROOT / 'resources' / 'icons' / 'wolkvox-desktop.ico'}"]
    iss = SPECS / "windows" / "installer.iss"
    if not iscc:
        say("Inno Setup not found: the app folder is built, the installer is not. Install "
            "Inno Setup 6 (https://jrsoftware.org/isdl.php, or `choco install innosetup`), "
            "then run this again, or run:\n    iscc " + " ".join(defines) + f" {iss}")
        return None
    out.unlink(missing_ok=True)
    run([iscc, "/Q", *defines, str(iss)])
    signtool_sign([out])
    return out


# --- macOS ------------------------------------------------------------------------------

def package_macos() -> Path:
    app = project.app_bundle()
    identity = os.environ.get("WOLKVOX_MACOS_SIGN_IDENTITY", "").strip()
    if identity:
        # The spec signed every binary and the bundle (hardened runtime); check it.
        run(["codesign", "--verify", "--deep", "--strict", "--verbose=2", str(app)])
    else:
        say("macOS signing skipped: WOLKVOX_MACOS_SIGN_IDENTITY is not set. The app is only "
            "ad-hoc signed: Gatekeeper will refuse a double-click on other Macs until a "
            "signed and notarized build is made (see build_specs/build.py).")

    stage = project.WORK / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    run(["ditto", str(app), str(stage / app.name)])  # ditto keeps symlinks and signatures
    (stage / "Applications").symlink_to("/Applications")
    out = project.archive()
    out.unlink(missing_ok=True)
    run(["hdiutil", "create", "-volname", f"{project.APP_NAME} {project.version()}",
         "-srcfolder", str(stage), "-fs", "HFS+", "-format", "UDZO", "-ov", str(out)])
    if identity:
        run(["codesign", "--sign", identity, "--timestamp", str(out)])
        notarize(out)
    return out


def notarize(dmg: Path) -> None:
    key, key_id, issuer = (os.environ.get(n, "").strip() for n in
                           ("WOLKVOX_NOTARY_KEY", "WOLKVOX_NOTARY_KEY_ID", "WOLKVOX_NOTARY_ISSUER"))
    profile = os.environ.get("WOLKVOX_NOTARY_PROFILE", "").strip()
    if key and key_id and issuer:
        auth = ["--key", key, "--key-id", key_id, "--issuer", issuer]
    elif profile:
        auth = ["--keychain-profile", profile]
    else:
        say("Notarization skipped: set WOLKVOX_NOTARY_KEY, WOLKVOX_NOTARY_KEY_ID and "
            "WOLKVOX_NOTARY_ISSUER (App Store Connect API key) or WOLKVOX_NOTARY_PROFILE.")
        return
    run(["xcrun", "notarytool", "submit", str(dmg), "--wait", *auth])
    run(["xcrun", "stapler", "staple", str(dmg)])
    run(["spctl", "--assess", "--type", "open", "--context", "context:primary-signature",
         "--verbose", str(dmg)])


# --- Report -----------------------------------------------------------------------------

def report(archive: Path | None, timings: dict[str, float]) -> int:
    bundle = project.app_bundle() if project.system() == "macos" else project.onedir()
    onedir_bytes = project.tree_size(bundle)
    archive_bytes = archive.stat().st_size if archive else None
    problems = project.budget_problems(onedir_bytes, archive_bytes)
    budget = project.BUDGET_MB.get(project.system())
    data = {
        "version": project.version(),
        "platform": project.platform_tag(),
        "app": str(bundle.relative_to(ROOT)),
        "executable": str(project.executable().relative_to(ROOT)),
        "app_bytes": onedir_bytes,
        "archive": str(archive.relative_to(ROOT)) if archive else None,
        "archive_bytes": archive_bytes,
        "budget_mb": budget,
        "seconds": {k: round(v, 1) for k, v in timings.items()},
        "problems": problems,
    }
    (DIST / "build-report.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")

    def mb(n: int | None) -> str:
        return "-" if n is None else f"{n / MB:.1f} MB"

    limit = (lambda k: f"(budget {budget[k]:.0f} MB)") if budget else (lambda k: "(no budget)")
    say(f"app       {mb(onedir_bytes):>10}  {limit('onedir')}  {data['app']}")
    say(f"download  {mb(archive_bytes):>10}  {limit('archive')}  {data['archive'] or '-'}")
    say("time      " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()))
    for problem in problems:
        say(f"OVER BUDGET: {problem}")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clean", action="store_true",
                        help="empty PyInstaller's cache first (slower; after a dependency change)")
    args = parser.parse_args(argv)
    say(f"{project.APP_NAME} {project.version()} for {project.platform_tag()}")
    timings: dict[str, float] = {}
    started = time.perf_counter()
    pyinstaller(args.clean)
    timings["pyinstaller"] = time.perf_counter() - started
    packaged = time.perf_counter()
    archive = {"linux": package_linux, "windows": package_windows,
               "macos": package_macos}[project.system()]()
    timings["package"] = time.perf_counter() - packaged
    timings["total"] = time.perf_counter() - started
    return report(archive, timings)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
