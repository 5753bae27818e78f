"""History to CSV: UTF-8 with BOM, header, accents and commas round-trip; the separator."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from wolkvox_desktop.core import paths
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.history_export import (
    COLUMNS,
    export_history_csv,
    formula_guard,
    list_separator,
)
from wolkvox_desktop.core.store import Store

NAMES = ["Renovación Ñandú, norte", 'Cobranza "julio"; sur', "Línea\nnueva", "Ação 1"]


def _run(store: Store) -> None:
    for i, name in enumerate(NAMES):
        row = store.begin_call("0032", Action.START, f"id-{i}", "preview")
        store.finish_call(row, CallResult(
            Outcome.REFUSED, Reason.REFUSED_OTHER, f"Wolkvox refused «{name}».",
            403, 403, "FORBIDDEN", name, 7,
        ))
    store.begin_call("0032", "campaigns")  # pending: empty cells, not "None"


def test_csv_file_round_trips_accents_and_commas(app_home: Path, tmp_path: Path) -> None:
    with Store(paths.store_path()) as store:
        _run(store)
        rows = store.history()
    out = tmp_path / "historial.csv"
    assert export_history_csv(rows, out) == len(rows) == 5
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    assert "Renovación Ñandú, norte".encode() in raw
    with open(out, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == list(COLUMNS)
    assert len(table) == 1 + len(rows)
    records = [dict(zip(table[0], line, strict=True)) for line in table[1:]]
    assert records[0]["action"] == "campaigns" and records[0]["outcome"] == "pending"
    assert records[0]["finished_at"] == "" and records[0]["http_status"] == ""
    by_id = {r["campaign_id"]: r for r in records[1:]}
    for i, name in enumerate(NAMES):
        assert by_id[f"id-{i}"]["msg"] == name
        assert by_id[f"id-{i}"]["message"] == f"Wolkvox refused «{name}»."
        assert by_id[f"id-{i}"]["http_status"] == "403"
    started = by_id["id-0"]["started_at"]
    assert started == rows[-1].started_at.isoformat(timespec="seconds")  # local, with offset
    assert started[-6] in "+-"


def test_csv_to_an_open_file_and_formula_cells(app_home: Path) -> None:
    with Store(paths.store_path()) as store:
        row = store.begin_call("0032", Action.STOP, "-12", "predictive")
        store.finish_call(row, CallResult(
            Outcome.REFUSED, Reason.REFUSED_OTHER, "No.", 400, 400, "BAD REQUEST",
            '=HYPERLINK("http://x","y")', 3,
        ))
        rows = store.history()
    buffer = io.StringIO(newline="")
    assert export_history_csv(rows, buffer) == 1
    (header, line) = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    record = dict(zip(header, line, strict=True))
    assert record["msg"] == "'=HYPERLINK(\"http://x\",\"y\")"  # never run as a formula
    assert record["campaign_id"] == "-12"  # a number stays as it is
    assert export_history_csv([], io.StringIO()) == 0


def test_csv_with_the_locale_separator_keeps_the_english_columns(app_home: Path) -> None:
    with Store(paths.store_path()) as store:
        _run(store)
        rows = store.history()
    buffer = io.StringIO(newline="")
    assert export_history_csv(rows, buffer, delimiter=";") == 5
    text = buffer.getvalue()
    assert text.splitlines()[0] == ";".join(COLUMNS)  # English, for tools
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert {line[COLUMNS.index("msg")] for line in table[1:]} >= set(NAMES)
    # the default stays the comma the command line writes
    default = io.StringIO(newline="")
    export_history_csv(rows, default)
    assert default.getvalue().splitlines()[0] == ",".join(COLUMNS)


def test_the_list_separator_follows_the_decimal_separator() -> None:
    assert list_separator(",") == ";"
    assert list_separator(".") == ","


def test_the_formula_guard() -> None:
    for text in ("=1+1", "+A1", "-cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx"):
        assert formula_guard(text) == "'" + text
    for text in ("-12", "+3.5", "3301", "Renovación", "", "a=b"):
        assert formula_guard(text) == text
