"""The simulated Wolkvox account (tokens with their daily use, campaigns) and the routing
that turns one API request into its answer, changing that account as the real API would."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping

from wolkvox_desktop.simulator.api import (
    APIS,
    CAMPAIGN_PATH,
    CAMPAIGN_TYPES,
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
    ) -> None:
        self.tokens: dict[str, int] = dict(tokens)
        self.use: Counter[str] = Counter()
        self.campaigns: dict[str, SimCampaign] = {
            c.campaign_id: dataclasses.replace(c) for c in campaigns
        }
        self._lock = lock

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
            return self._campaign_action(api, request.query)
        if api == "token_info":
            data = [{"token_limit": limit, "token_use_today": uses}]
            return Answer(200, {"code": 200, "error": None, "msg": MSG_DATA_FOUND, "data": data})
        with self._lock:
            rows = [c.as_json() for c in self.campaigns.values()]
        if path == REAL_TIME_PATH:
            rows = [
                {
                    "campaign_id": r["campaign_id"],
                    "campaign_name": r["campaign_name"],
                    "type_campaign": r["type_campaign"],
                    "status": str(r["status"]).lower(),
                }
                for r in rows
            ]
        return Answer(200, {"code": 200, "error": None, "msg": MSG_DATA_FOUND, "data": rows})

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
            campaign.status = "Started" if api == "start" else "Stopped"
            campaign.last_use = _now_text()
        done = "started" if api == "start" else "stopped"
        msg = f"The {campaign_id} campaign_id has been {done} successfully"
        return Answer(202, {"code": 202, "error": None, "msg": msg})
