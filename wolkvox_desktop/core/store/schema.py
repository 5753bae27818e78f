"""The store's schema as migration steps; ``PRAGMA user_version`` counts the steps applied.

Each step is a list of statements; step i brings the file from user_version i to i + 1.
Never edit a released step: append a new one.
"""

from __future__ import annotations

MIGRATIONS: list[list[str]] = [
    # v1: the four tables
    [
        """CREATE TABLE operations (
            server TEXT PRIMARY KEY,
            label TEXT NOT NULL DEFAULT '',
            licenses INTEGER NOT NULL DEFAULT 1,
            timeout_s REAL NOT NULL DEFAULT 60,
            max_in_flight INTEGER NOT NULL DEFAULT 1
        )""",
        """CREATE TABLE campaigns (
            server TEXT NOT NULL,
            campaign_id TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            type TEXT,
            status TEXT NOT NULL DEFAULT 'unknown',
            manual INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (server, campaign_id)
        )""",
        """CREATE TABLE meta (
            server TEXT PRIMARY KEY,
            campaigns_refreshed_at TEXT
        )""",
        """CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            server TEXT NOT NULL,
            action TEXT NOT NULL,
            campaign_id TEXT,
            campaign_type TEXT,
            outcome TEXT NOT NULL DEFAULT 'pending',
            reason TEXT,
            http_status INTEGER,
            code INTEGER,
            error TEXT,
            msg TEXT,
            duration_ms INTEGER
        )""",
        "CREATE INDEX history_server_started ON history (server, started_at)",
    ],
    # v2: who owns a pending row (crash detection), our sentence, the last-action lookup
    [
        "ALTER TABLE history ADD COLUMN owner TEXT",
        "ALTER TABLE history ADD COLUMN message TEXT",
        "CREATE INDEX history_campaign ON history (server, campaign_id, id)",
        "CREATE INDEX history_outcome ON history (outcome)",
        # listed: Wolkvox's list has it (a campaign can be both listed and manual)
        "ALTER TABLE campaigns ADD COLUMN listed INTEGER NOT NULL DEFAULT 0",
        "UPDATE campaigns SET listed = 1 - manual",
    ],
    # v3: where each call went (NULL: Wolkvox itself; else the loopback test server), and
    # the read timeout's default raised from Wolkvox's own 60 s maximum to 90 s
    [
        "ALTER TABLE history ADD COLUMN api_base TEXT",
        "UPDATE operations SET timeout_s = 90 WHERE timeout_s = 60",
    ],
    # v4: shift plans (core/plans.py) and their scheduled slots, one row per plan and slot
    # (claimed by inserting it: exactly one process runs a slot); the plan of each call
    [
        """CREATE TABLE plans (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            server TEXT NOT NULL,
            action TEXT NOT NULL,
            campaigns TEXT NOT NULL,
            at TEXT,
            days TEXT,
            schedule_from TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            last_run_at TEXT,
            last_outcome TEXT
        )""",
        """CREATE TABLE plan_slots (
            plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
            slot TEXT NOT NULL,
            due_at TEXT NOT NULL,
            state TEXT NOT NULL,
            owner TEXT,
            claimed_at TEXT NOT NULL,
            finished_at TEXT,
            outcome TEXT,
            message TEXT,
            PRIMARY KEY (plan_id, slot)
        )""",
        "ALTER TABLE history ADD COLUMN plan TEXT",
        "CREATE INDEX history_plan ON history (plan, started_at)",
    ],
    # v5 (plans' runs; self-contained, may be renumbered when merged with other steps):
    # every run of a plan from the moment it begins, so that a run whose process died is
    # found by the next one (its owner's lock is gone) and its never-called campaigns are
    # written to the history as not sent. ``started_at`` is the run's own time (the
    # scheduler's clock), ``begun_at`` the store's (to find the run's history rows).
    [
        """CREATE TABLE plan_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            plan_id INTEGER REFERENCES plans (id) ON DELETE SET NULL,
            plan TEXT NOT NULL,
            server TEXT NOT NULL,
            action TEXT NOT NULL,
            campaigns TEXT NOT NULL,
            slot TEXT,
            started_at TEXT NOT NULL,
            begun_at TEXT NOT NULL,
            owner TEXT,
            total INTEGER NOT NULL,
            sent INTEGER,
            state TEXT NOT NULL,
            outcome TEXT,
            finished_at TEXT
        )""",
        "CREATE INDEX plan_runs_open ON plan_runs (finished_at) WHERE finished_at IS NULL",
        "CREATE INDEX plan_runs_plan ON plan_runs (plan_id, id)",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)
