"""One documented Wolkvox call as a value: its method, path and query, and the sentences
that name it ("Wolkvox started campaign 3301.", "Campaign 3301 was not started: …").

The request builder is the last guard before a URL: a campaign reaches it checked where it
was typed (:class:`~wolkvox_desktop.core.campaigns.CampaignRef`); it checks the id once more
and the path is one of the documented ones (anything else could change the host).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from wolkvox_desktop.core.campaigns import (
    Action,
    CampaignRef,
    CampaignType,
    validate_campaign_id,
)
from wolkvox_desktop.core.errors import InvalidInput, Reason

CAMPAIGN_PATH = "/api/v2/campaign.php"
INFORMATION_PATH = "/api/v2/information.php"
REAL_TIME_PATH = "/api/v2/real_time.php"
#: The only paths a request may have: it is appended to the base URL as is.
DOCUMENTED_PATHS = frozenset({CAMPAIGN_PATH, INFORMATION_PATH, REAL_TIME_PATH})


@dataclass(frozen=True)
class TokenInfo:
    token_limit: int | None
    token_use_today: int | None


CallKind = Literal["action", "campaigns", "token_info"]


@dataclass(frozen=True)
class ApiRequest:
    """One documented call, ready to send: method, path and query pairs (not yet encoded)."""

    kind: CallKind
    method: str
    path: str
    params: tuple[tuple[str, str], ...]
    action: Action | None = None
    campaign_id: str | None = None
    campaign_type: CampaignType | None = None

    def __post_init__(self) -> None:
        # The path is appended to the base URL as is: anything but a documented path could
        # change the host ("@evil.com/...") and take the token with it.
        if self.path not in DOCUMENTED_PATHS:
            raise ValueError(f"not a documented Wolkvox path: {self.path[:60]!r}")
        if self.method not in ("GET", "PUT"):
            raise ValueError(f"unsupported method: {self.method[:10]!r}")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in self.params):
            raise TypeError("query parameters must be pairs of strings")

    @classmethod
    def campaign_action(cls, action: Action, campaign: CampaignRef) -> ApiRequest:
        """The request for a start or stop. ``campaign`` was checked where it was typed;
        this is the last guard before a URL is built from it (raises InvalidInput)."""
        action = Action(action)
        cid = validate_campaign_id(campaign.id)
        ctype = campaign.type
        if not isinstance(ctype, CampaignType):
            raise InvalidInput(
                Reason.BAD_CAMPAIGN_TYPE, "The campaign type must be 'preview' or 'predictive'."
            )
        params = (("api", action.value), ("type_campaign", ctype.value), ("campaign_id", cid))
        return cls("action", "PUT", CAMPAIGN_PATH, params, action, cid, ctype)

    @classmethod
    def campaigns(cls) -> ApiRequest:
        return cls("campaigns", "GET", INFORMATION_PATH, (("api", "campaigns"),))

    @classmethod
    def token_info(cls) -> ApiRequest:
        return cls("token_info", "GET", INFORMATION_PATH, (("api", "token_info"),))

    # ---- sentences ----
    @property
    def is_action(self) -> bool:
        return self.kind == "action"

    def done_sentence(self) -> str:
        if self.action is Action.START:
            return f"Wolkvox started campaign {self.campaign_id}."
        if self.action is Action.STOP:
            return f"Wolkvox stopped campaign {self.campaign_id}."
        return "Wolkvox answered."

    def refused_subject(self) -> str:
        if self.action is not None:
            return f"Wolkvox refused to {self.action.value} campaign {self.campaign_id}"
        if self.kind == "campaigns":
            return "Wolkvox refused to send the campaign list"
        return "Wolkvox refused to send today's token count"

    def not_done_subject(self) -> str:
        if self.action is Action.START:
            return f"Campaign {self.campaign_id} was not started"
        if self.action is Action.STOP:
            return f"Campaign {self.campaign_id} was not stopped"
        if self.kind == "campaigns":
            return "The campaign list was not loaded"
        return "Today's token count was not loaded"

    def unknown_sentence(self, cause: str) -> str:
        if self.action is not None:
            verb = "started" if self.action is Action.START else "stopped"
            return (
                f"Wolkvox Desktop cannot tell whether campaign {self.campaign_id} was {verb}: "
                f"{cause}. It may or may not have happened; refresh the campaign list before "
                "trying again."
            )
        return f"{self.not_done_subject()}: {cause}. Nothing was changed; try again in a moment."
