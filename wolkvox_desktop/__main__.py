"""``python -m wolkvox_desktop`` opens the window (same as the ``wolkvox-desktop`` script)."""

import sys

from wolkvox_desktop.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
