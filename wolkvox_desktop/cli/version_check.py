"""``wolkvox --version --check``: the version, and whether the release feed IT set names a
newer one (the window's "version X is available", for scripts). Nothing is downloaded.

Loaded only for that line (the update module brings requests and the transport).
Prints ``wolkvox <version>`` and one sentence; the answer is recorded as the window's
daily check is (``update-check.json`` in the data folder). Exit status: 0 the feed
answered (newer or not: the sentence says which), 1 no feed is set or the one set is not
an https:// address, 4 the feed could not be read.
"""

from __future__ import annotations

from wolkvox_desktop import __version__
from wolkvox_desktop.cli.output import EXIT_LOCAL, EXIT_OK, err, say
from wolkvox_desktop.core.errors import Outcome


def run_check() -> int:
    from wolkvox_desktop.core import updates

    say(f"wolkvox {__version__}")
    result = updates.check(updates.feed_url())
    updates.save(result, updates.state_path())
    if result.status in (updates.Status.NEWER, updates.Status.CURRENT):
        say(result.sentence)
        return EXIT_OK
    err(result.sentence)
    if result.status is updates.Status.FAILED:
        return Outcome.UNDELIVERED.exit_code
    return EXIT_LOCAL
