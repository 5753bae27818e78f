"""A local Wolkvox: a real HTTP server on loopback speaking the documented API.

CONTRACT (names fixed here; ``Simulator`` in ``server.py``)::

    sim = Simulator(tokens={"demo-token": 3000}, campaigns=demo_campaigns())
    sim.start(port=0)            # binds 127.0.0.1, returns nothing; sim.base_url -> "http://127.0.0.1:PORT"
    sim.faults.latency = 0.05    # seconds before answering (each request)
    sim.faults.hang = True       # never answer (until the client gives up or sim.stop())
    sim.faults.reset = True      # close the connection after reading the request
    sim.faults.html_502 = True   # answer 502 with an HTML page
    sim.faults.malformed_json = True
    sim.faults.redirect_to = "http://127.0.0.2:PORT/..."   # 302 to another host
    sim.faults.oversized_bytes = 10_000_000                # answer a body this big
    sim.faults.maintenance = True   # 403 with a maintenance message
    sim.requests                 # list[RecordedRequest]: method, path, query (dict), headers
    sim.max_concurrency          # per-token maximum of simultaneous requests seen
    sim.campaign(id) -> Campaign
    sim.reset_faults(); sim.stop()

``python -m wolkvox_desktop.simulator --port N`` runs it standalone: it prints its base
URL on one line to stdout and serves until Ctrl-C/SIGTERM. Its token is the public string
``demo-token`` unless ``--token T`` (or ``WOLKVOX_SIM_TOKEN``) is given; a given token is
never printed, only "using the token given with --token". A loopback-only control
endpoint ``POST /_sim/faults`` (JSON) sets the fault switches of a running simulator, for
CLI tests and demos.

Additions to the contract
-------------------------

* ``Simulator(tokens=None, campaigns=None, host="127.0.0.1", *, verbose=False)``: ``None``
  means ``{"demo-token": 3000}`` / :func:`demo_campaigns`. ``host`` must be an IPv4
  loopback address (``ValueError`` otherwise). Context manager: ``with Simulator() as sim``
  starts it on a free port and stops it.
* ``sim.port``, ``sim.max_concurrency_for(token)``, ``sim.in_flight(token=None)``,
  ``sim.hung`` (requests held by ``hang``), ``sim.release()`` (let held requests go on and
  be answered), ``sim.clear_requests()``, ``sim.campaigns()``, ``sim.add_campaign(c)``,
  ``sim.set_status(id, "Started")``, ``sim.token_use(token)``,
  ``sim.set_token_use(token, n)``, ``sim.errors`` (tracebacks of simulator bugs; stays
  empty). :func:`many_campaigns` ``(n)`` for large lists. ``Campaign`` is
  :class:`SimCampaign` (the simulator's mutable row, not ``core.campaigns.Campaign``).
* :class:`RecordedRequest`: ``query`` decodes each value exactly once (``campaign_id=
  12%26api%3Dstop`` arrives as ``12&api=stop``); a repeated name keeps its last value, as
  PHP does; ``query_pairs`` and ``raw_query`` keep everything.
* Faults (:class:`Faults`) also: ``code_as_string`` (body ``"code": "202"``),
  ``empty_body``, ``only_api="start"`` (faults hit only requests with that ``api=``;
  the others are served normally), ``act_first`` (perform the call, e.g. really start the
  campaign, and only then apply the fault: the "it happened but you could not know" case).
  ``trickle=N`` (send the answer one byte every N seconds, from its status line; with
  ``trickle_body`` the head at once and then the body: every read gets a byte in time, the
  whole answer takes minutes; the call is carried out first).
  Network faults apply in the order latency, hang, reset, redirect_to, html_502,
  maintenance; then body faults on the JSON answer; then trickle. ``reset_faults()`` also releases
  hung requests. ``stop()`` is idempotent, returns in well under a second and drops hung
  and idle connections.
* Control calls (loopback only, not recorded, never subject to faults or tokens):
  ``GET /_sim/state`` -> ``{"requests", "recent": [{method, path, query}], "max_concurrency",
  "in_flight", "hung", "faults", "campaigns": [{campaign_id, type_campaign, status}]}``
  (no header values, so never a token); ``GET|POST /_sim/faults`` (POST a JSON object of
  fault fields: partial update, 400 on an unknown field or wrong type);
  ``POST /_sim/reset_faults``; ``POST /_sim/release``.

Answers (HTTP status == body ``code``)
--------------------------------------

Documented, exactly (``E(status, error, msg)`` is ``{"code": status, "error": error,
"msg": msg}``)::

    PUT /api/v2/campaign.php?api=start|stop&type_campaign=..&campaign_id=..
        202 {"code": 202, "error": null,
             "msg": "The 3301 campaign_id has been started successfully"}   (or "stopped")
    GET /api/v2/information.php?api=campaigns
        200 {"code": 200, "error": null, "msg": "Data found",
             "data": [{"campaign_id", "campaign_name", "campaign_description",
                       "type_campaign", "status": "Started"|"Stopped", "records",
                       "speed", "dial_mode", "last_use"}, ...]}
    no or empty wolkvox-token  E(401, "UNAUTHORIZED", "PLEASE ENTER THE WOLKVOX-TOKEN")
    unknown token              E(403, "FORBIDDEN", "PLEASE VALIDATE TOKEN")
    uses today >= limit        E(403, "FORBIDDEN", "TOKEN LIMIT EXCEEDED")
    3rd simultaneous request   E(403, "FORBIDDEN",
                                 "EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)")
    unknown api= value         E(400, "BAD REQUEST", "THE API YOU WANT TO CONSULT DOES NOT EXIST")
    api, type_campaign or      E(400, "BAD REQUEST", "SOME PARAMETERS ARE REQUIRED")
      campaign_id missing/empty

Our choices where Wolkvox documents nothing::

    GET information.php?api=token_info (counts itself in token_use_today)
        200 {"code": 200, "error": null, "msg": "Data found",
             "data": [{"token_limit": 3000, "token_use_today": 12}]}
    GET real_time.php?api=campaigns (documented fields; the bare array of Wolkvox's
      collection, or with the live_wrapper fault the {code, error, msg, data} wrapper)
        200 [{"campaign": "3301 - Cobranza Norte", "speed", "status": "started"|"stopped",
              "skill_id", "records", "clean", "dial", "answer", "no_answer",
              "busy/congestion/failed", "answer_machine", "penetration_day",
              "penetration_now", "hits", "calls_x_min", "recycled"}, ...]
      A started campaign dials its records at speed x 0.25 calls a minute on the
      simulator's clock (``Simulator(pace=…)``, ``sim.advance(seconds)``, POST
      /_sim/advance {"seconds": N}; simulator/dialer.py); a finished list stays started.
      Faults live_campaign_id, live_strings, live_missing, live_junk change the rows.
    PUT campaign.php?api=speed&type_campaign=..&campaign_id=.. body {"speed": "0".."100"}
        202 {"code": 202, "error": null,
             "msg": "The speed of 3301 campaign_id has been updated successfully"}
        a speed missing: MISSING_PARAMETERS; not 0..100: E(400, "BAD REQUEST",
        "THE SPEED MUST BE A NUMBER FROM 0 TO 100")
    GET information.php?api=services
        200 data [{"licenses": N, "turbo_dial": false, "channels": 30}]
        (N: ``Simulator(licenses=…)``, default the first token's limit / 1000)
    unknown campaign id        E(400, "BAD REQUEST", "THE CAMPAIGN_ID DOES NOT EXIST")
    known id, the other type   E(400, "BAD REQUEST",
                                 "THE TYPE_CAMPAIGN DOES NOT MATCH THE CAMPAIGN")
    type not preview/predictive E(400, "BAD REQUEST",
      (case-sensitive)            "THE TYPE_CAMPAIGN MUST BE preview OR predictive")
    start a started campaign   202 as any start (idempotent); the same for stop
    wrong method (GET start)   E(405, "METHOD NOT ALLOWED", "THE API start MUST BE CONSUMED BY PUT")
                               plus an Allow header
    other api= (add_record..)  E(400, "BAD REQUEST", "THE API YOU WANT TO CONSULT DOES NOT EXIST")
    unknown path               E(404, "NOT FOUND", "THE REQUESTED URL WAS NOT FOUND")
    maintenance fault          E(403, "FORBIDDEN",
                                 "THE SERVER IS IN BACKUP OR MAINTENANCE, PLEASE TRY AGAIN LATER")
    html_502 fault             502, text/html nginx "502 Bad Gateway" page
    redirect_to fault          302, Location: <redirect_to>, small text/html body
    malformed_json fault       the real status, the JSON text cut at two thirds
    empty_body fault           the real status, Content-Length: 0
    oversized_bytes fault      the real status and code/error/msg plus a "data" list of
                               filler rows, exactly oversized_bytes long, streamed

Order of checks: path (404), token header (401), token known (403), daily limit (403),
then the call counts one use (reads and 400/405 answers included; refused 401/403 do not
count), then api/method/parameters. The simultaneous limit is checked on arrival, before
any fault, and answered at once: a request is "in flight" from arrival until its answer
starts, so a client that waits for each answer is never seen with two in flight. At most
2 per token; the third is refused. A "day" is the simulator's lifetime (no midnight reset).
JSON is written like PHP's ``json_encode`` (non-ASCII as ``\\u00f1``). The server speaks
HTTP/1.1 with keep-alive; request lines are logged to stderr only with ``verbose`` and
header values never.
"""

from wolkvox_desktop.simulator.api import RecordedRequest
from wolkvox_desktop.simulator.campaigns import (
    Campaign,
    SimCampaign,
    demo_campaigns,
    many_campaigns,
)
from wolkvox_desktop.simulator.faults import Faults
from wolkvox_desktop.simulator.server import DEMO_TOKEN, Simulator

__all__ = [
    "DEMO_TOKEN",
    "Campaign",
    "Faults",
    "RecordedRequest",
    "SimCampaign",
    "Simulator",
    "demo_campaigns",
    "many_campaigns",
]
