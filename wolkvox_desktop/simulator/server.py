"""The Simulator: a local Wolkvox on loopback that starts and stops, records every request,
counts the requests in flight per token, holds hung ones, and answers the control calls.

Standard library only (``http.server``, see ``handler.py``); every connection is served by
a daemon thread. See the package docstring (``wolkvox_desktop/simulator/__init__.py``) for
the behaviour chosen where the real API is undocumented. The ``X as X`` imports keep the
names this module held before it was split importable from here.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import socket
import sys
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from wolkvox_desktop.simulator.account import Account
from wolkvox_desktop.simulator.api import MAX_SIMULTANEOUS, Answer
from wolkvox_desktop.simulator.api import RecordedRequest as RecordedRequest
from wolkvox_desktop.simulator.campaigns import Campaign as Campaign
from wolkvox_desktop.simulator.campaigns import SimCampaign as SimCampaign
from wolkvox_desktop.simulator.campaigns import demo_campaigns as demo_campaigns
from wolkvox_desktop.simulator.campaigns import many_campaigns as many_campaigns
from wolkvox_desktop.simulator.dialer import Dialer, DialerClock
from wolkvox_desktop.simulator.faults import Faults as Faults
from wolkvox_desktop.simulator.handler import LoopbackHTTPServer, RequestHandler

DEMO_TOKEN = "demo-token"  # public, documented; not a secret
DEFAULT_TOKEN_LIMIT = 3000


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
        pace: float = 1.0,
        licenses: int | None = None,
    ) -> None:
        self.host = _loopback_ipv4(host)
        self.verbose = verbose
        self.faults = Faults()
        self._lock = threading.Lock()
        #: the dialer's clock (simulator/dialer.py): real time x ``pace``; ``pace=0``
        #: stands still until :meth:`advance`
        self.clock = DialerClock(pace)
        self._account = Account(
            tokens if tokens is not None else {DEMO_TOKEN: DEFAULT_TOKEN_LIMIT},
            demo_campaigns() if campaigns is None else campaigns,
            self._lock,
            faults=self.faults,
            dialer=Dialer(self.clock),
            licenses=licenses,
        )
        self._requests: list[RecordedRequest] = []
        self._in_flight: Counter[str] = Counter()
        self._max_concurrency: dict[str, int] = {}
        self._errors: list[str] = []
        self._connections: set[socket.socket] = set()
        self._hang_cond = threading.Condition(self._lock)
        self._hang_generation = 0
        self._hung = 0
        self._stopping = threading.Event()
        self._server: LoopbackHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False

    # -- lifecycle ------------------------------------------------------------------------

    def start(self, port: int = 0) -> None:
        """Bind ``host:port`` (0: any free port) and serve in a daemon thread."""
        if self._server is not None or self._stopped:
            raise RuntimeError("a Simulator can be started once")
        server = LoopbackHTTPServer((self.host, port), RequestHandler)
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
            return dataclasses.replace(self._account.campaigns[campaign_id])

    def campaigns(self) -> list[SimCampaign]:
        with self._lock:
            return [dataclasses.replace(c) for c in self._account.campaigns.values()]

    def add_campaign(self, campaign: SimCampaign) -> None:
        with self._lock:
            self._account.campaigns[campaign.campaign_id] = dataclasses.replace(campaign)

    def set_status(self, campaign_id: str, status: str) -> None:
        """Change a campaign from "outside" (as the Wolkvox web manager would)."""
        with self._lock:
            campaign = self._account.campaigns[campaign_id]
            self._account.dialer.catch_up([campaign])
            campaign.status = status

    def set_speed(self, campaign_id: str, speed: int) -> None:
        """Change a campaign's speed from "outside"."""
        with self._lock:
            campaign = self._account.campaigns[campaign_id]
            self._account.dialer.catch_up([campaign])
            campaign.speed = speed

    def advance(self, seconds: float) -> None:
        """Move the dialer's clock on: started campaigns dial meanwhile."""
        with self._lock:
            self.clock.advance(seconds)
            self._account.dialer.catch_up(self._account.campaigns.values())

    @property
    def licenses(self) -> int:
        """What ``information.php?api=services`` says."""
        return self._account.licenses

    @licenses.setter
    def licenses(self, value: int) -> None:
        self._account.licenses = int(value)

    def token_use(self, token: str) -> int:
        with self._lock:
            return self._account.use[token]

    def set_token_use(self, token: str, uses: int) -> None:
        with self._lock:
            self._account.use[token] = uses

    def reset_faults(self) -> None:
        """Turn every fault off and release hung requests."""
        self.faults.clear()
        self.release()

    def release(self) -> None:
        """Let every request currently held by ``hang`` go on (they are then answered)."""
        with self._lock:
            self._hang_generation += 1
            self._hang_cond.notify_all()

    # -- used by the handler (package-internal) ------------------------------------------

    def _take_busy(self, api: str | None) -> bool:
        """True (and one less to go) while the ``busy`` fault refuses requests."""
        with self._lock:
            if self.faults.busy > 0 and self.faults.applies_to(api):
                self.faults.busy -= 1
                return True
            return False

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
            return token in self._account.tokens and now > MAX_SIMULTANEOUS

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

    def _answer(self, request: RecordedRequest) -> Answer:
        """The API's answer to one request (changes state: token use, campaign status)."""
        return self._account.answer(request)

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
                    for c in self._account.campaigns.values()
                ],
            }
