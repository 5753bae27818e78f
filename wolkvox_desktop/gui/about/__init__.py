"""*About Wolkvox Desktop* on the main window's status bar: the dialog (:mod:`.dialog`:
version, third-party licences, *About Qt*) and the update notice beside it
(:mod:`.update_notice`, the window's side of the daily update check).

Nothing is imported here: :func:`~.dialog.install_about` loads after the first frame.
"""
