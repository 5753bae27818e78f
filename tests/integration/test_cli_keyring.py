"""``wolkvox token set|status|clear`` and the keyring-held token, against a real Secret
Service (gnome-keyring on the test suite's private D-Bus; tests/support/keyring_bus.py)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from wolkvox_desktop.cli import main
from wolkvox_desktop.core.paths import app_data_dir
from wolkvox_desktop.simulator import Simulator

pytestmark = pytest.mark.keyring

SECRET = "kv-3b8e1f0c9a7d4e25"  # a made-up token for the tests' own simulator


@pytest.fixture
def sim() -> Any:
    with Simulator(tokens={SECRET: 3000}) as s:
        yield s


def run_in_process(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    assert SECRET not in out + err
    assert "Traceback" not in err
    return code, out, err


def no_secret_on_disk() -> None:
    for path in Path(app_data_dir()).rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_token_set_from_stdin_then_status_start_and_clear(
    sim: Simulator,
    secret_service_backend: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("WOLKVOX_API_BASE", sim.base_url)
    code, out, _ = run_in_process(capsys, monkeypatch, "token", "status", "--server", "0032")
    assert code == 1 and "no token is saved" in out

    code, out, err = run_in_process(
        capsys, monkeypatch, "token", "set", "--server", "0032", stdin=SECRET + "\n"
    )
    assert code == 0, err
    assert "saved in the keyring" in out
    assert secret_service_backend.get_password("wolkvox-desktop", "0032") == SECRET

    code, out, _ = run_in_process(capsys, monkeypatch, "token", "status", "--server", "0032")
    assert code == 0 and "a token is saved in the keyring" in out

    # the saved token goes only to Wolkvox: with WOLKVOX_API_BASE set it is never read
    code, out, err = run_in_process(
        capsys, monkeypatch, "start", "--server", "0032", "--type", "preview",
        "--campaign", "3303",
    )
    assert code == 2 and "WOLKVOX_API_BASE is set" in err
    assert sim.requests == []
    # the same front door, pointed at the simulator explicitly (as demo mode does), sends it
    from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType
    from wolkvox_desktop.core.credentials import Credentials
    from wolkvox_desktop.core.operations import Operations
    from wolkvox_desktop.core.paths import store_path
    from wolkvox_desktop.core.store import Store

    with Store(store_path()) as store:
        ops = Operations(store, Credentials(backend=secret_service_backend),
                         api_base=sim.base_url)
        service = ops.open("0032")
        try:
            assert service.start(CampaignRef("3303", CampaignType.PREVIEW)).ok
        finally:
            ops.close()
    assert sim.requests[-1].token == SECRET  # the keyring's token went to the simulator
    no_secret_on_disk()

    code, out, _ = run_in_process(capsys, monkeypatch, "token", "clear", "--server", "0032")
    assert code == 0
    assert secret_service_backend.get_password("wolkvox-desktop", "0032") is None
    code, _, err = run_in_process(
        capsys, monkeypatch, "start", "--server", "0032", "--type", "preview",
        "--campaign", "3303",
    )
    assert code == 2 and "WOLKVOX_API_BASE is set" in err
    assert len(sim.requests) == 1


def test_token_set_rejects_an_empty_or_malformed_token(
    secret_service_backend: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run_in_process(capsys, monkeypatch, "token", "set", "--server", "0032",
                                  stdin="\n")
    assert code == 2 and "No token was given" in err
    code, _, err = run_in_process(capsys, monkeypatch, "token", "set", "--server", "0032",
                                  stdin="two words\n")
    assert code == 2 and "Nothing was saved" in err and "two words" not in err
    assert secret_service_backend.get_password("wolkvox-desktop", "0032") is None


def test_token_set_through_a_pipe_in_a_real_process(
    sim: Simulator, secret_service_backend: Any
) -> None:
    env = dict(os.environ)  # the private D-Bus address and WOLKVOX_DESKTOP_HOME
    env.pop("PYTHON_KEYRING_BACKEND", None)
    command = [sys.executable, "-m", "wolkvox_desktop.cli"]
    proc = subprocess.run([*command, "token", "set", "--server", "wv0032"], env=env,
                          input=SECRET + "\n", capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert SECRET not in proc.stdout + proc.stderr
    assert "SecretService" in proc.stdout
    env["WOLKVOX_API_BASE"] = sim.base_url
    proc = subprocess.run([*command, "campaigns", "--server", "0032", "--json"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr  # a test server never gets the saved token
    assert SECRET not in proc.stdout + proc.stderr
    assert '"outcome": "invalid"' in proc.stdout and "WOLKVOX_TOKEN" in proc.stderr
    assert sim.requests == []
    proc = subprocess.run([*command, "token", "status", "--server", "0032"],
                          env=dict(env, WOLKVOX_API_BASE=""), capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0 and "saved in the keyring" in proc.stdout
    no_secret_on_disk()


def test_token_set_at_a_terminal_prompts_without_echo(secret_service_backend: Any) -> None:
    import pty
    import select
    import time

    env = dict(os.environ)
    env.pop("PYTHON_KEYRING_BACKEND", None)
    pid, fd = pty.fork()
    if pid == 0:  # the child: its controlling terminal is the pty
        os.execve(sys.executable,
                  [sys.executable, "-m", "wolkvox_desktop.cli", "token", "set",
                   "--server", "0032"], env)
    seen = b""
    sent = False
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not chunk:
                    break
                seen += chunk
            if not sent and b"Token (hidden): " in seen:
                os.write(fd, SECRET.encode() + b"\r")
                sent = True
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert sent, seen
    assert os.waitstatus_to_exitcode(status) == 0, seen
    assert SECRET.encode() not in seen  # typed at the prompt, never echoed
    assert b"saved in the keyring" in seen
    assert secret_service_backend.get_password("wolkvox-desktop", "0032") == SECRET


def test_token_set_adds_the_operation_and_operation_remove_takes_the_token_too(
    secret_service_backend: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    code, out, _ = run_in_process(capsys, monkeypatch, "operations", "--json")
    assert code == 0 and json.loads(out) == []
    code, _, err = run_in_process(capsys, monkeypatch, "token", "set", "--server", "0033",
                                  stdin=SECRET + "\n")
    assert code == 0, err
    code, out, _ = run_in_process(capsys, monkeypatch, "operations", "--json")
    assert json.loads(out) == [{"server": "0033", "name": "", "licenses": 1,
                                "timeout": 90.0, "in_flight": 1, "token": "keyring"}]
    code, out, _ = run_in_process(capsys, monkeypatch, "operation", "remove", "--server", "0033")
    assert code == 0 and "and its saved token were removed" in out
    assert secret_service_backend.get_password("wolkvox-desktop", "0033") is None
    code, out, _ = run_in_process(capsys, monkeypatch, "operations", "--json")
    assert json.loads(out) == []
