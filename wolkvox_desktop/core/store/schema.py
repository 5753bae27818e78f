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
    # v5: damage and backups (core/store/recovery.py, backup.py). ``store_recoveries``: each
    # time a damaged file was rebuilt, and whether a person has seen the notice;
    # ``usage_floors``: today's token uses as recorded before a rebuild, which calls_today
    # never goes below (``uncertain``: the day's count could not be known). ``backup_mark``
    # (one row): ``changes`` grows with every change to operations, plans and hand-added
    # campaigns (the triggers), ``backed_up`` is its value in the latest backup,
    # ``backed_up_day`` the local day of that backup.
    [
        """CREATE TABLE store_recoveries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            kept TEXT NOT NULL,
            restored TEXT NOT NULL,
            lost TEXT NOT NULL,
            usage_known INTEGER NOT NULL,
            seen INTEGER NOT NULL DEFAULT 0,
            seen_at TEXT
        )""",
        """CREATE TABLE usage_floors (
            server TEXT NOT NULL,
            day_start TEXT NOT NULL,
            day_end TEXT NOT NULL,
            calls INTEGER NOT NULL,
            uncertain INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (server, day_start)
        )""",
        """CREATE TABLE backup_mark (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            changes INTEGER NOT NULL,
            backed_up INTEGER NOT NULL,
            backed_up_day TEXT
        )""",
        # a file with operations or plans is backed up at its first chance
        """INSERT INTO backup_mark (id, changes, backed_up)
           SELECT 1, (SELECT count(*) FROM operations) + (SELECT count(*) FROM plans), 0""",
        # every change to what backups keep counts (a plan's last run does not; campaigns
        # listed by Wolkvox come back with a refresh: only hand-added ones count)
        "CREATE TRIGGER backup_mark_operations_insert AFTER INSERT ON operations "
        "BEGIN UPDATE backup_mark SET changes = changes + 1; END",
        """CREATE TRIGGER backup_mark_operations_update AFTER UPDATE ON operations
           WHEN OLD.label IS NOT NEW.label OR OLD.licenses IS NOT NEW.licenses
             OR OLD.timeout_s IS NOT NEW.timeout_s OR OLD.max_in_flight IS NOT NEW.max_in_flight
           BEGIN UPDATE backup_mark SET changes = changes + 1; END""",
        "CREATE TRIGGER backup_mark_operations_delete AFTER DELETE ON operations "
        "BEGIN UPDATE backup_mark SET changes = changes + 1; END",
        "CREATE TRIGGER backup_mark_plans_insert AFTER INSERT ON plans "
        "BEGIN UPDATE backup_mark SET changes = changes + 1; END",
        """CREATE TRIGGER backup_mark_plans_update AFTER UPDATE ON plans
           WHEN OLD.name IS NOT NEW.name OR OLD.server IS NOT NEW.server
             OR OLD.action IS NOT NEW.action OR OLD.campaigns IS NOT NEW.campaigns
             OR OLD.at IS NOT NEW.at OR OLD.days IS NOT NEW.days
           BEGIN UPDATE backup_mark SET changes = changes + 1; END""",
        "CREATE TRIGGER backup_mark_plans_delete AFTER DELETE ON plans "
        "BEGIN UPDATE backup_mark SET changes = changes + 1; END",
        "CREATE TRIGGER backup_mark_campaigns_insert AFTER INSERT ON campaigns "
        "WHEN NEW.manual = 1 "
        "BEGIN UPDATE backup_mark SET changes = changes + 1; END",
        "CREATE TRIGGER backup_mark_campaigns_update AFTER UPDATE ON campaigns "
        "WHEN OLD.manual IS NOT NEW.manual "
        "BEGIN UPDATE backup_mark SET changes = changes + 1; END",
        "CREATE TRIGGER backup_mark_campaigns_delete AFTER DELETE ON campaigns "
        "WHEN OLD.manual = 1 "
        "BEGIN UPDATE backup_mark SET changes = changes + 1; END",
    ],
    # v6 (plans' runs):
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
    # v7 (issue 18, live readings): ``history.detail`` says more of a row than its action
    # ("40 → 55" for a speed, "started → stopped" for an alert); ``live_state``, one row
    # per operation: the latest live reading as kept for the next one to compare with
    # (``reading``: JSON, by campaign id: status, calls a minute, remaining, speed, active
    # alerts), when Wolkvox's licenses (``services``) and token count (``token_info``)
    # were last read, and what they said. Plans keep a campaign's speed as a third element
    # of its ``campaigns`` JSON entry (this step makes older versions refuse the file).
    [
        "ALTER TABLE history ADD COLUMN detail TEXT",
        "CREATE INDEX history_action ON history (server, action, started_at)",
        """CREATE TABLE live_state (
            server TEXT PRIMARY KEY,
            reading_at TEXT,
            reading TEXT,
            services_at TEXT,
            licenses INTEGER,
            token_info_at TEXT,
            token_use_today INTEGER,
            token_limit INTEGER,
            our_count INTEGER
        )""",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)
