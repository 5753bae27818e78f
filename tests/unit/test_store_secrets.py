"""The store never holds the token: grep the SQLite files after real calls."""

from __future__ import annotations

from pathlib import Path

from wolkvox_desktop.core import paths
from wolkvox_desktop.core.api import WolkvoxClient
from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType
from wolkvox_desktop.core.limits import TokenGate
from wolkvox_desktop.core.service import OperationService
from wolkvox_desktop.core.store import Store
from wolkvox_desktop.simulator.server import Simulator, demo_campaigns

SECRET = "tok-Zq81-store-grep-4f0c9e"  # a token only this test knows
WRONG = "tok-Wrong-store-grep-77ab1d"  # sent, refused by Wolkvox: must not be kept either


def _store_files(store_path: Path) -> list[Path]:
    folder = store_path.parent
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _grep(files: list[Path], needle: str) -> list[Path]:
    hits = []
    for path in files:
        data = path.read_bytes()
        if needle.encode("utf-8") in data or needle.encode("utf-16-le") in data:
            hits.append(path)
    return hits


def test_no_token_in_the_store_files_after_a_run(app_home: Path) -> None:
    sim = Simulator(tokens={SECRET: 3000}, campaigns=demo_campaigns())
    sim.start(port=0)
    store_path = paths.store_path()
    store = Store(store_path)
    try:
        good = WolkvoxClient("0032", SECRET, api_base=sim.base_url,
                             gate=TokenGate())
        bad = WolkvoxClient("0032", WRONG, api_base=sim.base_url,
                            gate=TokenGate())
        try:
            service = OperationService(store, good, "0032")
            assert service.refresh_campaigns().ok
            first = store.campaigns("0032")[0].campaign
            ctype = first.type or CampaignType.PREVIEW
            campaign = CampaignRef(first.id, ctype)
            assert service.start(campaign).ok
            assert service.stop(campaign).ok
            assert service.token_info().ok
            refused = OperationService(store, bad, "0032").start(campaign)
            assert refused.outcome.value == "refused"
        finally:
            good.close()
            bad.close()
        assert len(store.history()) == 5
        files = _store_files(store_path)
        assert any(p.name.endswith("-wal") for p in files)  # the WAL is searched too
        assert _grep(files, SECRET) == [] and _grep(files, WRONG) == []
        # the grep itself works: the campaign name the run saved is found
        assert _grep(files, first.id)
    finally:
        store.close()
        sim.stop()
    files = _store_files(store_path)  # after the checkpoint on close
    assert _grep(files, SECRET) == [] and _grep(files, WRONG) == []
    assert sim.errors == []
