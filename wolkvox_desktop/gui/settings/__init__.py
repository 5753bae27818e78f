"""The Settings dialog, in rooms: the operation list, the operation form (with its server
code field and token box), the keyring's words, the dialog that wires them
(:class:`~.dialog.SettingsDialog`), and the jobs behind it that the window's worker runs
(:mod:`.settings_jobs`).

Nothing is imported here: the worker loads :mod:`.settings_jobs` when it opens the store, at
every start, and the dialog's modules load only when Settings first opens.

Every string of the package is in the one translation context ``SettingsDialog`` (so the
catalog's translations carried over from the one-file dialog), except a plural, which is in
its class's context: pyside6-lupdate knows plural forms only in ``self.tr``.
"""
