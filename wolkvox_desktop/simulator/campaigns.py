"""The simulated account's campaigns: the row ``api=campaigns`` lists, and the demo and
generated sets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wolkvox_desktop.simulator.api import CAMPAIGN_TYPES


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
    # the live figures (real_time.php; simulator/dialer.py moves them)
    clean: int = -1  # records never dialled (-1: all of ``records``)
    dial: int = 0
    answer: int = 0
    no_answer: int = 0
    failed: int = 0  # busy/congestion/failed
    answer_machine: int = 0
    skill_id: str = ""
    ticked_at: float | None = None  # the dialer clock when last brought up to it
    carry: float = 0.0  # a call begun but not yet made

    def __post_init__(self) -> None:
        if self.clean < 0:
            self.clean = max(0, self.records - self.dial)
        if not self.skill_id:
            self.skill_id = f"{self.campaign_id}0"

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

    def live_json(self, calls_per_minute: float) -> dict[str, Any]:
        """The row ``real_time.php?api=campaigns`` lists (the documented fields, numbers
        as numbers; the faults may change that)."""
        penetration = round(self.dial * 100.0 / self.records, 1) if self.records else 0.0
        return {
            "campaign": f"{self.campaign_id} - {self.campaign_name}",
            "speed": self.speed,
            "status": self.status.lower(),
            "skill_id": self.skill_id,
            "records": self.records,
            "clean": self.clean,
            "dial": self.dial,
            "answer": self.answer,
            "no_answer": self.no_answer,
            "busy/congestion/failed": self.failed,
            "answer_machine": self.answer_machine,
            "penetration_day": penetration,
            "penetration_now": penetration,
            "hits": self.answer,
            "calls_x_min": calls_per_minute,
            "recycled": 0,
        }


Campaign = SimCampaign  # the name the package contract uses


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
    # live: 3301 dials at speed 40 (10 calls a minute); 3307's list is nearly done (it
    # finishes within minutes and stays started); 3304 is a started preview campaign at
    # speed 0, so it does not dial
    dialled = {"3301": 310, "3307": 664}
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
            dial=dialled.get(cid, 0),
            answer=int(dialled.get(cid, 0) * 0.45),
            answer_machine=int(dialled.get(cid, 0) * 0.2),
            failed=int(dialled.get(cid, 0) * 0.1),
            no_answer=dialled.get(cid, 0) - int(dialled.get(cid, 0) * 0.45)
            - int(dialled.get(cid, 0) * 0.2) - int(dialled.get(cid, 0) * 0.1),
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
