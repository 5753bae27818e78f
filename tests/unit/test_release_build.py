"""What a release build looks like (issue 21, points 2, 3, 5, 6 and 8), checked on Linux:
names that say "unsigned", the report and job summary, numeric Windows versions, Inno
Setup found wherever it is and too old refused, the installer script's directives, the
signature listing of PE files, the app's mutex, and archives that are the same bytes for
the same commit.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import sys
import tarfile
import time
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_specs"))
import project  # noqa: E402
import reproducible  # noqa: E402
import windows_tools  # noqa: E402

ISS = (ROOT / "build_specs" / "windows" / "installer.iss").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wolkvox_build_py_release",
                                                  ROOT / "build_specs" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- versions and names
@pytest.mark.parametrize(("version", "numeric"), [
    ("0.1.0", "0.1.0.0"), ("1.2.0rc1", "1.2.0.0"), ("1.2", "1.2.0.0"), ("2.0.0+local.7", "2.0.0.0"),
    ("1.2.3.4", "1.2.3.4"), ("1.2.3.4.5", "1.2.3.4"), ("v3.1.post2", "3.1.0.0"),
])
def test_windows_versions_are_numbers_only(version: str, numeric: str) -> None:
    assert project.numeric_version(version) == numeric


@pytest.mark.parametrize("bad", ["dev", "1.70000.0"])
def test_a_version_windows_cannot_hold_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        project.version_tuple(bad)


def test_an_unsigned_download_says_so_in_its_name(tmp_path: Path) -> None:
    stem = f"wolkvox-desktop-{project.version()}-{project.platform_tag()}"
    assert project.artifact_stem(signed=True) == stem
    assert project.artifact_stem(signed=False) == stem + "-unsigned"
    suffix = project.ARCHIVE_SUFFIX[project.system()]
    assert project.archive(signed=False, dist=tmp_path).name == f"{stem}-unsigned{suffix}"
    assert project.archive(dist=tmp_path).name == f"{stem}-unsigned{suffix}"  # none yet
    (tmp_path / f"{stem}{suffix}").write_bytes(b"signed")
    assert project.archive(dist=tmp_path).name == f"{stem}{suffix}"  # the one there is


def test_the_publisher_comes_from_the_projects_metadata() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'authors = [{{ name = "{project.publisher()}" }}]' in text
    assert project.version_strings("wolkvox.exe", "x")["CompanyName"] == project.publisher()


def test_the_app_and_the_installer_name_the_same_mutex() -> None:
    from wolkvox_desktop.gui import windows_shell

    assert windows_shell.APP_MUTEX == project.APP_MUTEX
    assert f'#define AppMutex "{project.APP_MUTEX}"' in ISS
    assert windows_shell.hold_app_mutex() is (sys.platform == "win32")


# ---------------------------------------------------------------- the installer script
def test_the_installer_script_needs_inno_setup_6_3_and_says_so() -> None:
    check = ISS[ISS.index("#if Ver < EncodeVer(6,3,0)"):]
    assert check.splitlines()[1].strip().startswith("#error Inno Setup 6.3 or later")
    assert "x64compatible" in ISS  # what needs 6.3


@pytest.mark.parametrize("directive", [
    "AppPublisher={#AppPublisher}", "VersionInfoVersion={#AppVersionNumeric}",
    "VersionInfoTextVersion={#AppVersion}", "AppMutex={#AppMutex}", "MinVersion=10.0.17763",
    "InfoBeforeFile={#NoticesFile}", "CloseApplications=yes", "RestartApplications=no",
])
def test_the_installer_script_sets(directive: str) -> None:
    assert f"\n{directive}\n" in ISS


def test_no_comment_says_the_installer_reopens_the_app() -> None:
    assert "reopen it after" not in ISS
    assert "NOT reopened afterwards (RestartApplications=no)" in ISS


def test_build_py_hands_the_installer_its_values(build: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "wolkvox-desktop-1.2.0rc1-windows-x64-unsigned-setup.exe"
    defines = build.installer_defines(tmp_path / "app", out)
    values = dict(d[2:].split("=", 1) for d in defines)
    assert values["AppVersionNumeric"] == project.numeric_version()
    assert values["AppPublisher"] == project.publisher()
    assert values["AppMutex"] == project.APP_MUTEX
    assert values["OutputBaseFilename"] == "wolkvox-desktop-1.2.0rc1-windows-x64-unsigned-setup"
    assert values["NoticesFile"].endswith("THIRD-PARTY-NOTICES.txt")


# ---------------------------------------------------------------- Inno Setup and PE files
def test_inno_setup_is_found_wherever_it_is_installed(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no iscc on PATH
    program_files = tmp_path / "Program Files (x86)"
    for folder in ("Inno Setup 6", "Inno Setup 7"):
        (program_files / folder).mkdir(parents=True)
        (program_files / folder / "ISCC.exe").write_bytes(b"MZ")
    found = windows_tools.find_iscc({"ProgramFiles(x86)": str(program_files)})
    assert found is not None and Path(found[0]).parent.name == "Inno Setup 7"
    local = tmp_path / "Local" / "Programs" / "Inno Setup 6"
    local.mkdir(parents=True)
    (local / "ISCC.exe").write_bytes(b"MZ")
    found = windows_tools.find_iscc({"LOCALAPPDATA": str(tmp_path / "Local")})
    assert found is not None and Path(found[0]) == local / "ISCC.exe"
    assert windows_tools.find_iscc({}) is None


@pytest.mark.parametrize(("version", "too_old"), [
    ("6.2.2", True), ("5.6.1", True), ("6.3.0", False), ("6.4.3", False), ("7.0.0", False),
    ("", False),  # unknown: the script's own #if Ver check decides
])
def test_an_inno_setup_older_than_6_3_is_refused(version: str, too_old: bool) -> None:
    assert (windows_tools.inno_problem(version) is not None) is too_old


def test_pe_files_are_listed_with_their_signature_state(tmp_path: Path) -> None:
    app = tmp_path / "wolkvox-desktop"
    rows = [{"path": str(app / "wolkvox-desktop.exe"), "status": "Valid",
             "signer": "CN=Wolkvox Desktop"},
            {"path": str(app / "_internal" / "python311.dll"), "status": "NotSigned",
             "signer": None},
            {"path": str(app / "_internal" / "PySide6" / "Qt6Core.dll"), "status": "Valid",
             "signer": "CN=The Qt Company Oy"},
            {"path": str(app / "_internal" / "_ssl.pyd"), "status": "NotSigned", "signer": ""}]
    states = windows_tools.parse_states(json.dumps(rows), app)
    assert windows_tools.to_sign(states) == ["_internal/_ssl.pyd", "_internal/python311.dll"]
    table = windows_tools.state_table(states)
    assert table[0] == "PE files: 2 NotSigned, 2 Valid"
    assert any("Qt6Core.dll" in line and "The Qt Company" in line for line in table)
    one = windows_tools.parse_states(json.dumps(rows[0]), app)  # PowerShell: one object
    assert list(one) == ["wolkvox-desktop.exe"]
    assert [len(b) for b in windows_tools.batches([str(n) for n in range(95)], 40)] == [40, 40, 15]


# ---------------------------------------------------------------- signed or saying so
def test_the_report_and_job_summary_say_unsigned(build: ModuleType, tmp_path: Path) -> None:
    archive = tmp_path / "wolkvox-desktop-0.1.0-windows-x64-unsigned-setup.exe"
    packaged = build.Packaged(archive, signed=False, notarized=None)
    words = build.signing_words(packaged)
    data = {"version": "0.1.0", "platform": "windows-x64", "archive": archive.name,
            "signed": False, "notarized": None, "signing": words,
            "pe_files": {"a.dll": {"status": "NotSigned"}, "b.exe": {"status": "NotSigned"}}}
    summary = build.job_summary(data)
    assert "| signed | False |" in summary and "**Unsigned build**" in summary
    assert "PE files by signature state: 2 NotSigned" in summary
    signed = build.Packaged(archive, signed=True, notarized=False)
    if project.system() != "linux":
        assert build.signing_words(signed) == "signed, NOT notarized"
    assert "Unsigned build" not in build.job_summary({**data, "signed": True})


# ---------------------------------------------------------------- the same bytes
def make_tree(folder: Path, when: float) -> None:
    (folder / "_internal" / "lib").mkdir(parents=True)
    for rel, body in (("wolkvox-desktop", b"\x7fELF exe"), ("_internal/lib/b.so", b"b"),
                      ("_internal/a.txt", b"a"), ("notes.txt", b"n")):
        path = folder / rel
        path.write_bytes(body)
        os.utime(path, (when, when))
    (folder / "wolkvox-desktop").chmod(0o755)
    (folder / "notes.txt").chmod(0o600)
    (folder / "wolkvox").symlink_to("wolkvox-desktop")


def test_the_archive_is_the_same_bytes_whatever_the_files_times(build: ModuleType,
                                                                 tmp_path: Path) -> None:
    epoch = 1_796_696_972
    make_tree(tmp_path / "one", time.time() - 3600)
    make_tree(tmp_path / "two", time.time())
    build.write_tar(tmp_path / "one", "wolkvox-desktop", tmp_path / "one.tar.gz", epoch)
    time.sleep(1.1)  # a gzip header holding the current time would now differ
    build.write_tar(tmp_path / "two", "wolkvox-desktop", tmp_path / "two.tar.gz", epoch)
    assert (tmp_path / "one.tar.gz").read_bytes() == (tmp_path / "two.tar.gz").read_bytes()
    with gzip.open(tmp_path / "one.tar.gz") as gz:
        gz.read(1)  # the header is read with the first bytes
        assert gz.mtime == epoch  # type: ignore[attr-defined]
    with tarfile.open(tmp_path / "one.tar.gz") as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names[0] == "wolkvox-desktop" and names[1:] == sorted(names[1:])
    assert {(m.uid, m.gid, m.uname, m.gname, m.mtime) for m in members} == {(0, 0, "", "", epoch)}
    modes = {m.name.split("/")[-1]: m.mode for m in members if not m.issym()}
    assert modes["wolkvox-desktop"] == 0o755 and modes["notes.txt"] == 0o644
    assert next(m for m in members if m.name.endswith("/wolkvox")).linkname == "wolkvox-desktop"


def test_the_build_fixes_the_hash_seed_and_the_time(build: ModuleType,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    build.reproducible_environment()
    assert os.environ["PYTHONHASHSEED"] == "0"
    assert os.environ["SOURCE_DATE_EPOCH"] == str(project.source_date_epoch())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert project.source_date_epoch() == 1_700_000_000


def test_two_manifests_are_compared_file_by_file() -> None:
    first = ["aa  dist/x.tar.gz", "bb  dist/app/one", "cc  dist/app/two"]
    second = ["aa  dist/x.tar.gz", "bX  dist/app/one", "dd  dist/app/three"]
    assert reproducible.compare(first, first) == []
    assert reproducible.compare(first, second) == [
        "dist/app/one: bb != bX", "dist/app/three: (missing) != dd",
        "dist/app/two: cc != (missing)"]


def test_ci_names_its_inno_setup_outright(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    pinned = tmp_path / "InnoSetup7" / "ISCC.exe"
    found = windows_tools.find_iscc({"WOLKVOX_ISCC": str(pinned),
                                     "ProgramFiles(x86)": str(tmp_path / "elsewhere")})
    assert found is not None and found[0] == str(pinned)


def test_the_sbom_is_published_beside_the_download(build: ModuleType, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "wolkvox-desktop.cdx.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(build, "DIST", tmp_path)
    monkeypatch.setattr(build, "data_root", lambda: data)
    (tmp_path / "wolkvox-desktop-0.0.1-old.cdx.json").write_text("{}", encoding="utf-8")
    build.publish_sbom(build.Packaged(tmp_path / "x", signed=False, notarized=None))
    assert [p.name for p in tmp_path.glob("*.cdx.json")] == [
        f"{project.artifact_stem(signed=False)}.cdx.json"]
