"""Which signing this build does, read from the environment; nothing secret is ever printed.

Windows (``signtool``), one of:
- a certificate in the machine's certificate store, e.g. on a hardware token (code-signing
  keys must live in hardware or a cloud HSM since June 2023, so there is no .pfx to pass
  around): ``WOLKVOX_WINDOWS_CERT_SHA1`` = its thumbprint (``/sha1``); add
  ``WOLKVOX_WINDOWS_CERT_MACHINE_STORE=1`` when it is in the local machine's store
  rather than the current user's (``/sm``);
- a cloud signing service through its signtool plug-in, e.g. Azure Artifact Signing
  (formerly Trusted Signing; the NuGet package Microsoft.ArtifactSigning.Client):
  ``WOLKVOX_WINDOWS_SIGN_DLIB`` = the plug-in (``Azure.CodeSigning.Dlib.dll``, ``/dlib``)
  and ``WOLKVOX_WINDOWS_SIGN_METADATA`` = its metadata file (``/dmdf``: endpoint, account,
  certificate profile; the service's credentials come from its own environment
  variables, e.g. ``AZURE_TENANT_ID``/``AZURE_CLIENT_ID``/``AZURE_CLIENT_SECRET``).
``WOLKVOX_WINDOWS_TIMESTAMP_URL`` overrides the RFC 3161 timestamp server.
``build.py`` signs every PE file of the app folder that has no signature yet with it
(windows_tools.py), then hands the same command to Inno Setup as a Sign Tool
(``SignTool=`` with ``SignedUninstaller=yes``), so the installer, its temporary
self-copies and the uninstaller are signed by Inno Setup itself.

macOS: ``WOLKVOX_MACOS_SIGN_IDENTITY`` ("Developer ID Application: NAME (TEAMID)", in the
keychain) signs; notarization needs an App Store Connect API key (``WOLKVOX_NOTARY_KEY``
= the .p8 file, ``WOLKVOX_NOTARY_KEY_ID``, ``WOLKVOX_NOTARY_ISSUER``) or a notarytool
keychain profile (``WOLKVOX_NOTARY_PROFILE``).

``WOLKVOX_REQUIRE_SIGNING=1`` (CI sets it on release tags) turns "skipped" into a failure.
Standard library only; unit-tested on Linux (``tests/unit/test_packaging_helpers.py``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

SIGNTOOL_NAME = "wolkvox"  # the Inno Setup Sign Tool name (no spaces, no "=")
DEFAULT_TIMESTAMP = "http://timestamp.digicert.com"
TRUSTED_SIGNING_TIMESTAMP = "http://timestamp.acs.microsoft.com"


class SigningError(Exception):
    """A signing configuration that cannot work, in a sentence (no secret in it)."""


def required(env: Mapping[str, str]) -> bool:
    return env.get("WOLKVOX_REQUIRE_SIGNING", "").strip().lower() in ("1", "true", "yes")


def _get(env: Mapping[str, str], name: str) -> str:
    return env.get(name, "").strip()


# --- Windows ----------------------------------------------------------------------------

@dataclass(frozen=True)
class WindowsSigning:
    """``signtool`` arguments before the file names (``sign ... /tr URL``)."""

    mode: str  # "certificate store" or "cloud service"
    args: tuple[str, ...]

    def command(self, signtool: str, files: list[str]) -> list[str]:
        return [signtool, *self.args, *files]

    def inno_signtool(self, signtool: str) -> str:
        """The ISCC ``/S`` value defining the Sign Tool: ``NAME=command ... $f``.

        Inno Setup replaces ``$f`` with the quoted file and ``$q`` with a quote; a literal
        ``$`` is written ``$$``. Every part with a space is quoted with ``$q``.
        """
        def part(text: str) -> str:
            text = text.replace("$", "$$")
            return f"$q{text}$q" if (" " in text or not text) else text

        return f"{SIGNTOOL_NAME}=" + " ".join([part(signtool), *map(part, self.args), "$f"])


def windows_signing(env: Mapping[str, str], app_name: str) -> WindowsSigning | None:
    """The configured Windows signing, ``None`` when none is set.

    Raises :class:`SigningError` on a half-set configuration (both modes, or the cloud
    plug-in without its metadata file).
    """
    thumbprint = _get(env, "WOLKVOX_WINDOWS_CERT_SHA1").replace(" ", "")
    dlib = _get(env, "WOLKVOX_WINDOWS_SIGN_DLIB")
    metadata = _get(env, "WOLKVOX_WINDOWS_SIGN_METADATA")
    if thumbprint and (dlib or metadata):
        raise SigningError("set either WOLKVOX_WINDOWS_CERT_SHA1 (a certificate in the "
                           "store) or WOLKVOX_WINDOWS_SIGN_DLIB/_METADATA (a cloud signing "
                           "service), not both")
    if bool(dlib) != bool(metadata):
        raise SigningError("a cloud signing service needs both WOLKVOX_WINDOWS_SIGN_DLIB "
                           "(the signtool plug-in) and WOLKVOX_WINDOWS_SIGN_METADATA (its "
                           "metadata file)")
    common = ["sign", "/fd", "sha256", "/td", "sha256", "/d", app_name]
    if thumbprint:
        if len(thumbprint) != 40 or any(c not in "0123456789abcdefABCDEF" for c in thumbprint):
            raise SigningError("WOLKVOX_WINDOWS_CERT_SHA1 is not a 40-digit hex thumbprint")
        store = ["/sm"] if _get(env, "WOLKVOX_WINDOWS_CERT_MACHINE_STORE") in ("1", "true") else []
        url = _get(env, "WOLKVOX_WINDOWS_TIMESTAMP_URL") or DEFAULT_TIMESTAMP
        return WindowsSigning("certificate store",
                              (*common, *store, "/sha1", thumbprint, "/tr", url))
    if dlib:
        url = _get(env, "WOLKVOX_WINDOWS_TIMESTAMP_URL") or TRUSTED_SIGNING_TIMESTAMP
        return WindowsSigning("cloud service",
                              (*common, "/tr", url, "/dlib", dlib, "/dmdf", metadata))
    return None


WINDOWS_SKIPPED = ("Windows signing skipped: neither WOLKVOX_WINDOWS_CERT_SHA1 nor "
                   "WOLKVOX_WINDOWS_SIGN_DLIB/_METADATA is set. The executables, the "
                   "installer and the uninstaller are unsigned: SmartScreen shows "
                   "\"Windows protected your PC\" on first run.")


# --- macOS ------------------------------------------------------------------------------

@dataclass(frozen=True)
class MacSigning:
    identity: str
    notary_auth: tuple[str, ...]  # notarytool arguments; empty: no notarization


def macos_signing(env: Mapping[str, str]) -> MacSigning | None:
    identity = _get(env, "WOLKVOX_MACOS_SIGN_IDENTITY")
    if not identity:
        return None
    key, key_id, issuer = (_get(env, n) for n in
                           ("WOLKVOX_NOTARY_KEY", "WOLKVOX_NOTARY_KEY_ID", "WOLKVOX_NOTARY_ISSUER"))
    profile = _get(env, "WOLKVOX_NOTARY_PROFILE")
    if any((key, key_id, issuer)) and not all((key, key_id, issuer)):
        raise SigningError("an App Store Connect API key needs all of WOLKVOX_NOTARY_KEY, "
                           "WOLKVOX_NOTARY_KEY_ID and WOLKVOX_NOTARY_ISSUER")
    if key:
        auth: tuple[str, ...] = ("--key", key, "--key-id", key_id, "--issuer", issuer)
    elif profile:
        auth = ("--keychain-profile", profile)
    else:
        auth = ()
    return MacSigning(identity, auth)


def macos_gaps(signing: MacSigning | None) -> list[str]:
    """What a macOS release would lack, in sentences (empty: signed and notarized)."""
    if signing is None:
        return ["macOS signing skipped: WOLKVOX_MACOS_SIGN_IDENTITY is not set (the app is "
                "only ad-hoc signed; Gatekeeper blocks it on other Macs until the user "
                "allows it in System Settings > Privacy & Security > Open Anyway)"]
    if not signing.notary_auth:
        return ["notarization skipped: set WOLKVOX_NOTARY_KEY, WOLKVOX_NOTARY_KEY_ID and "
                "WOLKVOX_NOTARY_ISSUER (App Store Connect API key) or WOLKVOX_NOTARY_PROFILE"]
    return []


def redact_args(args: list[str], secrets: tuple[str, ...]) -> list[str]:
    """A command for the build log, with the notary credentials' values masked."""
    hidden = {s for s in secrets if s and not s.startswith("--")}
    return ["***" if a in hidden else a for a in args]


@dataclass(frozen=True)
class NotaryResult:
    submission_id: str
    status: str

    @property
    def accepted(self) -> bool:
        return self.status == "Accepted"


def notary_result(output: str) -> NotaryResult:
    """Read ``notarytool submit --wait --output-format json``'s answer.

    notarytool exits 0 even when Apple rejects the upload (``"status": "Invalid"``), so
    the status is what counts. Raises :class:`SigningError` when the answer is not JSON
    with an ``id`` and a ``status``.
    """
    for line in reversed(output.strip().splitlines()):
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict) and "id" in data and "status" in data:
            return NotaryResult(str(data["id"]), str(data["status"]))
    try:
        data = json.loads(output)
    except json.JSONDecodeError as exc:
        raise SigningError(f"notarytool gave no readable answer: {output[-500:]!r}") from exc
    if not isinstance(data, dict) or "id" not in data or "status" not in data:
        raise SigningError(f"notarytool's answer has no id/status: {output[-500:]!r}")
    return NotaryResult(str(data["id"]), str(data["status"]))
