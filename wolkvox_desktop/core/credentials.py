"""The token, per operation, in the OS keyring.

Never falls back to a plaintext file. When no usable keyring exists (``fail``/``null``
backends, a chainer with nothing in it, a plaintext backend from ``keyrings.alt``, a locked
or absent Secret Service), :meth:`Credentials.status` says so in a sentence, :meth:`save`
raises :class:`KeyringUnavailable`, and the caller may hold the token for this session
only, in memory (:meth:`Credentials.set_session_token`). ``WOLKVOX_TOKEN`` (environment)
wins over both.

Keyring entries: service ``wolkvox-desktop``, username = the server code (``0032``).
Every keyring error is turned into a sentence that never contains the token. The
``keyring`` library is imported lazily, off the app's start-up path.
"""

from __future__ import annotations

import logging
import os
import threading
from contextlib import closing
from dataclasses import dataclass
from enum import Enum
from typing import Any

from wolkvox_desktop.core.campaigns import parse_server_code
from wolkvox_desktop.core.errors import InvalidInput, Reason

log = logging.getLogger(__name__)

SERVICE_NAME = "wolkvox-desktop"
TOKEN_ENV = "WOLKVOX_TOKEN"
MAX_TOKEN_LENGTH = 512
SECRET_SERVICE_DEFAULT_COLLECTION = "/org/freedesktop/secrets/aliases/default"
_PROBE_USERNAME = "wolkvox-desktop-probe"  # read (never written) to test a backend

SESSION_ONLY = "The token will be kept for this session only."
NO_KEYRING_HERE = f"The system keyring is not used here. {SESSION_ONLY}"


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
    # A real keyring that cannot be used right now (locked, unreachable): a token may be
    # saved in it, so get() reports the problem instead of "no token".
    transient: bool = False


class KeyringUnavailable(Exception):
    """str(exc) is a sentence for the supervisor; never contains the token."""


def validate_token(token: str) -> str:
    """Trim and check a token: non-empty, printable ASCII without spaces, at most 512
    characters. Raises ``InvalidInput(NO_TOKEN)``; the message never repeats the token."""
    value = (token or "").strip()
    if not value:
        raise InvalidInput(Reason.NO_TOKEN, "Enter the operation's API token.")
    if len(value) > MAX_TOKEN_LENGTH:
        raise InvalidInput(
            Reason.NO_TOKEN,
            f"That token is too long (more than {MAX_TOKEN_LENGTH} characters); copy only "
            "the token from the Wolkvox manager.",
        )
    if any(not ("!" <= ch <= "~") for ch in value):
        raise InvalidInput(
            Reason.NO_TOKEN,
            "That token contains spaces, line breaks or characters a Wolkvox token does "
            "not have; copy only the token from the Wolkvox manager.",
        )
    return value


def _scrub(text: str, *secrets: str) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[token]")
    return text


def _describe(exc: BaseException, *secrets: str) -> str:
    text = str(exc).strip()
    detail = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return _scrub(detail, *secrets)[:300]


def _backend_name(backend: Any) -> str:
    try:
        name = str(backend.name)
    except Exception:  # noqa: BLE001 - a name is never worth a crash
        name = ""
    return name or type(backend).__name__


def _no_keyring(reason: str) -> str:
    return f"No usable system keyring was found ({reason}). {SESSION_ONLY}"


class Credentials:
    """Tokens per operation, and THE rule of which one is used (:meth:`get`):
    ``WOLKVOX_TOKEN`` > the OS keyring > a token held for this session only.

    ``use_env=False`` ignores ``WOLKVOX_TOKEN`` (demo mode: a real token never goes to the
    simulator); ``use_keyring=False`` never reads or writes the keyring (demo mode, a test
    server). ``backend`` injects a ``keyring`` backend instance (tests pass the Secret
    Service on a private bus, or keyring's real ``fail``/``null`` backends); by default the
    one ``keyring.get_keyring()`` chose. Session tokens live in this instance only (the
    app's one session store). Thread-safe.
    """

    def __init__(
        self,
        service: str = SERVICE_NAME,
        *,
        use_env: bool = True,
        use_keyring: bool = True,
        backend: Any = None,
    ) -> None:
        self.service = service
        self.use_env = use_env
        self.use_keyring = use_keyring
        self._backend = backend
        self._session: dict[str, str] = {}
        self._lock = threading.Lock()

    # ---- the backend
    @property
    def backend(self) -> Any:
        if self._backend is None:
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend

    def status(self) -> BackendStatus:
        """Whether the keyring can hold the token, without prompting the user."""
        if not self.use_keyring:
            return BackendStatus(False, "none", NO_KEYRING_HERE)
        try:
            backend = self.backend
        except Exception as exc:  # noqa: BLE001 - keyring's own set-up failed
            return BackendStatus(False, "none", _no_keyring(_describe(exc)))
        return _status_of(backend, self.service)

    # ---- tokens
    def get(
        self, server: str, *, keyring: bool = True, session: bool = True
    ) -> tuple[str | None, TokenSource]:
        """The token for an operation and where it came from (env > keyring > session).

        With no keyring at all (``fail``/``null``...) only the session is asked. A real
        keyring that is locked or unreachable, or fails while reading, raises
        :class:`KeyringUnavailable` (a sentence) unless a session token exists, which is
        then returned. ``keyring=False``/``session=False`` leave those out (a test server:
        only ``WOLKVOX_TOKEN``).
        """
        code = parse_server_code(server)
        if self.use_env:
            env = os.environ.get(TOKEN_ENV, "").strip()
            if env:
                return env, TokenSource.ENVIRONMENT
        if not keyring and not session:
            return None, TokenSource.NONE
        if not keyring:
            with self._lock:
                found = self._session.get(code)
            return (found, TokenSource.SESSION) if found else (None, TokenSource.NONE)
        problem: str | None = None
        state = self.status()
        if not state.usable and state.transient:
            problem = state.detail
        if state.usable:
            try:
                found = self.backend.get_password(self.service, code)
            except Exception as exc:  # noqa: BLE001 - turned into a sentence below
                problem = _describe(exc)
                log.warning("keyring read failed for operation %s: %s", code, problem)
            else:
                if found:
                    return str(found), TokenSource.KEYRING
        with self._lock:
            held = self._session.get(code) if session else None
        if held:
            return held, TokenSource.SESSION
        if problem is not None:
            if not state.usable:
                raise KeyringUnavailable(problem)
            raise KeyringUnavailable(
                f"The system keyring ({state.name}) could not be read ({problem})."
            )
        return None, TokenSource.NONE

    def save(self, server: str, token: str) -> TokenSource:
        """Store in the keyring; raises KeyringUnavailable if no usable keyring.

        The token is validated first (``InvalidInput(NO_TOKEN)``). A session token for the
        same operation is dropped once the keyring holds the new one.
        """
        code = parse_server_code(server)
        value = validate_token(token)
        state = self.status()
        if not state.usable:
            raise KeyringUnavailable(state.detail)
        try:
            self.backend.set_password(self.service, code, value)
        except Exception as exc:  # noqa: BLE001 - turned into a sentence below
            detail = _describe(exc, value, token)
            log.warning("keyring save failed for operation %s: %s", code, detail)
            raise KeyringUnavailable(
                f"The system keyring ({state.name}) could not save the token ({detail}). "
                "You can use the token for this session only."
            ) from None
        with self._lock:
            self._session.pop(code, None)
        return TokenSource.KEYRING

    def set_session_token(self, server: str, token: str) -> None:
        """Hold a token in memory for this session only (validated like :meth:`save`)."""
        code = parse_server_code(server)
        value = validate_token(token)
        with self._lock:
            self._session[code] = value

    def delete(self, server: str) -> None:
        """Forget the operation's token: session memory and keyring (an absent entry is
        fine). ``WOLKVOX_TOKEN`` is the environment's and stays. Raises
        :class:`KeyringUnavailable` (after forgetting the session token) if the keyring is
        locked or unreachable, or fails to delete it."""
        code = parse_server_code(server)
        with self._lock:
            self._session.pop(code, None)
        state = self.status()
        if not state.usable:
            if state.transient:  # a locked/unreachable keyring may still hold one
                raise KeyringUnavailable(
                    f"The token could not be removed from the keyring. {state.detail}"
                )
            return
        from keyring.errors import PasswordDeleteError

        try:
            self.backend.delete_password(self.service, code)
        except PasswordDeleteError:
            pass  # nothing saved: already forgotten
        except Exception as exc:  # noqa: BLE001 - turned into a sentence below
            detail = _describe(exc)
            log.warning("keyring delete failed for operation %s: %s", code, detail)
            raise KeyringUnavailable(
                f"The system keyring ({state.name}) could not remove the token ({detail})."
            ) from None

    def session_servers(self) -> list[str]:
        """The operations with a token held for this session only."""
        with self._lock:
            return sorted(self._session)

    def has_token(self, server: str) -> TokenSource:
        """Where the token would come from (``NONE`` if nowhere); never raises for a
        keyring problem."""
        try:
            found, source = self.get(server)
        except KeyringUnavailable:
            return TokenSource.NONE
        return source if found else TokenSource.NONE


# ---------------------------------------------------------------- backend checks
def _status_of(backend: Any, service: str) -> BackendStatus:
    from keyring.backends import SecretService, chainer, fail, null

    name = _backend_name(backend)
    kind = type(backend)
    if kind.__module__.startswith("keyrings.alt") or "plaintext" in kind.__name__.lower():
        return BackendStatus(
            False,
            name,
            _no_keyring(
                f"the configured keyring, {name}, keeps secrets in a plain file, which "
                "Wolkvox Desktop does not use"
            ),
        )
    if isinstance(backend, fail.Keyring):
        return BackendStatus(False, name, _no_keyring("the keyring library found none"))
    if isinstance(backend, null.Keyring):
        return BackendStatus(False, name, _no_keyring("the keyring is switched off"))
    if isinstance(backend, chainer.ChainerBackend):
        try:
            members = list(backend.backends)
        except Exception as exc:  # noqa: BLE001 - discovery itself failed
            detail = _no_keyring(f"looking for one failed: {_describe(exc)}")
            return BackendStatus(False, name, detail, transient=True)
        statuses = [_status_of(member, service) for member in members]
        usable = [s.name for s in statuses if s.usable]
        if usable:
            return BackendStatus(True, " + ".join(usable), "")
        if not statuses:
            return BackendStatus(False, name, _no_keyring("the keyring library found none"))
        transient = [s for s in statuses if s.transient]
        if transient:
            return transient[0]
        names = ", ".join(s.name for s in statuses)
        return BackendStatus(False, name, _no_keyring(f"none of {names} can be used"))
    if isinstance(backend, SecretService.Keyring):
        problem = _secret_service_problem(backend)
        return BackendStatus(problem is None, name, problem or "", transient=bool(problem))
    try:  # any other backend (macOS Keychain, Windows Credential Locker, KWallet...)
        backend.get_password(service, _PROBE_USERNAME)
    except Exception as exc:  # noqa: BLE001 - the probe is exactly this question
        detail = _no_keyring(f"{name} failed: {_describe(exc)}")
        return BackendStatus(False, name, detail, transient=True)
    return BackendStatus(True, name, "")


def _secret_service_problem(backend: Any) -> str | None:
    """Why the Secret Service cannot hold a token now, or None. Never prompts: a locked
    collection is reported, not unlocked."""
    try:
        import secretstorage
        from secretstorage.exceptions import SecretStorageException
    except ImportError:
        return _no_keyring("the SecretStorage library is missing")
    path = getattr(backend, "preferred_collection", None) or SECRET_SERVICE_DEFAULT_COLLECTION
    try:
        with closing(secretstorage.dbus_init()) as conn:
            if not secretstorage.check_service_availability(conn):
                return _no_keyring("no Secret Service, such as GNOME Keyring, is running")
            try:
                collection = secretstorage.Collection(conn, path)
            except SecretStorageException:
                return _no_keyring(
                    "the Secret Service has no default keyring; create a 'Login' keyring "
                    "in your system's passwords app"
                )
            if collection.is_locked():
                return (
                    "The system keyring is locked. Unlock it (log in again, or open your "
                    f"system's passwords app) and try again. {SESSION_ONLY}"
                )
    except (SecretStorageException, OSError, ValueError) as exc:
        return _no_keyring(f"the Secret Service cannot be reached: {_describe(exc)}")
    except Exception as exc:  # noqa: BLE001 - D-Bus errors come in many shapes
        return _no_keyring(f"the Secret Service failed: {_describe(exc)}")
    return None
