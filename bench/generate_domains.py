"""Synthetic rows for meetings, directory, signals and the situation picture, written
through each domain's db insert functions (bench data, not demo data)."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta

from portal.directory._db import directory as directory_db
from portal.directory._vocab import CATEGORIES, TARGET_GROUPS, VISIBILITIES
from portal.meetings._db import writes as meetings_db
from portal.signals._db import signals as signals_db
from portal.signals._steps import KINDS, OUTCOMES, URGENCIES
from portal.situation._db import situation as situation_db
from portal.vocab import MILIEUS, SETTINGS, SOURCES

START = datetime(2021, 1, 12, 13, 0)
ORGS = ["Socialtjänsten", "Polisen", "Skolan", "Fritid", "Länsstyrelsen", "Grannkommun"]


def meetings(cur, rng: random.Random, scale: int) -> int:
    """60*scale meetings over five years, each with agenda, attendees, decisions, actions."""
    count = 60 * scale
    for n in range(count):
        starts = START + timedelta(days=int(n * 5 * 365 / count), hours=rng.randrange(3))
        mid = meetings_db.insert_meeting(
            cur,
            {
                "title": f"Syntetiskt möte {n + 1}",
                "type": rng.choice(["sos", "police", "regional", "neighbours", "other"]),
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=2),
                "status": "held" if starts < datetime(2026, 11, 1) else "planned",
                "minutes": "Syntetiskt protokoll.",
            },
            "processledare",
        )
        for pos in range(4):
            meetings_db.insert_agenda_item(cur, mid, {"title": f"Punkt {pos + 1}"}, pos + 1)
        for person in range(6):
            meetings_db.insert_attendee(
                cur,
                mid,
                {
                    "name": f"Deltagare {person}",
                    "organisation": rng.choice(ORGS),
                    "present": rng.random() < 0.8,
                },
            )
        meetings_db.insert_decision(cur, mid, 1, "Syntetiskt beslut.", "processledare")
        meetings_db.insert_action(
            cur,
            mid,
            {
                "text": "Syntetisk åtgärd",
                "owner": "Processledaren",
                "due": (starts + timedelta(days=30)).date(),
                "status": "done" if rng.random() < 0.7 else "open",
            },
            "processledare",
        )
    return count


def directory(cur, rng: random.Random, scale: int) -> int:
    """150*scale entries spread over organisations, visibilities and categories."""
    count = 150 * scale
    for n in range(count):
        org_id = f"bench-org-{n % max(1, count // 5)}"
        directory_db.insert_organization(cur, org_id, f"Organisation {org_id[-4:]}", "", "")
        directory_db.insert_entry(
            cur,
            str(uuid.UUID(int=rng.getrandbits(128))),
            org_id,
            {
                "name": f"Stödverksamhet {n + 1}",
                "description": (
                    "Stöd till anhöriga och unga i länet. Samtal på svenska och engelska."
                ),
                "status": "active",
                "eligibility": "",
                "cost": "Kostnadsfritt",
                "languages": ["sv", "en"],
                "target_groups": [rng.choice(TARGET_GROUPS)],
                "categories": [rng.choice(CATEGORIES)],
                "phone": "",
                "email": "",
                "url": "",
                "address": "",
                "service_area": f"Område {n % 20}",
                "hours": "",
                "visibility": rng.choice(VISIBILITIES),
                "source": "Syntetisk",
                "verified_on": date(2025, 1, 1) + timedelta(days=rng.randrange(600)),
                "verified_by": "bench",
            },
            "bench",
        )
    return count


def signals(cur, rng: random.Random, scale: int) -> int:
    """500*scale signals over five years, most of them closed."""
    count = 500 * scale
    for _ in range(count):
        observed = date(2021, 1, 1) + timedelta(days=rng.randrange(5 * 365))
        quarter = f"{observed.year}-Q{(observed.month - 1) // 3 + 1}"
        sid = signals_db.insert_signal(
            cur,
            "ledamot",
            observed,
            quarter,
            rng.choice(SETTINGS),
            rng.choice(MILIEUS),
            rng.choice(KINDS),
            rng.choice(URGENCIES),
            "Syntetisk beskrivning av en oro.",
            reported_at=datetime.combine(observed, datetime.min.time()),
        )
        received = datetime.combine(observed, datetime.min.time())
        signals_db.insert_step(cur, sid, "received", "samordnare", received, "Mottagen.")
        signals_db.set_step(cur, sid, 1, "received", "samordnare", received, None, None)
        if rng.random() < 0.9:  # most signals are handled and closed within weeks
            closed = received + timedelta(days=rng.randrange(3, 60))
            outcome = rng.choice(OUTCOMES)
            signals_db.insert_step(
                cur, sid, "closed", "samordnare", closed, "Avslutad.", outcome=outcome
            )
            signals_db.set_step(cur, sid, 2, "closed", "samordnare", closed, None, outcome)
    return count


def situation(cur, rng: random.Random, scale: int) -> int:
    """Ten years of assessments and quarterly indicators in 5*scale areas."""
    rows = 0
    existing = {r[0] for r in cur.execute("SELECT year FROM situation_years").fetchall()}
    for year in range(2016, 2026):
        if year not in existing:
            situation_db.insert_year(
                cur,
                {
                    "year": year,
                    "status": "approved",
                    "summary": "Syntetisk lägesbild.",
                    "approved_on": date(year, 12, 1),
                },
            )
            for milieu in MILIEUS:
                situation_db.insert_assessment(
                    cur,
                    {
                        "year": year,
                        "milieu": milieu,
                        "level": rng.choice(["none", "low", "elevated", "high"]),
                        "trend": rng.choice(["decreasing", "unchanged", "increasing"]),
                        "narrative": "Syntetisk bedömning.",
                    },
                    "samordnare",
                    datetime(year, 12, 1),
                )
        for quarter in range(1, 5):
            for area in range(5 * scale):
                situation_db.insert_indicator(
                    cur,
                    {
                        "period": f"{year}-Q{quarter}",
                        "year": year,
                        "quarter": quarter,
                        "milieu": rng.choice(MILIEUS),
                        "source": rng.choice(SOURCES),
                        "area": f"Område {area}",
                        "count": rng.randrange(0, 12),
                    },
                    "samordnare",
                )
                rows += 1
    return rows


GENERATORS = [
    ("meetings", meetings),
    ("directory_entries", directory),
    ("signals", signals),
    ("situation_indicators", situation),
]
