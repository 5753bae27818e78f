"""macOS: one program image in ``Contents/MacOS``; the command line is a link to it.

The login keychain's access list for the token names the executable that saved it (the
window, ``wolkvox-desktop``). A second executable (a ``wolkvox`` built as its own image)
reading it gets macOS's "wolkvox wants to use your confidential information" prompt, and a
scheduled check started by launchd would wait on that prompt with nobody to answer it. So,
as on Linux, ``Contents/MacOS/wolkvox`` is a symbolic link to ``wolkvox-desktop`` (the
launcher runs the CLI when started by that name) and the LaunchAgent runs
``wolkvox-desktop --run-due`` (``wolkvox_desktop/core/os_schedule/``).

PyInstaller's ``BUNDLE`` cannot place a link in ``Contents/MacOS`` (a top-level ``SYMLINK``
entry goes to ``Contents/Frameworks`` and ``Contents/Resources``) and signs the bundle as its
last step, so ``build.py`` adds the link afterwards and signs the bundle again the way
``BUNDLE`` did (``PyInstaller.utils.osx.sign_binary``: the identity, or ad hoc, ``--deep``).
``build.py`` then fails the build if :func:`problems` finds anything.

Standard library only (the signing step imports PyInstaller, present wherever a bundle is
built); ``tests/unit/test_one_image.py`` checks it on Linux.
"""

from __future__ import annotations

import os
from pathlib import Path

import project


def macos_folder(app: Path) -> Path:
    return app / "Contents" / "MacOS"


def link_cli(app: Path) -> bool:
    """Make ``Contents/MacOS/wolkvox`` a link to the window's executable (replacing a file
    of that name); True when something changed."""
    cli = macos_folder(app) / project.CLI_NAME
    if cli.is_symlink() and os.readlink(cli) == project.APP_ID:
        return False
    if cli.is_symlink() or cli.exists():
        cli.unlink()
    cli.symlink_to(project.APP_ID)  # relative: the bundle can move
    return True


def sign_again(app: Path, identity: str | None, entitlements: str | None) -> None:
    """Seal the bundle again after :func:`link_cli`, as ``BUNDLE`` sealed it."""
    from PyInstaller.utils import osx as osxutils

    osxutils.sign_binary(str(app), identity, entitlements, deep=True)


def problems(app: Path, executable: str = project.APP_ID) -> list[str]:
    """Sentences naming what breaks "one program image" (empty: none)."""
    folder = macos_folder(app)
    if not folder.is_dir():
        return [f"{folder} does not exist"]
    images = sorted(p.name for p in folder.iterdir()
                    if p.is_file() and not p.is_symlink() and os.access(p, os.X_OK))
    found = []
    if images != [executable]:
        found.append(f"{folder} holds the program images {images}; expected one, {executable} "
                     "(a second image is asked for the keychain's token)")
    cli = folder / project.CLI_NAME
    if not cli.is_symlink() or os.readlink(cli) != executable:
        found.append(f"{cli} is not a link to {executable}")
    return found
