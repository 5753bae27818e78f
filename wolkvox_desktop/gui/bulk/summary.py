"""The end of a run, told honestly: every campaign counted once, by where it ended.

A campaign whose call failed and that the supervisor then skipped counts under its
outcome (``? 1 outcome unknown (1 skipped by you)``), never as a plain skip: the counts
add up to the campaigns of the run, and "Some outcomes are unknown" never stands next to
a zero. The campaigns never sent (the run stopped first) are named.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtWidgets import QVBoxLayout, QWidget

from wolkvox_desktop.core.bulk import BulkItem
from wolkvox_desktop.core.bulk_run import BulkSummary, ItemState
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.errors import Outcome
from wolkvox_desktop.gui.bulk.parts import text_label
from wolkvox_desktop.gui.outcome_look import outcome_colour, outcome_glyph

#: Where a campaign can end, in the order the summary names them.
ENDINGS = ("ok", "refused", "undelivered", "unknown", "invalid", "skipped", "in_state",
           "not_run")
FAILURES = ("refused", "undelivered", "unknown", "invalid")


@dataclass(frozen=True)
class RunCounts:
    """How many campaigns ended where (each once), and of the failures, how many the
    supervisor skipped after the pause."""

    action: Action
    ended: dict[str, int]
    skipped_after: dict[str, int]
    calls: int

    @property
    def total(self) -> int:
        return sum(self.ended.values())

    def __getitem__(self, ending: str) -> int:
        return self.ended.get(ending, 0)


def count_endings(summary: BulkSummary) -> RunCounts:
    ended: Counter[str] = Counter()
    skipped_after: Counter[str] = Counter()
    for record in summary.records:
        last = record.last_result
        failed = last is not None and not last.ok
        if record.state is ItemState.OK:
            ended["ok"] += 1
        elif record.state is ItemState.IN_STATE:
            ended["in_state"] += 1
        elif record.state is ItemState.SKIPPED and failed:
            assert last is not None
            ended[last.outcome.value] += 1
            skipped_after[last.outcome.value] += 1
        elif record.state is ItemState.SKIPPED:
            ended["skipped"] += 1
        elif record.state is ItemState.FAILED and failed:
            assert last is not None
            ended[last.outcome.value] += 1
        else:  # NOT_RUN (or, defensively, a run that ended mid-step)
            ended["not_run"] += 1
    return RunCounts(summary.action, {k: ended[k] for k in ENDINGS},
                     {k: skipped_after[k] for k in FAILURES}, summary.calls)


_NOTHING_SENT = (Outcome.INVALID, Outcome.UNDELIVERED)


@dataclass(frozen=True)
class Sent:
    """How far a run is, honestly: the campaigns whose call went out (Wolkvox answered it,
    or may have: neither refused here, nor undelivered, which send nothing to Wolkvox) of
    those it is to call; those found already in the wanted state are apart (never
    called)."""

    sent: int
    to_send: int
    in_state: int
    stopped: bool  # the run was stopped (cancelled or aborted) and is over
    finished: bool


def sent_so_far(summary: BulkSummary) -> Sent:
    records = summary.records
    sent = sum(1 for r in records if any(result.outcome not in _NOTHING_SENT
                                         for result in r.results))
    in_state = sum(1 for r in records if r.state is ItemState.IN_STATE)
    progress = summary.progress
    return Sent(sent, len(records) - in_state, in_state,
                progress.finished and progress.cancelled, progress.finished)


def worst_ending(counts: RunCounts) -> str:
    """The outcome key the run is shown with: the most serious failure, else ``ok``
    (a run stopped before some campaigns shows as ``not_run``)."""
    for key in ("unknown", "undelivered", "refused", "invalid"):
        if counts[key]:
            return key
    return "not_run" if counts["not_run"] else "ok"


def never_sent(summary: BulkSummary) -> list[BulkItem]:
    return [r.item for r in summary.records if r.state is ItemState.NOT_RUN]


def campaign_label(item: BulkItem) -> str:
    return f"{item.campaign_id} · {item.name}" if item.name else item.campaign_id


class SummaryBox(QWidget):
    """The counts, what to do about unknown outcomes, and the campaigns never sent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkSummaryBox")
        self.countsLabel = text_label(self, "bulkSummaryLabel")
        self.adviceLabel = text_label(self, "bulkSummaryAdvice")
        self.adviceLabel.setStyleSheet(f"color: {outcome_colour('unknown').name()};")
        self.neverSentLabel = text_label(self, "bulkNeverSentLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.countsLabel, self.adviceLabel, self.neverSentLabel):
            layout.addWidget(label)

    def show_summary(self, summary: BulkSummary) -> RunCounts:
        counts = count_endings(summary)
        self.countsLabel.setText(
            " · ".join(self.count_parts(counts)) + "\n"
            + self.tr("%Ln call(s) made; each is in the history.", "", counts.calls)
        )
        unknown = counts["unknown"]
        self.adviceLabel.setText(
            self.tr("Some outcomes are unknown: refresh the campaign list and check those "
                    "campaigns in Wolkvox before trying again.") if unknown else ""
        )
        self.adviceLabel.setVisible(bool(unknown))
        missing = never_sent(summary)
        self.neverSentLabel.setText(
            self.tr("Never sent (the run stopped first): {campaigns}").format(
                campaigns=", ".join(campaign_label(item) for item in missing))
            if missing else ""
        )
        self.neverSentLabel.setVisible(bool(missing))
        return counts

    # ---------------------------------------------------------------- the words
    def count_parts(self, counts: RunCounts) -> list[str]:
        """``"✓ 3 started"``, ``"? 1 with the outcome unknown (1 skipped by you)"``, …: the
        endings that happened, each with its glyph."""
        parts = []
        for ending in ENDINGS:
            n = counts[ending]
            if not n:
                continue
            text = f"{outcome_glyph(ending)} {self._phrase(ending, counts.action, n)}"
            skipped = counts.skipped_after.get(ending, 0)
            if skipped:
                text += " " + self.tr("(%Ln skipped by you)", "", skipped)
            parts.append(text)
        return parts

    def headline(self, counts: RunCounts) -> str:
        """One line for the main window's result line: ``Start of 5 campaigns: ✓ 4
        started · ? 1 with the outcome unknown``."""
        lead = (self.tr("Start of %Ln campaign(s):", "", counts.total)
                if counts.action is Action.START
                else self.tr("Stop of %Ln campaign(s):", "", counts.total))
        return f"{lead} {' · '.join(self.count_parts(counts))}"

    def _phrase(self, ending: str, action: Action, n: int) -> str:
        start = action is Action.START
        if ending == "ok":
            return self.tr("%Ln started", "", n) if start else self.tr("%Ln stopped", "", n)
        if ending == "in_state":
            return (self.tr("%Ln already started", "", n) if start
                    else self.tr("%Ln already stopped", "", n))
        phrases = {
            "refused": self.tr("%Ln refused by Wolkvox", "", n),
            "undelivered": self.tr("%Ln not delivered", "", n),
            "unknown": self.tr("%Ln with the outcome unknown", "", n),
            "invalid": self.tr("%Ln not sent (refused here)", "", n),
            "skipped": self.tr("%Ln skipped", "", n),
            "not_run": self.tr("%Ln never sent", "", n),
        }
        return phrases[ending]
