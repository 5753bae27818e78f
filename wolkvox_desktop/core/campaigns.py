"""The campaign model and the validation of everything that goes into a URL."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

# the server code is checked from the string alone, in a module light enough for start-up
from wolkvox_desktop.core.addresses import MAX_SERVER_CODE_LENGTH, parse_server_code
from wolkvox_desktop.core.errors import InvalidInput, Reason

MAX_CAMPAIGN_ID_LENGTH = 64


class CampaignType(str, Enum):
    PREVIEW = "preview"
    PREDICTIVE = "predictive"

    @classmethod
    def parse(cls, value: object) -> CampaignType:
        """Accept ``preview``/``predictive`` in any case, surrounding blanks ignored."""
        if isinstance(value, cls):  # str(member) is "CampaignType.PREVIEW" on Python 3.11
            return value
        text = str(value).strip().lower() if value is not None else ""
        for member in cls:
            if member.value == text:
                return member
        raise InvalidInput(  # what was typed is not repeated: it may be a misplaced secret
            Reason.BAD_CAMPAIGN_TYPE, "The campaign type must be 'preview' or 'predictive'."
        )


class CampaignStatus(str, Enum):
    STARTED = "started"
    STOPPED = "stopped"
    UNKNOWN = "unknown"

    @classmethod
    def parse(cls, value: object) -> CampaignStatus:
        """Wolkvox says ``Started``/``Stopped`` or ``started``/``stopped``: compare loosely."""
        if isinstance(value, cls):  # str(member) is "CampaignStatus.STARTED" on Python 3.11
            return value
        text = str(value).strip().lower() if value is not None else ""
        if text in ("started", "start", "running", "active"):
            return cls.STARTED
        if text in ("stopped", "stop", "paused", "pause", "inactive"):
            return cls.STOPPED
        return cls.UNKNOWN


class Action(str, Enum):
    START = "start"
    STOP = "stop"

    @property
    def resulting_status(self) -> CampaignStatus:
        return CampaignStatus.STARTED if self is Action.START else CampaignStatus.STOPPED


@dataclass(frozen=True)
class Campaign:
    """A campaign as a list shows it (Wolkvox's, or the supervisor's own)."""

    id: str
    name: str = ""
    type: CampaignType | None = None
    status: CampaignStatus = CampaignStatus.UNKNOWN


@dataclass(frozen=True)
class CampaignRef:
    """The campaign a start or stop acts on: a checked id and a type.

    Made once, where a person typed the values (:meth:`parse`: the window's fields, a CLI
    argument, a file row) or from a list that already holds checked values; every layer
    below trusts it, down to the request builder's last guard.
    """

    id: str
    type: CampaignType

    @classmethod
    def parse(cls, campaign_id: str, campaign_type: object) -> CampaignRef:
        """Check typed values; raises :class:`InvalidInput` (nothing is sent then)."""
        return cls(validate_campaign_id(campaign_id), CampaignType.parse(campaign_type))


def validate_campaign_id(text: str) -> str:
    """Trim and check a campaign id: non-empty, at most 64 characters, plain printable
    ASCII (letters, digits, signs), and not a spreadsheet formula such as ``="3301"``.

    Only ASCII: full-width digits (``３３０１``) and lookalike letters of other alphabets
    (Cyrillic ``З301``) are not what Wolkvox knows, and ``str.isdigit`` would take them.
    The sentence never repeats the value (it may be a secret typed in the wrong place); it
    names the position of the first character that is not plain.
    """
    value = (text or "").strip() if isinstance(text, str) else ""
    if not value:
        raise InvalidInput(Reason.BAD_CAMPAIGN_ID, "Enter a campaign ID.")
    if len(value) > MAX_CAMPAIGN_ID_LENGTH:
        raise InvalidInput(
            Reason.BAD_CAMPAIGN_ID,
            f"A campaign ID is at most {MAX_CAMPAIGN_ID_LENGTH} characters long.",
        )
    if not value.isascii():
        raise InvalidInput(Reason.BAD_CAMPAIGN_ID, _not_plain(value))
    if not value.isprintable():
        raise InvalidInput(
            Reason.BAD_CAMPAIGN_ID, "A campaign ID cannot contain control characters."
        )
    if value.startswith("="):
        raise InvalidInput(
            Reason.BAD_CAMPAIGN_ID,
            "A campaign ID cannot start with '=': that is a spreadsheet formula (such as "
            '="…", Excel\'s way of keeping digits as text), not the ID. Give the ID itself '
            "(format the column as Text and save the file again).",
        )
    return value


def _not_plain(value: str) -> str:
    """Which character of a non-ASCII id is not plain, and what it probably is."""
    index, char = next((i, c) for i, c in enumerate(value, start=1) if not c.isascii())
    if not char.isprintable():
        what = "an invisible or control character"
    elif char.isdigit():
        what = ("a digit that is not a plain 0-9 (a full-width digit, or another script's, "
                "as some keyboards and spreadsheets type them)")
    else:
        what = ("not a plain letter, digit or sign (it may be a letter of another alphabet "
                "that looks like a Latin one, such as the Cyrillic З)")
    return (f"Character {index} of the campaign ID is {what}: type the ID again with plain "
            "characters (0-9, A-Z).")


__all__ = [
    "MAX_CAMPAIGN_ID_LENGTH", "MAX_SERVER_CODE_LENGTH", "Action", "Campaign", "CampaignRef",
    "CampaignStatus", "CampaignType", "parse_server_code", "validate_campaign_id",
]
