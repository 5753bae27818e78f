#!/usr/bin/env python3
"""Refresh the Qt Linguist sources from the GUI code and compile them.

    python tools/update_translations.py           update .ts from the code, compile .qm
    python tools/update_translations.py --check   change nothing; fail if a string of the
                                                  code is untranslated or a .qm is stale

``resources/translations/wolkvox_desktop_es.ts`` holds every string of
``wolkvox_desktop/gui/**/*.py`` with its Spanish translation; ``wolkvox_desktop_en.ts``
holds only the English plural forms (``%n campaign(s)`` -> ``1 campaign``/``2 campaigns``).
Translate new entries with Qt Linguist (``pyside6-linguist``) or any editor, then run this
again so the ``.qm`` files the app loads are rebuilt. Uses ``pyside6-lupdate`` and
``pyside6-lrelease`` from the same environment as this Python.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "wolkvox_desktop" / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
PREFIX = "wolkvox_desktop_"


@dataclass(frozen=True)
class Catalog:
    language: str
    plural_only: bool  # English needs only its plural forms; the source text is English

    @property
    def ts(self) -> Path:
        return TRANSLATIONS / f"{PREFIX}{self.language}.ts"

    @property
    def qm(self) -> Path:
        return self.ts.with_suffix(".qm")


CATALOGS = (Catalog("es", plural_only=False), Catalog("en", plural_only=True))


def tool(name: str) -> str:
    """``pyside6-<name>`` next to this interpreter, else on PATH."""
    exe = f"pyside6-{name}" + (".exe" if os.name == "nt" else "")
    for folder in (Path(sys.executable).parent, Path(sys.executable).parent / "Scripts"):
        if (folder / exe).is_file():
            return str(folder / exe)
    found = shutil.which(exe)
    if found is None:
        raise SystemExit(f"{exe} not found: install pyside6-essentials in this environment")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(catalog: Catalog, ts: Path) -> None:
    args = [tool("lupdate"), "-silent", "-no-obsolete", "-locations", "relative"]
    # pyuic's spelling: _translate = QCoreApplication.translate; _translate("Context", "Text")
    args += ["-tr-function-alias", "translate+=_translate"]
    if catalog.plural_only:
        args.append("-pluralonly")
    files = [os.path.relpath(p, ts.parent) for p in source_files()]
    args += [*files, "-target-language", catalog.language, "-ts", ts.name]
    subprocess.run(args, cwd=ts.parent, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


_CONTEXT = re.compile(r"<context>\s*<name>(.*?)</name>(.*?)</context>", re.S)
_UNFINISHED = re.compile(r'<translation[^>]*type="unfinished"')
_SOURCE = re.compile(r"<source>(.*?)</source>", re.S)


def unfinished(ts: Path) -> list[str]:
    """The source texts whose translation is missing or marked unfinished."""
    text = ts.read_text(encoding="utf-8")
    missing = []
    for message in re.findall(r"<message[^>]*>.*?</message>", text, re.S):
        if _UNFINISHED.search(message):
            source = _SOURCE.search(message)
            missing.append(source.group(1) if source else "?")
    return missing


def contextless(ts: Path) -> list[str]:
    """Source texts lupdate found without a context: a ``tr("...")`` outside a class, or
    ``tr = QCoreApplication.translate`` (lupdate then reads the context as the text). Use
    ``self.tr("...")`` in a QObject, else ``QCoreApplication.translate("Context", "...")``."""
    text = ts.read_text(encoding="utf-8")
    found = []
    for name, body in _CONTEXT.findall(text):
        if not name.strip():
            found += [s for s in _SOURCE.findall(body)]
    return found


def check() -> list[str]:
    """Problems (empty when fine): untranslated strings of the code, stale or missing .qm."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for catalog in CATALOGS:
            if not catalog.ts.is_file():
                problems.append(f"{catalog.ts.name} is missing")
                continue
            work = Path(tmp) / catalog.language
            work.mkdir()
            # lupdate resolves the sources relative to the .ts: keep the same depth
            ts = TRANSLATIONS / f".check-{os.getpid()}-{catalog.ts.name}"
            shutil.copyfile(catalog.ts, ts)
            try:
                lupdate(catalog, ts)
                for source in unfinished(ts):
                    problems.append(f"{catalog.ts.name}: not translated: {source!r}")
                for source in contextless(ts):
                    problems.append(
                        f"{catalog.ts.name}: string without a context (see contextless()): "
                        f"{source!r}"
                    )
            finally:
                ts.unlink(missing_ok=True)
            fresh_qm = work / catalog.qm.name
            lrelease(catalog.ts, fresh_qm)
            if not catalog.qm.is_file():
                problems.append(f"{catalog.qm.name} is missing: run tools/update_translations.py")
            elif catalog.qm.read_bytes() != fresh_qm.read_bytes():
                problems.append(
                    f"{catalog.qm.name} is older than {catalog.ts.name}: "
                    "run tools/update_translations.py"
                )
    return problems


def update() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    todo = 0
    for catalog in CATALOGS:
        lupdate(catalog, catalog.ts)
        lrelease(catalog.ts, catalog.qm)
        missing = unfinished(catalog.ts)
        todo += len(missing)
        print(f"{catalog.ts.relative_to(ROOT)}: {len(missing)} to translate")
        for source in missing:
            print(f"    {source}")
        for source in contextless(catalog.ts):
            print(f"    WITHOUT CONTEXT (see contextless()): {source}")
    return 1 if todo else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="verify only, change nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    return update()


if __name__ == "__main__":
    sys.exit(main())
