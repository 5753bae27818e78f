"""Third-party notices and the bill of materials, from what a build actually bundles.

The PyInstaller spec hands :func:`inventory` every file it is about to collect (each with
the file it comes from). Each one is traced to where its licence is written down:

1. a Python distribution that installed it (its ``RECORD``): the distribution's own licence
   files from its installed metadata (``License-File``, PEP 639), its declared licence,
   and its version, which must be the one pinned in ``requirements/build.txt`` (the lock
   the build environment is installed from);
2. the Python installation itself (standard library, ``libpython``, extension modules):
   the interpreter's own ``LICENSE.txt`` (PSF);
3. on Linux, a system library (``/usr/lib``, ``/lib``): the Debian/Ubuntu package that
   installed it (``dpkg -S``), with its ``/usr/share/doc/<package>/copyright`` and the
   common licence texts that file points to;
4. a library shipped inside a wheel or with Python that carries its own licence (Qt, ICU,
   OpenSSL, libffi, SQLite, zlib, the Microsoft C runtime): :data:`NATIVE_RULES`, with
   the texts in ``build_specs/licenses/``.

A file none of these explains is a problem: the build stops and names it (add a rule
here, or a licence text to ``licenses/``). Our own files (this repository) need no notice.

:func:`write` puts ``THIRD-PARTY-NOTICES.txt`` (people) and ``wolkvox-desktop.cdx.json``
(CycloneDX 1.6, machines; :mod:`cyclonedx`) into a folder the spec collects; the app's
About dialog shows the first; ``build.py`` and ``tests/frozen`` check both in the built
app (:func:`bundle_problems`). Standard library plus ``packaging`` (PyInstaller's own
dependency); unit-tested on Linux (``tests/unit/test_notices.py``).
"""

from __future__ import annotations

import hashlib
import os
import platform
import re
import subprocess
import sys
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
LICENSES = HERE / "licenses"
NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"
SBOM_NAME = "wolkvox-desktop.cdx.json"
OUR_DISTRIBUTION = "wolkvox-desktop"
COMMON_LICENCES = Path("/usr/share/common-licenses")


@dataclass
class Component:
    """One thing a notice is owed to: a Python distribution, Python, a library."""

    key: str  # stable identity (the SBOM's bom-ref): a purl
    name: str
    version: str
    kind: str  # "python-package", "python", "native", "system-package"
    licence: str  # what it is licensed under, as declared (SPDX where possible)
    spdx: bool  # ``licence`` is an SPDX expression
    texts: list[tuple[str, str]] = field(default_factory=list)  # (title, text)
    shared: list[str] = field(default_factory=list)  # names of texts in the appendix
    note: str = ""
    website: str = ""
    purl: str = ""
    files: set[str] = field(default_factory=set)  # where in the bundle


@dataclass
class Inventory:
    components: dict[str, Component] = field(default_factory=dict)
    shared: dict[str, str] = field(default_factory=dict)  # appendix: name -> text
    problems: list[str] = field(default_factory=list)

    def add(self, component: Component, dest: str) -> Component:
        found = self.components.setdefault(component.key, component)
        found.files.add(dest)
        return found

    def ordered(self) -> list[Component]:
        order = {"python": 0, "python-package": 1, "native": 2, "system-package": 3}
        return sorted(self.components.values(),
                      key=lambda c: (order.get(c.kind, 9), c.name.lower(), c.key))


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def stored(name: str) -> str:
    return (LICENSES / name).read_text(encoding="utf-8")


# --- the lock ----------------------------------------------------------------------------

def locked_versions(lock: Path, environment: dict[str, str] | None = None) -> dict[str, str]:
    """``name -> version`` pinned in a uv/pip-compile lock, for this platform's markers."""
    from packaging.markers import Marker

    pins: dict[str, str] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$",
                         line)
        if not match:
            continue
        name, version, marker = match.groups()
        if marker and not Marker(marker).evaluate(environment):
            continue
        pins[canonical(name)] = version
    return pins


# --- Python distributions ----------------------------------------------------------------

# Distributions whose wheels carry no licence file, and what the notice says instead.
QT_SOURCES = ("Sources: Qt {version} https://download.qt.io/official_releases/qt/ and "
              "https://code.qt.io/cgit/qt/ (tag v{version}); Qt for Python (PySide6, "
              "shiboken6) https://download.qt.io/official_releases/QtForPython/ and "
              "https://code.qt.io/cgit/pyside/pyside-setup.git/ (tag v{version}). "
              "Ask the publisher of this app for a copy if these are unavailable.")
QT_NOTE = (
    "Qt for Python and the Qt libraries are used under the GNU Lesser General Public "
    "License version 3 (LGPL-3.0-only; the texts of the LGPL and of the GPL it builds on "
    "are in the appendix). The Qt and PySide6 libraries are shipped as separate, "
    "unmodified shared libraries (the app's _internal folder; Contents/Frameworks on "
    "macOS): you may replace them with your own build of the same version. On Linux the "
    "ICU data library (libicudata) is rebuilt with the English and Spanish locale data "
    "only (build_specs/icu_trim.py in the app's sources). "
    "Qt includes third-party code, listed at https://doc.qt.io/qt-6/licenses-used-in-qt.html. "
    + QT_SOURCES)
NO_LICENCE_FILE = {
    "pyside6-essentials": ("LGPL-3.0-only", ["LGPL-3.0", "GPL-3.0"], QT_NOTE),
    "shiboken6": ("LGPL-3.0-only", ["LGPL-3.0", "GPL-3.0"], QT_NOTE),
}
# SPDX identifiers an older ``License:`` field often holds (a name, not an expression, else).
KNOWN_SPDX = frozenset({"MIT", "MIT-0", "ISC", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause",
                        "MPL-2.0", "PSF-2.0", "Zlib", "Unlicense", "LGPL-3.0-only",
                        "LGPL-3.0-or-later", "GPL-2.0-or-later", "GPL-3.0-only"})
LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)


def record_index() -> dict[str, metadata.Distribution]:
    """Every installed file (real path) -> the distribution that installed it."""
    index: dict[str, metadata.Distribution] = {}
    for dist in metadata.distributions():
        for file in dist.files or ():
            try:
                path = os.path.realpath(dist.locate_file(file))  # type: ignore[arg-type]
            except (OSError, ValueError):
                continue
            index.setdefault(os.path.normcase(path), dist)
    return index


def declared_licence(dist: metadata.Distribution) -> tuple[str, bool]:
    meta = dist.metadata
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression, True
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 200:
        return text, text in KNOWN_SPDX  # older metadata: an SPDX id there is still one
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return (" / ".join(classifiers) or "see the licence text"), False


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """The licence files a distribution installed with its metadata."""
    texts: list[tuple[str, str]] = []
    for name in dist.metadata.get_all("License-File") or []:
        for candidate in (f"licenses/{name}", name):
            text = dist.read_text(candidate)
            if text:
                texts.append((name, text))
                break
    if texts:
        return texts
    for file in dist.files or ():
        if file.parent.name.endswith(".dist-info") and LICENCE_FILE.match(file.name):
            text = file.read_text(encoding="utf-8")
            if text.strip():
                texts.append((file.name, text))
    return texts


def website(dist: metadata.Distribution) -> str:
    urls = dict(u.split(",", 1) for u in dist.metadata.get_all("Project-URL") or [] if "," in u)
    for key in ("Source", "Source Code", "Repository", "Homepage", "Home"):
        for label, url in urls.items():
            if label.strip().lower() == key.lower():
                return url.strip()
    return (dist.metadata.get("Home-page") or "").strip()


def python_package(dist: metadata.Distribution, pins: dict[str, str],
                   problems: list[str]) -> Component:
    name = dist.metadata["Name"]
    version = dist.version
    key = canonical(name)
    pinned = pins.get(key)
    if pinned is None:
        problems.append(f"{name} {version} is bundled but not pinned in the lock "
                        "(requirements/build.txt): re-lock (python dev.py lock)")
    elif pinned != version:
        problems.append(f"{name} {version} is installed but the lock pins {pinned}: "
                        "reinstall the build environment from requirements/build.txt")
    licence, spdx = declared_licence(dist)
    texts = licence_texts(dist)
    shared: list[str] = []
    note = ""
    if key in NO_LICENCE_FILE:
        licence_used, shared, note = NO_LICENCE_FILE[key]
        if licence_used != licence:
            licence = f"{licence} (used under {licence_used})" if licence else licence_used
            spdx = False
        note = note.format(version=version)
    if not texts and not shared:
        problems.append(f"{name} {version} has no licence file in its metadata and no "
                        "notice in build_specs/notices.py (NO_LICENCE_FILE)")
    return Component(key=f"pkg:pypi/{key}@{version}", name=name, version=version,
                     kind="python-package", licence=licence, spdx=spdx, texts=texts,
                     shared=shared, note=note, website=website(dist),
                     purl=f"pkg:pypi/{key}@{version}")


# --- Python itself -----------------------------------------------------------------------

def python_licence_file() -> Path | None:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for candidate in (stdlib / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt",
                      Path(sys.base_prefix) / "LICENSE"):
        if candidate.is_file():
            return candidate
    return None


def python_component(problems: list[str]) -> Component:
    version = platform.python_version()
    licence = python_licence_file()
    texts = [("LICENSE.txt", licence.read_text(encoding="utf-8"))] if licence else []
    if not texts:
        problems.append(f"Python's LICENSE.txt is not in {sys.base_prefix}: build with a "
                        "complete Python installation")
    short = ".".join(version.split(".")[:2])
    release = version.replace(".", "")
    return Component(
        key=f"pkg:generic/python@{version}", name="Python", version=version, kind="python",
        licence="PSF-2.0", spdx=True, texts=texts, website="https://www.python.org/",
        purl=f"pkg:generic/python@{version}",
        note=("The interpreter, its standard library and extension modules. Python's "
              "standard library includes third-party code (expat, libmpdec, HACL* and "
              "others), whose licences are listed at https://docs.python.org/"
              f"{short}/license.html#licenses-and-acknowledgements-for-incorporated-software. "
              f"Sources: https://www.python.org/downloads/release/python-{release}/"))


# --- libraries with their own licence (inside a wheel, or shipped with Python) -----------

@dataclass(frozen=True)
class NativeRule:
    pattern: str  # regular expression on the file name
    name: str
    licence: str
    spdx: bool
    text: str | None  # a file in build_specs/licenses/
    shared: tuple[str, ...] = ()
    note: str = ""
    website: str = ""


NATIVE_RULES = (
    NativeRule(r"^(lib)?Qt6\w+(\.so(\.\d+)*|\.dll|\.dylib)$|^Qt\w+$", "Qt",
               "LGPL-3.0-only", True, None, ("LGPL-3.0", "GPL-3.0"), QT_NOTE,
               "https://www.qt.io/"),
    NativeRule(r"^libicu(data|i18n|uc)\.so\.\d+", "ICU", "Unicode-DFS-2016 AND ICU", True,
               "ICU.txt", website="https://icu.unicode.org/"),
    NativeRule(r"^lib(ssl|crypto)(-3(-x64|-arm64)?\.dll|\.3\.dylib|\.so\.3)$", "OpenSSL",
               "Apache-2.0", True, "OpenSSL.txt", ("Apache-2.0",),
               website="https://www.openssl.org/"),
    NativeRule(r"^libffi([-.]\d+)*\.(dll|dylib)$", "libffi", "MIT", True, "libffi.txt",
               website="https://sourceware.org/libffi/"),
    NativeRule(r"^(lib)?sqlite3([-.]\d+)*\.(dll|dylib)$", "SQLite", "blessing", True,
               "SQLite.txt", website="https://www.sqlite.org/"),
    NativeRule(r"^(zlib1?|libz)([-.]\d+)*\.(dll|dylib)$", "zlib", "Zlib", True, "zlib.txt",
               website="https://zlib.net/"),
    NativeRule(r"^(vcruntime\d+(_\d+)?|msvcp\d+(_\w+)?|concrt\d+|ucrtbase|"
               r"api-ms-win-[\w-]+)\.dll$", "Microsoft C/C++ runtime",
               "LicenseRef-Microsoft-Visual-Studio-Distributable-Code", True,
               "msvc-runtime.txt"),
)


def native_rule(file_name: str) -> NativeRule | None:
    for rule in NATIVE_RULES:
        if re.search(rule.pattern, file_name, re.IGNORECASE):
            return rule
    return None


def native_component(rule: NativeRule, file_name: str, qt_version: str) -> Component:
    if rule.name == "Qt":
        version = qt_version
    elif rule.name == "ICU":
        version = re.search(r"\.so\.(\d+)", file_name).group(1)  # type: ignore[union-attr]
    elif rule.name == "OpenSSL":
        import ssl

        version = ssl.OPENSSL_VERSION.split()[1]  # the library Python's _ssl links
    else:
        version = ""
    slug = canonical(rule.name.split("/")[0].split(" ")[0])
    purl = f"pkg:generic/{slug}@{version}" if version else f"pkg:generic/{slug}"
    texts = [(rule.text, stored(rule.text))] if rule.text else []
    return Component(key=purl, name=rule.name, version=version, kind="native",
                     licence=rule.licence, spdx=rule.spdx, texts=texts,
                     shared=list(rule.shared), note=rule.note.format(version=version),
                     website=rule.website, purl=purl)


# --- Linux system libraries (Debian / Ubuntu) --------------------------------------------

def _dpkg(args: list[str]) -> str:
    try:
        proc = subprocess.run(["dpkg-query", *args], capture_output=True, text=True,
                              timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return proc.stdout if proc.returncode == 0 else ""


def deb_package(path: str) -> str | None:
    """The Debian package that installed ``path`` (``/lib`` and ``/usr/lib`` alike)."""
    real = os.path.realpath(path)
    candidates = {path, real}
    for p in list(candidates):
        if p.startswith("/usr/lib/"):
            candidates.add(p[4:])
        elif p.startswith("/lib/"):
            candidates.add("/usr" + p)
    for candidate in sorted(candidates):
        out = _dpkg(["-S", candidate])
        if out:
            return out.split(":", 1)[0].split(",")[0].strip()
    return None


def deb_component(package: str, shared: dict[str, str],
                  problems: list[str]) -> Component | None:
    fields = _dpkg(["-W", "-f", "${Version}\t${Architecture}\t${Homepage}", package])
    version, arch, homepage = ([*fields.split("\t"), "", "", ""])[:3]
    copyright_file = Path("/usr/share/doc") / package.split(":")[0] / "copyright"
    if not copyright_file.is_file():
        problems.append(f"system package {package} has no {copyright_file}")
        return None
    text = copyright_file.read_text(encoding="utf-8", errors="replace")
    licence = "see the copyright file"
    for match in re.finditer(r"(?ms)^Files:\s*\*\s*$.*?^License:\s*(.+?)\s*$", text):
        licence = match.group(1)
        break
    names: list[str] = []
    for ref in re.finditer(r"/usr/share/common-licenses/(\{[^}]+\}|[A-Za-z0-9.+-]+)", text):
        group = ref.group(1).strip("{}").rstrip(".")
        for name in group.split(","):
            name = name.strip().rstrip(".'`")
            if name and (COMMON_LICENCES / name).is_file() and name not in names:
                names.append(name)
    for name in names:
        shared.setdefault(f"{name} (Debian common-licenses)",
                          (COMMON_LICENCES / name).read_text(encoding="utf-8", errors="replace"))
    distro = _os_release_id()
    purl = f"pkg:deb/{distro}/{package.split(':')[0]}@{version}?arch={arch}"
    return Component(key=purl, name=package.split(":")[0], version=version,
                     kind="system-package", licence=licence, spdx=False,
                     texts=[(str(copyright_file), text)],
                     shared=[f"{n} (Debian common-licenses)" for n in names],
                     note=f"From the {distro} package {package.split(':')[0]} of the build "
                          "machine; its sources are in that distribution's archive.",
                     website=homepage.strip(), purl=purl)


def _os_release_id() -> str:
    try:
        text = Path("/etc/os-release").read_text(encoding="utf-8")
    except OSError:
        return "debian"
    match = re.search(r"(?m)^ID=\"?([\w.-]+)\"?$", text)
    return match.group(1) if match else "debian"


# --- the inventory -----------------------------------------------------------------------

def _under(path: str, folders: Iterable[str]) -> bool:
    return any(path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in folders if f)


def inventory(entries: Iterable[tuple[str, str]], *, root: Path, lock: Path,
              index: dict[str, metadata.Distribution] | None = None,
              bootloader: bool = True) -> Inventory:
    """What ``entries`` (``(dest in the bundle, source file)``) owe notices to.

    ``root``: this repository (our own files need none). ``lock``: the pins every bundled
    distribution must match. ``bootloader``: add PyInstaller's notice (every executable
    is its bootloader). Problems (a file without a notice, a version off the lock) are in
    ``Inventory.problems``: the caller fails the build on them.
    """
    inv = Inventory()
    pins = locked_versions(lock)
    index = record_index() if index is None else index
    try:
        qt_version = metadata.version("PySide6_Essentials")  # Qt for Python = Qt's version
    except metadata.PackageNotFoundError:
        qt_version = ""
    python = python_component(inv.problems)
    python_prefixes = {os.path.realpath(p) for p in (sys.base_prefix, sys.base_exec_prefix,
                                                     sysconfig.get_paths()["stdlib"])}
    ours = os.path.realpath(root)
    packages: dict[str, Component] = {}
    for dest, src in entries:
        real = os.path.normcase(os.path.realpath(src))
        name = os.path.basename(dest)
        dist = index.get(real)
        rule = native_rule(name)
        if dest == "base_library.zip":  # PyInstaller's archive of the standard library
            inv.add(python, dest)
        elif dist is not None and canonical(dist.metadata["Name"]) != OUR_DISTRIBUTION:
            key = canonical(dist.metadata["Name"])
            if key not in packages:
                packages[key] = python_package(dist, pins, inv.problems)
            inv.add(packages[key], dest)
            if rule:
                inv.add(native_component(rule, name, qt_version), dest)
        elif dist is not None or (_under(real, [ours]) and not _under(real, python_prefixes)
                                  and "site-packages" not in Path(real).parts):
            continue  # ours: this repository (not a virtualenv in it), or our distribution
        elif _under(real, python_prefixes):
            inv.add(python, dest)
            if rule:
                inv.add(native_component(rule, name, qt_version), dest)
        elif sys.platform.startswith("linux") and (package := deb_package(src)):
            component = deb_component(package, inv.shared, inv.problems)
            if component is not None:
                inv.add(component, dest)
        else:
            inv.problems.append(f"no notice for {dest} (from {src}): add a rule or a "
                                "licence text in build_specs/notices.py")
    if bootloader:  # the executables are PyInstaller's bootloader with the app appended
        _add_bootloader(inv, pins)
    inv.add(python, "(interpreter)")
    for component in inv.components.values():
        for name in component.shared:
            if name not in inv.shared:
                inv.shared[name] = stored(f"{name}.txt")
    return inv


def _add_bootloader(inv: Inventory, pins: dict[str, str]) -> None:
    try:
        pyinstaller = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        inv.problems.append("PyInstaller is not installed: its bootloader's notice is missing")
        return
    component = python_package(pyinstaller, pins, inv.problems)
    component.note = ("Every executable of this app is PyInstaller's bootloader with the app "
                      "appended; the bootloader is distributed under the GPL with the "
                      "bootloader exception (see its licence).")
    inv.add(component, "(executables)")


# --- output ------------------------------------------------------------------------------

RULE = "=" * 78


def _key(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def render(inv: Inventory, *, app_name: str, version: str, platform_tag: str) -> str:
    """The notices as text: a contents list, a section per component (its licence, where
    it comes from, its own licence files), then the shared licence texts. A text that
    appears more than once is written once and referred to after that."""
    appendix: dict[str, list[str]] = {}  # text key -> names (GPL-3.0, GPL (Debian)...)
    texts: dict[str, str] = {}
    for name in sorted(inv.shared):
        key = _key(inv.shared[name])
        appendix.setdefault(key, []).append(name)
        texts.setdefault(key, inv.shared[name])
    title = {name: " = ".join(names) for names in appendix.values() for name in names}
    lines = [
        f"Third-party software in {app_name} {version} ({platform_tag})",
        RULE,
        "",
        f"{app_name} is built with the software listed here; each part keeps its own",
        "licence, whose text follows. This file was written by the build from the files",
        f"the app actually contains; {SBOM_NAME} lists the same parts in CycloneDX format",
        "for software inventories.",
        "",
        "Contents:",
    ]
    components = inv.ordered()
    for c in components:
        lines.append(f"  - {c.name} {c.version}".rstrip() + f" — {c.licence}")
    written: dict[str, str] = {}  # text key -> where it was written first
    for c in components:
        header = f"{c.name} {c.version}".rstrip()
        lines += ["", "", RULE, header, RULE, f"Licence: {c.licence}"]
        if c.website:
            lines.append(f"Website: {c.website}")
        if c.purl:
            lines.append(f"Package: {c.purl}")
        count = len([f for f in c.files if not f.startswith("(")])
        if count:
            lines.append(f"Files in this app: {count}")
        if c.note:
            lines += ["", *_wrap(c.note)]
        if c.shared:
            shown = dict.fromkeys(title.get(n, n) for n in c.shared)
            lines += ["", "Licence texts (in the appendix): " + "; ".join(shown)]
        for name, text in c.texts:
            key = _key(text)
            if key in appendix:
                lines += ["", f"--- {name}: the text of {title[appendix[key][0]]} "
                          "(in the appendix) ---"]
            elif key in written:
                lines += ["", f"--- {name}: the same text as {written[key]} ---"]
            else:
                written[key] = f"{name} of {header}"
                lines += ["", f"--- {name} ---", "", text.rstrip()]
    if appendix:
        lines += ["", "", RULE, "Appendix: licence texts", RULE]
        for key, names in sorted(appendix.items(), key=lambda kv: kv[1][0].lower()):
            lines += ["", f"--- {' = '.join(names)} ---", "", texts[key].rstrip()]
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int = 78) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=width, break_on_hyphens=False, break_long_words=False)


def write(inv: Inventory, folder: Path, *, app_name: str, version: str,
          platform_tag: str, timestamp: int) -> tuple[Path, Path]:
    """Write the notices and the SBOM into ``folder``; return their paths."""
    import json

    import cyclonedx

    folder.mkdir(parents=True, exist_ok=True)
    notices = folder / NOTICES_NAME
    notices.write_text(render(inv, app_name=app_name, version=version,
                              platform_tag=platform_tag), encoding="utf-8", newline="\n")
    bom = cyclonedx.bom(inv.ordered(), app_name=app_name, version=version,
                        platform_tag=platform_tag, timestamp=timestamp)
    sbom = folder / SBOM_NAME
    sbom.write_text(json.dumps(bom, indent=2, ensure_ascii=False) + "\n", encoding="utf-8",
                    newline="\n")
    return notices, sbom


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the check of a built app ------------------------------------------------------------

SHARED_LIBRARY = re.compile(r"\.(so(\.\d+)*|dll|pyd|dylib)$", re.IGNORECASE)


def _code_folders(data_root: Path) -> list[Path]:
    """Where the libraries are: the data folder itself, and on macOS the bundle's
    ``Contents/Frameworks`` beside ``Contents/Resources``."""
    frameworks = data_root.parent / "Frameworks"
    return [data_root, frameworks] if data_root.name == "Resources" and frameworks.is_dir() \
        else [data_root]

def bundle_problems(data_root: Path) -> list[str]:
    """What is wrong with the notices in a built app's data folder (``_internal``, or
    ``Contents/Resources`` on macOS): both files there (the notices may be one folder up,
    beside the executable), the SBOM readable CycloneDX, every
    SBOM component with its section in the notices, every bundled ``*.dist-info`` and
    every library a rule names covered, Qt's LGPL text present when Qt is."""
    import json

    notices, sbom = data_root / NOTICES_NAME, data_root / SBOM_NAME
    if not notices.is_file() and (data_root.parent / NOTICES_NAME).is_file():
        notices = data_root.parent / NOTICES_NAME  # beside the executable (Linux, Windows)
    problems = [f"{p} is missing" for p in (notices, sbom) if not p.is_file()]
    if problems:
        return problems
    text = notices.read_text(encoding="utf-8")
    try:
        bom = json.loads(sbom.read_text(encoding="utf-8"))
    except ValueError as exc:
        return [f"{sbom.name} is not JSON: {exc}"]
    if bom.get("bomFormat") != "CycloneDX" or bom.get("specVersion") != "1.6":
        problems.append(f"{sbom.name} is not CycloneDX 1.6")
    components = bom.get("components") or []
    if not components:
        problems.append(f"{sbom.name} lists no components")
    names = set()
    for c in components:
        header = f"{c.get('name', '')} {c.get('version', '')}".rstrip()
        names.add(canonical(str(c.get("name", ""))))
        if not c.get("licenses"):
            problems.append(f"{sbom.name}: {header} has no licence")
        if f"\n{RULE}\n{header}\n{RULE}\n" not in text:
            problems.append(f"{notices.name} has no section for {header}")
    for info in sorted(data_root.rglob("*.dist-info")):
        dist = canonical(re.sub(r"-[^-]+\.dist-info$", "", info.name))
        if dist != OUR_DISTRIBUTION and dist not in names:
            problems.append(f"{info.name} is bundled but has no notice")
    located = {str(o.get("location", "")).replace("\\", "/")
               for c in components for o in (c.get("evidence") or {}).get("occurrences", [])}
    for folder in _code_folders(data_root):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
            rel = path.relative_to(folder).as_posix().replace("__dot__", ".")
            if not SHARED_LIBRARY.search(path.name) or rel in located:
                continue
            rule = native_rule(path.name)
            if rule and canonical(rule.name) in names:
                continue
            problems.append(f"{rel} is bundled but no notice says where it comes from")
    if "python" not in names:
        problems.append("Python has no notice")
    if "qt" in names and "GNU LESSER GENERAL PUBLIC LICENSE" not in text:
        problems.append("Qt is bundled but the LGPL text is not in the notices")
    return problems
