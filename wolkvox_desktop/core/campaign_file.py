"""Campaign files: the list of campaigns a supervisor saved from a spreadsheet.

``wolkvox start|stop --from-file FILE`` reads one campaign per line, ``campaign_id[,type]``.
The file is checked here, where it was typed, before anything is sent: a bad file never
sends anything, and every refusal is a sentence naming the line.

* At most :data:`MAX_FILE_BYTES` (1 MB) and :data:`MAX_CAMPAIGNS` (10,000 campaign rows):
  a bigger file is the wrong file, refused before it is read through.
* UTF-8 with or without BOM; ``,`` or ``;`` between the columns (Excel in Spanish-speaking
  locales writes ``;``: a line holding a ``;`` is read with ``;``); blank lines and lines
  starting with ``#`` are skipped; each row may carry its own type.
* An optional header first: the id column named one of :data:`ID_COLUMNS`, the type column
  one of :data:`TYPE_COLUMNS` (any case; spaces or hyphens count as ``_``). A first row
  that is neither a campaign (its first cell holds no digit) nor such a header, or a header
  with a column name this app does not know, is reported, never skipped.
* Ids a spreadsheet turned into numbers are refused, with what happened: ``3301.0``
  (a decimal point), ``3.301E+03`` (scientific notation, which can lose digits),
  ``3,301`` (a thousands separator), ``'3301`` (the apostrophe that marks text, saved
  into the file). Their sentence says to format the column as Text.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from wolkvox_desktop.core.campaigns import CampaignType, validate_campaign_id
from wolkvox_desktop.core.errors import InvalidInput, Reason

MAX_FILE_BYTES = 1_000_000
MAX_CAMPAIGNS = 10_000

ID_COLUMNS = frozenset({
    "campaign_id", "campaign", "id", "id_campaign", "campaña", "campana", "id_campaña",
    "id_campana",
})
TYPE_COLUMNS = frozenset({
    "type", "campaign_type", "type_campaign", "tipo", "tipo_campaña", "tipo_campana",
    "tipo_de_campaña", "tipo_de_campana",
})

CampaignRow = tuple[int, str, CampaignType | None]  # (line number, campaign id, type)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DECIMAL = re.compile(r"[0-9]+[.,]0+")
_SCIENTIFIC = re.compile(r"[0-9]+(?:[.,][0-9]+)?[eE][+-]?[0-9]+")
_GROUPED = re.compile(r"[0-9]{1,3}(?:[.,\u00a0\u202f ][0-9]{3})+")
_DIGITS = re.compile(r"[0-9]+")
_FORMAT_AS_TEXT = "format the column as Text and save the file again"


def _refuse(message: str, reason: Reason = Reason.BAD_CAMPAIGN_ID) -> InvalidInput:
    return InvalidInput(reason, message)


def read_campaign_file(path: Path) -> bytes:
    """The file's bytes, refused (:class:`InvalidInput`) when it cannot be read or is over
    :data:`MAX_FILE_BYTES`: only that much plus one byte is ever read."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:  # the name is not repeated: it was typed, maybe in the wrong place
        raise _refuse(
            f"The campaigns file cannot be read ({exc.strerror or type(exc).__name__})."
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(_TOO_BIG)
    return data


_TOO_BIG = ("The campaigns file is over 1 MB: too big to be a list of campaigns, so nothing "
            "was sent. Check that it is the right file, or split it.")


def parse_campaign_rows(
    data: bytes | str,
    *,
    default_type: CampaignType | None = None,
    require_type: bool = True,
) -> list[CampaignRow]:
    """Parse a campaigns file (see the module's rules); returns ``(line, id, type)`` rows.

    An empty or absent type takes ``default_type``; with none, the row is refused
    (``require_type``) or returned with type ``None`` for the caller to fill. Raises
    :class:`InvalidInput` naming the line for a bad row: nothing is ever sent from a file
    with a bad row.
    """
    size = len(data.encode("utf-8", "surrogatepass")) if isinstance(data, str) else len(data)
    if size > MAX_FILE_BYTES:
        raise _refuse(_TOO_BIG)
    text = _decode(data)
    rows: list[CampaignRow] = []
    first = True
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        delimiter = ";" if ";" in stripped else ","
        try:
            cells = next(csv.reader(io.StringIO(stripped), delimiter=delimiter, strict=True))
        except (csv.Error, StopIteration):
            raise _refuse(f"Line {number} of the campaigns file cannot be read.") from None
        while cells and not cells[-1].strip():
            cells.pop()
        if first:
            first = False
            if _is_header(cells, number):
                continue
        if len(rows) == MAX_CAMPAIGNS:
            raise _refuse(
                f"The campaigns file lists more than {MAX_CAMPAIGNS:,} campaigns (line "
                f"{number} is one too many), so nothing was sent. Split it into smaller files."
            )
        rows.append(_row(number, cells, delimiter, default_type, require_type))
    return rows


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1
        raise _refuse(
            f"Line {bad_line} of the campaigns file is not UTF-8 text. Save the file as "
            "\"CSV UTF-8\" and try again."
        ) from None


def _column_name(cell: str) -> str:
    return "_".join(cell.strip().lower().replace("-", " ").split())


def _is_header(cells: list[str], number: int) -> bool:
    """Whether the first row is a header (a known one: True); an unknown one is refused."""
    names = [_column_name(c) for c in cells]
    if not names:
        return False
    expected = "the columns are campaign_id and optionally type"
    if names[0] in ID_COLUMNS:
        unknown = [c.strip() for c, n in zip(cells[1:], names[1:], strict=True)
                   if n and n not in TYPE_COLUMNS]
        if unknown or len(cells) > 2:
            shown = ", ".join(repr(c) for c in (unknown or [c.strip() for c in cells[2:]]))
            raise _refuse(
                f"Line {number} of the campaigns file is a header with a column this app "
                f"does not know ({shown}): {expected}."
            )
        return True
    if names[0] in TYPE_COLUMNS or (len(names) > 1 and names[1] in TYPE_COLUMNS):
        raise _refuse(
            f"Line {number} of the campaigns file looks like a header, but "
            f"{cells[0].strip()[:40]!r} is not a column name this app knows: {expected} "
            "(campaign_id,type)."
        )
    if not any(ch.isdigit() for ch in cells[0]):
        raise _refuse(
            f"Line {number} of the campaigns file is neither a campaign (there is no "
            f"campaign ID in {cells[0].strip()[:40]!r}) nor a header this app knows: "
            f"{expected} (campaign_id,type)."
        )
    return False


def _row(
    number: int,
    cells: list[str],
    delimiter: str,
    default_type: CampaignType | None,
    require_type: bool,
) -> CampaignRow:
    where = f"Line {number} of the campaigns file"
    changed = _spreadsheet_change(cells, delimiter)
    if changed is not None:
        raise _refuse(f"{where}: {changed}")
    if len(cells) > 2:
        raise _refuse(
            f"{where} has {len(cells)} columns; expected campaign_id and optionally type."
        )
    try:
        campaign_id = validate_campaign_id(cells[0] if cells else "")
        raw_type = cells[1].strip() if len(cells) > 1 else ""
        ctype: CampaignType | None
        if raw_type:
            ctype = CampaignType.parse(raw_type)
        elif default_type is not None or not require_type:
            ctype = default_type
        else:
            raise InvalidInput(
                Reason.BAD_CAMPAIGN_TYPE,
                "no type is given (add a type column or give a default type).",
            )
    except InvalidInput as exc:
        raise InvalidInput(exc.reason, f"{where}: {exc.message}") from None
    return number, campaign_id, ctype


def _spreadsheet_change(cells: list[str], delimiter: str) -> str | None:
    """What a spreadsheet did to this row's campaign id, as a sentence; None if nothing."""
    if not cells:
        return None
    value = cells[0].strip()
    if delimiter == "," and len(cells) > 1 and _DIGITS.fullmatch(value):
        # an unquoted "3,301" or "3301,0" was split at its comma
        second = cells[1].strip()
        if len(value) <= 3 and _DIGITS.fullmatch(second) and len(second) == 3:
            groups = [value]
            for cell in cells[1:]:
                if not (_DIGITS.fullmatch(cell.strip()) and len(cell.strip()) == 3):
                    break
                groups.append(cell.strip())
            return _changed(",".join(groups), "a thousands separator was added")
        if second and set(second) == {"0"}:
            return _changed(f"{value},{second}", "a decimal comma was added")
    if value.startswith(("'", "\u2019")) and len(value) > 1:
        return (f"{value!r} starts with an apostrophe, the mark Excel uses for text, which "
                "was saved into the file: remove it, or format the column as Text instead "
                "and save the file again.")
    if _GROUPED.fullmatch(value):
        return _changed(value, "a thousands separator was added")
    if _DECIMAL.fullmatch(value):
        return _changed(value, f"a decimal {'comma' if ',' in value else 'point'} was added")
    if _SCIENTIFIC.fullmatch(value):
        return _changed(value, "it was written in scientific notation, which can lose digits")
    return None


def _changed(value: str, what: str) -> str:
    return f"{value!r} looks like a number Excel changed ({what}): {_FORMAT_AS_TEXT}."
