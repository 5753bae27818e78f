"""Third-party notices and the SBOM (issue 21, point 1): build_specs/notices.py and
cyclonedx.py, on the real installed distributions and files of this environment.

The build runs :func:`notices.inventory` on every file the spec collects and stops on any
problem; ``build.py`` and tests/frozen run :func:`notices.bundle_problems` on the built app.
These tests show both fail where they must: a package without a licence file, a library
nobody accounts for, a version off the lock, a notice missing from the built app.
"""

from __future__ import annotations

import json
import shutil
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_specs"))
import cyclonedx  # noqa: E402
import notices  # noqa: E402

LOCK = ROOT / "requirements" / "build.txt"  # what the build environment is installed from
EPOCH = 1_796_696_972


def installed_file(distribution: str, suffix: str) -> tuple[str, str]:
    """``(dest, source)`` of a real file the distribution installed, ending in ``suffix``."""
    dist = metadata.distribution(distribution)
    for file in dist.files or ():
        if str(file).endswith(suffix):
            return str(file), str(dist.locate_file(file))
    raise AssertionError(f"{distribution} has no file ending in {suffix}")


def fake_distribution(tmp_path: Path, name: str, *, licence_file: bool) -> tuple[
        metadata.Distribution, Path]:
    """A distribution installed into ``tmp_path`` (METADATA, RECORD, one module)."""
    site = tmp_path / "site"
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    module = site / name / "__init__.py"
    module.parent.mkdir()
    module.write_text("", encoding="utf-8")
    lines = ["Metadata-Version: 2.4", f"Name: {name}", "Version: 1.0",
             "License-Expression: MIT"]
    record = [f"{name}/__init__.py,,", f"{name}-1.0.dist-info/METADATA,,"]
    if licence_file:
        (info / "licenses").mkdir()
        (info / "licenses" / "LICENSE").write_text("MIT licence of " + name, encoding="utf-8")
        lines.append("License-File: LICENSE")
        record.append(f"{name}-1.0.dist-info/licenses/LICENSE,,")
    (info / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (info / "RECORD").write_text("\n".join(record) + "\n", encoding="utf-8")
    return metadata.PathDistribution(info), module


# ---------------------------------------------------------------- every locked package
def test_every_package_the_lock_pins_for_this_platform_has_a_notice() -> None:
    pins = notices.locked_versions(LOCK)
    assert {"requests", "keyring", "pyside6-essentials", "certifi"} <= set(pins)
    checked = 0
    for name in sorted(pins):
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # not in this environment (the build installs the lock whole)
        problems: list[str] = []
        component = notices.python_package(dist, {name: dist.version}, problems)
        assert problems == [], name
        assert component.texts or component.shared, name
        assert component.licence, name
        checked += 1
    assert checked >= 15


def test_qt_for_python_gets_the_lgpl_and_a_pointer_to_the_sources() -> None:
    dist = metadata.distribution("PySide6_Essentials")
    component = notices.python_package(dist, {"pyside6-essentials": dist.version}, [])
    assert component.shared == ["LGPL-3.0", "GPL-3.0"]
    assert "used under LGPL-3.0-only" in component.licence
    assert f"tag v{dist.version}" in component.note and "download.qt.io" in component.note


def test_a_package_without_a_licence_file_stops_the_build(tmp_path: Path) -> None:
    dist, module = fake_distribution(tmp_path, "nolicence", licence_file=False)
    index = {str(Path(module).resolve()): dist}
    inv = notices.inventory([("nolicence (module)", str(module))], root=ROOT, lock=LOCK,
                            index=index)
    assert any("nolicence 1.0 has no licence file" in p for p in inv.problems)
    assert any("nolicence 1.0 is bundled but not pinned" in p for p in inv.problems)


def test_a_version_other_than_the_locked_one_stops_the_build(tmp_path: Path) -> None:
    dist, module = fake_distribution(tmp_path, "pinned", licence_file=True)
    lock = tmp_path / "lock.txt"
    lock.write_text("pinned==2.0 \\\n    --hash=sha256:00\n", encoding="utf-8")
    inv = notices.inventory([("pinned (module)", str(module))], root=ROOT, lock=lock,
                            index={str(Path(module).resolve()): dist}, bootloader=False)
    assert any("pinned 1.0 is installed but the lock pins 2.0" in p for p in inv.problems)
    component = inv.components["pkg:pypi/pinned@1.0"]
    assert component.texts == [("LICENSE", "MIT licence of pinned")]


def test_a_library_nobody_accounts_for_stops_the_build(tmp_path: Path) -> None:
    stray = tmp_path / "elsewhere" / "libmystery.so.1"
    stray.parent.mkdir()
    stray.write_bytes(b"\x7fELF")
    inv = notices.inventory([("libmystery.so.1", str(stray))], root=ROOT, lock=LOCK, index={},
                            bootloader=False)
    assert [p for p in inv.problems if "libmystery" in p] == [
        f"no notice for libmystery.so.1 (from {stray}): add a rule or a licence text in "
        "build_specs/notices.py"]


def test_our_own_files_need_no_notice_and_python_has_its_licence() -> None:
    ours = ROOT / "wolkvox_desktop" / "core" / "paths.py"
    stdlib = Path(sysconfig.get_paths()["stdlib"]) / "json" / "__init__.py"
    inv = notices.inventory([("wolkvox_desktop.core.paths (module)", str(ours)),
                             ("json (module)", str(stdlib)),
                             ("base_library.zip", str(ROOT / "build" / "base_library.zip"))],
                            root=ROOT, lock=LOCK, index={}, bootloader=False)
    assert inv.problems == []
    python = next(c for c in inv.components.values() if c.kind == "python")
    assert python.licence == "PSF-2.0" and "PYTHON SOFTWARE FOUNDATION" in python.texts[0][1]
    assert {"json (module)", "base_library.zip"} <= python.files
    assert not any("wolkvox_desktop" in f for c in inv.components.values() for f in c.files)


@pytest.mark.skipif(not (shutil.which("dpkg-query") and Path("/etc/debian_version").exists()),
                    reason="a Debian or Ubuntu system library")
def test_a_linux_system_library_carries_its_distributions_copyright() -> None:
    import ssl

    lib = Path(ssl._ssl.__file__)  # type: ignore[attr-defined]  # the _ssl module...
    libz = next(p for p in (Path("/usr/lib/x86_64-linux-gnu/libz.so.1"),
                            Path("/lib/x86_64-linux-gnu/libz.so.1"),
                            Path("/usr/lib/aarch64-linux-gnu/libz.so.1")) if p.exists())
    inv = notices.inventory([("libz.so.1", str(libz)), (lib.name, str(lib))], root=ROOT,
                            lock=LOCK, index={}, bootloader=False)
    assert inv.problems == []
    zlib = next(c for c in inv.components.values() if c.kind == "system-package")
    assert zlib.purl.startswith("pkg:deb/") and "zlib" in zlib.name
    assert "Jean-loup Gailly" in zlib.texts[0][1]


# ---------------------------------------------------------------- the files and the check
@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A fake app data folder holding real files at the places inventory says, and the
    notices and SBOM written for them."""
    entries = [installed_file("certifi", "cacert.pem"),
               installed_file("PySide6_Essentials", "libQt6Core.so.6")
               if sys.platform.startswith("linux") else installed_file("certifi", "core.py"),
               ("requests (module)", installed_file("requests", "api.py")[1])]
    inv = notices.inventory(entries, root=ROOT, lock=LOCK, bootloader=False)
    assert inv.problems == []
    data = tmp_path / "_internal"
    for dest, src in entries:
        if not dest.endswith(" (module)"):
            (data / dest).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, data / dest)
    notices.write(inv, data, app_name="Wolkvox Desktop", version="0.1.0",
                  platform_tag="linux-x86_64", timestamp=EPOCH)
    return data


def test_the_notices_name_each_part_with_its_licence_text(built: Path) -> None:
    text = (built / notices.NOTICES_NAME).read_text(encoding="utf-8")
    assert text.startswith("Third-party software in Wolkvox Desktop 0.1.0 (linux-x86_64)")
    for name in ("certifi", "requests", "Python"):
        assert f"\n{notices.RULE}\n{name} " in text
    assert "Mozilla Public License" in text  # certifi's own LICENSE file (MPL-2.0)
    if sys.platform.startswith("linux"):
        assert f"\n{notices.RULE}\nQt 6." in text and "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert notices.bundle_problems(built) == []


def test_the_sbom_is_cyclonedx_and_says_where_each_file_is(built: Path) -> None:
    bom = json.loads((built / notices.SBOM_NAME).read_text(encoding="utf-8"))
    assert (bom["bomFormat"], bom["specVersion"], bom["version"]) == ("CycloneDX", "1.6", 1)
    assert bom["metadata"]["timestamp"] == "2026-12-08T02:29:32Z"  # SOURCE_DATE_EPOCH
    assert bom["metadata"]["component"]["name"] == "Wolkvox Desktop"
    by_name = {c["name"]: c for c in bom["components"]}
    certifi = by_name["certifi"]
    assert certifi["purl"].startswith("pkg:pypi/certifi@")
    assert certifi["licenses"] == [{"expression": "MPL-2.0"}]
    assert certifi["evidence"]["occurrences"] == [{"location": "certifi/cacert.pem"}]
    refs = {c["bom-ref"] for c in bom["components"]}
    assert set(bom["dependencies"][0]["dependsOn"]) == refs


def test_the_same_inputs_make_the_same_sbom(built: Path, tmp_path: Path) -> None:
    inv = notices.inventory([installed_file("certifi", "cacert.pem")], root=ROOT, lock=LOCK,
                            bootloader=False)
    first = cyclonedx.bom(inv.ordered(), app_name="A", version="1", platform_tag="x",
                          timestamp=EPOCH)
    second = cyclonedx.bom(inv.ordered(), app_name="A", version="1", platform_tag="x",
                           timestamp=EPOCH)
    assert first == second
    assert first["serialNumber"].startswith("urn:uuid:")


def test_a_built_app_missing_a_notice_fails_the_check(built: Path) -> None:
    stray = built / "libstray.so.3"
    stray.write_bytes(b"\x7fELF")
    (built / "mystery-2.0.dist-info").mkdir()
    text = built / notices.NOTICES_NAME
    cut = text.read_text(encoding="utf-8").replace(f"\n{notices.RULE}\ncertifi ", "\ncertifi ")
    text.write_text(cut, encoding="utf-8")
    problems = notices.bundle_problems(built)
    assert "libstray.so.3 is bundled but no notice says where it comes from" in problems
    assert "mystery-2.0.dist-info is bundled but has no notice" in problems
    assert any(p.startswith(f"{notices.NOTICES_NAME} has no section for certifi") for p in problems)
    text.unlink()
    assert notices.bundle_problems(built) == [f"{text} is missing"]


def test_the_notices_may_sit_beside_the_executable(built: Path) -> None:
    (built / notices.NOTICES_NAME).replace(built.parent / notices.NOTICES_NAME)
    assert notices.bundle_problems(built) == []


@pytest.mark.parametrize(("name", "rule"), [
    ("libssl-3-x64.dll", "OpenSSL"), ("libcrypto.3.dylib", "OpenSSL"),
    ("libffi-8.dll", "libffi"), ("sqlite3.dll", "SQLite"), ("vcruntime140_1.dll",
                                                               "Microsoft C/C++ runtime"),
    ("Qt6Core.dll", "Qt"), ("libQt6Gui.so.6", "Qt"), ("libicuuc.so.73", "ICU"),
    ("python311.dll", None), ("libmystery.so", None),
])
def test_libraries_shipped_with_python_or_in_a_wheel_are_named(name: str, rule: str | None
                                                               ) -> None:
    found = notices.native_rule(name)
    assert (found.name if found else None) == rule
    if found and found.text:
        assert (notices.LICENSES / found.text).is_file()
