"""``python -m wolkvox_desktop`` opens the window (same as the ``wolkvox-desktop`` script);
``python -m wolkvox_desktop --run-due`` is the scheduled check the OS runs from source
(``wolkvox_desktop.cli.scheduled_run``: no Qt is loaded for it)."""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--run-due"]:
        from wolkvox_desktop.cli import scheduled_run

        scheduled_run.run(sys.argv[1:])  # ends the process

    from wolkvox_desktop.gui.app import main

    sys.exit(main())
