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
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wolkvox_desktop.core.store.connection import Connection
from wolkvox_desktop.core.store.owners import owner_alive
from wolkvox_desktop.core.store.records import SlotState, utc_text

if TYPE_CHECKING:
    from wolkvox_desktop.core.plans import Plan
    from wolkvox_desktop.core.store.plan_rows import SavedPlan, SlotRecord

PLAN_COLUMNS = (
    "id, name, server, action, campaigns, at, days, schedule_from, created_at, updated_at, "
    "last_run_at, last_outcome"
)
SLOT_COLUMNS = "plan_id, slot, due_at, state, owner, claimed_at, finished_at, outcome, message"


class PlanTable(Connection):
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
        """Every plan, by name."""
        from wolkvox_desktop.core.store.plan_rows import saved_plan

        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {PLAN_COLUMNS} FROM plans ORDER BY name_key, name"  # noqa: S608
            ).fetchall()
        return [saved_plan(row) for row in rows]

    def plan(self, name: str) -> SavedPlan | None:
        """The plan of that name (any case), or ``None``."""
        from wolkvox_desktop.core.store.plan_rows import saved_plan

        with self._read() as conn:
            row = conn.execute(
                f"SELECT {PLAN_COLUMNS} FROM plans WHERE name_key = ?",  # noqa: S608
                (_key(name),),
            ).fetchone()
        return saved_plan(row) if row else None

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

    # ---------------------------------------------------------------- slots
    def claim_slot(
        self, plan_id: int, slot: str, due_at: datetime, state: SlotState = SlotState.RUNNING
    ) -> bool:
        """Claim a plan's slot for this process (``RUNNING``: it runs it; ``MISSED``: it
        reports it). True for exactly one claimer; False when the slot is already claimed
        or the plan is gone."""
        with self._write(keeps_today=True) as conn:
            cursor = conn.execute(
                f"""INSERT OR IGNORE INTO plan_slots ({SLOT_COLUMNS})
                    SELECT ?, ?, ?, ?, ?, ?, NULL, NULL, NULL
                    WHERE EXISTS (SELECT 1 FROM plans WHERE id = ?)""",  # noqa: S608
                (plan_id, slot, utc_text(due_at), state.value, self._owner, self._now_text(),
                 plan_id),
            )
            return cursor.rowcount == 1

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
def _key(name: str) -> str:
    """A name as it is unique: trimmed and casefolded."""
    return name.strip().casefold()


def _find(conn: Any, name: str) -> tuple[int, str] | None:
    row = conn.execute("SELECT id, name FROM plans WHERE name_key = ?", (_key(name),)).fetchone()
    return (int(row[0]), str(row[1])) if row else None
