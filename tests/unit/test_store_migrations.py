"""Schema migrations: from an empty file, from a v1 file, and a file from the future."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wolkvox_desktop.core.store import (
    INTERRUPTED,
    MIGRATIONS,
    SCHEMA_VERSION,
    Operation,
    Store,
    StoreError,
)


def _columns(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def _make_v1(path: Path) -> None:
    """A file as version 1 of the app left it, with data in every table."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("PRAGMA user_version=1")
        conn.execute("INSERT INTO operations VALUES ('0032', 'Ventas', 2, 30.0, 2)")
        conn.executemany(
            "INSERT INTO campaigns VALUES ('0032', ?, ?, 'preview', 'started', ?, "
            "'2026-01-05T10:00:00.000000+00:00')",
            [("1", "Listada", 0), ("9", "A mano", 1)],
        )
        conn.execute(
            "INSERT INTO meta VALUES ('0032', '2026-01-05T10:00:00.000000+00:00')"
        )
        conn.execute(
            "INSERT INTO history (started_at, finished_at, server, action, campaign_id, "
            "campaign_type, outcome, reason, http_status, code, error, msg, duration_ms) "
            "VALUES ('2026-01-05T10:01:00.000000+00:00', '2026-01-05T10:01:01.000000+00:00', "
            "'0032', 'start', '1', 'preview', 'ok', 'ok', 200, 202, NULL, 'started', 900)"
        )
        conn.execute(  # a v1 process died mid-call
            "INSERT INTO history (started_at, server, action, campaign_id, campaign_type) "
            "VALUES ('2026-01-05T10:02:00.000000+00:00', '0032', 'stop', '1', 'preview')"
        )
    finally:
        conn.close()


def test_every_step_applies_from_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        assert store.integrity_check() == "ok"
    assert "owner" in _columns(path, "history")
    assert "listed" in _columns(path, "campaigns")


def test_v1_file_is_migrated_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    _make_v1(path)
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.operation("0032") == Operation("0032", "Ventas", 2, 30.0, 2)
        by_id = {c.campaign.id: c for c in store.campaigns("0032")}
        assert by_id["1"].manual is False and by_id["9"].manual is True
        assert (by_id["1"].last_action, by_id["1"].last_outcome) == ("stop", "unknown")
        refreshed = store.campaigns_refreshed_at("0032")
        assert refreshed is not None and refreshed.tzinfo is not None
        old_ok, interrupted = sorted(store.history(), key=lambda r: r.id)
        assert (old_ok.outcome, old_ok.duration_ms, old_ok.message) == ("ok", 900, None)
        assert (interrupted.outcome, interrupted.reason) == ("unknown", INTERRUPTED)
        # the listed flag was derived: a refresh keeps the manual one, drops the listed one
        store.replace_api_campaigns("0032", [])
        assert [c.campaign.id for c in store.campaigns("0032")] == ["9"]
        # and the migrated file takes new rows
        store.begin_call("0032", "campaigns")
        assert len(store.history()) == 3


def test_v2_file_gets_the_api_base_column_and_the_90_s_default(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:2]:
        for statement in step:
            conn.execute(statement)
    conn.execute("PRAGMA user_version=2")
    conn.execute("INSERT INTO operations VALUES ('0032', 'Ventas', 2, 60.0, 1)")  # the default
    conn.execute("INSERT INTO operations VALUES ('0033', 'Sur', 1, 45.0, 1)")  # chosen
    conn.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.operation("0032") == Operation("0032", "Ventas", 2, 90.0, 1)
        assert store.operation("0033") == Operation("0033", "Sur", 1, 45.0, 1)
        row = store.begin_call("0032", "campaigns", api_base="http://127.0.0.1:8099")
        (recorded,) = store.history()
        assert recorded.id == row and recorded.api_base == "http://127.0.0.1:8099"
    assert "api_base" in _columns(path, "history")


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        Store(path)
    assert path.read_bytes() == before


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "again.sqlite3"
    Store(path).close()
    with Store(path) as store:  # would fail on "table already exists" if re-run
        assert store.schema_version == SCHEMA_VERSION


def test_v4_file_gets_the_rebuild_tables_and_is_backed_up_at_once(tmp_path: Path) -> None:
    """v5: the rebuild's notice and floors, the backup mark and its triggers; a file that
    already holds operations is backed up at its first chance."""
    from wolkvox_desktop.core.store.backup import backups

    path = tmp_path / "v4.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:4]:
        for statement in step:
            conn.execute(statement)
    conn.execute("PRAGMA user_version=4")
    conn.execute("INSERT INTO operations VALUES ('0032', 'Ventas', 3, 90.0, 1)")
    conn.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION >= 5
        assert store.unseen_recoveries() == []
        assert not store.usage_uncertain("0032")
        assert store.calls_today("0032") == 0
    assert _columns(path, "store_recoveries")[:3] == ["id", "at", "kept"]
    assert _columns(path, "usage_floors") == ["server", "day_start", "day_end", "calls",
                                              "uncertain"]
    (backup,) = backups(path)
    assert _columns(backup, "operations")[0] == "server"


def test_v6_file_gets_the_live_state_and_the_history_detail(tmp_path: Path) -> None:
    """v7 (issue 18): ``history.detail``, ``live_state``; a plan saved by v6 (campaigns
    ``[id, type]``) still reads, and one with speeds is kept as ``[id, type, speed]``."""
    from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType
    from wolkvox_desktop.core.plans import Plan

    path = tmp_path / "v6.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:6]:
        for statement in step:
            conn.execute(statement)
    conn.execute("PRAGMA user_version=6")
    conn.execute(
        "INSERT INTO plans (name, name_key, server, action, campaigns, schedule_from, "
        "created_at, updated_at) VALUES ('Turno', 'turno', '0032', 'start', "
        "'[[\"3301\", \"predictive\"]]', '2026-01-05T10:00:00.000000+00:00', "
        "'2026-01-05T10:00:00.000000+00:00', '2026-01-05T10:00:00.000000+00:00')")
    conn.execute(
        "INSERT INTO history (started_at, server, action, outcome, owner) "
        "VALUES ('2026-01-05T10:01:00.000000+00:00', '0032', 'campaigns', 'ok', NULL)")
    conn.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION >= 7
        saved = store.plan("Turno")
        assert saved is not None and saved.plan.speeds == ()
        assert store.history()[0].detail is None
        assert store.kept_reading("0032") is None
        assert store.live_state("0032")["services_at"] is None
        store.save_plan(Plan.create("Noche", "0032", "start",
                                    [CampaignRef("3301", CampaignType.PREDICTIVE)],
                                    speeds={"3301": 35}))
    assert "detail" in _columns(path, "history")
    assert _columns(path, "live_state")[:3] == ["server", "reading_at", "reading"]
    raw = sqlite3.connect(path)
    try:
        (campaigns,) = raw.execute("SELECT campaigns FROM plans WHERE name = 'Noche'").fetchone()
    finally:
        raw.close()
    assert campaigns == '[["3301", "predictive", 35]]'
