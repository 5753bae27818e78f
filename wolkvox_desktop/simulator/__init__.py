"""A local Wolkvox: a real HTTP server on loopback speaking the documented API.

CONTRACT STUB (names fixed here; implemented in ``server.py``)::

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

``python -m wolkvox_desktop.simulator --port N`` runs it standalone (demo token printed
only as "demo token set via --token"; default demo token is the public string
``demo-token``). A loopback-only control endpoint ``POST /_sim/faults`` (JSON) sets the
fault switches of a running simulator, for CLI tests and demos.
"""
