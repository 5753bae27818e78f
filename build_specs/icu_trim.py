"""A smaller ICU data library for the Linux build (31 MB -> about 4 MB).

PySide6's Linux wheels link Qt against ICU, whose data library ``libicudata.so.NN`` holds
every locale's names, calendars, collation and break dictionaries, and hundreds of legacy
code pages: 31 MB, a third of the app. The app speaks English and Spanish and decodes
nothing but UTF-8, so this keeps:

- the core property tables (``*.icu``, ``*.nrm``, ``*.spp``, ``*.cfu``): case mapping,
  normalisation, bidi, character properties;
- the root, English and Spanish locales (``root``, ``en*``, ``es*``) in every tree, each
  tree's shared ``pool.res`` and ``res_index.res``, and every non-locale table
  (time zones, plurals, likely subtags, supplemental data);
- collation (``coll/ucadata.icu`` + root/en/es): Spanish sorting of "Ñandú" works;
- break rules (``brkitr/*.brk``) but not the CJK/Thai/Khmer/Lao/Burmese dictionaries;
- small single-byte code pages (under 16 KB each: Windows-125x, ISO-8859-x).

and drops transliteration rules, other locales' data and the large East Asian code pages.
A missing locale falls back to root, as ICU does for any locale it does not know.

How: the library is one symbol, ``icudtNN_dat``, holding an ICU "common data" package (a
table of contents of named items). We read it out of the wheel's library, keep the items
above, and assemble a new library exporting the same symbol with the same SONAME, with
the GNU assembler and linker (binutils, which PyInstaller needs on Linux anyway).
``tests/frozen`` and the bundle check verify Spanish collation and case mapping in the
frozen app.
"""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
KEEP_LOCALES = ("root", "en", "es")
SMALL_CODEPAGE = 16 * 1024
DROP_TREES = ("translit",)


def _keep(name: str, size: int) -> bool:
    """Keep package item ``name`` (e.g. ``icudt73l/coll/es.res``) of ``size`` bytes?"""
    parts = name.split("/")[1:]  # drop the package prefix "icudt73l"
    if parts[0] in DROP_TREES:
        return False
    base, _, ext = parts[-1].rpartition(".")
    if ext == "dict":
        return False
    if ext == "cnv":
        return size <= SMALL_CODEPAGE
    if ext == "res" and LOCALE.match(base) and base not in ("pool", "res_index"):
        return base == "root" or base.split("_")[0] in KEEP_LOCALES
    return True


def _symbol(lib: Path) -> tuple[str, int, int]:
    """Name, file offset and size of the library's ``icudtNN_dat`` symbol."""
    nm = subprocess.run(["nm", "-D", "-S", "--defined-only", str(lib)], check=True,
                        capture_output=True, text=True).stdout
    for line in nm.splitlines():
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3]):
            addr, size = int(fields[0], 16), int(fields[1], 16)
            return fields[3], _file_offset(lib, addr), size
    raise SystemExit(f"{lib}: no icudtNN_dat symbol; not an ICU data library")


def _file_offset(lib: Path, addr: int) -> int:
    """Map a virtual address to its file offset through the ELF section table."""
    out = subprocess.run(["readelf", "-S", "-W", str(lib)], check=True, capture_output=True,
                         text=True).stdout
    for line in out.splitlines():
        m = re.search(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]{16})\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if m:
            start, offset, size = (int(m.group(i), 16) for i in (2, 3, 4))
            if start <= addr < start + size:
                return addr - start + offset
    raise SystemExit(f"{lib}: address {addr:#x} is in no section")


def trim_package(blob: bytes) -> tuple[bytes, int, int]:
    """Return (new package, items kept, items in the original)."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise SystemExit("not an ICU common data package")
    toc = header_size
    (count,) = struct.unpack_from("<I", blob, toc)
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    ends = [off for _name, off in entries[1:]] + [len(blob) - toc]
    items = []
    for (name_off, data_off), end in zip(entries, ends, strict=True):
        name = blob[toc + name_off: blob.index(b"\0", toc + name_off)].decode("ascii")
        if _keep(name, end - data_off):
            items.append((name, blob[toc + data_off: toc + end]))

    # Same layout as ICU's pkgdata: count, (name offset, data offset) pairs, the names, then
    # the items, each 16-byte aligned (the header is too: 16 * n bytes); offsets count from
    # the start of the table.
    names = b""
    name_offsets = []
    table_size = 4 + 8 * len(items)
    for name, _data in items:
        name_offsets.append(table_size + len(names))
        names += name.encode("ascii") + b"\0"
    cursor = table_size + len(names)
    data = b""
    data_offsets = []
    for _name, item in items:
        pad = (-(cursor + len(data))) % 16
        data += b"\0" * pad
        data_offsets.append(cursor + len(data))
        data += item
    table = struct.pack("<I", len(items)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True))
    return blob[:toc] + table + names + data, len(items), count


def build(lib: Path, workdir: Path) -> Path:
    """Write a trimmed copy of ICU data library ``lib`` into ``workdir``; return its path."""
    workdir.mkdir(parents=True, exist_ok=True)
    symbol, offset, size = _symbol(lib)
    with lib.open("rb") as fh:
        fh.seek(offset)
        blob = fh.read(size)
    package, kept, total = trim_package(blob)
    dat = workdir / f"{symbol}.dat"
    dat.write_bytes(package)
    asm = workdir / f"{symbol}.s"
    asm.write_text(
        "\t.section .rodata\n\t.balign 16\n"
        f"\t.globl {symbol}\n\t.type {symbol}, %object\n{symbol}:\n"
        f'\t.incbin "{dat.name}"\n\t.size {symbol}, . - {symbol}\n'
        '\t.section .note.GNU-stack,"",%progbits\n',
        encoding="ascii",
    )
    obj = workdir / f"{symbol}.o"
    out = workdir / lib.name
    subprocess.run(["as", "-o", str(obj), asm.name], check=True, cwd=workdir)
    subprocess.run(["ld", "-shared", "-soname", lib.name, "-o", str(out), str(obj)], check=True)
    print(f"[icu] {lib.name}: kept {kept} of {total} items, "
          f"{size / 2**20:.1f} MB -> {len(package) / 2**20:.1f} MB")
    return out


if __name__ == "__main__":
    import sys

    print(build(Path(sys.argv[1]), Path(sys.argv[2])))
