#!/usr/bin/env python3
"""One entry point for developers: a locked virtual environment and the usual commands.

    python3 dev.py demo            install (once) and run the app in demo mode
    python3 dev.py test [ARGS]     install (once) and run ruff, mypy (core/) and pytest [ARGS]
    python3 dev.py run ARGS        run the app with ARGS
    python3 dev.py build           build the installable app for this platform (PyInstaller)
    python3 dev.py lock            re-lock requirements/*.txt from pyproject.toml (needs uv)

The environment lives in ``.venv`` and is reinstalled only when a lock file changes.
Dependencies are pinned with hashes in ``requirements/`` (reproducible installs).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("WOLKVOX_DEV_VENV", ROOT / ".venv"))
LOCKS = {"app": "requirements/app.txt", "test": "requirements/test.txt",
         "build": "requirements/build.txt"}


def venv_python() -> Path:
    sub = "Scripts/python.exe" if os.name == "nt" else "bin/python"
    return VENV / sub


def ensure_env(kind: str) -> Path:
    """Create .venv and install the locked requirements of ``kind`` if they changed."""
    lock = ROOT / LOCKS[kind]
    python = venv_python()
    if not python.exists():
        print(f"[dev] creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    digest = hashlib.sha256(lock.read_bytes() + (ROOT / "pyproject.toml").read_bytes())
    stamp = VENV / f".installed-{kind}"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return python
    print(f"[dev] installing {lock.relative_to(ROOT)}", flush=True)
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--require-hashes", "-r", str(lock)], check=True)
    subprocess.run([*pip, "install", "--no-deps", "-e", str(ROOT)], check=True)
    stamp.write_text(digest.hexdigest())
    return python


def run(cmd: list[str], **kw: object) -> int:
    return subprocess.run(cmd, cwd=ROOT, **kw).returncode  # type: ignore[call-overload]


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "demo":
        python = ensure_env("app")
        return run([str(python), "-m", "wolkvox_desktop", "--demo", *rest])
    if command == "run":
        python = ensure_env("app")
        return run([str(python), "-m", "wolkvox_desktop", *rest])
    if command == "test":
        python = ensure_env("test")
        for step in (
            [str(python), "-m", "ruff", "check", "."],
            [str(python), "-m", "mypy", "wolkvox_desktop/core"],
        ):
            print("[dev] " + " ".join(step[2:]), flush=True)
            if run(step) != 0:
                return 1
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        return run([str(python), "-m", "pytest", *rest], env=env)
    if command == "build":
        python = ensure_env("build")
        return run([str(python), "build_specs/build.py", *rest])
    if command == "lock":
        for kind, path in LOCKS.items():
            extra = [] if kind == "app" else ["--extra", kind]
            code = run(["uv", "pip", "compile", "pyproject.toml", *extra, "--universal",
                        "--generate-hashes", "--python-version", "3.10", "-q", "-o", path,
                        "--custom-compile-command", "python dev.py lock"])
            if code:
                return code
        return 0
    print(f"unknown command {command!r}\n{__doc__}")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
