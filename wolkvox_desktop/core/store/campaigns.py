"""The ``campaigns`` table: the campaigns Wolkvox listed (replaced at each refresh) and
the ones added by hand, each with its last known status and latest start/stop."""

from __future__ import annotations

from datetime import datetime

from wolkvox_desktop.core.campaigns import Action, Campaign, CampaignStatus, parse_server_code
from wolkvox_desktop.core.store.connection import Connection
from wolkvox_desktop.core.store.records import (
    SavedCampaign,
    campaign_type_or_none,
    local_time,
)

CAMPAIGN_ACTIONS = (Action.START.value, Action.STOP.value)


class CampaignTable(Connection):
    def replace_api_campaigns(self, server: str, campaigns: list[Campaign]) -> None:
        """Replace the campaigns listed by Wolkvox (manual ones are kept); records the refresh
        time for ``campaigns_refreshed_at``.

        A campaign added by hand that Wolkvox now lists keeps its manual flag and takes
        Wolkvox's name, type and status.
        """
        code = parse_server_code(server)
        now = self._now_text()
        with self._write() as conn:
            conn.execute("DELETE FROM campaigns WHERE server = ? AND manual = 0", (code,))
            conn.execute("UPDATE campaigns SET listed = 0 WHERE server = ?", (code,))
            for campaign in campaigns:
                conn.execute(
                    """INSERT INTO campaigns
                         (server, campaign_id, name, type, status, manual, listed, updated_at)
                       VALUES (?, ?, ?, ?, ?, 0, 1, ?)
                       ON CONFLICT (server, campaign_id) DO UPDATE SET listed = 1,
                         name = CASE WHEN excluded.name != '' THEN excluded.name ELSE name END,
                         type = COALESCE(excluded.type, type),
                         status = excluded.status, updated_at = excluded.updated_at""",
                    (
                        code,
                        campaign.id,
                        campaign.name,
                        campaign.type.value if campaign.type else None,
                        campaign.status.value,
                        now,
                    ),
                )
            conn.execute(
                """INSERT INTO meta (server, campaigns_refreshed_at) VALUES (?, ?)
                   ON CONFLICT (server) DO UPDATE SET
                     campaigns_refreshed_at = excluded.campaigns_refreshed_at""",
                (code, now),
            )

    def add_manual_campaign(self, server: str, campaign: Campaign) -> None:
        """Add (or update) a campaign by hand (its id was checked where it was typed)."""
        code = parse_server_code(server)
        campaign_id = campaign.id
        with self._write() as conn:
            conn.execute(
                """INSERT INTO campaigns
                     (server, campaign_id, name, type, status, manual, updated_at)
                   VALUES (?, ?, ?, ?, ?, 1, ?)
                   ON CONFLICT (server, campaign_id) DO UPDATE SET manual = 1,
                     name = CASE WHEN excluded.name != '' THEN excluded.name ELSE name END,
                     type = COALESCE(excluded.type, type), updated_at = excluded.updated_at""",
                (
                    code,
                    campaign_id,
                    campaign.name.strip(),
                    campaign.type.value if campaign.type else None,
                    campaign.status.value,
                    self._now_text(),
                ),
            )

    def remove_manual_campaign(self, server: str, campaign_id: str) -> None:
        """Remove a hand-added campaign (one Wolkvox lists stays, no longer marked manual)."""
        code = parse_server_code(server)
        cid = campaign_id.strip()
        with self._write() as conn:
            conn.execute(
                "DELETE FROM campaigns WHERE server = ? AND campaign_id = ? AND manual = 1 "
                "AND listed = 0",
                (code, cid),
            )
            conn.execute(
                "UPDATE campaigns SET manual = 0 WHERE server = ? AND campaign_id = ?",
                (code, cid),
            )

    def campaigns(self, server: str) -> list[SavedCampaign]:
        """The operation's campaigns by name, each with its latest start/stop from history."""
        code = parse_server_code(server)
        with self._read() as conn:
            rows = conn.execute(
                """SELECT c.campaign_id, c.name, c.type, c.status, c.manual,
                          h.action, h.outcome, h.started_at
                   FROM campaigns AS c
                   LEFT JOIN history AS h ON h.id = (
                       SELECT id FROM history
                       WHERE server = c.server AND campaign_id = c.campaign_id
                         AND action IN (?, ?)
                       ORDER BY id DESC LIMIT 1)
                   WHERE c.server = ?
                   ORDER BY lower(c.name), c.campaign_id""",
                (*CAMPAIGN_ACTIONS, code),
            ).fetchall()
        result = []
        for cid, name, ctype, status, manual, action, outcome, at in rows:
            campaign = Campaign(
                id=cid,
                name=name,
                type=campaign_type_or_none(ctype),
                status=CampaignStatus.parse(status),
            )
            result.append(
                SavedCampaign(
                    server=code,
                    campaign=campaign,
                    manual=bool(manual),
                    last_action=action,
                    last_outcome=outcome,
                    last_at=local_time(at),
                )
            )
        return result

    def campaigns_refreshed_at(self, server: str) -> datetime | None:
        code = parse_server_code(server)
        with self._read() as conn:
            row = conn.execute(
                "SELECT campaigns_refreshed_at FROM meta WHERE server = ?", (code,)
            ).fetchone()
        return local_time(row[0]) if row else None

    def set_campaign_status(self, server: str, campaign_id: str, status: str) -> None:
        """Update a saved campaign's status (``started``/``stopped``/``unknown``, any case);
        a campaign that is not saved is left alone."""
        code = parse_server_code(server)
        value = CampaignStatus.parse(status).value
        with self._write(keeps_today=True) as conn:
            conn.execute(
                "UPDATE campaigns SET status = ?, updated_at = ? "
                "WHERE server = ? AND campaign_id = ?",
                (value, self._now_text(), code, campaign_id),
            )
