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

Signing, from the environment (nothing secret goes on a command line or into the log):
see ``build_specs/signing.py`` (Windows: a certificate in the store or a cloud signing
service through signtool, wired into Inno Setup's ``SignTool=``; macOS: Developer ID and
notarization of the app, then of the disk image). Without it the build says what it
skipped; with ``WOLKVOX_REQUIRE_SIGNING=1`` (release tags in CI) that is a failure, checked
before anything is built. ``WOLKVOX_REQUIRE_INSTALLER=1`` (CI) makes a missing Inno Setup
a failure instead of a note.

On macOS the built bundle is checked before packaging (``info_plist.py``): the executable
LaunchServices starts must be the window, not the CLI, and the app must not be
background-only; the build fails otherwise.
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
import one_image  # noqa: E402
import project  # noqa: E402
import signing  # noqa: E402
from project import DIST, MB, ROOT, SPECS  # noqa: E402

SPEC = SPECS / "wolkvox-desktop.spec"


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def shown(cmd: list[str]) -> str:
    return " ".join(f'"{c}"' if " " in c else c for c in cmd)


def run(cmd: list[str], *, hide: tuple[str, ...] = (), **kw: object) -> None:
    """Run ``cmd`` (raises on failure); ``hide``: values never printed."""
    say("$ " + shown(signing.redact_args(cmd, hide)))
    subprocess.run(cmd, check=True, **kw)  # type: ignore[call-overload]


def run_retrying(cmd: list[str], *, retry_on: str, attempts: int = 5,
                 delay_s: float = 5.0) -> None:
    """Run ``cmd``; when it fails with ``retry_on`` in its output, wait and try again.

    For ``hdiutil create``, which fails now and then on hosted macOS runners with
    "Resource busy" (a volume still held by a previous step or by Spotlight). Any other
    failure, or the last attempt's, raises ``CalledProcessError``.
    """
    for attempt in range(1, attempts + 1):
        say("$ " + shown(cmd) + (f"   (attempt {attempt}/{attempts})" if attempt > 1 else ""))
        proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
        output = (proc.stdout or "") + (proc.stderr or "")
        if output.strip():
            print(output.rstrip(), flush=True)
        if proc.returncode == 0:
            return
        if retry_on not in output or attempt == attempts:
            raise subprocess.CalledProcessError(proc.returncode, cmd, proc.stdout, proc.stderr)
        say(f"{retry_on!r}: trying again in {delay_s * attempt:.0f} s")
        time.sleep(delay_s * attempt)


def require_env(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")


def preflight() -> None:
    """Fail before building when a release build would come out unsigned (or with a
    signing configuration that cannot work): nothing is built in vain."""
    system = project.system()
    try:
        windows = signing.windows_signing(os.environ, project.APP_NAME)
        mac = signing.macos_signing(os.environ)
    except signing.SigningError as exc:
        raise SystemExit(f"[build] signing configuration: {exc}") from None
    if not signing.required(os.environ):
        return
    gaps: list[str] = []
    if system == "windows" and windows is None:
        gaps.append(signing.WINDOWS_SKIPPED)
    if system == "macos":
        gaps += signing.macos_gaps(mac)
    if gaps:
        raise SystemExit("[build] WOLKVOX_REQUIRE_SIGNING is set (a release build) but:\n  "
                         + "\n  ".join(gaps))


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
    if project.has_cli() and not cli.exists():
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


def find_signtool() -> str | None:
    found = shutil.which("signtool")
    if found:
        return found
    kits = Path(os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)"), "Windows Kits",
                "10", "bin")
    candidates = sorted(kits.glob("10.*/x64/signtool.exe"),
                        key=lambda p: [int(n) for n in p.parent.parent.name.split(".")
                                       if n.isdigit()])
    return str(candidates[-1]) if candidates else None


def package_windows() -> Path | None:
    app = project.onedir()
    config = signing.windows_signing(os.environ, project.APP_NAME)
    signtool = None
    if config is None:
        say(signing.WINDOWS_SKIPPED)
    else:
        signtool = find_signtool()
        if not signtool:
            raise SystemExit("Windows signing is configured but signtool.exe was not found "
                             "(it comes with the Windows SDK).")
        say(f"Windows signing: {config.mode}")
        exes = [str(p) for p in sorted(app.glob("*.exe"))]
        run(config.command(signtool, exes))
    iscc = find_iscc()
    out = project.archive()
    defines = [f"/DAppVersion={project.version()}", f"/DSourceDir={app}",
               f"/DOutputDir={DIST}", f"/DOutputBaseFilename={out.stem}",
               f"/DAppIcon={ROOT / 'resources' / 'icons' / 'wolkvox-desktop.ico'}"]
    iss = SPECS / "windows" / "installer.iss"
    if not iscc:
        message = ("Inno Setup not found: the app folder is built, the installer is not. "
                   "Install Inno Setup 6 (https://jrsoftware.org/isdl.php, or `choco install "
                   "innosetup`), then run this again, or run:\n    iscc " + " ".join(defines)
                   + f" {iss}")
        if require_env("WOLKVOX_REQUIRE_INSTALLER"):
            raise SystemExit(f"[build] WOLKVOX_REQUIRE_INSTALLER is set: {message}")
        say(message)
        return None
    sign_args: list[str] = []
    if config is not None and signtool:
        # Inno Setup signs the installer, its temporary self-copies and the uninstaller.
        sign_args = [f"/DSignTool={signing.SIGNTOOL_NAME}", "/S" + config.inno_signtool(signtool)]
    out.unlink(missing_ok=True)
    run([iscc, "/Q", *defines, *sign_args, str(iss)])
    if not out.is_file():
        raise SystemExit(f"ISCC finished but {out} does not exist")
    if config is not None and signtool:
        run([signtool, "verify", "/pa", "/all", str(out), *(str(p) for p in app.glob("*.exe"))])
    return out


# --- macOS ------------------------------------------------------------------------------

def check_macos_bundle(app: Path) -> None:
    """The built bundle starts the window when double-clicked, for this Mac's architecture."""
    import info_plist

    expected = info_plist.info_plist(project.version(), project.macos_minimum())
    problems = info_plist.bundle_problems(app, expected)
    if project.has_cli():
        problems += one_image.problems(app)  # the CLI is a link to the window's image
    exe = app / "Contents" / "MacOS" / project.APP_ID
    if exe.is_file():
        archs = subprocess.run(["lipo", "-archs", str(exe)], capture_output=True,
                               text=True).stdout.split()
        if project.arch() not in archs:
            problems.append(f"{exe.name} is built for {archs}, not {project.arch()}")
    if problems:
        raise SystemExit("[build] the app bundle is wrong:\n  " + "\n  ".join(problems))
    say(f"bundle OK: CFBundleExecutable={expected['CFBundleExecutable']}, "
        f"LSBackgroundOnly={expected['LSBackgroundOnly']}, {project.arch()}")


def notarize(path: Path, config: signing.MacSigning) -> None:
    """Submit ``path`` (a .zip of the app, or the .dmg) and wait; print Apple's log and
    fail unless it is accepted. The credentials are never printed."""
    cmd = ["xcrun", "notarytool", "submit", str(path), "--wait", "--output-format", "json",
           *config.notary_auth]
    say("$ " + shown(signing.redact_args(cmd, config.notary_auth)))
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    print(proc.stdout.rstrip(), file=sys.stdout, flush=True)
    if proc.stderr.strip():
        print(proc.stderr.rstrip(), file=sys.stderr, flush=True)
    try:
        result = signing.notary_result(proc.stdout)
    except signing.SigningError as exc:
        raise SystemExit(f"notarization of {path.name} failed (exit {proc.returncode}): "
                         f"{exc}") from None
    if not result.accepted:
        log = subprocess.run(["xcrun", "notarytool", "log", result.submission_id,
                              *config.notary_auth], capture_output=True, text=True,
                             errors="replace")
        print(f"[build] notary log of {result.submission_id}:\n{log.stdout}{log.stderr}",
              flush=True)
        raise SystemExit(f"notarization of {path.name} was not accepted: {result.status}")
    say(f"notarized: {path.name} ({result.submission_id})")


def package_macos() -> Path:
    app = project.app_bundle()
    config = signing.macos_signing(os.environ)
    if project.has_cli() and one_image.link_cli(app):  # wolkvox -> wolkvox-desktop
        one_image.sign_again(app, config.identity if config else None,
                             str(SPECS / "macos" / "entitlements.plist") if config else None)
    check_macos_bundle(app)
    for gap in signing.macos_gaps(config):
        say(gap)
    if config is not None:
        # The spec signed every binary and the bundle (hardened runtime); check it.
        run(["codesign", "--verify", "--deep", "--strict", "--verbose=2", str(app)])
        if config.notary_auth:
            # The app itself, so a copy taken out of the disk image opens offline too.
            zipped = project.WORK / f"{project.artifact_stem()}-app.zip"
            zipped.unlink(missing_ok=True)
            run(["ditto", "-c", "-k", "--keepParent", str(app), str(zipped)])
            notarize(zipped, config)
            run(["xcrun", "stapler", "staple", str(app)])
            run(["xcrun", "stapler", "validate", str(app)])
            run(["spctl", "--assess", "--type", "execute", "--verbose", str(app)])

    stage = project.WORK / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    run(["ditto", str(app), str(stage / app.name)])  # ditto keeps symlinks and signatures
    (stage / "Applications").symlink_to("/Applications")
    out = project.archive()
    out.unlink(missing_ok=True)
    run_retrying(["hdiutil", "create", "-volname", f"{project.APP_NAME} {project.version()}",
                  "-srcfolder", str(stage), "-fs", "HFS+", "-format", "UDZO", "-ov", str(out)],
                 retry_on="Resource busy")
    if config is not None:
        run(["codesign", "--sign", config.identity, "--timestamp", str(out)])
        if config.notary_auth:
            notarize(out, config)
            run(["xcrun", "stapler", "staple", str(out)])
            run(["spctl", "--assess", "--type", "open", "--context",
                 "context:primary-signature", "--verbose", str(out)])
    return out


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
    preflight()
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
