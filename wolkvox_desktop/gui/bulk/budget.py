"""Today's token budget against a run's cost: how close it gets, and the question to ask
before going past it (the main window asks the same before a single call)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from wolkvox_desktop.core.limits import WARN_FRACTION
from wolkvox_desktop.gui.local_format import number


class UsageLike(Protocol):
    """``core.service.Usage`` (today's uses against the budget)."""

    @property
    def used(self) -> int: ...

    @property
    def budget(self) -> int: ...


def budget_state(usage: UsageLike, calls: int) -> str:
    """``"ok"``, ``"warn"`` (the run takes today's use to 80 % or more) or ``"over"``
    (the run would pass 100 %)."""
    after = usage.used + max(0, calls)
    if after > usage.budget:
        return "over"
    if after >= usage.budget * WARN_FRACTION:
        return "warn"
    return "ok"


class OverBudgetQuestion(QMessageBox):
    """*This needs N tokens but only M of today's B are left*: go over, or cancel
    (the default)."""

    def __init__(self, parent: QWidget | None, usage: UsageLike, calls: int) -> None:
        super().__init__(parent)
        self.setObjectName("overBudgetBox")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Token budget"))
        remaining = max(0, usage.budget - usage.used)
        self.setText(
            self.tr("This needs %Ln token(s) but only {remaining} of today's {budget} are "
                    "left ({used} used).", "", calls
                    ).format(remaining=number(remaining), budget=number(usage.budget),
                             used=number(usage.used))
        )
        self.setInformativeText(
            self.tr(
                "Past the budget Wolkvox may refuse calls (TOKEN LIMIT EXCEEDED) for the rest "
                "of the day, for everyone using this token. Go over the budget anyway?"
            )
        )
        self.goButton = self.addButton(self.tr("Go over the budget"),
                                       QMessageBox.ButtonRole.AcceptRole)
        self.goButton.setObjectName("overBudgetGoButton")
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("overBudgetCancelButton")
        self.setDefaultButton(cancel)
        self.setEscapeButton(cancel)


def confirm_over_budget(parent: QWidget | None, usage: UsageLike, calls: int) -> bool:
    """Ask before calls that would pass today's token budget; ``True`` means go ahead.

    Returns ``True`` at once (no question) when ``calls`` more calls stay within the
    budget. When they would pass it, a warning names the figures and the default answer
    is *Cancel*.
    """
    if budget_state(usage, calls) != "over":
        return True
    box = OverBudgetQuestion(parent, usage, calls)
    box.exec()
    return box.clickedButton() is box.goButton
