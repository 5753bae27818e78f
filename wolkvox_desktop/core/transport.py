"""The client's transport: a requests adapter that knows where its sockets are.

* :class:`GuardedAdapter`: no urllib3 retries, TLS verified with the OS trust store only
  (:func:`os_trust_context`, given to this adapter's pool managers only; nothing is
  injected process-wide, and requests' certifi bundle is never added to it), and this
  module's connection classes for every pool, proxied ones included.
* :class:`Attempt`: one HTTP attempt. While it is :func:`tracking` in the calling thread,
  the connection classes record on it when a connection is being made and when it is
  established (TCP, plus TLS for https), and keep a ``dup()`` of each socket so that
  :meth:`Attempt.abort` can ``shutdown()`` it from another thread: a call blocked in
  ``connect()`` or ``recv()`` then returns at once.
* :func:`watch_deadline`: one watchdog thread for the process that expires an attempt
  (the same shutdown) when its call's deadline passes, so a server trickling its answer
  a byte at a time cannot hold the call, nor the token's slot, past the timeout.

"Was a connection ever established?" is therefore answered from what happened, not guessed
from exception types (urllib3 reports a TLS handshake timeout as a *read* timeout, for one).
"""

from __future__ import annotations

import errno
import heapq
import http.client
import itertools
import logging
import os
import socket
import ssl
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.connection import allowed_gai_family
from urllib3.util.wait import wait_for_write

log = logging.getLogger(__name__)

#: What a failed request may raise; everything else is a bug and propagates.
TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (
    requests.RequestException,
    urllib3.exceptions.HTTPError,
    http.client.HTTPException,
    OSError,
    ValueError,
)



_local = threading.local()


class Attempt:
    """One HTTP attempt of one call, in one thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._watched: list[socket.socket] = []
        self.connecting = False  # a connection was being made (or a pooled one reused)
        self.established = False  # TCP (+TLS) connection up: the request may be sent
        self.aborted = False
        self.expired = False  # aborted because the call's deadline passed
        self.finished = False  # the answer was read (or the attempt failed): nothing to cut

    def watch(self, sock: socket.socket) -> bool:
        """Keep a duplicate descriptor of ``sock`` so abort() can shut the socket down.

        Returns False (and shuts the socket down) when the attempt is already aborted.
        """
        try:
            dup = socket.socket(
                sock.family, sock.type, sock.proto, fileno=socket.dup(sock.fileno())
            )
        except (OSError, ValueError):
            return not self.aborted
        with self._lock:
            if not self.aborted:
                self._watched.append(dup)
                return True
            _shutdown(dup)
            dup.close()
            return False

    def abort(self) -> None:
        with self._lock:
            self._abort()

    def _abort(self) -> None:
        self.aborted = True
        for sock in self._watched:
            _shutdown(sock)

    def expire(self) -> None:
        """The call's deadline passed: abort, unless the attempt has already finished."""
        with self._lock:
            if not self.finished:
                self.expired = True
                self._abort()

    def finish(self) -> bool:
        """Nothing more to read: a late deadline leaves the connection alone. Returns
        whether the deadline had already cut the attempt short."""
        with self._lock:
            self.finished = True
            return self.expired

    def close(self) -> None:
        with self._lock:
            watched, self._watched = self._watched, []
            for sock in watched:
                sock.close()


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _current_attempt() -> Attempt | None:
    attempt: Attempt | None = getattr(_local, "attempt", None)
    return attempt


@contextmanager
def tracking(attempt: Attempt) -> Iterator[Attempt]:
    """Connections made or reused by this thread inside the block report to ``attempt``;
    its duplicate sockets are closed on the way out."""
    _local.attempt = attempt
    try:
        yield attempt
    finally:
        _local.attempt = None
        attempt.close()


class _Watchdog:
    """One daemon thread for the process: at each attempt's deadline, :meth:`Attempt.expire`.

    Arming costs a heap push under a lock (no thread per call); a finished attempt stays in
    the heap until its deadline and is then dropped unless :meth:`disarm` compacted it away.
    """

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._heap: list[tuple[float, int, Attempt]] = []
        self._order = itertools.count()
        self._armed = 0  # attempts armed and not yet disarmed
        self._thread: threading.Thread | None = None

    def arm(self, attempt: Attempt, deadline: float) -> None:
        """Expire ``attempt`` at ``deadline`` (``time.monotonic()``) unless it finished."""
        with self._cond:
            earliest = self._heap[0][0] if self._heap else None
            heapq.heappush(self._heap, (deadline, next(self._order), attempt))
            self._armed += 1
            if self._thread is None or not self._thread.is_alive():  # first use, or forked
                self._thread = threading.Thread(
                    target=self._run, name="wolkvox-call-deadlines", daemon=True
                )
                self._thread.start()
            elif earliest is None or deadline < earliest:
                self._cond.notify()

    def disarm(self, attempt: Attempt) -> None:
        """``attempt`` is over (call :meth:`Attempt.finish` first)."""
        with self._cond:
            self._armed -= 1
            if len(self._heap) > 2 * self._armed + 64:  # mostly finished entries: drop them
                self._heap = [entry for entry in self._heap if not entry[2].finished]
                heapq.heapify(self._heap)

    def _run(self) -> None:
        while True:
            due: list[Attempt] = []
            with self._cond:
                while not due:
                    now = time.monotonic()
                    while self._heap and (self._heap[0][0] <= now or self._heap[0][2].finished):
                        _deadline, _order, attempt = heapq.heappop(self._heap)
                        if not attempt.finished:
                            due.append(attempt)
                    if not due:
                        self._cond.wait(self._heap[0][0] - now if self._heap else None)
            for attempt in due:
                attempt.expire()


_WATCHDOG = _Watchdog()
if hasattr(os, "register_at_fork"):  # a forked child has no watchdog thread, maybe a held lock
    os.register_at_fork(after_in_child=_WATCHDOG._reset)


@contextmanager
def watch_deadline(attempt: Attempt, deadline: float) -> Iterator[Attempt]:
    """Inside the block, ``attempt`` is expired (its sockets shut down) at ``deadline``;
    on the way out it is finished, so a deadline that comes later changes nothing."""
    _WATCHDOG.arm(attempt, deadline)
    try:
        yield attempt
    finally:
        attempt.finish()
        _WATCHDOG.disarm(attempt)


def _create_connection(
    address: tuple[str, int],
    timeout: float | None,
    source_address: tuple[str, int] | None,
    socket_options: Iterable[tuple[int, int, int | bytes]] | None,
    attempt: Attempt,
) -> socket.socket:
    """urllib3's ``create_connection``, plus: each socket is watched before it connects."""
    host, port = address
    if host.startswith("["):
        host = host.strip("[]")
    err: OSError | None = None
    for family, socktype, proto, _canon, sockaddr in socket.getaddrinfo(
        host, port, allowed_gai_family(), socket.SOCK_STREAM
    ):
        sock = None
        try:
            sock = socket.socket(family, socktype, proto)
            for option in socket_options or ():
                sock.setsockopt(*option)
            if source_address:
                sock.bind(source_address)
            if not attempt.watch(sock):
                raise ConnectionAbortedError("the call was aborted")
            _connect(sock, sockaddr, timeout, attempt)
            sock.settimeout(timeout)
            return sock
        except OSError as exc:
            err = exc
            if sock is not None:
                sock.close()
    if err is not None:
        raise err
    raise OSError("getaddrinfo returned no address")


_CONNECT_SLICE = 0.1  # how often a pending connect() looks at the abort flag


def _connect(
    sock: socket.socket, sockaddr: Any, timeout: float | None, attempt: Attempt
) -> None:
    """``sock.connect(sockaddr)`` within ``timeout``, giving up at once when aborted.

    Non-blocking, polled in short slices: an abort() that lands just before the connect
    starts (when shutting the socket down does not interrupt it yet) is still seen.
    """
    sock.setblocking(False)
    err = sock.connect_ex(sockaddr)
    if err in _CONNECT_PENDING:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            if attempt.aborted:
                raise ConnectionAbortedError("the call was aborted")
            wait = _CONNECT_SLICE
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError("timed out")
                wait = min(wait, remaining)
            if wait_for_write(sock, timeout=wait):  # poll() where it exists, not select()
                err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                break
    if attempt.aborted:
        raise ConnectionAbortedError("the call was aborted")
    if err:
        raise OSError(err, os.strerror(err))


_CONNECT_PENDING = frozenset(
    code
    for code in (
        getattr(errno, "EINPROGRESS", None),
        getattr(errno, "EWOULDBLOCK", None),
        getattr(errno, "EALREADY", None),
        getattr(errno, "WSAEWOULDBLOCK", None),
    )
    if code is not None
)


def _tracked_new_conn(conn: HTTPConnection) -> socket.socket | None:
    """Open ``conn``'s socket through :func:`_create_connection` (None: not in a call)."""
    attempt = _current_attempt()
    if attempt is None:
        return None
    attempt.connecting = True
    host: str = getattr(conn, "_dns_host", conn.host)
    timeout = conn.timeout if isinstance(conn.timeout, (int, float)) else None
    try:
        sock = _create_connection(
            (host, conn.port or 0), timeout, conn.source_address, conn.socket_options, attempt
        )
    except socket.gaierror as exc:
        raise NameResolutionError(conn.host, conn, exc) from exc
    except TimeoutError as exc:
        raise ConnectTimeoutError(
            conn, f"Connection to {conn.host} timed out. (connect timeout={conn.timeout})"
        ) from exc
    except OSError as exc:
        raise NewConnectionError(conn, f"Failed to establish a new connection: {exc}") from exc
    sys.audit("http.client.connect", conn, conn.host, conn.port)
    return sock


def _mark_established() -> None:
    attempt = _current_attempt()
    if attempt is not None:
        attempt.established = True


class _TrackedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = _tracked_new_conn(self)
        return sock if sock is not None else super()._new_conn()

    def connect(self) -> None:
        super().connect()
        _mark_established()


class _TrackedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = _tracked_new_conn(self)
        return sock if sock is not None else super()._new_conn()

    def connect(self) -> None:
        super().connect()
        _mark_established()


def _note_pooled(conn: object) -> None:
    """A connection taken from the pool: if it is still open it is reused, i.e. established."""
    attempt = _current_attempt()
    sock = getattr(conn, "sock", None)
    if attempt is None or not isinstance(sock, socket.socket):
        return
    attempt.connecting = True
    if attempt.watch(sock):  # an aborted attempt sends nothing on it
        attempt.established = True


class TrackedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _TrackedHTTPConnection

    def _get_conn(self, timeout: float | None = None) -> Any:
        conn = super()._get_conn(timeout)
        _note_pooled(conn)
        return conn


class TrackedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _TrackedHTTPSConnection

    def _get_conn(self, timeout: float | None = None) -> Any:
        conn = super()._get_conn(timeout)
        _note_pooled(conn)
        return conn


_POOL_CLASSES: dict[str, type[HTTPConnectionPool]] = {
    "http": TrackedHTTPPool,
    "https": TrackedHTTPSPool,
}


def os_proxies_for(url: str) -> dict[str, str]:
    """The OS proxy settings for ``url``'s host, as requests' ``proxies``: the environment
    (``HTTPS_PROXY``, ``NO_PROXY``...), else the Windows registry or macOS's network
    settings (:func:`urllib.request.getproxies`). Empty when the host bypasses the proxy."""
    from urllib.parse import urlsplit
    from urllib.request import getproxies, proxy_bypass

    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        if not host or proxy_bypass(host):
            return {}
        proxies = getproxies()
    except Exception:  # noqa: BLE001 - unreadable OS settings: go direct, say so
        log.warning("the system's proxy settings could not be read; connecting directly")
        return {}
    proxy = proxies.get(parts.scheme) or proxies.get("all")
    return {parts.scheme: proxy} if proxy else {}


def os_trust_context() -> ssl.SSLContext | None:
    """An SSLContext that verifies against the OS's own trust store, never the environment's.

    Windows and macOS: truststore (the OS verifies every certificate). Elsewhere (Linux,
    the BSDs): :func:`platform_ca_context`. ``SSL_CERT_FILE`` and ``SSL_CERT_DIR`` are never
    read: truststore hands OpenSSL its default paths there, which those variables replace,
    so any CA they named (a debugging proxy's, conda's bundle) would be trusted.
    """
    if sys.platform in ("win32", "darwin"):
        try:
            import truststore
        except ImportError:  # pragma: no cover - truststore is a hard dependency
            log.warning("truststore is missing; TLS uses the certifi bundle")
            return None
        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return platform_ca_context()


#: Where distributions keep their CA bundle (truststore's list), for an OpenSSL whose own
#: compiled-in locations do not exist on this computer (a frozen app built elsewhere).
CA_FILE_CANDIDATES: tuple[str, ...] = (
    "/etc/ssl/cert.pem",  # Alpine, Arch, Fedora 34-43, OpenWRT, RHEL 9-10, BSD
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  # Fedora 44+, RHEL 11+
    "/etc/pki/tls/cert.pem",  # older Fedora, RHEL, CentOS
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu
    "/etc/ssl/ca-bundle.pem",  # SUSE
)


def platform_ca_context() -> ssl.SSLContext:
    """OpenSSL verifying against the platform's certificate locations only: the file and
    the hashed folder compiled into OpenSSL (what ``set_default_verify_paths`` would load
    when no variable is set), else the first distribution bundle that exists. Hostname
    checked, certificate required. With none found every secure connection fails (logged)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    paths = ssl.get_default_verify_paths()  # openssl_cafile/_capath: compiled in, no env
    found = _load_locations(context, cafile=paths.openssl_cafile)
    if paths.openssl_capath and holds_hashed_certificates(paths.openssl_capath):
        found = _load_locations(context, capath=paths.openssl_capath) or found
    for candidate in () if found else CA_FILE_CANDIDATES:
        if _load_locations(context, cafile=candidate):
            found = True
            break
    if not found:
        log.warning("no system certificate store was found; secure connections will fail")
    return context


def _load_locations(
    context: ssl.SSLContext, *, cafile: str | None = None, capath: str | None = None
) -> bool:
    if cafile is not None and not os.path.isfile(cafile):
        return False
    try:
        context.load_verify_locations(cafile=cafile, capath=capath)
    except (OSError, ssl.SSLError) as exc:
        log.warning("the system certificate store %s could not be read: %s", cafile or capath, exc)
        return False
    return True


def holds_hashed_certificates(folder: str) -> bool:
    """Whether ``folder`` holds OpenSSL's ``<8 hex digits>.<n>`` certificate names."""
    try:
        names = os.listdir(folder)
    except OSError:
        return False
    return any(
        len(name) >= 10 and name[8] == "." and name[9:].isdigit()
        and all(ch in "0123456789abcdefABCDEF" for ch in name[:8])
        for name in names
    )


class GuardedAdapter(HTTPAdapter):
    """requests adapter: no urllib3 retries, OS trust store only, connection tracking."""

    def __init__(self, ssl_context: Any = None, pool_maxsize: int = 2) -> None:
        self._ssl_context = ssl_context
        super().__init__(pool_connections=2, pool_maxsize=pool_maxsize, max_retries=0)

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        if self._ssl_context is not None:
            pool_kwargs["ssl_context"] = self._ssl_context
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOL_CLASSES)

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        """requests would add its certifi bundle to our context on every new connection (a
        trust store that is not the OS's, and ~20 ms): with our own context, it adds nothing."""
        if self._ssl_context is None or not url.lower().startswith("https"):
            super().cert_verify(conn, url, verify, cert)  # type: ignore[no-untyped-call]
            return
        conn.cert_reqs = "CERT_REQUIRED"
        conn.ca_certs = None
        conn.ca_cert_dir = None

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        known = proxy in self.proxy_manager
        if not known and self._ssl_context is not None:
            proxy_kwargs["ssl_context"] = self._ssl_context
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not known and not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = dict(_POOL_CLASSES)
        return manager

    def drop_idle_connections(self) -> None:
        self.poolmanager.clear()
        for manager in self.proxy_manager.values():
            manager.clear()

