"""The scheduled check's traces in the data folder, read by ``plan schedule status`` and the
Plans window, whatever environment wrote them.

* ``run-due-heartbeat.json``: written by every run of the OS schedule's command (the
  ``--run-due`` switch) when it ends: when (UTC), its exit code, the last thing it said
  (no token is ever in what it says), the program's version.
* ``run-due-schedule.json``: written when the switch is turned on (when, and how): a check
  that has not come within 30 minutes of that is a problem too.

Both are small JSON files replaced whole (a temporary file renamed over the old one), so a
reader never sees half of one; a file that cannot be read counts as absent.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

HEARTBEAT_FILE = "run-due-heartbeat.json"
TURNED_ON_FILE = "run-due-schedule.json"
MAX_SAID = 300


@dataclass(frozen=True)
class Heartbeat:
    """One scheduled check: when it ended, its exit code, its last sentence."""

    at: datetime
    exit_code: int
    said: str = ""
    version: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"at": iso(self.at), "exit_code": self.exit_code, "said": self.said,
                "version": self.version}


@dataclass(frozen=True)
class TurnedOn:
    """When (and how) the switch was last turned on."""

    at: datetime
    method: str


def write_heartbeat(folder: Path, beat: Heartbeat) -> None:
    said = " ".join(beat.said.split())
    if len(said) > MAX_SAID:
        said = said[: MAX_SAID - 3] + "..."
    _write(folder / HEARTBEAT_FILE, {**beat.to_json(), "said": said})


def read_heartbeat(folder: Path) -> Heartbeat | None:
    data = _read(folder / HEARTBEAT_FILE)
    try:
        return Heartbeat(_moment(data["at"]), int(data["exit_code"]), str(data.get("said", "")),
                         str(data.get("version", "")))
    except (KeyError, TypeError, ValueError):
        return None


def write_turned_on(folder: Path, turned_on: TurnedOn) -> None:
    _write(folder / TURNED_ON_FILE, {"turned_on_at": iso(turned_on.at),
                                     "method": turned_on.method})


def read_turned_on(folder: Path) -> TurnedOn | None:
    data = _read(folder / TURNED_ON_FILE)
    try:
        return TurnedOn(_moment(data["turned_on_at"]), str(data.get("method", "")))
    except (KeyError, TypeError, ValueError):
        return None


def forget_turned_on(folder: Path) -> None:
    with contextlib.suppress(OSError):
        (folder / TURNED_ON_FILE).unlink(missing_ok=True)


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def _moment(text: Any) -> datetime:
    moment = datetime.fromisoformat(str(text))
    if moment.tzinfo is None:
        raise ValueError("a time without its zone")
    return moment.astimezone(timezone.utc)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(path: Path, data: dict[str, Any]) -> None:
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
