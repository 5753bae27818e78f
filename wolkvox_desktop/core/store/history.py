"""The ``history`` table: every call that may reach Wolkvox, append-only.

* :meth:`HistoryLog.begin_call` commits a ``pending`` row *before* the request;
  :meth:`HistoryLog.finish_call` completes it (a second finish of the same row is ignored
  and logged), so ``kill -9`` mid-run loses nothing (tested). For power cuts, a pending
  row is committed with ``synchronous=FULL`` when the last sync is older than
  :data:`~.connection.SYNC_INTERVAL_S`; a sync flushes the whole WAL, so it makes every
  earlier commit durable too. A call made more than ``SYNC_INTERVAL_S`` after the previous
  one (the usual single click) is therefore synced before its request; in a bulk run (a
  call every ~50 ms) a power cut can lose at most the rows of the last ``SYNC_INTERVAL_S``,
  and Wolkvox's own campaign list (refresh) stays the authority on what happened. Syncing
  every pending row cost ~1.2 ms per call (see ``benchmarks/bulk.py``).
* A row left ``pending`` by a process that is gone (killed, crashed, power cut) is marked
  ``unknown`` with reason :data:`~.records.INTERRUPTED`; see
  :meth:`HistoryLog.mark_stale_pending` and :mod:`.owners`.
* :meth:`HistoryLog.calls_today` counts today's token uses (cached; exact for this
  connection's own writes, dropped when another connection committed).
* **The budget is reserved, not checked**: :meth:`HistoryLog.begin_call` with ``budget``
  counts today's uses and inserts the pending row in one ``BEGIN IMMEDIATE`` transaction,
  so any number of processes racing for the last uses of the day never pass the budget
  together (:class:`BudgetExceeded`, nothing inserted).
* **An answer the store was too busy to take** is kept in the journal beside it
  (:mod:`.journal`) and folded in when the store is next opened or queried, before stale
  pending rows are marked interrupted.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from time import monotonic
from typing import TYPE_CHECKING, Any, cast

from wolkvox_desktop.core.campaigns import Action, CampaignType, parse_server_code
from wolkvox_desktop.core.errors import CallResult, Outcome
from wolkvox_desktop.core.store import journal
from wolkvox_desktop.core.store.connection import SYNC_INTERVAL_S, Connection
from wolkvox_desktop.core.store.owners import owner_alive
from wolkvox_desktop.core.store.records import (
    EVENT_ACTIONS,
    HISTORY_COLUMNS,
    INTERRUPTED,
    INTERRUPTED_MESSAGE,
    PENDING,
    as_moment,
    local_midnight,
    next_local_midnight,
    utc_text,
)

if TYPE_CHECKING:
    import sqlite3

    from wolkvox_desktop.core.store import Store
    from wolkvox_desktop.core.store.history_rows import HistoryRow

log = logging.getLogger(__name__)

# Outcomes of calls that never reached Wolkvox, so they cost no token (see calls_today).
NOT_SENT_OUTCOMES = (Outcome.INVALID.value, Outcome.UNDELIVERED.value)


class BudgetExceeded(Exception):
    """Today's budget is used up: no row was inserted (nothing may be sent)."""

    def __init__(self, used: int, budget: int) -> None:
        super().__init__(f"today's token budget is used up ({used} of {budget})")
        self.used = used
        self.budget = budget


class HistoryLog(Connection):
    def _after_open(self) -> None:
        self.mark_stale_pending()  # folds the journal in first
        super()._after_open()

    def fold_journal(self) -> int:
        """Fold in the answers kept beside the store while it was busy (:mod:`.journal`)."""
        if not journal.pending_entries(self.path):
            return 0
        return journal.fold_into(cast("Store", self))

    def begin_call(
        self,
        server: str,
        action: Action | str,
        campaign_id: str | None = None,
        campaign_type: CampaignType | str | None = None,
        *,
        api_base: str | None = None,
        plan: str | None = None,
        budget: int | None = None,
        detail: str | None = None,
    ) -> int:
        """Insert a ``pending`` row (committed before the request) and return its id.
        ``api_base``: the loopback test server the call goes to (``None``: Wolkvox);
        ``plan``: the name of the shift plan whose run makes the call; ``budget``: today's
        token budget of the operation, reserved in the same transaction (raises
        :class:`BudgetExceeded` when today's uses already reach it; ``None``: no limit);
        ``detail``: more than the action says (a speed's "40 → 55")."""
        code = parse_server_code(server)
        action_text = action.value if isinstance(action, Action) else str(action)
        type_text = (
            campaign_type.value
            if isinstance(campaign_type, CampaignType)
            else (str(campaign_type) if campaign_type is not None else None)
        )
        started = self._now_text()
        with self._lock:  # the cached count changes only once the row is committed
            # synced before the request goes out unless a sync is recent (module docstring)
            last = self._synced_at
            durable = last is None or monotonic() - last >= SYNC_INTERVAL_S
            with self._write(durable=durable, keeps_today=True) as conn:
                if budget is not None:
                    used = self._today_count(conn, code, self._clock())
                    if used >= budget:
                        raise BudgetExceeded(used, budget)
                cursor = conn.execute(
                    """INSERT INTO history
                         (started_at, server, action, campaign_id, campaign_type, outcome,
                          owner, api_base, plan, detail)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (started, code, action_text, campaign_id, type_text, PENDING,
                     self._owner, api_base, plan, detail),
                )
                row_id = cursor.lastrowid
            self._count_today(code, started)
        assert row_id is not None
        return int(row_id)

    def _count_today(self, code: str, started: str) -> None:
        """A pending row (it counts) was just inserted: add it to the cached count."""
        cached = self._today.get(code)
        if cached is not None:
            low, high, count = cached
            if low <= started < high:
                self._today[code] = (low, high, count + 1)

    def finish_call(
        self, row_id: int, result: CallResult, *, finished_at: str | None = None
    ) -> None:
        """Complete a pending row with its result (``finished_at``: when the answer came, as
        stored text, for an answer folded in later from the journal; default now).

        Only the first finish counts: finishing a row again is ignored (and logged), so a
        history row never changes once its outcome is known. A row marked interrupted by
        another process that wrongly thought this one gone is still completed.
        """
        # a row stops counting only when it ends as not sent (invalid / undelivered)
        counted = result.outcome.value not in NOT_SENT_OUTCOMES
        with self._write(keeps_today=counted) as conn:
            cursor = conn.execute(
                """UPDATE history SET finished_at = ?, outcome = ?, reason = ?,
                     http_status = ?, code = ?, error = ?, msg = ?, duration_ms = ?,
                     message = ?
                   WHERE id = ? AND finished_at IS NULL""",
                (
                    finished_at or self._now_text(),
                    result.outcome.value,
                    result.reason.value,
                    result.http_status,
                    result.code,
                    result.error,
                    result.msg,
                    int(result.duration_ms),
                    result.message,
                    int(row_id),
                ),
            )
            updated = cursor.rowcount
        if updated != 1:
            log.warning("store: history row %s was already finished or does not exist", row_id)

    def mark_stale_pending(self) -> int:
        """Mark ``unknown``/``interrupted`` every pending row whose process is gone (killed,
        crashed); return how many. Rows of stores open in this or another live process are
        left alone. Runs on open and before every :meth:`history` query, after folding in
        the answers kept in the journal (they finish rows that would read interrupted)."""
        self.fold_journal()
        with self._read() as conn:
            owners = [
                row[0]
                for row in conn.execute(
                    "SELECT DISTINCT owner FROM history WHERE outcome = ?", (PENDING,)
                ).fetchall()
            ]
        dead = [
            owner
            for owner in owners
            if owner != self._owner
            and (owner is None or not owner_alive(self._owners_dir, owner))
        ]
        if not dead:
            return 0
        marked = 0
        with self._write(keeps_today=True) as conn:  # pending -> unknown: both count
            for owner in dead:
                cursor = conn.execute(
                    """UPDATE history SET outcome = ?, reason = ?, msg = ?, message = ?
                       WHERE outcome = ? AND finished_at IS NULL AND owner IS ?""",
                    (Outcome.UNKNOWN.value, INTERRUPTED, INTERRUPTED_MESSAGE,
                     INTERRUPTED_MESSAGE, PENDING, owner),
                )
                marked += cursor.rowcount
        if marked:
            log.warning("store: %d call(s) interrupted by an earlier stop marked unknown", marked)
        return marked

    def history(
        self,
        *,
        since: datetime | date | None = None,
        until: datetime | date | None = None,
        server: str | None = None,
        campaign_id: str | None = None,
        action: str | None = None,
        outcome: str | None = None,
        limit: int | None = None,
        campaign_like: str | None = None,
        plan: str | None = None,
    ) -> list[HistoryRow]:
        """Newest first. ``since`` is inclusive and ``until`` exclusive (naive = local; a
        ``date`` means that day's local midnight, so ``until=date`` excludes that day).

        ``campaign_id`` matches exactly; ``campaign_like`` matches any campaign id that
        contains it (``330`` finds ``3301`` and ``13305``; letters ignore case).

        ``plan`` matches the calls of that shift plan's runs (its name as saved).

        ``outcome="unknown"`` also matches rows interrupted by a crash (they are stored as
        ``unknown``); ``outcome="pending"`` matches calls still in flight.
        """
        from wolkvox_desktop.core.store.history_rows import history_row

        self.mark_stale_pending()
        clauses: list[str] = []
        params: list[Any] = []
        if since is not None:
            clauses.append("started_at >= ?")
            params.append(utc_text(as_moment(since)))
        if until is not None:
            clauses.append("started_at < ?")
            params.append(utc_text(as_moment(until)))
        if server is not None:
            clauses.append("server = ?")
            params.append(parse_server_code(server))
        if campaign_id is not None:
            clauses.append("campaign_id = ?")
            params.append(campaign_id.strip())
        if campaign_like is not None and campaign_like.strip():
            # % and _ in what was typed match themselves
            part = campaign_like.strip()
            part = part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("campaign_id LIKE ? ESCAPE '\\'")
            params.append(f"%{part}%")
        if plan is not None:
            clauses.append("plan = ?")
            params.append(plan.strip())
        if action is not None:
            clauses.append("action = ?")
            params.append(action.value if isinstance(action, Action) else str(action))
        if outcome is not None:
            clauses.append("outcome = ?")
            params.append(outcome.value if isinstance(outcome, Outcome) else str(outcome))
        # only constant column names and "?" placeholders are joined; values are bound
        sql = f"SELECT {HISTORY_COLUMNS} FROM history"  # noqa: S608
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY started_at DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, int(limit)))
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [history_row(row) for row in rows]

    def calls_today(self, server: str, now: datetime | None = None) -> int:
        """Calls (every kind, each costs a token) since local midnight for this operation.

        Counted: every row started today, reads included, pending and unknown ones too (they
        may have reached Wolkvox). Not counted: ``invalid`` (nothing was sent),
        ``undelivered`` (the connection never reached Wolkvox, so no token was used), and
        rows that are not calls (``alert``: :data:`~.records.EVENT_ACTIONS`).
        """
        code = parse_server_code(server)
        with self._read() as conn:
            return self._today_count(conn, code, now if now is not None else self._clock())

    def _today_count(self, conn: sqlite3.Connection, code: str, now: datetime) -> int:
        """Today's uses of ``code`` (under the connection's lock; inside a write transaction
        when reserving). The count is cached (it is asked before every call, and counting
        grows with the day's rows): dropped when another connection (another process,
        another Store) committed since, and kept exact for this connection's own writes."""
        midnight = local_midnight(now)
        low, high = utc_text(midnight), utc_text(next_local_midnight(midnight))
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        if version != self._data_version:
            self._today.clear()
            self._data_version = version
        cached = self._today.get(code)
        if cached is not None and cached[0] == low and cached[1] == high:
            return cached[2]
        row = conn.execute(
            """SELECT count(*) FROM history
               WHERE server = ? AND started_at >= ? AND started_at < ?
                 AND outcome NOT IN (?, ?) AND action NOT IN (?)""",
            (code, low, high, *NOT_SENT_OUTCOMES, *EVENT_ACTIONS),
        ).fetchone()
        count = max(int(row[0]), self._usage_floor(conn, code, low, high))
        self._today[code] = (low, high, count)
        return count
