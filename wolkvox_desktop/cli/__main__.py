"""``python -m wolkvox_desktop.cli`` runs the ``wolkvox`` command."""

from wolkvox_desktop.cli import run_command

if __name__ == "__main__":
    run_command()
