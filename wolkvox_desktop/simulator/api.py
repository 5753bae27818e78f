"""The documented Wolkvox API v2 as the simulator speaks it: paths, limits, the words of
the answer table, a request as received and an answer to send."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_SIMULTANEOUS = 2
TOKEN_HEADER = "wolkvox-token"

CAMPAIGN_PATH = "/api/v2/campaign.php"
INFORMATION_PATH = "/api/v2/information.php"
REAL_TIME_PATH = "/api/v2/real_time.php"
CONTROL_PREFIX = "/_sim/"

CAMPAIGN_TYPES = ("preview", "predictive")

# The documented error table (wolkvox.com/en/api-response-codes).
MSG_MISSING_TOKEN = "PLEASE ENTER THE WOLKVOX-TOKEN"
MSG_INVALID_TOKEN = "PLEASE VALIDATE TOKEN"
MSG_TOKEN_LIMIT = "TOKEN LIMIT EXCEEDED"
MSG_SIMULTANEOUS = "EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)"
MSG_UNKNOWN_API = "THE API YOU WANT TO CONSULT DOES NOT EXIST"
MSG_MISSING_PARAMETERS = "SOME PARAMETERS ARE REQUIRED"
# Our choices where Wolkvox does not document the answer.
MSG_UNKNOWN_CAMPAIGN = "THE CAMPAIGN_ID DOES NOT EXIST"
MSG_TYPE_MISMATCH = "THE TYPE_CAMPAIGN DOES NOT MATCH THE CAMPAIGN"
MSG_BAD_TYPE = "THE TYPE_CAMPAIGN MUST BE preview OR predictive"
MSG_MAINTENANCE = "THE SERVER IS IN BACKUP OR MAINTENANCE, PLEASE TRY AGAIN LATER"
MSG_NOT_FOUND = "THE REQUESTED URL WAS NOT FOUND"
MSG_DATA_FOUND = "Data found"
MSG_BAD_SPEED = "THE SPEED MUST BE A NUMBER FROM 0 TO 100"

REQUIRED_METHOD = {CAMPAIGN_PATH: "PUT", INFORMATION_PATH: "GET", REAL_TIME_PATH: "GET"}
APIS = {
    CAMPAIGN_PATH: ("start", "stop", "speed"),
    INFORMATION_PATH: ("campaigns", "token_info", "services"),
    REAL_TIME_PATH: ("campaigns",),
}


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the simulator received it.

    ``query`` holds each value percent-decoded exactly once; when a name repeats, the last
    value wins (as in PHP). ``query_pairs`` keeps every pair in order, ``raw_query`` the
    undecoded text. ``headers`` has lower-cased names (and is left out of ``repr``).
    """

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str] = field(repr=False)
    raw_query: str = ""
    query_pairs: tuple[tuple[str, str], ...] = ()
    received_at: float = 0.0
    body: bytes = field(default=b"", repr=False)  # what a PUT/POST carried (speed's JSON)

    @property
    def api(self) -> str | None:
        return self.query.get("api")

    @property
    def token(self) -> str | None:
        return self.headers.get(TOKEN_HEADER)


@dataclass(frozen=True)
class Answer:
    """A JSON answer: the HTTP status, the body and any extra headers."""

    status: int
    body: Any  # a JSON object; a bare array for real_time (as Wolkvox's collection shows)
    headers: tuple[tuple[str, str], ...] = ()


def error_answer(status: int, error: str, msg: str) -> Answer:
    """A row of the error table: ``{"code": status, "error": error, "msg": msg}``."""
    return Answer(status, {"code": status, "error": error, "msg": msg})
