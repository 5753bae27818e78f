"""The SQLite store on real files: settings, campaigns, history, counting, threads."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from wolkvox_desktop.core import paths
from wolkvox_desktop.core.campaigns import Action, Campaign, CampaignStatus, CampaignType
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason
from wolkvox_desktop.core.store import (
    INTERRUPTED,
    INTERRUPTED_MESSAGE,
    PENDING,
    SCHEMA_VERSION,
    SYNC_INTERVAL_S,
    Operation,
    Store,
    StoreError,
)

OK = CallResult(Outcome.OK, Reason.OK, "Started.", 200, 202, None, "started successfully", 41)
REFUSED = CallResult(
    Outcome.REFUSED, Reason.INVALID_TOKEN, "Bad token.", 403, 403, "FORBIDDEN",
    "PLEASE VALIDATE TOKEN", 12,
)


@pytest.fixture
def bogota_tz() -> Iterator[None]:
    """Local time UTC-5 (no DST), so local midnight is not UTC midnight."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX-only")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TZ", "America/Bogota")
        time.tzset()
        try:
            yield
        finally:
            mp.undo()
            time.tzset()


@pytest.fixture
def store(app_home: Path) -> Iterator[Store]:
    with Store(paths.store_path()) as s:
        yield s


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


# ---------------------------------------------------------------- opening
def test_new_file_is_wal_normal_sync_at_current_schema(store: Store) -> None:
    assert store.schema_version == SCHEMA_VERSION
    raw = sqlite3.connect(store.path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        raw.close()
    assert store._conn is not None
    # NORMAL: every commit survives a killed process; pending rows get synced commits
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 1
    assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert store.integrity_check() == "ok"


def test_open_default_uses_the_app_home(app_home: Path) -> None:
    with Store.open_default() as s:
        assert s.path == app_home / "wolkvox-desktop.sqlite3"
        assert s.path.exists()


def test_reopen_keeps_everything(app_home: Path) -> None:
    path = paths.store_path()
    with Store(path) as s:
        s.upsert_operation(Operation("0032", "Ventas", licenses=2))
        row = s.begin_call("0032", Action.START, "77", CampaignType.PREVIEW)
        s.finish_call(row, OK)
    with Store(path) as s:
        assert s.operation("0032") == Operation("0032", "Ventas", licenses=2)
        (h,) = s.history()
        assert (h.id, h.outcome, h.msg) == (row, "ok", "started successfully")


def test_unopenable_file_is_a_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(StoreError, match="could not be opened") as info:
        Store(blocker / "wolkvox-desktop.sqlite3")  # its folder would be inside a file
    assert str(blocker) in str(info.value)


def test_a_damaged_file_is_set_aside_not_refused(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"this is not a database, just text " * 100)
    with Store(bad) as store:
        assert store.recovered_from is not None
        assert store.recovered_from.read_bytes().startswith(b"this is not a database")
        assert store.integrity_check() == "ok"


def test_an_opened_store_has_nothing_recovered(store: Store) -> None:
    assert store.recovered_from is None


# ---------------------------------------------------------------- the owner lock
def test_owner_lock_is_private_and_released_without_a_trace(tmp_path: Path) -> None:
    import stat

    from wolkvox_desktop.core.store.owners import OwnerLock, owner_alive

    folder = tmp_path / "s.sqlite3.owners"
    lock = OwnerLock(folder, "me")
    assert owner_alive(folder, "me")  # another open of the file sees it held
    assert lock.path.exists()
    if os.name == "posix":
        assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    lock.release()
    lock.release()  # twice is fine
    assert list(folder.iterdir()) == []
    assert not owner_alive(folder, "me")


def test_sweep_removes_dead_locks_and_old_temporaries_only(tmp_path: Path) -> None:
    from wolkvox_desktop.core.store import owners

    folder = tmp_path / "s.sqlite3.owners"
    live = owners.OwnerLock(folder, "live")
    (folder / "dead.lock").write_bytes(b"")  # nobody holds it
    young = folder / "starting.tmp"  # a lock being made right now: left alone
    young.write_bytes(b"")
    old = folder / "killed-while-starting.tmp"
    old.write_bytes(b"")
    long_ago = time.time() - owners.TMP_GRACE_S - 5
    os.utime(old, (long_ago, long_ago))
    owners.sweep(folder, keep="")
    assert sorted(p.name for p in folder.iterdir()) == ["live.lock", "starting.tmp"]
    live.release()


def test_closed_store_says_so(store: Store) -> None:
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        store.operations()


# ---------------------------------------------------------------- operations
def test_operations_round_trip_normalised_and_clamped(store: Store) -> None:
    store.upsert_operation(Operation("wv0032", " Ventas ", licenses=0, timeout_s=-1,
                                     max_in_flight=7))
    store.upsert_operation(Operation("0001", "Cobranza", 3, 30.0, 2))
    assert store.operations() == [
        Operation("0001", "Cobranza", 3, 30.0, 2),
        Operation("0032", "Ventas", 1, 90.0, 2),  # the default timeout
    ]
    store.upsert_operation(Operation("0032", "Ventas norte", 5, 45.0, 1))
    assert store.operation("https://wv0032.wolkvox.com/api/v2/") == Operation(
        "0032", "Ventas norte", 5, 45.0, 1
    )
    store.delete_operation("0032")
    assert store.operation("0032") is None
    assert [op.server for op in store.operations()] == ["0001"]


@pytest.mark.parametrize("server", ["", "0032.evil.com/", "0032@x", "00 32", "abc"])
def test_bad_server_code_is_invalid_input(store: Store, server: str) -> None:
    with pytest.raises(InvalidInput) as info:
        store.upsert_operation(Operation(server))
    assert info.value.reason is Reason.BAD_SERVER_CODE
    with pytest.raises(InvalidInput):
        store.begin_call(server, Action.START, "1", "preview")
    assert store.history() == []


# ---------------------------------------------------------------- campaigns
def test_replace_api_campaigns_keeps_manual_ones(store: Store) -> None:
    assert store.campaigns_refreshed_at("0032") is None
    store.add_manual_campaign("0032", Campaign("900", "A mano", CampaignType.PREDICTIVE))
    store.replace_api_campaigns("0032", [
        Campaign("1", "Bravo", CampaignType.PREVIEW, CampaignStatus.STARTED),
        Campaign("2", "alpha", CampaignType.PREDICTIVE, CampaignStatus.STOPPED),
    ])
    refreshed = store.campaigns_refreshed_at("0032")
    assert refreshed is not None and refreshed.tzinfo is not None
    assert [(c.campaign.id, c.manual) for c in store.campaigns("0032")] == [
        ("900", True), ("2", False), ("1", False)  # by name, case-insensitive
    ]
    # a second refresh replaces the listed ones, the manual one stays
    store.replace_api_campaigns("0032", [Campaign("3", "Charlie")])
    assert [c.campaign.id for c in store.campaigns("0032")] == ["900", "3"]
    assert store.campaigns("0001") == []


def test_manual_campaign_that_wolkvox_lists_is_merged(store: Store) -> None:
    store.add_manual_campaign("0032", Campaign("5", "", CampaignType.PREVIEW))
    store.replace_api_campaigns("0032", [
        Campaign("5", "Renovación", None, CampaignStatus.STARTED)
    ])
    (saved,) = store.campaigns("0032")
    assert saved.manual is True
    assert saved.campaign == Campaign("5", "Renovación", CampaignType.PREVIEW,
                                      CampaignStatus.STARTED)
    # removing the manual mark keeps what Wolkvox lists
    store.remove_manual_campaign("0032", "5")
    (saved,) = store.campaigns("0032")
    assert saved.manual is False
    # a purely manual one is removed
    store.add_manual_campaign("0032", Campaign("6", "Solo"))
    store.remove_manual_campaign("0032", "6")
    assert [c.campaign.id for c in store.campaigns("0032")] == ["5"]


def test_set_campaign_status(store: Store) -> None:
    store.replace_api_campaigns("0032", [Campaign("1", "Uno", CampaignType.PREVIEW)])
    store.set_campaign_status("0032", "1", "Started")
    store.set_campaign_status("0032", "not-saved", "started")  # ignored
    (saved,) = store.campaigns("0032")
    assert saved.campaign.status is CampaignStatus.STARTED


def test_last_action_comes_from_history(store: Store) -> None:
    store.replace_api_campaigns("0032", [Campaign("1", "Uno"), Campaign("2", "Dos")])
    first = store.begin_call("0032", Action.START, "1", "preview")
    store.finish_call(first, OK)
    second = store.begin_call("0032", "stop", "1", "preview")
    store.finish_call(second, REFUSED)
    store.finish_call(store.begin_call("0032", "campaigns"), OK)  # not a campaign action
    other_op = store.begin_call("0001", Action.START, "1", "preview")  # other operation
    store.finish_call(other_op, OK)
    by_id = {c.campaign.id: c for c in store.campaigns("0032")}
    assert (by_id["1"].last_action, by_id["1"].last_outcome) == ("stop", "refused")
    last_row = store.history(server="0032", campaign_id="1")[0]
    assert by_id["1"].last_at == last_row.started_at
    assert (by_id["2"].last_action, by_id["2"].last_outcome, by_id["2"].last_at) == (
        None, None, None
    )
    store.begin_call("0032", Action.START, "2", "preview")
    assert store.campaigns("0032")[0].last_outcome == PENDING  # "Dos" sorts first


# ---------------------------------------------------------------- history
def test_begin_call_is_committed_before_it_returns(store: Store) -> None:
    row = store.begin_call("0032", Action.START, "77", CampaignType.PREDICTIVE)
    other = sqlite3.connect(store.path)  # another connection sees it at once
    try:
        got = other.execute(
            "SELECT outcome, action, campaign_id, campaign_type FROM history WHERE id = ?",
            (row,),
        ).fetchone()
    finally:
        other.close()
    assert got == (PENDING, "start", "77", "predictive")


def test_finish_call_fills_the_row_once(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    row = store.begin_call("0032", Action.STOP, "8", "preview")
    (pending,) = store.history()
    assert pending.outcome == PENDING and pending.finished_at is None
    store.finish_call(row, REFUSED)
    with caplog.at_level(logging.WARNING, logger="wolkvox_desktop.core.store"):
        store.finish_call(row, OK)  # ignored
    assert "already finished" in caplog.text
    (done,) = store.history()
    assert done.outcome == "refused"
    assert done.reason == Reason.INVALID_TOKEN.value
    assert (done.http_status, done.code, done.error) == (403, 403, "FORBIDDEN")
    assert done.msg == "PLEASE VALIDATE TOKEN"
    assert done.message == "Bad token."
    assert done.duration_ms == 12
    assert done.finished_at is not None and done.finished_at >= done.started_at


def test_history_times_are_local_and_aware(store: Store, bogota_tz: None) -> None:
    store.finish_call(store.begin_call("0032", "token_info"), OK)
    (row,) = store.history()
    assert row.started_at.utcoffset() == timedelta(hours=-5)
    assert abs(row.started_at - datetime.now(timezone.utc)) < timedelta(minutes=5)


def test_history_filters_newest_first(app_home: Path) -> None:
    clock = Clock(datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc))
    with Store(paths.store_path(), clock=clock) as s:
        ids = []
        for day, (server, action, cid, result) in enumerate([
            ("0032", "start", "1", OK),
            ("0032", "stop", "1", REFUSED),
            ("0001", "start", "1", OK),
            ("0032", "campaigns", None, OK),
            ("0032", "start", "2", None),  # still pending
        ]):
            clock.now = datetime(2026, 3, 1 + day, 9, 0, tzinfo=timezone.utc)
            row = s.begin_call(server, action, cid, "preview" if cid else None)
            if result is not None:
                s.finish_call(row, result)
            ids.append(row)
        assert [r.id for r in s.history()] == ids[::-1]
        assert [r.id for r in s.history(limit=2)] == [ids[4], ids[3]]
        assert [r.id for r in s.history(server="0001")] == [ids[2]]
        assert [r.id for r in s.history(campaign_id="1", server="0032")] == [ids[1], ids[0]]
        assert [r.id for r in s.history(action="start")] == [ids[4], ids[2], ids[0]]
        assert [r.id for r in s.history(action=Action.STOP)] == [ids[1]]
        assert [r.id for r in s.history(outcome="refused")] == [ids[1]]
        assert [r.id for r in s.history(outcome=Outcome.OK, server="0032")] == [ids[3], ids[0]]
        assert [r.id for r in s.history(outcome=PENDING)] == [ids[4]]
        since = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)  # inclusive
        until = datetime(2026, 3, 4, 9, 0, tzinfo=timezone.utc)  # exclusive
        assert [r.id for r in s.history(since=since, until=until)] == [ids[2], ids[1]]
        # a naive datetime is local time
        local_naive = since.astimezone().replace(tzinfo=None)
        assert [r.id for r in s.history(since=local_naive)] == [ids[4], ids[3], ids[2], ids[1]]


def test_history_by_local_dates(app_home: Path, bogota_tz: None) -> None:
    bogota = timezone(timedelta(hours=-5))
    clock = Clock(datetime(2026, 3, 1, 23, 30, tzinfo=bogota))  # 04:30 UTC on the 2nd
    with Store(paths.store_path(), clock=clock) as s:
        first = s.begin_call("0032", "campaigns")
        clock.now = datetime(2026, 3, 2, 0, 30, tzinfo=bogota)
        second = s.begin_call("0032", "campaigns")
        assert [r.id for r in s.history(since=date(2026, 3, 2))] == [second]
        assert [r.id for r in s.history(until=date(2026, 3, 2))] == [first]
        assert [r.id for r in s.history(since=date(2026, 3, 1), until=date(2026, 3, 3))] == [
            second, first
        ]


def test_calls_today_counts_since_local_midnight(app_home: Path, bogota_tz: None) -> None:
    bogota = timezone(timedelta(hours=-5))
    clock = Clock(datetime(2026, 3, 9, 23, 59, tzinfo=bogota))
    with Store(paths.store_path(), clock=clock) as s:
        s.finish_call(s.begin_call("0032", "start", "1", "preview"), OK)  # yesterday, local
        clock.now = datetime(2026, 3, 10, 0, 1, tzinfo=bogota)  # 05:01 UTC
        s.finish_call(s.begin_call("0032", "start", "1", "preview"), OK)
        s.finish_call(s.begin_call("0032", "campaigns"), REFUSED)  # reads cost a token
        s.begin_call("0032", "stop", "1", "preview")  # pending: may have reached Wolkvox
        unknown = CallResult(Outcome.UNKNOWN, Reason.READ_TIMEOUT, "Timed out.")
        s.finish_call(s.begin_call("0032", "stop", "2", "preview"), unknown)
        undelivered = CallResult(Outcome.UNDELIVERED, Reason.CONNECTION_REFUSED, "No.")
        s.finish_call(s.begin_call("0032", "stop", "3", "preview"), undelivered)
        invalid = CallResult(Outcome.INVALID, Reason.GATE_BUSY, "Busy.")
        s.finish_call(s.begin_call("0032", "stop", "4", "preview"), invalid)
        s.finish_call(s.begin_call("0001", "start", "1", "preview"), OK)  # other operation
        clock.now = datetime(2026, 3, 10, 18, 0, tzinfo=bogota)  # 23:00 UTC: same local day
        assert s.calls_today("0032") == 4
        assert s.calls_today("wv0032") == 4
        assert s.calls_today("0001") == 1
        assert s.calls_today("0032", now=datetime(2026, 3, 9, 12, 0, tzinfo=bogota)) == 1
        assert s.calls_today("0032", now=datetime(2026, 3, 11, 0, 0, tzinfo=bogota)) == 0
        # 02:00 UTC on the 11th is still the 10th in Bogotá
        assert s.calls_today("0032", now=datetime(2026, 3, 11, 2, 0, tzinfo=timezone.utc)) == 4


def test_pending_row_is_synced_unless_a_sync_is_recent(store: Store) -> None:
    """The commit of a pending row runs with synchronous=FULL (synced to disk, so it also
    survives a power cut) when the last synced commit is older than SYNC_INTERVAL_S; in
    between (a bulk run) commits are NORMAL; the connection always goes back to NORMAL."""
    assert store._conn is not None
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)

    def synced(action: Action = Action.START) -> bool:
        statements.clear()
        row = store.begin_call("0032", action, "1", "preview")
        full = [i for i, sql in enumerate(statements) if sql == "PRAGMA synchronous=FULL"]
        commits = [i for i, sql in enumerate(statements) if sql == "COMMIT"]
        store.finish_call(row, OK)
        assert store._conn is not None
        assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL again
        if full:
            assert full[0] < commits[0]  # the row's own commit was the synced one
        return bool(full)

    assert synced()  # the first call of this store: synced before its request
    assert not synced()  # a second one right after: not synced again
    assert store._synced_at is not None
    store._synced_at -= SYNC_INTERVAL_S  # as if the last sync were SYNC_INTERVAL_S old
    assert synced(Action.STOP)
    assert not synced()
    statements.clear()
    store.finish_call(store.begin_call("0032", "campaigns"), OK)
    store.set_campaign_status("0032", "1", "started")
    assert "PRAGMA synchronous=FULL" not in statements


def _true_count(store: Store, server: str, now: datetime | None = None) -> int:
    """calls_today's count straight from the file (another connection, no cache)."""
    fresh = Store(store.path, clock=store._clock)
    try:
        fresh._today.clear()
        return fresh.calls_today(server, now)
    finally:
        fresh.close()


def test_calls_today_cache_follows_this_stores_writes(app_home: Path) -> None:
    """The cached count stays exact through this store's own writes, every outcome."""
    undelivered = CallResult(Outcome.UNDELIVERED, Reason.CONNECTION_REFUSED, "No.")
    invalid = CallResult(Outcome.INVALID, Reason.GATE_BUSY, "Busy.")
    unknown = CallResult(Outcome.UNKNOWN, Reason.READ_TIMEOUT, "Timed out.")
    with Store(paths.store_path()) as s:
        assert s.calls_today("0032") == 0
        expected = 0
        for result in (OK, REFUSED, undelivered, invalid, unknown, OK, undelivered):
            row = s.begin_call("0032", "start", "1", "preview")
            expected += 1  # a pending row counts: it may reach Wolkvox
            assert s.calls_today("0032") == expected == _true_count(s, "0032")
            s.finish_call(row, result)
            if result.outcome in (Outcome.UNDELIVERED, Outcome.INVALID):
                expected -= 1  # never reached Wolkvox: no token used
            assert s.calls_today("0032") == expected == _true_count(s, "0032")
            s.set_campaign_status("0032", "1", "started")
            assert s.calls_today("0032") == expected
        s.finish_call(s.begin_call("0001", "campaigns"), OK)  # another operation
        assert s.calls_today("0032") == expected
        assert s.calls_today("0001") == 1


def test_calls_today_cache_sees_other_connections(app_home: Path) -> None:
    """A count cached by one store is refreshed when another connection (another store, the
    CLI in another process) has committed since."""
    with Store(paths.store_path()) as viewer, Store(paths.store_path()) as worker:
        worker.finish_call(worker.begin_call("0032", "start", "1", "preview"), OK)
        assert viewer.calls_today("0032") == 1
        assert viewer.calls_today("0032") == 1  # cached
        row = worker.begin_call("0032", "stop", "1", "preview")
        assert viewer.calls_today("0032") == 2
        worker.finish_call(row, CallResult(Outcome.UNDELIVERED, Reason.CONNECTION_REFUSED, "No."))
        assert viewer.calls_today("0032") == 1
        raw = sqlite3.connect(paths.store_path())
        try:
            raw.execute("DELETE FROM history")
            raw.commit()
        finally:
            raw.close()
        assert viewer.calls_today("0032") == 0
        assert worker.calls_today("0032") == 0


def test_calls_today_cache_follows_the_day(app_home: Path, bogota_tz: None) -> None:
    bogota = timezone(timedelta(hours=-5))
    clock = Clock(datetime(2026, 3, 9, 23, 58, tzinfo=bogota))
    with Store(paths.store_path(), clock=clock) as s:
        s.finish_call(s.begin_call("0032", "start", "1", "preview"), OK)
        assert s.calls_today("0032") == 1
        clock.now = datetime(2026, 3, 10, 0, 1, tzinfo=bogota)  # a new local day
        assert s.calls_today("0032") == 0
        s.finish_call(s.begin_call("0032", "start", "1", "preview"), OK)
        assert s.calls_today("0032") == 1
        yesterday = datetime(2026, 3, 9, 12, 0, tzinfo=bogota)
        assert s.calls_today("0032", now=yesterday) == 1
        # a row begun while the cache holds another day does not change that day's count
        clock.now = datetime(2026, 3, 10, 0, 2, tzinfo=bogota)
        s.begin_call("0032", "stop", "1", "preview")
        assert s.calls_today("0032", now=yesterday) == 1
        assert s.calls_today("0032") == 2 == _true_count(s, "0032")


def test_two_stores_in_one_process_do_not_interrupt_each_other(app_home: Path) -> None:
    with Store(paths.store_path()) as worker:
        row = worker.begin_call("0032", Action.START, "1", "preview")
        with Store(paths.store_path()) as viewer:  # e.g. a history window, or the CLI
            assert [r.outcome for r in viewer.history()] == [PENDING]
        worker.finish_call(row, OK)
        assert [r.outcome for r in worker.history()] == ["ok"]


def test_pending_row_of_a_gone_owner_is_marked_interrupted(app_home: Path) -> None:
    path = paths.store_path()
    with Store(path) as s:
        row = s.begin_call("0032", Action.START, "1", "preview")
        done = s.begin_call("0032", Action.STOP, "2", "preview")
        s.finish_call(done, OK)
        assert s._conn is not None
        # the same row as a process that vanished without releasing anything would leave
        s._conn.execute("UPDATE history SET owner = 'gone-process' WHERE id = ?", (row,))
        stale_lock = path.with_name(path.name + ".owners") / "gone-process.lock"
        stale_lock.write_bytes(b"")  # its lock file is still there, but nobody holds it
        assert s.mark_stale_pending() == 1
        assert not stale_lock.exists()
        assert s.mark_stale_pending() == 0
        (interrupted,) = s.history(outcome="unknown")
        assert interrupted.id == row
        assert (interrupted.reason, interrupted.msg) == (INTERRUPTED, INTERRUPTED_MESSAGE)
        assert interrupted.finished_at is None
        assert [r.outcome for r in s.history(campaign_id="2")] == ["ok"]
        assert s.calls_today("0032") == 2  # an interrupted call may have cost a token


# ---------------------------------------------------------------- threads
def test_worker_and_gui_threads_share_one_store(store: Store) -> None:
    errors: list[BaseException] = []
    per_thread = 40

    def writer(n: int) -> None:
        try:
            for i in range(per_thread):
                row = store.begin_call("0032", Action.START, f"{n}-{i}", "preview")
                store.finish_call(row, OK)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    def reader() -> None:
        try:
            for _ in range(per_thread):
                store.calls_today("0032")
                store.history(limit=5)
                store.campaigns("0032")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    threads.append(threading.Thread(target=reader))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    rows = store.history()
    assert len(rows) == 3 * per_thread
    assert {r.outcome for r in rows} == {"ok"}
    assert len({r.campaign_id for r in rows}) == 3 * per_thread
    assert store.calls_today("0032") == 3 * per_thread


def test_on_a_network_file_system_the_store_uses_a_rollback_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WAL needs memory shared by the processes of one computer: never on a network share.
    (No network file system can be mounted here: the detection is asked to say "network".)"""
    from wolkvox_desktop.core import paths as paths_module

    seen: list[Path] = []

    def network(path: Path, **_kw: object) -> bool:
        seen.append(path)
        return True

    monkeypatch.setattr(paths_module, "is_network_filesystem", network)
    with Store(tmp_path / "share" / "data.sqlite3") as store:
        assert store.on_network and seen == [tmp_path / "share"]
        assert store._conn is not None
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        store.finish_call(store.begin_call("0032", "campaigns"),
                          CallResult(Outcome.OK, Reason.OK, "Listed."))
        assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # still FULL
    assert not (tmp_path / "share" / "data.sqlite3-wal").exists()
    monkeypatch.undo()
    with Store(tmp_path / "local2.sqlite3") as local:
        assert not local.on_network
        assert local._conn is not None
        assert local._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_history_words_cover_every_outcome_and_call() -> None:
    # one list for the window's filters, its status panel and `wolkvox history`
    from wolkvox_desktop.core.campaigns import Action
    from wolkvox_desktop.core.errors import Outcome
    from wolkvox_desktop.core.store import HISTORY_ACTIONS, HISTORY_OUTCOMES, PENDING

    assert sorted(HISTORY_OUTCOMES) == sorted([o.value for o in Outcome] + [PENDING])
    assert {a.value for a in Action} <= set(HISTORY_ACTIONS)
