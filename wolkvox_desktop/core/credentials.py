"""The token, per operation, in the OS keyring. CONTRACT STUB: public names are fixed here.

Never falls back to a plaintext file. When no usable keyring exists (``fail``/``null``
backends, a locked or absent Secret Service), :meth:`Credentials.status` says so, and a
token can be held for this session only, in memory. ``WOLKVOX_TOKEN`` (environment) wins
over both.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

SERVICE_NAME = "wolkvox-desktop"
TOKEN_ENV = "WOLKVOX_TOKEN"


class TokenSource(str, Enum):
    ENVIRONMENT = "environment"
    KEYRING = "keyring"
    SESSION = "session"  # memory only, this process
    NONE = "none"


@dataclass(frozen=True)
class BackendStatus:
    usable: bool
    name: str  # human name of the backend, e.g. "SecretService Keyring"
    detail: str  # English sentence for the supervisor when not usable ("" otherwise)


class KeyringUnavailable(Exception):
    """str(exc) is a sentence for the supervisor; never contains the token."""


class Credentials:
    def __init__(self, service: str = SERVICE_NAME, *, use_env: bool = True) -> None:
        raise NotImplementedError

    def status(self) -> BackendStatus:
        raise NotImplementedError

    def get(self, server: str) -> tuple[str | None, TokenSource]:
        """The token for an operation and where it came from (env > keyring > session)."""
        raise NotImplementedError

    def save(self, server: str, token: str) -> TokenSource:
        """Store in the keyring; raises KeyringUnavailable if no usable keyring."""
        raise NotImplementedError

    def set_session_token(self, server: str, token: str) -> None:
        raise NotImplementedError

    def delete(self, server: str) -> None:
        raise NotImplementedError

    def has_token(self, server: str) -> TokenSource:
        raise NotImplementedError
