"""The ``live_state`` table and the history rows a live reading leaves (issue 18).

* **The previous reading survives the process**: each operation's latest reading is kept
  (compact: by campaign id, its status, calls a minute, remaining records, speed and
  active alerts), so that the next reading, in this process or another (the window, a
  ``wolkvox live --watch``), is compared with it ("changed outside this app").
* **Exactly once**: :meth:`LiveTable.advance_reading` reads the kept reading and this app's
  start/stop calls since it, lets the caller compare, and keeps the new reading with the
  alert rows that appeared, in one ``BEGIN IMMEDIATE`` transaction: two processes reading
  at once never record the same alert twice.
* Alert rows are history rows of action ``alert`` (``reason``: the alert's code,
  ``detail``: e.g. ``started → stopped``), finished when written; they are not calls and
  cost no token (``calls_today`` leaves them out).
* When Wolkvox's licenses (``services``) and token count (``token_info``) were last read,
  and what they said.

Part of every :class:`~wolkvox_desktop.core.store.Store`, so kept light: plain tuples and
dicts, ``json`` loaded when first used.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wolkvox_desktop.core.campaigns import parse_server_code
from wolkvox_desktop.core.store.connection import Connection
from wolkvox_desktop.core.store.records import (
    local_midnight,
    local_time,
    next_local_midnight,
    utc_text,
)

if TYPE_CHECKING:  # (aliases built at import would cost every `wolkvox start`)
    from collections.abc import Callable
    from typing import TypeAlias

    #: one campaign of a kept reading: [status, calls a minute, remaining, speed, [alerts]]
    KeptCampaign: TypeAlias = list[Any]
    #: a kept reading: (when, {campaign id: KeptCampaign})
    KeptReading: TypeAlias = tuple[datetime, dict[str, KeptCampaign]]
    #: an alert row: (campaign id, code, English sentence, detail)
    AlertRow: TypeAlias = tuple[str, str, str, str | None]
    #: this app's start/stop calls of one campaign since a moment: (action, outcome) pairs
    OwnCalls: TypeAlias = dict[str, list[tuple[str, str]]]
    #: the comparison a reading's caller makes inside the transaction
    Compare: TypeAlias = Callable[[KeptReading | None, OwnCalls],
                                  tuple[dict[str, KeptCampaign], list[AlertRow]]]

#: outcomes of a start/stop that may have changed the campaign
_MAY_HAVE_ACTED = ("ok", "unknown", "pending")
STATE_COLUMNS = ("reading_at, reading, services_at, licenses, token_info_at, "
                 "token_use_today, token_limit, our_count")


class LiveTable(Connection):
    def kept_reading(self, server: str) -> KeptReading | None:
        """The operation's latest kept reading, or ``None``."""
        code = parse_server_code(server)
        with self._read() as conn:
            row = conn.execute(
                "SELECT reading_at, reading FROM live_state WHERE server = ?", (code,)
            ).fetchone()
        return _kept(row)

    def advance_reading(self, server: str, at: datetime, compare: Compare) -> list[AlertRow]:
        """Keep a new reading taken at ``at``: ``compare(previous, own_calls)`` returns it
        (compact) and the alert rows that appeared with it; both are written in the same
        transaction that read the previous one. A reading older than the kept one is not
        kept (its alerts are not recorded). Returns the rows recorded."""
        import json

        code = parse_server_code(server)
        when = utc_text(at)
        with self._write(keeps_today=True) as conn:  # alert rows do not count
            row = conn.execute(
                "SELECT reading_at, reading FROM live_state WHERE server = ?", (code,)
            ).fetchone()
            previous = _kept(row)
            own: OwnCalls = {}
            if previous is not None:
                for cid, action, outcome in conn.execute(
                    f"""SELECT campaign_id, action, outcome FROM history
                        WHERE server = ? AND started_at >= ? AND started_at <= ?
                          AND action IN ('start', 'stop') AND campaign_id IS NOT NULL
                          AND outcome IN ({", ".join("?" for _ in _MAY_HAVE_ACTED)})
                        ORDER BY id""",  # noqa: S608 - constant placeholders only
                    (code, utc_text(previous[0]), when, *_MAY_HAVE_ACTED),
                ):
                    own.setdefault(str(cid), []).append((str(action), str(outcome)))
            if previous is not None and previous[0] >= at:
                compare(previous, own)  # shown, not kept: a newer reading is kept already
                return []
            kept, alerts = compare(previous, own)
            conn.execute(
                """INSERT INTO live_state (server, reading_at, reading) VALUES (?, ?, ?)
                   ON CONFLICT (server) DO UPDATE SET reading_at = excluded.reading_at,
                     reading = excluded.reading""",
                (code, when, json.dumps(kept, separators=(",", ":"))),
            )
            for cid, alert, message, detail in alerts:
                conn.execute(
                    """INSERT INTO history (started_at, finished_at, server, action,
                         campaign_id, outcome, reason, message, detail, duration_ms)
                       VALUES (?, ?, ?, 'alert', ?, 'ok', ?, ?, ?, 0)""",
                    (when, when, code, cid, alert, message, detail),
                )
        return alerts

    def note_speed(self, server: str, campaign_id: str, speed: int) -> None:
        """A speed this app set: the kept reading shows it until the next reading."""
        import json

        code = parse_server_code(server)
        with self._write(keeps_today=True) as conn:
            row = conn.execute(
                "SELECT reading FROM live_state WHERE server = ?", (code,)
            ).fetchone()
            if row is None or row[0] is None:
                return
            campaigns = _campaigns(row[0])
            if campaign_id not in campaigns:
                return
            campaigns[campaign_id][3] = int(speed)
            conn.execute("UPDATE live_state SET reading = ? WHERE server = ?",
                         (json.dumps(campaigns, separators=(",", ":")), code))

    def readings_today(self, server: str, now: datetime | None = None) -> int:
        """Today's live readings of the operation that may have cost a token (by hand and
        automatic, from every process of this computer)."""
        code = parse_server_code(server)
        midnight = local_midnight(now if now is not None else self._clock())
        low, high = utc_text(midnight), utc_text(next_local_midnight(midnight))
        with self._read() as conn:
            row = conn.execute(
                """SELECT count(*) FROM history WHERE server = ? AND action = 'real_time'
                     AND started_at >= ? AND started_at < ?
                     AND outcome NOT IN ('invalid', 'undelivered')""",
                (code, low, high),
            ).fetchone()
        return int(row[0])

    # ---------------------------------------------------------------- Wolkvox's figures
    def live_state(self, server: str) -> dict[str, Any]:
        """When ``services`` and ``token_info`` were last read and what they said (keys
        ``services_at``, ``licenses``, ``token_info_at``, ``token_use_today``,
        ``token_limit``, ``our_count``, ``reading_at``; ``None`` when never)."""
        code = parse_server_code(server)
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {STATE_COLUMNS} FROM live_state WHERE server = ?",  # noqa: S608
                (code,),
            ).fetchone()
        values = list(row) if row is not None else [None] * 8
        return {
            "reading_at": local_time(values[0]),
            "services_at": local_time(values[2]),
            "licenses": values[3],
            "token_info_at": local_time(values[4]),
            "token_use_today": values[5],
            "token_limit": values[6],
            "our_count": values[7],
        }

    def note_services(self, server: str, at: datetime, licenses: int | None) -> None:
        """``services`` was read at ``at`` (``licenses``: what it said, if anything)."""
        self._upsert_state(server, ("services_at", "licenses"), (utc_text(at), licenses))

    def note_token_info(
        self, server: str, at: datetime, used: int | None, limit: int | None, ours: int
    ) -> None:
        """``token_info`` was read at ``at``: Wolkvox's count and ours then."""
        self._upsert_state(server, ("token_info_at", "token_use_today", "token_limit",
                                    "our_count"), (utc_text(at), used, limit, ours))

    def _upsert_state(self, server: str, names: Sequence[str], values: Sequence[Any]) -> None:
        code = parse_server_code(server)
        columns = ", ".join(names)
        marks = ", ".join("?" for _ in names)
        updates = ", ".join(f"{n} = excluded.{n}" for n in names)
        with self._write(keeps_today=True) as conn:
            conn.execute(
                f"""INSERT INTO live_state (server, {columns}) VALUES (?, {marks})
                    ON CONFLICT (server) DO UPDATE SET {updates}""",  # noqa: S608
                (code, *values),
            )


def _campaigns(text: str) -> dict[str, KeptCampaign]:
    import json

    try:
        value = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): list(v) + [None] * (5 - len(v)) for k, v in value.items()
            if isinstance(v, list) and len(v) <= 5}


def _kept(row: Sequence[Any] | None) -> KeptReading | None:
    if row is None or row[0] is None or row[1] is None:
        return None
    at = local_time(row[0])
    assert at is not None
    return at, _campaigns(row[1])


__all__ = ["LiveTable"]
