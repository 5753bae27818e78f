"""Backups of the data file on real files: when they are made, what they hold, how many
are kept, and a damaged page found by a backup's own check."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from wolkvox_desktop.core.campaigns import Campaign, CampaignRef, CampaignType
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.plans import Plan
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.core.store import backup as store_backup
from wolkvox_desktop.core.store import connection as store_connection

OK = CallResult(Outcome.OK, Reason.OK, "Started.", 200, 202, None, "started", 5)
NAME = re.compile(r"^data\.sqlite3\.backup-\d{8}-\d{6}(-\d+)?$")


class Clock:
    """A clock the test moves."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def read(backup: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    try:
        return [tuple(r) for r in conn.execute(sql).fetchall()]
    finally:
        conn.close()


def test_a_change_to_operations_plans_or_campaigns_is_backed_up_at_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "data.sqlite3"
    with Store(path) as store:
        assert store_backup.backups(path) == []  # nothing saved yet: nothing to keep
        store.upsert_operation(Operation("0032", "Ventas", licenses=3))
        (first,) = store_backup.backups(path)
        assert NAME.match(first.name)
        assert read(first, "SELECT server, licenses FROM operations") == [("0032", 3)]
        store.add_manual_campaign("0032", Campaign("3301", "A mano", CampaignType.PREVIEW))
        store.save_plan(Plan.create("Tarde", "0032", "stop",
                                    [CampaignRef("3301", CampaignType.PREVIEW)]))
        newest = store_backup.backups(path)[0]
        assert read(newest, "SELECT name FROM plans") == [("Tarde",)]
        assert read(newest, "SELECT campaign_id FROM campaigns") == [("3301",)]
        count = len(store_backup.backups(path))
        store.upsert_operation(Operation("0032", "Ventas", licenses=3))  # no change
        store.replace_api_campaigns("0032", [Campaign("3302", "Listada")])  # Wolkvox's
        store.finish_call(store.begin_call("0032", "start", "3301", "preview"), OK)
        assert len(store_backup.backups(path)) == count  # none of these is backed up
    for backup in store_backup.backups(path):
        if sys.platform != "win32":
            assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        assert read(backup, "PRAGMA quick_check") == [("ok",)]
        assert read(backup, "PRAGMA journal_mode") == [("delete",)]  # one file, no -wal
    leftovers = [p.name for p in tmp_path.iterdir()
                 if ".backup-" in p.name and not NAME.match(p.name)]
    assert leftovers == []


def test_the_days_backup_is_made_by_a_command_as_it_closes(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    clock = Clock(datetime(2026, 3, 2, 14, 0, tzinfo=timezone.utc))
    with Store(path, clock=clock) as store:
        store.upsert_operation(Operation("0032", "Ventas"))
    made = len(store_backup.backups(path))
    clock.now += timedelta(days=1)
    with Store(path, clock=clock) as store:
        store.finish_call(store.begin_call("0032", "start", "3301", "preview"), OK)
        assert len(store_backup.backups(path)) == made  # not on the way to the call
    assert len(store_backup.backups(path)) == made + 1  # as it closed
    newest = store_backup.backups(path)[0]
    assert read(newest, "SELECT campaign_id FROM history") == [("3301",)]
    with Store(path, clock=clock):  # the same day again: nothing more
        pass
    assert len(store_backup.backups(path)) == made + 1


def test_a_long_lived_process_backs_up_at_its_first_unsynced_write_of_the_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_connection, "LONG_LIVED_S", 0.0)  # "open a minute already"
    path = tmp_path / "data.sqlite3"
    clock = Clock(datetime(2026, 3, 2, 14, 0, tzinfo=timezone.utc))
    with Store(path, clock=clock) as store:
        store.upsert_operation(Operation("0032", "Ventas"))
        made = len(store_backup.backups(path))
        clock.now += timedelta(days=1)  # the window stayed open overnight
        row = store.begin_call("0032", "start", "3301", "preview")  # synced: before a call
        assert len(store_backup.backups(path)) == made
        store.finish_call(row, OK)  # after the call
        assert len(store_backup.backups(path)) == made + 1
        store.finish_call(store.begin_call("0032", "start", "3302", "preview"), OK)
        assert len(store_backup.backups(path)) == made + 1  # once a day


def test_a_few_backups_are_kept(tmp_path: Path) -> None:
    """The 3 newest, the first of today and the newest of an earlier day."""
    path = tmp_path / "data.sqlite3"
    clock = Clock(datetime(2026, 3, 1, 15, 0, tzinfo=timezone.utc))
    with Store(path, clock=clock) as store:
        for day in range(3):
            for hour in range(4):
                clock.now = datetime(2026, 3, 1 + day, 13 + hour, tzinfo=timezone.utc)
                store.upsert_operation(Operation("0032", f"Ventas {day} {hour}"))
    kept = store_backup.backups(path)
    stamps = [store_backup.backup_time(p) for p in kept]
    local = [s.astimezone(timezone.utc).strftime("%d %H") if s else "" for s in stamps]
    assert local == ["03 16", "03 15", "03 14", "03 13", "02 16"]
    assert read(kept[0], "SELECT label FROM operations") == [("Ventas 2 3",)]


def test_a_damaged_page_found_by_the_backups_check_rebuilds_the_file(
    tmp_path: Path,
) -> None:
    """The backup API copies pages as they are: the copy's check finds the damage, the
    copy is dropped (older backups are not replaced by a damaged one) and the file is
    rebuilt, the change just made included."""
    path = tmp_path / "data.sqlite3"
    with Store(path) as store:
        store.upsert_operation(Operation("0032", "Ventas"))
        for i in range(300):
            store.finish_call(store.begin_call("0032", "start", f"camp-{i:05d}", "preview"),
                              OK)
        store.save_plan(Plan.create("Tarde", "0032", "stop",
                                    [CampaignRef("3301", CampaignType.PREVIEW)]))
    good = set(store_backup.backups(path))
    data = path.read_bytes()
    page = next(m.start() // 4096 for m in re.finditer(b"camp-00150", data)
                if data[m.start() // 4096 * 4096] == 0x0D)
    with path.open("r+b") as fh:
        fh.seek(page * 4096)
        fh.write(os.urandom(4096))
    with Store(path) as store:
        assert store.recovered_from is None
        store.upsert_operation(Operation("0033", "Cobranza"))  # a change: a backup
        assert store.recovered_from is not None
        assert [op.server for op in store.operations()] == ["0032", "0033"]
        assert len(store.history()) == 300
        assert store.integrity_check() == "ok"
    for backup in store_backup.backups(path):
        assert read(backup, "PRAGMA quick_check") == [("ok",)]
    assert good & set(store_backup.backups(path))  # an older good one is still there
