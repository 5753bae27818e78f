"""The windowed app without a console (issue 21, point 8): ``--version`` and ``--help``
reach the person (stdout when there is one; a message box on Windows when ``sys.stdout``
is ``None``), never an AttributeError; and the installer's mutex is held on Windows only.
"""

from __future__ import annotations

import io
import sys

import pytest

from wolkvox_desktop.gui import windows_shell


def test_version_and_help_go_to_stdout_when_there_is_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from wolkvox_desktop.gui.app import parse_args

    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    with pytest.raises(SystemExit) as exc:
        parse_args(["--version"])
    assert exc.value.code == 0 and out.getvalue().startswith("wolkvox-desktop ")
    with pytest.raises(SystemExit):
        parse_args(["--help"])
    assert "--smoke-test" in out.getvalue()


def test_without_a_console_nothing_breaks_and_windows_gets_a_box(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from wolkvox_desktop.gui.app import parse_args

    boxes: list[tuple[str, int]] = []

    class User32:
        @staticmethod
        def MessageBoxW(_owner: object, text: str, title: str, flags: int) -> int:  # noqa: N802
            assert title == "Wolkvox Desktop"
            boxes.append((text, flags))
            return 1

    class WinDLL:
        user32 = User32

    import ctypes

    monkeypatch.setattr(sys, "stdout", None)  # a windowed Windows program
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(ctypes, "windll", WinDLL, raising=False)  # Windows' user32 only
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(SystemExit) as exc:
        parse_args(["--version"])
    assert exc.value.code == 0
    with pytest.raises(SystemExit) as exc:
        parse_args(["--lang", "fr"])  # a refused option: usage and the error, in boxes
    assert exc.value.code == 2
    assert boxes[0] == (f"wolkvox-desktop {windows_shell_version()}",
                        windows_shell.MB_ICONINFORMATION)
    assert any("invalid choice" in text for text, _flags in boxes[1:])


def windows_shell_version() -> str:
    from wolkvox_desktop import __version__

    return __version__


def test_elsewhere_a_missing_console_drops_the_text_quietly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "platform", "linux")
    windows_shell.show("wolkvox-desktop 0.1.0")  # no stream, no box: no error either


@pytest.mark.skipif(sys.platform == "win32", reason="the mutex itself is Windows'")
def test_the_mutex_is_windows_only() -> None:
    assert windows_shell.hold_app_mutex() is False
