"""Meetings as a calendar (.ics, RFC 5545 via icalendar) or a CSV list.

UIDs are derived from the meeting id and the database's identity so importing the file
again updates the events instead of duplicating them. Times are written with
TZID=Europe/Stockholm and a matching VTIMEZONE, so calendar programs show them right
across daylight-saving changes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from icalendar import Calendar, Event

from portal.exports.tabular import write_csv
from portal.i18n import t
from portal.meetings import api as db
from portal.meetings.api import TZ, now_local, type_label

FORMATS = ("ics", "csv")
UID_DOMAIN = "sos-portalen.invalid"
PRODID = "-//SOS-portalen//Samverkansmoten//SV"
ICS_STATUS = {"planned": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}


def uid(meeting_id: int) -> str:
    """Stable per meeting: the same meeting always gets the same UID."""
    return f"meeting-{int(meeting_id)}@{UID_DOMAIN}"


def _local(value) -> datetime:
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    return value.replace(tzinfo=TZ)


def _event(m: dict, stamp: datetime) -> Event:
    ev = Event()
    ev.add("uid", uid(m["id"]))
    ev.add("dtstamp", stamp)
    ev.add("dtstart", _local(m["starts_at"]))
    ev.add("dtend", _local(m["ends_at"]))
    ev.add("summary", m["title"])
    ev.add("categories", [type_label(m["type"])])
    if m.get("place"):
        ev.add("location", m["place"])
    if m.get("link"):
        ev.add("url", m["link"])
    desc = [type_label(m["type"])]
    if m.get("link"):
        desc.append(m["link"])
    ev.add("description", "\n".join(desc))
    ev.add("status", ICS_STATUS.get(m["status"], "CONFIRMED"))
    # SEQUENCE grows with every save so calendar programs accept the update.
    ev.add("sequence", max(int(m.get("version") or 1) - 1, 0))
    return ev


def calendar_bytes(rows: list[dict]) -> bytes:
    """An iCalendar file with one VEVENT per meeting in `rows`."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", t("meetings.calendar_name"))
    cal.add("x-wr-timezone", "Europe/Stockholm")
    stamp = datetime.now(UTC).replace(microsecond=0)
    for row in rows:
        cal.add_component(_event(row, stamp))
    if rows:
        # A VTIMEZONE for Europe/Stockholm covering the meetings' span (inserted first).
        first = min(_local(r["starts_at"]) for r in rows).date()
        last = max(_local(r["ends_at"]) for r in rows).date()
        cal.add_missing_timezones(
            first_date=first.replace(day=1), last_date=last.replace(year=last.year + 1)
        )
    return cal.to_ical()


def invitation_bytes(m: dict, organizer: str, attendee: str, agenda: list[str], url: str) -> bytes:
    """An iTIP message (RFC 5546) for one meeting: METHOD:REQUEST, or CANCEL for a
    cancelled meeting, with the same UID and SEQUENCE as the calendar export, so the
    invitation and a subscribed feed update the same event."""
    cancel = m["status"] == "cancelled"
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if cancel else "REQUEST")
    ev = _event(m, datetime.now(UTC).replace(microsecond=0))
    for name in ("description", "url"):
        ev.pop(name, None)
    online = [m["link"]] if m.get("link") else []
    ev.add("description", "\n".join([*agenda, *online, url]))
    ev.add("url", url)
    ev.add("organizer", f"mailto:{organizer}", parameters={"cn": t("meetings.calendar_name")})
    ev.add(
        "attendee",
        f"mailto:{attendee}",
        parameters={"role": "REQ-PARTICIPANT", "partstat": "NEEDS-ACTION", "rsvp": "FALSE"},
    )
    cal.add_component(ev)
    start = _local(m["starts_at"]).date()
    cal.add_missing_timezones(
        first_date=start.replace(day=1), last_date=start.replace(year=start.year + 1)
    )
    return cal.to_ical()


def meeting_ics(meeting_id: int) -> bytes:
    m = db.meeting(meeting_id)
    return calendar_bytes([m] if m else [])


def upcoming_ics() -> bytes:
    df = db.upcoming(now_local())
    return calendar_bytes(df.to_dict("records"))


# Column -> catalog key of its heading (the file speaks the reader's language).
HEADERS = {
    "id": "meetings.col_id",
    "title": "meetings.meeting_title",
    "type": "meetings.type",
    "starts_at": "meetings.col_starts",
    "ends_at": "meetings.col_ends",
    "place": "meetings.place",
    "link": "meetings.link",
    "status": "meetings.status",
}


def meetings_table() -> pd.DataFrame:
    """Every meeting with its type and status as words, headed in the UI's language."""
    df = db.meetings()
    table = pd.DataFrame(
        {
            "id": df["id"].astype(int),
            "title": df["title"],
            "type": [type_label(x) for x in df["type"]],
            "starts_at": [str(x)[:16] for x in df["starts_at"]],
            "ends_at": [str(x)[:16] for x in df["ends_at"]],
            "place": df["place"],
            "link": df["link"],
            "status": [t(f"meetings.statuses.{s}") for s in df["status"]],
        }
    )
    return table.rename(columns={k: t(v) for k, v in HEADERS.items()})


def export(fmt: str, path: Path) -> None:
    """CLI: `export meetings --format ics` writes every upcoming meeting; csv writes all."""
    if fmt == "ics":
        Path(path).write_bytes(upcoming_ics())
    elif fmt == "csv":
        write_csv(meetings_table(), path)
    else:
        raise ValueError(fmt)
