"""Native crashes leave a trace in the log folder (core/crashlog.py).

Each case runs a fresh Python process (pytest has its own faulthandler, which crashlog
rightly leaves alone), and the crashing ones really die of SIGSEGV.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wolkvox_desktop.core import crashlog

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def python(code: str, home: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"}
    env["WOLKVOX_DESKTOP_HOME"] = str(home)
    return subprocess.run([sys.executable, *flags, "-c", textwrap.dedent(code)], env=env,
                          capture_output=True, text=True, timeout=60)


CRASH = """
    import faulthandler, threading, time
    from wolkvox_desktop.core import crashlog
    path = crashlog.enable()
    print(path, crashlog.active_path() == path, flush=True)
    def wait_in_a_worker():
        time.sleep(30)
    threading.Thread(target=wait_in_a_worker, name="worker", daemon=True).start()
    time.sleep(0.2)
    faulthandler._sigsegv()
"""


def test_a_segfault_writes_every_threads_stack_to_the_crash_file(tmp_path: Path) -> None:
    proc = python(CRASH, tmp_path)
    assert proc.returncode == -signal.SIGSEGV, proc.stderr
    crash_file = tmp_path / "logs" / "crash.log"
    assert proc.stdout.split() == [str(crash_file), "True"]
    text = crash_file.read_text(encoding="utf-8")
    header, _, trace = text.partition("\n")
    assert header.startswith("--- ") and "pid " in header and header.endswith(" started")
    assert "Fatal Python error: Segmentation fault" in trace
    assert trace.count("most recent call first") >= 2  # the main thread and the worker
    assert "wait_in_a_worker" in trace
    assert "Segmentation fault" not in proc.stderr  # it went to the file, not the terminal


def test_the_next_start_appends_so_the_trace_stays(tmp_path: Path) -> None:
    assert python(CRASH, tmp_path).returncode == -signal.SIGSEGV
    ok = python("from wolkvox_desktop.core import crashlog; crashlog.enable()", tmp_path)
    assert ok.returncode == 0, ok.stderr
    text = (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")
    assert text.count(" started\n") == 2 and "Segmentation fault" in text
    assert text.index("Segmentation fault") < text.rindex("--- ")  # dated by its run


def test_a_big_crash_file_is_set_aside_at_start(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "crash.log").write_text("x" * (crashlog.MAX_BYTES + 1), encoding="utf-8")
    assert python("from wolkvox_desktop.core import crashlog; crashlog.enable()",
                  tmp_path).returncode == 0
    assert (logs / "crash.log.old").stat().st_size == crashlog.MAX_BYTES + 1
    assert (logs / "crash.log").read_text(encoding="utf-8").count(" started\n") == 1


def test_an_unusable_log_folder_means_no_crash_file_and_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    proc = python("""
        from wolkvox_desktop.core import crashlog
        print(crashlog.enable(), crashlog.active_path())
    """, blocker / "home")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["None", "None"]


def test_a_faulthandler_someone_else_enabled_is_left_alone(tmp_path: Path) -> None:
    proc = python("""
        from wolkvox_desktop.core import crashlog
        print(crashlog.enable())
        import faulthandler; faulthandler._sigsegv()
    """, tmp_path, "-X", "faulthandler")
    assert proc.stdout.split() == ["None"]
    assert "Fatal Python error: Segmentation fault" in proc.stderr  # where they chose
    assert not (tmp_path / "logs" / "crash.log").exists()


def test_enabling_twice_keeps_one_file_and_follows_a_new_folder(tmp_path: Path) -> None:
    other = tmp_path / "other"
    proc = python(f"""
        import os
        from wolkvox_desktop.core import crashlog
        first = crashlog.enable()
        again = crashlog.enable()
        os.environ["WOLKVOX_DESKTOP_HOME"] = {str(other)!r}
        moved = crashlog.enable()
        print(first == again, moved, crashlog.active_path() == moved)
    """, tmp_path / "home")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", str(other / "logs" / "crash.log"), "True"]
    assert (tmp_path / "home" / "logs" / "crash.log").read_text().count(" started\n") == 1


def test_in_this_test_process_pytests_faulthandler_is_kept() -> None:
    import faulthandler

    assert faulthandler.is_enabled()  # pytest's
    assert crashlog.enable() is None and crashlog.active_path() is None
