"""What the frozen app leaves out: unused Qt plugins, libraries and translations, and (on
Linux) the system libraries every desktop already has.

PyInstaller's Qt hooks collect every plugin of each type a Qt module may load (and then
every library those plugins link: GTK for the gtk3 theme, QtQuick for the virtual
keyboard, QtPdf for the PDF image reader...). Our hooks in ``build_specs/hooks/`` run the
stock hooks and keep only what is listed here; the spec applies the same rules once more
to everything collected (a safety net for libraries pulled in by binary dependencies).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from project import system

# plugin type -> OS -> plugin file stems (without "lib"/"q" prefixes, see _stem below).
KEEP_PLUGINS: dict[str, dict[str, set[str]]] = {
    # offscreen: CI and --smoke-test. xcb (X11) and wayland: Linux desktops.
    "platforms": {"linux": {"offscreen", "xcb", "wayland"},
                  "windows": {"offscreen", "windows"},
                  "macos": {"offscreen", "cocoa"}},
    # Linux: file dialogs and colour scheme through the desktop portal (GNOME, KDE,
    # Flatpak). The gtk3 theme is left out: it would bring the build machine's GTK along.
    "platformthemes": {"linux": {"xdgdesktopportal"}},
    # Dead keys and accents (typing "Bogotá") with the compose table and with IBus.
    "platforminputcontexts": {"linux": {"composeplatforminputcontextplugin",
                                        "ibusplatforminputcontextplugin"}},
    # Native widget styles: Windows 11/10 look, macOS look (Linux uses Fusion, built in).
    "styles": {"windows": {"modernwindowsstyle", "windowsvistastyle"}, "macos": {"macstyle"}},
    # .ico files on Windows. No SVG: the app draws its own icons and ships PNGs; Qt's
    # built-in pixmaps stand in for SVG-only desktop icon themes (saves 0.8 MB).
    "imageformats": {"windows": {"ico"}},
    # X11 windows drawn with OpenGL are not used (widgets paint with the raster engine).
    # Wayland windows need a shell integration and client-side decorations.
    "wayland-shell-integration": {"linux": {"xdg-shell"}},
    "wayland-decoration-client": {"linux": {"bradient"}},
}

# Qt libraries the app never loads once those plugins are gone (matched in file names;
# on macOS they are frameworks, e.g. QtQml.framework).
DROP_LIBS = (
    "Qt6Qml", "Qt6Quick", "Qt6Pdf", "Qt6OpenGL", "Qt6VirtualKeyboard", "Qt6Labs", "Qt6Network",
    "Qt6Designer", "Qt6Help", "Qt6Sql", "Qt6Test", "Qt6EglFS", "Qt6WaylandCompositor",
    "Qt6WaylandEgl", "Qt6WlShell", "Qt6Lottie", "Qt6PrintSupport", "Qt6UiTools", "Qt6Concurrent",
    "Qt6Xml", "Qt6Svg",
    "QtQml.", "QtQuick", "QtPdf", "QtOpenGL", "QtVirtualKeyboard", "QtNetwork.", "QtLabs", "QtSvg",
    # Windows: ANGLE and the software OpenGL renderer (~25 MB); a widgets app paints with the
    # raster engine and never loads them.
    "opengl32sw", "libEGL", "libGLESv2", "d3dcompiler",
)

# Qt's own translations: English needs none; Spanish is the app's second language.
KEEP_QT_TRANSLATIONS = ("qtbase_es.qm", "qt_es.qm")


# Linux: libraries of the desktop itself, present wherever a Qt window can open (X11 or
# XWayland, fontconfig, D-Bus, GLib), taken from the user's system rather than from the
# build machine. Bundling them wastes ~9 MB and can break: an older fontconfig than the
# system's cannot read its configuration, libX11/libdbus must match the running servers.
# Kept bundled: the xcb-util libraries Qt needs that many distributions do not install
# (libxcb-cursor, -icccm, ...), libxkbcommon, libstdc++, OpenSSL, SQLite, zstd, libffi.
LINUX_SYSTEM_LIBS = re.compile(
    r"^lib("
    r"fontconfig|freetype|png16|brotli(dec|common|enc)|expat"  # fonts
    r"|X11|X11-xcb|Xau|Xdmcp|bsd|md"  # X11 client
    r"|dbus-1|systemd|gcrypt|gpg-error|lz4|lzma|cap|bz2"  # D-Bus (and its compressors)
    r"|glib-2\.0|gthread-2\.0|pcre2-8"  # GLib (Qt's event loop integration)
    r")\.so(\.\d+)*$"
)


def _stem(filename: str) -> str:
    """``libqxcb.so`` / ``qxcb.dll`` / ``libqxcb.dylib`` -> ``xcb``."""
    stem = filename.split(".")[0]
    stem = stem[3:] if stem.startswith("lib") else stem
    return stem[1:] if stem.startswith("q") and not stem.startswith("qt") else stem


def keep(dest: str, name: str | None = None) -> bool:
    """Keep a collected file? ``dest`` is its path in the bundle (or its folder, with
    ``name`` the file name): only PySide6's files are judged."""
    path = PurePath(dest, name) if name else PurePath(dest)
    parts = path.parts
    if system() == "linux" and len(parts) == 1 and LINUX_SYSTEM_LIBS.match(parts[0]):
        return False
    if not parts or parts[0] != "PySide6":
        return True
    if "plugins" in parts:
        i = parts.index("plugins")
        if len(parts) >= i + 3:
            kind = parts[i + 1]
            allowed = KEEP_PLUGINS.get(kind, {}).get(system(), set())
            if _stem(parts[-1]) not in allowed and _stem(parts[i + 2]) not in allowed:
                return False
    if any(lib in part for part in parts for lib in DROP_LIBS):
        return False
    if path.suffix == ".qm" and "translations" in parts:
        return path.name in KEEP_QT_TRANSLATIONS
    return True


def trim(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Filter a hook's ``binaries``/``datas`` list of ``(source, destination folder)``."""
    return [(src, dest) for src, dest in entries if keep(dest, PurePath(src).name)]
