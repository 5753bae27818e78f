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
#: what each read call brings, in a sentence ("… was not loaded")
_READS = {
    "campaigns": "the campaign list",
    "token_info": "today's token count",
    "real_time": "the live reading",
    "services": "the operation's licenses",
    "action": "the answer",
}
INFORMATION_PATH = "/api/v2/information.php"
REAL_TIME_PATH = "/api/v2/real_time.php"
#: The only paths a request may have: it is appended to the base URL as is.
DOCUMENTED_PATHS = frozenset({CAMPAIGN_PATH, INFORMATION_PATH, REAL_TIME_PATH})


@dataclass(frozen=True)
class TokenInfo:
    token_limit: int | None
    token_use_today: int | None


CallKind = Literal["action", "campaigns", "token_info", "real_time", "speed", "services"]

#: a campaign's speed, as Wolkvox takes it (``{"speed": "0".."100"}``)
MIN_SPEED = 0
MAX_SPEED = 100


def validate_speed(value: object) -> int:
    """A speed of 0 to 100 (a whole number; raises :class:`InvalidInput`, nothing sent)."""
    if isinstance(value, bool) or not isinstance(value, int) or not (
        MIN_SPEED <= value <= MAX_SPEED
    ):
        raise InvalidInput(
            Reason.BAD_SPEED,
            f"A campaign's speed must be a whole number from {MIN_SPEED} to {MAX_SPEED}.",
        )
    return value


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
    #: a speed call's new speed (its JSON body)
    speed: int | None = None

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
    def set_speed(cls, campaign: CampaignRef, speed: int) -> ApiRequest:
        """PUT campaign.php?api=speed&… with the JSON body ``{"speed": "55"}`` (raises
        InvalidInput for a bad campaign or speed: nothing is sent)."""
        cid = validate_campaign_id(campaign.id)
        ctype = campaign.type
        if not isinstance(ctype, CampaignType):
            raise InvalidInput(
                Reason.BAD_CAMPAIGN_TYPE, "The campaign type must be 'preview' or 'predictive'."
            )
        value = validate_speed(speed)
        params = (("api", "speed"), ("type_campaign", ctype.value), ("campaign_id", cid))
        return cls("speed", "PUT", CAMPAIGN_PATH, params, None, cid, ctype, value)

    @property
    def body(self) -> bytes | None:
        """The JSON body of a speed call (the speed as a string, as Wolkvox documents)."""
        if self.speed is None:
            return None
        return b'{"speed": "%d"}' % self.speed

    @classmethod
    def real_time(cls) -> ApiRequest:
        """GET real_time.php?api=campaigns: every campaign's live figures."""
        return cls("real_time", "GET", REAL_TIME_PATH, (("api", "campaigns"),))

    @classmethod
    def services(cls) -> ApiRequest:
        """GET information.php?api=services: the operation's licenses."""
        return cls("services", "GET", INFORMATION_PATH, (("api", "services"),))

    @classmethod
    def campaigns(cls) -> ApiRequest:
        return cls("campaigns", "GET", INFORMATION_PATH, (("api", "campaigns"),))

    @classmethod
    def token_info(cls) -> ApiRequest:
        return cls("token_info", "GET", INFORMATION_PATH, (("api", "token_info"),))

    # ---- sentences ----
    @property
    def is_action(self) -> bool:
        """A call that changes a campaign (start, stop, speed): confirmed only by 200/202."""
        return self.kind in ("action", "speed")

    def done_sentence(self) -> str:
        if self.kind == "speed":
            return f"Wolkvox set the speed of campaign {self.campaign_id} to {self.speed}."
        if self.action is Action.START:
            return f"Wolkvox started campaign {self.campaign_id}."
        if self.action is Action.STOP:
            return f"Wolkvox stopped campaign {self.campaign_id}."
        return "Wolkvox answered."

    def refused_subject(self) -> str:
        if self.action is not None:
            return f"Wolkvox refused to {self.action.value} campaign {self.campaign_id}"
        if self.kind == "speed":
            return f"Wolkvox refused to change the speed of campaign {self.campaign_id}"
        return f"Wolkvox refused to send {_READS[self.kind]}"

    def not_done_subject(self) -> str:
        if self.action is Action.START:
            return f"Campaign {self.campaign_id} was not started"
        if self.action is Action.STOP:
            return f"Campaign {self.campaign_id} was not stopped"
        if self.kind == "speed":
            return f"The speed of campaign {self.campaign_id} was not changed"
        return f"{_READS[self.kind][0].upper()}{_READS[self.kind][1:]} was not loaded"

    def unknown_sentence(self, cause: str) -> str:
        if self.kind == "speed":
            return (
                f"Wolkvox Desktop cannot tell whether the speed of campaign "
                f"{self.campaign_id} was changed to {self.speed}: {cause}. It may or may not "
                "have happened; check the live reading before trying again."
            )
        if self.action is not None:
            verb = "started" if self.action is Action.START else "stopped"
            return (
                f"Wolkvox Desktop cannot tell whether campaign {self.campaign_id} was {verb}: "
                f"{cause}. It may or may not have happened; refresh the campaign list before "
                "trying again."
            )
        return f"{self.not_done_subject()}: {cause}. Nothing was changed; try again in a moment."
