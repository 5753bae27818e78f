"""The records of a rebuild (:mod:`.recovery`) and their English sentence: loaded only
when a file has an unseen rebuild (a frozen dataclass costs about a millisecond of every
start-up to create)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

#: how a table reads in a sentence (English; the window has its own words)
TABLE_WORDS = {
    "operations": ("operation", "operations"),
    "plans": ("plan", "plans"),
    "plan_slots": ("plan run", "plan runs"),
    "campaigns": ("saved campaign", "saved campaigns"),
    "history": ("history row", "history rows"),
}
#: how a table reads in "changes to ... may be lost"
LOST_WORDS = {"operations": "operations", "plans": "plans", "plan_slots": "plan runs",
              "campaigns": "saved campaigns", "history": "the history"}


@dataclass(frozen=True)
class Recovery:
    """One rebuild of the data file, as recorded in the rebuilt file."""

    id: int
    at: datetime  # local, aware
    kept: Path  # the damaged file, set aside
    restored: dict[str, int]  # table -> rows in the rebuilt file
    from_backup: dict[str, int]  # of those, rows that came from the backup
    backup_at: datetime | None  # the backup used (local), if any
    lost: tuple[str, ...]  # tables whose later changes may be lost (see sentence())
    usage_known: bool  # today's token uses could be counted exactly
    seen: bool = False

    def sentence(self, path: Path) -> str:
        """The English notice (the CLI's; the window translates its own)."""
        when = self.at.strftime("%Y-%m-%d %H:%M")
        parts = [
            f"The Wolkvox Desktop data file {path} was found damaged at {when} and was "
            f"rebuilt; the damaged file is kept as {self.kept}."
        ]
        kept = [_count(t, n) for t, n in self.restored.items() if n and t in TABLE_WORDS]
        if kept:
            source = ""
            if self.backup_at is not None and any(self.from_backup.values()):
                whole = all(self.from_backup.get(t, 0) == n for t, n in self.restored.items())
                source = (f" ({'' if whole else 'from the damaged file and '}from the backup "
                          f"of {self.backup_at.strftime('%Y-%m-%d %H:%M')})")
            parts.append(f"Restored: {_join(kept)}{source}.")
        else:
            parts.append("Nothing could be restored.")
        if self.lost:
            words = _join([LOST_WORDS.get(t, t) for t in self.lost])
            if self.backup_at is not None:
                parts.append(f"Changes to {words} made after the backup of "
                             f"{self.backup_at.strftime('%Y-%m-%d %H:%M')} may be lost.")
            else:
                parts.append(f"What could not be read of {words} is lost.")
        else:
            parts.append("Nothing was lost.")
        if not self.usage_known:
            parts.append(
                "Today's token use could not be counted exactly: the budget counts at least "
                "what was recorded, and a bulk run or a plan run by hand needs --yes today."
            )
        return " ".join(parts)


@dataclass(frozen=True)
class RecoveryNotice:
    """What a recovery listener is told: the store's path, the unseen rebuild, and how to
    mark it seen (a write to the store, from the thread that opened it)."""

    path: Path
    recovery: Recovery
    mark_seen: Callable[[], None] = field(compare=False, repr=False)

    def sentence(self) -> str:
        return self.recovery.sentence(self.path)


def recovery_row(row: Any) -> Recovery:
    restored = _json(row[3])
    lost = _json(row[4])
    backup_at = restored.get("backup_at")
    return Recovery(
        id=int(row[0]),
        at=_local(str(row[1])),
        kept=Path(str(row[2])),
        restored={str(k): int(v) for k, v in dict(restored.get("rows", {})).items()},
        from_backup={str(k): int(v) for k, v in dict(restored.get("from_backup", {})).items()},
        backup_at=_local(str(backup_at)) if backup_at else None,
        lost=tuple(str(t) for t in (lost if isinstance(lost, list) else [])),
        usage_known=bool(row[5]),
        seen=bool(row[6]),
    )


def _local(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone()


def _json(text: object) -> Any:
    import json  # only when a rebuild is recorded

    try:
        return json.loads(str(text))
    except ValueError:
        return {}


# ---------------------------------------------------------------- words
def _count(table: str, n: int) -> str:
    one, many = TABLE_WORDS[table]
    return f"{n:,} {one if n == 1 else many}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
