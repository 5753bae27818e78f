"""The simulator's HTTP server: the documented Wolkvox API v2 on loopback, with faults.

Standard library only (``http.server``); every connection is served by a daemon thread.
See the package docstring (``wolkvox_desktop/simulator/__init__.py``) for the behaviour
chosen where the real API is undocumented.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import json
import socket
import socketserver
import struct
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

DEMO_TOKEN = "demo-token"  # public, documented; not a secret
DEFAULT_TOKEN_LIMIT = 3000
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

_REQUIRED_METHOD = {CAMPAIGN_PATH: "PUT", INFORMATION_PATH: "GET", REAL_TIME_PATH: "GET"}
_APIS = {
    CAMPAIGN_PATH: ("start", "stop"),
    INFORMATION_PATH: ("campaigns", "token_info"),
    REAL_TIME_PATH: ("campaigns",),
}
_MAX_REQUEST_BODY = 1024 * 1024
_SPIN_S = 0.001  # the end of a latency wait spent yielding (timer slack)

HTML_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>\r\n"
)


@dataclass
class SimCampaign:
    """One campaign of the simulated account, with the fields ``api=campaigns`` lists."""

    campaign_id: str
    campaign_name: str
    type_campaign: str  # "preview" | "predictive"
    status: str = "Stopped"  # "Started" | "Stopped"
    campaign_description: str = ""
    records: int = 0
    speed: int = 0
    dial_mode: str = ""
    last_use: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "campaign_id": self.campaign_id,
            "campaign_name": self.campaign_name,
            "campaign_description": self.campaign_description,
            "type_campaign": self.type_campaign,
            "status": self.status,
            "records": self.records,
            "speed": self.speed,
            "dial_mode": self.dial_mode,
            "last_use": self.last_use,
        }

    @property
    def started(self) -> bool:
        return self.status.lower() == "started"


Campaign = SimCampaign  # the name the package contract uses


@dataclass
class Faults:
    """Fault switches. Set attributes directly (``sim.faults.latency = 0.2``) or through
    ``POST /_sim/faults``; :meth:`Simulator.reset_faults` turns them all off.

    Network-level faults, in this order: ``latency``, ``hang``, ``reset``, ``redirect_to``,
    ``html_502``, ``maintenance``. Body faults on the JSON answer: ``code_as_string``, then
    one of ``oversized_bytes``, ``empty_body``, ``malformed_json``.
    """

    latency: float = 0.0  # seconds to wait before answering
    hang: bool = False  # hold the request until Simulator.release()/reset_faults()/stop()
    reset: bool = False  # read the request, then close with RST (SO_LINGER 0)
    html_502: bool = False  # 502 with an nginx-like HTML page
    malformed_json: bool = False  # the JSON answer cut short (real status code)
    redirect_to: str | None = None  # 302 with this Location
    oversized_bytes: int = 0  # > 0: stream a valid-looking JSON answer this many bytes long
    maintenance: bool = False  # 403 {"error": "FORBIDDEN", "msg": MSG_MAINTENANCE}
    code_as_string: bool = False  # body "code" as a string ("202")
    empty_body: bool = False  # the real status code with an empty body
    only_api: str | None = None  # apply the faults only to requests with this api= value
    act_first: bool = False  # perform the call (start/stop, token use) before the fault

    def applies_to(self, api: str | None) -> bool:
        return self.only_api is None or self.only_api == api

    def active(self) -> bool:
        return any(
            (
                self.latency > 0,
                self.hang,
                self.reset,
                self.html_502,
                self.malformed_json,
                self.redirect_to,
                self.oversized_bytes > 0,
                self.maintenance,
                self.code_as_string,
                self.empty_body,
            )
        )

    def update(self, values: Mapping[str, Any]) -> None:
        """Set several switches from plain values (JSON); all are checked before any is set."""
        checked: dict[str, Any] = {}
        types = {f.name: f.type for f in dataclasses.fields(self)}
        for key, value in values.items():
            if key not in types:
                raise ValueError(f"unknown fault {key!r}")
            kind = types[key]
            if kind == "bool":
                if not isinstance(value, bool):
                    raise ValueError(f"{key} must be true or false")
            elif kind == "float":
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                    raise ValueError(f"{key} must be a number >= 0")
                value = float(value)
            elif kind == "int":
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise ValueError(f"{key} must be an integer >= 0")
            elif value is not None and not isinstance(value, str):
                raise ValueError(f"{key} must be a string or null")
            checked[key] = value
        for key, value in checked.items():
            setattr(self, key, value)

    def clear(self) -> None:
        for f in dataclasses.fields(self):
            setattr(self, f.name, f.default)


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

    @property
    def api(self) -> str | None:
        return self.query.get("api")

    @property
    def token(self) -> str | None:
        return self.headers.get(TOKEN_HEADER)


@dataclass(frozen=True)
class _Answer:
    status: int
    body: dict[str, Any]
    headers: tuple[tuple[str, str], ...] = ()


def _error(status: int, error: str, msg: str) -> _Answer:
    return _Answer(status, {"code": status, "error": error, "msg": msg})


def demo_campaigns() -> list[SimCampaign]:
    """Eight realistic demo campaigns, mixed preview/predictive and started/stopped."""
    rows = [
        ("3301", "Cobranza Norte", "predictive", "Started", "Cartera vencida 30-60 días", 1840),
        ("3302", "Cobranza Sur", "predictive", "Stopped", "Cartera vencida 60-90 días", 2310),
        ("3303", "Renovación Ñandú", "preview", "Stopped", "Pólizas por renovar en junio", 412),
        ("3304", "Encuestas Satisfacción", "preview", "Started", "NPS posventa", 958),
        ("3305", "Ventas Pymes Bogotá", "predictive", "Stopped", "Base fría de pymes", 5120),
        ("3306", "Retención Móvil", "preview", "Stopped", "Clientes con portabilidad", 233),
        ("3307", "Recordatorio Citas Clínica", "predictive", "Started", "Citas de mañana", 676),
        ("3308", "Bienvenida Clientes Nuevos", "preview", "Stopped", "Altas del mes", 145),
    ]
    return [
        SimCampaign(
            campaign_id=cid,
            campaign_name=name,
            type_campaign=kind,
            status=status,
            campaign_description=description,
            records=records,
            speed=40 if kind == "predictive" else 0,
            dial_mode="Predictive" if kind == "predictive" else "Preview",
            last_use=f"2024-05-{10 + i:02d} 08:{15 + i * 4:02d}:00",
        )
        for i, (cid, name, kind, status, description, records) in enumerate(rows)
    ]


def many_campaigns(n: int, first_id: int = 5000) -> list[SimCampaign]:
    """``n`` generated campaigns (ids from ``first_id``), for large-list tests."""
    return [
        SimCampaign(
            campaign_id=str(first_id + i),
            campaign_name=f"Campaña {i + 1:05d}",
            type_campaign=CAMPAIGN_TYPES[i % 2],
            status="Started" if i % 3 == 0 else "Stopped",
            campaign_description=f"Generada para pruebas #{i + 1}",
            records=(i * 37) % 10000,
            speed=(i * 7) % 101,
            dial_mode="Predictive" if i % 2 else "Preview",
            last_use="2024-05-01 09:00:00",
        )
        for i in range(n)
    ]


def _now_text() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S")


def _loopback_ipv4(host: str) -> str:
    if host == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is None or address.version != 4 or not address.is_loopback:
        raise ValueError("the simulator only listens on an IPv4 loopback address (127.x.x.x)")
    return host


class Simulator:
    """A local Wolkvox on loopback. Thread-safe; usable as a context manager."""

    def __init__(
        self,
        tokens: Mapping[str, int] | None = None,
        campaigns: Iterable[SimCampaign] | None = None,
        host: str = "127.0.0.1",
        *,
        verbose: bool = False,
    ) -> None:
        self.host = _loopback_ipv4(host)
        self.verbose = verbose
        self.faults = Faults()
        self._tokens: dict[str, int] = dict(
            tokens if tokens is not None else {DEMO_TOKEN: DEFAULT_TOKEN_LIMIT}
        )
        self._use: Counter[str] = Counter()
        source = demo_campaigns() if campaigns is None else campaigns
        self._campaigns: dict[str, SimCampaign] = {
            c.campaign_id: dataclasses.replace(c) for c in source
        }
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._in_flight: Counter[str] = Counter()
        self._max_concurrency: dict[str, int] = {}
        self._errors: list[str] = []
        self._connections: set[socket.socket] = set()
        self._hang_cond = threading.Condition(self._lock)
        self._hang_generation = 0
        self._hung = 0
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False

    # -- lifecycle ------------------------------------------------------------------------

    def start(self, port: int = 0) -> None:
        """Bind ``host:port`` (0: any free port) and serve in a daemon thread."""
        if self._server is not None or self._stopped:
            raise RuntimeError("a Simulator can be started once")
        server = _Server((self.host, port), _Handler)
        server.sim = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"wolkvox-simulator:{server.server_address[1]}",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, drop open connections and release hung requests. Idempotent."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            self._stopping.set()
            self._hang_cond.notify_all()
            connections = list(self._connections)
        server, thread = self._server, self._thread
        if server is not None:
            server.shutdown()
        for conn in connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if server is not None:
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> Simulator:
        if self._server is None:
            self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the simulator is not started")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._server is not None and not self._stopped

    # -- state ----------------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """A snapshot of every API request received (control calls excluded)."""
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        """Forget recorded requests and the concurrency maxima."""
        with self._lock:
            self._requests.clear()
            self._max_concurrency.clear()

    @property
    def max_concurrency(self) -> int:
        """The highest number of simultaneous requests seen for any one token."""
        with self._lock:
            return max(self._max_concurrency.values(), default=0)

    def max_concurrency_for(self, token: str) -> int:
        with self._lock:
            return self._max_concurrency.get(token, 0)

    def in_flight(self, token: str | None = None) -> int:
        """Requests received and not yet answered (for ``token``, or in all)."""
        with self._lock:
            if token is None:
                return sum(self._in_flight.values())
            return self._in_flight.get(token, 0)

    @property
    def hung(self) -> int:
        """Requests currently held by the ``hang`` fault."""
        with self._lock:
            return self._hung

    @property
    def errors(self) -> list[str]:
        """Tracebacks of unexpected errors inside the simulator (should stay empty)."""
        with self._lock:
            return list(self._errors)

    def campaign(self, campaign_id: str) -> SimCampaign:
        """A copy of one campaign's current state; KeyError if unknown."""
        with self._lock:
            return dataclasses.replace(self._campaigns[campaign_id])

    def campaigns(self) -> list[SimCampaign]:
        with self._lock:
            return [dataclasses.replace(c) for c in self._campaigns.values()]

    def add_campaign(self, campaign: SimCampaign) -> None:
        with self._lock:
            self._campaigns[campaign.campaign_id] = dataclasses.replace(campaign)

    def set_status(self, campaign_id: str, status: str) -> None:
        """Change a campaign from "outside" (as the Wolkvox web manager would)."""
        with self._lock:
            self._campaigns[campaign_id].status = status

    def token_use(self, token: str) -> int:
        with self._lock:
            return self._use[token]

    def set_token_use(self, token: str, uses: int) -> None:
        with self._lock:
            self._use[token] = uses

    def reset_faults(self) -> None:
        """Turn every fault off and release hung requests."""
        self.faults.clear()
        self.release()

    def release(self) -> None:
        """Let every request currently held by ``hang`` go on (they are then answered)."""
        with self._lock:
            self._hang_generation += 1
            self._hang_cond.notify_all()

    # -- used by the handler --------------------------------------------------------------

    def _arrive(self, request: RecordedRequest) -> bool:
        """Record a request; return True when it exceeds the simultaneous limit."""
        token = request.token
        with self._lock:
            self._requests.append(request)
            if not token:
                return False
            self._in_flight[token] += 1
            now = self._in_flight[token]
            if now > self._max_concurrency.get(token, 0):
                self._max_concurrency[token] = now
            return token in self._tokens and now > MAX_SIMULTANEOUS

    def _depart(self, request: RecordedRequest) -> None:
        token = request.token
        if not token:
            return
        with self._lock:
            self._in_flight[token] -= 1
            if self._in_flight[token] <= 0:
                del self._in_flight[token]

    def _hold(self) -> None:
        """Block until released or stopped."""
        with self._lock:
            generation = self._hang_generation
            self._hung += 1
            try:
                self._hang_cond.wait_for(
                    lambda: self._hang_generation != generation or self._stopping.is_set()
                )
            finally:
                self._hung -= 1

    def _track(self, conn: socket.socket, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    def _record_error(self, text: str) -> None:
        with self._lock:
            self._errors.append(text)
        if self.verbose:
            sys.stderr.write(text)

    def _answer(self, request: RecordedRequest) -> _Answer:
        """The API's answer to one request (changes state: token use, campaign status)."""
        path = request.path
        if path not in _APIS:
            return _error(404, "NOT FOUND", MSG_NOT_FOUND)
        token = (request.token or "").strip()
        if not token:
            return _error(401, "UNAUTHORIZED", MSG_MISSING_TOKEN)
        with self._lock:
            limit = self._tokens.get(token)
            if limit is None:
                return _error(403, "FORBIDDEN", MSG_INVALID_TOKEN)
            if self._use[token] >= limit:
                return _error(403, "FORBIDDEN", MSG_TOKEN_LIMIT)
            self._use[token] += 1
            uses = self._use[token]
        api = request.query.get("api", "")
        if not api:
            return _error(400, "BAD REQUEST", MSG_MISSING_PARAMETERS)
        if api not in _APIS[path]:
            return _error(400, "BAD REQUEST", MSG_UNKNOWN_API)
        method = _REQUIRED_METHOD[path]
        if request.method != method:
            msg = f"THE API {api} MUST BE CONSUMED BY {method}"
            answer = _error(405, "METHOD NOT ALLOWED", msg)
            return dataclasses.replace(answer, headers=(("Allow", method),))
        if path == CAMPAIGN_PATH:
            return self._campaign_action(api, request.query)
        if api == "token_info":
            data = [{"token_limit": limit, "token_use_today": uses}]
            return _Answer(200, {"code": 200, "error": None, "msg": MSG_DATA_FOUND, "data": data})
        with self._lock:
            rows = [c.as_json() for c in self._campaigns.values()]
        if path == REAL_TIME_PATH:
            rows = [
                {
                    "campaign_id": r["campaign_id"],
                    "campaign_name": r["campaign_name"],
                    "type_campaign": r["type_campaign"],
                    "status": str(r["status"]).lower(),
                }
                for r in rows
            ]
        return _Answer(200, {"code": 200, "error": None, "msg": MSG_DATA_FOUND, "data": rows})

    def _campaign_action(self, api: str, query: Mapping[str, str]) -> _Answer:
        kind = query.get("type_campaign", "")
        campaign_id = query.get("campaign_id", "")
        if not kind or not campaign_id:
            return _error(400, "BAD REQUEST", MSG_MISSING_PARAMETERS)
        if kind not in CAMPAIGN_TYPES:
            return _error(400, "BAD REQUEST", MSG_BAD_TYPE)
        with self._lock:
            campaign = self._campaigns.get(campaign_id)
            if campaign is None:
                return _error(400, "BAD REQUEST", MSG_UNKNOWN_CAMPAIGN)
            if campaign.type_campaign != kind:
                return _error(400, "BAD REQUEST", MSG_TYPE_MISMATCH)
            campaign.status = "Started" if api == "start" else "Stopped"
            campaign.last_use = _now_text()
        done = "started" if api == "start" else "stopped"
        msg = f"The {campaign_id} campaign_id has been {done} successfully"
        return _Answer(202, {"code": 202, "error": None, "msg": msg})

    def _state(self) -> dict[str, Any]:
        with self._lock:
            recent = [
                {"method": r.method, "path": r.path, "query": r.query}
                for r in self._requests[-50:]
            ]
            return {
                "requests": len(self._requests),
                "recent": recent,
                "max_concurrency": max(self._max_concurrency.values(), default=0),
                "in_flight": sum(self._in_flight.values()),
                "hung": self._hung,
                "faults": dataclasses.asdict(self.faults),
                "campaigns": [
                    {
                        "campaign_id": c.campaign_id,
                        "type_campaign": c.type_campaign,
                        "status": c.status,
                    }
                    for c in self._campaigns.values()
                ],
            }


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64
    sim: Simulator

    def server_bind(self) -> None:
        # HTTPServer.server_bind() resolves the host name (socket.getfqdn): skip that,
        # there may be no DNS at all.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return
        self.sim._record_error(traceback.format_exc())


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "WolkvoxSimulator/1.0"
    sys_version = ""
    timeout = 120  # idle keep-alive connections are dropped after this
    server: _Server
    _arrived = 0.0  # time.monotonic() when the current request line arrived
    _headers_buffer: list[bytes]  # BaseHTTPRequestHandler's (see _send_raw)

    def setup(self) -> None:
        super().setup()
        # Headers and body leave in separate writes: without TCP_NODELAY, Nagle plus the
        # client's delayed ACK add ~40 ms to every answer on a keep-alive connection.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.sim._track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.sim._track(self.connection, False)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib signature)
        # Request lines and status codes only; header values are never logged.
        if self.server.sim.verbose:
            sys.stderr.write(f"[simulator] {self.address_string()} {format % args}\n")

    def parse_request(self) -> bool:
        # Called right after the request line arrived: the moment ``latency`` counts from,
        # so the simulated answer time is ``latency`` itself, not latency plus this
        # server's own header parsing and bookkeeping (which a benchmark would otherwise
        # book as client overhead).
        self._arrived = time.monotonic()
        return super().parse_request()

    def do_GET(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_OPTIONS(self) -> None:
        self._dispatch()

    # -- plumbing -------------------------------------------------------------------------

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            return b""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        if length <= 0:
            return b""
        if length > _MAX_REQUEST_BODY:
            self.close_connection = True
            return b""
        return self.rfile.read(length)

    def _dispatch(self) -> None:
        sim = self.server.sim
        body = self._read_body()
        parts = urlsplit(self.path)
        if parts.path.startswith(CONTROL_PREFIX):
            self._control(parts.path, body)
            return
        pairs = tuple(parse_qsl(parts.query, keep_blank_values=True))
        request = RecordedRequest(
            method=self.command,
            path=parts.path,
            query=dict(pairs),
            headers={name.lower(): value for name, value in self.headers.items()},
            raw_query=parts.query,
            query_pairs=pairs,
            received_at=time.time(),
        )
        over_limit = sim._arrive(request)
        departed = False

        def depart() -> None:
            # A request stops being "in flight" just before its answer is written, so a
            # client that waits for each answer is never seen with two requests in flight.
            nonlocal departed
            if not departed:
                departed = True
                sim._depart(request)

        try:
            if over_limit:
                depart()
                self._send_json(_error(403, "FORBIDDEN", MSG_SIMULTANEOUS), None)
                return
            faults = dataclasses.replace(sim.faults)
            if not (faults.active() and faults.applies_to(request.api)):
                answer = sim._answer(request)
                depart()
                self._send_json(answer, None)
                return
            answer_first = sim._answer(request) if faults.act_first else None
            if faults.latency > 0:
                self._wait_until(self._arrived + faults.latency)
            if faults.hang and not sim._stopping.is_set():
                sim._hold()
            depart()
            if sim._stopping.is_set():
                self.close_connection = True
                return
            if faults.reset:
                self._abort()
            elif faults.redirect_to:
                self._send_raw(
                    302,
                    b"<html><body>Moved</body></html>",
                    "text/html",
                    (("Location", faults.redirect_to),),
                )
            elif faults.html_502:
                self._send_raw(502, HTML_502, "text/html")
            elif faults.maintenance:
                self._send_json(_error(403, "FORBIDDEN", MSG_MAINTENANCE), faults)
            else:
                answer = answer_first if answer_first is not None else sim._answer(request)
                self._send_json(answer, faults)
        finally:
            depart()

    def _wait_until(self, deadline: float) -> None:
        """Wait until ``deadline`` (``time.monotonic()``), or until the simulator stops.

        A timed wait wakes up late by the OS timer's slack (~0.1-0.3 ms, more on a loaded
        or virtual machine); the last :data:`_SPIN_S` are spent yielding instead, so the
        answer leaves at the latency asked for (never sooner), not latency plus slack.
        """
        stopping = self.server.sim._stopping
        remaining = deadline - time.monotonic()
        if remaining > _SPIN_S and stopping.wait(remaining - _SPIN_S):
            return
        while time.monotonic() < deadline and not stopping.is_set():
            time.sleep(0)  # releases the GIL: the client thread is not held up

    def _control(self, path: str, body: bytes) -> None:
        sim = self.server.sim
        try:
            loopback = ipaddress.ip_address(self.client_address[0]).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            self._send_json(_error(403, "FORBIDDEN", "control calls only from loopback"), None)
            return
        if path == "/_sim/state" and self.command == "GET":
            self._send_json(_Answer(200, sim._state()), None)
        elif path == "/_sim/faults" and self.command == "GET":
            self._send_json(_Answer(200, dataclasses.asdict(sim.faults)), None)
        elif path == "/_sim/faults" and self.command == "POST":
            try:
                values = json.loads(body.decode("utf-8") or "{}")
                if not isinstance(values, dict):
                    raise ValueError("the body must be a JSON object")
                sim.faults.update(values)
            except (ValueError, UnicodeDecodeError) as exc:
                self._send_json(_Answer(400, {"error": str(exc)}), None)
                return
            self._send_json(_Answer(200, dataclasses.asdict(sim.faults)), None)
        elif path == "/_sim/reset_faults" and self.command == "POST":
            sim.reset_faults()
            self._send_json(_Answer(200, dataclasses.asdict(sim.faults)), None)
        elif path == "/_sim/release" and self.command == "POST":
            sim.release()
            self._send_json(_Answer(200, {"released": True}), None)
        else:
            self._send_json(_Answer(404, {"error": "unknown control call"}), None)

    def _abort(self) -> None:
        """Close the connection with a TCP RST: the client sees ECONNRESET."""
        self.close_connection = True
        try:
            self.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
            )
        except OSError:
            pass
        # The descriptor is really closed only once the socket and its reading file object
        # are (wfile writes straight to the socket): close both now, before anything could
        # send a FIN.
        for closable in (self.rfile, self.connection):
            try:
                closable.close()
            except OSError:
                pass

    def _send_raw(
        self,
        status: int,
        payload: bytes,
        content_type: str,
        headers: Iterable[tuple[str, str]] = (),
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            for name, value in headers:
                self.send_header(name, value)
            # end_headers(), with the body in the same write: one segment instead of two,
            # so the client is not woken once for the headers and again for the body.
            self._headers_buffer.append(b"\r\n")
            if self.command != "HEAD" and payload:
                self._headers_buffer.append(payload)
            self.flush_headers()
        except OSError:
            self.close_connection = True

    def _send_json(self, answer: _Answer, faults: Faults | None) -> None:
        body = dict(answer.body)
        content_type = "application/json; charset=utf-8"
        if faults is not None and faults.code_as_string and "code" in body:
            body["code"] = str(body["code"])
        if faults is not None and faults.oversized_bytes > 0:
            self._send_oversized(answer, body, faults.oversized_bytes)
            return
        text = json.dumps(body)
        if faults is not None and faults.empty_body:
            text = ""
        elif faults is not None and faults.malformed_json:
            text = text[: len(text) * 2 // 3]  # a cut-off object is never valid JSON
        self._send_raw(answer.status, text.encode("utf-8"), content_type, answer.headers)

    def _send_oversized(self, answer: _Answer, body: dict[str, Any], size: int) -> None:
        """Stream ``{..., "data": [{...}, {...}, ...]}`` of exactly ``size`` bytes."""
        head = (json.dumps({k: v for k, v in body.items() if k != "data"})[:-1]).encode()
        head += b', "data": ['
        tail = b"]}"
        item = b'{"campaign_id": "0000", "campaign_name": "Relleno", "status": "Stopped"}'
        more = b"," + item
        block = more * 512
        total = max(size, len(head) + len(tail))
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(total))
            self.end_headers()
            if self.command == "HEAD":
                return
            self.wfile.write(head)
            remaining = total - len(head) - len(tail)
            if remaining >= len(item):
                self.wfile.write(item)
                remaining -= len(item)
            while remaining >= len(block):
                if self.server.sim._stopping.is_set():
                    self.close_connection = True
                    return
                self.wfile.write(block)
                remaining -= len(block)
            count = remaining // len(more)
            self.wfile.write(more * count + b" " * (remaining - count * len(more)) + tail)
        except OSError:
            self.close_connection = True
