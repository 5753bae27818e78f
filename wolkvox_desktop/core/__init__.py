"""The Qt-free core: everything a supervisor can do is a core call first.

Nothing under this package may import Qt. The GUI (through its worker thread) and the CLI
are two thin faces over it.
"""
