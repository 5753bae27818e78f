"""Self-check of a frozen build: what only packaging can get wrong, in one JSON line.

Run as ``wolkvox-desktop --bundle-check`` (the frozen launcher routes the flag here) or
from a checkout as ``python build_specs/bundle_check.py`` (the same checks against the
source tree, for comparison). Exit status 0 only when every check passed.

Checks:
- ``modules``: every ``wolkvox_desktop`` module and the runtime dependencies import
  (a module PyInstaller did not collect fails here, not in front of a supervisor).
- ``version``: the package metadata is bundled, so ``__version__`` is the real one.
- ``keyring``: the backend keyring picks is a real one (SecretService, Windows Credential
  Manager or macOS Keychain; never ``fail``/``null``), and a throw-away secret can be
  written, read back and deleted (``--no-keyring-write`` skips that part).
- ``tls``: the app's TLS context is an OS-trust-store one (truststore on Windows and
  macOS; elsewhere OpenSSL with the platform's own CA locations), the system CA store is
  found (Linux), certifi's CA file is present (requests needs it at import), and
  the app's client refuses a loopback HTTPS server with an untrusted certificate after a
  real handshake attempt (nothing is sent to the network).
- ``qt``: Qt's own Spanish translation (qtbase_es) loads, and the platform plugins the
  app needs on this OS are present.
- ``resources``: ``resources/`` is where ``core.paths.resources_dir()`` looks, with the
  icons and every compiled ``.qm`` translation, each loadable.
- ``notices``: ``THIRD-PARTY-NOTICES.txt`` and the CycloneDX SBOM are where the About
  dialog finds them (``gui.about.dialog.bundled_file``), readable (frozen builds only).

Never prints a secret: the throw-away value is random and only compared.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import secrets
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROBE_SERVICE = "wolkvox-desktop-bundle-check"
RUNTIME_DEPENDENCIES = ("requests", "keyring", "platformdirs", "truststore", "certifi",
                        "sqlite3", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets",
                        "openpyxl", "zoneinfo")
PLATFORM_PLUGINS = {"linux": ("offscreen", "xcb", "wayland"), "win32": ("offscreen", "windows"),
                    "darwin": ("offscreen", "cocoa")}
REAL_KEYRINGS = ("SecretService", "WinVault", "Windows", "macOS", "Keychain")


def check_modules() -> dict[str, Any]:
    import wolkvox_desktop

    failed: dict[str, str] = {}
    names = [m.name for m in pkgutil.walk_packages(wolkvox_desktop.__path__, "wolkvox_desktop.")]
    if sys.platform.startswith("linux"):
        deps = (*RUNTIME_DEPENDENCIES, "secretstorage", "jeepney")
    elif sys.platform == "win32":
        deps = (*RUNTIME_DEPENDENCIES, "win32ctypes.core", "tzdata")
    else:
        deps = RUNTIME_DEPENDENCIES
    for name in [*names, *deps]:
        if name.endswith("__main__"):
            continue  # importing it would start the app
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - reported, not raised
            failed[name] = f"{type(exc).__name__}: {exc}"
    try:  # shift plans run at local times: the time-zone database must be there
        from zoneinfo import ZoneInfo

        ZoneInfo("America/Bogota")
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        failed["zoneinfo America/Bogota"] = f"{type(exc).__name__}: {exc}"
    return {"ok": not failed and len(names) > 0, "count": len(names) + len(deps),
            "failed": failed}


def check_version() -> dict[str, Any]:
    from importlib import metadata

    import wolkvox_desktop

    try:
        from_metadata: str | None = metadata.version("wolkvox-desktop")
    except metadata.PackageNotFoundError:
        from_metadata = None
    return {"ok": from_metadata is not None and from_metadata == wolkvox_desktop.__version__,
            "version": wolkvox_desktop.__version__, "metadata": from_metadata}


def check_keyring(write: bool) -> dict[str, Any]:
    import keyring
    import keyring.backend

    backend = keyring.get_keyring()
    kind = type(backend)
    name = f"{kind.__module__}.{kind.__name__}"
    available = sorted(f"{type(b).__module__}.{type(b).__name__}"
                       for b in keyring.backend.get_all_keyring())
    result: dict[str, Any] = {"backend": name, "name": getattr(backend, "name", name),
                              "available": available}
    real = any(word in name for word in REAL_KEYRINGS) and "fail" not in name.lower()
    if real and write:
        value = secrets.token_hex(16)
        try:
            keyring.set_password(PROBE_SERVICE, "probe", value)
            read_back = keyring.get_password(PROBE_SERVICE, "probe") == value
            keyring.delete_password(PROBE_SERVICE, "probe")
            gone = keyring.get_password(PROBE_SERVICE, "probe") is None
            result["roundtrip"] = read_back and gone
        except Exception as exc:  # noqa: BLE001 - reported, not raised
            result["roundtrip"] = False
            result["error"] = type(exc).__name__
    result["ok"] = real and result.get("roundtrip", True) is True
    return result


# A self-signed certificate nobody trusts, and its key: public, for the loopback TLS check
# below only (the app must refuse it). Not a secret; it protects nothing.
UNTRUSTED_CERT = """\
-----BEGIN CERTIFICATE-----
MIIB2jCCAX+gAwIBAgIUS2otuHJjmBRJWmYoePRu+BKxd34wCgYIKoZIzj0EAwIw
MzExMC8GA1UEAwwod29sa3ZveC1kZXNrdG9wIGJ1bmRsZSBjaGVjayAodW50cnVz
dGVkKTAgFw0yNjExMjYxNjMxMDRaGA8yMTI2MTEwMjE2MzEwNFowMzExMC8GA1UE
Awwod29sa3ZveC1kZXNrdG9wIGJ1bmRsZSBjaGVjayAodW50cnVzdGVkKTBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABGCHnmDbj65cfHvxytdGHNBndVNdCskD218k
lFu4U7aKCsUCGZkhfXY2ATKdgdL0x0Oc5U8heN9LJNcZQNT3OXujbzBtMB0GA1Ud
DgQWBBRYbs3TfMIZgyIQTYgotMmiQ7w07zAfBgNVHSMEGDAWgBRYbs3TfMIZgyIQ
TYgotMmiQ7w07zAPBgNVHRMBAf8EBTADAQH/MBoGA1UdEQQTMBGHBH8AAAGCCWxv
Y2FsaG9zdDAKBggqhkjOPQQDAgNJADBGAiEAodiq2ElImW/a1QTmxPojqnvoi2vA
EQMN7Nx16QmOc8QCIQCGMn+fxRhacouRMBWiVT5kjxQ86lxufqOmyn48nnMDew==
-----END CERTIFICATE-----
"""
UNTRUSTED_KEY = """\
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgKiXzHLKtJ8PlJmDu
JrN5vMAcJTt1wSWrns7N/Hv/X3ihRANCAARgh55g24+uXHx78crXRhzQZ3VTXQrJ
A9tfJJRbuFO2igrFAhmZIX12NgEynYHS9MdDnOVPIXjfSyTXGUDU9zl7
-----END PRIVATE KEY-----
"""


def _refuses_untrusted_server() -> dict[str, Any]:
    """The app's own client against a loopback HTTPS server with an untrusted certificate:
    the call must end ``undelivered`` for a TLS reason, with not one byte of the request
    (nor the token) reaching the server. Exercises OpenSSL, truststore and the OS verification calls
    (Linux refuses during the handshake; Windows and macOS check the chain right after it).
    """
    import socket
    import ssl
    import tempfile
    import threading

    from wolkvox_desktop.core.api import WolkvoxClient

    with tempfile.TemporaryDirectory() as tmp:
        cert, key = Path(tmp, "cert.pem"), Path(tmp, "key.pem")
        cert.write_text(UNTRUSTED_CERT, encoding="ascii")
        key.write_text(UNTRUSTED_KEY, encoding="ascii")
        server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    seen: dict[str, Any] = {"connections": 0, "received": 0}
    done = threading.Event()

    def serve() -> None:
        while not done.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            seen["connections"] += 1
            conn.settimeout(10)
            try:
                with server.wrap_socket(conn, server_side=True) as tls:
                    seen["handshake"] = "completed"
                    while chunk := tls.recv(4096):
                        seen["received"] += len(chunk)
            except (OSError, ssl.SSLError) as exc:
                seen.setdefault("handshake", f"refused ({type(exc).__name__})")

    thread = threading.Thread(target=serve, name="bundle-check-tls", daemon=True)
    thread.start()
    client = WolkvoxClient("0032", "bundle-check", api_base=f"https://127.0.0.1:{port}",
                           connect_timeout=10, read_timeout=10)
    try:
        result = client.list_campaigns()
    finally:
        client.close()
        done.set()
        thread.join(15)
        listener.close()
    outcome = getattr(result.outcome, "value", str(result.outcome))
    reason = str(getattr(getattr(result, "reason", None), "value", ""))
    return {"ok": outcome == "undelivered" and "tls" in reason and seen["connections"] > 0
            and seen["received"] == 0,
            "outcome": outcome, "reason": reason, **seen}


def check_tls() -> dict[str, Any]:
    import ssl

    import certifi

    from wolkvox_desktop.core.transport import os_trust_context

    ctx = os_trust_context()  # what the app's client mounts
    cafile = Path(certifi.where())
    result: dict[str, Any] = {"context": f"{type(ctx).__module__}.{type(ctx).__name__}",
                              "certifi": cafile.is_file() and cafile.stat().st_size > 10_000,
                              "openssl": ssl.OPENSSL_VERSION}
    os_verified = sys.platform in ("win32", "darwin")  # truststore; else the platform's CAs
    ok = (result["certifi"] and ctx is not None and ctx.verify_mode == ssl.CERT_REQUIRED
          and (type(ctx).__module__.startswith("truststore") if os_verified
               else type(ctx) is ssl.SSLContext))
    if sys.platform.startswith("linux") and ctx is not None:
        # the distribution's CA store (OpenSSL's own locations, or a known bundle) was found
        from wolkvox_desktop.core.transport import holds_hashed_certificates

        paths = ssl.get_default_verify_paths()
        capath_ok = bool(paths.openssl_capath) and holds_hashed_certificates(
            paths.openssl_capath)
        result["system_ca_certs"] = ctx.cert_store_stats()["x509_ca"]
        ok = ok and (result["system_ca_certs"] > 0 or capath_ok)
    result["untrusted_server"] = _refuses_untrusted_server()
    result["ok"] = bool(ok and result["untrusted_server"]["ok"])
    return result


def check_qt() -> dict[str, Any]:
    import functools

    from PySide6.QtCore import QCollator, QLibraryInfo, QLocale, QTranslator

    translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    qtbase_es = QTranslator().load("qtbase_es", str(translations))
    platforms = sorted(p.name for p in (plugins / "platforms").glob("*") if p.is_file())
    wanted = next((v for k, v in PLATFORM_PLUGINS.items() if sys.platform.startswith(k)), ())
    missing = [w for w in wanted if not any(w in name for name in platforms)]
    # Spanish text handling (ICU data on Linux, the OS elsewhere): "ñ" sorts after "n"
    # and before "o", and upper-cases with its accent.
    spanish = QCollator(QLocale("es_CO"))
    order = sorted(["Oso", "Ñandú", "Nube", "árbol"], key=functools.cmp_to_key(spanish.compare))
    upper = QLocale("es").toUpper("ñandú")
    spanish_ok = order == ["árbol", "Nube", "Ñandú", "Oso"] and upper == "ÑANDÚ"
    return {"ok": qtbase_es and not missing and spanish_ok, "qtbase_es": qtbase_es,
            "platform_plugins": platforms, "missing_platform_plugins": missing,
            "spanish_collation": order, "spanish_upper": upper}


def check_resources() -> dict[str, Any]:
    from PySide6.QtCore import QTranslator

    from wolkvox_desktop.core.paths import resources_dir

    root = resources_dir()
    icons = sorted(p.name for p in (root / "icons").glob("*.png"))
    qm = sorted((root / "translations").glob("*.qm"))
    unloadable = [p.name for p in qm if not QTranslator().load(str(p))]
    return {"ok": root.is_dir() and bool(icons) and not unloadable, "dir": str(root),
            "icons": len(icons), "translations": [p.name for p in qm],
            "unloadable": unloadable}


def check_notices() -> dict[str, Any]:
    """The third-party notices and the SBOM are where the About dialog looks for them
    (beside the executable, or in PyInstaller's data folder; macOS: through
    Contents/Frameworks), readable, and the SBOM is CycloneDX with components."""
    if not getattr(sys, "frozen", False):
        return {"ok": True, "frozen": False}  # a checkout has none: the build writes them
    from wolkvox_desktop.gui.about.dialog import NOTICES_NAME, SBOM_NAME, bundled_file

    notices, sbom = bundled_file(NOTICES_NAME), bundled_file(SBOM_NAME)
    found: dict[str, Any] = {"notices": str(notices), "sbom": str(sbom)}
    if notices is None or sbom is None:
        return {"ok": False, **found}
    text = notices.read_text(encoding="utf-8")
    bom = json.loads(sbom.read_text(encoding="utf-8"))
    components = bom.get("components") or []
    names = sorted({str(c.get("name")) for c in components})
    ok = (text.startswith("Third-party software in Wolkvox Desktop")
          and bom.get("bomFormat") == "CycloneDX" and "Python" in names)
    return {"ok": ok, **found, "notices_bytes": len(text.encode("utf-8")),
            "components": len(components), "qt": "Qt" in names}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    checks: dict[str, Callable[[], dict[str, Any]]] = {
        "modules": check_modules,
        "version": check_version,
        "keyring": lambda: check_keyring(write="--no-keyring-write" not in argv),
        "tls": check_tls,
        "qt": check_qt,
        "resources": check_resources,
        "notices": check_notices,
    }
    report: dict[str, Any] = {"frozen": bool(getattr(sys, "frozen", False))}
    for name, check in checks.items():
        try:
            report[name] = check()
        except Exception as exc:  # noqa: BLE001 - one broken check must not hide the others
            report[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}",
                            "where": traceback.format_exc(limit=-2).splitlines()[-3:]}
    report["ok"] = all(report[name]["ok"] for name in checks)
    line = json.dumps(report, sort_keys=True)
    if sys.stdout is not None:
        print(line, flush=True)
    else:  # a windowed Windows build run without a console: leave it beside the log
        from wolkvox_desktop.core.paths import log_dir

        (log_dir() / "bundle-check.json").write_text(line + "\n", encoding="utf-8")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
