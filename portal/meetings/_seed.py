"""Demo meetings (only with --demo), dated relative to the day the database is created so
the demo always has past and upcoming meetings. Every demo row says "[Demo]".
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from portal.db.connection import Cursor, scalar
from portal.meetings._db import writes

ACTOR = "processledare"

ORGS = [
    ("Demo Processledare", "Kommunledningskontoret"),
    ("Demo Säkerhetssamordnare", "Kommunledningskontoret"),
    ("Demo Rektor", "Skolan"),
    ("Demo Socialsekreterare", "Socialtjänsten"),
    ("Demo Fritidsledare", "Fritid"),
    ("Demo Kommunpolis", "Polisen"),
]


def _at(day: date, hour: int, minutes: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minutes))


def load_default(cur: Cursor) -> None:
    """No meetings in the embedded default: a real group adds its own."""


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def load_demo(cur: Cursor) -> None:
    if scalar(cur, "SELECT count(*) FROM meetings WHERE title LIKE '[Demo]%'"):
        return
    today = date.today()
    past_sos = _monday(today - timedelta(days=42)) + timedelta(days=2)
    past_police = _monday(today - timedelta(days=14)) + timedelta(days=1)
    next_sos = _monday(today + timedelta(days=21)) + timedelta(days=2)
    regional = _monday(today + timedelta(days=35)) + timedelta(days=3)

    held = writes.insert_meeting(
        cur,
        {
            "title": "[Demo] SOS-gruppens möte",
            "type": "sos",
            "starts_at": _at(past_sos, 13),
            "ends_at": _at(past_sos, 15),
            "place": "Kommunhuset, sal Orust",
            "status": "held",
            "minutes": "# Lägesbild\n[Demo] Polisen redogjorde för läget. Inga tecken på "
            "organiserad våldsbejakande extremism i kommunen.\n\n"
            "# Utbildning\n- [Demo] Skolan vill ha fler platser på utbildningen "
            "om att se signaler.",
        },
        ACTOR,
    )
    for pos, (title, kind, minutes) in enumerate(
        [
            ("Öppna åtgärdspunkter från tidigare möten", "actions", 15),
            ("Försenade aktiviteter i handlingsplanen", "late_activities", 15),
            ("Lägesbild", "situation", 20),
            ("Signaler – översikt", "signals", 10),
        ],
        start=1,
    ):
        writes.insert_agenda_item(
            cur,
            held,
            {
                "title": title,
                "kind": kind,
                "duration_min": minutes,
                "presenter": "Demo Processledare",
            },
            pos,
        )
    for name, org in ORGS:
        writes.insert_attendee(
            cur,
            held,
            {"name": name, "organisation": org, "invited": True, "present": org != "Fritid"},
        )
    writes.insert_decision(
        cur, held, 1, "[Demo] Utbildningen om signaler erbjuds alla rektorer under hösten.", ACTOR
    )
    writes.insert_decision(
        cur, held, 2, "[Demo] Nästa lägesbild tas fram tillsammans med polisen.", ACTOR
    )
    writes.insert_action(
        cur,
        held,
        {
            "text": "[Demo] Boka lokal och föreläsare för signalutbildningen",
            "owner": "Demo Processledare",
            "owner_username": "processledare",
            "due": today - timedelta(days=7),
        },
        ACTOR,
    )
    writes.insert_action(
        cur,
        held,
        {
            "text": "[Demo] Skicka lägesbildsunderlag till Länsstyrelsen",
            "owner": "Demo Säkerhetssamordnare",
            "owner_username": "samordnare",
            "due": today + timedelta(days=14),
        },
        ACTOR,
    )
    done = writes.insert_action(
        cur,
        held,
        {
            "text": "[Demo] Uppdatera kontaktuppgifter på stödsidan",
            "owner": "Demo Processledare",
            "owner_username": "processledare",
            "due": today - timedelta(days=20),
        },
        ACTOR,
    )
    writes.set_action_status(cur, done, "done", ACTOR, _at(today - timedelta(days=21), 10))

    police = writes.insert_meeting(
        cur,
        {
            "title": "[Demo] Samverkansmöte med lokalpolisområdet",
            "type": "police",
            "starts_at": _at(past_police, 9),
            "ends_at": _at(past_police, 10, 30),
            "place": "Polisstationen",
            "status": "held",
            "minutes": "[Demo] Genomgång av samverkansöverenskommelsen.",
        },
        ACTOR,
    )
    for name, org in (ORGS[1], ORGS[5]):
        writes.insert_attendee(cur, police, {"name": name, "organisation": org, "present": True})
    writes.insert_decision(cur, police, 1, "[Demo] Medborgarlöftet följs upp varje kvartal.", ACTOR)

    upcoming = writes.insert_meeting(
        cur,
        {
            "title": "[Demo] SOS-gruppens möte",
            "type": "sos",
            "starts_at": _at(next_sos, 13),
            "ends_at": _at(next_sos, 15),
            "place": "Kommunhuset, sal Orust",
            "link": "https://example.org/demo-mote",
        },
        ACTOR,
    )
    for pos, (title, kind, minutes) in enumerate(
        [
            ("Öppna åtgärdspunkter från tidigare möten", "actions", 15),
            ("Försenade aktiviteter i handlingsplanen", "late_activities", 15),
            ("Lägesbild", "situation", 20),
            ("Signaler – översikt", "signals", 10),
            ("[Demo] Planering av föräldrakväll", "custom", 20),
        ],
        start=1,
    ):
        writes.insert_agenda_item(
            cur, upcoming, {"title": title, "kind": kind, "duration_min": minutes}, pos
        )
    for name, org in ORGS:
        # A guest without an account, with an address, so a demo shows guests' invitations.
        email = "kommunpolis@demo.invalid" if org == "Polisen" else ""
        writes.insert_attendee(cur, upcoming, {"name": name, "organisation": org, "email": email})

    writes.insert_meeting(
        cur,
        {
            "title": "[Demo] Regionalt nätverksmöte, Länsstyrelsen",
            "type": "regional",
            "starts_at": _at(regional, 10),
            "ends_at": _at(regional, 12),
            "link": "https://example.org/lansstyrelsen-demo",
        },
        "samordnare",
    )
