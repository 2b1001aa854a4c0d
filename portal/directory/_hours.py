"""Opening hours as written in Swedish ("Vardagar 09–15", "Mån–tors 9–16, fre 9–12")
read into weekly HSDS schedules (byday, opens_at, closes_at).

People write hours as free text and the entry keeps that text. When every part of it is
a day span with a time span, the open data gets structured schedules too; otherwise it
gets the text alone, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES = {
    "mån": 0,
    "måndag": 0,
    "måndagar": 0,
    "tis": 1,
    "tisdag": 1,
    "tisdagar": 1,
    "ons": 2,
    "onsdag": 2,
    "onsdagar": 2,
    "tor": 3,
    "tors": 3,
    "torsdag": 3,
    "torsdagar": 3,
    "fre": 4,
    "fredag": 4,
    "fredagar": 4,
    "lör": 5,
    "lördag": 5,
    "lördagar": 5,
    "sön": 6,
    "söndag": 6,
    "söndagar": 6,
}
_GROUPS = {
    "vardagar": DAYS[:5],
    "helger": DAYS[5:],
    "helgdagar": DAYS[5:],
    "alla dagar": DAYS,
    "dagligen": DAYS,
    "varje dag": DAYS,
}
_DASH = r"\s*(?:-|–|—|till)\s*"
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?"
_TIMES = re.compile(rf"^(?:kl\.?\s*)?{_TIME}{_DASH}{_TIME}$")
_ROUND_THE_CLOCK = ("dygnet runt", "alla dagar dygnet runt", "dygnet runt alla dagar")


@dataclass(frozen=True)
class Opening:
    """Open on `days` (RFC 5545 day codes) from `opens` to `closes` (HH:MM:SS, the
    time format of the HSDS tabular schema)."""

    days: tuple[str, ...]
    opens: str
    closes: str
    text: str  # the part of the written hours this came from


def parse(hours: str) -> list[Opening] | None:
    """The weekly openings the text states, or None when any part is not understood."""
    text = " ".join(hours.split()).strip().rstrip(".")
    if not text:
        return None
    if text.lower() in _ROUND_THE_CLOCK:
        return [Opening(DAYS, "00:00:00", "23:59:00", text)]
    parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
    found = [_part(p) for p in parts]
    if any(f is None for f in found):
        return None
    return [f for f in found if f is not None]


def _part(text: str) -> Opening | None:
    match = re.match(rf"^(.*?)\s*((?:kl\.?\s*)?{_TIME}{_DASH}{_TIME})$", text, re.IGNORECASE)
    if not match:
        return None
    days = _days(match.group(1).strip().lower())
    times = _TIMES.match(match.group(2).strip().lower())
    if days is None or times is None:
        return None
    opens = _clock(times.group(1), times.group(2))
    closes = _clock(times.group(3), times.group(4))
    if opens is None or closes is None or closes <= opens:
        return None
    return Opening(days, opens, closes, text)


def _days(text: str) -> tuple[str, ...] | None:
    """Day codes of 'vardagar', 'mån–fre', 'mån, ons', 'lördag' …; None if not days."""
    if text in _GROUPS:
        return _GROUPS[text]
    span = re.fullmatch(rf"([a-zåäö]+){_DASH}([a-zåäö]+)", text)
    if span:
        first, last = _DAY_NAMES.get(span.group(1)), _DAY_NAMES.get(span.group(2))
        if first is None or last is None or last < first:
            return None
        return DAYS[first : last + 1]
    names = [n for n in re.split(r"\s*(?:och|&|/|\s)\s*", text) if n]
    indexes = [_DAY_NAMES.get(n) for n in names]
    if not names or any(i is None for i in indexes):
        return None
    return tuple(DAYS[i] for i in sorted({i for i in indexes if i is not None}))


def _clock(hour: str, minute: str | None) -> str | None:
    h, m = int(hour), int(minute or 0)
    if h > 24 or m > 59 or (h == 24 and m):
        return None
    if h == 24:
        return "23:59:00"  # "till 24" is the end of the day; 24:00 is not a valid time
    return f"{h:02d}:{m:02d}:00"
