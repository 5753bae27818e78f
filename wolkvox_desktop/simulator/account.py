"""The simulated Wolkvox account (tokens with their daily use, campaigns) and the routing
that turns one API request into its answer, changing that account as the real API would."""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from wolkvox_desktop.simulator.api import (
    APIS,
    CAMPAIGN_PATH,
    CAMPAIGN_TYPES,
    MSG_BAD_SPEED,
    MSG_BAD_TYPE,
    MSG_DATA_FOUND,
    MSG_INVALID_TOKEN,
    MSG_MISSING_PARAMETERS,
    MSG_MISSING_TOKEN,
    MSG_NOT_FOUND,
    MSG_TOKEN_LIMIT,
    MSG_TYPE_MISMATCH,
    MSG_UNKNOWN_API,
    MSG_UNKNOWN_CAMPAIGN,
    REAL_TIME_PATH,
    REQUIRED_METHOD,
    Answer,
    RecordedRequest,
    error_answer,
)
from wolkvox_desktop.simulator.campaigns import SimCampaign
from wolkvox_desktop.simulator.dialer import Dialer, DialerClock, calls_per_minute
from wolkvox_desktop.simulator.faults import Faults


def _now_text() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S")


class Account:
    """Tokens (with their daily limit), today's use of each, and the campaigns.

    ``tokens``, ``use`` and ``campaigns`` are guarded by ``lock``, the Simulator's one lock:
    hold it to read or change them.
    """

    def __init__(
        self,
        tokens: Mapping[str, int],
        campaigns: Iterable[SimCampaign],
        lock: threading.Lock,
        *,
        faults: Faults | None = None,
        dialer: Dialer | None = None,
        licenses: int | None = None,
    ) -> None:
        self.tokens: dict[str, int] = dict(tokens)
        self.use: Counter[str] = Counter()
        self.campaigns: dict[str, SimCampaign] = {
            c.campaign_id: dataclasses.replace(c) for c in campaigns
        }
        self._lock = lock
        self.faults = faults if faults is not None else Faults()
        self.dialer = dialer if dialer is not None else Dialer(DialerClock())
        first_limit = next(iter(self.tokens.values()), 1000)
        #: what ``information.php?api=services`` says
        self.licenses = licenses if licenses is not None else max(1, first_limit // 1000)
        self.dialer.catch_up(self.campaigns.values())  # the clock starts now

    def answer(self, request: RecordedRequest) -> Answer:
        """The API's answer to one request (changes state: token use, campaign status)."""
        path = request.path
        if path not in APIS:
            return error_answer(404, "NOT FOUND", MSG_NOT_FOUND)
        token = (request.token or "").strip()
        if not token:
            return error_answer(401, "UNAUTHORIZED", MSG_MISSING_TOKEN)
        with self._lock:
            limit = self.tokens.get(token)
            if limit is None:
                return error_answer(403, "FORBIDDEN", MSG_INVALID_TOKEN)
            if self.use[token] >= limit:
                return error_answer(403, "FORBIDDEN", MSG_TOKEN_LIMIT)
            self.use[token] += 1
            uses = self.use[token]
        api = request.query.get("api", "")
        if not api:
            return error_answer(400, "BAD REQUEST", MSG_MISSING_PARAMETERS)
        if api not in APIS[path]:
            return error_answer(400, "BAD REQUEST", MSG_UNKNOWN_API)
        method = REQUIRED_METHOD[path]
        if request.method != method:
            msg = f"THE API {api} MUST BE CONSUMED BY {method}"
            answer = error_answer(405, "METHOD NOT ALLOWED", msg)
            return dataclasses.replace(answer, headers=(("Allow", method),))
        if path == CAMPAIGN_PATH:
            if api == "speed":
                return self._speed(request)
            return self._campaign_action(api, request.query)
        if api == "token_info":
            data = [{"token_limit": limit, "token_use_today": uses}]
            return Answer(200, {"code": 200, "error": None, "msg": MSG_DATA_FOUND, "data": data})
        if api == "services":
            data = [{"licenses": self.licenses, "turbo_dial": False, "channels": 30}]
            return Answer(200, {"code": 200, "error": None, "msg": MSG_DATA_FOUND, "data": data})
        if path == REAL_TIME_PATH:
            return self._real_time()
        with self._lock:
            rows = [c.as_json() for c in self.campaigns.values()]
        return Answer(200, {"code": 200, "error": None, "msg": MSG_DATA_FOUND, "data": rows})

    def _real_time(self) -> Answer:
        """``real_time.php?api=campaigns``: every campaign brought up to the dialer's clock,
        as a bare array (the collection's shape) or in the wrapper, with the live faults."""
        faults = self.faults
        with self._lock:
            self.dialer.catch_up(self.campaigns.values())
            rows = [c.live_json(calls_per_minute(c)) for c in self.campaigns.values()]
            ids = list(self.campaigns)
        for index, (cid, row) in enumerate(zip(ids, rows, strict=True)):
            if faults.live_campaign_id:
                row["campaign_id"] = cid
            if faults.live_missing and index % 2:
                for key in ("clean", "calls_x_min", "penetration_day", "answer_machine",
                            "speed"):
                    row.pop(key, None)
            if faults.live_strings:
                for key, value in list(row.items()):
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        row[key] = str(value)
        data: Any = rows
        if faults.live_junk:
            data = ["<b>no data</b>", 42, None] if faults.live_wrapper else "no data today"
        if faults.live_wrapper:
            return Answer(200, {"code": 200, "error": None, "msg": MSG_DATA_FOUND, "data": data})
        return Answer(200, data)

    def _speed(self, request: RecordedRequest) -> Answer:
        """``PUT campaign.php?api=speed&…`` with ``{"speed": "0".."100"}``."""
        query = request.query
        kind = query.get("type_campaign", "")
        campaign_id = query.get("campaign_id", "")
        try:
            body = json.loads(request.body.decode("utf-8")) if request.body else None
        except (ValueError, UnicodeDecodeError):
            body = None
        raw = body.get("speed") if isinstance(body, dict) else None
        if not campaign_id or raw is None:
            return error_answer(400, "BAD REQUEST", MSG_MISSING_PARAMETERS)
        text = str(raw).strip()
        if isinstance(raw, bool) or not (text.isascii() and text.isdigit()) or int(text) > 100:
            return error_answer(400, "BAD REQUEST", MSG_BAD_SPEED)
        if kind and kind not in CAMPAIGN_TYPES:
            return error_answer(400, "BAD REQUEST", MSG_BAD_TYPE)
        with self._lock:
            campaign = self.campaigns.get(campaign_id)
            if campaign is None:
                return error_answer(400, "BAD REQUEST", MSG_UNKNOWN_CAMPAIGN)
            if kind and campaign.type_campaign != kind:
                return error_answer(400, "BAD REQUEST", MSG_TYPE_MISMATCH)
            self.dialer.catch_up([campaign])  # the old pace up to now
            campaign.speed = int(text)
        msg = f"The speed of {campaign_id} campaign_id has been updated successfully"
        return Answer(202, {"code": 202, "error": None, "msg": msg})

    def _campaign_action(self, api: str, query: Mapping[str, str]) -> Answer:
        kind = query.get("type_campaign", "")
        campaign_id = query.get("campaign_id", "")
        if not kind or not campaign_id:
            return error_answer(400, "BAD REQUEST", MSG_MISSING_PARAMETERS)
        if kind not in CAMPAIGN_TYPES:
            return error_answer(400, "BAD REQUEST", MSG_BAD_TYPE)
        with self._lock:
            campaign = self.campaigns.get(campaign_id)
            if campaign is None:
                return error_answer(400, "BAD REQUEST", MSG_UNKNOWN_CAMPAIGN)
            if campaign.type_campaign != kind:
                return error_answer(400, "BAD REQUEST", MSG_TYPE_MISMATCH)
            self.dialer.catch_up([campaign])  # dialled (or not) up to now
            campaign.status = "Started" if api == "start" else "Stopped"
            campaign.last_use = _now_text()
        done = "started" if api == "start" else "stopped"
        msg = f"The {campaign_id} campaign_id has been {done} successfully"
        return Answer(202, {"code": 202, "error": None, "msg": msg})
