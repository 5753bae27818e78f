"""macOS: the bundle holds one program image; ``wolkvox`` is a link to it
(build_specs/one_image.py; build.py runs it on the built bundle and fails on a problem).
Checked here on bundles made of files, as build.py finds them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_specs"))
import one_image  # noqa: E402
import project  # noqa: E402

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links, POSIX modes")


def bundle(tmp_path: Path, *executables: str) -> Path:
    app = tmp_path / f"{project.APP_NAME}.app"
    macos = app / "Contents" / "MacOS"
    macos.mkdir(parents=True)
    for name in executables:
        (macos / name).write_bytes(b"\xcf\xfa\xed\xfe")
        (macos / name).chmod(0o755)
    (app / "Contents" / "Resources").mkdir()
    (macos / "resources").symlink_to("../Resources")  # PyInstaller's cross-links stay
    return app


def test_the_cli_becomes_a_link_to_the_windows_image(tmp_path: Path) -> None:
    app = bundle(tmp_path, project.APP_ID, project.CLI_NAME)  # as a two-EXE build made it
    assert one_image.problems(app)
    assert one_image.link_cli(app) is True
    cli = app / "Contents" / "MacOS" / project.CLI_NAME
    assert cli.is_symlink() and os.readlink(cli) == project.APP_ID
    assert one_image.problems(app) == []
    assert one_image.link_cli(app) is False  # already so: the bundle is not signed again


def test_a_second_image_or_a_missing_link_is_a_problem(tmp_path: Path) -> None:
    app = bundle(tmp_path, project.APP_ID, project.CLI_NAME)
    found = one_image.problems(app)
    assert found == [
        f"{app / 'Contents' / 'MacOS'} holds the program images "
        f"{sorted([project.APP_ID, project.CLI_NAME])}; expected one, {project.APP_ID} (a "
        "second image is asked for the keychain's token)",
        f"{app / 'Contents' / 'MacOS' / project.CLI_NAME} is not a link to {project.APP_ID}"]
    alone = bundle(tmp_path / "b", project.APP_ID)
    assert one_image.problems(alone) == [
        f"{alone / 'Contents' / 'MacOS' / project.CLI_NAME} is not a link to {project.APP_ID}"]
    assert one_image.problems(tmp_path / "nothing.app")


def test_the_spec_builds_a_second_executable_on_windows_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec = (ROOT / "build_specs" / "wolkvox-desktop.spec").read_text(encoding="utf-8")
    assert "executables = [executable(*spec) for spec in project.executables()]" in spec
    for system, names in (("windows", [project.APP_ID, project.CLI_NAME]),
                          ("macos", [project.APP_ID]), ("linux", [project.APP_ID])):
        monkeypatch.setattr(project, "system", lambda system=system: system)
        assert [name for name, _console, _what in project.executables()] == names
    build = (ROOT / "build_specs" / "build.py").read_text(encoding="utf-8")
    assert "one_image.link_cli(app)" in build and "one_image.problems(app)" in build
