"""The ``plans`` and ``plan_slots`` tables: saved shift plans, and each scheduled slot a
process has claimed.

* A plan is kept by its name, unique in any case (``name_key``: the name casefolded, so
  ``MAÑANA`` and ``Mañana`` are one plan). Saving a plan again under its name
  updates it in place (``replace=True``): its slots, last run and creation stay, so an
  import that hands a workstation the same plans again never makes a slot run twice.
  ``schedule_from`` is when its current schedule was set: slots before it are not the
  plan's (a plan made at 07:05 for 07:00 starts tomorrow, it is not "missed").
* **Exactly once.** :meth:`PlanTable.claim_slot` inserts the row ``(plan, slot)`` with
  ``INSERT OR IGNORE`` on that primary key inside one ``BEGIN IMMEDIATE`` transaction:
  among any number of processes and windows, exactly one gets ``True`` and runs the slot.
  A missed slot is claimed the same way, as ``missed``, so it is reported once.
* A slot claimed by a process that died before finishing it reads as ``interrupted``
  (never run again: its calls may have been made; the history says which).
* **Every run is recorded when it begins** (``plan_runs``, :meth:`PlanTable.begin_plan_run`):
  in the same transaction as its slot's claim, with its owner (:mod:`.owners`). A run by
  hand claims the plan's due slot too, so the scheduler skips it; a scheduled slot that
  comes while a run of the plan is under way is claimed as ``covered``; a slot that can no
  longer begin within its window is claimed as ``missed`` (judged inside the transaction,
  on the caller's clock). Two runs of one plan are never under way at once.
* **An interrupted run is found by the next process** (:meth:`PlanTable.
  mark_interrupted_runs`, on opening the store and before plans are listed): a run whose
  owner is gone and that never finished is marked ``interrupted`` with how many of its
  campaigns were called (its history rows), and each campaign it never called is written
  to the history as not sent (``invalid``/``not_run``, with the plan's name), all in one
  transaction, so exactly one process does it. Nothing is re-sent; its slot stays claimed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wolkvox_desktop.core.store.connection import Connection
from wolkvox_desktop.core.store.owners import owner_alive
from wolkvox_desktop.core.store.records import (
    PlanRunState,
    SlotState,
    StoreError,
    utc_text,
)

if TYPE_CHECKING:
    from wolkvox_desktop.core.plans import Plan
    from wolkvox_desktop.core.store.plan_rows import (
        PlanRunRecord,
        RunClaim,
        SavedPlan,
        SlotRecord,
    )

log = logging.getLogger(__name__)

PLAN_COLUMNS = (
    "id, name, server, action, campaigns, at, days, schedule_from, created_at, updated_at, "
    "last_run_at, last_outcome"
)
SLOT_COLUMNS = "plan_id, slot, due_at, state, owner, claimed_at, finished_at, outcome, message"


#: a run's end, as its slot keeps it
_SLOT_STATE_OF_RUN = {
    PlanRunState.DONE: SlotState.DONE,
    PlanRunState.STOPPED: SlotState.DONE,
    PlanRunState.NOT_STARTED: SlotState.NOT_STARTED,
    PlanRunState.INTERRUPTED: SlotState.INTERRUPTED,
}
_INTERRUPTED = PlanRunState.INTERRUPTED.value
_NOT_SENT = "invalid"  # Outcome.INVALID: nothing was sent (the store does not import errors)
_NOT_RUN = "not_run"  # Reason.NOT_RUN: a stopped run's campaign never called


class PlanTable(Connection):
    def _after_open(self) -> None:
        super()._after_open()
        self._mark_interrupted_quietly()

    def _mark_interrupted_quietly(self) -> None:
        try:
            self.mark_interrupted_runs()
        except StoreError:  # busy: the next look (or process) does it
            log.warning("store: interrupted plan runs could not be marked now", exc_info=True)
    # ---------------------------------------------------------------- plans
    def save_plan(
        self, plan: Plan, *, replace: bool = False, previous: str | None = None
    ) -> tuple[SavedPlan, bool]:
        """Keep a plan (checked where it was typed); returns it and whether it is new.

        A plan with the same name is updated in place when ``replace``, else
        :class:`PlanError` (``NAME``). ``previous``: the name it had (the window's edit
        renames it; another plan with the new name is refused).
        """
        from wolkvox_desktop.core.store.plan_rows import saved_plan

        with self._write(keeps_today=True) as conn:
            plan_id, created = self._save(conn, plan, replace=replace, previous=previous)
            row = conn.execute(
                f"SELECT {PLAN_COLUMNS} FROM plans WHERE id = ?", (plan_id,)  # noqa: S608
            ).fetchone()
        return saved_plan(row), created

    def save_plans(self, plans: Sequence[Plan]) -> tuple[int, int]:
        """Keep several plans at once, replacing those of the same name (an import): all
        or nothing. Returns how many were added and how many replaced."""
        added = replaced = 0
        with self._write(keeps_today=True) as conn:
            for plan in plans:
                _plan_id, created = self._save(conn, plan, replace=True, previous=None)
                added, replaced = added + created, replaced + (not created)
        return added, replaced

    def _save(
        self, conn: Any, plan: Plan, *, replace: bool, previous: str | None
    ) -> tuple[int, bool]:
        from wolkvox_desktop.core.store.plan_rows import exists_error, no_such_plan, plan_values

        now = self._now_text()
        values = plan_values(plan)
        target = _find(conn, previous if previous is not None else plan.name)
        if previous is not None:
            if target is None:
                raise no_such_plan(previous)
            clash = _find(conn, plan.name)
            if clash is not None and clash[0] != target[0]:
                raise exists_error(clash[1])
        elif target is not None and not replace:
            raise exists_error(target[1])
        if target is None:
            cursor = conn.execute(
                """INSERT INTO plans (name, server, action, campaigns, at, days,
                     schedule_from, created_at, updated_at, name_key)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (*values, now, now, now, _key(plan.name)),
            )
            return int(cursor.lastrowid or 0), True
        conn.execute(  # a schedule changed starts afresh: earlier slots are not missed
            """UPDATE plans SET name = ?, server = ?, action = ?, campaigns = ?,
                 at = ?, days = ?, updated_at = ?, name_key = ?,
                 schedule_from = CASE WHEN at IS ? AND days IS ? THEN schedule_from
                                      ELSE ? END
               WHERE id = ?""",
            (*values, now, _key(plan.name), values[4], values[5], now, target[0]),
        )
        return int(target[0]), False

    def plans(self) -> list[SavedPlan]:
        """Every plan, by name, each with its last run's record. Runs of processes that
        are gone are marked interrupted first."""
        from wolkvox_desktop.core.store.plan_rows import RUN_COLUMNS, run_record, saved_plan

        self._mark_interrupted_quietly()
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {PLAN_COLUMNS} FROM plans ORDER BY name_key, name"  # noqa: S608
            ).fetchall()
            runs = conn.execute(
                f"""SELECT {RUN_COLUMNS} FROM plan_runs WHERE id IN
                      (SELECT max(id) FROM plan_runs WHERE plan_id IS NOT NULL
                       GROUP BY plan_id)"""  # noqa: S608
            ).fetchall()
        latest = {int(run[1]): run_record(run) for run in runs}
        return [saved_plan(row, latest.get(int(row[0]))) for row in rows]

    def plan(self, name: str) -> SavedPlan | None:
        """The plan of that name (any case), with its last run's record, or ``None``."""
        from wolkvox_desktop.core.store.plan_rows import RUN_COLUMNS, run_record, saved_plan

        with self._read() as conn:
            row = conn.execute(
                f"SELECT {PLAN_COLUMNS} FROM plans WHERE name_key = ?",  # noqa: S608
                (_key(name),),
            ).fetchone()
            if not row:
                return None
            run = conn.execute(
                f"""SELECT {RUN_COLUMNS} FROM plan_runs WHERE plan_id = ?
                    ORDER BY id DESC LIMIT 1""",  # noqa: S608
                (row[0],),
            ).fetchone()
        return saved_plan(row, run_record(run) if run else None)

    def delete_plan(self, name: str) -> bool:
        """Forget a plan and its slots (the history of its runs stays). True if it existed."""
        with self._write(keeps_today=True) as conn:
            cursor = conn.execute("DELETE FROM plans WHERE name_key = ?", (_key(name),))
            return cursor.rowcount == 1

    def record_plan_run(self, plan_id: int, started_at: datetime, outcome: str) -> None:
        """A run of the plan ended (or did not start): its last run and outcome."""
        with self._write(keeps_today=True) as conn:
            conn.execute(
                "UPDATE plans SET last_run_at = ?, last_outcome = ? WHERE id = ?",
                (utc_text(started_at), outcome, plan_id),
            )

    # ---------------------------------------------------------------- runs
    def begin_plan_run(
        self,
        saved: SavedPlan,
        *,
        started_at: datetime,
        slot: str | None = None,
        due_at: datetime | None = None,
        required: bool = False,
        late_after: datetime | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> RunClaim:
        """Record that a run of ``saved`` begins, in one write transaction.

        ``slot``/``due_at``: the slot the run stands for. ``required`` (a scheduled run):
        the run begins only if it claims that slot; when a run of the plan is under way the
        slot is claimed as ``covered`` instead, and when ``clock()`` is past
        ``late_after`` as ``missed``. Otherwise (a run by hand) the run begins unless
        another run of the plan is under way in a live process (``BUSY``), and claims the
        slot if it is given, still unclaimed and not late. The plan's last run becomes this
        one (outcome ``running``)."""
        from wolkvox_desktop.core.store.plan_rows import ClaimOutcome, RunClaim, campaigns_json

        plan = saved.plan
        with self._write(keeps_today=True) as conn:
            if conn.execute("SELECT 1 FROM plans WHERE id = ?", (saved.id,)).fetchone() is None:
                return RunClaim(ClaimOutcome.GONE)
            running = self._run_under_way(conn, saved.id)
            late = late_after is not None and (clock or self._clock)() > late_after
            claimed: str | None = None
            if required:
                assert slot is not None and due_at is not None
                if self._slot_exists(conn, saved.id, slot):
                    return RunClaim(ClaimOutcome.TAKEN)
                if late:
                    self._insert_slot(conn, saved.id, slot, due_at, SlotState.MISSED)
                    return RunClaim(ClaimOutcome.MISSED)
                if running is not None:
                    self._insert_slot(conn, saved.id, slot, due_at, SlotState.COVERED,
                                      finished=True, message=_covered_message(running))
                    return RunClaim(ClaimOutcome.COVERED, running=running)
                self._insert_slot(conn, saved.id, slot, due_at, SlotState.RUNNING)
                claimed = slot
            else:
                if running is not None:
                    return RunClaim(ClaimOutcome.BUSY, running=running)
                if slot is not None and due_at is not None and not late and self._insert_slot(
                    conn, saved.id, slot, due_at, SlotState.RUNNING
                ):
                    claimed = slot
            started = utc_text(started_at)
            cursor = conn.execute(
                """INSERT INTO plan_runs (plan_id, plan, server, action, campaigns, slot,
                     started_at, begun_at, owner, total, state)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (saved.id, plan.name, plan.server, plan.action.value, campaigns_json(plan),
                 claimed, started, self._now_text(), self._owner, len(plan.campaigns),
                 PlanRunState.RUNNING.value),
            )
            conn.execute("UPDATE plans SET last_run_at = ?, last_outcome = ? WHERE id = ?",
                         (started, PlanRunState.RUNNING.value, saved.id))
            return RunClaim(ClaimOutcome.BEGUN, int(cursor.lastrowid or 0), claimed)

    def finish_plan_run(
        self, run_id: int, *, state: PlanRunState, outcome: str, sent: int, message: str
    ) -> bool:
        """A run begun with :meth:`begin_plan_run` ended: its record, its slot and (if no
        later run was recorded) the plan's last outcome, in one transaction. False when it
        had already been finished (marked interrupted by a process that thought this one
        gone)."""
        with self._write(keeps_today=True) as conn:
            now = self._now_text()
            row = conn.execute("SELECT plan_id, slot, started_at FROM plan_runs WHERE id = ?",
                               (run_id,)).fetchone()
            cursor = conn.execute(
                """UPDATE plan_runs SET state = ?, outcome = ?, sent = ?, finished_at = ?
                   WHERE id = ? AND finished_at IS NULL""",
                (state.value, outcome, sent, now, run_id),
            )
            if row is None or cursor.rowcount != 1:
                log.warning("store: plan run %s was already finished or does not exist", run_id)
                return False
            self._settle(conn, row[0], row[1], row[2], _SLOT_STATE_OF_RUN[state], outcome,
                         message, now)
            return True

    def plan_runs(self, name: str, limit: int = 20) -> list[PlanRunRecord]:
        """A plan's recorded runs (by its current name), newest first."""
        from wolkvox_desktop.core.store.plan_rows import RUN_COLUMNS, run_record

        with self._read() as conn:
            rows = conn.execute(
                f"""SELECT {RUN_COLUMNS} FROM plan_runs
                    WHERE plan_id = (SELECT id FROM plans WHERE name_key = ?)
                    ORDER BY id DESC LIMIT ?""",  # noqa: S608
                (_key(name), max(0, int(limit))),
            ).fetchall()
        return [run_record(row) for row in rows]

    def mark_interrupted_runs(self) -> int:
        """Mark ``interrupted`` every run whose process is gone before it finished, and
        write its never-called campaigns to the history as not sent; returns how many runs.
        Runs of live processes (this one included) are left alone."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, owner FROM plan_runs WHERE finished_at IS NULL"
            ).fetchall()
        dead = [int(run_id) for run_id, owner in rows if not self._owner_lives(owner)]
        if not dead:
            return 0
        with self._write(keeps_today=True) as conn:  # not-sent rows cost nothing
            return sum(self._interrupt(conn, run_id) for run_id in dead)

    def _owner_lives(self, owner: str | None) -> bool:
        return owner == self._owner or (
            owner is not None and owner_alive(self._owners_dir, owner)
        )

    def _run_under_way(self, conn: Any, plan_id: int) -> PlanRunRecord | None:
        """The plan's unfinished run of a live process (a dead one's is marked here)."""
        from wolkvox_desktop.core.store.plan_rows import RUN_COLUMNS, run_record

        rows = conn.execute(
            f"""SELECT {RUN_COLUMNS}, owner FROM plan_runs
                WHERE plan_id = ? AND finished_at IS NULL ORDER BY id DESC""",  # noqa: S608
            (plan_id,),
        ).fetchall()
        for row in rows:
            if self._owner_lives(row[-1]):
                return run_record(row)
            self._interrupt(conn, int(row[0]))
        return None

    def _interrupt(self, conn: Any, run_id: int) -> int:
        """Inside a write transaction: end a dead process's run as interrupted (1), or
        nothing if it was finished meanwhile (0)."""
        import json

        row = conn.execute(
            """SELECT plan_id, plan, server, action, campaigns, slot, started_at, begun_at,
                 owner, total FROM plan_runs WHERE id = ? AND finished_at IS NULL""",
            (run_id,),
        ).fetchone()
        if row is None:
            return 0
        plan_id, name, server, action, campaigns, slot, started, begun, owner, total = row
        calls = conn.execute(
            """SELECT campaign_id, outcome, started_at FROM history
               WHERE plan = ? AND owner IS ? AND action = ? AND started_at >= ?""",
            (name, owner, action, begun),
        ).fetchall()
        called = {call[0] for call in calls}
        sent = len({call[0] for call in calls if call[1] != _NOT_SENT})
        last = max((call[2] for call in calls), default=begun)
        now = self._now_text()
        never = [(cid, ctype) for cid, ctype in json.loads(campaigns) if cid not in called]
        for cid, ctype in never:
            conn.execute(
                """INSERT INTO history (started_at, finished_at, server, action, campaign_id,
                     campaign_type, outcome, reason, duration_ms, message, owner, plan)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""",
                (last, now, server, action, cid, ctype, _NOT_SENT, _NOT_RUN,
                 _never_called_message(name, cid), owner, name),
            )
        conn.execute(
            """UPDATE plan_runs SET state = ?, outcome = ?, sent = ?, finished_at = ?
               WHERE id = ?""",
            (_INTERRUPTED, _INTERRUPTED, sent, now, run_id),
        )
        message = (f"Interrupted: {sent} of {total} sent; the {len(never)} never called are "
                   "in the history as not sent.")
        self._settle(conn, plan_id, slot, started, SlotState.INTERRUPTED, _INTERRUPTED,
                     message, now)
        log.warning("store: the run of plan %r begun at %s was interrupted (%d of %d sent); "
                    "%d campaign(s) recorded as not sent", name, started, sent, total,
                    len(never))
        return 1

    @staticmethod
    def _settle(conn: Any, plan_id: int | None, slot: str | None, started: str,
                slot_state: SlotState, outcome: str, message: str, now: str) -> None:
        """A run ended: its slot, and the plan's last run unless a later one is recorded."""
        if plan_id is None:
            return  # the plan was deleted
        if slot is not None:
            conn.execute(
                """UPDATE plan_slots SET state = ?, outcome = ?, message = ?, finished_at = ?
                   WHERE plan_id = ? AND slot = ? AND finished_at IS NULL""",
                (slot_state.value, outcome, message, now, plan_id, slot),
            )
        conn.execute(
            """UPDATE plans SET last_run_at = ?, last_outcome = ?
               WHERE id = ? AND (last_run_at IS NULL OR last_run_at <= ?)""",
            (started, outcome, plan_id, started),
        )

    # ---------------------------------------------------------------- slots
    def claim_slot(
        self, plan_id: int, slot: str, due_at: datetime, state: SlotState = SlotState.RUNNING
    ) -> bool:
        """Claim a plan's slot for this process (``RUNNING``: it runs it; ``MISSED``: it
        reports it). True for exactly one claimer; False when the slot is already claimed
        or the plan is gone."""
        with self._write(keeps_today=True) as conn:
            return self._insert_slot(conn, plan_id, slot, due_at, state)

    def _insert_slot(self, conn: Any, plan_id: int, slot: str, due_at: datetime,
                     state: SlotState, *, finished: bool = False,
                     message: str | None = None) -> bool:
        now = self._now_text()
        cursor = conn.execute(
            f"""INSERT OR IGNORE INTO plan_slots ({SLOT_COLUMNS})
                SELECT ?, ?, ?, ?, ?, ?, ?, NULL, ?
                WHERE EXISTS (SELECT 1 FROM plans WHERE id = ?)""",  # noqa: S608
            (plan_id, slot, utc_text(due_at), state.value, self._owner, now,
             now if finished else None, message, plan_id),
        )
        return bool(cursor.rowcount == 1)

    @staticmethod
    def _slot_exists(conn: Any, plan_id: int, slot: str) -> bool:
        return conn.execute("SELECT 1 FROM plan_slots WHERE plan_id = ? AND slot = ?",
                            (plan_id, slot)).fetchone() is not None

    def finish_slot(
        self, plan_id: int, slot: str, state: SlotState, outcome: str, message: str
    ) -> None:
        """The claimed slot's run ended (``DONE``) or did not start (``NOT_STARTED``)."""
        with self._write(keeps_today=True) as conn:
            conn.execute(
                """UPDATE plan_slots SET state = ?, outcome = ?, message = ?, finished_at = ?
                   WHERE plan_id = ? AND slot = ? AND finished_at IS NULL""",
                (state.value, outcome, message, self._now_text(), plan_id, slot),
            )

    def slot_record(self, plan_id: int, slot: str) -> SlotRecord | None:
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {SLOT_COLUMNS} FROM plan_slots WHERE plan_id = ? AND slot = ?",  # noqa: S608
                (plan_id, slot),
            ).fetchone()
        return self._slot_record(row) if row else None

    def plan_slots(self, name: str, limit: int = 20) -> list[SlotRecord]:
        """A plan's claimed slots, newest first."""
        with self._read() as conn:
            rows = conn.execute(
                f"""SELECT {SLOT_COLUMNS} FROM plan_slots
                    WHERE plan_id = (SELECT id FROM plans WHERE name_key = ?)
                    ORDER BY due_at DESC LIMIT ?""",  # noqa: S608
                (_key(name), max(0, int(limit))),
            ).fetchall()
        return [self._slot_record(row) for row in rows]

    def _slot_record(self, row: Sequence[Any]) -> SlotRecord:
        from wolkvox_desktop.core.store.plan_rows import slot_record

        state = SlotState(row[3])
        owner = row[4]
        if (
            state is SlotState.RUNNING
            and owner != self._owner
            and (owner is None or not owner_alive(self._owners_dir, owner))
        ):
            state = SlotState.INTERRUPTED
        return slot_record(row, state)


# ---------------------------------------------------------------- rows
def _never_called_message(plan: str, campaign_id: str) -> str:
    return (f"The run of plan {plan!r} was interrupted (the app or the computer stopped) "
            f"before campaign {campaign_id}; nothing was sent for it.")


def _covered_message(running: PlanRunRecord) -> str:
    how = "by hand" if running.slot is None else "for an earlier slot"
    return (f"A run of the plan ({how}) was under way at this time; the slot was not run "
            "again.")


def _key(name: str) -> str:
    """A name as it is unique: trimmed and casefolded."""
    return name.strip().casefold()


def _find(conn: Any, name: str) -> tuple[int, str] | None:
    row = conn.execute("SELECT id, name FROM plans WHERE name_key = ?", (_key(name),)).fetchone()
    return (int(row[0]), str(row[1])) if row else None
