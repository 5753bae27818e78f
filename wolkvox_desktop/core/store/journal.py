"""What Wolkvox answered, kept when the store was too busy to take it: ``<store>.journal/``.

A call's ``pending`` row is committed before the request. When the row cannot be finished
afterwards (another process held the file's write lock past the busy timeout, the disk
refused), Wolkvox's answer must not be lost: the result (and the campaign status it
implies) is written to a small JSON file beside the store, named by the row, written to a
temporary name, synced and renamed into place. The next store that opens the file, or the
next history query of any open store, folds every entry into the history
(:func:`fold_into`) and removes it, so the row ends with the real outcome instead of
"interrupted". An entry holds only what the history holds: never the token.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.store.records import utc_now, utc_text

if TYPE_CHECKING:
    from wolkvox_desktop.core.store import Store

log = logging.getLogger(__name__)

SUFFIX = ".journal"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
_FIELDS = ("http_status", "code", "error", "msg", "duration_ms")


def folder_of(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + SUFFIX)


def keep(
    store_path: Path,
    row_id: int,
    result: CallResult,
    *,
    status: tuple[str, str, str] | None = None,
) -> Path:
    """Write the answer of row ``row_id`` (and ``status``: server, campaign id, status the
    campaign now has) beside the store; returns the entry's path. Raises ``OSError``."""
    folder = folder_of(store_path)
    folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
    entry: dict[str, Any] = {
        "row": int(row_id),
        "finished_at": utc_text(utc_now()),
        "outcome": result.outcome.value,
        "reason": result.reason.value,
        "message": result.message,
        **{name: getattr(result, name) for name in _FIELDS},
        "status": list(status) if status is not None else None,
    }
    final = folder / f"row-{int(row_id)}.json"
    temporary = folder / f".row-{int(row_id)}.{os.getpid()}.tmp"
    data = json.dumps(entry, ensure_ascii=False).encode("utf-8")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temporary, final)
    return final


def pending_entries(store_path: Path) -> list[Path]:
    """The entries waiting to be folded in (oldest row first); none when the folder is
    missing, which is the usual case (one ``stat``)."""
    folder = folder_of(store_path)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    entries = [folder / name for name in names
               if name.startswith("row-") and name.endswith(".json")]
    return sorted(entries, key=lambda p: int(p.stem[4:]) if p.stem[4:].isdigit() else 0)


def fold_into(store: Store) -> int:
    """Finish the history rows of every entry beside ``store`` (and set the campaign
    statuses they carry), removing each entry once it is in; returns how many were folded.
    A busy store leaves them for the next time; an unreadable entry is set aside."""
    folded = 0
    for path in pending_entries(store.path):
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            row_id = int(entry["row"])
            result = _result_of(entry)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("store: journal entry %s cannot be read (%s); set aside", path.name, exc)
            _set_aside(path)
            continue
        from wolkvox_desktop.core.store.records import StoreError

        try:
            finished = entry.get("finished_at")
            store.finish_call(row_id, result,
                              finished_at=finished if isinstance(finished, str) else None)
            status = entry.get("status")
            if isinstance(status, list) and len(status) == 3:
                store.set_campaign_status(str(status[0]), str(status[1]), str(status[2]))
        except StoreError:
            return folded  # still busy: the next open or query tries again
        try:
            path.unlink()
        except OSError:
            pass
        folded += 1
        log.info("store: folded the answer of history row %s in from the journal", row_id)
    return folded


def _result_of(entry: dict[str, Any]) -> CallResult:
    def number(name: str) -> int | None:
        value = entry.get(name)
        return int(value) if isinstance(value, int) and not isinstance(value, bool) else None

    def text(name: str) -> str | None:
        value = entry.get(name)
        return value if isinstance(value, str) else None

    return CallResult(
        Outcome(entry["outcome"]),
        Reason(entry["reason"]),
        str(entry.get("message") or ""),
        http_status=number("http_status"),
        code=number("code"),
        error=text("error"),
        msg=text("msg"),
        duration_ms=number("duration_ms") or 0,
    )


def _set_aside(path: Path) -> None:
    try:
        os.replace(path, path.with_name(path.name + ".unreadable"))
    except OSError:
        pass
