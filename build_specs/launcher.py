"""The frozen app's entry point: the window, the command line, or the bundle self-check.

- Started as ``wolkvox`` (the console executable on Windows and macOS, a symlink on Linux):
  the command line, ``wolkvox_desktop.cli.command``.
- ``wolkvox-desktop --run-due [--data-folder DIR]`` (what the OS schedule runs: the
  "Run plans when the app is closed" switch): ``wolkvox plan run-due`` without a console
  and without output, before anything of Qt loads; see ``wolkvox_desktop.cli.scheduled_run``.
- ``wolkvox-desktop --bundle-check`` (hidden, for CI and support): checks what only a frozen
  build can get wrong (keyring backends, TLS trust, translations, resources, every module
  importable) and prints one JSON line; see ``bundle_check.py``.
- Otherwise the window, exactly as ``python -m wolkvox_desktop`` with the same arguments.
"""

from __future__ import annotations

import sys
from pathlib import Path

CLI_NAME = "wolkvox"  # project.CLI_NAME (the build helpers are not bundled)


def main() -> int:
    if Path(sys.argv[0]).stem.lower() == CLI_NAME:
        from wolkvox_desktop.cli import run_command

        run_command()  # ends the process
    if sys.argv[1:2] == ["--run-due"]:
        from wolkvox_desktop.cli import scheduled_run

        scheduled_run.run(sys.argv[1:])  # ends the process
    if "--bundle-check" in sys.argv[1:]:
        import bundle_check

        return bundle_check.main(sys.argv[1:])
    from wolkvox_desktop.gui.app import main as window_main

    return int(window_main() or 0)


if __name__ == "__main__":
    sys.exit(main())
