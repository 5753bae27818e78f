#!/usr/bin/env python3
"""Two builds of one commit must give the same bytes: list a build's files with their
SHA-256, and compare two such lists.

    python build_specs/reproducible.py manifest [DIST] > first.txt
    python build_specs/reproducible.py compare first.txt second.txt

``manifest`` lists the download (the archive, installer or disk image) and every file of
the app folder, one ``<sha256>  <path>`` line each, sorted (symlinks as ``-> target``).
``compare`` prints the lines that differ and exits 1 when any does. CI builds twice on
Linux (from empty ``build/`` and ``dist/`` folders) and compares (.github/workflows/
build.yml); ``build.py`` sets what makes the builds repeatable (``SOURCE_DATE_EPOCH``,
``PYTHONHASHSEED``, the archive's member order, owners and times). Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import project  # noqa: E402


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest(dist: Path) -> list[str]:
    lines: list[str] = []
    for item in sorted(dist.iterdir()):
        if item.is_file() and item.name != "build-report.json":  # times differ there
            lines.append(f"{file_hash(item)}  {item.name}")
    app = dist / (f"{project.APP_NAME}.app" if project.system() == "macos" else project.APP_ID)
    for path in sorted(app.rglob("*"), key=lambda p: p.relative_to(dist).as_posix()):
        rel = path.relative_to(dist).as_posix()
        if path.is_symlink():
            lines.append(f"{'-> ' + os.readlink(path):<64}  {rel}")
        elif path.is_file():
            lines.append(f"{file_hash(path)}  {rel}")
    return lines


def compare(first: list[str], second: list[str]) -> list[str]:
    """The lines of either list that the other lacks, by path."""
    def by_path(lines: list[str]) -> dict[str, str]:
        return {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in lines if "  " in line}

    a, b = by_path(first), by_path(second)
    differences = []
    for path in sorted(set(a) | set(b)):
        if a.get(path) != b.get(path):
            differences.append(f"{path}: {a.get(path, '(missing)')} != {b.get(path, '(missing)')}")
    return differences


def main(argv: list[str]) -> int:
    if argv[:1] == ["manifest"] and len(argv) <= 2:
        dist = Path(argv[1]) if len(argv) == 2 else project.DIST
        print("\n".join(manifest(dist)))
        return 0
    if argv[:1] == ["compare"] and len(argv) == 3:
        read = [Path(p).read_text(encoding="utf-8").splitlines() for p in argv[1:]]
        differences = compare(*read)
        for line in differences:
            print(f"[reproducible] differs: {line}")
        print(f"[reproducible] {len(read[0])} files; "
              + (f"{len(differences)} differ" if differences else "the same bytes"))
        return 1 if differences else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
