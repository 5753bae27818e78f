"""The simulator's fault switches: what goes wrong, and on which requests."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass
class Faults:
    """Fault switches. Set attributes directly (``sim.faults.latency = 0.2``) or through
    ``POST /_sim/faults``; :meth:`Simulator.reset_faults` turns them all off.

    Network-level faults, in this order: ``latency``, ``hang``, ``reset``, ``redirect_to``,
    ``html_502``, ``maintenance``, ``answer_status``/``answer_body``. Body faults on the JSON
    answer: ``code_as_string``, then one of ``oversized_bytes``, ``empty_body``,
    ``malformed_json``. ``trickle`` then sends whatever answer results one byte at a time.
    ``busy`` refuses the next requests before anything else.
    """

    latency: float = 0.0  # seconds to wait before answering
    hang: bool = False  # hold the request until Simulator.release()/reset_faults()/stop()
    reset: bool = False  # read the request, then close with RST (SO_LINGER 0)
    html_502: bool = False  # 502 with an nginx-like HTML page
    malformed_json: bool = False  # the JSON answer cut short (real status code)
    redirect_to: str | None = None  # 302 with this Location
    oversized_bytes: int = 0  # > 0: stream a valid-looking JSON answer this many bytes long
    maintenance: bool = False  # 403 {"error": "FORBIDDEN", "msg": MSG_MAINTENANCE}
    code_as_string: bool = False  # body "code" as a string ("202")
    empty_body: bool = False  # the real status code with an empty body
    # the next N requests are refused as "EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS" (other
    # workstations using the token); counts down, nothing is carried out for them
    busy: int = 0
    # answer with this HTTP status and/or this exact body text (odd answers: a 200 with an
    # error, a 202 with {}, duplicate keys); the call is carried out first
    answer_status: int = 0
    answer_body: str | None = None
    # > 0: send the answer one byte every this many seconds (from its status line, or from
    # its body with trickle_body): every read gets a byte in time, the whole answer never
    trickle: float = 0.0
    trickle_body: bool = False  # with trickle: the status line and headers at once
    # the live reading's odd answers (real_time.php; they change what is answered, not how
    # it travels): the wrapper {"code", "error", "msg", "data"} instead of the bare array,
    # a campaign_id key beside "campaign", numbers as strings, fields missing from every
    # other row, or junk (rows that are not objects)
    live_wrapper: bool = False
    live_campaign_id: bool = False
    live_strings: bool = False
    live_missing: bool = False
    live_junk: bool = False
    only_api: str | None = None  # apply the faults only to requests with this api= value
    act_first: bool = False  # perform the call (start/stop, token use) before the fault

    def applies_to(self, api: str | None) -> bool:
        return self.only_api is None or self.only_api == api

    def active(self) -> bool:
        return any(
            (
                self.latency > 0,
                self.hang,
                self.reset,
                self.html_502,
                self.malformed_json,
                self.redirect_to,
                self.oversized_bytes > 0,
                self.maintenance,
                self.code_as_string,
                self.empty_body,
                self.answer_status > 0,
                self.answer_body is not None,
                self.trickle > 0,
            )
        )

    def update(self, values: Mapping[str, Any]) -> None:
        """Set several switches from plain values (JSON); all are checked before any is set."""
        checked: dict[str, Any] = {}
        types = {f.name: f.type for f in dataclasses.fields(self)}
        for key, value in values.items():
            if key not in types:
                raise ValueError(f"unknown fault {key!r}")
            kind = types[key]
            if kind == "bool":
                if not isinstance(value, bool):
                    raise ValueError(f"{key} must be true or false")
            elif kind == "float":
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                    raise ValueError(f"{key} must be a number >= 0")
                value = float(value)
            elif kind == "int":
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise ValueError(f"{key} must be an integer >= 0")
            elif value is not None and not isinstance(value, str):
                raise ValueError(f"{key} must be a string or null")
            checked[key] = value
        for key, value in checked.items():
            setattr(self, key, value)

    def clear(self) -> None:
        for f in dataclasses.fields(self):
            setattr(self, f.name, f.default)
