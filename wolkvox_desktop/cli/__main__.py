"""``python -m wolkvox_desktop.cli`` runs the ``wolkvox`` command."""

import sys

from wolkvox_desktop.cli.command import main

if __name__ == "__main__":
    sys.exit(main())
