"""What a shift plan's run hands out: its start, its end (:class:`PlanRunResult`), the
stop raised on Ctrl-C, a run recorded as begun, a missed slot, what ``run_due`` did and how
the Plans list shows a plan. Qt-free; the runs themselves are :mod:`.plan_runs`'s (which
re-exports these names)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wolkvox_desktop.core.bulk import BulkPlan
from wolkvox_desktop.core.bulk_run import BulkSummary
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.plans import Plan
from wolkvox_desktop.core.schedule import LocalZone, Slot
from wolkvox_desktop.core.service import Usage
from wolkvox_desktop.core.store import SavedPlan


@dataclass(frozen=True)
class PlanRunStart:
    """A run about to make its first call (after the budget check)."""

    plan: Plan
    slot: Slot | None
    bulk: BulkPlan
    usage: Usage  # today's use before the run


@dataclass(frozen=True)
class PlanRunResult:
    """How one run of a plan ended: ``summary`` once it started, ``refusal`` when it did
    not (nothing was sent then). ``slot`` is ``None`` for a run by hand."""

    plan: Plan
    slot: Slot | None
    started_at: datetime
    summary: BulkSummary | None = None
    refusal: CallResult | None = None
    stopped: bool = False  # stopped by a person or a signal before its end

    @property
    def started(self) -> bool:
        return self.summary is not None

    @property
    def in_doubt(self) -> bool:
        """A call was cut short in flight: it may or may not have reached Wolkvox."""
        return self.summary is not None and any(
            r.reason is Reason.UNEXPECTED and r.outcome is Outcome.UNKNOWN
            for record in self.summary.records for r in record.results)

    @property
    def sent(self) -> int:
        """Campaigns whose call was made (whatever Wolkvox answered)."""
        if self.summary is None:
            return 0
        return sum(1 for record in self.summary.records
                   if any(r.outcome is not Outcome.INVALID for r in record.results))

    @property
    def outcome(self) -> Outcome:
        """The most serious outcome (``invalid`` when it did not start)."""
        if self.refusal is not None:
            return self.refusal.outcome
        return self.summary.worst_outcome if self.summary is not None else Outcome.INVALID

    @property
    def ok(self) -> bool:
        return self.summary is not None and self.summary.all_ok

    @property
    def exit_code(self) -> int:
        """The command's exit code: the outcome's, 1 for a local problem (the data file,
        the token's lock folder; :attr:`CallResult.exit_code`)."""
        if self.refusal is not None:
            return self.refusal.exit_code
        if self.summary is not None:
            return self.summary.exit_code
        return self.outcome.exit_code

    def sentence(self) -> str:
        """One English sentence (the CLI and the log; the window words its own)."""
        name = self.plan.name
        if self.refusal is not None or self.summary is None:
            why = self.refusal.message if self.refusal is not None else "nothing was sent."
            return f"Plan {name!r} did not start: {why}"
        progress = self.summary.progress
        verb = "started" if self.plan.action is Action.START else "stopped"
        if self.stopped:
            return self._stopped_sentence(verb)
        if self.summary.all_ok:
            return f"Plan {name!r}: {_count(progress.ok)} {verb}."
        parts = [f"{progress.ok} {verb}"]
        if progress.failed:
            parts.append(f"{progress.failed} failed")
        if progress.not_run:
            parts.append(f"{progress.not_run} not called")
        first = self.summary.first_failure
        why = f" First failure: {first.message}" if first is not None else ""
        ended = "stopped at a failure" if progress.not_run else "ended with failures"
        return f"Plan {name!r} {ended}: {', '.join(parts)}.{why}"

    def _stopped_sentence(self, verb: str) -> str:
        assert self.summary is not None
        progress = self.summary.progress
        total = progress.total
        parts = [f"{self.sent} of {total} sent ({progress.ok} {verb})"]
        if progress.not_run:
            parts.append(f"{progress.not_run} never called, recorded in the history as not "
                         "sent")
        doubt = (" The call in flight may or may not have reached Wolkvox: check the "
                 "campaign (wolkvox campaigns) before trying again." if self.in_doubt else "")
        return f"Plan {self.plan.name!r} was stopped: {'; '.join(parts)}.{doubt}"


class PlanRunStopped(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM, turned into one by the CLI) stopped a plan's run; its end is
    recorded (``result``, stopped) before this is raised."""

    def __init__(self, result: PlanRunResult) -> None:
        super().__init__(result.sentence())
        self.result = result


@dataclass(frozen=True)
class RunTicket:
    """A run recorded as begun (:func:`begin_run_by_hand`, or a scheduled claim): its
    record's id, the slot it claimed (``None``: none) and when it started."""

    run_id: int
    slot: Slot | None
    started_at: datetime


@dataclass(frozen=True)
class MissedSlot:
    """A slot more than 15 minutes late: not run; the window offers to run the plan now."""

    saved: SavedPlan
    slot: Slot
    late: bool = False  # it was due, but could not begin within its 15 minutes

    def sentence(self, zone: LocalZone) -> str:
        local = zone.local(self.slot.moment)
        if self.late:
            return (
                f"Plan {self.saved.name!r} was due at {local:%Y-%m-%d %H:%M} but could not "
                "begin within 15 minutes of it (another plan's run took longer): it is not "
                "run late. Run it by hand if it is still wanted."
            )
        return (
            f"Plan {self.saved.name!r} was due at {local:%Y-%m-%d %H:%M} and was not run "
            "then (the computer was off or asleep, or nothing was running): it is not run "
            "late. Run it by hand if it is still wanted."
        )


@dataclass(frozen=True)
class DueReport:
    """What :func:`run_due` did: the runs it made and the slots it found missed."""

    runs: tuple[PlanRunResult, ...] = ()
    missed: tuple[MissedSlot, ...] = ()

    @property
    def exit_code(self) -> int:
        """0 when nothing ran or every run went well; else the most serious run's code."""
        return max((run.exit_code for run in self.runs), default=0)


@dataclass(frozen=True)
class PlanState:
    """A plan as the Plans panel and ``wolkvox plan list`` show it."""

    saved: SavedPlan
    next_slot: Slot | None  # None: not scheduled
    missed: Slot | None  # its latest slot, missed and not run by hand since

    @property
    def plan(self) -> Plan:
        return self.saved.plan


def _count(number: int) -> str:
    return f"{number} campaign{'' if number == 1 else 's'}"
