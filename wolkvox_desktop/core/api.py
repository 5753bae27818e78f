"""The Wolkvox HTTP client. CONTRACT STUB: public names and signatures are fixed here.

Safety rules (see ../shared/wolkvox-api.md): base URL ``https://wv{server}.wolkvox.com``
(or a loopback ``api_base`` override for demo/tests), every query value URL-encoded,
``allow_redirects=False`` (a 3xx is ``unknown``/``REDIRECT`` and the token never goes
elsewhere), TLS verified with the OS trust store (truststore) and OS proxies, connect
timeout ~10 s and read timeout 60 s, response bodies bounded, no automatic retry of a PUT
once the connection was established (a connection never established may be retried once).
"""

from __future__ import annotations

from dataclasses import dataclass

from wolkvox_desktop.core.campaigns import Action, CampaignType
from wolkvox_desktop.core.errors import CallResult
from wolkvox_desktop.core.limits import TokenGate

API_BASE_ENV = "WOLKVOX_API_BASE"
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 60.0
MAX_BODY_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class TokenInfo:
    token_limit: int | None
    token_use_today: int | None


def validate_api_base(value: str) -> str:
    """Return a normalised ``http(s)://host[:port]`` base; raise InvalidInput(BAD_API_BASE)
    unless the host is loopback (127.0.0.0/8, ``localhost``, ``::1``)."""
    raise NotImplementedError


def base_url(server: str, api_base: str | None = None) -> str:
    """``https://wv{server}.wolkvox.com`` for a validated server code, or the loopback override."""
    raise NotImplementedError


class WolkvoxClient:
    """One operation's client. Thread-safe; every call goes through the token gate.

    ``server`` is validated (parse_server_code); ``token`` is held only in memory and only
    ever sent to the operation's host. ``api_base`` defaults to the ``WOLKVOX_API_BASE``
    environment variable when ``None`` is given and ``use_env=True``.
    """

    def __init__(
        self,
        server: str,
        token: str,
        *,
        api_base: str | None = None,
        use_env: bool = True,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        gate: TokenGate | None = None,
        max_body_bytes: int = MAX_BODY_BYTES,
    ) -> None:
        raise NotImplementedError

    def campaign_action(
        self, action: Action, campaign_id: str, campaign_type: CampaignType | str
    ) -> CallResult:
        """PUT campaign.php?api={start|stop}&type_campaign=..&campaign_id=.."""
        raise NotImplementedError

    def start(self, campaign_id: str, campaign_type: CampaignType | str) -> CallResult:
        return self.campaign_action(Action.START, campaign_id, campaign_type)

    def stop(self, campaign_id: str, campaign_type: CampaignType | str) -> CallResult:
        return self.campaign_action(Action.STOP, campaign_id, campaign_type)

    def list_campaigns(self) -> CallResult:
        """GET information.php?api=campaigns; ``result.data`` is ``list[Campaign]``."""
        raise NotImplementedError

    def token_info(self) -> CallResult:
        """GET information.php?api=token_info; ``result.data`` is :class:`TokenInfo`.

        This call itself costs one token of the daily budget.
        """
        raise NotImplementedError

    def abort(self) -> None:
        """From any thread: make an in-flight call return promptly (outcome ``unknown`` if
        the request may have been sent, else ``invalid``/``CANCELLED``) and refuse new ones."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError
