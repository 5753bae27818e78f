"""The credentials layer against a real Secret Service (gnome-keyring on a private D-Bus)
and keyring's real ``fail``/``null``/chainer backends."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import secretstorage
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, chainer, fail, null
from keyring.errors import KeyringError

from tests.support.keyring_bus import (
    DEFAULT_COLLECTION,
    SecretServiceBus,
    private_secret_service,
)
from wolkvox_desktop.core.credentials import (
    MAX_TOKEN_LENGTH,
    SERVICE_NAME,
    TOKEN_ENV,
    Credentials,
    KeyringUnavailable,
    TokenSource,
    validate_token,
)
from wolkvox_desktop.core.errors import InvalidInput, Reason

TOKEN = "wvx-Tk-3b9f1c7e-credentials-test"  # made up for these tests; never a real token
OTHER = "wvx-Tk-other-5d2a-credentials-test"


def _items(server: str) -> list[tuple[dict[str, str], bytes]]:
    """What the Secret Service itself holds for an operation (read behind our back)."""
    with closing(secretstorage.dbus_init()) as conn:
        collection = secretstorage.Collection(conn, DEFAULT_COLLECTION)
        return [
            (item.get_attributes(), item.get_secret())
            for item in collection.search_items({"service": SERVICE_NAME, "username": server})
        ]


@pytest.fixture(autouse=True)
def _debug_logs(caplog: pytest.LogCaptureFixture) -> Any:
    """Capture every log record (ours, keyring's, secretstorage's) to grep for the token."""
    caplog.set_level(logging.DEBUG)
    yield
    text = "\n".join(
        f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records
    ) + caplog.text
    assert TOKEN not in text and OTHER not in text


# ---------------------------------------------------------------- real Secret Service
@pytest.mark.keyring
def test_save_get_delete_round_trip(secret_service_backend: Any) -> None:
    creds = Credentials(backend=secret_service_backend, use_env=False)
    assert creds.get("0032") == (None, TokenSource.NONE)
    assert creds.save("wv0032", f"  {TOKEN}\n") is TokenSource.KEYRING  # trimmed, normalised
    (attributes, secret) = _items("0032")[0]
    assert secret == TOKEN.encode()
    assert attributes["service"] == SERVICE_NAME and attributes["username"] == "0032"
    # another instance (another run of the app) reads it from the keyring
    again = Credentials(backend=SecretService.Keyring(), use_env=False)
    assert again.get("0032") == (TOKEN, TokenSource.KEYRING)
    assert again.has_token("0032") is TokenSource.KEYRING
    assert again.get("0001") == (None, TokenSource.NONE)
    creds.save("0032", OTHER)  # replaces, never duplicates
    assert [s for _, s in _items("0032")] == [OTHER.encode()]
    creds.delete("0032")
    assert _items("0032") == []
    assert again.get("0032") == (None, TokenSource.NONE)
    creds.delete("0032")  # nothing left to delete: fine


@pytest.mark.keyring
def test_status_names_the_secret_service(secret_service_backend: Any) -> None:
    status = Credentials(backend=secret_service_backend).status()
    assert status.usable is True
    assert status.name == "SecretService Keyring"
    assert status.detail == ""


@pytest.mark.keyring
def test_default_backend_and_a_chainer_find_the_secret_service(
    secret_service: SecretServiceBus, tmp_path: Path
) -> None:
    assert Credentials(backend=chainer.ChainerBackend()).status().usable
    # keyring's own choice, in a fresh process (keyring caches it per process)
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path),  # no user keyringrc.cfg
        "PYTHON_KEYRING_BACKEND": "",
    }
    env.pop("PYTHON_KEYRING_BACKEND")
    code = (
        "from wolkvox_desktop.core.credentials import Credentials\n"
        "s = Credentials().status()\n"
        "print(s.usable, s.name)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.startswith("True ") and "SecretService" in out
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False null Keyring"


@pytest.mark.keyring
def test_env_then_keyring_then_session(
    secret_service_backend: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    creds = Credentials(backend=secret_service_backend)
    creds.set_session_token("0032", "session-only-token")
    assert creds.get("0032") == ("session-only-token", TokenSource.SESSION)
    creds.save("0032", TOKEN)
    assert creds.get("0032") == (TOKEN, TokenSource.KEYRING)  # keyring beats session
    creds.set_session_token("0032", "session-only-token")
    monkeypatch.setenv(TOKEN_ENV, f" {OTHER} ")
    assert creds.get("0032") == (OTHER, TokenSource.ENVIRONMENT)  # env beats everything
    assert creds.has_token("0032") is TokenSource.ENVIRONMENT
    no_env = Credentials(backend=secret_service_backend, use_env=False)
    assert no_env.get("0032") == (TOKEN, TokenSource.KEYRING)
    monkeypatch.setenv(TOKEN_ENV, "   ")  # blank means unset
    assert creds.get("0032") == (TOKEN, TokenSource.KEYRING)
    creds.delete("0032")  # the keyring entry and the session token
    assert creds.get("0032") == (None, TokenSource.NONE)


@pytest.mark.keyring
def test_locked_secret_service_is_reported_without_prompting() -> None:
    # A second private keyring, locked: gnome-keyring cannot prompt here, keyring's own
    # unlock attempt would be dismissed; we must not even try.
    with private_secret_service() as bus:
        creds = Credentials(backend=SecretService.Keyring(), use_env=False)
        creds.save("0032", TOKEN)
        bus.lock_default_collection()
        assert bus.default_collection_locked()
        status = creds.status()
        assert status.usable is False and status.transient is True
        assert status.name == "SecretService Keyring"
        assert "locked" in status.detail and "session only" in status.detail
        with pytest.raises(KeyringUnavailable, match="locked") as info:
            creds.save("0032", OTHER)
        assert OTHER not in str(info.value)
        # a token may be in there: say the keyring is locked, not "no token"
        with pytest.raises(KeyringUnavailable, match="locked"):
            creds.get("0032")
        assert creds.has_token("0032") is TokenSource.NONE
        creds.set_session_token("0032", OTHER)
        assert creds.get("0032") == (OTHER, TokenSource.SESSION)
        with pytest.raises(KeyringUnavailable, match="could not be removed.*locked"):
            creds.delete("0032")  # the saved token is still in the locked keyring: say so
        assert creds.has_token("0032") is TokenSource.NONE  # the session token is gone
        assert bus.default_collection_locked()


def test_unreachable_secret_service(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus-here")
    creds = Credentials(backend=SecretService.Keyring(), use_env=False)
    status = creds.status()
    assert status.usable is False and status.transient is True
    assert status.detail.startswith("No usable system keyring was found (")
    assert status.detail.endswith("The token will be kept for this session only.")
    with pytest.raises(KeyringUnavailable):
        creds.save("0032", TOKEN)
    # keyring's chainer looking for backends on this bus fails: unusable, not a crash
    chain = Credentials(backend=chainer.ChainerBackend()).status()
    assert chain.usable is False
    assert chain.detail.startswith("No usable system keyring was found (")


# ---------------------------------------------------------------- no keyring at all
@pytest.mark.parametrize(
    ("backend", "name", "words"),
    [
        (fail.Keyring(), "fail Keyring", "found none"),
        (null.Keyring(), "null Keyring", "switched off"),
    ],
)
def test_fail_and_null_backends_fall_back_to_the_session(
    backend: Any, name: str, words: str
) -> None:
    creds = Credentials(backend=backend, use_env=False)
    status = creds.status()
    assert (status.usable, status.name, status.transient) == (False, name, False)
    assert status.detail == (
        f"No usable system keyring was found (the keyring library {words}). "
        "The token will be kept for this session only."
        if words == "found none"
        else f"No usable system keyring was found (the keyring is {words}). "
        "The token will be kept for this session only."
    )
    with pytest.raises(KeyringUnavailable) as info:
        creds.save("0032", TOKEN)
    assert str(info.value) == status.detail
    assert creds.get("0032") == (None, TokenSource.NONE)  # no keyring: simply no token
    creds.set_session_token("0032", TOKEN)
    assert creds.get("0032") == (TOKEN, TokenSource.SESSION)
    assert creds.has_token("0032") is TokenSource.SESSION
    assert Credentials(backend=backend).get("0032") == (None, TokenSource.NONE)  # per instance
    creds.delete("0032")
    assert creds.get("0032") == (None, TokenSource.NONE)


def test_a_chain_of_unusable_backends_is_unusable() -> None:
    class UnusableChain(chainer.ChainerBackend):
        backends = [fail.Keyring(), null.Keyring()]

    class EmptyChain(chainer.ChainerBackend):
        backends: list[Any] = []

    status = Credentials(backend=UnusableChain()).status()
    assert (status.usable, status.transient) == (False, False)
    assert "none of fail Keyring, null Keyring can be used" in status.detail
    empty = Credentials(backend=EmptyChain()).status()
    assert (empty.usable, empty.transient) == (False, False)
    assert "the keyring library found none" in empty.detail
    with pytest.raises(KeyringUnavailable, match="session only"):
        Credentials(backend=EmptyChain()).save("0032", TOKEN)


def test_a_plaintext_backend_is_never_used() -> None:
    class PlaintextKeyring(KeyringBackend):  # what keyrings.alt would offer
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            raise AssertionError("a plaintext keyring must not be read")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise AssertionError("a plaintext keyring must not be written")

        def delete_password(self, service: str, username: str) -> None:
            raise AssertionError("a plaintext keyring must not be touched")

    creds = Credentials(backend=PlaintextKeyring(), use_env=False)
    status = creds.status()
    assert status.usable is False and "plain file" in status.detail
    with pytest.raises(KeyringUnavailable, match="plain file"):
        creds.save("0032", TOKEN)
    assert creds.get("0032") == (None, TokenSource.NONE)
    creds.delete("0032")


# ---------------------------------------------------------------- validation and leaks
@pytest.mark.parametrize(
    "bad",
    ["", "   ", "\n", "abc def", "abc\tdef", "abc\ndef", "abc\x00def", "abc\x7fdef",
     "tökén", "a" * (MAX_TOKEN_LENGTH + 1)],
)
def test_bad_tokens_are_refused_without_repeating_them(bad: str) -> None:
    creds = Credentials(backend=null.Keyring(), use_env=False)
    for call in (lambda: creds.save("0032", bad), lambda: creds.set_session_token("0032", bad)):
        with pytest.raises(InvalidInput) as info:
            call()
        assert info.value.reason is Reason.NO_TOKEN
        assert str(info.value).endswith(".")
        if bad.strip():
            assert bad.strip() not in str(info.value)
    assert creds.get("0032") == (None, TokenSource.NONE)


def test_good_tokens() -> None:
    assert validate_token("  abc-DEF_123.~!  ") == "abc-DEF_123.~!"
    assert validate_token("a" * MAX_TOKEN_LENGTH) == "a" * MAX_TOKEN_LENGTH


def test_bad_server_code_is_invalid_input() -> None:
    creds = Credentials(backend=null.Keyring())
    for call in (lambda: creds.get("0032.evil.com/"), lambda: creds.save("x y", TOKEN),
                 lambda: creds.set_session_token("", TOKEN), lambda: creds.delete("@")):
        with pytest.raises(InvalidInput) as info:
            call()
        assert info.value.reason is Reason.BAD_SERVER_CODE


class LeakyKeyring(KeyringBackend):
    """A backend that fails, quoting the secret it was given when saving. A stand-in: no
    real backend can be made to fail this way on demand."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        if username == "wolkvox-desktop-probe":
            return None  # the status probe passes, so save/get really call the backend
        raise KeyringError("the item cannot be read")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError(f"backend refused password {password!r}")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("the item cannot be deleted")


def _full_text(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc)) + repr(exc.args)


def test_keyring_errors_become_sentences_without_the_token() -> None:
    creds = Credentials(backend=LeakyKeyring(), use_env=False)
    assert creds.status().usable
    with pytest.raises(KeyringUnavailable) as saved:
        creds.save("0032", TOKEN)
    assert "could not save the token" in str(saved.value)
    assert "[token]" in str(saved.value)
    with pytest.raises(KeyringUnavailable) as read:
        creds.get("0032")
    assert "could not be read" in str(read.value)
    with pytest.raises(KeyringUnavailable) as deleted:
        creds.delete("0032")
    for info in (saved, read, deleted):
        assert TOKEN not in _full_text(info.value)
        assert info.value.__cause__ is None
        assert info.value.__suppress_context__ or info.value.__context__ is None
    # a session token still works when the keyring fails to read
    creds.set_session_token("0032", OTHER)
    assert creds.get("0032") == (OTHER, TokenSource.SESSION)
    assert creds.has_token("0001") is TokenSource.NONE
