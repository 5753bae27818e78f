"""What a plan's run says when nobody watched it: the tray's notifications and the window's
result line, in the window's language.

A scheduled run has no confirmation and no dialog, so its end is told in words a
supervisor acts on: what was done, the first failure and that the rest was not sent (a
scheduled run stops there, like ``wolkvox plan run-due``), or why it did not start (today's
budget: nothing sent; the history says so too). A slot missed by more than 15 minutes is
told once, with what to do.

Functions of plain values (tests read them in both languages)::

    run_ended(result) -> Notification       a run ended, or did not start
    run_started(start) -> str                a scheduled run makes its first call
    slots_missed(missed, zone, now) -> Notification
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject

from wolkvox_desktop.core.bulk_run import BulkSummary
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.errors import Reason
from wolkvox_desktop.core.plan_runs import MissedSlot, PlanRunResult, PlanRunStart
from wolkvox_desktop.core.plans import Plan
from wolkvox_desktop.core.schedule import LocalZone
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.plans.when import day_and_time

MISSED = "invalid"  # how a missed slot looks: not sent


@dataclass(frozen=True)
class Notification:
    """A title, a body, and the outcome key its look comes from (``gui.outcome_look``)."""

    title: str
    body: str
    outcome: str

    @property
    def sentence(self) -> str:
        """Title and body on one line (the window's result line)."""
        return f"{self.title}: {self.body}"


def run_ended(result: PlanRunResult) -> Notification:
    return PlanNotices().run_ended(result)


def run_started(start: PlanRunStart) -> str:
    return PlanNotices().run_started(start)


def slots_missed(missed: Sequence[MissedSlot], zone: LocalZone, now: datetime) -> Notification:
    return PlanNotices().slots_missed(missed, zone, now)


class PlanNotices(QObject):
    """The sentences (``self.tr``: pyside6-lupdate records plural forms only there)."""

    def run_ended(self, result: PlanRunResult) -> Notification:
        plan, summary = result.plan, result.summary
        if summary is None:
            return self._not_started(result)
        done = self._done(plan.action, summary.progress.ok)
        if summary.all_ok:
            return Notification(self.tr("Plan “{name}” ran").format(name=plan.name), done,
                                "ok")
        parts = [done, self._first_failure(summary)]
        not_sent = summary.progress.not_run
        if not_sent:
            title = self.tr("Plan “{name}” stopped at a failure")
            parts.append(self.tr("The other %Ln campaign(s) were not sent.", "", not_sent))
        else:
            title = self.tr("Plan “{name}” ended with a failure")
        return Notification(title.format(name=plan.name), " ".join(p for p in parts if p),
                            result.outcome.value)

    def run_started(self, start: PlanRunStart) -> str:
        return self.tr("Plan “{name}” is running on schedule: %Ln campaign(s), one after the "
                       "other…", "", start.bulk.cost).format(name=start.plan.name)

    def slots_missed(self, missed: Sequence[MissedSlot], zone: LocalZone,
                     now: datetime) -> Notification:
        if len(missed) == 1:
            (one,) = missed
            return Notification(
                self.tr("Plan “{name}” was missed").format(name=one.saved.name),
                # the title says it was missed: the body says when and why, not again that
                self.tr("It was due {when}, but the computer was off or asleep, or the app "
                        "was closed. It is not run late; run it from Plans if it is still "
                        "wanted.").format(when=day_and_time(one.slot.moment, zone, now)),
                MISSED,
            )
        names = ", ".join(f"“{m.saved.name}”" for m in missed)
        return Notification(
            self.tr("%n scheduled plan(s) were missed", "", len(missed)),
            self.tr("{names}: at their time the computer was off or asleep, or the app "
                    "was closed. They are not run late; run them from Plans if they are still "
                    "wanted.").format(names=names),
            MISSED,
        )

    # ---------------------------------------------------------------- pieces
    def _not_started(self, result: PlanRunResult) -> Notification:
        plan, refusal = result.plan, result.refusal
        if refusal is not None and refusal.reason is Reason.BUDGET_EXHAUSTED:
            body = self._over_budget(plan)
        elif refusal is not None:
            body = messages.describe(refusal, plan.action.value)
        else:
            body = messages.reason_sentence(Reason.NOT_RUN) or ""
        return Notification(self.tr("Plan “{name}” did not start").format(name=plan.name),
                            body, result.outcome.value)

    def _over_budget(self, plan: Plan) -> str:
        return self.tr("Its %Ln call(s) would pass today's token budget for operation "
                       "{server}, so nothing was sent. The history says so.", "",
                       len(plan.campaigns)).format(server=plan.server)

    def _done(self, action: Action, ok: int) -> str:
        if action is Action.START:
            return (self.tr("%Ln campaign(s) started.", "", ok) if ok
                    else self.tr("No campaign was started."))
        return (self.tr("%Ln campaign(s) stopped.", "", ok) if ok
                else self.tr("No campaign was stopped."))

    def _first_failure(self, summary: BulkSummary) -> str:
        failed = summary.failures
        last = failed[0].last_result if failed else None
        if last is None:
            return ""
        campaign = failed[0].item.campaign_id
        return self.tr("Campaign {campaign} failed: {why}").format(
            campaign=campaign, why=messages.describe(last, summary.action.value, campaign))
