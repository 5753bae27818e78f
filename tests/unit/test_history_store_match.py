"""History's partial campaign match in a real SQLite store: ``330`` finds 3301 and 13305."""

from __future__ import annotations

from pathlib import Path

from wolkvox_desktop.core import paths
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.store import Store

IDS = ["3301", "3302", "13305", "3401", "Ventas_Sur", "VentasXSur", "50%off", "COBRO-1"]


def _store_with_calls() -> Store:
    store = Store(paths.store_path())
    done = CallResult(Outcome.OK, Reason.OK, "Done.", 202, 202, None, "ok", 5)
    for cid in IDS:
        store.finish_call(store.begin_call("0032", Action.START, cid, "preview"), done)
    store.finish_call(store.begin_call("0032", "campaigns"), done)  # no campaign
    return store


def found(store: Store, part: str | None, **filters: str) -> list[str | None]:
    return sorted(r.campaign_id or "-" for r in store.history(campaign_like=part, **filters))


def test_a_part_of_an_id_finds_every_id_that_contains_it(app_home: Path) -> None:
    with _store_with_calls() as store:
        assert found(store, "330") == ["13305", "3301", "3302"]
        assert found(store, " 3301 ") == ["3301"]
        assert found(store, "cobro") == ["COBRO-1"]  # letters ignore case
        assert found(store, "330", action="stop") == []  # with the other filters
        # nothing typed: every call, those without a campaign too
        assert len(found(store, None)) == len(found(store, "  ")) == len(IDS) + 1


def test_like_wildcards_typed_by_the_supervisor_match_themselves(app_home: Path) -> None:
    with _store_with_calls() as store:
        assert found(store, "_") == ["Ventas_Sur"]  # not "any one character"
        assert found(store, "s_s") == ["Ventas_Sur"]
        assert found(store, "%") == ["50%off"]  # not "anything"
        assert found(store, "\\") == []
