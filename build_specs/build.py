#!/usr/bin/env python3
"""Build the installable app for the platform this runs on, into ``dist/``.

    python build_specs/build.py            (what ``python3 dev.py build`` runs)

1. PyInstaller (``build_specs/wolkvox-desktop.spec``): the onedir app,
   ``dist/wolkvox-desktop/`` (macOS: ``dist/Wolkvox Desktop.app``).
2. The notices (``notices.py``: ``THIRD-PARTY-NOTICES.txt`` and a CycloneDX SBOM, written
   by the spec from what it bundles) are checked in the built app; on Linux and Windows the
   notices are also put beside the executable.
3. The file a supervisor downloads, named with version and platform, and ``-unsigned``
   unless it is signed (every Linux build; Windows and macOS without signing):
   - Linux: ``dist/wolkvox-desktop-<version>-linux-<arch>-unsigned.tar.gz``: the app folder,
     with a ``.desktop`` entry, its icon and ``install-desktop-entry.sh`` inside; the same
     bytes for the same commit (sorted members, owner root, times ``SOURCE_DATE_EPOCH``).
   - Windows: ``dist/wolkvox-desktop-<version>-windows-x64[-unsigned]-setup.exe`` by Inno
     Setup 6.3 or later (``build_specs/windows/installer.iss``; found on PATH, through the
     registry or in the Program Files folders) when it is installed; otherwise it says how
     to get it and builds the app folder only.
   - macOS: ``dist/wolkvox-desktop-<version>-macos-<arch>[-unsigned].dmg`` (the app plus a
     link to Applications). Signed, notarized and stapled only when credentials are set
     (below); otherwise it says what was skipped.
4. A report (``dist/build-report.json``: sizes, times, ``signed``/``notarized``, the
   download's SHA-256; on Windows the signature state of every PE file), the same as a
   table in the GitHub job summary when ``GITHUB_STEP_SUMMARY`` is set, and the size
   budget: the build fails (exit 1) when the Linux app folder or archive is over budget
   (``project.BUDGET_MB``).

Reproducible: ``SOURCE_DATE_EPOCH`` (the commit's time unless set) and ``PYTHONHASHSEED=0``
are set for PyInstaller, so two builds of one commit give the same files (CI checks it on
Linux).

Signing, from the environment (nothing secret goes on a command line or into the log):
see ``build_specs/signing.py`` (Windows: a certificate in the store or a cloud signing
service through signtool, wired into Inno Setup's ``SignTool=``; macOS: Developer ID and
notarization of the app, then of the disk image). Without it the build says what it
skipped, and the download's name and the report say it is unsigned; with
``WOLKVOX_REQUIRE_SIGNING=1`` (release tags in CI) that is a failure, checked before
anything is built. Windows signs every PE file of the app folder that is not signed yet
(``.exe``, ``.dll``, ``.pyd``), then Inno Setup signs the installer and the uninstaller.
``WOLKVOX_REQUIRE_INSTALLER=1`` (CI) makes a missing Inno Setup a failure instead of a
note.

On macOS the built bundle is checked before packaging (``info_plist.py``): the executable
LaunchServices starts must be the window, not the CLI, and the app must not be
background-only; the build fails otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import notices  # noqa: E402
import one_image  # noqa: E402
import project  # noqa: E402
import signing  # noqa: E402
import windows_tools  # noqa: E402
from project import DIST, MB, ROOT, SPECS  # noqa: E402

SPEC = SPECS / "wolkvox-desktop.spec"


@dataclass
class Packaged:
    """What packaging made: the download, and whether it is signed / notarized (``None``:
    not a thing on this platform)."""

    archive: Path
    signed: bool
    notarized: bool | None
    extra: dict[str, object] = field(default_factory=dict)


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

def data_root() -> Path:
    """Where the spec's data files land: ``_internal`` (Linux, Windows) or the bundle's
    ``Contents/Resources`` (macOS)."""
    if project.system() == "macos":
        return project.app_bundle() / "Contents" / "Resources"
    return project.onedir() / "_internal"


def check_notices() -> None:
    """The built app carries its notices and SBOM, covering what it bundles. On Linux and
    Windows the notices move beside the executable, where people look (the app and the
    installer find them there); on macOS they stay in Contents/Resources."""
    root = data_root()
    problems = notices.bundle_problems(root)
    if problems:
        raise SystemExit("[build] the app's third-party notices are wrong:\n  "
                         + "\n  ".join(problems))
    if project.system() != "macos":
        (root / notices.NOTICES_NAME).replace(project.onedir() / notices.NOTICES_NAME)
    say(f"notices OK: {notices.NOTICES_NAME}, {notices.SBOM_NAME}")


def package_linux() -> Packaged:
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
    for old in project.DIST.glob(f"{project.APP_ID}-*{project.ARCHIVE_SUFFIX['linux']}"):
        old.unlink()
    out = project.archive(signed=False)  # nothing signs a Linux build
    write_tar(app, project.APP_ID, out, project.source_date_epoch())
    return Packaged(out, signed=False, notarized=None)


def write_tar(folder: Path, top: str, out: Path, epoch: int) -> None:
    """``folder`` as ``top/...`` in a .tar.gz that depends on the files alone: members in
    sorted order, owner root, every time ``epoch``, modes 755/644, no gzip file name or
    time. Two builds of the same commit give the same bytes."""
    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = epoch
        if info.isdir() or (info.isfile() and info.mode & 0o111):
            info.mode = 0o755
        elif info.isfile():
            info.mode = 0o644
        return info

    with open(out, "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9,
                          mtime=epoch) as gz, \
            tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.add(folder, arcname=top, recursive=False, filter=normalise)
        for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
            tar.add(path, arcname=f"{top}/{path.relative_to(folder).as_posix()}",
                    recursive=False, filter=normalise)


# --- Windows ----------------------------------------------------------------------------

def find_iscc() -> tuple[str, str] | None:
    """``(ISCC.exe, version)`` wherever Inno Setup is installed (windows_tools.py)."""
    return windows_tools.find_iscc()


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


def sign_pe_files(app: Path, config: signing.WindowsSigning | None,
                  signtool: str | None) -> dict[str, dict[str, str]]:
    """Sign every PE file of the app folder that has no signature yet; list them all with
    their state (before and after) in the log. Returns ``{file: {status, signer, before}}``."""
    before = windows_tools.pe_states(app)
    unsigned = windows_tools.to_sign(before)
    if config is not None and signtool:
        say(f"signing {len(unsigned)} of {len(before)} PE files ({config.mode}); the others "
            "are signed already")
        for batch in windows_tools.batches([str(app / rel) for rel in unsigned]):
            run(config.command(signtool, batch))
        after = windows_tools.pe_states(app)
    else:
        after = before
    for line in windows_tools.state_table(after):
        say(line)
    left = windows_tools.to_sign(after)
    if config is not None and left:
        raise SystemExit(f"[build] still unsigned after signing: {', '.join(left)}")
    return {rel: {**state, "before": before.get(rel, {}).get("status", "")}
            for rel, state in after.items()}


def installer_defines(app: Path, out: Path) -> list[str]:
    return [f"/DAppVersion={project.version()}",
            f"/DAppVersionNumeric={project.numeric_version()}",
            f"/DAppPublisher={project.publisher()}",
            f"/DAppMutex={project.APP_MUTEX}",
            f"/DSourceDir={app}", f"/DOutputDir={out.parent}",
            f"/DOutputBaseFilename={out.name[:-len('.exe')]}",
            f"/DNoticesFile={app / notices.NOTICES_NAME}",
            f"/DAppIcon={ROOT / 'resources' / 'icons' / 'wolkvox-desktop.ico'}"]


def package_windows() -> Packaged | None:
    app = project.onedir()
    config = signing.windows_signing(os.environ, project.APP_NAME)
    iss = SPECS / "windows" / "installer.iss"
    found = find_iscc()
    if not found and require_env("WOLKVOX_REQUIRE_INSTALLER"):
        raise SystemExit("[build] WOLKVOX_REQUIRE_INSTALLER is set: Inno Setup not found "
                         "(install Inno Setup 6.3 or later: https://jrsoftware.org/isdl.php)")
    if found:
        say(f"Inno Setup {found[1] or '(version unknown)'}: {found[0]}")
        too_old = windows_tools.inno_problem(found[1])
        if too_old:
            raise SystemExit(f"[build] {too_old}")
    signtool = None
    if config is None:
        say(signing.WINDOWS_SKIPPED)
    else:
        signtool = find_signtool()
        if not signtool:
            raise SystemExit("Windows signing is configured but signtool.exe was not found "
                             "(it comes with the Windows SDK).")
        say(f"Windows signing: {config.mode}")
    pe = sign_pe_files(app, config, signtool)
    signed = config is not None
    out = project.archive(signed=signed)
    defines = installer_defines(app, out)
    if not found:
        say("Inno Setup not found: the app folder is built, the installer is not. Install "
            "Inno Setup 6.3 or later (https://jrsoftware.org/isdl.php, or `choco install "
            "innosetup`), then run this again, or run:\n    iscc "
            + " ".join(f'"{d}"' if " " in d else d for d in defines) + f" {iss}")
        return None
    iscc, iscc_version = found
    sign_args: list[str] = []
    if config is not None and signtool:
        # Inno Setup signs the installer, its temporary self-copies and the uninstaller.
        sign_args = [f"/DSignTool={signing.SIGNTOOL_NAME}", "/S" + config.inno_signtool(signtool)]
    for old in DIST.glob(f"{project.APP_ID}-*{project.ARCHIVE_SUFFIX['windows']}"):
        old.unlink()
    run([iscc, "/Q", *defines, *sign_args, str(iss)])
    if not out.is_file():
        raise SystemExit(f"ISCC finished but {out} does not exist")
    if config is not None and signtool:
        run([signtool, "verify", "/pa", "/all", str(out), *(str(p) for p in app.glob("*.exe"))])
    return Packaged(out, signed=signed, notarized=None,
                    extra={"inno_setup": iscc_version, "pe_files": pe})


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


def package_macos() -> Packaged:
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
    for old in DIST.glob(f"{project.APP_ID}-*{project.ARCHIVE_SUFFIX['macos']}"):
        old.unlink()
    out = project.archive(signed=config is not None)
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
    return Packaged(out, signed=config is not None,
                    notarized=bool(config is not None and config.notary_auth))


# --- Report ---------------------------------------------------------------------------

def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def signing_words(packaged: Packaged | None) -> str:
    if packaged is None:
        return "no download built"
    if project.system() == "linux":
        return "unsigned (Linux builds are not signed)"
    if not packaged.signed:
        return "UNSIGNED: no signing configuration (a test build, not a release)"
    if packaged.notarized is False:
        return "signed, NOT notarized"
    return "signed and notarized" if packaged.notarized else "signed"


def job_summary(data: dict[str, object]) -> str:
    """The report as Markdown for GitHub's job summary."""
    def cell(key: str) -> str:
        value = data.get(key)
        return "-" if value is None else str(value)

    rows = [("platform", cell("platform")), ("version", cell("version")),
            ("download", cell("archive")), ("SHA-256", cell("archive_sha256")),
            ("signed", cell("signed")), ("notarized", cell("notarized")),
            ("signing", cell("signing")), ("app size (bytes)", cell("app_bytes")),
            ("download size (bytes)", cell("archive_bytes"))]
    lines = [f"### {project.APP_NAME} {data['version']} — {data['platform']}", "",
             "| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)]
    if not data.get("signed"):
        lines += ["", "> **Unsigned build**: the download's name ends in `-unsigned`; do not "
                  "hand it to supervisors as a release."]
    pe = data.get("pe_files")
    if isinstance(pe, dict) and pe:
        counts: dict[str, int] = {}
        for state in pe.values():
            counts[state["status"]] = counts.get(state["status"], 0) + 1
        lines += ["", "PE files by signature state: "
                  + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))]
    problems = data.get("problems") or []
    for problem in problems if isinstance(problems, list) else []:
        lines.append(f"- **over budget**: {problem}")
    return "\n".join(lines) + "\n"


def report(packaged: Packaged | None, timings: dict[str, float]) -> int:
    bundle = project.app_bundle() if project.system() == "macos" else project.onedir()
    archive = packaged.archive if packaged else None
    onedir_bytes = project.tree_size(bundle)
    archive_bytes = archive.stat().st_size if archive else None
    problems = project.budget_problems(onedir_bytes, archive_bytes)
    budget = project.BUDGET_MB.get(project.system())
    data: dict[str, object] = {
        "version": project.version(),
        "platform": project.platform_tag(),
        "app": str(bundle.relative_to(ROOT)),
        "executable": str(project.executable().relative_to(ROOT)),
        "app_bytes": onedir_bytes,
        "archive": str(archive.relative_to(ROOT)) if archive else None,
        "archive_bytes": archive_bytes,
        "archive_sha256": sha256(archive) if archive else None,
        "signed": bool(packaged and packaged.signed),
        "notarized": packaged.notarized if packaged else None,
        "signing": signing_words(packaged),
        "source_date_epoch": project.source_date_epoch(),
        "budget_mb": budget,
        "seconds": {k: round(v, 1) for k, v in timings.items()},
        "problems": problems,
        **(packaged.extra if packaged else {}),
    }
    (DIST / "build-report.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as fh:
            fh.write(job_summary(data))

    def mb(n: int | None) -> str:
        return "-" if n is None else f"{n / MB:.1f} MB"

    limit = (lambda k: f"(budget {budget[k]:.0f} MB)") if budget else (lambda k: "(no budget)")
    say(f"app       {mb(onedir_bytes):>10}  {limit('onedir')}  {data['app']}")
    say(f"download  {mb(archive_bytes):>10}  {limit('archive')}  {data['archive'] or '-'}")
    say(f"signing   {data['signing']}")
    say("time      " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()))
    for problem in problems:
        say(f"OVER BUDGET: {problem}")
    return 1 if problems else 0


def publish_sbom(packaged: Packaged | None) -> None:
    """The app's SBOM beside the download too (``<download name>.cdx.json``), for a release
    page or an inventory tool that does not open installers."""
    for old in DIST.glob(f"{project.APP_ID}-*.cdx.json"):
        old.unlink()
    if packaged is not None:
        shutil.copy2(data_root() / notices.SBOM_NAME,
                     DIST / f"{project.artifact_stem(packaged.signed)}.cdx.json")


def reproducible_environment() -> None:
    """The same bytes from the same commit: every timestamp at the commit's time, and a
    fixed hash seed for PyInstaller (set sets and dicts ordered by hash)."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(project.source_date_epoch()))
    os.environ["PYTHONHASHSEED"] = "0"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clean", action="store_true",
                        help="empty PyInstaller's cache first (slower; after a dependency change)")
    args = parser.parse_args(argv)
    say(f"{project.APP_NAME} {project.version()} for {project.platform_tag()}")
    preflight()
    reproducible_environment()
    say(f"SOURCE_DATE_EPOCH={os.environ['SOURCE_DATE_EPOCH']} PYTHONHASHSEED=0")
    timings: dict[str, float] = {}
    started = time.perf_counter()
    pyinstaller(args.clean)
    check_notices()
    timings["pyinstaller"] = time.perf_counter() - started
    packaging = time.perf_counter()
    packaged = {"linux": package_linux, "windows": package_windows,
                "macos": package_macos}[project.system()]()
    timings["package"] = time.perf_counter() - packaging
    timings["total"] = time.perf_counter() - started
    publish_sbom(packaged)
    return report(packaged, timings)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
